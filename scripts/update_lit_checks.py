"""Writes the CHECK lines of a lit file from what its first RUN line's
thunder-opt prints, as LLVM's update_mlir_test_checks.py does: for every
function of the output, a CHECK-LABEL with its signature, then a CHECK-NEXT
per line of its body, SSA names captured as FileCheck variables. Comments
that are not CHECK lines stay where they are; a review of the diff is what
makes the checks right.

    .venv/bin/python scripts/update_lit_checks.py lit/prims/grad.mlir [...]

Run `cargo build` first (it uses target/debug/thunder-opt).
"""

import pathlib
import re
import shlex
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[1]
THUNDER_OPT = REPO / "target" / "debug" / "thunder-opt"
SPLIT = re.compile(r"^// -----\s*$", re.MULTILINE)


def run_line(text):
    lines = [line[len("// RUN:"):].strip() for line in text.splitlines() if line.startswith("// RUN:")]
    command = lines[0].split("|")[0]
    words = shlex.split(command)
    assert words[0] == "thunder-opt", "the first RUN line runs thunder-opt"
    return [w for w in words[1:] if w != "%s"]


def escape(text):
    # FileCheck reads {{ and [[ as regex and variable openers.
    return text.replace("{{", "{{[{][{]}}").replace("[[", "{{\\[\\[}}")


def functions(output):
    """(name, signature line, body lines) of every func.func in `output`."""
    out, current = [], None
    for line in output.splitlines():
        stripped = line.strip()
        m = re.match(r"func\.func (?:private )?@([\w.$]+)\(", stripped)
        if m:
            current = (m.group(1), stripped, [])
            out.append(current)
            continue
        if current is None:
            continue
        if stripped == "}" and current[2] and current[2][-1].startswith("return"):
            current = None
            continue
        current[2].append(stripped)
    return out


def checks(name, signature, body):
    names = {}

    def capture(m):
        value = m.group(0)
        base = value[1:]
        if base in names:
            return f"%[[{names[base]}]]"
        var = ("ARG" + base[3:]) if base.startswith("arg") and base[3:].isdigit() else f"V{len(names)}"
        var = var.upper().replace("#", "_")
        names[base] = var
        pattern = "[^:]+" if var.startswith("ARG") else "[^ ]+"
        return f"%[[{var}:{pattern}]]"

    ssa = re.compile(r"%[\w]+")

    def line(text):
        # Escape first, so the FileCheck variables written next are kept.
        return ssa.sub(capture, escape(text))

    sig = signature[signature.index("(") + 1:]
    if sig.endswith("{"):
        sig = sig[:-1].rstrip()
    out = [f"// CHECK-LABEL: func.func @{name}(", f"// CHECK-SAME: {line(sig)}"]
    for b in body:
        out.append(f"// CHECK-NEXT: {line(b)}")
    return out


def update(path):
    text = path.read_text()
    args = run_line(text)
    done = subprocess.run([str(THUNDER_OPT), str(path), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{path}: thunder-opt failed:\n{done.stderr}")
    inputs = SPLIT.split(text)
    outputs = SPLIT.split(done.stdout)
    assert len(inputs) == len(outputs), f"{len(inputs)} input chunks, {len(outputs)} output chunks"
    chunks = []
    for i, (chunk, output) in enumerate(zip(inputs, outputs)):
        lines = [line for line in chunk.split("\n") if not re.match(r"// CHECK(-\w+)?:", line)]
        body = "\n".join(lines)
        generated = []
        for name, signature, fn_body in functions(output):
            generated += checks(name, signature, fn_body)
        first = next((k for k, line in enumerate(lines) if re.match(r"\s*(func\.func|module)", line)), len(lines))
        if i == 0:
            # The first chunk's leading lines are the RUN lines and the file's comment.
            pass
        lines[first:first] = generated
        body = "\n".join(lines)
        chunks.append(body)
    path.write_text("// -----".join(chunks))


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        update(pathlib.Path(arg))
