"""Rules scoped to sources: `sources:` in rule files, matched against front matter and folders."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.document import Document
from cleanlint.engine.engine import Engine
from cleanlint.ruleset.examples import run_examples
from cleanlint.ruleset.loader import load_rules
from cleanlint.sources.provenance import matches, mining_source, source_names, url_host

from ..conftest import error_of, write

SCOPED = """\
code: X201
name: wire-footer
kind: phrase
category: boilerplate
message: wire footer
summary: the wire service's footer
fix: {action: remove}
scope: line
phrases: [Reporting by the newsroom]
sources: [reuters.com, Valley Gazette]
"""


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.reuters.com/world/a-story", "www.reuters.com"),
        ("HTTP://WWW.Reuters.com:8080/x", "www.reuters.com"),
        ("www.reuters.com/world", "www.reuters.com"),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_url_host(url, host):
    assert url_host(url) == host


def test_names_come_from_front_matter_url_and_folders(tmp_path: Path):
    doc = Document("x", str(tmp_path / "wire" / "a.md"), 0, {"source": " Valley  Gazette ", "url": "https://m.bbc.co.uk/"})
    names = source_names(doc)
    assert names[:2] == ("valley gazette", "m.bbc.co.uk") and "wire" in names
    assert source_names(Document("x", "<text>", 0, {})) == ()


@pytest.mark.parametrize(
    ("patterns", "names", "expected"),
    [
        (["reuters.com"], ["www.reuters.com"], True),
        (["reuters.com"], ["reuters.com"], True),
        (["Reuters.com"], ["uk.reuters.com"], True),
        (["reuters.com"], ["notreuters.com"], False),
        (["reuters.com"], ["reuters.com.evil.example"], False),
        (["valley gazette"], ["valley gazette"], True),
        (["bbc.co.uk"], [], False),
    ],
)
def test_a_pattern_matches_the_name_or_its_subdomains(patterns, names, expected):
    assert matches(patterns, names) is expected


def test_mining_source_prefers_front_matter_then_url_then_first_folder():
    doc = Document("x", "c/site/a.md", 0, {"source": "Gazette", "url": "https://www.g.example/"})
    assert mining_source(doc, Path("site/a.md")) == "Gazette"
    assert mining_source(Document("x", "", 0, {"url": "https://www.g.example/a"}), None) == "g.example"
    assert mining_source(Document("x"), Path("site/2024/a.md")) == "site"
    assert mining_source(Document("x"), Path("a.md")) is None


def test_sources_load_as_a_list_or_one_name(tmp_path: Path):
    (rule,) = load_rules([write(tmp_path, SCOPED)])
    assert rule.sources == ("reuters.com", "Valley Gazette")
    (rule,) = load_rules([write(tmp_path, SCOPED.replace("[reuters.com, Valley Gazette]", "apnews.com"))])
    assert rule.sources == ("apnews.com",)


def test_a_pack_can_scope_all_its_rules(tmp_path: Path):
    rule_text = textwrap.indent(SCOPED.replace("sources: [reuters.com, Valley Gazette]\n", ""), "    ")
    pack = "defaults:\n  sources: [apnews.com]\nrules:\n  - " + rule_text.strip() + "\n"
    (rule,) = load_rules([write(tmp_path, pack)])
    assert rule.sources == ("apnews.com",)


@pytest.mark.parametrize(
    ("value", "column", "message"),
    [
        ("[]", 10, "sources: name at least one source"),
        ("['https://www.reuters.com/world']", 11, "name the host ('www.reuters.com'), not a URL"),
        ("[reuters.com, 'a/b']", 24, "sources: 'a/b': a source is a name, a host or a folder name"),
        ("['  ']", 11, "sources: '  ': a source must not be empty"),
        ("7", 10, "sources: expected a list of str"),
    ],
)
def test_bad_sources_point_at_file_line_column(tmp_path: Path, value, column, message):
    path = write(tmp_path, SCOPED.replace("[reuters.com, Valley Gazette]", value))
    error = error_of(path)
    assert error.startswith(f"{path}:10:{column}: ") and message in error


def test_a_scoped_rule_runs_only_on_documents_from_its_sources(tmp_path: Path):
    engine = Engine(load_rules([write(tmp_path, SCOPED)]))
    text = "---\n{}\n---\nThe court ruled on Monday.\nReporting by the newsroom\n"

    def flagged(front: str, path: str = "<text>") -> bool:
        doc_text = text.format(front)
        return bool(engine.check(Document(doc_text, path, doc_text.index("---\n", 3) + 4, _front(front))))

    assert flagged("url: https://www.reuters.com/world/x")
    assert flagged("source: valley gazette")
    assert not flagged("url: https://www.apnews.com/x")
    assert not flagged("title: no source")
    assert flagged("title: no source", str(tmp_path / "reuters.com" / "2024" / "a.md"))
    assert not flagged("title: no source", str(tmp_path / "apnews.com" / "a.md"))


def _front(front: str) -> dict:
    key, value = front.split(": ", 1)
    return {key: value}


def test_examples_of_a_scoped_rule_run_as_documents_from_its_source(tmp_path: Path):
    examples = """\
    examples:
      - input: "The court ruled.\\nReporting by the newsroom\\n"
        output: "The court ruled.\\n"
      - note: another source
        source: apnews.com
        input: "The court ruled.\\nReporting by the newsroom\\n"
        findings: []
      - note: no known source
        source: ""
        input: "The court ruled.\\nReporting by the newsroom\\n"
        findings: []
    """
    rules = load_rules([write(tmp_path, SCOPED + textwrap.dedent(examples))])
    assert rules[0].examples[1].source == "apnews.com" and not run_examples(rules)


def test_check_and_fix_end_to_end_with_front_matter(tmp_path: Path, capsys):
    rules = write(tmp_path, SCOPED)
    corpus = tmp_path / "corpus"
    (corpus / "reuters.com").mkdir(parents=True)
    story = "The court ruled on Monday that the council must publish the contract in full.\n"
    body = story + "Reporting by the newsroom\n"
    files = {
        "wire.md": "---\nurl: https://www.reuters.com/x\n---\n" + body,
        "gazette.md": "---\nsource: Valley Gazette\n---\n" + body,
        "ap.md": "---\nurl: https://apnews.com/x\n---\n" + body,
        "plain.txt": body,
        "reuters.com/folder.txt": body,
    }
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    assert main(["check", "--no-default-rules", "--rules", str(rules), str(corpus)]) == 1
    out = capsys.readouterr().out
    hits = {Path(line.split(":", 1)[0]).name for line in out.splitlines() if "X201" in line}
    assert hits == {"wire.md", "gazette.md", "folder.txt"}
    main(["fix", "--no-default-rules", "--rules", str(rules), str(corpus)])
    assert (corpus / "wire.md").read_text(encoding="utf-8").endswith("---\n" + story)
    assert (corpus / "ap.md").read_text(encoding="utf-8") == files["ap.md"]


def test_rule_command_shows_the_sources(tmp_path: Path, capsys):
    assert main(["rule", "X201", "--no-default-rules", "--rules", str(write(tmp_path, SCOPED))]) == 0
    assert "Sources: only documents from reuters.com, Valley Gazette" in capsys.readouterr().out
