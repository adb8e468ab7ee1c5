"""Reading and writing article files: encodings, line ends, front matter, and refusing bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanlint.safeio.atomic import WriteRefused, write_bytes_atomic
from cleanlint.sources.articles import InputError, discover, read_source, write_atomic


def test_bom_and_crlf_are_kept_on_write(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line\r\nSecond line\r\n")
    source = read_source(path)
    assert source.text == "First line\nSecond line\n" and source.bom and source.crlf
    write_atomic(source, "Second line\n")
    assert path.read_bytes() == b"\xef\xbb\xbfSecond line\r\n"


def test_offsets_map_back_to_crlf_text(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"One\r\nTwo\r\n")
    source = read_source(path)
    doc = source.document()
    assert source.file_offset(doc, source.text.index("Two")) == 5


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"caf\xe9 au lait\n", "not UTF-8 text (byte 0xe9 at offset 3)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_bad_bytes_are_refused_with_the_file_named(tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_source(path)
    assert str(info.value).startswith(f"{path}: ") and message in str(info.value)


def test_empty_file_is_fine(tmp_path: Path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_source(path).document().text == ""


def test_front_matter_is_not_linted(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Leave a Reply\nsource: example\n---\nBody.\n", encoding="utf-8")
    doc = read_source(path).document()
    assert doc.metadata == {"title": "Leave a Reply", "source": "example"}
    assert doc.text[doc.body_start :] == "Body.\n"


def test_broken_front_matter_is_an_input_error(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match="front matter is not valid YAML"):
        read_source(path).document()


def test_a_file_changed_since_reading_is_not_overwritten(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("old\n", encoding="utf-8")
    source = read_source(path)
    path.write_text("someone else's edit\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(source, "fixed\n")
    assert path.read_text(encoding="utf-8") == "someone else's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_discover_finds_articles_and_survives_a_symlink_loop(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "image.png").write_bytes(b"\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path]) if isinstance(p, Path)]
    assert found == ["sub/a.txt", "sub/b.md"]
    (missing,) = discover([tmp_path / "nope.txt"])
    assert isinstance(missing, InputError) and "no such file" in str(missing)


def test_a_file_that_cannot_be_written_is_an_input_error(tmp_path: Path):
    path = tmp_path / "missing-folder" / "page.txt"
    with pytest.raises(WriteRefused, match=r"cannot write: No such file or directory"):
        write_bytes_atomic(path, b"text\n", None)


def test_a_new_file_is_written_with_the_mode_given(tmp_path: Path):
    path = tmp_path / "page.txt"
    write_bytes_atomic(path, b"text\n", None, 0o640)
    assert path.read_bytes() == b"text\n" and path.stat().st_mode & 0o777 == 0o640
    with pytest.raises(WriteRefused, match="changed on disk"):
        write_bytes_atomic(path, b"other\n", None)  # it exists now: not what was read


def laughs(levels: int) -> str:
    """Front matter where each of `levels` anchors holds nine aliases of the one before: 9**levels strings."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "---\n" + "\n".join(lines) + "\n---\nBody.\n"


def test_front_matter_with_aliases_is_refused_before_anything_expands(tmp_path: Path):
    path = tmp_path / "laughs.txt"
    path.write_text(laughs(3), encoding="utf-8")
    with pytest.raises(InputError, match=r"front matter uses a YAML anchor or alias.*\(line 2\); not read$"):
        read_source(path).document()
    path.write_text(laughs(9), encoding="utf-8")  # the full attack: refused as fast, since nothing expands
    with pytest.raises(InputError, match="anchor or alias"):
        read_source(path).document()


def test_an_anchor_alone_is_refused_too(tmp_path: Path):
    path = tmp_path / "anchor.md"
    path.write_text("---\ntitle: ok\nsource: &s Reuters\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"anchor or alias \(line 3\)"):
        read_source(path).document()


@pytest.mark.slow
def test_front_matter_over_64_kb_or_nested_too_deep_is_refused(tmp_path: Path):
    big = tmp_path / "big.md"
    big.write_text("---\nnotes: " + "x" * 70_000 + "\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"front matter is 68\.4 KB, larger than the 64 KB limit; not read"):
        read_source(big).document()
    deep = tmp_path / "deep.md"
    deep.write_text("---\nx: " + "[" * 20_000 + "]" * 20_000 + "\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match="front matter is nested deeper than 64 levels"):
        read_source(deep).document()


@pytest.mark.parametrize("value", ["!!timestamp nope", "!!python/object/apply:os.system [echo]", "[!!float x]"])
def test_a_tag_front_matter_cannot_make_is_an_input_error(tmp_path: Path, value: str):
    path = tmp_path / "tagged.md"
    path.write_text(f"---\ntitle: ok\ndate: {value}\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"front matter is not valid YAML \(line 3\)$"):
        read_source(path).document()


WIDE = "First line, Café ’ 😀\r\nSecond line\r\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"\xff\xfe\x00\x00", "utf-32-le"),  # begins with the UTF-16-LE BOM: UTF-32 is tried first
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ],
)
def test_utf16_and_utf32_with_a_bom_are_read_and_written_back_in_their_own_encoding(
    tmp_path: Path, bom: bytes, encoding: str
):
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + WIDE.encode(encoding))  # NUL bytes all through, as in any UTF-16 or UTF-32 text
    source = read_source(path)
    assert source.text == WIDE.replace("\r\n", "\n") and source.crlf and source.bom
    assert source.encoding == encoding
    write_atomic(source, "Second line\n")
    assert path.read_bytes() == bom + "Second line\r\n".encode(encoding)


def test_a_bom_does_not_make_a_binary_file_text(tmp_path: Path):
    path = tmp_path / "fake.txt"
    path.write_bytes(b"\xff\xfe" + "a\0b".encode("utf-16-le"))  # a NUL character is no text
    with pytest.raises(InputError, match="binary file"):
        read_source(path)
    path.write_bytes(b"\xfe\xff\xd8\x00")  # half a surrogate pair
    with pytest.raises(InputError, match=r"not UTF-16 text \(byte 0xd8 at offset 2\)"):
        read_source(path)
