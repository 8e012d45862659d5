"""thunder: a PyTorch compiler in Rust on MLIR.

    import torch, thunder
    jfoo = thunder.jit(lambda a, b: a + b)
    jfoo(torch.full((2, 2), 1), torch.full((2, 2), 3))   # tensor([[4, 4], [4, 4]])

`thunder.jit` captures the function with torch's own tracing (make_fx over
fake tensors), writes it as torch-level MLIR, lowers it through the prims,
linalg and LLVM levels, and runs the compiled code on the CPU. Each distinct
input signature (shapes, strides, dtypes, devices, requires_grad, Python
values) compiles once; later calls with the same signature reuse it.
"""

from . import _malloc, extend
from ._jit import (
    ThunderFunction,
    ThunderModule,
    cache_hits,
    cache_misses,
    examine,
    jit,
    last_backward_traces,
    last_traces,
    saved_for_backward,
)
from ._transforms import Transformed, grad, jvp, vjp, vmap
from .errors import CaptureError, CompilationError, UnsupportedOperation

__all__ = [
    "CaptureError",
    "CompilationError",
    "ThunderFunction",
    "ThunderModule",
    "Transformed",
    "UnsupportedOperation",
    "cache_hits",
    "cache_misses",
    "examine",
    "extend",
    "grad",
    "jit",
    "jvp",
    "last_backward_traces",
    "last_traces",
    "saved_for_backward",
    "vjp",
    "vmap",
]

_malloc.tune()
