// RUN: thunder-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(thunder-torch-to-prims-pipeline,thunder-prims-to-exec-pipeline,thunder-exec-kernels-to-linalg-pipeline,thunder-linalg-to-llvm-cpu-pipeline)'
// RUN: thunder-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(thunder-cpu-pipeline)'

// A tensor too large to address (its element count overflows int64) gets a
// located error from the first thunder pass, before any pass computes a size
// from it (thunder-tile-rows used to overflow multiplying its dimensions).
// expected-error @+1 {{thunder-decompose-torch: tensor<1x2147483648x1099511627776xf32> holds more than 2^62 bytes}}
func.func @softmax(%x: tensor<1x2147483648x1099511627776xf32>) -> tensor<1x2147483648x1099511627776xf32> {
  %0 = thunder_torch.softmax %x {dim = -1 : i64} : tensor<1x2147483648x1099511627776xf32> -> tensor<1x2147483648x1099511627776xf32>
  return %0 : tensor<1x2147483648x1099511627776xf32>
}

// -----

// Made inside the program, by an op: the error points at that op.
func.func @made(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{holds more than 2^62 bytes}}
  %0 = thunder_torch.full {shape = array<i64: 4611686018427387904, 4>, value = 1.0 : f64, dtype = f32} : tensor<4611686018427387904x4xf32>
  return %x : tensor<4xf32>
}
