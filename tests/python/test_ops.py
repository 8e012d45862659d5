"""Op-by-op consistency of `thunder.jit` with eager PyTorch, in the spirit of
PyTorch's OpInfos.

`OPS` is a table of entries: a name, the torch callable, a sample generator
(dtype -> samples), the dtypes to try and tolerances. Each (op, dtype, sample)
is one test: eager runs first; where eager raises, thunder must raise too
(when it computes a result instead and eager's error only says that it has no
CPU kernel for the dtype, the test is skipped with eager's reason); otherwise
the result of `thunder.jit(fn, executors=["thunder_cpu"])` (thunder's own code,
no torch fallback) must have eager's dtype and shape exactly and close values.

Every dtype runs the samples whose outcome depends on the dtype (plain and
broadcast operands, Python int and float scalars, special values: signed
zeros, inf, nan, integer extremes); the layout samples (0-d, empty, transposed
and strided views, more broadcasting, promotion with other dtypes), which go
through the same code whatever the dtype, run on `LAYOUT_DTYPES` only, to keep
the suite fast. Known differences from eager are strict xfails with reasons.
"""

import math
import operator
from dataclasses import dataclass, field
from typing import Callable, Optional

import pytest
import thunder
import torch
import torch.nn.functional as F

F64, F32, F16, BF16 = torch.float64, torch.float32, torch.float16, torch.bfloat16
I64, I32, I16, I8, U8, BOOL = torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8, torch.bool
FLOATS = (F64, F32, F16, BF16)
INTS = (I64, I32, I16, I8, U8)
ALL = (*FLOATS, *INTS, BOOL)
LAYOUT_DTYPES = (F32, I64)
SHORT = {F64: "f64", F32: "f32", F16: "f16", BF16: "bf16", I64: "i64", I32: "i32", I16: "i16", I8: "i8", U8: "u8",
         BOOL: "bool"}
INF, NAN = math.inf, math.nan

# --- inputs ---------------------------------------------------------------


def make(shape, dtype, low=-9, high=9, *, layout="contiguous", nonzero=False):
    """A deterministic tensor (the test seeds torch's RNG) with values in
    [low, high]; `layout` "transposed" gives a transposed view and "strided"
    a view of every second element of the last dimension."""
    shape = list(shape)
    if layout == "transposed":
        return make(shape[::-1], dtype, low, high, nonzero=nonzero).permute(*reversed(range(len(shape))))
    if layout == "strided":
        base = make([*shape[:-1], 2 * shape[-1]], dtype, low, high, nonzero=nonzero)
        return base[..., ::2]
    if dtype == BOOL:
        return torch.ones(shape, dtype=BOOL) if nonzero else torch.rand(shape) > 0.5
    if dtype.is_floating_point:
        x = (torch.rand(shape, dtype=F64) * (high - low) + low).to(dtype)
        if nonzero:
            x = torch.where(x == 0, torch.ones((), dtype=dtype), x)
        return x
    info = torch.iinfo(dtype)
    lo, hi = max(math.ceil(low), info.min), min(math.floor(high), info.max)
    x = torch.randint(lo, hi + 1, shape, dtype=I64).to(dtype)
    if nonzero:
        x = torch.where(x == 0, torch.ones((), dtype=dtype), x)
    return x


def special(dtype):
    """Values where ops are most likely to disagree: signed zeros, infinities
    and NaN for floats, the extremes for integers."""
    if dtype == BOOL:
        return torch.tensor([True, False, True, False])
    if dtype.is_floating_point:
        return torch.tensor([-2.5, -1.0, -0.5, -0.0, 0.0, 0.5, 1.0, 2.5, INF, -INF, NAN], dtype=dtype)
    info = torch.iinfo(dtype)
    values = sorted({info.min, info.min + 1, -7, -1, 0, 1, 7, info.max - 1, info.max})
    return torch.tensor([v for v in values if info.min <= v <= info.max], dtype=dtype)


@dataclass(frozen=True)
class Sample:
    label: str
    build: Callable[[], tuple]  # -> (args, kwargs)
    fn: Optional[Callable] = None  # overrides the op's callable (a Python scalar on the left, say)
    xfail: Optional[str] = None


def S(label, *args, fn=None, xfail=None, **kwargs):
    """A sample whose arguments are built lazily (after the test seeds the RNG)
    by calling each argument that is a zero-argument lambda."""

    def build():
        return tuple(a() if callable(a) and getattr(a, "__name__", "") == "<lambda>" else a for a in args), {
            k: (v() if callable(v) and getattr(v, "__name__", "") == "<lambda>" else v) for k, v in kwargs.items()
        }

    return Sample(label, build, fn, xfail)


@dataclass
class Op:
    name: str
    fn: Callable
    samples: Callable  # dtype -> list[Sample]
    dtypes: tuple = ALL
    # dtype -> assert_close keyword arguments; absent means its defaults.
    tol: dict = field(default_factory=dict)
    # (dtypes or None, labels or None, reason): known differences from eager.
    xfails: tuple = ()
    # The executor lists to compile with. Only thunder's own code generator by
    # default: with the torch fallback in the list, an op thunder had no rule
    # for would run eagerly and the comparison would prove nothing.
    executors: tuple = (("thunder_cpu",),)


# f16/bf16 compound ops (softmax, norms, gelu, mean, var, matmul) compute in
# f32 and round once, as PyTorch's CPU kernels do, but the f32 evaluation
# order differs (tree vs. sequential sums, fused vs. separate exp), so a
# result may land one f16/bf16 ulp away from eager's: allow two ulps.
HALF_COMPOUND_TOL = {F16: {"rtol": 2e-3, "atol": 2e-3}, BF16: {"rtol": 1.6e-2, "atol": 1.6e-2}}
# f16/bf16 transcendental functions: eager evaluates them in f32 with its own
# vectorised (SLEEF) approximations; a result one ulp off rounds to a
# neighbouring half value.
HALF_TRANSCENDENTAL_TOL = {F16: {"rtol": 2e-3, "atol": 1e-3}, BF16: {"rtol": 1.6e-2, "atol": 1e-2}}


# --- sample generators ----------------------------------------------------


def unary_samples(low=-9, high=9):
    """In-domain values in [low, high]; the special sample adds the values out
    of domain (negative logs, NaN, infinities), where eager gives nan or inf."""

    def gen(dtype):
        lo = low  # integer dtypes round it up (make)
        out = [
            S("3x4", lambda: make([3, 4], dtype, lo, high)),
            S("special", lambda: special(dtype)),
        ]
        if dtype in LAYOUT_DTYPES:
            out += [
                S("0d", lambda: make([], dtype, lo, high)),
                S("empty", lambda: make([0], dtype)),
                S("2x0", lambda: make([2, 0], dtype)),
                S("transposed", lambda: make([3, 4], dtype, lo, high, layout="transposed")),
                S("strided", lambda: make([3, 4], dtype, lo, high, layout="strided")),
            ]
        return out

    return gen


def binary_samples(scalars=True, nonzero_rhs=False, rhs_low=-9, rhs_high=9, op=None):
    """Tensor-tensor samples (same shape, broadcasting both ways), Python
    scalars of either kind on either side (when the op takes them), and the
    layout samples. `nonzero_rhs` keeps integer divisors away from zero, where
    eager raises (see the xfail samples for that case)."""

    def gen(dtype):
        def rhs(shape, d=dtype, **kw):
            nz = nonzero_rhs and not d.is_floating_point
            return make(shape, d, rhs_low, rhs_high, nonzero=nz, **kw)

        out = [S("3x4_4", lambda: make([3, 4], dtype), lambda: rhs([4]))]
        if dtype.is_floating_point:
            values = special(dtype)
            out.append(S("special", lambda: values.view(-1, 1), lambda: values.view(1, -1)))
        if scalars:
            out += [
                S("int_scalar", lambda: make([3, 4], dtype), 3),
                S("float_scalar", lambda: make([3, 4], dtype), 2.5),
            ]
        # Promotions with no common member: uint8 with int8 gives int16, bool
        # with uint8 gives uint8, bfloat16 with float16 gives float32.
        partner = {U8: I8, BOOL: U8, BF16: F16}.get(dtype)
        if partner is not None:
            out.append(S(f"with_{SHORT[partner]}", lambda: make([3, 4], dtype), lambda: rhs([4], partner)))
        if dtype in LAYOUT_DTYPES:
            out += [
                S("3x4_3x4", lambda: make([3, 4], dtype), lambda: rhs([3, 4])),
                S("3x1_1x4", lambda: make([3, 1], dtype), lambda: rhs([1, 4])),
                S("0d_0d", lambda: make([], dtype), lambda: rhs([])),
                S("3x4_0d", lambda: make([3, 4], dtype), lambda: rhs([])),
                S("0d_3x4", lambda: make([], dtype), lambda: rhs([3, 4])),
                S("empty", lambda: make([0], dtype), lambda: rhs([0])),
                S("2x0_1", lambda: make([2, 0], dtype), lambda: rhs([1])),
                S("transposed", lambda: make([3, 4], dtype, layout="transposed"), lambda: rhs([3, 4])),
                S("strided", lambda: make([3, 4], dtype), lambda: rhs([3, 4], layout="strided")),
                # Promotion between tensor dtypes (the other operand's category differs).
                S("with_i32", lambda: make([3, 4], dtype), lambda: rhs([3, 4], I32)),
                S("with_f64_0d", lambda: make([3, 4], dtype), lambda: rhs([], F64)),
                S("with_f16", lambda: make([3, 4], dtype), lambda: rhs([4], F16)),
            ]
            if scalars and op is not None:
                out += [
                    S("bool_scalar", lambda: make([3, 4], dtype), True),
                    S("int_scalar_lhs", 2, lambda: rhs([3, 4]), fn=lambda a, b: op(a, b)),
                    S("float_scalar_lhs", -1.5, lambda: rhs([3, 4]), fn=lambda a, b: op(a, b)),
                ]
        return out

    return gen


def reduction_samples(with_dtype=False):
    def gen(dtype):
        out = [
            S("all", lambda: make([3, 4], dtype)),
            S("dim0", lambda: make([3, 4], dtype), 0),
            S("dim-1_keepdim", lambda: make([2, 3, 4], dtype), -1, keepdim=True),
            S("dims02", lambda: make([2, 3, 4], dtype), (0, 2)),
        ]
        if dtype.is_floating_point:
            out.append(S("special", lambda: special(dtype).view(1, -1).expand(2, -1).contiguous(), 1))
        if with_dtype:
            out.append(S("dtype_f64", lambda: make([3, 4], dtype), 1, dtype=F64))
        if dtype in LAYOUT_DTYPES:
            out += [
                S("0d", lambda: make([], dtype)),
                S("empty_all", lambda: make([0], dtype)),
                S("2x0_dim1", lambda: make([2, 0], dtype), 1),
                S("2x0_dim0", lambda: make([2, 0], dtype), 0),
                S("transposed_dim1", lambda: make([3, 4], dtype, layout="transposed"), 1),
                S("strided_dim1", lambda: make([3, 4], dtype, layout="strided"), 1),
            ]
        return out

    return gen


def var_samples(dtype):
    out = [
        S("all", lambda: make([3, 4], dtype)),
        S("dim1", lambda: make([3, 4], dtype), 1),
        S("dim0_correction0", lambda: make([3, 4], dtype), 0, correction=0),
        S("dims_keepdim", lambda: make([2, 3, 4], dtype), (0, 2), keepdim=True),
        S("unbiased_false", lambda: make([3, 4], dtype), unbiased=False),
        S("special", lambda: special(dtype).view(1, -1) if dtype.is_floating_point else make([2], dtype), -1),
    ]
    if dtype in LAYOUT_DTYPES:
        out += [
            S("single", lambda: make([1, 4], dtype), 0),  # correction 1 over one element: nan
            S("transposed", lambda: make([3, 4], dtype, layout="transposed"), 1),
            S("2x0_dim1", lambda: make([2, 0], dtype), 1),
        ]
    return out


def softmax_samples(dtype):
    out = [
        S("dim-1", lambda: make([3, 5], dtype), -1),
        S("dim0", lambda: make([3, 5], dtype), 0),
        S("3d_dim1", lambda: make([2, 3, 4], dtype), 1),
        S("dtype_f64", lambda: make([3, 5], dtype), -1, dtype=F64),
        S("dtype_f32", lambda: make([3, 5], dtype), -1, dtype=F32),
        S("large", lambda: make([2, 4], dtype, 80, 90), -1),  # needs the max subtraction
    ]
    if dtype.is_floating_point:
        out.append(S("special", lambda: special(dtype).view(1, -1), -1))
    if dtype in LAYOUT_DTYPES:
        out += [
            S("0d", lambda: make([], dtype), 0),
            S("2x0", lambda: make([2, 0], dtype), 1),
            S("transposed", lambda: make([3, 4], dtype, layout="transposed"), 1),
        ]
    return out


def layer_norm_samples(dtype):
    def w(shape):
        return make(shape, dtype, -2, 2)

    out = [
        S("plain", lambda: make([3, 8], dtype), [8]),
        S("weight_bias", lambda: make([2, 3, 4], dtype), [4], lambda: w([4]), lambda: w([4])),
        S("weight_only", lambda: make([3, 4], dtype), [4], lambda: w([4])),
        S("two_dims_eps", lambda: make([2, 3, 4], dtype), [3, 4], lambda: w([3, 4]), lambda: w([3, 4]), eps=1e-2),
        S("constant_rows", lambda: torch.full((2, 4), 3.0, dtype=dtype), [4]),
    ]
    if dtype in LAYOUT_DTYPES:
        out += [
            S("transposed", lambda: make([3, 4], dtype, layout="transposed"), [4]),
            S("2x0", lambda: make([0, 4], dtype), [4]),
        ]
    return out


def rms_norm_samples(dtype):
    out = [
        S("plain", lambda: make([3, 8], dtype), [8]),
        S("weight", lambda: make([2, 3, 4], dtype), [4], lambda: make([4], dtype, -2, 2)),
        S("two_dims_eps", lambda: make([2, 3, 4], dtype), [3, 4], lambda: make([3, 4], dtype), eps=1e-3),
        S("zeros", lambda: torch.zeros(2, 4, dtype=dtype), [4]),  # only eps keeps rsqrt finite
    ]
    if dtype in LAYOUT_DTYPES:
        out.append(S("transposed", lambda: make([3, 4], dtype, layout="transposed"), [4]))
    return out


def matmul_samples(dtype):
    out = [
        S("2d_2d", lambda: make([3, 4], dtype, -3, 3), lambda: make([4, 5], dtype, -3, 3)),
        S("1d_1d", lambda: make([4], dtype, -3, 3), lambda: make([4], dtype, -3, 3)),
        S("1d_2d", lambda: make([4], dtype, -3, 3), lambda: make([4, 2], dtype, -3, 3)),
        S("2d_1d", lambda: make([3, 4], dtype, -3, 3), lambda: make([4], dtype, -3, 3)),
        S("3d_2d", lambda: make([2, 3, 4], dtype, -3, 3), lambda: make([4, 2], dtype, -3, 3)),
        S("bcast_batch", lambda: make([2, 1, 3, 4], dtype, -3, 3), lambda: make([3, 4, 2], dtype, -3, 3)),
    ]
    if dtype in LAYOUT_DTYPES:
        out += [
            S("k0", lambda: make([3, 0], dtype), lambda: make([0, 2], dtype)),
            S("m0", lambda: make([0, 4], dtype), lambda: make([4, 2], dtype)),
            S("transposed", lambda: make([3, 4], dtype, -3, 3, layout="transposed"),
              lambda: make([4, 5], dtype, -3, 3, layout="transposed")),
        ]
    return out


def mm_samples(dtype):
    out = [S("3x4_4x5", lambda: make([3, 4], dtype, -3, 3), lambda: make([4, 5], dtype, -3, 3))]
    if dtype in LAYOUT_DTYPES:
        out += [
            S("k0", lambda: make([3, 0], dtype), lambda: make([0, 2], dtype)),
            S("transposed", lambda: make([3, 4], dtype, -3, 3), lambda: make([4, 5], dtype, -3, 3, layout="transposed")),
            S("strided", lambda: make([3, 4], dtype, -3, 3, layout="strided"), lambda: make([4, 2], dtype, -3, 3)),
        ]
    return out


def bmm_samples(dtype):
    out = [S("2x3x4_2x4x5", lambda: make([2, 3, 4], dtype, -3, 3), lambda: make([2, 4, 5], dtype, -3, 3))]
    if dtype in LAYOUT_DTYPES:
        out += [
            S("b0", lambda: make([0, 3, 4], dtype), lambda: make([0, 4, 5], dtype)),
            S("transposed", lambda: make([2, 3, 4], dtype, -3, 3),
              lambda: make([2, 5, 4], dtype, -3, 3).transpose(1, 2)),
        ]
    return out


def linear_samples(bias):
    def gen(dtype):
        def b(shape):
            return make(shape, dtype, -3, 3)

        extra = [lambda: b([5])] if bias else []
        out = [
            S("2d", lambda: make([3, 4], dtype, -3, 3), lambda: b([5, 4]), *extra),
            S("3d", lambda: make([2, 3, 4], dtype, -3, 3), lambda: b([5, 4]), *extra),
            S("1d", lambda: make([4], dtype, -3, 3), lambda: b([5, 4]), *extra),
        ]
        if dtype in LAYOUT_DTYPES:
            out += [
                S("transposed_weight", lambda: make([3, 4], dtype, -3, 3), lambda: b([4, 5]).t(), *extra),
                S("k0", lambda: make([3, 0], dtype), lambda: make([5, 0], dtype), *extra),
            ]
        return out

    return gen


def one_tensor(*shapes_and_labels, layout_extra=()):
    """Samples of a single tensor argument of the given shapes (for shape ops)."""

    def gen(dtype):
        out = [S(label, lambda shape=shape: make(shape, dtype)) for label, shape in shapes_and_labels]
        if dtype in LAYOUT_DTYPES:
            out += [S(label, lambda shape=shape, layout=layout: make(shape, dtype, layout=layout))
                    for label, shape, layout in layout_extra]
        return out

    return gen


def where_samples(dtype):
    def cond(shape):
        return make(shape, BOOL)

    out = [
        S("3x4", lambda: cond([3, 4]), lambda: make([3, 4], dtype), lambda: make([3, 4], dtype)),
        S("bcast", lambda: cond([3, 1]), lambda: make([1, 4], dtype), lambda: make([4], dtype)),
        S("scalar_other", lambda: cond([3, 4]), lambda: make([3, 4], dtype), 0),
        S("float_scalar_other", lambda: cond([3, 4]), lambda: make([3, 4], dtype), -1.5),
        S("scalar_self", lambda: cond([3, 4]), 2, lambda: make([3, 4], dtype)),
    ]
    if dtype == F32:
        out.append(S("both_scalars", lambda: cond([3, 4]), 1.5, 0))
    if dtype in LAYOUT_DTYPES:
        out += [
            S("0d", lambda: cond([]), lambda: make([], dtype), lambda: make([], dtype)),
            S("0d_cond", lambda: cond([]), lambda: make([3, 4], dtype), lambda: make([4], dtype)),
            S("empty", lambda: cond([0]), lambda: make([0], dtype), lambda: make([0], dtype)),
            S("mixed", lambda: cond([3, 4]), lambda: make([3, 4], dtype), lambda: make([3, 4], F64)),
            S("transposed", lambda: cond([3, 4]).t(), lambda: make([4, 3], dtype, layout="transposed"),
              lambda: make([4, 3], dtype)),
        ]
    return out


def clamp_samples(dtype):
    out = [
        S("int_bounds", lambda: make([3, 4], dtype), -2, 3),
        S("float_bounds", lambda: make([3, 4], dtype), -2.5, 3.5),
        S("min_only", lambda: make([3, 4], dtype), min=1),
        S("max_only", lambda: make([3, 4], dtype), max=0.5),
        S("min_gt_max", lambda: make([3, 4], dtype), 3, -3),  # eager gives max everywhere
    ]
    if dtype.is_floating_point:
        out.append(S("special", lambda: special(dtype), -1.0, 1.0))
    if dtype in LAYOUT_DTYPES:
        out += [
            S("0d", lambda: make([], dtype), -2, 3),
            S("empty", lambda: make([0], dtype), -2, 3),
            S("transposed", lambda: make([3, 4], dtype, layout="transposed"), -2, 3),
        ]
    return out


def cat_samples(dtype):
    out = [
        S("dim0", lambda: [make([2, 3], dtype), make([1, 3], dtype)]),
        S("dim1", lambda: [make([2, 3], dtype), make([2, 1], dtype), make([2, 2], dtype)], 1),
        S("dim-1_3d", lambda: [make([2, 2, 1], dtype), make([2, 2, 3], dtype)], -1),
    ]
    if dtype in LAYOUT_DTYPES:
        out += [
            S("mixed_dtypes", lambda: [make([2, 3], dtype), make([2, 3], F64), make([1, 3], I32)]),
            S("skip_1d_empty", lambda: [make([2, 3], dtype), make([0], dtype)]),
            S("empty_part", lambda: [make([0, 3], dtype), make([2, 3], dtype)]),
            S("transposed", lambda: [make([3, 2], dtype, layout="transposed"), make([1, 2], dtype)]),
            S("single", lambda: [make([3], dtype)]),
        ]
    return out


def to_samples(dtype):
    """Converts from every dtype (the test's) to every dtype (the sample's)."""
    out = []
    for target in ALL:
        lo, hi = (-100, 100) if target != U8 else (0, 200)
        # Float -> integer out of the target's range is undefined in C and
        # differs between PyTorch's scalar and vector paths: stay in range.
        if target in INTS and dtype.is_floating_point:
            info = torch.iinfo(target)
            lo, hi = max(lo, info.min), min(hi, info.max)
        elif dtype == U8:
            lo = 0
        out.append(S(f"to_{SHORT[target]}", lambda lo=lo, hi=hi: make([3, 4], dtype, lo, hi), target))
    if dtype.is_floating_point:
        for target in (F64, F32, F16, BF16, BOOL):
            out.append(S(f"special_to_{SHORT[target]}", lambda: special(dtype), target))
        out.append(S("fraction_to_i32", lambda: torch.tensor([-2.75, -0.5, 0.5, 1.5, 2.99], dtype=dtype), I32))
    if dtype in LAYOUT_DTYPES:
        out += [
            S("0d_to_f16", lambda: make([], dtype), F16),
            S("empty_to_i64", lambda: make([0], dtype), I64),
            S("transposed_to_f64", lambda: make([3, 4], dtype, layout="transposed"), F64),
        ]
    return out


def creation_samples(kind):
    def gen(dtype):
        if kind == "full":
            value = True if dtype == BOOL else (1.5 if dtype.is_floating_point else 7)
            out = [S("2x3", (2, 3), value, dtype=dtype), S("0d", (), value, dtype=dtype),
                   S("empty", (0, 2), value, dtype=dtype)]
            if dtype == F32:
                out += [S("infer_float", (2,), 2.5), S("infer_int", (2,), 3), S("infer_bool", (2,), False),
                        S("nan", (2,), NAN), S("neg_inf", (2,), -INF)]
            return out
        if kind in ("zeros", "ones"):
            out = [S("2x3", 2, 3, dtype=dtype), S("empty", 0, dtype=dtype)]
            if dtype == F32:
                out.append(S("default_dtype", [3]))
            return out
        if kind == "arange":
            out = [S("end", 5, dtype=dtype), S("start_end_step", 1, 7, 2, dtype=dtype)]
            if dtype == F32:
                out += [S("default_int", 6), S("default_float", 0.0, 1.0, 0.25), S("negative_step", 5, -3, -2),
                        S("empty", 3, 3), S("float_nonmultiple", 0, 1, 0.3)]
            return out
        raise AssertionError(kind)

    return gen


def like_samples(value=None):
    def gen(dtype):
        extra = () if value is None else (value,)
        out = [S("3x4", lambda: make([3, 4], dtype), *extra)]
        if dtype in LAYOUT_DTYPES:
            out += [S("0d", lambda: make([], dtype), *extra), S("to_f64", lambda: make([2], dtype), *extra, dtype=F64)]
        return out

    return gen


def pow_scalar_exponent_samples(dtype):
    out = [
        S("sq", lambda: make([3, 4], dtype), 2),
        S("cube", lambda: make([3, 4], dtype, -4, 4), 3),
        S("zero", lambda: make([3, 4], dtype), 0),
        S("half", lambda: make([3, 4], dtype, 0, 9), 0.5),
        S("neg_int", lambda: make([3, 4], dtype, nonzero=True), -1),
        S("neg_float", lambda: make([3, 4], dtype, 0.5, 9), -1.5),
    ]
    if dtype.is_floating_point:
        out += [S("special_sq", lambda: special(dtype), 2), S("special_half", lambda: special(dtype), 0.5)]
    if dtype in LAYOUT_DTYPES:
        out += [
            S("0d", lambda: make([], dtype), 2),
            S("empty", lambda: make([0], dtype), 2),
            S("strided", lambda: make([3, 4], dtype, layout="strided"), 2),
        ]
    return out


def pow_scalar_base_samples(dtype):
    out = [
        S("int_base", 2, lambda: make([3, 4], dtype, 0, 6)),
        S("float_base", 1.5, lambda: make([3, 4], dtype, -4, 4)),
    ]
    if dtype in LAYOUT_DTYPES:
        out.append(S("0d", 3, lambda: make([], dtype, 0, 4)))
    return out


def pow_tensor_samples(dtype):
    out = [
        S("3x4_3x4", lambda: make([3, 4], dtype, -4, 4), lambda: make([3, 4], dtype, 0, 3)),
        S("3x4_4", lambda: make([3, 4], dtype, -4, 4), lambda: make([4], dtype, 0, 3)),
        S("3x1_1x4", lambda: make([3, 1], dtype, -4, 4), lambda: make([1, 4], dtype, 0, 3)),
        S("neg_exponents", lambda: make([3, 4], dtype, -3, 3), lambda: make([3, 4], dtype, -3, 3)),
    ]
    if dtype.is_floating_point:
        v = special(dtype)
        out.append(S("special", lambda: v.view(-1, 1), lambda: v.view(1, -1)))
    if dtype in LAYOUT_DTYPES:
        out += [
            S("0d_exponent", lambda: make([3, 4], dtype, -4, 4), lambda: make([], dtype, 0, 3)),
            S("empty", lambda: make([0], dtype), lambda: make([0], dtype)),
            S("with_f64_0d", lambda: make([3, 4], dtype, 0, 4), lambda: make([], F64, 0, 3)),
        ]
    return out


def integer_division_by_zero(op):
    """Integer division by zero: eager raises ZeroDivisionError; thunder's
    kernels cannot raise and yield a documented value instead."""
    reason = ("documented difference (README, numerical notes): integer division by zero yields the dividend "
              "(or 0 for the remainder) instead of raising ZeroDivisionError as eager does")

    def gen(dtype):
        if dtype not in (I64, I32):
            return []
        return [S("by_zero", lambda: make([4], dtype, 1, 9), lambda: torch.zeros(4, dtype=dtype), fn=op, xfail=reason)]

    return gen


def first(gen, n):
    """The first `n` samples of `gen`: for an alias of an op already covered
    in full (F.relu for torch.relu), which only checks that the alias is
    captured the same way."""
    return lambda dtype: gen(dtype)[:n]


def floats_in_full(gen):
    """All samples for floating dtypes; for the others (which eager rejects:
    mean and var of integers) the first, to check that thunder rejects them."""
    return lambda dtype: gen(dtype) if dtype.is_floating_point else gen(dtype)[:1]


def concat(*gens):
    return lambda dtype: [s for g in gens for s in g(dtype)]


def _prod(x, dim=None, keepdim=False, **kwargs):
    """torch.prod over one dim, all dims, or (here) a tuple of dims in turn."""
    if dim is None:
        return torch.prod(x, **kwargs)
    if isinstance(dim, int):
        return torch.prod(x, dim, keepdim, **kwargs)
    for d in sorted((d % x.dim() for d in dim), reverse=True):
        x = torch.prod(x, d, keepdim, **kwargs)
    return x


# --- the table ------------------------------------------------------------

# Known differences from eager, each with its reason.
GELU_INF = (((F32, BF16), {"special"},
             "eager's vectorised f32 gelu returns nan for +inf (its erf approximation multiplies inf by 0; the f64 "
             "and f16 kernels give inf); thunder gives inf, the limit of x * Phi(x)"),)
EMPTY_SOFTMAX = (((*INTS, BOOL), {"2x0"},
                  "eager returns an empty tensor of the integer input dtype without checking it (its kernel is "
                  "skipped for empty inputs) but raises for non-empty ones; thunder's softmax requires a floating "
                  "input whatever the shape"),)

# Matrix products run in generated code, and in the runtime's GEMM when the
# "blas" executor comes first (the default).
WITH_BLAS = (("thunder_cpu",), ("blas", "thunder_cpu"))
BLAS_DTYPES = (F64, F32)

OPS = []

BINARY_OPS = [
    # name, callable, the operator form (for a scalar on the left) or None, nonzero integer divisor
    ("add", torch.add, operator.add, False),
    ("sub", torch.sub, operator.sub, False),
    ("mul", torch.mul, operator.mul, False),
    ("div", torch.div, operator.truediv, False),
    ("maximum", torch.maximum, None, False),
    ("minimum", torch.minimum, None, False),
    ("atan2", torch.atan2, None, False),
    ("bitwise_and", torch.bitwise_and, operator.and_, False),
    ("bitwise_or", torch.bitwise_or, operator.or_, False),
    ("bitwise_xor", torch.bitwise_xor, operator.xor, False),
    ("logical_and", torch.logical_and, None, False),
    ("logical_or", torch.logical_or, None, False),
    ("logical_xor", torch.logical_xor, None, False),
    ("eq", torch.eq, operator.eq, False),
    ("ne", torch.ne, operator.ne, False),
    ("lt", torch.lt, operator.lt, False),
    ("le", torch.le, operator.le, False),
    ("gt", torch.gt, operator.gt, False),
    ("ge", torch.ge, operator.ge, False),
    ("floor_divide", torch.floor_divide, operator.floordiv, True),
    ("remainder", torch.remainder, operator.mod, True),
]
for _name, _fn, _operator, _nonzero in BINARY_OPS:
    _gen = binary_samples(scalars=_operator is not None, nonzero_rhs=_nonzero, op=_operator)
    if _nonzero:
        _gen = concat(_gen, integer_division_by_zero(_fn))
    OPS.append(Op(_name, _fn, _gen, tol=HALF_TRANSCENDENTAL_TOL if _name == "atan2" else {}))

OPS += [
    Op("add_alpha", lambda a, b: torch.add(a, b, alpha=2), binary_samples(scalars=False)),
    Op("sub_alpha", lambda a, b: torch.sub(a, b, alpha=-2), binary_samples(scalars=False)),
    # A float alpha: fine on floats, eager's error on integers.
    Op("add_float_alpha", lambda a, b: torch.add(a, b, alpha=0.5), first(binary_samples(scalars=False), 1)),
    Op("rsub", torch.rsub, binary_samples(scalars=True)),
    Op("div_trunc", lambda a, b: torch.div(a, b, rounding_mode="trunc"),
       concat(binary_samples(nonzero_rhs=True), integer_division_by_zero(lambda a, b: torch.div(a, b, rounding_mode="trunc")))),
    Op("div_floor", lambda a, b: torch.div(a, b, rounding_mode="floor"), binary_samples(nonzero_rhs=True)),
    Op("pow_tensor", torch.pow, pow_tensor_samples),
    Op("pow_scalar_exponent", operator.pow, pow_scalar_exponent_samples),
    Op("pow_scalar_base", operator.pow, pow_scalar_base_samples),
]

FLOAT_UNARY = {
    # name: (low, high) of the in-domain samples
    "exp": (-9, 9), "exp2": (-9, 9), "expm1": (-9, 9), "log": (0.1, 9), "log2": (0.1, 9), "log10": (0.1, 9),
    "log1p": (-0.9, 9), "sqrt": (0, 9), "rsqrt": (0.1, 9), "sin": (-9, 9), "cos": (-9, 9), "tan": (-1.5, 1.5),
    "tanh": (-9, 9), "asin": (-1, 1), "acos": (-1, 1), "atan": (-9, 9), "sinh": (-9, 9), "cosh": (-9, 9),
    "erf": (-3, 3), "sigmoid": (-9, 9), "reciprocal": (-9, 9),
}
for _name, (_lo, _hi) in FLOAT_UNARY.items():
    OPS.append(Op(_name, getattr(torch, _name), unary_samples(_lo, _hi), tol=HALF_TRANSCENDENTAL_TOL))
for _name in ("neg", "abs", "floor", "ceil", "round", "trunc", "sign", "bitwise_not", "logical_not", "relu"):
    OPS.append(Op(_name, getattr(torch, _name), unary_samples()))
OPS += [
    Op("F.silu", F.silu, unary_samples(), tol=HALF_TRANSCENDENTAL_TOL),
    Op("F.relu", F.relu, first(unary_samples(), 1)),
    Op("F.gelu", F.gelu, unary_samples(), tol=HALF_COMPOUND_TOL, xfails=GELU_INF),
    Op("F.gelu_tanh", lambda x: F.gelu(x, approximate="tanh"), unary_samples(), tol=HALF_COMPOUND_TOL),
    Op("F.sigmoid", torch.nn.functional.sigmoid, first(unary_samples(), 1), tol=HALF_TRANSCENDENTAL_TOL),
    Op("F.tanh", torch.nn.functional.tanh, first(unary_samples(), 1), tol=HALF_TRANSCENDENTAL_TOL),
    Op("to", lambda x, dtype: x.to(dtype), to_samples),
    Op("to_kwarg", lambda x, dtype: x.to(dtype=dtype, copy=True), first(to_samples, 4)),
    Op("type_methods", lambda x: (x.float(), x.double(), x.half(), x.long(), x.bool()),
       lambda d: [S("3x4", lambda: make([3, 4], d, -100, 100))]),
    Op("where", torch.where, where_samples),
    Op("clamp", torch.clamp, clamp_samples),
    Op("clamp_min", torch.clamp_min, lambda d: [S("1", lambda: make([3, 4], d), 1),
                                               S("float", lambda: make([3, 4], d), -0.5)]),
    Op("clamp_max", torch.clamp_max, lambda d: [S("1", lambda: make([3, 4], d), 1),
                                               S("float", lambda: make([3, 4], d), -0.5)]),
    Op("sum", torch.sum, reduction_samples(with_dtype=True), tol=HALF_COMPOUND_TOL),
    Op("mean", torch.mean, floats_in_full(reduction_samples(with_dtype=True)), tol=HALF_COMPOUND_TOL),
    Op("prod", _prod, reduction_samples(with_dtype=True), tol=HALF_COMPOUND_TOL),
    Op("amax", torch.amax, reduction_samples()),
    Op("amin", torch.amin, reduction_samples()),
    Op("var", torch.var, floats_in_full(var_samples), tol=HALF_COMPOUND_TOL),
    Op("softmax", torch.softmax, softmax_samples, tol=HALF_COMPOUND_TOL, xfails=EMPTY_SOFTMAX),
    Op("log_softmax", torch.log_softmax, softmax_samples, tol=HALF_COMPOUND_TOL, xfails=EMPTY_SOFTMAX),
    Op("F.softmax", lambda x, dim, **kw: F.softmax(x, dim, **kw), first(softmax_samples, 2),
       tol=HALF_COMPOUND_TOL),
    Op("layer_norm", F.layer_norm, layer_norm_samples, tol=HALF_COMPOUND_TOL),
    Op("torch.rms_norm", torch.rms_norm, rms_norm_samples, tol=HALF_COMPOUND_TOL),
    Op("F.rms_norm", F.rms_norm, first(rms_norm_samples, 2), tol=HALF_COMPOUND_TOL),
    Op("matmul", torch.matmul, matmul_samples, tol=HALF_COMPOUND_TOL, executors=WITH_BLAS),
    Op("matmul_operator", operator.matmul, first(matmul_samples, 1), tol=HALF_COMPOUND_TOL),
    Op("mm", torch.mm, mm_samples, tol=HALF_COMPOUND_TOL, executors=WITH_BLAS),
    Op("bmm", torch.bmm, bmm_samples, tol=HALF_COMPOUND_TOL, executors=WITH_BLAS),
    Op("linear", F.linear, linear_samples(bias=False), tol=HALF_COMPOUND_TOL, executors=WITH_BLAS),
    Op("linear_bias", F.linear, linear_samples(bias=True), tol=HALF_COMPOUND_TOL, executors=WITH_BLAS),
    # Shape ops and indexing with constant indices.
    Op("reshape", lambda x: (x.reshape(4, 3), x.reshape(-1), x.reshape(2, -1, 2)),
       one_tensor(("3x4", [3, 4]), layout_extra=[("transposed", [3, 4], "transposed"), ("strided", [3, 4], "strided")])),
    Op("reshape_0d", lambda x: (x.reshape(1, 1), x.reshape(-1)), one_tensor(("0d", []))),
    Op("reshape_empty", lambda x: (x.reshape(0, 5), x.reshape(1, 0, 7), x.reshape(-1)), one_tensor(("2x0", [2, 0]))),
    Op("view", lambda x: (x.view(12), x.view(2, 6), x.view(-1, 4)), one_tensor(("3x4", [3, 4]))),
    Op("permute", lambda x: (x.permute(2, 0, 1), x.permute(-1, -2, -3)),
       one_tensor(("2x3x4", [2, 3, 4]), layout_extra=[("strided", [2, 3, 4], "strided")])),
    Op("transpose", lambda x: (x.transpose(0, 1), x.transpose(-1, 0), x.transpose(1, 1)),
       one_tensor(("2x3x4", [2, 3, 4]), layout_extra=[("transposed", [2, 3, 4], "transposed")])),
    Op("t", lambda x: x.t(), one_tensor(("3x4", [3, 4]), ("1d", [4]), ("0d", []),
                                        layout_extra=[("transposed", [3, 4], "transposed")])),
    Op("mT", lambda x: x.mT, one_tensor(("2x3x4", [2, 3, 4]))),
    Op("unsqueeze", lambda x: (x.unsqueeze(0), x.unsqueeze(-1), x.unsqueeze(min(1, x.dim()))),
       one_tensor(("3x4", [3, 4]), layout_extra=[("0d", [], "contiguous"), ("empty", [0], "contiguous")])),
    Op("squeeze", lambda x: (x.squeeze(), x.squeeze(0), x.squeeze(1), x.squeeze((0, 2)), x.squeeze(-1)),
       one_tensor(("1x3x1", [1, 3, 1]), ("3x4x1", [3, 4, 1]), layout_extra=[("1x0x1", [1, 0, 1], "contiguous")])),
    Op("squeeze_0d", lambda x: (x.squeeze(), x.squeeze(0)), one_tensor(("0d", []))),
    Op("expand", lambda x: (x.expand(3, 4), x.expand(2, -1, 4), x.expand(3, -1)),
       one_tensor(("3x1", [3, 1]), layout_extra=[("transposed", [3, 1], "transposed")])),
    Op("expand_as", lambda x, y: x.expand_as(y), lambda d: [S("1x4_3x4", lambda: make([1, 4], d), lambda: make([3, 4], d))]),
    Op("expand_0d", lambda x: x.expand(2, 3), one_tensor(("0d", []))),
    Op("slice", lambda x: (x[1:3], x[:, ::2], x[::3], x[:, 1:-1], x[-2:], x[:, -3:-1:2], x[5:], x[2:1]),
       one_tensor(("4x5", [4, 5]), layout_extra=[("transposed", [4, 5], "transposed"), ("strided", [4, 5], "strided")])),
    Op("index_int", lambda x: (x[1], x[-1], x[:, 0], x[1, 2]),
       one_tensor(("3x4", [3, 4]), layout_extra=[("strided", [3, 4], "strided")])),
    Op("index_ellipsis", lambda x: (x[..., -1], x[..., 1:], x[0, ..., 1], x[None], x[:, None, ::2]),
       one_tensor(("2x3x4", [2, 3, 4]), layout_extra=[("transposed", [2, 3, 4], "transposed")])),
    Op("select", lambda x: (torch.select(x, 0, 1), x.select(1, -1)), one_tensor(("3x4", [3, 4]))),
    Op("narrow", lambda x: (x.narrow(0, 1, 2), x.narrow(-1, 0, 1)), one_tensor(("3x4", [3, 4]))),
    Op("split", lambda x: (x.split(2, 1), x.split([1, 3], -1), x.unbind(0), x.chunk(2, 0)),
       one_tensor(("4x4", [4, 4]), ("4x4x2", [4, 4, 2]))),
    Op("tril_triu", lambda x: (torch.tril(x), torch.tril(x, 1), torch.triu(x, -1), torch.triu(x, 2)),
       one_tensor(("3x4", [3, 4]), ("2x3x4", [2, 3, 4]), ("4x2", [4, 2]))),
    Op("masked_fill", lambda x, m: (x.masked_fill(m, 2), x.masked_fill(m, -1.5), x.masked_fill(m[0], True)),
       lambda d: [S("3x4", lambda: make([3, 4], d), lambda: make([3, 4], BOOL)),
                  S("special", lambda: special(d), lambda: make([len(special(d))], BOOL))]),
    Op("masked_fill_tensor", lambda x, m, v: x.masked_fill(m, v),
       lambda d: [S("3x4", lambda: make([3, 4], d), lambda: make([3, 4], BOOL), lambda: make([], d))]),
    Op("cat", torch.cat, cat_samples),
    Op("stack", torch.stack, lambda d: [S("dim0", lambda: [make([2, 3], d), make([2, 3], d)]),
                                        S("dim-1", lambda: [make([2, 3], d), make([2, 3], d)], -1)]),
    Op("full", torch.full, creation_samples("full")),
    Op("zeros", torch.zeros, creation_samples("zeros")),
    Op("ones", torch.ones, creation_samples("ones")),
    Op("arange", torch.arange, creation_samples("arange")),
    Op("zeros_like", torch.zeros_like, like_samples()),
    Op("ones_like", torch.ones_like, like_samples()),
    Op("full_like", torch.full_like, like_samples(value=3)),
    Op("new_full", lambda x, **kw: x.new_full((2, 2), 5, **kw), like_samples()),
]


# Larger shapes, for the vectorised loops and their remainders (sizes that are
# not multiples of a vector width). Sums of ~1000 f32 values depend on the
# summation order by a few ulps of the total, hence the looser f32 tolerance.
LARGE_TOL = {F32: {"rtol": 1e-5, "atol": 1e-4}, **HALF_COMPOUND_TOL}


def large_samples(dtype):
    return [
        S("33x1031", lambda: make([33, 1031], dtype, -2, 2)),
        S("1031x33_t", lambda: make([1031, 33], dtype, -2, 2, layout="transposed")),
    ]


OPS += [
    Op(f"large_{name}", fn, large_samples, dtypes=(F32, BF16, I32) if name in ("sum", "amax") else (F32, BF16),
       tol=LARGE_TOL)
    for name, fn in [
        ("sum", lambda x: (x.sum(-1), x.sum(0))),
        ("amax", lambda x: (x.amax(-1), x.amin(0))),
        ("softmax", lambda x: (torch.softmax(x, -1), torch.log_softmax(x, 0))),
        ("layer_norm", lambda x: F.layer_norm(x, [x.shape[-1]], torch.ones(x.shape[-1], dtype=x.dtype) * 0.5)),
        ("var_mean", lambda x: (x.var(-1), x.mean(0))),
        ("elementwise", lambda x: F.gelu(x) * torch.sigmoid(x) - x.exp() / 3),
        ("matmul", lambda x: (x[:16] @ x[16:32].T, x[:, :16].T @ x[:, 16:40])),
    ]
]


def _params():
    params = []
    seen = set()
    for op in OPS:
        for executors in op.executors:
            prefix = op.name if executors == ("thunder_cpu",) else f"{op.name}[{'+'.join(executors)}]"
            for dtype in op.dtypes:
                if "blas" in executors and dtype not in BLAS_DTYPES:
                    continue  # the GEMM executor leaves these to generated code
                for sample in op.samples(dtype):
                    test_id = f"{prefix}-{SHORT[dtype]}-{sample.label}"
                    assert test_id not in seen, test_id
                    seen.add(test_id)
                    reason = sample.xfail
                    for dtypes, labels, why in op.xfails:
                        if (dtypes is None or dtype in dtypes) and (labels is None or sample.label in labels):
                            reason = why
                    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                    params.append(pytest.param(op, executors, dtype, sample, id=test_id, marks=marks))
    return params


# --- the test -------------------------------------------------------------

# Eager errors that only say the CPU has no kernel for a dtype. Thunder should
# reject the combination too, but it may support it (its rules allow every
# dtype the op makes sense for): then the test is skipped, with eager's reason.
NO_KERNEL_MARKERS = ("not implemented for", "not supported for", "does not support")


def assert_same(actual, expected, tol, path="result"):
    if isinstance(expected, torch.Tensor):
        assert isinstance(actual, torch.Tensor), f"{path}: expected a tensor, got {type(actual).__name__}"
        assert actual.dtype == expected.dtype, f"{path}: dtype {actual.dtype} != eager's {expected.dtype}"
        assert actual.shape == expected.shape, f"{path}: shape {tuple(actual.shape)} != eager's {tuple(expected.shape)}"
        torch.testing.assert_close(actual, expected, equal_nan=True, msg=lambda m: f"{path}: {m}", **tol)
    elif isinstance(expected, (tuple, list)):
        assert type(actual) is type(expected) and len(actual) == len(expected), f"{path}: {actual!r}"
        for i, (a, e) in enumerate(zip(actual, expected)):
            assert_same(a, e, tol, f"{path}[{i}]")
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


# var over one element: eager warns (and gives nan, as thunder does).
@pytest.mark.filterwarnings("ignore:.*degrees of freedom:UserWarning")
@pytest.mark.parametrize("op, executors, dtype, sample", _params())
def test_op(op, executors, dtype, sample):
    fn = sample.fn or op.fn
    args, kwargs = sample.build()
    try:
        expected = fn(*args, **kwargs)
    except Exception as exc:  # eager raises many kinds
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        try:
            thunder.jit(fn, executors=list(executors))(*args, **kwargs)
        except AssertionError:
            raise
        except Exception:  # any error, as long as there is one
            return
        if any(m in message for m in NO_KERNEL_MARKERS):
            pytest.skip(f"eager has no CPU kernel, thunder computes a result: {message}")
        pytest.fail(f"eager raises but thunder returns a result; eager: {type(exc).__name__}: {message}")
    actual = thunder.jit(fn, executors=list(executors))(*args, **kwargs)
    assert_same(actual, expected, op.tol.get(dtype, {}))
