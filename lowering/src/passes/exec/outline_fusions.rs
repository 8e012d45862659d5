//! `thunder-exec-outline-fusions`: each `thunder_exec.fusion` region becomes a
//! kernel `func.func @<function>_fusion_<n>` and the region a
//! `thunder_exec.launch` of it. The kernels are what code generation lowers;
//! the function that launches them is the plan the runtime executes.

use crate::ir::{self, Builder, Op};
use mlir_sys::*;

crate::pass::define_module_pass!(
    create_outline_fusions_pass,
    "thunder-exec-outline-fusions",
    "Outline thunder_exec.fusion regions into kernel functions launched by the plan",
    run,
    [
        melior::dialect::DialectHandle::func(),
        thunder_dialects::exec_dialect()
    ]
);

fn run(module: Op) -> Result<(), ()> {
    let module_block = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0)) };
    // Symbols of the module's top level: kernel names must not clash with
    // them (a second run, or a user function called `f_fusion_0`).
    let mut taken: Vec<String> = ir::block_ops(module_block)
        .into_iter()
        .filter_map(|op| ir::get_attr(op, "sym_name").map(ir::attr_string))
        .collect();
    for func in ir::collect_ops(module, "func.func") {
        let fname = ir::attr_string(ir::get_attr(func, "sym_name").unwrap());
        let mut insert_after = func;
        let mut n = 0;
        for fusion in ir::collect_ops(func, "thunder_exec.fusion") {
            let kernel_name = loop {
                let name = format!("{fname}_fusion_{n}");
                n += 1;
                if !taken.contains(&name) {
                    break name;
                }
            };
            taken.push(kernel_name.clone());
            let kernel = outline(fusion, &kernel_name);
            unsafe { mlirBlockInsertOwnedOperationAfter(module_block, insert_after, kernel) };
            insert_after = kernel;
        }
    }
    Ok(())
}

/// Moves the region of `fusion` into a new function and replaces `fusion`
/// with a launch of it. Returns the (not yet inserted) function.
fn outline(fusion: Op, name: &str) -> Op {
    let ctx = ir::context_of(fusion);
    let loc = unsafe { mlirOperationGetLocation(fusion) };
    let inputs = ir::operands(fusion);
    let input_types: Vec<_> = inputs.iter().map(|v| ir::value_type(*v)).collect();
    let result_types: Vec<_> = (0..ir::num_results(fusion))
        .map(|i| ir::value_type(ir::result(fusion, i)))
        .collect();
    let fn_type = unsafe {
        mlirFunctionTypeGet(
            ctx,
            input_types.len() as isize,
            input_types.as_ptr(),
            result_types.len() as isize,
            result_types.as_ptr(),
        )
    };
    let body = unsafe { mlirRegionCreate() };
    unsafe { mlirRegionTakeBody(body, mlirOperationGetRegion(fusion, 0)) };
    // The region's terminator becomes a return.
    let block = unsafe { mlirRegionGetFirstBlock(body) };
    let terminator = unsafe { mlirBlockGetTerminator(block) };
    let values = ir::operands(terminator);
    Builder::before(terminator).create("func.return", &values, &[], &[], vec![]);
    ir::erase(terminator);
    let mut state_builder = Builder::before(fusion);
    state_builder.loc = loc;
    let executor = ir::get_attr(fusion, "executor").unwrap();
    let kernel = ir::create_func(
        ctx,
        loc,
        name,
        fn_type,
        body,
        &[("thunder.executor", executor)],
    );
    let symbol = unsafe { mlirFlatSymbolRefAttrGet(ctx, ir::sref(name)) };
    let launch = state_builder.create(
        "thunder_exec.launch",
        &inputs,
        &result_types,
        &[("executor", executor), ("kernel", symbol)],
        vec![],
    );
    for i in 0..result_types.len() {
        ir::replace_all_uses(ir::result(fusion, i), ir::result(launch, i));
    }
    ir::erase(fusion);
    kernel
}
