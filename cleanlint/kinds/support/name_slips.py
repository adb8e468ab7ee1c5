"""The `world` check of the names kind: a capitalised word one slip away from a name it should have been.

The name is found in three places, the first that has one winning:

1. the document itself: a capitalised word it writes at least twice, or a place ("Rukban ... Rubkan");
2. the second word of a well-known place of two words, after the first ("Hong Kogn", "South Koera");
3. the world gazetteer (placenames.py): a one-word place at least `min_place_zipf` common in English.

Most words one slip from a name are words or names of their own, so the evidence asked of the word is
strong, and every condition is about the word as the document uses it:

- it is unknown: no place, rarer in English than `max_word_zipf`, not a spelling the rule lists, and never
  written in lower case in the document ("Sedan" and "sedan");
- it is written once: a spelling used twice is taken as written, a slip is not made twice the same way (A202
  takes a glued token seen twice as written for the same reason);
- it is no part of a person's name: not after a first name, an initial or a title ("Robert Peston",
  "J. Dubin", "Mr Huston"), not before a surname ("Deval Patrick"), not the second half of a hyphenated
  given name ("Choo-Hyang"); and no part of a URL or an identifier;
- the words around it are English: other languages spell places their own way ("viajó a Rusia");
- it is at least `min_length` letters long, or one less where the document or the place's first word
  gives the name ("Itay" beside "Italy", "Hong Kogn").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from ...document import Document
from ...scan.memo import compiled
from ...structure.prose import lower_case_stoplist, stoplist, stoplists
from .name_edits import slip
from .placenames import place_index

# A capitalised word of letters alone: "Texaas" in "Texaas-based", "Moscwo" in "Moscwo's"; not a part of
# "McDonald" or of "O'Brien".
_WORD = compiled(r"(?<![\p{L}\p{M}\p{N}'’])\p{Lu}[\p{Ll}\p{M}]+(?![\p{L}\p{M}\p{N}])")
_LATIN = compiled(r"\p{Latin}+")
# the word before a name, and what stands between them: "Robert Peston", "Mr. Huston", "In Moscwo"
_BEFORE = compiled(r"(\p{L}+)(\.?) $")
_AFTER = compiled(r" (\p{Lu}\p{L}*)")
# the first half of a hyphenated given name ("Choo-Hyang"); not a party's letter ("R-Texas")
_HYPHENATED = compiled(r"\p{Lu}\p{L}+-$")
_CODE = compiled(r"[/\\_@=#<>{}|~^]|\p{L}\.\p{L}")  # what a URL, a path or an identifier has
_AROUND = 5  # words on each side of a word that tell the language it is written in
_TITLE = 4  # a word of this length or less before a full stop is a title or an initial ("Mr.", "J.", "Gen.")


def slip_check(
    known: set[str], min_length: int, max_word_zipf: float, min_place_zipf: float
) -> Callable[[Document], list[tuple[int, int, str]]]:
    """The check: (start, end, the name it should be) of every slip in a document. `known` holds the case
    folded spellings the rule lists, which are never slips."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    index = place_index()  # here, as the rule is built: worker processes forked afterwards share it
    languages = stoplists()
    english = languages.pop("English")
    others = list(languages.values())
    targets: dict[str, list[str]] = {}  # first letter -> well-known one-word places
    for name, zipf in index.targets.items():
        if zipf >= min_place_zipf:
            targets.setdefault(name[0], []).append(name)
    seconds: dict[str, list[str]] = {}  # first letter -> the later words of well-known places' names
    for after in sorted({a for afters in index.pairs.values() for a in afters}):
        seconds.setdefault(after[0], []).append(after)

    @lru_cache(maxsize=1 << 16)  # the same words come back in article after article
    def unknown(word: str) -> bool:
        return not (
            len(word) < min_length - 1
            or word in index.places
            or index.zipf(word) >= max_word_zipf
            or word.casefold() in known
        )

    # The same capitalised words come back in article after article; each is compared with the places once.
    @lru_cache(maxsize=1 << 16)
    def place_for(word: str) -> str | None:
        """The well-known place `word` is one slip from (the most common, if several), or None."""
        near = process.extract(word, targets.get(word[0], ()), scorer=OSA.distance, score_cutoff=1, limit=None)
        return max((name for name, _, _ in near if slip(word, name)), key=index.zipf, default=None)

    @lru_cache(maxsize=1 << 16)
    def may_be_a_later_word(word: str) -> bool:
        near = process.extract(word, seconds.get(word[0], ()), scorer=OSA.distance, score_cutoff=1, limit=None)
        return any(slip(word, name) for name, _, _ in near)

    def check(doc: Document) -> list[tuple[int, int, str]]:
        counts = Counter(_WORD.findall(doc.text, doc.body_start))
        suspects = [w for w, n in counts.items() if n == 1 and unknown(w)]
        if not suspects:
            return []
        names: dict[tuple[str, int], list[str]] = {}  # the article's own names, by first letter and length
        for name, n in counts.items():
            if n > 1 or name in index.places:
                names.setdefault((name[0], len(name)), []).append(name)
        own: dict[str, str | None] = {}  # suspect -> the article's name for it, or None: the place decides
        for word in suspects:
            shapes = ((word[0], len(word) + d) for d in (-1, 0, 1))
            found = [name for shape in shapes for name in names.get(shape, ()) if slip(word, name)]
            if found:
                own[word] = max(found, key=counts.__getitem__)
            elif may_be_a_later_word(word) or (len(word) >= min_length and place_for(word)):
                own[word] = None
        if not own:
            return []
        out = []
        for m in _WORD.finditer(doc.text, doc.body_start):
            word = m.group()
            if word not in own:
                continue
            before, dot = _before(doc.text, m.start())
            pair = next((n for n in index.pairs.get(before.casefold(), ()) if not dot and slip(word, n)), None)
            name = own[word] or pair
            if name is None and len(word) >= min_length:  # a shorter word is judged only beside its name
                name = place_for(word)
            if name is None or _in_lower_case(doc, word) or in_code(doc.text, m.start(), m.end()):
                continue
            if _HYPHENATED.search(doc.text, max(0, m.start() - 40), m.start()):
                continue
            if not pair and in_a_persons_name(doc.text, m.start(), m.end()):
                continue
            if _reads_english(doc, m.start(), m.end(), english, others):
                out.append((m.start(), m.end(), name))
        return out

    return check


def _in_lower_case(doc: Document, word: str) -> bool:
    """Whether the document writes `word` in lower case too ("Sedan sales ... a sedan"): a word, not a name."""
    lower, text = word.lower(), doc.text
    at = text.find(lower, doc.body_start)
    while at != -1:
        if not text[at - 1 : at].isalpha() and not text[at + len(lower) : at + len(lower) + 1].isalpha():
            return True
        at = text.find(lower, at + 1)
    return False


def _before(text: str, start: int) -> tuple[str, str]:
    """The word just before `start` on its line, and the full stop after it, if any ("Mr." -> "Mr", ".")."""
    m = _BEFORE.search(text, max(0, start - 40), start)
    return (m.group(1), m.group(2)) if m else ("", "")


def in_a_persons_name(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`-`end` reads as a part of a person's name: after a first name, an initial
    or a title ("Robert Peston", "J. Dubin", "Mr. Huston"; not "In Moscwo", not "Paris. Moscwo"), or before
    a capitalised word ("Deval Patrick"; not "the Lonon Metal Exchange")."""
    function_words = lower_case_stoplist("English")
    before, dot = _before(text, start)
    if before[:1].isupper() and (len(before) <= _TITLE if dot else before.casefold() not in function_words):
        return True
    if before == "the":  # "the Lonon Metal Exchange" names an institution; "to Rouven Weiler" is a person
        return False
    after = _AFTER.match(text, end)
    return after is not None and after.group(1).casefold() not in function_words


def in_code(text: str, start: int, end: int) -> bool:
    """Whether the word at `start`-`end` is a part of a URL, a path, an address or an identifier
    ("example.com/Moscwo", "parse_Berlinn", "@Torronto"): what is not prose is not spelt as prose."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    chunk = text[max(left, text.rfind("\n", 0, start) + 1) : right if right != -1 else len(text)].split("\n")[0]
    return bool(_CODE.search(chunk))


def _reads_english(doc: Document, start: int, end: int, english: frozenset[str], others: list[frozenset[str]]) -> bool:
    """Whether the words around the word at `start`-`end` are English: among the nearest words in the Latin
    script on its line (an English sentence appended to a Korean paragraph is English), more English
    function words than those of any other language of prose.py. Where they tie (a line of a list:
    "SpaceX, Hawthorne, California"), the document's language decides."""
    line_start, line_end = doc.text.rfind("\n", 0, start) + 1, doc.text.find("\n", end)
    line_end = len(doc.text) if line_end == -1 else line_end
    before = _LATIN.findall(doc.text, max(line_start, start - 200), start)[-_AROUND:]
    after = _LATIN.findall(doc.text, end, min(line_end, end + 200))[:_AROUND]
    words = [w.casefold() for w in before + after]
    ours = sum(w in english for w in words)
    theirs = max(sum(w in stop for w in words) for stop in others)
    return ours > theirs or (ours == theirs and stoplist(doc) is english)
