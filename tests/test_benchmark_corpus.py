"""The benchmark's synthetic corpus fails exactly where its generator injected errors.

The generated briefings are worded like the seed documents, some hard-wrapped at
92 columns, in English and Chinese; any other failure is a false alarm of the engine.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

import pytest
from conftest import REPO


def _generator() -> ModuleType:
    path = REPO / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("briefcheck_bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def test_small_corpus_fails_only_where_errors_were_injected(pytester: pytest.Pytester) -> None:
    manifest = _generator().generate("small", pytester.path)
    assert manifest == json.loads((pytester.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["contradicted"] and manifest["missing"] and manifest["xfail"]

    result = pytester.runpytest("--briefcheck", "-p", "no:randomly")

    passed, skipped, failed = result.reprec.listoutcomes()
    assert sorted(report.nodeid for report in failed) == manifest["failing"]
    assert sum(hasattr(report, "wasxfail") for report in skipped) == manifest["xfail"]
    assert sum(not hasattr(report, "wasxfail") for report in skipped) == manifest["skip"]
    assert len(passed) > 150
