//! `thunder-prims-jvp`: forward mode. A function whose first pending
//! transform is `{kind = "jvp"}` takes, after its arguments, one tangent per
//! floating argument, and returns its outputs, then one tangent per floating
//! output (zeros where the output does not depend on the arguments). Each
//! op's tangents come from its prim's rule (`rules`), right after the op:
//! forward mode, not a reverse pass run twice. The interface is recorded in
//! `thunder.jvp = {primals, tangents, outputs, tangent_outputs}`.

use super::builder::Prims;
use super::rules;
use super::transform::{self, Failure, key};
use crate::ir::{self, Builder, Op, Value};
use std::collections::HashMap;

crate::pass::define_module_pass!(
    create_jvp_pass,
    "thunder-prims-jvp",
    "Forward-mode differentiation of prims functions from per-prim JVP rules",
    run,
    [thunder_dialects::prims_dialect()]
);

fn run(module: Op) -> Result<(), ()> {
    transform::apply_each(module, PASS, &["jvp"], |func, _, _| forward(func))
}

const PASS: &str = "thunder-prims-jvp";

fn forward(func: Op) -> Result<(), Failure> {
    let ctx = ir::context_of(func);
    let loc = unsafe { mlir_sys::mlirOperationGetLocation(func) };
    let body = transform::body(func)?;
    let args = transform::args(body.block);
    let mut tangents: HashMap<usize, Value> = HashMap::new();
    let floating_args: Vec<usize> = (0..args.len())
        .filter(|i| Prims::is_float(args[*i]))
        .collect();
    for i in &floating_args {
        let t = transform::add_arg(body.block, ir::value_type(args[*i]), loc);
        tangents.insert(key(args[*i]), t);
    }
    for (n, op) in body.ops.iter().enumerate() {
        let operands = ir::operands(*op);
        let ts: Vec<Option<Value>> = operands
            .iter()
            .map(|x| tangents.get(&key(*x)).copied())
            .collect();
        if ts.iter().all(Option::is_none) {
            continue;
        }
        let name = ir::op_name(*op);
        let Some(rule) = rules::rule_for(&name) else {
            return Err(transform::at(
                *op,
                PASS,
                &format!("'{name}' has no derivative rule"),
            ));
        };
        // The tangent ops go right after the op (before the next one).
        let next = body.ops.get(n + 1).copied().unwrap_or(body.ret);
        let p = Prims {
            b: Builder::before(next),
        };
        let out = rules::jvp(&p, *op, rule, &ts).map_err(|m| transform::at(*op, PASS, &m))?;
        for (i, t) in out.into_iter().enumerate() {
            if let Some(t) = t {
                tangents.insert(key(ir::result(*op, i)), t);
            }
        }
    }
    let outputs = ir::operands(body.ret);
    let p = Prims {
        b: Builder::before(body.ret),
    };
    let floating_outputs: Vec<usize> = (0..outputs.len())
        .filter(|j| Prims::is_float(outputs[*j]))
        .collect();
    let mut results = outputs.clone();
    for j in &floating_outputs {
        let o = outputs[*j];
        results.push(
            tangents
                .get(&key(o))
                .copied()
                .unwrap_or_else(|| p.zeros_like(o)),
        );
    }
    let mut arg_attrs = transform::arg_attrs(func, args.len());
    for i in &floating_args {
        arg_attrs.push(transform::dictionary(
            ctx,
            &[("thunder.tangent_of", ir::i64_attr(ctx, *i as i64))],
        ));
    }
    let mut res_attrs = transform::result_attrs(func, outputs.len());
    for j in &floating_outputs {
        res_attrs.push(transform::dictionary(
            ctx,
            &[("thunder.tangent_of", ir::i64_attr(ctx, *j as i64))],
        ));
    }
    transform::set_signature(func, &body, &results, &arg_attrs, &res_attrs);
    let as_i64 = |v: &[usize]| v.iter().map(|i| *i as i64).collect::<Vec<_>>();
    let spec = transform::dictionary(
        ctx,
        &[
            ("primals", ir::i64_attr(ctx, args.len() as i64)),
            ("tangents", ir::i64_array(ctx, &as_i64(&floating_args))),
            ("outputs", ir::i64_attr(ctx, outputs.len() as i64)),
            (
                "tangent_outputs",
                ir::i64_array(ctx, &as_i64(&floating_outputs)),
            ),
        ],
    );
    unsafe { mlir_sys::mlirOperationSetAttributeByName(func, ir::sref("thunder.jvp"), spec) };
    Ok(())
}
