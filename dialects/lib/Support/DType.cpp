//===- DType.cpp - thunder dtypes and PyTorch's promotion rules -----------===//
#include "thunder/Support/DType.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

namespace thunder {

std::optional<DType> dtypeOf(Type t) {
  if (t.isF64()) return DType::F64;
  if (t.isF32()) return DType::F32;
  if (t.isF16()) return DType::F16;
  if (t.isBF16()) return DType::BF16;
  if (auto i = dyn_cast<IntegerType>(t)) {
    if (i.getWidth() == 1 && i.isSignless()) return DType::Bool;
    if (i.isUnsigned()) {
      if (i.getWidth() == 8) return DType::U8;
      return std::nullopt;
    }
    if (!i.isSignless()) return std::nullopt;
    switch (i.getWidth()) {
    case 8: return DType::I8;
    case 16: return DType::I16;
    case 32: return DType::I32;
    case 64: return DType::I64;
    default: return std::nullopt;
    }
  }
  return std::nullopt;
}

Type toMlirType(MLIRContext *ctx, DType d) {
  Builder b(ctx);
  switch (d) {
  case DType::Bool: return b.getI1Type();
  case DType::U8: return IntegerType::get(ctx, 8, IntegerType::Unsigned);
  case DType::I8: return b.getI8Type();
  case DType::I16: return b.getI16Type();
  case DType::I32: return b.getI32Type();
  case DType::I64: return b.getI64Type();
  case DType::F16: return b.getF16Type();
  case DType::BF16: return b.getBF16Type();
  case DType::F32: return b.getF32Type();
  case DType::F64: return b.getF64Type();
  }
  llvm_unreachable("unknown dtype");
}

const char *dtypeName(DType d) {
  switch (d) {
  case DType::Bool: return "bool";
  case DType::U8: return "uint8";
  case DType::I8: return "int8";
  case DType::I16: return "int16";
  case DType::I32: return "int32";
  case DType::I64: return "int64";
  case DType::F16: return "float16";
  case DType::BF16: return "bfloat16";
  case DType::F32: return "float32";
  case DType::F64: return "float64";
  }
  llvm_unreachable("unknown dtype");
}

static int floatRank(DType d) {
  switch (d) {
  case DType::F16:
  case DType::BF16: return 0;
  case DType::F32: return 1;
  default: return 2;
  }
}

static int intWidth(DType d) {
  switch (d) {
  case DType::I8: return 8;
  case DType::I16: return 16;
  case DType::I32: return 32;
  default: return 64;
  }
}

DType promoteTypes(DType a, DType b) {
  if (a == b) return a;
  if (a == DType::Bool) return b;
  if (b == DType::Bool) return a;
  if (isFloat(a) && isFloat(b)) {
    if (floatRank(a) == floatRank(b)) return DType::F32; // f16 with bf16
    return floatRank(a) > floatRank(b) ? a : b;
  }
  if (isFloat(a)) return a;
  if (isFloat(b)) return b;
  // Two different integer dtypes.
  if (a == DType::U8 || b == DType::U8) {
    DType other = a == DType::U8 ? b : a;
    return other == DType::I8 ? DType::I16 : other;
  }
  return intWidth(a) > intWidth(b) ? a : b;
}

namespace {
// torch's promotion state keeps `Undefined` for "no operand of this kind".
using Slot = std::optional<DType>;

Slot promoteSkipUndefined(Slot a, Slot b) {
  if (!a) return b;
  if (!b) return a;
  return promoteTypes(*a, *b);
}

Slot combineCategories(Slot higher, Slot lower) {
  if (higher && isFloat(*higher)) return higher;
  if ((higher && *higher == DType::Bool) || (lower && isFloat(*lower)))
    return promoteSkipUndefined(higher, lower);
  if (higher) return higher;
  return lower;
}
} // namespace

DType resultType(ArrayRef<PromotionOperand> operands) {
  Slot dim, zero, wrapped;
  for (const PromotionOperand &op : operands) {
    DType current = op.dtype;
    switch (op.kind) {
    case OperandKind::Tensor: dim = promoteSkipUndefined(dim, current); break;
    case OperandKind::ZeroDimTensor: zero = promoteSkipUndefined(zero, current); break;
    case OperandKind::Scalar:
      if (isFloat(current)) current = kDefaultFloat;
      wrapped = promoteSkipUndefined(wrapped, current);
      break;
    }
  }
  Slot result = combineCategories(dim, combineCategories(zero, wrapped));
  return result.value_or(kDefaultFloat);
}

std::optional<PromotionOperand> promotionOperandOf(Type type) {
  if (auto t = dyn_cast<RankedTensorType>(type)) {
    auto d = dtypeOf(t.getElementType());
    if (!d) return std::nullopt;
    return PromotionOperand{t.getRank() == 0 ? OperandKind::ZeroDimTensor : OperandKind::Tensor, *d};
  }
  if (type.isF64()) return PromotionOperand{OperandKind::Scalar, DType::F64};
  if (type.isSignlessInteger(64)) return PromotionOperand{OperandKind::Scalar, DType::I64};
  if (type.isSignlessInteger(1)) return PromotionOperand{OperandKind::Scalar, DType::Bool};
  return std::nullopt;
}

std::optional<SmallVector<int64_t>> broadcastShapes(ArrayRef<ArrayRef<int64_t>> shapes) {
  size_t rank = 0;
  for (ArrayRef<int64_t> s : shapes) rank = std::max(rank, s.size());
  SmallVector<int64_t> out(rank, 1);
  for (ArrayRef<int64_t> s : shapes) {
    size_t offset = rank - s.size();
    for (size_t i = 0; i < s.size(); ++i) {
      int64_t &o = out[offset + i];
      int64_t d = s[i];
      if (d == o || d == 1) continue;
      if (o == 1) { o = d; continue; }
      return std::nullopt;
    }
  }
  return out;
}

ArrayRef<int64_t> shapeOf(Type type) {
  if (auto t = dyn_cast<RankedTensorType>(type)) return t.getShape();
  return {};
}

std::optional<int64_t> normalizeDim(int64_t dim, int64_t rank) {
  // PyTorch lets a 0-d tensor be indexed as if it had one dimension.
  int64_t bound = std::max<int64_t>(rank, 1);
  if (dim < -bound || dim >= bound) return std::nullopt;
  return dim < 0 ? dim + bound : dim;
}

} // namespace thunder
