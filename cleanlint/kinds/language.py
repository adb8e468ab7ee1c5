"""language: paragraphs that are not in the language the article is in.

Scraped pages mix in other languages: a translated teaser, an untranslated agency paragraph, a cookie
notice in the site's language. The expected language is the settings' `language`, else the document's
front matter, else the language most of the document is written in. Reported only.

The check is made of four parts, each in a module of its own: the cheap test of markers and scripts
(language_markers.py), the rough first reading that settles most lines without tokenizing them
(language_rough.py), the exact judgement of what that leaves open (language_judge.py), and an identifier,
langdetect seeded or CLD2 (`backend`), for what the cheap test cannot settle (language_detect.py). This
module picks the units to judge, and passes over a unit the rough reading already counts fewer than
`min_words` words in.

A unit is a paragraph, or each line of one when the text puts a paragraph on each line (scraped text does;
hard-wrapped text does not). Paragraphs and lines longer than `max_length` characters are not judged, nor
read roughly: no paragraph of prose is that long, and reading one word by word takes memory in proportion
to its length (a dump of 50 MB on one line took over a gigabyte).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..config import missing_language_backend
from ..document import Document, Region
from ..model import Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled
from .support.language_detect import Detector, primary
from .support.language_judge import Judging, foreign_language, main_language
from .support.language_markers import Markers
from .support.language_rough import MAX_LENGTH, line_bounds, read

_WRAP_WIDTH = 100  # hard-wrapped text keeps its lines shorter than this
_SENTENCE_END = compiled(r"[.!?…:;\"'”’»)]\s*$")


@dataclass(frozen=True)
class Options:
    markers: dict[str, tuple[str, ...]] = field(
        default_factory=dict, metadata={"doc": "language code -> its commonest words, for the cheap test"}
    )
    min_words: int = field(default=12, metadata={"doc": "shorter paragraphs (in words of letters) are not judged"})
    min_share: float = field(default=0.15, metadata={"doc": "share of marker words that settles the language"})
    min_probability: float = field(default=0.95, metadata={"doc": "the identifier's confidence needed to report"})
    max_length: int = field(
        default=MAX_LENGTH, metadata={"doc": "longer paragraphs and lines (in characters) are not judged"}
    )
    backend: Literal["langdetect", "cld2"] = field(
        default="langdetect", metadata={"doc": "the identifier for what the cheap test leaves open (cld2: an extra)"}
    )


def problems(options: Options) -> list[tuple[str, str]]:
    if not 0 < options.min_share < 1 or not 0 < options.min_probability <= 1:
        return [("min_share", "min_share and min_probability must be between 0 and 1")]
    if (why := missing_language_backend(options.backend)) is not None:
        return [("backend", why)]
    return []


def one_unit_per_line(doc: Document, lines: list[Region]) -> bool:
    """Whether each line of a paragraph is a paragraph of its own.

    Scraped text puts one paragraph on each line; hard-wrapped text breaks a paragraph into lines of
    under a hundred characters that need not end a sentence. A long line, or lines that all end like
    sentences, mark the first.
    """
    return len(lines) > 1 and (
        any(ln.end - ln.start > _WRAP_WIDTH for ln in lines)
        or all(_SENTENCE_END.search(doc.text, ln.start, ln.end) for ln in lines)
    )


def units_holding(doc: Document, numbers: list[int]) -> list[range]:
    """The units to judge (paragraphs, or their lines) that hold the lines `numbers` (ascending indices
    into `doc.lines`), in order and each once, as ranges of such indices. Blank lines are in none."""
    lines, base = doc.lines, doc.line_index(doc.lines[0].start)
    out: list[range] = []
    para = split = None
    for i in numbers:
        if out and i in out[-1]:
            continue
        found = doc.enclosing(doc.paragraphs, lines[i].start, lines[i].end)
        if found is None:
            continue
        if found is not para:
            para = found
            inside = range(doc.line_index(para.start) - base, doc.line_index(para.end) - base + 1)
            split = one_unit_per_line(doc, lines[inside.start : inside.stop])
        out.append(range(i, i + 1) if split else inside)
    return out


def check_document(rule: Rule, judging: Judging, doc: Document) -> list[Finding]:
    """The findings of `rule` in `doc`: each unit the rough reading leaves open, judged exactly."""
    lines = doc.lines
    if not lines:
        return []
    markers = judging.markers
    expected = primary(doc.metadata.get("language"))
    reads = not expected or expected in markers.tag_of
    rough = read(doc.text[lines[0].start :], markers.run_tags, judging.max_length) if reads else None
    if not expected:
        expected = main_language(doc, rough, judging)
        if expected is None:
            return []
    # Lines whose rough counts leave their language open; a unit without one is in `expected`, since a sum
    # of lines that each are surely in it is too. Without rough counts of `expected`, every line is open.
    counted = rough is not None and expected in markers.tag_of
    if counted:
        own, other = line_bounds(rough, markers, expected)
        most, hidden = rough.most_words, rough.non_ascii
        # Markers.settles, written out for each line; with twice the share (Markers.doubled) for a line with
        # a character outside ASCII, which may be a letter
        doubled = 2 if expected in markers.ascii_only else 1
        num, den = markers.num, markers.den
        open_lines = [
            i
            for i, (n, rival, words, outside) in enumerate(zip(own, other, most, hidden, strict=True))
            if n < rival or n * den < num * words * (doubled if outside else 1)
        ]
    else:
        open_lines = list(range(len(lines)))
    out = []
    for unit in units_holding(doc, open_lines):
        span = slice(unit.start, unit.stop)
        if rough is not None and sum(rough.most_words[span]) + sum(rough.non_ascii[span]) < judging.min_words:
            continue  # fewer words than foreign_language judges, by either count (see Rough)
        if counted and markers.settles(
            sum(own[span]), sum(other[span]), sum(most[span]), markers.doubled(expected, any(hidden[span]))
        ):
            continue
        region = Region(lines[unit.start].start, lines[unit.stop - 1].end)
        text = doc.text[region.start : region.end]
        found = foreign_language(judging, text, expected)
        if found is not None:
            out.append(rule.finding(region.start, region.end, match=text, found=found, expected=expected))
    return out


class LanguageCheck:
    """A language rule's check. `preload` loads the identifier before any unit reaches it: a run about to
    fork its workers does so once, for all of them, rather than once in each (engine.py)."""

    def __init__(self, rule: Rule, judging: Judging):
        self._rule, self._judging = rule, judging

    def __call__(self, doc: Document) -> list[Finding]:
        return check_document(self._rule, self._judging, doc)

    def preload(self) -> None:
        self._judging.detect.load()


def build(rule: Rule, _gates: Gates) -> LanguageCheck:
    opts: Options = rule.options
    judging = Judging(
        Markers.build(opts.markers, opts.min_share),
        opts.min_words,
        opts.min_probability,
        opts.max_length,
        Detector(opts.backend),
    )
    return LanguageCheck(rule, judging)
