"""`thunder.jit`: capture, compile, cache with guards, run."""

import functools
import math
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
    """One compiled specialisation: the capture, the program, its callbacks.
    A training specialisation (some input needs a gradient) has `training`,
    the forward and backward programs, instead of `program`."""

    def __init__(self, captured, program, router, implicit_slots=(), training=None):
        self.captured = captured
        self.program = program
        self.training = training
        self.router = router
        self.external = router.callback()
        # Slots of the tensors read from closures/globals: extra last inputs.
        self.implicit_slots = implicit_slots
        # Tensors made inside the function from Python data: the very last inputs.
        self.constants = []
        if training is not None:
            # The inputs the backward reads, which the forward keeps.
            self.backward_inputs = sorted({i for kind, i in training.backward_args if kind == "input"})


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
            if fast is not None and entry.training is None:
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
        captured = capture(self._fn, flat, spec, self._implicit, implicit_tensors)
        router = Router(self._executors)
        inputs = [flat[i] for i in captured.tensor_positions] + [t for _, t in implicit_tensors]
        # With grad mode on, the inputs that require grad are differentiated:
        # the program becomes a forward and a backward (torch autograd runs the
        # backward through a torch.autograd.Function).
        wrt = [i for i, t in enumerate(inputs) if t.requires_grad and torch.is_grad_enabled()]
        slots = [_slot_id(slot) for slot, _ in implicit_tensors]
        if wrt:
            transform = f'{{kind = "vjp", wrt = array<i64: {", ".join(map(str, wrt))}>}}'
            text, _ = translate(captured.graph_module, "main", router, [transform])
            training = _native.compile_training(text, "main", self._executors)
            entry = Entry(captured, None, router, slots, training)
        else:
            text, _ = translate(captured.graph_module, "main", router)
            entry = Entry(captured, _native.compile(text, "main", self._executors), router, slots)
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


def _launch(program, tensors, external):
    """Runs `program` on dense tensors; its outputs as torch tensors."""
    pointers = [(t.data_ptr(), list(t.shape)) for t in tensors]
    return [_from_dlpack(c) for c in program.run(pointers, external)]


class _Compiled(torch.autograd.Function):
    """A training specialisation inside torch autograd: `forward` runs the
    compiled forward and keeps what the compiled backward reads; `backward`
    runs it on those and the outputs' gradients."""

    @staticmethod
    def forward(ctx, entry, *inputs):
        training = entry.training
        tensors = _launch(training.forward, [_dense(t) for t in inputs] + entry.constants, entry.external)
        outputs, saved = tensors[: training.num_outputs], tensors[training.num_outputs:]
        ctx.entry = entry
        ctx.save_for_backward(*saved, *(inputs[i] for i in entry.backward_inputs))
        active = set(training.active_outputs)
        ctx.mark_non_differentiable(*(o for j, o in enumerate(outputs) if j not in active))
        return tuple(outputs)

    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, *grad_outputs):
        entry = ctx.entry
        training = entry.training
        stored = ctx.saved_tensors
        saved = stored[: training.num_saved]
        kept = dict(zip(entry.backward_inputs, stored[training.num_saved:]))
        args = []
        for kind, k in training.backward_args:
            if kind == "saved":
                args.append(saved[k])
            elif kind == "input":
                args.append(_dense(kept[k]))
            else:
                args.append(_dense(grad_outputs[k]))
        grads = _launch(training.backward, args, entry.external)
        result = [None] * len(ctx.needs_input_grad)
        for g, i in zip(grads, training.gradients):
            result[1 + i] = g
        return tuple(result)


def _run(entry, flat, implicit=None):
    captured = entry.captured
    originals = [flat[i] for i in captured.tensor_positions]
    originals += [implicit[slot] for slot in entry.implicit_slots]
    if entry.training is not None:
        tensors = list(_Compiled.apply(entry, *originals))
        if captured.single_tensor_output:
            return tensors[0]
        return _arrange(entry, tensors, originals)
    inputs = [_dense(t) for t in originals] + entry.constants
    tensors = _launch(entry.program, inputs, entry.external)
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


def _last_entry(jfn):
    entry = _function_of(jfn)._last
    if entry is None:
        raise RuntimeError("the function has not been called yet")
    return entry


def last_traces(jfn):
    """The program of the last call at every level: torch, prims, exec,
    linalg, llvm (for a call that computed gradients: torch, prims, the joint
    forward+backward, the split into forward and backward modules, then each
    of those at exec, linalg and llvm). Each trace's `pipeline` is the
    `thunder-opt --pass-pipeline` that produces the next level from its
    `text`."""
    entry = _last_entry(jfn)
    program = entry.program if entry.training is None else entry.training.forward
    return list(program.traces)


def last_backward_traces(jfn):
    """The backward program of the last call at every level from the split
    on: prims, exec, linalg, llvm, each with the pipeline that makes the next."""
    entry = _last_entry(jfn)
    if entry.training is None:
        raise RuntimeError(
            "the last call computed no gradients: no input required grad, or grad mode was off"
        )
    return list(entry.training.backward.traces)


_BYTES = {"f64": 8, "i64": 8, "f32": 4, "i32": 4, "f16": 2, "bf16": 2, "i16": 2, "i8": 1, "ui8": 1, "i1": 1}


def saved_for_backward(jfn):
    """What the last call keeps for its backward: ``{"tensors": n, "bytes":
    b, "inputs": k}``: the n values the forward computed and saved (b bytes),
    and the k inputs the backward reads (kept, not copied)."""
    entry = _last_entry(jfn)
    if entry.training is None:
        return {"tensors": 0, "bytes": 0, "inputs": 0}
    training = entry.training
    specs = training.forward.output_specs[training.num_outputs:]
    size = sum(_BYTES[dtype] * math.prod(shape) for dtype, shape in specs)
    return {"tensors": len(specs), "bytes": size, "inputs": len(entry.backward_inputs)}


def examine(fn, *args, executors=None, **kwargs):
    """Compiles `fn` for these arguments and reports which executor runs each
    aten operation, the plan the runtime executes and, when the call computes
    gradients, the backward's plan and what is saved for it. Returns
    ``{"claims": [(aten op, executor)], "plan": str}`` (and ``"backward_plan"``,
    ``"saved"`` for training)."""
    jfn = fn if isinstance(fn, (ThunderFunction, ThunderModule)) else jit(fn, executors=executors)
    jfn(*args, **kwargs)
    entry = _function_of(jfn)._last
    claims = list(entry.router.claims)
    width = max([len(op) for op, _ in claims] + [10])
    print(f"{'aten operation':<{width}}  executor")
    for op, ex in claims:
        print(f"{op:<{width}}  {ex}")
    if entry.training is None:
        plan = entry.program.describe()
        print("plan:")
        print("\n".join("  " + line for line in plan.splitlines()))
        return {"claims": claims, "plan": plan}
    plan = entry.training.forward.describe()
    backward = entry.training.backward.describe()
    saved = saved_for_backward(jfn)
    print("forward plan:")
    print("\n".join("  " + line for line in plan.splitlines()))
    print(f"saved for backward: {saved['tensors']} tensors, {saved['bytes']} bytes (and {saved['inputs']} inputs kept)")
    print("backward plan:")
    print("\n".join("  " + line for line in backward.splitlines()))
    return {"claims": claims, "plan": plan, "backward_plan": backward, "saved": saved}
