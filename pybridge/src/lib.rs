//! `thunder._native`: the compiled half of the `thunder` Python package.
//!
//! Python captures a function and writes it as torch-level MLIR; this module
//! lowers it through the prims, linalg and LLVM levels (keeping every level as
//! a trace), JIT-compiles it, and runs it on tensors passed by pointer. Results
//! go back to torch by DLPack, so the extension never links libtorch and works
//! with any torch version.

mod dlpack;

use pyo3::create_exception;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use thunder_lowering::jit::{self, CompileError, DType, Engine};
use thunder_lowering::pipelines;

create_exception!(_native, CompilationError, PyRuntimeError, "Compiling a captured program failed.");

/// One level of the program as it went down the pipeline.
#[pyclass(frozen, get_all)]
#[derive(Clone)]
struct Trace {
    /// `torch`, `prims`, `linalg` or `llvm`.
    level: String,
    /// The MLIR text at this level.
    text: String,
    /// The `thunder-opt --pass-pipeline` contents that produce the next level
    /// from this one (empty for the last level).
    pipeline: String,
}

#[pymethods]
impl Trace {
    fn __str__(&self) -> String {
        self.text.clone()
    }

    fn __repr__(&self) -> String {
        format!("<thunder trace: {} level, {} lines>", self.level, self.text.lines().count())
    }
}

/// A compiled function: call `run` with the inputs' data pointers and shapes.
#[pyclass(unsendable)]
struct CompiledFunction {
    engine: Engine,
    name: String,
    results: Vec<(DType, Vec<i64>)>,
    #[pyo3(get)]
    traces: Vec<Trace>,
}

fn parse_dtype(name: &str) -> PyResult<DType> {
    Ok(match name {
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
        other => return Err(pyo3::exceptions::PyValueError::new_err(format!("unknown dtype '{other}'"))),
    })
}

/// The message of a failed step, with a command line that reproduces it.
fn compilation_error(e: &CompileError, level: &str) -> PyErr {
    let mut message = e.to_string();
    if let Some(input) = &e.input {
        let dir = std::env::temp_dir().join(format!("thunder-{}", std::process::id()));
        let path = dir.join(format!("{level}-input.mlir"));
        if std::fs::create_dir_all(&dir).is_ok() && std::fs::write(&path, input).is_ok() {
            let pass = e.stage.trim_start_matches("pass `").trim_end_matches('`');
            message.push_str(&format!(
                "\nreproduce with:\n  thunder-opt {} --pass-pipeline='builtin.module({pass})'",
                path.display()
            ));
        }
    }
    CompilationError::new_err(message)
}

/// Lowers torch-level MLIR `source` and JIT-compiles function `name`, whose
/// results have the given (dtype, shape) pairs.
#[pyfunction]
fn compile(source: &str, name: &str, results: Vec<(String, Vec<i64>)>) -> PyResult<CompiledFunction> {
    let results = results
        .into_iter()
        .map(|(d, s)| Ok((parse_dtype(&d)?, s)))
        .collect::<PyResult<Vec<_>>>()?;
    let context = thunder_dialects::create_context();
    let mut module = jit::parse(&context, source).map_err(|e| compilation_error(&e, "torch"))?;
    let stages = [
        ("torch", "thunder-decompose-torch"),
        ("prims", &pipelines::TORCH_TO_LINALG["thunder-decompose-torch,".len()..]),
        ("linalg", pipelines::LINALG_TO_LLVM_CPU),
    ];
    let mut traces = vec![];
    for (level, pipeline) in stages {
        traces.push(Trace {
            level: level.into(),
            text: module.as_operation().to_string(),
            pipeline: pipeline.to_string(),
        });
        jit::run_pipeline_stepwise(&context, &mut module, pipeline)
            .map_err(|e| compilation_error(&e, level))?;
    }
    traces.push(Trace { level: "llvm".into(), text: module.as_operation().to_string(), pipeline: String::new() });
    let engine = Engine::new(&module, 2).map_err(|e| compilation_error(&e, "llvm"))?;
    Ok(CompiledFunction { engine, name: name.to_string(), results, traces })
}

#[pymethods]
impl CompiledFunction {
    /// Runs on contiguous CPU buffers given as (data pointer, shape) pairs;
    /// returns DLPack capsules of the results.
    fn run(&self, py: Python<'_>, args: Vec<(usize, Vec<i64>)>) -> PyResult<Vec<Py<PyAny>>> {
        let raw: Vec<(*const u8, &[i64])> = args.iter().map(|(p, s)| (*p as *const u8, s.as_slice())).collect();
        // Safety: the Python side passes data_ptr()s of live contiguous tensors
        // of the captured dtypes and shapes (its guards checked them).
        // The GIL stays held: kernels here are short and the inputs must not
        // be freed by another thread while they run.
        let outputs = unsafe { self.engine.call_raw(&self.name, &raw, &self.results) }
            .map_err(PyRuntimeError::new_err)?;
        outputs.into_iter().map(|t| dlpack::to_capsule(py, t)).collect()
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compile, m)?)?;
    m.add_class::<CompiledFunction>()?;
    m.add_class::<Trace>()?;
    m.add("CompilationError", m.py().get_type::<CompilationError>())?;
    Ok(())
}
