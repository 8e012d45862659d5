//===- ExecOps.td - exec-level operations ---------------------------------===//
#ifndef THUNDER_EXEC_OPS_TD
#define THUNDER_EXEC_OPS_TD

include "thunder/Dialect/Exec/ExecDialect.td"
include "thunder/Dialect/Common/ThunderBase.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/IR/BuiltinAttributes.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/SymbolInterfaces.td"

class Exec_Op<string mnemonic, list<Trait> traits = []>
    : Op<Exec_Dialect, mnemonic, traits>;

def Exec_FusionOp : Exec_Op<"fusion", [IsolatedFromAbove,
    SingleBlockImplicitTerminator<"YieldOp">, RecursiveMemoryEffects]> {
  let summary = "a fusion region: everything inside becomes one kernel";
  let description = [{
    `executor` names the code-generating executor that claimed the region
    (for example `"thunder_cpu"`). The body's block arguments are the operands,
    in order; `thunder_exec.yield` gives the results. The body is isolated
    from above so a region can be compiled on its own.

    ```mlir
    %r = thunder_exec.fusion "thunder_cpu" (%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> {
    ^bb0(%x: tensor<4xf32>, %y: tensor<4xf32>):
      %s = thunder_prims.add %x, %y : tensor<4xf32>
      thunder_exec.yield %s : tensor<4xf32>
    }
    ```
  }];
  let arguments = (ins StrAttr:$executor, Variadic<AnyType>:$inputs);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$executor `(` $inputs `)` attr-dict `:` functional-type($inputs, $results) $body";
  let hasVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$executor, "::mlir::ValueRange":$inputs,
                                "::mlir::TypeRange":$resultTypes)>];
}

def Exec_YieldOp : Exec_Op<"yield", [Pure, Terminator, HasParent<"FusionOp">, ReturnLike]> {
  let summary = "the results of a fusion region";
  let arguments = (ins Variadic<AnyType>:$values);
  let builders = [OpBuilder<(ins), [{ build($_builder, $_state, ::mlir::ValueRange()); }]>];
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

def Exec_CallOp : Exec_Op<"call"> {
  let summary = "a call into a library executor";
  let description = [{
    `executor` names who runs it (`"blas"`, `"torch"`, ...); `target` names the
    operation (`"matmul"`, `"aten::convolution"`). Non-tensor arguments are in
    `args`. Not pure: library calls may have effects the compiler cannot see.
  }];
  let arguments = (ins StrAttr:$executor, StrAttr:$target, Variadic<AnyType>:$inputs,
                       OptionalAttr<DictionaryAttr>:$args);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$executor `,` $target `(` $inputs `)` attr-dict `:` functional-type($inputs, $results)";
}

def Exec_LaunchOp : Exec_Op<"launch", [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "run a generated kernel (an outlined fusion region)";
  let description = [{
    `kernel` names a `func.func` in the same module holding the body of a
    fusion region that `executor` generated code for. Operands and results
    match the kernel's signature; a kernel tagged `thunder.executor` (as
    `thunder-exec-outline-fusions` tags them) is launched by that executor.

    ```mlir
    %r = thunder_exec.launch "thunder_cpu" @f_fusion_0(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins StrAttr:$executor, FlatSymbolRefAttr:$kernel, Variadic<AnyType>:$inputs);
  let results = (outs Variadic<AnyType>:$results);
  let assemblyFormat = "$executor $kernel `(` $inputs `)` attr-dict `:` functional-type($inputs, $results)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Collectives. `group` names the torch.distributed process group and
// `world_size` its size, which the shape rules need.
//===----------------------------------------------------------------------===//

def Exec_ReduceKind : I32EnumAttr<"ReduceKind", "collective reduction",
    [I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"avg", 1>, I32EnumAttrCase<"max", 2>,
     I32EnumAttrCase<"min", 3>, I32EnumAttrCase<"prod", 4>]> {
  let cppNamespace = "::thunder::exec";
}

class Exec_CollectiveOp<string mnemonic> : Exec_Op<mnemonic> {
  let assemblyFormat = "$x attr-dict `:` type($x) `->` type($result)";
  let results = (outs Thunder_Tensor:$result);
  let hasVerifier = 1;
}

def Exec_AllReduceOp : Exec_CollectiveOp<"all_reduce"> {
  let summary = "reduce across the group; every rank gets the result";
  let arguments = (ins Thunder_Tensor:$x, Exec_ReduceKind:$kind, StrAttr:$group,
                       ConfinedAttr<I64Attr, [IntPositive]>:$world_size);
}
def Exec_AllGatherOp : Exec_CollectiveOp<"all_gather"> {
  let summary = "concatenate every rank's tensor along dim 0";
  let arguments = (ins Thunder_Tensor:$x, StrAttr:$group,
                       ConfinedAttr<I64Attr, [IntPositive]>:$world_size);
}
def Exec_ReduceScatterOp : Exec_CollectiveOp<"reduce_scatter"> {
  let summary = "reduce across the group, each rank keeps its slice of dim 0";
  let arguments = (ins Thunder_Tensor:$x, Exec_ReduceKind:$kind, StrAttr:$group,
                       ConfinedAttr<I64Attr, [IntPositive]>:$world_size);
}
def Exec_BroadcastOp : Exec_CollectiveOp<"broadcast"> {
  let summary = "every rank gets rank `root`'s tensor";
  let arguments = (ins Thunder_Tensor:$x, I64Attr:$root, StrAttr:$group,
                       ConfinedAttr<I64Attr, [IntPositive]>:$world_size);
}

//===----------------------------------------------------------------------===//
// Forward/backward hand-off and buffer lifetimes.
//===----------------------------------------------------------------------===//

def Exec_SaveForBackwardOp : Exec_Op<"save_for_backward"> {
  let summary = "the forward's values that the backward reads";
  let description = [{
    Lists, once per forward plan, the values kept alive for the backward, in
    the order the backward's `thunder_exec.saved` ops index them.
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

def Exec_SavedOp : Exec_Op<"saved", [Pure]> {
  let summary = "value number `index` saved by the forward";
  let arguments = (ins ConfinedAttr<I64Attr, [IntNonNegative]>:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$index attr-dict `:` type($result)";
}

def Exec_ReleaseOp : Exec_Op<"release"> {
  let summary = "the buffers of these values die here; the runtime may free them";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "$values attr-dict `:` type($values)";
  let hasVerifier = 1;
}

#endif // THUNDER_EXEC_OPS_TD
