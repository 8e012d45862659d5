//===- ThunderBase.td - element types shared by every trace level ---------===//
//
// The ten dtypes thunder supports, spelled as MLIR builtin element types:
// f64 f32 f16 bf16 | i64 i32 i16 i8 (signless, meaning signed) | ui8 | i1 (bool).
//
//===----------------------------------------------------------------------===//

#ifndef THUNDER_BASE_TD
#define THUNDER_BASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/CommonTypeConstraints.td"

def Thunder_FloatDType : AnyTypeOf<[F64, F32, F16, BF16], "floating dtype">;
def Thunder_SignedIntDType : AnyTypeOf<[I64, I32, I16, I8], "signed integer dtype">;
def Thunder_IntDType : AnyTypeOf<[I64, I32, I16, I8, UI8], "integer dtype">;
def Thunder_BoolDType : AnyTypeOf<[I1], "bool dtype">;
def Thunder_IntOrBoolDType : AnyTypeOf<[I64, I32, I16, I8, UI8, I1], "integer or bool dtype">;
def Thunder_NumericDType : AnyTypeOf<[F64, F32, F16, BF16, I64, I32, I16, I8, UI8],
                                     "numeric (non-bool) dtype">;
def Thunder_DType : AnyTypeOf<[F64, F32, F16, BF16, I64, I32, I16, I8, UI8, I1],
                              "thunder dtype">;

def Thunder_Tensor : RankedTensorOf<[Thunder_DType]>;
def Thunder_FloatTensor : RankedTensorOf<[Thunder_FloatDType]>;
def Thunder_NumericTensor : RankedTensorOf<[Thunder_NumericDType]>;
def Thunder_IntOrBoolTensor : RankedTensorOf<[Thunder_IntOrBoolDType]>;
def Thunder_BoolTensor : RankedTensorOf<[I1]>;

// Python numbers at the torch level: a float is f64, an int i64, a bool i1.
def Thunder_Scalar : AnyTypeOf<[F64, I64, I1], "Python number (f64, i64 or i1)">;
def Thunder_TensorOrScalar : AnyTypeOf<[Thunder_Tensor, Thunder_Scalar],
                                       "tensor or Python number">;

#endif // THUNDER_BASE_TD
