"""The direction of a change: "up 3.6%" and 下降0.1% state which way a figure moved, and
two documents that disagree on it disagree, whatever the number."""

from __future__ import annotations

from pathlib import Path

import pytest

# PyYAML loaded once, before any in-process pytester run (see conftest).
import pytest_briefcheck.claims  # noqa: F401
from pytest_briefcheck.agreement import agree
from pytest_briefcheck.figures import parse_figure, parse_figures

DIRECTIONS = [
    # text, direction (None: a level, or nothing says)
    ("up 3.6 percent year-on-year", "up"),
    ("exports fell by 0.1%", "down"),
    ("an increase of 5.2%", "up"),
    ("a year-on-year decline of 0.3 percent", "down"),
    ("a 10-percent increase", "up"),
    ("5% growth", "up"),
    ("3.7 percentage points higher than in 2020", "up"),
    ("0.3 percentage points slower than in August", "down"),
    ("up by about 3%", "up"),
    ("CPI was -0.3% year on year", "down"),
    ("同比增长3.6%", "up"),
    ("同比下降0.1%", "down"),
    ("增长了5%", "up"),
    ("比上年提高3.7个百分点", "up"),
    ("增速回落0.5个百分点", "down"),
    ("负增长3%", "down"),
    ("CPI growth eased 0.2 percentage points", "down"),
    ("the decline narrowed by 0.5 percentage points", "down"),
    ("exports rebounded 4.1%", "up"),
    ("降幅收窄0.5个百分点", "down"),
    ("出口反弹4.1%", "up"),
    ("同比下降约3%", "down"),
    ("the yuan appreciated 0.5% against the dollar", "up"),
    ("the currency depreciated 1.2 percent", "down"),
    # levels: a verb with "to" or 到 before the number, or no change at all
    ("the rate rose to 5.2 percent", None),
    ("提高到34.2%", None),
    ("占比57.3%", None),
    ("accounting for 40.1 percent", None),
    ("a share of 57.3%", None),
    ("the unemployment rate was 5 percent", None),
]


@pytest.mark.parametrize(("text", "direction"), DIRECTIONS)
def test_the_direction_of_a_change(text: str, direction: str | None) -> None:
    (figure,) = [f for f in parse_figures(text) if f.kind == "percent"]
    assert figure.direction == direction


def test_a_rise_from_one_level_to_another_states_two_levels() -> None:
    assert [f.direction for f in parse_figures("grew from 30.5% to 34.2%")] == [None, None]


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("exports fell 2 billion yuan", "down"),
        ("an increase of 2 trillion yuan", "up"),
        ("比上年增加3000亿元", "up"),
        ("进口减少20亿元", "down"),
        ("the number of ports increased by 40", "up"),
        ("40 more ports", "up"),
        ("2 billion yuan lower than last year", "down"),
        ("-2 billion CNY", "down"),
        # levels, and words after a count that do not say how it moved
        ("the number of ports reached 311", None),
        ("增至311个", None),
        ("311, up from 271", None),
        ("three growth engines", None),
        ("the company raised 3 billion yuan", None),
        ("doubled", None),
    ],
)
def test_amounts_and_counts_that_changed_carry_a_direction(
    text: str, direction: str | None
) -> None:
    assert parse_figures(text)[0].direction == direction


def test_a_translation_that_turns_a_fall_in_an_amount_into_a_rise_disagrees() -> None:
    result = agree(
        parse_figure("进口减少20亿元"), parse_figure("imports increased by 2 billion yuan")
    )
    assert not result.agrees
    assert "directions conflict" in result.reason


@pytest.mark.parametrize("text", ["up 0.1 percent", "同比下降0.1%", "0.1 percentage points lower"])
def test_describe_reads_back_with_its_direction(text: str) -> None:
    figure = parse_figure(text)
    assert figure.direction is not None
    assert parse_figure(figure.describe()).direction == figure.direction


def test_opposite_directions_disagree_and_an_unstated_one_is_neutral() -> None:
    up, down, level = (
        parse_figure("rose 0.1 percent"),
        parse_figure("同比下降0.1%"),
        parse_figure("0.1%"),
    )
    verdict = agree(up, down)
    assert not verdict.agrees
    assert verdict.reason == "directions conflict: up vs down"
    assert agree(up, level).agrees and agree(down, level).agrees
    assert agree(up, parse_figure("同比增长0.1%")).agrees


SUMMARY_EN = (
    "Consumer prices rose 0.1 percent year on year in October, and retail sales grew 2.9%.\n"
)
SUMMARY_ZH = "10月份，全国居民消费价格同比下降0.1%，社会消费品零售总额增长2.9%。\n"
REGISTRY = """\
version: 1
sources:
  cpi_en: {path: cpi.en.txt, lang: en}
  cpi_zh: {path: cpi.zh.txt, lang: zh, translation_of: cpi_en}
"""


@pytest.fixture
def cpi(pytester: pytest.Pytester) -> Path:
    pytester.makeini("[pytest]\n")
    (pytester.path / "sources").mkdir()
    (pytester.path / "sources" / "cpi.en.txt").write_text(SUMMARY_EN, encoding="utf-8")
    (pytester.path / "sources" / "cpi.zh.txt").write_text(SUMMARY_ZH, encoding="utf-8")
    (pytester.path / "claims").mkdir()
    (pytester.path / "claims" / "sources.yaml").write_text(REGISTRY, encoding="utf-8")
    return pytester.path


def _claims(root: Path, body: str) -> None:
    (root / "claims" / "cpi.yaml").write_text("version: 1\nclaims:\n" + body, encoding="utf-8")


QUOTES = """\
    quotes:
      - source: cpi_zh
        text: "全国居民消费价格同比下降0.1%"
      - source: cpi_en
        text: "Consumer prices rose 0.1 percent year on year"
"""


def test_quotes_that_move_opposite_ways_contradict_an_open_expect(
    cpi: Path, pytester: pytest.Pytester
) -> None:
    _claims(cpi, '  - id: cpi_change\n    expect: "0.1%"\n' + QUOTES)
    result = pytester.runpytest("--briefcheck", "claims/cpi.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*claim 'cpi_change' contradicted (1 of 2 quotes)*",
            "*direction is up here but down in zh sources/cpi.zh.txt:1*",
        ]
    )


def test_the_claim_states_the_direction(cpi: Path, pytester: pytest.Pytester) -> None:
    _claims(cpi, '  - id: cpi_change\n    expect: "0.1%"\n    direction: down\n' + QUOTES)
    result = pytester.runpytest("--briefcheck", "claims/cpi.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*why: directions conflict: down vs up*"])
    # the English summary corrected: both quotes fall, as the claim says
    path = cpi / "sources" / "cpi.en.txt"
    path.write_text(SUMMARY_EN.replace("rose 0.1", "fell 0.1"), encoding="utf-8")
    _claims(
        cpi,
        '  - id: cpi_change\n    expect: "0.1%"\n    direction: down\n'
        + QUOTES.replace("rose 0.1", "fell 0.1"),
    )
    pytester.runpytest("--briefcheck", "claims/cpi.yaml").assert_outcomes(passed=1)


def test_a_sign_in_expect_is_a_direction(cpi: Path, pytester: pytest.Pytester) -> None:
    _claims(cpi, '  - id: cpi_change\n    expect: "-0.1%"\n' + QUOTES)
    result = pytester.runpytest("--briefcheck", "claims/cpi.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*expected: 0.1 percent (down)*", "*directions conflict*"])


def test_a_translation_that_reverses_a_change_is_a_near_miss(
    cpi: Path, pytester: pytest.Pytester
) -> None:
    result = pytester.runpytest("--briefcheck", "sources/cpi.zh.txt")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*NEAR MISS: cpi_zh and cpi_en differ*",
            "*'0.1%'  0.1 percent (down)*",
            "*'0.1 percent'  0.1 percent (up)*",
            "*why: directions conflict: down vs up*",
        ]
    )


def test_direction_is_checked_as_a_claim_field(cpi: Path, pytester: pytest.Pytester) -> None:
    _claims(cpi, '  - id: cpi_change\n    expect: "0.1%"\n    direction: sideways\n' + QUOTES)
    result = pytester.runpytest("--briefcheck", "claims/cpi.yaml")
    assert result.ret != 0
    result.stdout.fnmatch_lines(
        [
            "claims/cpi.yaml:5:16: claim 'cpi_change': direction 'sideways' is not known",
            "  hint: one of: up, down",
        ]
    )
    assert "Traceback" not in result.stdout.str()
