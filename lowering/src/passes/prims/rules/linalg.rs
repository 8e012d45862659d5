//! `matmul`: bilinear. The VJP multiplies the cotangent by the other
//! operand transposed (`ct Bᵀ`, `Aᵀ ct`); batch dimensions are identical, so
//! nothing is summed. The batch of vmap is one more batch dimension, except
//! that a batched `[B, m, k]` times an unbatched `[k, n]` folds the batch
//! into the rows: one GEMM, no copy of the weight per batch element.

use super::{Batching, Derivative, Rule, batched};
use crate::ir::{self, Value};
use crate::passes::prims::builder::Prims;

fn shape(v: Value) -> Vec<i64> {
    ir::shape_of(ir::value_type(v))
}

pub const RULES: &[Rule] = &[Rule {
    op: "thunder_prims.matmul",
    derivative: Derivative::Custom {
        vjp: |p, op, ct, _| {
            let (a, b) = (ir::operand(op, 0), ir::operand(op, 1));
            let (Some(c), true) = (ct[0], Prims::is_float(a)) else {
                return Ok(vec![None, None]);
            };
            Ok(vec![
                Some(p.matmul(c, p.transpose_last2(b))),
                Some(p.matmul(p.transpose_last2(a), c)),
            ])
        },
        jvp: |p, op, t| {
            let (a, b) = (ir::operand(op, 0), ir::operand(op, 1));
            let left = t[0].map(|ta| p.matmul(ta, b));
            let right = t[1].map(|tb| p.matmul(a, tb));
            Ok(vec![match (left, right) {
                (Some(l), Some(r)) => Some(p.add(l, r)),
                (l, r) => l.or(r),
            }])
        },
    },
    batching: Batching::Custom(|p, _, operands, size| {
        let (a, a_batched) = operands[0];
        let (b, b_batched) = operands[1];
        let sa = shape(a);
        if a_batched && !b_batched && sa.len() == 3 {
            let rows = p.reshape(a, &[sa[0] * sa[1], sa[2]]);
            let product = p.matmul(rows, b);
            let n = shape(b)[1];
            return Ok(vec![(p.reshape(product, &[sa[0], sa[1], n]), true)]);
        }
        let (a, b) = (batched(p, operands[0], size), batched(p, operands[1], size));
        let product = p.matmul(a, b);
        Ok(vec![(product, true)])
    }),
}];
