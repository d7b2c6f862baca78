"""Hostile and broken sources and quotes (issue #6): paths, encodings, text.

One case per row, each with its exact outcome and message. A source is quoted
by a date claim: a date is read from the quote, so a row shows that the document
was found, decoded and read right; a claim that expects the wrong day fails and
prints where the date was read, which is how the ``line:col`` rows are checked.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from builders import within
from conftest import OPENING, SOURCES

from pytest_briefcheck.claims import Location, SourceSpec
from pytest_briefcheck.errors import SourceError
from pytest_briefcheck.sources import MAX_FUZZY_QUOTE, read_source

SENTENCE = "The briefing was held on Aug. 25, 2025, in Beijing."
ZH_SENTENCE = "海关总署新闻发布会于2025年8月25日在北京举行。"


@pytest.fixture
def doc(pytester: pytest.Pytester):
    """Write ``sources/<path>`` and a claim quoting it; return the pytester root.

    ``doc(content, path=..., quote=..., expect=..., encoding=...)``: the claim
    ``held_on`` (a date) quotes ``quote`` in the source aliased ``doc``.
    """
    shutil.copytree(SOURCES, pytester.path / "sources")
    (pytester.path / "claims").mkdir()

    def write(
        content: bytes | None,
        *,
        path: str = "doc.txt",
        quote: str = "held on Aug. 25, 2025",
        expect: str = "2025-08-25",
        encoding: str | None = None,
    ) -> Path:
        if content is not None:
            target = pytester.path / "sources" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        declared = f"    encoding: {encoding}\n" if encoding else ""
        registry = f'version: 1\nsources:\n  doc:\n    path: "{path}"\n{declared}'
        (pytester.path / "claims" / "sources.yaml").write_text(registry, encoding="utf-8")
        claim = (
            "version: 1\nclaims:\n  - id: held_on\n    kind: date\n"
            f"    expect: {expect}\n    quotes:\n      - source: doc\n"
            f"        text: {quote_yaml(quote)}\n"
        )
        (pytester.path / "claims" / "held.yaml").write_text(claim, encoding="utf-8")
        return pytester.path

    return write


def quote_yaml(text: str) -> str:
    """``text`` as a double-quoted YAML scalar, invisible characters escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[^\x20-\x7e]", lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


def clean_run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    result = pytester.runpytest("--briefcheck", "-v", "-p", "no:cacheprovider", *args)
    assert_no_crash(result)
    return result


def assert_no_crash(result: pytest.RunResult) -> None:
    output = result.stdout.str() + result.stderr.str()
    assert "INTERNALERROR" not in output, output
    assert "Traceback" not in output, output
    assert not re.search(r"^E\s{2,}", output, re.MULTILINE), output
    assert result.ret in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED), output


def passes(result: pytest.RunResult) -> None:
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["claims/held.yaml::held_on PASSED*"])


def source_error(result: pytest.RunResult, why: str, *more: str) -> None:
    """The claim cannot be checked, and says why (the source's declaration and the problem)."""
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claims/held.yaml:3: claim 'held_on' cannot be checked (1 of 1 quotes)",
            "  expected: 2025-08-25",
            "*ERROR",
            '      quote: "held on Aug. 25, 2025"  (claims/held.yaml:8:15)',
            f"      why: {why}",
            *more,
        ],
        consecutive=True,
    )


def read_at(result: pytest.RunResult, where: str) -> None:
    """With ``expect`` a day off, the failure shows where the date was read."""
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"  {where} [[]*[]]  CONTRADICTS  2025-08-25"])


# -- paths ------------------------------------------------------------------------------------


def test_absolute_path_is_refused(doc, pytester) -> None:
    doc(None, path="/etc/hostname")
    source_error(
        clean_run(pytester),
        "claims/sources.yaml:3:3: source 'doc': the path '/etc/hostname' is absolute",
        "  hint: give the path relative to sources/",
    )


def test_path_climbing_out_with_dotdot_is_refused(doc, pytester) -> None:
    doc(None, path="../claims/sources.yaml")
    source_error(
        clean_run(pytester),
        "claims/sources.yaml:3:3: source 'doc': the path '../claims/sources.yaml' climbs "
        "out of sources/ with '..'",
        "  hint: keep sources inside sources/",
    )


def test_symlink_pointing_outside_the_sources_is_refused(doc, pytester) -> None:
    secret = pytester.path / "secret.txt"
    secret.write_text(SENTENCE, encoding="utf-8")
    root = doc(None, path="link.txt")
    (root / "sources" / "link.txt").symlink_to(secret)
    source_error(
        clean_run(pytester),
        "claims/sources.yaml:3:3: source 'doc': 'link.txt' is a link that points outside sources/",
        "  hint: copy the document into sources/ instead of linking to it",
    )


def test_symlinked_directory_pointing_outside_is_refused(doc, pytester) -> None:
    outside = pytester.path / "elsewhere"
    outside.mkdir()
    (outside / "doc.txt").write_text(SENTENCE, encoding="utf-8")
    root = doc(None, path="linked/doc.txt")
    (root / "sources" / "linked").symlink_to(outside, target_is_directory=True)
    source_error(
        clean_run(pytester),
        "claims/sources.yaml:3:3: source 'doc': 'linked/doc.txt' is a link that points "
        "outside sources/",
    )


def test_symlink_inside_the_sources_is_followed(doc, pytester) -> None:
    root = doc(SENTENCE.encode(), path="real.txt")
    (root / "sources" / "alias.txt").symlink_to(root / "sources" / "real.txt")
    doc(None, path="alias.txt")
    passes(clean_run(pytester))


def test_symlink_loop_is_refused(doc, pytester) -> None:
    root = doc(None, path="loop1.txt")
    (root / "sources" / "loop1.txt").symlink_to(root / "sources" / "loop2.txt")
    (root / "sources" / "loop2.txt").symlink_to(root / "sources" / "loop1.txt")
    source_error(
        clean_run(pytester),
        "claims/sources.yaml:3:3: source 'doc': 'loop1.txt' is a link that leads in a loop",
    )


def test_nul_in_the_path_is_refused(doc, pytester) -> None:
    doc(None, path="doc\\0.txt")  # a YAML escape: the path holds a NUL character
    source_error(
        clean_run(pytester), "claims/sources.yaml:3:3: source 'doc': the path holds a NUL character"
    )


def test_name_too_long_for_the_file_system(doc, pytester) -> None:
    name = "a" * 300 + ".txt"
    doc(None, path=name)
    source_error(
        clean_run(pytester),
        f"claims/sources.yaml:3:3: source 'doc': sources/{name} cannot be read "
        "(File name too long)",
    )


def test_missing_file(doc, pytester) -> None:
    doc(None, path="nowhere.txt")
    source_error(
        clean_run(pytester),
        "claims/sources.yaml:3:3: source 'doc': sources/nowhere.txt does not exist",
        "  hint: check the path, relative to sources/",
    )


def test_directory_instead_of_a_file(doc, pytester) -> None:
    doc(None, path="china.org.cn")
    source_error(
        clean_run(pytester),
        "claims/sources.yaml:3:3: source 'doc': sources/china.org.cn is a directory, "
        "not a document",
    )


def test_fifo_is_refused_instead_of_blocking(doc, pytester) -> None:
    root = doc(None, path="pipe.txt")
    os.mkfifo(root / "sources" / "pipe.txt")
    # in a subprocess with a timeout: a read that blocks fails this test instead of hanging it
    result = pytester.runpytest_subprocess(
        "--briefcheck", "-v", "-p", "no:cacheprovider", timeout=300
    )
    assert_no_crash(result)
    source_error(
        result,
        "claims/sources.yaml:3:3: source 'doc': sources/pipe.txt is not a regular file "
        "(a pipe, socket or device)",
    )


UNREADABLE = (
    "claims/sources.yaml:3:3: source 'doc': sources/locked.txt cannot be read (permission denied)"
)


def test_source_of_mode_000(doc, pytester) -> None:
    root = doc(SENTENCE.encode(), path="locked.txt")
    locked = root / "sources" / "locked.txt"
    locked.chmod(0)
    try:
        result = clean_run(pytester)
    finally:
        locked.chmod(0o644)
    if os.geteuid() == 0:
        # root is not stopped by permission bits: the honest outcome is that it is read
        passes(result)
    else:
        source_error(result, UNREADABLE, "  hint: give the CI user read permission on the file")


def test_source_whose_read_is_denied(doc, pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    doc(SENTENCE.encode(), path="locked.txt")
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # what a non-root user meets on a mode 000 file
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    source_error(
        clean_run(pytester), UNREADABLE, "  hint: give the CI user read permission on the file"
    )


@pytest.mark.parametrize(
    "path", ["press briefings/day one.txt", "发布会/海关 总署 实录.txt", "😀/𝐀.txt"]
)
def test_names_with_spaces_and_chinese_characters_work(doc, pytester, path: str) -> None:
    doc(("Title\n" + SENTENCE + "\n").encode(), path=path)
    passes(clean_run(pytester))
    doc(None, path=path, expect="2025-08-26")
    read_at(clean_run(pytester), f"sources/{path}:2:26")


# -- encodings --------------------------------------------------------------------------------

TWO_LINES = "Customs press briefing\n" + SENTENCE + "\n"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (TWO_LINES.encode("utf-8"), None),
        (b"\xef\xbb\xbf" + TWO_LINES.encode("utf-8"), None),
        (TWO_LINES.encode("utf-16"), None),  # native order with its BOM
        (b"\xff\xfe" + TWO_LINES.encode("utf-16-le"), None),
        (b"\xfe\xff" + TWO_LINES.encode("utf-16-be"), None),
        (b"\xff\xfe\x00\x00" + TWO_LINES.encode("utf-32-le"), None),
        (TWO_LINES.encode("utf-16-le"), "utf-16-le"),
        (TWO_LINES.encode("utf-16-be"), "utf-16-be"),
        (TWO_LINES.replace("\n", "\r\n").encode(), None),
        (TWO_LINES.replace("\n", "\r").encode(), None),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-32-le-bom",
        "utf-16-le-declared",
        "utf-16-be-declared",
        "crlf",
        "lone-cr",
    ],
)
def test_encodings_and_line_ends_are_read_right(
    doc, pytester, content: bytes, encoding: str | None
) -> None:
    doc(content, encoding=encoding)
    passes(clean_run(pytester))
    # line:col count characters a reader sees: no BOM, no CR, no bytes
    doc(None, encoding=encoding, expect="2025-08-26")
    read_at(clean_run(pytester), "sources/doc.txt:2:26")


def test_line_col_on_a_crlf_file_with_bom_astral_and_cjk_characters(doc, pytester) -> None:
    line = "😀𝐀 中文：" + SENTENCE  # 6 characters before the sentence; 20 bytes in UTF-8
    content = b"\xef\xbb\xbf" + ("标题 😀\r\n\r\n" + line + "\r\n").encode("utf-8")
    doc(content, expect="2025-08-26")
    read_at(clean_run(pytester), "sources/doc.txt:3:32")


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_chinese_page_in_gb18030_or_gbk_is_detected(doc, pytester, codec: str) -> None:
    content = ("海关总署\n" + ZH_SENTENCE + "\n").encode(codec)
    doc(content, quote="2025年8月25日")
    passes(clean_run(pytester))
    doc(None, quote="2025年8月25日", expect="2025-08-26")
    read_at(clean_run(pytester), "sources/doc.txt:2:11")


def test_mostly_english_gbk_page_needs_its_encoding_declared(doc, pytester) -> None:
    content = (TWO_LINES * 20 + "海关\n").encode("gbk")
    offset = len((TWO_LINES * 20).encode())
    doc(content)
    source_error(
        clean_run(pytester),
        f"sources/doc.txt:41:1: cannot decode the file: byte 0xba at offset {offset} "
        "is not valid UTF-8",
        "  hint: convert the file to UTF-8, or declare its encoding in the registry "
        "(encoding: gb18030, utf-16, ...)",
    )
    doc(None, encoding="gbk")
    passes(clean_run(pytester))


def test_invalid_utf8_names_the_byte_offset_and_line_col(doc, pytester) -> None:
    content = "Customs — press briefing\n".encode() + b"bad \xff byte\n" + SENTENCE.encode()
    doc(content)
    source_error(
        clean_run(pytester),
        "sources/doc.txt:2:5: cannot decode the file: byte 0xff at offset 31 is not valid UTF-8",
    )


def test_truncated_utf8_sequence(doc, pytester) -> None:
    content = SENTENCE.encode() + "\n中".encode()[:-1]
    doc(content)
    source_error(
        clean_run(pytester),
        f"sources/doc.txt:2:1: cannot decode the file: byte 0xe4 at offset {len(SENTENCE) + 1} "
        "is not valid UTF-8",
    )


def test_declared_encoding_that_does_not_fit(doc, pytester) -> None:
    content = ("海关总署\n" + ZH_SENTENCE).encode("gbk")
    doc(content, encoding="utf-8")
    source_error(
        clean_run(pytester),
        "sources/doc.txt:1:1: cannot decode the file as utf-8: invalid data at byte offset 0",
        "  hint: check the declared encoding, or convert the file to UTF-8",
    )


def test_nul_bytes_name_line_col_and_byte_offset(doc, pytester) -> None:
    content = "海关\n".encode() + b"abc\x00def\n" + SENTENCE.encode()
    doc(content)
    source_error(
        clean_run(pytester),
        "sources/doc.txt:2:4: the file holds a NUL character (byte offset 10): it is binary, "
        "or UTF-16 without a byte-order mark",
        "  hint: declare its encoding (encoding: utf-16-le), or convert it to UTF-8",
    )


def test_utf16_without_bom_and_undeclared_is_a_clear_error(doc, pytester) -> None:
    doc(TWO_LINES.encode("utf-16-le"))
    source_error(
        clean_run(pytester),
        "sources/doc.txt:1:2: the file holds a NUL character (byte offset 1): it is binary, "
        "or UTF-16 without a byte-order mark",
    )


# -- text of quotes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "held on Aug. 25,\u200b 2025",  # zero-width space
        "held\u00a0on Aug.\u00a025, 2025",  # non-breaking spaces
        "he\u00adld on Aug. 25, 2025",  # soft hyphen
        "held on Aug\uff0e \uff12\uff15\uff0c \uff12\uff10\uff12\uff15",  # full-width
        "held  on\nAug. 25,   2025",  # white space and a line break
    ],
    ids=["zwsp", "nbsp", "soft-hyphen", "full-width", "white-space"],
)
def test_invisible_and_full_width_characters_in_quotes(doc, pytester, quote: str) -> None:
    doc(TWO_LINES.encode(), quote=quote)
    passes(clean_run(pytester))


def test_invisible_and_full_width_characters_in_the_source(doc, pytester) -> None:
    line = "The brief\u00ading was held\u00a0on\u200b Aug\uff0e 25, 2025, in Beijing."
    doc(("Title\n" + line + "\n").encode())
    passes(clean_run(pytester))
    doc(None, expect="2025-08-26")
    # the date starts after 27 characters a reader sees, the invisible ones included
    read_at(clean_run(pytester), "sources/doc.txt:2:28")


def test_quote_that_occurs_several_times_is_checked_at_its_first_occurrence(doc, pytester) -> None:
    content = "\n".join(["Title", "x " + SENTENCE, "", SENTENCE, "", "yy " + SENTENCE])
    doc(content.encode(), expect="2025-08-26")
    read_at(clean_run(pytester), "sources/doc.txt:2:28")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('""', "quote text is empty"),
        ("", "quote text is empty"),
        ('"   "', "quote text is empty"),
        ('"\\u200b\\u00ad\\u2060"', "quote text is empty (it holds only invisible characters)"),
    ],
    ids=["empty-string", "null", "spaces", "invisible"],
)
def test_empty_quote_names_the_claim_line(pytester, text: str, message: str) -> None:
    shutil.copytree(SOURCES, pytester.path / "sources")
    (pytester.path / "claims").mkdir()
    (pytester.path / "claims" / "empty.yaml").write_text(
        f"version: 1\nsources:\n  opening:\n    path: {OPENING}\nclaims:\n  - id: blank\n"
        f"    quotes:\n      - source: opening\n        text: {text}\n",
        encoding="utf-8",
    )
    result = clean_run(pytester)
    result.assert_outcomes(failed=1)
    col = 14 if text == "" else 15
    result.stdout.fnmatch_lines([f"claims/empty.yaml:9:{col}: claim 'blank': {message}"])


def test_quote_of_100_kb_is_bounded(doc, pytester) -> None:
    long_quote = ((SENTENCE + " ") * 2000)[:100_000]  # the sentence, but never 2000 times in a row
    content = ("Title\n" + SENTENCE + "\n") * 200
    doc(content.encode(), quote=long_quote)
    result = clean_run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "claims/held.yaml:3: claim 'held_on' quote not found (1 of 1 quotes)",
            "  expected: 2025-08-25",
            "  sources/doc.txt:*:1 [[]en[]]  NOT FOUND",
            '      quote: "The briefing was held on Aug. 25, 2025, in Beijing. The*…"  '
            "(claims/held.yaml:8:15)",
            "      why: not found; closest at line * (9?%)",
            '      closest: "The briefing was held on Aug. 25, 2025, in Beijing. Title*"',
        ],
        consecutive=True,
    )


def test_closest_search_of_a_long_quote_is_bounded(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_bytes((SOURCES / OPENING).read_bytes())
    spec = SourceSpec(alias="doc", path="doc.txt", at=Location("claims/x.yaml", 1))
    source = read_source(spec, tmp_path, "sources")
    words = source.text.split()
    quote = " ".join(words[(i * 7) % len(words)] for i in range(20_000))  # ~100 KB, shuffled
    assert len(quote) > 20 * MAX_FUZZY_QUOTE
    with within():
        source.closest(quote)


def test_read_source_raises_only_source_errors(tmp_path: Path) -> None:
    """The reader's own contract: whatever the path, a SourceError or a Source."""
    (tmp_path / "ok.txt").write_text("x", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    for path in ["ok.txt", "loop", "a\x00b", "/abs", "../x", "x" * 5000, ".", "", "C:x"]:
        spec = SourceSpec(alias="doc", path=path, at=Location("claims/x.yaml", 1))
        try:
            read_source(spec, tmp_path, "sources")
        except SourceError:
            assert path != "ok.txt"
        else:
            assert path == "ok.txt"
