//! The thunder runtime: runs compiled plans with no Python per op and no MLIR.
//!
//! A [`Plan`] is the exec level in program order: launches of generated
//! kernels, library calls (GEMM), calls into external executors (the torch
//! fallback, user executors), and releases of dead buffers. The compiler
//! builds it; this crate only executes it.

pub mod blas;
pub mod kernel;
pub mod plan;
pub mod tensor;

pub use kernel::Kernel;
pub use plan::{Plan, Step, run};
pub use tensor::{DType, Storage, Tensor, TensorSpec};
