//===- TorchDialect.h - the thunder_torch dialect ---------------------------===//
#ifndef THUNDER_DIALECT_TORCH_TORCHDIALECT_H
#define THUNDER_DIALECT_TORCH_TORCHDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "thunder/Dialect/Torch/TorchDialect.h.inc"

#define GET_OP_CLASSES
#include "thunder/Dialect/Torch/TorchOps.h.inc"

#endif
