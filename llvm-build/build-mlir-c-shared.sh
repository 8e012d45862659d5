#!/usr/bin/env bash
# Debian ships the MLIR C API only as static archives. Linking them whole into one
# shared library against libMLIR.so lets every Rust binary and test link MLIR
# shared (a few MB each instead of 200+ MB). Idempotent: skips if up to date.
set -euo pipefail
LIBDIR=/usr/lib/llvm-22/lib
OUT="$LIBDIR/libMLIR-C.so"
if [ -f "$OUT" ] && [ "$OUT" -nt "$LIBDIR/libMLIRCAPIIR.a" ]; then
  echo "llvm-build: $OUT is up to date"
  exit 0
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
tmp=$(mktemp -d)
# -z defs: fail now, not at the first dlopen, if a symbol is missing from libMLIR.so.
g++ -shared -o "$tmp/libMLIR-C.so" \
  -Wl,--whole-archive "$LIBDIR"/libMLIRCAPI*.a -Wl,--no-whole-archive \
  -L"$LIBDIR" -lMLIR -lLLVM -Wl,-z,defs -Wl,-rpath,"$LIBDIR"
$SUDO install -m 0755 "$tmp/libMLIR-C.so" "$OUT"
rm -rf "$tmp"
echo "llvm-build: wrote $OUT"
