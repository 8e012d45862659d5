//===- PrimsDialect.td - the prims trace level ----------------------------===//
#ifndef THUNDER_PRIMS_DIALECT_TD
#define THUNDER_PRIMS_DIALECT_TD

include "mlir/IR/OpBase.td"

def Prims_Dialect : Dialect {
  let name = "thunder_prims";
  let cppNamespace = "::thunder::prims";
  let summary = "A small op-set every transform understands.";
  let description = [{
    In the spirit of Thunder's prims and jax.lax: each op has one meaning and
    nothing is implicit. Elementwise ops take operands of identical shape and
    dtype; `broadcast_in_dim` and `convert_element_type` make broadcasting and
    promotion explicit. Reductions name their dimensions and drop them.
    Accumulation dtypes are explicit. Random numbers take an explicit seed and
    offset, so the same pair always draws the same numbers.
  }];
}

#endif // THUNDER_PRIMS_DIALECT_TD
