"""Options and helpers shared by the kinds that find a span and widen it to a unit of text.

A rule says where its match may stand (anywhere, the head or the tail of the article) and how much text a
finding covers (the match, or the sentence, line or paragraph around it). Bounding both is what keeps a
removal anchored: a phrase found deep in the body, or inside a long paragraph of reporting, is left alone.
"""

from __future__ import annotations

from typing import Literal

from ...document import Document, Region, word_count
from ...scan.memo import compiled
from ...structure.prose import reads_as_prose

Scope = Literal["match", "sentence", "line", "paragraph"]
Position = Literal["anywhere", "head", "tail", "edge"]  # edge: head or tail



def in_position(doc: Document, offset: int, position: Position, window: int) -> bool:
    if position == "head":
        return doc.in_head(offset, window)
    if position == "tail":
        return doc.in_tail(offset, window)
    if position == "edge":
        return doc.in_head(offset, window) or doc.in_tail(offset, window)
    return True


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    r"""[start, end) without white space at either end: a pattern's trailing `\s*` must not carry a
    finding over a line break into the next line."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def widen(doc: Document, start: int, end: int, scope: Scope) -> Region | None:
    """The unit of `scope` that holds [start, end), or None when the span crosses its edge."""
    if scope == "match":
        return Region(start, end)
    if scope == "line":
        return doc.line_at(start, end)
    if scope == "sentence":
        return doc.sentence_at(start, end)
    return doc.enclosing(doc.paragraphs, start, end)


# What may stand beside a match in a unit it covers: white space, punctuation and symbols (a bullet, a colon,
# a closing bracket), never a letter or a digit.
_NO_WORD = compiled(r"[^\p{L}\p{N}]*")
SHORT_LINE = 20  # words: a unit this short that does not read as a sentence is a label, a link or a prompt


def is_shaped(doc: Document, start: int, end: int, unit: Region) -> bool:
    """Whether the unit has the shape of furniture, beyond holding the rule's words: the match leads it (a
    formula such as "Reporting by ...", "NAME is a correspondent for ...") or closes it (a caption that
    ends with its date and place, or its credit), or the unit does not read as a sentence and is short (a
    label, a link, a prompt)."""
    text = doc.text
    if _starts(text, start, unit) or _ends(text, end, unit):
        return True
    if reads_as_prose(doc, unit.start, unit.end):
        return False
    return word_count(text[unit.start : unit.end]) <= SHORT_LINE


def _starts(text: str, start: int, unit: Region) -> bool:
    return bool(_NO_WORD.fullmatch(text, unit.start, max(unit.start, start)))


def _ends(text: str, end: int, unit: Region) -> bool:
    return bool(_NO_WORD.fullmatch(text, min(end, unit.end), unit.end))
