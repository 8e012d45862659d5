// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-exec-insert-releases)' | FileCheck %s
// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-exec-insert-releases,thunder-exec-insert-releases)' | FileCheck %s

// thunder-exec-insert-releases: in plans (functions with launches or executor
// calls), every intermediate tensor is released right after its last use;
// values dying at the same op share one release. Block arguments and
// returned values are never released. Running it again adds nothing (second
// RUN).

func.func private @k1(tensor<4xf32>) -> tensor<4xf32>
func.func private @k2(tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)

// CHECK-LABEL: func.func @plan(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4xf32>, %[[B:[^:]+]]: tensor<4xf32>)
// CHECK-NEXT: %[[V0:.+]] = thunder_exec.launch "thunder_cpu" @k1(%[[A]])
// CHECK-NEXT: %[[V1:.+]] = thunder_exec.call "torch", "aten::sort"(%[[V0]])
// CHECK-NEXT: %[[V2:.+]]:2 = thunder_exec.launch "thunder_cpu" @k2(%[[V0]], %[[V1]])
// %0 and %1 die together.
// CHECK-NEXT: thunder_exec.release %[[V0]], %[[V1]] : tensor<4xf32>, tensor<4xf32>
// CHECK-NEXT: %[[V3:.+]] = thunder_exec.launch "thunder_cpu" @k1(%[[V2]]#0)
// CHECK-NEXT: thunder_exec.release %[[V2]]#0 : tensor<4xf32>
// Never read: released right away.
// CHECK-NEXT: %[[V4:.+]] = thunder_exec.launch "thunder_cpu" @k1(%[[B]])
// CHECK-NEXT: thunder_exec.release %[[V4]] : tensor<4xf32>
// %3 is read by the matmul but also returned: never released.
// CHECK-NEXT: %[[V5:.+]] = thunder_exec.call "blas", "matmul"(%[[V3]], %[[V2]]#1)
// CHECK-NEXT: thunder_exec.release %[[V2]]#1 : tensor<4xf32>
// CHECK-NEXT: return %[[V3]], %[[V5]], %[[A]] : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
// CHECK-NOT: thunder_exec.release
func.func @plan(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = thunder_exec.launch "thunder_cpu" @k1(%a) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = thunder_exec.call "torch", "aten::sort" (%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2:2 = thunder_exec.launch "thunder_cpu" @k2(%0, %1) : (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  %3 = thunder_exec.launch "thunder_cpu" @k1(%2#0) : (tensor<4xf32>) -> tensor<4xf32>
  %4 = thunder_exec.launch "thunder_cpu" @k1(%b) : (tensor<4xf32>) -> tensor<4xf32>
  %5 = thunder_exec.call "blas", "matmul" (%3, %2#1) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %3, %5, %a : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Only tensors are released.
// CHECK-LABEL: func.func @scalars(
// CHECK-NEXT: %[[S:.+]] = thunder_exec.call "torch", "aten::item"(%{{[^)]+}}) : (tensor<f32>) -> f64
// CHECK-NEXT: %[[T:.+]] = thunder_exec.call "torch", "aten::full"(%[[S]]) : (f64) -> tensor<2xf32>
// CHECK-NEXT: return %[[T]]
func.func @scalars(%a: tensor<f32>) -> tensor<2xf32> {
  %0 = thunder_exec.call "torch", "aten::item" (%a) : (tensor<f32>) -> f64
  %1 = thunder_exec.call "torch", "aten::full" (%0) : (f64) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}

// -----

// A use inside a nested region counts at the op that holds it: the release
// comes after the scf.if, not before it.
// CHECK-LABEL: func.func @nested_use(
// CHECK-NEXT: %[[V0:.+]] = thunder_exec.call "torch", "aten::sort"
// CHECK-NEXT: %[[V1:.+]] = scf.if
// CHECK-NEXT: %[[V2:.+]] = thunder_exec.call "torch", "aten::flip"(%[[V0]])
// CHECK-NEXT: scf.yield %[[V2]]
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield
// CHECK-NEXT: }
// CHECK-NEXT: thunder_exec.release %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]]
func.func @nested_use(%p: i1, %a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_exec.call "torch", "aten::sort" (%a) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = scf.if %p -> tensor<4xf32> {
    %2 = thunder_exec.call "torch", "aten::flip" (%0) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %2 : tensor<4xf32>
  } else {
    scf.yield %a : tensor<4xf32>
  }
  return %1 : tensor<4xf32>
}

// -----

// Functions that launch nothing are not plans (kernels among them): no
// releases there, even of dead values.
// CHECK-LABEL: func.func @kernel(
// CHECK-NEXT: thunder_prims.neg
// CHECK-NEXT: thunder_prims.exp
// CHECK-NEXT: thunder_prims.exp
// CHECK-NEXT: return
// CHECK-NOT: thunder_exec.release
func.func @kernel(%a: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.neg %a : tensor<4xf32>
  %1 = thunder_prims.exp %0 : tensor<4xf32>
  %dead = thunder_prims.exp %a : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// A plan that only forwards: nothing to release.
// CHECK-LABEL: func.func @forward(
// CHECK-NEXT: thunder_exec.call "torch", "aten::sort"
// CHECK-NEXT: return
func.func @forward(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = thunder_exec.call "torch", "aten::sort" (%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %0 : tensor<4xf32>, tensor<4xf32>
}

// -----

// Releases already there are kept and not repeated.
// CHECK-LABEL: func.func @already_released(
// CHECK-NEXT: %[[V0:.+]] = thunder_exec.call "torch", "aten::sort"
// CHECK-NEXT: %[[V1:.+]] = thunder_exec.call "torch", "aten::flip"(%[[V0]])
// CHECK-NEXT: thunder_exec.release %[[V0]] : tensor<4xf32>
// CHECK-NEXT: return %[[V1]]
func.func @already_released(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_exec.call "torch", "aten::sort" (%a) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = thunder_exec.call "torch", "aten::flip" (%0) : (tensor<4xf32>) -> tensor<4xf32>
  thunder_exec.release %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}
