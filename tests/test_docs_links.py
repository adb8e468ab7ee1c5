"""Every relative link of the README and the docs reaches a file, and every #anchor a heading of it.

The reference is spread over several pages that link to each other; a section renamed or moved must not
leave a link that leads nowhere. Anchors are GitHub's, made from the headings as GitHub makes them.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from .conftest import ROOT
from .markdown import anchors, links, pages, slug


@pytest.mark.parametrize("path", pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_leads_somewhere(path: Path):
    text = path.read_text(encoding="utf-8")
    broken = []
    for line, target in links(text):
        file_part, _, anchor = target.partition("#")
        dest = (path.parent / unquote(file_part)).resolve() if file_part else path
        where = f"{path.relative_to(ROOT)}:{line}: {target}"
        if not dest.is_relative_to(ROOT) or not dest.exists():
            broken.append(f"{where}: no such file")
        elif anchor and (dest.suffix != ".md" or anchor not in anchors(dest.read_text(encoding="utf-8"))):
            broken.append(f"{where}: no heading with this anchor")
    assert not broken, "\n".join(broken)


def test_the_pages_have_links_to_check():
    every = [target for path in pages() for _, target in links(path.read_text(encoding="utf-8"))]
    assert any(t.startswith("docs/") for t in every)
    assert any("#" in t and not t.startswith("#") for t in every)


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Accepting findings: the baseline", "accepting-findings-the-baseline"),
        ("What `fix` guarantees", "what-fix-guarantees"),
        ("Proposing rules: `cleanlint mine`", "proposing-rules-cleanlint-mine"),
        ("Misspelt names and your own gazetteer", "misspelt-names-and-your-own-gazetteer"),
        ("Über `x_y` -- 2.0", "über-x_y----20"),
    ],
)
def test_anchors_are_made_as_github_makes_them(heading: str, anchor: str):
    assert slug(heading) == anchor


def test_a_repeated_heading_gets_a_numbered_anchor():
    assert anchors("## Language\n\n### `language`\n\n```\n# not a heading\n```\n") == {"language", "language-1"}
