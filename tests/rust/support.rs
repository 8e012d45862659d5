//! Shared helpers for the integration tests: compile a torch- or prims-level
//! function with the CPU pipeline, run it, and compare with a reference.

use thunder_lowering::jit::{self, DType, Engine, HostTensor};

/// Lowers `source` with `thunder-cpu-pipeline`, JIT-compiles it and calls `func`.
pub fn run_cpu(
    source: &str,
    func: &str,
    inputs: &[&HostTensor],
    results: &[(DType, Vec<i64>)],
) -> Vec<HostTensor> {
    let context = thunder_dialects::create_context();
    let module =
        jit::compile(&context, source, "thunder-cpu-pipeline").unwrap_or_else(|e| panic!("{e}"));
    let engine = Engine::new(&module, 2).unwrap_or_else(|e| panic!("{e}"));
    engine
        .call(func, inputs, results)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Deterministic inputs in [lo, hi): a 64-bit LCG, so failures reproduce.
pub fn pseudo_random(n: usize, seed: u64, lo: f64, hi: f64) -> Vec<f64> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let unit = (state >> 11) as f64 / (1u64 << 53) as f64;
            lo + (hi - lo) * unit
        })
        .collect()
}

/// Asserts |got - want| <= atol + rtol * |want| elementwise (NaN equals NaN).
pub fn assert_close(got: &[f64], want: &[f64], atol: f64, rtol: f64) {
    assert_eq!(got.len(), want.len(), "element counts differ");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let ok = (g.is_nan() && w.is_nan()) || g == w || (g - w).abs() <= atol + rtol * w.abs();
        assert!(
            ok,
            "element {i}: got {g}, want {w} (atol {atol}, rtol {rtol})"
        );
    }
}
