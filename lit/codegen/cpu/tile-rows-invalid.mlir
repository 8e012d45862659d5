// RUN: thunder-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(thunder-tile-rows)'

// The shape's element count overflows int64: a located error, not an
// overflow in the tiling arithmetic.
#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// expected-error @+1 {{thunder-tile-rows: tensor<1x2147483648x1099511627776xf32> holds more than 2^62 bytes}}
func.func @huge(%x: tensor<1x2147483648x1099511627776xf32>) -> tensor<1x2147483648x1099511627776xf32> {
  %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<1x2147483648x1099511627776xf32>) outs(%x : tensor<1x2147483648x1099511627776xf32>) {
  ^bb0(%in: f32, %out: f32):
    %1 = arith.addf %in, %in : f32
    linalg.yield %1 : f32
  } -> tensor<1x2147483648x1099511627776xf32>
  return %0 : tensor<1x2147483648x1099511627776xf32>
}
