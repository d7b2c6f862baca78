"""``briefcheck suggest``: claims for unchecked figures, pre-paired across documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import OPENING, SUMMARY, edit_source

from pytest_briefcheck.claims import Claim, load_claim_file

NEW_FIGURE = "making it the largest globally, with 1,200 customs officers on duty at night [2]"


def _suggest(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.run(sys.executable, "-m", "pytest_briefcheck.cli", "suggest", *args)


def _claims(path: Path) -> list[Claim]:
    loaded = load_claim_file(path, path.name)
    assert loaded.error is None, loaded.error
    assert not [p for c in loaded.claims for p in c.problems]
    return list(loaded.claims)


def test_a_suggested_claim_for_a_new_figure_passes_once_written(
    bundled: Path, pytester: pytest.Pytester
) -> None:
    edit_source(bundled, SUMMARY, "making it the largest globally [2]", NEW_FIGURE)
    printed = _suggest(pytester, f"sources/{SUMMARY}")
    assert printed.ret == 0, printed.stderr.str()
    assert "1,200 customs officers" in printed.stdout.str()
    written = _suggest(pytester, f"sources/{SUMMARY}", "--write", "claims/new.yaml")
    assert written.ret == 0, written.stderr.str()
    claims = _claims(bundled / "claims" / "new.yaml")
    assert len(claims) == 1
    (claim,) = claims
    assert claim.expect == "1200"
    assert [q.source for q in claim.quotes] == ["summary_en"]
    assert "1,200 customs officers" in claim.quotes[0].text
    result = pytester.runpytest("--briefcheck", "-v")
    result.stdout.fnmatch_lines_random(
        [
            f"claims/new.yaml::{claim.id} PASSED*",
            f"sources/{SUMMARY}::coverage[[]summary_en[]] PASSED*",
        ]
    )


def test_write_refuses_an_existing_file(bundled: Path, pytester: pytest.Pytester) -> None:
    edit_source(bundled, SUMMARY, "making it the largest globally [2]", NEW_FIGURE)
    existing = bundled / "claims" / "customs-2025-08-25" / "summary.yaml"
    before = existing.read_bytes()
    result = _suggest(
        pytester, f"sources/{SUMMARY}", "--write", "claims/customs-2025-08-25/summary.yaml"
    )
    assert result.ret == 2
    result.stderr.fnmatch_lines(["*summary.yaml already exists; suggest never overwrites*"])
    assert existing.read_bytes() == before


def test_nothing_to_suggest_for_the_bundled_corpus(bundled: Path, pytester) -> None:
    result = _suggest(pytester, "summary_en")
    assert result.ret == 0, result.stderr.str()
    assert "claims: []" in result.stdout.str()


def _quote_sources(claims: list[Claim], needle: str) -> set[str]:
    """The sources quoted by the claim whose opening quote holds ``needle``."""
    for claim in claims:
        if any(q.source == "opening" and needle in q.text for q in claim.quotes):
            return {q.source for q in claim.quotes}
    raise AssertionError(f"no claim quotes {needle!r} from the opening")


def test_the_opening_against_the_summary_comes_pre_paired(
    briefing, pytester: pytest.Pytester
) -> None:
    root = briefing()
    result = _suggest(
        pytester,
        f"sources/{OPENING}",
        "--against",
        f"sources/{SUMMARY}",
        "--write",
        "claims/opening.yaml",
    )
    assert result.ret == 0, result.stderr.str()
    claims = _claims(root / "claims" / "opening.yaml")
    assert {"summary_en", "summary_zh"} <= _quote_sources(claims, "5.2 billion metric tons")
    # the opening states the value with no basis of its own ("with a value of"), so it
    # pairs with both summaries; the claims' basis: per_year is what catches the English
    # "total value" (the bundled annual_goods_value claim)
    assert {"summary_en", "summary_zh"} <= _quote_sources(claims, "41.5 trillion yuan")
    assert "summary_en" in _quote_sources(claims, "bringing the total number to 311")
    assert "summary_en" in _quote_sources(claims, "has reached 964 items")
    assert "summary_en" in _quote_sources(claims, "in 25 categories")
    # every figure and date of the opening is now claimed, and every claim holds
    registry = (root / "claims" / "sources.yaml").read_text(encoding="utf-8")
    (root / "claims" / "sources.yaml").write_text(
        registry.replace(
            "    event: 2025-08-25\n", "    event: 2025-08-25\n    checked: true\n", 1
        ),
        encoding="utf-8",
    )
    check = pytester.runpytest("--briefcheck", "-v")
    check.stdout.fnmatch_lines([f"sources/{OPENING}::coverage PASSED*"])
    assert check.ret == 0, check.stdout.str()


def test_a_near_miss_in_the_summary_is_flagged(briefing, pytester: pytest.Pytester) -> None:
    root = briefing()
    edit_source(root, SUMMARY, "5.2 billion tons", "5.3 billion tons")
    result = _suggest(pytester, "opening", "--against", "summary_en")
    assert result.ret == 0, result.stderr.str()
    result.stdout.fnmatch_lines(
        [f"    # NEAR MISS: summary_en says 5.3 billion t (per_year) at sources/{SUMMARY}:1:*"]
    )


def test_an_unknown_source_is_a_clear_error(briefing, pytester: pytest.Pytester) -> None:
    briefing()
    result = _suggest(pytester, "no_such_alias")
    assert result.ret == 2
    result.stderr.fnmatch_lines(["briefcheck: 'no_such_alias' is neither a file nor a source*"])
