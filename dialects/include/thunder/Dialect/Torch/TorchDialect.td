//===- TorchDialect.td - the torch trace level ----------------------------===//
#ifndef THUNDER_TORCH_DIALECT_TD
#define THUNDER_TORCH_DIALECT_TD

include "mlir/IR/OpBase.td"

def Torch_Dialect : Dialect {
  let name = "thunder_torch";
  let cppNamespace = "::thunder::torch";
  let summary = "What the user wrote: one op per captured torch operation.";
  let description = [{
    The torch level keeps PyTorch's semantics: operands broadcast implicitly,
    dtypes promote with `torch.result_type`'s rules, Python numbers are `f64`
    (float), `i64` (int) or `i1` (bool) values, and keyword options are
    attributes. Every result type is inferred from the operands and options
    with PyTorch's rules and checked by the verifier. Tensors are builtin
    ranked tensors with static shapes. `thunder_torch.opaque` keeps any torch
    call the compiler has no rule for, typed, so an executor can still run it.
  }];
}

#endif // THUNDER_TORCH_DIALECT_TD
