"""When two facts agree, when they are rival versions of one fact, and which facts the others contradict.

Facts are only ever set against each other inside aligned statements (align.py), and even there a pair of
different values becomes a disagreement only when nothing else explains the difference:

- values that agree are taken out first: a date without a year agrees with the same date with one, and a
  figure agrees with another it is the rounding of ("about 900" with 930, but 550 not with 560);
- two values that both articles state somewhere are two things both know of, not one thing in two versions;
- what is left must pair one to one with a value of the same sort: a date with the same day in another month
  or year ("March 30" against "December 30", never against "January 2": two dates of one month are as often
  two events), a quantity in the same unit and of the same size (within a factor of 2), a name that is a
  near-miss spelling and not an inflection (Zaporizhia/Zaporizhzhia, never Russia/Russian).

The pairs found between every two articles of a group join into slots (one slot: what the group says about
one thing). A value's support is the articles of the group that state it anywhere, and a fact is reported
when another value of its slot has at least as much support as its own: the odd one out, or every version
when no version has a majority.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz.distance import Indel

from .components import connected
from .facts import Date, Fact, Kind, Quantity
from .words import MONTHS

MAX_NUMBER_RATIO = 2.0  # rival figures are within this factor: "10 years" and "175 years" are two durations
MIN_NAME_LENGTH = 5  # letters of a name compared at all: shorter words differ by a letter too easily
MIN_NAME_SIMILARITY = 0.8  # Indel similarity of two spellings of one name (Zaphorizia/Zaporizhzhia: 0.82)
# Capitalised words that are no names: Tuesday and Thursday are near-miss spellings of each other.
NOT_NAMES = frozenset(MONTHS) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
# Endings of inflections and demonyms: with them taken off, Ukraine and Ukrainian are one stem.
_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "ns", "es", "is", "ic", "n", "s", "i", "e", "a")

Mention = tuple[int, Fact]  # (article, fact)


def agree(a: Fact, b: Fact) -> bool:
    """Whether two facts of one key say the same."""
    if isinstance(a.value, Date) and isinstance(b.value, Date):
        years = a.value.year is None or b.value.year is None or a.value.year == b.value.year
        return (a.value.month, a.value.day) == (b.value.month, b.value.day) and years
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        coarse = max(a.value.precision, b.value.precision)
        return round(a.value.amount / coarse) == round(b.value.amount / coarse)
    return isinstance(a.value, str) and isinstance(b.value, str) and a.value.lower() == b.value.lower()


def rivals(a: Fact, b: Fact) -> bool:
    """Whether two facts that do not agree look like two versions of one fact."""
    if a.key != b.key or agree(a, b):
        return False
    if isinstance(a.value, Date) and isinstance(b.value, Date):
        # the same day in another month or year: one date garbled; the same month is often another event
        return a.value.day == b.value.day
    if isinstance(a.value, str) and isinstance(b.value, str):
        return near_miss(a.value, b.value)
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):  # a slip of a figure, not another figure
        low, high = sorted((abs(a.value.amount), abs(b.value.amount)))
        return high <= MAX_NUMBER_RATIO * low
    return False


def near_miss(a: str, b: str) -> bool:
    """Two spellings of one name: close, same first letter, neither an inflection nor a prefix of the other."""
    a, b = a.lower(), b.lower()
    if min(len(a), len(b)) < MIN_NAME_LENGTH or a[0] != b[0]:
        return False
    stem_a, stem_b = _stem(a), _stem(b)
    if stem_a.startswith(stem_b) or stem_b.startswith(stem_a):
        return False
    return Indel.normalized_similarity(a, b) >= MIN_NAME_SIMILARITY


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


class ArticleFacts:
    """Every fact of one article by key, and its lower-case words, for "does it say this anywhere"."""

    def __init__(self, facts: Iterable[Fact], lowercase_words: Iterable[str]):
        self.by_key: dict[str, list[Fact]] = defaultdict(list)
        self._names: set[str] = set()  # a name agrees only with itself, in any case
        self._dates: dict[tuple[int, int], set[int | None]] = defaultdict(set)  # (month, day) -> years given
        for fact in facts:
            self.by_key[fact.key].append(fact)
            if isinstance(fact.value, str):
                self._names.add(fact.value.lower())
            elif isinstance(fact.value, Date):
                self._dates[fact.value.month, fact.value.day].add(fact.value.year)
        self.lowercase_words = frozenset(lowercase_words)

    def states(self, fact: Fact) -> bool:
        """Whether a fact of the article agrees with `fact`. Asked for every value of every slot about every
        article of a group, so names and dates are looked up rather than compared one by one."""
        if isinstance(fact.value, str):
            return fact.value.lower() in self._names
        if isinstance(fact.value, Date):
            years = self._dates.get((fact.value.month, fact.value.day))
            return bool(years) and (fact.value.year is None or None in years or fact.value.year in years)
        return any(agree(fact, other) for other in self.by_key.get(fact.key, ()))

    def first(self, fact: Fact) -> Fact:
        """The article's first fact that agrees with `fact` (which it states)."""
        return next(other for other in self.by_key[fact.key] if agree(fact, other))

    def usable(self, fact: Fact) -> bool:
        """A name is compared only if it is no common word: "Previously" is not, "Zaporizhia" may be."""
        if fact.kind is not Kind.NAME:
            return True
        word = str(fact.value).lower()
        return len(word) >= MIN_NAME_LENGTH and word not in NOT_NAMES and word not in self.lowercase_words


def pair(
    left: Sequence[Fact], right: Sequence[Fact], left_article: ArticleFacts, right_article: ArticleFacts
) -> tuple[list[tuple[Fact, Fact]], list[tuple[Fact, Fact]]]:
    """(agreeing pairs, rival pairs) between the facts of two aligned statements."""
    usable = [f for f in left if left_article.usable(f) and right_article.usable(f)]
    others = [f for f in right if left_article.usable(f) and right_article.usable(f)]
    agreeing = [(a, b) for a in usable for b in others if a.key == b.key and agree(a, b)]
    matched = {id(f) for pair_ in agreeing for f in pair_}
    open_left = [f for f in usable if id(f) not in matched]
    open_right = [f for f in others if id(f) not in matched]
    rival_pairs = []
    for a in open_left:
        candidates = [b for b in open_right if rivals(a, b)]
        if len(candidates) != 1 or [x for x in open_left if rivals(x, candidates[0])] != [a]:
            continue
        b = candidates[0]
        if not (left_article.states(b) and right_article.states(a)):  # both knowing both: two things, not one
            rival_pairs.append((a, b))
    return agreeing, rival_pairs


def slots(links: Sequence[tuple[Mention, Mention]]) -> list[list[Mention]]:
    """The connected sets of mentions joined by agreeing or rival links."""
    mentions: dict[tuple[int, int], Mention] = {}  # a mention by its article and place
    for a, b in links:
        for m in (a, b):
            mentions.setdefault((m[0], m[1].start), m)
    edges = (((a[0], a[1].start), (b[0], b[1].start)) for a, b in links)
    return [[mentions[key] for key in keys] for keys in connected(sorted(mentions), edges)]


def contradicted(
    slot: Sequence[Mention], articles: Mapping[int, ArticleFacts], rival_links: Iterable[tuple[Mention, Mention]] = ()
) -> list[tuple[Mention, list[Mention]]]:
    """Each mention of the slot that another value of the slot outvotes or ties, with where the articles
    that give those other values instead give them (in the slot if they do, else their first mention).

    Only values that were set against each other in aligned statements (`rival_links`, between mentions of
    this slot) count as rivals: a slot can join "$169.99" and "$164.99" through a rounded "$200" that agrees
    with both, which says nothing about whether the two precise figures are one fact."""
    values: list[Fact] = []  # one fact for each value of the slot
    for _, fact in slot:
        if not any(agree(fact, value) for value in values):
            values.append(fact)

    def value_of(fact: Fact) -> int:
        return next(i for i, value in enumerate(values) if agree(fact, value))

    faced = {frozenset((value_of(a[1]), value_of(b[1]))) for a, b in rival_links}
    support = [{a for a, facts in articles.items() if facts.states(value)} for value in values]
    out = []
    for article, fact in slot:
        mine = value_of(fact)
        own = support[mine]
        # a rival value counts where it is given by articles that do not also give this one: an article
        # that states both (a copy, or one that is inconsistent within itself) contradicts nothing
        rivals_ = {
            i: (value, support[i] - own)
            for i, value in enumerate(values)
            if i != mine and not agree(fact, value) and frozenset((mine, i)) in faced and support[i] - own
        }
        if not rivals_ or max(len(support[i]) for i in rivals_) < len(own):
            continue
        versions = []
        for value, givers in rivals_.values():
            for other in sorted(givers):
                given = [f for a, f in slot if a == other and agree(value, f)]
                versions.append((other, given[0] if given else articles[other].first(value)))
        out.append(((article, fact), versions))
    return out
