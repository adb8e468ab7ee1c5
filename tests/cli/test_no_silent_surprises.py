"""What a user would otherwise not notice: a typo that selects nothing, a report line broken by a file name,
a 20 MB quote, options that are quietly ignored. Each is refused or shown plainly."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.rule import QUOTE_LIMIT, quoted

SEE_ALSO = "The council approved the budget on Tuesday.\nSee also: Mayor opens new library\nThe vote was 7-2.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(SEE_ALSO, encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("option", "value"),
    [("--select", "ZZZ9"), ("--select", "B50l"), ("--extend-select", "B,Q1"), ("--ignore", "b201")],
)
def test_a_code_that_names_no_rule_is_an_error(article: Path, capsys, option: str, value: str):
    assert main(["check", "--no-cache", option, value, str(article)]) == 2
    bad = value.split(",")[-1]
    assert capsys.readouterr().err == (
        f"cleanlint: error: {option}: {bad!r} is not the code or prefix of any rule in use (see `cleanlint rules`)\n"
    )


def test_codes_and_prefixes_of_rules_in_use_are_accepted(article: Path, capsys):
    assert main(["check", "--no-cache", "--select", "B2,B201", "--ignore", "A", str(article)]) == 1
    assert "B201 [see-also-link]" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ('ignore: [""]\n', "ignore holds an empty code"),
        ("select: [ZZZ9]\n", "select: 'ZZZ9' is not the code or prefix of any rule in use"),
        ("per-path-ignores: {'*.txt': [B9Q]}\n", "per-path-ignores '*.txt': 'B9Q' is not the code or prefix"),
    ],
)
def test_settings_that_name_no_rule_are_an_error(article: Path, capsys, settings: str, said: str):
    (article.parent / ".cleanlint.yaml").write_text(settings, encoding="utf-8")
    assert main(["check", "--no-cache", str(article)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cleanlint: error: {article.parent / '.cleanlint.yaml'}: ") and said in err


@pytest.mark.slow
def test_an_unknown_code_is_found_when_the_rules_come_from_the_cache(article: Path, capsys, monkeypatch):
    """A hook run reads the rules' codes from the cache rather than the rules: the check still holds."""
    monkeypatch.chdir(article.parent)  # the cache is made here
    assert main(["check", "--ignore", "A", str(article)]) == 1  # fills the cache
    capsys.readouterr()
    assert main(["check", "--ignore", "A9Z", str(article)]) == 2
    assert "'A9Z' is not the code or prefix of any rule in use" in capsys.readouterr().err
    assert list((article.parent / ".cleanlint_cache" / "rules").glob("*.codes"))


@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("--select", "argument --select: expected rule codes or prefixes"),
        ("--text-field", "argument --text-field: expected the name of a JSONL field"),
    ],
)
def test_an_empty_value_that_would_mean_the_default_is_a_usage_error(article: Path, capsys, option: str, said: str):
    with pytest.raises(SystemExit) as info:
        main(["check", option, "", str(article)])
    assert info.value.code == 2
    assert said in capsys.readouterr().err


def test_duplicate_settings_keys_are_refused(article: Path, capsys):
    settings = article.parent / ".cleanlint.yaml"
    settings.write_text("ignore: [A]\nselect: [B]\nignore: [B1]\n", encoding="utf-8")
    assert main(["check", str(article)]) == 2
    assert capsys.readouterr().err == f"cleanlint: error: {settings}:3: 'ignore' is already set at line 1\n"


def test_a_diff_has_no_json_form(article: Path, capsys):
    assert main(["fix", "--diff", "--format", "json", str(article)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("cleanlint: error: --diff prints a unified diff, which has no json form")
    assert article.read_text(encoding="utf-8") == SEE_ALSO


def test_quotes_keep_both_ends_and_stay_short():
    line = "The mayor said the plan would help many people in town, " * 400 + "and he thanked the"
    shown = quoted(line)
    assert len(shown) <= QUOTE_LIMIT
    assert shown.startswith("The mayor said") and shown.endswith("and he thanked the") and "…" in shown
    assert quoted("two\nlines") == "two lines"
    assert quoted("short") == "short"


@pytest.mark.slow
def test_a_finding_on_a_huge_line_quotes_at_most_a_line(tmp_path: Path, capsys):
    cut = "The mayor said the plan would help many people in town, " * 20_000 + "and he thanked the"
    path = tmp_path / "long.txt"
    path.write_text(f"The council met on Tuesday.\n{cut}\nResidents will vote in May.\n", encoding="utf-8")
    for form in ("text", "json"):
        main(["check", "--no-cache", "--select", "A302", "--format", form, str(path)])
        out = capsys.readouterr().out
        assert "A302" in out and len(out) < 1_000, form


@pytest.mark.slow
def test_a_file_name_with_a_newline_stays_on_one_report_line(tmp_path: Path, capsys):
    path = tmp_path / "two\nlines.txt"
    path.write_text(SEE_ALSO, encoding="utf-8")
    assert main(["check", "--no-cache", str(tmp_path)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"{tmp_path}/two\\nlines.txt:2:1: B201 [see-also-link] link to another story [*]"
    main(["check", "--no-cache", "--format", "json", str(tmp_path)])
    assert json.loads(capsys.readouterr().out)["findings"][0]["path"] == str(path)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_escaped_in_text_and_exact_in_json(tmp_path: Path, capsys):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(SEE_ALSO, encoding="utf-8")
    assert main(["check", "--no-cache", str(tmp_path)]) == 1
    assert capsys.readouterr().out.startswith(f"{tmp_path}/caf\\xe9.txt:2:1: B201")
    main(["check", "--no-cache", "--format", "json", str(tmp_path)])
    out = capsys.readouterr().out
    assert "\\udce9" in out  # the JSON escape of the byte, which reads back as the very name
    assert os.fsencode(json.loads(out)["findings"][0]["path"]) == os.fsencode(tmp_path / name)


def test_a_jsonl_syntax_error_reads_plainly(tmp_path: Path, capsys):
    path = tmp_path / "records.jsonl"
    path.write_text('{"text": "cut off\n', encoding="utf-8")
    assert main(["check", "--no-cache", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 1: not JSON (Unterminated string starting at column 10)" in err and "at at" not in err


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
@pytest.mark.parametrize("form", ["sarif", "html", "json", "github", "text"])
def test_every_report_file_can_name_a_file_that_is_not_utf8(tmp_path: Path, form: str, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative names, as a corpus run gives them
    Path("corpus").mkdir()
    (Path("corpus") / os.fsdecode(b"caf\xe9.txt")).write_text(SEE_ALSO, encoding="utf-8")
    report = tmp_path / f"report.{form}"
    assert main(["check", "--no-cache", "--format", form, "-o", str(report), "corpus"]) == 1
    text = report.read_text(encoding="utf-8")  # whole and valid UTF-8
    assert "caf%E9.txt" in text if form == "sarif" else ("caf\\udce9.txt" in text or "caf\\xe9.txt" in text)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_baseline_accepts_a_file_that_is_not_utf8(tmp_path: Path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text(SEE_ALSO, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert main(["check", "--no-cache", "--write-baseline", "--baseline", str(baseline), str(corpus)]) == 0
    json.loads(baseline.read_text(encoding="utf-8"))
    assert main(["check", "--no-cache", "--baseline", str(baseline), str(corpus)]) == 0
    assert "1 accepted by the baseline" in capsys.readouterr().out


@pytest.mark.slow
def test_github_annotations_carry_no_terminal_escape(tmp_path: Path, capsys):
    path = tmp_path / "esc\x1b[31mred.txt"
    path.write_text(SEE_ALSO, encoding="utf-8")
    assert main(["check", "--no-cache", "--format", "github", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "esc\\x1b[31mred.txt" in out


def test_exclude_is_said_to_take_globs(article: Path, capsys):
    (article.parent / ".cleanlint.yaml").write_text("exclude: [archive/*, 2]\n", encoding="utf-8")
    assert main(["check", str(article)]) == 2
    assert "exclude must be a list of globs of files or folders" in capsys.readouterr().err
