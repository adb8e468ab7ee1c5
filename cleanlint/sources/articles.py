"""Reading article files into Documents and writing fixed text back, without ever losing a byte.

Files come as written by scrapers: with or without a BOM, with Windows line ends, with YAML front matter.
What is read is remembered (encoding, BOM, line-end style, a digest of the bytes) so that a write puts the
text back in the same shape, and so that a file changed by someone else since it was read is never
overwritten. Text is UTF-8, or UTF-16 or UTF-32 when a BOM says so: a BOM names those unambiguously, and
Windows tools write UTF-16 with one. A fixed file is written back in its own encoding, with its BOM.
HTML pages are found here too; sources/html.py reads them, through their extracted text.
"""

from __future__ import annotations

import hashlib
import os
import stat
from codecs import BOM_UTF8, BOM_UTF16_BE, BOM_UTF16_LE, BOM_UTF32_BE, BOM_UTF32_LE
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..safeio.atomic import WriteRefused, write_bytes_atomic
from .frontmatter import FrontMatterError, split_front_matter

HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES, *JSONL_SUFFIXES)
PARQUET_SUFFIXES = (".parquet",)
LINTED_SUFFIXES = (*ARTICLE_SUFFIXES, *PARQUET_SUFFIXES)  # what `check` and `fix` read (run/parquet.py)
# The largest file read whole (the settings' max-file-size): an article is kilobytes, so a file of many
# megabytes is a mistake (a dump, a log) that would only cost memory. JSONL files are read a line at a time,
# and this bounds each line instead.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# The front matter keys that mark a text file as written by `cleanlint fix` from an HTML page beside it.
EXTRACTED_BY, EXTRACTED_FROM = "extracted-by", "extracted-from"
# Each BOM and the encoding it names, UTF-32 first: the UTF-32-LE BOM begins with the UTF-16-LE one.
BOMS = (
    (BOM_UTF32_LE, "utf-32-le"),
    (BOM_UTF32_BE, "utf-32-be"),
    (BOM_UTF8, "utf-8"),
    (BOM_UTF16_LE, "utf-16-le"),
    (BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {encoding: bom for bom, encoding in BOMS}
_NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32"}


def is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES


def is_parquet(path: Path) -> bool:
    return path.suffix.lower() in PARQUET_SUFFIXES


class InputError(Exception):
    """A file that cannot be checked; str() is the one line shown to the user."""

    def __init__(self, path: Path, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str  # decoded, line ends as "\n"
    crlf: bool  # the file's line ends were "\r\n"
    bom: bool  # the file began with the BOM of its encoding
    digest: str  # of the bytes as read
    target: Path | None = None  # an HTML page's text file, which fix writes; None: the file itself
    encoding: str = "utf-8"  # one that BOMS names; UTF-16 and UTF-32 are read only when their BOM says so

    def document(self) -> Document:
        body_start, metadata = _front_matter(self.path, self.text)
        return Document(self.text, str(self.path), body_start, metadata)

    def encode(self, text: str) -> bytes:
        """`text` as bytes in this file's own style: the same encoding, BOM and line ends."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (_BOM_OF[self.encoding] if self.bom else b"") + text.encode(self.encoding)

    def file_offset(self, doc: Document, offset: int) -> int:
        """An offset into `text` as an offset into the file's decoded text (which may have "\r\n")."""
        return offset + doc.line_index(offset) if self.crlf else offset


def size_message(size: int, limit: int) -> str:
    return f"is {size / 2**20:.1f} MB, larger than the {limit / 2**20:g} MB limit (setting max-file-size); not read"


def check_readable(path: Path, limit: int | None) -> None:
    """Refuse, before reading a byte, what is not a regular file or is larger than `limit` bytes."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, "not a regular file (a device, socket or pipe); not read")
    if limit is not None and info.st_size > limit:
        raise InputError(path, size_message(info.st_size, limit))


def read_bytes(path: Path, what: str = "article text", limit: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or an InputError that says in one line why they cannot be had."""
    data = _read(path, limit)
    refuse_binary(path, data, what)
    return data


def _read(path: Path, limit: int | None) -> bytes:
    check_readable(path, limit)
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None


def refuse_binary(path: Path, head: bytes, what: str) -> None:
    """An InputError when the file's first 8 KB hold a NUL byte: a binary file, never `what`."""
    if b"\x00" in head[:8192]:
        raise InputError(path, f"binary file (contains NUL bytes), not {what}")


def sniff_bom(data: bytes) -> tuple[bytes, str]:
    """The BOM `data` starts with (b"" when none) and the encoding it names; UTF-8 when there is none."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return bom, encoding
    return b"", "utf-8"


def decode(path: Path, data: bytes) -> tuple[str, bytes, str]:
    """The text of a file's bytes, with the BOM it starts with and its encoding (see sniff_bom).

    In UTF-16 and UTF-32 every other byte of Latin text is NUL, so the binary test looks for NUL bytes in
    UTF-8 files only, and for NUL characters in the decoded text of the others: no text holds one.
    """
    bom, encoding = sniff_bom(data)
    if encoding == "utf-8":
        refuse_binary(path, data, "article text")
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as err:
        offset = len(bom) + err.start
        bad = data[offset : offset + 1].hex()
        raise InputError(path, f"not {_NAMES[encoding]} text (byte 0x{bad} at offset {offset})") from None
    if encoding != "utf-8" and "\x00" in text[:8192]:
        raise InputError(path, "binary file (contains NUL characters), not article text")
    return text, bom, encoding


def read_source(path: Path, limit: int | None = DEFAULT_MAX_BYTES) -> SourceText:
    data = _read(path, limit)
    text, bom, encoding = decode(path, data)
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    if crlf:
        text = text.replace("\r\n", "\n")
    return SourceText(path, text, crlf, bool(bom), hashlib.sha256(data).hexdigest(), encoding=encoding)


def _front_matter(path: Path, text: str) -> tuple[int, dict]:
    """Where the body starts and the front matter's fields; front matter is never linted or changed."""
    try:
        return split_front_matter(text)
    except FrontMatterError as err:
        raise InputError(path, str(err)) from None


def write_atomic(source: SourceText, text: str) -> None:
    """Replace the file with `text` in one rename, unless it changed on disk since it was read (atomic.py)."""
    try:
        write_bytes_atomic(source.path, source.encode(text), source.digest)
    except WriteRefused as err:
        raise InputError(source.path, str(err)) from None


def extracted_from(metadata: dict) -> str | None:
    """The name of the HTML page that `cleanlint fix` wrote this text from, as its front matter says."""
    name = metadata.get(EXTRACTED_FROM)
    return name if metadata.get(EXTRACTED_BY) == "cleanlint" and isinstance(name, str) else None


def discover(
    paths: Iterable[Path], excluded=lambda _p: False, suffixes: tuple[str, ...] = ARTICLE_SUFFIXES
) -> Iterator[Path | InputError]:
    """Files to check: each file named, and the article files found below each folder named.

    A file named on the command line is checked whatever its suffix (the user asked for it); folders are
    searched for `suffixes` only. Hidden folders (.git, caches) are skipped. Symlinked folders are not
    entered, as git does not follow them: a link can point anywhere on the machine, and `fix` must not
    rewrite what lies outside the folders it was given (a symlinked folder named here is the user's choice,
    and is walked). Symlinked files are found: reading them is harmless. A text that `fix` wrote from an
    HTML page beside it is left out of a folder search: the page is checked in its place, so its findings
    are not reported twice, and `fix` of the page is what keeps that text up to date.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, excluded, suffixes)
        elif path.exists():
            yield path
        else:
            yield InputError(path, "no such file or directory")


def _walk(root: Path, excluded, suffixes: tuple[str, ...]) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):  # symlinked folders are listed in `dirs`, never entered
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(Path(folder, d)))
        pages: dict[str, set[str]] = {}
        for n in files:  # the pages checked here, which stand for the texts written from them
            if Path(n).suffix.lower() in HTML_SUFFIXES and not excluded(Path(folder, n)):
                pages.setdefault(Path(n).stem, set()).add(n)
        for name in sorted(files):
            p = Path(folder, name)
            if p.suffix.lower() in suffixes and not excluded(p) and not _extracted_beside(p, pages):
                yield p


def _extracted_beside(path: Path, pages: dict[str, set[str]]) -> bool:
    """Whether `path` is the text `fix` wrote from one of the HTML `pages` (stem -> names) in its folder."""
    if path.suffix != ".txt" or path.stem not in pages:
        return False
    try:
        metadata = read_source(path).document().metadata
    except InputError:
        return False  # checked on its own, so the problem is reported
    return extracted_from(metadata) in pages[path.stem]
