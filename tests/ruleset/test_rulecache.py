"""The loaded-rules cache: a hit gives the same rules, any edit of a rule file is a miss, errors are never cached."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.ruleset.cache import cached_rules
from cleanlint.ruleset.loader import RuleError, load_rules
from cleanlint.scan.literals import required_literals

from ..conftest import write

RULE = """\
code: X901
name: house-line
kind: phrase
summary: s
message: house line
category: boilerplate
severity: warning
phrases: ['{phrase}']
fix: {{action: remove, safety: safe}}
examples:
  - input: "{phrase}\\n"
    findings: ['{phrase}']
"""


def test_a_hit_gives_the_rules_that_loading_gives(tmp_path: Path):
    rules = write(tmp_path, RULE.format(phrase="Follow us"))
    cache = tmp_path / "cache"
    first = cached_rules([rules], cache)
    assert list((cache / "rules").glob("*.pickle")) and (cache / ".gitignore").read_text().endswith("*\n")
    assert cached_rules([rules], cache) == first == load_rules([rules])


def test_an_edited_rule_file_is_a_miss(tmp_path: Path):
    rules = write(tmp_path, RULE.format(phrase="Follow us"))
    cache = tmp_path / "cache"
    cached_rules([rules], cache)
    write(tmp_path, RULE.format(phrase="Like us"))
    (rule,) = cached_rules([rules], cache)
    assert rule.options.phrases == ("Like us",)
    assert len([p for p in (cache / "rules").glob("*.pickle") if p.name.count(".") == 1]) == 2  # rules, not codes


def test_a_broken_rule_file_is_reported_every_time_and_never_cached(tmp_path: Path):
    rules = write(tmp_path, "code: X901\nname: [unclosed\n")
    cache = tmp_path / "cache"
    for _ in range(2):
        with pytest.raises(RuleError, match="invalid YAML"):
            cached_rules([rules], cache)
    assert not list(cache.glob("rules/*.pickle"))


def test_a_damaged_cache_entry_is_loaded_again(tmp_path: Path):
    rules = write(tmp_path, RULE.format(phrase="Follow us"))
    cache = tmp_path / "cache"
    cached_rules([rules], cache)
    (entry,) = [p for p in (cache / "rules").glob("*.pickle") if p.name.count(".") == 1]  # the rules, not codes
    entry.write_bytes(b"not a pickle")
    assert cached_rules([rules], cache) == load_rules([rules])


@pytest.mark.slow
def test_no_cache_writes_no_cache_folder(tmp_path: Path):
    article = tmp_path / "story.txt"
    article.write_text("The council met on Tuesday.\n", encoding="utf-8")
    (tmp_path / ".cleanlint.yaml").write_text("language: en\n", encoding="utf-8")
    assert main(["check", "--no-cache", str(article)]) == 0
    assert not (tmp_path / ".cleanlint_cache").exists()
    assert main(["check", str(article)]) == 0
    assert (tmp_path / ".cleanlint_cache" / "rules").is_dir()  # beside the settings


@pytest.mark.slow
def test_the_literal_scan_prepared_once_serves_later_runs(seeds_copy: Path, capsys, monkeypatch):
    """A hook checks a file or two with rules from the cache: what the engine worked out from them (each
    pattern's literals, the compiled scanner) is kept beside them, not worked out again."""
    monkeypatch.chdir(seeds_copy)  # without a settings file, the cache is kept in the current folder
    files = sorted(seeds_copy.glob("*.txt"))
    main(["check", "--format", "json", str(files[0])])
    capsys.readouterr()
    (prepared,) = (seeds_copy / ".cleanlint_cache" / "rules").glob("*.prepared.pickle")
    written = prepared.stat().st_mtime_ns

    def unread(*_args, **_kwargs):
        raise AssertionError("a pattern was read for its literals again")

    monkeypatch.setattr("cleanlint.scan.gates.required_literals", unread)
    main(["check", "--format", "json", str(files[1])])  # another file: a findings-cache miss
    warm = capsys.readouterr().out
    assert prepared.stat().st_mtime_ns == written  # nothing new to keep
    monkeypatch.setattr("cleanlint.scan.gates.required_literals", required_literals)
    main(["check", "--no-cache", "--format", "json", str(files[1])])
    assert capsys.readouterr().out == warm


@pytest.mark.slow
def test_a_later_run_parses_no_pattern_an_earlier_one_compiled(seeds_copy: Path):
    """A hook checks an edited file with the cache warm: the patterns the file opens were compiled by an
    earlier run, and their compiled code is kept beside the rules (memo.py), so the `regex` module parses
    none of them again; the report is the one a run without the cache gives."""
    probe = (
        "import sys, regex; import cleanlint.kinds; from cleanlint.cli.main import main; parsed = []; "
        "compile = regex.compile; regex.compile = lambda p, f=0, **k: parsed.append(p) or compile(p, f, **k); "
        "code = main(sys.argv[1:]); print(code, len(parsed))"
    )
    article = sorted(seeds_copy.glob("*.txt"))[0]

    def run(*args: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", probe, "check", *args, article.name], capture_output=True, text=True, cwd=seeds_copy
        )
        return done.stdout.splitlines()

    cold = run()
    assert cold[-1].startswith("1 ") and int(cold[-1].split()[1]) > 100  # every pattern compiled to validate it
    article.write_text(article.read_text(encoding="utf-8") + "\nThe council will meet again.\n", encoding="utf-8")
    warm = run()
    assert warm[-1] == "1 0"
    assert warm[:-1] == run("--no-cache")[:-1]


def test_compiled_code_kept_by_another_build_of_the_regex_module_is_not_used(tmp_path: Path):
    """Compiled code belongs to the build of the `regex` module that made it: an entry stamped by another is
    left alone, and its patterns are compiled from their text. These entries are genuine (sealed with the
    user's key) but hold, under each pattern's text, the code of another pattern, to tell the two apart."""
    import pickle

    import regex

    from cleanlint.ruleset.cache import PreparedStore
    from cleanlint.safeio.cachestore import write_entry
    from cleanlint.scan import memo

    cache = tmp_path / "cache"
    other = pickle.dumps(regex.compile("other"))
    for key, stamp, source in (("same", memo.stamp(), "kept-by-this-build"), ("old", "0.0", "kept-by-another")):
        write_entry(cache, f"rules/{key}.memo.pickle", [(stamp, {memo.COMPILED: {(source, 0): other}})])
        PreparedStore(cache, key).load_memo()
    assert memo.compiled("kept-by-this-build").pattern == "other"  # the code kept is what a search runs
    assert memo.compiled("kept-by-another").pattern == "kept-by-another"


# the findings cache: unchanged documents are not checked again, and anything that matters is a miss


@pytest.mark.slow
def test_a_second_check_of_unchanged_files_runs_no_rule_and_reports_the_same(seeds_copy: Path, capsys, monkeypatch):
    from cleanlint.engine.engine import Engine

    main(["check", "--format", "json", str(seeds_copy)])
    cold = capsys.readouterr().out

    def no_rules(self, doc, skip=()):
        raise AssertionError("a cached document was checked again")

    monkeypatch.setattr(Engine, "check", no_rules)
    main(["check", "--format", "json", str(seeds_copy)])
    assert capsys.readouterr().out == cold
    with pytest.raises(AssertionError, match="checked again"):  # --no-cache runs the rules
        main(["check", "--no-cache", "--format", "json", str(seeds_copy)])


@pytest.mark.slow
def test_an_edited_file_or_rule_is_checked_again(tmp_path: Path, capsys):
    article = tmp_path / "story.txt"
    article.write_text("The council met on Tuesday.\nFollow us\n", encoding="utf-8")
    (tmp_path / ".cleanlint.yaml").write_text("language: en\n", encoding="utf-8")
    rules = write(tmp_path, RULE.format(phrase="Follow us"), "house.yaml")
    assert main(["check", "--rules", str(rules), str(article)]) == 1
    write(tmp_path, RULE.format(phrase="Like us"), "house.yaml")
    assert main(["check", "--rules", str(rules), str(article)]) == 0  # the rule changed: a miss
    article.write_text("The council met on Tuesday.\nLike us\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--rules", str(rules), str(article)]) == 1  # the text changed: a miss
    assert "X901" in capsys.readouterr().out


@pytest.mark.slow
def test_a_check_answered_from_the_cache_loads_no_rule_kind(seeds_copy: Path):
    """A hook's run over files unchanged since the last one needs neither the rules nor what they are made
    of: importing the kinds and the regex module would cost it more than the rest of the run."""
    probe = (
        "import sys; from cleanlint.cli.main import main; code = main(sys.argv[1:]); "
        "print(code, 'regex' in sys.modules, any(m.startswith('cleanlint.kinds') for m in sys.modules))"
    )
    article = str(sorted(seeds_copy.glob("*.txt"))[0])
    runs = [
        subprocess.run([sys.executable, "-c", probe, "check", article], capture_output=True, text=True, cwd=seeds_copy)
        for _ in range(2)
    ]
    assert [r.stdout.splitlines()[-1] for r in runs] == ["1 True True", "1 False False"], runs[1].stderr
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1]  # the same report


def test_a_cache_folder_removed_during_a_run_is_made_again(tmp_path: Path):
    """A folder removed meanwhile is made again, with its .gitignore: the cache is not lost for the rest of
    the run."""
    from cleanlint.safeio.cachestore import read_entry, write_entry

    cache = tmp_path / "cache"
    write_entry(cache, "findings/ab/one", ["first"])
    shutil.rmtree(cache)
    write_entry(cache, "findings/ab/two", ["kept"])
    assert read_entry(cache, "findings/ab/two", str) == ["kept"]
    assert (cache / ".gitignore").is_file()
