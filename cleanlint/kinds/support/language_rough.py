"""The language check's first reading of a document: rough, in one pass over the text with bytes methods only.

Most documents are in one language throughout, and tokenizing every paragraph with a regex costs more than
the rest of the check. So the text is read roughly: ASCII letters lower-cased, other ASCII characters and the
common punctuation outside ASCII (curly quotes, dashes, the ellipsis, no-break and zero-width spaces) made
spaces, the bytes of other characters kept as filler that sticks to the letters around it. A run of ASCII
letters between spaces is then exactly a word of the text, so the runs that are markers are at most the true
markers; and the runs plus the other non-ASCII characters are at least the true words (a word can only be
split off inside a run at such a character). A marker the rough reading cannot see lies in or next to such a
character: at most two for each.

Where even these bounds say "surely in the expected language" (its markers reach the share, and outnumber
any other language's were every unseen word one of them), the exact count says so too: only what the bounds
leave open, usually a few short lines, is tokenized and judged exactly. The rough reading keeps only counts
of each line, never its words, and reads a line longer than `max_length` as empty.

The reading makes no Python step per line or per word: the whole text is split into runs at once, each run
is looked up in one dict (Markers.run_tags: a run mark for every run, the tags of its languages for a
marker, a line break for the line token), and the joined result is split at the line breaks. A long text is
read a piece of about 64 kB at a time, so that its runs never all exist at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat
from operator import add

from .language_markers import LINE_TOKEN, RUN, Markers

MAX_LENGTH = 100_000  # characters: no paragraph of prose is longer (an article is a few thousand)
# punctuation outside ASCII, never part of a word, in UTF-8: General Punctuation (U+2000-U+206F: spaces,
# dashes, curly quotes, the ellipsis, zero-width characters), read as spaces of the same length in bytes;
# and the no-break space and guillemets
_PUNCTUATION_3 = re.compile(rb"\xe2(?:\x80[\x80-\xbf]|\x81[\x80-\xaf])")
_PUNCTUATION_2 = re.compile(rb"\xc2[\xa0\xab\xbb]")


def _table() -> bytes:
    """The byte translation of the rough reading: letters lower-cased, line breaks kept, other ASCII made
    spaces; "%" for the first byte of a non-ASCII character and "#" for the others, so "%" counts them."""
    table = bytearray(b" " * 128 + b"#" * 64 + b"%" * 64)
    table[ord("\n")] = ord("\n")
    for upper in range(ord("A"), ord("Z") + 1):
        table[upper] = table[upper + 32] = upper + 32
    return bytes(table)


_TABLE = _table()
_PIECE = 1 << 16  # bytes of text whose runs are split at once


@dataclass(frozen=True)
class Rough:
    """A text's lines read roughly. `tags` hold, for each line, a RUN mark for each of its runs and, for each
    marker run, the one-character tags of the languages it is a marker of, so `str.count` counts them."""

    tags: list[str]
    most_words: list[int]  # of each line: at least its number of words (runs of letters)
    non_ascii: list[int]  # of each line: its characters outside ASCII that may hide a word's edge
    # Counted as LETTER_WORDS does, with each Chinese or Japanese character a word, a line can have more:
    # "the日本語the" is one run and three such characters, but five words. Each such character is a word
    # and may end one, so most_words + non_ascii bounds both counts.


def read(text: str, run_tags: dict[bytes, str], max_length: int = MAX_LENGTH) -> Rough:
    """The rough reading of each line of `text`, with `run_tags` as Markers.run_tags makes them. A line
    longer than `max_length` is read as empty (no words, no markers): it is never judged, and splitting it
    into runs would cost some twenty bytes for each of its characters."""
    data = text.encode("utf-8", "surrogatepass")
    if not text.isascii():
        data = _PUNCTUATION_2.sub(b"  ", _PUNCTUATION_3.sub(b"   ", data))
    data = data.translate(_TABLE)
    lines = data.split(b"\n")
    if max(map(len, lines)) > max_length:
        lines = [b"" if len(line) > max_length else line for line in lines]
        data = b"\n".join(lines)
    non_ascii = list(map(bytes.count, lines, repeat(b"%")))
    del lines
    tags: list[str] = []
    start = 0
    while True:  # one piece for an article; a few for a long text
        end = data.find(b"\n", start + _PIECE)
        piece = data[start:] if end < 0 else data[start:end]
        runs = piece.replace(b"\n", LINE_TOKEN).split()
        tags += "".join(map(run_tags.get, runs, repeat(RUN))).split("\n")
        if end < 0:
            break
        start = end + 1
    most_words = list(map(add, map(str.count, tags, repeat(RUN)), non_ascii))
    return Rough(tags, most_words, non_ascii)


def sure_main_language(markers: Markers, tags: str, most_words: int, non_ascii: int) -> str | None:
    """The main language, when rough counts (the tags of all lines, and sums) already settle it: its
    markers are at least the share, and more than another language's even if every word the rough reading
    could not see were one of them (a language without ASCII markers has only those)."""
    if not markers.tag_of:
        return None
    found = {lang: tags.count(tag) for lang, tag in markers.tag_of.items()}
    best = max(found, key=found.__getitem__)
    unseen = 2 * non_ascii
    own, others = found.pop(best), found.values()
    if unseen < own and markers.has_share(own, most_words) and all(n + unseen < own for n in others):
        return best
    return None


def line_bounds(rough: Rough, markers: Markers, expected: str) -> tuple[list[int], list[int]]:
    """For each line, the markers of `expected` it surely has, and at most how many another language's
    could be, with two for each character the reading could not see through: the markers it sees of all
    other languages together or, where that is too loose to settle a line with the share, of the one with
    most (counted only there: a line has few markers, and most of them are its own)."""
    tag = markers.tag_of[expected]
    others = [t for t in markers.tag_of.values() if t != tag]
    num, den = markers.num, markers.den
    own = list(map(str.count, rough.tags, repeat(tag)))
    bounds = []
    for tags, mine, hidden, most in zip(rough.tags, own, rough.non_ascii, rough.most_words, strict=True):
        runs = most - hidden
        bound = len(tags) - runs - mine + 2 * hidden  # a marker of several languages has a tag for each
        if bound > mine and mine * den >= num * most:
            bound = max(map(tags.count, others)) + 2 * hidden
        bounds.append(bound)
    return own, bounds
