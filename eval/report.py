"""Reports: a Markdown summary, per-question JSON and PNG charts; threshold verdicts."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def bar_chart(path: Path, title: str, series: dict[str, dict[str, float]]) -> Path:
    """Grouped bars: one group per x label, one bar per series (e.g. retriever or metric)."""
    labels = sorted({x for s in series.values() for x in s})
    width = 0.8 / max(len(series), 1)
    fig, ax = plt.subplots(figsize=(max(6, 1.2 * len(labels) * max(1, len(series)) / 2), 4))
    for i, (name, values) in enumerate(series.items()):
        xs = [j + i * width for j in range(len(labels))]
        ax.bar(xs, [values.get(x) or 0 for x in labels], width, label=name)
    ax.set_xticks([j + width * (len(series) - 1) / 2 for j in range(len(labels))], labels)
    ax.set_ylim(0, 1.05)
    ax.set_title(title)
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def grouped(rows: list[dict], key: str, metrics: list[str]) -> dict[str, dict[str, float]]:
    """metric → group value → mean, over rows that have the metric."""
    out: dict[str, dict[str, float]] = {}
    for metric in metrics:
        acc: dict[str, list[float]] = defaultdict(list)
        for r in rows:
            if isinstance(r.get(metric), (int, float)) and not isinstance(r.get(metric), bool):
                acc[r[key]].append(float(r[metric]))
        out[metric] = {g: sum(v) / len(v) for g, v in acc.items()}
    return out


def verdicts(
    scores: Mapping[str, float | None], minimums: dict[str, float]
) -> list[tuple[bool, str]]:
    """'_max' names are ceilings; everything else is a floor."""
    lines = []
    for name, bound in minimums.items():
        is_max = name.endswith("_max")
        value = scores.get(name[:-4] if is_max else name)
        ok = value is not None and (value <= bound if is_max else value >= bound)
        shown = "missing" if value is None else f"{value:.3f}"
        lines.append(
            (
                ok,
                f"{'PASS' if ok else 'FAIL'} {name.removesuffix('_max')} = {shown} "
                f"{'≤' if is_max else '≥'} {bound}",
            )
        )
    return lines


def write(out: Path, name: str, summary_md: list[str], data: dict, charts: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    lines = [*summary_md, "", *[f"![{c.stem}]({c.name})" for c in charts]]
    (out / f"{name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
