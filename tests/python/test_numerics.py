"""Numerics the op-by-op suite samples too coarsely to see."""

import pytest
import thunder
import torch


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
@pytest.mark.parametrize("op", [torch.log1p, torch.expm1], ids=["log1p", "expm1"])
def test_log1p_expm1_keep_tiny_arguments(op, dtype):
    # exp(x) - 1 and log(1 + x) would give 0 for the tiny values.
    x = torch.tensor([1e-30, -1e-20, 1e-10, 3e-5, 0.5, -0.3, 20.0], dtype=dtype)
    torch.testing.assert_close(thunder.jit(op)(x), op(x), rtol=2e-7 if dtype == torch.float32 else 1e-15, atol=0)


def test_softmax_rows_with_infinities_and_nan():
    x = torch.randn(64, 4096)
    x[0] = float("-inf")
    x[1, 7] = float("inf")
    x[2, 100] = float("nan")
    x[3, :] = -1e30
    torch.testing.assert_close(thunder.jit(lambda t: torch.softmax(t, -1))(x), torch.softmax(x, -1), equal_nan=True)


def test_row_max_propagates_nan_in_every_lane():
    x = torch.randn(8, 4096)
    for row, col in enumerate([0, 15, 16, 4095, 2048, 17, 1000, 3]):
        x[row, col] = float("nan")
    out = thunder.jit(lambda t: t.amax(-1))(x)
    assert torch.isnan(out).all()


def test_layer_norm_large_tiled_matches_eager():
    x, w, b = torch.randn(512, 1024) * 3 + 5, torch.randn(1024), torch.randn(1024)
    fn = lambda x, w, b: torch.nn.functional.layer_norm(x, (1024,), w, b)
    torch.testing.assert_close(thunder.jit(fn)(x, w, b), fn(x, w, b), rtol=1e-5, atol=1e-5)
