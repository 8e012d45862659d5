"""State a function reads without taking it as an argument: tensors and
Python numbers in its closure cells and in the globals its code names.

Tensors found there become extra program inputs, read afresh at every call;
their metadata and the numbers' values join the cache key, so rebinding a
global or a closure variable recompiles instead of reusing stale code."""

import threading
import types

import torch

from ._keys import SCALARS as _SCALARS

_MISSING = object()
# Capture puts traced stand-ins into closure cells and globals while it runs
# the function; readers of those slots (any thread's call) wait meanwhile, so
# no call ever reads a stand-in. Re-entrant: a captured function may call
# another jitted one.
SUBSTITUTION_LOCK = threading.RLock()


def _code_names(code, out):
    out.update(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            _code_names(const, out)
    return out


class ImplicitState:
    """Where a function's implicit tensors and numbers live."""

    def __init__(self, fn):
        target = getattr(fn, "__func__", fn)
        code = getattr(target, "__code__", None)
        self.cells = []
        self.globals = {}
        self.global_names = ()
        if code is None:
            return
        self.cells = list(zip(code.co_freevars, target.__closure__ or ()))
        self.globals = target.__globals__
        self.global_names = tuple(sorted(n for n in _code_names(code, set()) if n in self.globals))

    def slots(self):
        """[(slot, value)] for every tensor or number reachable now; a slot is
        ("cell", cell) or ("global", name)."""
        if not self.cells and not self.global_names:
            return []
        with SUBSTITUTION_LOCK:
            return self._read_slots()

    def _read_slots(self):
        found = []
        for _, cell in self.cells:
            try:
                value = cell.cell_contents
            except ValueError:  # an unbound cell
                continue
            if isinstance(value, torch.Tensor) or type(value) in _SCALARS:
                found.append((("cell", cell), value))
        for name in self.global_names:
            value = self.globals.get(name, _MISSING)
            if isinstance(value, torch.Tensor) or type(value) in _SCALARS:
                found.append((("global", name), value))
        return found

    def set(self, slot, value):
        kind, where = slot
        if kind == "cell":
            where.cell_contents = value
        else:
            self.globals[where] = value
