//===- ExecDialect.td - the exec trace level ------------------------------===//
#ifndef THUNDER_EXEC_DIALECT_TD
#define THUNDER_EXEC_DIALECT_TD

include "mlir/IR/OpBase.td"

def Exec_Dialect : Dialect {
  let name = "thunder_exec";
  let cppNamespace = "::thunder::exec";
  let summary = "Who runs what, and when: the plan the runtime executes.";
  let description = [{
    A function at this level is the execution plan, in program order: fusion
    regions claimed by a code-generating executor (each becomes one kernel),
    calls into library executors (BLAS, attention, the torch fallback),
    collectives for ddp/fsdp, the values the backward needs from the forward,
    and the points where buffers die.
  }];
}

#endif // THUNDER_EXEC_DIALECT_TD
