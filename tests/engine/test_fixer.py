"""The fixer: non-overlapping edits, a fixed point, and the guard against removing too much."""

from __future__ import annotations

from pathlib import Path

from cleanlint.document import Document
from cleanlint.engine.engine import Engine
from cleanlint.engine.fixer import fix_document
from cleanlint.ruleset.loader import load_rules

from ..conftest import SEEDS


def test_fix_is_idempotent_on_every_seed(default_engine):
    for path in sorted(SEEDS.glob("*.txt")):
        once = fix_document(default_engine, Document(path.read_text(encoding="utf-8")))
        twice = fix_document(default_engine, Document(once.text))
        assert once.applied and once.converged
        assert twice.text == once.text and not twice.applied, path.name


def test_glued_boilerplate_is_removed_as_characters(default_engine):
    story = (
        "Russia's armed forces have launched several North Korean-made ballistic missiles into Ukraine over "
        "the last week and could make further use of similar weapons in the coming days, the White House said.\n"
    )
    text = "Headline\nYour support helps us to tell the story\nYour support makes all the difference." + story
    fixed = fix_document(default_engine, Document(text)).text
    assert fixed == "Headline\n" + story


def test_overlapping_fixes_wait_for_the_next_pass(default_engine):
    """A glue insertion inside a removed label must not be applied on top of the removal."""
    result = fix_document(
        default_engine, Document("Top NewsWhite House says Russia used missiles\n\nBody text here.\n")
    )
    assert result.text == "White House says Russia used missiles\n\nBody text here.\n"
    assert [f.code for f in result.applied] == ["B102"]
    assert [e.removed for e in result.edits] == ["Top News"]


def test_unsafe_fixes_only_when_asked(default_engine):
    doc = Document("He studied at the Middle School of Journalism.\n")
    assert fix_document(default_engine, doc).text == doc.text
    assert "Medill School" in fix_document(default_engine, doc, unsafe=True).text


def test_guard_refuses_removals_that_take_too_much(tmp_path: Path):
    rules = tmp_path / "greedy.yaml"
    rules.write_text(
        "code: X101\nname: greedy\nkind: phrase\ncategory: boilerplate\nmessage: m\nsummary: s\n"
        "scope: line\npatterns: ['^Line']\nfix: {action: remove}\n",
        encoding="utf-8",
    )
    engine = Engine(load_rules([rules]))
    text = "Line one of the story.\nLine two of the story.\nKept.\n"
    result = fix_document(engine, Document(text), max_removal=0.4)
    assert result.text == text
    assert result.refused and "more than the 40%" in result.refused
    assert len(result.remaining) == 2  # refused removals stay reported
    assert fix_document(engine, Document(text), max_removal=0.95).text == "Kept.\n"


def test_article_sentences_survive_fixing_the_seeds(default_engine):
    """Every sentence of reporting that the seeds' expectations keep is still there, verbatim."""
    import yaml

    expect = yaml.safe_load((SEEDS.parent / "tests" / "seeds-keep.yaml").read_text(encoding="utf-8"))
    for name, keep in expect.items():
        fixed = fix_document(default_engine, Document((SEEDS / name).read_text(encoding="utf-8"))).text
        for sentence in keep:
            assert sentence in fixed, (name, sentence)


def test_touching_removals_apply_together_but_an_insertion_at_an_edge_waits():
    from cleanlint.model import Edit

    assert not Edit(0, 3, "").overlaps(Edit(3, 5, ""))  # one contiguous removal
    assert Edit(0, 3, "").overlaps(Edit(3, 3, " "))  # a space where the removal ends
    assert Edit(4, 4, " ").overlaps(Edit(0, 4, ""))
    assert Edit(0, 4, "").overlaps(Edit(2, 6, ""))
    assert not Edit(0, 2, "").overlaps(Edit(4, 4, " "))


def test_a_run_of_counter_lines_goes_in_one_pass(default_engine):
    story = "Russia is heavily dependent on Iran for drones and other weapons, according to Reuters officials.\n"
    result = fix_document(default_engine, Document(story + "\n+1\n0\n+1\n0\n+1\n0\n"))
    assert result.text == story


def test_guard_counts_words_of_overlapping_removals_once(tmp_path: Path):
    """Two rules that remove the same lines take their words once, so a small removal is not refused."""
    rules = tmp_path / "twice.yaml"
    rule = (
        "  - code: X10{n}\n    name: twice-{n}\n    kind: phrase\n    category: boilerplate\n    message: m\n"
        "    summary: s\n    scope: line\n    position: tail\n    phrases: ['Share this story']\n"
        "    fix: {{action: remove}}\n"
    )
    rules.write_text("rules:\n" + rule.format(n=1) + rule.format(n=2), encoding="utf-8")
    engine = Engine(load_rules([rules]))
    text = "The council approved the budget on Monday night.\nShare this story\n"
    result = fix_document(engine, Document(text), max_removal=0.4)  # 3 of 11 words: under the limit
    assert result.refused is None
    assert result.text == "The council approved the budget on Monday night.\n"


def test_guard_weighs_japanese_text_by_characters(default_engine):
    """Scripts without spaces count each character as a word, so a Japanese article outweighs its link list."""
    article = (
        "先日、不正に改造した携帯電話を販売したとして、商標法違反の疑いで男性が逮捕されました。\n"
        "報道によると、今回販売されたのは、いわゆる脱獄した携帯電話です。\n"
        "もちろん、製造元は脱獄を認めていません。\n"
        "ではなぜ、改造した携帯電話を販売すると、商標権の侵害になるのでしょうか。\n"
    )
    links = "関連記事\n「あずきバー」事件 －商標の判決シリーズ\n「体脂肪測定器」と「体重計」は類似する？\n"
    result = fix_document(default_engine, Document(article + links))
    assert result.refused is None
    assert result.text == article


def test_removals_that_reach_each_other_once_widened_leave_no_blank_line(default_engine):
    """Three boilerplate lines split by a blank line, at the end of the text: one removal, tidied as one."""
    text = "Officials said.\nSubscribe\n\nAdvertisement\nSubscribe\n"
    result = fix_document(default_engine, Document(text), max_removal=1.0)
    assert result.text == "Officials said.\n"
    (edit,) = result.edits
    assert text[: edit.start] + text[edit.end :] == result.text
    assert edit.codes == ("B602", "B604")  # both lines of "Subscribe" and the advertisement label, in one edit
