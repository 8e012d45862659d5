//===- PrimsOps.td - prims-level operations -------------------------------===//
#ifndef THUNDER_PRIMS_OPS_TD
#define THUNDER_PRIMS_OPS_TD

include "thunder/Dialect/Prims/PrimsDialect.td"
include "thunder/Dialect/Common/ThunderBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributes.td"

class Prims_Op<string mnemonic, list<Trait> traits = []>
    : Op<Prims_Dialect, mnemonic, !listconcat(traits, [Pure])>;

//===----------------------------------------------------------------------===//
// Elementwise.
//===----------------------------------------------------------------------===//

class Prims_UnaryOp<string mnemonic, Type operandType, string semantics>
    : Prims_Op<mnemonic, [SameOperandsAndResultType, Elementwise]> {
  let summary = "elementwise " # mnemonic;
  let description = semantics;
  let arguments = (ins operandType:$x);
  let results = (outs operandType:$result);
  let assemblyFormat = "$x attr-dict `:` type($result)";
}

class Prims_FloatUnaryOp<string mnemonic, string semantics = "">
    : Prims_UnaryOp<mnemonic, Thunder_FloatTensor, semantics>;
def Prims_ExpOp : Prims_FloatUnaryOp<"exp">;
def Prims_Exp2Op : Prims_FloatUnaryOp<"exp2">;
def Prims_Expm1Op : Prims_FloatUnaryOp<"expm1">;
def Prims_LogOp : Prims_FloatUnaryOp<"log">;
def Prims_Log2Op : Prims_FloatUnaryOp<"log2">;
def Prims_Log10Op : Prims_FloatUnaryOp<"log10">;
def Prims_Log1pOp : Prims_FloatUnaryOp<"log1p">;
def Prims_SqrtOp : Prims_FloatUnaryOp<"sqrt">;
def Prims_RsqrtOp : Prims_FloatUnaryOp<"rsqrt">;
def Prims_SinOp : Prims_FloatUnaryOp<"sin">;
def Prims_CosOp : Prims_FloatUnaryOp<"cos">;
def Prims_TanOp : Prims_FloatUnaryOp<"tan">;
def Prims_TanhOp : Prims_FloatUnaryOp<"tanh">;
def Prims_AsinOp : Prims_FloatUnaryOp<"asin">;
def Prims_AcosOp : Prims_FloatUnaryOp<"acos">;
def Prims_AtanOp : Prims_FloatUnaryOp<"atan">;
def Prims_SinhOp : Prims_FloatUnaryOp<"sinh">;
def Prims_CoshOp : Prims_FloatUnaryOp<"cosh">;
def Prims_ErfOp : Prims_FloatUnaryOp<"erf">;
def Prims_ReciprocalOp : Prims_FloatUnaryOp<"reciprocal", "`1 / x`">;
def Prims_SigmoidOp : Prims_FloatUnaryOp<"sigmoid",
    "`1 / (1 + exp(-x))`. A prim (jax's `logistic`) so that its derivative is "
    "`y (1 - y)`, finite everywhere, where the composition's is `0 * inf` at "
    "`-inf`.">;
def Prims_FloorOp : Prims_FloatUnaryOp<"floor">;
def Prims_CeilOp : Prims_FloatUnaryOp<"ceil">;
def Prims_RoundOp : Prims_FloatUnaryOp<"round", "Rounds half to even, as `torch.round`.">;
def Prims_TruncOp : Prims_FloatUnaryOp<"trunc">;

class Prims_NumericUnaryOp<string mnemonic, string semantics = "">
    : Prims_UnaryOp<mnemonic, Thunder_NumericTensor, semantics>;
def Prims_NegOp : Prims_NumericUnaryOp<"neg">;
def Prims_AbsOp : Prims_NumericUnaryOp<"abs">;
def Prims_SignOp : Prims_NumericUnaryOp<"sign", "-1, 0 or 1 (NaN stays NaN).">;

def Prims_StopGradientOp : Prims_UnaryOp<"stop_gradient", Thunder_Tensor,
    "The identity, through which no gradient or tangent flows: a value the "
    "transforms treat as a constant (softmax's row maximum, the outside "
    "branch of clamp).">;

def Prims_BitwiseNotOp : Prims_UnaryOp<"bitwise_not", Thunder_IntOrBoolTensor,
    "Bitwise complement; on bool it is logical not.">;

class Prims_BinaryOp<string mnemonic, Type operandType, string semantics = "">
    : Prims_Op<mnemonic, [SameOperandsAndResultType, Elementwise]> {
  let summary = "elementwise " # mnemonic;
  let description = semantics # " Operands have identical shape and dtype.";
  let arguments = (ins operandType:$lhs, operandType:$rhs);
  let results = (outs operandType:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
}

def Prims_AddOp : Prims_BinaryOp<"add", Thunder_NumericTensor, "Integer overflow wraps.">;
def Prims_SubOp : Prims_BinaryOp<"sub", Thunder_NumericTensor, "Integer overflow wraps.">;
def Prims_MulOp : Prims_BinaryOp<"mul", Thunder_NumericTensor, "Integer overflow wraps.">;
def Prims_DivOp : Prims_BinaryOp<"div", Thunder_NumericTensor,
    "IEEE division for floats; integers divide truncating toward zero.">;
def Prims_FmodOp : Prims_BinaryOp<"fmod", Thunder_NumericTensor,
    "C's `fmod`: the remainder has the sign of the dividend.">;
def Prims_PowOp : Prims_BinaryOp<"pow", Thunder_NumericTensor, "">;
def Prims_MaximumOp : Prims_BinaryOp<"maximum", Thunder_NumericTensor, "NaN propagates.">;
def Prims_MinimumOp : Prims_BinaryOp<"minimum", Thunder_NumericTensor, "NaN propagates.">;
def Prims_Atan2Op : Prims_BinaryOp<"atan2", Thunder_FloatTensor>;
def Prims_BitwiseAndOp : Prims_BinaryOp<"bitwise_and", Thunder_IntOrBoolTensor>;
def Prims_BitwiseOrOp : Prims_BinaryOp<"bitwise_or", Thunder_IntOrBoolTensor>;
def Prims_BitwiseXorOp : Prims_BinaryOp<"bitwise_xor", Thunder_IntOrBoolTensor>;

class Prims_CompareOp<string mnemonic, string semantics>
    : Prims_Op<mnemonic, [SameTypeOperands, Elementwise,
                          InferTypeOpAdaptor]> {
  let summary = "elementwise comparison: " # semantics;
  let description = "Operands have identical shape and dtype; the result is bool "
                    "of that shape. Comparisons with NaN are false, except `ne`.";
  let arguments = (ins Thunder_Tensor:$lhs, Thunder_Tensor:$rhs);
  let results = (outs Thunder_BoolTensor:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($lhs)";
}
def Prims_EqOp : Prims_CompareOp<"eq", "lhs == rhs">;
def Prims_NeOp : Prims_CompareOp<"ne", "lhs != rhs">;
def Prims_LtOp : Prims_CompareOp<"lt", "lhs < rhs">;
def Prims_LeOp : Prims_CompareOp<"le", "lhs <= rhs">;
def Prims_GtOp : Prims_CompareOp<"gt", "lhs > rhs">;
def Prims_GeOp : Prims_CompareOp<"ge", "lhs >= rhs">;

def Prims_WhereOp : Prims_Op<"where", [Elementwise,
    TypesMatchWith<"result type matches the true branch", "on_true", "result", "$_self">,
    AllTypesMatch<["on_true", "on_false", "result"]>]> {
  let summary = "`pred ? on_true : on_false`, elementwise";
  let description = "All three operands have the same shape; `pred` is bool.";
  let arguments = (ins Thunder_BoolTensor:$pred, Thunder_Tensor:$on_true,
                       Thunder_Tensor:$on_false);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$pred `,` $on_true `,` $on_false attr-dict `:` type($pred) `,` type($result)";
  let hasVerifier = 1;
}

def Prims_ConvertElementTypeOp : Prims_Op<"convert_element_type"> {
  let summary = "change the dtype, keep the shape";
  let description = [{
    Float to integer truncates toward zero (out-of-range values are
    unspecified, as in C); to bool is `x != 0`; bool to number gives 0 or 1;
    between floats rounds to nearest even.
  }];
  let arguments = (ins Thunder_Tensor:$x);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prims_FromScalarOp : Prims_Op<"from_scalar"> {
  let summary = "a Python number as a 0-d tensor of the result dtype";
  let arguments = (ins Thunder_Scalar:$value);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$value attr-dict `:` type($value) `to` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Shape ops.
//===----------------------------------------------------------------------===//

def Prims_BroadcastInDimOp : Prims_Op<"broadcast_in_dim"> {
  let summary = "broadcast to the result shape, mapping operand dims to result dims";
  let description = [{
    Operand dimension `i` becomes result dimension `broadcast_dimensions[i]`
    (strictly increasing); each operand dimension is 1 or equals the result's.
  }];
  let arguments = (ins Thunder_Tensor:$x, DenseI64ArrayAttr:$broadcast_dimensions);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x `,` `dims` `=` $broadcast_dimensions attr-dict `:` type($x) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prims_ReshapeOp : Prims_Op<"reshape"> {
  let summary = "same elements in row-major order, new static shape";
  let arguments = (ins Thunder_Tensor:$x);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Prims_TransposeOp : Prims_Op<"transpose", [InferTypeOpAdaptor]> {
  let summary = "permute dimensions: result dim `i` is operand dim `permutation[i]`";
  let description = [{
    Canonicalization composes a transpose of a transpose into one (none when
    the two cancel), and turns the transpose of a matrix product's last two
    dimensions into the product of the transposed operands,
    `(A B)^T = B^T A^T` (what weight gradients look like), so the GEMM
    executor reads operands transposed instead of a kernel copying results.
  }];
  let arguments = (ins Thunder_Tensor:$x, DenseI64ArrayAttr:$permutation);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x `,` `permutation` `=` $permutation attr-dict `:` type($x) `->` type($result)";
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

def Prims_SliceOp : Prims_Op<"slice", [InferTypeOpAdaptor]> {
  let summary = "strided slice: `[start, limit)` with step `strides` per dimension";
  let description = "Indices are non-negative and in bounds; strides are positive.";
  let arguments = (ins Thunder_Tensor:$x, DenseI64ArrayAttr:$start_indices,
                       DenseI64ArrayAttr:$limit_indices, DenseI64ArrayAttr:$strides);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($result)";
}

def Prims_PadOp : Prims_Op<"pad", [InferTypeOpAdaptor]> {
  let summary = "pad each dimension with `low`/`high` elements and `interior` between elements";
  let description = [{
    `padding_value` is a 0-d tensor of the operand's dtype. All amounts are
    non-negative.
  }];
  let arguments = (ins Thunder_Tensor:$x, Thunder_Tensor:$padding_value,
                       DenseI64ArrayAttr:$low, DenseI64ArrayAttr:$high,
                       DenseI64ArrayAttr:$interior);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x `,` $padding_value attr-dict `:` type($x) `,` type($padding_value) `->` type($result)";
}

def Prims_CatOp : Prims_Op<"cat", [InferTypeOpAdaptor]> {
  let summary = "concatenate along `dim`";
  let description = "Operands have the same rank, dtype and sizes except along `dim`.";
  let arguments = (ins Variadic<Thunder_Tensor>:$tensors, I64Attr:$dim);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$tensors attr-dict `:` type($tensors) `->` type($result)";
}

def Prims_SqueezeOp : Prims_Op<"squeeze", [InferTypeOpAdaptor]> {
  let summary = "remove the listed size-1 dimensions";
  let arguments = (ins Thunder_Tensor:$x, DenseI64ArrayAttr:$dims);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x `,` `dims` `=` $dims attr-dict `:` type($x) `->` type($result)";
}

//===----------------------------------------------------------------------===//
// Creation.
//===----------------------------------------------------------------------===//

def Prims_FullOp : Prims_Op<"full"> {
  let summary = "a tensor filled with one value";
  let description = "`value` is a float attribute for float dtypes, an integer one otherwise.";
  let arguments = (ins TypedAttrInterface:$value);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$value attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Prims_IotaOp : Prims_Op<"iota"> {
  let summary = "1-D `start + i * step`";
  let description = "Computed in f64 and converted to the result dtype.";
  let arguments = (ins F64Attr:$start, F64Attr:$step);
  let results = (outs Thunder_NumericTensor:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Prims_UniformOp : Prims_Op<"uniform"> {
  let summary = "uniform random numbers in `[low, high)` from an explicit seed and offset";
  let description = [{
    Counter-based: element `i` is a hash of `(seed, offset + i)`, so the same
    seed and offset give the same numbers (forward and recomputed backward agree)
    and the op is pure.
  }];
  let arguments = (ins I64:$seed, I64:$offset, F64Attr:$low, F64Attr:$high);
  let results = (outs Thunder_FloatTensor:$result);
  let assemblyFormat = "$seed `,` $offset attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Reductions.
//===----------------------------------------------------------------------===//

class Prims_ReductionOp<string mnemonic, Type operandType>
    : Prims_Op<mnemonic, [InferTypeOpAdaptor]> {
  let summary = mnemonic # " over the listed dimensions, which are removed";
  let description = [{
    `dims` are distinct, sorted, in range. The result has the operand's dtype:
    a wider accumulator is a `convert_element_type` before the reduction.
  }];
  let arguments = (ins operandType:$x, DenseI64ArrayAttr:$dims);
  let results = (outs operandType:$result);
  let assemblyFormat = "$x `,` `dims` `=` $dims attr-dict `:` type($x) `->` type($result)";
}
def Prims_SumOp : Prims_ReductionOp<"sum", Thunder_NumericTensor>;
def Prims_ProdOp : Prims_ReductionOp<"prod", Thunder_NumericTensor>;
def Prims_AmaxOp : Prims_ReductionOp<"amax", Thunder_Tensor>;
def Prims_AminOp : Prims_ReductionOp<"amin", Thunder_Tensor>;

def Prims_VarMeanOp : Prims_Op<"var_mean", [InferTypeOpAdaptor]> {
  let summary = "variance and mean over `dims`, which are removed";
  let description = "The variance divides by `N - correction`.";
  let arguments = (ins Thunder_FloatTensor:$x, DenseI64ArrayAttr:$dims, F64Attr:$correction);
  let results = (outs Thunder_FloatTensor:$var, Thunder_FloatTensor:$mean);
  let assemblyFormat = "$x `,` `dims` `=` $dims attr-dict `:` type($x) `->` type($var) `,` type($mean)";
}

//===----------------------------------------------------------------------===//
// Linear algebra.
//===----------------------------------------------------------------------===//

def Prims_MatmulOp : Prims_Op<"matmul", [InferTypeOpAdaptor]> {
  let summary = "batched matrix product `[..., m, k] x [..., k, n] -> [..., m, n]`";
  let description = [{
    Both operands have the same rank (at least 2), the same dtype and identical
    batch dimensions: broadcasting is explicit. Floating products accumulate in
    at least f32.
  }];
  let arguments = (ins Thunder_NumericTensor:$lhs, Thunder_NumericTensor:$rhs);
  let results = (outs Thunder_NumericTensor:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)";
}

#endif // THUNDER_PRIMS_OPS_TD
