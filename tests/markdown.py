"""Reading the project's markdown as GitHub renders it: its pages, their headings' anchors, their links.

The README is the tour and docs/ holds the reference, so the tests that hold the docs to the code read the
page where each thing is documented; these helpers find a page's sections and follow its links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .conftest import ROOT

DOCS = ROOT / "docs"

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_CODE_SPAN = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)\1(?!`)", re.S)  # within a paragraph
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")


def page(name: str) -> str:
    """The text of a page: "README.md" at the root, anything else under docs/."""
    return (ROOT / name if name == "README.md" else DOCS / name).read_text(encoding="utf-8")


def pages() -> list[Path]:
    """The README and every markdown page under docs/, generated rule pages included."""
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of the lines outside fenced code blocks."""
    fence = None
    for number, line in enumerate(text.splitlines(), 1):
        m = _FENCE.match(line.lstrip(" "))
        if fence is None and m:
            fence = m.group(1)
        elif fence is not None and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
            fence = None
        elif fence is None:
            yield number, line


def headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of each ATX heading outside code."""
    return [(len(m.group(1)), m.group(2)) for _, line in prose_lines(text) if (m := _HEADING.match(line))]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text as rendered, lower case, with punctuation and symbols other than
    `-` and `_` dropped and each space made a hyphen (github-slugger's rules)."""
    shown = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link shows its text
    return re.sub(r"[^\w\- ]", "", shown.strip().lower()).replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every anchor a page has; a repeated heading's anchor gets -1, -2, ... as on GitHub."""
    seen: dict[str, int] = {}
    out = set()
    for _, heading in headings(text):
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.add(base if count == 0 else f"{base}-{count}")
    return out


def links(text: str) -> Iterator[tuple[int, str]]:
    """(line number, target) of each inline link and image outside code, web addresses left out. A link's
    text may run over a line break."""
    prose = dict(prose_lines(text))
    lines = [prose.get(number, "") for number in range(1, len(text.splitlines()) + 1)]
    # a code span is blanked out, its line breaks kept, so that line numbers stay right
    bare = _CODE_SPAN.sub(lambda m: "\n" * m.group(0).count("\n"), "\n".join(lines))
    for m in _LINK.finditer(bare):
        target = m.group(1)
        if not re.match(r"[a-z][a-z0-9+.-]*:", target):
            yield bare.count("\n", 0, m.start()) + 1, target


def section(text: str, heading: str) -> str:
    """The text under the heading `heading` (as written, `#`s included) up to the next heading of its level or
    above; the heading must be there exactly once."""
    lines = text.split("\n")
    level = len(heading) - len(heading.lstrip("#"))
    starts = [i for i, line in enumerate(lines) if line.rstrip() == heading]
    assert len(starts) == 1, f"{heading!r} is not one heading of the page"
    body = []
    fence = False
    for line in lines[starts[0] + 1 :]:
        if _FENCE.match(line):
            fence = not fence
        m = None if fence else _HEADING.match(line)
        if m and len(m.group(1)) <= level:
            break
        body.append(line)
    return "\n".join(body)
