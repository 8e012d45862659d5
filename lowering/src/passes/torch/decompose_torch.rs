//! `thunder-decompose-torch`: torch level → prims level.
//!
//! Every implicit rule of PyTorch becomes an explicit prims op: broadcasting
//! (`broadcast_in_dim`), type promotion (`convert_element_type`, with the
//! compute dtype from the one `torch.result_type` implementation in the
//! dialect library), default arguments, keepdim (`reshape`), and the f32
//! internal precision PyTorch's kernels use for f16/bf16 compound ops.
//! `thunder_torch.opaque` stays: it has no rule by definition.

use crate::ir::{self, Builder, Elem, Op, Type, Value};
use crate::passes::prims::builder::Prims;

crate::pass::define_module_pass!(
    create_decompose_torch_pass,
    "thunder-decompose-torch",
    "Decompose torch-level ops into prims with explicit broadcasts and conversions",
    run,
    [thunder_dialects::prims_dialect()]
);

fn run(module: Op) -> Result<(), ()> {
    let mut ok = true;
    for op in ir::collect_ops(module, "thunder_torch.") {
        let name = ir::op_name(op);
        if name == "thunder_torch.opaque" {
            continue;
        }
        let p = Prims {
            b: Builder::before(op),
        };
        match decompose(&p, op, &name["thunder_torch.".len()..]) {
            Ok(values) => {
                for (i, v) in values.into_iter().enumerate() {
                    let want = ir::value_type(ir::result(op, i));
                    let v = p.convert(v, ir::elem_of(want));
                    let v = p.reshape(v, &ir::shape_of(want));
                    ir::replace_all_uses(ir::result(op, i), v);
                }
                ir::erase(op);
            }
            Err(message) => {
                ir::emit_error(op, &format!("thunder-decompose-torch: {message}"));
                ok = false;
            }
        }
    }
    if ok { Ok(()) } else { Err(()) }
}

struct Info {
    shape: Vec<i64>,
    elem: Type,
}

fn result_info(op: Op) -> Info {
    let t = ir::value_type(ir::result(op, 0));
    Info {
        shape: ir::shape_of(t),
        elem: ir::elem_of(t),
    }
}

fn attr_i64s(op: Op, name: &str) -> Option<Vec<i64>> {
    ir::get_attr(op, name).map(ir::attr_i64_array)
}

fn attr_i64(op: Op, name: &str) -> Option<i64> {
    ir::get_attr(op, name).map(ir::attr_i64)
}

fn normalize_dim(d: i64, rank: usize) -> i64 {
    let bound = rank.max(1) as i64;
    if d < 0 { d + bound } else { d }
}

/// `dim` of a reduction: sorted, normalised; absent or empty means all.
fn reduction_dims(op: Op, rank: usize) -> Vec<i64> {
    match attr_i64s(op, "dim") {
        Some(d) if !d.is_empty() && rank > 0 => {
            let mut v: Vec<i64> = d.iter().map(|x| normalize_dim(*x, rank)).collect();
            v.sort();
            v.dedup();
            v
        }
        Some(d) if !d.is_empty() => vec![],
        _ => (0..rank as i64).collect(),
    }
}

fn decompose(p: &Prims, op: Op, name: &str) -> Result<Vec<Value>, String> {
    let operands = ir::operands(op);
    let out = result_info(op);
    let ctx = p.ctx();
    let one = |v: Value| Ok(vec![v]);
    match name {
        // Arithmetic computes in the result dtype.
        "add" | "sub" | "mul" | "pow" | "maximum" | "minimum" | "atan2" | "bitwise_and"
        | "bitwise_or" | "bitwise_xor" | "remainder" => {
            // f16/bf16 arithmetic runs in f32 and rounds once at the end, as
            // PyTorch's CPU kernels do; so a Python number keeps its f32 value
            // (`x_f16 * 70000` is finite where x is small).
            let compute = p.compute_type(out.elem);
            let a = p.tensor_operand(operands[0], compute, &out.shape);
            let mut b = p.tensor_operand(operands[1], compute, &out.shape);
            let is_bool = Elem::of(out.elem) == Elem::Bool;
            if let Some(alpha) = ir::get_attr(op, "alpha").map(ir::attr_f64)
                && alpha != 1.0
            {
                // The verifier allows only 0 and 1 on bool, so `b * alpha` is false there.
                b = if is_bool {
                    p.full_like(b, 0.0)
                } else {
                    p.scale(b, alpha)
                };
            }
            one(match (name, is_bool) {
                // On bool, + is "or", * is "and", max/min are or/and.
                ("add" | "maximum", true) => p.binary("bitwise_or", a, b),
                ("mul" | "minimum", true) => p.binary("bitwise_and", a, b),
                ("pow", true) => {
                    // b ? a : true
                    let t = p.full_like(a, 1.0);
                    p.select(b, a, t)
                }
                ("remainder", _) => python_remainder(p, a, b),
                _ => p.binary(name, a, b),
            })
        }
        "div" => {
            let mode = ir::get_attr(op, "rounding_mode").map(ir::attr_string);
            let compute = p.compute_type(out.elem);
            let a = p.tensor_operand(operands[0], compute, &out.shape);
            let b = p.tensor_operand(operands[1], compute, &out.shape);
            let float = Elem::of(out.elem).is_float();
            one(match (mode.as_deref(), float) {
                (None, _) => p.div(a, b),
                (Some("trunc"), true) => {
                    let q = p.div(a, b);
                    p.unary("trunc", q)
                }
                (Some("trunc"), false) => p.div(a, b),
                (Some(_), true) => {
                    let q = float_floor_div(p, upcast(p, a), upcast(p, b));
                    p.convert(q, out.elem)
                }
                (Some(_), false) => integer_floor_div(p, a, b),
            })
        }
        "logical_and" | "logical_or" | "logical_xor" => {
            let a = truthy(p, operands[0], &out.shape);
            let b = truthy(p, operands[1], &out.shape);
            let prim = format!("bitwise_{}", &name["logical_".len()..]);
            one(p.binary(&prim, a, b))
        }
        "eq" | "ne" | "lt" | "le" | "gt" | "ge" => {
            let types = [ir::value_type(operands[0]), ir::value_type(operands[1])];
            let compute = thunder_dialects::torch_result_element_type(&to_melior(&types))
                .map(|t| melior::ir::TypeLike::to_raw(&t))
                .ok_or("operand of no thunder dtype")?;
            let a = p.tensor_operand(operands[0], compute, &out.shape);
            let b = p.tensor_operand(operands[1], compute, &out.shape);
            one(p.compare(name, a, b))
        }
        // Unary math: integer inputs were promoted by the result type.
        "exp" | "exp2" | "expm1" | "log" | "log2" | "log10" | "log1p" | "sqrt" | "rsqrt"
        | "sin" | "cos" | "tan" | "tanh" | "asin" | "acos" | "atan" | "sinh" | "cosh" | "erf"
        | "reciprocal" | "neg" | "abs" => {
            let x = p.convert(operands[0], out.elem);
            one(p.unary(name, x))
        }
        "floor" | "ceil" | "round" | "trunc" => {
            let x = operands[0];
            one(if Elem::of(out.elem).is_float() {
                p.unary(name, x)
            } else {
                x
            })
        }
        "sign" => {
            let x = operands[0];
            one(if Elem::of(out.elem) == Elem::Bool {
                x
            } else {
                p.unary("sign", x)
            })
        }
        "bitwise_not" => one(p.unary("bitwise_not", operands[0])),
        "logical_not" => {
            let t = truthy(p, operands[0], &out.shape);
            one(p.unary("bitwise_not", t))
        }
        "relu" => {
            // `x <= 0 ? 0 : x`, so NaN stays NaN and the gradient is PyTorch's
            // threshold_backward (none at 0, all at NaN), not maximum's split.
            let x = operands[0];
            let zero = p.full_like(x, 0.0);
            let off = p.compare("le", x, zero);
            one(p.select(off, zero, x))
        }
        "sigmoid" => {
            let x = upcast(p, p.convert(operands[0], out.elem));
            one(p.unary("sigmoid", x))
        }
        "silu" => {
            let x = upcast(p, operands[0]);
            let s = p.unary("sigmoid", x);
            one(p.mul(x, s))
        }
        "gelu" => {
            let x = upcast(p, operands[0]);
            let approximate = ir::get_attr(op, "approximate").map(ir::attr_string);
            one(gelu(p, x, approximate.as_deref() == Some("tanh")))
        }
        "to_dtype" => one(p.convert(operands[0], out.elem)),
        "where" => {
            let cond = p.broadcast(operands[0], &out.shape);
            let a = p.tensor_operand(operands[1], out.elem, &out.shape);
            let b = p.tensor_operand(operands[2], out.elem, &out.shape);
            one(p.select(cond, a, b))
        }
        "clamp" => {
            let x = p.convert(operands[0], out.elem);
            // Optional operands keep their order; the segment sizes say which.
            let segments = ir::get_attr(op, "operandSegmentSizes")
                .map(|a| {
                    (0..3)
                        .map(|i| unsafe { mlir_sys::mlirDenseI32ArrayGetElement(a, i) })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_else(|| vec![1, 0, 0]);
            let mut bounds = operands[1..].iter();
            let mut clamped = x;
            let mut inside: Vec<Value> = vec![];
            if segments[1] == 1 {
                let lo = p.tensor_operand(*bounds.next().unwrap(), out.elem, &out.shape);
                clamped = p.binary("maximum", clamped, lo);
                inside.push(p.compare("gt", x, lo));
            }
            if segments[2] == 1 {
                let hi = p.tensor_operand(*bounds.next().unwrap(), out.elem, &out.shape);
                clamped = p.binary("minimum", clamped, hi);
                inside.push(p.compare("lt", x, hi));
            }
            if !Elem::of(out.elem).is_float() || inside.is_empty() {
                return one(clamped);
            }
            // The gradient flows only strictly inside the bounds, as
            // PyTorch's clamp_backward (none at a bound or at NaN): elsewhere
            // the clamped value is a constant to the transforms.
            let inside = inside
                .into_iter()
                .reduce(|a, b| p.binary("bitwise_and", a, b))
                .unwrap();
            let outside = p.unary("stop_gradient", clamped);
            one(p.select(inside, x, outside))
        }
        "sum" | "prod" => {
            let x = operands[0];
            let rank = ir::shape_of(ir::value_type(x)).len();
            let dims = reduction_dims(op, rank);
            let acc = p.compute_type(out.elem);
            let xc = p.convert(x, acc);
            one(p.reduce(name, xc, &dims))
        }
        "amax" | "amin" => {
            let x = operands[0];
            let dims = reduction_dims(op, ir::shape_of(ir::value_type(x)).len());
            one(p.reduce(name, x, &dims))
        }
        "mean" => {
            let x = operands[0];
            let shape = ir::shape_of(ir::value_type(x));
            let dims = reduction_dims(op, shape.len());
            let acc = p.compute_type(out.elem);
            let xc = p.convert(x, acc);
            let s = p.reduce("sum", xc, &dims);
            let n: i64 = dims.iter().map(|d| shape[*d as usize]).product();
            let count = p.full_like(s, n as f64);
            one(p.div(s, count))
        }
        "var" => {
            let x = upcast(p, operands[0]);
            let dims = reduction_dims(op, ir::shape_of(ir::value_type(x)).len());
            let correction = ir::get_attr(op, "correction")
                .map(ir::attr_f64)
                .unwrap_or(1.0);
            Ok(vec![var_mean(p, x, &dims, correction).0])
        }
        "softmax" | "log_softmax" => {
            let x = upcast(p, p.convert(operands[0], out.elem));
            let shape = ir::shape_of(ir::value_type(x));
            let dim = normalize_dim(attr_i64(op, "dim").unwrap_or(-1), shape.len());
            let dims: Vec<i64> = if shape.is_empty() { vec![] } else { vec![dim] };
            // The row maximum only keeps exp in range: no gradient goes
            // through it (the result does not depend on it).
            let m = p.unary("stop_gradient", p.reduce("amax", x, &dims));
            let mb = p.unreduce(m, &shape, &dims);
            let shifted = p.sub(x, mb);
            let e = p.unary("exp", shifted);
            let s = p.reduce("sum", e, &dims);
            one(if name == "softmax" {
                // Multiply by the row's reciprocal, as ATen's softmax kernel
                // does: one division per row instead of one per element.
                let r = p.unary("reciprocal", s);
                let rb = p.unreduce(r, &shape, &dims);
                p.mul(e, rb)
            } else {
                let sb = p.unreduce(s, &shape, &dims);
                let l = p.unary("log", sb);
                p.sub(shifted, l)
            })
        }
        "layer_norm" | "rms_norm" => normalization(p, op, name, &operands),
        "matmul" => one(matmul(p, operands[0], operands[1], &out.shape)),
        "linear" => {
            let x = operands[0];
            let w = operands[1];
            let w_shape = ir::shape_of(ir::value_type(w));
            let wt = if w_shape.len() == 2 {
                p.transpose(w, &[1, 0])
            } else {
                w
            };
            let mut y = matmul(p, x, wt, &out.shape);
            if operands.len() > 2 {
                let b = p.broadcast(operands[2], &out.shape);
                y = p.add(y, b);
            }
            one(y)
        }
        "reshape" | "unsqueeze" => one(p.reshape(operands[0], &out.shape)),
        "squeeze" => {
            let x = operands[0];
            let shape = ir::shape_of(ir::value_type(x));
            let listed: Vec<i64> = match attr_i64s(op, "dim") {
                Some(d) => d.iter().map(|d| normalize_dim(*d, shape.len())).collect(),
                None => (0..shape.len() as i64).collect(),
            };
            let mut dims: Vec<i64> = listed
                .into_iter()
                .filter(|d| shape.get(*d as usize) == Some(&1))
                .collect();
            dims.sort();
            dims.dedup();
            if dims.is_empty() {
                return one(x);
            }
            let attr = ir::i64_array(ctx, &dims);
            one(p.op(
                "squeeze",
                &[x],
                ir::tensor_type(&out.shape, out.elem),
                &[("dims", attr)],
            ))
        }
        "permute" => {
            let rank = out.shape.len();
            let dims: Vec<i64> = attr_i64s(op, "dims")
                .unwrap()
                .iter()
                .map(|d| normalize_dim(*d, rank))
                .collect();
            one(p.transpose(operands[0], &dims))
        }
        "transpose" => {
            let rank = out.shape.len();
            let mut perm: Vec<i64> = (0..rank as i64).collect();
            if rank > 0 {
                let d0 = normalize_dim(attr_i64(op, "dim0").unwrap(), rank) as usize;
                let d1 = normalize_dim(attr_i64(op, "dim1").unwrap(), rank) as usize;
                perm.swap(d0, d1);
            }
            one(p.transpose(operands[0], &perm))
        }
        "expand" => one(p.broadcast(operands[0], &out.shape)),
        "slice" | "select" => {
            let x = operands[0];
            let shape = ir::shape_of(ir::value_type(x));
            let dim = normalize_dim(attr_i64(op, "dim").unwrap(), shape.len()) as usize;
            let size = shape[dim];
            let (start, len, step) = if name == "slice" {
                let step = attr_i64(op, "step").unwrap_or(1);
                let clamp = |i: i64| (if i < 0 { i + size } else { i }).clamp(0, size);
                let start = clamp(attr_i64(op, "start").unwrap());
                let end = clamp(attr_i64(op, "end").unwrap()).max(start);
                let len = (end - start + step - 1) / step;
                // An empty slice starts at 0: an offset equal to the size is
                // out of bounds for `tensor.extract_slice`.
                (if len == 0 { 0 } else { start }, len, step)
            } else {
                let i = attr_i64(op, "index").unwrap();
                (if i < 0 { i + size } else { i }, 1, 1)
            };
            let mut starts = vec![0; shape.len()];
            let mut limits = shape.clone();
            let mut strides = vec![1; shape.len()];
            starts[dim] = start;
            limits[dim] = if len == 0 {
                start
            } else {
                start + (len - 1) * step + 1
            };
            strides[dim] = step;
            let mut sliced_shape = shape.clone();
            sliced_shape[dim] = len;
            let s = p.op(
                "slice",
                &[x],
                ir::tensor_type(&sliced_shape, out.elem),
                &[
                    ("start_indices", ir::i64_array(ctx, &starts)),
                    ("limit_indices", ir::i64_array(ctx, &limits)),
                    ("strides", ir::i64_array(ctx, &strides)),
                ],
            );
            one(p.reshape(s, &out.shape))
        }
        "cat" => {
            let parts: Vec<Value> = operands
                .iter()
                .filter(|v| ir::shape_of(ir::value_type(**v)) != [0])
                .map(|v| p.convert(*v, out.elem))
                .collect();
            if parts.is_empty() {
                return one(p.full(&out.shape, out.elem, 0.0));
            }
            if parts.len() == 1 {
                return one(parts[0]);
            }
            let dim = normalize_dim(attr_i64(op, "dim").unwrap(), out.shape.len());
            one(p.op(
                "cat",
                &parts,
                ir::tensor_type(&out.shape, out.elem),
                &[("dim", ir::i64_attr(ctx, dim))],
            ))
        }
        "full" => {
            let value = ir::attr_number(ir::get_attr(op, "value").unwrap());
            one(p.full(&out.shape, out.elem, value))
        }
        "arange" => {
            let start = ir::attr_number(ir::get_attr(op, "start").unwrap());
            let step = ir::attr_number(ir::get_attr(op, "step").unwrap());
            one(p.op(
                "iota",
                &[],
                ir::tensor_type(&out.shape, out.elem),
                &[
                    ("start", ir::f64_attr(ctx, start)),
                    ("step", ir::f64_attr(ctx, step)),
                ],
            ))
        }
        other => Err(format!("no decomposition for 'thunder_torch.{other}'")),
    }
}

fn to_melior<'c>(types: &[Type]) -> Vec<melior::ir::Type<'c>> {
    types
        .iter()
        .map(|t| unsafe { melior::ir::Type::from_raw(*t) })
        .collect()
}

/// `x != 0` as bool, broadcast to `shape` (tensors or numbers).
fn truthy(p: &Prims, v: Value, shape: &[i64]) -> Value {
    let t = ir::value_type(v);
    let elem = ir::elem_of(t);
    if Elem::of(elem) == Elem::Bool {
        return p.tensor_operand(v, elem, shape);
    }
    let x = p.tensor_operand(v, elem, shape);
    let zero = p.full_like(x, 0.0);
    p.compare("ne", x, zero)
}

/// f16/bf16 to f32 for compound ops; other dtypes unchanged.
fn upcast(p: &Prims, x: Value) -> Value {
    let elem = ir::elem_of(ir::value_type(x));
    p.convert(x, p.compute_type(elem))
}

fn gelu(p: &Prims, x: Value, tanh: bool) -> Value {
    let inner = if tanh {
        // sqrt(2/pi) * (x + 0.044715 x^3)
        let x2 = p.mul(x, x);
        let x3 = p.mul(x2, x);
        let c = p.scale(x3, 0.044715);
        let s = p.add(x, c);
        let k = p.scale(s, (2.0 / std::f64::consts::PI).sqrt());
        p.unary("tanh", k)
    } else {
        let k = p.scale(x, std::f64::consts::FRAC_1_SQRT_2);
        p.unary("erf", k)
    };
    let one_plus = p.shift(inner, 1.0);
    let half_x = p.scale(x, 0.5);
    p.mul(half_x, one_plus)
}

/// `r != 0 && (r < 0) != (b < 0)` for `r = fmod(a, b)`: where the truncated
/// quotient (and C's remainder) must move one step toward -inf for Python.
fn sign_fix(p: &Prims, r: Value, b: Value) -> Value {
    let zero = p.full_like(r, 0.0);
    let nonzero = p.compare("ne", r, zero);
    let r_neg = p.compare("lt", r, zero);
    let b_neg = p.compare("lt", b, zero);
    let signs_differ = p.binary("bitwise_xor", r_neg, b_neg);
    p.binary("bitwise_and", nonzero, signs_differ)
}

/// Python's `%`: the remainder takes the divisor's sign.
fn python_remainder(p: &Prims, a: Value, b: Value) -> Value {
    let r = p.binary("fmod", a, b);
    let fix = sign_fix(p, r, b);
    let adjusted = p.add(r, b);
    p.select(fix, adjusted, r)
}

/// Integer `//`: truncating division moved down when the signs differ.
fn integer_floor_div(p: &Prims, a: Value, b: Value) -> Value {
    let q = p.div(a, b);
    let r = p.binary("fmod", a, b);
    let fix = sign_fix(p, r, b);
    let lowered = p.shift(q, -1.0);
    p.select(fix, lowered, q)
}

/// Float `//` as PyTorch's `div_floor_floating` (and Python): divide the
/// exact multiple `a - fmod(a, b)`, since `floor(a / b)` rounds up where the
/// quotient does (`1.0 // 0.1` is 9, not 10).
fn float_floor_div(p: &Prims, a: Value, b: Value) -> Value {
    let q = p.div(a, b);
    let r = p.binary("fmod", a, b);
    let fix = sign_fix(p, r, b);
    let exact = p.div(p.sub(a, r), b);
    let div = p.select(fix, p.shift(exact, -1.0), exact);
    // `div` is a whole number up to rounding: snap it to the nearest one.
    let floor = p.unary("floor", div);
    let frac = p.sub(div, floor);
    let round_up = p.compare("gt", frac, p.full_like(frac, 0.5));
    let snapped = p.select(round_up, p.shift(floor, 1.0), floor);
    // A zero quotient keeps the sign of `a / b` (`q * 0` is that signed zero).
    let zero = p.full_like(q, 0.0);
    let is_zero = p.compare("eq", div, zero);
    let result = p.select(is_zero, p.mul(q, zero), snapped);
    // Division by zero gives the IEEE quotient (inf or nan).
    let b_zero = p.compare("eq", b, zero);
    p.select(b_zero, q, result)
}

fn var_mean(p: &Prims, x: Value, dims: &[i64], correction: f64) -> (Value, Value) {
    let shape = ir::shape_of(ir::value_type(x));
    let reduced: Vec<i64> = shape
        .iter()
        .enumerate()
        .filter(|(i, _)| !dims.contains(&(*i as i64)))
        .map(|(_, s)| *s)
        .collect();
    let t = ir::tensor_type(&reduced, ir::elem_of(ir::value_type(x)));
    let attrs = [
        ("dims", ir::i64_array(p.ctx(), dims)),
        ("correction", ir::f64_attr(p.ctx(), correction)),
    ];
    let op =
        p.b.create("thunder_prims.var_mean", &[x], &[t, t], &attrs, vec![]);
    (ir::result(op, 0), ir::result(op, 1))
}

fn normalization(p: &Prims, op: Op, name: &str, operands: &[Value]) -> Result<Vec<Value>, String> {
    let x = upcast(p, operands[0]);
    let shape = ir::shape_of(ir::value_type(x));
    let normalized = attr_i64s(op, "normalized_shape").unwrap();
    let first = shape.len() - normalized.len();
    let dims: Vec<i64> = (first as i64..shape.len() as i64).collect();
    let eps_attr = ir::get_attr(op, "eps").map(ir::attr_f64);
    let in_elem = ir::elem_of(ir::value_type(operands[0]));
    let mut y = if name == "layer_norm" {
        let (var, mean) = var_mean(p, x, &dims, 0.0);
        let v = p.shift(var, eps_attr.unwrap_or(1e-5));
        let rstd = p.unary("rsqrt", v);
        let mb = p.unreduce(mean, &shape, &dims);
        let rb = p.unreduce(rstd, &shape, &dims);
        let centered = p.sub(x, mb);
        p.mul(centered, rb)
    } else {
        let eps = eps_attr.unwrap_or_else(|| machine_epsilon(in_elem));
        let sq = p.mul(x, x);
        let s = p.reduce("sum", sq, &dims);
        let n: i64 = normalized.iter().product();
        let count = p.full_like(s, n as f64);
        let ms = p.div(s, count);
        let v = p.shift(ms, eps);
        let r = p.unary("rsqrt", v);
        let rb = p.unreduce(r, &shape, &dims);
        p.mul(x, rb)
    };
    // Optional weight (and bias for layer_norm), which the segment sizes locate.
    let (weight, bias) = if name == "layer_norm" {
        let seg = ir::get_attr(op, "operandSegmentSizes")
            .map(|a| {
                (0..3)
                    .map(|i| unsafe { mlir_sys::mlirDenseI32ArrayGetElement(a, i) })
                    .collect::<Vec<_>>()
            })
            .unwrap();
        let w = (seg[1] == 1).then(|| operands[1]);
        let b = (seg[2] == 1).then(|| operands[1 + seg[1] as usize]);
        (w, b)
    } else {
        (operands.get(1).copied(), None)
    };
    let affine = |v: Value| {
        let c = upcast(p, v);
        p.broadcast(c, &shape)
    };
    if let Some(w) = weight {
        y = p.mul(y, affine(w));
    }
    if let Some(b) = bias {
        y = p.add(y, affine(b));
    }
    Ok(vec![y])
}

/// `rms_norm`'s default eps: PyTorch takes the epsilon of the dtype it
/// computes in, so f16 and bf16 get f32's.
fn machine_epsilon(elem: Type) -> f64 {
    match Elem::of(elem) {
        Elem::Float(64, _) => f64::EPSILON,
        _ => f32::EPSILON as f64,
    }
}

/// `torch.matmul` semantics on top of the batched, explicit `prims.matmul`.
fn matmul(p: &Prims, a: Value, b: Value, out_shape: &[i64]) -> Value {
    let a_shape = ir::shape_of(ir::value_type(a));
    let b_shape = ir::shape_of(ir::value_type(b));
    let elem = ir::elem_of(ir::value_type(a));
    let a2 = if a_shape.len() == 1 {
        p.reshape(a, &[1, a_shape[0]])
    } else {
        a
    };
    let b2 = if b_shape.len() == 1 {
        p.reshape(b, &[b_shape[0], 1])
    } else {
        b
    };
    let a2s = ir::shape_of(ir::value_type(a2));
    let b2s = ir::shape_of(ir::value_type(b2));
    let (m, k) = (a2s[a2s.len() - 2], a2s[a2s.len() - 1]);
    let n = b2s[b2s.len() - 1];
    // Broadcast batch dimensions to a common shape (explicit at prims).
    let ab = &a2s[..a2s.len() - 2];
    let bb = &b2s[..b2s.len() - 2];
    let rank = ab.len().max(bb.len());
    let mut batch = vec![1i64; rank];
    for (i, slot) in batch.iter_mut().enumerate() {
        let da = if i + ab.len() >= rank {
            ab[i + ab.len() - rank]
        } else {
            1
        };
        let db = if i + bb.len() >= rank {
            bb[i + bb.len() - rank]
        } else {
            1
        };
        // Size 1 stretches to the other size, including 0.
        *slot = if da == 1 { db } else { da };
    }
    let with = |tail: [i64; 2]| {
        let mut s = batch.clone();
        s.extend(tail);
        s
    };
    let a3 = p.broadcast(a2, &with([m, k]));
    let b3 = p.broadcast(b2, &with([k, n]));
    let product = p.op(
        "matmul",
        &[a3, b3],
        ir::tensor_type(&with([m, n]), elem),
        &[],
    );
    p.reshape(product, out_shape)
}
