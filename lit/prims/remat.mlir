// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-prims-remat)' | FileCheck %s

// `thunder-prims-remat` on joint programs (the output of thunder-prims-grad):
// a minimum cut over the forward decides what the backward reads saved and
// what it recomputes. Here the backward reads tanh's and exp's results;
// saving both costs twice the bytes of saving either alone, so the cut is
// tanh's result (the matmul's would cost as much, but a later value leaves
// less to recompute): exp is copied in front of the backward op that reads
// it. The second function keeps the torch call in the forward (never
// recomputed); what the backward reads costs no more saved than recomputed.

// CHECK-LABEL: func.func @tanh_matmul(
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4x3xf32>, %[[ARG1:[^:]+]]: tensor<3x5xf32>, %[[ARG2:[^:]+]]: tensor<f32> {thunder.cotangent_of = 0 : i64}) -> (tensor<f32>, tensor<4x3xf32> {thunder.grad_of = 0 : i64}, tensor<3x5xf32> {thunder.grad_of = 1 : i64}) attributes {thunder.joint = {active_outputs = array<i64: 0>, cotangents = array<i64: 0>, gradients = array<i64: 0, 1>, outputs = 1 : i64, primals = 2 : i64}}
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.matmul %[[ARG0]], %[[ARG1]] : tensor<4x3xf32>, tensor<3x5xf32> -> tensor<4x5xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_prims.tanh %[[V3]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.exp %[[V4]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.sum %[[V5]], dims = [0, 1] : tensor<4x5xf32> -> tensor<f32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.broadcast_in_dim %[[ARG2]], dims = [] : tensor<f32> -> tensor<4x5xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.exp %[[V4]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.mul %[[V7]], %[[V8]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_prims.full 1.000000e+00 : f32 : tensor<4x5xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.mul %[[V4]], %[[V4]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V12:[^ ]+]] = thunder_prims.sub %[[V10]], %[[V11]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V13:[^ ]+]] = thunder_prims.mul %[[V9]], %[[V12]] : tensor<4x5xf32>
// CHECK-NEXT: %[[V14:[^ ]+]] = thunder_prims.transpose %[[ARG1]], permutation = [1, 0] : tensor<3x5xf32> -> tensor<5x3xf32>
// CHECK-NEXT: %[[V15:[^ ]+]] = thunder_prims.matmul %[[V13]], %[[V14]] : tensor<4x5xf32>, tensor<5x3xf32> -> tensor<4x3xf32>
// CHECK-NEXT: %[[V16:[^ ]+]] = thunder_prims.transpose %[[ARG0]], permutation = [1, 0] : tensor<4x3xf32> -> tensor<3x4xf32>
// CHECK-NEXT: %[[V17:[^ ]+]] = thunder_prims.matmul %[[V16]], %[[V13]] : tensor<3x4xf32>, tensor<4x5xf32> -> tensor<3x5xf32>
// CHECK-NEXT: return %[[V6]], %[[V15]], %[[V17]] : tensor<f32>, tensor<4x3xf32>, tensor<3x5xf32>
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
// CHECK-SAME: %[[ARG0:[^:]+]]: tensor<4xf32>, %[[ARG1:[^:]+]]: tensor<4xf32>, %[[ARG2:[^:]+]]: tensor<4xf32> {thunder.cotangent_of = 0 : i64}) -> (tensor<4xf32>, tensor<4xi1>, tensor<4xf32> {thunder.grad_of = 0 : i64}) attributes {thunder.joint = {active_outputs = array<i64: 0>, cotangents = array<i64: 0>, gradients = array<i64: 0>, outputs = 2 : i64, primals = 2 : i64}}
// CHECK-NEXT: %[[V3:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: %[[V4:[^ ]+]] = thunder_torch.opaque "torch::aten.cumsum.default"(%[[V3]]) {args = {index = 0 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V5:[^ ]+]] = thunder_prims.sin %[[V4]] : tensor<4xf32>
// CHECK-NEXT: %[[V6:[^ ]+]] = thunder_prims.gt %[[V5]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: %[[V7:[^ ]+]] = thunder_prims.cos %[[V4]] : tensor<4xf32>
// CHECK-NEXT: %[[V8:[^ ]+]] = thunder_prims.mul %[[ARG2]], %[[V7]] : tensor<4xf32>
// CHECK-NEXT: %[[V9:[^ ]+]] = thunder_prims.mul %[[ARG0]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: %[[V10:[^ ]+]] = thunder_torch.opaque "torch::aten.cumsum.default"(%[[V9]], %[[V8]]) {args = {index = 0 : i64, transforms = [{inputs = array<i64: 0>, kind = "vjp", outputs = array<i64: 0>}]}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[V11:[^ ]+]] = thunder_prims.mul %[[V10]], %[[ARG1]] : tensor<4xf32>
// CHECK-NEXT: return %[[V5]], %[[V6]], %[[V11]] : tensor<4xf32>, tensor<4xi1>, tensor<4xf32>
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

