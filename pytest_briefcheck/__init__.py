"""pytest-briefcheck: fact-consistency checks for press briefings.

The engine is importable from here; names load on first use, so importing the
package (as pytest does for the plugin) imports neither pint nor dateparser.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    BriefcheckError,
    BriefcheckValueError,
    ClaimFileError,
    RelationError,
    SourceError,
)

if TYPE_CHECKING:
    from .dates import DateValue, parse_date
    from .figures import Figure, parse_figure, parse_figures

__all__ = [
    "BriefcheckError",
    "BriefcheckValueError",
    "ClaimFileError",
    "DateValue",
    "Figure",
    "RelationError",
    "SourceError",
    "parse_date",
    "parse_figure",
    "parse_figures",
]

_LAZY = {
    "parse_figures": "figures",
    "parse_figure": "figures",
    "Figure": "figures",
    "parse_date": "dates",
    "DateValue": "dates",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pytest_briefcheck' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
