"""File names and quotes made safe to print on one line of a report or an error.

A file name may hold a newline, a terminal escape sequence, or bytes that are not UTF-8 (which Python
carries as lone surrogates). Printed as they are, they split a `path:line:col` line in two, let a file
name drive the reader's terminal, or stop the run when the output cannot encode them. Such characters are
shown escaped, as `ls -b` shows them; the JSON report keeps the exact name in its own escapes instead.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """`text` with control characters and undecodable bytes written as backslash escapes."""
    return _UNPRINTABLE.sub(_escaped, text) if _UNPRINTABLE.search(text) else text


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8, as os.fsdecode carries it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
