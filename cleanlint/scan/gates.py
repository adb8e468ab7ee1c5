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
from operator import itemgetter

from .literals import BLANKS_AT_LINE_END, phrase_literals, required_literals

BACKENDS = ("hyperscan", "aho-corasick")


def _by_search(literal: str) -> bool:
    """Whether the Aho-Corasick matcher looks for `literal` with `in` rather than in its automaton: a single
    character (a search for one character is a memchr), or two letters or digits ("by", "de"), which an
    automaton would report at every turn of the text. Other pairs ("<a", ")\n", ",[") are rare in prose,
    and a failing search for one costs a slow pass over the text."""
    return len(literal) == 1 or (len(literal) == 2 and literal.isalnum())


def fold(text: str) -> str:
    """The text as literals are compared with it: case-folded, framed by newlines, without spaces or tabs
    at the end of a line (so that `Getty[ \\t]*$` can need "getty\\n"). The Turkish i's are read as i
    (`same_i`)."""
    folded = f"\n{same_i(text.casefold())}\n"
    if " \n" in folded or "\t\n" in folded:
        folded = BLANKS_AT_LINE_END.sub("", folded)
    return folded


def same_i(folded: str) -> str:
    """A case-folded text or literal with the Turkish i's read as i: the dotless ı folds to itself and the
    dotted İ to i and a combining dot, yet the regex module's IGNORECASE matches I to ı and İ to i. Text and
    literals both read this way, a literal of a pattern is found in every text the pattern matches."""
    if "ı" in folded:
        folded = folded.replace("ı", "i")
    if "i\u0307" in folded:
        folded = folded.replace("i\u0307", "i")
    return folded


def holds_phrase(folded: str, words: tuple[str, ...]) -> bool:
    """Whether a folded text holds the words of a phrase in a row, any white space (a line break too)
    between each two: from each place the first word is found, each next word after white space."""
    first, size = words[0], len(folded)
    at = folded.find(first)
    while at != -1:
        end = at + len(first)
        for word in words[1:]:
            gap = end
            while gap < size and folded[gap].isspace():
                gap += 1
            if gap == end or not folded.startswith(word, gap):
                break
            end = gap + len(word)
        else:
            return True
        at = folded.find(first, at + 1)
    return False


def best_backend() -> str:
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return "aho-corasick"
    return "hyperscan"


class _HyperscanMatcher:
    """Hyperscan's literal matcher, reporting each literal once. The binding passes C strings, so a
    literal with a NUL character in it is looked for with `in`."""

    def __init__(self, literals: list[str], saved: bytes | None = None):
        import hyperscan

        self._with_nul = [lit for lit in literals if "\0" in lit]
        self._literals = [lit for lit in literals if "\0" not in lit]
        self._database = None
        if saved is not None:  # compiled by an earlier run for these very literals
            try:
                self._database = hyperscan.loadb(saved, hyperscan.HS_MODE_BLOCK)
            except hyperscan.error:  # another version of Hyperscan, or another processor
                self._database = None
        self.loaded = self._database is not None
        if self._database is None:
            self._database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            self._database.compile(
                expressions=[lit.encode("utf-8") for lit in self._literals],
                ids=list(range(len(self._literals))),
                elements=len(self._literals),
                flags=hyperscan.HS_FLAG_SINGLEMATCH,
                literal=True,
            )
        self._scratch = hyperscan.Scratch(self._database)

    def saved(self) -> bytes:
        import hyperscan

        return hyperscan.dumpb(self._database)

    def __call__(self, folded: str) -> set[str]:
        found = {lit for lit in self._with_nul if lit in folded}

        def on_match(index: int, _start: int, _end: int, _flags: int, _context: object) -> None:
            found.add(self._literals[index])

        self._database.scan(folded.encode("utf-8"), match_event_handler=on_match, scratch=self._scratch)
        return found


_second = itemgetter(1)  # the literal of an automaton's (end, literal) hit, taken in C


class _AhoCorasickMatcher:
    """An automaton for the literals but the shortest; those ("(", "-", "by") would fire at every turn in it,
    and `in` finds each of them faster than the automaton reports its hits."""

    def __init__(self, literals: list[str]):
        import ahocorasick

        self._short = []
        self._automaton = ahocorasick.Automaton()
        for lit in literals:
            if _by_search(lit):
                self._short.append(lit)
            else:
                self._automaton.add_word(lit, lit)
        if len(self._automaton):
            self._automaton.make_automaton()

    def __call__(self, folded: str) -> set[str]:
        found = {lit for lit in self._short if lit in folded}
        if len(self._automaton):
            found.update(map(_second, self._automaton.iter(folded)))
        return found


_GATE_CLAUSES = 2  # a third word of a phrase rarely rules out a text the first two did not


@dataclass(frozen=True)
class Gate:
    """Whether a pattern can match a text: when each of its clauses has a string present in it. With no
    clause (nothing is known of the pattern), always."""

    clauses: tuple[frozenset[str], ...]

    def open(self, present: frozenset[str] | set[str]) -> bool:
        return all(not clause.isdisjoint(present) for clause in self.clauses)


@dataclass(frozen=True)
class Prepared:
    """What building the gates worked out, kept beside the cached rules (ruleset/cache.py) so that the next run
    need not work it out again: a hook checking one file would otherwise spend more time reading every
    pattern for its literals and compiling the scanner than checking the file."""

    clauses: dict[str, tuple[frozenset[str], ...]]  # each pattern's gate
    backend: str
    literals: tuple[str, ...]  # in the order the saved scanner was compiled with
    scanner: bytes | None  # a compiled Hyperscan database; None for other scanners


class Gates:
    """The literals of every check's patterns, gathered while the checks are built, then scanned for once
    per document. `backend` chooses the matcher (one of BACKENDS); by default the fastest installed.
    `prepared` is what an earlier run with the same rules worked out (see `prepared()`)."""

    def __init__(self, backend: str | None = None, prepared: Prepared | None = None):
        if backend not in (None, *BACKENDS):
            raise ValueError(f"unknown literal scanner {backend!r}: choose one of {', '.join(BACKENDS)}")
        self.backend = backend or best_backend()
        self._literals: set[str] = set()
        self._matcher: Callable[[str], set[str]] | None = None
        self._given = prepared
        self._clauses: dict[str, tuple[frozenset[str], ...]] = dict(prepared.clauses) if prepared else {}
        self._learned = False  # whether this run worked out anything `prepared` did not hold
        # the alternatives of every gated alternation, by a literal of the first clause of their gate: one
        # look-up per literal a document holds tells every alternation which of its alternatives it opens
        self._alternations = 0  # how many have registered: each is known by its number
        self._by_literal: dict[str, list[tuple[int, int]]] = {}
        self._further: dict[tuple[int, int], tuple[frozenset[str], ...]] = {}  # the other clauses of a gate
        self._phrases: dict[tuple[int, int], tuple[str, ...]] = {}  # an alternative that is a phrase: its words

    def gate(self, pattern: str, phrase: str | None = None) -> Gate:
        """The gate of one regular expression, compiled with MULTILINE as the engine compiles them. For a
        literal phrase's pattern (patterns.phrase_to_regex), `phrase` itself: its words are what reading the
        pattern would find, and a list of a thousand phrases is not read character by character."""
        clauses = self._clauses.get(pattern)
        if clauses is None:
            found = phrase_literals(phrase) if phrase is not None else required_literals(pattern, multiline=True)
            clauses = tuple(frozenset(map(same_i, clause)) for clause in found[:_GATE_CLAUSES])
            self._clauses[pattern] = clauses
            self._learned = True
        literals = frozenset().union(*clauses)
        if self._matcher is not None and not literals <= self._literals:
            raise RuntimeError("a gate was added after the first scan")
        self._literals |= literals
        return Gate(clauses)

    def alternatives(self, gates: tuple[Gate, ...], phrases: dict[int, str] | None = None) -> int:
        """Registers the gates of one alternation's alternatives; `opened` then answers for them by the number
        returned. An alternative without a clause is not registered: it is always open. `phrases` holds the
        alternatives that are literal phrases (patterns.phrase_to_regex), by their index: such a one opens
        only for a text that has its words in a row, whatever white space is between them."""
        owner, self._alternations = self._alternations, self._alternations + 1
        for i, gate in enumerate(gates):
            for literal in gate.clauses[0] if gate.clauses else ():
                self._by_literal.setdefault(literal, []).append((owner, i))
            if len(gate.clauses) > 1:
                self._further[(owner, i)] = gate.clauses[1:]
            if phrases and i in phrases and gate.clauses:
                self._phrases[(owner, i)] = tuple(fold(phrases[i]).split())
        return owner

    def opened(self, doc) -> dict[int, list[int]]:
        """For each registered alternation with an alternative whose gate `doc` opens: those alternatives, in
        order. Worked out once per document for all of them, from the literals it holds."""
        key = (self, "opened")
        found = doc.memo.get(key)
        if found is None:
            present = self.present(doc)
            folded = doc.memo.pop((self, "folded"), None)  # a long text need not be held twice
            by_literal, further, phrases = self._by_literal, self._further, self._phrases
            hits = set().union(*[by_literal[literal] for literal in present if literal in by_literal])
            found = {}
            for owner, i in hits:
                rest = further.get((owner, i))
                if rest is not None and any(map(present.isdisjoint, rest)):
                    continue
                words = phrases.get((owner, i))
                if words is not None:
                    folded = folded if folded is not None else fold(doc.text)
                    if not holds_phrase(folded, words):
                        continue
                found.setdefault(owner, []).append(i)
            for chosen in found.values():
                chosen.sort()
            doc.memo[key] = found
        return found

    def present(self, doc) -> frozenset[str]:
        """The literals in `doc`'s text; scanned once per document and kept on it."""
        found = doc.memo.get(self)
        if found is None:
            folded = fold(doc.text)
            found = doc.memo[self] = frozenset(self.compile()(folded))
            doc.memo[(self, "folded")] = folded  # for the phrases `opened` looks for, which lets it go
        return found

    def compile(self) -> Callable[[str], set[str]]:
        """The matcher of every literal gathered so far, built on first use; no gate can be added after."""
        if self._matcher is None:
            ordered = sorted(self._literals)
            if not ordered:
                self._matcher = lambda _folded: set()
            elif self.backend == "hyperscan":
                given = self._given
                fits = given is not None and given.backend == self.backend and given.literals == tuple(ordered)
                matcher = _HyperscanMatcher(ordered, given.scanner if fits and given else None)
                self._matcher, self._learned = matcher, self._learned or not matcher.loaded
            else:
                self._matcher = _AhoCorasickMatcher(ordered)
        return self._matcher

    def prepared(self) -> Prepared | None:
        """What this run worked out, for the next; None when it learnt nothing new."""
        if not self._learned:
            return None
        matcher = self.compile()
        saved = matcher.saved() if isinstance(matcher, _HyperscanMatcher) else None
        return Prepared(dict(self._clauses), self.backend, tuple(sorted(self._literals)), saved)

    def scan(self, text: str) -> set[str]:
        return self.compile()(fold(text))
