"""tools/fuzz.py: finds nothing on the engine as it is, and reports what it finds."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from pytest_briefcheck.errors import RelationError

TOOL = Path(__file__).resolve().parents[1] / "tools" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("briefcheck_fuzz", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_short_run_over_every_target_finds_nothing(
    fuzz: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crashes = tmp_path / "crashes"
    status = fuzz.main(["--seconds", "5", "--max-size", "5000", "--crashes", str(crashes)])
    out = capsys.readouterr().out
    assert status == 0, out
    for target in fuzz.TARGETS:
        line = next(line for line in out.splitlines() if line.startswith(target))
        assert int(line.split()[1]) > 0, line
    assert out.rstrip().endswith("0 crash(es) or hang(s), 0 distinct")
    assert not crashes.exists()


def test_a_crash_is_reported_once_with_its_smallest_input(
    fuzz: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def broken(name: str, expression: str) -> None:
        if "(" in expression:
            raise ZeroDivisionError("division by zero")
        raise RelationError("not allowed", col=1)

    monkeypatch.setattr(fuzz.relations, "parse_relation", broken)
    crashes = tmp_path / "crashes"
    status = fuzz.main(["--seconds", "2", "--targets", "relations", "--crashes", str(crashes)])
    out = capsys.readouterr().out
    assert status == 1
    assert out.count("CRASH in relations: ZeroDivisionError: division by zero") == 1, out
    assert "test_fuzz_tool.py" in out  # where it was raised
    (saved,) = crashes.iterdir()
    assert "(" in saved.read_text(encoding="utf-8")


def test_a_hang_is_stopped_and_reported(
    fuzz: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def endless(name: str, expression: str) -> None:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(fuzz.relations, "parse_relation", endless)
    crashes = tmp_path / "crashes"
    args = ["--seconds", "1", "--timeout", "0.2", "--targets", "relations"]
    status = fuzz.main([*args, "--crashes", str(crashes)])
    out = capsys.readouterr().out
    assert status == 1
    assert "HANG in relations: still running after 0.2 s" in out
    assert len(list(crashes.iterdir())) == 1


def test_unknown_targets_are_refused(fuzz: ModuleType, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        fuzz.main(["--targets", "figures,nope"])
    assert stopped.value.code == 2
    assert "unknown target(s) nope" in capsys.readouterr().err
