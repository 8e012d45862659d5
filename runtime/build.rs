// The `blas` executor runs its GEMMs on the OpenMP thread pool of LLVM's
// libomp (the one the generated kernels use) and OpenBLAS (libopenblas-dev).
fn main() {
    println!("cargo:rustc-link-search=native=/usr/lib/llvm-22/lib");
    println!("cargo:rustc-link-lib=dylib=omp");
    println!("cargo:rustc-link-lib=dylib=openblas");
}
