#!/usr/bin/env bash
# Sets everything up, then runs every test: formatting and lints, the Rust unit
# and integration tests, and the lit/FileCheck suite. Ends with one summary
# line "thunder-rs: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

passed=0; failed=0
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
run() { # name, command... ; returns the command's status, output in $log/name
  local name=$1; shift
  echo "=== $name: $*"
  "$@" >"$log/$name" 2>&1
  local rc=$?
  [ $rc -eq 0 ] && echo "    ok" || { echo "    FAILED (rc $rc)"; tail -n 80 "$log/$name"; }
  return $rc
}
count() { # sum of "<N> <word>" in file
  grep -Eo "[0-9]+ $2" "$1" | awk '{s+=$1} END {print s+0}'
}

for check in "rustfmt cargo fmt --all --check" \
             "clippy cargo clippy --workspace --all-targets --quiet -- -D warnings" \
             "ruff .venv/bin/ruff check lit pybridge/python tests/python examples bench scripts"; do
  # shellcheck disable=SC2086
  if run $check; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done

run cargo-test cargo test --workspace --no-fail-fast
rc=$?
grep -E "^test result" "$log/cargo-test" | sed 's/^/    /'
p=$(count "$log/cargo-test" passed); f=$(count "$log/cargo-test" failed)
[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1   # did not build
passed=$((passed + p)); failed=$((failed + f))

run lit /usr/lib/llvm-22/bin/lit -v lit
rc=$?
grep -E "^ *(Passed|Failed|Unsupported)" "$log/lit" | sed 's/^/    /'
p=$(grep -E "^ *Passed" "$log/lit" | grep -Eo "[0-9]+" | head -1); f=$(grep -E "^ *Failed" "$log/lit" | grep -Eo "[0-9]+" | head -1)
p=${p:-0}; f=${f:-0}
[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
passed=$((passed + p)); failed=$((failed + f))

run pytest .venv/bin/python -m pytest tests/python -q -p no:cacheprovider
rc=$?
tail -n 3 "$log/pytest" | sed 's/^/    /'
p=$(count "$log/pytest" passed); f=$(count "$log/pytest" failed); e=$(count "$log/pytest" error)
f=$((f + e)); [ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
passed=$((passed + p)); failed=$((failed + f))

run main-job .venv/bin/python examples/hello.py
if [ $? -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "thunder-rs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
