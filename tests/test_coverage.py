"""Coverage of checked sources, waivers, and parts of a file as sources of their own."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import OPENING, QA_TRADE, SUMMARY, edit_source

# PyYAML loaded once, before any in-process pytester run: a run removes the modules it
# imported, and a re-imported yaml no longer matches the node classes of its C loader.
import pytest_briefcheck.claims  # noqa: F401

SUMMARY_EN_NODE = f"sources/{SUMMARY}::coverage[[]summary_en[]]"
NEW_FIGURE = "making it the largest globally, with 1,200 customs officers on duty at night [2]"


def test_bundled_corpus_is_fully_covered(bundled: Path, pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--briefcheck", "-v")
    assert result.ret == 0, result.stdout.str()
    result.stdout.fnmatch_lines_random(
        [
            f"sources/{OPENING}::coverage PASSED*",
            f"sources/{QA_TRADE}::coverage PASSED*",
            f"{SUMMARY_EN_NODE} PASSED*",
            f"sources/{SUMMARY}::coverage[[]summary_zh[]] PASSED*",
        ]
    )


def test_a_new_figure_in_a_checked_source_fails_its_coverage(
    bundled: Path, pytester: pytest.Pytester
) -> None:
    edit_source(bundled, SUMMARY, "making it the largest globally [2]", NEW_FIGURE)
    result = pytester.runpytest("--briefcheck", "-v")
    result.assert_outcomes(failed=1, passed=_passed(result), xfailed=_xfailed(result))
    result.stdout.fnmatch_lines(
        [
            f"{SUMMARY_EN_NODE} FAILED*",
            f"sources/{SUMMARY}:1: coverage of 'summary_en': 1 of * figures and dates are "
            "not checked by any claim (* quoted by claims, * waived)",
            f"  unchecked: sources/{SUMMARY}:1:* [[]en[]]  '1,200*'  1200*",
            f"  hint: quote each in a claim (briefcheck suggest sources/{SUMMARY} proposes them)*",
        ]
    )


def _passed(result: pytest.RunResult) -> int:
    return result.parseoutcomes().get("passed", 0)


def _xfailed(result: pytest.RunResult) -> int:
    return result.parseoutcomes().get("xfailed", 0)


DOC = "desk/notes.en.txt"
DOC_TEXT = (
    "Under the 14th Five-Year Plan, the port handled 3 million containers.\n"
    "Its staff grew to 412 officers.\n"
    "Page 1 2 3\n"
)


def _notes(root: Path, registry_extra: str = "", claims: str = "") -> None:
    (root / "sources" / "desk").mkdir(parents=True, exist_ok=True)
    (root / "sources" / DOC).write_text(DOC_TEXT, encoding="utf-8")
    registry = textwrap.dedent(
        f"""\
        version: 1
        sources:
          notes:
            path: {DOC}
            lang: en
            checked: true
            ignore:
              - text: "14th Five-Year Plan"
                reason: "the plan's name, not a figure"
              - line: 3
                reason: "pagination"
        """
    )
    (root / "claims" / "sources.yaml").write_text(registry + registry_extra, encoding="utf-8")
    if claims:
        (root / "claims" / "notes.yaml").write_text(claims, encoding="utf-8")


CONTAINERS = """\
version: 1
claims:
  - id: containers
    expect: 3 million
    quotes:
      - source: notes
        text: "the port handled 3 million containers"
"""


def test_waivers_by_text_and_line_are_counted(briefing, pytester: pytest.Pytester) -> None:
    root = briefing(registry=False)
    _notes(root, claims=CONTAINERS)
    result = pytester.runpytest("--briefcheck", "-v")
    result.stdout.fnmatch_lines(
        [
            f"sources/{DOC}::coverage FAILED*",
            f"sources/{DOC}:2: coverage of 'notes': 1 of * figures and dates are not checked "
            "by any claim (1 quoted by claims, * waived)",
            f"  unchecked: sources/{DOC}:2:19 [[]en[]]  '412*'  412*",
            "  waived (1) by '14th Five-Year Plan' (claims/sources.yaml:8): the plan's name, "
            "not a figure",
            "      1:11  '14th Five-Year Plan'  2021-01-01/2025-12-31",
            "  waived (*) by line 3 (claims/sources.yaml:10): pagination",
        ]
    )
    # the failure section only: under CI=true pytest repeats the message in its short summary
    lines = result.stdout.lines
    failures = lines[: next(i for i, line in enumerate(lines) if "short test summary" in line)]
    unchecked = [line for line in failures if line.startswith("  unchecked:")]
    assert len(unchecked) == 1, unchecked


def test_claiming_the_last_figure_completes_coverage(briefing, pytester) -> None:
    root = briefing(registry=False)
    officers = CONTAINERS + (
        "  - id: officers\n"
        '    expect: "412"\n'
        "    quotes:\n"
        "      - source: notes\n"
        '        text: "Its staff grew to 412 officers"\n'
    )
    _notes(root, claims=officers)
    result = pytester.runpytest("--briefcheck", "-v")
    result.stdout.fnmatch_lines([f"sources/{DOC}::coverage PASSED*"])
    assert result.ret == 0


def test_coverage_option_checks_every_source(briefing, pytester: pytest.Pytester) -> None:
    briefing()
    plain = pytester.runpytest("--briefcheck", "--collect-only", "-q")
    assert "::coverage" not in plain.stdout.str()
    result = pytester.runpytest("--briefcheck", "--briefcheck-coverage", "--collect-only", "-q")
    result.stdout.fnmatch_lines_random(
        [
            f"sources/{OPENING}::coverage",
            f"sources/{QA_TRADE}::coverage",
            f"sources/{SUMMARY}::coverage[[]summary_en[]]",
            f"sources/{SUMMARY}::coverage[[]summary_zh[]]",
        ]
    )


def test_node_ids_select_with_k_and_run_alone(briefing, pytester: pytest.Pytester) -> None:
    briefing()
    result = pytester.runpytest(
        "--briefcheck", "--briefcheck-coverage", "-v", f"sources/{SUMMARY}::coverage[summary_zh]"
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"sources/{SUMMARY}::coverage[[]summary_zh[]] FAILED*"])


# -- parts of a file ----------------------------------------------------------------------------

HEADLINE_ZH = "“十四五”以来,海关年均监管进出口货物52亿吨、货值41.5万亿元——为高水平开放提供有力支撑"


@pytest.mark.parametrize(
    "part",
    [
        "lines: 2",
        'start: "“十四五”以来"\n    end: "有力支撑"',
    ],
    ids=["lines", "markers"],
)
def test_the_chinese_headline_is_a_source_of_its_own(
    briefing, pytester: pytest.Pytester, part: str
) -> None:
    root = briefing(registry=False)
    (root / "claims" / "sources.yaml").write_text(
        f"version: 1\nsources:\n  headline:\n    path: {SUMMARY}\n    {part}\n    checked: true\n",
        encoding="utf-8",
    )
    (root / "claims" / "headline.yaml").write_text(
        textwrap.dedent(
            """\
            version: 1
            claims:
              - id: tonnage_zh
                expect: 5.2 billion t
                basis: per_year
                quotes:
                  - source: headline
                    text: "年均监管进出口货物52亿吨"
              - id: english_is_not_in_the_headline
                expect: 5.2 billion t
                quotes:
                  - source: headline
                    text: "5.2 billion tons of import and export goods annually"
            """
        ),
        encoding="utf-8",
    )
    result = pytester.runpytest(
        "--briefcheck", "-v", "--junitxml=out.xml", "-o", "junit_family=xunit1"
    )
    # the item points at the part's first line (junit counts from 0)
    xml = (pytester.path / "out.xml").read_text(encoding="utf-8")
    assert f'name="coverage[headline]" file="sources/{SUMMARY}" line="1"' in xml
    result.stdout.fnmatch_lines_random(
        [
            "claims/headline.yaml::tonnage_zh PASSED*",
            "claims/headline.yaml::english_is_not_in_the_headline FAILED*",
            f"sources/{SUMMARY}::coverage[[]headline[]] FAILED*",
        ]
    )
    out = result.stdout.str()
    # the language is detected from the part, not from the (mostly English) file
    assert f"sources/{SUMMARY}:2:" in out and "[zh]" in out
    unchecked = [line for line in out.splitlines() if line.startswith("  unchecked:")]
    assert unchecked, out
    # only the headline's own figures: 41.5万亿元 (52亿吨 is claimed), none of line 1 or 3
    assert all(f"sources/{SUMMARY}:2:" in line and "[zh]" in line for line in unchecked)
    assert any("41.5万亿元" in line for line in unchecked)
    assert not any("52亿吨" in line for line in unchecked)
    assert HEADLINE_ZH in (root / "sources" / SUMMARY).read_text(encoding="utf-8")
