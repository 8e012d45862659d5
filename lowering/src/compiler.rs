//! From a torch-level program to a runnable plan: the compiler driver behind
//! `thunder.jit`.
//!
//! torch → prims → exec (fusion regions claimed by executors, outlined into
//! kernels, releases inserted) → the plan is read off the entry function, and
//! the kernels go on through linalg to LLVM and the JIT. Every level is kept
//! as a trace, with the `thunder-opt` pipeline that produced the next one.

use crate::ir::{self, Op, Value};
use crate::jit::{self, CompileError};
use crate::pipelines::{self, NamedPipeline};
use melior::ExecutionEngine;
use melior::ir::Module;
use thunder_runtime::plan::ExternalTransform;
use thunder_runtime::{DType, Kernel, Plan, Step, TensorSpec};

#[derive(Clone, Debug)]
pub struct Trace {
    pub level: String,
    pub text: String,
    /// What turns `text` into the next level (empty for the last).
    pub pipeline: String,
}

pub struct CompiledProgram {
    pub plan: Plan,
    pub kernels: Vec<Kernel>,
    pub kernel_names: Vec<String>,
    pub traces: Vec<Trace>,
    /// Holds the kernels' machine code; `None` when nothing was generated.
    pub engine: Option<ExecutionEngine>,
}

/// What an argument of the backward program is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackwardArg {
    /// The forward program's saved value `k` (its result `outputs + k`).
    Saved(usize),
    /// The program's input `i`.
    Primal(usize),
    /// The cotangent of output `j`.
    Cotangent(usize),
}

/// A program compiled for training: the forward returns its outputs, then
/// what the backward needs saved; the backward turns those, some inputs and
/// the outputs' cotangents into the inputs' gradients.
pub struct TrainingProgram {
    /// Its traces are the whole program's, torch level to LLVM.
    pub forward: CompiledProgram,
    /// Its traces are the backward module's alone, from the split on.
    pub backward: CompiledProgram,
    pub num_outputs: usize,
    pub num_saved: usize,
    pub backward_args: Vec<BackwardArg>,
    /// The input each gradient (backward result) is of.
    pub gradients: Vec<usize>,
    /// The outputs that depend on differentiated inputs.
    pub active_outputs: Vec<usize>,
}

fn err(stage: &str, message: String) -> CompileError {
    CompileError {
        stage: stage.into(),
        diagnostics: vec![message],
        input: None,
    }
}

/// A module on its way down, with the traces so far.
struct Session<'c> {
    context: &'c melior::Context,
    module: Module<'c>,
    traces: Vec<Trace>,
}

impl<'c> Session<'c> {
    fn new(
        context: &'c melior::Context,
        source: &str,
        executors: &[&str],
    ) -> Result<Self, CompileError> {
        let module = jit::parse(context, source)?;
        set_executors(&module, executors);
        Ok(Session {
            context,
            module,
            traces: vec![],
        })
    }

    fn text(&self) -> String {
        self.module.as_operation().to_string()
    }

    fn op(&self) -> Op {
        self.module.as_operation().to_raw()
    }

    /// Records the module as `level` and runs `pipeline` on it, or on each
    /// module nested in it (`nested`: after the split into forward and backward).
    fn stage(
        &mut self,
        level: &str,
        pipeline: &NamedPipeline,
        nested: bool,
    ) -> Result<(), CompileError> {
        let name = if nested {
            format!("builtin.module({})", pipeline.name)
        } else {
            pipeline.name.to_string()
        };
        self.traces.push(Trace {
            level: level.into(),
            text: self.text(),
            pipeline: name,
        });
        if nested {
            let wrapped: Vec<String> = jit::split_pipeline(pipeline.text)
                .iter()
                .map(|p| format!("builtin.module({p})"))
                .collect();
            jit::run_pipeline_stepwise(self.context, &mut self.module, &wrapped.join(","))
        } else {
            jit::run_pipeline_stepwise(self.context, &mut self.module, pipeline.text)
        }
    }
}

/// The function `name` directly in `module` (an op's body block).
fn function_in(module: Op, name: &str) -> Option<Op> {
    let body =
        unsafe { mlir_sys::mlirRegionGetFirstBlock(mlir_sys::mlirOperationGetRegion(module, 0)) };
    ir::block_ops(body)
        .into_iter()
        .filter(|op| ir::op_name(*op) == "func.func")
        .find(|f| ir::get_attr(*f, "sym_name").map(ir::attr_string).as_deref() == Some(name))
}

fn kernel_names(module: Op) -> Vec<String> {
    let body =
        unsafe { mlir_sys::mlirRegionGetFirstBlock(mlir_sys::mlirOperationGetRegion(module, 0)) };
    ir::block_ops(body)
        .into_iter()
        .filter(|f| {
            ir::op_name(*f) == "func.func" && ir::get_attr(*f, "thunder.executor").is_some()
        })
        .map(|f| ir::attr_string(ir::get_attr(f, "sym_name").unwrap()))
        .collect()
}

/// The transforms `thunder.transforms` asks of `entry`, by kind, in order.
fn transform_kinds(module: Op, entry: &str) -> Vec<String> {
    let Some(func) = function_in(module, entry) else {
        return vec![];
    };
    let Some(list) = ir::get_attr(func, "thunder.transforms") else {
        return vec![];
    };
    let n = unsafe { mlir_sys::mlirArrayAttrGetNumElements(list) };
    (0..n)
        .filter_map(|i| {
            let d = unsafe { mlir_sys::mlirArrayAttrGetElement(list, i) };
            let k = unsafe { mlir_sys::mlirDictionaryAttrGetElementByName(d, ir::sref("kind")) };
            (!k.ptr.is_null()).then(|| ir::attr_string(k))
        })
        .collect()
}

/// Lowers the session's prims-level module (`level` names it) to plans and
/// kernels: one per unit, each a module holding function `entry` and its
/// kernels (the top module, or the modules nested in it).
fn lower(
    session: &mut Session,
    level: &str,
    units: &[Op],
    entry: &str,
    nested: bool,
) -> Result<(Vec<CompiledProgram>, Vec<Vec<Trace>>), CompileError> {
    let mut unit_traces: Vec<Vec<Trace>> = vec![vec![]; units.len()];
    // Each unit printed as thunder-opt prints a module of its own (a copy,
    // so at top level, with its attribute aliases).
    let record = |unit_traces: &mut Vec<Vec<Trace>>, level: &str, pipeline: &str| {
        for (t, u) in unit_traces.iter_mut().zip(units) {
            let copy = unsafe { mlir_sys::mlirOperationClone(*u) };
            let text = ir::op_to_string(copy);
            unsafe { mlir_sys::mlirOperationDestroy(copy) };
            t.push(Trace {
                level: level.into(),
                text,
                pipeline: pipeline.into(),
            });
        }
    };
    record(&mut unit_traces, level, pipelines::PRIMS_TO_EXEC.name);
    session.stage(level, &pipelines::PRIMS_TO_EXEC, nested)?;
    let mut plans = vec![];
    for unit in units {
        let func = function_in(*unit, entry)
            .ok_or_else(|| err("building the plan", format!("no function '{entry}'")))?;
        let names = kernel_names(*unit);
        plans.push((build_plan(func, &names)?, names));
    }
    record(&mut unit_traces, "exec", pipelines::KERNELS_TO_LINALG.name);
    session.stage("exec", &pipelines::KERNELS_TO_LINALG, nested)?;
    record(
        &mut unit_traces,
        "linalg",
        pipelines::LINALG_TO_LLVM_CPU.name,
    );
    session.stage("linalg", &pipelines::LINALG_TO_LLVM_CPU, nested)?;
    record(&mut unit_traces, "llvm", "");
    session.traces.push(Trace {
        level: "llvm".into(),
        text: session.text(),
        pipeline: String::new(),
    });
    let mut programs = vec![];
    for ((plan, kernel_names), unit) in plans.into_iter().zip(units) {
        let (engine, kernels) = if kernel_names.is_empty() {
            (None, vec![])
        } else if nested {
            let copy =
                unsafe { melior::ir::Operation::from_raw(mlir_sys::mlirOperationClone(*unit)) };
            let module = Module::from_operation(copy)
                .ok_or_else(|| err("JIT compilation", "a nested module is no module".into()))?;
            jit_kernels(&module, &kernel_names)?
        } else {
            jit_kernels(&session.module, &kernel_names)?
        };
        programs.push(CompiledProgram {
            plan,
            kernels,
            kernel_names,
            traces: vec![],
            engine,
        });
    }
    Ok((programs, unit_traces))
}

fn jit_kernels(
    module: &Module,
    names: &[String],
) -> Result<(Option<ExecutionEngine>, Vec<Kernel>), CompileError> {
    let engine = jit::Engine::new(module, 3)?.into_inner();
    let mut kernels = vec![];
    for (i, name) in names.iter().enumerate() {
        let p = engine.lookup(&format!("_mlir__mlir_ciface_{name}"));
        if p.is_null() {
            return Err(err(
                "JIT compilation",
                format!("kernel '{name}' did not link (see stderr)"),
            ));
        }
        let packed =
            unsafe { std::mem::transmute::<*mut (), unsafe extern "C" fn(*mut *mut ())>(p) };
        kernels.push(Kernel {
            name_index: i,
            packed,
        });
    }
    Ok((Some(engine), kernels))
}

/// Compiles function `entry` of torch-level `source` with `executors` in
/// priority order, applying the transforms its `thunder.transforms` asks for.
pub fn compile_program(
    source: &str,
    entry: &str,
    executors: &[&str],
) -> Result<CompiledProgram, CompileError> {
    crate::register_all_passes();
    let context = thunder_dialects::create_context();
    let mut session = Session::new(&context, source, executors)?;
    session.stage("torch", &pipelines::TORCH_TO_PRIMS, false)?;
    let mut level = "prims".to_string();
    for kind in transform_kinds(session.op(), entry) {
        let pipeline = match kind.as_str() {
            "vjp" | "grad" => &pipelines::VJP,
            "jvp" => &pipelines::JVP,
            "vmap" => &pipelines::VMAP,
            other => {
                return Err(err(
                    "reading thunder.transforms",
                    format!("unknown transform '{other}'"),
                ));
            }
        };
        session.stage(&level, pipeline, false)?;
        level = kind;
    }
    let top = session.op();
    let (mut programs, _) = lower(&mut session, &level, &[top], entry, false)?;
    let mut program = programs.remove(0);
    program.traces = session.traces;
    Ok(program)
}

/// Compiles function `entry` of torch-level `source` (whose
/// `thunder.transforms` is one `vjp` over the inputs that need gradients)
/// into a forward and a backward program.
pub fn compile_training(
    source: &str,
    entry: &str,
    executors: &[&str],
) -> Result<TrainingProgram, CompileError> {
    crate::register_all_passes();
    let context = thunder_dialects::create_context();
    let mut session = Session::new(&context, source, executors)?;
    session.stage("torch", &pipelines::TORCH_TO_PRIMS, false)?;
    session.stage("prims", &pipelines::VJP, false)?;
    session.stage("joint", &pipelines::SPLIT, false)?;
    let unit = |suffix: &str| {
        let name = format!("{entry}_{suffix}");
        let body = unsafe {
            mlir_sys::mlirRegionGetFirstBlock(mlir_sys::mlirOperationGetRegion(session.op(), 0))
        };
        ir::block_ops(body)
            .into_iter()
            .find(|op| {
                ir::op_name(*op) == "builtin.module"
                    && ir::get_attr(*op, "sym_name").map(ir::attr_string) == Some(name.clone())
            })
            .ok_or_else(|| {
                err(
                    "splitting forward and backward",
                    format!("no module '{name}'"),
                )
            })
    };
    let (forward_unit, backward_unit) = (unit("forward")?, unit("backward")?);
    let forward_fn = function_in(forward_unit, entry).ok_or_else(|| {
        err(
            "splitting forward and backward",
            format!("no forward '{entry}'"),
        )
    })?;
    let backward_fn = function_in(backward_unit, entry).ok_or_else(|| {
        err(
            "splitting forward and backward",
            format!("no backward '{entry}'"),
        )
    })?;
    let read = |func: Op, attr: &str, entry: &str| -> Vec<i64> {
        ir::get_attr(func, attr)
            .map(|d| unsafe { mlir_sys::mlirDictionaryAttrGetElementByName(d, ir::sref(entry)) })
            .filter(|a| !a.ptr.is_null())
            .map(|a| {
                if unsafe { mlir_sys::mlirAttributeIsAInteger(a) } {
                    vec![ir::attr_i64(a)]
                } else {
                    ir::attr_i64_array(a)
                }
            })
            .unwrap_or_default()
    };
    let num_outputs = read(forward_fn, "thunder.forward", "outputs")[0] as usize;
    let num_saved = read(forward_fn, "thunder.forward", "saved")[0] as usize;
    let gradients = read(backward_fn, "thunder.backward", "gradients")
        .iter()
        .map(|i| *i as usize)
        .collect();
    let active_outputs = read(backward_fn, "thunder.backward", "active_outputs")
        .iter()
        .map(|i| *i as usize)
        .collect();
    let backward_args = backward_arguments(backward_fn)?;
    let (mut programs, mut unit_traces) = lower(
        &mut session,
        "split",
        &[forward_unit, backward_unit],
        entry,
        true,
    )?;
    let mut backward = programs.remove(1);
    backward.traces = unit_traces.remove(1);
    let mut forward = programs.remove(0);
    forward.traces = session.traces;
    Ok(TrainingProgram {
        forward,
        backward,
        num_outputs,
        num_saved,
        backward_args,
        gradients,
        active_outputs,
    })
}

fn backward_arguments(func: Op) -> Result<Vec<BackwardArg>, CompileError> {
    let n = unsafe {
        mlir_sys::mlirFunctionTypeGetNumInputs(ir::attr_type(
            ir::get_attr(func, "function_type").unwrap(),
        ))
    };
    let attrs = ir::get_attr(func, "arg_attrs");
    (0..n)
        .map(|i| {
            let d = attrs.map(|a| unsafe { mlir_sys::mlirArrayAttrGetElement(a, i) });
            let get = |name: &str| {
                d.map(|d| unsafe {
                    mlir_sys::mlirDictionaryAttrGetElementByName(d, ir::sref(name))
                })
                .filter(|a| !a.ptr.is_null())
                .map(|a| ir::attr_i64(a) as usize)
            };
            get("thunder.saved")
                .map(BackwardArg::Saved)
                .or_else(|| get("thunder.primal").map(BackwardArg::Primal))
                .or_else(|| get("thunder.cotangent_of").map(BackwardArg::Cotangent))
                .ok_or_else(|| {
                    err(
                        "splitting forward and backward",
                        format!("backward argument {i} says not what it is"),
                    )
                })
        })
        .collect()
}

fn set_executors(module: &Module, executors: &[&str]) {
    let op = module.as_operation().to_raw();
    let ctx = ir::context_of(op);
    let elems: Vec<_> = executors.iter().map(|e| ir::str_attr(ctx, e)).collect();
    let array = unsafe { mlir_sys::mlirArrayAttrGet(ctx, elems.len() as isize, elems.as_ptr()) };
    unsafe { mlir_sys::mlirOperationSetAttributeByName(op, ir::sref("thunder.executors"), array) };
}

fn spec_of(v: Value) -> Result<TensorSpec, CompileError> {
    let t = ir::value_type(v);
    if !ir::is_tensor(t) {
        return Err(err(
            "building the plan",
            format!("value of type {} is not a tensor", ir::type_to_string(t)),
        ));
    }
    let elem = ir::type_to_string(ir::elem_of(t));
    let dtype =
        DType::from_mlir(&elem).ok_or_else(|| err("building the plan", format!("dtype {elem}")))?;
    Ok(TensorSpec {
        dtype,
        shape: ir::shape_of(t),
    })
}

/// `args.transforms` of an external call (see the opaque rules).
fn external_transforms(op: Op) -> Vec<ExternalTransform> {
    let entry = |d: mlir_sys::MlirAttribute, name: &str| {
        let a = unsafe { mlir_sys::mlirDictionaryAttrGetElementByName(d, ir::sref(name)) };
        (!a.ptr.is_null()).then_some(a)
    };
    let Some(list) = ir::get_attr(op, "args").and_then(|a| entry(a, "transforms")) else {
        return vec![];
    };
    let n = unsafe { mlir_sys::mlirArrayAttrGetNumElements(list) };
    (0..n)
        .map(|i| {
            let d = unsafe { mlir_sys::mlirArrayAttrGetElement(list, i) };
            ExternalTransform {
                kind: entry(d, "kind").map(ir::attr_string).unwrap_or_default(),
                inputs: entry(d, "inputs")
                    .map(ir::attr_i64_array)
                    .unwrap_or_default(),
                outputs: entry(d, "outputs")
                    .map(ir::attr_i64_array)
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// Reads the plan off the exec-level entry function.
fn build_plan(func: Op, kernel_names: &[String]) -> Result<Plan, CompileError> {
    let mut ids: Vec<(usize, usize)> = vec![]; // (value ptr, id)
    let mut plan = Plan::default();
    fn define(v: Value, plan: &mut Plan, ids: &mut Vec<(usize, usize)>) -> usize {
        let id = plan.num_values;
        plan.num_values += 1;
        ids.push((v.ptr as usize, id));
        id
    }
    let block =
        unsafe { mlir_sys::mlirRegionGetFirstBlock(mlir_sys::mlirOperationGetRegion(func, 0)) };
    if block.ptr.is_null() {
        return Err(err(
            "building the plan",
            "the entry function is a declaration: it has no body to run".into(),
        ));
    }
    let nargs = unsafe { mlir_sys::mlirBlockGetNumArguments(block) } as usize;
    for i in 0..nargs {
        let v = ir::block_arg(block, i);
        let spec = spec_of(v)?;
        let id = define(v, &mut plan, &mut ids);
        plan.inputs.push((id, spec));
    }
    for op in ir::block_ops(block) {
        let name = ir::op_name(op);
        let lookup = |v: Value, ids: &Vec<(usize, usize)>| {
            ids.iter()
                .find(|(p, _)| *p == v.ptr as usize)
                .map(|(_, id)| *id)
                .ok_or_else(|| {
                    err(
                        "building the plan",
                        format!("'{name}' reads a value the plan does not define"),
                    )
                })
        };
        let inputs: Vec<usize> = ir::operands(op)
            .into_iter()
            .map(|v| lookup(v, &ids))
            .collect::<Result<_, _>>()?;
        let mut outputs = vec![];
        for r in 0..ir::num_results(op) {
            let v = ir::result(op, r);
            let spec = spec_of(v)?;
            outputs.push((define(v, &mut plan, &mut ids), spec));
        }
        match name.as_str() {
            "thunder_exec.launch" => {
                let kernel = ir::attr_symbol_ref(ir::get_attr(op, "kernel").unwrap());
                let index = kernel_names
                    .iter()
                    .position(|k| *k == kernel)
                    .ok_or_else(|| {
                        err(
                            "building the plan",
                            format!("'{kernel}' is launched but is not a generated kernel"),
                        )
                    })?;
                plan.steps.push(Step::Launch {
                    kernel: index,
                    inputs,
                    outputs,
                });
            }
            "thunder_exec.call" => {
                let executor = ir::attr_string(ir::get_attr(op, "executor").unwrap());
                let target = ir::attr_string(ir::get_attr(op, "target").unwrap());
                if executor == "blas" && target == "matmul" {
                    let flag = |name: &str| {
                        ir::get_attr(op, "args").is_some_and(|a| unsafe {
                            !mlir_sys::mlirDictionaryAttrGetElementByName(a, ir::sref(name))
                                .ptr
                                .is_null()
                        })
                    };
                    plan.steps.push(Step::Matmul {
                        lhs: inputs[0],
                        rhs: inputs[1],
                        transpose: [flag("transpose_lhs"), flag("transpose_rhs")],
                        output: outputs.remove(0),
                    });
                } else {
                    let index = ir::get_attr(op, "args")
                        .map(|a| unsafe {
                            mlir_sys::mlirDictionaryAttrGetElementByName(a, ir::sref("index"))
                        })
                        .filter(|a| !a.ptr.is_null())
                        .map(ir::attr_i64)
                        .unwrap_or(-1);
                    plan.steps.push(Step::External {
                        executor,
                        target,
                        index,
                        transforms: external_transforms(op),
                        inputs,
                        outputs,
                    });
                }
            }
            "thunder_exec.release" => plan.steps.push(Step::Release(inputs)),
            "func.return" => plan.outputs = inputs,
            other => {
                return Err(err(
                    "building the plan",
                    format!(
                        "'{other}' cannot run in a plan: only kernels, executor calls and releases can"
                    ),
                ));
            }
        }
    }
    Ok(plan)
}
