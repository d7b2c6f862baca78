"""--briefcheck-update-quotes: reworded passages followed, only the quote scalar rewritten."""

from __future__ import annotations

import textwrap

import pytest
from conftest import OPENING, QA_TRADE, edit_source

# PyYAML loaded once, before any in-process pytester run: a run removes the modules it
# imported, and a re-imported yaml no longer matches the node classes of its C loader.
import pytest_briefcheck.claims  # noqa: F401

TONNAGE = """\
version: 1
# the opening's tonnage; kept as the desk wrote it
claims:
  - id: annual_tonnage
    expect: 5.2 billion t   # per year
    basis: per_year
    quotes:
      - source: opening
        text: 'customs have annually supervised 5.2 billion metric tons'
      - source: summary_en
        text: "managed an average of 5.2 billion tons of import and export goods annually"
"""
USERS = """\
version: 1
claims:
  - id: single_window_users
    expect: 11 million
    quotes:
      - source: qa_trade
        text: "The platform now has 11 million registered users"
"""


def _failed(result: pytest.RunResult) -> int:
    return result.parseoutcomes().get("failed", 0)


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_a_reworded_passage_rewrites_only_the_quote(briefing, pytester: pytest.Pytester) -> None:
    root = briefing(tonnage=TONNAGE)
    claim_file = root / "claims" / "tonnage.yaml"
    edit_source(root, OPENING, "customs have annually supervised", "customs have annually overseen")
    result = pytester.runpytest("--briefcheck", "--briefcheck-update-quotes")
    assert _failed(result) == 1
    result.stdout.fnmatch_lines(
        [
            "claims/tonnage.yaml:4: claim 'annual_tonnage': quote updated at "
            "claims/tonnage.yaml:9; review the change",
            "  quote updated at claims/tonnage.yaml:9:15",
            "    was: 'customs have annually supervised 5.2 billion metric tons'",
            '    now: "customs have annually overseen 5.2 billion metric tons"  '
            f"(sources/{OPENING}:40:*, *% alike)",
        ]
    )
    assert _changed_lines(TONNAGE, claim_file.read_text(encoding="utf-8")) == [
        (
            "        text: 'customs have annually supervised 5.2 billion metric tons'",
            '        text: "customs have annually overseen 5.2 billion metric tons"',
        )
    ]
    again = pytester.runpytest("--briefcheck", "--briefcheck-update-quotes")
    assert again.ret == 0


def test_without_the_option_nothing_is_written(briefing, pytester: pytest.Pytester) -> None:
    root = briefing(tonnage=TONNAGE)
    edit_source(root, OPENING, "customs have annually supervised", "customs have annually overseen")
    result = pytester.runpytest("--briefcheck")
    assert _failed(result) == 1
    assert (root / "claims" / "tonnage.yaml").read_text(encoding="utf-8") == TONNAGE


def test_a_changed_figure_is_never_followed(briefing, pytester: pytest.Pytester) -> None:
    root = briefing(tonnage=TONNAGE)
    edit_source(
        root,
        OPENING,
        "customs have annually supervised 5.2 billion",
        "customs have annually overseen 5.3 billion",
    )
    result = pytester.runpytest("--briefcheck", "--briefcheck-update-quotes")
    assert _failed(result) == 1
    assert "quote updated" not in result.stdout.str()
    assert (root / "claims" / "tonnage.yaml").read_text(encoding="utf-8") == TONNAGE


WRITE_LOG = """\
import pytest_briefcheck.atomic as atomic

_real = atomic.write_atomic


def pytest_configure(config):
    role = "worker" if hasattr(config, "workerinput") else "controller"

    def logged(path, data):
        with open("writes.log", "a", encoding="utf-8") as log:
            log.write(f"{role} {path}\\n")
        _real(path, data)

    atomic.write_atomic = logged
"""


def test_under_xdist_only_the_controller_writes(briefing, pytester: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    root = briefing(tonnage=TONNAGE, users=USERS)
    pytester.makeconftest(WRITE_LOG)
    edit_source(root, OPENING, "customs have annually supervised", "customs have annually overseen")
    edit_source(root, QA_TRADE, "The platform now has", "The platform now counts")
    result = pytester.runpytest("--briefcheck", "--briefcheck-update-quotes", "-n", "2")
    assert _failed(result) == 2
    log = (root / "writes.log").read_text(encoding="utf-8").splitlines()
    assert sorted(log) == sorted(
        [
            f"controller {root / 'claims' / 'tonnage.yaml'}",
            f"controller {root / 'claims' / 'users.yaml'}",
        ]
    )
    users = (root / "claims" / "users.yaml").read_text(encoding="utf-8")
    assert 'text: "The platform now counts 11 million registered users"' in users
    result.stdout.fnmatch_lines_random(
        [
            "*quote updated at claims/tonnage.yaml:9: *review the change",
            "*quote updated at claims/users.yaml:7: *review the change",
        ]
    )
    assert pytester.runpytest("--briefcheck", "-n", "2").ret == 0


def test_a_block_scalar_becomes_one_quoted_line(briefing, pytester: pytest.Pytester) -> None:
    block = textwrap.dedent(
        """\
        version: 1
        claims:
          - id: single_window_users
            expect: 11 million
            quotes:
              - source: qa_trade
                text: >-
                  The platform now has
                  11 million registered users
            note: kept
        """
    )
    root = briefing(users=block)
    edit_source(root, QA_TRADE, "The platform now has", "The platform now counts")
    assert _failed(pytester.runpytest("--briefcheck", "--briefcheck-update-quotes")) == 1
    after = (root / "claims" / "users.yaml").read_text(encoding="utf-8")
    assert after == block.replace(
        ">-\n          The platform now has\n          11 million registered users",
        '"The platform now counts 11 million registered users"',
    )
