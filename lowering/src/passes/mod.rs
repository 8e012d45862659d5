//! The Rust passes, each named for the level it works on.

pub mod decompose_torch;
pub mod emit_c_interface;
pub mod extract_kernels;
pub mod fuse;
pub mod insert_releases;
pub mod llvm_vector_width;
pub mod math_erf_to_rational;
pub mod math_exp_to_ldexp;
pub mod memref_copy_to_linalg;
pub mod outline_fusions;
pub mod precise_math;
pub mod prefetch_next_tile;
mod prims_builder;
pub mod prims_to_linalg;
mod scalar;
pub mod tile_buffers_to_stack;
pub mod tile_rows;
