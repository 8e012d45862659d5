//! `thunder-prims-split-forward-backward`: a joint program (`thunder.joint`,
//! from `thunder-prims-grad`'s `vjp`) becomes two programs, each in a module
//! of its own so that every later stage runs on each alone:
//!
//! - `module @<f>_forward`: `func @<f>(primals) -> (outputs, saved)`;
//! - `module @<f>_backward`: `func @<f>(saved, primals it reads, cotangents it
//!   reads) -> gradients`, each argument saying what it is
//!   (`thunder.saved = k`, `thunder.primal = i`, `thunder.cotangent_of = j`).
//!
//! The forward program is what the outputs need; everything else is
//! backward. What crosses is the saved set: forward values the backward reads
//! (primal arguments are passed to the backward directly, not saved).
//! `thunder-prims-remat` runs first to make that set small. Both modules keep
//! the parent's attributes (executors, target); `thunder.forward` and
//! `thunder.backward` record the interfaces.

use super::transform::{self, key};
use crate::ir::{self, Attr, Op, Value};
use mlir_sys::*;
use std::collections::{HashMap, HashSet};

crate::pass::define_module_pass!(
    create_split_pass,
    "thunder-prims-split-forward-backward",
    "Split joint forward+backward prims functions into a forward and a backward module",
    run,
    [thunder_dialects::prims_dialect()]
);

/// The ops the outputs need (the forward), by a backward walk from the
/// first `outputs` results of the return.
pub fn forward_ops(body: &transform::Body, outputs: usize) -> HashSet<usize> {
    let mut needed: HashSet<usize> = ir::operands(body.ret)[..outputs]
        .iter()
        .map(|v| key(*v))
        .collect();
    let mut forward = HashSet::new();
    for op in body.ops.iter().rev() {
        let results: Vec<Value> = (0..ir::num_results(*op))
            .map(|i| ir::result(*op, i))
            .collect();
        if results.iter().any(|r| needed.contains(&key(*r))) {
            forward.insert(op.ptr as usize);
            needed.extend(ir::operands(*op).iter().map(|v| key(*v)));
        }
    }
    forward
}

/// The joint function's interface, from `thunder.joint`.
pub struct Joint {
    pub primals: usize,
    pub outputs: usize,
    pub spec: Attr,
}

pub fn joint(func: Op) -> Option<Result<Joint, String>> {
    let spec = ir::get_attr(func, "thunder.joint")?;
    let read = || -> Result<Joint, String> {
        let primals = transform::int(spec, "primals")? as usize;
        let outputs = transform::int(spec, "outputs")? as usize;
        Ok(Joint {
            primals,
            outputs,
            spec,
        })
    };
    Some(read())
}

fn run(module: Op) -> Result<(), ()> {
    let mut ok = true;
    for func in ir::collect_ops(module, "func.func") {
        let Some(joint) = joint(func) else {
            continue;
        };
        if let Err(message) = joint.and_then(|j| split(module, func, &j)) {
            ir::emit_error(
                func,
                &format!("thunder-prims-split-forward-backward: {message}"),
            );
            ok = false;
        }
    }
    if ok { Ok(()) } else { Err(()) }
}

fn symbol(func: Op) -> String {
    ir::attr_string(ir::get_attr(func, "sym_name").expect("a func has a name"))
}

/// A new module named `name` beside `func`, with the parent's attributes.
fn sibling_module(parent: Op, func: Op, name: &str) -> MlirBlock {
    let ctx = ir::context_of(func);
    let b = ir::Builder::before(func);
    let (region, block) = ir::region_with_block(&[], unsafe { mlirOperationGetLocation(func) });
    let mut attrs: Vec<(String, Attr)> = ir::attributes(parent)
        .into_iter()
        .filter(|(n, _)| n != "sym_name")
        .collect();
    attrs.push(("sym_name".into(), ir::str_attr(ctx, name)));
    let named: Vec<(&str, Attr)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    b.create("builtin.module", &[], &[], &named, vec![region]);
    block
}

/// A function `name` with arguments of `arg_types` at the end of `block`;
/// returns it and its entry block.
fn new_function(block: MlirBlock, like: Op, name: &str, arg_types: &[ir::Type]) -> (Op, MlirBlock) {
    let ctx = ir::context_of(like);
    let loc = unsafe { mlirOperationGetLocation(like) };
    let (region, entry) = ir::region_with_block(arg_types, loc);
    let fn_type = unsafe {
        mlirFunctionTypeGet(
            ctx,
            arg_types.len() as isize,
            arg_types.as_ptr(),
            0,
            std::ptr::null(),
        )
    };
    let func = ir::create_func(ctx, loc, name, fn_type, region, &[]);
    unsafe { mlirBlockAppendOwnedOperation(block, func) };
    (func, entry)
}

/// Copies `ops` (in order) to the end of `block`, operands through `map`.
fn copy_ops(ops: &[Op], block: MlirBlock, map: &mut HashMap<usize, Value>) -> Result<(), String> {
    for op in ops {
        let copy = unsafe { mlirOperationClone(*op) };
        for (i, v) in ir::operands(*op).into_iter().enumerate() {
            let mapped = map.get(&key(v)).copied().ok_or_else(|| {
                format!(
                    "'{}' reads a value the program does not define",
                    ir::op_name(*op)
                )
            })?;
            ir::set_operand(copy, i, mapped);
        }
        unsafe { mlirBlockAppendOwnedOperation(block, copy) };
        for i in 0..ir::num_results(*op) {
            map.insert(key(ir::result(*op, i)), ir::result(copy, i));
        }
    }
    Ok(())
}

fn finish(func: Op, entry: MlirBlock, results: &[Value], arg_attrs: &[Attr], res_attrs: &[Attr]) {
    let ctx = ir::context_of(func);
    let loc = unsafe { mlirOperationGetLocation(func) };
    let ret = ir::Builder::at_end(entry, ctx, loc).create("func.return", &[], &[], &[], vec![]);
    let body = transform::Body {
        block: entry,
        ops: vec![],
        ret,
    };
    transform::set_signature(func, &body, results, arg_attrs, res_attrs);
}

fn split(module: Op, func: Op, joint: &Joint) -> Result<(), String> {
    let ctx = ir::context_of(func);
    let body = transform::body(func)?;
    let args = transform::args(body.block);
    let returned = ir::operands(body.ret);
    let forward = forward_ops(&body, joint.outputs);
    let (fwd, bwd): (Vec<Op>, Vec<Op>) = body
        .ops
        .iter()
        .partition(|op| forward.contains(&(op.ptr as usize)));
    let forward_values: HashSet<usize> = fwd
        .iter()
        .flat_map(|op| (0..ir::num_results(*op)).map(|i| key(ir::result(*op, i))))
        .collect();
    // What the backward reads from before it: saved forward values, primals
    // and cotangents, in order of first use.
    let mut saved: Vec<Value> = vec![];
    let mut primals: Vec<usize> = vec![];
    let mut cotangents: Vec<usize> = vec![];
    let mut note = |v: Value, saved: &mut Vec<Value>| {
        if forward_values.contains(&key(v)) {
            if !saved.iter().any(|s| key(*s) == key(v)) {
                saved.push(v);
            }
        } else if let Some(i) = args.iter().position(|a| key(*a) == key(v)) {
            let list = if i < joint.primals {
                &mut primals
            } else {
                &mut cotangents
            };
            if !list.contains(&i) {
                list.push(i);
            }
        }
    };
    for op in &bwd {
        for v in ir::operands(*op) {
            note(v, &mut saved);
        }
    }
    for v in &returned[joint.outputs..] {
        note(*v, &mut saved);
    }
    let name = symbol(func);
    let arg_attrs_all = transform::arg_attrs(func, args.len());
    let res_attrs_all = transform::result_attrs(func, returned.len());

    // Forward: primals -> outputs, saved.
    let block = sibling_module(module, func, &format!("{name}_forward"));
    let primal_types: Vec<ir::Type> = args[..joint.primals]
        .iter()
        .map(|a| ir::value_type(*a))
        .collect();
    let (ffunc, entry) = new_function(block, func, &name, &primal_types);
    let mut map: HashMap<usize, Value> = HashMap::new();
    for (i, a) in args[..joint.primals].iter().enumerate() {
        map.insert(key(*a), ir::block_arg(entry, i));
    }
    copy_ops(&fwd, entry, &mut map)?;
    let mut results: Vec<Value> = returned[..joint.outputs]
        .iter()
        .map(|v| map[&key(*v)])
        .collect();
    results.extend(saved.iter().map(|v| map[&key(*v)]));
    let mut res_attrs = res_attrs_all[..joint.outputs].to_vec();
    for k in 0..saved.len() {
        res_attrs.push(transform::dictionary(
            ctx,
            &[("thunder.saved", ir::i64_attr(ctx, k as i64))],
        ));
    }
    finish(
        ffunc,
        entry,
        &results,
        &arg_attrs_all[..joint.primals],
        &res_attrs,
    );
    let interface = transform::dictionary(
        ctx,
        &[
            ("outputs", ir::i64_attr(ctx, joint.outputs as i64)),
            ("saved", ir::i64_attr(ctx, saved.len() as i64)),
        ],
    );
    unsafe { mlirOperationSetAttributeByName(ffunc, ir::sref("thunder.forward"), interface) };

    // Backward: saved, primals, cotangents -> gradients.
    let block = sibling_module(module, func, &format!("{name}_backward"));
    let mut inputs: Vec<Value> = saved.clone();
    inputs.extend(primals.iter().map(|i| args[*i]));
    inputs.extend(cotangents.iter().map(|i| args[*i]));
    let types: Vec<ir::Type> = inputs.iter().map(|v| ir::value_type(*v)).collect();
    let (bfunc, entry) = new_function(block, func, &name, &types);
    let mut map: HashMap<usize, Value> = HashMap::new();
    let mut arg_attrs = vec![];
    for (n, v) in inputs.iter().enumerate() {
        map.insert(key(*v), ir::block_arg(entry, n));
        arg_attrs.push(if n < saved.len() {
            transform::dictionary(ctx, &[("thunder.saved", ir::i64_attr(ctx, n as i64))])
        } else if n < saved.len() + primals.len() {
            let i = primals[n - saved.len()];
            transform::dictionary(ctx, &[("thunder.primal", ir::i64_attr(ctx, i as i64))])
        } else {
            arg_attrs_all[cotangents[n - saved.len() - primals.len()]]
        });
    }
    copy_ops(&bwd, entry, &mut map)?;
    let grads: Vec<Value> = returned[joint.outputs..]
        .iter()
        .map(|v| {
            map.get(&key(*v))
                .copied()
                .ok_or_else(|| "a gradient the backward cannot reach".to_string())
        })
        .collect::<Result<_, _>>()?;
    finish(
        bfunc,
        entry,
        &grads,
        &arg_attrs,
        &res_attrs_all[joint.outputs..],
    );
    unsafe { mlirOperationSetAttributeByName(bfunc, ir::sref("thunder.backward"), joint.spec) };
    ir::erase(func);
    Ok(())
}
