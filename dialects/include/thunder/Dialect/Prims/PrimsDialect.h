//===- PrimsDialect.h - the thunder_prims dialect ---------------------------===//
#ifndef THUNDER_DIALECT_PRIMS_PRIMSDIALECT_H
#define THUNDER_DIALECT_PRIMS_PRIMSDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "thunder/Dialect/Prims/PrimsDialect.h.inc"

#define GET_OP_CLASSES
#include "thunder/Dialect/Prims/PrimsOps.h.inc"

#endif
