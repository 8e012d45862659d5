// RUN: thunder-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(thunder-prims-grad,thunder-prims-jvp,thunder-prims-vmap)'

// Malformed transforms get a located error from the pass that reads them.

// expected-error @+1 {{thunder-prims-grad: wrt names argument 3, but the function has 1}}
func.func @wrt_out_of_range(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "vjp", wrt = array<i64: 3>}]} {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{thunder-prims-grad: argument 0 is tensor<4xi32>: only floating tensors have gradients}}
func.func @wrt_integer(%x: tensor<4xi32>) -> tensor<4xi32> attributes {thunder.transforms = [{kind = "vjp", wrt = array<i64: 0>}]} {
  return %x : tensor<4xi32>
}

// -----

// expected-error @+1 {{thunder-prims-grad: grad needs a function of one 0-d floating output, this one returns (tensor<4xf32>)}}
func.func @grad_of_a_vector(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "grad", wrt = array<i64: 0>}]} {
  %0 = thunder_prims.exp %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{thunder-prims-grad: 'wrt' must be an array<i64: ...>, got 0 : i64}}
func.func @wrt_not_an_array(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "vjp", wrt = 0 : i64}]} {
  return %x : tensor<4xf32>
}

// -----

// An op no rule covers, on a value that needs a gradient.
func.func @no_rule(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "vjp", wrt = array<i64: 0>}]} {
  // expected-error @+1 {{thunder-prims-grad: 'arith.addf' has no derivative rule}}
  %0 = arith.addf %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @no_jvp_rule(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "jvp"}]} {
  // expected-error @+1 {{thunder-prims-jvp: 'arith.mulf' has no derivative rule}}
  %0 = arith.mulf %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// expected-error @+1 {{thunder-prims-vmap: in_dims has 1 entries for 2 arguments}}
func.func @in_dims_short(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 2 : i64}]} {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{thunder-prims-vmap: no argument is batched (every in_dim is -1)}}
func.func @nothing_batched(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: -1>, out_dims = array<i64: 0>, size = 2 : i64}]} {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{thunder-prims-vmap: in_dim 2 is out of range for argument 0 of tensor<4xf32>}}
func.func @in_dim_out_of_range(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 2>, out_dims = array<i64: 0>, size = 2 : i64}]} {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{thunder-prims-vmap: out_dim 3 is out of range for output 0 (rank 2 with the batch)}}
func.func @out_dim_out_of_range(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 3>, size = 2 : i64}]} {
  return %x : tensor<4xf32>
}

// -----

// expected-error @+1 {{thunder-prims-vmap: the transform has no 'size'}}
func.func @no_size(%x: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>}]} {
  return %x : tensor<4xf32>
}
