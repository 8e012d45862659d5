"""A jitted function may be called from any thread."""

from concurrent.futures import ThreadPoolExecutor

import thunder
import torch


def test_calls_from_several_threads_agree_with_eager():
    def fn(x, w):
        return torch.softmax(x @ w, -1) + x.sum()

    jfn = thunder.jit(fn)
    inputs = [(torch.randn(8, 16), torch.randn(16, 4)) for _ in range(16)]
    jfn(*inputs[0])  # compiled on this thread
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda a: jfn(*a), inputs))
    for args, got in zip(inputs, results):
        torch.testing.assert_close(got, fn(*args))
    assert thunder.cache_misses(jfn) == 1
