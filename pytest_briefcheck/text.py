"""Text normalization shared by quote search and the figure engine.

Sources are kept exactly as published; every comparison happens on a
normalized view that remembers, for each of its characters, where it came from
in the original, so that line:col in messages always point at what a reader sees.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters that are invisible to a reader and are dropped before comparing.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")

# Punctuation variants folded to one ASCII form (after NFKC, which already folds
# full-width forms such as "，" and "４").
_FOLD = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u300c": '"',
    "\u300d": '"',
    "\u300e": '"',
    "\u300f": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    "\u3001": ",",
    "\u3002": ".",
    "\uff61": ".",
    "\u00b7": "·",
    "\u30fb": "·",
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _INVISIBLE:
        return ""
    folded = unicodedata.normalize("NFKC", char)
    return "".join(_FOLD.get(c, c) for c in folded)


@dataclass(frozen=True)
class NormalizedText:
    """A normalized view of a text: ``text[i]`` came from ``original[origin[i]]``."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was made from."""
        if start >= len(self.origin):
            return self.original_length, self.original_length
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return first, last


def normalize(text: str, *, casefold: bool = False) -> NormalizedText:
    """NFKC, invisible characters dropped, quotes and dashes folded, white space collapsed.

    Runs of white space (line breaks included) become one space; leading and
    trailing white space is dropped.
    """
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1
    for index, char in enumerate(text):
        if char.isspace():
            if out and pending_space < 0:
                pending_space = index
            continue
        folded = _fold_char(char) if not char.isascii() else char
        if not folded:
            continue
        if casefold:
            folded = folded.casefold()
        if pending_space >= 0:
            out.append(" ")
            origin.append(pending_space)
            pending_space = -1
        for piece in folded:
            if piece.isspace():
                continue
            out.append(piece)
            origin.append(index)
    return NormalizedText("".join(out), tuple(origin), len(text))


def normalize_plain(text: str, *, casefold: bool = False) -> str:
    """:func:`normalize` without the offset map, for short strings."""
    return normalize(text, casefold=casefold).text


def detect_lang(text: str) -> str:
    """``"zh"`` when Chinese characters outweigh Latin words, else ``"en"``."""
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN_WORD.findall(sample))
    return "zh" if cjk and cjk >= latin else "en"


class LineIndex:
    """Maps character offsets to 1-based line and column numbers.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``; columns count characters.
    """

    __slots__ = ("_starts",)

    _BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in self._BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[max(0, min(line, len(self._starts)) - 1)]

    @property
    def line_count(self) -> int:
        return len(self._starts)
