"""Readings kept between runs: taken again only for the same text read by the same engine."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import OPENING, drop_goods_value_xfail, edit_source

from pytest_briefcheck import store
from pytest_briefcheck.store import ReadingStore, digest, fingerprint

DOCUMENT = "sources/briefing.en.txt"


def _counting(value: object) -> tuple[Callable[[], object], list[int]]:
    calls: list[int] = []

    def compute() -> object:
        calls.append(1)
        return value

    return compute, calls


def test_a_reading_is_kept_for_the_next_run_of_the_same_text(tmp_path: Path) -> None:
    compute, calls = _counting(("5.2 billion t",))
    first = ReadingStore(tmp_path)
    read = first.reading(DOCUMENT, "figures|en", digest("text"), compute)
    assert read == ("5.2 billion t",)
    assert first.save() is None
    second = ReadingStore(tmp_path)
    assert second.reading(DOCUMENT, "figures|en", digest("text"), compute) == ("5.2 billion t",)
    assert len(calls) == 1
    assert (second.kept, second.read) == (1, 0)
    # nothing read afresh: nothing written
    before = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert second.save() is None
    assert {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before


def test_a_changed_text_is_read_afresh_and_replaces_the_kept_reading(tmp_path: Path) -> None:
    first = ReadingStore(tmp_path)
    first.reading(DOCUMENT, "figures|en", digest("52亿吨"), lambda: "old")
    first.save()
    second = ReadingStore(tmp_path)
    assert second.reading(DOCUMENT, "figures|en", digest("53亿吨"), lambda: "new") == "new"
    assert (second.kept, second.read) == (0, 1)
    second.save()
    third = ReadingStore(tmp_path)
    assert third.reading(DOCUMENT, "figures|en", digest("53亿吨"), lambda: "never") == "new"
    assert len(list(tmp_path.iterdir())) == 1  # one file per source file, however often it changes


def test_another_engine_reads_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = ReadingStore(tmp_path)
    kept.reading(DOCUMENT, "figures|en", "d", lambda: "old engine")
    kept.save()
    monkeypatch.setattr(store, "engine_fingerprint", lambda: "a newer briefcheck")
    assert ReadingStore(tmp_path).reading(DOCUMENT, "figures|en", "d", lambda: "new") == "new"


def test_the_fingerprint_covers_every_module_and_the_runtime(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "figures.py").write_text("SCALE = 10**8\n", encoding="utf-8")
    (package / "dates.py").write_text("", encoding="utf-8")
    runtime = ("3.11.7", "15.0.0")
    base = fingerprint(package, runtime)
    assert fingerprint(package, runtime) == base
    assert fingerprint(package, ("3.12.0", "15.0.0")) != base
    (package / "figures.py").write_text("SCALE = 10**4\n", encoding="utf-8")
    assert fingerprint(package, runtime) != base
    assert len(store.engine_fingerprint()) == 32


@pytest.mark.parametrize(
    "content", [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05\x95\xff\xff\xff\xff"]
)
def test_a_torn_or_foreign_file_is_a_miss(tmp_path: Path, content: bytes) -> None:
    first = ReadingStore(tmp_path)
    first.reading(DOCUMENT, "figures|en", "d", lambda: "kept")
    first.save()
    (kept_file,) = tmp_path.iterdir()
    kept_file.write_bytes(content)
    again = ReadingStore(tmp_path)
    assert again.reading(DOCUMENT, "figures|en", "d", lambda: "afresh") == "afresh"
    assert again.save() is None
    assert ReadingStore(tmp_path).reading(DOCUMENT, "figures|en", "d", lambda: "no") == "afresh"


def test_processes_keep_each_others_readings_of_one_file(tmp_path: Path) -> None:
    """Two xdist workers read different parts of one document; the second to finish
    must not drop what the first kept."""
    worker_a, worker_b = ReadingStore(tmp_path), ReadingStore(tmp_path)
    worker_a.reading(DOCUMENT, "figures|en@0+10", "a", lambda: "part one")
    worker_b.reading(DOCUMENT, "figures|en@10+20", "b", lambda: "part two")
    worker_a.save()
    worker_b.save()
    later = ReadingStore(tmp_path)
    assert later.reading(DOCUMENT, "figures|en@0+10", "a", lambda: "no") == "part one"
    assert later.reading(DOCUMENT, "figures|en@10+20", "b", lambda: "no") == "part two"


def test_a_store_that_cannot_be_written_says_so_and_never_raises(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("a file where the directory should be", encoding="utf-8")
    kept = ReadingStore(taken / "readings")
    assert kept.reading(DOCUMENT, "figures|en", "d", lambda: "value") == "value"
    problem = kept.save()
    assert problem is not None and problem.startswith(f"readings not kept in {taken}")


# -- end to end ---------------------------------------------------------------------------------

COUNTER = """
import collections
import json

import yaml

from pytest_briefcheck import dates, figures, text

READ = collections.Counter()


def _counted(module, name):
    original = getattr(module, name)

    def counted(text, *args, **kwargs):
        if name == "compose" or len(text) > 1000:  # a document, not a quote or an expect
            READ[name] += 1
        return original(text, *args, **kwargs)

    setattr(module, name, counted)


for module, name in ((figures, "parse_figures"), (dates, "find_dates"),
                     (dates, "detect_document_dates"), (text, "normalize")):
    _counted(module, name)


def pytest_sessionfinish(session):
    with open("engine-calls.txt", "a", encoding="utf-8") as out:
        out.write(json.dumps(READ) + "\\n")
"""


def _engine_calls(root: Path) -> list[dict[str, int]]:
    lines = (root / "engine-calls.txt").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_a_second_run_reads_no_unchanged_document(bundled: Path, pytester: pytest.Pytester) -> None:
    pytester.makeconftest(COUNTER)
    first = pytester.runpytest_subprocess("--briefcheck")
    first.assert_outcomes(passed=83, xfailed=2)
    second = pytester.runpytest_subprocess("--briefcheck")
    second.assert_outcomes(passed=83, xfailed=2)
    cold, warm = _engine_calls(bundled)
    assert set(cold) == {"parse_figures", "find_dates", "detect_document_dates", "normalize"}
    assert warm == {}
    assert "readings not kept" not in second.stdout.str()


def test_verbose_runs_say_what_was_kept(bundled: Path, pytester: pytest.Pytester) -> None:
    first = pytester.runpytest_subprocess("--briefcheck", "-v")
    first.stdout.fnmatch_lines(["readings kept between runs: 0 taken from the last run, * made*"])
    made = int(first.stdout.str().split(" taken from the last run, ")[1].split()[0])
    second = pytester.runpytest_subprocess("--briefcheck", "-v")
    second.stdout.fnmatch_lines(
        [f"readings kept between runs: {made} taken from the last run, 0 made afresh (*briefcheck)"]
    )
    assert "readings kept" not in pytester.runpytest_subprocess("--briefcheck").stdout.str()


def test_an_edited_source_is_read_afresh(bundled: Path, pytester: pytest.Pytester) -> None:
    """The regression a newsroom runs on every push: the kept reading must not hide an edit."""
    drop_goods_value_xfail(bundled)
    pytester.runpytest_subprocess("--briefcheck").assert_outcomes(passed=83, failed=1, xfailed=1)
    edit_source(bundled, OPENING, "5.2 billion", "5.3 billion")
    edited = pytester.runpytest_subprocess("--briefcheck")
    assert edited.parseoutcomes()["failed"] > 1
    edited.stdout.fnmatch_lines(["*5.3 billion*"])
    edit_source(bundled, OPENING, "5.3 billion", "5.2 billion")
    pytester.runpytest_subprocess("--briefcheck").assert_outcomes(passed=83, failed=1, xfailed=1)


def test_an_edited_claim_file_is_read_afresh(bundled: Path, pytester: pytest.Pytester) -> None:
    pytester.makeconftest(COUNTER.replace('(text, "normalize")', '(yaml, "compose")'))
    pytester.runpytest_subprocess("--briefcheck").assert_outcomes(passed=83, xfailed=2)
    claims = bundled / "claims" / "customs-2025-08-25" / "opening.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("expect: 5.2 billion t", "expect: 5.3 billion t"), "utf-8")
    edited = pytester.runpytest_subprocess("--briefcheck")
    edited.assert_outcomes(passed=82, failed=1, xfailed=2)
    edited.stdout.fnmatch_lines(["*opening.yaml:6: claim *contradicted*", "  expected: 5.3e9 t*"])
    pytester.runpytest_subprocess("--briefcheck").assert_outcomes(passed=82, failed=1, xfailed=2)
    # every claim file parsed in the first run, the edited one in the second, none after;
    first, second, third = (calls.get("compose", 0) for calls in _engine_calls(bundled))
    assert first == len(list((bundled / "claims").rglob("*.yaml")))  # the registry too
    assert (second, third) == (1, 0)


def test_an_edited_registry_is_read_afresh(bundled: Path, pytester: pytest.Pytester) -> None:
    pytester.runpytest_subprocess("--briefcheck").assert_outcomes(passed=83, xfailed=2)
    registry = bundled / "claims" / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("    event: 2025-08-25\n", "    event: 2025-08-26\n", 1), "utf-8"
    )
    edited = pytester.runpytest_subprocess("--briefcheck")
    assert edited.parseoutcomes()["failed"] >= 1
    edited.stdout.fnmatch_lines(["*2025-08-26*"])


def test_no_cache_keeps_nothing(bundled: Path, pytester: pytest.Pytester) -> None:
    pytester.runpytest_subprocess("--briefcheck", "--briefcheck-no-cache").assert_outcomes(
        passed=83, xfailed=2
    )
    assert not (bundled / ".pytest_cache" / "d" / "briefcheck").exists()
    pytester.makeini("[pytest]\nbriefcheck_no_cache = true\n")
    pytester.runpytest_subprocess("--briefcheck").assert_outcomes(passed=83, xfailed=2)
    assert not (bundled / ".pytest_cache" / "d" / "briefcheck").exists()
    pytester.runpytest_subprocess("--briefcheck", "-p", "no:cacheprovider").assert_outcomes(
        passed=83, xfailed=2
    )
    assert not (bundled / ".pytest_cache" / "d" / "briefcheck").exists()


def test_a_cache_directory_that_cannot_be_made_is_said(
    bundled: Path, pytester: pytest.Pytester
) -> None:
    pytester.runpytest_subprocess("--briefcheck")
    kept = bundled / ".pytest_cache" / "d" / "briefcheck"
    shutil.rmtree(kept)
    kept.write_text("in the way", encoding="utf-8")
    result = pytester.runpytest_subprocess("--briefcheck")
    result.assert_outcomes(passed=83, xfailed=2)
    result.stdout.fnmatch_lines(["*readings not kept between runs: *briefcheck*"])


def test_xdist_workers_keep_and_share_readings(bundled: Path, pytester: pytest.Pytester) -> None:
    pytester.makeconftest(COUNTER)
    first = pytester.runpytest_subprocess("--briefcheck", "-n", "2")
    first.assert_outcomes(passed=83, xfailed=2)
    second = pytester.runpytest_subprocess("--briefcheck", "-n", "2")
    second.assert_outcomes(passed=83, xfailed=2)
    calls = _engine_calls(bundled)
    assert len(calls) == 6  # two workers and the controller, twice
    assert sum(c.get("parse_figures", 0) for c in calls[:3]) > 0
    assert calls[3:] == [{}, {}, {}]


def test_files_unused_for_a_month_are_removed_and_used_ones_kept(tmp_path: Path) -> None:
    first = ReadingStore(tmp_path)
    for display in ("sources/kept.txt", "sources/renamed.txt"):
        first.reading(display, "figures|en", "d", lambda: "value")
    first.save()
    old = time.time() - 40 * 24 * 3600
    for path in tmp_path.iterdir():
        os.utime(path, (old, old))
    torn = tmp_path / ".abc.pickle.x1.tmp"  # a write that a crash cut short
    torn.write_bytes(b"half")
    os.utime(torn, (old, old))
    fresh = tmp_path / ".def.pickle.x2.tmp"  # another process writing now
    fresh.write_bytes(b"half")
    later = ReadingStore(tmp_path)
    assert later.reading("sources/kept.txt", "figures|en", "d", lambda: "no") == "value"
    assert later.save() is None
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [later._path("sources/kept.txt").name, fresh.name]
    )
    assert later._path("sources/kept.txt").stat().st_mtime > old + 24 * 3600  # marked used
