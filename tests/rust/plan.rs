//! The exec-level path: torch level → plan + kernels → runtime, on real data,
//! against references computed here in f64 (not by the code under test).

use std::sync::Arc;
use thunder_lowering::compiler::{CompiledProgram, compile_program};
use thunder_runtime::plan::ExternalCall;
use thunder_runtime::{DType, Kernel, Plan, Step, Storage, Tensor, TensorSpec};
use thunder_tests::{assert_close, pseudo_random};

const DEFAULT: [&str; 3] = ["blas", "thunder_cpu", "torch"];

fn spec(dtype: DType, shape: &[i64]) -> TensorSpec {
    TensorSpec {
        dtype,
        shape: shape.to_vec(),
    }
}

/// A runtime-owned tensor holding `values` converted to `dtype`.
fn tensor(dtype: DType, shape: &[i64], values: &[f64]) -> Tensor {
    let t = Tensor::new_zeroed(spec(dtype, shape));
    assert_eq!(t.spec.numel(), values.len(), "values match the shape");
    let bytes: Vec<u8> = match dtype {
        DType::F32 => values
            .iter()
            .flat_map(|v| (*v as f32).to_ne_bytes())
            .collect(),
        DType::F64 => values.iter().flat_map(|v| v.to_ne_bytes()).collect(),
        DType::I64 => values
            .iter()
            .flat_map(|v| (*v as i64).to_ne_bytes())
            .collect(),
        other => panic!("test helper does not write {other:?}"),
    };
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), t.data, bytes.len()) };
    t
}

fn values(t: &Tensor) -> Vec<f64> {
    let n = t.spec.dtype.size();
    t.bytes()
        .chunks_exact(n)
        .map(|c| match t.spec.dtype {
            DType::F32 => f32::from_ne_bytes(c.try_into().unwrap()) as f64,
            DType::F64 => f64::from_ne_bytes(c.try_into().unwrap()),
            DType::I64 => i64::from_ne_bytes(c.try_into().unwrap()) as f64,
            DType::Bool => f64::from(c[0]),
            other => panic!("test helper does not read {other:?}"),
        })
        .collect()
}

/// Rounds through f32 so references see the inputs the kernels saw.
fn as_f32(v: &[f64]) -> Vec<f64> {
    v.iter().map(|x| *x as f32 as f64).collect()
}

fn compile(src: &str, executors: &[&str]) -> CompiledProgram {
    compile_program(src, "main", executors).unwrap_or_else(|e| panic!("{e}"))
}

fn no_external(step: &Step, _: Vec<Tensor>) -> Result<Vec<Tensor>, String> {
    panic!("unexpected external call {step:?}")
}

fn run_with(
    program: &CompiledProgram,
    inputs: Vec<Tensor>,
    external: &mut ExternalCall,
) -> Result<Vec<Tensor>, String> {
    unsafe { thunder_runtime::run(&program.plan, &program.kernels, inputs, external) }
}

fn run(program: &CompiledProgram, inputs: Vec<Tensor>) -> Vec<Tensor> {
    run_with(program, inputs, &mut no_external).unwrap_or_else(|e| panic!("{e}"))
}

#[derive(Debug, Default, PartialEq)]
struct StepCounts {
    launches: usize,
    matmuls: usize,
    externals: usize,
    releases: usize,
}

fn counts(plan: &Plan) -> StepCounts {
    let mut c = StepCounts::default();
    for s in &plan.steps {
        match s {
            Step::Launch { .. } => c.launches += 1,
            Step::Matmul { .. } => c.matmuls += 1,
            Step::External { .. } => c.externals += 1,
            Step::Release(_) => c.releases += 1,
        }
    }
    c
}

/// Values each step reads and defines.
fn reads_defines(step: &Step) -> (Vec<usize>, Vec<usize>) {
    match step {
        Step::Launch {
            inputs, outputs, ..
        }
        | Step::External {
            inputs, outputs, ..
        } => (inputs.clone(), outputs.iter().map(|(id, _)| *id).collect()),
        Step::Matmul {
            lhs, rhs, output, ..
        } => (vec![*lhs, *rhs], vec![output.0]),
        Step::Release(ids) => (ids.clone(), vec![]),
    }
}

/// Structural rules of a plan with releases: every intermediate is released
/// exactly once, after its last read; inputs and outputs never are.
fn check_releases(plan: &Plan) {
    let inputs: Vec<usize> = plan.inputs.iter().map(|(id, _)| *id).collect();
    let mut defined = vec![];
    let mut released: Vec<usize> = vec![];
    for (i, step) in plan.steps.iter().enumerate() {
        let (reads, defines) = reads_defines(step);
        if let Step::Release(ids) = step {
            for id in ids {
                assert!(!inputs.contains(id), "input {id} released: {plan:?}");
                assert!(!plan.outputs.contains(id), "output {id} released: {plan:?}");
                assert!(!released.contains(id), "{id} released twice: {plan:?}");
                let later = plan.steps[i + 1..]
                    .iter()
                    .any(|s| reads_defines(s).0.contains(id));
                assert!(!later, "{id} read after its release: {plan:?}");
                released.push(*id);
            }
        } else {
            for id in reads {
                assert!(!released.contains(&id), "{id} read after release: {plan:?}");
            }
            defined.extend(defines);
        }
    }
    for id in defined {
        if !plan.outputs.contains(&id) {
            assert!(
                released.contains(&id),
                "intermediate {id} never released: {plan:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// f64 references.

fn softmax_rows(x: &[f64], cols: usize) -> Vec<f64> {
    x.chunks(cols)
        .flat_map(|row| {
            let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = row.iter().map(|v| (v - m).exp()).collect();
            let s: f64 = e.iter().sum();
            e.into_iter().map(move |v| v / s)
        })
        .collect()
}

/// `[batch, m, k] x [batch, k, n]`.
fn matmul(a: &[f64], b: &[f64], batch: usize, m: usize, k: usize, n: usize) -> Vec<f64> {
    let mut c = vec![0.0; batch * m * n];
    for bi in 0..batch {
        for i in 0..m {
            for j in 0..n {
                c[bi * m * n + i * n + j] = (0..k)
                    .map(|p| a[bi * m * k + i * k + p] * b[bi * k * n + p * n + j])
                    .sum();
            }
        }
    }
    c
}

// ---------------------------------------------------------------------------
// softmax → matmul → bias, tanh, scale: the reference program of the exec level.

const SOFTMAX_MATMUL: &str = r#"
func.func @main(%x: tensor<6x8xf32>, %w: tensor<8x5xf32>, %b: tensor<5xf32>) -> (tensor<6x5xf32>, tensor<6x8xf32>) {
  %c = arith.constant 0.5 : f64
  %0 = thunder_torch.softmax %x {dim = -1 : i64} : tensor<6x8xf32> -> tensor<6x8xf32>
  %1 = thunder_torch.matmul %0, %w : tensor<6x8xf32>, tensor<8x5xf32> -> tensor<6x5xf32>
  %2 = thunder_torch.add %1, %b : tensor<6x5xf32>, tensor<5xf32> -> tensor<6x5xf32>
  %3 = thunder_torch.tanh %2 : tensor<6x5xf32> -> tensor<6x5xf32>
  %4 = thunder_torch.mul %3, %c : tensor<6x5xf32>, f64 -> tensor<6x5xf32>
  return %4, %0 : tensor<6x5xf32>, tensor<6x8xf32>
}"#;

struct SoftmaxMatmulCase {
    x: Vec<f64>,
    w: Vec<f64>,
    b: Vec<f64>,
    want_out: Vec<f64>,
    want_softmax: Vec<f64>,
}

fn softmax_matmul_case() -> SoftmaxMatmulCase {
    let x = as_f32(&pseudo_random(6 * 8, 11, -4.0, 4.0));
    let w = as_f32(&pseudo_random(8 * 5, 12, -2.0, 2.0));
    let b = as_f32(&pseudo_random(5, 13, -1.0, 1.0));
    let s = softmax_rows(&x, 8);
    let mm = matmul(&s, &w, 1, 6, 8, 5);
    let want_out = mm
        .iter()
        .enumerate()
        .map(|(i, v)| 0.5 * (v + b[i % 5]).tanh())
        .collect();
    SoftmaxMatmulCase {
        x,
        w,
        b,
        want_out,
        want_softmax: s,
    }
}

fn run_softmax_matmul(program: &CompiledProgram, case: &SoftmaxMatmulCase) -> Vec<Vec<f64>> {
    let out = run(
        program,
        vec![
            tensor(DType::F32, &[6, 8], &case.x),
            tensor(DType::F32, &[8, 5], &case.w),
            tensor(DType::F32, &[5], &case.b),
        ],
    );
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].spec, spec(DType::F32, &[6, 5]));
    assert_eq!(out[1].spec, spec(DType::F32, &[6, 8]));
    out.iter().map(values).collect()
}

#[test]
fn softmax_blas_matmul_and_elementwise_chain() {
    let case = softmax_matmul_case();
    let program = compile(SOFTMAX_MATMUL, &DEFAULT);
    // softmax kernel, GEMM, bias/tanh/scale kernel; the GEMM's result dies
    // in the second kernel.
    assert_eq!(
        counts(&program.plan),
        StepCounts {
            launches: 2,
            matmuls: 1,
            externals: 0,
            releases: 1,
        },
        "{:?}",
        program.plan
    );
    assert!(matches!(program.plan.steps[1], Step::Matmul { .. }));
    assert_eq!(program.kernels.len(), 2);
    assert_eq!(program.kernel_names, ["main_fusion_0", "main_fusion_1"]);
    check_releases(&program.plan);
    let levels: Vec<&str> = program.traces.iter().map(|t| t.level.as_str()).collect();
    assert_eq!(levels, ["torch", "prims", "exec", "linalg", "llvm"]);
    let exec = &program.traces[2].text;
    assert!(
        exec.contains("thunder_exec.call \"blas\", \"matmul\""),
        "{exec}"
    );
    assert!(exec.contains("thunder_exec.release"), "{exec}");
    let got = run_softmax_matmul(&program, &case);
    assert_close(&got[0], &case.want_out, 1e-5, 1e-5);
    assert_close(&got[1], &case.want_softmax, 1e-6, 1e-5);
}

#[test]
fn generated_matmul_gives_the_blas_numbers() {
    let case = softmax_matmul_case();
    let blas = compile(SOFTMAX_MATMUL, &DEFAULT);
    let generated = compile(SOFTMAX_MATMUL, &["thunder_cpu", "torch"]);
    // One kernel does everything: nothing is left between launches to release.
    assert_eq!(
        counts(&generated.plan),
        StepCounts {
            launches: 1,
            ..Default::default()
        },
        "{:?}",
        generated.plan
    );
    let exec = &generated.traces[2].text;
    assert!(!exec.contains("\"blas\""), "{exec}");
    assert!(exec.contains("thunder_prims.matmul"), "{exec}");
    let g = run_softmax_matmul(&generated, &case);
    let b = run_softmax_matmul(&blas, &case);
    assert_close(&g[0], &case.want_out, 1e-5, 1e-5);
    assert_close(&g[1], &case.want_softmax, 1e-6, 1e-5);
    assert_close(&g[0], &b[0], 1e-6, 1e-5);
    assert_close(&g[1], &b[1], 0.0, 0.0);
}

#[test]
fn f64_batched_matmul_with_broadcast_batch() {
    // [2, 1, 3, 4] x [5, 4, 6] broadcasts to [2, 5, 3, 4] x [2, 5, 4, 6].
    let a = pseudo_random(2 * 3 * 4, 21, -1.0, 1.0);
    let b = pseudo_random(5 * 4 * 6, 22, -1.0, 1.0);
    let src = r#"
func.func @main(%a: tensor<2x1x3x4xf64>, %b: tensor<5x4x6xf64>) -> (tensor<2x5x3x6xf64>, tensor<2x5x3x6xf64>) {
  %0 = thunder_torch.matmul %a, %b : tensor<2x1x3x4xf64>, tensor<5x4x6xf64> -> tensor<2x5x3x6xf64>
  %1 = thunder_torch.relu %0 : tensor<2x5x3x6xf64> -> tensor<2x5x3x6xf64>
  return %0, %1 : tensor<2x5x3x6xf64>, tensor<2x5x3x6xf64>
}"#;
    let program = compile(src, &DEFAULT);
    let c = counts(&program.plan);
    assert_eq!(c.matmuls, 1, "{:?}", program.plan);
    check_releases(&program.plan);
    let out = run(
        &program,
        vec![
            tensor(DType::F64, &[2, 1, 3, 4], &a),
            tensor(DType::F64, &[5, 4, 6], &b),
        ],
    );
    assert_eq!(out[0].spec, spec(DType::F64, &[2, 5, 3, 6]));
    // Reference: broadcast by hand, then batch 10.
    let mut ab = vec![];
    let mut bb = vec![];
    for i in 0..2 {
        for j in 0..5 {
            ab.extend_from_slice(&a[i * 12..(i + 1) * 12]);
            bb.extend_from_slice(&b[j * 24..(j + 1) * 24]);
        }
    }
    let want = matmul(&ab, &bb, 10, 3, 4, 6);
    assert_close(&values(&out[0]), &want, 1e-13, 1e-13);
    let relu: Vec<f64> = want.iter().map(|v| v.max(0.0)).collect();
    assert_close(&values(&out[1]), &relu, 1e-13, 1e-13);
}

#[test]
fn f64_batched_matmul_then_elementwise() {
    let a = pseudo_random(3 * 4 * 5, 31, -2.0, 2.0);
    let b = pseudo_random(3 * 5 * 2, 32, -2.0, 2.0);
    let src = r#"
func.func @main(%a: tensor<3x4x5xf64>, %b: tensor<3x5x2xf64>) -> tensor<3x4x2xf64> {
  %e = thunder_torch.exp %a : tensor<3x4x5xf64> -> tensor<3x4x5xf64>
  %0 = thunder_torch.matmul %e, %b : tensor<3x4x5xf64>, tensor<3x5x2xf64> -> tensor<3x4x2xf64>
  %1 = thunder_torch.sigmoid %0 : tensor<3x4x2xf64> -> tensor<3x4x2xf64>
  return %1 : tensor<3x4x2xf64>
}"#;
    let want: Vec<f64> = {
        let e: Vec<f64> = a.iter().map(|v| v.exp()).collect();
        matmul(&e, &b, 3, 4, 5, 2)
            .into_iter()
            .map(|v| 1.0 / (1.0 + (-v).exp()))
            .collect()
    };
    for executors in [&DEFAULT[..], &["thunder_cpu", "torch"][..]] {
        let program = compile(src, executors);
        let c = counts(&program.plan);
        assert_eq!(
            c.matmuls,
            usize::from(executors[0] == "blas"),
            "{:?}",
            program.plan
        );
        check_releases(&program.plan);
        let out = run(
            &program,
            vec![
                tensor(DType::F64, &[3, 4, 5], &a),
                tensor(DType::F64, &[3, 5, 2], &b),
            ],
        );
        assert_close(&values(&out[0]), &want, 1e-13, 1e-12);
    }
}

#[test]
fn integer_matmul_is_generated_even_when_blas_comes_first() {
    let src = r#"
func.func @main(%a: tensor<2x3xi64>, %b: tensor<3x2xi64>) -> tensor<2x2xi64> {
  %0 = thunder_torch.matmul %a, %b : tensor<2x3xi64>, tensor<3x2xi64> -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}"#;
    let program = compile(src, &DEFAULT);
    assert_eq!(counts(&program.plan).matmuls, 0, "{:?}", program.plan);
    let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    let b = [7.0, 8.0, 9.0, 10.0, 11.0, 12.0];
    let out = run(
        &program,
        vec![
            tensor(DType::I64, &[2, 3], &a),
            tensor(DType::I64, &[3, 2], &b),
        ],
    );
    assert_eq!(values(&out[0]), matmul(&a, &b, 1, 2, 3, 2));
}

// ---------------------------------------------------------------------------
// External (torch) calls.

#[test]
fn external_calls_get_their_index_and_inputs() {
    let x = as_f32(&pseudo_random(6, 41, -1.0, 1.0));
    let src = r#"
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = thunder_torch.neg %x : tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = thunder_torch.opaque "test::double"(%0) {args = {index = 0 : i64}} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = thunder_torch.exp %1 : tensor<2x3xf32> -> tensor<2x3xf32>
  %3 = thunder_torch.opaque "test::add_one"(%2, %x) {args = {index = 1 : i64}} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %3 : tensor<2x3xf32>
}"#;
    let program = compile(src, &DEFAULT);
    assert_eq!(
        counts(&program.plan),
        StepCounts {
            launches: 2,
            matmuls: 0,
            externals: 2,
            releases: 3,
        },
        "{:?}",
        program.plan
    );
    check_releases(&program.plan);
    let exec = &program.traces[2].text;
    assert!(
        exec.contains(
            r#"thunder_exec.call "torch", "test::double"(%0) {args = {index = 0 : i64}}"#
        ),
        "{exec}"
    );
    let mut calls: Vec<(String, String, i64)> = vec![];
    let mut external = |step: &Step, args: Vec<Tensor>| -> Result<Vec<Tensor>, String> {
        let Step::External {
            executor,
            target,
            index,
            outputs,
            ..
        } = step
        else {
            panic!("not an external step: {step:?}")
        };
        calls.push((executor.clone(), target.clone(), *index));
        assert_eq!(outputs.len(), 1);
        match *index {
            0 => {
                assert_eq!(args.len(), 1);
                assert_eq!(args[0].spec, spec(DType::F32, &[2, 3]));
                let neg: Vec<f64> = x.iter().map(|v| -v).collect();
                assert_close(&values(&args[0]), &neg, 0.0, 0.0);
                let doubled: Vec<f64> = values(&args[0]).iter().map(|v| 2.0 * v).collect();
                Ok(vec![tensor(DType::F32, &[2, 3], &doubled)])
            }
            1 => {
                assert_eq!(args.len(), 2);
                // The program input itself, unchanged.
                assert_close(&values(&args[1]), &x, 0.0, 0.0);
                let sum: Vec<f64> = values(&args[0])
                    .iter()
                    .zip(values(&args[1]))
                    .map(|(a, b)| a + b + 1.0)
                    .collect();
                Ok(vec![tensor(DType::F32, &[2, 3], &sum)])
            }
            other => panic!("unexpected index {other}"),
        }
    };
    let out = run_with(
        &program,
        vec![tensor(DType::F32, &[2, 3], &x)],
        &mut external,
    )
    .unwrap();
    assert_eq!(
        calls,
        [
            ("torch".to_string(), "test::double".to_string(), 0),
            ("torch".to_string(), "test::add_one".to_string(), 1),
        ]
    );
    let want: Vec<f64> = x.iter().map(|v| (-2.0 * v).exp() + v + 1.0).collect();
    assert_close(&values(&out[0]), &want, 1e-6, 1e-6);
}

#[test]
fn external_call_without_index_gets_minus_one() {
    let src = r#"
func.func @main(%x: tensor<3xf64>) -> tensor<3xf64> {
  %0 = thunder_torch.opaque "test::flip"(%x) : (tensor<3xf64>) -> tensor<3xf64>
  return %0 : tensor<3xf64>
}"#;
    let program = compile(src, &DEFAULT);
    assert!(program.kernels.is_empty());
    assert!(program.engine.is_none());
    let mut seen = None;
    let out = run_with(
        &program,
        vec![tensor(DType::F64, &[3], &[1.0, 2.0, 3.0])],
        &mut |step: &Step, args: Vec<Tensor>| {
            if let Step::External { index, target, .. } = step {
                seen = Some((target.clone(), *index));
            }
            let mut v = values(&args[0]);
            v.reverse();
            Ok(vec![tensor(DType::F64, &[3], &v)])
        },
    )
    .unwrap();
    assert_eq!(seen, Some(("test::flip".to_string(), -1)));
    assert_eq!(values(&out[0]), [3.0, 2.0, 1.0]);
}

// ---------------------------------------------------------------------------
// Buffers: kernels whose results alias their inputs, releases.

#[test]
fn kernels_returning_views_or_inputs_run_many_times() {
    // fusion_1 is a lone reshape of fusion_0's result (a view of its input);
    // the plan also returns an input and the same intermediate twice.
    let x = as_f32(&pseudo_random(24, 51, -1.0, 1.0));
    let w = as_f32(&pseudo_random(18, 52, -1.0, 1.0));
    let src = r#"
func.func @main(%x: tensor<4x6xf32>, %w: tensor<6x3xf32>) -> (tensor<4x3xf32>, tensor<2x12xf32>, tensor<4x6xf32>, tensor<24xf32>, tensor<24xf32>) {
  %e = thunder_torch.exp %x : tensor<4x6xf32> -> tensor<4x6xf32>
  %m = thunder_torch.matmul %e, %w : tensor<4x6xf32>, tensor<6x3xf32> -> tensor<4x3xf32>
  %r = thunder_torch.reshape %e {shape = array<i64: 2, -1>} : tensor<4x6xf32> -> tensor<2x12xf32>
  %f = thunder_torch.reshape %x {shape = array<i64: -1>} : tensor<4x6xf32> -> tensor<24xf32>
  return %m, %r, %x, %f, %f : tensor<4x3xf32>, tensor<2x12xf32>, tensor<4x6xf32>, tensor<24xf32>, tensor<24xf32>
}"#;
    let program = compile(src, &DEFAULT);
    check_releases(&program.plan);
    let e: Vec<f64> = x.iter().map(|v| v.exp()).collect();
    let want_m = matmul(&as_f32(&e), &w, 1, 4, 6, 3);
    for _ in 0..200 {
        let input = tensor(DType::F32, &[4, 6], &x);
        let out = run(
            &program,
            vec![input.clone(), tensor(DType::F32, &[6, 3], &w)],
        );
        assert_eq!(out.len(), 5);
        assert_close(&values(&out[0]), &want_m, 1e-5, 1e-5);
        assert_close(&values(&out[1]), &e, 1e-6, 1e-6);
        assert_eq!(values(&out[2]), x);
        // The returned input is the caller's tensor, not a copy.
        assert!(Arc::ptr_eq(&out[2].storage, &input.storage));
        assert_eq!(values(&out[3]), x);
        assert_eq!(values(&out[4]), x);
        drop(input);
        // Outputs outlive the inputs and each other.
        let (first, rest) = out.split_at(1);
        drop(rest.to_vec());
        assert_close(&values(&first[0]), &want_m, 1e-5, 1e-5);
    }
}

#[test]
fn identity_program_has_no_steps() {
    let src = r#"
func.func @main(%x: tensor<5xi64>) -> (tensor<5xi64>, tensor<5xi64>) {
  return %x, %x : tensor<5xi64>, tensor<5xi64>
}"#;
    let program = compile(src, &DEFAULT);
    assert!(program.plan.steps.is_empty(), "{:?}", program.plan);
    assert!(program.kernels.is_empty());
    let v = [1.0, -2.0, 3.0, 4.0, 5.0];
    for _ in 0..50 {
        let out = run(&program, vec![tensor(DType::I64, &[5], &v)]);
        assert_eq!(values(&out[0]), v);
        assert_eq!(values(&out[1]), v);
    }
}

/// A hand-written kernel in MLIR's packed C-interface convention that returns
/// its only input's descriptor unchanged, as generated code that forwards a
/// buffer would.
unsafe extern "C" fn forward_input(args: *mut *mut ()) {
    unsafe {
        let result = *(*args as *mut *mut i64);
        let input = *(*args.add(1) as *mut *mut i64);
        // rank 1: allocated, aligned, offset, size, stride
        std::ptr::copy_nonoverlapping(input, result, 5);
    }
}

#[test]
fn forwarded_input_shares_its_owner_even_at_an_offset() {
    // A tensor whose data starts 64 bytes into its storage (as a kernel result
    // whose aligned pointer differs from the malloc'ed one does).
    let storage = Arc::new(Storage::zeroed(64 + 16));
    let data = unsafe { storage.base().add(64) };
    for i in 0..4 {
        unsafe { *(data as *mut f32).add(i) = i as f32 + 0.5 };
    }
    let t = Tensor {
        spec: spec(DType::F32, &[4]),
        data,
        storage: storage.clone(),
    };
    let plan = Plan {
        inputs: vec![(0, spec(DType::F32, &[4]))],
        steps: vec![
            Step::Launch {
                kernel: 0,
                inputs: vec![0],
                outputs: vec![(1, spec(DType::F32, &[4]))],
            },
            Step::Launch {
                kernel: 0,
                inputs: vec![1],
                outputs: vec![(2, spec(DType::F32, &[4]))],
            },
            Step::Release(vec![1]),
        ],
        outputs: vec![2],
        num_values: 3,
    };
    let kernels = [Kernel {
        name_index: 0,
        packed: forward_input,
    }];
    for _ in 0..20 {
        let out =
            unsafe { thunder_runtime::run(&plan, &kernels, vec![t.clone()], &mut no_external) }
                .unwrap();
        assert!(
            Arc::ptr_eq(&out[0].storage, &storage),
            "the forwarded buffer must keep its owner"
        );
        assert_eq!(values(&out[0]), [0.5, 1.5, 2.5, 3.5]);
    }
}

// ---------------------------------------------------------------------------
// Errors: reported, never a crash.

#[test]
fn wrong_inputs_are_errors() {
    let program = compile(SOFTMAX_MATMUL, &DEFAULT);
    let case = softmax_matmul_case();
    let e = run_with(
        &program,
        vec![tensor(DType::F32, &[6, 8], &case.x)],
        &mut no_external,
    )
    .unwrap_err();
    assert!(e.contains("takes 3 inputs, got 1"), "{e}");
    let e = run_with(&program, vec![], &mut no_external).unwrap_err();
    assert!(e.contains("takes 3 inputs, got 0"), "{e}");
    // Right count, wrong shape / dtype.
    let e = run_with(
        &program,
        vec![
            tensor(DType::F32, &[6, 8], &case.x),
            tensor(DType::F32, &[5, 8], &case.w),
            tensor(DType::F32, &[5], &case.b),
        ],
        &mut no_external,
    )
    .unwrap_err();
    assert!(e.contains("the plan expects"), "{e}");
    let e = run_with(
        &program,
        vec![
            tensor(DType::F64, &[6, 8], &case.x),
            tensor(DType::F32, &[8, 5], &case.w),
            tensor(DType::F32, &[5], &case.b),
        ],
        &mut no_external,
    )
    .unwrap_err();
    assert!(e.contains("the plan expects"), "{e}");
}

#[test]
fn bad_external_results_are_errors() {
    let src = r#"
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.exp %x : tensor<4xf32> -> tensor<4xf32>
  %1 = thunder_torch.opaque "test::double"(%0) {args = {index = 0 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
  %2 = thunder_torch.neg %1 : tensor<4xf32> -> tensor<4xf32>
  return %2 : tensor<4xf32>
}"#;
    let program = compile(src, &DEFAULT);
    let x = [0.0, 1.0, 2.0, 3.0];
    let input = || vec![tensor(DType::F32, &[4], &x)];
    // Wrong shape.
    let e = run_with(&program, input(), &mut |_: &Step, _| {
        Ok(vec![tensor(DType::F32, &[2, 2], &x)])
    })
    .unwrap_err();
    assert!(e.contains("external call returned"), "{e}");
    // Wrong dtype.
    let e = run_with(&program, input(), &mut |_: &Step, _| {
        Ok(vec![tensor(DType::F64, &[4], &x)])
    })
    .unwrap_err();
    assert!(e.contains("external call returned"), "{e}");
    // Wrong count.
    let e = run_with(&program, input(), &mut |_: &Step, _| Ok(vec![])).unwrap_err();
    assert!(e.contains("returned 0 results, expected 1"), "{e}");
    // The callee's own error.
    let e = run_with(&program, input(), &mut |_: &Step, _| {
        Err("test::double failed".to_string())
    })
    .unwrap_err();
    assert!(e.contains("test::double failed"), "{e}");
    // And the program still runs afterwards.
    let out = run_with(&program, input(), &mut |_: &Step, args: Vec<Tensor>| {
        let v: Vec<f64> = values(&args[0]).iter().map(|v| 2.0 * v).collect();
        Ok(vec![tensor(DType::F32, &[4], &v)])
    })
    .unwrap();
    let want: Vec<f64> = x.iter().map(|v| -2.0 * f64::exp(*v)).collect();
    assert_close(&values(&out[0]), &want, 1e-5, 1e-6);
}

#[test]
fn compile_errors_are_reported() {
    // No executor can run the prims.
    let e = compile_program(SOFTMAX_MATMUL, "main", &["blas", "torch"])
        .err()
        .expect("no thunder_cpu: the prims have no executor");
    let text = e.to_string();
    assert!(text.contains("thunder-fuse"), "{text}");
    assert!(text.contains("no executor in"), "{text}");
    // Unknown entry.
    let e = compile_program(SOFTMAX_MATMUL, "nope", &DEFAULT)
        .err()
        .expect("no such function");
    assert!(e.to_string().contains("no function 'nope'"), "{e}");
    // Not parseable.
    assert!(compile_program("func.func @main(", "main", &DEFAULT).is_err());
}

#[test]
fn hello_world_runs_as_a_plan() {
    let src = r#"
func.func @main(%a: tensor<2x2xi64>, %b: tensor<2x2xi64>) -> tensor<2x2xi64> {
  %0 = thunder_torch.add %a, %b : tensor<2x2xi64>, tensor<2x2xi64> -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}"#;
    let program = compile_program(src, "main", &["blas", "thunder_cpu", "torch"])
        .unwrap_or_else(|e| panic!("{e}"));
    let spec = TensorSpec {
        dtype: DType::I64,
        shape: vec![2, 2],
    };
    let mut a = vec![1i64; 4];
    let mut b = vec![3i64; 4];
    let inputs = unsafe {
        vec![
            Tensor::borrowed(a.as_mut_ptr() as *mut u8, spec.clone()),
            Tensor::borrowed(b.as_mut_ptr() as *mut u8, spec.clone()),
        ]
    };
    let out = unsafe {
        thunder_runtime::run(&program.plan, &program.kernels, inputs, &mut |_, _| {
            Err("no external".into())
        })
    }
    .unwrap();
    let values: Vec<i64> = out[0]
        .bytes()
        .chunks_exact(8)
        .map(|c| i64::from_ne_bytes(c.try_into().unwrap()))
        .collect();
    assert_eq!(values, vec![4; 4]);
}

#[test]
fn entry_edge_cases() {
    // A declaration has nothing to run: an error, not a crash.
    let decl = "func.func private @main(tensor<4xf32>) -> tensor<4xf32>";
    let e = compile_program(decl, "main", &DEFAULT)
        .err()
        .expect("a declaration is not a plan");
    assert!(e.to_string().contains("declaration"), "{e}");
    // Plans exchange tensors only.
    let scalar = r#"
func.func @main(%x: tensor<4xf32>, %s: f64) -> tensor<4xf32> {
  %0 = thunder_torch.mul %x, %s : tensor<4xf32>, f64 -> tensor<4xf32>
  return %0 : tensor<4xf32>
}"#;
    let e = compile_program(scalar, "main", &DEFAULT)
        .err()
        .expect("a scalar input is not a tensor");
    assert!(e.to_string().contains("f64 is not a tensor"), "{e}");
    // A symbol name that prints quoted: kernels are found by name, not by
    // their printed form.
    let quoted = r#"
func.func @"main.x"(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_torch.exp %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}"#;
    let program = compile_program(quoted, "main.x", &DEFAULT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(program.kernel_names, ["main.x_fusion_0"]);
    let out = run(
        &program,
        vec![tensor(DType::F32, &[4], &[0.0, 1.0, -1.0, 2.0])],
    );
    let want: Vec<f64> = [0.0f64, 1.0, -1.0, 2.0].iter().map(|v| v.exp()).collect();
    assert_close(&values(&out[0]), &want, 1e-6, 1e-6);
}

#[test]
fn zero_dim_and_bool_values_cross_kernels() {
    // A 0-d sum and a bool mask travel between kernels and the GEMM.
    let x = as_f32(&pseudo_random(3 * 4, 61, -1.0, 1.0));
    let w = as_f32(&pseudo_random(4 * 2, 62, -1.0, 1.0));
    let src = r#"
func.func @main(%x: tensor<3x4xf32>, %w: tensor<4x2xf32>) -> (tensor<3x2xf32>, tensor<3x2xi1>, tensor<f32>) {
  %z = arith.constant 0.0 : f64
  %s = thunder_torch.sum %x : tensor<3x4xf32> -> tensor<f32>
  %m = thunder_torch.matmul %x, %w : tensor<3x4xf32>, tensor<4x2xf32> -> tensor<3x2xf32>
  %r = thunder_torch.mul %m, %s : tensor<3x2xf32>, tensor<f32> -> tensor<3x2xf32>
  %g = thunder_torch.gt %r, %z : tensor<3x2xf32>, f64 -> tensor<3x2xi1>
  return %r, %g, %s : tensor<3x2xf32>, tensor<3x2xi1>, tensor<f32>
}"#;
    let program = compile(src, &DEFAULT);
    assert_eq!(counts(&program.plan).matmuls, 1, "{:?}", program.plan);
    check_releases(&program.plan);
    let sum: f64 = x.iter().sum();
    let want_r: Vec<f64> = matmul(&x, &w, 1, 3, 4, 2).iter().map(|v| v * sum).collect();
    let want_g: Vec<f64> = want_r.iter().map(|v| f64::from(*v > 0.0)).collect();
    for _ in 0..20 {
        let out = run(
            &program,
            vec![
                tensor(DType::F32, &[3, 4], &x),
                tensor(DType::F32, &[4, 2], &w),
            ],
        );
        assert_eq!(out[2].spec, spec(DType::F32, &[]));
        assert_close(&values(&out[2]), &[sum], 1e-6, 1e-6);
        assert_close(&values(&out[0]), &want_r, 1e-5, 1e-5);
        assert_eq!(out[1].spec, spec(DType::Bool, &[3, 2]));
        assert_eq!(values(&out[1]), want_g);
    }
}

#[test]
fn malformed_plans_are_errors() {
    let s4 = spec(DType::F32, &[4]);
    let x = || vec![tensor(DType::F32, &[4], &[1.0, 2.0, 3.0, 4.0])];
    let plan = |steps: Vec<Step>, outputs: Vec<usize>, num_values: usize| Plan {
        inputs: vec![(0, s4.clone())],
        steps,
        outputs,
        num_values,
    };
    let run_plan = |p: &Plan, kernels: &[Kernel]| unsafe {
        thunder_runtime::run(p, kernels, x(), &mut no_external)
    };
    // A value id out of range.
    let e = run_plan(&plan(vec![], vec![7], 1), &[]).unwrap_err();
    assert!(e.contains("out of range"), "{e}");
    // A launch of a kernel that is not there.
    let launch = Step::Launch {
        kernel: 2,
        inputs: vec![0],
        outputs: vec![(1, s4.clone())],
    };
    let e = run_plan(&plan(vec![launch], vec![1], 2), &[]).unwrap_err();
    assert!(e.contains("kernel 2"), "{e}");
    // Reading a released value.
    let forward = Kernel {
        name_index: 0,
        packed: forward_input,
    };
    let steps = vec![
        Step::Launch {
            kernel: 0,
            inputs: vec![0],
            outputs: vec![(1, s4.clone())],
        },
        Step::Release(vec![1]),
        Step::Launch {
            kernel: 0,
            inputs: vec![1],
            outputs: vec![(2, s4.clone())],
        },
    ];
    let e = run_plan(&plan(steps, vec![2], 3), &[forward]).unwrap_err();
    assert!(e.contains("used after release"), "{e}");
    // A GEMM whose declared result does not match its operands.
    let steps = vec![Step::Matmul {
        lhs: 0,
        rhs: 0,
        transpose: [false, false],
        output: (1, spec(DType::F32, &[1])),
    }];
    let e = run_plan(&plan(steps, vec![1], 2), &[]).unwrap_err();
    assert!(e.contains("blas matmul"), "{e}");
}

#[test]
fn blas_checks_the_result_it_is_asked_for() {
    let a = tensor(DType::F32, &[2, 3], &[1.0; 6]);
    let b = tensor(DType::F32, &[3, 4], &[1.0; 12]);
    let c = thunder_runtime::blas::matmul(&a, &b, &spec(DType::F32, &[2, 4])).unwrap();
    assert_eq!(values(&c), [3.0; 8]);
    // Too small a result, another dtype, mixed operand dtypes: refused
    // instead of writing or reading out of bounds.
    for (b, out) in [
        (b.clone(), spec(DType::F32, &[2, 3])),
        (b.clone(), spec(DType::F64, &[2, 4])),
        (
            tensor(DType::F64, &[3, 4], &[1.0; 12]),
            spec(DType::F32, &[2, 4]),
        ),
    ] {
        let e = thunder_runtime::blas::matmul(&a, &b, &out).err().unwrap();
        assert!(e.contains("cannot give"), "{e}");
    }
}

#[test]
fn blas_reads_transposed_operands() {
    // op(A) op(B) against a naive f64 product, for every transpose pair, on
    // one thread (small) and on the OpenMP pool (over 2^20 multiply-adds,
    // with batch entries split across threads).
    for (batch, m, k, n) in [(1, 3, 4, 5), (3, 70, 65, 80), (1, 257, 129, 63)] {
        for transpose in [[false, false], [true, false], [false, true], [true, true]] {
            let a_shape = if transpose[0] {
                [batch, k, m]
            } else {
                [batch, m, k]
            };
            let b_shape = if transpose[1] {
                [batch, n, k]
            } else {
                [batch, k, n]
            };
            let a_vals: Vec<f64> = (0..batch * m * k)
                .map(|i| ((i * 7) % 13) as f64 - 6.0)
                .collect();
            let b_vals: Vec<f64> = (0..batch * k * n)
                .map(|i| ((i * 5) % 11) as f64 - 5.0)
                .collect();
            let shape = |s: [usize; 3]| s.map(|d| d as i64);
            let a = tensor(DType::F32, &shape(a_shape), &a_vals);
            let b = tensor(DType::F32, &shape(b_shape), &b_vals);
            let out = spec(DType::F32, &[batch as i64, m as i64, n as i64]);
            let c = thunder_runtime::blas::matmul_transposed(&a, &b, transpose, &out).unwrap();
            let at = |bi: usize, i: usize, p: usize| {
                a_vals[bi * m * k + if transpose[0] { p * m + i } else { i * k + p }]
            };
            let bt = |bi: usize, p: usize, j: usize| {
                b_vals[bi * k * n + if transpose[1] { j * k + p } else { p * n + j }]
            };
            let want: Vec<f64> = (0..batch * m * n)
                .map(|idx| {
                    let (bi, i, j) = (idx / (m * n), idx / n % m, idx % n);
                    (0..k).map(|p| at(bi, i, p) * bt(bi, p, j)).sum()
                })
                .collect();
            assert_eq!(values(&c), want, "{batch}x{m}x{k}x{n} {transpose:?}");
        }
    }
}
