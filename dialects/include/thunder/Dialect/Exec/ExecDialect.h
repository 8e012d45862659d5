//===- ExecDialect.h - the thunder_exec dialect ---------------------------===//
#ifndef THUNDER_DIALECT_EXEC_EXECDIALECT_H
#define THUNDER_DIALECT_EXEC_EXECDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "thunder/Dialect/Exec/ExecDialect.h.inc"
#include "thunder/Dialect/Exec/ExecEnums.h.inc"

#define GET_OP_CLASSES
#include "thunder/Dialect/Exec/ExecOps.h.inc"

#endif
