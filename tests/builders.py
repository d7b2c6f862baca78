"""Builders shared by the engine tests: a figure made by hand, and a field-by-field check."""

from __future__ import annotations

from typing import Any

import pytest

from pytest_briefcheck.figures import Figure


def fig(
    value: float,
    unit: str = "",
    *,
    p: float | None = None,
    q: str = "=",
    low: float | None = None,
    high: float | None = None,
    near: bool = False,
    basis: str | None = None,
    kind: str = "number",
    text: str = "",
    lang: str = "en",
) -> Figure:
    """A figure; ``p`` given means rounded to that step, omitted means exact."""
    if q in (">", ">=") and low is None:
        low = value
    if q in ("<", "<=") and high is None:
        high = value
    return Figure(
        text=text or f"{value:g} {unit}".strip(),
        span=(0, 0),
        value=value,
        unit=unit,
        qualifier=q,
        low=low,
        high=high,
        precision=p if p is not None else 1.0,
        exact=p is None,
        near=near,
        basis=basis,
        kind=kind,
        lang=lang,
    )


def check(figure: Figure, **expected: Any) -> None:
    for name, want in expected.items():
        got = getattr(figure, name)
        if isinstance(want, float) and got is not None:
            assert got == pytest.approx(want, rel=1e-12), (name, figure)
        else:
            assert got == want, (name, figure)
