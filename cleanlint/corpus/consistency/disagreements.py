"""Cross-article consistency: the names, figures and dates that articles of one story disagree on.

The pipeline, each step in its own module: group the articles that report one story (grouping.py), align
the sentences of every two similar articles of a group (align.py), set the facts of aligned sentences
(facts.py) against each other, and report the facts that the other articles of the group contradict
(compare.py). Detection only: nothing is printed here, and the results are plain frozen values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...document import Document
from .align import Sentence, Weights, aligned, neighbourhood, sentences_of
from .compare import ArticleFacts, Mention, contradicted, pair, slots
from .facts import Fact, Kind
from .grouping import DEFAULT_MIN_SIMILARITY, Group, group_articles
from .words import lowercase_words

CODES = {Kind.NAME: "C101", Kind.NUMBER: "C102", Kind.DATE: "C103"}
MAX_PARTNERS = 8  # most similar articles each article is compared with


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
    """The groups of articles that report one story, and the disagreements within them, in input order.

    Articles with the same text (a wire story on five sites, a file kept twice) are compared once, as one
    witness: copies would otherwise outvote the articles written on their own, and a group of many copies
    would cost a comparison for every two of them. What is found in one copy is reported in each.
    """
    bodies = [doc.text[doc.body_start :] for doc in documents]
    first_with: dict[str, int] = {}
    original = [first_with.setdefault(body, i) for i, body in enumerate(bodies)]
    distinct = sorted(first_with.values())
    copies: dict[int, list[int]] = defaultdict(list)
    for i, first in enumerate(original):
        copies[first].append(i)
    stories: list[Group] = []  # of distinct texts, in input indices
    for group in group_articles([bodies[i] for i in distinct], min_similarity):
        links = tuple((distinct[i], distinct[j], similarity) for i, j, similarity in group.links)
        stories.append(Group(tuple(distinct[i] for i in group.members), links))
    grouped = {m for story in stories for m in story.members}
    stories += [Group((first,), ()) for first in distinct if len(copies[first]) > 1 and first not in grouped]
    stories.sort(key=lambda story: story.members[0])
    found: list[Disagreement] = []
    for number, story in enumerate(stories):
        for d in _group_disagreements(documents, Group(story.members, _strongest(story.links)), number):
            found.extend(_in_copy(documents, d, copy) for copy in copies[d.article])
    groups = [Group(tuple(sorted(c for m in s.members for c in copies[m])), s.links) for s in stories]
    return groups, sorted(found, key=lambda d: (d.article, d.start, d.code))


def _strongest(links: Sequence[tuple[int, int, float]]) -> tuple[tuple[int, int, float], ...]:
    """The links of each article to its MAX_PARTNERS most similar others: a story told by hundreds of
    articles is compared in a number of pairs that grows with the articles, not with their square."""
    ranked: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for i, j, similarity in links:
        ranked[i].append((similarity, i, j))
        ranked[j].append((similarity, i, j))
    kept = {(i, j) for own in ranked.values() for _, i, j in sorted(own, reverse=True)[:MAX_PARTNERS]}
    return tuple(link for link in links if (link[0], link[1]) in kept)


def _in_copy(documents: Sequence[Document], d: Disagreement, copy: int) -> Disagreement:
    """The disagreement as it stands in a copy of its article: the same text after other front matter."""
    if copy == d.article:
        return d
    doc = documents[copy]
    start = d.start - documents[d.article].body_start + doc.body_start
    line, column = doc.position(start)
    return replace(d, article=copy, start=start, end=start + d.end - d.start, line=line, column=column)


def _group_disagreements(documents: Sequence[Document], group: Group, number: int) -> list[Disagreement]:
    sentences = {i: sentences_of(i, documents[i]) for i in group.members}
    facts = {i: _article_facts(documents[i], sentences[i]) for i in group.members}
    links: list[tuple[Mention, Mention]] = []
    rival_links: list[tuple[Mention, Mention]] = []
    for x, y, _ in group.links:
        weights = Weights([*sentences[x], *sentences[y]])  # of the pair: the rest of the group does not matter
        for a, b in aligned(weights, sentences[x], sentences[y]):
            for anchor, partners, one, other in ((a, b, x, y), (b, a, y, x)):
                near = neighbourhood(weights, anchor, partners, sentences[other])
                agreeing, rivals = _linked(one, other, anchor, near, facts)
                links += agreeing + rivals
                rival_links += rivals
    grouped = slots(links)
    slot_of = {(article, fact.start): n for n, slot in enumerate(grouped) for article, fact in slot}
    faced: dict[int, list[tuple[Mention, Mention]]] = defaultdict(list)  # the rival links of each slot
    for a, b in rival_links:
        faced[slot_of[a[0], a[1].start]].append((a, b))
    seen: set[tuple[int, int]] = set()
    out = []
    for n, slot in enumerate(grouped):
        for (article, fact), versions in contradicted(slot, facts, faced[n]):
            if (article, fact.start) not in seen:
                seen.add((article, fact.start))
                out.append(_disagreement(documents, article, fact, versions, number))
    return out


def _article_facts(doc: Document, sentences: Sequence[Sentence]) -> ArticleFacts:
    return ArticleFacts((f for s in sentences for f in s.facts), lowercase_words(doc.text[doc.body_start :]))


def _linked(
    x: int, y: int, anchor: Sentence, partners: Sequence[Sentence], facts: dict[int, ArticleFacts]
) -> tuple[list[tuple[Mention, Mention]], list[tuple[Mention, Mention]]]:
    """(agreeing, rival) links between the facts of `anchor` (article x) and those of its aligned partner
    and neighbours (article y)."""
    agreeing, rival_pairs = pair(anchor.facts, [f for s in partners for f in s.facts], facts[x], facts[y])
    return [((x, a), (y, b)) for a, b in agreeing], [((x, a), (y, b)) for a, b in rival_pairs]


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
