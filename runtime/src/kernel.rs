//! Launching generated kernels through MLIR's packed C interface
//! (`_mlir__mlir_ciface_<name>(void **args)`), with memref descriptors.

use crate::tensor::{Storage, Tensor, TensorSpec};
use std::sync::Arc;

/// A compiled kernel's packed entry point. The module that holds it must
/// outlive every launch.
#[derive(Clone, Copy, Debug)]
pub struct Kernel {
    pub name_index: usize,
    pub packed: unsafe extern "C" fn(*mut *mut ()),
}

/// Generated code marks memrefs of module constants with this `allocated`
/// pointer: they are not heap memory.
const GLOBAL_SENTINEL: usize = 0xdeadbeef;

/// `{allocated, aligned, offset, sizes.., strides..}` of a contiguous tensor.
fn descriptor(t: &Tensor) -> Vec<i64> {
    let shape = &t.spec.shape;
    let mut d = vec![t.data as i64, t.data as i64, 0];
    d.extend_from_slice(shape);
    d.extend(contiguous_strides(shape));
    d
}

pub fn contiguous_strides(shape: &[i64]) -> Vec<i64> {
    let mut strides = vec![1i64; shape.len()];
    for k in (0..shape.len().saturating_sub(1)).rev() {
        strides[k] = strides[k + 1] * shape[k + 1].max(1);
    }
    strides
}

impl Kernel {
    /// Runs the kernel on `inputs`; results have the given specs.
    ///
    /// # Safety
    /// The kernel's signature must be `inputs` → `outputs` as given, and its
    /// module must still be loaded.
    pub unsafe fn launch(
        &self,
        inputs: &[&Tensor],
        outputs: &[TensorSpec],
    ) -> Result<Vec<Tensor>, String> {
        let mut descs: Vec<Vec<i64>> = inputs.iter().map(|t| descriptor(t)).collect();
        let mut desc_ptrs: Vec<*mut i64> = descs.iter_mut().map(|d| d.as_mut_ptr()).collect();
        let mut result_buf: Vec<i64> = outputs
            .iter()
            .flat_map(|s| vec![0; 3 + 2 * s.shape.len()])
            .collect();
        let mut result_ptr = result_buf.as_mut_ptr();
        let mut packed: Vec<*mut ()> = Vec::with_capacity(inputs.len() + 1);
        if !outputs.is_empty() {
            packed.push(&mut result_ptr as *mut *mut i64 as *mut ());
        }
        for p in desc_ptrs.iter_mut() {
            packed.push(p as *mut *mut i64 as *mut ());
        }
        unsafe { (self.packed)(packed.as_mut_ptr()) };
        // Take ownership of every result buffer first, so that an error below
        // cannot leak the ones after it.
        let mut results: Vec<Tensor> = Vec::with_capacity(outputs.len());
        // The `allocated` pointer each result came back with.
        let mut returned: Vec<usize> = Vec::with_capacity(outputs.len());
        let mut error = None;
        let mut at = 0;
        for spec in outputs {
            let rank = spec.shape.len();
            let d = &result_buf[at..at + 3 + 2 * rank];
            at += 3 + 2 * rank;
            let (allocated, aligned, offset) = (d[0] as usize, d[1] as usize, d[2] as usize);
            let data = (aligned + offset * spec.dtype.size()) as *mut u8;
            // A result may be an input itself (its descriptor carries the
            // input's data pointer as `allocated`, see `descriptor`), or share
            // memory with an earlier result: then it shares that owner.
            let owner = inputs
                .iter()
                .find(|t| t.data as usize == allocated || t.storage.base() as usize == allocated)
                .map(|t| &t.storage)
                .or_else(|| {
                    returned
                        .iter()
                        .position(|a| *a == allocated)
                        .map(|i| &results[i].storage)
                })
                .cloned();
            let storage = match owner {
                Some(s) => s,
                None if allocated == GLOBAL_SENTINEL || allocated == 0 => {
                    Arc::new(Storage::Borrowed(data))
                }
                None => Arc::new(Storage::Malloc(allocated as *mut u8)),
            };
            if error.is_none() && d[3..3 + rank] != spec.shape[..] {
                error = Some(format!(
                    "kernel returned shape {:?}, expected {:?}",
                    &d[3..3 + rank],
                    spec.shape
                ));
            }
            returned.push(allocated);
            results.push(Tensor {
                spec: spec.clone(),
                data,
                storage,
            });
        }
        match error {
            Some(e) => Err(e),
            None => Ok(results),
        }
    }
}
