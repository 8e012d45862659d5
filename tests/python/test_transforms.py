"""thunder.grad, thunder.vjp, thunder.jvp and thunder.vmap, alone and
composed (vmap(grad(f)), grad(grad(f)), jvp(grad(f)), ...), against
torch.func's answers; their errors; their traces."""

import pytest
import thunder
import torch
import torch.nn.functional as F
from torch import func

F64 = torch.float64
# torch.func's first forward-mode call imports a module of torch's that uses
# torch.jit.script, which torch itself now warns about.
pytestmark = pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated:FutureWarning")


def close(a, b):
    torch.testing.assert_close(a, b, rtol=1e-8, atol=1e-10)


def loss(x, w):
    return (torch.tanh(x @ w) ** 2).sum()


def wave(x):
    return torch.sin(x) * x + torch.exp(-x * x)


@pytest.fixture
def data():
    g = torch.Generator().manual_seed(0)
    return (torch.randn(4, 3, generator=g, dtype=F64), torch.randn(3, 5, generator=g, dtype=F64),
            torch.randn(5, generator=g, dtype=F64))


def test_grad(data):
    x, w, _ = data
    close(thunder.grad(loss)(x, w), func.grad(loss)(x, w))
    for a, b in zip(thunder.grad(loss, argnums=(0, 1))(x, w), func.grad(loss, argnums=(0, 1))(x, w)):
        close(a, b)
    close(thunder.grad(loss, argnums=1)(x, w), func.grad(loss, argnums=1)(x, w))


def test_vjp_and_jvp(data):
    _, _, v = data
    ct = torch.linspace(-1, 1, 5, dtype=F64)
    out, (cts,) = thunder.vjp(wave)((v,), ct)
    want_out, vjp_fn = func.vjp(wave, v)
    close(out, want_out)
    close(cts, vjp_fn(ct)[0])
    out, tangent = thunder.jvp(wave)((v,), (ct,))
    want_out, want_tangent = func.jvp(wave, (v,), (ct,))
    close(out, want_out)
    close(tangent, want_tangent)


def test_vmap_in_and_out_dims(data):
    _, w, _ = data
    xs = torch.randn(7, 4, 3, dtype=F64)
    f = lambda a, b: torch.softmax(a @ b, -1)
    close(thunder.vmap(f, in_dims=(0, None))(xs, w), func.vmap(f, in_dims=(0, None))(xs, w))
    xt = xs.permute(1, 0, 2)  # the batch at dimension 1
    close(thunder.vmap(f, in_dims=(1, None), out_dims=2)(xt, w), func.vmap(f, in_dims=(1, None), out_dims=2)(xt, w))
    ws = torch.randn(7, 3, 5, dtype=F64)
    close(thunder.vmap(f)(xs, ws), func.vmap(f)(xs, ws))


def test_vmap_of_grad(data):
    _, w, _ = data
    xs = torch.randn(6, 4, 3, dtype=F64)
    close(thunder.vmap(thunder.grad(loss), in_dims=(0, None))(xs, w), func.vmap(func.grad(loss), in_dims=(0, None))(xs, w))


def test_grad_of_grad():
    x = torch.tensor(0.7, dtype=F64)
    f = lambda t: wave(t).sum()
    close(thunder.grad(thunder.grad(f))(x), func.grad(func.grad(f))(x))
    close(thunder.grad(thunder.grad(thunder.grad(f)))(x), func.grad(func.grad(func.grad(f)))(x))


def test_jvp_of_grad(data):
    _, _, v = data
    f = lambda t: (wave(t) * t).sum()
    tangent = torch.ones_like(v)
    got = thunder.jvp(thunder.grad(f))((v,), (tangent,))
    want = func.jvp(func.grad(f), (v,), (tangent,))
    close(got[0], want[0])
    close(got[1], want[1])


def test_vjp_and_jvp_of_vmap():
    xs = torch.randn(5, 4, dtype=F64)
    cts = torch.randn(5, 4, dtype=F64)
    out, (got,) = thunder.vjp(thunder.vmap(wave))((xs,), cts)
    want_out, vjp_fn = func.vjp(func.vmap(wave), xs)
    close(out, want_out)
    close(got, vjp_fn(cts)[0])
    out, tangent = thunder.jvp(thunder.vmap(wave))((xs,), (cts,))
    close(tangent, func.jvp(func.vmap(wave), (xs,), (cts,))[1])


def test_a_transform_inside_jit_is_refused(data):
    _, _, v = data
    inner = thunder.grad(lambda t: wave(t).sum())
    with pytest.raises(thunder.UnsupportedOperation, match=r"inside thunder\.jit"):
        thunder.jit(lambda t: inner(t) * 2)(v)


def test_transforms_of_a_model_with_torch_executor_ops(data):
    """The torch executor's ops differentiate and batch through torch."""
    _, _, v = data
    f = lambda t: torch.cumsum(wave(t), 0).sum()
    close(thunder.grad(f)(v), func.grad(f)(v))
    vs = torch.randn(3, 5, dtype=F64)
    g = lambda t: torch.cumsum(t.exp(), 0)
    close(thunder.vmap(g)(vs), func.vmap(g)(vs))
    out, tangent = thunder.jvp(g)((v,), (torch.ones_like(v),))
    want_out, want_tangent = func.jvp(g, (v,), (torch.ones_like(v),))
    close(out, want_out)
    close(tangent, want_tangent)


def test_errors_are_clear(data):
    _, _, v = data
    with pytest.raises(ValueError, match="0-d floating"):
        thunder.grad(wave)(v)
    with pytest.raises(ValueError, match=r"cotangent 0 is torch\.float32"):
        thunder.vjp(wave)((v,), torch.ones(5))
    with pytest.raises(ValueError, match="one batch size"):
        thunder.vmap(lambda a, b: a + b)(torch.ones(3, 2), torch.ones(4, 2))
    with pytest.raises(ValueError, match=r"in_dims has 1 entries for 2 arguments"):
        thunder.vmap(lambda a, b: a + b, in_dims=(0,))(torch.ones(3, 2), torch.ones(3, 2))
    with pytest.raises(TypeError, match="floating"):
        thunder.grad(lambda a: a.sum().double())(torch.ones(3, dtype=torch.int64))


def test_transforms_are_cached_and_traced(data):
    x, w, _ = data
    g = thunder.grad(loss)
    g(x, w)
    g(x * 2, w)
    assert len(g._cache) == 1
    traces = thunder._transforms.last_traces(g)
    assert [t.level for t in traces] == ["torch", "prims", "grad", "exec", "linalg", "llvm"]
    assert traces[1].pipeline == "thunder-prims-vjp-pipeline"
    vg = thunder.vmap(thunder.grad(loss), in_dims=(0, None))
    vg(torch.randn(2, 4, 3, dtype=F64), w)
    assert [t.level for t in thunder._transforms.last_traces(vg)][:4] == ["torch", "prims", "grad", "vmap"]


def test_layer_norm_and_softmax_second_order(data):
    x, _, _ = data
    f = lambda t: (F.layer_norm(t, (3,)) * torch.softmax(t, -1)).sum()
    close(thunder.grad(f)(x), func.grad(f)(x))
    hvp = lambda t, u: func.jvp(func.grad(f), (t,), (u,))[1]
    got = thunder.jvp(thunder.grad(f))((x,), (torch.ones_like(x),))[1]
    close(got, hvp(x, torch.ones_like(x)))
