//! Emitting prims-level ops: the vocabulary the torch decomposition is written in.

use crate::ir::{self, Attr, Builder, Elem, Type, Value};
use mlir_sys::MlirContext;

#[derive(Clone, Copy)]
pub struct Prims {
    pub b: Builder,
}

impl Prims {
    pub fn ctx(&self) -> MlirContext {
        self.b.ctx
    }

    pub fn op(
        &self,
        name: &str,
        operands: &[Value],
        result: Type,
        attrs: &[(&str, Attr)],
    ) -> Value {
        self.b
            .value(&format!("thunder_prims.{name}"), operands, result, attrs)
    }

    pub fn f32(&self) -> Type {
        ir::f32_type(self.ctx())
    }

    pub fn i1(&self) -> Type {
        ir::int_type(self.ctx(), 1)
    }

    /// `x` with element type `elem` (no op if it already has it).
    pub fn convert(&self, x: Value, elem: Type) -> Value {
        let t = ir::value_type(x);
        if ir::types_equal(ir::elem_of(t), elem) {
            return x;
        }
        let result = ir::tensor_type(&ir::shape_of(t), elem);
        self.op("convert_element_type", &[x], result, &[])
    }

    /// NumPy-style broadcast of `x` to `shape` (trailing dimensions aligned).
    pub fn broadcast(&self, x: Value, shape: &[i64]) -> Value {
        let t = ir::value_type(x);
        let have = ir::shape_of(t);
        if have == shape {
            return x;
        }
        let offset = shape.len() - have.len();
        let dims: Vec<i64> = (0..have.len()).map(|i| (offset + i) as i64).collect();
        self.broadcast_in_dim(x, shape, &dims)
    }

    pub fn broadcast_in_dim(&self, x: Value, shape: &[i64], dims: &[i64]) -> Value {
        let t = ir::value_type(x);
        if ir::shape_of(t) == shape {
            return x;
        }
        let result = ir::tensor_type(shape, ir::elem_of(t));
        let attr = ir::i64_array(self.ctx(), dims);
        self.op(
            "broadcast_in_dim",
            &[x],
            result,
            &[("broadcast_dimensions", attr)],
        )
    }

    /// Broadcasts a reduced tensor back over the `reduced` dims of `shape`.
    pub fn unreduce(&self, x: Value, shape: &[i64], reduced: &[i64]) -> Value {
        let dims: Vec<i64> = (0..shape.len() as i64)
            .filter(|d| !reduced.contains(d))
            .collect();
        self.broadcast_in_dim(x, shape, &dims)
    }

    /// A tensor or Python number as a tensor of `elem` and `shape`.
    pub fn tensor_operand(&self, v: Value, elem: Type, shape: &[i64]) -> Value {
        let t = ir::value_type(v);
        let tensor = if ir::is_tensor(t) {
            self.convert(v, elem)
        } else {
            self.op("from_scalar", &[v], ir::tensor_type(&[], elem), &[])
        };
        self.broadcast(tensor, shape)
    }

    pub fn full(&self, shape: &[i64], elem: Type, value: f64) -> Value {
        let attr = ir::number_attr(elem, value);
        self.op(
            "full",
            &[],
            ir::tensor_type(shape, elem),
            &[("value", attr)],
        )
    }

    /// A constant with the shape and dtype of `like`.
    pub fn full_like(&self, like: Value, value: f64) -> Value {
        let t = ir::value_type(like);
        self.full(&ir::shape_of(t), ir::elem_of(t), value)
    }

    pub fn unary(&self, name: &str, x: Value) -> Value {
        self.op(name, &[x], ir::value_type(x), &[])
    }

    pub fn binary(&self, name: &str, a: Value, b: Value) -> Value {
        self.op(name, &[a, b], ir::value_type(a), &[])
    }

    pub fn compare(&self, name: &str, a: Value, b: Value) -> Value {
        let shape = ir::shape_of(ir::value_type(a));
        self.op(name, &[a, b], ir::tensor_type(&shape, self.i1()), &[])
    }

    pub fn select(&self, pred: Value, on_true: Value, on_false: Value) -> Value {
        self.op(
            "where",
            &[pred, on_true, on_false],
            ir::value_type(on_true),
            &[],
        )
    }

    pub fn add(&self, a: Value, b: Value) -> Value {
        self.binary("add", a, b)
    }
    pub fn sub(&self, a: Value, b: Value) -> Value {
        self.binary("sub", a, b)
    }
    pub fn mul(&self, a: Value, b: Value) -> Value {
        self.binary("mul", a, b)
    }
    pub fn div(&self, a: Value, b: Value) -> Value {
        self.binary("div", a, b)
    }

    /// `x * c` for a constant `c`.
    pub fn scale(&self, x: Value, c: f64) -> Value {
        let k = self.full_like(x, c);
        self.mul(x, k)
    }

    /// `x + c` for a constant `c`.
    pub fn shift(&self, x: Value, c: f64) -> Value {
        let k = self.full_like(x, c);
        self.add(x, k)
    }

    /// Reduction over sorted `dims`, which are removed.
    pub fn reduce(&self, name: &str, x: Value, dims: &[i64]) -> Value {
        let t = ir::value_type(x);
        let shape: Vec<i64> = ir::shape_of(t)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !dims.contains(&(*i as i64)))
            .map(|(_, s)| s)
            .collect();
        let attr = ir::i64_array(self.ctx(), dims);
        self.op(
            name,
            &[x],
            ir::tensor_type(&shape, ir::elem_of(t)),
            &[("dims", attr)],
        )
    }

    pub fn reshape(&self, x: Value, shape: &[i64]) -> Value {
        let t = ir::value_type(x);
        if ir::shape_of(t) == shape {
            return x;
        }
        self.op("reshape", &[x], ir::tensor_type(shape, ir::elem_of(t)), &[])
    }

    pub fn transpose(&self, x: Value, permutation: &[i64]) -> Value {
        if permutation.iter().enumerate().all(|(i, p)| i as i64 == *p) {
            return x;
        }
        let t = ir::value_type(x);
        let have = ir::shape_of(t);
        let shape: Vec<i64> = permutation.iter().map(|p| have[*p as usize]).collect();
        let attr = ir::i64_array(self.ctx(), permutation);
        self.op(
            "transpose",
            &[x],
            ir::tensor_type(&shape, ir::elem_of(t)),
            &[("permutation", attr)],
        )
    }

    /// The dtype compound ops compute in: f16/bf16 go through f32, as
    /// PyTorch's kernels do (one rounding at the end).
    pub fn compute_type(&self, elem: Type) -> Type {
        if Elem::of(elem).is_half() {
            self.f32()
        } else {
            elem
        }
    }

    pub fn neg(&self, x: Value) -> Value {
        self.unary("neg", x)
    }

    pub fn zeros_like(&self, like: Value) -> Value {
        self.full_like(like, 0.0)
    }

    /// Whether `x` is a floating tensor (what gradients and tangents flow through).
    pub fn is_float(x: Value) -> bool {
        let t = ir::value_type(x);
        ir::is_tensor(t) && Elem::of(ir::elem_of(t)).is_float()
    }

    /// Sum over sorted `dims`, accumulating f16/bf16 in f32 as PyTorch does,
    /// in `x`'s dtype.
    pub fn sum_accumulating(&self, x: Value, dims: &[i64]) -> Value {
        if dims.is_empty() {
            return x;
        }
        let elem = ir::elem_of(ir::value_type(x));
        let acc = self.compute_type(elem);
        let s = self.reduce("sum", self.convert(x, acc), dims);
        self.convert(s, elem)
    }

    /// Sums `x` (of a broadcast's result shape) back to `shape`, the operand
    /// of a `broadcast_in_dim` with `dims`: the transpose of that broadcast.
    pub fn unbroadcast(&self, x: Value, shape: &[i64], dims: &[i64]) -> Value {
        let have = ir::shape_of(ir::value_type(x));
        let mut summed: Vec<i64> = (0..have.len() as i64)
            .filter(|d| !dims.contains(d))
            .collect();
        for (i, d) in dims.iter().enumerate() {
            if shape[i] == 1 && have[*d as usize] != 1 {
                summed.push(*d);
            }
        }
        summed.sort();
        let s = self.sum_accumulating(x, &summed);
        self.reshape(s, shape)
    }

    pub fn slice(&self, x: Value, start: &[i64], limit: &[i64], strides: &[i64]) -> Value {
        let shape: Vec<i64> = (0..start.len())
            .map(|i| {
                let span = limit[i] - start[i];
                if span <= 0 {
                    0
                } else {
                    (span + strides[i] - 1) / strides[i]
                }
            })
            .collect();
        let t = ir::tensor_type(&shape, ir::elem_of(ir::value_type(x)));
        let ctx = self.ctx();
        self.op(
            "slice",
            &[x],
            t,
            &[
                ("start_indices", ir::i64_array(ctx, start)),
                ("limit_indices", ir::i64_array(ctx, limit)),
                ("strides", ir::i64_array(ctx, strides)),
            ],
        )
    }

    /// `pad` with a 0-d `value` of `x`'s dtype.
    pub fn pad(
        &self,
        x: Value,
        value: Value,
        low: &[i64],
        high: &[i64],
        interior: &[i64],
    ) -> Value {
        let have = ir::shape_of(ir::value_type(x));
        let shape: Vec<i64> = (0..have.len())
            .map(|i| {
                let inner = if have[i] == 0 {
                    0
                } else {
                    (have[i] - 1) * interior[i]
                };
                low[i] + have[i] + inner + high[i]
            })
            .collect();
        let t = ir::tensor_type(&shape, ir::elem_of(ir::value_type(x)));
        let ctx = self.ctx();
        self.op(
            "pad",
            &[x, value],
            t,
            &[
                ("low", ir::i64_array(ctx, low)),
                ("high", ir::i64_array(ctx, high)),
                ("interior", ir::i64_array(ctx, interior)),
            ],
        )
    }

    pub fn cat(&self, parts: &[Value], dim: i64) -> Value {
        let first = ir::value_type(parts[0]);
        let mut shape = ir::shape_of(first);
        shape[dim as usize] = parts
            .iter()
            .map(|p| ir::shape_of(ir::value_type(*p))[dim as usize])
            .sum();
        let t = ir::tensor_type(&shape, ir::elem_of(first));
        self.op("cat", parts, t, &[("dim", ir::i64_attr(self.ctx(), dim))])
    }

    pub fn matmul(&self, a: Value, b: Value) -> Value {
        let sa = ir::shape_of(ir::value_type(a));
        let sb = ir::shape_of(ir::value_type(b));
        let mut shape = sa[..sa.len() - 1].to_vec();
        shape.push(sb[sb.len() - 1]);
        let t = ir::tensor_type(&shape, ir::elem_of(ir::value_type(a)));
        self.op("matmul", &[a, b], t, &[])
    }

    /// `x` with its last two dimensions swapped.
    pub fn transpose_last2(&self, x: Value) -> Value {
        let rank = ir::shape_of(ir::value_type(x)).len() as i64;
        let mut perm: Vec<i64> = (0..rank).collect();
        perm.swap(rank as usize - 1, rank as usize - 2);
        self.transpose(x, &perm)
    }

    /// `(var, mean)` over sorted `dims`.
    pub fn var_mean(&self, x: Value, dims: &[i64], correction: f64) -> (Value, Value) {
        let t = ir::value_type(x);
        let shape: Vec<i64> = ir::shape_of(t)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !dims.contains(&(*i as i64)))
            .map(|(_, s)| s)
            .collect();
        let r = ir::tensor_type(&shape, ir::elem_of(t));
        let attrs = [
            ("dims", ir::i64_array(self.ctx(), dims)),
            ("correction", ir::f64_attr(self.ctx(), correction)),
        ];
        let op = self
            .b
            .create("thunder_prims.var_mean", &[x], &[r, r], &attrs, vec![]);
        (ir::result(op, 0), ir::result(op, 1))
    }

    /// A copy of `op` (same name, attributes and regions) on `operands`,
    /// giving results of `results` types.
    pub fn recreate(&self, op: ir::Op, operands: &[Value], results: &[Type]) -> ir::Op {
        let attrs = ir::attributes(op);
        let named: Vec<(&str, Attr)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
        self.b
            .create(&ir::op_name(op), operands, results, &named, vec![])
    }
}
