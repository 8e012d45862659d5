//! `thunder-memref-copy-to-linalg`: rewrites `memref.copy` as a copying
//! `linalg.generic`, so that strided copies become loops instead of calls to
//! `memrefCopy` from MLIR's runner-utils library; compiled code then needs no
//! MLIR runtime library at all.

use crate::ir::{self, Builder, Op};

crate::pass::define_module_pass!(
    create_memref_copy_to_linalg_pass,
    "thunder-memref-copy-to-linalg",
    "Rewrite memref.copy as linalg.generic so no runtime library is needed",
    run,
    [melior::dialect::DialectHandle::linalg()]
);

fn run(module: Op) -> Result<(), ()> {
    for copy in ir::collect_ops(module, "memref.copy") {
        let (src, dst) = (ir::operand(copy, 0), ir::operand(copy, 1));
        let t = ir::value_type(src);
        let rank = unsafe { mlir_sys::mlirShapedTypeGetRank(t) } as usize;
        let elem = unsafe { mlir_sys::mlirShapedTypeGetElementType(t) };
        let b = Builder::before(copy);
        let dims = (0..rank)
            .map(|i| format!("d{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let map = format!("affine_map<({dims}) -> ({dims})>");
        let maps = ir::parse_attr(b.ctx, &format!("[{map}, {map}]"));
        let iters = vec!["#linalg.iterator_type<parallel>"; rank].join(", ");
        let iters = ir::parse_attr(b.ctx, &format!("[{iters}]"));
        let segments = ir::parse_attr(b.ctx, "array<i32: 1, 1>");
        let (region, block) = ir::region_with_block(&[elem, elem], b.loc);
        Builder::at_end(block, b.ctx, b.loc).create(
            "linalg.yield",
            &[ir::block_arg(block, 0)],
            &[],
            &[],
            vec![],
        );
        b.create(
            "linalg.generic",
            &[src, dst],
            &[],
            &[
                ("indexing_maps", maps),
                ("iterator_types", iters),
                ("operandSegmentSizes", segments),
            ],
            vec![region],
        );
        ir::erase(copy);
    }
    Ok(())
}
