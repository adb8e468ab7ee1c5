"""Broken rule files: each mistake is one error that names file:line:col and the key."""

from __future__ import annotations

import pytest

from cleanlint.cli.main import main
from cleanlint.ruleset.loader import load_rules

from ..conftest import error_of, write

GOOD = """\
code: X101
name: test-rule
kind: phrase
category: boilerplate
message: test
summary: test
phrases: [Leave a Reply]
"""


def test_a_good_rule_loads(tmp_path):
    (rule,) = load_rules([write(tmp_path, GOOD)])
    assert (rule.code, rule.name, rule.kind, rule.options.phrases) == (
        "X101",
        "test-rule",
        "phrase",
        ("Leave a Reply",),
    )


def test_unknown_key_names_file_line_column_and_key(tmp_path):
    path = write(tmp_path, GOOD + "scopes: line\n")
    assert error_of(path).startswith(f"{path}:8:1: unknown key 'scopes' for a phrase rule")


def test_bad_regex_points_at_the_pattern(tmp_path):
    path = write(tmp_path, GOOD + "patterns:\n  - 'fine'\n  - '(unclosed'\n")
    message = error_of(path)
    assert message.startswith(f"{path}:10:5: patterns: bad regular expression '(unclosed'")


def test_wrong_type(tmp_path):
    path = write(tmp_path, GOOD + "max_words: many\n")
    assert error_of(path).startswith(f"{path}:8:12: max_words: expected int, got str 'many'")


def test_value_outside_a_fixed_set(tmp_path):
    path = write(tmp_path, GOOD + "scope: page\n")
    assert error_of(path).startswith(f"{path}:8:8: scope: 'page' is not one of match, sentence, line, paragraph")


def test_unknown_kind_and_category(tmp_path):
    assert "unknown kind 'phrases'" in error_of(write(tmp_path, GOOD.replace("kind: phrase", "kind: phrases")))
    bad_category = GOOD.replace("category: boilerplate", "category: junk")
    assert "category: 'junk' is not one of boilerplate, artifact, language" in error_of(write(tmp_path, bad_category))


def test_missing_required_key(tmp_path):
    path = write(tmp_path, GOOD.replace("message: test\n", ""))
    assert error_of(path) == f"{path}:1:1: rule is missing required key 'message'"


def test_fix_action_the_kind_cannot_do(tmp_path):
    path = write(tmp_path, GOOD + "fix: {action: replace}\n")
    assert "a phrase rule cannot replace" in error_of(path)


def test_duplicate_key_is_not_silently_overwritten(tmp_path):
    path = write(tmp_path, GOOD + "message: again\n")
    assert error_of(path).startswith(f"{path}:8:1: duplicate key 'message'")


def test_duplicate_code_across_files(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD.replace("test-rule", "other-rule"), "b.yaml")
    message = error_of(tmp_path)
    assert message.startswith(f"{tmp_path / 'b.yaml'}:1:1: 'X101' is already defined at {tmp_path / 'a.yaml'}:1")


def test_invalid_yaml_has_a_position(tmp_path):
    path = write(tmp_path, "code: X101\nname: [unclosed\n")
    assert error_of(path).startswith(f"{path}:3:1: invalid YAML")


def test_yaml_booleans_are_not_taken_for_words(tmp_path):
    path = write(tmp_path, GOOD + "unless: [yes]\n")
    assert "unless: expected a list of str" in error_of(path)


def test_pack_with_defaults(tmp_path):
    pack = """\
    pack: test
    defaults: {category: artifact, kind: substitution}
    rules:
      - {code: A901, name: one, message: m, summary: s, swaps: {teh: the}}
      - {code: A902, name: two, message: m, summary: s, swaps: {adn: and}}
    """
    rules = load_rules([write(tmp_path, pack)])
    assert [(r.code, r.category.value, r.kind) for r in rules] == [
        ("A901", "artifact", "substitution"),
        ("A902", "artifact", "substitution"),
    ]


def test_cli_reports_a_broken_rule_file_in_one_line_and_exits_2(tmp_path, capsys):
    path = write(tmp_path, GOOD + "scopes: line\n")
    article = tmp_path / "a.txt"
    article.write_text("Leave a Reply\n", encoding="utf-8")
    assert main(["check", "--rules", str(path), str(article)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and f"{path}:8:1: unknown key 'scopes'" in err


def test_list_of_choices(tmp_path):
    rule = GOOD.replace("kind: phrase", "kind: glue").replace("phrases: [Leave a Reply]\n", "")
    rule = rule.replace("category: boilerplate", "category: artifact")
    (loaded,) = load_rules([write(tmp_path, rule + "joins: [case]\n")])
    assert loaded.options.joins == ("case",)
    assert "joins: expected a list of case, sentence, digit" in error_of(write(tmp_path, rule + "joins: [space]\n"))


def test_a_safe_removal_on_wording_alone_is_refused(tmp_path):
    rule = GOOD + "scope: line\nfix: {action: remove, safety: safe}\n"
    path = write(tmp_path, rule)
    assert error_of(path).startswith(
        f"{path}:7:1: phrases: literal phrases match anywhere in a line: they are wording alone. "
        "A safe removal needs evidence beyond wording"
    )
    unanchored = write(tmp_path, rule.replace("phrases: [Leave a Reply]", "patterns: ['\\bLeave a Reply\\b']"))
    assert "neither leads nor closes its line" in error_of(unanchored)


@pytest.mark.parametrize(
    "anchor",
    [
        "position: tail\n",
        "max_words: 12\n",
        "sources: [example.com]\n",
        "patterns: ['^Leave a Reply']\n",
        "patterns: ['(?i)Leave a Reply$']\n",
    ],
)
def test_any_anchor_beyond_wording_lets_a_removal_be_safe(tmp_path, anchor: str):
    rule = GOOD + "scope: line\nfix: {action: remove, safety: safe}\n"
    if anchor.startswith("patterns"):
        rule = rule.replace("phrases: [Leave a Reply]\n", "")
    assert load_rules([write(tmp_path, rule + anchor)])


def test_wording_alone_may_report_or_offer_an_unsafe_fix(tmp_path):
    for fix in ("", "fix: {action: remove, safety: unsafe}\n"):
        assert load_rules([write(tmp_path, GOOD + "scope: line\n" + fix)])


def test_a_python_tag_is_refused_with_file_line_and_column(tmp_path):
    """The safe constructor never runs `!!python/...` tags; refusing one is the usual one-line error."""
    path = write(tmp_path, GOOD.replace("message: test", 'message: !!python/object/apply:os.system ["echo hi"]'))
    assert error_of(path) == (
        f"{path}:5:10: message: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'"
    )
    nested = write(tmp_path, GOOD.replace("[Leave a Reply]", "[Leave a Reply, !!python/name:os.system x]"))
    assert error_of(nested).startswith(f"{nested}:7:26: phrases: could not determine a constructor")


def test_a_standard_tag_with_a_value_it_cannot_make_is_a_rule_error(tmp_path):
    path = write(tmp_path, GOOD.replace("message: test", "message: !!timestamp nope"))
    assert error_of(path) == f"{path}:5:10: message: 'nope' is not a valid timestamp"
    path = write(tmp_path, GOOD.replace("message: test", "message: !!int abc"))
    assert error_of(path) == f"{path}:5:10: message: 'abc' is not a valid int"
