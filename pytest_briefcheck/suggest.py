"""``briefcheck suggest``: claims, in format v1, for the figures no claim checks yet.

For each figure and date of a source that no existing claim quotes (and no
waiver excuses), a claim is proposed: a short, sentence-bounded quote taken
verbatim from the source, ``expect`` in the claim notation, ``basis`` when the
wording gives one, an id made of the words near the figure, and quotes from the
other documents (``--against``) whose figures agree, so that claims across
documents come pre-paired. Figures of those documents that come close without
agreeing are flagged as ``# NEAR MISS`` comments. Every quote is checked the way
``pytest --briefcheck`` will check it before it is proposed.

Plain functions; the command line is in ``cli``.
"""

from __future__ import annotations

import math
import re
import tempfile
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from pathlib import Path

from .agreement import is_near
from .checks import Value, expected_value, read_quote
from .claims import Claim, Location, Quote, SourceSpec, load_claim_file
from .corpus import Corpus, Settings, display_path, load_corpus
from .coverage import Mention, is_quoted, source_mentions, source_waivers, waiver_for
from .dates import DateValue, date_spans
from .errors import BriefcheckError
from .figures import Figure
from .sources import Source, resolve_path
from .text import unwrap
from .translation import gives_same_number, near_miss_reason, tolerance_of
from .update_quotes import double_quoted

QUOTE_REACH = 40  # characters of context either side of a figure, at most (a third in Chinese)
MAX_ID = 48
_STOP_WORDS = """
    a about above across after again against all also an and any are as at be been before
    being below between both but by can could did do does each few for from further had has
    have having he her here hers him his how i if in into is it its itself just less many me
    more most much my no nor not now of off on once only or other our ours out over own per
    same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who
    whom why will with would you your year years total totaling reached reaching nearly
    almost around approximately
"""
_STOP = frozenset(_STOP_WORDS.split())
# what a sentence says its subject did, not what the subject is ("deals reached", "GDP grew")
_VERBS = frozenset(
    (
        "accounted", "accounting", "achieved", "amounted", "announced", "averaged", "climbed",
        "contributed", "declined", "decreased", "dropped", "exceeded", "expected", "fell",
        "gained", "grew", "handled", "hit", "increased", "jumped", "made", "posted", "pulling",
        "realized", "recorded", "registered", "rose", "said", "saw", "stood", "surpassed",
        "topped", "totaled", "totalled",
        # how a figure moved is told by the id's last word, not taken for its subject
        "down", "increase", "decrease", "rise", "decline", "nominal",
    )
)  # fmt: skip
_ASIDE = re.compile(r"\([^()]*\)|（[^（）]*）")  # "(GDP)": an aside, not the subject
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Where a sentence ends: its punctuation, or a line break that is no hard wrap (see _wrap).
_BOUNDARY = re.compile(r"[.!?](?=\s|$)|[。！？；;]|\n")
# Where a clause ends; not the comma of 48,000 nor the colon of 10:00.
_CLAUSE = re.compile(r"[，、：]|[,:](?![0-9])")
_CHINESE_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_CONTINUES = re.compile(r"[^\S\n]*[a-z0-9(%$]")
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# The claim notation's name for a unit, where pint spells it otherwise.
_UNIT_NOTATION = {
    "metric_ton": "t",
    "tonne": "t",
    "ton": "t",
    "yuan": "CNY",
    "renminbi": "CNY",
    "dollar": "USD",
    "euro": "EUR",
    "kilometer": "km",
    "kilometre": "km",
    "square_kilometer": "km**2",
    "kilometer ** 2": "km**2",
    "twenty_foot_equivalent_unit": "TEU",
    "percent": "%",
}


@dataclass(frozen=True)
class Place:
    """A declared source, or part of one, and what it says."""

    spec: SourceSpec
    source: Source
    mentions: tuple[Mention, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [mention.start for mention in self.mentions]

    def figures_before(self, mention: Mention, since: int) -> list[Mention]:
        """The figures stated from offset ``since`` up to ``mention``, in order."""
        low = bisect_left(self._starts, since)
        high = bisect_left(self._starts, mention.start)
        return [m for m in self.mentions[low:high] if m.kind == "figure" and m.end <= mention.start]

    def neighbours(self, mention: Mention) -> list[Mention]:
        """The figures and dates stated just before and just after ``mention`` (two each)."""
        index = bisect_left(self._starts, mention.start)
        while self.mentions[index] is not mention:
            index += 1
        return [*self.mentions[max(0, index - 2) : index], *self.mentions[index + 1 : index + 3]]


@dataclass(frozen=True)
class Suggestion:
    """One proposed claim."""

    id: str
    kind: str
    expect: str
    basis: str | None
    quotes: tuple[Quote, ...]
    comments: tuple[str, ...] = ()
    direction: str | None = None


@dataclass(frozen=True)
class Suggestions:
    """Everything ``suggest`` proposes for one source."""

    claims: tuple[Suggestion, ...]
    new_sources: tuple[SourceSpec, ...]
    targets: tuple[str, ...]  # display paths of the sources suggested for
    quoted: int
    waived: int


# -- notation -----------------------------------------------------------------------------------


def _number(x: float, step: float | None = None) -> str:
    """``x`` without float noise, to the decimals ``step`` (the last stated digit) asks."""
    if step and step > 0 and math.isfinite(step) and step < 1:
        decimals = max(0, -math.floor(math.log10(step) + 1e-9))
        text = f"{x:.{decimals}f}"
    else:
        text = f"{x:.15g}"
        if "e" in text:
            text = f"{x:.0f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _scaled(x: float, precision: float, exact: bool) -> str:
    """``5.2 billion``, ``41.5 trillion``, ``3000``: a scale word for large rounded figures."""
    for size, word in _SCALES:
        if abs(x) >= size and (not exact or x % size == 0 or precision >= size / 100):
            return f"{_number(x / size, precision / size if not exact else None)} {word}"
    return _number(x, precision if not exact else None)


def unit_notation(unit: str) -> str:
    """The claim notation of a figure's unit (``t``, ``CNY``, ``km**2``)."""
    cleaned = unit.strip()
    return _UNIT_NOTATION.get(cleaned, cleaned)


def figure_notation(figure: Figure) -> str:
    """A figure in the claim notation: ``5.2 billion t``, ``>3000``, ``80%``, ``5-7 day``,
    ``0.7 percentage points``."""
    unit = unit_notation(figure.unit)
    if figure.unit == "percentage_point":
        suffix = " percentage points"
    elif figure.kind == "percent" or unit in ("%", "percent"):
        suffix = "%"
    elif figure.kind == "multiple":
        suffix = "x"
    else:
        suffix = f" {unit}" if unit else ""

    def amount(x: float) -> str:
        if figure.kind == "fraction":
            fraction = Fraction(x).limit_denominator(1_000_000)
            return f"{fraction.numerator}/{fraction.denominator}"
        return _scaled(x, figure.precision, figure.exact)

    if figure.qualifier == "range" and figure.low is not None and figure.high is not None:
        return f"{amount(figure.low)}-{amount(figure.high)}{suffix}"
    prefix = {"=": "", "~": "~", ">": ">", ">=": ">=", "<": "<", "<=": "<="}.get(
        figure.qualifier, ""
    )
    if figure.near:
        prefix = "~"
    bound = figure.value
    if figure.qualifier in (">", ">=") and figure.low is not None:
        bound = figure.low
    if figure.qualifier in ("<", "<=") and figure.high is not None:
        bound = figure.high
    return f"{prefix}{amount(bound)}{suffix}"


def date_notation(value: DateValue) -> str:
    """A date in the claim notation: ``2025-08-25``, ``2025-04``, ``2021-01-01/2025-12-31``."""
    if value.start == value.end:
        return value.start.isoformat()
    if value.granularity == "month":
        return value.start.isoformat()[:7]
    if value.granularity == "year" and value.start.month == 1 and value.start.day == 1:
        return str(value.start.year)
    return f"{value.start.isoformat()}/{value.end.isoformat()}"


def notation(value: Value) -> str:
    return figure_notation(value) if isinstance(value, Figure) else date_notation(value)


def _shown(value: Value) -> str:
    return notation(value) + "".join(f" ({term})" for term in _terms(value) if term)


def _terms(value: Value) -> tuple[str | None, str | None]:
    """A figure's basis and direction, which a claim states beside ``expect``."""
    return (value.basis, value.direction) if isinstance(value, Figure) else (None, None)


# -- quotes -------------------------------------------------------------------------------------


def _wrap(text: str, at: int) -> bool:
    """Whether the line break at ``at`` is a hard wrap inside a sentence: Chinese on
    both sides ("9.28万\\n亿元", "家电以旧换新\\n1.2亿台"), or an English line whose
    sentence goes on in lower case or with a number ("36.59 trillion\\nyuan")."""
    before_at = at - 1 if text[at - 1 : at] == "\r" else at  # \r\n: look before the \r
    before = text[before_at - 1 : before_at]
    if not before or before.isspace():
        return False
    if _CHINESE_TEXT.match(before):
        following = text[at + 1 : at + 2]
        if not (_CHINESE_TEXT.match(following) or following.isdigit()):
            return False
        # a wrapped line is filled to the width of the lines after it; a title is shorter
        # than the paragraph it heads
        line = before_at - (text.rfind("\n", 0, before_at) + 1)
        next_end = text.find("\n", at + 1)
        following_line = (len(text) if next_end < 0 else next_end) - (at + 1)
        return line * 5 >= following_line * 4
    return _CONTINUES.match(text, at + 1) is not None


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    return (
        m
        for m in _BOUNDARY.finditer(text, start, end)
        if m.group() != "\n" or not _wrap(text, m.start())
    )


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (boundaries are looked for outside it)."""
    before = [m.end() for m in _boundaries(text, 0, start)]
    first = before[-1] if before else 0
    after = next(_boundaries(text, end, len(text)), None)
    last = after.start() if after else len(text)
    return first, last


def _passage(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """A short passage around a mention: within its sentence, cut at words or clauses."""
    first, last = _sentence(text, start, end)
    if reach <= 0:
        return first, last
    # Chinese has no spaces to cut at: a clause that ends a little further on is
    # taken whole rather than cut inside a word ("消费市" of 消费市场)
    chinese = bool(_CJK.search(text[max(first, start - 8) : min(last, end + 8)]))
    if chinese:
        reach = max(reach // 3, 6)
    if start - first > reach:
        cut = start - reach
        clause = [m.end() for m in _CLAUSE.finditer(text, cut, start)]
        if clause:
            first = clause[0]
        elif chinese:
            earlier = [m.end() for m in _CLAUSE.finditer(text, max(first, start - 2 * reach), cut)]
            if earlier:
                first = earlier[-1]
            elif start - first > 2 * reach:
                first = cut
        else:
            space = text.find(" ", cut, start)
            first = space + 1 if space >= 0 else cut
    if last - end > reach:
        cut = end + reach
        clause = [m.start() for m in _CLAUSE.finditer(text, end, cut)]
        if clause:
            last = clause[-1]
        elif chinese:
            further = _CLAUSE.search(text, cut, min(last, end + 2 * reach))
            if further:
                last = further.start()
            elif last - end > 2 * reach:
                last = cut
        else:
            space = text.rfind(" ", end, cut)
            last = space if space >= 0 else cut
    return first, last


def _flat(text: str) -> str:
    flat = " ".join(unwrap(text).split()).strip(" ,;:，、")
    return re.sub(r"^[-–—•·]\s+", "", flat)


def _same(a: Value, b: Value) -> bool:
    return a.span[0] < b.span[1] and b.span[0] < a.span[1]


def build_quote(
    corpus: Corpus, file: str, place: Place, mention: Mention, kind: str
) -> tuple[Quote, Value] | None:
    """A verbatim quote that ``pytest --briefcheck`` will find and read as this mention."""
    text = place.source.text
    others = [m for m in place.mentions if m is not mention]
    for reach in (QUOTE_REACH, QUOTE_REACH * 2, 0):
        first, last = _passage(text, mention.start, mention.end, reach)
        for start in (first, mention.start):
            passage = _flat(text[start:last])
            if not passage:
                continue
            crowded = any(m.start < last and m.end > start for m in others)
            figure = _flat(mention.value.text) if crowded else None
            quote = Quote(place.spec.alias, passage, Location(file, 1), figure=figure)
            reading = read_quote(corpus, file, quote, kind)
            if reading.value is None or reading.status != "agrees":
                continue
            if _same(reading.value, mention.value):
                return quote, reading.value
    return None


# -- ids ----------------------------------------------------------------------------------------


def _content_words(text: str) -> list[str]:
    words = [w.lower().strip("'-") for w in _WORD.findall(text)]
    return [w for w in words if len(w) > 1 and w not in _STOP]


def context_words(text: str, start: int, end: int, width: int = 60) -> set[str]:
    """The content words around a mention, for pairing figures across documents."""
    first, last = _sentence(text, start, end)
    near = text[max(first, start - width) : start] + " " + text[end : min(last, end + width)]
    return {_stem(w) for w in _content_words(near)}


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _slug(place: Place, mention: Mention) -> list[str]:
    """Words for a claim id.

    A date: the words after it ("in the first ten months, China's actual use ..."). A
    figure: what it is stated of, read back to the figure or clause before it in the
    sentence, without dates, verbs and asides ("tentative deals reached 83.49 billion");
    when that is nothing, what it counts ("a total of 53,782 new foreign-invested firms"),
    or how the figure before it went ("83.49 billion, up 4.4 percent": tentative_deals_up);
    else the words after it.
    """
    text = place.source.text
    first, last = _sentence(text, mention.start, mention.end)
    after = _content_words(text[mention.end : last])
    if mention.kind != "figure":
        return (
            after[:3]
            if len(after) >= 2
            else _content_words(text[first : mention.start])[-2:] + after[:3]
        )
    before = place.figures_before(mention, first)
    clauses = [m.end() for m in _CLAUSE.finditer(text, first, mention.start)]
    lead = max(before[-1].end if before else first, clauses[-1] if clauses else first)
    subject = text[lead : mention.start]
    for start, end in reversed(date_spans(subject)):
        subject = subject[:start] + " " + subject[end:]
    words = [w for w in _content_words(_ASIDE.sub(" ", subject)) if w not in _VERBS][-3:]
    if len(words) >= 2:
        return words
    value = mention.value
    counted = isinstance(value, Figure) and not value.unit and value.kind == "number"
    own = _content_words(mention.text) if counted else []  # "53,782 new enterprises"
    if not words and own:
        return own[-3:]
    if not words and before:
        direction = getattr(value, "direction", None)
        stated_of = [w for w in _slug(place, before[-1]) if w not in _VERBS][:2]
        return [*stated_of, *([direction] if direction else after[:1])]
    return [*words, *own, *after][:3]


def _value_slug(value: Value) -> str:
    raw = notation(value).lower().replace("%", "pct").replace("**", "")
    return re.sub(r"[^a-z0-9]+", "_", raw).strip("_")


def make_id(words: Sequence[str], value: Value, alias: str, taken: set[str]) -> str:
    """A unique claim id from the words near the figure (or its source and value)."""
    base = "_".join(re.sub(r"[^a-z0-9]+", "_", w).strip("_") for w in words if w)
    base = re.sub(r"_+", "_", base).strip("_")
    if not base:
        base = f"{alias}_{_value_slug(value)}"
    if base[0].isdigit():
        base = f"n_{base}"
    base = base[:MAX_ID].rstrip("_")
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}_{number}"
        number += 1
    taken.add(candidate)
    return candidate


# -- pairing ------------------------------------------------------------------------------------


def _agree(corpus: Corpus, a: Value, b: Value) -> tuple[bool, str]:
    from .agreement import agree, agree_dates

    try:
        if isinstance(a, Figure) and isinstance(b, Figure):
            result = agree(a, b, tolerance_of(corpus))
        elif isinstance(a, DateValue) and isinstance(b, DateValue):
            result = agree_dates(a, b)
        else:
            return False, "a figure and a date"
    except BriefcheckError as exc:
        return False, exc.message
    return result.agrees, result.reason


def _same_statement(corpus: Corpus, mine: Mention, other: Mention) -> bool:
    """For two agreeing values: whether they state one fact, so that their quotes pair.

    Dates must name the same day or period (not a day within a year); figures must give
    the same number ("more than 2 trillion yuan" pairs with 超过2万亿元, not with the
    36.59 trillion it also agrees with).
    """
    a, b = mine.value, other.value
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return (a.start, a.end) == (b.start, b.end)
    if isinstance(a, Figure) and isinstance(b, Figure):
        return gives_same_number(a, b, tolerance_of(corpus))
    return False


def _states_same(corpus: Corpus, mine: Mention, other: Mention) -> bool:
    """Whether two mentions state one fact: they agree, and say it the same way."""
    return (
        mine.kind == other.kind
        and _agree(corpus, mine.value, other.value)[0]
        and _same_statement(corpus, mine, other)
    )


def _distinctive(value: Value) -> bool:
    """A value specific enough to pair across languages without shared words."""
    if isinstance(value, DateValue):
        # a day, week, month, quarter, half or run of months ("前10个月" and "the first
        # ten months"); a bare year recurs in too many sentences to pair on value alone
        return value.granularity != "year"
    return bool(value.unit) or value.kind != "number" or abs(value.value) >= 100


def _relative(value: Value) -> bool:
    return isinstance(value, DateValue) and value.relative


def _affinity(
    corpus: Corpus, mine: Place, mention: Mention, theirs: Place, other: Mention
) -> int | None:
    """How alike two mentions' surroundings are; None when they should not be paired.

    In one language, the words they share; across languages, the facts stated alongside
    both ("first nine months" pairs with the 前9个月 next to 4.8万家 when 48,000 is next
    to it, not with 前三季度 elsewhere).
    """
    if mention.lang != other.lang:
        if not (_distinctive(mention.value) and _distinctive(other.value)):
            return None
        if _relative(mention.value) != _relative(other.value):
            return None  # "October 16, 2025" is the title's 2025年10月16日, not 今天
        around = theirs.neighbours(other)
        return sum(
            any(_states_same(corpus, mine_near, theirs_near) for theirs_near in around)
            for mine_near in mine.neighbours(mention)
        )
    shared = context_words(mine.source.text, mention.start, mention.end) & context_words(
        theirs.source.text, other.start, other.end
    )
    return len(shared) or None


@dataclass(frozen=True)
class _Candidate:
    place: Place
    mention: Mention
    affinity: int


def _candidates(
    corpus: Corpus, mine: Place, mention: Mention, others: Sequence[Place], agreeing: bool
) -> list[_Candidate]:
    found = []
    for place in others:
        for other in place.mentions:
            if other.kind != mention.kind:
                continue
            agrees = _agree(corpus, mention.value, other.value)[0]
            if agrees != agreeing or (agreeing and not _same_statement(corpus, mention, other)):
                continue
            if not agreeing and not _near_miss(corpus, mention.value, other.value):
                continue
            affinity = _affinity(corpus, mine, mention, place, other)
            if affinity is None:
                continue
            if not agreeing and affinity < _NEAR_AFFINITY.get(_kind(mention.value), 1):
                continue
            found.append(_Candidate(place, other, affinity))
    return found


# Shared words a near miss needs: a plain count (17 against 3) needs more evidence that
# the two figures state one fact than a figure with a unit does.
_NEAR_AFFINITY = {"count": 2, "unit": 1, "cross-language": 0}


def _kind(value: Value) -> str:
    if isinstance(value, Figure) and not value.unit and value.kind == "number":
        return "count"
    return "unit"


def _near_miss(corpus: Corpus, a: Value, b: Value) -> bool:
    """Same dimension and order of magnitude; across languages, only figures with a unit."""
    if not (isinstance(a, Figure) and isinstance(b, Figure)):
        return False
    if a.lang != b.lang and not (a.unit and b.unit):
        return False
    return is_near(a, b, tolerance_of(corpus))


def _near_why(corpus: Corpus, a: Value, b: Value) -> str:
    if isinstance(a, Figure) and isinstance(b, Figure):
        return near_miss_reason(a, b, tolerance_of(corpus))
    return _agree(corpus, a, b)[1]


def _best_per_alias(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    best: dict[str, _Candidate] = {}
    for candidate in candidates:
        alias = candidate.place.spec.alias
        if alias not in best or candidate.affinity > best[alias].affinity:
            best[alias] = candidate
    return list(best.values())


# -- checking a suggestion ----------------------------------------------------------------------


def _verifies(corpus: Corpus, file: str, claim: Claim) -> bool:
    """True when every quote reads a value that agrees with the claim's ``expect``."""
    try:
        expected = expected_value(claim)
    except BriefcheckError:
        return False
    if expected is None:
        return False
    for quote in claim.quotes:
        reading = read_quote(corpus, file, quote, claim.kind)
        if reading.value is None or reading.status != "agrees":
            return False
        if not _agree(corpus, expected, reading.value)[0]:
            return False
    return True


def _expect_for(
    corpus: Corpus, file: str, claim_id: str, kind: str, value: Value, quotes: list[Quote]
) -> str | None:
    """The first notation of ``value`` that ``expect`` reads back and that every quote meets."""
    basis, direction = _terms(value)
    candidates = [notation(value), _flat(value.text)]
    if isinstance(value, DateValue):
        candidates.append(f"{value.start.isoformat()}/{value.end.isoformat()}")
    for expect in dict.fromkeys(candidates):
        claim = Claim(
            claim_id,
            file,
            Location(file, 1),
            tuple(quotes),
            kind=kind,
            expect=expect,
            basis=basis,
            direction=direction,
        )
        if _verifies(corpus, file, claim):
            return expect
    return None


# -- the command --------------------------------------------------------------------------------


def _places_for(corpus: Corpus, target: str, cwd: Path) -> tuple[list[Place], SourceSpec | None]:
    """The declared sources a SOURCE argument names: an alias, or a file (all its parts)."""
    if target in corpus.registry:
        spec = corpus.registry[target]
        return [_place(corpus, spec)], None
    path = (cwd / target).resolve()
    if not path.is_file():
        known = ", ".join(sorted(corpus.registry)) or "none declared"
        raise BriefcheckError(
            f"'{target}' is neither a file nor a source alias",
            hint=f"give a path under {corpus.sources_display}/ or an alias ({known})",
        )
    specs = []
    for spec in corpus.all_specs():
        try:
            resolved, _ = resolve_path(spec, corpus.settings.sources_dir, corpus.sources_display)
        except BriefcheckError:
            continue
        if resolved.resolve() == path:
            specs.append(spec)
    if specs:
        return [_place(corpus, spec) for spec in specs], None
    spec = _new_spec(corpus, path, target)
    corpus.registry[spec.alias] = spec
    return [_place(corpus, spec)], spec


def _new_spec(corpus: Corpus, path: Path, target: str) -> SourceSpec:
    root = corpus.settings.sources_dir.resolve()
    if root not in path.parents:
        raise BriefcheckError(
            f"'{target}' is not under {corpus.sources_display}/",
            hint="briefcheck reads sources from the sources directory (--sources DIR)",
        )
    relative = path.relative_to(root).as_posix()
    stem = path.name.split(".")[0]
    alias = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_") or "source"
    if alias[0].isdigit():
        alias = f"s_{alias}"
    base, number = alias, 2
    while alias in corpus.registry:
        alias = f"{base}_{number}"
        number += 1
    return SourceSpec(alias=alias, path=relative, at=Location(corpus.registry_path, 1))


def _place(corpus: Corpus, spec: SourceSpec) -> Place:
    return Place(spec, corpus.source(spec), source_mentions(corpus, spec))


def _claimable(corpus: Corpus, place: Place) -> tuple[list[Mention], int, int]:
    """The mentions no claim quotes and no waiver excuses; and how many were of each."""
    waivers = source_waivers(place.source)
    todo, quoted, waived = [], 0, 0
    for mention in place.mentions:
        if is_quoted(corpus, place.spec, mention):
            quoted += 1
        elif waiver_for(mention, waivers) is not None:
            waived += 1
        else:
            todo.append(mention)
    return todo, quoted, waived


def _accounted(corpus: Corpus, mine: Sequence[Place], others: Sequence[Place]) -> set[int]:
    """The other documents' mentions that state what some mention of the source states."""
    found = set()
    for place in others:
        for other in place.mentions:
            for own in mine:
                if any(_states_same(corpus, m, other) for m in own.mentions):
                    found.add(id(other))
                    break
    return found


def suggest(
    corpus: Corpus, target: str, against: Sequence[str], file: str, cwd: Path
) -> Suggestions:
    """Claims for every figure and date of ``target`` that no claim checks yet."""
    mine, new_spec = _places_for(corpus, target, cwd)
    new_specs = [new_spec] if new_spec else []
    others: list[Place] = []
    for name in against:
        places, other_spec = _places_for(corpus, name, cwd)
        if other_spec is not None:
            new_specs.append(other_spec)
        for place in places:
            if all(place.spec.alias != p.spec.alias for p in mine + others):
                others.append(place)
    accounted = _accounted(corpus, mine, others)
    taken = set(corpus.claims)
    claims: list[Suggestion] = []
    quoted_total = waived_total = 0
    for place in mine:
        todo, quoted, waived = _claimable(corpus, place)
        quoted_total += quoted
        waived_total += waived
        for mention in todo:
            claims.append(_suggest_one(corpus, file, place, mention, others, accounted, taken))
    targets = tuple(dict.fromkeys(p.source.display for p in mine))
    return Suggestions(tuple(claims), tuple(new_specs), targets, quoted_total, waived_total)


def _suggest_one(
    corpus: Corpus,
    file: str,
    place: Place,
    mention: Mention,
    others: Sequence[Place],
    accounted: set[int],
    taken: set[str],
) -> Suggestion:
    kind = mention.kind
    where = f"{mention.where} '{mention.text}'"
    built = build_quote(corpus, file, place, mention, kind)
    if built is None:
        words = _slug(place, mention)
        return Suggestion(
            make_id(words, mention.value, place.spec.alias, taken),
            kind,
            notation(mention.value),
            _terms(mention.value)[0],
            (),
            (f"CHECK: no quote around {where} reads it back; write this claim by hand",),
            _terms(mention.value)[1],
        )
    quote, value = built
    quotes = [quote]
    comments: list[str] = []
    paired_words: list[str] = []
    values: list[Value] = [value]
    conflicts: list[tuple[_Candidate, str]] = []
    for candidate in sorted(
        _best_per_alias(_candidates(corpus, place, mention, others, agreeing=True)),
        key=lambda c: (-c.affinity, c.place.spec.alias),
    ):
        other_built = build_quote(corpus, file, candidate.place, candidate.mention, kind)
        if other_built is None:
            continue
        clash = next(
            (why for v in values if not (why := _agree(corpus, v, other_built[1]))[0]), None
        )
        if clash is not None:
            # agrees with the source's figure, not with a quote already paired (a basis
            # the source leaves open, stated two ways): flagged, not paired
            conflicts.append((candidate, clash[1]))
            continue
        trial = [*quotes, other_built[0]]
        if _expect_for(corpus, file, "trial", kind, value, trial) is None:
            continue
        quotes = trial
        values.append(other_built[1])
        if candidate.mention.lang == "en" and not paired_words:
            paired_words = _slug(candidate.place, candidate.mention)
    paired = {q.source for q in quotes}
    near = [
        c
        for c in _candidates(corpus, place, mention, others, agreeing=False)
        if c.place.spec.alias not in paired and id(c.mention) not in accounted
    ]
    flagged = [(c, _near_why(corpus, value, c.mention.value)) for c in _best_per_alias(near)]
    for candidate, why in sorted([*conflicts, *flagged], key=lambda c: c[0].place.spec.alias):
        other = candidate.mention
        comments.append(
            f"NEAR MISS: {candidate.place.spec.alias} says {_shown(other.value)} at "
            f"{other.where} ('{other.text}'): {why}"
        )
    words = _slug(place, mention) if mention.lang == "en" else paired_words
    claim_id = make_id(words, value, place.spec.alias, taken)
    basis, direction = _terms(value)
    expect = _expect_for(corpus, file, claim_id, kind, value, quotes)
    if expect is None:
        comments.append(f"CHECK: {where}: no expect reads back as {_shown(value)}")
    return Suggestion(
        claim_id,
        kind,
        notation(value) if expect is None else expect,
        basis,
        tuple(quotes),
        tuple(comments),
        direction,
    )


# -- YAML ---------------------------------------------------------------------------------------


def render(suggestions: Suggestions, command: str) -> str:
    """The suggestions as a claim file, format version 1."""
    lines = ["version: 1", f"# Suggested by: {command}"]
    for target in suggestions.targets:
        count = len(suggestions.claims)
        lines.append(
            f"# {target}: {count} {'figure or date' if count == 1 else 'figures and dates'} "
            f"to claim ({suggestions.quoted} already quoted by claims, "
            f"{suggestions.waived} waived)."
        )
    lines.append("# Review every claim: the ids, the quotes and the pairing are proposals.")
    if suggestions.new_sources:
        lines.append("sources:")
        for spec in suggestions.new_sources:
            lines.append(f"  {spec.alias}:")
            lines.append(f"    path: {double_quoted(spec.path)}")
    if not suggestions.claims:
        lines.append("claims: []  # every figure and date is quoted by a claim or waived")
        return "\n".join(lines) + "\n"
    lines.append("claims:")
    for claim in suggestions.claims:
        lines.append(f"  - id: {claim.id}")
        if claim.kind == "date":
            lines.append("    kind: date")
        lines.append(f"    expect: {double_quoted(claim.expect)}")
        if claim.basis:
            lines.append(f"    basis: {claim.basis}")
        if claim.direction:
            lines.append(f"    direction: {claim.direction}")
        if claim.quotes:
            lines.append("    quotes:")
        for quote in claim.quotes:
            lines.append(f"      - source: {quote.source}")
            lines.append(f"        text: {double_quoted(quote.text)}")
            if quote.figure is not None:
                lines.append(f"        figure: {double_quoted(quote.figure)}")
        for comment in claim.comments:
            lines.append(f"    # {' '.join(comment.split())}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def check_rendered(text: str) -> None:
    """Refuse to hand out anything that does not load as a claim file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "suggested.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = load_claim_file(path, "suggested.yaml")
    problems = [loaded.error] if loaded.error else []
    problems += [p for claim in loaded.claims for p in claim.problems]
    if problems:
        raise BriefcheckError(f"the suggested claim file does not load: {problems[0]}")


def corpus_for(cwd: Path, claims: str, sources: str) -> Corpus:
    settings = Settings(rootdir=cwd, claims_dir=(cwd / claims), sources_dir=(cwd / sources))
    return load_corpus(settings)


def claim_file_name(corpus: Corpus, write: str | None, cwd: Path) -> str:
    if write is None:
        return f"{corpus.claims_display}/suggested.yaml"
    return display_path(cwd / write, corpus.settings.rootdir)
