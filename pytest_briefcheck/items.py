"""pytest nodes: claim files become collectors, claims and relations become items."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .checks import ERROR, Outcome, check_claim, check_relation, check_source_dates
from .claims import Claim, Location, RelationSpec, SourceSpec
from .corpus import Corpus
from .errors import BriefcheckError
from .report import render_outcome

OUTCOME_KEY = pytest.StashKey[Outcome]()


class BriefcheckFailure(Exception):
    """Raised by an item whose check did not hold; carries the outcome to render."""

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
        if isinstance(excinfo.value, BriefcheckFailure):
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
        return check_claim(self.corpus, self.claim)


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
