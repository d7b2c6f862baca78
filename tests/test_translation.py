"""Translation pairs: figures aligned across languages without any claim."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from builders import fig
from conftest import SUMMARY, edit_source
from hypothesis import given, settings
from hypothesis import strategies as st

# PyYAML loaded once, before any in-process pytester run: a run removes the modules it
# imported, and a re-imported yaml no longer matches the node classes of its C loader.
import pytest_briefcheck.claims  # noqa: F401
from pytest_briefcheck.agreement import Tolerance, agree, states_same
from pytest_briefcheck.coverage import Mention
from pytest_briefcheck.figures import Figure, parse_figure
from pytest_briefcheck.translation import Alignment, align

PAIR_REGISTRY = f"""\
version: 1
sources:
  summary_en:
    path: {SUMMARY}
    lines: 1
    lang: en
  summary_zh:
    path: {SUMMARY}
    lines: 2
    lang: zh
    translation_of: summary_en
"""
NODE = f"sources/{SUMMARY}::translation[[]summary_zh[]]"


def test_an_edited_chinese_figure_is_a_near_miss_shown_on_both_sides(
    briefing, pytester: pytest.Pytester
) -> None:
    root = briefing(registry=False)
    (root / "claims" / "sources.yaml").write_text(PAIR_REGISTRY, encoding="utf-8")
    edit_source(root, SUMMARY, "52亿吨", "25亿吨")
    result = pytester.runpytest("--briefcheck", "-v")
    result.stdout.fnmatch_lines(
        [
            f"{NODE} FAILED*",
            f"sources/{SUMMARY}:2: translation 'summary_zh' and its original 'summary_en' "
            "disagree: * near miss(es)*",
            "  NEAR MISS: summary_zh and summary_en differ",
            f"    summary_zh   sources/{SUMMARY}:2:20 [[]zh[]]  '25亿吨'  2.5e9 t (per_year)",
            f"    summary_en   sources/{SUMMARY}:1:* [[]en[]]  '5.2 billion tons'  "
            "5.2e9 t (per_year)",
            "    why: *they do not meet",
        ]
    )
    assert "'52亿吨'" not in result.stdout.str()


def test_the_published_pair_has_no_tonnage_near_miss(briefing, pytester) -> None:
    root = briefing(registry=False)
    (root / "claims" / "sources.yaml").write_text(PAIR_REGISTRY, encoding="utf-8")
    result = pytester.runpytest("--briefcheck", "-v")
    out = result.stdout.str()
    assert f"{NODE.replace('[[]', '[').replace('[]]', ']')} FAILED" in out
    # the English summary carries figures the headline leaves out, and calls 41.5
    # trillion a total where the headline says 年均 (annual): those are reported ...
    assert "NO COUNTERPART in summary_zh: summary_en" in out
    # ... but the tonnage, stated alike on both sides, is not
    assert "'52亿吨'" not in out and "'5.2 billion tons'" not in out


def _pair(root: Path, english: str, chinese: str) -> None:
    (root / "sources" / "pair").mkdir(parents=True)
    (root / "sources" / "pair" / "note.en.txt").write_text(english, encoding="utf-8")
    (root / "sources" / "pair" / "note.zh.txt").write_text(chinese, encoding="utf-8")
    (root / "claims" / "sources.yaml").write_text(
        textwrap.dedent(
            """\
            version: 1
            sources:
              note_en:
                path: pair/note.en.txt
              note_zh:
                path: pair/note.zh.txt
                translation_of: note_en
            """
        ),
        encoding="utf-8",
    )


ENGLISH = (
    "Customs supervised 5.2 billion tons of goods a year. "
    "The single window offers 964 online services.\n"
)
CHINESE = "海关年均监管货物52亿吨。国际贸易单一窗口提供964项在线服务。\n"


def test_a_faithful_translation_passes(briefing, pytester: pytest.Pytester) -> None:
    root = briefing(registry=False)
    _pair(root, ENGLISH, CHINESE)
    result = pytester.runpytest("--briefcheck", "-v")
    result.stdout.fnmatch_lines(["sources/pair/note.zh.txt::translation[[]note_zh[]] PASSED*"])
    assert result.ret == 0


def test_a_figure_left_out_has_no_counterpart(briefing, pytester: pytest.Pytester) -> None:
    root = briefing(registry=False)
    _pair(root, ENGLISH, "海关年均监管货物52亿吨。\n")
    result = pytester.runpytest("--briefcheck", "-v")
    result.stdout.fnmatch_lines(
        [
            "sources/pair/note.zh.txt::translation[[]note_zh[]] FAILED*",
            "  NO COUNTERPART in note_zh: note_en sources/pair/note.en.txt:1:*  '964*'  964*",
        ]
    )


WRAPPED_CLAIMS = """\
version: 1
claims:
  - id: annual_tonnage
    expect: 5.2 billion t
    basis: per_year
    quotes:
      - source: note_zh
        text: "海关年均监管进出口货物52亿吨"
      - source: note_en
        text: "customs have annually supervised 5.2 billion metric tons"
  - id: users
    expect: 21 million
    quotes:
      - source: note_zh
        text: "平台注册用户达2100万"
      - source: note_en
        text: "The platform now has 21 million registered users"
"""


def test_hard_wrapped_pages_are_read_through_their_line_breaks(
    briefing, pytester: pytest.Pytester
) -> None:
    # As a PDF turned into text wraps them: inside words, figures and units.
    root = briefing(registry=False)
    _pair(
        root,
        "Since 2021, customs have annually\nsupervised 5.2\nbillion metric tons of goods.\n"
        "The platform now has 21\nmillion registered users.\n",
        "“十四五”以来，海关年均监管进出\n口货物52\n亿吨。平台注册用户达2100\n万。\n",
    )
    (root / "claims" / "wrapped.yaml").write_text(WRAPPED_CLAIMS, encoding="utf-8")
    result = pytester.runpytest("--briefcheck", "-v")
    result.stdout.fnmatch_lines_random(
        [
            "claims/wrapped.yaml::annual_tonnage PASSED*",
            "claims/wrapped.yaml::users PASSED*",
            "sources/pair/note.zh.txt::translation[[]note_zh[]] PASSED*",
        ]
    )
    result.assert_outcomes(passed=3)


_FIGURES = st.builds(
    fig,
    st.sampled_from([0.05, 7.9, 100, 2.6e7, 5.15e9, 5.2e9, 5.25e9]),
    st.sampled_from(["", "t", "kg", "CNY", "CNY/year"]),
    p=st.sampled_from([None, 1e8, 0.1]),
    q=st.sampled_from(["=", "~", ">", "<"]),
    basis=st.sampled_from([None, "per_year", "total"]),
    kind=st.sampled_from(["number", "number", "percent"]),
)


def _mentions(figures: list[Figure], lang: str) -> tuple[Mention, ...]:
    return tuple(
        Mention("doc", "figure", figure, 10 * i, 10 * i + 5, 1, 1, lang, "doc.txt")
        for i, figure in enumerate(figures)
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(_FIGURES, max_size=8), st.lists(_FIGURES, max_size=8))
def test_figures_pair_with_the_first_that_states_their_number_on_the_other_side(
    mine_figures: list[Figure], their_figures: list[Figure]
) -> None:
    """The definition, pair by pair, in order; align looks only among figures that may agree."""
    mine, theirs = _mentions(mine_figures, "en"), _mentions(their_figures, "zh")
    tolerance = Tolerance()

    def agreeing(a: Mention, b: Mention) -> bool:
        return agree(a.value, b.value, tolerance).agrees  # type: ignore[arg-type]

    def stating(a: Mention, b: Mention) -> bool:
        return agreeing(a, b) and states_same(a.value, b.value, tolerance)  # type: ignore[arg-type]

    def partner_of(a: Mention) -> Mention | None:
        stated = next((b for b in theirs if stating(a, b)), None)
        if stated is not None:
            return stated
        return next(
            (b for b in theirs if agreeing(a, b) and not any(stating(c, b) for c in mine)), None
        )

    matched = [(a, partner) for a in mine if (partner := partner_of(a)) is not None]
    alone_theirs = [
        b
        for b in theirs
        if not any(stating(a, b) for a in mine)
        and not any(agreeing(a, b) and not any(stating(a, c) for c in theirs) for a in mine)
    ]
    alignment = align(mine, theirs, tolerance)
    assert list(alignment.matched) == matched
    near_theirs = [near.theirs for near in alignment.near_misses]
    assert sorted([*alignment.alone_theirs, *near_theirs], key=lambda m: m.start) == alone_theirs


def _aligned(english: list[str], chinese: list[str]) -> Alignment:
    mine = _mentions([parse_figure(text) for text in english], "en")
    theirs = _mentions([parse_figure(text) for text in chinese], "zh")
    return align(mine, theirs, Tolerance())


def test_a_figure_dropped_from_one_side_is_missed_even_when_a_larger_one_agrees() -> None:
    # "more than 2 trillion" agrees with 36.59 trillion, which states another figure
    alignment = _aligned(["36.59 trillion yuan", "more than 2 trillion yuan"], ["36.59万亿元"])
    assert [a.text for a in alignment.alone_mine] == ["more than 2 trillion yuan"]
    assert [(a.text, b.text) for a, b in alignment.matched] == [
        ("36.59 trillion yuan", "36.59万亿元")
    ]
    assert not alignment.alone_theirs


def test_a_figure_pairs_with_the_one_that_states_its_number_wherever_it_stands() -> None:
    alignment = _aligned(
        ["36.59 trillion yuan", "more than 2 trillion yuan"], ["36.59万亿元", "超过2万亿元"]
    )
    assert alignment.ok
    assert [(a.text, b.text) for a, b in alignment.matched] == [
        ("36.59 trillion yuan", "36.59万亿元"),
        ("more than 2 trillion yuan", "超过2万亿元"),
    ]


def test_an_agreeing_figure_that_states_no_number_of_this_side_still_pairs() -> None:
    # worded differently, not contradicting: 2.1 trillion is "more than 2 trillion"
    alignment = _aligned(["more than 2 trillion yuan"], ["2.3万亿元"])
    assert alignment.ok
    # and a figure repeated on one side pairs each time
    repeated = _aligned(["5.2 billion tons", "5.2 billion tons"], ["52亿吨"])
    assert repeated.ok and len(repeated.matched) == 2


def test_the_same_digits_under_another_scale_are_a_near_miss_named_as_such() -> None:
    # 1.2亿 is 120 million; "1.2 billion" is the translation slip that makes it ten times more
    alignment = _aligned(["1.2 billion home appliances"], ["1.2亿台"])
    assert not alignment.matched and not alignment.alone_mine and not alignment.alone_theirs
    (miss,) = alignment.near_misses
    assert (miss.mine.text, miss.theirs.text) == ("1.2 billion", "1.2亿台")
    assert miss.why.endswith(
        "the same digits 10x apart: a scale word (万, 亿, million, billion) slipped?"
    )
    # far apart without the same digits: no pair at all
    apart = _aligned(["1.3 billion home appliances"], ["1.2亿台"])
    assert not apart.near_misses
    assert len(apart.alone_mine) == 1 and len(apart.alone_theirs) == 1
