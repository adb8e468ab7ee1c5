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
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document, Region
from ..model import Finding
from ..rule import Rule
from ..scan import Gates
from .scoping import word_count

_WORD = regex.compile(r"\p{L}+")
_LETTER = regex.compile(r"\p{L}")
_SAMPLE = 10000  # characters of the body that decide its main language
_DETECT_SAMPLE = 2000  # what langdetect reads: enough for a sure verdict, and its cost grows with length
_WRAP_WIDTH = 100  # hard-wrapped text keeps its lines shorter than this
_SENTENCE_END = regex.compile(r"[.!?…:;\"'”’»)]\s*$")
# Languages whose script alone tells them from the Latin-script languages around them.
_SCRIPTS = {
    "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic", "mk": "Cyrillic", "el": "Greek", "he": "Hebrew",
    "ar": "Arabic", "fa": "Arabic", "ur": "Arabic", "hi": "Devanagari", "mr": "Devanagari", "ne": "Devanagari",
    "bn": "Bengali", "ta": "Tamil", "te": "Telugu", "th": "Thai", "ko": "Hangul", "ja": "Han|Hiragana|Katakana",
    "zh": "Han", "ka": "Georgian", "hy": "Armenian",
}

# Scripts that only one language of langdetect's writes: the script alone tells the language.
_OWN_SCRIPT = ("ko", "ja", "el", "he", "th", "ka", "hy", "bn", "ta", "te")


@dataclass(frozen=True)
class Options:
    markers: dict[str, tuple[str, ...]] = field(
        default_factory=dict, metadata={"doc": "language code -> its commonest words, for the cheap test"}
    )
    min_words: int = field(default=15, metadata={"doc": "shorter paragraphs are not judged"})
    min_share: float = field(default=0.15, metadata={"doc": "share of marker words that settles the language"})
    min_probability: float = field(default=0.95, metadata={"doc": "langdetect's confidence needed to report"})


def problems(options: Options) -> list[tuple[str, str]]:
    if not 0 < options.min_share < 1 or not 0 < options.min_probability <= 1:
        return [("min_share", "min_share and min_probability must be between 0 and 1")]
    return []


def _primary(code: object) -> str | None:
    """The primary language subtag: "en-GB", "pt_BR", "zh-cn" -> "en", "pt", "zh"."""
    if not isinstance(code, str) or not code.strip():
        return None
    return regex.split(r"[-_]", code.strip().lower())[0]


def _units(doc: Document) -> list[Region]:
    """Paragraphs; or their lines, where each line is a paragraph of its own.

    Scraped text puts one paragraph on each line; hard-wrapped text breaks a paragraph into lines of
    under a hundred characters that need not end a sentence. A long line, or lines that all end like
    sentences, mark the first.
    """
    out: list[Region] = []
    lines, i = doc.content_lines, 0
    for para in doc.paragraphs:
        inside = []
        while i < len(lines) and lines[i].end <= para.end:
            if lines[i].start >= para.start:
                inside.append(lines[i])
            i += 1
        one_per_line = any(ln.end - ln.start > _WRAP_WIDTH for ln in inside) or all(
            _SENTENCE_END.search(doc.text, ln.start, ln.end) for ln in inside
        )
        if len(inside) > 1 and one_per_line:
            out.extend(inside)
        else:
            out.append(para)
    return out


def _is_prose(words: list[str]) -> bool:
    """Whether most cased words are lower-case: a sentence, not a list of names or a title."""
    cased = [w for w in words if w[0].isupper() or w[0].islower()]
    return len(cased) < 5 or sum(w[0].islower() for w in cased) >= 0.4 * len(cased)


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
    speakers: dict[str, list[str]] = {}  # word -> the languages it is a marker of
    for lang, words in markers.items():
        for word in words:
            speakers.setdefault(word, []).append(lang)
    scripts = {
        lang: regex.compile("[" + "".join(rf"\p{{Script={name}}}" for name in names.split("|")) + "]")
        for lang, names in _SCRIPTS.items()
    }
    detect = _Detector()

    def shares(words: list[str]) -> dict[str, float]:
        """For each language, the share of `words` that are its markers."""
        counts: dict[str, int] = {}
        for word in words:
            for lang in speakers.get(word.casefold(), ()):
                counts[lang] = counts.get(lang, 0) + 1
        return {lang: n / len(words) for lang, n in counts.items()}

    def script_share(text: str, lang: str) -> float:
        script = scripts.get(lang)
        if script is None:
            return 0.0
        letters = len(_LETTER.findall(text))
        return len(script.findall(text)) / letters if letters else 0.0

    def main_language(doc: Document) -> str | None:
        """The language of most of the body: by markers, else by a script only one language uses, else
        by langdetect."""
        sample = doc.text[doc.body_start : doc.body_start + _SAMPLE]
        found = shares(_WORD.findall(sample))
        best = max(found, key=found.__getitem__, default=None)
        if best is not None and found[best] >= opts.min_share:
            return best
        for lang in _OWN_SCRIPT:
            if script_share(sample, lang) >= 0.5:
                return lang
        verdict = detect(sample[:_DETECT_SAMPLE])
        return verdict[0] if verdict else None

    def may_be_foreign(text: str, words: list[str], expected: str) -> bool:
        """The cheap test: False when the unit is surely in `expected` or cannot be judged."""
        own_markers = markers.get(expected)
        own = sum(w.casefold() in own_markers for w in words) / len(words) if own_markers else 0.0
        if own >= opts.min_share or not _is_prose(words) or script_share(text, expected) >= 0.5:
            return False
        if not own_markers:
            return True
        # Few markers of its own: foreign if another language's markers outnumber them, or if there are
        # almost none (a language without markers); a terse line of the expected language has some.
        return own < opts.min_share / 3 or any(share > own for share in shares(words).values())

    def check(doc: Document) -> list[Finding]:
        expected = _primary(doc.metadata.get("language")) or main_language(doc)
        if expected is None:
            return []
        out = []
        for unit in _units(doc):
            text = doc.text[unit.start : unit.end]
            if len(text) < opts.min_words:  # too short even for a language written without spaces
                continue
            words = _WORD.findall(text)
            if len(words) < opts.min_words and word_count(text) < opts.min_words:
                continue
            if not words or not may_be_foreign(text, words, expected):
                continue
            verdict = detect(text[:_DETECT_SAMPLE])
            if verdict is None:
                continue
            found, probability = verdict
            if found != expected and probability >= opts.min_probability:
                out.append(rule.finding(unit.start, unit.end, match=text, found=found, expected=expected))
        return out

    return check
