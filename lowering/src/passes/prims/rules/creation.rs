//! Creation prims take no tensor operands: nothing flows into them, and no
//! batched operand ever reaches them (vmap copies them unbatched).
//! `uniform`'s seed and offset are numbers, so forward and a recomputed
//! backward draw the same values.

use super::{Batching, Derivative, Rule};
use crate::ir;

fn never_batched(
    _: &crate::passes::prims::builder::Prims,
    op: ir::Op,
    _: &[(ir::Value, bool)],
    _: i64,
) -> Result<Vec<(ir::Value, bool)>, String> {
    Err(format!(
        "'{}' takes no tensor, so it has no batched operand",
        ir::op_name(op)
    ))
}

pub const RULES: &[Rule] = &[
    Rule {
        op: "thunder_prims.full",
        derivative: Derivative::None,
        batching: Batching::Custom(never_batched),
    },
    Rule {
        op: "thunder_prims.iota",
        derivative: Derivative::None,
        batching: Batching::Custom(never_batched),
    },
    Rule {
        op: "thunder_prims.uniform",
        derivative: Derivative::None,
        batching: Batching::Custom(never_batched),
    },
];
