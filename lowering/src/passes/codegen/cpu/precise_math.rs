//! `thunder-precise-math-to-libm`: f64 `math.expm1` and `math.log1p` become
//! calls to libm's `expm1`/`log1p`. The LLVM lowering would otherwise expand
//! them as `exp(x) - 1` and `log(1 + x)`, which lose every digit for small x
//! (the point of the two functions). f32 versions are polynomials by then
//! (`thunder-math-approximation`).

use crate::ir::{self, Builder, Op};
use mlir_sys::*;

crate::pass::define_module_pass!(
    create_precise_math_pass,
    "thunder-precise-math-to-libm",
    "Call libm for f64 expm1/log1p instead of the inexact LLVM expansions",
    run,
    [melior::dialect::DialectHandle::func()]
);

fn run(module: Op) -> Result<(), ()> {
    let ctx = ir::context_of(module);
    let f64t = ir::f64_type(ctx);
    let body = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0)) };
    let mut declared: Vec<&str> = vec![];
    for (op_name, callee) in [("math.expm1", "expm1"), ("math.log1p", "log1p")] {
        for op in ir::collect_ops(module, op_name) {
            if ir::op_name(op) != op_name
                || !ir::types_equal(ir::value_type(ir::result(op, 0)), f64t)
            {
                continue;
            }
            if !declared.contains(&callee) {
                declare(body, ctx, callee, f64t);
                declared.push(callee);
            }
            let b = Builder::before(op);
            let symbol = unsafe { mlirFlatSymbolRefAttrGet(ctx, ir::sref(callee)) };
            let call = b.create(
                "func.call",
                &[ir::operand(op, 0)],
                &[f64t],
                &[("callee", symbol)],
                vec![],
            );
            ir::replace_all_uses(ir::result(op, 0), ir::result(call, 0));
            ir::erase(op);
        }
    }
    Ok(())
}

fn declare(module_body: MlirBlock, ctx: MlirContext, name: &str, f64t: MlirType) {
    let existing = unsafe { mlirBlockGetFirstOperation(module_body) };
    let fn_type = unsafe { mlirFunctionTypeGet(ctx, 1, &f64t, 1, &f64t) };
    let loc = unsafe { mlirLocationUnknownGet(ctx) };
    let private = ir::str_attr(ctx, "private");
    let func = ir::create_func(
        ctx,
        loc,
        name,
        fn_type,
        unsafe { mlirRegionCreate() },
        &[("sym_visibility", private)],
    );
    unsafe { mlirBlockInsertOwnedOperationBefore(module_body, existing, func) };
}
