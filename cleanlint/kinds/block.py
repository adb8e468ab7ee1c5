"""block: text from a start pattern to an end pattern, to the end of a run of list items, or to the end.

For boilerplate that runs over several lines with known ends: a donation appeal from "Your support helps
us" to "makes all the difference.", a comment widget from "Leave a Reply" to the end, a "Related
Stories" heading and the headlines listed under it. Both ends are anchors: the end is a pattern, the last
line of a run of lines that each look like a list item, or the end of the text; and `max_lines` bounds
what a block can swallow if an end goes missing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from ..document import Document, Region, word_count
from ..model import Edit, Evidence, Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..structure.prose import reads_as_prose
from .support.gated import Searcher, gated_alternation
from .support.patterns import compile_alternation
from .support.scoping import Position, in_position


@dataclass(frozen=True)
class Options:
    start: tuple[str, ...] = field(metadata={"regex": True, "doc": "where a block begins"})
    end: tuple[str, ...] = field(default=(), metadata={"regex": True, "doc": "where it ends (inclusive)"})
    items: tuple[str, ...] = field(
        default=(),
        metadata={
            "regex": True,
            "doc": "the block takes the lines after its start line while each matches one of these in full",
        },
    )
    min_items: int = field(default=1, metadata={"doc": "with `items`: how many item lines a block needs (0: none)"})
    until_end: bool = field(
        default=False,
        metadata={"doc": "with no end match, run to the end of the text; with `items`, the items must reach it"},
    )
    max_lines: int = field(default=12, metadata={"doc": "content lines a block may span at most"})
    max_words: int = field(default=0, metadata={"doc": "leave longer blocks alone (0: no limit)"})
    max_share: float = field(
        default=0.0, metadata={"doc": "leave blocks with more than this share of the text's words alone (0: no limit)"}
    )
    ignore_case: bool = False
    position: Position = field(default="anywhere", metadata={"doc": "where the start may stand"})
    window: int = field(default=12, metadata={"doc": "content lines that count as head or tail"})


_LINE_COUNTS = object()  # this module's entry in Document.memo: how often each content line occurs
UNIT_COPIES = 3  # two copies of a line are a duplicate; three are the body's repeated structure
BODY_REPEATS = "the lines under its heading recur in the text: the heading leads content"


class Ended(NamedTuple):
    """Where a block ends, what its ends show, and why it may not be removed after all (or None)."""

    stop: int
    evidence: list[Evidence]
    held: str | None = None


def _items_recur_in_body(doc: Document, heading: Region, items: list[Region]) -> bool:
    """Whether a line under `heading` is one of the body's repeated units: a line of words printed at least
    `UNIT_COPIES` times in the text, and more often than the heading itself.

    A list of other stories is the page's own: its headlines are not printed again in the article (and when
    a page is extracted twice, its heading recurs with them; a share bar printed above and below the article
    is two copies, not a pattern). Lines printed again and again without the heading belong to the body's
    repeated units (a deals post's product cards, "Available from Amazon" under each), and a heading that
    introduces one of them is the article's own subheading, whatever its words.
    """
    if not items:
        return False
    text = doc.text
    counts = doc.memo.get(_LINE_COUNTS)
    if counts is None:  # once per document, however many lists it has
        counts = doc.memo[_LINE_COUNTS] = Counter(text[ln.start : ln.end].strip() for ln in doc.content_lines)
    least = max(UNIT_COPIES, counts[text[heading.start : heading.end].strip()] + 1)
    for item in items:
        line = text[item.start : item.end].strip()
        if counts[line] >= least and word_count(line) >= 2:  # a lone "," or "Reply" is punctuation, not a unit
            return True
    return False


def problems(options: Options) -> list[tuple[str, str]]:
    if not options.end and not options.until_end and not options.items:
        return [("end", "a block rule needs `end` patterns, `items` or `until_end: true`")]
    if options.end and options.items:
        return [("items", "a block ends either at an `end` pattern or after its `items`, not both")]
    if options.max_lines < 1:
        return [("max_lines", "must be at least 1")]
    if not 0 <= options.max_share <= 1:
        return [("max_share", "must be a fraction between 0 and 1")]
    if options.min_items < 0:
        return [("min_items", "must not be negative")]
    return []


def build(rule: Rule, gates: Gates):
    opts: Options = rule.options
    starts = gated_alternation(gates, opts.start, ignore_case=opts.ignore_case)
    end_re = compile_alternation(opts.end, ignore_case=opts.ignore_case)
    item_re = compile_alternation(opts.items, ignore_case=opts.ignore_case)

    def span_lines(doc: Document, start: int, end: int) -> int:
        return sum(1 for ln in doc.content_lines if ln.end > start and ln.start < end)

    def end_of_items(doc: Document, start: int, start_re: Searcher) -> Ended | None:
        """Where the run of item lines after the line holding `start` ends, if it is long enough.

        The start line itself is the list's heading; a line that could start a block starts the next one,
        except in a list that runs to the end, where further headings are part of it. With `until_end`, a
        run that stops short of the end of the text does not count: a tail list is only a list if nothing
        but items follows it.
        """
        lines = doc.content_lines
        first = doc.enclosing(lines, start, start)
        index = lines.index(first) if first is not None else -1
        items: list[Region] = []
        for ln in lines[index + 1 : index + opts.max_lines]:
            if not item_re.fullmatch(doc.text, ln.start, ln.end):
                break
            if not opts.until_end and start_re.match(doc.text, ln.start, ln.end):
                break  # the heading of the next list
            items.append(ln)
        if len(items) < opts.min_items:
            return None
        last = items[-1] if items else first
        if last is None or (opts.until_end and last is not lines[-1]):
            return None
        # a heading with its list is a block; a list item that reads as a sentence is no evidence of one
        listed = bool(items) and not any(reads_as_prose(doc, i.start, i.end) for i in items)
        held = BODY_REPEATS if first is not None and _items_recur_in_body(doc, first, items) else None
        return Ended(last.end, [Evidence.BLOCK] if listed else [], held)

    def end_of_block(doc: Document, start: int, after: int, start_re: Searcher) -> Ended | None:
        """Where the block that starts at `start` ends, and what its end shows: two anchored ends are a
        block; a block that runs to the end of the text stands at its tail."""
        if item_re is not None:
            return end_of_items(doc, start, start_re)
        e = end_re.search(doc.text, after) if end_re is not None else None
        if e is not None and (span_lines(doc, start, e.end()) <= opts.max_lines or not opts.until_end):
            return Ended(e.end(), [Evidence.BLOCK])
        if opts.until_end:
            return Ended(len(doc.text.rstrip()), [Evidence.POSITION])
        return None

    def check(doc: Document) -> list[Finding]:
        start_re = starts.for_document(doc)
        if start_re is None:
            return []
        out = []
        pos = doc.body_start
        while pos <= len(doc.text) and (m := start_re.search(doc.text, pos)) is not None:  # past the end: the end
            pos = m.end() if m.end() > m.start() else m.end() + 1
            if not in_position(doc, m.start(), opts.position, opts.window):
                continue
            ended = end_of_block(doc, m.start(), m.end(), start_re)
            if ended is None:
                continue
            stop, evidence, held = ended
            if stop <= m.start() or span_lines(doc, m.start(), stop) > opts.max_lines:
                continue
            words = word_count(doc.text[m.start() : stop])
            if opts.max_words and words > opts.max_words:
                continue
            if opts.max_share and words > opts.max_share * word_count(doc.text[doc.body_start :]):
                continue
            if in_position(doc, m.start(), "edge", opts.window):
                evidence = [*evidence, Evidence.POSITION]
            if not reads_as_prose(doc, m.start(), stop):  # headings, links, prompts: not sentences
                evidence = [*evidence, Evidence.SHAPE]
            out.append(rule.finding(m.start(), stop, Edit(*doc.removal(m.start(), stop), ""), evidence, held))
            pos = stop
        return out

    return check
