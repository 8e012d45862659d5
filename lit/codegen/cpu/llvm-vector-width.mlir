// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-llvm-vector-width)' | FileCheck %s

// For an AVX-512 target, every function with a body lets LLVM vectorise with
// 512-bit registers; existing passthrough entries stay, declarations are
// left alone.
// CHECK-LABEL: llvm.func @kernel(
// CHECK-SAME: passthrough = {{\[\[}}"prefer-vector-width", "512"{{\]\]}}
// CHECK-LABEL: llvm.func @declared(f32) -> f32
// CHECK-NOT: passthrough
// CHECK-LABEL: llvm.func @noinline(
// CHECK-SAME: passthrough = ["noinline", {{\[}}"prefer-vector-width", "512"{{\]\]}}
module attributes {thunder.cpu_features = ["avx512f"]} {
  llvm.func @kernel(%a: f32) -> f32 {
    llvm.return %a : f32
  }
  llvm.func @declared(f32) -> f32
  llvm.func @noinline(%a: f32) -> f32 attributes {passthrough = ["noinline"]} {
    llvm.return %a : f32
  }
}

// -----

// Other targets keep LLVM's own choice.
// CHECK-LABEL: llvm.func @kernel_avx2(
// CHECK-NOT: passthrough
module attributes {thunder.cpu_features = ["avx2"]} {
  llvm.func @kernel_avx2(%a: f32) -> f32 {
    llvm.return %a : f32
  }
}
