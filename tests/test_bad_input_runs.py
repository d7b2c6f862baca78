"""Whole runs with bad input (issue #6): one broken file among many, pytest's own
options (-x, -k, --lf, -n 2), and a corpus that is never written to.

The bundled corpus is used as it is: these rows compare a run with a broken file
against the same run without it, so they hold whatever the corpus's own outcomes.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import OPENING, SOURCES

BROKEN = "version: 1\nclaims:\n  - id: a\n    quotes: [{source: opening, text: x}\n"
BROKEN_MESSAGE = "claims/zz-broken.yaml:5:1: YAML syntax error: did not find expected ',' or ']'"

SMALL_REGISTRY = f"version: 1\nsources:\n  opening:\n    path: {OPENING}\n"
DATE_CLAIM = """\
version: 1
claims:
  - id: {id}
    kind: date
    expect: 2025-08-25
    quotes:
      - source: opening
        text: "Aug. 25, 2025"
"""


def assert_no_crash(result: pytest.RunResult) -> None:
    output = result.stdout.str() + result.stderr.str()
    assert "INTERNALERROR" not in output, output
    assert "Traceback" not in output, output
    assert not re.search(r"^E\s{2,}", output, re.MULTILINE), output
    assert result.ret in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED), output


def run(pytester: pytest.Pytester, *args: str, subprocess: bool = False) -> pytest.RunResult:
    if subprocess:
        result = pytester.runpytest_subprocess("--briefcheck", "-v", *args, timeout=600)
    else:
        result = pytester.runpytest("--briefcheck", "-v", *args)
    assert_no_crash(result)
    return result


def outcomes(result: pytest.RunResult) -> dict[str, int]:
    found = result.parseoutcomes()
    found.pop("warnings", None)
    found.pop("warning", None)
    return found


def item_lines(result: pytest.RunResult) -> list[str]:
    """``nodeid OUTCOME`` for every item of a -v run, sorted (xdist reports in any order)."""
    states = "PASSED|FAILED|XFAIL|XPASS|SKIPPED"
    found = re.findall(
        rf"^(\S+::\S+) ({states})|^\[gw\d+\] \[ *\d+%\] ({states}) (\S+::\S+)",
        result.stdout.str(),
        re.MULTILINE,
    )
    return sorted(f"{a or d} {b or c}" for a, b, c, d in found)


@pytest.fixture
def small(pytester: pytest.Pytester) -> Path:
    """Three good date claims in three files, a broken file and a second broken file."""
    shutil.copytree(SOURCES, pytester.path / "sources")
    claims = pytester.path / "claims"
    claims.mkdir()
    (claims / "sources.yaml").write_text(SMALL_REGISTRY, encoding="utf-8")
    for name in ("first", "second", "third"):
        (claims / f"{name}.yaml").write_text(DATE_CLAIM.format(id=f"{name}_date"), "utf-8")
    (claims / "a-broken.yaml").write_text("version: 1\nclaims: [\n", encoding="utf-8")
    (claims / "b-broken.yaml").write_text("version: 7\n", encoding="utf-8")
    return pytester.path


def test_one_broken_file_among_the_bundled_corpus(bundled: Path, pytester) -> None:
    before = run(pytester)
    counts = outcomes(before)
    (bundled / "claims" / "customs-2025-08-25" / "zz-broken.yaml").write_text(BROKEN, "utf-8")
    after = run(pytester)
    expected = dict(counts, failed=counts.get("failed", 0) + 1)
    assert outcomes(after) == expected
    # every other item ran, with the same outcome as without the broken file
    broken_item = "claims/customs-2025-08-25/zz-broken.yaml::load-error FAILED"
    assert item_lines(after) == sorted([*item_lines(before), broken_item])
    after.stdout.fnmatch_lines([BROKEN_MESSAGE.replace("claims/", "claims/customs-2025-08-25/")])


def test_exitfirst_stops_at_the_first_broken_file(small: Path, pytester) -> None:
    result = run(pytester, "-x")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claims/a-broken.yaml::load-error FAILED*",
            "claims/a-broken.yaml:3:1: YAML syntax error: *",
            "*stopping after 1 failures*",
        ],
        consecutive=False,
    )


def test_keyword_selects_claims_and_skips_broken_files(small: Path, pytester) -> None:
    by_id = run(pytester, "-k", "second_date")
    by_id.assert_outcomes(passed=1, deselected=4)
    by_alias = run(pytester, "-k", "opening and not first")
    by_alias.assert_outcomes(passed=2, deselected=3)
    broken = run(pytester, "-k", "load")
    broken.assert_outcomes(failed=2, deselected=3)
    broken.stdout.fnmatch_lines(
        ["claims/b-broken.yaml:1:10: unknown claim format version '7'"], consecutive=False
    )


def test_last_failed_reruns_the_broken_files_only(small: Path, pytester) -> None:
    first = run(pytester)
    first.assert_outcomes(passed=3, failed=2)
    again = run(pytester, "--lf")
    again.assert_outcomes(failed=2)
    again.stdout.fnmatch_lines(["run-last-failure: rerun previous 2 failures (skipped 4 files)"])
    assert item_lines(again) == [
        "claims/a-broken.yaml::load-error FAILED",
        "claims/b-broken.yaml::load-error FAILED",
    ]
    # a fixed file leaves the last-failed set: --lf reruns what still fails, nothing new
    (small / "claims" / "a-broken.yaml").write_text(DATE_CLAIM.format(id="fixed_a"), "utf-8")
    fixed = run(pytester, "--lf")
    fixed.assert_outcomes(failed=1, deselected=1)
    assert item_lines(fixed) == ["claims/b-broken.yaml::load-error FAILED"]
    run(pytester).assert_outcomes(passed=4, failed=1)


def test_xdist_gives_the_same_outcomes_with_broken_files(bundled: Path, pytester) -> None:
    claims = bundled / "claims" / "customs-2025-08-25"
    (claims / "zz-broken.yaml").write_text(BROKEN, "utf-8")
    (claims / "zz-tagged.yaml").write_text(
        "version: 1\nclaims: !!python/object/apply:os.system ['true']\n", "utf-8"
    )
    serial = run(pytester, "-p", "no:cacheprovider", subprocess=True)
    parallel = run(pytester, "-p", "no:cacheprovider", "-n", "2", subprocess=True)
    assert outcomes(parallel) == outcomes(serial)
    assert item_lines(parallel) == item_lines(serial)
    assert "claims/customs-2025-08-25/zz-tagged.yaml::load-error FAILED" in item_lines(parallel)
    parallel.stdout.fnmatch_lines(
        [
            "claims/customs-2025-08-25/zz-tagged.yaml:2:9: the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in claim files",
        ],
        consecutive=False,
    )


def _snapshot(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every file and directory under ``root``: kind, bytes (as a hash), modification time."""
    import hashlib

    found = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            digest = "dir" if path.is_dir() else "other"
        found[str(path.relative_to(root))] = (digest, info.st_size, info.st_mtime_ns)
    return found


EVERY_FEATURE = (
    "--briefcheck-coverage",
    "--briefcheck-update-quotes",
    "--briefcheck-json=report.json",
    "--briefcheck-html=report.html",
)


def _corpus_snapshot(root: Path) -> dict[str, tuple[str, int, int]]:
    return {
        f"{top}/{name}": state
        for top in ("sources", "claims")
        for name, state in _snapshot(root / top).items()
    }


def _changed(root: Path, before: dict[str, tuple[str, int, int]]) -> list[str]:
    after = _corpus_snapshot(root)
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


@pytest.mark.parametrize(
    "args",
    [(), ("-n", "2"), ("--junitxml", "out.xml"), EVERY_FEATURE, ("-n", "2", *EVERY_FEATURE)],
    ids=["serial", "xdist", "junitxml", "every-feature", "every-feature-xdist"],
)
def test_the_corpus_is_never_written(bundled: Path, pytester, args: tuple[str, ...]) -> None:
    # a claim that fails and a missing quote: both print, neither may write, except
    # that --briefcheck-update-quotes rewrites the reworded quote's claim file (only it)
    claims = bundled / "claims" / "customs-2025-08-25"
    (claims / "zz-missing.yaml").write_text(
        DATE_CLAIM.format(id="missing_date").replace("Aug. 25, 2025", "Aug. 32, 2025"), "utf-8"
    )
    before = _corpus_snapshot(bundled)
    assert any(name.startswith("sources/") for name in before), "the sources were not copied"
    run(pytester, "-p", "no:cacheprovider", *args, subprocess=bool(args and args[0] == "-n"))
    rewritten = "claims/customs-2025-08-25/zz-missing.yaml"
    if "--briefcheck-update-quotes" in args:
        assert _changed(bundled, before) == [rewritten.rpartition("/")[0], rewritten]
        assert 'text: "Aug. 25, 2025"' in (bundled / rewritten).read_text(encoding="utf-8")
    else:
        assert _changed(bundled, before) == []


INTERRUPT_AT_THIRD_ITEM = """
import itertools
import pytest

_seen = itertools.count(1)


def pytest_runtest_setup(item):
    if next(_seen) == 3:
        raise KeyboardInterrupt
"""


def test_an_interrupted_run_leaves_no_partial_files(bundled: Path, pytester) -> None:
    (bundled / "ctrl_c.py").write_text(INTERRUPT_AT_THIRD_ITEM, encoding="utf-8")
    before = _corpus_snapshot(bundled)
    result = pytester.runpytest_subprocess(
        "--briefcheck",
        "-p",
        "ctrl_c",
        "-p",
        "no:cacheprovider",
        *EVERY_FEATURE,
        timeout=600,
    )
    assert result.ret == pytest.ExitCode.INTERRUPTED, result.stdout.str()
    assert "KeyboardInterrupt" in result.stdout.str()
    assert _changed(bundled, before) == []
    left = sorted(p.name for p in bundled.iterdir() if p.is_file())
    # a report is written whole (what ran before the interrupt) or not at all; no temp files
    assert set(left) <= {"ctrl_c.py", "report.json", "report.html", "stdout", "stderr"}, left
    if "report.json" in left:
        report = json.loads((bundled / "report.json").read_text(encoding="utf-8"))
        assert report["briefcheck"] == 1
        assert len(report["items"]) <= 2
    if "report.html" in left:
        assert (bundled / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
