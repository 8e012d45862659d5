"""CPU benchmark: thunder.jit against eager PyTorch in the same process.

Eager and thunder run in the same process, in alternating blocks of
`--repeat` calls (three rounds each), with a pause between blocks: both torch
and thunder's kernels use OpenMP thread pools whose idle threads spin for a
while after each parallel region, so timing them call by call interleaved
would measure each one fighting the other's spinning threads. Each row
reports the median over all timed calls, and the first call's wall time
(capture + compilation) for thunder.

    .venv/bin/python bench/cpu_bench.py [--repeat 30] [--only NAME]
"""

import argparse
import statistics
import time

import thunder
import torch
import torch.nn.functional as F


def nanogpt_gelu(x):
    return 0.5 * x * (1.0 + torch.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))


def ew_gelu_affine(x, w, b):
    return F.gelu(x * w + b)


def softmax(x):
    return torch.softmax(x, -1)


def layernorm(x, w, b):
    return F.layer_norm(x, (x.shape[-1],), w, b, 1e-5)


def rmsnorm_bf16(x, w):
    xf = x.float()
    return (xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + 1e-6) * w.float()).to(torch.bfloat16)


def row_sumsq(x):
    return (x * x).sum(dim=-1)


def col_sumsq(x):
    return (x * x).sum(dim=0)


def tiny_add(a, b):
    return a + b


def workloads():
    g = torch.Generator().manual_seed(0)
    r = lambda *s, dtype=torch.float32: torch.randn(*s, generator=g).to(dtype)
    m, n = 1024, 4096
    return [
        ("nanogpt_gelu_f32 [1024,4096]", nanogpt_gelu, (r(m, n),)),
        ("ew_gelu_affine_f32 [1024,4096]", ew_gelu_affine, (r(m, n), r(n), r(n))),
        ("softmax_f32 [1024,4096]", softmax, (r(m, n),)),
        ("layernorm_f32 [1024,4096]", layernorm, (r(m, n), r(n), r(n))),
        ("rmsnorm_bf16 [1024,4096]", rmsnorm_bf16, (r(m, n, dtype=torch.bfloat16), r(n, dtype=torch.bfloat16))),
        ("row_sumsq_f32 [2048,2048]", row_sumsq, (r(2048, 2048),)),
        ("col_sumsq_f32 [2048,2048]", col_sumsq, (r(2048, 2048),)),
    ]


def time_call(fn, args):
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def alternating_medians(fn, jfn, args, repeat):
    """Median seconds per call of `fn` and `jfn`: three rounds of a block of
    `repeat` calls each, a pause before every block (see the module doc)."""
    eager, thun = [], []
    for _ in range(3):
        for times, f in ((eager, fn), (thun, jfn)):
            time.sleep(0.3)
            f(*args)
            times.extend(time_call(f, args) for _ in range(repeat))
    return statistics.median(eager), statistics.median(thun)


def bench(name, fn, args, repeat):
    jfn = thunder.jit(fn)
    t0 = time.perf_counter()
    out = jfn(*args)
    first = time.perf_counter() - t0
    expected = fn(*args)
    torch.testing.assert_close(out, expected, atol=2e-2 if out.dtype == torch.bfloat16 else 1e-4, rtol=1e-2)
    for _ in range(3):
        fn(*args)
        jfn(*args)
    e, t = alternating_medians(fn, jfn, args, repeat)
    print(f"| {name} | {e * 1e3:.2f} ms | {t * 1e3:.2f} ms | {e / t:.2f}x | {first:.2f} s |", flush=True)


def overhead(calls):
    a, b = torch.randn(4), torch.randn(4)
    jadd = thunder.jit(tiny_add)
    jadd(a, b)
    rows = {}
    for label, fn in (("eager", tiny_add), ("thunder", jadd)):
        for _ in range(200):
            fn(a, b)
        t = time.perf_counter()
        for _ in range(calls):
            fn(a, b)
        rows[label] = (time.perf_counter() - t) / calls * 1e6
    print(f"| host overhead per call, a + b on 4 elements | {rows['eager']:.1f} us | {rows['thunder']:.1f} us | | |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", default=None)
    args = parser.parse_args()
    torch.set_grad_enabled(False)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print("| workload | eager | thunder | speedup | thunder first call |")
    print("|---|---|---|---|---|")
    for name, fn, inputs in workloads():
        if args.only and args.only not in name:
            continue
        bench(name, fn, inputs, args.repeat)
    if not args.only or "overhead" in args.only:
        overhead(5000)


if __name__ == "__main__":
    main()
