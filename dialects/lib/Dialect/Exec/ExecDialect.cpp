//===- ExecDialect.cpp - exec-level verifiers -----------------------------===//
#include "thunder/Dialect/Exec/ExecDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

using namespace mlir;
using namespace thunder::exec;

#include "thunder/Dialect/Exec/ExecDialect.cpp.inc"
#include "thunder/Dialect/Exec/ExecEnums.cpp.inc"

void ExecDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "thunder/Dialect/Exec/ExecOps.cpp.inc"
      >();
}

void FusionOp::build(OpBuilder &builder, OperationState &state, StringRef executor,
                     ValueRange inputs, TypeRange resultTypes) {
  state.addAttribute(getExecutorAttrName(state.name), builder.getStringAttr(executor));
  state.addOperands(inputs);
  state.addTypes(resultTypes);
  Region *body = state.addRegion();
  Block *block = new Block();
  for (Value v : inputs) block->addArgument(v.getType(), v.getLoc());
  body->push_back(block);
}

LogicalResult FusionOp::verify() {
  Block &block = getBody().front();
  if (block.getNumArguments() != getInputs().size())
    return emitOpError("body has ") << block.getNumArguments() << " arguments for "
                                    << getInputs().size() << " inputs";
  for (auto [arg, input] : llvm::zip(block.getArguments(), getInputs()))
    if (arg.getType() != input.getType())
      return emitOpError("body argument type ") << arg.getType()
                                                << " differs from its input's " << input.getType();
  // verify() runs before the region traits, so the terminator is not known to be
  // a yield yet (SingleBlockImplicitTerminator checks it later).
  auto yield = block.empty() ? YieldOp() : dyn_cast<YieldOp>(block.back());
  if (!yield) return emitOpError("body must end with 'thunder_exec.yield'");
  if (yield.getValues().getTypes() != getResultTypes())
    return emitOpError("yields ") << yield.getValues().getTypes() << " but declares results "
                                  << getResultTypes();
  if (getExecutor().empty()) return emitOpError("executor must be named");
  return success();
}

static LogicalResult sameDtype(Operation *op, RankedTensorType in, RankedTensorType out) {
  if (in.getElementType() != out.getElementType())
    return op->emitOpError("must not change the dtype");
  return success();
}

LogicalResult AllReduceOp::verify() {
  if (getX().getType() != getResult().getType())
    return emitOpError("result type must equal the operand type");
  return success();
}

LogicalResult BroadcastOp::verify() {
  if (getX().getType() != getResult().getType())
    return emitOpError("result type must equal the operand type");
  if (static_cast<int64_t>(getRoot()) < 0 || getRoot() >= getWorldSize())
    return emitOpError("root ") << static_cast<int64_t>(getRoot())
                                << " is not a rank of a group of size " << getWorldSize();
  return success();
}

LogicalResult AllGatherOp::verify() {
  auto in = cast<RankedTensorType>(getX().getType());
  auto out = cast<RankedTensorType>(getResult().getType());
  if (failed(sameDtype(*this, in, out))) return failure();
  if (in.getRank() == 0) return emitOpError("operand must be at least 1-D");
  SmallVector<int64_t> expected(in.getShape());
  expected[0] *= getWorldSize();
  if (out.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result dim 0 must be world_size times the operand's");
  return success();
}

LogicalResult ReduceScatterOp::verify() {
  auto in = cast<RankedTensorType>(getX().getType());
  auto out = cast<RankedTensorType>(getResult().getType());
  if (failed(sameDtype(*this, in, out))) return failure();
  if (in.getRank() == 0 || in.getDimSize(0) % getWorldSize() != 0)
    return emitOpError("operand dim 0 must be divisible by world_size ") << getWorldSize();
  SmallVector<int64_t> expected(in.getShape());
  expected[0] /= getWorldSize();
  if (out.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result dim 0 must be the operand's divided by world_size");
  return success();
}

LogicalResult LaunchOp::verify() {
  if (getExecutor().empty()) return emitOpError("executor must be named");
  return success();
}

LogicalResult LaunchOp::verifySymbolUses(SymbolTableCollection &symbols) {
  auto kernel = symbols.lookupNearestSymbolFrom<func::FuncOp>(*this, getKernelAttr());
  if (!kernel) return emitOpError("kernel '") << getKernel() << "' is not a func.func in this module";
  auto type = kernel.getFunctionType();
  if (TypeRange(type.getInputs()) != TypeRange(getInputs().getTypes()) ||
      TypeRange(type.getResults()) != TypeRange(getResultTypes()))
    return emitOpError("operand and result types must match kernel '")
           << getKernel() << "' of type " << type;
  if (auto tag = kernel->getAttrOfType<StringAttr>("thunder.executor"))
    if (tag.getValue() != getExecutor())
      return emitOpError("executor \"")
             << getExecutor() << "\" launches kernel '" << getKernel() << "' generated by \""
             << tag.getValue() << "\"";
  return success();
}

LogicalResult ReleaseOp::verify() {
  if (getValues().empty()) return emitOpError("needs at least one value");
  return success();
}

#define GET_OP_CLASSES
#include "thunder/Dialect/Exec/ExecOps.cpp.inc"
