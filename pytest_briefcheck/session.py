"""The hooks that run only when briefcheck is on: collection, records, summary, reports."""

from __future__ import annotations

import atexit
import functools
import gc
import os
from pathlib import Path
from typing import Any

import pytest

from .claims import REGISTRY_NAME, SourceSpec
from .corpus import Corpus, Settings, load_corpus
from .items import (
    OUTCOME_KEY,
    UPDATES_KEY,
    ClaimFileCollector,
    ClaimItem,
    LoadErrorItem,
    RegistryCollector,
    RelationItem,
    SourceCheckItem,
    SourceDatesItem,
    SourceDocument,
    source_checks,
)
from .plugin import setting
from .report import dump_json, github_annotations, json_document, status_of, summary_lines
from .sources import real_path
from .store import ReadingStore
from .update_quotes import RECORD_KEY as UPDATE_RECORD_KEY
from .update_quotes import QuoteUpdate, apply_updates

RECORD_KEY = "briefcheck"


def _float_setting(config: pytest.Config, name: str) -> float:
    raw = setting(config, name)
    try:
        value = float(str(raw))
    except ValueError:
        raise pytest.UsageError(
            f"--briefcheck-{name} / briefcheck_{name.replace('-', '_')}: "
            f"'{raw}' is not a number (write e.g. 0.05 for 5%)"
        ) from None
    if not 0 <= value < 1:
        raise pytest.UsageError(f"--briefcheck-{name}: {value} must be between 0 and 1")
    return value


def settings_from(config: pytest.Config) -> Settings:
    root = Path(config.rootpath)
    return Settings(
        rootdir=root,
        claims_dir=(root / str(setting(config, "claims"))).resolve(),
        sources_dir=(root / str(setting(config, "sources"))).resolve(),
        about_tolerance=_float_setting(config, "about-tolerance"),
        near_tolerance=_float_setting(config, "near-tolerance"),
        coverage_all=bool(setting(config, "coverage")),
    )


class BriefcheckSession:
    """Registered as a plugin for the run when ``--briefcheck`` is on."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.settings = settings_from(config)
        self._corpus: Corpus | None = None
        self._frozen = False
        self.records: list[dict[str, Any]] = []
        self.complete_records = (
            self._report_path("json") is not None
            or self._report_path("html") is not None
            or os.environ.get("GITHUB_ACTIONS") == "true"
        )
        self.updates: list[QuoteUpdate] = []
        self.update_lines: list[str] = []
        self.report_lines: list[str] = []
        self._source_checks: dict[Path, tuple[SourceSpec, ...]] | None = None
        if not self.settings.claims_dir.is_dir():
            raise pytest.UsageError(
                f"briefcheck: no claims directory at {self.settings.claims_dir}; "
                "create it, or point --briefcheck-claims (ini: briefcheck_claims) at yours"
            )
        if config.args_source != pytest.Config.ArgsSource.ARGS:
            # Bare `pytest --briefcheck` checks the claims tree and the documents (their
            # coverage and translation pairs), whatever testpaths says.
            config.args = [str(self.settings.claims_dir)]
            if self.settings.sources_dir.is_dir():
                config.args.append(str(self.settings.sources_dir))

    @property
    def corpus(self) -> Corpus:
        if self._corpus is None:
            self._corpus = load_corpus(self.settings, store=self._reading_store())
        return self._corpus

    def _reading_store(self) -> ReadingStore | None:
        """Where documents' readings are kept between runs: pytest's cache, unless turned off."""
        cache = getattr(self.config, "cache", None)  # None with -p no:cacheprovider
        if cache is None or setting(self.config, "no-cache"):
            return None
        try:
            return ReadingStore(cache.mkdir("briefcheck"))
        except OSError as exc:
            self.report_lines.append(f"readings not kept between runs: {exc}")
            return None

    def _is_claim_file(self, path: Path) -> bool:
        return path.suffix in (".yaml", ".yml") and self.settings.claims_dir in path.parents

    def _checked_specs(self, path: Path) -> tuple[SourceSpec, ...]:
        """The declared parts of a source file that have something to check."""
        if self.settings.sources_dir not in path.parents:
            return ()
        if self._source_checks is None:
            self._source_checks = source_checks(self.corpus)
        return self._source_checks.get(path, ())

    @pytest.hookimpl
    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> pytest.File | None:
        real = real_path(file_path)
        specs = self._checked_specs(real)
        if specs:
            document = SourceDocument.from_parent(parent, path=file_path)
            document.corpus = self.corpus
            document.specs = specs
            return document
        if not self._is_claim_file(real):
            return None
        if real == self.settings.claims_dir / REGISTRY_NAME:
            collector: pytest.File = RegistryCollector.from_parent(parent, path=file_path)
        else:
            collector = ClaimFileCollector.from_parent(parent, path=file_path)
        collector.corpus = self.corpus  # type: ignore[attr-defined]
        return collector

    @pytest.hookimpl(wrapper=True)
    def pytest_collection(self, session: pytest.Session) -> Any:
        # Collection makes what lives for the whole run (the corpus, the items): no
        # garbage collection while the heap only grows, each would walk all of it;
        # one at the end, in pytest_collection_finish.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return (yield)
        finally:
            if enabled:
                gc.enable()

    @pytest.hookimpl(trylast=True)
    def pytest_collection_finish(self, session: pytest.Session) -> None:
        # The corpus and the items live until the end of the run: take them out of the
        # garbage collector's generations, which every full collection would walk again
        # (a fifth of a large run's time). Frozen objects are still freed when their last
        # reference goes, and cycles among them once thaw() unfreezes, after pytest's
        # last collections. No collection first: collecting makes a few dozen cycles
        # at most (14 in a run of 10,000 claims), and walking the heap for them took 0.2 s.
        gc.freeze()
        self._frozen = True

    @pytest.hookimpl
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        if self._corpus is not None:
            self._corpus.release()

    def thaw(self) -> None:
        if self._frozen:
            self._frozen = False
            gc.unfreeze()
        _freeze_at_exit()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        report = yield
        outcome = item.stash.get(OUTCOME_KEY, None)
        if report.when == "call" and outcome is not None:
            # a passed check's quotes travel (to the xdist controller) only for a report
            complete = self.complete_records or not outcome.passed
            report.user_properties.append((RECORD_KEY, outcome.as_record(complete=complete)))
            for update in item.stash.get(UPDATES_KEY, ()):
                # an xdist worker never writes: the controller applies what it reports
                report.user_properties.append((UPDATE_RECORD_KEY, update.as_record()))
        elif report.skipped and report.when == "setup":
            report.user_properties.append((RECORD_KEY, _item_record(item, "")))
        elif report.when == "call" and report.failed and isinstance(item, _ITEM_KINDS):
            # the check itself raised: still one record per item, as an error
            raised = call.excinfo.exconly() if call.excinfo else "the check raised"
            headline = " ".join(raised.split())
            report.user_properties.append((RECORD_KEY, _item_record(item, "error", headline)))
        return report

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for key, record in report.user_properties:
            if key == UPDATE_RECORD_KEY and not hasattr(self.config, "workerinput"):
                self.updates.append(QuoteUpdate.from_record(record))
            if key != RECORD_KEY:
                continue
            entry = dict(record)
            entry["nodeid"] = report.nodeid
            entry["outcome"] = status_of(
                record,
                xfailed=hasattr(report, "wasxfail"),
                skipped=report.skipped and report.when == "setup",
            )
            entry["pytest_outcome"], entry["reason"] = _pytest_outcome(report)
            self.records.append(entry)
            # What a check leaves (its report, each document's readings; in the xdist
            # controller, the reports) lives until the end of the run too: frozen as it
            # comes (gc.freeze is a list splice), the garbage collector's full
            # collections no longer walk all of it again and again as it grows (a
            # tenth of a large run's time).
            gc.freeze()

    @pytest.hookimpl
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        store = self._corpus.store if self._corpus is not None else None
        if store is not None:
            problem = store.save()  # each xdist worker keeps what it read
            if problem is not None:
                self.report_lines.append(problem)
            elif self.config.get_verbosity() > 0 and store.kept + store.read:
                self.report_lines.append(
                    f"readings kept between runs: {store.kept:,} taken from the last run, "
                    f"{store.read:,} made afresh ({store.directory})"
                )
        if not hasattr(self.config, "workerinput"):  # the controller writes, from what
            self._apply_updates()  # every worker reported
            self._write_reports()
        # What the run made (reports, outcomes, each document's values) also lives until
        # exit: after one collection now, the terminal summary and pytest's final
        # collections walk only what they make themselves.
        gc.collect()
        gc.freeze()
        self._frozen = True

    def _apply_updates(self) -> None:
        if self.updates:
            applied, problems = apply_updates(self.settings.rootdir, self.updates)
            self.update_lines = [
                f"quote updated at {u.claim_file}:{u.line}: {u.new}  (was {u.old}); "
                "review the change"
                for u in applied
            ] + problems

    def _report_path(self, name: str) -> Path | None:
        """``--briefcheck-<name>`` relative to the invocation directory, the ini value
        relative to the rootdir; None when not asked for."""
        key = f"briefcheck_{name}"
        given = self.config.getoption(key)
        raw = str(self.config.getini(key) if given is None else given)
        if not raw:
            return None
        base = self.config.invocation_params.dir if given is not None else self.config.rootpath
        return Path(base) / Path(raw).expanduser()

    def _write_reports(self) -> None:
        from .atomic import write_atomic

        paths = {"JSON": self._report_path("json"), "HTML": self._report_path("html")}
        if not any(paths.values()):
            return
        document = json_document(self.records)
        for label, path in paths.items():
            if path is None:
                continue
            if label == "JSON":
                data = dump_json(document)
            else:
                from .htmlreport import build_html

                data = build_html(document, self.corpus)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, data)
            except OSError as exc:
                self.report_lines.append(f"{label} report not written to {path}: {exc}")
                continue
            self.report_lines.append(f"{label} report written to {path}")

    @pytest.hookimpl
    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if hasattr(self.config, "workerinput"):
            return
        lines = summary_lines(
            (r["nodeid"].split("::")[0], r["kind"], r["outcome"]) for r in self.records
        )
        extra = [*self.update_lines, *self.report_lines]
        if lines or extra:
            terminalreporter.section("briefcheck")
            for line in [*lines, *extra]:
                terminalreporter.write_line(line)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            # workflow commands: GitHub shows each on the file and line it names
            for line in github_annotations(json_document(self.records)["items"]):
                terminalreporter.write_line(line)


def _file_of(item: pytest.Item) -> str:
    return item.nodeid.split("::")[0]


_ITEM_KINDS = (ClaimItem, RelationItem, SourceDatesItem, SourceCheckItem, LoadErrorItem)


def _kind_of(item: pytest.Item) -> str:
    if isinstance(item, SourceCheckItem):
        return item.kind
    if isinstance(item, ClaimItem):
        return "claim"
    if isinstance(item, RelationItem):
        return "relation"
    if isinstance(item, SourceDatesItem):
        return "dates"
    return "file"


def _item_record(item: pytest.Item, status: str, headline: str = "") -> dict[str, Any]:
    """The record of an item whose check gave no outcome (skipped, or it raised)."""
    record: dict[str, Any] = {
        "kind": _kind_of(item),
        "name": item.name,
        "file": _file_of(item),
        "line": getattr(item, "location_line", None),
        "headline": headline,
    }
    if status:
        record["status"] = status
    return record


def _pytest_outcome(report: pytest.TestReport) -> tuple[str, str | None]:
    """What pytest made of an item (passed, failed, skipped, xfailed, xpassed) and why."""
    reason = getattr(report, "wasxfail", None)
    if reason is not None:
        return ("xfailed" if report.skipped else "xpassed"), reason or None
    if report.skipped and isinstance(report.longrepr, tuple):
        return "skipped", str(report.longrepr[2]).removeprefix("Skipped: ")
    if report.failed and str(report.longrepr).startswith("[XPASS(strict)]"):
        return "failed", str(report.longrepr).removeprefix("[XPASS(strict)]").strip() or None
    return report.outcome, None


@functools.cache  # once per process, however many runs it holds
def _freeze_at_exit() -> None:
    """Spare the interpreter's last garbage collections the heap a run leaves behind.

    At exit CPython collects the whole heap once more (3 s after a 10,000-claim run,
    1.6 s after as many trivial tests). Frozen first, only objects in reference
    cycles stay unfreed, for the operating system to reclaim; every report has been
    written and closed by then, and later exit handlers (coverage's) still run.
    """
    atexit.register(gc.freeze)
