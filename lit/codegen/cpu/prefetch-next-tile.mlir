// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(convert-thunder-prims-to-linalg,canonicalize,linalg-fuse-elementwise-ops,canonicalize,cse,thunder-tile-rows,canonicalize,cse,one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map},scf-forall-to-parallel,buffer-deallocation-pipeline,convert-bufferization-to-memref,convert-linalg-to-loops,thunder-scf-prefetch-next-tile)' | FileCheck %s

// A row-tiled softmax (4 rows of 1024 per tile): the row max reads the tile
// from memory first; the exp loop, which reads it again from cache and
// computes, also prefetches the next tile, one 64-byte line (16 f32) per
// step: its column loop is split into 16-element chunks. The last tile
// prefetches itself (the row index is clamped to 60). No other loop changes.
// CHECK-LABEL: func.func @softmax_fusion_0(
// CHECK-SAME: %[[X:[^:]+]]: memref<64x1024xf32>)
// CHECK: scf.parallel (%[[TILE:[^)]+]]) = (%{{.+}}) to (%{{.+}}) step (%{{.+}}) {
// CHECK: %[[AHEAD:[^ ]+]] = arith.addi %[[TILE]], %{{.+}} : index
// CHECK: %[[NEXT:[^ ]+]] = arith.minsi %[[AHEAD]], %{{.+}} : index
// CHECK: llvm.intr.maximum
// CHECK-NOT: memref.prefetch
// CHECK: scf.for %[[ROW:[^ ]+]] =
// CHECK: %[[STEP:[^ ]+]] = arith.constant 16 : index
// CHECK-NEXT: scf.for %[[J0:[^ ]+]] = %{{.+}} to %{{.+}} step %[[STEP]] {
// CHECK-NEXT: %[[R:[^ ]+]] = arith.addi %[[NEXT]], %[[ROW]] : index
// CHECK-NEXT: memref.prefetch %[[X]][%[[R]], %[[J0]]], read, locality<3>, data : memref<64x1024xf32>
// CHECK: scf.for %[[J1:[^ ]+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK-NEXT: %[[J:[^ ]+]] = arith.addi %[[J0]], %[[J1]] : index
// CHECK-NEXT: memref.load %{{.+}}[%[[ROW]], %[[J]]]
// CHECK: math.exp
// CHECK-NOT: memref.prefetch
// CHECK: scf.reduce
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

// A normalisation: the second pass only scales (its one math op, rsqrt, is of
// a per-row value), so memory, not arithmetic, bounds every loop: nothing to
// overlap, no prefetch.
// CHECK-LABEL: func.func @rms_fusion_0(
// CHECK-NOT: memref.prefetch
// CHECK: return
func.func @rms_fusion_0(%x: tensor<64x1024xf32>) -> tensor<64x1024xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.mul %x, %x : tensor<64x1024xf32>
  %1 = thunder_prims.sum %0, dims = [1] : tensor<64x1024xf32> -> tensor<64xf32>
  %2 = thunder_prims.rsqrt %1 : tensor<64xf32>
  %3 = thunder_prims.broadcast_in_dim %2, dims = [0] : tensor<64xf32> -> tensor<64x1024xf32>
  %4 = thunder_prims.mul %x, %3 : tensor<64x1024xf32>
  return %4 : tensor<64x1024xf32>
}

// -----

// Rows that are not a whole number of cache lines (1000 f32): left alone.
// CHECK-LABEL: func.func @odd_softmax_fusion_0(
// CHECK: scf.parallel
// CHECK-NOT: memref.prefetch
// CHECK: return
func.func @odd_softmax_fusion_0(%x: tensor<64x1000xf32>) -> tensor<64x1000xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.amax %x, dims = [1] : tensor<64x1000xf32> -> tensor<64xf32>
  %1 = thunder_prims.broadcast_in_dim %0, dims = [0] : tensor<64xf32> -> tensor<64x1000xf32>
  %2 = thunder_prims.sub %x, %1 : tensor<64x1000xf32>
  %3 = thunder_prims.exp %2 : tensor<64x1000xf32>
  %4 = thunder_prims.sum %3, dims = [1] : tensor<64x1000xf32> -> tensor<64xf32>
  %5 = thunder_prims.broadcast_in_dim %4, dims = [0] : tensor<64xf32> -> tensor<64x1000xf32>
  %6 = thunder_prims.div %3, %5 : tensor<64x1000xf32>
  return %6 : tensor<64x1000xf32>
}
