"""What a run keeps and when it lets go: each file part normalized once, scans shared,
and the engine's caches emptied when the run is over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import OPENING, SOURCES

from pytest_briefcheck import agreement, checks, dates, sources
from pytest_briefcheck.claims import Location, SourceSpec
from pytest_briefcheck.corpus import Corpus, Settings


def _spec(alias: str, **metadata: object) -> SourceSpec:
    return SourceSpec(alias=alias, path=OPENING, at=Location("claims/sources.yaml", 1), **metadata)


def test_two_declarations_of_one_file_share_one_reading(tmp_path: Path) -> None:
    corpus = Corpus(Settings(rootdir=tmp_path, claims_dir=tmp_path, sources_dir=SOURCES))
    first = corpus.source(_spec("opening"))
    second = corpus.source(_spec("opening_en", lang="en"))  # other metadata: another Source
    assert first is not second
    assert first.normalized is second.normalized
    assert first.full_text is second.full_text


def test_a_document_is_scanned_for_dates_once_for_its_three_readers() -> None:
    text = (SOURCES / OPENING).read_text(encoding="utf-8")
    dates.forget_documents()
    dates.date_spans(text)
    dates.find_dates(text)
    dates.detect_document_dates(text)
    info = dates._scan_document.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_a_run_empties_the_engine_caches_when_it_is_over(bundled: Path, pytester) -> None:
    result = pytester.runpytest("--briefcheck", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=83, xfailed=2)
    assert dates._scan_document.cache_info().currsize == 0
    assert not agreement._FRAMED and not agreement._SPANS
    assert sources._real_directory.cache_info().currsize == 0 and not sources._RESOLVED
    assert checks._read_expect.cache_info().currsize == 0


@pytest.fixture(autouse=True)
def _clean_caches() -> None:
    dates.forget_documents()
    agreement.forget_figures()


def _passed_claim_record(pytester, *args: str) -> dict:
    recorder = pytester.inline_run("--briefcheck", "-p", "no:cacheprovider", *args)
    for report in recorder.getreports("pytest_runtest_logreport"):
        if report.when == "call" and report.passed and "::" in report.nodeid:
            records = [value for key, value in report.user_properties if key == "briefcheck"]
            if records and records[0]["kind"] == "claim":
                return records[0]
    raise AssertionError("no passed claim")


def test_a_passed_check_carries_its_quotes_only_when_a_report_needs_them(
    bundled: Path, pytester
) -> None:
    lean = _passed_claim_record(pytester)
    assert set(lean) == {"kind", "name", "file", "line", "status"}
    complete = _passed_claim_record(pytester, "--briefcheck-json=report.json")
    assert complete["quotes"] and complete["status"] == "verified"


def test_real_path_resolves_like_pathlib_with_directories_resolved_once(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "elsewhere.txt").write_text("b", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "docs")
    (tmp_path / "docs" / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    paths = [
        tmp_path / "docs" / "a.txt",
        tmp_path / "linked" / "a.txt",  # through a linked directory
        tmp_path / "docs" / "link.txt",  # a linked file
        tmp_path / "docs" / "missing.txt",
        tmp_path / "docs" / ("n" * 300 + ".txt"),  # too long for the file system
    ]
    sources.forget_directories()
    assert [sources.real_path(path) for path in paths] == [path.resolve() for path in paths]
    assert sources.real_path(paths[1]) == tmp_path.resolve() / "docs" / "a.txt"
    assert sources._real_directory.cache_info().currsize == 2  # docs/ and linked/


def test_the_heap_is_frozen_before_the_interpreter_exits(bundled: Path, pytester) -> None:
    # An exit handler registered before the run's runs after briefcheck's (last in,
    # first out): it sees the heap frozen, so the interpreter's last collections skip it.
    pytester.makeconftest(
        """
        import atexit, gc

        def pytest_configure(config):
            def report():
                with open("frozen.txt", "w", encoding="utf-8") as out:
                    out.write(str(gc.get_freeze_count()))
            atexit.register(report)
        """
    )
    result = pytester.runpytest_subprocess("--briefcheck", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=83, xfailed=2)
    assert int((pytester.path / "frozen.txt").read_text(encoding="utf-8")) > 1000


def test_collection_pauses_the_collector_and_each_check_freezes_what_it_leaves(
    bundled: Path, pytester
) -> None:
    pytester.makeconftest(
        """
        import gc, json

        SEEN = {"starts": []}

        def pytest_collection_modifyitems(items):
            SEEN["collecting"] = gc.isenabled()

        def pytest_runtest_logstart(nodeid, location):
            # the objects the collector still walks (the frozen ones are not listed)
            SEEN["starts"].append((nodeid, gc.isenabled(), len(gc.get_objects())))

        def pytest_sessionfinish(session):
            with open("gc.json", "w", encoding="utf-8") as out:
                json.dump(SEEN, out)
        """
    )
    pytester.makepyfile(test_plain="def test_a(): pass\ndef test_b(): pass\ndef test_c(): pass\n")
    result = pytester.runpytest_subprocess(
        "--briefcheck", "-p", "no:cacheprovider", "-p", "no:randomly", "claims", "test_plain.py"
    )
    result.assert_outcomes(passed=3 + 76, xfailed=2)
    seen = json.loads((pytester.path / "gc.json").read_text(encoding="utf-8"))
    assert seen["collecting"] is False
    starts = seen["starts"]
    assert all(enabled for _, enabled, _ in starts)  # on again for the run
    walked = {nodeid: count for nodeid, _, count in starts}
    checks = [count for nodeid, count in walked.items() if nodeid.startswith("claims/")]
    plain = [count for nodeid, count in walked.items() if nodeid.startswith("test_plain.py")]
    # what a check left is frozen by the time the next item starts; a plain test's is not
    assert len(checks) == 78 and max(checks) < 100
    assert len(plain) == 3 and plain[0] < plain[1] < plain[2]


def test_collection_that_fails_turns_the_collector_back_on(pytester) -> None:
    (pytester.path / "claims").mkdir()
    pytester.makeconftest(
        """
        import gc, pytest

        def pytest_collection_modifyitems(items):
            raise pytest.UsageError("stop here")

        def pytest_unconfigure(config):
            with open("gc.txt", "w", encoding="utf-8") as out:
                out.write(str(gc.isenabled()))
        """
    )
    result = pytester.runpytest_subprocess("--briefcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert (pytester.path / "gc.txt").read_text(encoding="utf-8") == "True"
