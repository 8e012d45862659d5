// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-emit-c-interface)' | FileCheck %s

// Public functions with a body get the C interface; the private one does not.
// CHECK: func.func @main(%{{.+}}) -> tensor<4xf32> attributes {llvm.emit_c_interface}
// CHECK: func.func @main_fusion_0(%{{.+}}) -> tensor<4xf32> attributes {llvm.emit_c_interface, thunder.executor = "thunder_cpu"}
// CHECK: func.func private @helper(%{{.+}}) -> tensor<4xf32> {
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_exec.launch "thunder_cpu" @main_fusion_0(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main_fusion_0(%a: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.exp %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @helper(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}
