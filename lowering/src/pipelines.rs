//! Named pipelines: what `thunder-opt --pass-pipeline='builtin.module(NAME)'`
//! runs, and the very stages `thunder.jit` runs (its traces name them), so
//! what lit tests is what users run.

pub struct NamedPipeline {
    pub name: &'static str,
    pub description: &'static str,
    pub text: &'static str,
}

/// torch level → prims, cleaned up.
pub const TORCH_TO_PRIMS: NamedPipeline = NamedPipeline {
    name: "thunder-torch-to-prims-pipeline",
    description: "torch level to prims: decomposition, canonicalization and CSE",
    text: "thunder-decompose-torch,canonicalize,cse",
};

/// Reverse mode on prims (`vjp`, `grad` transforms, and training's joint
/// program), cleaned up.
pub const VJP: NamedPipeline = NamedPipeline {
    name: "thunder-prims-vjp-pipeline",
    description: "reverse-mode differentiation of prims functions (vjp and grad transforms)",
    text: "thunder-prims-grad,canonicalize,cse",
};

/// Forward mode on prims (`jvp` transforms), cleaned up.
pub const JVP: NamedPipeline = NamedPipeline {
    name: "thunder-prims-jvp-pipeline",
    description: "forward-mode differentiation of prims functions (jvp transforms)",
    text: "thunder-prims-jvp,canonicalize,cse",
};

/// Batching on prims (`vmap` transforms), cleaned up.
pub const VMAP: NamedPipeline = NamedPipeline {
    name: "thunder-prims-vmap-pipeline",
    description: "batching of prims functions (vmap transforms)",
    text: "thunder-prims-vmap,canonicalize,cse",
};

/// Joint forward+backward → a forward and a backward module, with as little
/// saved between them as the min-cut finds.
pub const SPLIT: NamedPipeline = NamedPipeline {
    name: "thunder-prims-split-pipeline",
    description: "joint programs to forward and backward modules, recomputing cheap values",
    text: "thunder-prims-remat,thunder-prims-split-forward-backward,canonicalize,cse",
};

/// prims → exec: executors claim ops, fusion regions become kernels
/// launched by the plan, dead buffers are released.
pub const PRIMS_TO_EXEC: NamedPipeline = NamedPipeline {
    name: "thunder-prims-to-exec-pipeline",
    description: "prims to the exec-level plan: fusion, kernels outlined, buffers released",
    text: "thunder-fuse,thunder-exec-outline-fusions,canonicalize,thunder-exec-insert-releases",
};

/// Exec level → the kernels (prims-level functions) as fused linalg on tensors.
pub const KERNELS_TO_LINALG: NamedPipeline = NamedPipeline {
    name: "thunder-exec-kernels-to-linalg-pipeline",
    description: "the plan's kernels to fused linalg on tensors, row-tiled",
    text: "thunder-exec-extract-kernels,convert-thunder-prims-to-linalg,\
canonicalize,linalg-fuse-elementwise-ops,canonicalize,cse,thunder-tile-rows,canonicalize,cse",
};

/// torch or prims level → linalg on tensors, fused (no plan: one function
/// per program).
pub const TORCH_TO_LINALG: NamedPipeline = NamedPipeline {
    name: "thunder-torch-to-linalg-pipeline",
    description: "torch or prims level to fused linalg on tensors",
    text: "thunder-decompose-torch,convert-thunder-prims-to-linalg,\
canonicalize,linalg-fuse-elementwise-ops,canonicalize,cse",
};

/// linalg on tensors → LLVM dialect for the host CPU. Row tiles that
/// `thunder-tile-rows` made (`scf.forall`) run on OpenMP threads.
pub const LINALG_TO_LLVM_CPU: NamedPipeline = NamedPipeline {
    name: "thunder-linalg-to-llvm-cpu-pipeline",
    description: "linalg on tensors to the LLVM dialect for the host CPU",
    text: "one-shot-bufferize{bufferize-function-boundaries \
function-boundary-type-conversion=identity-layout-map},scf-forall-to-parallel,\
buffer-deallocation-pipeline,convert-bufferization-to-memref,\
thunder-memref-copy-to-linalg,convert-linalg-to-loops,thunder-scf-prefetch-next-tile,convert-scf-to-openmp,thunder-memref-tile-buffers-to-stack,canonicalize,thunder-math-exp-to-ldexp,thunder-math-erf-to-rational,thunder-math-log-of-subnormals,thunder-math-approximation,\
convert-scf-to-cf,expand-strided-metadata,lower-affine,\
convert-math-to-funcs,thunder-precise-math-to-libm,convert-math-to-llvm{approximate-log1p=false},convert-math-to-libm,arith-expand{include-bf16=true},\
thunder-emit-c-interface,finalize-memref-to-llvm{use-aligned-alloc=1},convert-openmp-to-llvm,convert-to-llvm,\
reconcile-unrealized-casts,thunder-llvm-vector-width",
};

/// torch or prims level → LLVM dialect, one function per program.
pub const CPU: NamedPipeline = NamedPipeline {
    name: "thunder-cpu-pipeline",
    description: "torch or prims level to the LLVM dialect for the host CPU",
    text: "thunder-torch-to-linalg-pipeline,thunder-linalg-to-llvm-cpu-pipeline",
};

/// Every named pipeline, registered with the passes.
pub const NAMED: [&NamedPipeline; 10] = [
    &TORCH_TO_PRIMS,
    &VJP,
    &JVP,
    &VMAP,
    &SPLIT,
    &PRIMS_TO_EXEC,
    &KERNELS_TO_LINALG,
    &TORCH_TO_LINALG,
    &LINALG_TO_LLVM_CPU,
    &CPU,
];
