"""The extend API: register your own executors and operator implementations."""

from ._executors import BUILTIN, DEFAULT, OperatorExecutor, get_executor

__all__ = ["BUILTIN", "DEFAULT", "OperatorExecutor", "get_executor"]
