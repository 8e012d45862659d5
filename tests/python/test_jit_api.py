"""The `thunder.jit` API: results, caching and its guards, how Python values
and containers travel in and out, modules, traces and errors."""

import functools

import pytest
import thunder
import torch
import torch.nn.functional as F
from torch import nn

# --- Hello World ----------------------------------------------------------


def test_hello_world():
    jfoo = thunder.jit(lambda a, b: a + b)
    out = jfoo(torch.full((2, 2), 1), torch.full((2, 2), 3))
    expected = torch.tensor([[4, 4], [4, 4]])
    assert out.dtype == torch.int64
    assert torch.equal(out, expected)


# --- caching ----------------------------------------------------------------


def test_second_call_with_same_metadata_hits_the_cache():
    jfn = thunder.jit(lambda a, b: a * b - a)
    a, b = torch.randn(3, 4), torch.randn(3, 4)
    first = jfn(a, b)
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (0, 1)
    # New values, same shapes, strides and dtypes: the compiled code is reused.
    a2, b2 = torch.randn(3, 4), torch.randn(3, 4)
    second = jfn(a2, b2)
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (1, 1)
    torch.testing.assert_close(first, a * b - a)
    torch.testing.assert_close(second, a2 * b2 - a2)


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(lambda: torch.randn(4, 3), id="shape"),
        pytest.param(lambda: torch.randn(3, 4, dtype=torch.float64), id="dtype"),
        pytest.param(lambda: torch.randn(4, 3).t(), id="strides"),
        pytest.param(lambda: torch.randn(3, 8)[:, ::2], id="strided_view"),
    ],
)
def test_different_tensor_metadata_recompiles(other):
    jfn = thunder.jit(lambda x: x.exp() + 1)
    x = torch.randn(3, 4)
    jfn(x)
    y = other()
    out = jfn(y)
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (0, 2)
    assert out.dtype == y.dtype and out.shape == y.shape
    torch.testing.assert_close(out, y.exp() + 1)
    # Both specialisations stay cached.
    jfn(x)
    jfn(y)
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (2, 2)


def test_different_python_value_recompiles():
    jfn = thunder.jit(lambda x, k: x * k)
    x = torch.arange(4.0)
    torch.testing.assert_close(jfn(x, 2), x * 2)
    torch.testing.assert_close(jfn(x, 3), x * 3)
    torch.testing.assert_close(jfn(x, 2.5), x * 2.5)
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (0, 3)
    torch.testing.assert_close(jfn(x, 3), x * 3)
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (1, 3)


class _Config:
    def __init__(self, scale, shift):
        self.scale, self.shift = scale, shift


class _Slotted:
    __slots__ = ("k",)

    def __init__(self, k):
        self.k = k


def test_mutating_an_object_argument_recompiles():
    """Attributes read during capture are baked into the code, so they are
    part of the cache key: a mutated config gives the new result."""
    jfn = thunder.jit(lambda x, cfg: x * cfg.scale + cfg.shift)
    x, cfg = torch.arange(4.0), _Config(2.0, 1)
    torch.testing.assert_close(jfn(x, cfg), x * 2 + 1)
    cfg.scale = 5.0
    torch.testing.assert_close(jfn(x, cfg), x * 5 + 1)
    torch.testing.assert_close(jfn(x, cfg), x * 5 + 1)
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (1, 2)
    slotted = _Slotted(2.0)
    jslot = thunder.jit(lambda x, o: x * o.k)
    torch.testing.assert_close(jslot(x, slotted), x * 2)
    slotted.k = 3.0
    torch.testing.assert_close(jslot(x, slotted), x * 3)


class _Scaler:
    def __init__(self, k):
        self.k = k

    def apply(self, x):
        return x * self.k


class _SlottedChild(_Slotted):
    __slots__ = "extra"

    def __init__(self, k, extra):
        super().__init__(k)
        self.extra = extra


class _Opaque:
    """Attribute reads other than `k` raise something other than AttributeError."""

    __slots__ = ()

    def __getattr__(self, name):
        if name == "k":
            return 2.0
        raise KeyError(name)


class _Eps(nn.Module):
    def __init__(self):
        super().__init__()
        self.eps = 1e-5

    def forward(self, x):
        return x + self.eps


def test_objects_reached_through_arguments_are_keyed_by_their_state():
    x = torch.arange(4.0)
    # A bound method: its object's attributes count.
    jcall = thunder.jit(lambda x, f: f(x))
    scaler = _Scaler(2.0)
    torch.testing.assert_close(jcall(x, scaler.apply), x * 2)
    scaler.k = 3.0
    torch.testing.assert_close(jcall(x, scaler.apply), x * 3)
    # A partial: its arguments count.
    torch.testing.assert_close(jcall(x, functools.partial(torch.mul, other=4.0)), x * 4)
    torch.testing.assert_close(jcall(x, functools.partial(torch.mul, other=5.0)), x * 5)
    # Slots of base classes, a string __slots__, a dict subclass's items.
    jslot = thunder.jit(lambda x, o: x * o.k + o.extra)
    child = _SlottedChild(2.0, 1.0)
    torch.testing.assert_close(jslot(x, child), x * 2 + 1)
    child.k = 3.0
    torch.testing.assert_close(jslot(x, child), x * 3 + 1)

    class Settings(dict):
        pass

    jdict = thunder.jit(lambda x, cfg: x * cfg["scale"])
    cfg = Settings(scale=2.0)
    torch.testing.assert_close(jdict(x, cfg), x * 2)
    cfg["scale"] = 6.0
    torch.testing.assert_close(jdict(x, cfg), x * 6)
    # An object whose attributes cannot be listed counts by identity.
    torch.testing.assert_close(thunder.jit(lambda x, o: x * o.k)(x, _Opaque()), x * 2)


def test_module_python_attributes_are_part_of_the_key():
    module = _Eps()
    jmodule = thunder.jit(module)
    x = torch.zeros(3)
    torch.testing.assert_close(jmodule(x), x + 1e-5)
    module.eps = 0.5
    torch.testing.assert_close(jmodule(x), x + 0.5)
    assert thunder.cache_misses(jmodule) == 2


def test_lazily_negated_inputs_keep_their_sign():
    """`torch._neg_view` marks a tensor negated without touching its memory;
    the kernels read memory, so thunder applies the negation first (on the
    Rust hit path as on the Python one)."""
    jfn = thunder.jit(lambda a: a * 2)
    a = torch.arange(3.0)
    torch.testing.assert_close(jfn(a), a * 2)
    torch.testing.assert_close(jfn(a), a * 2)
    negated = torch._neg_view(a)
    torch.testing.assert_close(jfn(negated), negated * 2)
    jkw = thunder.jit(lambda a, *, k: a * k)
    torch.testing.assert_close(jkw(negated, k=3.0), negated * 3.0)


def test_int_and_float_of_equal_value_are_different_specialisations():
    jfn = thunder.jit(lambda x, k: x * k)
    x = torch.arange(4)
    out_int, out_float = jfn(x, 2), jfn(x, 2.0)
    assert out_int.dtype == torch.int64 and out_float.dtype == torch.float32
    assert thunder.cache_misses(jfn) == 2


_SCALE = torch.tensor([2.0, 3.0, 4.0])


class _Affine(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(3))
        self.register_buffer("b", torch.randn(3))

    def forward(self, x, *, shift=0.0):
        return x * self.w + self.b + shift


@pytest.mark.parametrize("case", ["positional", "closure_and_global", "keywords", "numbers", "module", "tuple_out"])
def test_cache_hits_run_in_rust(case):
    """Hits of calls made of tensors and Python scalars (positional or
    keyword, closures and globals included, modules too) are guarded and
    launched by the Rust dispatcher, and its guards still tell calls apart."""
    x, y = torch.randn(3), torch.randn(2, 3)
    offset = torch.ones(3)
    module = _Affine()
    cases = {
        "positional": (lambda a, b: a * b, [(x, x)], [(y, y)]),
        "closure_and_global": (lambda a: a * _SCALE + offset, [(x,)], [(y,)]),
        "keywords": (lambda a, *, k, t: a * k + t, [((x,), {"k": 2.0, "t": x})], [((x,), {"k": 3.0, "t": x})]),
        "numbers": (lambda a, k, flag: a * k if flag else a - k, [(x, 2, True)], [(x, 2, False), (x, 2.0, True)]),
        "module": (module, [(x,)], [(y,)]),
        "tuple_out": (lambda a: (a + 1, {"twice": a * 2}), [(x,)], [(y,)]),
    }
    fn, same, different = cases[case]
    jfn = thunder.jit(fn)

    def call(f, a):
        args, kwargs = a if isinstance(a, tuple) and len(a) == 2 and isinstance(a[1], dict) else (a, {})
        with torch.no_grad():
            return f(*args, **kwargs)

    for a in same + same + different + different:
        torch.testing.assert_close(call(jfn, a), call(fn, a))
    function = jfn._function if isinstance(jfn, thunder.ThunderModule) else jfn
    n = len(same) + len(different)
    assert thunder.cache_misses(jfn) == n
    assert function._dispatch.hits == n == thunder.cache_hits(jfn)


def test_cache_counters_are_per_function():
    f, g = thunder.jit(lambda x: x + 1), thunder.jit(lambda x: x + 1)
    x = torch.ones(2)
    f(x)
    f(x)
    g(x)
    assert (thunder.cache_hits(f), thunder.cache_misses(f)) == (1, 1)
    assert (thunder.cache_hits(g), thunder.cache_misses(g)) == (0, 1)


# --- arguments: kwargs, defaults, *args, **kwargs, containers ----------------


def test_kwargs_and_defaults():
    def fn(x, y=None, *, scale=2.0, shift=0):
        out = x * scale + shift
        if y is not None:
            out = out + y
        return out

    jfn = thunder.jit(fn)
    x, y = torch.randn(3), torch.randn(3)
    torch.testing.assert_close(jfn(x), fn(x))
    torch.testing.assert_close(jfn(x, y), fn(x, y))
    torch.testing.assert_close(jfn(x, y=y, scale=0.5), fn(x, y=y, scale=0.5))
    torch.testing.assert_close(jfn(x, shift=3, y=y), fn(x, shift=3, y=y))
    # Passing a value positionally or by keyword flattens differently: each
    # form is its own entry, and all are right.
    assert thunder.cache_misses(jfn) == 4


def test_star_args_and_star_kwargs():
    def fn(x, *args, **kwargs):
        out = x
        for a in args:
            out = out + a
        for name in sorted(kwargs):
            out = out * kwargs[name]
        return out

    jfn = thunder.jit(fn)
    x, a, b = torch.randn(2, 3), torch.randn(2, 3), torch.randn(3)
    torch.testing.assert_close(jfn(x), fn(x))
    torch.testing.assert_close(jfn(x, a, b), fn(x, a, b))
    torch.testing.assert_close(jfn(x, a, p=b, q=2), fn(x, a, p=b, q=2))


def test_nested_containers_in_and_out():
    def fn(inputs, pair):
        (first, second), scale = pair
        total = inputs["a"] * scale + inputs["b"][0] - second
        return {
            "total": total,
            "parts": [first.sum(), (inputs["b"][1], "tag", 7)],
            "nothing": None,
        }

    jfn = thunder.jit(fn)
    inputs = {"a": torch.randn(2, 3), "b": [torch.randn(3), torch.randn(2, 1)]}
    pair = ((torch.randn(4), torch.randn(2, 3)), 1.5)
    out, expected = jfn(inputs, pair), fn(inputs, pair)
    assert set(out) == {"total", "parts", "nothing"}
    torch.testing.assert_close(out["total"], expected["total"])
    assert isinstance(out["parts"], list) and isinstance(out["parts"][1], tuple)
    torch.testing.assert_close(out["parts"][0], expected["parts"][0])
    torch.testing.assert_close(out["parts"][1][0], expected["parts"][1][0])
    assert out["parts"][1][1:] == ("tag", 7)
    assert out["nothing"] is None


def test_returns_inputs_python_values_and_repeated_outputs():
    def fn(x, y):
        z = x + y
        return x, z, z, 3, "s"

    jfn = thunder.jit(fn)
    x, y = torch.randn(3), torch.randn(3)
    out = jfn(x, y)
    assert isinstance(out, tuple) and len(out) == 5
    torch.testing.assert_close(out[0], x)
    torch.testing.assert_close(out[1], x + y)
    torch.testing.assert_close(out[2], x + y)
    assert out[3:] == (3, "s")


def test_identity_and_no_tensor_inputs():
    torch.testing.assert_close(thunder.jit(lambda x: x)(torch.arange(3)), torch.arange(3))
    out = thunder.jit(lambda: torch.ones(2, 2) * 3)()
    torch.testing.assert_close(out, torch.full((2, 2), 3.0))


# --- closures and globals ---------------------------------------------------

OFFSET = 1.5
GLOBAL_WEIGHT = torch.tensor([1.0, -2.0, 3.0])


def _uses_global_scalar(x):
    return x + OFFSET


def test_closure_over_python_values():
    def make(k, n):
        def fn(x):
            return x * k + n

        return fn

    x = torch.randn(3)
    torch.testing.assert_close(thunder.jit(make(2.0, 1))(x), x * 2.0 + 1)
    torch.testing.assert_close(thunder.jit(make(-1, 0.5))(x), x * -1 + 0.5)


def test_global_python_value():
    x = torch.randn(3)
    torch.testing.assert_close(thunder.jit(_uses_global_scalar)(x), x + OFFSET)


def test_closure_over_a_jitted_function_composes():
    inner = thunder.jit(lambda x: x * 2)
    outer = thunder.jit(lambda x: torch.tanh(x) + 1)
    x = torch.randn(3)
    torch.testing.assert_close(outer(inner(x)), torch.tanh(x * 2) + 1)


def test_rebinding_a_global_python_value_is_seen():
    global OFFSET
    jfn = thunder.jit(_uses_global_scalar)
    x = torch.zeros(2)
    saved = OFFSET
    try:
        torch.testing.assert_close(jfn(x), x + 1.5)
        OFFSET = 10.0
        torch.testing.assert_close(jfn(x), x + 10.0)
    finally:
        OFFSET = saved


@pytest.mark.parametrize("where", ["closure", "global"])
def test_tensor_from_closure_or_global(where):
    if where == "closure":
        weight = torch.tensor([0.5, 1.0, 2.0])

        def fn(x):
            return x * weight
    else:
        weight = GLOBAL_WEIGHT

        def fn(x):
            return x * GLOBAL_WEIGHT

    x = torch.randn(3)
    jfn = thunder.jit(fn)
    torch.testing.assert_close(jfn(x), x * weight)
    # The tensor is an input read at every call, not a constant.
    weight.mul_(3)
    torch.testing.assert_close(jfn(x), x * weight)
    assert thunder.cache_misses(jfn) == 1


# --- Python control flow on non-tensor values --------------------------------


def test_control_flow_on_python_values_is_specialised():
    def fn(x, flag, n):
        if flag:
            x = x + 1
        else:
            x = x * 10
        for _ in range(n):
            x = x.sin()
        return x

    jfn = thunder.jit(fn)
    x = torch.randn(4)
    torch.testing.assert_close(jfn(x, True, 2), fn(x, True, 2))
    torch.testing.assert_close(jfn(x, False, 2), fn(x, False, 2))
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (0, 2)
    torch.testing.assert_close(jfn(x, True, 2), fn(x, True, 2))
    assert (thunder.cache_hits(jfn), thunder.cache_misses(jfn)) == (1, 2)
    torch.testing.assert_close(jfn(x, True, 0), fn(x, True, 0))
    assert thunder.cache_misses(jfn) == 3


def test_control_flow_on_shapes_is_specialised():
    def fn(x):
        if x.shape[0] > 2:
            return x.sum(0)
        return x.mean(0)

    jfn = thunder.jit(fn)
    big, small = torch.randn(3, 2), torch.randn(2, 2)
    torch.testing.assert_close(jfn(big), fn(big))
    torch.testing.assert_close(jfn(small), fn(small))


# --- nn.Module --------------------------------------------------------------


def _model():
    return nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.GELU(), nn.Linear(8, 3))


def test_module_matches_eager_and_follows_parameter_changes():
    torch.manual_seed(1)
    model = _model()
    jmodel = thunder.jit(model)
    assert isinstance(jmodel, nn.Module)
    x = torch.randn(5, 4)
    with torch.no_grad():
        torch.testing.assert_close(jmodel(x), model(x))

        # New parameter values through load_state_dict: same shapes, so the
        # compiled program is reused, and it sees the new values.
        torch.manual_seed(2)
        other = _model()
        jmodel.load_state_dict(other.state_dict())
        out = jmodel(x)
        torch.testing.assert_close(out, other(x))
        torch.testing.assert_close(out, model(x))  # the wrapped module itself was updated
        assert (thunder.cache_hits(jmodel), thunder.cache_misses(jmodel)) == (1, 1)

        # An in-place update of a parameter is seen as well.
        model[0].bias.add_(1.0)
        torch.testing.assert_close(jmodel(x), model(x))


def test_module_state_dict_round_trip():
    torch.manual_seed(3)
    model = _model()
    jmodel = thunder.jit(model)
    state = jmodel.state_dict()
    assert list(state) == list(model.state_dict())
    for name, value in model.state_dict().items():
        assert torch.equal(state[name], value)
    fresh = _model()
    fresh.load_state_dict(state)
    jfresh = thunder.jit(fresh)
    x = torch.randn(2, 4)
    with torch.no_grad():
        torch.testing.assert_close(jfresh(x), model(x))
        torch.testing.assert_close(jfresh(x), jmodel(x))
    assert [n for n, _ in jmodel.named_parameters()] == [n for n, _ in model.named_parameters()]


def test_module_with_kwargs_in_forward():
    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.proj = nn.Linear(4, 4)
            self.norm = nn.LayerNorm(4)

        def forward(self, x, *, residual=True):
            y = F.gelu(self.proj(self.norm(x)))
            return x + y if residual else y

    torch.manual_seed(4)
    block = Block()
    jblock = thunder.jit(block)
    x = torch.randn(3, 4)
    with torch.no_grad():
        torch.testing.assert_close(jblock(x), block(x))
        torch.testing.assert_close(jblock(x, residual=False), block(x, residual=False))


def test_module_without_no_grad_computes_gradients():
    model = nn.Linear(2, 2)
    x = torch.randn(3, 2)
    thunder.jit(model)(x).square().sum().backward()
    got = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    model(x).square().sum().backward()
    for g, p in zip(got, model.parameters()):
        torch.testing.assert_close(g, p.grad)


# --- traces -------------------------------------------------------------------


def test_last_traces_has_every_level():
    jfn = thunder.jit(lambda a, b: torch.softmax(a @ b + 1, -1))
    a, b = torch.randn(2, 3), torch.randn(3, 4)
    with pytest.raises(RuntimeError, match="not been called"):
        thunder.last_traces(jfn)
    jfn(a, b)
    traces = thunder.last_traces(jfn)
    levels = [t.level for t in traces]
    # torch -> prims -> (exec: the plan) -> linalg -> llvm, in this order.
    expected = ["torch", "prims", "linalg", "llvm"]
    assert [lv for lv in levels if lv in expected] == expected, levels
    by_level = {t.level: t for t in traces}
    assert "thunder_torch." in by_level["torch"].text
    assert "thunder_prims." in by_level["prims"].text
    assert "linalg." in by_level["linalg"].text
    assert "llvm.func" in by_level["llvm"].text
    for t in traces:
        assert isinstance(t.text, str) and t.text
        assert isinstance(t.pipeline, str)


def test_last_traces_follow_the_last_call():
    jfn = thunder.jit(lambda x: x + 1)
    jfn(torch.ones(2))
    jfn(torch.ones(3, dtype=torch.float64))
    torch_text = thunder.last_traces(jfn)[0].text
    assert "tensor<3xf64>" in torch_text and "tensor<2xf32>" not in torch_text
    jfn(torch.ones(2))  # a cache hit is the last call too
    assert "tensor<2xf32>" in thunder.last_traces(jfn)[0].text


# --- errors -------------------------------------------------------------------


def _data_dependent(x):
    if x.sum() > 0:  # data-dependent: the line the error must name
        return x + 1
    return x - 1


def test_data_dependent_control_flow_raises_capture_error_naming_the_line():
    line = _data_dependent.__code__.co_firstlineno + 1
    with pytest.raises(thunder.CaptureError) as info:
        thunder.jit(_data_dependent)(torch.ones(3))
    message = str(info.value)
    assert __file__ in message
    assert f"{__file__}:{line}" in message, message


def _mixed_matmul(a, b):
    return a @ b  # the line the error must name


def test_an_invalid_program_raises_like_eager_naming_the_line():
    """Mismatched matmul dtypes: eager raises RuntimeError; thunder's
    CompilationError is one, with the rule's message at the user's line."""
    a, b = torch.randn(2, 3), torch.randn(3, 4, dtype=torch.float64)
    with pytest.raises(RuntimeError):
        _mixed_matmul(a, b)
    with pytest.raises(thunder.CompilationError) as info:
        thunder.jit(_mixed_matmul)(a, b)
    message = str(info.value)
    assert isinstance(info.value, RuntimeError)
    assert "'matmul' expects operands of the same dtype, got float32 and float64" in message
    assert f'"{__file__}":{_mixed_matmul.__code__.co_firstlineno + 1}' in message, message


def test_torch_fallback_ops_run_on_one_torch_thread_and_restore_it():
    """Inside a plan, torch executor ops run on one torch thread (see
    OneTorchThread in pybridge/src/lib.rs); torch's setting is back after the
    call, also when the call raises."""
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    seen = []

    def spy(x):
        seen.append(torch.get_num_threads())
        return torch.tril(x)

    ex = thunder.extend.OperatorExecutor("thread_spy")
    ex.register_implementation(torch.ops.aten.tril.default, spy)
    try:
        jfn = thunder.jit(lambda x: torch.tril(x) * 2, executors=["thread_spy", "thunder_cpu"])
        x = torch.randn(8, 8)
        torch.testing.assert_close(jfn(x), torch.tril(x) * 2)
        assert seen == [1] and torch.get_num_threads() == 2
        ex.register_implementation(torch.ops.aten.tril.default, lambda x: 1 / 0)
        jfail = thunder.jit(lambda x: torch.tril(x) * 3, executors=["thread_spy", "thunder_cpu"])
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            jfail(x)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


def test_lstm_runs_through_the_torch_fallback():
    lstm = nn.LSTM(4, 8, num_layers=2, batch_first=True)
    x = torch.randn(2, 5, 4)
    with torch.no_grad():
        out, (h, c) = thunder.jit(lstm)(x)
        want, (h_want, c_want) = lstm(x)
    torch.testing.assert_close(out, want)
    torch.testing.assert_close(h, h_want)
    torch.testing.assert_close(c, c_want)


def test_tensor_to_python_value_raises_capture_error():
    with pytest.raises(thunder.CaptureError):
        thunder.jit(lambda x: x * x.max().item())(torch.ones(3))


def _cumsum(x):
    return torch.cumsum(x, 0)


def test_unsupported_operation_without_fallback_names_the_op():
    with open(thunder._translate.__file__) as source:
        assert "cumsum" not in source.read()  # thunder has no rule of its own for it
    jfn = thunder.jit(_cumsum, executors=["thunder_cpu"])
    with pytest.raises(thunder.UnsupportedOperation) as info:
        jfn(torch.ones(4))
    assert "cumsum" in str(info.value)
    assert __file__ in str(info.value)  # and the user's line


def test_unsupported_operation_runs_through_the_torch_fallback():
    jfn = thunder.jit(lambda x, w: F.conv2d(torch.cumsum(x, -1) * 2, w).relu() + 1)
    x, w = torch.randn(1, 2, 5, 5), torch.randn(3, 2, 3, 3)
    torch.testing.assert_close(jfn(x, w), F.conv2d(torch.cumsum(x, -1) * 2, w).relu() + 1)
    torch_text = thunder.last_traces(jfn)[0].text
    assert "thunder_torch.opaque" in torch_text and "cumsum" in torch_text and "convolution" in torch_text


def _mutates_input(x):
    x.add_(1)
    return x * 2


def _mutates_input_by_indexing(x):
    x[0] = 5
    return x


def _mutates_intermediate(x):
    y = x * 2
    y.add_(1)
    y[0] = -1
    return y


@pytest.mark.parametrize("fn", [_mutates_input, _mutates_input_by_indexing], ids=["add_", "setitem"])
def test_mutating_an_input_raises_capture_error(fn):
    x = torch.ones(3)
    with pytest.raises(thunder.CaptureError, match="mutat") as info:
        thunder.jit(fn)(x)
    assert __file__ in str(info.value)  # the line of the mutation
    assert torch.equal(x, torch.ones(3)), "the failed call must not have changed the input"


def test_mutating_an_intermediate_is_fine():
    x = torch.arange(3.0)
    torch.testing.assert_close(thunder.jit(_mutates_intermediate)(x), _mutates_intermediate(x.clone()))


def test_bad_arguments_to_jit():
    with pytest.raises(TypeError):
        thunder.jit(3)
    with pytest.raises(ValueError, match="executor"):
        thunder.jit(lambda x: x, executors=["no_such_executor"])
    with pytest.raises(TypeError):
        thunder.cache_hits(lambda x: x)
