//! `thunder-llvm-vector-width`: lets LLVM's vectorizers use the widest vector
//! registers the target CPU has (see `host`). On AVX-512 CPUs LLVM prefers
//! 256-bit vectors by default (a guard against the clock throttling of the
//! first AVX-512 parts), which halves the throughput of the compute-bound
//! kernels we generate (polynomial exp, erf, tanh). Only the functions'
//! `passthrough` attribute changes; for targets without AVX-512 the pass
//! leaves the IR untouched.

use crate::ir::{self, Op};

crate::pass::define_module_pass!(
    create_llvm_vector_width_pass,
    "thunder-llvm-vector-width",
    "Let LLVM vectorize llvm.func bodies with the target CPU's widest vector registers",
    run,
    []
);

const PREFERENCE: &str = "[\"prefer-vector-width\", \"512\"]";

fn run(module: Op) -> Result<(), ()> {
    if !crate::host::has_avx512(module) {
        return Ok(());
    }
    for func in ir::collect_ops(module, "llvm.func") {
        let region = unsafe { mlir_sys::mlirOperationGetRegion(func, 0) };
        if unsafe { mlir_sys::mlirRegionGetFirstBlock(region) }
            .ptr
            .is_null()
        {
            continue;
        }
        let existing = ir::get_attr(func, "passthrough").map(ir::attr_to_string);
        let entries = match existing.as_deref() {
            Some(text) if text.contains("prefer-vector-width") => continue,
            Some(text) => format!("[{}, {PREFERENCE}]", &text[1..text.len() - 1]),
            None => format!("[{PREFERENCE}]"),
        };
        let attr = ir::parse_attr(ir::context_of(func), &entries);
        unsafe { mlir_sys::mlirOperationSetAttributeByName(func, ir::sref("passthrough"), attr) };
    }
    Ok(())
}
