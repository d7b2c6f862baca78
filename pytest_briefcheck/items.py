"""pytest nodes: claim files become collectors, claims and relations become items.

Source documents that have something to check (coverage, a translation pair)
become collectors too, with one item per check.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .checks import ERROR, Outcome, check_claim, check_relation, check_source_dates
from .claims import Claim, Location, RelationSpec, SourceSpec
from .corpus import Corpus
from .coverage import COVERAGE, check_coverage, item_name, wants_coverage
from .errors import BriefcheckError
from .plugin import setting
from .report import render_outcome
from .sources import real_path, resolve_path
from .translation import TRANSLATION, check_translation
from .update_quotes import QuoteUpdate, propose_updates, updated_outcome

OUTCOME_KEY = pytest.StashKey[Outcome]()
UPDATES_KEY = pytest.StashKey[tuple[QuoteUpdate, ...]]()


class BriefcheckFailure(Exception):
    """Raised by an item whose check did not hold; carries the outcome to render."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.headline)
        self.outcome = outcome


class QuoteUpdated(Exception):
    """Raised by a claim whose quotes are being rewritten: the run fails for review.

    Not a :class:`BriefcheckFailure`, so a claim marked xfail fails all the same.
    """

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome.headline)
        self.outcome = outcome


class BriefcheckItem(pytest.Item):
    """An item whose check is a function of the corpus."""

    corpus: Corpus
    location_line: int = 1

    def check(self) -> Outcome:
        raise NotImplementedError  # every concrete item defines its check

    def runtest(self) -> None:
        outcome = self.check()
        self.stash[OUTCOME_KEY] = outcome
        if not outcome.passed:
            raise BriefcheckFailure(outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, (BriefcheckFailure, QuoteUpdated)):
            return render_outcome(excinfo.value.outcome)
        if isinstance(excinfo.value, BriefcheckError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.location_line - 1, self.name

    def apply_marks(self, xfail: str | None, skip: str | None) -> None:
        if skip is not None:
            self.add_marker(pytest.mark.skip(reason=skip))
        if xfail is not None:
            # strict: when a known error in a published document is corrected, say so
            self.add_marker(pytest.mark.xfail(reason=xfail, raises=BriefcheckFailure, strict=True))


class ClaimItem(BriefcheckItem):
    def __init__(self, *, claim: Claim, corpus: Corpus, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.claim = claim
        self.corpus = corpus
        self.location_line = claim.at.line
        self.extra_keyword_matches.update(claim.aliases)
        self.extra_keyword_matches.add(claim.kind)
        self.apply_marks(claim.xfail, claim.skip)

    def check(self) -> Outcome:
        outcome = check_claim(self.corpus, self.claim)
        if setting(self.config, "update-quotes"):
            updates = propose_updates(self.corpus, self.claim, outcome)
            if updates:
                self.stash[UPDATES_KEY] = updates
                outcome = updated_outcome(outcome, updates)
        return outcome

    def runtest(self) -> None:
        outcome = self.check()
        self.stash[OUTCOME_KEY] = outcome
        if self.stash.get(UPDATES_KEY, ()):
            raise QuoteUpdated(outcome)
        if not outcome.passed:
            raise BriefcheckFailure(outcome)


class RelationItem(BriefcheckItem):
    def __init__(self, *, relation: RelationSpec, corpus: Corpus, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.relation = relation
        self.corpus = corpus
        self.location_line = relation.at.line
        self.extra_keyword_matches.add("relation")
        self.apply_marks(relation.xfail, relation.skip)

    def check(self) -> Outcome:
        return check_relation(self.corpus, self.relation)


class SourceDatesItem(BriefcheckItem):
    def __init__(self, *, spec: SourceSpec, corpus: Corpus, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.corpus = corpus
        self.location_line = spec.at.line
        self.extra_keyword_matches.update((spec.alias, "dates"))

    def check(self) -> Outcome:
        return check_source_dates(self.corpus, self.spec)


class LoadErrorItem(BriefcheckItem):
    """Stands for a file that could not be read, so the rest of the run goes on."""

    def __init__(self, *, error: BriefcheckError, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error
        self.location_line = error.line or 1

    def check(self) -> Outcome:
        at = Location(self.error.path or str(self.path), self.error.line or 1, self.error.col or 1)
        return Outcome("file", self.name, at.path, at, ERROR, str(self.error))


def _date_items(
    parent: pytest.Collector, specs: tuple[SourceSpec, ...], corpus: Corpus
) -> Iterator[pytest.Item]:
    for spec in specs:
        if spec.published is not None or spec.event is not None:
            yield SourceDatesItem.from_parent(
                parent, name=f"dates[{spec.alias}]", spec=spec, corpus=corpus
            )


class ClaimFileCollector(pytest.File):
    """A YAML claim file: one item per claim, relation and dated source."""

    corpus: Corpus

    def collect(self) -> Iterator[pytest.Item]:
        claim_file = self.corpus.claim_file(self.path)
        if claim_file.error is not None:
            yield LoadErrorItem.from_parent(self, name="load-error", error=claim_file.error)
            return
        for claim in claim_file.claims:
            yield ClaimItem.from_parent(self, name=claim.id, claim=claim, corpus=self.corpus)
        for relation in claim_file.relations:
            yield RelationItem.from_parent(
                self, name=f"relation[{relation.name}]", relation=relation, corpus=self.corpus
            )
        yield from _date_items(self, claim_file.sources, self.corpus)


class RegistryCollector(pytest.File):
    """``claims/sources.yaml``: the shared source registry and its declared dates."""

    corpus: Corpus

    def collect(self) -> Iterator[pytest.Item]:
        if self.corpus.registry_error is not None:
            yield LoadErrorItem.from_parent(
                self, name="load-error", error=self.corpus.registry_error
            )
            return
        yield from _date_items(self, tuple(self.corpus.registry.values()), self.corpus)


class SourceCheckItem(BriefcheckItem):
    """A check of a source document itself: its coverage, or its translation pair."""

    def __init__(self, *, spec: SourceSpec, corpus: Corpus, kind: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.corpus = corpus
        self.kind = kind
        self.extra_keyword_matches.update((spec.alias, kind))
        if spec.start is None and spec.end is None:  # known without reading the document
            self.location_line = spec.lines[0] if spec.lines else 1
            return
        try:
            self.location_line = corpus.source(spec).line_col(0)[0]
        except BriefcheckError:
            self.location_line = 1

    def check(self) -> Outcome:
        if self.kind == COVERAGE:
            return check_coverage(self.corpus, self.spec)
        return check_translation(self.corpus, self.spec)


def source_checks(corpus: Corpus) -> dict[Path, tuple[SourceSpec, ...]]:
    """Per source file, the declared parts of it that have something to check."""
    found: dict[Path, list[SourceSpec]] = {}
    for spec in corpus.all_specs():
        if not (wants_coverage(spec, corpus.settings.coverage_all) or spec.translation_of):
            continue
        try:
            path, _ = resolve_path(spec, corpus.settings.sources_dir, corpus.sources_display)
        except BriefcheckError:
            continue  # the claims that quote it report the error
        found.setdefault(real_path(path), []).append(spec)
    return {path: tuple(specs) for path, specs in found.items()}


class SourceDocument(pytest.File):
    """A source document under the sources directory: its coverage and translation items."""

    corpus: Corpus
    specs: tuple[SourceSpec, ...]

    def collect(self) -> Iterator[pytest.Item]:
        for spec in self.specs:
            if wants_coverage(spec, self.corpus.settings.coverage_all):
                yield SourceCheckItem.from_parent(
                    self,
                    name=item_name(COVERAGE, spec),
                    spec=spec,
                    corpus=self.corpus,
                    kind=COVERAGE,
                )
            if spec.translation_of:
                yield SourceCheckItem.from_parent(
                    self,
                    name=f"{TRANSLATION}[{spec.alias}]",
                    spec=spec,
                    corpus=self.corpus,
                    kind=TRANSLATION,
                )
