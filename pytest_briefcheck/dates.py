"""Dates: days, months, quarters, years and named periods, in English and Chinese.

CONTRACT (fixed; other modules rely on it). The parser below is being written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

GRANULARITIES = ("day", "month", "quarter", "half", "year", "period")


@dataclass(frozen=True)
class DateValue:
    """A date or period: ``start`` and ``end`` inclusive (equal for one day)."""

    start: dt.date
    end: dt.date
    text: str = ""
    span: tuple[int, int] = (0, 0)
    granularity: str = "day"
    relative: bool = False  # True when the year (or more) came from ``base``
