"""The unit registry and the unit vocabulary."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pytest_briefcheck import units
from pytest_briefcheck.errors import BriefcheckValueError
from pytest_briefcheck.figures import parse_figures


def test_registry_is_built_once() -> None:
    assert units.registry() is units.registry()


def test_importing_units_does_not_import_pint() -> None:
    code = "import sys, pytest_briefcheck.units; print('pint' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


VOCABULARY = sorted(
    {
        *units.EN_UNIT_WORDS.values(),
        *units.UNIT_SYMBOLS.values(),
        *units.ZH_UNITS.values(),
        *units.CURRENCY_PREFIXES.values(),
    }
)


@pytest.mark.parametrize("unit", VOCABULARY)
def test_every_unit_of_the_vocabulary_parses(unit: str) -> None:
    assert units.quantity(1.0, unit).magnitude == 1.0


@pytest.mark.parametrize("unit", VOCABULARY)
def test_every_unit_divided_by_a_day_parses(unit: str) -> None:
    assert units.same_dimension(f"{unit}/day", f"{unit}/hour")


@pytest.mark.parametrize(
    ("unit", "base_value", "base_unit"),
    [
        ("t", 1000.0, "kilogram"),
        ("kg", 1.0, "kilogram"),
        ("km", 1000.0, "meter"),
        ("km**2", 1e6, "meter ** 2"),
        ("hectare", 1e4, "meter ** 2"),
        ("mu", 10000 / 15, "meter ** 2"),
        ("jin", 0.5, "kilogram"),
        ("day", 86400.0, "second"),
        ("working_day", 86400.0, "second"),
        ("hour", 3600.0, "second"),
        ("CNY", 1.0, "CNY"),
        ("USD", 1.0, "USD"),
        ("TEU", 1.0, "TEU"),
        ("percent", 0.01, "dimensionless"),
        ("", 1.0, "dimensionless"),
        ("percentage_point", 1.0, "percentage_point"),
        ("1/day", 1 / 86400, "1 / second"),
    ],
)
def test_to_base(unit: str, base_value: float, base_unit: str) -> None:
    value, name = units.to_base(1.0, unit)
    assert value == pytest.approx(base_value)
    assert name == base_unit


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("CNY", "USD", False),
        ("CNY", "EUR", False),
        ("USD", "EUR", False),
        ("CNY", "yuan", True),
        ("CNY", "RMB", True),
        ("t", "kg", True),
        ("t", "CNY", False),
        ("TEU", "t", False),
        ("TEU", "", False),
        ("day", "working_day", True),
        ("day", "year", True),
        ("km", "km**2", False),
        ("percent", "", True),
        ("percent", "percentage_point", False),
        ("1/day", "1/year", True),
        ("1/day", "", False),
        ("CNY/day", "CNY", False),
    ],
)
def test_same_dimension(a: str, b: str, same: bool) -> None:
    assert units.same_dimension(a, b) is same


def test_currencies_never_convert() -> None:
    with pytest.raises(Exception):  # noqa: B017 - pint's DimensionalityError
        units.quantity(1.0, "CNY").to("USD")


def test_a_working_day_is_a_day() -> None:
    assert units.quantity(3.0, "working_day").to("day").magnitude == pytest.approx(3.0)


@pytest.mark.parametrize("unit", ["parsecs of yuan", "kg**", "1/", "no such unit"])
def test_unknown_units_are_value_errors(unit: str) -> None:
    with pytest.raises(BriefcheckValueError, match="unknown unit"):
        units.quantity(1.0, unit)


def test_a_unit_must_be_text() -> None:
    with pytest.raises(BriefcheckValueError):
        units.quantity(1.0, 5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("5.2 billion metric tons", (5.2e12, "kilogram")),
        ("41.5 trillion yuan", (4.15e13, "CNY")),
        ("3,000 square kilometers", (3e9, "meter ** 2")),
        ("3个工作日", (259200.0, "second")),
        ("300万标箱", (3e6, "TEU")),
        ("80%", (0.8, "dimensionless")),
    ],
)
def test_figures_convert_through_the_registry(text: str, quantity: tuple[float, str]) -> None:
    (figure,) = parse_figures(text)
    value, name = units.to_base(figure.value, figure.unit)
    assert (value, name) == (pytest.approx(quantity[0]), quantity[1])
