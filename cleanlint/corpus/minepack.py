"""Writing mined candidates as a YAML rule pack that loads as is and whose examples pass.

A proposed rule must match the real text, and only whole lines (or paragraphs) of it: it lists the text as a
`phrases` entry (any white space matches) with `max_words` set to the text's own length, so a longer line of
reporting that contains the words is left alone; when the spellings differ in their numbers ("Posted 3 hours
ago"), it is a pattern anchored at both ends of the line instead. Examples are cut from the corpus, and
their findings and output come from running the rule itself, so `cleanlint test-rules` passes on the pack
by construction; a candidate whose rule would not flag its own text is left out rather than written wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

import regex
import yaml

from ..document import Document, word_count
from ..engine.engine import Engine
from ..engine.fixer import fix_document
from ..kinds import phrase
from ..model import Category, Severity
from ..rule import Example, FixAction, FixSpec, Rule
from ..ruleset.examples import example_document
from .mine import WINDOW_SLACK, Candidate, MineResult

EXAMPLE_WORDS = 40  # a neighbouring line quoted in an example is cut to its first sentence beyond this
_SPLIT = regex.compile(r"(\s+|\d+)")
_META = frozenset("\\.^$*+?{}[]|()")


@dataclass(frozen=True)
class Naming:
    """How proposed rules are called: codes `prefix` + a number from `start`; codes and names not `taken`."""

    prefix: str = "M"
    start: int = 101
    taken: frozenset[str] = frozenset()  # codes and names of the rules in use


def naming_for(rules: Iterable[Rule], prefix: str = "M", start: int | None = None) -> Naming:
    """Codes that follow the highest `prefix` code among `rules` (or start at `start`), so none collides."""
    rules = list(rules)
    numbers = [int(n) for r in rules if r.code.startswith(prefix) and (n := r.code[len(prefix) :]).isdigit()]
    first = start if start is not None else max([100, *numbers]) + 1
    return Naming(prefix, first, frozenset(r.code for r in rules) | frozenset(r.name for r in rules))


@dataclass(frozen=True)
class Proposal:
    rule: Rule
    candidate: Candidate


def anchored_pattern(text: str) -> str:
    r"""A regex for the whole line `text` in which any run of digits matches any other and white space any."""
    parts = []
    for token in _SPLIT.split(text):
        if token.isspace():
            parts.append(r"\s+")
        elif token.isdigit():
            parts.append(r"\d+")
        else:
            parts.append("".join("\\" + ch if ch in _META else ch for ch in token))
    return r"^\s*" + "".join(parts) + r"\s*$"


def propose(result: MineResult, naming: Naming = Naming()) -> tuple[list[Proposal], list[str]]:
    """A rule for each candidate, and a note for each candidate left out.

    Raises ValueError when the codes would need more than four digits.
    """
    proposals, notes = [], []
    taken = set(naming.taken)
    others = [name for name, _ in result.sources if name is not None]
    number = naming.start
    for c in result.candidates:
        while f"{naming.prefix}{number}" in taken:
            number += 1
        if number > 9999:
            raise ValueError(f"proposed codes would run past {naming.prefix}9999; choose a lower --start-code")
        code = f"{naming.prefix}{number}"
        name = _unique(_name(c) or code.lower(), code, taken)
        rule = _rule(c, code, name, ())
        if not all(_flags_exactly(rule, text) for text in (c.sample.text, *c.texts)):
            notes.append(f"left out {c.texts[0][:60]!r}: a rule for it would not match every spelling")
            continue
        taken.update((code, name))
        other = next((o for o in others if o not in c.sources), "")
        proposals.append(Proposal(_rule(c, code, name, _examples(rule, c, other)), c))
    return proposals, notes


def _options(c: Candidate) -> phrase.Options:
    first = c.texts[0]
    position = {} if c.position == "anywhere" else {"position": c.position, "window": c.window}
    if not _numbers_vary(c):  # one text, perhaps in different capitals
        return phrase.Options(
            phrases=(first,), ignore_case=len(set(c.texts)) > 1, scope=c.unit, max_words=word_count(first), **position
        )
    ignore_case = len({regex.sub(r"\d+", "0", t) for t in c.texts}) > 1
    return phrase.Options(patterns=(anchored_pattern(first),), ignore_case=ignore_case, scope=c.unit, **position)


def _numbers_vary(c: Candidate) -> bool:
    """Spellings of one candidate share a counting key, so beyond capitals they can differ only in numbers."""
    return len({t.casefold() for t in c.texts}) > 1


def _where(c: Candidate) -> str:
    return ", ".join(c.sources) if len(c.sources) <= 2 else f"{len(c.sources)} sources"


def _seen(c: Candidate) -> str:
    return f"{c.docs} of {c.total} documents" + (f" from {_where(c)}" if c.sources else "") + f" ({c.share:.0%})"


def _rule(c: Candidate, code: str, name: str, examples: tuple[Example, ...]) -> Rule:
    seen = _seen(c)
    if len(c.texts) == 1:
        how = "word for word"
    else:
        how = "with its numbers varying" if _numbers_vary(c) else "in capitals and small letters alike"
    return Rule(
        code=code,
        name=name,
        kind="phrase",
        category=Category.BOILERPLATE,
        severity=Severity.WARNING,
        message=f"recurring {c.unit}" + (f" from {_where(c)}" if c.sources else ""),
        summary=f"{c.unit.capitalize()} {_clip(c.texts[0], 60)!r}, in {seen}",
        why=(
            f"Proposed by `cleanlint mine`: it occurs {how} in {seen}{_where_it_stands(c)}. Text that a"
            " site prints under many of its articles is page furniture, not reporting; make sure this one is"
            " before keeping the rule."
        ),
        fix=FixSpec(FixAction.REMOVE),
        options=_options(c),
        examples=examples,
        sources=c.sources,
    )


def _where_it_stands(c: Candidate) -> str:
    lines = c.window - WINDOW_SLACK
    if lines == 1:
        return {"head": ", always the first line", "tail": ", always the last line"}.get(
            c.position, ", always the first or the last line" if c.position == "edge" else ""
        )
    return {
        "head": f", always among the first {lines} lines",
        "tail": f", always among the last {lines} lines",
        "edge": f", always within {lines} lines of the top or the bottom",
    }.get(c.position, "")


def _examples(rule: Rule, c: Candidate, other_source: str) -> tuple[Example, ...]:
    s = c.sample
    neighbour = ""
    if s.after and (c.position == "head" or not s.before):
        neighbour = _shorten(s.after)
        text = s.text + ("\n\n" if s.gap_after else "\n") + neighbour + "\n"
    elif s.before:
        neighbour = _shorten(s.before)
        text = neighbour + ("\n\n" if s.gap_before else "\n") + s.text + "\n"
    else:
        text = s.text + "\n"
    doc = example_document(rule, text, Example(text))
    engine = Engine([rule])
    found = tuple(doc.text[f.start : f.end] for f in engine.check(doc))
    output = fix_document(engine, doc, unsafe=True, max_removal=1.0).text
    out = [Example(text, found, output, f"from {s.path}:{s.line}")]
    if c.sources:
        note = f"the same text from {other_source}" if other_source else "the same text where no source is known"
        out.append(Example(text, (), None, note + ", which the rule is not for", other_source))
    elif neighbour:
        out.append(Example(neighbour + "\n", (), None, "the article text beside it"))
    return tuple(out)


def _flags_exactly(rule: Rule, text: str) -> bool:
    doc = example_document(rule, text + "\n", Example(text))
    return [doc.text[f.start : f.end] for f in Engine([rule]).check(doc)] == [text]


def _shorten(line: str) -> str:
    """A neighbouring line for an example: whole when short, else its first sentence (or words) only."""
    if word_count(line) <= EXAMPLE_WORDS:
        return line
    doc = Document(line)
    first = doc.text[doc.sentences[0].start : doc.sentences[0].end] if doc.sentences else line
    if word_count(first) <= EXAMPLE_WORDS:
        return first
    return " ".join(first.split()[:EXAMPLE_WORDS]) + " …"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _slug(text: str, words: int) -> str:
    return "-".join(regex.findall(r"[a-z0-9]+", text.lower())[:words])


def _name(c: Candidate) -> str:
    parts = [_slug(c.sources[0], 4)] if len(c.sources) == 1 else []
    parts.append(_slug(c.texts[0], 5))
    return "-".join(p for p in parts if p)[:60].strip("-")


def _unique(name: str, code: str, taken: Iterable[str]) -> str:
    taken = set(taken)
    if name not in taken:
        return name
    name = f"{name}-{code.lower()}"
    n = 2
    while name in taken:
        name, n = f"{name.rsplit('-', 1)[0]}-{n}", n + 1
    return name


def render(result: MineResult, proposals: list[Proposal]) -> str:
    """The pack as YAML text: a header saying where it came from, shared defaults, then each rule."""
    counts = ", ".join(f"{name or 'no source named'}: {n}" for name, n in result.sources[:10])
    counts += f" and {len(result.sources) - 10} more sources" if len(result.sources) > 10 else ""
    out = [
        f"# Rules proposed by `cleanlint mine` from {result.documents} documents ({counts or 'none'}).",
        "# Each one is a line or paragraph that recurs across the documents of a source. Review them: delete what",
        "# is not boilerplate, then put this file in a rule folder or pass it with --rules.",
        "# `cleanlint test-rules --no-default-rules --rules FILE` runs their examples.",
        "pack: mined",
        "description: Lines and paragraphs that recur across the documents of a source, found by cleanlint mine",
        "defaults:",
        "  kind: phrase",
        "  category: boilerplate",
        "  fix: {action: remove, safety: safe}",
        "rules:" if proposals else "rules: []",
    ]
    for p in proposals:
        out.extend(_render_rule(p))
    return "\n".join(out) + "\n"


def _render_rule(p: Proposal) -> list[str]:
    r, c, o = p.rule, p.candidate, p.rule.options
    more = f" and {c.docs - len(c.paths)} more" if c.docs > len(c.paths) else ""
    lines = [f"  # {_seen(c)}{_where_it_stands(c)}", f"  # in {', '.join(c.paths)}{more}"]
    if len(c.texts) > 1:
        lines.append(f"  # spellings: {', '.join(map(repr, c.texts[:3]))}{' and more' if len(c.texts) > 3 else ''}")
    lines += [f"  - code: {r.code}", f"    name: {_plain(r.name)}"]
    for key in ("summary", "why", "message"):
        lines.append(f"    {key}: {_quoted(getattr(r, key))}")
    if r.sources:
        lines.append(f"    sources: [{', '.join(map(_quoted, r.sources))}]")
    if o.phrases:
        lines.append(f"    phrases: [{', '.join(map(_quoted, o.phrases))}]")
    if o.patterns:
        lines.append(f"    patterns: [{', '.join(map(_single_quoted, o.patterns))}]")
    if o.ignore_case:
        lines.append("    ignore_case: true")
    lines.append(f"    scope: {o.scope}")
    if o.max_words:
        lines.append(f"    max_words: {o.max_words}")
    if o.position != "anywhere":
        lines += [f"    position: {o.position}", f"    window: {o.window}"]
    lines.append("    examples:")
    for ex in r.examples:
        lines.append(f"      - note: {_quoted(ex.note)}")
        if ex.source is not None:
            lines.append(f"        source: {_quoted(ex.source)}")
        lines.append(f"        input: {_quoted(ex.input)}")
        lines.append(f"        findings: [{', '.join(map(_quoted, ex.findings or ()))}]")
        if ex.output is not None:
            lines.append(f"        output: {_quoted(ex.output)}")
    return lines


def _plain(text: str) -> str:
    """`text` unquoted when YAML reads it back as that text (not `no`, `null` or `2024`), else quoted."""
    return text if yaml.safe_load(text) == text else _quoted(text)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar; characters that do not print are escaped, so nothing hides in the file."""
    out = json.dumps(text, ensure_ascii=False)
    return "".join(
        ch if ch.isprintable() or ch == " " else (f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        for ch in out
    )


def _single_quoted(text: str) -> str:
    """A YAML single-quoted scalar, which keeps a regex's backslashes readable; else double-quoted."""
    return "'" + text.replace("'", "''") + "'" if text.isprintable() else _quoted(text)
