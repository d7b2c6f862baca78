"""Relations: parsing (never eval), unit-aware interval evaluation, three-valued logic."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from builders import fig
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_briefcheck import relations
from pytest_briefcheck.agreement import agree
from pytest_briefcheck.errors import RelationError
from pytest_briefcheck.figures import Figure
from pytest_briefcheck.relations import (
    MAX_DEPTH,
    MAX_LENGTH,
    Relation,
    evaluate,
    parse_relation,
)

CLAIMS: dict[str, Figure] = {
    "open_ports_total": fig(311, text="311"),
    "open_ports_added": fig(40, text="40"),
    "partner_trade_2024": fig(2.2e13, "CNY", p=1e12, text="22 trillion yuan"),
    "goods_trade_2024": fig(4.38e13, "CNY", p=1e11, text="43.8 trillion yuan"),
    "tonnage": fig(5.2e9, "t", p=1e8, text="5.2 billion metric tons"),
    "tonnage_fine": fig(5.21e9, "t", p=1e7, text="5.21 billion tonnes"),
    "tonnage_more": fig(5.3e9, "t", p=1e8, text="5.3 billion tons"),
    "tonnage_kg": fig(5.2e12, "kg", p=1e11, text="5.2 trillion kilograms"),
    "one_yuan": fig(1, "CNY", text="1 yuan"),
    "tax_revenue": fig(9.7e12, "CNY", p=1e11, text="9.7 trillion yuan"),
    "bonded_share": fig(0.2, kind="fraction", text="one-fifth"),
    "growth": fig(7.9, "percent", p=0.1, kind="percent", text="7.9%"),
    "enterprises": fig(3000, q=">", text="more than 3,000"),
    "trainees": fig(7000, q="~", text="about 7,000"),
    "few": fig(5, q="<", text="fewer than 5"),
    "zero": fig(0, text="0"),
}


def run(expression: str, values: dict[str, Figure] | None = None):
    return evaluate(parse_relation("r", expression), CLAIMS if values is None else values)


# -- parsing ------------------------------------------------------------------------------------


def test_parse_keeps_the_source_and_lists_the_names() -> None:
    relation = parse_relation("ports_before_plan", "open_ports_total - open_ports_added == 271")
    assert relation.name == "ports_before_plan"
    assert relation.source == "open_ports_total - open_ports_added == 271"
    assert relation.names == frozenset({"open_ports_total", "open_ports_added"})
    assert parse_relation("x", "1 < 2").names == frozenset()


def test_relations_are_frozen_values() -> None:
    a = parse_relation("share", "partner_trade_2024 / goods_trade_2024 > 0.5")
    assert a == parse_relation("share", "partner_trade_2024 / goods_trade_2024 > 0.5")
    assert hash(a) == hash(parse_relation("share", "partner_trade_2024 / goods_trade_2024 > 0.5"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.source = "1 < 2"  # type: ignore[misc]


@pytest.mark.parametrize(
    "expression",
    [
        "a == 1",
        "a != 1.5",
        "a < 1e6",
        "a <= 2.5E-3",
        "a > .5",
        "a >= 50%",
        "-a < -(b + c) * 2 / 3",
        "a > 1 and b < 2 or not c == 3",
        "not not (a > b)",
        "((a)) > ((b))",
        "2024_trade > 0",
        "a > 5.",
        "a\n  >\tb",
    ],
)
def test_valid_expressions_parse(expression: str) -> None:
    assert isinstance(parse_relation("r", expression), Relation)


PARSE_ERRORS = [
    # (expression, col, what the message says)
    ("__import__('os')", 11, "function calls are not allowed"),
    ("a.b", 2, "attribute access"),
    ("a[0]", 2, "indexing"),
    ("2**99999", 2, "'**' (power) is not allowed"),
    ("9" * 5000, MAX_LENGTH + 1, "at most 2000"),
    ("lambda: 1", 1, "'lambda' is not allowed"),
    ("a > 1 if b else 2", 7, "'if' is not allowed"),
    ("abs(a) > 1", 4, "function calls are not allowed"),
    ("(a)(b) > 1", 4, "function calls are not allowed"),
    ("a > 'x'", 5, "strings are not allowed"),
    ('a > "x"', 5, "strings are not allowed"),
    ("a = b", 3, "write '=='"),
    ("a ! b", 3, "'not'"),
    ("a && b", 3, "'and'"),
    ("a || b", 3, "'or'"),
    ("a // 2 > 1", 3, "'//'"),
    ("a ^ 2 > 1", 3, "no power operator"),
    ("a % 2 > 1", 3, "right after a number"),
    ("a, b", 2, "','"),
    ("{a} > 1", 1, "'{'"),
    ("a @ b", 3, "'@'"),
    ("a > 1 # comment", 7, "unexpected character '#'"),
    ("a ≥ 1", 3, "write '>='"),
    ("a > 吨", 5, "unexpected character"),
    ("Foo > 1", 1, "lowercase"),
    ("True", 1, "'True' is not allowed"),
    ("a < b < c", 7, "cannot be chained"),
    ("a == b == c", 8, "cannot be chained"),
    ("a +", 4, "ends too early"),
    ("a >", 4, "ends too early"),
    ("(a > b", 7, "never closed"),
    ("a > b)", 6, "unexpected ')'"),
    ("a b > 1", 3, "operator is missing"),
    ("a > 1 2", 7, "operator is missing"),
    ("", 1, "empty"),
    ("   ", 1, "empty"),
    ("a + b", 1, "must compare"),
    ("a", 1, "must compare"),
    ("a > b and c", 11, "'and' joins comparisons"),
    ("not a", 5, "'not' joins comparisons"),
    ("(a > b) + 1 > 0", 1, "comparison cannot be used as a number"),
    ("a + (b > c) > 1", 5, "comparison cannot be used as a number"),
    ("-(a > b) and c > 1", 2, "comparison cannot be used as a number"),
    ("1e999 > a", 1, "out of range"),
    ("1e-999 > a", 1, "out of range"),
    ("9" * 400 + " > a", 1, "out of range"),
    ("5.x > 1", 1, "runs into a name"),
    (". > 1", 1, "stray '.'"),
    ("+a > 1", 1, "unexpected '+'"),
    ("(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1) + " > 1", MAX_DEPTH + 1, "50 levels"),
    ("-" * (MAX_DEPTH + 1) + "a > 1", MAX_DEPTH + 1, "50 levels"),
    ("not " * (MAX_DEPTH + 1) + "a > 1", 4 * MAX_DEPTH + 1, "50 levels"),
]


@pytest.mark.parametrize(
    ("expression", "col", "message"), PARSE_ERRORS, ids=[row[0][:24] for row in PARSE_ERRORS]
)
def test_parse_errors_name_the_column_and_what_is_allowed(
    expression: str, col: int, message: str
) -> None:
    with pytest.raises(RelationError) as caught:
        parse_relation("r", expression)
    assert caught.value.col == col
    assert message in caught.value.message
    assert caught.value.hint is not None and "allowed:" in caught.value.hint
    assert "comparison" in caught.value.hint


def test_a_relation_exactly_at_the_limits_parses() -> None:
    nested = "(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH + " > 1"
    assert parse_relation("r", nested).names == {"a"}
    assert run(nested, {"a": fig(2)}).holds
    negated = "-" * MAX_DEPTH + "a == 2"
    assert run(negated, {"a": fig(2)}).holds
    assert run("not " * MAX_DEPTH + "a == 2", {"a": fig(2)}).holds
    terms = (MAX_LENGTH - 10) // 2
    long_sum = "+".join(["1"] * terms) + f" == {terms}"
    assert len(long_sum) <= MAX_LENGTH
    assert run(long_sum, {}).status == "holds"


def test_the_evaluator_never_uses_python_eval() -> None:
    source = Path(relations.__file__).read_text(encoding="utf-8")
    for forbidden in (
        r"(?<!\.)\beval\(",
        r"(?<!\.)\bexec\(",
        r"(?<!re\.)\bcompile\(",
        r"\bimport ast\b",
        r"\bast\.",
    ):
        assert re.search(forbidden, source) is None, forbidden


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab_1.%e+-*/()<>=!& \"'[]:,\\^~x", max_size=60))
def test_any_text_parses_or_raises_a_relation_error_with_a_column(expression: str) -> None:
    try:
        parse_relation("r", expression)
    except RelationError as exc:
        assert exc.col is not None and 1 <= exc.col <= len(expression) + 1


# -- evaluation ---------------------------------------------------------------------------------

EVALUATIONS = [
    # (expression, status, text in the explanation)
    (
        "open_ports_total - open_ports_added == 271",
        "holds",
        "the left side is 271, the right side 271",
    ),
    (
        "open_ports_total - open_ports_added == 272",
        "fails",
        "the left side is 271, the right side 272",
    ),
    ("open_ports_total - open_ports_added != 272", "holds", "the left side is 271"),
    ("open_ports_total - open_ports_added != 271", "fails", "the right side 271"),
    (
        "partner_trade_2024 / goods_trade_2024 > 0.5",
        "undecidable",
        "undecidable at the stated precision: the left side is 0.490–0.514, the right side 0.5",
    ),
    ("partner_trade_2024 / goods_trade_2024 > 50%", "undecidable", "the right side 0.5"),
    ("partner_trade_2024 / goods_trade_2024 > 0.4", "holds", "the left side is 0.490–0.514"),
    ("partner_trade_2024 / goods_trade_2024 >= 0.6", "fails", "the left side is 0.490–0.514"),
    ("partner_trade_2024 < goods_trade_2024", "holds", "CNY"),
    ("tax_revenue * 4 < goods_trade_2024", "holds", ""),
    ("tonnage == tonnage_fine", "holds", ""),
    ("tonnage == tonnage_more", "fails", ""),
    ("tonnage != tonnage_more", "holds", ""),
    ("tonnage == tonnage_kg", "holds", ""),
    ("tonnage - tonnage_kg == 0", "holds", ""),
    ("tonnage > 0", "holds", ""),
    ("enterprises > 2999", "holds", "the left side is > 3000, the right side 2999"),
    ("enterprises > 3000", "holds", ""),
    ("enterprises > 3001", "undecidable", ""),
    ("enterprises < 3000", "fails", ""),
    # Exact bounds that meet a single value: neither side is rounded, so '==' cannot decide.
    ("enterprises == 3500", "undecidable", ""),
    ("enterprises == 3000", "fails", ""),
    ("trainees == 7200", "holds", ""),
    ("trainees == 7400", "fails", ""),
    ("bonded_share == 20%", "holds", "the left side is 0.2, the right side 0.2"),
    ("growth > 7.8%", "holds", "0.0785–0.0795"),
    ("growth < bonded_share", "holds", ""),
    ("2 + 3 * 4 == 14", "holds", ""),
    ("(2 + 3) * 4 == 20", "holds", ""),
    ("10 / 4 == 2.5", "holds", ""),
    ("-2 * -3 == 6", "holds", ""),
    ("1 - 2 - 3 == -4", "holds", ""),
    ("12 / 2 / 3 == 2", "holds", ""),
    ("0.1 + 0.2 == 0.3", "holds", ""),
    ("1e3 == 1000", "holds", ""),
    ("-zero == 0", "holds", ""),
    ("open_ports_total * 0 == 0", "holds", ""),
]


@pytest.mark.parametrize(
    ("expression", "status", "text"), EVALUATIONS, ids=[row[0] for row in EVALUATIONS]
)
def test_evaluate(expression: str, status: str, text: str) -> None:
    result = run(expression)
    assert result.status == status, result.explanation
    assert text in result.explanation


def test_explanation_shows_each_claim_and_both_sides() -> None:
    result = run("open_ports_total - open_ports_added == 271")
    assert result.holds
    assert result.explanation == (
        "the left side is 271, the right side 271. "
        "With open_ports_added = 40, open_ports_total = 311."
    )
    share = run("partner_trade_2024 / goods_trade_2024 > 0.5")
    assert share.explanation == (
        "undecidable at the stated precision: the left side is 0.490–0.514, the right side 0.5. "
        "With goods_trade_2024 = '43.8 trillion yuan', admitting 4.375e13–4.385e13 CNY, "
        "partner_trade_2024 = '22 trillion yuan', admitting 2.15e13–2.25e13 CNY."
    )


def test_compound_explanations_quote_each_comparison() -> None:
    result = run("open_ports_total > 300 and partner_trade_2024 / goods_trade_2024 > 0.5")
    assert result.status == "undecidable"
    assert result.explanation.startswith(
        "undecidable at the stated precision: 'open_ports_total > 300' holds "
        "(the left side is 311, the right side 300); "
        "'partner_trade_2024 / goods_trade_2024 > 0.5' is undecidable "
    )


UNIT_ERRORS = [
    ("tonnage + one_yuan > 0", 9, "cannot add"),
    ("tonnage - one_yuan > 0", 9, "cannot subtract"),
    ("tonnage > one_yuan", 9, "cannot compare"),
    ("tonnage > 5", 9, "a plain number"),
    ("open_ports_total < tonnage", 18, "cannot compare"),
    ("tonnage / one_yuan > 1", 20, "cannot compare"),
    ("open_ports_total / zero > 1", 18, "division by zero"),
    ("open_ports_total / few > 1", 18, "may be zero"),
    ("open_ports_total / (1 - 1) > 1", 18, "division by zero"),
    ("missing_claim > 1", 1, "unknown claim id 'missing_claim'"),
    ("1 < 2 or missing_claim > 1", 10, "unknown claim id"),
]


@pytest.mark.parametrize(
    ("expression", "col", "message"), UNIT_ERRORS, ids=[row[0] for row in UNIT_ERRORS]
)
def test_evaluation_errors(expression: str, col: int, message: str) -> None:
    with pytest.raises(RelationError) as caught:
        run(expression)
    assert caught.value.col == col
    assert message in caught.value.message


def test_ratios_of_one_currency_are_plain_numbers() -> None:
    assert run("partner_trade_2024 / goods_trade_2024 < 1").holds
    assert run("partner_trade_2024 / goods_trade_2024 < bonded_share * 3").holds


def test_products_carry_units() -> None:
    assert run("tonnage * one_yuan / tonnage == one_yuan").holds
    with pytest.raises(RelationError, match="cannot compare"):
        run("tonnage * one_yuan > one_yuan")


def test_half_open_roundings_make_differences_of_adjacent_roundings_fail() -> None:
    # [5.15e9, 5.25e9) - [5.25e9, 5.35e9) never reaches 0.
    assert run("tonnage - tonnage_more == 0").status == "fails"
    assert run("tonnage < tonnage_more").holds


def test_per_period_figures_count_per_period() -> None:
    values = {
        "yearly": fig(4.15e13, "CNY/year", p=1e11, text="41.5 trillion yuan a year"),
        "total": fig(9.7e12, "CNY", p=1e11, text="9.7 trillion yuan"),
    }
    values["yearly"] = dataclasses.replace(values["yearly"], basis="per_year")
    result = run("total < yearly", values)
    assert result.holds
    assert "admitting 4.145e13–4.155e13 CNY" in result.explanation


def test_parsed_figures_end_to_end() -> None:
    from pytest_briefcheck.figures import parse_figure

    values = {
        "open_ports_total": parse_figure("bringing the total number to 311"),
        "open_ports_added": parse_figure("added and expanded 40 open ports"),
        "partner_trade_2024": parse_figure("22 trillion yuan"),
        "goods_trade_2024": parse_figure("43.8 trillion yuan"),
    }
    assert run("open_ports_total - open_ports_added == 271", values).holds
    share = run("partner_trade_2024 / goods_trade_2024 > 0.5", values)
    assert share.status == "undecidable"
    assert "the left side is 0.490–0.514, the right side 0.5" in share.explanation


# -- three-valued logic -------------------------------------------------------------------------

ATOMS = {
    "holds": "open_ports_total > 300",
    "fails": "open_ports_total < 300",
    "undecidable": "partner_trade_2024 / goods_trade_2024 > 0.5",
}
AND = {
    ("holds", "holds"): "holds",
    ("holds", "fails"): "fails",
    ("holds", "undecidable"): "undecidable",
    ("fails", "fails"): "fails",
    ("fails", "undecidable"): "fails",
    ("undecidable", "undecidable"): "undecidable",
}
OR = {
    ("holds", "holds"): "holds",
    ("holds", "fails"): "holds",
    ("holds", "undecidable"): "holds",
    ("fails", "fails"): "fails",
    ("fails", "undecidable"): "undecidable",
    ("undecidable", "undecidable"): "undecidable",
}


@pytest.mark.parametrize(("x", "y"), list(AND))
def test_and_or_are_kleene(x: str, y: str) -> None:
    for left, right in ((x, y), (y, x)):
        assert run(f"{ATOMS[left]} and {ATOMS[right]}").status == AND[(x, y)]
        assert run(f"{ATOMS[left]} or {ATOMS[right]}").status == OR[(x, y)]


@pytest.mark.parametrize(
    ("x", "negated"), [("holds", "fails"), ("fails", "holds"), ("undecidable", "undecidable")]
)
def test_not_is_kleene(x: str, negated: str) -> None:
    assert run(f"not {ATOMS[x]}").status == negated
    assert run(f"not not {ATOMS[x]}").status == x


def test_and_binds_tighter_than_or() -> None:
    h, f = ATOMS["holds"], ATOMS["fails"]
    assert run(f"{h} or {f} and {f}").status == "holds"
    assert run(f"({h} or {f}) and {f}").status == "fails"


# -- properties ---------------------------------------------------------------------------------

stated = st.builds(
    lambda m, k, exact: fig(m * 10.0**k, p=None if exact else 10.0**k),
    st.integers(0, 2000),
    st.integers(0, 3),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(stated, stated)
def test_equality_fails_exactly_when_the_figures_disagree(a: Figure, b: Figure) -> None:
    result = run("a == b", {"a": a, "b": b})
    assert (result.status == "fails") == (not agree(a, b).agrees)


@settings(max_examples=200, deadline=None)
@given(st.integers(-(10**9), 10**9), st.integers(-(10**9), 10**9))
def test_exact_integer_arithmetic_holds(x: int, y: int) -> None:
    values = {"x": fig(float(x)), "y": fig(float(y))}
    assert run(f"x + y == {x + y}", values).holds
    assert run(f"x - y == {x - y}", values).holds
    assert run(f"x - y == {x - y + 1}", values).status == "fails"
    assert run("x * y == y * x", values).holds
    assert run("x < y or x >= y", values).holds
