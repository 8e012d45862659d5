// RUN: thunder-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(thunder-fuse)'

// thunder-fuse errors: an op that no executor in the module's list can run,
// or one still at the torch level, gets a located error (every such op, not
// only the first), and the pass fails.

// Without thunder_cpu only the matmul has an executor.
module attributes {thunder.executors = ["blas", "torch"]} {
func.func @no_thunder_cpu(%a: tensor<2x3xf32>, %w: tensor<3x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{thunder-fuse: no executor in ["blas", "torch"] can run 'thunder_prims.neg'}}
  %0 = thunder_prims.neg %a : tensor<2x3xf32>
  %1 = thunder_prims.matmul %0, %w : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  // expected-error @+1 {{thunder-fuse: no executor in ["blas", "torch"] can run 'thunder_prims.exp'}}
  %2 = thunder_prims.exp %1 : tensor<2x4xf32>
  return %2 : tensor<2x4xf32>
}
}

// -----

// blas has no integer GEMM.
module attributes {thunder.executors = ["blas", "torch"]} {
func.func @integer_matmul_blas_only(%a: tensor<2x3xi64>, %b: tensor<3x4xi64>) -> tensor<2x4xi64> {
  // expected-error @+1 {{no executor in ["blas", "torch"] can run 'thunder_prims.matmul'}}
  %0 = thunder_prims.matmul %a, %b : tensor<2x3xi64>, tensor<3x4xi64> -> tensor<2x4xi64>
  return %0 : tensor<2x4xi64>
}
}

// -----

// Without torch nothing runs an opaque call.
module attributes {thunder.executors = ["blas", "thunder_cpu"]} {
func.func @no_torch(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.neg %x : tensor<4xf32>
  // expected-error @+1 {{no executor in ["blas", "thunder_cpu"] can run 'thunder_torch.opaque'}}
  %1 = thunder_torch.opaque "aten::flip"(%0) {args = {index = 0 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
}

// -----

// Unknown executors claim nothing.
module attributes {thunder.executors = ["nvfuser"]} {
func.func @unknown_executor(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{no executor in ["nvfuser"] can run 'thunder_prims.neg'}}
  %0 = thunder_prims.neg %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
}

// -----

module attributes {thunder.executors = []} {
func.func @no_executors(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{no executor in [] can run 'thunder_prims.neg'}}
  %0 = thunder_prims.neg %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
}

// -----

// Torch-level ops must be decomposed first; the error names the fix, at the
// op, between prims that could be fused.
func.func @torch_level_left(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.neg %x : tensor<4xf32>
  // expected-error @+1 {{thunder-fuse: 'thunder_torch.add' is still at the torch level: run thunder-decompose-torch first}}
  %1 = thunder_torch.add %0, %0 : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  %2 = thunder_prims.exp %1 : tensor<4xf32>
  // expected-error @+1 {{'thunder_torch.softmax' is still at the torch level}}
  %3 = thunder_torch.softmax %2 {dim = 0 : i64} : tensor<4xf32> -> tensor<4xf32>
  return %3 : tensor<4xf32>
}

// -----

// The executor list must be an array of strings.
// expected-error @+1 {{thunder-fuse: 'thunder.executors' must be an array of strings, got "blas"}}
module attributes {thunder.executors = "blas"} {
func.func @not_an_array(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.neg %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
}

// -----

// expected-error @+1 {{'thunder.executors' must be an array of strings, got ["thunder_cpu", 1]}}
module attributes {thunder.executors = ["thunder_cpu", 1]} {
func.func @not_strings(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.neg %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
}
