// RUN: thunder-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// ODS type constraints.
//===----------------------------------------------------------------------===//

func.func @unsupported_dtype(%a: tensor<4xi128>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of thunder dtype values, but got 'tensor<4xi128>'}}
  %0 = thunder_torch.exp %a : tensor<4xi128> -> tensor<4xf32>
  return
}

// -----

func.func @signed_int_is_not_a_thunder_dtype(%a: tensor<4xsi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of thunder dtype values}}
  %0 = thunder_torch.neg %a : tensor<4xsi32> -> tensor<4xsi32>
  return
}

// -----

func.func @unranked(%a: tensor<*xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of thunder dtype values}}
  %0 = "thunder_torch.relu"(%a) : (tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @python_number_is_f64(%a: tensor<4xf32>, %b: f32) {
  // expected-error @+1 {{operand #1 must be tensor or Python number, but got 'f32'}}
  %0 = thunder_torch.add %a, %b : tensor<4xf32>, f32 -> tensor<4xf32>
  return
}

// -----

func.func @python_int_is_i64(%a: tensor<4xi32>, %b: i32) {
  // expected-error @+1 {{operand #0 must be tensor or Python number, but got 'i32'}}
  %0 = thunder_torch.mul %b, %a : i32, tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @result_dtype_constraint(%a: tensor<4xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of thunder dtype values, but got 'tensor<4xi128>'}}
  %0 = thunder_torch.abs %a : tensor<4xf32> -> tensor<4xi128>
  return
}

// -----

func.func @where_condition_is_bool(%c: tensor<4xi8>, %a: tensor<4xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 1-bit signless integer values}}
  %0 = thunder_torch.where %c, %a, %a : tensor<4xi8>, tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @clamp_bool(%a: tensor<4xi1>, %m: i64) {
  // expected-error @+1 {{operand #0 must be ranked tensor of numeric (non-bool) dtype values}}
  %0 = thunder_torch.clamp %a min %m : i64 : tensor<4xi1> -> tensor<4xi64>
  return
}

// -----

func.func @clamp_tensor_bound(%a: tensor<4xf32>) {
  // expected-error @+1 {{operand #1 must be Python number (f64, i64 or i1)}}
  %0 = thunder_torch.clamp %a min %a : tensor<4xf32> : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @softmax_result_float(%a: tensor<4xi64>) {
  // expected-error @+1 {{result #0 must be ranked tensor of floating dtype values}}
  %0 = thunder_torch.softmax %a {dim = 0 : i64} : tensor<4xi64> -> tensor<4xi64>
  return
}

// -----

func.func @layer_norm_int(%a: tensor<2x4xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating dtype values}}
  %0 = thunder_torch.layer_norm %a {normalized_shape = array<i64: 4>} : tensor<2x4xi32> -> tensor<2x4xi32>
  return
}

// -----

func.func @matmul_bool(%a: tensor<2x2xi1>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of numeric (non-bool) dtype values}}
  %0 = thunder_torch.matmul %a, %a : tensor<2x2xi1>, tensor<2x2xi1> -> tensor<2x2xi1>
  return
}

// -----

func.func @missing_attr(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{requires attribute 'shape'}}
  %0 = thunder_torch.reshape %a : tensor<2x4xf32> -> tensor<8xf32>
  return
}

// -----

func.func @full_value_kind() {
  // expected-error @+1 {{attribute 'value' failed to satisfy constraint}}
  %0 = thunder_torch.full {shape = array<i64: 2>, value = "one"} : tensor<2xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Written result types must be the ones PyTorch infers.
//===----------------------------------------------------------------------===//

func.func @int_plus_python_float_is_f32(%a: tensor<4xi32>, %b: f64) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<4xf64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.add %a, %b : tensor<4xi32>, f64 -> tensor<4xf64>
  return
}

// -----

func.func @u8_plus_i8_is_i16(%a: tensor<4xui8>, %b: tensor<4xi8>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xi16>' are incompatible with return type(s) of operation 'tensor<4xui8>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.add %a, %b : tensor<4xui8>, tensor<4xi8> -> tensor<4xui8>
  return
}

// -----

func.func @zero_dim_does_not_promote(%a: tensor<f64>, %b: tensor<4xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<4xf64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.mul %a, %b : tensor<f64>, tensor<4xf32> -> tensor<4xf64>
  return
}

// -----

func.func @true_division_is_float(%a: tensor<4xi64>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<4xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.div %a, %a : tensor<4xi64>, tensor<4xi64> -> tensor<4xi64>
  return
}

// -----

func.func @comparison_is_bool(%a: tensor<4xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xi1>' are incompatible with return type(s) of operation 'tensor<4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.lt %a, %a : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @broadcast_shape(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.sub %a, %b : tensor<2x3xf32>, tensor<3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @int_exp_is_f32(%a: tensor<4xi32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<4xi32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.exp %a : tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @int_sum_is_i64(%a: tensor<4xi32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<i64>' are incompatible with return type(s) of operation 'tensor<i32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.sum %a : tensor<4xi32> -> tensor<i32>
  return
}

// -----

func.func @keepdim(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2x1xf32>' are incompatible with return type(s) of operation 'tensor<2xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.amax %a {dim = array<i64: 1>, keepdim = true} : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @clamp_float_bound_promotes(%a: tensor<4xi32>, %m: f64) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<4xi32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.clamp %a min %m : f64 : tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @to_dtype_result(%a: tensor<4xi32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf16>' are incompatible with return type(s) of operation 'tensor<4xbf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.to_dtype %a {dtype = f16} : tensor<4xi32> -> tensor<4xbf16>
  return
}

// -----

func.func @full_float_is_f32() {
  // expected-error @+2 {{inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<2xf64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.full {shape = array<i64: 2>, value = 1.0 : f64} : tensor<2xf64>
  return
}

// -----

func.func @arange_length(%a: tensor<4xi32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xi64>' are incompatible with return type(s) of operation 'tensor<3xi64>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.arange {start = 0 : i64, end = 10 : i64, step = 3 : i64} : tensor<3xi64>
  return
}

// -----

func.func @slice_clamped(%a: tensor<10xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<3xf32>' are incompatible with return type(s) of operation 'tensor<93xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.slice %a {dim = 0 : i64, start = 7 : i64, end = 100 : i64} : tensor<10xf32> -> tensor<93xf32>
  return
}

// -----

func.func @matmul_result(%a: tensor<3xf32>, %b: tensor<3x4xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4xf32>' are incompatible with return type(s) of operation 'tensor<1x4xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.matmul %a, %b : tensor<3xf32>, tensor<3x4xf32> -> tensor<1x4xf32>
  return
}

// -----

func.func @layer_norm_result(%a: tensor<2x4xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2x4xf32>' are incompatible with return type(s) of operation 'tensor<2x4xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.layer_norm %a {normalized_shape = array<i64: 4>} : tensor<2x4xf32> -> tensor<2x4xf16>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Elementwise rules.
//===----------------------------------------------------------------------===//

func.func @no_tensor_operand(%a: f64, %b: i64) {
  // expected-error @+2 {{'add' needs at least one tensor operand}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.add %a, %b : f64, i64 -> tensor<f32>
  return
}

// -----

func.func @not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{'mul' operands are not broadcastable: shapes [2, 3] [4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.mul %a, %b : tensor<2x3xf32>, tensor<4xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @not_broadcastable_compare(%a: tensor<2x3xi64>, %b: tensor<2x1x2xi64>) {
  // expected-error @+2 {{'eq' operands are not broadcastable: shapes [2, 3] [2, 1, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.eq %a, %b : tensor<2x3xi64>, tensor<2x1x2xi64> -> tensor<2x2x3xi1>
  return
}

// -----

func.func @sub_bool(%a: tensor<4xi1>) {
  // expected-error @+2 {{'sub' is not supported on bool operands, as in PyTorch}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.sub %a, %a : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return
}

// -----

func.func @sub_bool_promoted(%a: tensor<4xi1>, %b: tensor<4xi32>) {
  // PyTorch rejects a bool operand of sub even when the other operand promotes it.
  // expected-error @+2 {{'sub' is not supported on bool operands, as in PyTorch}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.sub %a, %b : tensor<4xi1>, tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @sub_python_bool(%a: tensor<4xf32>, %b: i1) {
  // expected-error @+2 {{'sub' is not supported on bool operands, as in PyTorch}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.sub %a, %b : tensor<4xf32>, i1 -> tensor<4xf32>
  return
}

// -----

func.func @remainder_bool(%a: tensor<4xi1>, %b: i1) {
  // expected-error @+2 {{'remainder' is not supported on bool operands, as in PyTorch}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.remainder %a, %b : tensor<4xi1>, i1 -> tensor<4xi1>
  return
}

// -----

func.func @floor_div_bool(%a: tensor<4xi1>) {
  // expected-error @+2 {{'div' is not supported on bool operands, as in PyTorch}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.div %a, %a {rounding_mode = "floor"} : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return
}

// -----

func.func @bitwise_float(%a: tensor<4xi32>, %b: f64) {
  // expected-error @+2 {{'bitwise_and' needs integer or bool operands, got float32}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.bitwise_and %a, %b : tensor<4xi32>, f64 -> tensor<4xf32>
  return
}

// -----

func.func @bitwise_xor_float(%a: tensor<4xf16>) {
  // expected-error @+2 {{'bitwise_xor' needs integer or bool operands, got float16}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.bitwise_xor %a, %a : tensor<4xf16>, tensor<4xf16> -> tensor<4xf16>
  return
}

// -----

func.func @alpha_int(%a: tensor<4xi32>) {
  // expected-error @+2 {{'add' alpha must be an integer for integer or bool operands}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.add %a, %a {alpha = 0.5 : f64} : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @alpha_sub_int(%a: tensor<4xi64>, %b: i64) {
  // expected-error @+2 {{'sub' alpha must be an integer for integer or bool operands}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.sub %a, %b {alpha = 1.5 : f64} : tensor<4xi64>, i64 -> tensor<4xi64>
  return
}

// -----

func.func @alpha_bool(%a: tensor<4xi1>) {
  // expected-error @+2 {{'add' alpha must be a bool for bool operands}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.add %a, %a {alpha = 2.0 : f64} : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return
}

// -----

func.func @rounding_mode(%a: tensor<4xf32>) {
  // expected-error @+1 {{rounding_mode must be "trunc" or "floor", got "ceil"}}
  %0 = thunder_torch.div %a, %a {rounding_mode = "ceil"} : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @silu_int(%a: tensor<4xi32>) {
  // expected-error @+2 {{'silu' is defined for floating inputs only, got int32}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.silu %a : tensor<4xi32> -> tensor<4xi32>
  return
}

// -----

func.func @gelu_bool(%a: tensor<4xi1>) {
  // expected-error @+2 {{'gelu' is defined for floating inputs only, got bool}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.gelu %a : tensor<4xi1> -> tensor<4xf32>
  return
}

// -----

func.func @gelu_approximate(%a: tensor<4xf32>) {
  // expected-error @+1 {{approximate must be "none" or "tanh", got "erf"}}
  %0 = thunder_torch.gelu %a {approximate = "erf"} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @neg_bool(%a: tensor<4xi1>) {
  // expected-error @+2 {{'neg' is not supported on bool tensors, as in PyTorch}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.neg %a : tensor<4xi1> -> tensor<4xi1>
  return
}

// -----

func.func @relu_bool(%a: tensor<4xi1>) {
  // expected-error @+2 {{'relu' is not supported on bool tensors, as in PyTorch}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.relu %a : tensor<4xi1> -> tensor<4xi1>
  return
}

// -----

func.func @bitwise_not_float(%a: tensor<4xbf16>) {
  // expected-error @+2 {{'bitwise_not' needs an integer or bool input, got bfloat16}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.bitwise_not %a : tensor<4xbf16> -> tensor<4xbf16>
  return
}

// -----

func.func @to_dtype_not_thunder(%a: tensor<4xf32>) {
  // expected-error @+2 {{'to_dtype' dtype must be a thunder dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.to_dtype %a {dtype = i128} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @where_values_not_broadcastable(%c: tensor<4xi1>, %a: tensor<3xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{'where' operands are not broadcastable: shapes [3] [2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.where %c, %a, %b : tensor<4xi1>, tensor<3xf32>, tensor<2xf32> -> tensor<3xf32>
  return
}

// -----

func.func @where_condition_not_broadcastable(%c: tensor<4xi1>, %a: tensor<3xf32>, %b: f64) {
  // expected-error @+2 {{'where' condition is not broadcastable with the values}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.where %c, %a, %b : tensor<4xi1>, tensor<3xf32>, f64 -> tensor<3xf32>
  return
}

// -----

func.func @clamp_no_bounds(%a: tensor<4xf32>) {
  // expected-error @+1 {{needs at least one of 'min' and 'max'}}
  %0 = thunder_torch.clamp %a : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Reductions.
//===----------------------------------------------------------------------===//

func.func @reduction_dim_range(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'sum' dimension 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.sum %a {dim = array<i64: 2>} : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @reduction_negative_dim_range(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'amin' dimension -3 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.amin %a {dim = array<i64: -3>} : tensor<2x3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @reduction_dim_0d(%a: tensor<f32>) {
  // expected-error @+2 {{'prod' dimension 1 is out of range for rank 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.prod %a {dim = array<i64: 1>} : tensor<f32> -> tensor<f32>
  return
}

// -----

func.func @reduction_dim_twice(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'mean' dimension -1 appears more than once}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.mean %a {dim = array<i64: 1, -1>} : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @sum_dtype_not_thunder(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'sum' dtype must be a thunder dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.sum %a {dtype = f80} : tensor<2x3xf32> -> tensor<f32>
  return
}

// -----

func.func @prod_dtype_not_thunder(%a: tensor<2x3xi32>) {
  // expected-error @+2 {{'prod' dtype must be a thunder dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.prod %a {dtype = ui32} : tensor<2x3xi32> -> tensor<i64>
  return
}

// -----

func.func @mean_int(%a: tensor<2x3xi32>) {
  // expected-error @+2 {{'mean' could not infer output dtype: input dtype must be floating, got int32}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.mean %a : tensor<2x3xi32> -> tensor<f32>
  return
}

// -----

func.func @mean_int_dtype(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'mean' could not infer output dtype: input dtype must be floating, got int64}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.mean %a {dtype = i64} : tensor<2x3xf32> -> tensor<i64>
  return
}

// -----

func.func @mean_dtype_not_thunder(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'mean' dtype must be a thunder dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.mean %a {dtype = index} : tensor<2x3xf32> -> tensor<f32>
  return
}

// -----

func.func @var_int(%a: tensor<2x3xi64>) {
  // expected-error @+2 {{'var' needs a floating input, got int64}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.var %a : tensor<2x3xi64> -> tensor<f32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Softmax and normalisation.
//===----------------------------------------------------------------------===//

func.func @softmax_dim(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'softmax' dim 2 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.softmax %a {dim = 2 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @log_softmax_int(%a: tensor<2x3xi64>) {
  // expected-error @+2 {{'log_softmax' needs a floating dtype, got int64}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.log_softmax %a {dim = 1 : i64} : tensor<2x3xi64> -> tensor<2x3xf32>
  return
}

// -----

func.func @softmax_int_dtype(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'softmax' needs a floating dtype, got int32}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.softmax %a {dim = 1 : i64, dtype = i32} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @softmax_dtype_not_thunder(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'softmax' dtype must be a thunder dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.softmax %a {dim = 1 : i64, dtype = tf32} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @layer_norm_empty_shape(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{normalized_shape must not be empty}}
  %0 = thunder_torch.layer_norm %a {normalized_shape = array<i64>} : tensor<2x4xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @layer_norm_not_trailing(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{normalized_shape does not match the trailing dimensions of the input}}
  %0 = thunder_torch.layer_norm %a {normalized_shape = array<i64: 2>} : tensor<2x4xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @layer_norm_too_long(%a: tensor<4xf32>) {
  // expected-error @+1 {{normalized_shape does not match the trailing dimensions of the input}}
  %0 = thunder_torch.layer_norm %a {normalized_shape = array<i64: 1, 4>} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @layer_norm_weight_shape(%a: tensor<2x4xf32>, %w: tensor<2x4xf32>) {
  // expected-error @+1 {{weight and bias must have shape normalized_shape}}
  %0 = thunder_torch.layer_norm %a weight %w : tensor<2x4xf32> {normalized_shape = array<i64: 4>} : tensor<2x4xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @layer_norm_bias_dtype(%a: tensor<2x4xf32>, %b: tensor<4xbf16>) {
  // expected-error @+1 {{weight and bias must have the input's dtype}}
  %0 = thunder_torch.layer_norm %a bias %b : tensor<4xbf16> {normalized_shape = array<i64: 4>} : tensor<2x4xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @rms_norm_not_trailing(%a: tensor<2x4xf16>) {
  // expected-error @+1 {{normalized_shape does not match the trailing dimensions of the input}}
  %0 = thunder_torch.rms_norm %a {normalized_shape = array<i64: 2, 3>} : tensor<2x4xf16> -> tensor<2x4xf16>
  return
}

// -----

func.func @rms_norm_weight_shape(%a: tensor<2x4xf16>, %w: tensor<8xf16>) {
  // expected-error @+1 {{weight and bias must have shape normalized_shape}}
  %0 = thunder_torch.rms_norm %a weight %w : tensor<8xf16> {normalized_shape = array<i64: 4>} : tensor<2x4xf16> -> tensor<2x4xf16>
  return
}

// -----

func.func @rms_norm_weight_dtype(%a: tensor<2x4xf16>, %w: tensor<4xf32>) {
  // expected-error @+1 {{weight and bias must have the input's dtype}}
  %0 = thunder_torch.rms_norm %a weight %w : tensor<4xf32> {normalized_shape = array<i64: 4>} : tensor<2x4xf16> -> tensor<2x4xf16>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Linear algebra.
//===----------------------------------------------------------------------===//

func.func @matmul_dtypes(%a: tensor<2x3xf32>, %b: tensor<3x4xf16>) {
  // expected-error @+2 {{'matmul' expects operands of the same dtype, got float32 and float16}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.matmul %a, %b : tensor<2x3xf32>, tensor<3x4xf16> -> tensor<2x4xf32>
  return
}

// -----

func.func @matmul_0d(%a: tensor<f32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'matmul' operands must be at least 1-D}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.matmul %a, %b : tensor<f32>, tensor<3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @matmul_contraction(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+2 {{'matmul' shapes [2, 3] and [4, 5] cannot be multiplied}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.matmul %a, %b : tensor<2x3xf32>, tensor<4x5xf32> -> tensor<2x5xf32>
  return
}

// -----

func.func @matmul_vectors(%a: tensor<3xi64>, %b: tensor<4xi64>) {
  // expected-error @+2 {{'matmul' shapes [3] and [4] cannot be multiplied}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.matmul %a, %b : tensor<3xi64>, tensor<4xi64> -> tensor<i64>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x2x3xf32>, %b: tensor<3x3x4xf32>) {
  // expected-error @+2 {{'matmul' batch dimensions are not broadcastable}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.matmul %a, %b : tensor<2x2x3xf32>, tensor<3x3x4xf32> -> tensor<2x2x4xf32>
  return
}

// -----

func.func @linear_dtypes(%x: tensor<2x3xbf16>, %w: tensor<4x3xf32>) {
  // expected-error @+2 {{'linear' expects operands of the same dtype, got bfloat16 and float32}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.linear %x, %w : tensor<2x3xbf16>, tensor<4x3xf32> -> tensor<2x4xbf16>
  return
}

// -----

func.func @linear_0d(%x: tensor<f32>, %w: tensor<4x3xf32>) {
  // expected-error @+2 {{'linear' input must be at least 1-D}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.linear %x, %w : tensor<f32>, tensor<4x3xf32> -> tensor<4xf32>
  return
}

// -----

func.func @linear_weight_rank(%x: tensor<2x3xf32>, %w: tensor<1x4x3xf32>) {
  // expected-error @+2 {{'linear' weight must be 1-D or 2-D}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.linear %x, %w : tensor<2x3xf32>, tensor<1x4x3xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_in_features(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+2 {{'linear' input [2, 3] and weight [3, 4] have different in_features}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.linear %x, %w : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_bias_dtype(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf64>) {
  // expected-error @+2 {{'linear' expects operands of the same dtype, got float32 and float64}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.linear %x, %w, %b : tensor<4xf64> : tensor<2x3xf32>, tensor<4x3xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_bias_shape(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>, %b: tensor<5xf32>) {
  // expected-error @+2 {{'linear' bias [5] does not broadcast to the output [2, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.linear %x, %w, %b : tensor<5xf32> : tensor<2x3xf32>, tensor<4x3xf32> -> tensor<2x4xf32>
  return
}

// -----

func.func @linear_bias_grows_output(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>, %b: tensor<3x2x4xf32>) {
  // expected-error @+2 {{'linear' bias [3, 2, 4] does not broadcast to the output [2, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.linear %x, %w, %b : tensor<3x2x4xf32> : tensor<2x3xf32>, tensor<4x3xf32> -> tensor<2x4xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Shape ops.
//===----------------------------------------------------------------------===//

func.func @reshape_two_minus_one(%a: tensor<2x6xf32>) {
  // expected-error @+2 {{'reshape' shape may contain only one -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.reshape %a {shape = array<i64: -1, 3, -1>} : tensor<2x6xf32> -> tensor<2x3x2xf32>
  return
}

// -----

func.func @reshape_negative(%a: tensor<2x6xf32>) {
  // expected-error @+2 {{'reshape' shape entries must be non-negative or -1, got -2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.reshape %a {shape = array<i64: -2, 6>} : tensor<2x6xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @reshape_not_divisible(%a: tensor<2x6xf32>) {
  // expected-error @+2 {{'reshape' shape [5, -1] is invalid for input of size 12}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.reshape %a {shape = array<i64: 5, -1>} : tensor<2x6xf32> -> tensor<5x2xf32>
  return
}

// -----

func.func @reshape_ambiguous(%a: tensor<0x6xf32>) {
  // expected-error @+2 {{'reshape' shape [0, -1] is invalid for input of size 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.reshape %a {shape = array<i64: 0, -1>} : tensor<0x6xf32> -> tensor<0x6xf32>
  return
}

// -----

func.func @reshape_size(%a: tensor<2x6xf32>) {
  // expected-error @+2 {{'reshape' shape [5, 2] is invalid for input of size 12}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.reshape %a {shape = array<i64: 5, 2>} : tensor<2x6xf32> -> tensor<5x2xf32>
  return
}

// -----

func.func @permute_rank(%a: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'permute' needs 3 dims, got 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.permute %a {dims = array<i64: 1, 0>} : tensor<2x3x4xf32> -> tensor<3x2x4xf32>
  return
}

// -----

func.func @permute_repeated(%a: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'permute' dims [0, 2, -1] are not a permutation}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.permute %a {dims = array<i64: 0, 2, -1>} : tensor<2x3x4xf32> -> tensor<2x4x4xf32>
  return
}

// -----

func.func @permute_range(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'permute' dims [0, 2] are not a permutation}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.permute %a {dims = array<i64: 0, 2>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @transpose_range(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'transpose' dimension out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.transpose %a {dim0 = 0 : i64, dim1 = 2 : i64} : tensor<2x3xf32> -> tensor<3x2xf32>
  return
}

// -----

func.func @unsqueeze_range(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'unsqueeze' dim -4 is out of range for rank 2}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.unsqueeze %a {dim = -4 : i64} : tensor<2x3xf32> -> tensor<1x2x3xf32>
  return
}

// -----

func.func @squeeze_range(%a: tensor<1x3xf32>) {
  // expected-error @+2 {{'squeeze' dim 2 is out of range}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.squeeze %a {dim = array<i64: 2>} : tensor<1x3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @squeeze_keeps_non_unit(%a: tensor<1x3xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<1x3xf32>' are incompatible with return type(s) of operation 'tensor<1xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.squeeze %a {dim = array<i64: 1>} : tensor<1x3xf32> -> tensor<1xf32>
  return
}

// -----

func.func @expand_rank(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'expand' shape [3] has fewer dimensions than the input}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.expand %a {shape = array<i64: 3>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @expand_leading_minus_one(%a: tensor<3xf32>) {
  // expected-error @+2 {{'expand' new leading dimensions cannot be -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.expand %a {shape = array<i64: -1, 3>} : tensor<3xf32> -> tensor<1x3xf32>
  return
}

// -----

func.func @expand_non_unit(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'expand' cannot expand [2, 3] to [4, 3]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.expand %a {shape = array<i64: 4, 3>} : tensor<2x3xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @slice_0d(%a: tensor<f32>) {
  // expected-error @+2 {{'slice' cannot slice a 0-d tensor}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.slice %a {dim = 0 : i64, start = 0 : i64, end = 1 : i64} : tensor<f32> -> tensor<f32>
  return
}

// -----

func.func @slice_dim(%a: tensor<4x4xf32>) {
  // expected-error @+2 {{'slice' dim -3 is out of range}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.slice %a {dim = -3 : i64, start = 0 : i64, end = 1 : i64} : tensor<4x4xf32> -> tensor<1x4xf32>
  return
}

// -----

func.func @slice_step(%a: tensor<4xf32>) {
  // expected-error @+2 {{'slice' step must be positive, got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.slice %a {dim = 0 : i64, start = 3 : i64, end = 0 : i64, step = -1 : i64} : tensor<4xf32> -> tensor<3xf32>
  return
}

// -----

func.func @select_0d(%a: tensor<f32>) {
  // expected-error @+2 {{'select' cannot index a 0-d tensor}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.select %a {dim = 0 : i64, index = 0 : i64} : tensor<f32> -> tensor<f32>
  return
}

// -----

func.func @select_dim(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'select' dim 2 is out of range}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.select %a {dim = 2 : i64, index = 0 : i64} : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @select_negative_dim(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'select' dim -3 is out of range}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.select %a {dim = -3 : i64, index = 0 : i64} : tensor<2x3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @select_index(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'select' index -4 is out of range for size 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.select %a {dim = 1 : i64, index = -4 : i64} : tensor<2x3xf32> -> tensor<2xf32>
  return
}

// -----

func.func @cat_empty() {
  // expected-error @+2 {{'cat' needs at least one tensor}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = "thunder_torch.cat"() {dim = 0 : i64} : () -> tensor<0xf32>
  return
}

// -----

func.func @cat_0d(%a: tensor<f32>) {
  // expected-error @+2 {{'cat' zero-dimensional tensors cannot be concatenated}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.cat %a, %a {dim = 0 : i64} : tensor<f32>, tensor<f32> -> tensor<2xf32>
  return
}

// -----

func.func @cat_dim(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'cat' dim 2 is out of range}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.cat %a, %a {dim = 2 : i64} : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x6xf32>
  return
}

// -----

func.func @cat_negative_dim(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'cat' dim -3 is out of range}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.cat %a {dim = -3 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

func.func @cat_rank(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'cat' tensors must have the same rank}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.cat %a, %b {dim = 0 : i64} : tensor<2x3xf32>, tensor<3xf32> -> tensor<3x3xf32>
  return
}

// -----

func.func @cat_sizes(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+2 {{'cat' sizes must match except in dimension 0: got [2, 3] and [2, 4]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.cat %a, %b {dim = 0 : i64} : tensor<2x3xf32>, tensor<2x4xf32> -> tensor<4x3xf32>
  return
}

// -----

func.func @cat_non_1d_empty_is_not_skipped(%a: tensor<2x3xf32>, %e: tensor<0x2xf32>) {
  // expected-error @+2 {{'cat' sizes must match except in dimension 0: got [2, 3] and [0, 2]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.cat %a, %e {dim = 0 : i64} : tensor<2x3xf32>, tensor<0x2xf32> -> tensor<2x3xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Creation.
//===----------------------------------------------------------------------===//

func.func @full_negative() {
  // expected-error @+2 {{'full' sizes must be non-negative}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = "thunder_torch.full"() {shape = array<i64: 2, -1>, value = 1 : i64} : () -> tensor<2x1xi64>
  return
}

// -----

func.func @full_dtype_not_thunder() {
  // expected-error @+2 {{'full' dtype must be a thunder dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.full {shape = array<i64: 2>, value = 1 : i64, dtype = i4} : tensor<2xi64>
  return
}

// -----

func.func @arange_step_zero() {
  // expected-error @+2 {{'arange' step must be nonzero}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.arange {start = 0 : i64, end = 4 : i64, step = 0 : i64} : tensor<4xi64>
  return
}

// -----

func.func @arange_step_nan() {
  // expected-error @+2 {{'arange' step must be nonzero}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.arange {start = 0.0 : f64, end = 1.0 : f64, step = 0x7FF8000000000000 : f64} : tensor<1xf32>
  return
}

// -----

func.func @arange_infinite() {
  // expected-error @+2 {{'arange' unsupported range: 0.000000e+00 -> INF}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.arange {start = 0.0 : f64, end = 0x7FF0000000000000 : f64, step = 1.0 : f64} : tensor<1xf32>
  return
}

// -----

func.func @arange_overflow() {
  // expected-error @+2 {{'arange' invalid size, possible overflow}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.arange {start = 0.0 : f64, end = 1.0e+300 : f64, step = 1.0 : f64} : tensor<1xf32>
  return
}

// -----

func.func @arange_sign(%a: tensor<4xi32>) {
  // expected-error @+2 {{'arange' upper bound and step sign are inconsistent}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.arange {start = 0 : i64, end = 4 : i64, step = -1 : i64} : tensor<4xi64>
  return
}

// -----

func.func @arange_dtype_not_thunder() {
  // expected-error @+2 {{'arange' dtype must be a thunder dtype}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = thunder_torch.arange {start = 0 : i64, end = 4 : i64, step = 1 : i64, dtype = i2} : tensor<4xi64>
  return
}
