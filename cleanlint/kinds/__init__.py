"""The fixed set of check kinds a YAML rule can choose, one module each; what they share is in support/.
A kind is a typed options dataclass plus a function that turns a validated Rule into a check."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..document import Document
from ..model import Finding
from ..rule import FixAction, Rule
from ..scan.gates import Gates
from . import block, encoding, fragment, glue, language, markup, names, phrase, repetition, substitution, thread

# Keeping the set small and closed is what lets rule files stay data: a rule picks a kind and fills in its
# options, and the loader can reject anything the kind does not understand before a single document is read.
Check = Callable[[Document], Iterable[Finding]]


@dataclass(frozen=True)
class Kind:
    name: str
    options: type
    build: Callable[[Rule, Gates], Check]  # the gates gather the literals its patterns need
    fix_actions: frozenset[FixAction]
    problems: Callable[[object], list[tuple[str, str]]]  # option combinations that cannot work
    doc: str
    # option combinations under which a removal could rest on the rule's wording alone (evidence.py): such a
    # rule may report, or offer an unsafe fix, but not call its removal safe
    wording_only: Callable[[object], list[tuple[str, str]]] = lambda _options: []


def _kind(module, actions: set[FixAction]) -> Kind:
    name = module.__name__.rsplit(".", 1)[-1]
    problems = getattr(module, "problems", lambda _options: [])
    fix_actions = frozenset(actions | {FixAction.NONE})
    wording_only = getattr(module, "wording_only", lambda _options: [])
    return Kind(name, module.Options, module.build, fix_actions, problems, module.__doc__ or "", wording_only)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        _kind(phrase, {FixAction.REMOVE}),
        _kind(block, {FixAction.REMOVE}),
        _kind(thread, {FixAction.REMOVE}),
        _kind(substitution, {FixAction.REPLACE}),
        _kind(repetition, {FixAction.REMOVE}),
        _kind(glue, {FixAction.REPLACE, FixAction.REMOVE}),
        _kind(fragment, set()),
        _kind(names, {FixAction.REPLACE}),
        _kind(markup, {FixAction.REPLACE}),
        _kind(encoding, {FixAction.REPLACE}),
        _kind(language, set()),
    )
}
