"""The Gradio app, started on a free localhost port and used through gradio_client and Chromium."""

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant import QueryEngine
from assistant.app.handlers import EngineHolder
from assistant.app.web import launch
from tests.conftest import free_port
from tests.integration.app.browser import HAVE_BROWSER, chromium


@pytest.fixture(scope="module")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def test_answer_cites_the_leling_article(client) -> None:
    out = client.predict("哪些医院支援乐陵?", api_name="/ask")
    assert not out["refused"]
    assert out["citations"][0]["doc_id"] == "001_12103a184f632d7e"


def test_nonsense_is_refused(client) -> None:
    out = client.predict("北约若宣战,俄罗斯首个摧毁目标是什么?", api_name="/ask")
    assert out["refused"] and out["citations"] == []


def test_chat_endpoint_streams_and_shows_sources(client) -> None:
    history, sources, box = client.predict(
        "胜利油田中心医院派驻了多少名专家?", [], api_name="/chat"
    )
    reply = history[-1]["content"][0]["text"]
    assert "71" in reply and "[1]" in reply and "---" in reply  # copied text keeps its sources
    assert "勝利油田中心醫院首批派駐" in sources and "<mark>" in sources
    assert box == ""


def test_partnerships_tab_filters_and_draws(client) -> None:
    table, svg = client.predict("", "Leling", "all", api_name="/partnerships")
    rows = table["data"]
    assert [(r[0], r[2]) for r in rows] == [("山东大学齐鲁医院德州医院", "乐陵市人民医院")]
    assert rows[0][3] == "Leling People's Hospital"
    assert "<svg" in svg and "乐陵市人民医院" in svg and "marker-end" in svg
    table, _ = client.predict("", "", "医联体成员", api_name="/partnerships")
    assert len(table["data"]) == 7


def test_ten_concurrent_clients(app_url) -> None:
    from gradio_client import Client

    questions = [
        "哪些医院支援乐陵?",
        "which hospitals support Leling",
        "莘县人民医院院长是谁?",
        "胜利油田中心医院派驻了多少名专家?",
        "东营两院融合发展要打造什么模式?",
    ] * 2
    expected = ["001_", "001_", "003_", "004_", "000_"] * 2

    def ask(q: str) -> str:
        return Client(app_url, verbose=False).predict(q, api_name="/ask")["citations"][0]["doc_id"]

    with ThreadPoolExecutor(10) as pool:
        got = list(pool.map(ask, questions))
    assert all(g.startswith(e) for g, e in zip(got, expected, strict=True)), got


def test_missing_store_gives_the_build_command(tmp_path) -> None:
    from gradio_client import Client

    port = free_port()
    app = launch(
        EngineHolder(lambda: QueryEngine.open(tmp_path / "none")),
        "127.0.0.1",
        port,
        None,
        block=False,
    )
    try:
        history, _, _ = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(
            "哪些医院支援乐陵?", [], api_name="/chat"
        )
        assert "python -m ingest corpus/" in history[-1]["content"][0]["text"]
    finally:
        app.close()


@pytest.mark.skipif(
    not HAVE_BROWSER,
    reason="Debian chromium and chromium-driver are not installed "
    "(scripts/setup.sh installs them as root)",
)
def test_browser_question_shows_sources(app_url, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = chromium(tmp_path / "profile")
    try:
        driver.get(app_url)
        wait = WebDriverWait(driver, 60)
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#pa-question textarea")))
        box.send_keys("哪些医院支援乐陵?")
        box.send_keys(Keys.ENTER)
        wait.until(ec.text_to_be_present_in_element((By.ID, "pa-sources"), "齊魯醫院德州醫院"))
        wait.until(ec.text_to_be_present_in_element((By.ID, "pa-chat"), "[1]"))
        time.sleep(0.5)
        assert "資源共享 優勢互補" in driver.find_element(By.ID, "pa-sources").text
        shot = Path(os.environ.get("PA_SCREENSHOT_DIR", tmp_path))
        driver.save_screenshot(str(shot / "chat.png"))
        assert (shot / "chat.png").stat().st_size > 10_000
        driver.find_element(
            By.XPATH, "//button[@role='tab' and contains(., 'Partnerships')]"
        ).click()
        wait.until(ec.text_to_be_present_in_element((By.ID, "pa-relations"), "东营市第二人民医院"))
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#pa-network svg")))
        time.sleep(0.5)
        driver.save_screenshot(str(shot / "partnerships.png"))
    finally:
        driver.quit()


def test_no_endpoint_serves_files_outside_the_app(app_url) -> None:
    import urllib.error
    import urllib.request

    for path in (
        "file=/etc/passwd",
        "gradio_api/file=/etc/passwd",
        "gradio_api/file=corpus/../pyproject.toml",
        "file=pyproject.toml",
        "gradio_api/file=" + str(Path(__file__).resolve()),
    ):
        try:
            with urllib.request.urlopen(app_url + path, timeout=10) as response:
                body = response.read(4000).decode("utf-8", "replace")
            assert "root:" not in body and "[project]" not in body and "def test_" not in body, path
        except urllib.error.HTTPError as exc:
            assert exc.code in (403, 404, 405), (path, exc.code)


def test_auth_is_enforced(real_store) -> None:
    import urllib.error
    import urllib.request

    from gradio_client import Client

    port = free_port()
    app = launch(
        EngineHolder(lambda: QueryEngine.open(real_store.path)),
        "127.0.0.1",
        port,
        ("staff", "s3cret"),
        block=False,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(url + "gradio_api/info", timeout=10)
        out = Client(url, auth=("staff", "s3cret"), verbose=False).predict(
            "哪些医院支援乐陵?", api_name="/ask"
        )
        assert out["citations"][0]["doc_id"].startswith("001_")
        with pytest.raises(Exception):  # noqa: B017 - wrong password: any refusal will do
            Client(url, auth=("staff", "wrong"), verbose=False)
    finally:
        app.close()
