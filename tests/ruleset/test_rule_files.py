"""Lints the default rule packs as data: what every rule must carry to be documented and tested."""

from __future__ import annotations

import pytest

from cleanlint.model import Category
from cleanlint.rule import FixAction

from ..conftest import DEFAULT_RULES

PREFIX = {Category.BOILERPLATE: "B", Category.ARTIFACT: "A", Category.LANGUAGE: "L"}


def test_there_are_default_rules_of_every_pack():
    packs = {r.origin.split(":")[0].rsplit("/", 1)[-1] for r in DEFAULT_RULES}
    assert len(DEFAULT_RULES) >= 30
    assert {"navigation.yaml", "related.yaml", "credits.yaml", "appeals.yaml", "artifacts.yaml"} <= packs


def test_codes_and_names_are_unique():
    codes = [r.code for r in DEFAULT_RULES]
    names = [r.name for r in DEFAULT_RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=lambda r: r.code)
def test_rule_is_documented_and_tested(rule):
    assert rule.code.startswith(PREFIX[rule.category]), "code prefix must match the category"
    assert rule.summary.strip() and rule.why.strip() and rule.message.strip()
    flagging = [ex for ex in rule.examples if ex.findings]
    passing = [ex for ex in rule.examples if ex.findings == ()]
    assert flagging, "needs an example that the rule flags"
    assert passing, "needs an example that the rule must leave alone"
    if rule.fix.action is not FixAction.NONE:
        assert any(ex.output is not None for ex in flagging), "a rule with a fix needs an output example"
    if rule.category is Category.BOILERPLATE:
        assert rule.fix.action is FixAction.REMOVE, "boilerplate is removed by fix"


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=lambda r: r.code)
def test_negative_examples_are_real_sentences(rule):
    """Negative examples must read like reporting, not like an empty string that trivially passes."""
    for ex in rule.examples:
        if ex.findings == ():
            assert len(ex.input.split()) >= 5, "a negative example needs real text"
