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
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .claims import SourceSpec
from .errors import SourceError
from .text import LineIndex, NormalizedText, detect_lang, normalize

MAX_SOURCE_BYTES = 64 * 1024 * 1024
FUZZY_MIN_SCORE = 60.0

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

    @property
    def exact(self) -> bool:
        return self.score >= 100.0


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

    @property
    def alias(self) -> str:
        return self.spec.alias

    @cached_property
    def lang(self) -> str:
        return self.spec.lang or detect_lang(self.text)

    @cached_property
    def normalized(self) -> NormalizedText:
        return normalize(self.text)

    @cached_property
    def detected_dates(self) -> object:
        """Publication and event dates the document states (see ``dates.detect_document_dates``)."""
        from .dates import detect_document_dates

        return detect_document_dates(self.full_text)

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

    def locate(self, quote: str) -> QuoteMatch | None:
        """The first exact occurrence of ``quote`` after normalizing both sides."""
        needle = normalize(quote).text
        if not needle:
            return None
        haystack = self.normalized.text
        first = haystack.find(needle)
        if first < 0:
            return None
        occurrences = 1
        position = haystack.find(needle, first + 1)
        while position >= 0 and occurrences < 1000:
            occurrences += 1
            position = haystack.find(needle, position + 1)
        start, end = self.normalized.original_span(first, first + len(needle))
        line, col = self.line_col(start)
        return QuoteMatch(start, end, line, col, 100.0, occurrences)

    def closest(self, quote: str) -> QuoteMatch | None:
        """The passage most like ``quote``, or None when nothing comes close.

        Candidate windows of about the quote's length are ranked first and
        rapidfuzz aligns only the best few, so one missing quote in a large
        document stays cheap.
        """
        from rapidfuzz import fuzz, process

        needle = normalize(quote).text
        haystack = self.normalized.text
        if not needle or not haystack:
            return None
        width = max(len(needle) * 2, 40)
        step = max(width // 2, 1)
        starts = range(0, max(len(haystack) - width // 2, 1), step)
        windows = [haystack[s : s + width] for s in starts]
        ranked = process.extract(
            needle, windows, scorer=fuzz.partial_ratio, limit=3, score_cutoff=FUZZY_MIN_SCORE
        )
        best: QuoteMatch | None = None
        for _, _, index in ranked:
            window_start = starts[index]
            alignment = fuzz.partial_ratio_alignment(
                needle, haystack[window_start : window_start + width]
            )
            if alignment is None or alignment.score < FUZZY_MIN_SCORE:
                continue
            if best is not None and alignment.score <= best.score:
                continue
            first = window_start + alignment.dest_start
            last = window_start + alignment.dest_end
            start, end = self.normalized.original_span(first, last)
            line, col = self.line_col(start)
            best = QuoteMatch(start, end, line, col, round(alignment.score, 1))
        return best


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
            return _check_text(text, display), "gb18030"
        raise SourceError(
            f"cannot decode the file: byte 0x{raw[exc.start]:02x} at offset {exc.start} "
            "is not valid UTF-8",
            path=display,
            hint="convert the file to UTF-8, or declare its encoding in the registry "
            "(encoding: gb18030, utf-16, ...)",
        ) from None
    return _check_text(text, display), "utf-8"


def _decode_as(raw: bytes, encoding: str, display: str) -> str:
    try:
        return _check_text(raw.decode(encoding), display)
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"cannot decode the file as {encoding}: invalid data at byte offset {exc.start}",
            path=display,
            hint="check the declared encoding, or convert the file to UTF-8",
        ) from None


def _check_text(text: str, display: str) -> str:
    nul = text.find("\x00")
    if nul >= 0:
        raise SourceError(
            f"the file holds a NUL character at offset {nul}: it is binary, or UTF-16 "
            "without a byte-order mark",
            path=display,
            hint="declare its encoding (encoding: utf-16-le), or convert it to UTF-8",
        )
    return text


def resolve_path(spec: SourceSpec, root: Path, display_root: str) -> tuple[Path, str]:
    """The file an alias names, refused when it would leave the sources root."""
    raw = spec.path
    where = dict(path=spec.at.path, line=spec.at.line, col=spec.at.col)
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
    real_root = root.resolve()
    real = path.resolve()
    if real != real_root and real_root not in real.parents:
        raise SourceError(
            f"source '{spec.alias}': '{raw}' is a link that points outside {display_root}/",
            hint=f"copy the document into {display_root}/ instead of linking to it",
            **where,
        )
    return path, f"{display_root}/{relative.as_posix()}"


def read_source(spec: SourceSpec, root: Path, display_root: str) -> Source:
    """Read and decode the file an alias names, and take the part it declares."""
    path, display = resolve_path(spec, root, display_root)
    where = dict(path=spec.at.path, line=spec.at.line, col=spec.at.col)
    if not path.exists():
        raise SourceError(
            f"source '{spec.alias}': {display} does not exist",
            hint=f"check the path, relative to {display_root}/",
            **where,
        )
    if path.is_dir():
        raise SourceError(
            f"source '{spec.alias}': {display} is a directory, not a document", **where
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
    offset, text = _take_part(spec, full_text, lines, display)
    return Source(spec, display, full_text, offset, text, encoding, lines)


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
    normalized = normalize(text)
    needle = normalize(marker).text
    position = normalized.text.find(needle) if needle else -1
    if position < 0:
        return None
    return normalized.original_span(position, position + len(needle))
