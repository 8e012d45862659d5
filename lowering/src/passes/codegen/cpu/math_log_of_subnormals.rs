//! `thunder-math-log-of-subnormals`: f32 `math.log` and `math.log2` of a
//! subnormal input scale it by 2^24 into the normal range first and subtract
//! 24 ln 2 (or 24) after. Upstream's polynomial log (`thunder-math-approximation`)
//! raises its argument to the smallest normal number, so `log(1e-45)` came
//! out -87.3 instead of -103.3. Two selects around the log; the loop still
//! vectorises.

use crate::ir::{self, Builder, Elem, Op, Value};
use crate::passes::codegen::scalar;

crate::pass::define_module_pass!(
    create_math_log_of_subnormals_pass,
    "thunder-math-log-of-subnormals",
    "Scale subnormal arguments of f32 log and log2 into the normal range, and correct the result",
    run,
    [melior::dialect::DialectHandle::arith(), unsafe {
        melior::dialect::DialectHandle::from_raw(mlir_sys::mlirGetDialectHandle__math__())
    }]
);

const F32: Elem = Elem::Float(32, false);
/// The smallest normal f32, 2^-126.
const MIN_NORMAL: f64 = 1.175_494_350_822_287_5e-38;
const SCALE_LOG2: f64 = 24.0;

fn run(module: Op) -> Result<(), ()> {
    scalar::expand_f32_math(module, "math.log", |b, x| {
        rescaled(b, x, "math.log", SCALE_LOG2 * std::f64::consts::LN_2)
    });
    scalar::expand_f32_math(module, "math.log2", |b, x| {
        rescaled(b, x, "math.log2", SCALE_LOG2)
    });
    Ok(())
}

/// `log(x)` as `log(x * 2^24) - correction` where `x` is below the smallest
/// normal (zero and negative numbers too: their results, -inf and NaN, are
/// unchanged by the scaling); NaN compares false and passes through.
fn rescaled(b: &Builder, x: Value, log: &str, correction: f64) -> Value {
    let f32t = ir::f32_type(b.ctx);
    let tiny = scalar::cmp(b, true, 4, x, scalar::constant(b, F32, MIN_NORMAL)); // olt
    let scaled = b.value(
        "arith.mulf",
        &[x, scalar::constant(b, F32, SCALE_LOG2.exp2())],
        f32t,
        &[],
    );
    let argument = scalar::select(b, tiny, scaled, x);
    let value = b.value(log, &[argument], f32t, &[]);
    let corrected = b.value(
        "arith.subf",
        &[value, scalar::constant(b, F32, correction)],
        f32t,
        &[],
    );
    scalar::select(b, tiny, corrected, value)
}
