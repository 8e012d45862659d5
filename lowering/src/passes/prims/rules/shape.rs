//! Shape prims: linear, so each gives its transpose (the VJP) and its JVP is
//! itself on the tangents; each batches by moving its attributes past the
//! batch dimension.

use super::{Batching, Derivative, Rule, batched, recreate_batched, shifted};
use crate::ir::{self, Op, Value};
use crate::passes::prims::builder::Prims;

fn shape(v: Value) -> Vec<i64> {
    ir::shape_of(ir::value_type(v))
}

fn array(op: Op, name: &str) -> Vec<i64> {
    ir::attr_i64_array(ir::get_attr(op, name).expect("verified op has its attribute"))
}

/// The array attribute `name` for the batched op: `first` (the batch
/// dimension's entry) in front, the rest shifted past it when they are
/// dimension numbers (`shift`).
fn prepend<'a>(p: &Prims, op: Op, name: &'a str, first: i64, shift: bool) -> (&'a str, ir::Attr) {
    let values = array(op, name);
    let mut out = vec![first];
    out.extend(if shift { shifted(&values) } else { values });
    (name, ir::i64_array(p.ctx(), &out))
}

pub const RULES: &[Rule] = &[
    Rule {
        op: "thunder_prims.broadcast_in_dim",
        derivative: Derivative::Linear(|p, op, ct, _| {
            let x = ir::operand(op, 0);
            Ok(vec![ct[0].map(|c| {
                p.unbroadcast(c, &shape(x), &array(op, "broadcast_dimensions"))
            })])
        }),
        batching: Batching::Custom(|p, op, x, size| {
            let attr = prepend(p, op, "broadcast_dimensions", 0, true);
            Ok(recreate_batched(p, op, &[x[0].0], size, &[attr]))
        }),
    },
    Rule {
        op: "thunder_prims.reshape",
        derivative: Derivative::Linear(|p, op, ct, _| {
            let x = ir::operand(op, 0);
            Ok(vec![ct[0].map(|c| p.reshape(c, &shape(x)))])
        }),
        batching: Batching::Custom(|p, op, x, size| {
            Ok(recreate_batched(p, op, &[x[0].0], size, &[]))
        }),
    },
    Rule {
        op: "thunder_prims.squeeze",
        derivative: Derivative::Linear(|p, op, ct, _| {
            let x = ir::operand(op, 0);
            Ok(vec![ct[0].map(|c| p.reshape(c, &shape(x)))])
        }),
        batching: Batching::Custom(|p, op, x, size| {
            let dims = ir::i64_array(p.ctx(), &shifted(&array(op, "dims")));
            Ok(recreate_batched(p, op, &[x[0].0], size, &[("dims", dims)]))
        }),
    },
    Rule {
        op: "thunder_prims.transpose",
        derivative: Derivative::Linear(|p, op, ct, _| {
            let perm = array(op, "permutation");
            let mut inverse = vec![0; perm.len()];
            for (i, d) in perm.iter().enumerate() {
                inverse[*d as usize] = i as i64;
            }
            Ok(vec![ct[0].map(|c| p.transpose(c, &inverse))])
        }),
        batching: Batching::Custom(|p, op, x, size| {
            let attr = prepend(p, op, "permutation", 0, true);
            Ok(recreate_batched(p, op, &[x[0].0], size, &[attr]))
        }),
    },
    Rule {
        op: "thunder_prims.slice",
        derivative: Derivative::Linear(slice_transpose),
        batching: Batching::Custom(|p, op, x, size| {
            let attrs = [
                prepend(p, op, "start_indices", 0, false),
                prepend(p, op, "limit_indices", size, false),
                prepend(p, op, "strides", 1, false),
            ];
            Ok(recreate_batched(p, op, &[x[0].0], size, &attrs))
        }),
    },
    Rule {
        op: "thunder_prims.pad",
        derivative: Derivative::Linear(pad_transpose),
        batching: Batching::Custom(pad_batched),
    },
    Rule {
        op: "thunder_prims.cat",
        derivative: Derivative::Linear(|p, op, ct, _| {
            let parts = ir::operands(op);
            let Some(c) = ct[0] else {
                return Ok(vec![None; parts.len()]);
            };
            let dim = ir::attr_i64(ir::get_attr(op, "dim").unwrap()) as usize;
            let full = shape(c);
            let mut offset = 0;
            Ok(parts
                .iter()
                .map(|part| {
                    let n = shape(*part)[dim];
                    let mut start = vec![0; full.len()];
                    let mut limit = full.clone();
                    start[dim] = offset;
                    limit[dim] = offset + n;
                    offset += n;
                    Some(p.slice(c, &start, &limit, &vec![1; full.len()]))
                })
                .collect())
        }),
        batching: Batching::Custom(|p, op, parts, size| {
            let values: Vec<Value> = parts.iter().map(|x| batched(p, *x, size)).collect();
            let dim = ir::attr_i64(ir::get_attr(op, "dim").unwrap()) + 1;
            let attr = ir::i64_attr(p.ctx(), dim);
            Ok(recreate_batched(p, op, &values, size, &[("dim", attr)]))
        }),
    },
];

/// A slice's cotangent, padded with zeros back to the operand's shape (the
/// skipped elements of a strided slice are interior padding).
fn slice_transpose(
    p: &Prims,
    op: Op,
    ct: &[Option<Value>],
    _: &[bool],
) -> Result<Vec<Option<Value>>, String> {
    let Some(c) = ct[0] else {
        return Ok(vec![None]);
    };
    let x = ir::operand(op, 0);
    let (have, got) = (shape(x), shape(c));
    if got.contains(&0) {
        return Ok(vec![Some(p.zeros_like(x))]);
    }
    let (start, strides) = (array(op, "start_indices"), array(op, "strides"));
    let high: Vec<i64> = (0..have.len())
        .map(|i| have[i] - (start[i] + (got[i] - 1) * strides[i] + 1))
        .collect();
    let interior: Vec<i64> = strides.iter().map(|s| s - 1).collect();
    let zero = p.full(&[], ir::elem_of(ir::value_type(c)), 0.0);
    Ok(vec![Some(p.pad(c, zero, &start, &high, &interior))])
}

/// The operand's cotangent is the slice of the padded one it landed in; the
/// padding value's is the sum over every padded position.
fn pad_transpose(
    p: &Prims,
    op: Op,
    ct: &[Option<Value>],
    _: &[bool],
) -> Result<Vec<Option<Value>>, String> {
    let Some(c) = ct[0] else {
        return Ok(vec![None, None]);
    };
    let x = ir::operand(op, 0);
    let have = shape(x);
    let (low, interior) = (array(op, "low"), array(op, "interior"));
    let strides: Vec<i64> = interior.iter().map(|i| i + 1).collect();
    let limit: Vec<i64> = (0..have.len())
        .map(|i| {
            if have[i] == 0 {
                low[i]
            } else {
                low[i] + (have[i] - 1) * strides[i] + 1
            }
        })
        .collect();
    let inner = p.slice(c, &low, &limit, &strides);
    let all: Vec<i64> = (0..shape(c).len() as i64).collect();
    let padded = p.sub(p.sum_accumulating(c, &all), p.sum_accumulating(inner, &all));
    Ok(vec![Some(inner), Some(padded)])
}

/// `pad` by an unbatched value batches its attributes; a batched padding
/// value (one per batch element) is `pad(x, 0) + pad(zeros, 1) * v`, the
/// second term one exactly at the padded positions.
fn pad_batched(
    p: &Prims,
    op: Op,
    operands: &[(Value, bool)],
    size: i64,
) -> Result<Vec<(Value, bool)>, String> {
    let attrs = [
        prepend(p, op, "low", 0, false),
        prepend(p, op, "high", 0, false),
        prepend(p, op, "interior", 0, false),
    ];
    let x = batched(p, operands[0], size);
    let (value, value_batched) = operands[1];
    if !value_batched {
        return Ok(recreate_batched(p, op, &[x, value], size, &attrs));
    }
    let elem = ir::elem_of(ir::value_type(x));
    let zero = p.full(&[], elem, 0.0);
    let one = p.full(&[], elem, 1.0);
    let data = recreate_batched(p, op, &[x, zero], size, &attrs)[0].0;
    let mask = recreate_batched(p, op, &[p.zeros_like(x), one], size, &attrs)[0].0;
    let out_shape = shape(data);
    let v = p.broadcast_in_dim(value, &out_shape, &[0]);
    Ok(vec![(p.add(data, p.mul(mask, v)), true)])
}
