// RUN: thunder-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// fusion / yield.
//===----------------------------------------------------------------------===//

func.func @fusion_arg_count(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{body has 2 arguments for 1 inputs}}
  %r = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>, %y: tensor<4xf32>):
    thunder_exec.yield %x : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

func.func @fusion_arg_type(%a: tensor<4xf32>) -> tensor<4xf16> {
  // expected-error @+1 {{body argument type 'tensor<4xf16>' differs from its input's 'tensor<4xf32>'}}
  %r = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<4xf32>) -> tensor<4xf16> {
  ^bb0(%x: tensor<4xf16>):
    thunder_exec.yield %x : tensor<4xf16>
  }
  return %r : tensor<4xf16>
}

// -----

func.func @fusion_yield_types(%a: tensor<4xf32>) -> tensor<4xf64> {
  // expected-error @+1 {{yields 'tensor<4xf32>' but declares results 'tensor<4xf64>'}}
  %r = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<4xf32>) -> tensor<4xf64> {
  ^bb0(%x: tensor<4xf32>):
    thunder_exec.yield %x : tensor<4xf32>
  }
  return %r : tensor<4xf64>
}

// -----

func.func @fusion_yield_count(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{but declares results 'tensor<4xf32>'}}
  %r = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>):
    thunder_exec.yield
  }
  return %r : tensor<4xf32>
}

// -----

func.func @fusion_executor(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{executor must be named}}
  %r = thunder_exec.fusion "" (%a) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>):
    thunder_exec.yield %x : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

func.func @fusion_isolated(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-note @+1 {{required by region isolation constraints}}
  %r = thunder_exec.fusion "thunder_cpu" () : () -> tensor<4xf32> {
    // expected-error @+1 {{using value defined outside the region}}
    %s = thunder_prims.neg %a : tensor<4xf32>
    thunder_exec.yield %s : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

func.func @fusion_two_blocks(%a: tensor<4xf32>) {
  // expected-error @+1 {{expects region #0 to have 0 or 1 blocks}}
  "thunder_exec.fusion"(%a) ({
  ^bb0(%x: tensor<4xf32>):
    "thunder_exec.yield"() : () -> ()
  ^bb1:
    "thunder_exec.yield"() : () -> ()
  }) {executor = "thunder_cpu"} : (tensor<4xf32>) -> ()
  return
}

// -----

func.func @fusion_terminator(%a: tensor<4xf32>) {
  // expected-error @+1 {{body must end with 'thunder_exec.yield'}}
  "thunder_exec.fusion"(%a) ({
  ^bb0(%x: tensor<4xf32>):
    %n = "thunder_prims.neg"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  }) {executor = "thunder_cpu"} : (tensor<4xf32>) -> ()
  return
}

// -----

func.func @fusion_other_terminator(%a: tensor<4xf32>) {
  // expected-error @+1 {{body must end with 'thunder_exec.yield'}}
  "thunder_exec.fusion"(%a) ({
  ^bb0(%x: tensor<4xf32>):
    "func.return"(%x) : (tensor<4xf32>) -> ()
  }) {executor = "thunder_cpu"} : (tensor<4xf32>) -> ()
  return
}

// -----

func.func @fusion_empty_block(%a: tensor<4xf32>) {
  // expected-error @+1 {{expects a non-empty block}}
  "thunder_exec.fusion"(%a) ({
  ^bb0(%x: tensor<4xf32>):
  }) {executor = "thunder_cpu"} : (tensor<4xf32>) -> ()
  return
}

// -----

func.func @yield_outside_fusion(%a: tensor<4xf32>) {
  // expected-error @+1 {{'thunder_exec.yield' op expects parent op 'thunder_exec.fusion'}}
  thunder_exec.yield %a : tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Collectives.
//===----------------------------------------------------------------------===//

func.func @all_reduce_type(%a: tensor<4xf32>) {
  // expected-error @+1 {{result type must equal the operand type}}
  %0 = thunder_exec.all_reduce %a {kind = 0 : i32, group = "dp", world_size = 2 : i64} : tensor<4xf32> -> tensor<4xf16>
  return
}

// -----

func.func @all_reduce_kind(%a: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'kind' failed to satisfy constraint: collective reduction}}
  %0 = thunder_exec.all_reduce %a {kind = 7 : i32, group = "dp", world_size = 2 : i64} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @all_reduce_world_size(%a: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'world_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = thunder_exec.all_reduce %a {kind = 0 : i32, group = "dp", world_size = 0 : i64} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @all_reduce_group(%a: tensor<4xf32>) {
  // expected-error @+1 {{requires attribute 'group'}}
  %0 = thunder_exec.all_reduce %a {kind = 0 : i32, world_size = 2 : i64} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @all_reduce_dtype(%a: tensor<4xi4>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of thunder dtype values, but got 'tensor<4xi4>'}}
  %0 = thunder_exec.all_reduce %a {kind = 0 : i32, group = "dp", world_size = 2 : i64} : tensor<4xi4> -> tensor<4xi4>
  return
}

// -----

func.func @broadcast_type(%a: tensor<4xf32>) {
  // expected-error @+1 {{result type must equal the operand type}}
  %0 = thunder_exec.broadcast %a {root = 0 : i64, group = "dp", world_size = 2 : i64} : tensor<4xf32> -> tensor<8xf32>
  return
}

// -----

func.func @broadcast_root(%a: tensor<4xf32>) {
  // expected-error @+1 {{root 2 is not a rank of a group of size 2}}
  %0 = thunder_exec.broadcast %a {root = 2 : i64, group = "dp", world_size = 2 : i64} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @broadcast_negative_root(%a: tensor<4xf32>) {
  // expected-error @+1 {{root -1 is not a rank of a group of size 4}}
  %0 = thunder_exec.broadcast %a {root = -1 : i64, group = "dp", world_size = 4 : i64} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @all_gather_dtype(%a: tensor<4xf32>) {
  // expected-error @+1 {{must not change the dtype}}
  %0 = thunder_exec.all_gather %a {group = "fsdp", world_size = 2 : i64} : tensor<4xf32> -> tensor<8xbf16>
  return
}

// -----

func.func @all_gather_0d(%a: tensor<f32>) {
  // expected-error @+1 {{operand must be at least 1-D}}
  %0 = thunder_exec.all_gather %a {group = "fsdp", world_size = 2 : i64} : tensor<f32> -> tensor<2xf32>
  return
}

// -----

func.func @all_gather_shape(%a: tensor<4x3xf32>) {
  // expected-error @+1 {{result dim 0 must be world_size times the operand's}}
  %0 = thunder_exec.all_gather %a {group = "fsdp", world_size = 2 : i64} : tensor<4x3xf32> -> tensor<4x6xf32>
  return
}

// -----

func.func @all_gather_world_size(%a: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'world_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %0 = thunder_exec.all_gather %a {group = "fsdp", world_size = -2 : i64} : tensor<4xf32> -> tensor<8xf32>
  return
}

// -----

func.func @reduce_scatter_dtype(%a: tensor<4xf32>) {
  // expected-error @+1 {{must not change the dtype}}
  %0 = thunder_exec.reduce_scatter %a {kind = 0 : i32, group = "fsdp", world_size = 2 : i64} : tensor<4xf32> -> tensor<2xf16>
  return
}

// -----

func.func @reduce_scatter_divisible(%a: tensor<6xf32>) {
  // expected-error @+1 {{operand dim 0 must be divisible by world_size 4}}
  %0 = thunder_exec.reduce_scatter %a {kind = 0 : i32, group = "fsdp", world_size = 4 : i64} : tensor<6xf32> -> tensor<1xf32>
  return
}

// -----

func.func @reduce_scatter_0d(%a: tensor<f32>) {
  // expected-error @+1 {{operand dim 0 must be divisible by world_size 2}}
  %0 = thunder_exec.reduce_scatter %a {kind = 0 : i32, group = "fsdp", world_size = 2 : i64} : tensor<f32> -> tensor<f32>
  return
}

// -----

func.func @reduce_scatter_shape(%a: tensor<8x2xf32>) {
  // expected-error @+1 {{result dim 0 must be the operand's divided by world_size}}
  %0 = thunder_exec.reduce_scatter %a {kind = 1 : i32, group = "fsdp", world_size = 4 : i64} : tensor<8x2xf32> -> tensor<8x2xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// save_for_backward / saved / release.
//===----------------------------------------------------------------------===//

func.func @saved_negative() {
  // expected-error @+1 {{attribute 'index' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %0 = thunder_exec.saved -1 : tensor<4xf32>
  return
}

// -----

func.func @release_nothing() {
  // expected-error @+1 {{needs at least one value}}
  "thunder_exec.release"() : () -> ()
  return
}

// -----

//===----------------------------------------------------------------------===//
// launch.
//===----------------------------------------------------------------------===//

func.func @launch_unknown_kernel(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{kernel 'nowhere' is not a func.func in this module}}
  %0 = thunder_exec.launch "thunder_cpu" @nowhere(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

memref.global "private" constant @table : memref<4xf32> = dense<0.0>
func.func @launch_not_a_function(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{kernel 'table' is not a func.func in this module}}
  %0 = thunder_exec.launch "thunder_cpu" @table(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func private @k(tensor<4xf32>) -> tensor<4xf32>
func.func @launch_operand_type(%a: tensor<4xf16>) -> tensor<4xf32> {
  // expected-error @+1 {{operand and result types must match kernel 'k' of type '(tensor<4xf32>) -> tensor<4xf32>'}}
  %0 = thunder_exec.launch "thunder_cpu" @k(%a) : (tensor<4xf16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func private @k(tensor<4xf32>) -> tensor<4xf32>
func.func @launch_result_type(%a: tensor<4xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{operand and result types must match kernel 'k'}}
  %0 = thunder_exec.launch "thunder_cpu" @k(%a) : (tensor<4xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func private @k(tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
func.func @launch_operand_count(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{operand and result types must match kernel 'k'}}
  %0 = thunder_exec.launch "thunder_cpu" @k(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func private @k(tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
func.func @launch_result_count(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{operand and result types must match kernel 'k'}}
  %0 = thunder_exec.launch "thunder_cpu" @k(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func private @k(tensor<4xf32>) -> tensor<4xf32> attributes {thunder.executor = "thunder_cpu"}
func.func @launch_other_executor(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{executor "nvfuser" launches kernel 'k' generated by "thunder_cpu"}}
  %0 = thunder_exec.launch "nvfuser" @k(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func private @k(tensor<4xf32>) -> tensor<4xf32>
func.func @launch_executor(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{executor must be named}}
  %0 = thunder_exec.launch "" @k(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @launch_nested_symbol(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{attribute 'kernel' failed to satisfy constraint: flat symbol reference attribute}}
  %0 = "thunder_exec.launch"(%a) {executor = "thunder_cpu", kernel = @m::@k} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
