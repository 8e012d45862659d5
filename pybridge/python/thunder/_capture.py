"""Acquisition: run the user's function once over fake tensors with torch's
own tracing machinery (`make_fx` over a functionalized function) and record
the aten graph. Python values are specialised; tensors become graph inputs."""

import contextlib
import logging
import threading
import traceback

import torch
from torch._subclasses.fake_tensor import FakeTensorMode
from torch.fx.experimental.proxy_tensor import make_fx
from torch.multiprocessing.reductions import StorageWeakRef
from torch.utils import _pytree as pytree

from ._implicit import SUBSTITUTION_LOCK
from .errors import CaptureError

_ACTIVE = threading.local()


def capturing():
    """Whether this thread is inside a capture: a jitted function called there
    (nested, or recursively through its own wrapper) runs inline, as part of
    the program being captured."""
    return getattr(_ACTIVE, "depth", 0) > 0


@contextlib.contextmanager
def _active():
    _ACTIVE.depth = getattr(_ACTIVE, "depth", 0) + 1
    # Fake tensors log every failing meta kernel at ERROR level; the
    # exception itself reaches the user.
    fake_log = logging.getLogger("torch._subclasses.fake_tensor")
    level = fake_log.level
    fake_log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        fake_log.setLevel(level)
        _ACTIVE.depth -= 1


def _is_alias(t):
    return isinstance(t, tuple) and t[0] == "alias"


def _leaf(o):
    # A returned torch.Size stays a torch.Size (pytree would rebuild a tuple).
    return isinstance(o, torch.Size)


class Captured:
    """A captured program: the aten graph plus how to map Python values in and out."""

    def __init__(self, graph_module, tensor_positions, in_spec, out_spec, out_template):
        self.graph_module = graph_module
        self.tensor_positions = tensor_positions
        self.in_spec = in_spec
        self.out_spec = out_spec
        # Flat outputs: an int index into the graph's tensor outputs,
        # ("const", value) for a Python value the function returned, or
        # ("alias", input, view) for an input (view None) or a view of one,
        # `view` its (size, stride, storage offset), as eager returns them.
        self.out_template = out_template
        # The function returns one bare tensor: skip rebuilding a pytree.
        self.single_tensor_output = out_spec.is_leaf() and out_template == [0]
        self.has_aliases = any(_is_alias(t) for t in out_template)


def _user_line(exc):
    frames = traceback.extract_tb(exc.__traceback__)
    user = [f for f in frames if "/torch/" not in f.filename and "/thunder/" not in f.filename]
    if user:
        f = user[-1]
        return f"{f.filename}:{f.lineno}: {f.line}"
    return "<unknown line>"


def _anchor_stack_traces(fn):
    """make_fx records a node's stack trace only from frames of functions named
    `forward` or registered as anchors: register the user's function, so each
    node knows the user's line (for `loc(...)` and error messages)."""
    register = getattr(torch.fx.proxy, "_register_stack_trace_anchor", None)
    target = getattr(fn, "__func__", fn)
    if register is not None and hasattr(target, "__code__"):
        register(target)


def capture(fn, flat_args, in_spec, implicit=None, implicit_tensors=(), aliases=True):
    """Captures `fn`; `implicit_tensors` are [(slot, tensor)] of tensors it
    reads from closures or globals (see `_implicit`), which become the last
    graph inputs. With `aliases`, outputs that are inputs or views of them are
    recorded as such (the caller makes them from the inputs); without, the
    program computes them too (the functional transforms differentiate and
    batch them like any output)."""
    positions = [i for i, a in enumerate(flat_args) if isinstance(a, torch.Tensor)]
    tensors = [flat_args[i] for i in positions] + [t for _, t in implicit_tensors]
    state = {}

    def flat_fn(*ts):
        values = list(flat_args)
        for i, t in zip(positions, ts):
            values[i] = t
        args, kwargs = pytree.tree_unflatten(values, in_spec)
        # The traced stand-ins take the implicit tensors' places meanwhile.
        extra = ts[len(positions):]
        with SUBSTITUTION_LOCK:
            for (slot, _), t in zip(implicit_tensors, extra):
                implicit.set(slot, t)
            try:
                out = fn(*args, **kwargs)
            finally:
                for slot, original in implicit_tensors:
                    implicit.set(slot, original)
        out_flat, out_spec = pytree.tree_flatten(out, is_leaf=_leaf)
        # An output sharing an input's storage is that input or a view of it:
        # eager returns it so (a later in-place write shows through), so the
        # caller makes it from the input rather than the program a copy.
        storages = [StorageWeakRef(t.untyped_storage()) for t in ts]
        template, tensor_outs = [], []
        for o in out_flat:
            if isinstance(o, torch.Tensor):
                storage = StorageWeakRef(o.untyped_storage())
                if aliases and storage in storages:
                    i = storages.index(storage)
                    template.append(("alias", i, None if o is ts[i] else (o.size(), o.stride(), o.storage_offset())))
                    continue
                template.append(len(tensor_outs))
                tensor_outs.append(o)
            else:
                template.append(("const", o))
        state["out_spec"], state["template"] = out_spec, template
        return tensor_outs

    _anchor_stack_traces(fn)
    try:
        with torch.no_grad(), _active():
            gm = make_fx(
                torch.func.functionalize(flat_fn, remove="mutations_and_views"),
                tracing_mode="fake",
                record_stack_traces=True,
            )(*tensors)
            if any(_is_alias(t) for t in state["template"]):
                # Functional tensors report every view as contiguous: one more
                # run, over plain fake tensors, gives the views' real layout.
                functional = state["template"]
                with FakeTensorMode() as mode:
                    flat_fn(*[mode.from_tensor(t) for t in tensors])
                plain = state["template"]
                if [_is_alias(t) for t in functional] != [_is_alias(t) for t in plain]:
                    raise CaptureError("the function's outputs alias its inputs differently from one trace to the next")
                state["template"] = [p if _is_alias(f) else f for f, p in zip(functional, plain)]
    except CaptureError:
        raise
    except Exception as exc:
        name = type(exc).__name__
        if "convert all Tensors to FakeTensors" in str(exc):
            raise CaptureError(
                f"the function reads a tensor that is neither an argument nor bound to a closure variable or a "
                f"global name (for example through a module, a container, an attribute or a default argument), "
                f"at {_user_line(exc)}; pass it as an argument"
            ) from exc
        data_dependent = "DataDependent" in name or "data-dependent" in str(exc) or "data dependent" in str(exc)
        if data_dependent:
            raise CaptureError(
                f"control flow or a Python value that depends on a tensor's data cannot be captured, at "
                f"{_user_line(exc)} ({name})"
            ) from exc
        from .errors import UnsupportedOperation

        if isinstance(exc, UnsupportedOperation):
            raise
        if type(exc) is not RuntimeError:
            # The user's own exception, or torch's for an invalid call (an
            # IndexError, a TypeError): it keeps its type, so `except
            # ValueError:` around the call works as in eager.
            if hasattr(exc, "add_note"):
                exc.add_note(f"(raised while thunder.jit captured the function, at {_user_line(exc)})")
            raise
        raise CaptureError(f"capturing the function failed at {_user_line(exc)}: {name}: {exc}") from exc
    _check_no_input_mutation(gm)
    _check_no_data_dependent_values(gm)
    return Captured(gm, positions, in_spec, state["out_spec"], state["template"])


def _node_line(node):
    from ._translate import _user_location

    return _user_location(node)[1]


def _check_no_input_mutation(gm):
    for node in gm.graph.nodes:
        if node.op == "call_function" and getattr(node.target, "__name__", "").startswith("copy_"):
            dest = node.args[0]
            if getattr(dest, "op", None) == "placeholder":
                raise CaptureError(
                    "the function mutates one of its input tensors in place; thunder.jit does not support "
                    f"input mutation yet (return the new value instead), at {_node_line(node.args[1])}"
                )


def _check_no_data_dependent_values(gm):
    """`x.item()` (and `int(x)`, `float(x)`) trace as an unbacked symbolic
    number when no control flow looks at it: its value depends on the data."""
    for node in gm.graph.nodes:
        if node.op != "call_function":
            continue
        val = node.meta.get("val")
        if node.target is torch.ops.aten._local_scalar_dense.default or isinstance(
            val, (torch.SymInt, torch.SymFloat, torch.SymBool)
        ):
            raise CaptureError(
                "a Python value that depends on a tensor's data (such as `.item()`) cannot be captured, at "
                f"{_node_line(node)}"
            )
