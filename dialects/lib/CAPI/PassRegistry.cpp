//===- PassRegistry.cpp - naming Rust passes in textual pipelines ---------===//
//
// The MLIR C API can create a pass but cannot register one by name, so a Rust
// pass could not appear in `--pass-pipeline=...`. These few lines put a
// factory of Rust-created passes into MLIR's global pass registry.
//
//===----------------------------------------------------------------------===//
#include "thunder-c/Dialects.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Pass.h"
#include "mlir/CAPI/Support.h"
#include "mlir/CAPI/Utils.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

void thunderRegisterPass(ThunderPassFactory factory) {
  mlir::registerPass([factory]() -> std::unique_ptr<mlir::Pass> {
    return std::unique_ptr<mlir::Pass>(unwrap(factory()));
  });
}

void thunderRegisterPassPipeline(MlirStringRef name, MlirStringRef description,
                                 MlirStringRef pipeline) {
  std::string text = unwrap(pipeline).str();
  mlir::PassPipelineRegistration<>(
      unwrap(name), unwrap(description), [text](mlir::OpPassManager &pm) {
        // The text was checked when it was registered; see thunderAddPipeline.
        (void)mlir::parsePassPipeline(text, pm, llvm::errs());
      });
}

MlirLogicalResult thunderAddPipeline(MlirOpPassManager passManager, MlirStringRef pipeline,
                                     MlirStringCallback error, void *userData) {
  mlir::detail::CallbackOstream stream(error, userData);
  return wrap(mlir::parsePassPipeline(unwrap(pipeline), *unwrap(passManager), stream));
}
