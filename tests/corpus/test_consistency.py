"""The consistency check: the seeds' three disagreement families, and nothing where articles do not disagree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.corpus.consistency.compare import ArticleFacts, contradicted, near_miss
from cleanlint.corpus.consistency.disagreements import find_disagreements
from cleanlint.corpus.consistency.facts import Kind, facts_in
from cleanlint.corpus.consistency.grouping import group_articles
from cleanlint.document import Document
from cleanlint.sources.articles import read_source

from ..conftest import SEEDS

SEED_PATHS = sorted(SEEDS.glob("*.txt"))


def seed_documents() -> list[Document]:
    return [read_source(p).document() for p in SEED_PATHS]


def found(documents: list[Document], names: list[str]) -> set[tuple[str, str, str, frozenset]]:
    """(article, code, text, {(other article, its text)}) for each disagreement."""
    _, disagreements = find_disagreements(documents)
    return {
        (names[d.article], d.code, d.text, frozenset((names[v.article], v.text) for v in d.versions))
        for d in disagreements
    }


def test_seeds_give_exactly_the_three_families():
    names = [p.name[:3] for p in SEED_PATHS]
    assert found(seed_documents(), names) == {
        # one place spelt three ways: each spelling, against the other two
        ("001", "C101", "Zaphorizia", frozenset({("002", "Zaporizhia"), ("004", "Zaporizhzhia")})),
        ("002", "C101", "Zaporizhia", frozenset({("001", "Zaphorizia"), ("004", "Zaporizhzhia")})),
        ("004", "C101", "Zaporizhzhia", frozenset({("001", "Zaphorizia"), ("002", "Zaporizhia")})),
        # the dates of the two launches, however the others write them
        (
            "002",
            "C103",
            "March 30",
            frozenset({("000", "December 30"), ("001", "30 December"), ("004", "December 30, 2023")}),
        ),
        ("002", "C103", "April 2", frozenset({("001", "2 January"), ("004", "January 2")})),
        # the range in miles
        ("002", "C102", "560 miles", frozenset({("000", "550 miles"), ("001", "550 miles")})),
    }


def test_seed_disagreements_point_at_their_text():
    documents = seed_documents()
    groups, disagreements = find_disagreements(documents)
    assert [g.members for g in groups] == [(0, 1, 2, 3, 4)]
    for d in disagreements:
        doc = documents[d.article]
        line_start = doc.line_starts[d.line - 1]
        assert doc.text[line_start + d.column - 1 :].startswith(d.text)
        for v in d.versions:
            assert documents[v.article].text[v.start : v.end] == v.text
    # "April 2" is reported where 002 speaks of the launch, not where it dates Kyiv's count of drones
    april = [d for d in disagreements if d.text == "April 2"]
    assert len(april) == 1
    assert "evaluating the impact" in documents[2].text[april[0].start - 60 : april[0].start]


STORY = [
    "The city council of Riverton approved a new bridge across the Elm river on Tuesday after a long debate.",
    "The bridge will cost 45 million dollars and will be built by the construction firm Hallworth and Sons.",
    "Mayor Andrea Castellano said the crossing would cut the commute of thousands of residents every single day.",
    "Work on the foundations is expected to begin on March 3 and the bridge should open to traffic in 2026.",
    "Critics of the project said the council had ignored the concerns of fishermen who use the river for work.",
    "The old ferry service, which carries about 1,200 people a day, will stop running once the bridge opens.",
    "The council also voted to rename the riverside park after the late historian Margaret Olufemi.",
    "Engineers said the main span would be 340 metres long, the longest of any bridge in the region.",
]


def article(sentences: list[str], path: str) -> Document:
    return Document("\n\n".join(sentences) + "\n", path)


def rewritten(changes: dict[int, str], extra: list[str] = ()) -> list[str]:
    """The story with some sentences replaced, as a second site might tell it."""
    return [changes.get(i, s) for i, s in enumerate(STORY)] + list(extra)


def test_a_changed_figure_in_an_aligned_sentence_is_reported():
    """The control for the negative tests below: the same pair of articles with one real disagreement."""
    other = rewritten(
        {7: "Engineers said the main span would be 430 metres long, the longest of any bridge in the region."}
    )
    _, disagreements = find_disagreements([article(STORY, "a.txt"), article(other, "b.txt")])
    # two articles, one version each: neither has a majority, so both are reported, each against the other
    assert {(d.article, d.text, d.versions[0].text) for d in disagreements} == {
        (0, "340 metres", "430 metres"),
        (1, "430 metres", "340 metres"),
    }


def test_copies_give_nothing():
    documents = seed_documents()
    assert find_disagreements([documents[2], Document(documents[2].text, "copy.txt")])[1] == []


FRONT = "---\ntitle: Bridge\n---\n"


def test_copies_are_one_witness_and_each_copy_is_reported():
    """Three copies of the odd article do not outvote two articles written on their own, and each copy,
    whatever its front matter, gets the finding at its own place."""
    span = {7: "Engineers said the main span would be 430 metres long, the longest of any bridge in the region."}
    odd = "\n\n".join(rewritten(span)) + "\n"
    others = [article(STORY, "a.txt"), article(rewritten({0: STORY[0].replace("Tuesday", "Monday")}), "b.txt")]
    copies = [Document(odd, "c.txt"), Document(odd, "c2.txt"), Document(FRONT + odd, "c3.md", len(FRONT))]
    documents = [*others, *copies]
    groups, disagreements = find_disagreements(documents)
    assert [g.members for g in groups] == [(0, 1, 2, 3, 4)]
    assert sorted((d.article, d.text) for d in disagreements) == [
        (2, "430 metres"),
        (3, "430 metres"),
        (4, "430 metres"),
    ]
    for d in disagreements:
        assert documents[d.article].text[d.start : d.end] == "430 metres"
        assert {v.text for v in d.versions} == {"340 metres"}
    assert disagreements[2].line == disagreements[0].line + 3  # after the three lines of front matter


def test_copies_alone_are_a_story_with_nothing_to_report():
    groups, disagreements = find_disagreements([article(STORY, "a.txt"), article(STORY, "b.txt")])
    assert [g.members for g in groups] == [(0, 1)] and disagreements == []


def test_unrelated_articles_are_not_grouped():
    unrelated = [
        "Scientists have found traces of water vapour above the surface of a moon of Jupiter using a telescope.",
        "The find suggests that liquid water may lie beneath the icy crust, which could make the moon habitable.",
        "The team measured the vapour on one of seventeen nights of observations made over the last two years.",
    ]
    documents = [*seed_documents(), article(STORY, "bridge.txt"), article(unrelated, "moon.txt")]
    groups, disagreements = find_disagreements(documents)
    assert [g.members for g in groups] == [(0, 1, 2, 3, 4)]
    assert {d.article for d in disagreements} <= {0, 1, 2, 3, 4}


def test_different_facts_of_different_things_give_nothing():
    """A date, figure and name of the same sort, in sentences that say different things, are not compared."""
    other = rewritten(
        {},
        [
            "A similar bridge in the town of Riverdale was opened on June 3 by the regional governor.",
            "That bridge carries about 3,400 people a day and has a span of 170 metres.",
            "The governor, Andrea Castellani, praised the builders for finishing the work early.",
        ],
    )
    groups, disagreements = find_disagreements([article(STORY, "a.txt"), article(other, "b.txt")])
    assert [g.members for g in groups] == [(0, 1)]
    assert disagreements == []


def test_inflections_are_not_disagreements():
    a = rewritten({2: "Mayor Andrea Castellano said Russia would send engineers to help the Ukraine team plan it."})
    b = rewritten({2: "Mayor Andrea Castellano said Russian engineers would help the Ukrainian team plan it."})
    assert find_disagreements([article(a, "a.txt"), article(b, "b.txt")])[1] == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Zaphorizia", "Zaporizhzhia", True),
        ("Zaporizhia", "Zaporizhzhia", True),
        ("Russia", "Russian", False),
        ("Ukraine", "Ukrainian", False),
        ("Korea", "Korean", False),
        ("Mason", "Jason", False),  # another first letter: another name
        ("Paul", "Paula", False),  # too short to tell
    ],
)
def test_near_miss_names(a: str, b: str, expected: bool):
    assert near_miss(a, b) is expected


def test_grouping_separates_stories_and_joins_rewrites():
    texts = [p.read_text(encoding="utf-8") for p in SEED_PATHS] + ["\n".join(STORY)]
    assert [g.members for g in group_articles(texts)] == [(0, 1, 2, 3, 4)]


def test_dates_in_both_orders_with_and_without_year_agree():
    a = rewritten({3: "Work on the foundations is expected to begin on March 3, 2025 and should end in 2026."})
    b = rewritten({3: "Work on the foundations is expected to begin on 3 March and should end in 2026."})
    assert find_disagreements([article(a, "a.txt"), article(b, "b.txt")])[1] == []


# the command


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_command_reports_seeds_and_exits_1(capsys):
    status, out, err = run(["consistency", str(SEEDS)], capsys)
    lines = out.splitlines()
    assert status == 1 and err == ""
    assert (
        f"{SEEDS}/002_afbc22a6ca4d1cc8.txt:20:247: C102 number '560 miles': other articles of the story give "
        "'550 miles' (000_e4b41e1e62fd452d.txt, 001_1e618b8c57ee389b.txt)"
    ) in lines
    assert lines[-1] == "Found 6 disagreements in 3 articles: 1 story told by 5 of 5 articles."


def test_command_json(capsys):
    status, out, _ = run(["consistency", "--format", "json", str(SEEDS)], capsys)
    report = json.loads(out)
    assert status == 1 and report["articles"] == 5 and len(report["groups"]) == 1
    miles = next(d for d in report["disagreements"] if d["code"] == "C102")
    assert (miles["text"], miles["line"], miles["column"], miles["kind"]) == ("560 miles", 20, 247, Kind.NUMBER.value)
    assert {v["text"] for v in miles["versions"]} == {"550 miles"}


def test_command_clean_exits_0(tmp_path: Path, capsys):
    (tmp_path / "a.txt").write_text("\n\n".join(STORY), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(STORY), encoding="utf-8")
    status, out, _ = run(["consistency", str(tmp_path)], capsys)
    assert status == 0 and out == "No disagreements: 1 story told by 2 of 2 articles.\n"


def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"\xff not utf-8")  # \xff\xfe would be the UTF-16 BOM
    (tmp_path / "corpus.jsonl").write_text('{"text": "fine"}\nnot json\n', encoding="utf-8")
    status, out, err = run(["consistency", str(tmp_path), str(tmp_path / "missing.txt")], capsys)
    assert status == 2
    messages = [
        f"{tmp_path}/bad.txt: not UTF-8 text (byte 0xff at offset 0)",
        f"{tmp_path}/corpus.jsonl: line 2: not JSON (Expecting value at column 1)",
        f"{tmp_path}/missing.txt: no such file or directory",
    ]
    assert err.splitlines() == [f"error: {m}" for m in messages]  # as `check` says them
    assert out == "No disagreements: 0 stories told by 0 of 1 articles; 3 errors.\n"
    status, out, _ = run(["consistency", "--format", "json", str(tmp_path), str(tmp_path / "missing.txt")], capsys)
    assert status == 2
    assert [e["message"] for e in json.loads(out)["errors"]] == messages
    assert [Path(e["path"]).name for e in json.loads(out)["errors"]] == ["bad.txt", "corpus.jsonl", "missing.txt"]


def test_output_file_takes_the_report(tmp_path: Path, capsys):
    target = tmp_path / "consistency.txt"
    status, out, _ = run(["consistency", "-o", str(target), str(SEEDS)], capsys)
    assert status == 1 and out == ""
    assert target.read_text(encoding="utf-8").splitlines()[-1].startswith("Found 6 disagreements")
    status, _, err = run(["consistency", "-o", str(SEEDS / SEED_PATHS[0].name), str(SEEDS)], capsys)
    assert status == 2 and "cannot write the report there: it is one of the articles checked" in err


def test_jsonl_records_are_articles(tmp_path: Path, capsys):
    other = rewritten(
        {7: "Engineers said the main span would be 430 metres long, the longest of any bridge in the region."}
    )
    lines = [json.dumps({"text": "\n\n".join(s), "url": u}) for s, u in ((STORY, "a"), (other, "b"))]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, _ = run(["consistency", str(tmp_path)], capsys)
    assert status == 1
    assert f"{tmp_path}/corpus.jsonl:record 2:15:39: C102 number '430 metres'" in out
    assert "'340 metres' (corpus.jsonl:record 1)" in out


def test_min_similarity_must_be_a_fraction(capsys):
    with pytest.raises(SystemExit) as info:
        run(["consistency", "--min-similarity", "2", str(SEEDS)], capsys)
    assert info.value.code == 2


def test_the_corpus_settings_apply(tmp_path: Path, capsys):
    """Exclusions, the file size limit and the text field come from the settings, as for `check`."""
    span = {7: "Engineers said the main span would be 430 metres long, the longest of any bridge in the region."}
    (tmp_path / "a.txt").write_text("\n\n".join(STORY) + "\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.txt").write_text("\n\n".join(rewritten(span)) + "\n", encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text(json.dumps({"body": "\n\n".join(STORY)}) + "\n", encoding="utf-8")
    (tmp_path / ".cleanlint.yaml").write_text("exclude: [drafts]\ntext-field: body\n", encoding="utf-8")
    status, out, err = run(["consistency", str(tmp_path)], capsys)
    assert (status, err) == (0, "")
    assert out == "No disagreements: 1 story told by 2 of 2 articles.\n"  # a.txt and the record; no draft
    settings = tmp_path / "other.yaml"
    settings.write_text("max-file-size: 0.0001\n", encoding="utf-8")  # about 100 bytes
    status, _, err = run(["consistency", "--config", str(settings), str(tmp_path / "a.txt")], capsys)
    assert status == 2 and err.startswith(f"error: {tmp_path / 'a.txt'}: ")
    settings.write_text("exclude: 3\n", encoding="utf-8")
    status, _, err = run(["consistency", "--config", str(settings), str(tmp_path)], capsys)
    assert status == 2 and err.startswith("cleanlint: error: ") and len(err.splitlines()) == 1


def test_sentences_that_share_only_a_unit_and_a_topic_are_not_compared():
    """Two things that both run on batteries: the words besides the unit ("battery", "life") are too few to
    make the two sentences one statement, so 12 hours and 24 hours are not two versions of one figure."""
    a = [*STORY, "Up to 12 hours of battery life keep the new ticket machines running."]
    b = [*STORY, "The lamps deliver more than 24 hours of battery life on one charge."]
    groups, disagreements = find_disagreements([article(a, "a.txt"), article(b, "b.txt")])
    assert [g.members for g in groups] == [(0, 1)] and disagreements == []


def test_only_values_set_against_each_other_are_rivals():
    """A rounded "$200" agrees with "$169.99" and with "$164.99" and so joins them in one slot; the two
    precise prices are rivals only where aligned statements set one against the other."""
    texts = ["It costs $169.99 now.", "It costs about $200 now.", "It costs $164.99 now."]
    mentions = [
        (i, next(f for f in facts_in(text, 0, len(text)) if f.kind is Kind.NUMBER)) for i, text in enumerate(texts)
    ]
    articles = {i: ArticleFacts([fact], []) for i, fact in mentions}
    assert contradicted(mentions, articles) == []
    faced = [(mentions[0], mentions[2])]
    reported = contradicted(mentions, articles, faced)
    assert [(article, texts[article][f.start : f.end]) for (article, f), _ in reported] == [
        (0, "$169.99"),
        (2, "$164.99"),
    ]
