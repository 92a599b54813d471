"""Debian's Chromium driven by Playwright, for the page tests (test_view, test_query_page).

`playwright install` cannot download here, so the tests use /usr/bin/chromium (`.ci/run`
installs it with apt). Without it the browser tests are skipped on a workstation and fail
in CI, where a missing browser is a broken setup.
"""
from __future__ import annotations

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None


def require_browser() -> None:
    """Skip the calling test module (fail under CI) when Playwright or Chromium is missing."""
    if sync_playwright is None or not os.access(CHROMIUM, os.X_OK):
        reason = "needs the playwright package and Debian's Chromium at /usr/bin/chromium (see .ci/run)"
        if os.environ.get("CI"):
            raise RuntimeError(reason)
        pytest.skip(reason, allow_module_level=True)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
