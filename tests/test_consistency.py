"""Cross-document consistency through pytester: date roles, odd ones out, basis, relations."""

from __future__ import annotations

from conftest import OPENING, REGISTRY, SUMMARY, edit_source

BRIEFING_DATE = """\
version: 1
claims:
  - id: briefing_date
    kind: date
    role: event
    {expect}
    quotes:
      - source: opening
        text: "Aug. 25, 2025"
      - source: summary_en
        text: "The press conference held on Dec. 16, 2025"
"""

TONNAGE_AGREE = """\
version: 1
claims:
  - id: annual_tonnage
    quotes:
      - source: opening
        text: "customs have annually supervised 5.2 billion metric tons"
      - source: summary_en
        text: "managed an average of {summary} tons of import and export goods annually"
      - source: summary_zh
        text: "年均监管进出口货物{headline}吨"
"""


def _date_the_summary_by_publication(root) -> None:
    edit_source(
        root,
        SUMMARY,
        "The press conference highlighted",
        "The press conference held on Dec. 16, 2025 highlighted",
    )


def test_summary_dated_by_the_translation_fails_with_the_reason(briefing, pytester) -> None:
    root = briefing(dates=BRIEFING_DATE.format(expect="expect: 2025-08-25"))
    _date_the_summary_by_publication(root)
    result = pytester.runpytest("--briefcheck", "claims/dates.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claims/dates.yaml:3: claim 'briefing_date' contradicted (1 of 2 quotes)",
            "  expected: 2025-08-25",
            f"  sources/{SUMMARY}:1:*  CONTRADICTS  2025-12-16",
            f"      why: Dec. 16, 2025 is when sources/{OPENING} was published; "
            "the briefing took place on Aug. 25, 2025",
        ]
    )


def test_event_claim_without_expect_uses_the_declared_event_date(briefing, pytester) -> None:
    root = briefing(dates=BRIEFING_DATE.format(expect=""))
    _date_the_summary_by_publication(root)
    result = pytester.runpytest("--briefcheck", "claims/dates.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Dec. 16, 2025 is when sources/* was published*"])


def test_headline_figure_changed_is_the_odd_one_out(briefing, pytester) -> None:
    root = briefing(tonnage=TONNAGE_AGREE.format(summary="5.2 billion", headline="52亿"))
    assert pytester.runpytest("--briefcheck", "claims/tonnage.yaml").ret == 0
    edit_source(root, SUMMARY, "52亿吨", "25亿吨")
    result = pytester.runpytest("--briefcheck", "claims/tonnage.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claims/tonnage.yaml:3: claim 'annual_tonnage' contradicted (1 of 3 quotes)",
            f"  sources/{OPENING}:*[[]en[]]  ok  5.2e9 t (per_year)",
            f"  sources/{SUMMARY}:1:*[[]en[]]  ok  5.2e9 t (per_year)",
            f"  sources/{SUMMARY}:2:*[[]zh[]]  CONTRADICTS  2.5e9 t (per_year)",
            "      why: the odd one out: the other 2 quote(s) say 5.2e9 t (per_year)*",
        ]
    )


def test_rounded_figures_agree_within_their_precision(briefing, pytester) -> None:
    root = briefing(tonnage=TONNAGE_AGREE.format(summary="5.21 billion", headline="52亿"))
    edit_source(root, SUMMARY, "5.2 billion tons", "5.21 billion tons")
    pytester.runpytest("--briefcheck", "claims/tonnage.yaml").assert_outcomes(passed=1)


def test_annual_is_not_a_total(briefing, pytester) -> None:
    briefing(
        value="""\
version: 1
claims:
  - id: annual_value
    expect: 41.5 trillion CNY
    basis: per_year
    quotes:
      - source: summary_en
        text: "with a total value of 41.5 trillion yuan"
"""
    )
    result = pytester.runpytest("--briefcheck", "claims/value.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*CONTRADICTS  4.15e13 CNY (total)", "      why: *per_year*total*"]
    )


RELATIONS = """\
version: 1
claims:
  - id: open_ports_total
    expect: "311"
    quotes:
      - source: opening
        text: "bringing the total number to 311"
  - id: open_ports_added
    expect: "40"
    quotes:
      - source: opening
        text: "added and expanded 40 open ports"
  - id: partner_trade_2024
    expect: 22 trillion CNY
    quotes:
      - source: opening
        text: "partner countries reached 22 trillion yuan"
  - id: goods_trade_2024
    expect: 43.8 trillion CNY
    quotes:
      - source: opening
        text: "goods trade reached 43.8 trillion yuan"
relations:
  - name: ports_before_plan
    check: "open_ports_total - open_ports_added == 271"
  - name: partner_share_more_than_half
    check: "partner_trade_2024 / goods_trade_2024 > 0.5"
    says: {source: opening, text: "accounting for more than half of total trade"}
  - name: misspelt
    check: "open_ports_totl > 300"
  - name: not_a_calculator
    check: "open_ports_total.bit_length() > 3"
  - name: mixed_units
    check: "partner_trade_2024 + open_ports_added > 0"
"""


def test_relations_hold_fail_and_explain(briefing, pytester) -> None:
    briefing(relations=RELATIONS)
    result = pytester.runpytest("--briefcheck", "claims/relations.yaml", "-v")
    result.stdout.fnmatch_lines_random(
        [
            "claims/relations.yaml::relation[[]ports_before_plan[]] PASSED*",
            "claims/relations.yaml::relation[[]partner_share_more_than_half[]] FAILED*",
            "claims/relations.yaml::relation[[]misspelt[]] FAILED*",
            "claims/relations.yaml::relation[[]not_a_calculator[]] FAILED*",
            "claims/relations.yaml::relation[[]mixed_units[]] FAILED*",
            "*relation 'partner_share_more_than_half': undecidable at the stated precision: "
            "the left side is 0.490–0.514, the right side 0.5*",
            "*no claim has the id 'open_ports_totl' (did you mean 'open_ports_total'?)",
            "claims/relations.yaml:32:28: attribute access ('.') is not allowed",
            "*relation 'mixed_units': cannot add CNY and a plain number",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_before_and_after_between_date_claims(briefing, pytester) -> None:
    briefing(
        order="""\
version: 1
claims:
  - id: briefing_date
    kind: date
    expect: 2025-08-25
    quotes:
      - source: opening
        text: "Aug. 25, 2025"
  - id: hainan_launch
    kind: date
    expect: 2025-12-18
    before: briefing_date
    quotes:
      - source: opening
        text: "to ensure the official launch on Dec. 18"
"""
    )
    result = pytester.runpytest("--briefcheck", "claims/order.yaml")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        ["*claim 'hainan_launch' (2025-12-18) should come before 'briefing_date' (2025-08-25*"]
    )


def test_declared_date_that_the_document_contradicts_fails(briefing, pytester) -> None:
    root = briefing()
    registry = root / "claims" / "sources.yaml"
    registry.write_text(
        REGISTRY.replace("published: 2025-12-16", "published: 2025-12-17", 1), encoding="utf-8"
    )
    result = pytester.runpytest("--briefcheck", "-k", "dates and opening")
    result.assert_outcomes(failed=1, deselected=3)
    result.stdout.fnmatch_lines(
        [
            "*source 'opening' is declared published 2025-12-17 (claims/sources.yaml:3) "
            f"but sources/{OPENING}:5:* says 'December 16, 2025' (2025-12-16)"
        ]
    )
