// RUN: thunder-opt %s -split-input-file | FileCheck %s
// RUN: thunder-opt %s -split-input-file | thunder-opt -split-input-file | FileCheck %s
// RUN: thunder-opt %s -split-input-file -mlir-print-op-generic | thunder-opt -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @fusion
// CHECK-SAME: (%[[A:[^:]+]]: tensor<4xf32>, %[[B:[^:]+]]: tensor<4xf32>)
func.func @fusion(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: %[[R:.+]] = thunder_exec.fusion "thunder_cpu"(%[[A]], %[[B]]) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> {
  // CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<4xf32>, %[[Y:[^:]+]]: tensor<4xf32>):
  %r = thunder_exec.fusion "thunder_cpu" (%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>, %y: tensor<4xf32>):
    // CHECK-NEXT: %[[S:.+]] = thunder_prims.add %[[X]], %[[Y]] : tensor<4xf32>
    %s = thunder_prims.add %x, %y : tensor<4xf32>
    // CHECK-NEXT: thunder_exec.yield %[[S]] : tensor<4xf32>
    thunder_exec.yield %s : tensor<4xf32>
  // CHECK-NEXT: }
  }
  // CHECK-NEXT: return %[[R]] : tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @fusion_multi
func.func @fusion_multi(%a: tensor<2x3xbf16>, %p: tensor<2x3xi1>) -> (tensor<2x3xf32>, tensor<2x3xi1>) {
  // CHECK: %[[R:.+]]:2 = thunder_exec.fusion "nvfuser"(%{{.*}}, %{{.*}}) : (tensor<2x3xbf16>, tensor<2x3xi1>) -> (tensor<2x3xf32>, tensor<2x3xi1>) {
  %r:2 = thunder_exec.fusion "nvfuser" (%a, %p) : (tensor<2x3xbf16>, tensor<2x3xi1>) -> (tensor<2x3xf32>, tensor<2x3xi1>) {
  ^bb0(%x: tensor<2x3xbf16>, %q: tensor<2x3xi1>):
    // CHECK: thunder_prims.convert_element_type %{{.*}} : tensor<2x3xbf16> to tensor<2x3xf32>
    %c = thunder_prims.convert_element_type %x : tensor<2x3xbf16> to tensor<2x3xf32>
    // CHECK: thunder_prims.bitwise_not %{{.*}} : tensor<2x3xi1>
    %n = thunder_prims.bitwise_not %q : tensor<2x3xi1>
    // CHECK: thunder_exec.yield %{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<2x3xi1>
    thunder_exec.yield %c, %n : tensor<2x3xf32>, tensor<2x3xi1>
  }
  // CHECK: return %[[R]]#0, %[[R]]#1 : tensor<2x3xf32>, tensor<2x3xi1>
  return %r#0, %r#1 : tensor<2x3xf32>, tensor<2x3xi1>
}

// -----

// CHECK-LABEL: func.func @fusion_empty
func.func @fusion_empty() {
  // An operand-less yield is implied in the custom form.
  // CHECK: thunder_exec.fusion "thunder_cpu"() : () -> () {
  // CHECK-NEXT: }
  thunder_exec.fusion "thunder_cpu" () : () -> () {
    thunder_exec.yield
  }
  return
}

// -----

// CHECK-LABEL: func.func @call
func.func @call(%a: tensor<2x3xf16>, %b: tensor<3x4xf16>, %i: tensor<8xi64>) -> tensor<2x4xf16> {
  // CHECK: thunder_exec.call "blas", "matmul"(%{{.*}}, %{{.*}}) : (tensor<2x3xf16>, tensor<3x4xf16>) -> tensor<2x4xf16>
  %0 = thunder_exec.call "blas", "matmul" (%a, %b) : (tensor<2x3xf16>, tensor<3x4xf16>) -> tensor<2x4xf16>
  // CHECK: thunder_exec.call "torch", "aten::sort"(%{{.*}}) {args = {descending = true, dim = 0 : i64}} : (tensor<8xi64>) -> (tensor<8xi64>, tensor<8xi64>)
  %1:2 = thunder_exec.call "torch", "aten::sort" (%i) {args = {dim = 0 : i64, descending = true}} : (tensor<8xi64>) -> (tensor<8xi64>, tensor<8xi64>)
  // CHECK: thunder_exec.call "torch", "aten::manual_seed"() {args = {seed = 42 : i64}} : () -> ()
  thunder_exec.call "torch", "aten::manual_seed" () {args = {seed = 42 : i64}} : () -> ()
  return %0 : tensor<2x4xf16>
}

// -----

// CHECK-LABEL: func.func @collectives
func.func @collectives(%g: tensor<8x3xf32>, %h: tensor<2x3xbf16>, %i: tensor<4xi32>, %u: tensor<6xui8>,
                       %k: tensor<2xi8>, %s: tensor<i16>, %d: tensor<4x2xf64>, %e: tensor<6xf16>,
                       %b: tensor<4xi1>, %l: tensor<3xi64>) {
  // CHECK: thunder_exec.all_reduce %{{.*}} {group = "dp", kind = 0 : i32, world_size = 4 : i64} : tensor<8x3xf32> -> tensor<8x3xf32>
  %0 = thunder_exec.all_reduce %g {kind = 0 : i32, group = "dp", world_size = 4 : i64} : tensor<8x3xf32> -> tensor<8x3xf32>
  // CHECK: thunder_exec.all_reduce %{{.*}} {group = "dp", kind = 2 : i32, world_size = 2 : i64} : tensor<4xi32> -> tensor<4xi32>
  %1 = thunder_exec.all_reduce %i {kind = 2 : i32, group = "dp", world_size = 2 : i64} : tensor<4xi32> -> tensor<4xi32>
  // CHECK: thunder_exec.all_reduce %{{.*}} {group = "tp", kind = 4 : i32, world_size = 1 : i64} : tensor<i16> -> tensor<i16>
  %2 = thunder_exec.all_reduce %s {kind = 4 : i32, group = "tp", world_size = 1 : i64} : tensor<i16> -> tensor<i16>
  // all_gather concatenates along dim 0: [2, 3] -> [2 * 4, 3]
  // CHECK: thunder_exec.all_gather %{{.*}} {group = "fsdp", world_size = 4 : i64} : tensor<2x3xbf16> -> tensor<8x3xbf16>
  %3 = thunder_exec.all_gather %h {group = "fsdp", world_size = 4 : i64} : tensor<2x3xbf16> -> tensor<8x3xbf16>
  // CHECK: thunder_exec.all_gather %{{.*}} {group = "fsdp", world_size = 3 : i64} : tensor<2xi8> -> tensor<6xi8>
  %4 = thunder_exec.all_gather %k {group = "fsdp", world_size = 3 : i64} : tensor<2xi8> -> tensor<6xi8>
  // reduce_scatter keeps 1/world_size of dim 0
  // CHECK: thunder_exec.reduce_scatter %{{.*}} {group = "fsdp", kind = 1 : i32, world_size = 4 : i64} : tensor<8x3xf32> -> tensor<2x3xf32>
  %5 = thunder_exec.reduce_scatter %g {kind = 1 : i32, group = "fsdp", world_size = 4 : i64} : tensor<8x3xf32> -> tensor<2x3xf32>
  // CHECK: thunder_exec.reduce_scatter %{{.*}} {group = "fsdp", kind = 3 : i32, world_size = 2 : i64} : tensor<6xui8> -> tensor<3xui8>
  %6 = thunder_exec.reduce_scatter %u {kind = 3 : i32, group = "fsdp", world_size = 2 : i64} : tensor<6xui8> -> tensor<3xui8>
  // CHECK: thunder_exec.reduce_scatter %{{.*}} {group = "fsdp", kind = 0 : i32, world_size = 4 : i64} : tensor<4x2xf64> -> tensor<1x2xf64>
  %7 = thunder_exec.reduce_scatter %d {kind = 0 : i32, group = "fsdp", world_size = 4 : i64} : tensor<4x2xf64> -> tensor<1x2xf64>
  // CHECK: thunder_exec.broadcast %{{.*}} {group = "dp", root = 0 : i64, world_size = 2 : i64} : tensor<6xf16> -> tensor<6xf16>
  %8 = thunder_exec.broadcast %e {root = 0 : i64, group = "dp", world_size = 2 : i64} : tensor<6xf16> -> tensor<6xf16>
  // CHECK: thunder_exec.broadcast %{{.*}} {group = "dp", root = 3 : i64, world_size = 4 : i64} : tensor<4xi1> -> tensor<4xi1>
  %9 = thunder_exec.broadcast %b {root = 3 : i64, group = "dp", world_size = 4 : i64} : tensor<4xi1> -> tensor<4xi1>
  // CHECK: thunder_exec.all_gather %{{.*}} {group = "world", world_size = 1 : i64} : tensor<3xi64> -> tensor<3xi64>
  %10 = thunder_exec.all_gather %l {group = "world", world_size = 1 : i64} : tensor<3xi64> -> tensor<3xi64>
  return
}

// -----

// CHECK-LABEL: func.func @forward
func.func @forward(%x: tensor<4xf32>, %m: tensor<4xi1>, %n: i64) -> tensor<4xf32> {
  // CHECK: thunder_exec.save_for_backward %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xi1>, i64
  thunder_exec.save_for_backward %x, %m, %n : tensor<4xf32>, tensor<4xi1>, i64
  // CHECK: thunder_exec.release %{{.*}} : tensor<4xi1>
  thunder_exec.release %m : tensor<4xi1>
  return %x : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @forward_nothing_saved
func.func @forward_nothing_saved() {
  // CHECK: thunder_exec.save_for_backward
  thunder_exec.save_for_backward
  return
}

// -----

// CHECK-LABEL: func.func @backward
func.func @backward(%g: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: thunder_exec.saved 0 : tensor<4xf32>
  %x = thunder_exec.saved 0 : tensor<4xf32>
  // CHECK: thunder_exec.saved 1 : tensor<4xi1>
  %m = thunder_exec.saved 1 : tensor<4xi1>
  // CHECK: thunder_exec.saved 2 : i64
  %n = thunder_exec.saved 2 : i64
  // CHECK: thunder_exec.fusion "thunder_cpu"(%{{.*}}, %{{.*}}) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> {
  %r = thunder_exec.fusion "thunder_cpu" (%g, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>, %b: tensor<4xf32>):
    // CHECK: thunder_prims.mul %{{.*}}, %{{.*}} : tensor<4xf32>
    %p = thunder_prims.mul %a, %b : tensor<4xf32>
    // CHECK: thunder_exec.yield %{{.*}} : tensor<4xf32>
    thunder_exec.yield %p : tensor<4xf32>
  }
  // CHECK: thunder_exec.release %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xi1>, tensor<4xf32>
  thunder_exec.release %x, %m, %g : tensor<4xf32>, tensor<4xi1>, tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @kernel
// CHECK-SAME: attributes {thunder.executor = "thunder_cpu"}
func.func @kernel(%a: tensor<4xf32>, %b: tensor<4xi1>) -> (tensor<4xf32>, tensor<2x2xf32>) attributes {thunder.executor = "thunder_cpu"} {
  %r = thunder_prims.reshape %a : tensor<4xf32> -> tensor<2x2xf32>
  return %a, %r : tensor<4xf32>, tensor<2x2xf32>
}
func.func private @library_kernel()
// CHECK-LABEL: func.func @launch
// CHECK-SAME: (%[[A:[^:]+]]: tensor<4xf32>, %[[B:[^:]+]]: tensor<4xi1>)
func.func @launch(%a: tensor<4xf32>, %b: tensor<4xi1>) -> tensor<2x2xf32> {
  // CHECK: %[[R:.+]]:2 = thunder_exec.launch "thunder_cpu" @kernel(%[[A]], %[[B]]) : (tensor<4xf32>, tensor<4xi1>) -> (tensor<4xf32>, tensor<2x2xf32>)
  %0:2 = thunder_exec.launch "thunder_cpu" @kernel(%a, %b) : (tensor<4xf32>, tensor<4xi1>) -> (tensor<4xf32>, tensor<2x2xf32>)
  // An untagged kernel can be launched by any executor.
  // CHECK: thunder_exec.launch "nvfuser" @library_kernel() : () -> ()
  thunder_exec.launch "nvfuser" @library_kernel() : () -> ()
  // CHECK: thunder_exec.launch "thunder_cpu" @kernel(%[[A]], %[[B]]) {note = 1 : i64} : (tensor<4xf32>, tensor<4xi1>) -> (tensor<4xf32>, tensor<2x2xf32>)
  %1:2 = thunder_exec.launch "thunder_cpu" @kernel(%a, %b) {note = 1 : i64} : (tensor<4xf32>, tensor<4xi1>) -> (tensor<4xf32>, tensor<2x2xf32>)
  // CHECK: return %[[R]]#1 : tensor<2x2xf32>
  return %0#1 : tensor<2x2xf32>
}
