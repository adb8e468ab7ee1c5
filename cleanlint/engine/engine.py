"""Runs compiled rules over documents. Pure: a Document in, findings out, nothing printed or written.

Rules are built into checks once, when the first document needs them (never, in a run whose documents all
come from the findings cache), and reused for every document of a run; that purity is what lets the same
engine serve a pre-commit hook, a worker process and a test alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..document import Document
from ..model import Finding
from ..sources.provenance import matches, source_names
from ..structure.guard import outside_structure, structure_shy

if TYPE_CHECKING:
    from ..rule import Rule
    from ..ruleset.cache import PreparedStore

Check = Callable[[Document], list[Finding]]  # what a kind builds from a rule


@dataclass(frozen=True)
class Selection:
    """Which codes run: `select` and `ignore` hold codes or prefixes ("B", "B1", "B101").

    With no `select`, every enabled rule runs. An opt-in rule (`enabled: false`) runs only when a
    `select` or `extend` entry names it, by its code or a prefix of it; `extend` adds rules to what
    `select` (or the default set) runs, the way a linter's extra rules are turned on. `ignore` wins.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend: tuple[str, ...] = ()

    def allows(self, code: str, enabled: bool = True) -> bool:
        if any(code.startswith(p) for p in self.ignore):
            return False
        if any(code.startswith(p) for p in self.extend):
            return True
        if self.select:
            return any(code.startswith(p) for p in self.select)
        return enabled


class RulesStopped(Exception):
    """Rules whose patterns ran out of time on a document (kinds/support/patterns.py); `findings` are the others'."""

    def __init__(self, codes: tuple[str, ...], findings: list[Finding]):
        super().__init__(f"rule {', '.join(codes)} took too long on this text and was stopped")
        self.codes = codes
        self.findings = findings


class Engine:
    def __init__(
        self,
        rules: Sequence[Rule] | Callable[[], Sequence[Rule]],
        selection: Selection = Selection(),
        fingerprint: str = "",
        store: PreparedStore | None = None,
        codes: Callable[[], Sequence[str] | None] | None = None,
    ):
        """`rules`, or a function that gives them when they are first needed: a run whose documents all come
        from the findings cache then never reads the cached rules, nor imports the kinds they are made of."""
        # what the findings depend on besides the text (rules, code, selection, names), for the findings
        # cache; empty when the engine was built without a cache
        self.fingerprint = fingerprint
        self._rules = rules
        self._selection = selection
        self._built: list[tuple[Rule, Check]] | None = None  # each rule's check, built when first needed
        self._store = store  # where the literal scan's preparation is kept between runs, if anywhere
        self._codes = codes  # a function that may give the rules' codes without reading the rules

    @cached_property
    def rule_codes(self) -> tuple[str, ...]:
        """The code of every rule loaded, whatever the selection: what a selection may name."""
        codes = self._codes() if self._codes is not None else None
        return tuple(codes) if codes is not None else tuple(r.code for r in self.loaded_rules)

    @cached_property
    def loaded_rules(self) -> tuple[Rule, ...]:
        """Every rule loaded, whatever the selection."""
        return tuple(self._rules() if callable(self._rules) else self._rules)

    @cached_property
    def rules(self) -> list[Rule]:
        """The rules that run."""
        return [r for r in self.loaded_rules if self._selection.allows(r.code, r.enabled)]

    @cached_property
    def known_rules(self) -> list[Rule]:
        """What `rules`, `rule` and `test-rules` show: opt-in rules too, so they can be found and tested."""
        return [r for r in self.loaded_rules if self._selection.allows(r.code, True)]

    @property
    def _checks(self) -> list[tuple[Rule, Check]]:
        """The rules' checks, built once, on first use: a run whose documents all come from the findings
        cache never compiles a pattern."""
        if self._built is None:
            if self._store is not None:
                self._store.load_memo()  # first: importing the kinds compiles patterns too
            from ..kinds import KINDS  # here, with the scanner: see __init__
            from ..scan.gates import Gates

            gates = Gates(prepared=self._store.load() if self._store else None)  # the fastest scanner installed
            self._built = [(rule, KINDS[rule.kind].build(rule, gates)) for rule in self.rules]
            gates.compile()
            if self._store is not None and (prepared := gates.prepared()) is not None:
                self._store.save(prepared)
        return self._built

    def prepare(self) -> None:
        """Build every check and the literal scanner now, rather than for the first document, and load what a
        check loads on first need (a check with `preload`, such as the language identifier's tables): worker
        processes forked afterwards then share them instead of each building and loading its own."""
        for _rule, check in self._checks:
            if (preload := getattr(check, "preload", None)) is not None:
                preload()

    def remember(self) -> None:
        """Keep what this run worked out from the patterns (memo.py) for the next one, if it added to it; a
        run that checked nothing has nothing to add."""
        if self._store is not None and self._built is not None:
            self._store.save_memo()

    def check(self, doc: Document, skip: Iterable[str] = ()) -> list[Finding]:
        """All findings in `doc`, in text order; `skip` holds codes or prefixes to leave out here.

        A rule with `sources` runs only on documents known by one of them (front matter or folder). A rule
        stopped by its time limit does not stop the others: RulesStopped carries their findings.
        """
        skip = tuple(skip)
        out: list[Finding] = []
        stopped: list[str] = []
        names: tuple[str, ...] | None = None
        for rule, check in self._checks:
            if skip and rule.code.startswith(skip):
                continue
            if rule.sources:
                names = source_names(doc) if names is None else names
                if not matches(rule.sources, names):
                    continue
            try:
                found = check(doc)
            except TimeoutError:
                stopped.append(rule.code)
                continue
            out.extend(outside_structure(doc, found) if structure_shy(rule) else found)
        from .evidence import judged  # here, as the kinds are: a run answered from the cache needs neither
        from .overlaps import one_per_span

        out = one_per_span(judged(doc, out))
        if stopped:
            raise RulesStopped(tuple(stopped), out)
        return out
