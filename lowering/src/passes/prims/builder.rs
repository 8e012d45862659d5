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
}
