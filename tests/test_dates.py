"""The date engine: spans, parsing, placement against a base date, bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest
from builders import within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_briefcheck.dates import (
    _ABBR_MONTHS,
    _FULL_MONTHS,
    DateValue,
    _mentions,
    date_spans,
    find_dates,
    parse_date,
)
from pytest_briefcheck.errors import BriefcheckValueError

D = dt.date
BASE = D(2025, 8, 25)  # the customs briefing was held on Aug. 25, 2025
THURSDAY = D(2025, 11, 20)

# text, start, end, granularity: dates that carry their own year (relative=False, any base)
EXPLICIT = [
    ("Aug. 25, 2025", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("December 16, 2025", D(2025, 12, 16), D(2025, 12, 16), "day"),
    ("Dec. 18th, 2025", D(2025, 12, 18), D(2025, 12, 18), "day"),
    ("Sept. 3, 2025", D(2025, 9, 3), D(2025, 9, 3), "day"),
    ("SEPT. 3, 2025", D(2025, 9, 3), D(2025, 9, 3), "day"),
    ("May 8, 2025", D(2025, 5, 8), D(2025, 5, 8), "day"),
    ("Monday, August 25, 2025", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("25 August 2025", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("the 25th of August, 2025", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("August 26, 2025 09:15", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("2025-08-25", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("2025-08-26 00:10", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("2025-08-26T10:12:48+08:00", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("2025/8/26", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("2025.08.26", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("25.08.2025", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("08/25/2025", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("Aug. 25-27, 2025", D(2025, 8, 25), D(2025, 8, 27), "period"),
    ("August 2025", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("Feb. 2024", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("2025-08", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("From January to July 2025", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("January-July 2025", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("between January and March 2024", D(2024, 1, 1), D(2024, 3, 31), "period"),
    ("the first seven months of 2025", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("the first three quarters of 2024", D(2024, 1, 1), D(2024, 9, 30), "period"),
    ("Q1 2025", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("Q4, 2024", D(2024, 10, 1), D(2024, 12, 31), "quarter"),
    ("2025Q2", D(2025, 4, 1), D(2025, 6, 30), "quarter"),
    ("the first quarter of 2025", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("the third quarter of 2024", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    ("the first half of 2025", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("the second half of 2024", D(2024, 7, 1), D(2024, 12, 31), "half"),
    ("H1 2025", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("in 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("compared to 2020", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("by mid-2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("the 2030 target", D(2030, 1, 1), D(2030, 12, 31), "year"),
    ("2021-2025", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("2021 to 2025", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("between 2016 and 2020", D(2016, 1, 1), D(2020, 12, 31), "period"),
    ("2020-21", D(2020, 1, 1), D(2021, 12, 31), "period"),
    ("the 14th Five-Year Plan period", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("the 14th Five-Year Plan (2021-2025)", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("Since the launch of the 14th Five-Year Plan,", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("the 15th Five-Year Plan period", D(2026, 1, 1), D(2030, 12, 31), "period"),
    ("the 13th Five-Year Plan", D(2016, 1, 1), D(2020, 12, 31), "period"),
    ("the Fourteenth Five-Year Plan", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("the 3rd five-year plan", D(1966, 1, 1), D(1970, 12, 31), "period"),
    ("the first Five-Year Plan", D(1953, 1, 1), D(1957, 12, 31), "period"),
    ("the 14th FYP", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("2025年8月25日", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("2025年08月26日", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("２０２５年８月２５日", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("2025年8月25号", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("2025年08月26日05:16", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("二〇二五年八月二十五日", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("二零二五年十二月三十一日", D(2025, 12, 31), D(2025, 12, 31), "day"),
    ("二〇二四年二月二十九日", D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("2025年8月", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("2025年12月份", D(2025, 12, 1), D(2025, 12, 31), "month"),
    ("2025年1-7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("2025年1至7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("2025年1月至7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("2025年前7个月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("2025年一季度", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("2025年第三季度", D(2025, 7, 1), D(2025, 9, 30), "quarter"),
    ("2024年前三季度", D(2024, 1, 1), D(2024, 9, 30), "period"),
    ("2025年上半年", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("2024年下半年", D(2024, 7, 1), D(2024, 12, 31), "half"),
    ("2024年", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("二〇二五年", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("2021—2025年", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("2021年至2025年", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("十四五", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("“十四五”以来", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("十四五时期", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("十五五规划", D(2026, 1, 1), D(2030, 12, 31), "period"),
    ("第十四个五年规划", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("the 14th Five-Year Plan (2021-25)", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("截至2025年7月底", D(2025, 7, 1), D(2025, 7, 31), "month"),
    ("Jan.-Jul. 2025", D(2025, 1, 1), D(2025, 7, 31), "period"),
    # runs of days: within one month, across months, across the new year
    ("Dec. 3 to 5, 2025", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("December 3 through 5, 2025", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("from 3 to 5 December 2025", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("3-5 December 2025", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("from November 28 to December 2, 2025", D(2025, 11, 28), D(2025, 12, 2), "period"),
    ("Nov. 28-Dec. 2, 2025", D(2025, 11, 28), D(2025, 12, 2), "period"),
    ("from December 28 to January 3, 2026", D(2025, 12, 28), D(2026, 1, 3), "period"),
    ("Dec. 28, 2025 to Jan. 3, 2026", D(2025, 12, 28), D(2026, 1, 3), "period"),
    ("Dec. 28, 2025 to Jan. 3", D(2025, 12, 28), D(2026, 1, 3), "period"),
    ("between Nov. 3 and Dec. 5, 2025", D(2025, 11, 3), D(2025, 12, 5), "period"),
    ("2025年12月3日至5日", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("2025年12月3—5日", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("2025年12月3日-5日", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("2025年11月28日至12月2日", D(2025, 11, 28), D(2025, 12, 2), "period"),
    ("2025年12月28日至2026年1月3日", D(2025, 12, 28), D(2026, 1, 3), "period"),
    ("12月28日至2026年1月3日", D(2025, 12, 28), D(2026, 1, 3), "period"),
    # title case, as in headlines
    ("the First Three Quarters of 2025", D(2025, 1, 1), D(2025, 9, 30), "period"),
    ("the First Half of 2025", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("the Third Quarter of 2024", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    # ISO 8601 intervals, as claim files state periods; the granularity is the unit covered
    ("2021-01-01/2025-12-31", D(2021, 1, 1), D(2025, 12, 31), "period"),
    ("2025-01-01/2025-03-31", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("2025-01-01--2025-06-30", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("2025-01/2025-07", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("2024-02-01/2024-02-29", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("2024-01-01/2024-12-31", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("2025-08-25/2025-08-27", D(2025, 8, 25), D(2025, 8, 27), "period"),
    # thirds of a month: days 1-10, 11-20, 21 to the end
    ("early October 2025", D(2025, 10, 1), D(2025, 10, 10), "period"),
    ("mid-Oct. 2025", D(2025, 10, 11), D(2025, 10, 20), "period"),
    ("in late February 2024", D(2024, 2, 21), D(2024, 2, 29), "period"),
    ("Late October, 2025", D(2025, 10, 21), D(2025, 10, 31), "period"),
    ("2025年10月下旬", D(2025, 10, 21), D(2025, 10, 31), "period"),
    ("2025年11月中旬", D(2025, 11, 11), D(2025, 11, 20), "period"),
    ("二〇二五年十月上旬", D(2025, 10, 1), D(2025, 10, 10), "period"),
    # a weekday beside its date: the date is the one mention
    ("Tuesday, Nov. 18, 2025", D(2025, 11, 18), D(2025, 11, 18), "day"),
    ("2025年11月18日（星期二）", D(2025, 11, 18), D(2025, 11, 18), "day"),
]


@pytest.mark.parametrize(("text", "start", "end", "granularity"), EXPLICIT)
@pytest.mark.parametrize("base", [None, BASE], ids=["no-base", "base"])
def test_explicit_dates(
    text: str, start: dt.date, end: dt.date, granularity: str, base: dt.date | None
) -> None:
    value = parse_date(text, base=base)
    assert (value.start, value.end, value.granularity) == (start, end, granularity)
    assert value.relative is False
    assert text[value.span[0] : value.span[1]] == value.text


# text, start, end, granularity: the year (or more) comes from BASE (relative=True)
RELATIVE = [
    ("Dec. 18", D(2025, 12, 18), D(2025, 12, 18), "day"),
    ("on Dec. 18.", D(2025, 12, 18), D(2025, 12, 18), "day"),
    ("May 8", D(2025, 5, 8), D(2025, 5, 8), "day"),
    ("Sept. 3", D(2025, 9, 3), D(2025, 9, 3), "day"),
    ("the 14th of March", D(2025, 3, 14), D(2025, 3, 14), "day"),
    ("Feb. 29", D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("in April this year", D(2025, 4, 1), D(2025, 4, 30), "month"),
    ("April of last year", D(2024, 4, 1), D(2024, 4, 30), "month"),
    ("in April", D(2025, 4, 1), D(2025, 4, 30), "month"),
    ("by the end of June", D(2025, 6, 1), D(2025, 6, 30), "month"),
    ("in December", D(2025, 12, 1), D(2025, 12, 31), "month"),
    ("December", D(2025, 12, 1), D(2025, 12, 31), "month"),
    ("From January to July this year", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("From January to July", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("in the January-July period", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("the first seven months of this year", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("the first 7 months", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("the first three quarters of last year", D(2024, 1, 1), D(2024, 9, 30), "period"),
    ("this year", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("this year's government work report", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("next year", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("this month", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("last month", D(2025, 7, 1), D(2025, 7, 31), "month"),
    ("Today's briefing", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("yesterday", D(2025, 8, 24), D(2025, 8, 24), "day"),
    ("the first quarter", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("the first quarter of this year", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("the fourth quarter of last year", D(2024, 10, 1), D(2024, 12, 31), "quarter"),
    ("Q1", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("Q4", D(2025, 10, 1), D(2025, 12, 31), "quarter"),
    ("the first half", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("the first half of the year", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("in the second half of this year", D(2025, 7, 1), D(2025, 12, 31), "half"),
    ("今年", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("去年", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("明年", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("12月18日", D(2025, 12, 18), D(2025, 12, 18), "day"),
    ("十二月十八日", D(2025, 12, 18), D(2025, 12, 18), "day"),
    ("25日", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("今年4月", D(2025, 4, 1), D(2025, 4, 30), "month"),
    ("8月份", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("1-7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("1—7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("1至7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("今年1-7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("前7个月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("前七个月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("前两个月", D(2025, 1, 1), D(2025, 2, 28), "period"),
    ("前三季度", D(2025, 1, 1), D(2025, 9, 30), "period"),
    ("一季度", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    ("第二季度", D(2025, 4, 1), D(2025, 6, 30), "quarter"),
    ("去年四季度", D(2024, 10, 1), D(2024, 12, 31), "quarter"),
    ("上半年", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("今年上半年", D(2025, 1, 1), D(2025, 6, 30), "half"),
    ("下半年", D(2025, 7, 1), D(2025, 12, 31), "half"),
    ("前7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("一至七月", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("1-7月份", D(2025, 1, 1), D(2025, 7, 31), "period"),
    ("今年以来", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("本月", D(2025, 8, 1), D(2025, 8, 31), "month"),
    ("上个月", D(2025, 7, 1), D(2025, 7, 31), "month"),
    ("昨天", D(2025, 8, 24), D(2025, 8, 24), "day"),
    ("国务院新闻办公室25日举行新闻发布会", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("BEIJING, Aug. 25 (Xinhua) --", D(2025, 8, 25), D(2025, 8, 25), "day"),
    ("the fair runs from Dec. 3 to 5.", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("Nov. 28 to Dec. 2", D(2025, 11, 28), D(2025, 12, 2), "period"),
    ("from December 28 to January 3", D(2025, 12, 28), D(2026, 1, 3), "period"),
    ("12月3日至5日", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("12月3—5日", D(2025, 12, 3), D(2025, 12, 5), "period"),
    ("11月5日到10日", D(2025, 11, 5), D(2025, 11, 10), "period"),  # 10日 is November's
    ("9月1日至10月31日", D(2025, 9, 1), D(2025, 10, 31), "period"),
    ("12月28日至1月3日", D(2025, 12, 28), D(2026, 1, 3), "period"),
    ("the First Seven Months", D(2025, 1, 1), D(2025, 7, 31), "period"),
    # weeks run Monday to Sunday; BASE is a Monday
    ("last week", D(2025, 8, 18), D(2025, 8, 24), "week"),
    ("This week, the ministry", D(2025, 8, 25), D(2025, 8, 31), "week"),
    ("next week", D(2025, 9, 1), D(2025, 9, 7), "week"),
    ("上周，海关总署发布", D(2025, 8, 18), D(2025, 8, 24), "week"),
    ("本周", D(2025, 8, 25), D(2025, 8, 31), "week"),
    ("下个星期", D(2025, 9, 1), D(2025, 9, 7), "week"),
    # thirds of a month; "the end of" a month is the month
    ("in late July", D(2025, 7, 21), D(2025, 7, 31), "period"),
    ("early August", D(2025, 8, 1), D(2025, 8, 10), "period"),
    ("mid-June", D(2025, 6, 11), D(2025, 6, 20), "period"),
    ("mid June", D(2025, 6, 11), D(2025, 6, 20), "period"),
    ("late October of last year", D(2024, 10, 21), D(2024, 10, 31), "period"),
    ("7月下旬", D(2025, 7, 21), D(2025, 7, 31), "period"),
    ("8月中旬", D(2025, 8, 11), D(2025, 8, 20), "period"),
    ("今年6月上旬", D(2025, 6, 1), D(2025, 6, 10), "period"),
    ("as of end-September", D(2025, 9, 1), D(2025, 9, 30), "month"),
    ("end-June", D(2025, 6, 1), D(2025, 6, 30), "month"),
    ("the end of September", D(2025, 9, 1), D(2025, 9, 30), "month"),
    # weekdays: a bare one is the nearest (BASE is a Monday); this/last/next name a week
    ("on Tuesday", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("on Friday", D(2025, 8, 22), D(2025, 8, 22), "day"),
    ("this Friday", D(2025, 8, 29), D(2025, 8, 29), "day"),
    ("last Monday", D(2025, 8, 18), D(2025, 8, 18), "day"),
    ("next Wednesday", D(2025, 9, 3), D(2025, 9, 3), "day"),
    ("周二", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("星期日", D(2025, 8, 24), D(2025, 8, 24), "day"),
    ("周二上午", D(2025, 8, 26), D(2025, 8, 26), "day"),
    ("上周五", D(2025, 8, 22), D(2025, 8, 22), "day"),
    ("下周一", D(2025, 9, 1), D(2025, 9, 1), "day"),
    ("本周三", D(2025, 8, 27), D(2025, 8, 27), "day"),
    ("上个星期五", D(2025, 8, 22), D(2025, 8, 22), "day"),
    # a day or a third of this, last or next month
    ("本月20日", D(2025, 8, 20), D(2025, 8, 20), "day"),
    ("上月5日", D(2025, 7, 5), D(2025, 7, 5), "day"),
    ("下月1日起", D(2025, 9, 1), D(2025, 9, 1), "day"),
    ("上个月三十一日", D(2025, 7, 31), D(2025, 7, 31), "day"),
    ("本月下旬", D(2025, 8, 21), D(2025, 8, 31), "period"),
    ("下个月上旬", D(2025, 9, 1), D(2025, 9, 10), "period"),
]


@pytest.mark.parametrize(("text", "start", "end", "granularity"), RELATIVE)
def test_relative_dates(text: str, start: dt.date, end: dt.date, granularity: str) -> None:
    value = parse_date(text, base=BASE)
    assert (value.start, value.end, value.granularity) == (start, end, granularity)
    assert value.relative is True
    with pytest.raises(BriefcheckValueError, match="needs a base date"):
        parse_date(text)


# text, base, start: which occurrence a yearless mention means
PLACEMENT = [
    # days: the nearest occurrence, a future one only within about six months
    ("Dec. 18", D(2025, 8, 25), D(2025, 12, 18)),
    ("Jan. 5", D(2025, 8, 25), D(2026, 1, 5)),
    ("April 2", D(2025, 8, 25), D(2025, 4, 2)),
    ("Aug. 1", D(2025, 8, 25), D(2025, 8, 1)),
    ("Dec. 30", D(2026, 1, 3), D(2025, 12, 30)),
    ("Jan. 2", D(2025, 12, 28), D(2026, 1, 2)),
    ("12月18日", D(2025, 8, 25), D(2025, 12, 18)),
    ("Feb. 29", D(2027, 12, 1), D(2028, 2, 29)),
    ("Feb. 29", D(2027, 6, 1), D(2024, 2, 29)),
    ("30日", D(2025, 9, 2), D(2025, 8, 30)),
    ("3日", D(2025, 8, 30), D(2025, 9, 3)),
    # periods: base's year, unless that one starts more than ~6 months after base
    ("the first half", D(2025, 8, 25), D(2025, 1, 1)),
    ("一季度", D(2025, 8, 25), D(2025, 1, 1)),
    ("the fourth quarter", D(2025, 8, 25), D(2025, 10, 1)),
    ("the fourth quarter", D(2026, 2, 1), D(2025, 10, 1)),
    ("四季度", D(2026, 1, 10), D(2025, 10, 1)),
    ("in December", D(2026, 1, 10), D(2025, 12, 1)),
    ("the second half", D(2025, 3, 10), D(2025, 7, 1)),
    # ... or it ended more than ~6 months ago and next year's is close
    ("一季度", D(2025, 12, 20), D(2026, 1, 1)),
    # ... but a month or more before it begins, a review of the year means this year's
    ("第一季度", D(2026, 11, 21), D(2026, 1, 1)),
    ("the first quarter", D(2026, 11, 20), D(2026, 1, 1)),
    ("一季度", D(2026, 11, 30), D(2026, 1, 1)),
    ("上半年", D(2026, 12, 10), D(2026, 1, 1)),
    ("From January to July", D(2025, 8, 25), D(2025, 1, 1)),
    ("this year", D(2024, 1, 1), D(2024, 1, 1)),
    ("last week", D(2025, 8, 31), D(2025, 8, 18)),  # a Sunday: its week began on the 25th
    ("上周", D(2026, 1, 1), D(2025, 12, 22)),
    ("last year", D(2026, 3, 1), D(2025, 1, 1)),
    # weekdays from a Thursday: the nearest one, three days back or ahead at most
    ("Tuesday", THURSDAY, D(2025, 11, 18)),
    ("Friday", THURSDAY, D(2025, 11, 21)),
    ("Monday", THURSDAY, D(2025, 11, 17)),
    ("Sunday", THURSDAY, D(2025, 11, 23)),
    ("Thursday", THURSDAY, D(2025, 11, 20)),
    ("this Friday", THURSDAY, D(2025, 11, 21)),
    ("this Monday", THURSDAY, D(2025, 11, 17)),
    ("last Monday", THURSDAY, D(2025, 11, 10)),
    ("next Wednesday", THURSDAY, D(2025, 11, 26)),
    ("周二", THURSDAY, D(2025, 11, 18)),
    ("星期五", THURSDAY, D(2025, 11, 21)),
    ("上周五", THURSDAY, D(2025, 11, 14)),
    ("下周一", THURSDAY, D(2025, 11, 24)),
    ("本周三", THURSDAY, D(2025, 11, 19)),
    ("Monday", D(2026, 1, 1), D(2025, 12, 29)),
    ("Friday", D(2026, 1, 1), D(2026, 1, 2)),
    # thirds and days of a month, across the new year
    ("late October", THURSDAY, D(2025, 10, 21)),
    ("10月下旬", THURSDAY, D(2025, 10, 21)),
    ("early January", D(2025, 12, 20), D(2026, 1, 1)),
    ("late December", D(2026, 1, 5), D(2025, 12, 21)),
    ("本月20日", THURSDAY, D(2025, 11, 20)),
    ("下月1日", D(2025, 12, 28), D(2026, 1, 1)),
    ("上月5日", D(2026, 1, 3), D(2025, 12, 5)),
]


@pytest.mark.parametrize(("text", "base", "start"), PLACEMENT)
def test_placement_against_base(text: str, base: dt.date, start: dt.date) -> None:
    assert parse_date(text, base=base).start == start


def test_datetime_base_is_accepted() -> None:
    value = parse_date("Dec. 18", base=dt.datetime(2025, 8, 25, 15, 0))
    assert value.start == D(2025, 12, 18)


# text, a fragment of the message: never a date, or not exactly one
NEGATIVE = [
    ("14th", "no date"),
    ("5.2 billion", "no date"),
    ("5.2 billion tons", "no date"),
    ("41.5 trillion yuan", "no date"),
    ("Room 2025", "no date"),
    ("No. 2025", "no date"),
    ("more than 2000 companies", "no date"),
    ("over 2025 enterprises", "no date"),
    ("2025 tons", "no date"),
    ("2,025", "no date"),
    ("2025.5", "no date"),
    ("1/20,000", "no date"),
    ("May I ask a question?", "no date"),
    ("for two consecutive years", "no date"),
    ("over the past year", "no date"),
    ("year on year", "no date"),
    ("3日内", "no date"),
    ("a week-long campaign", "no date"),
    ("last weekend", "no date"),
    ("1990年代", "no date"),
    ("过去年均增长", "no date"),
    ("03/04/2025", "no date"),  # March 4 or April 3: refused, not guessed
    # habits and words with 周 are not weekdays
    ("on Mondays", "no date"),
    ("every Monday", "no date"),
    ("每周一", "no date"),
    ("一周", "no date"),
    ("周边国家", "no date"),
    ("成立七十周年", "no date"),
    ("周二十日", "no date"),
    ("几个星期一直在谈", "no date"),
    ("下月31日", "not on the calendar"),
    ("24/7", "clock phrase"),
    ("7×24小时", "clock phrase"),
    ("the same period last year", "comparison period"),
    ("去年同期", "comparison period"),
    ("Feb. 30, 2025", "not on the calendar"),
    ("2025-02-29", "not on the calendar"),
    ("2025年2月30日", "not on the calendar"),
    ("April 31", "not on the calendar"),
    ("2025-03-31/2025-01-01", "ends before it starts"),
    ("in 2024 and 2023", "more than one date"),
    ("Aug. 25, 2025 and Dec. 16, 2025", "more than one date"),
    ("", "empty"),
    ("   \n", "empty"),
]


@pytest.mark.parametrize(("text", "message"), NEGATIVE)
def test_not_one_date(text: str, message: str) -> None:
    with pytest.raises(BriefcheckValueError, match=message) as info:
        parse_date(text, base=BASE)
    if text.strip():
        assert text.strip()[:20] in str(info.value)


@pytest.mark.parametrize("bad", [None, 5, 2025.0, b"2025-08-25", ["2025"], D(2025, 8, 25)])
def test_non_text_input(bad: object) -> None:
    with pytest.raises(BriefcheckValueError, match="expected text"):
        parse_date(bad)  # type: ignore[arg-type]
    assert find_dates(bad) == []  # type: ignore[arg-type]
    assert date_spans(bad) == []  # type: ignore[arg-type]


def test_bad_base_is_a_value_error() -> None:
    with pytest.raises(BriefcheckValueError, match="base"):
        parse_date("Dec. 18", base="2025-08-25")  # type: ignore[arg-type]
    assert find_dates("Dec. 18", base="2025-08-25") == []  # type: ignore[arg-type]


def test_gigantic_text_is_refused_quickly_and_quoted_short() -> None:
    text = "Aug. 25, 2025 " * 100_000
    with within(), pytest.raises(BriefcheckValueError, match="too long") as info:
        parse_date(text)  # refused by length, not parsed
    assert len(str(info.value)) < 200


def test_message_quotes_the_text_truncated() -> None:
    text = "nothing here but words " * 20
    with pytest.raises(BriefcheckValueError) as info:
        parse_date(text)
    assert "nothing here but words" in str(info.value)
    assert "..." in str(info.value)
    assert len(str(info.value)) < 160


# text: the exact mentions date_spans reports
SPANS = [
    ("China.org.cn | December 16, 2025", ["December 16, 2025"]),
    ("Date:\n\nAug. 25, 2025", ["Aug. 25, 2025"]),
    ("to ensure the official launch on Dec. 18.", ["Dec. 18"]),
    ("SCIO briefing on China's imports, exports in Q1 2025", ["Q1 2025"]),
    ("Ren Min Ri Bao Hai Wai Ban·2025-08-26 00:10", ["2025-08-26 00:10"]),
    ("increasing 2.6 times compared to 2020.", ["2020"]),
    ("In 2024, the total value reached 43.8 trillion yuan", ["2024"]),
    ("From January to July this year, imports grew 3.5%", ["From January to July this year"]),
    ("released in April this year, China", ["April this year"]),
    ("allowing for 24/7 appointment scheduling", ["24/7"]),
    ("less than 1/20,000 of the land area", []),
    ("customs has managed an average of 5.2 billion tons", []),
    ("Since the start of the 14th Five-Year Plan, customs", ["14th Five-Year Plan"]),
    ("during the 15th Five-Year Plan period.", ["15th Five-Year Plan period"]),
    ("the first half of the 14th Five-Year Plan period", ["14th Five-Year Plan period"]),
    ("“十四五”以来,海关年均监管进出口货物52亿吨", ["十四五"]),
    ("今年前7个月，进出口增长3.5%", ["今年前7个月"]),
    ("1-7月，保税维修进出口增长8.7%", ["1-7月"]),
    ("国新办2025年8月25日举行发布会", ["2025年8月25日"]),
    ("二〇二五年八月二十五日", ["二〇二五年八月二十五日"]),
    ("同比增长3.5%，比去年同期提高", ["去年同期"]),
    ("2021-2025 and 2026-2030", ["2021-2025", "2026-2030"]),
    ("a total of 2000 cases in 2023", ["2023"]),
    # a day, then a number that is not a day: not a run of days
    ("rose on Dec. 3 to 5 percent", ["Dec. 3"]),
    ("on Dec. 3 to 5 million tons", ["Dec. 3"]),
    ("on Dec. 3 to 5 p.m.", ["Dec. 3"]),
    ("on Dec. 3 and 5", ["Dec. 3"]),
    ("Dec. 5 to Dec. 3, 2025", ["Dec. 5", "Dec. 3, 2025"]),
    ("会议12月3—5日举行", ["12月3—5日"]),
    # the modifier of a third is part of the mention
    ("exports picked up in late October, officials said", ["late October"]),
    ("10月下旬出口增长5%", ["10月下旬"]),
    ("as of end-September, reserves stood at", ["September"]),
    # a weekday beside its date is not a mention of its own; one apart from it is
    ("on Tuesday (Nov. 18), the ministry", ["Nov. 18"]),
    ("Nov. 18 (Tuesday)", ["Nov. 18"]),
    ("11月18日（星期二）上午", ["11月18日"]),
    ("18日（周二）", ["18日"]),
    ("上周五(11月14日)", ["11月14日"]),
    ("On Tuesday the ministry said exports on Nov. 3 rose", ["Tuesday", "Nov. 3"]),
    ("周一至周五", ["周一", "周五"]),
    ("本周三次会议", ["本周"]),  # three meetings this week
    ("这周一直很忙", ["这周"]),
    ("本月20日起实施", ["本月20日"]),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_date_spans(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in date_spans(text)] == expected


def test_find_dates_in_a_paragraph() -> None:
    text = (
        "In 2024, the total value of China's goods trade reached 43.8 trillion yuan. "
        "From January to July this year, imports and exports grew 3.5% year on year. "
        "The official launch is on Dec. 18. Exports rose 2.6 times compared to 2020."
    )
    found = find_dates(text, base=BASE)
    assert [(v.text, v.start, v.end, v.relative) for v in found] == [
        ("2024", D(2024, 1, 1), D(2024, 12, 31), False),
        ("From January to July this year", D(2025, 1, 1), D(2025, 7, 31), True),
        ("Dec. 18", D(2025, 12, 18), D(2025, 12, 18), True),
        ("2020", D(2020, 1, 1), D(2020, 12, 31), False),
    ]
    for value in found:
        assert text[value.span[0] : value.span[1]] == value.text
    # without a base, the yearless and relative mentions cannot be placed and are skipped
    assert [v.text for v in find_dates(text)] == ["2024", "2020"]


def test_find_dates_chinese() -> None:
    text = "“十四五”以来，海关年均监管货物52亿吨。今年1-7月，进出口增长3.5%；12月18日将正式启动。"
    found = find_dates(text, base=BASE, lang="zh")
    assert [(v.text, v.start, v.end, v.granularity) for v in found] == [
        ("十四五", D(2021, 1, 1), D(2025, 12, 31), "period"),
        ("今年1-7月", D(2025, 1, 1), D(2025, 7, 31), "period"),
        ("12月18日", D(2025, 12, 18), D(2025, 12, 18), "day"),
    ]


def test_date_value_contract() -> None:
    value = parse_date("Aug. 25, 2025")
    assert value == DateValue(D(2025, 8, 25), D(2025, 8, 25), "Aug. 25, 2025", (0, 13), "day")


def test_import_costs_nothing() -> None:
    code = (
        "import sys, pytest_briefcheck.dates as d\n"
        "d.date_spans('Aug. 25, 2025 and 2025年8月25日')\n"
        "d.parse_date('2025-08-25')\n"
        "d.parse_date('Aug. 25, 2025')\n"
        "assert 'dateparser' not in sys.modules, 'dateparser imported too early'\n"
        "d.parse_date('25.08.2025')  # a form only dateparser reads\n"
        "assert 'dateparser' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _document(size: int) -> str:
    rng = random.Random(7)
    pieces = []
    while sum(map(len, pieces)) < size:
        month = rng.choice(["Jan.", "March", "Aug.", "Sept.", "Dec."])
        pieces.append(
            f"In 2024, exports rose {rng.randint(1, 99)}.{rng.randint(0, 9)}% and on {month} "
            f"{rng.randint(1, 28)}, {rng.randint(2015, 2025)} the 14th Five-Year Plan period "
            "ended; 今年1-7月进出口增长3.5%，2025年8月25日举行发布会. "
        )
    return "".join(pieces)[:size]


def test_find_dates_on_100_kb_is_fast() -> None:
    parse_date("Aug. 25, 2025")  # dateparser's one-off start-up is not what is measured
    text = _document(100_000)
    with within():
        found = find_dates(text, base=BASE)
    assert len(found) > 1000


@pytest.mark.parametrize(
    "garbage",
    [
        "9" * 100_000,
        "2025-" * 20_000,
        "Aug. " * 20_000,
        "年月日" * 33_000,
        "1-" * 50_000,
        "first " * 16_000,
        "十四" * 50_000,
        " \n" * 50_000,
        "2025年" * 20_000,
        "Dec. 18, " * 11_000,
    ],
    ids=lambda garbage: f"{garbage[:12]!r}x{len(garbage)}",
)
def test_no_catastrophic_backtracking(garbage: str) -> None:
    with within():
        date_spans(garbage)
        find_dates(garbage, base=BASE)


# -- properties -------------------------------------------------------------------------------
_ABBR = {1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June", 7: "July"}
_ABBR.update({8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."})
_FULL = [
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip
_CN = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN[tens] + "十")) + (
        _CN[ones] if ones or not tens else ""
    )


def _renderings(day: dt.date) -> list[str]:
    return [
        f"{_ABBR[day.month]} {day.day}, {day.year}",
        f"{_FULL[day.month]} {day.day}, {day.year}",
        day.isoformat(),
        f"{day.year}年{day.month}月{day.day}日",
        "".join(_CN[int(c)] for c in str(day.year))
        + f"年{_cn_number(day.month)}月{_cn_number(day.day)}日",
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_any_rendered_date_parses_back(day: dt.date) -> None:
    for text in _renderings(day):
        value = parse_date(text)
        assert (value.start, value.end, value.granularity) == (day, day, "day"), text
        assert value.text == text


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)), st.sampled_from(range(5)))
def test_rendered_date_is_found_in_a_sentence(day: dt.date, which: int) -> None:
    rendered = _renderings(day)[which]
    text = f"The figure was released on {rendered}, officials said."
    found = find_dates(text)
    assert [(v.start, v.text) for v in found] == [(day, rendered)]


_ALPHABET = st.sampled_from(
    [
        *"0123456789 -/.,:年月日号季度上下半前个今去明十一二三四五六七八九〇零·|QH",
        *("Aug. ", "May ", "this year", "first half", "Five-Year Plan", "14th ", "24/7", "\n"),
        *("late ", "mid-", "end-", "Tuesday", "last ", "旬", "周", "星期", "本", "每"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_ALPHABET, max_size=40).map("".join)))
def test_arbitrary_text_never_raises_anything_else(text: str) -> None:
    with contextlib.suppress(BriefcheckValueError):  # any other exception fails the test
        parse_date(text, base=BASE)
    values = find_dates(text, base=BASE)
    spans = date_spans(text)
    assert spans == sorted(spans)
    assert all(a < b <= c for (a, b), (c, _) in itertools.pairwise(spans))
    for value in values:
        assert value.start <= value.end
        assert value.granularity in ("day", "week", "month", "quarter", "half", "year", "period")
        assert text[value.span[0] : value.span[1]] == value.text


def _seed_texts() -> list[str]:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    return [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]


def test_windowed_scan_equals_whole_scan_on_documents() -> None:
    texts = [*_seed_texts(), _document(50_000)]
    for text in [*texts, "\n".join(texts)]:
        assert _mentions(text, windowed=True) == _mentions(text, windowed=False)


# sentence, the mention's text, start, end: each new wording inside a long text, which is
# scanned only in windows around trigger words
_FILLER_EN = "The ministry said trade kept growing and firms were confident about the outlook. "
_FILLER_ZH = "海关加强监管，企业信心增强，外贸保持稳定。"
IN_LONG_TEXTS = [
    ("Exports picked up in late October.", "late October", D(2025, 10, 21), D(2025, 10, 31)),
    ("Exports rose in mid-Oct. 2025.", "mid-Oct. 2025", D(2025, 10, 11), D(2025, 10, 20)),
    ("Reserves as of end-September rose.", "September", D(2025, 9, 1), D(2025, 9, 30)),
    ("The minister spoke on Tuesday.", "Tuesday", D(2025, 11, 18), D(2025, 11, 18)),
    ("Talks resume next Wednesday.", "next Wednesday", D(2025, 11, 26), D(2025, 11, 26)),
    ("The minister spoke on Tuesday, Nov. 18.", "Nov. 18", D(2025, 11, 18), D(2025, 11, 18)),
    ("10月下旬出口增长5%。", "10月下旬", D(2025, 10, 21), D(2025, 10, 31)),
    ("上周五，海关发布数据。", "上周五", D(2025, 11, 14), D(2025, 11, 14)),
    ("星期二，海关发布数据。", "星期二", D(2025, 11, 18), D(2025, 11, 18)),
    ("新规本月20日起实施。", "本月20日", D(2025, 11, 20), D(2025, 11, 20)),
    ("新规下个月上旬实施。", "下个月上旬", D(2025, 12, 1), D(2025, 12, 10)),
]


@pytest.mark.parametrize(("sentence", "mention", "start", "end"), IN_LONG_TEXTS)
def test_new_wordings_are_found_in_long_texts(
    sentence: str, mention: str, start: dt.date, end: dt.date
) -> None:
    filler = (_FILLER_EN if sentence.isascii() else _FILLER_ZH) * 200
    text = filler + sentence + filler
    assert len(text) > 8000
    found = find_dates(text, base=THURSDAY)
    assert [(v.text, v.start, v.end) for v in found] == [(mention, start, end)]
    assert _mentions(text, windowed=True) == _mentions(text, windowed=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=200).map("".join))
def test_windowed_scan_equals_whole_scan(text: str) -> None:
    assert _mentions(text, windowed=True) == _mentions(text, windowed=False)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([t for t, *_ in RELATIVE] + [t for t, *_ in EXPLICIT[:20]]),
    st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)),
)
def test_any_base_date_is_safe(text: str, base: dt.date) -> None:
    """Even at the ends of the calendar, placing fails with BriefcheckValueError at worst."""
    with contextlib.suppress(BriefcheckValueError):
        value = parse_date(text, base=base)
        assert value.start <= value.end
    for value in find_dates(text, base=base):
        assert value.start <= value.end


def test_month_name_days_are_read_as_dateparser_reads_them() -> None:
    """Every month-name day the patterns accept reads as dateparser reads it. briefcheck no
    longer asks dateparser (0.7 ms a date): the calendar gives the same answer, as this
    walk over the whole domain shows, and keeps showing when either side changes."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month"]},
    )
    tokens = [form for month in _FULL_MONTHS for form in (month, month.upper())]
    tokens += [
        form + dot for month in _ABBR_MONTHS for form in (month, month.upper()) for dot in ("", ".")
    ]
    checked = 0
    for token in tokens:
        for day in range(1, 32):
            for text in (f"{token} {day}, 2000", f"{day} {token} 2000"):
                found = [d.start for d in find_dates(text) if d.granularity == "day"]
                theirs = parser.get_date_data(text).date_obj
                assert found == ([theirs.date()] if theirs is not None else []), text
                checked += 1
    assert checked == 2 * 31 * (24 + 48)
