"""Functional transforms: `thunder.grad`, `thunder.vjp`, `thunder.jvp` and
`thunder.vmap`, composable (`vmap(grad(f))`, `grad(grad(f))`,
`jvp(grad(f))`), each a pass on the prims level.

A transformed function remembers the function underneath and the
transforms, innermost first. A call works out, outermost first, the
arguments each level passes to the one inside (vmap passes one example of
its batch, vjp and jvp their primals), captures the function underneath on
those, and compiles it with a `thunder.transforms` attribute listing the
transforms: `thunder-prims-grad`, `thunder-prims-jvp` and
`thunder-prims-vmap` apply them in that order. The program's inputs and
outputs at each level follow the passes' conventions (vjp appends one
cotangent per floating output, jvp one tangent per floating input, vmap
batches); this module maps the caller's values onto them.
"""

import torch
from torch.utils import _pytree as pytree

from . import _native
from ._capture import capture, capturing
from ._executors import Router, resolve
from ._implicit import ImplicitState
from ._keys import key_of
from ._translate import translate
from .errors import UnsupportedOperation


class _Level:
    """One transform: its kind and parameters."""

    def __init__(self, kind, **params):
        self.kind = kind
        self.params = params


def _as_transformed(fn):
    return fn if isinstance(fn, Transformed) else Transformed(fn, [])


def grad(fn, argnums=0):
    """The gradient of `fn` (one 0-d floating output) with respect to its
    positional arguments `argnums` (an int, or a tuple of them), as
    `torch.func.grad`."""
    inner = _as_transformed(fn)
    return Transformed(inner.fn, [*inner.levels, _Level("grad", argnums=argnums)], inner.executors)


def vjp(fn):
    """`vjp(fn)(primals, cotangents) -> (outputs, cotangents_of_primals)`:
    `fn`'s outputs at the tuple `primals`, and the vector-Jacobian product of
    `cotangents` (shaped like the outputs) for each primal."""
    inner = _as_transformed(fn)
    return Transformed(inner.fn, [*inner.levels, _Level("vjp")], inner.executors)


def jvp(fn):
    """`jvp(fn)(primals, tangents) -> (outputs, tangents_out)`: forward mode,
    as `torch.func.jvp`."""
    inner = _as_transformed(fn)
    return Transformed(inner.fn, [*inner.levels, _Level("jvp")], inner.executors)


def vmap(fn, in_dims=0, out_dims=0):
    """`fn` over a batch: positional argument i carries it at `in_dims[i]`
    (None: not batched; an int applies to every argument), each output at
    `out_dims`, as `torch.func.vmap`."""
    inner = _as_transformed(fn)
    return Transformed(inner.fn, [*inner.levels, _Level("vmap", in_dims=in_dims, out_dims=out_dims)],
                       inner.executors)


def _tensors_only(values, what):
    for v in values:
        if not isinstance(v, torch.Tensor):
            raise TypeError(f"{what} must be tensors, got {type(v).__name__}")


def _leaves(values):
    return pytree.tree_flatten(list(values))[0]


class _Entry:
    def __init__(self, program, router, captured, constants, inputs, outputs):
        self.program = program
        self.router = router
        self.external = router.callback()
        self.captured = captured
        self.constants = constants
        # How to build the program's inputs from the call's leaves: per input,
        # ("leaf", i), ("fixed", tensor), ("constant", k) or ("zeros", j): zeros
        # like input j (a tangent of an input the caller gives none for).
        self.inputs = inputs
        # How to arrange the program's outputs: a pytree of output indices.
        self.outputs = outputs


class Transformed:
    """A function with functional transforms applied (see the module)."""

    def __init__(self, fn, levels, executors=None):
        if isinstance(fn, Transformed):
            levels = [*fn.levels, *levels]
            fn = fn.fn
        self.fn = fn
        self.levels = levels
        self.executors = resolve(executors)
        self._implicit = ImplicitState(fn)
        self._cache = {}
        self._last = None

    def __call__(self, *args):
        if capturing():
            raise UnsupportedOperation("thunder's functional transforms cannot be called inside thunder.jit yet")
        leaves, spec = pytree.tree_flatten(list(args))
        implicit = [(slot, v) for slot, v in self._implicit.slots()]
        key = (spec, tuple(key_of(v) for v in leaves), tuple(key_of(v) for _, v in implicit),
               torch.is_grad_enabled())
        entry = self._cache.get(key)
        if entry is None:
            entry = self._compile(args, implicit)
            self._cache[key] = entry
        self._last = entry
        inputs = []
        for kind, what in entry.inputs:
            if kind == "leaf":
                inputs.append(leaves[what])
            elif kind == "fixed":
                inputs.append(what)
            elif kind == "constant":
                inputs.append(entry.constants[what])
            else:
                inputs.append(torch.zeros_like(inputs[what]))
        tensors = [t.contiguous() for t in inputs]
        pointers = [(t.data_ptr(), list(t.shape)) for t in tensors]
        outputs = [torch._C._from_dlpack(c) for c in entry.program.run(pointers, entry.external)]
        return pytree.tree_map(lambda i: outputs[i], entry.outputs)

    def _compile(self, args, implicit):
        # Outermost first: the arguments each level hands the one inside.
        calls, sizes = [list(args)], []
        for level in reversed(self.levels):
            inner, size = _inner_args(level, calls[-1])
            calls.append(inner)
            sizes.append(size)
        calls.reverse()  # calls[0]: the function's own arguments; calls[k]: level k's
        sizes.reverse()
        base = calls[0]
        flat, spec = pytree.tree_flatten((tuple(base), {}))
        implicit_tensors = [(slot, v) for slot, v in implicit if isinstance(v, torch.Tensor)]
        captured = capture(self.fn, flat, spec, self._implicit, implicit_tensors, aliases=False)
        if any(not isinstance(t, int) for t in captured.out_template):
            raise UnsupportedOperation("functional transforms need a function that returns tensors only")
        graph_inputs = [n for n in captured.graph_module.graph.nodes if n.op == "get_attr"]
        constants = [getattr(captured.graph_module, n.target).contiguous() for n in graph_inputs]
        # The program's inputs at level 0, each as (source, value):
        # ("leaf", i) for leaf i of level 0's call, ("fixed", tensor).
        base_leaves = _leaves(base)
        position = {id(v): i for i, v in enumerate(base_leaves)}
        inputs = [("leaf", position[id(flat[i])]) for i in captured.tensor_positions]
        inputs += [("fixed", t) for _, t in implicit_tensors]
        values = [flat[i] for i in captured.tensor_positions] + [t for _, t in implicit_tensors]
        values += constants
        inputs += [("constant", k) for k in range(len(constants))]
        outputs = pytree.tree_unflatten(list(captured.out_template), captured.out_spec)
        output_values = [_fake_like(o) for o in _output_metas(captured)]
        transforms = []
        # Each level's call has the leaves of the one inside first, in the
        # same order (vjp and jvp add their cotangents or tangents after), so
        # ("leaf", i) means the same argument at every level.
        for k, level in enumerate(self.levels, start=1):
            inputs, values, outputs, output_values, spec_text = _apply(
                level, inputs, values, outputs, output_values, calls[k], sizes[k - 1])
            transforms.append(spec_text)
        router = Router(self.executors)
        text, _ = translate(captured.graph_module, "main", router, transforms)
        program = _native.compile(text, "main", self.executors)
        return _Entry(program, router, captured, constants, inputs, outputs)


def _output_metas(captured):
    outs = next(n for n in captured.graph_module.graph.nodes if n.op == "output").args[0]
    outs = outs if isinstance(outs, (list, tuple)) else [outs]
    return [o.meta["val"] for o in outs]


def _fake_like(meta):
    return torch.empty(meta.shape, dtype=meta.dtype)


def _inner_args(level, args):
    """The arguments level `level`, called with `args`, passes inside."""
    if level.kind == "grad":
        return list(args), None
    if level.kind in ("vjp", "jvp"):
        if len(args) != 2:
            raise TypeError(f"thunder.{level.kind}(fn) takes (primals, {'cotangents' if level.kind == 'vjp' else 'tangents'})")
        primals = args[0]
        primals = list(primals) if isinstance(primals, (tuple, list)) else [primals]
        _tensors_only(primals, f"{level.kind}'s primals")
        return primals, None
    dims = _in_dims(level.params["in_dims"], args)
    sizes = {a.shape[d] for a, d in zip(args, dims) if d is not None}
    if len(sizes) != 1:
        raise ValueError(f"vmap: the batched arguments must have one batch size, got {sorted(sizes)}")
    return [a if d is None else a.select(d, 0) for a, d in zip(args, dims)], sizes.pop()


def _in_dims(in_dims, args):
    dims = list(in_dims) if isinstance(in_dims, (tuple, list)) else [in_dims] * len(args)
    if len(dims) != len(args):
        raise ValueError(f"vmap: in_dims has {len(dims)} entries for {len(args)} arguments")
    out = []
    for a, d in zip(args, dims):
        if d is not None and not isinstance(a, torch.Tensor):
            raise ValueError("vmap: only tensor arguments can be batched (give None as their in_dim)")
        out.append(None if d is None else d % a.dim())
    return out


def _apply(level, inputs, values, outputs, output_values, call, size):
    """One level: the program's inputs (their sources and example values) and
    outputs (a pytree of output indices, and example values) after it, and
    its `thunder.transforms` entry."""
    floating_outputs = [j for j, o in enumerate(output_values) if o.is_floating_point()]
    remap = inputs
    if level.kind == "grad":
        argnums = level.params["argnums"]
        nums = [argnums] if isinstance(argnums, int) else list(argnums)
        wrt = [i for i, s in enumerate(remap) if s[0] == "leaf" and s[1] in nums]
        if len(wrt) != len(nums):
            raise ValueError(f"grad: argnums {argnums} must name tensor arguments")
        for i in wrt:
            if not values[i].is_floating_point():
                raise TypeError("grad: only floating tensors have gradients")
        n = len(output_values)
        if n != 1 or output_values[0].dim() != 0 or not output_values[0].is_floating_point():
            raise ValueError("grad: the function must return one 0-d floating tensor")
        order = {i: k for k, i in enumerate(wrt)}
        new_outputs = tuple(order[i] for i in wrt) if not isinstance(argnums, int) else 0
        new_values = [values[i] for i in wrt]
        return remap, values, new_outputs, new_values, _dict("grad", wrt=wrt)
    if level.kind == "vjp":
        primal_count = len(_leaves(call[0])) if isinstance(call[0], (tuple, list)) else 1
        wrt = [i for i, s in enumerate(remap) if s[0] == "leaf" and s[1] < primal_count]
        for i in wrt:
            if not values[i].is_floating_point():
                raise TypeError("vjp: every primal must be a floating tensor")
        cotangent_leaves = _leaves([call[1]])
        if len(cotangent_leaves) != len(floating_outputs):
            raise ValueError(f"vjp: {len(cotangent_leaves)} cotangents for {len(floating_outputs)} floating outputs")
        for k, (c, j) in enumerate(zip(cotangent_leaves, floating_outputs)):
            _same_kind(c, output_values[j], f"vjp: cotangent {k}", f"output {j}")
        new_inputs = remap + [("leaf", primal_count + k) for k in range(len(cotangent_leaves))]
        new_values = values + [output_values[j] for j in floating_outputs]
        m = len(output_values)
        grads = tuple(m + k for k in range(len(wrt)))
        new_outputs = (outputs, grads)
        out_values = output_values + [values[i] for i in wrt]
        return new_inputs, new_values, new_outputs, out_values, _dict("vjp", wrt=wrt)
    if level.kind == "jvp":
        primal_count = len(_leaves(call[0])) if isinstance(call[0], (tuple, list)) else 1
        tangent_leaves = _leaves([call[1]])
        if len(tangent_leaves) != primal_count:
            raise ValueError(f"jvp: {len(tangent_leaves)} tangents for {primal_count} primals")
        for k, t in enumerate(tangent_leaves):
            primal = _leaves(call[0] if isinstance(call[0], (tuple, list)) else [call[0]])[k]
            _same_kind(t, primal, f"jvp: tangent {k}", f"primal {k}")
        new_inputs = list(remap)
        new_values = list(values)
        for i, s in enumerate(remap):
            if not values[i].is_floating_point():
                continue
            if s[0] == "leaf" and s[1] < primal_count:
                new_inputs.append(("leaf", primal_count + s[1]))
            else:
                new_inputs.append(("zeros", i))
            new_values.append(values[i])
        if len(floating_outputs) != len(output_values):
            raise TypeError("jvp: every output must be a floating tensor")
        m = len(output_values)
        tangents = pytree.tree_map(lambda j: m + j, outputs)
        new_outputs = (outputs, tangents)
        out_values = output_values + [output_values[j] for j in floating_outputs]
        return new_inputs, new_values, new_outputs, out_values, '{kind = "jvp"}'
    # vmap
    dims = _in_dims(level.params["in_dims"], call)
    leaf_dims = []
    for a, d in zip(call, dims):
        leaf_dims += [d] * len(_leaves([a]))
    in_dims = []
    for s in remap:
        if s[0] == "leaf":
            in_dims.append(-1 if leaf_dims[s[1]] is None else leaf_dims[s[1]])
        elif s[0] == "zeros":
            # Zeros like a batched input are made batched at call time.
            in_dims.append(in_dims[s[1]])
        else:
            in_dims.append(-1)
    out_dims = level.params["out_dims"]
    n_out = len(output_values)
    od = list(out_dims) if isinstance(out_dims, (tuple, list)) else [out_dims] * n_out
    if len(od) != n_out:
        raise ValueError(f"vmap: out_dims has {len(od)} entries for {n_out} outputs")
    new_values = []
    for v, d in zip(values, in_dims):
        new_values.append(v if d < 0 else torch.empty([*v.shape[:d], size, *v.shape[d:]], dtype=v.dtype))
    out_values = []
    for o, d in zip(output_values, od):
        shape = list(o.shape)
        shape.insert(d % (len(shape) + 1), size)
        out_values.append(torch.empty(shape, dtype=o.dtype))
    text = _dict("vmap", in_dims=in_dims, out_dims=[d % (len(o.shape) + 1) for o, d in zip(output_values, od)])
    text = text[:-1] + f", size = {size} : i64}}"
    return remap, new_values, outputs, out_values, text


def _same_kind(value, like, what, of):
    """A cotangent or tangent must have its primal's (or output's) shape and dtype."""
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{what} must be a tensor, got {type(value).__name__}")
    if value.dtype != like.dtype or value.shape != like.shape:
        raise ValueError(f"{what} is {value.dtype} {list(value.shape)}, but {of} is {like.dtype} {list(like.shape)}")


def _dict(kind, **arrays):
    fields = [f'kind = "{kind}"'] + [f"{k} = array<i64{': ' if v else ''}{', '.join(map(str, v))}>"
                                     for k, v in arrays.items()]
    return "{" + ", ".join(fields) + "}"


def last_traces(tfn):
    """The program of the transformed function's last call at every level."""
    if not isinstance(tfn, Transformed) or tfn._last is None:
        raise RuntimeError("expected a transformed function that has been called")
    return list(tfn._last.program.traces)
