// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-exec-extract-kernels)' | FileCheck %s

// The plan goes, the kernel it launches stays.
// CHECK-NOT: func.func @main(
// CHECK: func.func @main_fusion_0(%{{.+}}: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.executor = "thunder_cpu"}
// CHECK-NOT: func.func @main(
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_exec.launch "thunder_cpu" @main_fusion_0(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @main_fusion_0(%a: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.exp %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
