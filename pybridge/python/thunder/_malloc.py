"""glibc malloc settings for big tensors.

By default glibc serves each allocation above a (growing) threshold with its
own mmap and returns freed memory at the top of the heap to the system, so a
program that allocates and frees the same large buffers call after call (a
GEMM's result, a kernel's output, eager's intermediates alike) page-faults
through every one of them again: a [1024,512] x [512,1536] linear layer
spent 40% of its time there. Keeping buffers up to 32 MiB (glibc's largest
threshold) on the heap and the heap from shrinking below 1 GiB of free space
avoids that, at the cost of a process that keeps its high-water mark of
freed memory. Applies to the whole process (eager torch too) and only if the
user has not chosen malloc settings: THUNDER_MALLOC=system, or any
MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ in the environment, leaves
glibc's defaults."""

import ctypes
import os
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024
TRIM_THRESHOLD = 1024 * 1024 * 1024


def tune():
    """Returns whether the settings were applied."""
    if not sys.platform.startswith("linux") or os.environ.get("THUNDER_MALLOC") == "system":
        return False
    if any(k in os.environ for k in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_")):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))
