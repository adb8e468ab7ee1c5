"""`--dask`: the same rules on a real dask.distributed cluster (a LocalCluster of 2 worker processes) give
exactly the report, and the fixed files, of a local run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleanlint.cli.main import main

pytestmark = pytest.mark.slow

pytest.importorskip("distributed", reason="dask is in the test extra: pip install -e '.[test]'")

DIRTY = "The council approved the budget on Tuesday.\nShare this article on Facebook\nThe vote was seven to two.\n"


@pytest.fixture
def corpus(seeds_copy: Path) -> Path:
    """The seeds, a JSONL file of records, and one bad file, so that errors travel back too."""
    records = [json.dumps({"id": i, "text": DIRTY if i % 2 else "A clean record, plainly written."}) for i in range(6)]
    (seeds_copy / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (seeds_copy / "latin1.txt").write_bytes("Caf\xe9 owners met.\n".encode("latin-1"))
    return seeds_copy


def report(capsys, *args: str) -> tuple[int, dict]:
    status = main(["check", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


def test_a_cluster_reports_what_a_local_run_reports(corpus: Path, capsys):
    local = report(capsys, str(corpus))
    on_cluster = report(capsys, "--dask", "local:2", str(corpus))
    assert on_cluster == local
    status, found = local
    assert status == 2 and any(f.get("record") == 2 for f in found["findings"])  # records and errors both came back


def test_a_cluster_fixes_files_as_a_local_run_does(corpus: Path, tmp_path: Path):
    other = tmp_path / "local"
    shutil.copytree(corpus, other)
    main(["fix", str(other)])
    main(["fix", "--dask", "local:2", str(corpus)])
    for path in other.iterdir():
        assert (corpus / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_bad_scheduler_is_one_line(corpus: Path, capsys):
    assert main(["check", "--dask", "local:many", str(corpus)]) == 2
    assert capsys.readouterr().err.strip() == (
        "cleanlint: error: --dask local:many: expected local, local:N or a scheduler address such as tcp://host:8786"
    )


def test_a_cluster_names_files_as_a_local_run_does(corpus: Path, capsys, monkeypatch):
    """Workers read each file by its absolute path; errors still name it as the user did."""
    monkeypatch.chdir(corpus.parent)
    assert main(["check", corpus.name]) == 2
    local = capsys.readouterr()
    assert main(["check", "--dask", "local:2", corpus.name]) == 2
    on_cluster = capsys.readouterr()
    assert f"error: {corpus.name}/latin1.txt: not UTF-8 text" in local.err
    assert (on_cluster.out, on_cluster.err) == (local.out, local.err)
