//! Handing result buffers to torch as DLPack capsules (DLPack 0.8 ABI), so the
//! extension needs no libtorch and any torch >= 1.10 can take the tensors.

use pyo3::prelude::*;
use std::ffi::{CStr, c_void};
use thunder_runtime::{DType, Tensor};

#[repr(C)]
struct DLDevice {
    device_type: i32,
    device_id: i32,
}

#[repr(C)]
struct DLDataType {
    code: u8,
    bits: u8,
    lanes: u16,
}

#[repr(C)]
struct DLTensor {
    data: *mut c_void,
    device: DLDevice,
    ndim: i32,
    dtype: DLDataType,
    shape: *mut i64,
    strides: *mut i64,
    byte_offset: u64,
}

#[repr(C)]
struct DLManagedTensor {
    dl_tensor: DLTensor,
    manager_ctx: *mut c_void,
    deleter: Option<unsafe extern "C" fn(*mut DLManagedTensor)>,
}

/// What a capsule owns: the tensor (and so its storage) and the shape array
/// DLTensor points into.
struct Owned {
    _tensor: Tensor,
    _shape: Vec<i64>,
}

const CAPSULE_NAME: &CStr = c"dltensor";
const K_DL_CPU: i32 = 1;

fn dl_dtype(d: DType) -> DLDataType {
    // Codes: 0 int, 1 uint, 2 float, 4 bfloat, 6 bool.
    let (code, bits) = match d {
        DType::F64 => (2, 64),
        DType::F32 => (2, 32),
        DType::F16 => (2, 16),
        DType::BF16 => (4, 16),
        DType::I64 => (0, 64),
        DType::I32 => (0, 32),
        DType::I16 => (0, 16),
        DType::I8 => (0, 8),
        DType::U8 => (1, 8),
        DType::Bool => (6, 8),
    };
    DLDataType {
        code,
        bits,
        lanes: 1,
    }
}

unsafe extern "C" fn delete_managed(managed: *mut DLManagedTensor) {
    let managed = unsafe { Box::from_raw(managed) };
    drop(unsafe { Box::from_raw(managed.manager_ctx as *mut Owned) });
}

/// Frees the tensor if no consumer took it (a consumer renames the capsule).
unsafe extern "C" fn capsule_destructor(capsule: *mut pyo3::ffi::PyObject) {
    unsafe {
        if pyo3::ffi::PyCapsule_IsValid(capsule, CAPSULE_NAME.as_ptr()) == 1 {
            let managed = pyo3::ffi::PyCapsule_GetPointer(capsule, CAPSULE_NAME.as_ptr())
                as *mut DLManagedTensor;
            if let Some(deleter) = (*managed).deleter {
                deleter(managed);
            }
        }
    }
}

/// A DLPack capsule sharing `tensor`'s memory (zero-copy); the capsule keeps
/// the storage alive until its consumer drops it.
pub fn to_capsule(py: Python<'_>, tensor: Tensor) -> PyResult<Py<PyAny>> {
    let mut shape = tensor.spec.shape.clone();
    let dtype = dl_dtype(tensor.spec.dtype);
    let ndim = shape.len() as i32;
    let data = tensor.data as *mut c_void;
    let shape_ptr = shape.as_mut_ptr();
    let owned = Box::into_raw(Box::new(Owned {
        _tensor: tensor,
        _shape: shape,
    }));
    let managed = Box::into_raw(Box::new(DLManagedTensor {
        dl_tensor: DLTensor {
            data,
            device: DLDevice {
                device_type: K_DL_CPU,
                device_id: 0,
            },
            ndim,
            dtype,
            shape: shape_ptr,
            strides: std::ptr::null_mut(), // compact row-major
            byte_offset: 0,
        },
        manager_ctx: owned as *mut c_void,
        deleter: Some(delete_managed),
    }));
    unsafe {
        let capsule = pyo3::ffi::PyCapsule_New(
            managed as *mut c_void,
            CAPSULE_NAME.as_ptr(),
            Some(capsule_destructor),
        );
        if capsule.is_null() {
            delete_managed(managed);
            return Err(PyErr::fetch(py));
        }
        Ok(Py::from_owned_ptr(py, capsule))
    }
}
