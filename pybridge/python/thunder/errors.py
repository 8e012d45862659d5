"""The exceptions thunder raises."""

from ._native import CompilationError

__all__ = ["CaptureError", "CompilationError", "UnsupportedOperation"]


class CaptureError(RuntimeError):
    """The function could not be captured (for example: control flow that
    depends on a tensor's values). The message names the user's line."""


class UnsupportedOperation(NotImplementedError):
    """The captured program uses an operation or dtype thunder cannot run yet.
    The message names the operation and the user's line."""
