"""Coverage: every figure and date of a checked source is quoted by a claim, or waived.

A source marked ``checked: true`` in the registry (or every source, with
``--briefcheck-coverage``) must have each of its figures and dates read by some
claim: a claim's quote, located in the source, covers the figures it overlaps;
a quote that names its figure (``figure:``) covers that figure only. The
registry's ``ignore:`` entries waive what is not a figure to check ("14th
Five-Year Plan", page numbers), by text or by line, and the outcome counts what
they waive, so full coverage says how it was reached.

Plain functions; the pytest item is in ``items``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .checks import ERROR, MISSING, VERIFIED, Outcome, describe, part_key, source_values
from .claims import Location, SourceSpec, Waiver
from .corpus import Corpus
from .dates import DateValue
from .errors import BriefcheckError
from .figures import Figure
from .sources import Source, real_path, resolve_path
from .text import normalize

COVERAGE = "coverage"


@dataclass(frozen=True)
class Mention:
    """A figure or date as it stands in a source; offsets into ``Source.text``."""

    alias: str
    kind: str  # "figure" | "date"
    value: Figure | DateValue
    start: int
    end: int
    line: int
    col: int
    lang: str
    display: str

    @property
    def text(self) -> str:
        return " ".join(self.value.text.split())

    @property
    def where(self) -> str:
        return f"{self.display}:{self.line}:{self.col}"

    def describe(self) -> str:
        return describe(self.value)

    def listing(self) -> str:
        """``path:line:col  'text'  value`` for failure messages."""
        return f"{self.where} [{self.lang}]  '{self.text}'  {self.describe()}"


@dataclass(frozen=True)
class Waived:
    """A mention and the waiver that excuses it."""

    mention: Mention
    waiver: Waiver


@dataclass(frozen=True)
class Coverage:
    """A source's mentions, split into quoted by a claim, waived, and unchecked."""

    mentions: tuple[Mention, ...]
    quoted: tuple[Mention, ...]
    waived: tuple[Waived, ...]
    unchecked: tuple[Mention, ...]
    unused_waivers: tuple[Waiver, ...]


# -- reading a source's figures and dates -------------------------------------------------------


def source_mentions(corpus: Corpus, spec: SourceSpec) -> tuple[Mention, ...]:
    """Every figure and date of the source a spec names, in order; read once per run."""
    source = corpus.source(spec)
    return corpus.memo("mentions", part_key(source), lambda: _read_mentions(corpus, source))


def _read_mentions(corpus: Corpus, source: Source) -> tuple[Mention, ...]:
    dates = source_values(corpus, source, "date")
    in_dates = _merged(d.span for d in dates)
    figures = [f for f in source_values(corpus, source, "figure") if not _hits(in_dates, *f.span)]
    found: list[Mention] = []
    for kind, values in (("figure", figures), ("date", dates)):
        for value in values:
            line, col = source.line_col(value.span[0])
            found.append(
                Mention(
                    source.alias,
                    kind,
                    value,
                    value.span[0],
                    value.span[1],
                    line,
                    col,
                    source.lang,
                    source.display,
                )
            )
    found.sort(key=lambda m: (m.start, m.end))
    return tuple(found)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_Regions = tuple[list[int], list[int]]


def _merged(spans: Iterable[tuple[int, int]]) -> _Regions:
    """Spans sorted by start, merged into disjoint regions: their starts and their ends."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in spans:
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _hits(regions: _Regions, start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a region (only the last one starting before ``end`` can)."""
    starts, ends = regions
    last = bisect.bisect_left(starts, end) - 1
    return last >= 0 and ends[last] > start


# -- what the claims quote ----------------------------------------------------------------------


def _file_key(corpus: Corpus, spec: SourceSpec) -> Path | None:
    return corpus.memo("coverage-file", spec.path, lambda: _resolved(corpus, spec))


def _resolved(corpus: Corpus, spec: SourceSpec) -> Path | None:
    try:
        path, _ = resolve_path(spec, corpus.settings.sources_dir, corpus.sources_display)
    except BriefcheckError:
        return None
    return real_path(path)


def _quoted_regions(corpus: Corpus) -> dict[Path, _Regions]:
    """Per source file, what claims' quotes read (offsets into the whole file), as regions."""

    def merge() -> dict[Path, _Regions]:
        return {key: _merged(spans) for key, spans in _quoted_spans(corpus).items()}

    return corpus.memo("coverage", "quoted", merge)


def _quoted_spans(corpus: Corpus) -> dict[Path, tuple[tuple[int, int], ...]]:
    spans: dict[Path, list[tuple[int, int]]] = {}
    for claim_file in corpus.files.values():
        for claim in claim_file.claims:
            for quote in claim.quotes:
                try:
                    spec = corpus.spec(quote.source, claim.file)
                    source = corpus.source(spec)
                except BriefcheckError:
                    continue
                key = _file_key(corpus, spec)
                match = source.locate(quote.text, quote.plain)
                if key is None or match is None:
                    continue
                quoted: tuple[tuple[int, int] | None, ...] = match.spans
                if quote.figure is not None:
                    quoted = (source.named_span(match.start, match.end, quote.figure),)
                shift = source.offset
                for span in quoted:
                    if span is not None:
                        spans.setdefault(key, []).append((span[0] + shift, span[1] + shift))
    return {key: tuple(sorted(value)) for key, value in spans.items()}


def is_quoted(corpus: Corpus, spec: SourceSpec, mention: Mention) -> bool:
    source = corpus.source(spec)
    key = _file_key(corpus, spec)
    if key is None:
        return False
    regions = _quoted_regions(corpus).get(key, ([], []))
    return _hits(regions, source.offset + mention.start, source.offset + mention.end)


# -- waivers ------------------------------------------------------------------------------------


def waiver_spans(source: Source, waiver: Waiver) -> list[tuple[int, int]]:
    """Every occurrence of a text waiver in the source, not cut out of a longer word or number."""
    if waiver.text is None:
        return []
    needle = normalize(waiver.text).text
    haystack = source.normalized.text
    found: list[tuple[int, int]] = []
    position = haystack.find(needle) if needle else -1
    while position >= 0:
        end = position + len(needle)
        before = haystack[position - 1] if position > 0 else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (_joins(before, needle[0]) or _joins(needle[-1], after)):
            found.append(source.normalized.original_span(position, end))
        position = haystack.find(needle, position + 1)
    return found


def _joins(left: str, right: str) -> bool:
    """True when two ASCII characters belong to one word or number ('Group 1' in 'Group 10')."""
    return left.isascii() and right.isascii() and left.isalnum() and right.isalnum()


def waiver_for(
    mention: Mention, waivers: Iterable[tuple[Waiver, list[tuple[int, int]]]]
) -> Waiver | None:
    """The first waiver that excuses a mention: by line, or by an occurrence it overlaps."""
    for waiver, spans in waivers:
        if waiver.line is not None and mention.line == waiver.line:
            return waiver
        if any(_overlaps((mention.start, mention.end), span) for span in spans):
            return waiver
    return None


def source_waivers(source: Source) -> list[tuple[Waiver, list[tuple[int, int]]]]:
    return [(waiver, waiver_spans(source, waiver)) for waiver in source.spec.ignore]


def unwaived(corpus: Corpus, spec: SourceSpec) -> tuple[Mention, ...]:
    """The mentions of a source that no waiver excuses."""
    source = corpus.source(spec)
    waivers = source_waivers(source)
    return tuple(m for m in source_mentions(corpus, spec) if waiver_for(m, waivers) is None)


# -- the rule -----------------------------------------------------------------------------------


def is_part(spec: SourceSpec) -> bool:
    """True when the alias takes part of a file (``lines:``, ``start:``/``end:``)."""
    return spec.lines is not None or spec.start is not None or spec.end is not None


def item_name(kind: str, spec: SourceSpec) -> str:
    """``coverage`` for a whole file, ``coverage[<alias>]`` for a part of one."""
    return f"{kind}[{spec.alias}]" if is_part(spec) else kind


def wants_coverage(spec: SourceSpec, coverage_all: bool) -> bool:
    return spec.checked or coverage_all


def coverage_of(corpus: Corpus, spec: SourceSpec) -> Coverage:
    source = corpus.source(spec)
    waivers = source_waivers(source)
    quoted: list[Mention] = []
    waived: list[Waived] = []
    unchecked: list[Mention] = []
    mentions = source_mentions(corpus, spec)
    for mention in mentions:
        if is_quoted(corpus, spec, mention):
            quoted.append(mention)
            continue
        waiver = waiver_for(mention, waivers)
        if waiver is not None:
            waived.append(Waived(mention, waiver))
        else:
            unchecked.append(mention)
    used = {id(w.waiver) for w in waived}
    unused = tuple(
        waiver
        for waiver, _ in waivers
        if id(waiver) not in used and not _waives_a_quoted(waiver, quoted, waivers)
    )
    return Coverage(mentions, tuple(quoted), tuple(waived), tuple(unchecked), unused)


def _waives_a_quoted(
    waiver: Waiver, quoted: list[Mention], waivers: list[tuple[Waiver, list[tuple[int, int]]]]
) -> bool:
    """A waiver whose figures happen to be quoted by claims anyway is not stale."""
    own = [(w, spans) for w, spans in waivers if w is waiver]
    return any(waiver_for(m, own) is not None for m in quoted)


def _by_waiver(waived: tuple[Waived, ...]) -> list[tuple[Waiver, list[Mention]]]:
    groups: dict[int, tuple[Waiver, list[Mention]]] = {}
    for item in waived:
        groups.setdefault(id(item.waiver), (item.waiver, []))[1].append(item.mention)
    return list(groups.values())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def check_coverage(corpus: Corpus, spec: SourceSpec) -> Outcome:
    """Every figure and date of ``spec``'s source is quoted by a claim or waived."""
    name = item_name(COVERAGE, spec)
    try:
        source = corpus.source(spec)
        result = coverage_of(corpus, spec)
    except BriefcheckError as exc:
        at = Location(spec.at.path, spec.at.line, spec.at.col)
        return Outcome(COVERAGE, name, spec.at.path, at, ERROR, str(exc))
    first_line, first_col = source.line_col(0)
    waived_count = len(result.waived)
    counts = (
        f"{len(result.quoted)} quoted by claims, {waived_count} waived"
        if result.mentions
        else "nothing to check"
    )
    details: list[str] = []
    for waiver, mentions in _by_waiver(result.waived):
        what = f"line {waiver.line}" if waiver.line is not None else f"'{waiver.text}'"
        details.append(
            f"waived ({len(mentions)}) by {what} ({waiver.at.path}:{waiver.at.line}): "
            f"{waiver.reason}"
        )
        details.extend(f"    {m.line}:{m.col}  '{m.text}'  {m.describe()}" for m in mentions)
    for waiver in result.unused_waivers:
        what = f"line {waiver.line}" if waiver.line is not None else f"'{waiver.text}'"
        details.append(
            f"unused waiver: {what} ({waiver.at}) excuses no figure or date of '{spec.alias}'"
        )
    total = len(result.mentions)
    if not result.unchecked:
        return Outcome(
            COVERAGE,
            name,
            source.display,
            Location(source.display, first_line, first_col),
            VERIFIED,
            f"coverage of '{spec.alias}': all {_plural(total, 'figure or date')} checked "
            f"({counts})",
            details=tuple(details),
        )
    first = result.unchecked[0]
    listing = [f"unchecked: {m.listing()}" for m in result.unchecked]
    hint = (
        f"quote each in a claim (briefcheck suggest {source.display} proposes them), "
        f"or waive it under 'ignore:' of '{spec.alias}' in {spec.at.path} with a reason"
    )
    return Outcome(
        COVERAGE,
        name,
        source.display,
        Location(source.display, first.line, first.col),
        MISSING,
        f"coverage of '{spec.alias}': {len(result.unchecked)} of {total} figures and dates "
        f"are not checked by any claim ({counts})",
        details=(*listing, f"hint: {hint}", *details),
    )
