"""Shared setup for the thunder Python tests.

The suite compiles many tiny programs; eager torch runs the references on
tensors of a few elements, where intra-op threads only cost time (and the
test machines have few cores), so eager runs single-threaded here.
"""

import pytest
import torch


def pytest_configure(config):
    torch.set_num_threads(1)


@pytest.fixture(autouse=True)
def _deterministic():
    """Every test starts from the same RNG state and the default dtype."""
    torch.manual_seed(0)
    assert torch.get_default_dtype() == torch.float32
    yield
