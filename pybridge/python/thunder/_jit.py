"""`thunder.jit`: capture, compile, cache with guards, run."""

import functools
import threading

import torch
from torch.utils import _pytree as pytree

from . import _native
from ._capture import capture, capturing
from ._executors import Router, resolve
from ._implicit import ImplicitState
from ._keys import SCALARS, key_of, module_key
from ._translate import translate
from .errors import UnsupportedOperation


class Entry:
    """One compiled specialisation: the capture, the program, its callbacks."""

    def __init__(self, captured, program, router, implicit_slots=()):
        self.captured = captured
        self.program = program
        self.router = router
        self.external = router.callback()
        # Slots of the tensors read from closures/globals: extra last inputs.
        self.implicit_slots = implicit_slots
        # Tensors made inside the function from Python data: the very last inputs.
        self.constants = []


class ThunderFunction:
    """The callable `thunder.jit` returns for a plain function."""

    def __init__(self, fn, executors=None):
        functools.update_wrapper(self, fn)
        self._fn = fn
        self._implicit = ImplicitState(fn)
        self._executors = resolve(executors)
        self._cache = {}
        # Hits of calls without kwargs or containers are served in Rust
        # (guards + launch).
        self._dispatch = _native.Dispatcher()
        self._hits = 0
        self.cache_misses = 0
        self._last = None
        # make_fx is not re-entrant across threads: one capture at a time.
        self._compile_lock = threading.Lock()

    def __call__(self, *args, **kwargs):
        if capturing():
            # Called from inside a function being captured (nested jit, or
            # recursion through this wrapper): part of that program.
            return self._fn(*args, **kwargs)
        return self._call((), [], (), args, kwargs)

    def _call(self, leading, leading_tensors, leading_key, args, kwargs):
        """Calls the function on `(*leading, *args, **kwargs)`. `leading` are
        arguments the caller describes for the fast path (a module's state
        and train/eval flags): their tensors, in the program's input order,
        and a key for the rest."""
        implicit = self._implicit.slots()
        grad = torch.is_grad_enabled()
        fast = _fast_key(leading_tensors, leading_key, args, kwargs, implicit)
        if fast is not None:
            hit = self._dispatch.call(fast[0], fast[1], grad)
            if hit is not None:
                entry, out = hit
                self._last = entry
                return out if entry.captured.single_tensor_output else _arrange(entry, out, fast[0])
        flat, spec = pytree.tree_flatten(((*leading, *args), kwargs))
        key = (
            spec,
            tuple(key_of(v) for v in flat),
            tuple((_slot_id(slot), key_of(v)) for slot, v in implicit),
            grad,
        )
        entry = self._cache.get(key)
        if entry is None:
            self.cache_misses += 1
            entry = self._compile(flat, spec, [(slot, v) for slot, v in implicit if isinstance(v, torch.Tensor)])
            self._cache[key] = entry
            if fast is not None:
                # Later calls like this one are served by the Rust dispatcher.
                self._dispatch.add(
                    entry,
                    fast[0],
                    fast[1],
                    grad,
                    entry.program,
                    entry.external,
                    entry.constants,
                    entry.captured.single_tensor_output,
                )
        else:
            self._hits += 1
        self._last = entry
        return _run(entry, flat, {_slot_id(slot): v for slot, v in implicit})

    @property
    def cache_hits(self):
        return self._hits + self._dispatch.hits

    def _compile(self, flat, spec, implicit_tensors=()):
        with self._compile_lock:
            return self._compile_locked(flat, spec, implicit_tensors)

    def _compile_locked(self, flat, spec, implicit_tensors):
        for v in list(flat) + [t for _, t in implicit_tensors]:
            if isinstance(v, torch.Tensor):
                _check_plain_tensor(v)
                if v.device.type != "cpu":
                    raise UnsupportedOperation(f"thunder.jit runs on the CPU today; got a tensor on {v.device}")
                if v.requires_grad and torch.is_grad_enabled():
                    raise NotImplementedError(
                        "thunder.jit does not compute gradients yet: call it under torch.no_grad() "
                        "or on tensors that do not require grad"
                    )
        captured = capture(self._fn, flat, spec, self._implicit, implicit_tensors)
        router = Router(self._executors)
        text, _ = translate(captured.graph_module, "main", router)
        program = _native.compile(text, "main", self._executors)
        entry = Entry(captured, program, router, [_slot_id(slot) for slot, _ in implicit_tensors])
        entry.constants = _graph_constants(captured.graph_module)
        return entry


# The C entry point skips from_dlpack's Python-level dispatch (about 1 us a call).
_from_dlpack = getattr(torch._C, "_from_dlpack", torch.utils.dlpack.from_dlpack)


def _graph_constants(graph_module):
    """Tensors the function made from Python data (`torch.tensor([...])`):
    make_fx keeps them as graph attributes, the program takes them last."""
    return [
        getattr(graph_module, n.target).contiguous() for n in graph_module.graph.nodes if n.op == "get_attr"
    ]


def _slot_id(slot):
    kind, where = slot
    return (kind, id(where) if kind == "cell" else where)


def _fast_key(leading_tensors, leading_key, args, kwargs, implicit):
    """For the Rust dispatcher: the call's tensors in the program's input
    order (the leading tensors, then the arguments' and keyword arguments'
    in call order, then the implicit ones) and a key for everything else; or
    None when the call has values only the Python path keys (containers,
    objects, tensor subclasses, non-CPU tensors)."""
    if not all(_fast_tensor(t) for t in leading_tensors):
        return None
    tensors = list(leading_tensors)
    values = []
    for where, a in (*enumerate(args), *kwargs.items()):
        if type(a) is torch.Tensor or type(a) is torch.nn.Parameter:
            if a.device.type != "cpu":
                return None
            tensors.append(a)
        elif type(a) in SCALARS:
            values.append((where, key_of(a)))
        else:
            return None
    for slot, v in implicit:
        if isinstance(v, torch.Tensor):
            if v.device.type != "cpu":
                return None
            tensors.append(v)
            values.append((_slot_id(slot), "T"))
        else:
            values.append((_slot_id(slot), key_of(v)))
    return tensors, (leading_key, len(args), tuple(kwargs), tuple(values))


def _fast_tensor(t):
    return (type(t) is torch.Tensor or type(t) is torch.nn.Parameter) and t.device.type == "cpu"


def _check_plain_tensor(t):
    """Refuses what the compiled program cannot honour: a tensor subclass
    changes what ops compute (its `__torch_function__`), and sparse, nested
    or quantized tensors are not the dense buffers kernels read."""
    if type(t) is not torch.Tensor and not isinstance(t, torch.nn.Parameter):
        raise UnsupportedOperation(
            f"thunder.jit does not compile tensor subclasses ({type(t).__name__}): their __torch_function__ may "
            f"change what each operation computes; pass a plain tensor (t.as_subclass(torch.Tensor)) or call the "
            f"function eagerly"
        )
    if t.layout != torch.strided or t.is_nested:
        layout = "nested" if t.is_nested else str(t.layout).replace("torch.", "")
        raise UnsupportedOperation(
            f"thunder.jit does not support {layout} tensors: pass a dense tensor (t.to_dense()) or call the "
            f"function eagerly"
        )
    if t.is_quantized:
        raise UnsupportedOperation("thunder.jit does not support quantized tensors: pass t.dequantize()")


def _arrange(entry, tensors, inputs):
    """The output structure of `entry` around the program's output tensors;
    outputs that alias an input are that input, or the same view of it."""
    captured = entry.captured
    out = []
    for t in captured.out_template:
        if isinstance(t, int):
            out.append(tensors[t])
        elif t[0] == "alias":
            base = inputs[t[1]]
            out.append(base if t[2] is None else base.as_strided(*t[2]))
        else:
            out.append(t[1])
    return pytree.tree_unflatten(out, captured.out_spec)


def _dense(t):
    """`t` as the kernels read it: contiguous, with a lazy negation (a
    `torch._neg_view`) applied, since kernels read the memory itself."""
    if t.is_neg():
        t = t.resolve_neg()
    return t.contiguous()


def _run(entry, flat, implicit=None):
    captured = entry.captured
    originals = [flat[i] for i in captured.tensor_positions]
    originals += [implicit[slot] for slot in entry.implicit_slots]
    inputs = [_dense(t) for t in originals] + entry.constants
    pointers = [(t.data_ptr(), list(t.shape)) for t in inputs]
    capsules = entry.program.run(pointers, entry.external)
    tensors = [_from_dlpack(c) for c in capsules]
    if captured.single_tensor_output:
        return tensors[0]
    return _arrange(entry, tensors, originals)


class ThunderModule(torch.nn.Module):
    """The module `thunder.jit` returns for an `nn.Module`: parameters and
    buffers are inputs of the compiled program, so they can change between
    calls; `state_dict` and `load_state_dict` are the original module's."""

    def __init__(self, module, executors=None):
        super().__init__()
        self._model = module
        self._function = ThunderFunction(self._functional_forward, executors)

    def _functional_forward(self, state, modes, *args, **kwargs):
        return torch.func.functional_call(self._model, state, args, kwargs)

    def forward(self, *args, **kwargs):
        if capturing():
            # Inside an outer capture (this module is a submodule of a jitted
            # one): the outer program includes it.
            return self._model(*args, **kwargs)
        state = dict(self._model.named_parameters())
        state.update(self._model.named_buffers())
        # train()/eval() change what modules compute (dropout, batch norm), as
        # do their other Python values (eps, p): they are an argument, so
        # part of the cache key.
        modes = module_key(self._model)
        return self._function._call((state, modes), list(state.values()), (tuple(state), modes), args, kwargs)

    def state_dict(self, *args, **kwargs):
        return self._model.state_dict(*args, **kwargs)

    def load_state_dict(self, *args, **kwargs):
        return self._model.load_state_dict(*args, **kwargs)

    def named_parameters(self, *args, **kwargs):
        return self._model.named_parameters(*args, **kwargs)

    def named_buffers(self, *args, **kwargs):
        return self._model.named_buffers(*args, **kwargs)


def jit(fn, *, executors=None):
    """Compiles `fn` (a function or an `nn.Module`) for the CPU.

    `executors` is a priority list of executor names or
    `thunder.extend.OperatorExecutor`s; default
    ``["blas", "thunder_cpu", "torch"]``."""
    if isinstance(fn, torch.nn.Module):
        return ThunderModule(fn, executors)
    if not callable(fn):
        raise TypeError(f"thunder.jit expects a function or an nn.Module, got {type(fn).__name__}")
    return ThunderFunction(fn, executors)


def _function_of(jfn):
    if isinstance(jfn, ThunderModule):
        return jfn._function
    if isinstance(jfn, ThunderFunction):
        return jfn
    raise TypeError("expected a function returned by thunder.jit")


def cache_hits(jfn):
    return _function_of(jfn).cache_hits


def cache_misses(jfn):
    return _function_of(jfn).cache_misses


def last_traces(jfn):
    """The program of the last call at every level: torch, prims, exec,
    linalg, llvm. Each trace's `pipeline` is the `thunder-opt
    --pass-pipeline` that produces the next level from its `text`."""
    entry = _function_of(jfn)._last
    if entry is None:
        raise RuntimeError("the function has not been called yet")
    return list(entry.program.traces)


def examine(fn, *args, executors=None, **kwargs):
    """Compiles `fn` for these arguments and reports which executor runs each
    aten operation, and the plan the runtime executes. Returns
    ``{"claims": [(aten op, executor)], "plan": str}``."""
    jfn = fn if isinstance(fn, (ThunderFunction, ThunderModule)) else jit(fn, executors=executors)
    jfn(*args, **kwargs)
    entry = _function_of(jfn)._last
    claims = list(entry.router.claims)
    plan = entry.program.describe()
    width = max([len(op) for op, _ in claims] + [10])
    print(f"{'aten operation':<{width}}  executor")
    for op, ex in claims:
        print(f"{op:<{width}}  {ex}")
    print("plan:")
    print("\n".join("  " + line for line in plan.splitlines()))
    return {"claims": claims, "plan": plan}
