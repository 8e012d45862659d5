// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-exec-outline-fusions)' | FileCheck %s
// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-exec-outline-fusions,thunder-exec-outline-fusions)' | FileCheck %s

// thunder-exec-outline-fusions: each fusion region becomes a kernel
// `func.func @<function>_fusion_<n>` (tagged with its executor), placed after
// the function, and the region a `thunder_exec.launch` of it with the same
// operands and results. A second run finds nothing to do (second RUN).

// CHECK-LABEL: func.func @plan(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4xf32>, %[[W:[^:]+]]: tensor<4x4xf32>) -> tensor<4xf32> {
// CHECK-NEXT: %[[L0:.+]] = thunder_exec.launch "thunder_cpu" @plan_fusion_0(%[[A]]) : (tensor<4xf32>) -> tensor<1x4xf32>
// CHECK-NEXT: %[[M:.+]] = thunder_exec.call "blas", "matmul"(%[[L0]], %[[W]]) : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
// CHECK-NEXT: %[[L1:.+]]:2 = thunder_exec.launch "nvfuser" @plan_fusion_1(%[[M]], %[[A]]) : (tensor<1x4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: return %[[L1]]#0 : tensor<4xf32>
// CHECK-NEXT: }
// The body moves over unchanged, constants included; the yield becomes a return.
// CHECK-NEXT: func.func @plan_fusion_0(%[[X:[^:]+]]: tensor<4xf32>) -> tensor<1x4xf32> attributes {thunder.executor = "thunder_cpu"} {
// CHECK-NEXT: %[[C:.+]] = arith.constant 2.000000e+00 : f64
// CHECK-NEXT: %[[S:.+]] = thunder_prims.from_scalar %[[C]] : f64 to tensor<f32>
// CHECK-NEXT: %[[B:.+]] = thunder_prims.broadcast_in_dim %[[S]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[P:.+]] = thunder_prims.mul %[[X]], %[[B]] : tensor<4xf32>
// CHECK-NEXT: %[[R:.+]] = thunder_prims.reshape %[[P]] : tensor<4xf32> -> tensor<1x4xf32>
// CHECK-NEXT: return %[[R]] : tensor<1x4xf32>
// CHECK-NEXT: }
// Several results, one of them an argument; the executor is kept.
// CHECK-NEXT: func.func @plan_fusion_1(%[[Y:[^:]+]]: tensor<1x4xf32>, %[[Z:[^:]+]]: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) attributes {thunder.executor = "nvfuser"} {
// CHECK-NEXT: %[[RS:.+]] = thunder_prims.reshape %[[Y]] : tensor<1x4xf32> -> tensor<4xf32>
// CHECK-NEXT: %[[N:.+]] = thunder_prims.add %[[RS]], %[[Z]] : tensor<4xf32>
// CHECK-NEXT: return %[[N]], %[[Z]] : tensor<4xf32>, tensor<4xf32>
// CHECK-NEXT: }
// CHECK-NOT: thunder_exec.fusion
// CHECK-NOT: thunder_exec.yield
func.func @plan(%a: tensor<4xf32>, %w: tensor<4x4xf32>) -> tensor<4xf32> {
  %0 = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<4xf32>) -> tensor<1x4xf32> {
  ^bb0(%x: tensor<4xf32>):
    %c = arith.constant 2.0 : f64
    %s = thunder_prims.from_scalar %c : f64 to tensor<f32>
    %b = thunder_prims.broadcast_in_dim %s, dims = [] : tensor<f32> -> tensor<4xf32>
    %m = thunder_prims.mul %x, %b : tensor<4xf32>
    %r = thunder_prims.reshape %m : tensor<4xf32> -> tensor<1x4xf32>
    thunder_exec.yield %r : tensor<1x4xf32>
  }
  %1 = thunder_exec.call "blas", "matmul" (%0, %w) : (tensor<1x4xf32>, tensor<4x4xf32>) -> tensor<1x4xf32>
  %2:2 = thunder_exec.fusion "nvfuser" (%1, %a) : (tensor<1x4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  ^bb0(%y: tensor<1x4xf32>, %z: tensor<4xf32>):
    %r = thunder_prims.reshape %y : tensor<1x4xf32> -> tensor<4xf32>
    %n = thunder_prims.add %r, %z : tensor<4xf32>
    thunder_exec.yield %n, %z : tensor<4xf32>, tensor<4xf32>
  }
  return %2#0 : tensor<4xf32>
}

// -----

// Kernels follow their own function, numbered per function; a name already
// taken in the module is skipped; a region with no results gives a launch
// and a kernel with none.
// CHECK-LABEL: func.func @first(
// CHECK-NEXT: %[[L:.+]] = thunder_exec.launch "thunder_cpu" @first_fusion_0(%{{[^)]+}}) : (tensor<2xi64>) -> tensor<2xi64>
// CHECK-NEXT: return %[[L]]
// CHECK-NEXT: }
// CHECK-NEXT: func.func @first_fusion_0(%{{[^:]+}}: tensor<2xi64>) -> tensor<2xi64> attributes {thunder.executor = "thunder_cpu"} {
// CHECK-NEXT: thunder_prims.neg
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @second_fusion_0() {
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @second(%[[B:[^:]+]]: tensor<4xi1>) {
// CHECK-NEXT: thunder_exec.launch "thunder_cpu" @second_fusion_1(%[[B]]) : (tensor<4xi1>) -> ()
// CHECK-NEXT: thunder_exec.launch "thunder_cpu" @second_fusion_2(%[[B]]) : (tensor<4xi1>) -> ()
// CHECK-NEXT: return
// CHECK-NEXT: }
// CHECK-NEXT: func.func @second_fusion_1(%[[X:[^:]+]]: tensor<4xi1>) attributes {thunder.executor = "thunder_cpu"} {
// CHECK-NEXT: thunder_prims.bitwise_not %[[X]] : tensor<4xi1>
// CHECK-NEXT: return{{$}}
// CHECK-NEXT: }
// CHECK-NEXT: func.func @second_fusion_2(%{{[^:]+}}: tensor<4xi1>) attributes {thunder.executor = "thunder_cpu"} {
// CHECK-NEXT: thunder_prims.bitwise_and
// CHECK-NEXT: return{{$}}
// CHECK-NEXT: }
func.func @first(%a: tensor<2xi64>) -> tensor<2xi64> {
  %0 = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<2xi64>) -> tensor<2xi64> {
  ^bb0(%x: tensor<2xi64>):
    %n = thunder_prims.neg %x : tensor<2xi64>
    thunder_exec.yield %n : tensor<2xi64>
  }
  return %0 : tensor<2xi64>
}
func.func @second_fusion_0() {
  return
}
func.func @second(%b: tensor<4xi1>) {
  thunder_exec.fusion "thunder_cpu" (%b) : (tensor<4xi1>) -> () {
  ^bb0(%x: tensor<4xi1>):
    %n = thunder_prims.bitwise_not %x : tensor<4xi1>
    thunder_exec.yield
  }
  thunder_exec.fusion "thunder_cpu" (%b) : (tensor<4xi1>) -> () {
  ^bb0(%x: tensor<4xi1>):
    %n = thunder_prims.bitwise_and %x, %x : tensor<4xi1>
    thunder_exec.yield
  }
  return
}

// -----

// A region nested in control flow is launched where it was.
// CHECK-LABEL: func.func @nested(
// CHECK: scf.if
// CHECK-NEXT: %[[L:.+]] = thunder_exec.launch "thunder_cpu" @nested_fusion_0(%{{[^)]+}}) : (tensor<3xf64>) -> tensor<3xf64>
// CHECK-NEXT: scf.yield %[[L]]
// CHECK: func.func @nested_fusion_0(
// CHECK-NEXT: thunder_prims.exp
func.func @nested(%p: i1, %a: tensor<3xf64>) -> tensor<3xf64> {
  %0 = scf.if %p -> tensor<3xf64> {
    %1 = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<3xf64>) -> tensor<3xf64> {
    ^bb0(%x: tensor<3xf64>):
      %e = thunder_prims.exp %x : tensor<3xf64>
      thunder_exec.yield %e : tensor<3xf64>
    }
    scf.yield %1 : tensor<3xf64>
  } else {
    scf.yield %a : tensor<3xf64>
  }
  return %0 : tensor<3xf64>
}

// -----

// Nothing to outline.
// CHECK-LABEL: func.func @none(
// CHECK-NEXT: thunder_exec.call "torch", "aten::sort"
// CHECK-NEXT: return
// CHECK-NOT: func.func
func.func @none(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_exec.call "torch", "aten::sort" (%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
