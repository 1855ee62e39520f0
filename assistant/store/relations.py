"""The relation table: every partnership mined at ingest, queryable by hospital, region, kind.

Relations are stored on each document's record in the store (committed with it);
this SQLite table beside the store is derived from them and rebuilt when stale.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.lexicon import kinds
from assistant.lexicon.gazetteer import Gazetteer
from assistant.store.chroma import Store
from assistant.store.schema import DocRecord
from assistant.textnorm import to_search_form
from assistant.types import Relation

_COLUMNS = ("supporter", "supported", "kind", "doc_id", "evidence", "date", "date_kind", "figures")


@dataclass(frozen=True)
class RelationRow:
    relation: Relation
    title: str
    source: str | None
    url: str | None

    def as_dict(self, english: Callable[[str], str] | None = None) -> dict:
        """The row as plain values; with `english` (a name renderer) also the English names."""
        out = self.relation.as_dict() | {
            "symmetric": self.relation.symmetric,
            "title": self.title,
            "source": self.source,
            "url": self.url,
        }
        if english is not None:
            out |= {
                "supporter_en": english(self.relation.supporter),
                "supported_en": english(self.relation.supported),
                "kind_en": kinds.english(self.relation.kind),
            }
        return out


class RelationIndex:
    """Immutable once opened (a new stamp opens a new index), so rows are read once."""

    def __init__(
        self, conn: sqlite3.Connection, rows: tuple[RelationRow, ...] | None = None
    ) -> None:
        self.conn = conn
        self._rows: tuple[RelationRow, ...] | None = rows
        self._by_name: dict[str, list[int]] | None = None

    @classmethod
    def open(cls, store: Store, manifest: dict[str, DocRecord], stamp: str) -> RelationIndex:
        path = store.config.sidecar_dir() / "relations.sqlite"
        try:
            conn = sqlite3.connect(path, check_same_thread=False)
            current = conn.execute("select value from info where key='stamp'").fetchone()
            if current and current[0] == stamp:
                return cls(conn)
            conn.close()
        except sqlite3.Error:
            pass
        return cls(cls._build(path, manifest, stamp))

    @staticmethod
    def _build(path: Path, manifest: dict[str, DocRecord], stamp: str) -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
        conn.executescript(
            "create table info (key text primary key, value text);"
            "create table relations (supporter text, supported text, kind text, doc_id text, "
            "evidence text,"
            " date text, date_kind text, figures text, title text, source text, url text);"
            "create index by_supported on relations(supported); create index by_supporter on "
            "relations(supporter);"
        )
        rows = [
            (
                *(getattr(r, c) for c in _COLUMNS),
                rec.article.title,
                rec.article.source,
                rec.article.url,
            )
            for rec in manifest.values()
            for r in rec.relations
        ]
        conn.executemany(f"insert into relations values ({','.join('?' * 11)})", rows)
        conn.execute("insert into info values ('stamp', ?)", (stamp,))
        conn.commit()
        conn.close()
        tmp.replace(path)  # readers see the old table or the new one
        return sqlite3.connect(path, check_same_thread=False)

    def all(self) -> list[RelationRow]:
        return list(self._loaded())

    def of_documents(self, doc_ids: set[str]) -> RelationIndex:
        """The rows of those documents only, as an index of their own."""
        return RelationIndex(
            self.conn, tuple(r for r in self._loaded() if r.relation.doc_id in doc_ids)
        )

    def entities(self) -> set[str]:
        return set(self._positions())

    def naming(self, fragment: str) -> list[RelationRow]:
        """Rows with `fragment` in either side's name, in table order, without a scan of all "
        "rows."""
        rows = self._loaded()
        hits = {i for name, at in self._positions().items() if fragment in name for i in at}
        return [rows[i] for i in sorted(hits)]

    def _loaded(self) -> tuple[RelationRow, ...]:
        if self._rows is None:
            cur = self.conn.execute(
                f"select {', '.join(_COLUMNS)}, title, source, url from relations "
                "order by date desc, doc_id, supporter"
            )
            self._rows = tuple(
                RelationRow(Relation(*row[:8]), row[8], row[9], row[10]) for row in cur
            )
        return self._rows

    def _positions(self) -> dict[str, list[int]]:
        if self._by_name is None:
            by_name: dict[str, list[int]] = {}
            for i, row in enumerate(self._loaded()):
                for name in {row.relation.supporter, row.relation.supported}:
                    by_name.setdefault(name, []).append(i)
            self._by_name = by_name
        return self._by_name

    def filter(
        self,
        hospital: str | None = None,
        region: str | None = None,
        kind: str | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> list[RelationRow]:
        """Relations naming `hospital` (either side), in `region` (either side), of `kind`."""

        def terms(value: str) -> list[str]:
            value = to_search_form(value)
            if gazetteer is not None and value.isascii():
                bridged, _ = gazetteer.bridge(value)
                return [t.split("/")[0] for t in bridged.split()] or [value]
            return [value]

        rows = self.all()
        if kind:
            wanted_kind = kinds.find_kind(to_search_form(kind))
            rows = [r for r in rows if r.relation.kind == wanted_kind]
        for value in (hospital, region):
            if value:
                wanted = terms(value)
                rows = [
                    r
                    for r in rows
                    if any(
                        all(t in n for t in wanted)
                        for n in (r.relation.supporter, r.relation.supported)
                    )
                ]
        return rows
