"""Rule pages: a markdown page for each rule, made from the rule itself, and an index of them.

`cleanlint rules --docs DIR` writes them for the rules in use, the defaults or a corpus's own. A rule's
YAML already says what it finds, why, what it sets and what its examples flag and leave; the page shows
that to a reader who does not read YAML, and cannot say anything else, since it is made from the rule.

Rendering is pure and deterministic: the same rules give the same bytes on any machine (no paths beyond a
file's name, no dates), so a project can keep the pages in its repository and a test can tell when they
are stale. Text from the rule is escaped where markdown would read it as markup, and example texts are
shown exactly: as they are in a code block when every character shows, else as a YAML double-quoted string
with escapes (a no-break space, a control character, a space at the end of a line).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..kinds import KINDS
from ..model import Category
from ..rule import Example, FixAction, Rule
from .examples import example_source

MARK = "<!-- Written by `cleanlint rules --docs` from the rule files: edit the rules, not this page. -->"
INDEX = "README.md"

_MARKUP = re.compile(r"([\\`*_\[\]<>|&~])")
_LINE_START = re.compile(r"^(#|[-+]\s|\d+[.)])")
_TITLES = {Category.BOILERPLATE: "Boilerplate", Category.ARTIFACT: "Artifacts", Category.LANGUAGE: "Language"}


def pages(rules: Sequence[Rule]) -> dict[str, str]:
    """File name -> text: `CODE.md` for each rule, and the index, README.md; in the index's order."""
    ordered = sorted(rules, key=_code_order)
    return {INDEX: index_page(ordered), **{f"{r.code}.md": rule_page(r) for r in ordered}}


def index_page(rules: Sequence[Rule]) -> str:
    out = [MARK, "", "# Rules", ""]
    count = f"{len(rules)} rule" + ("" if len(rules) == 1 else "s")
    out.append(f"The {count} in use, by code. Each page says what its rule finds and why, what it sets, and shows")
    out.append("its examples, which are also its tests.")
    for category in Category:
        of_category = sorted((r for r in rules if r.category is category), key=_code_order)
        if not of_category:
            continue
        out += ["", f"## {_TITLES.get(category, category.value)}", ""]
        out += ["| code | name | kind | fix | summary |", "| --- | --- | --- | --- | --- |"]
        for r in of_category:
            name = _code(r.name, in_table=True) + ("" if r.enabled else " (opt-in)")
            out.append(f"| [{r.code}]({r.code}.md) | {name} | {r.kind} | {_fix(r)} | {_inline(r.summary)} |")
    return "\n".join(out) + "\n"


def rule_page(rule: Rule) -> str:
    kind = KINDS[rule.kind]
    out = [MARK, "", f"# {rule.code} {_escape(rule.name)}", "", _paragraph(rule.summary), ""]
    out.append(f"- **Code:** {_code(rule.code)}")
    out.append(f"- **Name:** {_code(rule.name)}")
    out.append(f"- **Kind:** {_code(rule.kind)}: {_inline(_kind_summary(kind.doc, rule.kind))}")
    out.append(f"- **Category:** {rule.category.value}")
    out.append(f"- **Severity:** {rule.severity.value}")
    out.append(f"- **Fix:** {_fix(rule)}")
    out.append(f"- **Message:** {_code(rule.message)}")
    if rule.sources:
        out.append(f"- **Sources:** only documents from {', '.join(_code(s) for s in rule.sources)}")
    if not rule.enabled:
        out.append(
            f"- **Opt-in:** runs only when selected (`--extend-select {rule.code}`, or `extend-select` in the settings)"
        )
    if rule.origin:
        out.append(f"- **Defined in:** {_code(Path(rule.origin.rsplit(':', 1)[0]).name)}")
    if rule.why.strip():
        out += ["", "## Why", ""]
        out += _paragraphs(rule.why)
    out += _options(rule)
    if rule.examples:
        out += ["", "## Examples"]
        for number, example in enumerate(rule.examples, 1):
            out += _example(rule, number, example)
    out += ["", f"[All rules]({INDEX})"]
    return "\n".join(out) + "\n"


def _options(rule: Rule) -> list[str]:
    """The kind's options that the rule sets: each one that is required or differs from its default."""
    fields = []
    for f in dataclasses.fields(rule.options):
        default = _default(f)
        value = getattr(rule.options, f.name)
        if default is dataclasses.MISSING or value != default:
            fields.append((f, default, value))
    if not fields:
        return ["", "## Options", "", f"The rule keeps every default of the `{rule.kind}` kind's options."]
    sets = f"What the rule sets of the `{rule.kind}` kind's options; the others keep their defaults."
    out = ["", "## Options", "", sets, ""]
    out += ["| option | meaning | default |", "| --- | --- | --- |"]
    for f, default, _ in fields:
        if default is dataclasses.MISSING:
            shown = "required"
        else:
            shown = _code(json.dumps(_plain(default), ensure_ascii=False), in_table=True)
        meaning = " ".join(f.metadata.get("doc", "").split()).replace("|", "\\|")
        out.append(f"| {_code(f.name, in_table=True)} | {meaning} | {shown} |")
    values = {f.name: _plain(value) for f, _, value in fields}
    text = yaml.dump(values, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=1 << 30)
    return [*out, "", *_fenced(text, "yaml")]


def _example(rule: Rule, number: int, example: Example) -> list[str]:
    out = ["", f"### Example {number}" + (f": {_inline(example.note)}" if example.note.strip() else ""), ""]
    if example.source is not None or rule.sources:
        source = example_source(rule, example)
        read_as = f"a document from {_code(source)}" if source else "a document whose source is not known"
        out += [f"Read as {read_as}.", ""]
    out += ["Input:", "", *_text(example.input)]
    if example.findings is not None:
        if example.findings:
            out += ["", "Flags:", ""]
            out += [f"- {_code(_quoted(f))}" for f in example.findings]
        else:
            out += ["", "Flags nothing."]
    if example.output == example.input:
        out += ["", "Fixed: unchanged."]
    elif example.output is not None:
        out += ["", "Fixed:", "", *_text(example.output)]
    return out


def _text(text: str) -> list[str]:
    """An example's text, exactly: in a code block when every character shows, else as a quoted string."""
    shows = text.endswith("\n") and all(ch.isprintable() or ch == "\n" for ch in text)
    if shows and not any(line != line.rstrip() for line in text.split("\n")):
        return _fenced(text, "text")
    return _fenced(_quoted(text) + "\n", "yaml")


def _fenced(text: str, language: str) -> list[str]:
    """`text` (ending with a newline) in a fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + language, *text[:-1].split("\n"), fence]


def _quoted(text: str) -> str:
    """`text` as a YAML (and JSON-like) double-quoted string: escapes for what does not show on one line."""
    out = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch.isprintable():
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def _code(text: str, in_table: bool = False) -> str:
    """`text` as a code span, delimited by more backticks than it holds in a row; in a table a `|` is escaped,
    which GitHub then shows as it is."""
    text = " ".join(text.split("\n"))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") or text.endswith(" ") else ""
    span = f"{ticks}{pad}{text}{pad}{ticks}"
    return span.replace("|", "\\|") if in_table else span


def _escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def _inline(text: str) -> str:
    """Text from a rule on one line of markdown, shown as written."""
    return _escape(" ".join(text.split()))


def _paragraph(text: str) -> str:
    line = _inline(text)
    return _LINE_START.sub(lambda m: "\\" + m.group(1), line)


def _paragraphs(text: str) -> list[str]:
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        out += [_paragraph(block), ""]
    return out[:-1]


def _kind_summary(doc: str, name: str) -> str:
    """The first paragraph of a kind's docstring, without the kind's name in front of it."""
    first = " ".join(doc.strip().split("\n\n", 1)[0].split())
    return first.removeprefix(f"{name}: ")


def _fix(rule: Rule) -> str:
    if rule.fix.action is FixAction.NONE:
        return "report only"
    if rule.fix.safety.value == "safe":
        return f"{rule.fix.action.value}, safe"
    return f"{rule.fix.action.value}, unsafe (`--unsafe-fixes`)"


def _default(f: dataclasses.Field) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _plain(value: Any) -> Any:
    """The value as YAML and JSON write it: tuples as lists, inside mappings too."""
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _code_order(rule: Rule) -> tuple[str, int]:
    letters = rule.code.rstrip("0123456789")
    return letters, int(rule.code[len(letters) :])
