"""Shared fixtures and paths. Unit tests (tests/unit) use a deterministic, text-dependent
fake embedder where they need one; the real-model and on-disk-store fixtures live in
tests/integration/conftest.py."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import numpy as np
import pytest
from llama_index.core.embeddings import BaseEmbedding

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DEV_QA = ROOT / "eval" / "datasets" / "dev_qa.jsonl"
# Page chrome of the bundled captures (navigation, ads, share widgets, other headlines):
# none of it may survive cleaning.
CHROME_WORDS = [
    "北约",
    "比亚迪",
    "益生菌",
    "相关推荐",
    "热点推荐",
    "相关新闻",
    "热点新闻",
    "更多关于",
    "分享至",
    "快照",
    "责任编辑",
    "初审编辑",
    "想爆料",
    "微信扫一扫",
    "网易首页",
    "无障碍浏览",
    "广告热线",
    "头条要闻",
    "我的订阅",
    "双下沉专栏",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _gram_vector(gram: str, dim: int) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(gram.encode()).digest()[:8], "little")
    return np.random.default_rng(seed).standard_normal(dim)


class FakeEmbedding(BaseEmbedding):
    """Sum of sha256-seeded vectors of character bigrams: similar texts land close."""

    model_name: str = "fake:bigram-64"
    dim: int = 64

    def _vec(self, text: str) -> list[float]:
        grams = [text[i : i + 2] for i in range(max(len(text) - 1, 1))]
        v = np.sum([_gram_vector(g, self.dim) for g in grams], axis=0)
        return (v / (np.linalg.norm(v) or 1.0)).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vec(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._vec(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vec(text)


@pytest.fixture
def fake_embed() -> FakeEmbedding:
    return FakeEmbedding()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    target.mkdir()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, target / f.name)
    return target
