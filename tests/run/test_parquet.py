"""Parquet corpora: the bench articles as a table are checked and fixed as the same articles in JSONL are;
a fixed file keeps its schema and every other column; memory does not grow with the file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleanlint.cli.main import main

from ..conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow

pa = pytest.importorskip("pyarrow", reason="pyarrow is in the test extra: pip install -e '.[test]'")
pq = pytest.importorskip("pyarrow.parquet")

BENCH = ROOT.parent / "shared" / "bench" / "aeb-dev"
# rows per row group: several groups of the bench articles, or of the five seeds where the bench is absent
GROUP = 16 if any(BENCH.glob("*.article.txt")) else 2


def articles() -> list[Path]:
    """The 90 bench articles, or the seeds where the bench is not beside the project."""
    return sorted(BENCH.glob("*.article.txt")) or sorted(SEEDS.glob("*.txt"))


def table(repeat: int = 1):
    """The articles with columns of many types around the text: a nested list, a struct, a timestamp, nulls
    (a null text among them), and pandas-style schema metadata."""
    paths = articles() * repeat
    n = len(paths)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts[3] = None
    columns = {
        "id": pa.array(range(n), pa.int64()),
        "name": pa.array([p.name for p in paths]),
        "text": pa.array(texts, pa.large_string()),
        "source": pa.array(["Riverside Gazette" if i % 2 else None for i in range(n)]),
        "tags": pa.array([["news", str(i)] for i in range(n)], pa.list_(pa.string())),
        "meta": pa.array([{"score": i / 7, "ok": i % 3 == 0} for i in range(n)]),
        "seen": pa.array([1_700_000_000_000 + i for i in range(n)], pa.timestamp("ms")),
    }
    schema = pa.schema([pa.field(k, v.type) for k, v in columns.items()], metadata={b"origin": b"crawl 7"})
    return pa.table(columns, schema=schema)


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """The same articles as a Parquet file (several row groups, zstd) and as a JSONL file."""
    data = table()
    parquet = tmp_path / "corpus.parquet"
    pq.write_table(data, parquet, row_group_size=GROUP, compression="zstd")
    jsonl = tmp_path / "corpus.jsonl"
    rows = data.select(["id", "text", "source"]).to_pylist()
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows if r["text"] is not None), encoding="utf-8")
    return parquet, jsonl


def report(capsys, *args: str) -> tuple[int, list[dict]]:
    status = main(["check", "--no-cache", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)["findings"]


def by_text(findings: list[dict], texts: list[str | None]) -> list[tuple]:
    """Findings keyed by the text of their record, not its number (the JSONL file leaves out the null row)."""
    return [(texts[f["record"] - 1], {k: v for k, v in f.items() if k not in ("path", "record")}) for f in findings]


def test_findings_equal_the_jsonl_runs(corpus, capsys):
    parquet, jsonl = corpus
    status, found = report(capsys, str(parquet))
    assert status == 1 and len(found) > len(articles())
    texts = pq.read_table(parquet).column("text").to_pylist()
    lines = [json.loads(line)["text"] for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert by_text(found, texts) == by_text(report(capsys, str(jsonl))[1], lines)
    assert report(capsys, "--jobs", "2", str(parquet))[1] == found  # rows in order from worker processes too


def test_fix_changes_only_the_texts(corpus, capsys):
    parquet, jsonl = corpus
    before = pq.read_table(parquet)
    main(["fix", "--no-cache", str(parquet)])
    main(["fix", "--no-cache", str(jsonl)])
    capsys.readouterr()
    after = pq.read_table(parquet)
    assert after.schema.equals(before.schema, check_metadata=True)
    assert after.drop_columns(["text"]).equals(before.drop_columns(["text"]))
    fixed = [json.loads(line)["text"] for line in jsonl.read_text(encoding="utf-8").splitlines()]
    texts = after.column("text").to_pylist()
    assert texts[3] is None and [t for t in texts if t is not None] == fixed
    assert texts != before.column("text").to_pylist()
    assert pq.ParquetFile(parquet).num_row_groups == pq.ParquetFile(parquet).metadata.num_row_groups
    assert pq.ParquetFile(parquet).metadata.row_group(0).num_rows == GROUP
    assert pq.ParquetFile(parquet).metadata.row_group(0).column(2).compression == "ZSTD"


def test_fix_diff_and_clean_files_write_nothing(corpus, tmp_path: Path, capsys):
    parquet, _ = corpus
    data = parquet.read_bytes()
    assert main(["fix", "--no-cache", "--diff", str(parquet)]) == 1
    assert capsys.readouterr().out.startswith(f"--- a/{parquet}:record 1 (text)\n")
    clean = tmp_path / "clean.parquet"
    pq.write_table(pa.table({"text": ["The council met on Tuesday and approved the budget.\n"]}), clean)
    clean_bytes = clean.read_bytes()
    assert main(["fix", "--no-cache", str(clean)]) == 0
    assert clean.read_bytes() == clean_bytes and parquet.read_bytes() == data


def test_a_folder_search_finds_parquet_files(corpus, capsys):
    parquet, jsonl = corpus
    jsonl.unlink()
    status, found = report(capsys, str(parquet.parent))
    assert status == 1 and {f["path"] for f in found} == {str(parquet)}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: pq.write_table(pa.table({"body": ["x"]}), p), "no column 'text' (columns: body)"),
        (lambda p: pq.write_table(pa.table({"text": [1]}), p), "column 'text' is int64, not text"),
        (lambda p: p.write_text("not a table\n"), "not a Parquet file that can be read (Parquet magic bytes"),
    ],
)
def test_a_file_that_cannot_be_used_is_one_line(tmp_path: Path, capsys, make, message):
    path = tmp_path / "bad.parquet"
    make(path)
    assert main(["check", "--no-cache", str(path)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: {path}: {message}")


def test_fix_log_is_refused_for_parquet(corpus, tmp_path: Path, capsys):
    parquet, _ = corpus
    data = parquet.read_bytes()
    assert main(["fix", "--no-cache", "--log", str(tmp_path / "fix.log"), str(parquet)]) == 2
    assert "fix --log does not record edits in Parquet files" in capsys.readouterr().err
    assert parquet.read_bytes() == data


def test_without_pyarrow_a_parquet_file_is_one_line_naming_the_extra(corpus, capsys, monkeypatch):
    parquet, _ = corpus
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # an import of it fails, as where it is not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["check", "--no-cache", str(parquet)]) == 2
    assert capsys.readouterr().err == (
        f"error: {parquet}: reading Parquet needs the parquet extra: pip install 'cleanlint[parquet]'\n"
    )


PEAK = (
    "import resource, sys\nfrom cleanlint.cli.main import main\nsys.stdout = open('/dev/null', 'w')\n"
    "main(sys.argv[1:])\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
)


def peak_kb(*args: str) -> int:
    """The peak resident memory of a run of its own (kB)."""
    proc = subprocess.run([sys.executable, "-c", PEAK, *args], capture_output=True, text=True, check=True)
    return int(proc.stderr.split()[-1])


@pytest.mark.parametrize("command", ["check", "fix"])
def test_memory_does_not_grow_with_the_file(tmp_path: Path, command: str):
    """Twenty times the rows: a run that held the extra texts (as the results of their rows do) would grow by
    at least their size, and by much more with their documents; one that streams row groups by little."""
    small, large = tmp_path / "small.parquet", tmp_path / "large.parquet"
    pq.write_table(table(), small, row_group_size=GROUP)
    pq.write_table(table(20), large, row_group_size=GROUP)
    extra_text = sum(len(t.encode()) for t in table(19).column("text").to_pylist() if t) // 1024
    growth = peak_kb(command, "--no-cache", str(large)) - peak_kb(command, "--no-cache", str(small))
    assert growth < extra_text, (growth, extra_text)  # measured: about 3 MB for 9 MB of extra text


def test_a_linked_parquet_file_is_reported_not_written(corpus, tmp_path: Path, capsys):
    parquet, _ = corpus
    folder = tmp_path / "linked"
    folder.mkdir()
    (folder / "corpus.parquet").symlink_to(parquet)
    data = parquet.read_bytes()
    main(["fix", "--no-cache", str(folder)])
    assert "a symbolic link; not rewritten" in capsys.readouterr().err
    assert parquet.read_bytes() == data
    shutil.rmtree(folder)
