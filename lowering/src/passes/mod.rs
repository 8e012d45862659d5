//! The Rust passes, each named for the level it works on.

pub mod decompose_torch;
pub mod emit_c_interface;
pub mod extract_kernels;
pub mod fuse;
pub mod insert_releases;
pub mod memref_copy_to_linalg;
pub mod outline_fusions;
pub mod precise_math;
mod prims_builder;
pub mod prims_to_linalg;
mod scalar;
pub mod tile_rows;
