//! From a torch-level program to a runnable plan: the compiler driver behind
//! `thunder.jit`.
//!
//! torch → prims → exec (fusion regions claimed by executors, outlined into
//! kernels, releases inserted) → the plan is read off the entry function, and
//! the kernels go on through linalg to LLVM and the JIT. Every level is kept
//! as a trace, with the `thunder-opt` pipeline that produced the next one.

use crate::ir::{self, Op, Value};
use crate::jit::{self, CompileError};
use crate::pipelines;
use melior::ExecutionEngine;
use melior::ir::Module;
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

fn err(stage: &str, message: String) -> CompileError {
    CompileError {
        stage: stage.into(),
        diagnostics: vec![message],
        input: None,
    }
}

/// Compiles function `entry` of torch-level `source` with `executors` in
/// priority order.
pub fn compile_program(
    source: &str,
    entry: &str,
    executors: &[&str],
) -> Result<CompiledProgram, CompileError> {
    crate::register_all_passes();
    let context = thunder_dialects::create_context();
    let mut module = jit::parse(&context, source)?;
    set_executors(&module, executors);
    let mut traces = vec![];
    let text = |m: &Module| m.as_operation().to_string();
    for (level, pipeline) in [
        ("torch", &pipelines::TORCH_TO_PRIMS),
        ("prims", &pipelines::PRIMS_TO_EXEC),
    ] {
        traces.push(Trace {
            level: level.into(),
            text: text(&module),
            pipeline: pipeline.name.into(),
        });
        jit::run_pipeline_stepwise(&context, &mut module, pipeline.text)?;
    }
    let exec_text = text(&module);
    let module_op = module.as_operation().to_raw();
    let entry_fn = ir::collect_ops(module_op, "func.func")
        .into_iter()
        .find(|f| ir::attr_string(ir::get_attr(*f, "sym_name").unwrap()) == entry)
        .ok_or_else(|| err("building the plan", format!("no function '{entry}'")))?;
    let kernel_names: Vec<String> = ir::collect_ops(module_op, "func.func")
        .into_iter()
        .filter(|f| ir::get_attr(*f, "thunder.executor").is_some())
        .map(|f| ir::attr_string(ir::get_attr(f, "sym_name").unwrap()))
        .collect();
    let plan = build_plan(entry_fn, &kernel_names)?;
    traces.push(Trace {
        level: "exec".into(),
        text: exec_text,
        pipeline: pipelines::KERNELS_TO_LINALG.name.into(),
    });
    jit::run_pipeline_stepwise(&context, &mut module, pipelines::KERNELS_TO_LINALG.text)?;
    traces.push(Trace {
        level: "linalg".into(),
        text: text(&module),
        pipeline: pipelines::LINALG_TO_LLVM_CPU.name.into(),
    });
    jit::run_pipeline_stepwise(&context, &mut module, pipelines::LINALG_TO_LLVM_CPU.text)?;
    traces.push(Trace {
        level: "llvm".into(),
        text: text(&module),
        pipeline: String::new(),
    });
    let (engine, kernels) = if kernel_names.is_empty() {
        (None, vec![])
    } else {
        let engine = jit::Engine::new(&module, 3)?.into_inner();
        let mut kernels = vec![];
        for (i, name) in kernel_names.iter().enumerate() {
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
        (Some(engine), kernels)
    };
    Ok(CompiledProgram {
        plan,
        kernels,
        kernel_names,
        traces,
        engine,
    })
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
