"""Throughput of the figure engine on a large mixed English/Chinese text.

Builds about 5 MB from the seed documents (the English pages and the summary with
its Chinese headline, plus every Chinese line repeated twenty times, so that Chinese
figures are a good share of all), then times, best of ``--rounds`` and in this run:

* a baseline pass, ``re.findall(r"\\d+", text)``, over the same text;
* ``date_spans(text)``, the date engine pass that ``parse_figures`` runs once;
* ``parse_figures(text)``, everything included.

Times are CPU time of this process (``time.process_time``), which stays meaningful
on a busy machine; wall time is printed too. Finally checks, in a fresh interpreter,
that importing ``pytest_briefcheck.figures`` (and reading figures) imports neither
pint nor dateparser.

    python benchmarks/bench_figures.py [--megabytes 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SEED_DIRS = (REPO.parent / "shared" / "seeds", REPO / "sources")
TARGET_MB = 1.0  # the required throughput of parse_figures, MB/s on one core


def seed_text() -> str:
    for folder in SEED_DIRS:
        files = sorted(folder.rglob("*.txt"))
        if files:
            return "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    raise SystemExit(f"no seed documents in {', '.join(map(str, SEED_DIRS))}")


def corpus(megabytes: float) -> str:
    text = seed_text()
    chinese = [line for line in text.splitlines() if re.search(r"[\u4e00-\u9fff]{8}", line)]
    block = text + "\n" + "\n".join(chinese * 20) + "\n"
    copies = max(1, int(megabytes * 1_000_000 / len(block.encode("utf-8"))))
    return block * copies


def best(function: Callable[[], Any], rounds: int) -> tuple[float, float, Any]:
    """Best CPU time, best wall time and the last result of ``rounds`` calls."""
    cpu, wall, result = float("inf"), float("inf"), None
    for _ in range(rounds):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        result = function()
        cpu = min(cpu, time.process_time() - started_cpu)
        wall = min(wall, time.perf_counter() - started_wall)
    return cpu, wall, result


def imports_check() -> tuple[bool, bool]:
    code = (
        "import sys, pytest_briefcheck.figures as f; "
        "f.parse_figures('5.2 billion metric tons on Aug. 25, 2025; 海关年均监管52亿吨'); "
        "print('pint' in sys.modules, 'dateparser' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    pint, dateparser = out.stdout.split()
    return pint == "True", dateparser == "True"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    from pytest_briefcheck.dates import date_spans, forget_documents
    from pytest_briefcheck.figures import parse_figures

    def cold(read: Callable[[str], Any]) -> Callable[[], Any]:
        # a document's date scan is kept for its other readers: measure it every time
        return lambda: (forget_documents(), read(text))[1]

    text = corpus(args.megabytes)
    size = len(text.encode("utf-8")) / 1e6
    chinese = len(re.findall(r"[\u4e00-\u9fff]", text)) / len(text)
    print(f"text: {size:.2f} MB, {len(text):,} characters, {chinese:.1%} Chinese characters")

    base_cpu, base_wall, numbers = best(lambda: re.findall(r"\d+", text), args.rounds)
    date_cpu, date_wall, spans = best(cold(date_spans), args.rounds)
    cpu, wall, figures = best(cold(parse_figures), args.rounds)

    rows = [
        ("baseline re.findall(r'\\d+')", base_cpu, base_wall, f"{len(numbers):,} numbers"),
        ("date_spans (inside parse_figures)", date_cpu, date_wall, f"{len(spans):,} spans"),
        ("parse_figures", cpu, wall, f"{len(figures):,} figures"),
        ("parse_figures without date_spans", cpu - date_cpu, wall - date_wall, ""),
    ]
    print(f"{'pass':36} {'CPU s':>8} {'MB/s':>8} {'wall s':>8} {'MB/s':>8}  found")
    for name, seconds, wall_seconds, found in rows:
        rate = size / seconds if seconds > 0 else float("inf")
        wall_rate = size / wall_seconds if wall_seconds > 0 else float("inf")
        print(f"{name:36} {seconds:8.3f} {rate:8.2f} {wall_seconds:8.3f} {wall_rate:8.2f}  {found}")
    rate = size / cpu
    print(f"parse_figures: {rate:.2f} MB/s (CPU), {cpu / base_cpu:.0f}x the baseline pass")
    print(f"target {TARGET_MB:.0f} MB/s: {'met' if rate >= TARGET_MB else 'NOT met'}")

    pint, dateparser = imports_check()
    print(f"import pytest_briefcheck.figures imports pint: {pint}, dateparser: {dateparser}")
    return 0 if not pint and not dateparser else 1


if __name__ == "__main__":
    raise SystemExit(main())
