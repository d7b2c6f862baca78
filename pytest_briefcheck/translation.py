"""Translation pairs: two sources that state the same figures in two languages.

A source declared ``translation_of: <alias>`` is aligned with that source
without any claim: every figure of one must agree (``agreement.agree``: value,
unit and basis) with some figure of the other. A figure with no counterpart
fails the pair; so does a near miss, a pair of figures of the same dimension
and order of magnitude that do not agree (52亿吨 against 5.3 billion tons), which
is what an edit that touched one language only usually leaves behind. Waived
figures (the registry's ``ignore:``) are left out on both sides.

Plain functions; the pytest item is in ``items``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .agreement import (
    Agreement,
    Screen,
    Tolerance,
    agree,
    is_near,
    magnitude,
    same_number,
    screen,
    screens_may_agree,
    slip_note,
)
from .checks import CONTRADICTED, ERROR, VERIFIED, Outcome
from .claims import Location, SourceSpec
from .corpus import Corpus
from .coverage import Mention, unwaived
from .errors import BriefcheckError
from .figures import Figure

TRANSLATION = "translation"


@dataclass(frozen=True)
class NearMiss:
    """Two figures that look like one fact stated twice, but do not agree."""

    mine: Mention
    theirs: Mention
    why: str


@dataclass(frozen=True)
class Alignment:
    """How the figures of two sources pair up."""

    matched: tuple[tuple[Mention, Mention], ...]
    near_misses: tuple[NearMiss, ...]
    alone_mine: tuple[Mention, ...]
    alone_theirs: tuple[Mention, ...]

    @property
    def ok(self) -> bool:
        return not (self.near_misses or self.alone_mine or self.alone_theirs)


def tolerance_of(corpus: Corpus) -> Tolerance:
    return Tolerance(about=corpus.settings.about_tolerance, near=corpus.settings.near_tolerance)


def figure_of(mention: Mention) -> Figure:
    value = mention.value
    if not isinstance(value, Figure):
        raise BriefcheckError(f"'{mention.text}' at {mention.where} is a date, not a figure")
    return value


def agreement(a: Figure, b: Figure, tolerance: Tolerance) -> Agreement:
    """Whether two figures can state the same fact, and why not (a figure that cannot be
    compared does not agree, and says why)."""
    try:
        return agree(a, b, tolerance)
    except BriefcheckError as exc:
        return Agreement(False, exc.message)


def gives_same_number(a: Figure, b: Figure, tolerance: Tolerance) -> bool:
    """``agreement.same_number`` for two figures that agree; one that cannot be compared
    gives no other's number."""
    try:
        return same_number(a, b, tolerance)
    except BriefcheckError:
        return False


def near_miss_reason(a: Figure, b: Figure, tolerance: Tolerance) -> str:
    """Why two near figures do not agree, and a scale slip named as such."""
    return agreement(a, b, tolerance).reason + slip_note(a, b, tolerance)


def _distance(a: Figure, b: Figure, tolerance: Tolerance) -> float:
    first, second = magnitude(a, tolerance), magnitude(b, tolerance)
    if first is None or second is None or first[2] == 0 or second[2] == 0:
        return math.inf
    return abs(math.log(abs(first[2]) / abs(second[2])))


def align(
    mine: tuple[Mention, ...], theirs: tuple[Mention, ...], tolerance: Tolerance
) -> Alignment:
    """Pair every figure with one on the other side, then the near misses.

    A figure pairs with the first that states its number (``agreement.states_same``);
    failing that, with the first that agrees with it and states no number of this side.
    So "more than 2 trillion yuan" pairs with 超过2万亿元, or with 2.1万亿元, but never with
    36.59万亿元, which is 36.59 trillion yuan's: a figure dropped from one language is
    missed even when a larger one remains.
    """

    screens = {id(m): screen(figure_of(m), tolerance) for m in (*mine, *theirs)}
    verdicts: dict[tuple[int, int], bool] = {}
    same: dict[tuple[int, int], bool] = {}

    def agreeing(a: Mention, b: Mention) -> bool:
        pair = (id(a), id(b))
        if pair not in verdicts:
            verdicts[pair] = screens_may_agree(screens[id(a)], screens[id(b)]) and (
                agreement(figure_of(a), figure_of(b), tolerance).agrees
            )
        return verdicts[pair]

    def stating(a: Mention, b: Mention) -> bool:
        pair = (id(a), id(b))
        if pair not in same:
            same[pair] = agreeing(a, b) and gives_same_number(figure_of(a), figure_of(b), tolerance)
        return same[pair]

    # Only figures of one dimension and kind of number can agree: look among those (and
    # the few the screen cannot place), in the order they come.
    their_kinds = _by_kind(theirs, screens)
    my_kinds = _by_kind(mine, screens)
    stated: dict[int, bool] = {}  # per figure: does the other side state its number?

    def stated_mine(a: Mention) -> bool:
        if id(a) not in stated:
            stated[id(a)] = any(stating(a, b) for b in _alike(a, theirs, their_kinds, screens))
        return stated[id(a)]

    def stated_theirs(b: Mention) -> bool:
        if id(b) not in stated:
            stated[id(b)] = any(stating(a, b) for a in _alike(b, mine, my_kinds, screens))
        return stated[id(b)]

    matched: list[tuple[Mention, Mention]] = []
    alone_mine: list[Mention] = []
    for a in mine:
        candidates = _alike(a, theirs, their_kinds, screens)
        partner = next((b for b in candidates if stating(a, b)), None)
        if partner is None:
            partner = next((b for b in candidates if agreeing(a, b) and not stated_theirs(b)), None)
        if partner is None:
            alone_mine.append(a)
        else:
            matched.append((a, partner))
    alone_theirs = [
        b
        for b in theirs
        if not stated_theirs(b)
        and not any(
            agreeing(a, b) and not stated_mine(a) for a in _alike(b, mine, my_kinds, screens)
        )
    ]
    near: list[NearMiss] = []
    still_mine: list[Mention] = []
    for a in alone_mine:
        mine_figure = figure_of(a)
        candidates = [b for b in alone_theirs if is_near(mine_figure, figure_of(b), tolerance)]
        if not candidates:
            still_mine.append(a)
            continue
        best = min(
            candidates,
            key=lambda b: (
                mine_figure.basis != figure_of(b).basis,
                _distance(mine_figure, figure_of(b), tolerance),
            ),
        )
        alone_theirs.remove(best)
        near.append(NearMiss(a, best, near_miss_reason(mine_figure, figure_of(best), tolerance)))
    return Alignment(tuple(matched), tuple(near), tuple(still_mine), tuple(alone_theirs))


_Kinds = dict[object, list[int]]


def _by_kind(mentions: tuple[Mention, ...], screens: dict[int, Screen | None]) -> _Kinds:
    """Indexes of ``mentions`` per dimension and kind of number; key None: no screen."""
    kinds: _Kinds = {}
    for index, mention in enumerate(mentions):
        found = screens[id(mention)]
        kinds.setdefault(None if found is None else found[:2], []).append(index)
    return kinds


def _alike(
    mention: Mention,
    others: tuple[Mention, ...],
    kinds: _Kinds,
    screens: dict[int, Screen | None],
) -> list[Mention]:
    """The ``others`` that may agree with ``mention`` as far as dimension and kind go, in order."""
    found = screens[id(mention)]
    if found is None:
        return list(others)
    indexes = kinds.get(found[:2], []) + kinds.get(None, [])
    return [others[i] for i in sorted(indexes)]


def figures_of(corpus: Corpus, spec: SourceSpec) -> tuple[Mention, ...]:
    """A source's figures (not its dates) that no waiver excuses."""
    return tuple(m for m in unwaived(corpus, spec) if m.kind == "figure")


def check_translation(corpus: Corpus, spec: SourceSpec) -> Outcome:
    """The figures of ``spec``'s source and of the source it translates pair up."""
    name = f"{TRANSLATION}[{spec.alias}]"
    at = Location(spec.at.path, spec.at.line, spec.at.col)
    if spec.translation_of is None:
        return Outcome(TRANSLATION, name, spec.at.path, at, ERROR, "no translation_of declared")
    try:
        other = corpus.spec(spec.translation_of, spec.at.path, spec.at)
        if other.alias == spec.alias:
            raise BriefcheckError(
                f"source '{spec.alias}' is declared a translation of itself",
                path=spec.at.path,
                line=spec.at.line,
            )
        source = corpus.source(spec)
        corpus.source(other)
        alignment = align(figures_of(corpus, spec), figures_of(corpus, other), tolerance_of(corpus))
    except BriefcheckError as exc:
        return Outcome(TRANSLATION, name, spec.at.path, at, ERROR, str(exc))
    pair = f"'{spec.alias}' and its original '{other.alias}'"
    if alignment.ok:
        return Outcome(
            TRANSLATION,
            name,
            source.display,
            Location(source.display, *source.line_col(0)),
            VERIFIED,
            f"translation {pair}: all {len(alignment.matched)} figures have counterparts",
        )
    details: list[str] = []
    for miss in alignment.near_misses:
        details.append(f"NEAR MISS: {miss.mine.alias} and {miss.theirs.alias} differ")
        details.append(f"  {miss.mine.alias:<12} {miss.mine.listing()}")
        details.append(f"  {miss.theirs.alias:<12} {miss.theirs.listing()}")
        details.append(f"  why: {miss.why}")
    for alias, alone, missing_in in (
        (spec.alias, alignment.alone_mine, other.alias),
        (other.alias, alignment.alone_theirs, spec.alias),
    ):
        for mention in alone:
            details.append(f"NO COUNTERPART in {missing_in}: {alias} {mention.listing()}")
    first = (
        alignment.near_misses[0].mine
        if alignment.near_misses
        else (alignment.alone_mine or alignment.alone_theirs)[0]
    )
    counted = []
    if alignment.near_misses:
        counted.append(f"{len(alignment.near_misses)} near miss(es)")
    alone = len(alignment.alone_mine) + len(alignment.alone_theirs)
    if alone:
        counted.append(f"{alone} figure(s) without a counterpart")
    return Outcome(
        TRANSLATION,
        name,
        source.display,
        Location(first.display, first.line, first.col),
        CONTRADICTED,
        f"translation {pair} disagree: {', '.join(counted)} "
        f"({len(alignment.matched)} figures pair up)",
        details=tuple(details),
    )
