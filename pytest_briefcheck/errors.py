"""The one exception family of briefcheck.

Every error a user can cause (a bad claim file, an unreadable source, a figure
that cannot be read) is a :class:`BriefcheckError`. Its text reads like a
compiler message: ``path:line:col: what is wrong`` followed by what to do.
"""

from __future__ import annotations


class BriefcheckError(Exception):
    """Base of every error briefcheck reports to a user."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.hint = hint

    @property
    def location(self) -> str:
        """``path:line:col`` as far as it is known, or an empty string."""
        if self.path is None:
            return ""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class BriefcheckValueError(BriefcheckError, ValueError):
    """A figure, date or expectation that cannot be read."""


class ClaimFileError(BriefcheckError):
    """A claim file (or the source registry) that is malformed."""


class SourceError(BriefcheckError):
    """A source document that cannot be found, read or decoded."""


class RelationError(BriefcheckError):
    """A relation expression that cannot be parsed or evaluated."""
