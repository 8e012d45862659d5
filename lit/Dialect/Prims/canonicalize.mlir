// RUN: thunder-opt %s -split-input-file -canonicalize | FileCheck %s
// RUN: thunder-opt %s -split-input-file -cse | FileCheck %s --check-prefix=CSE

// Folders: a convert_element_type, broadcast_in_dim or reshape to the
// operand's own type is the operand.

// CHECK-LABEL: func.func @fold_convert_element_type
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[H:.+]] = thunder_prims.convert_element_type %[[X]] : tensor<2x3xf32> to tensor<2x3xf16>
// CHECK-NEXT: return %[[X]], %[[H]] : tensor<2x3xf32>, tensor<2x3xf16>
func.func @fold_convert_element_type(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf16>) {
  %0 = thunder_prims.convert_element_type %x : tensor<2x3xf32> to tensor<2x3xf32>
  %1 = thunder_prims.convert_element_type %0 : tensor<2x3xf32> to tensor<2x3xf16>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf16>
}

// -----

// CHECK-LABEL: func.func @fold_broadcast_in_dim
// CHECK-SAME: (%[[X:[^:]+]]: tensor<3x1xi64>, %[[S:[^:]+]]: tensor<i1>)
// CHECK-NEXT: %[[B:.+]] = thunder_prims.broadcast_in_dim %[[X]], dims = [0, 1] : tensor<3x1xi64> -> tensor<3x4xi64>
// CHECK-NEXT: return %[[X]], %[[B]], %[[S]] : tensor<3x1xi64>, tensor<3x4xi64>, tensor<i1>
func.func @fold_broadcast_in_dim(%x: tensor<3x1xi64>, %s: tensor<i1>) -> (tensor<3x1xi64>, tensor<3x4xi64>, tensor<i1>) {
  %0 = thunder_prims.broadcast_in_dim %x, dims = [0, 1] : tensor<3x1xi64> -> tensor<3x1xi64>
  %1 = thunder_prims.broadcast_in_dim %0, dims = [0, 1] : tensor<3x1xi64> -> tensor<3x4xi64>
  %2 = thunder_prims.broadcast_in_dim %s, dims = [] : tensor<i1> -> tensor<i1>
  return %0, %1, %2 : tensor<3x1xi64>, tensor<3x4xi64>, tensor<i1>
}

// -----

// CHECK-LABEL: func.func @fold_reshape
// CHECK-SAME: (%[[X:[^:]+]]: tensor<2x3xbf16>)
// CHECK-NEXT: %[[R:.+]] = thunder_prims.reshape %[[X]] : tensor<2x3xbf16> -> tensor<6xbf16>
// CHECK-NEXT: return %[[X]], %[[R]] : tensor<2x3xbf16>, tensor<6xbf16>
func.func @fold_reshape(%x: tensor<2x3xbf16>) -> (tensor<2x3xbf16>, tensor<6xbf16>) {
  %0 = thunder_prims.reshape %x : tensor<2x3xbf16> -> tensor<2x3xbf16>
  %1 = thunder_prims.reshape %0 : tensor<2x3xbf16> -> tensor<6xbf16>
  return %0, %1 : tensor<2x3xbf16>, tensor<6xbf16>
}

// -----

// A chain of identity conversions folds all the way back to the argument.
// CHECK-LABEL: func.func @fold_chain
// CHECK-SAME: (%[[X:[^:]+]]: tensor<4xui8>)
// CHECK-NOT: thunder_prims
// CHECK: return %[[X]] : tensor<4xui8>
func.func @fold_chain(%x: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_prims.reshape %x : tensor<4xui8> -> tensor<4xui8>
  %1 = thunder_prims.broadcast_in_dim %0, dims = [0] : tensor<4xui8> -> tensor<4xui8>
  %2 = thunder_prims.convert_element_type %1 : tensor<4xui8> to tensor<4xui8>
  return %2 : tensor<4xui8>
}

// -----

// Pure ops whose results are unused are removed (prims, torch, exec.saved);
// ops with effects the compiler cannot see stay.
// CHECK-LABEL: func.func @dead_code
// CHECK-SAME: (%[[X:[^:]+]]: tensor<4xf32>, %[[SEED:[^:]+]]: i64, %[[OFF:[^:]+]]: i64)
// CHECK-NOT: thunder_prims
// CHECK-NOT: thunder_torch.add
// CHECK-NOT: thunder_exec.saved
// CHECK: thunder_torch.opaque "aten::print"(%[[X]]) : (tensor<4xf32>) -> ()
// CHECK-NEXT: thunder_exec.call "torch", "aten::manual_seed"() : () -> ()
// CHECK-NEXT: return %[[X]] : tensor<4xf32>
func.func @dead_code(%x: tensor<4xf32>, %seed: i64, %offset: i64) -> tensor<4xf32> {
  %0 = thunder_prims.exp %x : tensor<4xf32>
  %1 = thunder_prims.add %0, %x : tensor<4xf32>
  %2 = thunder_prims.uniform %seed, %offset {low = 0.0 : f64, high = 1.0 : f64} : tensor<4xf32>
  %3 = thunder_prims.full 0.0 : f32 : tensor<4xf32>
  %4 = thunder_prims.sum %x, dims = [0] : tensor<4xf32> -> tensor<f32>
  %5:2 = thunder_prims.var_mean %x, dims = [0] {correction = 1.0 : f64} : tensor<4xf32> -> tensor<f32>, tensor<f32>
  %6 = thunder_prims.lt %x, %x : tensor<4xf32>
  %7 = thunder_torch.add %x, %x : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  %8 = thunder_exec.saved 0 : tensor<4xf32>
  thunder_torch.opaque "aten::print"(%x) : (tensor<4xf32>) -> ()
  thunder_exec.call "torch", "aten::manual_seed"() : () -> ()
  return %x : tensor<4xf32>
}

// -----

// CSE merges identical prims ops; canonicalize alone does not.
// CHECK-LABEL: func.func @cse_elementwise
// CHECK-COUNT-3: thunder_prims.add
// CSE-LABEL: func.func @cse_elementwise
// CSE-SAME: (%[[X:[^:]+]]: tensor<4xf32>, %[[Y:[^:]+]]: tensor<4xf32>)
// CSE-NEXT: %[[A:.+]] = thunder_prims.add %[[X]], %[[Y]] : tensor<4xf32>
// CSE-NEXT: %[[B:.+]] = thunder_prims.add %[[Y]], %[[X]] : tensor<4xf32>
// CSE-NEXT: %[[C:.+]] = thunder_prims.broadcast_in_dim %[[A]], dims = [1] : tensor<4xf32> -> tensor<2x4xf32>
// CSE-NEXT: %[[M:.+]] = thunder_prims.mul %[[C]], %[[C]] : tensor<2x4xf32>
// CSE-NEXT: return %[[M]], %[[B]] : tensor<2x4xf32>, tensor<4xf32>
func.func @cse_elementwise(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<2x4xf32>, tensor<4xf32>) {
  %0 = thunder_prims.add %x, %y : tensor<4xf32>
  %1 = thunder_prims.add %x, %y : tensor<4xf32>
  // operand order matters: add is not marked commutative
  %2 = thunder_prims.add %y, %x : tensor<4xf32>
  %3 = thunder_prims.broadcast_in_dim %0, dims = [1] : tensor<4xf32> -> tensor<2x4xf32>
  %4 = thunder_prims.broadcast_in_dim %1, dims = [1] : tensor<4xf32> -> tensor<2x4xf32>
  %5 = thunder_prims.mul %3, %4 : tensor<2x4xf32>
  return %5, %2 : tensor<2x4xf32>, tensor<4xf32>
}

// -----

// Counter-based random numbers are pure: the same seed and offset draw the same
// numbers, so CSE may merge them; another offset is another draw.
// CSE-LABEL: func.func @cse_uniform
// CSE-SAME: (%[[SEED:[^:]+]]: i64, %[[OFF:[^:]+]]: i64, %[[OFF2:[^:]+]]: i64)
// CSE-NEXT: %[[U:.+]] = thunder_prims.uniform %[[SEED]], %[[OFF]] {high = 1.000000e+00 : f64, low = 0.000000e+00 : f64} : tensor<8xf32>
// CSE-NEXT: %[[V:.+]] = thunder_prims.uniform %[[SEED]], %[[OFF2]] {high = 1.000000e+00 : f64, low = 0.000000e+00 : f64} : tensor<8xf32>
// CSE-NEXT: %[[W:.+]] = thunder_prims.uniform %[[SEED]], %[[OFF]] {high = 2.000000e+00 : f64, low = 0.000000e+00 : f64} : tensor<8xf32>
// CSE-NEXT: return %[[U]], %[[U]], %[[V]], %[[W]] :
func.func @cse_uniform(%seed: i64, %offset: i64, %offset2: i64)
    -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %0 = thunder_prims.uniform %seed, %offset {low = 0.0 : f64, high = 1.0 : f64} : tensor<8xf32>
  %1 = thunder_prims.uniform %seed, %offset {low = 0.0 : f64, high = 1.0 : f64} : tensor<8xf32>
  %2 = thunder_prims.uniform %seed, %offset2 {low = 0.0 : f64, high = 1.0 : f64} : tensor<8xf32>
  %3 = thunder_prims.uniform %seed, %offset {low = 0.0 : f64, high = 2.0 : f64} : tensor<8xf32>
  return %0, %1, %2, %3 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}

// -----

// Ops with effects the compiler cannot see are not merged.
// CSE-LABEL: func.func @cse_keeps_calls
// CSE-COUNT-2: thunder_exec.call "torch", "aten::rand"
// CSE-COUNT-2: thunder_torch.opaque "aten::rand"
// CSE: thunder_prims.full 1.000000e+00 : f32 : tensor<2xf32>
// CSE-NOT: thunder_prims.full
// CSE: return
func.func @cse_keeps_calls() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) {
  %0 = thunder_exec.call "torch", "aten::rand"() : () -> tensor<2xf32>
  %1 = thunder_exec.call "torch", "aten::rand"() : () -> tensor<2xf32>
  %2 = thunder_torch.opaque "aten::rand"() : () -> tensor<2xf32>
  %3 = thunder_torch.opaque "aten::rand"() : () -> tensor<2xf32>
  %4 = thunder_prims.full 1.0 : f32 : tensor<2xf32>
  %5 = thunder_prims.full 1.0 : f32 : tensor<2xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// Two transposes compose into one, or none when they cancel.
// CHECK-LABEL: func.func @transpose_of_transpose(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[T:.+]] = thunder_prims.transpose %[[X]], permutation = [1, 2, 0] : tensor<2x3x4xf32> -> tensor<3x4x2xf32>
// CHECK-NEXT: return %[[X]], %[[T]] : tensor<2x3x4xf32>, tensor<3x4x2xf32>
func.func @transpose_of_transpose(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<3x4x2xf32>) {
  %0 = thunder_prims.transpose %x, permutation = [1, 0, 2] : tensor<2x3x4xf32> -> tensor<3x2x4xf32>
  %1 = thunder_prims.transpose %0, permutation = [1, 0, 2] : tensor<3x2x4xf32> -> tensor<2x3x4xf32>
  %2 = thunder_prims.transpose %0, permutation = [0, 2, 1] : tensor<3x2x4xf32> -> tensor<3x4x2xf32>
  return %1, %2 : tensor<2x3x4xf32>, tensor<3x4x2xf32>
}

// -----

// (A B)^T = B^T A^T, so a weight gradient's transposes reach the GEMM's
// operands (where thunder-fuse folds them into the call); a transposed
// operand that is itself a transpose cancels.
// CHECK-LABEL: func.func @transpose_of_matmul(
// CHECK-SAME: %[[A:[^:]+]]: tensor<5x4x3xf32>, %[[G:[^:]+]]: tensor<5x4x6xf32>)
// CHECK-NEXT: %[[GT:.+]] = thunder_prims.transpose %[[G]], permutation = [0, 2, 1] : tensor<5x4x6xf32> -> tensor<5x6x4xf32>
// CHECK-NEXT: %[[P:.+]] = thunder_prims.matmul %[[GT]], %[[A]] : tensor<5x6x4xf32>, tensor<5x4x3xf32> -> tensor<5x6x3xf32>
// CHECK-NEXT: return %[[P]] : tensor<5x6x3xf32>
func.func @transpose_of_matmul(%a: tensor<5x4x3xf32>, %g: tensor<5x4x6xf32>) -> tensor<5x6x3xf32> {
  %0 = thunder_prims.transpose %a, permutation = [0, 2, 1] : tensor<5x4x3xf32> -> tensor<5x3x4xf32>
  %1 = thunder_prims.matmul %0, %g : tensor<5x3x4xf32>, tensor<5x4x6xf32> -> tensor<5x3x6xf32>
  %2 = thunder_prims.transpose %1, permutation = [0, 2, 1] : tensor<5x3x6xf32> -> tensor<5x6x3xf32>
  return %2 : tensor<5x6x3xf32>
}
