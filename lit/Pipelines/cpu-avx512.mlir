// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-exec-kernels-to-linalg-pipeline,thunder-linalg-to-llvm-cpu-pipeline)' | FileCheck %s

// A row-tiled softmax kernel lowered for an AVX-512 CPU (named by
// `thunder.cpu_features`, so the output is the same on every host): the
// functions prefer 512-bit vectors, the tile buffers live on each OpenMP
// thread's stack (no allocation in the loop, no free at all: the only heap
// buffer is the result), the exp loop prefetches the next tile, and exp's
// 2^k is an ldexp (vscalefps).
// CHECK-NOT: llvm.func @free
// CHECK-LABEL: llvm.func @softmax_fusion_0(
// CHECK-SAME: passthrough = {{\[\[}}"prefer-vector-width", "512"{{\]\]}}
// CHECK: llvm.call @aligned_alloc(
// CHECK: omp.parallel {
// CHECK-COUNT-3: llvm.alloca %{{.+}} x f32 {alignment = 64 : i64} : (i64) -> !llvm.ptr
// CHECK: omp.wsloop {
// CHECK-NOT: llvm.call @aligned_alloc
// CHECK: llvm.intr.maximum
// CHECK: "llvm.intr.prefetch"(%{{.+}}) <{cache = 1 : i32, hint = 3 : i32, rw = 0 : i32}> : (!llvm.ptr) -> ()
// CHECK: llvm.intr.ldexp(%{{.+}}, %{{.+}}) : (f32, i32) -> f32
// CHECK: omp.terminator
// CHECK-LABEL: llvm.func @_mlir_ciface_softmax_fusion_0(
// CHECK-SAME: passthrough = {{\[\[}}"prefer-vector-width", "512"{{\]\]}}
module attributes {thunder.cpu_features = ["avx512f"]} {
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
}
