"""The HTML report: one self-contained page per run, for editors.

On top, a table of the items per claim file and in total. Then every check with
what it expected and what each quote said. Then every source document as
published, each figure and date the engine reads in it highlighted by what the
run made of it:

- ``verified``: a claim's quote reads it, and it agrees with the claim;
- ``contradicted``: a claim's quote reads it and it disagrees (with ``expect``,
  or it is the odd one out among the quotes), or the claim reading it failed
  for no quote in particular (a date out of order);
- ``unchecked``: the engine reads it, but no claim checked it in this run;
- ``waived``: the registry's ``ignore:`` excuses it.

Each highlight links to a row under its document that links to the claims
reading it and to the other quotes of those claims, in any document.

Pure functions of the JSON report's document (``report.json_document``) and the
corpus. No network: no external asset, no script, and a content security policy
that forbids loading anything; every text is escaped with ``html.escape``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from .claims import SourceSpec
from .corpus import Corpus
from .errors import BriefcheckError
from .report import COLUMN_TITLES, SUMMARY_COLUMNS
from .sources import Source, resolve_path
from .text import LineIndex

STATUSES = ("verified", "contradicted", "unchecked", "waived")
_FAILED_CHECKS = ("contradicted", "missing", "undecidable", "error")
_READING_WORDS = {
    "agrees": "agrees",
    "contradicts": "CONTRADICTS",
    "missing": "NOT FOUND",
    "error": "ERROR",
}
_BREAK = re.compile(r"\r\n|\r|\n")


def h(value: object) -> str:
    """Text or an attribute value, escaped (quotes included)."""
    return escape(str(value), quote=True)


# -- the model of the page ----------------------------------------------------------------------


@dataclass
class QuoteRef:
    """One quote of one item, and the highlight it reads (if any)."""

    item: int
    index: int
    quote: Mapping[str, Any]
    highlight: Highlight | None = None


@dataclass
class Highlight:
    """A figure or date of a document, as the engine reads it; offsets into the file."""

    doc: int
    start: int
    end: int
    kind: str  # "figure" | "date"
    text: str
    value: str
    line: int
    col: int
    alias: str
    lang: str
    waiver: str | None = None
    readings: list[QuoteRef] = field(default_factory=list)
    status: str = "unchecked"

    @property
    def anchor(self) -> str:
        return f"h-{self.doc}-{self.start}"

    @property
    def note(self) -> str:
        return f"n-{self.doc}-{self.start}"


@dataclass
class Part:
    """An alias of a document (the whole file, or the lines it takes)."""

    spec: SourceSpec
    source: Source | None
    error: str | None = None


@dataclass
class Document:
    index: int
    display: str
    parts: list[Part]
    text: str | None = None
    lines: LineIndex | None = None
    highlights: list[Highlight] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"doc-{self.index}"


def _display(corpus: Corpus, spec: SourceSpec) -> str:
    try:
        return resolve_path(spec, corpus.settings.sources_dir, corpus.sources_display)[1]
    except BriefcheckError:
        return f"{corpus.sources_display}/{spec.path}"


def documents(corpus: Corpus) -> list[Document]:
    """Every declared source file, its parts, and every figure and date read in them."""
    from .checks import describe
    from .coverage import source_mentions, source_waivers, waiver_for

    by_file: dict[str, list[SourceSpec]] = {}
    for spec in corpus.all_specs():
        by_file.setdefault(_display(corpus, spec), []).append(spec)
    found: list[Document] = []
    for display in sorted(by_file):
        index = len(found)
        document = Document(index, display, [])
        candidates: list[Highlight] = []
        for spec in by_file[display]:
            try:
                source = corpus.source(spec)
                mentions = source_mentions(corpus, spec)
                waivers = source_waivers(source)
            except BriefcheckError as exc:
                document.parts.append(Part(spec, None, str(exc)))
                continue
            document.parts.append(Part(spec, source))
            document.text, document.lines = source.full_text, source.lines
            for mention in mentions:
                waiver = waiver_for(mention, waivers)
                candidates.append(
                    Highlight(
                        doc=index,
                        start=source.offset + mention.start,
                        end=source.offset + mention.end,
                        kind=mention.kind,
                        text=mention.text,
                        value=describe(mention.value),
                        line=mention.line,
                        col=mention.col,
                        alias=spec.alias,
                        lang=mention.lang,
                        waiver=f"{waiver.reason} ({waiver.at})" if waiver else None,
                    )
                )
        document.highlights = _without_overlaps(candidates)
        found.append(document)
    return found


def _without_overlaps(candidates: list[Highlight]) -> list[Highlight]:
    """In file order; where two aliases take overlapping lines, each place once."""
    kept: list[Highlight] = []
    for candidate in sorted(candidates, key=lambda x: (x.start, -x.end)):
        if kept and candidate.start < kept[-1].end:
            continue
        kept.append(candidate)
    return kept


def _attach(docs: Sequence[Document], items: Sequence[Mapping[str, Any]]) -> list[list[QuoteRef]]:
    """Every quote of every item; those that read a value, tied to the highlight they read."""
    by_path = {doc.display: doc for doc in docs}
    starts = {doc.index: [x.start for x in doc.highlights] for doc in docs}
    refs: list[list[QuoteRef]] = []
    for item_index, item in enumerate(items):
        mine = []
        for quote_index, quote in enumerate(item.get("quotes", ())):
            ref = QuoteRef(item_index, quote_index, quote)
            mine.append(ref)
            place = quote.get("location")
            doc = by_path.get(place["path"]) if place else None
            if doc is None or doc.lines is None or not place["line"] or quote["value"] is None:
                continue
            offset = doc.lines.line_start(place["line"]) + place["col"] - 1
            position = bisect.bisect_right(starts[doc.index], offset) - 1
            if position >= 0 and offset < doc.highlights[position].end:
                ref.highlight = doc.highlights[position]
                ref.highlight.readings.append(ref)
        refs.append(mine)
    return refs


def _blames_no_quote(item: Mapping[str, Any]) -> bool:
    """A failed check where every quote reads its value fine (e.g. dates out of order)."""
    return item["check_status"] in _FAILED_CHECKS and all(
        q["status"] == "agrees" for q in item.get("quotes", ())
    )


def _classify(docs: Iterable[Document], items: Sequence[Mapping[str, Any]]) -> None:
    for doc in docs:
        for highlight in doc.highlights:
            readings = highlight.readings
            if any(
                r.quote["status"] == "contradicts" or _blames_no_quote(items[r.item])
                for r in readings
            ):
                highlight.status = "contradicted"
            elif any(r.quote["status"] == "agrees" for r in readings):
                highlight.status = "verified"
            elif highlight.waiver is not None:
                highlight.status = "waived"
            else:
                highlight.status = "unchecked"


def _relations_of(items: Sequence[Mapping[str, Any]]) -> dict[str, list[int]]:
    """Claim name -> the relation items whose check names it."""
    found: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        if item["kind"] != "relation" or not item.get("expected"):
            continue
        for name in set(re.findall(r"[a-z0-9_]+", item["expected"])):
            found.setdefault(name, []).append(index)
    return found


# -- rendering -----------------------------------------------------------------------------------

_CSS = """
:root { --ok: #d7f0d9; --ok-edge: #2e7d32; --bad: #ffd6d6; --bad-edge: #c62828;
  --unc: #fff3c4; --unc-edge: #a67c00; --wv: #e6e6e6; --wv-edge: #757575; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "Noto Sans CJK SC", sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em 1.5em;
  color: #1d1d1d; background: #fff; }
h1 { font-size: 1.5em; margin: .2em 0 .6em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; margin: 1.4em 0 .3em; font-family: ui-monospace, monospace; }
table { border-collapse: collapse; margin: .4em 0; max-width: 100%; }
th, td { border: 1px solid #ccc; padding: .15em .5em; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
table.notes, .item table { width: 100%; }
th { background: #f3f3f3; overflow-wrap: normal; }
#summary th { white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n.zero { color: #aaa; }
tr.total td { font-weight: bold; border-top: 2px solid #888; }
code, .path, pre { font-family: ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; }
.path { font-size: .92em; }
.legend span { margin-right: 1em; }
.badge { display: inline-block; padding: 0 .45em; border-radius: .3em; font-size: .85em;
  font-weight: 600; border: 1px solid; white-space: nowrap; overflow-wrap: normal; }
.item td:first-child { white-space: nowrap; overflow-wrap: normal; }
.badge.verified, .badge.agrees, .badge.xpassed { background: var(--ok);
  border-color: var(--ok-edge); }
.badge.contradicted, .badge.contradicts, .badge.missing, .badge.undecidable, .badge.error {
  background: var(--bad); border-color: var(--bad-edge); }
.badge.unchecked { background: var(--unc); border-color: var(--unc-edge); }
.badge.waived, .badge.skipped { background: var(--wv); border-color: var(--wv-edge); }
.badge.xfailed { background: #ffe9cc; border-color: #b35c00; }
.item { border-left: 4px solid #ccc; padding: .2em .8em; margin: .6em 0; }
.item.failed { border-left-color: var(--bad-edge); }
.item.passed { border-left-color: var(--ok-edge); }
.item .head { font-weight: 600; }
.item table { font-size: .92em; }
.details { margin: .3em 0; padding: .3em .6em; background: #f7f7f7; white-space: pre-wrap;
  font-size: .88em; }
pre.text { font-family: inherit; white-space: pre-wrap; overflow-wrap: anywhere;
  background: #fcfcfc; border: 1px solid #ddd; padding: .6em .8em .6em 4.2em; line-height: 1.7; }
.ln { display: inline-block; width: 3.6em; margin-left: -4em; color: #999; text-align: right;
  padding-right: .6em; user-select: none; font: .8em ui-monospace, monospace; }
.ln::before { content: attr(data-n); }
.hl, .key { color: inherit; text-decoration: none; border-bottom: 2px solid; padding: 0 .1em;
  border-radius: .15em; }
.hl.verified, .key.verified { background: var(--ok); border-color: var(--ok-edge); }
.hl.contradicted, .key.contradicted { background: var(--bad); border-color: var(--bad-edge);
  border-bottom-width: 3px; font-weight: 600; }
.hl.unchecked, .key.unchecked { background: var(--unc); border-color: var(--unc-edge);
  border-bottom-style: dashed; }
.hl.waived, .key.waived { background: var(--wv); border-color: var(--wv-edge);
  border-bottom-style: dotted; }
.hl.known::after { content: "xfail"; font-size: .65em; font-weight: normal;
  vertical-align: super; margin-left: .2em; color: var(--bad-edge); }
:target { outline: 3px solid #1565c0; outline-offset: 2px; }
tr:target td { background: #e3f0ff; }
.notes td:nth-child(-n+3) { white-space: nowrap; overflow-wrap: normal; }
.muted { color: #666; }
"""


def _badge(status: str, label: str | None = None) -> str:
    return f'<span class="badge {h(status)}">{h(label or status)}</span>'


def _where(place: Mapping[str, Any] | None) -> str:
    if not place:
        return "?"
    return ":".join(str(place[key]) for key in ("path", "line", "col") if place.get(key))


def _summary_table(document: Mapping[str, Any], file_anchors: Mapping[str, str]) -> str:
    summary = document["summary"]
    head = "".join(f"<th>{h(COLUMN_TITLES.get(c, c))}</th>" for c in SUMMARY_COLUMNS)
    rows = []
    for file, counts in [*summary["files"].items(), ("total", summary["total"])]:
        total = file == "total"
        cells = "".join(
            f'<td class="n{"" if counts[c] else " zero"}" data-status="{h(c)}">{counts[c]}</td>'
            for c in SUMMARY_COLUMNS
        )
        items = summary["items"] if total else sum(counts.values())
        name = "total" if total else f'<a class="path" href="#{file_anchors[file]}">{h(file)}</a>'
        css = ' class="total"' if total else ""
        rows.append(
            f'<tr{css} data-file="{h(file)}">'
            f'<td>{name}</td><td class="n" data-status="items">{items}</td>{cells}</tr>'
        )
    return (
        '<table id="summary"><thead><tr><th>file</th><th>items</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _quote_link(ref: QuoteRef, short: bool = False) -> str:
    """The place a quote reads, linked to its highlight; ``short``: ``alias line:col``."""
    location = ref.quote.get("location")
    place = _where(location)
    text = place
    if short and location and location.get("line"):
        text = f"{ref.quote.get('alias') or ''} {location['line']}:{location['col']}"
    if ref.highlight is None:
        return f'<span class="path" title="{h(place)}">{h(text)}</span>'
    return (
        f'<a class="path quote-link" href="#{ref.highlight.anchor}" title="{h(place)}">'
        f"{h(text)}</a>"
    )


def _item_html(index: int, item: Mapping[str, Any], refs: Sequence[QuoteRef]) -> str:
    failed = item["pytest_outcome"] == "failed"
    passed = item["pytest_outcome"] in ("passed", "xfailed")
    state = "failed" if failed else ("passed" if passed else "other")
    location = item["location"]
    parts = [
        f'<div class="item {state}" id="item-{index}" data-nodeid="{h(item["nodeid"])}" '
        f'data-status="{h(item["status"])}" data-kind="{h(item["kind"])}">',
        f'<div class="head">{_badge(item["status"])} <code>{h(item["nodeid"])}</code> '
        f'<span class="muted path">{h(_where(location))}</span></div>',
        f'<div class="headline">{h(item["headline"])}</div>',
    ]
    if item.get("reason"):
        parts.append(f'<div class="muted">reason: {h(item["reason"])}</div>')
    if item.get("expected") is not None:
        label = "check" if item["kind"] == "relation" else "expected"
        parts.append(f"<div>{label}: <code>{h(item['expected'])}</code></div>")
    if refs:
        rows = []
        for ref in refs:
            quote = ref.quote
            status = quote["status"] or "?"
            why = quote.get("why") or ""
            if quote.get("closest"):
                why += f' (closest: "{quote["closest"]}")'
            rows.append(
                f'<tr data-quote-status="{h(status)}"><td>{h(quote.get("alias") or "")}</td>'
                f"<td>{_quote_link(ref)}</td>"
                f"<td>{_badge(status, _READING_WORDS.get(status, status))}</td>"
                f"<td><code>{h(quote.get('value') or '')}</code></td>"
                f'<td>"{h(quote.get("text") or "")}"<br><span class="muted path">'
                f"{h(_where(quote.get('claim_location')))}</span></td>"
                f"<td>{h(why)}</td></tr>"
            )
        parts.append(
            "<table><thead><tr><th>source</th><th>at</th><th></th><th>value</th>"
            f"<th>quote</th><th>why</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    if item.get("details"):
        parts.append(f'<div class="details">{h(chr(10).join(item["details"]))}</div>')
    parts.append("</div>")
    return "".join(parts)


def _items_html(
    items: Sequence[Mapping[str, Any]], refs: Sequence[Sequence[QuoteRef]]
) -> tuple[str, dict[str, str]]:
    from .report import file_of

    groups: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        groups.setdefault(file_of(item["nodeid"]), []).append(index)
    anchors = {file: f"file-{n}" for n, file in enumerate(sorted(groups))}
    out = []
    for file in sorted(groups):
        out.append(f'<h3 id="{anchors[file]}">{h(file)}</h3>')
        out.extend(_item_html(i, items[i], refs[i]) for i in groups[file])
    return "".join(out), anchors


def _text_html(doc: Document, items: Sequence[Mapping[str, Any]]) -> str:
    """The document as published, with line numbers and every highlight."""
    text = doc.text or ""
    out: list[str] = []
    line = 1

    def emit(start: int, end: int) -> None:
        nonlocal line
        position = start
        for found in _BREAK.finditer(text, start, end):
            out.append(h(text[position : found.end()]))
            line += 1
            out.append(f'<span class="ln" data-n="{line}"></span>')
            position = found.end()
        out.append(h(text[position:end]))

    out.append('<span class="ln" data-n="1"></span>')
    position = 0
    for x in doc.highlights:
        emit(position, x.start)
        title = f"{x.status}: {x.value}"
        css = f"hl {x.status}"
        if x.status == "contradicted" and _known(x, items):
            title += " (a known error: the claim is marked xfail)"
            css += " known"
        if x.status == "waived" and x.waiver:
            title += f" (waived: {x.waiver})"
        out.append(
            f'<a class="{css}" id="{x.anchor}" href="#{x.note}" data-status="{x.status}" '
            f'data-kind="{h(x.kind)}" data-line="{x.line}" data-col="{x.col}" '
            f'title="{h(title)}">'
        )
        emit(x.start, x.end)
        out.append("</a>")
        position = x.end
    emit(position, len(text))
    return f'<pre class="text">{"".join(out)}</pre>'


def _known(x: Highlight, items: Sequence[Mapping[str, Any]]) -> bool:
    """Every claim that finds this figure wrong is marked xfail: a known error."""
    return all(items[r.item]["status"] == "xfailed" for r in x.readings)


def _note_row(
    x: Highlight,
    items: Sequence[Mapping[str, Any]],
    refs: Sequence[Sequence[QuoteRef]],
    relations: Mapping[str, list[int]],
) -> str:
    claims: dict[int, None] = {}
    for ref in x.readings:
        claims[ref.item] = None
        for other in relations.get(str(items[ref.item]["name"]), ()):
            claims[other] = None
    claim_links = "<br>".join(
        f'<a class="claim-link" href="#item-{i}" title="{h(items[i]["nodeid"])}">'
        f"{h(items[i]['name'])}</a> {_badge(items[i]['status'])}"
        for i in claims
    )
    others = []
    for ref in x.readings:
        for other in refs[ref.item]:
            if other is ref or other.highlight is x:
                continue
            status = other.quote["status"] or "?"
            others.append(
                f'<span class="other-quote" data-quote-status="{h(status)}">'
                f"{_badge(status, _READING_WORDS.get(status, status))} "
                f"{_quote_link(other, short=True)} "
                f"<code>{h(other.quote.get('value') or '')}</code></span>"
            )
    status = _badge(x.status)
    if x.status == "waived" and x.waiver:
        status += f' <span class="muted">{h(x.waiver)}</span>'
    return (
        f'<tr id="{x.note}" class="{x.status}"><td><a href="#{x.anchor}">{x.line}:{x.col}</a>'
        f"</td><td>{h(x.alias)} [{h(x.lang)}]</td><td>{h(x.kind)}</td><td>{h(x.text)}</td>"
        f"<td><code>{h(x.value)}</code></td><td>{status}</td><td>{claim_links}</td>"
        f"<td>{'<br>'.join(others)}</td></tr>"
    )


def _part_line(part: Part) -> str:
    spec = part.spec
    facts = [f"<b>{h(spec.alias)}</b>"]
    lang = part.source.lang if part.source is not None else spec.lang
    if lang:
        facts.append(f"[{h(lang)}]")
    if spec.lines is not None:
        facts.append(f"lines {spec.lines[0]}-{spec.lines[1]}")
    for key in ("published", "event"):
        value = getattr(spec, key)
        if value is not None:
            facts.append(f"{key} {h(value.isoformat())}")
    if part.error:
        facts.append(f'<span class="badge error">cannot be read</span> {h(part.error)}')
    return f"<li>{' '.join(facts)} <span class='muted'>({h(spec.at)})</span></li>"


def _document_html(
    doc: Document,
    items: Sequence[Mapping[str, Any]],
    refs: Sequence[Sequence[QuoteRef]],
    relations: Mapping[str, list[int]],
) -> str:
    counts = {s: sum(1 for x in doc.highlights if x.status == s) for s in STATUSES}
    tally = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s]) or "no figure or date"
    parts = [
        f'<section class="doc" id="{doc.anchor}" data-path="{h(doc.display)}">',
        f"<h3>{h(doc.display)}</h3>",
        f"<ul>{''.join(_part_line(p) for p in doc.parts)}</ul>",
        f'<p class="tally">{len(doc.highlights)} figures and dates: {h(tally)}</p>',
    ]
    if doc.text is not None:
        parts.append(_text_html(doc, items))
    if doc.highlights:
        rows = "".join(_note_row(x, items, refs, relations) for x in doc.highlights)
        parts.append(
            '<table class="notes"><thead><tr><th>at</th><th>alias</th><th>kind</th><th>text</th>'
            "<th>value</th><th>status</th><th>checked by</th><th>other quotes</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _problems(doc: Document) -> int:
    return sum(1 for x in doc.highlights if x.status in ("contradicted", "unchecked"))


def build_html(
    document: Mapping[str, Any], corpus: Corpus, title: str = "briefcheck report"
) -> str:
    """The whole page, from the JSON report's document and the corpus it was run on."""
    items: Sequence[Mapping[str, Any]] = document["items"]
    docs = documents(corpus)
    refs = _attach(docs, items)
    _classify(docs, items)
    # documents with something to look at first (contradicted or unchecked), then by path
    docs = sorted(docs, key=lambda d: (-_problems(d), d.display))
    relations = _relations_of(items)
    items_html, file_anchors = _items_html(items, refs)
    total = document["summary"]["total"]
    overall = ", ".join(
        f"{total[c]} {COLUMN_TITLES.get(c, c)}" for c in SUMMARY_COLUMNS if total[c]
    )
    legend = " ".join(
        f'<span><span class="key {s}">{s}</span> {h(text)}</span>'
        for s, text in (
            ("verified", "a claim reads it, and it agrees"),
            ("contradicted", "a claim reads it, and it disagrees (xfail: a known error)"),
            ("unchecked", "no claim checked it"),
            ("waived", "excused by the registry (ignore:)"),
        )
    )
    doc_links = "".join(
        f'<li><a class="path" href="#{d.anchor}">{h(d.display)}</a> '
        f'<span class="muted">({len(d.highlights)})</span></li>'
        for d in docs
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{h(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{h(title)}</h1>"
        f'<p id="overall">{document["summary"]["items"]} items: {h(overall or "nothing run")}</p>'
        f"{_summary_table(document, file_anchors)}"
        f'<p class="legend">{legend}</p>'
        f'<ul class="toc">{doc_links}<li><a href="#checks">Checks</a></li></ul>'
        f'<h2 id="sources">Documents</h2>'
        f"{''.join(_document_html(d, items, refs, relations) for d in docs)}"
        f'<h2 id="checks">Checks</h2>{items_html}'
        "</body></html>\n"
    )
