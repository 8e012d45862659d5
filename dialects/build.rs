//! Generates C++ from the ODS `.td` files with mlir-tblgen, compiles it with the
//! hand-written C++ (verifiers, C API, pass-registry shim, thunder-opt driver)
//! through `cc`, and binds the C API with bindgen.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const DIALECTS: [(&str, &str); 3] = [
    ("Torch", "thunder_torch"),
    ("Prims", "thunder_prims"),
    ("Exec", "thunder_exec"),
];

fn llvm_prefix() -> PathBuf {
    PathBuf::from(env::var("MLIR_SYS_220_PREFIX").unwrap_or_else(|_| "/usr/lib/llvm-22".into()))
}

fn tblgen(prefix: &Path, td: &Path, mode: &str, extra: &[&str], out: &Path) {
    let status = Command::new(prefix.join("bin/mlir-tblgen"))
        .arg(mode)
        .args(extra)
        .arg("-I")
        .arg("include")
        .arg("-I")
        .arg(prefix.join("include"))
        .arg(td)
        .arg("-o")
        .arg(out)
        .status()
        .expect("mlir-tblgen runs (install LLVM 22: llvm-build/install-debian.sh)");
    assert!(
        status.success(),
        "mlir-tblgen {mode} failed on {}",
        td.display()
    );
}

fn main() {
    let prefix = llvm_prefix();
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let gen_dir = out.join("gen");
    let docs_dir = out.join("docs");
    std::fs::create_dir_all(&docs_dir).unwrap();
    println!("cargo:rerun-if-changed=include");
    println!("cargo:rerun-if-changed=lib");
    println!("cargo:rerun-if-env-changed=MLIR_SYS_220_PREFIX");

    for (name, dialect) in DIALECTS {
        let dir = gen_dir.join("thunder/Dialect").join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let td = PathBuf::from(format!("include/thunder/Dialect/{name}/{name}Ops.td"));
        let dialect_arg = format!("-dialect={dialect}");
        let d = [dialect_arg.as_str()];
        tblgen(
            &prefix,
            &td,
            "-gen-dialect-decls",
            &d,
            &dir.join(format!("{name}Dialect.h.inc")),
        );
        tblgen(
            &prefix,
            &td,
            "-gen-dialect-defs",
            &d,
            &dir.join(format!("{name}Dialect.cpp.inc")),
        );
        tblgen(
            &prefix,
            &td,
            "-gen-op-decls",
            &[],
            &dir.join(format!("{name}Ops.h.inc")),
        );
        tblgen(
            &prefix,
            &td,
            "-gen-op-defs",
            &[],
            &dir.join(format!("{name}Ops.cpp.inc")),
        );
        tblgen(
            &prefix,
            &td,
            "-gen-dialect-doc",
            &d,
            &docs_dir.join(format!("{dialect}.md")),
        );
        if name == "Exec" {
            tblgen(
                &prefix,
                &td,
                "-gen-enum-decls",
                &[],
                &dir.join("ExecEnums.h.inc"),
            );
            tblgen(
                &prefix,
                &td,
                "-gen-enum-defs",
                &[],
                &dir.join("ExecEnums.cpp.inc"),
            );
        }
    }

    // Built with the clang that built libMLIR: MLIR names types by their
    // __PRETTY_FUNCTION__ spelling when it unifies TypeIDs across shared
    // objects (traits inside a Python extension), and GCC spells them
    // differently, which silently breaks trait checks there.
    cc::Build::new()
        .cpp(true)
        .compiler(prefix.join("bin/clang++"))
        .std("c++17")
        .files([
            "lib/Support/DType.cpp",
            "lib/Dialect/Torch/TorchDialect.cpp",
            "lib/Dialect/Prims/PrimsDialect.cpp",
            "lib/Dialect/Exec/ExecDialect.cpp",
            "lib/CAPI/Dialects.cpp",
            "lib/CAPI/PassRegistry.cpp",
            "lib/Tools/ThunderOptMain.cpp",
            "lib/Transforms/MathApproximation.cpp",
        ])
        .include("include")
        .include(&gen_dir)
        .include(prefix.join("include"))
        // Debian's LLVM is built without RTTI and exceptions; match it.
        .flag("-fno-rtti")
        .flag("-fno-exceptions")
        .extra_warnings(false)
        .define("NDEBUG", None)
        .define("_GNU_SOURCE", None)
        .define("__STDC_CONSTANT_MACROS", None)
        .define("__STDC_FORMAT_MACROS", None)
        .define("__STDC_LIMIT_MACROS", None)
        .debug(false)
        .compile("thunder_dialects_cxx");
    // The C++ above calls into MLIR's C++ API: keep these after the archive.
    println!(
        "cargo:rustc-link-search=native={}",
        prefix.join("lib").display()
    );
    println!("cargo:rustc-link-lib=dylib=MLIR");
    println!("cargo:rustc-link-lib=dylib=LLVM");
    println!("cargo:rustc-link-lib=dylib=stdc++");

    bindgen::Builder::default()
        .header("include/thunder-c/Dialects.h")
        .clang_arg(format!("-I{}", prefix.join("include").display()))
        .allowlist_function("thunder.*")
        .allowlist_function("mlirGetDialectHandle__thunder_.*")
        .allowlist_type("ThunderPassFactory")
        // The MLIR handle types come from mlir-sys, so values pass between the two.
        .blocklist_type("Mlir.*")
        .raw_line("use mlir_sys::*;")
        .parse_callbacks(Box::new(bindgen::CargoCallbacks::new()))
        .generate()
        .expect("bindgen runs on include/thunder-c/Dialects.h")
        .write_to_file(out.join("bindings.rs"))
        .unwrap();
}
