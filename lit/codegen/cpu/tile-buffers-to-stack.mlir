// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(convert-thunder-prims-to-linalg,canonicalize,linalg-fuse-elementwise-ops,canonicalize,cse,thunder-tile-rows,canonicalize,cse,one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map},scf-forall-to-parallel,buffer-deallocation-pipeline,convert-bufferization-to-memref,convert-linalg-to-loops,convert-scf-to-openmp,thunder-memref-tile-buffers-to-stack,canonicalize)' | FileCheck %s

// A row-tiled softmax on OpenMP threads: the tile's buffers (the row maxima,
// the exponentials, the row sums) are allocated once per thread, on its stack,
// before the work-sharing loop, and no longer malloc'd and freed per tile. The
// result (the function's memref.alloc) stays on the heap; no memref.alloca_scope
// is left once its allocas have moved out.
// CHECK-LABEL: func.func @softmax_fusion_0(
// CHECK: %[[OUT:[^ ]+]] = memref.alloc() {alignment = 64 : i64} : memref<64x1024xf32>
// CHECK-NEXT: omp.parallel {
// CHECK-DAG: memref.alloca() {alignment = 64 : i64} : memref<4xf32>
// CHECK-DAG: memref.alloca() {alignment = 64 : i64} : memref<4x1024xf32>
// CHECK-DAG: memref.alloca() {alignment = 64 : i64} : memref<4xf32>
// CHECK: omp.wsloop {
// CHECK-NOT: memref.alloc
// CHECK-NOT: memref.dealloc
// CHECK-NOT: memref.alloca_scope
// CHECK: omp.terminator
// CHECK: return %[[OUT]] : memref<64x1024xf32>
func.func @softmax_fusion_0(%x: tensor<64x1024xf32>) -> tensor<64x1024xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.amax %x, dims = [1] : tensor<64x1024xf32> -> tensor<64xf32>
  %1 = thunder_prims.broadcast_in_dim %0, dims = [0] : tensor<64xf32> -> tensor<64x1024xf32>
  %2 = thunder_prims.sub %x, %1 : tensor<64x1024xf32>
  %3 = thunder_prims.exp %2 : tensor<64x1024xf32>
  %4 = thunder_prims.sum %3, dims = [1] : tensor<64x1024xf32> -> tensor<64xf32>
  %5 = thunder_prims.broadcast_in_dim %4, dims = [0] : tensor<64xf32> -> tensor<64x1024xf32>
  %6 = thunder_prims.div %3, %5 : tensor<64x1024xf32>
  return %6 : tensor<64x1024xf32>
}

// -----

// A tile buffer above 64 KiB (here one row of 32768 f32, 128 KiB) stays on
// the heap: worker threads' stacks are 4 MiB.
// CHECK-LABEL: func.func @wide_fusion_0(
// CHECK: omp.wsloop {
// CHECK: memref.alloc() {alignment = 64 : i64} : memref<1x32768xf32>
func.func @wide_fusion_0(%x: tensor<64x32768xf32>) -> tensor<64x32768xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.amax %x, dims = [1] : tensor<64x32768xf32> -> tensor<64xf32>
  %1 = thunder_prims.broadcast_in_dim %0, dims = [0] : tensor<64xf32> -> tensor<64x32768xf32>
  %2 = thunder_prims.sub %x, %1 : tensor<64x32768xf32>
  %3 = thunder_prims.exp %2 : tensor<64x32768xf32>
  %4 = thunder_prims.sum %3, dims = [1] : tensor<64x32768xf32> -> tensor<64xf32>
  %5 = thunder_prims.broadcast_in_dim %4, dims = [0] : tensor<64xf32> -> tensor<64x32768xf32>
  %6 = thunder_prims.div %3, %5 : tensor<64x32768xf32>
  return %6 : tensor<64x32768xf32>
}
