//! Code generation for the kernels: prims → linalg (shared by every target),
//! then the target's own passes (`cpu`).

pub mod cpu;
pub mod prims_to_linalg;
pub(crate) mod scalar;
