"""Model-level CPU benchmark: thunder.jit against eager PyTorch on layers
that mix executors (GEMMs through `blas`, generated kernels, the torch
fallback for tril/masked_fill/split). Informational: bench/cpu_bench.py holds
the kernel-level rows with targets. Same method: one process, alternating
blocks with pauses, medians (`cpu_bench.alternating_medians`).

    .venv/bin/python bench/cpu_models.py [--repeat 20]
"""

import argparse
import math

import thunder
import torch
import torch.nn.functional as F
from cpu_bench import alternating_medians
from torch import nn


class Block(nn.Module):
    """A GPT-2 style transformer block (pre-norm attention and MLP)."""

    def __init__(self, width, heads):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.qkv, self.proj = nn.Linear(width, 3 * width), nn.Linear(width, width)
        self.fc, self.out = nn.Linear(width, 4 * width), nn.Linear(4 * width, width)
        self.heads = heads

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(c, dim=2)
        q, k, v = (z.view(b, t, self.heads, c // self.heads).transpose(1, 2) for z in (q, k, v))
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        att = att.masked_fill(~torch.tril(torch.ones(t, t, dtype=torch.bool)), float("-inf"))
        y = (F.softmax(att, dim=-1) @ v).transpose(1, 2).contiguous().view(b, t, c)
        x = x + self.proj(y)
        return x + self.out(F.gelu(self.fc(self.ln2(x))))


def workloads():
    g = torch.Generator().manual_seed(0)
    r = lambda *s: torch.randn(*s, generator=g)
    torch.manual_seed(0)
    return [
        ("linear_f32 [1024,512] -> 1536", nn.Linear(512, 1536), (r(1024, 512),)),
        ("mlp_f32 [1024,512] (linear, gelu, linear)", nn.Sequential(nn.Linear(512, 2048), nn.GELU(), nn.Linear(2048, 512)), (r(1024, 512),)),
        ("gpt_block_f32 [4,256,512], 8 heads", Block(512, 8), (r(4, 256, 512),)),
        ("gpt_block_f32 [1,64,128], 4 heads", Block(128, 4), (r(1, 64, 128),)),
    ]


def bench(name, model, args, repeat):
    model.eval()
    jmodel = thunder.jit(model)
    torch.testing.assert_close(jmodel(*args), model(*args), atol=1e-4, rtol=1e-4)
    e, t = alternating_medians(model, jmodel, args, repeat)
    print(f"| {name} | {e * 1e3:.2f} ms | {t * 1e3:.2f} ms | {e / t:.2f}x |", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    torch.set_grad_enabled(False)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print("| workload | eager | thunder | speedup |")
    print("|---|---|---|---|")
    for name, model, inputs in workloads():
        bench(name, model, inputs, args.repeat)


if __name__ == "__main__":
    main()
