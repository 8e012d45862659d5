//! What each prim means to the transforms: how its derivative looks (for
//! `thunder-prims-grad` and `thunder-prims-jvp`) and how it batches (for
//! `thunder-prims-vmap`), written once per prim, beside its peers of the
//! same kind (`elementwise`, `shape`, `reduction`, `linalg`, `creation`,
//! and the torch executor's `opaque` ops).
//!
//! Most prims state one fact and the transforms derive the rest:
//! - an elementwise prim gives its partial derivatives; the VJP multiplies
//!   them by the cotangent, the JVP by the tangents, and batching runs the
//!   same prim on the batched shape;
//! - a linear prim (shape ops, `sum`, `convert_element_type`) gives its
//!   transpose for the VJP; its JVP is the prim itself on the tangents.
//!
//! `RULES` must name every op of the prims dialect: a test asks the dialect
//! for its ops, so a prim added without its rules fails it.

mod creation;
mod elementwise;
mod linalg;
mod opaque;
mod reduction;
mod shape;

use super::builder::Prims;
use crate::ir::{Op, Value};

/// Cotangents of an op's results in, cotangents of its operands out (`None`:
/// no gradient flows there). Rules may skip operands not `active` (no
/// gradient is wanted there); most compute what they compute either way.
pub type VjpFn = fn(&Prims, Op, &[Option<Value>], &[bool]) -> Result<Vec<Option<Value>>, String>;
/// Tangents of an op's operands in (`None`: zero), tangents of its results out.
pub type JvpFn = fn(&Prims, Op, &[Option<Value>]) -> Result<Vec<Option<Value>>, String>;
/// The partial derivative of an elementwise prim's result with respect to
/// each operand, as tensors of the result's shape (`None`: the operand is
/// not differentiable, such as `where`'s predicate), from the operands and
/// the result.
pub type PartialsFn = fn(&Prims, &[Value], Value) -> Vec<Option<Value>>;
/// Operands, each with whether it carries the batch at dimension 0, and the
/// batch size in; results, each with the same flag, out.
pub type BatchFn = fn(&Prims, Op, &[(Value, bool)], i64) -> Result<Vec<(Value, bool)>, String>;

pub enum Derivative {
    /// No gradient flows through: comparisons, bitwise and integer ops,
    /// creation ops. (Their results are never floating tensors that depend
    /// on differentiated inputs.)
    None,
    /// Piecewise constant (floor, round, sign, ...): the result depends on
    /// differentiated inputs, as in PyTorch (it requires grad), but its
    /// derivative is zero, so nothing flows back through it.
    Zero,
    /// Elementwise: the partial derivatives; VJP and JVP follow.
    Elementwise(PartialsFn),
    /// Linear in its tensor operands: the VJP (the transpose); the JVP is the
    /// op applied to the tangents.
    Linear(VjpFn),
    /// Both written out.
    Custom { vjp: VjpFn, jvp: JvpFn },
}

pub enum Batching {
    /// Operands of one shape, result of that shape: the same op on the
    /// batched shape, unbatched operands broadcast.
    Elementwise,
    Custom(BatchFn),
}

pub struct Rule {
    /// The op's full name, `thunder_prims.exp`.
    pub op: &'static str,
    pub derivative: Derivative,
    pub batching: Batching,
}

/// The rules of `op`, if it has any.
pub fn rule_for(op: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .flat_map(|rules| rules.iter())
        .find(|r| r.op == op)
}

pub const RULES: [&[Rule]; 6] = [
    elementwise::RULES,
    shape::RULES,
    reduction::RULES,
    linalg::RULES,
    creation::RULES,
    opaque::RULES,
];

/// The VJP of one op.
pub fn vjp(
    p: &Prims,
    op: Op,
    rule: &Rule,
    cts: &[Option<Value>],
    active: &[bool],
) -> Result<Vec<Option<Value>>, String> {
    match rule.derivative {
        Derivative::None | Derivative::Zero => Ok(vec![None; crate::ir::operands(op).len()]),
        Derivative::Elementwise(partials) => {
            let Some(ct) = cts[0] else {
                return Ok(vec![None; crate::ir::operands(op).len()]);
            };
            let operands = crate::ir::operands(op);
            let result = crate::ir::result(op, 0);
            Ok(partials(p, &operands, result)
                .into_iter()
                .zip(&operands)
                .map(|(d, x)| {
                    let d = d?;
                    Prims::is_float(*x).then(|| p.mul(ct, d))
                })
                .collect())
        }
        Derivative::Linear(transpose) | Derivative::Custom { vjp: transpose, .. } => {
            transpose(p, op, cts, active)
        }
    }
}

/// The JVP of one op.
pub fn jvp(
    p: &Prims,
    op: Op,
    rule: &Rule,
    tangents: &[Option<Value>],
) -> Result<Vec<Option<Value>>, String> {
    let results = crate::ir::num_results(op);
    match rule.derivative {
        Derivative::None | Derivative::Zero => Ok(vec![None; results]),
        Derivative::Elementwise(partials) => {
            let operands = crate::ir::operands(op);
            let result = crate::ir::result(op, 0);
            let mut sum: Option<Value> = None;
            for (d, t) in partials(p, &operands, result).into_iter().zip(tangents) {
                if let (Some(d), Some(t)) = (d, t) {
                    let term = p.mul(*t, d);
                    sum = Some(match sum {
                        Some(s) => p.add(s, term),
                        None => term,
                    });
                }
            }
            Ok(vec![sum])
        }
        Derivative::Linear(_) => {
            let floating = (0..results).any(|i| Prims::is_float(crate::ir::result(op, i)));
            if !floating || tangents.iter().all(Option::is_none) {
                return Ok(vec![None; results]);
            }
            // The op on the tangents of its floating operands; the others
            // (`where`'s predicate) stay as they are.
            let operands: Vec<Value> = crate::ir::operands(op)
                .into_iter()
                .zip(tangents)
                .map(|(x, t)| match t {
                    Some(t) => *t,
                    None if Prims::is_float(x) => p.zeros_like(x),
                    None => x,
                })
                .collect();
            let types: Vec<_> = (0..results)
                .map(|i| crate::ir::value_type(crate::ir::result(op, i)))
                .collect();
            let copy = p.recreate(op, &operands, &types);
            Ok((0..results)
                .map(|i| Some(crate::ir::result(copy, i)))
                .collect())
        }
        Derivative::Custom { jvp, .. } => jvp(p, op, tangents),
    }
}

/// Batches one op whose operands are `operands` (at least one batched).
pub fn batch(
    p: &Prims,
    op: Op,
    rule: &Rule,
    operands: &[(Value, bool)],
    size: i64,
) -> Result<Vec<(Value, bool)>, String> {
    match rule.batching {
        Batching::Elementwise => Ok(vec![(elementwise_batched(p, op, operands, size), true)]),
        Batching::Custom(f) => f(p, op, operands, size),
    }
}

/// `x` with the batch at dimension 0: `x` itself when it carries it, else
/// broadcast to `[size, ...]`.
pub fn batched(p: &Prims, (x, is_batched): (Value, bool), size: i64) -> Value {
    if is_batched {
        return x;
    }
    let shape = crate::ir::shape_of(crate::ir::value_type(x));
    let mut to = vec![size];
    to.extend(&shape);
    let dims: Vec<i64> = (1..=shape.len() as i64).collect();
    p.broadcast_in_dim(x, &to, &dims)
}

/// The shape of a result with the batch in front.
pub fn with_batch(size: i64, shape: &[i64]) -> Vec<i64> {
    let mut s = vec![size];
    s.extend(shape);
    s
}

fn elementwise_batched(p: &Prims, op: Op, operands: &[(Value, bool)], size: i64) -> Value {
    let values: Vec<Value> = operands.iter().map(|o| batched(p, *o, size)).collect();
    let t = crate::ir::value_type(crate::ir::result(op, 0));
    let shape = with_batch(size, &crate::ir::shape_of(t));
    let result = crate::ir::tensor_type(&shape, crate::ir::elem_of(t));
    crate::ir::result(p.recreate(op, &values, &[result]), 0)
}

/// Dimension lists shifted past the batch dimension.
pub fn shifted(dims: &[i64]) -> Vec<i64> {
    dims.iter().map(|d| d + 1).collect()
}

/// A new `op` on `operands`, its attributes replaced by `overrides` where
/// named there, its results given the batch in front.
pub fn recreate_batched(
    p: &Prims,
    op: Op,
    operands: &[Value],
    size: i64,
    overrides: &[(&str, crate::ir::Attr)],
) -> Vec<(Value, bool)> {
    let mut attrs = crate::ir::attributes(op);
    for (name, a) in overrides {
        match attrs.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = *a,
            None => attrs.push((name.to_string(), *a)),
        }
    }
    let results: Vec<_> = (0..crate::ir::num_results(op))
        .map(|i| {
            let t = crate::ir::value_type(crate::ir::result(op, i));
            crate::ir::tensor_type(
                &with_batch(size, &crate::ir::shape_of(t)),
                crate::ir::elem_of(t),
            )
        })
        .collect();
    let named: Vec<(&str, crate::ir::Attr)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    let new =
        p.b.create(&crate::ir::op_name(op), operands, &results, &named, vec![]);
    (0..results.len())
        .map(|i| (crate::ir::result(new, i), true))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prim_has_rules() {
        let context = thunder_dialects::create_context();
        let prims = thunder_dialects::operation_names(&context, "thunder_prims");
        assert!(
            prims.len() > 50,
            "the prims dialect lists its ops: {prims:?}"
        );
        let missing: Vec<&String> = prims.iter().filter(|op| rule_for(op).is_none()).collect();
        assert!(
            missing.is_empty(),
            "prims without derivative and batching rules (add them to passes/prims/rules): {missing:?}"
        );
        let known: Vec<&str> = RULES.iter().flat_map(|r| r.iter()).map(|r| r.op).collect();
        for op in &known {
            assert!(
                prims.iter().any(|p| p == op) || *op == "thunder_torch.opaque",
                "a rule for '{op}', which is no prim"
            );
        }
        let mut unique = known.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), known.len(), "a prim has two rules");
    }
}
