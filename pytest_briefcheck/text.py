"""Text normalization shared by quote search and the figure engine.

Sources are kept exactly as published; every comparison happens on a
normalized view that remembers, for each of its characters, where it came from
in the original, so that line:col in messages always point at what a reader sees.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import overload

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

_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{_IDEOGRAPHS}]")
# A run of white space holding one line break: next to a Chinese character it is a hard
# wrap, which Chinese reads as nothing ("进出\n口货物52\n亿吨" is 进出口货物52亿吨, as typed).
_SINGLE_BREAK = re.compile(r"(?<!\s)[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*(?!\s)")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _INVISIBLE:
        return ""
    folded = unicodedata.normalize("NFKC", char)
    return "".join(_FOLD.get(c, c) for c in folded)


class OffsetMap(Sequence[int]):
    """``origin[i]``: where character ``i`` of a normalized text came from, stored compactly.

    A piecewise-linear map: segment ``k`` starts at normalized offset
    ``starts[k]`` and maps it to original offset ``origins[k]``, each following
    character to the next original offset, until the next segment. A document
    needs a segment per collapsed run of white space and per folded character,
    not an int object per character.
    """

    __slots__ = ("_length", "_origins", "_starts")

    def __init__(self, starts: array[int], origins: array[int], length: int) -> None:
        self._starts = starts
        self._origins = origins
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset map index out of range")
        k = bisect.bisect_right(self._starts, index) - 1
        return self._origins[k] + index - self._starts[k]

    def __iter__(self) -> Iterator[int]:
        starts, origins = self._starts, self._origins
        for k in range(len(starts)):
            end = starts[k + 1] if k + 1 < len(starts) else self._length
            yield from range(origins[k], origins[k] + end - starts[k])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap | tuple | list):
            return len(self) == len(other) and tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._starts)} segments, {self._length} offsets)"


@dataclass(frozen=True)
class NormalizedText:
    """A normalized view of a text: ``text[i]`` came from ``original[origin[i]]``."""

    text: str
    origin: Sequence[int]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was made from."""
        if start >= len(self.origin):
            return self.original_length, self.original_length
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return first, last


_CHUNK = 4096
_LONG_WHITE_RUN = re.compile(r"\s\s+")


@lru_cache(maxsize=8192)
def _replacement(char: str, casefold: bool) -> str:
    """What a non-white-space character becomes: folded, maybe casefolded, no white space."""
    folded = _fold_char(char) if not char.isascii() else char
    if casefold:
        folded = folded.casefold()
    return "".join(piece for piece in folded if not piece.isspace())


def _characters(text: str, *, ascii_too: bool) -> set[str]:
    """The distinct characters of ``text``; only the non-ASCII ones unless ``ascii_too``."""
    if ascii_too:
        return set(text)
    found: set[str] = set()
    if text.isascii():
        return found
    for start in range(0, len(text), _CHUNK):
        chunk = text[start : start + _CHUNK]
        if not chunk.isascii():
            found.update(chunk)
    return {char for char in found if not char.isascii()}


def _character_class(chars: list[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(char) for char in chars) + "]")


def _fold_specials(
    text: str, casefold: bool
) -> tuple[str, tuple[array[int], array[int]] | None] | None:
    """Step 1: fold the characters that change; None when none does.

    Returns the folded text and, when its length changed (a character dropped or
    expanded), its offset map as segments (see :class:`OffsetMap`). Characters
    that fold to one character keep every offset where it is.
    """
    same_length: dict[str, str] = {}
    others: list[str] = []
    for char in _characters(text, ascii_too=casefold):
        if char.isspace():
            continue
        replacement = _replacement(char, casefold)
        if replacement == char:
            continue
        if len(replacement) == 1:
            same_length[char] = replacement
        else:
            others.append(char)
    if not same_length and not others:
        return None
    if same_length.keys() & same_length.values():  # one pass, or a fold would fold again
        text = _character_class(list(same_length)).sub(lambda m: same_length[m.group()], text)
    else:  # a str.replace per character: C code, where sub calls back for each occurrence
        for char, replacement in same_length.items():
            text = text.replace(char, replacement)
    if not others:
        return text, None
    parts: list[str] = []
    starts = array("q")
    origins = array("q")
    length = 0
    position = 0
    for match in _character_class(others).finditer(text):
        index = match.start()
        if index > position:
            parts.append(text[position:index])
            starts.append(length)
            origins.append(position)
            length += index - position
        for piece in _replacement(match.group(), casefold):
            parts.append(piece)
            starts.append(length)
            origins.append(index)
            length += 1
        position = index + 1
    if position < len(text):
        parts.append(text[position:])
        starts.append(length)
        origins.append(position)
    return "".join(parts), (starts, origins)


def _compose(
    starts: array[int],
    inner: array[int],
    length: int,
    outer_starts: array[int],
    outer: array[int],
) -> tuple[array[int], array[int]]:
    """Segments of ``outer(inner(i))``, ``i < length``, for two maps given as segments."""
    result_starts = array("q")
    result_origins = array("q")
    total = len(outer_starts)
    for k in range(len(starts)):
        begin = inner[k]
        size = (starts[k + 1] if k + 1 < len(starts) else length) - starts[k]
        j = bisect.bisect_right(outer_starts, begin) - 1
        while True:
            offset = max(outer_starts[j] - begin, 0)
            if offset >= size:
                break
            result_starts.append(starts[k] + offset)
            result_origins.append(outer[j] + begin + offset - outer_starts[j])
            j += 1
            if j >= total:
                break
    return result_starts, result_origins


def normalize(text: str, *, casefold: bool = False) -> NormalizedText:
    """NFKC, invisible characters dropped, quotes and dashes folded, white space collapsed.

    Runs of white space (line breaks included) become one space, which comes
    from the run's first character; leading and trailing white space is dropped,
    and so is a hard wrap inside Chinese text (see _SINGLE_BREAK).
    Each character is folded on its own (NFKC of the character), so offsets stay
    exact. Characters that do not change (all of ASCII, most of CJK) are copied
    in bulk; only the ones that change are visited one by one.
    """
    folded = _fold_specials(text, casefold)
    stage = folded[0] if folded is not None else text
    stripped = stage.lstrip()
    lead = len(stage) - len(stripped)
    stripped = stripped.rstrip()
    unwrapped = _unwrap(stripped) if not stripped.isascii() else None
    joined = stripped if unwrapped is None else unwrapped[0]
    collapsed = " ".join(joined.split())  # str.split() splits on runs of white space
    starts = array("q", [0] if collapsed else [])
    origins = array("q", [0] if collapsed else [])
    removed = 0
    for run in _LONG_WHITE_RUN.finditer(joined):
        begin, end = run.span()
        starts.append(begin - removed + 1)
        origins.append(end)
        removed += end - begin - 1
    if unwrapped is not None and collapsed:
        starts, origins = _compose(starts, origins, len(collapsed), *unwrapped[1])
    if lead:
        origins = array("q", (origin + lead for origin in origins))
    if folded is not None and folded[1] is not None and collapsed:
        starts, origins = _compose(starts, origins, len(collapsed), *folded[1])
    return NormalizedText(collapsed, OffsetMap(starts, origins, len(collapsed)), len(text))


def _unwrap(text: str) -> tuple[str, tuple[array[int], array[int]]] | None:
    """``text`` without its Chinese hard wraps, and its offset map; None when it has none."""
    if not _CJK.search(text):
        return None
    pieces: list[str] = []
    starts = array("q")
    origins = array("q")
    length = position = 0
    for wrap in _SINGLE_BREAK.finditer(text):
        before, after = text[wrap.start() - 1 : wrap.start()], text[wrap.end() : wrap.end() + 1]
        if not (_CJK.match(before) or _CJK.match(after)):
            continue
        pieces.append(text[position : wrap.start()])
        starts.append(length)
        origins.append(position)
        length += wrap.start() - position
        position = wrap.end()
    if not pieces:
        return None
    pieces.append(text[position:])
    starts.append(length)
    origins.append(position)
    return "".join(pieces), (starts, origins)


def unwrap(text: str) -> str:
    """``text`` without the hard wraps of its Chinese (a line break next to an ideograph),
    which Chinese reads through: "进出\\n口货物" is 进出口货物. Nothing else changes."""
    unwrapped = _unwrap(text)
    return text if unwrapped is None else unwrapped[0]


def normalize_plain(text: str, *, casefold: bool = False) -> str:
    """``normalize(text).text``, without building the offset map."""
    if not casefold and text.isascii():
        return " ".join(text.split())
    specials = [
        char
        for char in _characters(text, ascii_too=casefold)
        if not char.isspace() and _replacement(char, casefold) != char
    ]
    if specials:
        text = _character_class(specials).sub(lambda m: _replacement(m.group(), casefold), text)
    unwrapped = _unwrap(text)
    return " ".join((text if unwrapped is None else unwrapped[0]).split())


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
        if "\r" in text:
            self._starts = [0] + [m.end() for m in self._BREAK.finditer(text)]
        else:  # the same offsets, from the lengths of the lines (no Python loop per line)
            lines = text.split("\n")
            self._starts = list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[max(0, min(line, len(self._starts)) - 1)]

    @property
    def line_count(self) -> int:
        return len(self._starts)
