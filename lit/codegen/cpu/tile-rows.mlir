// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(convert-thunder-prims-to-linalg,canonicalize,linalg-fuse-elementwise-ops,canonicalize,cse,thunder-tile-rows,canonicalize,cse)' | FileCheck %s

// A softmax kernel: every op, the two reductions included, is fused into one
// loop over tiles of 4 rows (4 x 1024 f32 = 16 KiB, an L1 cache's share),
// run as an scf.forall.
// The row max is a plain row reduction of the tile, by LLVM's NaN-propagating
// maximum, reassociable.
// CHECK-DAG: #[[ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROWS:.+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @softmax_fusion_0
// CHECK: scf.forall (%[[ROW:.+]]) = (0) to (64) step (4) shared_outs(%[[OUT:.+]] = %{{.+}}) -> (tensor<64x1024xf32>)
// CHECK:   %[[TILE:.+]] = tensor.extract_slice %arg0[%[[ROW]], 0] [4, 1024] [1, 1]
// CHECK:   linalg.generic {indexing_maps = [#[[ID]], #[[ROWS]]], iterator_types = ["parallel", "reduction"]} ins(%[[TILE]] : tensor<4x1024xf32>) outs({{.+}} : tensor<4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[ACC:[^:]+]]: f32):
// CHECK-NEXT: llvm.intr.maximum(%[[ACC]], %[[IN]]) {fastmathFlags = #llvm.fastmath<nsz, reassoc>} : (f32, f32) -> f32
// CHECK:   math.exp
// CHECK:   arith.addf {{.+}} fastmath<reassoc,nsz>
// CHECK:   arith.divf
// CHECK:   scf.forall.in_parallel
// CHECK-NEXT: tensor.parallel_insert_slice %{{.+}} into %[[OUT]][%[[ROW]], 0] [4, 1024] [1, 1]
// CHECK-NOT: linalg.generic
// CHECK: return
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

// Elementwise only and big (2^18 elements): tiles of rows (one
// row of 4096 is a tile), for the threads.
// CHECK-LABEL: func.func @chain_fusion_0
// CHECK: scf.forall (%{{.+}}) in (64)
// CHECK: linalg.generic
// CHECK-NOT: linalg.generic
// CHECK: tensor.parallel_insert_slice
func.func @chain_fusion_0(%x: tensor<64x4096xf32>) -> tensor<64x4096xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.exp %x : tensor<64x4096xf32>
  %1 = thunder_prims.mul %0, %x : tensor<64x4096xf32>
  return %1 : tensor<64x4096xf32>
}

// -----

// Elementwise only and small: one fused generic on one thread, no tiling.
// CHECK-LABEL: func.func @small_chain_fusion_0
// CHECK-NOT: scf.forall
// CHECK: linalg.generic
// CHECK-NOT: linalg.generic
func.func @small_chain_fusion_0(%x: tensor<64x1024xf32>) -> tensor<64x1024xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.exp %x : tensor<64x1024xf32>
  %1 = thunder_prims.mul %0, %x : tensor<64x1024xf32>
  return %1 : tensor<64x1024xf32>
}

// -----

// A row reduction: the output has one element per row, but the tiles are
// sized by the input's rows (4 x 1024), and the producer is fused into them.
// CHECK-LABEL: func.func @rowsum_fusion_0
// CHECK: scf.forall (%[[ROW:.+]]) = (0) to (64) step (4) shared_outs(%[[OUT:.+]] = %{{.+}}) -> (tensor<64xf32>)
// CHECK:   %[[TILE:.+]] = tensor.extract_slice %arg0[%[[ROW]], 0] [4, 1024] [1, 1]
// CHECK:   linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins(%[[TILE]] : tensor<4x1024xf32>) outs({{.+}} : tensor<4xf32>)
// CHECK:     arith.mulf
// CHECK:     arith.addf {{.+}} fastmath<reassoc,nsz>
// CHECK:   scf.forall.in_parallel
// CHECK-NEXT: tensor.parallel_insert_slice %{{.+}} into %[[OUT]][%[[ROW]]] [4] [1] : tensor<4xf32> into tensor<64xf32>
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @rowsum_fusion_0(%x: tensor<64x1024xf32>) -> tensor<64xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.mul %x, %x : tensor<64x1024xf32>
  %1 = thunder_prims.sum %0, dims = [1] : tensor<64x1024xf32> -> tensor<64xf32>
  return %1 : tensor<64xf32>
}

// -----

// A column reduction: the output is not row-parallel, so it stays as it is.
// CHECK-LABEL: func.func @colsum_fusion_0
// CHECK-NOT: scf.forall
func.func @colsum_fusion_0(%x: tensor<64x4096xf32>) -> tensor<4096xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.mul %x, %x : tensor<64x4096xf32>
  %1 = thunder_prims.sum %0, dims = [0] : tensor<64x4096xf32> -> tensor<4096xf32>
  return %1 : tensor<4096xf32>
}

// -----

// Small kernels (one tile would hold every row) are not tiled.
// CHECK-LABEL: func.func @small_fusion_0
// CHECK-NOT: scf.forall
func.func @small_fusion_0(%x: tensor<4x256xf32>) -> tensor<4x256xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.sum %x, dims = [1] : tensor<4x256xf32> -> tensor<4xf32>
  %1 = thunder_prims.broadcast_in_dim %0, dims = [0] : tensor<4xf32> -> tensor<4x256xf32>
  %2 = thunder_prims.div %x, %1 : tensor<4x256xf32>
  return %2 : tensor<4x256xf32>
}

// -----

// keepdim reductions (a reshape adding a size-1 dimension, then a broadcast)
// fuse like any elementwise op: everything runs in the tile loop, nothing
// untiled before it.
// CHECK-LABEL: func.func @keepdim_softmax_fusion_0
// CHECK-NOT: linalg.generic
// CHECK: scf.forall (%{{.+}}) = (0) to (64) step (4)
// CHECK-NOT: tensor.expand_shape
// CHECK: math.exp
// CHECK: scf.forall.in_parallel
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @keepdim_softmax_fusion_0(%x: tensor<64x1024xf32>) -> tensor<64x1024xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.amax %x, dims = [1] : tensor<64x1024xf32> -> tensor<64xf32>
  %1 = thunder_prims.reshape %0 : tensor<64xf32> -> tensor<64x1xf32>
  %2 = thunder_prims.broadcast_in_dim %1, dims = [0, 1] : tensor<64x1xf32> -> tensor<64x1024xf32>
  %3 = thunder_prims.sub %x, %2 : tensor<64x1024xf32>
  %4 = thunder_prims.exp %3 : tensor<64x1024xf32>
  %5 = thunder_prims.sum %4, dims = [1] : tensor<64x1024xf32> -> tensor<64xf32>
  %6 = thunder_prims.reshape %5 : tensor<64xf32> -> tensor<64x1xf32>
  %7 = thunder_prims.broadcast_in_dim %6, dims = [0, 1] : tensor<64x1xf32> -> tensor<64x1024xf32>
  %8 = thunder_prims.div %4, %7 : tensor<64x1024xf32>
  return %8 : tensor<64x1024xf32>
}
