//! `thunder-memref-tile-buffers-to-stack`: the small buffers a row tile
//! allocates for itself (a softmax tile's exponentials, a layer_norm tile's
//! sums) become stack allocations. Bufferization heap-allocates each of them
//! once per tile, which costs a malloc/free pair per row (a tenth of a
//! layer_norm kernel's time); and heap pointers, realigned by integer
//! arithmetic, hide from LLVM that two accumulators cannot alias, which
//! keeps a two-output reduction from being vectorized.
//!
//! Runs after `convert-scf-to-openmp`. Each buffer is allocated once per
//! thread, on that thread's stack at the top of the `omp.parallel` region,
//! and reused by every iteration the thread runs: a fresh allocation's
//! contents are undefined anyway, so reuse changes no result. Only buffers
//! allocated directly in an `omp.loop_nest` body (or its alloca scope), freed in that same block
//! and at most `MAX_BYTES` large move, up to `REGION_BYTES` per parallel
//! region; anything else keeps its heap allocation.

use crate::ir::{self, Builder, Op};
use mlir_sys::*;

crate::pass::define_module_pass!(
    create_tile_buffers_to_stack_pass,
    "thunder-memref-tile-buffers-to-stack",
    "Turn small per-iteration buffers of OpenMP loop bodies into per-thread stack buffers",
    run,
    []
);

/// Worker threads get libomp's 4 MiB stacks: a buffer moves if it is at
/// most `MAX_BYTES`, and while a parallel region's buffers stay within
/// `REGION_BYTES` (a kernel with many intermediates keeps the rest on the
/// heap).
const MAX_BYTES: i64 = 64 * 1024;
const REGION_BYTES: i64 = 1024 * 1024;

fn run(module: Op) -> Result<(), ()> {
    let mut used: Vec<(Op, i64)> = vec![];
    for alloc in ir::collect_ops(module, "memref.alloc") {
        if ir::op_name(alloc) != "memref.alloc" {
            continue;
        }
        let Some(bytes) = promotable_bytes(alloc) else {
            continue;
        };
        let buffer = ir::result(alloc, 0);
        let Some(region) = enclosing(alloc, "omp.parallel") else {
            continue;
        };
        let slot = match used
            .iter()
            .position(|(r, _)| unsafe { mlirOperationEqual(*r, region) })
        {
            Some(i) => i,
            None => {
                used.push((region, 0));
                used.len() - 1
            }
        };
        if used[slot].1 + bytes > REGION_BYTES {
            continue;
        }
        used[slot].1 += bytes;
        let entry = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(region, 0)) };
        let b = Builder::before(unsafe { mlirBlockGetFirstOperation(entry) });
        let mut attrs = vec![(
            "operandSegmentSizes",
            ir::parse_attr(b.ctx, "array<i32: 0, 0>"),
        )];
        if let Some(alignment) = ir::get_attr(alloc, "alignment") {
            attrs.push(("alignment", alignment));
        }
        let stack = b.value("memref.alloca", &[], ir::value_type(buffer), &attrs);
        for (user, _) in ir::uses(buffer) {
            if ir::op_name(user) == "memref.dealloc" {
                ir::erase(user);
            }
        }
        ir::replace_all_uses(buffer, stack);
        ir::erase(alloc);
    }
    Ok(())
}

/// The size of a buffer that may move to the stack.
fn promotable_bytes(alloc: Op) -> Option<i64> {
    // `convert-scf-to-openmp` wraps each loop body in a `memref.alloca_scope`.
    let mut parent = unsafe { mlirOperationGetParentOperation(alloc) };
    if !parent.ptr.is_null() && ir::op_name(parent) == "memref.alloca_scope" {
        parent = unsafe { mlirOperationGetParentOperation(parent) };
    }
    if parent.ptr.is_null() || ir::op_name(parent) != "omp.loop_nest" {
        return None;
    }
    let t = ir::value_type(ir::result(alloc, 0));
    if !unsafe { mlirShapedTypeHasStaticShape(t) }
        || unsafe { mlirOperationGetNumOperands(alloc) } != 0
    {
        return None;
    }
    let elem = unsafe { mlirShapedTypeGetElementType(t) };
    let elem_bits = i64::from(ir::element_bits(elem)?);
    let rank = unsafe { mlirShapedTypeGetRank(t) };
    let count: i64 = (0..rank)
        .map(|i| unsafe { mlirShapedTypeGetDimSize(t, i as isize) })
        .product();
    let bytes = count * elem_bits.max(8) / 8;
    if bytes > MAX_BYTES {
        return None;
    }
    let block = unsafe { mlirOperationGetBlock(alloc) };
    let deallocs: Vec<Op> = ir::uses(ir::result(alloc, 0))
        .into_iter()
        .map(|(user, _)| user)
        .filter(|user| ir::op_name(*user) == "memref.dealloc")
        .collect();
    let freed_here =
        deallocs.len() == 1 && unsafe { mlirBlockEqual(mlirOperationGetBlock(deallocs[0]), block) };
    freed_here.then_some(bytes)
}

fn enclosing(op: Op, name: &str) -> Option<Op> {
    let mut current = unsafe { mlirOperationGetParentOperation(op) };
    while !current.ptr.is_null() {
        if ir::op_name(current) == name {
            return Some(current);
        }
        current = unsafe { mlirOperationGetParentOperation(current) };
    }
    None
}
