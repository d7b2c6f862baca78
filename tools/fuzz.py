"""Fuzz the engine and the claim loader for a bounded time; report every crash and hang.

Hypothesis generates the inputs (generation only, no example database is written):

* ``figures``   parse_figures / parse_figure on text up to ``--max-size`` characters;
* ``dates``     parse_date / find_dates / detect_document_dates on the same kinds of text;
* ``relations`` parse_relation on expression-like text;
* ``sources``   decode() on arbitrary bytes, with and without a declared encoding;
* ``claims``    load_claim_file on mutated copies of the bundled claim files and on
                YAML built from anchors, aliases, tags, duplicate keys and odd scalars.

Text comes from three pools: arbitrary Unicode, a "soup" of the tokens briefings are
made of (numerals in three scripts, scale words, units, qualifiers, month names,
punctuation) and slices of the seed documents with characters inserted, dropped and
repeated. A short pattern is often repeated up to the size limit, which is how
backtracking and quadratic scans show themselves.

An input is a crash when it raises anything but a BriefcheckError, and a hang when
one call takes longer than ``--timeout`` seconds. Each is printed with its target and
a shortened repr, and saved whole under ``--crashes`` (atomically). The exit status
is 1 when anything was found, else 0.

    python tools/fuzz.py --seconds 60
    python tools/fuzz.py --seconds 600 --targets figures,dates --max-size 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pytest_briefcheck import claims, dates, figures, numerals, relations, sources  # noqa: E402
from pytest_briefcheck.atomic import write_atomic  # noqa: E402
from pytest_briefcheck.errors import BriefcheckError  # noqa: E402

SEED_DIRS = (REPO.parent / "shared" / "seeds", REPO / "sources")
TARGETS = ("figures", "dates", "relations", "sources", "claims")


class Hang(Exception):
    """One call ran past --timeout."""


@dataclass
class Finding:
    target: str
    kind: str  # "crash" | "hang"
    error: str
    payload: bytes


@dataclass
class Tally:
    inputs: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TARGETS, 0))
    findings: list[Finding] = field(default_factory=list)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- the inputs --------------------------------------------------------------------------------


def seed_text() -> str:
    for folder in SEED_DIRS:
        files = sorted(folder.rglob("*.txt"))
        if files:
            return "\n".join(f.read_text(encoding="utf-8") for f in files)
    return "Customs supervised 5.2 billion tons annually. 海关年均监管进出口货物52亿吨。"


def vocabulary() -> list[str]:
    """The tokens the engine reacts to, taken from its own tables, plus punctuation."""
    words = [
        *numerals.ENGLISH_SMALL,
        *numerals.ENGLISH_TENS,
        *numerals.ENGLISH_PLACES,
        *numerals.ENGLISH_SCALES,
        *numerals.ENGLISH_DENOMINATORS,
        *numerals.ENGLISH_MULTIPLES,
        *numerals.CHINESE_DIGITS,
        *numerals.CHINESE_PLACES,
        *numerals.CHINESE_SCALES,
        "a", "an", "and", "of", "to", "from", "between", "per", "about", "nearly", "over",
        "more than", "up", "down", "year-on-year", "annually", "a total of", "on average",
        "percent", "%", "‰", "percentage points", "tons", "metric tons", "yuan", "US$", "$",
        "TEU", "times", "fold", "Jan.", "Aug.", "December", "2025", "2024", "Q1",
        "first half", "14th Five-Year Plan", "年", "月", "日", "号", "年均", "同比", "增长",
        "约", "近", "超过", "多", "余", "第", "万亿元", "亿吨", "分之", "个百分点", "倍",
        "翻番", "十八大", "一半", "0", "1", "5.2", "1,234", "41.5", "10%", "-", "–", "~",
        "(", ")", "（", "）", "，", "、", "。", ".", ",", ":", "/", " ", "  ", "\n", "\t",
        "\u00a0", "\u200b", "\u00ad", "０１２", "５．２", "٣", "₂", "e5", "E-3",
    ]  # fmt: skip
    return [str(word) for word in words]


def soup(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=40).map("".join)


def mutated_seed(seed: str) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        start = draw(st.integers(0, max(0, len(seed) - 1)))
        text = seed[start : start + draw(st.integers(0, 4000))]
        for _ in range(draw(st.integers(0, 6))):
            at = draw(st.integers(0, len(text)))
            action = draw(st.sampled_from(["insert", "drop", "repeat"]))
            if action == "insert":
                text = text[:at] + draw(st.text(max_size=4)) + text[at:]
            elif action == "drop":
                text = text[:at] + text[at + draw(st.integers(1, 8)) :]
            else:
                chunk = text[at : at + draw(st.integers(1, 12))]
                text = text[:at] + chunk * draw(st.integers(2, 50)) + text[at:]
        return text

    return build()


def texts(max_size: int) -> st.SearchStrategy[str]:
    base = st.one_of(st.text(max_size=200), soup(vocabulary()), mutated_seed(seed_text()))
    repeated = st.tuples(base, st.integers(1, max_size)).map(
        lambda pair: (pair[0] * min(pair[1], max_size // max(1, len(pair[0]))))[:max_size]
    )
    return st.one_of(base, repeated)


def expressions() -> st.SearchStrategy[str]:
    pieces = [
        "a", "b", "total", "_x", "1", "0", "1e999", "9" * 50, ".5", "+", "-", "*", "/",
        "**", "(", ")", "[", "]", ".", "__class__", "abs(", "lambda", "not", "and", "or",
        "==", "!=", "<", "<=", ">", ">=", "=", " ", "'x'", "#", ",", "≥", "吨",
    ]  # fmt: skip
    return st.one_of(soup(pieces), st.text(max_size=100))


def yaml_texts() -> st.SearchStrategy[str]:
    bundled = [p.read_text(encoding="utf-8") for p in sorted((REPO / "claims").rglob("*.yaml"))]
    lines = [line for text in bundled for line in text.splitlines()]
    odd = [
        "&a [1, 2]", "*a", "[*a, *a, *a, *a]", "!!python/object:os.system {}", "!!binary AA==",
        "? [a]\n: b", "version: 2", "version: 1", "claims:", "  - id: x", "    id: y",
        "expect: [1]", "quotes: text", "\t- x", "- ", "---", "...", "%YAML 1.1", "{", "}",
        "'", '"', "key: &k value", "key: *k", "<<: *k", "null", "~", "1e999", ": :", "\x00",
    ]  # fmt: skip
    grammar = st.lists(st.sampled_from(lines + odd), max_size=30).map("\n".join)
    return st.one_of(grammar, mutated_seed("\n".join(bundled)))


# -- the targets -------------------------------------------------------------------------------


def run_figures(text: str) -> None:
    figures.parse_figures(text)
    with suppress(BriefcheckError):
        figures.parse_figure(text)


def run_dates(text: str) -> None:
    dates.find_dates(text, base=dt.date(2025, 8, 25))
    dates.detect_document_dates(text)
    with suppress(BriefcheckError):
        dates.parse_date(text)


def run_relations(text: str) -> None:
    with suppress(BriefcheckError):
        relations.parse_relation("fuzz", text)


def run_sources(raw: bytes, declared: str | None) -> None:
    with suppress(BriefcheckError):
        sources.decode(raw, "fuzz.txt", declared)


def run_claims(text: str, folder: Path) -> None:
    path = folder / "fuzz.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with suppress(BriefcheckError):
        claims.load_claim_file(path, "claims/fuzz.yaml")


def utf8(text: str, *rest: object) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def as_is(raw: bytes, *rest: object) -> bytes:
    return raw


# -- the driver --------------------------------------------------------------------------------


def fuzz(
    target: str,
    strategies: tuple[st.SearchStrategy, ...],
    call: Callable[..., None],
    encode: Callable[..., bytes],
    tally: Tally,
    deadline: float,
    timeout: float,
    first_seed: int,
) -> None:
    """Feed ``call`` examples from ``strategies`` in rounds until ``deadline``."""
    rounds = random.Random(first_seed)

    def example(args: tuple[object, ...]) -> None:
        if time.monotonic() > deadline:
            return
        tally.inputs[target] += 1
        try:
            with time_limit(timeout):
                call(*args)
        except BriefcheckError:
            return
        except Hang as hang:
            tally.findings.append(Finding(target, "hang", str(hang), encode(*args)))
        except Exception as error:
            frame = traceback.extract_tb(error.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
            message = f"{type(error).__name__}: {error} ({where})"
            tally.findings.append(Finding(target, "crash", message, encode(*args)))

    config = settings(
        max_examples=200,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        derandomize=False,
    )
    while time.monotonic() < deadline:
        seed(rounds.getrandbits(64))(config(given(st.tuples(*strategies))(example)))()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="total budget (default 60)")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated")
    parser.add_argument("--max-size", type=int, default=100_000, help="characters per text")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per call")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    options = parser.parse_args(argv)
    chosen = [name.strip() for name in options.targets.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(TARGETS))
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")

    tally = Tally()
    text = texts(options.max_size)
    encodings = st.sampled_from([None, "utf-8", "utf-16", "gb18030", "gbk", "latin-1"])
    with tempfile.TemporaryDirectory(prefix="briefcheck-fuzz-") as scratch:
        plans = {
            "figures": ((text,), run_figures, utf8),
            "dates": ((text,), run_dates, utf8),
            "relations": ((expressions(),), run_relations, utf8),
            "sources": (
                (
                    st.one_of(
                        st.binary(max_size=4000), text.map(lambda t: t.encode("utf-8", "replace"))
                    ),
                    encodings,
                ),
                run_sources,
                as_is,
            ),
            "claims": (
                (yaml_texts(),),
                lambda value: run_claims(value, Path(scratch)),
                utf8,
            ),
        }
        share = options.seconds / len(chosen)
        for index, name in enumerate(chosen):
            strategies, call, encode = plans[name]
            started = time.monotonic()
            fuzz(
                name,
                strategies,
                call,
                encode,
                tally,
                started + share,
                options.timeout,
                options.seed + index,
            )
            print(
                f"{name:10} {tally.inputs[name]:7d} inputs in {time.monotonic() - started:5.1f} s",
                flush=True,
            )

    smallest: dict[tuple[str, str, str], Finding] = {}
    for finding in tally.findings:  # one report per distinct error, with its smallest input
        key = (finding.target, finding.kind, finding.error.splitlines()[0][:200])
        if key not in smallest or len(finding.payload) < len(smallest[key].payload):
            smallest[key] = finding
    for number, finding in enumerate(smallest.values(), 1):
        options.crashes.mkdir(parents=True, exist_ok=True)
        saved = options.crashes / f"{finding.target}-{finding.kind}-{number}.bin"
        write_atomic(saved, finding.payload)
        shown = finding.payload[:120].decode("utf-8", "replace")
        print(
            f"{finding.kind.upper()} in {finding.target}: {finding.error}\n"
            f"  smallest input {shown!r} ({len(finding.payload)} bytes) saved to {saved}"
        )
    total = sum(tally.inputs.values())
    print(f"{total} inputs, {len(tally.findings)} crash(es) or hang(s), {len(smallest)} distinct")
    return 1 if tally.findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
