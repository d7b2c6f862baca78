"""Failure text in the style of a compiler, and the per-file summary of a run.

Plain text, no colour: the first line is ``file:line: what failed``, then one
block per quote with ``source:line:col``, the quote, what was found, and why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from .checks import Outcome, Reading, describe

_MARK = {
    "agrees": "ok",
    "contradicts": "CONTRADICTS",
    "missing": "NOT FOUND",
    "error": "ERROR",
}
_QUOTE_WIDTH = 160


def _clip(text: str, width: int = _QUOTE_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_reading(reading: Reading) -> list[str]:
    where = f"{reading.source}:{reading.line}:{reading.col}" if reading.source else "?"
    if reading.source and reading.line == 0:
        where = reading.source
    lang = f" [{reading.lang}]" if reading.lang else ""
    found = f"  {describe(reading.value)}" if reading.value is not None else ""
    lines = [f"  {where}{lang}  {_MARK.get(reading.status, reading.status)}{found}"]
    lines.append(f'      quote: "{_clip(reading.quote.text)}"  ({reading.quote.at})')
    if reading.quote.figure:
        lines.append(f'      figure: "{reading.quote.figure}"')
    if reading.why:
        lines.append(f"      why: {reading.why}")
    if reading.closest:
        lines.append(f'      closest: "{_clip(reading.closest)}"')
    return lines


def render_outcome(outcome: Outcome) -> str:
    """The failure text of one item."""
    head = outcome.headline
    location = f"{outcome.at.path}:{outcome.at.line}"
    if not head.startswith(outcome.at.path):
        head = f"{location}: {head}"
    lines = [head]
    if outcome.expected is not None:
        label = "check" if outcome.kind == "relation" else "expected"
        lines.append(f"  {label}: {outcome.expected}")
    for reading in outcome.readings:
        lines.extend(render_reading(reading))
    lines.extend(f"  {detail}" for detail in outcome.details)
    return "\n".join(lines)


def status_of(record: Mapping[str, Any], xfailed: bool, skipped: bool) -> str:
    if xfailed:
        return "xfailed"
    if skipped:
        return "skipped"
    return str(record.get("status", "error"))


SUMMARY_COLUMNS = (
    "verified",
    "contradicted",
    "missing",
    "undecidable",
    "error",
    "xfailed",
    "skipped",
)
_COLUMN_TITLES = {"missing": "quote missing"}


def summary_lines(records: Iterable[tuple[str, str]]) -> list[str]:
    """One line per claim file: how many items ended in each state."""
    per_file: dict[str, Counter[str]] = {}
    for file, status in records:
        per_file.setdefault(file, Counter())[status] += 1
    if not per_file:
        return []
    total: Counter[str] = Counter()
    lines = []
    width = max(len(f) for f in per_file)
    for file in sorted(per_file):
        counts = per_file[file]
        total.update(counts)
        lines.append(f"{file:<{width}}  {_counts(counts)}")
    lines.append(f"{'total':<{width}}  {_counts(total)}")
    return lines


def _counts(counts: Counter[str]) -> str:
    parts = [
        f"{counts[column]} {_COLUMN_TITLES.get(column, column)}"
        for column in SUMMARY_COLUMNS
        if counts[column]
    ]
    return ", ".join(parts) if parts else "nothing checked"
