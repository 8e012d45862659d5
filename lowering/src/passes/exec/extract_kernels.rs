//! `thunder-exec-extract-kernels`: keeps only the kernel functions (those a
//! fusion was outlined into, marked `thunder.executor`), dropping the plans
//! that launch them. The runtime executes the plans; code generation needs
//! only the kernels, so this is the first step from the exec level down.

use crate::ir::{self, Op};

crate::pass::define_module_pass!(
    create_extract_kernels_pass,
    "thunder-exec-extract-kernels",
    "Drop plan functions, keeping the outlined kernels for code generation",
    run,
    []
);

fn run(module: Op) -> Result<(), ()> {
    for func in ir::collect_ops(module, "func.func") {
        if ir::get_attr(func, "thunder.executor").is_none() {
            ir::erase(func);
        }
    }
    Ok(())
}
