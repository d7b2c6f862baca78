"""The hooks that run only when briefcheck is on: collection, records, summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .claims import REGISTRY_NAME
from .corpus import Corpus, Settings, load_corpus
from .items import OUTCOME_KEY, ClaimFileCollector, RegistryCollector
from .plugin import setting
from .report import status_of, summary_lines

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
        self.records: list[dict[str, Any]] = []
        if not self.settings.claims_dir.is_dir():
            raise pytest.UsageError(
                f"briefcheck: no claims directory at {self.settings.claims_dir}; "
                "create it, or point --briefcheck-claims (ini: briefcheck_claims) at yours"
            )
        if config.args_source != pytest.Config.ArgsSource.ARGS:
            # Bare `pytest --briefcheck` checks the claims tree, whatever testpaths says.
            config.args = [str(self.settings.claims_dir)]

    @property
    def corpus(self) -> Corpus:
        if self._corpus is None:
            self._corpus = load_corpus(self.settings)
        return self._corpus

    def _is_claim_file(self, path: Path) -> bool:
        return path.suffix in (".yaml", ".yml") and self.settings.claims_dir in path.parents

    @pytest.hookimpl
    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> pytest.File | None:
        if not self._is_claim_file(file_path.resolve()):
            return None
        if file_path.resolve() == self.settings.claims_dir / REGISTRY_NAME:
            collector: pytest.File = RegistryCollector.from_parent(parent, path=file_path)
        else:
            collector = ClaimFileCollector.from_parent(parent, path=file_path)
        collector.corpus = self.corpus  # type: ignore[attr-defined]
        return collector

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        report = yield
        outcome = item.stash.get(OUTCOME_KEY, None)
        if report.when == "call" and outcome is not None:
            report.user_properties.append((RECORD_KEY, outcome.as_record()))
        elif report.skipped and report.when == "setup":
            report.user_properties.append(
                (RECORD_KEY, {"kind": "skipped", "name": item.name, "file": _file_of(item)})
            )
        return report

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for key, record in report.user_properties:
            if key != RECORD_KEY:
                continue
            entry = dict(record)
            entry["nodeid"] = report.nodeid
            entry["outcome"] = status_of(
                record,
                xfailed=hasattr(report, "wasxfail"),
                skipped=report.skipped and report.when == "setup",
            )
            self.records.append(entry)

    @pytest.hookimpl
    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        lines = summary_lines((r["nodeid"].split("::")[0], r["outcome"]) for r in self.records)
        if not lines:
            return
        terminalreporter.section("briefcheck")
        for line in lines:
            terminalreporter.write_line(line)


def _file_of(item: pytest.Item) -> str:
    return item.nodeid.split("::")[0]
