"""Figures: every number, unit, qualifier and basis in English and Chinese text.

One regular-expression pass finds number *cores* (digits, Chinese numerals,
English number words, fractions such as 五分之一 and "one-fifth"); each core is
then read in its context with anchored patterns: the scale word after it
("billion", 亿), 多/余, the unit ("metric tons", 吨, a registry symbol such as
``t`` or ``km**2``), a count noun (items, 家), "per day", a qualifier before or
after it, a second core that makes a range, and the basis a few words away.
Nothing here imports pint or dateparser: units stay strings until
:attr:`Figure.quantity` is asked for.

Qualifiers (before the number unless marked "after"):

=========  ===========================================================================
``>``      more than, over, above, exceeded/exceeding, in excess of, upwards of,
           surpassed, topped, greater/higher than; after: -plus, "+"; 超过, 超, 逾,
           多于, 高于, 大于, 突破; after: 多 (3000多), 余 (3000余家)
``>=``     at least, no less/fewer than, not less than, a minimum of, as little as,
           as few as; after: or more, or above, and above; 至少, 不少于, 不低于, 最少,
           最快, 最短; after: 以上
``<``      less than, fewer than, under, below, lower than; 不到, 不足, 少于, 低于, 未满
``<=``     up to, no more than, not more than, at most, a maximum of, as many as,
           as much as, as high as, not exceeding; after: or less, or fewer, or below;
           最多, 最长, 最高, 不超过, 至多, 多达, 高达; after: 以下, 以内, 之内
``~``      about, around, some, approximately, roughly, an estimated, circa;
           after: or so, -odd; 约, 大约, 约为, 大概, 大致; after: 左右, 上下
near       nearly, almost, close to, just under, nearing; 近, 将近, 接近, 逼近, 几乎
           (qualifier ``<`` with ``near``); just over, slightly more than (``>``, near)
``range``  five to seven days, between 20 and 30 percent, 1.5-2 million tons,
           20%-30%, two or three days, 3至5个工作日, 两到三天, 两三天
=========  ===========================================================================

Basis, from the nearest marker in the same clause (no comma, semicolon or full
stop in between), at most five words (twelve Chinese characters) before the
figure or eight words (six characters) after it, or from a "per day" unit:

=============  ==========================================================================
``per_year``   annual, annually, yearly, a/per/each/every year, per annum; 年均, 每年,
               年平均, 平均每年
``per_day``    daily, a/per/each/every day; 日均, 每天, 每日, 平均每天
``per_month``  monthly, a/per/each/every month; 月均, 每月
``total``      a total of, total, totaling, in total, cumulative(ly), altogether, in all;
               累计, 总计, 共计, 合计, 一共, 总共, 总额, 总量, 总数, 总值, 共 (counts only)
=============  ==========================================================================

"year on year" and "a year earlier" are comparisons, not a basis.

Not figures: dates and periods (whatever :func:`pytest_briefcheck.dates.date_spans`
marks, including "24/7"), bare years 1900-2100, ordinals (14th, first, 第三,
"eighth consecutive"), numbers glued to letters (5G, G20, COVID-19, 1990s), labels
(Group 1, No. 5, Article 3, 3号), citation markers ([2]), list markers at the start
of a line (1. / 1、 / (1)), times of day (10:30), page navigation lines
("<  1  2  3 >"), hyphenated words (one-stop, two-way, "Five-Year Plan"), a lone
"one"/一 without a measuring unit (one of, 一个, 统一), vague amounts (hundreds of,
dozens of, 数百, 十几), and worded fractions without "of" or a qualifier
("a third country", "the first half").
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .errors import BriefcheckValueError
from .numerals import (
    CHINESE_DIGITS,
    CHINESE_PLACES,
    CHINESE_SCALES,
    ENGLISH_DENOMINATORS,
    ENGLISH_MULTIPLES,
    ENGLISH_PLACES,
    ENGLISH_SCALES,
    ENGLISH_SMALL,
    ENGLISH_TENS,
    SCALE_ABBREVIATIONS,
    Number,
    chinese_decimal,
    chinese_int,
    combine,
    digits,
    english_words,
)
from .units import (
    CURRENCY_PREFIXES,
    EN_COUNT_NOUNS,
    EN_UNIT_WORDS,
    PERIOD_BASIS,
    PERIOD_UNITS,
    UNIT_SYMBOLS,
    ZH_COUNTERS,
    ZH_UNITS,
)

if TYPE_CHECKING:
    from pint import Quantity

QUALIFIERS = ("=", "~", ">", ">=", "<", "<=", "range")
BASES = ("per_year", "per_day", "per_month", "total")


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
    direction: str | None = None  # a rate of change: "up" (增长, rose) or "down" (下降, fell)

    @property
    def quantity(self) -> Quantity:
        from .units import quantity

        return quantity(self.value, self.unit)

    def describe(self) -> str:
        """The normalized value in one short line, e.g. ``> 3000``, ``~ 5.2e9 t (per_year)``.

        ``parse_figure`` reads every line this gives back into the same figure:
        ``5.2e9 t``, ``> 3000``, ``~ 7000 (near)`` ("nearly 7,000": qualifier ``<``,
        ``near``), ``5–7 day``, ``80 percent``, ``2.6x``, ``4.15e13 CNY (per_year)``.
        """
        unit = self.unit
        if self.kind == "multiple":
            suffix = "x"
        elif unit:
            suffix = f" {unit}"
        else:
            suffix = ""
        if self.qualifier == "range":
            low = self.low if self.low is not None else self.value
            high = self.high if self.high is not None else self.value
            body = f"{format_value(low)}–{format_value(high)}{suffix}"
        elif self.near:
            body = f"~ {format_value(self.value)}{suffix}"
            body += " (near)" if self.qualifier in ("<", "<=") else " (just over)"
        else:
            prefix = "" if self.qualifier == "=" else f"{self.qualifier} "
            body = f"{prefix}{format_value(self.value)}{suffix}"
        if self.basis:
            body += f" ({self.basis})"
        if self.direction:
            body += f" ({self.direction})"
        return body

    def as_dict(self) -> dict[str, Any]:
        """Every field as plain JSON values, plus ``"normalized"``: :meth:`describe`."""
        return {
            "text": self.text,
            "span": [self.span[0], self.span[1]],
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
            "direction": self.direction,
            "normalized": self.describe(),
        }


def format_value(value: float) -> str:
    """A number as short as it reads: ``3000``, ``7.9``, ``5.2e9``, ``4.15e13``, ``5e-5``."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e6:
        return str(int(value))
    magnitude = abs(value)
    if 1e-4 <= magnitude < 1e6:
        return f"{value:.6g}"
    mantissa, _, exponent = f"{value:.6e}".partition("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{int(exponent)}"


# -- building blocks of the patterns ----------------------------------------------------------

# Line breaks are spaces: hard-wrapped transcripts put "3.5" and "billion tons" on two lines.
_SP = r"[ \t\u00a0\u3000\r\n]"
_DIG = r"[0-9\uff10-\uff19]"
# groups of three split by commas, or by thin or no-break spaces ("41 500", as SI style has it)
_ARABIC = (
    rf"(?:{_DIG}{{1,3}}(?:,{_DIG}{{3}})+|{_DIG}{{1,3}}(?:[\u2009\u202f\u00a0]{_DIG}{{3}})+(?!{_DIG})"
    rf"|{_DIG}+)(?:[.\uff0e]{_DIG}+)?"
)
_ZHC = "〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_ZH_DIGITS = "〇零一二三四五六七八九"  # after 点, a decimal digit by digit: 三点六, 零点五
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# a line break before a Chinese character: a hard wrap, which Chinese text reads through
_WRAP_BEFORE_CJK = re.compile(rf"(?:\r\n|\r|\n)(?={_CJK.pattern})")
# Chinese characters, or the full-width forms only Chinese typesetting uses (４３.８５, ％).
_CHINESE_SIGN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e]")
_LETTER = re.compile(r"[A-Za-z]")


def _cap(word: str) -> str:
    """A word that may start with a capital letter: ``[Mm]ore``; other text escaped."""
    first = word[0]
    rest = re.escape(word[1:]).replace(r"\ ", rf"{_SP}+")
    if first.isalpha() and first.isascii():
        return f"[{first.upper()}{first.lower()}]{rest}"
    return re.escape(first) + rest


def _trie(words: Any, capital: bool = False) -> str:
    """A regular expression for a set of words, shared prefixes factored out.

    Python's engine tries alternatives one by one; a trie decides on each character
    once, which makes these vocabulary patterns several times faster than a flat
    alternation. A space matches any run of spaces; with ``capital`` the first letter
    may be upper case. Longer words win, as in a longest-first alternation.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def atom(char: str, root: bool) -> str:
        if char == " ":
            return f"{_SP}+"
        if root and capital and char.isascii() and char.isalpha():
            return f"[{char.upper()}{char.lower()}]"
        return re.escape(char)

    def emit(node: dict[str, Any], root: bool = False) -> str:
        branches = [atom(char, root) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return emit(tree, root=True)


def _alternation(words: Any, capital: bool = True) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(_cap(w) if capital else re.escape(w) for w in ordered)


# What may follow a lone Chinese numeral character for it to be a number at all.
_ZH_FOLLOW = re.escape(
    "".join(
        sorted(
            {key[0] for key in ZH_UNITS}
            | {counter[0] for counter in ZH_COUNTERS}
            | set("多余倍成半分万亿十百千至到~～-—%％")
        )
    )
)

_EN_TOKENS = [
    *ENGLISH_SMALL,
    *ENGLISH_TENS,
    *ENGLISH_PLACES,
    *ENGLISH_SCALES,
    "dozen",
    *ENGLISH_DENOMINATORS,
    *ENGLISH_MULTIPLES,
]
_EN_TOKEN = _alternation(_EN_TOKENS)
_ARTICLE_NEXT = _alternation(
    [*ENGLISH_PLACES, *ENGLISH_SCALES, "dozen", *ENGLISH_DENOMINATORS], capital=False
)
_EN_SEP = rf"{_SP}*-{_SP}*|{_SP}+and{_SP}+|{_SP}+"

_CORE = re.compile(
    rf"(?P<zfrac>(?:[{_ZHC}]+|{_ARABIC})分之(?:[{_ZHC}]+(?:点[{_ZH_DIGITS}]+)?|{_ARABIC}))"
    r"|(?P<zspec>一半|过半数|过半|半数|翻了?[一两二三四]?番)"
    rf"|(?P<num>{_ARABIC}(?:[eE][+-]?[0-9]{{1,3}}(?![A-Za-z0-9]))?)"
    rf"|(?P<zh>[{_ZHC}]{{2,}}|[{_ZHC}](?=[{_ZH_FOLLOW}]|点[{_ZH_DIGITS}]))"
    rf"|(?P<en>(?<![A-Za-z])(?:[Aa]n?{_SP}+(?=(?:{_ARTICLE_NEXT})(?![A-Za-z])))?"
    rf"(?:{_EN_TOKEN})(?![A-Za-z])"
    rf"(?:(?:{_EN_SEP})(?:{_EN_TOKEN})(?![A-Za-z])){{0,7}}"
    rf"(?:{_SP}+and{_SP}+a{_SP}+half(?![A-Za-z]))?)"
)
_WORD_SPANS = re.compile(r"[A-Za-z]+")
# the decimals after a Chinese numeral (三点六, 零点五, 三点六万亿); 十点三十分 is a clock
_ZH_DECIMALS = re.compile(rf"点[{_ZH_DIGITS}]+(?:万亿|[十百千]?[万亿])?(?![{_ZHC}分时秒刻钟点])")


# The scan runs two cheap searches: one for digits and Chinese numerals on the text, one
# for number words on a lower-cased copy with a space in front (so index i of the copy
# is the character before text[i]).
_NUM_TRIGGER = re.compile(rf"[0-9\uff10-\uff19{_ZHC}翻过半]")
_WORD_TRIGGER = re.compile(rf"[^a-z](?:{_trie(_EN_TOKENS)})(?![a-z])")
_ARTICLE_BEFORE = re.compile(rf"(?<![A-Za-z])[Aa]n?{_SP}+$")
_ARTICLE_WORDS = frozenset([*ENGLISH_PLACES, *ENGLISH_SCALES, "dozen", *ENGLISH_DENOMINATORS])
# What a scale word after digits can start with: " billion", "-million", "bn", "k", 万, 多万.
_SCALE_STARTS = frozenset(" \t\u00a0\u3000\r\n-bmtkK十百千万亿多余")
# A number followed by one of these has no unit, qualifier or range after it.
_NOTHING_FOLLOWS = frozenset(',.;:!?)]}"”’，。；：！？）、】')
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# -- after the number ----------------------------------------------------------------------------

_EN_SCALE = re.compile(
    rf"(?:{_SP}+|{_SP}*-{_SP}*)(?P<w>{_trie([*ENGLISH_PLACES, *ENGLISH_SCALES], True)})(?![A-Za-z])"
    rf"|{_SP}?(?P<a>bn|bln|mn|mln|tn|trn)(?![A-Za-z])|(?P<k>[kK])(?![A-Za-z])"
    r"|(?P<m>m)(?![A-Za-z])"  # "$3m", "3m tonnes": a million only where money or a count says so
)
# "41.5万\n亿元": a hard wrap may split a run of scale characters before 万 or 亿
_ZH_SCALE_CHARS = re.compile(r"(?:万亿|[十百千万亿])(?:(?:\r\n|\r|\n)?(?:万亿|[万亿])|[十百千])*")
_ZH_UNIT_STARTS = ("千瓦", "千米", "千克", "百分", "千分", "万分")
_MIXED_GROUPS = 4
# the next group of a mixed numeral (4500万 after 3亿), a hard wrap allowed before it
_MIXED_NEXT = re.compile(rf"(?:\r\n|\r|\n)?({_ARABIC})({_ZH_SCALE_CHARS.pattern})")
_GT_INNER = re.compile(r"[多余]")

_PERCENT = re.compile(  # a hyphen before the word too: "a 10-percent rise"
    rf"{_SP}*(?P<pct>%|％)"
    rf"|(?:{_SP}*-)?{_SP}*(?P<pp>percentage(?:{_SP}+|-)points?|个百分点|百分点)(?![A-Za-z])"
    rf"|(?:{_SP}+|{_SP}*-{_SP}*)(?P<pw>percent|per{_SP}*cent|pct)(?![A-Za-z])"
    r"|(?P<tenth>成)(?![为立员本果就功交长都熟型效绩品])"
)
_CLOCK_AFTER = re.compile(rf"{_SP}*(?:[ap]\.{_SP}?m\.?|[ap]m|o'clock|o’clock)(?![A-Za-z])", re.I)
_HOW_OFTEN = re.compile(
    rf"{_SP}+(?:(?:a|an|per|each|every){_SP}+(?:day|week|month|quarter|year)"
    r"|daily|weekly|monthly|quarterly|yearly|annually)(?![A-Za-z])"
)
# "one in five", "two out of every three": a share, as a fraction
_ONE_IN = re.compile(
    rf"{_SP}+(?:in|out{_SP}+of){_SP}+(?:every{_SP}+)?(?P<m>[0-9]{{1,3}}(?![0-9,.])|"
    rf"(?:a{_SP}+)?(?:hundred|thousand)|two|three|four|five|six|seven|eight|nine|ten|twenty)"
    rf"(?![A-Za-z0-9]|{_SP}+(?:days?|weeks?|months?|years?|hours?|minutes?|times)(?![A-Za-z]))"
)
_MULTIPLE = re.compile(rf"{_SP}*(?:-{_SP}*)?(?:times|fold)(?![A-Za-z])|{_SP}*倍|x(?![A-Za-z0-9])")
# Unit words written with capitals inside them (EN_UNIT_WORDS holds them in lower case).
_UNIT_CASES = (
    "U.S. dollars",
    "U.S. dollar",
    "US dollars",
    "US dollar",
    "HK dollars",
    "Hong Kong dollars",
    "RMB",
    "CNY",
    "USD",
    "EUR",
    "JPY",
    "HKD",
    "GBP",
    "TEU",
    "TEUs",
    "yuan (RMB)",
)
_FILLERS = "consecutive|straight|successive|full|whole|more|additional|extra|calendar"
_EN_UNIT = re.compile(
    rf"(?P<sep>{_SP}+|{_SP}*-{_SP}*)(?:(?:{_FILLERS}){_SP}+)?"
    rf"(?P<u>{_trie([*EN_UNIT_WORDS, *_UNIT_CASES], capital=True)})(?![A-Za-z])"
)
_SYMBOL = re.compile(  # "300 km", "300km", "a 300-km railway" (a hyphen before two letters or more)
    rf"(?:{_SP}?|-(?=[A-Za-z]{{2}}))(?P<s>{_trie([*UNIT_SYMBOLS, '1'])})"
    rf"(?:{_SP}*/{_SP}*(?P<per>day|year|month|week|hour|d|yr))?(?![A-Za-z0-9_*²³])"
)
_ZH_UNIT = re.compile(_trie(ZH_UNITS))
_ZH_COUNTER = re.compile(_trie(ZH_COUNTERS))
_STOP_WORDS = (
    "of|in|to|the|and|or|for|from|with|by|at|on|as|than|was|were|is|are|has|have|had|been|be|"
    "which|that|this|these|those|its|their|per|a|an|each|every|while|into|over|under|more|"
    "less|year|years|day|days|month|months|compared|accounting|reaching|bringing"
)
_COUNT = re.compile(
    rf"(?:{_SP}+(?:(?!(?:{_STOP_WORDS})(?![A-Za-z]))[a-z][a-z'-]*|[A-Z]{{2,5}}(?![A-Za-z]))){{0,2}}"
    rf"{_SP}+(?P<n>{_trie(EN_COUNT_NOUNS, capital=True)})(?![A-Za-z])"
)
_PER = re.compile(
    rf"{_SP}+(?:per|a|an|each|every){_SP}+(?P<p>day|year|month|week|hour|annum)"
    rf"(?![A-Za-z])(?![- ]on[- ]year|{_SP}+(?:earlier|ago|before|later|after))"
    rf"|{_SP}*/{_SP}*(?P<s>day|year|month|week|hour|天|日|年|月)(?![A-Za-z])"
    rf"|{_SP}+(?P<d>daily)(?![A-Za-z])"
    r"|(?P<z>每天|每日|每年|每月|每周|每小时)"
)
_EN_QUAL_AFTER = re.compile(
    rf"{_SP}+or{_SP}+(?P<ge>more|above|over|greater|higher)(?![A-Za-z])"
    rf"|{_SP}+and{_SP}+(?P<ge2>above|over|more)(?![A-Za-z])"
    rf"|{_SP}+or{_SP}+(?P<le>less|fewer|below|under)(?![A-Za-z])"
    rf"|{_SP}+or{_SP}+(?P<ab>so)(?![A-Za-z])"
    rf"|(?P<gt>-?plus(?![A-Za-z])|\+(?![0-9]))"
    rf"|(?P<ab2>-odd)(?![A-Za-z])"
    rf"|{_SP}*\((?P<near>near|just over)\)"
)
_ZH_QUAL_AFTER = re.compile(r"(?P<ge>及?以上)|(?P<le>及?以下|以内|之内)|(?P<ab>左右|上下)")
_SESSION_OF = re.compile(r"届(?:[一二三四五六七八九十]+(?:中全会|次会议)|全国人大|全国政协|中央)")
_CONGRESSES = ("人大", "政协", "常委会", "届")
_LABEL_AFTER_ZH = re.compile(r"号|届|期|楼|层|版|点|时|分|路|栋|室|章|热线|页")
_RANGE_JOIN = re.compile(
    rf"{_SP}*(?P<sym>-|–|—(?!—)|~|～|〜|至|到){_SP}*|{_SP}+(?P<word>to|and|or){_SP}+"
)
_CURRENCY_AFTER_JOIN = re.compile(_alternation(CURRENCY_PREFIXES, capital=False))
_OF_AFTER = re.compile(rf"{_SP}+of(?![A-Za-z])")
_BY_BEFORE = re.compile(rf"(?<![A-Za-z])by{_SP}+$")
_FROM_CHAIN = re.compile(rf"{_SP}+to{_SP}+")
_CHANGE_VERB = re.compile(
    r"(?<![A-Za-z])(?:rose|risen|rising|rises|increased?|increasing|grew|grown|growing|fell|"
    r"fallen|falling|dropped|dropping|declined?|declining|jumped|climbed|surged|soared|"
    r"expanded|expanding|reduced|reducing|cut|cutting|shortened|shortening|raised|raising|"
    r"lowered|lowering|up|down|went)(?![A-Za-z])"
)

# The direction of a percentage change, from the words just before it (up to the number) or
# just after it. "to" or 至 between the verb and the number makes a level: "rose to 5%".
_DIRECTION_REACH = 40
_UP_EN = (
    "up|rose|risen|rising|rises|grew|grown|growing|grows|increased|increasing|increases|"
    "gained|climbed|jumped|surged|soared|expanded|accelerated|raised|lifted|boosted|"
    "rebounded|widened|advanced|appreciated|strengthened|"
    "picked up|went up|edged up|ticked up|moved up"
)
_DOWN_EN = (
    "down|fell|fallen|falling|falls|dropped|dropping|drops|declined|declining|declines|"
    "decreased|decreasing|decreases|shrank|shrunk|slid|slipped|contracted|slowed|narrowed|"
    "eased|dipped|plunged|tumbled|sank|retreated|cut|lowered|reduced|depreciated|weakened|"
    "went down|edged down|ticked down|moved down"
)
_UP_NOUN = "increase|rise|growth|gain|jump|surge|expansion|hike"
_DOWN_NOUN = "decrease|decline|drop|fall|reduction|contraction|slowdown|dip"
_UP_ZH = "同比增长|增长|增加|提高|上升|上涨|扩大|加快|回升|攀升|提升|反弹|上调|增|涨|升"
_DOWN_ZH = "负增长|下降|减少|降低|下跌|回落|收窄|放缓|缩小|下滑|萎缩|缩减|下调|减|降|跌"
_DIRECTION_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?:(?P<up_en>{_UP_EN})|(?P<down_en>{_DOWN_EN}))(?:{_SP}+by)?{_SP}*"
    rf"|(?<![A-Za-z])(?:(?P<up_noun>{_UP_NOUN})|(?P<down_noun>{_DOWN_NOUN})){_SP}+of{_SP}*"
    rf"|(?:(?P<up_zh>{_UP_ZH})|(?P<down_zh>{_DOWN_ZH}))了?"
    r"|(?:^|(?<=[\s(（:：,，]))(?:(?P<up_sign>\+)|(?P<down_sign>[-−–]))"
    r")\Z"
)
# 增长了1倍 is "increased by 100%", twice the base; 增长到3倍 and 是…的3倍 are three times it.
_GREW_BY_ZH = re.compile(r"(?:增长|增加|提高|上升|上涨|扩大|提升|增)了?\Z")
_COMPARATIVE_AFTER = re.compile(
    rf"{_SP}+(?:(?P<up_word>more|higher)|(?P<down_word>fewer|less|lower))(?![A-Za-z])"
    r"|\s?\((?:(?P<up_mark>up)|(?P<down_mark>down))\)"
)
_DIRECTION_AFTER = re.compile(
    rf"(?:{_SP}*-|{_SP}+)(?:(?P<up_word>{_UP_NOUN}|higher|faster|more|up)"
    rf"|(?P<down_word>{_DOWN_NOUN}|lower|slower|less|fewer|down))(?![A-Za-z])"
    r"|\s?\((?:(?P<up_mark>up)|(?P<down_mark>down))\)"
)

# -- before the number: read backwards from the number on a reversed, lower-cased window -------

_QUALIFIERS_EN: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(
        (
            "more than",
            "over",
            "above",
            "exceeding",
            "exceeded",
            "exceeds",
            "exceed",
            "in excess of",
            "upwards of",
            "upward of",
            "surpassing",
            "surpassed",
            "topping",
            "topped",
            "greater than",
            "higher than",
            "larger than",
        ),
        (">", False),
    ),
    **dict.fromkeys(
        (
            "just over",
            "just above",
            "slightly over",
            "slightly above",
            "slightly more than",
            "a little over",
            "a little more than",
            "just more than",
        ),
        (">", True),
    ),
    **dict.fromkeys(
        (
            "at least",
            "no less than",
            "not less than",
            "no fewer than",
            "not fewer than",
            "a minimum of",
            "minimum of",
            "as little as",
            "as few as",
            "as short as",
        ),
        (">=", False),
    ),
    **dict.fromkeys(
        ("less than", "fewer than", "under", "below", "lower than", "smaller than", "short of"),
        ("<", False),
    ),
    **dict.fromkeys(
        (
            "nearly",
            "almost",
            "close to",
            "just under",
            "just short of",
            "just below",
            "just shy of",
            "nearing",
            "slightly less than",
            "slightly under",
            "a little under",
            "a little less than",
        ),
        ("<", True),
    ),
    **dict.fromkeys(
        (
            "up to",
            "no more than",
            "not more than",
            "no greater than",
            "at most",
            "a maximum of",
            "maximum of",
            "as many as",
            "as much as",
            "as high as",
            "as long as",
            "not exceeding",
        ),
        ("<=", False),
    ),
    **dict.fromkeys(
        (
            "about",
            "around",
            "some",
            "approximately",
            "approx.",
            "roughly",
            "an estimated",
            "estimated",
            "circa",
            "on the order of",
        ),
        ("~", False),
    ),
    "between": ("between", False),
    "from": ("from", False),
}
_QUALIFIERS_ZH: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(("超过", "超", "逾", "多于", "高于", "大于", "突破", "超出"), (">", False)),
    **dict.fromkeys(
        ("至少", "不少于", "不低于", "不小于", "最少", "最低", "最快", "最短"), (">=", False)
    ),
    **dict.fromkeys(("不到", "不足", "少于", "低于", "小于", "未满", "不满"), ("<", False)),
    **dict.fromkeys(("近", "将近", "接近", "逼近", "近乎", "几乎"), ("<", True)),
    **dict.fromkeys(
        ("最多", "最长", "最高", "不超过", "至多", "多达", "高达", "不高于", "不多于", "最大"),
        ("<=", False),
    ),
    **dict.fromkeys(("约", "大约", "约为", "约合", "约占", "大概", "大致"), ("~", False)),
}
_QUALIFIER_SYMBOLS: dict[str, str] = {
    ">=": ">=",
    "<=": "<=",
    "≥": ">=",
    "≤": "<=",
    "≧": ">=",
    "≦": "<=",
    ">": ">",
    "<": "<",
    "＞": ">",
    "＜": "<",
    "~": "~",
    "～": "~",
    "≈": "~",
}
# Characters a Chinese qualifier must not be read out of: 最近 (recent), 节约 (save) ...
_ZH_QUALIFIER_ENDS = frozenset(
    phrase[-1] for phrase in [*_QUALIFIERS_ZH, "达", "为", "了", "于", "有"]
)
_ZH_NOT_AFTER = {"近": "最附邻亲靠", "约": "条节合协公制签预邀相婚", "超": "赶"}


def _reversed_alternation(table: dict[str, Any], english: bool) -> str:
    """The phrases of ``table`` spelt backwards, for reading back from a number."""
    if english:
        return f"(?:{_trie(phrase[::-1] for phrase in table)})(?![a-z])"
    plain = [phrase[::-1] for phrase in table if phrase not in _ZH_NOT_AFTER]
    guarded = [f"{re.escape(p[::-1])}(?![{_ZH_NOT_AFTER[p]}])" for p in table if p in _ZH_NOT_AFTER]
    return "|".join([_trie(plain), *guarded])


_CURRENCIES_REVERSED = "|".join(
    re.escape(c[::-1].lower()) for c in sorted(CURRENCY_PREFIXES, key=len, reverse=True)
)
_SYMBOLS_REVERSED = "|".join(
    re.escape(s[::-1]) for s in sorted(_QUALIFIER_SYMBOLS, key=len, reverse=True)
)
_PREFIX = re.compile(
    rf"(?:{_SP}?(?P<cur>{_CURRENCIES_REVERSED}))?"
    rf"(?:(?P<sp>{_SP}*)(?P<verb>达可|到达|达|为|了|于|有)?{_SP}*"
    rf"(?:(?P<en>{_reversed_alternation(_QUALIFIERS_EN, True)})"
    rf"|(?P<zh>{_reversed_alternation(_QUALIFIERS_ZH, False)})"
    rf"|(?P<sym>{_SYMBOLS_REVERSED})))?"
)
_PREFIX_REACH = 40
_LABEL_BEFORE = re.compile(
    rf"{_SP}*(?:\.?on|\.son|rebmun|elcitra|noitces|retpahc|meti|egap|hpargarap|esualc|xenna|xidneppa|"
    r"erugif|elbat|esahp|level|edarg|ssalc|lanimret|etag|moor|\.lov|emulov|eussi|puorg|trap|"
    r"pets|egats|dnuor|noisrev|enil|mroftalp|etuor|edoc|ledom|thgilf|yawhgih|"
    r":?(?:eniltoh|enohpelet|enohp|xaf)|[:.]?let|#|打拨|线热|话电"
    rf"|fo{_SP}+[0-9]{{1,4}}{_SP}+egap)(?![a-z])"  # "Page 2 of 4"
)
# "Boeing 737", "Resolution 2758", "ISO 14001": a name, then a code of three digits or more.
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][A-Za-z]*[ \u00a0]\Z")
_CAPITALIZED_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
_NOT_SPACE = re.compile(r"\S")

# -- the basis ----------------------------------------------------------------------------------

_BASIS_PHRASES: dict[str, tuple[str, str]] = {
    # phrase: (basis, where it may stand: "before", "after" or "both")
    "annual": ("per_year", "before"),
    "annually": ("per_year", "both"),
    "yearly": ("per_year", "both"),
    "per year": ("per_year", "both"),
    "a year": ("per_year", "after"),
    "each year": ("per_year", "both"),
    "every year": ("per_year", "both"),
    "per annum": ("per_year", "both"),
    "daily": ("per_day", "both"),
    "per day": ("per_day", "both"),
    "a day": ("per_day", "after"),
    "each day": ("per_day", "both"),
    "every day": ("per_day", "both"),
    "monthly": ("per_month", "both"),
    "per month": ("per_month", "both"),
    "a month": ("per_month", "after"),
    "each month": ("per_month", "both"),
    "every month": ("per_month", "both"),
    "a total of": ("total", "before"),
    "total": ("total", "before"),
    "totaling": ("total", "before"),
    "totalling": ("total", "before"),
    "totaled": ("total", "before"),
    "totalled": ("total", "before"),
    "in total": ("total", "both"),
    "cumulative": ("total", "both"),
    "cumulatively": ("total", "both"),
    "altogether": ("total", "both"),
    "combined": ("total", "both"),
    "in all": ("total", "after"),
    "(per_year)": ("per_year", "after"),
    "(per_day)": ("per_day", "after"),
    "(per_month)": ("per_month", "after"),
    "(total)": ("total", "after"),
    "年均": ("per_year", "both"),
    "每年": ("per_year", "before"),
    "年平均": ("per_year", "before"),
    "平均每年": ("per_year", "before"),
    "日均": ("per_day", "before"),
    "每天": ("per_day", "before"),
    "每日": ("per_day", "before"),
    "平均每天": ("per_day", "before"),
    "月均": ("per_month", "before"),
    "每月": ("per_month", "before"),
    "累计": ("total", "before"),
    "总计": ("total", "before"),
    "共计": ("total", "before"),
    "合计": ("total", "before"),
    "一共": ("total", "before"),
    "总共": ("total", "before"),
    "总额": ("total", "before"),
    "总量": ("total", "before"),
    "总数": ("total", "before"),
    "总值": ("total", "before"),
    "共": ("total", "before"),
}


_LITERAL_MARKS = [w for w in _BASIS_PHRASES if _CJK.match(w) or w.startswith("(")]
# Chinese markers and "(per_year)": literal alternatives, found by a fast literal scan.
_BASIS_LITERAL = re.compile(
    "|".join(re.escape(w) for w in sorted(_LITERAL_MARKS, key=lambda w: (-len(w), w)))
)
# English markers, on the lower-cased copy (see _WORD_TRIGGER); one space stands for any.
_BASIS_WORDS = re.compile(
    "[^a-z](?:" + _trie(w for w in _BASIS_PHRASES if w not in _LITERAL_MARKS) + ")(?![a-z])"
)
_TERMS_NOT_TOTAL = ("生产总值", "经济总量")  # GDP and the size of an economy
_NOT_TOTAL_AFTER = frozenset("同建享赢产商识")  # 共同, 共建, 共享 ...: not 共 "in all"
_COMBINED_WITH = re.compile(rf"{_SP}+with(?![a-z])")
_NOT_A_BASIS = re.compile(rf"[- ]on[- ]year|{_SP}+(?:earlier|ago|before|later|after)(?![a-z])")
_CLAUSE_BREAK = re.compile(r"[;!?。；！？，、：()（）]|[.,:](?:\s|$)|\n\s*\n")
_BASIS_REACH = 120

# -- page navigation, list markers and citations ------------------------------------------------

_NAVIGATION = re.compile(
    r"(?m)^[ \t\u00a0\u3000]*(?:(?:[0-9]{1,3}(?![0-9])|[<>«»‹›|…]|\.\.\.|Prev(?:ious)?|Next|"
    r"上一页|下一页|首页|尾页)[ \t\u00a0\u3000]*){3,}\r?$"
)


@dataclass(slots=True)
class _Atom:
    """One number read with what follows it (scale, unit, count noun, 多, 以上 ...)."""

    start: int
    core_start: int
    core_end: int
    num_end: int
    end: int
    value: Decimal
    precision: Decimal
    exact: bool
    kind: str = "number"
    unit: str = ""
    scale: Decimal | None = None
    zh: bool = False
    source: str = "digits"  # "digits" | "zh" | "words" | "fraction"
    qualifier: str = "="
    near: bool = False
    basis: str | None = None
    counted: bool = False
    lone_one: bool = False
    needs_of: bool = False
    year_like: bool = False
    range_high: Decimal | None = None
    bare_place: bool = False  # 近千: a place word standing for one of it
    decimal_fraction: bool = False  # 0.2: a plain decimal below one reads as a fraction
    name: bool = False  # "Five-Year Plan": part of a name


class _Reader:
    """Reads all figures of one text."""

    def __init__(self, text: str, lang: str | None, years: bool = False) -> None:
        self.text = text
        self.lang = lang if lang in ("en", "zh") else None
        self.years = years  # a bare 2000 is a figure: the text is a value, not prose
        self._default_lang: str | None = None
        self._excluded_starts: list[int] | None = None
        self._excluded_ends: list[int] = []
        self._marks: list[tuple[int, int, str, str, bool]] | None = None
        self._mark_starts: list[int] = []
        self._lowered: str | None = None

    # -- the scan ----------------------------------------------------------------------------

    @property
    def lowered(self) -> str:
        """ " " + the text in lower case, index for index (see _WORD_TRIGGER)."""
        if self._lowered is None:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):  # a character whose lower case is longer
                lowered = self.text.translate(_ASCII_LOWER)
            self._lowered = " " + lowered
        return self._lowered

    def figures(self) -> list[Figure]:
        found: list[Figure] = []
        text = self.text
        lowered = self.lowered
        numbers = _NUM_TRIGGER.search
        words = _WORD_TRIGGER.search
        next_number = numbers(text)
        next_word = words(lowered)
        position = 0  # everything before it has been read; a candidate never steps back past it
        while next_number is not None or next_word is not None:
            if next_word is None or (
                next_number is not None and next_number.start() <= next_word.start()
            ):
                assert next_number is not None
                candidate = next_number.start()
            else:
                candidate = next_word.start()
                before = text[max(0, candidate - 4) : candidate]
                word = _WORD_SPANS.match(text, candidate)
                article = _ARTICLE_BEFORE.search(before)
                if (
                    word is not None
                    and word.group().lower() in _ARTICLE_WORDS
                    and article is not None
                    and candidate - len(before) + article.start() >= position
                ):
                    candidate -= len(before) - article.start()
            match = _CORE.match(text, candidate)
            position = candidate + 1
            if match is not None:
                figures, resume = self.read(match)
                found.extend(figures)
                position = max(resume, position)
            if next_number is not None and next_number.start() < position:
                next_number = numbers(text, position)
            if next_word is not None and next_word.start() < position:
                next_word = words(lowered, position)
        return found

    def excluded(self, start: int, end: int) -> bool:
        """Whether text[start:end] touches a date, a period or a page-navigation line."""
        if self._excluded_starts is None:
            self._exclusions()
        assert self._excluded_starts is not None
        index = bisect.bisect_right(self._excluded_starts, end - 1) - 1
        return index >= 0 and self._excluded_ends[index] > start

    def _exclusions(self) -> None:
        from .dates import date_spans

        text = self.text
        spans = [m.span() for m in _NAVIGATION.finditer(text) if _nav_numbers(m.group()) >= 2]
        spans.extend(
            (start, end)
            for start, end in date_spans(text)
            if not (self.years and text[start:end].isdigit())  # "2000" alone: a value
        )
        spans.sort()
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._excluded_starts = [start for start, _ in merged]
        self._excluded_ends = [end for _, end in merged]

    def read(self, match: re.Match[str]) -> tuple[list[Figure], int]:
        if self.excluded(match.start(), match.start() + 1):
            return [], match.end()  # a date ("Aug. 25, 2025") or a page-navigation line
        atom = self.atom(match)
        if atom is None:
            return [], self.skip_to(match)
        if self.excluded(atom.core_start, atom.num_end):
            return [], match.end()
        prefix = self.prefix(atom.core_start)
        qualifier, near, start = atom.qualifier, atom.near, atom.start
        marker = None
        if prefix is not None:
            cur, q, q_near, q_start, cur_start = prefix
            if cur and not atom.unit and atom.kind == "number":
                atom.unit = cur
                atom.start = cur_start
                start = cur_start
            if q in ("between", "from"):
                marker = q
            elif q is not None:
                qualifier, near, start = q, q_near, q_start
            if atom.near:
                qualifier, near = atom.qualifier, True  # "~ 7000 (near)": the note decides
        elif self.labelled(atom):
            return [], atom.end
        if atom.zh and atom.source == "zh" and atom.bare_place and prefix is None:
            return [], atom.end
        joined = self.range_from(atom, marker, prefix)
        if joined is not None:
            return joined
        if not self.stands_alone(atom, qualifier):
            return [], atom.end if atom.source != "words" else atom.core_end
        if qualifier == "=" and atom.qualifier != "=":
            qualifier, near = atom.qualifier, atom.near
        if self.excluded(start, atom.end):
            return [], atom.end
        return [self.figure(atom, start, atom.end, qualifier, near)], atom.end

    def skip_to(self, match: re.Match[str]) -> int:
        if match.lastgroup == "en":
            words = _WORD_SPANS.match(match.group())
            return match.start() + (words.end() if words else 1)
        return match.end()

    # -- reading one number --------------------------------------------------------------------

    def atom(self, match: re.Match[str], in_range: bool = False) -> _Atom | None:
        kind = match.lastgroup
        if kind == "num":
            return self.digits_atom(match, in_range)
        if kind == "zh":
            return self.zh_atom(match, in_range)
        if kind == "en":
            return self.words_atom(match)
        if kind == "zfrac":
            return self.zh_fraction(match)
        if kind == "zspec":
            return self.zh_special(match)
        return None

    def digits_atom(self, match: re.Match[str], in_range: bool = False) -> _Atom | None:
        text = self.text
        start, end = match.span()
        before = text[start - 1] if start else ""
        if before and not in_range:
            if before.isascii() and before.isalpha():
                if not re.search(
                    r"(?:RMB|USD|CNY|EUR|HK\$|US\$)$", text[max(0, start - 4) : start]
                ):
                    return None
            elif (
                before in "_/\\#@&"
                or (before == "=" and text[max(0, start - 2) : start - 1] not in (">", "<"))
                or before.isdigit()
                or (before in ".,:" and start >= 2 and text[start - 2].isdigit())
                or (
                    before == "-"
                    and start >= 2
                    and (text[start - 2].isalnum() and text[start - 2].isascii())
                )
                or before == "第"
            ):
                return None
        raw = match.group()
        number = digits(raw)
        if number is None or len(raw) > 40:
            return None
        if len(raw) > 1 and raw[0] in "0０" and raw[1].isdigit():
            return None  # 010-6559 2000, 007: a code, not an amount
        after = text[end : end + 2]
        if after[:1] in (":", "：") and after[1:2].isdigit():
            return None
        if after[:1] in (".", ",") and after[1:2].isdigit():
            return None
        if start >= 1 and before == ":" and start >= 2 and text[start - 2].isdigit():
            return None
        if self.bracketed(start, end) or self.list_marker(start, end):
            return None
        atom = _Atom(start, start, end, end, end, number.value, number.precision, number.exact)
        exponent = "e" in raw.lower()
        if exponent:
            atom.scale = Decimal(1)
        if after[:1] == "/" and after[1:2].isdigit():
            return self.digit_fraction(atom)
        plain = raw.replace(",", "")
        atom.year_like = (
            not exponent
            and len(plain) == 4
            and plain.isascii()
            and plain.isdigit()
            and 1900 <= int(plain) <= 2100
        )
        self.scale_after(atom)
        if atom.scale is not None:
            atom.year_like = False  # 2100万, 2000 million: no year is scaled
        if (atom.scale is None or exponent) and 0 < atom.value < 1:
            atom.decimal_fraction = True
        gt = _GT_INNER.match(text, atom.end)
        if gt is not None and atom.qualifier == "=":
            atom.qualifier = ">"
            atom.zh = True
            atom.num_end = atom.end = self.scale_after_more(atom, gt.end())
        if self.glued(atom):
            return None
        if text.startswith("周年", atom.end):
            return None  # 70周年: an anniversary
        if atom.value <= 12 and _CLOCK_AFTER.match(text, atom.end):
            return None  # 10 a.m.: a time of day
        self.tail(atom)
        if (
            atom.unit == ""
            and not atom.counted
            and atom.kind == "number"
            and _LABEL_AFTER_ZH.match(text, atom.end)
        ):
            return None  # 3号文件, 10点30分: a label or a time of day
        return atom

    def scale_after_more(self, atom: _Atom, stop: int) -> int:
        """Where a number ends that 多 or 余 has qualified: after the scale that follows
        them ("十多万亿", "8万多亿": more than 8 trillion), or at ``stop``."""
        scale = _ZH_SCALE_CHARS.match(self.text, stop)
        if scale is None or (chars := _unwrapped(scale.group())) not in CHINESE_SCALES:
            return stop
        factor = Decimal(CHINESE_SCALES[chars])
        atom.value *= factor
        atom.precision *= factor
        atom.exact = False
        atom.scale = factor * (atom.scale or 1)
        return scale.end()

    def glued(self, atom: _Atom) -> bool:
        """Letters right after the digits that are neither a scale nor a unit: 5G, 14th, 1990s."""
        text = self.text
        position = atom.num_end
        if position >= len(text) or not (text[position].isascii() and text[position].isalpha()):
            return False
        if _SYMBOL.match(text, position) or _MULTIPLE.match(text, position):
            return False
        return not _PERCENT.match(text, position)

    def digit_fraction(self, atom: _Atom) -> _Atom | None:
        text = self.text
        denominator = re.compile(_ARABIC).match(text, atom.core_end + 1)
        if denominator is None:
            return None
        bottom = digits(denominator.group())
        end = denominator.end()
        if bottom is None or not bottom.exact or bottom.value == 0:
            return None
        if text[end : end + 1] == "/" or (text[end : end + 1].isalpha() and text[end].isascii()):
            return None
        if not atom.exact or atom.value >= bottom.value:
            return None  # 24/7 is a clock phrase, not a fraction
        atom.value = atom.value / bottom.value
        atom.precision = Decimal(0)
        atom.kind = "fraction"
        atom.source = "fraction"
        atom.core_end = atom.num_end = atom.end = end
        return atom

    def scale_after(self, atom: _Atom) -> None:
        text = self.text
        position = atom.num_end
        if text[position : position + 1] not in _SCALE_STARTS:
            return
        start = self.past_wrap(position)  # "52\n亿吨" on a hard-wrapped page
        gt = _GT_INNER.match(text, start)
        if gt and text.startswith(("万", "亿", "千", "百"), gt.end()):
            atom.qualifier = ">"
            atom.zh = True
            position = start = gt.end()
        zh = _ZH_SCALE_CHARS.match(text, start)
        if zh and atom.scale is None:
            chars = zh.group()
            if text.startswith(_ZH_UNIT_STARTS, zh.end() - 1):
                chars = chars[:-1]
            if chars:
                tokens: list[tuple[str, Decimal, int]] = [
                    ("arabic", atom.value, _decimals(atom.precision))
                ]
                tokens.extend(_zh_scale_tokens(chars))
                smallest = min(value for _, value, _ in tokens[1:])
                stop = start + len(chars)
                for _ in range(_MIXED_GROUPS):  # 3亿4500万2千: a numeral has a few groups
                    more = _MIXED_NEXT.match(text, stop)
                    if more is None:
                        break
                    number = digits(more.group(1))
                    group = _zh_scale_tokens(more.group(2))
                    if number is None or group[0][1] >= smallest:
                        break  # groups descend (亿, 万, 千); "1万1万" is two numbers
                    smallest = min(value for _, value, _ in group)
                    tokens.append(("arabic", number.value, _decimals(number.precision)))
                    tokens.extend(group)
                    stop = more.end()
                combined = combine(tokens)
                if combined is not None:
                    atom.scale = combined.value / atom.value if atom.value else Decimal(1)
                    atom.value, atom.precision, atom.exact = (
                        combined.value,
                        combined.precision,
                        False,
                    )
                    atom.num_end = atom.end = stop
                    atom.zh = True
                    return
        if atom.scale is not None:
            return
        english = _EN_SCALE.match(text, position)
        if english is None or (english.group("m") and not self.million(atom, english.end())):
            return
        factor = Decimal(1)
        stop = position
        while english is not None:
            word = english.group("w") or english.group("a") or ""
            if english.group("k"):
                factor *= 1000
            elif english.group("m"):
                factor *= 10**6
            elif word.lower() in ENGLISH_SCALES:
                factor *= ENGLISH_SCALES[word.lower()]
            elif word.lower() in ENGLISH_PLACES:
                factor *= ENGLISH_PLACES[word.lower()]
            else:
                factor *= SCALE_ABBREVIATIONS[word.lower()]
            stop = english.end()
            if english.group("k") or english.group("a") or english.group("m"):
                break
            english = _EN_SCALE.match(text, stop)
            if english is not None and not english.group("w"):
                break
        atom.scale = factor
        atom.value *= factor
        atom.precision *= factor
        atom.exact = False
        atom.num_end = atom.end = stop

    def million(self, atom: _Atom, end: int) -> bool:
        """Whether the "m" glued to a number is a million, not metres: after a currency sign
        ("$3m", "RMB3m") or before a unit or a counted noun ("3m tonnes", "3m people")."""
        prefix = self.prefix(atom.core_start)
        if prefix is not None and prefix[0]:
            return True
        return bool(_EN_UNIT.match(self.text, end) or _COUNT.match(self.text, end))

    def zh_atom(self, match: re.Match[str], in_range: bool) -> _Atom | None:
        text = self.text
        start, end = match.span()
        run = match.group()
        if len(run) > 40:
            return None
        before = text[start - 1] if start else ""
        if before and (
            before in "第周期拜初数几若好" or (before in "上成" and run[0] in "十百千万亿")
        ):
            return None
        decimals = _ZH_DECIMALS.match(text, end) if text.startswith("点", end) else None
        if decimals is not None:
            run, end = run + decimals.group(), decimals.end()
        if text.startswith(_ZH_UNIT_STARTS, end - 1) and len(run) > 1:
            run = run[:-1]
            end -= 1
        after = text[end : end + 2]
        if after[:1] == "几" or after == "位数" or after == "周年":
            return None
        number = chinese_decimal(run) if "点" in run else chinese_int(run)
        if number is None and len(run) > 2 and _zh_pair(run) is None:
            # 三千五百万一起: the last character starts the next word
            number = chinese_int(run[:-1])
            if number is not None:
                run, end = run[:-1], end - 1
        atom: _Atom
        if number is None:
            pair = _zh_pair(run)
            if pair is not None:
                low, high, multiplier = pair
                rounded = multiplier >= 10**4  # 三四万 is rounded to the 万; 三四十 is not
                atom = _Atom(
                    start, start, end, end, end, low,
                    multiplier if rounded else Decimal(1), not rounded, zh=True,
                )  # fmt: skip
                atom.source = "zh"
                atom.range_high = high
            elif (
                (run[0] in CHINESE_PLACES or run[0] in "万亿")
                and before in _ZH_QUALIFIER_ENDS
                and (self.prefix(start) or (None, None))[1] is not None
            ):
                # 近千家, 超百万: a bare place word is a number only after a qualifier
                bare = chinese_int("一" + run)
                if bare is None:
                    return None
                atom = _Atom(start, start, end, end, end, bare.value, bare.precision, bare.exact)
                atom.zh, atom.source = True, "zh"
                atom.bare_place = True
            else:
                return None
        else:
            atom = _Atom(start, start, end, end, end, number.value, number.precision, number.exact)
            atom.zh, atom.source = True, "zh"
        atom.scale = Decimal(1) if any(c in "万亿" for c in run) else None
        gt = _GT_INNER.match(text, end)
        if gt and atom.range_high is None:
            atom.qualifier = ">"
            atom.num_end = atom.end = self.scale_after_more(atom, gt.end())
        self.tail(atom)
        if atom.unit == "" and not atom.counted and atom.kind == "number":
            single = len(run) == 1 or atom.range_high is not None
            if single and not in_range and not self.joins_range(atom):
                return None
        if atom.counted and text.startswith("大", atom.num_end) and atom.value > 10:
            return None  # 十八大, 二十大: a Party congress, not ten-odd of something
        if text.startswith("号", atom.num_end) or _SESSION_OF.match(text, atom.num_end):
            return None  # 神舟二十号, 二十届四中全会: a name, not a count
        if text.startswith("次会议", atom.num_end) and text.endswith(_CONGRESSES, 0, start):
            return None  # 十四届全国人大三次会议: the third session
        if atom.value == 1 and len(run) == 1 and not atom.unit and atom.kind == "number":
            atom.lone_one = True
        return atom

    def words_atom(self, match: re.Match[str]) -> _Atom | None:
        text = self.text
        start = match.start()
        raw = match.group()
        pieces = [(m.group().lower(), m.start(), m.end()) for m in _WORD_SPANS.finditer(raw)]
        words = [w for w, _, _ in pieces]
        half_tail = len(words) >= 4 and words[-3:] == ["and", "a", "half"]
        if half_tail:
            pieces = pieces[:-3]
            words = words[:-3]
        if len(words) == 1 and words[0] in ENGLISH_MULTIPLES:
            value = Decimal(ENGLISH_MULTIPLES[words[0]])
            end = start + pieces[0][2]
            if _HOW_OFTEN.match(text, end):
                return None  # "twice a year": how often, not a multiple
            atom = _Atom(start, start, end, end, end, value, Decimal(1), True, kind="multiple")
            atom.source = "words"
            return atom
        if words[-1] in ENGLISH_DENOMINATORS:
            numerator_words = words[:-1]
            if not numerator_words and words[-1] not in ("half", "halves"):
                return None  # "the fifth", "eighth consecutive": ordinals
            if numerator_words in ([], ["a"], ["an"]):
                numerator = Decimal(1)
            else:
                read = english_words(numerator_words)
                if read is None or read[1] != len(numerator_words):
                    return None
                numerator = read[0].value
            denominator = ENGLISH_DENOMINATORS[words[-1]]
            end = start + pieces[-1][2]
            first = text[start:end]
            atom = _Atom(start, start, end, end, end, numerator / denominator, Decimal(0), True)
            atom.kind = "fraction"
            atom.source = "fraction"
            hyphenated = (
                "-" in text[start + pieces[-2][2] : start + pieces[-1][1]]
                if len(pieces) > 1
                else False
            )
            if words[-1] in ("half", "halves") and len(words) == 1:
                lead = text[max(0, start - 12) : start].lower()
                if re.search(r"(?:first|second|latter|former|other)\s+$", lead):
                    return None
            # "a third" (country), "three quarters" (of a year) need "of", a qualifier or "by"
            # to be fractions; "one-fifth", "two thirds", "one third" are fractions anyway
            atom.needs_of = not hyphenated and (
                numerator_words in ([], ["a"], ["an"]) or words[-1] in ("quarter", "quarters")
            )
            if (
                first[:1].isupper()
                and not self.sentence_start(start)
                and text[end : end + 1] == "-"
            ):
                return None
            self.tail(atom)
            return atom
        if any(w in ENGLISH_DENOMINATORS or w in ENGLISH_MULTIPLES for w in words):
            # a denominator or multiple in the middle: read the number before it
            cut = next(
                i
                for i, w in enumerate(words)
                if w in ENGLISH_DENOMINATORS or w in ENGLISH_MULTIPLES
            )
            words, pieces, half_tail = words[:cut], pieces[:cut], False
            if not words:
                return None
        read = english_words(words)
        if read is None:
            return None
        number, used = read
        if used < len(words):
            half_tail = False
        end = start + pieces[used - 1][2]
        value = number.value
        if half_tail:
            value += Decimal("0.5")
            end = match.end()
        lowered = words[:used]
        if lowered[-1] in ENGLISH_PLACES and len(lowered) == 1:
            return None
        atom = _Atom(start, start, end, end, end, value, number.precision, number.exact)
        atom.source = "words"
        if any(w in ENGLISH_SCALES for w in lowered):
            atom.scale = Decimal(1)
        atom.lone_one = lowered in (["one"], ["a"], ["an"])
        if raw[:1].isupper() and not raw.isupper() and not self.sentence_start(start):
            return None  # "Three Gorges", "Group of Seven", "the Big Four": part of a name
        after = text[end : end + 1]
        if after in ('"', "”", "’") or (after == "'" and not text[end + 1 : end + 2].isalpha()):
            return None  # the "new three" products: a number word closing a quoted name
        if (
            after == "-"
            and re.match(r"-[A-Za-z]", text[end : end + 2])
            and not (
                _EN_UNIT.match(text, end)
                or _MULTIPLE.match(text, end)
                or _EN_QUAL_AFTER.match(text, end)
            )
        ):
            return None  # one-stop, two-way, three-dimensional
        self.tail(atom)
        return atom

    def zh_fraction(self, match: re.Match[str]) -> _Atom | None:
        start, end = match.span()
        if start and self.text[start - 1] == "第":
            return None
        bottom_text, _, top_text = match.group().partition("分之")
        bottom = _zh_or_digits(bottom_text, bare_place=True)
        top = _zh_or_digits(top_text, bare_place=True)
        if bottom is None or top is None or bottom.value == 0:
            return None
        atom = _Atom(start, start, end, end, end, top.value, top.precision, top.exact, zh=True)
        atom.source = "fraction"
        if bottom.value == 100:
            atom.kind, atom.unit = "percent", "percent"
        else:
            atom.value = top.value / bottom.value
            atom.kind = "fraction"
            atom.precision = Decimal(0) if top.exact else top.precision / bottom.value
        self.tail(atom)
        return atom

    def zh_special(self, match: re.Match[str]) -> _Atom | None:
        start, end = match.span()
        word = match.group()
        atom = _Atom(start, start, end, end, end, Decimal("0.5"), Decimal(0), True, zh=True)
        atom.source = "fraction"
        if word.startswith("翻"):
            times = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}.get(word[-2], 1)
            atom.value, atom.precision, atom.kind = Decimal(2**times), Decimal(1), "multiple"
        else:
            atom.kind = "fraction"
            if word.startswith("过"):
                atom.qualifier = ">"
            elif (after := _ZH_QUAL_AFTER.match(self.text, end)) is not None:  # 一半以上
                atom.qualifier = ">=" if after.group("ge") else "<=" if after.group("le") else "~"
                atom.end = after.end()
        return atom

    # -- after the number ----------------------------------------------------------------------

    def share(self, atom: _Atom, match: re.Match[str]) -> bool:
        """Read "one in five" as 1/5; False when the two numbers make no share."""
        if not atom.exact or atom.scale is not None or atom.qualifier != "=":
            return False
        if atom.range_high is not None or atom.value != atom.value.to_integral_value():
            return False
        words = match.group("m").lower().split()
        read = digits(words[0]) if words[0][0].isdigit() else english_words(words)
        if read is None:
            return False
        whole = read if isinstance(read, Number) else read[0]
        if not 1 <= atom.value < whole.value:
            return False
        atom.value /= whole.value
        atom.precision = Decimal(0)
        atom.kind = "fraction"
        atom.core_end = atom.num_end = atom.end = match.end()
        return True

    def tail(self, atom: _Atom) -> None:
        """Percent, multiple, unit, count noun, per-period and trailing qualifiers."""
        text = self.text
        position = atom.end
        if text[position : position + 1] in _NOTHING_FOLLOWS:
            return
        share = _ONE_IN.match(text, position) if atom.kind == "number" else None
        if share is not None and self.share(atom, share):
            position = atom.end  # now a fraction: no percent, multiple or unit follows
        if atom.kind == "number":
            qualifier = _EN_QUAL_AFTER.match(text, position)
            if qualifier is not None and not qualifier.group("near"):
                self.qualify_after(atom, qualifier)
                position = qualifier.end()
            percent = _PERCENT.match(text, position)
            if percent is not None:
                if percent.group("tenth"):
                    # tenths: 三成, and in digits 3成 (不到3成), never more than all ten
                    if atom.source not in ("zh", "digits") or atom.value > 10:
                        percent = None
                    else:
                        atom.value *= 10
                        atom.precision *= 10  # 三成 is 30% rounded to the tenth
                        atom.exact = False
                        if atom.range_high is not None:
                            atom.range_high *= 10
                if percent is not None:
                    atom.kind = "percent"
                    atom.unit = "percentage_point" if percent.group("pp") else "percent"
                    position = percent.end()
                    atom.zh = atom.zh or bool(_CJK.search(percent.group()))
            if atom.kind == "number":
                multiple = _MULTIPLE.match(text, position)
                if multiple is not None:
                    atom.kind = "multiple"
                    position = multiple.end()
                    if "倍" in multiple.group():
                        atom.zh = True
                        if text.startswith("多", position) and atom.qualifier == "=":
                            atom.qualifier = ">"  # 3倍多: more than three times
                            position += 1
            if atom.kind == "number":
                position = self.unit_after(atom, position)
        per = _PER.match(text, position)
        if per is not None and atom.kind == "number":
            period_word = per.group("p") or per.group("s") or per.group("z") or "day"
            if per.group("z"):
                period_word = period_word[1:]
            period = PERIOD_UNITS.get(period_word, period_word)
            if period not in ("day", "year", "month", "week", "hour"):
                period = "day"
            if atom.unit not in ("day", "working_day", "year", "month", "week", "hour"):
                atom.unit = f"{atom.unit}/{period}" if atom.unit else f"1/{period}"
                atom.basis = PERIOD_BASIS.get(period)
                position = per.end()
        qualifier = _EN_QUAL_AFTER.match(text, position)
        if qualifier is not None:
            self.qualify_after(atom, qualifier)
            position = qualifier.end()
        zh_qualifier = _ZH_QUAL_AFTER.match(text, position)
        if zh_qualifier is not None and atom.qualifier == "=":
            atom.qualifier = (
                ">=" if zh_qualifier.group("ge") else "<=" if zh_qualifier.group("le") else "~"
            )
            position = zh_qualifier.end()
            atom.zh = True
        atom.end = position

    def qualify_after(self, atom: _Atom, match: re.Match[str]) -> None:
        groups = match.groupdict()
        if groups["near"]:
            atom.near = True
            atom.qualifier = "<" if groups["near"] == "near" else ">"
        elif atom.qualifier != "=":
            return
        elif groups["ge"] or groups["ge2"]:
            atom.qualifier = ">="
        elif groups["le"]:
            atom.qualifier = "<="
        elif groups["ab"] or groups["ab2"]:
            atom.qualifier = "~"
        elif groups["gt"]:
            atom.qualifier = ">"

    def unit_after(self, atom: _Atom, position: int) -> int:
        text = self.text
        first = text[position : position + 1]
        if not first or (first.isascii() and not first.isalnum() and first not in " \t\r\n-/"):
            return position
        if first in "\r\n":
            wrapped = self.past_wrap(position)  # "52亿\n吨" on a hard-wrapped page
            if wrapped != position:
                end = self.chinese_unit(atom, wrapped)
                if end is not None:
                    return end
        if first in " \t\r\n\u00a0-":
            return self.english_unit(atom, position)
        end = self.chinese_unit(atom, position)
        return self.english_unit(atom, position) if end is None else end

    def chinese_unit(self, atom: _Atom, position: int) -> int | None:
        """Where a Chinese unit (吨, 小时) or counter (批, 个) after the number ends."""
        text = self.text
        unit = _ZH_UNIT.match(text, position)
        if unit is not None and not text.startswith("周岁", position):  # 65周岁: an age, not weeks
            name = ZH_UNITS[unit.group()]
            if name == "week" and text.startswith("周年", position):
                return position
            atom.unit = name
            atom.zh = True
            return unit.end()
        counter = _ZH_COUNTER.match(text, position)
        if counter is not None and (atom.zh or atom.source == "digits"):
            atom.counted = True
            atom.zh = True
            return counter.end()
        return None

    def past_wrap(self, position: int) -> int:
        """``position``, or just after a line break there that splits Chinese text."""
        wrap = _WRAP_BEFORE_CJK.match(self.text, position)
        return position if wrap is None else wrap.end()

    def english_unit(self, atom: _Atom, position: int) -> int:
        text = self.text
        english = _EN_UNIT.match(text, position)
        if english is not None:
            word = english.group("u")
            if "-" in english.group("sep") and word[:1].isupper():
                atom.name = True  # "Five-Year Plan"
                return position
            atom.unit = EN_UNIT_WORDS[re.sub(r"\s+", " ", word.lower())]
            return english.end()
        symbol = _SYMBOL.match(text, position)
        if symbol is not None and (symbol.group("s") != "1" or symbol.group("per")):
            name = UNIT_SYMBOLS.get(symbol.group("s"), "")
            per = symbol.group("per")
            if per:
                period = {"d": "day", "yr": "year"}.get(per, per)
                name = f"{name}/{period}" if name else f"1/{period}"
                atom.basis = PERIOD_BASIS.get(period)
            if name == "percent" or name == "percentage_point":
                atom.kind = "percent"
            atom.unit = name
            return symbol.end()
        count = _COUNT.match(text, position)
        if count is not None:
            atom.counted = True
            return count.end()
        return position

    def joins_range(self, atom: _Atom) -> bool:
        join = _RANGE_JOIN.match(self.text, atom.end)
        if join is None:
            return atom.range_high is not None and self.pair_has_unit(atom)
        follower = _CORE.match(self.text, join.end())
        if follower is None:
            return False
        second = self.atom(follower, in_range=True)
        return second is not None and (bool(second.unit) or second.counted)

    def pair_has_unit(self, atom: _Atom) -> bool:
        return bool(atom.unit) or atom.counted

    # -- before the number ---------------------------------------------------------------------

    def prefix(self, position: int) -> tuple[str | None, str | None, bool, int, int] | None:
        """(currency unit, qualifier, near, start of the qualifier, start of the currency)."""
        text = self.text
        low = max(0, position - _PREFIX_REACH)
        window = text[low:position][::-1].lower()
        match = _PREFIX.match(window)
        if match is None or match.end() == 0:
            return None
        cur = match.group("cur")
        currency = None
        cur_start = position
        if cur:
            original = text[position - match.end("cur") : position - match.start("cur")]
            currency = CURRENCY_PREFIXES.get(original) or CURRENCY_PREFIXES.get(original.upper())
            cur_start = position - match.end("cur")
        qualifier: str | None = None
        near = False
        q_start = cur_start
        if match.group("en"):
            phrase = re.sub(r"\s+", " ", match.group("en")[::-1])
            if not match.group("sp") and not cur:
                return (currency, None, False, cur_start, cur_start) if currency else None
            qualifier, near = _QUALIFIERS_EN[phrase]
            q_start = position - match.end("en")
        elif match.group("zh"):
            qualifier, near = _QUALIFIERS_ZH[match.group("zh")[::-1]]
            q_start = position - match.end("zh")
        elif match.group("sym"):
            qualifier = _QUALIFIER_SYMBOLS[match.group("sym")[::-1]]
            q_start = position - match.end("sym")
        if currency is None and qualifier is None:
            return None
        return currency, qualifier, near, q_start, cur_start

    def labelled(self, atom: _Atom) -> bool:
        """'Group 1', 'No. 5', 'version 2.0': a bare number that names, not counts."""
        if atom.source != "digits" or atom.unit or atom.kind != "number" or atom.scale:
            return False
        window = self.text[max(0, atom.core_start - 14) : atom.core_start][::-1].lower()
        if _LABEL_BEFORE.match(window) is not None:
            return True
        digits = self.text[atom.core_start : atom.num_end]
        if self.years or len(digits) < 3 or not digits.isdigit():
            return False  # a value, or a count such as "2,000" or "5.2"
        lone = _NOT_SPACE.search(self.text, 0, atom.core_start) is None  # "1000000": a value
        if not lone and not atom.counted and (len(digits) >= 7 or digits[0] == "0"):
            return True  # "(010) 65194114": prose never counts millions unseparated
        return self.named(atom)

    def named(self, atom: _Atom) -> bool:
        """'Boeing 737 aircraft', 'Resolution 2758': a code after a capitalized word.

        Not after a word that starts a sentence ("Only 300 firms"), unless it is an acronym
        ("ISO 9001"), and not in a title-case headline, where the word after the number is
        capitalized too ("Customs Clears 300 Flights").
        """
        text = self.text
        name = _NAME_BEFORE.search(text, max(0, atom.core_start - 30), atom.core_start)
        if name is None or _CAPITALIZED_AFTER.match(text, atom.num_end):
            return False
        acronym = name.group().rstrip().isupper() and name.end() - name.start() > 2
        return acronym or not self.sentence_start(name.start())

    def bracketed(self, start: int, end: int) -> bool:
        text = self.text
        opening = text[start - 1 : start] if start else ""
        closing = text[end : end + 1]
        pairs = {"[": "]", "【": "】", "(": ")", "（": "）"}
        if opening in pairs and pairs[opening] == closing:
            return opening in "[【" or end - start <= 2
        return False

    def list_marker(self, start: int, end: int) -> bool:
        """'1.' / '1、' / '1)' at the start of a line."""
        text = self.text
        if end - start > 2 or text[end : end + 1] not in (".", "、", ")", "）"):
            return False
        if text[end : end + 1] == "." and text[end + 1 : end + 2] not in (" ", "\t", ""):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        return not text[line_start:start].strip()

    def sentence_start(self, position: int) -> bool:
        lead = self.text[max(0, position - 3) : position].rstrip(" \t\u00a0\"'“‘(")
        return not lead or lead[-1] in ".!?\n:;。！？"

    # -- ranges ----------------------------------------------------------------------------------

    def range_from(
        self, atom: _Atom, marker: str | None, prefix: tuple[Any, ...] | None
    ) -> tuple[list[Figure], int] | None:
        text = self.text
        if atom.range_high is not None:
            return self.pair_figure(atom, prefix)
        if atom.kind in ("fraction", "multiple") and atom.source == "fraction":
            return None
        if atom.qualifier != "=":
            return None
        join = _RANGE_JOIN.match(text, atom.end)
        if join is None:
            return None
        word = join.group("word")
        if word == "and" and marker != "between":
            return None
        position = join.end()
        currency = _CURRENCY_AFTER_JOIN.match(text, position)
        if currency is not None and atom.unit == CURRENCY_PREFIXES.get(currency.group()):
            position = currency.end()
            while position < len(text) and text[position] in " \t\r\n\u00a0":
                position += 1
        follower = _CORE.match(text, position)
        if follower is None or self.excluded(*follower.span()):
            return None
        second = self.atom(follower, in_range=True)
        if second is None or (second.source == "fraction" and atom.source != "fraction"):
            return None
        if second.qualifier != "=" or second.range_high is not None:
            return None
        if not self.compatible(atom, second):
            return None
        low, high = atom.value, second.value
        precision = atom.precision
        exact = atom.exact
        if second.scale is not None and atom.scale is None and second.scale != 1:
            unscaled = second.value / second.scale
            if atom.value <= unscaled:
                low = atom.value * second.scale
                precision = atom.precision * second.scale
                exact = False
        unit = atom.unit or second.unit
        kind = atom.kind if atom.kind != "number" else second.kind
        if low > high:
            return None
        start = atom.start
        q_start = prefix[3] if prefix is not None else start
        figures_start = q_start if marker == "between" else start
        if marker == "from" and word == "to":
            chain = _FROM_CHAIN.match(text, second.end)
            follows = chain is not None and _CORE.match(text, chain.end()) is not None
            lead = _clause_tail(text[max(0, q_start - 60) : q_start])
            if not follows and _CHANGE_VERB.search(lead):
                first = self.figure(
                    _with(atom, unit=unit, kind=kind), atom.start, atom.end, "=", False
                )
                return [first, self.figure(second, second.start, second.end, "=", False)], (
                    second.end
                )
        if self.excluded(figures_start, second.end):
            return None
        combined = _with(
            atom,
            value=low,
            precision=min(precision, second.precision) if second.precision else precision,
            exact=exact and second.exact,
            unit=unit,
            kind=kind,
            counted=atom.counted or second.counted,
            basis=atom.basis or second.basis,
            zh=atom.zh or second.zh,
        )
        combined.end = second.end
        figure = self.figure(combined, figures_start, second.end, "range", False, high=high)
        return [figure], second.end

    def pair_figure(
        self, atom: _Atom, prefix: tuple[Any, ...] | None
    ) -> tuple[list[Figure], int] | None:
        """两三天, 三四十个: two neighbouring digits state a range."""
        assert atom.range_high is not None
        if not atom.unit and not atom.counted and atom.kind == "number":
            return [], atom.end
        start = atom.start
        figure = self.figure(atom, start, atom.end, "range", False, high=atom.range_high)
        return [figure], atom.end

    def compatible(self, first: _Atom, second: _Atom) -> bool:
        if first.kind != "number" and second.kind != first.kind:
            return False
        if first.kind == "number" and second.kind == "fraction":
            return False
        if second.year_like and not second.unit and not second.counted:
            return False
        return not (first.unit and second.unit and first.unit != second.unit)

    # -- standing alone --------------------------------------------------------------------------

    def stands_alone(self, atom: _Atom, qualifier: str) -> bool:
        """Whether a single (non-range) number is a figure at all."""
        if atom.name:
            return False
        if atom.lone_one and not atom.unit and atom.kind == "number":
            return False
        if (
            atom.needs_of
            and qualifier == "="
            and atom.qualifier == "="
            and not _OF_AFTER.match(self.text, atom.end)
            and not _BY_BEFORE.search(self.text, max(0, atom.start - 4), atom.start)
        ):
            return False
        return self.years or not (
            atom.year_like
            and not atom.unit
            and not atom.counted
            and atom.kind == "number"
            and qualifier == "="
            and atom.qualifier == "="
        )

    # -- the figure --------------------------------------------------------------------------------

    def figure(
        self,
        atom: _Atom,
        start: int,
        end: int,
        qualifier: str,
        near: bool,
        high: Decimal | None = None,
    ) -> Figure:
        value = float(atom.value)
        kind = atom.kind
        if kind == "number" and not atom.unit and not atom.counted and atom.decimal_fraction:
            kind = "fraction"
        low_bound: float | None
        high_bound: float | None
        if qualifier == "range":
            low_bound, high_bound = value, float(high if high is not None else atom.value)
        elif qualifier in ("=", "~"):
            low_bound = high_bound = value
        elif qualifier in (">", ">="):
            low_bound, high_bound = value, None
        else:
            low_bound, high_bound = None, value
        basis = atom.basis or self.basis(start, end, kind)
        text = self.text[start:end]
        if (
            kind == "multiple"
            and "倍" in text
            and _GREW_BY_ZH.search(self.text, max(0, start - 3), start)
        ):
            value += 1  # 增长2倍: tripled
            low_bound = None if low_bound is None else low_bound + 1
            high_bound = None if high_bound is None else high_bound + 1
        direction = self.direction(start, end, kind) if kind in ("percent", "number") else None
        return Figure(
            text=text,
            span=(start, end),
            value=value,
            unit=atom.unit,
            qualifier=qualifier,
            low=low_bound,
            high=high_bound,
            precision=float(atom.precision),
            exact=atom.exact,
            near=near,
            basis=basis,
            kind=kind,
            lang=self.language(start, end, text, atom.zh),
            direction=direction,
        )

    def language(self, start: int, end: int, text: str, zh: bool) -> str:
        if zh or _CHINESE_SIGN.search(text):
            return "zh"
        source = self.text
        left = source[max(0, start - 2) : start].strip()
        right = source[end : end + 2].strip()
        if (left and _CJK.match(left[-1])) or (right and _CJK.match(right[0])):
            return "zh"
        if _LETTER.search(text):
            return "en"
        if self.lang is not None:
            return self.lang
        if self._default_lang is None:
            from .text import detect_lang

            self._default_lang = detect_lang(self.text)
        return self._default_lang

    # -- the direction of a change -----------------------------------------------------------------

    def direction(self, start: int, end: int, kind: str) -> str | None:
        """Up or down, when the wording makes a figure a change: "rose 3%", "an increase of
        3%", "a 3% drop", "3 percentage points higher", 增长3%, 下降0.1个百分点, "-0.3%", "fell
        2 billion yuan", 减少20亿元, "40 more ports"; None for a level ("rose to 5%", "a share
        of 5%", "reached 311") or when nothing says."""
        text = self.text
        found = _DIRECTION_BEFORE.search(text, max(0, start - _DIRECTION_REACH), start)
        if found is not None and kind != "percent" and found.group("up_en") == "raised":
            return None  # "raised 3 billion yuan": money collected, not a rise
        if found is None:
            # after an amount or a count, only a comparative: "three growth engines" and
            # "311, up from 271" say nothing of how the figure itself moved
            after = _DIRECTION_AFTER if kind == "percent" else _COMPARATIVE_AFTER
            found = after.match(text, end)
        # each group is named for its direction: up_en, down_zh, up_sign, down_mark ...
        return None if found is None else str(found.lastgroup).partition("_")[0]

    # -- the basis ---------------------------------------------------------------------------------

    def marks(self) -> list[tuple[int, int, str, str, bool]]:
        """Every basis marker of the text: (start, end, basis, where, Chinese), in order."""
        if self._marks is None:
            text = self.text
            marks = []
            for match in _BASIS_LITERAL.finditer(text):
                phrase = match.group()
                start, end = match.span()
                if phrase == "共" and (
                    text[start - 1 : start] in ("中", "公")
                    or text[end : end + 1] in _NOT_TOTAL_AFTER
                ):
                    continue
                if text.endswith(_TERMS_NOT_TOTAL, 0, end):
                    continue  # 国内生产总值 is GDP, a term, as "gross domestic product" is
                basis, where = _BASIS_PHRASES[phrase]
                marks.append((start, end, basis, where, not phrase.startswith("(")))
            lowered = self.lowered
            for match in _BASIS_WORDS.finditer(lowered):
                start, end = match.start(), match.end() - 1  # text offsets
                phrase = " ".join(lowered[start + 1 : end + 1].split())
                if phrase.endswith("year") and _NOT_A_BASIS.match(lowered, end + 1):
                    continue
                if phrase == "combined" and _COMBINED_WITH.match(lowered, end + 1):
                    continue  # "combined with": together with something, not a total
                basis, where = _BASIS_PHRASES[phrase]
                marks.append((start, end, basis, where, False))
            marks.sort()
            self._marks = marks
            self._mark_starts = [m[0] for m in marks]
        return self._marks

    def basis(self, start: int, end: int, kind: str) -> str | None:
        marks = self.marks()
        if not marks:
            return None
        text = self.text
        low = bisect.bisect_left(self._mark_starts, start - _BASIS_REACH)
        high = bisect.bisect_right(self._mark_starts, end + _BASIS_REACH)
        best: tuple[int, str] | None = None
        for mark_start, mark_end, basis, where, chinese in marks[low:high]:
            if basis == "total" and kind != "number":
                continue
            if mark_end <= start and where in ("before", "both"):
                between = text[mark_end:start]
                distance = len(between) if chinese else len(between.split())
                reach = 12 if chinese else 5
            elif mark_start >= end and where in ("after", "both"):
                between = text[end:mark_start]
                distance = len(between) if chinese else len(between.split())
                reach = 6 if chinese else 8
            else:
                continue
            if distance > reach or _CLAUSE_BREAK.search(between) or _CORE.search(between):
                continue  # a marker speaks of the figure next to it, never across another
            if best is None or distance < best[0]:
                best = (distance, basis)
        return best[1] if best else None


# -- helpers --------------------------------------------------------------------------------------


def _with(atom: _Atom, **changes: Any) -> _Atom:
    return dataclasses.replace(atom, **changes)


def _clause_tail(text: str) -> str:
    """The part of ``text`` after its last clause break."""
    breaks = list(_CLAUSE_BREAK.finditer(text))
    return text[breaks[-1].end() :] if breaks else text


def _decimals(precision: Decimal) -> int:
    exponent = precision.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _unwrapped(chars: str) -> str:
    """A run of scale characters without the hard wraps it may hold (see _ZH_SCALE_CHARS)."""
    return chars.replace("\r", "").replace("\n", "")


def _zh_scale_tokens(chars: str) -> list[tuple[str, Decimal, int]]:
    chars = _unwrapped(chars)
    tokens: list[tuple[str, Decimal, int]] = []
    index = 0
    while index < len(chars):
        if chars.startswith("万亿", index):
            tokens.append(("scale", Decimal(10**12), 0))
            index += 2
            continue
        char = chars[index]
        if char in CHINESE_SCALES:
            tokens.append(("scale", Decimal(CHINESE_SCALES[char]), 0))
        else:
            tokens.append(("place", Decimal(CHINESE_PLACES[char]), 0))
        index += 1
    return tokens


def _zh_or_digits(text: str, bare_place: bool = False) -> Number | None:
    if text and (text[0].isdigit()):
        return digits(text)
    if "点" in text:
        return chinese_decimal(text)
    return chinese_int(text, bare_place=bare_place)


_PAIR = re.compile(r"([一二两三四五六七八])([二三四五六七八九])((?:万亿|[十百千万亿])*)")


def _zh_pair(run: str) -> tuple[Decimal, Decimal, Decimal] | None:
    match = _PAIR.fullmatch(run)
    if match is None:
        return None
    first, second = CHINESE_DIGITS[match.group(1)], CHINESE_DIGITS[match.group(2)]
    if second != first + 1:
        return None
    multiplier = Decimal(1)
    if match.group(3):
        scaled = chinese_int("一" + match.group(3))
        if scaled is None:
            return None
        multiplier = scaled.value
    return Decimal(first) * multiplier, Decimal(second) * multiplier, multiplier


def _nav_numbers(line: str) -> int:
    return len(re.findall(r"[0-9]+", line))


# -- public API ------------------------------------------------------------------------------------


def parse_figures(text: str, lang: str | None = None, *, years: bool = False) -> list[Figure]:
    """Every figure of ``text``, in order.

    ``lang`` ("en", "zh" or None) only names the language of figures whose own
    wording does not show it (digits with no word around them); both languages
    are read everywhere, so a Chinese headline inside an English page is read
    too. Text that is not a string, or holds no figure, gives [].
    ``years`` reads a bare number from 1900 to 2100 as a figure, not a year; prose
    needs the default, a value such as a claim's ``~2000`` needs ``years=True``.
    """
    if not isinstance(text, str) or not text:
        return []
    return _Reader(text, lang, years).figures()


def _quote(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def parse_figure(text: str, lang: str | None = None, *, years: bool = False) -> Figure:
    """The one figure of ``text`` (a quote, or a claim's ``expect`` such as ``>3000``).

    Raises :class:`BriefcheckValueError` naming what it saw when there is no figure
    or more than one.
    """
    if not isinstance(text, str):
        raise BriefcheckValueError(f"no figure in {_quote(repr(text))}: expected text")
    figures = parse_figures(text, lang, years=years)
    if not figures:
        raise BriefcheckValueError(f"no figure in '{_quote(text)}'")
    if len(figures) > 1:
        listed = ", ".join(f"'{figure.text}'" for figure in figures[:6])
        more = ", …" if len(figures) > 6 else ""
        raise BriefcheckValueError(f"{len(figures)} figures in '{_quote(text)}': {listed}{more}")
    return figures[0]
