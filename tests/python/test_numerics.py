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


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_arithmetic_with_numbers_computes_in_f32(dtype):
    # Eager keeps the number (and a 0-d f32 tensor) at f32 and rounds once.
    x = torch.tensor([0.5, -0.25, 2.0, 1e-3, 3.0], dtype=dtype)
    for fn in (lambda a: a * 70000, lambda a: a / 1e5, lambda a: a * torch.tensor(1e5), lambda a: a + 1e-4):
        torch.testing.assert_close(thunder.jit(fn)(x), fn(x), rtol=0, atol=0)


def test_sum_of_many_elements_stays_accurate():
    x = torch.full((1 << 22,), 0.1) + torch.rand(1 << 22) * 1e-3
    ref = x.double().sum()
    got = thunder.jit(lambda a: a.sum())(x).double()
    assert abs(got - ref) / ref < 1e-6


def test_module_train_and_eval_are_separate_specialisations():
    m = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.Dropout(0.5)).requires_grad_(False)
    jm = thunder.jit(m)
    x = torch.ones(64, 4)
    m.train()
    assert (jm(x) == 0).any()
    m.eval()
    torch.testing.assert_close(jm(x), m(x))


def test_tensor_constants_made_inside_the_function():
    x = torch.randn(4, 5)
    fn = lambda a: torch.where(a > 0, a, torch.tensor(2.0)) + torch.tensor([1.0, 2, 3, 4, 5])
    torch.testing.assert_close(thunder.jit(fn)(x), fn(x))
