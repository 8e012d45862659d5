//! The torch executor's ops (`thunder_torch.opaque`: convolution, embedding,
//! attention, ...) have no prims inside, so their derivatives and batching
//! run through torch too: each transform makes another opaque call of the
//! same callee, with the transform appended to `args.transforms`:
//!
//! - `{kind = "vjp", inputs, outputs}`: operands are the op's operands, then
//!   the cotangents of the results listed in `outputs`; results are the
//!   gradients of the operands listed in `inputs` (torch autograd runs the op
//!   alone). With `args.vjp_uses_results` (flash attention, whose backward
//!   reads its output and logsumexp) the op's results come between them and
//!   the kind is `vjp_with_results`: the op's own backward, not a second run.
//!   Random ops (dropout's `bernoulli`) take no differentiable input, so they
//!   never get a VJP: what they drew is a forward value the backward reads
//!   saved, the same numbers.
//! - `{kind = "jvp", inputs, outputs}`: operands, then the tangents of the
//!   operands in `inputs`; results are the tangents of the results in
//!   `outputs` (torch's forward-mode AD).
//! - `{kind = "vmap", inputs}`: `inputs` gives each operand's batch
//!   dimension (0, or -1 when unbatched); every result is batched at 0.
//!
//! The bridge composes them in order around the original call.

use super::{Batching, Derivative, Rule, with_batch};
use crate::ir::{self, Attr, Op, Type, Value};
use crate::passes::prims::builder::Prims;
use mlir_sys::*;

pub const RULES: &[Rule] = &[Rule {
    op: "thunder_torch.opaque",
    derivative: Derivative::Custom {
        vjp: opaque_vjp,
        jvp: opaque_jvp,
    },
    batching: Batching::Custom(opaque_batched),
}];

/// `op`'s `args` with `transform` appended to its `transforms` list.
fn args_with(op: Op, transform: Attr) -> Attr {
    let ctx = ir::context_of(op);
    let mut entries: Vec<MlirNamedAttribute> = vec![];
    let mut transforms: Vec<Attr> = vec![];
    if let Some(args) = ir::get_attr(op, "args") {
        let n = unsafe { mlirDictionaryAttrGetNumElements(args) };
        for i in 0..n {
            let e = unsafe { mlirDictionaryAttrGetElement(args, i) };
            let name = unsafe { mlirIdentifierStr(e.name) };
            let name = unsafe { std::slice::from_raw_parts(name.data as *const u8, name.length) };
            if name == b"transforms" {
                let k = unsafe { mlirArrayAttrGetNumElements(e.attribute) };
                transforms
                    .extend((0..k).map(|j| unsafe { mlirArrayAttrGetElement(e.attribute, j) }));
            } else {
                entries.push(e);
            }
        }
    }
    transforms.push(transform);
    let list = unsafe { mlirArrayAttrGet(ctx, transforms.len() as isize, transforms.as_ptr()) };
    entries.push(unsafe {
        mlirNamedAttributeGet(mlirIdentifierGet(ctx, ir::sref("transforms")), list)
    });
    unsafe { mlirDictionaryAttrGet(ctx, entries.len() as isize, entries.as_ptr()) }
}

fn transform(ctx: MlirContext, kind: &str, inputs: &[i64], outputs: &[i64]) -> Attr {
    let entries = [
        ("kind", ir::str_attr(ctx, kind)),
        ("inputs", ir::i64_array(ctx, inputs)),
        ("outputs", ir::i64_array(ctx, outputs)),
    ];
    let named: Vec<MlirNamedAttribute> = entries
        .iter()
        .map(|(n, a)| unsafe { mlirNamedAttributeGet(mlirIdentifierGet(ctx, ir::sref(n)), *a) })
        .collect();
    unsafe { mlirDictionaryAttrGet(ctx, named.len() as isize, named.as_ptr()) }
}

/// Another opaque call of `op`'s callee.
fn call(p: &Prims, op: Op, operands: &[Value], results: &[Type], args: Attr) -> Op {
    let callee = ir::get_attr(op, "callee").expect("verified opaque op has a callee");
    p.b.create(
        "thunder_torch.opaque",
        operands,
        results,
        &[("callee", callee), ("args", args)],
        vec![],
    )
}

fn results(op: Op) -> Vec<Value> {
    (0..ir::num_results(op))
        .map(|i| ir::result(op, i))
        .collect()
}

fn opaque_vjp(
    p: &Prims,
    op: Op,
    ct: &[Option<Value>],
    active: &[bool],
) -> Result<Vec<Option<Value>>, String> {
    let operands = ir::operands(op);
    let inputs: Vec<i64> = (0..operands.len())
        .filter(|i| active[*i] && Prims::is_float(operands[*i]))
        .map(|i| i as i64)
        .collect();
    let outputs: Vec<i64> = (0..ct.len())
        .filter(|i| ct[*i].is_some())
        .map(|i| i as i64)
        .collect();
    if inputs.is_empty() || outputs.is_empty() {
        return Ok(vec![None; operands.len()]);
    }
    let with_results = ir::get_attr(op, "args").is_some_and(|a| unsafe {
        !mlirDictionaryAttrGetElementByName(a, ir::sref("vjp_uses_results"))
            .ptr
            .is_null()
    });
    let mut values = operands.clone();
    if with_results {
        values.extend(results(op));
    }
    values.extend(ct.iter().flatten());
    let types: Vec<Type> = inputs
        .iter()
        .map(|i| ir::value_type(operands[*i as usize]))
        .collect();
    let kind = if with_results {
        "vjp_with_results"
    } else {
        "vjp"
    };
    let args = args_with(op, transform(p.ctx(), kind, &inputs, &outputs));
    let grads = call(p, op, &values, &types, args);
    let mut out = vec![None; operands.len()];
    for (k, i) in inputs.iter().enumerate() {
        out[*i as usize] = Some(ir::result(grads, k));
    }
    Ok(out)
}

fn opaque_jvp(p: &Prims, op: Op, tangents: &[Option<Value>]) -> Result<Vec<Option<Value>>, String> {
    let ys = results(op);
    let inputs: Vec<i64> = (0..tangents.len())
        .filter(|i| tangents[*i].is_some())
        .map(|i| i as i64)
        .collect();
    let outputs: Vec<i64> = (0..ys.len())
        .filter(|i| Prims::is_float(ys[*i]))
        .map(|i| i as i64)
        .collect();
    if inputs.is_empty() || outputs.is_empty() {
        return Ok(vec![None; ys.len()]);
    }
    let mut values = ir::operands(op);
    values.extend(tangents.iter().flatten());
    let types: Vec<Type> = outputs
        .iter()
        .map(|i| ir::value_type(ys[*i as usize]))
        .collect();
    let args = args_with(op, transform(p.ctx(), "jvp", &inputs, &outputs));
    let t = call(p, op, &values, &types, args);
    let mut out = vec![None; ys.len()];
    for (k, i) in outputs.iter().enumerate() {
        out[*i as usize] = Some(ir::result(t, k));
    }
    Ok(out)
}

fn opaque_batched(
    p: &Prims,
    op: Op,
    operands: &[(Value, bool)],
    size: i64,
) -> Result<Vec<(Value, bool)>, String> {
    let in_dims: Vec<i64> = operands
        .iter()
        .map(|(_, b)| if *b { 0 } else { -1 })
        .collect();
    let values: Vec<Value> = operands.iter().map(|(v, _)| *v).collect();
    let types: Vec<Type> = results(op)
        .iter()
        .map(|y| {
            let t = ir::value_type(*y);
            ir::tensor_type(&with_batch(size, &ir::shape_of(t)), ir::elem_of(t))
        })
        .collect();
    let args = args_with(op, transform(p.ctx(), "vmap", &in_dims, &[]));
    let batched = call(p, op, &values, &types, args);
    Ok((0..types.len())
        .map(|i| (ir::result(batched, i), true))
        .collect())
}
