"""Benchmark ``pytest --briefcheck`` against pytest's own cost per test.

For each size, in the same run and each in a fresh subprocess (best of N):

* ``pytest --briefcheck`` on a generated corpus (benchmarks/generate.py) and pytest
  on as many trivial parametrized tests (a generated test file): wall time, the
  ratio between them, peak RSS (``os.wait4``'s rusage of the child);
* ``-n 2`` against ``-n 0`` (pytest-xdist), with the pass/fail of every node id
  compared through ``--junitxml``;
* the same with pytest's cache, where briefcheck keeps each file's readings: one first
  run (nothing kept), then runs that find everything kept, serial and under ``-n 2``,
  against the trivial tests with pytest's cache too; every node id's outcome must be
  the one without the cache.

Then, once: the start-up cost of the installed plugin with the flag off
(``pytest --version`` and ``--collect-only`` against ``-p no:briefcheck``), the
modules a flag-off run imports, how often each source is read and normalized in
a run, the time of one missing quote in a 1 MB document (``Source.closest``),
``normalize`` and ``parse_figures`` throughput.

Prints Markdown tables that can be pasted into the README.

    python benchmarks/run.py --sizes small,medium,large
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import SIZES, generate  # noqa: E402

PYTEST = (sys.executable, "-m", "pytest", "-p", "no:cacheprovider")
# pytest with its cache directory: briefcheck keeps each document's readings there. Each
# command has its own directory, so the trivial tests' cache never meets briefcheck's.
CACHED = (sys.executable, "-m", "pytest")
ENGINE_MODULES = ("pint", "dateparser", "rapidfuzz", "yaml")
MB = 1_000_000

# A plugin loaded with -p in one run: counts reads (decodes) per file, normalizations per source.
COUNTER_PLUGIN = """
import collections, functools, json, os
from pytest_briefcheck import sources

READS = collections.Counter()
NORMALIZED = collections.Counter()
_decode = sources.decode

def _counted_decode(raw, display, *args, **kwargs):
    READS[display] += 1
    return _decode(raw, display, *args, **kwargs)

sources.decode = _counted_decode
_normalized = sources.Source.normalized.func

def _counted_normalized(self):
    if ("normalized", self.offset, len(self.text)) not in self.file_memo:  # see Source.normalized
        NORMALIZED[f"{self.display}:{self.offset}"] += 1
    return _normalized(self)

_prop = functools.cached_property(_counted_normalized)
_prop.__set_name__(sources.Source, "normalized")
sources.Source.normalized = _prop

def pytest_sessionfinish(session):
    with open(os.environ["BRIEFCHECK_COUNT_OUT"], "a", encoding="utf-8") as out:
        out.write(json.dumps({"reads": READS, "normalized": NORMALIZED}) + "\\n")
"""

IMPORT_CHECK = """
import json, sys, pytest
ENGINE = @ENGINE@
rc = pytest.main(sys.argv[1:])
print("@@" + json.dumps({
    "rc": int(rc),
    "engine": [m for m in ENGINE if m in sys.modules],
    "briefcheck": sorted(m for m in sys.modules if m.startswith("pytest_briefcheck")),
}))
""".replace("@ENGINE@", repr(ENGINE_MODULES))


@dataclass
class Run:
    wall: float
    rss_mb: float
    returncode: int
    summary: str


@dataclass
class SizeResult:
    size: str
    stats: dict[str, object]
    items: int
    trivial: list[Run] = field(default_factory=list)
    briefcheck: list[Run] = field(default_factory=list)
    trivial_n2: list[Run] = field(default_factory=list)
    n0: list[Run] = field(default_factory=list)
    n2: list[Run] = field(default_factory=list)
    # with pytest's cache: the trivial tests, briefcheck's first run (nothing kept yet),
    # then runs that find every document's readings kept, serial and under -n 2
    trivial_cached: list[Run] = field(default_factory=list)
    first: list[Run] = field(default_factory=list)
    warm: list[Run] = field(default_factory=list)
    warm_n2: list[Run] = field(default_factory=list)
    warm_differing: list[str] = field(default_factory=list)
    identical: bool | None = None
    differing: list[str] = field(default_factory=list)

    @staticmethod
    def best(runs: Sequence[Run]) -> Run:
        return min(runs, key=lambda r: r.wall)


# The children's environment. Bytecode caching is on, as on a developer's machine, unless
# --env-as-is: with PYTHONDONTWRITEBYTECODE every run compiles pint, dateparser and the
# other plugins' modules from source again.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` in a fresh process; its wall time and its own peak RSS."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env or CHILD_ENV
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    lines = [line for line in text.splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else ""
    # ru_maxrss is in KiB on Linux
    return Run(wall, usage.ru_maxrss / 1024, proc.returncode, summary)


def count_items(corpus: Path) -> int:
    proc = subprocess.run(
        [*PYTEST, "--briefcheck", "--collect-only", "-q"],
        cwd=corpus,
        capture_output=True,
        text=True,
        check=False,
        env=CHILD_ENV,
    )
    return sum(1 for line in proc.stdout.splitlines() if "::" in line)


def write_baseline(corpus: Path, items: int) -> Path:
    folder = corpus / "baseline"
    folder.mkdir(exist_ok=True)
    path = folder / "test_trivial.py"
    path.write_text(
        '"""As many trivial tests as the corpus has briefcheck items."""\n\n'
        "import pytest\n\n\n"
        f"@pytest.mark.parametrize('i', range({items}))\n"
        "def test_trivial(i: int) -> None:\n"
        "    assert i >= 0\n",
        encoding="utf-8",
    )
    return path


def junit_outcomes(path: Path) -> dict[str, str]:
    outcomes: dict[str, str] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        key = f"{case.get('classname')}::{case.get('name')}"
        status = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                status = child.tag
            elif child.tag == "skipped":
                status = "xfailed" if child.get("type") == "pytest.xfail" else "skipped"
        outcomes[key] = status
    return outcomes


def has_xdist() -> bool:
    try:
        import xdist  # noqa: F401
    except ImportError:
        return False
    return True


def bench_size(
    size: str, out: Path, repeat: int, xdist: bool, log: Callable[[str], None]
) -> SizeResult:
    corpus = out / size
    stats = generate(size, corpus)
    items = count_items(corpus)
    write_baseline(corpus, items)
    result = SizeResult(size, stats, items)
    log(f"{size}: {stats['claims']} claims, {stats['documents']} documents, {items} items")
    trivial = [*PYTEST, "-q", "baseline/test_trivial.py"]
    briefcheck = [*PYTEST, "-q", "--briefcheck"]
    run([*PYTEST, "--collect-only", "-q", "baseline/test_trivial.py"], corpus)  # warm caches
    for i in range(repeat):  # interleaved, so drift hits both alike
        result.trivial.append(run(trivial, corpus))
        result.briefcheck.append(run(briefcheck, corpus))
        log(
            f"  round {i + 1}: trivial {result.trivial[-1].wall:.2f}s, "
            f"briefcheck {result.briefcheck[-1].wall:.2f}s ({result.briefcheck[-1].summary})"
        )
    trivial_cached = [*CACHED, "-o", "cache_dir=.cache-trivial", "-q", "baseline/test_trivial.py"]
    cached = [*CACHED, "-o", "cache_dir=.cache-briefcheck", "-q", "--briefcheck"]
    shutil.rmtree(corpus / ".cache-briefcheck", ignore_errors=True)
    result.first.append(run(cached, corpus))
    log(f"  first run with the cache: {result.first[-1].wall:.2f}s")
    for i in range(repeat):
        result.trivial_cached.append(run(trivial_cached, corpus))
        result.warm.append(run([*cached, "--junitxml=junit-warm.xml"], corpus))
        if xdist:
            result.warm_n2.append(run([*cached, "-n", "2", "--junitxml=junit-warm-n2.xml"], corpus))
        log(
            f"  round {i + 1}: trivial {result.trivial_cached[-1].wall:.2f}s, "
            f"briefcheck with readings kept {result.warm[-1].wall:.2f}s "
            f"({result.warm[-1].summary})"
            + (f", -n 2 {result.warm_n2[-1].wall:.2f}s" if xdist else "")
        )
    if xdist:
        for i in range(repeat):
            result.trivial_n2.append(run([*trivial, "-n", "2"], corpus))
            result.n0.append(run([*briefcheck, "-n", "0", "--junitxml=junit-n0.xml"], corpus))
            result.n2.append(run([*briefcheck, "-n", "2", "--junitxml=junit-n2.xml"], corpus))
            log(f"  round {i + 1}: -n 0 {result.n0[-1].wall:.2f}s, -n 2 {result.n2[-1].wall:.2f}s")
        zero = junit_outcomes(corpus / "junit-n0.xml")
        two = junit_outcomes(corpus / "junit-n2.xml")
        result.differing = sorted(k for k in zero.keys() | two.keys() if zero.get(k) != two.get(k))
        result.identical = not result.differing and len(zero) == items
        for name in ("junit-warm.xml", "junit-warm-n2.xml"):
            kept = junit_outcomes(corpus / name)
            result.warm_differing += sorted(
                k for k in zero.keys() | kept.keys() if zero.get(k) != kept.get(k)
            )
    return result


# -- once per benchmark -------------------------------------------------------------------


def startup(corpus: Path, rounds: int = 15) -> dict[str, tuple[float, float, float]]:
    """Median wall (ms) with the plugin on the path (flag off) and with -p no:briefcheck."""
    found: dict[str, tuple[float, float, float]] = {}
    for name, args in (
        ("--version", ["--version"]),
        ("--collect-only", ["--collect-only", "-q", "baseline/test_trivial.py"]),
    ):
        installed: list[float] = []
        disabled: list[float] = []
        for _ in range(rounds):
            installed.append(run([*PYTEST, *args], corpus).wall * 1000)
            disabled.append(run([*PYTEST, "-p", "no:briefcheck", *args], corpus).wall * 1000)
        noise = statistics.pstdev(disabled)
        found[name] = (statistics.median(installed), statistics.median(disabled), noise)
    return found


def imports_flag_off(corpus: Path) -> dict[str, object]:
    found: dict[str, object] = {}
    for label, extra in (("installed", []), ("-p no:briefcheck", ["-p", "no:briefcheck"])):
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                IMPORT_CHECK,
                "-q",
                "-p",
                "no:cacheprovider",
                *extra,
                "baseline/test_trivial.py",
            ],
            cwd=corpus,
            capture_output=True,
            text=True,
            check=False,
            env=CHILD_ENV,
        )
        line = next((x for x in proc.stdout.splitlines() if x.startswith("@@")), "@@{}")
        found[label] = json.loads(line[2:])
    return found


def reads_per_source(corpus: Path) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "_briefcheck_count.py").write_text(COUNTER_PLUGIN, encoding="utf-8")
        report = Path(tmp) / "count.jsonl"
        env = dict(CHILD_ENV)
        env["PYTHONPATH"] = tmp + os.pathsep + env.get("PYTHONPATH", "")
        env["BRIEFCHECK_COUNT_OUT"] = str(report)
        run([*PYTEST, "-q", "--briefcheck", "-p", "_briefcheck_count"], corpus, env)
        if not report.exists():
            return {}
        data = json.loads(report.read_text(encoding="utf-8").splitlines()[-1])
    return {
        "sources": len(data["normalized"]),
        "files": len(data["reads"]),
        "max_reads": max(data["reads"].values(), default=0),
        "max_normalized": max(data["normalized"].values(), default=0),
    }


def best_of(fn: Callable[[], object], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def micro(corpus: Path) -> dict[str, object]:
    """In-process timings on the corpus's first (1 MB) English transcript."""
    from pytest_briefcheck.claims import Location, SourceSpec
    from pytest_briefcheck.sources import read_source
    from pytest_briefcheck.text import normalize

    found: dict[str, object] = {}
    root = corpus / "sources"
    en_spec = SourceSpec("en", "gen/b0001/transcript.en.txt", Location("bench", 1), lang="en")
    zh_spec = SourceSpec("zh", "gen/b0001/transcript.zh.txt", Location("bench", 1), lang="zh")
    source = read_source(en_spec, root, "sources")
    zh_source = read_source(zh_spec, root, "sources")
    size = len(source.full_text.encode("utf-8"))
    zh_size = len(zh_source.full_text.encode("utf-8"))
    found["document_bytes"] = size
    found["normalize_en_mb_s"] = size / MB / best_of(lambda: normalize(source.text), 3)
    found["normalize_zh_mb_s"] = zh_size / MB / best_of(lambda: normalize(zh_source.text), 3)
    # A sentence of the document, reworded: the quote is missing, a passage comes close.
    paragraphs = [p for p in source.text.split("\n\n") if len(p) > 400]
    sentence = paragraphs[len(paragraphs) // 2].split(". ")[1]
    words = sentence.split()
    missing = " ".join([*words[:3], "notably", *words[3:12]])
    cold = read_source(en_spec, root, "sources")
    start = time.perf_counter()
    first = cold.closest(missing)
    found["closest_cold_ms"] = (time.perf_counter() - start) * 1000
    found["closest_ms"] = best_of(lambda: source.closest(missing)) * 1000
    found["closest_score"] = first.score if first is not None else None
    found["locate_ms"] = best_of(lambda: source.locate(sentence)) * 1000
    try:
        from pytest_briefcheck.figures import parse_figures

        parse_figures("5.2 billion tons")
    except (ImportError, NotImplementedError, AttributeError) as exc:
        found["parse_figures"] = f"not available ({type(exc).__name__})"
        return found
    from pytest_briefcheck.dates import forget_documents

    def cold(text: str, lang: str) -> list[object]:
        forget_documents()  # a document's date scan is kept for its other readers: not here
        return list(parse_figures(text, lang=lang))

    for label, text, nbytes in (("en", source.text, size), ("zh", zh_source.text, zh_size)):
        seconds = best_of(lambda t=text, lang=label: cold(t, lang), 2)
        found[f"parse_figures_{label}_mb_s"] = nbytes / MB / seconds
    return found


# -- the report ---------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pytest

    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"pytest {pytest.__version__}, {platform.system()} {platform.release()}"
    )


def failed_count(summary: str) -> int:
    found = re.search(r"(\d+) failed", summary)
    return int(found.group(1)) if found else 0


def kept_table(results: Sequence[SizeResult]) -> list[str]:
    """The runs with pytest's cache: readings kept from the run before."""
    rows = [
        "| size | trivial | first run (nothing kept) | readings kept | ratio | peak RSS "
        "| `-n 2` vs `-n 0` | every node id's outcome as without the cache |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        if not r.warm:
            continue
        t, first, warm = (SizeResult.best(runs) for runs in (r.trivial_cached, r.first, r.warm))
        speedup = "n/a"
        if r.warm_n2:
            n2 = SizeResult.best(r.warm_n2)
            speedup = f"{warm.wall / n2.wall:.2f}x ({warm.wall:.1f} s / {n2.wall:.1f} s)"
        same = "n/a" if r.identical is None else "yes"
        if r.warm_differing:
            same = f"NO ({len(r.warm_differing)})"
        rows.append(
            f"| {r.size} | {t.wall:.2f} s | {first.wall:.2f} s | {warm.wall:.2f} s | "
            f"**{warm.wall / t.wall:.2f}x** | {warm.rss_mb:.0f} MB | {speedup} | {same} |"
        )
    return rows


def markdown(results: Sequence[SizeResult], extra: dict[str, object]) -> str:
    rows = [
        "| size | claims / documents (MB) | items | trivial | briefcheck | ratio | "
        "peak RSS | `-n 2` vs `-n 0` | same outcomes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        t, b = SizeResult.best(r.trivial), SizeResult.best(r.briefcheck)
        if r.n0 and r.n2:
            n0, n2 = SizeResult.best(r.n0), SizeResult.best(r.n2)
            speedup = f"{n0.wall / n2.wall:.2f}x ({n0.wall:.1f} s / {n2.wall:.1f} s)"
        else:
            speedup = "n/a"
        same = {None: "n/a", True: "yes", False: f"NO ({len(r.differing)})"}[r.identical]
        rows.append(
            f"| {r.size} | {r.stats['claims']:,} / {r.stats['documents']:,} "
            f"({int(r.stats['bytes']) / MB:.1f}) | {r.items:,} | {t.wall:.2f} s | "
            f"{b.wall:.2f} s | **{b.wall / t.wall:.2f}x** | {b.rss_mb:.0f} MB "
            f"(trivial {t.rss_mb:.0f} MB) | {speedup} | {same} |"
        )
    lines = ["\n".join(rows), ""]
    outcomes = ", ".join(f"{r.size}: {SizeResult.best(r.briefcheck).summary}" for r in results)
    lines.append(f"Outcomes: {outcomes}.")
    injected = ", ".join(
        f"{r.size} {failed_count(SizeResult.best(r.briefcheck).summary)} failed of "
        f"{len(r.stats['failing'])} injected"  # type: ignore[arg-type]
        for r in results
    )
    lines.append(f"Failures against the generator's injected errors: {injected}.")
    per_item = ", ".join(
        f"{r.size} {1000 * SizeResult.best(r.briefcheck).wall / max(r.items, 1):.2f} ms "
        f"(trivial {1000 * SizeResult.best(r.trivial).wall / max(r.items, 1):.2f} ms)"
        for r in results
    )
    lines.append(f"Wall time per item: {per_item}.")
    if any(r.trivial_n2 for r in results):
        ref = ", ".join(
            f"{r.size} {SizeResult.best(r.trivial).wall / SizeResult.best(r.trivial_n2).wall:.2f}x"
            for r in results
            if r.trivial_n2
        )
        lines.append(f"For reference, `-n 2` on the trivial tests: {ref}.")
    lines += ["", *kept_table(results), ""]
    lines += ["| measurement | result | target |", "| --- | --- | --- |"]
    start = extra.get("startup", {})
    for name, (installed, disabled, noise) in start.items():  # type: ignore[union-attr]
        lines.append(
            f"| start-up, flag off: `pytest {name}` | {installed:.0f} ms vs {disabled:.0f} ms "
            f"with `-p no:briefcheck` ({installed - disabled:+.0f} ms, noise ±{noise:.0f} ms) "
            "| unchanged within noise |"
        )
    imports = extra.get("imports", {})
    if imports:
        installed = imports.get("installed", {})  # type: ignore[union-attr]
        disabled = imports.get("-p no:briefcheck", {})  # type: ignore[union-attr]
        ours = sorted(set(installed.get("engine", [])) - set(disabled.get("engine", [])))
        others = sorted(set(disabled.get("engine", [])))
        lines.append(
            "| flag off: pint, dateparser, rapidfuzz, yaml imported by briefcheck | "
            f"{', '.join(ours) or 'none'} (by other plugins: {', '.join(others) or 'none'}; "
            f"briefcheck modules loaded: {', '.join(installed.get('briefcheck', []))}) | none |"
        )
    reads = extra.get("reads", {})
    if reads:
        lines.append(
            f"| reads per file / normalizations per source, in one process "
            f"({extra.get('reads_size')}) | "
            f"at most {reads.get('max_reads')} / {reads.get('max_normalized')} "
            f"({reads.get('files')} files, {reads.get('sources')} sources) | 1 / 1 |"
        )
    m = extra.get("micro", {})
    if m:
        kb = int(m["document_bytes"]) / 1000  # type: ignore[index,call-overload]
        lines.append(
            f"| one missing quote in a {kb:.0f} KB document (`Source.closest`) | "
            f"{m['closest_ms']:.1f} ms ({m['closest_cold_ms']:.0f} ms with the first read's "
            f"normalization; closest passage {m['closest_score']}%) | < 50 ms |"
        )
        lines.append(
            f"| `normalize` | {m['normalize_en_mb_s']:.1f} MB/s English, "
            f"{m['normalize_zh_mb_s']:.1f} MB/s Chinese | |"
        )
        if "parse_figures_en_mb_s" in m:
            lines.append(
                f"| `parse_figures` | {m['parse_figures_en_mb_s']:.2f} MB/s English, "
                f"{m['parse_figures_zh_mb_s']:.2f} MB/s Chinese | >= 1 MB/s |"
            )
        else:
            lines.append(f"| `parse_figures` | {m.get('parse_figures')} | >= 1 MB/s |")
    lines.append("")
    caching = "off" if CHILD_ENV.get("PYTHONDONTWRITEBYTECODE") else "on"
    lines.append(f"Machine: {machine()}; bytecode caching {caching}.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--repeat", type=int, default=3, help="best of N (default 3)")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--no-xdist", action="store_true", help="skip the -n 2 comparison")
    parser.add_argument("--skip-once", action="store_true", help="skip start-up and micro")
    parser.add_argument(
        "--env-as-is",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE for the runs (by default bytecode caching is on)",
    )
    args = parser.parse_args(argv)
    if args.env_as_is:
        CHILD_ENV.update(os.environ)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s): {', '.join(unknown)}; known: {', '.join(SIZES)}")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    xdist = has_xdist() and not args.no_xdist
    results = [bench_size(size, args.out, args.repeat, xdist, log) for size in sizes]
    extra: dict[str, object] = {}
    if not args.skip_once:
        first = args.out / sizes[0]
        log("start-up, flag off ...")
        extra["startup"] = startup(first)
        extra["imports"] = imports_flag_off(first)
        log("reads per source ...")
        extra["reads_size"] = sizes[0]
        extra["reads"] = reads_per_source(first)
        log("micro-benchmarks ...")
        extra["micro"] = micro(first)
    report = markdown(results, extra)
    print(report)
    (args.out / "results.md").write_text(report + "\n", encoding="utf-8")
    raw = {
        "results": [
            {
                "size": r.size,
                "stats": r.stats,
                "items": r.items,
                **{
                    name: [run.__dict__ for run in getattr(r, name)]
                    for name in (
                        "trivial",
                        "briefcheck",
                        "trivial_n2",
                        "n0",
                        "n2",
                        "trivial_cached",
                        "first",
                        "warm",
                        "warm_n2",
                    )
                },
                "identical": r.identical,
                "differing": r.differing[:50],
                "warm_differing": r.warm_differing[:50],
            }
            for r in results
        ],
        **extra,
    }
    (args.out / "results.json").write_text(json.dumps(raw, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
