"""encoding: mojibake, text decoded with the wrong character set ("Ã©" for "é", "â€™" for "’").

ftfy knows how text gets garbled this way and how to undo it, so it does the repair. It is imported and
run only on lines that pass a cheap test: UTF-8 read as Latin-1 or Windows-1252 always leaves a Latin-1
lead character (Â to ô) right before a character that stood for a continuation byte (U+0080-U+00BF or
one of the Windows-1252 punctuation marks). Clean text, even French or German, almost never has that pair,
so most documents cost one regex scan. Only the encoding is repaired: quotes stay curly, entities stay
entities. Where bytes were lost on the way (lostbytes.py), the repair is chosen by context, offered as
unsafe when it is a guess, or not offered at all when nothing can restore them; the mojibake is reported
either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled
from .support.lostbytes import CP1252_MARKS, GUESSED, Repair, leftovers, lost_quotes, masked, scripts

_SUSPECT = compiled(f"[\u00c2-\u00f4][\u0080-\u00bf{CP1252_MARKS}]")
_RUNS = compiled(r"[\x00-\x7f]+|[^\x00-\x7f]+")  # runs of ASCII and of other characters
_REFINE = 200  # characters compared letter by letter at most; a longer difference is one finding
_LOOKAHEAD = 8  # runs looked ahead for the next one both texts have, where their ASCII differs


@dataclass(frozen=True)
class Options:
    max_line_length: int = field(default=20000, metadata={"doc": "longer lines are not repaired"})


def _changed_spans(old: str, new: str) -> list[tuple[int, int, str]]:
    """Each garbled run of `old` as (start, end, repair): one finding per spot, not one per line.

    Runs closer than three characters are merged, so a repair never splits a word's letters. Mojibake and
    its repair are non-ASCII characters, so the ASCII between them is nearly always the same in both
    texts: runs of non-ASCII characters are paired in order, and only a pair that differs is compared
    letter by letter. difflib compares n characters in time that grows up to the cube of n, which on a
    long line of mojibake (a whole article on one line) ran for minutes. Where the ASCII differs (ftfy
    takes the space in "â€ " for the no-break space byte of "†"), the runs up to the nearest ASCII run
    that both texts have again are compared as one stretch.
    """
    old_runs, new_runs = _RUNS.findall(old), _RUNS.findall(new)
    changes: list[tuple[int, int, int, int]] = []
    i = j = a0 = b0 = 0
    while i < len(old_runs) and j < len(new_runs):
        a, b = old_runs[i], new_runs[j]
        if a == b or not (a.isascii() or b.isascii()):
            if a != b:
                changes += _compared(old, new, a0, a0 + len(a), b0, b0 + len(b))
            i, j, a0, b0 = i + 1, j + 1, a0 + len(a), b0 + len(b)
            continue
        di, dj = _resync(old_runs, new_runs, i, j)
        a1, b1 = a0 + sum(map(len, old_runs[i : i + di])), b0 + sum(map(len, new_runs[j : j + dj]))
        changes += _compared(old, new, a0, a1, b0, b1)
        i, j, a0, b0 = i + di, j + dj, a1, b1
    changes += _compared(old, new, a0, len(old), b0, len(new)) if (a0, b0) != (len(old), len(new)) else []
    return _merged(new, changes)


def _resync(old_runs: list[str], new_runs: list[str], i: int, j: int) -> tuple[int, int]:
    """How many runs of each text, from i and j, to take as one changed stretch: up to the nearest ASCII
    run that both have next (within _LOOKAHEAD runs), else all the rest."""
    for total in range(1, 2 * _LOOKAHEAD + 1):
        for di in range(max(0, total - _LOOKAHEAD), min(total, _LOOKAHEAD) + 1):
            dj = total - di
            if i + di < len(old_runs) and j + dj < len(new_runs):
                run = old_runs[i + di]
                if run.isascii() and run == new_runs[j + dj]:
                    return di, dj
    return len(old_runs) - i, len(new_runs) - j


def _compared(old: str, new: str, a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int, int, int]]:
    """Where old[a0:a1] and new[b0:b1] differ, letter by letter when they are short, else as a whole."""
    if (a1 - a0) + (b1 - b0) > _REFINE:
        return [(a0, a1, b0, b1)]
    from difflib import SequenceMatcher  # here: only text with mojibake gets this far

    opcodes = SequenceMatcher(None, old[a0:a1], new[b0:b1], autojunk=False).get_opcodes()
    return [(a0 + i1, a0 + i2, b0 + j1, b0 + j2) for op, i1, i2, j1, j2 in opcodes if op != "equal"]


def _merged(new: str, changes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, str]]:
    """The changes (old start, old end, new start, new end), in order, merged when closer than three
    characters, as (start, end, repair)."""
    spans: list[tuple[int, int, int, int]] = []
    for a1, a2, b1, b2 in changes:
        if spans and a1 - spans[-1][1] < 3:
            spans[-1] = (spans[-1][0], a2, spans[-1][2], b2)
        else:
            spans.append((a1, a2, b1, b2))
    return [(a1, a2, new[b1:b2]) for a1, a2, b1, b2 in spans]


def _line_repairs(text: str, config, written) -> list[Repair]:
    """Every repair of one line: ftfy's, and those of the bytes it cannot see were lost (lostbytes.py)."""
    import ftfy  # only for a document that looks garbled

    spots = lost_quotes(text)
    work = masked(text, spots) if spots else text
    repaired = ftfy.fix_encoding(work, config)
    out = [*spots]
    if repaired != work:
        for start, end, replacement in _changed_spans(work, repaired):
            if not any(s.start < end and start < s.end for s in spots):
                out.append(Repair(start, end, replacement))
    for r in leftovers(work, written()):
        if not any(o.start < r.end and r.start < o.end for o in out):
            out.append(r)
    return sorted(out, key=lambda r: r.start)


def build(rule: Rule, _gates: Gates):
    opts: Options = rule.options

    def check(doc: Document) -> list[Finding]:
        if _SUSPECT.search(doc.text, doc.body_start) is None:
            return []
        import ftfy  # only for a document that looks garbled

        config = ftfy.TextFixerConfig(replace_lossy_sequences=False, explain=False)
        known: list[frozenset[str]] = []

        def written() -> frozenset[str]:  # the document's scripts, worked out once and only if needed
            if not known:
                known.append(scripts(doc.text))
            return known[0]

        out = []
        for line in doc.lines:
            text = doc.text[line.start : line.end]
            if len(text) > opts.max_line_length or _SUSPECT.search(text) is None:
                continue
            for r in _line_repairs(text, config, written):
                start, end, found = line.start + r.start, line.start + r.end, text[r.start : r.end]
                if r.text is None:
                    out.append(rule.finding(start, end, None, match=found, suggestion=r.shown))
                    continue
                edit = Edit(start, end, r.text)
                held = GUESSED if r.guess else None
                out.append(rule.finding(start, end, edit, held=held, match=found, suggestion=r.text))
        return out

    return check
