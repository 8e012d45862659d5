//! The Rust passes, each named for the level it works on.

pub mod decompose_torch;
pub mod emit_c_interface;
mod prims_builder;
pub mod prims_to_linalg;
mod scalar;
