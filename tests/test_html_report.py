"""``--briefcheck-html``: the page's structure, read without a browser.

Self-contained (nothing to fetch), escaped (a document's markup is shown as
text), every anchor resolves, every figure and date of every document is
highlighted, and the summary table says what the JSON report says.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import (
    BUNDLED_DOCUMENTS,
    OPENING,
    SUMMARY,
    briefcheck_reports,
    copy_bundled,
    drop_goods_value_xfail,
    engine_count,
)

from pytest_briefcheck.corpus import Settings, load_corpus
from pytest_briefcheck.htmlreport import build_html
from pytest_briefcheck.report import json_document

_VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "embed", "source"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.walk()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root


def _report(pytester: pytest.Pytester) -> tuple[Node, str, dict]:
    pytester.runpytest(
        "--briefcheck", "--briefcheck-html=out/report.html", "--briefcheck-json=out/report.json"
    )
    page = (pytester.path / "out" / "report.html").read_text(encoding="utf-8")
    document = json.loads((pytester.path / "out" / "report.json").read_text(encoding="utf-8"))
    return parse(page), page, document


@dataclass(frozen=True)
class Report:
    root: Path
    tree: Node
    page: str
    document: dict


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The reports of the bundled corpus, made once for this module's tests."""
    root = copy_bundled(tmp_path_factory.mktemp("bundled"))
    html, document = briefcheck_reports(root)
    return Report(root, parse(html.read_text(encoding="utf-8")), html.read_text("utf-8"), document)


def _section(tree: Node, relative: str) -> Node:
    (section,) = tree.find("section", data_path=f"sources/{relative}")
    return section


def test_page_is_self_contained(bundled_report: Report) -> None:
    tree, page = bundled_report.tree, bundled_report.page
    tags = Counter(node.tag for node in tree.walk())
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base", "source", "video"):
        assert tags[tag] == 0, tag
    assert not [n for n in tree.walk() if "src" in n.attrs or "srcset" in n.attrs]
    hrefs = [n.attrs["href"] for n in tree.walk() if "href" in n.attrs]
    assert hrefs and all(href.startswith("#") for href in hrefs)
    (style,) = tree.find("style")
    assert "url(" not in style.text and "@import" not in style.text
    (policy,) = tree.find("meta", http_equiv="Content-Security-Policy")
    assert "default-src 'none'" in policy.attrs["content"]
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]


def test_every_anchor_resolves_and_ids_are_unique(bundled_report: Report) -> None:
    tree = bundled_report.tree
    ids = Counter(n.attrs["id"] for n in tree.walk() if "id" in n.attrs)
    assert [i for i, count in ids.items() if count > 1] == []
    targets = {n.attrs["href"][1:] for n in tree.walk() if "href" in n.attrs}
    assert targets - set(ids) == set()
    # every highlight links to its row, and the row links back
    for highlight in tree.find("a", cls="hl"):
        (row,) = tree.find(id=highlight.attrs["href"][1:])
        assert row.tag == "tr"
        assert row.find("a", href="#" + highlight.attrs["id"])


def test_summary_table_matches_the_json_report(bundled_report: Report) -> None:
    tree, document = bundled_report.tree, bundled_report.document
    (table,) = tree.find("table", id="summary")
    shown = {
        row.attrs["data-file"]: {
            cell.attrs["data-status"]: int(cell.text)
            for cell in row.find("td")
            if cell.attrs.get("data-status")
        }
        for row in table.find("tr")
        if "data-file" in row.attrs
    }
    summary = document["summary"]
    expected = {
        file: counts | {"items": sum(counts.values())} for file, counts in summary["files"].items()
    }
    expected["total"] = summary["total"] | {"items": summary["items"]}
    assert shown == expected
    assert summary["total"]["xfailed"] == 2 and summary["total"]["contradicted"] == 0


@pytest.mark.parametrize("relative", BUNDLED_DOCUMENTS)
def test_every_figure_and_date_is_highlighted(bundled_report: Report, relative: str) -> None:
    tree, document, root = bundled_report.tree, bundled_report.document, bundled_report.root
    section = _section(tree, relative)
    (text,) = section.find("pre", cls="text")
    assert text.text == (root / "sources" / relative).read_text(encoding="utf-8")
    highlights = text.find("a", cls="hl")
    assert len(highlights) == engine_count(root, f"sources/{relative}") > 0
    statuses = Counter(h.attrs["data-status"] for h in highlights)
    assert set(statuses) <= {"verified", "contradicted", "unchecked", "waived"}
    assert all(h.attrs["data-status"] in h.classes for h in highlights)
    # what coverage calls unchecked is what the page calls unchecked
    unchecked = sum(
        detail.startswith(f"unchecked: sources/{relative}:")
        for item in document["items"]
        if item["kind"] == "coverage"
        for detail in item["details"]
    )
    assert statuses["unchecked"] == unchecked


def test_statuses_of_known_figures(bundled_report: Report) -> None:
    tree = bundled_report.tree
    opening = _section(tree, OPENING).find("a", cls="hl")
    by_text = {h.text: h for h in opening}
    assert by_text["5.2 billion metric tons"].attrs["data-status"] == "verified"
    waived = by_text["14th Five-Year Plan period"]
    assert waived.attrs["data-status"] == "waived"
    assert re.search(r"\(waived: .+ \(claims/sources\.yaml:\d+:\d+\)\)$", waived.attrs["title"])
    # the summary's 'total value' is the known error (annual_goods_value is xfail)
    summary = {h.text: h for h in _section(tree, SUMMARY).find("a", cls="hl")}
    known = summary["41.5 trillion yuan"]
    assert known.attrs["data-status"] == "contradicted"
    assert "known error" in known.attrs["title"]


def test_a_contradicted_figure_links_to_its_claim_and_the_other_quotes(
    bundled: Path, pytester
) -> None:
    drop_goods_value_xfail(bundled)
    tree, _, _ = _report(pytester)
    summary = _section(tree, SUMMARY).find("a", cls="hl")
    (wrong,) = [h for h in summary if h.text == "41.5 trillion yuan"]
    assert wrong.attrs["data-status"] == "contradicted"
    assert "known error" not in wrong.attrs["title"]
    (row,) = tree.find(id=wrong.attrs["href"][1:])
    checks = {link.text: link.attrs["href"][1:] for link in row.find("a", cls="claim-link")}
    # the claim, and the relation that computes with it
    assert list(checks) == ["annual_goods_value", "supervised_value_is_annual"]
    (item,) = tree.find(id=checks["annual_goods_value"])
    assert item.attrs["data-nodeid"] == "claims/customs-2025-08-25/opening.yaml::annual_goods_value"
    assert item.attrs["data-status"] == "contradicted"
    others = {}
    for span in row.find("span", cls="other-quote"):
        (link,) = span.find("a", cls="quote-link")
        (target,) = tree.find(id=link.attrs["href"][1:])
        others[target.text] = (span.attrs["data-quote-status"], target.attrs["data-status"])
    assert others == {
        "41.5 trillion yuan": ("agrees", "verified"),  # the opening's
        "41.5万亿元": ("agrees", "verified"),  # the Chinese headline's
    }
    opening = {h.attrs["id"] for h in _section(tree, OPENING).find("a", cls="hl")}
    assert any(link.attrs["href"][1:] in opening for link in row.find("a", cls="quote-link"))
    # and the claim lists each quote, linked to the figure it reads
    links = [a.attrs["href"][1:] for a in item.find("a", cls="quote-link")]
    assert wrong.attrs["id"] in links and len(links) == 3


EVIL_SOURCE = (
    '<script>alert("source")</script> Officials said 5 <b>new</b> ports & "zones" '
    "opened on <i>May 8, 2025</i>.\n"
)
EVIL_REGISTRY = """\
version: 1
sources:
  evil:
    path: desk/page<1>.en.txt
    lang: en
"""
EVIL_CLAIMS = """\
version: 1
claims:
  - id: new_ports
    expect: "6"
    xfail: "<img src=x onerror=alert('reason')> & more"
    quotes:
      - source: evil
        text: 'Officials said 5 <b>new</b> ports & "zones"'
"""


def test_everything_is_escaped(pytester: pytest.Pytester) -> None:
    (pytester.path / "sources" / "desk").mkdir(parents=True)
    (pytester.path / "sources" / "desk" / "page<1>.en.txt").write_text(EVIL_SOURCE, "utf-8")
    (pytester.path / "claims").mkdir()
    (pytester.path / "claims" / "sources.yaml").write_text(EVIL_REGISTRY, "utf-8")
    (pytester.path / "claims" / "evil.yaml").write_text(EVIL_CLAIMS, "utf-8")
    tree, page, _ = _report(pytester)
    lowered = page.lower()
    for markup in ("<script", "<img", "<b>new", "<i>may", "page<1>"):
        assert markup not in lowered, markup
    assert "&lt;script&gt;alert(&quot;source&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(&#x27;reason&#x27;)&gt; &amp; more" in page
    section = _section(tree, "desk/page<1>.en.txt")
    (text,) = section.find("pre", cls="text")
    assert text.text == EVIL_SOURCE
    five = [h for h in text.find("a", cls="hl") if h.text == "5"]
    assert five and five[0].attrs["data-status"] == "contradicted"


def test_build_html_without_items_shows_everything_unchecked_or_waived(
    bundled_report: Report,
) -> None:
    root = bundled_report.root
    corpus = load_corpus(Settings(root, root / "claims", root / "sources"))
    tree = parse(build_html(json_document([]), corpus))
    highlights = tree.find("a", cls="hl")
    assert highlights
    assert {h.attrs["data-status"] for h in highlights} == {"unchecked", "waived"}
    (total,) = tree.find("tr", data_file="total")
    assert {c.text for c in total.find("td", cls="n")} == {"0"}


def test_a_source_that_cannot_be_read_is_said(briefing, pytester: pytest.Pytester) -> None:
    root = briefing()
    registry = root / "claims" / "sources.yaml"
    registry.write_text(
        registry.read_text("utf-8") + "  gone:\n    path: desk/gone.txt\n", encoding="utf-8"
    )
    tree, _, _ = _report(pytester)
    section = _section(tree, "desk/gone.txt")
    assert "cannot be read" in section.text and "does not exist" in section.text
    assert not section.find("pre")
