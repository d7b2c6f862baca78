"""Readings kept between runs: each document's normalized text, figures and dates, and
each claim file as parsed.

Reading every document is most of what a large run costs, and between two runs of
editorial CI most documents have not changed. The store keeps each reading with a
digest of the exact text (or bytes) it was made from and a fingerprint of everything
else a reading depends on (briefcheck's code, Python and its Unicode tables,
dateparser and PyYAML), so a changed file, part or engine is read afresh; a kept
reading is only ever one the engine would make again.

One file per source or claim file, under pytest's cache directory, written when the
run ends, atomically and only if something was read afresh; a file no run has used
for 30 days (its source deleted or renamed) is removed then. ``pytest --cache-clear``
empties it; a file that cannot be read (a crash, another format) counts as empty.
The files are pickles, as trusted as the rest of the checkout: whoever can write
``.pytest_cache`` can write ``conftest.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import time
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from .atomic import write_atomic

T = TypeVar("T")
FORMAT = 1
DAY = 24 * 60 * 60
# A file no run has used for this long (its source deleted or renamed) is removed.
UNUSED_FOR = 30 * DAY
# Shard entries: slot -> (digest of the text read, the reading).
Entries = dict[str, tuple[str, Any]]


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """What every reading depends on besides its text: this code and what it runs on."""
    runtime = (f"format {FORMAT}", sys.version, unicodedata.unidata_version, *_versions())
    return fingerprint(Path(__file__).parent, runtime)


def fingerprint(package: Path, runtime: tuple[str, ...]) -> str:
    """A digest of every module in ``package`` and of ``runtime``'s versions."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in runtime:
        hasher.update(part.encode() + b"\0")
    for path in sorted(package.glob("*.py")):
        hasher.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def _versions() -> list[str]:
    """The versions of the libraries a reading depends on (dates; claim files)."""
    found = []
    for name in ("dateparser", "PyYAML"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"no {name}")
    return found


def digest(content: str | bytes) -> str:
    """A digest of a text (or a file's bytes): what a kept reading was made from."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ReadingStore:
    """Readings of source files, kept in ``directory`` from one run to the next."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._shards: dict[str, Entries] = {}
        self._changed: set[str] = set()
        self._used: set[str] = set()  # the names of the files this run read from
        self.kept = 0  # readings taken from the store this run
        self.read = 0  # readings made afresh

    def reading(self, display: str, slot: str, digest: str, compute: Callable[[], T]) -> T:
        """The reading ``slot`` of ``display`` made from text with ``digest``: kept or made."""
        shard = self._shards.get(display)
        if shard is None:
            shard = self._shards[display] = self._load(display)
        entry = shard.get(slot)
        if entry is not None and entry[0] == digest:
            self.kept += 1
            return entry[1]  # type: ignore[no-any-return]
        value = compute()
        shard[slot] = (digest, value)
        self._changed.add(display)
        self.read += 1
        return value

    def save(self) -> str | None:
        """Write what was read afresh; a problem (a read-only disk) is returned, not raised."""
        try:
            for display in sorted(self._changed):
                # another process (an xdist worker) may have kept other slots of the file
                entries = {**self._load(display), **self._shards[display]}
                payload = (engine_fingerprint(), display, entries)
                self.directory.mkdir(parents=True, exist_ok=True)
                write_atomic(
                    self._path(display),
                    pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL),
                    durable=False,
                )
            self._tidy(time.time())
        except (OSError, pickle.PicklingError) as exc:
            return f"readings not kept in {self.directory}: {exc}"
        finally:
            self._changed.clear()
        return None

    def _tidy(self, now: float) -> None:
        """Mark the files used as used (at most once a day) and remove those long unused,
        and the temporary files of a write a crash cut short."""
        try:
            entries = list(os.scandir(self.directory))
        except FileNotFoundError:
            return
        for entry in entries:
            used = entry.name in self._used
            kept_for = UNUSED_FOR if entry.name.endswith(".pickle") else DAY
            with contextlib.suppress(OSError):  # another process may be tidying too
                age = now - entry.stat().st_mtime
                if used and age > DAY:
                    os.utime(entry.path)
                elif not used and age > kept_for and entry.name.endswith((".pickle", ".tmp")):
                    os.unlink(entry.path)

    def forget(self) -> None:
        """Drop the readings held in memory (the run is over; what was new is saved)."""
        self._shards.clear()
        self._changed.clear()

    def _path(self, display: str) -> Path:
        name = hashlib.blake2b(display.encode("utf-8", "surrogatepass"), digest_size=12)
        return self.directory / f"{name.hexdigest()}.pickle"

    def _load(self, display: str) -> Entries:
        path = self._path(display)
        try:
            raw = path.read_bytes()
        except OSError:
            return {}
        self._used.add(path.name)
        try:
            made_by, name, entries = pickle.loads(raw)
        except Exception:  # a torn or foreign file is a miss: unpickling raises anything
            return {}
        if made_by != engine_fingerprint() or name != display or not isinstance(entries, dict):
            return {}
        return entries
