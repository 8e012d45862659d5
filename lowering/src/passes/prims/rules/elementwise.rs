//! Elementwise prims: each gives its partial derivatives once (the VJP and
//! the JVP follow from them); all batch elementwise. The formulas are
//! PyTorch's derivatives.yaml ones, so gradients agree with eager's at the
//! edges too (maximum's ties share the gradient, pow's zero base).

use super::{Batching, Derivative, Rule};
use crate::ir::{self, Op, Value};
use crate::passes::prims::builder::Prims;
use std::f64::consts::{LN_2, LN_10, PI};

const fn rule(op: &'static str, derivative: Derivative) -> Rule {
    Rule {
        op,
        derivative,
        batching: Batching::Elementwise,
    }
}

const fn unary(op: &'static str, partials: super::PartialsFn) -> Rule {
    rule(op, Derivative::Elementwise(partials))
}

const fn none(op: &'static str) -> Rule {
    rule(op, Derivative::None)
}

const fn zero(op: &'static str) -> Rule {
    rule(op, Derivative::Zero)
}

pub const RULES: &[Rule] = &[
    unary("thunder_prims.exp", |_, _, y| vec![Some(y)]),
    unary("thunder_prims.exp2", |p, _, y| vec![Some(p.scale(y, LN_2))]),
    unary("thunder_prims.expm1", |p, _, y| vec![Some(p.shift(y, 1.0))]),
    unary("thunder_prims.log", |p, x, _| {
        vec![Some(p.unary("reciprocal", x[0]))]
    }),
    unary("thunder_prims.log2", |p, x, _| {
        vec![Some(p.scale(p.unary("reciprocal", x[0]), 1.0 / LN_2))]
    }),
    unary("thunder_prims.log10", |p, x, _| {
        vec![Some(p.scale(p.unary("reciprocal", x[0]), 1.0 / LN_10))]
    }),
    unary("thunder_prims.log1p", |p, x, _| {
        vec![Some(p.unary("reciprocal", p.shift(x[0], 1.0)))]
    }),
    // d sqrt(x) = 1 / (2 sqrt(x)); d rsqrt(x) = -rsqrt(x)^3 / 2.
    unary("thunder_prims.sqrt", |p, _, y| {
        vec![Some(p.scale(p.unary("reciprocal", y), 0.5))]
    }),
    unary("thunder_prims.rsqrt", |p, _, y| {
        vec![Some(p.scale(p.mul(p.mul(y, y), y), -0.5))]
    }),
    unary("thunder_prims.sin", |p, x, _| {
        vec![Some(p.unary("cos", x[0]))]
    }),
    unary("thunder_prims.cos", |p, x, _| {
        vec![Some(p.neg(p.unary("sin", x[0])))]
    }),
    unary("thunder_prims.tan", |p, _, y| {
        vec![Some(p.shift(p.mul(y, y), 1.0))]
    }),
    unary("thunder_prims.tanh", |p, _, y| {
        let one = p.full_like(y, 1.0);
        vec![Some(p.sub(one, p.mul(y, y)))]
    }),
    unary("thunder_prims.asin", |p, x, _| {
        let one = p.full_like(x[0], 1.0);
        vec![Some(p.unary("rsqrt", p.sub(one, p.mul(x[0], x[0]))))]
    }),
    unary("thunder_prims.acos", |p, x, _| {
        let one = p.full_like(x[0], 1.0);
        vec![Some(p.neg(p.unary("rsqrt", p.sub(one, p.mul(x[0], x[0])))))]
    }),
    unary("thunder_prims.atan", |p, x, _| {
        vec![Some(p.unary("reciprocal", p.shift(p.mul(x[0], x[0]), 1.0)))]
    }),
    unary("thunder_prims.sinh", |p, x, _| {
        vec![Some(p.unary("cosh", x[0]))]
    }),
    unary("thunder_prims.cosh", |p, x, _| {
        vec![Some(p.unary("sinh", x[0]))]
    }),
    // d erf(x) = 2 / sqrt(pi) exp(-x^2)
    unary("thunder_prims.erf", |p, x, _| {
        let e = p.unary("exp", p.neg(p.mul(x[0], x[0])));
        vec![Some(p.scale(e, 2.0 / PI.sqrt()))]
    }),
    unary("thunder_prims.reciprocal", |p, _, y| {
        vec![Some(p.neg(p.mul(y, y)))]
    }),
    // d sigmoid(x) = y (1 - y)
    unary("thunder_prims.sigmoid", |p, _, y| {
        vec![Some(p.mul(y, p.sub(p.full_like(y, 1.0), y)))]
    }),
    none("thunder_prims.stop_gradient"),
    // Piecewise constant: zero almost everywhere, as PyTorch's gradients are.
    zero("thunder_prims.floor"),
    zero("thunder_prims.ceil"),
    zero("thunder_prims.round"),
    zero("thunder_prims.trunc"),
    zero("thunder_prims.sign"),
    unary("thunder_prims.abs", |p, x, _| {
        vec![Some(p.unary("sign", x[0]))]
    }),
    rule(
        "thunder_prims.neg",
        Derivative::Linear(|p, _, ct, _| Ok(vec![ct[0].map(|c| p.neg(c))])),
    ),
    rule(
        "thunder_prims.add",
        Derivative::Linear(|_, _, ct, _| Ok(vec![ct[0], ct[0]])),
    ),
    rule(
        "thunder_prims.sub",
        Derivative::Linear(|p, _, ct, _| Ok(vec![ct[0], ct[0].map(|c| p.neg(c))])),
    ),
    unary("thunder_prims.mul", |_, x, _| vec![Some(x[1]), Some(x[0])]),
    // d(a/b) = (1/b, -(a/b)/b)
    unary("thunder_prims.div", |p, x, y| {
        vec![
            Some(p.unary("reciprocal", x[1])),
            Some(p.neg(p.div(y, x[1]))),
        ]
    }),
    unary("thunder_prims.pow", pow_partials),
    // fmod(a, b) = a - trunc(a / b) b
    unary("thunder_prims.fmod", |p, x, y| {
        let q = p.unary("trunc", p.div(x[0], x[1]));
        vec![Some(p.full_like(y, 1.0)), Some(p.neg(q))]
    }),
    unary("thunder_prims.maximum", |p, x, _| {
        vec![
            Some(tie_split(p, x[0], x[1], "lt")),
            Some(tie_split(p, x[0], x[1], "gt")),
        ]
    }),
    unary("thunder_prims.minimum", |p, x, _| {
        vec![
            Some(tie_split(p, x[0], x[1], "gt")),
            Some(tie_split(p, x[0], x[1], "lt")),
        ]
    }),
    // d atan2(a, b) = (b, -a) / (a^2 + b^2)
    unary("thunder_prims.atan2", |p, x, _| {
        let r = p.unary("reciprocal", p.add(p.mul(x[0], x[0]), p.mul(x[1], x[1])));
        vec![Some(p.mul(x[1], r)), Some(p.neg(p.mul(x[0], r)))]
    }),
    rule(
        "thunder_prims.where",
        Derivative::Linear(|p, op, ct, _| {
            let Some(c) = ct[0] else {
                return Ok(vec![None, None, None]);
            };
            let pred = ir::operand(op, 0);
            let z = p.zeros_like(c);
            Ok(vec![
                None,
                Some(p.select(pred, c, z)),
                Some(p.select(pred, z, c)),
            ])
        }),
    ),
    rule(
        "thunder_prims.convert_element_type",
        Derivative::Linear(convert_transpose),
    ),
    none("thunder_prims.from_scalar"),
    none("thunder_prims.bitwise_not"),
    none("thunder_prims.bitwise_and"),
    none("thunder_prims.bitwise_or"),
    none("thunder_prims.bitwise_xor"),
    none("thunder_prims.eq"),
    none("thunder_prims.ne"),
    none("thunder_prims.lt"),
    none("thunder_prims.le"),
    none("thunder_prims.gt"),
    none("thunder_prims.ge"),
];

/// maximum's (and minimum's) share of the gradient: none where the operand
/// lost (`lost` compares it with the other), half at a tie, all elsewhere
/// (NaN included: both operands get it, as in PyTorch).
fn tie_split(p: &Prims, a: Value, b: Value, lost: &str) -> Value {
    let one = p.full_like(a, 1.0);
    let tie = p.select(p.compare("eq", a, b), p.full_like(a, 0.5), one);
    p.select(p.compare(lost, a, b), p.zeros_like(a), tie)
}

/// PyTorch's pow_backward: `b * a^(b-1)`, 0 where b is 0; and `y * log(a)`,
/// 0 where a is 0 and b >= 0.
fn pow_partials(p: &Prims, x: &[Value], y: Value) -> Vec<Option<Value>> {
    let (a, b) = (x[0], x[1]);
    let zero = p.zeros_like(y);
    let base = p.mul(b, p.binary("pow", a, p.shift(b, -1.0)));
    let d_base = p.select(p.compare("eq", b, zero), zero, base);
    let exponent = p.mul(y, p.unary("log", a));
    let zero_base = p.binary(
        "bitwise_and",
        p.compare("eq", a, zero),
        p.compare("ge", b, zero),
    );
    let d_exponent = p.select(zero_base, zero, exponent);
    vec![Some(d_base), Some(d_exponent)]
}

/// Between floating dtypes the cotangent converts back; no gradient crosses
/// to or from integers and bools.
fn convert_transpose(
    p: &Prims,
    op: Op,
    ct: &[Option<Value>],
    _: &[bool],
) -> Result<Vec<Option<Value>>, String> {
    let x = ir::operand(op, 0);
    Ok(vec![
        ct[0]
            .filter(|_| Prims::is_float(x))
            .map(|c| p.convert(c, ir::elem_of(ir::value_type(x)))),
    ])
}
