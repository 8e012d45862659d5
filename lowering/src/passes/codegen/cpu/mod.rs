//! linalg → LLVM for the host CPU: row tiles, prefetch, stack buffers, math
//! expansions, the C interface and LLVM's vector width.

pub mod emit_c_interface;
pub mod llvm_vector_width;
pub mod math_erf_to_rational;
pub mod math_exp_to_ldexp;
pub mod math_log_of_subnormals;
pub mod memref_copy_to_linalg;
pub mod precise_math;
pub mod prefetch_next_tile;
pub mod tile_buffers_to_stack;
pub mod tile_rows;
