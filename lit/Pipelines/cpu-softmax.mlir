// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-cpu-pipeline)' > %t
// RUN: FileCheck %s --input-file=%t --implicit-check-not=linalg. --implicit-check-not=thunder_
// RUN: FileCheck %s --input-file=%t --check-prefix=ALL

// A prims-level softmax over the last dimension, lowered by thunder-cpu-pipeline
// all the way to the LLVM dialect: loops over the buffers, no linalg or thunder
// op left, and the C interface wrapper the runtime calls. The module names its
// target CPU (`thunder.cpu_features`, here a CPU without AVX-512) so the output
// is the same on every host; cpu-avx512.mlir shows the AVX-512 variant.

// Anywhere in the output (the second FileCheck run): no op of a dialect other
// than llvm, no exp but the inline polynomial, and no NaN test (the maximum is
// the intrinsic, not a compare and select chain).
// ALL-NOT: {{(^|[^a-z_.])(linalg|thunder_[a-z]+|arith|math|memref|scf|cf|func|tensor|bufferization|affine)\.[a-z_]+}}
// ALL-NOT: unrealized_conversion_cast
// ALL-NOT: llvm.fcmp "uno"
// ALL-NOT: llvm.intr.exp
// ALL-NOT: expf

// CHECK-NOT: linalg.
// CHECK-NOT: thunder_
// CHECK-DAG: llvm.func @free(!llvm.ptr)
// CHECK-DAG: llvm.func @aligned_alloc(i64, i64) -> !llvm.ptr
// CHECK-LABEL: llvm.func @softmax(
// CHECK-SAME: %{{[^:]+}}: !llvm.ptr, %{{[^:]+}}: !llvm.ptr, %{{[^:]+}}: i64, %{{[^:]+}}: i64, %{{[^:]+}}: i64, %{{[^:]+}}: i64, %{{[^:]+}}: i64)
// CHECK-SAME: -> !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)> attributes {llvm.emit_c_interface}
// The row maximum propagates NaN: LLVM's maximum intrinsic (not a compare and
// select chain, which LLVM cannot vectorise as a reduction), reassociable.
// CHECK: %[[X:.+]] = llvm.load %{{.+}} : !llvm.ptr -> f32
// CHECK: %[[ACC:.+]] = llvm.load %{{.+}} : !llvm.ptr -> f32
// CHECK-NEXT: %[[MAX:.+]] = llvm.intr.maximum(%[[ACC]], %[[X]]) {fastmathFlags = #llvm.fastmath<nsz, reassoc>} : (f32, f32) -> f32
// CHECK: llvm.store %[[MAX]], %{{.+}} : f32, !llvm.ptr
// exp(x - max), fused into one loop. thunder-math-approximation makes the f32
// exp a polynomial, inline: x clamped to [-87.8, 88.8], k = floor(x log2(e) +
// 1/2), the remainder x - k ln(2) (in two parts) into a polynomial of fma, times
// 2^k built from k's bits. No llvm.intr.exp nor call to expf is left (NOT
// below).
// CHECK: %[[SHIFTED:.+]] = llvm.fsub %{{.+}}, %{{.+}} : f32
// CHECK-NEXT: %[[GE:.+]] = llvm.fcmp "uge" %[[SHIFTED]], %[[LO:.+]] : f32
// CHECK-NEXT: %[[CLAMPED_LO:.+]] = llvm.select %[[GE]], %[[SHIFTED]], %[[LO]] : i1, f32
// CHECK-NEXT: %[[LE:.+]] = llvm.fcmp "ule" %[[CLAMPED_LO]], %[[HI:.+]] : f32
// CHECK-NEXT: %[[CLAMPED:.+]] = llvm.select %[[LE]], %[[CLAMPED_LO]], %[[HI]] : i1, f32
// CHECK-NEXT: %[[SCALED:.+]] = llvm.intr.fma(%[[CLAMPED]], %[[LOG2E:.+]], %[[HALF:.+]]) : (f32, f32, f32) -> f32
// CHECK-NEXT: %[[K:.+]] = llvm.intr.floor(%[[SCALED]]) : (f32) -> f32
// CHECK: llvm.intr.fma(%{{.+}}, %{{.+}}, %{{.+}}) : (f32, f32, f32) -> f32
// CHECK: %[[KI:.+]] = llvm.fptosi %{{.+}} : f32 to i32
// CHECK-NEXT: %[[BIASED:.+]] = llvm.add %[[KI]], %{{.+}} : i32
// CHECK-NEXT: %[[BITS:.+]] = llvm.shl %[[BIASED]], %{{.+}} : i32
// CHECK-NEXT: %[[POW2K:.+]] = llvm.bitcast %[[BITS]] : i32 to f32
// CHECK-NEXT: llvm.fmul %{{.+}}, %[[POW2K]] : f32
// The row sum (a reassociable accumulation), then the division.
// CHECK: llvm.fadd %{{.+}}, %{{.+}} {fastmathFlags = #llvm.fastmath<nsz, reassoc>} : f32
// CHECK: llvm.fdiv %{{.+}}, %{{.+}} : f32
// CHECK: llvm.call @free(
// CHECK: llvm.return %{{.+}} : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK-LABEL: llvm.func @_mlir_ciface_softmax(
// CHECK-SAME: %{{[^:]+}}: !llvm.ptr, %{{[^:]+}}: !llvm.ptr) attributes {llvm.emit_c_interface}
// CHECK: llvm.call @softmax(
// CHECK: llvm.return
// CHECK-NOT: linalg.
// CHECK-NOT: thunder_
module attributes {thunder.cpu_features = []} {
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
}
