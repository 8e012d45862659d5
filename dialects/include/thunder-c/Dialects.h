/*===- Dialects.h - C API of the thunder dialects and tools ---------------===*\
|* What the Rust side needs from the C++ side: dialect handles, PyTorch's     *|
|* promotion rule, registering Rust passes and pipelines by name, and the     *|
|* thunder-opt driver.                                                        *|
\*===----------------------------------------------------------------------===*/
#ifndef THUNDER_C_DIALECTS_H
#define THUNDER_C_DIALECTS_H

#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

#ifdef __cplusplus
extern "C" {
#endif

MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(ThunderTorch, thunder_torch);
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(ThunderPrims, thunder_prims);
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(ThunderExec, thunder_exec);

/// Inserts every upstream dialect and extension, plus the three thunder
/// dialects, into `registry`.
MLIR_CAPI_EXPORTED void thunderRegisterAllDialects(MlirDialectRegistry registry);

/// `torch.result_type` over `n` operand types (ranked tensors, or f64/i64/i1
/// for Python numbers). Returns the element type, or a null type when an
/// operand is of no thunder dtype.
MLIR_CAPI_EXPORTED MlirType thunderTorchResultElementType(MlirContext context, intptr_t n,
                                                          MlirType const *types);

/// Calls `callback` with the name of every registered operation of
/// `dialect` (loaded in `context`).
MLIR_CAPI_EXPORTED void thunderForEachRegisteredOperation(MlirContext context, MlirStringRef dialect,
                                                          MlirStringCallback callback,
                                                          void *userData);

/// Makes a fresh pass instance each time it is called.
typedef MlirPass (*ThunderPassFactory)(void);

/// Registers a pass under its own argument so textual pipelines can name it.
MLIR_CAPI_EXPORTED void thunderRegisterPass(ThunderPassFactory factory);

/// Registers `name` as a pipeline alias expanding to `pipeline` (textual).
MLIR_CAPI_EXPORTED void thunderRegisterPassPipeline(MlirStringRef name,
                                                    MlirStringRef description,
                                                    MlirStringRef pipeline);

/// Appends a textual pipeline to `passManager`; diagnostics go to `error`.
MLIR_CAPI_EXPORTED MlirLogicalResult thunderAddPipeline(MlirOpPassManager passManager,
                                                        MlirStringRef pipeline,
                                                        MlirStringCallback error,
                                                        void *userData);

/// Registers the passes written in C++ (`thunder-math-approximation`).
MLIR_CAPI_EXPORTED void thunderRegisterCxxPasses(void);

/// mlir-opt's driver (MlirOptMain) with every upstream dialect and pass, the
/// thunder dialects, and whatever was registered through the calls above.
MLIR_CAPI_EXPORTED int thunderOptMain(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif // THUNDER_C_DIALECTS_H
