//! The exec-level program as data, and its interpreter.

use crate::kernel::Kernel;
use crate::tensor::{Tensor, TensorSpec};

/// Values are numbered; inputs first.
pub type ValueId = usize;

#[derive(Clone, Debug)]
pub enum Step {
    /// A generated kernel (`kernels[kernel]`).
    Launch {
        kernel: usize,
        inputs: Vec<ValueId>,
        outputs: Vec<(ValueId, TensorSpec)>,
    },
    /// The BLAS executor's matrix product; `transpose[i]` says operand i is
    /// stored with its last two dimensions swapped.
    Matmul {
        lhs: ValueId,
        rhs: ValueId,
        transpose: [bool; 2],
        output: (ValueId, TensorSpec),
    },
    /// An external executor (torch fallback, user executors), called back.
    External {
        executor: String,
        target: String,
        /// The caller's index for this call site (which Python callable).
        index: i64,
        /// What the compiler's transforms made of the call, in order (its
        /// VJP, JVP or batched form), for the caller to compose around it.
        transforms: Vec<ExternalTransform>,
        inputs: Vec<ValueId>,
        outputs: Vec<(ValueId, TensorSpec)>,
    },
    /// These buffers are dead from here on.
    Release(Vec<ValueId>),
}

/// One transform of an external call: `kind` (`vjp`, `vjp_with_results`,
/// `jvp`, `vmap`) and
/// its two index lists (see the compiler's opaque rules: the operands
/// differentiated or their batch dimensions, the results differentiated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalTransform {
    pub kind: String,
    pub inputs: Vec<i64>,
    pub outputs: Vec<i64>,
}

#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub inputs: Vec<(ValueId, TensorSpec)>,
    pub steps: Vec<Step>,
    pub outputs: Vec<ValueId>,
    pub num_values: usize,
}

impl Plan {
    /// Every value id in range, every launch of one of `num_kernels` kernels:
    /// what `run` relies on to index without panicking.
    pub fn check(&self, num_kernels: usize) -> Result<(), String> {
        let id_ok = |id: &ValueId| {
            if *id < self.num_values {
                Ok(())
            } else {
                Err(format!(
                    "value {id} is out of range: the plan has {} values",
                    self.num_values
                ))
            }
        };
        for (id, _) in &self.inputs {
            id_ok(id)?;
        }
        for step in &self.steps {
            match step {
                Step::Launch {
                    kernel,
                    inputs,
                    outputs,
                } => {
                    if *kernel >= num_kernels {
                        return Err(format!(
                            "launch of kernel {kernel}, but there are {num_kernels} kernels"
                        ));
                    }
                    inputs.iter().try_for_each(id_ok)?;
                    outputs.iter().try_for_each(|(id, _)| id_ok(id))?;
                }
                Step::External {
                    inputs, outputs, ..
                } => {
                    inputs.iter().try_for_each(id_ok)?;
                    outputs.iter().try_for_each(|(id, _)| id_ok(id))?;
                }
                Step::Matmul {
                    lhs, rhs, output, ..
                } => {
                    id_ok(lhs)?;
                    id_ok(rhs)?;
                    id_ok(&output.0)?;
                }
                Step::Release(ids) => ids.iter().try_for_each(id_ok)?,
            }
        }
        self.outputs.iter().try_for_each(id_ok)
    }

    pub fn output_specs(&self) -> Vec<TensorSpec> {
        let mut specs: Vec<Option<TensorSpec>> = vec![None; self.num_values];
        for (id, s) in &self.inputs {
            specs[*id] = Some(s.clone());
        }
        for step in &self.steps {
            match step {
                Step::Launch { outputs, .. } | Step::External { outputs, .. } => {
                    for (id, s) in outputs {
                        specs[*id] = Some(s.clone());
                    }
                }
                Step::Matmul { output, .. } => specs[output.0] = Some(output.1.clone()),
                Step::Release(_) => {}
            }
        }
        self.outputs
            .iter()
            .map(|id| specs[*id].clone().expect("outputs are defined"))
            .collect()
    }
}

/// `THUNDER_PROFILE=1` in the environment: every step's wall time goes to
/// stderr as it runs (read once, so a run without it pays nothing).
fn profiling() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("THUNDER_PROFILE").is_some_and(|v| v == "1"))
}

/// What an external executor gets: the step, and its input tensors.
pub type ExternalCall<'a> = dyn FnMut(&Step, Vec<Tensor>) -> Result<Vec<Tensor>, String> + 'a;

/// Runs `plan` on `inputs` (in the plan's input order).
///
/// # Safety
/// The kernels must be the plan's own, from a module that is still loaded,
/// and the inputs must match the plan's input specs.
pub unsafe fn run(
    plan: &Plan,
    kernels: &[Kernel],
    inputs: Vec<Tensor>,
    external: &mut ExternalCall,
) -> Result<Vec<Tensor>, String> {
    plan.check(kernels.len())?;
    if inputs.len() != plan.inputs.len() {
        return Err(format!(
            "the plan takes {} inputs, got {}",
            plan.inputs.len(),
            inputs.len()
        ));
    }
    let mut values: Vec<Option<Tensor>> = vec![None; plan.num_values];
    for ((id, spec), t) in plan.inputs.iter().zip(inputs) {
        if &t.spec != spec {
            return Err(format!(
                "input {id} is {:?}, the plan expects {:?}",
                t.spec, spec
            ));
        }
        values[*id] = Some(t);
    }
    let get = |values: &Vec<Option<Tensor>>, id: ValueId| -> Result<Tensor, String> {
        values[id]
            .clone()
            .ok_or_else(|| format!("value {id} used after release or before definition"))
    };
    let profile = profiling();
    for step in &plan.steps {
        let started = profile.then(std::time::Instant::now);
        match step {
            Step::Launch {
                kernel,
                inputs,
                outputs,
            } => {
                let args: Vec<Tensor> = inputs
                    .iter()
                    .map(|i| get(&values, *i))
                    .collect::<Result<_, _>>()?;
                let refs: Vec<&Tensor> = args.iter().collect();
                let specs: Vec<TensorSpec> = outputs.iter().map(|(_, s)| s.clone()).collect();
                let results = unsafe { kernels[*kernel].launch(&refs, &specs) }?;
                for ((id, _), t) in outputs.iter().zip(results) {
                    values[*id] = Some(t);
                }
            }
            Step::Matmul {
                lhs,
                rhs,
                transpose,
                output,
            } => {
                let (a, b) = (get(&values, *lhs)?, get(&values, *rhs)?);
                values[output.0] = Some(crate::blas::matmul_transposed(
                    &a, &b, *transpose, &output.1,
                )?);
            }
            Step::External {
                inputs, outputs, ..
            } => {
                let args: Vec<Tensor> = inputs
                    .iter()
                    .map(|i| get(&values, *i))
                    .collect::<Result<_, _>>()?;
                let results = external(step, args)?;
                if results.len() != outputs.len() {
                    return Err(format!(
                        "external call returned {} results, expected {}",
                        results.len(),
                        outputs.len()
                    ));
                }
                for ((id, spec), t) in outputs.iter().zip(results) {
                    if &t.spec != spec {
                        return Err(format!(
                            "external call returned {:?}, expected {:?}",
                            t.spec, spec
                        ));
                    }
                    values[*id] = Some(t);
                }
            }
            Step::Release(ids) => {
                for id in ids {
                    values[*id] = None;
                }
            }
        }
        if let Some(started) = started {
            let what = match step {
                Step::Launch { kernel, .. } => format!("launch kernel {kernel}"),
                Step::Matmul { .. } => "blas matmul".into(),
                Step::External {
                    executor, target, ..
                } => format!("{executor} {target}"),
                Step::Release(_) => continue,
            };
            eprintln!(
                "thunder: {what}: {:.3} ms",
                started.elapsed().as_secs_f64() * 1e3
            );
        }
    }
    plan.outputs.iter().map(|id| get(&values, *id)).collect()
}
