"""block: text from a start pattern to an end pattern, or to the end of the article.

For boilerplate that runs over several lines with known ends: a donation appeal from "Your support helps
us" to "makes all the difference.", a comment widget from "Leave a Reply" to the end. Both ends are
anchors, and `max_lines` bounds what a block can swallow if an end goes missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from .patterns import compile_alternation
from .scoping import Position, in_position, word_count


@dataclass(frozen=True)
class Options:
    start: tuple[str, ...] = field(metadata={"regex": True, "doc": "where a block begins"})
    end: tuple[str, ...] = field(default=(), metadata={"regex": True, "doc": "where it ends (inclusive)"})
    until_end: bool = field(default=False, metadata={"doc": "with no end match, run to the end of the text"})
    max_lines: int = field(default=12, metadata={"doc": "content lines a block may span at most"})
    max_words: int = field(default=0, metadata={"doc": "leave longer blocks alone (0: no limit)"})
    ignore_case: bool = False
    position: Position = field(default="anywhere", metadata={"doc": "where the start may stand"})
    window: int = field(default=12, metadata={"doc": "content lines that count as head or tail"})


def problems(options: Options) -> list[tuple[str, str]]:
    if not options.end and not options.until_end:
        return [("end", "a block rule needs `end` patterns or `until_end: true`")]
    if options.max_lines < 1:
        return [("max_lines", "must be at least 1")]
    return []


def build(rule: Rule):
    opts: Options = rule.options
    start_re = compile_alternation(opts.start, ignore_case=opts.ignore_case)
    end_re = compile_alternation(opts.end, ignore_case=opts.ignore_case)

    def span_lines(doc: Document, start: int, end: int) -> int:
        return sum(1 for ln in doc.content_lines if ln.end > start and ln.start < end)

    def check(doc: Document) -> list[Finding]:
        out = []
        pos = doc.body_start
        body_end = len(doc.text.rstrip())
        while (m := start_re.search(doc.text, pos)) is not None:
            pos = m.end() if m.end() > m.start() else m.end() + 1
            if not in_position(doc, m.start(), opts.position, opts.window):
                continue
            stop = None
            if end_re is not None and (e := end_re.search(doc.text, m.end())) is not None:
                stop = e.end()
            if (stop is None or span_lines(doc, m.start(), stop) > opts.max_lines) and opts.until_end:
                stop = body_end
            if stop is None or stop <= m.start() or span_lines(doc, m.start(), stop) > opts.max_lines:
                continue
            if opts.max_words and word_count(doc.text[m.start() : stop]) > opts.max_words:
                continue
            out.append(rule.finding(m.start(), stop, Edit(*doc.removal(m.start(), stop), "")))
            pos = stop
        return out

    return check
