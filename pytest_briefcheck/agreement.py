"""Agreement: whether two statements of a figure (or a date) can be the same fact.

A figure admits an interval of true values. Its stated value is widened by
half the step of its last stated digit where the wording rounds ("5.2 billion"
admits 5.15e9 up to, but not including, 5.25e9, so adjacent roundings never
meet); a figure written to its last unit (``exact``) admits only itself. The
qualifier then opens the interval:

==========  =======================================  ==========================
qualifier   exact figure                             rounded figure (h = p/2)
==========  =======================================  ==========================
``=``       [x, x]                                   [x-h, x+h)
``~``       [x-a|x|, x+a|x|]                         the wider of that and [x-h, x+h)
``>``       (x, inf)                                 (x-h, inf)
``>=``      [x, inf)                                 [x-h, inf)
``<``       (-inf, x)                                (-inf, x+h)
``<=``      (-inf, x]                                (-inf, x+h)
near ``<``  [x-n|x|, x)                              [x-n|x|-h, x+h)
near ``>``  (x, x+n|x|]                              (x-h, x+n|x|+h]
range       [low, high]                              [low-h, high+h]
==========  =======================================  ==========================

(``a`` is the "about" tolerance, ``n`` the "nearly" tolerance.) Two figures
agree when their units have the same dimension, their bases do not conflict, the
changes they state do not go opposite ways ("up 0.1%" and 下降0.1%) and their
intervals, in base units, meet. The arithmetic is exact: every float is
read as the decimal it prints as, so "7.9%" widened up and "8.0%" widened down
end at the same 7.95%.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any, TypeVar

from .dates import DateValue
from .errors import BriefcheckError, BriefcheckValueError
from .figures import Figure

# A bound is an exact rational, or a float only for -inf / +inf.
Bound = Fraction | float
T = TypeVar("T")

RATIO_KINDS = frozenset({"percent", "fraction", "multiple"})
PERIOD_OF_BASIS = {"per_day": "day", "per_month": "month", "per_year": "year"}
_DIMENSIONLESS_LABEL = {
    "number": "a plain count",
    "percent": "a percent",
    "fraction": "a fraction",
    "multiple": "a multiple",
}
_PREFIX = {
    "=": "",
    "~": "about ",
    ">": "more than ",
    ">=": "at least ",
    "<": "less than ",
    "<=": "at most ",
    "range": "",
}


@dataclass(frozen=True)
class Tolerance:
    """How far "about" reaches either side, and how far below its bound "nearly" goes."""

    about: float = 0.05
    near: float = 0.05

    def __post_init__(self) -> None:
        for name, most in (("about", math.inf), ("near", 1.0)):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and 0 <= value <= most):
                reach = "a number from 0 to 1" if most == 1.0 else "a number, 0 or more"
                raise BriefcheckValueError(f"the {name} tolerance must be {reach}, not {value!r}")


@lru_cache(maxsize=1 << 16)  # Fraction(repr(x)) parses a string: slow, and asked again per pair
def exact(x: float) -> Bound:
    """``x`` as the decimal it prints as (``0.1`` is 1/10), or itself when infinite."""
    if math.isinf(x):
        return x
    if math.isnan(x):
        raise BriefcheckValueError("a figure's value is not a number (NaN)")
    return Fraction(repr(float(x)))


def format_number(x: float, significant: int | None = None) -> str:
    """A short, readable number: ``271``, ``0.079``, ``5.15e9``, ``0.490``.

    Without ``significant``, a number with up to six significant digits is
    shown as stated and a longer one (a computed ratio) rounded to three.
    """
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "0"
    number = Decimal(repr(float(x))).normalize()
    if significant is None and len(number.as_tuple().digits) > 6:
        significant = 3
    if significant is not None:
        number = Decimal(format(float(x), f".{max(significant, 1) - 1}e"))
    sign, digits_tuple, _ = number.as_tuple()
    digits = "".join(str(d) for d in digits_tuple)
    adjusted = number.adjusted()
    if adjusted >= 6 or adjusted <= -5:
        text = digits[0] + ("." + digits[1:] if len(digits) > 1 else "") + f"e{adjusted}"
    elif adjusted >= len(digits) - 1:
        text = digits + "0" * (adjusted - len(digits) + 1)
    elif adjusted >= 0:
        text = digits[: adjusted + 1] + "." + digits[adjusted + 1 :]
    else:
        text = "0." + "0" * (-adjusted - 1) + digits
    return ("-" if sign else "") + text


@dataclass(frozen=True)
class Interval:
    """The values a figure admits, in base units (``unit`` "" for a plain number or ratio)."""

    low: float
    high: float
    low_closed: bool
    high_closed: bool
    unit: str

    @property
    def is_point(self) -> bool:
        return self.low == self.high and self.low_closed and self.high_closed

    def contains(self, x: float) -> bool:
        above = x > self.low or (x == self.low and self.low_closed)
        below = x < self.high or (x == self.high and self.high_closed)
        return above and below

    def intersection(self, other: Interval) -> Interval | None:
        """The values both admit, or None when they do not meet."""
        if self.unit != other.unit:
            raise BriefcheckValueError(
                f"cannot compare {self.describe()} with {other.describe()}: units differ"
            )
        if self.low == other.low:
            low, low_closed = self.low, self.low_closed and other.low_closed
        else:
            low, low_closed = max(
                (self.low, self.low_closed), (other.low, other.low_closed), key=lambda e: e[0]
            )
        if self.high == other.high:
            high, high_closed = self.high, self.high_closed and other.high_closed
        else:
            high, high_closed = min(
                (self.high, self.high_closed), (other.high, other.high_closed), key=lambda e: e[0]
            )
        if low < high or (low == high and low_closed and high_closed):
            return Interval(low, high, low_closed, high_closed, self.unit)
        return None

    def meets(self, other: Interval) -> bool:
        return self.intersection(other) is not None

    def describe(self, significant: int | None = None) -> str:
        """``5.15e9–5.25e9 t``, ``> 3000``, ``≤ 7000``, ``271``."""
        suffix = f" {self.unit}" if self.unit else ""
        low_inf, high_inf = math.isinf(self.low), math.isinf(self.high)
        if low_inf and high_inf:
            return "any value" + (f" in {self.unit}" if self.unit else "")
        if high_inf:
            sign = "≥" if self.low_closed else ">"
            return f"{sign} {format_number(self.low, significant)}{suffix}"
        if low_inf:
            sign = "≤" if self.high_closed else "<"
            return f"{sign} {format_number(self.high, significant)}{suffix}"
        if self.low == self.high:
            return format_number(self.low, significant) + suffix
        low = format_number(self.low, significant)
        high = format_number(self.high, significant)
        digits = significant or 3
        # A computed end rounded for display must not look like the other end.
        while low == high and digits < 17:
            digits += 1
            low, high = format_number(self.low, digits), format_number(self.high, digits)
        return f"{low}–{high}{suffix}"

    def as_tuple(self) -> tuple[float, float, bool, bool, str]:
        return (self.low, self.high, self.low_closed, self.high_closed, self.unit)


@dataclass(frozen=True)
class Agreement:
    """Whether two values can state the same fact, and why: worded only when asked, as
    most pairs compared are never explained (formatting the numbers costs more than
    comparing them)."""

    agrees: bool
    why: str | Callable[[], str]

    @property
    def reason(self) -> str:
        return self.why() if callable(self.why) else self.why


@dataclass(frozen=True)
class OddOnesOut:
    """Values grouped into agreeing clusters, largest first; ``odd`` is everything else."""

    majority: tuple[int, ...]
    odd: tuple[int, ...]
    clusters: tuple[tuple[int, ...], ...] = ()


# -- the interval a figure admits, in its own units ---------------------------------------------


@dataclass(frozen=True)
class _Span:
    low: Bound
    high: Bound
    low_closed: bool
    high_closed: bool

    def scaled(self, factor: Fraction) -> _Span:
        # Unit factors are positive, and an infinite end stays infinite.
        return _Span(
            self.low * factor if isinstance(self.low, Fraction) else self.low,
            self.high * factor if isinstance(self.high, Fraction) else self.high,
            self.low_closed,
            self.high_closed,
        )

    def interval(self, unit: str) -> Interval:
        return Interval(float(self.low), float(self.high), self.low_closed, self.high_closed, unit)


def _bound(fig: Figure, which: str) -> Fraction:
    stated = getattr(fig, which)
    value = exact(stated if stated is not None else fig.value)
    if not isinstance(value, Fraction):
        raise BriefcheckValueError(f"'{fig.text}' has an infinite {which} bound")
    return value


# Frames and spans depend on a figure's numbers, unit, kind and basis, never on its wording
# or place: a corpus states a few thousand distinct figures tens of thousands of times.
# Kept per those fields (a figure's text is only for messages); see forget_figures.
_SPANS: dict[tuple[object, ...], _Span] = {}
_FRAMED: dict[tuple[object, ...], tuple[_Frame, Interval]] = {}
_MAX_KEPT = 1 << 16


def _numbers(fig: Figure) -> tuple[object, ...]:
    return (fig.value, fig.qualifier, fig.low, fig.high, fig.precision, fig.exact, fig.near)


def _kept(cache: dict[tuple[object, ...], T], key: tuple[object, ...], make: Callable[[], T]) -> T:
    found = cache.get(key)
    if found is None:
        if len(cache) >= _MAX_KEPT:
            cache.clear()
        found = cache[key] = make()
    return found


def _own_span(fig: Figure, tolerance: Tolerance) -> _Span:
    return _kept(_SPANS, (*_numbers(fig), tolerance), lambda: _span_of(fig, tolerance))


def _span_of(fig: Figure, tolerance: Tolerance) -> _Span:
    x = exact(fig.value)
    if not isinstance(x, Fraction):
        raise BriefcheckValueError(f"'{fig.text}' has an infinite value")
    h = Fraction(0)
    if not fig.exact and fig.precision > 0 and math.isfinite(fig.precision):
        h = exact(fig.precision) / 2  # finite, so a Fraction
    about, near = exact(tolerance.about), exact(tolerance.near)
    q = fig.qualifier
    inf = math.inf
    if q == "=":
        return _Span(x, x, True, True) if h == 0 else _Span(x - h, x + h, True, False)
    if q == "~":
        spread = abs(x) * about
        if spread >= h:
            return _Span(x - spread, x + spread, True, True)
        return _Span(x - h, x + h, True, False)
    if q == "range":
        low, high = sorted((_bound(fig, "low"), _bound(fig, "high")))
        return _Span(low - h, high + h, True, True)
    if q in (">", ">="):
        b = _bound(fig, "low")
        if fig.near:
            span = _Span(b - h, b + abs(b) * near + h, q == ">=", True)
        else:
            span = _Span(b - h, inf, q == ">=", False)
        return span if _nonempty(span) else _Span(b, b, True, True)
    if q in ("<", "<="):
        b = _bound(fig, "high")
        high_closed = q == "<=" and h == 0
        low: Bound = b - abs(b) * near - h if fig.near else -inf
        span = _Span(low, b + h, fig.near, high_closed)
        return span if _nonempty(span) else _Span(b, b, True, True)
    raise BriefcheckValueError(f"'{fig.text}' has an unknown qualifier {q!r}")


def _nonempty(span: _Span) -> bool:
    return span.low < span.high or (span.low == span.high and span.low_closed and span.high_closed)


# -- units, kinds and bases ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Frame:
    """How a figure's own numbers become base units, and what they measure."""

    factor: Fraction
    unit: str  # base unit, "" when dimensionless
    dimension: tuple[tuple[str, float], ...]
    ratio: bool  # a dimensionless percent/fraction/multiple, as opposed to a plain count
    basis: str | None
    label: str  # how a "units differ" sentence names it
    own: str  # the figure's own unit, abbreviated ("t"), once a period is taken out; "" if none


def _registry() -> Any:
    from .units import registry

    return registry()


def _period_basis(registry: Any, name: str) -> str | None:
    """``per_day`` when the unit ``name`` is one day long, and so on."""
    one = registry.Quantity(1, name)
    for basis, period in PERIOD_OF_BASIS.items():
        if math.isclose(float(one.to(period).magnitude), 1.0, rel_tol=1e-12):
            return basis
    return None


@lru_cache(maxsize=512)
def _frame(unit: str, kind: str, basis: str | None, strip_period: bool) -> _Frame:
    from .units import to_base

    registry = _registry()
    label = unit or _DIMENSIONLESS_LABEL.get(kind, f"a {kind}")
    try:
        parsed = registry.parse_units(unit) if unit else registry.dimensionless
        if strip_period:
            # "26 million declarations per day" (1/day) is the same claim as
            # "日均2600万票" (a bare count, basis per_day): take the day out of the unit.
            for name, power in registry.Quantity(1, parsed).unit_items():
                if power != -1 or registry.parse_units(name).dimensionality != {"[time]": 1}:
                    continue
                implied = _period_basis(registry, name)
                if implied is not None and basis in (None, implied):
                    parsed = parsed * registry.parse_units(name)
                    basis = implied
                    break
        dimensionality = parsed.dimensionality
        if dimensionality:
            magnitude, base = to_base(1.0, str(parsed))
            base = format(registry.parse_units(base), "~")  # "kg", not "kilogram"
        else:
            magnitude, base = float(registry.Quantity(1, parsed).to("dimensionless").magnitude), ""
    except BriefcheckValueError:
        raise
    except Exception as exc:  # pint raises UndefinedUnitError, tokenizer and syntax errors alike
        raise BriefcheckValueError(f"unknown unit {unit!r}: {exc}") from exc
    factor = Fraction(repr(float(magnitude)))
    ratio = False
    if not dimensionality:
        ratio = kind in RATIO_KINDS or factor != 1
        if kind == "percent" and factor == 1:
            factor = Fraction(1, 100)
        base = ""
    if base == "dimensionless":
        base = ""
    dimension = tuple(sorted((str(k), float(v)) for k, v in dict(dimensionality).items()))
    own = format(parsed, "~") if dimensionality else ""
    return _Frame(factor, base, dimension, ratio, basis, label, own)


def _framed(
    fig: Figure, tolerance: Tolerance, strip_period: bool | None
) -> tuple[_Frame, Interval]:
    """The figure's frame and admitted interval in base units; ``strip_period=None``: in
    its own unit, when it has one (see agree)."""
    key = (*_numbers(fig), fig.unit, fig.kind, fig.basis, tolerance, strip_period)
    return _kept(_FRAMED, key, lambda: _frame_figure(fig, tolerance, strip_period))


def _frame_figure(
    fig: Figure, tolerance: Tolerance, strip_period: bool | None
) -> tuple[_Frame, Interval]:
    if strip_period is None:
        base = _framed(fig, tolerance, True)[0]
        frame = dataclasses.replace(base, factor=Fraction(1), unit=base.own)
        return frame, _own_span(fig, tolerance).interval(frame.unit)
    frame = _frame(fig.unit, fig.kind, fig.basis, strip_period)
    return frame, _own_span(fig, tolerance).scaled(frame.factor).interval(frame.unit)


def forget_figures() -> None:
    """Drop the frames and intervals kept per figure (a run calls this when it is over)."""
    _SPANS.clear()
    _FRAMED.clear()
    exact.cache_clear()
    _plain_statement.cache_clear()


Screen = tuple[tuple[tuple[str, float], ...], bool, str | None, float, float]


def screen(fig: Figure, tolerance: Tolerance = Tolerance()) -> Screen | None:
    """What :func:`may_agree` compares of ``fig``: dimension, kind of number, basis and
    admitted interval; None when only ``agree`` can say (an infinite value, say)."""
    try:
        frame, interval = _framed(fig, tolerance, strip_period=True)
    except BriefcheckValueError:
        return None
    return frame.dimension, frame.ratio, frame.basis, interval.low, interval.high


def screens_may_agree(a: Screen | None, b: Screen | None) -> bool:
    """:func:`may_agree` on two screens: for many pairs, take each figure's screen once."""
    if a is None or b is None:
        return True  # let agree() say why
    if a[0] != b[0] or a[1] != b[1]:
        return False
    if a[2] is not None and b[2] is not None and a[2] != b[2]:
        return False
    ends = [x for x in (a[3], a[4], b[3], b[4]) if math.isfinite(x)]
    slack = 1e-9 * max((abs(x) for x in ends), default=0.0)
    return a[3] <= b[4] + slack and b[3] <= a[4] + slack


def may_agree(a: Figure, b: Figure, tolerance: Tolerance = Tolerance()) -> bool:
    """False only when ``agree(a, b)`` certainly fails: a cheap screen for many pairs.

    Compares what ``agree`` compares first (dimension, kind of number, basis) and the
    admitted intervals as floats, with a little slack so that rounding never hides
    a pair that ``agree``, working in exact fractions, would accept.
    """
    return screens_may_agree(screen(a, tolerance), screen(b, tolerance))


def admitted(
    fig: Figure, tolerance: Tolerance = Tolerance(), *, per_period: bool = False
) -> Interval:
    """The values ``fig`` admits, in base units (percent as a fraction: 7.9% is 0.079).

    With ``per_period``, a unit divided by its basis' period counts per period:
    "41.5 trillion yuan a year" (CNY/year, per_year) admits 4.145e13–4.155e13 CNY.
    """
    return _framed(fig, tolerance, strip_period=per_period)[1]


def is_rounded(fig: Figure) -> bool:
    """True when the wording only approximates its value (rounded, or "about")."""
    return (not fig.exact and fig.precision > 0) or fig.qualifier == "~"


def _label(fig: Figure, frame: _Frame) -> str:
    suffix = f" {frame.unit}" if frame.unit else ""
    if fig.qualifier == "range":
        low, high = (float(_bound(fig, end) * frame.factor) for end in ("low", "high"))
        return f"{format_number(low)}–{format_number(high)}{suffix}"
    prefix = _PREFIX.get(fig.qualifier, "")
    if fig.near:
        prefix = "nearly " if fig.qualifier in ("<", "<=") else "just over "
    value = exact(fig.value)
    shown = float(value * frame.factor) if isinstance(value, Fraction) else value
    return f"{prefix}{format_number(shown)}{suffix}"


def agree(a: Figure, b: Figure, tolerance: Tolerance = Tolerance()) -> Agreement:
    """Whether ``a`` and ``b`` can state the same figure (see the module docstring)."""
    frame_a, interval_a = _framed(a, tolerance, strip_period=True)
    frame_b, interval_b = _framed(b, tolerance, strip_period=True)
    if frame_a.dimension != frame_b.dimension or frame_a.ratio != frame_b.ratio:
        return Agreement(False, f"units differ: {frame_a.label} vs {frame_b.label}")
    if frame_a.unit != frame_b.unit:
        raise BriefcheckValueError(
            f"'{a.text}' and '{b.text}' measure the same dimension in different base units "
            f"({frame_a.unit} and {frame_b.unit})"
        )
    if frame_a.basis is not None and frame_b.basis is not None and frame_a.basis != frame_b.basis:
        return Agreement(False, f"bases conflict: {frame_a.basis} vs {frame_b.basis}")
    if a.direction and b.direction and a.direction != b.direction:
        return Agreement(False, f"directions conflict: {a.direction} vs {b.direction}")
    if frame_a.own and frame_a.own == frame_b.own:
        # Both in one unit: compare (and say so) in it, "5.2e9 t" rather than "5.2e12 kg".
        # Scaling both sides by the same positive factor cannot change whether they meet.
        frame_a, interval_a = _framed(a, tolerance, None)
        frame_b, interval_b = _framed(b, tolerance, None)
    common = interval_a.intersection(interval_b)
    if common is None:
        return Agreement(False, lambda: _apart(a, frame_a, interval_a, b, frame_b, interval_b))
    return Agreement(True, lambda: _both_admit(a, frame_a, b, frame_b, common))


def states_same(a: Figure, b: Figure, tolerance: Tolerance = Tolerance()) -> bool:
    """Whether ``a`` and ``b`` agree and give the same number (see :func:`same_number`).

    "More than 2 trillion yuan" agrees with 36.59 trillion yuan without stating it: a
    translation or a summary repeats the number its source gives.
    """
    return agree(a, b, tolerance).agrees and same_number(a, b, tolerance)


def same_number(a: Figure, b: Figure, tolerance: Tolerance = Tolerance()) -> bool:
    """For two figures that agree: whether the numbers they give agree too, each read as
    a plain statement of its number ("more than 2 trillion" as 2 trillion, "about 450,000"
    and "nearly 3,400" as those numbers, rounded as worded; a range stays a range)."""
    plain_a, plain_b = _plain(a), _plain(b)
    if plain_a is a and plain_b is b:
        return True  # plain statements already, and they agree
    return agree(plain_a, plain_b, tolerance).agrees


def _plain(fig: Figure) -> Figure:
    if fig.qualifier in ("=", "range"):
        return fig
    return _plain_statement(fig)


@lru_cache(maxsize=4096)  # a corpus states a few thousand figures with a qualifier, many times
def _plain_statement(fig: Figure) -> Figure:
    return dataclasses.replace(fig, qualifier="=", low=fig.value, high=fig.value, near=False)


def _apart(
    a: Figure,
    frame_a: _Frame,
    interval_a: Interval,
    b: Figure,
    frame_b: _Frame,
    interval_b: Interval,
) -> str:
    return (
        f"{_label(a, frame_a)} admits {interval_a.describe()} and {_label(b, frame_b)} "
        f"admits {interval_b.describe()}; they do not meet"
    )


def _both_admit(a: Figure, frame_a: _Frame, b: Figure, frame_b: _Frame, common: Interval) -> str:
    for fig, frame in ((a, frame_a), (b, frame_b)):
        value = exact(fig.value)
        if isinstance(value, Fraction) and fig.qualifier in ("=", "~"):
            point = float(value * frame.factor)
            if common.contains(point):
                shown = format_number(point) + (f" {frame.unit}" if frame.unit else "")
                return f"both admit {shown}"
    return f"both admit {common.describe()}"


# -- near misses --------------------------------------------------------------------------------

MAGNITUDE = 10.0  # a near miss lies within this factor of the other figure


def magnitude(figure: Figure, tolerance: Tolerance) -> tuple[str, str, float] | None:
    """The figure's base unit, kind and a representative size, or None when unbounded."""
    try:
        interval = admitted(figure, tolerance)
    except BriefcheckError:
        return None
    ends = [x for x in (interval.low, interval.high) if math.isfinite(x)]
    if not ends:
        return None
    kind = "count" if figure.kind == "number" else "ratio"
    return interval.unit, kind, sum(ends) / len(ends)


def is_near(a: Figure, b: Figure, tolerance: Tolerance = Tolerance()) -> bool:
    """Same dimension and sign, and the same order of magnitude (within a factor of ten)
    or the same digits under another scale (see :func:`scale_slip`)."""
    ratio = _ratio(a, b, tolerance)
    return ratio is not None and (ratio < MAGNITUDE or _slipped(ratio) is not None)


def scale_slip(a: Figure, b: Figure, tolerance: Tolerance = Tolerance()) -> int | None:
    """10, 100, 1,000 or 10,000 when one figure is the other's digits under another scale
    (1.2亿 is 120 million, not "1.2 billion"; 2100万 is 21 million); else None."""
    ratio = _ratio(a, b, tolerance)
    return None if ratio is None else _slipped(ratio)


def _ratio(a: Figure, b: Figure, tolerance: Tolerance) -> float | None:
    """The larger size over the smaller: same dimension and sign only."""
    first, second = magnitude(a, tolerance), magnitude(b, tolerance)
    if first is None or second is None or first[:2] != second[:2]:
        return None
    x, y = first[2], second[2]
    if x == 0 or y == 0:
        return 1.0 if x == y else None
    if (x > 0) != (y > 0):
        return None
    return max(abs(x), abs(y)) / min(abs(x), abs(y))


def _slipped(ratio: float) -> int | None:
    power = round(math.log10(ratio))
    if 1 <= power <= 4 and math.isclose(ratio, 10**power, rel_tol=1e-9):
        return 10**power
    return None


def slip_note(a: Figure, b: Figure, tolerance: Tolerance = Tolerance()) -> str:
    """ "; the same digits 10x apart: ..." when :func:`scale_slip` finds one, else ""."""
    factor = scale_slip(a, b, tolerance)
    if factor is None:
        return ""
    return f"; the same digits {factor:,}x apart: a scale word (万, 亿, million, billion) slipped?"


# -- dates --------------------------------------------------------------------------------------


def _iso(value: DateValue) -> str:
    start, end = value.start, value.end
    if start == end:
        return start.isoformat()
    next_day = end + dt.timedelta(days=1)
    if start.day == 1 and next_day.day == 1:
        if start.month == 1 and next_day.month == 1 and next_day.year == start.year + 1:
            return f"{start.year:04d}"
        if (next_day.year * 12 + next_day.month) - (start.year * 12 + start.month) == 1:
            return f"{start.year:04d}-{start.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def agree_dates(a: DateValue, b: DateValue) -> Agreement:
    """Dates agree when they are equal or one period contains the other (a month its days)."""
    first, second = _iso(a), _iso(b)
    if (a.start, a.end) == (b.start, b.end):
        return Agreement(True, f"both are {first}")
    if a.start <= b.start and b.end <= a.end:
        return Agreement(True, f"{first} contains {second}")
    if b.start <= a.start and a.end <= b.end:
        return Agreement(True, f"{second} contains {first}")
    if a.start <= b.end and b.start <= a.end:
        return Agreement(False, f"{first} and {second} overlap, but neither contains the other")
    return Agreement(False, f"{first} and {second} do not overlap")


# -- the odd ones out ---------------------------------------------------------------------------


def _agrees(a: Figure | DateValue, b: Figure | DateValue, tolerance: Tolerance) -> bool:
    if isinstance(a, Figure) and isinstance(b, Figure):
        return agree(a, b, tolerance).agrees
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return agree_dates(a, b).agrees
    return False


def _best_clique(candidates: frozenset[int], neighbours: list[frozenset[int]]) -> tuple[int, ...]:
    """The largest set of mutually agreeing values; ties go to the one with the earliest values."""
    best: tuple[int, ...] = ()

    def better(clique: tuple[int, ...]) -> bool:
        return len(clique) > len(best) or (len(clique) == len(best) and clique < best)

    def expand(chosen: frozenset[int], possible: frozenset[int], excluded: frozenset[int]) -> None:
        nonlocal best
        if not possible and not excluded:
            clique = tuple(sorted(chosen))
            if better(clique):
                best = clique
            return
        if len(chosen) + len(possible) < len(best):
            return
        pivot = max(possible | excluded, key=lambda v: len(neighbours[v] & possible))
        for v in sorted(possible - neighbours[pivot]):
            expand(chosen | {v}, possible & neighbours[v], excluded & neighbours[v])
            possible = possible - {v}
            excluded = excluded | {v}

    expand(frozenset(), candidates, frozenset())
    return best


def odd_ones_out(
    values: Sequence[Figure | DateValue],
    tolerance: Tolerance = Tolerance(),
) -> OddOnesOut:
    """Group ``values`` into clusters that all agree with each other.

    Agreement is not transitive (5.15e9 and 5.25e9 both agree with "about
    5.2 billion", not with each other), so a cluster is a set of values that
    agree pairwise. The majority is the largest; among equals, the one holding
    the earliest values (so the first value's cluster wins a tie).
    """
    n = len(values)
    agreeing: list[set[int]] = [set() for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if _agrees(values[i], values[j], tolerance):
                agreeing[i].add(j)
                agreeing[j].add(i)
    neighbours = [frozenset(s) for s in agreeing]
    remaining = frozenset(range(n))
    clusters: list[tuple[int, ...]] = []
    while remaining:
        clique = _best_clique(remaining, neighbours)
        clusters.append(clique)
        remaining = remaining - set(clique)
    if not clusters:
        return OddOnesOut((), (), ())
    majority = clusters[0]
    odd = tuple(sorted(set(range(n)) - set(majority)))
    return OddOnesOut(majority, odd, tuple(clusters))
