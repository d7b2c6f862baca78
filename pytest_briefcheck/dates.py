"""Dates: days, months, quarters, years and named periods, in English and Chinese.

Every mention is found by cheap compiled regular expressions (``date_spans`` needs
nothing else); English month-name dates are then read by dateparser, imported
lazily the first time such a date has to be placed on the calendar. Yearless and
relative mentions ("Dec. 18", "this year", "一季度") are placed against a base date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

GRANULARITIES = ("day", "month", "quarter", "half", "year", "period")


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
_FOLD_TABLE = str.maketrans(_FOLD_MAP)


def _fold(text: str) -> str:
    return text.translate(_FOLD_TABLE)


# -- vocabulary --------------------------------------------------------------------------------
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        _MONTHS[_name.lower()] = _number
for _abbr, _number in (
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
):  # fmt: skip
    _MONTHS[_abbr] = _number

_FULL_MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_ABBR_MONTHS = ["Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


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

_EN_NUM_WORDS = "|".join(_EN_NUMBERS)
_EN_ORD_WORDS = "|".join(sorted(_EN_ORDINALS, key=len, reverse=True))
_CN_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_CN_1_9 = "[一二三四五六七八九]"
_CN_D = rf"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十{_CN_1_9}?|十{_CN_1_9}?|{_CN_1_9})"
_CN_N = r"(?:1[01]|[2-9]|十[一]?|[二两三四五六七八九])"
_CN_YEAR = (
    rf"(?:(?P<y>{_Y})|(?P<ycn>[〇零Oo一二三四五六七八九]{{4}}))"
    r"\s{0,2}年(?!\s{0,2}(?:代|以上|以下|来))"
)
_CN_REL = r"(?P<rel>今年(?!均)|(?<!过)去年(?!均)|明年|(?<![提以之])前年)"
_CN_ELEMENT = (
    rf"(?:(?P<m>{_CN_M})\s{{0,2}}月\s{{0,2}}(?P<d>{_CN_D})\s{{0,2}}[日号](?:\s{{0,3}}(?P<time>{_TIME}))?"
    rf"|(?P<m1>{_CN_M})\s{{0,2}}(?:月份?)?\s{{0,2}}(?:-|至|到)\s{{0,2}}(?P<m2>{_CN_M})\s{{0,2}}月份?"
    rf"|(?P<mo>{_CN_M})\s{{0,2}}月份?(?!\s{{0,2}}[0-9])"
    r"|第?(?P<q>[一二三四1-4])\s{0,2}季度"
    r"|前\s{0,2}(?P<nq>[二两三23])\s{0,2}个?季度"
    r"|(?P<h>[上下])半年(?!度)"
    rf"|前\s{{0,2}}(?P<n>{_CN_N})\s{{0,2}}个\s{{0,2}}?月)"
)


@dataclass(frozen=True)
class _Mention:
    """What a regex found, before it is placed on the calendar.

    ``kind`` is "shape" (months ``m1``..``m2`` and days of some year), "years",
    "plan", "relday", "relmonth", "dayonly" or "skip" (a clock phrase or a
    comparison period: found, so figures skip it, but never placed).
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
    english: str = ""  # an English month-name day for dateparser to read


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
    english: str = "",
) -> _Mention | None:
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    if (d2 and not _valid_day(m2, d2, year)) or not _valid_day(m1, d1, year):
        return None
    span = m.span(core) if core else m.span()
    return _Mention(span, "shape", granularity, year, rel, m1, d1, m2, d2, english=english)


def _x_iso(m: re.Match[str]) -> _Mention | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    return _shape(m, "day", month, day, month, day, year=year)


def _x_en_mdy(m: re.Match[str]) -> _Mention | None:
    month, day = _MONTHS[m["mon"].rstrip(".").lower()], int(m["d"])
    year, rel = _year_of(m)
    if m["d2"]:
        last = int(m["d2"])
        if last <= day:
            return None
        return _shape(m, "period", month, day, month, last, year=year, rel=rel)
    english = f"{m['mon']} {day}" + (f", {year}" if year else "")
    return _shape(m, "day", month, day, month, day, year=year, rel=rel, english=english)


def _x_en_dmy(m: re.Match[str]) -> _Mention | None:
    month, day = _MONTHS[m["mon"].rstrip(".").lower()], int(m["d"])
    year, rel = _year_of(m)
    english = f"{day} {m['mon']}" + (f" {year}" if year else "")
    return _shape(m, "day", month, day, month, day, year=year, rel=rel, english=english)


def _x_en_month(m: re.Match[str]) -> _Mention | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    year, rel = _year_of(m)
    core = "mon" if year is None and rel is None and "prep" in m.groupdict() else None
    return _shape(m, "month", month, 1, month, year=year, rel=rel, core=core)


def _x_en_mrange(m: re.Match[str]) -> _Mention | None:
    if m["sep"].strip().lower() == "and" and not (m["pre"] or "").lower().startswith("between"):
        return None
    first = _MONTHS[m["mon"].rstrip(".").lower()]
    last = _MONTHS[m["mon2"].rstrip(".").lower()]
    if first == last:
        return None
    year, rel = _year_of(m)
    return _shape(m, "period", first, 1, last, year=year, rel=rel)


def _x_en_rel(m: re.Match[str]) -> _Mention | None:
    word, unit = m["word"].lower(), m["unit"].lower()
    offset = {"this": 0, "last": -1, "next": 1, "current": 0}[word.split()[-1]]
    if unit == "year":
        return _shape(m, "year", 1, 1, 12, rel=offset)
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
    if m.groupdict().get("py1") and (int(m["py1"]), int(m["py2"])) != (first, first + 4):
        return None
    return _Mention(m.span(), "plan", "period", first, year2=first + 4)


def _x_years(m: re.Match[str]) -> _Mention | None:
    sep = m["sep"].strip().lower()
    if sep == "and" and not (m["pre"] or "").lower().startswith("between"):
        return None
    first, last_text = int(m["y"]), m["y2"]
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    if not first < last <= first + 100:
        return None
    return _Mention(m.span(), "years", "period", first, year2=last)


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


def _x_cn_day(m: re.Match[str]) -> _Mention | None:
    day = int(m["d"])
    return _Mention(m.span(), "dayonly", "day", d1=day) if 1 <= day <= 31 else None


def _x_cn_plan(m: re.Match[str]) -> _Mention | None:
    return _x_plan(m)


_PLAN_EN = r"(?i:five[\s-]{1,2}year\s{1,2}plan|FYP)"
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], _Mention | None]], ...] = tuple(
    (re.compile(pattern), extract)
    for pattern, extract in (
        # 2025-08-26, 2025/8/26, 2025.08.26, with an optional time of day
        (
            rf"(?<![0-9.])(?P<y>{_Y})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>{_D})"
            rf"(?![0-9])(?:(?:T|\s{{1,3}}){_TIME}(?:\.[0-9]{{1,6}})?(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?",
            _x_iso,
        ),
        # Aug. 25, 2025 / December 16th, 2025 10:30 / Dec. 18 / Aug. 25-27, 2025
        (
            rf"{_month_re('mon')}\s{{0,2}}(?P<d>{_D}){_DAY_SUFFIX}"
            rf"(?:\s{{0,2}}-\s{{0,2}}(?P<d2>{_D}){_DAY_SUFFIX})?{_tail()}"
            rf"(?:,?\s{{1,2}}{_TIME}(?:\s?[ap]\.?m\.?)?)?",
            _x_en_mdy,
        ),
        # 25 August 2025 / the 14th of March
        (
            rf"(?<![0-9.,])(?P<d>{_D}){_DAY_SUFFIX}\s{{1,2}}(?:of\s{{1,2}})?{_month_re('mon')}{_tail()}",
            _x_en_dmy,
        ),
        # August 2025 / April this year / April of last year
        (
            rf"{_month_re('mon')}\s{{0,2}}(?:,\s{{0,2}}|of\s{{1,2}})?"
            rf"(?:(?P<y>{_Y}){_END_Y}|(?P<rel>{_REL})\s{{1,2}}year(?![A-Za-z-]))",
            _x_en_month,
        ),
        # in April / since March / by the end of June
        (
            r"(?<![A-Za-z])(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Dd]uring|[Bb]efore"
            r"|[Aa]fter|[Ff]rom|[Ee]arly|[Mm]id|[Ll]ate|end\s{1,2}of|beginning\s{1,2}of|start\s{1,2}of)"
            rf"[\s-]{{1,2}}{_month_re('mon')}(?!\s{{0,2}}[0-9])",
            _x_en_month,
        ),
        # From January to July this year / January-July / between January and March
        (
            rf"(?:(?P<pre>[Ff]rom|[Bb]etween)\s{{1,2}}(?:the\s{{1,2}})?)?{_month_re('mon')}"
            rf"(?P<sep>\s{{0,2}}-\s{{0,2}}|\s{{1,2}}(?:to|through|till|until|and)\s{{1,2}}){_month_re('mon2')}"
            rf"(?!\s{{0,2}}[0-9]{{1,2}}(?![0-9]))"
            rf"{_tail()}(?:\s{{1,2}}period(?![A-Za-z]))?",
            _x_en_mrange,
        ),
        # the same period last year: a comparison basis, never a date of its own
        (
            r"(?<![A-Za-z])(?:the\s{1,2})?same\s{1,2}period\s{1,2}(?:of\s{1,2})?(?:last|the\s{1,2}previous)"
            r"\s{1,2}year(?![A-Za-z])",
            _x_skip,
        ),
        (
            r"(?<![A-Za-z])(?P<word>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he\s{1,2}current)\s{1,2}(?P<unit>year|month)"
            r"(?![A-Za-z]|-(?:on|to|end|round|long|old)\b)",
            _x_en_rel,
        ),
        (r"(?<![A-Za-z])(?P<w>[Tt]oday|[Yy]esterday|[Tt]omorrow)(?![A-Za-z])", _x_en_day_word),
        # the first quarter (of 2025) / Q1 2025 / 2025 Q1
        (
            r"(?<![A-Za-z])(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|First|Second|Third|Fourth)"
            rf"[\s-]{{1,2}}quarter(?![A-Za-z]){_tail()}{_NOT_OF_OTHER}",
            _x_en_quarter,
        ),
        (
            rf"(?<![A-Za-z0-9])Q(?P<q>[1-4])(?![0-9A-Za-z])(?:\s{{0,2}},?\s{{0,2}}(?P<y>{_Y}){_END_Y}"
            rf"|\s{{1,2}}(?:of\s{{1,2}})?(?P<rel>{_REL})\s{{1,2}}year(?![A-Za-z-]))?",
            _x_en_quarter,
        ),
        (rf"(?<![0-9])(?P<y>{_Y})\s{{0,2}}-?\s{{0,2}}Q(?P<q>[1-4])(?![0-9A-Za-z])", _x_en_quarter),
        # the first seven months / the first three quarters of this year
        (
            rf"(?<![A-Za-z])[Ff]irst\s{{1,2}}(?P<n>{_EN_NUM_WORDS}|1[01]|[2-9])\s{{1,2}}"
            rf"(?P<unit>months|quarters)(?![A-Za-z]){_tail()}{_NOT_OF_OTHER}",
            _x_en_first_n,
        ),
        # the first half (of 2025) / H1 2025
        (
            rf"(?<![A-Za-z])(?P<h>first|second|First|Second)[\s-]{{1,2}}half(?![A-Za-z]){_tail()}"
            rf"{_NOT_OF_OTHER}",
            _x_en_half,
        ),
        (
            rf"(?<![A-Za-z0-9])H(?P<h>[12])(?![0-9A-Za-z])(?:\s{{0,2}},?\s{{0,2}}(?P<y>{_Y}){_END_Y})?",
            _x_en_half,
        ),
        # the 14th Five-Year Plan (period) (2021-2025)
        (
            rf"(?<![A-Za-z0-9])(?P<n>[0-9]{{1,2}}(?:st|nd|rd|th)|(?i:{_EN_ORD_WORDS}))\s{{1,2}}{_PLAN_EN}"
            rf"(?:\s{{1,2}}(?:period|era)(?![A-Za-z]))?"
            rf"(?:\s{{0,2}}\(\s{{0,2}}(?P<py1>{_Y})\s{{0,2}}-\s{{0,2}}(?P<py2>{_Y})\s{{0,2}}\))?",
            _x_plan,
        ),
        # 2021-2025 / 2021 to 2025 / between 2021 and 2025 / 2021-25 / 2021-2025年
        (
            rf"(?:(?P<pre>[Ff]rom|[Bb]etween)\s{{1,2}})?(?<![0-9.,/-])(?P<y>{_Y})(?:\s{{0,2}}年)?"
            rf"(?P<sep>\s{{0,2}}(?:-|至|到)\s{{0,2}}|\s{{1,2}}(?:to|through|until|and)\s{{1,2}})"
            rf"(?P<y2>{_Y}|[0-9]{{2}})(?![0-9]|[.,][0-9]|\s{{0,2}}-\s{{0,2}}[0-9])(?:\s{{0,2}}年(?!\s{{0,2}}[0-9]))?",
            _x_years,
        ),
        # 2025-08: a month, when it cannot be a range of years
        (rf"(?<![0-9.,/-])(?P<y>{_Y})[-/](?P<m>0[1-9]|1[0-2])(?![0-9]|[-/.][0-9])", _x_year_month),
        # a bare year: in 2024, compared to 2020
        (rf"(?<![0-9A-Za-z.,])(?<![0-9][.,])(?P<y>{_Y}){_END_Y}(?!\s{{0,2}}年)", _x_year),
        # 2025年8月25日 / 二〇二五年八月二十五日 / 今年1-7月 / 2025年上半年 / 去年
        (rf"(?<![0-9])(?:{_CN_YEAR}|{_CN_REL})\s{{0,2}}{_CN_ELEMENT}?", _x_cn),
        # 12月18日 / 1-7月 / 前7个月 / 一季度 / 上半年, the year from context
        (rf"(?<![0-9年])(?<!十){_CN_ELEMENT}", _x_cn),
        # 25日: the day of a month given by context
        (
            r"(?<![0-9月第每])(?P<d>3[01]|[12][0-9]|0?[1-9])\s{0,2}日"
            r"(?!\s{0,2}(?:内|以内|之内|左右|起算))",
            _x_cn_day,
        ),
        (r"(?:去年|上年)同期", _x_skip),
        # 十四五 / 第十四个五年规划
        (
            r"(?<![一二三四五六七八九十百千万两〇零0-9])(?P<n>十[一二三四五六七八九])五"
            r"(?:规划|时期|期间)?(?![万亿千百十个岁人天年月日%点0-9一二三四五六七八九])",
            _x_cn_plan,
        ),
        (
            r"第(?P<n>十?[一二三四五六七八九十]|二十)个\s{0,2}五年"
            r"(?:规划|计划)(?:时期|期间)?",
            _x_cn_plan,
        ),
        # 24/7 and 7×24 (hours): clock phrases, not fractions and not dates
        (r"(?<![0-9/])24\s{0,2}/\s{0,2}7(?![0-9/])", _x_skip),
        (r"(?<![0-9])7\s{0,2}[×xX*]\s{0,2}24(?![0-9])(?:\s{0,2}小时)?", _x_skip),
    )
)


def _mentions(text: str) -> list[_Mention]:
    """Every mention in ``text``, sorted, longest first where two overlap."""
    folded = _fold(text)
    found: list[_Mention] = []
    for pattern, extract in _PATTERNS:
        for match in pattern.finditer(folded):
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
    return chosen


def date_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of every date or period mention in ``text``.

    Regular expressions only (no dateparser), so that the figure parser can skip
    dates cheaply. Clock phrases such as "24/7" are included: they are not figures.
    """
    if not isinstance(text, str) or not text:
        return []
    return [mention.span for mention in _mentions(text)]
