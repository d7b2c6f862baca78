"""``text.normalize`` (bulk copies, compact offset map) agrees with the per-character rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_briefcheck.sources import _find_normalized
from pytest_briefcheck.text import _fold_char, normalize, normalize_plain

SOURCES = Path(__file__).resolve().parents[1] / "sources"


def _ideograph(char: str) -> bool:
    return any(
        low <= char <= high
        for low, high in (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))
    )


def reference(text: str, casefold: bool = False) -> tuple[str, tuple[int, ...]]:
    """The definition: one character at a time."""
    out: list[str] = []
    origin: list[int] = []
    pending = -1
    breaks = 0  # line breaks in the pending run of white space; \r\n is one
    previous = ""  # the last character that folding keeps (an invisible one vanishes)
    for index, char in enumerate(text):
        if char.isspace():
            if out and pending < 0:
                pending, breaks = index, 0
            if char == "\r" or (char == "\n" and previous != "\r"):
                breaks += 1
            previous = char
            continue
        folded = _fold_char(char) if not char.isascii() else char
        if not folded:
            continue
        if casefold:
            folded = folded.casefold()
        pieces = [piece for piece in folded if not piece.isspace()]
        if not pieces:
            continue
        if pending >= 0:
            # a hard wrap in Chinese text: one line break next to an ideograph
            if not (breaks == 1 and (_ideograph(out[-1]) or _ideograph(pieces[0]))):
                out.append(" ")
                origin.append(pending)
            pending = -1
        for piece in pieces:
            out.append(piece)
            origin.append(index)
        previous = char
    return "".join(out), tuple(origin)


TRICKY = (
    "ab Z.,5\n\t\r \x1c\u00a0\u3000\u2028\u200b\u00ad\ufeff\u2018\u201c\u2014\u3001\u3002"
    "，４Ａß İﬁ¨\u0301e中文：\u2160㎏ǅ·・Σς\U0001d400ｶﾞ\uf900口\n\n\r"
)


def agrees(text: str) -> None:
    for casefold in (False, True):
        found = normalize(text, casefold=casefold)
        expected_text, expected_origin = reference(text, casefold)
        assert found.text == expected_text
        assert tuple(found.origin) == expected_origin
        assert [found.origin[i] for i in range(len(found.text))] == list(expected_origin)
        assert found.original_length == len(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=40))
def test_tricky_characters(text: str) -> None:
    agrees(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text(text: str) -> None:
    agrees(text)


@pytest.mark.parametrize("path", sorted(SOURCES.rglob("*.txt")), ids=lambda p: p.name)
def test_bundled_sources(path: Path) -> None:
    agrees(path.read_text(encoding="utf-8"))


def test_offsets_are_exact_around_collapsed_runs() -> None:
    found = normalize("  a \u200b\n\n b\u201cc\u201d  ")
    assert found.text == 'a b"c"'
    assert tuple(found.origin) == (2, 3, 8, 9, 10, 11)
    assert found.original_span(2, 6) == (8, 12)
    assert found.origin[-1] == 11
    with pytest.raises(IndexError):
        found.origin[6]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=40) | st.text(max_size=40))
def test_plain_is_the_text_of_normalize(text: str) -> None:
    for casefold in (False, True):
        assert normalize_plain(text, casefold=casefold) == normalize(text, casefold=casefold).text


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("年均监管进出\n口货物52\n亿吨", "年均监管进出口货物52亿吨"),  # a hard wrap: nothing
        ("进出 \r\n 口", "进出口"),
        ("海关。\n\n新段落", "海关. 新段落"),  # a blank line: a paragraph break, one space
        ("Customs\nsupervised 5.2\nbillion", "Customs supervised 5.2 billion"),
    ],
)
def test_a_hard_wrap_in_chinese_text_vanishes(text: str, normalized: str) -> None:
    found = normalize(text)
    assert found.text == normalized == normalize_plain(text)
    agrees(text)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*TRICKY, "5", "亿", "a", "b"]), max_size=30),
    st.text(alphabet=st.sampled_from([*TRICKY, "5", "亿", "a", "b"]), max_size=6),
)
def test_a_text_normalizing_leaves_alone_is_searched_as_it_is(text: str, needle: str) -> None:
    """``_find_normalized`` skips building the offset map when normalizing changes nothing."""
    normalized = normalize(text)
    wanted = normalize_plain(needle)
    position = normalized.text.find(wanted) if wanted else -1
    expected = None if position < 0 else normalized.original_span(position, position + len(wanted))
    assert _find_normalized(text, needle) == expected
