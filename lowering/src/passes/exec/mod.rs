//! prims → exec (executors claim ops, fusion regions), and the passes on the
//! exec-level plan.

pub mod extract_kernels;
pub mod fuse;
pub mod insert_releases;
pub mod outline_fusions;
