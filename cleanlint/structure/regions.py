"""Structured regions of an article body: tables, code, transcripts, content lists and verse.

Structure is content that looks like furniture. A table row is short cells between pipes, like a breadcrumb
trail; code holds markup that the markup repairs would strip and identifiers that the glued-sentence repair
would split; a transcript's answers, a tutorial's repeated commands, a recipe's ingredients and a song's
refrain repeat lines the way boilerplate does; a poem is a run of short lines, like a list of headlines.
The detectors here find each family from the shape of whole lines, once per document, so that no
boilerplate, repetition or markup rule touches what lies inside such a region.

Each detector is a pass over the body's lines with cheap string tests and a few precompiled patterns: this
runs on every document of corpora of millions, most of which hold no structure at all. The detectors run
in a fixed order (fenced code, tables, code, then transcripts, lists and verse in structure/lines.py), and
a line claimed by one is a boundary for the next, so regions never overlap.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..document import Document
from .lines import DIGIT, Span, list_spans, meta_row, runs, transcript_spans, verse_spans

Detector = Callable[[list[str], list[bool]], Iterator[Span]]

# -- tables --
# a markdown separator row: cells of dashes with optional alignment colons, at least one pipe (checked apart)
_SEPARATOR = re.compile(r"\s*\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?\s*")
# a cell that is a number, a score, a time, a percentage, an amount, or a dash standing for none
_NUMERIC = re.compile(r"[-+−±]?[$€£¥]?\d[\d.,:/'′″–-]*(?:%|[a-zA-Z]{1,2})?|[-–—]")
_SPACED = re.compile(r" {2,}|\t")

# -- code --
# a whole line that is a command or a statement from a tutorial: a package manager, git or docker command, an
# import, a call on a dotted name ("console.log(...)")
_COMMAND = (
    r"(?:sudo\s+)?(?:(?:npm|yarn|pnpm)\s+(?:install|i|add|run|ci|init|start|test)|pip3?\s+install"
    r"|(?:apt|apt-get|brew|gem|cargo|go|conda|composer|dnf|yum)\s+(?:install|get|add|require)"
    r"|git\s+(?:clone|checkout|commit|push|pull|init|add|merge|rebase|fetch|status|diff)"
    r"|docker\s+(?:run|build|pull|push|compose|exec)|curl\s+-|wget\s+https?:)(?:\s+\S+)*"
    r"|from\s+[\w.]+\s+import\s+[\w, ()*]+|import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*;?"
    r"|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\(.*\);?"
)
_LONE_COMMAND = re.compile(_COMMAND)
# lines that are code and hardly ever prose: a definition, an import, a declaration, a prompt, a control
# statement, or a command; and, tried only on lines that end so, a line ended as only code ends ("{", "}",
# "):" after a call, a statement's ";")
_STRONG = re.compile(
    r"(?:async\s+)?def\s+\w+\s*\(|class\s+[A-Z_]\w*(?:\s+extends\s+[\w.]+)?\s*[(:{]"
    r"|import\s+(?:.*\sfrom\s+)?['\"{*]|#include\s*[<\"]|<\?php|package\s+[\w.]+;|using\s+[\w.]+;$"
    r"|(?:export\s+)?(?:async\s+)?function\b\s*\*?\s*\w*\s*\(|(?:const|let|var)\s+[\w$\[\]{}, ]+=(?!=)"
    r"|(?:public|private|protected)\s+(?:static\s+)?(?:final\s+)?[\w<>\[\],]+\s+\w+\s*[({=;]"
    r"|fn\s+\w+\s*[(<]|func\s+\w+\s*\(|\$ [a-z./~]|>>> |(?:if|for|while|switch)\s*\(.*[){]$|\}\s*else\b"
    rf"|(?:{_COMMAND})$"
)
_STRONG_END = re.compile(
    r"return\b.*;$|(?:elif\s.*|else|try|finally|except\b.*):$|.*[\w$\])]\(.*;$|.*\w\s*[-+*/%|&]?=\s*[^=\s].*;$"
    r"|.*[\w\]]\(.*\)\s*(?:->\s*[^:]+)?:$|.*\{$|\}[)\];,]*$"
)
# lines that are code inside a run of it: assignments, bare calls, comments, closing brackets, control lines,
# decorators, statements, and lines of markup (code when a tag has attributes, perhaps leftover markup if not)
_WEAK = re.compile(
    r"[\w.$\[\]'\"]+\s*[-+*/%|&]?=\s*[^=\s]|[\w.$]+\(.*\)[;,]?$|//|/\*|\*/|[\])]+[;,]?$"
    r"|(?:if|for|while|with)\s.*:$|return\s|@\w[\w.]*(?:\(.*\))?$|.*;$|<[/!]?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>(?:.*>)?$"
)
_MARKUP_ATTRIBUTE = re.compile(r"<[a-zA-Z][\w-]*\s[^<>]*\w=[\"']")
# a line of prose, which ends a terminal's output: a sentence of six words or more (capitalised, checked apart)
_PROSE = re.compile(r"(?:[^\W\d_]\S*\s+){5,}.*[.!?:]$")
# what a page that shows markup as code says about it, in its sentences: pages that merely carry leftover
# tags do not
_ABOUT_MARKUP = re.compile(
    r"\b(?:HTML5?|XHTML|CSS3?|JavaScript|JSX|XML|SVG|DOM|markup|snippets?|stylesheets?|attributes?)\b"
)
_NONE, _WEAK_LINE, _MARKUP, _MARKUP_CODE, _STRONG_LINE = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class StructuredRegion:
    """Whole lines of the body that hold structure, as code-point offsets into `doc.text` (end exclusive)."""

    start: int
    end: int
    kind: str  # "table" | "code" | "transcript" | "list" | "verse"


_MEMO_KEY = object()  # this module's entry in Document.memo: (regions, their end offsets)


def structured_regions(doc: Document) -> tuple[StructuredRegion, ...]:
    """Sorted, non-overlapping regions of the body (never the front matter) that hold tables, code,
    transcripts, content lists or verse; worked out once per document and kept in its memo, since every
    rule that removes, repeats or repairs asks about them."""
    known = doc.memo.get(_MEMO_KEY)
    if known is None:
        regions = _detect(doc)
        known = doc.memo[_MEMO_KEY] = (regions, [region.end for region in regions])
    return known[0]


def in_structure(doc: Document, start: int, end: int) -> StructuredRegion | None:
    """The region that [start, end) overlaps, if any (for an empty span: the region holding `start`)."""
    structured_regions(doc)
    regions, ends = doc.memo[_MEMO_KEY]
    i = bisect.bisect_right(ends, start)  # the first region that ends after `start`
    if i < len(regions) and regions[i].start < max(end, start + 1):
        return regions[i]
    return None


def _detect(doc: Document) -> tuple[StructuredRegion, ...]:
    lines = doc.lines
    text = doc.text
    texts = [text[line.start : line.end].rstrip() for line in lines]
    free = [True] * len(texts)
    found: list[StructuredRegion] = []
    detectors: list[tuple[str, Detector]] = []
    if "```" in text or "~~~" in text:
        detectors.append(("code", _fenced))
    detectors += [("table", _tables), ("code", _code), ("transcript", transcript_spans)]
    detectors += [("list", list_spans), ("verse", verse_spans)]
    for kind, detector in detectors:
        for first, last in detector(texts, free):  # lazily: each span is claimed before the next is sought
            free[first : last + 1] = [False] * (last + 1 - first)
            found.append(StructuredRegion(lines[first].start, lines[last].end, kind))
    return tuple(sorted(found, key=lambda region: region.start))


def _fenced(texts: list[str], free: list[bool]) -> Iterator[Span]:
    """Fenced code: from a ``` or ~~~ line to the closing fence of the same character and at least its
    length; a fence never closed runs to the end of its paragraph (a stray fence does not swallow the text)."""
    i, n = 0, len(texts)
    while i < n:
        opening = texts[i].lstrip(" ")
        if opening[:3] not in ("```", "~~~") or len(texts[i]) - len(opening) > 3:
            i += 1
            continue
        fence = opening[: len(opening) - len(opening.lstrip(opening[0]))]
        j = i + 1
        while j < n and not (texts[j].strip().startswith(fence) and not texts[j].strip().strip(fence[0])):
            j += 1
        if j == n:
            j = i
            while j + 1 < n and texts[j + 1].strip():
                j += 1
        if j > i:
            yield i, j
        i = j + 1


def _pipe_row(line: str) -> tuple[int, bool, bool, bool] | None:
    """A row between pipes: its number of cells, whether it is a separator row, whether it is bordered by
    pipes on both sides, whether it holds a digit. Not a shell pipeline after a prompt, not `a || b`, not
    a byline and its date and counts ("By Ana Diaz | March 3 | 3 Comments")."""
    t = line.strip()
    if t.count("|") - 2 * t.count("||") < 2 or t.startswith(("$ ", ">>>")) or meta_row(t):
        return None
    if "-" in t and _SEPARATOR.fullmatch(t):
        return 0, True, True, False
    return t.strip("|").count("|") + 1, False, t[0] == "|" and t[-1] == "|", DIGIT.search(t) is not None


def _tables(texts: list[str], free: list[bool]) -> Iterator[Span]:
    """Rows between pipes, tab-separated rows and space-aligned rows of numbers, two or more in a run.

    A pipe table must show it is one: a markdown separator row, rows bordered by pipes on both sides, or
    rows mostly of one width with digits in half of them. A breadcrumb trail or a footer menu ("Home | News
    | Sport") shows none of these, and is furniture even on two lines."""
    if any("|" in line for line in texts):
        for first, rows in runs(texts, free, _pipe_row):
            body = [row for row in rows if not row[1]]
            if len(rows) < 2 or not body:
                continue
            width = Counter(row[0] for row in body).most_common(1)[0][1]
            bordered = sum(row[2] for row in body) * 2 > len(body)
            numbers = sum(row[3] for row in body) * 2 >= len(body)
            if len(body) < len(rows) or bordered or (numbers and width * 3 >= len(body) * 2):
                yield first, first + len(rows) - 1
    for first, rows in runs(texts, free, _tab_row):
        yield from _same_width(first, rows)
    for first, rows in runs(texts, free, _numeric_row):
        for start, last in _same_width(first, rows):
            header = start - 1
            if header >= 0 and free[header] and len(_SPACED.split(texts[header].strip())) == rows[start - first]:
                start = header  # the column heads ("Team  P  W  D  L  Pts") above the numbers
            yield start, last


def _tab_row(line: str) -> int:
    """The number of tabs between a line's cells (0: no cells)."""
    return line.strip().count("\t")


def _numeric_row(line: str) -> int:
    """The number of columns of a row set apart by two spaces or tabs, three or more of them and most of
    them numbers after the first ("Arsenal  38  26  6  6  88"); 0 for any other line."""
    t = line.strip()
    if "  " not in t and "\t" not in t:
        return 0
    cells = _SPACED.split(t)
    numeric = sum(1 for cell in cells[1:] if _NUMERIC.fullmatch(cell))
    return len(cells) if len(cells) >= 3 and numeric >= 2 and numeric * 2 >= len(cells) else 0


def _same_width(first: int, widths: list[int]) -> Iterator[Span]:
    """Stretches of two or more rows in a run that have the same number of columns."""
    i = 0
    while i < len(widths):
        j = i
        while j + 1 < len(widths) and widths[j + 1] == widths[i]:
            j += 1
        if j > i:
            yield first + i, first + j
        i = j + 1


def _code_line(line: str) -> int:
    """How much a line looks like code; a long line is prose, whatever it holds."""
    t = line.strip()
    if not t or len(t) > 300:
        return _NONE
    if _STRONG.match(t) or (t[-1] in ";:{}" and _STRONG_END.match(t)):
        return _STRONG_LINE
    if _WEAK.match(t):
        if t[0] == "<" and t[-1] == ">":
            return _MARKUP_CODE if _MARKUP_ATTRIBUTE.match(t) else _MARKUP
        return _WEAK_LINE
    return _NONE


def _lone_command(line: str) -> bool:
    """A line on its own that is clearly code: a whole command or import, not a sentence that names one."""
    t = line.strip()
    return not t.endswith(".") and len(t.split()) <= 10 and _LONE_COMMAND.fullmatch(t) is not None


def _prose(line: str) -> bool:
    t = line.strip()
    return t[:1].isupper() and t[-1] in ".!?:" and _PROSE.match(t) is not None


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.lstrip().expandtabs(4))


def _code(texts: list[str], free: list[bool]) -> Iterator[Span]:
    """Code: a run of code lines with at least one line that can only be code (a definition, an import, a
    prompt, a line ending in "{" or a statement ending in ";"), or an indented block of code lines.

    Inside a run, lines indented deeper than its first line are the body of a block, and the lines after a
    shell prompt are its output until a blank line or a line of prose. Blank lines stay inside a run when
    code follows them. Lines of markup are code only on a page whose sentences talk about markup ("the
    HTML", "this snippet", "the class attribute"): elsewhere they are tags a scraper left behind, which the
    markup rules are there to remove. Bare tags ("<p>", "</div>") need three lines or more. A line on its
    own is code only when the whole of it is a command, an import or a dotted call ("npm install left-pad",
    "console.log(x)"), never a sentence that names one."""
    n = len(texts)
    i = 0
    about_markup: bool | None = None  # worked out when a run of markup is first met
    while i < n:
        kind = _code_line(texts[i]) if free[i] else _NONE
        if kind == _NONE:
            i += 1
            continue
        base = _indent(texts[i])
        kinds = [kind]
        output = texts[i].lstrip().startswith(("$ ", ">>> "))
        j = i
        while j + 1 < n and free[j + 1]:
            line = texts[j + 1]
            if not line.strip():
                k = j + 1
                while k < n and free[k] and not texts[k].strip():
                    k += 1
                if k < n and free[k] and (_code_line(texts[k]) or _indent(texts[k]) > base):
                    kinds += [_NONE] * (k - j - 1)
                    j, output = k - 1, False
                    continue
                break
            kind = _code_line(line)
            if kind == _NONE and (_indent(line) > base or (output and not _prose(line))):
                kind = _WEAK_LINE
            if kind == _NONE:
                break
            output = line.lstrip().startswith(("$ ", ">>> ")) or output
            kinds.append(kind)
            j += 1
        lines = len(kinds) - kinds.count(_NONE)
        indented = base >= 4 and kinds.count(_WEAK_LINE) * 2 >= lines
        strong = _STRONG_LINE in kinds or _MARKUP_CODE in kinds or kinds.count(_MARKUP) >= 3
        if lines >= 2 and (strong or indented) and (_MARKUP in kinds or _MARKUP_CODE in kinds):
            if about_markup is None:
                prose = "\n".join(t for t in texts if "<" not in t and t.count(" ") >= 5)
                about_markup = _ABOUT_MARKUP.search(prose) is not None
            strong = indented = about_markup
        if lines >= 2 and (strong or indented):
            yield i, j
        elif j == i and _lone_command(texts[i]):
            yield i, i
        i = j + 1
