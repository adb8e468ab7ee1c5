"""encoding: mojibake, text decoded with the wrong character set ("Ã©" for "é", "â€™" for "’").

ftfy knows how text gets garbled this way and how to undo it, so it does the repair. It is imported and
run only on lines that pass a cheap test: UTF-8 read as Latin-1 or Windows-1252 always leaves a Latin-1
lead character (Â to ô) right before a character that stood for a continuation byte (U+0080-U+00BF or
one of the Windows-1252 punctuation marks). Clean text, even French or German, almost never has that pair,
so most documents cost one regex scan. Only the encoding is repaired: quotes stay curly, entities stay
entities, and sequences whose lost bytes cannot be recovered are left alone rather than replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from ..scan import Gates

# The characters Windows-1252 puts at bytes 0x80-0x9F: what a continuation byte becomes when read as 1252.
_CP1252_MARKS = (
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_SUSPECT = regex.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_MARKS}]")


@dataclass(frozen=True)
class Options:
    max_line_length: int = field(default=20000, metadata={"doc": "longer lines are not repaired"})


def _changed_spans(old: str, new: str) -> list[tuple[int, int, str]]:
    """Each garbled run of `old` as (start, end, repair): one finding per spot, not one per line.

    Runs closer than three characters are merged, so a repair never splits a word's letters.
    """
    spans: list[tuple[int, int, int, int]] = []
    from difflib import SequenceMatcher  # here: only text with mojibake gets this far

    for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if spans and a1 - spans[-1][1] < 3:
            spans[-1] = (spans[-1][0], a2, spans[-1][2], b2)
        else:
            spans.append((a1, a2, b1, b2))
    return [(a1, a2, new[b1:b2]) for a1, a2, b1, b2 in spans]


def build(rule: Rule, _gates: Gates):
    opts: Options = rule.options

    def check(doc: Document) -> list[Finding]:
        if _SUSPECT.search(doc.text, doc.body_start) is None:
            return []
        import ftfy  # only for a document that looks garbled

        config = ftfy.TextFixerConfig(replace_lossy_sequences=False, explain=False)
        out = []
        for line in doc.lines:
            text = doc.text[line.start : line.end]
            if len(text) > opts.max_line_length or _SUSPECT.search(text) is None:
                continue
            repaired = ftfy.fix_encoding(text, config)
            if repaired == text:
                continue
            for start, end, replacement in _changed_spans(text, repaired):
                edit = Edit(line.start + start, line.start + end, replacement)
                out.append(rule.finding(edit.start, edit.end, edit, match=text[start:end], suggestion=replacement))
        return out

    return check
