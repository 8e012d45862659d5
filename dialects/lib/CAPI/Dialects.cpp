//===- Dialects.cpp - C API: dialect registration and promotion -----------===//
#include "thunder-c/Dialects.h"

#include "thunder/Dialect/Exec/ExecDialect.h"
#include "thunder/Dialect/Prims/PrimsDialect.h"
#include "thunder/Dialect/Torch/TorchDialect.h"
#include "thunder/Support/DType.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Registration.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(ThunderTorch, thunder_torch, thunder::torch::TorchDialect)
MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(ThunderPrims, thunder_prims, thunder::prims::PrimsDialect)
MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(ThunderExec, thunder_exec, thunder::exec::ExecDialect)

namespace thunder {
void registerAllDialects(mlir::DialectRegistry &registry) {
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllToLLVMIRTranslations(registry);
  registry.insert<torch::TorchDialect, prims::PrimsDialect, exec::ExecDialect>();
}
} // namespace thunder

void thunderRegisterAllDialects(MlirDialectRegistry registry) {
  thunder::registerAllDialects(*unwrap(registry));
}

MlirType thunderTorchResultElementType(MlirContext context, intptr_t n, MlirType const *types) {
  llvm::SmallVector<thunder::PromotionOperand> operands;
  for (intptr_t i = 0; i < n; ++i) {
    auto p = thunder::promotionOperandOf(unwrap(types[i]));
    if (!p) return MlirType{nullptr};
    operands.push_back(*p);
  }
  return wrap(thunder::toMlirType(unwrap(context), thunder::resultType(operands)));
}

void thunderForEachRegisteredOperation(MlirContext context, MlirStringRef dialect,
                                       MlirStringCallback callback, void *userData) {
  for (mlir::RegisteredOperationName name : unwrap(context)->getRegisteredOperations())
    if (name.getDialectNamespace() == unwrap(dialect)) callback(wrap(name.getStringRef()), userData);
}
