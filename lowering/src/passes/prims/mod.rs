//! Passes on the prims level, and the typed builder they and the torch
//! decomposition emit prims through.

pub(crate) mod builder;
pub mod grad;
pub mod jvp;
pub mod remat;
pub mod rules;
pub mod split;
pub(crate) mod transform;
pub mod vmap;
