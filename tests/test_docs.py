"""The README must describe the code as it is: every kind option and every command-line option."""

from __future__ import annotations

import dataclasses

import pytest

from cleanlint.cli import _parser, main
from cleanlint.kinds import KINDS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS.values(), ids=lambda k: k.name)
def test_every_kind_option_is_documented(kind):
    assert f"#### `{kind.name}`" in README
    section = README.split(f"#### `{kind.name}`", 1)[1].split("####", 1)[0]
    for f in dataclasses.fields(kind.options):
        assert f"| `{f.name}` |" in section, f"{kind.name}.{f.name} is missing from the README"


def test_every_command_line_option_is_documented():
    subparsers = next(a for a in _parser()._actions if a.dest == "command").choices
    for name, sub in subparsers.items():
        assert f"cleanlint {name}" in README
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert f"`{flag}" in README, f"{name} {flag} is missing from the README"


def test_readme_opens_with_the_two_commands():
    block = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert block == ["pip install . && cleanlint check seeds/", "pip install -e '.[test]' && pytest"]


def test_consistency_example_is_what_the_command_prints(capsys, monkeypatch):
    block = README.split("$ cleanlint consistency seeds/\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    assert main(["consistency", "seeds/"]) == 1
    assert capsys.readouterr().out == block
