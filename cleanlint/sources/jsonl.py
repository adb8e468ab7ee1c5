"""JSONL corpora: one article per line, a JSON object whose text field (`text` unless set) holds the article.

A JSONL file may hold a whole corpus, so it is never read whole: lines are read one at a time, each line is
bounded by the same size limit as an article file, and a `fix` streams its output to the temporary file that
replaces the original. A line that cannot be used (not UTF-8, not JSON, no text field, a string that is not
Unicode) is an error naming the file and the line; the other records are still checked, and a file with a
bad line is never rewritten.

A fixed record is written back by replacing only its text value in the line as it was, so the other fields,
their order, spacing and escapes stay byte for byte; only when that value cannot be found on its own is the
record serialised again. The record's other fields (source, url, language...) are its front matter.
"""

from __future__ import annotations

import json
import re
from codecs import BOM_UTF8
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..document import Document

_CHUNK = 1 << 20
# The JSON escape of a surrogate (U+D800 to U+DFFF): only a line that has one can hold a lone surrogate.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


@dataclass(frozen=True)
class Record:
    """One line of a JSONL file: its bytes as read and, unless `error`, its object and text."""

    number: int  # 1-based line number
    raw: bytes  # the line as read, with its line end (and, on line 1, a BOM if there was one)
    value: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    error: str | None = None

    @property
    def blank(self) -> bool:
        return self.text is None and self.error is None

    def document(self, path: Path, text_field: str) -> Document:
        assert self.text is not None
        metadata = {k: v for k, v in self.value.items() if k != text_field}
        return Document(self.text, str(path), 0, metadata)


def read_records(stream: BinaryIO, text_field: str, limit: int) -> Iterator[Record]:
    """The lines of a JSONL stream in order, blank ones included (written back as they are); a line over
    `limit` bytes is an error, and is skipped in bounded chunks rather than read."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(stream)
            yield Record(number, b"", error=f"line {number}: {size / 2**20:.1f} MB, larger than the limit")
            continue
        yield _parse(number, raw, text_field) if raw.strip() else Record(number, raw)


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line in bounded chunks; the number of bytes skipped."""
    skipped = 0
    while chunk := stream.readline(_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _parse(number: int, raw: bytes, text_field: str) -> Record:
    body = raw[len(BOM_UTF8) :] if number == 1 and raw.startswith(BOM_UTF8) else raw
    try:
        line = body.decode("utf-8")
    except UnicodeDecodeError as err:
        return Record(number, raw, error=f"line {number}: not UTF-8 text (byte 0x{body[err.start]:02x})")
    try:
        value = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as err:
        where = err.msg if err.msg.endswith(" at") else f"{err.msg} at"  # "Unterminated string starting at"
        return Record(number, raw, error=f"line {number}: not JSON ({where} column {err.pos + 1})")
    if not isinstance(value, dict) or not isinstance(value.get(text_field), str):
        return Record(number, raw, error=f"line {number}: not an object with a string field {text_field!r}")
    if _SURROGATE_ESCAPE.search(raw) and (problem := _lone_surrogate(value)):
        return Record(number, raw, error=f"line {number}: {problem}")
    return Record(number, raw, value, value[text_field])


def _lone_surrogate(value: dict[str, Any]) -> str | None:
    """What is wrong when a string of the record holds a lone surrogate, else None.

    JSON can escape half of a UTF-16 surrogate pair ("Caf\\udce9") where UTF-8 text cannot hold one: the
    string is not Unicode text. No rule can read it (the literal scanners take UTF-8), and the record could
    not be written back as UTF-8, so the line is an error like a line that is not JSON.
    """
    for key, item in value.items():
        for text in _strings(key, item):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as err:
                return f"field {key!r} is not valid Unicode (a lone surrogate, \\u{ord(text[err.start]):04x})"
    return None


def _strings(key: str, item: Any) -> Iterator[str]:
    """The key and every string inside the value, however deeply nested."""
    yield key
    stack = [item]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def rewrite(record: Record, text_field: str, new_text: str) -> bytes:
    """The record's line with its text replaced by `new_text`, every other byte kept where possible."""
    assert record.text is not None
    bom = BOM_UTF8 if record.number == 1 and record.raw.startswith(BOM_UTF8) else b""
    body = record.raw[len(bom) :].decode("utf-8")
    stripped = body.rstrip("\r\n")
    ending = body[len(stripped) :]
    wanted = {**record.value, text_field: new_text}
    for ascii_only in (False, True):
        token = json.dumps(record.text, ensure_ascii=ascii_only)
        if stripped.count(token) == 1:
            line = stripped.replace(token, json.dumps(new_text, ensure_ascii=ascii_only))
            if _loads(line) == wanted:
                return bom + (line + ending).encode("utf-8")
    compact = '": ' not in stripped and '", "' not in stripped
    line = json.dumps(wanted, ensure_ascii=stripped.isascii(), separators=(",", ":") if compact else None)
    return bom + (line + ending).encode("utf-8")


def _loads(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return None
