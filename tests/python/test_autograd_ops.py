"""Gradients, forward-mode derivatives and batching of every op in the op
suite (`test_ops.OPS`), against PyTorch:

- `test_gradients`: `thunder.jit` under torch autograd (the compiled
  backward) against eager autograd, for every floating sample, in f64 and
  f32 and the half dtypes the op supports;
- `test_vjp_is_the_transpose_of_the_jvp`: in f64, thunder's VJP and JVP of
  each sample satisfy <J u, v> = <u, J^T v>, and J u matches
  `torch.func.jvp`'s;
- `test_vmap`: `thunder.vmap` against `torch.func.vmap` over a batch of
  three samples.

Every case compiles with the op's own executors (thunder's code generator,
so the rules run, not the torch fallback).
"""

import math

import pytest
import thunder
import torch
from test_ops import BF16, F16, F32, F64, OPS, SHORT

# Gradients accumulate more rounding than the forward: compared looser.
GRAD_TOL = {F64: {"rtol": 1e-7, "atol": 1e-9}, F32: {"rtol": 2e-4, "atol": 2e-5},
            F16: {"rtol": 2e-2, "atol": 2e-2}, BF16: {"rtol": 8e-2, "atol": 8e-2}}
# Ops with no floating gradient at all (integer and bool outputs, comparisons).
NOT_DIFFERENTIABLE = ("eq", "ne", "lt", "le", "gt", "ge", "logical", "bitwise", "floor_divide", "div_floor",
                      "isnan", "sign", "where_mask", "arange", "full", "zeros", "ones", "new_")


def _leaves(args):
    return [a for a in torch.utils._pytree.tree_flatten(list(args))[0] if isinstance(a, torch.Tensor)]


def _with_grad(args):
    """The arguments with every floating tensor a fresh leaf that requires grad."""
    def fresh(a):
        if isinstance(a, torch.Tensor) and a.is_floating_point():
            return a.detach().clone().requires_grad_(True)
        return a

    return torch.utils._pytree.tree_map(fresh, list(args))


def _float_outputs(out):
    return [o for o in torch.utils._pytree.tree_flatten(out)[0]
            if isinstance(o, torch.Tensor) and o.is_floating_point() and o.requires_grad]


def _grad_params():
    params = []
    for op in OPS:
        if any(op.name.startswith(p) for p in NOT_DIFFERENTIABLE):
            continue
        for dtype in (F64, F32, BF16, F16):
            if dtype not in op.dtypes:
                continue
            samples = op.samples(dtype)
            if dtype in (BF16, F16):
                samples = samples[:1]
            for sample in samples:
                if sample.xfail:
                    continue
                params.append(pytest.param(op, dtype, sample, id=f"{op.name}-{SHORT[dtype]}-{sample.label}"))
    return params


def _cotangents(outputs, seed=1):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(o.shape, generator=g, dtype=torch.float64).to(o.dtype) for o in outputs]


@pytest.mark.filterwarnings("ignore:.*degrees of freedom:UserWarning")
@pytest.mark.parametrize("op, dtype, sample", _grad_params())
def test_gradients(op, dtype, sample):
    fn = sample.fn or op.fn
    args, kwargs = sample.build()
    eager_args = _with_grad(args)
    try:
        eager_out = fn(*eager_args, **kwargs)
    except Exception:
        pytest.skip("eager raises on these inputs (test_ops checks that thunder does too)")
    outputs = _float_outputs(eager_out)
    inputs = [a for a in _leaves(eager_args) if a.requires_grad]
    if not outputs or not inputs:
        pytest.skip("nothing differentiable: no floating input or output")
    cts = _cotangents(outputs)
    try:
        want = torch.autograd.grad(outputs, inputs, cts, allow_unused=True)
    except RuntimeError as exc:
        pytest.skip(f"eager has no derivative here: {str(exc).splitlines()[0]}")
    thunder_args = _with_grad(args)
    got_out = thunder.jit(fn, executors=list(op.executors[0]))(*thunder_args, **kwargs)
    got_outputs = _float_outputs(got_out)
    assert len(got_outputs) == len(outputs), "thunder's outputs need gradients where eager's do"
    thunder_inputs = [a for a in _leaves(thunder_args) if a.requires_grad]
    got = torch.autograd.grad(got_outputs, thunder_inputs, cts, allow_unused=True)
    # Computed in the least precise dtype among the input's and the outputs'.
    precision = [F64, F32, F16, BF16]
    tol = GRAD_TOL[max([dtype, *(o.dtype for o in outputs)], key=precision.index)]
    for i, (g, w, x) in enumerate(zip(got, want, inputs)):
        w = torch.zeros_like(x) if w is None else w
        g = torch.zeros_like(x) if g is None else g
        assert g.dtype == w.dtype and g.shape == w.shape, f"gradient {i}: {g.dtype} {g.shape} != {w.dtype} {w.shape}"
        torch.testing.assert_close(g, w, equal_nan=True, msg=lambda m, i=i: f"gradient of input {i}: {m}", **tol)


def _positional_tensor_params():
    """f64 samples whose arguments are tensors and Python numbers only (what
    the functional transforms take), without keyword arguments."""
    params = []
    for op in OPS:
        if any(op.name.startswith(p) for p in NOT_DIFFERENTIABLE) or F64 not in op.dtypes:
            continue
        for sample in op.samples(F64):
            if sample.xfail or sample.label in ("special", "empty", "2x0", "2x0_1", "2x0_dim1", "2x0_dim0",
                                                "empty_all"):
                continue
            args, kwargs = sample.build()
            if kwargs or not all(isinstance(a, (torch.Tensor, int, float, bool)) for a in args):
                continue
            params.append(pytest.param(op, sample, id=f"{op.name}-{sample.label}"))
    return params


def _split(args):
    """Tensor arguments (the primals) and a function of them alone."""
    positions = [i for i, a in enumerate(args) if isinstance(a, torch.Tensor) and a.is_floating_point()]
    return positions, [args[i] for i in positions]


def _bind(fn, args, positions):
    def bound(*tensors):
        values = list(args)
        for i, t in zip(positions, tensors):
            values[i] = t
        out = fn(*values)
        return tuple(o for o in (out if isinstance(out, (tuple, list)) else (out,))
                     if isinstance(o, torch.Tensor) and o.is_floating_point())

    return bound


@pytest.mark.filterwarnings("ignore:.*degrees of freedom:UserWarning")
@pytest.mark.parametrize("op, sample", _positional_tensor_params())
def test_vjp_is_the_transpose_of_the_jvp(op, sample):
    fn = sample.fn or op.fn
    args, _ = sample.build()
    positions, primals = _split(args)
    if not primals:
        pytest.skip("no floating argument")
    if any(isinstance(a, torch.Tensor) and not a.is_floating_point() for a in args):
        pytest.skip("a bool or integer tensor argument cannot be a primal (the gradient suite covers it)")
    bound = _bind(fn, args, positions)
    try:
        outputs, expected = torch.func.jvp(bound, tuple(primals), tuple(torch.ones_like(p) for p in primals))
    except Exception as exc:
        pytest.skip(f"torch.func.jvp cannot: {str(exc).splitlines()[0]}")
    if not outputs:
        pytest.skip("no floating output")
    g = torch.Generator().manual_seed(2)
    u = tuple(torch.randn(p.shape, generator=g, dtype=F64).to(p.dtype) for p in primals)
    v = tuple(torch.randn(o.shape, generator=g, dtype=F64).to(o.dtype) for o in outputs)
    _, expected = torch.func.jvp(bound, tuple(primals), u)
    got_out, ju = thunder.jvp(bound)(tuple(primals), u)
    for a, b in zip(got_out, outputs):
        torch.testing.assert_close(a, b, rtol=1e-7, atol=1e-9, equal_nan=True)
    _, jtv = thunder.vjp(bound)(tuple(primals), v)
    for a, b in zip(ju, expected):
        torch.testing.assert_close(a, b, rtol=1e-7, atol=1e-9, equal_nan=True, check_dtype=True)
    left = sum((a.double() * b.double()).sum() for a, b in zip(ju, v))
    right = sum((a.double() * b.double()).sum() for a, b in zip(u, jtv))
    # Outputs of lower precision (x.half()) round the products.
    rel = 1e-8 if all(o.dtype == F64 for o in outputs) else 2e-3
    if math.isfinite(left.item()) and math.isfinite(right.item()):
        assert left.item() == pytest.approx(right.item(), rel=rel, abs=1e-9)


@pytest.mark.filterwarnings("ignore:.*degrees of freedom:UserWarning")
@pytest.mark.parametrize("op, sample", _positional_tensor_params())
def test_vmap(op, sample):
    fn = sample.fn or op.fn
    args, _ = sample.build()
    positions = [i for i, a in enumerate(args) if isinstance(a, torch.Tensor)]
    if not positions:
        pytest.skip("no tensor argument")
    # A batch of three: the sample and two perturbed copies (the first tensor
    # argument batched at its last dimension when it has one, to move it).
    batched = []
    in_dims = []
    for i, a in enumerate(args):
        if i not in positions:
            batched.append(a)
            in_dims.append(None)
            continue
        copies = [a, a * 0.5 + 0.25, -a] if a.is_floating_point() else [a, a, a]
        dim = a.dim() if i == positions[0] and a.dim() > 0 else 0
        batched.append(torch.stack(copies, dim))
        in_dims.append(dim)
    try:
        want = torch.func.vmap(fn, in_dims=tuple(in_dims))(*batched)
    except Exception as exc:
        pytest.skip(f"torch.func.vmap cannot: {str(exc).splitlines()[0]}")
    got = thunder.vmap(fn, in_dims=tuple(in_dims))(*batched)
    got, got_spec = torch.utils._pytree.tree_flatten(got)
    want, want_spec = torch.utils._pytree.tree_flatten(want)
    assert got_spec == want_spec
    for a, b in zip(got, want):
        assert a.dtype == b.dtype and a.shape == b.shape, f"{a.dtype} {a.shape} != {b.dtype} {b.shape}"
        torch.testing.assert_close(a, b, rtol=1e-7, atol=1e-9, equal_nan=True)

