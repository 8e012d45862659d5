//===- ThunderOptMain.cpp - the thunder-opt driver ------------------------===//
//
// mlir-opt's own driver, so thunder-opt has its flags (-split-input-file,
// -verify-diagnostics, --mlir-print-ir-*, --mlir-timing, pass listing in
// --help), as torch-mlir-opt, iree-opt and triton-opt do.
//
//===----------------------------------------------------------------------===//
#include "thunder-c/Dialects.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

namespace thunder {
void registerAllDialects(mlir::DialectRegistry &registry);
}

int thunderOptMain(int argc, char **argv) {
  mlir::DialectRegistry registry;
  thunder::registerAllDialects(registry);
  mlir::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "thunder-opt: the thunder-rs MLIR driver\n", registry));
}
