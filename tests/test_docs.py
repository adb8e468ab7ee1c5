"""The docs must describe the code as it is: every kind option (docs/rules.md) and every command-line option
(docs/commands.md), with examples that are what the commands print. The README is the tour: it opens with
the two commands and leads to every page of the reference."""

from __future__ import annotations

import dataclasses

import pytest

from cleanlint.cli.main import _parser, main
from cleanlint.kinds import KINDS

from .conftest import ROOT
from .markdown import DOCS, links, page, section

README = page("README.md")
RULES = page("rules.md")
COMMANDS = page("commands.md")


@pytest.mark.parametrize("kind", KINDS.values(), ids=lambda k: k.name)
def test_every_kind_option_is_documented(kind):
    kinds = section(RULES, "## Kinds")
    assert f"### `{kind.name}`" in kinds
    options = section(kinds, f"### `{kind.name}`")
    for f in dataclasses.fields(kind.options):
        assert f"| `{f.name}` |" in options, f"{kind.name}.{f.name} is missing from docs/rules.md"


def test_every_command_line_option_is_documented():
    subparsers = next(a for a in _parser()._actions if a.dest == "command").choices
    for name, sub in subparsers.items():
        assert f"cleanlint {name}" in COMMANDS
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert f"`{flag}" in COMMANDS, f"{name} {flag} is missing from docs/commands.md"


def test_readme_opens_with_the_two_commands():
    block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert block == ["pip install . && cleanlint check seeds/", "pip install -e '.[test]' && pytest"]


def test_consistency_example_is_what_the_command_prints(capsys, monkeypatch):
    block = COMMANDS.split("$ cleanlint consistency seeds/\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    assert main(["consistency", "seeds/"]) == 1
    assert capsys.readouterr().out == block


def test_readme_is_a_tour_that_leads_to_every_page():
    assert len(README.splitlines()) <= 250, "the reference belongs in docs/, the README is the tour"
    linked = {target.split("#", 1)[0] for _, target in links(README)}
    for path in sorted(DOCS.glob("*.md")):
        assert f"docs/{path.name}" in linked, f"the README does not lead to docs/{path.name}"
    assert "docs/rules/README.md" in linked
