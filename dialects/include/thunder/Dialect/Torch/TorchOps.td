//===- TorchOps.td - torch-level operations -------------------------------===//
#ifndef THUNDER_TORCH_OPS_TD
#define THUNDER_TORCH_OPS_TD

include "thunder/Dialect/Torch/TorchDialect.td"
include "thunder/Dialect/Common/ThunderBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/BuiltinAttributes.td"

class Torch_Op<string mnemonic, list<Trait> traits = []>
    : Op<Torch_Dialect, mnemonic, !listconcat(traits, [Pure, InferTypeOpAdaptor])>;

//===----------------------------------------------------------------------===//
// Elementwise: implicit broadcasting and type promotion.
//===----------------------------------------------------------------------===//

// `torch.add(a, b)`-style binary op. At least one operand is a tensor.
class Torch_BinaryOp<string mnemonic, string resultRule>
    : Torch_Op<mnemonic> {
  let summary = "elementwise `torch." # mnemonic # "` with broadcasting and promotion";
  let description = [{
    Broadcasts `lhs` and `rhs` to a common shape and computes in the promoted
    dtype (`torch.result_type`). Result dtype rule: }] # resultRule # [{.
  }];
  let arguments = (ins Thunder_TensorOrScalar:$lhs, Thunder_TensorOrScalar:$rhs);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)";
}

def Torch_AddOp : Torch_BinaryOp<"add", "the promoted dtype"> {
  let arguments = (ins Thunder_TensorOrScalar:$lhs, Thunder_TensorOrScalar:$rhs,
                       OptionalAttr<F64Attr>:$alpha);
}
def Torch_SubOp : Torch_BinaryOp<"sub", "the promoted dtype; bool operands are an error"> {
  let arguments = (ins Thunder_TensorOrScalar:$lhs, Thunder_TensorOrScalar:$rhs,
                       OptionalAttr<F64Attr>:$alpha);
}
def Torch_MulOp : Torch_BinaryOp<"mul", "the promoted dtype">;
def Torch_DivOp : Torch_BinaryOp<"div",
    "true division gives the default float dtype (f32) for integer and bool "
    "operands; `rounding_mode = \"trunc\"` or `\"floor\"` keeps the promoted dtype"> {
  let arguments = (ins Thunder_TensorOrScalar:$lhs, Thunder_TensorOrScalar:$rhs,
                       OptionalAttr<StrAttr>:$rounding_mode);
  let hasVerifier = 1;
}
def Torch_RemainderOp : Torch_BinaryOp<"remainder",
    "the promoted dtype; the result has the sign of the divisor (Python's `%`)">;
def Torch_PowOp : Torch_BinaryOp<"pow", "the promoted dtype">;
def Torch_MaximumOp : Torch_BinaryOp<"maximum", "the promoted dtype">;
def Torch_MinimumOp : Torch_BinaryOp<"minimum", "the promoted dtype">;
def Torch_Atan2Op : Torch_BinaryOp<"atan2", "the promoted dtype, integers give f32">;
def Torch_BitwiseAndOp : Torch_BinaryOp<"bitwise_and", "the promoted dtype; floats are an error">;
def Torch_BitwiseOrOp : Torch_BinaryOp<"bitwise_or", "the promoted dtype; floats are an error">;
def Torch_BitwiseXorOp : Torch_BinaryOp<"bitwise_xor", "the promoted dtype; floats are an error">;
def Torch_LogicalAndOp : Torch_BinaryOp<"logical_and", "bool">;
def Torch_LogicalOrOp : Torch_BinaryOp<"logical_or", "bool">;
def Torch_LogicalXorOp : Torch_BinaryOp<"logical_xor", "bool">;
def Torch_EqOp : Torch_BinaryOp<"eq", "bool; compared in the promoted dtype">;
def Torch_NeOp : Torch_BinaryOp<"ne", "bool; compared in the promoted dtype">;
def Torch_LtOp : Torch_BinaryOp<"lt", "bool; compared in the promoted dtype">;
def Torch_LeOp : Torch_BinaryOp<"le", "bool; compared in the promoted dtype">;
def Torch_GtOp : Torch_BinaryOp<"gt", "bool; compared in the promoted dtype">;
def Torch_GeOp : Torch_BinaryOp<"ge", "bool; compared in the promoted dtype">;

class Torch_UnaryOp<string mnemonic, string resultRule, list<Trait> traits = []>
    : Torch_Op<mnemonic, traits> {
  let summary = "elementwise `torch." # mnemonic # "`";
  let description = "Result dtype: " # resultRule # ".";
  let arguments = (ins Thunder_Tensor:$x);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($result)";
}

// Ops that compute in floating point: integer and bool inputs give f32.
class Torch_FloatUnaryOp<string mnemonic>
    : Torch_UnaryOp<mnemonic, "the input's floating dtype; integer and bool inputs give f32">;
def Torch_ExpOp : Torch_FloatUnaryOp<"exp">;
def Torch_Exp2Op : Torch_FloatUnaryOp<"exp2">;
def Torch_Expm1Op : Torch_FloatUnaryOp<"expm1">;
def Torch_LogOp : Torch_FloatUnaryOp<"log">;
def Torch_Log2Op : Torch_FloatUnaryOp<"log2">;
def Torch_Log10Op : Torch_FloatUnaryOp<"log10">;
def Torch_Log1pOp : Torch_FloatUnaryOp<"log1p">;
def Torch_SqrtOp : Torch_FloatUnaryOp<"sqrt">;
def Torch_RsqrtOp : Torch_FloatUnaryOp<"rsqrt">;
def Torch_SinOp : Torch_FloatUnaryOp<"sin">;
def Torch_CosOp : Torch_FloatUnaryOp<"cos">;
def Torch_TanOp : Torch_FloatUnaryOp<"tan">;
def Torch_TanhOp : Torch_FloatUnaryOp<"tanh">;
def Torch_AsinOp : Torch_FloatUnaryOp<"asin">;
def Torch_AcosOp : Torch_FloatUnaryOp<"acos">;
def Torch_AtanOp : Torch_FloatUnaryOp<"atan">;
def Torch_SinhOp : Torch_FloatUnaryOp<"sinh">;
def Torch_CoshOp : Torch_FloatUnaryOp<"cosh">;
def Torch_ErfOp : Torch_FloatUnaryOp<"erf">;
def Torch_SigmoidOp : Torch_FloatUnaryOp<"sigmoid">;
def Torch_ReciprocalOp : Torch_FloatUnaryOp<"reciprocal">;

// Activations that PyTorch defines for floating inputs only.
class Torch_FloatOnlyUnaryOp<string mnemonic>
    : Torch_UnaryOp<mnemonic, "the input's dtype, which must be floating">;
def Torch_SiluOp : Torch_FloatOnlyUnaryOp<"silu">;
def Torch_GeluOp : Torch_FloatOnlyUnaryOp<"gelu"> {
  let description = [{
    `approximate = "none"` (the default, erf form) or `"tanh"`. The result has
    the input's dtype, which must be floating.
  }];
  let arguments = (ins Thunder_Tensor:$x,
                       DefaultValuedStrAttr<StrAttr, "none">:$approximate);
  let hasVerifier = 1;
}

// Ops that keep the input dtype.
class Torch_SameTypeUnaryOp<string mnemonic>
    : Torch_UnaryOp<mnemonic, "the input's dtype">;
def Torch_NegOp : Torch_SameTypeUnaryOp<"neg">;
def Torch_AbsOp : Torch_SameTypeUnaryOp<"abs">;
def Torch_ReluOp : Torch_SameTypeUnaryOp<"relu">;
def Torch_FloorOp : Torch_SameTypeUnaryOp<"floor">;
def Torch_CeilOp : Torch_SameTypeUnaryOp<"ceil">;
def Torch_RoundOp : Torch_SameTypeUnaryOp<"round">;
def Torch_TruncOp : Torch_SameTypeUnaryOp<"trunc">;
def Torch_SignOp : Torch_SameTypeUnaryOp<"sign">;
def Torch_BitwiseNotOp : Torch_SameTypeUnaryOp<"bitwise_not">;
def Torch_LogicalNotOp : Torch_UnaryOp<"logical_not", "bool">;

def Torch_ToDtypeOp : Torch_Op<"to_dtype"> {
  let summary = "`x.to(dtype)`: convert the element type";
  let description = [{
    Float to integer truncates toward zero, any value to bool is `!= 0`, bool
    to a number is 0 or 1, as in PyTorch.
  }];
  let arguments = (ins Thunder_Tensor:$x, TypeAttr:$dtype);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($result)";
}

def Torch_WhereOp : Torch_Op<"where"> {
  let summary = "`torch.where(condition, a, b)`";
  let description = [{
    The three operands broadcast together; `a` and `b` promote like a binary op.
    `condition` must be bool.
  }];
  let arguments = (ins Thunder_BoolTensor:$condition, Thunder_TensorOrScalar:$a,
                       Thunder_TensorOrScalar:$b);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$condition `,` $a `,` $b attr-dict `:` type($condition) `,` type($a) `,` type($b) `->` type($result)";
}

def Torch_ClampOp : Torch_Op<"clamp", [AttrSizedOperandSegments]> {
  let summary = "`torch.clamp(x, min, max)` with Python-number bounds";
  let description = [{
    Either bound may be absent. A floating bound on an integer tensor promotes
    the result to f32, as in PyTorch. Mirrors `torch.clamp` with number bounds;
    NaN propagates.
  }];
  let arguments = (ins Thunder_NumericTensor:$x, Optional<Thunder_Scalar>:$min,
                       Optional<Thunder_Scalar>:$max);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x (`min` $min^ `:` type($min))? (`max` $max^ `:` type($max))? attr-dict `:` type($x) `->` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Reductions.
//===----------------------------------------------------------------------===//

class Torch_ReductionOp<string mnemonic, string resultRule> : Torch_Op<mnemonic> {
  let summary = "`torch." # mnemonic # "(x, dim, keepdim)`";
  let description = [{
    `dim` lists the reduced dimensions (negative counts from the end); absent
    means all. With `keepdim` the reduced dimensions stay with size 1.
    Result dtype: }] # resultRule # [{.
  }];
  let arguments = (ins Thunder_Tensor:$x, OptionalAttr<DenseI64ArrayAttr>:$dim,
                       DefaultValuedAttr<BoolAttr, "false">:$keepdim);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($result)";
}

def Torch_SumOp : Torch_ReductionOp<"sum",
    "`dtype` if given, else int64 for integer and bool inputs, else the input's"> {
  let arguments = (ins Thunder_Tensor:$x, OptionalAttr<DenseI64ArrayAttr>:$dim,
                       DefaultValuedAttr<BoolAttr, "false">:$keepdim,
                       OptionalAttr<TypeAttr>:$dtype);
}
def Torch_ProdOp : Torch_ReductionOp<"prod",
    "`dtype` if given, else int64 for integer and bool inputs, else the input's"> {
  let arguments = (ins Thunder_Tensor:$x, OptionalAttr<DenseI64ArrayAttr>:$dim,
                       DefaultValuedAttr<BoolAttr, "false">:$keepdim,
                       OptionalAttr<TypeAttr>:$dtype);
}
def Torch_MeanOp : Torch_ReductionOp<"mean",
    "`dtype` if given, else the input's, which must be floating"> {
  let arguments = (ins Thunder_Tensor:$x, OptionalAttr<DenseI64ArrayAttr>:$dim,
                       DefaultValuedAttr<BoolAttr, "false">:$keepdim,
                       OptionalAttr<TypeAttr>:$dtype);
}
def Torch_AmaxOp : Torch_ReductionOp<"amax", "the input's">;
def Torch_AminOp : Torch_ReductionOp<"amin", "the input's">;
def Torch_VarOp : Torch_ReductionOp<"var",
    "the input's, which must be floating; `correction` is Bessel's (default 1)"> {
  let arguments = (ins Thunder_Tensor:$x, OptionalAttr<DenseI64ArrayAttr>:$dim,
                       DefaultValuedAttr<BoolAttr, "false">:$keepdim,
                       DefaultValuedAttr<F64Attr, "1.0">:$correction);
}

//===----------------------------------------------------------------------===//
// Normalisation and softmax.
//===----------------------------------------------------------------------===//

class Torch_SoftmaxLikeOp<string mnemonic> : Torch_Op<mnemonic> {
  let summary = "`torch." # mnemonic # "(x, dim, dtype)`";
  let description = [{
    Normalises along `dim`. The input is converted to `dtype` first if given;
    the result dtype is then the (floating) input dtype.
  }];
  let arguments = (ins Thunder_Tensor:$x, I64Attr:$dim, OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Thunder_FloatTensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($result)";
}
def Torch_SoftmaxOp : Torch_SoftmaxLikeOp<"softmax">;
def Torch_LogSoftmaxOp : Torch_SoftmaxLikeOp<"log_softmax">;

def Torch_LayerNormOp : Torch_Op<"layer_norm", [AttrSizedOperandSegments]> {
  let summary = "`torch.nn.functional.layer_norm(x, normalized_shape, weight, bias, eps)`";
  let description = [{
    Normalises over the trailing `normalized_shape` dimensions with the biased
    variance; `weight` and `bias`, when present, have shape `normalized_shape`.
  }];
  let arguments = (ins Thunder_FloatTensor:$x, Optional<Thunder_FloatTensor>:$weight,
                       Optional<Thunder_FloatTensor>:$bias,
                       DenseI64ArrayAttr:$normalized_shape,
                       DefaultValuedAttr<F64Attr, "1.0e-5">:$eps);
  let results = (outs Thunder_FloatTensor:$result);
  let assemblyFormat = "$x (`weight` $weight^ `:` type($weight))? (`bias` $bias^ `:` type($bias))? attr-dict `:` type($x) `->` type($result)";
  let hasVerifier = 1;
}

def Torch_RmsNormOp : Torch_Op<"rms_norm"> {
  let summary = "`torch.nn.functional.rms_norm(x, normalized_shape, weight, eps)`";
  let description = [{
    `x * rsqrt(mean(x^2) + eps) * weight` over the trailing `normalized_shape`
    dimensions. Absent `eps` means f32's machine epsilon for every floating dtype but f64 (whose own epsilon is used): PyTorch takes the epsilon of the computation dtype, which is f32 for f16 and bf16.
  }];
  let arguments = (ins Thunder_FloatTensor:$x, Optional<Thunder_FloatTensor>:$weight,
                       DenseI64ArrayAttr:$normalized_shape, OptionalAttr<F64Attr>:$eps);
  let results = (outs Thunder_FloatTensor:$result);
  let assemblyFormat = "$x (`weight` $weight^ `:` type($weight))? attr-dict `:` type($x) `->` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Linear algebra.
//===----------------------------------------------------------------------===//

def Torch_MatmulOp : Torch_Op<"matmul"> {
  let summary = "`torch.matmul(a, b)`";
  let description = [{
    1-D operands are promoted to matrices and the added dimension removed
    afterwards; batch dimensions broadcast. Both operands must have the same
    dtype (PyTorch does not promote here).
  }];
  let arguments = (ins Thunder_NumericTensor:$lhs, Thunder_NumericTensor:$rhs);
  let results = (outs Thunder_NumericTensor:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)";
}

def Torch_LinearOp : Torch_Op<"linear"> {
  let summary = "`torch.nn.functional.linear(x, weight, bias)`: `x @ weight.T + bias`";
  let arguments = (ins Thunder_NumericTensor:$x, Thunder_NumericTensor:$weight,
                       Optional<Thunder_NumericTensor>:$bias);
  let results = (outs Thunder_NumericTensor:$result);
  let assemblyFormat = "$x `,` $weight (`,` $bias^ `:` type($bias))? attr-dict `:` type($x) `,` type($weight) `->` type($result)";
}

//===----------------------------------------------------------------------===//
// Shape ops (views are values here).
//===----------------------------------------------------------------------===//

class Torch_ShapeOp<string mnemonic, dag args, string sum>
    : Torch_Op<mnemonic> {
  let summary = sum;
  let arguments = args;
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($result)";
}

def Torch_ReshapeOp : Torch_ShapeOp<"reshape", (ins Thunder_Tensor:$x, DenseI64ArrayAttr:$shape),
    "`x.reshape(shape)`; one entry may be -1">;
def Torch_PermuteOp : Torch_ShapeOp<"permute", (ins Thunder_Tensor:$x, DenseI64ArrayAttr:$dims),
    "`x.permute(dims)`">;
def Torch_TransposeOp : Torch_ShapeOp<"transpose",
    (ins Thunder_Tensor:$x, I64Attr:$dim0, I64Attr:$dim1), "`x.transpose(dim0, dim1)`">;
def Torch_UnsqueezeOp : Torch_ShapeOp<"unsqueeze", (ins Thunder_Tensor:$x, I64Attr:$dim),
    "`x.unsqueeze(dim)`">;
def Torch_SqueezeOp : Torch_ShapeOp<"squeeze",
    (ins Thunder_Tensor:$x, OptionalAttr<DenseI64ArrayAttr>:$dim),
    "`x.squeeze(dim)`: removes the listed size-1 dims (all size-1 dims if absent); others are kept">;
def Torch_ExpandOp : Torch_ShapeOp<"expand", (ins Thunder_Tensor:$x, DenseI64ArrayAttr:$shape),
    "`x.expand(shape)`; -1 keeps a dimension">;
def Torch_SliceOp : Torch_ShapeOp<"slice",
    (ins Thunder_Tensor:$x, I64Attr:$dim, I64Attr:$start, I64Attr:$end,
         DefaultValuedAttr<I64Attr, "1">:$step),
    "`x[..., start:end:step, ...]` along `dim`, with Python's clamping of start and end">;
def Torch_SelectOp : Torch_ShapeOp<"select",
    (ins Thunder_Tensor:$x, I64Attr:$dim, I64Attr:$index),
    "`x.select(dim, index)`: integer indexing, which removes `dim`">;

def Torch_CatOp : Torch_Op<"cat"> {
  let summary = "`torch.cat(tensors, dim)`";
  let description = [{
    Operands promote to a common dtype; all dims but `dim` must match. 1-D empty
    tensors are skipped, as in PyTorch.
  }];
  let arguments = (ins Variadic<Thunder_Tensor>:$tensors, I64Attr:$dim);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "$tensors attr-dict `:` type($tensors) `->` type($result)";
}

//===----------------------------------------------------------------------===//
// Creation.
//===----------------------------------------------------------------------===//

def Torch_FullOp : Torch_Op<"full"> {
  let summary = "`torch.full(shape, value, dtype)`";
  let description = [{
    Without `dtype` the value decides: a float gives f32, an int i64, a bool i1.
  }];
  let arguments = (ins DenseI64ArrayAttr:$shape, AnyAttrOf<[F64Attr, I64Attr, BoolAttr]>:$value,
                       OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def Torch_ArangeOp : Torch_Op<"arange"> {
  let summary = "`torch.arange(start, end, step, dtype)`";
  let description = [{
    `ceil((end - start) / step)` elements. Without `dtype`: i64 when all three
    bounds are integers, f32 otherwise.
  }];
  let arguments = (ins AnyAttrOf<[F64Attr, I64Attr]>:$start, AnyAttrOf<[F64Attr, I64Attr]>:$end,
                       AnyAttrOf<[F64Attr, I64Attr]>:$step, OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Thunder_Tensor:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Anything else.
//===----------------------------------------------------------------------===//

def Torch_OpaqueOp : Op<Torch_Dialect, "opaque", []> {
  let summary = "a torch call the compiler has no rule for";
  let description = [{
    Names the torch function (for example `"aten::convolution"`) and keeps its
    tensor operands and results typed; non-tensor arguments live in `args`.
    The compiler does not look inside: an executor (the torch fallback) runs it.
    It is not `Pure`: the callee may have effects the compiler cannot see.
  }];
  let arguments = (ins StrAttr:$callee, Variadic<AnyType>:$operands,
                       OptionalAttr<DictionaryAttr>:$args);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$callee `(` $operands `)` attr-dict `:` functional-type($operands, $results)";
}

#endif // THUNDER_TORCH_OPS_TD
