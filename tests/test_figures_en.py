"""English figures: digits, words, scale, fractions, qualifiers, ranges, units and basis."""

from __future__ import annotations

import json

import pytest
from builders import check

from pytest_briefcheck.errors import BriefcheckValueError
from pytest_briefcheck.figures import parse_figure, parse_figures

# -- digits, separators and scale words -------------------------------------------------------

NUMBERS = [
    # text, value, precision, exact
    ("3,000", 3000.0, 1.0, True),
    ("311", 311.0, 1.0, True),
    ("5,213,000,000", 5213000000.0, 1.0, True),
    ("41\u2009500 tons", 41500.0, 1.0, True),  # thin space between groups of three
    ("1\u00a0234\u00a0567 tons", 1234567.0, 1.0, True),  # no-break spaces
    ("5\u202f200", 5200.0, 1.0, True),
    ("964 items", 964.0, 1.0, True),
    ("43.85", 43.85, 0.01, False),
    ("5.2 billion", 5.2e9, 1e8, False),
    ("41.5 trillion", 4.15e13, 1e11, False),
    ("22 trillion", 2.2e13, 1e12, False),
    ("5.15 million", 5.15e6, 1e4, False),
    ("11 million", 1.1e7, 1e6, False),
    ("3 thousand", 3000.0, 1000.0, False),
    ("1.5 hundred", 150.0, 10.0, False),
    ("$1.2bn", 1.2e9, 1e8, False),
    ("5bn", 5e9, 1e9, False),
    ("10k", 1e4, 1e3, False),
    ("2 mln", 2e6, 1e6, False),
    ("5.20 billion", 5.2e9, 1e7, False),
    ("5.2e9", 5.2e9, 1e8, False),
    ("5e9", 5e9, 1e9, False),
    ("5.2-billion", 5.2e9, 1e8, False),
    ("1.2 Billion", 1.2e9, 1e8, False),
]


@pytest.mark.parametrize(("text", "value", "precision", "exact"), NUMBERS)
def test_digits_and_scale_words(text: str, value: float, precision: float, exact: bool) -> None:
    check(parse_figure(text), value=value, precision=precision, exact=exact, lang="en")


WORDS = [
    ("twenty-five", 25.0, True),
    ("twenty five", 25.0, True),
    ("one hundred and eight", 108.0, True),
    ("a hundred", 100.0, True),
    ("a dozen eggs", 12.0, True),
    ("two dozen", 24.0, True),
    ("three thousand", 3000.0, True),
    ("fifteen hundred", 1500.0, True),
    ("one thousand two hundred and five", 1205.0, True),
    ("five million", 5e6, False),
    ("a million", 1e6, False),
    ("two million three hundred thousand", 2.3e6, False),
    ("seventy", 70.0, True),
    ("Nine major projects", 9.0, True),
    ("zero tolerance cases", 0.0, True),
    ("two and a half years", 2.5, True),
]


@pytest.mark.parametrize(("text", "value", "exact"), WORDS)
def test_number_words(text: str, value: float, exact: bool) -> None:
    check(parse_figure(text), value=value, exact=exact, kind="number")


def test_scale_word_precision_of_number_words() -> None:
    check(parse_figure("two million three hundred thousand"), precision=1e5)
    check(parse_figure("five million"), precision=1e6)


# -- fractions, multiples, percentages ----------------------------------------------------------

RATIOS = [
    # text, value, unit, kind, exact
    ("one-fifth", 0.2, "", "fraction", True),
    ("a third of the land", 1 / 3, "", "fraction", True),
    ("two-thirds", 2 / 3, "", "fraction", True),
    ("three quarters of firms", 0.75, "", "fraction", True),
    ("a quarter of imports", 0.25, "", "fraction", True),
    ("half of the total", 0.5, "", "fraction", True),
    ("cut the time by one third", 1 / 3, "", "fraction", True),
    ("by a third", 1 / 3, "", "fraction", True),
    ("two thirds", 2 / 3, "", "fraction", True),
    ("1/20,000", 5e-5, "", "fraction", True),
    ("1/3", 1 / 3, "", "fraction", True),
    ("0.2", 0.2, "", "fraction", False),
    ("2.6 times", 2.6, "", "multiple", False),
    ("2.6x", 2.6, "", "multiple", False),
    ("3-fold", 3.0, "", "multiple", True),
    ("threefold", 3.0, "", "multiple", True),
    ("exports doubled", 2.0, "", "multiple", True),
    ("output was twice that of 2015", 2.0, "", "multiple", True),
    ("one and a half times", 1.5, "", "multiple", True),
    ("80%", 80.0, "percent", "percent", True),
    ("7.9 percent", 7.9, "percent", "percent", False),
    ("5 per cent", 5.0, "percent", "percent", True),
    ("80 percent", 80.0, "percent", "percent", True),
    ("3 pct", 3.0, "percent", "percent", True),
    ("0.5 percentage points", 0.5, "percentage_point", "percent", False),
    ("7.9％", 7.9, "percent", "percent", False),
    # compound adjectives
    ("a 10-percent increase", 10.0, "percent", "percent", True),
    ("a 5 percentage-point gain", 5.0, "percentage_point", "percent", True),
    ("a 2.4-percentage-point rise", 2.4, "percentage_point", "percent", False),
    # shares
    ("one in five people", 0.2, "", "fraction", True),
    ("One out of every three firms", 1 / 3, "", "fraction", True),
    ("two in three households", 2 / 3, "", "fraction", True),
    ("3 in 10 Chinese households", 0.3, "", "fraction", True),
    ("one in a hundred", 0.01, "", "fraction", True),
]

# no share and no multiple: a count then a time or a year; how often something happens
NOT_RATIOS = [
    ("the board meets twice a year", []),  # how often, not a multiple
    ("flights run twice weekly", []),
    ("3 in 10 days", ["3", "10 days"]),
    ("built 2 in 2025", ["2"]),
    ("ranked 3 in 2", ["3", "2"]),
]


@pytest.mark.parametrize(("text", "figures"), NOT_RATIOS)
def test_no_share_and_no_multiple(text: str, figures: list[str]) -> None:
    assert [figure.text for figure in parse_figures(text)] == figures


@pytest.mark.parametrize(("text", "value", "unit", "kind", "exact"), RATIOS)
def test_fractions_multiples_percentages(
    text: str, value: float, unit: str, kind: str, exact: bool
) -> None:
    check(parse_figure(text), value=value, unit=unit, kind=kind, exact=exact)


def test_percent_precision() -> None:
    check(parse_figure("7.9%"), precision=0.1, exact=False, value=7.9)
    check(parse_figure("80%"), precision=1.0, exact=True)


# -- qualifiers ---------------------------------------------------------------------------------

QUALIFIED = [
    # text, qualifier, low, high, near
    ("more than 180,000 cases", ">", 180000.0, None, False),
    ("over 70 types", ">", 70.0, None, False),
    ("upward of 300 firms", ">", 300.0, None, False),
    ("short of 300 firms", "<", None, 300.0, False),
    ("just short of 300 firms", "<", None, 300.0, True),
    ("above 5%", ">", 5.0, None, False),
    ("exceeded 10%", ">", 10.0, None, False),
    ("exceeding 3,000", ">", 3000.0, None, False),
    ("in excess of 200", ">", 200.0, None, False),
    ("upwards of 40 ports", ">", 40.0, None, False),
    ("greater than 5", ">", 5.0, None, False),
    ("1,000-plus companies", ">", 1000.0, None, False),
    ("3,000+ firms", ">", 3000.0, None, False),
    ("nearly 7,000 people", "<", None, 7000.0, True),
    ("almost 1 billion yuan", "<", None, 1e9, True),
    ("close to 500", "<", None, 500.0, True),
    ("just under 30%", "<", None, 30.0, True),
    ("just over 40 ports", ">", 40.0, None, True),
    ("slightly more than 12", ">", 12.0, None, True),
    ("about 30 percent", "~", 30.0, 30.0, False),
    ("around 1,000 km", "~", 1000.0, 1000.0, False),
    ("some 7,000 people", "~", 7000.0, 7000.0, False),
    ("approximately 3.5 million tonnes", "~", 3.5e6, 3.5e6, False),
    ("roughly 200 firms", "~", 200.0, 200.0, False),
    ("an estimated 40,000 visitors", "~", 40000.0, 40000.0, False),
    ("in 1,000-odd cases", "~", 1000.0, 1000.0, False),
    ("200 or so", "~", 200.0, 200.0, False),
    ("less than 1/20,000", "<", None, 5e-5, False),
    ("fewer than 100 cases", "<", None, 100.0, False),
    ("under 2 percent", "<", None, 2.0, False),
    ("below 5%", "<", None, 5.0, False),
    ("at least 12 ports", ">=", 12.0, None, False),
    ("no less than 10", ">=", 10.0, None, False),
    ("a minimum of 3 days", ">=", 3.0, None, False),
    ("as little as seven hours", ">=", 7.0, None, False),
    ("20 or more countries", ">=", 20.0, None, False),
    ("20 days or more", ">=", 20.0, None, False),
    ("up to 30%", "<=", None, 30.0, False),
    ("no more than 5 days", "<=", None, 5.0, False),
    ("at most 4", "<=", None, 4.0, False),
    ("a maximum of 60 days", "<=", None, 60.0, False),
    ("as many as 3,000", "<=", None, 3000.0, False),
    ("10 or fewer", "<=", None, 10.0, False),
    ("More than 3,000 AEO enterprises", ">", 3000.0, None, False),
    ("more than half", ">", 0.5, None, False),
    ("nearly a third of", "<", None, 1 / 3, True),
    ("more than doubled", ">", 2.0, None, False),
    ("311", "=", 311.0, 311.0, False),
]


@pytest.mark.parametrize(("text", "qualifier", "low", "high", "near"), QUALIFIED)
def test_qualifiers(
    text: str, qualifier: str, low: float | None, high: float | None, near: bool
) -> None:
    check(parse_figure(text), qualifier=qualifier, low=low, high=high, near=near)


def test_qualifier_words_are_part_of_the_figure_text() -> None:
    figure = parse_figure("It has more than 180,000 cases.")
    assert figure.text == "more than 180,000 cases"
    assert figure.span == (7, 30)


@pytest.mark.parametrize(
    "text",
    ["moreover 5 ports", "the over-70s", "some of the 5 firms", "about the 3 cases"],
)
def test_qualifier_words_only_right_before_the_number(text: str) -> None:
    figures = parse_figures(text)
    assert all(f.qualifier == "=" for f in figures), figures


# -- ranges -------------------------------------------------------------------------------------

RANGES = [
    # text, low, high, unit, kind
    ("five to seven days", 5.0, 7.0, "day", "number"),
    ("between 20 and 30 percent", 20.0, 30.0, "percent", "percent"),
    ("1.5-2 million tons", 1.5e6, 2e6, "t", "number"),
    ("20%-30%", 20.0, 30.0, "percent", "percent"),
    ("20-30%", 20.0, 30.0, "percent", "percent"),
    ("15 to 20 percent", 15.0, 20.0, "percent", "percent"),
    ("two or three days", 2.0, 3.0, "day", "number"),
    ("5-7 day", 5.0, 7.0, "day", "number"),
    ("5–7 day", 5.0, 7.0, "day", "number"),
    ("5 billion to 7 billion yuan", 5e9, 7e9, "CNY", "number"),
    ("$5 billion to $7 billion", 5e9, 7e9, "USD", "number"),
    ("between 5 and 7 days", 5.0, 7.0, "day", "number"),
    ("3-5 working days", 3.0, 5.0, "working_day", "number"),
    ("500-2 million", 500.0, 2e6, "", "number"),
    ("ranges from 5 to 7 days", 5.0, 7.0, "day", "number"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit", "kind"), RANGES)
def test_ranges(text: str, low: float, high: float, unit: str, kind: str) -> None:
    check(
        parse_figure(text), qualifier="range", value=low, low=low, high=high, unit=unit, kind=kind
    )


def test_range_precision_is_the_finer_end() -> None:
    check(parse_figure("1.5-2 million tons"), precision=1e5, exact=False)
    check(parse_figure("five to seven days"), precision=1.0, exact=True)


def test_two_ranges_in_one_change() -> None:
    text = "cutting port transfer times from five to seven days to two to three days"
    figures = parse_figures(text)
    assert [f.text for f in figures] == ["five to seven days", "two to three days"]
    assert [(f.low, f.high, f.unit) for f in figures] == [(5, 7, "day"), (2, 3, "day")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("rose from 100 to 200 yuan", [(100.0, "CNY"), (200.0, "CNY")]),
        ("increased from 5% to 7%", [(5.0, "percent"), (7.0, "percent")]),
        ("declined from 7 days to 5 days", [(7.0, "day"), (5.0, "day")]),
    ],
)
def test_a_change_from_one_value_to_another_is_two_figures(
    text: str, values: list[tuple[float, str]]
) -> None:
    figures = parse_figures(text)
    assert [(f.value, f.unit) for f in figures] == values
    assert all(f.qualifier == "=" for f in figures)


def test_and_without_between_is_not_a_range() -> None:
    figures = parse_figures("25 cities and 17 provinces")
    assert [f.value for f in figures] == [25, 17]


# -- units --------------------------------------------------------------------------------------

UNITS = [
    ("41.5 trillion yuan", "CNY"),
    ("a 300-km railway", "km"),  # a unit symbol joined by a hyphen
    ("a 100-MW plant", "MW"),
    ("1.2 million barrels of crude oil", "oil_barrel"),
    ("450 bbl", "oil_barrel"),
    ("trains run at 350 km/h", "km/hour"),
    ("2 trillion RMB", "CNY"),
    ("RMB 2 trillion", "CNY"),
    ("¥300", "CNY"),
    ("100 U.S. dollars", "USD"),
    ("100 US dollars", "USD"),
    ("100 dollars", "USD"),
    ("US$5 billion", "USD"),
    ("$3.2 trillion", "USD"),
    ("100 USD", "USD"),
    ("€500 million", "EUR"),
    ("500 million euros", "EUR"),
    ("5.2 billion metric tons", "t"),
    ("5.2 billion tons", "t"),
    ("300 tonnes", "t"),
    ("5.2 billion t", "t"),
    ("20 kilograms", "kg"),
    ("5 million TEUs", "TEU"),
    ("3 TEU", "TEU"),
    ("1,000 km", "km"),
    ("1,000 kilometers", "km"),
    ("3,000 square kilometers", "km**2"),
    ("15.2 km**2", "km**2"),
    ("30 hours", "hour"),
    ("24-hour", "hour"),
    ("a 10-day visit", "day"),
    ("seven days", "day"),
    ("3 working days", "working_day"),
    ("three-year", "year"),
    ("two consecutive years", "year"),
    ("45 minutes", "minute"),
    ("6 months", "month"),
    ("2 weeks", "week"),
    ("one year", "year"),
    ("964 items", ""),
    ("23,000 smuggling criminal cases", ""),
    ("three institutional documents", ""),
    ("120 countries", ""),
    ("580 million person-times", ""),
    ("26 million declarations per day", "1/day"),
    ("800,000 passengers daily", "1/day"),
    ("100 yuan per day", "CNY/day"),
    ("5 tons a year", "t/year"),
    ("1.2 million TEUs per year", "TEU/year"),
    ("26 million 1/day", "1/day"),
    ("300 t/day", "t/day"),
    ("2 kWh", "kWh"),
    ("50 megawatts", "MW"),
]


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_units(text: str, unit: str) -> None:
    check(parse_figure(text), unit=unit)


def test_per_day_sets_the_basis_and_the_value_keeps_its_scale() -> None:
    check(
        parse_figure("an average of 26 million declarations per day"),
        value=2.6e7,
        unit="1/day",
        basis="per_day",
        text="26 million declarations per day",
    )


def test_count_nouns_join_the_text_but_not_the_unit() -> None:
    figure = parse_figure("a total of 5.15 million prohibited items were seized")
    assert figure.text == "5.15 million prohibited items"
    assert figure.unit == ""


def test_quantity_is_built_lazily_through_the_registry() -> None:
    quantity = parse_figure("5.2 billion metric tons").quantity
    assert quantity.to("kg").magnitude == pytest.approx(5.2e12)
    assert str(parse_figure("26 million declarations per day").quantity.units) == "1 / day"


# -- basis --------------------------------------------------------------------------------------

BASES = [
    ("customs have annually supervised 5.2 billion metric tons of goods", "per_year"),
    ("managed 5.2 billion tons of import and export goods annually, with", "per_year"),
    ("an average annual import-export growth of 7.9%", "per_year"),
    ("grew 5% a year", "per_year"),
    ("3,000 visitors each year", "per_year"),
    ("every year 200 firms join", "per_year"),
    ("a combined 5.2 billion tons", "total"),
    ("5.2 billion tons combined", "total"),
    ("goods worth 3 trillion yuan combined with services", None),
    ("yearly output of 40 tons", "per_year"),
    ("handles 800 ships daily", "per_day"),
    ("an average of 26 million declarations per day", "per_day"),
    ("monthly sales of 3,000", "per_month"),
    ("A total of 5.15 million prohibited items", "total"),
    ("handling a total of 23,000 smuggling criminal cases", "total"),
    ("with total customs tax revenue reaching 9.7 trillion yuan", "total"),
    ("bringing the total number to 311", "total"),
    ("new mechanisms, totaling 138", "total"),
    ("cumulative exports of 500 units", "total"),
    ("500 units in total", "total"),
    ("4.15e13 CNY (per_year)", "per_year"),
    ("23000 (total)", "total"),
    ("grew 3.5% year on year", None),
    ("a year-on-year increase of 5%", None),
    ("up 3.5% from a year earlier", None),
    ("with a value of 41.5 trillion yuan", None),
    ("In 2024, the total value of China's goods trade reached 43.8 trillion yuan", None),
    ("accounting for more than half of total trade", None),
    ("accounting for 20% of total trade", None),
    ("the annual report, which lists 40 ports", None),
]


@pytest.mark.parametrize(("text", "basis"), BASES)
def test_basis(text: str, basis: str | None) -> None:
    figures = parse_figures(text)
    assert len(figures) == 1, figures
    assert figures[0].basis == basis


def test_a_basis_marker_belongs_to_the_figure_next_to_it() -> None:
    text = (
        "The platform now has 11 million registered users and processes an average of "
        "26 million declarations per day."
    )
    users, declarations = parse_figures(text)
    assert users.basis is None
    assert declarations.basis == "per_day"


def test_total_does_not_apply_to_shares() -> None:
    (share,) = parse_figures("the total share rose to 20%")
    assert share.basis is None


# -- the expect notation of claim files ---------------------------------------------------------

NOTATION = [
    # text, value, unit, qualifier, kind
    ("5.2 billion t", 5.2e9, "t", "=", "number"),
    ("41.5 trillion CNY", 4.15e13, "CNY", "=", "number"),
    (">3000", 3000.0, "", ">", "number"),
    (">= 5", 5.0, "", ">=", "number"),
    ("≥ 5", 5.0, "", ">=", "number"),
    ("~7000", 7000.0, "", "~", "number"),
    ("≈7000", 7000.0, "", "~", "number"),
    ("<7000", 7000.0, "", "<", "number"),
    ("<= 7000", 7000.0, "", "<=", "number"),
    ("80%", 80.0, "percent", "=", "percent"),
    ("5.2e9 t", 5.2e9, "t", "=", "number"),
    ("5-7 day", 5.0, "day", "range", "number"),
    ("0.2", 0.2, "", "=", "fraction"),
    ("2.6x", 2.6, "", "=", "multiple"),
    ("1/20000", 5e-5, "", "=", "fraction"),
    ("964", 964.0, "", "=", "number"),
    ("26 million 1/day", 2.6e7, "1/day", "=", "number"),
    ("80 percent", 80.0, "percent", "=", "percent"),
    ("15.2 km**2", 15.2, "km**2", "=", "number"),
    ("100 USD", 100.0, "USD", "=", "number"),
    ("3 percentage_point", 3.0, "percentage_point", "=", "percent"),
    ("5 working_day", 5.0, "working_day", "=", "number"),
    ("5e-5", 5e-5, "", "=", "fraction"),
    ("~ 7000 (near)", 7000.0, "", "<", "number"),
]


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "kind"), NOTATION)
def test_expect_notation(text: str, value: float, unit: str, qualifier: str, kind: str) -> None:
    check(parse_figure(text), value=value, unit=unit, qualifier=qualifier, kind=kind)


@pytest.mark.parametrize(("text", "qualifier"), [("2000", "="), ("~2000", "~"), (">1900", ">")])
def test_a_value_in_the_year_range_is_a_figure_in_expect(text: str, qualifier: str) -> None:
    check(parse_figure(text, years=True), value=float(text.lstrip("~>")), qualifier=qualifier)
    assert parse_figures(text) == []  # in prose a bare 2000 is a year


def test_notation_near() -> None:
    check(parse_figure("~ 7000 (near)"), near=True, qualifier="<", high=7000.0)
    check(parse_figure("~ 40 (just over)"), near=True, qualifier=">", low=40.0)


# -- hard-wrapped text -----------------------------------------------------------------------------

WRAPPED = [
    # text, figure text, value, unit, basis
    (
        "The platform now has 23\nmillion registered users.",
        "23\nmillion registered users",
        2.3e7,
        "",
        None,
    ),
    (
        "customs have annually supervised 3.5\nbillion metric tons of goods",
        "3.5\nbillion metric tons",
        3.5e9,
        "t",
        "per_year",
    ),
    ("exports grew 5.2\r\npercent", "5.2\r\npercent", 5.2, "percent", None),
    ("supervised 2.0 billion\nmetric tons", "2.0 billion\nmetric tons", 2e9, "t", None),
    ("between 5\nand 7\ndays", "between 5\nand 7\ndays", 5.0, "day", None),
    ("a total of\n5 million tons", "5 million tons", 5e6, "t", "total"),
    ("5 million tons\nannually", "5 million tons", 5e6, "t", "per_year"),
]


@pytest.mark.parametrize(("text", "figure_text", "value", "unit", "basis"), WRAPPED)
def test_a_line_break_inside_a_figure_is_a_space(
    text: str, figure_text: str, value: float, unit: str, basis: str | None
) -> None:
    check(parse_figure(text), text=figure_text, value=value, unit=unit, basis=basis)


def test_a_blank_line_keeps_a_basis_marker_from_the_next_paragraph() -> None:
    check(parse_figure("a total of\n\n5 million tons"), basis=None)


# -- what is not a figure -----------------------------------------------------------------------

NOT_FIGURES = [
    "The press conference began at 10 a.m.",  # times of day
    "at 3 pm Beijing time",
    "at 9 o'clock",
    "2024",
    "in 2024",
    "compared to 2020.",
    "Dec. 18",
    "Aug. 25, 2025",
    "China.org.cn | December 16, 2025",
    "From January to July this year",
    "the 14th Five-Year Plan",
    "the 15th Five-Year Plan period",
    "the Five-Year Plan",
    "Q1 2025",
    "the first half of the year",
    "ranking first in the world for the eighth consecutive year",
    "second-line ports",
    "one-stop services",
    "one-time declaration",
    "two-way trade",
    "one certification, global recognition",
    "one of them",
    "on the one hand",
    "24/7 appointment-based customs clearance",
    "10:30 a.m.",
    "COVID-19 cases",
    "5G networks",
    "G20 members",
    "the 1990s",
    "14th",
    "the 3rd time",
    "Group 1: Progress in High-Quality Development",
    "No. 5 document",
    "Article 3 of the law",
    "Terminal 3",
    "as cited [2]",
    "1. We did it",
    "(1) the first point",
    "version 1.2.3",
    "version 2.0 of the platform",
    "Phase II of the project",
    "the Two Sessions this year",
    "<  1  2  3  4 >",
    "1  2  3  4  5  6  7  8  9  10  11  >",
    "<  1  2  3  4  5  6  7  8  9  10  11  12  13  14",
    "hundreds of firms",
    "dozens of cases",
    "thousands of people",
    "tens of thousands",
    "a third country",
    "the fifth",
    'Exports of the "new three" products',
    "someone often tried",
    "https://example.org/page/2/",
    "",
    "   ",
    "no figure here",
    "call 010-65592000 now",
    "No.1 Central Document",
    "the 2nd China International Import Expo",
    "in three quarters",
    "call the customs hotline 12360",
    "Tel: 010 65194114",
    "Fax: (010) 65194000",
    "HS code 8703 vehicles",
    "certified to ISO 9001",
    "GB 2763 sets the limits",
    "under UN General Assembly Resolution 2758",
    "the airline flies Boeing 737 jets",
    "Customs Order 248 took effect",
    "Page 2 of 4",
    "leaders met at the Group of Seven summit",
    "loans by the Big Four banks",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert parse_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2024, imports reached 22 trillion yuan", ["22 trillion yuan"]),
        ("2000 people", ["2000 people"]),
        ("over 2000", ["over 2000"]),
        (
            "one of the top three trading partners for 157 countries",
            ["three trading partners", "157 countries"],
        ),
        ("for two consecutive years", ["two consecutive years"]),
        ("implementing 24/7 clearance for 30 hours", ["30 hours"]),
        ("Page [3] shows 40 ports", ["40 ports"]),
        ("the 53 economies surveyed", ["53 economies"]),
        # a capitalized word before a number names it, except at a sentence's start
        # or in a title-case headline
        ("Only 300 firms applied", ["300 firms"]),
        ("Exports rose. Seven ports opened", ["Seven ports"]),  # a capital starts a sentence
        ("Customs Clears 300 Flights", ["300 Flights"]),
        ("the ports of Guangdong, 300 in all", ["300"]),
        ("20 Boeing 737 aircraft", ["20"]),
        ("China's 500 enterprises", ["500 enterprises"]),
        ("Windows 11", ["11"]),
        ("the hotline handled 3,000 calls", ["3,000"]),
        ("it received 12000000 visitors", ["12000000 visitors"]),
    ],
)
def test_figures_next_to_what_is_not_one(text: str, expected: list[str]) -> None:
    assert [f.text for f in parse_figures(text)] == expected


# -- text, spans, language ----------------------------------------------------------------------


def test_spans_point_into_the_input() -> None:
    text = "Smart inspection covers 80% of aviation ports and 40 open ports."
    for figure in parse_figures(text):
        assert text[figure.span[0] : figure.span[1]] == figure.text


def test_lang_of_digits_follows_the_argument_or_the_text() -> None:
    assert parse_figures("80%", lang="zh")[0].lang == "zh"
    assert parse_figures("80%")[0].lang == "en"
    assert parse_figures("seven hours")[0].lang == "en"


def test_every_figure_in_order() -> None:
    text = "We have conducted 204 sessions, involving nearly 7,000 people from 120 countries."
    assert [f.describe() for f in parse_figures(text)] == ["204", "~ 7000 (near)", "120"]


# -- describe, as_dict, errors ------------------------------------------------------------------

DESCRIBED = [
    ("5.2 billion metric tons", "5.2e9 t"),
    ("more than 3,000", "> 3000"),
    ("at least 5", ">= 5"),
    ("nearly 7,000", "~ 7000 (near)"),
    ("five to seven days", "5–7 day"),
    ("80%", "80 percent"),
    ("2.6 times", "2.6x"),
    ("one-fifth", "0.2"),
    ("less than 1/20,000", "< 5e-5"),
    ("annually supervised 41.5 trillion yuan", "4.15e13 CNY (per_year)"),
    ("26 million declarations per day", "2.6e7 1/day (per_day)"),
    ("about 30 percent", "~ 30 percent"),
    ("43.85", "43.85"),
]


@pytest.mark.parametrize(("text", "line"), DESCRIBED)
def test_describe(text: str, line: str) -> None:
    assert parse_figure(text).describe() == line


@pytest.mark.parametrize(("text", "line"), DESCRIBED)
def test_describe_reads_back_as_the_same_figure(text: str, line: str) -> None:
    figure = parse_figure(text)
    again = parse_figure(line)
    assert again.value == pytest.approx(figure.value)
    assert (again.unit, again.qualifier, again.near, again.basis) == (
        figure.unit,
        figure.qualifier,
        figure.near,
        figure.basis,
    )
    assert again.kind == figure.kind or figure.kind == "fraction"


def test_as_dict_is_json_and_complete() -> None:
    figure = parse_figure("more than 180,000 cases")
    data = figure.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["normalized"] == "> 180000"
    assert set(data) == {
        "text",
        "span",
        "value",
        "unit",
        "qualifier",
        "low",
        "high",
        "precision",
        "exact",
        "near",
        "basis",
        "kind",
        "lang",
        "direction",
        "normalized",
    }


def test_parse_figure_without_a_figure_quotes_the_text() -> None:
    with pytest.raises(BriefcheckValueError, match="no figure in 'nothing to see'"):
        parse_figure("nothing to see")


def test_parse_figure_with_two_figures_names_them() -> None:
    with pytest.raises(BriefcheckValueError) as info:
        parse_figure("5.2 billion metric tons, with a value of 41.5 trillion yuan")
    assert str(info.value) == (
        "2 figures in '5.2 billion metric tons, with a value of 41.5 trillion yuan': "
        "'5.2 billion metric tons', '41.5 trillion yuan'"
    )


@pytest.mark.parametrize("value", [None, 5, 5.0, b"5", ["5"], {"a": 1}])
def test_non_text(value: object) -> None:
    assert parse_figures(value) == []  # type: ignore[arg-type]
    with pytest.raises(BriefcheckValueError):
        parse_figure(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_parse_figure_on_empty_text(text: str) -> None:
    with pytest.raises(BriefcheckValueError, match="no figure"):
        parse_figure(text)


def test_importing_the_module_does_not_import_pint() -> None:
    import subprocess
    import sys

    code = (
        "import sys, pytest_briefcheck.figures as f; "
        "f.parse_figures('5.2 billion metric tons, Aug. 25, 2025'); "
        "print('pint' in sys.modules, 'dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("notation", "qualifier", "value"),
    [(">=7", ">=", 7), ("<=5 day", "<=", 5), (">= 3000", ">=", 3000), ("x=7", None, None)],
)
def test_qualifier_symbols_without_a_space(notation: str, qualifier: str | None, value) -> None:
    figures = parse_figures(notation)
    if qualifier is None:
        assert figures == []  # "x=7" is an assignment, not a figure
    else:
        assert [(f.qualifier, f.value) for f in figures] == [(qualifier, value)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("raised $3m from investors", 3e6, "USD"),
        ("RMB3m", 3e6, "CNY"),
        ("U.S.$3m", 3e6, "USD"),
        ("5.2m tons of grain", 5.2e6, "t"),
        ("3m people", 3e6, ""),
    ],
)
def test_m_glued_to_a_number_is_a_million_where_money_or_a_count_says_so(
    text: str, value: float, unit: str
) -> None:
    (figure,) = parse_figures(text)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize("text", ["a 3m wall", "the 3m mark"])
def test_m_glued_to_a_number_is_otherwise_no_million(text: str) -> None:
    assert parse_figures(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("3 billion rubles", "RUB"),
        ("1 billion won", "KRW"),
        ("500 million Australian dollars", "AUD"),
        ("A$500 million", "AUD"),
        ("C$3 billion", "CAD"),
        ("S$1.2 billion", "SGD"),
        ("300 million Swiss francs", "CHF"),
        ("₹300", "INR"),
        ("10 billion baht", "THB"),
    ],
)
def test_more_currencies(text: str, unit: str) -> None:
    (figure,) = parse_figures(text)
    assert figure.unit == unit


@pytest.mark.parametrize("text", ["5 200 000 tons", "41\u00a05000"])
def test_only_thin_or_no_break_spaces_between_groups_of_three_join_a_number(text: str) -> None:
    # plain spaces separate numbers ("in 2025 300 firms"); a group has three digits
    values = [figure.value for figure in parse_figures(text)]
    assert values and max(values) < 10_000
