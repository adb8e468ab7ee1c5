"""Which sentences of two articles of a group say the same thing.

Sentences are compared by their content words (words.py), each weighted by how rare it is among the
sentences of the group (inverse document frequency): in a story about North Korean missiles nearly every
sentence has "missile" and "Russia", so sharing them says little, while "open field" or "attack drones"
pins down one statement. Each sentence is aligned with its best match in the other article when that match
reaches MIN_ALIGNMENT; a rewrite that merges two sentences into one is still aligned to one of them, and
compare.py looks at that sentence's neighbours for the rest.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ...document import Document
from .facts import COUNTED_NOUNS, UNITS, Fact, facts_in
from .words import STEM_LENGTH, content_words

MIN_ALIGNMENT = 0.35  # weighted overlap of two sentences that state the same thing (seeds: 0.36 to 0.69)
MIN_NEIGHBOUR = 0.1  # weighted overlap a neighbouring sentence needs to lend its facts to a comparison
MIN_SHARED_WORDS = 3  # content words two aligned sentences share at least, units aside
# Units of measure are part of the facts compared, not of what a sentence is about: "24 hours of battery
# life" and "12 hours of battery life" share "battery" and "life", not a subject that makes the hours one
# figure. Things counted (missiles, soldiers) are what the sentence is about, and stay.
UNIT_STEMS = frozenset(unit[:STEM_LENGTH] for unit in UNITS if unit.isalpha() and unit not in COUNTED_NOUNS)


@dataclass(frozen=True)
class Sentence:
    article: int  # index of the article in the input
    index: int  # position among the article's sentences
    start: int
    end: int
    words: frozenset[str]
    facts: tuple[Fact, ...]


def sentences_of(article: int, doc: Document) -> list[Sentence]:
    out = []
    for region in doc.sentences:
        text = doc.text[region.start : region.end]
        facts = tuple(facts_in(doc.text, region.start, region.end))
        out.append(Sentence(article, len(out), region.start, region.end, frozenset(content_words(text)), facts))
    return out


class Weights:
    """The inverse document frequency of each content word among the sentences of two articles: of the pair
    and not of the group, so that what aligns between two articles does not depend on who else is grouped."""

    def __init__(self, sentences: Sequence[Sentence]):
        counts = Counter(word for sentence in sentences for word in sentence.words)
        total = max(len(sentences), 1)
        self._idf = {word: math.log(total / count) + 0.1 for word, count in counts.items()}
        self._mass: dict[tuple[int, int], float] = {}

    def weight(self, word: str) -> float:
        return self._idf.get(word, 0.0)

    def mass(self, sentence: Sentence) -> float:
        """The summed weight of the sentence's words, worked out once per sentence."""
        key = (sentence.article, sentence.index)
        if key not in self._mass:
            self._mass[key] = sum(self.weight(w) for w in sentence.words)
        return self._mass[key]

    def overlap(self, a: Sentence, b: Sentence) -> float:
        """Weighted Dice coefficient of the two sentences' content words, 0 to 1."""
        if not a.words or not b.words:
            return 0.0
        total = self.mass(a) + self.mass(b)
        return 2 * sum(self.weight(w) for w in a.words & b.words) / total if total else 0.0


def aligned(weights: Weights, xs: Sequence[Sentence], ys: Sequence[Sentence]) -> Iterator[tuple[Sentence, Sentence]]:
    """Pairs (x, y): each sentence of either article with its best match in the other, if close enough."""
    seen: set[tuple[int, int]] = set()
    for sources, targets, flipped in ((xs, ys, False), (ys, xs, True)):
        for source in sources:
            best = _best_match(weights, source, targets)
            if best is None or shared_words(source, best) < MIN_SHARED_WORDS:
                continue
            if weights.overlap(source, best) < MIN_ALIGNMENT:
                continue
            pair = (best, source) if flipped else (source, best)
            if (pair[0].index, pair[1].index) not in seen:
                seen.add((pair[0].index, pair[1].index))
                yield pair


def _best_match(weights: Weights, source: Sentence, targets: Sequence[Sentence]) -> Sentence | None:
    """The target of highest overlap with `source` (the first of equals), among those sharing a word with
    it: the others overlap 0 and could never be aligned. Only those are scored, so two long articles cost
    what their shared words cost, not every sentence times every sentence."""
    best, best_score = None, -1.0
    for target in targets:
        if source.words.isdisjoint(target.words):
            continue
        score = weights.overlap(source, target)
        if score > best_score:
            best, best_score = target, score
    return best


def neighbourhood(
    weights: Weights, anchor: Sentence, partner: Sentence, partners: Sequence[Sentence]
) -> list[Sentence]:
    """`partner` and those of its neighbours that share something with `anchor`: where a rewrite that split
    or merged sentences put the rest of what `anchor` says."""
    around = [partners[i] for i in (partner.index - 1, partner.index + 1) if 0 <= i < len(partners)]
    return [partner, *(s for s in around if _related(weights, anchor, s))]


def _related(weights: Weights, anchor: Sentence, neighbour: Sentence) -> bool:
    """A neighbour shares enough with the anchor to speak of the same event: some weight, and as many
    content words as an aligned pair (one shared word, such as the unit "hours", is no common subject)."""
    return shared_words(anchor, neighbour) >= MIN_SHARED_WORDS and weights.overlap(anchor, neighbour) >= MIN_NEIGHBOUR


def shared_words(a: Sentence, b: Sentence) -> int:
    """The content words two sentences have in common, units not counted."""
    return len((a.words & b.words) - UNIT_STEMS)
