#!/usr/bin/env bash
# Sets everything up, then runs the main job: the Hello World through
# thunder.jit, printing the result and the program at every level.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python examples/hello.py
