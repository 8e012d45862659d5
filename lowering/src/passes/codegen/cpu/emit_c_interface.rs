//! `thunder-emit-c-interface`: marks public functions with
//! `llvm.emit_c_interface`, so the LLVM lowering adds the `_mlir_ciface_*`
//! wrappers (memrefs passed as descriptor pointers) that the runtime calls.

use crate::ir::{self, Op};

crate::pass::define_module_pass!(
    create_emit_c_interface_pass,
    "thunder-emit-c-interface",
    "Mark public func.func ops with llvm.emit_c_interface for the runtime's calls",
    run,
    []
);

fn run(module: Op) -> Result<(), ()> {
    for func in ir::collect_ops(module, "func.func") {
        let private =
            ir::get_attr(func, "sym_visibility").is_some_and(|v| ir::attr_string(v) == "private");
        let region = unsafe { mlir_sys::mlirOperationGetRegion(func, 0) };
        let has_body = !unsafe { mlir_sys::mlirRegionGetFirstBlock(region) }
            .ptr
            .is_null();
        if !private && has_body {
            let unit = unsafe { mlir_sys::mlirUnitAttrGet(ir::context_of(func)) };
            unsafe {
                mlir_sys::mlirOperationSetAttributeByName(
                    func,
                    ir::sref("llvm.emit_c_interface"),
                    unit,
                )
            };
        }
    }
    Ok(())
}
