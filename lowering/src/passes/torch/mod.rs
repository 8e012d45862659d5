//! Passes on the torch level.

pub mod decompose_torch;
