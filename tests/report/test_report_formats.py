"""SARIF, GitHub annotations, --statistics and -o: each says what the JSON report says, in its own form."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from cleanlint.cli.main import main
from cleanlint.report.sarif import github_annotation

from ..conftest import TESTS

SCHEMA = json.loads((TESTS / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleanlint", *args], capture_output=True, text=True, cwd=cwd)


def json_findings(path: Path, *extra: str) -> list[dict]:
    return json.loads(run("check", "--no-cache", "--format", "json", *extra, str(path)).stdout)["findings"]


@pytest.mark.slow
def test_sarif_is_valid_and_reports_every_finding_at_its_place(seeds_copy: Path):
    (seeds_copy / "broken.txt").write_bytes(b"\xff not utf-8 \x80")  # \xff\xfe would be the UTF-16 BOM
    proc = run("check", "--no-cache", "--format", "sarif", str(seeds_copy))
    assert proc.returncode == 2  # the broken file is an error, and the report still comes
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    expected = json_findings(seeds_copy)
    (sarif_run,) = log["runs"]
    results = sarif_run["results"]
    assert len(results) == len(expected) > 0
    rules = sarif_run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules) == len({f["code"] for f in expected})
    for result, finding in zip(results, expected, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding["code"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding["line"], finding["column"])
        assert (region["charOffset"], region["charLength"]) == (finding["start"], finding["end"] - finding["start"])
        assert ("fixes" in result) == (finding["fix"] is not None)
    invocation = sarif_run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (notice,) = invocation["toolExecutionNotifications"]
    assert notice["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("broken.txt")


@pytest.mark.slow
def test_sarif_removal_fix_deletes_the_finding_text(seeds_copy: Path):
    log = json.loads(run("check", "--no-cache", "--format", "sarif", str(seeds_copy)).stdout)
    donation = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "B601")
    uri = donation["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    (change,) = donation["fixes"][0]["artifactChanges"]
    deleted = change["replacements"][0]["deletedRegion"]
    text = Path(uri.removeprefix("file://")).read_text(encoding="utf-8")
    removed = text[deleted["charOffset"] : deleted["charOffset"] + deleted["charLength"]]
    assert "donat" in removed.lower() or "support" in removed.lower()


@pytest.mark.slow
def test_sarif_of_a_jsonl_record_points_at_its_line(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    records = [{"text": "A plain sentence about the harbour."}, {"text": "Share this article on Facebook\n\nNews."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    log = json.loads(run("check", "--no-cache", "--format", "sarif", str(corpus)).stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["region"] == {"startLine": 2} for r in results)
    assert all(r["properties"]["record"] == 2 and "fixes" not in r for r in results)


@pytest.mark.slow
def test_github_annotations_one_per_finding(seeds_copy: Path):
    proc = run("check", "--no-cache", "--format", "github", str(seeds_copy))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    expected = json_findings(seeds_copy)
    assert len(lines) == len(expected)
    place = r"line=\d+,col=\d+,endLine=\d+,endColumn=\d+"
    shape = re.compile(rf"::(error|warning|notice) file=[^,]+,{place},title=[^:]+::.+")
    for line, finding in zip(lines, expected, strict=True):
        assert shape.fullmatch(line), line
        assert f"line={finding['line']},col={finding['column']}," in line
        assert f"title={finding['code']} {finding['rule']}::" in line


def test_github_annotation_escapes_what_would_end_its_fields():
    finding = {
        "path": "a,b:c.txt",
        "code": "B101",
        "rule": "skip-link",
        "severity": "info",
        "message": "50% of\nthe line",
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 9,
    }
    line = github_annotation(finding)
    place = "line=3,col=1,endLine=3,endColumn=9"
    assert line == f"::notice file=a%2Cb%3Ac.txt,{place},title=B101 skip-link::50%25 of%0Athe line"


@pytest.mark.slow
def test_statistics_count_the_findings_of_each_code(seeds_copy: Path):
    proc = run("check", "--no-cache", "--statistics", str(seeds_copy))
    assert proc.returncode == 1
    counts = Counter(f["code"] for f in json_findings(seeds_copy))
    rows = [line.split("\t") for line in proc.stdout.splitlines() if "\t" in line]
    assert {code: int(count) for count, code, _ in rows} == counts
    assert [int(count) for count, _, _ in rows] == sorted(counts.values(), reverse=True)
    donation = next(row for row in rows if row[1] == "B601")
    assert donation[2] == "[*] donation-appeal"  # every B601 finding has a safe fix
    as_json = json.loads(run("check", "--no-cache", "--statistics", "--format", "json", str(seeds_copy)).stdout)
    assert {r["code"]: r["count"] for r in as_json} == counts


@pytest.mark.slow
def test_statistics_of_a_clean_corpus(tmp_path: Path):
    (tmp_path / "a.txt").write_text("The council met on Tuesday to discuss the harbour.\n", encoding="utf-8")
    proc = run("check", "--no-cache", "--statistics", str(tmp_path))
    assert proc.returncode == 0 and proc.stdout == "No findings in 1 file.\n"


@pytest.mark.slow
def test_output_file_takes_the_report_and_stdout_stays_empty(seeds_copy: Path, tmp_path: Path, capsys):
    out = tmp_path / "report.json"
    out.write_text("an older report\n", encoding="utf-8")
    assert main(["check", "--no-cache", "--format", "json", "-o", str(out), str(seeds_copy)]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 5
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.json.")] == []  # no temporary left


def test_output_file_in_a_missing_folder_is_a_one_line_error(seeds_copy: Path, tmp_path: Path):
    proc = run("check", "-o", str(tmp_path / "nowhere" / "report.txt"), str(seeds_copy))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"cleanlint: error: {tmp_path / 'nowhere' / 'report.txt'}: cannot write the report there: no such folder"
    ]


def test_output_file_that_is_a_folder_is_a_one_line_error(seeds_copy: Path, tmp_path: Path):
    proc = run("check", "--format", "html", "-o", str(tmp_path), str(seeds_copy))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [f"cleanlint: error: {tmp_path}: cannot write the report there: it is a folder"]


@pytest.mark.slow
def test_output_file_never_replaces_an_article(seeds_copy: Path):
    article = seeds_copy / "000_e4b41e1e62fd452d.txt"
    before = article.read_bytes()
    for target, paths in (
        (article, [seeds_copy]),
        (article, [article]),
        (seeds_copy / "old-report.html", [seeds_copy]),
    ):
        if not target.exists():
            target.write_text("<html><body><p>The report of an earlier run.</p></body></html>", encoding="utf-8")
        proc = run("check", "--format", "html", "-o", str(target), *map(str, paths))
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.startswith(f"cleanlint: error: {target}: cannot write the report there: it is one of")
    assert article.read_bytes() == before
    fresh = seeds_copy / "report.json"  # a new file with no article suffix is fine inside the corpus
    assert run("check", "--format", "json", "-o", str(fresh), str(seeds_copy)).returncode == 1 and fresh.exists()


def test_statistics_are_text_or_json(seeds_copy: Path):
    proc = run("check", "--statistics", "--format", "sarif", str(seeds_copy))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "cleanlint: error: --statistics is a table (text) or a list (json), not sarif\n"


def test_new_formats_are_for_check_only(seeds_copy: Path):
    proc = run("fix", "--format", "sarif", str(seeds_copy))
    assert proc.returncode == 2 and "invalid choice" in proc.stderr
    assert proc.stdout == ""


@pytest.mark.slow
def test_a_reader_that_stops_early_gets_no_traceback(seeds_copy: Path):
    cmd = f"{sys.executable} -m cleanlint check --no-cache --format github {seeds_copy} | head -n 1"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True)
    assert len(proc.stdout.splitlines()) == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal(tmp_path: Path):
    for i in range(25):
        (tmp_path / f"{i:02d}.txt").write_text(f"Article {i} about the harbour council.\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    for i in range(5):  # excluded by the settings: the bar counts what the run checks
        (tmp_path / "drafts" / f"{i}.txt").write_text("A draft.\n", encoding="utf-8")
    (tmp_path / ".cleanlint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    piped = run("check", "--no-cache", str(tmp_path))
    assert piped.stderr == ""
    primary, secondary = os.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    with os.fdopen(primary, "rb", buffering=0) as terminal:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cleanlint", "check", "--no-cache", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=secondary,
            env=env,
        )
        os.close(secondary)
        stdout, _ = proc.communicate()
        shown = b""
        try:
            while chunk := terminal.read(4096):
                shown += chunk
        except OSError:  # the terminal's other end is closed: all has been read
            pass
    assert proc.returncode == 0
    assert b"25/25" in shown and b"/30" not in shown and b"files" in shown
    assert stdout.decode() == piped.stdout  # the report itself is the same either way
    quiet = subprocess.run(
        [sys.executable, "-m", "cleanlint", "check", "--no-cache", "--no-progress", str(tmp_path)],
        capture_output=True,
    )
    assert quiet.stderr == b""
