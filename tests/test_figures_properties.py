"""Properties: numbers written any supported way read back as themselves; any text is safe."""

from __future__ import annotations

from decimal import Decimal

import pytest
from builders import within
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pytest_briefcheck.errors import BriefcheckValueError
from pytest_briefcheck.figures import Figure, parse_figure, parse_figures

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

integers = st.integers(min_value=0, max_value=10**15)
decimals = st.decimals(
    min_value=Decimal("0.001"), max_value=Decimal("999999.999"), places=3, allow_nan=False
).map(lambda d: d.normalize() if d == d.to_integral() else d)

_DIGITS = "零一二三四五六七八九"


def chinese(number: int) -> str:
    """The standard Chinese numeral of 0 < number < 10**16 (一万零五, 二十亿零一十)."""
    sections = []
    rest = number
    while rest:
        sections.append(rest % 10000)
        rest //= 10000
    names = ["", "万", "亿", "万亿"]
    text = ""
    pending_zero = False
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section == 0:
            pending_zero = bool(text)
            continue
        if text and (pending_zero or section < 1000):
            text += "零"
        pending_zero = False
        part = ""
        zero = False
        for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = section // place % 10
            if digit:
                if zero:
                    part += "零"
                    zero = False
                part += _DIGITS[digit] + name
            elif part:
                zero = True
        text += part + names[index]
    return text


def only(text: str) -> Figure:
    figures = parse_figures(text)
    assert len(figures) == 1, (text, figures)
    return figures[0]


@SETTINGS
@given(integers)
def test_integers_in_digits(number: int) -> None:
    figure = only(f"{number} items")
    assert figure.value == number
    assert figure.exact and figure.precision == 1


@SETTINGS
@given(integers.filter(lambda n: not 1900 <= n <= 2100))
def test_bare_integers_other_than_years(number: int) -> None:
    assert parse_figure(str(number)).value == number


@SETTINGS
@given(integers)
def test_integers_with_thousands_separators(number: int) -> None:
    figure = only(f"more than {number:,} cases")
    assert figure.value == number
    assert figure.qualifier == ">"


@SETTINGS
@given(decimals)
def test_decimals(number: Decimal) -> None:
    text = format(number, "f")
    figure = only(f"{text} tons")
    assert figure.value == pytest.approx(float(number), rel=1e-12)
    assert figure.unit == "t"


@SETTINGS
@given(decimals, st.sampled_from([("million", 10**6), ("billion", 10**9), ("trillion", 10**12)]))
def test_english_scale_words(number: Decimal, scale: tuple[str, int]) -> None:
    word, factor = scale
    figure = only(f"{format(number, 'f')} {word} yuan")
    assert figure.value == pytest.approx(float(number) * factor, rel=1e-12)
    assert figure.unit == "CNY"
    assert not figure.exact


@SETTINGS
@given(decimals, st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
def test_chinese_scale_characters(number: Decimal, scale: tuple[str, int]) -> None:
    word, factor = scale
    figure = only(f"货值{format(number, 'f')}{word}元")
    assert figure.value == pytest.approx(float(number) * factor, rel=1e-12)
    assert (figure.unit, figure.lang) == ("CNY", "zh")


@SETTINGS
@given(st.integers(min_value=2, max_value=10**15))
def test_chinese_numerals(number: int) -> None:
    # 一个 alone is "a", not a count (see test_figures_zh), hence from 2
    figure = only(f"共{chinese(number)}个")
    assert figure.value == number
    assert figure.lang == "zh"


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (10005, "一万零五"),
        (100005000, "一亿零五千"),
        (2000000010, "二十亿零一十"),
        (1050, "一千零五十"),
        (108, "一百零八"),
        (52 * 10**8, "五十二亿"),
    ],
)
def test_the_chinese_renderer(number: int, text: str) -> None:
    assert chinese(number) == text


@SETTINGS
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["%", " percent"]))
def test_percentages(number: int, sign: str) -> None:
    figure = only(f"up {number}{sign}")
    assert (figure.value, figure.unit, figure.kind) == (number, "percent", "percent")


@SETTINGS
@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_ranges(low: int, high: int) -> None:
    assume(low < high)
    assume(not (1900 <= low <= 2100 or 1900 <= high <= 2100))  # 2019-2024 is a period
    figure = only(f"{low}-{high} days")
    assert (figure.low, figure.high, figure.qualifier, figure.unit) == (low, high, "range", "day")


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_gives_figures_or_nothing(text: str) -> None:
    figures = parse_figures(text)
    assert isinstance(figures, list)
    previous_end = 0
    for figure in figures:
        assert isinstance(figure, Figure)
        start, end = figure.span
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == figure.text
        previous_end = end
        figure.describe()
        figure.as_dict()


_PIECES = st.sampled_from(
    [
        "5.2",
        "billion",
        "万",
        "亿",
        "一",
        "十",
        "百",
        "分之",
        "多",
        "余",
        "约",
        "近",
        "more than",
        "nearly",
        "to",
        "-",
        "~",
        "%",
        "percent",
        "times",
        "倍",
        "between",
        "and",
        "from",
        "a third",
        "half",
        "yuan",
        "tons",
        "per day",
        "年均",
        "1/",
        "2024",
        ",",
        ".",
        " ",
        "\n",
        "(near)",
        "$",
        "₂",
        "٣",
    ]
)


@SETTINGS
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_figure_like_garbage_is_safe(text: str) -> None:
    for figure in parse_figures(text):
        assert text[figure.span[0] : figure.span[1]] == figure.text
    try:
        figure = parse_figure(text)
    except BriefcheckValueError as error:
        assert "figure" in str(error)
    else:
        assert isinstance(figure, Figure)


@SETTINGS
@given(st.one_of(st.integers(), st.floats(), st.binary(), st.none(), st.lists(st.integers())))
def test_non_text_input(value: object) -> None:
    assert parse_figures(value) == []  # type: ignore[arg-type]
    with pytest.raises(BriefcheckValueError):
        parse_figure(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "1," * 50_000,
        "一" * 100_000,
        "1" * 100_000,
        "9" * 400,
        "1.1." * 25_000,
        "五十二亿" * 25_000,
        "- " * 50_000,
        "1/2/" * 25_000,
        "$" * 100_000,
        "两三" * 50_000,
        "(1)" * 30_000,
        "a" * 100_000,
        "\n" * 100_000,
    ],
    ids=lambda text: repr(text[:8]),
)
def test_gigantic_strings_are_fast(text: str) -> None:
    with within():
        parse_figures(text)
