"""What the CPU code generator specialises, checked against float64
references and eager at the shapes where the specialisations apply: the f32
exp and erf expansions, one-pass variance, row tiles with stack buffers and
next-tile prefetching, and keepdim reductions fused into the tile loop.

The op suite (test_ops.py) covers every op at small shapes; kernels only tile
rows, prefetch and vectorise at the sizes used here.
"""

import math
import os
import subprocess
import sys

import numpy as np
import pytest
import thunder
import torch
import torch.nn.functional as F


def host_has_avx512():
    """Whether thunder compiles for AVX-512 here: the CPU has it and
    THUNDER_CPU_FEATURES (which can only narrow it) keeps it."""
    narrowed = os.environ.get("THUNDER_CPU_FEATURES")
    if narrowed is not None and "avx512f" not in [f.strip() for f in narrowed.split(",")]:
        return False
    try:
        with open("/proc/cpuinfo") as f:
            return " avx512f" in f.read()
    except OSError:
        return False


def ulps(got, ref):
    """|got - ref| in units of f32's spacing at ref (subnormal spacing near 0)."""
    got, ref = got.double().numpy(), np.asarray(ref, dtype=np.float64)
    spacing = np.spacing(np.abs(ref).astype(np.float32)).astype(np.float64)
    spacing = np.maximum(spacing, float(np.finfo(np.float32).smallest_subnormal))
    return np.abs(got - ref) / spacing


def reference(fn, x):
    return np.array([fn(float(v)) for v in x.double()])


@pytest.mark.skipif(not host_has_avx512(), reason="the ldexp exp needs AVX-512 (vscalefps); see the next test")
def test_exp_f32_within_one_ulp_down_to_subnormals():
    x = torch.linspace(-104.0, 88.7, 200_001)
    got = thunder.jit(torch.exp)(x)
    assert ulps(got, reference(math.exp, x)).max() <= 1.0
    assert got[0] == 0.0 and 0 < got[x > -103].min() < torch.finfo(torch.float32).tiny


def test_exp_f32_special_values():
    x = torch.tensor([float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 88.8, -120.0, 1e-30])
    torch.testing.assert_close(thunder.jit(torch.exp)(x), torch.exp(x), equal_nan=True, rtol=1e-6, atol=0)


def test_exp_f32_without_avx512_uses_the_polynomial_within_five_ulp():
    """THUNDER_CPU_FEATURES= compiles as for a CPU without AVX-512 (the upstream
    polynomial, which flushes results below exp(-87.3) to zero)."""
    script = (
        "import math, numpy as np, torch, thunder\n"
        "x = torch.linspace(-87.0, 88.7, 100001)\n"
        "got = thunder.jit(torch.exp)(x).double().numpy()\n"
        "ref = np.array([math.exp(v) for v in x.double().tolist()])\n"
        "print((np.abs(got - ref) / np.spacing(np.abs(ref).astype(np.float32))).max())\n"
    )
    env = dict(os.environ, THUNDER_CPU_FEATURES="")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert float(out.stdout) <= 5.0


def test_erf_f32_within_six_ulp():
    x = torch.linspace(-5.0, 5.0, 200_001)
    got = thunder.jit(torch.erf)(x)
    assert ulps(got, reference(math.erf, x)).max() <= 6.0
    tiny = torch.tensor([1e-30, -1e-30, 1e-7])
    torch.testing.assert_close(thunder.jit(torch.erf)(tiny), torch.erf(tiny), rtol=1e-6, atol=0)


def test_erf_f32_special_values():
    x = torch.tensor([float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 4.0, -4.0, 10.0])
    got = thunder.jit(torch.erf)(x)
    torch.testing.assert_close(got, torch.erf(x), equal_nan=True, rtol=1e-7, atol=0)
    assert math.copysign(1.0, got[4].item()) == -1.0


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_variance_of_offset_data_is_accurate(dtype):
    """One-pass variance accumulates in f64: data whose mean is 10^4 times its
    spread keeps the f32 (or bf16) result's digits."""
    base = torch.randn(64, 4096, dtype=torch.float64)
    x = (1e4 + base).to(dtype)
    xd = x.double()
    for correction in (0, 1):
        got = thunder.jit(lambda t, c=correction: torch.var(t, dim=-1, correction=c))(x)
        want = torch.var(xd, dim=-1, correction=correction)
        torch.testing.assert_close(got.double(), want, rtol=1e-5 if dtype == torch.float32 else 1e-2, atol=0)
    got_mean = thunder.jit(lambda t: torch.var_mean(t, dim=-1)[1])(x)
    torch.testing.assert_close(got_mean.double(), xd.mean(-1), rtol=1e-6, atol=0)


def test_layer_norm_of_offset_data_matches_float64():
    x = 1e4 + torch.randn(128, 1024)
    w, b = torch.randn(1024), torch.randn(1024)
    got = thunder.jit(lambda t: F.layer_norm(t, (1024,), w, b, 1e-5))(x)
    want = F.layer_norm(x.double(), (1024,), w.double(), b.double(), 1e-5)
    # x's own rounding (ulp(1e4) ~ 1e-3 of a unit spread) bounds any f32 result.
    torch.testing.assert_close(got.double(), want, rtol=0, atol=5e-3)
    assert (got.double() - want).abs().max() <= 2 * (F.layer_norm(x, (1024,), w, b, 1e-5).double() - want).abs().max()


def test_variance_of_constant_rows_is_zero():
    x = torch.full((8, 4096), 3.25)
    got = thunder.jit(lambda t: torch.var(t, dim=-1))(x)
    assert torch.equal(got, torch.zeros(8))


def user_softmax(x):
    e = torch.exp(x - x.amax(-1, keepdim=True))
    return e / e.sum(-1, keepdim=True)


def test_keepdim_reductions_fuse_into_one_tiled_kernel():
    x = torch.randn(256, 1024)
    jfn = thunder.jit(user_softmax)
    torch.testing.assert_close(jfn(x), user_softmax(x))
    linalg = str(thunder.last_traces(jfn)[3])
    assert linalg.count("scf.forall (") == 1
    before_loop = linalg.split("scf.forall (")[0]
    assert "linalg.generic" not in before_loop and "expand_shape" not in linalg


SHAPES = [(256, 1024), (37, 4096), (64, 1000), (16, 48), (4096, 64)]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize(
    "name",
    ["softmax", "log_softmax", "layer_norm", "rms_norm", "user_softmax", "var_mean", "gelu_erf", "silu_sum"],
)
def test_row_kernels_match_eager(name, shape):
    """Tiled kernels (one row or a few per tile, stack buffers, the exp loop
    prefetching the next tile) at shapes that tile evenly, by a prime number of
    rows, with rows that are not whole cache lines, and tiny."""
    x = 3 * torch.randn(*shape)
    n = shape[-1]
    w, b = torch.randn(n), torch.randn(n)
    fns = {
        "softmax": lambda t: torch.softmax(t, -1),
        "log_softmax": lambda t: torch.log_softmax(t, -1),
        "layer_norm": lambda t: F.layer_norm(t, (n,), w, b, 1e-5),
        "rms_norm": lambda t: F.rms_norm(t, (n,), w, 1e-6),
        "user_softmax": user_softmax,
        "var_mean": lambda t: torch.var_mean(t, dim=-1),
        "gelu_erf": lambda t: F.gelu(t * w + b),
        "silu_sum": lambda t: F.silu(t).sum(-1),
    }
    fn = fns[name]
    got, want = thunder.jit(fn)(x), fn(x)
    torch.testing.assert_close(got, want, rtol=2e-5, atol=2e-5)


@pytest.mark.parametrize("env, applied", [({}, True), ({"THUNDER_MALLOC": "system"}, False), ({"MALLOC_TRIM_THRESHOLD_": "0"}, False)])
def test_malloc_settings_apply_unless_the_user_chose(env, applied):
    """thunder keeps big buffers on glibc's heap (see thunder/_malloc.py)
    unless the environment asks for glibc's defaults or sets its own."""
    if not sys.platform.startswith("linux"):
        pytest.skip("glibc's mallopt is Linux-only")
    script = "import thunder._malloc as m; print(m.tune())"
    clean = {k: v for k, v in os.environ.items() if k not in ("THUNDER_MALLOC", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")}
    out = subprocess.run([sys.executable, "-c", script], env={**clean, **env}, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(applied)
