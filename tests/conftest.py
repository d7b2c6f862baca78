"""Shared fixtures: a copy of the bundled corpus inside a pytester directory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# yaml and the engine are imported here, before any in-process pytester run, so
# that pytester's module snapshot keeps one copy: PyYAML's C loader caches its
# node classes at first import, and a re-imported yaml package would no longer
# match them. Keeping the engine loaded also spares each inline run a rebuild of
# the unit registry.
import yaml  # noqa: F401

import pytest_briefcheck.session
import pytest_briefcheck.units  # noqa: F401

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


BUNDLED_DOCUMENTS = (
    OPENING,
    SUMMARY,
    QA_TRADE,
    QA_COOPERATION,
    "china.org.cn/2025-q1-scio-imports-exports/p14-qa-smart-customs.en.txt",
)


def briefcheck_reports(root: Path, *args: str) -> tuple[Path, dict[str, Any]]:
    """Run ``pytest --briefcheck`` in ``root`` (a subprocess); the HTML report's path and
    the JSON report."""
    command = [sys.executable, "-m", "pytest", "--briefcheck", "-p", "no:cacheprovider"]
    command += ["--briefcheck-html=out/report.html", "--briefcheck-json=out/report.json", *args]
    subprocess.run(command, cwd=root, capture_output=True, check=False)
    document = json.loads((root / "out" / "report.json").read_text(encoding="utf-8"))
    return root / "out" / "report.html", document


def copy_bundled(root: Path) -> Path:
    shutil.copytree(SOURCES, root / "sources")
    shutil.copytree(CLAIMS, root / "claims")
    return root


def engine_count(root: Path, display: str) -> int:
    """The figures and dates the engine reads in a document: in every part declared of it,
    each date, and each figure that is not part of a date ("2024" is a year), each place once.
    """
    from pytest_briefcheck.corpus import Settings, load_corpus
    from pytest_briefcheck.dates import find_dates
    from pytest_briefcheck.figures import parse_figures

    corpus = load_corpus(Settings(root, root / "claims", root / "sources"))
    spans: set[tuple[int, int]] = set()
    for spec in corpus.all_specs():
        source = corpus.source(spec)
        if source.display != display:
            continue
        dates = [d.span for d in find_dates(source.text, base=source.base_date, lang=source.lang)]
        figures = [
            f.span
            for f in parse_figures(source.text, lang=source.lang)
            if not any(f.span[0] < end and start < f.span[1] for start, end in dates)
        ]
        spans.update((source.offset + s, source.offset + e) for s, e in [*dates, *figures])
    return len(spans)


def drop_goods_value_xfail(root: Path) -> None:
    """The bundled claim annual_goods_value without its xfail, so that it fails: the English
    summary calls the annual value (41.5 trillion yuan) a "total value"."""
    path = root / "claims" / "customs-2025-08-25" / "opening.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith('    xfail: "summary_en calls')]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept), encoding="utf-8")
