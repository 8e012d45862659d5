//! `convert-thunder-prims-to-linalg`: prims level → linalg on tensors.
//!
//! Elementwise prims, broadcasts, transposes, reductions and matmul become
//! `linalg.generic` ops (so upstream elementwise fusion and tiling apply);
//! layout prims become `tensor` dialect slices and reshapes. `ui8` tensors are
//! carried as `i8` from here on, function signatures included; the unsigned
//! meaning is kept in the generated arithmetic.

use super::scalar::{self, codegen_elem, codegen_type};
use crate::ir::{self, Builder, Elem, Op, Type, Value};

crate::pass::define_module_pass!(
    create_prims_to_linalg_pass,
    "convert-thunder-prims-to-linalg",
    "Lower thunder prims to linalg on tensors (plus tensor, arith and math)",
    run,
    [
        melior::dialect::DialectHandle::linalg(),
        melior::dialect::DialectHandle::llvm(),
        melior::dialect::DialectHandle::tensor(),
        melior::dialect::DialectHandle::arith(),
        unsafe {
            melior::dialect::DialectHandle::from_raw(mlir_sys::mlirGetDialectHandle__math__())
        }
    ]
);

/// A prim with the types it had before anything was rewritten: operands may
/// already carry codegen types (`i8` for `ui8`) when the prim is reached.
struct Prim {
    op: Op,
    name: String,
    operand_types: Vec<Type>,
    result_types: Vec<Type>,
}

fn run(module: Op) -> Result<(), ()> {
    // Casts between a `ui8` value and its `i8` carrier, where code that is
    // not a prim (an opaque call, a `func.call`) still sees the `ui8` type.
    let mut casts = convert_arguments(module);
    let calls = converted_calls(module);
    convert_call_results(&calls, &mut casts);
    let prims: Vec<Prim> = ir::collect_ops(module, "thunder_prims.")
        .into_iter()
        .map(|op| Prim {
            op,
            name: ir::op_name(op)["thunder_prims.".len()..].to_string(),
            operand_types: ir::operands(op)
                .iter()
                .map(|v| ir::value_type(*v))
                .collect(),
            result_types: (0..ir::num_results(op))
                .map(|i| ir::value_type(ir::result(op, i)))
                .collect(),
        })
        .collect();
    let mut ok = true;
    for prim in &prims {
        let b = Builder::before(prim.op);
        use_codegen_operands(&b, prim.op, &mut casts);
        match lower(&b, prim) {
            Ok(values) => {
                for (i, v) in values.into_iter().enumerate() {
                    let back = to_type(&b, v, prim.result_types[i], &mut casts);
                    ir::replace_all_uses(ir::result(prim.op, i), back);
                }
                ir::erase(prim.op);
            }
            Err(message) => {
                ir::emit_error(
                    prim.op,
                    &format!("convert-thunder-prims-to-linalg: {message}"),
                );
                ok = false;
            }
        }
    }
    if !ok {
        return Err(());
    }
    for op in ir::collect_ops(module, "func.return")
        .into_iter()
        .chain(calls)
    {
        use_codegen_operands(&Builder::before(op), op, &mut casts);
    }
    convert_signatures(module);
    // Casts back to `ui8` that only prims (or returns) used are dead now.
    for cast in casts {
        if !ir::has_uses(ir::result(cast, 0)) {
            ir::erase(cast);
        }
    }
    Ok(())
}

/// The entry block of a function with a body.
fn entry_block(func: Op) -> Option<mlir_sys::MlirBlock> {
    let region = unsafe { mlir_sys::mlirOperationGetRegion(func, 0) };
    let block = unsafe { mlir_sys::mlirRegionGetFirstBlock(region) };
    (!block.ptr.is_null()).then_some(block)
}

/// Gives `ui8` function arguments their codegen type; their users get a cast
/// back, which prims look through and other ops keep.
fn convert_arguments(module: Op) -> Vec<Op> {
    let mut casts = vec![];
    for func in ir::collect_ops(module, "func.func") {
        let Some(block) = entry_block(func) else {
            continue;
        };
        let b = Builder::before(unsafe { mlir_sys::mlirBlockGetFirstOperation(block) });
        let n = unsafe { mlir_sys::mlirBlockGetNumArguments(block) } as usize;
        for i in 0..n {
            retype_with_cast_back(&b, ir::block_arg(block, i), &mut casts);
        }
    }
    casts
}

/// Gives `v` its codegen type; its users get a cast back to the old type
/// (built by `b`), which is recorded in `casts`.
fn retype_with_cast_back(b: &Builder, v: Value, casts: &mut Vec<Op>) {
    let t = ir::value_type(v);
    if ir::types_equal(t, codegen_type(t)) {
        return;
    }
    unsafe { mlir_sys::mlirValueSetType(v, codegen_type(t)) };
    let cast = b.create(CAST, &[v], &[t], &[], vec![]);
    ir::replace_all_uses_except(v, ir::result(cast, 0), cast);
    casts.push(cast);
}

/// `func.call`s of the functions in this module, whose signatures this pass
/// converts.
fn converted_calls(module: Op) -> Vec<Op> {
    let defined: Vec<String> = ir::collect_ops(module, "func.func")
        .into_iter()
        .filter_map(|f| ir::get_attr(f, "sym_name").map(ir::attr_string))
        .collect();
    ir::collect_ops(module, "func.call")
        .into_iter()
        .filter(|call| {
            ir::get_attr(*call, "callee").is_some_and(|c| defined.contains(&ir::attr_symbol_ref(c)))
        })
        .collect()
}

/// Gives call results their codegen type, with a cast back for their users.
fn convert_call_results(calls: &[Op], casts: &mut Vec<Op>) {
    for call in calls {
        let b = Builder::before(unsafe { mlir_sys::mlirOperationGetNextInBlock(*call) });
        for i in 0..ir::num_results(*call) {
            retype_with_cast_back(&b, ir::result(*call, i), casts);
        }
    }
}

const CAST: &str = "builtin.unrealized_conversion_cast";

/// `v` as type `t`: itself, the value a cast of ours was made from, or a new
/// cast (between `ui8` and `i8` tensors only).
fn to_type(b: &Builder, v: Value, t: Type, casts: &mut Vec<Op>) -> Value {
    if ir::types_equal(ir::value_type(v), t) {
        return v;
    }
    if let Some(cast) = ir::defining_op(v).filter(|op| casts.iter().any(|c| c.ptr == op.ptr)) {
        let source = ir::operand(cast, 0);
        if ir::types_equal(ir::value_type(source), t) {
            return source;
        }
    }
    let cast = b.create(CAST, &[v], &[t], &[], vec![]);
    casts.push(cast);
    ir::result(cast, 0)
}

/// Makes the operands of `op` carry codegen types (`i8` for `ui8`).
fn use_codegen_operands(b: &Builder, op: Op, casts: &mut Vec<Op>) {
    for (i, v) in ir::operands(op).into_iter().enumerate() {
        let c = to_type(b, v, codegen_type(ir::value_type(v)), casts);
        ir::set_operand(op, i, c);
    }
}

/// Rewrites function types (declarations' too) to codegen types; arguments,
/// returned values and call operands already have them.
fn convert_signatures(module: Op) {
    for func in ir::collect_ops(module, "func.func") {
        let fn_type = ir::attr_type(ir::get_attr(func, "function_type").unwrap());
        let nargs = unsafe { mlir_sys::mlirFunctionTypeGetNumInputs(fn_type) };
        let inputs: Vec<Type> = (0..nargs)
            .map(|i| codegen_type(unsafe { mlir_sys::mlirFunctionTypeGetInput(fn_type, i) }))
            .collect();
        let nres = unsafe { mlir_sys::mlirFunctionTypeGetNumResults(fn_type) };
        let results: Vec<Type> = (0..nres)
            .map(|i| codegen_type(unsafe { mlir_sys::mlirFunctionTypeGetResult(fn_type, i) }))
            .collect();
        let ctx = ir::context_of(func);
        let new_type = unsafe {
            mlir_sys::mlirFunctionTypeGet(
                ctx,
                inputs.len() as isize,
                inputs.as_ptr(),
                results.len() as isize,
                results.as_ptr(),
            )
        };
        unsafe {
            mlir_sys::mlirOperationSetAttributeByName(
                func,
                ir::sref("function_type"),
                mlir_sys::mlirTypeAttrGet(new_type),
            )
        };
    }
}

/// Builds the yielded value of a linalg body from its block arguments.
const F64: Elem = Elem::Float(64, false);

type BodyFn<'a> = dyn Fn(&Builder, &[Value]) -> Result<Value, String> + 'a;

fn dims_list(n: usize) -> String {
    (0..n)
        .map(|i| format!("d{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn affine_map(rank: usize, exprs: &[String]) -> String {
    format!(
        "affine_map<({}) -> ({})>",
        dims_list(rank),
        exprs.join(", ")
    )
}

fn identity_map(rank: usize) -> String {
    affine_map(
        rank,
        &(0..rank).map(|i| format!("d{i}")).collect::<Vec<_>>(),
    )
}

fn empty(b: &Builder, shape: &[i64], elem: Type) -> Value {
    b.value(
        "tensor.empty",
        &[],
        ir::tensor_type(shape, codegen_elem(elem)),
        &[],
    )
}

/// A `linalg.generic` over `inputs` writing into `init`; `body` gets the
/// element block arguments (inputs, then the accumulator) and returns the
/// value to yield.
fn generic(
    b: &Builder,
    inputs: &[Value],
    maps: &[String],
    iterators: &[&str],
    init: Value,
    body: &BodyFn,
) -> Result<Value, String> {
    let results = generic_multi(b, inputs, maps, iterators, &[init], &|i, a| {
        Ok(vec![body(i, a)?])
    })?;
    Ok(results[0])
}

type MultiBodyFn<'a> = dyn Fn(&Builder, &[Value]) -> Result<Vec<Value>, String> + 'a;

/// A `linalg.generic` with one result per init; `body` yields one value for
/// each, from the block arguments (inputs' elements, then the inits').
fn generic_multi(
    b: &Builder,
    inputs: &[Value],
    maps: &[String],
    iterators: &[&str],
    inits: &[Value],
    body: &MultiBodyFn,
) -> Result<Vec<Value>, String> {
    let ctx = b.ctx;
    let types: Vec<Type> = inputs
        .iter()
        .chain(inits)
        .map(|v| codegen_elem(ir::elem_of(ir::value_type(*v))))
        .collect();
    let (region, block) = ir::region_with_block(&types, b.loc);
    let inner = Builder::at_end(block, ctx, b.loc);
    let args: Vec<Value> = (0..types.len()).map(|i| ir::block_arg(block, i)).collect();
    let yielded = body(&inner, &args)?;
    inner.create("linalg.yield", &yielded, &[], &[], vec![]);
    let maps_attr = ir::parse_attr(ctx, &format!("[{}]", maps.join(", ")));
    let iters = iterators
        .iter()
        .map(|i| format!("#linalg.iterator_type<{i}>"))
        .collect::<Vec<_>>()
        .join(", ");
    let iter_attr = ir::parse_attr(ctx, &format!("[{iters}]"));
    let segments = ir::parse_attr(
        ctx,
        &format!("array<i32: {}, {}>", inputs.len(), inits.len()),
    );
    let operands: Vec<Value> = inputs.iter().chain(inits).copied().collect();
    let result_types: Vec<Type> = inits.iter().map(|v| ir::value_type(*v)).collect();
    let op = b.create(
        "linalg.generic",
        &operands,
        &result_types,
        &[
            ("indexing_maps", maps_attr),
            ("iterator_types", iter_attr),
            ("operandSegmentSizes", segments),
        ],
        vec![region],
    );
    Ok((0..inits.len()).map(|i| ir::result(op, i)).collect())
}

/// A tensor of `shape` filled with the scalar `value` (built in the body).
fn fill(
    b: &Builder,
    shape: &[i64],
    elem: Type,
    value: &dyn Fn(&Builder) -> Value,
) -> Result<Value, String> {
    let init = empty(b, shape, elem);
    let rank = shape.len();
    generic(
        b,
        &[],
        &[identity_map(rank)],
        &vec!["parallel"; rank],
        init,
        &|inner, _| Ok(value(inner)),
    )
}

fn elementwise(
    b: &Builder,
    inputs: &[Value],
    shape: &[i64],
    out_elem: Type,
    body: &BodyFn,
) -> Result<Value, String> {
    let rank = shape.len();
    let init = empty(b, shape, out_elem);
    let maps = vec![identity_map(rank); inputs.len() + 1];
    generic(b, inputs, &maps, &vec!["parallel"; rank], init, body)
}

fn lower(b: &Builder, prim: &Prim) -> Result<Vec<Value>, String> {
    let ops = ir::operands(prim.op);
    let out_t = prim.result_types[0];
    let out_shape = ir::shape_of(out_t);
    let out_elem = ir::elem_of(out_t);
    let in_elem = prim
        .operand_types
        .first()
        .map(|t| Elem::of(ir::elem_of(*t)));
    let name = prim.name.as_str();
    let one = |v: Value| Ok(vec![v]);
    match name {
        "convert_element_type" => {
            let (from, to) = (in_elem.unwrap(), Elem::of(out_elem));
            one(elementwise(b, &ops, &out_shape, out_elem, &|i, a| {
                Ok(scalar::cast(i, a[0], from, to))
            })?)
        }
        "from_scalar" => {
            let from = Elem::of(prim.operand_types[0]);
            let to = Elem::of(out_elem);
            let v = scalar::cast(b, ops[0], from, to);
            one(b.value("tensor.from_elements", &[v], codegen_type(out_t), &[]))
        }
        "broadcast_in_dim" => {
            let dims = ir::attr_i64_array(ir::get_attr(prim.op, "broadcast_dimensions").unwrap());
            let in_shape = ir::shape_of(prim.operand_types[0]);
            let exprs: Vec<String> = in_shape
                .iter()
                .zip(&dims)
                .map(|(s, d)| {
                    if *s == 1 && out_shape[*d as usize] != 1 {
                        "0".to_string()
                    } else {
                        format!("d{d}")
                    }
                })
                .collect();
            one(gather_copy(b, ops[0], &exprs, &out_shape, out_elem)?)
        }
        "transpose" => {
            let perm = ir::attr_i64_array(ir::get_attr(prim.op, "permutation").unwrap());
            let rank = perm.len();
            // Operand dim perm[i] is iterated by result dim i.
            let mut exprs = vec![String::new(); rank];
            for (i, p) in perm.iter().enumerate() {
                exprs[*p as usize] = format!("d{i}");
            }
            one(gather_copy(b, ops[0], &exprs, &out_shape, out_elem)?)
        }
        "reshape" | "squeeze" => {
            let from = ir::shape_of(prim.operand_types[0]);
            match unit_dim_reshape_map(&from, &out_shape) {
                Some(exprs) => one(gather_copy(b, ops[0], &exprs, &out_shape, out_elem)?),
                None => one(reshape(b, ops[0], &from, &out_shape, out_elem)),
            }
        }
        "slice" => {
            let get = |n: &str| ir::attr_i64_array(ir::get_attr(prim.op, n).unwrap());
            let (starts, strides) = (get("start_indices"), get("strides"));
            one(extract_slice(
                b,
                ops[0],
                &starts,
                &out_shape,
                &strides,
                codegen_type(out_t),
            ))
        }
        "pad" => {
            let get = |n: &str| ir::attr_i64_array(ir::get_attr(prim.op, n).unwrap());
            let (low, interior) = (get("low"), get("interior"));
            let pv = ops[1];
            let init = fill(b, &out_shape, out_elem, &|inner| {
                inner.value("tensor.extract", &[pv], codegen_elem(out_elem), &[])
            })?;
            let in_shape = ir::shape_of(prim.operand_types[0]);
            let strides: Vec<i64> = interior.iter().map(|i| i + 1).collect();
            one(insert_slice(b, ops[0], init, &low, &in_shape, &strides))
        }
        "cat" => {
            let dim = ir::attr_i64(ir::get_attr(prim.op, "dim").unwrap()) as usize;
            let mut dest = empty(b, &out_shape, out_elem);
            let mut offset = 0;
            for (v, t) in ops.iter().zip(&prim.operand_types) {
                let shape = ir::shape_of(*t);
                let mut offsets = vec![0; shape.len()];
                offsets[dim] = offset;
                offset += shape[dim];
                dest = insert_slice(b, *v, dest, &offsets, &shape, &vec![1; shape.len()]);
            }
            one(dest)
        }
        "full" => {
            let value = ir::get_attr(prim.op, "value").unwrap();
            let e = Elem::of(out_elem);
            let v = if e.is_float() {
                ir::attr_f64(value)
            } else {
                ir::attr_i64(value) as f64
            };
            let bits = (!e.is_float()).then(|| ir::attr_i64(value));
            one(fill(b, &out_shape, out_elem, &|inner| match bits {
                Some(i) => scalar::int_constant(inner, e, i),
                None => scalar::constant(inner, e, v),
            })?)
        }
        "iota" => {
            let start = ir::attr_f64(ir::get_attr(prim.op, "start").unwrap());
            let step = ir::attr_f64(ir::get_attr(prim.op, "step").unwrap());
            let e = Elem::of(out_elem);
            let init = empty(b, &out_shape, out_elem);
            one(generic(
                b,
                &[],
                &[identity_map(1)],
                &["parallel"],
                init,
                &|i, _| {
                    let f64e = Elem::Float(64, false);
                    let idx = linear_index(i, &out_shape);
                    let n = scalar::cast(i, idx, Elem::Signed(64), f64e);
                    let s = scalar::constant(i, f64e, step);
                    let o = scalar::constant(i, f64e, start);
                    let scaled = i.value("arith.mulf", &[n, s], ir::f64_type(i.ctx), &[]);
                    let v = i.value("arith.addf", &[scaled, o], ir::f64_type(i.ctx), &[]);
                    Ok(scalar::cast(i, v, f64e, e))
                },
            )?)
        }
        "uniform" => {
            let low = ir::attr_f64(ir::get_attr(prim.op, "low").unwrap());
            let high = ir::attr_f64(ir::get_attr(prim.op, "high").unwrap());
            let (seed, offset) = (ops[0], ops[1]);
            let e = Elem::of(out_elem);
            let rank = out_shape.len();
            let init = empty(b, &out_shape, out_elem);
            one(generic(
                b,
                &[],
                &[identity_map(rank)],
                &vec!["parallel"; rank],
                init,
                &|i, _| {
                    let idx = linear_index(i, &out_shape);
                    Ok(uniform_element(i, seed, offset, idx, low, high, e))
                },
            )?)
        }
        "sum" | "prod" | "amax" | "amin" => {
            let dims = ir::attr_i64_array(ir::get_attr(prim.op, "dims").unwrap());
            let e = Elem::of(out_elem);
            one(reduce(
                b,
                ops[0],
                &ir::shape_of(prim.operand_types[0]),
                &dims,
                name,
                e,
            )?)
        }
        "var_mean" => {
            let dims = ir::attr_i64_array(ir::get_attr(prim.op, "dims").unwrap());
            let correction = ir::attr_f64(ir::get_attr(prim.op, "correction").unwrap());
            var_mean(
                b,
                ops[0],
                &ir::shape_of(prim.operand_types[0]),
                &dims,
                correction,
                Elem::of(out_elem),
            )
        }
        // Only the transforms care; in code it is its operand.
        "stop_gradient" => one(ops[0]),
        "matmul" => one(matmul(
            b,
            ops[0],
            ops[1],
            &ir::shape_of(prim.operand_types[0]),
            &out_shape,
            Elem::of(out_elem),
        )?),
        _ => {
            // Elementwise prims: every operand has the result's shape.
            let e = Elem::of(ir::elem_of(*prim.operand_types.last().unwrap()));
            let n = name.to_string();
            one(elementwise(b, &ops, &out_shape, out_elem, &|i, a| {
                scalar::apply(i, &n, &a[..ops.len()], e)
            })?)
        }
    }
}

/// A copy of `x` into a new tensor of `out_shape`, where result element
/// (d0, d1, ...) reads `x` at `exprs` (broadcasts, transposes).
fn gather_copy(
    b: &Builder,
    x: Value,
    exprs: &[String],
    out_shape: &[i64],
    out_elem: Type,
) -> Result<Value, String> {
    let rank = out_shape.len();
    let init = empty(b, out_shape, out_elem);
    generic(
        b,
        &[x],
        &[affine_map(rank, exprs), identity_map(rank)],
        &vec!["parallel"; rank],
        init,
        &|_, a| Ok(a[0]),
    )
}

/// Row-major linear index of the current element of a generic over `shape`.
fn linear_index(b: &Builder, shape: &[i64]) -> Value {
    let ctx = b.ctx;
    let i64t = ir::int_type(ctx, 64);
    let mut acc = scalar::int_constant(b, Elem::Signed(64), 0);
    for (d, size) in shape.iter().enumerate() {
        let idx = b.value(
            "linalg.index",
            &[],
            ir::index_type(ctx),
            &[("dim", ir::i64_attr(ctx, d as i64))],
        );
        let idx = b.value("arith.index_cast", &[idx], i64t, &[]);
        let s = scalar::int_constant(b, Elem::Signed(64), *size);
        let scaled = b.value("arith.muli", &[acc, s], i64t, &[]);
        acc = b.value("arith.addi", &[scaled, idx], i64t, &[]);
    }
    acc
}

/// SplitMix64 of `seed + (offset + index) * golden`, mapped to [low, high).
fn uniform_element(
    b: &Builder,
    seed: Value,
    offset: Value,
    index: Value,
    low: f64,
    high: f64,
    e: Elem,
) -> Value {
    let i64t = ir::int_type(b.ctx, 64);
    let k = |v: u64| scalar::int_constant(b, Elem::Signed(64), v as i64);
    let op = |n: &str, x: Value, y: Value| b.value(n, &[x, y], i64t, &[]);
    let counter = op("arith.addi", offset, index);
    let mut z = op(
        "arith.addi",
        seed,
        op("arith.muli", counter, k(0x9E37_79B9_7F4A_7C15)),
    );
    z = op(
        "arith.muli",
        op("arith.xori", z, op("arith.shrui", z, k(30))),
        k(0xBF58_476D_1CE4_E5B9),
    );
    z = op(
        "arith.muli",
        op("arith.xori", z, op("arith.shrui", z, k(27))),
        k(0x94D0_49BB_1331_11EB),
    );
    z = op("arith.xori", z, op("arith.shrui", z, k(31)));
    let top = op("arith.shrui", z, k(11)); // 53 random bits
    let f64e = Elem::Float(64, false);
    let f = b.value("arith.uitofp", &[top], ir::f64_type(b.ctx), &[]);
    let unit = b.value(
        "arith.mulf",
        &[f, scalar::constant(b, f64e, 1.0 / (1u64 << 53) as f64)],
        ir::f64_type(b.ctx),
        &[],
    );
    let span = scalar::constant(b, f64e, high - low);
    let scaled = b.value("arith.mulf", &[unit, span], ir::f64_type(b.ctx), &[]);
    let v = b.value(
        "arith.addf",
        &[scaled, scalar::constant(b, f64e, low)],
        ir::f64_type(b.ctx),
        &[],
    );
    scalar::cast(b, v, f64e, e)
}

/// For a reshape that only inserts or drops size-1 dimensions (a keepdim
/// reduction's result, `squeeze`, `unsqueeze`), the input's indexing map as
/// a function of the result's dimensions. Such reshapes become elementwise
/// generics rather than `tensor.expand_shape`/`collapse_shape`: the fusion
/// and tiling passes fuse generics into their consumers, but stop at reshapes
/// (a row-tiled softmax written with `keepdim=True` would otherwise compute
/// its whole input untiled, on one thread, before the tile loop).
fn unit_dim_reshape_map(from: &[i64], to: &[i64]) -> Option<Vec<String>> {
    if from.is_empty() || to.is_empty() || from == to {
        return None;
    }
    let mut kept = to.iter().enumerate().filter(|(_, s)| **s != 1);
    let exprs = from
        .iter()
        .map(|size| {
            if *size == 1 {
                return Some("0".to_string());
            }
            match kept.next() {
                Some((j, s)) if s == size => Some(format!("d{j}")),
                _ => None,
            }
        })
        .collect::<Option<Vec<_>>>()?;
    kept.next().is_none().then_some(exprs)
}

fn reshape(b: &Builder, x: Value, from: &[i64], to: &[i64], elem: Type) -> Value {
    let ctx = b.ctx;
    let elem = codegen_elem(elem);
    let assoc = |rank: usize| {
        if rank == 0 {
            "[]".to_string()
        } else {
            format!(
                "[[{}]]",
                (0..rank)
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    };
    let numel: i64 = from.iter().product();
    // Collapse to 1-D (or 0-d when the target is 0-d), then expand.
    let flat_shape: Vec<i64> = if to.is_empty() { vec![] } else { vec![numel] };
    let flat = if from == flat_shape.as_slice() {
        x
    } else if from.is_empty() {
        // 0-d to [1]: expand with an empty reassociation.
        let attr = ir::parse_attr(ctx, "[]");
        b.value(
            "tensor.expand_shape",
            &[x],
            ir::tensor_type(&flat_shape, elem),
            &[
                ("reassociation", attr),
                ("static_output_shape", ir::i64_array(ctx, &flat_shape)),
            ],
        )
    } else {
        let attr = ir::parse_attr(
            ctx,
            &assoc(if flat_shape.is_empty() { 0 } else { from.len() }),
        );
        b.value(
            "tensor.collapse_shape",
            &[x],
            ir::tensor_type(&flat_shape, elem),
            &[("reassociation", attr)],
        )
    };
    if flat_shape.as_slice() == to {
        return flat;
    }
    let attr = ir::parse_attr(ctx, &assoc(to.len()));
    b.value(
        "tensor.expand_shape",
        &[flat],
        ir::tensor_type(to, elem),
        &[
            ("reassociation", attr),
            ("static_output_shape", ir::i64_array(ctx, to)),
        ],
    )
}

fn extract_slice(
    b: &Builder,
    x: Value,
    offsets: &[i64],
    sizes: &[i64],
    strides: &[i64],
    result: Type,
) -> Value {
    let ctx = b.ctx;
    b.value(
        "tensor.extract_slice",
        &[x],
        result,
        &[
            ("static_offsets", ir::i64_array(ctx, offsets)),
            ("static_sizes", ir::i64_array(ctx, sizes)),
            ("static_strides", ir::i64_array(ctx, strides)),
            (
                "operandSegmentSizes",
                ir::parse_attr(ctx, "array<i32: 1, 0, 0, 0>"),
            ),
        ],
    )
}

fn insert_slice(
    b: &Builder,
    src: Value,
    dest: Value,
    offsets: &[i64],
    sizes: &[i64],
    strides: &[i64],
) -> Value {
    let ctx = b.ctx;
    b.value(
        "tensor.insert_slice",
        &[src, dest],
        ir::value_type(dest),
        &[
            ("static_offsets", ir::i64_array(ctx, offsets)),
            ("static_sizes", ir::i64_array(ctx, sizes)),
            ("static_strides", ir::i64_array(ctx, strides)),
            (
                "operandSegmentSizes",
                ir::parse_attr(ctx, "array<i32: 1, 1, 0, 0, 0>"),
            ),
        ],
    )
}

fn reduction_identity(name: &str, e: Elem) -> f64 {
    match (name, e) {
        ("sum", _) => 0.0,
        ("prod", _) => 1.0,
        ("amax", Elem::Float(..)) => f64::NEG_INFINITY,
        ("amin", Elem::Float(..)) => f64::INFINITY,
        ("amax", Elem::Bool) => 0.0,
        ("amin", Elem::Bool) => 1.0,
        ("amax", Elem::Unsigned(_)) => 0.0,
        ("amin", Elem::Unsigned(w)) => ((1u64 << w) - 1) as f64,
        ("amax", Elem::Signed(w)) => -((1i128 << (w - 1)) as f64),
        (_, Elem::Signed(w)) => ((1i128 << (w - 1)) - 1) as f64,
        _ => 0.0,
    }
}

fn reduce_maps(shape: &[i64], dims: &[i64]) -> (Vec<String>, Vec<&'static str>, Vec<i64>) {
    let rank = shape.len();
    let kept: Vec<String> = (0..rank)
        .filter(|d| !dims.contains(&(*d as i64)))
        .map(|d| format!("d{d}"))
        .collect();
    let out_shape: Vec<i64> = (0..rank)
        .filter(|d| !dims.contains(&(*d as i64)))
        .map(|d| shape[d])
        .collect();
    let iters = (0..rank)
        .map(|d| {
            if dims.contains(&(d as i64)) {
                "reduction"
            } else {
                "parallel"
            }
        })
        .collect();
    (
        vec![identity_map(rank), affine_map(rank, &kept)],
        iters,
        out_shape,
    )
}

/// Accumulates `x` over `dims` with prim `name` in element kind `e`.
fn reduce(
    b: &Builder,
    x: Value,
    shape: &[i64],
    dims: &[i64],
    name: &str,
    e: Elem,
) -> Result<Value, String> {
    if let Some(v) = blocked_sum(b, x, shape, dims, name, e)? {
        return Ok(v);
    }
    let (maps, iters, out_shape) = reduce_maps(shape, dims);
    let elem = scalar::mlir_elem(b, e);
    let identity = reduction_identity(name, e);
    let init = fill(b, &out_shape, elem, &|inner| {
        if e.is_float() {
            scalar::constant(inner, e, identity)
        } else {
            scalar::int_constant(inner, e, identity as i64)
        }
    })?;
    let combine = match (name, e) {
        ("sum", Elem::Bool) | ("amax", Elem::Bool) => "bitwise_or",
        ("prod", Elem::Bool) | ("amin", Elem::Bool) => "bitwise_and",
        ("sum", _) => "add",
        ("prod", _) => "mul",
        ("amax", _) => "maximum",
        _ => "minimum",
    };
    generic(b, &[x], &maps, &iters, init, &|i, a| {
        scalar::apply(i, combine, &[a[1], a[0]], e).map(reassociable)
    })
}

/// A float sum over many trailing elements, in two levels: blocks of about
/// 4096 first, then the block sums. One running sum per vector lane over
/// millions of elements loses digits (a 16M-element f32 sum was 3e-3 off);
/// PyTorch sums in a cascade for the same reason.
fn blocked_sum(
    b: &Builder,
    x: Value,
    shape: &[i64],
    dims: &[i64],
    name: &str,
    e: Elem,
) -> Result<Option<Value>, String> {
    const LARGE: i64 = 1 << 14;
    let rank = shape.len();
    let trailing = !dims.is_empty()
        && dims
            .iter()
            .enumerate()
            .all(|(i, d)| *d as usize == rank - dims.len() + i);
    if name != "sum" || !e.is_float() || !trailing {
        return Ok(None);
    }
    let kept = &shape[..rank - dims.len()];
    let total: i64 = shape[rank - dims.len()..].iter().product();
    let Some(block) = (256..=4096).rev().find(|blk| total % blk == 0) else {
        return Ok(None);
    };
    if total < LARGE {
        return Ok(None);
    }
    let mut blocked = kept.to_vec();
    blocked.extend([total / block, block]);
    let elem = ir::elem_of(ir::value_type(x));
    let regrouped = reshape(b, x, shape, &blocked, elem);
    let last = blocked.len() as i64 - 1;
    let partial = reduce(b, regrouped, &blocked, &[last], name, e)?;
    let partial_shape = &blocked[..blocked.len() - 1];
    reduce(b, partial, partial_shape, &[last - 1], name, e).map(Some)
}

/// Variance and mean over `dims`. f32, f16 and bf16 inputs take one pass:
/// the sum and the sum of squares accumulate together in f64, where
/// `(sum_sq - sum * mean)` keeps its digits unless the mean exceeds the
/// spread by about 1e4 (f64's 16 digits against f32's 7), so reading the
/// input once costs no accuracy against the two-pass formula in f32. A
/// layer_norm kernel then reads each row twice, not three times. f64 inputs
/// have no wider type and keep two passes: the sum, then the squared
/// deviations from the mean.
fn var_mean(
    b: &Builder,
    x: Value,
    shape: &[i64],
    dims: &[i64],
    correction: f64,
    e: Elem,
) -> Result<Vec<Value>, String> {
    let (maps, iters, out_shape) = reduce_maps(shape, dims);
    let elem = scalar::mlir_elem(b, e);
    let n: i64 = dims.iter().map(|d| shape[*d as usize]).product();
    let divisor = (n as f64 - correction).max(0.0);
    if e != F64 {
        let acc = scalar::mlir_elem(b, F64);
        let zero = || {
            fill(b, &out_shape, acc, &|inner| {
                scalar::constant(inner, F64, 0.0)
            })
        };
        let sums = generic_multi(
            b,
            &[x],
            &[maps[0].clone(), maps[1].clone(), maps[1].clone()],
            &iters,
            &[zero()?, zero()?],
            &|i, a| {
                let xv = scalar::cast(i, a[0], e, F64);
                let sum = reassociable(scalar::apply(i, "add", &[a[1], xv], F64)?);
                let sq = scalar::apply(i, "mul", &[xv, xv], F64)?;
                let sum_sq = reassociable(scalar::apply(i, "add", &[a[2], sq], F64)?);
                Ok(vec![sum, sum_sq])
            },
        )?;
        let mean_of = |i: &Builder, sum: Value| {
            let count = scalar::constant(i, F64, n as f64);
            scalar::apply(i, "div", &[sum, count], F64)
        };
        let mean = elementwise(b, &[sums[0]], &out_shape, elem, &|i, a| {
            Ok(scalar::cast(i, mean_of(i, a[0])?, F64, e))
        })?;
        let var = elementwise(b, &sums, &out_shape, elem, &|i, a| {
            let m = mean_of(i, a[0])?;
            let centered = scalar::apply(i, "mul", &[a[0], m], F64)?;
            let deviation = scalar::apply(i, "sub", &[a[1], centered], F64)?;
            // Rounding can leave a tiny negative for constant rows.
            let zero = scalar::constant(i, F64, 0.0);
            let deviation = scalar::apply(i, "maximum", &[deviation, zero], F64)?;
            let d = scalar::constant(i, F64, divisor);
            Ok(scalar::cast(
                i,
                scalar::apply(i, "div", &[deviation, d], F64)?,
                F64,
                e,
            ))
        })?;
        return Ok(vec![var, mean]);
    }
    let sum = reduce(b, x, shape, dims, "sum", e)?;
    let mean = elementwise(b, &[sum], &out_shape, elem, &|i, a| {
        let count = scalar::constant(i, e, n as f64);
        scalar::apply(i, "div", &[a[0], count], e)
    })?;
    let zero = fill(b, &out_shape, elem, &|inner| {
        scalar::constant(inner, e, 0.0)
    })?;
    let squares = generic(
        b,
        &[x, mean],
        &[maps[0].clone(), maps[1].clone(), maps[1].clone()],
        &iters,
        zero,
        &|i, a| {
            let d = scalar::apply(i, "sub", &[a[0], a[1]], e)?;
            let sq = scalar::apply(i, "mul", &[d, d], e)?;
            Ok(reassociable(scalar::apply(i, "add", &[a[2], sq], e)?))
        },
    )?;
    let var = elementwise(b, &[squares], &out_shape, elem, &|i, a| {
        let d = scalar::constant(i, e, divisor);
        scalar::apply(i, "div", &[a[0], d], e)
    })?;
    Ok(vec![var, mean])
}

/// Batched `[..., m, k] x [..., k, n]` as one generic; f16/bf16 accumulate in f32.
fn matmul(
    b: &Builder,
    lhs: Value,
    rhs: Value,
    lhs_shape: &[i64],
    out_shape: &[i64],
    e: Elem,
) -> Result<Value, String> {
    let rank = out_shape.len(); // batch dims + m + n
    let nd = rank + 1; // + k
    let batch: Vec<String> = (0..rank - 2).map(|d| format!("d{d}")).collect();
    let (m, n, k) = (
        format!("d{}", rank - 2),
        format!("d{}", rank - 1),
        format!("d{rank}"),
    );
    let with = |tail: [&String; 2]| {
        let mut v = batch.clone();
        v.extend(tail.iter().map(|s| s.to_string()));
        v
    };
    let maps = vec![
        affine_map(nd, &with([&m, &k])),
        affine_map(nd, &with([&k, &n])),
        affine_map(nd, &with([&m, &n])),
    ];
    let mut iters = vec!["parallel"; rank];
    iters.push("reduction");
    let acc = scalar::compute_elem(e);
    let acc_t = scalar::mlir_elem(b, acc);
    let _ = lhs_shape;
    let zero = fill(b, out_shape, acc_t, &|inner| {
        scalar::constant(inner, acc, 0.0)
    })?;
    let product = generic(b, &[lhs, rhs], &maps, &iters, zero, &|i, a| {
        let x = scalar::cast(i, a[0], e, acc);
        let y = scalar::cast(i, a[1], e, acc);
        let p = scalar::apply(i, "mul", &[x, y], acc)?;
        scalar::apply(i, "add", &[a[2], p], acc).map(reassociable)
    })?;
    if acc == e {
        return Ok(product);
    }
    elementwise(
        b,
        &[product],
        out_shape,
        scalar::mlir_elem(b, e),
        &|i, a| Ok(scalar::cast(i, a[0], acc, e)),
    )
}

/// Lets LLVM reorder a floating accumulation (`fastmath<reassoc>`), which is
/// what allows it to vectorise reduction loops; PyTorch's CPU reductions sum
/// in a vectorised, reassociated order too.
fn reassociable(v: Value) -> Value {
    unsafe {
        if !mlir_sys::mlirValueIsAOpResult(v) {
            return v;
        }
        let op = mlir_sys::mlirOpResultGetOwner(v);
        let name = ir::op_name(op);
        if matches!(name.as_str(), "llvm.intr.maximum" | "llvm.intr.minimum") {
            let attr = ir::parse_attr(ir::context_of(op), "#llvm.fastmath<reassoc,nsz>");
            mlir_sys::mlirOperationSetAttributeByName(op, ir::sref("fastmathFlags"), attr);
        } else if matches!(
            name.as_str(),
            "arith.addf" | "arith.mulf" | "arith.maximumf" | "arith.minimumf"
        ) {
            let attr = ir::parse_attr(ir::context_of(op), "#arith.fastmath<reassoc,nsz>");
            mlir_sys::mlirOperationSetAttributeByName(op, ir::sref("fastmath"), attr);
        }
    }
    v
}
