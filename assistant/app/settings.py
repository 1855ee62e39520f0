"""Settings read once at the edge (CLI and web app) from flags and environment variables."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from assistant.qa.engine import QueryEngine
from assistant.qa.llm import LLMAnswerer
from assistant.store.chroma import DEFAULT_DB, StoreConfig


@dataclass(frozen=True)
class Settings:
    db: Path
    chroma_url: str | None
    embed_model: str | None
    top_k: int
    llm_url: str | None
    llm_model: str
    llm_key: str

    def store_config(self) -> StoreConfig:
        return StoreConfig(path=None if self.chroma_url else self.db, url=self.chroma_url)

    def open_engine(self) -> QueryEngine:
        llm = LLMAnswerer(self.llm_url, self.llm_model, self.llm_key) if self.llm_url else None
        return QueryEngine.open(
            self.db,
            chroma_url=self.chroma_url,
            embed_model=self.embed_model,
            llm=llm,
            top_k=self.top_k,
        )


def add_store_arguments(p: argparse.ArgumentParser) -> None:
    """Where the store is: the same flags and variables for ingest, the assistant and eval."""
    env = os.environ.get
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--db",
        type=Path,
        default=Path(env("PA_DB", str(DEFAULT_DB))),
        help=f"embedded Chroma directory built by `python -m ingest` "
        f"(default {DEFAULT_DB}, env PA_DB)",
    )
    where.add_argument(
        "--chroma-url",
        default=env("PA_CHROMA_URL"),
        help="a Chroma server instead, e.g. http://127.0.0.1:8000 (env PA_CHROMA_URL)",
    )


def store_config(args: argparse.Namespace) -> StoreConfig:
    return StoreConfig(path=None if args.chroma_url else args.db, url=args.chroma_url)


def add_arguments(p: argparse.ArgumentParser) -> None:
    env = os.environ.get
    add_store_arguments(p)
    p.add_argument(
        "--embed-model",
        default=env("PA_EMBED_MODEL"),
        help="embedding model; default: the one the store was built with",
    )
    p.add_argument("--top-k", type=int, default=6, help="passages to answer from (default 6)")
    p.add_argument(
        "--llm-url",
        default=env("PA_LLM_URL"),
        help="OpenAI-compatible endpoint for LLM answers, e.g. http://127.0.0.1:8080/v1 "
        "(env PA_LLM_URL); without it answers are extractive and offline",
    )
    p.add_argument(
        "--llm-model", default=env("PA_LLM_MODEL", "local"), help="model name (env PA_LLM_MODEL)"
    )
    p.add_argument(
        "--llm-key", default=env("PA_LLM_KEY", "not-needed"), help="API key (env PA_LLM_KEY)"
    )


def from_args(args: argparse.Namespace) -> Settings:
    if not 1 <= args.top_k <= 50:
        raise ValueError("--top-k must be between 1 and 50")
    return Settings(
        args.db,
        args.chroma_url,
        args.embed_model,
        args.top_k,
        args.llm_url,
        args.llm_model,
        args.llm_key,
    )
