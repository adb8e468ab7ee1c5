"""The HTML report in a real headless browser: what a person sees, and the filters working.

Needs selenium, chromium and chromedriver. Without them the tests are skipped on a workstation, and fail
in CI (env CI set), which installs them: the report's script must never go untested there. Nothing is
downloaded: the driver and the browser are given by path, so Selenium Manager is never asked.

With env CLEANLINT_SCREENSHOT set to a path, a screenshot of the top of the seeds' report is saved there
as well, 1280 pixels wide (`CLEANLINT_SCREENSHOT=docs/html-report.png pytest tests/report/test_report_browser.py`
makes the README's).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleanlint.cli.main import main

from ..conftest import SEEDS

pytestmark = pytest.mark.slow

IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
PNG = b"\x89PNG\r\n\x1a\n"


def _missing(why: str) -> None:
    """Skip, except in CI, where a missing browser is a failure."""
    if IN_CI:
        pytest.fail(f"{why} (CI is set: the browser tests must run)", pytrace=False)
    pytest.skip(why)


def _find(names: tuple[str, ...], fallback: str) -> str | None:
    for name in names:
        if found := shutil.which(name):
            return found
    return fallback if os.access(fallback, os.X_OK) else None


def write_report(folder: Path, target: Path) -> None:
    """The report of `folder`/seeds, made as users make it: `cleanlint check --format html -o FILE seeds`, run
    in `folder`, so the page names the files seeds/... as the README's screenshot shows them."""
    here = Path.cwd()
    os.chdir(folder)
    try:
        status = main(["check", "--no-cache", "--format", "html", "-o", str(target), "seeds"])
    finally:
        os.chdir(here)
    assert status == 1  # the seeds have findings
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium is not installed")
    chromium = _find(("chromium", "chromium-browser"), "/usr/bin/chromium")
    driver_path = _find(("chromedriver",), "/usr/bin/chromedriver")
    if chromium is None or driver_path is None:
        _missing("chromium or chromedriver is not installed")
    os.environ.setdefault("SE_OFFLINE", "true")  # should Selenium Manager ever run, it must not download
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_window_size(1280, 1000)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    shutil.copytree(SEEDS, folder / "seeds")
    target = folder / "report.html"
    write_report(folder, target)
    return target


@pytest.fixture
def page(browser, report: Path):
    browser.get(report.as_uri())
    return browser


def _css(driver, selector: str) -> list:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def _visible_docs(driver) -> list[str]:
    return [s.get_attribute("data-path") for s in _css(driver, "section.doc") if s.is_displayed()]


def test_the_page_shows_summary_table_and_marked_texts(page):
    assert page.title == "cleanlint report"
    for chart in ("chart-rules", "chart-categories", "chart-sources", "chart-removed", "chart-scores"):
        svg = _css(page, f"#{chart} svg")
        assert svg and svg[0].is_displayed() and svg[0].size["height"] > 20, chart
    assert len(_css(page, "#chart-rules .pick")) == len(_css(page, "#rule-filter option")) - 1
    rows = _css(page, "#doc-table tbody tr")
    assert len(rows) == 5 and all(r.is_displayed() for r in rows)
    assert _css(page, "#stat-docs")[0].text == "5"

    appeal = _css(page, 'del.rm[data-codes~="B601"]')[0]
    assert appeal.text.startswith("Your support helps us to tell the story")
    assert appeal.get_attribute("title").startswith("B601 donation-appeal: donation appeal")
    assert "line-through" in appeal.value_of_css_property("text-decoration-line")
    mistranslation = _css(page, 'mark.art[data-codes~="A101"]')
    assert {m.text for m in mistranslation} >= {"in point"}
    marked = next(m for m in mistranslation if m.text == "in point")
    assert "A101 mistranslation" in marked.get_attribute("title")
    assert marked.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_rule_filter_hides_documents_without_the_rule(page):
    from selenium.webdriver.support.ui import Select

    Select(_css(page, "#rule-filter")[0]).select_by_value("B601")
    assert [Path(p).name for p in _visible_docs(page)] == ["001_1e618b8c57ee389b.txt"]
    assert _css(page, "#stat-docs")[0].text == "1"
    assert _css(page, "#stat-findings")[0].text == "1"
    assert _css(page, "#shown")[0].text == "1 of 5 documents with B601"
    assert [r.is_displayed() for r in _css(page, "#doc-table tbody tr")].count(True) == 1
    other = _css(page, 'section.doc:not([hidden]) mark[data-codes="A401"]')[0]  # the same document's A401
    assert "off" in other.get_attribute("class").split()
    assert other.value_of_css_property("background-color") in ("rgba(0, 0, 0, 0)", "transparent")

    bar = _css(page, '#chart-rules .pick[data-code="B504"]')[0]  # a bar of the rules chart filters too
    page.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", bar)
    assert _css(page, "#rule-filter")[0].get_attribute("value") == "B504"
    assert [Path(p).name for p in _visible_docs(page)] == ["002_afbc22a6ca4d1cc8.txt"]

    _css(page, "#reset-filters")[0].click()
    assert len(_visible_docs(page)) == 5 and _css(page, "#stat-docs")[0].text == "5"


def test_file_filter_matches_the_path(page):
    box = _css(page, "#file-filter")[0]
    box.send_keys("003_")
    assert [Path(p).name for p in _visible_docs(page)] == ["003_ea76408ea7aed2fe.txt"]
    assert _css(page, "#stat-docs")[0].text == "1"
    box.send_keys("nothing-like-this")
    assert _visible_docs(page) == [] and _css(page, "#no-docs")[0].is_displayed()


def test_screenshot(page, tmp_path: Path):
    shot = tmp_path / "report.png"
    assert page.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(PNG) and len(data) > 10_000
    if target := os.environ.get("CLEANLINT_SCREENSHOT"):
        page.set_window_size(1280, 2100)  # the summary, the table and the start of the first text
        page.execute_script("window.scrollTo(0, 0)")
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        assert page.save_screenshot(target)
        assert Path(target).read_bytes().startswith(PNG)
        page.set_window_size(1280, 1000)
