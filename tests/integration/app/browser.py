"""Headless Debian Chromium for the browser tests (no browser downloads)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

HAVE_BROWSER = bool(shutil.which("chromium") and shutil.which("chromedriver"))


def chromium(profile: Path) -> Any:
    """A headless Chromium driven by chromedriver, with its own profile directory."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
