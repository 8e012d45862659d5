// RUN: thunder-opt %s -split-input-file | FileCheck %s
// RUN: thunder-opt %s -split-input-file | thunder-opt -split-input-file | FileCheck %s
// RUN: thunder-opt %s -split-input-file -mlir-print-op-generic | thunder-opt -split-input-file | FileCheck %s

// Elementwise unary ops: operand and result have the same type.
// CHECK-LABEL: func.func @float_unary
func.func @float_unary(%f32: tensor<2x3xf32>, %f64: tensor<4xf64>, %f16: tensor<4xf16>,
                       %bf16: tensor<4xbf16>, %s: tensor<f32>) {
  // CHECK: thunder_prims.exp %{{.*}} : tensor<2x3xf32>
  %0 = thunder_prims.exp %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.exp2 %{{.*}} : tensor<4xf64>
  %1 = thunder_prims.exp2 %f64 : tensor<4xf64>
  // CHECK: thunder_prims.expm1 %{{.*}} : tensor<4xf16>
  %2 = thunder_prims.expm1 %f16 : tensor<4xf16>
  // CHECK: thunder_prims.log %{{.*}} : tensor<4xbf16>
  %3 = thunder_prims.log %bf16 : tensor<4xbf16>
  // CHECK: thunder_prims.log2 %{{.*}} : tensor<2x3xf32>
  %4 = thunder_prims.log2 %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.log10 %{{.*}} : tensor<4xf64>
  %5 = thunder_prims.log10 %f64 : tensor<4xf64>
  // CHECK: thunder_prims.log1p %{{.*}} : tensor<4xf16>
  %6 = thunder_prims.log1p %f16 : tensor<4xf16>
  // CHECK: thunder_prims.sqrt %{{.*}} : tensor<4xbf16>
  %7 = thunder_prims.sqrt %bf16 : tensor<4xbf16>
  // CHECK: thunder_prims.rsqrt %{{.*}} : tensor<f32>
  %8 = thunder_prims.rsqrt %s : tensor<f32>
  // CHECK: thunder_prims.sin %{{.*}} : tensor<2x3xf32>
  %9 = thunder_prims.sin %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.cos %{{.*}} : tensor<4xf64>
  %10 = thunder_prims.cos %f64 : tensor<4xf64>
  // CHECK: thunder_prims.tan %{{.*}} : tensor<4xf16>
  %11 = thunder_prims.tan %f16 : tensor<4xf16>
  // CHECK: thunder_prims.tanh %{{.*}} : tensor<4xbf16>
  %12 = thunder_prims.tanh %bf16 : tensor<4xbf16>
  // CHECK: thunder_prims.asin %{{.*}} : tensor<2x3xf32>
  %13 = thunder_prims.asin %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.acos %{{.*}} : tensor<4xf64>
  %14 = thunder_prims.acos %f64 : tensor<4xf64>
  // CHECK: thunder_prims.atan %{{.*}} : tensor<4xf16>
  %15 = thunder_prims.atan %f16 : tensor<4xf16>
  // CHECK: thunder_prims.sinh %{{.*}} : tensor<4xbf16>
  %16 = thunder_prims.sinh %bf16 : tensor<4xbf16>
  // CHECK: thunder_prims.cosh %{{.*}} : tensor<2x3xf32>
  %17 = thunder_prims.cosh %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.erf %{{.*}} : tensor<4xf64>
  %18 = thunder_prims.erf %f64 : tensor<4xf64>
  // CHECK: thunder_prims.reciprocal %{{.*}} : tensor<4xf16>
  %19 = thunder_prims.reciprocal %f16 : tensor<4xf16>
  // CHECK: thunder_prims.sigmoid %{{.*}} : tensor<4xf16>
  %sig = thunder_prims.sigmoid %f16 : tensor<4xf16>
  // CHECK: thunder_prims.floor %{{.*}} : tensor<4xbf16>
  %20 = thunder_prims.floor %bf16 : tensor<4xbf16>
  // CHECK: thunder_prims.ceil %{{.*}} : tensor<2x3xf32>
  %21 = thunder_prims.ceil %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.round %{{.*}} : tensor<4xf64>
  %22 = thunder_prims.round %f64 : tensor<4xf64>
  // CHECK: thunder_prims.trunc %{{.*}} : tensor<f32>
  %23 = thunder_prims.trunc %s : tensor<f32>
  return
}

// -----

// CHECK-LABEL: func.func @numeric_unary
func.func @numeric_unary(%i64: tensor<4xi64>, %i32: tensor<2x2xi32>, %i16: tensor<4xi16>,
                         %i8: tensor<4xi8>, %u8: tensor<4xui8>, %f32: tensor<4xf32>,
                         %b: tensor<4xi1>) {
  // CHECK: thunder_prims.neg %{{.*}} : tensor<4xi64>
  %0 = thunder_prims.neg %i64 : tensor<4xi64>
  // CHECK: thunder_prims.abs %{{.*}} : tensor<2x2xi32>
  %1 = thunder_prims.abs %i32 : tensor<2x2xi32>
  // CHECK: thunder_prims.sign %{{.*}} : tensor<4xf32>
  %2 = thunder_prims.sign %f32 : tensor<4xf32>
  // CHECK: thunder_prims.sign %{{.*}} : tensor<4xi8>
  %3 = thunder_prims.sign %i8 : tensor<4xi8>
  // CHECK: thunder_prims.abs %{{.*}} : tensor<4xui8>
  %4 = thunder_prims.abs %u8 : tensor<4xui8>
  // CHECK: thunder_prims.bitwise_not %{{.*}} : tensor<4xi16>
  %5 = thunder_prims.bitwise_not %i16 : tensor<4xi16>
  // CHECK: thunder_prims.bitwise_not %{{.*}} : tensor<4xi1>
  %6 = thunder_prims.bitwise_not %b : tensor<4xi1>
  // CHECK: thunder_prims.bitwise_not %{{.*}} : tensor<4xui8>
  %7 = thunder_prims.bitwise_not %u8 : tensor<4xui8>
  // stop_gradient takes any dtype.
  // CHECK: thunder_prims.stop_gradient %{{.*}} : tensor<4xi16>
  %sg = thunder_prims.stop_gradient %i16 : tensor<4xi16>
  return
}

// -----

// CHECK-LABEL: func.func @binary
func.func @binary(%f32: tensor<2x3xf32>, %i64: tensor<4xi64>, %u8: tensor<4xui8>, %f16: tensor<4xf16>,
                  %bf16: tensor<4xbf16>, %i8: tensor<4xi8>, %f64: tensor<f64>, %i32: tensor<4xi32>,
                  %b: tensor<4xi1>, %i16: tensor<4xi16>) {
  // CHECK: thunder_prims.add %{{.*}}, %{{.*}} : tensor<2x3xf32>
  %0 = thunder_prims.add %f32, %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.sub %{{.*}}, %{{.*}} : tensor<4xi64>
  %1 = thunder_prims.sub %i64, %i64 : tensor<4xi64>
  // CHECK: thunder_prims.mul %{{.*}}, %{{.*}} : tensor<4xui8>
  %2 = thunder_prims.mul %u8, %u8 : tensor<4xui8>
  // CHECK: thunder_prims.div %{{.*}}, %{{.*}} : tensor<4xi8>
  %3 = thunder_prims.div %i8, %i8 : tensor<4xi8>
  // CHECK: thunder_prims.div %{{.*}}, %{{.*}} : tensor<4xf16>
  %4 = thunder_prims.div %f16, %f16 : tensor<4xf16>
  // CHECK: thunder_prims.fmod %{{.*}}, %{{.*}} : tensor<4xbf16>
  %5 = thunder_prims.fmod %bf16, %bf16 : tensor<4xbf16>
  // CHECK: thunder_prims.pow %{{.*}}, %{{.*}} : tensor<f64>
  %6 = thunder_prims.pow %f64, %f64 : tensor<f64>
  // CHECK: thunder_prims.maximum %{{.*}}, %{{.*}} : tensor<4xi32>
  %7 = thunder_prims.maximum %i32, %i32 : tensor<4xi32>
  // CHECK: thunder_prims.minimum %{{.*}}, %{{.*}} : tensor<2x3xf32>
  %8 = thunder_prims.minimum %f32, %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.atan2 %{{.*}}, %{{.*}} : tensor<4xf16>
  %9 = thunder_prims.atan2 %f16, %f16 : tensor<4xf16>
  // CHECK: thunder_prims.bitwise_and %{{.*}}, %{{.*}} : tensor<4xi1>
  %10 = thunder_prims.bitwise_and %b, %b : tensor<4xi1>
  // CHECK: thunder_prims.bitwise_or %{{.*}}, %{{.*}} : tensor<4xi16>
  %11 = thunder_prims.bitwise_or %i16, %i16 : tensor<4xi16>
  // CHECK: thunder_prims.bitwise_xor %{{.*}}, %{{.*}} : tensor<4xui8>
  %12 = thunder_prims.bitwise_xor %u8, %u8 : tensor<4xui8>
  return
}

// -----

// CHECK-LABEL: func.func @compare
func.func @compare(%f32: tensor<2x3xf32>, %i64: tensor<4xi64>, %b: tensor<4xi1>, %bf16: tensor<bf16>,
                   %u8: tensor<4xui8>, %i8: tensor<2x2xi8>) {
  // the result is bool of the operands' shape
  // CHECK: thunder_prims.eq %{{.*}}, %{{.*}} : tensor<2x3xf32>
  %0 = thunder_prims.eq %f32, %f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.ne %{{.*}}, %{{.*}} : tensor<4xi1>
  %1 = thunder_prims.ne %b, %b : tensor<4xi1>
  // CHECK: thunder_prims.lt %{{.*}}, %{{.*}} : tensor<4xi64>
  %2 = thunder_prims.lt %i64, %i64 : tensor<4xi64>
  // CHECK: thunder_prims.le %{{.*}}, %{{.*}} : tensor<bf16>
  %3 = thunder_prims.le %bf16, %bf16 : tensor<bf16>
  // CHECK: thunder_prims.gt %{{.*}}, %{{.*}} : tensor<4xui8>
  %4 = thunder_prims.gt %u8, %u8 : tensor<4xui8>
  // CHECK: thunder_prims.ge %{{.*}}, %{{.*}} : tensor<2x2xi8>
  %5 = thunder_prims.ge %i8, %i8 : tensor<2x2xi8>
  return
}

// -----

// CHECK-LABEL: func.func @where_convert
func.func @where_convert(%p: tensor<2x3xi1>, %a: tensor<2x3xf32>, %x: tensor<4xi32>, %q: tensor<4xi1>,
                         %y: tensor<4xf16>, %s: tensor<bf16>) {
  // CHECK: thunder_prims.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x3xi1>, tensor<2x3xf32>
  %0 = thunder_prims.where %p, %a, %a : tensor<2x3xi1>, tensor<2x3xf32>
  // CHECK: thunder_prims.where %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xi1>
  %1 = thunder_prims.where %q, %q, %q : tensor<4xi1>, tensor<4xi1>
  // CHECK: thunder_prims.convert_element_type %{{.*}} : tensor<4xi32> to tensor<4xf64>
  %2 = thunder_prims.convert_element_type %x : tensor<4xi32> to tensor<4xf64>
  // CHECK: thunder_prims.convert_element_type %{{.*}} : tensor<4xf16> to tensor<4xi1>
  %3 = thunder_prims.convert_element_type %y : tensor<4xf16> to tensor<4xi1>
  // CHECK: thunder_prims.convert_element_type %{{.*}} : tensor<4xi1> to tensor<4xui8>
  %4 = thunder_prims.convert_element_type %q : tensor<4xi1> to tensor<4xui8>
  // CHECK: thunder_prims.convert_element_type %{{.*}} : tensor<bf16> to tensor<i16>
  %5 = thunder_prims.convert_element_type %s : tensor<bf16> to tensor<i16>
  return
}

// -----

// CHECK-LABEL: func.func @from_scalar
func.func @from_scalar(%f: f64, %i: i64, %b: i1) {
  // CHECK: thunder_prims.from_scalar %{{.*}} : f64 to tensor<f32>
  %0 = thunder_prims.from_scalar %f : f64 to tensor<f32>
  // CHECK: thunder_prims.from_scalar %{{.*}} : i64 to tensor<i64>
  %1 = thunder_prims.from_scalar %i : i64 to tensor<i64>
  // CHECK: thunder_prims.from_scalar %{{.*}} : i1 to tensor<i1>
  %2 = thunder_prims.from_scalar %b : i1 to tensor<i1>
  // CHECK: thunder_prims.from_scalar %{{.*}} : i64 to tensor<bf16>
  %3 = thunder_prims.from_scalar %i : i64 to tensor<bf16>
  // CHECK: thunder_prims.from_scalar %{{.*}} : f64 to tensor<ui8>
  %4 = thunder_prims.from_scalar %f : f64 to tensor<ui8>
  return
}

// -----

// CHECK-LABEL: func.func @shape_ops
func.func @shape_ops(%r: tensor<3xf32>, %c: tensor<3x1xi64>, %s: tensor<f16>, %x: tensor<2x3x4xbf16>,
                     %m: tensor<10x4xi8>, %pv: tensor<i8>, %a: tensor<2x3xui8>, %b: tensor<2x5xui8>,
                     %o: tensor<1x3x1xi1>, %z: tensor<0x2xf64>, %zp: tensor<f64>) {
  // row vector to [2, 3]: operand dim 0 becomes result dim 1
  // CHECK: thunder_prims.broadcast_in_dim %{{.*}}, dims = [1] : tensor<3xf32> -> tensor<2x3xf32>
  %0 = thunder_prims.broadcast_in_dim %r, dims = [1] : tensor<3xf32> -> tensor<2x3xf32>
  // size-1 dims broadcast
  // CHECK: thunder_prims.broadcast_in_dim %{{.*}}, dims = [0, 2] : tensor<3x1xi64> -> tensor<3x5x7xi64>
  %1 = thunder_prims.broadcast_in_dim %c, dims = [0, 2] : tensor<3x1xi64> -> tensor<3x5x7xi64>
  // CHECK: thunder_prims.broadcast_in_dim %{{.*}}, dims = [] : tensor<f16> -> tensor<2x2xf16>
  %2 = thunder_prims.broadcast_in_dim %s, dims = [] : tensor<f16> -> tensor<2x2xf16>
  // CHECK: thunder_prims.reshape %{{.*}} : tensor<2x3x4xbf16> -> tensor<6x4xbf16>
  %3 = thunder_prims.reshape %x : tensor<2x3x4xbf16> -> tensor<6x4xbf16>
  // CHECK: thunder_prims.reshape %{{.*}} : tensor<f16> -> tensor<1x1xf16>
  %4 = thunder_prims.reshape %s : tensor<f16> -> tensor<1x1xf16>
  // CHECK: thunder_prims.transpose %{{.*}}, permutation = [2, 0, 1] : tensor<2x3x4xbf16> -> tensor<4x2x3xbf16>
  %5 = thunder_prims.transpose %x, permutation = [2, 0, 1] : tensor<2x3x4xbf16> -> tensor<4x2x3xbf16>
  // CHECK: thunder_prims.slice %{{.*}} {limit_indices = array<i64: 10, 4>, start_indices = array<i64: 1, 0>, strides = array<i64: 3, 1>} : tensor<10x4xi8> -> tensor<3x4xi8>
  %6 = thunder_prims.slice %m {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 10, 4>, strides = array<i64: 3, 1>} : tensor<10x4xi8> -> tensor<3x4xi8>
  // CHECK: thunder_prims.slice %{{.*}} {limit_indices = array<i64: 4, 4>, start_indices = array<i64: 4, 4>, strides = array<i64: 1, 2>} : tensor<10x4xi8> -> tensor<0x0xi8>
  %7 = thunder_prims.slice %m {start_indices = array<i64: 4, 4>, limit_indices = array<i64: 4, 4>, strides = array<i64: 1, 2>} : tensor<10x4xi8> -> tensor<0x0xi8>
  // low/high padding and interior padding between elements
  // CHECK: thunder_prims.pad %{{.*}}, %{{.*}} {high = array<i64: 2, 3>, interior = array<i64: 0, 1>, low = array<i64: 1, 0>} : tensor<10x4xi8>, tensor<i8> -> tensor<13x10xi8>
  %8 = thunder_prims.pad %m, %pv {low = array<i64: 1, 0>, high = array<i64: 2, 3>, interior = array<i64: 0, 1>} : tensor<10x4xi8>, tensor<i8> -> tensor<13x10xi8>
  // CHECK: thunder_prims.pad %{{.*}}, %{{.*}} {high = array<i64: 1, 0>, interior = array<i64: 5, 2>, low = array<i64: 0, 1>} : tensor<0x2xf64>, tensor<f64> -> tensor<1x5xf64>
  %9 = thunder_prims.pad %z, %zp {low = array<i64: 0, 1>, high = array<i64: 1, 0>, interior = array<i64: 5, 2>} : tensor<0x2xf64>, tensor<f64> -> tensor<1x5xf64>
  // CHECK: thunder_prims.cat %{{.*}}, %{{.*}} {dim = 1 : i64} : tensor<2x3xui8>, tensor<2x5xui8> -> tensor<2x8xui8>
  %10 = thunder_prims.cat %a, %b {dim = 1 : i64} : tensor<2x3xui8>, tensor<2x5xui8> -> tensor<2x8xui8>
  // CHECK: thunder_prims.cat %{{.*}} {dim = 0 : i64} : tensor<2x3xui8> -> tensor<2x3xui8>
  %11 = thunder_prims.cat %a {dim = 0 : i64} : tensor<2x3xui8> -> tensor<2x3xui8>
  // CHECK: thunder_prims.squeeze %{{.*}}, dims = [0, 2] : tensor<1x3x1xi1> -> tensor<3xi1>
  %12 = thunder_prims.squeeze %o, dims = [0, 2] : tensor<1x3x1xi1> -> tensor<3xi1>
  // CHECK: thunder_prims.squeeze %{{.*}}, dims = [] : tensor<1x3x1xi1> -> tensor<1x3x1xi1>
  %13 = thunder_prims.squeeze %o, dims = [] : tensor<1x3x1xi1> -> tensor<1x3x1xi1>
  return
}

// -----

// CHECK-LABEL: func.func @creation
func.func @creation(%seed: i64, %offset: i64) {
  // CHECK: thunder_prims.full 1.500000e+00 : f32 : tensor<2x3xf32>
  %0 = thunder_prims.full 1.5 : f32 : tensor<2x3xf32>
  // CHECK: thunder_prims.full 0 : i64 : tensor<4xi64>
  %1 = thunder_prims.full 0 : i64 : tensor<4xi64>
  // CHECK: thunder_prims.full true : tensor<2xi1>
  %2 = thunder_prims.full true : tensor<2xi1>
  // CHECK: thunder_prims.full 255 : ui8 : tensor<ui8>
  %3 = thunder_prims.full 255 : ui8 : tensor<ui8>
  // CHECK: thunder_prims.full -1.000000e+00 : bf16 : tensor<3xbf16>
  %4 = thunder_prims.full -1.0 : bf16 : tensor<3xbf16>
  // CHECK: thunder_prims.iota {start = 0.000000e+00 : f64, step = 1.000000e+00 : f64} : tensor<5xi32>
  %5 = thunder_prims.iota {start = 0.0 : f64, step = 1.0 : f64} : tensor<5xi32>
  // CHECK: thunder_prims.iota {start = 5.000000e-01 : f64, step = -2.500000e-01 : f64} : tensor<4xf16>
  %6 = thunder_prims.iota {start = 0.5 : f64, step = -0.25 : f64} : tensor<4xf16>
  // CHECK: thunder_prims.uniform %{{.*}}, %{{.*}} {high = 1.000000e+00 : f64, low = 0.000000e+00 : f64} : tensor<2x3xf32>
  %7 = thunder_prims.uniform %seed, %offset {low = 0.0 : f64, high = 1.0 : f64} : tensor<2x3xf32>
  // CHECK: thunder_prims.uniform %{{.*}}, %{{.*}} {high = 1.000000e+00 : f64, low = -1.000000e+00 : f64} : tensor<8xbf16>
  %8 = thunder_prims.uniform %seed, %offset {low = -1.0 : f64, high = 1.0 : f64} : tensor<8xbf16>
  return
}

// -----

// CHECK-LABEL: func.func @reductions
func.func @reductions(%x: tensor<2x3x4xf32>, %i: tensor<2x3xi64>, %u: tensor<5xui8>, %b: tensor<2x2xi1>,
                      %h: tensor<4x8xf16>, %s: tensor<f64>) {
  // reduced dims are removed
  // CHECK: thunder_prims.sum %{{.*}}, dims = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
  %0 = thunder_prims.sum %x, dims = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
  // CHECK: thunder_prims.sum %{{.*}}, dims = [] : tensor<2x3xi64> -> tensor<2x3xi64>
  %1 = thunder_prims.sum %i, dims = [] : tensor<2x3xi64> -> tensor<2x3xi64>
  // CHECK: thunder_prims.prod %{{.*}}, dims = [0] : tensor<5xui8> -> tensor<ui8>
  %2 = thunder_prims.prod %u, dims = [0] : tensor<5xui8> -> tensor<ui8>
  // CHECK: thunder_prims.amax %{{.*}}, dims = [1] : tensor<2x2xi1> -> tensor<2xi1>
  %3 = thunder_prims.amax %b, dims = [1] : tensor<2x2xi1> -> tensor<2xi1>
  // CHECK: thunder_prims.amin %{{.*}}, dims = [0, 1] : tensor<2x3xi64> -> tensor<i64>
  %4 = thunder_prims.amin %i, dims = [0, 1] : tensor<2x3xi64> -> tensor<i64>
  // CHECK: thunder_prims.var_mean %{{.*}}, dims = [1] {correction = 1.000000e+00 : f64} : tensor<4x8xf16> -> tensor<4xf16>, tensor<4xf16>
  %5:2 = thunder_prims.var_mean %h, dims = [1] {correction = 1.0 : f64} : tensor<4x8xf16> -> tensor<4xf16>, tensor<4xf16>
  // CHECK: thunder_prims.var_mean %{{.*}}, dims = [] {correction = 0.000000e+00 : f64} : tensor<f64> -> tensor<f64>, tensor<f64>
  %6:2 = thunder_prims.var_mean %s, dims = [] {correction = 0.0 : f64} : tensor<f64> -> tensor<f64>, tensor<f64>
  return
}

// -----

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<5x2x3xbf16>, %d: tensor<5x3x7xbf16>,
                  %e: tensor<2x3xi32>, %f: tensor<3x1xi32>) {
  // CHECK: thunder_prims.matmul %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  %0 = thunder_prims.matmul %a, %b : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  // CHECK: thunder_prims.matmul %{{.*}}, %{{.*}} : tensor<5x2x3xbf16>, tensor<5x3x7xbf16> -> tensor<5x2x7xbf16>
  %1 = thunder_prims.matmul %c, %d : tensor<5x2x3xbf16>, tensor<5x3x7xbf16> -> tensor<5x2x7xbf16>
  // CHECK: thunder_prims.matmul %{{.*}}, %{{.*}} : tensor<2x3xi32>, tensor<3x1xi32> -> tensor<2x1xi32>
  %2 = thunder_prims.matmul %e, %f : tensor<2x3xi32>, tensor<3x1xi32> -> tensor<2x1xi32>
  return
}
