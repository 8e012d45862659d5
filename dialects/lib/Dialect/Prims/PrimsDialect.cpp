//===- PrimsDialect.cpp - prims verifiers, shape rules and folders --------===//
#include "thunder/Dialect/Prims/PrimsDialect.h"
#include "thunder/Support/DType.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"

using namespace mlir;
using namespace thunder;
using namespace thunder::prims;

#include "thunder/Dialect/Prims/PrimsDialect.cpp.inc"

void PrimsDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "thunder/Dialect/Prims/PrimsOps.cpp.inc"
      >();
}

namespace {
using Shape = SmallVector<int64_t>;

LogicalResult fail(std::optional<Location> loc, const Twine &message) {
  return emitOptionalError(loc, message);
}

RankedTensorType tensorType(Value v) { return cast<RankedTensorType>(v.getType()); }

std::string shapeString(ArrayRef<int64_t> s) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "[";
  llvm::interleaveComma(s, os);
  os << "]";
  return out;
}

/// Reduction dims: distinct, strictly increasing, in [0, rank).
LogicalResult checkDims(std::optional<Location> loc, StringRef name, ArrayRef<int64_t> dims,
                        int64_t rank) {
  for (auto [i, d] : llvm::enumerate(dims)) {
    if (d < 0 || d >= rank)
      return fail(loc, "'" + name + "' dimension " + Twine(d) + " is out of range for rank " +
                           Twine(rank));
    if (i > 0 && dims[i - 1] >= d)
      return fail(loc, "'" + name + "' dims must be strictly increasing, got " + shapeString(dims));
  }
  return success();
}

Shape dropDims(ArrayRef<int64_t> shape, ArrayRef<int64_t> dims) {
  Shape out;
  for (auto [i, s] : llvm::enumerate(shape))
    if (!llvm::is_contained(dims, static_cast<int64_t>(i))) out.push_back(s);
  return out;
}
} // namespace

//===----------------------------------------------------------------------===//
// Elementwise.
//===----------------------------------------------------------------------===//

#define THUNDER_COMPARE(OP)                                                                    \
  LogicalResult OP::inferReturnTypes(MLIRContext *ctx, std::optional<Location>,                \
                                     Adaptor adaptor, SmallVectorImpl<Type> &inferred) {       \
    inferred.push_back(RankedTensorType::get(tensorType(adaptor.getLhs()).getShape(),          \
                                             IntegerType::get(ctx, 1)));                       \
    return success();                                                                          \
  }
THUNDER_COMPARE(EqOp)
THUNDER_COMPARE(NeOp)
THUNDER_COMPARE(LtOp)
THUNDER_COMPARE(LeOp)
THUNDER_COMPARE(GtOp)
THUNDER_COMPARE(GeOp)
#undef THUNDER_COMPARE

LogicalResult WhereOp::verify() {
  if (getPred().getType().getShape() != getResult().getType().getShape())
    return emitOpError("pred shape ") << shapeString(getPred().getType().getShape())
                                      << " differs from the value shape "
                                      << shapeString(getResult().getType().getShape());
  return success();
}

LogicalResult ConvertElementTypeOp::verify() {
  if (getX().getType().getShape() != getResult().getType().getShape())
    return emitOpError("changes only the dtype; shape ")
           << shapeString(getX().getType().getShape()) << " became "
           << shapeString(getResult().getType().getShape());
  return success();
}

OpFoldResult ConvertElementTypeOp::fold(FoldAdaptor) {
  if (getX().getType() == getResult().getType()) return getX();
  return {};
}

LogicalResult FromScalarOp::verify() {
  if (getResult().getType().getRank() != 0) return emitOpError("result must be a 0-d tensor");
  return success();
}

//===----------------------------------------------------------------------===//
// Shape ops.
//===----------------------------------------------------------------------===//

LogicalResult BroadcastInDimOp::verify() {
  auto in = getX().getType();
  auto out = getResult().getType();
  ArrayRef<int64_t> dims = getBroadcastDimensions();
  if (in.getElementType() != out.getElementType())
    return emitOpError("must not change the dtype");
  if (static_cast<int64_t>(dims.size()) != in.getRank())
    return emitOpError("needs one broadcast dimension per operand dimension: operand rank ")
           << in.getRank() << ", got " << dims.size();
  for (auto [i, d] : llvm::enumerate(dims)) {
    if (d < 0 || d >= out.getRank())
      return emitOpError("broadcast dimension ") << d << " is out of range for result rank "
                                                 << out.getRank();
    if (i > 0 && dims[i - 1] >= d)
      return emitOpError("broadcast dimensions must be strictly increasing");
    int64_t have = in.getDimSize(i), want = out.getDimSize(d);
    if (have != 1 && have != want)
      return emitOpError("operand dimension ") << i << " of size " << have
                                               << " cannot broadcast to result dimension " << d
                                               << " of size " << want;
  }
  return success();
}

OpFoldResult BroadcastInDimOp::fold(FoldAdaptor) {
  if (getX().getType() == getResult().getType()) return getX();
  return {};
}

LogicalResult ReshapeOp::verify() {
  auto in = getX().getType();
  auto out = getResult().getType();
  if (in.getElementType() != out.getElementType()) return emitOpError("must not change the dtype");
  if (in.getNumElements() != out.getNumElements())
    return emitOpError("cannot reshape ") << shapeString(in.getShape()) << " ("
                                          << in.getNumElements() << " elements) to "
                                          << shapeString(out.getShape());
  return success();
}

OpFoldResult ReshapeOp::fold(FoldAdaptor) {
  if (getX().getType() == getResult().getType()) return getX();
  return {};
}

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto in = tensorType(adaptor.getX());
  ArrayRef<int64_t> perm = adaptor.getPermutation();
  if (static_cast<int64_t>(perm.size()) != in.getRank())
    return fail(loc, "'transpose' permutation " + shapeString(perm) + " does not match rank " +
                         Twine(in.getRank()));
  Shape shape;
  llvm::SmallSet<int64_t, 8> seen;
  for (int64_t p : perm) {
    if (p < 0 || p >= in.getRank() || !seen.insert(p).second)
      return fail(loc, "'transpose' " + shapeString(perm) + " is not a permutation");
    shape.push_back(in.getDimSize(p));
  }
  inferred.push_back(RankedTensorType::get(shape, in.getElementType()));
  return success();
}

LogicalResult SliceOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                        Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto in = tensorType(adaptor.getX());
  ArrayRef<int64_t> start = adaptor.getStartIndices(), limit = adaptor.getLimitIndices(),
                    strides = adaptor.getStrides();
  size_t rank = in.getRank();
  if (start.size() != rank || limit.size() != rank || strides.size() != rank)
    return fail(loc, "'slice' needs start_indices, limit_indices and strides of length " +
                         Twine(rank));
  Shape shape;
  for (size_t i = 0; i < rank; ++i) {
    if (strides[i] <= 0) return fail(loc, "'slice' strides must be positive");
    if (start[i] < 0 || start[i] > limit[i] || limit[i] > in.getDimSize(i))
      return fail(loc, "'slice' dimension " + Twine(i) + ": need 0 <= start <= limit <= " +
                           Twine(in.getDimSize(i)) + ", got [" + Twine(start[i]) + ", " +
                           Twine(limit[i]) + ")");
    shape.push_back((limit[i] - start[i] + strides[i] - 1) / strides[i]);
  }
  inferred.push_back(RankedTensorType::get(shape, in.getElementType()));
  return success();
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                      Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto in = tensorType(adaptor.getX());
  auto pv = tensorType(adaptor.getPaddingValue());
  if (pv.getRank() != 0 || pv.getElementType() != in.getElementType())
    return fail(loc, "'pad' padding_value must be a 0-d tensor of the operand's dtype");
  ArrayRef<int64_t> low = adaptor.getLow(), high = adaptor.getHigh(),
                    interior = adaptor.getInterior();
  size_t rank = in.getRank();
  if (low.size() != rank || high.size() != rank || interior.size() != rank)
    return fail(loc, "'pad' needs low, high and interior of length " + Twine(rank));
  Shape shape;
  for (size_t i = 0; i < rank; ++i) {
    if (low[i] < 0 || high[i] < 0 || interior[i] < 0)
      return fail(loc, "'pad' amounts must be non-negative");
    int64_t n = in.getDimSize(i);
    shape.push_back(low[i] + high[i] + n + std::max<int64_t>(n - 1, 0) * interior[i]);
  }
  inferred.push_back(RankedTensorType::get(shape, in.getElementType()));
  return success();
}

LogicalResult CatOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                      Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto tensors = adaptor.getTensors();
  if (tensors.empty()) return fail(loc, "'cat' needs at least one operand");
  auto first = tensorType(tensors.front());
  int64_t dim = adaptor.getDim();
  if (dim < 0 || dim >= first.getRank())
    return fail(loc, "'cat' dim " + Twine(dim) + " is out of range for rank " + Twine(first.getRank()));
  Shape shape(first.getShape());
  for (Value v : tensors.drop_front()) {
    auto t = tensorType(v);
    if (t.getElementType() != first.getElementType())
      return fail(loc, "'cat' operands must have the same dtype");
    if (t.getRank() != first.getRank()) return fail(loc, "'cat' operands must have the same rank");
    for (int64_t i = 0; i < t.getRank(); ++i)
      if (i != dim && t.getDimSize(i) != shape[i])
        return fail(loc, "'cat' sizes must match except along dim " + Twine(dim));
    shape[dim] += t.getDimSize(dim);
  }
  inferred.push_back(RankedTensorType::get(shape, first.getElementType()));
  return success();
}

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto in = tensorType(adaptor.getX());
  if (failed(checkDims(loc, "squeeze", adaptor.getDims(), in.getRank()))) return failure();
  for (int64_t d : adaptor.getDims())
    if (in.getDimSize(d) != 1)
      return fail(loc, "'squeeze' dimension " + Twine(d) + " has size " + Twine(in.getDimSize(d)) +
                           ", not 1");
  inferred.push_back(RankedTensorType::get(dropDims(in.getShape(), adaptor.getDims()),
                                           in.getElementType()));
  return success();
}

//===----------------------------------------------------------------------===//
// Creation.
//===----------------------------------------------------------------------===//

LogicalResult FullOp::verify() {
  Type elem = getResult().getType().getElementType();
  Type valueType = cast<TypedAttr>(getValue()).getType();
  if (!isa<FloatAttr, IntegerAttr>(getValue()) || valueType != elem)
    return emitOpError("value must be a number of the result dtype ") << elem << ", got "
                                                                      << getValue();
  return success();
}

LogicalResult IotaOp::verify() {
  if (getResult().getType().getRank() != 1) return emitOpError("result must be 1-D");
  return success();
}

LogicalResult UniformOp::verify() {
  if (!(getLow().convertToDouble() < getHigh().convertToDouble()))
    return emitOpError("needs low < high, got [") << getLow().convertToDouble() << ", "
                                                  << getHigh().convertToDouble() << ")";
  return success();
}

//===----------------------------------------------------------------------===//
// Reductions and matmul.
//===----------------------------------------------------------------------===//

#define THUNDER_REDUCTION(OP, NAME)                                                            \
  LogicalResult OP::inferReturnTypes(MLIRContext *, std::optional<Location> loc,               \
                                     Adaptor adaptor, SmallVectorImpl<Type> &inferred) {       \
    auto in = tensorType(adaptor.getX());                                                      \
    if (failed(checkDims(loc, NAME, adaptor.getDims(), in.getRank()))) return failure();       \
    inferred.push_back(RankedTensorType::get(dropDims(in.getShape(), adaptor.getDims()),       \
                                             in.getElementType()));                            \
    return success();                                                                          \
  }
THUNDER_REDUCTION(SumOp, "sum")
THUNDER_REDUCTION(ProdOp, "prod")
THUNDER_REDUCTION(AmaxOp, "amax")
THUNDER_REDUCTION(AminOp, "amin")
#undef THUNDER_REDUCTION

LogicalResult VarMeanOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto in = tensorType(adaptor.getX());
  if (failed(checkDims(loc, "var_mean", adaptor.getDims(), in.getRank()))) return failure();
  auto t = RankedTensorType::get(dropDims(in.getShape(), adaptor.getDims()), in.getElementType());
  inferred.push_back(t);
  inferred.push_back(t);
  return success();
}

LogicalResult MatmulOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor, SmallVectorImpl<Type> &inferred) {
  auto a = tensorType(adaptor.getLhs()), b = tensorType(adaptor.getRhs());
  if (a.getElementType() != b.getElementType())
    return fail(loc, "'matmul' operands must have the same dtype");
  if (a.getRank() < 2 || a.getRank() != b.getRank())
    return fail(loc, "'matmul' operands must have the same rank, at least 2 (broadcast batch "
                     "dimensions explicitly)");
  if (a.getShape().drop_back(2) != b.getShape().drop_back(2))
    return fail(loc, "'matmul' batch dimensions differ: " + shapeString(a.getShape()) + " and " +
                         shapeString(b.getShape()));
  int64_t r = a.getRank();
  if (a.getDimSize(r - 1) != b.getDimSize(r - 2))
    return fail(loc, "'matmul' contraction sizes differ: " + shapeString(a.getShape()) + " and " +
                         shapeString(b.getShape()));
  Shape shape(a.getShape().drop_back());
  shape.push_back(b.getDimSize(r - 1));
  inferred.push_back(RankedTensorType::get(shape, a.getElementType()));
  return success();
}

#define GET_OP_CLASSES
#include "thunder/Dialect/Prims/PrimsOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Transpose canonicalization.
//===----------------------------------------------------------------------===//

namespace {
bool isIdentity(ArrayRef<int64_t> perm) {
  for (auto [i, p] : llvm::enumerate(perm))
    if (p != static_cast<int64_t>(i)) return false;
  return true;
}

/// Swaps the last two dimensions and keeps the rest.
bool swapsLastTwo(ArrayRef<int64_t> perm) {
  int64_t r = perm.size();
  if (r < 2 || perm[r - 2] != r - 1 || perm[r - 1] != r - 2) return false;
  return isIdentity(perm.drop_back(2));
}

Value transposeLastTwo(PatternRewriter &rewriter, Location loc, Value x) {
  auto t = tensorType(x);
  int64_t r = t.getRank();
  SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, r));
  std::swap(perm[r - 1], perm[r - 2]);
  SmallVector<int64_t> shape(t.getShape());
  std::swap(shape[r - 1], shape[r - 2]);
  return rewriter.create<TransposeOp>(loc, RankedTensorType::get(shape, t.getElementType()), x, perm);
}

/// transpose(transpose(x, p), q) -> transpose(x, p o q).
struct ComposeTransposes : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op, PatternRewriter &rewriter) const override {
    auto inner = op.getX().getDefiningOp<TransposeOp>();
    if (!inner) return failure();
    ArrayRef<int64_t> outer = op.getPermutation(), first = inner.getPermutation();
    SmallVector<int64_t> perm;
    for (int64_t d : outer) perm.push_back(first[d]);
    if (isIdentity(perm)) {
      rewriter.replaceOp(op, inner.getX());
      return success();
    }
    rewriter.replaceOpWithNewOp<TransposeOp>(op, op.getType(), inner.getX(), perm);
    return success();
  }
};

/// transpose(matmul(a, b)) over the last two dims -> matmul(b^T, a^T).
struct TransposeOfMatmul : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op, PatternRewriter &rewriter) const override {
    auto product = op.getX().getDefiningOp<MatmulOp>();
    if (!product || !product->hasOneUse() || !swapsLastTwo(op.getPermutation())) return failure();
    Location loc = op.getLoc();
    Value bt = transposeLastTwo(rewriter, loc, product.getRhs());
    Value at = transposeLastTwo(rewriter, loc, product.getLhs());
    rewriter.replaceOpWithNewOp<MatmulOp>(op, op.getType(), bt, at);
    return success();
  }
};
} // namespace

OpFoldResult TransposeOp::fold(FoldAdaptor) {
  if (isIdentity(getPermutation())) return getX();
  return {};
}

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &patterns, MLIRContext *context) {
  patterns.add<ComposeTransposes, TransposeOfMatmul>(context);
}
