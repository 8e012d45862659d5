//===- DType.h - thunder dtypes and PyTorch's promotion rules -------------===//
//
// The one implementation of `torch.result_type` and shape broadcasting in the
// project: the torch-level verifiers use it, and the Rust decomposition reaches
// it through the C API so the two can never disagree.
//
//===----------------------------------------------------------------------===//
#ifndef THUNDER_SUPPORT_DTYPE_H
#define THUNDER_SUPPORT_DTYPE_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace thunder {

enum class DType { Bool, U8, I8, I16, I32, I64, F16, BF16, F32, F64 };

/// The dtype a Python float becomes in a computation (torch's default dtype).
inline constexpr DType kDefaultFloat = DType::F32;

std::optional<DType> dtypeOf(mlir::Type elementType);
mlir::Type toMlirType(mlir::MLIRContext *ctx, DType dtype);
const char *dtypeName(DType dtype);

inline bool isFloat(DType d) {
  return d == DType::F16 || d == DType::BF16 || d == DType::F32 || d == DType::F64;
}
inline bool isInteger(DType d) { return !isFloat(d) && d != DType::Bool; }

/// `torch.promote_types`.
DType promoteTypes(DType a, DType b);

/// How an operand takes part in `torch.result_type`.
enum class OperandKind { Tensor, ZeroDimTensor, Scalar };

struct PromotionOperand {
  OperandKind kind;
  DType dtype;
};

/// `torch.result_type` over the operands: a dimensioned tensor outranks a 0-d
/// tensor, which outranks a Python number, unless the lower one is of a higher
/// category (bool < integer < floating).
DType resultType(llvm::ArrayRef<PromotionOperand> operands);

/// Classifies an MLIR value type (ranked tensor, or f64/i64/i1 Python number).
std::optional<PromotionOperand> promotionOperandOf(mlir::Type type);

/// NumPy/PyTorch broadcasting of static shapes; nullopt when incompatible.
std::optional<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<llvm::ArrayRef<int64_t>> shapes);

/// Shape of a tensor type, or the empty shape of a Python number.
llvm::ArrayRef<int64_t> shapeOf(mlir::Type type);

/// Wraps a possibly negative dimension into [0, rank); nullopt if out of range.
std::optional<int64_t> normalizeDim(int64_t dim, int64_t rank);

} // namespace thunder

#endif // THUNDER_SUPPORT_DTYPE_H
