//! `thunder._native`: the compiled half of the `thunder` Python package.
//!
//! Python captures a function and writes it as torch-level MLIR; this module
//! compiles it to an exec-level plan (thunder-lowering) and runs the plan
//! (thunder-runtime): generated kernels, the BLAS executor, and calls back
//! into Python for the torch fallback and user executors. Tensors cross by
//! pointer on the way in and by DLPack on the way out, so the extension never
//! links libtorch and works with any torch version.

mod dispatch;
mod dlpack;

use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyList;
use std::sync::Arc;
use thunder_lowering::compiler::{self, CompiledProgram};
use thunder_lowering::jit::CompileError;
use thunder_runtime::{Step, Storage, Tensor, TensorSpec};

create_exception!(
    _native,
    CompilationError,
    PyRuntimeError,
    "Compiling a captured program failed."
);

/// One level of the program as it went down the pipeline.
#[pyclass(frozen, get_all)]
#[derive(Clone)]
struct Trace {
    /// `torch`, `prims`, `exec`, `linalg` or `llvm`.
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
        format!(
            "<thunder trace: {} level, {} lines>",
            self.level,
            self.text.lines().count()
        )
    }
}

/// A compiled program: `run` it on the inputs' data pointers and shapes.
#[pyclass]
pub(crate) struct Program {
    compiled: CompiledProgram,
    #[pyo3(get)]
    traces: Vec<Trace>,
}

// Safety: after compilation the program is read-only: the plan is data, and
// the JIT'd kernels are pure functions of their arguments, so any thread may
// run it (Python serialises the calls anyway: `run` keeps the GIL).
unsafe impl Send for Program {}
unsafe impl Sync for Program {}

/// The message of a failed step, with a command line that reproduces it.
fn compilation_error(e: &CompileError) -> PyErr {
    let mut message = e.to_string();
    if let Some(input) = &e.input {
        let dir = std::env::temp_dir().join(format!("thunder-{}", std::process::id()));
        let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        let path = dir.join(format!("failing-input-{n}.mlir"));
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

impl Program {
    fn new(compiled: CompiledProgram) -> Self {
        let traces = compiled
            .traces
            .iter()
            .map(|t| Trace {
                level: t.level.clone(),
                text: t.text.clone(),
                pipeline: t.pipeline.clone(),
            })
            .collect();
        Program { compiled, traces }
    }
}

/// Compiles function `name` of torch-level MLIR `source`, with `executors`
/// in priority order (and the transforms its `thunder.transforms` names).
#[pyfunction]
fn compile(source: &str, name: &str, executors: Vec<String>) -> PyResult<Program> {
    let order: Vec<&str> = executors.iter().map(|s| s.as_str()).collect();
    let compiled =
        compiler::compile_program(source, name, &order).map_err(|e| compilation_error(&e))?;
    Ok(Program::new(compiled))
}

/// A program compiled for training: `forward` returns the outputs then the
/// saved values; `backward` takes `backward_args` (("saved", k), ("input",
/// i) or ("cotangent", j) each) and returns the gradients of `gradients`.
#[pyclass(frozen, get_all)]
struct TrainingProgram {
    forward: Py<Program>,
    backward: Py<Program>,
    num_outputs: usize,
    num_saved: usize,
    backward_args: Vec<(String, usize)>,
    gradients: Vec<usize>,
    active_outputs: Vec<usize>,
}

/// Compiles function `name` of torch-level MLIR `source` (a `vjp` over the
/// inputs that need gradients in its `thunder.transforms`) into a forward
/// and a backward program.
#[pyfunction]
fn compile_training(
    py: Python<'_>,
    source: &str,
    name: &str,
    executors: Vec<String>,
) -> PyResult<TrainingProgram> {
    let order: Vec<&str> = executors.iter().map(|s| s.as_str()).collect();
    let t = compiler::compile_training(source, name, &order).map_err(|e| compilation_error(&e))?;
    let backward_args = t
        .backward_args
        .iter()
        .map(|a| match a {
            compiler::BackwardArg::Saved(k) => ("saved".to_string(), *k),
            compiler::BackwardArg::Primal(i) => ("input".to_string(), *i),
            compiler::BackwardArg::Cotangent(j) => ("cotangent".to_string(), *j),
        })
        .collect();
    Ok(TrainingProgram {
        forward: Py::new(py, Program::new(t.forward))?,
        backward: Py::new(py, Program::new(t.backward))?,
        num_outputs: t.num_outputs,
        num_saved: t.num_saved,
        backward_args,
        gradients: t.gradients,
        active_outputs: t.active_outputs,
    })
}

fn spec_tuple(s: &TensorSpec) -> (String, Vec<i64>) {
    (s.dtype.mlir().to_string(), s.shape.clone())
}

#[pymethods]
impl Program {
    /// (dtype, shape) of each output.
    #[getter]
    fn output_specs(&self) -> Vec<(String, Vec<i64>)> {
        self.compiled
            .plan
            .output_specs()
            .iter()
            .map(spec_tuple)
            .collect()
    }

    /// (executor, target, index) of each external call, in plan order.
    #[getter]
    fn external_calls(&self) -> Vec<(String, String, i64)> {
        self.compiled
            .plan
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::External {
                    executor,
                    target,
                    index,
                    ..
                } => Some((executor.clone(), target.clone(), *index)),
                _ => None,
            })
            .collect()
    }

    /// The plan, one line per step, as the runtime executes it.
    fn describe(&self) -> String {
        let names = &self.compiled.kernel_names;
        self.compiled
            .plan
            .steps
            .iter()
            .map(|s| match s {
                Step::Launch {
                    kernel,
                    inputs,
                    outputs,
                } => {
                    format!(
                        "thunder_cpu  launch {}  {:?} -> {:?}",
                        names[*kernel],
                        inputs,
                        ids(outputs)
                    )
                }
                Step::Matmul {
                    lhs,
                    rhs,
                    transpose,
                    output,
                } => {
                    let t = |i: usize| if transpose[i] { "ᵀ" } else { "" };
                    format!(
                        "blas         matmul  [{lhs}{}, {rhs}{}] -> [{}]",
                        t(0),
                        t(1),
                        output.0
                    )
                }
                Step::External {
                    executor,
                    target,
                    inputs,
                    outputs,
                    ..
                } => {
                    format!(
                        "{executor:<12} {target}  {:?} -> {:?}",
                        inputs,
                        ids(outputs)
                    )
                }
                Step::Release(v) => format!("release      {v:?}"),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Runs on contiguous CPU buffers given as (data pointer, shape) pairs;
    /// `external(index, [capsules]) -> [(data_ptr, shape, owner)]` runs the
    /// external executors' calls. Returns DLPack capsules of the results.
    fn run(
        &self,
        py: Python<'_>,
        args: Vec<(usize, Vec<i64>)>,
        external: Py<PyAny>,
    ) -> PyResult<Vec<Py<PyAny>>> {
        let plan = &self.compiled.plan;
        if args.len() != plan.inputs.len() {
            return Err(PyValueError::new_err(format!(
                "expected {} tensors, got {}",
                plan.inputs.len(),
                args.len()
            )));
        }
        let mut inputs = Vec::with_capacity(args.len());
        for ((ptr, shape), (_, spec)) in args.into_iter().zip(&plan.inputs) {
            if shape != spec.shape {
                return Err(PyValueError::new_err(format!(
                    "input of shape {shape:?}, expected {:?}",
                    spec.shape
                )));
            }
            // Safety: Python passes data_ptr()s of live contiguous tensors of
            // the captured dtypes (its guards checked them); they outlive `run`.
            inputs.push(unsafe { Tensor::borrowed(ptr as *mut u8, spec.clone()) });
        }
        let threads = OneTorchThread::enter(py, plan)?;
        let outside_threads = threads.outside();
        let mut call_out = |step: &Step, tensors: Vec<Tensor>| -> Result<Vec<Tensor>, String> {
            let Step::External {
                index,
                outputs,
                transforms,
                target,
                ..
            } = step
            else {
                unreachable!()
            };
            let transforms: Vec<(String, Vec<i64>, Vec<i64>)> = transforms
                .iter()
                .map(|t| (t.kind.clone(), t.inputs.clone(), t.outputs.clone()))
                .collect();
            let capsules: Vec<Py<PyAny>> = tensors
                .into_iter()
                .map(|t| dlpack::to_capsule(py, t))
                .collect::<PyResult<_>>()
                .map_err(|e| e.to_string())?;
            let results = external
                .call1(
                    py,
                    (
                        *index,
                        PyList::new(py, capsules).map_err(|e| e.to_string())?,
                        transforms,
                        outputs
                            .iter()
                            .map(|(_, s)| spec_tuple(s))
                            .collect::<Vec<_>>(),
                        target.as_str(),
                        outside_threads,
                    ),
                )
                .map_err(|e| format!("external executor call {index} raised: {e}"))?;
            let results: Vec<(usize, Vec<i64>, Py<PyAny>)> =
                results.extract(py).map_err(|e| e.to_string())?;
            results
                .into_iter()
                .zip(outputs)
                .map(|((ptr, shape, owner), (_, spec))| {
                    if shape != spec.shape {
                        return Err(format!(
                            "external call {index} returned shape {shape:?}, expected {:?}",
                            spec.shape
                        ));
                    }
                    let storage = Arc::new(Storage::Owned(ptr as *mut u8, Box::new(owner)));
                    Ok(Tensor {
                        spec: spec.clone(),
                        data: ptr as *mut u8,
                        storage,
                    })
                })
                .collect()
        };
        // Safety: the kernels belong to this plan and its engine is alive.
        let outputs =
            unsafe { thunder_runtime::run(plan, &self.compiled.kernels, inputs, &mut call_out) };
        threads.exit(py)?;
        let outputs = outputs.map_err(PyRuntimeError::new_err)?;
        outputs
            .into_iter()
            .map(|t| dlpack::to_capsule(py, t.into_owned()))
            .collect()
    }
}

/// While a plan with torch executor calls runs, torch's own ops run on one
/// torch thread. Torch's OpenMP pool is not thunder's (libomp): each pool's
/// workers spin for a while after their work, so a torch op between two
/// kernels kept torch's workers spinning against thunder's threads on the
/// same cores (a transformer block's training step ran 1.2-1.8x slower and
/// varied between runs); resizing torch's pool around each op cost about as
/// much. Torch's GEMMs (half-precision matmuls) are the exception: they get
/// torch's threads back for the call, worth more than the spinning costs.
/// Plans without torch calls, and nested runs (torch already on one thread),
/// change nothing.
struct OneTorchThread(Option<(Py<PyAny>, usize)>);

impl OneTorchThread {
    fn enter(py: Python<'_>, plan: &thunder_runtime::Plan) -> PyResult<Self> {
        if !plan
            .steps
            .iter()
            .any(|s| matches!(s, Step::External { .. }))
        {
            return Ok(OneTorchThread(None));
        }
        let torch = py.import("torch")?;
        let threads: usize = torch.call_method0("get_num_threads")?.extract()?;
        if threads == 1 {
            return Ok(OneTorchThread(None));
        }
        torch.call_method1("set_num_threads", (1,))?;
        Ok(OneTorchThread(Some((torch.unbind().into_any(), threads))))
    }

    /// Torch's thread count outside the plan (for the calls that use them
    /// all: torch's GEMMs).
    fn outside(&self) -> usize {
        self.0.as_ref().map_or(0, |(_, n)| *n)
    }

    fn exit(self, py: Python<'_>) -> PyResult<()> {
        if let Some((torch, threads)) = self.0 {
            torch.call_method1(py, "set_num_threads", (threads,))?;
        }
        Ok(())
    }
}

fn ids(outputs: &[(usize, TensorSpec)]) -> Vec<usize> {
    outputs.iter().map(|(i, _)| *i).collect()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(compile, m)?)?;
    m.add_function(wrap_pyfunction!(compile_training, m)?)?;
    m.add_class::<Program>()?;
    m.add_class::<TrainingProgram>()?;
    m.add_class::<Trace>()?;
    m.add_class::<dispatch::Dispatcher>()?;
    m.add("CompilationError", m.py().get_type::<CompilationError>())?;
    Ok(())
}
