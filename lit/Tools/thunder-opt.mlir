// The driver lists the three thunder dialects and mlir-opt's usual flags.
// RUN: thunder-opt --help | FileCheck %s --check-prefix=HELP
// HELP: OVERVIEW: thunder-opt: the thunder-rs MLIR driver
// HELP: Available Dialects: {{.*}}thunder_exec, thunder_prims, thunder_torch
// HELP-DAG: --split-input-file
// HELP-DAG: --verify-diagnostics
// HELP-DAG: --mlir-print-ir-after-all
// HELP-DAG: --canonicalize
// HELP-DAG: --cse
// The stages thunder.jit runs are named pipelines.
// HELP-DAG: --thunder-torch-to-prims-pipeline
// HELP-DAG: --thunder-prims-to-exec-pipeline
// HELP-DAG: --thunder-exec-kernels-to-linalg-pipeline
// HELP-DAG: --thunder-linalg-to-llvm-cpu-pipeline
// HELP-DAG: --thunder-cpu-pipeline

// --mlir-print-ir-after-all writes one dump per pass to stderr; the result
// still goes to stdout.
// RUN: thunder-opt %s --pass-pipeline='builtin.module(canonicalize)' --mlir-print-ir-after-all 2>&1 | FileCheck %s --check-prefix=DUMP
// RUN: thunder-opt %s --pass-pipeline='builtin.module(canonicalize)' --mlir-print-ir-after-all 2>&1 >/dev/null | FileCheck %s --check-prefix=STDERR
// RUN: thunder-opt %s --pass-pipeline='builtin.module(canonicalize)' --mlir-print-ir-after-all 2>/dev/null | FileCheck %s --check-prefix=STDOUT

// DUMP: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// DUMP-NEXT: module {
// DUMP-NEXT:   func.func @identity_convert(%[[X:.+]]: tensor<4xf32>) -> tensor<4xf32> {
// DUMP-NEXT:     return %[[X]] : tensor<4xf32>
// DUMP: module {
// DUMP-NEXT: func.func @identity_convert

// STDERR: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// STDERR-NOT: thunder_prims.convert_element_type
// STDERR: return

// STDOUT-NOT: IR Dump After
// STDOUT: func.func @identity_convert(%[[X:.+]]: tensor<4xf32>) -> tensor<4xf32> {
// STDOUT-NEXT: return %[[X]] : tensor<4xf32>
// STDOUT-NOT: IR Dump After

func.func @identity_convert(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.convert_element_type %x : tensor<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}
