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
    but every text with "leave" has an "a"). `starts`: strings one of which every match starts with, when
    `exact` is not known (None: nothing known). "(?:Share|Follow)\s+\S+" starts with "share" or
    "follow", so "^(?:Share|Follow)\s+\S+" needs "\nshare" or "\nfollow", where its words alone are
    in most texts.
    """

    exact: frozenset[str] | None
    clauses: tuple[Clause, ...] = ()
    starts: frozenset[str] | None = None


ANYTHING = Facts(None)
_NOTHING = frozenset({""})
EMPTY = Facts(_NOTHING)
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


def leads(facts: Facts) -> frozenset[str] | None:
    """Strings one of which every match of a part starts with: its exact strings, or its `starts`."""
    return facts.exact if facts.exact is not None else facts.starts


def shortened(strings: frozenset[str], limit: int) -> frozenset[str] | None:
    """At most `limit` strings, one of which starts each of `strings`: all of them cut to one length, the
    longest that leaves few enough; None when even their first characters are too many, or one is empty."""
    if "" in strings:
        return None
    if len(strings) <= limit:
        return strings
    best, low, high = None, 1, max(map(len, strings)) - 1  # cut shorter, fewer strings: search the length
    while low <= high:
        length = (low + high) // 2
        cut = frozenset(s[:length] for s in strings)
        if len(cut) <= limit:
            best, low = cut, length + 1
        else:
            high = length - 1
    return best


def _after(run: frozenset[str], starts: frozenset[str] | None) -> frozenset[str] | None:
    """The strings of `run` each followed by a start of the next part, cut short to stay few; None when
    nothing is known of that part's start."""
    if starts is None or not run:
        return None
    room = shortened(starts, MAX_STRINGS // len(run))
    return product(run, room) if room is not None else None


def sequence(items: list[Facts]) -> Facts:
    """A concatenation: runs of exactly known parts are joined ("see" " " "also"), and every run, and
    every clause of the other parts, must be in each match."""
    candidates: list[Clause | None] = []
    run: frozenset[str] = frozenset({""})
    whole: frozenset[str] | None = frozenset({""})
    lead: frozenset[str] | None = None  # what every match starts with, once the exact parts give out
    for item in items:
        if item.exact is not None:
            candidates.extend(item.clauses)  # a look-around's, which does not join the run
            joined = product(run, item.exact)
            if whole is not None and (longer := product(whole, item.exact)) is None:
                lead = whole  # too many strings: the match starts with those so far
            whole = longer if whole is not None else None
            if joined is None:  # too many strings: this run ends, and the next starts with this part
                candidates.append(run)
                joined = item.exact
            run = joined
        else:
            if whole is not None:  # the exact parts so far, then how this one starts
                lead = _after(whole, item.starts) or whole
            candidates.append(run)
            if run != _NOTHING:  # the run, then how the part starts ("\nshare")
                candidates.append(_after(run, item.starts))
            candidates.extend(item.clauses)
            run, whole = frozenset({""}), None
    candidates.append(run)
    starts = lead if whole is None and lead is not None and "" not in lead else None
    return Facts(whole, best_clauses(candidates), starts)


def alternation(branches: list[Facts]) -> Facts:
    exact: frozenset[str] | None = frozenset()
    either: frozenset[str] | None = frozenset()
    starts: frozenset[str] | None = frozenset()
    for branch in branches:
        exact = exact | branch.exact if exact is not None and branch.exact is not None else None
        own = own_clause(branch)
        either = either | own if either is not None and own is not None else None
        lead = leads(branch)
        starts = starts | lead if starts is not None and lead is not None else None
    if exact is not None and len(exact) > MAX_STRINGS:
        exact = None
    if either is not None and len(either) > MAX_STRINGS * 16:
        either = None
    starts = shortened(starts, MAX_STRINGS) if starts is not None and exact is None else None
    return Facts(exact, best_clauses([either]), starts)


def repeat(item: Facts, low: int, high: int | None) -> Facts:
    if low == 0:
        optional = item.exact | {""} if item.exact is not None and high == 1 else None
        return Facts(optional)
    exact: frozenset[str] | None = None
    if item.exact is not None and low == high:
        exact = frozenset({""})
        for _ in range(low):
            exact = product(exact, item.exact) if exact is not None else None
    # a match starts with a match of the part: its first repetition
    starts = None if exact is not None else leads(item)
    return Facts(exact, best_clauses([exact, usable(item.exact), *item.clauses]), starts)
