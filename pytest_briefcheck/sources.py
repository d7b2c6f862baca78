"""Source documents: reading, decoding, parts of files, and finding quotes in them.

Sources are read, never written. A source is read and normalized once per
process (keyed by path and the part taken), and every offset reported is an
offset into the decoded text a reader sees, so line:col count characters.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from .claims import SourceSpec
from .errors import SourceError
from .store import ReadingStore, digest
from .text import LineIndex, NormalizedText, detect_lang, normalize, normalize_plain

T = TypeVar("T")

MAX_SOURCE_BYTES = 64 * 1024 * 1024
FUZZY_MIN_SCORE = 60.0
# The fuzzy search of a missing quote looks for its first characters only: a
# quote is a sentence or two, and aligning a 10 KB one takes half a minute.
MAX_FUZZY_QUOTE = 500

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote stands in a source: offsets into ``Source.text``."""

    start: int
    end: int
    line: int
    col: int
    score: float = 100.0
    occurrences: int = 1
    # a quote with an elision ("customs ... supervised"): the spans of its parts
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def exact(self) -> bool:
        return self.score >= 100.0

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """What the quote's words cover: its parts, or all of it."""
        return self.parts or ((self.start, self.end),)


@dataclass
class Source:
    """A source document (or the part of one an alias takes), decoded."""

    spec: SourceSpec
    display: str
    full_text: str
    offset: int
    text: str
    encoding: str
    lines: LineIndex = field(repr=False)
    # shared by every part of one file: what is computed once from ``full_text``
    file_memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)
    # readings kept between runs (see store.py); None reads afresh every run
    store: ReadingStore | None = field(default=None, repr=False, compare=False)

    @property
    def alias(self) -> str:
        return self.spec.alias

    @cached_property
    def lang(self) -> str:
        return self.spec.lang or detect_lang(self.text)

    @cached_property
    def normalized(self) -> NormalizedText:
        # several aliases may take the same part of one file: normalize it once
        key = ("normalized", self.offset, len(self.text))
        if key not in self.file_memo:
            self.file_memo[key] = self.remembered("normalized", lambda: normalize(self.text))
        return self.file_memo[key]  # type: ignore[return-value]

    @cached_property
    def detected_dates(self) -> object:
        """Publication and event dates the document states (see ``dates.detect_document_dates``)."""
        if "dates" not in self.file_memo:
            from .dates import detect_document_dates

            self.file_memo["dates"] = self.remembered(
                "document dates", lambda: detect_document_dates(self.full_text), whole_file=True
            )
        return self.file_memo["dates"]

    def remembered(self, slot: str, compute: Callable[[], T], *, whole_file: bool = False) -> T:
        """A reading of this part (or of the whole file), kept between runs if there is a store.

        ``slot`` names the reading and whatever besides the text it depends on.
        """
        if self.store is None:
            return compute()
        text, offset = (self.full_text, 0) if whole_file else (self.text, self.offset)
        key = ("digest", offset, len(text))
        if key not in self.file_memo:
            self.file_memo[key] = digest(text)
        made_from = self.file_memo[key]
        assert isinstance(made_from, str)
        return self.store.reading(self.display, f"{slot}@{offset}+{len(text)}", made_from, compute)

    @property
    def event_date(self) -> dt.date | None:
        if self.spec.event:
            return self.spec.event
        event = getattr(self.detected_dates, "event", None)
        return event.start if event is not None else None

    @property
    def published_date(self) -> dt.date | None:
        if self.spec.published:
            return self.spec.published
        published = getattr(self.detected_dates, "published", None)
        return published.start if published is not None else None

    @property
    def base_date(self) -> dt.date | None:
        """What yearless and relative dates in this document are resolved against."""
        return self.event_date or self.published_date

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the whole file of an offset into ``text``."""
        return self.lines.line_col(self.offset + offset)

    def locate(self, quote: str, plain: str | None = None) -> QuoteMatch | None:
        """The first exact occurrence of ``quote`` after normalizing both sides
        (``plain``: the quote already normalized, as ``Quote.plain``)."""
        key = ("located", self.offset, len(self.text), quote)  # claims, then coverage, ask
        if key not in self.file_memo:
            self.file_memo[key] = self._locate(normalize_plain(quote) if plain is None else plain)
        return self.file_memo[key]  # type: ignore[return-value]

    def named_span(self, start: int, end: int, figure: str) -> tuple[int, int] | None:
        """Where ``figure`` (a quote's ``figure:``) stands in ``text[start:end]``, both sides
        normalized; None when it is not there. Claims and coverage both ask."""
        key = ("named", self.offset, len(self.text), start, end, figure)
        if key not in self.file_memo:
            found = _find_normalized(self.text[start:end], figure)
            self.file_memo[key] = None if found is None else (start + found[0], start + found[1])
        return self.file_memo[key]  # type: ignore[return-value]

    def _locate(self, needle: str) -> QuoteMatch | None:
        if not needle:
            return None
        haystack = self.normalized.text
        span = _find(haystack, needle)
        if span is None:
            # letter case aside ("In the first 10 months" quoted as "in the first ..."),
            # where lower-casing keeps every offset
            lowered, folded = self._lowered(), needle.lower()
            if lowered is None or len(folded) != len(needle):
                return None
            span = _find(lowered, folded)
            if span is None:
                return None
            haystack, needle = lowered, folded
        first, last, elided = span
        occurrences = 1
        position = haystack.find(needle, first + 1)
        while position >= 0 and occurrences < 1000:
            occurrences += 1
            position = haystack.find(needle, position + 1)
        start, end = self.normalized.original_span(first, last)
        line, col = self.line_col(start)
        parts = tuple(self.normalized.original_span(a, b) for a, b in elided)
        return QuoteMatch(start, end, line, col, 100.0, occurrences, parts)

    def _lowered(self) -> str | None:
        """The normalized text in lower case; None when that would move an offset."""
        key = ("lowered", self.offset, len(self.text))
        if key not in self.file_memo:
            text = self.normalized.text
            lowered = text.lower()
            self.file_memo[key] = lowered if len(lowered) == len(text) else None
        return self.file_memo[key]  # type: ignore[return-value]

    def closest(self, quote: str) -> QuoteMatch | None:
        """The passage most like ``quote``, or None when nothing comes close.

        Candidate windows of about the quote's length are ranked first and
        rapidfuzz aligns only the best few, so one missing quote in a large
        document stays cheap.
        """
        from rapidfuzz import fuzz

        needle = normalize_plain(quote)[:MAX_FUZZY_QUOTE]
        haystack = self.normalized.text
        if not needle or not haystack:
            return None
        width = max(len(needle) * 2, 40)
        step = max(width // 2, 1)
        starts = range(0, max(len(haystack) - width // 2, 1), step)
        windows = [haystack[s : s + width] for s in starts]
        best: QuoteMatch | None = None
        for index in _best_windows(needle, windows, 3, FUZZY_MIN_SCORE):
            window_start = starts[index]
            alignment = fuzz.partial_ratio_alignment(
                needle, haystack[window_start : window_start + width]
            )
            if alignment is None or alignment.score < FUZZY_MIN_SCORE:
                continue
            if best is not None and alignment.score <= best.score:
                continue
            first, last = _whole_words(
                haystack, window_start + alignment.dest_start, window_start + alignment.dest_end
            )
            start, end = self.normalized.original_span(first, last)
            line, col = self.line_col(start)
            best = QuoteMatch(start, end, line, col, round(alignment.score, 1))
        return best


# An elision in a quote ("customs ... supervised", "海关……监管"): the parts either side
# stand in the source in order, each within this many characters of the one before.
_ELISION = re.compile(r"\s*(?:\.{3,}|…+)\s*")
_ELISION_REACH = 300


def _find(haystack: str, needle: str) -> tuple[int, int, list[tuple[int, int]]] | None:
    """Where ``needle`` stands in ``haystack``: verbatim, or with its elisions filled
    (then also where each of its parts stands)."""
    first = haystack.find(needle)
    if first >= 0:
        return first, first + len(needle), []
    parts = [part for part in _ELISION.split(needle) if part]
    if len(parts) < 2:
        return None
    start = haystack.find(parts[0])
    while start >= 0:
        spans = [(start, start + len(parts[0]))]
        for part in parts[1:]:
            position = spans[-1][1]
            found = haystack.find(part, position, position + _ELISION_REACH + len(part))
            if found < 0:
                break
            spans.append((found, found + len(part)))
        else:
            return start, spans[-1][1], spans
        start = haystack.find(parts[0], start + 1)
    return None


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an alignment to whole words, so the closest passage reads as the text does."""
    while (
        start > 0 and text[start - 1].isalnum() and text[start].isalnum() and text[start].isascii()
    ):
        start -= 1
    while (
        end < len(text)
        and end > 0
        and text[end].isalnum()
        and text[end - 1].isalnum()
        and text[end].isascii()
    ):
        end += 1
    return start, end


_SHORT_NEEDLE = 32  # rapidfuzz aligns needles this short quickly enough to align every window
_EPSILON = 1e-6


def _best_windows(needle: str, windows: list[str], limit: int, cutoff: float) -> list[int]:
    """The windows :meth:`Source.closest` aligns: the ``limit`` highest ``partial_ratio``.

    The same windows, in the same order, as ``process.extract(needle, windows,
    scorer=fuzz.partial_ratio, limit=limit, score_cutoff=cutoff)`` as far as
    the result of ``closest`` goes: every window that could take first place
    (its score rounded to 0.1 included) is aligned. Instead of aligning every
    window, windows are aligned in decreasing order of an upper bound that
    ``fuzz.ratio`` gives cheaply (see :func:`_partial_bound`), until no other can
    reach the best score found.
    """
    from rapidfuzz import fuzz, process

    size = len(needle)
    if size <= _SHORT_NEEDLE:
        ranked = process.extract(
            needle, windows, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=cutoff
        )
        return [index for _, _, index in ranked]
    loose = []
    for _, score, index in process.extract(needle, windows, scorer=fuzz.ratio, limit=None):
        common = score * (size + len(windows[index])) / 200
        shorter = min(size, len(windows[index]))
        loose.append((200 * common / (shorter + common) + _EPSILON if common else 0.0, index))
    loose.sort(key=lambda item: (-item[0], item[1]))
    top: list[tuple[float, int]] = []  # (-score, index): best first
    floor = cutoff
    for bound, index in loose:
        if bound < floor:
            break
        window = windows[index]
        if _partial_bound(needle, size, window, fuzz.ratio) + _EPSILON < floor:
            continue
        score = fuzz.partial_ratio(needle, window, score_cutoff=cutoff)
        if score >= cutoff:
            top = sorted([*top, (-score, index)])[:limit]
            # closest() keeps the first of the best (ties go to the earlier window), or a
            # later one scoring above the best score rounded to 0.1
            best = -top[0][0]
            floor = max(floor, min(best, round(best, 1)) - _EPSILON)
    return [index for _, index in top]


def _common(needle: str, size: int, text: str, ratio: Callable[[str, str], float]) -> float:
    """The length of the longest common subsequence, from ``fuzz.ratio``."""
    return ratio(needle, text) * (size + len(text)) / 200


def _partial_bound(
    needle: str, size: int, window: str, ratio: Callable[[str, str], float]
) -> float:
    """An upper bound of ``fuzz.partial_ratio(needle, window)``.

    ``ratio`` is ``200 * L / (len_a + len_b)``, ``L`` the longest common
    subsequence. A partial alignment compares the shorter string (length ``m``)
    with a part of the longer one of length ``k <= m``; sharing ``c <= min(k, L)``
    characters, it scores ``200 * c / (m + k) <= 200 * L / (m + L)``. A part of
    length ``m`` scores at most ``100 * L / m``, and a shorter one is a prefix or
    a suffix of the window, within its first or last ``m`` characters.
    """
    if len(window) <= size:
        common = _common(needle, size, window, ratio)
        return 200 * common / (len(window) + common) if common else 0.0
    whole = 100 * _common(needle, size, window, ratio) / size
    edges = max(
        _common(needle, size, window[:size], ratio), _common(needle, size, window[-size:], ratio)
    )
    return max(whole, 200 * edges / (size + edges) if edges else 0.0)


def decode(raw: bytes, display: str, declared: str | None = None) -> tuple[str, str]:
    """Decode a source's bytes; return the text and the encoding used.

    A byte-order mark decides; else the declared encoding; else UTF-8; else
    GB18030 when that reads as Chinese. Otherwise the error names the offset
    of the first byte that cannot be read.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode_as(raw, encoding, display), encoding
    if declared:
        return _decode_as(raw, declared, display), declared
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            text = ""
        if text and len(_CJK.findall(text)) * 4 >= len(text.strip()) // 4:
            return _check_text(text, display, "gb18030"), "gb18030"
        line, col = _place(raw[: exc.start].decode("utf-8"))
        raise SourceError(
            f"cannot decode the file: byte 0x{raw[exc.start]:02x} at offset {exc.start} "
            "is not valid UTF-8",
            path=display,
            line=line,
            col=col,
            hint="convert the file to UTF-8, or declare its encoding in the registry "
            "(encoding: gb18030, utf-16, ...)",
        ) from None
    return _check_text(text, display, "utf-8"), "utf-8"


def _decode_as(raw: bytes, encoding: str, display: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeError as exc:  # UnicodeDecodeError, or e.g. idna's own UnicodeError
        start = getattr(exc, "start", None)
        if start is None:
            raise SourceError(
                f"cannot decode the file as {encoding}: {exc}",
                path=display,
                hint="check the declared encoding, or convert the file to UTF-8",
            ) from None
        line, col = _place(raw[:start].decode(encoding, errors="replace"))
        raise SourceError(
            f"cannot decode the file as {encoding}: invalid data at byte offset {start}",
            path=display,
            line=line,
            col=col,
            hint="check the declared encoding, or convert the file to UTF-8",
        ) from None
    return _check_text(text, display, encoding)


def _place(prefix: str) -> tuple[int, int]:
    """The line:col just after ``prefix``, the text decoded before a bad byte."""
    return LineIndex(prefix).line_col(len(prefix))


def _check_text(text: str, display: str, encoding: str) -> str:
    nul = text.find("\x00")
    if nul >= 0:
        line, col = LineIndex(text).line_col(nul)
        offset = len(text[:nul].encode(encoding, errors="replace"))  # a BOM counts, too
        raise SourceError(
            f"the file holds a NUL character (byte offset {offset}): it is binary, or UTF-16 "
            "without a byte-order mark",
            path=display,
            line=line,
            col=col,
            hint="declare its encoding (encoding: utf-16-le), or convert it to UTF-8",
        )
    return text


def real_path(path: Path) -> Path:
    """``path.resolve()``, with each directory resolved once per process.

    Resolving follows every component of the path (a system call each); a corpus has
    thousands of files in a few hundred directories. A file that is itself a link is
    resolved in full.
    """
    try:
        whole = path.is_symlink() or path.name in ("", ".", "..")
    except OSError:  # a name too long, say: resolve() says what it makes of it
        whole = True
    return path.resolve() if whole else _real_directory(str(path.parent)) / path.name


@lru_cache(maxsize=4096)
def _real_directory(directory: str) -> Path:
    return Path(directory).resolve()


def forget_directories() -> None:
    """Empty the resolved-path caches (a directory may be relinked before the next run)."""
    _real_directory.cache_clear()
    _RESOLVED.clear()


# A file's path, resolved once per run: several aliases and checks name each file.
_RESOLVED: dict[tuple[str, Path, str], tuple[Path, str]] = {}


def resolve_path(spec: SourceSpec, root: Path, display_root: str) -> tuple[Path, str]:
    """The file an alias names, refused when it would leave the sources root."""
    key = (spec.path, root, display_root)
    if key not in _RESOLVED:  # a refusal is not kept: it names the alias and where it stands
        _RESOLVED[key] = _resolve_path(spec, root, display_root)
    return _RESOLVED[key]


def _resolve_path(spec: SourceSpec, root: Path, display_root: str) -> tuple[Path, str]:
    raw = spec.path
    where = dict(path=spec.at.path, line=spec.at.line, col=spec.at.col)
    if "\x00" in raw:
        raise SourceError(f"source '{spec.alias}': the path holds a NUL character", **where)
    if os.path.isabs(raw) or raw.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", raw):
        raise SourceError(
            f"source '{spec.alias}': the path '{raw}' is absolute",
            hint=f"give the path relative to {display_root}/",
            **where,
        )
    relative = Path(raw)
    if ".." in relative.parts:
        raise SourceError(
            f"source '{spec.alias}': the path '{raw}' climbs out of {display_root}/ with '..'",
            hint=f"keep sources inside {display_root}/",
            **where,
        )
    path = root / relative
    try:
        real_root = real_path(root)
        real = real_path(path)
    except RuntimeError:  # Python < 3.13: a loop of links
        raise SourceError(
            f"source '{spec.alias}': '{raw}' is a link that leads in a loop", **where
        ) from None
    except OSError as exc:
        raise SourceError(
            f"source '{spec.alias}': '{raw}' cannot be opened ({exc.strerror})", **where
        ) from None
    if real != real_root and real_root not in real.parents:
        raise SourceError(
            f"source '{spec.alias}': '{raw}' is a link that points outside {display_root}/",
            hint=f"copy the document into {display_root}/ instead of linking to it",
            **where,
        )
    return path, f"{display_root}/{relative.as_posix()}"


# A decoded file: its text, encoding, line index and what its parts share.
DecodedFile = tuple[str, str, LineIndex, dict[object, object]]


def read_source(
    spec: SourceSpec,
    root: Path,
    display_root: str,
    files: dict[tuple[str, str | None], DecodedFile] | None = None,
) -> Source:
    """Read and decode the file an alias names, and take the part it declares.

    With ``files``, a file is read and decoded once, however many aliases take
    parts of it (the corpus keeps one such cache per run).
    """
    path, display = resolve_path(spec, root, display_root)
    key = (display, spec.encoding)
    if files is not None and key in files:
        full_text, encoding, lines, memo = files[key]
        offset, text = _take_part(spec, full_text, lines, display)
        return Source(spec, display, full_text, offset, text, encoding, lines, memo)
    where = dict(path=spec.at.path, line=spec.at.line, col=spec.at.col)
    try:
        exists, is_dir, is_file = path.exists(), path.is_dir(), path.is_file()
    except OSError as exc:  # e.g. a name too long for the file system
        raise SourceError(
            f"source '{spec.alias}': {display} cannot be read ({exc.strerror})", **where
        ) from None
    if not exists:
        raise SourceError(
            f"source '{spec.alias}': {display} does not exist",
            hint=f"check the path, relative to {display_root}/",
            **where,
        )
    if is_dir:
        raise SourceError(
            f"source '{spec.alias}': {display} is a directory, not a document", **where
        )
    if not is_file:  # reading a FIFO or a device would block the run or never end
        raise SourceError(
            f"source '{spec.alias}': {display} is not a regular file (a pipe, socket or device)",
            **where,
        )
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(
                f"source '{spec.alias}': {display} is {size // 1024 // 1024} MB; "
                f"sources are limited to {MAX_SOURCE_BYTES // 1024 // 1024} MB",
                **where,
            )
        raw = path.read_bytes()
    except PermissionError:
        raise SourceError(
            f"source '{spec.alias}': {display} cannot be read (permission denied)",
            hint="give the CI user read permission on the file",
            **where,
        ) from None
    except OSError as exc:
        raise SourceError(
            f"source '{spec.alias}': {display} cannot be read ({exc.strerror})", **where
        ) from None
    full_text, encoding = decode(raw, display, spec.encoding)
    lines = LineIndex(full_text)
    memo: dict[object, object] = {}
    if files is not None:
        files[key] = (full_text, encoding, lines, memo)
    offset, text = _take_part(spec, full_text, lines, display)
    return Source(spec, display, full_text, offset, text, encoding, lines, memo)


def _take_part(spec: SourceSpec, text: str, lines: LineIndex, display: str) -> tuple[int, str]:
    where = dict(path=spec.at.path, line=spec.at.line, col=spec.at.col)
    if spec.lines is not None:
        first, last = spec.lines
        if first > lines.line_count:
            raise SourceError(
                f"source '{spec.alias}': lines {first}-{last} are past the end of {display} "
                f"({lines.line_count} lines)",
                **where,
            )
        start = lines.line_start(first)
        end = lines.line_start(last + 1) if last < lines.line_count else len(text)
        return start, text[start:end]
    start, end = 0, len(text)
    if spec.start is not None:
        found = _find_marker(text, spec.start)
        if found is None:
            raise SourceError(
                f"source '{spec.alias}': the start marker '{spec.start}' is not in {display}",
                **where,
            )
        start = found[0]
    if spec.end is not None:
        found = _find_marker(text[start:], spec.end)
        if found is None:
            raise SourceError(
                f"source '{spec.alias}': the end marker '{spec.end}' is not in {display}",
                **where,
            )
        end = start + found[1]
    return start, text[start:end]


def _find_marker(text: str, marker: str) -> tuple[int, int] | None:
    """The span of ``marker`` in ``text``, found as written or after normalizing both."""
    index = text.find(marker)
    if index >= 0:
        return index, index + len(marker)
    return _find_normalized(text, marker)


def _find_normalized(text: str, needle: str) -> tuple[int, int] | None:
    """The span of ``text`` whose normalized form holds normalized ``needle`` first."""
    wanted = normalize_plain(needle)
    if not wanted:
        return None
    if normalize_plain(text) == text:  # nothing to normalize: offsets are the text's own
        position = text.find(wanted)
        return None if position < 0 else (position, position + len(wanted))
    normalized = normalize(text)
    position = normalized.text.find(wanted)
    if position < 0:
        return None
    return normalized.original_span(position, position + len(wanted))
