"""Dates: days, months, quarters, years and named periods, in English and Chinese.

Every mention is found and read by cheap compiled regular expressions; dateparser,
imported lazily, reads only full dates in forms the patterns do not know
("25.08.2025" where a date is expected). Yearless and relative mentions ("Dec. 18",
"this year", "一季度") are placed against a base date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from .errors import BriefcheckValueError

GRANULARITIES = ("day", "week", "month", "quarter", "half", "year", "period")


@dataclass(frozen=True)
class DateValue:
    """A date or period: ``start`` and ``end`` inclusive (equal for one day)."""

    start: dt.date
    end: dt.date
    text: str = ""
    span: tuple[int, int] = (0, 0)
    granularity: str = "day"
    relative: bool = False  # True when the year (or more) came from ``base``


# -- folding -----------------------------------------------------------------------------------
# A one-to-one character map, so offsets into the folded text are offsets into the original.
_FOLD_MAP: dict[int, str] = {0xFF10 + i: str(i) for i in range(10)}
_FOLD_MAP.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
_FOLD_MAP.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
_FOLD_MAP.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})
_FOLD_MAP.update({ord(c): "-" for c in "~\uff5e\u301c"})
_FOLD_MAP.update({ord(c): " " for c in "\u3000\u00a0\u2009\u202f\u2002\u2003\t"})
_FOLD_MAP.update({ord(c): "·" for c in "\u30fb\u2022\u2027\uff65\u2219"})
_FOLD_MAP.update({0xFF1A: ":", 0xFF0F: "/", 0xFF0C: ",", 0xFF0E: ".", 0xFF08: "(", 0xFF09: ")"})
_FOLD_MAP.update({0x25CB: "〇", 0x3007: "〇"})
_FOLDED = {chr(code): folded for code, folded in _FOLD_MAP.items()}
_FOLDABLE = re.compile("[" + re.escape("".join(sorted(_FOLDED))) + "]")


def _fold(text: str) -> str:
    # The characters to fold are few in any text: replacing each match costs a fraction
    # of translate(), which maps every character.
    if text.isascii() and "~" not in text and "\t" not in text:
        return text
    return _FOLDABLE.sub(lambda match: _FOLDED[match.group()], text)


# -- vocabulary --------------------------------------------------------------------------------
# English names, spelled out rather than taken from calendar.month_name, which follows the locale
_FULL_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_ABBR_MONTHS = ["Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTHS: dict[str, int] = {name.lower(): index for index, name in enumerate(_FULL_MONTHS, 1)}
_MONTHS.update({name[:3].lower(): index for index, name in enumerate(_FULL_MONTHS, 1)})
_MONTHS["sept"] = 9


def _month_re(group: str) -> str:
    full = "|".join(f"{m}|{m.upper()}" for m in _FULL_MONTHS)
    abbr = "|".join(f"{m}|{m.upper()}" for m in _ABBR_MONTHS)
    return rf"(?<![A-Za-z])(?P<{group}>(?:{full})(?![A-Za-z])|(?:{abbr})(?:\.|(?![A-Za-z])))"


_EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_CN_DIGITS = {
    "〇": 0, "零": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_REL_YEARS = {"this": 0, "last": -1, "next": 1, "今年": 0, "去年": -1, "明年": 1, "前年": -2}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_CN_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# the first and last day of a month's early, middle and late third (0: the month's last)
_THIRDS = {
    "early": (1, 10), "mid": (11, 20), "late": (21, 0),
    "上": (1, 10), "中": (11, 20), "下": (21, 0),
}  # fmt: skip


def _number(token: str) -> int:
    """An integer written in ASCII digits, English words or Chinese numerals (up to 99)."""
    token = token.strip()
    if token.isascii() and token.isdigit():
        return int(token)
    lowered = token.lower()
    if lowered in _EN_NUMBERS:
        return _EN_NUMBERS[lowered]
    if lowered in _EN_ORDINALS:
        return _EN_ORDINALS[lowered]
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    if len(token) == 1:
        return _CN_DIGITS[token]
    return int("".join(str(_CN_DIGITS[c]) for c in token))  # a year digit by digit: 二〇二五


# -- patterns ----------------------------------------------------------------------------------
_Y = r"(?:19[0-9]{2}|20[0-9]{2}|2100)"
_D = r"(?:3[01]|[12][0-9]|0?[1-9])"
_TIME = r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
_END_Y = r"(?![0-9]|[.,][0-9])"
_REL = r"(?:this|last|next|This|Last|Next)"
_DAY_SUFFIX = r"(?:st|nd|rd|th)?(?![0-9A-Za-z])"


def _tail(y: str = "y", rel: str = "rel") -> str:
    """An optional year after an English month, quarter or half: ", 2025", "of this year"."""
    return (
        rf"(?:\s{{0,2}},?\s{{0,2}}(?:of\s{{1,2}})?(?:(?P<{y}>{_Y}){_END_Y}"
        rf"|(?P<{rel}>{_REL})\s{{1,2}}year(?![A-Za-z-])|the\s{{1,2}}(?:current\s{{1,2}})?year(?![A-Za-z-])))?"
    )


_NOT_OF_OTHER = r"(?!\s{1,2}of\s)"  # "the first half of the plan period" is not a calendar half
# between the days of a range: "25-27", "3 to 5", "28 through"; and what must not follow the
# last day, lest "Dec. 3 to 5 percent" or "to 5 p.m." be read as days
_DAY_TO = r"(?:\s{0,2}-\s{0,2}|\s{1,2}(?:to|through|till|until)\s{1,2})"
_NOT_A_COUNT = (
    r"(?!\s{0,2}(?:%|[Pp]er\s{0,2}cent|[ap]\.?m\b|[Mm]illion|[Bb]illion|[Tt]housand|[Hh]undred"
    r"|[Tt]rillion|times\b|-?fold\b))"
)

_EN_NUM_WORDS = "|".join(_EN_NUMBERS)
_EN_ORD_WORDS = "|".join(
    f"{w}|{w.capitalize()}|{w.upper()}" for w in sorted(_EN_ORDINALS, key=len, reverse=True)
)
_CN_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_CN_1_9 = "[一二三四五六七八九]"
_CN_D = rf"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十{_CN_1_9}?|十{_CN_1_9}?|{_CN_1_9})"
_CN_N = r"(?:1[01]|[2-9]|十[一]?|[二两三四五六七八九])"
_CN_YEAR = (
    rf"(?:(?P<y>{_Y})|(?P<ycn>[〇零Oo一二三四五六七八九]{{4}}))"
    r"\s{0,2}年(?!\s{0,2}(?:代|以上|以下|来))"
)
_CN_REL = r"(?P<rel>今年(?!均)|(?<!过)去年(?!均)|明年|(?<![提以之])前年)"
_CN_TO = r"\s{0,2}(?:-|至|到)\s{0,2}"
_CN_ELEMENT = (
    # 12月3日至5日 / 12月3—5日 / 11月28日至12月2日 / 12月28日至2026年1月3日
    rf"(?:(?P<rm>{_CN_M})\s{{0,2}}月\s{{0,2}}(?P<rd>{_CN_D})\s{{0,2}}[日号]?{_CN_TO}"
    rf"(?:(?:(?P<ry2>{_Y})\s{{0,2}}年\s{{0,2}})?(?P<rm2>{_CN_M})\s{{0,2}}月\s{{0,2}})?"
    rf"(?P<rd2>{_CN_D})\s{{0,2}}[日号]"
    rf"|(?P<m>{_CN_M})\s{{0,2}}月\s{{0,2}}(?P<d>{_CN_D})\s{{0,2}}[日号](?:\s{{0,3}}(?P<time>{_TIME}))?"
    rf"|(?P<m1>{_CN_M})\s{{0,2}}(?:月份?)?\s{{0,2}}(?:-|至|到)\s{{0,2}}(?P<m2>{_CN_M})\s{{0,2}}月份?"
    rf"|(?P<mo>{_CN_M})\s{{0,2}}月份?(?!\s{{0,2}}[0-9])(?:\s{{0,2}}(?P<xun>[上中下])旬)?"
    r"|第?(?P<q>[一二三四1-4])\s{0,2}季度"
    r"|前\s{0,2}(?P<nq>[二两三23])\s{0,2}个?季度"
    r"|(?P<h>[上下])半年(?!度)"
    rf"|前\s{{0,2}}(?P<n>{_CN_N})\s{{0,2}}个?\s{{0,2}}月)"
)


@dataclass(frozen=True)
class _Mention:
    """What a regex found, before it is placed on the calendar.

    ``kind`` is "shape" (months ``m1``..``m2`` and days of some year), "interval"
    (``year``-``m1``-``d1`` to ``year2``-``m2``-``d2``), "years",
    "plan", "relday", "relweek", "relmonth" (days ``d1``..``d2`` of a month ``offset`` months
    from base's), "dayonly", "weekday" (the ``weekday`` nearest to base), "relweekday" (the
    ``weekday`` of the week ``offset`` weeks from base's), "invalid" (well formed but not on the
    calendar: "Feb. 30") or "skip" (a clock phrase or a comparison period). The last
    two are found, so that figures skip them, but never placed.
    """

    span: tuple[int, int]
    kind: str
    granularity: str = "day"
    year: int | None = None
    rel: int | None = None
    m1: int = 1
    d1: int = 1
    m2: int = 12
    d2: int = 0  # 0: the last day of m2
    year2: int | None = None
    offset: int = 0
    weekday: int = 0  # Monday is 0
    problem: str = "is not on the calendar"  # why an "invalid" mention is not a date


def _valid_day(month: int, day: int, year: int | None = None) -> bool:
    if not 1 <= month <= 12:
        return False
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= last


def _year_of(m: re.Match[str], y: str = "y", rel: str = "rel") -> tuple[int | None, int | None]:
    year = m.groupdict().get(y)
    if year:
        return int(year), None
    word = m.groupdict().get(rel)
    if word:
        return None, _REL_YEARS[word.lower() if word.isascii() else word]
    return None, None


def _shape(
    m: re.Match[str],
    granularity: str,
    m1: int,
    d1: int,
    m2: int,
    d2: int = 0,
    *,
    year: int | None = None,
    rel: int | None = None,
    core: str | None = None,
    span: tuple[int, int] | None = None,
) -> _Mention | None:
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    if span is None:
        span = m.span(core) if core else m.span()
    if (d2 and not _valid_day(m2, d2, year)) or not _valid_day(m1, d1, year):
        # every part is well formed but the day is not on the calendar ("Feb. 30"): still a
        # date mention, so that figures skip it and parse_date can say what is wrong
        return _Mention(span, "invalid", granularity)
    return _Mention(span, "shape", granularity, year, rel, m1, d1, m2, d2)


def _x_iso(m: re.Match[str]) -> _Mention | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    return _shape(m, "day", month, day, month, day, year=year)


def _unit_of(start: dt.date, end: dt.date) -> str:
    """The calendar unit a run of days covers exactly ("quarter" for Jan. 1 to March 31)."""
    if start == end:
        return "day"
    last = calendar.monthrange(end.year, end.month)[1]
    if start.day != 1 or end.day != last or start.year != end.year:
        return "period"
    months = end.month - start.month + 1
    if months == 1:
        return "month"
    if months == 3 and start.month % 3 == 1:
        return "quarter"
    if months == 6 and start.month in (1, 7):
        return "half"
    return "year" if months == 12 else "period"


def _x_interval(m: re.Match[str]) -> _Mention | None:
    """An ISO 8601 interval, as claim files state periods: 2021-01-01/2025-12-31."""
    year, month, year2, month2 = int(m["y"]), int(m["m"]), int(m["y2"]), int(m["m2"])
    day = int(m["d"]) if m["d"] else 1
    if m["d2"]:
        day2 = int(m["d2"])
    else:
        day2 = calendar.monthrange(year2, month2)[1] if 1 <= month2 <= 12 else 0
    try:
        start, end = dt.date(year, month, day), dt.date(year2, month2, day2)
    except ValueError:
        return _Mention(m.span(), "invalid", "period")
    if end < start:
        return _Mention(m.span(), "invalid", "period", problem="ends before it starts")
    return _Mention(
        m.span(), "interval", _unit_of(start, end), year, None, month, day, month2, day2, year2
    )


def _x_en_mdy(m: re.Match[str]) -> _Mention | None:
    month, day = _MONTHS[m["mon"].rstrip(".").lower()], int(m["d"])
    year, rel = _year_of(m)
    if m["d2"]:
        return _days_of_month(m, month, day, int(m["d2"]), year, rel)
    return _shape(m, "day", month, day, month, day, year=year, rel=rel)


def _x_en_dmy(m: re.Match[str]) -> _Mention | None:
    month, day = _MONTHS[m["mon"].rstrip(".").lower()], int(m["d"])
    year, rel = _year_of(m)
    if m["d2"]:
        return _days_of_month(m, month, day, int(m["d2"]), year, rel)
    return _shape(m, "day", month, day, month, day, year=year, rel=rel)


def _days_of_month(
    m: re.Match[str], month: int, first: int, last: int, year: int | None, rel: int | None
) -> _Mention | None:
    """Days ``first`` to ``last`` of one month: "Aug. 25-27", "3 to 5 December", "12月3—5日"."""
    if last <= first:
        return None
    start, _ = _range_start(m)
    return _shape(m, "period", month, first, month, last, year=year, rel=rel, span=(start, m.end()))


def _day_range(
    m: re.Match[str],
    first: tuple[int, int],
    last: tuple[int, int],
    year: int | None,
    end_year: int | None,
    rel: int | None,
) -> _Mention | None:
    """A run of days across months: ``first`` and ``last`` are (month, day); ``year`` is the
    first day's year, ``end_year`` the last day's, either or both unknown."""
    if first[0] == last[0] and last[1] <= first[1]:
        return None  # "Dec. 5 to Dec. 3": two days, not a year less two days
    start, _ = _range_start(m)
    span = (start, m.end())
    if end_year is None:
        # a yearless end follows the start: December 28 to January 3 crosses into next year
        return _shape(m, "period", *first, *last, year=year, rel=rel, span=span)
    if year is None:
        year = end_year if first <= last else end_year - 1
    try:
        begin, end = dt.date(year, *first), dt.date(end_year, *last)
    except ValueError:
        return _Mention(span, "invalid", "period")
    if end <= begin:
        return _Mention(span, "invalid", "period", problem="ends before it starts")
    return _Mention(span, "interval", "period", year, None, *first, *last, end_year)


def _x_en_day_range(m: re.Match[str]) -> _Mention | None:
    _, pre = _range_start(m)
    if m["sep"].strip().lower() == "and" and pre != "between":
        return None
    first = (_MONTHS[m["mon"].rstrip(".").lower()], int(m["d"]))
    last = (_MONTHS[m["mon2"].rstrip(".").lower()], int(m["d2"]))
    end_year, rel = _year_of(m)
    year = int(m["y1"]) if m["y1"] else None
    if year is not None and end_year is None and rel is None:
        end_year = year if first <= last else year + 1
    return _day_range(m, first, last, year, end_year, rel)


def _x_en_month(m: re.Match[str]) -> _Mention | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    year, rel = _year_of(m)
    if m.groupdict().get("third"):  # "late October": days 21 to the end of the month
        first, last = _THIRDS[m["third"].lower()]
        return _shape(m, "period", month, first, month, last, year=year, rel=rel)
    core = "mon" if year is None and rel is None and "prep" in m.groupdict() else None
    return _shape(m, "month", month, 1, month, year=year, rel=rel, core=core)


def _x_en_weekday(m: re.Match[str]) -> _Mention | None:
    weekday = _WEEKDAYS.index(m["wd"])
    if not m["rel"]:
        return _Mention(m.span(), "weekday", "day", weekday=weekday)
    offset = _REL_YEARS[m["rel"].lower()]
    return _Mention(m.span(), "relweekday", "day", offset=offset, weekday=weekday)


_FROM_BEFORE = re.compile(r"(?<![A-Za-z])(?P<pre>[Ff]rom|[Bb]etween)\s{1,2}(?:the\s{1,2})?$")


def _range_start(m: re.Match[str]) -> tuple[int, str]:
    """Where a range begins once a "from" or "between" just before it is taken in."""
    before = _FROM_BEFORE.search(m.string, max(0, m.start() - 16), m.start())
    return (before.start(), before["pre"].lower()) if before else (m.start(), "")


def _x_en_mrange(m: re.Match[str]) -> _Mention | None:
    start, pre = _range_start(m)
    if m["sep"].strip().lower() == "and" and pre != "between":
        return None
    first = _MONTHS[m["mon"].rstrip(".").lower()]
    last = _MONTHS[m["mon2"].rstrip(".").lower()]
    if first == last:
        return None
    year, rel = _year_of(m)
    return _shape(m, "period", first, 1, last, year=year, rel=rel, span=(start, m.end()))


def _x_en_rel(m: re.Match[str]) -> _Mention | None:
    word, unit = m["word"].lower(), m["unit"].lower()
    offset = {"this": 0, "last": -1, "next": 1, "current": 0}[word.split()[-1]]
    if unit == "year":
        return _shape(m, "year", 1, 1, 12, rel=offset)
    if unit == "week":
        return _Mention(m.span(), "relweek", "week", offset=offset)
    return _Mention(m.span(), "relmonth", "month", offset=offset)


def _x_en_day_word(m: re.Match[str]) -> _Mention | None:
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]
    return _Mention(m.span(), "relday", "day", offset=offset)


def _x_skip(m: re.Match[str]) -> _Mention | None:
    return _Mention(m.span(), "skip", "period")


def _x_en_quarter(m: re.Match[str]) -> _Mention | None:
    token = m["q"].lower()
    quarter = int(token[0]) if token[0].isdigit() else _EN_ORDINALS.get(token, 0)
    if not 1 <= quarter <= 4:
        return None
    year, rel = _year_of(m)
    return _shape(m, "quarter", 3 * quarter - 2, 1, 3 * quarter, year=year, rel=rel)


def _x_en_first_n(m: re.Match[str]) -> _Mention | None:
    count = _number(m["n"])
    months = count * 3 if m["unit"].lower().startswith("quarter") else count
    if not 2 <= months <= 11 or (m["unit"].lower().startswith("quarter") and count > 3):
        return None
    year, rel = _year_of(m)
    return _shape(m, "period", 1, 1, months, year=year, rel=rel)


def _x_en_half(m: re.Match[str]) -> _Mention | None:
    half = 1 if m["h"].lower() in ("first", "1") else 2
    year, rel = _year_of(m)
    return _shape(m, "half", 6 * half - 5, 1, 6 * half, year=year, rel=rel)


def _plan_start(number: int) -> int:
    """First year of the Nth Five-Year Plan: 1953, 1958, then 1966 on (1963-65 was an interlude)."""
    return 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)


def _x_plan(m: re.Match[str]) -> _Mention | None:
    token = m["n"].lower()
    number = int(token.rstrip("stndrh")) if token[0].isdigit() else _number(token)
    if not 1 <= number <= 30:
        return None
    first = _plan_start(number)
    if m.groupdict().get("py1") and (int(m["py1"]), int(m["py2"]) % 100) != (
        first,
        (first + 4) % 100,
    ):
        return None
    return _Mention(m.span(), "plan", "period", first, year2=first + 4)


def _x_years(m: re.Match[str]) -> _Mention | None:
    start, pre = _range_start(m)
    if m["sep"].strip().lower() == "and" and pre != "between":
        return None
    first, last_text = int(m["y"]), m["y2"]
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    if not first < last <= first + 100:
        return None
    return _Mention((start, m.end()), "years", "period", first, year2=last)


def _wordset(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


_YEAR_DENY_BEFORE = _wordset(
    "than over nearly almost about around approximately approx roughly some least most total "
    "totaling totalling exceeding exceeded exceed exceeds reached reaching reach reaches no "
    "number room article section page pages vol volume decree order flight item chapter rule "
    "gate terminal line platform route bus grade class model type iso gb code plus minus "
    "additional another extra",
)
_YEAR_ALLOW_AFTER = _wordset(
    "and or to through till until when while as with was is were are had has have will would "
    "could should the a an in on at by for from of compared versus vs before after onwards "
    "onward level levels target targets goal goals plan plans budget edition session census "
    "olympics figure figures data report survey season version deadline agenda summit forum "
    "games expo fiscal alone itself saw marked",
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s{0,3}$")
_WORD_AFTER = re.compile(r"\s{0,2}([a-z]+)")


def _x_year(m: re.Match[str]) -> _Mention | None:
    """A bare year, unless its neighbours make it a count or a number ("over 2000 firms")."""
    text, start, end = m.string, m.start(), m.end()
    before = text[max(0, start - 24) : start]
    stripped = before.rstrip()
    if stripped and stripped[-1] in "$¥€£#+":
        return None
    if before.endswith(("-", "/")) and len(before) > 1 and before[-2].isdigit():
        return None
    words = before.lower().split()
    if words:
        last = _WORD_BEFORE.search(stripped.lower())
        previous = last.group(1) if last else ""
        if previous in _YEAR_DENY_BEFORE:
            return None
        if len(words) > 1 and (previous, words[-2]) in (
            ("of", "total"),
            ("to", "up"),
            ("of", "number"),
        ):
            return None
    after = text[end : end + 24]
    if after[:1] in ("%", "‰") or after.lstrip(" ")[:1].isdigit():
        return None
    nxt = after.lstrip(" ")[:1]
    if nxt and "\u3400" <= nxt <= "\u9fff":
        return None
    if nxt in ("\r", "\n") and after.lstrip(" \r\n")[:1] in ("十", "百", "千", "万", "亿"):
        return None  # 2100 / 万 hard-wrapped: a number
    word = _WORD_AFTER.match(after)
    if word and word.group(1) not in _YEAR_ALLOW_AFTER:
        return None
    return _Mention(m.span(), "shape", "year", int(m["y"]))


def _x_year_month(m: re.Match[str]) -> _Mention | None:
    month = int(m["m"])
    return _shape(m, "month", month, 1, month, year=int(m["y"]))


def _x_cn(m: re.Match[str]) -> _Mention | None:
    g = m.groupdict()
    year: int | None = None
    rel: int | None = None
    if g.get("y"):
        year = int(g["y"])
    elif g.get("ycn"):
        year = _number(g["ycn"])
        if not 1900 <= year <= 2100:
            return None
    elif g.get("rel"):
        rel = _REL_YEARS[g["rel"]]
    if g.get("rm"):
        month, day = _number(g["rm"]), _number(g["rd"])
        if not g.get("rm2"):
            return _days_of_month(m, month, day, _number(g["rd2"]), year, rel)
        last = (_number(g["rm2"]), _number(g["rd2"]))
        end_year = int(g["ry2"]) if g.get("ry2") else None
        return _day_range(m, (month, day), last, year, end_year, rel)
    if g.get("m"):
        month, day = _number(g["m"]), _number(g["d"])
        return _shape(m, "day", month, day, month, day, year=year, rel=rel)
    if g.get("m1"):
        first, last = _number(g["m1"]), _number(g["m2"])
        if last <= first:
            return None
        return _shape(m, "period", first, 1, last, year=year, rel=rel)
    if g.get("mo"):
        month = _number(g["mo"])
        if g.get("xun"):
            first, last = _THIRDS[g["xun"]]
            return _shape(m, "period", month, first, month, last, year=year, rel=rel)
        return _shape(m, "month", month, 1, month, year=year, rel=rel)
    if g.get("q"):
        quarter = _number(g["q"])
        return _shape(m, "quarter", 3 * quarter - 2, 1, 3 * quarter, year=year, rel=rel)
    if g.get("nq"):
        return _shape(m, "period", 1, 1, 3 * _number(g["nq"]), year=year, rel=rel)
    if g.get("h"):
        first = 1 if g["h"] == "上" else 7
        return _shape(m, "half", first, 1, first + 5, year=year, rel=rel)
    if g.get("n"):
        count = _number(g["n"])
        if not 2 <= count <= 11:
            return None
        return _shape(m, "period", 1, 1, count, year=year, rel=rel)
    if year is None and rel is None:
        return None
    return _shape(m, "year", 1, 1, 12, year=year, rel=rel)


_CN_RELATIVE = {
    "本月": ("relmonth", 0), "这个月": ("relmonth", 0), "上月": ("relmonth", -1),
    "上个月": ("relmonth", -1), "下月": ("relmonth", 1), "下个月": ("relmonth", 1),
    "今天": ("relday", 0), "昨天": ("relday", -1), "明天": ("relday", 1),
    "本周": ("relweek", 0), "这周": ("relweek", 0), "这个星期": ("relweek", 0),
    "本星期": ("relweek", 0), "上周": ("relweek", -1), "上个星期": ("relweek", -1),
    "下周": ("relweek", 1), "下个星期": ("relweek", 1),
}  # fmt: skip


def _x_cn_relative(m: re.Match[str]) -> _Mention | None:
    kind, offset = _CN_RELATIVE[m["w"]]
    if m["xun"]:  # 下个月上旬
        first, last = _THIRDS[m["xun"]]
        return _Mention(m.span(), kind, "period", d1=first, d2=last, offset=offset)
    if m["d"]:  # 本月20日
        day = _number(m["d"])
        return _Mention(m.span(), kind, "day", d1=day, d2=day, offset=offset)
    granularity = {"relmonth": "month", "relweek": "week"}.get(kind, "day")
    return _Mention(m.span(), kind, granularity, offset=offset)


def _x_cn_weekday(m: re.Match[str]) -> _Mention | None:
    weekday = _CN_WEEKDAYS[m["wd"]]
    if not m["rel"]:
        return _Mention(m.span(), "weekday", "day", weekday=weekday)
    offset = {"本": 0, "这": 0, "上": -1, "下": 1}[m["rel"]]
    return _Mention(m.span(), "relweekday", "day", offset=offset, weekday=weekday)


def _x_cn_day(m: re.Match[str]) -> _Mention | None:
    day = int(m["d"])
    return _Mention(m.span(), "dayonly", "day", d1=day) if 1 <= day <= 31 else None


_PLAN_EN = r"(?:[Ff]ive|FIVE)[\s-]{1,2}(?:[Yy]ear|YEAR)\s{1,2}(?:[Pp]lan|PLAN)|FYP"
# Every match of a pattern contains a trigger of one of its kinds: a year (1900-2100), an
# English month or weekday name, a keyword ("year", "half", "Five"...) or a Chinese date
# character.
# Long texts are scanned only in windows around triggers, which holds every match whole: a
# match starts at most _BEFORE characters before its trigger and ends (lookahead included)
# well within _AFTER characters after it, as every repetition in the patterns is bounded.
# Patterns of kind "whole" are run on the whole text: each starts with a literal (its
# lookbehind follows it), which the regex engine finds as fast as str.find would.
_BEFORE, _AFTER = 60, 120
_WINDOWED_FROM = 4000  # shorter texts are scanned whole
# Trigger patterns begin with a literal, which the regex engine finds as fast as str.find
# (a leading class or lookbehind would make it try every position): where a year may start
# (a superset of _Y), where a month name may start (checked by _MONTH_TOKEN).
_YEAR_TOKEN = re.compile(r"(?:19|20|21)(?<![0-9]..)")
_MONTH_START = re.compile(
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
)
_MONTH_TOKEN = re.compile("(?=[JFMASOND])" + _month_re("mon"))
_WEEKDAY_TOKEN = re.compile("day(?:" + "|".join(f"(?<={name})" for name in _WEEKDAYS) + ")")
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "word": (
        "year", "Year", "YEAR", "month", "Month", "MONTH", "quarter", "Quarter", "QUARTER",
        "half", "Half", "HALF", "oday", "ODAY", "esterday", "ESTERDAY", "omorrow", "OMORROW",
        "five", "Five", "FIVE", "FYP", "week",
    ),
    "cjk": tuple("年月日季半天五期周星"),
}  # fmt: skip


def _trigger_positions(folded: str, kind: str) -> list[int]:
    if kind == "year":
        return [m.start() for m in _YEAR_TOKEN.finditer(folded)]
    if kind == "month":
        month = _MONTH_TOKEN.match
        return [m.start() for m in _MONTH_START.finditer(folded) if month(folded, m.start())]
    if kind == "weekday":
        return [m.start() for m in _WEEKDAY_TOKEN.finditer(folded)]
    positions = []
    for word in _TRIGGERS[kind]:  # a find per word beats one alternation of them all
        at = folded.find(word)
        while at >= 0:
            positions.append(at)
            at = folded.find(word, at + 1)
    return positions


def _windows(positions: list[int], length: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for at in sorted(positions):
        low, high = max(0, at - _BEFORE), min(length, at + _AFTER)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


_Extractor = Callable[[re.Match[str]], _Mention | None]
_PATTERNS: tuple[tuple[re.Pattern[str], _Extractor, tuple[str, ...]], ...] = tuple(
    # the lookahead on the first character lets the regex engine skip ahead fast
    (re.compile(f"(?=[{lead}])" + pattern if lead else pattern), extract, tuple(kinds.split()))
    for pattern, extract, kinds, lead in (
        # 2025-08-26, 2025/8/26, 2025.08.26, with an optional time of day
        (
            rf"(?<![0-9.])(?P<y>{_Y})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>{_D})"
            rf"(?![0-9])(?:(?:T|\s{{1,3}}){_TIME}(?:\.[0-9]{{1,6}})?(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?",
            _x_iso,
            "year",
            "12",
        ),
        # 2021-01-01/2025-12-31, 2025-01/2025-07: ISO 8601 intervals
        (
            rf"(?<![0-9.])(?P<y>{_Y})-(?P<m>1[0-2]|0[1-9])(?:-(?P<d>{_D}))?\s{{0,2}}(?:/|--)\s{{0,2}}"
            rf"(?P<y2>{_Y})-(?P<m2>1[0-2]|0[1-9])(?:-(?P<d2>{_D}))?(?![0-9])",
            _x_interval,
            "year",
            "12",
        ),
        # Aug. 25, 2025 / December 16th, 2025 10:30 / Dec. 18 / Aug. 25-27, 2025 / Dec. 3 to 5
        (
            rf"{_month_re('mon')}\s{{0,2}}(?P<d>{_D}){_DAY_SUFFIX}"
            rf"(?:{_DAY_TO}(?P<d2>{_D}){_DAY_SUFFIX}{_NOT_A_COUNT})?{_tail()}"
            rf"(?:,?\s{{1,2}}{_TIME}(?:\s?[ap]\.?m\.?)?)?",
            _x_en_mdy,
            "month",
            "JFMASOND",
        ),
        # Nov. 28 to Dec. 2, 2025 / from December 28, 2025 through January 3, 2026
        (
            rf"{_month_re('mon')}\s{{0,2}}(?P<d>{_D}){_DAY_SUFFIX}"
            rf"(?:\s{{0,2}},?\s{{0,2}}(?P<y1>{_Y}){_END_Y})?(?P<sep>{_DAY_TO}|\s{{1,2}}and\s{{1,2}})"
            rf"{_month_re('mon2')}\s{{0,2}}(?P<d2>{_D}){_DAY_SUFFIX}{_tail()}",
            _x_en_day_range,
            "month",
            "JFMASOND",
        ),
        # 25 August 2025 / the 14th of March / 3-5 December
        (
            rf"(?<![0-9.,])(?P<d>{_D}){_DAY_SUFFIX}(?:{_DAY_TO}(?P<d2>{_D}){_DAY_SUFFIX})?"
            rf"\s{{1,2}}(?:of\s{{1,2}})?{_month_re('mon')}{_tail()}",
            _x_en_dmy,
            "month",
            "0-9",
        ),
        # August 2025 / April this year / April of last year
        (
            rf"{_month_re('mon')}\s{{0,2}}(?:,\s{{0,2}}|of\s{{1,2}})?"
            rf"(?:(?P<y>{_Y}){_END_Y}|(?P<rel>{_REL})\s{{1,2}}year(?![A-Za-z-]))",
            _x_en_month,
            "month",
            "JFMASOND",
        ),
        # in April / since March / by the end of June / as of end-September; a third of a
        # month, with or without a year: early October / mid-Oct. 2025 / late October this year
        (
            r"(?<![A-Za-z])(?:(?P<third>[Ee]arly|EARLY|[Mm]id|MID|[Ll]ate|LATE)(?:\s{1,2}|\s{0,2}-\s{0,2})"
            r"|(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Dd]uring|[Bb]efore"
            r"|[Aa]fter|[Ff]rom|[Ee]nd(?:\s{1,2}of)?|beginning\s{1,2}of|start\s{1,2}of)[\s-]{1,2})"
            rf"{_month_re('mon')}(?(third)(?!\s{{0,2}}{_D}{_DAY_SUFFIX}){_tail()}|(?!\s{{0,2}}[0-9]))",
            _x_en_month,
            "month",
            "IiSsBbUuTtDdAaFfEeMmLl",
        ),
        # a month name standing alone as the whole text (a claim's "expect: December")
        (rf"\A\s{{0,8}}{_month_re('mon')}\s{{0,8}}\Z", _x_en_month, "", ""),
        # From January to July this year / January-July / between January and March
        (
            rf"{_month_re('mon')}"
            rf"(?P<sep>\s{{0,2}}-\s{{0,2}}|\s{{1,2}}(?:to|through|till|until|and)\s{{1,2}}){_month_re('mon2')}"
            rf"(?!\s{{0,2}}[0-9]{{1,2}}(?![0-9]))"
            rf"{_tail()}(?:\s{{1,2}}period(?![A-Za-z]))?",
            _x_en_mrange,
            "month",
            "JFMASOND",
        ),
        # the same period last year: a comparison basis, never a date of its own
        (
            r"(?<![A-Za-z])(?:the\s{1,2})?same\s{1,2}period\s{1,2}(?:of\s{1,2})?(?:last|the\s{1,2}previous)"
            r"\s{1,2}year(?![A-Za-z])",
            _x_skip,
            "word",
            "ts",
        ),
        (
            r"(?<![A-Za-z])(?P<word>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he\s{1,2}current)\s{1,2}(?P<unit>year|month|week)"
            r"(?![A-Za-z]|-(?:on|to|end|round|long|old)\b)",
            _x_en_rel,
            "word",
            "TtLlNn",
        ),
        (
            r"(?<![A-Za-z])(?P<w>[Tt]oday|[Yy]esterday|[Tt]omorrow)(?![A-Za-z])",
            _x_en_day_word,
            "word",
            "TtYy",
        ),
        # Tuesday / this Friday / last Monday; "on Mondays" and "every Monday" are habits
        (
            r"(?<![A-Za-z])(?:(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s{1,2})?(?<![Ee]very\s)"
            rf"(?P<wd>{'|'.join(_WEEKDAYS)})(?![A-Za-z])",
            _x_en_weekday,
            "weekday",
            "TtLlNnMWFS",
        ),
        # the first quarter (of 2025) / Q1 2025 / 2025 Q1
        (
            r"(?<![A-Za-z])(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|First|Second|Third|Fourth)"
            rf"[\s-]{{1,2}}[Qq]uarter(?![A-Za-z]){_tail()}{_NOT_OF_OTHER}",
            _x_en_quarter,
            "word",
            "fstFST1-4",
        ),
        (
            rf"Q(?<![A-Za-z0-9]Q)(?P<q>[1-4])(?![0-9A-Za-z])(?:\s{{0,2}},?\s{{0,2}}(?P<y>{_Y}){_END_Y}"
            rf"|\s{{1,2}}(?:of\s{{1,2}})?(?P<rel>{_REL})\s{{1,2}}year(?![A-Za-z-]))?",
            _x_en_quarter,
            "whole",
            "",
        ),
        (
            rf"(?<![0-9])(?P<y>{_Y})\s{{0,2}}-?\s{{0,2}}Q(?P<q>[1-4])(?![0-9A-Za-z])",
            _x_en_quarter,
            "year",
            "12",
        ),
        # the first seven months / the first three quarters of this year / the First Three Quarters
        (
            rf"(?<![A-Za-z])[Ff]irst\s{{1,2}}(?P<n>(?i:{_EN_NUM_WORDS})|1[01]|[2-9])\s{{1,2}}"
            rf"(?P<unit>[Mm]onths|[Qq]uarters)(?![A-Za-z]){_tail()}{_NOT_OF_OTHER}",
            _x_en_first_n,
            "word",
            "Ff",
        ),
        # the first half (of 2025) / H1 2025
        (
            rf"(?<![A-Za-z])(?P<h>first|second|First|Second)[\s-]{{1,2}}[Hh]alf(?![A-Za-z]){_tail()}"
            rf"{_NOT_OF_OTHER}",
            _x_en_half,
            "word",
            "fsFS",
        ),
        (
            rf"H(?<![A-Za-z0-9]H)(?P<h>[12])(?![0-9A-Za-z])(?:\s{{0,2}},?\s{{0,2}}(?P<y>{_Y}){_END_Y})?",
            _x_en_half,
            "whole",
            "",
        ),
        # the 14th Five-Year Plan (period) (2021-2025)
        (
            rf"(?<![A-Za-z0-9])(?P<n>[0-9]{{1,2}}(?:st|nd|rd|th)|{_EN_ORD_WORDS})\s{{1,2}}(?:{_PLAN_EN})"
            rf"(?:\s{{1,2}}(?:period|era)(?![A-Za-z]))?"
            rf"(?:\s{{0,2}}\(\s{{0,2}}(?P<py1>{_Y})\s{{0,2}}-\s{{0,2}}(?P<py2>{_Y}|[0-9]{{2}})\s{{0,2}}\))?",
            _x_plan,
            "word",
            "0-9A-Za-z",
        ),
        # 2021-2025 / 2021 to 2025 / between 2021 and 2025 / 2021-25 / 2021-2025年
        (
            rf"(?<![0-9.,/-])(?P<y>{_Y})(?:\s{{0,2}}年)?"
            rf"(?P<sep>\s{{0,2}}(?:-|至|到)\s{{0,2}}|\s{{1,2}}(?:to|through|until|and)\s{{1,2}})"
            rf"(?P<y2>{_Y}|[0-9]{{2}})(?![0-9]|[.,][0-9]|\s{{0,2}}-\s{{0,2}}[0-9])(?:\s{{0,2}}年(?!\s{{0,2}}[0-9]))?",
            _x_years,
            "year",
            "12",
        ),
        # 2025-08: a month, when it cannot be a range of years
        (
            rf"(?<![0-9.,/-])(?P<y>{_Y})[-/](?P<m>0[1-9]|1[0-2])(?![0-9]|[-/.][0-9])",
            _x_year_month,
            "year",
            "12",
        ),
        # a bare year: in 2024, compared to 2020
        (
            rf"(?<![0-9A-Za-z.,])(?<![0-9][.,])(?P<y>{_Y}){_END_Y}(?!\s{{0,2}}年)",
            _x_year,
            "year",
            "12",
        ),
        # 2025年8月25日 / 二〇二五年八月二十五日 / 今年1-7月 / 2025年上半年 / 去年
        (
            rf"(?<![0-9])(?:{_CN_YEAR}|{_CN_REL})\s{{0,2}}{_CN_ELEMENT}?",
            _x_cn,
            "cjk",
            "0-9〇零Oo一二三四五六七八九今去明前",
        ),
        # 12月18日 / 1-7月 / 前7个月 / 一季度 / 上半年, the year from context
        (
            rf"(?<![0-9年])(?<!十){_CN_ELEMENT}",
            _x_cn,
            "cjk",
            "0-9一二三四五六七八九十第前上下",
        ),
        # 25日: the day of a month given by context
        (
            r"(?<![0-9月第每])(?P<d>3[01]|[12][0-9]|0?[1-9])\s{0,2}日"
            r"(?!\s{0,2}(?:内|以内|之内|左右|起算))",
            _x_cn_day,
            "cjk",
            "0-9",
        ),
        (r"(?:去年|上年)同期", _x_skip, "cjk", "去上"),
        # 本月 / 上个月 / 今天 / 昨天 / 本月20日 / 上月5日 / 下个月上旬
        (
            r"(?P<w>本月|这个月|上个?月|下个?月|今天|昨天|明天|本周|这周|上周|下周"
            r"|(?:这|上|下)个星期|本星期)"
            rf"(?:(?<=月)\s{{0,2}}(?:(?P<d>{_CN_D})\s{{0,2}}[日号]|(?P<xun>[上中下])旬)|(?!份?[0-9])(?!年))",
            _x_cn_relative,
            "cjk",
            "本这上下今昨明",
        ),
        # 周二 / 星期二 / 上周五 / 下个星期一; not 一周, 每周 or 几个星期, nor a count after
        # 周 (周二十日, 本周三次, 这周一直)
        (
            r"(?:(?P<rel>[本这上下])个?|(?<![0-9一二三四五六七八九十两几每隔数半多第个]))(?:周|星期)"
            r"(?P<wd>[一二三四五六日天])(?![一二三四五六七八九十百千万两〇零次个项家件批轮场倍])"
            r"(?!(?<=一)[直起些样定般])(?!\s{0,2}[0-9]{1,2}(?![0-9:时点]))",
            _x_cn_weekday,
            "cjk",
            "本这上下周星",
        ),
        # 十四五 / 第十四个五年规划
        (
            r"(?<![一二三四五六七八九十百千万两〇零0-9])(?P<n>十[一二三四五六七八九])五"
            r"(?:规划|时期|期间)?(?![万亿千百十个岁人天年月日%点0-9一二三四五六七八九])",
            _x_plan,
            "cjk",
            "十",
        ),
        (
            r"第(?P<n>十?[一二三四五六七八九十]|二十)个\s{0,2}五年"
            r"(?:规划|计划)(?:时期|期间)?",
            _x_plan,
            "cjk",
            "第",
        ),
        # 24/7 and 7×24 (hours): clock phrases, not fractions and not dates
        (r"24(?<![0-9/]24)\s{0,2}/\s{0,2}7(?![0-9/])", _x_skip, "whole", ""),
        (r"7(?<![0-9]7)\s{0,2}[×xX*]\s{0,2}24(?![0-9])(?:\s{0,2}小时)?", _x_skip, "whole", ""),
    )
)


# Texts from this long have their scan kept: a document or a headline is read three
# times (figures, dates, dateline), and a headline's scan costs mostly its fixed cost.
_REMEMBERED_FROM = 200


def _mentions(text: str, *, windowed: bool | None = None) -> tuple[_Mention, ...]:
    """Every mention in ``text``, sorted, longest first where two overlap.

    A long text is scanned once for its three readers (the figure parser skipping
    dates, find_dates and detect_document_dates); mentions are frozen, so shared.
    """
    if len(text) < _REMEMBERED_FROM:  # an expect or a short quote: cheap, seldom read twice
        return _scan(text, windowed)
    return _scan_document(text, windowed)


@lru_cache(maxsize=4096)  # a corpus' documents are read in no useful order; see forget_documents
def _scan_document(text: str, windowed: bool | None) -> tuple[_Mention, ...]:
    return _scan(text, windowed)


def forget_documents() -> None:
    """Drop the mentions kept for long texts (a run calls this when it is over)."""
    _scan_document.cache_clear()


def _scan(text: str, windowed: bool | None) -> tuple[_Mention, ...]:
    folded = _fold(text)
    if windowed is None:
        windowed = len(folded) >= _WINDOWED_FROM
    positions = {
        kind: _trigger_positions(folded, kind)
        for kind in ("year", "month", "word", "cjk", "weekday")
    }
    whole = [(0, len(folded))]
    regions: dict[tuple[str, ...], list[tuple[int, int]]] = {(): whole, ("whole",): whole}
    found: list[_Mention] = []
    for pattern, extract, kinds in _PATTERNS:
        if kinds not in regions:
            hits = [at for kind in kinds for at in positions[kind]]
            if not hits:
                regions[kinds] = []
            elif windowed:
                regions[kinds] = _windows(hits, len(folded))
            else:
                regions[kinds] = [(0, len(folded))]
        for low, high in regions[kinds]:
            for match in pattern.finditer(folded, low, high):
                mention = extract(match)
                if mention is not None and mention.span[1] > mention.span[0]:
                    found.append(mention)
    found.sort(key=lambda c: (c.span[0] - c.span[1], c.span[0]))
    starts: list[int] = []
    chosen: list[_Mention] = []
    for mention in found:
        start, end = mention.span
        index = bisect_left(starts, start)
        if index and chosen[index - 1].span[1] > start:
            continue
        if index < len(chosen) and chosen[index].span[0] < end:
            continue
        starts.insert(index, start)
        chosen.insert(index, mention)
    if any(mention.kind in _WEEKDAY_KINDS for mention in chosen):
        chosen = _without_named_weekdays(folded, chosen)
    return tuple(chosen)


_WEEKDAY_KINDS = ("weekday", "relweekday")
_BETWEEN_DAY_AND_WEEKDAY = re.compile(r"[\s,()]{0,4}")


def _without_named_weekdays(folded: str, chosen: list[_Mention]) -> list[_Mention]:
    """Drop each weekday that stands beside a day ("Tuesday, Nov. 18", "11月18日（星期二）"):
    the day is the mention, and the weekday, placed on its own, could be another day."""
    kept = []
    for index, mention in enumerate(chosen):
        if mention.kind in _WEEKDAY_KINDS:
            beside = chosen[max(0, index - 1) : index] + chosen[index + 1 : index + 2]
            if any(
                other.granularity == "day"
                and other.kind not in _WEEKDAY_KINDS
                and _BETWEEN_DAY_AND_WEEKDAY.fullmatch(
                    folded,
                    min(mention.span[1], other.span[1]),
                    max(mention.span[0], other.span[0]),
                )
                for other in beside
            ):
                continue
        kept.append(mention)
    return kept


def date_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of every date or period mention in ``text``.

    Regular expressions only (no dateparser), so that the figure parser can skip
    dates cheaply. Clock phrases such as "24/7" are included: they are not figures.
    """
    if not isinstance(text, str) or not text:
        return []
    return [mention.span for mention in _mentions(text)]


# -- placing mentions on the calendar -----------------------------------------------------------
# A yearless date is the occurrence nearest to base; a future one counts only within this
# many days, so "Dec. 18" said in August is this December and "April" is last April.
_FUTURE_WINDOW = 183
_NEXT_WITHIN = 31  # a yearless period is next year's only when that one begins this soon
_MAX_PARSE_LENGTH = 10_000
_NEEDS_BASE = "needs a base date to be placed (it has no year of its own)"


def _bounds(m: _Mention, year: int) -> tuple[dt.date, dt.date] | None:
    try:
        start = dt.date(year, m.m1, m.d1)
        end_year = year + 1 if (m.m2, m.d2 or 31) < (m.m1, m.d1) else year
        end_day = m.d2 or calendar.monthrange(end_year, m.m2)[1]
        return start, dt.date(end_year, m.m2, end_day)
    except (ValueError, OverflowError):
        return None


def _nearest(
    candidates: list[tuple[dt.date, dt.date] | None], base: dt.date
) -> tuple[dt.date, dt.date] | None:
    best: tuple[dt.date, dt.date] | None = None
    best_key: tuple[int, int, int] | None = None
    for candidate in candidates:
        if candidate is None:
            continue
        start, end = candidate
        if start <= base <= end:
            return candidate
        if start > base:
            gap = (start - base).days
            key = (0 if gap <= _FUTURE_WINDOW else 1, gap, 0)
        else:
            key = (0, (base - end).days, 1)
        if best_key is None or key < best_key:
            best, best_key = candidate, key
    return best


def _this_period(m: _Mention, base: dt.date) -> tuple[dt.date, dt.date] | None:
    """A yearless month, quarter, half or run of months: the one of base's year, unless it
    starts more than ~6 months after base (then last year's: "the fourth quarter" said in
    February), or it ended more than ~6 months before base and next year's starts within
    a month ("一季度" said in late December). So "上半年" said in August is this year's first
    half, and "一季度" in a November review of the year is this year's: briefings report
    far more often than they plan.
    """
    window = dt.timedelta(days=_FUTURE_WINDOW)
    current = _bounds(m, base.year)
    if current is None:
        return None
    if current[0] > base + window:
        return _bounds(m, base.year - 1)
    if current[1] < base - window:
        following = _bounds(m, base.year + 1)
        if following is not None and following[0] <= base + dt.timedelta(days=_NEXT_WITHIN):
            return following
    return current


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _place(m: _Mention, base: dt.date | None) -> tuple[dt.date, dt.date, bool] | None:
    """Start, end and whether base was used; None when the mention cannot be placed."""
    try:
        if m.kind in ("skip", "invalid"):
            return None
        if m.kind in ("years", "plan"):
            return dt.date(m.year or 1, 1, 1), dt.date(m.year2 or 1, 12, 31), False
        if m.kind == "interval":
            start = dt.date(m.year or 1, m.m1, m.d1)
            return start, dt.date(m.year2 or 1, m.m2, m.d2), False
        if base is None:
            if m.kind != "shape" or m.year is None:
                return None
        elif m.kind == "relday":
            day = base + dt.timedelta(days=m.offset)
            return day, day, True
        elif m.kind == "relweek":
            monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=m.offset)
            return monday, monday + dt.timedelta(days=6), True
        elif m.kind == "relmonth":
            year, month = _shift_month(base, m.offset)
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, m.d1), dt.date(year, month, m.d2 or last), True
        elif m.kind == "weekday":
            # the nearest such day: three days back or ahead at most (a week has no ties)
            ahead = (m.weekday - base.weekday()) % 7
            day = base + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
            return day, day, True
        elif m.kind == "relweekday":
            monday = base - dt.timedelta(days=base.weekday())
            day = monday + dt.timedelta(weeks=m.offset, days=m.weekday)
            return day, day, True
        elif m.kind == "dayonly":
            days = []
            for months in range(-2, 3):
                year, month = _shift_month(base, months)
                if _valid_day(month, m.d1, year):
                    days.append((dt.date(year, month, m.d1),) * 2)
            found = _nearest(days, base)
            return (*found, True) if found else None
        if m.year is not None:
            bounds = _bounds(m, m.year)
            return (*bounds, False) if bounds else None
        if base is None:
            return None
        if m.rel is not None:
            bounds = _bounds(m, base.year + m.rel)
        elif m.granularity == "day":
            bounds = _nearest([_bounds(m, base.year + k) for k in range(-4, 5)], base)
        else:
            bounds = _this_period(m, base)
        return (*bounds, True) if bounds else None
    except (ValueError, OverflowError):
        return None


def _needs_base(m: _Mention) -> bool:
    return m.kind in ("relday", "relweek", "relmonth", "dayonly", "weekday", "relweekday") or (
        m.kind == "shape" and m.year is None
    )


def _value(m: _Mention, text: str, base: dt.date | None) -> DateValue | None:
    placed = _place(m, base)
    if placed is None:
        return None
    start, end, relative = placed
    return DateValue(start, end, text[m.span[0] : m.span[1]], m.span, m.granularity, relative)


def _as_base(base: object) -> dt.date | None:
    if isinstance(base, dt.datetime):
        return base.date()
    return base if isinstance(base, dt.date) else None


def find_dates(text: str, base: dt.date | None = None, lang: str | None = None) -> list[DateValue]:
    """Every date or period in ``text``, in order, with spans into ``text``.

    Yearless and relative mentions are placed against ``base`` and skipped when
    it is None. ``lang`` is accepted for symmetry with the figure parser: both
    languages' forms are recognised in any text, since summaries mix them.
    """
    if not isinstance(text, str) or not text:
        return []
    day = _as_base(base)
    values = (_value(mention, text, day) for mention in _mentions(text))
    return [value for value in values if value is not None]


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:77] + "..."


def _free_form(text: str, lang: str | None) -> DateValue | None:
    """A full date in a form the regexes do not know ("25.08.2025"), read by dateparser.

    The day must not depend on the day/month order: "03/04/2025" is refused.
    """
    stripped = text.strip()
    if len(stripped) > 64 or not any(c.isdigit() for c in stripped):
        return None
    try:
        import dateparser
    except Exception:
        return None
    if lang not in ("en", "zh"):
        from .text import detect_lang

        lang = detect_lang(stripped)
    readings = set()
    for order in ("MDY", "DMY"):
        try:
            found = dateparser.parse(
                stripped,
                languages=[lang],
                settings={
                    "PARSERS": ["custom-formats", "absolute-time"],
                    "REQUIRE_PARTS": ["day", "month", "year"],
                    "STRICT_PARSING": True,
                    "DATE_ORDER": order,
                    "PREFER_LOCALE_DATE_ORDER": False,
                },
            )
        except Exception:
            return None
        if found is None:
            return None
        readings.add(found.date())
    if len(readings) != 1:
        return None
    day = readings.pop()
    start = len(text) - len(text.lstrip())
    return DateValue(day, day, stripped, (start, start + len(stripped)), "day", False)


def parse_date(text: str, base: dt.date | None = None, lang: str | None = None) -> DateValue:
    """The one date or period ``text`` states (a phrase, an ISO date or a short quote).

    Raises :class:`BriefcheckValueError`, quoting the text, when it states none,
    several, an impossible date, or a yearless one without ``base``.
    """
    if not isinstance(text, str):
        raise BriefcheckValueError(f"not a date: expected text, got {type(text).__name__}")
    if not text.strip():
        raise BriefcheckValueError("not a date: the text is empty")
    if len(text) > _MAX_PARSE_LENGTH:
        raise BriefcheckValueError(
            f"not a date: '{_quote(text)}' is {len(text)} characters long, too long for one date"
        )
    if base is not None and _as_base(base) is None:
        raise BriefcheckValueError(f"base for '{_quote(text)}' is not a date: {base!r}")
    day = _as_base(base)
    mentions = _mentions(text)
    dated = [m for m in mentions if m.kind != "skip"]
    if not dated:
        free = _free_form(text, lang)
        if free is not None:
            return free
        if mentions:
            what = text[mentions[0].span[0] : mentions[0].span[1]]
            raise BriefcheckValueError(
                f"not a date: '{_quote(what)}' in '{_quote(text)}' names a clock phrase "
                "or a comparison period, not a date"
            )
        raise BriefcheckValueError(f"not a date: no date or period in '{_quote(text)}'")
    if len(dated) > 1:
        seen = ", ".join(f"'{_quote(text[a:b])}'" for a, b in (m.span for m in dated[:4]))
        raise BriefcheckValueError(
            f"more than one date in '{_quote(text)}': {seen}; quote exactly one"
        )
    mention = dated[0]
    value = _value(mention, text, day)
    if value is not None:
        return value
    what = _quote(text[mention.span[0] : mention.span[1]])
    if day is None and _needs_base(mention):
        raise BriefcheckValueError(f"cannot place '{what}' in '{_quote(text)}': it {_NEEDS_BASE}")
    raise BriefcheckValueError(f"not a date: '{what}' in '{_quote(text)}' {mention.problem}")


# -- a document's own dates ---------------------------------------------------------------------
@dataclass(frozen=True)
class DocumentDates:
    """When a document was published and when the event it reports took place."""

    published: DateValue | None = None
    event: DateValue | None = None


_TOP = 3000  # datelines sit in the page header
# A title near the top that names a briefing and its date, "Regular Press Conference of
# the Ministry of Commerce (October 16, 2025)", "商务部召开例行新闻发布会（2025年10月16日）",
# dates the event when no "Date:" label does.
_TITLE_TOP = 1000
_BRIEFING_WORD = re.compile(
    r"(?<![A-Za-z])(?:press|news|media)\s+(?:conference|briefing)s?(?![A-Za-z])"
    r"|(?<![A-Za-z])briefing(?![A-Za-z])|发布会|吹风会|记者会|见面会",
    re.IGNORECASE,
)
_EVENT_LABEL = re.compile(
    r"^\s*(?:Date|Time|Date\s{0,2}(?:and|&)\s{0,2}time|Time\s{0,2}(?:and|&)\s{0,2}date|Held\s+on"
    r"|时间|日期|会议时间|召开时间|举行时间|发布会时间)\s{0,2}[:：]",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(
    r"(?:^|[|·丨｜•])\s{0,3}(?:发布时间|发布日期|发表时间|发表日期|发稿时间|更新时间|出版日期|刊发时间|稿件日期"
    r"|(?<![A-Za-z])(?:Published|Posted|Updated|Last\s+updated|Release\s+date|Released"
    r"|Publication\s+date|Date\s+published|Pub\s+date)(?:\s+(?:on|at))?(?![A-Za-z]))\s{0,2}[:：]?",
    re.IGNORECASE,
)
_SOURCE_LABEL = re.compile(r"来源\s{0,2}[:：]|(?<![A-Za-z])Source\s{0,2}:", re.IGNORECASE)
_SEPARATORS = "|·丨｜•"
_EDITION = re.compile(r"第\s{0,2}[0-9]{1,3}\s{0,2}版")
_NOISE = re.compile(
    r"(?:[01]?[0-9]|2[0-3])[:：][0-5][0-9](?:[:：][0-5][0-9])?(?:\s?[AaPp]\.?[Mm]\.?)?"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:星期|周|礼拜)[一二三四五六日天]"
    r"|(?:上午|下午|晚上|早上|中午)?\s{0,2}[0-9一二三四五六七八九十]{1,3}\s{0,2}[时点](?:[0-9]{1,2}分)?"
    r"|[\s\W_]",
)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


class _Lines:
    """The lines of a text (split at \\r\\n, \\r or \\n), each a _Line when asked for.

    A document has thousands of lines and a few are looked at twice: the texts and
    start offsets are two lists, built by C code when the text has no \\r.
    """

    def __init__(self, text: str) -> None:
        if "\r" in text:
            breaks = list(re.finditer(r"\r\n|\r|\n", text))
            self.starts = [0, *(match.end() for match in breaks)]
            ends = [*(match.start() for match in breaks), len(text)]
            self.texts = [text[a:b] for a, b in zip(self.starts, ends, strict=True)]
        else:
            self.texts = text.split("\n")
            self.starts = list(accumulate((len(t) + 1 for t in self.texts[:-1]), initial=0))

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index: int) -> _Line:
        start, line = self.starts[index], self.texts[index]
        return _Line(start, start + len(line), line)


def _is_date_line(line: _Line, value: DateValue) -> bool:
    """The line says nothing but the date (a time of day or a weekday may go with it)."""
    rest = line.text[: value.span[0] - line.start] + " " + line.text[value.span[1] - line.start :]
    return not _NOISE.sub("", rest)


def _is_dateline(line: _Line, value: DateValue) -> bool:
    """ "China.org.cn | December 16, 2025", "Ren Min Ri Bao Hai Wai Ban·2025-08-26 00:10"."""
    if len(line.text.strip()) > 120:
        return False
    before = line.text[: value.span[0] - line.start].strip()
    after = line.text[value.span[1] - line.start :].strip()
    touches = before.endswith(tuple(_SEPARATORS)) or after.startswith(tuple(_SEPARATORS))
    if not touches and _EDITION.match(after):
        return True  # a print edition: "（2025年08月26日 第 03 版）"
    return touches and len(_NOISE.sub("", before + after)) <= 60


_TIME_AT_END = re.compile(r"(?:[01]?[0-9]|2[0-3])[:：][0-5][0-9](?:[:：][0-5][0-9])?\s{0,2}[,，]?$")


def _is_header_dateline(line: _Line, value: DateValue) -> bool:
    """A page header that ends with its date after a comma or a bracketed source:
    "(People's Daily Online) 14:30, August 26, 2025", "China.org.cn, December 16, 2025".
    A header saying "... on Aug. 25, 2025" names an event and is not one."""
    before = line.text[: value.span[0] - line.start].rstrip()
    after = line.text[value.span[1] - line.start :]
    if len(line.text.strip()) > 100 or _NOISE.sub("", after):
        return False
    before = _TIME_AT_END.sub("", before).rstrip() or before
    if not before.endswith((",", "，", ")", "）")):
        return False
    return len(_NOISE.sub("", before)) <= 40 and len(before.split()) <= 6


def _full(value: DateValue) -> bool:
    return not value.relative and (
        value.granularity == "day"
        or (value.granularity == "period" and (value.end - value.start).days < 31)
    )


def detect_document_dates(text: str) -> DocumentDates:
    """The publication and event dates a document states about itself.

    published: a labelled line ("发布时间：2025-08-26", "Published: ..."), a source line
    ("来源：人民日报海外版 2025年08月26日"), a dateline or byline ("China.org.cn |
    December 16, 2025", "…·2025-08-26 00:10"), or a line holding only a date near the top.
    event: a "Date:" / "时间：" label with the date on the same or one of the next lines.
    """
    if not isinstance(text, str) or not text:
        return DocumentDates()
    lines = _Lines(text)
    starts = lines.starts
    by_line: dict[int, list[DateValue]] = {}
    for value in find_dates(text):
        if _full(value):
            index = bisect_left(starts, value.span[0] + 1) - 1
            by_line.setdefault(index, []).append(value)

    def after(index: int, offset: int) -> DateValue | None:
        return next((v for v in by_line.get(index, ()) if v.span[0] >= offset), None)

    event: DateValue | None = None
    event_label: tuple[int, int] | None = None
    used: set[int] = set()
    labelled: DateValue | None = None
    sourced: DateValue | None = None
    # Only a line with a full date, or the first "Date:" label, can say anything: the
    # thousands of other lines of a transcript are not looked at.
    first_label = _first_event_label(text, lines)
    for index in sorted({*by_line, *([] if first_label is None else [first_label])}):
        line_text = lines.texts[index]
        short = len(line_text.strip()) <= 160
        published_label = _PUBLISHED_LABEL.search(line_text) if short else None
        if published_label and labelled is None:
            labelled = after(index, starts[index] + published_label.end())
            if labelled is not None:
                used.add(index)
                continue
        if short and sourced is None and _SOURCE_LABEL.search(line_text) and by_line.get(index):
            sourced = by_line[index][0]
            used.add(index)
            continue
        label = _EVENT_LABEL.match(line_text)
        if event is None and event_label is None and label:
            event_label = (index, starts[index] + label.end())
            event = after(index, event_label[1])
            if event is not None:
                used.add(index)
                continue
            if line_text[label.end() :].strip():
                continue
            seen = 0
            for following in range(index + 1, len(lines)):
                if not lines.texts[following].strip():
                    continue
                seen += 1
                candidate = after(following, lines[following].start)
                if candidate is not None and _is_date_line(lines[following], candidate):
                    event = candidate
                    used.add(following)
                    break
                if seen >= 3:
                    break

    if event is None:
        event = _titled_event(lines, by_line, used)
    published = labelled or sourced
    if published is None:
        datelines = [
            v
            for index, values in sorted(by_line.items())
            if index not in used
            for v in values
            if _is_dateline(lines[index], v)
        ]
        top = [v for v in datelines if v.span[0] < _TOP]
        published = top[0] if top else (datelines[-1] if datelines else None)
    if published is None:
        published = next(
            (
                v
                for index, values in sorted(by_line.items())
                if index not in used
                for v in values
                if v.span[0] < _TOP
                and (_is_date_line(lines[index], v) or _is_header_dateline(lines[index], v))
            ),
            None,
        )
    if event is None and event_label is not None and published is not None:
        event = _yearless_event(text, lines, event_label, published.start)
    return DocumentDates(published, event)


def _titled_event(
    lines: _Lines, by_line: dict[int, list[DateValue]], used: set[int]
) -> DateValue | None:
    """The date of a title near the top that names a briefing (see _BRIEFING_WORD).

    A dateline ("Press Conference Transcripts | December 16, 2025") dates the page, not
    the briefing, and is left to the publication date. The title's line is then used.
    """
    for index, values in sorted(by_line.items()):
        line = lines[index]
        if line.start >= _TITLE_TOP:
            break
        if index in used or len(line.text.strip()) > 160:
            continue
        if not _BRIEFING_WORD.search(line.text) or _PUBLISHED_LABEL.search(line.text):
            continue
        for value in values:
            if not (_is_dateline(line, value) or _is_header_dateline(line, value)):
                used.add(index)
                return value
    return None


_EVENT_LABEL_AT_A_LINE = re.compile("(?m)" + _EVENT_LABEL.pattern, _EVENT_LABEL.flags)


def _first_event_label(text: str, lines: _Lines) -> int | None:
    """The index of the first line an event label (_EVENT_LABEL) starts, if any.

    One search of the whole text finds where such a line may start; the line itself
    decides (across a line break the whole text can match what no line does).
    """
    if "\r" in text:  # "(?m)^" knows only \n as a line break
        return next((i for i, line in enumerate(lines.texts) if _EVENT_LABEL.match(line)), None)
    position = 0
    while (found := _EVENT_LABEL_AT_A_LINE.search(text, position)) is not None:
        index = bisect_left(lines.starts, found.start() + 1) - 1
        if _EVENT_LABEL.match(lines.texts[index]):
            return index
        if index + 1 >= len(lines):
            return None
        position = lines.starts[index + 1]
    return None


def _yearless_event(
    text: str, lines: _Lines, label: tuple[int, int], base: dt.date
) -> DateValue | None:
    """ "Date: Aug. 25" under a page published in 2025: the year comes from publication."""
    index, offset = label
    following = range(index + 1, min(index + 4, len(lines)))
    window = [lines[index]] + [lines[i] for i in following if lines.texts[i].strip()]
    for line in window[:2]:
        begin = max(offset, line.start)
        for value in find_dates(text[begin : line.end], base=base):
            if value.granularity == "day":
                span = (begin + value.span[0], begin + value.span[1])
                return DateValue(value.start, value.end, value.text, span, value.granularity, True)
    return None
