"""The cheap test of the language check: each language's commonest words (its markers) and its script.

A paragraph is surely in a language when enough of its words are that language's markers and no other
language's markers outnumber them: short function words are shared ("a" is English, French, Portuguese,
Polish, Czech and Hungarian; "de" half of Europe's), so a Portuguese paragraph can hold as many English
markers ("a", "as", "no", "do") as a terse English line. A language written in a script of its own (Greek,
Hangul, kana...) is told by its script. Whatever these tests leave open, langdetect decides.

Counts are compared as exact fractions (own * den >= num * words for a share num / den), so the rough
reading's bounds (language_rough.py) and the exact counts here decide the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

import regex

from ...document import CJK
from ...scan.memo import compiled

WORD = compiled(r"\p{L}+")
# words of letters, each Chinese or Japanese character counting as one (document.word_count, without numbers)
LETTER_WORDS = compiled(rf"[{CJK}]|[^\W\d_{CJK}]+")
# Languages whose script alone tells them from the Latin-script languages around them.
# fmt: off
SCRIPTS = {
    "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic", "mk": "Cyrillic", "el": "Greek", "he": "Hebrew",
    "ar": "Arabic", "fa": "Arabic", "ur": "Arabic", "hi": "Devanagari", "mr": "Devanagari", "ne": "Devanagari",
    "bn": "Bengali", "ta": "Tamil", "te": "Telugu", "th": "Thai", "ko": "Hangul", "ja": "Han|Hiragana|Katakana",
    "zh": "Han", "ka": "Georgian", "hy": "Armenian",
}
# fmt: on
# The rough reading (language_rough.py) marks each run of a line with RUN in its tags, and reads LINE_TOKEN,
# which it puts for each line break, as the end of a line; neither is a tag (tags are letters).
RUN = " "
LINE_TOKEN = b" | "
# Scripts that only one language of langdetect's writes: the script alone tells the language.
OWN_SCRIPT = ("ko", "ja", "el", "he", "th", "ka", "hy", "bn", "ta", "te")


@dataclass(frozen=True)
class Markers:
    """The markers of each language, case-folded, and what the rough reading needs of them: one tag
    character per language with ASCII markers, and for each run of letters what it adds to its line's tags:
    the tags of its languages when it is an ASCII marker, and a RUN mark."""

    words: dict[str, frozenset[str]]
    tag_of: dict[str, str]
    run_tags: dict[bytes, str]  # runs without an entry add RUN alone
    scripts: dict[str, regex.Pattern]
    num: int  # the share that settles a language, as the exact fraction num / den
    den: int
    ascii_only: frozenset[str]  # languages whose markers are all ASCII: they write no other letters
    langs_of: dict[str, tuple[str, ...]]  # each marker, case-folded: the languages it is a marker of
    others: dict[str, frozenset[str]]  # for each language, the markers of every other language

    @classmethod
    def build(cls, markers: dict[str, tuple[str, ...]], min_share: float) -> Markers:
        words = {lang: frozenset(w.casefold() for w in ws) for lang, ws in markers.items()}
        tag_of: dict[str, str] = {}
        marker_tags: dict[bytes, str] = {}
        for lang, ws in words.items():
            for word in (w.encode() for w in ws if w.isascii() and w.isalpha()):
                marker_tags[word] = marker_tags.get(word, "") + tag_of.setdefault(lang, chr(ord("a") + len(tag_of)))
        run_tags = {word: tags + RUN for word, tags in marker_tags.items()}
        run_tags[LINE_TOKEN.strip()] = "\n"
        scripts = {
            lang: compiled("[" + "".join(rf"\p{{Script={name}}}" for name in names.split("|")) + "]+")
            for lang, names in SCRIPTS.items()
        }
        num, den = min_share.as_integer_ratio()
        ascii_only = frozenset(lang for lang, ws in words.items() if all(w.isascii() for w in ws))
        langs_of: dict[str, tuple[str, ...]] = {}
        for lang, ws in words.items():
            for word in ws:
                langs_of[word] = (*langs_of.get(word, ()), lang)
        others = {lang: frozenset(w for w, langs in langs_of.items() if langs != (lang,)) for lang in words}
        return cls(words, tag_of, run_tags, scripts, num, den, ascii_only, langs_of, others)

    def has_share(self, count: int, words: int) -> bool:
        """Whether `count` of `words` words reach the share that settles a language."""
        return count * self.den >= self.num * words

    def settles(self, own: int, rival: int, words: int, doubled: bool = False) -> bool:
        """Whether `own` markers of a language among `words` words, against `rival` of the language with most
        besides it, settle that the text is in it: they reach the share (twice the share when `doubled`), and
        no other language has more."""
        return own >= rival and self.has_share(own, words * (2 if doubled else 1))

    def doubled(self, expected: str, letters_outside_ascii: bool) -> bool:
        """Whether text in `expected` needs twice the share: it has letters outside ASCII, and `expected`
        writes none (its markers are all ASCII), so they may be a language without markers of its own whose
        short words are `expected`'s markers too (Polish "i", "a", "do", "to" are English ones)."""
        return letters_outside_ascii and expected in self.ascii_only

    def counts(self, folded: list[str]) -> dict[str, int]:
        """For each language with markers among the case-folded words `folded`, how many there are, in the
        order of the rule's `markers` (a tie in main_language goes to the language that comes first)."""
        found = dict.fromkeys(self.words, 0)
        for langs in filter(None, map(self.langs_of.get, folded)):
            for lang in langs:
                found[lang] += 1
        return {lang: n for lang, n in found.items() if n}

    def own_count(self, lang: str, folded: list[str]) -> int:
        """How many of the case-folded words `folded` are markers of `lang`."""
        return sum(map(self.words.get(lang, frozenset()).__contains__, folded))

    def rival_count(self, lang: str, folded: list[str]) -> int:
        """The most markers any language but `lang` has among the case-folded words `folded`."""
        found = self.counts(folded)
        found.pop(lang, None)
        return max(found.values(), default=0)

    def outnumbered(self, lang: str, own: int, folded: list[str]) -> bool:
        """Whether another language has more markers than `own` among `folded`: counted language by
        language only when the markers of all of them together are more."""
        others = self.others.get(lang)
        if others is None:
            others = frozenset(self.langs_of)
        return sum(map(others.__contains__, folded)) > own and self.rival_count(lang, folded) > own

    def script_share(self, text: str, words: list[str], lang: str) -> float:
        """The share of the letters of `text` (whose words are `words`) in `lang`'s own script."""
        script = self.scripts.get(lang)
        letters = sum(map(len, words)) if script else 0  # the words are the runs of letters
        return sum(map(len, script.findall(text))) / letters if letters else 0.0  # runs: few strings to make


def is_prose(words: list[str]) -> bool:
    """Whether most cased words are lower-case: a sentence, not a list of names or a title."""
    initials = "".join(map(itemgetter(0), words))
    lower, upper = sum(map(str.islower, initials)), sum(map(str.isupper, initials))
    return lower + upper < 5 or lower >= 0.4 * (lower + upper)
