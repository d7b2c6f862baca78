"""Bad input, engine rows: any text up to 100 KB gives figures and dates or a
BriefcheckValueError, never another exception, and always within a bound.

The worst cases are the shapes that once made the engine loop or go quadratic
(each found by tools/fuzz.py or by repeating one token up to 100 KB), plus
hypothesis over arbitrary Unicode and over briefing-like token soup, repeated
up to 100 KB so that backtracking and rescans have room to show.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from builders import within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_briefcheck.dates import detect_document_dates, find_dates, parse_date
from pytest_briefcheck.errors import BriefcheckValueError
from pytest_briefcheck.figures import Figure, parse_figure, parse_figures

LIMIT = 100_000
BASE = dt.date(2025, 8, 25)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def repeated(pattern: str, size: int = LIMIT) -> str:
    return (pattern * (size // max(1, len(pattern)) + 1))[:size]


def read_everything(text: str) -> list[Figure]:
    """Every engine entry point over ``text``; only BriefcheckValueError may escape."""
    found = parse_figures(text)
    find_dates(text, base=BASE)
    detect_document_dates(text)
    for entry in (parse_figure, parse_date):
        with contextlib.suppress(BriefcheckValueError):
            entry(text)
    return found


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a half half", []),
        ("a third third", []),
        ("x an eighth eighth y", []),
        ("a half half of it", ["half"]),
        ("a half a half a half ", []),
    ],
)
def test_an_article_before_a_repeated_fraction_word_ends(text: str, read: list[str]) -> None:
    # The scan once stepped back to the article ("a") before every number word
    # without moving forward, and so read "a half half" for ever.
    with within(5):
        assert [figure.text for figure in parse_figures(text)] == read


def test_an_article_step_back_still_reads_real_fractions() -> None:
    with within(5):
        (half,) = parse_figures("a half of the goods")
        (third,) = parse_figures("about a third of imports")
    assert (half.value, half.text) == (0.5, "a half")
    assert (third.value, third.qualifier) == (pytest.approx(1 / 3), "~")


def test_mixed_numerals_read_a_few_groups_then_stop() -> None:
    # 1万1万1万...: each number once collected the whole run before giving up,
    # then the next number did it again (quadratic).
    with within():
        parse_figures(repeated("1万"))
    (figure,) = parse_figures("3亿4500万2千吨")
    assert (figure.value, figure.text) == (345_002_000, "3亿4500万2千吨")


WORST_CASES = [
    "a half ",
    "a third third ",
    "1万",
    "1万2千",
    "2024万",
    "one hundred and ",
    "between 1 and ",
    "from 1 to ",
    "1 to ",
    "约",
    "多",
    "1.2.",
    "1,000,",
    "more than ",
    "US$",
    "–1",
    "\u200b1",
    "1\u00ad",
    "1 %",
    "1至",
    "翻番",
    "十八大",
    "分之",
    "百分之",
    "1-7月",
    "Aug. 25, ",
    "2025年",
    "Q1 first half ",
    "14th Five-Year Plan ",
    "(near) ",
    "½",
    "１２３",
    "٣",
    "one-third ",
    "billion ",
    "5-fold ",
    "增长2倍，",
    "Boeing 737 ",
    "Tel: 12360 ",
    "$3m ",
    "41\u2009500 ",
    "late October ",
    "上周五",
    "本月20日",
]


@pytest.mark.parametrize("pattern", WORST_CASES, ids=repr)
def test_worst_cases_at_100_kb_finish_within_the_bound(pattern: str) -> None:
    text = repeated(pattern)
    with within():
        found = read_everything(text)
    for figure in found:
        assert text[figure.span[0] : figure.span[1]] == figure.text


_BRIEFING_TOKENS = [
    "a", "an", "and", "half", "third", "quarter", "one", "two", "twelve", "hundred",
    "thousand", "million", "billion", "trillion", "dozen", "fold", "times", "of", "to",
    "from", "between", "about", "nearly", "over", "more than", "per", "percent", "%",
    "percentage points", "year-on-year", "annually", "a total of", "tons", "yuan", "US$",
    "$", "TEU", "Aug.", "25,", "2025", "Q1", "first", "14th", "Five-Year Plan",
    "一", "二", "两", "十", "百", "千", "万", "亿", "万亿", "零", "点", "分之", "年",
    "月", "日", "年均", "同比", "增长", "约", "近", "多", "余", "第", "倍", "番", "个百分点",
    "吨", "元", "0", "1", "5.2", "1,234", "41.5", "10%", "-", "–", "~", "(", ")", "，",
    "、", "。", ".", ",", ":", "/", " ", "\n", "\u00a0", "\u200b", "\u00ad", "５", "٣",
]  # fmt: skip


def _up_to_the_limit(pair: tuple[str, int]) -> str:
    pattern, copies = pair
    return repeated(pattern, min(LIMIT, len(pattern) * copies))


briefing_soup = st.lists(st.sampled_from(_BRIEFING_TOKENS), min_size=1, max_size=30).map(" ".join)
big_soup = st.tuples(briefing_soup, st.integers(1, LIMIT)).map(_up_to_the_limit)
big_unicode = st.tuples(st.text(min_size=1, max_size=60), st.integers(1, LIMIT)).map(
    _up_to_the_limit
)


@SETTINGS
@given(big_soup)
def test_briefing_soup_up_to_100_kb(text: str) -> None:
    with within():
        read_everything(text)


@SETTINGS
@given(big_unicode)
def test_arbitrary_unicode_up_to_100_kb(text: str) -> None:
    with within():
        read_everything(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_short_arbitrary_text_reads_or_raises_a_value_error(text: str) -> None:
    for figure in read_everything(text):
        assert text[figure.span[0] : figure.span[1]] == figure.text
