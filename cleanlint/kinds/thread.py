"""thread: a reader comment thread, found by its structure: a heading, then comment units that each carry
a signature line.

Extractors keep the comments under an article. A thread's words are anything (comment bodies are prose,
and often about the story), so its words cannot mark it; its structure does. A comment heading ("12
Comments", "Kommentare", "Leave a reply") stands on a line of its own, and each comment carries a signature
line of the site's comment widget: "NAME says:", "Posted by: NAME at DATE", "NAME | 3 hours ago", "Reply",
"Report this comment". The thread runs from the heading over the units, as long as no comment body between
two signatures is longer than `max_body` lines, and it needs `min_units` bodies: two comments, each
anchored by the signature beside it, are the repeated structure that lets a removal take prose.

Marks such as a time or "NAME says:" sign a comment only in pairs ("NAME says:" over its time) or beside a
signature line: alone, they are what reporting prints ("A reader says:" before a quotation). A heading
starts a new thread. Where each comment opens with its signature, the last comment's body follows the last
signature; it is taken only where it runs to the end of the text and is no longer than the comments before
it. A heading with no thread under it is reported near the end of the text, never removed: "Comments" heads
sections of reports too. A rule without heading patterns finds threads by their signatures alone, from the
first signature on, and is meant for signatures that cannot be mistaken (a date and time in each).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import pairwise

from ..document import Document
from ..model import Edit, Evidence, Finding
from ..rule import Rule
from ..scan.gates import Gates
from .support.gated import Searcher, gated_alternation
from .support.scoping import Position, in_position

LONE_HEADING_AFTER = 3  # content lines above a lone heading for it to be reported


@dataclass(frozen=True)
class Options:
    signatures: tuple[str, ...] = field(
        metadata={"regex": True, "doc": "a line that marks a comment: it must match the whole line"}
    )
    marks: tuple[str, ...] = field(
        default=(),
        metadata={
            "regex": True,
            "doc": "a line that signs a comment only beside another mark or a signature (a time, NAME says:)",
        },
    )
    heading: tuple[str, ...] = field(
        default=(), metadata={"regex": True, "doc": "a line that is only a comment heading; (): none needed"}
    )
    min_units: int = field(default=2, metadata={"doc": "comment bodies a thread needs"})
    max_body: int = field(default=12, metadata={"doc": "content lines a comment body may span"})
    ignore_case: bool = False
    position: Position = field(default="anywhere", metadata={"doc": "where a thread's first line may stand"})
    window: int = field(default=12, metadata={"doc": "content lines that count as head or tail"})


def problems(options: Options) -> list[tuple[str, str]]:
    if options.min_units < 2:
        return [("min_units", "a thread needs at least 2 comments: one is no repeated structure")]
    if options.max_body < 1:
        return [("max_body", "must be at least 1")]
    return []


@dataclass(frozen=True)
class _Thread:
    first: int  # content line indices, inclusive
    last: int
    heading: int | None


def build(rule: Rule, gates: Gates):
    opts: Options = rule.options
    signatures = gated_alternation(gates, opts.signatures, ignore_case=opts.ignore_case)
    marks = gated_alternation(gates, opts.marks, ignore_case=opts.ignore_case) if opts.marks else None
    headings = gated_alternation(gates, opts.heading, ignore_case=opts.ignore_case) if opts.heading else None

    def check(doc: Document) -> list[Finding]:
        heading_re = headings.for_document(doc) if headings is not None else None
        signature_re = signatures.for_document(doc)
        heads = _whole_lines(doc, heading_re)
        if signature_re is None or (opts.heading and not heads):  # no thread without its heading
            return _lone_headings(rule, doc, heads, opts.window)
        signed = _whole_lines(doc, signature_re)
        marked = _whole_lines(doc, marks.for_document(doc) if marks is not None else None)
        threads = _threads(doc, _clusters(signed, marked), heads, opts)
        lines = doc.content_lines
        out = []
        for t in threads:
            start, stop = lines[t.first].start, lines[t.last].end
            if not in_position(doc, start, opts.position, opts.window):
                continue
            evidence = [Evidence.BLOCK, *([Evidence.POSITION] if doc.in_tail(start, opts.window) else [])]
            out.append(rule.finding(start, stop, Edit(*doc.removal(start, stop), ""), evidence))
        used = {t.heading for t in threads}
        out += _lone_headings(rule, doc, [h for h in heads if h not in used], opts.window)
        return sorted(out, key=lambda f: f.start)

    return check


def _lone_headings(rule: Rule, doc: Document, heads: list[int], window: int) -> list[Finding]:
    """Headings with no thread under them, reported (never removed) where comments stand: in the last
    `window` lines, below at least `LONE_HEADING_AFTER` lines of the article (a heading over a short text's
    first paragraph heads a section)."""
    lines = doc.content_lines
    return [
        rule.finding(lines[h].start, lines[h].end)
        for h in heads
        if h >= LONE_HEADING_AFTER and doc.in_tail(lines[h].start, window)
    ]


def _whole_lines(doc: Document, pattern: Searcher | None) -> list[int]:
    """Indices of the content lines that `pattern` matches from end to end, each searched on its own line
    (a pattern's `\\s` must not carry a signature into the comment under it)."""
    if pattern is None:
        return []
    lines = doc.content_lines
    starts = [ln.start for ln in lines]
    text = doc.text
    found = []
    pos = doc.body_start
    while (m := pattern.search(text, pos)) is not None:
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= lines[i].end:  # between content lines: search on from the next one
            i += 1
            if i >= len(lines):
                break
            pos = lines[i].start
            continue
        line = lines[i]
        if pattern.fullmatch(text, line.start, line.end) is not None:
            found.append(i)
        if i + 1 >= len(lines):
            break
        pos = lines[i + 1].start
    return found


def _clusters(signed: list[int], marked: list[int]) -> list[tuple[int, int]]:
    """Runs of adjacent signature and mark lines ("NAME says:", its time, "Reply"), as (first, last) indices,
    that sign a comment: with a signature line, or two marks. One mark alone signs nothing: reporting has
    "A reader says:" before a quotation, and a report's statements have their dates."""
    strong = set(signed)
    weak = set(marked) - strong
    runs: list[tuple[int, int]] = []
    for i in sorted(strong | weak):
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return [(a, b) for a, b in runs if any(i in strong for i in range(a, b + 1)) or b > a]


def _threads(doc: Document, clusters: list[tuple[int, int]], heads: list[int], opts: Options) -> list[_Thread]:
    """Chains of signature clusters no more than a comment body apart, each with its heading (when the
    rule has headings) and at least `min_units` comment bodies."""
    chains: list[list[tuple[int, int]]] = []
    for c in clusters:
        after = chains[-1][-1][1] if chains else -1
        headed = bisect.bisect_left(heads, c[0]) > bisect.bisect_right(heads, after)  # a heading between
        if chains and c[0] - after - 1 <= opts.max_body and not headed:
            chains[-1].append(c)
        else:
            chains.append([c])
    total = len(doc.content_lines)
    out: list[_Thread] = []
    for chain in chains:
        heading = _heading_before(chain[0][0], heads, out[-1].last if out else -1, opts.max_body)
        if opts.heading and heading is None:
            continue
        bodies = [b - a - 1 for (_, a), (b, _) in pairwise(chain) if b - a - 1 > 0]
        lead = chain[0][0] - heading - 1 if heading is not None else 0
        if lead:
            bodies.append(lead)  # the first comment stands above its signature ("Posted by ...")
        last = chain[-1][1]
        trailing = total - last - 1
        if heading is not None and not lead and 0 < trailing <= max(3, *bodies, 0):
            bodies.append(trailing)  # the last comment under its signature, running to the end
            last = total - 1
        if len(bodies) >= opts.min_units:
            out.append(_Thread(heading if heading is not None else chain[0][0], last, heading))
    return out


def _heading_before(first: int, heads: list[int], after: int, max_body: int) -> int | None:
    """The nearest heading above line `first`, below line `after`, with at most `max_body` lines between."""
    i = bisect.bisect_left(heads, first) - 1
    if i >= 0 and heads[i] > after and first - heads[i] - 1 <= max_body:
        return heads[i]
    return None
