"""``briefcheck scan``: every figure and date of a document, as text or as JSON lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BRIEFING = (
    "Regular Press Conference of the Ministry of Commerce (October 16, 2025)\n"
    "Updated: November 3, 2025\n"
    "\n"
    "Today, total retail sales reached 36.59 trillion\n"
    "yuan, up 4.5 percent.\n"
)


def _scan(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.run(sys.executable, "-m", "pytest_briefcheck.cli", "scan", *args)


@pytest.fixture
def briefing(pytester: pytest.Pytester) -> Path:
    path = pytester.path / "briefing.txt"
    path.write_text(BRIEFING, encoding="utf-8")
    return path


def test_each_figure_and_date_is_printed_where_it_stands(
    briefing: Path, pytester: pytest.Pytester
) -> None:
    result = _scan(pytester, briefing.name)
    assert result.ret == 0, result.stderr.str()
    assert result.stdout.lines == [
        "briefing.txt:1:55\tdate\tOctober 16, 2025\t2025-10-16\tday",
        "briefing.txt:2:10\tdate\tNovember 3, 2025\t2025-11-03\tday",
        # "Today" is the day of the briefing its title names, not the day the page was updated
        "briefing.txt:4:1\tdate\tToday\t2025-10-16\tday",
        # a figure across a line break is printed on one line
        "briefing.txt:4:35\tfigure\t36.59 trillion yuan\t3.659e13 CNY (total)\tCNY\t=\ttotal",
        "briefing.txt:5:10\tfigure\t4.5 percent\t4.5 percent (up)\tpercent\t=\t",
    ]


def test_json_gives_one_object_per_reading(briefing: Path, pytester: pytest.Pytester) -> None:
    result = _scan(pytester, "--json", briefing.name)
    assert result.ret == 0, result.stderr.str()
    rows = [json.loads(line) for line in result.stdout.lines]
    assert [(row["kind"], row["line"], row["col"]) for row in rows] == [
        ("date", 1, 55),
        ("date", 2, 10),
        ("date", 4, 1),
        ("figure", 4, 35),
        ("figure", 5, 10),
    ]
    assert all(row["file"] == "briefing.txt" for row in rows)
    today = rows[2]
    assert (today["start"], today["relative"]) == ("2025-10-16", True)
    sales = rows[3]
    assert (sales["value"], sales["unit"], sales["basis"]) == (3.659e13, "CNY", "total")
    assert (sales["figure_kind"], rows[4]["figure_kind"]) == ("number", "percent")


def test_a_missing_file_is_a_clear_error(pytester: pytest.Pytester) -> None:
    result = _scan(pytester, "nothere.txt")
    assert result.ret == 2
    assert result.stdout.lines == []
    assert result.stderr.lines == [
        "briefcheck: nothere.txt: cannot read the file: No such file or directory"
    ]


def test_a_reader_that_stops_early_ends_the_scan_without_a_traceback(tmp_path: Path) -> None:
    document = tmp_path / "long.txt"
    document.write_text("Trade grew 5.2 percent to 3.5 trillion yuan in 2024.\n" * 20_000)
    # `briefcheck scan long.txt | head -1`: far more output than a pipe holds
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest_briefcheck.cli", "scan", str(document)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    process.wait(timeout=120)
    assert first.decode().startswith(f"{document}:1:12\tfigure\t5.2 percent")
    assert errors.decode() == ""
    assert process.returncode == 141
