"""The rules: what makes a claim, a relation or a source's dates hold.

Each rule is a plain function from the corpus and one spec to an
:class:`Outcome`, a value that says what was expected, what each quote says,
and why it fails. Rendering the outcome is ``report``'s job.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from .claims import Claim, Location, Quote, RelationSpec, SourceSpec
from .corpus import Corpus
from .dates import DateValue, parse_date
from .errors import BriefcheckError, RelationError
from .figures import Figure, parse_figure
from .sources import QuoteMatch, Source

Value = Figure | DateValue

VERIFIED = "verified"
CONTRADICTED = "contradicted"
MISSING = "missing"
ERROR = "error"
UNDECIDABLE = "undecidable"

# A missing quote whose closest passage is this similar was edited in place: its
# figure is read there, so a changed figure shows as a contradiction.
REWORDED_SCORE = 90.0


@dataclass(frozen=True)
class Reading:
    """What one quote says, and how it compares with the rest."""

    quote: Quote
    source: str
    lang: str
    line: int
    col: int
    status: str  # "agrees" | "contradicts" | "missing" | "error"
    why: str = ""
    value: Value | None = None
    closest: str = ""
    score: float = 0.0
    nearest: QuoteMatch | None = None  # where a missing quote's closest passage stands

    def as_record(self) -> dict[str, Any]:
        return {
            "source_alias": self.quote.source,
            "source": self.source,
            "line": self.line,
            "col": self.col,
            "lang": self.lang,
            "quote": self.quote.text,
            "quote_at": str(self.quote.at),
            "status": self.status,
            "value": describe(self.value) if self.value is not None else None,
            "why": self.why,
            "closest": self.closest or None,
            "score": self.score or None,
        }


@dataclass(frozen=True)
class Outcome:
    """The result of one check: one pytest item."""

    kind: str  # "claim" | "relation" | "dates" | "coverage" | "translation"
    name: str
    file: str
    at: Location
    status: str
    headline: str
    expected: str | None = None
    readings: tuple[Reading, ...] = ()
    details: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return self.status == VERIFIED

    def as_record(self, *, complete: bool = True) -> dict[str, Any]:
        """What the reports show; without ``complete``, what the summary counts only."""
        record: dict[str, Any] = {
            "kind": self.kind,
            "name": self.name,
            "file": self.file,
            "line": self.at.line,
            "status": self.status,
        }
        if complete:
            record["headline"] = self.headline
            record["expected"] = self.expected
            record["quotes"] = [reading.as_record() for reading in self.readings]
            record["details"] = list(self.details)
        return record


def describe(value: Value) -> str:
    if isinstance(value, Figure):
        return value.describe()
    if value.start == value.end:
        return value.start.isoformat()
    return f"{value.start.isoformat()}/{value.end.isoformat()}"


def _tolerance(corpus: Corpus) -> Any:
    return _tolerance_of(corpus.settings.about_tolerance, corpus.settings.near_tolerance)


@functools.lru_cache(maxsize=8)  # every comparison asks; a Tolerance checks itself when made
def _tolerance_of(about: float, near: float) -> Any:
    from .agreement import Tolerance

    return Tolerance(about=about, near=near)


def _agree(corpus: Corpus, a: Value, b: Value) -> Any:
    from .agreement import agree, agree_dates

    if isinstance(a, Figure) and isinstance(b, Figure):
        return agree(a, b, _tolerance(corpus))
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return agree_dates(a, b)
    raise BriefcheckError(f"cannot compare a figure with a date: {describe(a)} and {describe(b)}")


# -- reading quotes ---------------------------------------------------------------------------


def part_key(source: Source) -> str:
    """What a source's readings depend on: its file, the part taken and its language."""
    spec = source.spec
    return f"{source.display}|{spec.lines}|{spec.start}|{spec.end}|{source.lang}"


def source_values(corpus: Corpus, source: Source, kind: str) -> tuple[Value, ...]:
    """Every figure (or date) of a source in order, read once per run from its whole text.

    Reading the whole document once costs less than reading each quoted sentence, and
    a figure reads the same either way: the engine looks only a few words around it.
    """

    def read() -> tuple[Value, ...]:
        if kind == "date":
            from .dates import find_dates

            base = source.base_date
            return source.remembered(
                f"dates|{source.lang}|{base}",
                lambda: tuple(find_dates(source.text, base=base, lang=source.lang)),
            )
        from .figures import parse_figures

        return source.remembered(
            f"figures|{source.lang}", lambda: tuple(parse_figures(source.text, lang=source.lang))
        )

    return corpus.memo("values", f"{part_key(source)}|{kind}", read)


def _values_at(values: tuple[Value, ...], start: int, end: int) -> list[Value]:
    """The values overlapping ``start:end``; ``values`` are sorted and never overlap."""
    first = bisect.bisect_left(values, start + 1, key=lambda v: v.span[1])
    last = bisect.bisect_left(values, end, key=lambda v: v.span[0])
    return list(values[first:last])


def _pick(
    inside: list[Value], match: QuoteMatch, source: Source, quote: Quote, kind: str
) -> tuple[Value | None, str]:
    """The one value the quote states (or the one its ``figure:`` names)."""
    word = "date" if kind == "date" else "figure"
    if quote.figure is not None:
        span = source.named_span(match.start, match.end, quote.figure)
        if span is None:
            return None, f"the {word} '{quote.figure}' is not in the quote"
        first, last = span
        named = [v for v in inside if v.span[0] < last and v.span[1] > first]
        if not named:
            return None, f"no {word} can be read in '{quote.figure}'"
        return named[0], ""
    if not inside:
        return None, f"no {word} can be read in the quote"
    if len(inside) > 1:
        listed = ", ".join(f"'{v.text}'" for v in inside)
        return None, (
            f"the quote holds {len(inside)} {word}s ({listed}); name the one meant with 'figure:'"
        )
    return inside[0], ""


def find_quote(corpus: Corpus, file: str, quote: Quote) -> tuple[Source, QuoteMatch] | Reading:
    """The source and place of a quote, or a failing Reading that says why not."""
    try:
        source = corpus.source(corpus.spec(quote.source, file, quote.at))
    except BriefcheckError as exc:
        return Reading(quote, "", "", quote.at.line, quote.at.col, ERROR, str(exc))
    match = source.locate(quote.text, quote.plain)
    if match is not None:
        return source, match
    closest = source.closest(quote.text)
    if closest is None:
        return Reading(
            quote,
            source.display,
            source.lang,
            0,
            0,
            MISSING,
            "not found, and no passage comes close",
        )
    return Reading(
        quote,
        source.display,
        source.lang,
        closest.line,
        closest.col,
        MISSING,
        f"not found; closest at line {closest.line} ({closest.score:.0f}%)",
        closest=source.text[closest.start : closest.end],
        score=closest.score,
        nearest=closest,
    )


def read_quote(corpus: Corpus, file: str, quote: Quote, kind: str) -> Reading:
    """Find a quote in its source and read the figure or date it states."""
    found = find_quote(corpus, file, quote)
    if isinstance(found, Reading):
        if found.nearest is None or found.score < REWORDED_SCORE:
            return found
        # Edited in place: read what the passage says now, so the failure can show it.
        source = corpus.source(corpus.spec(quote.source, file, quote.at))
        now = _read_at(corpus, source, found.nearest, quote, kind)
        if isinstance(now, Reading) and now.value is not None:
            return dataclasses.replace(found, value=now.value, line=now.line, col=now.col)
        return found
    return _read_at(corpus, *found, quote, kind)


def _read_at(corpus: Corpus, source: Source, match: QuoteMatch, quote: Quote, kind: str) -> Reading:
    try:
        values = source_values(corpus, source, kind)
    except BriefcheckError as exc:
        return Reading(quote, source.display, source.lang, match.line, match.col, ERROR, str(exc))
    inside = list(dict.fromkeys(v for a, b in match.spans for v in _values_at(values, a, b)))
    value, problem = _pick(inside, match, source, quote, kind)
    if value is None:
        return Reading(quote, source.display, source.lang, match.line, match.col, ERROR, problem)
    line, col = source.line_col(value.span[0])
    return Reading(quote, source.display, source.lang, line, col, "agrees", value=value)


# -- claims -----------------------------------------------------------------------------------


def expected_value(claim: Claim) -> Value | None:
    """The value ``expect`` states, with the claim's basis. Raises when it cannot be read."""
    if claim.expect is None:
        return None
    at = claim.expect_at or claim.at
    try:
        if claim.kind == "date":
            return _read_expect("date", claim.expect)
        figure = _read_expect("figure", claim.expect)
    except BriefcheckError as exc:
        raise BriefcheckError(
            f"cannot read expect '{claim.expect}': {exc.message}",
            path=at.path,
            line=at.line,
            col=at.col,
            hint="write e.g. '5.2 billion t', '>3000', '~7000', '80%' or '2025-08-25'",
        ) from None
    if claim.basis is not None or claim.direction is not None:
        figure = dataclasses.replace(
            figure,
            basis=claim.basis or figure.basis,
            direction=claim.direction or figure.direction,
        )
    return figure


@functools.lru_cache(maxsize=4096)  # values are frozen; relations read their claims' again
def _read_expect(kind: str, text: str) -> Value:
    return parse_date(text) if kind == "date" else parse_figure(text, years=True)


def forget_expects() -> None:
    """Drop the values kept per ``expect`` (a run calls this when it is over)."""
    _read_expect.cache_clear()


def check_claim(corpus: Corpus, claim: Claim) -> Outcome:
    return corpus.memo("claim", f"{claim.file}::{claim.id}", lambda: _check_claim(corpus, claim))


def _outcome(claim: Claim, status: str, headline: str, **fields: Any) -> Outcome:
    return Outcome("claim", claim.id, claim.file, claim.at, status, headline, **fields)


def _check_claim(corpus: Corpus, claim: Claim) -> Outcome:
    if claim.problems:
        return _outcome(claim, ERROR, str(claim.problems[0]))
    other = corpus.duplicate_of(claim)
    if other is not None:
        return _outcome(
            claim,
            ERROR,
            f"duplicate claim id '{claim.id}': also defined at {other.at.path}:{other.at.line}",
            details=("claim ids are unique across the claims tree; rename one",),
        )
    try:
        expected = expected_value(claim)
    except BriefcheckError as exc:
        return _outcome(claim, ERROR, str(exc))
    readings = [read_quote(corpus, claim.file, quote, claim.kind) for quote in claim.quotes]
    if claim.kind == "date" and expected is None and claim.role is not None:
        expected = _role_date(corpus, claim, readings)
    if expected is not None:
        readings = [_against_expected(corpus, claim, r, expected) for r in readings]
        if isinstance(expected, Figure):
            readings = _same_terms(readings, expected)
    else:
        readings = _against_each_other(corpus, readings)
    shown = describe(expected) if expected is not None else None
    for status, headline in (
        (ERROR, "cannot be checked"),
        (MISSING, "quote not found"),
        (CONTRADICTED, "contradicted"),
    ):
        failing = [r for r in readings if r.status == _READING_STATUS[status]]
        if failing:
            count = f"{len(failing)} of {len(readings)} quotes"
            return _outcome(
                claim,
                status,
                f"claim '{claim.id}' {headline} ({count})",
                expected=shown,
                readings=tuple(readings),
            )
    order = _check_order(corpus, claim, expected or _agreed_value(readings))
    if order is not None:
        return _outcome(claim, CONTRADICTED, order, expected=shown, readings=tuple(readings))
    return _outcome(
        claim, VERIFIED, f"claim '{claim.id}' verified", expected=shown, readings=tuple(readings)
    )


_READING_STATUS = {ERROR: ERROR, MISSING: MISSING, CONTRADICTED: "contradicts"}


def _against_expected(corpus: Corpus, claim: Claim, reading: Reading, expected: Value) -> Reading:
    if reading.value is None:
        return reading
    try:
        agreement = _agree(corpus, expected, reading.value)
    except BriefcheckError as exc:
        return dataclasses.replace(reading, status=ERROR, why=exc.message)
    if agreement.agrees:
        return reading
    why = agreement.reason
    if isinstance(expected, DateValue) and isinstance(reading.value, DateValue):
        why = _date_role_explanation(corpus, claim, reading.value, expected) or why
    else:
        why += _slip(corpus, expected, reading.value)
    return dataclasses.replace(reading, status="contradicts", why=_reworded(reading, why))


def _slip(corpus: Corpus, expected: Value, found: Value) -> str:
    """The scale slip two disagreeing figures may show (1.2亿 read as "1.2 billion")."""
    if not (isinstance(expected, Figure) and isinstance(found, Figure)):
        return ""
    from .agreement import slip_note

    return slip_note(expected, found, _tolerance(corpus))


def _reworded(reading: Reading, why: str) -> str:
    """The reason, and for an edited passage that the quote no longer matches it word for word."""
    if reading.status != MISSING:
        return why
    return (
        f"{why} (the quote is no longer in the source word for word; the passage at "
        f"line {reading.line} ({reading.score:.0f}% alike) now says this)"
    )


def _against_each_other(corpus: Corpus, readings: list[Reading]) -> list[Reading]:
    from .agreement import odd_ones_out

    valued = [(i, r) for i, r in enumerate(readings) if r.value is not None]
    if len(valued) < 2:
        return readings
    values = [r.value for _, r in valued]
    try:
        split = odd_ones_out(values, _tolerance(corpus))
    except BriefcheckError as exc:
        return [
            dataclasses.replace(r, status=ERROR, why=exc.message) if r.value is not None else r
            for r in readings
        ]
    if not split.odd:
        return readings
    majority = [valued[i][1] for i in split.majority]
    described = ", ".join(sorted({describe(r.value) for r in majority if r.value is not None}))
    result = list(readings)
    for i in split.odd:
        index, reading = valued[i]
        reference = majority[0].value
        assert reference is not None and reading.value is not None
        reason = _agree(corpus, reference, reading.value).reason
        reason += _slip(corpus, reference, reading.value)
        result[index] = dataclasses.replace(
            reading,
            status="contradicts",
            why=_reworded(
                reading,
                f"the odd one out: the other {len(majority)} quote(s) say {described} "
                f"({', '.join(f'{r.lang} {r.source}:{r.line}' for r in majority)}); {reason}",
            ),
        )
    return result


def _same_terms(readings: list[Reading], expected: Figure) -> list[Reading]:
    """Quotes that each agree with ``expect`` must not state the basis or the direction
    ``expect`` leaves open two ways: "in total" in one and "annually" in the other, or
    下降0.1% in one and "up 0.1%" in the other, is an error whatever the number."""
    result = list(readings)
    for term in ("basis", "direction"):
        if getattr(expected, term) is not None:
            continue
        first: Reading | None = None
        for index, reading in enumerate(result):
            stated = _term(reading, term)
            if stated is None or reading.status != "agrees":
                continue
            if first is None:
                first = reading
            elif stated != _term(first, term):
                result[index] = dataclasses.replace(
                    reading,
                    status="contradicts",
                    why=f"{term} is {stated} here but {_term(first, term)} in "
                    f"{first.lang} {first.source}:{first.line}; state it in the claim "
                    f"('{term}: ...') once the documents agree",
                )
    return result


def _term(reading: Reading, term: str) -> str | None:
    return getattr(reading.value, term) if isinstance(reading.value, Figure) else None


def _human_date(day: dt.date) -> str:
    return f"{day.strftime('%b')}. {day.day}, {day.year}"


def _known_sources(corpus: Corpus, claim: Claim) -> list[Source]:
    """The claim's own sources first, then every other declared source that can be read."""
    found: list[Source] = []
    specs = [corpus.specs_for(claim.file).get(alias) for alias in claim.aliases]
    for spec in [s for s in specs if s is not None] + corpus.all_specs():
        try:
            source = corpus.source(spec)
        except BriefcheckError:
            continue
        if source not in found:
            found.append(source)
    return found


def _role_date(corpus: Corpus, claim: Claim, readings: list[Reading]) -> DateValue | None:
    """Without ``expect``, an event (or published) claim expects its sources' declared date."""
    for reading in readings:
        try:
            source = corpus.source(corpus.spec(reading.quote.source, claim.file))
        except BriefcheckError:
            continue
        day = source.event_date if claim.role == "event" else source.published_date
        if claim.role in ("event", "published") and day is not None:
            return DateValue(day, day, text=day.isoformat())
    return None


def _date_role_explanation(
    corpus: Corpus, claim: Claim, found: DateValue, expected: DateValue
) -> str | None:
    """Say in words when a quote gives the other kind of date (posted vs held)."""
    if found.start != found.end or claim.role not in ("event", "published"):
        return None
    for source in _known_sources(corpus, claim):
        if claim.role == "event" and source.published_date == found.start:
            return (
                f"{_human_date(found.start)} is when {source.display} was published; "
                f"the briefing took place on {_human_date(expected.start)}"
            )
        if claim.role == "published" and source.event_date == found.start:
            return (
                f"{_human_date(found.start)} is when the event reported in {source.display} "
                f"took place; it was published on {_human_date(expected.start)}"
            )
    return None


def claim_value(corpus: Corpus, claim: Claim) -> Value | None:
    """The value a claim establishes: its ``expect``, else what its quotes agree on."""
    try:
        expected = expected_value(claim)
    except BriefcheckError:
        return None
    if expected is not None:
        return expected
    return _agreed_value(check_claim(corpus, claim).readings)


def _agreed_value(readings: tuple[Reading, ...] | list[Reading]) -> Value | None:
    agreeing = [r.value for r in readings if r.status == "agrees" and r.value is not None]
    return agreeing[0] if agreeing else None


def _check_order(corpus: Corpus, claim: Claim, mine: Value | None) -> str | None:
    """``before:`` / ``after:`` between date claims; a failure sentence or None."""
    for word in ("before", "after"):
        other_id = getattr(claim, word)
        if other_id is None:
            continue
        try:
            other = corpus.claim(other_id)
        except BriefcheckError as exc:
            return f"{word}: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")
        try:
            theirs = claim_value(corpus, other) if other is not claim else mine
        except BriefcheckError as exc:
            return f"{word}: {exc.message}"
        if not isinstance(mine, DateValue) or not isinstance(theirs, DateValue):
            return f"{word}: '{other_id}' has no date to compare with"
        holds = mine.end < theirs.start if word == "before" else mine.start > theirs.end
        if not holds:
            return (
                f"claim '{claim.id}' ({describe(mine)}) should come {word} "
                f"'{other_id}' ({describe(theirs)}, {other.at.path}:{other.at.line})"
            )
    return None


# -- relations --------------------------------------------------------------------------------


def check_relation(corpus: Corpus, spec: RelationSpec) -> Outcome:
    def outcome(status: str, headline: str, **fields: Any) -> Outcome:
        return Outcome("relation", spec.name, spec.file, spec.at, status, headline, **fields)

    if spec.problems:
        return outcome(ERROR, str(spec.problems[0]))
    from .relations import evaluate, parse_relation

    try:
        relation = parse_relation(spec.name, spec.check)
    except RelationError as exc:
        col = spec.check_at.col + (exc.col or 1) - 1 if exc.col else spec.check_at.col
        located = RelationError(
            exc.message, path=spec.check_at.path, line=spec.check_at.line, col=col, hint=exc.hint
        )
        return outcome(ERROR, str(located), expected=spec.check)
    values: dict[str, Figure] = {}
    details: list[str] = []
    for name in sorted(relation.names):
        try:
            claim = corpus.claim(name)
        except BriefcheckError as exc:
            where = f"{spec.check_at.path}:{spec.check_at.line}"
            hint = f" ({exc.hint})" if exc.hint else ""
            return outcome(ERROR, f"{where}: {exc.message}{hint}", expected=spec.check)
        value = claim_value(corpus, claim)
        if not isinstance(value, Figure):
            return outcome(
                ERROR,
                f"claim '{name}' has no figure to compute with "
                f"({check_claim(corpus, claim).headline})",
                expected=spec.check,
            )
        values[name] = value
        details.append(f"{name} = {value.describe()}  ({claim.at.path}:{claim.at.line})")
    readings: tuple[Reading, ...] = ()
    if spec.says is not None:
        found = find_quote(corpus, spec.file, spec.says)
        if isinstance(found, Reading):
            return outcome(
                found.status,
                f"relation '{spec.name}': the passage that states it cannot be found",
                expected=spec.check,
                readings=(found,),
                details=tuple(details),
            )
        source, match = found
        readings = (
            Reading(spec.says, source.display, source.lang, match.line, match.col, "agrees"),
        )
    try:
        result = evaluate(relation, values)
    except BriefcheckError as exc:
        return outcome(
            ERROR,
            f"relation '{spec.name}': {exc.message}",
            expected=spec.check,
            details=tuple(details),
        )
    status = {"holds": VERIFIED, "fails": CONTRADICTED, "undecidable": UNDECIDABLE}[result.status]
    # the explanation of an undecidable result starts by saying so
    verb = {"holds": " holds", "fails": " does not hold", "undecidable": ""}
    return outcome(
        status,
        f"relation '{spec.name}'{verb[result.status]}: {result.explanation}",
        expected=spec.check,
        readings=readings,
        details=tuple(details),
    )


# -- a source's own dates ---------------------------------------------------------------------


def check_source_dates(corpus: Corpus, spec: SourceSpec) -> Outcome:
    """Declared ``published:`` / ``event:`` against the dates the document states."""

    def outcome(status: str, headline: str, **fields: Any) -> Outcome:
        return Outcome("dates", spec.alias, spec.at.path, spec.at, status, headline, **fields)

    try:
        source = corpus.source(spec)
    except BriefcheckError as exc:
        return outcome(ERROR, str(exc))
    detected = source.detected_dates
    details: list[str] = []
    for role in ("published", "event"):
        declared: dt.date | None = getattr(spec, role)
        found: DateValue | None = getattr(detected, role)
        if found is not None:
            line, col = source.lines.line_col(found.span[0])
            details.append(
                f"{role}: the document says '{found.text}' ({source.display}:{line}:{col})"
            )
        if declared is None or found is None:
            continue
        if not found.start <= declared <= found.end:
            return outcome(
                CONTRADICTED,
                f"source '{spec.alias}' is declared {role} {declared.isoformat()} "
                f"({spec.at.path}:{spec.at.line}) but {source.display}:{line}:{col} "
                f"says '{found.text}' ({describe(found)})",
                details=tuple(details),
            )
    return outcome(VERIFIED, f"dates of '{spec.alias}' agree", details=tuple(details))
