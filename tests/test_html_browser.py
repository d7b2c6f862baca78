"""The HTML report in headless Chromium: what a reader of the page sees.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them);
without them the tests skip and say so, except under CI (``CI`` set), where
they fail: a check CI never runs is no check. Selenium is given both executables, so
it never looks for (or downloads) a driver of its own.

``BRIEFCHECK_SCREENSHOT=docs/report.png pytest tests/test_html_browser.py``
also saves the screenshot of the bundled corpus's report shown in the README
(then ``pngquant --ext .png --force docs/report.png`` makes it a third of the size).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    BUNDLED_DOCUMENTS,
    OPENING,
    SUMMARY,
    briefcheck_reports,
    copy_bundled,
    edit_source,
    engine_count,
)
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
STATUSES = ("verified", "contradicted", "unchecked", "waived")


def _chromium() -> tuple[str, str] | None:
    browser = next(
        (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))),
        None,
    )
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    found = _chromium()
    if found is None:
        reason = (
            "no headless browser: Chromium and chromedriver are not installed "
            "(Debian: apt-get install chromium chromium-driver)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; .ci/run installs them, so CI must have them")
        pytest.skip(reason)
    binary, driver_path = found
    options = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument("--window-size=1200,900")
    options.binary_location = binary
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: WebDriver, page: Path) -> None:
    browser.get(page.as_uri())
    assert browser.title == "briefcheck report"


def _target(browser: WebDriver) -> WebElement:
    """The element the URL's fragment points at, checked to be on screen."""
    target = browser.find_element(By.CSS_SELECTOR, ":target")
    assert target.is_displayed()
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight;",
        target,
    )
    return target


def _background(browser: WebDriver, element: WebElement) -> str:
    return str(
        browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", element)
    )


def _colours(browser: WebDriver) -> dict[str, str]:
    """The background of each status as the legend paints it."""
    return {
        status: _background(browser, browser.find_element(By.CSS_SELECTOR, f".legend .{status}"))
        for status in STATUSES
    }


_DOCUMENTS_SCRIPT = """
const out = {};
for (const section of document.querySelectorAll('section.doc')) {
  const text = section.querySelector('pre.text');
  const highlights = [...text.querySelectorAll('.hl')].map(x => ({
    status: x.dataset.status,
    text: x.textContent,
    background: getComputedStyle(x).backgroundColor,
    visible: x.getClientRects().length > 0,
  }));
  out[section.dataset.path] = {text: text.textContent, highlights: highlights};
}
return out;
"""

_LINKS_SCRIPT = """
return [...document.querySelectorAll('[src], [href], [srcset], [action], [data]')]
  .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('srcset')
    || e.getAttribute('action') || e.getAttribute('data'));
"""


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Any]]:
    root = copy_bundled(tmp_path_factory.mktemp("bundled"))
    page, document = briefcheck_reports(root)
    return root, page, document


def test_summary_table_shows_the_counts(browser: WebDriver, bundled) -> None:
    _, page, document = bundled
    _open(browser, page)
    rows = browser.find_elements(By.CSS_SELECTOR, "#summary tbody tr")
    shown = {
        row.find_element(By.CSS_SELECTOR, "td").text: [
            int(cell.text) for cell in row.find_elements(By.CSS_SELECTOR, "td.n")
        ]
        for row in rows
    }
    summary = document["summary"]
    columns = ("verified", "contradicted", "missing", "undecidable", "error", "xfailed", "skipped")
    expected = {
        file: [sum(counts.values()), *(counts[c] for c in columns)]
        for file, counts in summary["files"].items()
    }
    expected["total"] = [summary["items"], *(summary["total"][c] for c in columns)]
    assert shown == expected
    assert shown["total"][0] >= 40
    assert shown["total"][2] == 0 and shown["total"][6] == 2  # nothing contradicted, 2 xfailed
    headers = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#summary thead th")]
    assert headers == ["file", "items", *columns]


def test_every_figure_of_the_seed_documents_is_highlighted(browser: WebDriver, bundled) -> None:
    root, page, _ = bundled
    _open(browser, page)
    colours = _colours(browser)
    assert len(set(colours.values())) == len(STATUSES)  # four colours a reader can tell apart
    documents = browser.execute_script(_DOCUMENTS_SCRIPT)
    for relative in BUNDLED_DOCUMENTS:
        shown = documents[f"sources/{relative}"]
        assert shown["text"] == (root / "sources" / relative).read_text(encoding="utf-8")
        highlights = shown["highlights"]
        assert len(highlights) == engine_count(root, f"sources/{relative}") > 0
        for highlight in highlights:
            assert highlight["visible"], highlight
            assert highlight["background"] == colours[highlight["status"]], highlight
    statuses = {h["status"] for d in documents.values() for h in d["highlights"]}
    assert statuses == {"verified", "contradicted", "waived"}  # the bundled corpus is covered


def test_no_request_leaves_the_page(browser: WebDriver, bundled) -> None:
    _, page, _ = bundled
    _open(browser, page)
    links = browser.execute_script(_LINKS_SCRIPT)
    assert links and all(link.startswith("#") for link in links)
    assert not any(link.lower().startswith(("http:", "https:", "//")) for link in links)
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    screenshot = os.environ.get("BRIEFCHECK_SCREENSHOT")
    if screenshot:  # the summary on top, then the document with something to look at
        browser.set_window_size(1200, 1900)
        _open(browser, page)
        browser.save_screenshot(screenshot)


def test_a_contradicted_figure_leads_to_its_claim_and_the_agreeing_quotes(
    browser: WebDriver, tmp_path: Path
) -> None:
    root = copy_bundled(tmp_path)
    edit_source(root, SUMMARY, "5.2 billion tons", "5.3 billion tons")
    page, _ = briefcheck_reports(root)
    _open(browser, page)
    colours = _colours(browser)
    summary = browser.find_element(By.CSS_SELECTOR, f'section[data-path="sources/{SUMMARY}"]')
    (wrong,) = [
        x for x in summary.find_elements(By.CSS_SELECTOR, "a.hl") if x.text == "5.3 billion tons"
    ]
    assert wrong.get_attribute("data-status") == "contradicted"
    assert _background(browser, wrong) == colours["contradicted"]
    assert (wrong.get_attribute("title") or "").startswith("contradicted: 5.3e9 t")

    wrong.click()
    row = _target(browser)
    assert "contradicted" in row.text and "5.3 billion tons" in row.text
    claim = row.find_element(By.CSS_SELECTOR, "a.claim-link")
    assert claim.text == "annual_tonnage"
    claim.click()
    item = _target(browser)
    assert item.get_attribute("data-nodeid") == (
        "claims/customs-2025-08-25/opening.yaml::annual_tonnage"
    )
    assert "contradicted (1 of 3 quotes)" in item.text
    assert "5.3e9 t" in item.text and "expected: 5.2e9 t (per_year)" in item.text

    browser.back()
    reached = []
    for index in range(2):
        row = _target(browser)
        agreeing = [
            span.find_element(By.CSS_SELECTOR, "a.quote-link")
            for span in row.find_elements(By.CSS_SELECTOR, ".other-quote")
            if span.get_attribute("data-quote-status") == "agrees"
        ]
        assert len(agreeing) == 2
        agreeing[index].click()
        quote = _target(browser)
        document = quote.find_element(By.XPATH, "ancestor::section[1]")
        reached.append(
            (document.get_attribute("data-path"), quote.text, quote.get_attribute("data-status"))
        )
        assert _background(browser, quote) == colours["verified"]
        browser.back()
    assert reached == [
        (f"sources/{OPENING}", "5.2 billion metric tons", "verified"),
        (f"sources/{SUMMARY}", "52亿吨", "verified"),
    ]
