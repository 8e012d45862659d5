# lit configuration for thunder-opt's FileCheck tests.
# Run: /usr/lib/llvm-22/bin/lit -sv lit   (after `cargo build`)
import os

import lit.formats

config.name = "thunder-rs"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)

repo = os.path.dirname(config.test_source_root)
profile = os.environ.get("THUNDER_PROFILE", "debug")
tools = os.path.join(repo, "target", profile)
llvm_bin = os.environ.get("LLVM_BIN", "/usr/lib/llvm-22/bin")
thunder_opt = os.path.join(tools, "thunder-opt")
if not os.path.exists(thunder_opt):
    lit_config.fatal(f"{thunder_opt} is missing: run `cargo build` first")

config.environment["PATH"] = os.pathsep.join([tools, llvm_bin, config.environment.get("PATH", "")])
config.substitutions.append(("%thunder_opt", thunder_opt))
