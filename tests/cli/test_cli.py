"""End to end: the command line on the seed articles and on bad input, as users and CI call it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleanlint.cli.main import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleanlint", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.slow
def test_check_reports_text_and_exits_1(seeds_copy: Path):
    proc = run("check", str(seeds_copy))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert f"{seeds_copy}/001_1e618b8c57ee389b.txt:3:1: B601 [donation-appeal] donation appeal [*]" in lines
    assert lines[-1].startswith("Found ") and "fixable with `cleanlint fix`" in lines[-1]


@pytest.mark.slow
def test_check_json_follows_the_contract(seeds_copy: Path):
    proc = run("check", "--format", "json", str(seeds_copy))
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["version"] == 1 and report["summary"] == {"files": 5, "findings": len(report["findings"])}
    keys = {
        "path",
        "code",
        "rule",
        "category",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "fix",
    }
    for f in report["findings"]:
        assert keys <= f.keys()
        text = Path(f["path"]).read_text(encoding="utf-8")
        assert 0 <= f["start"] < f["end"] <= len(text)
        assert f["category"] in ("boilerplate", "artifact", "language")
        lines = text.split("\n")
        assert text[f["start"]] == lines[f["line"] - 1][f["column"] - 1]
    appeal = next(f for f in report["findings"] if f["code"] == "B601")
    text = Path(appeal["path"]).read_text(encoding="utf-8")
    assert text[appeal["start"] : appeal["end"]].startswith("Your support helps us")
    assert text[appeal["start"] : appeal["end"]].endswith("Your support makes all the difference.")


@pytest.mark.slow
def test_fix_rewrites_in_place_and_is_idempotent(seeds_copy: Path):
    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    first = run("fix", str(seeds_copy))
    assert first.returncode == 1  # reported-only artifacts remain
    after = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    assert after != before and all(after[n] != before[n] for n in before)
    second = run("fix", str(seeds_copy))
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == after
    assert "Applied 0 fixes" in second.stdout
    assert not [p for p in seeds_copy.iterdir() if "cleanlint-tmp" in p.name]


@pytest.mark.slow
def test_fix_diff_writes_nothing(seeds_copy: Path):
    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    proc = run("fix", "--diff", str(seeds_copy))
    assert proc.returncode == 1
    assert "-Leave a Reply" in proc.stdout and proc.stdout.startswith("--- a/")
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == before


@pytest.mark.slow
def test_unsafe_fixes_apply_suggestions(seeds_copy: Path):
    path = seeds_copy / "003_ea76408ea7aed2fe.txt"
    run("fix", str(path))
    assert "missiles in point" in path.read_text(encoding="utf-8")
    run("fix", "--unsafe-fixes", str(path))
    assert "missiles in question" in path.read_text(encoding="utf-8")


def test_select_and_ignore_by_prefix(seeds_copy: Path, capsys):
    main(["check", "--format", "json", "--select", "A", "--ignore", "A4", str(seeds_copy)])
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert codes and all(c.startswith("A") and not c.startswith("A4") for c in codes)


@pytest.mark.slow
def test_opt_in_rules_run_only_when_selected(tmp_path: Path, capsys):
    article = tmp_path / "wire.txt"
    article.write_text("The launch was delayed until March, the agency said.\n© Reuters\n", encoding="utf-8")
    assert main(["check", "--format", "json", str(article)]) == 0
    capsys.readouterr()
    assert main(["check", "--format", "json", "--select", "B605", str(article)]) == 1
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["B605"]
    assert main(["check", "--format", "json", "--extend-select", "B605", "--ignore", "B3", str(article)]) == 1
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["B605"]
    assert main(["check", "--format", "json", "--extend-select", "B605", "--ignore", "B605", str(article)]) == 0
    capsys.readouterr()
    assert main(["rules"]) == 0
    listed = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("B605"))
    assert "(opt-in, not selected)" in listed
    assert main(["rule", "B605"]) == 0
    assert "Opt-in: runs only when selected" in capsys.readouterr().out


@pytest.mark.slow
def test_clean_text_exits_0(tmp_path: Path):
    article = tmp_path / "clean.txt"
    article.write_text("The council approved the budget on Tuesday after a long debate.\n", encoding="utf-8")
    proc = run("check", str(article))
    assert proc.returncode == 0 and "No findings in 1 file." in proc.stdout
    assert run("fix", str(article)).returncode == 0


@pytest.mark.slow
def test_bad_input_is_reported_and_the_run_goes_on(tmp_path: Path, seeds_copy: Path):
    (tmp_path / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    good = seeds_copy / "004_1e5d767247138389.txt"
    original = good.read_bytes()
    bad = [tmp_path / "latin1.txt", tmp_path / "binary.txt"]
    snapshots = {p: p.read_bytes() for p in bad}
    proc = run("fix", *map(str, bad), str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), str(good))
    assert proc.returncode == 2
    errors = proc.stderr.splitlines()
    assert f"error: {tmp_path / 'latin1.txt'}: not UTF-8 text (byte 0xe9 at offset 3)" in errors
    assert any(e.startswith(f"error: {tmp_path / 'binary.txt'}: binary file") for e in errors)
    assert f"error: {tmp_path / 'missing.txt'}: no such file or directory" in errors
    assert "Traceback" not in proc.stderr
    assert all(p.read_bytes() == snapshots[p] for p in bad)  # never written
    assert good.read_bytes() != original  # the good file was still fixed


def test_rules_and_rule_commands(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "B601   donation-appeal" in listing and "A202   glued-words" in listing
    assert main(["rule", "B601"]) == 0
    explained = capsys.readouterr().out
    assert "B601 donation-appeal:" in explained and "Example 1" in explained and "Why:" in explained
    assert main(["rule", "Z999"]) == 2


@pytest.mark.slow
def test_test_rules_command_runs_examples(capsys):
    assert main(["test-rules"]) == 0
    assert " passed, 0 failed: examples of " in capsys.readouterr().out


@pytest.mark.slow
def test_settings_are_found_by_walking_up(tmp_path: Path, seeds_copy: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cleanlint]\nignore = ["A"]\nper-path-ignores = {"*/002_*" = ["B"]}\n', encoding="utf-8"
    )
    report = json.loads(run("check", "--format", "json", str(seeds_copy)).stdout)
    codes_by_file = {}
    for f in report["findings"]:
        codes_by_file.setdefault(Path(f["path"]).name, set()).add(f["code"][0])
    assert all("A" not in codes for codes in codes_by_file.values())
    assert "002_afbc22a6ca4d1cc8.txt" not in codes_by_file
    assert "000_e4b41e1e62fd452d.txt" in codes_by_file


@pytest.mark.slow
def test_yaml_settings_and_extra_rule_folder(tmp_path: Path):
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "promo.yaml").write_text(
        "code: B901\nname: house-promo\nkind: phrase\ncategory: boilerplate\nmessage: promo\nsummary: s\n"
        "scope: line\npatterns: ['^Download our app\\b']\nfix: {action: remove}\n",
        encoding="utf-8",
    )
    (tmp_path / ".cleanlint.yaml").write_text("rules: [house-rules]\nselect: [B9]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(
        "The mayor resigned on Monday after weeks of protests.\nDownload our app today\n", encoding="utf-8"
    )
    proc = run("check", str(article))
    assert proc.returncode == 1 and "B901 [house-promo]" in proc.stdout


def test_unknown_setting_is_an_error(tmp_path: Path):
    (tmp_path / ".cleanlint.yaml").write_text("ignroe: [A]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    proc = run("check", str(tmp_path / "a.txt"))
    assert proc.returncode == 2 and "unknown setting 'ignroe'" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_jobs_give_the_same_results_in_the_same_order(seeds_copy: Path):
    # without the cache, so that the workers check every file themselves and send back what they found
    serial = run("check", "--no-cache", "--format", "json", "--jobs", "1", str(seeds_copy))
    parallel = run("check", "--no-cache", "--format", "json", "--jobs", "2", str(seeds_copy))
    assert serial.returncode == parallel.returncode == 1, parallel.stderr
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)


@pytest.mark.parametrize("command", ["check", "fix", "mine"])
@pytest.mark.parametrize("jobs", ["-1", "two", "1.5"])
def test_every_command_with_jobs_reads_it_alike(command: str, jobs: str, seeds_copy: Path, capsys):
    """One validator for --jobs: a usage error (exit 2) that says what was expected, before any file is read."""
    before = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    with pytest.raises(SystemExit) as stopped:
        main([command, "--jobs", jobs, str(seeds_copy)])
    assert stopped.value.code == 2
    assert f"argument --jobs: expected a whole number of at least 0, got '{jobs}'" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == before


def test_rules_are_listed_by_code_whatever_file_holds_them(capsys):
    assert main(["rules"]) == 0
    codes = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert len(codes) > 60 and codes == sorted(codes) and {"A101", "B101", "L101"} <= set(codes)
