"""``atomic.write_atomic``: the old file or the new one, never a part, never a temp file left."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pytest_briefcheck import atomic
from pytest_briefcheck.atomic import write_atomic

OLD = "version: 1\nclaims: []\n"
NEW = "version: 1\r\n# 中文 😀\r\nclaims: []\r\n" * 1000


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "claims.yaml"
    path.write_text(OLD, encoding="utf-8")
    return path


def test_text_is_written_as_utf8_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    write_atomic(path, NEW)
    assert path.read_bytes() == NEW.encode("utf-8")  # line ends as given, no BOM
    assert listing(tmp_path) == ["new.yaml"]


def test_bytes_replace_an_existing_file_and_keep_its_mode(target: Path) -> None:
    target.chmod(0o640)
    write_atomic(target, b"\x00\xff raw")
    assert target.read_bytes() == b"\x00\xff raw"
    assert target.stat().st_mode & 0o777 == 0o640
    assert listing(target.parent) == ["claims.yaml"]


def test_new_file_gets_the_umask_default_not_the_temp_file_mode(tmp_path: Path) -> None:
    old_umask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.yaml", "x")
    finally:
        os.umask(old_umask)
    assert (tmp_path / "new.yaml").stat().st_mode & 0o777 == 0o640  # mkstemp alone gives 0o600


def test_the_temporary_file_is_in_the_same_directory(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        seen.append((Path(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    write_atomic(target, NEW)
    [(src, dst)] = seen
    assert src.parent == target.parent
    assert src.name.startswith(".claims.yaml.") and src.name.endswith(".tmp")
    assert dst == target


class _HalfWriter:
    """A stream that writes half of what it is given, then is interrupted."""

    def __init__(self, stream, error: BaseException) -> None:
        self._stream = stream
        self._error = error

    def write(self, data: bytes) -> int:
        self._stream.write(data[: len(data) // 2])
        self._stream.flush()
        raise self._error

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


@pytest.mark.parametrize(
    "error", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")]
)
def test_crash_mid_write_leaves_the_old_file_and_no_temp(
    target: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        atomic.os, "fdopen", lambda fd, mode: _HalfWriter(real_fdopen(fd, mode), error)
    )
    with pytest.raises(type(error)):
        write_atomic(target, NEW)
    assert target.read_text(encoding="utf-8") == OLD
    assert listing(target.parent) == ["claims.yaml"]


@pytest.mark.parametrize("step", ["fsync", "chmod", "replace"])
def test_interrupt_at_any_later_step_leaves_the_old_file_and_no_temp(
    target: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, step, interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW)
    assert target.read_text(encoding="utf-8") == OLD
    assert listing(target.parent) == ["claims.yaml"]


def test_failed_write_of_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(tmp_path / "new.yaml", NEW)
    assert listing(tmp_path) == []


CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from pytest_briefcheck import atomic

    def slow_fsync(fd):
        print("writing", flush=True)
        time.sleep(120)

    atomic.os.fsync = slow_fsync
    try:
        atomic.write_atomic(Path(sys.argv[1]), "new content " * 100000)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(130)
    """
)


def test_ctrl_c_during_a_real_write_leaves_the_old_file_and_no_temp(target: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        # mid-write: the data sits in a temp file beside the target, not in the target
        temps = [name for name in listing(target.parent) if name.endswith(".tmp")]
        assert len(temps) == 1
        assert target.read_text(encoding="utf-8") == OLD
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert out.strip() == "interrupted"
    assert child.returncode == 130
    assert target.read_text(encoding="utf-8") == OLD
    assert listing(target.parent) == ["claims.yaml"]
