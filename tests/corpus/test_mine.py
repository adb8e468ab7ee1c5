"""`cleanlint mine`: recurring lines become proposed rules that load, pass their examples and clean the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cleanlint.cli.main import main
from cleanlint.corpus.mine import MineOptions, Miner, normalise
from cleanlint.corpus.minepack import anchored_pattern, naming_for, propose, render
from cleanlint.document import Document
from cleanlint.ruleset.defaults import default_rules_dir
from cleanlint.ruleset.examples import run_examples
from cleanlint.ruleset.loader import load_rules
from cleanlint.sources.articles import read_source
from cleanlint.sources.provenance import mining_source

from ..conftest import DEFAULT_RULES
from . import minecorpus


@pytest.fixture(scope="module")
def mined(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The corpus, the pack `cleanlint mine` wrote for it, and the pack's YAML."""
    root = tmp_path_factory.mktemp("mine")
    corpus = root / "corpus"
    minecorpus.build(corpus)
    pack = root / "pack.yaml"
    assert main(["mine", str(corpus), "-o", str(pack)]) == 0
    return corpus, pack, yaml.safe_load(pack.read_text(encoding="utf-8"))


def proposed(pack: dict) -> dict[str, tuple[str, ...]]:
    """Each proposed rule's text (its phrase, or its pattern) -> its sources."""
    return {(r.get("phrases") or r["patterns"])[0]: tuple(r.get("sources", ())) for r in pack["rules"]}


def test_each_sites_furniture_is_proposed_for_that_site_only(mined):
    _, _, pack = mined
    expected = {
        "Daily Herald, your town and your paper": ("dailyherald.example",),  # named by its folder
        anchored_pattern("Posted 1 hours ago"): ("dailyherald.example",),  # the numbers vary
        "Daily Herald Media is part of the Northern Press Group.": ("dailyherald.example",),
        "© 2024 Daily Herald Media. All rights reserved.": ("dailyherald.example",),
        "More from Metro Times: the best of the week, every Friday.": ("metrotimes.example",),  # by its url
        "Metro Times 12 Harbour Street Portsmouth": ("metrotimes.example",),  # a paragraph of three lines
        "Gazette readers can find more local stories in the weekend edition.": ("Valley Gazette",),
        "Have a news tip? Email the newsroom at any hour.": ("Valley Gazette",),
    }
    assert proposed(pack) == expected  # not the quote, no article sentence, not what the default rules know


def test_rules_say_where_the_text_stands(mined):
    _, _, pack = mined
    by_text = {(r.get("phrases") or r["patterns"])[0]: r for r in pack["rules"]}
    assert by_text["Daily Herald, your town and your paper"]["position"] == "head"
    assert by_text["© 2024 Daily Herald Media. All rights reserved."]["position"] == "tail"
    address = by_text["Metro Times 12 Harbour Street Portsmouth"]
    assert address["scope"] == "paragraph" and address["max_words"] == 6
    assert [r["code"] for r in pack["rules"]] == [f"M{n}" for n in range(101, 109)]


def test_the_pack_loads_beside_the_defaults_and_its_examples_pass(mined, capsys):
    _, pack, _ = mined
    rules = load_rules([pack])
    assert len(rules) == 8 and not run_examples(rules)
    assert all(any(ex.findings for ex in r.examples) and any(ex.findings == () for ex in r.examples) for r in rules)
    assert len(load_rules([default_rules_dir(), pack])) == len(DEFAULT_RULES) + 8
    assert main(["test-rules", "--no-default-rules", "--rules", str(pack)]) == 0
    assert "16 passed, 0 failed" in capsys.readouterr().out


@pytest.mark.slow
def test_fix_with_the_pack_removes_the_furniture_and_keeps_the_articles(mined, tmp_path, capsys):
    _, pack, _ = mined
    files = minecorpus.build(tmp_path / "corpus")
    assert main(["fix", "--rules", str(pack), str(tmp_path / "corpus")]) == 0
    furniture = {line for texts in minecorpus.BOILERPLATE.values() for text in texts for line in text.split("\n")}
    furniture |= {minecorpus.KNOWN} | {f"Posted {h} hours ago" for h in range(1, 9)}
    kept = set()
    for paths in files.values():
        for path in paths:
            lines = set(read_source(path).document().text.splitlines())
            assert not lines & furniture, path
            kept |= lines
    assert minecorpus.article_lines(files) <= kept and minecorpus.QUOTE in kept


@pytest.mark.slow
def test_the_output_goes_to_stdout_with_a_summary_on_stderr(mined, capsys):
    corpus, _, _ = mined
    assert main(["mine", "--max-per-source", "1", "--code-prefix", "HX", "--start-code", "500", str(corpus)]) == 0
    out, err = capsys.readouterr()
    pack = yaml.safe_load(out)
    assert [r["code"] for r in pack["rules"]] == ["HX500", "HX501", "HX502"]
    assert out.startswith("# Rules proposed by `cleanlint mine` from 24 documents")
    assert err.strip() == "Mined 24 documents of 3 named sources: 3 rules proposed."


def test_bad_input_is_one_line_and_the_run_goes_on(tmp_path, capsys):
    minecorpus.build(tmp_path / "corpus")
    bad = tmp_path / "corpus" / "feeds" / "latin1.txt"
    bad.write_bytes("caf\xe9\n".encode("latin-1"))
    assert main(["mine", str(tmp_path / "corpus"), str(tmp_path / "missing"), "-o", str(tmp_path / "p.yaml")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"error: {bad}: not UTF-8 text (byte 0xe9 at offset 3)" in err
    assert f"error: {tmp_path / 'missing'}: no such file or directory" in err
    assert len(load_rules([tmp_path / "p.yaml"])) == 8


def test_without_the_default_rules_what_they_know_is_proposed_too(mined, capsys):
    corpus, _, _ = mined
    assert main(["mine", "--no-default-rules", str(corpus)]) == 0
    assert proposed(yaml.safe_load(capsys.readouterr().out))[minecorpus.KNOWN] == ("Valley Gazette",)


def test_bad_options_are_usage_errors(capsys):
    for args in (["--min-share", "1.5"], ["--min-docs", "1"], ["--code-prefix", "m1"], ["--start-code", "5"]):
        with pytest.raises(SystemExit) as info:
            main(["mine", *args, "."])
        assert info.value.code == 2
    assert "expected a fraction above 0 and at most 1" in capsys.readouterr().err


# The detection itself, on documents made in memory.


def docs_of(source: str | None, bodies: list[list[str]]) -> list[tuple[Document, str | None]]:
    return [(Document("\n".join(lines) + "\n", f"{source}/{i}.txt"), source) for i, lines in enumerate(bodies)]


WORDS = ("council", "bridge", "harbour", "school", "market", "tower", "river", "station", "library", "garden")


def story(i: int, n: int = 4) -> list[str]:
    """Lines of reporting that differ in their words, not only in their numbers."""
    w = WORDS
    return [f"The {w[i % 10]} {w[(j + 5) % 10]} plan of {w[(i + j) % 10]} street is {i}.{j}." for j in range(n)]


def mine(*groups, **options) -> list:
    miner = Miner(MineOptions(**options))
    for group in groups:
        for doc, source in group:
            miner.add(doc, source)
    return list(miner.result().candidates)


def test_thresholds_of_documents_and_share():
    line = "Subscribe to the print edition today"
    bodies = [[*story(i), line] if i < 3 else story(i) for i in range(8)]
    assert mine(docs_of("a", bodies)) == []  # 3 of 8
    (c,) = mine(docs_of("a", bodies), min_share=0.3)
    assert (c.texts, c.docs, c.total, c.sources, c.position) == ((line,), 3, 8, ("a",), "tail")
    assert mine(docs_of("a", bodies), min_share=0.3, min_docs=4) == []


def test_lines_that_read_like_reporting_or_are_one_word_need_a_larger_share():
    quote = "“We will not close the bridge,” the mayor said."
    for line in (quote, "Advertisement"):
        bodies = [[*story(i)[:2], line, *story(i)[2:]] if i < 6 else story(i) for i in range(8)]
        assert mine(docs_of("a", bodies)) == []  # 6 of 8 is not enough
        bodies = [[*story(i)[:2], line, *story(i)[2:]] if i < 7 else story(i) for i in range(8)]
        (c,) = mine(docs_of("a", bodies))
        assert (c.texts, c.docs) == ((line,), 7)


def test_a_line_recurring_in_two_sources_is_one_rule_for_both_and_one_without_a_source_for_all():
    line = "Share this story with a friend"
    a = docs_of("a.example", [[*story(i), line] for i in range(4)])
    b = docs_of("b.example", [[*story(i + 4), line] for i in range(4)])
    (c,) = mine(a, b)
    assert (c.sources, c.docs, c.total) == (("a.example", "b.example"), 8, 8)
    (c,) = mine(a, docs_of(None, [[*story(i + 6), line] for i in range(4)]))
    assert c.sources == ()


def test_exact_copies_count_once():
    miner = Miner()
    for _ in range(4):
        miner.add(Document("\n".join(story(1)) + "\n"), "a")
    result = miner.result()
    assert (result.candidates, result.documents, result.duplicates) == ((), 1, 3)


def test_spans_the_rules_flag_already_are_not_counted():
    miner = Miner()
    for i in range(4):
        doc = Document("\n".join([*story(i), "Leave a comment below"]) + "\n")
        line = doc.content_lines[-1]
        miner.add(doc, "a", [(line.start, line.end)])
    assert miner.result().candidates == ()


def test_spellings_that_differ_in_numbers_become_one_anchored_pattern():
    bodies = [[f"Updated {i + 2} minutes ago", *story(i)] for i in range(5)]
    result = Miner()
    for doc, source in docs_of("a", bodies):
        result.add(doc, source)
    mined_result = result.result()
    (proposal,), notes = propose(mined_result, naming_for(DEFAULT_RULES))
    assert not notes and proposal.rule.code == "M101" and proposal.rule.options.patterns == (
        r"^\s*Updated\s+\d+\s+minutes\s+ago\s*$",
    )
    assert normalise("Updated  12 Minutes ago") == "updated 0 minutes ago"
    assert "patterns: ['^\\s*Updated\\s+\\d+\\s+minutes\\s+ago\\s*$']" in render(mined_result, [proposal])


def test_codes_follow_the_highest_code_in_use(tmp_path):
    naming = naming_for(load_rules([default_rules_dir()]), "B")
    assert naming.start == max(int(r.code[1:]) for r in DEFAULT_RULES if r.code.startswith("B")) + 1
    assert naming_for([], "M").start == 101 and naming_for([], "M", 300).start == 300


def test_a_folder_below_the_mined_path_names_the_source():
    assert mining_source(Document("x"), Path("site.example/2024/a.txt")) == "site.example"


def test_the_pack_is_not_written_over_a_folder_or_an_article_of_the_run(mined, capsys):
    """-o FILE is the same option as check's: a folder, or a file the run reads, is refused before reading."""
    corpus, _, _ = mined
    article = next(corpus.rglob("*.txt"))
    before = article.read_bytes()
    assert main(["mine", str(corpus), "--output-file", str(corpus)]) == 2
    assert main(["mine", str(corpus), "-o", str(article)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"cleanlint: error: {corpus}: cannot write the report there: it is a folder",
        f"cleanlint: error: {article}: cannot write the report there: it is one of the articles checked "
        "(write the report outside the folders checked)",
    ]
    assert article.read_bytes() == before
