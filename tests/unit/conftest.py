"""Unit tests: pure functions, no embedding model, no Chroma store, no servers, no
subprocesses, no browser. A unit test that carries the `integration` or `slow` marker
belongs in tests/integration; collection stops and names it."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees every collected item, not only this folder's: check ours only.
    misplaced = [
        item.nodeid
        for item in items
        if item.path.resolve().is_relative_to(HERE)
        and any(item.get_closest_marker(name) for name in ("integration", "slow"))
    ]
    if misplaced:
        raise pytest.UsageError(
            "marked integration or slow but under tests/unit (move to tests/integration): "
            + ", ".join(misplaced)
        )
