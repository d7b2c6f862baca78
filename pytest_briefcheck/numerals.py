"""Number words and numerals: English words, Chinese numerals, scale words.

Each reader returns the value and the place value of the last stated digit (the
precision), so "two thousand three hundred" is 2300 stated to the hundred.
"""

from __future__ import annotations

import re

ENGLISH_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
ENGLISH_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
ENGLISH_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
SCALE_ABBREVIATIONS = {"mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}
ENGLISH_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip

CHINESE_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
    "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
CHINESE_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CHINESE_SCALES = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(CHINESE_SMALL_UNITS) + "万萬亿億"

_WORD_SPLIT = re.compile(r"[\s\-]+")


def english_words(text: str) -> tuple[float, float] | None:
    """'one hundred and eight' -> (108, 1); 'five million' -> (5e6, 1e6)."""
    words = [w for w in _WORD_SPLIT.split(text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an") and len(words) > 1:
        words[0] = "one"
    if words == ["dozen"] or words == ["one", "dozen"]:
        return 12.0, 1.0
    total = 0
    current = 0
    last_scale = 1
    for word in words:
        if word in ENGLISH_UNITS:
            current += ENGLISH_UNITS[word]
            last_scale = 1
        elif word in ENGLISH_TENS:
            current += ENGLISH_TENS[word]
            last_scale = 1
        elif word == "dozen":
            current = (current or 1) * 12
            last_scale = 1
        elif word == "hundred":
            current = (current or 1) * 100
            last_scale = 100
        elif word in ENGLISH_SCALES:
            total += (current or 1) * ENGLISH_SCALES[word]
            current = 0
            last_scale = ENGLISH_SCALES[word]
        else:
            return None
    return float(total + current), float(last_scale)


def chinese_numeral(text: str) -> tuple[float, float] | None:
    """'两千三百万' -> (2.3e7, 1e6); '一百零八' -> (108, 1); '二〇二五' -> (2025, 1)."""
    if not text or any(c not in CHINESE_NUMERAL_CHARS for c in text):
        return None
    if all(c in CHINESE_DIGITS for c in text):
        value = 0
        for c in text:
            value = value * 10 + CHINESE_DIGITS[c]
        return float(value), 1.0
    total = 0  # completed groups of 亿
    section = 0  # the current group below 亿 (may hold 万)
    current = 0  # the current group below 万
    digit: int | None = None
    precision = 1
    zero_seen = False
    for c in text:
        if c in CHINESE_DIGITS:
            d = CHINESE_DIGITS[c]
            if d == 0:
                zero_seen = True
            digit = d
        elif c in CHINESE_SMALL_UNITS:
            unit = CHINESE_SMALL_UNITS[c]
            current += (1 if digit is None else digit) * unit
            precision = unit
            digit = None
            zero_seen = False
        elif c in ("万", "萬"):
            if digit:
                current += digit
                precision = 1
            section += (current or (0 if section else 1)) * 10_000
            precision *= 10_000
            current = 0
            digit = None
        else:  # 亿
            if digit:
                current += digit
                precision = 1
            total += (section + current or 1) * 100_000_000
            precision *= 100_000_000
            section = 0
            current = 0
            digit = None
    if digit:
        # a trailing digit: "一万二" means 12000, "一百零八" means 108
        last_unit = precision
        if not zero_seen and last_unit >= 10:
            current += digit * (last_unit // 10)
            precision = last_unit // 10
        else:
            current += digit
            precision = 1
    value = total + section + current
    return float(value), float(precision)


def mixed_chinese(number: float, decimals: int, scales: str) -> tuple[float, float]:
    """'41.5' + '万亿' -> (4.15e13, 1e12); '52' + '亿' -> (5.2e9, 1e8)."""
    factor = 1
    for c in scales:
        factor *= CHINESE_SCALES.get(c, CHINESE_SMALL_UNITS.get(c, 1))
    return number * factor, factor / (10**decimals)
