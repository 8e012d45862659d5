"""thunder.jit inside torch autograd: the compiled forward and backward behave
as eager's own ops do for every way people train (`.backward()`,
`torch.autograd.grad`, optimizers, partial requires_grad, unused and
non-differentiable outputs, no_grad and eval, dropout, the dtypes), and the
backward is inspectable (`last_backward_traces`, `examine`)."""

import pathlib
import subprocess

import pytest
import thunder
import torch
import torch.nn.functional as F
from torch import nn

REPO = pathlib.Path(__file__).resolve().parents[2]
THUNDER_OPT = REPO / "target" / "debug" / "thunder-opt"


def close(a, b, **kw):
    torch.testing.assert_close(a, b, **kw)


def grads_of(fn, *args, cotangent_seed=3):
    """`fn(*args)`'s gradients with respect to every arg that requires grad,
    for a fixed random cotangent of each floating output."""
    out = fn(*args)
    outs = [o for o in (out if isinstance(out, (tuple, list)) else (out,))
            if isinstance(o, torch.Tensor) and o.requires_grad]
    g = torch.Generator().manual_seed(cotangent_seed)
    cts = [torch.randn(o.shape, generator=g).to(o.dtype) for o in outs]
    wrt = [a for a in args if isinstance(a, torch.Tensor) and a.requires_grad]
    return out, torch.autograd.grad(outs, wrt, cts, allow_unused=True)


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 4)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


# --- .backward(), .grad, torch.autograd.grad ---------------------------------


def test_backward_fills_grad_of_parameters_and_inputs_and_accumulates():
    torch.manual_seed(0)
    model = MLP()
    reference = MLP()
    reference.load_state_dict(model.state_dict())
    jmodel = thunder.jit(model)
    x = torch.randn(5, 8, requires_grad=True)
    xr = x.detach().clone().requires_grad_(True)
    for _ in range(2):  # the second backward accumulates into .grad
        jmodel(x).square().mean().backward()
        reference(xr).square().mean().backward()
    close(x.grad, xr.grad)
    for p, q in zip(model.parameters(), reference.parameters()):
        close(p.grad, q.grad)
    assert thunder.cache_misses(jmodel) == 1


def test_autograd_grad_and_partial_requires_grad():
    def f(x, w, b):
        return torch.tanh(x @ w + b).sum(-1)

    x = torch.randn(4, 3)
    w = torch.randn(3, 5, requires_grad=True)
    b = torch.randn(5)
    jf = thunder.jit(f)
    y, (gw,) = grads_of(jf, x, w, b)
    ye, (gwe,) = grads_of(f, x, w, b)
    close(y, ye)
    close(gw, gwe)
    assert not x.requires_grad and x.grad is None and b.grad is None


def test_outputs_unused_in_the_loss_and_several_outputs():
    def f(x):
        return x.exp(), x.sin(), x * 2

    x = torch.randn(6, requires_grad=True)
    a, b, c = thunder.jit(f)(x)
    (a.sum() + 3 * c.sum()).backward()  # b unused
    close(x.grad, x.detach().exp() + 6)
    assert b.requires_grad and b.grad_fn is not None


def test_non_tensor_integer_and_non_differentiable_outputs():
    def f(x, y):
        return {"value": (x * y).sum(), "count": x.shape[0], "positive": x > 0, "index": x.long(), "y2": y * 2}

    x = torch.randn(5, requires_grad=True)
    y = torch.randn(5)
    out = thunder.jit(f)(x, y)
    eager = f(x, y)
    assert out["count"] == 5
    for k in ("positive", "index", "y2"):
        assert out[k].requires_grad == eager[k].requires_grad
        close(out[k], eager[k])
    out["value"].backward()
    close(x.grad, y)


def test_outputs_that_alias_inputs_keep_autograd_views():
    def f(x):
        return x, x.view(-1), x * 2

    x = torch.randn(2, 3, requires_grad=True)
    same, flat, doubled = thunder.jit(f)(x)
    assert same is x
    (flat.sum() + doubled.sum()).backward()
    close(x.grad, torch.full((2, 3), 3.0))


def test_modifying_a_saved_input_in_place_is_an_error_as_in_eager():
    x = torch.randn(4, requires_grad=True)
    w = torch.randn(4, requires_grad=True)
    with torch.no_grad():
        pass
    y = thunder.jit(lambda a, b: (a * b).sum())(x, w)
    with torch.no_grad():
        w.add_(1)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y.backward()


def test_double_backward_through_jit_is_refused():
    x = torch.randn(3, requires_grad=True)
    y = thunder.jit(lambda t: (t**3).sum())(x)
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    with pytest.raises(RuntimeError):
        g.sum().backward()


# --- optimizers, modes, cache ---------------------------------------------------


@pytest.mark.parametrize("optimizer", [torch.optim.SGD, torch.optim.AdamW])
def test_optimizer_steps_without_recompiling(optimizer):
    torch.manual_seed(1)
    model, reference = MLP(), MLP()
    reference.load_state_dict(model.state_dict())
    jmodel = thunder.jit(model)
    opt = optimizer(model.parameters(), lr=0.05)
    ref_opt = optimizer(reference.parameters(), lr=0.05)
    x, target = torch.randn(16, 8), torch.randn(16, 4)
    for _ in range(4):
        loss = F.mse_loss(jmodel(x), target)
        ref_loss = F.mse_loss(reference(x), target)
        close(loss, ref_loss, rtol=1e-5, atol=1e-6)
        for o in (opt, ref_opt):
            o.zero_grad()
        loss.backward()
        ref_loss.backward()
        opt.step()
        ref_opt.step()
    for p, q in zip(model.parameters(), reference.parameters()):
        close(p, q, rtol=1e-5, atol=1e-6)
    assert thunder.cache_misses(jmodel) == 1


def test_no_grad_eval_and_requires_grad_false_are_forward_only():
    torch.manual_seed(2)
    model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))
    jmodel = thunder.jit(model)
    x = torch.randn(3, 4)
    with torch.no_grad():
        y = jmodel(x)
    assert not y.requires_grad and thunder.saved_for_backward(jmodel)["tensors"] == 0
    with pytest.raises(RuntimeError, match="no gradients"):
        thunder.last_backward_traces(jmodel)
    model.eval()
    y = jmodel(x)
    assert y.requires_grad  # the parameters require grad
    close(y, model(x))
    model.requires_grad_(False)
    y = jmodel(x)
    assert not y.requires_grad
    # no_grad, eval+grad, eval+no requires_grad: three specialisations.
    assert thunder.cache_misses(jmodel) == 3


def test_grad_mode_is_part_of_the_key():
    jf = thunder.jit(lambda a: (a * a).sum())
    x = torch.randn(3, requires_grad=True)
    with torch.no_grad():
        assert not jf(x).requires_grad
    assert jf(x).requires_grad
    assert thunder.cache_misses(jf) == 2


def test_dropout_uses_the_same_random_numbers_in_backward():
    torch.manual_seed(3)
    w = torch.randn(1000)

    def f(x):
        return F.dropout(x, 0.4, training=True) * w

    x = torch.randn(1000, requires_grad=True)
    y = thunder.jit(f)(x)
    y.sum().backward()
    kept = (y != 0)
    close(x.grad, torch.where(kept, w / 0.6, torch.zeros(())))
    assert 0.3 < 1 - kept.float().mean().item() < 0.5


# --- dtypes -------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32, torch.bfloat16, torch.float16])
def test_gradients_in_every_float_dtype(dtype):
    torch.manual_seed(4)

    def f(x, w, b):
        h = F.linear(x, w, b)
        return F.layer_norm(F.gelu(h), (h.shape[-1],)).sum(0)

    x = torch.randn(8, 16, dtype=dtype, requires_grad=True)
    w = (torch.randn(32, 16) / 4).to(dtype).requires_grad_(True)
    b = torch.randn(32, dtype=dtype, requires_grad=True)
    got_out, got = grads_of(thunder.jit(f), x, w, b)
    want_out, want = grads_of(f, x, w, b)
    tol = {torch.float64: 1e-7, torch.float32: 1e-4, torch.bfloat16: 6e-2, torch.float16: 1e-2}[dtype]
    close(got_out, want_out, rtol=tol, atol=tol)
    for g, e in zip(got, want):
        assert g.dtype == e.dtype
        close(g, e, rtol=tol, atol=tol * max(1.0, e.abs().max().item()))


def test_bf16_matmul_gradients_accumulate_in_f32():
    torch.manual_seed(5)
    a = torch.randn(64, 256, dtype=torch.bfloat16, requires_grad=True)
    b = torch.randn(256, 32, dtype=torch.bfloat16, requires_grad=True)
    got_out, got = grads_of(thunder.jit(lambda x, y: x @ y), a, b)
    want_out, want = grads_of(lambda x, y: x @ y, a, b)
    close(got_out, want_out, rtol=2e-2, atol=2e-1)
    reference = [t.double() for t in grads_of(lambda x, y: x @ y, a.double().detach().requires_grad_(),
                                              b.double().detach().requires_grad_())[1]]
    for g, e, r in zip(got, want, reference):
        # As eager, within bf16's rounding of an f32-accumulated product.
        close(g.double(), r, rtol=1e-2, atol=1e-1)
        close(g, e, rtol=2e-2, atol=2e-1)


# --- executors meet -------------------------------------------------------------


def test_torch_executor_ops_train_alongside_generated_code():
    torch.manual_seed(6)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(20, 8)
            self.conv = nn.Conv1d(8, 8, 3, padding=1)
            self.norm = nn.LayerNorm(8)

        def forward(self, tokens):
            h = self.emb(tokens).transpose(1, 2)
            h = F.relu(self.conv(h)).transpose(1, 2)
            q = self.norm(h).unsqueeze(1)
            a = F.scaled_dot_product_attention(q, q, q, is_causal=True)
            return torch.cumsum(a, 2).mean()

    net, reference = Net(), Net()
    reference.load_state_dict(net.state_dict())
    tokens = torch.randint(0, 20, (2, 6))
    jnet = thunder.jit(net)
    jnet(tokens).backward()
    reference(tokens).backward()
    for (name, p), q in zip(net.named_parameters(), reference.parameters()):
        close(p.grad, q.grad, rtol=1e-4, atol=1e-5, msg=lambda m, name=name: f"{name}: {m}")
    executors = {ex for _, ex in thunder.examine(jnet, tokens)["claims"]}
    assert "torch" in executors and "thunder_cpu" in executors


# --- introspection --------------------------------------------------------------


@pytest.mark.skipif(not THUNDER_OPT.exists(), reason="thunder-opt is built by `cargo build` (scripts/setup.sh)")
def test_every_training_trace_feeds_thunder_opt_to_give_the_next(tmp_path):
    def f(x, w):
        return torch.softmax(x @ w, -1).mul(2).sum()

    jf = thunder.jit(f)
    jf(torch.randn(4, 8, requires_grad=True), torch.randn(8, 6, requires_grad=True)).backward()
    forward = thunder.last_traces(jf)
    backward = thunder.last_backward_traces(jf)
    assert [t.level for t in forward] == ["torch", "prims", "joint", "split", "exec", "linalg", "llvm"]
    assert [t.level for t in backward] == ["split", "exec", "linalg", "llvm"]
    assert "thunder_exec.launch" in backward[1].text
    for traces in (forward, backward):
        for current, following in zip(traces, traces[1:]):
            path = tmp_path / f"{current.level}.mlir"
            path.write_text(current.text)
            done = subprocess.run(
                [str(THUNDER_OPT), str(path), f"--pass-pipeline=builtin.module({current.pipeline})"],
                capture_output=True, text=True, check=False)
            assert done.returncode == 0, done.stderr
            assert done.stdout.rstrip("\n") == following.text.rstrip("\n"), f"{current.level} -> {following.level}"


def test_examine_reports_what_is_saved_for_backward(capsys):
    x = torch.randn(64, 32, requires_grad=True)
    w = torch.randn(32, 32, requires_grad=True)
    report = thunder.examine(lambda a, b: torch.tanh(a @ b).sum(), x, w)
    saved = report["saved"]
    # tanh's result (64x32 f32) is all the backward needs beyond the inputs.
    assert saved == {"tensors": 1, "bytes": 64 * 32 * 4, "inputs": 2}
    assert "saved for backward: 1 tensors" in capsys.readouterr().out
    assert "matmul" in report["backward_plan"]


def test_elementwise_chains_are_recomputed_not_saved():
    def gelu_chain(x, w):
        y = x @ w
        return (0.5 * y * (1 + torch.tanh(0.79788456 * (y + 0.044715 * y**3)))).sum()

    jf = thunder.jit(gelu_chain)
    jf(torch.randn(32, 16, requires_grad=True), torch.randn(16, 16, requires_grad=True)).backward()
    # Only the matmul's result crosses: the chain is recomputed from it in
    # the backward kernel.
    assert thunder.saved_for_backward(jf)["tensors"] == 1
