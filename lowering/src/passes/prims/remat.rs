//! `thunder-prims-remat`: in a joint program (`thunder.joint`), decides which
//! forward values the backward reads from memory and which it recomputes,
//! by a minimum cut over the forward graph (as Thunder and functorch do):
//! saving a value costs its bytes; cheap ops (elementwise, broadcasts,
//! reshapes, slices, constants) may be recomputed from whatever is saved,
//! while reductions, matmuls, random and torch ops are always computed once,
//! in the forward. Primal arguments cost nothing to keep (the caller holds
//! them). The backward then reads the cut's values and recomputes the rest,
//! each recomputed op copied right before the first backward op that needs
//! it; `thunder-prims-split-forward-backward` finds the cut as the saved set.

use super::split::{forward_ops, joint};
use super::transform::{self, key};
use crate::ir::{self, Elem, Op, Value};
use mlir_sys::*;
use std::collections::{HashMap, HashSet, VecDeque};

crate::pass::define_module_pass!(
    create_remat_pass,
    "thunder-prims-remat",
    "Recompute cheap forward values in the backward of joint programs instead of saving them (min-cut)",
    run,
    [thunder_dialects::prims_dialect()]
);

fn run(module: Op) -> Result<(), ()> {
    let mut ok = true;
    for func in ir::collect_ops(module, "func.func") {
        let Some(j) = joint(func) else {
            continue;
        };
        if let Err(message) = j.and_then(|j| rematerialize(func, j.primals, j.outputs)) {
            ir::emit_error(func, &format!("thunder-prims-remat: {message}"));
            ok = false;
        }
    }
    if ok { Ok(()) } else { Err(()) }
}

/// Ops whose results the backward may recompute: cheap, pure, one result
/// (scalar constants too, so a Python number is never saved).
fn recomputable(op: Op) -> bool {
    let name = ir::op_name(op);
    if name == "arith.constant" {
        return true;
    }
    let Some(prim) = name.strip_prefix("thunder_prims.") else {
        return false;
    };
    !matches!(
        prim,
        "sum" | "prod" | "amax" | "amin" | "var_mean" | "matmul" | "uniform"
    ) && ir::num_results(op) == 1
}

fn bytes(v: Value) -> i64 {
    let t = ir::value_type(v);
    if !ir::is_tensor(t) {
        return 8;
    }
    let bits = match Elem::of(ir::elem_of(t)) {
        Elem::Bool => 8,
        e => e.width(),
    };
    ir::addressable_elements(&ir::shape_of(t), bits).unwrap_or(i64::MAX / 4) * i64::from(bits / 8)
}

const INF: i64 = 1 << 60;

/// Dinic's maximum flow on a small graph; returns the nodes reachable from
/// the source in the residual graph (the source side of a minimum cut).
struct Flow {
    to: Vec<usize>,
    cap: Vec<i64>,
    next: Vec<Option<usize>>,
    head: Vec<Option<usize>>,
}

impl Flow {
    fn new(nodes: usize) -> Self {
        Flow {
            to: vec![],
            cap: vec![],
            next: vec![],
            head: vec![None; nodes],
        }
    }

    fn edge(&mut self, a: usize, b: usize, c: i64) {
        for (from, to, cap) in [(a, b, c), (b, a, 0)] {
            self.to.push(to);
            self.cap.push(cap);
            self.next.push(self.head[from]);
            self.head[from] = Some(self.to.len() - 1);
        }
    }

    fn levels(&self, s: usize) -> Vec<Option<u32>> {
        let mut level = vec![None; self.head.len()];
        level[s] = Some(0);
        let mut queue = VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            let mut e = self.head[u];
            while let Some(i) = e {
                if self.cap[i] > 0 && level[self.to[i]].is_none() {
                    level[self.to[i]] = Some(level[u].unwrap() + 1);
                    queue.push_back(self.to[i]);
                }
                e = self.next[i];
            }
        }
        level
    }

    fn push(
        &mut self,
        u: usize,
        t: usize,
        f: i64,
        level: &[Option<u32>],
        iter: &mut [Option<usize>],
    ) -> i64 {
        if u == t {
            return f;
        }
        while let Some(i) = iter[u] {
            let v = self.to[i];
            if self.cap[i] > 0 && level[v] == level[u].map(|l| l + 1) {
                let d = self.push(v, t, f.min(self.cap[i]), level, iter);
                if d > 0 {
                    self.cap[i] -= d;
                    self.cap[i ^ 1] += d;
                    return d;
                }
            }
            iter[u] = self.next[i];
        }
        0
    }

    fn min_cut_source_side(mut self, s: usize, t: usize) -> Vec<bool> {
        loop {
            let level = self.levels(s);
            if level[t].is_none() {
                return level.iter().map(Option::is_some).collect();
            }
            let mut iter = self.head.clone();
            while self.push(s, t, INF, &level, &mut iter) > 0 {}
        }
    }
}

fn rematerialize(func: Op, primals: usize, outputs: usize) -> Result<(), String> {
    let body = transform::body(func)?;
    let args = transform::args(body.block);
    let forward = forward_ops(&body, outputs);
    let is_forward = |op: &Op| forward.contains(&(op.ptr as usize));
    // Candidate values: the primal arguments and the forward ops' results.
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut values: Vec<(Value, Option<Op>)> = vec![];
    for a in &args[..primals] {
        index.insert(key(*a), values.len());
        values.push((*a, None));
    }
    for op in body.ops.iter().filter(|op| is_forward(op)) {
        for i in 0..ir::num_results(*op) {
            index.insert(key(ir::result(*op, i)), values.len());
            values.push((ir::result(*op, i), Some(*op)));
        }
    }
    let (source, sink) = (2 * values.len(), 2 * values.len() + 1);
    let mut flow = Flow::new(2 * values.len() + 2);
    for (n, (v, def)) in values.iter().enumerate() {
        let (vin, vout) = (2 * n, 2 * n + 1);
        // Between cuts of equal bytes, saving later values wins (less to
        // recompute in the backward, as eager saves tanh's result, not its
        // input).
        let later = (values.len() - n).min(1 << 15) as i64;
        let cost = match def {
            None => 1,
            Some(_) => bytes(*v).saturating_mul(1 << 16).saturating_add(later),
        };
        flow.edge(vin, vout, cost);
        match def {
            Some(op) if recomputable(*op) => {
                for w in ir::operands(*op) {
                    if let Some(m) = index.get(&key(w)) {
                        flow.edge(2 * m + 1, vin, INF);
                    }
                }
            }
            _ => flow.edge(source, vin, INF),
        }
    }
    let backward: Vec<Op> = body
        .ops
        .iter()
        .copied()
        .filter(|op| !is_forward(op))
        .collect();
    let mut needed: HashSet<usize> = HashSet::new();
    for op in &backward {
        needed.extend(
            ir::operands(*op)
                .iter()
                .filter_map(|v| index.get(&key(*v)).copied()),
        );
    }
    for v in &ir::operands(body.ret)[outputs..] {
        if let Some(n) = index.get(&key(*v)) {
            needed.insert(*n);
        }
    }
    for n in &needed {
        flow.edge(2 * n + 1, sink, INF);
    }
    let source_side = flow.min_cut_source_side(source, sink);
    let recompute = |n: usize| !source_side[2 * n];
    // Copy the recomputed ops into the backward, before their first use.
    let mut clones: HashMap<usize, Value> = HashMap::new();
    fn clone_of(
        v: Value,
        before: Op,
        index: &HashMap<usize, usize>,
        values: &[(Value, Option<Op>)],
        recompute: &dyn Fn(usize) -> bool,
        clones: &mut HashMap<usize, Value>,
    ) -> Value {
        let Some(n) = index.get(&key(v)).copied().filter(|n| recompute(*n)) else {
            return v;
        };
        if let Some(c) = clones.get(&key(v)) {
            return *c;
        }
        let op = values[n].1.expect("arguments are never recomputed");
        let operands: Vec<Value> = ir::operands(op)
            .into_iter()
            .map(|w| clone_of(w, before, index, values, recompute, clones))
            .collect();
        let copy = unsafe { mlirOperationClone(op) };
        for (i, w) in operands.into_iter().enumerate() {
            ir::set_operand(copy, i, w);
        }
        unsafe { mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(before), before, copy) };
        let c = ir::result(copy, 0);
        clones.insert(key(v), c);
        c
    }
    let mut users: Vec<Op> = backward;
    users.push(body.ret);
    for op in users {
        let operands = ir::operands(op);
        for (i, v) in operands.iter().enumerate() {
            if op.ptr == body.ret.ptr && i < outputs {
                continue;
            }
            let c = clone_of(*v, op, &index, &values, &recompute, &mut clones);
            if c.ptr != v.ptr {
                ir::set_operand(op, i, c);
            }
        }
    }
    Ok(())
}
