//! The Rust passes, grouped by the level they work on (as torch-mlir groups
//! `Dialect/*/Transforms` and `Conversion/*To*`); `lit/` mirrors the folders.
//!
//! - `torch`: torch level → prims (decomposition).
//! - `prims`: transforms on the prims level, and the builder they are written in.
//! - `exec`: prims → exec (fusion, executors) and the plan's own passes.
//! - `codegen`: the kernels' way down: prims → linalg, then `cpu` (linalg →
//!   LLVM for the host).

pub mod codegen;
pub mod exec;
pub mod prims;
pub mod torch;
