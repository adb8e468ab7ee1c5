"""substitution: known wrong phrases, each with the phrase it should be.

Mistranslations and spun phrases come from a finite vocabulary ("Middle School of Journalism" for Medill,
"in point" for "in question"), so they are data: a swap map. `unless` names contexts where the phrase is
right after all ("a case in point"). The suggestion is the fix; most packs mark it unsafe, because a
swap that is right in one article can be wrong in another.

Many spun phrases are made of ordinary words ("malignant growth" for cancer, "environmental change" for
climate change): alone, each is something a reporter may write. Such a phrase is a `weak_swaps` entry and
needs evidence beyond itself. A spinner rewrites a whole text, so one sure sign is corroboration: the
document also holds a phrase of `swaps` (nonsense in any article), or a weak phrase inside one of the
`collocations` (the ordinary words standing in a technical compound, "lung malignant growth"), or at least
`corroboration` weak phrases that mean different things. A weak phrase inside a collocation is itself
sure. One weak phrase in an otherwise clean article is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..model import Edit, Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled
from .support.gated import gated_alternation
from .support.patterns import compile_alternation

_SPACE = compiled(r"\s+")


@dataclass(frozen=True)
class Options:
    swaps: dict[str, str] = field(metadata={"doc": "wrong phrase -> suggested phrase"})
    ignore_case: bool = True
    unless: tuple[str, ...] = field(
        default=(), metadata={"regex": True, "doc": "leave a match alone when one of these overlaps it"}
    )
    weak_swaps: dict[str, str] = field(
        default_factory=dict,
        metadata={"doc": "wrong phrases of ordinary words -> suggested phrase; reported only with corroboration"},
    )
    collocations: tuple[str, ...] = field(
        default=(),
        metadata={"regex": True, "doc": "a weak phrase inside a match of one of these is sure on its own"},
    )
    corroboration: int = field(
        default=3,
        metadata={"doc": "weak phrases of different meanings that corroborate each other without a sure sign"},
    )


def problems(options: Options) -> list[tuple[str, str]]:
    out = []
    if not options.swaps:
        out.append(("swaps", "a substitution rule needs at least one swap"))
    both = {_key(k) for k in options.swaps} & {_key(k) for k in options.weak_swaps}
    if both:
        out.append(("weak_swaps", f"{sorted(both)[0]!r} is also in swaps"))
    if options.collocations and not options.weak_swaps:
        out.append(("collocations", "collocations corroborate weak_swaps, and there are none"))
    if options.corroboration < 2:
        out.append(("corroboration", "must be 2 or more: one weak phrase alone is no evidence"))
    blank = [k for k in (*options.swaps, *options.weak_swaps) if not _key(k)]
    if blank:  # a phrase of white space alone would match every space of every text
        out.append(("swaps", f"{blank[0]!r} is only white space"))
    return out


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _match_case(suggestion: str, found: str) -> str:
    """Capitalise the suggestion when the wrong phrase was capitalised (start of a sentence)."""
    if found[:1].isupper() and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def _longest_first(keys: dict[str, str]) -> tuple[str, ...]:
    """The phrases of `keys` (phrase -> its key), longer first, so that where two start at one place the longer
    one is found: "bosom malignant growth" (breast cancer) and not "bosom malignant" followed by a stray
    "growth"."""
    return tuple(sorted(keys, key=lambda p: -len(keys[p])))


def build(rule: Rule, gates: Gates):
    opts: Options = rule.options
    keys = {phrase: _key(phrase) for phrase in (*opts.swaps, *opts.weak_swaps)}  # each phrase's key, once
    alternation = gated_alternation(gates, (), _longest_first(keys), opts.ignore_case)
    suggestions = {keys[wrong]: right for wrong, right in opts.swaps.items()}
    weak = {keys[wrong]: right for wrong, right in opts.weak_swaps.items()}
    unless = compile_alternation(opts.unless, ignore_case=True)
    collocations = gated_alternation(gates, opts.collocations, (), ignore_case=True) if opts.collocations else None

    def collocated(doc: Document, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """The weak matches that lie inside a collocation."""
        pattern = collocations.for_document(doc) if collocations is not None else None
        if pattern is None:
            return set()
        around = [(m.start(), m.end()) for m in pattern.finditer(doc.text, doc.body_start)]
        return {(s, e) for s, e in spans if any(a <= s and e <= b for a, b in around)}

    def check(doc: Document) -> list[Finding]:
        pattern = alternation.for_document(doc)
        if pattern is None:
            return []
        matches = list(pattern.finditer(doc.text, doc.body_start))
        if matches and unless is not None:  # the contexts that excuse a match, looked for once there is one
            excluded = [(m.start(), m.end()) for m in unless.finditer(doc.text, doc.body_start)]
            matches = [m for m in matches if not any(s < m.end() and m.start() < e for s, e in excluded)]
        weak_spans = [(m.start(), m.end()) for m in matches if _key(m.group()) in weak]
        sure = collocated(doc, weak_spans) if weak_spans else set()
        corroborated = bool(sure) or len(matches) > len(weak_spans)
        if not corroborated:
            corroborated = len({weak[_key(m.group())].casefold() for m in matches}) >= opts.corroboration
        out = []
        for m in matches:
            key = _key(m.group())
            if key in weak and not (corroborated or (m.start(), m.end()) in sure):
                continue
            suggestion = _match_case(suggestions.get(key) or weak[key], m.group())
            edit = Edit(m.start(), m.end(), suggestion)
            out.append(rule.finding(m.start(), m.end(), edit, match=m.group(), suggestion=suggestion))
        return out

    return check
