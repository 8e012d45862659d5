// RUN: thunder-opt %s -split-input-file | FileCheck %s
// RUN: thunder-opt %s -split-input-file | thunder-opt -split-input-file | FileCheck %s
// RUN: thunder-opt %s -split-input-file -mlir-print-op-generic | thunder-opt -split-input-file | FileCheck %s

// Binary arithmetic: broadcasting and torch.result_type promotion.
// CHECK-LABEL: func.func @add_promotion
func.func @add_promotion(%i32: tensor<2x3xi32>, %pyf: f64, %u8: tensor<4xui8>, %i8: tensor<4xi8>,
                         %f16: tensor<4xf16>, %bf16: tensor<4xbf16>, %f64_0d: tensor<f64>,
                         %f32: tensor<4xf32>, %i32v: tensor<4xi32>, %b: tensor<4xi1>, %pyi: i64,
                         %pyb: i1, %i64row: tensor<3xi64>) {
  // int tensor + Python float -> default float dtype
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<2x3xi32>, f64 -> tensor<2x3xf32>
  %0 = thunder_torch.add %i32, %pyf : tensor<2x3xi32>, f64 -> tensor<2x3xf32>
  // uint8 + int8 -> int16
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<4xui8>, tensor<4xi8> -> tensor<4xi16>
  %1 = thunder_torch.add %u8, %i8 : tensor<4xui8>, tensor<4xi8> -> tensor<4xi16>
  // float16 + bfloat16 -> float32
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<4xf16>, tensor<4xbf16> -> tensor<4xf32>
  %2 = thunder_torch.add %f16, %bf16 : tensor<4xf16>, tensor<4xbf16> -> tensor<4xf32>
  // a 0-d tensor of the same category does not promote a dimensioned one
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<f64>, tensor<4xf32> -> tensor<4xf32>
  %3 = thunder_torch.add %f64_0d, %f32 : tensor<f64>, tensor<4xf32> -> tensor<4xf32>
  // ... but a 0-d tensor of a higher category does
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<f64>, tensor<4xi32> -> tensor<4xf64>
  %4 = thunder_torch.add %f64_0d, %i32v : tensor<f64>, tensor<4xi32> -> tensor<4xf64>
  // bool + bool stays bool; bool + Python int -> int64
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  %5 = thunder_torch.add %b, %b : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<4xi1>, i64 -> tensor<4xi64>
  %6 = thunder_torch.add %b, %pyi : tensor<4xi1>, i64 -> tensor<4xi64>
  // Python int / bool do not widen an integer tensor
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<4xi8>, i64 -> tensor<4xi8>
  %7 = thunder_torch.add %i8, %pyi : tensor<4xi8>, i64 -> tensor<4xi8>
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : i1, tensor<4xi8> -> tensor<4xi8>
  %8 = thunder_torch.add %pyb, %i8 : i1, tensor<4xi8> -> tensor<4xi8>
  // bool tensor + Python float -> float32; float16 + Python float stays float16
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} : tensor<4xi1>, f64 -> tensor<4xf32>
  %9 = thunder_torch.add %b, %pyf : tensor<4xi1>, f64 -> tensor<4xf32>
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} {alpha = 2.000000e+00 : f64} : tensor<4xf16>, f64 -> tensor<4xf16>
  %10 = thunder_torch.add %f16, %pyf {alpha = 2.0 : f64} : tensor<4xf16>, f64 -> tensor<4xf16>
  // broadcasting [2, 3] with [3]; int32 + int64 -> int64; integral alpha
  // CHECK: thunder_torch.add %{{.*}}, %{{.*}} {alpha = 3.000000e+00 : f64} : tensor<2x3xi32>, tensor<3xi64> -> tensor<2x3xi64>
  %11 = thunder_torch.add %i32, %i64row {alpha = 3.0 : f64} : tensor<2x3xi32>, tensor<3xi64> -> tensor<2x3xi64>
  return
}

// -----

// CHECK-LABEL: func.func @sub_mul
func.func @sub_mul(%i64: tensor<2x3xi64>, %i32row: tensor<3xi32>, %f16: tensor<2x1xf16>,
                   %bf16: tensor<1x3xbf16>, %pyf: f64, %bf16c: tensor<2x1xbf16>) {
  // CHECK: thunder_torch.sub %{{.*}}, %{{.*}} {alpha = 2.000000e+00 : f64} : tensor<2x3xi64>, tensor<3xi32> -> tensor<2x3xi64>
  %0 = thunder_torch.sub %i64, %i32row {alpha = 2.0 : f64} : tensor<2x3xi64>, tensor<3xi32> -> tensor<2x3xi64>
  // CHECK: thunder_torch.sub %{{.*}}, %{{.*}} : f64, tensor<2x1xf16> -> tensor<2x1xf16>
  %1 = thunder_torch.sub %pyf, %f16 : f64, tensor<2x1xf16> -> tensor<2x1xf16>
  // [2, 1] * [1, 3] broadcasts to [2, 3]
  // CHECK: thunder_torch.mul %{{.*}}, %{{.*}} : tensor<2x1xbf16>, tensor<1x3xbf16> -> tensor<2x3xbf16>
  %2 = thunder_torch.mul %bf16c, %bf16 : tensor<2x1xbf16>, tensor<1x3xbf16> -> tensor<2x3xbf16>
  // CHECK: thunder_torch.mul %{{.*}}, %{{.*}} : tensor<2x1xf16>, tensor<1x3xbf16> -> tensor<2x3xf32>
  %3 = thunder_torch.mul %f16, %bf16 : tensor<2x1xf16>, tensor<1x3xbf16> -> tensor<2x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @div
func.func @div(%i32: tensor<4xi32>, %i64: tensor<2x4xi64>, %b: tensor<4xi1>, %f16: tensor<4xf16>,
               %pyi: i64, %f64: tensor<4xf64>) {
  // true division of integers gives the default float dtype
  // CHECK: thunder_torch.div %{{.*}}, %{{.*}} : tensor<4xi32>, tensor<4xi32> -> tensor<4xf32>
  %0 = thunder_torch.div %i32, %i32 : tensor<4xi32>, tensor<4xi32> -> tensor<4xf32>
  // CHECK: thunder_torch.div %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xi1> -> tensor<4xf32>
  %1 = thunder_torch.div %b, %b : tensor<4xi1>, tensor<4xi1> -> tensor<4xf32>
  // CHECK: thunder_torch.div %{{.*}}, %{{.*}} : tensor<2x4xi64>, i64 -> tensor<2x4xf32>
  %2 = thunder_torch.div %i64, %pyi : tensor<2x4xi64>, i64 -> tensor<2x4xf32>
  // CHECK: thunder_torch.div %{{.*}}, %{{.*}} : tensor<4xf16>, i64 -> tensor<4xf16>
  %3 = thunder_torch.div %f16, %pyi : tensor<4xf16>, i64 -> tensor<4xf16>
  // CHECK: thunder_torch.div %{{.*}}, %{{.*}} : tensor<4xf64>, tensor<4xi32> -> tensor<4xf64>
  %4 = thunder_torch.div %f64, %i32 : tensor<4xf64>, tensor<4xi32> -> tensor<4xf64>
  // rounding modes keep the promoted dtype
  // CHECK: thunder_torch.div %{{.*}}, %{{.*}} {rounding_mode = "floor"} : tensor<2x4xi64>, tensor<4xi32> -> tensor<2x4xi64>
  %5 = thunder_torch.div %i64, %i32 {rounding_mode = "floor"} : tensor<2x4xi64>, tensor<4xi32> -> tensor<2x4xi64>
  // CHECK: thunder_torch.div %{{.*}}, %{{.*}} {rounding_mode = "trunc"} : tensor<4xi32>, i64 -> tensor<4xi32>
  %6 = thunder_torch.div %i32, %pyi {rounding_mode = "trunc"} : tensor<4xi32>, i64 -> tensor<4xi32>
  return
}

// -----

// CHECK-LABEL: func.func @remainder_pow
func.func @remainder_pow(%i32: tensor<4xi32>, %pyi: i64, %f32: tensor<2x4xf32>, %f64_0d: tensor<f64>,
                         %i64: tensor<3xi64>, %pyf: f64, %b: tensor<4xi1>) {
  // CHECK: thunder_torch.remainder %{{.*}}, %{{.*}} : tensor<4xi32>, i64 -> tensor<4xi32>
  %0 = thunder_torch.remainder %i32, %pyi : tensor<4xi32>, i64 -> tensor<4xi32>
  // CHECK: thunder_torch.remainder %{{.*}}, %{{.*}} : tensor<2x4xf32>, tensor<f64> -> tensor<2x4xf32>
  %1 = thunder_torch.remainder %f32, %f64_0d : tensor<2x4xf32>, tensor<f64> -> tensor<2x4xf32>
  // CHECK: thunder_torch.remainder %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xi32> -> tensor<4xi32>
  %2 = thunder_torch.remainder %b, %i32 : tensor<4xi1>, tensor<4xi32> -> tensor<4xi32>
  // int tensor ** Python float -> float32
  // CHECK: thunder_torch.pow %{{.*}}, %{{.*}} : tensor<3xi64>, f64 -> tensor<3xf32>
  %3 = thunder_torch.pow %i64, %pyf : tensor<3xi64>, f64 -> tensor<3xf32>
  // CHECK: thunder_torch.pow %{{.*}}, %{{.*}} : tensor<3xi64>, i64 -> tensor<3xi64>
  %4 = thunder_torch.pow %i64, %pyi : tensor<3xi64>, i64 -> tensor<3xi64>
  // CHECK: thunder_torch.pow %{{.*}}, %{{.*}} : f64, tensor<2x4xf32> -> tensor<2x4xf32>
  %5 = thunder_torch.pow %pyf, %f32 : f64, tensor<2x4xf32> -> tensor<2x4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @min_max_atan2
func.func @min_max_atan2(%u8: tensor<4xui8>, %i8: tensor<4xi8>, %f64: tensor<2x4xf64>,
                         %f32: tensor<4xf32>, %i32: tensor<4xi32>, %f16: tensor<4xf16>) {
  // CHECK: thunder_torch.maximum %{{.*}}, %{{.*}} : tensor<4xui8>, tensor<4xi8> -> tensor<4xi16>
  %0 = thunder_torch.maximum %u8, %i8 : tensor<4xui8>, tensor<4xi8> -> tensor<4xi16>
  // CHECK: thunder_torch.minimum %{{.*}}, %{{.*}} : tensor<2x4xf64>, tensor<4xf32> -> tensor<2x4xf64>
  %1 = thunder_torch.minimum %f64, %f32 : tensor<2x4xf64>, tensor<4xf32> -> tensor<2x4xf64>
  // atan2 of integers computes in float32
  // CHECK: thunder_torch.atan2 %{{.*}}, %{{.*}} : tensor<4xi32>, tensor<4xi32> -> tensor<4xf32>
  %2 = thunder_torch.atan2 %i32, %i32 : tensor<4xi32>, tensor<4xi32> -> tensor<4xf32>
  // CHECK: thunder_torch.atan2 %{{.*}}, %{{.*}} : tensor<4xf16>, tensor<4xi32> -> tensor<4xf16>
  %3 = thunder_torch.atan2 %f16, %i32 : tensor<4xf16>, tensor<4xi32> -> tensor<4xf16>
  // CHECK: thunder_torch.atan2 %{{.*}}, %{{.*}} : tensor<2x4xf64>, tensor<4xf16> -> tensor<2x4xf64>
  %4 = thunder_torch.atan2 %f64, %f16 : tensor<2x4xf64>, tensor<4xf16> -> tensor<2x4xf64>
  return
}

// -----

// CHECK-LABEL: func.func @bitwise_logical
func.func @bitwise_logical(%i32: tensor<4xi32>, %i16: tensor<4xi16>, %b: tensor<4xi1>,
                           %u8: tensor<2x4xui8>, %pyi: i64, %f32: tensor<4xf32>, %bf16: tensor<2x1xbf16>,
                           %pyb: i1) {
  // CHECK: thunder_torch.bitwise_and %{{.*}}, %{{.*}} : tensor<4xi32>, tensor<4xi16> -> tensor<4xi32>
  %0 = thunder_torch.bitwise_and %i32, %i16 : tensor<4xi32>, tensor<4xi16> -> tensor<4xi32>
  // CHECK: thunder_torch.bitwise_or %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  %1 = thunder_torch.bitwise_or %b, %b : tensor<4xi1>, tensor<4xi1> -> tensor<4xi1>
  // CHECK: thunder_torch.bitwise_xor %{{.*}}, %{{.*}} : tensor<2x4xui8>, i64 -> tensor<2x4xui8>
  %2 = thunder_torch.bitwise_xor %u8, %pyi : tensor<2x4xui8>, i64 -> tensor<2x4xui8>
  // CHECK: thunder_torch.bitwise_and %{{.*}}, %{{.*}} : tensor<4xi1>, i1 -> tensor<4xi1>
  %3 = thunder_torch.bitwise_and %b, %pyb : tensor<4xi1>, i1 -> tensor<4xi1>
  // logical ops always give bool
  // CHECK: thunder_torch.logical_and %{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xi32> -> tensor<4xi1>
  %4 = thunder_torch.logical_and %f32, %i32 : tensor<4xf32>, tensor<4xi32> -> tensor<4xi1>
  // CHECK: thunder_torch.logical_or %{{.*}}, %{{.*}} : tensor<2x1xbf16>, tensor<4xf32> -> tensor<2x4xi1>
  %5 = thunder_torch.logical_or %bf16, %f32 : tensor<2x1xbf16>, tensor<4xf32> -> tensor<2x4xi1>
  // CHECK: thunder_torch.logical_xor %{{.*}}, %{{.*}} : tensor<2x4xui8>, i1 -> tensor<2x4xi1>
  %6 = thunder_torch.logical_xor %u8, %pyb : tensor<2x4xui8>, i1 -> tensor<2x4xi1>
  return
}

// -----

// CHECK-LABEL: func.func @compare
func.func @compare(%i32: tensor<2x3xi32>, %pyf: f64, %f16: tensor<3xf16>, %bf16: tensor<3xbf16>,
                   %u8: tensor<3xui8>, %i8: tensor<2x1xi8>, %b: tensor<3xi1>, %pyi: i64,
                   %f64_0d: tensor<f64>) {
  // comparisons give bool, broadcast, and compare in the promoted dtype
  // CHECK: thunder_torch.eq %{{.*}}, %{{.*}} : tensor<2x3xi32>, f64 -> tensor<2x3xi1>
  %0 = thunder_torch.eq %i32, %pyf : tensor<2x3xi32>, f64 -> tensor<2x3xi1>
  // CHECK: thunder_torch.ne %{{.*}}, %{{.*}} : tensor<3xf16>, tensor<3xbf16> -> tensor<3xi1>
  %1 = thunder_torch.ne %f16, %bf16 : tensor<3xf16>, tensor<3xbf16> -> tensor<3xi1>
  // CHECK: thunder_torch.lt %{{.*}}, %{{.*}} : tensor<3xui8>, tensor<2x1xi8> -> tensor<2x3xi1>
  %2 = thunder_torch.lt %u8, %i8 : tensor<3xui8>, tensor<2x1xi8> -> tensor<2x3xi1>
  // CHECK: thunder_torch.le %{{.*}}, %{{.*}} : tensor<3xi1>, i64 -> tensor<3xi1>
  %3 = thunder_torch.le %b, %pyi : tensor<3xi1>, i64 -> tensor<3xi1>
  // CHECK: thunder_torch.gt %{{.*}}, %{{.*}} : tensor<f64>, tensor<2x3xi32> -> tensor<2x3xi1>
  %4 = thunder_torch.gt %f64_0d, %i32 : tensor<f64>, tensor<2x3xi32> -> tensor<2x3xi1>
  // CHECK: thunder_torch.ge %{{.*}}, %{{.*}} : i64, tensor<f64> -> tensor<i1>
  %5 = thunder_torch.ge %pyi, %f64_0d : i64, tensor<f64> -> tensor<i1>
  return
}

// -----

// Floating unary ops: integer and bool inputs compute in float32.
// CHECK-LABEL: func.func @float_unary
func.func @float_unary(%i32: tensor<2x3xi32>, %b: tensor<4xi1>, %f64: tensor<4xf64>,
                       %bf16: tensor<4xbf16>, %u8: tensor<4xui8>, %f16: tensor<4xf16>,
                       %i64: tensor<4xi64>, %i8: tensor<4xi8>, %f32: tensor<4xf32>,
                       %i16: tensor<4xi16>, %f32_0d: tensor<f32>) {
  // CHECK: thunder_torch.exp %{{.*}} : tensor<2x3xi32> -> tensor<2x3xf32>
  %0 = thunder_torch.exp %i32 : tensor<2x3xi32> -> tensor<2x3xf32>
  // CHECK: thunder_torch.exp2 %{{.*}} : tensor<4xi1> -> tensor<4xf32>
  %1 = thunder_torch.exp2 %b : tensor<4xi1> -> tensor<4xf32>
  // CHECK: thunder_torch.expm1 %{{.*}} : tensor<4xf64> -> tensor<4xf64>
  %2 = thunder_torch.expm1 %f64 : tensor<4xf64> -> tensor<4xf64>
  // CHECK: thunder_torch.log %{{.*}} : tensor<4xbf16> -> tensor<4xbf16>
  %3 = thunder_torch.log %bf16 : tensor<4xbf16> -> tensor<4xbf16>
  // CHECK: thunder_torch.log2 %{{.*}} : tensor<4xui8> -> tensor<4xf32>
  %4 = thunder_torch.log2 %u8 : tensor<4xui8> -> tensor<4xf32>
  // CHECK: thunder_torch.log10 %{{.*}} : tensor<4xf16> -> tensor<4xf16>
  %5 = thunder_torch.log10 %f16 : tensor<4xf16> -> tensor<4xf16>
  // CHECK: thunder_torch.log1p %{{.*}} : tensor<4xi64> -> tensor<4xf32>
  %6 = thunder_torch.log1p %i64 : tensor<4xi64> -> tensor<4xf32>
  // CHECK: thunder_torch.sqrt %{{.*}} : tensor<4xi8> -> tensor<4xf32>
  %7 = thunder_torch.sqrt %i8 : tensor<4xi8> -> tensor<4xf32>
  // CHECK: thunder_torch.rsqrt %{{.*}} : tensor<4xf32> -> tensor<4xf32>
  %8 = thunder_torch.rsqrt %f32 : tensor<4xf32> -> tensor<4xf32>
  // CHECK: thunder_torch.sin %{{.*}} : tensor<4xi16> -> tensor<4xf32>
  %9 = thunder_torch.sin %i16 : tensor<4xi16> -> tensor<4xf32>
  // CHECK: thunder_torch.cos %{{.*}} : tensor<4xf64> -> tensor<4xf64>
  %10 = thunder_torch.cos %f64 : tensor<4xf64> -> tensor<4xf64>
  // CHECK: thunder_torch.tan %{{.*}} : tensor<f32> -> tensor<f32>
  %11 = thunder_torch.tan %f32_0d : tensor<f32> -> tensor<f32>
  // CHECK: thunder_torch.tanh %{{.*}} : tensor<2x3xi32> -> tensor<2x3xf32>
  %12 = thunder_torch.tanh %i32 : tensor<2x3xi32> -> tensor<2x3xf32>
  // CHECK: thunder_torch.asin %{{.*}} : tensor<4xbf16> -> tensor<4xbf16>
  %13 = thunder_torch.asin %bf16 : tensor<4xbf16> -> tensor<4xbf16>
  // CHECK: thunder_torch.acos %{{.*}} : tensor<4xf16> -> tensor<4xf16>
  %14 = thunder_torch.acos %f16 : tensor<4xf16> -> tensor<4xf16>
  // CHECK: thunder_torch.atan %{{.*}} : tensor<4xui8> -> tensor<4xf32>
  %15 = thunder_torch.atan %u8 : tensor<4xui8> -> tensor<4xf32>
  // CHECK: thunder_torch.sinh %{{.*}} : tensor<4xf64> -> tensor<4xf64>
  %16 = thunder_torch.sinh %f64 : tensor<4xf64> -> tensor<4xf64>
  // CHECK: thunder_torch.cosh %{{.*}} : tensor<4xi1> -> tensor<4xf32>
  %17 = thunder_torch.cosh %b : tensor<4xi1> -> tensor<4xf32>
  // CHECK: thunder_torch.erf %{{.*}} : tensor<4xi64> -> tensor<4xf32>
  %18 = thunder_torch.erf %i64 : tensor<4xi64> -> tensor<4xf32>
  // CHECK: thunder_torch.sigmoid %{{.*}} : tensor<4xi64> -> tensor<4xf32>
  %19 = thunder_torch.sigmoid %i64 : tensor<4xi64> -> tensor<4xf32>
  // CHECK: thunder_torch.reciprocal %{{.*}} : tensor<2x3xi32> -> tensor<2x3xf32>
  %20 = thunder_torch.reciprocal %i32 : tensor<2x3xi32> -> tensor<2x3xf32>
  // CHECK: thunder_torch.reciprocal %{{.*}} : tensor<4xf16> -> tensor<4xf16>
  %21 = thunder_torch.reciprocal %f16 : tensor<4xf16> -> tensor<4xf16>
  return
}

// -----

// CHECK-LABEL: func.func @activations
func.func @activations(%bf16: tensor<2x4xbf16>, %f32: tensor<4xf32>, %f64: tensor<4xf64>) {
  // CHECK: thunder_torch.silu %{{.*}} : tensor<2x4xbf16> -> tensor<2x4xbf16>
  %0 = thunder_torch.silu %bf16 : tensor<2x4xbf16> -> tensor<2x4xbf16>
  // CHECK: thunder_torch.gelu %{{.*}} : tensor<4xf32> -> tensor<4xf32>
  %1 = thunder_torch.gelu %f32 : tensor<4xf32> -> tensor<4xf32>
  // CHECK: thunder_torch.gelu %{{.*}} {approximate = "tanh"} : tensor<4xf64> -> tensor<4xf64>
  %2 = thunder_torch.gelu %f64 {approximate = "tanh"} : tensor<4xf64> -> tensor<4xf64>
  return
}

// -----

// Unary ops that keep the input dtype (integers included).
// CHECK-LABEL: func.func @same_type_unary
func.func @same_type_unary(%i8: tensor<4xi8>, %f16: tensor<4xf16>, %u8: tensor<2x2xui8>,
                           %i32: tensor<4xi32>, %f32: tensor<4xf32>, %f64: tensor<f64>,
                           %bf16: tensor<4xbf16>, %b: tensor<4xi1>, %i64: tensor<4xi64>,
                           %i16: tensor<4xi16>) {
  // CHECK: thunder_torch.neg %{{.*}} : tensor<4xi8> -> tensor<4xi8>
  %0 = thunder_torch.neg %i8 : tensor<4xi8> -> tensor<4xi8>
  // CHECK: thunder_torch.abs %{{.*}} : tensor<4xf16> -> tensor<4xf16>
  %1 = thunder_torch.abs %f16 : tensor<4xf16> -> tensor<4xf16>
  // CHECK: thunder_torch.relu %{{.*}} : tensor<2x2xui8> -> tensor<2x2xui8>
  %2 = thunder_torch.relu %u8 : tensor<2x2xui8> -> tensor<2x2xui8>
  // floor/ceil/round/trunc of an integer tensor stay integer
  // CHECK: thunder_torch.floor %{{.*}} : tensor<4xi32> -> tensor<4xi32>
  %3 = thunder_torch.floor %i32 : tensor<4xi32> -> tensor<4xi32>
  // CHECK: thunder_torch.ceil %{{.*}} : tensor<4xf32> -> tensor<4xf32>
  %4 = thunder_torch.ceil %f32 : tensor<4xf32> -> tensor<4xf32>
  // CHECK: thunder_torch.round %{{.*}} : tensor<f64> -> tensor<f64>
  %5 = thunder_torch.round %f64 : tensor<f64> -> tensor<f64>
  // CHECK: thunder_torch.trunc %{{.*}} : tensor<4xbf16> -> tensor<4xbf16>
  %6 = thunder_torch.trunc %bf16 : tensor<4xbf16> -> tensor<4xbf16>
  // sign is defined on bool
  // CHECK: thunder_torch.sign %{{.*}} : tensor<4xi1> -> tensor<4xi1>
  %7 = thunder_torch.sign %b : tensor<4xi1> -> tensor<4xi1>
  // CHECK: thunder_torch.sign %{{.*}} : tensor<4xi64> -> tensor<4xi64>
  %8 = thunder_torch.sign %i64 : tensor<4xi64> -> tensor<4xi64>
  // CHECK: thunder_torch.bitwise_not %{{.*}} : tensor<4xi1> -> tensor<4xi1>
  %9 = thunder_torch.bitwise_not %b : tensor<4xi1> -> tensor<4xi1>
  // CHECK: thunder_torch.bitwise_not %{{.*}} : tensor<4xi16> -> tensor<4xi16>
  %10 = thunder_torch.bitwise_not %i16 : tensor<4xi16> -> tensor<4xi16>
  // CHECK: thunder_torch.logical_not %{{.*}} : tensor<4xf32> -> tensor<4xi1>
  %11 = thunder_torch.logical_not %f32 : tensor<4xf32> -> tensor<4xi1>
  // CHECK: thunder_torch.logical_not %{{.*}} : tensor<2x2xui8> -> tensor<2x2xi1>
  %12 = thunder_torch.logical_not %u8 : tensor<2x2xui8> -> tensor<2x2xi1>
  return
}

// -----

// CHECK-LABEL: func.func @to_dtype_where_clamp
func.func @to_dtype_where_clamp(%f32: tensor<2x3xf32>, %b: tensor<4xi1>, %c: tensor<2x3xi1>,
                                %row: tensor<3xf32>, %pyf: f64, %i32: tensor<4xi32>,
                                %i64: tensor<4xi64>, %pyi: i64, %f16: tensor<4xf16>,
                                %u8: tensor<4xui8>, %c1: tensor<2x1xi1>) {
  // CHECK: thunder_torch.to_dtype %{{.*}} {dtype = bf16} : tensor<2x3xf32> -> tensor<2x3xbf16>
  %0 = thunder_torch.to_dtype %f32 {dtype = bf16} : tensor<2x3xf32> -> tensor<2x3xbf16>
  // CHECK: thunder_torch.to_dtype %{{.*}} {dtype = f64} : tensor<4xi1> -> tensor<4xf64>
  %1 = thunder_torch.to_dtype %b {dtype = f64} : tensor<4xi1> -> tensor<4xf64>
  // CHECK: thunder_torch.to_dtype %{{.*}} {dtype = i1} : tensor<4xi32> -> tensor<4xi1>
  %2 = thunder_torch.to_dtype %i32 {dtype = i1} : tensor<4xi32> -> tensor<4xi1>
  // where: the values promote like a binary op; all three broadcast
  // CHECK: thunder_torch.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x3xi1>, tensor<3xf32>, f64 -> tensor<2x3xf32>
  %3 = thunder_torch.where %c, %row, %pyf : tensor<2x3xi1>, tensor<3xf32>, f64 -> tensor<2x3xf32>
  // CHECK: thunder_torch.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xi32>, tensor<4xi64> -> tensor<4xi64>
  %4 = thunder_torch.where %b, %i32, %i64 : tensor<4xi1>, tensor<4xi32>, tensor<4xi64> -> tensor<4xi64>
  // CHECK: thunder_torch.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x1xi1>, i64, tensor<4xi32> -> tensor<2x4xi32>
  %5 = thunder_torch.where %c1, %pyi, %i32 : tensor<2x1xi1>, i64, tensor<4xi32> -> tensor<2x4xi32>
  // CHECK: thunder_torch.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xi32>, f64 -> tensor<4xf32>
  %6 = thunder_torch.where %b, %i32, %pyf : tensor<4xi1>, tensor<4xi32>, f64 -> tensor<4xf32>
  // both values may be Python numbers: float -> float32, int -> int64
  // CHECK: thunder_torch.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xi1>, f64, i64 -> tensor<4xf32>
  %7 = thunder_torch.where %b, %pyf, %pyi : tensor<4xi1>, f64, i64 -> tensor<4xf32>
  // CHECK: thunder_torch.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x1xi1>, i64, i64 -> tensor<2x1xi64>
  %8 = thunder_torch.where %c1, %pyi, %pyi : tensor<2x1xi1>, i64, i64 -> tensor<2x1xi64>
  // clamp: integer bounds keep an integer tensor's dtype, a float bound promotes it
  // CHECK: thunder_torch.clamp %{{.*}} min %{{.*}} : i64 max %{{.*}} : i64 : tensor<4xi32> -> tensor<4xi32>
  %9 = thunder_torch.clamp %i32 min %pyi : i64 max %pyi : i64 : tensor<4xi32> -> tensor<4xi32>
  // CHECK: thunder_torch.clamp %{{.*}} min %{{.*}} : f64 : tensor<4xi64> -> tensor<4xf32>
  %10 = thunder_torch.clamp %i64 min %pyf : f64 : tensor<4xi64> -> tensor<4xf32>
  // CHECK: thunder_torch.clamp %{{.*}} max %{{.*}} : f64 : tensor<4xf16> -> tensor<4xf16>
  %11 = thunder_torch.clamp %f16 max %pyf : f64 : tensor<4xf16> -> tensor<4xf16>
  // CHECK: thunder_torch.clamp %{{.*}} max %{{.*}} : i64 : tensor<4xui8> -> tensor<4xui8>
  %12 = thunder_torch.clamp %u8 max %pyi : i64 : tensor<4xui8> -> tensor<4xui8>
  return
}

// -----

// CHECK-LABEL: func.func @reductions
func.func @reductions(%i32: tensor<2x3xi32>, %b: tensor<4xi1>, %f32: tensor<2x3x4xf32>,
                      %f16: tensor<2x3xf16>, %u8: tensor<2x3xui8>, %i8: tensor<2x3xi8>,
                      %bf16: tensor<2x3xbf16>, %f64: tensor<2x3xf64>, %f32_0d: tensor<f32>,
                      %i16: tensor<5xi16>) {
  // sum of integers (and bools) accumulates in int64; no dim reduces everything
  // CHECK: thunder_torch.sum %{{.*}} : tensor<2x3xi32> -> tensor<i64>
  %0 = thunder_torch.sum %i32 : tensor<2x3xi32> -> tensor<i64>
  // CHECK: thunder_torch.sum %{{.*}} {dim = array<i64: 0>} : tensor<4xi1> -> tensor<i64>
  %1 = thunder_torch.sum %b {dim = array<i64: 0>} : tensor<4xi1> -> tensor<i64>
  // negative dims with keepdim
  // CHECK: thunder_torch.sum %{{.*}} {dim = array<i64: -1>, keepdim = true} : tensor<2x3x4xf32> -> tensor<2x3x1xf32>
  %2 = thunder_torch.sum %f32 {dim = array<i64: -1>, keepdim = true} : tensor<2x3x4xf32> -> tensor<2x3x1xf32>
  // CHECK: thunder_torch.sum %{{.*}} {dtype = f32} : tensor<2x3xf16> -> tensor<f32>
  %3 = thunder_torch.sum %f16 {dtype = f32} : tensor<2x3xf16> -> tensor<f32>
  // CHECK: thunder_torch.sum %{{.*}} {dim = array<i64: 0>, dtype = i16} : tensor<5xi16> -> tensor<i16>
  %4 = thunder_torch.sum %i16 {dim = array<i64: 0>, dtype = i16} : tensor<5xi16> -> tensor<i16>
  // CHECK: thunder_torch.prod %{{.*}} {dim = array<i64: 1>} : tensor<2x3xui8> -> tensor<2xi64>
  %5 = thunder_torch.prod %u8 {dim = array<i64: 1>} : tensor<2x3xui8> -> tensor<2xi64>
  // CHECK: thunder_torch.prod %{{.*}} {dim = array<i64: -2>, keepdim = true} : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  %6 = thunder_torch.prod %f32 {dim = array<i64: -2>, keepdim = true} : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  // CHECK: thunder_torch.mean %{{.*}} {dim = array<i64: 0, -1>} : tensor<2x3x4xf32> -> tensor<3xf32>
  %7 = thunder_torch.mean %f32 {dim = array<i64: 0, -1>} : tensor<2x3x4xf32> -> tensor<3xf32>
  // CHECK: thunder_torch.mean %{{.*}} {dtype = f64} : tensor<2x3xi32> -> tensor<f64>
  %8 = thunder_torch.mean %i32 {dtype = f64} : tensor<2x3xi32> -> tensor<f64>
  // CHECK: thunder_torch.amax %{{.*}} {dim = array<i64: 1>, keepdim = true} : tensor<2x3xi8> -> tensor<2x1xi8>
  %9 = thunder_torch.amax %i8 {dim = array<i64: 1>, keepdim = true} : tensor<2x3xi8> -> tensor<2x1xi8>
  // CHECK: thunder_torch.amin %{{.*}} : tensor<2x3xbf16> -> tensor<bf16>
  %10 = thunder_torch.amin %bf16 : tensor<2x3xbf16> -> tensor<bf16>
  // CHECK: thunder_torch.amax %{{.*}} {dim = array<i64: -1>} : tensor<2x3xui8> -> tensor<2xui8>
  %11 = thunder_torch.amax %u8 {dim = array<i64: -1>} : tensor<2x3xui8> -> tensor<2xui8>
  // CHECK: thunder_torch.var %{{.*}} {correction = 0.000000e+00 : f64, dim = array<i64: 1>} : tensor<2x3xf64> -> tensor<2xf64>
  %12 = thunder_torch.var %f64 {dim = array<i64: 1>, correction = 0.0 : f64} : tensor<2x3xf64> -> tensor<2xf64>
  // CHECK: thunder_torch.var %{{.*}} {dim = array<i64: -2, 0>, keepdim = true} : tensor<2x3x4xf32> -> tensor<1x1x4xf32>
  %13 = thunder_torch.var %f32 {dim = array<i64: -2, 0>, keepdim = true} : tensor<2x3x4xf32> -> tensor<1x1x4xf32>
  // dim 0 of a 0-d tensor
  // CHECK: thunder_torch.sum %{{.*}} {dim = array<i64: 0>} : tensor<f32> -> tensor<f32>
  %14 = thunder_torch.sum %f32_0d {dim = array<i64: 0>} : tensor<f32> -> tensor<f32>
  return
}

// -----

// CHECK-LABEL: func.func @normalization
func.func @normalization(%f32: tensor<2x3xf32>, %i64: tensor<2x3xi64>, %bf16: tensor<2x8xbf16>,
                         %f16: tensor<4x5xf16>, %x: tensor<2x3x4xf32>, %w: tensor<4xf32>,
                         %bias: tensor<4xf32>, %wb: tensor<8xbf16>, %f64: tensor<2x3x4xf64>) {
  // CHECK: thunder_torch.softmax %{{.*}} {dim = -1 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  %0 = thunder_torch.softmax %f32 {dim = -1 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  // dtype= converts first, so an integer input is fine
  // CHECK: thunder_torch.softmax %{{.*}} {dim = 1 : i64, dtype = f32} : tensor<2x3xi64> -> tensor<2x3xf32>
  %1 = thunder_torch.softmax %i64 {dim = 1 : i64, dtype = f32} : tensor<2x3xi64> -> tensor<2x3xf32>
  // CHECK: thunder_torch.log_softmax %{{.*}} {dim = 0 : i64} : tensor<2x8xbf16> -> tensor<2x8xbf16>
  %2 = thunder_torch.log_softmax %bf16 {dim = 0 : i64} : tensor<2x8xbf16> -> tensor<2x8xbf16>
  // CHECK: thunder_torch.log_softmax %{{.*}} {dim = 1 : i64, dtype = f32} : tensor<4x5xf16> -> tensor<4x5xf32>
  %3 = thunder_torch.log_softmax %f16 {dim = 1 : i64, dtype = f32} : tensor<4x5xf16> -> tensor<4x5xf32>
  // CHECK: thunder_torch.layer_norm %{{.*}} weight %{{.*}} : tensor<4xf32> bias %{{.*}} : tensor<4xf32> {eps = 9.9999999999999995E-7 : f64, normalized_shape = array<i64: 4>} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %4 = thunder_torch.layer_norm %x weight %w : tensor<4xf32> bias %bias : tensor<4xf32> {eps = 1.0e-06 : f64, normalized_shape = array<i64: 4>} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  // CHECK: thunder_torch.layer_norm %{{.*}} {normalized_shape = array<i64: 3, 4>} : tensor<2x3x4xf64> -> tensor<2x3x4xf64>
  %5 = thunder_torch.layer_norm %f64 {normalized_shape = array<i64: 3, 4>} : tensor<2x3x4xf64> -> tensor<2x3x4xf64>
  // CHECK: thunder_torch.layer_norm %{{.*}} bias %{{.*}} : tensor<4xf32> {normalized_shape = array<i64: 4>} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %6 = thunder_torch.layer_norm %x bias %bias : tensor<4xf32> {normalized_shape = array<i64: 4>} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  // CHECK: thunder_torch.rms_norm %{{.*}} weight %{{.*}} : tensor<8xbf16> {normalized_shape = array<i64: 8>} : tensor<2x8xbf16> -> tensor<2x8xbf16>
  %7 = thunder_torch.rms_norm %bf16 weight %wb : tensor<8xbf16> {normalized_shape = array<i64: 8>} : tensor<2x8xbf16> -> tensor<2x8xbf16>
  // CHECK: thunder_torch.rms_norm %{{.*}} {eps = 1.000000e-05 : f64, normalized_shape = array<i64: 3, 4>} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %8 = thunder_torch.rms_norm %x {eps = 1.0e-05 : f64, normalized_shape = array<i64: 3, 4>} : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @linalg
func.func @linalg(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %v: tensor<3xf32>, %bb: tensor<2x3x4xf32>,
                  %p: tensor<5x1x2x3xf64>, %q: tensor<4x3x2xf64>, %i: tensor<2x3xi64>,
                  %j: tensor<3xi64>, %w: tensor<4x3xf32>, %bias: tensor<4xf32>,
                  %x3: tensor<5x2x3xbf16>, %w3: tensor<4x3xbf16>, %h: tensor<3xf16>,
                  %v4: tensor<4xf32>) {
  // CHECK: thunder_torch.matmul %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  %0 = thunder_torch.matmul %a, %b : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  // vector . vector is a 0-d tensor
  // CHECK: thunder_torch.matmul %{{.*}}, %{{.*}} : tensor<3xf32>, tensor<3xf32> -> tensor<f32>
  %1 = thunder_torch.matmul %v, %v : tensor<3xf32>, tensor<3xf32> -> tensor<f32>
  // a 1-D lhs is a row vector, the added dim is removed
  // CHECK: thunder_torch.matmul %{{.*}}, %{{.*}} : tensor<3xf32>, tensor<2x3x4xf32> -> tensor<2x4xf32>
  %2 = thunder_torch.matmul %v, %bb : tensor<3xf32>, tensor<2x3x4xf32> -> tensor<2x4xf32>
  // CHECK: thunder_torch.matmul %{{.*}}, %{{.*}} : tensor<2x3x4xf32>, tensor<4xf32> -> tensor<2x3xf32>
  %3 = thunder_torch.matmul %bb, %v4 : tensor<2x3x4xf32>, tensor<4xf32> -> tensor<2x3xf32>
  // batch dims broadcast: [5, 1] with [4]
  // CHECK: thunder_torch.matmul %{{.*}}, %{{.*}} : tensor<5x1x2x3xf64>, tensor<4x3x2xf64> -> tensor<5x4x2x2xf64>
  %4 = thunder_torch.matmul %p, %q : tensor<5x1x2x3xf64>, tensor<4x3x2xf64> -> tensor<5x4x2x2xf64>
  // CHECK: thunder_torch.matmul %{{.*}}, %{{.*}} : tensor<2x3xi64>, tensor<3xi64> -> tensor<2xi64>
  %5 = thunder_torch.matmul %i, %j : tensor<2x3xi64>, tensor<3xi64> -> tensor<2xi64>
  // CHECK: thunder_torch.linear %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xf32> : tensor<2x3xf32>, tensor<4x3xf32> -> tensor<2x4xf32>
  %6 = thunder_torch.linear %a, %w, %bias : tensor<4xf32> : tensor<2x3xf32>, tensor<4x3xf32> -> tensor<2x4xf32>
  // CHECK: thunder_torch.linear %{{.*}}, %{{.*}} : tensor<5x2x3xbf16>, tensor<4x3xbf16> -> tensor<5x2x4xbf16>
  %7 = thunder_torch.linear %x3, %w3 : tensor<5x2x3xbf16>, tensor<4x3xbf16> -> tensor<5x2x4xbf16>
  // a 1-D weight drops the out_features dim
  // CHECK: thunder_torch.linear %{{.*}}, %{{.*}} : tensor<3xf16>, tensor<3xf16> -> tensor<f16>
  %8 = thunder_torch.linear %h, %h : tensor<3xf16>, tensor<3xf16> -> tensor<f16>
  return
}

// -----

// CHECK-LABEL: func.func @shape_ops
func.func @shape_ops(%x: tensor<2x3x4xf32>, %i: tensor<2x3xi32>, %one: tensor<1xf32>,
                     %l: tensor<2x3x4xi64>, %h: tensor<2x3x4xf16>, %s: tensor<1x3x1xui8>,
                     %c: tensor<3x1xi8>, %z: tensor<0x3xf32>, %b: tensor<i1>) {
  // reshape with -1
  // CHECK: thunder_torch.reshape %{{.*}} {shape = array<i64: 6, -1>} : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %0 = thunder_torch.reshape %x {shape = array<i64: 6, -1>} : tensor<2x3x4xf32> -> tensor<6x4xf32>
  // CHECK: thunder_torch.reshape %{{.*}} {shape = array<i64: -1>} : tensor<2x3xi32> -> tensor<6xi32>
  %1 = thunder_torch.reshape %i {shape = array<i64: -1>} : tensor<2x3xi32> -> tensor<6xi32>
  // CHECK: thunder_torch.reshape %{{.*}} {shape = array<i64>} : tensor<1xf32> -> tensor<f32>
  %2 = thunder_torch.reshape %one {shape = array<i64>} : tensor<1xf32> -> tensor<f32>
  // CHECK: thunder_torch.reshape %{{.*}} {shape = array<i64: 3, 0, 5>} : tensor<0x3xf32> -> tensor<3x0x5xf32>
  %3 = thunder_torch.reshape %z {shape = array<i64: 3, 0, 5>} : tensor<0x3xf32> -> tensor<3x0x5xf32>
  // CHECK: thunder_torch.permute %{{.*}} {dims = array<i64: 2, 0, 1>} : tensor<2x3x4xi64> -> tensor<4x2x3xi64>
  %4 = thunder_torch.permute %l {dims = array<i64: 2, 0, 1>} : tensor<2x3x4xi64> -> tensor<4x2x3xi64>
  // CHECK: thunder_torch.permute %{{.*}} {dims = array<i64: -1, 0, -2>} : tensor<2x3x4xi64> -> tensor<4x2x3xi64>
  %5 = thunder_torch.permute %l {dims = array<i64: -1, 0, -2>} : tensor<2x3x4xi64> -> tensor<4x2x3xi64>
  // CHECK: thunder_torch.transpose %{{.*}} {dim0 = 0 : i64, dim1 = -1 : i64} : tensor<2x3x4xf16> -> tensor<4x3x2xf16>
  %6 = thunder_torch.transpose %h {dim0 = 0 : i64, dim1 = -1 : i64} : tensor<2x3x4xf16> -> tensor<4x3x2xf16>
  // CHECK: thunder_torch.unsqueeze %{{.*}} {dim = -1 : i64} : tensor<2x3xi32> -> tensor<2x3x1xi32>
  %7 = thunder_torch.unsqueeze %i {dim = -1 : i64} : tensor<2x3xi32> -> tensor<2x3x1xi32>
  // CHECK: thunder_torch.unsqueeze %{{.*}} {dim = 0 : i64} : tensor<2x3xi32> -> tensor<1x2x3xi32>
  %8 = thunder_torch.unsqueeze %i {dim = 0 : i64} : tensor<2x3xi32> -> tensor<1x2x3xi32>
  // CHECK: thunder_torch.unsqueeze %{{.*}} {dim = 0 : i64} : tensor<i1> -> tensor<1xi1>
  %9 = thunder_torch.unsqueeze %b {dim = 0 : i64} : tensor<i1> -> tensor<1xi1>
  // squeeze drops only size-1 dims; a listed dim of another size is kept
  // CHECK: thunder_torch.squeeze %{{.*}} : tensor<1x3x1xui8> -> tensor<3xui8>
  %10 = thunder_torch.squeeze %s : tensor<1x3x1xui8> -> tensor<3xui8>
  // CHECK: thunder_torch.squeeze %{{.*}} {dim = array<i64: 0>} : tensor<1x3x1xui8> -> tensor<3x1xui8>
  %11 = thunder_torch.squeeze %s {dim = array<i64: 0>} : tensor<1x3x1xui8> -> tensor<3x1xui8>
  // CHECK: thunder_torch.squeeze %{{.*}} {dim = array<i64: 1, -1>} : tensor<1x3x1xui8> -> tensor<1x3xui8>
  %12 = thunder_torch.squeeze %s {dim = array<i64: 1, -1>} : tensor<1x3x1xui8> -> tensor<1x3xui8>
  // expand: -1 keeps a dim, new leading dims are allowed
  // CHECK: thunder_torch.expand %{{.*}} {shape = array<i64: 2, -1, 4>} : tensor<3x1xi8> -> tensor<2x3x4xi8>
  %13 = thunder_torch.expand %c {shape = array<i64: 2, -1, 4>} : tensor<3x1xi8> -> tensor<2x3x4xi8>
  // CHECK: thunder_torch.expand %{{.*}} {shape = array<i64: 2, 2>} : tensor<i1> -> tensor<2x2xi1>
  %14 = thunder_torch.expand %b {shape = array<i64: 2, 2>} : tensor<i1> -> tensor<2x2xi1>
  return
}

// -----

// CHECK-LABEL: func.func @slice_select
func.func @slice_select(%x: tensor<10x4xf32>, %y: tensor<2x3x4xbf16>) {
  // negative start, end past the size is clamped
  // CHECK: thunder_torch.slice %{{.*}} {dim = 0 : i64, end = 100 : i64, start = -3 : i64} : tensor<10x4xf32> -> tensor<3x4xf32>
  %0 = thunder_torch.slice %x {dim = 0 : i64, start = -3 : i64, end = 100 : i64} : tensor<10x4xf32> -> tensor<3x4xf32>
  // a step that does not divide the length rounds up
  // CHECK: thunder_torch.slice %{{.*}} {dim = -1 : i64, end = 4 : i64, start = 0 : i64, step = 3 : i64} : tensor<10x4xf32> -> tensor<10x2xf32>
  %1 = thunder_torch.slice %x {dim = -1 : i64, start = 0 : i64, end = 4 : i64, step = 3 : i64} : tensor<10x4xf32> -> tensor<10x2xf32>
  // end before start is empty
  // CHECK: thunder_torch.slice %{{.*}} {dim = 0 : i64, end = 2 : i64, start = 5 : i64} : tensor<10x4xf32> -> tensor<0x4xf32>
  %2 = thunder_torch.slice %x {dim = 0 : i64, start = 5 : i64, end = 2 : i64} : tensor<10x4xf32> -> tensor<0x4xf32>
  // start before -size clamps to 0
  // CHECK: thunder_torch.slice %{{.*}} {dim = 0 : i64, end = -1 : i64, start = -100 : i64, step = 2 : i64} : tensor<10x4xf32> -> tensor<5x4xf32>
  %3 = thunder_torch.slice %x {dim = 0 : i64, start = -100 : i64, end = -1 : i64, step = 2 : i64} : tensor<10x4xf32> -> tensor<5x4xf32>
  // CHECK: thunder_torch.select %{{.*}} {dim = 1 : i64, index = -1 : i64} : tensor<2x3x4xbf16> -> tensor<2x4xbf16>
  %4 = thunder_torch.select %y {dim = 1 : i64, index = -1 : i64} : tensor<2x3x4xbf16> -> tensor<2x4xbf16>
  // CHECK: thunder_torch.select %{{.*}} {dim = -1 : i64, index = 3 : i64} : tensor<2x3x4xbf16> -> tensor<2x3xbf16>
  %5 = thunder_torch.select %y {dim = -1 : i64, index = 3 : i64} : tensor<2x3x4xbf16> -> tensor<2x3xbf16>
  return
}

// -----

// CHECK-LABEL: func.func @cat
func.func @cat(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>, %c: tensor<2x5xf16>, %e: tensor<0xi64>,
               %l: tensor<2x3xi64>, %m: tensor<2x2xi64>, %u: tensor<3xui8>, %s: tensor<2xi8>) {
  // CHECK: thunder_torch.cat %{{.*}}, %{{.*}} {dim = 0 : i64} : tensor<2x3xf32>, tensor<4x3xf32> -> tensor<6x3xf32>
  %0 = thunder_torch.cat %a, %b {dim = 0 : i64} : tensor<2x3xf32>, tensor<4x3xf32> -> tensor<6x3xf32>
  // dtypes promote; negative dim
  // CHECK: thunder_torch.cat %{{.*}}, %{{.*}} {dim = -1 : i64} : tensor<2x3xf32>, tensor<2x5xf16> -> tensor<2x8xf32>
  %1 = thunder_torch.cat %a, %c {dim = -1 : i64} : tensor<2x3xf32>, tensor<2x5xf16> -> tensor<2x8xf32>
  // 1-D empty tensors are skipped whatever the others' rank
  // CHECK: thunder_torch.cat %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {dim = 1 : i64} : tensor<0xi64>, tensor<2x3xi64>, tensor<0xi64>, tensor<2x2xi64> -> tensor<2x5xi64>
  %2 = thunder_torch.cat %e, %l, %e, %m {dim = 1 : i64} : tensor<0xi64>, tensor<2x3xi64>, tensor<0xi64>, tensor<2x2xi64> -> tensor<2x5xi64>
  // CHECK: thunder_torch.cat %{{.*}}, %{{.*}} {dim = 0 : i64} : tensor<3xui8>, tensor<2xi8> -> tensor<5xi16>
  %3 = thunder_torch.cat %u, %s {dim = 0 : i64} : tensor<3xui8>, tensor<2xi8> -> tensor<5xi16>
  // CHECK: thunder_torch.cat %{{.*}} {dim = 1 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  %4 = thunder_torch.cat %a {dim = 1 : i64} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @creation
func.func @creation() {
  // without dtype the Python value decides: float -> float32, int -> int64, bool -> bool
  // CHECK: thunder_torch.full {shape = array<i64: 2, 3>, value = 1.500000e+00 : f64} : tensor<2x3xf32>
  %0 = thunder_torch.full {shape = array<i64: 2, 3>, value = 1.5 : f64} : tensor<2x3xf32>
  // CHECK: thunder_torch.full {shape = array<i64: 4>, value = 7 : i64} : tensor<4xi64>
  %1 = thunder_torch.full {shape = array<i64: 4>, value = 7 : i64} : tensor<4xi64>
  // CHECK: thunder_torch.full {shape = array<i64: 2>, value = true} : tensor<2xi1>
  %2 = thunder_torch.full {shape = array<i64: 2>, value = true} : tensor<2xi1>
  // CHECK: thunder_torch.full {dtype = f16, shape = array<i64>, value = 0.000000e+00 : f64} : tensor<f16>
  %3 = thunder_torch.full {shape = array<i64>, value = 0.0 : f64, dtype = f16} : tensor<f16>
  // CHECK: thunder_torch.full {dtype = ui8, shape = array<i64: 0, 2>, value = 3 : i64} : tensor<0x2xui8>
  %4 = thunder_torch.full {shape = array<i64: 0, 2>, value = 3 : i64, dtype = ui8} : tensor<0x2xui8>
  // CHECK: thunder_torch.arange {end = 10 : i64, start = 0 : i64, step = 3 : i64} : tensor<4xi64>
  %5 = thunder_torch.arange {start = 0 : i64, end = 10 : i64, step = 3 : i64} : tensor<4xi64>
  // CHECK: thunder_torch.arange {end = 1.000000e+00 : f64, start = 0.000000e+00 : f64, step = 2.500000e-01 : f64} : tensor<4xf32>
  %6 = thunder_torch.arange {start = 0.0 : f64, end = 1.0 : f64, step = 0.25 : f64} : tensor<4xf32>
  // CHECK: thunder_torch.arange {end = 0 : i64, start = 10 : i64, step = -2 : i64} : tensor<5xi64>
  %7 = thunder_torch.arange {start = 10 : i64, end = 0 : i64, step = -2 : i64} : tensor<5xi64>
  // CHECK: thunder_torch.arange {end = 4.500000e+00 : f64, start = 1 : i64, step = 1 : i64} : tensor<4xf32>
  %8 = thunder_torch.arange {start = 1 : i64, end = 4.5 : f64, step = 1 : i64} : tensor<4xf32>
  // CHECK: thunder_torch.arange {dtype = i32, end = 5 : i64, start = 0 : i64, step = 1 : i64} : tensor<5xi32>
  %9 = thunder_torch.arange {start = 0 : i64, end = 5 : i64, step = 1 : i64, dtype = i32} : tensor<5xi32>
  // CHECK: thunder_torch.arange {dtype = f64, end = 3 : i64, start = 3 : i64, step = 1 : i64} : tensor<0xf64>
  %10 = thunder_torch.arange {start = 3 : i64, end = 3 : i64, step = 1 : i64, dtype = f64} : tensor<0xf64>
  return
}

// -----

// CHECK-LABEL: func.func @opaque
func.func @opaque(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // CHECK: thunder_torch.opaque "aten::convolution"(%{{.*}}, %{{.*}}) {args = {groups = 1 : i64, stride = [1, 1]}} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  %0 = thunder_torch.opaque "aten::convolution"(%x, %w) {args = {stride = [1, 1], groups = 1 : i64}} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  // CHECK: thunder_torch.opaque "aten::split"(%{{.*}}) {args = {dim = 2 : i64, split_size = 4 : i64}} : (tensor<1x3x8x8xf32>) -> (tensor<1x3x4x8xf32>, tensor<1x3x4x8xf32>)
  %1:2 = thunder_torch.opaque "aten::split"(%x) {args = {split_size = 4 : i64, dim = 2 : i64}} : (tensor<1x3x8x8xf32>) -> (tensor<1x3x4x8xf32>, tensor<1x3x4x8xf32>)
  // CHECK: thunder_torch.opaque "aten::manual_seed"() {args = {seed = 0 : i64}} : () -> ()
  thunder_torch.opaque "aten::manual_seed"() {args = {seed = 0 : i64}} : () -> ()
  return %0 : tensor<1x4x6x6xf32>
}
