//! End to end on the CPU: torch-level MLIR → thunder-cpu-pipeline → LLVM JIT,
//! on real data, against references computed here in f64 (not by the code
//! under test).

use thunder_lowering::jit::{DType, HostTensor};
use thunder_tests::{assert_close, pseudo_random, run_cpu};

fn f32s(v: &[f64]) -> Vec<f32> {
    v.iter().map(|x| *x as f32).collect()
}

/// Rounds through f32 so references see the inputs the kernel saw.
fn as_f32(v: &[f64]) -> Vec<f64> {
    v.iter().map(|x| *x as f32 as f64).collect()
}

#[test]
fn gelu_tanh_of_affine_broadcasts_row_vectors() {
    let (rows, cols) = (16usize, 24usize);
    let x = as_f32(&pseudo_random(rows * cols, 1, -3.0, 3.0));
    let w = as_f32(&pseudo_random(cols, 2, -1.0, 1.0));
    let b = as_f32(&pseudo_random(cols, 3, -1.0, 1.0));
    let src = r#"
func.func @f(%x: tensor<16x24xf32>, %w: tensor<24xf32>, %b: tensor<24xf32>) -> tensor<16x24xf32> {
  %0 = thunder_torch.mul %x, %w : tensor<16x24xf32>, tensor<24xf32> -> tensor<16x24xf32>
  %1 = thunder_torch.add %0, %b : tensor<16x24xf32>, tensor<24xf32> -> tensor<16x24xf32>
  %2 = thunder_torch.gelu %1 {approximate = "tanh"} : tensor<16x24xf32> -> tensor<16x24xf32>
  return %2 : tensor<16x24xf32>
}"#;
    let inputs = [
        HostTensor::from_f32(&[16, 24], &f32s(&x)),
        HostTensor::from_f32(&[24], &f32s(&w)),
        HostTensor::from_f32(&[24], &f32s(&b)),
    ];
    let out = run_cpu(
        src,
        "f",
        &[&inputs[0], &inputs[1], &inputs[2]],
        &[(DType::F32, vec![16, 24])],
    );
    let want: Vec<f64> = (0..rows * cols)
        .map(|i| {
            let v = x[i] * w[i % cols] + b[i % cols];
            0.5 * v
                * (1.0 + ((2.0 / std::f64::consts::PI).sqrt() * (v + 0.044715 * v * v * v)).tanh())
        })
        .collect();
    assert_close(&out[0].to_f64(), &want, 1e-5, 1e-5);
}

#[test]
fn softmax_and_log_softmax_along_last_dim() {
    let x = as_f32(&pseudo_random(4 * 8, 4, -10.0, 10.0));
    let src = r#"
func.func @f(%x: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %0 = thunder_torch.softmax %x {dim = -1 : i64} : tensor<4x8xf32> -> tensor<4x8xf32>
  %1 = thunder_torch.log_softmax %x {dim = 1 : i64} : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<4x8xf32>
}"#;
    let input = HostTensor::from_f32(&[4, 8], &f32s(&x));
    let out = run_cpu(
        src,
        "f",
        &[&input],
        &[(DType::F32, vec![4, 8]), (DType::F32, vec![4, 8])],
    );
    let mut soft = vec![];
    let mut logsoft = vec![];
    for r in 0..4 {
        let row = &x[r * 8..(r + 1) * 8];
        let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let s: f64 = row.iter().map(|v| (v - m).exp()).sum();
        soft.extend(row.iter().map(|v| (v - m).exp() / s));
        logsoft.extend(row.iter().map(|v| v - m - s.ln()));
    }
    assert_close(&out[0].to_f64(), &soft, 1e-6, 1e-5);
    assert_close(&out[1].to_f64(), &logsoft, 1e-5, 1e-5);
}

#[test]
fn layer_norm_with_weight_and_bias() {
    let (rows, cols) = (6usize, 32usize);
    let x = as_f32(&pseudo_random(rows * cols, 5, -4.0, 4.0));
    let w = as_f32(&pseudo_random(cols, 6, 0.5, 1.5));
    let b = as_f32(&pseudo_random(cols, 7, -0.5, 0.5));
    let src = r#"
func.func @f(%x: tensor<6x32xf32>, %w: tensor<32xf32>, %b: tensor<32xf32>) -> tensor<6x32xf32> {
  %0 = thunder_torch.layer_norm %x weight %w : tensor<32xf32> bias %b : tensor<32xf32> {normalized_shape = array<i64: 32>, eps = 1.0e-5 : f64} : tensor<6x32xf32> -> tensor<6x32xf32>
  return %0 : tensor<6x32xf32>
}"#;
    let inputs = [
        HostTensor::from_f32(&[6, 32], &f32s(&x)),
        HostTensor::from_f32(&[32], &f32s(&w)),
        HostTensor::from_f32(&[32], &f32s(&b)),
    ];
    let out = run_cpu(
        src,
        "f",
        &[&inputs[0], &inputs[1], &inputs[2]],
        &[(DType::F32, vec![6, 32])],
    );
    let mut want = vec![];
    for r in 0..rows {
        let row = &x[r * cols..(r + 1) * cols];
        let mean = row.iter().sum::<f64>() / cols as f64;
        let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / cols as f64;
        want.extend(
            row.iter()
                .enumerate()
                .map(|(j, v)| (v - mean) / (var + 1e-5).sqrt() * w[j] + b[j]),
        );
    }
    assert_close(&out[0].to_f64(), &want, 1e-5, 1e-5);
}

#[test]
fn integer_sum_widens_to_int64_and_true_division_gives_float() {
    let a: Vec<i32> = (0..12).map(|i| (i * 7919 % 23) - 11).collect();
    let src = r#"
func.func @f(%a: tensor<3x4xi32>) -> (tensor<4xi64>, tensor<3x4xf32>, tensor<3x1xi32>) {
  %0 = thunder_torch.sum %a {dim = array<i64: 0>} : tensor<3x4xi32> -> tensor<4xi64>
  %d = arith.constant 3 : i64
  %1 = thunder_torch.div %a, %d : tensor<3x4xi32>, i64 -> tensor<3x4xf32>
  %2 = thunder_torch.amax %a {dim = array<i64: -1>, keepdim = true} : tensor<3x4xi32> -> tensor<3x1xi32>
  return %0, %1, %2 : tensor<4xi64>, tensor<3x4xf32>, tensor<3x1xi32>
}"#;
    let input = HostTensor::from_i32(&[3, 4], &a);
    let out = run_cpu(
        src,
        "f",
        &[&input],
        &[
            (DType::I64, vec![4]),
            (DType::F32, vec![3, 4]),
            (DType::I32, vec![3, 1]),
        ],
    );
    let sums: Vec<f64> = (0..4)
        .map(|c| (0..3).map(|r| a[r * 4 + c] as f64).sum())
        .collect();
    assert_eq!(out[0].to_f64(), sums);
    let quotients: Vec<f64> = a.iter().map(|v| (*v as f32 / 3.0) as f64).collect();
    assert_eq!(out[1].to_f64(), quotients);
    let maxes: Vec<f64> = (0..3)
        .map(|r| a[r * 4..(r + 1) * 4].iter().cloned().max().unwrap() as f64)
        .collect();
    assert_eq!(out[2].to_f64(), maxes);
}

#[test]
fn uint8_and_int8_promote_to_int16() {
    let u: Vec<u8> = vec![0, 1, 127, 128, 200, 255];
    let s: Vec<i8> = vec![-128, -1, 0, 1, 100, 127];
    let src = r#"
func.func @f(%u: tensor<6xui8>, %s: tensor<6xi8>) -> (tensor<6xi16>, tensor<6xi1>, tensor<6xui8>) {
  %0 = thunder_torch.add %u, %s : tensor<6xui8>, tensor<6xi8> -> tensor<6xi16>
  %1 = thunder_torch.gt %u, %s : tensor<6xui8>, tensor<6xi8> -> tensor<6xi1>
  %c = arith.constant 7 : i64
  %2 = thunder_torch.div %u, %c {rounding_mode = "floor"} : tensor<6xui8>, i64 -> tensor<6xui8>
  return %0, %1, %2 : tensor<6xi16>, tensor<6xi1>, tensor<6xui8>
}"#;
    let ut = HostTensor::from_bytes(DType::U8, &[6], u.clone());
    let st = HostTensor::from_bytes(DType::I8, &[6], s.iter().map(|v| *v as u8).collect());
    let out = run_cpu(
        src,
        "f",
        &[&ut, &st],
        &[
            (DType::I16, vec![6]),
            (DType::Bool, vec![6]),
            (DType::U8, vec![6]),
        ],
    );
    let sums: Vec<f64> = u
        .iter()
        .zip(&s)
        .map(|(a, b)| (*a as i16 + *b as i16) as f64)
        .collect();
    assert_eq!(out[0].to_f64(), sums);
    let gt: Vec<f64> = u
        .iter()
        .zip(&s)
        .map(|(a, b)| f64::from(u8::from((*a as i16) > (*b as i16))))
        .collect();
    assert_eq!(out[1].to_f64(), gt);
    let floor_div: Vec<f64> = u.iter().map(|a| (a / 7) as f64).collect();
    assert_eq!(out[2].to_f64(), floor_div);
}

#[test]
fn python_remainder_and_floor_division_follow_the_divisor_sign() {
    let a: Vec<i64> = vec![7, -7, 7, -7, 0, 9];
    let b: Vec<i64> = vec![3, 3, -3, -3, 5, -4];
    let src = r#"
func.func @f(%a: tensor<6xi64>, %b: tensor<6xi64>) -> (tensor<6xi64>, tensor<6xi64>) {
  %0 = thunder_torch.remainder %a, %b : tensor<6xi64>, tensor<6xi64> -> tensor<6xi64>
  %1 = thunder_torch.div %a, %b {rounding_mode = "floor"} : tensor<6xi64>, tensor<6xi64> -> tensor<6xi64>
  return %0, %1 : tensor<6xi64>, tensor<6xi64>
}"#;
    let at = HostTensor::from_i64(&[6], &a);
    let bt = HostTensor::from_i64(&[6], &b);
    let out = run_cpu(
        src,
        "f",
        &[&at, &bt],
        &[(DType::I64, vec![6]), (DType::I64, vec![6])],
    );
    let rem: Vec<f64> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| {
            x.rem_euclid(*y) as f64
                + if *y < 0 && x.rem_euclid(*y) != 0 {
                    *y as f64
                } else {
                    0.0
                }
        })
        .collect();
    let floor: Vec<f64> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| (*x as f64 / *y as f64).floor())
        .collect();
    assert_eq!(out[0].to_f64(), rem);
    assert_eq!(out[1].to_f64(), floor);
}

#[test]
fn batched_matmul_broadcasts_batch_dims_and_linear_adds_bias() {
    let a = as_f32(&pseudo_random(2 * 3 * 4, 8, -1.0, 1.0));
    let b = as_f32(&pseudo_random(4 * 5, 9, -1.0, 1.0));
    let bias = as_f32(&pseudo_random(4, 10, -1.0, 1.0));
    let src = r#"
func.func @f(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>, %w: tensor<5x4xf32>, %bias: tensor<5xf32>) -> (tensor<2x3x5xf32>, tensor<2x3x5xf32>) {
  %0 = thunder_torch.matmul %a, %b : tensor<2x3x4xf32>, tensor<4x5xf32> -> tensor<2x3x5xf32>
  %1 = thunder_torch.linear %a, %w, %bias : tensor<5xf32> : tensor<2x3x4xf32>, tensor<5x4xf32> -> tensor<2x3x5xf32>
  return %0, %1 : tensor<2x3x5xf32>, tensor<2x3x5xf32>
}"#;
    // w = b^T so both results agree up to the bias.
    let w: Vec<f64> = (0..5)
        .flat_map(|n| (0..4).map(move |k| (n, k)))
        .map(|(n, k)| b[k * 5 + n])
        .collect();
    let bias5: Vec<f64> = (0..5).map(|i| bias[i % 4]).collect();
    let inputs = [
        HostTensor::from_f32(&[2, 3, 4], &f32s(&a)),
        HostTensor::from_f32(&[4, 5], &f32s(&b)),
        HostTensor::from_f32(&[5, 4], &f32s(&w)),
        HostTensor::from_f32(&[5], &f32s(&bias5)),
    ];
    let out = run_cpu(
        src,
        "f",
        &[&inputs[0], &inputs[1], &inputs[2], &inputs[3]],
        &[(DType::F32, vec![2, 3, 5]), (DType::F32, vec![2, 3, 5])],
    );
    let mut mm = vec![];
    for bt in 0..2 {
        for m in 0..3 {
            for n in 0..5 {
                mm.push(
                    (0..4)
                        .map(|k| a[bt * 12 + m * 4 + k] * b[k * 5 + n])
                        .sum::<f64>(),
                );
            }
        }
    }
    let lin: Vec<f64> = mm
        .iter()
        .enumerate()
        .map(|(i, v)| v + bias5[i % 5])
        .collect();
    assert_close(&out[0].to_f64(), &mm, 1e-5, 1e-5);
    assert_close(&out[1].to_f64(), &lin, 1e-5, 1e-5);
}

#[test]
fn shape_ops_slice_transpose_cat_reshape() {
    let x: Vec<f64> = (0..24).map(|i| i as f64).collect();
    let src = r#"
func.func @f(%x: tensor<4x6xf32>) -> (tensor<3x4xf32>, tensor<4x9xf32>, tensor<2x12xf32>) {
  %0 = thunder_torch.slice %x {dim = 1 : i64, start = -5 : i64, end = 100 : i64, step = 2 : i64} : tensor<4x6xf32> -> tensor<4x3xf32>
  %1 = thunder_torch.transpose %0 {dim0 = 0 : i64, dim1 = -1 : i64} : tensor<4x3xf32> -> tensor<3x4xf32>
  %2 = thunder_torch.cat %x, %0 {dim = 1 : i64} : tensor<4x6xf32>, tensor<4x3xf32> -> tensor<4x9xf32>
  %3 = thunder_torch.reshape %x {shape = array<i64: 2, -1>} : tensor<4x6xf32> -> tensor<2x12xf32>
  return %1, %2, %3 : tensor<3x4xf32>, tensor<4x9xf32>, tensor<2x12xf32>
}"#;
    let input = HostTensor::from_f32(&[4, 6], &f32s(&x));
    let out = run_cpu(
        src,
        "f",
        &[&input],
        &[
            (DType::F32, vec![3, 4]),
            (DType::F32, vec![4, 9]),
            (DType::F32, vec![2, 12]),
        ],
    );
    // x[:, -5::2] takes columns 1, 3, 5.
    let sliced = |r: usize, c: usize| x[r * 6 + 1 + 2 * c];
    let transposed: Vec<f64> = (0..3)
        .flat_map(|c| (0..4).map(move |r| (r, c)))
        .map(|(r, c)| sliced(r, c))
        .collect();
    assert_eq!(out[0].to_f64(), transposed);
    let cat: Vec<f64> = (0..4)
        .flat_map(|r| (0..9).map(move |c| (r, c)))
        .map(|(r, c)| {
            if c < 6 {
                x[r * 6 + c]
            } else {
                sliced(r, c - 6)
            }
        })
        .collect();
    assert_eq!(out[1].to_f64(), cat);
    assert_eq!(out[2].to_f64(), x);
}

#[test]
fn bf16_softmax_computes_in_f32_and_rounds_once() {
    let x = pseudo_random(2 * 16, 11, -5.0, 5.0);
    let to_bf16 = |v: f64| -> u16 {
        let bits = (v as f32).to_bits();
        let rounded = bits + 0x7fff + ((bits >> 16) & 1);
        (rounded >> 16) as u16
    };
    let xb: Vec<u16> = x.iter().map(|v| to_bf16(*v)).collect();
    let xr: Vec<f64> = xb
        .iter()
        .map(|b| f32::from_bits(u32::from(*b) << 16) as f64)
        .collect();
    let src = r#"
func.func @f(%x: tensor<2x16xbf16>) -> tensor<2x16xbf16> {
  %0 = thunder_torch.softmax %x {dim = -1 : i64} : tensor<2x16xbf16> -> tensor<2x16xbf16>
  return %0 : tensor<2x16xbf16>
}"#;
    let input = HostTensor::from_bytes(
        DType::BF16,
        &[2, 16],
        xb.iter().flat_map(|v| v.to_ne_bytes()).collect(),
    );
    let out = run_cpu(src, "f", &[&input], &[(DType::BF16, vec![2, 16])]);
    let mut want = vec![];
    for r in 0..2 {
        let row = &xr[r * 16..(r + 1) * 16];
        let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let s: f64 = row.iter().map(|v| (v - m).exp()).sum();
        want.extend(row.iter().map(|v| (v - m).exp() / s));
    }
    // One bf16 rounding of an f32-accurate result: half an ulp of bf16.
    assert_close(&out[0].to_f64(), &want, 1e-6, 2f64.powi(-8));
}

#[test]
fn compile_errors_are_located_diagnostics_not_crashes() {
    let context = thunder_dialects::create_context();
    let bad = r#"
func.func @f(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  %0 = thunder_torch.add %a, %b : tensor<2x3xf32>, tensor<4xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}"#;
    let err = match thunder_lowering::jit::compile(&context, bad, "thunder-cpu-pipeline") {
        Ok(_) => panic!("invalid IR compiled"),
        Err(e) => e,
    };
    let text = err.to_string();
    assert!(
        text.contains("not broadcastable") && text.contains(":3:"),
        "{text}"
    );
    // A pipeline that stops short of LLVM is refused before the JIT sees it.
    let ok = "func.func @g(%a: tensor<2xf32>) -> tensor<2xf32> { return %a : tensor<2xf32> }";
    let module = thunder_lowering::jit::compile(&context, ok, "canonicalize").unwrap();
    let refused = thunder_lowering::jit::Engine::new(&module, 2)
        .err()
        .expect("refused");
    assert!(
        refused
            .to_string()
            .contains("not lowered to the LLVM dialect"),
        "{refused}"
    );
}
