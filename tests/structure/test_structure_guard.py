"""Structure is content: no boilerplate, repetition, markup or glue rule removes or rewrites inside it."""

from __future__ import annotations

import pytest

from cleanlint.document import Document
from cleanlint.engine.fixer import fix_document

LEAD = "The league published its table after the final round of matches on Sunday.\n\n"
TAIL = "\nThe new season starts in August, the league said.\n"

TABLE = (
    "| Team | P | W | Pts |\n"
    "|---|---|---|---|\n"
    "| Riverside | 38 | 26 | 84 |\n"
    "| Millbrook | 38 | 24 | 79 |\n"
    "| Home | 38 | 20 | 66 |\n"
)
TRANSCRIPT = (
    "Q: Did you sign the contract on March 3?\n"
    "A: On the advice of my lawyer, I decline to answer that question.\n"
    "Q: Did you meet the buyer before that day?\n"
    "A: On the advice of my lawyer, I decline to answer that question.\n"
    "Q: Were you paid for the land in cash?\n"
    "A: On the advice of my lawyer, I decline to answer that question.\n"
    "Q: Who else was present at the meeting?\n"
    "A: On the advice of my lawyer, I decline to answer that question.\n"
)
CODE = (
    "```\n"
    "import React from 'react';\n"
    "class Banner extends React.Component {\n"
    "  render() { return <div className=\"banner\"><b>Sale</b>&nbsp;today</div>; }\n"
    "}\n"
    "```\n"
)
RECIPE = (
    "For the dough:\n"
    "200 g flour, sifted twice before you start\n"
    "2 eggs, beaten with a fork until smooth\n"
    "1 tsp salt, or a little more to taste\n"
    "For the filling:\n"
    "200 g flour, sifted twice before you start\n"
    "2 eggs, beaten with a fork until smooth\n"
    "1 tsp salt, or a little more to taste\n"
)


@pytest.mark.parametrize("region", [TABLE, TRANSCRIPT, CODE, RECIPE], ids=["table", "transcript", "code", "recipe"])
def test_fix_leaves_structured_regions_whole(default_engine, region: str):
    text = LEAD + region + TAIL
    doc = Document(text)
    inside = [f for f in default_engine.check(doc) if text.index(region) <= f.start < text.index(region) + len(region)]
    assert [f.code for f in inside if f.fix is not None] == []
    assert region in fix_document(default_engine, doc, unsafe=True).text


def test_the_same_furniture_outside_a_region_is_still_removed(default_engine):
    """The guard is the region, not the words: a share bar next to a table still goes."""
    text = LEAD + TABLE + "\nShare this article\n" + TAIL
    fixed = fix_document(default_engine, Document(text)).text
    assert "Share this article" not in fixed and TABLE in fixed
