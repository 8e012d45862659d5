"""Every level from thunder.last_traces reproduces the next one with thunder-opt."""

import pathlib
import subprocess

import pytest
import thunder
import torch
import torch.nn.functional as F

REPO = pathlib.Path(__file__).resolve().parents[2]
THUNDER_OPT = REPO / "target" / "debug" / "thunder-opt"


def program(x, w, b, idx):
    y = F.layer_norm(x @ w, (w.shape[1],)) + b
    y = torch.softmax(y, -1) * 2.0 + F.gelu(y)
    # cumsum has no thunder rule: the torch executor runs it.
    return torch.cumsum(y, 1)[:, ::2] + y[idx, :1].sum()


@pytest.mark.skipif(not THUNDER_OPT.exists(), reason="thunder-opt is built by `cargo build` (scripts/setup.sh)")
def test_each_trace_feeds_thunder_opt_to_give_the_next(tmp_path):
    args = (torch.randn(6, 8), torch.randn(8, 16), torch.randn(16), 2)
    jfn = thunder.jit(program)
    torch.testing.assert_close(jfn(*args), program(*args))
    traces = thunder.last_traces(jfn)
    assert [t.level for t in traces] == ["torch", "prims", "exec", "linalg", "llvm"]
    for current, following in zip(traces, traces[1:]):
        path = tmp_path / f"{current.level}.mlir"
        path.write_text(current.text)
        done = subprocess.run(
            [str(THUNDER_OPT), str(path), f"--pass-pipeline=builtin.module({current.pipeline})"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        # thunder-opt ends its output with one more newline.
        assert done.stdout.rstrip("\n") == following.text.rstrip("\n"), f"{current.level} -> {following.level} differs"
    assert traces[-1].pipeline == ""


def test_exec_trace_shows_who_runs_what():
    jfn = thunder.jit(program)
    jfn(torch.randn(6, 8), torch.randn(8, 16), torch.randn(16), 2)
    exec_text = thunder.last_traces(jfn)[2].text
    assert 'thunder_exec.call "blas", "matmul"' in exec_text
    assert 'thunder_exec.call "torch", "torch::aten.cumsum.default"' in exec_text
    assert 'thunder_exec.launch "thunder_cpu"' in exec_text
    assert "thunder_exec.release" in exec_text
