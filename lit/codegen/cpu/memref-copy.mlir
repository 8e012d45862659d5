// RUN: thunder-opt %s --pass-pipeline='builtin.module(thunder-memref-copy-to-linalg)' | FileCheck %s

// A strided copy becomes a copying linalg.generic over the memrefs (loops
// later), not a call into MLIR's runtime library.
// CHECK: #[[ID:.+]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @copy
// CHECK-NOT: memref.copy
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%arg0 : memref<4x3xf32, strided<[8, 2]>>) outs(%arg1 : memref<4x3xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.+]]: f32, %{{.+}}: f32):
// CHECK-NEXT: linalg.yield %[[IN]] : f32
func.func @copy(%src: memref<4x3xf32, strided<[8, 2]>>, %dst: memref<4x3xf32>) {
  memref.copy %src, %dst : memref<4x3xf32, strided<[8, 2]>> to memref<4x3xf32>
  return
}
