#!/usr/bin/env bash
# Sets up everything thunder-rs needs on Debian 12 and builds it. Idempotent:
# a second run skips what is already there and finishes in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
need_apt=()
for p in build-essential python3 python3-venv; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

llvm-build/install-debian.sh
llvm-build/build-mlir-c-shared.sh

# Rust: edition 2024 needs cargo >= 1.85. Debian 12's own cargo is older, and
# rustup's installer is not reachable from these machines, so the toolchain
# must already be present (it is on the project's machines).
if ! command -v cargo >/dev/null; then
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; install Rust >= 1.85 (rustup) and rerun" >&2
  exit 1
fi
rust_minor=$(cargo --version | sed -E 's/cargo 1\.([0-9]+).*/\1/')
if [ "$rust_minor" -lt 85 ]; then
  echo "setup: $(cargo --version) is too old; Rust >= 1.85 is needed" >&2
  exit 1
fi
rustup component list --installed 2>/dev/null | grep -q clippy || rustup component add clippy rustfmt 2>/dev/null || true

# Python tools: ruff for the Python sources (lit uses LLVM's own lit).
if [ ! -x .venv/bin/ruff ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check ruff
fi

echo "setup: building the workspace"
cargo build --workspace --all-targets --quiet
echo "setup: done"
