"""The `python -m assistant` CLI over the real store: ask, errors, relations."""

import csv
import io
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings

from assistant.app.cli import main as assistant_main
from tests.strategies import TEXT


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(TEXT)
def test_cli_ask_never_tracebacks(real_store, capsys, text: str) -> None:
    from assistant.app.cli import main

    code = main(["ask", text, "--db", str(real_store.path), "--json"])
    captured = capsys.readouterr()
    assert code in (0, 2)
    assert "Traceback" not in captured.err
    if code == 2:
        assert captured.err.startswith("assistant: error:")


def test_cli_ask_json(real_store, capsys) -> None:
    assert assistant_main(["ask", "哪些医院支援乐陵?", "--db", str(real_store.path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"answer", "refused", "citations", "timings_ms"}
    assert out["citations"][0]["doc_id"] == "001_12103a184f632d7e"
    assert set(out["citations"][0]) == {
        "n",
        "doc_id",
        "title",
        "date",
        "source",
        "url",
        "page",
        "also",
        "quote",
        "score",
    }


@pytest.mark.parametrize(
    "argv, message",
    [
        (["ask", "   "], "empty"),
        (["ask", "x", "--db", "/nonexistent/store"], "python -m ingest"),
        (["ask", "乐陵", "--top-k", "0"], "--top-k"),
    ],
)
def test_cli_errors_are_messages_not_tracebacks(argv, message, real_store, capsys) -> None:
    if "--db" not in argv:
        argv = [*argv, "--db", str(real_store.path)]
    assert assistant_main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_relations(real_store) -> None:
    def run(*args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "assistant", "relations", "--db", str(real_store.path), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        return out.stdout

    rows = json.loads(run("--region", "Leling", "--format", "json"))
    assert [(r["supporter"], r["supported"]) for r in rows] == [
        ("山东大学齐鲁医院德州医院", "乐陵市人民医院")
    ]
    assert rows[0]["supported_en"] == "Leling People's Hospital"
    table = list(
        csv.DictReader(io.StringIO(run("--hospital", "勝利油田中心醫院", "--format", "csv")))
    )
    assert {r["kind"] for r in table} == {"派驻专家", "城市医疗集团"}
    assert all(r["supported"] == "东营市第二人民医院" for r in table)
    assert "14 relation(s)" in run()
    assert "医联体成员" in run("--kind", "medical alliance membership")
