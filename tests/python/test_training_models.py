"""Whole models train under thunder.jit as in eager: a GPT-2-style model
(token and position embeddings, layer_norm, causal attention written out with
masked_fill/triu and through scaled_dot_product_attention, a GELU MLP, a tied
or untied head, cross-entropy) and a Llama-style block (RMSNorm, RoPE,
SwiGLU), several AdamW steps each, losses and parameters within float32
tolerance of eager's."""

import math

import pytest
import thunder
import torch
import torch.nn.functional as F
from torch import nn


class Attention(nn.Module):
    def __init__(self, dim, heads, block, sdpa):
        super().__init__()
        self.heads, self.sdpa = heads, sdpa
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        self.register_buffer("mask", torch.ones(block, block).triu(1).bool(), persistent=False)

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        q, k, v = (z.view(b, t, self.heads, c // self.heads).transpose(1, 2) for z in (q, k, v))
        if self.sdpa:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:
            att = (q @ k.transpose(-2, -1)) / math.sqrt(k.shape[-1])
            att = att.masked_fill(self.mask[:t, :t], float("-inf"))
            y = torch.softmax(att, dim=-1) @ v
        return self.proj(y.transpose(1, 2).reshape(b, t, c))


class Block(nn.Module):
    def __init__(self, dim, heads, block, sdpa):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.attn = Attention(dim, heads, block, sdpa)
        self.fc, self.out = nn.Linear(dim, 4 * dim), nn.Linear(4 * dim, dim)

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.out(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class GPT(nn.Module):
    def __init__(self, vocab=50, dim=32, heads=4, layers=2, block=16, sdpa=False, tied=True):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(vocab, dim), nn.Embedding(block, dim)
        self.blocks = nn.ModuleList(Block(dim, heads, block, sdpa) for _ in range(layers))
        self.ln = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, vocab, bias=False)
        if tied:
            self.head.weight = self.wte.weight

    def forward(self, idx, targets):
        t = idx.shape[1]
        x = self.wte(idx) + self.wpe(torch.arange(t))
        for blk in self.blocks:
            x = blk(x)
        logits = self.head(self.ln(x))
        return F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1))


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-6):
        super().__init__()
        self.eps, self.weight = eps, nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope(x, cos, sin):
    half = x.shape[-1] // 2
    rotated = torch.cat((-x[..., half:], x[..., :half]), dim=-1)
    return x * cos + rotated * sin


class LlamaBlock(nn.Module):
    def __init__(self, dim=32, heads=4, hidden=64, block=16):
        super().__init__()
        self.heads = heads
        self.norm1, self.norm2 = RMSNorm(dim), RMSNorm(dim)
        self.wq, self.wk, self.wv, self.wo = (nn.Linear(dim, dim, bias=False) for _ in range(4))
        self.w1, self.w3 = nn.Linear(dim, hidden, bias=False), nn.Linear(dim, hidden, bias=False)
        self.w2 = nn.Linear(hidden, dim, bias=False)
        head = dim // heads
        freqs = 1.0 / (10000 ** (torch.arange(0, head, 2).float() / head))
        angles = torch.outer(torch.arange(block).float(), freqs)
        angles = torch.cat((angles, angles), dim=-1)
        self.register_buffer("cos", angles.cos(), persistent=False)
        self.register_buffer("sin", angles.sin(), persistent=False)

    def forward(self, x):
        b, t, c = x.shape
        h = self.norm1(x)
        q, k, v = (w(h).view(b, t, self.heads, c // self.heads).transpose(1, 2) for w in (self.wq, self.wk, self.wv))
        cos, sin = self.cos[:t], self.sin[:t]
        q, k = rope(q, cos, sin), rope(k, cos, sin)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.wo(a.transpose(1, 2).reshape(b, t, c))
        h = self.norm2(x)
        return x + self.w2(F.silu(self.w1(h)) * self.w3(h))


def _train(model, reference, batches, steps=3, lr=3e-3):
    jmodel = thunder.jit(model)
    # Attention's key bias has a gradient of exactly zero in exact arithmetic
    # (softmax ignores a shift shared by every key), so both runs see rounding
    # noise there; with AdamW's default eps (1e-8) that noise becomes a full
    # +-lr step in either direction. eps=1e-6 keeps such steps at the noise's size.
    opt = torch.optim.AdamW(model.parameters(), lr=lr, eps=1e-6)
    ref_opt = torch.optim.AdamW(reference.parameters(), lr=lr, eps=1e-6)
    for step in range(steps):
        args = batches(step)
        loss = jmodel(*args)
        ref_loss = reference(*args)
        torch.testing.assert_close(loss, ref_loss, rtol=2e-5, atol=2e-5, msg=lambda m, s=step: f"step {s} loss: {m}")
        opt.zero_grad()
        ref_opt.zero_grad()
        loss.backward()
        ref_loss.backward()
        for (name, p), q in zip(model.named_parameters(), reference.parameters()):
            torch.testing.assert_close(p.grad, q.grad, rtol=1e-4, atol=2e-5,
                                       msg=lambda m, n=name, s=step: f"step {s} grad of {n}: {m}")
        opt.step()
        ref_opt.step()
    # Parameters within 3% of one step of each other (see eps above).
    for (name, p), q in zip(model.named_parameters(), reference.parameters()):
        torch.testing.assert_close(p, q, rtol=1e-5, atol=lr * 0.03, msg=lambda m, n=name: f"{n}: {m}")
    assert thunder.cache_misses(jmodel) == 1
    return jmodel


@pytest.mark.parametrize("sdpa", [False, True], ids=["masked_fill", "sdpa"])
@pytest.mark.parametrize("tied", [True, False], ids=["tied", "untied"])
def test_gpt_trains_as_in_eager(sdpa, tied):
    torch.manual_seed(0)
    model = GPT(sdpa=sdpa, tied=tied)
    reference = GPT(sdpa=sdpa, tied=tied)
    reference.load_state_dict(model.state_dict())

    def batch(step):
        g = torch.Generator().manual_seed(step)
        idx = torch.randint(0, 50, (2, 16), generator=g)
        return idx, torch.roll(idx, -1, 1)

    _train(model, reference, batch)


def test_llama_block_trains_as_in_eager():
    torch.manual_seed(1)
    model, reference = LlamaBlock(), LlamaBlock()
    reference.load_state_dict(model.state_dict())

    class WithLoss(nn.Module):
        def __init__(self, block):
            super().__init__()
            self.block = block

        def forward(self, x, target):
            return F.mse_loss(self.block(x), target)

    def batch(step):
        g = torch.Generator().manual_seed(step)
        return torch.randn(2, 16, 32, generator=g), torch.randn(2, 16, 32, generator=g)

    _train(WithLoss(model), WithLoss(reference), batch)
