"""Training-step CPU benchmark: one forward and backward (the gradients of
every parameter and input that requires grad) under thunder.jit against eager
PyTorch, in the same process (alternating blocks with pauses, medians: see
`cpu_bench.alternating_medians`), with what each keeps for its backward and
the step's peak memory.

- saved: the bytes of the distinct tensors autograd holds for the backward
  (counted by `torch.autograd.graph.saved_tensors_hooks`, which sees eager's
  saved tensors and thunder's `save_for_backward` alike; parameters and
  inputs count too, as both keep them);
- peak: the rise of the process's resident set (VmHWM, reset through
  /proc/self/clear_refs) over one step, measured in a fresh process per
  implementation (big buffers mmapped and returned when freed, so the
  resident set follows what is live).

    .venv/bin/python bench/cpu_training.py [--repeat 10] [--only NAME]
"""

import argparse
import os
import subprocess
import sys

import thunder
import torch
import torch.nn.functional as F
from cpu_bench import alternating_medians
from torch import nn


class MLP(nn.Module):
    def __init__(self, width, hidden, dtype):
        super().__init__()
        self.fc1 = nn.Linear(width, hidden, dtype=dtype)
        self.fc2 = nn.Linear(hidden, width, dtype=dtype)

    def forward(self, x):
        y = self.fc2(F.gelu(self.fc1(x)))
        return y.float().pow(2).mean()


class Block(nn.Module):
    """A pre-LN GPT-2 block: causal attention (SDPA), MLP with tanh GELU."""

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
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.proj(y.transpose(1, 2).reshape(b, t, c))
        return x + self.out(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class BlockLoss(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.block = Block(width, heads)

    def forward(self, x):
        return self.block(x).float().pow(2).mean()


class GPT(nn.Module):
    def __init__(self, vocab, width, heads, layers, block):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(vocab, width), nn.Embedding(block, width)
        self.blocks = nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.ln = nn.LayerNorm(width)
        self.head = nn.Linear(width, vocab, bias=False)
        self.head.weight = self.wte.weight

    def forward(self, idx, targets):
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1]))
        for blk in self.blocks:
            x = blk(x)
        logits = self.head(self.ln(x))
        return F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1))


def workloads():
    g = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    idx = torch.randint(0, 1024, (8, 128), generator=g)
    return {
        "mlp_f32 [256,1024] -> 4096": (lambda: MLP(1024, 4096, torch.float32),
                                       lambda: (torch.randn(256, 1024, generator=g).requires_grad_(),)),
        "mlp_bf16 [256,1024] -> 4096": (lambda: MLP(1024, 4096, torch.bfloat16),
                                        lambda: (torch.randn(256, 1024, generator=g).bfloat16().requires_grad_(),)),
        "gpt_block_f32 [2,256,512], 8 heads": (lambda: BlockLoss(512, 8),
                                              lambda: (torch.randn(2, 256, 512, generator=g).requires_grad_(),)),
        "gpt_f32 4 layers, 256 wide, [8,128] tokens": (lambda: GPT(1024, 256, 4, 4, 128),
                                                        lambda: (idx, torch.roll(idx, -1, 1))),
    }


def step(model, args):
    """One training step's work: the loss and the gradients of every
    parameter and input that requires grad."""
    wrt = list(model.parameters()) + [a for a in args if a.requires_grad]
    loss = model(*args)
    return torch.autograd.grad(loss, wrt)


def saved_bytes(model, args):
    seen = {}

    def pack(t):
        seen[(t.untyped_storage().data_ptr(), t.dtype, tuple(t.shape))] = t.numel() * t.element_size()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        loss = model(*args)
    del loss
    return sum(seen.values())


def peak_rise(name, impl):
    """Runs one step of `name` under `impl` in a fresh process; the rise of
    its peak resident set over the step, in bytes."""
    code = (
        "import sys; sys.path.insert(0, 'bench');"
        "import cpu_training as b, thunder, torch;"
        f"make, inputs = b.workloads()[{name!r}]; model = make(); args = inputs();"
        f"m = thunder.jit(model) if {impl == 'thunder'} else model;"
        "b.step(m, args); b.step(m, args);"
        "open('/proc/self/clear_refs', 'w').write('5');"
        "start = b.rss('VmRSS'); b.step(m, args); print(b.rss('VmHWM') - start)"
    )
    # Big buffers mmapped and returned at free, so the resident set follows
    # what is live (glibc would keep freed memory, hiding the peak).
    env = dict(os.environ, THUNDER_MALLOC="system", MALLOC_MMAP_THRESHOLD_="65536", MALLOC_TRIM_THRESHOLD_="0")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                         cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return int(out.stdout.strip().splitlines()[-1])


def rss(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise KeyError(field)


def mib(n):
    return f"{n / 2**20:.1f} MiB"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--only")
    args = parser.parse_args()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print("| workload | eager | thunder | speedup | saved eager | saved thunder | peak eager | peak thunder |")
    print("|---|---|---|---|---|---|---|---|")
    for name, (make, inputs) in workloads().items():
        if args.only and args.only not in name:
            continue
        model = make()
        inputs_ = inputs()
        jmodel = thunder.jit(model)
        want, got = step(model, inputs_), step(jmodel, inputs_)
        for w, g in zip(want, got):
            tol = 5e-2 if w.dtype == torch.bfloat16 else 2e-4
            torch.testing.assert_close(g, w, rtol=tol, atol=tol * max(1.0, w.abs().max().item()))
        e, t = alternating_medians(lambda *a, m=model: step(m, a), lambda *a, m=jmodel: step(m, a), inputs_,
                                   args.repeat)
        saved_e, saved_t = saved_bytes(model, inputs_), saved_bytes(jmodel, inputs_)
        peak_e, peak_t = peak_rise(name, "eager"), peak_rise(name, "thunder")
        print(f"| {name} | {e * 1e3:.2f} ms | {t * 1e3:.2f} ms | {e / t:.2f}x | {mib(saved_e)} | {mib(saved_t)} | "
              f"{mib(peak_e)} | {mib(peak_t)} |", flush=True)



if __name__ == "__main__":
    main()
