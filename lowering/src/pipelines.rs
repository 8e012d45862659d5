//! Named pipelines: what `thunder-opt --pass-pipeline='builtin.module(NAME)'`
//! and `thunder.jit` run.

/// torch or prims level → linalg on tensors, fused.
pub const TORCH_TO_LINALG: &str = "thunder-decompose-torch,convert-thunder-prims-to-linalg,\
canonicalize,linalg-fuse-elementwise-ops,canonicalize,cse";

/// linalg on tensors → LLVM dialect for the host CPU. Row tiles that
/// `thunder-tile-rows` made (`scf.forall`) run on OpenMP threads.
pub const LINALG_TO_LLVM_CPU: &str = "one-shot-bufferize{bufferize-function-boundaries \
function-boundary-type-conversion=identity-layout-map},scf-forall-to-parallel,\
buffer-deallocation-pipeline,convert-bufferization-to-memref,\
thunder-memref-copy-to-linalg,convert-linalg-to-loops,thunder-scf-prefetch-next-tile,convert-scf-to-openmp,thunder-memref-tile-buffers-to-stack,canonicalize,thunder-math-exp-to-ldexp,thunder-math-erf-to-rational,thunder-math-approximation,\
convert-scf-to-cf,expand-strided-metadata,lower-affine,\
convert-math-to-funcs,thunder-precise-math-to-libm,convert-math-to-llvm{approximate-log1p=false},convert-math-to-libm,arith-expand{include-bf16=true},\
thunder-emit-c-interface,finalize-memref-to-llvm{use-aligned-alloc=1},convert-openmp-to-llvm,convert-to-llvm,\
reconcile-unrealized-casts,thunder-llvm-vector-width";

pub struct NamedPipeline {
    pub name: &'static str,
    pub description: &'static str,
    pub text: fn() -> String,
}

pub const NAMED: [NamedPipeline; 3] = [
    NamedPipeline {
        name: "thunder-torch-to-linalg-pipeline",
        description: "torch or prims level to fused linalg on tensors",
        text: || TORCH_TO_LINALG.to_string(),
    },
    NamedPipeline {
        name: "thunder-linalg-to-llvm-cpu-pipeline",
        description: "linalg on tensors to the LLVM dialect for the host CPU",
        text: || LINALG_TO_LLVM_CPU.to_string(),
    },
    NamedPipeline {
        name: "thunder-cpu-pipeline",
        description: "torch or prims level to the LLVM dialect for the host CPU",
        text: || format!("{TORCH_TO_LINALG},{LINALG_TO_LLVM_CPU}"),
    },
];

/// torch level → prims, cleaned up.
pub const TORCH_TO_PRIMS: &str = "thunder-decompose-torch,canonicalize,cse";

/// prims → exec: executors claim ops, fusion regions become kernels
/// launched by the plan, dead buffers are released.
pub const PRIMS_TO_EXEC: &str =
    "thunder-fuse,thunder-exec-outline-fusions,canonicalize,thunder-exec-insert-releases";

/// Exec level → the kernels (prims-level functions) as fused linalg on tensors.
pub const KERNELS_TO_LINALG: &str = "thunder-exec-extract-kernels,convert-thunder-prims-to-linalg,\
canonicalize,linalg-fuse-elementwise-ops,canonicalize,cse,thunder-tile-rows,canonicalize,cse";
