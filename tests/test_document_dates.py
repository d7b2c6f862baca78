"""A document's own dates: when it was published and when the event it reports took place."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_briefcheck import dates
from pytest_briefcheck.dates import DocumentDates, detect_document_dates

D = dt.date
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.fail(f"seed document {prefix}_*.txt is missing from {SEEDS}", pytrace=False)
    return found[0].read_text(encoding="utf-8")


# seed, published, its text, event, its text
SEED_CASES = [
    ("001", D(2025, 12, 16), "December 16, 2025", D(2025, 8, 25), "Aug. 25, 2025"),
    ("000", D(2025, 12, 16), "December 16, 2025", None, None),
    ("002", D(2025, 12, 16), "December 16, 2025", None, None),
    ("003", D(2025, 8, 26), "2025-08-26 00:10", None, None),
    ("004", D(2025, 5, 8), "May 8, 2025", None, None),
]


@pytest.mark.parametrize(("seed", "published", "published_text", "event", "event_text"), SEED_CASES)
def test_seed_documents(
    seed: str,
    published: dt.date,
    published_text: str,
    event: dt.date | None,
    event_text: str | None,
) -> None:
    text = _seed(seed)
    found = detect_document_dates(text)
    assert found.published is not None
    assert (found.published.start, found.published.end) == (published, published)
    assert found.published.text == published_text
    assert text[found.published.span[0] : found.published.span[1]] == published_text
    if event is None:
        assert found.event is None
    else:
        assert found.event is not None
        assert (found.event.start, found.event.text) == (event, event_text)
        assert text[found.event.span[0] : found.event.span[1]] == event_text


# text, published (date, text) or None, event (date, text) or None
SYNTHETIC = [
    (
        "Title\n\nChina.org.cn | December 16, 2025\n\nSpeakers:\n\nDate:\n\nAug. 25, 2025\n\nBody.",
        (D(2025, 12, 16), "December 16, 2025"),
        (D(2025, 8, 25), "Aug. 25, 2025"),
    ),
    (
        "Xinhua | 2025-08-26\n\nBEIJING -- Body on Aug. 25, 2025.",
        (D(2025, 8, 26), "2025-08-26"),
        None,
    ),
    ("Date: Aug. 25, 2025\nTime: 10:00 a.m.\n", None, (D(2025, 8, 25), "Aug. 25, 2025")),
    ("Date:\nMonday, August 25, 2025\n", None, (D(2025, 8, 25), "August 25, 2025")),
    (
        "chinadaily.com.cn | Updated: 2025-08-26 10:12\n\nBody text.",
        (D(2025, 8, 26), "2025-08-26 10:12"),
        None,
    ),
    (
        "Source: Xinhua| 2025-08-26 10:07:23|Editor: huaxia\n\nBody.",
        (D(2025, 8, 26), "2025-08-26 10:07:23"),
        None,
    ),
    ("Published: 08:51, August 26, 2025\n", (D(2025, 8, 26), "August 26, 2025"), None),
    ("Posted on August 26, 2025 by the editors\n", (D(2025, 8, 26), "August 26, 2025"), None),
    (
        "Headline\n2025-08-26 10:07:23\n\nBody in 2024.",
        (D(2025, 8, 26), "2025-08-26 10:07:23"),
        None,
    ),
    (
        "海关年均监管进出口货物52亿吨\n人民日报海外版·2025-08-26 00:10",
        (D(2025, 8, 26), "2025-08-26 00:10"),
        None,
    ),
    (
        "标题\n来源：人民日报海外版 2025年08月26日\n\n正文。",
        (D(2025, 8, 26), "2025年08月26日"),
        None,
    ),
    ("发布时间：2025-08-26\n\n正文。", (D(2025, 8, 26), "2025-08-26"), None),
    (
        "发布时间：2025-08-26 10:12:48 | 来源：国新网\n"
        "时间：2025年8月25日（星期一）下午3时\n地点：发布厅",
        (D(2025, 8, 26), "2025-08-26 10:12:48"),
        (D(2025, 8, 25), "2025年8月25日"),
    ),
    (
        "2025年08月26日05:16 | 来源：人民网－人民日报\n\n正文",
        (D(2025, 8, 26), "2025年08月26日05:16"),
        None,
    ),
    ("时间：2025-08-26 10:00 来源：新华网\n", (D(2025, 8, 26), "2025-08-26 10:00"), None),
    (
        "《 人民日报海外版 》（ 2025年08月26日 第 03 版）\n\n正文",
        (D(2025, 8, 26), "2025年08月26日"),
        None,
    ),
    ("日期：\n二〇二五年八月二十五日\n", None, (D(2025, 8, 25), "二〇二五年八月二十五日")),
    # a yearless "Date:" takes its year from the page's own publication date
    (
        "China.org.cn | December 16, 2025\n\nDate: Aug. 25\n",
        (D(2025, 12, 16), "December 16, 2025"),
        (D(2025, 8, 25), "Aug. 25"),
    ),
    # a header ending in its date after a comma or a bracketed source
    (
        "Headline\n(People's Daily Online) 14:30, August 26, 2025\n\nBody.",
        (D(2025, 8, 26), "August 26, 2025"),
        None,
    ),
    ("China.org.cn, December 16, 2025\n\nBody.", (D(2025, 12, 16), "December 16, 2025"), None),
    # ... but a header saying "on <date>" names the event, not the page
    ("Press conference on Aug. 25, 2025\n\nBody.", None, (D(2025, 8, 25), "Aug. 25, 2025")),
    # a title naming a briefing dates the event; the page keeps its own date
    (
        "Regular Press Conference of the Ministry of Commerce (October 16, 2025)\n"
        "Source: MOFCOM  Updated: November 3, 2025\n\nHe Yadong: Today I would like to ...",
        (D(2025, 11, 3), "November 3, 2025"),
        (D(2025, 10, 16), "October 16, 2025"),
    ),
    (
        "商务部召开例行新闻发布会（2025年10月16日）\n\n何亚东：下午好。",
        None,
        (D(2025, 10, 16), "2025年10月16日"),
    ),
    (
        "Foreign Ministry Spokesperson's Regular Press Conference on October 16, 2025\n\nQ: ...",
        None,
        (D(2025, 10, 16), "October 16, 2025"),
    ),
    # a dateline naming the press room dates the page, not a briefing
    (
        "Press Conference Transcripts | December 16, 2025\n\nBody.",
        (D(2025, 12, 16), "December 16, 2025"),
        None,
    ),
    # a "Date:" label wins over a title
    (
        "Press briefing (Aug. 24, 2025)\nDate: Aug. 25, 2025\n",
        None,
        (D(2025, 8, 25), "Aug. 25, 2025"),
    ),
    # a briefing named in the body, far from the top, is not a title
    ("Headline\n\n" + "Body. " * 200 + "\nThe briefing of Aug. 25, 2025\n", None, None),
    # prose is neither a dateline nor a label
    (
        "The report, published on Aug. 20, 2025, shows that trade grew in 2024.\n",
        None,
        None,
    ),
    ("In 2024, the total value of China's goods trade reached 43.8 trillion yuan.", None, None),
    ("Date: to be announced\n\nIn 2024, trade grew.\n", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("text", "published", "event"), SYNTHETIC)
def test_synthetic_datelines_and_bylines(
    text: str,
    published: tuple[dt.date, str] | None,
    event: tuple[dt.date, str] | None,
) -> None:
    found = detect_document_dates(text)
    for role, expected in (("published", published), ("event", event)):
        value = getattr(found, role)
        if expected is None:
            assert value is None, role
            continue
        assert value is not None, role
        assert (value.start, value.text) == expected, role
        assert text[value.span[0] : value.span[1]] == value.text


def test_the_header_dateline_wins_over_a_byline_at_the_end() -> None:
    text = "China.org.cn | December 16, 2025\n\nBody.\n\nXinhua | 2025-01-02\n"
    found = detect_document_dates(text)
    assert found.published is not None and found.published.start == D(2025, 12, 16)


def test_a_byline_at_the_end_counts_when_the_header_has_none() -> None:
    text = "Headline\n\n" + "Body text about trade. " * 400 + "\nRen Min Ri Bao·2025-08-26 00:10"
    found = detect_document_dates(text)
    assert found.published is not None and found.published.start == D(2025, 8, 26)


@pytest.mark.parametrize("bad", [None, 42, b"Date: Aug. 25, 2025", ["x"]])
def test_bad_input_gives_no_dates(bad: object) -> None:
    assert detect_document_dates(bad) == DocumentDates()  # type: ignore[arg-type]


def test_document_dates_is_frozen() -> None:
    found = detect_document_dates("Xinhua | 2025-08-26\n")
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.published = None  # type: ignore[misc]


_LABEL_SOUP = st.lists(
    st.sampled_from(
        ["Date", "date", "Time", "Held on", "and", "&", "时间", "日期", ":", "：", " ", "  ",
         "\n", "\n\n", "\r\n", "\r", "\t", "x", "Aug. 25, 2025", "Released"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_LABEL_SOUP)
def test_the_first_event_label_is_found_without_visiting_every_line(text: str) -> None:
    lines = dates._Lines(text)
    expected = next(
        (i for i, line in enumerate(lines.texts) if dates._EVENT_LABEL.match(line)), None
    )
    assert dates._first_event_label(text, lines) == expected
