"""Shared fixtures: a copy of the bundled corpus inside a pytester directory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"
CLAIMS = REPO / "claims"

OPENING = "china.org.cn/2025-08-25-scio-customs-14th-fyp/p01-opening.en.txt"
QA_TRADE = "china.org.cn/2025-08-25-scio-customs-14th-fyp/qa-cross-border-trade-facilitation.en.txt"
QA_COOPERATION = (
    "china.org.cn/2025-08-25-scio-customs-14th-fyp/p11-qa-international-cooperation.en.txt"
)
SUMMARY = "peoples-daily-overseas/2025-08-26-customs-14th-fyp-summary.en-zh.txt"

REGISTRY = f"""\
version: 1
sources:
  opening:
    path: {OPENING}
    lang: en
    published: 2025-12-16
    event: 2025-08-25
  qa_trade:
    path: {QA_TRADE}
    lang: en
    published: 2025-12-16
    event: 2025-08-25
  summary_en:
    path: {SUMMARY}
    lines: 1
    lang: en
    published: 2025-08-26
  summary_zh:
    path: {SUMMARY}
    lines: 2
    lang: zh
    published: 2025-08-26
"""


@pytest.fixture
def briefing(pytester: pytest.Pytester) -> Callable[..., Path]:
    """Copy the bundled sources into the pytester directory; write claim files on demand.

    ``briefing(name=text, ...)`` writes ``claims/<name>.yaml`` files; with
    ``registry=True`` (the default) the shared test registry is written too.
    """
    shutil.copytree(SOURCES, pytester.path / "sources")
    (pytester.path / "claims").mkdir()

    def write(registry: bool = True, **files: str) -> Path:
        if registry:
            (pytester.path / "claims" / "sources.yaml").write_text(REGISTRY, encoding="utf-8")
        for name, text in files.items():
            (pytester.path / "claims" / f"{name}.yaml").write_text(text, encoding="utf-8")
        return pytester.path

    return write


def edit_source(root: Path, relative: str, old: str, new: str) -> None:
    """Change a copied source, as an editor would; the original stays untouched."""
    path = root / "sources" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def bundled(pytester: pytest.Pytester) -> Path:
    """A copy of the whole bundled corpus: sources and claims."""
    shutil.copytree(SOURCES, pytester.path / "sources")
    shutil.copytree(CLAIMS, pytester.path / "claims")
    return pytester.path
