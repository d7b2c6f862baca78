"""The ``briefcheck`` command: look at what the engine reads in a document, suggest claims."""

from __future__ import annotations

import argparse
import json
import os
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
        reading = figure.as_dict()
        reading["figure_kind"] = reading.pop("kind")  # "kind" says figure or date
        rows.append({"kind": "figure", "line": line, "col": col, **reading})
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


def suggest(args: argparse.Namespace) -> int:
    from .atomic import write_atomic
    from .suggest import check_rendered, claim_file_name, corpus_for, render
    from .suggest import suggest as propose

    cwd = Path.cwd()
    target = Path(args.write) if args.write else None
    if target is not None and (target.exists() or target.is_symlink()):
        raise BriefcheckError(
            f"{args.write} already exists; suggest never overwrites a claim file",
            hint="choose a new file name, or print the suggestions and merge them by hand",
        )
    if target is not None and target.suffix not in (".yaml", ".yml"):
        raise BriefcheckError(f"{args.write}: claim files end in .yaml")
    corpus = corpus_for(cwd, args.claims, args.sources)
    if corpus.registry_error is not None:
        raise corpus.registry_error
    file = claim_file_name(corpus, args.write, cwd)
    found = propose(corpus, args.source, args.against, file, cwd)
    command = " ".join(
        ["briefcheck suggest", args.source, *(f"--against {a}" for a in args.against)]
    )
    text = render(found, command)
    check_rendered(text)
    if target is None:
        sys.stdout.write(text)
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
    print(
        f"briefcheck: wrote {len(found.claims)} suggested claims to {args.write}", file=sys.stderr
    )
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
    suggest_parser = commands.add_parser(
        "suggest",
        help="propose claims (format v1) for the figures and dates no claim checks yet",
    )
    suggest_parser.add_argument(
        "source", metavar="SOURCE", help="a document under the sources directory, or its alias"
    )
    suggest_parser.add_argument(
        "--against",
        action="append",
        default=[],
        metavar="OTHER",
        help="another document (or alias) whose agreeing figures are quoted too; repeatable",
    )
    suggest_parser.add_argument(
        "--write", metavar="NEW.yaml", help="write the claims to this new file (never overwritten)"
    )
    suggest_parser.add_argument(
        "--claims", default="claims", metavar="DIR", help="the claims directory [claims]"
    )
    suggest_parser.add_argument(
        "--sources", default="sources", metavar="DIR", help="the sources directory [sources]"
    )
    suggest_parser.set_defaults(run=suggest)
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
    except BrokenPipeError:
        # the reader went away (`briefcheck scan doc.txt | head`): stop quietly, and keep
        # Python from failing again when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141  # 128 + SIGPIPE, as a shell reports a command a pipe stopped


if __name__ == "__main__":
    raise SystemExit(main())
