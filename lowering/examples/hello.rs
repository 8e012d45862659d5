//! The main job: `examples/hello.mlir` (torch level) lowered level by level,
//! each level printed with the pipeline that produced it, then JIT-run on the
//! CPU on `full((2, 2), 1)` and `full((2, 2), 3)`.

use thunder_lowering::jit::{self, DType, Engine, HostTensor};
use thunder_lowering::pipelines;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hello.mlir");
    let source = std::fs::read_to_string(path)?;
    let context = thunder_dialects::create_context();
    let stages = [
        ("prims", "thunder-decompose-torch"),
        (
            "linalg",
            "convert-thunder-prims-to-linalg,canonicalize,linalg-fuse-elementwise-ops,canonicalize,cse",
        ),
        ("llvm", pipelines::LINALG_TO_LLVM_CPU.name),
    ];
    println!("=== torch level ({path})\n{source}");
    let mut text = source;
    let mut module = None;
    for (level, pipeline) in stages {
        let m = jit::compile(&context, &text, pipeline)?;
        text = m.as_operation().to_string();
        println!(
            "=== {level} level: thunder-opt --pass-pipeline='builtin.module({pipeline})'\n{text}"
        );
        module = Some(m);
    }
    let engine = Engine::new(module.as_ref().unwrap(), 2)?;
    let a = HostTensor::from_i64(&[2, 2], &[1; 4]);
    let b = HostTensor::from_i64(&[2, 2], &[3; 4]);
    let out = engine.call("foo", &[&a, &b], &[(DType::I64, vec![2, 2])])?;
    let v = out[0].to_f64();
    println!("=== result of foo(full((2, 2), 1), full((2, 2), 3)) on the CPU");
    println!(
        "tensor([[{}, {}],\n        [{}, {}]])",
        v[0], v[1], v[2], v[3]
    );
    Ok(())
}
