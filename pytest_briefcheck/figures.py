"""Figures: every number, unit, qualifier and basis in English and Chinese text.

One pass over the text finds number cores (digits, Chinese numerals, English
number words, fractions); each core is then read in its context: the scale
word after it ("billion", 亿), the unit ("metric tons", 吨), a qualifier before
or after it, a second core that makes a range, and the basis a few words away
("annually", 累计). Dates, years, ordinals, labels and page navigation are not
figures. Nothing here imports pint: units stay strings until ``quantity``.

Qualifiers:

==========  ==============================================================
``>``       more than, over, above, exceeding, exceeded, in excess of, 超过, 逾, 超, 多于,
            高于; after the number: -plus, 多, 余 ("3000余家")
``>=``      at least, no less than, not less than, as little as, 至少, 不少于, 不低于;
            after: or more, and above, 以上
``<``       less than, fewer than, under, below, 不到, 不足, 少于, 低于
``<=``      up to, no more than, not more than, at most, as many as, a maximum of,
            最多, 最长, 不超过, 至多; after: 以下, 以内
``~``       about, around, some, approximately, roughly, an estimated, 约, 大约;
            after: or so, 左右
near        nearly, almost, close to, just under, 近, 将近, 接近 (qualifier ``<``)
``range``   five to seven days, between 20 and 30 percent, 1.5-2 million tons, 3至5个工作日
==========  ==============================================================

Basis (the nearest marker in the same sentence, within a few words):
``per_year`` annually, annual, a year, per year, each year, every year, yearly,
年均, 每年, 年平均; ``per_day`` per day, a day, daily, each day, 日均, 每天,
每日; ``per_month`` per month, monthly, 月均, 每月; ``total`` a total of, in
total, total, totaling, cumulative, altogether, 累计, 总计, 合计, 共计, 总.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import BriefcheckValueError
from .numerals import (
    CHINESE_NUMERAL_CHARS,
    ENGLISH_DENOMINATORS,
    ENGLISH_SCALES,
    ENGLISH_TENS,
    ENGLISH_UNITS,
    SCALE_ABBREVIATIONS,
    chinese_numeral,
    english_words,
    mixed_chinese,
)

if TYPE_CHECKING:
    from pint import Quantity

QUALIFIERS = ("=", "~", ">", ">=", "<", "<=", "range")
BASES = ("per_year", "per_day", "per_month", "total")
MAX_TEXT = 10_000_000


@dataclass(frozen=True)
class Figure:
    """One figure as the wording states it.

    ``value`` is the magnitude with scale words folded in (5.2e9 for
    "5.2 billion", the low end for a range); ``unit`` is a string the package's
    pint registry parses ("" for a plain count). ``low``/``high`` are the bounds
    the wording states (3000 and None for "more than 3,000"; both ends of a
    range; value and value for "="). ``precision`` is the step of the last
    stated digit, in the same units as ``value`` (1e8 for "5.2 billion", 1 for
    "3,000", 0.1 for "7.9%"); ``exact`` is true when the number is written out
    to its last unit ("311", "3,000", "twenty-five", "a third"), so it admits
    only itself.
    """

    text: str
    span: tuple[int, int]
    value: float
    unit: str
    qualifier: str = "="
    low: float | None = None
    high: float | None = None
    precision: float = 1.0
    exact: bool = True
    near: bool = False  # "nearly 7,000", "近7000": the value lies just below (or above) the bound
    basis: str | None = None
    kind: str = "number"  # "number" | "percent" | "fraction" | "multiple"
    lang: str = "en"

    @property
    def quantity(self) -> Quantity:
        from .units import quantity

        return quantity(self.value, self.unit)

    def describe(self) -> str:
        """The normalized value in one short line, e.g. ``> 3000``, ``5.2e9 t (per_year)``."""
        unit = f" {self.unit}" if self.unit else ""
        if self.kind == "multiple":
            unit = "x"
        if self.qualifier == "range":
            body = f"{_number(self.low)}–{_number(self.high)}{unit}"
        else:
            prefix = "" if self.qualifier == "=" else f"{self.qualifier} "
            body = f"{prefix}{_number(self.value)}{unit}"
        notes = [note for note in (self.basis, "near" if self.near else None) if note]
        return body + (f" ({', '.join(notes)})" if notes else "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "low": self.low,
            "high": self.high,
            "precision": self.precision,
            "exact": self.exact,
            "near": self.near,
            "basis": self.basis,
            "kind": self.kind,
            "lang": self.lang,
            "normalized": self.describe(),
        }


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    if value == int(value) and abs(value) < 1e6:
        return str(int(value))
    text = f"{value:.6g}"
    if "e+" in text:
        mantissa, exponent = text.split("e+")
        return f"{mantissa}e{int(exponent)}"
    return text


# -- vocabulary -------------------------------------------------------------------------------

# Full-width forms folded one character to one character, so offsets hold.
_FOLD = str.maketrans(
    "０１２３４５６７８９．，％～－：／＄￥＋（）",
    "0123456789.,%~-:/$¥+()",
)
_CJK = re.compile(r"[\u3400-\u9fff]")

_WORD_NUMBERS = sorted(
    [*ENGLISH_UNITS, *ENGLISH_TENS, *ENGLISH_SCALES, "dozen"], key=len, reverse=True
)
_WORD = "|".join(_WORD_NUMBERS)
_DENOMINATOR = "|".join(sorted(ENGLISH_DENOMINATORS, key=len, reverse=True))
_CN = re.escape(CHINESE_NUMERAL_CHARS)

_CORE = re.compile(
    rf"""
    (?P<frac>\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+(?:{_DENOMINATOR})\b)
  | (?P<half>\bhalf\b)
  | (?P<cnmix>(?<![A-Za-z0-9_.])\d+(?:\.\d+)?(?:万亿|亿|万|千)(?:\d+(?:万|千|百))*)
  | (?P<digits>(?<![A-Za-z0-9_.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d]))
  | (?P<cn>[{_CN}]+)
  | (?P<words>\b(?:(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD})\b)*)\b|\ba\s+dozen\b)
  | (?P<double>翻了?[一两二三四]番)
    """,
    re.VERBOSE | re.IGNORECASE,
)

_SCALE_AFTER = re.compile(
    r"[ \u00a0]*(?P<scale>hundred|thousand|million|billion|trillion)\b"
    r"|[ \u00a0]?(?P<abbr>mn|mln|bn|bln|tn|trn)\b"
    r"|(?P<cn>万亿|亿|万)",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(
    r"[ \u00a0]*(?:(?P<pp>percentage[ \u00a0]+points?\b|个百分点|ppt?s?\b)"
    r"|(?P<pct>%|percent\b|per[ \u00a0]cent\b|pct\b))",
    re.IGNORECASE,
)
_MULTIPLE_AFTER = re.compile(r"[ \u00a0]*(?:times\b|-?fold\b|倍)", re.IGNORECASE)

# Units after a number: (pattern, unit string). Longest forms first.
_UNIT_WORDS: tuple[tuple[str, str], ...] = (
    (r"square[ \u00a0]+kilomet(?:er|re)s?|sq\.?[ \u00a0]*km|km2|km²|平方公里|平方千米", "km**2"),
    (r"square[ \u00a0]+met(?:er|re)s?|sq\.?[ \u00a0]*m|m2|m²|平方米", "m**2"),
    (r"metric[ \u00a0]+tons?|metric[ \u00a0]+tonnes?|tonnes?|tons?|吨", "t"),
    (r"kilograms?|kg|公斤|千克", "kg"),
    (r"twenty-foot[ \u00a0]+equivalent[ \u00a0]+units?|TEUs?|标箱|标准箱", "TEU"),
    (r"kilomet(?:er|re)s?|km|公里|千米", "km"),
    (
        r"U\.?S\.?[ \u00a0]+dollars?|US[ \u00a0]+dollars?|American[ \u00a0]+dollars?|dollars?|USD|美元",
        "USD",
    ),
    (r"euros?|EUR|欧元", "EUR"),
    (r"yuan|RMB|CNY|元人民币|人民币|元", "CNY"),
    (r"Japanese[ \u00a0]+yen|yen|JPY|日元", "JPY"),
    (r"Hong[ \u00a0]+Kong[ \u00a0]+dollars?|HKD|港元|港币", "HKD"),
    (r"working[ \u00a0]+days?|business[ \u00a0]+days?|个工作日|工作日", "working_day"),
    (r"hours?|hrs?|个小时|小时|钟头", "hour"),
    (r"minutes?|mins?|分钟", "minute"),
    (r"days?|天", "day"),
    (r"weeks?|个星期|周", "week"),
    (r"months?|个月", "month"),
    (r"years?|yrs?|年", "year"),
)
_UNIT_AFTER = re.compile(
    r"[ \u00a0]*(?:(?:consecutive|straight|successive|full|more|additional|extra|whole)[ \u00a0]+)?(?:"
    + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNIT_WORDS))
    + r")"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(
    r"(?:(?P<usd>US\$|U\.S\.\$|\$|USD)|(?P<cny>RMB|CNY|¥|人民币)|(?P<eur>€|EUR)|(?P<hkd>HK\$))"
    r"[ \u00a0]?$"
)
_PER_DAY_AFTER = re.compile(
    r"[ \u00a0]*(?:per[ \u00a0]+day|a[ \u00a0]+day|each[ \u00a0]+day|every[ \u00a0]+day|daily|/day|/d\b)",
    re.IGNORECASE,
)
_COUNTERS = (
    "个|项|家|批|人次|件|起|种|座|条|票|名|位|辆|艘|架|次|所|户|台|套|份|单|宗|箱|只|头|株|类|国|"
    "城市|省|部门|倍|多|余|分之|以上|以下|左右|成"
)
_CN_FOLLOW = re.compile(rf"(?:{_COUNTERS})")
_COUNTER_AFTER = re.compile(
    r"(?:个|项|家|批|人次|件|名|位|座|条|所|艘|辆|台|套|份|单|宗|种|起|票|架|次|户|类)"
)

_QUALIFIER_BEFORE = (
    (
        re.compile(r"(?:nearly|almost|close[ \u00a0]+to|just[ \u00a0]+under)[ \u00a0]+$", re.I),
        "<",
        True,
    ),
    (
        re.compile(
            r"(?:more[ \u00a0]+than|over|above|exceeding|exceeded|exceeds|exceed|in[ \u00a0]+excess[ \u00a0]+of|upwards[ \u00a0]+of)[ \u00a0]+$",
            re.I,
        ),
        ">",
        False,
    ),
    (
        re.compile(
            r"(?:at[ \u00a0]+least|no[ \u00a0]+less[ \u00a0]+than|not[ \u00a0]+less[ \u00a0]+than|as[ \u00a0]+little[ \u00a0]+as|a[ \u00a0]+minimum[ \u00a0]+of)[ \u00a0]+$",
            re.I,
        ),
        ">=",
        False,
    ),
    (
        re.compile(r"(?:less[ \u00a0]+than|fewer[ \u00a0]+than|under|below)[ \u00a0]+$", re.I),
        "<",
        False,
    ),
    (
        re.compile(
            r"(?:up[ \u00a0]+to|no[ \u00a0]+more[ \u00a0]+than|not[ \u00a0]+more[ \u00a0]+than|at[ \u00a0]+most|as[ \u00a0]+many[ \u00a0]+as|a[ \u00a0]+maximum[ \u00a0]+of)[ \u00a0]+$",
            re.I,
        ),
        "<=",
        False,
    ),
    (
        re.compile(
            r"(?:about|around|some|approximately|approx\.|roughly|an[ \u00a0]+estimated|estimated)[ \u00a0]+$",
            re.I,
        ),
        "~",
        False,
    ),
    (re.compile(r"(?:将近|接近|逼近|近)[ \u00a0]*$"), "<", True),
    (re.compile(r"(?:超过|逾|超|多于|高于|大于)[ \u00a0]*$"), ">", False),
    (re.compile(r"(?:至少|不少于|不低于|不小于)[ \u00a0]*$"), ">=", False),
    (re.compile(r"(?:不到|不足|少于|低于|小于)[ \u00a0]*$"), "<", False),
    (re.compile(r"(?:最多|最长|不超过|至多|最高)[ \u00a0]*$"), "<=", False),
    (re.compile(r"(?:大约|约为|约|大概)[ \u00a0]*$"), "~", False),
)
_QUALIFIER_INNER = re.compile(r"(?P<q>多|余)")  # between the number and its unit: 3000余家
_QUALIFIER_AFTER = (
    (re.compile(r"[ \u00a0]*(?:or[ \u00a0]+more|and[ \u00a0]+above|and[ \u00a0]+over|or[ \u00a0]+above|以上)", re.I), ">="),
    (re.compile(r"[ \u00a0]*(?:以下|以内)"), "<="),
    (re.compile(r"[ \u00a0]*(?:or[ \u00a0]+so|左右)", re.I), "~"),
    (re.compile(r"-?plus\b|\+", re.I), ">"),
)  # fmt: skip
_RANGE_JOIN = re.compile(r"[ \u00a0]*(?:to|and|-|–|—|~|至|到)[ \u00a0]*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"between[ \u00a0]+$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"(?:rose|risen|rising|increased?|increasing|grew|grown|growing|fell|fallen|falling|"
    r"dropped|declined?|declining|jumped|climbed|went[ \u00a0]+up|went[ \u00a0]+down|"
    r"expanded|reduced|cut|up|down|raised|lowered)[ \u00a0]+(?:\w+[ \u00a0]+){0,3}?from[ \u00a0]+$",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:group|no\.|number|article|section|chapter|phase|part|round|page|level|class|grade|"
    r"room|line|item|paragraph|rule|clause|figure|table|step|stage|vol\.|volume|issue|"
    r"version|annex|appendix|point|batch)|第)[ \u00a0]*$",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_NAV_LINE = re.compile(
    r"(?m)^[ \t\u00a0<>|·.…]*(?:\d+[ \t\u00a0<>|·.…]+){2,}\d*[ \t\u00a0<>|·.…]*$"
)
_SENTENCE_BREAK = re.compile(r"[.!?;。！？；\n]")

_BASIS_MARKERS = re.compile(
    r"(?P<per_year>\bannually\b|\bannual\b|\ba[ \u00a0]+year\b|\bper[ \u00a0]+year\b|\beach[ \u00a0]+year\b|"
    r"\bevery[ \u00a0]+year\b|\byearly\b|\bper[ \u00a0]+annum\b|年均|每年|年平均)"
    r"|(?P<per_day>\bper[ \u00a0]+day\b|\ba[ \u00a0]+day\b|\bdaily\b|\beach[ \u00a0]+day\b|"
    r"\bevery[ \u00a0]+day\b|日均|每天|每日)"
    r"|(?P<per_month>\bper[ \u00a0]+month\b|\bmonthly\b|\ba[ \u00a0]+month\b|月均|每月)"
    r"|(?P<total>\ba[ \u00a0]+total[ \u00a0]+of\b|\bin[ \u00a0]+total\b|\btotal(?:ing|ling|led|ed)?\b|"
    r"\bcumulative(?:ly)?\b|\baltogether\b|累计|总计|合计|共计|总)",
    re.IGNORECASE,
)
_BASIS_EXCEPTIONS = re.compile(r"year[ \u00a0]+on[ \u00a0]+year|year-on-year|同比|环比", re.I)
_BASIS_REACH = 60
_MARKER_AFTER = re.compile(
    r"in[ \u00a0]+total|altogether|annually|a[ \u00a0]+year|per[ \u00a0]+year|each[ \u00a0]+year|"
    r"every[ \u00a0]+year|yearly|per[ \u00a0]+annum|per[ \u00a0]+day|a[ \u00a0]+day|daily|each[ \u00a0]+day|"
    r"every[ \u00a0]+day|per[ \u00a0]+month|monthly|a[ \u00a0]+month",
    re.IGNORECASE,
)


# -- the reader -------------------------------------------------------------------------------


@dataclass
class _Core:
    start: int
    end: int
    value: float
    precision: float
    exact: bool
    kind: str = "number"
    scaled: bool = False
    cn: bool = False


class _Reader:
    """Reads the figures of one text; state is only the text and its excluded spans."""

    def __init__(self, text: str, lang: str | None) -> None:
        self.original = text
        self.text = text.translate(_FOLD)
        self.lang = lang
        from .dates import date_spans

        excluded = list(date_spans(self.text))
        excluded.extend(m.span() for m in _NAV_LINE.finditer(self.text))
        excluded.sort()
        self.excluded_starts = [s for s, _ in excluded]
        self.excluded = excluded

    def in_excluded(self, start: int, end: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self.excluded_starts, end - 1) - 1
        while index >= 0:
            s, e = self.excluded[index]
            if e > start:
                return s, e
            if index and self.excluded[index - 1][1] <= start:
                break
            index -= 1
        return None

    # cores

    def core_at(self, match: re.Match[str]) -> _Core | None:
        kind = match.lastgroup
        text = match.group()
        start, end = match.span()
        if kind == "digits":
            return self._digits(text, start, end)
        if kind == "cnmix":
            return self._cnmix(text, start, end)
        if kind == "cn":
            return self._cn(text, start, end)
        if kind == "words":
            return self._words(text, start, end)
        if kind == "frac":
            words = re.split(r"[\s-]+", text.lower())
            numerator = english_words(words[0])
            if numerator is None:
                return None
            value = numerator[0] / ENGLISH_DENOMINATORS[words[-1]]
            return _Core(start, end, value, 0.0, True, kind="fraction")
        if kind == "half":
            before = self.text[max(0, start - 12) : start].lower()
            after = self.text[end : end + 4].lower()
            if re.search(
                r"(?:than|a|one|about|nearly|over|almost)[ \u00a0]+$", before
            ) or after.startswith((" of", "\u00a0of")):
                if re.search(r"first[ \u00a0]+$|second[ \u00a0]+$", before):
                    return None
                return _Core(start, end, 0.5, 0.0, True, kind="fraction")
            return None
        if kind == "double":
            times = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}[text[-2]]
            return _Core(start, end, float(2**times), 0.0, True, kind="multiple", cn=True)
        return None

    def _digits(self, text: str, start: int, end: int) -> _Core | None:
        after = self.text[end : end + 3]
        before = self.text[max(0, start - 2) : start]
        if _ORDINAL_AFTER.match(after):
            return None
        if re.match(r"[A-Za-z]", after) and not re.match(
            r"(?:km|kg|t\b|bn|mn|tn|m2|sq|pp|x\b|TEU)", self.text[end : end + 4], re.I
        ):
            return None
        if before.endswith("-") and re.match(r"[A-Za-z]", before[:1] or " "):
            return None  # COVID-19
        if after.startswith(":") and after[1:2].isdigit():
            return None  # a time of day
        if before.endswith("[") and after.startswith("]"):
            return None  # a citation marker
        if after.startswith("/") and not after[1:2].isdigit():
            return None
        number = float(text.replace(",", ""))
        decimals = len(text.split(".")[1]) if "." in text else 0
        precision = 10.0**-decimals
        return _Core(start, end, number, precision, decimals == 0)

    def _cnmix(self, text: str, start: int, end: int) -> _Core | None:
        parts = re.findall(r"(\d+(?:\.\d+)?)(万亿|亿|万|千|百)?", text)
        value = 0.0
        precision = 1.0
        for number, scale in parts:
            decimals = len(number.split(".")[1]) if "." in number else 0
            part_value, part_precision = mixed_chinese(float(number), decimals, scale)
            value += part_value
            precision = part_precision
        return _Core(start, end, value, precision, False, scaled=True, cn=True)

    def _cn(self, text: str, start: int, end: int) -> _Core | None:
        # a run of numeral characters is a number only when what follows makes it one
        after = self.text[end : end + 4]
        before = self.text[max(0, start - 3) : start]
        if before.endswith("第"):
            return None
        read = chinese_numeral(text)
        if read is None:
            return None
        if text == "一" and not after.startswith(("半", "倍", "分之")):
            return None  # 统一, 进一步, 一站式: a lone 一 is a word, not a count
        scaled = any(c in "万萬亿億" for c in text)
        if not (
            scaled
            or before.endswith("百分之")
            or before.endswith("分之")
            or _CN_FOLLOW.match(after)
            or _UNIT_AFTER.match(after)
            or _PERCENT_AFTER.match(after)
            or after.startswith(("半", "到", "至"))
        ):
            return None
        value, precision = read
        if after.startswith("半") and value == 1:
            return _Core(start, end + 1, 0.5, 0.0, True, kind="fraction", cn=True)
        return _Core(start, end, value, precision, precision == 1, scaled=scaled, cn=True)

    def _words(self, text: str, start: int, end: int) -> _Core | None:
        lowered = text.lower()
        read = english_words(lowered)
        if read is None:
            return None
        value, precision = read
        after = self.text[end : end + 24]
        if lowered == "one" and not _UNIT_AFTER.match(after):
            return None  # one of, one certification: a lone "one" is a word, not a count
        if lowered in ("hundred", "thousand", "million", "billion", "trillion"):
            return None  # "hundreds of", or a scale word already read with its number
        if re.match(r"-[A-Za-z]", after) and not re.match(
            r"-(?:year|day|hour|month|week|minute|kilomet|km|ton|fold|times)", after, re.I
        ):
            return None  # one-stop, two-way, three-dimensional
        if lowered == "two" and re.match(r"[ \u00a0]+of[ \u00a0]+(?:them|us|these|those)\b", after):
            return None  # two of them
        return _Core(start, end, value, precision, precision == 1, scaled=precision > 1)

    # context

    def read(self) -> list[Figure]:
        figures: list[Figure] = []
        position = 0
        text = self.text
        while True:
            match = _CORE.search(text, position)
            if match is None:
                break
            excluded = self.in_excluded(*match.span())
            if excluded is not None:
                position = max(excluded[1], match.start() + 1)
                continue
            core = self.core_at(match)
            if core is None:
                position = match.end()
                continue
            figure, end = self.figure(core)
            position = max(end, match.end())
            if figure is not None:
                figures.append(figure)
        return figures

    def figure(self, core: _Core) -> tuple[Figure | None, int]:
        text = self.text
        end = core.end
        value, precision, exact = core.value, core.precision, core.exact
        kind = core.kind
        unit = ""
        qualifier = "="
        near = False
        start = core.start

        # a label before it ("Group 1", "No. 5", 第三) is not a figure
        if _LABEL_BEFORE.search(text[max(0, start - 12) : start]):
            return None, end

        # scale word
        if not core.scaled and kind == "number":
            scale = _SCALE_AFTER.match(text, end)
            if scale:
                factor = (
                    ENGLISH_SCALES[scale.group("scale").lower()]
                    if scale.group("scale")
                    else SCALE_ABBREVIATIONS[scale.group("abbr").lower()]
                    if scale.group("abbr")
                    else (
                        1e12
                        if scale.group("cn") == "万亿"
                        else 1e8
                        if scale.group("cn") == "亿"
                        else 1e4
                    )
                )
                value *= factor
                precision *= factor
                exact = False
                end = scale.end()
        # Chinese fraction: 五分之一, 两万分之一
        if text.startswith("分之", end):
            numerator = _CORE.match(text, end + 2)
            if numerator is not None:
                read = self.core_at(numerator) if numerator.lastgroup in ("cn", "digits") else None
                if read is None and numerator.lastgroup == "cn":
                    parsed = chinese_numeral(numerator.group())
                    read = (
                        _Core(numerator.start(), numerator.end(), parsed[0], 1, True)
                        if parsed
                        else None
                    )
                if read is not None and value:
                    if self.text[start:end] == "百":  # 百分之八十 is a percentage
                        return self._with_qualifiers(
                            start,
                            numerator.end(),
                            read.value,
                            "percent",
                            read.precision,
                            read.exact,
                            "percent",
                            True,
                        )
                    return self._with_qualifiers(
                        start,
                        numerator.end(),
                        read.value / value,
                        "",
                        0.0,
                        True,
                        "fraction",
                        core.cn,
                    )
        # 百分之八十
        if text[max(0, start - 3) : start] == "百分之":
            start -= 3
            kind = "percent"
            unit = "percent"
        # digit fraction: 1/20,000
        if kind == "number" and text.startswith("/", end):
            denominator = re.match(r"/((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)", text[end:])
            if denominator:
                bottom = float(denominator.group(1).replace(",", ""))
                if bottom and value < bottom:
                    value = value / bottom
                    end += denominator.end()
                    return self._with_qualifiers(
                        start, end, value, "", 0.0, True, "fraction", core.cn
                    )
        inner = (
            _QUALIFIER_INNER.match(text, end)
            if core.cn or _CJK.match(text[end : end + 1])
            else None
        )
        if inner and kind == "number":
            qualifier = ">"
            end = inner.end()
        if kind == "number":
            percent = _PERCENT_AFTER.match(text, end)
            if percent:
                kind = "percent"
                unit = "percentage_point" if percent.group("pp") else "percent"
                end = percent.end()
            else:
                multiple = _MULTIPLE_AFTER.match(text, end)
                if multiple:
                    kind = "multiple"
                    end = multiple.end()
        # a range: "five to seven days", "1.5-2 million tons", "20%-30%", "3至5个"
        range_end = self._range(core, end, value, precision, kind)
        if range_end is not None:
            return range_end
        if kind == "number":
            end, unit = self._unit(end, unit, core)
            prefix = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
            if prefix and not unit:
                unit = (
                    "USD"
                    if prefix.group("usd")
                    else "CNY"
                    if prefix.group("cny")
                    else "EUR"
                    if prefix.group("eur")
                    else "HKD"
                )
                start = prefix.start()
        return self._with_qualifiers(
            start, end, value, unit, precision, exact, kind, core.cn, qualifier, near
        )

    def _unit(self, end: int, unit: str, core: _Core) -> tuple[int, str]:
        text = self.text
        if unit:
            return end, unit
        counter = _COUNTER_AFTER.match(text, end)
        unit_match = _UNIT_AFTER.match(text, end)
        if unit_match is None and counter is not None:
            unit_match = _UNIT_AFTER.match(text, counter.end())
        if unit_match is None:
            return (counter.end() if counter is not None else end), ""
        name = unit_match.lastgroup
        assert name is not None
        found = _UNIT_WORDS[int(name[1:])][1]
        if found == "year" and _CJK.match(text[end : end + 1]) and core.value >= 1000:
            return end, ""  # 2025年 is a year, read by the date engine
        end = unit_match.end()
        per_day = _PER_DAY_AFTER.match(text, end)
        if per_day and found not in (
            "day",
            "working_day",
            "hour",
            "minute",
            "week",
            "month",
            "year",
        ):
            return per_day.end(), f"{found}/day"
        return end, found

    def _range(
        self, core: _Core, end: int, value: float, precision: float, kind: str
    ) -> tuple[Figure | None, int] | None:
        text = self.text
        join = _RANGE_JOIN.match(text, end)
        if join is None or join.end() == end:
            return None
        word = join.group().strip().lower()
        between = _BETWEEN_BEFORE.search(text, max(0, core.start - 10), core.start)
        if word == "and" and not between:
            return None
        second = _CORE.match(text, join.end())
        if second is None or second.lastgroup not in ("digits", "cn", "words", "cnmix"):
            return None
        if word == "-" and (
            text[end - 1 : end].isspace() or text[join.end() - 1 : join.end()].isspace()
        ):
            return None
        if self.in_excluded(*second.span()):
            return None
        other = self.core_at(second)
        if other is None:
            return None
        if word == "to" and _CHANGE_BEFORE.search(text, max(0, core.start - 60), core.start):
            return None
        # the second end decides the scale, the kind and the unit for both ends
        figure, stop = self.figure(other)
        if figure is None:
            return None
        high = figure.value
        low = value
        if figure.kind == "percent" and kind == "number":
            kind = "percent"
        if kind != figure.kind and kind != "number":
            return None
        if low and high and figure.value != other.value and not core.scaled:
            # "1.5-2 million": the scale word of the second end applies to the first
            factor = figure.value / other.value if other.value else 1
            if kind == "number" and low * factor <= high:
                low *= factor
                precision *= factor
        if not low < high:
            return None
        if figure.qualifier not in ("=",):
            return None
        if text[max(0, core.start - 5) : core.start].lower().endswith("from ") and not re.match(
            r"[ \u00a0]+to[ \u00a0]+\S", text[stop : stop + 6]
        ):
            return None
        start = between.start() if between else core.start
        return (
            self._finish(
                start,
                stop,
                low,
                figure.unit,
                "range",
                low,
                high,
                min(precision, figure.precision) if figure.precision else precision,
                core.exact and figure.exact,
                False,
                figure.kind,
                core.cn or figure.lang == "zh",
                basis=figure.basis,
            ),
            stop,
        )

    def _with_qualifiers(
        self,
        start: int,
        end: int,
        value: float,
        unit: str,
        precision: float,
        exact: bool,
        kind: str,
        cn: bool,
        qualifier: str = "=",
        near: bool = False,
    ) -> tuple[Figure | None, int]:
        text = self.text
        if qualifier == "=":
            for pattern, symbol, is_near in _QUALIFIER_BEFORE:
                found = pattern.search(text, max(0, start - 32), start)
                if found:
                    qualifier, near, start = symbol, is_near, found.start()
                    break
        if qualifier == "=":
            for pattern, symbol in _QUALIFIER_AFTER:
                found = pattern.match(text, end)
                if found:
                    qualifier, end = symbol, found.end()
                    break
        return self._finish(
            start, end, value, unit, qualifier, None, None, precision, exact, near, kind, cn
        ), end

    def _finish(
        self,
        start: int,
        end: int,
        value: float,
        unit: str,
        qualifier: str,
        low: float | None,
        high: float | None,
        precision: float,
        exact: bool,
        near: bool,
        kind: str,
        cn: bool,
        basis: str | None = None,
    ) -> Figure:
        if qualifier in ("=", "~"):
            low = high = value
        elif qualifier in (">", ">="):
            low, high = value, None
        elif qualifier in ("<", "<="):
            low, high = None, value
        if basis is None and kind in ("number", "percent"):
            basis = self._basis(start, end)
        text = self.original[start:end]
        lang = "zh" if (cn or _CJK.search(text)) else (self.lang or "en")
        return Figure(
            text=text, span=(start, end), value=value, unit=unit, qualifier=qualifier,
            low=low, high=high, precision=precision, exact=exact, near=near, basis=basis,
            kind=kind, lang=lang,
        )  # fmt: skip

    def _basis(self, start: int, end: int) -> str | None:
        text = self.text
        left = max(0, start - _BASIS_REACH)
        breaks = list(_SENTENCE_BREAK.finditer(text, left, start))
        if breaks:
            left = breaks[-1].end()
        right = min(len(text), end + _BASIS_REACH)
        stop = _SENTENCE_BREAK.search(text, end, right)
        if stop:
            right = stop.start()
        best: tuple[int, str] | None = None
        for marker in _BASIS_MARKERS.finditer(text, left, right):
            if _BASIS_EXCEPTIONS.match(text, marker.start()) or _BASIS_EXCEPTIONS.search(
                text, max(left, marker.start() - 8), marker.end() + 8
            ):
                continue
            distance = start - marker.end() if marker.end() <= start else marker.start() - end
            if distance < 0:
                continue
            after = marker.start() >= end
            if after and not _MARKER_AFTER.match(marker.group()):
                continue  # "a total of 311", "annual growth of 7.9%" speak of what follows them
            if best is None or distance < best[0]:
                assert marker.lastgroup is not None
                best = (distance, marker.lastgroup)
        return best[1] if best else None


# -- the public API ---------------------------------------------------------------------------


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise BriefcheckValueError(f"expected text, got {type(text).__name__}: {_show(repr(text))}")
    if len(text) > MAX_TEXT:
        raise BriefcheckValueError(
            f"the text is {len(text):,} characters; figures are read in texts of up to {MAX_TEXT:,}"
        )
    return text


def _show(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def parse_figures(text: str, lang: str | None = None) -> list[Figure]:
    """Every figure in ``text``, in order. ``lang``: "en", "zh" or None (detect)."""
    if not isinstance(text, str) or not text or len(text) > MAX_TEXT:
        return []
    return _Reader(text, lang).read()


_NOTATION = re.compile(
    r"""^\s*
    (?P<q>>=|<=|≥|≤|>|<|~|≈)?\s*
    (?P<low>[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?)
    (?:\s*(?:-|–|to)\s*(?P<high>\d+(?:\.\d+)?(?:e[-+]?\d+)?))?
    (?:\s*(?P<scale>hundred|thousand|million|billion|trillion))?
    \s*(?P<unit>%|x|[A-Za-z_][A-Za-z_0-9]*(?:\s*(?:\*\*|\^)\s*\d)?|1\s*/\s*[A-Za-z_]+|[A-Za-z_]+\s*/\s*[A-Za-z_]+)?
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_SYMBOLS = {"≥": ">=", "≤": "<=", "≈": "~"}


def _notation(text: str) -> Figure | None:
    """The claim-file notation: "5.2 billion t", ">3000", "~7000", "5-7 day", "80%", "2.6x"."""
    match = _NOTATION.match(text)
    if match is None:
        return None
    unit = (match.group("unit") or "").replace("^", "**").replace(" ", "")
    kind = "number"
    if unit == "%":
        unit, kind = "percent", "percent"
    elif unit.lower() == "x":
        unit, kind = "", "multiple"
    elif unit.lower() in ("percent", "pct"):
        unit, kind = "percent", "percent"
    elif unit:
        words = _UNIT_AFTER.fullmatch(unit)
        if words is not None and words.lastgroup is not None:
            unit = _UNIT_WORDS[int(words.lastgroup[1:])][1]
        else:
            from .units import registry

            try:
                registry().Unit(unit)
            except Exception:
                return None
    factor = ENGLISH_SCALES.get((match.group("scale") or "").lower(), 1)
    low_text = match.group("low")
    decimals = len(low_text.split(".")[1].split("e")[0]) if "." in low_text else 0
    scientific = "e" in low_text.lower()
    value = float(low_text) * factor
    precision = (10.0**-decimals) * factor
    exact = decimals == 0 and factor == 1 and not scientific
    if scientific:
        mantissa = low_text.lower().split("e")[0]
        digits = len(mantissa.replace(".", "").replace("-", "").lstrip("0"))
        exponent = math.floor(math.log10(abs(value))) if value else 0
        precision = 10.0 ** (exponent - digits + 1)
    qualifier = _SYMBOLS.get(match.group("q") or "=", match.group("q") or "=")
    low: float | None = value
    high: float | None = value
    if match.group("high"):
        qualifier = "range"
        high = float(match.group("high")) * factor
    elif qualifier in (">", ">="):
        high = None
    elif qualifier in ("<", "<="):
        low = None
    return Figure(
        text=text.strip(), span=(0, len(text)), value=value, unit=unit, qualifier=qualifier,
        low=low, high=high, precision=precision, exact=exact, kind=kind, lang="en",
    )  # fmt: skip


def parse_figure(text: str, lang: str | None = None) -> Figure:
    """Exactly one figure in ``text`` (prose or claim notation), else BriefcheckValueError."""
    _check_text(text)
    if not text.strip():
        raise BriefcheckValueError("no figure in an empty text")
    notation = _notation(text)
    if notation is not None:
        return notation
    figures = parse_figures(text, lang)
    if not figures:
        raise BriefcheckValueError(f"no figure in '{_show(text)}'")
    if len(figures) > 1:
        listed = ", ".join(f"'{f.text}'" for f in figures[:5])
        raise BriefcheckValueError(f"{len(figures)} figures in '{_show(text)}': {listed}")
    return figures[0]
