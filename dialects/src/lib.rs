//! The three trace-level dialects of thunder-rs, as MLIR dialects defined in ODS
//! and compiled C++, with their C API bound for Rust and melior.
//!
//! - `thunder_torch`: what the user wrote, with PyTorch's semantics.
//! - `thunder_prims`: the reduced op-set every transform understands.
//! - `thunder_exec`: the execution plan (fusion regions, library calls, collectives).

use melior::Context;
use melior::dialect::{DialectHandle, DialectRegistry};
use melior::ir::{Type, TypeLike};
use std::ffi::{CString, c_char, c_int, c_void};

#[allow(
    non_upper_case_globals,
    non_camel_case_types,
    non_snake_case,
    dead_code
)]
#[allow(clippy::all)]
pub mod ffi {
    include!(concat!(env!("OUT_DIR"), "/bindings.rs"));
}

/// Generated ODS documentation, one Markdown page per dialect; the committed
/// copies in `dialects/docs/` are checked against these by a test.
pub const GENERATED_DOCS: [(&str, &str); 3] = [
    (
        "thunder_torch.md",
        include_str!(concat!(env!("OUT_DIR"), "/docs/thunder_torch.md")),
    ),
    (
        "thunder_prims.md",
        include_str!(concat!(env!("OUT_DIR"), "/docs/thunder_prims.md")),
    ),
    (
        "thunder_exec.md",
        include_str!(concat!(env!("OUT_DIR"), "/docs/thunder_exec.md")),
    ),
];

pub fn torch_dialect() -> DialectHandle {
    unsafe { DialectHandle::from_raw(ffi::mlirGetDialectHandle__thunder_torch__()) }
}

pub fn prims_dialect() -> DialectHandle {
    unsafe { DialectHandle::from_raw(ffi::mlirGetDialectHandle__thunder_prims__()) }
}

pub fn exec_dialect() -> DialectHandle {
    unsafe { DialectHandle::from_raw(ffi::mlirGetDialectHandle__thunder_exec__()) }
}

/// Every upstream dialect and extension plus the thunder dialects.
pub fn register_all_dialects(registry: &DialectRegistry) {
    unsafe { ffi::thunderRegisterAllDialects(registry.to_raw()) }
}

/// A context with every dialect registered and loaded. Multi-threading is off:
/// IR printing and the diagnostics capture need a single thread.
pub fn create_context() -> Context {
    let registry = DialectRegistry::new();
    register_all_dialects(&registry);
    let context = Context::new_with_registry(&registry, false);
    context.load_all_available_dialects();
    context
}

/// `torch.result_type` over the operand types (tensors, or f64/i64/i1 numbers);
/// `None` if some operand has no thunder dtype.
pub fn torch_result_element_type<'c>(types: &[Type<'c>]) -> Option<Type<'c>> {
    let first = types.first()?;
    let raw: Vec<_> = types.iter().map(|t| t.to_raw()).collect();
    let result = unsafe {
        let context = mlir_sys::mlirTypeGetContext(first.to_raw());
        ffi::thunderTorchResultElementType(context, raw.len() as isize, raw.as_ptr())
    };
    if result.ptr.is_null() {
        None
    } else {
        Some(unsafe { Type::from_raw(result) })
    }
}

/// The names of every operation of `dialect` (say `"thunder_prims"`), as its
/// ODS defines them.
pub fn operation_names(context: &Context, dialect: &str) -> Vec<String> {
    unsafe extern "C" fn collect(part: mlir_sys::MlirStringRef, data: *mut c_void) {
        let out = unsafe { &mut *(data as *mut Vec<String>) };
        let bytes = unsafe { std::slice::from_raw_parts(part.data as *const u8, part.length) };
        out.push(String::from_utf8_lossy(bytes).into_owned());
    }
    context.get_or_load_dialect(dialect);
    let mut names = vec![];
    unsafe {
        ffi::thunderForEachRegisteredOperation(
            context.to_raw(),
            string_ref(dialect),
            Some(collect),
            &mut names as *mut Vec<String> as *mut c_void,
        )
    };
    names.sort();
    names
}

/// A function that creates a fresh instance of a Rust pass.
pub type PassFactory = unsafe extern "C" fn() -> mlir_sys::MlirPass;

/// Makes a pass nameable in textual pipelines (`--pass-pipeline=...`).
pub fn register_pass(factory: PassFactory) {
    unsafe { ffi::thunderRegisterPass(Some(factory)) }
}

/// Registers the passes written in C++ (`thunder-math-approximation`).
pub fn register_cxx_passes() {
    unsafe { ffi::thunderRegisterCxxPasses() }
}

/// Registers a named pipeline that expands to `pipeline`.
pub fn register_pass_pipeline(name: &str, description: &str, pipeline: &str) {
    unsafe {
        ffi::thunderRegisterPassPipeline(
            string_ref(name),
            string_ref(description),
            string_ref(pipeline),
        )
    }
}

/// Appends a textual pipeline (`"builtin.module(...)"` contents or a nested
/// spec) to a pass manager, returning MLIR's message on a bad pipeline.
pub fn add_pipeline(
    pass_manager: mlir_sys::MlirOpPassManager,
    pipeline: &str,
) -> Result<(), String> {
    unsafe extern "C" fn collect(part: mlir_sys::MlirStringRef, data: *mut c_void) {
        let out = unsafe { &mut *(data as *mut String) };
        let bytes = unsafe { std::slice::from_raw_parts(part.data as *const u8, part.length) };
        out.push_str(&String::from_utf8_lossy(bytes));
    }
    let mut message = String::new();
    let result = unsafe {
        ffi::thunderAddPipeline(
            pass_manager,
            string_ref(pipeline),
            Some(collect),
            &mut message as *mut String as *mut c_void,
        )
    };
    if result.value != 0 {
        Ok(())
    } else {
        Err(message)
    }
}

/// Runs the thunder-opt driver on these command-line arguments.
pub fn opt_main(args: impl IntoIterator<Item = String>) -> i32 {
    let owned: Vec<CString> = args
        .into_iter()
        .map(|a| CString::new(a).expect("arguments contain no NUL byte"))
        .collect();
    let mut argv: Vec<*mut c_char> = owned.iter().map(|a| a.as_ptr() as *mut c_char).collect();
    argv.push(std::ptr::null_mut());
    unsafe { ffi::thunderOptMain(owned.len() as c_int, argv.as_mut_ptr()) }
}

fn string_ref(s: &str) -> mlir_sys::MlirStringRef {
    mlir_sys::MlirStringRef {
        data: s.as_ptr() as *const c_char,
        length: s.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialects_load() {
        let context = create_context();
        for name in ["thunder_torch", "thunder_prims", "thunder_exec"] {
            assert_eq!(context.get_or_load_dialect(name).namespace().unwrap(), name);
        }
        assert!(context.is_registered_operation("thunder_prims.broadcast_in_dim"));
    }

    #[test]
    fn result_type_follows_pytorch() {
        let context = create_context();
        let ty = |s: &str| Type::parse(&context, s).unwrap();
        let cases = [
            (vec!["tensor<2xi32>", "f64"], "f32"),
            (vec!["tensor<2xi32>", "i64"], "i32"),
            (vec!["tensor<2xui8>", "tensor<2xi8>"], "i16"),
            (vec!["tensor<2xf16>", "tensor<bf16>"], "f16"),
            (vec!["tensor<2xf16>", "tensor<2xbf16>"], "f32"),
            (vec!["tensor<2xi1>", "tensor<f64>"], "f64"),
            (vec!["tensor<2xi64>", "tensor<f64>"], "f64"),
            (vec!["tensor<2xf32>", "tensor<f64>"], "f32"),
            (vec!["tensor<i32>", "f64"], "f32"),
            (vec!["tensor<2xi1>", "i1"], "i1"),
        ];
        for (operands, expected) in cases {
            let types: Vec<_> = operands.iter().map(|s| ty(s)).collect();
            let got = torch_result_element_type(&types).unwrap();
            assert_eq!(got.to_string(), expected, "result_type{operands:?}");
        }
    }

    #[test]
    fn docs_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
        for (name, generated) in GENERATED_DOCS {
            let path = dir.join(name);
            if std::env::var_os("THUNDER_UPDATE_DOCS").is_some() {
                std::fs::write(&path, generated).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == generated,
                "{} is stale: run `THUNDER_UPDATE_DOCS=1 cargo test -p thunder-dialects docs`",
                path.display()
            );
        }
    }
}
