"""Mojibake whose bytes were lost on the way, which ftfy leaves alone or repairs wrongly.

Windows-1252 has no character for the bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, so text read with it loses
them. A closing quote (UTF-8 E2 80 9D) then shows as "â€" and nothing; followed by a space, ftfy takes
that space for the no-break space byte of a dagger (E2 80 A0) and writes "†". Which character was lost is
a question of context: inside a quotation opened on the same line (the last double quote before it is an
opening one) it is the closing quote, and the repair is certain; elsewhere before a space or punctuation
it is most likely the closing quote too, but a guess, offered as unsafe; between two letters it could as
well have been a hyphen or a joiner, and is reported without a repair.

A line can also keep mojibake that ftfy did not touch: a short run inside text of another script (the
Korean "ë°¤" for "밤" among Hangul), or Japanese whose lost bytes leave no clean decoding. A run of such
characters is mojibake when its bytes decode, whole or in part, to characters of a script the line is
otherwise written in (or to punctuation and currency signs); Latin text with accents never decodes so
("ção", "Fuß«" give no such characters). A run that decodes whole is repaired; one with lost bytes is
reported only, since nothing can give them back.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from ...scan.memo import compiled

# the characters Windows-1252 shows for bytes 0x80-0x9F, which a UTF-8 continuation byte becomes
CP1252_MARKS = (
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_CONTINUATION = f"\u0080-\u00bf{CP1252_MARKS}"
# "â€" whose third byte was lost: not followed by a character that stands for a continuation byte
LOST_QUOTE = compiled(f"\u00e2\u20ac(?![{_CONTINUATION}])")
# double quotes, clean or garbled: “ and its mojibake "â€œ" open; ”, "â€\x9d" and "â€" with its byte lost close
_QUOTES = compiled(f"\u00e2\u20ac[\u0153\u009d]|\u00e2\u20ac(?![{_CONTINUATION}])|[\u201c\u201d]")
_RUN = compiled(f"[\u00a0-\u00ff{CP1252_MARKS}]{{2,}}")
_PAIR = compiled(f"[\u00c2-\u00f4][{_CONTINUATION}]")
_MARKS = frozenset(regex.findall(f"[{CP1252_MARKS}]", "".join(map(chr, range(0x100, 0x2200)))))
MASK = "\ue000"  # a private-use character that stands in for a masked spot while ftfy repairs the rest

GUESSED = "lost byte"  # why a repair that guesses a lost byte is offered only as unsafe


@dataclass(frozen=True)
class Repair:
    """A stretch [start, end) of a line and what it should read: `text` is None when nothing can restore
    it; `guess` marks a repair that picks one of several characters the lost byte could have made."""

    start: int
    end: int
    text: str | None
    guess: bool = False
    shown: str = ""  # what can be read of it, for the message, where `text` is None


def lost_quotes(line: str) -> list[Repair]:
    """Each "â€" of the line whose third byte was lost, with the closing quote where context says so."""
    out = []
    for m in LOST_QUOTE.finditer(line):
        after = line[m.end() : m.end() + 1]
        if _opened(line, m.start()):
            out.append(Repair(m.start(), m.end(), "\u201d"))
        elif after == "" or after.isspace() or (after.isascii() and not after.isalnum()):
            out.append(Repair(m.start(), m.end(), "\u201d", guess=True))
        else:
            out.append(Repair(m.start(), m.end(), None, shown="\u201d or \u2010 (a byte lost)"))
    return out


def _opened(line: str, at: int) -> bool:
    """Whether the last double quote before `at` on the line opens a quotation (“, or its mojibake "â€œ")."""
    last = None
    for m in _QUOTES.finditer(line, 0, at):
        last = m.group()
    return last is not None and last in ("\u201c", "\u00e2\u20ac\u0153")


def masked(line: str, spots: list[Repair]) -> str:
    """The line with each spot replaced by as many MASK characters, so ftfy neither sees nor moves them."""
    for r in spots:
        line = line[: r.start] + MASK * (r.end - r.start) + line[r.end :]
    return line


def scripts(text: str) -> frozenset[str]:
    """The scripts of the characters beyond Latin-1 that a text is written in (not those mojibake is
    made of: the Windows-1252 marks)."""
    found = {_script(c) for c in set(text) if ord(c) > 0xFF and c not in _MARKS}
    return frozenset(s for s in found if s is not None)


def leftovers(line: str, written: frozenset[str]) -> list[Repair]:
    """Runs of mojibake that are still in a line ftfy has repaired what it could of, in a document
    `written` in these scripts."""
    out = []
    for m in _RUN.finditer(line):
        run = m.group()
        if len(_PAIR.findall(run)) == 0:
            continue
        decoded = _decoded(run)
        if decoded is not None and all(_belongs(ch, written) for ch in decoded):
            out.append(Repair(m.start(), m.end(), decoded))
        elif len(_PAIR.findall(run)) >= 2:
            partial = _raw(run).decode("utf-8", errors="replace")
            found = [ch for ch in partial if ch != "\ufffd" and ord(ch) > 0xFF]
            if found and all(_belongs(ch, written) for ch in found):
                out.append(Repair(m.start(), m.end(), None, shown=f"{partial} (bytes lost)"))
    return out


def _raw(run: str) -> bytes:
    """The bytes a Windows-1252 reader turned into `run` (Latin-1 where 1252 has no character)."""
    out = bytearray()
    for ch in run:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out += ch.encode("latin-1")
    return bytes(out)


def _decoded(run: str) -> str | None:
    """The run's bytes read as UTF-8, when they are UTF-8 and every character is beyond Latin-1."""
    try:
        text = _raw(run).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if text and all(ord(ch) > 0xFF for ch in text) else None


def _belongs(ch: str, written: frozenset[str]) -> bool:
    """Whether a decoded character is plausible here: punctuation or a currency sign, or a letter of a
    script that the document is written in."""
    if "\u2010" <= ch <= "\u205f" or "\u20a0" <= ch <= "\u20cf":
        return True
    return _script(ch) in written


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    if not name:
        return None
    word = name.split()[0]
    return {"HIRAGANA": "CJK", "KATAKANA": "CJK", "IDEOGRAPHIC": "CJK", "FULLWIDTH": "CJK"}.get(word, word)
