// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-cpu-pipeline)' | FileCheck %s --implicit-check-not=linalg. --implicit-check-not=thunder_

// A prims-level softmax over the last dimension, lowered by thunder-cpu-pipeline
// all the way to the LLVM dialect: loops over the buffers, no linalg or thunder
// op left, and the C interface wrapper the runtime calls.

// CHECK-NOT: linalg.
// CHECK-NOT: thunder_
// CHECK-DAG: llvm.func @free(!llvm.ptr)
// CHECK-DAG: llvm.func @malloc(i64) -> !llvm.ptr
// CHECK-LABEL: llvm.func @softmax(
// CHECK-SAME: %{{[^:]+}}: !llvm.ptr, %{{[^:]+}}: !llvm.ptr, %{{[^:]+}}: i64, %{{[^:]+}}: i64, %{{[^:]+}}: i64, %{{[^:]+}}: i64, %{{[^:]+}}: i64)
// CHECK-SAME: -> !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)> attributes {llvm.emit_c_interface}
// The row maximum propagates NaN: the greater value, or the accumulator if it is NaN.
// CHECK: %[[GT:.+]] = llvm.fcmp "ugt" %[[X:.+]], %[[ACC:.+]] : f32
// CHECK-NEXT: %[[MAX:.+]] = llvm.select %[[GT]], %[[X]], %[[ACC]] : i1, f32
// CHECK-NEXT: %[[NAN:.+]] = llvm.fcmp "uno" %[[ACC]], %[[ACC]] : f32
// CHECK-NEXT: llvm.select %[[NAN]], %[[ACC]], %[[MAX]] : i1, f32
// exp(x - max), fused into one loop.
// CHECK: %[[SHIFTED:.+]] = llvm.fsub %{{.+}}, %{{.+}} : f32
// CHECK-NEXT: llvm.intr.exp(%[[SHIFTED]]) : (f32) -> f32
// The row sum, then the division.
// CHECK: llvm.fadd %{{.+}}, %{{.+}} : f32
// CHECK: llvm.fdiv %{{.+}}, %{{.+}} : f32
// CHECK: llvm.call @free(
// CHECK: llvm.return %{{.+}} : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-LABEL: llvm.func @_mlir_ciface_softmax(
// CHECK-SAME: %{{[^:]+}}: !llvm.ptr, %{{[^:]+}}: !llvm.ptr) attributes {llvm.emit_c_interface}
// CHECK: llvm.call @softmax(
// CHECK: llvm.return
// CHECK-NOT: linalg.
// CHECK-NOT: thunder_
func.func @softmax(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %m = thunder_prims.amax %x, dims = [1] : tensor<4x8xf32> -> tensor<4xf32>
  %mb = thunder_prims.broadcast_in_dim %m, dims = [0] : tensor<4xf32> -> tensor<4x8xf32>
  %s = thunder_prims.sub %x, %mb : tensor<4x8xf32>
  %e = thunder_prims.exp %s : tensor<4x8xf32>
  %t = thunder_prims.sum %e, dims = [1] : tensor<4x8xf32> -> tensor<4xf32>
  %tb = thunder_prims.broadcast_in_dim %t, dims = [0] : tensor<4xf32> -> tensor<4x8xf32>
  %r = thunder_prims.div %e, %tb : tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}
