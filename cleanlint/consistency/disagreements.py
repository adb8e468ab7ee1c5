"""Cross-article consistency: the names, figures and dates that articles of one story disagree on.

The pipeline, each step in its own module: group the articles that report one story (grouping.py), align
the sentences of every two similar articles of a group (align.py), set the facts of aligned sentences
(facts.py) against each other, and report the facts that the other articles of the group contradict
(compare.py). Detection only: nothing is printed here, and the results are plain frozen values.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..document import Document
from .align import Sentence, Weights, aligned, neighbourhood, sentences_of
from .compare import ArticleFacts, Mention, contradicted, pair, slots
from .facts import Fact, Kind
from .grouping import DEFAULT_MIN_SIMILARITY, Group, group_articles
from .words import lowercase_words

CODES = {Kind.NAME: "C101", Kind.NUMBER: "C102", Kind.DATE: "C103"}


@dataclass(frozen=True)
class Version:
    """What one other article of the group gives instead, and where."""

    article: int  # index of the article in the input
    text: str
    start: int
    end: int
    line: int
    column: int


@dataclass(frozen=True)
class Disagreement:
    """A name, figure or date of one article that other articles of its group give otherwise."""

    code: str
    kind: Kind
    article: int  # index of the article in the input
    text: str
    start: int  # offsets into the article's text
    end: int
    line: int  # 1-based, of `start`
    column: int
    versions: tuple[Version, ...]  # sorted by article, then position
    group: int  # index of the group among `groups` of the same run


def find_disagreements(
    documents: Sequence[Document], min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> tuple[list[Group], list[Disagreement]]:
    """The groups of articles that report one story, and the disagreements within them, in input order."""
    groups = group_articles([doc.text[doc.body_start :] for doc in documents], min_similarity)
    found: list[Disagreement] = []
    for number, group in enumerate(groups):
        found.extend(_group_disagreements(documents, group, number))
    return groups, sorted(found, key=lambda d: (d.article, d.start, d.code))


def _group_disagreements(documents: Sequence[Document], group: Group, number: int) -> list[Disagreement]:
    sentences = {i: sentences_of(i, documents[i]) for i in group.members}
    facts = {i: _article_facts(documents[i], sentences[i]) for i in group.members}
    links: list[tuple[Mention, Mention]] = []
    for x, y, _ in group.links:
        weights = Weights([*sentences[x], *sentences[y]])  # of the pair: the rest of the group does not matter
        for a, b in aligned(weights, sentences[x], sentences[y]):
            links += _linked(x, y, a, neighbourhood(weights, a, b, sentences[y]), facts)
            links += _linked(y, x, b, neighbourhood(weights, b, a, sentences[x]), facts)
    seen: set[tuple[int, int]] = set()
    out = []
    for slot in slots(links):
        for (article, fact), versions in contradicted(slot, facts):
            if (article, fact.start) not in seen:
                seen.add((article, fact.start))
                out.append(_disagreement(documents, article, fact, versions, number))
    return out


def _article_facts(doc: Document, sentences: Sequence[Sentence]) -> ArticleFacts:
    return ArticleFacts((f for s in sentences for f in s.facts), lowercase_words(doc.text[doc.body_start :]))


def _linked(
    x: int, y: int, anchor: Sentence, partners: Sequence[Sentence], facts: dict[int, ArticleFacts]
) -> Iterator[tuple[Mention, Mention]]:
    """Links between the facts of `anchor` (article x) and those of its aligned partner and neighbours (y)."""
    agreeing, rival_pairs = pair(anchor.facts, [f for s in partners for f in s.facts], facts[x], facts[y])
    for a, b in agreeing + rival_pairs:
        yield (x, a), (y, b)


def _disagreement(
    documents: Sequence[Document], article: int, fact: Fact, versions: list[Mention], group: int
) -> Disagreement:
    doc = documents[article]
    line, column = doc.position(fact.start)
    given = []
    for other, version in sorted(set(versions), key=lambda m: (m[0], m[1].start)):
        other_doc = documents[other]
        text = other_doc.text[version.start : version.end]
        given.append(Version(other, text, version.start, version.end, *other_doc.position(version.start)))
    text = doc.text[fact.start : fact.end]
    return Disagreement(
        CODES[fact.kind], fact.kind, article, text, fact.start, fact.end, line, column, tuple(given), group
    )
