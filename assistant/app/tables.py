"""Relation and fact listings for the terminal: a text table, csv or json."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from assistant.store.relations import RelationRow
from assistant.types import Fact


def relations_table(rows: list[RelationRow], english: Callable[[str], str], fmt: str) -> str:
    """Relations as a text table, csv or json, with English names beside the Chinese ones."""
    dicts = [r.as_dict(english) for r in rows]
    if fmt == "json":
        return json.dumps(dicts, ensure_ascii=False, indent=2)
    fields = [
        "supporter",
        "supporter_en",
        "supported",
        "supported_en",
        "kind",
        "kind_en",
        "date",
        "date_kind",
        "figures",
        "doc_id",
        "evidence",
    ]
    if fmt == "csv":
        return _csv(dicts, fields)
    lines = [f"{len(rows)} relation(s)"]
    for d in dicts:
        sym = "↔" if d["symmetric"] else "→"
        lines.append(
            f"{d['supporter']} {sym} {d['supported']}  [{d['kind']}]  {d['date'] or '-'}"
            f"{' (' + d['date_kind'] + ')' if d['date_kind'] else ''}  {d['doc_id']}"
            + (f"  {d['figures']}" if d["figures"] else "")
        )
        lines.append(f"    {d['supporter_en']} {sym} {d['supported_en']} ({d['kind_en']})")
    return "\n".join(lines)


FACT_FIELDS = ["kind", "subject", "role", "org", "value", "unit", "date", "doc_id", "evidence"]


def facts_table(facts: list[Fact], fmt: str) -> str:
    """Facts (people, figures, events) as a text table, csv or json."""
    dicts = [f.as_dict() for f in facts]
    if fmt == "json":
        return json.dumps(dicts, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(dicts, FACT_FIELDS)
    lines = [f"{len(facts)} fact(s)"]
    for f in facts:
        if f.kind == "person":
            what = f"{f.subject}  {f.role}  {f.org or '-'}"
        elif f.kind == "figure":
            what = f"{f.value}{f.unit}  {f.subject}"
        else:
            what = f"{f.date}  {f.subject}  {f.org or '-'}"
        lines.append(f"[{f.kind}] {what}  ({f.doc_id})")
    return "\n".join(lines)


def _csv(rows: list[dict], fields: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().rstrip("\n")
