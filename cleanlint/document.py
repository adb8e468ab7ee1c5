"""A document as rules see it: text plus the structure rules are scoped to.

Rules speak of lines, paragraphs, sentences and of the head and tail of an article; computing those once
per document here keeps every check kind small and keeps their notion of "a line" identical.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt gov sen rep rev no vs etc inc ltd co corp jan feb mar apr jun "  # noqa: SIM905
    "jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m".split()
)


@cache
def _sentence_patterns():
    """Where a sentence may end, the word before that, and an initial; compiled when first needed (a check
    whose documents all come from the findings cache splits nothing into sentences), and kept between runs."""
    import regex

    from .scan.memo import compiled

    return (
        compiled(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[\p{Lu}\p{N}])"),
        compiled(r"(\S+?)[.!?…]*$"),
        compiled(r"\p{Lu}"),
        compiled(r"\S*", regex.REVERSE),  # back from a place to the start of its run of non-space text
    )


# A word is a run of letters or digits, except in scripts written without spaces (Chinese, Japanese),
# where each character counts as one: otherwise a Japanese paragraph would weigh as much as one word.
CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"  # those scripts, as a class's contents (language.py counts alike)


@cache
def _word_pattern():
    from .scan.memo import compiled  # here, as above

    return compiled(rf"[{CJK}]|[^\W{CJK}]+")


def word_count(text: str) -> int:
    """The words of `text`, as every limit and share of the rules and of `fix` counts them."""
    return len(_word_pattern().findall(text))


def line_index(starts: Sequence[int], offset: int) -> int:
    """0-based number of the line that holds `offset`, the lines starting at `starts` (ascending, from 0)."""
    return bisect.bisect_right(starts, offset) - 1


def position(starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset`, the lines starting at `starts`."""
    line = line_index(starts, offset)
    return line + 1, offset - starts[line] + 1


@dataclass(frozen=True)
class Region:
    """A span of the text: a line, a paragraph or a sentence."""

    start: int
    end: int


@dataclass
class Document:
    """The decoded text of one article. `body_start` skips front matter, which is never linted."""

    text: str
    path: str = "<text>"
    body_start: int = 0
    metadata: dict = field(default_factory=dict)
    # each list of regions that `enclosing` searched, with its start offsets, by the list's id (the list is
    # kept, so that its id cannot be taken by another list while this document lives)
    _starts: dict[int, tuple[list[Region], list[int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # what was worked out once for this text and is shared by every check: the literals it contains
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict:
        """Only the fields travel to another process: the caches can be worked out again there, and the
        memo may hold what cannot be pickled at all (a compiled literal scanner keys its findings)."""
        return {"text": self.text, "path": self.path, "body_start": self.body_start, "metadata": self.metadata}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _starts={}, memo={})

    @cached_property
    def line_starts(self) -> list[int]:
        starts, find, at = [0], self.text.find, self.text.find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        return starts

    @cached_property
    def lines(self) -> list[Region]:
        """Every line of the body, without its newline."""
        out = []
        for start in self.line_starts:
            if start < self.body_start:
                continue
            end = self.text.find("\n", start)
            out.append(Region(start, len(self.text) if end == -1 else end))
        if out and out[-1].start == len(self.text) and len(out) > 1:
            out.pop()  # the empty "line" after a final newline
        return out

    @cached_property
    def content_lines(self) -> list[Region]:
        """Lines with something on them: what head and tail windows count."""
        return [ln for ln in self.lines if self.text[ln.start : ln.end].strip()]

    @cached_property
    def paragraphs(self) -> list[Region]:
        """Runs of content lines separated by blank lines."""
        out: list[Region] = []
        start = prev_end = None
        for ln in self.lines:
            blank = not self.text[ln.start : ln.end].strip()
            if blank and start is not None:
                out.append(Region(start, prev_end))
                start = None
            elif not blank:
                start = ln.start if start is None else start
                prev_end = ln.end
        if start is not None:
            out.append(Region(start, prev_end))
        return out

    @cached_property
    def sentences(self) -> list[Region]:
        """Sentences within each line; a line break always ends a sentence."""
        return [sentence for ln in self.content_lines for sentence in self._split_line(ln)]

    def _split_line(self, ln: Region) -> list[Region]:
        """The sentences of one content line, split once for each line whatever asks for them.

        The word before each full stop is read back from the stop to the space before it, never from the
        start of the line: on a line of a whole article that is a few characters, not the article.
        """
        key = ("sentences", ln.start, ln.end)
        if key in self.memo:
            return self.memo[key]
        out = []
        start = ln.start
        line = self.text[ln.start : ln.end]
        sentence_end, last_word, initial, run_before = _sentence_patterns()
        for m in sentence_end.finditer(line):
            stop = m.start() + 1
            word = last_word.search(line, run_before.match(line, 0, stop).start(), stop)
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if word and initial.fullmatch(word.group(1)):
                continue  # an initial: "John F. Kennedy"
            end = ln.start + m.end()
            out.append(Region(start, end))
            start = end
            while start < ln.end and self.text[start].isspace():
                start += 1
        if start < ln.end:
            out.append(Region(start, ln.end))
        self.memo[key] = out
        return out

    def line_at(self, start: int, end: int) -> Region | None:
        """The content line holding the span [start, end), as `enclosing(content_lines, ...)` finds it,
        without splitting the whole text into lines: a finding needs only its own."""
        if start < self.body_start:
            return None
        index = self.line_index(start)
        line_start = max(self.line_starts[index], self.body_start)
        line_end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.text)
        if end > line_end or not self._has_text(line_start, line_end):
            return None
        return Region(line_start, line_end)

    def _has_text(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds more than white space, read only up to its first other character:
        asked for each of many spans on a line as long as a whole article, it must not copy the line."""
        text = self.text
        return any(not text[i].isspace() for i in range(start, end))

    def sentence_at(self, start: int, end: int) -> Region | None:
        """The sentence holding the span [start, end), as `enclosing(sentences, ...)` finds it, splitting
        only the line it is on."""
        line = self.line_at(start, start)
        if line is None:
            return None
        return self.enclosing(self._split_line(line), start, end)  # the line's split and its starts are kept

    def line_index(self, offset: int) -> int:
        """0-based line number of `offset`."""
        return line_index(self.line_starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`, for people."""
        return position(self.line_starts, offset)

    def enclosing(self, regions: list[Region], start: int, end: int) -> Region | None:
        """The region that contains the whole span [start, end), if any."""
        known = self._starts.get(id(regions))
        if known is None or known[0] is not regions:
            known = self._starts[id(regions)] = (regions, [r.start for r in regions])
        i = bisect.bisect_right(known[1], start) - 1
        if i >= 0 and regions[i].start <= start and end <= regions[i].end:
            return regions[i]
        return None

    def in_head(self, offset: int, window: int) -> bool:
        """Whether `offset` lies on one of the first `window` content lines."""
        head = self.head_lines(window)
        return bool(head) and offset < head[-1].end + 1

    def in_tail(self, offset: int, window: int) -> bool:
        """Whether `offset` lies on one of the last `window` content lines."""
        tail = self.tail_lines(window)
        return bool(tail) and offset >= tail[0].start

    def head_lines(self, window: int) -> list[Region]:
        """The first `window` content lines, `content_lines[:window]`."""
        return self._edge_lines(window, from_end=False)

    def tail_lines(self, window: int) -> list[Region]:
        """The last `window` content lines, `content_lines[-window:]`."""
        return self._edge_lines(window, from_end=True)

    def _edge_lines(self, window: int, from_end: bool) -> list[Region]:
        """`content_lines[:window]` or `content_lines[-window:]`, reading only as many lines as that takes:
        a match in the head of a long article should not split the whole of it into lines."""
        key = ("edge", window, from_end)
        if key in self.memo:
            return self.memo[key]
        if window <= 0 or "content_lines" in self.__dict__:
            lines = self.content_lines
            found = lines[-window:] if from_end else lines[:window]
        else:
            found = []
            starts = [at for at in self.line_starts if at >= self.body_start]
            for start in reversed(starts) if from_end else starts:
                end = self.text.find("\n", start)
                end = len(self.text) if end == -1 else end
                if self.text[start:end].strip():
                    found.append(Region(start, end))
                    if len(found) == window:
                        break
            if from_end:
                found.reverse()
        self.memo[key] = found
        return found

    def removal(self, start: int, end: int) -> tuple[int, int]:
        """The span to delete so that removing [start, end) leaves tidy text.

        Whole lines take their newline with them; at the top of a paragraph also the blank lines after,
        at the end of the text the blank lines before, so neither a hole nor a trailing gap is left and a
        paragraph break between the neighbours survives. A span inside a line takes one neighbouring run
        of spaces, so no double space is left. Only white space is ever added to the span.
        """
        text = self.text
        at_line_start = start == self.body_start or text[start - 1] == "\n"
        at_line_end = end == len(text) or text[end] == "\n"
        if at_line_start and at_line_end:
            if not text[end:].strip():  # last content of the text: take the gap before it
                begin = start
                while begin > self.body_start and text[begin - 1] in " \t\n":
                    begin -= 1
                return begin, end
            stop = min(end + 1, len(text))
            if start == self.body_start or self._blank_before(start):
                while stop < len(text):
                    nxt = text.find("\n", stop)
                    if nxt == -1 or text[stop:nxt].strip():
                        break
                    stop = nxt + 1
            return start, stop
        if at_line_end:
            while start > self.body_start and text[start - 1] in " \t":
                start -= 1
        elif at_line_start or text[start - 1] in " \t":
            while end < len(text) and text[end] in " \t":
                end += 1
        return start, end

    def _blank_before(self, line_start: int) -> bool:
        """Whether the line before the one starting at `line_start` is blank."""
        prev_start = max(self.text.rfind("\n", self.body_start, line_start - 1) + 1, self.body_start)
        return not self.text[prev_start : line_start - 1].strip()
