//! `thunder-exec-insert-releases`: in each plan (a function that launches
//! kernels or calls executors), releases every intermediate tensor right after
//! its last use, so the runtime frees buffers as early as possible.

use crate::ir::{self, Builder, Op, Value};
use mlir_sys::*;

crate::pass::define_module_pass!(
    create_insert_releases_pass,
    "thunder-exec-insert-releases",
    "Insert thunder_exec.release after the last use of each intermediate in plans",
    run,
    [thunder_dialects::exec_dialect()]
);

fn run(module: Op) -> Result<(), ()> {
    for func in ir::collect_ops(module, "func.func") {
        let ops = ir::body_ops(func);
        let is_plan = ops.iter().any(|op| {
            let n = ir::op_name(*op);
            n == "thunder_exec.launch" || n == "thunder_exec.call"
        });
        if is_plan {
            insert_releases(func, &ops);
        }
    }
    Ok(())
}

/// The op of `func`'s body that is or contains `op`.
fn top_level_ancestor(func: Op, op: Op) -> Option<Op> {
    let mut cur = op;
    loop {
        let parent = unsafe { mlirOperationGetParentOperation(cur) };
        if parent.ptr.is_null() {
            return None;
        }
        if unsafe { mlirOperationEqual(parent, func) } {
            return Some(cur);
        }
        cur = parent;
    }
}

fn position(ops: &[Op], op: Op) -> Option<usize> {
    ops.iter()
        .position(|o| unsafe { mlirOperationEqual(*o, op) })
}

fn insert_releases(func: Op, ops: &[Op]) {
    // For each position, the tensors whose last use it is.
    let mut dying: Vec<Vec<Value>> = vec![vec![]; ops.len()];
    for (i, op) in ops.iter().enumerate() {
        for r in 0..ir::num_results(*op) {
            let v = ir::result(*op, r);
            if !ir::is_tensor(ir::value_type(v)) {
                continue;
            }
            let mut last = i;
            // Returned values outlive the plan; released ones already die
            // (the pass may run twice).
            let mut keep = false;
            for (owner, _) in ir::uses(v) {
                let name = ir::op_name(owner);
                keep |= name == "func.return" || name == "thunder_exec.release";
                // A use inside a nested region counts at the op holding it.
                if let Some(p) = top_level_ancestor(func, owner).and_then(|a| position(ops, a)) {
                    last = last.max(p);
                }
            }
            if !keep {
                dying[last].push(v);
            }
        }
    }
    for (i, values) in dying.into_iter().enumerate() {
        if values.is_empty() {
            continue;
        }
        let next = unsafe { mlirOperationGetNextInBlock(ops[i]) };
        if next.ptr.is_null() {
            continue;
        }
        Builder::before(next).create("thunder_exec.release", &values, &[], &[], vec![]);
    }
}
