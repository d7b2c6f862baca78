"""The package's pint registry and the unit vocabulary of briefings.

The registry is built once per process, on first use; importing this module
does not import pint. Currencies and TEU are base dimensions of their own, so
yuan never converts into dollars and a container count never into tonnes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pint import Quantity, UnitRegistry

_DEFINITIONS = (
    "CNY = [currency_cny] = yuan = RMB = renminbi",
    "USD = [currency_usd] = US_dollar = dollar_us",
    "EUR = [currency_eur] = euro",
    "JPY = [currency_jpy] = yen",
    "GBP = [currency_gbp] = pound_sterling",
    "HKD = [currency_hkd]",
    "TEU = [container] = twenty_foot_equivalent_unit",
    "working_day = day",
    "percentage_point = [percentage_point] = pp",
)


@lru_cache(maxsize=1)
def registry() -> UnitRegistry:
    """The package's unit registry (built once per process)."""
    import pint

    units = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for definition in _DEFINITIONS:
        units.define(definition)
    return units


@lru_cache(maxsize=512)
def _unit(unit: str) -> Any:
    return registry().Unit(unit) if unit else registry().dimensionless


def quantity(value: float, unit: str) -> Quantity:
    """``value`` in ``unit`` ("" for a plain count) as a Quantity of the package registry."""
    return registry().Quantity(value, _unit(unit))


def same_dimension(unit_a: str, unit_b: str) -> bool:
    return bool(_unit(unit_a).dimensionality == _unit(unit_b).dimensionality)


@lru_cache(maxsize=512)
def _base(unit: str) -> tuple[float, str]:
    base = quantity(1.0, unit).to_base_units()
    return float(base.magnitude), f"{base.units:~}" if str(base.units) != "dimensionless" else ""


def to_base(value: float, unit: str) -> tuple[float, str]:
    """The value in base units, and the base unit's symbol ("" when dimensionless)."""
    factor, base = _base(unit)
    return value * factor, base
