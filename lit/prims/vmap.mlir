// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-prims-vmap)' | FileCheck %s

// Every prim's batching rule (passes/prims/rules), through `thunder-prims-vmap`
// over a batch of 5 (the batch moved to dimension 0, unbatched operands
// broadcast where an op needs them). Numbers: tests/python/test_autograd_ops.py.

// CHECK-LABEL: func.func @exp(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.exp %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @exp(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.exp %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @exp2(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.exp2 %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @exp2(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.exp2 %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @expm1(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.expm1 %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @expm1(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.expm1 %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @log(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.log %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @log(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.log %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @log2(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.log2 %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @log2(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.log2 %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @log10(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.log10 %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @log10(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.log10 %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @log1p(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.log1p %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @log1p(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.log1p %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @sqrt(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sqrt %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @sqrt(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.sqrt %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @rsqrt(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.rsqrt %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @rsqrt(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.rsqrt %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @sin(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sin %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @sin(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.sin %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @cos(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.cos %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @cos(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.cos %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @tan(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.tan %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @tan(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.tan %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @tanh(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.tanh %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @tanh(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.tanh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @asin(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.asin %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @asin(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.asin %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @acos(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.acos %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @acos(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.acos %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @atan(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.atan %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @atan(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.atan %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @sinh(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sinh %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @sinh(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.sinh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @cosh(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.cosh %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @cosh(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.cosh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @erf(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.erf %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @erf(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.erf %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @reciprocal(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.reciprocal %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @reciprocal(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.reciprocal %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @sigmoid(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sigmoid %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @sigmoid(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.sigmoid %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @floor(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.floor %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @floor(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.floor %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @ceil(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.ceil %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @ceil(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.ceil %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @round(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.round %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @round(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.round %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @trunc(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.trunc %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @trunc(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.trunc %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @neg(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.neg %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @neg(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.neg %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @abs(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.abs %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @abs(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.abs %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @sign(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.sign %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @sign(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.sign %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @stop_gradient(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.stop_gradient %[[ARG0]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x4xf32>
func.func @stop_gradient(%x: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.stop_gradient %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @add(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.add %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @add(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.add %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @sub(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.sub %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @sub(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.sub %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @mul(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @mul(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.mul %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @div(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.div %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @div(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.div %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @fmod(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.fmod %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @fmod(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.fmod %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @pow(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.pow %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @pow(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.pow %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @maximum(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.maximum %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @maximum(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.maximum %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @minimum(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.minimum %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @minimum(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.minimum %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// CHECK-LABEL: func.func @atan2(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.atan2 %[[ARG0]], %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @atan2(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.atan2 %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----
// Integer and bool ops carry no gradient: only x gets one.
// CHECK-LABEL: func.func @bitwise_and_or_xor_not(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<5x4xi32>, %[[ARG2:[^:]+]]: tensor<4xi32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG2]], dims = [1] : tensor<4xi32> -> tensor<5x4xi32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.bitwise_and %[[ARG1]], %[[V3]] : tensor<5x4xi32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG2]], dims = [1] : tensor<4xi32> -> tensor<5x4xi32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.bitwise_or %[[V4]], %[[V5]] : tensor<5x4xi32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.bitwise_xor %[[V6]], %[[ARG1]] : tensor<5x4xi32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.bitwise_not %[[V7]] : tensor<5x4xi32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.convert_element_type %[[V8]] : tensor<5x4xi32> to tensor<5x4xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[V9]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V10]] : tensor<5x4xf32>
func.func @bitwise_and_or_xor_not(%x: tensor<4xf32>, %i: tensor<4xi32>, %j: tensor<4xi32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.bitwise_and %i, %j : tensor<4xi32>
  %1 = thunder_prims.bitwise_or %0, %j : tensor<4xi32>
  %2 = thunder_prims.bitwise_xor %1, %i : tensor<4xi32>
  %3 = thunder_prims.bitwise_not %2 : tensor<4xi32>
  %4 = thunder_prims.convert_element_type %3 : tensor<4xi32> to tensor<4xf32>
  %5 = thunder_prims.mul %x, %4 : tensor<4xf32>
  return %5 : tensor<4xf32>
}

// -----
// Comparisons give no gradient; where routes the cotangent to the branch it took.
// CHECK-LABEL: func.func @compare_where(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.eq %[[ARG0]], %[[ARG1]] : tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.ne %[[ARG0]], %[[ARG1]] : tensor<5x4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.lt %[[ARG0]], %[[ARG1]] : tensor<5x4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.le %[[ARG0]], %[[ARG1]] : tensor<5x4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.gt %[[ARG0]], %[[ARG1]] : tensor<5x4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.ge %[[ARG0]], %[[ARG1]] : tensor<5x4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.bitwise_and %[[V2]], %[[V3]] : tensor<5x4xi1>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.bitwise_or %[[V4]], %[[V5]] : tensor<5x4xi1>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.bitwise_xor %[[V6]], %[[V7]] : tensor<5x4xi1>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.bitwise_and %[[V8]], %[[V9]] : tensor<5x4xi1>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.bitwise_or %[[V11]], %[[V10]] : tensor<5x4xi1>
// CHECK-NEXT: %[[V13:[^ ]+]] = thunder_prims.where %[[V12]], %[[ARG0]], %[[ARG1]] : tensor<5x4xi1>, tensor<5x4xf32>
// CHECK-NEXT: return %[[V13]] : tensor<5x4xf32>
func.func @compare_where(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %c0 = thunder_prims.eq %x, %y : tensor<4xf32>
  %c1 = thunder_prims.ne %x, %y : tensor<4xf32>
  %c2 = thunder_prims.lt %x, %y : tensor<4xf32>
  %c3 = thunder_prims.le %x, %y : tensor<4xf32>
  %c4 = thunder_prims.gt %x, %y : tensor<4xf32>
  %c5 = thunder_prims.ge %x, %y : tensor<4xf32>
  %a = thunder_prims.bitwise_and %c0, %c1 : tensor<4xi1>
  %b = thunder_prims.bitwise_or %c2, %c3 : tensor<4xi1>
  %c = thunder_prims.bitwise_xor %c4, %c5 : tensor<4xi1>
  %d = thunder_prims.bitwise_and %a, %b : tensor<4xi1>
  %e = thunder_prims.bitwise_or %d, %c : tensor<4xi1>
  %r = thunder_prims.where %e, %x, %y : tensor<4xi1>, tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----
// Between floats the cotangent converts back; to an integer it stops.
// CHECK-LABEL: func.func @convert_element_type(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>) -> tensor<5x4xf64>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<5x4xf32> to tensor<5x4xf64>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.convert_element_type %[[ARG0]] : tensor<5x4xf32> to tensor<5x4xi32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.convert_element_type %[[V2]] : tensor<5x4xi32> to tensor<5x4xf64>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.mul %[[V1]], %[[V3]] : tensor<5x4xf64>
// CHECK-NEXT: return %[[V4]] : tensor<5x4xf64>
func.func @convert_element_type(%x: tensor<4xf32>) -> (tensor<4xf64>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.convert_element_type %x : tensor<4xf32> to tensor<4xf64>
  %1 = thunder_prims.convert_element_type %x : tensor<4xf32> to tensor<4xi32>
  %2 = thunder_prims.convert_element_type %1 : tensor<4xi32> to tensor<4xf64>
  %3 = thunder_prims.mul %0, %2 : tensor<4xf64>
  return %3 : tensor<4xf64>
}

// -----
// Creation ops take no tensor: nothing flows into them.
// CHECK-LABEL: func.func @from_scalar_full_iota(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: f64) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.from_scalar %[[ARG1]] : f64 to tensor<f32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V2]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.full 2.000000e+00 : f32 : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.iota {start = 0.000000e+00 : f64, step = 1.000000e+00 : f64} : tensor<4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V3]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[V6]] : tensor<5x4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V4]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.add %[[V7]], %[[V8]] : tensor<5x4xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V5]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.mul %[[V9]], %[[V10]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V11]] : tensor<5x4xf32>
func.func @from_scalar_full_iota(%x: tensor<4xf32>, %s: f64) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.from_scalar %s : f64 to tensor<f32>
  %1 = thunder_prims.broadcast_in_dim %0, dims = [] : tensor<f32> -> tensor<4xf32>
  %2 = thunder_prims.full 2.0 : f32 : tensor<4xf32>
  %3 = thunder_prims.iota {start = 0.0 : f64, step = 1.0 : f64} : tensor<4xf32>
  %4 = thunder_prims.mul %x, %1 : tensor<4xf32>
  %5 = thunder_prims.add %4, %2 : tensor<4xf32>
  %6 = thunder_prims.mul %5, %3 : tensor<4xf32>
  return %6 : tensor<4xf32>
}

// -----
// Random numbers from an explicit seed and offset are a constant to the transforms.
// CHECK-LABEL: func.func @uniform(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: i64, %[[ARG2:[^:]+]]: i64) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.uniform %[[ARG1]], %[[ARG2]] {high = 1.000000e+00 : f64, low = 0.000000e+00 : f64} : tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.broadcast_in_dim %[[V3]], dims = [1] : tensor<4xf32> -> tensor<5x4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[V4]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V5]] : tensor<5x4xf32>
func.func @uniform(%x: tensor<4xf32>, %seed: i64, %offset: i64) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.uniform %seed, %offset {low = 0.0 : f64, high = 1.0 : f64} : tensor<4xf32>
  %1 = thunder_prims.mul %x, %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----
// The transpose of a broadcast sums over the broadcast dimensions.
// CHECK-LABEL: func.func @broadcast_in_dim(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x3xf32>, %[[ARG1:[^:]+]]: tensor<5x1x3xf32>) -> tensor<5x2x3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG0]], dims = [0, 2] : tensor<5x3xf32> -> tensor<5x2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [0, 1, 2] : tensor<5x1x3xf32> -> tensor<5x2x3xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.mul %[[V2]], %[[V3]] : tensor<5x2x3xf32>
// CHECK-NEXT: return %[[V4]] : tensor<5x2x3xf32>
func.func @broadcast_in_dim(%x: tensor<3xf32>, %y: tensor<1x3xf32>) -> (tensor<2x3xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.broadcast_in_dim %x, dims = [1] : tensor<3xf32> -> tensor<2x3xf32>
  %1 = thunder_prims.broadcast_in_dim %y, dims = [0, 1] : tensor<1x3xf32> -> tensor<2x3xf32>
  %2 = thunder_prims.mul %0, %1 : tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}

// -----
// CHECK-LABEL: func.func @reshape_squeeze(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x1x5x3xf32>) -> tensor<5x3x2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [2, 0, 1, 3] : tensor<2x1x5x3xf32> -> tensor<5x2x1x3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.squeeze %[[V1]], dims = [2] : tensor<5x2x1x3xf32> -> tensor<5x2x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.reshape %[[V2]] : tensor<5x2x3xf32> -> tensor<5x3x2xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x3x2xf32>
func.func @reshape_squeeze(%x: tensor<2x1x3xf32>) -> (tensor<3x2xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 2>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.squeeze %x, dims = [1] : tensor<2x1x3xf32> -> tensor<2x3xf32>
  %1 = thunder_prims.reshape %0 : tensor<2x3xf32> -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}

// -----
// CHECK-LABEL: func.func @transpose(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x5x3x4xf32>) -> tensor<5x4x2x3xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [1, 0, 2, 3] : tensor<2x5x3x4xf32> -> tensor<5x2x3x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.transpose %[[V1]], permutation = [0, 3, 1, 2] : tensor<5x2x3x4xf32> -> tensor<5x4x2x3xf32>
// CHECK-NEXT: return %[[V2]] : tensor<5x4x2x3xf32>
func.func @transpose(%x: tensor<2x3x4xf32>) -> (tensor<4x2x3xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.transpose %x, permutation = [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// -----
// A strided slice's cotangent is padded back with zeros, the skipped elements as interior padding.
// CHECK-LABEL: func.func @slice(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x6x4xf32>) -> tensor<5x3x4xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.slice %[[ARG0]] {limit_indices = array<i64: 5, 6, 4>, start_indices = array<i64: 0, 1, 0>, strides = array<i64: 1, 2, 1>} : tensor<5x6x4xf32> -> tensor<5x3x4xf32>
// CHECK-NEXT: return %[[V1]] : tensor<5x3x4xf32>
func.func @slice(%x: tensor<6x4xf32>) -> (tensor<3x4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.slice %x {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 6, 4>, strides = array<i64: 2, 1>} : tensor<6x4xf32> -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----
// The operand's cotangent is the slice it landed in; the padding value's is the sum of the rest.
// CHECK-LABEL: func.func @pad(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x3xf32>, %[[ARG1:[^:]+]]: tensor<5xf32>) -> tensor<5x8xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<f32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.full 1.000000e+00 : f32 : tensor<f32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.pad %[[ARG0]], %[[V2]] {high = array<i64: 0, 2>, interior = array<i64: 0, 1>, low = array<i64: 0, 1>} : tensor<5x3xf32>, tensor<f32> -> tensor<5x8xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.full 0.000000e+00 : f32 : tensor<5x3xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.pad %[[V5]], %[[V3]] {high = array<i64: 0, 2>, interior = array<i64: 0, 1>, low = array<i64: 0, 1>} : tensor<5x3xf32>, tensor<f32> -> tensor<5x8xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [0] : tensor<5xf32> -> tensor<5x8xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.mul %[[V6]], %[[V7]] : tensor<5x8xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.add %[[V4]], %[[V8]] : tensor<5x8xf32>
// CHECK-NEXT: return %[[V9]] : tensor<5x8xf32>
func.func @pad(%x: tensor<3xf32>, %v: tensor<f32>) -> (tensor<8xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.pad %x, %v {low = array<i64: 1>, high = array<i64: 2>, interior = array<i64: 1>} : tensor<3xf32>, tensor<f32> -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----
// CHECK-LABEL: func.func @cat(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x2x3xf32>, %[[ARG1:[^:]+]]: tensor<2x1xf32>) -> tensor<5x2x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG1]], dims = [1, 2] : tensor<2x1xf32> -> tensor<5x2x1xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.cat %[[ARG0]], %[[V2]] {dim = 2 : i64} : tensor<5x2x3xf32>, tensor<5x2x1xf32> -> tensor<5x2x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x2x4xf32>
func.func @cat(%x: tensor<2x3xf32>, %y: tensor<2x1xf32>) -> (tensor<2x4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.cat %x, %y {dim = 1 : i64} : tensor<2x3xf32>, tensor<2x1xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----
// CHECK-LABEL: func.func @sum(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x5x3xf32>) -> tensor<5x2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [1, 0, 2] : tensor<2x5x3xf32> -> tensor<5x2x3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.sum %[[V1]], dims = [2] : tensor<5x2x3xf32> -> tensor<5x2xf32>
// CHECK-NEXT: return %[[V2]] : tensor<5x2xf32>
func.func @sum(%x: tensor<2x3xf32>) -> (tensor<2xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.sum %x, dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----
// CHECK-LABEL: func.func @prod(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x5x3xf32>) -> tensor<5x2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [1, 0, 2] : tensor<2x5x3xf32> -> tensor<5x2x3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.prod %[[V1]], dims = [2] : tensor<5x2x3xf32> -> tensor<5x2xf32>
// CHECK-NEXT: return %[[V2]] : tensor<5x2xf32>
func.func @prod(%x: tensor<2x3xf32>) -> (tensor<2xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.prod %x, dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----
// CHECK-LABEL: func.func @amax(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x5x3xf32>) -> tensor<5x2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [1, 0, 2] : tensor<2x5x3xf32> -> tensor<5x2x3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.amax %[[V1]], dims = [2] : tensor<5x2x3xf32> -> tensor<5x2xf32>
// CHECK-NEXT: return %[[V2]] : tensor<5x2xf32>
func.func @amax(%x: tensor<2x3xf32>) -> (tensor<2xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.amax %x, dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----
// CHECK-LABEL: func.func @amin(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<2x5x3xf32>) -> tensor<5x2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [1, 0, 2] : tensor<2x5x3xf32> -> tensor<5x2x3xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.amin %[[V1]], dims = [2] : tensor<5x2x3xf32> -> tensor<5x2xf32>
// CHECK-NEXT: return %[[V2]] : tensor<5x2xf32>
func.func @amin(%x: tensor<2x3xf32>) -> (tensor<2xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.amin %x, dims = [1] : tensor<2x3xf32> -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----
// CHECK-LABEL: func.func @var_mean(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x2x3xf32>) -> tensor<5x2xf32>
// CHECK-NEXT: %[[V1:[^ ]+]], %[[V2:[^ ]+]] = thunder_prims.var_mean %[[ARG0]], dims = [2] {correction = 1.000000e+00 : f64} : tensor<5x2x3xf32> -> tensor<5x2xf32>, tensor<5x2xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.add %[[V1]], %[[V2]] : tensor<5x2xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x2xf32>
func.func @var_mean(%x: tensor<2x3xf32>) -> (tensor<2xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0:2 = thunder_prims.var_mean %x, dims = [1] {correction = 1.0 : f64} : tensor<2x3xf32> -> tensor<2xf32>, tensor<2xf32>
  %1 = thunder_prims.add %0#0, %0#1 : tensor<2xf32>
  return %1 : tensor<2xf32>
}

// -----
// CHECK-LABEL: func.func @matmul(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x2x3xf32>, %[[ARG1:[^:]+]]: tensor<3x4xf32>) -> tensor<5x2x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.reshape %[[ARG0]] : tensor<5x2x3xf32> -> tensor<10x3xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.matmul %[[V2]], %[[ARG1]] : tensor<10x3xf32>, tensor<3x4xf32> -> tensor<10x4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.reshape %[[V3]] : tensor<10x4xf32> -> tensor<5x2x4xf32>
// CHECK-NEXT: return %[[V4]] : tensor<5x2x4xf32>
func.func @matmul(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> (tensor<2x4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_prims.matmul %a, %b : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----
// The torch executor's ops differentiate and batch through torch: another call of the same callee with the transform in args.transforms.
// CHECK-LABEL: func.func @opaque(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<5x4xf32>, %[[ARG1:[^:]+]]: tensor<4xi64>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_torch.opaque "torch::aten.cumsum.default"(%[[ARG0]]) {args = {index = 0 : i64, transforms = [{inputs = array<i64: 0>, kind = "vmap", outputs = array<i64>}]}} : (tensor<5x4xf32>) -> tensor<5x4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.exp %[[V2]] : tensor<5x4xf32>
// CHECK-NEXT: return %[[V3]] : tensor<5x4xf32>
func.func @opaque(%x: tensor<4xf32>, %i: tensor<4xi64>) -> (tensor<4xf32>) attributes {thunder.transforms = [{kind = "vmap", in_dims = array<i64: 0, -1>, out_dims = array<i64: 0>, size = 5 : i64}]} {
  %0 = thunder_torch.opaque "torch::aten.cumsum.default"(%x) {args = {index = 0 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = thunder_prims.exp %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}
