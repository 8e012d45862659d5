//! The exec-level path: torch level → plan + kernels → runtime, on real data.

use thunder_lowering::compiler::compile_program;
use thunder_runtime::{DType, Tensor, TensorSpec};

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
