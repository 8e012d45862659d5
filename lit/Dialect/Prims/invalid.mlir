// RUN: thunder-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// ODS constraints: dtypes, SameOperandsAndResultType, SameTypeOperands.
//===----------------------------------------------------------------------===//

func.func @float_unary_int(%a: tensor<4xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating dtype values, but got 'tensor<4xi32>'}}
  %0 = thunder_prims.exp %a : tensor<4xi32>
  return
}

// -----

func.func @numeric_unary_bool(%a: tensor<4xi1>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of numeric (non-bool) dtype values, but got 'tensor<4xi1>'}}
  %0 = thunder_prims.neg %a : tensor<4xi1>
  return
}

// -----

func.func @bitwise_not_float(%a: tensor<4xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of integer or bool dtype values, but got 'tensor<4xf32>'}}
  %0 = thunder_prims.bitwise_not %a : tensor<4xf32>
  return
}

// -----

func.func @unsupported_dtype(%a: tensor<4xi4>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of numeric (non-bool) dtype values, but got 'tensor<4xi4>'}}
  %0 = thunder_prims.add %a, %a : tensor<4xi4>
  return
}

// -----

func.func @unranked(%a: tensor<*xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating dtype values, but got 'tensor<*xf32>'}}
  %0 = "thunder_prims.sqrt"(%a) : (tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @atan2_int(%a: tensor<4xi64>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating dtype values, but got 'tensor<4xi64>'}}
  %0 = thunder_prims.atan2 %a, %a : tensor<4xi64>
  return
}

// -----

func.func @bitwise_and_float(%a: tensor<4xf16>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of integer or bool dtype values, but got 'tensor<4xf16>'}}
  %0 = thunder_prims.bitwise_and %a, %a : tensor<4xf16>
  return
}

// -----

func.func @binary_dtypes_differ(%a: tensor<4xf32>, %b: tensor<4xf16>) {
  // elementwise prims do not promote: convert_element_type first
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "thunder_prims.add"(%a, %b) : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}

// -----

func.func @binary_shapes_differ(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // elementwise prims do not broadcast: broadcast_in_dim first
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "thunder_prims.mul"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @unary_result_differs(%a: tensor<4xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = "thunder_prims.exp"(%a) : (tensor<4xf32>) -> tensor<4xf64>
  return
}

// -----

func.func @compare_operands_differ(%a: tensor<4xf32>, %b: tensor<4xf64>) {
  // expected-error @+1 {{requires all operands to have the same type}}
  %0 = "thunder_prims.lt"(%a, %b) : (tensor<4xf32>, tensor<4xf64>) -> tensor<4xi1>
  return
}

// -----

func.func @compare_result_not_bool(%a: tensor<4xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of 1-bit signless integer values, but got 'tensor<4xf32>'}}
  %0 = "thunder_prims.eq"(%a, %a) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @compare_result_shape(%a: tensor<4xi32>) {
  // expected-error @+1 {{all non-scalar operands/results must have the same shape and base type}}
  %0 = "thunder_prims.ge"(%a, %a) : (tensor<4xi32>, tensor<4xi32>) -> tensor<1xi1>
  return
}

// -----

func.func @where_pred_not_bool(%p: tensor<4xi8>, %a: tensor<4xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 1-bit signless integer values, but got 'tensor<4xi8>'}}
  %0 = thunder_prims.where %p, %a, %a : tensor<4xi8>, tensor<4xf32>
  return
}

// -----

func.func @where_branches_differ(%p: tensor<4xi1>, %a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{all of {on_true, on_false, result} have same type}}
  %0 = "thunder_prims.where"(%p, %a, %b) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}

// -----

func.func @where_result_differs(%p: tensor<4xi1>, %a: tensor<4xf32>) {
  // expected-error @+1 {{failed to verify that result type matches the true branch}}
  %0 = "thunder_prims.where"(%p, %a, %a) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf64>
  return
}

// -----

func.func @where_pred_shape(%p: tensor<4xi1>, %a: tensor<2x2xf32>) {
  // The Elementwise trait rejects this before the op's own "pred shape" check.
  // expected-error @+1 {{all non-scalar operands/results must have the same shape and base type}}
  %0 = thunder_prims.where %p, %a, %a : tensor<4xi1>, tensor<2x2xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// convert_element_type and from_scalar.
//===----------------------------------------------------------------------===//

func.func @convert_changes_shape(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{changes only the dtype; shape [2, 3] became [6]}}
  %0 = thunder_prims.convert_element_type %a : tensor<2x3xf32> to tensor<6xf16>
  return
}

// -----

func.func @convert_unsupported(%a: tensor<4xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of thunder dtype values, but got 'tensor<4xf8E4M3FN>'}}
  %0 = thunder_prims.convert_element_type %a : tensor<4xf32> to tensor<4xf8E4M3FN>
  return
}

// -----

func.func @from_scalar_not_0d(%a: f64) {
  // expected-error @+1 {{result must be a 0-d tensor}}
  %0 = thunder_prims.from_scalar %a : f64 to tensor<1xf32>
  return
}

// -----

func.func @from_scalar_not_python_number(%a: f32) {
  // expected-error @+1 {{operand #0 must be Python number (f64, i64 or i1), but got 'f32'}}
  %0 = thunder_prims.from_scalar %a : f32 to tensor<f32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Shape ops.
//===----------------------------------------------------------------------===//

func.func @broadcast_changes_dtype(%a: tensor<3xf32>) {
  // expected-error @+1 {{must not change the dtype}}
  %0 = thunder_prims.broadcast_in_dim %a, dims = [1] : tensor<3xf32> -> tensor<2x3xf64>
  return
}

// -----

func.func @broadcast_dims_count(%a: tensor<3x1xf32>) {
  // expected-error @+1 {{needs one broadcast dimension per operand dimension: operand rank 2, got 1}}
  %0 = thunder_prims.broadcast_in_dim %a, dims = [1] : tensor<3x1xf32> -> tensor<2x3x4xf32>
  return
}

// -----

func.func @broadcast_dim_range(%a: tensor<3xf32>) {
  // expected-error @+1 {{broadcast dimension 2 is out of range for result rank 2}}
  %0 = thunder_prims.broadcast_in_dim %a, dims = [2] : tensor<3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @broadcast_dim_negative(%a: tensor<3xf32>) {
  // expected-error @+1 {{broadcast dimension -1 is out of range for result rank 2}}
  %0 = thunder_prims.broadcast_in_dim %a, dims = [-1] : tensor<3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @broadcast_dims_order(%a: tensor<3x3xf32>) {
  // expected-error @+1 {{broadcast dimensions must be strictly increasing}}
  %0 = thunder_prims.broadcast_in_dim %a, dims = [1, 0] : tensor<3x3xf32> -> tensor<3x3xf32>
  return
}

// -----

func.func @broadcast_size(%a: tensor<3xf32>) {
  // expected-error @+1 {{operand dimension 0 of size 3 cannot broadcast to result dimension 0 of size 4}}
  %0 = thunder_prims.broadcast_in_dim %a, dims = [0] : tensor<3xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @reshape_changes_dtype(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{must not change the dtype}}
  %0 = thunder_prims.reshape %a : tensor<2x3xf32> -> tensor<6xi32>
  return
}

// -----

func.func @reshape_elements(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{cannot reshape [2, 3] (6 elements) to [7]}}
  %0 = thunder_prims.reshape %a : tensor<2x3xf32> -> tensor<7xf32>
  return
}

// -----

func.func @transpose_rank(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'transpose' permutation [0] does not match rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.transpose %a, permutation = [0] : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @transpose_not_permutation(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'transpose' [1, 1] is not a permutation}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.transpose %a, permutation = [1, 1] : tensor<2x3xf32> -> tensor<3x3xf32>
  return
}

// -----

func.func @transpose_negative(%a: tensor<2x3xf32>) {
  // prims take normalised dims: no negative indices
  // expected-error @+2 {{'transpose' [-1, 0] is not a permutation}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.transpose %a, permutation = [-1, 0] : tensor<2x3xf32> -> tensor<3x2xf32>
  return
}

// -----

func.func @transpose_result(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<3x2xf32>' are incompatible with return type(s) of operation 'tensor<2x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.transpose %a, permutation = [1, 0] : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @slice_lengths(%a: tensor<4x4xf32>) {
  // expected-error @+2 {{'slice' needs start_indices, limit_indices and strides of length 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.slice %a {start_indices = array<i64: 0>, limit_indices = array<i64: 4, 4>, strides = array<i64: 1, 1>} : tensor<4x4xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @slice_stride(%a: tensor<4xf32>) {
  // expected-error @+2 {{'slice' strides must be positive}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.slice %a {start_indices = array<i64: 0>, limit_indices = array<i64: 4>, strides = array<i64: 0>} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @slice_bounds(%a: tensor<4x4xf32>) {
  // expected-error @+2 {{'slice' dimension 1: need 0 <= start <= limit <= 4, got [1, 5)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.slice %a {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 4, 5>, strides = array<i64: 1, 1>} : tensor<4x4xf32> -> tensor<4x4xf32>
  return
}

// -----

func.func @slice_negative_start(%a: tensor<4xf32>) {
  // expected-error @+2 {{'slice' dimension 0: need 0 <= start <= limit <= 4, got [-1, 4)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.slice %a {start_indices = array<i64: -1>, limit_indices = array<i64: 4>, strides = array<i64: 1>} : tensor<4xf32> -> tensor<5xf32>
  return
}

// -----

func.func @slice_reversed(%a: tensor<4xf32>) {
  // expected-error @+2 {{'slice' dimension 0: need 0 <= start <= limit <= 4, got [3, 1)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.slice %a {start_indices = array<i64: 3>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : tensor<4xf32> -> tensor<0xf32>
  return
}

// -----

func.func @slice_result(%a: tensor<10xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.slice %a {start_indices = array<i64: 0>, limit_indices = array<i64: 10>, strides = array<i64: 3>} : tensor<10xf32> -> tensor<3xf32>
  return
}

// -----

func.func @pad_value_rank(%a: tensor<4xf32>, %v: tensor<1xf32>) {
  // expected-error @+2 {{'pad' padding_value must be a 0-d tensor of the operand's dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.pad %a, %v {low = array<i64: 1>, high = array<i64: 1>, interior = array<i64: 0>} : tensor<4xf32>, tensor<1xf32> -> tensor<6xf32>
  return
}

// -----

func.func @pad_value_dtype(%a: tensor<4xf32>, %v: tensor<f64>) {
  // expected-error @+2 {{'pad' padding_value must be a 0-d tensor of the operand's dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.pad %a, %v {low = array<i64: 1>, high = array<i64: 1>, interior = array<i64: 0>} : tensor<4xf32>, tensor<f64> -> tensor<6xf32>
  return
}

// -----

func.func @pad_lengths(%a: tensor<4x4xf32>, %v: tensor<f32>) {
  // expected-error @+2 {{'pad' needs low, high and interior of length 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.pad %a, %v {low = array<i64: 1, 1>, high = array<i64: 1, 1>, interior = array<i64: 0>} : tensor<4x4xf32>, tensor<f32> -> tensor<6x6xf32>
  return
}

// -----

func.func @pad_negative(%a: tensor<4xf32>, %v: tensor<f32>) {
  // expected-error @+2 {{'pad' amounts must be non-negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.pad %a, %v {low = array<i64: -1>, high = array<i64: 0>, interior = array<i64: 0>} : tensor<4xf32>, tensor<f32> -> tensor<3xf32>
  return
}

// -----

func.func @pad_result(%a: tensor<4xf32>, %v: tensor<f32>) {
  // interior padding goes between elements only: 4 + 3 * 2
  // expected-error @+2 {{inferred type(s) 'tensor<10xf32>' are incompatible with return type(s) of operation 'tensor<12xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.pad %a, %v {low = array<i64: 0>, high = array<i64: 0>, interior = array<i64: 2>} : tensor<4xf32>, tensor<f32> -> tensor<12xf32>
  return
}

// -----

func.func @cat_empty() {
  // expected-error @+2 {{'cat' needs at least one operand}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = "thunder_prims.cat"() {dim = 0 : i64} : () -> tensor<0xf32>
  return
}

// -----

func.func @cat_dim(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'cat' dim 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.cat %a, %a {dim = 2 : i64} : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @cat_negative_dim(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'cat' dim -1 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.cat %a, %a {dim = -1 : i64} : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @cat_dtypes(%a: tensor<2x3xf32>, %b: tensor<2x3xf16>) {
  // expected-error @+2 {{'cat' operands must have the same dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.cat %a, %b {dim = 0 : i64} : tensor<2x3xf32>, tensor<2x3xf16> -> tensor<4x3xf32>
  return
}

// -----

func.func @cat_rank(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'cat' operands must have the same rank}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.cat %a, %b {dim = 0 : i64} : tensor<2x3xf32>, tensor<3xf32> -> tensor<3x3xf32>
  return
}

// -----

func.func @cat_sizes(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+2 {{'cat' sizes must match except along dim 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.cat %a, %b {dim = 0 : i64} : tensor<2x3xf32>, tensor<2x4xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @cat_no_skipping(%a: tensor<2x3xf32>, %e: tensor<0xf32>) {
  // unlike torch.cat, prims do not skip 1-D empty tensors
  // expected-error @+2 {{'cat' operands must have the same rank}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.cat %a, %e {dim = 0 : i64} : tensor<2x3xf32>, tensor<0xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @squeeze_range(%a: tensor<1x3xf32>) {
  // expected-error @+2 {{'squeeze' dimension 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.squeeze %a, dims = [2] : tensor<1x3xf32> -> tensor<1x3xf32>
  return
}

// -----

func.func @squeeze_order(%a: tensor<1x1xf32>) {
  // expected-error @+2 {{'squeeze' dims must be strictly increasing, got [1, 0]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.squeeze %a, dims = [1, 0] : tensor<1x1xf32> -> tensor<f32>
  return
}

// -----

func.func @squeeze_non_unit(%a: tensor<1x3xf32>) {
  // expected-error @+2 {{'squeeze' dimension 1 has size 3, not 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.squeeze %a, dims = [1] : tensor<1x3xf32> -> tensor<1xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Creation.
//===----------------------------------------------------------------------===//

func.func @full_value_dtype() {
  // expected-error @+1 {{value must be a number of the result dtype 'f32', got 1.000000e+00 : f64}}
  %0 = thunder_prims.full 1.0 : f64 : tensor<2xf32>
  return
}

// -----

func.func @full_int_for_float() {
  // expected-error @+1 {{value must be a number of the result dtype 'f16', got 1 : i64}}
  %0 = thunder_prims.full 1 : i64 : tensor<2xf16>
  return
}

// -----

func.func @full_signedness() {
  // expected-error @+1 {{value must be a number of the result dtype 'ui8', got 1 : i8}}
  %0 = thunder_prims.full 1 : i8 : tensor<2xui8>
  return
}

// -----

func.func @full_not_a_number() {
  // expected-error @+1 {{value must be a number of the result dtype 'f32', got dense<1.000000e+00> : tensor<f32>}}
  %0 = thunder_prims.full dense<1.0> : tensor<f32> : tensor<2xf32>
  return
}

// -----

func.func @iota_rank() {
  // expected-error @+1 {{result must be 1-D}}
  %0 = thunder_prims.iota {start = 0.0 : f64, step = 1.0 : f64} : tensor<2x2xi64>
  return
}

// -----

func.func @iota_bool() {
  // expected-error @+1 {{result #0 must be ranked tensor of numeric (non-bool) dtype values, but got 'tensor<4xi1>'}}
  %0 = thunder_prims.iota {start = 0.0 : f64, step = 1.0 : f64} : tensor<4xi1>
  return
}

// -----

func.func @uniform_range(%seed: i64, %offset: i64) {
  // expected-error @+1 {{needs low < high, got [1.000000e+00, 1.000000e+00)}}
  %0 = thunder_prims.uniform %seed, %offset {low = 1.0 : f64, high = 1.0 : f64} : tensor<4xf32>
  return
}

// -----

func.func @uniform_int(%seed: i64, %offset: i64) {
  // expected-error @+1 {{result #0 must be ranked tensor of floating dtype values, but got 'tensor<4xi32>'}}
  %0 = thunder_prims.uniform %seed, %offset {low = 0.0 : f64, high = 1.0 : f64} : tensor<4xi32>
  return
}

// -----

func.func @uniform_seed_type(%seed: i32, %offset: i64) {
  // expected-error @+1 {{operand #0 must be 64-bit signless integer, but got 'i32'}}
  %0 = "thunder_prims.uniform"(%seed, %offset) {low = 0.0 : f64, high = 1.0 : f64} : (i32, i64) -> tensor<4xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Reductions and matmul.
//===----------------------------------------------------------------------===//

func.func @sum_dim_range(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'sum' dimension 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.sum %a, dims = [2] : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @amax_negative_dim(%a: tensor<2x3xf32>) {
  // prims take normalised dims: no negative indices
  // expected-error @+2 {{'amax' dimension -1 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.amax %a, dims = [-1] : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @prod_dims_repeated(%a: tensor<2x3xi64>) {
  // expected-error @+2 {{'prod' dims must be strictly increasing, got [1, 1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.prod %a, dims = [1, 1] : tensor<2x3xi64> -> tensor<2xi64>
  return
}

// -----

func.func @amin_dims_order(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'amin' dims must be strictly increasing, got [1, 0]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.amin %a, dims = [1, 0] : tensor<2x3xf32> -> tensor<f32>
  return
}

// -----

func.func @sum_bool(%a: tensor<4xi1>) {
  // a bool sum needs an explicit convert_element_type to an integer accumulator
  // expected-error @+1 {{operand #0 must be ranked tensor of numeric (non-bool) dtype values, but got 'tensor<4xi1>'}}
  %0 = thunder_prims.sum %a, dims = [0] : tensor<4xi1> -> tensor<i1>
  return
}

// -----

func.func @sum_result(%a: tensor<2x3xi32>) {
  // the result keeps the operand dtype and drops the reduced dims
  // expected-error @+2 {{inferred type(s) 'tensor<2xi32>' are incompatible with return type(s) of operation 'tensor<2x1xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = "thunder_prims.sum"(%a) {dims = array<i64: 1>} : (tensor<2x3xi32>) -> tensor<2x1xi64>
  return
}

// -----

func.func @var_mean_dims(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'var_mean' dimension 3 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = thunder_prims.var_mean %a, dims = [3] {correction = 1.0 : f64} : tensor<2x3xf32> -> tensor<2xf32>, tensor<2xf32>
  return
}

// -----

func.func @var_mean_int(%a: tensor<2x3xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating dtype values, but got 'tensor<2x3xi32>'}}
  %0:2 = thunder_prims.var_mean %a, dims = [1] {correction = 1.0 : f64} : tensor<2x3xi32> -> tensor<2xi32>, tensor<2xi32>
  return
}

// -----

func.func @var_mean_result(%a: tensor<2x3xf16>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2xf16>', 'tensor<2xf16>' are incompatible with return type(s) of operation 'tensor<2xf32>', 'tensor<2xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = thunder_prims.var_mean %a, dims = [1] {correction = 0.0 : f64} : tensor<2x3xf16> -> tensor<2xf32>, tensor<2xf16>
  return
}

// -----

func.func @matmul_dtypes(%a: tensor<2x3xf32>, %b: tensor<3x4xbf16>) {
  // expected-error @+2 {{'matmul' operands must have the same dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.matmul %a, %b : tensor<2x3xf32>, tensor<3x4xbf16> -> tensor<2x4xf32>
  return
}

// -----

func.func @matmul_vector(%a: tensor<3xf32>, %b: tensor<3x4xf32>) {
  // expected-error @+2 {{'matmul' operands must have the same rank, at least 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.matmul %a, %b : tensor<3xf32>, tensor<3x4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @matmul_ranks(%a: tensor<5x2x3xf32>, %b: tensor<3x4xf32>) {
  // expected-error @+2 {{'matmul' operands must have the same rank, at least 2 (broadcast batch dimensions explicitly)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.matmul %a, %b : tensor<5x2x3xf32>, tensor<3x4xf32> -> tensor<5x2x4xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<5x2x3xf32>, %b: tensor<1x3x4xf32>) {
  // expected-error @+2 {{'matmul' batch dimensions differ: [5, 2, 3] and [1, 3, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.matmul %a, %b : tensor<5x2x3xf32>, tensor<1x3x4xf32> -> tensor<5x2x4xf32>
  return
}

// -----

func.func @matmul_contraction(%a: tensor<2x3xi64>, %b: tensor<4x5xi64>) {
  // expected-error @+2 {{'matmul' contraction sizes differ: [2, 3] and [4, 5]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_prims.matmul %a, %b : tensor<2x3xi64>, tensor<4x5xi64> -> tensor<2x5xi64>
  return
}

// -----

func.func @matmul_bool(%a: tensor<2x2xi1>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of numeric (non-bool) dtype values, but got 'tensor<2x2xi1>'}}
  %0 = thunder_prims.matmul %a, %a : tensor<2x2xi1>, tensor<2x2xi1> -> tensor<2x2xi1>
  return
}
