// RUN: thunder-opt %s -split-input-file --pass-pipeline='builtin.module(thunder-fuse)' | FileCheck %s

// thunder-fuse: prims → exec. Executors claim ops in the module's order
// (`thunder.executors`, default ["blas", "thunder_cpu", "torch"]): blas takes
// f32/f64 matmuls, thunder_cpu runs of consecutive prims (one fusion region
// each, scalar constants cloned in), torch the opaque calls.

// Consecutive prims become one region: its inputs are exactly the values it
// reads from outside (each once, in order of first use), its results exactly
// those read after it.
// CHECK-LABEL: func.func @one_region(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x3xf32>, %[[B:[^:]+]]: tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[F:.+]] = thunder_exec.fusion "thunder_cpu"(%[[A]], %[[B]]) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32> {
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<2x3xf32>, %[[Y:[^:]+]]: tensor<2x3xf32>):
// CHECK-NEXT: %[[V0:.+]] = thunder_prims.add %[[X]], %[[Y]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V1:.+]] = thunder_prims.exp %[[V0]] : tensor<2x3xf32>
// CHECK-NEXT: %[[V2:.+]] = thunder_prims.mul %[[V1]], %[[X]] : tensor<2x3xf32>
// CHECK-NEXT: thunder_exec.yield %[[V2]] : tensor<2x3xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[F]] : tensor<2x3xf32>
func.func @one_region(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = thunder_prims.add %a, %b : tensor<2x3xf32>
  %1 = thunder_prims.exp %0 : tensor<2x3xf32>
  %2 = thunder_prims.mul %1, %a : tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}

// -----

// An f32 matmul goes to blas and splits the prims around it in two regions.
// CHECK-LABEL: func.func @blas_splits(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x3xf32>, %[[W:[^:]+]]: tensor<3x4xf32>, %[[C:[^:]+]]: tensor<2x4xf32>)
// CHECK-NEXT: %[[F0:.+]] = thunder_exec.fusion "thunder_cpu"(%[[A]]) : (tensor<2x3xf32>) -> tensor<2x3xf32> {
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<2x3xf32>):
// CHECK-NEXT: %[[N:.+]] = thunder_prims.neg %[[X]] : tensor<2x3xf32>
// CHECK-NEXT: thunder_exec.yield %[[N]] : tensor<2x3xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %[[M:.+]] = thunder_exec.call "blas", "matmul"(%[[F0]], %[[W]]) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[F1:.+]] = thunder_exec.fusion "thunder_cpu"(%[[M]], %[[C]]) : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32> {
// CHECK-NEXT: ^bb0(%[[P:[^:]+]]: tensor<2x4xf32>, %[[Q:[^:]+]]: tensor<2x4xf32>):
// CHECK-NEXT: %[[S:.+]] = thunder_prims.add %[[P]], %[[Q]] : tensor<2x4xf32>
// CHECK-NEXT: thunder_exec.yield %[[S]] : tensor<2x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[F1]] : tensor<2x4xf32>
func.func @blas_splits(%a: tensor<2x3xf32>, %w: tensor<3x4xf32>, %c: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = thunder_prims.neg %a : tensor<2x3xf32>
  %1 = thunder_prims.matmul %0, %w : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  %2 = thunder_prims.add %1, %c : tensor<2x4xf32>
  return %2 : tensor<2x4xf32>
}

// -----

// A linear layer's weight transposed for the product: the GEMM reads it
// transposed (`args = {transpose_rhs}`) and no kernel copies it. %vt, which
// the add uses too, is computed as before; the transpose of it that only the
// second product reads is folded (`transpose_lhs`).
// CHECK-LABEL: func.func @blas_reads_transposed(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xf32>, %[[W:[^:]+]]: tensor<4x3xf32>, %[[V:[^:]+]]: tensor<3x2xf32>)
// CHECK-NEXT: %[[M:.+]] = thunder_exec.call "blas", "matmul"(%[[X]], %[[W]]) {args = {transpose_rhs}} : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[T:.+]] = thunder_exec.fusion "thunder_cpu"(%[[V]]) : (tensor<3x2xf32>) -> tensor<2x3xf32> {
// CHECK: thunder_prims.transpose
// CHECK: %[[N:.+]] = thunder_exec.call "blas", "matmul"(%[[T]], %[[M]]) {args = {transpose_lhs}} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: thunder_exec.fusion "thunder_cpu"(%[[T]])
// CHECK-NOT: thunder_prims.transpose
func.func @blas_reads_transposed(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>, %v: tensor<3x2xf32>) -> (tensor<3x4xf32>, tensor<2x3xf32>) {
  %wt = thunder_prims.transpose %w, permutation = [1, 0] : tensor<4x3xf32> -> tensor<3x4xf32>
  %0 = thunder_prims.matmul %x, %wt : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  %vt = thunder_prims.transpose %v, permutation = [1, 0] : tensor<3x2xf32> -> tensor<2x3xf32>
  %tt = thunder_prims.transpose %vt, permutation = [1, 0] : tensor<2x3xf32> -> tensor<3x2xf32>
  %1 = thunder_prims.matmul %tt, %0 : tensor<3x2xf32>, tensor<2x4xf32> -> tensor<3x4xf32>
  %2 = thunder_prims.add %vt, %vt : tensor<2x3xf32>
  return %1, %2 : tensor<3x4xf32>, tensor<2x3xf32>
}

// -----

// Batched f64 matmuls go to blas too; two in a row need no region between.
// CHECK-LABEL: func.func @blas_f64_batched(
// CHECK-SAME: %[[A:[^:]+]]: tensor<3x2x4xf64>, %[[B:[^:]+]]: tensor<3x4x5xf64>, %[[C:[^:]+]]: tensor<3x5x2xf64>)
// CHECK-NEXT: %[[M0:.+]] = thunder_exec.call "blas", "matmul"(%[[A]], %[[B]]) : (tensor<3x2x4xf64>, tensor<3x4x5xf64>) -> tensor<3x2x5xf64>
// CHECK-NEXT: %[[M1:.+]] = thunder_exec.call "blas", "matmul"(%[[M0]], %[[C]]) : (tensor<3x2x5xf64>, tensor<3x5x2xf64>) -> tensor<3x2x2xf64>
// CHECK-NEXT: return %[[M1]] : tensor<3x2x2xf64>
func.func @blas_f64_batched(%a: tensor<3x2x4xf64>, %b: tensor<3x4x5xf64>, %c: tensor<3x5x2xf64>) -> tensor<3x2x2xf64> {
  %0 = thunder_prims.matmul %a, %b : tensor<3x2x4xf64>, tensor<3x4x5xf64> -> tensor<3x2x5xf64>
  %1 = thunder_prims.matmul %0, %c : tensor<3x2x5xf64>, tensor<3x5x2xf64> -> tensor<3x2x2xf64>
  return %1 : tensor<3x2x2xf64>
}

// -----

// blas has no integer or half GEMM: the integer matmul stays in the region,
// the bf16 one goes to torch's GEMM (torch is listed by default).
// CHECK-LABEL: func.func @matmul_not_for_blas(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x3xi64>, %[[B:[^:]+]]: tensor<3x2xi64>, %[[C:[^:]+]]: tensor<2x3xbf16>, %[[D:[^:]+]]: tensor<3x2xbf16>)
// CHECK-NEXT: %[[F:.+]] = thunder_exec.fusion "thunder_cpu"(%[[A]], %[[B]]) : (tensor<2x3xi64>, tensor<3x2xi64>) -> tensor<2x2xi64> {
// CHECK: thunder_prims.matmul %{{.+}}, %{{.+}} : tensor<2x3xi64>, tensor<3x2xi64> -> tensor<2x2xi64>
// CHECK: %[[T:.+]] = thunder_exec.call "torch", "thunder_prims.matmul"(%[[C]], %[[D]]) : (tensor<2x3xbf16>, tensor<3x2xbf16>) -> tensor<2x2xbf16>
// CHECK: return %[[F]], %[[T]]
func.func @matmul_not_for_blas(%a: tensor<2x3xi64>, %b: tensor<3x2xi64>, %c: tensor<2x3xbf16>, %d: tensor<3x2xbf16>) -> (tensor<2x2xi64>, tensor<2x2xbf16>) {
  %0 = thunder_prims.matmul %a, %b : tensor<2x3xi64>, tensor<3x2xi64> -> tensor<2x2xi64>
  %1 = thunder_prims.matmul %c, %d : tensor<2x3xbf16>, tensor<3x2xbf16> -> tensor<2x2xbf16>
  return %0, %1 : tensor<2x2xi64>, tensor<2x2xbf16>
}

// -----

// Without torch listed, thunder_cpu generates the bf16 matmul.
module attributes {thunder.executors = ["blas", "thunder_cpu"]} {
// CHECK-LABEL: func.func @half_matmul_without_torch(
// CHECK-NEXT: thunder_exec.fusion "thunder_cpu"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: thunder_prims.matmul
// CHECK-NOT: thunder_exec.call
func.func @half_matmul_without_torch(%c: tensor<2x3xbf16>, %d: tensor<3x2xbf16>) -> tensor<2x2xbf16> {
  %0 = thunder_prims.matmul %c, %d : tensor<2x3xbf16>, tensor<3x2xbf16> -> tensor<2x2xbf16>
  return %0 : tensor<2x2xbf16>
}
}

// -----

// With thunder_cpu before blas, the f32 matmul is generated with the rest:
// one region.
module attributes {thunder.executors = ["thunder_cpu", "torch"]} {
// CHECK-LABEL: func.func @cpu_first(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x3xf32>, %[[W:[^:]+]]: tensor<3x4xf32>, %[[C:[^:]+]]: tensor<2x4xf32>)
// CHECK-NEXT: %[[F:.+]] = thunder_exec.fusion "thunder_cpu"(%[[A]], %[[W]], %[[C]]) : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32> {
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<2x3xf32>, %[[Y:[^:]+]]: tensor<3x4xf32>, %[[Z:[^:]+]]: tensor<2x4xf32>):
// CHECK-NEXT: %[[N:.+]] = thunder_prims.neg %[[X]] : tensor<2x3xf32>
// CHECK-NEXT: %[[M:.+]] = thunder_prims.matmul %[[N]], %[[Y]] : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
// CHECK-NEXT: %[[S:.+]] = thunder_prims.add %[[M]], %[[Z]] : tensor<2x4xf32>
// CHECK-NEXT: thunder_exec.yield %[[S]] : tensor<2x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[F]] : tensor<2x4xf32>
func.func @cpu_first(%a: tensor<2x3xf32>, %w: tensor<3x4xf32>, %c: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = thunder_prims.neg %a : tensor<2x3xf32>
  %1 = thunder_prims.matmul %0, %w : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  %2 = thunder_prims.add %1, %c : tensor<2x4xf32>
  return %2 : tensor<2x4xf32>
}
}

// -----

// Only the order among the executors that can run an op counts: with blas
// after thunder_cpu, thunder_cpu wins the f32 matmul.
module attributes {thunder.executors = ["torch", "thunder_cpu", "blas"]} {
// CHECK-LABEL: func.func @blas_last(
// CHECK-NEXT: thunder_exec.fusion "thunder_cpu"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: thunder_prims.matmul
// CHECK-NEXT: thunder_exec.yield
// CHECK-NOT: thunder_exec.call
func.func @blas_last(%a: tensor<2x3xf32>, %w: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = thunder_prims.matmul %a, %w : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
}

// -----

// blas alone (plus torch) still takes the matmuls; a function of nothing but
// matmuls needs no thunder_cpu.
module attributes {thunder.executors = ["blas", "torch"]} {
// CHECK-LABEL: func.func @blas_only(
// CHECK-NEXT: %[[M:.+]] = thunder_exec.call "blas", "matmul"(%{{.+}}, %{{.+}}) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[T:.+]] = thunder_exec.call "torch", "aten::relu"(%[[M]]) : (tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: return %[[T]] : tensor<2x4xf32>
func.func @blas_only(%a: tensor<2x3xf32>, %w: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = thunder_prims.matmul %a, %w : tensor<2x3xf32>, tensor<3x4xf32> -> tensor<2x4xf32>
  %1 = thunder_torch.opaque "aten::relu"(%0) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}
}

// -----

// An opaque becomes a torch call that keeps its callee and `args`, and splits
// the prims around it.
// CHECK-LABEL: func.func @opaque_to_torch(
// CHECK-SAME: %[[X:[^:]+]]: tensor<1x3x8x8xf32>, %[[W:[^:]+]]: tensor<4x3x3x3xf32>)
// CHECK-NEXT: %[[F0:.+]] = thunder_exec.fusion "thunder_cpu"(%[[X]]) : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32> {
// CHECK: thunder_prims.neg
// CHECK: }
// CHECK-NEXT: %[[CONV:.+]] = thunder_exec.call "torch", "aten::convolution"(%[[F0]], %[[W]]) {args = {groups = 1 : i64, index = 3 : i64, stride = [1, 1]}} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
// CHECK-NEXT: %[[SPLIT:.+]]:2 = thunder_exec.call "torch", "aten::split"(%[[CONV]]) {args = {dim = 2 : i64, split_size = 3 : i64}} : (tensor<1x4x6x6xf32>) -> (tensor<1x4x3x6xf32>, tensor<1x4x3x6xf32>)
// CHECK-NEXT: %[[F1:.+]] = thunder_exec.fusion "thunder_cpu"(%[[SPLIT]]#0, %[[SPLIT]]#1) : (tensor<1x4x3x6xf32>, tensor<1x4x3x6xf32>) -> tensor<1x4x3x6xf32> {
// CHECK: thunder_prims.add
// CHECK: }
// CHECK-NEXT: return %[[F1]] : tensor<1x4x3x6xf32>
func.func @opaque_to_torch(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x3x6xf32> {
  %0 = thunder_prims.neg %x : tensor<1x3x8x8xf32>
  %1 = thunder_torch.opaque "aten::convolution"(%0, %w) {args = {stride = [1, 1], groups = 1 : i64, index = 3 : i64}} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  %2:2 = thunder_torch.opaque "aten::split"(%1) {args = {dim = 2 : i64, split_size = 3 : i64}} : (tensor<1x4x6x6xf32>) -> (tensor<1x4x3x6xf32>, tensor<1x4x3x6xf32>)
  %3 = thunder_prims.add %2#0, %2#1 : tensor<1x4x3x6xf32>
  return %3 : tensor<1x4x3x6xf32>
}

// -----

// An opaque without args gives a call without args.
// CHECK-LABEL: func.func @opaque_no_args(
// CHECK-NEXT: %[[C:.+]] = thunder_exec.call "torch", "aten::flip"(%{{.+}}) : (tensor<4xui8>) -> tensor<4xui8>
// CHECK-NEXT: return %[[C]]
func.func @opaque_no_args(%x: tensor<4xui8>) -> tensor<4xui8> {
  %0 = thunder_torch.opaque "aten::flip"(%x) : (tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// Scalar constants do not break a run and are cloned into every region that
// reads them (regions are isolated from above); the originals stay for
// canonicalize to drop.
// CHECK-LABEL: func.func @constants_cloned(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4xf32>, %[[W:[^:]+]]: tensor<4x4xf32>)
// CHECK-NEXT: %[[C:.+]] = arith.constant 2.000000e+00 : f64
// CHECK-NEXT: %[[F0:.+]] = thunder_exec.fusion "thunder_cpu"(%[[A]]) : (tensor<4xf32>) -> tensor<1x4xf32> {
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<4xf32>):
// CHECK-NEXT: %[[C0:.+]] = arith.constant 2.000000e+00 : f64
// CHECK-NEXT: %[[S0:.+]] = thunder_prims.from_scalar %[[C0]] : f64 to tensor<f32>
// CHECK-NEXT: %[[B0:.+]] = thunder_prims.broadcast_in_dim %[[S0]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[M0:.+]] = thunder_prims.mul %[[X]], %[[B0]] : tensor<4xf32>
// CHECK-NEXT: %[[R0:.+]] = thunder_prims.reshape %[[M0]] : tensor<4xf32> -> tensor<1x4xf32>
// CHECK-NEXT: thunder_exec.yield %[[R0]] : tensor<1x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %[[MM:.+]] = thunder_exec.call "blas", "matmul"(%[[F0]], %[[W]])
// CHECK-NEXT: %[[F1:.+]] = thunder_exec.fusion "thunder_cpu"(%[[MM]]) : (tensor<1x4xf32>) -> tensor<1x4xf32> {
// CHECK-NEXT: ^bb0(%[[Y:[^:]+]]: tensor<1x4xf32>):
// CHECK-NEXT: %[[C1:.+]] = arith.constant 2.000000e+00 : f64
// CHECK-NEXT: %[[S1:.+]] = thunder_prims.from_scalar %[[C1]] : f64 to tensor<f32>
// CHECK-NEXT: %[[B1:.+]] = thunder_prims.broadcast_in_dim %[[S1]], dims = [] : tensor<f32> -> tensor<1x4xf32>
// CHECK-NEXT: %[[M1:.+]] = thunder_prims.add %[[Y]], %[[B1]] : tensor<1x4xf32>
// CHECK-NEXT: thunder_exec.yield %[[M1]] : tensor<1x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[F1]] : tensor<1x4xf32>
func.func @constants_cloned(%a: tensor<4xf32>, %w: tensor<4x4xf32>) -> tensor<1x4xf32> {
  %c = arith.constant 2.0 : f64
  %0 = thunder_prims.from_scalar %c : f64 to tensor<f32>
  %1 = thunder_prims.broadcast_in_dim %0, dims = [] : tensor<f32> -> tensor<4xf32>
  %2 = thunder_prims.mul %a, %1 : tensor<4xf32>
  %3 = thunder_prims.reshape %2 : tensor<4xf32> -> tensor<1x4xf32>
  %4 = thunder_prims.matmul %3, %w : tensor<1x4xf32>, tensor<4x4xf32> -> tensor<1x4xf32>
  %5 = thunder_prims.from_scalar %c : f64 to tensor<f32>
  %6 = thunder_prims.broadcast_in_dim %5, dims = [] : tensor<f32> -> tensor<1x4xf32>
  %7 = thunder_prims.add %4, %6 : tensor<1x4xf32>
  return %7 : tensor<1x4xf32>
}

// -----

// A constant between prims of one run does not split it; a constant is cloned
// once per region however often it is read; tensor constants are cloned too.
// CHECK-LABEL: func.func @constant_inside_run(
// CHECK-NEXT: %[[F:.+]] = thunder_exec.fusion "thunder_cpu"(%{{[^)]+}}) : (tensor<4xf32>) -> tensor<4xf32> {
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<4xf32>):
// CHECK-NEXT: %[[C:.+]] = arith.constant 1.000000e+00 : f64
// CHECK-NEXT: %[[T:.+]] = arith.constant dense<3.000000e+00> : tensor<4xf32>
// CHECK-NEXT: %[[N:.+]] = thunder_prims.neg %[[X]] : tensor<4xf32>
// CHECK-NEXT: %[[S:.+]] = thunder_prims.from_scalar %[[C]] : f64 to tensor<f32>
// CHECK-NEXT: %[[U:.+]] = thunder_prims.from_scalar %[[C]] : f64 to tensor<f32>
// CHECK-NEXT: %[[V:.+]] = thunder_prims.add %[[S]], %[[U]] : tensor<f32>
// CHECK-NEXT: %[[B:.+]] = thunder_prims.broadcast_in_dim %[[V]], dims = [] : tensor<f32> -> tensor<4xf32>
// CHECK-NEXT: %[[M:.+]] = thunder_prims.mul %[[N]], %[[B]] : tensor<4xf32>
// CHECK-NEXT: %[[R:.+]] = thunder_prims.add %[[M]], %[[T]] : tensor<4xf32>
// CHECK-NEXT: thunder_exec.yield %[[R]] : tensor<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: arith.constant 1.000000e+00 : f64
// CHECK-NEXT: arith.constant dense<3.000000e+00> : tensor<4xf32>
// CHECK-NEXT: return %[[F]]
func.func @constant_inside_run(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.neg %a : tensor<4xf32>
  %c = arith.constant 1.0 : f64
  %t = arith.constant dense<3.0> : tensor<4xf32>
  %1 = thunder_prims.from_scalar %c : f64 to tensor<f32>
  %2 = thunder_prims.from_scalar %c : f64 to tensor<f32>
  %3 = thunder_prims.add %1, %2 : tensor<f32>
  %4 = thunder_prims.broadcast_in_dim %3, dims = [] : tensor<f32> -> tensor<4xf32>
  %5 = thunder_prims.mul %0, %4 : tensor<4xf32>
  %6 = thunder_prims.add %5, %t : tensor<4xf32>
  return %6 : tensor<4xf32>
}

// -----

// A value of one region read by several later regions (and by the call
// between them) is one result of the first region, read everywhere.
// CHECK-LABEL: func.func @shared_by_regions(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x2xf32>)
// CHECK-NEXT: %[[F0:.+]] = thunder_exec.fusion "thunder_cpu"(%[[A]]) : (tensor<2x2xf32>) -> tensor<2x2xf32> {
// CHECK-NEXT: ^bb0(%{{[^:]+}}: tensor<2x2xf32>):
// CHECK-NEXT: thunder_prims.exp
// CHECK-NEXT: thunder_exec.yield
// CHECK-NEXT: }
// CHECK-NEXT: %[[M0:.+]] = thunder_exec.call "blas", "matmul"(%[[F0]], %[[F0]])
// CHECK-NEXT: %[[F1:.+]] = thunder_exec.fusion "thunder_cpu"(%[[M0]], %[[F0]]) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32> {
// CHECK-NEXT: ^bb0(%[[P:[^:]+]]: tensor<2x2xf32>, %[[Q:[^:]+]]: tensor<2x2xf32>):
// CHECK-NEXT: thunder_prims.add %[[P]], %[[Q]]
// CHECK-NEXT: thunder_exec.yield
// CHECK-NEXT: }
// CHECK-NEXT: %[[M1:.+]] = thunder_exec.call "blas", "matmul"(%[[F1]], %[[F0]])
// CHECK-NEXT: %[[F2:.+]] = thunder_exec.fusion "thunder_cpu"(%[[F0]], %[[M1]]) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32> {
// CHECK-NEXT: ^bb0(%[[R:[^:]+]]: tensor<2x2xf32>, %[[S:[^:]+]]: tensor<2x2xf32>):
// CHECK-NEXT: thunder_prims.sub %[[R]], %[[S]]
// CHECK-NEXT: thunder_exec.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %[[F2]]
func.func @shared_by_regions(%a: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %e = thunder_prims.exp %a : tensor<2x2xf32>
  %0 = thunder_prims.matmul %e, %e : tensor<2x2xf32>, tensor<2x2xf32> -> tensor<2x2xf32>
  %1 = thunder_prims.add %0, %e : tensor<2x2xf32>
  %2 = thunder_prims.matmul %1, %e : tensor<2x2xf32>, tensor<2x2xf32> -> tensor<2x2xf32>
  %3 = thunder_prims.sub %e, %2 : tensor<2x2xf32>
  return %3 : tensor<2x2xf32>
}

// -----

// A region result that is also returned, and also read further inside the
// region: inside, the region keeps reading its own value; outside, the
// return and the call read the region's result.
// CHECK-LABEL: func.func @output_also_returned(
// CHECK-SAME: %[[A:[^:]+]]: tensor<2x2xf32>, %[[W:[^:]+]]: tensor<2x2xf32>)
// CHECK-NEXT: %[[F:.+]]:2 = thunder_exec.fusion "thunder_cpu"(%[[A]]) : (tensor<2x2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>) {
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<2x2xf32>):
// CHECK-NEXT: %[[E:.+]] = thunder_prims.exp %[[X]] : tensor<2x2xf32>
// CHECK-NEXT: %[[T:.+]] = thunder_prims.tanh %[[E]] : tensor<2x2xf32>
// CHECK-NEXT: thunder_exec.yield %[[E]], %[[T]] : tensor<2x2xf32>, tensor<2x2xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %[[M:.+]] = thunder_exec.call "blas", "matmul"(%[[F]]#1, %[[W]])
// CHECK-NEXT: return %[[M]], %[[F]]#0, %[[F]]#0 : tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>
func.func @output_also_returned(%a: tensor<2x2xf32>, %w: tensor<2x2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) {
  %e = thunder_prims.exp %a : tensor<2x2xf32>
  %t = thunder_prims.tanh %e : tensor<2x2xf32>
  %m = thunder_prims.matmul %t, %w : tensor<2x2xf32>, tensor<2x2xf32> -> tensor<2x2xf32>
  return %m, %e, %e : tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>
}

// -----

// Multi-result prims yield each result read outside; a dead result is not
// yielded.
// CHECK-LABEL: func.func @multi_result(
// CHECK-NEXT: %[[F:.+]]:2 = thunder_exec.fusion "thunder_cpu"(%{{[^)]+}}) : (tensor<4x8xf16>) -> (tensor<4xf16>, tensor<4xf16>) {
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<4x8xf16>):
// CHECK-NEXT: %[[VAR:[^ ,]+]], %[[MEAN:[^ ]+]] = thunder_prims.var_mean %[[X]], dims = [1] {correction = 1.000000e+00 : f64} : tensor<4x8xf16> -> tensor<4xf16>, tensor<4xf16>
// CHECK-NEXT: %[[S:.+]] = thunder_prims.sqrt %[[VAR]] : tensor<4xf16>
// CHECK-NEXT: %[[D:.+]] = thunder_prims.neg %[[X]] : tensor<4x8xf16>
// CHECK-NEXT: thunder_exec.yield %[[MEAN]], %[[S]] : tensor<4xf16>, tensor<4xf16>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[F]]#1, %[[F]]#0
func.func @multi_result(%a: tensor<4x8xf16>) -> (tensor<4xf16>, tensor<4xf16>) {
  %v:2 = thunder_prims.var_mean %a, dims = [1] {correction = 1.0 : f64} : tensor<4x8xf16> -> tensor<4xf16>, tensor<4xf16>
  %s = thunder_prims.sqrt %v#0 : tensor<4xf16>
  %dead = thunder_prims.neg %a : tensor<4x8xf16>
  return %s, %v#1 : tensor<4xf16>, tensor<4xf16>
}

// -----

// Only dead prims: a region with no results.
// CHECK-LABEL: func.func @all_dead(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4xi32>)
// CHECK-NEXT: thunder_exec.fusion "thunder_cpu"(%[[A]]) : (tensor<4xi32>) -> () {
// CHECK-NEXT: ^bb0(%{{[^:]+}}: tensor<4xi32>):
// CHECK-NEXT: thunder_prims.abs
// CHECK-NEXT: }
// CHECK-NEXT: return %[[A]]
func.func @all_dead(%a: tensor<4xi32>) -> tensor<4xi32> {
  %0 = thunder_prims.abs %a : tensor<4xi32>
  return %a : tensor<4xi32>
}

// -----

// Nothing to claim: functions with no prims are left alone, exec-level ops
// are kept and end runs, and kernels (functions an executor already claimed)
// are not fused again.
// CHECK-LABEL: func.func @nothing(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4xf32>)
// CHECK-NEXT: return %[[A]]
func.func @nothing(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}
// CHECK-LABEL: func.func private @declaration(tensor<4xf32>) -> tensor<4xf32>
func.func private @declaration(tensor<4xf32>) -> tensor<4xf32>
// CHECK-LABEL: func.func @exec_ops_kept(
// CHECK-NEXT: %[[F0:.+]] = thunder_exec.fusion "thunder_cpu"
// CHECK: thunder_prims.neg
// CHECK: %[[K:.+]] = thunder_exec.call "torch", "aten::sort"(%[[F0]]) : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[F1:.+]] = thunder_exec.fusion "thunder_cpu"(%[[K]])
// CHECK: thunder_prims.exp
// CHECK: return %[[F1]]
func.func @exec_ops_kept(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = thunder_prims.neg %a : tensor<4xf32>
  %1 = thunder_exec.call "torch", "aten::sort"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = thunder_prims.exp %1 : tensor<4xf32>
  return %2 : tensor<4xf32>
}
// CHECK-LABEL: func.func @kernel(
// CHECK-SAME: attributes {thunder.executor = "thunder_cpu"}
// CHECK-NEXT: thunder_prims.neg
// CHECK-NEXT: return
func.func @kernel(%a: tensor<4xf32>) -> tensor<4xf32> attributes {thunder.executor = "thunder_cpu"} {
  %0 = thunder_prims.neg %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Existing fusion regions are exec level already: running the pass twice
// changes nothing.
// CHECK-LABEL: func.func @idempotent(
// CHECK-NEXT: %[[F:.+]] = thunder_exec.fusion "thunder_cpu"(%{{[^)]+}}) : (tensor<4xf32>) -> tensor<4xf32> {
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: tensor<4xf32>):
// CHECK-NEXT: thunder_prims.neg %[[X]]
// CHECK-NEXT: thunder_exec.yield
// CHECK-NEXT: }
// CHECK-NEXT: return %[[F]]
func.func @idempotent(%a: tensor<4xf32>) -> tensor<4xf32> {
  %r = thunder_exec.fusion "thunder_cpu" (%a) : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>):
    %s = thunder_prims.neg %x : tensor<4xf32>
    thunder_exec.yield %s : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

// A cheap value computed before a GEMM and read after it is recomputed in the
// later region from what it reads (the argument), not written out and read
// back; `t`, which the GEMM reads, is in memory anyway and is read as it is.
// CHECK-LABEL: func.func @recompute_after_gemm(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4x4xf32>, %[[W:[^:]+]]: tensor<4x4xf32>)
// CHECK-NEXT: %[[F0:.+]] = thunder_exec.fusion "thunder_cpu"(%[[X]]) : (tensor<4x4xf32>) -> tensor<4x4xf32> {
// CHECK: thunder_exec.yield
// CHECK-NEXT: }
// CHECK-NEXT: %[[M:.+]] = thunder_exec.call "blas", "matmul"(%[[F0]], %[[W]])
// CHECK-NEXT: %[[F1:.+]] = thunder_exec.fusion "thunder_cpu"(%[[X]], %[[M]], %[[F0]]) : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32> {
// CHECK-NEXT: ^bb0(%[[XI:[^:]+]]: tensor<4x4xf32>, %[[MI:[^:]+]]: tensor<4x4xf32>, %[[TI:[^:]+]]: tensor<4x4xf32>):
// CHECK-NEXT: %[[E:.+]] = thunder_prims.exp %[[XI]] : tensor<4x4xf32>
// CHECK-NEXT: %[[S:.+]] = thunder_prims.mul %[[MI]], %[[E]] : tensor<4x4xf32>
// CHECK-NEXT: %[[R:.+]] = thunder_prims.add %[[S]], %[[TI]] : tensor<4x4xf32>
// CHECK-NEXT: thunder_exec.yield %[[R]] : tensor<4x4xf32>
func.func @recompute_after_gemm(%x: tensor<4x4xf32>, %w: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %e = thunder_prims.exp %x : tensor<4x4xf32>
  %t = thunder_prims.tanh %x : tensor<4x4xf32>
  %m = thunder_prims.matmul %t, %w : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xf32>
  %s = thunder_prims.mul %m, %e : tensor<4x4xf32>
  %r = thunder_prims.add %s, %t : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}

// -----

// Not when the chain reads a value only its own region has (the sum): that
// would be written out in its place. The product is read from memory.
// CHECK-LABEL: func.func @no_recompute_of_a_reduction(
// CHECK: %[[F0:.+]] = thunder_exec.fusion "thunder_cpu"
// CHECK: thunder_prims.sum
// CHECK: %[[M:.+]] = thunder_exec.call "blas", "matmul"
// CHECK: thunder_exec.fusion "thunder_cpu"(%[[M]], %[[F0]])
// CHECK-NOT: thunder_prims.sum
// CHECK: return
func.func @no_recompute_of_a_reduction(%x: tensor<4x4xf32>, %w: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %s = thunder_prims.sum %x, dims = [1] : tensor<4x4xf32> -> tensor<4xf32>
  %b = thunder_prims.broadcast_in_dim %s, dims = [0] : tensor<4xf32> -> tensor<4x4xf32>
  %p = thunder_prims.mul %x, %b : tensor<4x4xf32>
  %m = thunder_prims.matmul %x, %w : tensor<4x4xf32>, tensor<4x4xf32> -> tensor<4x4xf32>
  %r = thunder_prims.add %m, %p : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}

// -----

// torch's GEMM takes a half-precision operand as stored and reads it
// transposed, as blas does.
// CHECK-LABEL: func.func @half_matmul_transposed(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xbf16>, %[[W:[^:]+]]: tensor<4x3xbf16>)
// CHECK-NEXT: %[[P:.+]] = thunder_exec.call "torch", "thunder_prims.matmul_transposed_rhs"(%[[X]], %[[W]]) : (tensor<2x3xbf16>, tensor<4x3xbf16>) -> tensor<2x4xbf16>
// CHECK-NEXT: return %[[P]]
func.func @half_matmul_transposed(%x: tensor<2x3xbf16>, %w: tensor<4x3xbf16>) -> tensor<2x4xbf16> {
  %t = thunder_prims.transpose %w, permutation = [1, 0] : tensor<4x3xbf16> -> tensor<3x4xbf16>
  %0 = thunder_prims.matmul %x, %t : tensor<2x3xbf16>, tensor<3x4xbf16> -> tensor<2x4xbf16>
  return %0 : tensor<2x4xbf16>
}
