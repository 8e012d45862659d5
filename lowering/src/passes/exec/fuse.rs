//! `thunder-fuse`: prims level → exec level.
//!
//! Decides who runs each op, in the module's executor order
//! (`thunder.executors`, default `["blas", "thunder_cpu", "torch"]`; the C API
//! cannot give Rust passes options, so the choice is an attribute):
//! - `blas` claims f32/f64 `thunder_prims.matmul` → `thunder_exec.call "blas", "matmul"`;
//!   an operand that is a transpose of the last two dimensions (a linear
//!   layer's weight) is passed untransposed with `args = {transpose_lhs|rhs}`,
//!   so the GEMM reads it transposed instead of a kernel copying it;
//! - f16/bf16 matmuls go to `torch` when it is listed: `thunder_exec.call
//!   "torch", "thunder_prims.matmul"`, torch's GEMM (thunder_cpu's generated
//!   loops only when torch is not listed);
//! - `thunder_cpu` claims the other prims; runs of consecutive claimed ops
//!   become one `thunder_exec.fusion "thunder_cpu"` region each, i.e. one
//!   generated kernel, with scalar constants cloned in;
//! - `thunder_torch.opaque` goes to the executor its callee names
//!   (`"myex::..."`) when listed, else to `torch`: `thunder_exec.call <executor>, <callee>`.
//!
//! Program order is topological, so a run of consecutive ops can always be
//! fused: every value it needs from outside is defined before it.
//!
//! A function holding an op that no listed executor can run (or a torch-level
//! op other than `opaque`) gets an error at each such op and is left as it
//! was. Kernels (functions tagged `thunder.executor`) are not fused again.

use crate::ir::{self, Builder, Elem, Op, Value};
use mlir_sys::*;

crate::pass::define_module_pass!(
    create_fuse_pass,
    "thunder-fuse",
    "Group prims into thunder_exec fusion regions and library/torch calls, by executor",
    run,
    [thunder_dialects::exec_dialect()]
);

pub const DEFAULT_EXECUTORS: [&str; 3] = ["blas", "thunder_cpu", "torch"];

fn executors(module: Op) -> Result<Vec<String>, String> {
    let Some(a) = ir::get_attr(module, "thunder.executors") else {
        return Ok(DEFAULT_EXECUTORS.iter().map(|s| s.to_string()).collect());
    };
    let bad = || {
        format!(
            "thunder-fuse: 'thunder.executors' must be an array of strings, got {}",
            ir::attr_to_string(a)
        )
    };
    if !unsafe { mlirAttributeIsAArray(a) } {
        return Err(bad());
    }
    let n = unsafe { mlirArrayAttrGetNumElements(a) };
    (0..n)
        .map(|i| {
            let e = unsafe { mlirArrayAttrGetElement(a, i) };
            if unsafe { mlirAttributeIsAString(e) } {
                Ok(ir::attr_string(e))
            } else {
                Err(bad())
            }
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Claim {
    Fusion,
    Blas,
    Torch,
    /// A prim the torch executor runs with torch's own op (half-precision
    /// matmul).
    TorchPrim,
    /// Stays where it is (terminators, scalar constants, ops already at exec level).
    Keep,
}

fn claim(op: Op, order: &[String]) -> Result<Claim, String> {
    let name = ir::op_name(op);
    let candidates: Vec<Claim> = if name == "thunder_prims.matmul" {
        // In the listed order: OpenBLAS for f32/f64, thunder_cpu's generated
        // loops, and torch's GEMM for f16/bf16 (it uses the CPU's bf16 dot
        // products), which thunder_cpu leaves to torch when it is listed.
        let e = Elem::of(ir::elem_of(ir::value_type(ir::operand(op, 0))));
        let blas_ok = matches!(e, Elem::Float(32, _) | Elem::Float(64, _));
        let half = e.is_half();
        let torch_listed = order.iter().any(|o| o == "torch");
        [
            (blas_ok, "blas", Claim::Blas),
            (half, "torch", Claim::TorchPrim),
            (!(half && torch_listed), "thunder_cpu", Claim::Fusion),
        ]
        .into_iter()
        .filter(|(ok, _, _)| *ok)
        .filter_map(|(_, ex, c)| order.iter().position(|o| o == ex).map(|p| (p, c)))
        .min_by_key(|(p, _)| *p)
        .map(|(_, c)| vec![c])
        .unwrap_or_default()
    } else if name.starts_with("thunder_prims.") {
        order
            .iter()
            .any(|o| o == "thunder_cpu")
            .then_some(Claim::Fusion)
            .into_iter()
            .collect()
    } else if name == "thunder_torch.opaque" {
        external_executor(op, order)
            .map(|_| Claim::Torch)
            .into_iter()
            .collect()
    } else if name.starts_with("thunder_torch.") {
        return Err(format!(
            "'{name}' is still at the torch level: run thunder-decompose-torch first"
        ));
    } else {
        vec![Claim::Keep]
    };
    candidates
        .first()
        .copied()
        .ok_or_else(|| format!("no executor in {order:?} can run '{name}'"))
}

/// Who runs an opaque op: the executor its callee names (`"myex::aten.exp"`)
/// when that one is listed, else the torch fallback when it is.
fn external_executor(op: Op, order: &[String]) -> Option<String> {
    let callee = ir::attr_string(ir::get_attr(op, "callee")?);
    let named = callee.split_once("::").map(|(ex, _)| ex.to_string());
    match named {
        Some(ex) if order.contains(&ex) => Some(ex),
        _ => order
            .iter()
            .any(|o| o == "torch")
            .then(|| "torch".to_string()),
    }
}

fn run(module: Op) -> Result<(), ()> {
    let order = executors(module).map_err(|message| ir::emit_error(module, &message))?;
    let mut ok = true;
    for func in ir::collect_ops(module, "func.func") {
        // Kernels (outlined fusion regions) are already claimed.
        if ir::get_attr(func, "thunder.executor").is_some() {
            continue;
        }
        if let Err(()) = fuse_function(func, &order) {
            ok = false;
        }
    }
    if ok { Ok(()) } else { Err(()) }
}

fn is_constant(op: Op) -> bool {
    ir::op_name(op) == "arith.constant"
}

fn claims(func: Op, order: &[String]) -> Result<Vec<(Op, Claim)>, ()> {
    let mut claims = vec![];
    let mut ok = true;
    for op in ir::body_ops(func) {
        match claim(op, order) {
            Ok(c) => claims.push((op, c)),
            Err(message) => {
                ir::emit_error(op, &format!("thunder-fuse: {message}"));
                ok = false;
            }
        }
    }
    if ok { Ok(claims) } else { Err(()) }
}

/// Cheap to compute again from what they read: a later fusion recomputes
/// such a value rather than read it back from memory.
fn cheap(op: Op) -> bool {
    let name = ir::op_name(op);
    let Some(prim) = name.strip_prefix("thunder_prims.") else {
        return false;
    };
    ir::num_results(op) == 1
        && !matches!(
            prim,
            "sum"
                | "prod"
                | "amax"
                | "amin"
                | "var_mean"
                | "matmul"
                | "uniform"
                | "transpose"
                | "slice"
                | "pad"
                | "cat"
        )
}

/// Fusions are runs of consecutive ops, so a value computed before a GEMM or
/// torch call and read after it would be written to memory and read back
/// (in a backward, the recomputed forward activations between its GEMMs:
/// six tensors for a GELU MLP). Instead, each later run gets its own copy of
/// such cheap values, recomputed from what they read (`cheap`), placed at
/// its start. Returns whether it copied anything.
fn recompute_in_later_runs(claims: &[(Op, Claim)]) -> bool {
    let mut run_of: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    // The first op of each run: copies go in front of it, so they come
    // before every use in the run and after everything they read.
    let mut starts: std::collections::HashMap<usize, Op> = std::collections::HashMap::new();
    let mut run = 0;
    for (op, c) in claims {
        let boundary = !matches!(c, Claim::Fusion) && !is_constant(*op);
        if boundary {
            run += 1;
        }
        run_of.insert(op.ptr as usize, run);
        starts.entry(run).or_insert(*op);
        if boundary {
            run += 1;
        }
    }
    let fused = |op: Op| {
        claims
            .iter()
            .any(|(o, c)| o.ptr == op.ptr && matches!(c, Claim::Fusion))
    };
    let mut copies: std::collections::HashMap<(usize, usize), Value> =
        std::collections::HashMap::new();
    let mut changed = false;
    fn copy_into(
        v: Value,
        origin: usize,
        target: usize,
        before: Op,
        run_of: &std::collections::HashMap<usize, usize>,
        copies: &mut std::collections::HashMap<(usize, usize), Value>,
    ) -> Value {
        let Some(def) = ir::defining_op(v) else {
            return v;
        };
        if !cheap(def) || run_of.get(&(def.ptr as usize)) != Some(&origin) {
            return v;
        }
        if let Some(c) = copies.get(&(v.ptr as usize, target)) {
            return *c;
        }
        let operands: Vec<Value> = ir::operands(def)
            .into_iter()
            .map(|w| copy_into(w, origin, target, before, run_of, copies))
            .collect();
        let copy = unsafe { mlirOperationClone(def) };
        for (i, w) in operands.into_iter().enumerate() {
            ir::set_operand(copy, i, w);
        }
        unsafe { mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(before), before, copy) };
        let c = ir::result(copy, 0);
        copies.insert((v.ptr as usize, target), c);
        c
    }
    /// Whether the chain of cheap ops making `v` in run `origin` reads only
    /// values in memory anyway (arguments, GEMM and torch results, earlier
    /// runs' outputs): a chain that also reads a value only its own run has
    /// (a pad, a sum) would have that value written out in its place, no
    /// saving (three padded slices instead of their sum, in split's VJP).
    fn reads_only_memory(
        v: Value,
        origin: usize,
        run_of: &std::collections::HashMap<usize, usize>,
    ) -> bool {
        let Some(def) = ir::defining_op(v) else {
            return true;
        };
        if run_of.get(&(def.ptr as usize)) != Some(&origin) {
            return true;
        }
        cheap(def)
            && ir::operands(def)
                .into_iter()
                .all(|w| reads_only_memory(w, origin, run_of))
    }
    for (op, c) in claims {
        if !matches!(c, Claim::Fusion) || !cheap(*op) {
            continue;
        }
        let origin = run_of[&(op.ptr as usize)];
        let v = ir::result(*op, 0);
        // Read by a GEMM, a torch call or the return, the value is written
        // out anyway: later runs read it rather than compute it again.
        let in_memory_anyway = ir::uses(v).into_iter().any(|(user, _)| !fused(user));
        if in_memory_anyway || !reads_only_memory(v, origin, &run_of) {
            continue;
        }
        let later: Vec<(Op, usize, usize)> = ir::uses(v)
            .into_iter()
            .filter(|(user, _)| fused(*user))
            .filter_map(|(user, i)| {
                let r = *run_of.get(&(user.ptr as usize))?;
                (r > origin).then_some((user, i, r))
            })
            .collect();
        for (user, i, target) in later {
            let copy = copy_into(v, origin, target, starts[&target], &run_of, &mut copies);
            ir::set_operand(user, i, copy);
            changed = true;
        }
    }
    changed
}

fn fuse_function(func: Op, order: &[String]) -> Result<(), ()> {
    // Claim every op first: a function with an op no executor can run is
    // reported (every such op) and left as it was.
    // Copies may feed runs later still: again until none moves (a copy
    // only ever moves later, so this ends; the bound is a safeguard).
    for _ in 0..16 {
        if !recompute_in_later_runs(&claims(func, order)?) {
            break;
        }
    }
    let claims = claims(func, order)?;
    let mut group: Vec<Op> = vec![];
    for (op, c) in claims {
        match c {
            Claim::Fusion => group.push(op),
            // Scalar constants do not break a run; they are cloned into regions.
            Claim::Keep if is_constant(op) => {}
            Claim::Blas => {
                let folded = foldable_transposes(op, &group);
                group.retain(|g| {
                    !folded
                        .iter()
                        .flatten()
                        .any(|t| unsafe { mlirOperationEqual(*t, *g) })
                });
                make_fusion(&std::mem::take(&mut group));
                make_blas_call(op, &folded);
            }
            Claim::TorchPrim => {
                // As for BLAS: transposed operands are passed as they are
                // stored, the torch op reading them transposed (`.mT`).
                let folded = foldable_transposes(op, &group);
                group.retain(|g| {
                    !folded
                        .iter()
                        .flatten()
                        .any(|t| unsafe { mlirOperationEqual(*t, *g) })
                });
                make_fusion(&std::mem::take(&mut group));
                let target = match (folded[0].is_some(), folded[1].is_some()) {
                    (false, false) => "thunder_prims.matmul",
                    (true, false) => "thunder_prims.matmul_transposed_lhs",
                    (false, true) => "thunder_prims.matmul_transposed_rhs",
                    (true, true) => "thunder_prims.matmul_transposed_both",
                };
                let values = untransposed_operands(op, &folded);
                replace_with_call(op, "torch", target, &values, None);
                for t in folded.iter().flatten() {
                    ir::erase(*t);
                }
            }
            _ => {
                make_fusion(&std::mem::take(&mut group));
                if c == Claim::Torch {
                    let callee = ir::attr_string(ir::get_attr(op, "callee").unwrap());
                    let executor = external_executor(op, order).unwrap();
                    make_call(op, &executor, &callee)
                }
            }
        }
    }
    make_fusion(&group);
    Ok(())
}

/// For each matmul operand, the transpose producing it when that transpose
/// swaps the last two dimensions, only this matmul uses it and it is still
/// waiting in `group`: the GEMM then reads its input transposed and the
/// transpose is not computed at all.
fn foldable_transposes(matmul: Op, group: &[Op]) -> Vec<Option<Op>> {
    ir::operands(matmul)
        .into_iter()
        .map(|v| {
            let t = ir::defining_op(v)?;
            let perm = ir::get_attr(t, "permutation").map(ir::attr_i64_array)?;
            let r = perm.len();
            let swaps_last_two = r >= 2
                && perm[..r - 2]
                    .iter()
                    .enumerate()
                    .all(|(i, d)| *d == i as i64)
                && perm[r - 2] == r as i64 - 1
                && perm[r - 1] == r as i64 - 2;
            let pending = group.iter().any(|g| unsafe { mlirOperationEqual(*g, t) });
            (ir::op_name(t) == "thunder_prims.transpose"
                && swaps_last_two
                && pending
                && ir::uses(v).len() == 1)
                .then_some(t)
        })
        .collect()
}

/// Replaces `matmul` by the BLAS call; `folded` from `foldable_transposes`,
/// read after the group before it became a fusion (which renames values).
fn make_blas_call(matmul: Op, folded: &[Option<Op>]) {
    let ctx = ir::context_of(matmul);
    let flags: Vec<&str> = ["transpose_lhs", "transpose_rhs"]
        .into_iter()
        .zip(folded)
        .filter(|(_, t)| t.is_some())
        .map(|(name, _)| name)
        .collect();
    let args =
        (!flags.is_empty()).then(|| ir::parse_attr(ctx, &format!("{{{}}}", flags.join(", "))));
    let values = untransposed_operands(matmul, folded);
    replace_with_call(matmul, "blas", "matmul", &values, args);
    for t in folded.iter().flatten() {
        ir::erase(*t);
    }
}

/// The matmul's operands, each folded transpose replaced by what it reads.
fn untransposed_operands(matmul: Op, folded: &[Option<Op>]) -> Vec<Value> {
    folded
        .iter()
        .enumerate()
        .map(|(i, t)| match t {
            Some(t) => ir::operand(*t, 0),
            None => ir::operand(matmul, i),
        })
        .collect()
}

fn make_call(op: Op, executor: &str, target: &str) {
    let args = ir::get_attr(op, "args");
    replace_with_call(op, executor, target, &ir::operands(op), args);
}

/// Replaces `op` by a `thunder_exec.call` of `executor`'s `target` on
/// `operands`, with `op`'s result types.
fn replace_with_call(
    op: Op,
    executor: &str,
    target: &str,
    operands: &[Value],
    args: Option<ir::Attr>,
) {
    let b = Builder::before(op);
    let results: Vec<_> = (0..ir::num_results(op))
        .map(|i| ir::value_type(ir::result(op, i)))
        .collect();
    let mut attrs = vec![
        ("executor", ir::str_attr(b.ctx, executor)),
        ("target", ir::str_attr(b.ctx, target)),
    ];
    if let Some(args) = args {
        attrs.push(("args", args));
    }
    let call = b.create("thunder_exec.call", operands, &results, &attrs, vec![]);
    for i in 0..results.len() {
        ir::replace_all_uses(ir::result(op, i), ir::result(call, i));
    }
    ir::erase(op);
}

fn is_inside(op: Op, ancestor: Op) -> bool {
    let mut cur = op;
    while !cur.ptr.is_null() {
        if unsafe { mlirOperationEqual(cur, ancestor) } {
            return true;
        }
        cur = unsafe { mlirOperationGetParentOperation(cur) };
    }
    false
}

fn contains(values: &[Value], v: Value) -> bool {
    values.iter().any(|x| unsafe { mlirValueEqual(*x, v) })
}

fn defined_in(v: Value, group: &[Op]) -> bool {
    unsafe {
        if !mlirValueIsAOpResult(v) {
            return false;
        }
        let owner = mlirOpResultGetOwner(v);
        group.iter().any(|g| mlirOperationEqual(*g, owner))
    }
}

/// Uses of `v` by ops that are not inside any op of `group`.
fn used_outside(v: Value, group: &[Op]) -> bool {
    ir::uses(v)
        .into_iter()
        .any(|(owner, _)| !group.iter().any(|g| is_inside(owner, *g)))
}

/// Wraps `group` (consecutive ops of one block) in a fusion region.
fn make_fusion(group: &[Op]) {
    if group.is_empty() {
        return;
    }
    // Inputs: values the group reads but does not define (constants excluded).
    let mut inputs: Vec<Value> = vec![];
    let mut constants: Vec<Op> = vec![];
    for op in group {
        for v in ir::operands(*op) {
            if defined_in(v, group) || contains(&inputs, v) {
                continue;
            }
            let producer =
                unsafe { mlirValueIsAOpResult(v) }.then(|| unsafe { mlirOpResultGetOwner(v) });
            match producer {
                Some(p) if is_constant(p) => {
                    if !constants
                        .iter()
                        .any(|c| unsafe { mlirOperationEqual(*c, p) })
                    {
                        constants.push(p);
                    }
                }
                _ => inputs.push(v),
            }
        }
    }
    let outputs: Vec<Value> = group
        .iter()
        .flat_map(|op| {
            (0..ir::num_results(*op))
                .map(|i| ir::result(*op, i))
                .collect::<Vec<_>>()
        })
        .filter(|v| used_outside(*v, group))
        .collect();
    let b = Builder::before(group[0]);
    let input_types: Vec<_> = inputs.iter().map(|v| ir::value_type(*v)).collect();
    let output_types: Vec<_> = outputs.iter().map(|v| ir::value_type(*v)).collect();
    let (region, block) = ir::region_with_block(&input_types, b.loc);
    let inner = Builder::at_end(block, b.ctx, b.loc);
    let yield_op = inner.create("thunder_exec.yield", &outputs, &[], &[], vec![]);
    let fusion = b.create(
        "thunder_exec.fusion",
        &inputs,
        &output_types,
        &[("executor", ir::str_attr(b.ctx, "thunder_cpu"))],
        vec![region],
    );
    // Clone the constants in, then move the group in, before the yield.
    let mut clones = vec![];
    for c in &constants {
        let clone = unsafe { mlirOperationClone(*c) };
        unsafe { mlirBlockInsertOwnedOperationBefore(block, yield_op, clone) };
        clones.push((ir::result(*c, 0), ir::result(clone, 0)));
    }
    for op in group {
        unsafe { mlirOperationMoveBefore(*op, yield_op) };
    }
    // Results seen from outside come from the fusion op. Only now that the
    // group is inside can "outside" be told apart: a group op that reads an
    // output must keep reading the value it defines, not the fusion's result.
    for (i, v) in outputs.iter().enumerate() {
        replace_uses_outside(*v, ir::result(fusion, i), fusion);
    }
    // Inside, read block arguments and the cloned constants.
    let mut map: Vec<(Value, Value)> = inputs
        .iter()
        .enumerate()
        .map(|(i, v)| (*v, ir::block_arg(block, i)))
        .collect();
    map.extend(clones);
    for op in group {
        for (i, v) in ir::operands(*op).into_iter().enumerate() {
            if let Some((_, new)) = map
                .iter()
                .find(|(old, _)| unsafe { mlirValueEqual(*old, v) })
            {
                unsafe { mlirOperationSetOperand(*op, i as isize, *new) };
            }
        }
    }
}

fn replace_uses_outside(old: Value, new: Value, fusion: Op) {
    for (owner, index) in ir::uses(old) {
        if !is_inside(owner, fusion) {
            ir::set_operand(owner, index, new);
        }
    }
}
