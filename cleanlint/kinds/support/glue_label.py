"""A site's label glued to the headline: "Latest NewsCouncil approves ...", "PoliticsThe vote ...".

Pages print a section name, a category or a flag ("Breaking", "Exclusive", "Live", "Opinion") above the
headline, and extraction often drops the line break between them. Three things together make the split,
and none alone would:

- position: the label opens one of the first `window` lines of the text, where the headline stands;
- vocabulary: the words before the seam are labels of the rule's `section_labels` (in every language the
  rule lists), one or a few of them ("HomeWorld News");
- shape: the headline's first word is glued to the last label with no space, and the seam can be seen: a
  capital after a small letter, an opening quote, or a letter of another script.

Brands are written the same way: WorldCom, SportsCenter, LiveNation, TechCrunch, HomePod. The seam is
certain where a brand could not stand: before a word that opens sentences ("PoliticsThe", "LiveIn",
"CronacaIl": the rule's `openers`), a dateline or headline in capitals ("SportsBUFFALO, N.Y.", "BusinessNEW
YORK"), an opening quote ("Opinion“We ..."), a word in another script, after two label words ("Top
NewsWhite House"), on a line of labels alone ("HomeWorld News", removed whole), or where the headline's word
stands on its own elsewhere in the story and never after the label ("MoneyGoogle" in a story that goes on
about Google; a brand keeps its tail: WorldCom's "Com" never stands alone). A single label before any other
capitalised word ("WorldAmericans", "TravelZoo") may be a brand: on the first line its removal is offered as
an unsafe fix, below it nothing is reported. A glued word that the text prints again (a brand named in the
story) is taken as written, and so are the rule's `exceptions`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from ...document import Document
from ...scan.memo import compiled
from .glue_sentence import UNSURE  # a single label before a capitalised word, as a stop before one: a name

_QUOTES = "“\"‘'«„"
_WORD = compiled(r"\p{L}+")
_LATIN = compiled(r"\p{Latin}")
_CAMEL = compiled(r"\p{Ll}\p{Lu}")
# what follows a word in capitals that is a dateline or a headline set in capitals, not a brand's tail:
# "BUFFALO, N.Y.", "ST. JOSEPH", "WASHINGTON (Reuters) -", "VIENNA —", "WATCH:", "LOOK WHAT YOU MADE ME DO"
_CAPITALS_GO_ON = compiled(r"[,.:]|\s*\(|\s*[—–-]\s|\s+\p{Lu}{2,}(?!\p{L})")


@dataclass(frozen=True)
class Label:
    """A label glued to what follows it: the label is [start, seam). A line of labels alone is its own
    label, up to the line's end."""

    start: int
    seam: int
    held: str | None  # why its removal is not certain; None: it is


class Patterns:
    """The rule's labels as patterns: `head(...)` finds one to three of them from the start of a line, each
    glued to the next or one space apart, ending at a seam that can be seen (how sure the seam is, is judged
    afterwards: `_seam`); `run(...)` matches what is only labels ("World News" after "Home" in "HomeWorld
    News").

    Hundreds of labels in eight languages make an alternation the `regex` module takes a tenth of a second
    to compile, and most texts' first lines start with no label at all. So `may_start` first asks whether a
    line starts as one of the labels does, and a line is then matched with a pattern of only the labels
    that occur in it: a label that is not in the line can take no part in a match there, so the matches are
    those of the whole alternation (the labels keep their order in it). That holds where case-folding and
    the pattern's case-insensitive matching agree on every letter of the line, which is so for ASCII and
    for characters without case; any other line is matched with every label.
    """

    def __init__(self, forms: tuple[tuple[str, str], ...], glued: str):
        self._forms = forms  # each label's form in the pattern and as _opening reads it, in alternation order
        self._glued = glued
        self._openings = frozenset(opening for _form, opening in forms)
        self._lengths = sorted({len(opening) for opening in self._openings})
        self._longest = max(self._lengths, default=0)

    def head(self, line: str) -> regex.Pattern:
        """The head pattern for `line`: with the labels that occur in it."""
        one = _alternation(self._forms_in(line))
        return _compiled(rf"[ \t]*({one}(?:[ \t]?{one}){{0,2}})(?={self._glued})")

    def run(self, rest: str) -> regex.Pattern:
        """The pattern of a run of labels only, for what follows a label on its line."""
        return _compiled(rf"(?:[ \t]?{_alternation(self._forms_in(rest))})+[ \t]*")

    def _forms_in(self, text: str) -> tuple[str, ...]:
        if not all(ch.isascii() or ch.lower() == ch.upper() == ch for ch in text):
            return tuple(form for form, _opening in self._forms)  # letters whose folding may differ: all labels
        read = _opening(text)
        return tuple(form for form, opening in self._forms if opening in read)

    def may_start(self, text: str, start: int, end: int) -> bool:
        """Whether the line [start, end) may start with a label: read as the labels' forms read (_opening),
        it starts with one of them. A line whose opening is not plain ASCII goes to the pattern itself:
        case-insensitive matching and case-folding agree on ASCII letters, not on every letter."""
        head = _opening(text[start:end].lstrip(" \t")[: 2 * self._longest])[: self._longest]
        return not head.isascii() or any(head[:n] in self._openings for n in self._lengths if n <= len(head))


def _alternation(forms: tuple[str, ...]) -> str:
    return "(?i:" + "|".join(forms) + ")" if forms else "(?!)"


def _compiled(source: str) -> regex.Pattern:
    return compiled(source)


def _opening(text: str) -> str:
    """`text` as the labels' forms read it: white space left out (a label's words are glued or one space
    apart), either apostrophe, case-folded."""
    return text.replace(" ", "").replace("\t", "").replace("’", "'").casefold()


def label_patterns(labels: tuple[str, ...]) -> Patterns:
    """The longest labels first, so that "World News" is taken whole before "World"."""
    forms = sorted({(_form(label), _opening(label)) for label in labels}, key=lambda f: (-len(f[0]), f))
    # a seam that can be seen: a capital after a small letter ("US NewsA"), a capitalised word after a capital
    # ("POLITICSThe", never "POLITICSWASHINGTON"), an opening quote, or a letter of another script
    glued = rf"(?<=\p{{Ll}})\p{{Lu}}|(?<!\p{{Ll}})\p{{Lu}}\p{{Ll}}|[{regex.escape(_QUOTES)}]|(?!\p{{Latin}})\p{{L}}"
    return Patterns(tuple(forms), glued)


def _form(label: str) -> str:
    """A label as a pattern: its words glued or one space apart, either apostrophe."""
    words = [regex.escape(w).replace("'", "['’]").replace("’", "['’]") for w in label.split()]
    return r"[ \t]?".join(words)


def find(
    doc: Document,
    patterns: Patterns,
    openers: frozenset[str],
    exceptions: frozenset[str],
    window: int,
    repeated_ok: bool,
) -> list[Label]:
    """The labels glued to the start of the first `window` lines of the document."""
    out = []
    text = doc.text
    counts: Counter[str] | None = None  # the body's words, counted once a label is found
    for index, line in enumerate(doc.head_lines(window)):
        if not patterns.may_start(text, line.start, line.end):
            continue
        m = patterns.head(text[line.start : line.end]).match(text, line.start, line.end)
        if m is None:
            continue
        start, seam = m.span(1)
        # "HomeWorld News": only labels
        run = patterns.run(text[seam : line.end]).fullmatch(text, seam, line.end) is not None
        held = "" if run else _seam(text, start, seam, line.end, openers)
        if held is False:
            continue
        last, first = _glued_words(text, start, seam)
        if last + first in exceptions:
            continue
        if counts is None:
            counts = Counter(_WORD.findall(text, doc.body_start))
        if repeated_ok and counts[last + first] > 1:
            continue
        if held and _stands_alone(text, doc.body_start, counts, last, first):
            held = ""
        if held and index > 0:
            continue  # below the first line, where the story may already have begun, only a certain seam
        out.append(Label(start, line.end if run else seam, held or None))
    return out


def _stands_alone(text: str, body_start: int, counts: Counter[str], last: str, first: str) -> bool:
    """Whether the headline's first word stands on its own elsewhere in the text, and never after the
    label's last word: a name the story goes on to use ("Google" after "MoneyGoogle"), not the tail of a
    brand (WorldCom's "Com" never stands alone, and a page that glues "LiveNation" prints "Live Nation")."""
    if counts[first] == 0:
        return False
    return (
        regex.search(rf"(?<!\p{{L}}){regex.escape(last)}\s+{regex.escape(first)}(?!\p{{L}})", text, pos=body_start)
        is None
    )


def _seam(text: str, start: int, seam: int, line_end: int, openers: frozenset[str]) -> str | bool:
    """How sure the seam at `seam` is: "" certain, UNSURE, or False when it is no seam at all."""
    label = text[start:seam]
    first = text[seam]
    if first in _QUOTES:
        nxt = text[seam + 1 : seam + 3].lstrip()
        return "" if nxt[:1].isupper() or nxt[:1].isdigit() else False  # "Opinion“We", not "World’s"
    if not _same_script(label[-1], first):
        return ""  # "AsiaНаши": a label in one script, the headline in another
    word = _WORD.match(text, seam, line_end).group()
    if not word[0].isupper():
        return False
    capitalised = len(word) > 1 and word[1:].islower()
    if label[-1].isupper() and not capitalised:
        return False  # "USAID", "POLITICSWASHINGTON": no seam can be seen between two capitals
    after = seam + len(word)
    if word in openers or (after < line_end and text[after] in "'’" and word + "’" in openers):
        return ""
    if len(word) > 1 and word.isupper():
        return "" if _CAPITALS_GO_ON.match(text, after, line_end) else UNSURE
    if not capitalised or _CAMEL.search(word):
        return False  # "SpaceX", "HomePod" with a capital inside: a name
    if _CAMEL.search(label):
        return False  # labels glued to each other and to a word ("TechNewsWorld"): the name of a site
    return "" if len(label.split()) > 1 else UNSURE  # a menu prints its two-word labels with their space


def _same_script(a: str, b: str) -> bool:
    """Whether two letters are written in the same script (Latin, Cyrillic, Greek, ...)."""
    return not b.isalpha() or _LATIN.match(a) is None or _LATIN.match(b) is not None


def _glued_words(text: str, start: int, seam: int) -> tuple[str, str]:
    """The label's last word and the headline's first word as the page glued them: ("World", "Com")."""
    before = _WORD.match(text[start:seam][::-1])
    after = _WORD.match(text, seam)
    return (before.group()[::-1] if before else ""), (after.group() if after else "")
