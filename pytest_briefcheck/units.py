"""Units: the package's pint registry and the words that name its units.

The registry is built once per process, on first use: importing this module
does not import pint, so the figure parser can read unit words as plain
strings and leave every pint object to :func:`quantity` and friends.

Currencies are base dimensions of their own (``[currency_CNY]``,
``[currency_USD]`` ...), so no amount of yuan ever converts into dollars; a
container (``TEU``) and a percentage point are base dimensions too. A working
day is a day of time; ``mu`` (亩) is a fifteenth of a hectare.

The vocabulary tables map what a text says after a number to the unit string
the registry parses ("" for a plain count):

===============================================  ===================
wording                                          unit
===============================================  ===================
yuan, RMB, renminbi, 元, 人民币, ¥               ``CNY``
U.S. dollars, US$, $, dollars, 美元              ``USD``
euros, €, 欧元                                   ``EUR``
metric tons, tonnes, tons, 吨                    ``t``
TEU(s), 标箱, 标准箱                              ``TEU``
kilometers, km, 公里                             ``km``
km/h                                             ``km/hour``
kilowatts, megawatts, 千瓦, 兆瓦 ...               ``kW``, ``MW``, ``GW``
barrels, bbl, 桶                                 ``oil_barrel``
square kilometers, km², 平方公里                  ``km**2``
hours, 小时 / days, 天, 日 / working days, 工作日   ``hour`` / ``day`` / ``working_day``
years, 年 (a duration: "three years")            ``year``
percent, %, 百分之…                               ``percent``
percentage points, 个百分点                        ``percentage_point``
items, enterprises, cases, 个, 项, 家, 批, 人次 …  ``""`` (a plain count)
===============================================  ===================

"per day", "a day", "daily", "每天", "每日" right after a unit divide it by a
day ("26 million declarations per day" is ``26e6 1/day``); "per year",
"a year", "per month" likewise.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import BriefcheckValueError

if TYPE_CHECKING:
    from pint import Quantity, UnitRegistry

# Definitions added to pint's defaults. Each currency is its own base dimension.
DEFINITIONS = (
    "CNY = [currency_CNY] = _ = yuan = RMB = renminbi",
    "USD = [currency_USD] = _ = US_dollar",
    "EUR = [currency_EUR] = _ = euro",
    "JPY = [currency_JPY] = _ = Japanese_yen",
    "HKD = [currency_HKD] = _ = Hong_Kong_dollar",
    "GBP = [currency_GBP] = _ = pound_sterling",
    "AUD = [currency_AUD] = _ = Australian_dollar",
    "CAD = [currency_CAD] = _ = Canadian_dollar",
    "SGD = [currency_SGD] = _ = Singapore_dollar",
    "CHF = [currency_CHF] = _ = Swiss_franc",
    "RUB = [currency_RUB] = _ = ruble",
    "KRW = [currency_KRW] = _ = won",
    "INR = [currency_INR] = _ = rupee",
    "THB = [currency_THB] = _ = baht",
    "TEU = [container] = _ = twenty_foot_equivalent_unit",
    "percentage_point = [percentage_point]",
    "working_day = day = _ = workday",
    "mu = 10000 / 15 * meter ** 2",
    "jin = 0.5 * kilogram",
)

# -- vocabulary (plain strings; the parser never touches pint) ---------------------------------

# English unit words after a number, matched case-insensitively; white space inside
# a key matches any run of white space.
EN_UNIT_WORDS: dict[str, str] = {
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "yuan (rmb)": "CNY",
    "cny": "CNY",
    "u.s. dollars": "USD",
    "u.s. dollar": "USD",
    "us dollars": "USD",
    "us dollar": "USD",
    "american dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "yen": "JPY",
    "japanese yen": "JPY",
    "jpy": "JPY",
    "hong kong dollars": "HKD",
    "hk dollars": "HKD",
    "hkd": "HKD",
    "pounds sterling": "GBP",
    "gbp": "GBP",
    "australian dollars": "AUD",
    "australian dollar": "AUD",
    "aud": "AUD",
    "canadian dollars": "CAD",
    "canadian dollar": "CAD",
    "cad": "CAD",
    "singapore dollars": "SGD",
    "singapore dollar": "SGD",
    "sgd": "SGD",
    "swiss francs": "CHF",
    "swiss franc": "CHF",
    "chf": "CHF",
    "rubles": "RUB",
    "ruble": "RUB",
    "roubles": "RUB",
    "rouble": "RUB",
    "rub": "RUB",
    "won": "KRW",
    "krw": "KRW",
    "rupees": "INR",
    "rupee": "INR",
    "inr": "INR",
    "baht": "THB",
    "thb": "THB",
    "metric tons": "t",
    "metric ton": "t",
    "metric tonnes": "t",
    "metric tonne": "t",
    "tonnes": "t",
    "tonne": "t",
    "tons": "t",
    "ton": "t",
    "kilograms": "kg",
    "kilogram": "kg",
    "kilogrammes": "kg",
    "jin": "jin",
    "grams": "g",
    "gram": "g",
    "teus": "TEU",
    "teu": "TEU",
    "twenty-foot equivalent units": "TEU",
    "twenty-foot equivalent unit": "TEU",
    "square kilometers": "km**2",
    "square kilometres": "km**2",
    "square kilometer": "km**2",
    "square kilometre": "km**2",
    "sq km": "km**2",
    "square meters": "m**2",
    "square metres": "m**2",
    "square meter": "m**2",
    "square metre": "m**2",
    "cubic meters": "m**3",
    "cubic metres": "m**3",
    "cubic meter": "m**3",
    "cubic metre": "m**3",
    "hectares": "hectare",
    "hectare": "hectare",
    "kilometers": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometre": "km",
    "meters": "m",
    "metres": "m",
    "meter": "m",
    "metre": "m",
    "kilowatt-hours": "kWh",
    "kilowatt-hour": "kWh",
    "kilowatt hours": "kWh",
    "kilowatts": "kW",
    "kilowatt": "kW",
    "megawatts": "MW",
    "megawatt": "MW",
    "gigawatts": "GW",
    "gigawatt": "GW",
    "barrels": "oil_barrel",
    "barrel": "oil_barrel",
    "working days": "working_day",
    "working day": "working_day",
    "business days": "working_day",
    "business day": "working_day",
    "workdays": "working_day",
    "workday": "working_day",
    "years": "year",
    "year": "year",
    "months": "month",
    "month": "month",
    "weeks": "week",
    "week": "week",
    "days": "day",
    "day": "day",
    "hours": "hour",
    "hour": "hour",
    "hrs": "hour",
    "minutes": "minute",
    "minute": "minute",
    "mins": "minute",
    "seconds": "second",
    "second": "second",
}

# Unit symbols after a number, matched case-sensitively (the ``expect`` notation of
# claim files writes registry symbols: "5.2 billion t", "15.2 km**2", "26 million 1/day").
UNIT_SYMBOLS: dict[str, str] = {
    "t": "t",
    "kg": "kg",
    "km": "km",
    "km**2": "km**2",
    "km2": "km**2",
    "km²": "km**2",
    "m**2": "m**2",
    "m²": "m**2",
    "m**3": "m**3",
    "m³": "m**3",
    "ha": "hectare",
    "kWh": "kWh",
    "kW": "kW",
    "MW": "MW",
    "GW": "GW",
    "km/h": "km/hour",
    "bbl": "oil_barrel",
    "oil_barrel": "oil_barrel",
    "CNY": "CNY",
    "RMB": "CNY",
    "USD": "USD",
    "EUR": "EUR",
    "JPY": "JPY",
    "HKD": "HKD",
    "GBP": "GBP",
    "AUD": "AUD",
    "CAD": "CAD",
    "SGD": "SGD",
    "CHF": "CHF",
    "RUB": "RUB",
    "KRW": "KRW",
    "INR": "INR",
    "THB": "THB",
    "TEU": "TEU",
    "TEUs": "TEU",
    "h": "hour",
    "min": "minute",
    "percent": "percent",
    "percentage_point": "percentage_point",
    "working_day": "working_day",
    "hour": "hour",
    "minute": "minute",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "hectare": "hectare",
    "mu": "mu",
    "jin": "jin",
}

# Chinese unit words right after a number (longest match wins).
ZH_UNITS: dict[str, str] = {
    "元人民币": "CNY",
    "人民币元": "CNY",
    "人民币": "CNY",
    "元": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "日元": "JPY",
    "港元": "HKD",
    "港币": "HKD",
    "英镑": "GBP",
    "澳大利亚元": "AUD",
    "澳元": "AUD",
    "加拿大元": "CAD",
    "加元": "CAD",
    "新加坡元": "SGD",
    "瑞士法郎": "CHF",
    "卢布": "RUB",
    "韩元": "KRW",
    "卢比": "INR",
    "泰铢": "THB",
    "公吨": "t",
    "吨": "t",
    "公斤": "kg",
    "斤": "jin",
    "千克": "kg",
    "标准箱": "TEU",
    "标箱": "TEU",
    "平方公里": "km**2",
    "平方千米": "km**2",
    "平方米": "m**2",
    "立方米": "m**3",
    "公顷": "hectare",
    "亩": "mu",
    "公里": "km",
    "千米": "km",
    "米": "m",
    "千瓦时": "kWh",
    "度电": "kWh",
    "千瓦": "kW",
    "兆瓦": "MW",
    "吉瓦": "GW",
    "桶": "oil_barrel",
    "个工作日": "working_day",
    "工作日": "working_day",
    "个小时": "hour",
    "小时": "hour",
    "个钟头": "hour",
    "分钟": "minute",
    "秒钟": "second",
    "秒": "second",
    "个月": "month",
    "个星期": "week",
    "星期": "week",
    "周": "week",
    "天": "day",
    "日": "day",
    "年": "year",
}

# Currency signs and codes written before the number ("$5 billion", "RMB 3 trillion").
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "$": "USD",
    "USD": "USD",
    "HK$": "HKD",
    "€": "EUR",
    "A$": "AUD",
    "C$": "CAD",
    "S$": "SGD",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "EUR": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "￥": "CNY",
    "RMB": "CNY",
    "CNY": "CNY",
}

# What a count counts: the figure stays a plain number (unit ""), the word joins its text.
_COUNT_NOUN_WORDS = """
person-times person-time man-hours
item items enterprise enterprises company companies firm firms business businesses case
cases batch batches person persons people individual individuals country countries
region regions economy economies city cities province provinces port ports measure
measures service services user users declaration declarations document documents type
types category categories kind kinds project projects product products mechanism
mechanisms session sessions agreement agreements partner partners member members
visitor visitors traveler travelers traveller travellers passenger passengers tourist
tourists trip trips flight flights vessel vessels ship ships vehicle vehicles train
trains container containers center centers centre centres zone zones platform platforms
department departments agency agencies organization organizations institution
institutions ministry ministries commission commissions initiative initiatives program
programs programme programmes policy policies law laws regulation regulations standard
standards rule rules certificate certificates application applications shipment
shipments consignment consignments parcel parcels package packages piece pieces unit
units job jobs worker workers employee employees official officials officer officers
staff student students resident residents household households village villages county
counties district districts market markets store stores shop shops route routes line
lines channel channels corridor corridors scenario scenarios task tasks action actions
campaign campaigns event events meeting meetings visit visits inspection inspections
seizure seizures suspect suspects gang gangs entity entities brand brands patent
patents license licenses licence licences contract contracts deal deals
"""
EN_COUNT_NOUNS = frozenset(_COUNT_NOUN_WORDS.split())

ZH_COUNTERS = (
    "方面",
    "家次",
    "人次",
    "架次",
    "艘次",
    "辆次",
    "个",
    "项",
    "家",
    "批",
    "人",
    "件",
    "起",
    "种",
    "座",
    "条",
    "票",
    "辆",
    "艘",
    "架",
    "列",
    "次",
    "所",
    "名",
    "位",
    "户",
    "只",
    "台",
    "套",
    "份",
    "场",
    "类",
    "张",
    "宗",
    "笔",
    "单",
    "款",
    "部",
    "处",
    "头",
    "箱",
    "包",
    "篇",
    "轮",
    "趟",
    "班",
    "周岁",
    "岁",
    "大",
)

# The period a "per ..." divides by, and the basis it implies.
PERIOD_UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "天": "day",
    "日": "day",
    "year": "year",
    "annum": "year",
    "年": "year",
    "month": "month",
    "月": "month",
    "week": "week",
    "周": "week",
    "hour": "hour",
    "小时": "hour",
}
PERIOD_BASIS: dict[str, str] = {"day": "per_day", "year": "per_year", "month": "per_month"}


# -- the registry ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def registry() -> UnitRegistry:
    """The package's unit registry: pint's defaults plus :data:`DEFINITIONS`, built once."""
    import pint

    reg = pint.UnitRegistry()
    for line in DEFINITIONS:
        reg.define(line)
    return reg


@lru_cache(maxsize=512)
def _parsed(unit: str) -> Any:
    try:
        return registry().parse_units(unit or "dimensionless")
    except Exception as exc:  # pint raises several unrelated types for a bad unit string
        raise BriefcheckValueError(f"unknown unit '{unit}': {exc}") from None


def quantity(value: float, unit: str) -> Quantity:
    """``value`` in ``unit`` ("" for a plain number) as a pint Quantity."""
    if not isinstance(unit, str):
        raise BriefcheckValueError(f"a unit is a string, not {unit!r}")
    return registry().Quantity(value, _parsed(unit))


def same_dimension(unit_a: str, unit_b: str) -> bool:
    """True when the two units measure the same thing (so they convert)."""
    return bool(_parsed(unit_a).dimensionality == _parsed(unit_b).dimensionality)


def to_base(value: float, unit: str) -> tuple[float, str]:
    """``value`` in base units, and the base unit's name ("dimensionless" for a number)."""
    base = quantity(value, unit).to_base_units()
    magnitude = float(base.magnitude)
    if not math.isfinite(magnitude):
        raise BriefcheckValueError(f"'{value} {unit}' has no finite value in base units")
    return magnitude, str(base.units)
