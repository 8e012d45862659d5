// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(convert-thunder-prims-to-linalg)' | FileCheck %s

// convert-thunder-prims-to-linalg: one function per prim (several dtypes for
// the element rules), checking the generic maps, iterators and bodies.

// Float unary prims: one math or arith op in an elementwise generic.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @exp(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.exp %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @exp(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.exp %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @exp2(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.exp2 %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @exp2(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.exp2 %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @expm1(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.expm1 %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @expm1(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.expm1 %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @log(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.log %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @log(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.log %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @log2(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.log2 %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @log2(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.log2 %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @log10(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.log10 %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @log10(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.log10 %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @log1p(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.log1p %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @log1p(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.log1p %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @sqrt(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.sqrt %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @sqrt(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.sqrt %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @rsqrt(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.rsqrt %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @rsqrt(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.rsqrt %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @sin(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.sin %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @sin(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.sin %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @cos(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.cos %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @cos(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.cos %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @tan(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.tan %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @tan(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.tan %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @tanh(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.tanh %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @tanh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.tanh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @asin(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.asin %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @asin(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.asin %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @acos(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.acos %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @acos(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.acos %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @atan(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.atan %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @atan(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.atan %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @sinh(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.sinh %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @sinh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.sinh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @cosh(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.cosh %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @cosh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.cosh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @erf(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.erf %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @erf(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.erf %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// 1 / x.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @reciprocal(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.divf %[[CST]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @reciprocal(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.reciprocal %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @floor(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.floor %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @floor(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.floor %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @ceil(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.ceil %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @ceil(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.ceil %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Half to even, as torch.round.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @round(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.roundeven %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @round(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.round %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @trunc(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.trunc %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @trunc(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.trunc %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// bf16/f16 arithmetic goes through f32: extf, the op, truncf.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @exp_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xbf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xbf16>) outs(%[[V0]] : tensor<4xbf16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: bf16, %[[OUT:[^:]+]]: bf16):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.extf %[[IN]] : bf16 to f32
// CHECK-NEXT: %[[V3:[^ ]+]] = math.exp %[[V2]] : f32
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.truncf %[[V3]] : f32 to bf16
// CHECK-NEXT: linalg.yield %[[V4]] : bf16
// CHECK-NEXT: } -> tensor<4xbf16>
// CHECK-NEXT: return %[[V1]] : tensor<4xbf16>
func.func @exp_bf16(%x: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = thunder_prims.exp %x : tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @neg_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi32>) outs(%[[V0]] : tensor<4xi32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i32, %[[OUT:[^:]+]]: i32):
// CHECK-NEXT: %[[C0_I32:[^ ]+]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.subi %[[C0_I32]], %[[IN]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i32
// CHECK-NEXT: } -> tensor<4xi32>
// CHECK-NEXT: return %[[V1]] : tensor<4xi32>
func.func @neg_i32(%x: tensor<4xi32>) -> tensor<4xi32> {
  %0 = thunder_prims.neg %x : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @neg_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf16>) outs(%[[V0]] : tensor<4xf16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f16, %[[OUT:[^:]+]]: f16):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.extf %[[IN]] : f16 to f32
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.negf %[[V2]] : f32
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.truncf %[[V3]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[V4]] : f16
// CHECK-NEXT: } -> tensor<4xf16>
// CHECK-NEXT: return %[[V1]] : tensor<4xf16>
func.func @neg_f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  %0 = thunder_prims.neg %x : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @abs_i8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.absi %[[IN]] : i8
// CHECK-NEXT: linalg.yield %[[V2]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @abs_i8(%x: tensor<4xi8>) -> tensor<4xi8> {
  %0 = thunder_prims.abs %x : tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// abs of an unsigned value is the value.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @abs_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: linalg.yield %[[IN]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @abs_u8(%x: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_prims.abs %x : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// NaN and ±0 give +0, as PyTorch's `(0 < x) - (x < 0)`: both compares are
// ordered (false on NaN), so NaN falls through to the zero constant.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @sign_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[CST_0:[^ ]+]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpf ogt, %[[IN]], %[[CST]] : f32
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.cmpf olt, %[[IN]], %[[CST]] : f32
// CHECK-NEXT: %[[CST_1:[^ ]+]] = arith.constant -1.000000e+00 : f32
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.select %[[V3]], %[[CST_1]], %[[CST]] : f32
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.select %[[V2]], %[[CST_0]], %[[V4]] : f32
// CHECK-NEXT: linalg.yield %[[V5]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @sign_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.sign %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Unsigned comparisons for ui8, carried as i8.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @sign_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[C0_I8:[^ ]+]] = arith.constant 0 : i8
// CHECK-NEXT: %[[C1_I8:[^ ]+]] = arith.constant 1 : i8
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi ugt, %[[IN]], %[[C0_I8]] : i8
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.cmpi ult, %[[IN]], %[[C0_I8]] : i8
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.select %[[V3]], %[[C0_I8]], %[[C0_I8]] : i8
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.select %[[V2]], %[[C1_I8]], %[[V4]] : i8
// CHECK-NEXT: linalg.yield %[[V5]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @sign_u8(%x: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_prims.sign %x : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// On bool, bitwise not is logical not.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @bitwise_not_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi1>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i1, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[TRUE:[^ ]+]] = arith.constant true
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.xori %[[IN]], %[[TRUE]] : i1
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @bitwise_not_bool(%x: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_prims.bitwise_not %x : tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @add_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xf32>, tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[IN_0:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.addf %[[IN]], %[[IN_0]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @add_f32(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.add %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @sub_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi64>, %[[ARG1:[^:]+]]: tensor<4xi64>) -> tensor<4xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi64>, tensor<4xi64>) outs(%[[V0]] : tensor<4xi64>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i64, %[[IN_0:[^:]+]]: i64, %[[OUT:[^:]+]]: i64):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.subi %[[IN]], %[[IN_0]] : i64
// CHECK-NEXT: linalg.yield %[[V2]] : i64
// CHECK-NEXT: } -> tensor<4xi64>
// CHECK-NEXT: return %[[V1]] : tensor<4xi64>
func.func @sub_i64(%x: tensor<4xi64>, %y: tensor<4xi64>) -> tensor<4xi64> {
  %0 = thunder_prims.sub %x, %y : tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @mul_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>, %[[ARG1:[^:]+]]: tensor<4xbf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xbf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xbf16>, tensor<4xbf16>) outs(%[[V0]] : tensor<4xbf16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: bf16, %[[IN_0:[^:]+]]: bf16, %[[OUT:[^:]+]]: bf16):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.extf %[[IN]] : bf16 to f32
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.extf %[[IN_0]] : bf16 to f32
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.mulf %[[V2]], %[[V3]] : f32
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.truncf %[[V4]] : f32 to bf16
// CHECK-NEXT: linalg.yield %[[V5]] : bf16
// CHECK-NEXT: } -> tensor<4xbf16>
// CHECK-NEXT: return %[[V1]] : tensor<4xbf16>
func.func @mul_bf16(%x: tensor<4xbf16>, %y: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = thunder_prims.mul %x, %y : tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @div_f64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf64>, %[[ARG1:[^:]+]]: tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf64>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xf64>, tensor<4xf64>) outs(%[[V0]] : tensor<4xf64>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f64, %[[IN_0:[^:]+]]: f64, %[[OUT:[^:]+]]: f64):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.divf %[[IN]], %[[IN_0]] : f64
// CHECK-NEXT: linalg.yield %[[V2]] : f64
// CHECK-NEXT: } -> tensor<4xf64>
// CHECK-NEXT: return %[[V1]] : tensor<4xf64>
func.func @div_f64(%x: tensor<4xf64>, %y: tensor<4xf64>) -> tensor<4xf64> {
  %0 = thunder_prims.div %x, %y : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// Signed division cannot trap: a zero divisor divides by 1 (giving the
// dividend), and -1 negates instead (MIN / -1 wraps to MIN).
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @div_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi32>, tensor<4xi32>) outs(%[[V0]] : tensor<4xi32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i32, %[[IN_0:[^:]+]]: i32, %[[OUT:[^:]+]]: i32):
// CHECK-NEXT: %[[C0_I32:[^ ]+]] = arith.constant 0 : i32
// CHECK-NEXT: %[[C1_I32:[^ ]+]] = arith.constant 1 : i32
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi eq, %[[IN_0]], %[[C0_I32]] : i32
// CHECK-NEXT: %[[C_1_I32:[^ ]+]] = arith.constant -1 : i32
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.cmpi eq, %[[IN_0]], %[[C_1_I32]] : i32
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.ori %[[V2]], %[[V3]] : i1
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.select %[[V4]], %[[C1_I32]], %[[IN_0]] : i32
// CHECK-NEXT: %[[V6:[^ ]+]] = arith.divsi %[[IN]], %[[V5]] : i32
// CHECK-NEXT: %[[V7:[^ ]+]] = arith.subi %[[C0_I32]], %[[IN]] : i32
// CHECK-NEXT: %[[V8:[^ ]+]] = arith.select %[[V3]], %[[V7]], %[[V6]] : i32
// CHECK-NEXT: linalg.yield %[[V8]] : i32
// CHECK-NEXT: } -> tensor<4xi32>
// CHECK-NEXT: return %[[V1]] : tensor<4xi32>
func.func @div_i32(%x: tensor<4xi32>, %y: tensor<4xi32>) -> tensor<4xi32> {
  %0 = thunder_prims.div %x, %y : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// ui8 divides unsigned (divui), guarded against a zero divisor.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @div_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>, %[[ARG1:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi8>, tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[IN_0:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[C0_I8:[^ ]+]] = arith.constant 0 : i8
// CHECK-NEXT: %[[C1_I8:[^ ]+]] = arith.constant 1 : i8
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi eq, %[[IN_0]], %[[C0_I8]] : i8
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.select %[[V2]], %[[C1_I8]], %[[IN_0]] : i8
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.divui %[[IN]], %[[V3]] : i8
// CHECK-NEXT: linalg.yield %[[V4]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @div_u8(%x: tensor<4xui8>, %y: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_prims.div %x, %y : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @fmod_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xf32>, tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[IN_0:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.remf %[[IN]], %[[IN_0]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @fmod_f32(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.fmod %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @fmod_i16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi16>, %[[ARG1:[^:]+]]: tensor<4xi16>) -> tensor<4xi16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi16>, tensor<4xi16>) outs(%[[V0]] : tensor<4xi16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i16, %[[IN_0:[^:]+]]: i16, %[[OUT:[^:]+]]: i16):
// CHECK-NEXT: %[[C0_I16:[^ ]+]] = arith.constant 0 : i16
// CHECK-NEXT: %[[C1_I16:[^ ]+]] = arith.constant 1 : i16
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi eq, %[[IN_0]], %[[C0_I16]] : i16
// CHECK-NEXT: %[[C_1_I16:[^ ]+]] = arith.constant -1 : i16
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.cmpi eq, %[[IN_0]], %[[C_1_I16]] : i16
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.ori %[[V2]], %[[V3]] : i1
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.select %[[V4]], %[[C1_I16]], %[[IN_0]] : i16
// CHECK-NEXT: %[[V6:[^ ]+]] = arith.remsi %[[IN]], %[[V5]] : i16
// CHECK-NEXT: linalg.yield %[[V6]] : i16
// CHECK-NEXT: } -> tensor<4xi16>
// CHECK-NEXT: return %[[V1]] : tensor<4xi16>
func.func @fmod_i16(%x: tensor<4xi16>, %y: tensor<4xi16>) -> tensor<4xi16> {
  %0 = thunder_prims.fmod %x, %y : tensor<4xi16>
  return %0 : tensor<4xi16>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @pow_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xf32>, tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[IN_0:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = math.powf %[[IN]], %[[IN_0]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @pow_f32(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.pow %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Integer pow as PyTorch's powi: ipowi only sees exponents >= 0; a negative
// exponent gives 1 for base 1, +-1 for base -1 and 0 otherwise.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @pow_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi32>, tensor<4xi32>) outs(%[[V0]] : tensor<4xi32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i32, %[[IN_0:[^:]+]]: i32, %[[OUT:[^:]+]]: i32):
// CHECK-NEXT: %[[C0_I32:[^ ]+]] = arith.constant 0 : i32
// CHECK-NEXT: %[[C1_I32:[^ ]+]] = arith.constant 1 : i32
// CHECK-NEXT: %[[C_1_I32:[^ ]+]] = arith.constant -1 : i32
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi slt, %[[IN_0]], %[[C0_I32]] : i32
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.select %[[V2]], %[[C0_I32]], %[[IN_0]] : i32
// CHECK-NEXT: %[[V4:[^ ]+]] = math.ipowi %[[IN]], %[[V3]] : i32
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.andi %[[IN_0]], %[[C1_I32]] : i32
// CHECK-NEXT: %[[V6:[^ ]+]] = arith.cmpi ne, %[[V5]], %[[C0_I32]] : i32
// CHECK-NEXT: %[[V7:[^ ]+]] = arith.select %[[V6]], %[[C_1_I32]], %[[C1_I32]] : i32
// CHECK-NEXT: %[[V8:[^ ]+]] = arith.cmpi eq, %[[IN]], %[[C_1_I32]] : i32
// CHECK-NEXT: %[[V9:[^ ]+]] = arith.cmpi eq, %[[IN]], %[[C1_I32]] : i32
// CHECK-NEXT: %[[V10:[^ ]+]] = arith.select %[[V8]], %[[V7]], %[[C0_I32]] : i32
// CHECK-NEXT: %[[V11:[^ ]+]] = arith.select %[[V9]], %[[C1_I32]], %[[V10]] : i32
// CHECK-NEXT: %[[V12:[^ ]+]] = arith.select %[[V2]], %[[V11]], %[[V4]] : i32
// CHECK-NEXT: linalg.yield %[[V12]] : i32
// CHECK-NEXT: } -> tensor<4xi32>
// CHECK-NEXT: return %[[V1]] : tensor<4xi32>
func.func @pow_i32(%x: tensor<4xi32>, %y: tensor<4xi32>) -> tensor<4xi32> {
  %0 = thunder_prims.pow %x, %y : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// A float maximum is LLVM's NaN-propagating intrinsic (arith.maximumf would be
// expanded into compares and selects); elementwise, it has no fastmath flags.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @maximum_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xf32>, tensor<4xf32>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[IN_0:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = llvm.intr.maximum(%[[IN]], %[[IN_0]]) : (f32, f32) -> f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @maximum_f32(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.maximum %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @minimum_f64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf64>, %[[ARG1:[^:]+]]: tensor<4xf64>) -> tensor<4xf64>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf64>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xf64>, tensor<4xf64>) outs(%[[V0]] : tensor<4xf64>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f64, %[[IN_0:[^:]+]]: f64, %[[OUT:[^:]+]]: f64):
// CHECK-NEXT: %[[V2:[^ ]+]] = llvm.intr.minimum(%[[IN]], %[[IN_0]]) : (f64, f64) -> f64
// CHECK-NEXT: linalg.yield %[[V2]] : f64
// CHECK-NEXT: } -> tensor<4xf64>
// CHECK-NEXT: return %[[V1]] : tensor<4xf64>
func.func @minimum_f64(%x: tensor<4xf64>, %y: tensor<4xf64>) -> tensor<4xf64> {
  %0 = thunder_prims.minimum %x, %y : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @maximum_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>, %[[ARG1:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi8>, tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[IN_0:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.maxui %[[IN]], %[[IN_0]] : i8
// CHECK-NEXT: linalg.yield %[[V2]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @maximum_u8(%x: tensor<4xui8>, %y: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_prims.maximum %x, %y : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @minimum_i8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>, %[[ARG1:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi8>, tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[IN_0:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.minsi %[[IN]], %[[IN_0]] : i8
// CHECK-NEXT: linalg.yield %[[V2]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @minimum_i8(%x: tensor<4xi8>, %y: tensor<4xi8>) -> tensor<4xi8> {
  %0 = thunder_prims.minimum %x, %y : tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @atan2_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>, %[[ARG1:[^:]+]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xf16>, tensor<4xf16>) outs(%[[V0]] : tensor<4xf16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f16, %[[IN_0:[^:]+]]: f16, %[[OUT:[^:]+]]: f16):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.extf %[[IN]] : f16 to f32
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.extf %[[IN_0]] : f16 to f32
// CHECK-NEXT: %[[V4:[^ ]+]] = math.atan2 %[[V2]], %[[V3]] : f32
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.truncf %[[V4]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[V5]] : f16
// CHECK-NEXT: } -> tensor<4xf16>
// CHECK-NEXT: return %[[V1]] : tensor<4xf16>
func.func @atan2_f16(%x: tensor<4xf16>, %y: tensor<4xf16>) -> tensor<4xf16> {
  %0 = thunder_prims.atan2 %x, %y : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @bitwise_and_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi32>, tensor<4xi32>) outs(%[[V0]] : tensor<4xi32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i32, %[[IN_0:[^:]+]]: i32, %[[OUT:[^:]+]]: i32):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.andi %[[IN]], %[[IN_0]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i32
// CHECK-NEXT: } -> tensor<4xi32>
// CHECK-NEXT: return %[[V1]] : tensor<4xi32>
func.func @bitwise_and_i32(%x: tensor<4xi32>, %y: tensor<4xi32>) -> tensor<4xi32> {
  %0 = thunder_prims.bitwise_and %x, %y : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @bitwise_or_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi1>, tensor<4xi1>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i1, %[[IN_0:[^:]+]]: i1, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.ori %[[IN]], %[[IN_0]] : i1
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @bitwise_or_bool(%x: tensor<4xi1>, %y: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_prims.bitwise_or %x, %y : tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @bitwise_xor_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>, %[[ARG1:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi8>, tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[IN_0:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.xori %[[IN]], %[[IN_0]] : i8
// CHECK-NEXT: linalg.yield %[[V2]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @bitwise_xor_u8(%x: tensor<4xui8>, %y: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_prims.bitwise_xor %x, %y : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @eq_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>, %[[ARG1:[^:]+]]: tensor<4xi32>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi32>, tensor<4xi32>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i32, %[[IN_0:[^:]+]]: i32, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi eq, %[[IN]], %[[IN_0]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @eq_i32(%x: tensor<4xi32>, %y: tensor<4xi32>) -> tensor<4xi1> {
  %0 = thunder_prims.eq %x, %y : tensor<4xi32>
  return %0 : tensor<4xi1>
}

// -----

// ne is unordered: NaN != x holds.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @ne_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xf32>, tensor<4xf32>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[IN_0:[^:]+]]: f32, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpf une, %[[IN]], %[[IN_0]] : f32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @ne_f32(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xi1> {
  %0 = thunder_prims.ne %x, %y : tensor<4xf32>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @lt_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>, %[[ARG1:[^:]+]]: tensor<4xi8>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi8>, tensor<4xi8>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[IN_0:[^:]+]]: i8, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi ult, %[[IN]], %[[IN_0]] : i8
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @lt_u8(%x: tensor<4xui8>, %y: tensor<4xui8>) -> tensor<4xi1> {
  %0 = thunder_prims.lt %x, %y : tensor<4xui8>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @le_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xbf16>, %[[ARG1:[^:]+]]: tensor<4xbf16>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xbf16>, tensor<4xbf16>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: bf16, %[[IN_0:[^:]+]]: bf16, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.extf %[[IN]] : bf16 to f32
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.extf %[[IN_0]] : bf16 to f32
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.cmpf ole, %[[V2]], %[[V3]] : f32
// CHECK-NEXT: linalg.yield %[[V4]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @le_bf16(%x: tensor<4xbf16>, %y: tensor<4xbf16>) -> tensor<4xi1> {
  %0 = thunder_prims.le %x, %y : tensor<4xbf16>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @gt_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi64>, %[[ARG1:[^:]+]]: tensor<4xi64>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi64>, tensor<4xi64>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i64, %[[IN_0:[^:]+]]: i64, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi sgt, %[[IN]], %[[IN_0]] : i64
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @gt_i64(%x: tensor<4xi64>, %y: tensor<4xi64>) -> tensor<4xi1> {
  %0 = thunder_prims.gt %x, %y : tensor<4xi64>
  return %0 : tensor<4xi1>
}

// -----

// Bool compares unsigned (true is 1, not -1).
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @ge_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi1>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]] : tensor<4xi1>, tensor<4xi1>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i1, %[[IN_0:[^:]+]]: i1, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi uge, %[[IN]], %[[IN_0]] : i1
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @ge_bool(%x: tensor<4xi1>, %y: tensor<4xi1>) -> tensor<4xi1> {
  %0 = thunder_prims.ge %x, %y : tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @where_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>, %[[ARG1:[^:]+]]: tensor<4xi8>, %[[ARG2:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]], %[[ARG1]], %[[ARG2]] : tensor<4xi1>, tensor<4xi8>, tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i1, %[[IN_0:[^:]+]]: i8, %[[IN_1:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.select %[[IN]], %[[IN_0]], %[[IN_1]] : i8
// CHECK-NEXT: linalg.yield %[[V2]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @where_u8(%c: tensor<4xi1>, %x: tensor<4xui8>, %y: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_prims.where %c, %x, %y : tensor<4xi1>, tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// Float to uint8 goes through int64 as in PyTorch, so -1.0 becomes 255
// (fptoui of a negative value is poison).
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_f32_to_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.fptosi %[[IN]] : f32 to i64
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.trunci %[[V2]] : i64 to i8
// CHECK-NEXT: linalg.yield %[[V3]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V1]] : tensor<4xi8>
func.func @convert_f32_to_u8(%x: tensor<4xf32>) -> tensor<4xui8> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xf32> to tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_u8_to_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi8>) outs(%[[V0]] : tensor<4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.uitofp %[[IN]] : i8 to f32
// CHECK-NEXT: linalg.yield %[[V2]] : f32
// CHECK-NEXT: } -> tensor<4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4xf32>
func.func @convert_u8_to_f32(%x: tensor<4xui8>) -> tensor<4xf32> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xui8> to tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_u8_to_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi8>) outs(%[[V0]] : tensor<4xi32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i32):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.extui %[[IN]] : i8 to i32
// CHECK-NEXT: linalg.yield %[[V2]] : i32
// CHECK-NEXT: } -> tensor<4xi32>
// CHECK-NEXT: return %[[V1]] : tensor<4xi32>
func.func @convert_u8_to_i32(%x: tensor<4xui8>) -> tensor<4xi32> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xui8> to tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_i8_to_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi8>) outs(%[[V0]] : tensor<4xi64>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i64):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.extsi %[[IN]] : i8 to i64
// CHECK-NEXT: linalg.yield %[[V2]] : i64
// CHECK-NEXT: } -> tensor<4xi64>
// CHECK-NEXT: return %[[V1]] : tensor<4xi64>
func.func @convert_i8_to_i64(%x: tensor<4xi8>) -> tensor<4xi64> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xi8> to tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// f16 <-> bf16 through f32.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_f16_to_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf16>) -> tensor<4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xbf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf16>) outs(%[[V0]] : tensor<4xbf16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f16, %[[OUT:[^:]+]]: bf16):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.extf %[[IN]] : f16 to f32
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.truncf %[[V2]] : f32 to bf16
// CHECK-NEXT: linalg.yield %[[V3]] : bf16
// CHECK-NEXT: } -> tensor<4xbf16>
// CHECK-NEXT: return %[[V1]] : tensor<4xbf16>
func.func @convert_f16_to_bf16(%x: tensor<4xf16>) -> tensor<4xbf16> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xf16> to tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// To bool is x != 0, unordered so that NaN is true.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_f64_to_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf64>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf64>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f64, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 0.000000e+00 : f64
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpf une, %[[IN]], %[[CST]] : f64
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @convert_f64_to_bool(%x: tensor<4xf64>) -> tensor<4xi1> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xf64> to tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_i32_to_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi32>) -> tensor<4xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi32>) outs(%[[V0]] : tensor<4xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i32, %[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[C0_I32:[^ ]+]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.cmpi ne, %[[IN]], %[[C0_I32]] : i32
// CHECK-NEXT: linalg.yield %[[V2]] : i1
// CHECK-NEXT: } -> tensor<4xi1>
// CHECK-NEXT: return %[[V1]] : tensor<4xi1>
func.func @convert_i32_to_bool(%x: tensor<4xi32>) -> tensor<4xi1> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xi32> to tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_bool_to_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi1>) -> tensor<4xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi1>) outs(%[[V0]] : tensor<4xf16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i1, %[[OUT:[^:]+]]: f16):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.uitofp %[[IN]] : i1 to f16
// CHECK-NEXT: linalg.yield %[[V2]] : f16
// CHECK-NEXT: } -> tensor<4xf16>
// CHECK-NEXT: return %[[V1]] : tensor<4xf16>
func.func @convert_bool_to_f16(%x: tensor<4xi1>) -> tensor<4xf16> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xi1> to tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_i64_to_i16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi64>) -> tensor<4xi16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xi64>) outs(%[[V0]] : tensor<4xi16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i64, %[[OUT:[^:]+]]: i16):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.trunci %[[IN]] : i64 to i16
// CHECK-NEXT: linalg.yield %[[V2]] : i16
// CHECK-NEXT: } -> tensor<4xi16>
// CHECK-NEXT: return %[[V1]] : tensor<4xi16>
func.func @convert_i64_to_i16(%x: tensor<4xi64>) -> tensor<4xi16> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xi64> to tensor<4xi16>
  return %0 : tensor<4xi16>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @convert_f32_to_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>) -> tensor<4xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<4xf32>) outs(%[[V0]] : tensor<4xi32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: i32):
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.fptosi %[[IN]] : f32 to i32
// CHECK-NEXT: linalg.yield %[[V2]] : i32
// CHECK-NEXT: } -> tensor<4xi32>
// CHECK-NEXT: return %[[V1]] : tensor<4xi32>
func.func @convert_f32_to_i32(%x: tensor<4xf32>) -> tensor<4xi32> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xf32> to tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// f64 -> bf16 goes through f32 (two roundings), as PyTorch's `BFloat16(float)`.
// CHECK-LABEL: func.func @from_scalar_f64_to_bf16(
// CHECK-SAME: %[[ARG0:[^:]+]]: f64) -> tensor<bf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = arith.truncf %[[ARG0]] : f64 to f32
// CHECK-NEXT: %[[V1:[^ ]+]] = arith.truncf %[[V0]] : f32 to bf16
// CHECK-NEXT: %[[FROM_ELEMENTS:[^ ]+]] = tensor.from_elements %[[V1]] : tensor<bf16>
// CHECK-NEXT: return %[[FROM_ELEMENTS]] : tensor<bf16>
func.func @from_scalar_f64_to_bf16(%s: f64) -> tensor<bf16> {
  %0 = thunder_prims.from_scalar %s : f64 to tensor<bf16>
  return %0 : tensor<bf16>
}

// -----

// CHECK-LABEL: func.func @from_scalar_i64_to_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: i64) -> tensor<i8>
// CHECK-NEXT: %[[V0:[^ ]+]] = arith.trunci %[[ARG0]] : i64 to i8
// CHECK-NEXT: %[[FROM_ELEMENTS:[^ ]+]] = tensor.from_elements %[[V0]] : tensor<i8>
// CHECK-NEXT: return %[[FROM_ELEMENTS]] : tensor<i8>
func.func @from_scalar_i64_to_u8(%s: i64) -> tensor<ui8> {
  %0 = thunder_prims.from_scalar %s : i64 to tensor<ui8>
  return %0 : tensor<ui8>
}

// -----

// Operand dim i reads result dim broadcast_dimensions[i]; size-1 dims read 0.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @broadcast_in_dim(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<3x1xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2x3x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP1]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[ARG0]] : tensor<3x1xf32>) outs(%[[V0]] : tensor<2x3x4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: linalg.yield %[[IN]] : f32
// CHECK-NEXT: } -> tensor<2x3x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<2x3x4xf32>
func.func @broadcast_in_dim(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = thunder_prims.broadcast_in_dim %x, dims = [1, 2] : tensor<3x1xf32> -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @broadcast_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP1]]], iterator_types = ["parallel", "parallel"]} ins(%[[ARG0]] : tensor<f32>) outs(%[[V0]] : tensor<2x3xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: linalg.yield %[[IN]] : f32
// CHECK-NEXT: } -> tensor<2x3xf32>
// CHECK-NEXT: return %[[V1]] : tensor<2x3xf32>
func.func @broadcast_scalar(%x: tensor<f32>) -> tensor<2x3xf32> {
  %0 = thunder_prims.broadcast_in_dim %x, dims = [] : tensor<f32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Reshapes collapse to 1-D and expand.
// CHECK-LABEL: func.func @reshape(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK-NEXT: %[[COLLAPSED:[^ ]+]] = tensor.collapse_shape %[[ARG0]] {{\[\[}}0, 1, 2{{\]\]}} : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK-NEXT: %[[EXPANDED:[^ ]+]] = tensor.expand_shape %[[COLLAPSED]] {{\[\[}}0, 1{{\]\]}} output_shape [6, 4] : tensor<24xf32> into tensor<6x4xf32>
// CHECK-NEXT: return %[[EXPANDED]] : tensor<6x4xf32>
func.func @reshape(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %0 = thunder_prims.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_to_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<1x1xi32>) -> tensor<i32>
// CHECK-NEXT: %[[COLLAPSED:[^ ]+]] = tensor.collapse_shape %[[ARG0]] [] : tensor<1x1xi32> into tensor<i32>
// CHECK-NEXT: return %[[COLLAPSED]] : tensor<i32>
func.func @reshape_to_scalar(%x: tensor<1x1xi32>) -> tensor<i32> {
  %0 = thunder_prims.reshape %x : tensor<1x1xi32> -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

// CHECK-LABEL: func.func @reshape_from_scalar(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<i8>) -> tensor<1x1xi8>
// CHECK-NEXT: %[[EXPANDED:[^ ]+]] = tensor.expand_shape %[[ARG0]] [] output_shape [1] : tensor<i8> into tensor<1xi8>
// CHECK-NEXT: %[[EXPANDED_0:[^ ]+]] = tensor.expand_shape %[[EXPANDED]] {{\[\[}}0, 1{{\]\]}} output_shape [1, 1] : tensor<1xi8> into tensor<1x1xi8>
// CHECK-NEXT: return %[[EXPANDED_0]] : tensor<1x1xi8>
func.func @reshape_from_scalar(%x: tensor<ui8>) -> tensor<1x1xui8> {
  %0 = thunder_prims.reshape %x : tensor<ui8> -> tensor<1x1xui8>
  return %0 : tensor<1x1xui8>
}

// -----

// Result dim i is operand dim permutation[i].
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1, d2) -> (d1, d2, d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @transpose(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4x2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP1]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[ARG0]] : tensor<2x3x4xf32>) outs(%[[V0]] : tensor<4x2x3xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: linalg.yield %[[IN]] : f32
// CHECK-NEXT: } -> tensor<4x2x3xf32>
// CHECK-NEXT: return %[[V1]] : tensor<4x2x3xf32>
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = thunder_prims.transpose %x, permutation = [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// -----

// CHECK-LABEL: func.func @slice(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x10xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[EXTRACTED_SLICE:[^ ]+]] = tensor.extract_slice %[[ARG0]][1, 2] [2, 3] [1, 3] : tensor<4x10xf32> to tensor<2x3xf32>
// CHECK-NEXT: return %[[EXTRACTED_SLICE]] : tensor<2x3xf32>
func.func @slice(%x: tensor<4x10xf32>) -> tensor<2x3xf32> {
  %0 = thunder_prims.slice %x {start_indices = array<i64: 1, 2>, limit_indices = array<i64: 3, 9>, strides = array<i64: 1, 3>} : tensor<4x10xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// The padding value fills the result; the operand is inserted with stride
// interior + 1.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @pad(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>, %[[ARG1:[^:]+]]: tensor<f32>) -> tensor<4x8xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4x8xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel", "parallel"]} outs(%[[V0]] : tensor<4x8xf32>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[EXTRACTED:[^ ]+]] = tensor.extract %[[ARG1]][] : tensor<f32>
// CHECK-NEXT: linalg.yield %[[EXTRACTED]] : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: %[[INSERTED_SLICE:[^ ]+]] = tensor.insert_slice %[[ARG0]] into %[[V1]][1, 0] [2, 3] [1, 2] : tensor<2x3xf32> into tensor<4x8xf32>
// CHECK-NEXT: return %[[INSERTED_SLICE]] : tensor<4x8xf32>
func.func @pad(%x: tensor<2x3xf32>, %v: tensor<f32>) -> tensor<4x8xf32> {
  %0 = thunder_prims.pad %x, %v {low = array<i64: 1, 0>, high = array<i64: 1, 3>, interior = array<i64: 0, 1>} : tensor<2x3xf32>, tensor<f32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @cat(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi64>, %[[ARG1:[^:]+]]: tensor<2x1xi64>) -> tensor<2x4xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2x4xi64>
// CHECK-NEXT: %[[INSERTED_SLICE:[^ ]+]] = tensor.insert_slice %[[ARG0]] into %[[V0]][0, 0] [2, 3] [1, 1] : tensor<2x3xi64> into tensor<2x4xi64>
// CHECK-NEXT: %[[INSERTED_SLICE_0:[^ ]+]] = tensor.insert_slice %[[ARG1]] into %[[INSERTED_SLICE]][0, 3] [2, 1] [1, 1] : tensor<2x1xi64> into tensor<2x4xi64>
// CHECK-NEXT: return %[[INSERTED_SLICE_0]] : tensor<2x4xi64>
func.func @cat(%x: tensor<2x3xi64>, %y: tensor<2x1xi64>) -> tensor<2x4xi64> {
  %0 = thunder_prims.cat %x, %y {dim = 1 : i64} : tensor<2x3xi64>, tensor<2x1xi64> -> tensor<2x4xi64>
  return %0 : tensor<2x4xi64>
}

// -----

// Dropping (or adding) only size-1 dimensions is an elementwise copy, not a
// collapse_shape: fusion and row tiling go through generics but stop at
// reshapes.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (0, d0, 0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @squeeze(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<1x3x1xf32>) -> tensor<3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP1]]], iterator_types = ["parallel"]} ins(%[[ARG0]] : tensor<1x3x1xf32>) outs(%[[V0]] : tensor<3xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT:[^:]+]]: f32):
// CHECK-NEXT: linalg.yield %[[IN]] : f32
// CHECK-NEXT: } -> tensor<3xf32>
// CHECK-NEXT: return %[[V1]] : tensor<3xf32>
func.func @squeeze(%x: tensor<1x3x1xf32>) -> tensor<3xf32> {
  %0 = thunder_prims.squeeze %x, dims = [0, 2] : tensor<1x3x1xf32> -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @full_f16(
// CHECK-SAME: ) -> tensor<2x3xf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2x3xf16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel", "parallel"]} outs(%[[V0]] : tensor<2x3xf16>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f16):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 1.500000e+00 : f16
// CHECK-NEXT: linalg.yield %[[CST]] : f16
// CHECK-NEXT: } -> tensor<2x3xf16>
// CHECK-NEXT: return %[[V1]] : tensor<2x3xf16>
func.func @full_f16() -> tensor<2x3xf16> {
  %0 = thunder_prims.full 1.5 : f16 : tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// -----

// 200 as ui8 is the i8 bit pattern -56.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @full_u8(
// CHECK-SAME: ) -> tensor<3xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<3xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<3xi8>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[C_56_I8:[^ ]+]] = arith.constant -56 : i8
// CHECK-NEXT: linalg.yield %[[C_56_I8]] : i8
// CHECK-NEXT: } -> tensor<3xi8>
// CHECK-NEXT: return %[[V1]] : tensor<3xi8>
func.func @full_u8() -> tensor<3xui8> {
  %0 = thunder_prims.full 200 : ui8 : tensor<3xui8>
  return %0 : tensor<3xui8>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @full_bool(
// CHECK-SAME: ) -> tensor<3xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<3xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<3xi1>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[TRUE:[^ ]+]] = arith.constant true
// CHECK-NEXT: linalg.yield %[[TRUE]] : i1
// CHECK-NEXT: } -> tensor<3xi1>
// CHECK-NEXT: return %[[V1]] : tensor<3xi1>
func.func @full_bool() -> tensor<3xi1> {
  %0 = thunder_prims.full true : tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// iota computes start + i * step in f64.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @iota_i64(
// CHECK-SAME: ) -> tensor<5xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<5xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<5xi64>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: i64):
// CHECK-NEXT: %[[C0_I64:[^ ]+]] = arith.constant 0 : i64
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.index 0 : index
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.index_cast %[[V2]] : index to i64
// CHECK-NEXT: %[[C5_I64:[^ ]+]] = arith.constant 5 : i64
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.muli %[[C0_I64]], %[[C5_I64]] : i64
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.addi %[[V4]], %[[V3]] : i64
// CHECK-NEXT: %[[V6:[^ ]+]] = arith.sitofp %[[V5]] : i64 to f64
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 2.000000e+00 : f64
// CHECK-NEXT: %[[CST_0:[^ ]+]] = arith.constant 1.000000e+00 : f64
// CHECK-NEXT: %[[V7:[^ ]+]] = arith.mulf %[[V6]], %[[CST]] : f64
// CHECK-NEXT: %[[V8:[^ ]+]] = arith.addf %[[V7]], %[[CST_0]] : f64
// CHECK-NEXT: %[[V9:[^ ]+]] = arith.fptosi %[[V8]] : f64 to i64
// CHECK-NEXT: linalg.yield %[[V9]] : i64
// CHECK-NEXT: } -> tensor<5xi64>
// CHECK-NEXT: return %[[V1]] : tensor<5xi64>
func.func @iota_i64() -> tensor<5xi64> {
  %0 = thunder_prims.iota {start = 1.0 : f64, step = 2.0 : f64} : tensor<5xi64>
  return %0 : tensor<5xi64>
}

// -----

// Counter-based: a SplitMix64 hash of seed + (offset + i) * golden.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @uniform(
// CHECK-SAME: %[[ARG0:[^:]+]]: i64, %[[ARG1:[^:]+]]: i64) -> tensor<2x3xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel", "parallel"]} outs(%[[V0]] : tensor<2x3xf32>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[C0_I64:[^ ]+]] = arith.constant 0 : i64
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.index 0 : index
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.index_cast %[[V2]] : index to i64
// CHECK-NEXT: %[[C2_I64:[^ ]+]] = arith.constant 2 : i64
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.muli %[[C0_I64]], %[[C2_I64]] : i64
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.addi %[[V4]], %[[V3]] : i64
// CHECK-NEXT: %[[V6:[^ ]+]] = linalg.index 1 : index
// CHECK-NEXT: %[[V7:[^ ]+]] = arith.index_cast %[[V6]] : index to i64
// CHECK-NEXT: %[[C3_I64:[^ ]+]] = arith.constant 3 : i64
// CHECK-NEXT: %[[V8:[^ ]+]] = arith.muli %[[V5]], %[[C3_I64]] : i64
// CHECK-NEXT: %[[V9:[^ ]+]] = arith.addi %[[V8]], %[[V7]] : i64
// CHECK-NEXT: %[[V10:[^ ]+]] = arith.addi %[[ARG1]], %[[V9]] : i64
// CHECK-NEXT: %[[C_7046029254386353131_I64:[^ ]+]] = arith.constant -7046029254386353131 : i64
// CHECK-NEXT: %[[V11:[^ ]+]] = arith.muli %[[V10]], %[[C_7046029254386353131_I64]] : i64
// CHECK-NEXT: %[[V12:[^ ]+]] = arith.addi %[[ARG0]], %[[V11]] : i64
// CHECK-NEXT: %[[C30_I64:[^ ]+]] = arith.constant 30 : i64
// CHECK-NEXT: %[[V13:[^ ]+]] = arith.shrui %[[V12]], %[[C30_I64]] : i64
// CHECK-NEXT: %[[V14:[^ ]+]] = arith.xori %[[V12]], %[[V13]] : i64
// CHECK-NEXT: %[[C_4658895280553007687_I64:[^ ]+]] = arith.constant -4658895280553007687 : i64
// CHECK-NEXT: %[[V15:[^ ]+]] = arith.muli %[[V14]], %[[C_4658895280553007687_I64]] : i64
// CHECK-NEXT: %[[C27_I64:[^ ]+]] = arith.constant 27 : i64
// CHECK-NEXT: %[[V16:[^ ]+]] = arith.shrui %[[V15]], %[[C27_I64]] : i64
// CHECK-NEXT: %[[V17:[^ ]+]] = arith.xori %[[V15]], %[[V16]] : i64
// CHECK-NEXT: %[[C_7723592293110705685_I64:[^ ]+]] = arith.constant -7723592293110705685 : i64
// CHECK-NEXT: %[[V18:[^ ]+]] = arith.muli %[[V17]], %[[C_7723592293110705685_I64]] : i64
// CHECK-NEXT: %[[C31_I64:[^ ]+]] = arith.constant 31 : i64
// CHECK-NEXT: %[[V19:[^ ]+]] = arith.shrui %[[V18]], %[[C31_I64]] : i64
// CHECK-NEXT: %[[V20:[^ ]+]] = arith.xori %[[V18]], %[[V19]] : i64
// CHECK-NEXT: %[[C11_I64:[^ ]+]] = arith.constant 11 : i64
// CHECK-NEXT: %[[V21:[^ ]+]] = arith.shrui %[[V20]], %[[C11_I64]] : i64
// CHECK-NEXT: %[[V22:[^ ]+]] = arith.uitofp %[[V21]] : i64 to f64
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 1.1102230246251565E-16 : f64
// CHECK-NEXT: %[[V23:[^ ]+]] = arith.mulf %[[V22]], %[[CST]] : f64
// CHECK-NEXT: %[[CST_0:[^ ]+]] = arith.constant 2.000000e+00 : f64
// CHECK-NEXT: %[[V24:[^ ]+]] = arith.mulf %[[V23]], %[[CST_0]] : f64
// CHECK-NEXT: %[[CST_1:[^ ]+]] = arith.constant -1.000000e+00 : f64
// CHECK-NEXT: %[[V25:[^ ]+]] = arith.addf %[[V24]], %[[CST_1]] : f64
// CHECK-NEXT: %[[V26:[^ ]+]] = arith.truncf %[[V25]] : f64 to f32
// CHECK-NEXT: linalg.yield %[[V26]] : f32
// CHECK-NEXT: } -> tensor<2x3xf32>
// CHECK-NEXT: return %[[V1]] : tensor<2x3xf32>
func.func @uniform(%seed: i64, %offset: i64) -> tensor<2x3xf32> {
  %0 = thunder_prims.uniform %seed, %offset {low = -1.0 : f64, high = 1.0 : f64} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Reductions: an init generic with the identity, then a generic with
// reduction iterators. A float accumulation carries fastmath<reassoc,nsz> so
// LLVM may reorder (vectorise) it; nothing else in a body does.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @sum_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> tensor<2xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<2xf32>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: linalg.yield %[[CST]] : f32
// CHECK-NEXT: } -> tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x3xf32>) outs(%[[V1]] : tensor<2xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT]]: f32):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.addf %[[OUT]], %[[IN]] fastmath<reassoc,nsz> : f32
// CHECK-NEXT: linalg.yield %[[V3]] : f32
// CHECK-NEXT: } -> tensor<2xf32>
// CHECK-NEXT: return %[[V2]] : tensor<2xf32>
func.func @sum_f32(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %0 = thunder_prims.sum %x, dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @prod_i32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi32>) -> tensor<3xi32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<3xi32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<3xi32>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: i32):
// CHECK-NEXT: %[[C1_I32:[^ ]+]] = arith.constant 1 : i32
// CHECK-NEXT: linalg.yield %[[C1_I32]] : i32
// CHECK-NEXT: } -> tensor<3xi32>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["reduction", "parallel"]} ins(%[[ARG0]] : tensor<2x3xi32>) outs(%[[V1]] : tensor<3xi32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i32, %[[OUT]]: i32):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.muli %[[OUT]], %[[IN]] : i32
// CHECK-NEXT: linalg.yield %[[V3]] : i32
// CHECK-NEXT: } -> tensor<3xi32>
// CHECK-NEXT: return %[[V2]] : tensor<3xi32>
func.func @prod_i32(%x: tensor<2x3xi32>) -> tensor<3xi32> {
  %0 = thunder_prims.prod %x, dims = [0] : tensor<2x3xi32> -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// A float product accumulates with a reassociable mulf.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @prod_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> tensor<2xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<2xf32>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: linalg.yield %[[CST]] : f32
// CHECK-NEXT: } -> tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x3xf32>) outs(%[[V1]] : tensor<2xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT]]: f32):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.mulf %[[OUT]], %[[IN]] fastmath<reassoc,nsz> : f32
// CHECK-NEXT: linalg.yield %[[V3]] : f32
// CHECK-NEXT: } -> tensor<2xf32>
// CHECK-NEXT: return %[[V2]] : tensor<2xf32>
func.func @prod_f32(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %0 = thunder_prims.prod %x, dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// An f32 amax is a reassociable llvm.intr.maximum (NaN-propagating) from -inf.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @amax_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> tensor<2xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<2xf32>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 0xFF800000 : f32
// CHECK-NEXT: linalg.yield %[[CST]] : f32
// CHECK-NEXT: } -> tensor<2xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x3xf32>) outs(%[[V1]] : tensor<2xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[OUT]]: f32):
// CHECK-NEXT: %[[V3:[^ ]+]] = llvm.intr.maximum(%[[OUT]], %[[IN]]) {fastmathFlags = #llvm.fastmath<nsz, reassoc>} : (f32, f32) -> f32
// CHECK-NEXT: linalg.yield %[[V3]] : f32
// CHECK-NEXT: } -> tensor<2xf32>
// CHECK-NEXT: return %[[V2]] : tensor<2xf32>
func.func @amax_f32(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %0 = thunder_prims.amax %x, dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// A float max/min over a long innermost dimension is one plain reduction (no
// split into lanes): a reassociable llvm.intr.minimum from +inf, which LLVM
// vectorises itself.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @amin_f64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x64xf64>) -> tensor<2xf64>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2xf64>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<2xf64>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f64):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 0x7FF0000000000000 : f64
// CHECK-NEXT: linalg.yield %[[CST]] : f64
// CHECK-NEXT: } -> tensor<2xf64>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x64xf64>) outs(%[[V1]] : tensor<2xf64>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f64, %[[OUT]]: f64):
// CHECK-NEXT: %[[V3:[^ ]+]] = llvm.intr.minimum(%[[OUT]], %[[IN]]) {fastmathFlags = #llvm.fastmath<nsz, reassoc>} : (f64, f64) -> f64
// CHECK-NEXT: linalg.yield %[[V3]] : f64
// CHECK-NEXT: } -> tensor<2xf64>
// CHECK-NEXT: return %[[V2]] : tensor<2xf64>
func.func @amin_f64(%x: tensor<2x64xf64>) -> tensor<2xf64> {
  %0 = thunder_prims.amin %x, dims = [1] : tensor<2x64xf64> -> tensor<2xf64>
  return %0 : tensor<2xf64>
}

// -----

// amax starts at -inf; f16 compares in f32.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<() -> ()>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @amax_f16(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf16>) -> tensor<f16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<f16>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = []} outs(%[[V0]] : tensor<f16>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f16):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 0xFC00 : f16
// CHECK-NEXT: linalg.yield %[[CST]] : f16
// CHECK-NEXT: } -> tensor<f16>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["reduction", "reduction"]} ins(%[[ARG0]] : tensor<2x3xf16>) outs(%[[V1]] : tensor<f16>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f16, %[[OUT]]: f16):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.extf %[[OUT]] : f16 to f32
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.extf %[[IN]] : f16 to f32
// CHECK-NEXT: %[[V5:[^ ]+]] = llvm.intr.maximum(%[[V3]], %[[V4]]) : (f32, f32) -> f32
// CHECK-NEXT: %[[V6:[^ ]+]] = arith.truncf %[[V5]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[V6]] : f16
// CHECK-NEXT: } -> tensor<f16>
// CHECK-NEXT: return %[[V2]] : tensor<f16>
func.func @amax_f16(%x: tensor<2x3xf16>) -> tensor<f16> {
  %0 = thunder_prims.amax %x, dims = [0, 1] : tensor<2x3xf16> -> tensor<f16>
  return %0 : tensor<f16>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @amax_i8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi8>) -> tensor<2xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<2xi8>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[C_128_I8:[^ ]+]] = arith.constant -128 : i8
// CHECK-NEXT: linalg.yield %[[C_128_I8]] : i8
// CHECK-NEXT: } -> tensor<2xi8>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x3xi8>) outs(%[[V1]] : tensor<2xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT]]: i8):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.maxsi %[[OUT]], %[[IN]] : i8
// CHECK-NEXT: linalg.yield %[[V3]] : i8
// CHECK-NEXT: } -> tensor<2xi8>
// CHECK-NEXT: return %[[V2]] : tensor<2xi8>
func.func @amax_i8(%x: tensor<2x3xi8>) -> tensor<2xi8> {
  %0 = thunder_prims.amax %x, dims = [1] : tensor<2x3xi8> -> tensor<2xi8>
  return %0 : tensor<2xi8>
}

// -----

// amin of ui8 starts at 255 and compares unsigned.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @amin_u8(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi8>) -> tensor<2xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<2xi8>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[C_1_I8:[^ ]+]] = arith.constant -1 : i8
// CHECK-NEXT: linalg.yield %[[C_1_I8]] : i8
// CHECK-NEXT: } -> tensor<2xi8>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x3xi8>) outs(%[[V1]] : tensor<2xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT]]: i8):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.minui %[[OUT]], %[[IN]] : i8
// CHECK-NEXT: linalg.yield %[[V3]] : i8
// CHECK-NEXT: } -> tensor<2xi8>
// CHECK-NEXT: return %[[V2]] : tensor<2xi8>
func.func @amin_u8(%x: tensor<2x3xui8>) -> tensor<2xui8> {
  %0 = thunder_prims.amin %x, dims = [1] : tensor<2x3xui8> -> tensor<2xui8>
  return %0 : tensor<2xui8>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @amin_i64(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi64>) -> tensor<2xi64>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2xi64>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<2xi64>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: i64):
// CHECK-NEXT: %[[C9223372036854775807_I64:[^ ]+]] = arith.constant 9223372036854775807 : i64
// CHECK-NEXT: linalg.yield %[[C9223372036854775807_I64]] : i64
// CHECK-NEXT: } -> tensor<2xi64>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x3xi64>) outs(%[[V1]] : tensor<2xi64>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i64, %[[OUT]]: i64):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.minsi %[[OUT]], %[[IN]] : i64
// CHECK-NEXT: linalg.yield %[[V3]] : i64
// CHECK-NEXT: } -> tensor<2xi64>
// CHECK-NEXT: return %[[V2]] : tensor<2xi64>
func.func @amin_i64(%x: tensor<2x3xi64>) -> tensor<2xi64> {
  %0 = thunder_prims.amin %x, dims = [1] : tensor<2x3xi64> -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @amax_bool(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi1>) -> tensor<2xi1>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2xi1>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%[[V0]] : tensor<2xi1>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: i1):
// CHECK-NEXT: %[[FALSE:[^ ]+]] = arith.constant false
// CHECK-NEXT: linalg.yield %[[FALSE]] : i1
// CHECK-NEXT: } -> tensor<2xi1>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x3xi1>) outs(%[[V1]] : tensor<2xi1>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i1, %[[OUT]]: i1):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.ori %[[OUT]], %[[IN]] : i1
// CHECK-NEXT: linalg.yield %[[V3]] : i1
// CHECK-NEXT: } -> tensor<2xi1>
// CHECK-NEXT: return %[[V2]] : tensor<2xi1>
func.func @amax_bool(%x: tensor<2x3xi1>) -> tensor<2xi1> {
  %0 = thunder_prims.amax %x, dims = [1] : tensor<2x3xi1> -> tensor<2xi1>
  return %0 : tensor<2xi1>
}

// -----

// var_mean of f32 (and f16, bf16): one pass, the sum and the sum of squares
// accumulated together in f64 (a two-result generic); the mean is sum / N and
// the variance max(sum_sq - sum * mean, 0) / (N - correction), both rounded
// to f32 once. Only the two accumulating addf are reassociable.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @var_mean(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>) -> (tensor<2xf32>, tensor<2xf32>)
// CHECK: %[[ZERO:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%{{.+}} : tensor<2xf64>) {
// CHECK: %[[ZERO_SQ:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel"]} outs(%{{.+}} : tensor<2xf64>) {
// CHECK: %[[SUMS:[^ ]+]]:2 = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]], #[[MAP2]]], iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]] : tensor<2x3xf32>) outs(%[[ZERO]], %[[ZERO_SQ]] : tensor<2xf64>, tensor<2xf64>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[SUM:[^:]+]]: f64, %[[SUM_SQ:[^:]+]]: f64):
// CHECK-NEXT: %[[X:[^ ]+]] = arith.extf %[[IN]] : f32 to f64
// CHECK-NEXT: %[[NEW_SUM:[^ ]+]] = arith.addf %[[SUM]], %[[X]] fastmath<reassoc,nsz> : f64
// CHECK-NEXT: %[[SQ:[^ ]+]] = arith.mulf %[[X]], %[[X]] : f64
// CHECK-NEXT: %[[NEW_SUM_SQ:[^ ]+]] = arith.addf %[[SUM_SQ]], %[[SQ]] fastmath<reassoc,nsz> : f64
// CHECK-NEXT: linalg.yield %[[NEW_SUM]], %[[NEW_SUM_SQ]] : f64, f64
// CHECK-NEXT: } -> (tensor<2xf64>, tensor<2xf64>)
// CHECK: %[[MEAN:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[SUMS]]#0 : tensor<2xf64>) outs(%{{.+}} : tensor<2xf32>) {
// CHECK: arith.constant 3.000000e+00 : f64
// CHECK-NEXT: arith.divf
// CHECK-NEXT: arith.truncf %{{.+}} : f64 to f32
// CHECK: %[[VAR:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[SUMS]]#0, %[[SUMS]]#1 : tensor<2xf64>, tensor<2xf64>) outs(%{{.+}} : tensor<2xf32>) {
// CHECK-NEXT: ^bb0(%[[S:[^:]+]]: f64, %[[SS:[^:]+]]: f64, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[N:[^ ]+]] = arith.constant 3.000000e+00 : f64
// CHECK-NEXT: %[[M:[^ ]+]] = arith.divf %[[S]], %[[N]] : f64
// CHECK-NEXT: %[[SM:[^ ]+]] = arith.mulf %[[S]], %[[M]] : f64
// CHECK-NEXT: %[[DEV:[^ ]+]] = arith.subf %[[SS]], %[[SM]] : f64
// CHECK-NEXT: %[[Z:[^ ]+]] = arith.constant 0.000000e+00 : f64
// CHECK-NEXT: %[[POS:[^ ]+]] = llvm.intr.maximum(%[[DEV]], %[[Z]]) : (f64, f64) -> f64
// CHECK-NEXT: %[[D:[^ ]+]] = arith.constant 2.000000e+00 : f64
// CHECK-NEXT: %[[V:[^ ]+]] = arith.divf %[[POS]], %[[D]] : f64
// CHECK-NEXT: %[[V32:[^ ]+]] = arith.truncf %[[V]] : f64 to f32
// CHECK-NEXT: linalg.yield %[[V32]] : f32
// CHECK: return %[[VAR]], %[[MEAN]] : tensor<2xf32>, tensor<2xf32>
func.func @var_mean(%x: tensor<2x3xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %v, %m = thunder_prims.var_mean %x, dims = [1] {correction = 1.0 : f64} : tensor<2x3xf32> -> tensor<2xf32>, tensor<2xf32>
  return %v, %m : tensor<2xf32>, tensor<2xf32>
}

// -----

// f64 has no wider type to accumulate in: two passes, the sum, then the
// squared deviations from the mean.
// CHECK-LABEL: func.func @var_mean_f64(
// CHECK: %[[SUM:[^ ]+]] = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins(%[[ARG0:[^ ]+]] : tensor<2x3xf64>)
// CHECK: arith.addf %{{.+}}, %{{.+}} fastmath<reassoc,nsz> : f64
// CHECK: %[[MEAN:[^ ]+]] = linalg.generic {{.+}} ins(%[[SUM]] : tensor<2xf64>)
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins(%[[ARG0]], %[[MEAN]] : tensor<2x3xf64>, tensor<2xf64>)
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f64, %[[M:[^:]+]]: f64, %[[ACC:[^:]+]]: f64):
// CHECK-NEXT: %[[DEV:[^ ]+]] = arith.subf %[[IN]], %[[M]] : f64
// CHECK-NEXT: %[[SQ:[^ ]+]] = arith.mulf %[[DEV]], %[[DEV]] : f64
// CHECK-NEXT: arith.addf %[[ACC]], %[[SQ]] fastmath<reassoc,nsz> : f64
func.func @var_mean_f64(%x: tensor<2x3xf64>) -> (tensor<2xf64>, tensor<2xf64>) {
  %v, %m = thunder_prims.var_mean %x, dims = [1] {correction = 1.0 : f64} : tensor<2x3xf64> -> tensor<2xf64>, tensor<2xf64>
  return %v, %m : tensor<2xf64>, tensor<2xf64>
}

// -----

// matmul: one generic, k is the reduction dimension. The accumulating addf is
// reassociable; the product mulf is not.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[MAP3:[^ ]+]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul_f32(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xf32>, %[[ARG1:[^:]+]]: tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel", "parallel"]} outs(%[[V0]] : tensor<2x4xf32>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: linalg.yield %[[CST]] : f32
// CHECK-NEXT: } -> tensor<2x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]], #[[MAP3]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[ARG0]], %[[ARG1]] : tensor<2x3xf32>, tensor<3x4xf32>) outs(%[[V1]] : tensor<2x4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %[[IN_0:[^:]+]]: f32, %[[OUT]]: f32):
// CHECK-NEXT: %[[V3:[^ ]+]] = arith.mulf %[[IN]], %[[IN_0]] : f32
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.addf %[[OUT]], %[[V3]] fastmath<reassoc,nsz> : f32
// CHECK-NEXT: linalg.yield %[[V4]] : f32
// CHECK-NEXT: } -> tensor<2x4xf32>
// CHECK-NEXT: return %[[V2]] : tensor<2x4xf32>
func.func @matmul_f32(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = thunder_prims.matmul %a, %b : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// bf16 products accumulate in f32 and round once.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[MAP2:[^ ]+]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-DAG: #[[MAP3:[^ ]+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @matmul_bf16_batched(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x2x3xbf16>, %[[ARG1:[^:]+]]: tensor<5x3x4xbf16>) -> tensor<5x2x4xbf16>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<5x2x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]]], iterator_types = ["parallel", "parallel", "parallel"]} outs(%[[V0]] : tensor<5x2x4xf32>) {
// CHECK-NEXT: ^bb0(%[[OUT:[^:]+]]: f32):
// CHECK-NEXT: %[[CST:[^ ]+]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: linalg.yield %[[CST]] : f32
// CHECK-NEXT: } -> tensor<5x2x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP2]], #[[MAP3]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[ARG0]], %[[ARG1]] : tensor<5x2x3xbf16>, tensor<5x3x4xbf16>) outs(%[[V1]] : tensor<5x2x4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: bf16, %[[IN_0:[^:]+]]: bf16, %[[OUT]]: f32):
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.extf %[[IN]] : bf16 to f32
// CHECK-NEXT: %[[V6:[^ ]+]] = arith.extf %[[IN_0]] : bf16 to f32
// CHECK-NEXT: %[[V7:[^ ]+]] = arith.mulf %[[V5]], %[[V6]] : f32
// CHECK-NEXT: %[[V8:[^ ]+]] = arith.addf %[[OUT]], %[[V7]] fastmath<reassoc,nsz> : f32
// CHECK-NEXT: linalg.yield %[[V8]] : f32
// CHECK-NEXT: } -> tensor<5x2x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = tensor.empty() : tensor<5x2x4xbf16>
// CHECK-NEXT: %[[V4:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[V2]] : tensor<5x2x4xf32>) outs(%[[V3]] : tensor<5x2x4xbf16>) {
// CHECK-NEXT: ^bb0(%[[IN]]: f32, %[[OUT]]: bf16):
// CHECK-NEXT: %[[V5]] = arith.truncf %[[IN]] : f32 to bf16
// CHECK-NEXT: linalg.yield %[[V5]] : bf16
// CHECK-NEXT: } -> tensor<5x2x4xbf16>
// CHECK-NEXT: return %[[V4]] : tensor<5x2x4xbf16>
func.func @matmul_bf16_batched(%a: tensor<5x2x3xbf16>, %b: tensor<5x3x4xbf16>) -> tensor<5x2x4xbf16> {
  %0 = thunder_prims.matmul %a, %b : tensor<5x2x3xbf16>, tensor<5x3x4xbf16> -> tensor<5x2x4xbf16>
  return %0 : tensor<5x2x4xbf16>
}

// -----

// ui8 function signatures become i8; the unsigned meaning stays in divui.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[MAP1:[^ ]+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @u8_signature(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x3xi8>, %[[ARG1:[^:]+]]: tensor<3xi8>) -> tensor<2x3xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<2x3xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP1]]], iterator_types = ["parallel", "parallel"]} ins(%[[ARG1]] : tensor<3xi8>) outs(%[[V0]] : tensor<2x3xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: linalg.yield %[[IN]] : i8
// CHECK-NEXT: } -> tensor<2x3xi8>
// CHECK-NEXT: %[[V2:[^ ]+]] = tensor.empty() : tensor<2x3xi8>
// CHECK-NEXT: %[[V3:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP1]], #[[MAP1]], #[[MAP1]]], iterator_types = ["parallel", "parallel"]} ins(%[[ARG0]], %[[V1]] : tensor<2x3xi8>, tensor<2x3xi8>) outs(%[[V2]] : tensor<2x3xi8>) {
// CHECK-NEXT: ^bb0(%[[IN]]: i8, %[[IN_0:[^:]+]]: i8, %[[OUT]]: i8):
// CHECK-NEXT: %[[C0_I8:[^ ]+]] = arith.constant 0 : i8
// CHECK-NEXT: %[[C1_I8:[^ ]+]] = arith.constant 1 : i8
// CHECK-NEXT: %[[V4:[^ ]+]] = arith.cmpi eq, %[[IN_0]], %[[C0_I8]] : i8
// CHECK-NEXT: %[[V5:[^ ]+]] = arith.select %[[V4]], %[[C1_I8]], %[[IN_0]] : i8
// CHECK-NEXT: %[[V6:[^ ]+]] = arith.divui %[[IN]], %[[V5]] : i8
// CHECK-NEXT: linalg.yield %[[V6]] : i8
// CHECK-NEXT: } -> tensor<2x3xi8>
// CHECK-NEXT: return %[[V3]] : tensor<2x3xi8>
func.func @u8_signature(%x: tensor<2x3xui8>, %y: tensor<3xui8>) -> tensor<2x3xui8> {
  %0 = thunder_prims.broadcast_in_dim %y, dims = [1] : tensor<3xui8> -> tensor<2x3xui8>
  %1 = thunder_prims.div %x, %0 : tensor<2x3xui8>
  return %1 : tensor<2x3xui8>
}

// -----

// A non-prim op keeps seeing ui8: casts mark where the i8 carrier meets it.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @u8_through_opaque(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = builtin.unrealized_conversion_cast %[[ARG0]] : tensor<4xi8> to tensor<4xui8>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_torch.opaque "aten::foo"(%[[V0]]) : (tensor<4xui8>) -> tensor<4xui8>
// CHECK-NEXT: %[[V2:[^ ]+]] = builtin.unrealized_conversion_cast %[[V1]] : tensor<4xui8> to tensor<4xi8>
// CHECK-NEXT: %[[V3:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V4:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[V2]] : tensor<4xi8>) outs(%[[V3]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[C0_I8:[^ ]+]] = arith.constant 0 : i8
// CHECK-NEXT: %[[V8:[^ ]+]] = arith.subi %[[C0_I8]], %[[IN]] : i8
// CHECK-NEXT: linalg.yield %[[V8]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: %[[V5:[^ ]+]] = builtin.unrealized_conversion_cast %[[V4]] : tensor<4xi8> to tensor<4xui8>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_torch.opaque "aten::bar"(%[[V5]]) : (tensor<4xui8>) -> tensor<4xui8>
// CHECK-NEXT: %[[V7:[^ ]+]] = builtin.unrealized_conversion_cast %[[V6]] : tensor<4xui8> to tensor<4xi8>
// CHECK-NEXT: return %[[V7]] : tensor<4xi8>
func.func @u8_through_opaque(%x: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_torch.opaque "aten::foo"(%x) : (tensor<4xui8>) -> tensor<4xui8>
  %1 = thunder_prims.neg %0 : tensor<4xui8>
  %2 = thunder_torch.opaque "aten::bar"(%1) : (tensor<4xui8>) -> tensor<4xui8>
  return %2 : tensor<4xui8>
}

// -----

// Calls and declarations get i8 signatures too.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func private @u8_callee(
// CHECK-SAME: tensor<4xi8>) -> tensor<4xi8>
// CHECK-LABEL: func.func @u8_call(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = call @u8_callee(%[[ARG0]]) : (tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V2:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[V0]] : tensor<4xi8>) outs(%[[V1]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: linalg.yield %[[IN]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: return %[[V2]] : tensor<4xi8>
func.func private @u8_callee(tensor<4xui8>) -> tensor<4xui8>
func.func @u8_call(%x: tensor<4xui8>) -> tensor<4xui8> {
  %0 = func.call @u8_callee(%x) : (tensor<4xui8>) -> tensor<4xui8>
  %1 = thunder_prims.abs %0 : tensor<4xui8>
  return %1 : tensor<4xui8>
}

// -----

// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @u8_in_fusion(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: %[[V0:[^ ]+]] = builtin.unrealized_conversion_cast %[[ARG0]] : tensor<4xi8> to tensor<4xui8>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_exec.fusion "thunder_cpu"(%[[V0]]) : (tensor<4xui8>) -> tensor<4xui8> {
// CHECK-NEXT: ^bb0(%[[ARG1:[^:]+]]: tensor<4xui8>):
// CHECK-NEXT: %[[V3:[^ ]+]] = builtin.unrealized_conversion_cast %[[ARG1]] : tensor<4xui8> to tensor<4xi8>
// CHECK-NEXT: %[[V4:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V5:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[V3]] : tensor<4xi8>) outs(%[[V4]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[C_1_I8:[^ ]+]] = arith.constant -1 : i8
// CHECK-NEXT: %[[V7:[^ ]+]] = arith.xori %[[IN]], %[[C_1_I8]] : i8
// CHECK-NEXT: linalg.yield %[[V7]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: %[[V6:[^ ]+]] = builtin.unrealized_conversion_cast %[[V5]] : tensor<4xi8> to tensor<4xui8>
// CHECK-NEXT: thunder_exec.yield %[[V6]] : tensor<4xui8>
// CHECK-NEXT: }
// CHECK-NEXT: %[[V2:[^ ]+]] = builtin.unrealized_conversion_cast %[[V1]] : tensor<4xui8> to tensor<4xi8>
// CHECK-NEXT: return %[[V2]] : tensor<4xi8>
func.func @u8_in_fusion(%a: tensor<4xui8>) -> tensor<4xui8> {
  %r = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<4xui8>) -> tensor<4xui8> {
  ^bb0(%x: tensor<4xui8>):
    %s = thunder_prims.bitwise_not %x : tensor<4xui8>
    thunder_exec.yield %s : tensor<4xui8>
  }
  return %r : tensor<4xui8>
}

// -----

// Arguments of other types (index, memrefs) are left alone; they used to abort
// the signature rewrite.
// CHECK-DAG: #[[MAP:[^ ]+]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func private @print(
// CHECK-SAME: memref<*xf32>)
// CHECK-LABEL: func.func @other_argument_types(
// CHECK-SAME: %[[ARG0:[^:]+]]: index, %[[ARG1:[^:]+]]: memref<4xf32>, %[[ARG2:[^:]+]]: tensor<4xi8>) -> (index, tensor<4xi8>)
// CHECK-NEXT: %[[V0:[^ ]+]] = tensor.empty() : tensor<4xi8>
// CHECK-NEXT: %[[V1:[^ ]+]] = linalg.generic {indexing_maps = [#[[MAP]], #[[MAP]]], iterator_types = ["parallel"]} ins(%[[ARG2]] : tensor<4xi8>) outs(%[[V0]] : tensor<4xi8>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: i8, %[[OUT:[^:]+]]: i8):
// CHECK-NEXT: %[[C0_I8:[^ ]+]] = arith.constant 0 : i8
// CHECK-NEXT: %[[V2:[^ ]+]] = arith.subi %[[C0_I8]], %[[IN]] : i8
// CHECK-NEXT: linalg.yield %[[V2]] : i8
// CHECK-NEXT: } -> tensor<4xi8>
// CHECK-NEXT: %[[CAST:[^ ]+]] = memref.cast %[[ARG1]] : memref<4xf32> to memref<*xf32>
// CHECK-NEXT: call @print(%[[CAST]]) : (memref<*xf32>) -> ()
// CHECK-NEXT: return %[[ARG0]], %[[V1]] : index, tensor<4xi8>
func.func private @print(memref<*xf32>)
func.func @other_argument_types(%n: index, %m: memref<4xf32>, %x: tensor<4xui8>) -> (index, tensor<4xui8>) {
  %0 = thunder_prims.neg %x : tensor<4xui8>
  %u = memref.cast %m : memref<4xf32> to memref<*xf32>
  func.call @print(%u) : (memref<*xf32>) -> ()
  return %n, %0 : index, tensor<4xui8>
}
