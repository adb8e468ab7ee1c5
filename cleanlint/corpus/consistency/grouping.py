"""Which articles report the same story: exact shingle overlap, found through an inverted index.

Each article is reduced to the pairs of consecutive content words (words.py) of its prose lines, lines of
at least PROSE_WORDS words: share bars, menus and "Click here to subscribe" are short lines that two pages
of one site have in common whatever their stories, while spun rewrites of one story keep pairs such as
"ballistic missiles" or "open field" in their sentences. Two articles are similar when the Jaccard index of
those sets reaches `min_similarity`; a group is a connected set of similar articles.

Why exact counts from an inverted index and not MinHash with LSH (datasketch): rewrites of one story share
few exact shingles, so the threshold sits near 0.035, where a MinHash estimate from 128 permutations has a
standard error of about 0.016, half the threshold itself, and LSH bands for so low a threshold pass almost
every pair. The inverted index gives exact intersections at the cost of its postings; a shingle found in more
than MAX_POSTINGS articles ("white house", "last year") is common to the corpus, not to a story, and is not
followed, which keeps the candidate pairs near linear in the corpus for thousands of articles. The Jaccard
index of each candidate pair is then computed exactly from the two sets.

Measured with these shingles: the five seed rewrites of one story have pairwise similarities 0.056 to 0.187.
Among the 90 aeb-dev benchmark articles, pairs of different stories reach at most 0.020 (two pages of one car
site), while the pairs that do report one story score 0.041 to 0.076 (Europa's water vapour, the feather
duvet, Assange, the plague in China) or 0.032 for a looser pair (Taylor Swift and her former label).
DEFAULT_MIN_SIMILARITY sits in that gap; --min-similarity moves it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from . import DEFAULT_MIN_SIMILARITY
from .components import connected
from .words import content_words, words

PROSE_WORDS = 10  # words a line needs for its shingles to count: shorter lines are mostly page furniture
MAX_POSTINGS = 200  # a shingle in more articles than this is not followed to candidate pairs
MIN_SHARED = 2  # rare shingles two articles must share to be compared at all


@dataclass(frozen=True)
class Group:
    """Articles (indices into the input) that report one story, with the similar pairs that joined them."""

    members: tuple[int, ...]
    links: tuple[tuple[int, int, float], ...]  # (i, j, similarity), i < j


def shingles(text: str) -> frozenset[str]:
    """The pairs of consecutive content words of the prose lines of `text`."""
    found: set[str] = set()
    for line in text.splitlines():
        if len(words(line)) < PROSE_WORDS:
            continue
        stems = content_words(line)
        found.update(f"{a} {b}" for a, b in pairwise(stems))
    return frozenset(found)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def similar_pairs(sets: Sequence[frozenset[str]], min_similarity: float) -> list[tuple[int, int, float]]:
    """Every pair (i, j, similarity), i < j, whose exact Jaccard index reaches `min_similarity`."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, shingle_set in enumerate(sets):
        for shingle in shingle_set:
            postings[shingle].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if 1 < len(holders) <= MAX_POSTINGS:
            shared.update(combinations(holders, 2))
    pairs = []
    for (i, j), count in shared.items():
        if count >= MIN_SHARED and (similarity := jaccard(sets[i], sets[j])) >= min_similarity:
            pairs.append((i, j, similarity))
    return sorted(pairs)


def group_articles(texts: Sequence[str], min_similarity: float = DEFAULT_MIN_SIMILARITY) -> list[Group]:
    """The groups of two or more articles, in the order of their first member."""
    pairs = similar_pairs([shingles(t) for t in texts], min_similarity)
    stories = [s for s in connected(range(len(texts)), ((i, j) for i, j, _ in pairs)) if len(s) > 1]
    story_of = {i: n for n, story in enumerate(stories) for i in story}
    links: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
    for pair in pairs:
        links[story_of[pair[0]]].append(pair)
    return [Group(tuple(story), tuple(links[n])) for n, story in enumerate(stories)]
