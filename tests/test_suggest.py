"""``briefcheck suggest``: claims for unchecked figures, pre-paired across documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import OPENING, SUMMARY, edit_source

from pytest_briefcheck.agreement import agree
from pytest_briefcheck.claims import Claim, load_claim_file
from pytest_briefcheck.figures import parse_figure
from pytest_briefcheck.suggest import figure_notation

NEW_FIGURE = "making it the largest globally, with 1,200 customs officers on duty at night [2]"


def _suggest(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.run(sys.executable, "-m", "pytest_briefcheck.cli", "suggest", *args)


def _claims(path: Path) -> list[Claim]:
    loaded = load_claim_file(path, path.name)
    assert loaded.error is None, loaded.error
    assert not [p for c in loaded.claims for p in c.problems]
    return list(loaded.claims)


def test_a_suggested_claim_for_a_new_figure_passes_once_written(
    bundled: Path, pytester: pytest.Pytester
) -> None:
    edit_source(bundled, SUMMARY, "making it the largest globally [2]", NEW_FIGURE)
    printed = _suggest(pytester, f"sources/{SUMMARY}")
    assert printed.ret == 0, printed.stderr.str()
    assert "1,200 customs officers" in printed.stdout.str()
    written = _suggest(pytester, f"sources/{SUMMARY}", "--write", "claims/new.yaml")
    assert written.ret == 0, written.stderr.str()
    claims = _claims(bundled / "claims" / "new.yaml")
    assert len(claims) == 1
    (claim,) = claims
    assert claim.expect == "1200"
    assert [q.source for q in claim.quotes] == ["summary_en"]
    assert "1,200 customs officers" in claim.quotes[0].text
    result = pytester.runpytest("--briefcheck", "-v")
    result.stdout.fnmatch_lines_random(
        [
            f"claims/new.yaml::{claim.id} PASSED*",
            f"sources/{SUMMARY}::coverage[[]summary_en[]] PASSED*",
        ]
    )


def test_write_refuses_an_existing_file(bundled: Path, pytester: pytest.Pytester) -> None:
    edit_source(bundled, SUMMARY, "making it the largest globally [2]", NEW_FIGURE)
    existing = bundled / "claims" / "customs-2025-08-25" / "summary.yaml"
    before = existing.read_bytes()
    result = _suggest(
        pytester, f"sources/{SUMMARY}", "--write", "claims/customs-2025-08-25/summary.yaml"
    )
    assert result.ret == 2
    result.stderr.fnmatch_lines(["*summary.yaml already exists; suggest never overwrites*"])
    assert existing.read_bytes() == before


def test_nothing_to_suggest_for_the_bundled_corpus(bundled: Path, pytester) -> None:
    result = _suggest(pytester, "summary_en")
    assert result.ret == 0, result.stderr.str()
    assert "claims: []" in result.stdout.str()


def _quote_sources(claims: list[Claim], needle: str) -> set[str]:
    """The sources quoted by the claim whose opening quote holds ``needle``."""
    for claim in claims:
        if any(q.source == "opening" and needle in q.text for q in claim.quotes):
            return {q.source for q in claim.quotes}
    raise AssertionError(f"no claim quotes {needle!r} from the opening")


def test_the_opening_against_the_summary_comes_pre_paired(
    briefing, pytester: pytest.Pytester
) -> None:
    root = briefing()
    result = _suggest(
        pytester,
        f"sources/{OPENING}",
        "--against",
        f"sources/{SUMMARY}",
        "--write",
        "claims/opening.yaml",
    )
    assert result.ret == 0, result.stderr.str()
    claims = _claims(root / "claims" / "opening.yaml")
    assert {"summary_en", "summary_zh"} <= _quote_sources(claims, "5.2 billion metric tons")
    # the opening states the value with no basis of its own ("with a value of"), so it
    # pairs with both summaries; the claims' basis: per_year is what catches the English
    # "total value" (the bundled annual_goods_value claim)
    assert {"summary_en", "summary_zh"} <= _quote_sources(claims, "41.5 trillion yuan")
    assert "summary_en" in _quote_sources(claims, "bringing the total number to 311")
    assert "summary_en" in _quote_sources(claims, "has reached 964 items")
    assert "summary_en" in _quote_sources(claims, "in 25 categories")
    # every figure and date of the opening is now claimed, and every claim holds
    registry = (root / "claims" / "sources.yaml").read_text(encoding="utf-8")
    (root / "claims" / "sources.yaml").write_text(
        registry.replace(
            "    event: 2025-08-25\n", "    event: 2025-08-25\n    checked: true\n", 1
        ),
        encoding="utf-8",
    )
    check = pytester.runpytest("--briefcheck", "-v")
    check.stdout.fnmatch_lines([f"sources/{OPENING}::coverage PASSED*"])
    assert check.ret == 0, check.stdout.str()


def test_a_near_miss_in_the_summary_is_flagged(briefing, pytester: pytest.Pytester) -> None:
    root = briefing()
    edit_source(root, SUMMARY, "5.2 billion tons", "5.3 billion tons")
    result = _suggest(pytester, "opening", "--against", "summary_en")
    assert result.ret == 0, result.stderr.str()
    result.stdout.fnmatch_lines(
        [f"    # NEAR MISS: summary_en says 5.3 billion t (per_year) at sources/{SUMMARY}:1:*"]
    )


def test_an_unknown_source_is_a_clear_error(briefing, pytester: pytest.Pytester) -> None:
    briefing()
    result = _suggest(pytester, "no_such_alias")
    assert result.ret == 2
    result.stderr.fnmatch_lines(["briefcheck: 'no_such_alias' is neither a file nor a source*"])


# A ministry briefing as its English page prints it (hard-wrapped, "Updated" after the
# event), its Chinese page (hard-wrapped inside a figure) and a summary with two slips.
MOFCOM_EN = """\
Regular Press Conference of the Ministry of Commerce (October 16, 2025)
Source: MOFCOM  Updated: November 3, 2025

He Yadong: Online retail sales of physical goods amounted to 9.28 trillion
yuan, accounting for 25.4% of the total.

The trade-in program has driven sales of more than 2 trillion yuan in total, and 120
million home appliances were sold under it.

He Yadong: In the first nine months, 48,000 new foreign-invested enterprises were
established nationwide.
"""
MOFCOM_ZH = """\
商务部召开例行新闻发布会（2025年10月16日）

何亚东：今天我想介绍一下前三季度消费市场情况。实物商品网上零售额9.28万
亿元，占比25.4%。

以旧换新政策累计带动销售额超过2万亿元，家电以旧换新1.2亿台。

何亚东：前9个月，全国新设立外商投资企业4.8万家。
"""
MOFCOM_SUMMARY = """\
Online retail sales of physical goods amounted to 9.28 trillion yuan, the Ministry of
Commerce said on Nov. 3, 2025.

The trade-in program has driven annual sales of more than 2 trillion yuan, with 1.2
billion home appliances sold.
"""
MOFCOM_REGISTRY = """\
version: 1
sources:
  mofcom_en: {path: mofcom.en.txt, lang: en}
  mofcom_zh: {path: mofcom.zh.txt, lang: zh, translation_of: mofcom_en}
  summary_en: {path: summary.en.txt, lang: en}
"""


@pytest.fixture
def mofcom(pytester: pytest.Pytester) -> Path:
    pytester.makeini("[pytest]\n")
    for name, text in (
        ("mofcom.en.txt", MOFCOM_EN),
        ("mofcom.zh.txt", MOFCOM_ZH),
        ("summary.en.txt", MOFCOM_SUMMARY),
    ):
        (pytester.path / "sources").mkdir(exist_ok=True)
        (pytester.path / "sources" / name).write_text(text, encoding="utf-8")
    (pytester.path / "claims").mkdir()
    (pytester.path / "claims" / "sources.yaml").write_text(MOFCOM_REGISTRY, encoding="utf-8")
    return pytester.path


def _claim_quoting(claims: list[Claim], source: str, needle: str) -> Claim:
    for claim in claims:
        if any(q.source == source and needle in q.text for q in claim.quotes):
            return claim
    raise AssertionError(f"no claim quotes {needle!r} from {source}")


def _suggest_mofcom(pytester: pytest.Pytester, root: Path) -> list[Claim]:
    result = _suggest(
        pytester,
        "mofcom_en",
        "--against",
        "mofcom_zh",
        "--against",
        "summary_en",
        "--write",
        "claims/mofcom.yaml",
    )
    assert result.ret == 0, result.stderr.str()
    return _claims(root / "claims" / "mofcom.yaml")


def test_a_figure_pairs_with_the_one_that_states_its_number(
    mofcom: Path, pytester: pytest.Pytester
) -> None:
    claims = _suggest_mofcom(pytester, mofcom)
    # "more than 2 trillion" agrees with 9.28 trillion too, but only 超过2万亿元 states it;
    # the summary's "annual" one conflicts in basis and is not paired
    driven = _claim_quoting(claims, "mofcom_en", "more than 2 trillion yuan")
    assert [(q.source, q.figure) for q in driven.quotes] == [
        ("mofcom_en", None),
        ("mofcom_zh", "超过2万亿元"),
    ]
    assert (driven.expect, driven.basis) == (">2 trillion CNY", "total")


def _suggested_for(pytester: pytest.Pytester, **documents: str) -> list[Claim]:
    """Claims suggested for sources/en.txt, against sources/zh.txt when it is given."""
    pytester.makeini("[pytest]\n")
    (pytester.path / "sources").mkdir()
    for lang, text in documents.items():
        (pytester.path / "sources" / f"{lang}.txt").write_text(text, encoding="utf-8")
    against = ["--against", "sources/zh.txt"] if "zh" in documents else []
    result = _suggest(pytester, "sources/en.txt", *against, "--write", "x.yaml")
    assert result.ret == 0, result.stderr.str()
    return _claims(pytester.path / "x.yaml")


def test_claim_ids_name_what_each_figure_is_stated_of(pytester: pytest.Pytester) -> None:
    claims = _suggested_for(
        pytester,
        en="In the first ten months, tentative deals reached 83.49 billion US dollars, up 4.4 "
        "percent.\n\nA total of 53,782 new foreign-invested enterprises were set up.\n\n"
        "The gross domestic product (GDP) of China in the first three quarters was 101.5 "
        "trillion yuan.\n",
    )
    ids = {claim.expect: claim.id for claim in claims}
    # the subject before the figure, without verbs, dates and asides; what a count counts;
    # a change stated after a figure names that figure's subject and its direction
    assert ids["83.49 billion USD"] == "tentative_deals"
    assert ids["4.4%"] == "tentative_deals_up"
    assert ids["53782"] == "new_foreign_invested_enterprises"
    assert ids["101.5 trillion CNY"] == "domestic_product_china"


def test_a_repeated_figure_pairs_with_the_one_beside_the_same_facts(
    pytester: pytest.Pytester,
) -> None:
    # 一年 is stated twice; "one year" stands beside 138 and 50 percent, and only the
    # second 一年 stands beside them: neighbours count only when they state the same fact
    claims = _suggested_for(
        pytester,
        en="First, 53,782 new foreign-invested enterprises were set up, up 14.7 percent.\n\n"
        "Second, tentative deals reached 83.49 billion US dollars, up 4.4 percent, with "
        "exhibitors from 138 countries.\n\n"
        "The US side will suspend the 50 percent rule for one year.\n",
        zh="一是新设立外商投资企业53782家，同比增长14.7%。\n\n"
        "二是按一年计，意向成交额834.9亿美元，比上届增长4.4%，企业来自138个国家。\n\n"
        "美方将暂停实施50%规则一年。\n",
    )
    (year,) = [claim for claim in claims if claim.expect == "1 year"]
    assert [q.text for q in year.quotes if q.source == "zh"] == ["美方将暂停实施50%规则一年"]


def test_quotes_read_through_hard_wraps_and_keep_numbers_whole(
    mofcom: Path, pytester: pytest.Pytester
) -> None:
    claims = _suggest_mofcom(pytester, mofcom)
    online = _claim_quoting(claims, "mofcom_en", "9.28 trillion yuan")
    assert {q.source: q.text for q in online.quotes} == {
        "mofcom_en": "sales of physical goods amounted to 9.28 trillion yuan, "
        "accounting for 25.4% of the total",
        "mofcom_zh": "实物商品网上零售额9.28万亿元，占比25.4%",
        "summary_en": "sales of physical goods amounted to 9.28 trillion yuan, the Ministry of",
    }
    # a period pairs across languages with the one stated next to the same facts: 前9个月
    # beside 4.8万家 (48,000), not 前三季度, which names the same months elsewhere
    months = _claim_quoting(claims, "mofcom_en", "first nine months")
    assert months.kind == "date"
    assert [q.text for q in months.quotes] == [
        "He Yadong: In the first nine months",
        "何亚东：前9个月",
    ]
    # every suggested claim holds when checked
    check = pytester.runpytest("--briefcheck", "claims/mofcom.yaml", "-q")
    assert check.ret == 0, check.stdout.str()


def test_a_scale_slip_and_a_conflicting_basis_are_flagged(
    mofcom: Path, pytester: pytest.Pytester
) -> None:
    result = _suggest(pytester, "mofcom_en", "--against", "summary_en")
    assert result.ret == 0, result.stderr.str()
    result.stdout.fnmatch_lines_random(
        [
            "    # NEAR MISS: summary_en says >2 trillion CNY (per_year) at "
            "sources/summary.en.txt:4:49 ('more than 2 trillion yuan'): "
            "bases conflict: total vs per_year",
            "    # NEAR MISS: summary_en says 1.2 billion at sources/summary.en.txt:4:81 "
            "('1.2 billion'): * the same digits 10x apart: a scale word * slipped?",
        ]
    )


@pytest.mark.parametrize(
    ("text", "notation"),
    [
        ("5.2 billion metric tons", "5.2 billion t"),
        ("41.5万亿元", "41.5 trillion CNY"),
        ("超过3000家", ">3000"),
        ("80%", "80%"),
        ("0.7个百分点", "0.7 percentage points"),
        ("约45万台", "~450000"),
        ("近五分之一", "~1/5"),
    ],
)
def test_expect_is_written_in_the_claim_notation_and_reads_back(text: str, notation: str) -> None:
    figure = parse_figure(text)
    assert figure_notation(figure) == notation
    read_back = parse_figure(notation, years=True)
    assert (read_back.unit, read_back.kind) == (figure.unit, figure.kind)
    assert agree(read_back, figure).agrees


def test_a_chinese_quote_is_not_cut_inside_a_word(mofcom: Path, pytester: pytest.Pytester) -> None:
    result = _suggest(pytester, "mofcom_zh", "--write", "claims/zh.yaml")
    assert result.ret == 0, result.stderr.str()
    claims = _claims(mofcom / "claims" / "zh.yaml")
    # no clause ends within reach of 前三季度: the sentence is taken whole (it ended at
    # "消费市", inside 消费市场, before)
    quarters = _claim_quoting(claims, "mofcom_zh", "前三季度")
    assert [q.text for q in quarters.quotes] == ["何亚东：今天我想介绍一下前三季度消费市场情况"]
    assert all(not q.text.endswith("消费市") for c in claims for q in c.quotes)


def test_a_title_line_is_not_read_as_wrapped_into_the_text_under_it(
    mofcom: Path, pytester: pytest.Pytester
) -> None:
    # the Chinese title runs straight into the paragraph under it, with no blank line
    path = mofcom / "sources" / "mofcom.zh.txt"
    path.write_text(MOFCOM_ZH.replace("）\n\n", "）\n", 1), encoding="utf-8")
    claims = _suggest_mofcom(pytester, mofcom)
    held = _claim_quoting(claims, "mofcom_en", "October 16, 2025")
    assert {q.source: q.text for q in held.quotes}["mofcom_zh"] == (
        "商务部召开例行新闻发布会（2025年10月16日）"
    )


def test_hard_wraps_are_read_through_in_crlf_files_too(
    mofcom: Path, pytester: pytest.Pytester
) -> None:
    for name in ("mofcom.en.txt", "mofcom.zh.txt"):
        path = mofcom / "sources" / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    claims = _suggest_mofcom(pytester, mofcom)
    # the sentence goes on after "were\r\n" in lower case
    enterprises = _claim_quoting(claims, "mofcom_en", "48,000")
    assert [q.text for q in enterprises.quotes if q.source == "mofcom_en"] == [
        "He Yadong: In the first nine months, 48,000 new foreign-invested enterprises were "
        "established nationwide"
    ]
