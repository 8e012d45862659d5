// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-decompose-torch)' | FileCheck %s

// thunder-decompose-torch: one function per torch op. Each check sequence is
// the exact prims program, with the broadcasts, conversions and their types
// PyTorch's rules imply.

// A Python float with an int tensor promotes to the default float dtype (f32),
// not to f64: the number is a wrapped scalar.
// CHECK-LABEL: func.func @add_i32_f64_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi32>, %[[ARG1:[^:]+]]: f64) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xi32> to tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V1]], dims = [] : tensor<f32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.add %[[V0]], %[[V2]] : tensor<2x3xf32>
// CHECK-NEXT: return %[[V3]] : tensor<2x3xf32>
func.func @add_i32_f64_scalar(%a: tensor<2x3xi32>, %s: f64) -> tensor<2x3xf32> {
  %0 = thunder_torch.add %a, %s : tensor<2x3xi32>, f64 -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// uint8 with int8 promotes to int16; the 1-D operand broadcasts along the
// trailing dimension.
// CHECK-LABEL: func.func @add_u8_i8_broadcast(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<3xui8>, %[[ARG1:[^:]+]]: tensor<2x3xi8>) -> tensor<2x3xi16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<3xui8> to tensor<3xi16>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [1] : tensor<3xi16> -> tensor<2x3xi16>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<2x3xi8> to tensor<2x3xi16>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.add %[[V1]], %[[V2]] : tensor<2x3xi16>
// CHECK-NEXT: return %[[V3]] : tensor<2x3xi16>
func.func @add_u8_i8_broadcast(%a: tensor<3xui8>, %b: tensor<2x3xi8>) -> tensor<2x3xi16> {
  %0 = thunder_torch.add %a, %b : tensor<3xui8>, tensor<2x3xi8> -> tensor<2x3xi16>
  return %0 : tensor<2x3xi16>
}

// -----

// On bool, + is logical or.
// CHECK-LABEL: func.func @add_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.bitwise_or %[[ARG0]], %[[ARG1]] : tensor<4xi1>
// CHECK-NEXT: return %[[V0]] : tensor<4xi1>
func.func @add_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_torch.add %a, %b : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// alpha=False makes `alpha * b` false: the result is `a`.
// CHECK-LABEL: func.func @add_bool_alpha_false(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full false : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.bitwise_or %[[ARG0]], %[[V0]] : tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @add_bool_alpha_false(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_torch.add %a, %b {alpha = 0.0 : f64} : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// A Python int promotes a bool tensor to int64.
// CHECK-LABEL: func.func @add_bool_int_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: i64) -> tensor<4xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi1> to tensor<4xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : i64 to tensor<i64>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V1]], dims = [] : tensor<i64> -> tensor<4xi64>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.add %[[V0]], %[[V2]] : tensor<4xi64>
// CHECK-NEXT: return %[[V3]] : tensor<4xi64>
func.func @add_bool_int_scalar(%a: tensor<4xi1>, %s: i64) -> tensor<4xi64> {
  %0 = thunder_torch.add %a, %s : tensor<4xi1>, i64 -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// A 0-d f64 tensor does not promote a dimensioned f16 tensor. The f16 add
// computes in f32 and rounds to f16 once, as PyTorch's CPU kernel does.
// CHECK-LABEL: func.func @add_zero_dim_f64_with_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x2xf16>, %[[ARG1:[^:]+]]: tensor<f64>) -> tensor<2x2xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x2xf16> to tensor<2x2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<f64> to tensor<f32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V1]], dims = [] : tensor<f32> -> tensor<2x2xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.add %[[V0]], %[[V2]] : tensor<2x2xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.convert_element_type %[[V3]] : tensor<2x2xf32> to tensor<2x2xf16>
// CHECK-NEXT: return %[[V4]] : tensor<2x2xf16>
func.func @add_zero_dim_f64_with_f16(%a: tensor<2x2xf16>, %b: tensor<f64>) -> tensor<2x2xf16> {
  %0 = thunder_torch.add %a, %b : tensor<2x2xf16>, tensor<f64> -> tensor<2x2xf16>
  return %0 : tensor<2x2xf16>
}

// -----

// `a + alpha * b`.
// CHECK-LABEL: func.func @add_alpha_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<3xf32>, %[[ARG1:[^:]+]]: tensor<3xf32>) -> tensor<3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full 2.500000e+00 : f32 : tensor<3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.mul %[[ARG1]], %[[V0]] : tensor<3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.add %[[ARG0]], %[[V1]] : tensor<3xf32>
// CHECK-NEXT: return %[[V2]] : tensor<3xf32>
func.func @add_alpha_f32(%a: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<3xf32> {
  %0 = thunder_torch.add %a, %b {alpha = 2.5 : f64} : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @sub_alpha_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<3xi64>, %[[ARG1:[^:]+]]: tensor<3xi32>) -> tensor<3xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<3xi32> to tensor<3xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.full 3 : i64 : tensor<3xi64>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.mul %[[V0]], %[[V1]] : tensor<3xi64>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.sub %[[ARG0]], %[[V2]] : tensor<3xi64>
// CHECK-NEXT: return %[[V3]] : tensor<3xi64>
func.func @sub_alpha_i64(%a: tensor<3xi64>, %b: tensor<3xi32>) -> tensor<3xi64> {
  %0 = thunder_torch.sub %a, %b {alpha = 3.0 : f64} : tensor<3xi64>, tensor<3xi32> -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// On bool, * is logical and.
// CHECK-LABEL: func.func @mul_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.bitwise_and %[[ARG0]], %[[ARG1]] : tensor<4xi1>
// CHECK-NEXT: return %[[V0]] : tensor<4xi1>
func.func @mul_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_torch.mul %a, %b : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Mixed float widths compute in the wider one; size-1 dims broadcast.
// CHECK-LABEL: func.func @mul_bf16_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x1xbf16>, %[[ARG1:[^:]+]]: tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x1xbf16> to tensor<2x1xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [0, 1] : tensor<2x1xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<3xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.mul %[[V1]], %[[V2]] : tensor<2x3xf32>
// CHECK-NEXT: return %[[V3]] : tensor<2x3xf32>
func.func @mul_bf16_f32(%a: tensor<2x1xbf16>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = thunder_torch.mul %a, %b : tensor<2x1xbf16>, tensor<3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// True division of integers gives f32.
// CHECK-LABEL: func.func @div_int_true(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: tensor<4xi64>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi32> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xi64> to tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.div %[[V0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: return %[[V2]] : tensor<4xf32>
func.func @div_int_true(%a: tensor<4xi32>, %b: tensor<4xi64>) -> tensor<4xf32> {
  %0 = thunder_torch.div %a, %b : tensor<4xi32>, tensor<4xi64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Integer truncating division is the prim itself.
// CHECK-LABEL: func.func @div_trunc_int(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.div %[[ARG0]], %[[ARG1]] : tensor<4xi32>
// CHECK-NEXT: return %[[V0]] : tensor<4xi32>
func.func @div_trunc_int(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = thunder_torch.div %a, %b {rounding_mode = "trunc"} : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @div_trunc_float(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf64>, %[[ARG1:[^:]+]]: tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.div %[[ARG0]], %[[ARG1]] : tensor<4xf64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.trunc %[[V0]] : tensor<4xf64>
// CHECK-NEXT: return %[[V1]] : tensor<4xf64>
func.func @div_trunc_float(%a: tensor<4xf64>, %b: tensor<4xf64>) -> tensor<4xf64> {
  %0 = thunder_torch.div %a, %b {rounding_mode = "trunc"} : tensor<4xf64>, tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Integer floor division moves the truncated quotient down where the
// remainder and the divisor have different signs.
// CHECK-LABEL: func.func @div_floor_int(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi64>, %[[ARG1:[^:]+]]: i64) -> tensor<4xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : i64 to tensor<i64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [] : tensor<i64> -> tensor<4xi64>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.div %[[ARG0]], %[[V1]] : tensor<4xi64>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.fmod %[[ARG0]], %[[V1]] : tensor<4xi64>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.full 0 : i64 : tensor<4xi64>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.ne %[[V3]], %[[V4]] : tensor<4xi64>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.lt %[[V3]], %[[V4]] : tensor<4xi64>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.lt %[[V1]], %[[V4]] : tensor<4xi64>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.bitwise_xor %[[V6]], %[[V7]] : tensor<4xi1>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.bitwise_and %[[V5]], %[[V8]] : tensor<4xi1>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.full -1 : i64 : tensor<4xi64>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.add %[[V2]], %[[V10]] : tensor<4xi64>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.where %[[V9]], %[[V11]], %[[V2]] : tensor<4xi1>, tensor<4xi64>
// CHECK-NEXT: return %[[V12]] : tensor<4xi64>
func.func @div_floor_int(%a: tensor<4xi64>, %s: i64) -> tensor<4xi64> {
  %0 = thunder_torch.div %a, %s {rounding_mode = "floor"} : tensor<4xi64>, i64 -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// Float floor division as PyTorch's div_floor_floating (and Python):
// (a - fmod(a, b)) / b, adjusted, then snapped to the nearest integer, so that
// 1.0 // 0.1 is 9; a zero quotient keeps the sign of a / b, and b == 0 gives
// the IEEE quotient.
// CHECK-LABEL: func.func @div_floor_float(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.div %[[ARG0]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.fmod %[[ARG0]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.ne %[[V1]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.lt %[[V1]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.lt %[[ARG1]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.bitwise_xor %[[V4]], %[[V5]] : tensor<4xi1>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.bitwise_and %[[V3]], %[[V6]] : tensor<4xi1>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.sub %[[ARG0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.div %[[V8]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.full -1.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.add %[[V9]], %[[V10]] : tensor<4xf32>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.where %[[V7]], %[[V11]], %[[V9]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: %[[V13:[^ ]+]] = thunder_prims.floor %[[V12]] : tensor<4xf32>
// CHECK-NEXT: %[[V14:[^ ]+]] = thunder_prims.sub %[[V12]], %[[V13]] : tensor<4xf32>
// CHECK-NEXT: %[[V15:[^ ]+]] = thunder_prims.full 5.000000e-01 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V16:[^ ]+]] = thunder_prims.gt %[[V14]], %[[V15]] : tensor<4xf32>
// CHECK-NEXT: %[[V17:[^ ]+]] = thunder_prims.full 1.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V18:[^ ]+]] = thunder_prims.add %[[V13]], %[[V17]] : tensor<4xf32>
// CHECK-NEXT: %[[V19:[^ ]+]] = thunder_prims.where %[[V16]], %[[V18]], %[[V13]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: %[[V20:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V21:[^ ]+]] = thunder_prims.eq %[[V12]], %[[V20]] : tensor<4xf32>
// CHECK-NEXT: %[[V22:[^ ]+]] = thunder_prims.mul %[[V0]], %[[V20]] : tensor<4xf32>
// CHECK-NEXT: %[[V23:[^ ]+]] = thunder_prims.where %[[V21]], %[[V22]], %[[V19]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: %[[V24:[^ ]+]] = thunder_prims.eq %[[ARG1]], %[[V20]] : tensor<4xf32>
// CHECK-NEXT: %[[V25:[^ ]+]] = thunder_prims.where %[[V24]], %[[V0]], %[[V23]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: return %[[V25]] : tensor<4xf32>
func.func @div_floor_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.div %a, %b {rounding_mode = "floor"} : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// bf16 floor division computes in f32 and rounds once, as PyTorch's kernel
// does with its float intermediates.
// CHECK-LABEL: func.func @div_floor_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>, %[[ARG1:[^:]+]]: tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xbf16> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xbf16> to tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.div %[[V0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.fmod %[[V0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.ne %[[V3]], %[[V4]] : tensor<4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.lt %[[V3]], %[[V4]] : tensor<4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.lt %[[V1]], %[[V4]] : tensor<4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.bitwise_xor %[[V6]], %[[V7]] : tensor<4xi1>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.bitwise_and %[[V5]], %[[V8]] : tensor<4xi1>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.sub %[[V0]], %[[V3]] : tensor<4xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.div %[[V10]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.full -1.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V13:[^ ]+]] = thunder_prims.add %[[V11]], %[[V12]] : tensor<4xf32>
// CHECK-NEXT: %[[V14:[^ ]+]] = thunder_prims.where %[[V9]], %[[V13]], %[[V11]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: %[[V15:[^ ]+]] = thunder_prims.floor %[[V14]] : tensor<4xf32>
// CHECK-NEXT: %[[V16:[^ ]+]] = thunder_prims.sub %[[V14]], %[[V15]] : tensor<4xf32>
// CHECK-NEXT: %[[V17:[^ ]+]] = thunder_prims.full 5.000000e-01 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V18:[^ ]+]] = thunder_prims.gt %[[V16]], %[[V17]] : tensor<4xf32>
// CHECK-NEXT: %[[V19:[^ ]+]] = thunder_prims.full 1.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V20:[^ ]+]] = thunder_prims.add %[[V15]], %[[V19]] : tensor<4xf32>
// CHECK-NEXT: %[[V21:[^ ]+]] = thunder_prims.where %[[V18]], %[[V20]], %[[V15]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: %[[V22:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V23:[^ ]+]] = thunder_prims.eq %[[V14]], %[[V22]] : tensor<4xf32>
// CHECK-NEXT: %[[V24:[^ ]+]] = thunder_prims.mul %[[V2]], %[[V22]] : tensor<4xf32>
// CHECK-NEXT: %[[V25:[^ ]+]] = thunder_prims.where %[[V23]], %[[V24]], %[[V21]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: %[[V26:[^ ]+]] = thunder_prims.eq %[[V1]], %[[V22]] : tensor<4xf32>
// CHECK-NEXT: %[[V27:[^ ]+]] = thunder_prims.where %[[V26]], %[[V2]], %[[V25]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: %[[V28:[^ ]+]] = thunder_prims.convert_element_type %[[V27]] : tensor<4xf32> to tensor<4xbf16>
// CHECK-NEXT: return %[[V28]] : tensor<4xbf16>
func.func @div_floor_bf16(%a: tensor<4xbf16>, %b: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = thunder_torch.div %a, %b {rounding_mode = "floor"} : tensor<4xbf16>, tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// Python's %: the remainder takes the divisor's sign.
// CHECK-LABEL: func.func @remainder_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: f64) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.fmod %[[ARG0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.ne %[[V2]], %[[V3]] : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.lt %[[V2]], %[[V3]] : tensor<4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.lt %[[V1]], %[[V3]] : tensor<4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.bitwise_xor %[[V5]], %[[V6]] : tensor<4xi1>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.bitwise_and %[[V4]], %[[V7]] : tensor<4xi1>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.add %[[V2]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.where %[[V8]], %[[V9]], %[[V2]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: return %[[V10]] : tensor<4xf32>
func.func @remainder_f32(%a: tensor<4xf32>, %s: f64) -> tensor<4xf32> {
  %0 = thunder_torch.remainder %a, %s : tensor<4xf32>, f64 -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @pow_i32_f64_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: f64) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi32> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V1]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.pow %[[V0]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<4xf32>
func.func @pow_i32_f64_scalar(%a: tensor<4xi32>, %s: f64) -> tensor<4xf32> {
  %0 = thunder_torch.pow %a, %s : tensor<4xi32>, f64 -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// a ** b on bool: b ? a : true.
// CHECK-LABEL: func.func @pow_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full true : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.where %[[ARG1]], %[[ARG0]], %[[V0]] : tensor<4xi1>, tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @pow_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_torch.pow %a, %b : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @maximum_i8_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>, %[[ARG1:[^:]+]]: tensor<4xui8>) -> tensor<4xi16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi8> to tensor<4xi16>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xui8> to tensor<4xi16>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.maximum %[[V0]], %[[V1]] : tensor<4xi16>
// CHECK-NEXT: return %[[V2]] : tensor<4xi16>
func.func @maximum_i8_u8(%a: tensor<4xi8>, %b: tensor<4xui8>) -> tensor<4xi16> {
  %0 = thunder_torch.maximum %a, %b : tensor<4xi8>, tensor<4xui8> -> tensor<4xi16>
  return %0 : tensor<4xi16>
}

// -----

// CHECK-LABEL: func.func @minimum_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.bitwise_and %[[ARG0]], %[[ARG1]] : tensor<4xi1>
// CHECK-NEXT: return %[[V0]] : tensor<4xi1>
func.func @minimum_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_torch.minimum %a, %b : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @atan2_int(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: tensor<4xi32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi32> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xi32> to tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.atan2 %[[V0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: return %[[V2]] : tensor<4xf32>
func.func @atan2_int(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xf32> {
  %0 = thunder_torch.atan2 %a, %b : tensor<4xi32>, tensor<4xi32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @bitwise_and_i16_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi16>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xi1> to tensor<4xi16>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.bitwise_and %[[ARG0]], %[[V0]] : tensor<4xi16>
// CHECK-NEXT: return %[[V1]] : tensor<4xi16>
func.func @bitwise_and_i16_bool(%a: tensor<4xi16>, %b: tensor<4xi1>) -> tensor<4xi16> {
  %0 = thunder_torch.bitwise_and %a, %b : tensor<4xi16>, tensor<4xi1> -> tensor<4xi16>
  return %0 : tensor<4xi16>
}

// -----

// A Python int does not promote uint8.
// CHECK-LABEL: func.func @bitwise_or_u8_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xui8>, %[[ARG1:[^:]+]]: i64) -> tensor<4xui8>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : i64 to tensor<ui8>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [] : tensor<ui8> -> tensor<4xui8>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.bitwise_or %[[ARG0]], %[[V1]] : tensor<4xui8>
// CHECK-NEXT: return %[[V2]] : tensor<4xui8>
func.func @bitwise_or_u8_scalar(%a: tensor<4xui8>, %s: i64) -> tensor<4xui8> {
  %0 = thunder_torch.bitwise_or %a, %s : tensor<4xui8>, i64 -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @bitwise_xor_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.bitwise_xor %[[ARG0]], %[[ARG1]] : tensor<4xi1>
// CHECK-NEXT: return %[[V0]] : tensor<4xi1>
func.func @bitwise_xor_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_torch.bitwise_xor %a, %b : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Logical ops test each operand against zero in its own dtype.
// CHECK-LABEL: func.func @logical_and_f32_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xi32>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.ne %[[ARG0]], %[[V0]] : tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.full 0 : i32 : tensor<4xi32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.ne %[[ARG1]], %[[V2]] : tensor<4xi32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.bitwise_and %[[V1]], %[[V3]] : tensor<4xi1>
// CHECK-NEXT: return %[[V4]] : tensor<4xi1>
func.func @logical_and_f32_i32(%a: tensor<4xf32>, %b: tensor<4xi32>) -> tensor<4xi1> {
  %0 = thunder_torch.logical_and %a, %b : tensor<4xf32>, tensor<4xi32> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @logical_or_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<2x4xi1>) -> tensor<2x4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG0]], dims = [1] : tensor<4xi1> -> tensor<2x4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.bitwise_or %[[V0]], %[[ARG1]] : tensor<2x4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<2x4xi1>
func.func @logical_or_bool(%a: tensor<4xi1>, %b: tensor<2x4xi1>) -> tensor<2x4xi1> {
  %0 = thunder_torch.logical_or %a, %b : tensor<4xi1>, tensor<2x4xi1> -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// -----

// CHECK-LABEL: func.func @logical_xor_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xui8>, %[[ARG1:[^:]+]]: f64) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full 0 : ui8 : tensor<4xui8>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.ne %[[ARG0]], %[[V0]] : tensor<4xui8>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f64>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V2]], dims = [] : tensor<f64> -> tensor<4xf64>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.full 0.000000e+00 : f64 : tensor<4xf64>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.ne %[[V3]], %[[V4]] : tensor<4xf64>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.bitwise_xor %[[V1]], %[[V5]] : tensor<4xi1>
// CHECK-NEXT: return %[[V6]] : tensor<4xi1>
func.func @logical_xor_scalar(%a: tensor<4xui8>, %s: f64) -> tensor<4xi1> {
  %0 = thunder_torch.logical_xor %a, %s : tensor<4xui8>, f64 -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Comparisons compute in the promoted dtype: f32 here, not i32.
// CHECK-LABEL: func.func @eq_i32_f64_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: f64) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi32> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V1]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.eq %[[V0]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<4xi1>
func.func @eq_i32_f64_scalar(%a: tensor<4xi32>, %s: f64) -> tensor<4xi1> {
  %0 = thunder_torch.eq %a, %s : tensor<4xi32>, f64 -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @ne_f16_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xf16> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.ne %[[V0]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @ne_f16_f32(%a: tensor<4xf16>, %b: tensor<4xf32>) -> tensor<4xi1> {
  %0 = thunder_torch.ne %a, %b : tensor<4xf16>, tensor<4xf32> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// uint8 against int8 compares in int16, so 200 > -1 holds.
// CHECK-LABEL: func.func @lt_u8_i8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xui8>, %[[ARG1:[^:]+]]: tensor<4xi8>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xui8> to tensor<4xi16>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xi8> to tensor<4xi16>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.lt %[[V0]], %[[V1]] : tensor<4xi16>
// CHECK-NEXT: return %[[V2]] : tensor<4xi1>
func.func @lt_u8_i8(%a: tensor<4xui8>, %b: tensor<4xi8>) -> tensor<4xi1> {
  %0 = thunder_torch.lt %a, %b : tensor<4xui8>, tensor<4xi8> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @le_bool_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<1xi64>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi1> to tensor<4xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [0] : tensor<1xi64> -> tensor<4xi64>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.le %[[V0]], %[[V1]] : tensor<4xi64>
// CHECK-NEXT: return %[[V2]] : tensor<4xi1>
func.func @le_bool_i64(%a: tensor<4xi1>, %b: tensor<1xi64>) -> tensor<4xi1> {
  %0 = thunder_torch.le %a, %b : tensor<4xi1>, tensor<1xi64> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// f16 with bf16 promotes to f32.
// CHECK-LABEL: func.func @gt_f16_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>, %[[ARG1:[^:]+]]: tensor<4xbf16>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xf16> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xbf16> to tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.gt %[[V0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: return %[[V2]] : tensor<4xi1>
func.func @gt_f16_bf16(%a: tensor<4xf16>, %b: tensor<4xbf16>) -> tensor<4xi1> {
  %0 = thunder_torch.gt %a, %b : tensor<4xf16>, tensor<4xbf16> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// A 0-d int64 tensor does not promote a dimensioned int16 tensor.
// CHECK-LABEL: func.func @ge_i16_zero_dim_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi16>, %[[ARG1:[^:]+]]: tensor<i64>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<i64> to tensor<i16>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [] : tensor<i16> -> tensor<4xi16>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.ge %[[ARG0]], %[[V1]] : tensor<4xi16>
// CHECK-NEXT: return %[[V2]] : tensor<4xi1>
func.func @ge_i16_zero_dim_i64(%a: tensor<4xi16>, %b: tensor<i64>) -> tensor<4xi1> {
  %0 = thunder_torch.ge %a, %b : tensor<4xi16>, tensor<i64> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// Integer and bool inputs of float math convert to f32 first.
// CHECK-LABEL: func.func @exp_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi32> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.exp %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @exp_i32(%a: tensor<4xi32>) -> tensor<4xf32> {
  %0 = thunder_torch.exp %a : tensor<4xi32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sqrt_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi1> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sqrt %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @sqrt_bool(%a: tensor<4xi1>) -> tensor<4xf32> {
  %0 = thunder_torch.sqrt %a : tensor<4xi1> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// f16 math stays f16 at the prims level (the linalg lowering computes in f32).
// CHECK-LABEL: func.func @log_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.log %[[ARG0]] : tensor<4xf16>
// CHECK-NEXT: return %[[V0]] : tensor<4xf16>
func.func @log_f16(%a: tensor<4xf16>) -> tensor<4xf16> {
  %0 = thunder_torch.log %a : tensor<4xf16> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-LABEL: func.func @reciprocal_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xui8>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xui8> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.reciprocal %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @reciprocal_u8(%a: tensor<4xui8>) -> tensor<4xf32> {
  %0 = thunder_torch.reciprocal %a : tensor<4xui8> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Compound ops on bf16/f16 compute in f32 and convert back once. sigmoid is
// a prim of its own (its derivative y (1 - y) stays finite).
// CHECK-LABEL: func.func @sigmoid_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xbf16> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sigmoid %[[V0]] : tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.convert_element_type %[[V1]] : tensor<4xf32> to tensor<4xbf16>
// CHECK-NEXT: return %[[V2]] : tensor<4xbf16>
func.func @sigmoid_bf16(%a: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = thunder_torch.sigmoid %a : tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// CHECK-LABEL: func.func @sigmoid_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi64>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi64> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sigmoid %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @sigmoid_i64(%a: tensor<4xi64>) -> tensor<4xf32> {
  %0 = thunder_torch.sigmoid %a : tensor<4xi64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @silu_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xf16> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sigmoid %[[V0]] : tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.mul %[[V0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.convert_element_type %[[V2]] : tensor<4xf32> to tensor<4xf16>
// CHECK-NEXT: return %[[V3]] : tensor<4xf16>
func.func @silu_f16(%a: tensor<4xf16>) -> tensor<4xf16> {
  %0 = thunder_torch.silu %a : tensor<4xf16> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// Erf GELU: x/2 * (1 + erf(x / sqrt(2))), in f32.
// CHECK-LABEL: func.func @gelu_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xbf16> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.full 0.707106769 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.mul %[[V0]], %[[V1]] : tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.erf %[[V2]] : tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.full 1.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.add %[[V3]], %[[V4]] : tensor<4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.full 5.000000e-01 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.mul %[[V0]], %[[V6]] : tensor<4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.mul %[[V7]], %[[V5]] : tensor<4xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.convert_element_type %[[V8]] : tensor<4xf32> to tensor<4xbf16>
// CHECK-NEXT: return %[[V9]] : tensor<4xbf16>
func.func @gelu_bf16(%a: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = thunder_torch.gelu %a : tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// Tanh GELU: x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))).
// CHECK-LABEL: func.func @gelu_tanh_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.mul %[[V0]], %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.full 4.471500e-02 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.mul %[[V1]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.add %[[ARG0]], %[[V3]] : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.full 0.797884583 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.mul %[[V4]], %[[V5]] : tensor<4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.tanh %[[V6]] : tensor<4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.full 1.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.add %[[V7]], %[[V8]] : tensor<4xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.full 5.000000e-01 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[V10]] : tensor<4xf32>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.mul %[[V11]], %[[V9]] : tensor<4xf32>
// CHECK-NEXT: return %[[V12]] : tensor<4xf32>
func.func @gelu_tanh_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.gelu %a {approximate = "tanh"} : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @neg_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xui8>) -> tensor<4xui8>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.neg %[[ARG0]] : tensor<4xui8>
// CHECK-NEXT: return %[[V0]] : tensor<4xui8>
func.func @neg_u8(%a: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_torch.neg %a : tensor<4xui8> -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @abs_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.abs %[[ARG0]] : tensor<4xf16>
// CHECK-NEXT: return %[[V0]] : tensor<4xf16>
func.func @abs_f16(%a: tensor<4xf16>) -> tensor<4xf16> {
  %0 = thunder_torch.abs %a : tensor<4xf16> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-LABEL: func.func @relu_i8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// relu is `x <= 0 ? 0 : x`: NaN stays NaN, and the gradient is PyTorch's
// (none at 0), where maximum would split it at the tie.
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full 0 : i8 : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.le %[[ARG0]], %[[V0]] : tensor<4xi8>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.where %[[V1]], %[[V0]], %[[ARG0]] : tensor<4xi1>, tensor<4xi8>
// CHECK-NEXT: return %[[V2]] : tensor<4xi8>
func.func @relu_i8(%a: tensor<4xi8>) -> tensor<4xi8> {
  %0 = thunder_torch.relu %a : tensor<4xi8> -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// CHECK-LABEL: func.func @floor_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.floor %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @floor_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.floor %a : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Rounding an integer tensor is the identity.
// CHECK-LABEL: func.func @ceil_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: return %[[ARG0]] : tensor<4xi32>
func.func @ceil_i32(%a: tensor<4xi32>) -> tensor<4xi32> {
  %0 = thunder_torch.ceil %a : tensor<4xi32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @round_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.round %[[ARG0]] : tensor<4xbf16>
// CHECK-NEXT: return %[[V0]] : tensor<4xbf16>
func.func @round_bf16(%a: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = thunder_torch.round %a : tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// CHECK-LABEL: func.func @trunc_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xui8>) -> tensor<4xui8>
// CHECK-NEXT: return %[[ARG0]] : tensor<4xui8>
func.func @trunc_u8(%a: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_torch.trunc %a : tensor<4xui8> -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @sign_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.sign %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @sign_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.sign %a : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sign_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: return %[[ARG0]] : tensor<4xi1>
func.func @sign_bool(%a: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_torch.sign %a : tensor<4xi1> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @bitwise_not_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xui8>) -> tensor<4xui8>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.bitwise_not %[[ARG0]] : tensor<4xui8>
// CHECK-NEXT: return %[[V0]] : tensor<4xui8>
func.func @bitwise_not_u8(%a: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_torch.bitwise_not %a : tensor<4xui8> -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-LABEL: func.func @logical_not_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.ne %[[ARG0]], %[[V0]] : tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.bitwise_not %[[V1]] : tensor<4xi1>
// CHECK-NEXT: return %[[V2]] : tensor<4xi1>
func.func @logical_not_f32(%a: tensor<4xf32>) -> tensor<4xi1> {
  %0 = thunder_torch.logical_not %a : tensor<4xf32> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @to_dtype_f32_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xf32> to tensor<4xi1>
// CHECK-NEXT: return %[[V0]] : tensor<4xi1>
func.func @to_dtype_f32_bool(%a: tensor<4xf32>) -> tensor<4xi1> {
  %0 = thunder_torch.to_dtype %a {dtype = i1} : tensor<4xf32> -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// where: the condition broadcasts; a tensor and a Python int promote to f32.
// CHECK-LABEL: func.func @where_numbers(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi1>, %[[ARG1:[^:]+]]: tensor<3xf32>, %[[ARG2:[^:]+]]: i64) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<3xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.from_scalar %[[ARG2]] : i64 to tensor<f32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V1]], dims = [] : tensor<f32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.where %[[ARG0]], %[[V0]], %[[V2]] : tensor<2x3xi1>, tensor<2x3xf32>
// CHECK-NEXT: return %[[V3]] : tensor<2x3xf32>
func.func @where_numbers(%c: tensor<2x3xi1>, %t: tensor<3xf32>, %s: i64) -> tensor<2x3xf32> {
  %0 = thunder_torch.where %c, %t, %s : tensor<2x3xi1>, tensor<3xf32>, i64 -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Two Python numbers (float and int) give the default float dtype.
// CHECK-LABEL: func.func @where_two_numbers(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: f64, %[[ARG2:[^:]+]]: i64) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.from_scalar %[[ARG2]] : i64 to tensor<f32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V2]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.where %[[ARG0]], %[[V1]], %[[V3]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: return %[[V4]] : tensor<4xf32>
func.func @where_two_numbers(%c: tensor<4xi1>, %a: f64, %b: i64) -> tensor<4xf32> {
  %0 = thunder_torch.where %c, %a, %b : tensor<4xi1>, f64, i64 -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A float bound promotes an int tensor to f32; max(x, lo) then min(., hi).
// On floats, x itself strictly inside the bounds and the clamped value, a
// constant to the transforms, elsewhere: PyTorch's gradient (none at a bound).
// CHECK-LABEL: func.func @clamp_int_float_bounds(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: f64, %[[ARG2:[^:]+]]: i64) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi32> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V1]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.maximum %[[V0]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.gt %[[V0]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.from_scalar %[[ARG2]] : i64 to tensor<f32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V5]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.minimum %[[V3]], %[[V6]] : tensor<4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.lt %[[V0]], %[[V6]] : tensor<4xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.bitwise_and %[[V4]], %[[V8]] : tensor<4xi1>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.stop_gradient %[[V7]] : tensor<4xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.where %[[V9]], %[[V0]], %[[V10]] : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: return %[[V11]] : tensor<4xf32>
func.func @clamp_int_float_bounds(%a: tensor<4xi32>, %lo: f64, %hi: i64) -> tensor<4xf32> {
  %0 = thunder_torch.clamp %a min %lo : f64 max %hi : i64 : tensor<4xi32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @clamp_max_only(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>, %[[ARG1:[^:]+]]: f64) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f16>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [] : tensor<f16> -> tensor<4xf16>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.minimum %[[ARG0]], %[[V1]] : tensor<4xf16>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.lt %[[ARG0]], %[[V1]] : tensor<4xf16>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.stop_gradient %[[V2]] : tensor<4xf16>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.where %[[V3]], %[[ARG0]], %[[V4]] : tensor<4xi1>, tensor<4xf16>
// CHECK-NEXT: return %[[V5]] : tensor<4xf16>
func.func @clamp_max_only(%a: tensor<4xf16>, %hi: f64) -> tensor<4xf16> {
  %0 = thunder_torch.clamp %a max %hi : f64 : tensor<4xf16> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-LABEL: func.func @exp2_i16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi16>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi16> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.exp2 %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @exp2_i16(%a: tensor<4xi16>) -> tensor<4xf32> {
  %0 = thunder_torch.exp2 %a : tensor<4xi16> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @expm1_f64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.expm1 %[[ARG0]] : tensor<4xf64>
// CHECK-NEXT: return %[[V0]] : tensor<4xf64>
func.func @expm1_f64(%a: tensor<4xf64>) -> tensor<4xf64> {
  %0 = thunder_torch.expm1 %a : tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// CHECK-LABEL: func.func @log2_ui8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xui8>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xui8> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.log2 %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @log2_ui8(%a: tensor<4xui8>) -> tensor<4xf32> {
  %0 = thunder_torch.log2 %a : tensor<4xui8> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @log10_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.log10 %[[ARG0]] : tensor<4xbf16>
// CHECK-NEXT: return %[[V0]] : tensor<4xbf16>
func.func @log10_bf16(%a: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = thunder_torch.log10 %a : tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// CHECK-LABEL: func.func @log1p_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.log1p %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @log1p_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.log1p %a : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @rsqrt_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi64>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi64> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.rsqrt %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @rsqrt_i64(%a: tensor<4xi64>) -> tensor<4xf32> {
  %0 = thunder_torch.rsqrt %a : tensor<4xi64> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sin_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.sin %[[ARG0]] : tensor<4xf16>
// CHECK-NEXT: return %[[V0]] : tensor<4xf16>
func.func @sin_f16(%a: tensor<4xf16>) -> tensor<4xf16> {
  %0 = thunder_torch.sin %a : tensor<4xf16> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-LABEL: func.func @cos_i8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi8> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.cos %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @cos_i8(%a: tensor<4xi8>) -> tensor<4xf32> {
  %0 = thunder_torch.cos %a : tensor<4xi8> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @tan_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.tan %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @tan_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.tan %a : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @tanh_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.tanh %[[ARG0]] : tensor<4xbf16>
// CHECK-NEXT: return %[[V0]] : tensor<4xbf16>
func.func @tanh_bf16(%a: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = thunder_torch.tanh %a : tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// CHECK-LABEL: func.func @asin_f64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.asin %[[ARG0]] : tensor<4xf64>
// CHECK-NEXT: return %[[V0]] : tensor<4xf64>
func.func @asin_f64(%a: tensor<4xf64>) -> tensor<4xf64> {
  %0 = thunder_torch.asin %a : tensor<4xf64> -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// CHECK-LABEL: func.func @acos_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.acos %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @acos_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.acos %a : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @atan_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi32> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.atan %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @atan_i32(%a: tensor<4xi32>) -> tensor<4xf32> {
  %0 = thunder_torch.atan %a : tensor<4xi32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sinh_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.sinh %[[ARG0]] : tensor<4xf16>
// CHECK-NEXT: return %[[V0]] : tensor<4xf16>
func.func @sinh_f16(%a: tensor<4xf16>) -> tensor<4xf16> {
  %0 = thunder_torch.sinh %a : tensor<4xf16> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-LABEL: func.func @cosh_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.cosh %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @cosh_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.cosh %a : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @erf_i1(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4xi1> to tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.erf %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @erf_i1(%a: tensor<4xi1>) -> tensor<4xf32> {
  %0 = thunder_torch.erf %a : tensor<4xi1> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Sum of an integer tensor accumulates and returns int64.
// CHECK-LABEL: func.func @sum_i32_all(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi32>) -> tensor<i64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xi32> to tensor<2x3xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sum %[[V0]], dims = [0, 1] : tensor<2x3xi64> -> tensor<i64>
// CHECK-NEXT: return %[[V1]] : tensor<i64>
func.func @sum_i32_all(%a: tensor<2x3xi32>) -> tensor<i64> {
  %0 = thunder_torch.sum %a : tensor<2x3xi32> -> tensor<i64>
  return %0 : tensor<i64>
}

// -----

// CHECK-LABEL: func.func @sum_bool_dim(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi1>) -> tensor<2xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xi1> to tensor<2x3xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sum %[[V0]], dims = [1] : tensor<2x3xi64> -> tensor<2xi64>
// CHECK-NEXT: return %[[V1]] : tensor<2xi64>
func.func @sum_bool_dim(%a: tensor<2x3xi1>) -> tensor<2xi64> {
  %0 = thunder_torch.sum %a {dim = array<i64: -1>} : tensor<2x3xi1> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// f16 sums accumulate in f32; keepdim reshapes after the one conversion back.
// CHECK-LABEL: func.func @sum_f16_keepdim(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3x4xf16>) -> tensor<1x3x1xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3x4xf16> to tensor<2x3x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sum %[[V0]], dims = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.convert_element_type %[[V1]] : tensor<3xf32> to tensor<3xf16>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.reshape %[[V2]] : tensor<3xf16> -> tensor<1x3x1xf16>
// CHECK-NEXT: return %[[V3]] : tensor<1x3x1xf16>
func.func @sum_f16_keepdim(%a: tensor<2x3x4xf16>) -> tensor<1x3x1xf16> {
  %0 = thunder_torch.sum %a {dim = array<i64: 2, 0>, keepdim = true} : tensor<2x3x4xf16> -> tensor<1x3x1xf16>
  return %0 : tensor<1x3x1xf16>
}

// -----

// An explicit dtype converts the input first.
// CHECK-LABEL: func.func @sum_dtype(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi32>) -> tensor<3xf64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xi32> to tensor<2x3xf64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sum %[[V0]], dims = [0] : tensor<2x3xf64> -> tensor<3xf64>
// CHECK-NEXT: return %[[V1]] : tensor<3xf64>
func.func @sum_dtype(%a: tensor<2x3xi32>) -> tensor<3xf64> {
  %0 = thunder_torch.sum %a {dim = array<i64: 0>, dtype = f64} : tensor<2x3xi32> -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// -----

// CHECK-LABEL: func.func @prod_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xui8>) -> tensor<2xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xui8> to tensor<2x3xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.prod %[[V0]], dims = [1] : tensor<2x3xi64> -> tensor<2xi64>
// CHECK-NEXT: return %[[V1]] : tensor<2xi64>
func.func @prod_u8(%a: tensor<2x3xui8>) -> tensor<2xi64> {
  %0 = thunder_torch.prod %a {dim = array<i64: 1>} : tensor<2x3xui8> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// mean = sum / count in f32 for f16, converted back once, then keepdim.
// CHECK-LABEL: func.func @mean_f16_keepdim(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf16>) -> tensor<2x1xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xf16> to tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sum %[[V0]], dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.full 3.000000e+00 : f32 : tensor<2xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.div %[[V1]], %[[V2]] : tensor<2xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.convert_element_type %[[V3]] : tensor<2xf32> to tensor<2xf16>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.reshape %[[V4]] : tensor<2xf16> -> tensor<2x1xf16>
// CHECK-NEXT: return %[[V5]] : tensor<2x1xf16>
func.func @mean_f16_keepdim(%a: tensor<2x3xf16>) -> tensor<2x1xf16> {
  %0 = thunder_torch.mean %a {dim = array<i64: 1>, keepdim = true} : tensor<2x3xf16> -> tensor<2x1xf16>
  return %0 : tensor<2x1xf16>
}

// -----

// CHECK-LABEL: func.func @mean_bf16_all(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xbf16>) -> tensor<bf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xbf16> to tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sum %[[V0]], dims = [0, 1] : tensor<2x3xf32> -> tensor<f32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.full 6.000000e+00 : f32 : tensor<f32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.div %[[V1]], %[[V2]] : tensor<f32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.convert_element_type %[[V3]] : tensor<f32> to tensor<bf16>
// CHECK-NEXT: return %[[V4]] : tensor<bf16>
func.func @mean_bf16_all(%a: tensor<2x3xbf16>) -> tensor<bf16> {
  %0 = thunder_torch.mean %a : tensor<2x3xbf16> -> tensor<bf16>
  return %0 : tensor<bf16>
}

// -----

// CHECK-LABEL: func.func @mean_int_dtype(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x5xi32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<4x5xi32> to tensor<4x5xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sum %[[V0]], dims = [1] : tensor<4x5xf32> -> tensor<4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.full 5.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.div %[[V1]], %[[V2]] : tensor<4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<4xf32>
func.func @mean_int_dtype(%a: tensor<4x5xi32>) -> tensor<4xf32> {
  %0 = thunder_torch.mean %a {dim = array<i64: 1>, dtype = f32} : tensor<4x5xi32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @amax_i8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi8>) -> tensor<3xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.amax %[[ARG0]], dims = [0] : tensor<2x3xi8> -> tensor<3xi8>
// CHECK-NEXT: return %[[V0]] : tensor<3xi8>
func.func @amax_i8(%a: tensor<2x3xi8>) -> tensor<3xi8> {
  %0 = thunder_torch.amax %a {dim = array<i64: 0>} : tensor<2x3xi8> -> tensor<3xi8>
  return %0 : tensor<3xi8>
}

// -----

// CHECK-LABEL: func.func @amin_bool_keepdim(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi1>) -> tensor<1x1xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.amin %[[ARG0]], dims = [0, 1] : tensor<2x3xi1> -> tensor<i1>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.reshape %[[V0]] : tensor<i1> -> tensor<1x1xi1>
// CHECK-NEXT: return %[[V1]] : tensor<1x1xi1>
func.func @amin_bool_keepdim(%a: tensor<2x3xi1>) -> tensor<1x1xi1> {
  %0 = thunder_torch.amin %a {keepdim = true} : tensor<2x3xi1> -> tensor<1x1xi1>
  return %0 : tensor<1x1xi1>
}

// -----

// Bessel's correction by default.
// CHECK-LABEL: func.func @var_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> tensor<2xf32>
// CHECK-NEXT: %[[VAR:[^,]+]], %[[MEAN:[^ ]+]] = thunder_prims.var_mean %[[ARG0]], dims = [1] {correction = 1.000000e+00 : f64} : tensor<2x3xf32> -> tensor<2xf32>, tensor<2xf32>
// CHECK-NEXT: return %[[VAR]] : tensor<2xf32>
func.func @var_f32(%a: tensor<2x3xf32>) -> tensor<2xf32> {
  %0 = thunder_torch.var %a {dim = array<i64: 1>} : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @var_f16_correction0_keepdim(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf16>) -> tensor<1x3xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xf16> to tensor<2x3xf32>
// CHECK-NEXT: %[[VAR:[^,]+]], %[[MEAN:[^ ]+]] = thunder_prims.var_mean %[[V0]], dims = [0] {correction = 0.000000e+00 : f64} : tensor<2x3xf32> -> tensor<3xf32>, tensor<3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[VAR]] : tensor<3xf32> to tensor<3xf16>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.reshape %[[V1]] : tensor<3xf16> -> tensor<1x3xf16>
// CHECK-NEXT: return %[[V2]] : tensor<1x3xf16>
func.func @var_f16_correction0_keepdim(%a: tensor<2x3xf16>) -> tensor<1x3xf16> {
  %0 = thunder_torch.var %a {dim = array<i64: 0>, correction = 0.0 : f64, keepdim = true} : tensor<2x3xf16> -> tensor<1x3xf16>
  return %0 : tensor<1x3xf16>
}

// -----

// Softmax subtracts the max before exp, and multiplies by the reciprocal of
// the sum (one division per row, as ATen's kernel).
// The row maximum keeps exp in range; no gradient goes through it.
// CHECK-LABEL: func.func @softmax_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.amax %[[ARG0]], dims = [0] : tensor<2x3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[M:[^ ]+]] = thunder_prims.stop_gradient %[[V0]] : tensor<3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[M]], dims = [1] : tensor<3xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.sub %[[ARG0]], %[[V1]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.exp %[[V2]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.sum %[[V3]], dims = [0] : tensor<2x3xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.reciprocal %[[V4]] : tensor<3xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V5]], dims = [1] : tensor<3xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.mul %[[V3]], %[[V6]] : tensor<2x3xf32>
// CHECK-NEXT: return %[[V7]] : tensor<2x3xf32>
func.func @softmax_f32(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = thunder_torch.softmax %a {dim = 0 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @softmax_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xbf16>) -> tensor<2x3xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xbf16> to tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.amax %[[V0]], dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[M:[^ ]+]] = thunder_prims.stop_gradient %[[V1]] : tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[M]], dims = [0] : tensor<2xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.sub %[[V0]], %[[V2]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.exp %[[V3]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.sum %[[V4]], dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.reciprocal %[[V5]] : tensor<2xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V6]], dims = [0] : tensor<2xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.mul %[[V4]], %[[V7]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.convert_element_type %[[V8]] : tensor<2x3xf32> to tensor<2x3xbf16>
// CHECK-NEXT: return %[[V9]] : tensor<2x3xbf16>
func.func @softmax_bf16(%a: tensor<2x3xbf16>) -> tensor<2x3xbf16> {
  %0 = thunder_torch.softmax %a {dim = -1 : i64} : tensor<2x3xbf16> -> tensor<2x3xbf16>
  return %0 : tensor<2x3xbf16>
}

// -----

// `dtype` converts the input, and the result has that dtype.
// CHECK-LABEL: func.func @softmax_f16_dtype_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf16>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xf16> to tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.amax %[[V0]], dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[M:[^ ]+]] = thunder_prims.stop_gradient %[[V1]] : tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[M]], dims = [0] : tensor<2xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.sub %[[V0]], %[[V2]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.exp %[[V3]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.sum %[[V4]], dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.reciprocal %[[V5]] : tensor<2xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V6]], dims = [0] : tensor<2xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.mul %[[V4]], %[[V7]] : tensor<2x3xf32>
// CHECK-NEXT: return %[[V8]] : tensor<2x3xf32>
func.func @softmax_f16_dtype_f32(%a: tensor<2x3xf16>) -> tensor<2x3xf32> {
  %0 = thunder_torch.softmax %a {dim = 1 : i64, dtype = f32} : tensor<2x3xf16> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @log_softmax_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf16>) -> tensor<2x3xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x3xf16> to tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.amax %[[V0]], dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[M:[^ ]+]] = thunder_prims.stop_gradient %[[V1]] : tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[M]], dims = [0] : tensor<2xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.sub %[[V0]], %[[V2]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.exp %[[V3]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.sum %[[V4]], dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V5]], dims = [0] : tensor<2xf32> -> tensor<2x3xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.log %[[V6]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.sub %[[V3]], %[[V7]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.convert_element_type %[[V8]] : tensor<2x3xf32> to tensor<2x3xf16>
// CHECK-NEXT: return %[[V9]] : tensor<2x3xf16>
func.func @log_softmax_f16(%a: tensor<2x3xf16>) -> tensor<2x3xf16> {
  %0 = thunder_torch.log_softmax %a {dim = 1 : i64} : tensor<2x3xf16> -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// -----

// layer_norm: biased variance, rsqrt(var + eps), affine parameters in f32.
// CHECK-LABEL: func.func @layer_norm_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x4xbf16>, %[[ARG1:[^:]+]]: tensor<4xbf16>, %[[ARG2:[^:]+]]: tensor<4xbf16>) -> tensor<2x4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x4xbf16> to tensor<2x4xf32>
// CHECK-NEXT: %[[VAR:[^,]+]], %[[MEAN:[^ ]+]] = thunder_prims.var_mean %[[V0]], dims = [1] {correction = 0.000000e+00 : f64} : tensor<2x4xf32> -> tensor<2xf32>, tensor<2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.full 9.99999997E-7 : f32 : tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.add %[[VAR]], %[[V1]] : tensor<2xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.rsqrt %[[V2]] : tensor<2xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.broadcast_in_dim %[[MEAN]], dims = [0] : tensor<2xf32> -> tensor<2x4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V3]], dims = [0] : tensor<2xf32> -> tensor<2x4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.sub %[[V0]], %[[V4]] : tensor<2x4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.mul %[[V6]], %[[V5]] : tensor<2x4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xbf16> to tensor<4xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V8]], dims = [1] : tensor<4xf32> -> tensor<2x4xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.mul %[[V7]], %[[V9]] : tensor<2x4xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.convert_element_type %[[ARG2]] : tensor<4xbf16> to tensor<4xf32>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V11]], dims = [1] : tensor<4xf32> -> tensor<2x4xf32>
// CHECK-NEXT: %[[V13:[^ ]+]] = thunder_prims.add %[[V10]], %[[V12]] : tensor<2x4xf32>
// CHECK-NEXT: %[[V14:[^ ]+]] = thunder_prims.convert_element_type %[[V13]] : tensor<2x4xf32> to tensor<2x4xbf16>
// CHECK-NEXT: return %[[V14]] : tensor<2x4xbf16>
func.func @layer_norm_bf16(%x: tensor<2x4xbf16>, %w: tensor<4xbf16>, %b: tensor<4xbf16>) -> tensor<2x4xbf16> {
  %0 = thunder_torch.layer_norm %x weight %w : tensor<4xbf16> bias %b : tensor<4xbf16> {normalized_shape = array<i64: 4>, eps = 1.0e-6 : f64} : tensor<2x4xbf16> -> tensor<2x4xbf16>
  return %0 : tensor<2x4xbf16>
}

// -----

// Bias without weight; normalized_shape spans two dims; default eps 1e-5.
// CHECK-LABEL: func.func @layer_norm_bias_only(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3x4xf32>, %[[ARG1:[^:]+]]: tensor<3x4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %[[VAR:[^,]+]], %[[MEAN:[^ ]+]] = thunder_prims.var_mean %[[ARG0]], dims = [1, 2] {correction = 0.000000e+00 : f64} : tensor<2x3x4xf32> -> tensor<2xf32>, tensor<2xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full 9.99999974E-6 : f32 : tensor<2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.add %[[VAR]], %[[V0]] : tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.rsqrt %[[V1]] : tensor<2xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.broadcast_in_dim %[[MEAN]], dims = [0] : tensor<2xf32> -> tensor<2x3x4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V2]], dims = [0] : tensor<2xf32> -> tensor<2x3x4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.sub %[[ARG0]], %[[V3]] : tensor<2x3x4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.mul %[[V5]], %[[V4]] : tensor<2x3x4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1, 2] : tensor<3x4xf32> -> tensor<2x3x4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.add %[[V6]], %[[V7]] : tensor<2x3x4xf32>
// CHECK-NEXT: return %[[V8]] : tensor<2x3x4xf32>
func.func @layer_norm_bias_only(%x: tensor<2x3x4xf32>, %b: tensor<3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = thunder_torch.layer_norm %x bias %b : tensor<3x4xf32> {normalized_shape = array<i64: 3, 4>} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// rms_norm's default eps is f32's epsilon for f16 too (PyTorch takes the
// epsilon of the dtype it computes in).
// CHECK-LABEL: func.func @rms_norm_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x4xf16>, %[[ARG1:[^:]+]]: tensor<4xf16>) -> tensor<2x4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2x4xf16> to tensor<2x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.mul %[[V0]], %[[V0]] : tensor<2x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.sum %[[V1]], dims = [1] : tensor<2x4xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.full 4.000000e+00 : f32 : tensor<2xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.div %[[V2]], %[[V3]] : tensor<2xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.full 1.1920929E-7 : f32 : tensor<2xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.add %[[V4]], %[[V5]] : tensor<2xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.rsqrt %[[V6]] : tensor<2xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V7]], dims = [0] : tensor<2xf32> -> tensor<2x4xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.mul %[[V0]], %[[V8]] : tensor<2x4xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.convert_element_type %[[ARG1]] : tensor<4xf16> to tensor<4xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V10]], dims = [1] : tensor<4xf32> -> tensor<2x4xf32>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.mul %[[V9]], %[[V11]] : tensor<2x4xf32>
// CHECK-NEXT: %[[V13:[^ ]+]] = thunder_prims.convert_element_type %[[V12]] : tensor<2x4xf32> to tensor<2x4xf16>
// CHECK-NEXT: return %[[V13]] : tensor<2x4xf16>
func.func @rms_norm_f16(%x: tensor<2x4xf16>, %w: tensor<4xf16>) -> tensor<2x4xf16> {
  %0 = thunder_torch.rms_norm %x weight %w : tensor<4xf16> {normalized_shape = array<i64: 4>} : tensor<2x4xf16> -> tensor<2x4xf16>
  return %0 : tensor<2x4xf16>
}

// -----

// CHECK-LABEL: func.func @rms_norm_f32_eps(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[ARG0]] : tensor<2x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sum %[[V0]], dims = [1] : tensor<2x4xf32> -> tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.full 4.000000e+00 : f32 : tensor<2xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.div %[[V1]], %[[V2]] : tensor<2xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.full 9.99999997E-7 : f32 : tensor<2xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.add %[[V3]], %[[V4]] : tensor<2xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.rsqrt %[[V5]] : tensor<2xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V6]], dims = [0] : tensor<2xf32> -> tensor<2x4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[V7]] : tensor<2x4xf32>
// CHECK-NEXT: return %[[V8]] : tensor<2x4xf32>
func.func @rms_norm_f32_eps(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = thunder_torch.rms_norm %x {normalized_shape = array<i64: 4>, eps = 1.0e-6 : f64} : tensor<2x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_2d(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>, %[[ARG1:[^:]+]]: tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.matmul %[[ARG0]], %[[ARG1]] : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2x4xf32>
func.func @matmul_2d(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = thunder_torch.matmul %a, %b : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// A 1-D lhs becomes [1, k]; the added dimension is removed afterwards.
// CHECK-LABEL: func.func @matmul_1d_2d(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<3xf32>, %[[ARG1:[^:]+]]: tensor<3x4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.reshape %[[ARG0]] : tensor<3xf32> -> tensor<1x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.matmul %[[V0]], %[[ARG1]] : tensor<1x3xf32>, tensor<3x4xf32> -> tensor<1x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.reshape %[[V1]] : tensor<1x4xf32> -> tensor<4xf32>
// CHECK-NEXT: return %[[V2]] : tensor<4xf32>
func.func @matmul_1d_2d(%a: tensor<3xf32>, %b: tensor<3x4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.matmul %a, %b : tensor<3xf32>, tensor<3x4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_2d_1d(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xbf16>, %[[ARG1:[^:]+]]: tensor<3xbf16>) -> tensor<2xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.reshape %[[ARG1]] : tensor<3xbf16> -> tensor<3x1xbf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.matmul %[[ARG0]], %[[V0]] : tensor<2x3xbf16>, tensor<3x1xbf16> -> tensor<2x1xbf16>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.reshape %[[V1]] : tensor<2x1xbf16> -> tensor<2xbf16>
// CHECK-NEXT: return %[[V2]] : tensor<2xbf16>
func.func @matmul_2d_1d(%a: tensor<2x3xbf16>, %b: tensor<3xbf16>) -> tensor<2xbf16> {
  %0 = thunder_torch.matmul %a, %b : tensor<2x3xbf16>, tensor<3xbf16> -> tensor<2xbf16>
  return %0 : tensor<2xbf16>
}

// -----

// CHECK-LABEL: func.func @matmul_1d_1d(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<3xi32>, %[[ARG1:[^:]+]]: tensor<3xi32>) -> tensor<i32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.reshape %[[ARG0]] : tensor<3xi32> -> tensor<1x3xi32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.reshape %[[ARG1]] : tensor<3xi32> -> tensor<3x1xi32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.matmul %[[V0]], %[[V1]] : tensor<1x3xi32>, tensor<3x1xi32> -> tensor<1x1xi32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.reshape %[[V2]] : tensor<1x1xi32> -> tensor<i32>
// CHECK-NEXT: return %[[V3]] : tensor<i32>
func.func @matmul_1d_1d(%a: tensor<3xi32>, %b: tensor<3xi32>) -> tensor<i32> {
  %0 = thunder_torch.matmul %a, %b : tensor<3xi32>, tensor<3xi32> -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

// Batch dimensions broadcast ([2, 1] with [5] gives [2, 5]) explicitly.
// CHECK-LABEL: func.func @matmul_batched_broadcast(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x1x3x4xf32>, %[[ARG1:[^:]+]]: tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG0]], dims = [0, 1, 2, 3] : tensor<2x1x3x4xf32> -> tensor<2x5x3x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1, 2, 3] : tensor<5x4x6xf32> -> tensor<2x5x4x6xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.matmul %[[V0]], %[[V1]] : tensor<2x5x3x4xf32>, tensor<2x5x4x6xf32> -> tensor<2x5x3x6xf32>
// CHECK-NEXT: return %[[V2]] : tensor<2x5x3x6xf32>
func.func @matmul_batched_broadcast(%a: tensor<2x1x3x4xf32>, %b: tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32> {
  %0 = thunder_torch.matmul %a, %b : tensor<2x1x3x4xf32>, tensor<5x4x6xf32> -> tensor<2x5x3x6xf32>
  return %0 : tensor<2x5x3x6xf32>
}

// -----

// CHECK-LABEL: func.func @matmul_1d_batched(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>, %[[ARG1:[^:]+]]: tensor<2x4x6xf16>) -> tensor<2x6xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.reshape %[[ARG0]] : tensor<4xf16> -> tensor<1x4xf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [1, 2] : tensor<1x4xf16> -> tensor<2x1x4xf16>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.matmul %[[V1]], %[[ARG1]] : tensor<2x1x4xf16>, tensor<2x4x6xf16> -> tensor<2x1x6xf16>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.reshape %[[V2]] : tensor<2x1x6xf16> -> tensor<2x6xf16>
// CHECK-NEXT: return %[[V3]] : tensor<2x6xf16>
func.func @matmul_1d_batched(%a: tensor<4xf16>, %b: tensor<2x4x6xf16>) -> tensor<2x6xf16> {
  %0 = thunder_torch.matmul %a, %b : tensor<4xf16>, tensor<2x4x6xf16> -> tensor<2x6xf16>
  return %0 : tensor<2x6xf16>
}

// -----

// A size-1 batch dimension stretches to size 0.
// CHECK-LABEL: func.func @matmul_zero_batch(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<0x2x3xf32>, %[[ARG1:[^:]+]]: tensor<1x3x4xf32>) -> tensor<0x2x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [0, 1, 2] : tensor<1x3x4xf32> -> tensor<0x3x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.matmul %[[ARG0]], %[[V0]] : tensor<0x2x3xf32>, tensor<0x3x4xf32> -> tensor<0x2x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<0x2x4xf32>
func.func @matmul_zero_batch(%a: tensor<0x2x3xf32>, %b: tensor<1x3x4xf32>) -> tensor<0x2x4xf32> {
  %0 = thunder_torch.matmul %a, %b : tensor<0x2x3xf32>, tensor<1x3x4xf32> -> tensor<0x2x4xf32>
  return %0 : tensor<0x2x4xf32>
}

// -----

// linear: x @ weight.T + bias, the 2-D weight broadcast over the batch.
// CHECK-LABEL: func.func @linear_bias(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x5x3xf32>, %[[ARG1:[^:]+]]: tensor<4x3xf32>, %[[ARG2:[^:]+]]: tensor<4xf32>) -> tensor<2x5x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.transpose %[[ARG1]], permutation = [1, 0] : tensor<4x3xf32> -> tensor<3x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V0]], dims = [1, 2] : tensor<3x4xf32> -> tensor<2x3x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.matmul %[[ARG0]], %[[V1]] : tensor<2x5x3xf32>, tensor<2x3x4xf32> -> tensor<2x5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG2]], dims = [2] : tensor<4xf32> -> tensor<2x5x4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.add %[[V2]], %[[V3]] : tensor<2x5x4xf32>
// CHECK-NEXT: return %[[V4]] : tensor<2x5x4xf32>
func.func @linear_bias(%x: tensor<2x5x3xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>) -> tensor<2x5x4xf32> {
  %0 = thunder_torch.linear %x, %w, %b : tensor<4xf32> : tensor<2x5x3xf32>, tensor<4x3xf32> -> tensor<2x5x4xf32>
  return %0 : tensor<2x5x4xf32>
}

// -----

// CHECK-LABEL: func.func @linear_1d_weight(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>, %[[ARG1:[^:]+]]: tensor<3xf32>) -> tensor<2xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.reshape %[[ARG1]] : tensor<3xf32> -> tensor<3x1xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.matmul %[[ARG0]], %[[V0]] : tensor<2x3xf32>, tensor<3x1xf32> -> tensor<2x1xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.reshape %[[V1]] : tensor<2x1xf32> -> tensor<2xf32>
// CHECK-NEXT: return %[[V2]] : tensor<2xf32>
func.func @linear_1d_weight(%x: tensor<2x3xf32>, %w: tensor<3xf32>) -> tensor<2xf32> {
  %0 = thunder_torch.linear %x, %w : tensor<2x3xf32>, tensor<3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_minus_one(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.reshape %[[ARG0]] : tensor<2x3x4xf32> -> tensor<6x4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<6x4xf32>
func.func @reshape_minus_one(%a: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %0 = thunder_torch.reshape %a {shape = array<i64: -1, 4>} : tensor<2x3x4xf32> -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// CHECK-LABEL: func.func @permute(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3x4xi32>) -> tensor<4x2x3xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [2, 0, 1] : tensor<2x3x4xi32> -> tensor<4x2x3xi32>
// CHECK-NEXT: return %[[V0]] : tensor<4x2x3xi32>
func.func @permute(%a: tensor<2x3x4xi32>) -> tensor<4x2x3xi32> {
  %0 = thunder_torch.permute %a {dims = array<i64: -1, 0, 1>} : tensor<2x3x4xi32> -> tensor<4x2x3xi32>
  return %0 : tensor<4x2x3xi32>
}

// -----

// CHECK-LABEL: func.func @transpose(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [2, 1, 0] : tensor<2x3x4xf32> -> tensor<4x3x2xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4x3x2xf32>
func.func @transpose(%a: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
  %0 = thunder_torch.transpose %a {dim0 = 0 : i64, dim1 = -1 : i64} : tensor<2x3x4xf32> -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}

// -----

// CHECK-LABEL: func.func @unsqueeze(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> tensor<2x3x1xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.reshape %[[ARG0]] : tensor<2x3xf32> -> tensor<2x3x1xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2x3x1xf32>
func.func @unsqueeze(%a: tensor<2x3xf32>) -> tensor<2x3x1xf32> {
  %0 = thunder_torch.unsqueeze %a {dim = -1 : i64} : tensor<2x3xf32> -> tensor<2x3x1xf32>
  return %0 : tensor<2x3x1xf32>
}

// -----

// squeeze keeps a listed dimension whose size is not 1.
// CHECK-LABEL: func.func @squeeze_mixed(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<1x3x1xf32>) -> tensor<1x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.squeeze %[[ARG0]], dims = [2] : tensor<1x3x1xf32> -> tensor<1x3xf32>
// CHECK-NEXT: return %[[V0]] : tensor<1x3xf32>
func.func @squeeze_mixed(%a: tensor<1x3x1xf32>) -> tensor<1x3xf32> {
  %0 = thunder_torch.squeeze %a {dim = array<i64: 1, -1>} : tensor<1x3x1xf32> -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

// CHECK-LABEL: func.func @squeeze_non_size_one(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: return %[[ARG0]] : tensor<2x3xf32>
func.func @squeeze_non_size_one(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = thunder_torch.squeeze %a {dim = array<i64: 0>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @squeeze_all(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<1x3x1xi1>) -> tensor<3xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.squeeze %[[ARG0]], dims = [0, 2] : tensor<1x3x1xi1> -> tensor<3xi1>
// CHECK-NEXT: return %[[V0]] : tensor<3xi1>
func.func @squeeze_all(%a: tensor<1x3x1xi1>) -> tensor<3xi1> {
  %0 = thunder_torch.squeeze %a : tensor<1x3x1xi1> -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// expand: -1 keeps a dimension, new leading dims are added.
// CHECK-LABEL: func.func @expand(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<3x1xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG0]], dims = [1, 2] : tensor<3x1xf32> -> tensor<2x3x4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2x3x4xf32>
func.func @expand(%a: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = thunder_torch.expand %a {shape = array<i64: 2, -1, 4>} : tensor<3x1xf32> -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// [-8:-1:3] of 10 elements is 2, 5, 8.
// CHECK-LABEL: func.func @slice_negative_step(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x10xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.slice %[[ARG0]] {limit_indices = array<i64: 4, 9>, start_indices = array<i64: 0, 2>, strides = array<i64: 1, 3>} : tensor<4x10xf32> -> tensor<4x3xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4x3xf32>
func.func @slice_negative_step(%a: tensor<4x10xf32>) -> tensor<4x3xf32> {
  %0 = thunder_torch.slice %a {dim = 1 : i64, start = -8 : i64, end = -1 : i64, step = 3 : i64} : tensor<4x10xf32> -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// An end past the size clamps to it.
// CHECK-LABEL: func.func @slice_clamped(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x10xf32>) -> tensor<2x10xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.slice %[[ARG0]] {limit_indices = array<i64: 4, 10>, start_indices = array<i64: 2, 0>, strides = array<i64: 1, 1>} : tensor<4x10xf32> -> tensor<2x10xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2x10xf32>
func.func @slice_clamped(%a: tensor<4x10xf32>) -> tensor<2x10xf32> {
  %0 = thunder_torch.slice %a {dim = 0 : i64, start = 2 : i64, end = 100 : i64} : tensor<4x10xf32> -> tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}

// -----

// An end before the start gives an empty slice; an empty slice always starts
// at 0 (its start, 7 here, is dropped).
// CHECK-LABEL: func.func @slice_empty(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x10xf32>) -> tensor<4x0xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.slice %[[ARG0]] {limit_indices = array<i64: 4, 0>, start_indices = array<i64: 0, 0>, strides = array<i64: 1, 1>} : tensor<4x10xf32> -> tensor<4x0xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4x0xf32>
func.func @slice_empty(%a: tensor<4x10xf32>) -> tensor<4x0xf32> {
  %0 = thunder_torch.slice %a {dim = -1 : i64, start = 7 : i64, end = -20 : i64} : tensor<4x10xf32> -> tensor<4x0xf32>
  return %0 : tensor<4x0xf32>
}

// -----

// A start past the size clamps to it: the slice is empty and starts at 0, not
// at the size (an offset equal to the size is out of bounds for
// tensor.extract_slice).
// CHECK-LABEL: func.func @slice_empty_past_end(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x10xf32>) -> tensor<4x0xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.slice %[[ARG0]] {limit_indices = array<i64: 4, 0>, start_indices = array<i64: 0, 0>, strides = array<i64: 1, 1>} : tensor<4x10xf32> -> tensor<4x0xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4x0xf32>
func.func @slice_empty_past_end(%a: tensor<4x10xf32>) -> tensor<4x0xf32> {
  %0 = thunder_torch.slice %a {dim = 1 : i64, start = 12 : i64, end = 20 : i64} : tensor<4x10xf32> -> tensor<4x0xf32>
  return %0 : tensor<4x0xf32>
}

// -----

// CHECK-LABEL: func.func @select_negative(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x10xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.slice %[[ARG0]] {limit_indices = array<i64: 4, 9>, start_indices = array<i64: 0, 8>, strides = array<i64: 1, 1>} : tensor<4x10xf32> -> tensor<4x1xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.reshape %[[V0]] : tensor<4x1xf32> -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @select_negative(%a: tensor<4x10xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.select %a {dim = 1 : i64, index = -2 : i64} : tensor<4x10xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// 1-D empty tensors are skipped, but still take part in type promotion.
// CHECK-LABEL: func.func @cat_skip_empty(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>, %[[ARG1:[^:]+]]: tensor<0xi32>, %[[ARG2:[^:]+]]: tensor<2x1xf16>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG2]] : tensor<2x1xf16> to tensor<2x1xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.cat %[[ARG0]], %[[V0]] {dim = 1 : i64} : tensor<2x3xf32>, tensor<2x1xf32> -> tensor<2x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<2x4xf32>
func.func @cat_skip_empty(%a: tensor<2x3xf32>, %e: tensor<0xi32>, %b: tensor<2x1xf16>) -> tensor<2x4xf32> {
  %0 = thunder_torch.cat %a, %e, %b {dim = -1 : i64} : tensor<2x3xf32>, tensor<0xi32>, tensor<2x1xf16> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func.func @cat_promote_empty_changes_dtype(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2xi32>, %[[ARG1:[^:]+]]: tensor<0xf32>) -> tensor<2xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<2xi32> to tensor<2xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2xf32>
func.func @cat_promote_empty_changes_dtype(%a: tensor<2xi32>, %e: tensor<0xf32>) -> tensor<2xf32> {
  %0 = thunder_torch.cat %a, %e {dim = 0 : i64} : tensor<2xi32>, tensor<0xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @full_default_float(
// CHECK-SAME: ) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full 1.500000e+00 : f32 : tensor<2x3xf32>
// CHECK-NEXT: return %[[V0]] : tensor<2x3xf32>
func.func @full_default_float() -> tensor<2x3xf32> {
  %0 = thunder_torch.full {shape = array<i64: 2, 3>, value = 1.5 : f64} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @full_bool(
// CHECK-SAME: ) -> tensor<2xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full true : tensor<2xi1>
// CHECK-NEXT: return %[[V0]] : tensor<2xi1>
func.func @full_bool() -> tensor<2xi1> {
  %0 = thunder_torch.full {shape = array<i64: 2>, value = true} : tensor<2xi1>
  return %0 : tensor<2xi1>
}

// -----

// CHECK-LABEL: func.func @full_dtype_u8(
// CHECK-SAME: ) -> tensor<3xui8>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.full 200 : ui8 : tensor<3xui8>
// CHECK-NEXT: return %[[V0]] : tensor<3xui8>
func.func @full_dtype_u8() -> tensor<3xui8> {
  %0 = thunder_torch.full {shape = array<i64: 3>, value = 200 : i64, dtype = ui8} : tensor<3xui8>
  return %0 : tensor<3xui8>
}

// -----

// CHECK-LABEL: func.func @arange_int(
// CHECK-SAME: ) -> tensor<5xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.iota {start = 1.000000e+00 : f64, step = 2.000000e+00 : f64} : tensor<5xi64>
// CHECK-NEXT: return %[[V0]] : tensor<5xi64>
func.func @arange_int() -> tensor<5xi64> {
  %0 = thunder_torch.arange {start = 1 : i64, end = 10 : i64, step = 2 : i64} : tensor<5xi64>
  return %0 : tensor<5xi64>
}

// -----

// CHECK-LABEL: func.func @arange_float(
// CHECK-SAME: ) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_prims.iota {start = 0.000000e+00 : f64, step = 2.500000e-01 : f64} : tensor<4xf32>
// CHECK-NEXT: return %[[V0]] : tensor<4xf32>
func.func @arange_float() -> tensor<4xf32> {
  %0 = thunder_torch.arange {start = 0.0 : f64, end = 1.0 : f64, step = 0.25 : f64} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// opaque has no rule and stays, its users decompose.
// CHECK-LABEL: func.func @opaque(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = thunder_torch.opaque "aten::convolution"(%[[ARG0]]) {args = {stride = 1 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.neg %[[V0]] : tensor<2x3xf32>
// CHECK-NEXT: return %[[V1]] : tensor<2x3xf32>
func.func @opaque(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = thunder_torch.opaque "aten::convolution"(%a) {args = {stride = 1 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = thunder_torch.neg %0 : tensor<2x3xf32> -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
