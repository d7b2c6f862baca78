"""Relations: a small, safe arithmetic language over claims.

``open_ports_total - open_ports_added == 271`` is tokenized and parsed here by
a recursive-descent parser into a tree of frozen dataclasses, then evaluated by
walking that tree: nothing is ever handed to ``eval`` or compiled. The grammar::

    relation   := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := sum [("==" | "!=" | "<" | "<=" | ">" | ">=") sum]
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | atom
    atom       := NUMBER | ID | "(" or ")"
    NUMBER     := digits ["." digits] [("e" | "E") ["+" | "-"] digits] ["%"]
    ID         := [a-z0-9_]+  (a claim id)

Evaluation is unit-aware and rounding-aware: each claim contributes the
interval its figure admits (:func:`~pytest_briefcheck.agreement.admitted`), in
base units and per period ("41.5 trillion yuan a year" counts in CNY, as
agreement counts it), and the arithmetic is interval arithmetic. A comparison *holds*
when it is true for every value the intervals admit, *fails* when it is true
for none, and is *undecidable* otherwise. ``==`` follows agreement: it holds
when both sides are the same single value, or when they meet and at least one
side is rounded (or "about"); it fails when they do not meet. ``!=`` is its
negation; ``and`` / ``or`` / ``not`` are three-valued (Kleene) logic.
"""

from __future__ import annotations

import keyword
import math
import re
import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .agreement import Interval, Tolerance, admitted, exact, is_rounded
from .errors import BriefcheckError, RelationError
from .figures import Figure

MAX_LENGTH = 2000
MAX_DEPTH = 50
ALLOWED = (
    "numbers (271, 0.5, 1e6, 50%), claim ids ([a-z0-9_]+), + - * /, unary -, parentheses, "
    "one comparison (== != < <= > >=) joined to others by and / or / not"
)
COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
HOLDS, FAILS, UNDECIDABLE = "holds", "fails", "undecidable"
DEFAULT_TOLERANCE = Tolerance()

# -- the tree -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    value: Fraction
    text: str
    col: int


@dataclass(frozen=True)
class Name:
    id: str
    col: int


@dataclass(frozen=True)
class Negate:
    operand: Node
    col: int


@dataclass(frozen=True)
class Operation:
    """One precedence level, left to right: ``first (op operand)*`` with op in + - or * /."""

    first: Node
    rest: tuple[tuple[str, int, Node], ...]  # (operator, its column, operand)


@dataclass(frozen=True)
class Comparison:
    op: str
    left: Node
    right: Node
    col: int  # the operator's column
    start: int  # the comparison's first and last column, to quote it
    end: int


@dataclass(frozen=True)
class Logical:
    op: str  # "and" | "or"
    operands: tuple[Node, ...]
    col: int


@dataclass(frozen=True)
class Not:
    operand: Node
    col: int


Node = Number | Name | Negate | Operation | Comparison | Logical | Not


def _walk(node: Node) -> list[Node]:
    found: list[Node] = []
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        if isinstance(current, Negate | Not):
            stack.append(current.operand)
        elif isinstance(current, Operation):
            stack.append(current.first)
            stack.extend(operand for _, _, operand in current.rest)
        elif isinstance(current, Comparison):
            stack.extend((current.left, current.right))
        elif isinstance(current, Logical):
            stack.extend(current.operands)
    return found


@dataclass(frozen=True)
class Relation:
    """A parsed relation: its name, the expression as written, and its tree."""

    name: str
    source: str
    expression: Node

    @property
    def names(self) -> frozenset[str]:
        """The claim ids the expression uses."""
        return frozenset(node.id for node in _walk(self.expression) if isinstance(node, Name))


@dataclass(frozen=True)
class RelationResult:
    name: str
    status: str  # "holds" | "fails" | "undecidable"
    explanation: str

    @property
    def holds(self) -> bool:
        return self.status == HOLDS


# -- tokens -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "number" | "id" | "op" | "keyword" | "end"
    text: str
    col: int


_NUMBER = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")
_WORD = re.compile(r"[A-Za-z0-9_]+")
_WORD_CHARS = string.ascii_letters + string.digits + "_"
_ID = re.compile(r"[a-z0-9_]+")
_OPERATORS = ("==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "(", ")")
_FORBIDDEN = {
    "**": "'**' (power) is not allowed",
    "//": "'//' (floor division) is not allowed",
    "[": "indexing ('[') is not allowed",
    "]": "indexing (']') is not allowed",
    "'": "strings are not allowed",
    '"': "strings are not allowed",
    "=": "'=' is not a comparison; write '=='",
    "!": "'!' is not allowed; write 'not' (or '!=')",
    "&": "'&' is not allowed; write 'and'",
    "|": "'|' is not allowed; write 'or'",
    "^": "'^' is not allowed: there is no power operator",
    "%": "'%' is only allowed right after a number, as in 50%",
    ",": "',' is not allowed: there are no function calls or tuples",
    ":": "':' is not allowed: there are no lambdas, slices or dicts",
    "{": "'{' is not allowed",
    "}": "'}' is not allowed",
    "@": "'@' is not allowed",
    "~": "'~' is not allowed; write 'not' or unary '-'",
    "≥": "'≥' is not allowed; write '>='",
    "≤": "'≤' is not allowed; write '<='",
    "≠": "'≠' is not allowed; write '!='",
}
_RESERVED = frozenset(k.lower() for k in keyword.kwlist) - {"and", "or", "not"}


def _error(message: str, col: int) -> RelationError:
    return RelationError(message, col=col, hint=f"allowed: {ALLOWED}")


def _number_value(text: str, col: int) -> Fraction:
    mantissa = text.rstrip("%")
    as_float = float(mantissa)
    significant = re.sub(r"[eE].*", "", mantissa).strip("0.")
    if not math.isfinite(as_float) or (as_float == 0 and significant):
        raise _error(f"the number {text!r} is out of range", col)
    value = Fraction(repr(as_float))
    return value / 100 if text.endswith("%") else value


def _tokenize(source: str) -> Iterator[_Token]:
    """Tokens one at a time, so the first error by column is the one reported."""
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        col = i + 1
        if ch.isspace():
            i += 1
            continue
        number = _NUMBER.match(source, i)
        if number is not None:
            end = number.end()
            text = number.group()
            runs_on = end < n and source[end] in _WORD_CHARS
            if not runs_on:
                yield _Token("number", text, col)
                i = end
                continue
            if any(c in text for c in ".%+-"):
                raise _error(f"the number {text!r} runs into a name", col)
        word = _WORD.match(source, i)
        if word is not None:
            text = word.group()
            if text in ("and", "or", "not"):
                yield _Token("keyword", text, col)
            elif text.lower() in _RESERVED or text in ("True", "False", "None"):
                raise _error(f"{text!r} is not allowed", col)
            elif not _ID.fullmatch(text):
                raise _error(
                    f"{text!r} is not a claim id: ids are lowercase letters, digits and _", col
                )
            else:
                yield _Token("id", text, col)
            i = word.end()
            continue
        if ch == ".":
            after_name = i > 0 and source[i - 1] in _WORD_CHARS + ")"
            message = "attribute access ('.') is not allowed" if after_name else "stray '.'"
            raise _error(message, col)
        two = source[i : i + 2]
        if two in _FORBIDDEN:
            raise _error(_FORBIDDEN[two], col)
        if two in _OPERATORS:
            yield _Token("op", two, col)
            i += 2
            continue
        if ch in _OPERATORS:
            yield _Token("op", ch, col)
            i += 1
            continue
        raise _error(_FORBIDDEN.get(ch, f"unexpected character {ch!r}"), col)
    yield _Token("end", "", n + 1)


# -- parsing ------------------------------------------------------------------------------------


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.stream = _tokenize(source)
        self.tokens: list[_Token] = []
        self.pos = 0
        self.depth = 0

    @property
    def token(self) -> _Token:
        while len(self.tokens) <= self.pos:
            token = next(self.stream, None)
            if token is None:
                return self.tokens[-1]
            self.tokens.append(token)
        return self.tokens[self.pos]

    def advance(self) -> _Token:
        token = self.token
        self.pos += 1
        return token

    def at(self, *texts: str) -> bool:
        return self.token.kind in ("op", "keyword") and self.token.text in texts

    def nest(self, col: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _error(f"the expression nests more than {MAX_DEPTH} levels deep", col)

    def parse(self) -> Node:
        node, kind = self.logical()
        if self.token.kind != "end":
            raise self.unexpected()
        if kind != "bool":
            raise _error("a relation must compare: add a comparison such as '==' or '>'", 1)
        return node

    def unexpected(self) -> RelationError:
        token = self.token
        previous = self.tokens[self.pos - 1] if self.pos else None
        if token.kind == "end":
            return _error("the expression ends too early", token.col)
        if token.text == "(" and previous is not None and previous.kind == "id":
            return _error(f"function calls are not allowed ('{previous.text}(')", token.col)
        if token.text == "(" and previous is not None and previous.text == ")":
            return _error("function calls are not allowed (')(')", token.col)
        if token.text in COMPARISONS:
            return _error(
                f"comparisons cannot be chained; join them with 'and' (at '{token.text}')",
                token.col,
            )
        if token.kind in ("number", "id") and previous is not None:
            return _error(f"an operator is missing before '{token.text}'", token.col)
        return _error(f"unexpected '{token.text}'", token.col)

    def logical(self) -> tuple[Node, str]:
        return self.chain("or", self.conjunction)

    def conjunction(self) -> tuple[Node, str]:
        return self.chain("and", self.negation)

    def chain(self, op: str, operand: Callable[[], tuple[Node, str]]) -> tuple[Node, str]:
        first_col = self.token.col
        node, kind = operand()
        if not self.at(op):
            return node, kind
        operands = [self.boolean(node, kind, op, first_col)]
        col = self.token.col
        while self.at(op):
            self.advance()
            start = self.token.col
            node, kind = operand()
            operands.append(self.boolean(node, kind, op, start))
        return Logical(op, tuple(operands), col), "bool"

    def boolean(self, node: Node, kind: str, op: str, col: int) -> Node:
        if kind != "bool":
            raise _error(f"'{op}' joins comparisons, not numbers", col)
        return node

    def negation(self) -> tuple[Node, str]:
        if self.at("not"):
            col = self.advance().col
            self.nest(col)
            start = self.token.col
            node, kind = self.negation()
            self.depth -= 1
            return Not(self.boolean(node, kind, "not", start), col), "bool"
        return self.comparison()

    def comparison(self) -> tuple[Node, str]:
        start = self.token.col
        left, left_kind = self.arithmetic("+-", self.product)
        if not self.at(*COMPARISONS):
            return left, left_kind
        op_token = self.advance()
        right_start = self.token.col
        right, right_kind = self.arithmetic("+-", self.product)
        self.number(left_kind, start)
        self.number(right_kind, right_start)
        if self.at(*COMPARISONS):
            raise self.unexpected()
        end = self.tokens[self.pos - 1]
        last = end.col + len(end.text) - 1
        return Comparison(op_token.text, left, right, op_token.col, start, last), "bool"

    def number(self, kind: str, col: int) -> None:
        if kind != "number":
            raise _error("a comparison cannot be used as a number", col)

    def product(self) -> tuple[Node, str]:
        return self.arithmetic("*/", self.unary)

    def arithmetic(self, ops: str, operand: Callable[[], tuple[Node, str]]) -> tuple[Node, str]:
        start = self.token.col
        first, kind = operand()
        rest: list[tuple[str, int, Node]] = []
        while self.token.kind == "op" and self.token.text in ops:
            op = self.advance()
            self.number(kind, start)
            right_start = self.token.col
            right, right_kind = operand()
            self.number(right_kind, right_start)
            rest.append((op.text, op.col, right))
        if not rest:
            return first, kind
        return Operation(first, tuple(rest)), "number"

    def unary(self) -> tuple[Node, str]:
        if self.at("-"):
            col = self.advance().col
            self.nest(col)
            start = self.token.col
            operand, kind = self.unary()
            self.number(kind, start)
            self.depth -= 1
            return Negate(operand, col), "number"
        return self.atom()

    def atom(self) -> tuple[Node, str]:
        token = self.token
        if token.kind == "number":
            self.advance()
            node: tuple[Node, str] = (
                Number(_number_value(token.text, token.col), token.text, token.col),
                "number",
            )
        elif token.kind == "id":
            self.advance()
            node = (Name(token.text, token.col), "number")
        elif self.at("("):
            self.advance()
            self.nest(token.col)
            node = self.logical()
            if not self.at(")"):
                if self.token.kind == "end":
                    raise _error(f"'(' at column {token.col} is never closed", self.token.col)
                raise self.unexpected()
            self.advance()
            self.depth -= 1
        else:
            raise self.unexpected()
        if self.at("(") or self.token.kind in ("number", "id"):
            raise self.unexpected()
        return node


def parse_relation(name: str, expression: str) -> Relation:
    """Parse ``expression``; a :class:`RelationError` says where (``col``) and what is allowed."""
    if not isinstance(expression, str):
        raise _error(f"a relation's check must be text, not {type(expression).__name__}", 1)
    if len(expression) > MAX_LENGTH:
        raise _error(
            f"the expression is {len(expression)} characters long; at most {MAX_LENGTH} "
            "are allowed",
            MAX_LENGTH + 1,
        )
    if not expression.strip():
        raise _error("the expression is empty", 1)
    return Relation(name, expression, _Parser(expression).parse())


# -- evaluation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    """An interval of values in base units, as exact rationals (or infinite ends)."""

    low: Fraction | float
    high: Fraction | float
    low_closed: bool
    high_closed: bool
    unit: Any  # a pint Unit
    rounded: bool = False  # some input only approximates its value
    zero_literal: bool = False  # a literal 0, which compares with any unit

    @property
    def is_point(self) -> bool:
        return self.low == self.high and self.low_closed and self.high_closed

    def contains_zero(self) -> bool:
        above = self.low < 0 or (self.low == 0 and self.low_closed)
        below = self.high > 0 or (self.high == 0 and self.high_closed)
        return above and below

    def interval(self) -> Interval:
        unit = "" if self.unit.dimensionless else format(self.unit, "~")
        return Interval(
            _to_float(self.low), _to_float(self.high), self.low_closed, self.high_closed, unit
        )


def _registry() -> Any:
    from .units import registry

    return registry()


def _finite(x: Fraction | float) -> bool:
    return isinstance(x, Fraction) or math.isfinite(x)


def _to_float(x: Fraction | float) -> float:
    try:
        return float(x)
    except OverflowError:
        return math.inf if x > 0 else -math.inf


def _product(x: Fraction | float, y: Fraction | float) -> Fraction | float:
    # An infinite end times a zero end contributes 0: [0, 1] * [1, inf) is [0, inf).
    if x == 0 or y == 0:
        return Fraction(0)
    return x * y


def _multiply(a: _Value, b: _Value) -> tuple[Fraction | float, Fraction | float, bool, bool]:
    corners = []
    for x, x_closed in ((a.low, a.low_closed), (a.high, a.high_closed)):
        for y, y_closed in ((b.low, b.low_closed), (b.high, b.high_closed)):
            # A closed zero end makes the product 0 reachable whatever the other factor.
            reached = (x_closed and y_closed) or (x == 0 and x_closed) or (y == 0 and y_closed)
            corners.append((_product(x, y), reached))
    low = min(value for value, _ in corners)
    high = max(value for value, _ in corners)
    low_closed = _finite(low) and any(reached for value, reached in corners if value == low)
    high_closed = _finite(high) and any(reached for value, reached in corners if value == high)
    return low, high, low_closed, high_closed


def _reciprocal(b: _Value, col: int, text: str) -> _Value:
    if b.is_point and b.low == 0:
        raise _error(f"division by zero ({text} is 0)", col)
    if b.contains_zero():
        raise _error(f"division by a value that may be zero ({text} admits 0)", col)

    def inverse(x: Fraction | float, infinite_if_zero: float) -> Fraction | float:
        if math.isinf(x):
            return Fraction(0)
        if x == 0:
            return infinite_if_zero
        return 1 / x

    return _Value(
        inverse(b.high, -math.inf),
        inverse(b.low, math.inf),
        b.high_closed and _finite(b.high),
        b.low_closed and _finite(b.low),
        b.unit**-1,
        b.rounded,
    )


class _Evaluator:
    def __init__(self, relation: Relation, values: Mapping[str, Figure], tolerance: Tolerance):
        self.relation = relation
        self.values = values
        self.tolerance = tolerance
        self.registry = _registry()
        self.claims: dict[str, tuple[Figure, Interval, _Value]] = {}
        self.comparisons: list[tuple[Comparison, str, _Value, _Value]] = []

    def text(self, node: Node) -> str:
        if isinstance(node, Comparison):
            return self.relation.source[node.start - 1 : node.end].strip()
        if isinstance(node, Name):
            return node.id
        if isinstance(node, Number):
            return node.text
        return "the divisor"

    def claim(self, node: Name) -> _Value:
        if node.id not in self.claims:
            figure = self.values.get(node.id)
            if figure is None:
                raise _error(f"unknown claim id '{node.id}'", node.col)
            if not isinstance(figure, Figure):
                raise _error(f"claim '{node.id}' is not a figure", node.col)
            try:
                interval = admitted(figure, self.tolerance, per_period=True)
                unit = self.registry.parse_units(interval.unit or "dimensionless")
            except BriefcheckError as exc:
                raise _error(f"claim '{node.id}': {exc.message}", node.col) from exc
            except Exception as exc:
                raise _error(f"claim '{node.id}': unknown unit: {exc}", node.col) from exc
            value = _Value(
                exact(interval.low),
                exact(interval.high),
                interval.low_closed,
                interval.high_closed,
                unit,
                is_rounded(figure),
            )
            self.claims[node.id] = (figure, interval, value)
        return self.claims[node.id][2]

    def number(self, node: Node) -> _Value:
        if isinstance(node, Number):
            unit = self.registry.dimensionless
            return _Value(node.value, node.value, True, True, unit, False, node.value == 0)
        if isinstance(node, Name):
            return self.claim(node)
        if isinstance(node, Negate):
            v = self.number(node.operand)
            return _Value(
                -v.high, -v.low, v.high_closed, v.low_closed, v.unit, v.rounded, v.zero_literal
            )
        if isinstance(node, Operation):
            result = self.number(node.first)
            for op, col, operand in node.rest:
                right = self.number(operand)
                if op in "+-":
                    result = self.add(result, right, op, col)
                elif op == "*":
                    result = self.times(result, right)
                else:
                    result = self.times(result, _reciprocal(right, col, self.text(operand)))
            return result
        raise _error("a comparison cannot be used as a number", 1)

    def times(self, a: _Value, b: _Value) -> _Value:
        low, high, low_closed, high_closed = _multiply(a, b)
        return _Value(low, high, low_closed, high_closed, a.unit * b.unit, a.rounded or b.rounded)

    def aligned(self, a: _Value, b: _Value, doing: str, col: int) -> tuple[_Value, _Value]:
        """``b`` in ``a``'s unit; a literal 0 takes the other side's unit."""
        if b.zero_literal:
            return a, _Value(b.low, b.high, True, True, a.unit, False, True)
        if a.zero_literal:
            return _Value(a.low, a.high, True, True, b.unit, False, True), b
        if a.unit.dimensionality != b.unit.dimensionality:
            raise _error(f"cannot {doing} {self.unit_name(a)} and {self.unit_name(b)}", col)
        if a.unit == b.unit:
            return a, b
        factor = Fraction(repr(float(self.registry.Quantity(1, b.unit).to(a.unit).magnitude)))
        scaled = _Value(
            b.low * factor if _finite(b.low) else b.low,
            b.high * factor if _finite(b.high) else b.high,
            b.low_closed,
            b.high_closed,
            a.unit,
            b.rounded,
        )
        return a, scaled

    def unit_name(self, v: _Value) -> str:
        return "a plain number" if v.unit.dimensionless else format(v.unit, "~")

    def add(self, a: _Value, b: _Value, op: str, col: int) -> _Value:
        a, b = self.aligned(a, b, "add" if op == "+" else "subtract", col)
        if op == "-":
            b = _Value(-b.high, -b.low, b.high_closed, b.low_closed, b.unit, b.rounded)
        return _Value(
            a.low + b.low,
            a.high + b.high,
            a.low_closed and b.low_closed and _finite(a.low + b.low),
            a.high_closed and b.high_closed and _finite(a.high + b.high),
            a.unit,
            a.rounded or b.rounded,
            a.zero_literal and b.zero_literal,
        )

    def compare(self, node: Comparison) -> str:
        left = self.number(node.left)
        right = self.number(node.right)
        left, right = self.aligned(left, right, "compare", node.col)
        d = self.add(left, right, "-", node.col)
        op = node.op
        if op in ("==", "!="):
            if not d.contains_zero():
                status = FAILS
            elif d.is_point or left.rounded or right.rounded:
                status = HOLDS
            else:
                status = UNDECIDABLE
            if op == "!=":
                status = _negate(status)
        else:
            if op in (">", ">="):
                d = _Value(-d.high, -d.low, d.high_closed, d.low_closed, d.unit)
            # Now the question is d < 0 (for < and >) or d <= 0 (for <= and >=).
            strict = op in ("<", ">")
            if strict:
                always = d.high < 0 or (d.high == 0 and not d.high_closed)
                never = d.low >= 0
            else:
                always = d.high <= 0
                never = d.low > 0 or (d.low == 0 and not d.low_closed)
            status = HOLDS if always else FAILS if never else UNDECIDABLE
        self.comparisons.append((node, status, left, right))
        return status

    def truth(self, node: Node) -> str:
        if isinstance(node, Comparison):
            return self.compare(node)
        if isinstance(node, Not):
            return _negate(self.truth(node.operand))
        if isinstance(node, Logical):
            statuses = [self.truth(operand) for operand in node.operands]
            decisive, other = (FAILS, HOLDS) if node.op == "and" else (HOLDS, FAILS)
            if decisive in statuses:
                return decisive
            return other if all(s == other for s in statuses) else UNDECIDABLE
        raise _error("a relation must compare: add a comparison such as '==' or '>'", 1)


def _negate(status: str) -> str:
    return {HOLDS: FAILS, FAILS: HOLDS}.get(status, UNDECIDABLE)


def _sides(left: _Value, right: _Value) -> str:
    shown = left.interval().describe(), right.interval().describe()
    return f"the left side is {shown[0]}, the right side {shown[1]}"


_VERB = {HOLDS: "holds", FAILS: "fails", UNDECIDABLE: "is undecidable"}


def _explain(evaluator: _Evaluator, status: str) -> str:
    comparisons = evaluator.comparisons
    if len(comparisons) == 1:
        _, _, left, right = comparisons[0]
        first = _sides(left, right)
    else:
        first = "; ".join(
            f"'{evaluator.text(node)}' {_VERB[result]} ({_sides(left, right)})"
            for node, result, left, right in comparisons
        )
    if status == UNDECIDABLE:
        first = f"undecidable at the stated precision: {first}"
    values = []
    for name in sorted(evaluator.claims):
        figure, interval, value = evaluator.claims[name]
        if value.is_point:
            values.append(f"{name} = {interval.describe()}")
        else:
            values.append(f"{name} = '{figure.text}', admitting {interval.describe()}")
    if not values:
        return first
    return f"{first}. With {', '.join(values)}."


def evaluate(
    relation: Relation,
    values: Mapping[str, Figure],
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> RelationResult:
    """Whether ``relation`` holds over the claims' figures, fails, or cannot be decided."""
    evaluator = _Evaluator(relation, values, tolerance)
    status = evaluator.truth(relation.expression)
    return RelationResult(relation.name, status, _explain(evaluator, status))
