// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-cpu-pipeline)' > %t
// RUN: FileCheck %s --input-file=%t --implicit-check-not=linalg. --implicit-check-not=thunder_ --implicit-check-not=unrealized_conversion_cast
// RUN: FileCheck %s --input-file=%t --check-prefix=ALL

// Torch-level functions using many ops and every dtype, lowered by
// thunder-cpu-pipeline to the LLVM dialect: nothing of linalg, of the thunder
// dialects or of the ui8 casts may be left. The checks pick an op or two that
// only that dtype or op produces. The module names a CPU without AVX-512
// (`thunder.cpu_features`), so the output is the same on every host.

// Anywhere in the output (the second FileCheck run): no op of a dialect other
// than llvm, and no f32 exp, log, tanh or erf as an LLVM intrinsic or a libm
// call: thunder-math-approximation made them inline polynomials. (f64 math
// stays intrinsics and libm calls, checked in @more and @math.)
// ALL-NOT: {{(^|[^a-z_.])(linalg|thunder_[a-z]+|arith|math|memref|scf|cf|func|tensor|bufferization|affine)\.[a-z_]+}}
// ALL-NOT: unrealized_conversion_cast
// ALL-NOT: {{llvm.intr.(exp|exp2|expm1|log|log2|log10|log1p|tanh|erf)\(.*\) : \(f32\) -> f32}}
// ALL-NOT: {{@(expf|exp2f|expm1f|logf|log2f|log10f|log1pf|tanhf|erff)[^a-zA-Z0-9_]}}

// CHECK-DAG: llvm.func @aligned_alloc(i64, i64) -> !llvm.ptr
// CHECK-DAG: llvm.func @free(!llvm.ptr)
// libm's f64 erf is declared (for @math); the f32 erff is not (ALL-NOT).
// CHECK-DAG: llvm.func @erf(f64) -> f64

// A transformer-style block in f32: layer_norm (rsqrt is sqrt and a
// division), linear with bias, tanh GELU, a Python-float scale, softmax,
// reductions, slice and cat. sqrt stays an intrinsic (an instruction); the
// f32 tanh and exp are polynomials of fma: tanh's clamp to +-7.99881172, exp's
// log2(e) and its 2^k made from the bits of k. The sums accumulate with
// reassociable fadd.
// CHECK-LABEL: llvm.func @block(
// CHECK-SAME: attributes {llvm.emit_c_interface
// CHECK-DAG: llvm.intr.sqrt(%{{.+}}) : (f32) -> f32
// CHECK-DAG: llvm.fptrunc %{{.+}} : f64 to f32
// CHECK-DAG: llvm.mlir.constant(7.99881172 : f32) : f32
// CHECK-DAG: llvm.mlir.constant(1.44269502 : f32) : f32
// CHECK-DAG: llvm.bitcast %{{.+}} : i32 to f32
// CHECK-DAG: llvm.intr.fma(%{{.+}}, %{{.+}}, %{{.+}}) : (f32, f32, f32) -> f32
// CHECK-DAG: llvm.fadd %{{.+}}, %{{.+}} {fastmathFlags = #llvm.fastmath<nsz, reassoc>} : f32
// CHECK-LABEL: llvm.func @_mlir_ciface_block(
// CHECK: llvm.call @block(
module attributes {thunder.cpu_features = []} {
func.func @block(%x: tensor<2x4x8xf32>, %w: tensor<8xf32>, %b: tensor<8xf32>, %wq: tensor<16x8xf32>, %bq: tensor<16xf32>, %s: f64) -> (tensor<2x4x16xf32>, tensor<2x4xf32>, tensor<2x5x8xf32>) {
  %0 = thunder_torch.layer_norm %x weight %w : tensor<8xf32> bias %b : tensor<8xf32> {normalized_shape = array<i64: 8>} : tensor<2x4x8xf32> -> tensor<2x4x8xf32>
  %1 = thunder_torch.linear %0, %wq, %bq : tensor<16xf32> : tensor<2x4x8xf32>, tensor<16x8xf32> -> tensor<2x4x16xf32>
  %2 = thunder_torch.gelu %1 {approximate = "tanh"} : tensor<2x4x16xf32> -> tensor<2x4x16xf32>
  %3 = thunder_torch.mul %2, %s : tensor<2x4x16xf32>, f64 -> tensor<2x4x16xf32>
  %4 = thunder_torch.add %3, %bq : tensor<2x4x16xf32>, tensor<16xf32> -> tensor<2x4x16xf32>
  %5 = thunder_torch.softmax %4 {dim = -1 : i64} : tensor<2x4x16xf32> -> tensor<2x4x16xf32>
  %6 = thunder_torch.amax %5 {dim = array<i64: -1>} : tensor<2x4x16xf32> -> tensor<2x4xf32>
  %7 = thunder_torch.var %x {dim = array<i64: 2>} : tensor<2x4x8xf32> -> tensor<2x4xf32>
  %8 = thunder_torch.add %6, %7 : tensor<2x4xf32>, tensor<2x4xf32> -> tensor<2x4xf32>
  %9 = thunder_torch.slice %x {dim = 1 : i64, start = -1 : i64, end = 4 : i64} : tensor<2x4x8xf32> -> tensor<2x1x8xf32>
  %10 = thunder_torch.cat %x, %9 {dim = 1 : i64} : tensor<2x4x8xf32>, tensor<2x1x8xf32> -> tensor<2x5x8xf32>
  return %5, %8, %10 : tensor<2x4x16xf32>, tensor<2x4xf32>, tensor<2x5x8xf32>
}

// bf16 matmul and GELU, ui8 floor division (unsigned, on i8), bool logic,
// an integer sum of bools (i64), int32 remainder, true division and clamp.
// The erf GELU on bf16 computes erf in f32, as a polynomial (its leading
// coefficient 2/sqrt(pi), and fma), not through libm's erff.
// CHECK-LABEL: llvm.func @dtypes(
// CHECK-SAME: attributes {llvm.emit_c_interface
// CHECK-DAG: llvm.mlir.constant(1.12837911 : f32) : f32
// CHECK-DAG: llvm.intr.fma(%{{.+}}, %{{.+}}, %{{.+}}) : (f32, f32, f32) -> f32
// CHECK-DAG: llvm.store %{{.+}}, %{{.+}} : bf16, !llvm.ptr
// CHECK-DAG: llvm.udiv %{{.+}}, %{{.+}} : i8
// CHECK-DAG: llvm.store %{{.+}}, %{{.+}} : i8, !llvm.ptr
// CHECK-DAG: llvm.store %{{.+}}, %{{.+}} : i1, !llvm.ptr
// CHECK-DAG: llvm.store %{{.+}}, %{{.+}} : i64, !llvm.ptr
// CHECK-DAG: llvm.srem %{{.+}}, %{{.+}} : i32
// CHECK-LABEL: llvm.func @_mlir_ciface_dtypes(
// CHECK: llvm.call @dtypes(
func.func @dtypes(%a: tensor<4x3xbf16>, %b: tensor<3x5xbf16>, %u: tensor<5xui8>, %v: tensor<5xui8>, %m: tensor<4x5xi1>, %i: tensor<4x5xi32>) -> (tensor<4x5xbf16>, tensor<5xui8>, tensor<4x5xi1>, tensor<4xi64>, tensor<4x5xf32>) {
  %0 = thunder_torch.matmul %a, %b : tensor<4x3xbf16>, tensor<3x5xbf16> -> tensor<4x5xbf16>
  %1 = thunder_torch.gelu %0 : tensor<4x5xbf16> -> tensor<4x5xbf16>
  %2 = thunder_torch.where %m, %1, %0 : tensor<4x5xi1>, tensor<4x5xbf16>, tensor<4x5xbf16> -> tensor<4x5xbf16>
  %3 = thunder_torch.div %u, %v {rounding_mode = "floor"} : tensor<5xui8>, tensor<5xui8> -> tensor<5xui8>
  %4 = thunder_torch.bitwise_xor %3, %u : tensor<5xui8>, tensor<5xui8> -> tensor<5xui8>
  %5 = thunder_torch.gt %i, %u : tensor<4x5xi32>, tensor<5xui8> -> tensor<4x5xi1>
  %6 = thunder_torch.logical_and %5, %m : tensor<4x5xi1>, tensor<4x5xi1> -> tensor<4x5xi1>
  %7 = thunder_torch.sum %6 {dim = array<i64: 1>} : tensor<4x5xi1> -> tensor<4xi64>
  %8 = thunder_torch.remainder %i, %u : tensor<4x5xi32>, tensor<5xui8> -> tensor<4x5xi32>
  %9 = thunder_torch.div %8, %i : tensor<4x5xi32>, tensor<4x5xi32> -> tensor<4x5xf32>
  %10 = thunder_torch.mean %2 {dim = array<i64: 0>, keepdim = true} : tensor<4x5xbf16> -> tensor<1x5xbf16>
  %11 = thunder_torch.sub %2, %10 : tensor<4x5xbf16>, tensor<1x5xbf16> -> tensor<4x5xbf16>
  %c0 = arith.constant 0.5 : f64
  %12 = thunder_torch.clamp %9 min %c0 : f64 : tensor<4x5xf32> -> tensor<4x5xf32>
  return %11, %4, %6, %7, %12 : tensor<4x5xbf16>, tensor<5xui8>, tensor<4x5xi1>, tensor<4xi64>, tensor<4x5xf32>
}

// f16 rms_norm and silu, f64 log_softmax, int8 abs and relu, int16 bitwise and
// pow (the ipowi helper), float floor division, var, select, expand, atan2,
// float to ui8, arange, int64 prod, remainder and sign. The f16 silu's exp is
// the f32 polynomial (log2(e)); the f64 log_softmax keeps llvm.intr.exp and
// llvm.intr.log, and accumulates with a reassociable f64 fadd; atan2 is not
// approximated (the polynomial is wrong at (0, 0) and infinities), it stays the
// intrinsic.
// CHECK-LABEL: llvm.func @more(
// CHECK-SAME: attributes {llvm.emit_c_interface
// CHECK-DAG: llvm.store %{{.+}}, %{{.+}} : f16, !llvm.ptr
// CHECK-DAG: llvm.mlir.constant(1.44269502 : f32) : f32
// CHECK-DAG: llvm.intr.exp(%{{.+}}) : (f64) -> f64
// CHECK-DAG: llvm.intr.log(%{{.+}}) : (f64) -> f64
// CHECK-DAG: llvm.fadd %{{.+}}, %{{.+}} {fastmathFlags = #llvm.fastmath<nsz, reassoc>} : f64
// CHECK-DAG: "llvm.intr.abs"(%{{.+}}) <{is_int_min_poison = false}> : (i8) -> i8
// CHECK-DAG: llvm.store %{{.+}}, %{{.+}} : i16, !llvm.ptr
// CHECK-DAG: llvm.call @__mlir_math_ipowi_i16(
// CHECK-DAG: llvm.frem %{{.+}}, %{{.+}} : f32
// CHECK-DAG: llvm.intr.floor(%{{.+}}) : (f32) -> f32
// CHECK-DAG: llvm.intr.atan2(%{{.+}}, %{{.+}}) : (f32, f32) -> f32
// CHECK-DAG: llvm.srem %{{.+}}, %{{.+}} : i64
// CHECK-LABEL: llvm.func @_mlir_ciface_more(
// CHECK: llvm.call @more(
func.func @more(%h: tensor<3x4xf16>, %hw: tensor<4xf16>, %d: tensor<4x3xf64>, %c: tensor<3x4xi8>, %s: tensor<4xi16>, %e: tensor<3x4xi64>) -> (tensor<3x4xf16>, tensor<4x3xf64>, tensor<3x4xi8>, tensor<3x4xi16>, tensor<4xf32>, tensor<2x4xf32>, tensor<4xui8>, tensor<3xi64>) {
  %0 = thunder_torch.rms_norm %h weight %hw : tensor<4xf16> {normalized_shape = array<i64: 4>} : tensor<3x4xf16> -> tensor<3x4xf16>
  %1 = thunder_torch.silu %0 : tensor<3x4xf16> -> tensor<3x4xf16>
  %2 = thunder_torch.log_softmax %d {dim = 0 : i64} : tensor<4x3xf64> -> tensor<4x3xf64>
  %3 = thunder_torch.abs %c : tensor<3x4xi8> -> tensor<3x4xi8>
  %4 = thunder_torch.relu %3 : tensor<3x4xi8> -> tensor<3x4xi8>
  %5 = thunder_torch.bitwise_and %c, %s : tensor<3x4xi8>, tensor<4xi16> -> tensor<3x4xi16>
  %6 = thunder_torch.pow %5, %s : tensor<3x4xi16>, tensor<4xi16> -> tensor<3x4xi16>
  %7 = thunder_torch.transpose %2 {dim0 = 0 : i64, dim1 = 1 : i64} : tensor<4x3xf64> -> tensor<3x4xf64>
  %8 = thunder_torch.to_dtype %7 {dtype = f32} : tensor<3x4xf64> -> tensor<3x4xf32>
  %9 = thunder_torch.div %8, %h {rounding_mode = "floor"} : tensor<3x4xf32>, tensor<3x4xf16> -> tensor<3x4xf32>
  %10 = thunder_torch.var %9 {dim = array<i64: 0>} : tensor<3x4xf32> -> tensor<4xf32>
  %11 = thunder_torch.select %9 {dim = 0 : i64, index = -1 : i64} : tensor<3x4xf32> -> tensor<4xf32>
  %12 = thunder_torch.unsqueeze %11 {dim = 0 : i64} : tensor<4xf32> -> tensor<1x4xf32>
  %13 = thunder_torch.expand %12 {shape = array<i64: 2, -1>} : tensor<1x4xf32> -> tensor<2x4xf32>
  %14 = thunder_torch.atan2 %13, %10 : tensor<2x4xf32>, tensor<4xf32> -> tensor<2x4xf32>
  %15 = thunder_torch.to_dtype %10 {dtype = ui8} : tensor<4xf32> -> tensor<4xui8>
  %16 = thunder_torch.arange {start = 0 : i64, end = 3 : i64, step = 1 : i64} : tensor<3xi64>
  %17 = thunder_torch.prod %e {dim = array<i64: 1>} : tensor<3x4xi64> -> tensor<3xi64>
  %18 = thunder_torch.remainder %17, %16 : tensor<3xi64>, tensor<3xi64> -> tensor<3xi64>
  %19 = thunder_torch.sign %18 : tensor<3xi64> -> tensor<3xi64>
  return %1, %2, %4, %6, %10, %14, %15, %19 : tensor<3x4xf16>, tensor<4x3xf64>, tensor<3x4xi8>, tensor<3x4xi16>, tensor<4xf32>, tensor<2x4xf32>, tensor<4xui8>, tensor<3xi64>
}

// f32 erf, log1p and expm1 become polynomials (the ALL-NOT checks above); sin
// and cos are not approximated (no range reduction for large arguments), they
// stay intrinsics. f64 math is not approximated: erf is libm's erf, tanh the
// intrinsic.
// CHECK-LABEL: llvm.func @math(
// CHECK-SAME: attributes {llvm.emit_c_interface
// CHECK-DAG: llvm.intr.fma(%{{.+}}, %{{.+}}, %{{.+}}) : (f32, f32, f32) -> f32
// CHECK-DAG: llvm.intr.sin(%{{.+}}) : (f32) -> f32
// CHECK-DAG: llvm.intr.cos(%{{.+}}) : (f32) -> f32
// CHECK-DAG: llvm.call @erf(%{{.+}}) : (f64) -> f64
// CHECK-DAG: llvm.intr.tanh(%{{.+}}) : (f64) -> f64
// CHECK-LABEL: llvm.func @_mlir_ciface_math(
// CHECK: llvm.call @math(
// CHECK: llvm.func {{.*}}@__mlir_math_ipowi_i16(
func.func @math(%f: tensor<8xf32>, %d: tensor<8xf64>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf64>, tensor<8xf64>) {
  %0 = thunder_torch.erf %f : tensor<8xf32> -> tensor<8xf32>
  %1 = thunder_torch.log1p %f : tensor<8xf32> -> tensor<8xf32>
  %2 = thunder_torch.expm1 %f : tensor<8xf32> -> tensor<8xf32>
  %3 = thunder_torch.sin %f : tensor<8xf32> -> tensor<8xf32>
  %4 = thunder_torch.cos %f : tensor<8xf32> -> tensor<8xf32>
  %5 = thunder_torch.add %3, %4 : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %6 = thunder_torch.erf %d : tensor<8xf64> -> tensor<8xf64>
  %7 = thunder_torch.tanh %d : tensor<8xf64> -> tensor<8xf64>
  return %0, %1, %2, %5, %6, %7 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf64>, tensor<8xf64>
}
}
