//! What the functional transforms share: a function says which transforms
//! to apply to it, in order, in its `thunder.transforms` attribute, an array
//! of dictionaries such as
//!
//! ```mlir
//! func.func @f(...) attributes {thunder.transforms = [
//!     {kind = "grad", wrt = array<i64: 0>},
//!     {kind = "vmap", in_dims = array<i64: 0>, out_dims = array<i64: 0>, size = 8 : i64}]}
//! ```
//!
//! Each transform pass (`thunder-prims-grad` for `vjp` and `grad`,
//! `thunder-prims-jvp`, `thunder-prims-vmap`) applies the first entry when it
//! is its kind and removes it, so a pipeline of the passes in the same order
//! composes them (`vmap(grad(f))` is grad, then vmap). The attribute is data
//! of the program, so `thunder-opt` replays exactly what `thunder.jit` ran.
//! Also here: editing a function's signature as the transforms grow it.

use crate::ir::{self, Attr, Op, Type, Value};
use mlir_sys::*;

pub const ATTR: &str = "thunder.transforms";

/// Why a transform failed: a message about the function, or an error
/// already reported at the op it concerns.
pub enum Failure {
    Function(String),
    Reported,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Function(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure::Function(message.into())
    }
}

/// Reports `message` at `op` (located where the problem is).
pub fn at(op: Op, pass: &str, message: &str) -> Failure {
    ir::emit_error(op, &format!("{pass}: {message}"));
    Failure::Reported
}

/// Applies `apply` to every function whose first pending transform is one
/// of `kinds`, popping it on success; failures are reported, located.
pub fn apply_each(
    module: Op,
    pass: &str,
    kinds: &[&str],
    apply: impl Fn(Op, &str, Attr) -> Result<(), Failure>,
) -> Result<(), ()> {
    let mut ok = true;
    for func in ir::collect_ops(module, "func.func") {
        let Some((kind, spec)) = leading(func, kinds) else {
            continue;
        };
        match apply(func, &kind, spec) {
            Ok(()) => pop(func),
            Err(Failure::Function(message)) => {
                ir::emit_error(func, &format!("{pass}: {message}"));
                ok = false;
            }
            Err(Failure::Reported) => ok = false,
        }
    }
    if ok { Ok(()) } else { Err(()) }
}

/// The first pending transform of `func`, if it is of one of `kinds`:
/// its kind and its dictionary.
pub fn leading(func: Op, kinds: &[&str]) -> Option<(String, Attr)> {
    let list = ir::get_attr(func, ATTR)?;
    if !unsafe { mlirAttributeIsAArray(list) } || unsafe { mlirArrayAttrGetNumElements(list) } == 0
    {
        return None;
    }
    let first = unsafe { mlirArrayAttrGetElement(list, 0) };
    let kind = entry(first, "kind").filter(|a| unsafe { mlirAttributeIsAString(*a) })?;
    let kind = ir::attr_string(kind);
    kinds.contains(&kind.as_str()).then_some((kind, first))
}

/// Removes the first pending transform of `func`.
pub fn pop(func: Op) {
    let Some(list) = ir::get_attr(func, ATTR) else {
        return;
    };
    let n = unsafe { mlirArrayAttrGetNumElements(list) };
    let rest: Vec<Attr> = (1..n)
        .map(|i| unsafe { mlirArrayAttrGetElement(list, i) })
        .collect();
    unsafe {
        if rest.is_empty() {
            mlirOperationRemoveAttributeByName(func, ir::sref(ATTR));
        } else {
            let ctx = ir::context_of(func);
            let a = mlirArrayAttrGet(ctx, rest.len() as isize, rest.as_ptr());
            mlirOperationSetAttributeByName(func, ir::sref(ATTR), a);
        }
    }
}

/// An entry of a dictionary attribute.
pub fn entry(dict: Attr, name: &str) -> Option<Attr> {
    if !unsafe { mlirAttributeIsADictionary(dict) } {
        return None;
    }
    let a = unsafe { mlirDictionaryAttrGetElementByName(dict, ir::sref(name)) };
    (!a.ptr.is_null()).then_some(a)
}

/// An `array<i64: ...>` entry of a transform, checked.
pub fn int_list(dict: Attr, name: &str) -> Result<Vec<i64>, String> {
    match entry(dict, name) {
        Some(a) if unsafe { mlirAttributeIsADenseI64Array(a) } => Ok(ir::attr_i64_array(a)),
        Some(a) => Err(format!(
            "'{name}' must be an array<i64: ...>, got {}",
            ir::attr_to_string(a)
        )),
        None => Err(format!("the transform has no '{name}'")),
    }
}

pub fn int(dict: Attr, name: &str) -> Result<i64, String> {
    match entry(dict, name) {
        Some(a) if unsafe { mlirAttributeIsAInteger(a) } => Ok(ir::attr_i64(a)),
        Some(a) => Err(format!(
            "'{name}' must be an integer, got {}",
            ir::attr_to_string(a)
        )),
        None => Err(format!("the transform has no '{name}'")),
    }
}

/// The function's body, when it has one block ending in `func.return`.
pub struct Body {
    pub block: MlirBlock,
    pub ops: Vec<Op>,
    pub ret: Op,
}

pub fn body(func: Op) -> Result<Body, String> {
    let region = unsafe { mlirOperationGetRegion(func, 0) };
    let block = unsafe { mlirRegionGetFirstBlock(region) };
    if block.ptr.is_null() {
        return Err("the function has no body".into());
    }
    if !unsafe { mlirBlockGetNextInRegion(block) }.ptr.is_null() {
        return Err("the function has more than one block".into());
    }
    let mut ops = ir::block_ops(block);
    let ret = ops.pop().filter(|r| ir::op_name(*r) == "func.return");
    let Some(ret) = ret else {
        return Err("the function does not end in func.return".into());
    };
    Ok(Body { block, ops, ret })
}

pub fn args(block: MlirBlock) -> Vec<Value> {
    let n = unsafe { mlirBlockGetNumArguments(block) } as usize;
    (0..n).map(|i| ir::block_arg(block, i)).collect()
}

/// Each argument's attribute dictionary (empty ones where it has none).
pub fn arg_attrs(func: Op, count: usize) -> Vec<Attr> {
    dictionaries(func, "arg_attrs", count)
}

pub fn result_attrs(func: Op, count: usize) -> Vec<Attr> {
    dictionaries(func, "res_attrs", count)
}

fn dictionaries(func: Op, name: &str, count: usize) -> Vec<Attr> {
    let ctx = ir::context_of(func);
    let empty = unsafe { mlirDictionaryAttrGet(ctx, 0, std::ptr::null()) };
    let mut out = vec![empty; count];
    if let Some(a) = ir::get_attr(func, name) {
        let n = unsafe { mlirArrayAttrGetNumElements(a) } as usize;
        for (i, slot) in out.iter_mut().enumerate().take(n) {
            *slot = unsafe { mlirArrayAttrGetElement(a, i as isize) };
        }
    }
    out
}

/// A dictionary of integer-array and integer entries.
pub fn dictionary(ctx: MlirContext, entries: &[(&str, Attr)]) -> Attr {
    let named: Vec<MlirNamedAttribute> = entries
        .iter()
        .map(|(n, a)| unsafe { mlirNamedAttributeGet(mlirIdentifierGet(ctx, ir::sref(n)), *a) })
        .collect();
    unsafe { mlirDictionaryAttrGet(ctx, named.len() as isize, named.as_ptr()) }
}

/// Gives `func` the signature of its entry block's arguments and of
/// `results`, the attributes `args`/`res` per argument and result, and
/// replaces its `func.return` by one of `results`.
pub fn set_signature(
    func: Op,
    body: &Body,
    results: &[Value],
    arg_attrs: &[Attr],
    res_attrs: &[Attr],
) {
    let ctx = ir::context_of(func);
    let inputs: Vec<Type> = args(body.block)
        .iter()
        .map(|a| ir::value_type(*a))
        .collect();
    let outputs: Vec<Type> = results.iter().map(|v| ir::value_type(*v)).collect();
    let b = ir::Builder::before(body.ret);
    b.create("func.return", results, &[], &[], vec![]);
    ir::erase(body.ret);
    unsafe {
        let fn_type = mlirFunctionTypeGet(
            ctx,
            inputs.len() as isize,
            inputs.as_ptr(),
            outputs.len() as isize,
            outputs.as_ptr(),
        );
        mlirOperationSetAttributeByName(func, ir::sref("function_type"), mlirTypeAttrGet(fn_type));
        let a = mlirArrayAttrGet(ctx, arg_attrs.len() as isize, arg_attrs.as_ptr());
        mlirOperationSetAttributeByName(func, ir::sref("arg_attrs"), a);
        let r = mlirArrayAttrGet(ctx, res_attrs.len() as isize, res_attrs.as_ptr());
        mlirOperationSetAttributeByName(func, ir::sref("res_attrs"), r);
    }
}

/// Adds an argument of `t` to the block.
pub fn add_arg(block: MlirBlock, t: Type, loc: MlirLocation) -> Value {
    unsafe { mlirBlockAddArgument(block, t, loc) }
}

/// Value identity for maps keyed by SSA values.
pub fn key(v: Value) -> usize {
    v.ptr as usize
}
