"""Adversarial inputs: special values through every math op, the semantics of
outputs that alias inputs, tensor subclasses, re-entrant and nested calls,
exception types, and a small differential fuzzer, each against eager PyTorch.

Special values are signed zeros, subnormals, the extremes of each dtype,
huge magnitudes, infinities and NaN, in tensors long enough that the
vectorised loops run as well as the scalar tails. A result must match eager's;
where it does not, it must match the exact value (mpmath, 50 digits, rounded
to the dtype) instead: eager's own kernels flush some subnormals (log1p) or
overflow early (sinh of 89 in bf16), and thunder is not held to those.
"""

import math
import random
import threading

import mpmath
import pytest
import thunder
import torch
import torch.nn.functional as F

F64, F32, F16, BF16 = torch.float64, torch.float32, torch.float16, torch.bfloat16
FLOATS = (F64, F32, F16, BF16)
INF, NAN = math.inf, math.nan
mpmath.mp.dps = 50


def special_values(dtype):
    info = torch.finfo(dtype)
    tiny = info.smallest_normal
    values = [0.0, -0.0, tiny, -tiny, tiny / 2, tiny / 1024, -tiny / 3, tiny * 1.5, info.max, -info.max,
              info.eps, 1 - info.eps, 0.5, 1.0, -1.0, 3.0, -3.0, 20.0, -20.0, 88.0, 89.0, -104.0, 700.0,
              1e4, -1e4, 1e10, -1e10, 1e30, -1e30, INF, -INF, NAN]
    if dtype == F64:
        values += [5e-324, -5e-324, 1e-310, 1e300, -1e300]
    else:
        values += [1e-45, 1e-40, -1e-40, 5e-39]
    return torch.tensor(values, dtype=F64).to(dtype)


def _exact(fn):
    def elementwise(x):
        try:
            v = fn(mpmath.mpf(x))
        except (ValueError, ZeroDivisionError, OverflowError):
            return NAN
        if isinstance(v, mpmath.mpc):
            return NAN
        return float(v) if mpmath.isfinite(v) else (NAN if mpmath.isnan(v) else (INF if v > 0 else -INF))

    return elementwise


def _log(f):
    return lambda x: (-mpmath.inf if x == 0 else (mpmath.nan if x < 0 else f(x)))


def _gelu(x):
    return x * (1 + mpmath.erf(x / mpmath.sqrt(2))) / 2


def _gelu_tanh(x):
    return x * (1 + mpmath.tanh(mpmath.sqrt(2 / mpmath.pi) * (x + mpmath.mpf("0.044715") * x**3))) / 2


# name -> (torch function, exact function of one mpf)
UNARY = {
    "exp": (torch.exp, mpmath.exp),
    "exp2": (torch.exp2, lambda x: mpmath.power(2, x)),
    "expm1": (torch.expm1, mpmath.expm1),
    "log": (torch.log, _log(mpmath.log)),
    "log2": (torch.log2, _log(lambda x: mpmath.log(x, 2))),
    "log10": (torch.log10, _log(mpmath.log10)),
    "log1p": (torch.log1p, lambda x: -mpmath.inf if x == -1 else (mpmath.nan if x < -1 else mpmath.log1p(x))),
    "sqrt": (torch.sqrt, lambda x: mpmath.nan if x < 0 else mpmath.sqrt(x)),
    "rsqrt": (torch.rsqrt, lambda x: mpmath.inf if x == 0 else (mpmath.nan if x < 0 else 1 / mpmath.sqrt(x))),
    "reciprocal": (torch.reciprocal, lambda x: mpmath.inf if x == 0 else 1 / x),
    "sin": (torch.sin, mpmath.sin),
    "cos": (torch.cos, mpmath.cos),
    "tan": (torch.tan, mpmath.tan),
    "tanh": (torch.tanh, mpmath.tanh),
    "asin": (torch.asin, lambda x: mpmath.nan if abs(x) > 1 else mpmath.asin(x)),
    "acos": (torch.acos, lambda x: mpmath.nan if abs(x) > 1 else mpmath.acos(x)),
    "atan": (torch.atan, mpmath.atan),
    "sinh": (torch.sinh, mpmath.sinh),
    "cosh": (torch.cosh, mpmath.cosh),
    "erf": (torch.erf, mpmath.erf),
    "sigmoid": (torch.sigmoid, lambda x: 1 / (1 + mpmath.exp(-x))),
    "gelu": (F.gelu, _gelu),
    "gelu_tanh": (lambda x: F.gelu(x, approximate="tanh"), _gelu_tanh),
    "silu": (F.silu, lambda x: x / (1 + mpmath.exp(-x))),
    "abs": (torch.abs, abs),
    "neg": (torch.neg, lambda x: -x),
    "floor": (torch.floor, mpmath.floor),
    "ceil": (torch.ceil, mpmath.ceil),
    "trunc": (torch.trunc, lambda x: mpmath.floor(x) if x >= 0 else mpmath.ceil(x)),
    "relu": (torch.relu, lambda x: max(x, 0)),
}
# Float64 sin/cos/tan of 1e30 in libm and in mpmath agree; f32 polynomials
# with range reduction agree too. The exact value of a huge argument is
# ill-conditioned for f16/bf16 (an ulp of the input spans many periods), so
# there the comparison is with eager only.
ILL_CONDITIONED = {"sin", "cos", "tan"}

TOL = {F64: 1e-12, F32: 2e-6, F16: 2e-3, BF16: 1.6e-2}
# x * (1 + erf or tanh) cancels for negative x: any implementation's result is
# off by about |x| * eps in absolute terms there (eager's too).
CANCELLING = {"gelu", "gelu_tanh", "silu"}


def _close(a, b, dtype, atol=0.0):
    """Elementwise: equal (NaN to NaN, inf to inf), or within a relative
    tolerance of the dtype (plus `atol`); values below the dtype's smallest
    normal compare absolutely (a flushed subnormal is off by at most that)."""
    a, b = a.double(), b.double()
    tol = TOL[dtype]
    tiny = torch.finfo(dtype).smallest_normal
    same = (a == b) | (a.isnan() & b.isnan())
    near = (a - b).abs() <= tol * torch.maximum(a.abs(), b.abs()) + tiny * tol + atol
    return same | (near & a.isfinite() & b.isfinite())


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: str(d).replace("torch.", ""))
@pytest.mark.parametrize("name", sorted(UNARY))
def test_special_values_match_eager_or_the_exact_value(name, dtype):
    fn, exact = UNARY[name]
    x = special_values(dtype)
    # Repeated past a vector length so the vectorised loop and its tail both run.
    x = x.repeat(5)
    got = thunder.jit(fn, executors=["thunder_cpu"])(x)
    want = fn(x)
    assert got.dtype == want.dtype and got.shape == want.shape
    atol = 8 * torch.finfo(dtype).eps * x.double().abs().nan_to_num(posinf=0.0) if name in CANCELLING else 0.0
    agree = _close(got, want, dtype, atol)
    if agree.all():
        return
    reference = torch.tensor([_exact(exact)(v) for v in x.double().tolist()], dtype=F64).to(dtype)
    if name in ILL_CONDITIONED and dtype in (F16, BF16):
        reference = want
    ok = agree | _close(got, reference, dtype, atol)
    bad = (~ok).nonzero().flatten().tolist()[:6]
    assert ok.all(), [(x[i].item(), got[i].item(), want[i].item(), reference[i].item()) for i in bad]


def test_gelu_and_erf_saturate():
    x = torch.tensor([-1e4, -1e10, -10.0, -5.0, 3.92, 4.0, 1e4], dtype=F32).repeat(8)
    gelu = thunder.jit(F.gelu, executors=["thunder_cpu"])(x)
    torch.testing.assert_close(gelu, F.gelu(x), rtol=1e-6, atol=1e-6)
    assert gelu[0].item() == 0.0 and math.copysign(1, gelu[0].item()) == -1  # -0.0, as eager
    erf = thunder.jit(torch.erf, executors=["thunder_cpu"])(x)
    assert erf[0].item() == -1.0 and erf[4].item() == 1.0 and erf[6].item() == 1.0


def test_log_of_subnormals():
    x = torch.tensor([1e-45, 1e-40, 5e-39, 1e-38], dtype=F32).repeat(16)
    for fn in (torch.log, torch.log2):
        got = thunder.jit(fn, executors=["thunder_cpu"])(x)
        torch.testing.assert_close(got, fn(x), rtol=1e-6, atol=0)
    assert thunder.jit(torch.log, executors=["thunder_cpu"])(x)[0].item() == pytest.approx(-103.2789, abs=1e-3)


BINARY = {
    "add": torch.add, "mul": torch.mul, "div": torch.div, "sub": torch.sub, "pow": torch.pow,
    "maximum": torch.maximum, "minimum": torch.minimum, "atan2": torch.atan2,
    "remainder": torch.remainder, "floor_divide": torch.floor_divide,
}
# Python's float `%` and `//` are exact (fmod-based): where eager's
# a - b * floor(a / b) overflows to NaN (a huge, b tiny), thunder may give the
# exact remainder instead.
EXACT_BINARY = {"remainder": lambda a, b: a % b, "floor_divide": lambda a, b: a // b}


@pytest.mark.parametrize("dtype", (F64, F32), ids=lambda d: str(d).replace("torch.", ""))
@pytest.mark.parametrize("name", sorted(BINARY))
def test_special_value_pairs_match_eager(name, dtype):
    fn = BINARY[name]
    v = special_values(dtype)
    a, b = v.view(-1, 1).expand(-1, len(v)).contiguous(), v.view(1, -1).expand(len(v), -1).contiguous()
    got = thunder.jit(fn, executors=["thunder_cpu"])(a, b)
    want = fn(a, b)
    ok = _close(got, want, dtype)
    if not ok.all() and name in EXACT_BINARY:
        exact = EXACT_BINARY[name]

        def python(x, y):
            try:
                return exact(x, y)
            except ZeroDivisionError:
                return NAN

        reference = torch.tensor([[python(x, y) for x, y in zip(r, q)] for r, q in zip(a.double().tolist(),
                                  b.double().tolist())], dtype=F64).to(dtype)
        ok |= _close(got, reference, dtype)
    bad = (~ok).nonzero().tolist()[:6]
    assert ok.all(), [(a[i, j].item(), b[i, j].item(), got[i, j].item(), want[i, j].item()) for i, j in bad]


# --- outputs that alias inputs ---------------------------------------------


def test_outputs_that_alias_inputs_are_the_input_and_its_views():
    def f(x):
        return x, x.view(6), x.t(), x[1], x * 2

    jf = thunder.jit(f)
    for _ in range(2):  # the compiling call and the cached one
        x = torch.arange(6.0).reshape(2, 3)
        same, flat, t, row, doubled = jf(x)
        assert same is x
        for view, eager in zip((flat, t, row), (x.view(6), x.t(), x[1])):
            assert view.data_ptr() == eager.data_ptr() and view.stride() == eager.stride()
            assert view.shape == eager.shape and view._base is eager._base
        x.add_(1)  # an in-place write shows through every view, as in eager
        torch.testing.assert_close(flat, x.view(6))
        torch.testing.assert_close(t, x.t())
        torch.testing.assert_close(doubled, torch.arange(6.0).reshape(2, 3) * 2)
    assert thunder.cache_hits(jf) == 1


def test_views_of_strided_inputs_keep_their_offsets():
    base = torch.arange(20.0).reshape(4, 5)
    x = base[1:, 2:]
    out = thunder.jit(lambda t: (t[1:], t.t(), t + 0))(x)
    assert out[0].data_ptr() == x[1:].data_ptr() and out[0].stride() == x[1:].stride()
    torch.testing.assert_close(out[1], x.t())
    base.zero_()
    assert out[0].abs().sum() == 0 and out[2].abs().sum() > 0


def test_module_returning_its_parameter():
    class M(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.w = torch.nn.Parameter(torch.ones(3), requires_grad=False)

        def forward(self, x):
            return self.w, x + self.w

    m = M()
    w, y = thunder.jit(m)(torch.ones(3))
    assert w is m.w
    torch.testing.assert_close(y, torch.full((3,), 2.0))


def test_returned_size_is_a_torch_size():
    x = torch.ones(2, 3)
    out = thunder.jit(lambda t: (t.shape, t.sum()))(x)
    assert type(out[0]) is torch.Size and out[0] == x.shape
    assert type(thunder.jit(lambda t: t.shape)(x)) is torch.Size


# --- what cannot be compiled is refused in plain words ----------------------


class AddIsSub(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func in (torch.add, torch.Tensor.add, torch.Tensor.__add__):
            func = torch.sub
        return super().__torch_function__(func, types, args, kwargs or {})


def test_tensor_subclasses_are_refused():
    x = torch.ones(3).as_subclass(AddIsSub)
    with pytest.raises(thunder.UnsupportedOperation, match="tensor subclasses"):
        thunder.jit(lambda a: a + a)(x)
    # Parameters are tensors as far as thunder is concerned.
    p = torch.nn.Parameter(torch.ones(3), requires_grad=False)
    torch.testing.assert_close(thunder.jit(lambda a: a + a)(p), torch.full((3,), 2.0))


@pytest.mark.filterwarnings("ignore:Sparse CSR tensor support is in beta")
@pytest.mark.parametrize("make", [lambda: torch.eye(3).to_sparse(), lambda: torch.eye(3).to_sparse_csr()],
                         ids=["coo", "csr"])
def test_sparse_tensors_are_refused(make):
    with pytest.raises(thunder.UnsupportedOperation, match=r"sparse.*to_dense"):
        thunder.jit(lambda a: a * 2)(make())


# --- re-entrant and nested calls --------------------------------------------


def test_a_function_calling_itself_through_its_wrapper():
    def power(x, n):
        return x if n == 0 else jpower(x * 2, n - 1)

    jpower = thunder.jit(power)
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("y", jpower(torch.ones(2), 3)), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "the re-entrant call hung"
    torch.testing.assert_close(result["y"], torch.full((2,), 8.0))


def test_nested_jitted_functions_and_modules_inline():
    inner = thunder.jit(lambda a: a * 3)
    outer = thunder.jit(lambda a: inner(a) + 1)
    torch.testing.assert_close(outer(torch.ones(2)), torch.full((2,), 4.0))

    class Outer(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.inner = thunder.jit(torch.nn.Linear(3, 3))

        def forward(self, x):
            return self.inner(x).relu()

    m = Outer()
    x = torch.randn(2, 3)
    with torch.no_grad():
        torch.testing.assert_close(thunder.jit(m)(x), m(x))


# --- the user's exceptions keep their type -----------------------------------


@pytest.mark.parametrize("exc", [ValueError, KeyError, IndexError, OverflowError, TypeError, ZeroDivisionError])
def test_user_exceptions_keep_their_type(exc):
    def f(a):
        raise exc("from the user")

    with pytest.raises(exc, match="from the user") as info:
        thunder.jit(f)(torch.ones(2))
    assert any("thunder.jit captured" in note for note in getattr(info.value, "__notes__", []))


def test_torch_errors_keep_their_type():
    with pytest.raises(IndexError, match="out of bounds"):
        thunder.jit(lambda a: a[5])(torch.ones(2))
    with pytest.raises(KeyError):
        thunder.jit(lambda a, d: a * d["missing"])(torch.ones(2), {})

    def forever(a):
        return forever(a)

    with pytest.raises(RecursionError):
        thunder.jit(forever)(torch.ones(2))


# --- a differential fuzzer ---------------------------------------------------


def _random_program(rng):
    steps = [rng.randrange(8) for _ in range(rng.randrange(1, 5))]
    dim = rng.randrange(2)

    def program(a, b, c):
        x = torch.softmax(a, dim)
        for s in steps:
            if s == 0:
                x = torch.maximum(x, b)
            elif s == 1:
                x = torch.where(x > 0.3, x, c)
            elif s == 2:
                x = torch.where(b > 0, x, c)
            elif s == 3:
                x = torch.minimum(c, x) * b
            elif s == 4:
                x = torch.softmax(x, dim)
            elif s == 5:
                x = torch.where(x < c, b, x) - 1.5
            elif s == 6:
                x = torch.log_softmax(x.float(), -1).to(a.dtype) + x
            else:
                x = (x * 2).sum(dim, keepdim=True) + x
        return x

    return program, steps, dim


def test_random_programs_match_eager():
    rng = random.Random(0)
    dtypes = [BF16, F16, F32, F64]
    for trial in range(60):
        shape = rng.choice([[3, 3], [3, 4], [4, 3], [3, 1], [1, 3], [5, 3]])
        a = (torch.randn(shape) * rng.choice([1, 3, 50])).to(rng.choice(dtypes))
        b = torch.randn(rng.choice([shape, [], shape[-1:]])).to(rng.choice(dtypes))
        c = torch.randn(rng.choice([shape, [], shape[-1:]])).to(rng.choice(dtypes))
        for t in (a, b, c):
            t.view(-1)[0] = rng.choice([0.0, -0.0, INF, -INF, NAN, 1e4])
        program, steps, dim = _random_program(rng)
        want = program(a, b, c)
        got = thunder.jit(program)(a, b, c)
        assert got.dtype == want.dtype and got.shape == want.shape, (trial, steps)
        tol = 3e-2 if BF16 in (a.dtype, want.dtype) or F16 in (a.dtype, want.dtype) else 1e-5
        where = f"trial {trial}, steps {steps}, dim {dim}, dtypes {a.dtype} {b.dtype} {c.dtype}"
        torch.testing.assert_close(got, want, rtol=tol, atol=tol, equal_nan=True,
                                   msg=lambda m, where=where: f"{where}: {m}")
