"""markup: HTML and Markdown syntax left in article text, with the text it stood for.

An extractor that misses a tag or an entity leaves `<p>`, `&amp;` or `[the report](https://...)` in the
words that search and models read. Each form has one certain repair: an entity becomes its character, a tag
goes (or becomes a space where it separated two words), a link keeps its words. Only real syntax counts:
a tag must be a known HTML element name, an entity must decode to something, a link must have a URL, so
"x < y > z", "R&D" and "[sic]" are left alone; and a tag or entity that a sentence names ("the <br> tag",
"the `&nbsp;` entity") is talk about markup, not markup. Code samples are structured regions, out of
these rules' reach altogether (structure/guard.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from ..document import Document
from ..model import Edit, Evidence, Finding
from ..rule import Rule
from ..scan.gates import Gates
from ..scan.memo import compiled

Form = Literal["html-tag", "html-entity", "markdown-link", "markdown-image"]

# Elements an article's markup is made of; an unknown name in angle brackets is more likely text.
_ELEMENTS = (
    "a abbr article aside b blockquote br caption cite code dd div dl dt em figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr i iframe img li main nav ol p picture pre q s script section small source span strong "
    "style sub sup table tbody td th thead time tr u ul video"
)
_INLINE = frozenset(
    ("a", "abbr", "b", "cite", "code", "em", "i", "q", "s", "small", "span", "strong", "sub", "sup", "u")
)
_PATTERNS: dict[str, regex.Pattern] = {
    "html-tag": compiled(
        r"</?(" + "|".join(sorted(_ELEMENTS.split(), key=len, reverse=True)) + r")\b"
        r"(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*\s*/?>",
        regex.IGNORECASE,
    ),
    "html-entity": compiled(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"),
    "markdown-link": compiled(r"(?<!!)\[([^\[\]\n]{1,300})\]\((?:https?://|/|www\.|mailto:)[^()\s]*\)"),
    "markdown-image": compiled(r"!\[[^\[\]\n]{0,300}\]\((?:https?://|/|www\.)[^()\s]*\)"),
}


# Text about markup names the token as a thing: "the <br> tag", "a &nbsp; entity", "`<div>`". Left by an
# extractor, markup sits between the words it formatted and is never named so.
_NAMED_AFTER = compiled(
    r"[\"'”’`»)]?\s{1,2}(?:(?:HTML|html|opening|closing|empty)\s+)?"
    r"(?:tags?|elements?|entit(?:y|ies)|attributes?|characters?|codes?|markup|syntax|sequences?)\b"
)
_QUOTED = compiled(r"[\"'“‘`«]")


def _talks_about(text: str, start: int, end: int) -> bool:
    """Whether the token at [start, end) is named in a sentence rather than left in one."""
    if _NAMED_AFTER.match(text, end):
        return True
    closing = text[end : end + 1]
    return bool(closing) and closing in "\"'”’`»" and bool(_QUOTED.fullmatch(text, max(0, start - 1), start))


@dataclass(frozen=True)
class Options:
    form: Form = field(metadata={"doc": "which syntax: html-tag, html-entity, markdown-link or markdown-image"})


def _tag_edit(doc: Document, m: regex.Match) -> Edit:
    """Drop a tag; a block tag between two words becomes a space, so they are not glued together."""
    text, start, end = doc.text, m.start(), m.end()
    before, after = text[start - 1 : start], text[end : end + 1]
    glued = before.strip() not in ("", ">") and after.strip() not in ("", "<")
    if glued and m.group(1).lower() not in _INLINE:
        return Edit(start, end, " ")
    return Edit(*doc.removal(start, end), "")


def build(rule: Rule, gates: Gates):
    opts: Options = rule.options
    pattern = _PATTERNS[opts.form]
    gate = gates.gate(pattern.pattern)  # "<", "&", "](": most texts have none

    def edit_for(doc: Document, m: regex.Match) -> Edit | None:
        if opts.form == "html-tag":
            return _tag_edit(doc, m)
        if opts.form == "html-entity":
            import html  # here: most texts have no entity to decode

            decoded = html.unescape(m.group())
            return None if decoded == m.group() else Edit(m.start(), m.end(), decoded)
        if opts.form == "markdown-link":
            return Edit(m.start(), m.end(), m.group(1))
        return Edit(*doc.removal(m.start(), m.end()), "")

    def check(doc: Document) -> list[Finding]:
        if not gate.open(gates.present(doc)):
            return []
        out = []
        for m in pattern.finditer(doc.text, doc.body_start):
            if opts.form in ("html-tag", "html-entity") and _talks_about(doc.text, m.start(), m.end()):
                continue
            edit = edit_for(doc, m)
            if edit is not None:
                # the pattern is the markup itself: everything a removal takes is what it describes
                out.append(rule.finding(m.start(), m.end(), edit, [Evidence.SHAPE], match=m.group()))
        return out

    return check
