"""Cited question answering over Chinese hospital-partnership news.

from assistant import QueryEngine
engine = QueryEngine.open("data/chroma")
answer = engine.ask("which hospitals support Leling")
"""

from assistant.errors import (
    AssistantError,
    BackendError,
    BadQuestion,
    EmbeddingMismatch,
    ModelUnavailable,
    StoreBusy,
    StoreNotFound,
)
from assistant.qa.engine import QueryEngine
from assistant.types import Answer, Citation, Turn

__all__ = [
    "Answer",
    "AssistantError",
    "BackendError",
    "BadQuestion",
    "Citation",
    "EmbeddingMismatch",
    "ModelUnavailable",
    "QueryEngine",
    "StoreBusy",
    "StoreNotFound",
    "Turn",
]
