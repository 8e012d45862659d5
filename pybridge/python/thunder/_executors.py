"""Executors: who runs each captured operation.

The order a user gives `thunder.jit(fn, executors=[...])` is a priority
list; for each aten operation the first executor that can run it claims it:

- ``"blas"``: f32/f64 matrix products, through the runtime's GEMM;
- ``"thunder_cpu"``: everything thunder has a rule for, fused into generated
  kernels;
- ``"torch"``: the fallback, running any other operation eagerly through
  PyTorch, so every valid program gives the eager result;
- user executors made with :class:`OperatorExecutor` (the extend API).

Operations claimed by ``"torch"`` or a user executor become
``thunder_torch.opaque`` ops and, at the exec level, ``thunder_exec.call``
steps that the runtime calls back into Python for.
"""

import torch
from torch.utils import _pytree as pytree

from ._dtypes import DTYPE_OF, tensor_type
from .errors import UnsupportedOperation

BUILTIN = ("blas", "thunder_cpu", "torch")
# aten ops whose product the blas executor runs (the rest of their
# decomposition, such as a bias add, runs in generated code).
BLAS_OPS = {"mm", "bmm", "matmul", "addmm", "linear"}
DEFAULT = ["blas", "thunder_cpu", "torch"]
_user_executors = {}


class OperatorExecutor:
    """An executor whose implementations are Python callables.

    ::

        ex = thunder.extend.OperatorExecutor("myex")
        ex.register_implementation(torch.ops.aten.cumsum.default, my_cumsum)
        thunder.jit(fn, executors=["myex", *thunder.extend.DEFAULT])

    `my_cumsum` receives the same arguments as the aten operation (tensors as
    torch tensors) and returns what it returns.
    """

    def __init__(self, name):
        if name in BUILTIN:
            raise ValueError(f"'{name}' is a built-in executor")
        self.name = name
        self.implementations = {}
        _user_executors[name] = self

    def register_implementation(self, op, fn):
        """Runs `op` (an aten OpOverload such as ``torch.ops.aten.cumsum.default``,
        or an OpOverloadPacket for all its overloads) with `fn`."""
        self.implementations[op] = fn
        return fn

    def implementation_for(self, target):
        if target in self.implementations:
            return self.implementations[target]
        packet = getattr(target, "overloadpacket", None)
        return self.implementations.get(packet)

    def __repr__(self):
        return f"OperatorExecutor({self.name!r})"


def _vjp(call, inputs, outputs):
    """The VJP of `call`: its operands, then the cotangents of its results
    `outputs` in; the gradients of its operands `inputs` out. Torch autograd
    runs the op alone once more (random ops never get here: they take no
    differentiable input, so what they drew is saved instead)."""

    def vjp(*tensors):
        n = len(tensors) - len(outputs)
        operands, cotangents = tensors[:n], tensors[n:]
        with torch.enable_grad():
            xs = [t.detach().requires_grad_(i in inputs) for i, t in enumerate(operands)]
            out = call(*xs)
            out = list(out) if isinstance(out, (tuple, list)) else [out]
            picked = [(out[j], c) for j, c in zip(outputs, cotangents) if out[j].requires_grad]
            wrt = [xs[i] for i in inputs]
            grads = torch.autograd.grad([o for o, _ in picked], wrt, [c for _, c in picked],
                                        allow_unused=True) if picked else [None] * len(wrt)
        return [torch.zeros_like(w) if g is None else g for g, w in zip(grads, wrt)]

    return vjp


def _vjp_with_results(call, inputs, outputs):
    """The VJP of an op in `_BACKWARD_FROM_RESULTS`: its operands, its
    results, then the cotangents of `outputs` in; the gradients of the
    operands `inputs` out, from the op's own backward."""

    def vjp(*tensors):
        n, m = call.operands, len(tensors) - call.operands - len(outputs)
        args, kwargs = call.bind(tensors[:n])
        results = tensors[n:n + m]
        cotangents = dict(zip(outputs, tensors[n + m:]))
        return _BACKWARD_FROM_RESULTS[call.op](args, kwargs, results, cotangents, inputs)

    return vjp


def _flash_attention_cpu_backward(args, kwargs, results, cotangents, inputs):
    q, k, v = args[:3]
    dropout_p = args[3] if len(args) > 3 else kwargs.get("dropout_p", 0.0)
    is_causal = args[4] if len(args) > 4 else kwargs.get("is_causal", False)
    out, logsumexp = results[:2]
    grad = cotangents.get(0)
    if grad is None:
        grad = torch.zeros_like(out)
    grads = torch.ops.aten._scaled_dot_product_flash_attention_for_cpu_backward(
        grad, q, k, v, out, logsumexp, dropout_p, is_causal,
        attn_mask=kwargs.get("attn_mask"), scale=kwargs.get("scale"))
    operands = [q, k, v]
    return [grads[i] if i < 3 else torch.zeros_like(operands[i]) for i in inputs]


# aten op -> its backward from (args, kwargs, results, {output: cotangent},
# inputs wanted): what the compiler calls with `vjp_uses_results`.
_BACKWARD_FROM_RESULTS = {
    torch.ops.aten._scaled_dot_product_flash_attention_for_cpu.default: _flash_attention_cpu_backward,
}


def _jvp(call, inputs, outputs):
    """The JVP of `call`: its operands, then the tangents of the operands
    `inputs` in; the tangents of the results `outputs` out (torch's
    forward-mode AD on the op alone)."""

    def jvp(*tensors):
        n = len(tensors) - len(inputs)
        operands, tangents = list(tensors[:n]), tensors[n:]
        full = [torch.zeros_like(t) if t.is_floating_point() else None for t in operands]
        for i, t in zip(inputs, tangents):
            full[i] = t
        differentiable = [i for i, t in enumerate(full) if t is not None]

        def only_differentiable(*xs):
            values = list(operands)
            for i, x in zip(differentiable, xs):
                values[i] = x
            out = call(*values)
            return tuple(out) if isinstance(out, (tuple, list)) else (out,)

        _, tangents_out = torch.func.jvp(only_differentiable, tuple(operands[i] for i in differentiable),
                                         tuple(full[i] for i in differentiable))
        return [tangents_out[j] for j in outputs]

    return jvp


def _vmap(call, in_dims, _):
    """`call` over a batch: operand i carries it at `in_dims[i]` (-1: not at
    all), every result at 0."""
    return torch.func.vmap(lambda *xs: call(*xs), in_dims=tuple(None if d < 0 else d for d in in_dims))


# Prims the compiler may route to the torch executor, with torch's op for each.
# (The compiler folds transposes of the last two dimensions into the call:
# the operands come as stored and are read transposed.)
_PRIMS = {
    "thunder_prims.matmul": torch.matmul,
    "thunder_prims.matmul_transposed_lhs": lambda a, b: torch.matmul(a.mT, b),
    "thunder_prims.matmul_transposed_rhs": lambda a, b: torch.matmul(a, b.mT),
    "thunder_prims.matmul_transposed_both": lambda a, b: torch.matmul(a.mT, b.mT),
}

_TRANSFORMS = {
    "vjp": _vjp,
    "vjp_with_results": _vjp_with_results,
    "jvp": _jvp,
    "vmap": _vmap,
}


def get_executor(name):
    return _user_executors.get(name)


def resolve(executors):
    """Validates an executor list; returns the names in priority order."""
    if isinstance(executors, (str, OperatorExecutor)):
        raise TypeError("executors must be a list of executor names or OperatorExecutors, in priority order")
    names = DEFAULT if executors is None else [e.name if isinstance(e, OperatorExecutor) else e for e in executors]
    for n in names:
        if n not in BUILTIN and n not in _user_executors:
            raise ValueError(f"unknown executor '{n}' (built-in: {', '.join(BUILTIN)}; user: {', '.join(_user_executors) or 'none'})")
    if not names:
        raise ValueError("executors must not be empty")
    return list(names)


class Router:
    """Decides, node by node, who runs what; records the external calls."""

    def __init__(self, executors):
        self.executors = executors
        self.calls = []  # index -> (executor, callable, template, tensor count)
        self.claims = []  # (aten op, executor) for examine()

    def __call__(self, em, node, translate_call):
        target = node.target
        if target.__module__ == "_operator" and target.__name__ == "getitem":
            return translate_call(em, node)
        for name in self.executors:
            if name == "blas" and getattr(target, "__name__", "").split(".")[0] in BLAS_OPS:
                try:
                    value = translate_call(em, node)
                except UnsupportedOperation:
                    continue
                self.claims.append((str(target), "blas"))
                return value
            if name == "thunder_cpu":
                try:
                    value = translate_call(em, node)
                except UnsupportedOperation:
                    continue
                self.claims.append((str(target), "thunder_cpu"))
                return value
            if name == "torch":
                return self.external(em, node, "torch", target)
            user = _user_executors.get(name)
            if user is not None and isinstance(target, torch._ops.OpOverload):
                impl = user.implementation_for(target)
                if impl is not None:
                    return self.external(em, node, name, impl)
        raise em.unsupported(f"no executor in {self.executors} can run it")

    def external(self, em, node, executor, fn):
        """Emits `thunder_torch.opaque` for a call `fn` runs at run time."""
        vals = node.meta.get("val")
        outs = list(vals) if isinstance(vals, (tuple, list)) else [vals]
        if not all(isinstance(v, torch.Tensor) for v in outs):
            raise em.unsupported("an external call that does not return tensors")
        for v in outs:
            if v.device.type != "cpu":
                raise em.unsupported(f"an operation producing a tensor on {v.device} (thunder.jit runs on the CPU)")
        flat, spec = pytree.tree_flatten((node.args, node.kwargs))
        tensor_inputs = [a for a in flat if isinstance(a, torch.fx.Node)]
        operands = [em.values[a] for a in tensor_inputs]
        template = [("T", i) if isinstance(a, torch.fx.Node) else ("V", a) for i, a in enumerate(flat)]
        index = len(self.calls)
        expected = [(tuple(v.shape), v.dtype) for v in outs]
        self.calls.append((executor, fn, (template, spec), expected))
        self.claims.append((str(node.target), executor))
        result_types = [tensor_type(v.shape, v.dtype) for v in outs]
        ssa = em.fresh()
        lhs = ssa if len(outs) == 1 else f"{ssa}:{len(outs)}"
        names = ", ".join(o[0] for o in operands)
        types = ", ".join(o[1] for o in operands)
        callee = f"{executor}::{node.target}"
        # Ops whose backward reads their own results (flash attention's
        # logsumexp): their VJP takes them instead of running the op again.
        flags = ", vjp_uses_results" if executor == "torch" and node.target in _BACKWARD_FROM_RESULTS else ""
        em.lines.append(
            f'  {lhs} = thunder_torch.opaque "{callee}"({names}) {{args = {{index = {index} : i64{flags}}}}} : '
            f"({types}) -> ({', '.join(result_types)}) {em.location}"
        )
        if len(outs) == 1:
            return ssa, result_types[0]
        for i, t in enumerate(result_types):
            em.values[(node, i)] = (f"{ssa}#{i}", t)
        return f"{ssa}#0", result_types[0]

    def callback(self):
        """What the runtime calls for `thunder_exec.call` steps: call
        `index` on the input capsules, through the transforms the compiler
        made of it (its VJP, JVP or batched form)."""
        calls = self.calls

        def run_external(index, capsules, transforms=(), specs=None, target=None, threads=0):
            inputs = [torch.utils.dlpack.from_dlpack(c) for c in capsules]
            if index < 0:
                # A prim the compiler gave the torch executor (no aten call
                # behind it): torch's GEMM, on the threads torch has outside
                # the plan (`threads`; 0 when the plan left them alone).
                executor, fn, expected = "torch", _PRIMS[target], []

                def call(*tensors):
                    if threads <= 1:
                        return fn(*tensors)
                    torch.set_num_threads(threads)
                    try:
                        return fn(*tensors)
                    finally:
                        torch.set_num_threads(1)
            else:
                executor, fn, (template, spec), expected = calls[index]

                def bind(tensors, template=template, spec=spec):
                    it = iter(tensors)
                    flat = [next(it) if kind == "T" else value for kind, value in template]
                    return pytree.tree_unflatten(flat, spec)

                def call(*tensors):
                    args, kwargs = bind(tensors)
                    return fn(*args, **kwargs)

                call.op, call.bind = fn, bind
                call.operands = sum(1 for kind, _ in template if kind == "T")

            for kind, ins, outs in transforms:
                call = _TRANSFORMS[kind](call, list(ins), list(outs))
            if specs is not None:
                expected = [(tuple(shape), DTYPE_OF[dtype]) for dtype, shape in specs]
            out = call(*inputs)
            outs = list(out) if isinstance(out, (tuple, list)) else [out]
            # The runtime reads these buffers as the captured shapes and dtypes:
            # anything else would be read out of bounds.
            if len(outs) != len(expected):
                raise TypeError(f"executor '{executor}' returned {len(outs)} results for {fn}, expected {len(expected)}")
            owned = {t.untyped_storage().data_ptr() for t in inputs}
            results = []
            for t, (shape, dtype) in zip(outs, expected):
                if executor == "torch" and t is None and 0 in shape:
                    # Some CPU kernels return None for an empty output their
                    # fake implementation describes (mkldnn_rnn_layer's
                    # workspace, which nn.LSTM never reads).
                    t = torch.empty(shape, dtype=dtype)
                if executor == "torch" and isinstance(t, torch.Tensor) and t.dtype != dtype:
                    # A few aten kernels' fake (meta) implementations report a
                    # dtype their CPU kernels do not produce (native_layer_norm's
                    # statistics): keep the captured one.
                    t = t.to(dtype)
                if not isinstance(t, torch.Tensor) or t.device.type != "cpu" or t.dtype != dtype or tuple(t.shape) != shape:
                    got = f"{t.dtype} {list(t.shape)} on {t.device}" if isinstance(t, torch.Tensor) else type(t).__name__
                    raise TypeError(
                        f"executor '{executor}' returned {got} for {fn}, expected a CPU {dtype} tensor of shape {list(shape)}"
                    )
                t = t.resolve_neg().resolve_conj().contiguous()
                # Never hand back memory the runtime owns or borrowed.
                if t.untyped_storage().data_ptr() in owned:
                    t = t.clone()
                results.append((t.data_ptr(), list(t.shape), t))
            return results

        return run_external
