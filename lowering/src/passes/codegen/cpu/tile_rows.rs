//! `thunder-tile-rows`: makes a kernel whose result depends on reductions over
//! its trailing dimensions (softmax, layer_norm, rms_norm, ...) walk its input
//! a tile of rows at a time: the output op is tiled along dimension 0 and
//! every producer (the reductions, the elementwise ops between them) is fused
//! into the tile loop, so intermediates live in cache-sized tiles instead of
//! whole tensors in memory. Done with upstream's transform dialect
//! (`transform.structured.fuse`), applied from here to each kernel.

use crate::ir::{self, Op};
use mlir_sys::*;

crate::pass::define_module_pass!(
    create_tile_rows_pass,
    "thunder-tile-rows",
    "Tile reduction-bearing kernels along rows and fuse their producers into the tile loop",
    run,
    [
        unsafe { melior::dialect::DialectHandle::from_raw(mlirGetDialectHandle__transform__()) },
        melior::dialect::DialectHandle::scf(),
        melior::dialect::DialectHandle::affine(),
        melior::dialect::DialectHandle::arith(),
        melior::dialect::DialectHandle::tensor(),
        melior::dialect::DialectHandle::linalg()
    ]
);

/// Rows per tile aim at about this many elements (16 KiB of f32): a tile of
/// the input and of one intermediate then stay in a 48 KiB L1 data cache
/// between the passes a softmax or layer_norm makes over its rows (64 KiB
/// tiles, served from L2, were 5-10% slower).
const TILE_ELEMENTS: i64 = 4 * 1024;
const ROOT_TAG: &str = "thunder.tile_root";
/// Below this many output elements a kernel without reductions runs on one
/// thread: waking threads would cost more than it saves.
const PARALLEL_ELEMENTS: i64 = 1 << 18;

fn run(module: Op) -> Result<(), ()> {
    for func in ir::collect_ops(module, "func.func") {
        if let Some((root, tile_sizes)) = plan_tiling(func)
            && tile(func, root, &tile_sizes).is_err()
        {
            ir::emit_error(func, "thunder-tile-rows: tiling failed");
            return Err(());
        }
    }
    Ok(())
}

fn iterator_types(op: Op) -> Vec<String> {
    let Some(a) = ir::get_attr(op, "iterator_types") else {
        return vec![];
    };
    let n = unsafe { mlirArrayAttrGetNumElements(a) };
    (0..n)
        .map(|i| ir::attr_to_string(unsafe { mlirArrayAttrGetElement(a, i) }))
        .collect()
}

/// The op to tile (the producer of the only result) and its tile sizes, when
/// tiling pays: the output is row-parallel, and either the kernel reduces
/// (tiles keep intermediates in cache) or it is big enough that tiles run on
/// several threads.
fn plan_tiling(func: Op) -> Option<(Op, Vec<i64>)> {
    let generics = ir::collect_ops(func, "linalg.generic");
    let reduces = generics
        .iter()
        .any(|g| iterator_types(*g).iter().any(|t| t.contains("reduction")));
    let ret = ir::collect_ops(func, "func.return").into_iter().next()?;
    if ir::operands(ret).len() != 1 {
        return None;
    }
    let value = ir::operand(ret, 0);
    if !unsafe { mlirValueIsAOpResult(value) } {
        return None;
    }
    let root = unsafe { mlirOpResultGetOwner(value) };
    if ir::op_name(root) != "linalg.generic" {
        return None;
    }
    let iters = iterator_types(root);
    if iters.is_empty() || !iters[0].contains("parallel") {
        return None;
    }
    let shape = ir::shape_of(ir::value_type(value));
    let numel: i64 = shape.iter().product();
    if !(reduces && generics.len() >= 2) && numel < PARALLEL_ELEMENTS {
        return None;
    }
    let rows = *shape.first()?;
    // A tile's size is set by the widest rows the kernel reads or writes
    // (a row sum's output is one element per row, its input is not).
    let func_type = ir::attr_type(ir::get_attr(func, "function_type")?);
    let n_in = unsafe { mlirFunctionTypeGetNumInputs(func_type) };
    let row = (0..n_in)
        .map(|i| ir::shape_of(unsafe { mlirFunctionTypeGetInput(func_type, i) }))
        .chain(std::iter::once(shape.clone()))
        .filter(|s| s.first() == Some(&rows))
        .map(|s| s[1..].iter().product::<i64>())
        .max()
        .unwrap_or(1)
        .max(1);
    let target = (TILE_ELEMENTS / row).clamp(1, rows.max(1));
    // A divisor of the row count keeps every tile the same static shape.
    let rows_per_tile = (1..=target).rev().find(|t| rows % t == 0)?;
    if rows_per_tile >= rows {
        return None;
    }
    let mut sizes = vec![0; iters.len()];
    sizes[0] = rows_per_tile;
    Some((root, sizes))
}

fn tile(func: Op, root: Op, tile_sizes: &[i64]) -> Result<(), ()> {
    let ctx = ir::context_of(func);
    unsafe { mlirOperationSetAttributeByName(root, ir::sref(ROOT_TAG), mlirUnitAttrGet(ctx)) };
    let sizes = tile_sizes
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let script = format!(
        "module attributes {{transform.with_named_sequence}} {{
  transform.named_sequence @__transform_main(%root: !transform.any_op {{transform.readonly}}) {{
    %op = transform.structured.match attributes{{{ROOT_TAG}}} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.fuse %op tile_sizes [{sizes}] {{use_forall}} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }}
}}"
    );
    let result = unsafe {
        let module = mlirModuleCreateParse(ctx, ir::sref(&script));
        if module.ptr.is_null() {
            return Err(());
        }
        let module_op = mlirModuleGetOperation(module);
        let body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module_op, 0));
        let sequence = mlirBlockGetFirstOperation(body);
        let options = mlirTransformOptionsCreate();
        let r = mlirTransformApplyNamedSequence(func, sequence, module_op, options);
        mlirTransformOptionsDestroy(options);
        mlirModuleDestroy(module);
        r
    };
    for g in ir::collect_ops(func, "linalg.generic") {
        unsafe { mlirOperationRemoveAttributeByName(g, ir::sref(ROOT_TAG)) };
    }
    if result.value == 0 { Err(()) } else { Ok(()) }
}
