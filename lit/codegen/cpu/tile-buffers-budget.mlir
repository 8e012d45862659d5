// RUN: thunder-opt %s --pass-pipeline='builtin.module(convert-scf-to-openmp,thunder-memref-tile-buffers-to-stack)' | FileCheck %s

// thunder-memref-tile-buffers-to-stack on its own, from a parallel loop.
// At most 1 MiB of one parallel region's buffers move: here 17 buffers of
// 64 KiB, the 17th stays on the heap.
// CHECK-LABEL: func.func @many_buffers(
// CHECK: omp.parallel {
// CHECK-COUNT-16: memref.alloca() : memref<16384xf32>
// CHECK-NOT: memref.alloca()
// CHECK: omp.wsloop {
// CHECK: memref.alloc() : memref<16384xf32>
// CHECK-NOT: memref.alloc()
// CHECK: memref.dealloc
// CHECK-NOT: memref.dealloc
func.func @many_buffers(%out: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c0) to (%c64) step (%c1) {
    %b0 = memref.alloc() : memref<16384xf32>
    memref.store %zero, %b0[%i] : memref<16384xf32>
    %v0 = memref.load %b0[%i] : memref<16384xf32>
    %b1 = memref.alloc() : memref<16384xf32>
    memref.store %v0, %b1[%i] : memref<16384xf32>
    %v1 = memref.load %b1[%i] : memref<16384xf32>
    %b2 = memref.alloc() : memref<16384xf32>
    memref.store %v1, %b2[%i] : memref<16384xf32>
    %v2 = memref.load %b2[%i] : memref<16384xf32>
    %b3 = memref.alloc() : memref<16384xf32>
    memref.store %v2, %b3[%i] : memref<16384xf32>
    %v3 = memref.load %b3[%i] : memref<16384xf32>
    %b4 = memref.alloc() : memref<16384xf32>
    memref.store %v3, %b4[%i] : memref<16384xf32>
    %v4 = memref.load %b4[%i] : memref<16384xf32>
    %b5 = memref.alloc() : memref<16384xf32>
    memref.store %v4, %b5[%i] : memref<16384xf32>
    %v5 = memref.load %b5[%i] : memref<16384xf32>
    %b6 = memref.alloc() : memref<16384xf32>
    memref.store %v5, %b6[%i] : memref<16384xf32>
    %v6 = memref.load %b6[%i] : memref<16384xf32>
    %b7 = memref.alloc() : memref<16384xf32>
    memref.store %v6, %b7[%i] : memref<16384xf32>
    %v7 = memref.load %b7[%i] : memref<16384xf32>
    %b8 = memref.alloc() : memref<16384xf32>
    memref.store %v7, %b8[%i] : memref<16384xf32>
    %v8 = memref.load %b8[%i] : memref<16384xf32>
    %b9 = memref.alloc() : memref<16384xf32>
    memref.store %v8, %b9[%i] : memref<16384xf32>
    %v9 = memref.load %b9[%i] : memref<16384xf32>
    %b10 = memref.alloc() : memref<16384xf32>
    memref.store %v9, %b10[%i] : memref<16384xf32>
    %v10 = memref.load %b10[%i] : memref<16384xf32>
    %b11 = memref.alloc() : memref<16384xf32>
    memref.store %v10, %b11[%i] : memref<16384xf32>
    %v11 = memref.load %b11[%i] : memref<16384xf32>
    %b12 = memref.alloc() : memref<16384xf32>
    memref.store %v11, %b12[%i] : memref<16384xf32>
    %v12 = memref.load %b12[%i] : memref<16384xf32>
    %b13 = memref.alloc() : memref<16384xf32>
    memref.store %v12, %b13[%i] : memref<16384xf32>
    %v13 = memref.load %b13[%i] : memref<16384xf32>
    %b14 = memref.alloc() : memref<16384xf32>
    memref.store %v13, %b14[%i] : memref<16384xf32>
    %v14 = memref.load %b14[%i] : memref<16384xf32>
    %b15 = memref.alloc() : memref<16384xf32>
    memref.store %v14, %b15[%i] : memref<16384xf32>
    %v15 = memref.load %b15[%i] : memref<16384xf32>
    %b16 = memref.alloc() : memref<16384xf32>
    memref.store %v15, %b16[%i] : memref<16384xf32>
    %v16 = memref.load %b16[%i] : memref<16384xf32>
    memref.store %v16, %out[%i] : memref<64xf32>
    memref.dealloc %b0 : memref<16384xf32>
    memref.dealloc %b1 : memref<16384xf32>
    memref.dealloc %b2 : memref<16384xf32>
    memref.dealloc %b3 : memref<16384xf32>
    memref.dealloc %b4 : memref<16384xf32>
    memref.dealloc %b5 : memref<16384xf32>
    memref.dealloc %b6 : memref<16384xf32>
    memref.dealloc %b7 : memref<16384xf32>
    memref.dealloc %b8 : memref<16384xf32>
    memref.dealloc %b9 : memref<16384xf32>
    memref.dealloc %b10 : memref<16384xf32>
    memref.dealloc %b11 : memref<16384xf32>
    memref.dealloc %b12 : memref<16384xf32>
    memref.dealloc %b13 : memref<16384xf32>
    memref.dealloc %b14 : memref<16384xf32>
    memref.dealloc %b15 : memref<16384xf32>
    memref.dealloc %b16 : memref<16384xf32>
    scf.reduce
  }
  return
}
