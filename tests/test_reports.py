"""``--briefcheck-json`` and GitHub Actions annotations, end to end through pytester."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import OPENING, SUMMARY, drop_goods_value_xfail

from pytest_briefcheck.report import (
    annotation,
    escape_data,
    escape_property,
    github_annotations,
    json_document,
)

# annual_goods_value fails as the bundled claim would without its xfail: the English
# summary calls the annual value a "total value".
FACTS = """\
version: 1
claims:
  - id: annual_goods_value
    expect: 41.5 trillion CNY
    basis: per_year
    quotes:
      - source: opening
        text: "with a value of 41.5 trillion yuan"
      - source: summary_en
        text: "with a total value of 41.5 trillion yuan"
      - source: summary_zh
        text: "年均监管进出口货物52亿吨、货值41.5万亿元"
        figure: "41.5万亿元"
  - id: open_ports_total
    expect: "311"
    quotes:
      - source: opening
        text: "bringing the total number to 311"
  - id: ports_skipped
    expect: "40"
    skip: "checked by hand this week"
    quotes:
      - source: opening
        text: "added and expanded 40 open ports"
  - id: ports_known_wrong
    expect: "41"
    xfail: "the summary was corrected after publication"
    quotes:
      - source: opening
        text: "added and expanded 40 open ports"
  - id: ports_reworded
    expect: "311"
    quotes:
      - source: opening
        text: "bringing the overall number to 311"
relations:
  - name: ports_above_300
    check: "open_ports_total > 300"
"""

STATUSES = ("verified", "contradicted", "missing", "undecidable", "error", "xfailed", "skipped")


def _run_json(pytester: pytest.Pytester, *args: str) -> dict[str, Any]:
    pytester.runpytest("--briefcheck", "--briefcheck-json=out/report.json", *args)
    return json.loads((pytester.path / "out" / "report.json").read_text(encoding="utf-8"))


def _items(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["nodeid"]: item for item in document["items"]}


def test_json_report_schema_and_values(briefing, pytester: pytest.Pytester) -> None:
    root = briefing(facts=FACTS)
    document = _run_json(pytester)

    assert set(document) == {"briefcheck", "summary", "items"}
    assert document["briefcheck"] == 1
    files = document["summary"]["files"]
    assert list(files) == ["claims/facts.yaml", "claims/sources.yaml"]
    assert files["claims/facts.yaml"] == {
        "verified": 2,
        "contradicted": 1,
        "missing": 1,
        "undecidable": 0,
        "error": 0,
        "xfailed": 1,
        "skipped": 1,
    }
    assert files["claims/sources.yaml"] == dict.fromkeys(STATUSES, 0) | {"verified": 4}
    assert document["summary"]["total"]["verified"] == 6
    assert document["summary"]["items"] == len(document["items"]) == 10

    items = _items(document)
    keys = {
        "nodeid", "kind", "name", "status", "check_status", "pytest_outcome", "reason",
        "headline", "location", "expected", "quotes", "details",
    }  # fmt: skip
    assert all(set(item) == keys for item in document["items"])
    assert [i["nodeid"] for i in document["items"]][:3] == [
        "claims/facts.yaml::annual_goods_value",
        "claims/facts.yaml::open_ports_total",
        "claims/facts.yaml::ports_skipped",
    ]  # in the order of the claim file

    value = items["claims/facts.yaml::annual_goods_value"]
    assert value["kind"] == "claim"
    assert value["status"] == value["check_status"] == "contradicted"
    assert value["pytest_outcome"] == "failed"
    assert value["headline"] == "claim 'annual_goods_value' contradicted (1 of 3 quotes)"
    assert value["location"] == {"path": "claims/facts.yaml", "line": 3}
    assert value["expected"] == "4.15e13 CNY (per_year)"
    opening, summary_en, summary_zh = value["quotes"]
    assert [q["status"] for q in value["quotes"]] == ["agrees", "contradicts", "agrees"]
    assert [q["alias"] for q in value["quotes"]] == ["opening", "summary_en", "summary_zh"]
    assert [q["lang"] for q in value["quotes"]] == ["en", "en", "zh"]
    assert summary_en["value"].startswith("4.15e13 CNY") and "total" in summary_en["value"]
    assert summary_en["why"]
    assert summary_en["text"] == "with a total value of 41.5 trillion yuan"
    assert summary_en["claim_location"] == {"path": "claims/facts.yaml", "line": 10, "col": 15}
    # each quote's value is located in its source: path, line and column of the figure
    for quote, relative in ((opening, OPENING), (summary_en, SUMMARY), (summary_zh, SUMMARY)):
        where = quote["location"]
        assert where["path"] == f"sources/{relative}"
        line = (
            (root / "sources" / relative)
            .read_text(encoding="utf-8")
            .splitlines()[where["line"] - 1]
        )
        assert line[where["col"] - 1 :].startswith(("41.5 trillion", "41.5万亿元"))

    reworded = items["claims/facts.yaml::ports_reworded"]
    assert reworded["status"] == "missing"
    assert reworded["quotes"][0]["closest"]
    assert reworded["quotes"][0]["score"] > 80
    assert reworded["quotes"][0]["value"] is None

    skipped = items["claims/facts.yaml::ports_skipped"]
    assert skipped["kind"] == "claim"
    assert skipped["status"] == "skipped"
    assert skipped["check_status"] is None
    assert skipped["reason"] == "checked by hand this week"
    assert skipped["location"] == {"path": "claims/facts.yaml", "line": 19}

    known = items["claims/facts.yaml::ports_known_wrong"]
    assert (known["status"], known["check_status"]) == ("xfailed", "contradicted")
    assert known["pytest_outcome"] == "xfailed"
    assert known["reason"] == "the summary was corrected after publication"

    relation = items["claims/facts.yaml::relation[ports_above_300]"]
    assert (relation["kind"], relation["status"]) == ("relation", "verified")
    assert relation["expected"] == "open_ports_total > 300"

    dates = items["claims/sources.yaml::dates[opening]"]
    assert (dates["kind"], dates["status"]) == ("dates", "verified")
    assert dates["location"]["path"] == "claims/sources.yaml"


def test_json_report_of_source_items(bundled: Path, pytester: pytest.Pytester) -> None:
    registry = bundled / "claims" / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace('    lines: "2-2"\n', '    lines: "2-2"\n    translation_of: summary_en\n'),
        encoding="utf-8",
    )
    items = _items(_run_json(pytester))
    coverage = items[f"sources/{OPENING}::coverage"]
    assert coverage["kind"] == "coverage"
    assert coverage["status"] in STATUSES
    assert coverage["location"]["path"] == f"sources/{OPENING}"
    translation = items[f"sources/{SUMMARY}::translation[summary_zh]"]
    assert translation["kind"] == "translation"
    assert translation["status"] in STATUSES
    kinds = {item["kind"] for item in items.values()}
    assert kinds == {"claim", "relation", "dates", "coverage", "translation"}


def test_json_report_paths(briefing, pytester: pytest.Pytester) -> None:
    briefing(facts=FACTS)
    sub = pytester.mkdir("sub")
    # on the command line: relative to where pytest is run, parents created
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(sub)
        result = pytester.runpytest(
            "--briefcheck", "--rootdir", str(pytester.path), "--briefcheck-json=deep/r.json"
        )
    assert (sub / "deep" / "r.json").is_file()
    result.stdout.fnmatch_lines([f"JSON report written to {sub / 'deep' / 'r.json'}"])
    assert sorted(p.name for p in (sub / "deep").iterdir()) == ["r.json"]  # no temporary left
    # in the ini file: relative to the rootdir
    pytester.makeini("[pytest]\nbriefcheck_json = reports/ini.json\n")
    pytester.runpytest("--briefcheck")
    assert json.loads((pytester.path / "reports" / "ini.json").read_text())["briefcheck"] == 1


def test_json_report_that_cannot_be_written_is_said(briefing, pytester: pytest.Pytester) -> None:
    briefing(facts=FACTS)
    (pytester.path / "taken").write_text("a file, not a directory", encoding="utf-8")
    result = pytester.runpytest("--briefcheck", "--briefcheck-json=taken/report.json")
    result.stdout.fnmatch_lines(["JSON report not written to *taken*report.json: *"])
    assert result.ret == pytest.ExitCode.TESTS_FAILED  # the run's own outcome is unchanged


SPY = """
import os

import pytest_briefcheck.atomic as atomic

_write = atomic.write_atomic
_role = ["controller"]


def pytest_configure(config):
    if hasattr(config, "workerinput"):
        _role[0] = config.workerinput["workerid"]


def _spy(path, data, **options):
    if ".pytest_cache" not in str(path):  # readings kept between runs: every process keeps its own
        with open(os.environ["BRIEFCHECK_SPY"], "a", encoding="utf-8") as log:
            log.write(_role[0] + " " + str(path) + "\\n")
    _write(path, data, **options)


atomic.write_atomic = _spy
"""


def _annotations(result: pytest.RunResult) -> list[str]:
    return [line for line in result.stdout.lines if line.startswith("::")]


def test_xdist_writes_one_report_like_a_serial_run(
    bundled: Path, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop_goods_value_xfail(bundled)
    pytester.makeconftest(SPY)
    spy = bundled / "writes.log"
    monkeypatch.setenv("BRIEFCHECK_SPY", str(spy))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    serial = pytester.runpytest_subprocess("--briefcheck", "-n", "0", "--briefcheck-json=n0.json")
    assert spy.read_text(encoding="utf-8").splitlines() == [f"controller {bundled / 'n0.json'}"]
    spy.unlink()
    parallel = pytester.runpytest_subprocess("--briefcheck", "-n", "2", "--briefcheck-json=n2.json")
    assert serial.ret == parallel.ret == pytest.ExitCode.TESTS_FAILED
    assert spy.read_text(encoding="utf-8").splitlines() == [f"controller {bundled / 'n2.json'}"]
    parallel.stdout.fnmatch_lines(["*2 workers*"])
    n0 = json.loads((bundled / "n0.json").read_text(encoding="utf-8"))
    n2 = json.loads((bundled / "n2.json").read_text(encoding="utf-8"))
    assert n2["items"] == n0["items"]
    assert n2 == n0
    assert n0["summary"]["total"]["contradicted"] == 1
    # the annotations: printed once, by the controller
    annotations = _annotations(serial)
    assert len(annotations) == 2 and "annual_goods_value" in annotations[0]
    assert sorted(_annotations(parallel)) == sorted(annotations)


# -- GitHub Actions ------------------------------------------------------------------------------

PERCENT = """\
version: 1
claims:
  - id: smart_inspection_share
    expect: 81%
    quotes:
      - source: opening
        text: "Smart passenger inspection services have been deployed at 80% of aviation ports"
"""


def test_github_annotations_on_claim_and_source(
    briefing, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = briefing(facts=FACTS, **{"share,percent": PERCENT})
    summary_line = (root / "sources" / SUMMARY).read_text(encoding="utf-8").splitlines()[0]
    col = summary_line.index("41.5 trillion yuan") + 1
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = pytester.runpytest("--briefcheck")
    annotations = _annotations(result)
    assert len(annotations) == len(set(annotations)) == 6, annotations
    value = [a for a in annotations if "annual_goods_value" in a]
    assert value[0] == (
        "::error file=claims/facts.yaml,line=3,title=briefcheck::claim 'annual_goods_value' "
        "contradicted (1 of 3 quotes); expected 4.15e13 CNY (per_year)"
    )
    assert value[1].startswith(
        f"::error file=sources/{SUMMARY},line=1,col={col},title=briefcheck::claim "
        "'annual_goods_value': CONTRADICTS 4.15e13 CNY"
    )
    assert ", expected 4.15e13 CNY (per_year); " in value[1]
    assert value[1].endswith("(quote at claims/facts.yaml:10:15)")
    assert len(value) == 2
    reworded = [a for a in annotations if "ports_reworded" in a]
    assert reworded[0].startswith("::error file=claims/facts.yaml,line=")
    assert reworded[1].startswith(f"::error file=sources/{OPENING},line=")
    assert "NOT FOUND" in reworded[1]
    # a percent sign in a message and a comma in a path are escaped
    assert re.search(r"closest at line 44 \(\d+%25\)", reworded[1]), reworded[1]
    share = [a for a in annotations if "smart_inspection_share" in a]
    assert share[0].startswith("::error file=claims/share%2Cpercent.yaml,line=3,title=briefcheck::")
    assert share[1].endswith("(quote at claims/share,percent.yaml:7:15)")  # the message keeps it
    # xfailed and skipped items are not failures
    assert not [a for a in annotations if "ports_known_wrong" in a or "ports_skipped" in a]


def test_no_annotations_outside_github_actions(
    briefing, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    briefing(facts=FACTS)
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    result = pytester.runpytest("--briefcheck")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert _annotations(result) == []


def test_escaping_follows_the_runner() -> None:
    assert escape_data("50% more\r\nnext") == "50%25 more%0D%0Anext"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert annotation("x: y, z", "dir,1/a:b.yaml", 4, 2) == (
        "::error file=dir%2C1/a%3Ab.yaml,line=4,col=2,title=briefcheck::x: y, z"
    )
    assert annotation("no line", "claims/a.yaml") == (
        "::error file=claims/a.yaml,title=briefcheck::no line"
    )


def _record(nodeid: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "nodeid": nodeid,
        "kind": "claim",
        "name": nodeid.split("::")[1],
        "file": nodeid.split("::")[0],
        "line": 2,
        "status": "verified",
        "outcome": "verified",
        "pytest_outcome": "passed",
        "reason": None,
        "headline": "",
        "expected": "3",
        "quotes": [],
        "details": [],
    }
    return record | fields


def test_json_document_is_one_item_per_node_in_file_order() -> None:
    records = [
        _record("claims/b.yaml::z", line=9),
        _record("claims/a.yaml::y", line=5),
        _record("claims/a.yaml::x", line=7, outcome="error", status="error"),
        _record("claims/a.yaml::y", line=5, outcome="contradicted", status="contradicted"),
    ]
    document = json_document(records)
    assert [i["nodeid"] for i in document["items"]] == [
        "claims/a.yaml::y",
        "claims/a.yaml::x",
        "claims/b.yaml::z",
    ]
    assert document["items"][0]["status"] == "contradicted"  # the last report of a node wins
    assert document["summary"]["total"] == dict.fromkeys(STATUSES, 0) | {
        "verified": 1,
        "contradicted": 1,
        "error": 1,
    }


def test_a_strict_xfail_that_holds_is_annotated() -> None:
    record = _record(
        "claims/a.yaml::fixed",
        headline="claim 'fixed' verified",
        pytest_outcome="failed",
        reason="the summary said 41",
    )
    (line,) = github_annotations(json_document([record])["items"])
    assert line == (
        "::error file=claims/a.yaml,line=2,title=briefcheck::claim 'fixed' verified, but it is "
        "marked xfail: the summary said 41; expected 3"
    )


def test_coverage_failures_are_annotated_at_each_unchecked_figure() -> None:
    place = "sources/desk/notes.en.txt"
    record = _record(
        f"{place}::coverage",
        kind="coverage",
        name="coverage",
        file=place,
        line=2,
        status="missing",
        outcome="missing",
        pytest_outcome="failed",
        headline="coverage of 'note': 2 of 3 figures and dates are not checked by any claim",
        expected=None,
        details=[
            f"unchecked: {place}:2:20 [en]  '412 officers'  412",
            f"unchecked: {place}:3:6 [en]  '1'  1",
            "hint: quote each in a claim",
            f"waived: {place}:1:11 [en]  '14th Five-Year Plan'  (claims/sources.yaml:4: name)",
        ],
    )
    lines = github_annotations(json_document([record])["items"])
    assert [line.split("::")[1] for line in lines] == [
        f"error file={place},line=2,title=briefcheck",
        f"error file={place},line=2,col=20,title=briefcheck",
        f"error file={place},line=3,col=6,title=briefcheck",
    ]
    assert lines[1].endswith(f"coverage: unchecked: {place}:2:20 [en] '412 officers' 412")


def test_multiline_messages_stay_one_annotation() -> None:
    record = _record(
        "claims/a.yaml::odd",
        headline="claim 'odd'\ncontradicted",
        status="contradicted",
        outcome="contradicted",
        pytest_outcome="failed",
    )
    (line,) = github_annotations(json_document([record])["items"])
    assert "\n" not in line and "claim 'odd' contradicted" in line


def test_readme_documents_the_schema() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("--briefcheck-json", 1)[1]
    for key in (
        "briefcheck",
        "summary",
        "items",
        "check_status",
        "pytest_outcome",
        "claim_location",
    ):
        assert f'"{key}"' in section, key
    assert "::error file=" in readme


RAISES = """
import pytest_briefcheck.items as items

_check_claim = items.check_claim


def _check(corpus, claim):
    if claim.id == "open_ports_total":
        raise RuntimeError("the engine tripped")
    return _check_claim(corpus, claim)


items.check_claim = _check
"""


def test_a_check_that_raises_is_an_error_item(briefing, pytester: pytest.Pytester) -> None:
    briefing(facts=FACTS)
    pytester.makeconftest(RAISES)  # in a subprocess: the patch must not outlive the run
    result = pytester.runpytest_subprocess("--briefcheck", "--briefcheck-json=report.json")
    result.stdout.fnmatch_lines(["claims/facts.yaml * 1 error, *"])
    document = json.loads((pytester.path / "report.json").read_text(encoding="utf-8"))
    item = _items(document)["claims/facts.yaml::open_ports_total"]
    assert (item["kind"], item["status"], item["pytest_outcome"]) == ("claim", "error", "failed")
    assert item["headline"] == "RuntimeError: the engine tripped"
    assert item["location"] == {"path": "claims/facts.yaml", "line": 14}
