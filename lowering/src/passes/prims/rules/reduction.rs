//! Reductions: `sum` is linear; `prod`, `amax`/`amin` and `var_mean` give
//! the derivative of the result with respect to each element (as a tensor
//! of the operand's shape), which the VJP scales by the broadcast cotangent
//! and the JVP sums against the tangent. All batch by shifting `dims`.

use super::{Batching, Derivative, Rule, batched, recreate_batched, shifted};
use crate::ir::{self, Op, Value};
use crate::passes::prims::builder::Prims;

fn dims(op: Op) -> Vec<i64> {
    ir::attr_i64_array(ir::get_attr(op, "dims").expect("verified op has dims"))
}

fn shape(v: Value) -> Vec<i64> {
    ir::shape_of(ir::value_type(v))
}

fn batch_dims(
    p: &Prims,
    op: Op,
    x: &[(Value, bool)],
    size: i64,
) -> Result<Vec<(Value, bool)>, String> {
    let attr = ir::i64_array(p.ctx(), &shifted(&dims(op)));
    let operand = batched(p, x[0], size);
    Ok(recreate_batched(p, op, &[operand], size, &[("dims", attr)]))
}

/// A reduction whose derivative is `factor(x, y)` (of x's shape): the VJP
/// is `unreduce(ct) * factor`, the JVP `sum(t * factor)`.
macro_rules! by_factor {
    ($name:literal, $factor:expr) => {
        Rule {
            op: $name,
            derivative: Derivative::Custom {
                vjp: |p, op, ct, _| {
                    let x = ir::operand(op, 0);
                    let (Some(c), true) = (ct[0], Prims::is_float(x)) else {
                        return Ok(vec![None]);
                    };
                    let f: fn(&Prims, Value, Value, &[i64]) -> Value = $factor;
                    let d = dims(op);
                    let factor = f(p, x, ir::result(op, 0), &d);
                    Ok(vec![Some(p.mul(p.unreduce(c, &shape(x), &d), factor))])
                },
                jvp: |p, op, t| {
                    let x = ir::operand(op, 0);
                    let Some(t) = t[0] else {
                        return Ok(vec![None]);
                    };
                    let f: fn(&Prims, Value, Value, &[i64]) -> Value = $factor;
                    let d = dims(op);
                    let factor = f(p, x, ir::result(op, 0), &d);
                    Ok(vec![Some(p.sum_accumulating(p.mul(t, factor), &d))])
                },
            },
            batching: Batching::Custom(batch_dims),
        }
    };
}

pub const RULES: &[Rule] = &[
    Rule {
        op: "thunder_prims.sum",
        derivative: Derivative::Linear(|p, op, ct, _| {
            let x = ir::operand(op, 0);
            Ok(vec![
                ct[0]
                    .filter(|_| Prims::is_float(x))
                    .map(|c| p.unreduce(c, &shape(x), &dims(op))),
            ])
        }),
        batching: Batching::Custom(batch_dims),
    },
    by_factor!("thunder_prims.prod", prod_factor),
    by_factor!("thunder_prims.amax", extremum_factor),
    by_factor!("thunder_prims.amin", extremum_factor),
    Rule {
        op: "thunder_prims.var_mean",
        derivative: Derivative::Custom {
            vjp: var_mean_vjp,
            jvp: var_mean_jvp,
        },
        batching: Batching::Custom(batch_dims),
    },
];

/// d prod / d x_i: the product of the others. `y / x` where no element is
/// zero; at the only zero of a row, the product of the rest (PyTorch's
/// prod_backward, without dividing by zero).
fn prod_factor(p: &Prims, x: Value, y: Value, dims: &[i64]) -> Value {
    let s = shape(x);
    let zero = p.zeros_like(x);
    let one = p.full_like(x, 1.0);
    let is_zero = p.compare("eq", x, zero);
    let zeros = p.reduce("sum", p.select(is_zero, one, zero), dims);
    let nonzero = p.reduce("prod", p.select(is_zero, one, x), dims);
    let zeros = p.unreduce(zeros, &s, dims);
    let nonzero = p.unreduce(nonzero, &s, dims);
    let y = p.unreduce(y, &s, dims);
    let none_zero = p.compare("eq", zeros, zero);
    let one_zero_here = p.binary("bitwise_and", p.compare("eq", zeros, one), is_zero);
    let safe_x = p.select(is_zero, one, x);
    // Elsewhere the product of the others holds a zero: 0 times the rest,
    // which is NaN where the rest is infinite or NaN, as eager's exclusive
    // products give.
    let others_times_zero = p.mul(p.div(nonzero, safe_x), zero);
    p.select(
        none_zero,
        p.div(y, safe_x),
        p.select(one_zero_here, nonzero, others_times_zero),
    )
}

/// amax/amin: the gradient shared evenly between the elements equal to the
/// result (PyTorch's `grad * (x == y) / count`).
fn extremum_factor(p: &Prims, x: Value, y: Value, dims: &[i64]) -> Value {
    let s = shape(x);
    let y = p.unreduce(y, &s, dims);
    let hit = p.compare("eq", x, y);
    let mask = p.select(hit, p.full_like(x, 1.0), p.zeros_like(x));
    let count = p.unreduce(p.sum_accumulating(mask, dims), &s, dims);
    p.div(mask, count)
}

fn count(x: Value, dims: &[i64]) -> f64 {
    let s = shape(x);
    dims.iter().map(|d| s[*d as usize] as f64).product()
}

fn correction(op: Op) -> f64 {
    ir::attr_f64(ir::get_attr(op, "correction").expect("verified op has a correction"))
}

/// d var / d x = 2 (x - mean) / (n - correction); d mean / d x = 1 / n.
fn var_mean_vjp(
    p: &Prims,
    op: Op,
    ct: &[Option<Value>],
    _: &[bool],
) -> Result<Vec<Option<Value>>, String> {
    let x = ir::operand(op, 0);
    let (d, s) = (dims(op), shape(x));
    let n = count(x, &d);
    let mut grad: Option<Value> = None;
    if let Some(cv) = ct[0] {
        let centered = p.sub(x, p.unreduce(ir::result(op, 1), &s, &d));
        let g = p.scale(
            p.mul(p.unreduce(cv, &s, &d), centered),
            2.0 / (n - correction(op)),
        );
        grad = Some(g);
    }
    if let Some(cm) = ct[1] {
        let g = p.scale(p.unreduce(cm, &s, &d), 1.0 / n);
        grad = Some(match grad {
            Some(a) => p.add(a, g),
            None => g,
        });
    }
    Ok(vec![grad])
}

fn var_mean_jvp(p: &Prims, op: Op, t: &[Option<Value>]) -> Result<Vec<Option<Value>>, String> {
    let Some(t) = t[0] else {
        return Ok(vec![None, None]);
    };
    let x = ir::operand(op, 0);
    let (d, s) = (dims(op), shape(x));
    let n = count(x, &d);
    let centered = p.sub(x, p.unreduce(ir::result(op, 1), &s, &d));
    let var = p.scale(
        p.sum_accumulating(p.mul(centered, t), &d),
        2.0 / (n - correction(op)),
    );
    let mean = p.scale(p.sum_accumulating(t, &d), 1.0 / n);
    Ok(vec![Some(var), Some(mean)])
}
