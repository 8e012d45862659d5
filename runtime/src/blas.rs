//! The library executor for matrix products: batched GEMM on f32 and f64.

use crate::tensor::{DType, Tensor, TensorSpec};

/// `[..., m, k] x [..., k, n] -> [..., m, n]` with identical batch dimensions.
pub fn matmul(a: &Tensor, b: &Tensor, out: &TensorSpec) -> Result<Tensor, String> {
    let (sa, sb) = (&a.spec.shape, &b.spec.shape);
    let r = sa.len();
    if r < 2 || sb.len() != r || sa[..r - 2] != sb[..r - 2] || sa[r - 1] != sb[r - 2] {
        return Err(format!(
            "blas matmul: shapes {sa:?} and {sb:?} do not match"
        ));
    }
    let (m, k, n) = (sa[r - 2] as usize, sa[r - 1] as usize, sb[r - 1] as usize);
    let batch: usize = sa[..r - 2].iter().product::<i64>() as usize;
    // The GEMM reads and writes by these: anything else would be out of bounds.
    let mut want = sa[..r - 1].to_vec();
    want.push(sb[r - 1]);
    if b.spec.dtype != a.spec.dtype || out.dtype != a.spec.dtype || out.shape != want {
        return Err(format!(
            "blas matmul: {:?}{sa:?} x {:?}{sb:?} cannot give {:?}{:?}",
            a.spec.dtype, b.spec.dtype, out.dtype, out.shape
        ));
    }
    let c = Tensor::new_zeroed(out.clone());
    if m * n == 0 {
        return Ok(c);
    }
    let (ki, ni) = (k as isize, n as isize);
    // One row-major GEMM per batch entry: C = A * B, no transposes.
    macro_rules! batched {
        ($gemm:path, $t:ty) => {
            for bi in 0..batch {
                let (pa, pb, pc) = (a.data as *const $t, b.data as *const $t, c.data as *mut $t);
                unsafe {
                    $gemm(
                        m,
                        k,
                        n,
                        1.0,
                        pa.add(bi * m * k),
                        ki,
                        1,
                        pb.add(bi * k * n),
                        ni,
                        1,
                        0.0,
                        pc.add(bi * m * n),
                        ni,
                        1,
                    )
                };
            }
        };
    }
    match a.spec.dtype {
        DType::F32 => batched!(matrixmultiply::sgemm, f32),
        DType::F64 => batched!(matrixmultiply::dgemm, f64),
        other => {
            return Err(format!(
                "blas matmul: {other:?} is not supported (f32, f64 are)"
            ));
        }
    }
    Ok(c)
}
