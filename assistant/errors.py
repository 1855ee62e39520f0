"""Typed errors that users see: each says what went wrong and what to do."""


class AssistantError(Exception):
    """Base class; `str(err)` is a message fit for a person."""


class StoreNotFound(AssistantError):
    pass


class EmbeddingMismatch(AssistantError):
    pass


class StoreBusy(AssistantError):
    pass


class StoreSchemaMismatch(AssistantError):
    """The store was written by a version with another schema: it must be rebuilt."""


class BadQuestion(AssistantError):
    pass


class ModelUnavailable(AssistantError):
    pass


class BackendError(AssistantError):
    """An optional LLM backend failed or is unreachable."""
