// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-torch-to-prims-pipeline,thunder-prims-to-exec-pipeline)' | FileCheck %s --implicit-check-not=thunder_torch. --implicit-check-not=thunder_exec.fusion --implicit-check-not=thunder_exec.yield

// Torch level to the exec level, as compile_program does it: the plan (the
// entry function) is launches of generated kernels, executor calls and
// releases; the kernels follow it, one per fusion region.

// softmax → GEMM (blas) → bias (kernel) → an op only torch has → scale, tanh
// (kernel). The softmax is returned, so it is never released; every other
// intermediate dies right after its last reader.
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4x8xf32>, %[[W:[^:]+]]: tensor<8x3xf32>, %[[B:[^:]+]]: tensor<3xf32>) -> (tensor<4x3xf32>, tensor<4x8xf32>) {
// CHECK-NEXT: %[[S:.+]] = thunder_exec.launch "thunder_cpu" @main_fusion_0(%[[X]]) : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %[[M:.+]] = thunder_exec.call "blas", "matmul"(%[[S]], %[[W]]) : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: %[[A:.+]] = thunder_exec.launch "thunder_cpu" @main_fusion_1(%[[B]], %[[M]]) : (tensor<3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: thunder_exec.release %[[M]] : tensor<4x3xf32>
// CHECK-NEXT: %[[T:.+]] = thunder_exec.call "torch", "aten::special_erfcx"(%[[A]]) {args = {index = 0 : i64}} : (tensor<4x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: thunder_exec.release %[[A]] : tensor<4x3xf32>
// CHECK-NEXT: %[[R:.+]] = thunder_exec.launch "thunder_cpu" @main_fusion_2(%[[T]]) : (tensor<4x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: thunder_exec.release %[[T]] : tensor<4x3xf32>
// CHECK-NEXT: return %[[R]], %[[S]] : tensor<4x3xf32>, tensor<4x8xf32>
// CHECK-NEXT: }
// The softmax kernel.
// CHECK-NEXT: func.func @main_fusion_0(%{{[^:]+}}: tensor<4x8xf32>) -> tensor<4x8xf32> attributes {thunder.executor = "thunder_cpu"} {
// CHECK-NEXT: thunder_prims.amax
// CHECK-NEXT: thunder_prims.stop_gradient
// CHECK-NEXT: thunder_prims.broadcast_in_dim
// CHECK-NEXT: thunder_prims.sub
// CHECK-NEXT: thunder_prims.exp
// CHECK-NEXT: thunder_prims.sum
// CHECK-NEXT: thunder_prims.reciprocal
// CHECK-NEXT: thunder_prims.broadcast_in_dim
// CHECK-NEXT: thunder_prims.mul
// CHECK-NEXT: return
// CHECK-NEXT: }
// The bias kernel.
// CHECK-NEXT: func.func @main_fusion_1(%{{[^:]+}}: tensor<3xf32>, %{{[^:]+}}: tensor<4x3xf32>) -> tensor<4x3xf32> attributes {thunder.executor = "thunder_cpu"} {
// CHECK-NEXT: thunder_prims.broadcast_in_dim
// CHECK-NEXT: thunder_prims.add
// CHECK-NEXT: return
// CHECK-NEXT: }
// The scale-and-tanh kernel, with the scalar constant it needs; none is left
// in the plan.
// CHECK-NEXT: func.func @main_fusion_2(%{{[^:]+}}: tensor<4x3xf32>) -> tensor<4x3xf32> attributes {thunder.executor = "thunder_cpu"} {
// CHECK-NEXT: arith.constant 5.000000e-01 : f64
// CHECK-NEXT: thunder_prims.from_scalar
// CHECK-NEXT: thunder_prims.broadcast_in_dim
// CHECK-NEXT: thunder_prims.mul
// CHECK-NEXT: thunder_prims.tanh
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @main(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>, %b: tensor<3xf32>) -> (tensor<4x3xf32>, tensor<4x8xf32>) {
  %c = arith.constant 0.5 : f64
  %0 = thunder_torch.softmax %x {dim = -1 : i64} : tensor<4x8xf32> -> tensor<4x8xf32>
  %1 = thunder_torch.matmul %0, %w : tensor<4x8xf32>, tensor<8x3xf32> -> tensor<4x3xf32>
  %2 = thunder_torch.add %1, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %3 = thunder_torch.opaque "aten::special_erfcx"(%2) {args = {index = 0 : i64}} : (tensor<4x3xf32>) -> tensor<4x3xf32>
  %4 = thunder_torch.mul %3, %c : tensor<4x3xf32>, f64 -> tensor<4x3xf32>
  %5 = thunder_torch.tanh %4 : tensor<4x3xf32> -> tensor<4x3xf32>
  return %5, %0 : tensor<4x3xf32>, tensor<4x8xf32>
}

// -----

// With thunder_cpu first the same program before the opaque is one kernel,
// the matmul generated inside it.
module attributes {thunder.executors = ["thunder_cpu", "torch"]} {
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4x8xf32>, %[[W:[^:]+]]: tensor<8x3xf32>, %[[B:[^:]+]]: tensor<3xf32>)
// CHECK-NEXT: %[[K:.+]]:2 = thunder_exec.launch "thunder_cpu" @main_fusion_0(%[[X]], %[[W]], %[[B]]) : (tensor<4x8xf32>, tensor<8x3xf32>, tensor<3xf32>) -> (tensor<4x8xf32>, tensor<4x3xf32>)
// CHECK-NEXT: %[[T:.+]] = thunder_exec.call "torch", "aten::special_erfcx"(%[[K]]#1) {args = {index = 0 : i64}} : (tensor<4x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: thunder_exec.release %[[K]]#1 : tensor<4x3xf32>
// CHECK-NEXT: %[[R:.+]] = thunder_exec.launch "thunder_cpu" @main_fusion_1(%[[T]]) : (tensor<4x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: thunder_exec.release %[[T]] : tensor<4x3xf32>
// CHECK-NEXT: return %[[R]], %[[K]]#0 : tensor<4x3xf32>, tensor<4x8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @main_fusion_0(
// CHECK: thunder_prims.matmul
// CHECK: func.func @main_fusion_1(
// CHECK-NOT: thunder_exec.call "blas"
func.func @main(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>, %b: tensor<3xf32>) -> (tensor<4x3xf32>, tensor<4x8xf32>) {
  %c = arith.constant 0.5 : f64
  %0 = thunder_torch.softmax %x {dim = -1 : i64} : tensor<4x8xf32> -> tensor<4x8xf32>
  %1 = thunder_torch.matmul %0, %w : tensor<4x8xf32>, tensor<8x3xf32> -> tensor<4x3xf32>
  %2 = thunder_torch.add %1, %b : tensor<4x3xf32>, tensor<3xf32> -> tensor<4x3xf32>
  %3 = thunder_torch.opaque "aten::special_erfcx"(%2) {args = {index = 0 : i64}} : (tensor<4x3xf32>) -> tensor<4x3xf32>
  %4 = thunder_torch.mul %3, %c : tensor<4x3xf32>, f64 -> tensor<4x3xf32>
  %5 = thunder_torch.tanh %4 : tensor<4x3xf32> -> tensor<4x3xf32>
  return %5, %0 : tensor<4x3xf32>, tensor<4x8xf32>
}
}

// -----

// The hello world: one kernel, nothing to release.
// CHECK-LABEL: func.func @hello(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x2xi64>, %[[B:[^:]+]]: tensor<2x2xi64>)
// CHECK-NEXT: %[[R:.+]] = thunder_exec.launch "thunder_cpu" @hello_fusion_0(%[[A]], %[[B]]) : (tensor<2x2xi64>, tensor<2x2xi64>) -> tensor<2x2xi64>
// CHECK-NEXT: return %[[R]] : tensor<2x2xi64>
// CHECK-NEXT: }
// CHECK-NEXT: func.func @hello_fusion_0(%[[X:[^:]+]]: tensor<2x2xi64>, %[[Y:[^:]+]]: tensor<2x2xi64>) -> tensor<2x2xi64> attributes {thunder.executor = "thunder_cpu"} {
// CHECK-NEXT: %[[S:.+]] = thunder_prims.add %[[X]], %[[Y]] : tensor<2x2xi64>
// CHECK-NEXT: return %[[S]] : tensor<2x2xi64>
// CHECK-NEXT: }
// CHECK-NOT: thunder_exec.release
func.func @hello(%a: tensor<2x2xi64>, %b: tensor<2x2xi64>) -> tensor<2x2xi64> {
  %0 = thunder_torch.add %a, %b : tensor<2x2xi64>, tensor<2x2xi64> -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}
