"""What is known of the strings a part of a regular expression matches, and how parts combine.

literals.py reads a pattern into a tree of parts; this is the algebra it folds them with. A concatenation
joins what its parts must contain, an alternation keeps what every branch has one of, a repeat what each
repetition brings. All strings are case-folded, and a set of strings that would tell texts apart only
weakly (the empty string, a lone line break) is never used.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_STRINGS = 256  # a set of alternatives larger than this is not kept: "one of these" stops being cheap

Clause = frozenset[str]  # one of these strings is in every match


@dataclass(frozen=True)
class Facts:
    r"""What is known of the strings a part of a pattern matches, case-folded.

    `exact`: every string it can match, when they are few (None otherwise). `clauses`: sets of strings of
    which each match contains one string from every set, the most telling set first; () when nothing is
    known. "\bleave\s+a\s+reply\b" gives {"leave"} and {"reply"}: each word is in every match ("a" too,
    but every text with "leave" has an "a").
    """

    exact: frozenset[str] | None
    clauses: tuple[Clause, ...] = ()


ANYTHING = Facts(None)
EMPTY = Facts(frozenset({""}))
MAX_CLAUSES = 4


def usable(strings: frozenset[str] | None) -> Clause | None:
    """The set, if it can tell texts apart: not when it holds the empty string, or a lone line break,
    which every framed text has."""
    return strings if strings and "" not in strings and "\n" not in strings else None


def telling(clause: Clause) -> tuple[int, int]:
    """How telling a clause is: the longer its shortest string and the fewer its strings, the better."""
    return min(map(len, clause)), -len(clause)


def best_clauses(candidates: list[Clause | None]) -> tuple[Clause, ...]:
    """The telling candidates, best first; one implied by a better one is left out: a text that holds a
    string of {"the\\n", "a\\n"} holds one of {"the", "a"} as well, and scanning for those tells nothing."""
    ranked = sorted({c for c in candidates if c is not None and usable(c)}, key=sorted)  # a fixed order
    ranked.sort(key=telling, reverse=True)
    kept: list[Clause] = []
    for clause in ranked:
        if not any(implies(other, clause) for other in kept):
            kept.append(clause)
    return tuple(kept[:MAX_CLAUSES])


def implies(clause: Clause, other: Clause) -> bool:
    """Whether every text with a string of `clause` has one of `other`: each string of `clause` holds one."""
    return all(any(part in string for part in other) for string in clause)


def own_clause(facts: Facts) -> Clause | None:
    """The best single clause of a part: its exact strings when they tell, else its first clause."""
    return usable(facts.exact) or (facts.clauses[0] if facts.clauses else None)


def product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def sequence(items: list[Facts]) -> Facts:
    """A concatenation: runs of exactly known parts are joined ("see" " " "also"), and every run, and
    every clause of the other parts, must be in each match."""
    candidates: list[Clause | None] = []
    run: frozenset[str] = frozenset({""})
    whole: frozenset[str] | None = frozenset({""})
    for item in items:
        if item.exact is not None:
            candidates.extend(item.clauses)  # a look-around's, which does not join the run
            joined = product(run, item.exact)
            whole = product(whole, item.exact) if whole is not None else None
            if joined is None:  # too many strings: this run ends, and the next starts with this part
                candidates.append(run)
                joined = item.exact
            run = joined
        else:
            candidates.append(run)
            candidates.extend(item.clauses)
            run, whole = frozenset({""}), None
    candidates.append(run)
    return Facts(whole, best_clauses(candidates))


def alternation(branches: list[Facts]) -> Facts:
    exact: frozenset[str] | None = frozenset()
    either: frozenset[str] | None = frozenset()
    for branch in branches:
        exact = exact | branch.exact if exact is not None and branch.exact is not None else None
        own = own_clause(branch)
        either = either | own if either is not None and own is not None else None
    if exact is not None and len(exact) > MAX_STRINGS:
        exact = None
    if either is not None and len(either) > MAX_STRINGS * 16:
        either = None
    return Facts(exact, best_clauses([either]))


def repeat(item: Facts, low: int, high: int | None) -> Facts:
    if low == 0:
        optional = item.exact | {""} if item.exact is not None and high == 1 else None
        return Facts(optional)
    exact: frozenset[str] | None = None
    if item.exact is not None and low == high:
        exact = frozenset({""})
        for _ in range(low):
            exact = product(exact, item.exact) if exact is not None else None
    return Facts(exact, best_clauses([exact, usable(item.exact), *item.clauses]))
