#!/usr/bin/env bash
# Installs LLVM/MLIR 22 from Debian 12's bookworm-security suite, only what is missing.
set -euo pipefail
PACKAGES=(libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools libclang-22-dev clang-22 libomp-22-dev libpolly-22-dev libzstd-dev)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "llvm-build: LLVM/MLIR 22 already installed"
  exit 0
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "llvm-build: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
/usr/lib/llvm-22/bin/llvm-config --version
