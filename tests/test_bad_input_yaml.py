"""Hostile and broken claim files (issue #6): one case per row, each with its exact message.

Every row runs ``pytest --briefcheck`` on a claims tree that holds the bad file
next to a good one, and checks that the bad file fails alone, with a message that
names ``file:line:col``, that the good claim still passes, and that nothing
crashed (no INTERNALERROR, no traceback, no Python exception in an item).
"""

from __future__ import annotations

import os
import re
import shutil
import tracemalloc
from pathlib import Path

import pytest
import yaml
from builders import within
from conftest import OPENING, SOURCES
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_briefcheck import claims as claims_module
from pytest_briefcheck.claims import MAX_ALIAS_VALUES, MAX_NESTING, load_claim_file

REGISTRY = f"""\
version: 1
sources:
  opening:
    path: {OPENING}
"""

GOOD = """\
version: 1
claims:
  - id: briefing_date
    kind: date
    expect: 2025-08-25
    quotes:
      - source: opening
        text: "Aug. 25, 2025"
"""

GOOD_PASSED = "claims/good.yaml::briefing_date PASSED*"


@pytest.fixture
def tree(pytester: pytest.Pytester):
    """The bundled sources, a one-alias registry, ``claims/good.yaml``; more files on demand."""
    shutil.copytree(SOURCES, pytester.path / "sources")
    claims = pytester.path / "claims"
    claims.mkdir()
    (claims / "sources.yaml").write_text(REGISTRY, encoding="utf-8")
    (claims / "good.yaml").write_text(GOOD, encoding="utf-8")

    def write(**files: str | bytes) -> Path:
        for name, content in files.items():
            path = claims / f"{name}.yaml"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return pytester.path

    return write


def clean_run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run briefcheck; nothing may crash, whatever the input."""
    result = pytester.runpytest("--briefcheck", "-v", "-p", "no:cacheprovider", *args)
    assert_no_crash(result)
    return result


def assert_no_crash(result: pytest.RunResult) -> None:
    output = result.stdout.str() + result.stderr.str()
    assert "INTERNALERROR" not in output, output
    assert "Traceback" not in output, output
    # a Python exception escaping an item is shown by pytest as "E   SomeError: ..."
    assert not re.search(r"^E\s{2,}", output, re.MULTILINE), output
    assert result.ret in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED), output


def bad_file_fails_alone(result: pytest.RunResult, name: str, *message: str) -> None:
    """The bad file is one failing item with ``message``; the good claim passes."""
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([GOOD_PASSED], consecutive=False)
    result.stdout.fnmatch_lines([f"claims/{name}.yaml::load-error FAILED*"])
    result.stdout.fnmatch_lines(list(message), consecutive=True)


# -- syntax -----------------------------------------------------------------------------------


def test_syntax_error_names_file_line_col_and_other_files_still_run(tree, pytester) -> None:
    tree(broken="version: 1\nclaims:\n  - id: a\n    quotes: [{source: opening, text: x}\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "broken",
        "claims/broken.yaml:5:1: YAML syntax error: did not find expected ',' or ']'",
    )


def test_tab_indentation_hints_at_spaces(tree, pytester) -> None:
    tree(tabs="version: 1\nclaims:\n\t- id: a\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "tabs",
        "claims/tabs.yaml:3:1: YAML syntax error: found character that cannot start any token",
        "  hint: indent with spaces; YAML does not allow tabs for indentation",
    )


def test_two_documents_in_one_file(tree, pytester) -> None:
    tree(twodocs="version: 1\n---\nversion: 1\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "twodocs",
        "claims/twodocs.yaml:2:1: YAML syntax error: expected a single document in the stream, "
        "but found another document",
    )


def test_control_character_is_located(tree, pytester) -> None:
    tree(control="version: 1\nclaims: []\n# a stray \x00 byte\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "control",
        "claims/control.yaml:3:11: the file holds the control character U+0000, "
        "which YAML does not allow",
        "  hint: remove it; a claim file holds text only",
    )


def test_claim_file_that_is_not_utf8(tree, pytester) -> None:
    tree(latin1="version: 1\n# café\n".encode("latin-1"))
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "latin1",
        "claims/latin1.yaml: the file is not UTF-8 (invalid byte at offset 16)",
        "  hint: save claim files as UTF-8",
    )


# -- the shape of the file --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("- version: 1\n- claims: []\n", "a list"),
        ("just a sentence\n", "the value 'just a sentence'"),
        ("42\n", "the value '42'"),
    ],
    ids=["list", "string", "number"],
)
def test_file_that_is_not_a_mapping(tree, pytester, content: str, kind: str) -> None:
    tree(shape=content)
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "shape",
        f"claims/shape.yaml:1:1: the file must be a mapping of version, sources, claims, "
        f"relations, not {kind}",
        "  hint: start it with 'version: 1'",
    )


@pytest.mark.parametrize(
    "content", ["", "\n\n", "# only a comment\n", "---\n"], ids=["zero", "blank", "comment", "---"]
)
def test_empty_file(tree, pytester, content: str) -> None:
    tree(empty=content)
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "empty",
        "claims/empty.yaml:1: the file is empty",
        "  hint: start it with 'version: 1'",
    )


@pytest.mark.parametrize("version", ["2", "0", "'1.0'", "v1"])
def test_unknown_version(tree, pytester, version: str) -> None:
    tree(versioned=f"version: {version}\nclaims: []\n")
    shown = version.strip("'")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "versioned",
        f"claims/versioned.yaml:1:10: unknown claim format version '{shown}'",
        "  hint: this briefcheck reads version 1",
    )


def test_missing_version(tree, pytester) -> None:
    tree(unversioned="claims: []\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "unversioned",
        "claims/unversioned.yaml:1:1: missing 'version'",
        "  hint: start the file with 'version: 1'",
    )


# -- keys and types ---------------------------------------------------------------------------


def test_unknown_key_in_the_file_suggests_the_known_one(tree, pytester) -> None:
    tree(typo="version: 1\nclaim: []\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "typo",
        "claims/typo.yaml:2:1: unknown key 'claim' in the file",
        "  hint: did you mean 'claims'?",
    )


ONE_CLAIM = """\
version: 1
claims:
  - id: tonnage
    {field}
    quotes:
      - source: opening
        {quote_field}
"""


@pytest.mark.parametrize(
    ("field", "quote_field", "message", "hint"),
    [
        (
            "expcet: 5.2 billion t",
            'text: "5.2 billion metric tons"',
            "claims/one.yaml:4:5: unknown key 'expcet' in claim 'tonnage'",
            "  hint: did you mean 'expect'?",
        ),
        (
            "expect: 5.2 billion t",
            'txt: "5.2 billion metric tons"',
            "claims/one.yaml:7:9: unknown key 'txt' in claim 'tonnage': a quote",
            "  hint: did you mean 'text'?",
        ),
        (
            "expect: [5.2 billion t, 5.3 billion t]",
            'text: "5.2 billion metric tons"',
            "claims/one.yaml:4:13: claim 'tonnage': expect must be a single value, not a list",
            None,
        ),
        (
            "basis: annually",
            'text: "5.2 billion metric tons"',
            "claims/one.yaml:4:12: claim 'tonnage': basis 'annually' is not known",
            "  hint: one of: per_year, per_day, per_month, total",
        ),
        (
            "expect: 5.2 billion t",
            "text: [5.2 billion metric tons]",
            "claims/one.yaml:7:15: claim 'tonnage': quote text must be a single value, not a list",
            None,
        ),
    ],
    ids=["claim-key", "quote-key", "expect-list", "basis-choice", "text-list"],
)
def test_mistake_in_one_claim_fails_that_claim_only(
    tree, pytester, field: str, quote_field: str, message: str, hint: str | None
) -> None:
    tree(one=ONE_CLAIM.format(field=field, quote_field=quote_field))
    result = clean_run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["claims/one.yaml::tonnage FAILED*"])
    result.stdout.fnmatch_lines([message, *([hint] if hint else [])], consecutive=True)


def test_quotes_as_a_string_not_a_list(tree, pytester) -> None:
    tree(one="version: 1\nclaims:\n  - id: tonnage\n    quotes: 5.2 billion metric tons\n")
    result = clean_run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "claims/one.yaml:4:13: claim 'tonnage': quotes must be a list, "
            "not the value '5.2 billion metric tons'"
        ]
    )


def test_claims_as_a_mapping_not_a_list(tree, pytester) -> None:
    tree(shape="version: 1\nclaims:\n  tonnage: {quotes: []}\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result, "shape", "claims/shape.yaml:3:3: claims must be a list, not a mapping"
    )


def test_unknown_key_in_the_registry_fails_the_registry(tree, pytester) -> None:
    root = tree()
    (root / "claims" / "sources.yaml").write_text(
        REGISTRY.replace("    path:", "    pth:"), encoding="utf-8"
    )
    result = clean_run(pytester)
    result.stdout.fnmatch_lines(
        [
            "claims/sources.yaml:4:5: unknown key 'pth' in source 'opening'",
            "  hint: did you mean 'path'?",
        ]
    )
    # the registry's load-error item fails, and so does the claim that quotes its alias
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*unknown source alias 'opening'*"])


def test_non_text_encoding_is_refused(tree, pytester) -> None:
    root = tree()
    (root / "claims" / "sources.yaml").write_text(REGISTRY + "    encoding: rot13\n")
    result = clean_run(pytester)
    result.stdout.fnmatch_lines(
        [
            "claims/sources.yaml:5:15: source 'opening': encoding 'rot13' is not a text encoding",
            "  hint: e.g. utf-8, gb18030, utf-16",
        ]
    )


# -- duplicates -------------------------------------------------------------------------------


DUPLICATES = {
    "top": (
        "version: 1\nclaims: []\nversion: 1\n",
        "load-error",
        "claims/dup.yaml:3:1: duplicate key 'version' in the file (first at line 1)",
    ),
    "claim": (
        "version: 1\nclaims:\n  - id: tonnage\n    expect: 5.2 billion t\n"
        "    expect: 5.3 billion t\n    quotes: [{source: opening, text: x}]\n",
        "tonnage",
        "claims/dup.yaml:5:5: duplicate key 'expect' in claim 'tonnage' (first at line 4)",
    ),
    "quote": (
        "version: 1\nclaims:\n  - id: tonnage\n    quotes:\n      - source: opening\n"
        "        text: a\n        text: b\n",
        "tonnage",
        "claims/dup.yaml:7:9: duplicate key 'text' in claim 'tonnage': a quote (first at line 6)",
    ),
    "note": (
        "version: 1\nclaims:\n  - id: tonnage\n    note:\n      checked_by: {a: 1, a: 2}\n"
        "    quotes: [{source: opening, text: x}]\n",
        "tonnage",
        "claims/dup.yaml:5:26: duplicate key 'a' in claim 'tonnage': note (first at line 5)",
    ),
    "source": (
        "version: 1\nsources:\n  local:\n    path: a.txt\n  local:\n    path: b.txt\n",
        "load-error",
        "claims/dup.yaml:5:3: duplicate source alias 'local' (first at line 3)",
    ),
}


@pytest.mark.parametrize("depth", list(DUPLICATES))
def test_duplicate_keys_at_any_depth(tree, pytester, depth: str) -> None:
    content, item, message = DUPLICATES[depth]
    tree(dup=content)
    result = clean_run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([f"claims/dup.yaml::{item} FAILED*"])
    result.stdout.fnmatch_lines([message])
    if depth != "source":
        result.stdout.fnmatch_lines(
            ["  hint: YAML keeps only the last of duplicate keys; remove or rename one"]
        )


def test_pyyaml_alone_would_keep_the_last_duplicate_silently() -> None:
    """Why the rows above matter: the plain loader raises nothing and drops a value."""
    assert yaml.safe_load("expect: 5.2 billion t\nexpect: 5.3 billion t\n") == {
        "expect": "5.3 billion t"
    }


def test_duplicate_claim_id_across_files_fails_both_naming_the_other(tree, pytester) -> None:
    tree(
        first=GOOD.replace("briefing_date", "held_on"),
        second="version: 1\n# another file\n" + GOOD.replace("briefing_date", "held_on")[11:],
    )
    result = clean_run(pytester)
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "claims/first.yaml::held_on FAILED*",
            "claims/second.yaml::held_on FAILED*",
            "claims/first.yaml:3: duplicate claim id 'held_on': also defined at "
            "claims/second.yaml:4",
            "claims/second.yaml:4: duplicate claim id 'held_on': also defined at "
            "claims/first.yaml:3",
        ]
    )


# -- size, aliases, tags, nesting -------------------------------------------------------------


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)


def test_file_of_50_mb_is_refused_by_its_size(tree, pytester) -> None:
    root = tree()
    _sparse(root / "claims" / "huge.yaml", 50 * 1024 * 1024)
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "huge",
        "claims/huge.yaml:1: the file is 50.0 MB; claim files are limited to 5 MB",
        "  hint: split it into several claim files",
    )


def test_file_of_50_mb_is_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.yaml"
    _sparse(path, 50 * 1024 * 1024)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over the limit was read or parsed")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(claims_module.yaml, "parse", refuse)
    monkeypatch.setattr(claims_module.yaml, "compose", refuse)
    claim_file = load_claim_file(path, "claims/huge.yaml")
    assert claim_file.error is not None
    assert claim_file.error.message.startswith("the file is 50.0 MB")


def _billion_laughs(levels: int = 9) -> str:
    lines = ["version: 1", "relations:", "  - name: lol", "    check: a == b", "    note:"]
    lines.append("      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]")
    for level in range(1, levels + 1):
        items = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"      l{level}: &l{level} [{items}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused(tree, pytester) -> None:
    tree(bomb=_billion_laughs())
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "bomb",
        f"claims/bomb.yaml:10:16: aliases (*name) would add more than {MAX_ALIAS_VALUES:,} "
        "values to the file",
        "  hint: an alias bomb? write the values out instead of repeating aliases",
    )


def test_alias_bomb_costs_little_time_and_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(_billion_laughs(levels=30), encoding="utf-8")  # 9**31 values expanded
    tracemalloc.start()
    try:
        with within():
            claim_file = load_claim_file(path, "bomb.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    assert claim_file.error is not None
    assert "aliases (*name) would add more than" in claim_file.error.message


def test_a_few_aliases_are_fine(tree, pytester) -> None:
    tree(
        aliased="version: 1\nclaims:\n  - id: held_on\n    kind: date\n    expect: 2025-08-25\n"
        "    quotes:\n      - &q {source: opening, text: 'Aug. 25, 2025'}\n"
        "  - id: held_on_again\n    kind: date\n    expect: 2025-08-25\n    quotes: [*q]\n"
    )
    result = clean_run(pytester)
    result.assert_outcomes(passed=3)


def test_recursive_alias_is_refused(tree, pytester) -> None:
    tree(recursive="version: 1\nclaims: &a\n  - *a\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result,
        "recursive",
        "claims/recursive.yaml:3:5: the alias '*a' refers to the collection that contains it",
    )


def test_undefined_alias(tree, pytester) -> None:
    tree(undefined="version: 1\nclaims: *nowhere\n")
    result = clean_run(pytester)
    bad_file_fails_alone(
        result, "undefined", "claims/undefined.yaml:2:9: YAML syntax error: found undefined alias"
    )


PYTHON_TAGS = {
    "apply-sequence": "claims: !!python/object/apply:os.system [{command}]\n",
    "apply-mapping": "claims: !!python/object/apply:os.system {{args: [{command}]}}\n",
    "new-in-note": "claims:\n  - id: a\n    note: !!python/object/new:os.system [{command}]\n"
    "    quotes: [{{source: opening, text: x}}]\n",
    "name-scalar": "claims: !!python/name:os.system ''\n",
}


@pytest.mark.parametrize("form", list(PYTHON_TAGS))
def test_python_object_tags_are_refused_and_never_constructed(
    tree, pytester, tmp_path: Path, form: str
) -> None:
    target = pytester.path / "PWNED"
    command = f"'touch {target}'"
    payload = "version: 1\n" + PYTHON_TAGS[form].format(command=command)
    if form != "name-scalar":  # the control: an unsafe loader does run the payload
        control = tmp_path / "control"
        yaml.unsafe_load(payload.replace(str(target), str(control)))
        assert control.exists()
    tree(tagged=payload)
    result = clean_run(pytester)
    assert not target.exists()
    tag = {"new-in-note": "python/object/new:os.system", "name-scalar": "python/name:os.system"}
    shown = tag.get(form, "python/object/apply:os.system")
    line, col = (4, 11) if form == "new-in-note" else (2, 9)
    result.stdout.fnmatch_lines(
        [
            f"claims/tagged.yaml:{line}:{col}: the tag 'tag:yaml.org,2002:{shown}' "
            "is not allowed in claim files",
            "  hint: claim files hold plain text, numbers, lists and mappings only",
        ]
    )
    result.assert_outcomes(passed=1, failed=1)


@pytest.mark.parametrize("tag", ["!!binary", "!!set", "!local", "!<tag:example.com,2025:x>"])
def test_other_tags_are_refused(tree, pytester, tag: str) -> None:
    tree(tagged=f"version: 1\nclaims: {tag} []\n")
    result = clean_run(pytester)
    bad_file_fails_alone(result, "tagged", "claims/tagged.yaml:2:9: the tag '*' is not allowed*")


def test_deep_nesting_is_refused_not_a_crash(tree, pytester) -> None:
    # libyaml's composer recurses in C: 100,000 levels overflow its stack (a segfault).
    # In a subprocess, so that a regression fails this test instead of the whole run.
    depth = 1_000_000
    tree(deep="version: 1\nclaims: " + "[" * depth + "]" * depth + "\n")
    result = pytester.runpytest_subprocess("--briefcheck", "-v", "-p", "no:cacheprovider")
    assert_no_crash(result)
    bad_file_fails_alone(
        result,
        "deep",
        f"claims/deep.yaml:2:{8 + MAX_NESTING}: the file nests lists and mappings "
        f"more than {MAX_NESTING} levels deep",
    )


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(
        "version: 1\nclaims:\n" + "".join("  " * i + "-\n" for i in range(1, 60)),
        encoding="utf-8",
    )
    claim_file = load_claim_file(path, "deep.yaml")
    assert claim_file.error is not None
    assert claim_file.error.message == (
        f"the file nests lists and mappings more than {MAX_NESTING} levels deep"
    )


def _depth(node: yaml.Node) -> int:
    if isinstance(node, yaml.SequenceNode):
        return 1 + max((_depth(child) for child in node.value), default=0)
    if isinstance(node, yaml.MappingNode):
        return 1 + max((_depth(part) for pair in node.value for part in pair), default=0)
    return 0


def _nest(levels: list[tuple[bool, str]]) -> object:
    value: object = "x"
    for as_list, key in levels:
        value = [value, 1] if as_list else {key: value, "k": 1}
    return value


# chains of lists and mappings 1 to 60 deep, beside small trees
_NESTED = st.one_of(
    st.integers(min_value=1, max_value=60)
    .flatmap(
        lambda n: st.lists(st.tuples(st.booleans(), st.text(max_size=3)), min_size=n, max_size=n)
    )
    .map(_nest),
    st.recursive(
        st.one_of(st.integers(), st.text(max_size=5), st.none()),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner, max_size=3)
        ),
        max_leaves=40,
    ),
)


@settings(max_examples=300, deadline=None)
@given(_NESTED, st.sampled_from([None, True, False]), st.integers(min_value=2, max_value=6))
def test_files_spared_the_screening_parse_cannot_nest_too_deep(
    value: object, flow: bool | None, indent: int
) -> None:
    """The bound that lets a claim file skip _screen_events holds for any YAML layout."""
    text = yaml.safe_dump(value, default_flow_style=flow, indent=indent, allow_unicode=True)
    if not claims_module._may_need_screening(text):
        assert _depth(yaml.compose(text, Loader=yaml.SafeLoader)) <= MAX_NESTING


def test_files_with_anchors_tags_or_deep_nesting_are_screened() -> None:
    screened = claims_module._may_need_screening
    assert screened("a: &x 1\nb: *x\n")
    assert screened("a: !!python/name:os.system x\n")
    assert screened("- " * 20 + "x\n")
    assert screened("a: " + "[" * 40 + "]" * 40 + "\n")
    assert not screened("# Q&A pages, 5*3 and R&D!\ntext: 'Q&A: wow!'\n")


def test_claim_file_of_mode_000(tree, pytester) -> None:
    root = tree(locked=GOOD.replace("briefing_date", "locked_date"))
    locked = root / "claims" / "locked.yaml"
    locked.chmod(0)
    try:
        result = clean_run(pytester)
    finally:
        locked.chmod(0o644)
    if os.geteuid() == 0:
        # root is not stopped by permission bits: the honest outcome is that the file runs
        result.assert_outcomes(passed=2)
    else:
        bad_file_fails_alone(
            result, "locked", "claims/locked.yaml: cannot read the file: Permission denied"
        )


def test_claim_file_whose_read_is_denied(tree, pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    tree(locked=GOOD.replace("briefing_date", "locked_date"))
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # what a non-root user meets on a mode 000 file
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = clean_run(pytester)
    bad_file_fails_alone(
        result, "locked", "claims/locked.yaml: cannot read the file: Permission denied"
    )
