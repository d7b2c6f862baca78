"""Numerals: English number words, Chinese numerals, digits and scale words.

Every reader returns a :class:`Number`: the value as an exact ``Decimal``, the
step of its last stated digit (``precision``: "two thousand three hundred" is
stated to the hundred, "五十二亿" to the 亿) and whether the wording is written
out to its last unit (``exact``). Scale words (million, billion, trillion, 万,
亿) make a number rounded; "hundred", "thousand", 十, 百, 千 are place values of
a number written in full ("three thousand", "一百零八" are exact). Digits
followed by any scale word ("3 thousand", "4500万") are rounded to that scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

ENGLISH_SMALL: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
ENGLISH_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ENGLISH_PLACES: dict[str, int] = {"hundred": 100, "thousand": 1_000}
# Scale words: a number that ends in one of these is rounded to it.
ENGLISH_SCALES: dict[str, int] = {
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 10**3,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "bln": 10**9,
    "tn": 10**12,
    "trn": 10**12,
}
ENGLISH_DENOMINATORS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
    "twentieth": 20,
    "twentieths": 20,
    "hundredth": 100,
    "hundredths": 100,
    "thousandth": 1000,
    "thousandths": 1000,
}
# Single words that state a multiple.
ENGLISH_MULTIPLES: dict[str, int] = {
    "doubled": 2,
    "twice": 2,
    "tripled": 3,
    "trebled": 3,
    "quadrupled": 4,
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "tenfold": 10,
    "hundredfold": 100,
}

CHINESE_DIGITS: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
CHINESE_PLACES: dict[str, int] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
}
CHINESE_SCALES: dict[str, int] = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(CHINESE_PLACES) + "万亿"

# full-width digits read as digits; group separators (commas, thin and no-break spaces) dropped
_FULL_WIDTH = {
    **str.maketrans("０１２３４５６７８９．", "0123456789."),
    **dict.fromkeys(map(ord, ",，\u2009\u202f\u00a0")),
}


@dataclass(frozen=True)
class Number:
    """A number as written: its value, the step of its last digit, and whether it is exact."""

    value: Decimal
    precision: Decimal
    exact: bool


@lru_cache(maxsize=4096)
def digits(text: str) -> Number | None:
    """'3,000' -> 3000 (exact); '43.85' -> 43.85 stated to 0.01; '５.２' and '5.2e9' too."""
    plain = text.replace(",", "") if text.isascii() else text.translate(_FULL_WIDTH)
    mantissa, _, exponent = plain.lower().partition("e")
    try:
        value = Decimal(plain)
        scale = Decimal(10) ** int(exponent) if exponent else Decimal(1)
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite():
        return None
    decimals = len(mantissa.partition(".")[2])
    precision = Decimal(1).scaleb(-decimals) * scale
    return Number(value, precision, decimals == 0 and not exponent)


def trailing_step(value: int) -> Decimal:
    """The place value of the last non-zero digit of an integer: 5_200_000_000 -> 1e8."""
    if value == 0:
        return Decimal(1)
    step = 1
    while value % (step * 10) == 0:
        step *= 10
    return Decimal(step)


def english_words(words: Sequence[str]) -> tuple[Number, int] | None:
    """The longest run of ``words`` that is one number, and how many words it takes.

    ``["one", "hundred", "and", "eight"]`` -> (108, 4); ``["five", "million"]`` -> (5e6
    rounded to 1e6, 2); ``["five", "and", "seven"]`` -> (5, 1). ``words`` are lower-case;
    "a"/"an" counts as one before hundred, thousand, a scale word or dozen. None when
    not even the first word starts a number ("thousand", "a").
    """
    total = 0
    group = 0  # the part below the last scale word
    last = ""  # "unit" | "teen" | "tens" | "hundred" | "thousand" | "scale" | "dozen" | "article"
    last_scale = 10**15
    scaled = False
    best: tuple[Number, int] | None = None
    for index, word in enumerate(words):
        if word == "and":
            if last not in ("hundred", "thousand", "scale"):
                break
            continue
        if word in ("a", "an"):
            if index != 0:
                break
            group, last = 1, "article"
            continue
        if word in ENGLISH_SMALL:
            number = ENGLISH_SMALL[word]
            if last in ("unit", "teen", "article", "dozen"):
                break
            if last == "tens" and (number == 0 or number >= 10):
                break
            group += number
            last = "unit" if number < 10 else "teen"
        elif word in ENGLISH_TENS:
            if last in ("unit", "teen", "tens", "article", "dozen"):
                break
            group += ENGLISH_TENS[word]
            last = "tens"
        elif word == "hundred":
            if last == "article":
                group = 100
            elif group == 0 or group >= 100 or last in ("hundred", "dozen"):
                break
            else:
                group *= 100
            last = "hundred"
        elif word == "thousand":
            if group == 0 or last in ("thousand", "scale", "dozen") or last_scale <= 1000:
                break
            total += group * 1000
            group, last, last_scale = 0, "thousand", 1000
        elif word in ENGLISH_SCALES:
            scale = ENGLISH_SCALES[word]
            if scale >= last_scale or group == 0 or last == "dozen":
                break
            total += group * scale
            group, last, last_scale, scaled = 0, "scale", scale, True
        elif word == "dozen":
            if last not in ("unit", "teen", "tens", "article") or total:
                break
            group *= 12
            last = "dozen"
        else:
            break
        value = total + group
        if scaled:
            best = Number(Decimal(value), trailing_step(value), False), index + 1
        else:
            best = Number(Decimal(value), Decimal(1), True), index + 1
    return best


def chinese_int(text: str, bare_place: bool = False) -> Number | None:
    """'五十二亿' -> 5.2e9 (to 1e8); '一百零八' -> 108 (exact); '两千三百万' -> 2.3e7.

    A numeral must start with a digit (十 may stand for 一十). ``bare_place`` lets
    a lone place or scale stand for one of it: 百 in 百分之, 万 in 万分之一.
    """
    if not text:
        return None
    if bare_place and text in CHINESE_PLACES:
        return Number(Decimal(CHINESE_PLACES[text]), Decimal(1), True)
    if bare_place and text in CHINESE_SCALES:
        return Number(Decimal(CHINESE_SCALES[text]), Decimal(1), True)
    if len(text) >= 2 and all(c in CHINESE_DIGITS for c in text):
        # read digit by digit: 二〇二五, 一〇八
        if "〇" not in text and "零" not in text:
            return None
        number = int("".join(str(CHINESE_DIGITS[c]) for c in text))
        return Number(Decimal(number), Decimal(1), True)
    tokens: list[tuple[str, int]] = []
    index = 0
    while index < len(text):
        if text.startswith("万亿", index):
            tokens.append(("scale", 10**12))
            index += 2
            continue
        char = text[index]
        if char in CHINESE_DIGITS:
            value = CHINESE_DIGITS[char]
            tokens.append(("zero", 0) if value == 0 else ("digit", value))
        elif char in CHINESE_PLACES:
            tokens.append(("place", CHINESE_PLACES[char]))
        elif char in CHINESE_SCALES:
            tokens.append(("scale", CHINESE_SCALES[char]))
        else:
            return None
        index += 1
    return combine([(kind, Decimal(value), 0) for kind, value in tokens])


def chinese_decimal(text: str) -> Number | None:
    """'三点六' -> 3.6 (to 0.1); '零点五' -> 0.5; '三点六万亿' -> 3.6e12 (to 1e11).

    The digits after 点 are read one by one; a scale (万, 亿, 万亿, 千万 ...) may follow.
    """
    whole_text, point, rest = text.partition("点")
    if not point or not whole_text or not rest:
        return None
    whole = Number(Decimal(0), Decimal(1), True) if whole_text in ("零", "〇") else None
    whole = whole or chinese_int(whole_text)
    tail = len(rest)
    while tail and rest[tail - 1] not in CHINESE_DIGITS:
        tail -= 1
    decimals, scale_text = rest[:tail], rest[tail:]
    if not decimals or any(c not in CHINESE_DIGITS or c == "两" for c in decimals):
        return None
    factor = Decimal(1)
    if scale_text:
        scale = chinese_int("一" + scale_text)
        if scale is None or scale_text[-1] not in CHINESE_SCALES:
            return None
        factor = scale.value
    if whole is None or not whole.exact:
        return None
    fraction = Decimal("0." + "".join(str(CHINESE_DIGITS[c]) for c in decimals))
    step = Decimal(1).scaleb(-len(decimals))
    return Number((whole.value + fraction) * factor, step * factor, False)


def combine(tokens: Sequence[tuple[str, Decimal, int]]) -> Number | None:
    """Fold numeral tokens into a number.

    Tokens are ``("digit", value, 0)`` (a Chinese digit), ``("arabic", value, decimals)``
    (a number in digits), ``("zero", 0, 0)``, ``("place", 10|100|1000, 0)`` and
    ``("scale", 1e4|1e8|1e12, 0)``.
    Handles 一百零八, 三千五 (3500), 一万五 (15000), 4500万, 41.5万亿 and 1万2千.
    """
    total = Decimal(0)
    section = Decimal(0)
    pending: Decimal | None = None
    pending_step = Decimal(1)
    last_place = 10**4
    last_scale = 10**13
    zero = False
    step = Decimal(1)
    scaled = False
    arabic = False
    started = False
    simple_section = False  # the section before the last scale word was one digit: 一万五
    for kind, value, decimals in tokens:
        if kind in ("digit", "arabic"):
            if pending is not None:
                return None
            pending = value
            pending_step = Decimal(1).scaleb(-decimals)
            arabic = arabic or kind == "arabic"
            started = True
        elif kind == "zero":
            if pending is not None or not started:
                return None
            zero = True
        elif kind == "place":
            place = int(value)
            if pending is None:
                if place != 10 or section or total or zero:
                    return None
                pending, pending_step = Decimal(1), Decimal(1)
            if place >= last_place:
                return None
            section += pending * place
            step = pending_step * place
            pending, last_place, zero, started = None, place, False, True
        else:
            scale = int(value)
            if pending is not None:
                section += pending
                step = pending_step
                pending = None
            if section == 0 or scale >= last_scale:
                return None
            simple_section = section < 10 and step == pending_step
            total += section * scale
            step *= scale
            section, last_place, last_scale, zero, scaled = Decimal(0), 10**4, scale, False, True
    if pending is not None:
        if zero or (last_place == 10**4 and not total):
            multiplier = Decimal(1)
        elif last_place < 10**4:
            # 三千五 is 3500, 一百八 is 180
            multiplier = Decimal(last_place // 10)
        elif simple_section:
            # 一万五 is 15000
            multiplier = Decimal(last_scale // 10)
        else:
            return None
        if multiplier != 1 and pending_step != 1:
            return None
        section += pending * multiplier
        step = pending_step * multiplier
    value = total + section
    if not started:
        return None
    # digits before a place or scale word (3千, 4500万) are rounded to it, as "3 thousand" is
    exact = not scaled and not arabic
    return Number(value, step if not exact else Decimal(1), exact)
