"""phrase: a phrase or pattern, optionally widened to its sentence, line or paragraph.

The workhorse of boilerplate rules: "Leave a Reply", "See also <headline>", "Reporting by ...". Anchor it
with a position (head or tail of the article) and a word limit on the unit it removes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..document import Document, word_count
from ..model import Edit, Evidence, Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled
from .support.gated import Searcher, gated_alternation
from .support.line_led import starts_a_line
from .support.patterns import compile_alternation
from .support.scoping import SHORT_LINE, Position, Scope, in_position, is_shaped, trimmed, widen

_FLAGS = compiled(r"^\(\?[a-zA-Z]+\)")  # inline flags such as (?i) before the pattern proper


@dataclass(frozen=True)
class Options:
    patterns: tuple[str, ...] = field(default=(), metadata={"regex": True, "doc": "regular expressions"})
    phrases: tuple[str, ...] = field(default=(), metadata={"doc": "literal phrases; any white space matches"})
    ignore_case: bool = False
    scope: Scope = field(default="match", metadata={"doc": "what a finding covers"})
    position: Position = field(default="anywhere", metadata={"doc": "where a match may start"})
    window: int = field(default=6, metadata={"doc": "content lines that count as head or tail"})
    max_words: int = field(default=0, metadata={"doc": "leave units longer than this alone (0: no limit)"})
    unless: tuple[str, ...] = field(
        default=(), metadata={"regex": True, "doc": "leave a unit alone when one of these matches in it"}
    )


def problems(options: Options) -> list[tuple[str, str]]:
    if not options.patterns and not options.phrases:
        return [("patterns", "a phrase rule needs `patterns` or `phrases`")]
    return []


def wording_only(options: Options) -> list[tuple[str, str]]:
    """A phrase rule's removal rests on more than its words when the rule bounds where it stands, keeps to
    units short enough to be labels, removes only what its pattern describes, or has patterns that lead
    or close their line (the family's own shape). Without any of these, every removal is wording alone."""
    if options.position != "anywhere" or options.scope == "match":
        return []
    if 0 < options.max_words <= SHORT_LINE:
        return []
    unanchored = [p for p in options.patterns if not _line_anchored(p)]
    if options.phrases:
        return [("phrases", "literal phrases match anywhere in a line: they are wording alone")]
    if unanchored:
        return [("patterns", f"{unanchored[0]!r} neither leads nor closes its line (^ or $)")]
    return []


def _line_anchored(pattern: str) -> bool:
    body = _FLAGS.sub("", pattern.strip(), count=1)
    return body.startswith(("^", "(?:^")) or body.endswith("$")


def build(rule: Rule, gates: Gates):
    opts: Options = rule.options
    alternation = gated_alternation(gates, opts.patterns, opts.phrases, opts.ignore_case)
    unless = compile_alternation(opts.unless, ignore_case=opts.ignore_case)
    # a rule bound to the head or tail whose matches all start lines need only be tried at the lines there
    at_edges = (
        opts.position != "anywhere"
        and opts.scope != "paragraph"
        and not opts.phrases
        and all(starts_a_line(p) for p in opts.patterns)
    )

    def matches(doc: Document, pattern: Searcher):
        """Matches of the pattern, each confined to one line unless the scope is a paragraph.

        A `\\s*` in a pattern also matches line breaks; a match that runs over one is searched again
        within its first line, so that line-anchored patterns behave as their authors read them.
        """
        text, pos = doc.text, doc.body_start
        starts = _edge_line_starts(doc, opts.position, opts.window) if at_edges else None
        while True:
            if starts is None:  # search the text; past the end is the end again
                m = pattern.search(text, pos) if pos <= len(text) else None
            else:  # try the lines where a match may start, as the search would reach them
                found = (alternation.match_line(pattern, text, at) for at in starts if at >= pos)
                m = next((m for m in found if m is not None), None)
            if m is None:
                return
            start, end = trimmed(text, m.start(), m.end())
            if opts.scope != "paragraph" and "\n" in text[start:end]:
                line_end = text.find("\n", start)
                m = pattern.search(text, max(m.start(), text.rfind("\n", 0, start) + 1), line_end)
                if m is None:
                    pos = line_end
                    continue
                start, end = trimmed(text, m.start(), m.end())
            pos = max(m.end(), m.start() + 1)
            if end > start:
                yield m, start, end

    def check(doc: Document) -> list[Finding]:
        pattern = alternation.for_document(doc)
        if pattern is None:
            return []
        found: dict[tuple[int, int], Finding] = {}
        for m, start, end in matches(doc, pattern):
            if not in_position(doc, start, opts.position, opts.window):
                continue
            unit = widen(doc, start, end, opts.scope)
            if unit is None or (unit.start, unit.end) in found:
                continue
            text = doc.text[unit.start : unit.end]
            if opts.max_words and word_count(text) > opts.max_words:
                continue
            if unless is not None and unless.search(text):
                continue
            cut = doc.removal(unit.start, unit.end)
            evidence = [Evidence.POSITION] if in_position(doc, start, "edge", opts.window) else []
            if is_shaped(doc, start, end, unit):
                evidence.append(Evidence.SHAPE)
            found[(unit.start, unit.end)] = rule.finding(
                unit.start, unit.end, Edit(*cut, ""), evidence, match=m.group()
            )
        return list(found.values())

    return check


def _edge_line_starts(doc: Document, position: Position, window: int) -> list[int]:
    """The starts of the lines a match in `position` may start on, in order: the lines up to the last of the
    head window, and the tail window's lines with the blank lines just above them (a match that starts on a
    blank line begins, once its white space is trimmed, on the next)."""
    starts = doc.line_starts
    low = bisect.bisect_left(starts, doc.body_start)
    chosen: list[int] = []
    if position in ("head", "edge"):
        head = doc.head_lines(window)
        if head:
            chosen += starts[low : bisect.bisect_right(starts, head[-1].start)]
    if position in ("tail", "edge"):
        tail = doc.tail_lines(window)
        if tail:
            first = bisect.bisect_left(starts, tail[0].start)
            text = doc.text
            while first > low and not text[starts[first - 1] : starts[first]].strip():
                first -= 1  # the blank lines above the tail window
            chosen += [at for at in starts[first:] if not chosen or at > chosen[-1]]
    return chosen
