"""Writes a captured aten graph (torch.fx) as torch-level MLIR (thunder_torch).

Each aten call becomes one thunder_torch op with PyTorch's semantics; Python
numbers become `arith.constant`s (they were specialised, and the cache key
holds their values). Result types come from the fake tensors the capture
recorded, and the dialect's verifier checks them against its own PyTorch rules.
"""

import math
import re
import struct

import torch

from ._dtypes import mlir_element, tensor_type
from .errors import CaptureError, UnsupportedOperation

aten = torch.ops.aten
INT64_MAX = 2**63 - 1


def _user_location(node):
    """`loc("file":line:col)` of the user's line that produced this node."""
    trace = node.meta.get("stack_trace") or ""
    frames = re.findall(r'File "([^"]+)", line (\d+)', trace)
    user = [f for f in frames if "/torch/" not in f[0] and "/thunder/" not in f[0]]
    if user:
        path, line = user[-1]
        path = path.replace('"', "")
        return f'loc("{path}":{line}:1)', f"{path}:{line}"
    return "loc(unknown)", "<unknown>"


def _f64(v):
    bits = struct.unpack("<Q", struct.pack("<d", float(v)))[0]
    return f"0x{bits:016X} : f64"


def _array(values):
    values = [int(v) for v in values]
    return f"array<i64{': ' if values else ''}{', '.join(map(str, values))}>"


class Emitter:
    def __init__(self):
        self.lines = []
        self.values = {}  # fx node (or (node, index)) -> (ssa name, type)
        self.counter = 0
        self.location = "loc(unknown)"
        self.where = "<unknown>"
        self.node = None

    def fresh(self):
        self.counter += 1
        return f"%v{self.counter}"

    def constant(self, value):
        name = self.fresh()
        if isinstance(value, bool):
            self.lines.append(f"  {name} = arith.constant {'true' if value else 'false'} {self.location}")
            return name, "i1"
        if isinstance(value, int):
            if not -(2**63) <= value < 2**63:
                raise self.unsupported(f"the integer {value} does not fit in int64")
            self.lines.append(f"  {name} = arith.constant {value} : i64 {self.location}")
            return name, "i64"
        if isinstance(value, float):
            self.lines.append(f"  {name} = arith.constant {_f64(value)} {self.location}")
            return name, "f64"
        raise self.unsupported(f"argument {value!r} of type {type(value).__name__}")

    def operand(self, arg):
        """An SSA value for an fx node or a Python number."""
        if isinstance(arg, torch.fx.Node):
            return self.values[arg]
        if isinstance(arg, (bool, int, float)):
            return self.constant(arg)
        raise self.unsupported(f"argument {arg!r} of type {type(arg).__name__}")

    def op(self, name, operands, result_type, attrs=None):
        """Emits `thunder_torch.<name>` and returns (ssa, type)."""
        ssa = self.fresh()
        names = ", ".join(o[0] for o in operands)
        types = ", ".join(o[1] for o in operands)
        attr_text = ""
        if attrs:
            attr_text = " {" + ", ".join(f"{k} = {v}" for k, v in attrs.items()) + "}"
        self.lines.append(
            f"  {ssa} = thunder_torch.{name} {names}{attr_text} : {types} -> {result_type} {self.location}"
        )
        return ssa, result_type

    def raw(self, text_fn, result_type):
        ssa = self.fresh()
        self.lines.append(f"  {ssa} = {text_fn} -> {result_type} {self.location}")
        return ssa, result_type

    def unsupported(self, what):
        target = getattr(self.node, "target", None)
        return UnsupportedOperation(f"{what} in {target} at {self.where}")


def result_type_of(node):
    val = node.meta.get("val")
    if isinstance(val, torch.Tensor):
        return tensor_type(val.shape, val.dtype)
    raise UnsupportedOperation(f"{node.target} produces {type(val).__name__}, not a tensor")


# --- handlers: each takes (emitter, node) and returns (ssa, type) -----------

BINARY = {
    "add": "add", "sub": "sub", "mul": "mul", "div": "div", "remainder": "remainder",
    "pow": "pow", "maximum": "maximum", "minimum": "minimum", "atan2": "atan2",
    "bitwise_and": "bitwise_and", "bitwise_or": "bitwise_or", "bitwise_xor": "bitwise_xor",
    "logical_and": "logical_and", "logical_or": "logical_or", "logical_xor": "logical_xor",
    "eq": "eq", "ne": "ne", "lt": "lt", "le": "le", "gt": "gt", "ge": "ge",
    "floor_divide": "div",
}

UNARY = {
    "neg", "abs", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt",
    "sin", "cos", "tan", "tanh", "asin", "acos", "atan", "sinh", "cosh", "erf", "sigmoid",
    "reciprocal", "silu", "relu", "floor", "ceil", "round", "trunc", "sign", "bitwise_not",
    "logical_not",
}

IDENTITY = {"clone", "alias", "detach", "contiguous", "lift_fresh_copy"}

# Functionalization (`remove="mutations_and_views"`) writes views as their
# `*_copy` variants (`view_copy`, `t_copy`, `select_copy`, ...); they have the
# view's semantics on values. These `_copy` names are ops of their own.
NOT_VIEW_COPIES = {"_to_copy", "lift_fresh_copy"}


def _binary(em, node, name):
    a, b = node.args[0], node.args[1]
    attrs = {}
    alpha = node.kwargs.get("alpha", node.args[2] if len(node.args) > 2 else 1)
    out_dtype = node.meta["val"].dtype
    if name in ("add", "sub") and isinstance(alpha, float) and not out_dtype.is_floating_point:
        raise CaptureError(
            f"For integral input tensors, argument alpha must not be a floating point number (as eager "
            f"raises), at {em.where}"
        )
    if name in ("add", "sub") and out_dtype == torch.bool:
        # On bool, eager multiplies by bool(alpha): any nonzero alpha is 1.
        alpha = 1 if alpha else 0
    if name in ("add", "sub") and alpha != 1:
        attrs["alpha"] = _f64(alpha)
    if name == "div":
        mode = node.kwargs.get("rounding_mode")
        if node.target.__name__.split(".")[0] == "floor_divide":
            mode = "floor"
        if mode is not None:
            attrs["rounding_mode"] = f'"{mode}"'
    return em.op(name, [em.operand(a), em.operand(b)], result_type_of(node), attrs)


def _clamp(em, node, base):
    A = node.args
    if base == "clamp":
        named = _named_args(node)
        lo, hi = named.get("min"), named.get("max")
    elif base == "clamp_min":
        lo, hi = A[1], None
    else:
        lo, hi = None, A[1]
    if isinstance(lo, torch.fx.Node) or isinstance(hi, torch.fx.Node):
        raise em.unsupported("clamp with tensor bounds")
    x = em.operand(A[0])
    x_dtype, out_dtype = A[0].meta["val"].dtype, node.meta["val"].dtype
    if out_dtype == torch.bool:
        raise em.unsupported("clamp of a bool tensor with bool bounds")
    if x_dtype == torch.bool:
        # Eager clamps a bool tensor in the dtype its bounds promote it to.
        x = em.op("to_dtype", [x], tensor_type(A[0].meta["val"].shape, out_dtype), {"dtype": mlir_element(out_dtype)})
    elif not out_dtype.is_floating_point:
        # Integer bounds on an integer tensor compare as numbers: a bound past
        # the dtype's range on the far side is no bound (-5 on uint8), one on
        # the near side is eager's error.
        info = torch.iinfo(out_dtype)
        if (lo is not None and lo > info.max) or (hi is not None and hi < info.min):
            which, value = ("min", lo) if lo is not None and lo > info.max else ("max", hi)
            raise CaptureError(
                f"Clamp {which} value {value} is outside the representable range of {out_dtype} (as eager "
                f"raises), at {em.where}"
            )
        lo = None if lo is not None and lo < info.min else lo
        hi = None if hi is not None and hi > info.max else hi
    if lo is None and hi is None:
        # Every bound fell outside the dtype's range: clamp is the identity.
        return x
    text = f"thunder_torch.clamp {x[0]}"
    if lo is not None:
        c = em.constant(lo)
        text += f" min {c[0]} : {c[1]}"
    if hi is not None:
        c = em.constant(hi)
        text += f" max {c[0]} : {c[1]}"
    return em.raw(f"{text} : {x[1]}", result_type_of(node))


def _pow(em, node):
    """`pow` with PyTorch's special cases for a Python-number exponent: its
    CPU kernel computes x**0.5 as sqrt, x**-0.5 as rsqrt, x**-1 as reciprocal,
    x**-2 as 1/(x*x), x**2 as x*x and x**3 as x*x*x, which differ from powf
    at -inf and -0.0 (and are cheaper, their derivatives too). (Its f16
    kernel keeps powf for 0.5 and -0.5.)"""
    base, exponent = node.args[0], node.args[1]
    out = node.meta["val"]
    if isinstance(base, torch.fx.Node) and isinstance(exponent, (bool, int, float)):
        base_dtype = base.meta["val"].dtype
        if not base_dtype.is_floating_point and isinstance(exponent, int) and not isinstance(exponent, bool) \
                and exponent < 0:
            raise CaptureError(f"Integers to negative integer powers are not allowed (as eager raises), at {em.where}")
        if out.dtype.is_floating_point and base_dtype == out.dtype:
            x = em.operand(base)
            rt = result_type_of(node)
            if exponent == 0.5 and out.dtype != torch.float16:
                return em.op("sqrt", [x], rt)
            if exponent == -0.5 and out.dtype != torch.float16:
                return em.op("rsqrt", [x], rt)
            if exponent == -1:
                return em.op("reciprocal", [x], rt)
            if exponent == -2:
                return em.op("reciprocal", [em.op("mul", [x, x], rt)], rt)
            if exponent == 2:
                return em.op("mul", [x, x], rt)
            if exponent == 3:
                return em.op("mul", [em.op("mul", [x, x], rt), x], rt)
    return _binary(em, node, "pow")


def _reduction_dims(dim):
    if dim is None:
        return None
    if isinstance(dim, int):
        dim = [dim]
    return list(dim)


def _named_args(node):
    """The call's arguments by schema name (positional and keyword alike);
    absent ones are missing from the dict."""
    named = dict(node.kwargs)
    for arg, value in zip(node.target._schema.arguments, node.args):
        named[arg.name] = value
    return named


def _reduction(em, node, name):
    x = em.operand(node.args[0])
    named = _named_args(node)
    attrs = {}
    # `sum.default` has no dim; `amax.default` has one (`dim=[]`: all dims).
    dims = _reduction_dims(named.get("dim"))
    if dims:
        attrs["dim"] = _array(dims)
    if named.get("keepdim", False):
        attrs["keepdim"] = "true"
    dtype = named.get("dtype")
    if dtype is not None:
        if dtype == torch.bool:
            raise em.unsupported(f"{name} with dtype=torch.bool")
        attrs["dtype"] = mlir_element(dtype)
    return em.op(name, [x], result_type_of(node), attrs)


def translate(graph_module, name="main", router=None, transforms=()):
    """Returns (mlir text, [(dtype, shape)] of the outputs) for a captured
    graph. `router(emitter, node, translate_call)`, when given, decides who
    runs each call: it emits the node and returns its (ssa, type).
    `transforms` are the function's `thunder.transforms` entries, as MLIR
    dictionary attributes (`{kind = "vjp", wrt = array<i64: 0>}`)."""
    em = Emitter()
    args = []
    for node in graph_module.graph.nodes:
        if node.op == "placeholder":
            val = node.meta.get("val")
            ty = tensor_type(val.shape, val.dtype)
            ssa = f"%arg{len(args)}"
            args.append(f"{ssa}: {ty}")
            em.values[node] = (ssa, ty)
    # Tensors made from Python data inside the function are inputs too, after
    # the arguments (the caller passes them in graph order).
    for node in graph_module.graph.nodes:
        if node.op == "get_attr":
            val = getattr(graph_module, node.target)
            if not isinstance(val, torch.Tensor):
                raise UnsupportedOperation(f"graph constant {node.target} of type {type(val).__name__}")
            ty = tensor_type(val.shape, val.dtype)
            ssa = f"%arg{len(args)}"
            args.append(f"{ssa}: {ty}")
            em.values[node] = (ssa, ty)
    outputs = []
    for node in graph_module.graph.nodes:
        em.node = node
        if node.op == "call_function":
            em.location, em.where = _user_location(node)
            em.values[node] = router(em, node, _translate_call) if router else _translate_call(em, node)
        elif node.op == "output":
            outputs = list(node.args[0]) if isinstance(node.args[0], (list, tuple)) else [node.args[0]]
    results = [em.values[o] for o in outputs]
    result_types = ", ".join(t for _, t in results)
    body = "\n".join(em.lines)
    ret = f"  return {', '.join(n for n, _ in results)} : {result_types}" if results else "  return"
    attributes = f" attributes {{thunder.transforms = [{', '.join(transforms)}]}}" if transforms else ""
    text = (
        f"func.func @{name}({', '.join(args)}) -> ({result_types}){attributes} {{\n{body}\n{ret}\n}}\n"
    )
    specs = []
    for o in outputs:
        val = o.meta["val"]
        specs.append((mlir_element(val.dtype), [int(d) for d in val.shape]))
    return text, specs


def _translate_call(em, node):
    target = node.target
    if target is __import__("operator").getitem:
        source, index = node.args
        key = (source, index)
        if key not in em.values:
            if not node.users:
                # An unused output of a multi-output op (layer_norm's mean and rstd).
                return None
            raise em.unsupported(f"output {index} of {source.target}")
        return em.values[key]
    if not isinstance(target, torch._ops.OpOverload):
        raise em.unsupported(f"call to {target}")
    packet = target._schema.name.split("::")[1]
    inplace = packet.endswith("_") and not packet.endswith("__")
    base = packet[:-1] if inplace else packet
    if base.endswith("_copy") and base not in NOT_VIEW_COPIES:
        base = base[: -len("_copy")]
    if inplace:
        mutated = node.args[0]
        if mutated.op == "placeholder":
            raise em.unsupported("mutating an input in place is not supported; return the new value instead")
    result = _translate_op(em, node, base)
    if inplace:
        # Later uses of the mutated tensor see the new value.
        em.values[node.args[0]] = result
    return result


def _translate_op(em, node, base):
    A = node.args
    K = node.kwargs
    rt = lambda: result_type_of(node)
    if base in IDENTITY:
        return em.operand(A[0])
    if base == "pow":
        return _pow(em, node)
    if base in BINARY:
        return _binary(em, node, BINARY[base])
    if base == "rsub":
        # rsub(a, b, alpha) = b - alpha * a
        alpha = K.get("alpha", A[2] if len(A) > 2 else 1)
        attrs = {"alpha": _f64(alpha)} if alpha != 1 else {}
        return em.op("sub", [em.operand(A[1]), em.operand(A[0])], rt(), attrs)
    if base == "round" and (len(A) > 1 or K.get("decimals")):
        raise em.unsupported("round with decimals")
    if base in UNARY:
        return em.op(base, [em.operand(A[0])], rt())
    if base == "gelu":
        approx = K.get("approximate", "none")
        return em.op("gelu", [em.operand(A[0])], rt(), {"approximate": f'"{approx}"'})
    if base in ("_to_copy", "to", "_convert_element_type", "convert_element_type"):
        dtype = K.get("dtype") or (A[1] if len(A) > 1 and isinstance(A[1], torch.dtype) else None)
        device = K.get("device")
        if device is not None and torch.device(device).type != "cpu":
            raise em.unsupported(f"moving a tensor to {device}")
        if dtype is None:
            return em.operand(A[0])
        return em.op("to_dtype", [em.operand(A[0])], rt(), {"dtype": mlir_element(dtype)})
    if base == "where":
        return em.op("where", [em.operand(a) for a in A[:3]], rt())
    if base in ("clamp", "clamp_min", "clamp_max"):
        return _clamp(em, node, base)
    if base in ("sum", "mean", "prod", "amax", "amin"):
        return _reduction(em, node, base)
    if base == "var":
        x = em.operand(A[0])
        named = _named_args(node)
        attrs = {}
        dims = _reduction_dims(named.get("dim"))
        if dims:
            attrs["dim"] = _array(dims)
        correction = named.get("correction")
        if correction is None:
            correction = 1 if named.get("unbiased", True) else 0
        if isinstance(correction, torch.fx.Node):
            raise em.unsupported("a correction that is a tensor")
        attrs["correction"] = _f64(correction)
        if named.get("keepdim", False):
            attrs["keepdim"] = "true"
        return em.op("var", [x], rt(), attrs)
    if base in ("_softmax", "_log_softmax", "softmax", "log_softmax"):
        name = base.lstrip("_")
        attrs = {"dim": f"{int(A[1])} : i64"}
        if base.startswith("_") and A[2]:
            attrs["dtype"] = "f32"  # half_to_float
        elif not base.startswith("_") and ((len(A) > 2 and A[2] is not None) or K.get("dtype")):
            attrs["dtype"] = mlir_element(A[2] if len(A) > 2 and A[2] is not None else K["dtype"])
        return em.op(name, [em.operand(A[0])], rt(), attrs)
    if base == "native_layer_norm":
        x, shape, weight, bias, eps = A
        x_dtype = x.meta["val"].dtype
        if any(p is not None and p.meta["val"].dtype != x_dtype for p in (weight, bias)):
            raise em.unsupported("layer_norm with weight or bias of another dtype than the input")
        text = f"thunder_torch.layer_norm {em.operand(x)[0]}"
        if weight is not None:
            w = em.operand(weight)
            text += f" weight {w[0]} : {w[1]}"
        if bias is not None:
            b = em.operand(bias)
            text += f" bias {b[0]} : {b[1]}"
        out_type = result_type_of_index(node, 0)
        text += f" {{normalized_shape = {_array(shape)}, eps = {_f64(eps)}}} : {em.operand(x)[1]}"
        value = em.raw(text, out_type)
        em.values[(node, 0)] = value
        return value
    if base in ("mm", "bmm", "matmul", "dot", "mv"):
        return em.op("matmul", [em.operand(A[0]), em.operand(A[1])], rt())
    if base == "addmm":
        beta = K.get("beta", 1)
        alpha = K.get("alpha", 1)
        if beta != 1 or alpha != 1:
            raise em.unsupported("addmm with beta or alpha other than 1")
        mm_val = node.meta["val"]
        mm_type = tensor_type(mm_val.shape, mm_val.dtype)
        product = em.op("matmul", [em.operand(A[1]), em.operand(A[2])], mm_type)
        return em.op("add", [em.operand(A[0]), product], rt())
    if base == "linear":
        x, w = em.operand(A[0]), em.operand(A[1])
        bias = A[2] if len(A) > 2 else None
        if bias is None:
            return em.raw(f"thunder_torch.linear {x[0]}, {w[0]} : {x[1]}, {w[1]}", rt())
        b = em.operand(bias)
        return em.raw(f"thunder_torch.linear {x[0]}, {w[0]}, {b[0]} : {b[1]} : {x[1]}, {w[1]}", rt())
    if base == "t":
        x = em.operand(A[0])
        if len(node.args[0].meta["val"].shape) < 2:
            return x
        return em.op("transpose", [x], rt(), {"dim0": "0 : i64", "dim1": "1 : i64"})
    if base in ("view", "reshape", "_unsafe_view"):
        if not isinstance(A[1], (list, tuple)):
            raise em.unsupported("reinterpreting a tensor's bytes as another dtype")
        return em.op("reshape", [em.operand(A[0])], rt(), {"shape": _array(A[1])})
    if base == "unsqueeze":
        return em.op("unsqueeze", [em.operand(A[0])], rt(), {"dim": f"{int(A[1])} : i64"})
    if base == "squeeze":
        attrs = {}
        if len(A) > 1:
            attrs["dim"] = _array(A[1] if isinstance(A[1], (list, tuple)) else [A[1]])
        return em.op("squeeze", [em.operand(A[0])], rt(), attrs)
    if base == "permute":
        return em.op("permute", [em.operand(A[0])], rt(), {"dims": _array(A[1])})
    if base == "transpose":
        return em.op("transpose", [em.operand(A[0])], rt(), {"dim0": f"{int(A[1])} : i64", "dim1": f"{int(A[2])} : i64"})
    if base == "expand":
        return em.op("expand", [em.operand(A[0])], rt(), {"shape": _array(A[1])})
    if base == "masked_fill":
        # where(mask, value, x), the value in x's dtype (masked_fill keeps it).
        dtype = A[0].meta["val"].dtype
        value = A[2]
        if isinstance(value, torch.fx.Node):
            v = em.operand(value)
            if value.meta["val"].dtype != dtype:
                v = em.op("to_dtype", [v], tensor_type([], dtype), {"dtype": mlir_element(dtype)})
        else:
            if not dtype.is_floating_point and dtype != torch.bool:
                info = torch.iinfo(dtype)
                if not info.min <= math.trunc(value) <= info.max:
                    raise CaptureError(
                        f"value cannot be converted to type {dtype} without overflow (as eager raises), at {em.where}")
            v = _filled(em, [], dtype, value)
        return em.op("where", [em.operand(A[1]), v, em.operand(A[0])], rt())
    if base in ("tril", "triu"):
        return _triangle(em, node, base)
    if base in ("split", "split_with_sizes", "unbind"):
        return _split(em, node, base)
    if base == "slice":
        dim = A[1] if len(A) > 1 else K.get("dim", 0)
        start = A[2] if len(A) > 2 else K.get("start")
        end = A[3] if len(A) > 3 else K.get("end")
        step = A[4] if len(A) > 4 else K.get("step", 1)
        start = 0 if start is None else min(max(int(start), -INT64_MAX), INT64_MAX)
        end = INT64_MAX if end is None else min(max(int(end), -INT64_MAX), INT64_MAX)
        attrs = {"dim": f"{int(dim)} : i64", "start": f"{start} : i64", "end": f"{end} : i64", "step": f"{int(step)} : i64"}
        return em.op("slice", [em.operand(A[0])], rt(), attrs)
    if base == "select":
        return em.op("select", [em.operand(A[0])], rt(), {"dim": f"{int(A[1])} : i64", "index": f"{int(A[2])} : i64"})
    if base == "cat":
        tensors = [em.operand(t) for t in A[0]]
        dim = A[1] if len(A) > 1 else K.get("dim", 0)
        return em.op("cat", tensors, rt(), {"dim": f"{int(dim)} : i64"})
    if base == "stack":
        # stack = cat of the tensors, each unsqueezed at `dim`.
        dim = int(A[1] if len(A) > 1 else K.get("dim", 0))
        parts = []
        for t in A[0]:
            val = t.meta["val"]
            d = dim if dim >= 0 else dim + val.dim() + 1
            shape = list(val.shape)
            shape.insert(d, 1)
            parts.append(em.op("unsqueeze", [em.operand(t)], tensor_type(shape, val.dtype), {"dim": f"{d} : i64"}))
        return em.op("cat", parts, rt(), {"dim": f"{dim} : i64"})
    if base in ("full", "zeros", "ones", "full_like", "zeros_like", "ones_like", "scalar_tensor", "new_full", "new_zeros", "new_ones"):
        return _creation(em, node, base, rt())
    if base == "arange":
        val = node.meta["val"]
        nums = list(A)
        if len(nums) == 1:
            start, end, step = 0, nums[0], 1
        else:
            start, end = nums[0], nums[1]
            step = nums[2] if len(nums) > 2 else K.get("step", 1)
        attr = lambda v: _f64(v) if isinstance(v, float) else f"{int(v)} : i64"
        attrs = {"start": attr(start), "end": attr(end), "step": attr(step), "dtype": mlir_element(val.dtype)}
        return _arange(em, attrs, rt())
    raise em.unsupported("no thunder rule for this operation")


def _filled(em, shape, dtype, value):
    """A tensor of `shape` and `dtype` filled with the Python number `value`."""
    ssa = em.fresh()
    result_type = tensor_type(shape, dtype)
    if dtype.is_floating_point:
        v = _f64(value)
    elif dtype == torch.bool:
        v = "true" if value else "false"
    else:
        v = f"{int(value)} : i64"
    attrs = f"{{shape = {_array(shape)}, value = {v}, dtype = {mlir_element(dtype)}}}"
    em.lines.append(f"  {ssa} = thunder_torch.full {attrs} : {result_type} {em.location}")
    return ssa, result_type


def _triangle(em, node, base):
    """tril/triu: x where column - row <= diagonal (tril) or >= it (triu),
    else 0, over the last two dimensions."""
    x = node.args[0]
    diagonal = node.args[1] if len(node.args) > 1 else node.kwargs.get("diagonal", 0)
    val = x.meta["val"]
    rows, cols = val.shape[-2], val.shape[-1]
    i64 = torch.int64

    def index(n, dim):
        ssa = _arange(em, {"start": "0 : i64", "end": f"{n} : i64", "step": "1 : i64", "dtype": "i64"},
                      tensor_type([n], i64))
        shape = [n, 1] if dim == 1 else [1, n]
        return em.op("unsqueeze", [ssa], tensor_type(shape, i64), {"dim": f"{dim} : i64"})

    offset = em.op("sub", [index(cols, 0), index(rows, 1)], tensor_type([rows, cols], i64))
    keep = em.op("le" if base == "tril" else "ge", [offset, em.constant(int(diagonal))],
                 tensor_type([rows, cols], torch.bool))
    return em.op("where", [keep, em.operand(x), _filled(em, [], val.dtype, 0)], result_type_of(node))


def _split(em, node, base):
    """split / split_with_sizes / unbind: a slice per piece (unbind's without
    the dimension), each the node's output of its index."""
    x = node.args[0]
    shape = list(x.meta["val"].shape)
    if base == "unbind":
        dim = node.args[1] if len(node.args) > 1 else node.kwargs.get("dim", 0)
    else:
        dim = node.args[2] if len(node.args) > 2 else node.kwargs.get("dim", 0)
    dim = dim % len(shape)
    pieces = node.meta["val"]
    start = 0
    for i, piece in enumerate(pieces):
        n = 1 if base == "unbind" else piece.shape[dim]
        attrs = {"dim": f"{dim} : i64", "start": f"{start} : i64", "end": f"{start + n} : i64", "step": "1 : i64"}
        sliced_shape = list(shape)
        sliced_shape[dim] = n
        value = em.op("slice", [em.operand(x)], tensor_type(sliced_shape, piece.dtype), attrs)
        if base == "unbind":
            value = em.op("squeeze", [value], tensor_type(list(piece.shape), piece.dtype), {"dim": _array([dim])})
        em.values[(node, i)] = value
        start += n
    return em.values[(node, 0)]


def _arange(em, attrs, result_type):
    ssa = em.fresh()
    attr_text = ", ".join(f"{k} = {v}" for k, v in attrs.items())
    em.lines.append(f"  {ssa} = thunder_torch.arange {{{attr_text}}} : {result_type} {em.location}")
    return ssa, result_type


def _creation(em, node, base, result_type):
    val = node.meta["val"]
    if val.device.type != "cpu":
        raise em.unsupported(f"creating a tensor on {val.device}")
    if base in ("zeros", "zeros_like", "new_zeros"):
        value = 0
    elif base in ("ones", "ones_like", "new_ones"):
        value = 1
    elif base == "scalar_tensor":
        value = node.args[0]
    elif base == "new_full":
        value = node.args[2]
    elif base == "full_like":
        value = node.args[1]
    else:
        value = node.args[1]
    if isinstance(value, torch.fx.Node):
        raise em.unsupported("a fill value that is a tensor")
    if val.dtype.is_floating_point:
        v = _f64(value)
    elif val.dtype == torch.bool:
        v = "true" if value else "false"
    else:
        v = f"{int(value)} : i64"
    ssa = em.fresh()
    attrs = f"{{shape = {_array(val.shape)}, value = {v}, dtype = {mlir_element(val.dtype)}}}"
    em.lines.append(f"  {ssa} = thunder_torch.full {attrs} : {result_type} {em.location}")
    return ssa, result_type


def result_type_of_index(node, i):
    val = node.meta["val"][i]
    return tensor_type(val.shape, val.dtype)
