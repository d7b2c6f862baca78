"""Figures: every number, unit, qualifier and basis in English and Chinese text.

CONTRACT (fixed; other modules rely on it). The parser below is being written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pint import Quantity

QUALIFIERS = ("=", "~", ">", ">=", "<", "<=", "range")
BASES = ("per_year", "per_day", "per_month", "total")


@dataclass(frozen=True)
class Figure:
    """One figure as the wording states it.

    ``value`` is the magnitude with scale words folded in (5.2e9 for
    "5.2 billion", the low end for a range); ``unit`` is a string the package's
    pint registry parses ("" for a plain count). ``low``/``high`` are the bounds
    the wording states (3000 and None for "more than 3,000"; both ends of a
    range; value and value for "="). ``precision`` is the step of the last
    stated digit, in the same units as ``value`` (1e8 for "5.2 billion", 1 for
    "3,000", 0.1 for "7.9%"); ``exact`` is true when the number is written out
    to its last unit ("311", "3,000", "twenty-five", "a third"), so it admits
    only itself.
    """

    text: str
    span: tuple[int, int]
    value: float
    unit: str
    qualifier: str = "="
    low: float | None = None
    high: float | None = None
    precision: float = 1.0
    exact: bool = True
    near: bool = False  # "nearly 7,000", "近7000": the value lies just below (or above) the bound
    basis: str | None = None
    kind: str = "number"  # "number" | "percent" | "fraction" | "multiple"
    lang: str = "en"

    @property
    def quantity(self) -> Quantity:
        from .units import quantity

        return quantity(self.value, self.unit)

    def describe(self) -> str:
        """The normalized value in one short line, e.g. ``> 3000``, ``~ 5.2e9 t (per_year)``."""
        raise NotImplementedError

    def as_dict(self) -> dict[str, Any]:
        raise NotImplementedError
