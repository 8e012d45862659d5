//! thunder-opt: mlir-opt with the thunder dialects, passes and pipelines.
fn main() {
    thunder_lowering::register_all_passes();
    std::process::exit(thunder_dialects::opt_main(std::env::args()));
}
