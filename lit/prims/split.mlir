// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-prims-split-forward-backward)' | FileCheck %s

// `thunder-prims-split-forward-backward`: the forward is what the outputs
// need; the rest is the backward, in a module of its own. What the backward
// reads from the forward comes back from it as `thunder.saved` results;
// primal arguments are passed to the backward directly; each backward
// argument says what it is. (Without thunder-prims-remat first, tanh's and
// exp's results are both saved.) In the second function the bool output
// needs no cotangent and the torch call's VJP runs in the backward.

// CHECK-LABEL: func.func @tanh_matmul(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x3xf32>, %[[ARG1:[^:]+]]: tensor<3x5xf32>) -> (tensor<f32>, tensor<4x5xf32> {thunder.saved = 0 : i64}, tensor<4x5xf32> {thunder.saved = 1 : i64}) attributes {thunder.forward = {outputs = 1 : i64, saved = 2 : i64}}
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.matmul %[[ARG0]], %[[ARG1]] : tensor<4x3xf32>, tensor<3x5xf32> -> tensor<4x5xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.tanh %[[V2]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.exp %[[V3]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.sum %[[V4]], dims = [0, 1] : tensor<4x5xf32> -> tensor<f32>
// CHECK-NEXT: return %[[V5]], %[[V4]], %[[V3]] : tensor<f32>, tensor<4x5xf32>, tensor<4x5xf32>
// CHECK-LABEL: func.func @tanh_matmul(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x5xf32> {thunder.saved = 0 : i64}, %[[ARG1:[^:]+]]: tensor<4x5xf32> {thunder.saved = 1 : i64}, %[[ARG2:[^:]+]]: tensor<3x5xf32> {thunder.primal = 1 : i64}, %[[ARG3:[^:]+]]: tensor<4x3xf32> {thunder.primal = 0 : i64}, %[[ARG4:[^:]+]]: tensor<f32> {thunder.cotangent_of = 0 : i64}) -> (tensor<4x3xf32> {thunder.grad_of = 0 : i64}, tensor<3x5xf32> {thunder.grad_of = 1 : i64}) attributes {thunder.backward = {active_outputs = array<i64: 0>, cotangents = array<i64: 0>, gradients = array<i64: 0, 1>, outputs = 1 : i64, primals = 2 : i64}}
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG4]], dims = [] : tensor<f32> -> tensor<4x5xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.mul %[[V5]], %[[ARG0]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.full 1.000000e+00 : f32 : tensor<4x5xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.mul %[[ARG1]], %[[ARG1]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.sub %[[V7]], %[[V8]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.mul %[[V6]], %[[V9]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.transpose %[[ARG2]], permutation = [1, 0] : tensor<3x5xf32> -> tensor<5x3xf32>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.matmul %[[V10]], %[[V11]] : tensor<4x5xf32>, tensor<5x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT: %[[V13:[^ ]+]] = thunder_prims.transpose %[[ARG3]], permutation = [1, 0] : tensor<4x3xf32> -> tensor<3x4xf32>
// CHECK-NEXT: %[[V14:[^ ]+]] = thunder_prims.matmul %[[V13]], %[[V10]] : tensor<3x4xf32>, tensor<4x5xf32> -> tensor<3x5xf32>
// CHECK-NEXT: return %[[V12]], %[[V14]] : tensor<4x3xf32>, tensor<3x5xf32>
module {
  func.func @tanh_matmul(%arg0: tensor<4x3xf32>, %arg1: tensor<3x5xf32>, %arg2: tensor<f32> {thunder.cotangent_of = 0 : i64}) -> (tensor<f32>, tensor<4x3xf32> {thunder.grad_of = 0 : i64}, tensor<3x5xf32> {thunder.grad_of = 1 : i64}) attributes {thunder.joint = {active_outputs = array<i64: 0>, cotangents = array<i64: 0>, gradients = array<i64: 0, 1>, outputs = 1 : i64, primals = 2 : i64}} {
    %0 = thunder_prims.matmul %arg0, %arg1 : tensor<4x3xf32>, tensor<3x5xf32> -> tensor<4x5xf32>
    %1 = thunder_prims.tanh %0 : tensor<4x5xf32>
    %2 = thunder_prims.exp %1 : tensor<4x5xf32>
    %3 = thunder_prims.sum %2, dims = [0, 1] : tensor<4x5xf32> -> tensor<f32>
    %4 = thunder_prims.broadcast_in_dim %arg2, dims = [] : tensor<f32> -> tensor<4x5xf32>
    %5 = thunder_prims.mul %4, %2 : tensor<4x5xf32>
    %6 = thunder_prims.full 1.000000e+00 : f32 : tensor<4x5xf32>
    %7 = thunder_prims.mul %1, %1 : tensor<4x5xf32>
    %8 = thunder_prims.sub %6, %7 : tensor<4x5xf32>
    %9 = thunder_prims.mul %5, %8 : tensor<4x5xf32>
    %10 = thunder_prims.transpose %arg1, permutation = [1, 0] : tensor<3x5xf32> -> tensor<5x3xf32>
    %11 = thunder_prims.matmul %9, %10 : tensor<4x5xf32>, tensor<5x3xf32> -> tensor<4x3xf32>
    %12 = thunder_prims.transpose %arg0, permutation = [1, 0] : tensor<4x3xf32> -> tensor<3x4xf32>
    %13 = thunder_prims.matmul %12, %9 : tensor<3x4xf32>, tensor<4x5xf32> -> tensor<3x5xf32>
    return %3, %11, %13 : tensor<f32>, tensor<4x3xf32>, tensor<3x5xf32>
  }
}

// -----
// CHECK-LABEL: func.func @opaque(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>, tensor<4xf32> {thunder.saved = 0 : i64}, tensor<4xf32> {thunder.saved = 1 : i64}) attributes {thunder.forward = {outputs = 2 : i64, saved = 2 : i64}}
// CHECK-NEXT: %[[V2:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_torch.opaque "torch::aten.cumsum.default"(%[[V2]]) {args = {index = 0 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.sin %[[V3]] : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.gt %[[V4]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: return %[[V4]], %[[V5]], %[[V3]], %[[V2]] : tensor<4xf32>, tensor<4xi1>, tensor<4xf32>, tensor<4xf32>
// CHECK-LABEL: func.func @opaque(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32> {thunder.saved = 0 : i64}, %[[ARG1:[^:]+]]: tensor<4xf32> {thunder.saved = 1 : i64}, %[[ARG2:[^:]+]]: tensor<4xf32> {thunder.primal = 1 : i64}, %[[ARG3:[^:]+]]: tensor<4xf32> {thunder.cotangent_of = 0 : i64}) -> (tensor<4xf32> {thunder.grad_of = 0 : i64}) attributes {thunder.backward = {active_outputs = array<i64: 0>, cotangents = array<i64: 0>, gradients = array<i64: 0>, outputs = 2 : i64, primals = 2 : i64}}
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.cos %[[ARG0]] : tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.mul %[[ARG3]], %[[V4]] : tensor<4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_torch.opaque "torch::aten.cumsum.default"(%[[ARG1]], %[[V5]]) {args = {index = 0 : i64, transforms = [{inputs = array<i64: 0>, kind = "vjp", outputs = array<i64: 0>}]}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.mul %[[V6]], %[[ARG2]] : tensor<4xf32>
// CHECK-NEXT: return %[[V7]] : tensor<4xf32>
module {
  func.func @opaque(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>, %arg2: tensor<4xf32> {thunder.cotangent_of = 0 : i64}) -> (tensor<4xf32>, tensor<4xi1>, tensor<4xf32> {thunder.grad_of = 0 : i64}) attributes {thunder.joint = {active_outputs = array<i64: 0>, cotangents = array<i64: 0>, gradients = array<i64: 0>, outputs = 2 : i64, primals = 2 : i64}} {
    %0 = thunder_prims.mul %arg0, %arg1 : tensor<4xf32>
    %1 = thunder_torch.opaque "torch::aten.cumsum.default"(%0) {args = {index = 0 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
    %2 = thunder_prims.sin %1 : tensor<4xf32>
    %3 = thunder_prims.gt %2, %arg1 : tensor<4xf32>
    %4 = thunder_prims.cos %1 : tensor<4xf32>
    %5 = thunder_prims.mul %arg2, %4 : tensor<4xf32>
    %6 = thunder_torch.opaque "torch::aten.cumsum.default"(%0, %5) {args = {index = 0 : i64, transforms = [{inputs = array<i64: 0>, kind = "vjp", outputs = array<i64: 0>}]}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %7 = thunder_prims.mul %6, %arg1 : tensor<4xf32>
    return %2, %3, %7 : tensor<4xf32>, tensor<4xi1>, tensor<4xf32>
  }
}

