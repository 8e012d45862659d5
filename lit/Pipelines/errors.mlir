// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(convert-thunder-prims-to-linalg)' | FileCheck %s
// RUN: thunder-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(thunder-cpu-pipeline)'

// Ops with no CPU lowering. convert-thunder-prims-to-linalg lowers the prims
// around them and leaves them untouched (first RUN); the pipeline to LLVM then
// fails at their location instead of crashing (second RUN).

// CHECK-LABEL: func.func @opaque_between_prims(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4xf32>)
// CHECK: %[[NEG:.+]] = linalg.generic
// CHECK: arith.negf
// CHECK: %[[CONV:.+]] = thunder_torch.opaque "aten::convolution"(%[[NEG]]) {args = {stride = 1 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: linalg.generic {{.*}} ins(%[[CONV]] : tensor<4xf32>)
// CHECK: math.exp
// CHECK-NOT: thunder_prims
func.func @opaque_between_prims(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.neg %x : tensor<4xf32>
  // expected-error @+1 {{op was not bufferized}}
  %1 = thunder_torch.opaque "aten::convolution"(%0) {args = {stride = 1 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
  %2 = thunder_prims.exp %1 : tensor<4xf32>
  return %2 : tensor<4xf32>
}

// -----

// Between torch ops: the first RUN has no decomposition, so the torch ops stay
// as well; in the pipeline, thunder-decompose-torch keeps the opaque.
// CHECK-LABEL: func.func @opaque_between_torch_ops(
// CHECK: thunder_torch.softmax
// CHECK: thunder_torch.opaque "aten::dropout"(%{{.+}}) : (tensor<2x3xbf16>) -> tensor<2x3xbf16>
func.func @opaque_between_torch_ops(%x: tensor<2x3xbf16>) -> tensor<2x3xbf16> {
  %0 = thunder_torch.softmax %x {dim = 1 : i64} : tensor<2x3xbf16> -> tensor<2x3xbf16>
  // expected-error @+1 {{op was not bufferized}}
  %1 = thunder_torch.opaque "aten::dropout"(%0) : (tensor<2x3xbf16>) -> tensor<2x3xbf16>
  return %1 : tensor<2x3xbf16>
}

// -----

// With ui8 operands the op keeps its ui8 types behind casts from the i8
// carrier. Bufferization stops at the cast in front of the op, which is built
// at the first op of the function: here, the opaque's location.
// CHECK-LABEL: func.func @opaque_on_ui8(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK: %[[U:.+]] = builtin.unrealized_conversion_cast %[[X]] : tensor<4xi8> to tensor<4xui8>
// CHECK: %[[R:.+]] = thunder_torch.opaque "aten::flip"(%[[U]]) : (tensor<4xui8>) -> tensor<4xui8>
// CHECK: %[[C:.+]] = builtin.unrealized_conversion_cast %[[R]] : tensor<4xui8> to tensor<4xi8>
// CHECK: return %[[C]] : tensor<4xi8>
func.func @opaque_on_ui8(%x: tensor<4xui8>) -> tensor<4xui8> {
  // expected-error @+1 {{op was not bufferized}}
  %0 = thunder_torch.opaque "aten::flip"(%x) : (tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// Executor calls are not lowered for the CPU either.
// CHECK-LABEL: func.func @executor_call(
// CHECK: thunder_exec.call "blas", "matmul"(%{{.+}}, %{{.+}}) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
func.func @executor_call(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{op was not bufferized}}
  %0 = thunder_exec.call "blas", "matmul" (%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
