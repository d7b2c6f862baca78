"""The bundled corpus: it passes, and every claim in it can fail.

For each claim, a copy of the corpus gets one figure edited where the claim's
first quote states it, the way a careless edit would; that claim must fail.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import CLAIMS

from pytest_briefcheck.claims import Claim, iter_claim_files, load_claim_file

_WORDS = {
    "one": "two", "two": "three", "three": "four", "four": "five", "five": "six",
    "six": "seven", "seven": "eight", "eight": "nine", "nine": "ten", "ten": "eleven",
    "half": "third", "fifth": "sixth", "third": "quarter", "January": "February",
    "February": "March", "March": "April", "April": "May", "May": "June", "June": "July",
    "July": "August", "August": "September", "December": "November",
}  # fmt: skip
_CHINESE = str.maketrans("一二两三四五六七八九十", "二三三四五六七八九十百")


def _bundled_claims() -> list[Claim]:
    claims = []
    for path in iter_claim_files(CLAIMS):
        claims.extend(load_claim_file(path, path.relative_to(CLAIMS.parent).as_posix()).claims)
    return claims


def mutate(text: str) -> str:
    """Change a figure's wording so that it states another value."""
    digits = re.search(r"\d+", text)
    if digits:
        run = digits.group()
        last = int(run[-1])
        changed = run[:-1] + str(last + 1 if last < 9 else last - 1)
        return text[: digits.start()] + changed + text[digits.end() :]
    for word, other in _WORDS.items():
        found = re.search(rf"\b{word}\b", text, flags=re.IGNORECASE)
        if found:
            return text[: found.start()] + other + text[found.end() :]
    changed = text.translate(_CHINESE)
    assert changed != text, f"no way to change the figure {text!r}"
    return changed


def _mutation_target(root: Path, claim: Claim) -> tuple[Path, int, int]:
    """Where, in the copied sources, the figure of the claim's first quote stands."""
    from pytest_briefcheck.checks import read_quote
    from pytest_briefcheck.corpus import Settings, load_corpus

    corpus = load_corpus(Settings(root, root / "claims", root / "sources"))
    reading = read_quote(corpus, claim.file, claim.quotes[0], claim.kind)
    assert reading.value is not None, f"{claim.id}: {reading.why}"
    spec = corpus.spec(claim.quotes[0].source, claim.file)
    source = corpus.source(spec)
    start, end = reading.value.span
    return root / "sources" / spec.path, source.offset + start, source.offset + end


CLAIMS_TO_BREAK = [c for c in _bundled_claims() if c.xfail is None and c.skip is None]


def test_bundled_corpus_passes_with_at_least_40_claims(bundled, pytester) -> None:
    result = pytester.runpytest("--briefcheck", "-p", "no:randomly")
    assert result.ret == 0, result.stdout.str()
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) + outcomes.get("xfailed", 0) >= 40
    assert "failed" not in outcomes and "error" not in outcomes


@pytest.mark.parametrize("claim", CLAIMS_TO_BREAK, ids=lambda c: c.id)
def test_claim_fails_when_its_figure_is_edited(bundled, pytester, claim: Claim) -> None:
    path, start, end = _mutation_target(bundled, claim)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:start] + mutate(text[start:end]) + text[end:], encoding="utf-8")
    result = pytester.runpytest("--briefcheck", f"{claim.file}::{claim.id}")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"{claim.file}:{claim.at.line}: *{claim.id}*"])


def _outcomes(junit: Path) -> dict[str, str]:
    outcomes = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        state = "passed"
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                state = child.tag
        outcomes[f"{case.get('classname')}::{case.get('name')}"] = state
    return outcomes


def test_xdist_gives_the_same_outcomes(bundled, pytester) -> None:
    from conftest import SUMMARY, edit_source

    edit_source(bundled, SUMMARY, "5.2 billion tons", "5.3 billion tons")
    serial = pytester.runpytest_subprocess("--briefcheck", "--junitxml=serial.xml")
    parallel = pytester.runpytest_subprocess("--briefcheck", "-n", "2", "--junitxml=parallel.xml")
    assert serial.ret == parallel.ret == pytest.ExitCode.TESTS_FAILED
    assert _outcomes(bundled / "serial.xml") == _outcomes(bundled / "parallel.xml")
    assert "failure" in _outcomes(bundled / "serial.xml").values()
