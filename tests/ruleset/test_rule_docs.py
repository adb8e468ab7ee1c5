"""`cleanlint rules --docs DIR`: a page per rule, made from the rule, the same bytes every time.

The default rules' pages live in docs/rules/; they must be what the command writes today, or a reader is
shown a rule that no longer exists. A corpus documents its own rule files with the same option, chosen as
the list is chosen (--rules, --no-default-rules, --select, ...).
"""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.ruleset.docs import INDEX, MARK, pages

from ..conftest import DEFAULT_RULES, ROOT, write

REGENERATE = "cleanlint rules --docs docs/rules"

HOUSE = r"""
rules:
  - code: X101
    name: house-footer
    kind: phrase
    category: boilerplate
    summary: The Gazette's footer <b>, with *stars* and a | bar
    why: |
      Every page of the Gazette ends with it.

      - It is not reporting.
    message: "gazette footer: {match}"
    fix: {action: remove, safety: unsafe}
    sources: [gazette.example]
    patterns: ['^Gazette \| `All` rights\s*$']
    scope: line
    position: tail
    window: 3
    examples:
      - note: the footer at the end
        input: "The vote was seven to two.\nGazette | `All` rights\n"
        findings: ["Gazette | `All` rights"]
        output: "The vote was seven to two.\n"
      - note: another site's page
        source: ""
        input: "The vote was\u00a0seven to two.\nGazette | `All` rights\n"
        findings: []
  - code: X201
    name: house-label
    kind: phrase
    category: boilerplate
    enabled: false
    summary: A label
    message: label
    phrases: ["House label"]
    position: head
"""


def docs(folder: Path, *args: str) -> int:
    return main(["rules", "--docs", str(folder), *args])


def test_the_rule_pages_in_docs_are_what_the_command_writes(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert docs(tmp_path) == 0
    kept = ROOT / "docs" / "rules"
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted([INDEX, *(f"{r.code}.md" for r in DEFAULT_RULES)])
    on_disk = sorted(p.name for p in kept.iterdir()) if kept.is_dir() else []
    _, differ, _ = filecmp.cmpfiles(tmp_path, kept, written, shallow=False)
    stale = sorted(set(differ) | (set(written) ^ set(on_disk)))
    assert not stale, f"docs/rules/ is stale ({', '.join(stale[:8])}): run `{REGENERATE}` from the repository's root"


def test_a_user_documents_their_own_rule_file(tmp_path: Path, capsys):
    rules = write(tmp_path, HOUSE)
    out = tmp_path / "house-docs"
    assert docs(out, "--no-default-rules", "--rules", str(rules)) == 0
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "X101.md", "X201.md"]
    assert "pages of 2 rules and their index, 3 written" in capsys.readouterr().err

    page = (out / "X101.md").read_text(encoding="utf-8")
    summary = "The Gazette's footer \\<b\\>, with \\*stars\\* and a \\| bar"
    assert page.startswith(f"{MARK}\n\n# X101 house-footer\n\n{summary}\n")
    for line in (
        "- **Code:** `X101`",
        "- **Kind:** `phrase`: a phrase or pattern, optionally widened to its sentence, line or paragraph.",
        "- **Category:** boilerplate",
        "- **Severity:** warning",
        "- **Fix:** remove, unsafe (`--unsafe-fixes`)",
        "- **Message:** `gazette footer: {match}`",
        "- **Sources:** only documents from `gazette.example`",
        "- **Defined in:** `rule.yaml`",
        "Every page of the Gazette ends with it.\n\n\\- It is not reporting.",
        "| `patterns` | regular expressions | `[]` |",
        '| `scope` | what a finding covers | `"match"` |',
        "```yaml\npatterns:\n- ^Gazette \\| `All` rights\\s*$\nscope: line\nposition: tail\nwindow: 3\n```",
        "### Example 1: the footer at the end\n\nRead as a document from `gazette.example`.",
        "Input:\n\n```text\nThe vote was seven to two.\nGazette | `All` rights\n```",
        'Flags:\n\n- `` "Gazette | `All` rights" ``',
        "Fixed:\n\n```text\nThe vote was seven to two.\n```",
        "### Example 2: another site's page\n\nRead as a document whose source is not known.",
        '```yaml\n"The vote was\\xa0seven to two.\\nGazette | `All` rights\\n"\n```\n\nFlags nothing.',
    ):
        assert line in page, line
    assert "`ignore_case`" not in page  # an option the rule leaves at its default is not shown as set
    assert "Opt-in" not in page

    label = (out / "X201.md").read_text(encoding="utf-8")
    assert "- **Opt-in:** runs only when selected (`--extend-select X201`" in label
    assert "| `phrases` | literal phrases; any white space matches | `[]` |" in label
    assert "## Examples" not in label and "## Why" not in label

    index = (out / INDEX).read_text(encoding="utf-8")
    assert "The 2 rules in use, by code." in index
    assert "| [X101](X101.md) | `house-footer` | phrase | remove, unsafe (`--unsafe-fixes`) |" in index
    assert "| [X201](X201.md) | `house-label` (opt-in) | phrase | remove, safe | A label |" not in index
    assert "| [X201](X201.md) | `house-label` (opt-in) | phrase | report only | A label |" in index


def test_the_selection_chooses_the_pages_and_a_page_gone_from_it_is_removed(tmp_path: Path, capsys):
    rules = write(tmp_path, HOUSE)
    out = tmp_path / "out"
    assert docs(out, "--no-default-rules", "--rules", str(rules)) == 0
    mine = out / "notes.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    before = (out / "X101.md").stat().st_mtime_ns
    capsys.readouterr()
    assert docs(out, "--no-default-rules", "--rules", str(rules), "--select", "X1") == 0
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "X101.md", "notes.md"]
    assert (out / "X101.md").stat().st_mtime_ns == before  # unchanged: not written again
    assert "pages of 1 rule and their index, 1 written, 1 removed" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "my own notes\n"


def test_a_file_it_did_not_write_is_not_overwritten(tmp_path: Path, capsys):
    rules = write(tmp_path, HOUSE)
    out = tmp_path / "out"
    out.mkdir()
    (out / "README.md").write_text("# Our docs\n", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere.md", out / "X101.md")
    assert docs(out, "--no-default-rules", "--rules", str(rules)) == 2
    err = capsys.readouterr().err
    assert f"error: {out / 'README.md'}: not written by `cleanlint rules --docs`; not overwritten" in err
    assert f"error: {out / 'X101.md'}: a symbolic link; not written" in err
    assert (out / "README.md").read_text(encoding="utf-8") == "# Our docs\n"
    assert not (tmp_path / "elsewhere.md").exists()
    assert (out / "X201.md").read_text(encoding="utf-8").startswith(MARK)


def test_rendering_is_deterministic_and_independent_of_the_rules_order():
    first = pages(DEFAULT_RULES)
    assert pages(list(reversed(DEFAULT_RULES))) == first
    assert list(first) == [INDEX, *sorted((f"{r.code}.md" for r in DEFAULT_RULES), key=lambda n: (n[0], int(n[1:-3])))]


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=lambda r: r.code)
def test_every_example_is_on_its_rules_page(rule):
    page = pages([rule])[f"{rule.code}.md"]
    assert page.count("\n### Example ") == len(rule.examples)
    assert "\x00" not in page and "\r" not in page
