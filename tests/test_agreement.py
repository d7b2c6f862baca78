"""Agreement of figures and dates: intervals, units, bases, odd ones out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import subprocess
import sys
from decimal import Decimal

import pytest
from builders import fig
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_briefcheck.agreement import (
    Interval,
    Tolerance,
    admitted,
    agree,
    agree_dates,
    format_number,
    may_agree,
    odd_ones_out,
)
from pytest_briefcheck.dates import DateValue
from pytest_briefcheck.errors import BriefcheckValueError
from pytest_briefcheck.figures import QUALIFIERS, Figure

INF = math.inf


def day(text: str) -> DateValue:
    d = dt.date.fromisoformat(text)
    return DateValue(d, d, text=text)


def period(start: str, end: str, granularity: str = "period") -> DateValue:
    return DateValue(
        dt.date.fromisoformat(start), dt.date.fromisoformat(end), granularity=granularity
    )


# -- the interval each wording admits -----------------------------------------------------------

INTERVALS = [
    ("5.2 billion", fig(5.2e9, "CNY", p=1e8), (5.15e9, 5.25e9, True, False, "CNY")),
    ("41.5万亿", fig(4.15e13, "CNY", p=1e11, lang="zh"), (4.145e13, 4.155e13, True, False, "CNY")),
    ("311 (exact)", fig(311), (311, 311, True, True, "")),
    ("more than 3,000", fig(3000, q=">"), (3000, INF, False, False, "")),
    ("3000余 (rounded bound)", fig(3000, q=">", p=1000), (2500, INF, False, False, "")),
    ("at least 3,000", fig(3000, q=">="), (3000, INF, True, False, "")),
    ("less than 7,000", fig(7000, q="<"), (-INF, 7000, False, False, "")),
    ("at most 7,000", fig(7000, q="<="), (-INF, 7000, False, True, "")),
    ("less than 7 thousand (rounded)", fig(7000, q="<", p=1000), (-INF, 7500, False, False, "")),
    ("nearly 7,000", fig(7000, q="<", near=True), (6650, 7000, True, False, "")),
    ("近7千 (rounded)", fig(7000, q="<", near=True, p=1000), (6150, 7500, True, False, "")),
    ("just over 3,000", fig(3000, q=">", near=True), (3000, 3150, False, True, "")),
    ("about 7,000", fig(7000, q="~"), (6650, 7350, True, True, "")),
    ("about 5.2 billion", fig(5.2e9, "CNY", q="~", p=1e8), (4.94e9, 5.46e9, True, True, "CNY")),
    ("20 to 30", fig(20, q="range", low=20, high=30), (20, 30, True, True, "")),
    ("5-6 billion", fig(5e9, q="range", low=5e9, high=6e9, p=1e9), (4.5e9, 6.5e9, True, True, "")),
    ("7.9%", fig(7.9, "percent", p=0.1, kind="percent"), (0.0785, 0.0795, True, False, "")),
    ("7.9% (unitless)", fig(7.9, p=0.1, kind="percent"), (0.0785, 0.0795, True, False, "")),
    ("one-fifth", fig(0.2, kind="fraction"), (0.2, 0.2, True, True, "")),
    ("2.6 times", fig(2.6, p=0.1, kind="multiple"), (2.55, 2.65, True, False, "")),
]


@pytest.mark.parametrize(
    ("figure", "expected"), [row[1:] for row in INTERVALS], ids=[row[0] for row in INTERVALS]
)
def test_admitted_interval(figure: Figure, expected: tuple) -> None:
    assert admitted(figure).as_tuple() == pytest.approx(expected)
    assert admitted(figure).as_tuple()[2:] == expected[2:]


def test_rounding_wins_over_a_tight_about_tolerance() -> None:
    interval = admitted(fig(5.2e9, "CNY", q="~", p=1e8), Tolerance(about=0.005))
    assert interval.as_tuple() == (5.15e9, 5.25e9, True, False, "CNY")


def test_tolerances_are_configurable() -> None:
    assert admitted(fig(7000, q="~"), Tolerance(about=0.1)).as_tuple()[:2] == (6300, 7700)
    assert admitted(fig(7000, q="<", near=True), Tolerance(near=0.1)).as_tuple()[:2] == (6300, 7000)


@pytest.mark.parametrize(
    "bad", [{"about": -0.1}, {"about": math.nan}, {"about": math.inf}, {"near": 1.5}]
)
def test_tolerance_rejects_nonsense(bad: dict[str, float]) -> None:
    with pytest.raises(BriefcheckValueError, match="tolerance"):
        Tolerance(**bad)


def test_units_fold_into_base_units() -> None:
    tons = admitted(fig(5.2e9, "t", p=1e8))
    one_ton = admitted(fig(1, "t"))
    assert one_ton.is_point
    assert tons.low == pytest.approx(5.15e9 * one_ton.low)
    assert tons.high == pytest.approx(5.25e9 * one_ton.low)
    assert tons.unit == one_ton.unit


# -- Interval -----------------------------------------------------------------------------------


def test_half_open_intervals_of_adjacent_roundings_do_not_meet() -> None:
    a = Interval(5.15e9, 5.25e9, True, False, "t")
    b = Interval(5.25e9, 5.35e9, True, False, "t")
    assert not a.meets(b) and not b.meets(a)
    assert a.meets(Interval(5.25e9, 5.25e9, True, True, "t")) is False
    assert b.meets(Interval(5.25e9, 5.25e9, True, True, "t")) is True


def test_interval_contains_and_intersection() -> None:
    a = Interval(1, 2, True, False, "")
    assert a.contains(1) and a.contains(1.5) and not a.contains(2)
    assert a.intersection(Interval(1.5, INF, False, False, "")) == Interval(
        1.5, 2, False, False, ""
    )
    assert a.intersection(Interval(-INF, 1, False, True, "")) == Interval(1, 1, True, True, "")
    assert a.intersection(Interval(-INF, 1, False, False, "")) is None


def test_figures_with_the_same_numbers_share_a_frame_and_keep_their_own_words() -> None:
    """Frames are kept per numbers, unit and basis: the wording of each figure stays its own."""
    stated, restated = fig(5.2e9, "t", p=1e8, text="5.2 billion tons"), fig(5.2e9, "t", p=1e8)
    above = fig(5.25e9, "t")  # 5.2 billion rounded admits 5.15e9 up to, not including, 5.25e9
    assert not agree(stated, above).agrees and not agree(restated, above).agrees
    assert admitted(stated) is admitted(restated)
    for text in ("infinitely many tons", "endless tons"):
        with pytest.raises(BriefcheckValueError, match=f"'{text}' has an infinite value"):
            agree(fig(INF, "t", text=text), stated)


def test_intervals_in_different_units_cannot_meet() -> None:
    with pytest.raises(BriefcheckValueError, match="units differ"):
        Interval(1, 2, True, True, "t").meets(Interval(1, 2, True, True, "CNY"))


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(5.15e9, 5.25e9, True, False, "t"), "5.15e9–5.25e9 t"),
        (Interval(271, 271, True, True, ""), "271"),
        (Interval(3000, INF, False, False, ""), "> 3000"),
        (Interval(3000, INF, True, False, "CNY"), "≥ 3000 CNY"),
        (Interval(-INF, 7000, False, False, ""), "< 7000"),
        (Interval(-INF, 7000, False, True, ""), "≤ 7000"),
        (Interval(0.49030786773090078, 0.5142857142857142, True, False, ""), "0.490–0.514"),
        (Interval(0.50001234567, 0.50001234999, True, True, ""), "0.500012346–0.500012350"),
        (Interval(-INF, INF, False, False, ""), "any value"),
    ],
)
def test_interval_describe(interval: Interval, text: str) -> None:
    assert interval.describe() == text


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (271.0, "271"),
        (3000.0, "3000"),
        (180000.0, "180000"),
        (5.15e9, "5.15e9"),
        (2.6e7, "2.6e7"),
        (0.079, "0.079"),
        (0.0785, "0.0785"),
        (1e-5, "1e-5"),
        (-311.0, "-311"),
        (0.0, "0"),
        (0.4903078677309008, "0.490"),
        (INF, "inf"),
    ],
)
def test_format_number(number: float, text: str) -> None:
    assert format_number(number) == text


# -- agree --------------------------------------------------------------------------------------

TONS_EN = fig(5.2e9, "t", p=1e8, text="5.2 billion metric tons")
TONS_ZH = fig(5.2e9, "t", p=1e8, text="52亿吨", lang="zh")
TONS_FINE = fig(5.21e9, "t", p=1e7, text="5.21 billion tonnes")
TONS_MORE = fig(5.3e9, "t", p=1e8, text="5.3 billion tons")

AGREEMENTS = [
    ("5.2 billion t = 52亿吨", TONS_EN, TONS_ZH, True),
    ("5.2 billion t = 5.21 billion t", TONS_EN, TONS_FINE, True),
    ("52亿吨 = 5.21 billion t", TONS_ZH, TONS_FINE, True),
    ("5.2 billion != 5.3 billion", TONS_EN, TONS_MORE, False),
    ("more than 3,000 = 3000余家", fig(3000, q=">"), fig(3000, q=">", p=1000, lang="zh"), True),
    ("more than 3,000 != 2,900", fig(3000, q=">"), fig(2900), False),
    ("nearly 7,000 = 6,950", fig(7000, q="<", near=True), fig(6950), True),
    ("nearly 7,000 != 7,100", fig(7000, q="<", near=True), fig(7100), False),
    ("nearly 7,000 != 7,000", fig(7000, q="<", near=True), fig(7000), False),
    ("nearly 7,000 != 5,000", fig(7000, q="<", near=True), fig(5000), False),
    ("about 7,000 = 7,200", fig(7000, q="~"), fig(7200), True),
    ("about 7,000 != 7,400", fig(7000, q="~"), fig(7400), False),
    ("311 = 311", fig(311), fig(311), True),
    ("311 != 312", fig(311), fig(312), False),
    ("3,000 exact != 3.0 thousand rounded's neighbour", fig(3000), fig(3100, p=100), False),
    ("3 thousand (rounded) = 3,040", fig(3000, p=1000), fig(3040), True),
    ("one-fifth = 20%", fig(0.2, kind="fraction"), fig(20, "percent", kind="percent"), True),
    (
        "one-fifth = 20 (percent, unitless)",
        fig(0.2, kind="fraction"),
        fig(20, kind="percent"),
        True,
    ),
    (
        "2.6 times = 260%",
        fig(2.6, p=0.1, kind="multiple"),
        fig(260, "percent", kind="percent"),
        True,
    ),
    (
        "7.9% != 8.0%",
        fig(7.9, "percent", p=0.1, kind="percent"),
        fig(8.0, p=0.1, kind="percent"),
        False,
    ),
    ("range 20-30 = 25", fig(20, q="range", low=20, high=30), fig(25), True),
    ("range 20-30 != 31", fig(20, q="range", low=20, high=30), fig(31), False),
    (
        "per_year = None",
        fig(4.15e13, "CNY", p=1e11, basis="per_year"),
        fig(4.15e13, "CNY", p=1e11),
        True,
    ),
]


@pytest.mark.parametrize(
    ("a", "b", "agrees"), [row[1:] for row in AGREEMENTS], ids=[row[0] for row in AGREEMENTS]
)
def test_agree(a: Figure, b: Figure, agrees: bool) -> None:
    assert agree(a, b).agrees is agrees
    assert agree(b, a).agrees is agrees


def test_disagreement_reason_names_both_intervals() -> None:
    a, b = fig(5.2e9, "CNY", p=1e8), fig(5.3e9, "CNY", p=1e8)
    assert agree(a, b).reason == (
        "5.2e9 CNY admits 5.15e9–5.25e9 CNY and 5.3e9 CNY admits 5.25e9–5.35e9 CNY; "
        "they do not meet"
    )


def test_disagreement_reason_names_the_qualifier() -> None:
    reason = agree(fig(7000, q="<", near=True), fig(7100)).reason
    assert reason == "nearly 7000 admits 6650–7000 and 7100 admits 7100; they do not meet"


def test_agreement_reason_names_a_value_both_admit() -> None:
    assert (
        agree(fig(5.2e9, "CNY", p=1e8), fig(5.2e9, "CNY", p=1e8)).reason == "both admit 5.2e9 CNY"
    )
    assert agree(fig(5.2e9, "CNY", p=1e8), fig(5.21e9, "CNY", p=1e7)).reason == (
        "both admit 5.21e9 CNY"
    )
    assert agree(fig(3000, q=">"), fig(3000, q=">", p=1000)).reason == "both admit > 3000"


def test_currencies_never_convert() -> None:
    result = agree(fig(5.2e9, "t", p=1e8), fig(5.2e9, "CNY", p=1e8))
    assert result == type(result)(False, "units differ: t vs CNY")
    assert agree(fig(100, "USD"), fig(100, "CNY")).reason == "units differ: USD vs CNY"


def test_a_plain_count_never_agrees_with_a_ratio() -> None:
    result = agree(fig(20), fig(20, "percent", kind="percent"))
    assert not result.agrees
    assert result.reason == "units differ: a plain count vs percent"
    assert agree(fig(0.2), fig(0.2, kind="fraction")).reason == (
        "units differ: a plain count vs a fraction"
    )


def test_bases_conflict() -> None:
    yearly = fig(4.15e13, "CNY", p=1e11, basis="per_year", text="41.5 trillion yuan a year")
    total = fig(4.15e13, "CNY", p=1e11, basis="total", text="a total of 41.5 trillion yuan")
    assert agree(yearly, total).reason == "bases conflict: per_year vs total"
    daily = fig(2.6e7, p=1e6, basis="per_day")
    assert agree(daily, fig(2.6e7, p=1e6, basis="per_year")).reason == (
        "bases conflict: per_day vs per_year"
    )


def test_a_per_day_unit_is_the_bare_unit_with_a_daily_basis() -> None:
    per_day_unit = fig(2.6e7, "1/day", p=1e6, text="26 million declarations per day")
    daily = fig(2.6e7, p=1e6, basis="per_day", text="日均2600万票", lang="zh")
    assert agree(per_day_unit, daily).agrees
    assert agree(daily, per_day_unit).reason == "both admit 2.6e7"
    explicit = dataclasses.replace(per_day_unit, basis="per_day")
    assert agree(explicit, daily).agrees
    assert agree(per_day_unit, fig(2.6e7, p=1e6, basis="per_year")).reason == (
        "bases conflict: per_day vs per_year"
    )
    assert not agree(per_day_unit, fig(2.7e7, p=1e6, basis="per_day")).agrees


def test_a_per_year_unit_is_the_bare_unit_with_a_yearly_basis() -> None:
    per_year = fig(5.2e9, "t/year", p=1e8)
    assert agree(per_year, fig(5.2e9, "t", p=1e8, basis="per_year")).agrees
    assert agree(per_year, fig(5.2e9, "t", p=1e8, basis="total")).reason == (
        "bases conflict: per_year vs total"
    )


def test_figures_in_one_unit_are_compared_and_described_in_it() -> None:
    assert agree(TONS_EN, TONS_FINE).reason == "both admit 5.21e9 t"
    assert agree(TONS_EN, TONS_MORE).reason == (
        "5.2e9 t admits 5.15e9–5.25e9 t and 5.3e9 t admits 5.25e9–5.35e9 t; they do not meet"
    )
    kilograms = fig(5.2e12, "kg", p=1e11)
    assert agree(TONS_EN, kilograms).agrees
    assert not agree(TONS_MORE, kilograms).agrees


def test_admitted_per_period_takes_the_period_out_of_the_unit() -> None:
    yearly = fig(4.15e13, "CNY/year", p=1e11, basis="per_year")
    assert admitted(yearly, per_period=True).as_tuple() == (4.145e13, 4.155e13, True, False, "CNY")
    assert admitted(yearly).unit != "CNY"


def test_an_unknown_unit_is_an_error() -> None:
    with pytest.raises(BriefcheckValueError, match="unknown unit"):
        agree(fig(1, "zorkmids"), fig(1))


# -- dates --------------------------------------------------------------------------------------


def test_equal_dates_agree() -> None:
    result = agree_dates(day("2025-08-25"), day("2025-08-25"))
    assert result.agrees and result.reason == "both are 2025-08-25"


def test_a_month_contains_its_days() -> None:
    august = period("2025-08-01", "2025-08-31", "month")
    assert agree_dates(august, day("2025-08-25")).reason == "2025-08 contains 2025-08-25"
    assert agree_dates(day("2025-08-25"), august).reason == "2025-08 contains 2025-08-25"
    year = period("2025-01-01", "2025-12-31", "year")
    quarter = period("2025-07-01", "2025-09-30", "quarter")
    assert agree_dates(quarter, year).reason == "2025 contains 2025-07-01/2025-09-30"


def test_different_dates_disagree_naming_both_in_iso() -> None:
    result = agree_dates(day("2025-08-25"), day("2025-12-16"))
    assert not result.agrees
    assert result.reason == "2025-08-25 and 2025-12-16 do not overlap"
    august = period("2025-08-01", "2025-08-31", "month")
    assert agree_dates(august, day("2025-09-01")).reason == "2025-08 and 2025-09-01 do not overlap"
    overlap = agree_dates(august, period("2025-08-20", "2025-09-10"))
    assert not overlap.agrees
    assert overlap.reason == (
        "2025-08 and 2025-08-20/2025-09-10 overlap, but neither contains the other"
    )


def test_december_and_leap_february_read_as_months() -> None:
    assert (
        "2025-12 contains"
        in agree_dates(period("2025-12-01", "2025-12-31"), day("2025-12-16")).reason
    )
    assert (
        "2024-02 contains"
        in agree_dates(period("2024-02-01", "2024-02-29"), day("2024-02-29")).reason
    )


# -- odd ones out -------------------------------------------------------------------------------


def test_odd_ones_out_finds_the_disagreeing_quote() -> None:
    split = odd_ones_out([TONS_EN, TONS_FINE, TONS_MORE])
    assert split.majority == (0, 1)
    assert split.odd == (2,)


def test_all_agree_means_no_odd_ones() -> None:
    split = odd_ones_out([TONS_EN, TONS_ZH, TONS_FINE])
    assert split.majority == (0, 1, 2) and split.odd == ()


def test_ties_go_to_the_cluster_of_the_first_value() -> None:
    assert odd_ones_out([fig(40), fig(41)]).majority == (0,)
    split = odd_ones_out([fig(41), fig(40), fig(40), fig(41)])
    assert split.majority == (0, 3) and split.odd == (1, 2)
    assert split.clusters == ((0, 3), (1, 2))


def test_a_cluster_agrees_pairwise_not_by_chaining() -> None:
    about = fig(5.2e9, "CNY", q="~")
    low, high = fig(5.0e9, "CNY"), fig(5.4e9, "CNY")
    split = odd_ones_out([low, about, high])
    # 'about 5.2 billion' agrees with both, but 5.0 and 5.4 billion do not agree with each other.
    assert split.majority == (0, 1)
    assert split.odd == (2,)


def test_majority_need_not_contain_the_first_value() -> None:
    split = odd_ones_out([fig(39), fig(40), fig(40), fig(40)])
    assert split.majority == (1, 2, 3) and split.odd == (0,)


def test_odd_ones_out_over_dates_and_mixed_values() -> None:
    august = period("2025-08-01", "2025-08-31", "month")
    split = odd_ones_out([day("2025-08-25"), august, day("2025-12-16")])
    assert split.majority == (0, 1) and split.odd == (2,)
    mixed = odd_ones_out([fig(311), day("2025-08-25"), fig(311)])
    assert mixed.majority == (0, 2) and mixed.odd == (1,)
    assert odd_ones_out([]) == type(mixed)((), (), ())
    assert odd_ones_out([fig(1)]).majority == (0,)


# -- import hygiene -----------------------------------------------------------------------------


def test_importing_agreement_and_relations_does_not_import_pint() -> None:
    code = (
        "import sys, pytest_briefcheck.agreement, pytest_briefcheck.relations; "
        "print('pint' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- properties ---------------------------------------------------------------------------------

UNITS = [
    ("", "number"),
    ("CNY", "number"),
    ("t", "number"),
    ("percent", "percent"),
    ("", "fraction"),
]


@st.composite
def figures(draw: st.DrawFn, like: Figure | None = None) -> Figure:
    """Figures as stated decimals: a mantissa, a step 10**k, a qualifier, a unit, a basis."""
    k = draw(st.integers(-3, 9))
    if like is not None and draw(st.booleans()):
        # Near ``like``, in its units, so pairs often agree.
        step = Decimal(repr(like.precision))
        mantissa = int(Decimal(repr(like.value)) / step) + draw(st.integers(-3, 3))
        unit, kind, basis = like.unit, like.kind, like.basis
        value = float(Decimal(mantissa) * step)
        precision = float(step)
    else:
        mantissa = draw(st.integers(-(10**5), 10**6))
        unit, kind = draw(st.sampled_from(UNITS))
        basis = draw(st.sampled_from([None, "per_year", "total"]))
        value = float(Decimal(mantissa).scaleb(k))
        precision = float(Decimal(1).scaleb(k))
    q = draw(st.sampled_from(QUALIFIERS))
    near = q in ("<", "<=", ">", ">=") and draw(st.booleans())
    low = high = None
    if q == "range":
        low, high = value, value + precision * draw(st.integers(0, 50))
    elif q in (">", ">="):
        low = value
    elif q in ("<", "<="):
        high = value
    return Figure(
        text="generated",
        span=(0, 0),
        value=value,
        unit=unit,
        qualifier=q,
        low=low,
        high=high,
        precision=precision,
        exact=draw(st.booleans()),
        near=near,
        basis=basis,
        kind=kind,
    )


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Figure, Figure]:
    a = draw(figures())
    return a, draw(figures(like=a))


tolerances = st.builds(
    Tolerance, about=st.sampled_from([0.0, 0.05, 0.1]), near=st.sampled_from([0.0, 0.05, 0.2])
)


@settings(max_examples=300, deadline=None)
@given(pairs(), tolerances)
def test_agreement_is_symmetric(pair: tuple[Figure, Figure], tolerance: Tolerance) -> None:
    a, b = pair
    assert agree(a, b, tolerance).agrees == agree(b, a, tolerance).agrees


@settings(max_examples=500, deadline=None)
@given(pairs(), tolerances)
def test_the_cheap_screen_never_rejects_an_agreeing_pair(
    pair: tuple[Figure, Figure], tolerance: Tolerance
) -> None:
    a, b = pair
    if agree(a, b, tolerance).agrees:
        assert may_agree(a, b, tolerance)


@pytest.mark.parametrize(("a", "b", "agrees"), [row[1:] for row in AGREEMENTS])
def test_the_cheap_screen_on_the_agreement_table(a: Figure, b: Figure, agrees: bool) -> None:
    assert may_agree(a, b) or not agrees


def test_the_cheap_screen_rejects_other_units_bases_and_far_values() -> None:
    assert not may_agree(TONS_EN, fig(5.2e9, "CNY", p=1e8))
    assert not may_agree(fig(1, basis="per_year"), fig(1, basis="per_day"))
    assert not may_agree(TONS_EN, fig(9e9, "t", p=1e9))
    assert may_agree(TONS_EN, TONS_ZH)


@settings(max_examples=300, deadline=None)
@given(figures(), tolerances)
def test_a_figure_agrees_with_itself(a: Figure, tolerance: Tolerance) -> None:
    assert agree(a, a, tolerance).agrees


@settings(max_examples=300, deadline=None)
@given(figures(), tolerances)
def test_a_stated_value_lies_in_its_interval(a: Figure, tolerance: Tolerance) -> None:
    interval = admitted(a, tolerance)
    scale = admitted(dataclasses.replace(a, value=1.0, qualifier="=", exact=True)).low
    if a.qualifier in ("=", "~"):
        assert interval.contains(a.value * scale) or math.isclose(
            interval.low, a.value * scale, rel_tol=1e-12
        )


@settings(max_examples=400, deadline=None)
@given(pairs(), tolerances, st.sampled_from([1, 2, 5, 10, 1000]), st.booleans())
def test_widening_precision_never_breaks_agreement(
    pair: tuple[Figure, Figure], tolerance: Tolerance, factor: int, unround: bool
) -> None:
    a, b = pair
    wider = dataclasses.replace(a, precision=a.precision * factor, exact=a.exact and not unround)
    if agree(a, b, tolerance).agrees:
        assert agree(wider, b, tolerance).agrees
        assert agree(b, wider, tolerance).agrees


# -- end to end, through the figure parser ------------------------------------------------------

END_TO_END = [
    ("5.2 billion metric tons", None, "52亿吨", "zh", True),
    ("5.2 billion metric tons", None, "5.21 billion tonnes", None, True),
    ("52亿吨", "zh", "5.21 billion tonnes", None, True),
    ("5.2 billion metric tons", None, "5.3 billion metric tons", None, False),
    ("nearly 7,000", None, "6,950", None, True),
    ("nearly 7,000", None, "7,100", None, False),
    ("nearly 7,000", None, "5,000", None, False),
    ("近7000人", "zh", "nearly 7,000", None, True),
    ("about 7,000", None, "7,200", None, True),
    ("41.5 trillion yuan a year", None, "a total of 41.5 trillion yuan", None, False),
    ("41.5 trillion yuan a year", None, "41.5万亿元", "zh", True),
    ("one-fifth", None, "20%", None, True),
    ("26 million declarations per day", None, "日均2600万票", "zh", True),
    ("311", None, "311", None, True),
    ("311", None, "312", None, False),
]


@pytest.mark.parametrize(
    ("a", "lang_a", "b", "lang_b", "agrees"), END_TO_END, ids=[f"{r[0]}|{r[2]}" for r in END_TO_END]
)
def test_parsed_figures_agree(
    a: str, lang_a: str | None, b: str, lang_b: str | None, agrees: bool
) -> None:
    from pytest_briefcheck.figures import parse_figure

    first, second = parse_figure(a, lang_a), parse_figure(b, lang_b)
    assert agree(first, second).agrees is agrees, agree(first, second).reason
