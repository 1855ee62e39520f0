"""A supporters → supported network picture of relations, as a self-contained SVG."""

from __future__ import annotations

import html
from collections.abc import Callable

from assistant.lexicon.kinds import colour
from assistant.store.relations import RelationRow

ROW = 46
WIDTH = 1200


def network_svg(rows: list[RelationRow], english: Callable[[str], str]) -> str:
    """Supporters on the left, supported on the right; `english` renders each name."""
    if not rows:
        return "<p>No partnerships match.</p>"
    left = list(dict.fromkeys(r.relation.supporter for r in rows))
    right = list(dict.fromkeys(r.relation.supported for r in rows))
    height = max(len(left), len(right)) * ROW + 60
    ly = {n: 40 + i * ROW for i, n in enumerate(left)}
    ry = {n: 40 + i * ROW for i, n in enumerate(right)}
    x1, x2 = 420, WIDTH - 420
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH} {height}' width='100%' "
        f"role='img' aria-label='partnership network' font-family='sans-serif'>",
        "<defs><marker id='arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' "
        "markerHeight='7' "
        "orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='#57606a'/></marker></defs>",
        f"<text x='{x1}' y='18' text-anchor='end' font-size='13' fill='#57606a'>supporters</text>",
        f"<text x='{x2}' y='18' font-size='13' fill='#57606a'>supported</text>",
    ]
    for r in rows:
        rel = r.relation
        color = colour(rel.kind)
        marker = "" if rel.symmetric else " marker-end='url(#arrow)'"
        title = html.escape(
            f"{rel.supporter} → {rel.supported}: {rel.kind} {rel.date or ''} ({rel.doc_id})"
        )
        parts.append(
            f"<line x1='{x1 + 8}' y1='{ly[rel.supporter]}' x2='{x2 - 8}' y2='{ry[rel.supported]}' "
            f"stroke='{color}' stroke-width='2'{marker}><title>{title}</title></line>"
        )
    for name, y in ly.items():
        parts.append(_label(name, english(name), x1, y, "end"))
    for name, y in ry.items():
        parts.append(_label(name, english(name), x2, y, "start"))
    legend = sorted({r.relation.kind for r in rows})
    for i, kind in enumerate(legend):
        x = 10 + i * 120
        parts.append(
            f"<rect x='{x}' y='{height - 18}' width='12' height='12' fill='{colour(kind)}'/>"
            f"<text x='{x + 16}' y='{height - 8}' font-size='12'>{html.escape(kind)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _label(name: str, english: str, x: int, y: int, anchor: str) -> str:
    return (
        f"<circle cx='{x}' cy='{y}' r='5' fill='#24292f'/>"
        f"<text x='{x + (-10 if anchor == 'end' else 10)}' y='{y - 2}' text-anchor='{anchor}' "
        "font-size='14'>"
        f"{html.escape(name)}</text>"
        f"<text x='{x + (-10 if anchor == 'end' else 10)}' y='{y + 13}' text-anchor='{anchor}' "
        "font-size='11' "
        f"fill='#57606a'>{html.escape(english)}</text>"
    )
