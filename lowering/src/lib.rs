//! thunder-rs lowering: the passes (Rust, on melior and the MLIR C API), the
//! named pipelines, CPU code generation through LLVM, and `thunder-opt`.

pub mod compiler;
pub mod host;
pub mod ir;
pub mod jit;
mod pass;
pub mod passes;
pub mod pipelines;

use passes::{codegen, exec, prims, torch};
use std::sync::Once;

/// Every pass written in Rust, by level.
const RUST_PASSES: &[thunder_dialects::PassFactory] = &[
    torch::decompose_torch::create_decompose_torch_pass,
    prims::grad::create_grad_pass,
    prims::jvp::create_jvp_pass,
    prims::vmap::create_vmap_pass,
    prims::remat::create_remat_pass,
    prims::split::create_split_pass,
    exec::fuse::create_fuse_pass,
    exec::outline_fusions::create_outline_fusions_pass,
    exec::insert_releases::create_insert_releases_pass,
    exec::extract_kernels::create_extract_kernels_pass,
    codegen::prims_to_linalg::create_prims_to_linalg_pass,
    codegen::cpu::tile_rows::create_tile_rows_pass,
    codegen::cpu::memref_copy_to_linalg::create_memref_copy_to_linalg_pass,
    codegen::cpu::prefetch_next_tile::create_prefetch_next_tile_pass,
    codegen::cpu::tile_buffers_to_stack::create_tile_buffers_to_stack_pass,
    codegen::cpu::math_exp_to_ldexp::create_math_exp_to_ldexp_pass,
    codegen::cpu::math_erf_to_rational::create_math_erf_to_rational_pass,
    codegen::cpu::math_log_of_subnormals::create_math_log_of_subnormals_pass,
    codegen::cpu::precise_math::create_precise_math_pass,
    codegen::cpu::emit_c_interface::create_emit_c_interface_pass,
    codegen::cpu::llvm_vector_width::create_llvm_vector_width_pass,
];

/// Registers every thunder pass and named pipeline, plus the upstream passes,
/// in MLIR's global registry, so textual pipelines can name them. Idempotent.
pub fn register_all_passes() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        unsafe { mlir_sys::mlirRegisterAllPasses() };
        thunder_dialects::register_cxx_passes();
        for factory in RUST_PASSES {
            thunder_dialects::register_pass(*factory);
        }
        for p in pipelines::NAMED {
            thunder_dialects::register_pass_pipeline(p.name, p.description, p.text);
        }
    });
}
