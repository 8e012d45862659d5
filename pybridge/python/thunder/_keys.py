"""Cache keys: everything about a call, besides its tensors' data, that the
compiled code was specialised to. Tensors count by metadata, Python values by
value, and objects (a config, a dataclass, a bound method, a partial) by the
state capture can read from them, so mutating one recompiles instead of
reusing code specialised to the old value."""

import functools
import struct
import types

import torch

_PLAIN = (bool, int, str, bytes, type(None), torch.dtype, torch.device, torch.layout, torch.memory_format)
SCALARS = (bool, int, float, str, type(None))
# How deep the key follows objects inside objects (and containers in them).
_DEPTH = 4
_EMPTY_CELL = "<empty cell>"


def key_of(value, depth=0):
    if isinstance(value, torch.Tensor):
        strides = value.stride() if value.layout == torch.strided else value.layout
        key = ("T", tuple(value.shape), strides, value.dtype, value.device, value.requires_grad)
        # A tensor reached through an object is a constant of the capture
        # (make_fx bakes it in): rebinding the attribute recompiles.
        return (*key, id(value)) if depth else key
    if type(value) is float:
        # By bits: -0.0 == 0.0 but specialises differently, and nan != nan.
        return ("F", struct.pack("<d", value))
    if type(value) in _PLAIN:
        return ("V", type(value), value)
    if depth >= _DEPTH:
        return ("deep", type(value), id(value))
    try:
        return _structured_key(value, depth + 1)
    except Exception:
        # Attributes that cannot be read plainly (a property or __getattr__
        # that raises): the object counts by identity.
        return ("O", type(value), id(value))


def _structured_key(value, depth):
    if isinstance(value, (list, tuple)):
        return ("L", type(value), tuple(key_of(v, depth) for v in value), _attributes(value, depth))
    if isinstance(value, dict):
        items = tuple((key_of(k, depth), key_of(v, depth)) for k, v in value.items())
        return ("D", type(value), items, _attributes(value, depth))
    if isinstance(value, functools.partial):
        return ("P", key_of(value.func, depth), key_of(value.args, depth), key_of(value.keywords, depth))
    if isinstance(value, types.MethodType):
        return ("M", value.__func__, key_of(value.__self__, depth))
    if isinstance(value, types.FunctionType):
        cells = tuple(key_of(_cell_value(c), depth) for c in value.__closure__ or ())
        return ("Fn", value, cells, key_of(value.__defaults__, depth), key_of(value.__kwdefaults__, depth))
    try:
        hash(value)
        base = ("V", type(value), value)
    except TypeError:
        base = ("O", type(value), id(value))
    if isinstance(value, type):
        return base
    return (*base, _attributes(value, depth))


def _cell_value(cell):
    try:
        return cell.cell_contents
    except ValueError:
        return _EMPTY_CELL


def _attributes(value, depth):
    attrs = {}
    own = getattr(value, "__dict__", None)
    if isinstance(own, dict):
        attrs.update(own)
    for cls in type(value).__mro__:
        slots = cls.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name not in ("__dict__", "__weakref__") and hasattr(value, name):
                attrs[name] = getattr(value, name)
    return tuple((str(k), key_of(v, depth)) for k, v in sorted(attrs.items(), key=lambda kv: str(kv[0])))


def module_key(model):
    """What a module's forward can read besides its parameters and buffers
    that is cheap to key on every call: each submodule's Python scalars
    (`training`, `eps`, `p`, ...)."""
    return tuple(
        tuple((name, key_of(v)) for name, v in vars(m).items() if type(v) in SCALARS) for m in model.modules()
    )
