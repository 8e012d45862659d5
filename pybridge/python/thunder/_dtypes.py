"""torch dtypes and their MLIR element types."""

import torch

MLIR_OF = {
    torch.float64: "f64",
    torch.float32: "f32",
    torch.float16: "f16",
    torch.bfloat16: "bf16",
    torch.int64: "i64",
    torch.int32: "i32",
    torch.int16: "i16",
    torch.int8: "i8",
    torch.uint8: "ui8",
    torch.bool: "i1",
}


DTYPE_OF = {v: k for k, v in MLIR_OF.items()}


def mlir_element(dtype):
    try:
        return MLIR_OF[dtype]
    except KeyError:
        from .errors import UnsupportedOperation

        raise UnsupportedOperation(f"dtype {dtype} is not supported (supported: {', '.join(map(str, MLIR_OF))})") from None


def tensor_type(shape, dtype):
    if not all(isinstance(d, int) for d in shape):
        from .errors import CaptureError

        raise CaptureError(
            f"a tensor whose shape depends on tensor data ({list(shape)}), as boolean-mask indexing or "
            "nonzero make, cannot be compiled: shapes are static"
        )
    dims = "x".join(str(int(d)) for d in shape)
    elem = mlir_element(dtype)
    return f"tensor<{dims}x{elem}>" if dims else f"tensor<{elem}>"
