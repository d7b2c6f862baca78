"""Shared by the engine tests: a figure made by hand, a field-by-field check, a time bound."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


BLOW_UP_BOUND = 15.0  # seconds; regex blow-ups and endless loops take minutes or forever


@contextmanager
def within(seconds: float = BLOW_UP_BOUND) -> Iterator[None]:
    """Fail the test if the block runs longer than ``seconds``, and stop it there.

    A bound against blow-up, not a speed target (speed is benchmarked): the block is
    interrupted by a timer signal, so an endless loop fails instead of hanging the run.
    """

    def expire(signum: int, frame: object) -> None:
        pytest.fail(f"still running after {seconds:g} s: a blow-up or an endless loop")

    armed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if armed:
        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"took {elapsed:.1f} s, bound {seconds:g} s"
