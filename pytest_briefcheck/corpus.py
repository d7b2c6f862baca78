"""The corpus of one run: every claim file, the source registry, and the sources.

Built once per process. Claim files are parsed once; a source is read and
normalized once, on first use, whatever number of claims quote it.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from .claims import (
    REGISTRY_NAME,
    Claim,
    ClaimFile,
    SourceSpec,
    iter_claim_files,
    load_claim_file,
    load_registry,
)
from .errors import BriefcheckError, ClaimFileError, SourceError
from .sources import DecodedFile, Source, forget_directories, read_source, real_path
from .store import ReadingStore

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    """What a run is configured with (from options and the ini file)."""

    rootdir: Path
    claims_dir: Path
    sources_dir: Path
    about_tolerance: float = 0.05
    near_tolerance: float = 0.05
    coverage_all: bool = False


def display_path(path: Path, rootdir: Path) -> str:
    """A path as messages show it: relative to the rootdir, with forward slashes."""
    try:
        return real_path(path).relative_to(real_path(rootdir)).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Corpus:
    settings: Settings
    registry: dict[str, SourceSpec] = field(default_factory=dict)
    registry_path: str = ""
    registry_error: ClaimFileError | None = None
    files: dict[str, ClaimFile] = field(default_factory=dict)
    claims: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    _sources: dict[tuple[object, ...], Source | BriefcheckError] = field(default_factory=dict)
    _files: dict[tuple[str, str | None], DecodedFile] = field(default_factory=dict)
    # per claim file: the aliases it can use; per spec object: its source's key
    _specs: dict[str, tuple[ClaimFile, dict[str, SourceSpec]]] = field(default_factory=dict)
    _source_keys: dict[int, tuple[SourceSpec, tuple[object, ...]]] = field(default_factory=dict)
    _memo: dict[tuple[str, str], object] = field(default_factory=dict)
    _in_progress: set[tuple[str, str]] = field(default_factory=set)
    # readings kept between runs (store.py); None reads every document afresh
    store: ReadingStore | None = None

    @cached_property
    def sources_display(self) -> str:
        return display_path(self.settings.sources_dir, self.settings.rootdir)

    @cached_property
    def claims_display(self) -> str:
        return display_path(self.settings.claims_dir, self.settings.rootdir)

    def claim_file(self, path: Path) -> ClaimFile:
        display = display_path(path, self.settings.rootdir)
        if display not in self.files:
            self.files[display] = load_claim_file(path, display, self.store)
        return self.files[display]

    def claim(self, claim_id: str) -> Claim:
        found = self.claims.get(claim_id)
        if not found:
            close = difflib.get_close_matches(claim_id, list(self.claims), n=1)
            hint = f"did you mean '{close[0]}'?" if close else None
            raise BriefcheckError(f"no claim has the id '{claim_id}'", hint=hint)
        return found[0]

    def duplicate_of(self, claim: Claim) -> Claim | None:
        """Another claim with the same id, if any (ids are unique across the tree)."""
        return next((other for other in self.claims.get(claim.id, ()) if other is not claim), None)

    def specs_for(self, file: str) -> dict[str, SourceSpec]:
        """The aliases a claim file can use: the registry's and its own (do not modify)."""
        claim_file = self.files.get(file)
        if claim_file is None:
            return dict(self.registry)
        cached = self._specs.get(file)
        if cached is not None and cached[0] is claim_file:
            return cached[1]
        specs = dict(self.registry)
        specs.update({spec.alias: spec for spec in claim_file.sources})
        self._specs[file] = (claim_file, specs)
        return specs

    def spec(self, alias: str, file: str, at: object = None) -> SourceSpec:
        specs = self.specs_for(file)
        if alias in specs:
            return specs[alias]
        close = difflib.get_close_matches(alias, list(specs), n=1)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else (f"declare it under 'sources:' in {self.registry_path or REGISTRY_NAME} or here")
        )
        location = at if at is not None else None
        raise ClaimFileError(
            f"unknown source alias '{alias}'",
            path=getattr(location, "path", file),
            line=getattr(location, "line", None),
            col=getattr(location, "col", None),
            hint=hint,
        )

    def source(self, spec: SourceSpec) -> Source:
        """The document a spec names, read once per process."""
        known = self._source_keys.get(id(spec))
        if known is not None and known[0] is spec:
            key = known[1]
        else:
            key = spec.metadata()
            self._source_keys[id(spec)] = (spec, key)
        if key not in self._sources:
            try:
                source = read_source(
                    spec, self.settings.sources_dir, self.sources_display, self._files
                )
                source.store = self.store
                self._sources[key] = source
            except SourceError as exc:
                self._sources[key] = exc
        found = self._sources[key]
        if isinstance(found, BriefcheckError):
            raise found
        return found

    def memo(self, kind: str, key: str, compute: Callable[[], T]) -> T:
        """Cache a check's result for this process (relations reuse claim values)."""
        slot = (kind, key)
        if slot in self._in_progress:
            raise BriefcheckError(f"{kind} '{key}' depends on itself (a before/after cycle?)")
        if slot not in self._memo:
            self._in_progress.add(slot)
            try:
                self._memo[slot] = compute()
            finally:
                self._in_progress.discard(slot)
        return self._memo[slot]  # type: ignore[return-value]

    def release(self) -> None:
        """Drop what was read and computed (the run is over); claims and settings stay."""
        from .agreement import forget_figures
        from .checks import forget_expects
        from .dates import forget_documents

        for cache in (self._sources, self._files, self._specs, self._source_keys, self._memo):
            cache.clear()
        forget_documents()
        forget_figures()
        forget_expects()
        forget_directories()
        if self.store is not None:
            self.store.forget()

    def all_specs(self) -> list[SourceSpec]:
        """Every declared source, registry first, each (path, part) once."""
        seen: dict[tuple[object, ...], SourceSpec] = {}
        for spec in self.registry.values():
            seen.setdefault((spec.path, spec.lines, spec.start, spec.end), spec)
        for claim_file in self.files.values():
            for spec in claim_file.sources:
                seen.setdefault((spec.path, spec.lines, spec.start, spec.end), spec)
        return list(seen.values())


def load_corpus(settings: Settings, store: ReadingStore | None = None) -> Corpus:
    """Read the registry and every claim file under the claims root."""
    corpus = Corpus(settings, store=store)
    registry = settings.claims_dir / REGISTRY_NAME
    corpus.registry_path = display_path(registry, settings.rootdir)
    if registry.is_file():
        specs, error = load_registry(registry, corpus.registry_path, store)
        corpus.registry = {spec.alias: spec for spec in specs}
        corpus.registry_error = error
    if settings.claims_dir.is_dir():
        for path in iter_claim_files(settings.claims_dir):
            claim_file = corpus.claim_file(path)
            for claim in claim_file.claims:
                corpus.claims[claim.id].append(claim)
    by_part = {
        (spec.path, spec.lines, spec.start, spec.end): spec for spec in corpus.registry.values()
    }
    for display, claim_file in list(corpus.files.items()):
        conflict = _conflicting_declaration(corpus, claim_file, by_part)
        if conflict is not None:
            corpus.files[display] = ClaimFile(display, error=conflict)
    return corpus


def _conflicting_declaration(
    corpus: Corpus, claim_file: ClaimFile, by_part: dict[tuple[object, ...], SourceSpec]
) -> ClaimFileError | None:
    """A local alias that says something else about a document the registry declares.

    ``by_part`` is the registry keyed by the part of a file a spec takes.
    """
    for spec in claim_file.sources:
        other = corpus.registry.get(spec.alias)
        if other is None:
            other = by_part.get((spec.path, spec.lines, spec.start, spec.end))
        if other is not None and other.metadata() != spec.metadata():
            return ClaimFileError(
                f"source '{spec.alias}' ({spec.path}) is declared differently in "
                f"{other.at.path}:{other.at.line} as '{other.alias}'",
                path=spec.at.path,
                line=spec.at.line,
                col=spec.at.col,
                hint="declare each document once, in the registry, or make the declarations agree",
            )
    return None
