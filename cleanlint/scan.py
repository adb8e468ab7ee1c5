"""One pass over a text for the literals of every rule: which of them it contains, and so which patterns can
match it at all.

Running each of a rule set's hundreds of patterns over every article costs a pass per pattern, and most
never match. Instead each pattern is reduced to literals it cannot match without (literals.py), all of
them go into one multi-pattern matcher, and a text is scanned once; a pattern runs only when one of its
literals is present. The matcher is Hyperscan when its Python package is installed (`cleanlint[hyperscan]`,
which has wheels for Linux and macOS) and an Aho-Corasick automaton (pyahocorasick) otherwise: both give
the same answer, Hyperscan in a fraction of the time.

The text is case-folded and framed by a newline on each side, so that a pattern's `^` and `$` (the engine
compiles patterns with MULTILINE) can be read as newlines: `^By\\s` needs "\\nby", a far rarer string
than "by", and `\\(AP\\)$` needs "(ap)\\n". A `$` also matches where a search is told to end; the
engine's searches end only at the end of a line or of the text, where the framed text has a newline.
Spaces and tabs at the end of a line are left out, so that `[ \\t]*$` needs nothing but the newline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .literals import BLANKS_AT_LINE_END, required_literals

BACKENDS = ("hyperscan", "aho-corasick")
_SHORT = 2  # literals this short are looked for with `in`: in an automaton they would fire at every turn


def fold(text: str) -> str:
    """The text as literals are compared with it: case-folded, framed by newlines, without spaces or tabs
    at the end of a line (so that `Getty[ \t]*$` can need "getty\n"). The dotless ı folds to itself, yet
    the regex module's IGNORECASE lets it match I: it is read as i."""
    folded = text.casefold()
    if "ı" in folded:
        folded = folded.replace("ı", "i")
    folded = f"\n{folded}\n"
    if " \n" in folded or "\t\n" in folded:
        folded = BLANKS_AT_LINE_END.sub("", folded)
    return folded


def best_backend() -> str:
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return "aho-corasick"
    return "hyperscan"


class _HyperscanMatcher:
    """Hyperscan's literal matcher, reporting each literal once. The binding passes C strings, so a
    literal with a NUL character in it is looked for with `in`."""

    def __init__(self, literals: list[str]):
        import hyperscan

        self._with_nul = [lit for lit in literals if "\0" in lit]
        self._literals = [lit for lit in literals if "\0" not in lit]
        self._database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self._database.compile(
            expressions=[lit.encode("utf-8") for lit in self._literals],
            ids=list(range(len(self._literals))),
            elements=len(self._literals),
            flags=hyperscan.HS_FLAG_SINGLEMATCH,
            literal=True,
        )
        self._scratch = hyperscan.Scratch(self._database)

    def __call__(self, folded: str) -> set[str]:
        found = {lit for lit in self._with_nul if lit in folded}

        def on_match(index: int, _start: int, _end: int, _flags: int, _context: object) -> None:
            found.add(self._literals[index])

        self._database.scan(folded.encode("utf-8"), match_event_handler=on_match, scratch=self._scratch)
        return found


class _AhoCorasickMatcher:
    """An automaton for the longer literals; the short ones ("(", "-", "by") would fire at every turn in
    it, and `in` finds each of them faster than the automaton reports its hits."""

    def __init__(self, literals: list[str]):
        import ahocorasick

        self._short = [lit for lit in literals if len(lit) <= _SHORT]
        self._automaton = ahocorasick.Automaton()
        for lit in literals:
            if len(lit) > _SHORT:
                self._automaton.add_word(lit, lit)
        if len(self._automaton):
            self._automaton.make_automaton()

    def __call__(self, folded: str) -> set[str]:
        found = {lit for lit in self._short if lit in folded}
        if len(self._automaton):
            found.update(lit for _end, lit in self._automaton.iter(folded))
        return found


_GATE_CLAUSES = 2  # a third word of a phrase rarely rules out a text the first two did not


@dataclass(frozen=True)
class Gate:
    """Whether a pattern can match a text: when each of its clauses has a string present in it. With no
    clause (nothing is known of the pattern), always."""

    clauses: tuple[frozenset[str], ...]

    def open(self, present: frozenset[str] | set[str]) -> bool:
        return all(not clause.isdisjoint(present) for clause in self.clauses)


class Gates:
    """The literals of every check's patterns, gathered while the checks are built, then scanned for once
    per document. `backend` chooses the matcher (one of BACKENDS); by default the fastest installed."""

    def __init__(self, backend: str | None = None):
        if backend not in (None, *BACKENDS):
            raise ValueError(f"unknown literal scanner {backend!r}: choose one of {', '.join(BACKENDS)}")
        self.backend = backend or best_backend()
        self._literals: set[str] = set()
        self._matcher: Callable[[str], set[str]] | None = None

    def gate(self, pattern: str) -> Gate:
        """The gate of one regular expression, compiled with MULTILINE as the engine compiles them."""
        clauses = required_literals(pattern, multiline=True)[:_GATE_CLAUSES]
        literals = frozenset().union(*clauses)
        if self._matcher is not None and not literals <= self._literals:
            raise RuntimeError("a gate was added after the first scan")
        self._literals |= literals
        return Gate(clauses)

    def present(self, doc) -> frozenset[str]:
        """The literals in `doc`'s text; scanned once per document and kept on it."""
        found = doc.memo.get(self)
        if found is None:
            found = doc.memo[self] = frozenset(self.scan(doc.text))
        return found

    def compile(self) -> Callable[[str], set[str]]:
        """The matcher of every literal gathered so far, built on first use; no gate can be added after."""
        if self._matcher is None:
            ordered = sorted(self._literals)
            matchers = {"hyperscan": _HyperscanMatcher, "aho-corasick": _AhoCorasickMatcher}
            self._matcher = matchers[self.backend](ordered) if ordered else (lambda _folded: set())
        return self._matcher

    def scan(self, text: str) -> set[str]:
        return self.compile()(fold(text))
