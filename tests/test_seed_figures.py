"""Every figure of the five seed documents, in order, with its normalized value.

The seeds live outside the repository, next to it: ``<repo>/../shared/seeds``. The
lists below are the specification of what is (and, by omission, what is not) a figure
in them: dates ("Aug. 25, 2025", "in 2024", "compared to 2020", "Dec. 18"), ordinals
("14th", "first", "eighth consecutive"), "24/7", "[2]" citation markers, "Group 1"
labels, the "new three" products and the page navigation lines are not figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_briefcheck.figures import Figure, parse_figure, parse_figures

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# text, value, unit, qualifier, basis
EXPECTED: dict[str, list[tuple[str, float, str, str, str | None]]] = {
    "000": [
        ("85", 85.0, "", "=", None),
        ("138", 138.0, "", "=", "total"),
        ("204", 204.0, "", "=", None),
        ("nearly 7,000 people", 7000.0, "", "<", None),
        ("120 countries", 120.0, "", "=", None),
    ],
    "001": [
        ("5.2 billion metric tons", 5.2e9, "t", "=", "per_year"),
        ("41.5 trillion yuan", 4.15e13, "CNY", "=", None),
        ("5.15 million prohibited items", 5.15e6, "", "=", "total"),
        ("more than 180,000 cases", 180000.0, "", ">", None),
        ("over 70 types", 70.0, "", ">", None),
        ("more than 200,000 batches", 200000.0, "", ">", None),
        ("9.7 trillion yuan", 9.7e12, "CNY", "=", "total"),
        ("23,000 smuggling criminal cases", 23000.0, "", "=", "total"),
        ("964 items", 964.0, "", "=", None),
        ("25 categories", 25.0, "", "=", None),
        ("80%", 80.0, "percent", "=", None),
        ("40 open ports", 40.0, "", "=", None),
        ("311", 311.0, "", "=", "total"),
        ("one-fifth", 0.2, "", "=", None),
        ("less than 1/20,000", 5e-05, "", "<", None),
        ("three institutional documents", 3.0, "", "=", None),
        ("2.6 times", 2.6, "", "=", None),
        ("271", 271.0, "", "=", None),
        ("81 countries", 81.0, "", "=", None),
        ("7.9%", 7.9, "percent", "=", "per_year"),
        ("43.8 trillion yuan", 4.38e13, "CNY", "=", None),
        ("3.5%", 3.5, "percent", "=", None),
        ("7.3%", 7.3, "percent", "=", None),
        ("519 cooperation documents", 519.0, "", "=", None),
        ("22 trillion yuan", 2.2e13, "CNY", "=", None),
        ("more than half", 0.5, "", ">", None),
        ("exceeded 10%", 10.0, "percent", ">", None),
        ("three trading partners", 3.0, "", "=", None),
        ("157 countries", 157.0, "", "=", None),
    ],
    "002": [
        ("more than 20 national ministries", 20.0, "", ">", None),
        ("25 cities", 25.0, "", "=", None),
        ("17 provinces", 17.0, "", "=", None),
        ("108", 108.0, "", "=", "total"),
        ("53 economies", 53.0, "", "=", None),
        ("five to seven days", 5.0, "day", "range", None),
        ("two to three days", 2.0, "day", "range", None),
        ("as little as seven hours", 7.0, "hour", ">=", None),
        ("30 hours", 30.0, "hour", "=", None),
        ("30 departments", 30.0, "", "=", None),
        ("964 online services", 964.0, "", "=", None),
        ("11 million registered users", 1.1e7, "", "=", None),
        ("26 million declarations per day", 2.6e7, "1/day", "=", "per_day"),
        ("15 countries", 15.0, "", "=", None),
        ("8.7%", 8.7, "percent", "=", None),
        ("More than 3,000 AEO enterprises", 3000.0, "", ">", None),
        ("57 countries", 57.0, "", "=", None),
    ],
    "003": [
        ("5.2 billion tons", 5.2e9, "t", "=", "per_year"),
        ("41.5 trillion yuan", 4.15e13, "CNY", "=", "total"),
        ("964 items", 964.0, "", "=", None),
        ("25 categories", 25.0, "", "=", None),
        ("40", 40.0, "", "=", None),
        ("311", 311.0, "", "=", "total"),
        ("25 cities", 25.0, "", "=", None),
        ("17 provinces", 17.0, "", "=", None),
        ("108 reform measures", 108.0, "", "=", None),
        ("over 3,000 companies", 3000.0, "", ">", None),
        ("57 countries", 57.0, "", "=", None),
        ("85 new cooperation mechanisms", 85.0, "", "=", None),
        ("138", 138.0, "", "=", "total"),
        ("52亿吨", 5.2e9, "t", "=", "per_year"),
        ("41.5万亿元", 4.15e13, "CNY", "=", None),
    ],
    "004": [
        ("two consecutive years", 2.0, "year", "=", None),
        ("two consecutive years", 2.0, "year", "=", None),
        ("nine major landmark projects", 9.0, "", "=", None),
    ],
}


def seed(prefix: str) -> str:
    assert SEEDS.is_dir(), f"the seed documents are missing: expected them in {SEEDS}"
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert len(found) == 1, f"expected one seed {prefix}_*.txt in {SEEDS}, found {found}"
    return found[0].read_text(encoding="utf-8")


def test_all_five_seeds_are_listed() -> None:
    assert SEEDS.is_dir(), f"the seed documents are missing: expected them in {SEEDS}"
    assert sorted(p.name[:3] for p in SEEDS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_every_figure_of_the_seed(prefix: str) -> None:
    text = seed(prefix)
    figures = parse_figures(text)
    got = [(f.text, f.value, f.unit, f.qualifier, f.basis) for f in figures]
    expected = [(t, pytest.approx(v, rel=1e-12), u, q, b) for t, v, u, q, b in EXPECTED[prefix]]
    assert got == expected
    for figure in figures:
        assert text[figure.span[0] : figure.span[1]] == figure.text


def by_text(prefix: str, text: str) -> Figure:
    (figure,) = [f for f in parse_figures(seed(prefix)) if f.text == text]
    return figure


@pytest.mark.parametrize(
    ("prefix", "text", "line", "kind", "precision", "exact", "near", "lang"),
    [
        ("001", "5.2 billion metric tons", "5.2e9 t (per_year)", "number", 1e8, False, False, "en"),
        ("001", "41.5 trillion yuan", "4.15e13 CNY", "number", 1e11, False, False, "en"),
        ("001", "one-fifth", "0.2", "fraction", 0.0, True, False, "en"),
        ("001", "less than 1/20,000", "< 5e-5", "fraction", 0.0, True, False, "en"),
        ("001", "2.6 times", "2.6x", "multiple", 0.1, False, False, "en"),
        ("001", "7.9%", "7.9 percent (per_year) (up)", "percent", 0.1, False, False, "en"),
        ("001", "80%", "80 percent", "percent", 1.0, True, False, "en"),
        ("001", "311", "311 (total)", "number", 1.0, True, False, "en"),
        ("001", "more than half", "> 0.5", "fraction", 0.0, True, False, "en"),
        ("000", "nearly 7,000 people", "~ 7000 (near)", "number", 1.0, True, True, "en"),
        ("002", "five to seven days", "5–7 day", "number", 1.0, True, False, "en"),
        ("002", "as little as seven hours", ">= 7 hour", "number", 1.0, True, False, "en"),
        (
            "002",
            "26 million declarations per day",
            "2.6e7 1/day (per_day)",
            "number",
            1e6,
            False,
            False,
            "en",
        ),
        ("003", "52亿吨", "5.2e9 t (per_year)", "number", 1e8, False, False, "zh"),
        ("003", "41.5万亿元", "4.15e13 CNY", "number", 1e11, False, False, "zh"),
        ("004", "nine major landmark projects", "9", "number", 1.0, True, False, "en"),
    ],
)
def test_normalized_values(
    prefix: str,
    text: str,
    line: str,
    kind: str,
    precision: float,
    exact: bool,
    near: bool,
    lang: str,
) -> None:
    figure = by_text(prefix, text)
    assert figure.describe() == line
    assert (figure.kind, figure.exact, figure.near, figure.lang) == (kind, exact, near, lang)
    assert figure.precision == pytest.approx(precision)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_every_normalized_value_reads_back(prefix: str) -> None:
    for figure in parse_figures(seed(prefix)):
        again = parse_figure(figure.describe())
        assert again.value == pytest.approx(figure.value)
        assert (again.unit, again.qualifier, again.basis, again.near) == (
            figure.unit,
            figure.qualifier,
            figure.basis,
            figure.near,
        )


def test_the_summary_headline_is_chinese_inside_an_english_document() -> None:
    figures = parse_figures(seed("003"), lang="en")
    assert [f.lang for f in figures][-2:] == ["zh", "zh"]
    assert all(f.lang == "en" for f in figures[:-2])
