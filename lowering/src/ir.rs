//! Thin, copyable handles over the MLIR C API for the rewriting passes.
//!
//! melior owns the context, pass managers and the JIT. The passes, though,
//! insert and erase operations in the middle of a walk, which melior's
//! borrow-checked references cannot express; so rewriting works on mlir-sys
//! handles (all `Copy`) through the few helpers here.

use mlir_sys::*;
use std::ffi::{CString, c_void};

pub type Value = MlirValue;
pub type Type = MlirType;
pub type Attr = MlirAttribute;
pub type Op = MlirOperation;

pub fn sref(s: &str) -> MlirStringRef {
    MlirStringRef {
        data: s.as_ptr() as *const _,
        length: s.len(),
    }
}

unsafe extern "C" fn append_to_string(part: MlirStringRef, data: *mut c_void) {
    let out = unsafe { &mut *(data as *mut String) };
    let bytes = unsafe { std::slice::from_raw_parts(part.data as *const u8, part.length) };
    out.push_str(&String::from_utf8_lossy(bytes));
}

pub fn type_to_string(t: Type) -> String {
    let mut s = String::new();
    unsafe {
        mlirTypePrint(
            t,
            Some(append_to_string),
            &mut s as *mut String as *mut c_void,
        )
    };
    s
}

pub fn attr_to_string(a: Attr) -> String {
    let mut s = String::new();
    unsafe {
        mlirAttributePrint(
            a,
            Some(append_to_string),
            &mut s as *mut String as *mut c_void,
        )
    };
    s
}

pub fn op_to_string(op: Op) -> String {
    let mut s = String::new();
    unsafe {
        mlirOperationPrint(
            op,
            Some(append_to_string),
            &mut s as *mut String as *mut c_void,
        )
    };
    s
}

pub fn op_name(op: Op) -> String {
    let id = unsafe { mlirOperationGetName(op) };
    let r = unsafe { mlirIdentifierStr(id) };
    let bytes = unsafe { std::slice::from_raw_parts(r.data as *const u8, r.length) };
    String::from_utf8_lossy(bytes).into_owned()
}

/// Emits an error at the op's location (captured like any MLIR diagnostic).
pub fn emit_error(op: Op, message: &str) {
    let loc = unsafe { mlirOperationGetLocation(op) };
    let c = CString::new(message.replace('\0', " ")).unwrap();
    unsafe { mlirEmitError(loc, c.as_ptr()) };
}

pub fn parse_attr(ctx: MlirContext, text: &str) -> Attr {
    let a = unsafe { mlirAttributeParseGet(ctx, sref(text)) };
    assert!(
        !a.ptr.is_null(),
        "internal attribute text does not parse: {text}"
    );
    a
}

pub fn parse_type(ctx: MlirContext, text: &str) -> Type {
    let t = unsafe { mlirTypeParseGet(ctx, sref(text)) };
    assert!(
        !t.ptr.is_null(),
        "internal type text does not parse: {text}"
    );
    t
}

pub fn i64_array(ctx: MlirContext, values: &[i64]) -> Attr {
    unsafe { mlirDenseI64ArrayGet(ctx, values.len() as isize, values.as_ptr()) }
}

pub fn i64_attr(ctx: MlirContext, v: i64) -> Attr {
    unsafe { mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 64), v) }
}

pub fn f64_attr(ctx: MlirContext, v: f64) -> Attr {
    unsafe { mlirFloatAttrDoubleGet(ctx, mlirF64TypeGet(ctx), v) }
}

pub fn str_attr(ctx: MlirContext, s: &str) -> Attr {
    unsafe { mlirStringAttrGet(ctx, sref(s)) }
}

/// A number of element type `elem`: a float attribute for floats, else integer.
pub fn number_attr(elem: Type, v: f64) -> Attr {
    unsafe {
        if mlirTypeIsAFloat(elem) {
            mlirFloatAttrDoubleGet(mlirTypeGetContext(elem), elem, v)
        } else {
            mlirIntegerAttrGet(elem, v as i64)
        }
    }
}

/// Every attribute of `op` (its properties included), by name.
pub fn attributes(op: Op) -> Vec<(String, Attr)> {
    let n = unsafe { mlirOperationGetNumAttributes(op) };
    (0..n)
        .map(|i| {
            let named = unsafe { mlirOperationGetAttribute(op, i) };
            let r = unsafe { mlirIdentifierStr(named.name) };
            let bytes = unsafe { std::slice::from_raw_parts(r.data as *const u8, r.length) };
            (String::from_utf8_lossy(bytes).into_owned(), named.attribute)
        })
        .collect()
}

pub fn is_null_attr(a: Attr) -> bool {
    a.ptr.is_null()
}

pub fn get_attr(op: Op, name: &str) -> Option<Attr> {
    let a = unsafe { mlirOperationGetAttributeByName(op, sref(name)) };
    (!a.ptr.is_null()).then_some(a)
}

pub fn attr_i64_array(a: Attr) -> Vec<i64> {
    let n = unsafe { mlirDenseArrayGetNumElements(a) };
    (0..n)
        .map(|i| unsafe { mlirDenseI64ArrayGetElement(a, i) })
        .collect()
}

pub fn attr_i64(a: Attr) -> i64 {
    unsafe { mlirIntegerAttrGetValueInt(a) }
}

pub fn attr_f64(a: Attr) -> f64 {
    unsafe { mlirFloatAttrGetValueDouble(a) }
}

/// A float, integer or bool attribute as f64.
pub fn attr_number(a: Attr) -> f64 {
    unsafe {
        if mlirAttributeIsAFloat(a) {
            mlirFloatAttrGetValueDouble(a)
        } else if mlirAttributeIsABool(a) {
            f64::from(u8::from(mlirBoolAttrGetValue(a)))
        } else {
            mlirIntegerAttrGetValueInt(a) as f64
        }
    }
}

pub fn attr_is_float(a: Attr) -> bool {
    unsafe { mlirAttributeIsAFloat(a) }
}

pub fn attr_string(a: Attr) -> String {
    let r = unsafe { mlirStringAttrGetValue(a) };
    let bytes = unsafe { std::slice::from_raw_parts(r.data as *const u8, r.length) };
    String::from_utf8_lossy(bytes).into_owned()
}

/// The name a `FlatSymbolRefAttr` refers to.
pub fn attr_symbol_ref(a: Attr) -> String {
    let r = unsafe { mlirFlatSymbolRefAttrGetValue(a) };
    let bytes = unsafe { std::slice::from_raw_parts(r.data as *const u8, r.length) };
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn attr_type(a: Attr) -> Type {
    unsafe { mlirTypeAttrGetValue(a) }
}

pub fn attr_bool(a: Attr) -> bool {
    unsafe { mlirBoolAttrGetValue(a) }
}

pub fn value_type(v: Value) -> Type {
    unsafe { mlirValueGetType(v) }
}

pub fn operand(op: Op, i: usize) -> Value {
    unsafe { mlirOperationGetOperand(op, i as isize) }
}

pub fn operands(op: Op) -> Vec<Value> {
    let n = unsafe { mlirOperationGetNumOperands(op) };
    (0..n)
        .map(|i| unsafe { mlirOperationGetOperand(op, i) })
        .collect()
}

pub fn result(op: Op, i: usize) -> Value {
    unsafe { mlirOperationGetResult(op, i as isize) }
}

pub fn num_results(op: Op) -> usize {
    unsafe { mlirOperationGetNumResults(op) as usize }
}

pub fn context_of(op: Op) -> MlirContext {
    unsafe { mlirOperationGetContext(op) }
}

/// Element kinds as the code generators see them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elem {
    /// Floating point of this many bits; `bf16` is `Float(16, true)`.
    Float(u32, bool),
    Signed(u32),
    Unsigned(u32),
    Bool,
}

impl Elem {
    pub fn of(t: Type) -> Elem {
        unsafe {
            if mlirTypeIsABF16(t) {
                Elem::Float(16, true)
            } else if mlirTypeIsAF16(t) {
                Elem::Float(16, false)
            } else if mlirTypeIsAF32(t) {
                Elem::Float(32, false)
            } else if mlirTypeIsAF64(t) {
                Elem::Float(64, false)
            } else if mlirTypeIsAInteger(t) {
                let w = mlirIntegerTypeGetWidth(t);
                if w == 1 {
                    Elem::Bool
                } else if mlirIntegerTypeIsUnsigned(t) {
                    Elem::Unsigned(w)
                } else {
                    Elem::Signed(w)
                }
            } else {
                panic!("not a thunder element type: {}", type_to_string(t))
            }
        }
    }
    pub fn is_float(self) -> bool {
        matches!(self, Elem::Float(..))
    }
    pub fn is_half(self) -> bool {
        matches!(self, Elem::Float(16, _))
    }
    pub fn width(self) -> u32 {
        match self {
            Elem::Float(w, _) | Elem::Signed(w) | Elem::Unsigned(w) => w,
            Elem::Bool => 1,
        }
    }
}

pub fn is_tensor(t: Type) -> bool {
    unsafe { mlirTypeIsARankedTensor(t) }
}

pub fn shape_of(t: Type) -> Vec<i64> {
    if !is_tensor(t) {
        return vec![];
    }
    shape_of_shaped(t)
}

/// The shape of a ranked tensor or memref type.
pub fn shape_of_shaped(t: Type) -> Vec<i64> {
    let rank = unsafe { mlirShapedTypeGetRank(t) };
    (0..rank)
        .map(|i| unsafe { mlirShapedTypeGetDimSize(t, i as isize) })
        .collect()
}

/// The element type of a tensor, or the type itself for a scalar.
pub fn elem_of(t: Type) -> Type {
    if is_tensor(t) {
        unsafe { mlirShapedTypeGetElementType(t) }
    } else {
        t
    }
}

pub fn tensor_type(shape: &[i64], elem: Type) -> Type {
    unsafe {
        mlirRankedTensorTypeGet(
            shape.len() as isize,
            shape.as_ptr(),
            elem,
            mlirAttributeGetNull(),
        )
    }
}

pub fn types_equal(a: Type, b: Type) -> bool {
    unsafe { mlirTypeEqual(a, b) }
}

pub fn f32_type(ctx: MlirContext) -> Type {
    unsafe { mlirF32TypeGet(ctx) }
}
pub fn f64_type(ctx: MlirContext) -> Type {
    unsafe { mlirF64TypeGet(ctx) }
}
pub fn int_type(ctx: MlirContext, width: u32) -> Type {
    unsafe { mlirIntegerTypeGet(ctx, width) }
}
pub fn index_type(ctx: MlirContext) -> Type {
    unsafe { mlirIndexTypeGet(ctx) }
}

/// Builds operations at one insertion point: before `anchor`, or at the end
/// of `block` when there is no anchor.
#[derive(Clone, Copy)]
pub struct Builder {
    pub ctx: MlirContext,
    pub loc: MlirLocation,
    block: MlirBlock,
    anchor: Option<Op>,
}

impl Builder {
    pub fn before(op: Op) -> Self {
        unsafe {
            Builder {
                ctx: mlirOperationGetContext(op),
                loc: mlirOperationGetLocation(op),
                block: mlirOperationGetBlock(op),
                anchor: Some(op),
            }
        }
    }

    pub fn at_end(block: MlirBlock, ctx: MlirContext, loc: MlirLocation) -> Self {
        Builder {
            ctx,
            loc,
            block,
            anchor: None,
        }
    }

    pub fn create(
        &self,
        name: &str,
        operands: &[Value],
        results: &[Type],
        attrs: &[(&str, Attr)],
        regions: Vec<MlirRegion>,
    ) -> Op {
        unsafe {
            let mut state = mlirOperationStateGet(sref(name), self.loc);
            mlirOperationStateAddOperands(&mut state, operands.len() as isize, operands.as_ptr());
            mlirOperationStateAddResults(&mut state, results.len() as isize, results.as_ptr());
            let named: Vec<MlirNamedAttribute> = attrs
                .iter()
                .map(|(n, a)| mlirNamedAttributeGet(mlirIdentifierGet(self.ctx, sref(n)), *a))
                .collect();
            mlirOperationStateAddAttributes(&mut state, named.len() as isize, named.as_ptr());
            mlirOperationStateAddOwnedRegions(&mut state, regions.len() as isize, regions.as_ptr());
            let op = mlirOperationCreate(&mut state);
            assert!(!op.ptr.is_null(), "failed to create {name}");
            match self.anchor {
                Some(anchor) => mlirBlockInsertOwnedOperationBefore(self.block, anchor, op),
                None => mlirBlockAppendOwnedOperation(self.block, op),
            }
            op
        }
    }

    /// Creates a single-result op and returns its result.
    pub fn value(
        &self,
        name: &str,
        operands: &[Value],
        result: Type,
        attrs: &[(&str, Attr)],
    ) -> Value {
        result_of(self.create(name, operands, &[result], attrs, vec![]))
    }
}

pub fn result_of(op: Op) -> Value {
    unsafe { mlirOperationGetResult(op, 0) }
}

/// A region holding one block with arguments of these types.
pub fn region_with_block(types: &[Type], loc: MlirLocation) -> (MlirRegion, MlirBlock) {
    unsafe {
        let locs = vec![loc; types.len()];
        let block = mlirBlockCreate(types.len() as isize, types.as_ptr(), locs.as_ptr());
        let region = mlirRegionCreate();
        mlirRegionAppendOwnedBlock(region, block);
        (region, block)
    }
}

pub fn block_arg(block: MlirBlock, i: usize) -> Value {
    unsafe { mlirBlockGetArgument(block, i as isize) }
}

pub fn replace_all_uses(old: Value, new: Value) {
    unsafe { mlirValueReplaceAllUsesOfWith(old, new) }
}

/// Like `replace_all_uses`, but `except` keeps using `old` (say, an op that
/// wraps `old` and replaces it).
pub fn replace_all_uses_except(old: Value, new: Value, mut except: Op) {
    unsafe { mlirValueReplaceAllUsesExcept(old, new, 1, &mut except) }
}

pub fn set_operand(op: Op, i: usize, v: Value) {
    unsafe { mlirOperationSetOperand(op, i as isize, v) }
}

pub fn has_uses(v: Value) -> bool {
    !unsafe { mlirOpOperandIsNull(mlirValueGetFirstUse(v)) }
}

/// The operation that produces `v`, or `None` for a block argument.
/// Every use of `v`: the op using it and the operand's position there.
pub fn uses(v: Value) -> Vec<(Op, usize)> {
    let mut out = vec![];
    unsafe {
        let mut u = mlirValueGetFirstUse(v);
        while !mlirOpOperandIsNull(u) {
            out.push((
                mlirOpOperandGetOwner(u),
                mlirOpOperandGetOperandNumber(u) as usize,
            ));
            u = mlirOpOperandGetNextUse(u);
        }
    }
    out
}

pub fn defining_op(v: Value) -> Option<Op> {
    unsafe { mlirValueIsAOpResult(v) }.then(|| unsafe { mlirOpResultGetOwner(v) })
}

pub fn erase(op: Op) {
    unsafe { mlirOperationDestroy(op) }
}

/// All operations nested in `root` whose name starts with `prefix`, in
/// pre-order (producers before consumers within a block).
pub fn collect_ops(root: Op, prefix: &str) -> Vec<Op> {
    struct State<'a> {
        prefix: &'a str,
        out: Vec<Op>,
    }
    unsafe extern "C" fn visit(op: MlirOperation, data: *mut c_void) -> MlirWalkResult {
        let state = unsafe { &mut *(data as *mut State) };
        if op_name(op).starts_with(state.prefix) {
            state.out.push(op);
        }
        MlirWalkResult_MlirWalkResultAdvance
    }
    let mut state = State {
        prefix,
        out: vec![],
    };
    unsafe {
        mlirOperationWalk(
            root,
            Some(visit),
            &mut state as *mut State as *mut c_void,
            MlirWalkOrder_MlirWalkPreOrder,
        )
    };
    state.out
}

/// The operations of a function's (first) body block, in order; empty for a
/// declaration.
pub fn body_ops(func: Op) -> Vec<Op> {
    let block = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)) };
    if block.ptr.is_null() {
        return vec![];
    }
    block_ops(block)
}

/// The operations of `block`, in order.
pub fn block_ops(block: MlirBlock) -> Vec<Op> {
    let mut out = vec![];
    let mut op = unsafe { mlirBlockGetFirstOperation(block) };
    while !op.ptr.is_null() {
        out.push(op);
        op = unsafe { mlirOperationGetNextInBlock(op) };
    }
    out
}

/// The width in bits of a float or integer type; None for any other type.
pub fn element_bits(t: Type) -> Option<u32> {
    unsafe {
        if mlirTypeIsAFloat(t) {
            Some(mlirFloatTypeGetWidth(t))
        } else if mlirTypeIsAInteger(t) {
            Some(mlirIntegerTypeGetWidth(t))
        } else {
            None
        }
    }
}

/// A `func.func` named `name` of type `fn_type` owning `body` (an empty
/// region makes a declaration), with extra attributes; not yet inserted.
pub fn create_func(
    ctx: MlirContext,
    loc: MlirLocation,
    name: &str,
    fn_type: Type,
    body: MlirRegion,
    extra: &[(&str, Attr)],
) -> Op {
    unsafe {
        let mut state = mlirOperationStateGet(sref("func.func"), loc);
        let mut attrs = vec![
            mlirNamedAttributeGet(
                mlirIdentifierGet(ctx, sref("sym_name")),
                str_attr(ctx, name),
            ),
            mlirNamedAttributeGet(
                mlirIdentifierGet(ctx, sref("function_type")),
                mlirTypeAttrGet(fn_type),
            ),
        ];
        for (n, a) in extra {
            attrs.push(mlirNamedAttributeGet(mlirIdentifierGet(ctx, sref(n)), *a));
        }
        mlirOperationStateAddAttributes(&mut state, attrs.len() as isize, attrs.as_ptr());
        mlirOperationStateAddOwnedRegions(&mut state, 1, &body);
        mlirOperationCreate(&mut state)
    }
}

/// The largest tensor any pass accepts: sizes computed in bytes stay far from
/// i64 overflow, and no machine addresses more.
pub const MAX_TENSOR_BYTES: i64 = 1 << 62;

/// The element count of a static shape, if it is static and its elements of
/// `bits` each fit in `MAX_TENSOR_BYTES`; None otherwise.
pub fn addressable_elements(shape: &[i64], bits: u32) -> Option<i64> {
    let count = shape
        .iter()
        .try_fold(1i64, |n, d| if *d < 0 { None } else { n.checked_mul(*d) })?;
    let bytes = count.checked_mul(i64::from(bits.max(8) / 8))?;
    (bytes <= MAX_TENSOR_BYTES).then_some(count)
}

/// Reports, at the op that makes it, every statically shaped tensor or
/// memref in `root` too large to address (element count or bytes past
/// `MAX_TENSOR_BYTES`). Passes compute sizes from shapes; checking once here
/// keeps those sums from overflowing.
pub(crate) fn check_tensor_sizes(root: Op, pass: &str) -> Result<(), ()> {
    struct State<'a> {
        pass: &'a str,
        ok: bool,
    }
    fn too_large(t: Type) -> bool {
        let shaped = unsafe { mlirTypeIsARankedTensor(t) || mlirTypeIsAMemRef(t) };
        if !shaped || !unsafe { mlirShapedTypeHasStaticShape(t) } {
            return false;
        }
        let bits = element_bits(unsafe { mlirShapedTypeGetElementType(t) }).unwrap_or(64);
        addressable_elements(&shape_of_shaped(t), bits).is_none()
    }
    unsafe extern "C" fn visit(op: MlirOperation, data: *mut c_void) -> MlirWalkResult {
        let state = unsafe { &mut *(data as *mut State) };
        let mut types: Vec<Type> = (0..num_results(op))
            .map(|i| value_type(result(op, i)))
            .collect();
        let regions = unsafe { mlirOperationGetNumRegions(op) };
        for r in 0..regions {
            let mut block = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r)) };
            while !block.ptr.is_null() {
                let n = unsafe { mlirBlockGetNumArguments(block) };
                types.extend((0..n).map(|i| value_type(block_arg(block, i as usize))));
                block = unsafe { mlirBlockGetNextInRegion(block) };
            }
        }
        if let Some(t) = types.into_iter().find(|t| too_large(*t)) {
            emit_error(
                op,
                &format!(
                    "{}: {} holds more than 2^62 bytes, more than any machine addresses",
                    state.pass,
                    type_to_string(t)
                ),
            );
            state.ok = false;
            return MlirWalkResult_MlirWalkResultInterrupt;
        }
        MlirWalkResult_MlirWalkResultAdvance
    }
    let mut state = State { pass, ok: true };
    unsafe {
        mlirOperationWalk(
            root,
            Some(visit),
            &mut state as *mut State as *mut c_void,
            MlirWalkOrder_MlirWalkPreOrder,
        )
    };
    if state.ok { Ok(()) } else { Err(()) }
}
