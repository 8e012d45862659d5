//! `thunder-prims-vmap`: batching. A function whose first pending transform
//! is `{kind = "vmap", in_dims = array<i64: ...>, out_dims = array<i64: ...>,
//! size = B : i64}` (one in_dim per argument, -1 for an unbatched one; one
//! out_dim per output) becomes the function over a batch of B: each batched
//! argument gains a dimension of size B at its in_dim, each output at its
//! out_dim. Inside, the batch is always dimension 0 (arguments are moved
//! there first); each op with a batched operand is rewritten by its prim's
//! batching rule (`rules`), the others are copied as they are. Outputs that
//! do not depend on the batch are broadcast over it, as `torch.func.vmap`
//! returns them.

use super::builder::Prims;
use super::rules;
use super::transform::{self, Failure, key};
use crate::ir::{self, Builder, Op, Value};
use mlir_sys::*;
use std::collections::HashMap;

crate::pass::define_module_pass!(
    create_vmap_pass,
    "thunder-prims-vmap",
    "Batch prims functions over a new dimension from per-prim batching rules",
    run,
    [thunder_dialects::prims_dialect()]
);

fn run(module: Op) -> Result<(), ()> {
    transform::apply_each(module, PASS, &["vmap"], |func, _, spec| {
        batch_function(func, spec)
    })
}

const PASS: &str = "thunder-prims-vmap";

/// The permutation that moves dimension `from` to position `to`.
fn moving(rank: usize, from: usize, to: usize) -> Vec<i64> {
    let mut rest: Vec<i64> = (0..rank as i64).filter(|d| *d != from as i64).collect();
    rest.insert(to, from as i64);
    rest
}

fn batch_function(func: Op, spec: ir::Attr) -> Result<(), Failure> {
    let ctx = ir::context_of(func);
    let loc = unsafe { mlirOperationGetLocation(func) };
    let body = transform::body(func)?;
    let old_args = transform::args(body.block);
    let in_dims = transform::int_list(spec, "in_dims")?;
    let outputs = ir::operands(body.ret);
    let out_dims = transform::int_list(spec, "out_dims")?;
    let size = transform::int(spec, "size")?;
    if in_dims.len() != old_args.len() {
        return Err(format!(
            "in_dims has {} entries for {} arguments",
            in_dims.len(),
            old_args.len()
        )
        .into());
    }
    if out_dims.len() != outputs.len() {
        return Err(format!(
            "out_dims has {} entries for {} outputs",
            out_dims.len(),
            outputs.len()
        )
        .into());
    }
    if size < 0 {
        return Err(format!("the batch size must not be negative, got {size}").into());
    }
    if !in_dims.iter().any(|d| *d >= 0) {
        return Err("no argument is batched (every in_dim is -1)".into());
    }
    // The new entry block: batched arguments carry the batch at their in_dim.
    let mut types = vec![];
    for (i, (a, d)) in old_args.iter().zip(&in_dims).enumerate() {
        let t = ir::value_type(*a);
        if *d < 0 {
            types.push(t);
            continue;
        }
        let mut shape = ir::shape_of(t);
        if !ir::is_tensor(t) || *d as usize > shape.len() {
            return Err(format!(
                "in_dim {d} is out of range for argument {i} of {}",
                ir::type_to_string(t)
            )
            .into());
        }
        shape.insert(*d as usize, size);
        types.push(ir::tensor_type(&shape, ir::elem_of(t)));
    }
    let locs = vec![loc; types.len()];
    let block = unsafe { mlirBlockCreate(types.len() as isize, types.as_ptr(), locs.as_ptr()) };
    let b = Builder::at_end(block, ctx, loc);
    let p = Prims { b };
    let mut map: HashMap<usize, (Value, bool)> = HashMap::new();
    for (i, (a, d)) in old_args.iter().zip(&in_dims).enumerate() {
        let new = ir::block_arg(block, i);
        let value = if *d > 0 {
            let rank = ir::shape_of(types[i]).len();
            p.transpose(new, &moving(rank, *d as usize, 0))
        } else {
            new
        };
        map.insert(key(*a), (value, *d >= 0));
    }
    let lookup = |map: &HashMap<usize, (Value, bool)>, v: Value| -> (Value, bool) {
        // Values defined outside the function (none in prims functions) stay.
        map.get(&key(v)).copied().unwrap_or((v, false))
    };
    for op in &body.ops {
        let operands: Vec<(Value, bool)> = ir::operands(*op)
            .into_iter()
            .map(|v| lookup(&map, v))
            .collect();
        let results: Vec<(Value, bool)> = if operands.iter().any(|(_, batched)| *batched) {
            let name = ir::op_name(*op);
            let rule = rules::rule_for(&name).ok_or_else(|| {
                transform::at(*op, PASS, &format!("'{name}' has no batching rule"))
            })?;
            rules::batch(&p, *op, rule, &operands, size)
                .map_err(|m| transform::at(*op, PASS, &m))?
        } else {
            let copy = unsafe { mlirOperationClone(*op) };
            for (i, (v, _)) in operands.iter().enumerate() {
                ir::set_operand(copy, i, *v);
            }
            unsafe { mlirBlockAppendOwnedOperation(block, copy) };
            (0..ir::num_results(copy))
                .map(|i| (ir::result(copy, i), false))
                .collect()
        };
        for (i, r) in results.into_iter().enumerate() {
            map.insert(key(ir::result(*op, i)), r);
        }
    }
    let mut results = vec![];
    for (j, (o, d)) in outputs.iter().zip(&out_dims).enumerate() {
        let value = rules::batched(&p, lookup(&map, *o), size);
        let rank = ir::shape_of(ir::value_type(value)).len();
        if *d < 0 || *d as usize >= rank {
            return Err(format!(
                "out_dim {d} is out of range for output {j} (rank {rank} with the batch)"
            )
            .into());
        }
        results.push(p.transpose(value, &moving(rank, 0, *d as usize)));
    }
    // The new block replaces the old one.
    let placeholder = b.create("func.return", &[], &[], &[], vec![]);
    unsafe {
        let region = mlirOperationGetRegion(func, 0);
        mlirBlockDetach(body.block);
        mlirBlockDestroy(body.block);
        mlirRegionAppendOwnedBlock(region, block);
    }
    let new_body = transform::Body {
        block,
        ops: vec![],
        ret: placeholder,
    };
    let arg_attrs = transform::arg_attrs(func, old_args.len());
    let res_attrs = transform::result_attrs(func, outputs.len());
    transform::set_signature(func, &new_body, &results, &arg_attrs, &res_attrs);
    Ok(())
}
