"""Claim files: the schema, safe loading, and the line of every value.

A claim file is YAML, read without constructing any Python object from tags
(``!!python/object`` is refused, never built) and walked node by node so that
every error names ``file:line:col``, duplicate keys are caught at any depth
(PyYAML would silently keep the last one), and an alias bomb cannot expand.

Errors in one claim (an unknown key, a bad ``expect``) belong to that claim and
fail only its item; errors in the file's structure fail the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ClaimFileError
from .store import ReadingStore, digest
from .text import LineIndex, normalize_plain

FORMAT_VERSION = 1
REGISTRY_NAME = "sources.yaml"
MAX_CLAIM_FILE_BYTES = 5 * 1024 * 1024
# A claim file needs 6 levels; libyaml's composer overflows the C stack near 100,000.
MAX_NESTING = 32
MAX_ALIAS_VALUES = 10_000  # values that aliases (*name) may add to a file, all aliases together

ID_PATTERN = re.compile(r"[a-z0-9_]+")
BASES = ("per_year", "per_day", "per_month", "total")
DIRECTIONS = ("up", "down")
ROLES = ("event", "published", "other")
KINDS = ("figure", "date")

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAG = re.compile(r"tag:yaml\.org,2002:(str|int|float|bool|null|timestamp|map|seq)\Z")
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
# where an anchor (&a), alias (*a) or tag (!t) could begin: "Q&A" is text
_ANCHOR_ALIAS_OR_TAG = re.compile(r"(?:\A|[\s\[\]{},:])[&*!]")
_BLOCK_START = re.compile(r"[ ]*(?:[-?:][ \t]+)*")  # indentation, then "- ", "? " or ": " in a row

FILE_KEYS = ("version", "sources", "claims", "relations")
REGISTRY_KEYS = ("version", "sources")
SOURCE_KEYS = (
    "path",
    "lang",
    "published",
    "event",
    "checked",
    "encoding",
    "lines",
    "start",
    "end",
    "translation_of",
    "ignore",
    "note",
)
WAIVER_KEYS = ("text", "line", "reason")
CLAIM_KEYS = (
    "id",
    "kind",
    "expect",
    "basis",
    "direction",
    "role",
    "before",
    "after",
    "quotes",
    "xfail",
    "skip",
    "note",
)
QUOTE_KEYS = ("source", "text", "figure")
RELATION_KEYS = ("name", "check", "says", "xfail", "skip", "note")
LANGS = ("en", "zh")


@dataclass(frozen=True)
class Location:
    """A place in a file, 1-based."""

    path: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Waiver:
    """A figure of a source that coverage must not ask a claim for."""

    reason: str
    at: Location
    text: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class SourceSpec:
    """A source alias as declared in the registry or a claim file."""

    alias: str
    path: str
    at: Location
    lang: str | None = None
    published: dt.date | None = None
    event: dt.date | None = None
    checked: bool = False
    encoding: str | None = None
    lines: tuple[int, int] | None = None
    start: str | None = None
    end: str | None = None
    translation_of: str | None = None
    ignore: tuple[Waiver, ...] = ()

    def metadata(self) -> tuple[object, ...]:
        """Everything but where it was declared, to spot conflicting declarations."""
        return (
            self.path,
            self.lang,
            self.published,
            self.event,
            self.checked,
            self.encoding,
            self.lines,
            self.start,
            self.end,
            self.translation_of,
            tuple((w.text, w.line, w.reason) for w in self.ignore),
        )


@dataclass(frozen=True)
class Quote:
    """A passage of a source that states the claimed fact."""

    source: str
    text: str
    at: Location
    figure: str | None = None
    # Character offsets of the ``text:`` scalar as written (quotes included) in the
    # decoded claim file, so that --briefcheck-update-quotes can replace exactly it.
    span: tuple[int, int] | None = None
    # ``text`` normalized (see text.normalize_plain): what is looked for in the source
    plain: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plain", normalize_plain(self.text))


@dataclass(frozen=True)
class Claim:
    """One fact, the value it must have, and where the documents state it."""

    id: str
    file: str
    at: Location
    quotes: tuple[Quote, ...]
    kind: str = "figure"
    expect: str | None = None
    expect_at: Location | None = None
    basis: str | None = None
    direction: str | None = None
    role: str | None = None
    before: str | None = None
    after: str | None = None
    xfail: str | None = None
    skip: str | None = None
    problems: tuple[ClaimFileError, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.source for q in self.quotes))


@dataclass(frozen=True)
class RelationSpec:
    """A check between claims, such as ``open_ports_total - open_ports_added == 271``."""

    name: str
    check: str
    file: str
    at: Location
    check_at: Location
    says: Quote | None = None
    xfail: str | None = None
    skip: str | None = None
    problems: tuple[ClaimFileError, ...] = ()


@dataclass(frozen=True)
class ClaimFile:
    """A parsed claim file. ``error`` is set when the file as a whole could not be read."""

    path: str
    claims: tuple[Claim, ...] = ()
    relations: tuple[RelationSpec, ...] = ()
    sources: tuple[SourceSpec, ...] = ()
    error: ClaimFileError | None = None


@dataclass
class _Reader:
    """Walks the composed YAML of one file, collecting located errors."""

    path: str
    problems: list[ClaimFileError] = field(default_factory=list)

    def at(self, node: yaml.Node) -> Location:
        return Location(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, node: yaml.Node, message: str, hint: str | None = None) -> ClaimFileError:
        where = self.at(node)
        return ClaimFileError(message, path=where.path, line=where.line, col=where.col, hint=hint)

    def mapping(
        self, node: yaml.Node, what: str, allowed: tuple[str, ...]
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The entries of a mapping node; unknown and duplicate keys are errors."""
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping, not {_kind_of(node)}")
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, f"{what} has a key that is not a plain name")
            key = key_node.value
            if key == "<<":
                raise self.error(key_node, "merge keys (<<) are not supported in claim files")
            if key in entries:
                first = self.at(entries[key][0])
                raise self.error(
                    key_node,
                    f"duplicate key '{key}' in {what} (first at line {first.line})",
                    "YAML keeps only the last of duplicate keys; remove or rename one",
                )
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(allowed)}"
                raise self.error(key_node, f"unknown key '{key}' in {what}", hint)
            entries[key] = (key_node, value_node)
        return entries

    def free(self, node: yaml.Node, what: str) -> None:
        """A value briefcheck does not read (``note:``): still no duplicate keys at any depth."""
        seen: set[int] = set()
        pending = [node]
        while pending:
            current = pending.pop()
            if id(current) in seen:  # an alias: already checked
                continue
            seen.add(id(current))
            if isinstance(current, yaml.MappingNode):
                keys: dict[str, yaml.Node] = {}
                for key_node, value_node in current.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        if key_node.value in keys:
                            first = self.at(keys[key_node.value])
                            raise self.error(
                                key_node,
                                f"duplicate key '{key_node.value}' in {what} "
                                f"(first at line {first.line})",
                                "YAML keeps only the last of duplicate keys; remove or rename one",
                            )
                        keys[key_node.value] = key_node
                    pending.extend((key_node, value_node))
            elif isinstance(current, yaml.SequenceNode):
                pending.extend(current.value)

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list, not {_kind_of(node)}")
        return list(node.value)

    def scalar(self, node: yaml.Node, what: str) -> str:
        """A scalar's text exactly as written (``5.20`` stays ``5.20``)."""
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(node, f"{what} must be a single value, not {_kind_of(node)}")
        _check_tag(self, node)
        return node.value

    def text(self, node: yaml.Node, what: str, *, allow_empty: bool = False) -> str:
        value = self.scalar(node, what)
        if node.tag.endswith(":null") and not allow_empty:
            raise self.error(node, f"{what} is empty")
        if not value.strip() and not allow_empty:
            raise self.error(node, f"{what} is empty")
        return value

    def identifier(self, node: yaml.Node, what: str) -> str:
        value = self.text(node, what)
        if not ID_PATTERN.fullmatch(value):
            raise self.error(
                node,
                f"{what} '{value}' is not a valid name",
                "use lower-case letters, digits and underscores only",
            )
        return value

    def choice(self, node: yaml.Node, what: str, choices: tuple[str, ...]) -> str:
        value = self.text(node, what)
        if value not in choices:
            close = difflib.get_close_matches(value, choices, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"one of: {', '.join(choices)}"
            raise self.error(node, f"{what} '{value}' is not known", hint)
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool:
        self.scalar(node, what)
        if not node.tag.endswith(":bool"):
            raise self.error(node, f"{what} must be true or false, not '{node.value}'")
        return node.value.lower() in ("true", "yes", "on")

    def integer(self, node: yaml.Node, what: str) -> int:
        value = self.scalar(node, what)
        if not node.tag.endswith(":int") or not value.isdigit():
            raise self.error(node, f"{what} must be a positive whole number, not '{value}'")
        return int(value)

    def date(self, node: yaml.Node, what: str) -> dt.date:
        value = self.text(node, what)
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise self.error(
                node, f"{what} '{value}' is not a date", "write it as YYYY-MM-DD"
            ) from None


def _kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "empty"
    return f"the value '{_shorten(node.value)}'"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_tag(reader: _Reader, node: yaml.Node) -> None:
    if not _STANDARD_TAG.match(node.tag):
        raise reader.error(
            node,
            f"the tag '{node.tag}' is not allowed in claim files",
            "claim files hold plain text, numbers, lists and mappings only",
        )


def _read_bytes(path: Path, display: str) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ClaimFileError(f"cannot read the file: {exc.strerror}", path=display) from None
    if size > MAX_CLAIM_FILE_BYTES:
        raise ClaimFileError(
            f"the file is {size / 1024 / 1024:.1f} MB; claim files are limited to "
            f"{MAX_CLAIM_FILE_BYTES // 1024 // 1024} MB",
            path=display,
            line=1,
            hint="split it into several claim files",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ClaimFileError(f"cannot read the file: {exc.strerror}", path=display) from None


def _compose(raw: bytes, display: str) -> yaml.Node | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ClaimFileError(
            f"the file is not UTF-8 (invalid byte at offset {exc.start})",
            path=display,
            hint="save claim files as UTF-8",
        ) from None
    _refuse_control_characters(text, display)
    try:
        if _may_need_screening(text):
            _screen_events(text, display)
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and problem.startswith("but "):
            problem = f"{exc.context}, {problem}"
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        hint = None
        if mark is not None and _line_has_tab_indent(text, mark.line):
            hint = "indent with spaces; YAML does not allow tabs for indentation"
        raise ClaimFileError(
            f"YAML syntax error: {problem}", path=display, line=line, col=col, hint=hint
        ) from None
    except yaml.YAMLError as exc:
        raise ClaimFileError(f"YAML error: {exc}", path=display) from None


def _refuse_control_characters(text: str, display: str) -> None:
    """YAML allows no control characters but tab and line breaks; say where the first one is."""
    found = _NON_PRINTABLE.search(text)
    if found is None:
        return
    line, col = LineIndex(text).line_col(found.start())
    raise ClaimFileError(
        f"the file holds the control character U+{ord(found.group()):04X}, "
        "which YAML does not allow",
        path=display,
        line=line,
        col=col,
        hint="remove it; a claim file holds text only",
    )


def _may_need_screening(text: str) -> bool:
    """False when the text cannot hold what :func:`_screen_events` refuses.

    Anchors, aliases and tags need one of ``& * !`` after a space, a bracket, a comma
    or a colon, or at the start. A block collection inside another
    starts further right, except a sequence under a mapping key, which may start at the
    key's column; and it starts at a line's indentation or after its leading "- ", "? "
    or ": ". So block nesting is at most twice the rightmost such start, plus one, and
    each level of flow nesting needs a bracket. Most claim files pass this test, which
    spares them the second parse.
    """
    if _ANCHOR_ALIAS_OR_TAG.search(text):
        return True
    rightmost = max((len(_BLOCK_START.match(line)[0]) for line in text.splitlines()), default=0)
    return 2 * (rightmost + 1) + text.count("[") + text.count("{") > MAX_NESTING


def _screen_events(text: str, display: str) -> None:
    """Refuse, before any node is built, what could hurt to compose or walk.

    One pass over the parser's events (a state machine, never recursive):
    nesting deeper than :data:`MAX_NESTING`, a tag other than YAML's plain types
    on any value (``!!python/object/apply:...`` is refused here, so nothing is
    ever constructed from it), an alias that refers to the collection holding
    it, and aliases that together would add more than :data:`MAX_ALIAS_VALUES`
    values (an alias bomb, "billion laughs").
    """
    sizes: dict[str, int] = {}  # anchor -> number of values it stands for, expanded
    stack: list[list] = []  # per open collection: [anchor, values so far]
    added = 0

    def fail(event: yaml.Event, message: str, hint: str) -> ClaimFileError:
        mark = event.start_mark
        return ClaimFileError(
            message, path=display, line=mark.line + 1, col=mark.column + 1, hint=hint
        )

    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            if any(frame[0] == event.anchor for frame in stack):
                raise fail(
                    event,
                    f"the alias '*{event.anchor}' refers to the collection that contains it",
                    "a recursive alias cannot be a claim; write the values out",
                )
            size = sizes.get(event.anchor)
            if size is None:
                continue  # an undefined alias: composing reports it with its place
            added += size
            if added > MAX_ALIAS_VALUES:
                raise fail(
                    event,
                    f"aliases (*name) would add more than {MAX_ALIAS_VALUES:,} values to the file",
                    "an alias bomb? write the values out instead of repeating aliases",
                )
            if stack:
                stack[-1][1] += size
            continue
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            tag = event.tag
            if tag not in (None, "!") and not _STANDARD_TAG.match(tag):
                raise fail(
                    event,
                    f"the tag '{tag}' is not allowed in claim files",
                    "claim files hold plain text, numbers, lists and mappings only",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append([event.anchor, 1])
                if len(stack) > MAX_NESTING:
                    raise fail(
                        event,
                        f"the file nests lists and mappings more than {MAX_NESTING} levels deep",
                        "a claim file needs a few levels; check the brackets and indentation",
                    )
                continue
            if event.anchor is not None:
                sizes[event.anchor] = 1
            if stack:
                stack[-1][1] += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = stack.pop()
            if anchor is not None:
                sizes[anchor] = size
            if stack:
                stack[-1][1] += size


def _line_has_tab_indent(text: str, index: int) -> bool:
    lines = text.splitlines()
    return any(line.startswith("\t") for line in lines[max(0, index - 1) : index + 1])


def _document(reader: _Reader, root: yaml.Node | None, allowed: tuple[str, ...]) -> dict:
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        raise ClaimFileError(
            "the file is empty", path=reader.path, line=1, hint="start it with 'version: 1'"
        )
    if not isinstance(root, yaml.MappingNode):
        raise reader.error(
            root,
            f"the file must be a mapping of {', '.join(allowed)}, not {_kind_of(root)}",
            "start it with 'version: 1'",
        )
    entries = reader.mapping(root, "the file", allowed)
    if "version" not in entries:
        raise reader.error(root, "missing 'version'", "start the file with 'version: 1'")
    version_node = entries["version"][1]
    version = reader.scalar(version_node, "version")
    if version != str(FORMAT_VERSION):
        raise reader.error(
            version_node,
            f"unknown claim format version '{version}'",
            f"this briefcheck reads version {FORMAT_VERSION}",
        )
    return entries


def load_claim_file(path: Path, display: str, store: ReadingStore | None = None) -> ClaimFile:
    """Read one claim file. Structural errors come back as ``ClaimFile.error``.

    With a ``store``, a file whose bytes are unchanged since the last run is not parsed again.
    """
    try:
        raw = _read_bytes(path, display)
    except ClaimFileError as exc:
        return ClaimFile(display, error=exc)
    if store is None:
        return _claim_file(raw, display)
    return store.reading(display, "claim file", digest(raw), lambda: _claim_file(raw, display))


def _claim_file(raw: bytes, display: str) -> ClaimFile:
    reader = _Reader(display)
    try:
        entries = _document(reader, _compose(raw, display), FILE_KEYS)
        sources: tuple[SourceSpec, ...] = ()
        if "sources" in entries:
            sources = _source_specs(reader, entries["sources"][1])
        claims: tuple[Claim, ...] = ()
        if "claims" in entries:
            claims = tuple(
                _claim(reader, node) for node in reader.sequence(entries["claims"][1], "claims")
            )
        relations: tuple[RelationSpec, ...] = ()
        if "relations" in entries:
            relations = tuple(
                _relation(reader, node)
                for node in reader.sequence(entries["relations"][1], "relations")
            )
    except ClaimFileError as exc:
        return ClaimFile(display, error=exc)
    return ClaimFile(display, claims, relations, sources)


Registry = tuple[tuple[SourceSpec, ...], ClaimFileError | None]


def load_registry(path: Path, display: str, store: ReadingStore | None = None) -> Registry:
    """Read the shared source registry (``claims/sources.yaml``); kept like a claim file."""
    try:
        raw = _read_bytes(path, display)
    except ClaimFileError as exc:
        return (), exc
    if store is None:
        return _registry(raw, display)
    return store.reading(display, "registry", digest(raw), lambda: _registry(raw, display))


def _registry(raw: bytes, display: str) -> Registry:
    reader = _Reader(display)
    try:
        entries = _document(reader, _compose(raw, display), REGISTRY_KEYS)
        if "sources" not in entries:
            return (), None
        return _source_specs(reader, entries["sources"][1]), None
    except ClaimFileError as exc:
        return (), exc


def _source_specs(reader: _Reader, node: yaml.Node) -> tuple[SourceSpec, ...]:
    if not isinstance(node, yaml.MappingNode):
        raise reader.error(node, f"sources must be a mapping of aliases, not {_kind_of(node)}")
    specs = []
    seen: dict[str, Location] = {}
    for key_node, value_node in node.value:
        alias = reader.identifier(key_node, "source alias")
        if alias in seen:
            raise reader.error(
                key_node, f"duplicate source alias '{alias}' (first at line {seen[alias].line})"
            )
        seen[alias] = reader.at(key_node)
        specs.append(_source_spec(reader, alias, key_node, value_node))
    return tuple(specs)


def _source_spec(reader: _Reader, alias: str, key_node: yaml.Node, node: yaml.Node) -> SourceSpec:
    what = f"source '{alias}'"
    entries = reader.mapping(node, what, SOURCE_KEYS)
    if "path" not in entries:
        raise reader.error(node, f"{what} has no 'path'", "give the file's path under sources/")
    fields: dict[str, object] = {}
    for key, (_, value) in entries.items():
        if key == "path":
            fields["path"] = reader.text(value, f"{what}: path")
        elif key == "lang":
            fields["lang"] = reader.choice(value, f"{what}: lang", LANGS)
        elif key in ("published", "event"):
            fields[key] = reader.date(value, f"{what}: {key}")
        elif key == "checked":
            fields["checked"] = reader.boolean(value, f"{what}: checked")
        elif key == "encoding":
            fields["encoding"] = _encoding(reader, value, f"{what}: encoding")
        elif key == "lines":
            fields["lines"] = _line_range(reader, value, f"{what}: lines")
        elif key in ("start", "end"):
            fields[key] = reader.text(value, f"{what}: {key}")
        elif key == "translation_of":
            fields["translation_of"] = reader.identifier(value, f"{what}: translation_of")
        elif key == "ignore":
            fields["ignore"] = tuple(
                _waiver(reader, item, what) for item in reader.sequence(value, f"{what}: ignore")
            )
        elif key == "note":
            reader.free(value, f"{what}: note")
    if "lines" in fields and ("start" in fields or "end" in fields):
        raise reader.error(node, f"{what} takes either 'lines' or 'start'/'end', not both")
    return SourceSpec(alias=alias, at=reader.at(key_node), **fields)  # type: ignore[arg-type]


def _encoding(reader: _Reader, node: yaml.Node, what: str) -> str:
    import codecs

    value = reader.text(node, what)
    try:
        info = codecs.lookup(value)
    except LookupError:
        info = None
    # rot13, zlib, base64 are codecs but not text encodings: bytes.decode refuses them
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise reader.error(
            node, f"{what} '{value}' is not a text encoding", "e.g. utf-8, gb18030, utf-16"
        )
    return info.name


def _line_range(reader: _Reader, node: yaml.Node, what: str) -> tuple[int, int]:
    value = reader.text(node, what).strip()
    match = re.fullmatch(r"(\d+)\s*(?:-\s*(\d+))?", value)
    if not match:
        raise reader.error(node, f"{what} '{value}' is not a line range", "write e.g. 2 or 2-3")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first < 1 or last < first:
        raise reader.error(node, f"{what} '{value}' is not a line range", "lines count from 1")
    return first, last


def _waiver(reader: _Reader, node: yaml.Node, what: str) -> Waiver:
    entries = reader.mapping(node, f"{what}: an ignore entry", WAIVER_KEYS)
    if "reason" not in entries:
        raise reader.error(node, "an ignore entry needs a 'reason'", "say why the figure is waived")
    if ("text" in entries) == ("line" in entries):
        raise reader.error(node, "an ignore entry takes exactly one of 'text' or 'line'")
    text = reader.text(entries["text"][1], "ignore: text") if "text" in entries else None
    line = reader.integer(entries["line"][1], "ignore: line") if "line" in entries else None
    return Waiver(
        reason=reader.text(entries["reason"][1], "ignore: reason"),
        at=reader.at(node),
        text=text,
        line=line,
    )


def _claim(reader: _Reader, node: yaml.Node) -> Claim:
    """One claim. Its own mistakes are kept on it, so only its item fails."""
    if not isinstance(node, yaml.MappingNode):
        raise reader.error(node, f"each claim must be a mapping, not {_kind_of(node)}")
    claim_id = _claim_id(reader, node)
    at = reader.at(node)
    try:
        entries = reader.mapping(node, f"claim '{claim_id}'", CLAIM_KEYS)
        return _claim_fields(reader, claim_id, at, entries)
    except ClaimFileError as exc:
        return Claim(id=claim_id, file=reader.path, at=at, quotes=(), problems=(exc,))


def _claim_id(reader: _Reader, node: yaml.MappingNode) -> str:
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == "id":
            return reader.identifier(value_node, "claim id")
    raise reader.error(node, "a claim has no 'id'", "give every claim an id such as annual_tonnage")


def _claim_fields(
    reader: _Reader, claim_id: str, at: Location, entries: dict[str, tuple[yaml.Node, yaml.Node]]
) -> Claim:
    what = f"claim '{claim_id}'"
    fields: dict[str, object] = {}
    for key, (_, value) in entries.items():
        if key == "id":
            continue
        if key == "note":
            reader.free(value, f"{what}: note")
        if key == "expect":
            fields["expect"] = reader.text(value, f"{what}: expect")
            fields["expect_at"] = reader.at(value)
        elif key == "kind":
            fields["kind"] = reader.choice(value, f"{what}: kind", KINDS)
        elif key == "basis":
            fields["basis"] = reader.choice(value, f"{what}: basis", BASES)
        elif key == "direction":
            fields["direction"] = reader.choice(value, f"{what}: direction", DIRECTIONS)
        elif key == "role":
            fields["role"] = reader.choice(value, f"{what}: role", ROLES)
        elif key in ("before", "after"):
            fields[key] = reader.identifier(value, f"{what}: {key}")
        elif key in ("xfail", "skip"):
            fields[key] = reader.text(value, f"{what}: {key} (the reason)")
        elif key == "quotes":
            fields["quotes"] = tuple(
                _quote(reader, item, what) for item in reader.sequence(value, f"{what}: quotes")
            )
    if not fields.get("quotes"):
        raise reader.error(
            entries["quotes"][1] if "quotes" in entries else entries["id"][0],
            f"{what} has no quotes",
            "add at least one quote: {source: <alias>, text: <passage>}",
        )
    if ("role" in fields or "before" in fields or "after" in fields) and "kind" not in fields:
        fields["kind"] = "date"
    if fields.get("kind") != "date":
        for key in ("role", "before", "after"):
            if key in fields:
                raise reader.error(
                    entries[key][0],
                    f"{what}: '{key}' applies to date claims only",
                    "add 'kind: date'",
                )
    else:
        for key in ("basis", "direction"):
            if key in fields:
                raise reader.error(
                    entries[key][0], f"{what}: '{key}' applies to figure claims only"
                )
    return Claim(id=claim_id, file=reader.path, at=at, **fields)  # type: ignore[arg-type]


def _quote(reader: _Reader, node: yaml.Node, what: str) -> Quote:
    entries = reader.mapping(node, f"{what}: a quote", QUOTE_KEYS)
    for required in ("source", "text"):
        if required not in entries:
            raise reader.error(node, f"{what}: a quote has no '{required}'")
    text_node = entries["text"][1]
    text = reader.text(text_node, f"{what}: quote text")
    figure = None
    if "figure" in entries:
        figure = reader.text(entries["figure"][1], f"{what}: quote figure")
    quote = Quote(
        source=reader.identifier(entries["source"][1], f"{what}: quote source"),
        text=text,
        at=reader.at(text_node),
        figure=figure,
        span=(text_node.start_mark.index, text_node.end_mark.index),
    )
    if not quote.plain:
        raise reader.error(
            text_node,
            f"{what}: quote text is empty (it holds only invisible characters)",
            "quote a passage a reader can see",
        )
    return quote


def _relation(reader: _Reader, node: yaml.Node) -> RelationSpec:
    if not isinstance(node, yaml.MappingNode):
        raise reader.error(node, f"each relation must be a mapping, not {_kind_of(node)}")
    name = None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == "name":
            name = reader.identifier(value_node, "relation name")
    if name is None:
        raise reader.error(node, "a relation has no 'name'")
    at = reader.at(node)
    what = f"relation '{name}'"
    try:
        entries = reader.mapping(node, what, RELATION_KEYS)
        if "check" not in entries:
            raise reader.error(node, f"{what} has no 'check'", 'e.g. check: "a - b == 271"')
        check_node = entries["check"][1]
        if "note" in entries:
            reader.free(entries["note"][1], f"{what}: note")
        says = None
        if "says" in entries:
            says = _quote(reader, entries["says"][1], what)
        reasons = {
            key: reader.text(entries[key][1], f"{what}: {key} (the reason)")
            for key in ("xfail", "skip")
            if key in entries
        }
        return RelationSpec(
            name=name,
            check=reader.text(check_node, f"{what}: check"),
            file=reader.path,
            at=at,
            check_at=reader.at(check_node),
            says=says,
            **reasons,
        )
    except ClaimFileError as exc:
        return RelationSpec(name, "", reader.path, at, at, problems=(exc,))


def iter_claim_files(root: Path) -> Iterator[Path]:
    """Every claim file under ``root`` in a stable order, the registry excluded."""
    registry = root / REGISTRY_NAME
    for path in sorted(root.rglob("*")):
        if path.suffix in (".yaml", ".yml") and path != registry and path.is_file():
            yield path
