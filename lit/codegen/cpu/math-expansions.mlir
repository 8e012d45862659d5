// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-math-exp-to-ldexp,thunder-math-erf-to-rational)' | FileCheck %s

// On an AVX-512 target, f32 exp: clamp to [-104, 104] by compare and select
// (NaN passes), k = roundeven(x log2 e) (never NaN), r = x - k ln2 in two fma (ln2 split
// in a high and a low part), 1 + r + r^2 p(r) with p in Horner form, and
// ldexp(., k), which AVX-512 executes as vscalefps. f64 exp is left alone.
// CHECK-LABEL: func.func @exp_avx512(
// CHECK-SAME: %[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f64)
// CHECK-DAG: %[[LO:[^ ]+]] = arith.constant -1.040000e+02 : f32
// CHECK-DAG: %[[HI:[^ ]+]] = arith.constant 1.040000e+02 : f32
// CHECK: %[[BELOW:[^ ]+]] = arith.cmpf olt, %[[X]], %[[LO]] : f32
// CHECK-NEXT: %[[X1:[^ ]+]] = arith.select %[[BELOW]], %[[LO]], %[[X]] : f32
// CHECK-NEXT: %[[ABOVE:[^ ]+]] = arith.cmpf ogt, %[[X1]], %[[HI]] : f32
// CHECK-NEXT: %[[X2:[^ ]+]] = arith.select %[[ABOVE]], %[[HI]], %[[X1]] : f32
// CHECK: %[[SCALED:[^ ]+]] = arith.mulf %[[X2]], %{{.+}} : f32
// CHECK-NEXT: %[[K0:[^ ]+]] = math.roundeven %[[SCALED]] : f32
// NaN's k (poison through fptosi) becomes -151; r keeps the NaN.
// CHECK-NEXT: %[[FLOOR:[^ ]+]] = arith.constant -1.510000e+02 : f32
// CHECK-NEXT: %[[ABOVE_FLOOR:[^ ]+]] = arith.cmpf ogt, %[[K0]], %[[FLOOR]] : f32
// CHECK-NEXT: %[[K:[^ ]+]] = arith.select %[[ABOVE_FLOOR]], %[[K0]], %[[FLOOR]] : f32
// CHECK: %[[R1:[^ ]+]] = math.fma %[[K]], %{{.+}}, %[[X2]] : f32
// CHECK: %[[R:[^ ]+]] = math.fma %[[K]], %{{.+}}, %[[R1]] : f32
// CHECK-COUNT-5: math.fma %{{.+}}, %[[R]], %{{.+}} : f32
// CHECK: %[[R2:[^ ]+]] = arith.mulf %[[R]], %[[R]] : f32
// CHECK-NEXT: %[[T:[^ ]+]] = math.fma %[[R2]], %{{.+}}, %[[R]] : f32
// CHECK: %[[E:[^ ]+]] = arith.addf %[[T]], %{{.+}} : f32
// CHECK-NEXT: %[[KI:[^ ]+]] = arith.fptosi %[[K]] : f32 to i32
// CHECK-NEXT: %[[RES:[^ ]+]] = llvm.intr.ldexp(%[[E]], %[[KI]]) : (f32, i32) -> f32
// CHECK-NEXT: %[[D:[^ ]+]] = math.exp %[[Y]] : f64
// CHECK-NEXT: return %[[RES]], %[[D]] : f32, f64
module attributes {thunder.cpu_features = ["avx2", "avx512f"]} {
  func.func @exp_avx512(%x: f32, %y: f64) -> (f32, f64) {
    %0 = math.exp %x : f32
    %1 = math.exp %y : f64
    return %0, %1 : f32, f64
  }
}

// -----

// Without AVX-512, vector ldexp would be a libm call per lane: exp is left
// to thunder-math-approximation.
// CHECK-LABEL: func.func @exp_avx2(
// CHECK-NEXT: math.exp %{{.+}} : f32
// CHECK-NOT: ldexp
module attributes {thunder.cpu_features = ["avx2"]} {
  func.func @exp_avx2(%x: f32) -> f32 {
    %0 = math.exp %x : f32
    return %0 : f32
  }
}

// -----

// f32 erf on any target: x clamped to [-4, 4], x * P(x^2) / Q(x^2) with P
// and Q of degree 5 (Horner, five fma each), clamped to [-1, 1]; from
// |x| = 3.92 on exactly +-1 (copysign), where f32 erf rounds to +-1. No select
// between intervals. f64 erf is left to libm.
// CHECK-LABEL: func.func @erf(
// CHECK-SAME: %[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f64)
// CHECK: %[[BELOW:[^ ]+]] = arith.cmpf olt, %[[X]], %{{.+}} : f32
// CHECK-NEXT: %[[X1:[^ ]+]] = arith.select %[[BELOW]], %{{.+}}, %[[X]] : f32
// CHECK-NEXT: %[[ABOVE:[^ ]+]] = arith.cmpf ogt, %[[X1]], %{{.+}} : f32
// CHECK-NEXT: %[[XC:[^ ]+]] = arith.select %[[ABOVE]], %{{.+}}, %[[X1]] : f32
// CHECK-NEXT: %[[T:[^ ]+]] = arith.mulf %[[XC]], %[[XC]] : f32
// CHECK-COUNT-5: math.fma %{{.+}}, %[[T]], %{{.+}} : f32
// CHECK-COUNT-5: math.fma %{{.+}}, %[[T]], %{{.+}} : f32
// CHECK-NEXT: %[[RATIO:[^ ]+]] = arith.divf %{{.+}}, %{{.+}} : f32
// CHECK-NEXT: %[[ERF:[^ ]+]] = arith.mulf %[[XC]], %[[RATIO]] : f32
// CHECK-DAG: arith.constant -1.000000e+00 : f32
// CHECK-DAG: arith.constant 1.000000e+00 : f32
// CHECK: %[[LOW:[^ ]+]] = arith.cmpf olt, %[[ERF]], %{{.+}} : f32
// CHECK-NEXT: %[[E1:[^ ]+]] = arith.select %[[LOW]], %{{.+}}, %[[ERF]] : f32
// CHECK-NEXT: %[[HIGH:[^ ]+]] = arith.cmpf ogt, %[[E1]], %{{.+}} : f32
// CHECK-NEXT: %[[E2:[^ ]+]] = arith.select %[[HIGH]], %{{.+}}, %[[E1]] : f32
// CHECK-NEXT: %[[ABS:[^ ]+]] = math.absf %[[XC]] : f32
// CHECK-NEXT: %[[SAT:[^ ]+]] = arith.constant 3.920000e+00 : f32
// CHECK-NEXT: %[[BIG:[^ ]+]] = arith.cmpf oge, %[[ABS]], %[[SAT]] : f32
// CHECK-NEXT: %[[ONE:[^ ]+]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[SIGN:[^ ]+]] = math.copysign %[[ONE]], %[[XC]] : f32
// CHECK-NEXT: %[[RES:[^ ]+]] = arith.select %[[BIG]], %[[SIGN]], %[[E2]] : f32
// CHECK-NEXT: %[[D:[^ ]+]] = math.erf %[[Y]] : f64
// CHECK-NEXT: return %[[RES]], %[[D]] : f32, f64
func.func @erf(%x: f32, %y: f64) -> (f32, f64) {
  %0 = math.erf %x : f32
  %1 = math.erf %y : f64
  return %0, %1 : f32, f64
}
