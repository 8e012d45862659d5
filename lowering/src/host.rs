//! The CPU that kernels are compiled for, for the passes whose best code
//! depends on it. The JIT targets the host, so by default that is the host;
//! a module attribute `thunder.cpu_features = ["avx512f", ...]` names the
//! features instead, which keeps `thunder-opt` output (and the lit tests)
//! the same on every machine. The environment variable
//! `THUNDER_CPU_FEATURES` (comma-separated) can only narrow the host's
//! features, e.g. `THUNDER_CPU_FEATURES=` to compile as for a CPU without
//! AVX-512: it never enables an instruction the host lacks.

use crate::ir::{self, Op};

const FEATURES_ATTR: &str = "thunder.cpu_features";

/// Whether the target executes 512-bit vectors and `vscalefps` (AVX-512F).
/// `op` is any op inside the module being compiled.
pub fn has_avx512(op: Op) -> bool {
    match declared_features(op) {
        Some(features) => features.iter().any(|f| f == "avx512f"),
        None => host_has_avx512(),
    }
}

fn declared_features(op: Op) -> Option<Vec<String>> {
    let mut current = op;
    while !current.ptr.is_null() {
        if let Some(attr) = ir::get_attr(current, FEATURES_ATTR)
            && unsafe { mlir_sys::mlirAttributeIsAArray(attr) }
        {
            let n = unsafe { mlir_sys::mlirArrayAttrGetNumElements(attr) };
            return Some(
                (0..n)
                    .map(|i| unsafe { mlir_sys::mlirArrayAttrGetElement(attr, i) })
                    .filter(|a| unsafe { mlir_sys::mlirAttributeIsAString(*a) })
                    .map(ir::attr_string)
                    .collect(),
            );
        }
        current = unsafe { mlir_sys::mlirOperationGetParentOperation(current) };
    }
    None
}

fn host_has_avx512() -> bool {
    let allowed = std::env::var("THUNDER_CPU_FEATURES")
        .map(|list| list.split(',').any(|f| f.trim() == "avx512f"))
        .unwrap_or(true);
    #[cfg(target_arch = "x86_64")]
    {
        allowed && std::is_x86_feature_detected!("avx512f")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = allowed;
        false
    }
}
