//! Dense row-major tensors and who owns their memory.

use std::alloc::Layout;
use std::sync::Arc;

/// Element types, named as PyTorch names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    F64,
    F32,
    F16,
    BF16,
    I64,
    I32,
    I16,
    I8,
    U8,
    Bool,
}

impl DType {
    pub fn size(self) -> usize {
        match self {
            DType::F64 | DType::I64 => 8,
            DType::F32 | DType::I32 => 4,
            DType::F16 | DType::BF16 | DType::I16 => 2,
            DType::I8 | DType::U8 | DType::Bool => 1,
        }
    }

    /// The MLIR element type spelling.
    pub fn mlir(self) -> &'static str {
        match self {
            DType::F64 => "f64",
            DType::F32 => "f32",
            DType::F16 => "f16",
            DType::BF16 => "bf16",
            DType::I64 => "i64",
            DType::I32 => "i32",
            DType::I16 => "i16",
            DType::I8 => "i8",
            DType::U8 => "ui8",
            DType::Bool => "i1",
        }
    }

    pub fn from_mlir(s: &str) -> Option<DType> {
        Some(match s {
            "f64" => DType::F64,
            "f32" => DType::F32,
            "f16" => DType::F16,
            "bf16" => DType::BF16,
            "i64" => DType::I64,
            "i32" => DType::I32,
            "i16" => DType::I16,
            "i8" => DType::I8,
            "ui8" => DType::U8,
            "i1" => DType::Bool,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TensorSpec {
    pub dtype: DType,
    pub shape: Vec<i64>,
}

impl TensorSpec {
    pub fn numel(&self) -> usize {
        self.shape.iter().product::<i64>() as usize
    }
    pub fn bytes(&self) -> usize {
        self.numel() * self.dtype.size()
    }
}

/// Memory behind a tensor, freed the right way when the last user drops it.
pub enum Storage {
    /// `malloc`ed by generated code: the runtime frees it.
    Malloc(*mut u8),
    /// Allocated by the runtime (64-byte aligned).
    Aligned(*mut u8, Layout),
    /// Someone else's memory that outlives the call (the caller's inputs,
    /// constants inside the compiled module): never freed here.
    Borrowed(*mut u8),
    /// Memory kept alive by an owner object (for example a torch tensor).
    Owned(*mut u8, Box<dyn std::any::Any + Send>),
}

// Storage is only reached through `Arc`, and the pointers are plain memory.
unsafe impl Send for Storage {}
unsafe impl Sync for Storage {}

unsafe extern "C" {
    fn free(p: *mut std::ffi::c_void);
}

impl Drop for Storage {
    fn drop(&mut self) {
        match self {
            Storage::Malloc(p) => unsafe { free(*p as *mut std::ffi::c_void) },
            Storage::Aligned(p, layout) => {
                if layout.size() > 0 {
                    unsafe { std::alloc::dealloc(*p, *layout) }
                }
            }
            Storage::Borrowed(_) | Storage::Owned(..) => {}
        }
    }
}

impl Storage {
    pub fn base(&self) -> *mut u8 {
        match self {
            Storage::Malloc(p)
            | Storage::Aligned(p, _)
            | Storage::Borrowed(p)
            | Storage::Owned(p, _) => *p,
        }
    }

    /// Zero-initialised, 64-byte aligned memory of `bytes` bytes.
    pub fn zeroed(bytes: usize) -> Storage {
        Self::aligned(bytes, true)
    }

    /// 64-byte aligned memory of `bytes` bytes whose contents are undefined,
    /// for producers that write every byte (clearing it first would cost a
    /// pass over memory).
    pub fn uninit(bytes: usize) -> Storage {
        Self::aligned(bytes, false)
    }

    fn aligned(bytes: usize, zero: bool) -> Storage {
        let layout = Layout::from_size_align(bytes.max(1), 64).expect("valid layout");
        let p = unsafe {
            if zero {
                std::alloc::alloc_zeroed(layout)
            } else {
                std::alloc::alloc(layout)
            }
        };
        assert!(!p.is_null(), "out of memory allocating {bytes} bytes");
        Storage::Aligned(p, layout)
    }
}

/// A contiguous row-major tensor: `data` points into `storage`.
#[derive(Clone)]
pub struct Tensor {
    pub spec: TensorSpec,
    pub data: *mut u8,
    pub storage: Arc<Storage>,
}

unsafe impl Send for Tensor {}

impl std::fmt::Debug for Tensor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tensor")
            .field("spec", &self.spec)
            .field("data", &self.data)
            .finish_non_exhaustive()
    }
}

impl Tensor {
    pub fn new_zeroed(spec: TensorSpec) -> Tensor {
        Self::with_storage(spec.clone(), Storage::zeroed(spec.bytes()))
    }

    /// A tensor whose elements the caller must all write before reading.
    pub fn new_uninit(spec: TensorSpec) -> Tensor {
        Self::with_storage(spec.clone(), Storage::uninit(spec.bytes()))
    }

    fn with_storage(spec: TensorSpec, storage: Storage) -> Tensor {
        let storage = Arc::new(storage);
        Tensor {
            data: storage.base(),
            spec,
            storage,
        }
    }

    /// Borrows memory the caller keeps alive for the duration of a run.
    ///
    /// # Safety
    /// `data` must address `spec.bytes()` readable bytes for as long as the
    /// tensor (or anything derived from it) is used.
    pub unsafe fn borrowed(data: *mut u8, spec: TensorSpec) -> Tensor {
        Tensor {
            data,
            spec,
            storage: Arc::new(Storage::Borrowed(data)),
        }
    }

    pub fn bytes(&self) -> &[u8] {
        if self.spec.bytes() == 0 {
            return &[];
        }
        unsafe { std::slice::from_raw_parts(self.data, self.spec.bytes()) }
    }

    /// A tensor that owns its memory (copying it if it is borrowed), so it can
    /// outlive the run and the compiled module.
    pub fn into_owned(self) -> Tensor {
        if matches!(*self.storage, Storage::Borrowed(_)) {
            let copy = Tensor::new_zeroed(self.spec.clone());
            if self.spec.bytes() > 0 {
                unsafe { std::ptr::copy_nonoverlapping(self.data, copy.data, self.spec.bytes()) };
            }
            copy
        } else {
            self
        }
    }
}
