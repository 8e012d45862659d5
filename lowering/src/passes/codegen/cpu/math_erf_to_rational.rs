//! `thunder-math-erf-to-rational`: f32 `math.erf` becomes
//! `x * P(x^2) / Q(x^2)` on x clamped to [-4, 4], P and Q of degree 5, the
//! result clamped to [-1, 1], and exactly +-1 from |x| = 3.92 on, where the
//! correctly rounded f32 erf is +-1 (the fit is 6e-8 short of it at 4, which
//! `gelu(-1e4)` multiplied into -3 instead of -0). Sixteen vector instructions (ten fma, one
//! division) where upstream's piecewise approximation needs 43 (a rational
//! function per interval, its coefficients chosen by 16 blends), and erf is
//! what bounds an erf-GELU kernel. Within 6 ulp of the correctly rounded
//! result (upstream's: 5), NaN stays NaN, erf(+-inf) = +-1.
//! `scripts/fit_erf_rational.py` derives the coefficients.

use crate::ir::{self, Builder, Elem, Op, Value};
use crate::passes::codegen::scalar;

crate::pass::define_module_pass!(
    create_math_erf_to_rational_pass,
    "thunder-math-erf-to-rational",
    "Expand f32 math.erf as one rational function, without per-interval selects",
    run,
    [melior::dialect::DialectHandle::arith(), unsafe {
        melior::dialect::DialectHandle::from_raw(mlir_sys::mlirGetDialectHandle__math__())
    }]
);

const F32: Elem = Elem::Float(32, false);
/// Lowest degree first.
const P: [f64; 6] = [
    1.128_379_106_521_606_4,
    0.193_537_548_184_394_84,
    0.053_100_872_784_852_98,
    0.003_883_058_903_738_856_3,
    0.000_284_565_932_815_894_5,
    1.986_921_915_886_341_6e-6,
];
const Q: [f64; 6] = [
    1.0,
    0.504_850_745_201_110_8,
    0.115_347_005_426_883_7,
    0.015_206_670_388_579_369,
    0.001_185_514_382_086_694_2,
    3.742_162_880_371_325e-5,
];
const LIMIT: f64 = 4.0;
/// The smallest f32 whose erf rounds to 1 (erfc(3.92) < 2^-25).
const SATURATED: f64 = 3.92;

fn run(module: Op) -> Result<(), ()> {
    scalar::expand_f32_math(module, "math.erf", expand);
    Ok(())
}

fn expand(b: &Builder, x: Value) -> Value {
    let f32t = ir::f32_type(b.ctx);
    let x = scalar::clamp_keeping_nan(b, x, -LIMIT, LIMIT, F32);
    let t = b.value("arith.mulf", &[x, x], f32t, &[]);
    let p = scalar::horner(b, t, &P, F32);
    let q = scalar::horner(b, t, &Q, F32);
    let ratio = b.value("arith.divf", &[p, q], f32t, &[]);
    let erf = b.value("arith.mulf", &[x, ratio], f32t, &[]);
    let erf = scalar::clamp_keeping_nan(b, erf, -1.0, 1.0, F32);
    let magnitude = b.value("math.absf", &[x], f32t, &[]);
    let saturated = scalar::cmp(b, true, 3, magnitude, scalar::constant(b, F32, SATURATED)); // oge
    let one = scalar::constant(b, F32, 1.0);
    let sign = b.value("math.copysign", &[one, x], f32t, &[]);
    scalar::select(b, saturated, sign, erf)
}
