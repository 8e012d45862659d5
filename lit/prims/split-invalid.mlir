// RUN: thunder-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(thunder-prims-remat,thunder-prims-split-forward-backward)'

// A joint program whose interface cannot be read gets a located error.

// expected-error @+1 {{thunder-prims-remat: the transform has no 'outputs'}}
func.func @no_outputs(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.joint = {primals = 1 : i64}} {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{thunder-prims-remat: the function has no body}}
func.func private @declaration(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.joint = {primals = 1 : i64, outputs = 1 : i64}}
