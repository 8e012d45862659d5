//! Defining Rust passes that MLIR can name in textual pipelines.

/// Defines `$factory`, an `extern "C"` function that creates a fresh instance
/// of a module pass whose body is `$run: fn(ir::Op) -> Result<(), ()>`. The
/// body reports its own located errors; `Err` only signals failure. Before
/// the body runs, every tensor's size is checked (`ir::check_tensor_sizes`),
/// so no pass computes a size that overflows.
macro_rules! define_module_pass {
    ($factory:ident, $argument:literal, $description:literal, $run:path, [$($dialect:expr),*]) => {
        /// Creates a fresh instance of the pass.
        ///
        /// # Safety
        /// The MLIR libraries must be loaded; the caller owns the returned pass.
        pub unsafe extern "C" fn $factory() -> mlir_sys::MlirPass {
            #[repr(align(8))]
            struct PassId;
            static PASS_ID: PassId = PassId;
            melior::pass::create_external(
                |op: melior::ir::OperationRef, pass: melior::pass::ExternalPass| {
                    let module = op.to_raw();
                    if $crate::ir::check_tensor_sizes(module, $argument).is_err()
                        || $run(module).is_err()
                    {
                        pass.signal_failure();
                    }
                },
                melior::ir::r#type::TypeId::create(&PASS_ID),
                stringify!($factory),
                $argument,
                $description,
                "builtin.module",
                &[$($dialect),*],
            )
            .to_raw()
        }
    };
}

pub(crate) use define_module_pass;
