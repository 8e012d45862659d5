//! Compiling MLIR text through a pipeline and running it on the host CPU.
//!
//! Diagnostics are captured and returned as errors (never printed and
//! dropped), the module is checked to be fully in the LLVM dialect before the
//! JIT sees it (a null ExecutionEngine would crash the process), and results
//! are copied out of the buffers the compiled code allocated.

use melior::ExecutionEngine;
use melior::ir::Module;
use melior::pass::PassManager;
use melior::{Context, diagnostic::DiagnosticSeverity};
use std::cell::RefCell;
use std::rc::Rc;

/// Element types: the runtime's, so compiler and runtime name them alike.
pub use thunder_runtime::DType;

/// A dense row-major tensor in host memory.
#[derive(Clone, Debug, PartialEq)]
pub struct HostTensor {
    pub dtype: DType,
    pub shape: Vec<i64>,
    pub data: Vec<u8>,
}

impl HostTensor {
    pub fn numel(&self) -> usize {
        self.shape.iter().product::<i64>() as usize
    }

    pub fn from_f32(shape: &[i64], values: &[f32]) -> Self {
        Self::from_bytes(
            DType::F32,
            shape,
            values.iter().flat_map(|v| v.to_ne_bytes()).collect(),
        )
    }

    pub fn from_f64(shape: &[i64], values: &[f64]) -> Self {
        Self::from_bytes(
            DType::F64,
            shape,
            values.iter().flat_map(|v| v.to_ne_bytes()).collect(),
        )
    }

    pub fn from_i32(shape: &[i64], values: &[i32]) -> Self {
        Self::from_bytes(
            DType::I32,
            shape,
            values.iter().flat_map(|v| v.to_ne_bytes()).collect(),
        )
    }

    pub fn from_i64(shape: &[i64], values: &[i64]) -> Self {
        Self::from_bytes(
            DType::I64,
            shape,
            values.iter().flat_map(|v| v.to_ne_bytes()).collect(),
        )
    }

    pub fn from_bytes(dtype: DType, shape: &[i64], data: Vec<u8>) -> Self {
        let t = HostTensor {
            dtype,
            shape: shape.to_vec(),
            data,
        };
        assert_eq!(
            t.data.len(),
            t.numel() * dtype.size(),
            "data size matches shape"
        );
        t
    }

    /// Every element as f64 (exact for all dtypes but i64 beyond 2^53).
    pub fn to_f64(&self) -> Vec<f64> {
        let n = self.dtype.size();
        self.data
            .chunks_exact(n)
            .map(|c| match self.dtype {
                DType::F64 => f64::from_ne_bytes(c.try_into().unwrap()),
                DType::F32 => f32::from_ne_bytes(c.try_into().unwrap()) as f64,
                DType::F16 => f16_to_f64(u16::from_ne_bytes(c.try_into().unwrap())),
                DType::BF16 => {
                    f32::from_bits(u32::from(u16::from_ne_bytes(c.try_into().unwrap())) << 16)
                        as f64
                }
                DType::I64 => i64::from_ne_bytes(c.try_into().unwrap()) as f64,
                DType::I32 => i32::from_ne_bytes(c.try_into().unwrap()) as f64,
                DType::I16 => i16::from_ne_bytes(c.try_into().unwrap()) as f64,
                DType::I8 => c[0] as i8 as f64,
                DType::U8 | DType::Bool => c[0] as f64,
            })
            .collect()
    }
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h >> 15 == 1 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        31 => {
            if frac == 0.0 {
                sign * f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => sign * (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// Errors with the MLIR diagnostics that explain them.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub stage: String,
    pub diagnostics: Vec<String>,
    /// The IR the failing step ran on, when known.
    pub input: Option<String>,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} failed", self.stage)?;
        for d in &self.diagnostics {
            write!(f, "\n  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CompileError {}

/// Collects error diagnostics of `context` while `f` runs.
pub fn with_diagnostics<T>(context: &Context, f: impl FnOnce() -> T) -> (T, Vec<String>) {
    let messages = Rc::new(RefCell::new(Vec::new()));
    let sink = messages.clone();
    let id = context.attach_diagnostic_handler(move |d| {
        if matches!(d.severity(), DiagnosticSeverity::Error) {
            let mut text = format!("{}: {}", d.location(), d);
            for i in 0..d.note_count() {
                if let Ok(n) = d.note(i) {
                    text.push_str(&format!("\n    note: {n}"));
                }
            }
            sink.borrow_mut().push(text);
        }
        true
    });
    let result = f();
    context.detach_diagnostic_handler(id);
    let out = messages.borrow().clone();
    (result, out)
}

/// Parses `source` and runs the textual `pipeline` (the contents of
/// `builtin.module(...)`) on it.
pub fn compile<'c>(
    context: &'c Context,
    source: &str,
    pipeline: &str,
) -> Result<Module<'c>, CompileError> {
    let mut module = parse(context, source)?;
    run_pipeline(context, &mut module, pipeline)?;
    Ok(module)
}

pub fn parse<'c>(context: &'c Context, source: &str) -> Result<Module<'c>, CompileError> {
    let (module, diags) = with_diagnostics(context, || Module::parse(context, source));
    module.ok_or_else(|| CompileError {
        stage: "verifying the program".into(),
        diagnostics: diags,
        input: None,
    })
}

/// Runs `pipeline` on `module` in place.
pub fn run_pipeline(
    context: &Context,
    module: &mut Module,
    pipeline: &str,
) -> Result<(), CompileError> {
    crate::register_all_passes();
    let pm = PassManager::new(context);
    thunder_dialects::add_pipeline(
        unsafe { mlir_sys::mlirPassManagerGetAsOpPassManager(pm.to_raw()) },
        pipeline,
    )
    .map_err(|m| CompileError {
        stage: format!("parsing the pass pipeline `{pipeline}`"),
        diagnostics: vec![m],
        input: None,
    })?;
    let (result, diags) = with_diagnostics(context, || pm.run(module));
    result.map_err(|_| CompileError {
        stage: format!("pipeline `{pipeline}`"),
        diagnostics: diags,
        input: None,
    })
}

/// Runs the passes of a flat `pipeline` one at a time, so a failure names the
/// pass and keeps the IR it failed on (to reproduce with `thunder-opt`).
pub fn run_pipeline_stepwise(
    context: &Context,
    module: &mut Module,
    pipeline: &str,
) -> Result<(), CompileError> {
    for pass in split_pipeline(pipeline) {
        let before = module.as_operation().to_string();
        if let Err(mut e) = run_pipeline(context, module, &pass) {
            e.stage = format!("pass `{pass}`");
            e.input = Some(before);
            return Err(e);
        }
    }
    Ok(())
}

/// Splits `a,b{x=1,y=2},c` at top-level commas.
pub fn split_pipeline(pipeline: &str) -> Vec<String> {
    let mut out = vec![];
    let (mut depth, mut current) = (0, String::new());
    for ch in pipeline.chars() {
        match ch {
            '{' | '(' => depth += 1,
            '}' | ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut current).trim().to_string());
                continue;
            }
            _ => {}
        }
        current.push(ch);
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// A JIT-compiled module.
pub struct Engine {
    engine: ExecutionEngine,
}

const GLOBAL_SENTINEL: usize = 0xdeadbeef;

/// LLVM's OpenMP runtime, from the same LLVM as MLIR. MLIR reads the path as a
/// C string, so the text is followed by a NUL that the slice leaves out.
const LIBOMP_NUL: &str = "/usr/lib/llvm-22/lib/libomp.so\0";
const LIBOMP: &str = LIBOMP_NUL.split_at(LIBOMP_NUL.len() - 1).0;

impl Engine {
    /// The underlying melior engine (to look up entry points).
    pub fn into_inner(self) -> ExecutionEngine {
        self.engine
    }

    /// JIT-compiles a module that is entirely in the LLVM dialect.
    pub fn new(module: &Module, opt_level: usize) -> Result<Self, CompileError> {
        let leftovers: Vec<String> = crate::ir::collect_ops(module.as_operation().to_raw(), "")
            .into_iter()
            .map(crate::ir::op_name)
            .filter(|n| !n.starts_with("llvm.") && !n.starts_with("omp.") && n != "builtin.module")
            .collect();
        if let Some(first) = leftovers.first() {
            return Err(CompileError {
                stage: "JIT compilation".into(),
                input: None,
                diagnostics: vec![format!(
                    "the module still contains '{first}' (not lowered to the LLVM dialect)"
                )],
            });
        }
        // Parallel loops call into the OpenMP runtime (LLVM's libomp).
        let uses_openmp =
            !crate::ir::collect_ops(module.as_operation().to_raw(), "omp.").is_empty();
        let libraries: Vec<&str> = if uses_openmp {
            if !std::path::Path::new(LIBOMP).exists() {
                return Err(CompileError {
                    stage: "JIT compilation".into(),
                    diagnostics: vec![format!(
                        "{LIBOMP} is missing (Debian package libomp-22-dev)"
                    )],
                    input: None,
                });
            }
            vec![LIBOMP]
        } else {
            vec![]
        };
        let engine = ExecutionEngine::new(module, opt_level, &libraries, false, false);
        if unsafe { std::mem::transmute::<ExecutionEngine, *const ()>(std::ptr::read(&engine)) }
            .is_null()
        {
            std::mem::forget(engine);
            return Err(CompileError {
                stage: "JIT compilation".into(),
                diagnostics: vec!["LLVM rejected the module".into()],
                input: None,
            });
        }
        Ok(Engine { engine })
    }

    /// Calls `name` (which has `llvm.emit_c_interface`) on `args`, returning
    /// results of the given dtypes and shapes.
    pub fn call(
        &self,
        name: &str,
        args: &[&HostTensor],
        results: &[(DType, Vec<i64>)],
    ) -> Result<Vec<HostTensor>, String> {
        let raw: Vec<(*const u8, &[i64])> = args
            .iter()
            .map(|t| (t.data.as_ptr(), t.shape.as_slice()))
            .collect();
        // Safety: each pointer addresses a live buffer of its shape.
        unsafe { self.call_raw(name, &raw, results) }
    }

    /// Like `call`, on borrowed contiguous row-major buffers (for example a
    /// torch tensor's `data_ptr()`).
    ///
    /// # Safety
    /// Every pointer must address a live, contiguous buffer of its shape and
    /// of the dtype the compiled function expects.
    pub unsafe fn call_raw(
        &self,
        name: &str,
        args: &[(*const u8, &[i64])],
        results: &[(DType, Vec<i64>)],
    ) -> Result<Vec<HostTensor>, String> {
        let symbol = format!("_mlir_ciface_{name}");
        if self.engine.lookup(&symbol).is_null() {
            return Err(format!(
                "could not find or link '{symbol}': no public function '{name}' in the module, \
                 or a symbol it needs is missing (the JIT names it on stderr)"
            ));
        }
        // Argument descriptors: {allocated, aligned, offset, sizes.., strides..}.
        let mut arg_descs: Vec<Vec<i64>> = args
            .iter()
            .map(|(p, shape)| descriptor(*p as i64, shape))
            .collect();
        let mut arg_ptrs: Vec<*mut i64> = arg_descs.iter_mut().map(|d| d.as_mut_ptr()).collect();
        // Results come back through one struct of descriptors (first argument).
        let mut result_buf: Vec<i64> = results
            .iter()
            .flat_map(|(_, s)| vec![0; 3 + 2 * s.len()])
            .collect();
        let mut result_ptr = result_buf.as_mut_ptr();
        let mut packed: Vec<*mut ()> = Vec::new();
        if !results.is_empty() {
            packed.push(&mut result_ptr as *mut *mut i64 as *mut ());
        }
        for p in arg_ptrs.iter_mut() {
            packed.push(p as *mut *mut i64 as *mut ());
        }
        // The C API adds the `_mlir_ciface_` prefix itself.
        unsafe { self.engine.invoke_packed(name, &mut packed) }.map_err(|e| e.to_string())?;
        let inputs: Vec<usize> = args.iter().map(|(p, _)| *p as usize).collect();
        let mut freed = vec![];
        let mut out = vec![];
        let mut at = 0;
        for (dtype, shape) in results {
            let rank = shape.len();
            let d = &result_buf[at..at + 3 + 2 * rank];
            at += 3 + 2 * rank;
            let (allocated, aligned, offset) = (d[0] as usize, d[1] as usize, d[2] as usize);
            let sizes = &d[3..3 + rank];
            let strides = &d[3 + rank..];
            if sizes != shape.as_slice() {
                return Err(format!(
                    "result shape {sizes:?} differs from the declared {shape:?}"
                ));
            }
            out.push(copy_out(*dtype, shape, aligned, offset, strides));
            // Free what the compiled code allocated, once; never inputs or globals.
            if allocated != 0
                && allocated != GLOBAL_SENTINEL
                && !inputs.contains(&allocated)
                && !freed.contains(&allocated)
            {
                freed.push(allocated);
            }
        }
        for p in freed {
            unsafe { libc_free(p as *mut std::ffi::c_void) };
        }
        Ok(out)
    }
}

/// Copies a strided result into a dense row-major tensor.
fn copy_out(
    dtype: DType,
    shape: &[i64],
    aligned: usize,
    offset: usize,
    strides: &[i64],
) -> HostTensor {
    let n = dtype.size();
    let numel = shape.iter().product::<i64>() as usize;
    let contiguous = strides == descriptor(0, shape)[3 + shape.len()..].to_vec().as_slice();
    let data = if contiguous || numel <= 1 {
        let p = (aligned + offset * n) as *const u8;
        unsafe { std::slice::from_raw_parts(p, numel * n) }.to_vec()
    } else {
        let mut data = Vec::with_capacity(numel * n);
        for linear in 0..numel {
            let mut rem = linear as i64;
            let mut elem_offset = offset as i64;
            for k in (0..shape.len()).rev() {
                elem_offset += (rem % shape[k]) * strides[k];
                rem /= shape[k];
            }
            let p = (aligned + elem_offset as usize * n) as *const u8;
            data.extend_from_slice(unsafe { std::slice::from_raw_parts(p, n) });
        }
        data
    };
    HostTensor {
        dtype,
        shape: shape.to_vec(),
        data,
    }
}

unsafe extern "C" {
    #[link_name = "free"]
    fn libc_free(p: *mut std::ffi::c_void);
}

fn descriptor(ptr: i64, shape: &[i64]) -> Vec<i64> {
    let mut d = vec![ptr, ptr, 0];
    d.extend_from_slice(shape);
    let mut strides = vec![1i64; shape.len()];
    for k in (0..shape.len().saturating_sub(1)).rev() {
        strides[k] = strides[k + 1] * shape[k + 1].max(1);
    }
    d.extend(strides);
    d
}
