//! `thunder-math-exp-to-ldexp`: f32 `math.exp` becomes Cody-Waite range
//! reduction, a degree-7 polynomial, and `llvm.intr.ldexp` for the 2^k
//! factor. On AVX-512 hosts LLVM emits that ldexp as one `vscalefps`, which
//! also handles overflow to inf and gradual underflow to subnormals, so the
//! kernel needs no exponent clamps or bit tricks: 17 vector instructions per
//! 16 lanes instead of upstream's 22, and exp is what bounds softmax, sigmoid
//! and silu kernels. Elsewhere vector ldexp is a libm call per lane, so for
//! those targets (see `host`) the pass leaves `math.exp` to
//! `thunder-math-approximation`.
//!
//! Accuracy: inputs are clamped to [-104, 104] (exp is 0 or inf beyond), then
//! x = k ln2 + r with |r| <= ln2/2, ln2 split in two so `x - k ln2` is exact,
//! and exp(r) = 1 + r + r^2 p(r) with p's minimax coefficients: within 1 ulp
//! of the correctly rounded result over the range, NaN stays NaN.

use crate::ir::{self, Builder, Elem, Op, Value};
use crate::passes::codegen::scalar;

crate::pass::define_module_pass!(
    create_math_exp_to_ldexp_pass,
    "thunder-math-exp-to-ldexp",
    "Expand f32 math.exp with an ldexp that AVX-512 hosts execute as vscalefps",
    run,
    [
        melior::dialect::DialectHandle::arith(),
        unsafe {
            melior::dialect::DialectHandle::from_raw(mlir_sys::mlirGetDialectHandle__math__())
        },
        melior::dialect::DialectHandle::llvm()
    ]
);

const F32: Elem = Elem::Float(32, false);
/// ln 2 in two parts: the high part has trailing zero bits, so k * LN2_HI
/// is exact for every |k| <= 150.
const LN2_HI: f64 = 0.693_145_751_953_125;
const LN2_LO: f64 = 1.428_606_765_330_187e-6;
/// p(r), lowest degree first.
const POLY: [f64; 6] = [
    0.5,
    1.666_666_716_337_204e-1,
    4.166_648_536_920_547_5e-2,
    8.333_360_776_305_199e-3,
    1.393_043_552_525_341_5e-3,
    1.985_276_176_128_536_5e-4,
];
const LIMIT: f64 = 104.0;

fn run(module: Op) -> Result<(), ()> {
    if !crate::host::has_avx512(module) {
        return Ok(());
    }
    scalar::expand_f32_math(module, "math.exp", expand);
    Ok(())
}

fn expand(b: &Builder, x: Value) -> Value {
    let f32t = ir::f32_type(b.ctx);
    let c = |v: f64| scalar::constant(b, F32, v);
    let fma = |a: Value, m: Value, add: Value| b.value("math.fma", &[a, m, add], f32t, &[]);
    let x = scalar::clamp_keeping_nan(b, x, -LIMIT, LIMIT, F32);
    let scaled = b.value("arith.mulf", &[x, c(std::f64::consts::LOG2_E)], f32t, &[]);
    let k = b.value("math.roundeven", &[scaled], f32t, &[]);
    // NaN's k would make `fptosi` poison (which constant folding may turn
    // into any value): the compare is false for NaN, so k becomes a finite
    // bound below every real k, and r (from x) still carries the NaN.
    let floor = c(-151.0);
    let above_floor = scalar::cmp(b, true, 2, k, floor); // ogt
    let k = scalar::select(b, above_floor, k, floor);
    let r = fma(k, c(-LN2_HI), x);
    let r = fma(k, c(-LN2_LO), r);
    let p = scalar::horner(b, r, &POLY, F32);
    let r2 = b.value("arith.mulf", &[r, r], f32t, &[]);
    let e = b.value("arith.addf", &[fma(r2, p, r), c(1.0)], f32t, &[]);
    let k = b.value("arith.fptosi", &[k], ir::int_type(b.ctx, 32), &[]);
    b.value("llvm.intr.ldexp", &[e, k], f32t, &[])
}
