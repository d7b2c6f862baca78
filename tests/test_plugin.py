"""End-to-end behaviour of ``pytest --briefcheck``, run through pytester."""

from __future__ import annotations

import hashlib
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import OPENING, SUMMARY, edit_source

TONNAGE = """\
version: 1
claims:
  - id: annual_tonnage
    expect: 5.2 billion t
    basis: per_year
    quotes:
      - source: opening
        text: "customs have annually supervised 5.2 billion metric tons"
      - source: summary_en
        text: "managed an average of 5.2 billion tons of import and export goods annually"
      - source: summary_zh
        text: "年均监管进出口货物52亿吨"
"""

PORTS = """\
version: 1
claims:
  - id: open_ports_total
    expect: "311"
    quotes:
      - source: opening
        text: "bringing the total number to 311"
  - id: ports_skipped
    expect: "40"
    skip: "checked by hand this week"
    quotes:
      - source: opening
        text: "added and expanded 40 open ports"
  - id: ports_known_wrong
    expect: "41"
    xfail: "the summary was corrected after publication"
    quotes:
      - source: opening
        text: "added and expanded 40 open ports"
"""


def test_plugin_is_off_without_the_flag(briefing, pytester: pytest.Pytester) -> None:
    briefing(tonnage=TONNAGE)
    result = pytester.runpytest()
    result.assert_outcomes()
    assert "annual_tonnage" not in result.stdout.str()


def test_flag_off_imports_none_of_the_engine(briefing, pytester: pytest.Pytester) -> None:
    briefing(tonnage=TONNAGE)
    pytester.makepyfile(test_trivial="def test_one():\n    assert True\n")
    probe = pytester.makepyfile(
        probe="""
        import sys
        import pytest
        code = pytest.main(["-q", "-p", "no:cacheprovider", "test_trivial.py"])
        heavy = sorted(m for m in ("pint", "dateparser", "rapidfuzz", "yaml") if m in sys.modules)
        print("HEAVY=" + ",".join(heavy))
        print("BRIEFCHECK_LOADED=" + str("pytest_briefcheck.plugin" in sys.modules))
        raise SystemExit(code)
        """
    )
    result = pytester.run(sys.executable, str(probe))
    assert result.ret == 0
    result.stdout.fnmatch_lines(["HEAVY=", "BRIEFCHECK_LOADED=True"])


def test_claim_cross_quoted_in_three_documents_passes(briefing, pytester) -> None:
    briefing(tonnage=TONNAGE)
    result = pytester.runpytest("--briefcheck", "-v")
    result.assert_outcomes(passed=5)  # the claim, and the dates of the 4 registered sources
    result.stdout.fnmatch_lines(["claims/tonnage.yaml::annual_tonnage PASSED*"])


def test_edited_summary_figure_fails_like_a_compiler(briefing, pytester) -> None:
    root = briefing(tonnage=TONNAGE)
    edit_source(root, SUMMARY, "5.2 billion tons", "5.3 billion tons")
    result = pytester.runpytest("--briefcheck")
    result.assert_outcomes(failed=1, passed=4)  # the dates of the 4 registered sources hold
    result.stdout.fnmatch_lines(
        [
            "claims/tonnage.yaml:3: claim 'annual_tonnage' contradicted (1 of 3 quotes)",
            "  expected: 5.2e9 t*",
            f"  sources/{SUMMARY}:1:*[[]en[]]  CONTRADICTS  5.3e9 t*",
            '      quote: "managed an average of 5.2 billion tons*"  (claims/tonnage.yaml:10:*)',
            "      why: *",
        ]
    )


def test_a_figure_whose_scale_slipped_says_so(briefing, pytester) -> None:
    # 52亿吨 is 5.2 billion tons; "52 billion tons" keeps the digits and slips the scale
    root = briefing(tonnage=TONNAGE)
    edit_source(root, SUMMARY, "5.2 billion tons", "52 billion tons")
    result = pytester.runpytest("--briefcheck", "claims/tonnage.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            f"  sources/{SUMMARY}:1:*[[]en[]]  CONTRADICTS  5.2e10 t (per_year)",
            '      quote: "managed an average of 5.2 billion tons*"  (claims/tonnage.yaml:10:*)',
            "      why: *; they do not meet; the same digits 10x apart: "
            "a scale word (万, 亿, million, billion) slipped? (the quote is no longer*",
        ]
    )


def test_missing_quote_shows_the_closest_passage(briefing, pytester) -> None:
    text = TONNAGE.replace("customs have annually supervised", "customs annually supervised")
    briefing(tonnage=text)
    result = pytester.runpytest("--briefcheck", "claims/tonnage.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*claim 'annual_tonnage' quote not found (1 of 3 quotes)",
            f"  sources/{OPENING}:*[[]en[]]  NOT FOUND  5.2e9 t (per_year)",
            "      why: not found; closest at line 40 (9?%)",
            '      closest: "*customs have annually supervised 5.2 billion metric tons*"',
        ]
    )


def test_node_ids_marks_and_keyword_selection(briefing, pytester) -> None:
    briefing(tonnage=TONNAGE, ports=PORTS)
    result = pytester.runpytest(
        "--briefcheck", "-v", "-rsx", "claims/ports.yaml", "claims/tonnage.yaml"
    )
    result.assert_outcomes(passed=2, skipped=1, xfailed=1)
    result.stdout.fnmatch_lines_random(
        [
            "claims/ports.yaml::open_ports_total PASSED*",
            "claims/ports.yaml::ports_skipped SKIPPED*",
            "claims/ports.yaml::ports_known_wrong XFAIL*",
            "*checked by hand this week*",
            "*the summary was corrected after publication*",
        ]
    )
    by_alias = pytester.runpytest("--briefcheck", "-k", "summary_zh", "-v")
    by_alias.assert_outcomes(passed=2, deselected=6)  # the claim quoting it, and its dates


def test_terminal_summary_counts_per_claim_file(briefing, pytester) -> None:
    root = briefing(tonnage=TONNAGE, ports=PORTS)
    edit_source(root, OPENING, "total number to 311", "total number to 312")
    result = pytester.runpytest("--briefcheck")
    result.stdout.fnmatch_lines(
        [
            "*= briefcheck =*",
            "claims/ports.yaml    1 contradicted, 1 xfailed, 1 skipped",
            "claims/sources.yaml  4 verified",
            "claims/tonnage.yaml  1 verified",
            "total                5 verified, 1 contradicted, 1 xfailed, 1 skipped",
        ]
    )


def test_terminal_summary_names_what_is_missing(briefing, pytester) -> None:
    # a quote not found on a claim file's row; figures no claim checks on a document's row
    root = briefing(tonnage=TONNAGE)
    edit_source(root, OPENING, "annually supervised 5.2 billion", "each year overseen 5.2 billion")
    result = pytester.runpytest("--briefcheck", "--briefcheck-coverage")
    result.stdout.fnmatch_lines(
        [
            "*= briefcheck =*",
            "claims/tonnage.yaml * 1 quote missing",
            f"sources/{OPENING} * 1 not covered",
        ]
    )
    assert f"sources/{OPENING}" in result.stdout.str()
    rows = [line for line in result.stdout.lines if line.startswith("sources/")]
    assert rows and not any("quote missing" in row for row in rows)


def _tonnage(*quotes: tuple[str, str]) -> str:
    """A claim file of one claim, 5.2 billion t, quoting each (alias, text)."""
    lines = ["version: 1", "claims:", "  - id: tonnage", "    expect: 5.2 billion t", "    quotes:"]
    for alias, text in quotes:
        lines += [f"      - source: {alias}", f'        text: "{text}"']
    return "\n".join(lines) + "\n"


OPEN_BASIS = _tonnage(
    ("opening", "customs have annually supervised 5.2 billion metric tons"),
    ("summary_en", "customs has managed a total of 5.2 billion tons of import and export goods"),
)


def test_quotes_stating_two_bases_contradict_an_expect_that_states_none(briefing, pytester) -> None:
    root = briefing(tonnage=OPEN_BASIS)
    edit_source(
        root,
        SUMMARY,
        "customs has managed an average of 5.2 billion tons of import and export goods annually",
        "customs has managed a total of 5.2 billion tons of import and export goods",
    )
    result = pytester.runpytest("--briefcheck", "claims/tonnage.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*why: basis is total here but per_year in en sources/*p01-opening.en.txt:*"]
    )


CASED = _tonnage(
    ("opening", "since the start of the 14th five-year plan, customs have annually supervised 5.2")
)


def test_a_quote_is_found_whatever_its_letter_case(briefing, pytester) -> None:
    # the source says "Since the start of the 14th Five-Year Plan, customs have ..."
    briefing(tonnage=CASED)
    pytester.runpytest("--briefcheck", "claims/tonnage.yaml").assert_outcomes(passed=1)
    # another word is still another text
    briefing(tonnage=CASED.replace("customs have annually", "customs has annually"))
    result = pytester.runpytest("--briefcheck", "claims/tonnage.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*NOT FOUND*"])


ELIDED = """\
version: 1
claims:
  - id: goods_value
    expect: 41.5 trillion CNY
    quotes:
      - source: opening
        text: "customs have annually supervised … with a value of 41.5 trillion yuan"
"""


def test_a_quote_may_elide_what_it_does_not_need(briefing, pytester) -> None:
    # "5.2 billion metric tons of imported and exported goods" is left out: the quote
    # states one figure, and coverage does not count the left-out one as quoted
    briefing(value=ELIDED)
    result = pytester.runpytest("--briefcheck", "--briefcheck-coverage", "-v", "-rf")
    result.stdout.fnmatch_lines(["claims/value.yaml::goods_value PASSED*"])
    assert "unchecked: sources/" in result.stdout.str()
    coverage = [line for line in result.stdout.lines if f"unchecked: sources/{OPENING}" in line]
    assert any("'5.2 billion metric tons'" in line for line in coverage)
    assert not any("'41.5 trillion yuan'" in line for line in coverage)
    # the parts must stand in order, close together
    briefing(value=ELIDED.replace("customs have annually supervised", "ports were added"))
    result = pytester.runpytest("--briefcheck", "claims/value.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*NOT FOUND*"])


def test_options_have_ini_twins(briefing, pytester) -> None:
    root = briefing(tonnage=TONNAGE)
    (root / "claims").rename(root / "facts")
    pytester.makeini("[pytest]\nbriefcheck = true\nbriefcheck_claims = facts\n")
    result = pytester.runpytest("-v")
    result.stdout.fnmatch_lines(["facts/tonnage.yaml::annual_tonnage PASSED*"])


def test_missing_claims_directory_is_a_usage_error(pytester) -> None:
    result = pytester.runpytest("--briefcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*no claims directory at*--briefcheck-claims*"])


def test_junit_report_points_at_the_claim_line(briefing, pytester) -> None:
    briefing(ports=PORTS)
    pytester.runpytest("--briefcheck", "--junitxml=out.xml", "-o", "junit_family=xunit1")
    xml = (pytester.path / "out.xml").read_text(encoding="utf-8")
    # junit counts lines from 0: the claim starts on line 3 of the file
    assert 'name="open_ports_total" file="claims/ports.yaml" line="2"' in xml


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_sources_and_claims_are_never_written(briefing, pytester) -> None:
    root = briefing(tonnage=TONNAGE, ports=PORTS)
    edit_source(root, SUMMARY, "52亿吨", "25亿吨")
    before = _digest(root / "sources") | _digest(root / "claims")
    pytester.runpytest("--briefcheck")
    assert _digest(root / "sources") | _digest(root / "claims") == before


def test_date_claim_resolves_and_orders(briefing, pytester) -> None:
    briefing(
        dates=textwrap.dedent(
            """\
            version: 1
            claims:
              - id: briefing_date
                kind: date
                role: event
                expect: 2025-08-25
                quotes:
                  - source: opening
                    text: "Aug. 25, 2025"
              - id: hainan_launch
                kind: date
                role: other
                expect: 2025-12-18
                after: briefing_date
                quotes:
                  - source: opening
                    text: "to ensure the official launch on Dec. 18"
            """
        )
    )
    result = pytester.runpytest("--briefcheck", "-v")
    result.assert_outcomes(passed=6)
    result.stdout.fnmatch_lines_random(
        [
            "claims/dates.yaml::briefing_date PASSED*",
            "claims/dates.yaml::hainan_launch PASSED*",
            "claims/sources.yaml::dates[[]opening[]] PASSED*",
        ]
    )
