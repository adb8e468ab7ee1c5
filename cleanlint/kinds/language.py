"""language: paragraphs that are not in the language the article is in.

Scraped pages mix in other languages: a translated teaser, an untranslated agency paragraph, a cookie
notice in the site's language. The expected language is the settings' `language`, else the document's
front matter, else the language most of the document is written in.

langdetect is accurate on a paragraph but slow, and random unless seeded, so it is seeded and runs only
where a cheap test is unsure. The cheap test counts each language's commonest function words (`markers`):
a paragraph where enough of the words are markers of the expected language is in that language, and one
written in the expected language's own script (Cyrillic, Greek, kana, Hangul...) is taken as it is. Short
units are not judged at all, nor lines that are mostly capitalised words (names, titles), whose language
no statistics can tell. Reported only.

Most documents are in one language throughout, and tokenizing every paragraph with a regex costs more
than the rest of the check, so the document is first read roughly, line by line, with bytes methods only:
ASCII letters lower-cased, other ASCII characters made spaces, the bytes of other characters kept as
filler that sticks to the letters around it. A run of ASCII letters between spaces is then exactly a word
of the text, so the runs that are markers are at most the true markers; and the runs plus the non-ASCII
characters are at least the true words (a word can only be split off inside a run at such a character).
Where even these bounds say "enough markers" (for the main language: more than any other language's, were
every word the rough reading cannot see one of them), the exact count says so too: only what the bounds
leave open, usually a few short lines, is tokenized and judged exactly.

Paragraphs and lines longer than `max_length` characters are not judged, nor read roughly: no paragraph of
prose is that long, and reading one word by word takes memory in proportion to its length (a dump of 50 MB
on one line took over a gigabyte). The rough reading keeps only counts of each line, never its words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter

import regex

from ..document import Document, Region
from ..model import Finding
from ..rule import Rule
from ..scan import Gates
from .scoping import CJK

_WORD = regex.compile(r"\p{L}+")
# words of letters, each Chinese or Japanese character counting as one (scoping.word_count, without numbers)
_LETTER_WORDS = regex.compile(rf"[{CJK}]|[^\W\d_{CJK}]+")
_SAMPLE = 10000  # characters of the body that decide its main language
_DETECT_SAMPLE = 2000  # what langdetect reads: enough for a sure verdict, and its cost grows with length
_WRAP_WIDTH = 100  # hard-wrapped text keeps its lines shorter than this
MAX_LENGTH = 100_000  # characters: no paragraph of prose is longer (an article is a few thousand)
_SENTENCE_END = regex.compile(r"[.!?…:;\"'”’»)]\s*$")
# Languages whose script alone tells them from the Latin-script languages around them.
# fmt: off
_SCRIPTS = {
    "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic", "mk": "Cyrillic", "el": "Greek", "he": "Hebrew",
    "ar": "Arabic", "fa": "Arabic", "ur": "Arabic", "hi": "Devanagari", "mr": "Devanagari", "ne": "Devanagari",
    "bn": "Bengali", "ta": "Tamil", "te": "Telugu", "th": "Thai", "ko": "Hangul", "ja": "Han|Hiragana|Katakana",
    "zh": "Han", "ka": "Georgian", "hy": "Armenian",
}
# fmt: on

# Scripts that only one language of langdetect's writes: the script alone tells the language.
_OWN_SCRIPT = ("ko", "ja", "el", "he", "th", "ka", "hy", "bn", "ta", "te")


def _rough_table() -> bytes:
    """The byte translation of the rough reading: letters lower-cased, line breaks kept, other ASCII made
    spaces; "%" for the first byte of a non-ASCII character and "#" for the others, so "%" counts them."""
    table = bytearray(b" " * 128 + b"#" * 64 + b"%" * 64)
    table[ord("\n")] = ord("\n")
    for upper in range(ord("A"), ord("Z") + 1):
        table[upper] = table[upper + 32] = upper + 32
    return bytes(table)


_ROUGH = _rough_table()


@dataclass(frozen=True)
class Options:
    markers: dict[str, tuple[str, ...]] = field(
        default_factory=dict, metadata={"doc": "language code -> its commonest words, for the cheap test"}
    )
    min_words: int = field(default=15, metadata={"doc": "shorter paragraphs (in words of letters) are not judged"})
    min_share: float = field(default=0.15, metadata={"doc": "share of marker words that settles the language"})
    min_probability: float = field(default=0.95, metadata={"doc": "langdetect's confidence needed to report"})
    max_length: int = field(
        default=MAX_LENGTH, metadata={"doc": "longer paragraphs and lines (in characters) are not judged"}
    )


def problems(options: Options) -> list[tuple[str, str]]:
    if not 0 < options.min_share < 1 or not 0 < options.min_probability <= 1:
        return [("min_share", "min_share and min_probability must be between 0 and 1")]
    return []


def _primary(code: object) -> str | None:
    """The primary language subtag: "en-GB", "pt_BR", "zh-cn" -> "en", "pt", "zh"."""
    if not isinstance(code, str) or not code.strip():
        return None
    return regex.split(r"[-_]", code.strip().lower())[0]


@dataclass(frozen=True)
class _Rough:
    """A text's lines read roughly (see the module's docstring); `tags` hold, for each marker run of a
    line, the one-character tags of the languages it is a marker of, so `str.count` counts them."""

    tags: list[str]
    most_words: list[int]  # of each line: at least its number of words
    non_ascii: list[int]  # of each line: its characters that are not ASCII


def _rough(text: str, marker_tags: dict[bytes, str], max_length: int = MAX_LENGTH) -> _Rough:
    """The rough reading of each line of `text`. A line longer than `max_length` is read as empty (no
    words, no markers): it is never judged (see Options.max_length), and splitting it into runs would
    cost some twenty bytes for each of its characters. Each line's runs are dropped once counted, so
    memory stays bounded by the longest line read."""
    lines = text.encode("utf-8", "surrogatepass").translate(_ROUGH).split(b"\n")
    tags, most_words, non_ascii = [], [], []
    for line in lines:
        short = len(line) <= max_length
        runs = line.split() if short else []
        others = line.count(b"%") if short else 0
        tags.append("".join(map(marker_tags.get, runs, repeat(""))))
        most_words.append(len(runs) + others)
        non_ascii.append(others)
    return _Rough(tags, most_words, non_ascii)


def _one_unit_per_line(doc: Document, lines: list[Region]) -> bool:
    """Whether each line of a paragraph is a paragraph of its own.

    Scraped text puts one paragraph on each line; hard-wrapped text breaks a paragraph into lines of
    under a hundred characters that need not end a sentence. A long line, or lines that all end like
    sentences, mark the first.
    """
    return len(lines) > 1 and (
        any(ln.end - ln.start > _WRAP_WIDTH for ln in lines)
        or all(_SENTENCE_END.search(doc.text, ln.start, ln.end) for ln in lines)
    )


def _units_holding(doc: Document, numbers: list[int]) -> list[range]:
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
            split = _one_unit_per_line(doc, lines[inside.start : inside.stop])
        out.append(range(i, i + 1) if split else inside)
    return out


def _is_prose(words: list[str]) -> bool:
    """Whether most cased words are lower-case: a sentence, not a list of names or a title."""
    initials = "".join(map(itemgetter(0), words))
    lower, upper = sum(map(str.islower, initials)), sum(map(str.isupper, initials))
    return lower + upper < 5 or lower >= 0.4 * (lower + upper)


class _Detector:
    """langdetect, imported on first use and seeded so that a run is repeatable."""

    def __init__(self) -> None:
        self._detect = None

    def __call__(self, text: str) -> tuple[str, float] | None:
        if self._detect is None:
            from langdetect import DetectorFactory, detect_langs
            from langdetect.lang_detect_exception import LangDetectException

            DetectorFactory.seed = 0

            def detect(sample: str) -> tuple[str, float] | None:
                try:
                    best = detect_langs(sample)[0]
                except LangDetectException:  # no letters it knows
                    return None
                return _primary(best.lang) or "", best.prob

            self._detect = detect
        return self._detect(text)


def build(rule: Rule, _gates: Gates):
    opts: Options = rule.options
    markers = {lang: frozenset(w.casefold() for w in words) for lang, words in opts.markers.items()}
    # one character per language with ASCII markers (the rough reading sees no others), and for each ASCII
    # marker those of its languages
    tag_of: dict[str, str] = {}
    marker_tags: dict[bytes, str] = {}
    for lang, words in markers.items():
        for word in (w.encode() for w in words if w.isascii() and w.isalpha()):
            marker_tags[word] = marker_tags.get(word, "") + tag_of.setdefault(lang, chr(ord("a") + len(tag_of)))
    # exact fractions, so that bounds compare in integers: own / words >= min_share as own * den >= num * words
    num, den = opts.min_share.as_integer_ratio()
    scripts = {
        lang: regex.compile("[" + "".join(rf"\p{{Script={name}}}" for name in names.split("|")) + "]+")
        for lang, names in _SCRIPTS.items()
    }
    detect = _Detector()

    def marker_counts(folded: list[str]) -> dict[str, int]:
        """For each language with markers among the case-folded `folded`, how many there are."""
        present = Counter(folded)
        counts = {lang: sum(map(present.get, words, repeat(0))) for lang, words in markers.items()}
        return {lang: n for lang, n in counts.items() if n}

    def script_share(text: str, words: list[str], lang: str) -> float:
        """The share of the letters of `text` (whose words are `words`) in `lang`'s own script."""
        script = scripts.get(lang)
        letters = sum(map(len, words)) if script else 0  # the words are the runs of letters
        return sum(map(len, script.findall(text))) / letters if letters else 0.0  # runs: few strings to make

    def sure_main_language(tags: str, most_words: int, non_ascii: int) -> str | None:
        """The main language, when rough counts (the tags of all lines, and sums) already settle it: its
        markers are at least the share, and more than another language's even if every word the rough
        reading could not see were one of them (a language without ASCII markers has only those)."""
        if not tag_of:
            return None
        found = {lang: tags.count(tag) for lang, tag in tag_of.items()}
        best = max(found, key=found.__getitem__)
        unseen = 2 * non_ascii  # words in runs with non-ASCII characters: at most a run and a split each
        own, others = found.pop(best), found.values()
        if unseen < own and own * den >= num * most_words and all(n + unseen < own for n in others):
            return best
        return None

    def main_language(doc: Document, rough: _Rough) -> str | None:
        """The language of most of the body: by markers, else by a script only one language uses, else
        by langdetect."""
        sample = doc.text[doc.body_start : doc.body_start + _SAMPLE]
        # the body's lines wholly in the sample are read already; the rest is the sample's last line
        whole = sample.count("\n") if doc.lines[0].start == doc.body_start else 0
        rest = _rough(sample[sample.rfind("\n") + 1 :] if whole else sample, marker_tags, opts.max_length)
        sure = sure_main_language(
            "".join(rough.tags[:whole] + rest.tags),
            sum(rough.most_words[:whole]) + sum(rest.most_words),
            sum(rough.non_ascii[:whole]) + sum(rest.non_ascii),
        )
        if sure is not None:
            return sure
        words = _WORD.findall(sample)
        folded = list(map(str.casefold, words))
        found = marker_counts(folded)
        if found:
            top = max(found.values())
            if top / len(words) >= opts.min_share:  # a tie goes to the language whose markers come first
                tied = [lang for lang, n in found.items() if n == top]
                if len(tied) > 1:  # stable: for the same first word, in the order of `markers`
                    tied.sort(key=lambda lang: min(map(folded.index, markers[lang].intersection(folded))))
                return tied[0]
        for lang in _OWN_SCRIPT:
            if script_share(sample, words, lang) >= 0.5:
                return lang
        verdict = detect(sample[:_DETECT_SAMPLE])
        return verdict[0] if verdict else None

    def may_be_foreign(text: str, words: list[str], expected: str) -> bool:
        """The cheap test: False when the unit is surely in `expected` or cannot be judged."""
        own_markers = markers.get(expected, frozenset())
        folded = list(map(str.casefold, words)) if own_markers else []
        own_count = sum(map(own_markers.__contains__, folded))
        own = own_count / len(words)
        if own >= opts.min_share or not _is_prose(words) or script_share(text, words, expected) >= 0.5:
            return False
        if not own_markers:
            return True
        # Few markers of its own: foreign if another language's markers outnumber them, or if there are
        # almost none (a language without markers); a terse line of the expected language has some.
        return own < opts.min_share / 3 or max(marker_counts(folded).values(), default=0) > own_count

    def judge(doc: Document, unit: Region, expected: str) -> Finding | None:
        """The finding for a unit the rough reading left open: the cheap test word by word, then langdetect."""
        length = unit.end - unit.start
        if length < opts.min_words:  # too short even for a language written without spaces
            return None
        if length > opts.max_length:  # no paragraph is this long: a dump, whose words would fill memory
            return None
        text = doc.text[unit.start : unit.end]
        words = _WORD.findall(text)
        if len(words) < opts.min_words and len(_LETTER_WORDS.findall(text)) < opts.min_words:
            return None  # numbers are not words here: a line of figures is not a paragraph to judge
        if not words or not may_be_foreign(text, words, expected):
            return None
        verdict = detect(text[:_DETECT_SAMPLE])
        if verdict is None:
            return None
        found, probability = verdict
        if found == expected or probability < opts.min_probability:
            return None
        return rule.finding(unit.start, unit.end, match=text, found=found, expected=expected)

    def check(doc: Document) -> list[Finding]:
        lines = doc.lines
        if not lines:
            return []
        expected = _primary(doc.metadata.get("language"))
        reads = not expected or expected in tag_of
        rough = _rough(doc.text[lines[0].start :], marker_tags, opts.max_length) if reads else None
        if not expected:
            expected = main_language(doc, rough)
            if expected is None:
                return []
        tag = tag_of.get(expected)
        counted = tag is not None and rough is not None  # else no marker of `expected` is seen: judge all
        # Lines whose rough counts leave their language open; a unit without one is in `expected`, since a
        # sum of lines that each have the share has it too.
        own = list(map(str.count, rough.tags, repeat(tag))) if counted else []
        open_lines = (
            [i for i, (n, most) in enumerate(zip(own, rough.most_words, strict=True)) if n * den < num * most]
            if counted
            else list(range(len(lines)))
        )
        out = []
        for unit in _units_holding(doc, open_lines):
            span = slice(unit.start, unit.stop)
            if counted and sum(own[span]) * den >= num * sum(rough.most_words[span]):
                continue
            finding = judge(doc, Region(lines[unit.start].start, lines[unit.stop - 1].end), expected)
            if finding is not None:
                out.append(finding)
        return out

    return check
