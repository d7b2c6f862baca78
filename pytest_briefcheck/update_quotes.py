"""``--briefcheck-update-quotes``: follow a quote whose passage was reworded in its source.

When a quote is no longer found exactly, but the passage closest to it scores
high and the figure read there still agrees with the claim (its ``expect``, or
its other quotes), the quote's ``text:`` scalar is rewritten in the claim file:
only that scalar, as a double-quoted YAML string, everything else in the file
(comments, order, formatting) kept byte for byte. ``expect`` is never touched.
The claim's item fails all the same, so that the change is reviewed.

Proposing a rewrite is a plain function of the corpus; applying it is done once
per run, by the process that is not an xdist worker, with an atomic write.
"""

from __future__ import annotations

import codecs
import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checks import MISSING, Outcome, Reading, expected_value, read_quote
from .claims import Claim, Quote
from .corpus import Corpus
from .dates import DateValue
from .errors import BriefcheckError
from .figures import Figure

UPDATE_MIN_SCORE = 80.0
RECORD_KEY = "briefcheck_quote_update"


@dataclass(frozen=True)
class QuoteUpdate:
    """A proposed rewrite of one quote's ``text:`` scalar."""

    claim_file: str  # relative to the rootdir
    claim_id: str
    line: int
    col: int
    start: int  # offsets of the scalar in the decoded claim file
    end: int
    old: str  # the scalar exactly as written
    new: str  # the double-quoted replacement
    old_text: str
    new_text: str
    where: str  # source:line:col of the passage
    score: float

    def as_record(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> QuoteUpdate:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in record.items() if key in names})


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line."""
    out = ['"']
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F or 0x80 <= ord(char) < 0xA0:
            out.append(f"\\x{ord(char):02x}")
        elif char in "\u2028\u2029\ufeff":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def read_claim_text(path: Path) -> tuple[str, bool]:
    """A claim file decoded as ``claims`` decodes it; and whether it starts with a BOM."""
    raw = path.read_bytes()
    return raw.decode("utf-8-sig"), raw.startswith(codecs.BOM_UTF8)


# -- proposing ----------------------------------------------------------------------------------


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a passage of the punctuation at its ends, and extend it so that it neither
    starts nor ends inside an English word or number."""
    while start < end and (text[start].isspace() or text[start] in _EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE):
        end -= 1
    while start > 0 and _joined(text, start):
        start -= 1
    while end < len(text) and _joined(text, end):
        end += 1
    return start, end


_EDGE = ",;:.，、；：。"


def _joined(text: str, index: int) -> bool:
    """True when ``text[index - 1]`` and ``text[index]`` belong to one word or number."""
    left, right = text[index - 1], text[index]
    if _ascii_alnum(left) and _ascii_alnum(right):
        return True
    # 5.2, 3,000: a separator between digits
    if right in ".," and left.isdigit():
        return index + 1 < len(text) and text[index + 1].isdigit()
    return left in ".," and right.isdigit() and index >= 2 and text[index - 2].isdigit()


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _agrees(corpus: Corpus, a: Figure | DateValue, b: Figure | DateValue) -> bool:
    from .agreement import Tolerance, agree, agree_dates

    tolerance = Tolerance(
        about=corpus.settings.about_tolerance, near=corpus.settings.near_tolerance
    )
    try:
        if isinstance(a, Figure) and isinstance(b, Figure):
            return agree(a, b, tolerance).agrees
        if isinstance(a, DateValue) and isinstance(b, DateValue):
            return agree_dates(a, b).agrees
    except BriefcheckError:
        return False
    return False


def _references(
    corpus: Corpus, claim: Claim, readings: tuple[Reading, ...]
) -> list[Figure | DateValue]:
    """What a reworded quote's value must agree with: ``expect``, else the other quotes."""
    try:
        expected = expected_value(claim)
    except BriefcheckError:
        return []
    if expected is not None:
        return [expected]
    return [r.value for r in readings if r.status == "agrees" and r.value is not None]


def propose_update(
    corpus: Corpus, claim: Claim, quote: Quote, references: list[Figure | DateValue]
) -> QuoteUpdate | None:
    """The rewrite of one quote that is not found, or None when it is not safe to make."""
    if quote.span is None or not references:
        return None
    try:
        source = corpus.source(corpus.spec(quote.source, claim.file, quote.at))
    except BriefcheckError:
        return None
    closest = source.closest(quote.text)
    if closest is None or closest.score < UPDATE_MIN_SCORE:
        return None
    start, end = _widen(source.text, closest.start, closest.end)
    new_text = " ".join(source.text[start:end].split())
    if not new_text or new_text == quote.text:
        return None
    reading = read_quote(corpus, claim.file, dataclasses.replace(quote, text=new_text), claim.kind)
    if reading.status != "agrees" or reading.value is None:
        return None
    if not all(_agrees(corpus, reference, reading.value) for reference in references):
        return None
    path = corpus.settings.rootdir / claim.file
    try:
        text, _ = read_claim_text(path)
    except (OSError, UnicodeDecodeError):
        return None
    first, last = quote.span
    old = text[first:last].rstrip()
    if not old or old[0] in "&*!":
        return None  # an anchor, alias or tag: rewriting it would change other values
    line, col = source.line_col(start)
    return QuoteUpdate(
        claim_file=claim.file,
        claim_id=claim.id,
        line=quote.at.line,
        col=quote.at.col,
        start=first,
        end=first + len(old),
        old=old,
        new=double_quoted(new_text),
        old_text=quote.text,
        new_text=new_text,
        where=f"{source.display}:{line}:{col}",
        score=closest.score,
    )


def propose_updates(corpus: Corpus, claim: Claim, outcome: Outcome) -> tuple[QuoteUpdate, ...]:
    """Rewrites for every quote of a claim that is missing but whose passage can be followed."""
    if outcome.status != MISSING:
        return ()
    references = _references(corpus, claim, outcome.readings)
    updates = []
    for reading in outcome.readings:
        if reading.status != MISSING or reading.score < UPDATE_MIN_SCORE:
            continue
        update = propose_update(corpus, claim, reading.quote, references)
        if update is not None:
            updates.append(update)
    return tuple(updates)


def updated_outcome(outcome: Outcome, updates: tuple[QuoteUpdate, ...]) -> Outcome:
    """The claim's outcome once its quotes are rewritten: a failure asking for review."""
    places = ", ".join(f"{u.claim_file}:{u.line}" for u in updates)
    details: list[str] = []
    for update in updates:
        details.append(f"quote updated at {update.claim_file}:{update.line}:{update.col}")
        details.append(f"  was: {update.old}")
        details.append(f"  now: {update.new}  ({update.where}, {update.score:.0f}% alike)")
    return dataclasses.replace(
        outcome,
        headline=f"claim '{outcome.name}': quote updated at {places}; review the change",
        details=(*outcome.details, *details),
    )


# -- applying -----------------------------------------------------------------------------------


def apply_updates(
    rootdir: Path, updates: Iterable[QuoteUpdate]
) -> tuple[list[QuoteUpdate], list[str]]:
    """Rewrite the claim files; return what was written and why anything was not."""
    from .atomic import write_atomic

    by_file: dict[str, dict[int, QuoteUpdate]] = {}
    for update in updates:
        by_file.setdefault(update.claim_file, {})[update.start] = update
    applied: list[QuoteUpdate] = []
    problems: list[str] = []
    for name, pending in sorted(by_file.items()):
        path = rootdir / name
        try:
            text, bom = read_claim_text(path)
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{name}: not updated, the file cannot be read ({exc})")
            continue
        done: list[QuoteUpdate] = []
        for update in sorted(pending.values(), key=lambda u: u.start, reverse=True):
            if text[update.start : update.end] != update.old:
                problems.append(
                    f"{name}:{update.line}: not updated, the file changed since the run read it"
                )
                continue
            text = text[: update.start] + update.new + text[update.end :]
            done.append(update)
        if not done:
            continue
        data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
        try:
            write_atomic(path, data)
        except OSError as exc:
            problems.append(f"{name}: not updated ({exc})")
            continue
        applied.extend(reversed(done))
    return applied, problems
