//! Scalar code inside linalg bodies: the per-element meaning of each prim,
//! element-type conversions, and the f32 detour for f16/bf16 arithmetic.

use crate::ir::{self, Builder, Elem, Type, Value};

/// Codegen element type: `ui8` is carried as `i8` (arith works on signless
/// integers); the signedness lives in the `Elem` the caller passes along.
/// Any other type, thunder dtype or not (`index`, a memref in a signature),
/// is its own codegen type.
pub fn codegen_elem(t: Type) -> Type {
    let unsigned =
        unsafe { mlir_sys::mlirTypeIsAInteger(t) && mlir_sys::mlirIntegerTypeIsUnsigned(t) };
    if !unsigned {
        return t;
    }
    let width = unsafe { mlir_sys::mlirIntegerTypeGetWidth(t) };
    ir::int_type(unsafe { mlir_sys::mlirTypeGetContext(t) }, width)
}

pub fn codegen_type(t: Type) -> Type {
    if ir::is_tensor(t) {
        ir::tensor_type(&ir::shape_of(t), codegen_elem(ir::elem_of(t)))
    } else {
        codegen_elem(t)
    }
}

/// MLIR type of an element kind.
pub fn mlir_elem(b: &Builder, e: Elem) -> Type {
    let ctx = b.ctx;
    unsafe {
        match e {
            Elem::Float(16, true) => mlir_sys::mlirBF16TypeGet(ctx),
            Elem::Float(16, false) => mlir_sys::mlirF16TypeGet(ctx),
            Elem::Float(32, _) => mlir_sys::mlirF32TypeGet(ctx),
            Elem::Float(_, _) => mlir_sys::mlirF64TypeGet(ctx),
            Elem::Signed(w) | Elem::Unsigned(w) => ir::int_type(ctx, w),
            Elem::Bool => ir::int_type(ctx, 1),
        }
    }
}

pub fn constant(b: &Builder, e: Elem, v: f64) -> Value {
    let t = mlir_elem(b, e);
    let attr = match e {
        Elem::Float(..) => ir::number_attr(t, v),
        Elem::Unsigned(w) if w < 64 => unsafe {
            mlir_sys::mlirIntegerAttrGet(t, (v as i64) & ((1i64 << w) - 1))
        },
        Elem::Bool => unsafe { mlir_sys::mlirIntegerAttrGet(t, i64::from(v != 0.0)) },
        _ => unsafe { mlir_sys::mlirIntegerAttrGet(t, v as i64) },
    };
    b.value("arith.constant", &[], t, &[("value", attr)])
}

pub fn int_constant(b: &Builder, e: Elem, v: i64) -> Value {
    let t = mlir_elem(b, e);
    let attr = unsafe { mlir_sys::mlirIntegerAttrGet(t, v) };
    b.value("arith.constant", &[], t, &[("value", attr)])
}

fn op(b: &Builder, name: &str, args: &[Value], t: Type) -> Value {
    b.value(name, args, t, &[])
}

pub(crate) fn cmp(b: &Builder, float: bool, predicate: i64, x: Value, y: Value) -> Value {
    let name = if float { "arith.cmpf" } else { "arith.cmpi" };
    let attr = ir::i64_attr(b.ctx, predicate);
    b.value(
        name,
        &[x, y],
        ir::int_type(b.ctx, 1),
        &[("predicate", attr)],
    )
}

pub fn select(b: &Builder, c: Value, x: Value, y: Value) -> Value {
    b.value("arith.select", &[c, x, y], ir::value_type(x), &[])
}

/// Replaces every f32 `name` op (a one-operand math function) in `module`
/// with what `expand` builds from its operand, in place.
pub fn expand_f32_math(module: ir::Op, name: &str, expand: fn(&Builder, Value) -> Value) {
    let f32t = ir::f32_type(ir::context_of(module));
    for op in ir::collect_ops(module, name) {
        if ir::op_name(op) != name || !ir::types_equal(ir::value_type(ir::result(op, 0)), f32t) {
            continue;
        }
        let value = expand(&Builder::before(op), ir::operand(op, 0));
        ir::replace_all_uses(ir::result(op, 0), value);
        ir::erase(op);
    }
}

/// `x` clamped to [lo, hi] by compare and select, so NaN (false for both
/// compares) stays NaN.
pub fn clamp_keeping_nan(b: &Builder, x: Value, lo: f64, hi: f64, e: Elem) -> Value {
    let (lo, hi) = (constant(b, e, lo), constant(b, e, hi));
    let below = cmp(b, true, 4, x, lo); // olt
    let x = select(b, below, lo, x);
    let above = cmp(b, true, 2, x, hi); // ogt
    select(b, above, hi, x)
}

/// The polynomial with these coefficients (lowest degree first) at `x`, by
/// Horner's rule in `math.fma`s.
pub fn horner(b: &Builder, x: Value, coefficients: &[f64], e: Elem) -> Value {
    let t = mlir_elem(b, e);
    let (last, rest) = coefficients
        .split_last()
        .expect("a polynomial has a coefficient");
    rest.iter().rev().fold(constant(b, e, *last), |acc, c| {
        b.value("math.fma", &[acc, x, constant(b, e, *c)], t, &[])
    })
}

/// Converts one element between thunder dtypes, as `convert_element_type`.
pub fn cast(b: &Builder, v: Value, from: Elem, to: Elem) -> Value {
    if from == to {
        return v;
    }
    let t = mlir_elem(b, to);
    match (from, to) {
        (Elem::Float(fw, fb), Elem::Float(tw, _)) => {
            if fw == tw {
                // f16 <-> bf16 through f32.
                let f = op(b, "arith.extf", &[v], ir::f32_type(b.ctx));
                let _ = fb;
                op(b, "arith.truncf", &[f], t)
            } else if fw < tw {
                op(b, "arith.extf", &[v], t)
            } else if fw == 64 && tw == 16 {
                // f64 -> f16/bf16 through f32, as PyTorch's `Half(float)` and
                // `BFloat16(float)` do (and there is no f64 -> bf16 libcall).
                let f = op(b, "arith.truncf", &[v], ir::f32_type(b.ctx));
                op(b, "arith.truncf", &[f], t)
            } else {
                op(b, "arith.truncf", &[v], t)
            }
        }
        (Elem::Float(..), Elem::Bool) => {
            let z = constant(b, from, 0.0);
            cmp(b, true, 13, v, z) // une: NaN is true, as bool(nan) in Python
        }
        (Elem::Float(..), Elem::Unsigned(_)) => {
            // Through i64, as PyTorch does: -1.0 becomes 255 (`fptoui` of a
            // negative value is poison).
            let wide = op(b, "arith.fptosi", &[v], ir::int_type(b.ctx, 64));
            op(b, "arith.trunci", &[wide], t)
        }
        (Elem::Float(..), Elem::Signed(_)) => op(b, "arith.fptosi", &[v], t),
        (Elem::Bool | Elem::Unsigned(_), Elem::Float(..)) => op(b, "arith.uitofp", &[v], t),
        (Elem::Signed(_), Elem::Float(..)) => op(b, "arith.sitofp", &[v], t),
        (_, Elem::Bool) => {
            let z = constant(b, from, 0.0);
            cmp(b, false, 1, v, z)
        }
        _ => {
            let (fw, tw) = (from.width(), to.width());
            if fw == tw {
                v
            } else if fw > tw {
                op(b, "arith.trunci", &[v], t)
            } else if matches!(from, Elem::Bool | Elem::Unsigned(_)) {
                op(b, "arith.extui", &[v], t)
            } else {
                op(b, "arith.extsi", &[v], t)
            }
        }
    }
}

/// The element kind arithmetic runs in: f16/bf16 compute in f32.
pub fn compute_elem(e: Elem) -> Elem {
    if e.is_half() {
        Elem::Float(32, false)
    } else {
        e
    }
}

/// Applies prim `name` to elements of kind `e` (compare prims give bool).
pub fn apply(b: &Builder, name: &str, args: &[Value], e: Elem) -> Result<Value, String> {
    let c = compute_elem(e);
    let args: Vec<Value> = if name == "where" {
        args.to_vec()
    } else {
        args.iter().map(|a| cast(b, *a, e, c)).collect()
    };
    let t = mlir_elem(b, c);
    let float = c.is_float();
    let signed = matches!(c, Elem::Signed(_));
    let x = args[0];
    let is_compare = matches!(name, "eq" | "ne" | "lt" | "le" | "gt" | "ge");
    let r = match name {
        "exp" | "exp2" | "expm1" | "log" | "log2" | "log10" | "log1p" | "sqrt" | "rsqrt"
        | "sin" | "cos" | "tan" | "tanh" | "asin" | "acos" | "atan" | "sinh" | "cosh" | "erf"
        | "floor" | "ceil" | "trunc" => op(b, &format!("math.{name}"), &[x], t),
        "round" => op(b, "math.roundeven", &[x], t),
        "reciprocal" => {
            let one = constant(b, c, 1.0);
            op(b, "arith.divf", &[one, x], t)
        }
        "sigmoid" => {
            let one = constant(b, c, 1.0);
            let e = op(b, "math.exp", &[op(b, "arith.negf", &[x], t)], t);
            op(
                b,
                "arith.divf",
                &[one, op(b, "arith.addf", &[one, e], t)],
                t,
            )
        }
        "stop_gradient" => x,
        "neg" if float => op(b, "arith.negf", &[x], t),
        "neg" => {
            let z = constant(b, c, 0.0);
            op(b, "arith.subi", &[z, x], t)
        }
        "abs" if float => op(b, "math.absf", &[x], t),
        "abs" if signed => op(b, "math.absi", &[x], t),
        "abs" => x,
        "sign" => {
            let z = constant(b, c, 0.0);
            let one = constant(b, c, 1.0);
            let (gt, lt) = if float {
                (cmp(b, true, 2, x, z), cmp(b, true, 4, x, z))
            } else if signed {
                (cmp(b, false, 4, x, z), cmp(b, false, 2, x, z))
            } else {
                (cmp(b, false, 8, x, z), cmp(b, false, 6, x, z))
            };
            let neg_one = if signed || float {
                constant(b, c, -1.0)
            } else {
                z
            };
            // NaN and ±0 give +0, as PyTorch's `(0 < x) - (x < 0)`.
            let rest = z;
            let low = select(b, lt, neg_one, rest);
            select(b, gt, one, low)
        }
        "bitwise_not" => {
            let all = int_constant(b, c, -1);
            op(b, "arith.xori", &[x, all], t)
        }
        "add" => op(b, if float { "arith.addf" } else { "arith.addi" }, &args, t),
        "sub" => op(b, if float { "arith.subf" } else { "arith.subi" }, &args, t),
        "mul" => op(b, if float { "arith.mulf" } else { "arith.muli" }, &args, t),
        "div" if float => op(b, "arith.divf", &args, t),
        "fmod" if float => op(b, "arith.remf", &args, t),
        "div" | "fmod" => integer_division(b, name == "div", args[0], args[1], c),
        "pow" if float => op(b, "math.powf", &args, t),
        "pow" => integer_pow(b, args[0], args[1], c),
        // LLVM's own NaN-propagating intrinsics, not arith.maximumf: the CPU
        // pipeline's arith-expand (needed for bf16) would rewrite maximumf
        // into compare-and-select chains that LLVM cannot vectorise as
        // reductions.
        "maximum" if float => op(b, "llvm.intr.maximum", &args, t),
        "minimum" if float => op(b, "llvm.intr.minimum", &args, t),
        "maximum" => op(
            b,
            if signed { "arith.maxsi" } else { "arith.maxui" },
            &args,
            t,
        ),
        "minimum" => op(
            b,
            if signed { "arith.minsi" } else { "arith.minui" },
            &args,
            t,
        ),
        "atan2" => op(b, "math.atan2", &args, t),
        "bitwise_and" => op(b, "arith.andi", &args, t),
        "bitwise_or" => op(b, "arith.ori", &args, t),
        "bitwise_xor" => op(b, "arith.xori", &args, t),
        "eq" | "ne" | "lt" | "le" | "gt" | "ge" => {
            let p = if float {
                match name {
                    "eq" => 1,
                    "ne" => 13,
                    "lt" => 4,
                    "le" => 5,
                    "gt" => 2,
                    _ => 3,
                }
            } else {
                let unsigned = !signed;
                match (name, unsigned) {
                    ("eq", _) => 0,
                    ("ne", _) => 1,
                    ("lt", false) => 2,
                    ("le", false) => 3,
                    ("gt", false) => 4,
                    ("ge", false) => 5,
                    ("lt", true) => 6,
                    ("le", true) => 7,
                    ("gt", true) => 8,
                    _ => 9,
                }
            };
            cmp(b, float, p, args[0], args[1])
        }
        "where" => select(b, args[0], args[1], args[2]),
        other => return Err(format!("no element rule for prim '{other}'")),
    };
    if is_compare || name == "where" {
        return Ok(r);
    }
    Ok(cast(b, r, c, e))
}

/// Integer `pow` as PyTorch's `powi`. A negative exponent gives 1 for base 1,
/// ±1 for base -1 and 0 otherwise; `math.ipowi` would divide by a zero base
/// there, so it only sees exponents >= 0. Unsigned operands are widened so
/// that an exponent above 127 stays positive; the result wraps the same.
fn integer_pow(b: &Builder, x: Value, y: Value, e: Elem) -> Value {
    let t = mlir_elem(b, e);
    if let Elem::Unsigned(w) = e {
        let wide = Elem::Signed(2 * w);
        let (xw, yw) = (cast(b, x, e, wide), cast(b, y, e, wide));
        let p = op(b, "math.ipowi", &[xw, yw], mlir_elem(b, wide));
        return cast(b, p, wide, e);
    }
    let zero = constant(b, e, 0.0);
    let one = constant(b, e, 1.0);
    let minus_one = constant(b, e, -1.0);
    let negative = cmp(b, false, 2, y, zero); // slt
    let exponent = select(b, negative, zero, y);
    let p = op(b, "math.ipowi", &[x, exponent], t);
    let odd_bit = op(b, "arith.andi", &[y, one], t);
    let odd = cmp(b, false, 1, odd_bit, zero); // ne
    let sign = select(b, odd, minus_one, one);
    let base_minus_one = cmp(b, false, 0, x, minus_one);
    let base_one = cmp(b, false, 0, x, one);
    let small = select(b, base_minus_one, sign, zero);
    let reciprocal = select(b, base_one, one, small);
    select(b, negative, reciprocal, p)
}

/// Integer `/` (truncating) and `fmod` that cannot trap: x86 faults on a zero
/// divisor and on MIN / -1, and a kernel must not kill the interpreter. A zero
/// divisor yields the dividend for `/` and 0 for `fmod`.
fn integer_division(b: &Builder, div: bool, x: Value, y: Value, e: Elem) -> Value {
    let t = mlir_elem(b, e);
    let zero = constant(b, e, 0.0);
    let one = constant(b, e, 1.0);
    let is_zero = cmp(b, false, 0, y, zero);
    match e {
        Elem::Signed(_) => {
            let minus_one = constant(b, e, -1.0);
            let is_minus_one = cmp(b, false, 0, y, minus_one);
            let bad = op(
                b,
                "arith.ori",
                &[is_zero, is_minus_one],
                ir::int_type(b.ctx, 1),
            );
            let safe = select(b, bad, one, y);
            if div {
                let q = op(b, "arith.divsi", &[x, safe], t);
                let negated = op(b, "arith.subi", &[zero, x], t);
                select(b, is_minus_one, negated, q)
            } else {
                op(b, "arith.remsi", &[x, safe], t)
            }
        }
        _ => {
            let safe = select(b, is_zero, one, y);
            op(
                b,
                if div { "arith.divui" } else { "arith.remui" },
                &[x, safe],
                t,
            )
        }
    }
}
