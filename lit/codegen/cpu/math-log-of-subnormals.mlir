// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-math-log-of-subnormals)' | FileCheck %s

// f32 log and log2 of an argument below the smallest normal (2^-126) take
// the log of x * 2^24 and subtract 24 ln 2 (log) or 24 (log2); f64 is left
// alone.
// CHECK-LABEL: func.func @logs(
// CHECK-SAME: %[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f64)
// CHECK: %[[MIN:[^ ]+]] = arith.constant 1.17549435E-38 : f32
// CHECK-NEXT: %[[TINY:[^ ]+]] = arith.cmpf olt, %[[X]], %[[MIN]] : f32
// CHECK-NEXT: %[[K:[^ ]+]] = arith.constant 0x4B800000 : f32
// CHECK-NEXT: %[[SCALED:[^ ]+]] = arith.mulf %[[X]], %[[K]] : f32
// CHECK-NEXT: %[[ARG:[^ ]+]] = arith.select %[[TINY]], %[[SCALED]], %[[X]] : f32
// CHECK-NEXT: %[[L:[^ ]+]] = math.log %[[ARG]] : f32
// CHECK-NEXT: %[[C:[^ ]+]] = arith.constant 16.6355324 : f32
// CHECK-NEXT: %[[LC:[^ ]+]] = arith.subf %[[L]], %[[C]] : f32
// CHECK-NEXT: %[[LOG:[^ ]+]] = arith.select %[[TINY]], %[[LC]], %[[L]] : f32
// CHECK: %[[L2:[^ ]+]] = math.log2 %{{.+}} : f32
// CHECK-NEXT: %[[C2:[^ ]+]] = arith.constant 2.400000e+01 : f32
// CHECK-NEXT: arith.subf %[[L2]], %[[C2]] : f32
// CHECK: math.log %[[Y]] : f64
// CHECK-NOT: arith.cmpf
// CHECK: return
func.func @logs(%x: f32, %y: f64) -> (f32, f32, f64) {
  %0 = math.log %x : f32
  %1 = math.log2 %x : f32
  %2 = math.log %y : f64
  return %0, %1, %2 : f32, f32, f64
}
