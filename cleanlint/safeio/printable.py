"""File names and quotes made safe to print on one line of a report or an error.

A file name may hold a newline, a terminal escape sequence, or bytes that are not UTF-8 (which Python
carries as lone surrogates). Printed as they are, they split a `path:line:col` line in two, let a file
name drive the reader's terminal, or stop the run when the output cannot encode them. Such characters are
shown escaped, as `ls -b` shows them; JSON that cleanlint writes (the fix log, the baseline) keeps the
exact name in its own escapes instead.
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


def escape_surrogates(json_text: str) -> str:
    """JSON text with any lone surrogate written as its JSON escape ("\\udcff"), so that it encodes as UTF-8.

    A file name that is not UTF-8 reaches cleanlint as os.fsdecode made it: the byte 0xff becomes the
    surrogate U+DCFF. JSON reads the escape back as that same character, and os.fsencode turns it into the
    same byte, so the fix log and the baseline find the file again (os.fsdecode makes only U+DC80-U+DCFF,
    which no escape before them can pair with). Surrogates stand only inside JSON strings, where an escape
    means what the character meant; other text is left readable as it is.
    """
    return json_text if json_text.isascii() else json_text.encode("utf-8", "backslashreplace").decode("utf-8")
