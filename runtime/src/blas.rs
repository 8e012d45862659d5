//! The library executor for matrix products: batched GEMM on f32 and f64,
//! through the system BLAS's C interface (OpenBLAS on Debian: packed
//! AVX-512/AVX2 kernels chosen for the CPU at run time).
//!
//! The GEMMs run on the generated kernels' OpenMP thread pool (libomp), each
//! thread computing a block of rows with a single-threaded BLAS call. With
//! OpenBLAS's own threads, each pool's workers spin for a while after their
//! work, so on a machine with few cores a GEMM right after a kernel (or a
//! kernel right after a GEMM) ran with its cores taken: a transformer block
//! was twice as slow.

use crate::tensor::{DType, Tensor, TensorSpec};

/// `[..., m, k] x [..., k, n] -> [..., m, n]` with identical batch dimensions.
pub fn matmul(a: &Tensor, b: &Tensor, out: &TensorSpec) -> Result<Tensor, String> {
    matmul_transposed(a, b, [false, false], out)
}

/// As `matmul`, where `transpose[0]` (`[1]`) says `a` (`b`) is stored as
/// `[..., k, m]` (`[..., n, k]`): the GEMM reads it transposed, no copy made.
pub fn matmul_transposed(
    a: &Tensor,
    b: &Tensor,
    transpose: [bool; 2],
    out: &TensorSpec,
) -> Result<Tensor, String> {
    let (sa, sb) = (&a.spec.shape, &b.spec.shape);
    let r = sa.len();
    if r < 2 || sb.len() != r || sa[..r - 2] != sb[..r - 2] {
        return Err(format!(
            "blas matmul: shapes {sa:?} and {sb:?} do not match"
        ));
    }
    let (m, ka) = if transpose[0] {
        (sa[r - 1], sa[r - 2])
    } else {
        (sa[r - 2], sa[r - 1])
    };
    let (kb, n) = if transpose[1] {
        (sb[r - 1], sb[r - 2])
    } else {
        (sb[r - 2], sb[r - 1])
    };
    if ka != kb {
        return Err(format!(
            "blas matmul: shapes {sa:?} and {sb:?} (transposed: {transpose:?}) do not match"
        ));
    }
    let (m, k, n) = (m as usize, ka as usize, n as usize);
    let batch: usize = sa[..r - 2].iter().product::<i64>() as usize;
    // The GEMM reads and writes by these: anything else would be out of bounds.
    let mut want = sa[..r - 2].to_vec();
    want.extend([m as i64, n as i64]);
    if b.spec.dtype != a.spec.dtype || out.dtype != a.spec.dtype || out.shape != want {
        return Err(format!(
            "blas matmul: {:?}{sa:?} x {:?}{sb:?} cannot give {:?}{:?}",
            a.spec.dtype, b.spec.dtype, out.dtype, out.shape
        ));
    }
    if !matches!(a.spec.dtype, DType::F32 | DType::F64) {
        return Err(format!(
            "blas matmul: {:?} is not supported (f32, f64 are)",
            a.spec.dtype
        ));
    }
    if [m, k, n].iter().any(|d| *d > i32::MAX as usize) {
        return Err(format!(
            "blas matmul: {sa:?} x {sb:?} exceeds the BLAS's 32-bit sizes"
        ));
    }
    if m * n == 0 || k == 0 {
        return Ok(Tensor::new_zeroed(out.clone()));
    }
    // With beta = 0 the GEMM writes every element of C.
    let c = Tensor::new_uninit(out.clone());
    let gemm = Gemm {
        dtype: a.spec.dtype,
        a: a.data,
        b: b.data,
        c: c.data,
        batch,
        m,
        k,
        n,
        transpose,
    };
    gemm.run();
    Ok(c)
}

/// One batched GEMM `C = op(A) op(B)`, row-major, contiguous operands.
struct Gemm {
    dtype: DType,
    a: *mut u8,
    b: *mut u8,
    c: *mut u8,
    batch: usize,
    m: usize,
    k: usize,
    n: usize,
    transpose: [bool; 2],
}

/// Below this many multiply-adds one thread does the whole product: waking
/// the pool would cost more than it saves.
const PARALLEL_WORK: usize = 1 << 20;

impl Gemm {
    fn run(&self) {
        // Every call, the serial one too: OpenBLAS's own threads would spin
        // against the pool's (see the module comment).
        unsafe { cblas::single_threaded() };
        let work = self.batch * self.m * self.k * self.n;
        if work < PARALLEL_WORK {
            self.rows(0, self.batch * self.m);
            return;
        }
        extern "C" fn worker(data: *mut std::ffi::c_void) {
            let gemm = unsafe { &*(data as *const Gemm) };
            let (t, threads) = unsafe {
                (
                    omp::omp_get_thread_num() as usize,
                    omp::omp_get_num_threads() as usize,
                )
            };
            let total = gemm.batch * gemm.m;
            gemm.rows(total * t / threads, total * (t + 1) / threads);
        }
        unsafe { omp::GOMP_parallel(worker, self as *const Gemm as *mut std::ffi::c_void, 0, 0) };
    }

    /// Rows `[from, to)` of C, counting through the batch (row r is row
    /// r % m of batch entry r / m), as one BLAS call per batch entry touched.
    fn rows(&self, from: usize, to: usize) {
        let m = self.m;
        let mut r = from;
        while r < to {
            let (bi, row) = (r / m, r % m);
            let rows = (m - row).min(to - r);
            match self.dtype {
                DType::F32 => self.call::<f32>(bi, row, rows),
                DType::F64 => self.call::<f64>(bi, row, rows),
                _ => unreachable!("checked by matmul_transposed"),
            }
            r += rows;
        }
    }

    fn call<T: cblas::Element>(&self, bi: usize, row: usize, rows: usize) {
        let (m, k, n) = (self.m, self.k, self.n);
        let [ta, tb] = self.transpose;
        let a = unsafe { (self.a as *const T).add(bi * m * k) };
        let b = unsafe { (self.b as *const T).add(bi * k * n) };
        let c = unsafe { (self.c as *mut T).add(bi * m * n + row * n) };
        // Rows `row..row + rows` of op(A): of A itself, or columns of the
        // stored [k, m] matrix (same leading dimension, shifted start).
        let (a, lda) = if ta {
            (unsafe { a.add(row) }, m)
        } else {
            (unsafe { a.add(row * k) }, k)
        };
        let ldb = if tb { k } else { n };
        let trans = |t: bool| if t { cblas::TRANS } else { cblas::NO_TRANS };
        unsafe {
            (T::GEMM)(
                cblas::ROW_MAJOR,
                trans(ta),
                trans(tb),
                rows as i32,
                n as i32,
                k as i32,
                T::ONE,
                a,
                lda as i32,
                b,
                ldb as i32,
                T::ZERO,
                c,
                n as i32,
            )
        };
    }
}

/// The OpenMP runtime's entry points used (libomp implements GNU's API too).
mod omp {
    unsafe extern "C" {
        pub fn GOMP_parallel(
            f: extern "C" fn(*mut std::ffi::c_void),
            data: *mut std::ffi::c_void,
            num_threads: u32,
            flags: u32,
        );
        pub fn omp_get_thread_num() -> i32;
        pub fn omp_get_num_threads() -> i32;
    }
}

/// The CBLAS entry points used, and the enum values of the CBLAS ABI.
mod cblas {
    pub const ROW_MAJOR: i32 = 101;
    pub const NO_TRANS: i32 = 111;
    pub const TRANS: i32 = 112;

    /// OpenBLAS computes each call on the calling thread only: the
    /// parallelism is the OpenMP pool's.
    pub unsafe fn single_threaded() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| unsafe { openblas_set_num_threads(1) });
    }

    /// `cblas_?gemm(layout, trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb,
    /// beta, c, ldc)` for element type `T`.
    pub type GemmFn<T> = unsafe extern "C" fn(
        i32,
        i32,
        i32,
        i32,
        i32,
        i32,
        T,
        *const T,
        i32,
        *const T,
        i32,
        T,
        *mut T,
        i32,
    );

    /// f32 and f64: their GEMM and the alpha = 1, beta = 0 it is called with.
    pub trait Element: Copy {
        const GEMM: GemmFn<Self>;
        const ONE: Self;
        const ZERO: Self;
    }

    impl Element for f32 {
        const GEMM: GemmFn<f32> = cblas_sgemm;
        const ONE: f32 = 1.0;
        const ZERO: f32 = 0.0;
    }

    impl Element for f64 {
        const GEMM: GemmFn<f64> = cblas_dgemm;
        const ONE: f64 = 1.0;
        const ZERO: f64 = 0.0;
    }

    unsafe extern "C" {
        fn openblas_set_num_threads(n: i32);
        #[allow(clippy::too_many_arguments)]
        fn cblas_sgemm(
            layout: i32,
            trans_a: i32,
            trans_b: i32,
            m: i32,
            n: i32,
            k: i32,
            alpha: f32,
            a: *const f32,
            lda: i32,
            b: *const f32,
            ldb: i32,
            beta: f32,
            c: *mut f32,
            ldc: i32,
        );
        #[allow(clippy::too_many_arguments)]
        fn cblas_dgemm(
            layout: i32,
            trans_a: i32,
            trans_b: i32,
            m: i32,
            n: i32,
            k: i32,
            alpha: f64,
            a: *const f64,
            lda: i32,
            b: *const f64,
            ldb: i32,
            beta: f64,
            c: *mut f64,
            ldc: i32,
        );
    }
}
