"""Fits the rational approximation `thunder-math-erf-to-rational` uses:
erf(x) / x = P(x^2) / Q(x^2) on 0 < x <= 4, P and Q of degree 5, Q(0) = 1,
minimising the relative error (Sanathanan-Koerner iterations, then Lawson
reweighting towards minimax). Prints the coefficients, lowest degree first,
rounded to f32, and the worst error of an f32 evaluation against math.erf.

    .venv/bin/python scripts/fit_erf_rational.py
"""

import math

import numpy as np

DEGREES = (5, 5)
LIMIT = 4.0


def fit(dp, dq, t, f, sk_iterations=30, lawson_iterations=60):
    q_prev = np.ones_like(t)
    weights = np.ones_like(t)
    for it in range(sk_iterations + lawson_iterations):
        # P(t) - f (Q(t) - 1) = f, linear in the coefficients (q0 = 1).
        a = np.hstack(
            [np.vander(t, dp + 1, increasing=True), -(f[:, None] * np.vander(t, dq + 1, increasing=True)[:, 1:])]
        )
        scale = np.sqrt(weights) / (q_prev * f)
        c, *_ = np.linalg.lstsq(a * scale[:, None], f * scale, rcond=None)
        p, q = c[: dp + 1], np.concatenate([[1.0], c[dp + 1 :]])
        q_prev = np.polyval(q[::-1], t)
        err = (np.polyval(p[::-1], t) / q_prev - f) / f
        if it >= sk_iterations:
            weights = weights * np.abs(err)
            weights /= weights.sum()
    return p, q


def f32_erf(x, p, q):
    x = np.clip(x, np.float32(-LIMIT), np.float32(LIMIT))
    t = x * x

    def horner(coefficients):
        acc = np.full_like(t, coefficients[-1])
        for c in coefficients[-2::-1]:
            acc = (acc.astype(np.float64) * t + np.float64(c)).astype(np.float32)  # one rounding, as fma
        return acc

    return np.clip(x * (horner(p) / horner(q)), np.float32(-1), np.float32(1))


def main():
    x = np.linspace(1e-6, LIMIT, 40001)
    t = x * x
    f = np.array([math.erf(v) / v for v in x])
    p, q = fit(*DEGREES, t, f)
    p32, q32 = np.float32(p), np.float32(q)
    print("P:", ", ".join(repr(float(v)) for v in p32))
    print("Q:", ", ".join(repr(float(v)) for v in q32))
    xs = np.linspace(0, 4.5, 1000001).astype(np.float32)
    ref = np.array([math.erf(float(v)) for v in xs])
    ulps = np.abs(f32_erf(xs, p32, q32).astype(np.float64) - ref) / np.spacing(np.abs(ref).astype(np.float32))
    print(f"f32 evaluation: max {ulps.max():.2f} ulp at x = {xs[np.argmax(ulps)]}, mean {ulps.mean():.2f} ulp")


if __name__ == "__main__":
    main()
