"""Every example of every default rule is a test: its findings, its fixed output, and idempotence."""

from __future__ import annotations

import pytest

from cleanlint.ruleset.examples import run_example

from ..conftest import DEFAULT_RULES

CASES = [(rule, i, ex) for rule in DEFAULT_RULES for i, ex in enumerate(rule.examples)]


@pytest.mark.parametrize(("rule", "index", "example"), CASES, ids=[f"{r.code}-{i + 1}" for r, i, _ in CASES])
def test_rule_example(rule, index, example):
    failures = run_example(rule, index, example)
    assert not failures, "\n".join(map(str, failures))


def test_a_wrong_example_is_reported():
    """The example runner itself must be able to fail: a wrong expectation is caught."""
    from dataclasses import replace

    rule = next(r for r in DEFAULT_RULES if r.code == "B201")
    wrong = replace(rule.examples[0], findings=("nothing like this",), output="not the output")
    problems = [str(f) for f in run_example(rule, 0, wrong)]
    assert any("expected findings" in p for p in problems)
    assert any("expected output" in p for p in problems)
