"""`python -m eval load` against the real web app on 127.0.0.1."""

import pytest

from tests.conftest import DEV_QA


def test_load_script_small(app_url) -> None:
    from eval.load import run_load

    result = run_load(app_url, sessions=6, seconds=8, dataset=DEV_QA)
    assert result["errors"] == 0 and result["ok"] >= 6 and result["p95_ms"] > 0
    with pytest.raises(ValueError, match="this machine"):
        run_load("http://10.0.0.1:7860/", 1, 1, DEV_QA)
