#!/usr/bin/env bash
# Sets everything up, then runs the main job: the Hello World (a + b on two
# 2x2 integer tensors) compiled from the torch level down to LLVM, with the
# program printed at every level, then JIT-run on the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
cargo run --quiet -p thunder-lowering --example hello
