// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-precise-math-to-libm)' | FileCheck %s

// f64 expm1/log1p call libm (one declaration each); f32 ones are left for the
// polynomial approximations.
// CHECK-DAG: func.func private @expm1(f64) -> f64
// CHECK-DAG: func.func private @log1p(f64) -> f64
// CHECK-LABEL: func.func @math
// CHECK: %[[E:.+]] = call @expm1(%arg0) : (f64) -> f64
// CHECK: %[[L:.+]] = call @log1p(%[[E]]) : (f64) -> f64
// CHECK: call @expm1(%[[L]]) : (f64) -> f64
// CHECK: math.expm1 %arg1 : f32
// CHECK: math.log1p %{{.+}} : f32
// CHECK-NOT: math.expm1 %{{.+}} : f64
func.func @math(%x: f64, %y: f32) -> (f64, f32) {
  %0 = math.expm1 %x : f64
  %1 = math.log1p %0 : f64
  %2 = math.expm1 %1 : f64
  %3 = math.expm1 %y : f32
  %4 = math.log1p %3 : f32
  return %2, %4 : f64, f32
}
