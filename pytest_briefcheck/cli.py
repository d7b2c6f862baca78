"""The ``briefcheck`` command: look at what the engine reads in a document."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import BriefcheckError


def _scan_rows(path: Path, lang: str | None) -> list[dict[str, Any]]:
    from .dates import detect_document_dates, find_dates
    from .figures import parse_figures
    from .sources import decode
    from .text import LineIndex, detect_lang

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BriefcheckError(f"cannot read the file: {exc.strerror}", path=str(path)) from None
    text, _ = decode(raw, str(path))
    lines = LineIndex(text)
    language = lang or detect_lang(text)
    document = detect_document_dates(text)
    base_value = document.event or document.published
    base = base_value.start if base_value is not None else None
    rows: list[dict[str, Any]] = []
    for figure in parse_figures(text, lang=lang):
        line, col = lines.line_col(figure.span[0])
        rows.append({"kind": "figure", "line": line, "col": col, **figure.as_dict()})
    for date in find_dates(text, base=base, lang=language):
        line, col = lines.line_col(date.span[0])
        rows.append(
            {
                "kind": "date",
                "line": line,
                "col": col,
                "text": date.text,
                "start": date.start.isoformat(),
                "end": date.end.isoformat(),
                "granularity": date.granularity,
                "relative": date.relative,
            }
        )
    rows.sort(key=lambda row: (row["line"], row["col"]))
    return rows


def _format_row(path: str, row: dict[str, Any]) -> str:
    where = f"{path}:{row['line']}:{row['col']}"
    text = " ".join(str(row["text"]).split())
    if row["kind"] == "date":
        span = row["start"] if row["start"] == row["end"] else f"{row['start']}/{row['end']}"
        return f"{where}\tdate\t{text}\t{span}\t{row['granularity']}"
    basis = row.get("basis") or ""
    return (
        f"{where}\tfigure\t{text}\t{row['normalized']}\t{row['unit'] or '-'}"
        f"\t{row['qualifier']}\t{basis}"
    )


def scan(args: argparse.Namespace) -> int:
    for name in args.files:
        rows = _scan_rows(Path(name), args.lang)
        for row in rows:
            if args.json:
                print(json.dumps({"file": name, **row}, ensure_ascii=False, default=str))
            else:
                print(_format_row(name, row))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefcheck",
        description="Read the figures and dates of press-briefing documents.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    scan_parser = commands.add_parser(
        "scan",
        help="print every figure and date of a document with line:col and its normalized value",
    )
    scan_parser.add_argument("files", nargs="+", metavar="FILE")
    scan_parser.add_argument("--json", action="store_true", help="one JSON object per line")
    scan_parser.add_argument("--lang", choices=("en", "zh"), help="the document's language")
    scan_parser.set_defaults(run=scan)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BriefcheckError as exc:
        print(f"briefcheck: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
