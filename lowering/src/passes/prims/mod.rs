//! Passes on the prims level, and the typed builder they and the torch
//! decomposition emit prims through.

pub(crate) mod builder;
