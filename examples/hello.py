"""The Hello World through thunder.jit: prints the result, then the program
at every level with the thunder-opt pipeline that produces the next one."""

import thunder
import torch


def foo(a, b):
    return a + b


jfoo = thunder.jit(foo)
result = jfoo(torch.full((2, 2), 1), torch.full((2, 2), 3))
print(result)
assert torch.equal(result, torch.tensor([[4, 4], [4, 4]]))

for trace in thunder.last_traces(jfoo):
    print(f"\n=== {trace.level} level")
    print(trace.text.rstrip())
    if trace.pipeline:
        print(f"--- next level: thunder-opt --pass-pipeline='builtin.module({trace.pipeline})'")
