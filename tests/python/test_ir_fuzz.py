"""Mutated IR through every named pipeline: thunder-opt must answer each
mutant with its output or a located diagnostic, never a panic, an abort or a
signal.

The mutants come from the lit files (each `// -----` chunk on its own): a
shape, dtype, attribute, number or op name changed, a line deleted,
duplicated or swapped, the text cut short. The run is bounded in time
(`THUNDER_FUZZ_SECONDS`, default 45) and reproducible (`THUNDER_FUZZ_SEED`,
default 0); a failure prints the mutant and the command that reproduces it.
"""

import os
import pathlib
import random
import re
import subprocess
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
THUNDER_OPT = REPO / "target" / "debug" / "thunder-opt"
SECONDS = float(os.environ.get("THUNDER_FUZZ_SECONDS", "45"))
SEED = int(os.environ.get("THUNDER_FUZZ_SEED", "0"))

# Every named pipeline, and each stage of what thunder.jit runs.
PIPELINES = [
    "thunder-torch-to-prims-pipeline",
    "thunder-torch-to-prims-pipeline,thunder-prims-to-exec-pipeline",
    "thunder-prims-to-exec-pipeline,thunder-exec-kernels-to-linalg-pipeline",
    "thunder-exec-kernels-to-linalg-pipeline,thunder-linalg-to-llvm-cpu-pipeline",
    "thunder-torch-to-linalg-pipeline",
    "thunder-cpu-pipeline",
    "thunder-prims-vjp-pipeline",
    "thunder-prims-jvp-pipeline",
    "thunder-prims-vmap-pipeline",
    "thunder-prims-vjp-pipeline,thunder-prims-split-pipeline",
    "thunder-prims-split-pipeline,builtin.module(thunder-prims-to-exec-pipeline)",
]

DTYPES = ["f64", "f32", "f16", "bf16", "i64", "i32", "i16", "i8", "ui8", "i1", "index", "f8E4M3FN", "complex<f32>"]
NUMBERS = ["0", "1", "2", "3", "7", "-1", "-7", "4096", "65537", "2147483648", "1099511627776", "9223372036854775807"]
# A diagnostic that names where: `file:line:col: error:` (or a `loc(...)`).
LOCATED = re.compile(r"^[^\s:][^:]*:\d+:\d+: error: ", re.MULTILINE)
CRASH_MARKS = ("panicked", "Assertion", "LLVM ERROR", "Stack dump", "PLEASE submit a bug report", "Aborted",
               "Segmentation fault", "RUST_BACKTRACE")


def _chunks():
    out = []
    for path in sorted((REPO / "lit").rglob("*.mlir")):
        if "Output" in path.parts:
            continue
        text = path.read_text()
        for i, chunk in enumerate(re.split(r"^// -----\s*$", text, flags=re.MULTILINE)):
            body = "\n".join(line for line in chunk.splitlines() if not line.lstrip().startswith("//"))
            if "func.func" in body or "module" in body:
                out.append((f"{path.relative_to(REPO)}#{i}", body))
    return out


def _op_names(chunks):
    names = set()
    for _, body in chunks:
        names.update(re.findall(r"\b(thunder_(?:torch|prims|exec)\.[a-z_0-9]+)", body))
    return sorted(names)


def _mutate(rng, text, op_names):
    lines = text.splitlines()
    kind = rng.randrange(9)
    if kind == 0:  # a dimension
        dims = list(re.finditer(r"(?<=[<x])\d+(?=x)", text))
        if dims:
            m = rng.choice(dims)
            return text[: m.start()] + rng.choice([*NUMBERS[:9], "?"]) + text[m.end():]
    if kind == 1:  # an element type
        types = list(re.finditer(r"\b(f64|f32|f16|bf16|i64|i32|i16|i8|ui8|i1)\b", text))
        if types:
            m = rng.choice(types)
            return text[: m.start()] + rng.choice(DTYPES) + text[m.end():]
    if kind == 2:  # a number (attribute, constant, array element)
        numbers = list(re.finditer(r"(?<![\w.%#])-?\d+(?![\w.])", text))
        if numbers:
            m = rng.choice(numbers)
            return text[: m.start()] + rng.choice(NUMBERS) + text[m.end():]
    if kind == 3 and op_names:  # an op name
        ops = list(re.finditer(r"\bthunder_(?:torch|prims|exec)\.[a-z_0-9]+", text))
        if ops:
            m = rng.choice(ops)
            return text[: m.start()] + rng.choice(op_names) + text[m.end():]
    if kind in (4, 5, 6) and len(lines) > 2:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        if kind == 4:
            del lines[i]
        elif kind == 5:
            lines.insert(j, lines[i])
        else:
            lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)
    if kind == 7:  # an SSA value swapped for another
        values = list(re.finditer(r"%[\w#]+", text))
        if len(values) > 1:
            m = rng.choice(values)
            return text[: m.start()] + rng.choice(values).group(0) + text[m.end():]
    cut = rng.randrange(max(1, len(text)))
    return text[:cut]


@pytest.mark.skipif(not THUNDER_OPT.exists(), reason="thunder-opt is built by `cargo build` (scripts/setup.sh)")
def test_mutated_ir_gets_located_diagnostics_never_a_crash(tmp_path):
    chunks = _chunks()
    assert len(chunks) > 50, "the lit files should give many seeds"
    op_names = _op_names(chunks)
    rng = random.Random(SEED)
    deadline = time.monotonic() + SECONDS
    runs = failures = 0
    path = tmp_path / "mutant.mlir"
    while time.monotonic() < deadline:
        origin, seed_text = rng.choice(chunks)
        mutant = seed_text
        for _ in range(rng.choice([1, 1, 2, 3])):
            mutant = _mutate(rng, mutant, op_names)
        pipeline = rng.choice(PIPELINES)
        path.write_text(mutant)
        command = [str(THUNDER_OPT), str(path), f"--pass-pipeline=builtin.module({pipeline})"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
        except subprocess.TimeoutExpired:
            pytest.fail(f"thunder-opt hung (30 s) on a mutant of {origin} with {pipeline}:\n{mutant}")
        runs += 1
        problem = None
        if done.returncode not in (0, 1):
            problem = f"exit status {done.returncode}"
        elif any(mark in done.stderr for mark in CRASH_MARKS):
            problem = "a crash report"
        elif done.returncode == 1 and not LOCATED.search(done.stderr):
            problem = "a diagnostic without a location"
        if problem:
            failures += 1
            kept = REPO / "target" / f"fuzz-mutant-{failures}.mlir"
            kept.write_text(mutant)
            pytest.fail(
                f"{problem} from a mutant of {origin} (seed {SEED}, run {runs}), kept as {kept}:\n"
                f"  {' '.join([*command[:1], str(kept), *command[2:]])}\n{done.stderr[-3000:]}"
            )
    assert runs > 20, f"only {runs} mutants ran in {SECONDS} s"
