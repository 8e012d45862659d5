//===- TorchDialect.cpp - torch-level result-type rules -------------------===//
//
// Every torch-level op infers its result type with PyTorch's rules; the ODS
// InferTypeOpInterface verifier then rejects IR whose written result type
// disagrees, with the rule's own message at the op's location.
//
//===----------------------------------------------------------------------===//
#include "thunder/Dialect/Torch/TorchDialect.h"
#include "thunder/Support/DType.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"

#include <cmath>

using namespace mlir;
using namespace thunder;
using namespace thunder::torch;

#include "thunder/Dialect/Torch/TorchDialect.cpp.inc"

void TorchDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "thunder/Dialect/Torch/TorchOps.cpp.inc"
      >();
}

namespace {

using Shape = SmallVector<int64_t>;

LogicalResult fail(std::optional<Location> loc, const Twine &message) {
  return emitOptionalError(loc, message);
}

RankedTensorType tensorOf(ArrayRef<int64_t> shape, MLIRContext *ctx, DType d) {
  return RankedTensorType::get(shape, toMlirType(ctx, d));
}

DType dtypeOfTensor(Value v) {
  return *dtypeOf(cast<RankedTensorType>(v.getType()).getElementType());
}

enum class BinaryRule { Promoted, PromotedNoBool, TrueDivision, Floating, IntegerOrBool, Bool };

LogicalResult inferBinary(MLIRContext *ctx, std::optional<Location> loc, StringRef name,
                          ArrayRef<Value> operands, BinaryRule rule,
                          SmallVectorImpl<Type> &inferred, bool needTensor = true) {
  SmallVector<PromotionOperand> kinds;
  SmallVector<ArrayRef<int64_t>> shapes;
  bool anyTensor = false;
  for (Value v : operands) {
    auto p = promotionOperandOf(v.getType());
    if (!p) return fail(loc, "'" + name + "' operand of unsupported type");
    anyTensor |= isa<RankedTensorType>(v.getType());
    kinds.push_back(*p);
    shapes.push_back(shapeOf(v.getType()));
  }
  if (needTensor && !anyTensor) return fail(loc, "'" + name + "' needs at least one tensor operand");
  auto shape = broadcastShapes(shapes);
  if (!shape) {
    std::string msg;
    llvm::raw_string_ostream os(msg);
    os << "'" << name << "' operands are not broadcastable: shapes";
    for (ArrayRef<int64_t> s : shapes) {
      os << " [";
      llvm::interleaveComma(s, os);
      os << "]";
    }
    return fail(loc, os.str());
  }
  DType d = resultType(kinds);
  switch (rule) {
  case BinaryRule::Promoted: break;
  case BinaryRule::PromotedNoBool:
    if (d == DType::Bool)
      return fail(loc, "'" + name + "' is not supported on bool operands, as in PyTorch");
    break;
  case BinaryRule::TrueDivision:
    if (!isFloat(d)) d = kDefaultFloat;
    break;
  case BinaryRule::Floating:
    if (!isFloat(d)) d = kDefaultFloat;
    break;
  case BinaryRule::IntegerOrBool:
    if (isFloat(d))
      return fail(loc, "'" + name + "' needs integer or bool operands, got " + dtypeName(d));
    break;
  case BinaryRule::Bool: d = DType::Bool; break;
  }
  inferred.push_back(tensorOf(*shape, ctx, d));
  return success();
}

enum class UnaryRule { IntToFloat, FloatOnly, Same, SameNoBool, IntegerOrBool, Bool };

LogicalResult inferUnary(MLIRContext *ctx, std::optional<Location> loc, StringRef name, Value x,
                         UnaryRule rule, SmallVectorImpl<Type> &inferred) {
  auto t = cast<RankedTensorType>(x.getType());
  DType d = *dtypeOf(t.getElementType());
  switch (rule) {
  case UnaryRule::IntToFloat:
    if (!isFloat(d)) d = kDefaultFloat;
    break;
  case UnaryRule::FloatOnly:
    if (!isFloat(d))
      return fail(loc, "'" + name + "' is defined for floating inputs only, got " + dtypeName(d));
    break;
  case UnaryRule::Same: break;
  case UnaryRule::SameNoBool:
    if (d == DType::Bool)
      return fail(loc, "'" + name + "' is not supported on bool tensors, as in PyTorch");
    break;
  case UnaryRule::IntegerOrBool:
    if (isFloat(d))
      return fail(loc, "'" + name + "' needs an integer or bool input, got " + dtypeName(d));
    break;
  case UnaryRule::Bool: d = DType::Bool; break;
  }
  inferred.push_back(tensorOf(t.getShape(), ctx, d));
  return success();
}

/// Normalises a reduction's `dim` list; absent means every dimension.
FailureOr<SmallVector<int64_t>> reductionDims(std::optional<Location> loc, StringRef name,
                                              std::optional<ArrayRef<int64_t>> dims,
                                              int64_t rank) {
  SmallVector<int64_t> out;
  if (!dims || dims->empty()) {
    for (int64_t i = 0; i < rank; ++i) out.push_back(i);
    return out;
  }
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t d : *dims) {
    auto n = normalizeDim(d, rank);
    if (!n)
      return fail(loc, "'" + name + "' dimension " + Twine(d) + " is out of range for rank " +
                           Twine(rank));
    if (rank == 0) continue; // dim 0 / -1 of a 0-d tensor reduces nothing
    if (!seen.insert(*n).second)
      return fail(loc, "'" + name + "' dimension " + Twine(d) + " appears more than once");
    out.push_back(*n);
  }
  llvm::sort(out);
  return out;
}

LogicalResult inferReduction(MLIRContext *ctx, std::optional<Location> loc, StringRef name,
                             Value x, std::optional<ArrayRef<int64_t>> dim, bool keepdim,
                             DType resultDtype, SmallVectorImpl<Type> &inferred) {
  auto t = cast<RankedTensorType>(x.getType());
  auto dims = reductionDims(loc, name, dim, t.getRank());
  if (failed(dims)) return failure();
  Shape shape;
  for (int64_t i = 0; i < t.getRank(); ++i) {
    if (llvm::is_contained(*dims, i)) {
      if (keepdim) shape.push_back(1);
    } else {
      shape.push_back(t.getDimSize(i));
    }
  }
  inferred.push_back(tensorOf(shape, ctx, resultDtype));
  return success();
}

FailureOr<DType> explicitDtype(std::optional<Location> loc, StringRef name,
                               std::optional<Type> dtype) {
  auto d = dtypeOf(*dtype);
  if (!d) return fail(loc, "'" + name + "' dtype must be a thunder dtype");
  return *d;
}

} // namespace

//===----------------------------------------------------------------------===//
// Elementwise.
//===----------------------------------------------------------------------===//

#define THUNDER_BINARY(OP, NAME, RULE)                                                         \
  LogicalResult OP::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,            \
                                     Adaptor adaptor, SmallVectorImpl<Type> &inferred) {       \
    return inferBinary(ctx, loc, NAME, {adaptor.getLhs(), adaptor.getRhs()}, BinaryRule::RULE,  \
                       inferred);                                                              \
  }

THUNDER_BINARY(MulOp, "mul", Promoted)
THUNDER_BINARY(RemainderOp, "remainder", PromotedNoBool)
THUNDER_BINARY(PowOp, "pow", Promoted)
THUNDER_BINARY(MaximumOp, "maximum", Promoted)
THUNDER_BINARY(MinimumOp, "minimum", Promoted)
THUNDER_BINARY(Atan2Op, "atan2", Floating)
THUNDER_BINARY(BitwiseAndOp, "bitwise_and", IntegerOrBool)
THUNDER_BINARY(BitwiseOrOp, "bitwise_or", IntegerOrBool)
THUNDER_BINARY(BitwiseXorOp, "bitwise_xor", IntegerOrBool)
THUNDER_BINARY(LogicalAndOp, "logical_and", Bool)
THUNDER_BINARY(LogicalOrOp, "logical_or", Bool)
THUNDER_BINARY(LogicalXorOp, "logical_xor", Bool)
THUNDER_BINARY(EqOp, "eq", Bool)
THUNDER_BINARY(NeOp, "ne", Bool)
THUNDER_BINARY(LtOp, "lt", Bool)
THUNDER_BINARY(LeOp, "le", Bool)
THUNDER_BINARY(GtOp, "gt", Bool)
THUNDER_BINARY(GeOp, "ge", Bool)
#undef THUNDER_BINARY

static LogicalResult checkAlpha(std::optional<Location> loc, StringRef name,
                                std::optional<APFloat> alpha, Type result) {
  if (!alpha) return success();
  DType d = *dtypeOf(cast<RankedTensorType>(result).getElementType());
  double a = alpha->convertToDouble();
  if (!isFloat(d) && a != std::trunc(a))
    return fail(loc, "'" + name + "' alpha must be an integer for integer or bool operands");
  if (d == DType::Bool && a != 0 && a != 1)
    return fail(loc, "'" + name + "' alpha must be a bool for bool operands");
  return success();
}

LogicalResult AddOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                      Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  if (failed(inferBinary(ctx, loc, "add", {adaptor.getLhs(), adaptor.getRhs()},
                         BinaryRule::Promoted, inferred)))
    return failure();
  return checkAlpha(loc, "add", adaptor.getAlpha(), inferred.back());
}

LogicalResult SubOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                      Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  if (failed(inferBinary(ctx, loc, "sub", {adaptor.getLhs(), adaptor.getRhs()},
                         BinaryRule::PromotedNoBool, inferred)))
    return failure();
  // PyTorch's sub_check rejects a bool operand even when the other one promotes it.
  for (Value v : {adaptor.getLhs(), adaptor.getRhs()})
    if (promotionOperandOf(v.getType())->dtype == DType::Bool)
      return fail(loc, "'sub' is not supported on bool operands, as in PyTorch");
  return checkAlpha(loc, "sub", adaptor.getAlpha(), inferred.back());
}

LogicalResult DivOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                      Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  BinaryRule rule = adaptor.getRoundingMode() ? BinaryRule::PromotedNoBool
                                              : BinaryRule::TrueDivision;
  return inferBinary(ctx, loc, "div", {adaptor.getLhs(), adaptor.getRhs()}, rule, inferred);
}

LogicalResult DivOp::verify() {
  if (auto mode = getRoundingMode(); mode && *mode != "trunc" && *mode != "floor")
    return emitOpError("rounding_mode must be \"trunc\" or \"floor\", got \"") << *mode << "\"";
  return success();
}

#define THUNDER_UNARY(OP, NAME, RULE)                                                          \
  LogicalResult OP::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,            \
                                     Adaptor adaptor, SmallVectorImpl<Type> &inferred) {       \
    return inferUnary(ctx, loc, NAME, adaptor.getX(), UnaryRule::RULE, inferred);              \
  }

THUNDER_UNARY(ExpOp, "exp", IntToFloat)
THUNDER_UNARY(Exp2Op, "exp2", IntToFloat)
THUNDER_UNARY(Expm1Op, "expm1", IntToFloat)
THUNDER_UNARY(LogOp, "log", IntToFloat)
THUNDER_UNARY(Log2Op, "log2", IntToFloat)
THUNDER_UNARY(Log10Op, "log10", IntToFloat)
THUNDER_UNARY(Log1pOp, "log1p", IntToFloat)
THUNDER_UNARY(SqrtOp, "sqrt", IntToFloat)
THUNDER_UNARY(RsqrtOp, "rsqrt", IntToFloat)
THUNDER_UNARY(SinOp, "sin", IntToFloat)
THUNDER_UNARY(CosOp, "cos", IntToFloat)
THUNDER_UNARY(TanOp, "tan", IntToFloat)
THUNDER_UNARY(TanhOp, "tanh", IntToFloat)
THUNDER_UNARY(AsinOp, "asin", IntToFloat)
THUNDER_UNARY(AcosOp, "acos", IntToFloat)
THUNDER_UNARY(AtanOp, "atan", IntToFloat)
THUNDER_UNARY(SinhOp, "sinh", IntToFloat)
THUNDER_UNARY(CoshOp, "cosh", IntToFloat)
THUNDER_UNARY(ErfOp, "erf", IntToFloat)
THUNDER_UNARY(SigmoidOp, "sigmoid", IntToFloat)
THUNDER_UNARY(ReciprocalOp, "reciprocal", IntToFloat)
THUNDER_UNARY(SiluOp, "silu", FloatOnly)
THUNDER_UNARY(GeluOp, "gelu", FloatOnly)
THUNDER_UNARY(NegOp, "neg", SameNoBool)
THUNDER_UNARY(AbsOp, "abs", SameNoBool)
THUNDER_UNARY(ReluOp, "relu", SameNoBool)
THUNDER_UNARY(FloorOp, "floor", SameNoBool)
THUNDER_UNARY(CeilOp, "ceil", SameNoBool)
THUNDER_UNARY(RoundOp, "round", SameNoBool)
THUNDER_UNARY(TruncOp, "trunc", SameNoBool)
THUNDER_UNARY(SignOp, "sign", Same)
THUNDER_UNARY(BitwiseNotOp, "bitwise_not", IntegerOrBool)
THUNDER_UNARY(LogicalNotOp, "logical_not", Bool)
#undef THUNDER_UNARY

LogicalResult GeluOp::verify() {
  if (getApproximate() != "none" && getApproximate() != "tanh")
    return emitOpError("approximate must be \"none\" or \"tanh\", got \"")
           << getApproximate() << "\"";
  return success();
}

LogicalResult ToDtypeOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                          Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto d = explicitDtype(loc, "to_dtype", adaptor.getDtype());
  if (failed(d)) return failure();
  inferred.push_back(tensorOf(cast<RankedTensorType>(adaptor.getX().getType()).getShape(), ctx, *d));
  return success();
}

LogicalResult WhereOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                        Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  SmallVector<Type> values;
  // The condition is a tensor, so both values may be Python numbers.
  if (failed(inferBinary(ctx, loc, "where", {adaptor.getA(), adaptor.getB()},
                         BinaryRule::Promoted, values, /*needTensor=*/false)))
    return failure();
  auto valueType = cast<RankedTensorType>(values.front());
  auto shape = broadcastShapes({shapeOf(adaptor.getCondition().getType()), valueType.getShape()});
  if (!shape) return fail(loc, "'where' condition is not broadcastable with the values");
  inferred.push_back(RankedTensorType::get(*shape, valueType.getElementType()));
  return success();
}

LogicalResult ClampOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                        Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  SmallVector<PromotionOperand> kinds = {*promotionOperandOf(adaptor.getX().getType())};
  for (Value bound : {adaptor.getMin(), adaptor.getMax()})
    if (bound) kinds.push_back(*promotionOperandOf(bound.getType()));
  inferred.push_back(tensorOf(cast<RankedTensorType>(adaptor.getX().getType()).getShape(), ctx,
                              resultType(kinds)));
  return success();
}

LogicalResult ClampOp::verify() {
  if (!getMin() && !getMax()) return emitOpError("needs at least one of 'min' and 'max'");
  return success();
}

//===----------------------------------------------------------------------===//
// Reductions.
//===----------------------------------------------------------------------===//

static DType sumLikeDtype(Value x, std::optional<Type> dtype) {
  if (dtype) return *dtypeOf(*dtype);
  DType d = dtypeOfTensor(x);
  return isFloat(d) ? d : DType::I64;
}

LogicalResult SumOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                      Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  if (adaptor.getDtype() && failed(explicitDtype(loc, "sum", adaptor.getDtype())))
    return failure();
  return inferReduction(ctx, loc, "sum", adaptor.getX(), adaptor.getDim(), adaptor.getKeepdim(),
                        sumLikeDtype(adaptor.getX(), adaptor.getDtype()), inferred);
}

LogicalResult ProdOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                       Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  if (adaptor.getDtype() && failed(explicitDtype(loc, "prod", adaptor.getDtype())))
    return failure();
  return inferReduction(ctx, loc, "prod", adaptor.getX(), adaptor.getDim(), adaptor.getKeepdim(),
                        sumLikeDtype(adaptor.getX(), adaptor.getDtype()), inferred);
}

LogicalResult MeanOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                       Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  DType d = dtypeOfTensor(adaptor.getX());
  if (adaptor.getDtype()) {
    auto e = explicitDtype(loc, "mean", adaptor.getDtype());
    if (failed(e)) return failure();
    d = *e;
  }
  if (!isFloat(d))
    return fail(loc, Twine("'mean' could not infer output dtype: input dtype must be floating, got ") +
                         dtypeName(d));
  return inferReduction(ctx, loc, "mean", adaptor.getX(), adaptor.getDim(), adaptor.getKeepdim(),
                        d, inferred);
}

LogicalResult AmaxOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                       Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  return inferReduction(ctx, loc, "amax", adaptor.getX(), adaptor.getDim(), adaptor.getKeepdim(),
                        dtypeOfTensor(adaptor.getX()), inferred);
}

LogicalResult AminOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                       Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  return inferReduction(ctx, loc, "amin", adaptor.getX(), adaptor.getDim(), adaptor.getKeepdim(),
                        dtypeOfTensor(adaptor.getX()), inferred);
}

LogicalResult VarOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                      Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  DType d = dtypeOfTensor(adaptor.getX());
  if (!isFloat(d))
    return fail(loc, Twine("'var' needs a floating input, got ") + dtypeName(d));
  return inferReduction(ctx, loc, "var", adaptor.getX(), adaptor.getDim(), adaptor.getKeepdim(), d,
                        inferred);
}

//===----------------------------------------------------------------------===//
// Normalisation and softmax.
//===----------------------------------------------------------------------===//

static LogicalResult inferSoftmaxLike(MLIRContext *ctx, std::optional<Location> loc,
                                      StringRef name, Value x, int64_t dim,
                                      std::optional<Type> dtype, SmallVectorImpl<Type> &inferred) {
  auto t = cast<RankedTensorType>(x.getType());
  if (!normalizeDim(dim, t.getRank()))
    return fail(loc, "'" + name + "' dim " + Twine(dim) + " is out of range for rank " +
                         Twine(t.getRank()));
  DType d = *dtypeOf(t.getElementType());
  if (dtype) {
    auto e = explicitDtype(loc, name, dtype);
    if (failed(e)) return failure();
    d = *e;
  }
  if (!isFloat(d))
    return fail(loc, "'" + name + "' needs a floating dtype, got " + dtypeName(d));
  inferred.push_back(tensorOf(t.getShape(), ctx, d));
  return success();
}

LogicalResult SoftmaxOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                          Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  return inferSoftmaxLike(ctx, loc, "softmax", adaptor.getX(), adaptor.getDim(),
                          adaptor.getDtype(), inferred);
}

LogicalResult LogSoftmaxOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                             Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  return inferSoftmaxLike(ctx, loc, "log_softmax", adaptor.getX(), adaptor.getDim(),
                          adaptor.getDtype(), inferred);
}

/// `normalized_shape` must be the trailing dims of `x`; affine params match it.
static LogicalResult verifyNormalization(Operation *op, RankedTensorType x,
                                         ArrayRef<int64_t> normalized,
                                         ArrayRef<Value> params) {
  if (normalized.empty()) return op->emitOpError("normalized_shape must not be empty");
  if (normalized.size() > static_cast<size_t>(x.getRank()) ||
      x.getShape().take_back(normalized.size()) != normalized)
    return op->emitOpError("normalized_shape does not match the trailing dimensions of the input");
  for (Value p : params) {
    if (!p) continue;
    auto pt = cast<RankedTensorType>(p.getType());
    if (pt.getShape() != normalized)
      return op->emitOpError("weight and bias must have shape normalized_shape");
    if (pt.getElementType() != x.getElementType())
      return op->emitOpError("weight and bias must have the input's dtype");
  }
  return success();
}

LogicalResult LayerNormOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                            Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  inferred.push_back(adaptor.getX().getType());
  return success();
}

LogicalResult LayerNormOp::verify() {
  return verifyNormalization(*this, getX().getType(), getNormalizedShape(),
                             {getWeight(), getBias()});
}

LogicalResult RmsNormOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                          Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  inferred.push_back(adaptor.getX().getType());
  return success();
}

LogicalResult RmsNormOp::verify() {
  return verifyNormalization(*this, getX().getType(), getNormalizedShape(), {getWeight()});
}

//===----------------------------------------------------------------------===//
// Linear algebra.
//===----------------------------------------------------------------------===//

static LogicalResult sameDtype(std::optional<Location> loc, StringRef name, Type a, Type b) {
  auto ea = cast<RankedTensorType>(a).getElementType();
  auto eb = cast<RankedTensorType>(b).getElementType();
  if (ea != eb)
    return fail(loc, "'" + name + "' expects operands of the same dtype, got " +
                         dtypeName(*dtypeOf(ea)) + " and " + dtypeName(*dtypeOf(eb)));
  return success();
}

static std::string shapeString(ArrayRef<int64_t> s) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "[";
  llvm::interleaveComma(s, os);
  os << "]";
  return out;
}

LogicalResult MatmulOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto a = cast<RankedTensorType>(adaptor.getLhs().getType());
  auto b = cast<RankedTensorType>(adaptor.getRhs().getType());
  if (failed(sameDtype(loc, "matmul", a, b))) return failure();
  if (a.getRank() == 0 || b.getRank() == 0)
    return fail(loc, "'matmul' operands must be at least 1-D");
  Shape as(a.getShape()), bs(b.getShape());
  bool vecA = as.size() == 1, vecB = bs.size() == 1;
  if (vecA) as.insert(as.begin(), 1);
  if (vecB) bs.push_back(1);
  int64_t m = as[as.size() - 2], k = as.back(), k2 = bs[bs.size() - 2], n = bs.back();
  if (k != k2)
    return fail(loc, "'matmul' shapes " + shapeString(a.getShape()) + " and " +
                         shapeString(b.getShape()) + " cannot be multiplied");
  auto batch = broadcastShapes({ArrayRef<int64_t>(as).drop_back(2), ArrayRef<int64_t>(bs).drop_back(2)});
  if (!batch) return fail(loc, "'matmul' batch dimensions are not broadcastable");
  Shape out = *batch;
  if (!vecA) out.push_back(m);
  if (!vecB) out.push_back(n);
  inferred.push_back(RankedTensorType::get(out, a.getElementType()));
  return success();
}

LogicalResult LinearOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = cast<RankedTensorType>(adaptor.getX().getType());
  auto w = cast<RankedTensorType>(adaptor.getWeight().getType());
  if (failed(sameDtype(loc, "linear", x, w))) return failure();
  if (x.getRank() == 0) return fail(loc, "'linear' input must be at least 1-D");
  if (w.getRank() != 1 && w.getRank() != 2) return fail(loc, "'linear' weight must be 1-D or 2-D");
  if (w.getShape().back() != x.getShape().back())
    return fail(loc, "'linear' input " + shapeString(x.getShape()) + " and weight " +
                         shapeString(w.getShape()) + " have different in_features");
  Shape out(x.getShape().drop_back());
  if (w.getRank() == 2) out.push_back(w.getDimSize(0));
  if (Value bias = adaptor.getBias()) {
    if (failed(sameDtype(loc, "linear", x, bias.getType()))) return failure();
    auto bs = broadcastShapes({shapeOf(bias.getType()), out});
    if (!bs || ArrayRef<int64_t>(*bs) != ArrayRef<int64_t>(out))
      return fail(loc, "'linear' bias " + shapeString(shapeOf(bias.getType())) +
                           " does not broadcast to the output " + shapeString(out));
  }
  inferred.push_back(RankedTensorType::get(out, x.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Shape ops.
//===----------------------------------------------------------------------===//

static RankedTensorType inputOf(Value x) { return cast<RankedTensorType>(x.getType()); }

LogicalResult ReshapeOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = inputOf(adaptor.getX());
  Shape shape(adaptor.getShape());
  int64_t known = 1, inferredAt = -1;
  for (auto [i, d] : llvm::enumerate(shape)) {
    if (d == -1) {
      if (inferredAt >= 0) return fail(loc, "'reshape' shape may contain only one -1");
      inferredAt = i;
    } else if (d < 0) {
      return fail(loc, "'reshape' shape entries must be non-negative or -1, got " + Twine(d));
    } else {
      known *= d;
    }
  }
  int64_t numel = x.getNumElements();
  if (inferredAt >= 0) {
    if (known == 0 || numel % known != 0)
      return fail(loc, "'reshape' shape " + shapeString(adaptor.getShape()) +
                           " is invalid for input of size " + Twine(numel));
    shape[inferredAt] = numel / known;
  } else if (known != numel) {
    return fail(loc, "'reshape' shape " + shapeString(adaptor.getShape()) +
                         " is invalid for input of size " + Twine(numel));
  }
  inferred.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult PermuteOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = inputOf(adaptor.getX());
  ArrayRef<int64_t> dims = adaptor.getDims();
  if (static_cast<int64_t>(dims.size()) != x.getRank())
    return fail(loc, "'permute' needs " + Twine(x.getRank()) + " dims, got " + Twine(dims.size()));
  Shape shape;
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t d : dims) {
    auto n = normalizeDim(d, x.getRank());
    if (!n || !seen.insert(*n).second)
      return fail(loc, "'permute' dims " + shapeString(dims) + " are not a permutation");
    shape.push_back(x.getDimSize(*n));
  }
  inferred.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = inputOf(adaptor.getX());
  auto d0 = normalizeDim(adaptor.getDim0(), x.getRank());
  auto d1 = normalizeDim(adaptor.getDim1(), x.getRank());
  if (!d0 || !d1) return fail(loc, "'transpose' dimension out of range for rank " + Twine(x.getRank()));
  Shape shape(x.getShape());
  if (x.getRank() > 0) std::swap(shape[*d0], shape[*d1]);
  inferred.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult UnsqueezeOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = inputOf(adaptor.getX());
  int64_t rank = x.getRank() + 1, dim = adaptor.getDim();
  if (dim < -rank || dim >= rank)
    return fail(loc, "'unsqueeze' dim " + Twine(dim) + " is out of range for rank " + Twine(x.getRank()));
  if (dim < 0) dim += rank;
  Shape shape(x.getShape());
  shape.insert(shape.begin() + dim, 1);
  inferred.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = inputOf(adaptor.getX());
  SmallVector<int64_t> dims;
  if (auto given = adaptor.getDim()) {
    for (int64_t d : *given) {
      auto n = normalizeDim(d, x.getRank());
      if (!n) return fail(loc, "'squeeze' dim " + Twine(d) + " is out of range");
      dims.push_back(*n);
    }
  } else {
    for (int64_t i = 0; i < x.getRank(); ++i) dims.push_back(i);
  }
  Shape shape;
  for (int64_t i = 0; i < x.getRank(); ++i)
    if (!(llvm::is_contained(dims, i) && x.getDimSize(i) == 1)) shape.push_back(x.getDimSize(i));
  inferred.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult ExpandOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = inputOf(adaptor.getX());
  ArrayRef<int64_t> target = adaptor.getShape();
  if (static_cast<int64_t>(target.size()) < x.getRank())
    return fail(loc, "'expand' shape " + shapeString(target) + " has fewer dimensions than the input");
  size_t lead = target.size() - x.getRank();
  Shape shape;
  for (auto [i, t] : llvm::enumerate(target)) {
    if (i < lead) {
      if (t < 0) return fail(loc, "'expand' new leading dimensions cannot be -1");
      shape.push_back(t);
      continue;
    }
    int64_t have = x.getDimSize(i - lead);
    if (t == -1 || t == have) {
      shape.push_back(have);
    } else if (have == 1 && t >= 0) {
      shape.push_back(t);
    } else {
      return fail(loc, "'expand' cannot expand " + shapeString(x.getShape()) + " to " +
                           shapeString(target));
    }
  }
  inferred.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult SliceOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                        Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = inputOf(adaptor.getX());
  if (x.getRank() == 0) return fail(loc, "'slice' cannot slice a 0-d tensor");
  auto dim = normalizeDim(adaptor.getDim(), x.getRank());
  if (!dim) return fail(loc, "'slice' dim " + Twine(static_cast<int64_t>(adaptor.getDim())) +
                              " is out of range");
  int64_t step = adaptor.getStep();
  if (step <= 0) return fail(loc, "'slice' step must be positive, got " + Twine(step));
  int64_t size = x.getDimSize(*dim);
  auto clampIndex = [&](int64_t i) {
    if (i < 0) i += size;
    return std::clamp<int64_t>(i, 0, size);
  };
  int64_t start = clampIndex(adaptor.getStart());
  int64_t end = std::max(start, clampIndex(adaptor.getEnd()));
  Shape shape(x.getShape());
  shape[*dim] = (end - start + step - 1) / step;
  inferred.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult SelectOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto x = inputOf(adaptor.getX());
  if (x.getRank() == 0) return fail(loc, "'select' cannot index a 0-d tensor");
  auto dim = normalizeDim(adaptor.getDim(), x.getRank());
  if (!dim) return fail(loc, "'select' dim " + Twine(static_cast<int64_t>(adaptor.getDim())) +
                              " is out of range");
  int64_t size = x.getDimSize(*dim), index = adaptor.getIndex();
  if (index < -size || index >= size)
    return fail(loc, "'select' index " + Twine(index) + " is out of range for size " + Twine(size));
  Shape shape(x.getShape());
  shape.erase(shape.begin() + *dim);
  inferred.push_back(RankedTensorType::get(shape, x.getElementType()));
  return success();
}

LogicalResult CatOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                      Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  if (adaptor.getTensors().empty()) return fail(loc, "'cat' needs at least one tensor");
  SmallVector<PromotionOperand> kinds;
  std::optional<Shape> shape;
  std::optional<int64_t> dim;
  for (Value v : adaptor.getTensors()) {
    auto t = inputOf(v);
    if (t.getRank() == 0) return fail(loc, "'cat' zero-dimensional tensors cannot be concatenated");
    kinds.push_back({OperandKind::Tensor, *dtypeOf(t.getElementType())});
    if (t.getRank() == 1 && t.getDimSize(0) == 0) continue; // legacy: skipped
    if (!shape) {
      dim = normalizeDim(adaptor.getDim(), t.getRank());
      if (!dim) return fail(loc, "'cat' dim " + Twine(static_cast<int64_t>(adaptor.getDim())) +
                              " is out of range");
      shape = Shape(t.getShape());
      continue;
    }
    if (t.getRank() != static_cast<int64_t>(shape->size()))
      return fail(loc, "'cat' tensors must have the same rank");
    for (int64_t i = 0; i < t.getRank(); ++i) {
      if (i == *dim) continue;
      if (t.getDimSize(i) != (*shape)[i])
        return fail(loc, "'cat' sizes must match except in dimension " + Twine(*dim) +
                             ": got " + shapeString(*shape) + " and " + shapeString(t.getShape()));
    }
    (*shape)[*dim] += t.getDimSize(*dim);
  }
  inferred.push_back(tensorOf(shape ? *shape : Shape{0}, ctx, resultType(kinds)));
  return success();
}

//===----------------------------------------------------------------------===//
// Creation.
//===----------------------------------------------------------------------===//

static DType dtypeOfNumber(Attribute a) {
  if (isa<FloatAttr>(a)) return kDefaultFloat;
  if (isa<BoolAttr>(a)) return DType::Bool;
  return DType::I64;
}

LogicalResult FullOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                       Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  for (int64_t d : adaptor.getShape())
    if (d < 0) return fail(loc, "'full' sizes must be non-negative");
  DType d = dtypeOfNumber(adaptor.getValue());
  if (adaptor.getDtype()) {
    auto e = explicitDtype(loc, "full", adaptor.getDtype());
    if (failed(e)) return failure();
    d = *e;
  }
  inferred.push_back(tensorOf(adaptor.getShape(), ctx, d));
  return success();
}

static double numberOf(Attribute a) {
  if (auto f = dyn_cast<FloatAttr>(a)) return f.getValueAsDouble();
  return static_cast<double>(cast<IntegerAttr>(a).getInt());
}

LogicalResult ArangeOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location> loc,
                                         Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  double start = numberOf(adaptor.getStart()), end = numberOf(adaptor.getEnd()),
         step = numberOf(adaptor.getStep());
  if (!std::isfinite(start) || !std::isfinite(end)) {
    std::string msg;
    llvm::raw_string_ostream os(msg);
    os << "'arange' unsupported range: " << start << " -> " << end;
    return fail(loc, os.str());
  }
  if (!(step > 0 || step < 0)) return fail(loc, "'arange' step must be nonzero");
  if ((step > 0 && end < start) || (step < 0 && end > start))
    return fail(loc, "'arange' upper bound and step sign are inconsistent");
  bool allInts = isa<IntegerAttr>(adaptor.getStart()) && isa<IntegerAttr>(adaptor.getEnd()) &&
                 isa<IntegerAttr>(adaptor.getStep());
  DType d = allInts ? DType::I64 : kDefaultFloat;
  if (adaptor.getDtype()) {
    auto e = explicitDtype(loc, "arange", adaptor.getDtype());
    if (failed(e)) return failure();
    d = *e;
  }
  double size = std::ceil((end - start) / step);
  if (!(size >= 0 && size < 9.2e18))
    return fail(loc, "'arange' invalid size, possible overflow");
  auto length = static_cast<int64_t>(size);
  inferred.push_back(tensorOf({length}, ctx, d));
  return success();
}

#define GET_OP_CLASSES
#include "thunder/Dialect/Torch/TorchOps.cpp.inc"
