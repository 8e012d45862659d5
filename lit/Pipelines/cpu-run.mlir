// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-cpu-pipeline)' \
// RUN: | mlir-runner -e main -entry-point-result=void \
// RUN:   -shared-libs=$(dirname $(command -v mlir-runner))/../lib/libmlir_runner_utils.so \
// RUN:   -shared-libs=$(dirname $(command -v mlir-runner))/../lib/libmlir_c_runner_utils.so \
// RUN: | FileCheck %s

// Runs torch-level functions compiled by thunder-cpu-pipeline and checks the
// numbers against PyTorch's (and Python's) semantics, where a plausible
// lowering gets them wrong.

// Float floor division is div_floor_floating: 1 // 0.1 is 9 (floor(1 / 0.1)
// would be 10), a zero quotient keeps its sign, x // 0 is the IEEE quotient.
// CHECK-LABEL: sizes = [8]
// CHECK-NEXT: [9,  -10,  3,  -4,  -0,  -1,  inf,  -inf]
func.func @floor_div_f32(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %0 = thunder_torch.div %a, %b {rounding_mode = "floor"} : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// Integer floor division rounds toward -inf.
// CHECK-LABEL: sizes = [6]
// CHECK-NEXT: [3,  -4,  -4,  3,  0,  -1]
func.func @floor_div_i32(%a: tensor<6xi32>, %b: tensor<6xi32>) -> tensor<6xi32> {
  %0 = thunder_torch.div %a, %b {rounding_mode = "floor"} : tensor<6xi32>, tensor<6xi32> -> tensor<6xi32>
  return %0 : tensor<6xi32>
}

// The remainder takes the divisor's sign, for floats and integers.
// CHECK-LABEL: sizes = [4]
// CHECK-NEXT: [1.5,  0.5,  -0.5,  -1.5]
// CHECK-LABEL: sizes = [4]
// CHECK-NEXT: [1,  2,  -2,  -1]
func.func @remainder(%a: tensor<4xf32>, %b: tensor<4xf32>, %i: tensor<4xi64>, %j: tensor<4xi64>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = thunder_torch.remainder %a, %b : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  %1 = thunder_torch.remainder %i, %j : tensor<4xi64>, tensor<4xi64> -> tensor<4xi64>
  %2 = thunder_torch.to_dtype %1 {dtype = i32} : tensor<4xi64> -> tensor<4xi32>
  return %0, %2 : tensor<4xf32>, tensor<4xi32>
}

// Integer pow with negative exponents as PyTorch's powi (0 ** -1 is 0).
// CHECK-LABEL: sizes = [6]
// CHECK-NEXT: [8,  -1,  1,  1,  0,  1]
func.func @pow_i32(%a: tensor<6xi32>, %b: tensor<6xi32>) -> tensor<6xi32> {
  %0 = thunder_torch.pow %a, %b : tensor<6xi32>, tensor<6xi32> -> tensor<6xi32>
  return %0 : tensor<6xi32>
}

// uint8 pow wraps mod 256 with exponents above 127: 3 ** 200 % 256 is 161.
// Float to uint8 goes through int64: -1.0 is 255, 300.0 is 44.
// uint8 200 against int8 -1 compares in int16: 200 < -1 is false (in uint8
// -1 would be 255).
// CHECK-LABEL: sizes = [4]
// CHECK-NEXT: [161,  128,  1,  7]
// CHECK-LABEL: sizes = [4]
// CHECK-NEXT: [255,  254,  44,  7]
// CHECK-LABEL: sizes = [4]
// CHECK-NEXT: [0,  1,  0,  0]
func.func @uint8(%x: tensor<4xui8>, %y: tensor<4xui8>, %f: tensor<4xf32>, %s: tensor<4xi8>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) {
  %0 = thunder_torch.pow %x, %y : tensor<4xui8>, tensor<4xui8> -> tensor<4xui8>
  %1 = thunder_torch.to_dtype %0 {dtype = i32} : tensor<4xui8> -> tensor<4xi32>
  %2 = thunder_torch.to_dtype %f {dtype = ui8} : tensor<4xf32> -> tensor<4xui8>
  %3 = thunder_torch.to_dtype %2 {dtype = i32} : tensor<4xui8> -> tensor<4xi32>
  %4 = thunder_torch.lt %y, %s : tensor<4xui8>, tensor<4xi8> -> tensor<4xi1>
  %5 = thunder_torch.to_dtype %4 {dtype = i32} : tensor<4xi1> -> tensor<4xi32>
  return %1, %3, %5 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
}

// f32 exp, tanh, erf, log1p and expm1 are thunder-math-approximation's
// polynomials: at infinities, NaN, near exp's overflow (88.7) and underflow
// (-87, still normal), tiny (1e-10, where log(1 + x) would give 0) and ordinary
// arguments they print as PyTorch's results do (6 significant digits).
// CHECK-LABEL: sizes = [11]
// CHECK-NEXT: [inf,  0,  nan,  3.32598e+38,  1.64581e-38,  1,  0.367879,  1.64872,  49.4025,  22026.5,  0.740818]
// CHECK-LABEL: sizes = [11]
// CHECK-NEXT: [1,  -1,  nan,  1,  -1,  1e-10,  -0.761594,  0.462117,  0.999181,  1,  -0.291313]
// CHECK-LABEL: sizes = [11]
// CHECK-NEXT: [1,  -1,  nan,  1,  -1,  1.12838e-10,  -0.842701,  0.5205,  1,  1,  -0.328627]
// CHECK-LABEL: sizes = [11]
// CHECK-NEXT: [inf,  nan,  nan,  4.49647,  nan,  1e-10,  -inf,  0.405465,  1.58924,  2.3979,  -0.356675]
// CHECK-LABEL: sizes = [11]
// CHECK-NEXT: [inf,  -1,  nan,  3.32598e+38,  -1,  1e-10,  -0.632121,  0.648721,  48.4025,  22025.5,  -0.259182]
func.func @math_f32(%x: tensor<11xf32>) -> (tensor<11xf32>, tensor<11xf32>, tensor<11xf32>, tensor<11xf32>, tensor<11xf32>) {
  %0 = thunder_torch.exp %x : tensor<11xf32> -> tensor<11xf32>
  %1 = thunder_torch.tanh %x : tensor<11xf32> -> tensor<11xf32>
  %2 = thunder_torch.erf %x : tensor<11xf32> -> tensor<11xf32>
  %3 = thunder_torch.log1p %x : tensor<11xf32> -> tensor<11xf32>
  %4 = thunder_torch.expm1 %x : tensor<11xf32> -> tensor<11xf32>
  return %0, %1, %2, %3, %4 : tensor<11xf32>, tensor<11xf32>, tensor<11xf32>, tensor<11xf32>, tensor<11xf32>
}

// sign is PyTorch's (0 < x) - (x < 0): NaN and -0 give +0.
// CHECK-LABEL: sizes = [5]
// CHECK-NEXT: [0,  0,  0,  -1,  1]
func.func @sign_f32(%x: tensor<5xf32>) -> tensor<5xf32> {
  %0 = thunder_torch.sign %x : tensor<5xf32> -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}
func.func private @printMemrefI32(memref<*xi32>) attributes {llvm.emit_c_interface}

func.func @print_f32(%t: tensor<?xf32>) {
  %m = bufferization.to_buffer %t : tensor<?xf32> to memref<?xf32>
  %u = memref.cast %m : memref<?xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @print_i32(%t: tensor<?xi32>) {
  %m = bufferization.to_buffer %t : tensor<?xi32> to memref<?xi32>
  %u = memref.cast %m : memref<?xi32> to memref<*xi32>
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  return
}

func.func @main() {
  %a = arith.constant dense<[1.0, -1.0, 7.0, -7.0, 0.0, -0.5, 1.0, 5.0]> : tensor<8xf32>
  %b = arith.constant dense<[0.1, 0.1, 2.0, 2.0, -3.0, 4.0, 0.0, -0.0]> : tensor<8xf32>
  %fd = call @floor_div_f32(%a, %b) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %fd_ = tensor.cast %fd : tensor<8xf32> to tensor<?xf32>
  call @print_f32(%fd_) : (tensor<?xf32>) -> ()

  %ia = arith.constant dense<[7, -7, 7, -7, 0, -1]> : tensor<6xi32>
  %ib = arith.constant dense<[2, 2, -2, -2, 3, 5]> : tensor<6xi32>
  %id = call @floor_div_i32(%ia, %ib) : (tensor<6xi32>, tensor<6xi32>) -> tensor<6xi32>
  %id_ = tensor.cast %id : tensor<6xi32> to tensor<?xi32>
  call @print_i32(%id_) : (tensor<?xi32>) -> ()

  %ra = arith.constant dense<[5.5, -5.5, 5.5, -5.5]> : tensor<4xf32>
  %rb = arith.constant dense<[2.0, 2.0, -2.0, -2.0]> : tensor<4xf32>
  %ri = arith.constant dense<[7, -7, 7, -7]> : tensor<4xi64>
  %rj = arith.constant dense<[3, 3, -3, -3]> : tensor<4xi64>
  %rf, %rn = call @remainder(%ra, %rb, %ri, %rj) : (tensor<4xf32>, tensor<4xf32>, tensor<4xi64>, tensor<4xi64>) -> (tensor<4xf32>, tensor<4xi32>)
  %rf_ = tensor.cast %rf : tensor<4xf32> to tensor<?xf32>
  call @print_f32(%rf_) : (tensor<?xf32>) -> ()
  %rn_ = tensor.cast %rn : tensor<4xi32> to tensor<?xi32>
  call @print_i32(%rn_) : (tensor<?xi32>) -> ()

  %pa = arith.constant dense<[2, -1, -1, 1, 0, 5]> : tensor<6xi32>
  %pb = arith.constant dense<[3, -3, -4, -5, -1, 0]> : tensor<6xi32>
  %pw = call @pow_i32(%pa, %pb) : (tensor<6xi32>, tensor<6xi32>) -> tensor<6xi32>
  %pw_ = tensor.cast %pw : tensor<6xi32> to tensor<?xi32>
  call @print_i32(%pw_) : (tensor<?xi32>) -> ()

  // uint8 inputs as their int8 bit patterns: 255 is -1, 200 is -56, 129 is -127.
  %x8 = arith.constant dense<[3, 2, -1, 7]> : tensor<4xi8>
  %y8 = arith.constant dense<[-56, 7, 2, -127]> : tensor<4xi8>
  %x = builtin.unrealized_conversion_cast %x8 : tensor<4xi8> to tensor<4xui8>
  %y = builtin.unrealized_conversion_cast %y8 : tensor<4xi8> to tensor<4xui8>
  %f = arith.constant dense<[-1.0, -2.5, 300.0, 7.9]> : tensor<4xf32>
  %s = arith.constant dense<[-1, 8, 1, -128]> : tensor<4xi8>
  %u0, %u1, %u2 = call @uint8(%x, %y, %f, %s) : (tensor<4xui8>, tensor<4xui8>, tensor<4xf32>, tensor<4xi8>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>)
  %u0_ = tensor.cast %u0 : tensor<4xi32> to tensor<?xi32>
  call @print_i32(%u0_) : (tensor<?xi32>) -> ()
  %u1_ = tensor.cast %u1 : tensor<4xi32> to tensor<?xi32>
  call @print_i32(%u1_) : (tensor<?xi32>) -> ()
  %u2_ = tensor.cast %u2 : tensor<4xi32> to tensor<?xi32>
  call @print_i32(%u2_) : (tensor<?xi32>) -> ()

  %mx = arith.constant dense<[0x7F800000, 0xFF800000, 0x7FC00000, 88.7, -87.0, 1.0e-10, -1.0, 0.5, 3.9, 10.0, -0.3]> : tensor<11xf32>
  %m0, %m1, %m2, %m3, %m4 = call @math_f32(%mx) : (tensor<11xf32>) -> (tensor<11xf32>, tensor<11xf32>, tensor<11xf32>, tensor<11xf32>, tensor<11xf32>)
  %m0_ = tensor.cast %m0 : tensor<11xf32> to tensor<?xf32>
  call @print_f32(%m0_) : (tensor<?xf32>) -> ()
  %m1_ = tensor.cast %m1 : tensor<11xf32> to tensor<?xf32>
  call @print_f32(%m1_) : (tensor<?xf32>) -> ()
  %m2_ = tensor.cast %m2 : tensor<11xf32> to tensor<?xf32>
  call @print_f32(%m2_) : (tensor<?xf32>) -> ()
  %m3_ = tensor.cast %m3 : tensor<11xf32> to tensor<?xf32>
  call @print_f32(%m3_) : (tensor<?xf32>) -> ()
  %m4_ = tensor.cast %m4 : tensor<11xf32> to tensor<?xf32>
  call @print_f32(%m4_) : (tensor<?xf32>) -> ()

  %sx = arith.constant dense<[0x7FC00000, -0.0, 0.0, -3.0, 2.0]> : tensor<5xf32>
  %sg = call @sign_f32(%sx) : (tensor<5xf32>) -> tensor<5xf32>
  %sg_ = tensor.cast %sg : tensor<5xf32> to tensor<?xf32>
  call @print_f32(%sg_) : (tensor<?xf32>) -> ()
  return
}
