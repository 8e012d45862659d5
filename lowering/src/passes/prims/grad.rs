//! `thunder-prims-grad`: reverse mode. A function whose first pending
//! transform (`thunder.transforms`) is
//!
//! - `{kind = "vjp", wrt = array<i64: i, ...>}` becomes the joint program:
//!   it takes, after its arguments, one cotangent per floating output, and
//!   returns its outputs, then the gradients of the arguments listed in `wrt`;
//! - `{kind = "grad", wrt = ...}` (one 0-d floating output, as
//!   `torch.func.grad`) seeds that output's cotangent with 1 and returns
//!   only the gradients.
//!
//! The backward ops come from each prim's rule (`rules`), walking the body in
//! reverse; a gradient reaching a value twice is summed. Only values that
//! depend on a `wrt` argument and are floating carry gradients; an argument
//! nothing depends on gets zeros. The function records the interface in
//! `thunder.joint = {primals, outputs, cotangents, gradients, active_outputs}`
//! (numbers of arguments and outputs, which outputs the cotangent arguments
//! belong to, which arguments the gradients are of, which outputs depend on
//! them), for the split into forward and backward and for the bridge.

use super::builder::Prims;
use super::rules;
use super::transform::{self, Failure, key};
use crate::ir::{self, Builder, Op, Value};
use std::collections::{HashMap, HashSet};

crate::pass::define_module_pass!(
    create_grad_pass,
    "thunder-prims-grad",
    "Reverse-mode differentiation of prims functions (vjp, grad) from per-prim VJP rules",
    run,
    [thunder_dialects::prims_dialect()]
);

fn run(module: Op) -> Result<(), ()> {
    transform::apply_each(module, PASS, &["vjp", "grad"], differentiate)
}

const PASS: &str = "thunder-prims-grad";

/// The floating values that depend on `seeds`, by a forward walk of `ops`.
pub fn active_values(ops: &[Op], seeds: &[Value]) -> Result<HashSet<usize>, (Op, String)> {
    let mut active: HashSet<usize> = seeds.iter().map(|v| key(*v)).collect();
    for op in ops {
        let operands = ir::operands(*op);
        if !operands.iter().any(|x| active.contains(&key(*x))) {
            continue;
        }
        let name = ir::op_name(*op);
        let Some(rule) = rules::rule_for(&name) else {
            return Err((*op, format!("'{name}' has no derivative rule")));
        };
        if matches!(rule.derivative, rules::Derivative::None) {
            continue;
        }
        for i in 0..ir::num_results(*op) {
            let r = ir::result(*op, i);
            if Prims::is_float(r) {
                active.insert(key(r));
            }
        }
    }
    Ok(active)
}

fn differentiate(func: Op, kind: &str, spec: ir::Attr) -> Result<(), Failure> {
    let ctx = ir::context_of(func);
    let loc = unsafe { mlir_sys::mlirOperationGetLocation(func) };
    let body = transform::body(func)?;
    let args = transform::args(body.block);
    let wrt = transform::int_list(spec, "wrt")?;
    for i in &wrt {
        let arg = usize::try_from(*i)
            .ok()
            .and_then(|i| args.get(i))
            .ok_or_else(|| {
                format!(
                    "wrt names argument {i}, but the function has {}",
                    args.len()
                )
            })?;
        if !Prims::is_float(*arg) {
            return Err(format!(
                "argument {i} is {}: only floating tensors have gradients",
                ir::type_to_string(ir::value_type(*arg))
            )
            .into());
        }
    }
    let wrt_args: Vec<Value> = wrt.iter().map(|i| args[*i as usize]).collect();
    let active =
        active_values(&body.ops, &wrt_args).map_err(|(op, m)| transform::at(op, PASS, &m))?;
    let outputs = ir::operands(body.ret);
    let floating: Vec<usize> = (0..outputs.len())
        .filter(|j| Prims::is_float(outputs[*j]))
        .collect();
    let p = Prims {
        b: Builder::before(body.ret),
    };
    let seed = kind == "grad";
    let mut cts: HashMap<usize, Value> = HashMap::new();
    let accumulate = |cts: &mut HashMap<usize, Value>, v: Value, g: Value| -> Result<(), String> {
        if !ir::types_equal(ir::value_type(v), ir::value_type(g)) {
            return Err(format!(
                "a rule gave a cotangent of {} for a value of {}",
                ir::type_to_string(ir::value_type(g)),
                ir::type_to_string(ir::value_type(v))
            ));
        }
        let sum = match cts.get(&key(v)) {
            Some(existing) => p.add(*existing, g),
            None => g,
        };
        cts.insert(key(v), sum);
        Ok(())
    };
    let mut cotangent_args = vec![];
    if seed {
        let single = outputs.len() == 1
            && Prims::is_float(outputs[0])
            && ir::shape_of(ir::value_type(outputs[0])).is_empty();
        if !single {
            let got: Vec<String> = outputs
                .iter()
                .map(|o| ir::type_to_string(ir::value_type(*o)))
                .collect();
            return Err(format!(
                "grad needs a function of one 0-d floating output, this one returns ({})",
                got.join(", ")
            )
            .into());
        }
        if active.contains(&key(outputs[0])) {
            let one = p.full_like(outputs[0], 1.0);
            accumulate(&mut cts, outputs[0], one)?;
        }
    } else {
        for j in &floating {
            let ct = transform::add_arg(body.block, ir::value_type(outputs[*j]), loc);
            cotangent_args.push(ct);
            if active.contains(&key(outputs[*j])) {
                accumulate(&mut cts, outputs[*j], ct)?;
            }
        }
    }
    for op in body.ops.iter().rev() {
        let results: Vec<Value> = (0..ir::num_results(*op))
            .map(|i| ir::result(*op, i))
            .collect();
        let result_cts: Vec<Option<Value>> = results
            .iter()
            .map(|r| {
                cts.get(&key(*r))
                    .copied()
                    .filter(|_| active.contains(&key(*r)))
            })
            .collect();
        if result_cts.iter().all(Option::is_none) {
            continue;
        }
        let name = ir::op_name(*op);
        let rule =
            rules::rule_for(&name).ok_or_else(|| format!("'{name}' has no derivative rule"))?;
        let operands = ir::operands(*op);
        let operand_active: Vec<bool> =
            operands.iter().map(|x| active.contains(&key(*x))).collect();
        let grads = rules::vjp(&p, *op, rule, &result_cts, &operand_active)
            .map_err(|m| transform::at(*op, PASS, &m))?;
        for ((x, g), is_active) in operands.iter().zip(grads).zip(&operand_active) {
            if let (Some(g), true) = (g, is_active) {
                accumulate(&mut cts, *x, g)
                    .map_err(|m| transform::at(*op, PASS, &format!("the VJP of '{name}': {m}")))?;
            }
        }
    }
    let grads: Vec<Value> = wrt_args
        .iter()
        .map(|a| {
            cts.get(&key(*a))
                .copied()
                .unwrap_or_else(|| p.zeros_like(*a))
        })
        .collect();
    let active_outputs: Vec<i64> = (0..outputs.len())
        .filter(|j| active.contains(&key(outputs[*j])))
        .map(|j| j as i64)
        .collect();
    let mut results = if seed { vec![] } else { outputs.clone() };
    results.extend(&grads);
    let n_args = args.len();
    let mut arg_attrs = transform::arg_attrs(func, n_args);
    for j in &floating {
        if !seed {
            let a = transform::dictionary(
                ctx,
                &[("thunder.cotangent_of", ir::i64_attr(ctx, *j as i64))],
            );
            arg_attrs.push(a);
        }
    }
    let mut res_attrs = if seed {
        vec![]
    } else {
        transform::result_attrs(func, outputs.len())
    };
    for i in &wrt {
        res_attrs.push(transform::dictionary(
            ctx,
            &[("thunder.grad_of", ir::i64_attr(ctx, *i))],
        ));
    }
    transform::set_signature(func, &body, &results, &arg_attrs, &res_attrs);
    let floating_i64: Vec<i64> = if seed {
        vec![]
    } else {
        floating.iter().map(|j| *j as i64).collect()
    };
    let joint = transform::dictionary(
        ctx,
        &[
            ("primals", ir::i64_attr(ctx, n_args as i64)),
            (
                "outputs",
                ir::i64_attr(ctx, if seed { 0 } else { outputs.len() as i64 }),
            ),
            ("cotangents", ir::i64_array(ctx, &floating_i64)),
            ("gradients", ir::i64_array(ctx, &wrt)),
            ("active_outputs", ir::i64_array(ctx, &active_outputs)),
        ],
    );
    unsafe { mlir_sys::mlirOperationSetAttributeByName(func, ir::sref("thunder.joint"), joint) };
    Ok(())
}
