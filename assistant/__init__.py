"""Cited question answering over Chinese hospital-partnership news.

    from assistant import QueryEngine
    engine = QueryEngine.open("data/chroma")
    answer = engine.ask("which hospitals support Leling")
"""

from .engine import QueryEngine
from .errors import (
    AssistantError,
    BackendError,
    BadQuestion,
    EmbeddingMismatch,
    ModelUnavailable,
    StoreBusy,
    StoreNotFound,
)
from .followup import Turn
from .types import Answer, Citation

__all__ = [
    "Answer", "AssistantError", "BackendError", "BadQuestion", "Citation", "EmbeddingMismatch",
    "ModelUnavailable", "QueryEngine", "StoreBusy", "StoreNotFound", "Turn",
]
