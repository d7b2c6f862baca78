"""Failure text in the style of a compiler, the per-file summary of a run, the JSON
report and GitHub Actions annotations.

Plain text, no colour: the first line is ``file:line: what failed``, then one
block per quote with ``source:line:col``, the quote, what was found, and why.
The JSON report and the annotations are built from the records the session
collects (one per item, the same under pytest-xdist); the HTML report is in
``htmlreport``.
"""

from __future__ import annotations

import json
import re
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
# "missing" is a quote not found for a claim, and figures no claim checks for coverage:
# the terminal summary counts the two apart, the JSON report and the HTML table together.
COLUMN_TITLES = {"missing": "missing", "uncovered": "not covered"}
_TERMINAL_COLUMNS = (*SUMMARY_COLUMNS[:3], "uncovered", *SUMMARY_COLUMNS[3:])
_TERMINAL_TITLES = {**COLUMN_TITLES, "missing": "quote missing"}


def summary_lines(records: Iterable[tuple[str, str, str]]) -> list[str]:
    """One line per file (claim file or source): how many items ended in each state.

    ``records`` are (file, item kind, status).
    """
    per_file: dict[str, Counter[str]] = {}
    for file, kind, status in records:
        column = "uncovered" if kind == "coverage" and status == "missing" else status
        per_file.setdefault(file, Counter())[column] += 1
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
        f"{counts[column]} {_TERMINAL_TITLES.get(column, column)}"
        for column in _TERMINAL_COLUMNS
        if counts[column]
    ]
    return ", ".join(parts) if parts else "nothing checked"


# -- the JSON report ----------------------------------------------------------------------------

JSON_VERSION = 1
FAILING_READINGS = ("contradicts", "missing", "error")
# ``path:line:col [lang]``: how failure details name a place in a source (Mention.listing)
_DETAIL_PLACE = re.compile(r"(?P<path>\S+):(?P<line>\d+):(?P<col>\d+) \[(?P<lang>[a-z]+)\]")


def _place(text: str) -> dict[str, Any] | None:
    """``path:line:col`` (as ``Location`` prints it) as a location object."""
    path, _, rest = text.rpartition(":")
    path, _, line = path.rpartition(":")
    if not path or not line.isdigit() or not rest.isdigit():
        return None
    return {"path": path, "line": int(line), "col": int(rest)}


def _quote_item(quote: Mapping[str, Any]) -> dict[str, Any]:
    location: dict[str, Any] | None = None
    if quote.get("source"):
        line = quote.get("line") or None
        location = {
            "path": quote["source"],
            "line": line,
            "col": quote.get("col") if line else None,
        }
    return {
        "alias": quote.get("source_alias"),
        "status": quote.get("status"),
        "value": quote.get("value"),
        "text": quote.get("quote"),
        "lang": quote.get("lang") or None,
        "location": location,
        "claim_location": _place(str(quote.get("quote_at", ""))),
        "why": quote.get("why") or None,
        "closest": quote.get("closest") or None,
        "score": quote.get("score") or None,
    }


def json_item(record: Mapping[str, Any]) -> dict[str, Any]:
    """One item of the JSON report, from a record the session collected."""
    return {
        "nodeid": record["nodeid"],
        "kind": record.get("kind"),
        "name": record.get("name"),
        "status": record["outcome"],
        "check_status": record.get("status"),
        "pytest_outcome": record.get("pytest_outcome"),
        "reason": record.get("reason"),
        "headline": record.get("headline", ""),
        "location": {"path": record.get("file"), "line": record.get("line")},
        "expected": record.get("expected"),
        "quotes": [_quote_item(quote) for quote in record.get("quotes", ())],
        "details": list(record.get("details", ())),
    }


def file_of(nodeid: str) -> str:
    """The file part of a node id: the claim file (or source document) an item belongs to."""
    return nodeid.split("::")[0]


def _order(item: Mapping[str, Any]) -> tuple[str, int, str]:
    return file_of(item["nodeid"]), item["location"]["line"] or 0, item["nodeid"]


def summary_counts(items: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Items per status, per file and in total (every status present, zero or not)."""
    files: dict[str, dict[str, int]] = {}
    total = dict.fromkeys(SUMMARY_COLUMNS, 0)
    count = 0
    for item in items:
        counts = files.setdefault(file_of(item["nodeid"]), dict.fromkeys(SUMMARY_COLUMNS, 0))
        status = item["status"] if item["status"] in total else "error"
        counts[status] += 1
        total[status] += 1
        count += 1
    return {"items": count, "total": total, "files": dict(sorted(files.items()))}


def json_document(records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The whole JSON report: ``{"briefcheck": 1, "summary": {...}, "items": [...]}``.

    One item per node id (the last report wins), ordered by file, line and node id,
    so that a run under pytest-xdist writes the same document as a serial one.
    """
    by_nodeid = {record["nodeid"]: json_item(record) for record in records}
    items = sorted(by_nodeid.values(), key=_order)
    return {"briefcheck": JSON_VERSION, "summary": summary_counts(items), "items": items}


def dump_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- GitHub Actions annotations -----------------------------------------------------------------


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as the GitHub Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (``file=``, ``title=``): also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(message: str, file: str, line: int | None = None, col: int | None = None) -> str:
    """``::error file=...,line=...,col=...,title=briefcheck::message``, escaped."""
    properties = [f"file={escape_property(file)}"]
    if line:
        properties.append(f"line={line}")
        if col:
            properties.append(f"col={col}")
    properties.append("title=briefcheck")
    return f"::error {','.join(properties)}::{escape_data(message)}"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _item_message(item: Mapping[str, Any]) -> str:
    message = item["headline"] or f"{item['kind']} '{item['name']}' failed"
    if item["status"] == "verified":  # a strict xfail that now holds
        message += f", but it is marked xfail: {item['reason'] or 'no reason given'}"
    if item["expected"] is not None and item["kind"] == "claim":
        message += f"; expected {item['expected']}"
    return _one_line(message)


def _quote_message(item: Mapping[str, Any], quote: Mapping[str, Any]) -> str:
    parts = [f"{item['kind']} '{item['name']}': {_MARK.get(quote['status'], quote['status'])}"]
    if quote["value"] is not None:
        parts.append(f" {quote['value']}")
    if item["expected"] is not None and item["kind"] == "claim":
        parts.append(f", expected {item['expected']}")
    if quote["why"]:
        parts.append(f"; {quote['why']}")
    parts.append(f" (quote at {_where(quote['claim_location'])})")
    return _one_line("".join(parts))


def _where(location: Mapping[str, Any] | None) -> str:
    if not location:
        return "?"
    return ":".join(str(location[key]) for key in ("path", "line", "col") if location.get(key))


def github_annotations(items: Iterable[Mapping[str, Any]]) -> list[str]:
    """One ``::error`` line per failed item on its own file and line, and one per failing
    place in a source: each quote that contradicts, is missing or cannot be read, and each
    place a coverage or translation failure lists. Each distinct line once."""
    lines: list[str] = []
    for item in items:
        if item["pytest_outcome"] != "failed":
            continue
        location = item["location"]
        lines.append(annotation(_item_message(item), location["path"], location["line"]))
        for quote in item["quotes"]:
            place = quote["location"]
            if quote["status"] not in FAILING_READINGS or place is None:
                continue
            lines.append(
                annotation(_quote_message(item, quote), place["path"], place["line"], place["col"])
            )
        if item["kind"] in ("coverage", "translation"):
            for detail in item["details"]:
                found = _DETAIL_PLACE.search(detail)
                if found is None or detail.startswith(("waived:", "unused waiver:")):
                    continue
                message = f"{item['name']}: {_one_line(detail)}"
                lines.append(
                    annotation(message, found["path"], int(found["line"]), int(found["col"]))
                )
    return list(dict.fromkeys(lines))
