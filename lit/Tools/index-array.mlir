// RUN: not thunder-opt %s 2>&1 | FileCheck %s

// MLIR 22's parser segfaults on a dense array of `index`; thunder-opt refuses
// it first, at its location.
// CHECK: index-array.mlir:[[@LINE+1]]:32: error: dense arrays of 'index' are not supported (MLIR's parser crashes on them): use array<i64: ...>
func.func @f() attributes {a = array<index: 0>} {
  return
}
