//===- ThunderOptMain.cpp - the thunder-opt driver ------------------------===//
//
// mlir-opt's own driver, so thunder-opt has its flags (-split-input-file,
// -verify-diagnostics, --mlir-print-ir-*, --mlir-timing, pass listing in
// --help), as torch-mlir-opt, iree-opt and triton-opt do. Before MLIR parses
// the input, the driver refuses the one construct MLIR 22's parser crashes on
// (a dense array of `index`), with a located error instead of a segfault.
//
//===----------------------------------------------------------------------===//
#include "thunder-c/Dialects.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

namespace thunder {
void registerAllDialects(mlir::DialectRegistry &registry);
}

/// Reports `array<index: ...>` (MLIR's dense-array parser takes the element
/// width of `index` and crashes); false if the input has one.
static bool refuseCrashingSyntax(const llvm::MemoryBuffer &buffer) {
  llvm::Regex indexArray("array<[[:space:]]*index[[:space:]]*[:>]");
  llvm::StringRef text = buffer.getBuffer();
  llvm::SmallVector<llvm::StringRef, 1> match;
  if (!indexArray.match(text, &match)) return true;
  llvm::SourceMgr sources;
  sources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, buffer.getBufferIdentifier()),
                             llvm::SMLoc());
  sources.PrintMessage(llvm::errs(), llvm::SMLoc::getFromPointer(sources.getMemoryBuffer(1)->getBufferStart() +
                                                                  (match[0].data() - text.data())),
                       llvm::SourceMgr::DK_Error,
                       "dense arrays of 'index' are not supported (MLIR's parser crashes on them): use "
                       "array<i64: ...>");
  return false;
}

int thunderOptMain(int argc, char **argv) {
  mlir::DialectRegistry registry;
  thunder::registerAllDialects(registry);
  mlir::registerAllPasses();
  auto [inputName, outputName] = mlir::registerAndParseCLIOptions(
      argc, argv, "thunder-opt: the thunder-rs MLIR driver\n", registry);
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input = mlir::openInputFile(inputName, &error);
  if (!input) {
    llvm::errs() << error << "\n";
    return EXIT_FAILURE;
  }
  if (!refuseCrashingSyntax(*input)) return EXIT_FAILURE;
  std::unique_ptr<llvm::ToolOutputFile> output = mlir::openOutputFile(outputName, &error);
  if (!output) {
    llvm::errs() << error << "\n";
    return EXIT_FAILURE;
  }
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();
  if (mlir::failed(mlir::MlirOptMain(output->os(), std::move(input), registry, config)))
    return EXIT_FAILURE;
  output->keep();
  return EXIT_SUCCESS;
}
