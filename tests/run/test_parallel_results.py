"""What worker processes send back, and what a parallel run leaves behind.

A report of findings needs only each finding's line and column, so workers send the documents' line starts
instead of their texts; the report must be byte for byte what one job prints, CRLF files included.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from cleanlint.config import Config
from cleanlint.document import Document
from cleanlint.engine.engine import Engine, Selection
from cleanlint.report.formats import finding_dicts, text_lines
from cleanlint.ruleset.defaults import default_rules_dir
from cleanlint.run.outcome import FileResult, Lines
from cleanlint.run.plan import RunPlan
from cleanlint.run.runner import process, run
from cleanlint.run.spec import EngineSpec

SPEC = EngineSpec((default_rules_dir(),), Selection())


def plan(paths: list[Path], **given) -> RunPlan:
    """Two jobs over `paths` with the default rules; `given` as the command line would set them."""
    return RunPlan(Config(), SPEC, paths=tuple(paths), jobs=2, **given)


def with_crlf_copy(folder: Path) -> Path:
    """A seed saved with CRLF line ends beside the others: its offsets in a report are the file's own."""
    seed = sorted(folder.glob("*.txt"))[1]
    crlf = folder / "zz_crlf.txt"
    crlf.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    return crlf


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleanlint", *args], capture_output=True, text=True)


@pytest.mark.slow
def test_two_jobs_print_the_text_report_of_one_byte_for_byte(seeds_copy: Path):
    with_crlf_copy(seeds_copy)
    for form in ("text", "json"):
        serial = cli("check", "--no-cache", "--format", form, "--jobs", "1", str(seeds_copy))
        parallel = cli("check", "--no-cache", "--format", form, "--jobs", "2", str(seeds_copy))
        assert serial.returncode == parallel.returncode == 1, parallel.stderr
        assert parallel.stdout == serial.stdout and parallel.stderr == serial.stderr


def test_a_result_without_texts_reports_every_finding_where_it_was(default_engine: Engine, seeds_copy: Path):
    crlf = with_crlf_copy(seeds_copy)
    paths = (crlf, *sorted(seeds_copy.glob("00*.txt")))
    results = [r for p in paths for r in process(default_engine, RunPlan(Config()), p)]
    assert results[0].source is not None and results[0].source.crlf and results[0].findings
    for full in results:
        slim = full.without_texts()
        assert isinstance(slim.document, Lines) and slim.source is not None and slim.source.text == ""
        assert slim.findings == full.findings
        assert finding_dicts(slim) == finding_dicts(full)
        assert text_lines(slim) == text_lines(full)


def test_a_fixed_result_keeps_its_texts():
    doc = Document("Text.\n")
    fixed = FileResult(Path("a.txt"), document=doc, fixed_text="Text.\n")
    assert fixed.without_texts() is fixed


@pytest.mark.slow
def test_workers_send_texts_back_only_when_the_report_reads_them(default_engine: Engine, seeds_copy: Path):
    paths = sorted(seeds_copy.glob("*.txt"))[:6]
    slim = list(run(default_engine, plan(paths)))  # a text report: findings, lines and columns
    full = list(run(default_engine, plan(paths, format="html")))
    assert [r.path for r in slim] == [r.path for r in full] == paths
    assert all(isinstance(r.document, Lines) for r in slim)
    assert all(isinstance(r.document, Document) and r.document.text == r.source.text for r in full if r.source)
    assert [r.findings for r in slim] == [r.findings for r in full]


@pytest.mark.slow
def test_the_collector_skips_what_was_built_before_the_workers_only_while_they_run(
    default_engine: Engine, seeds_copy: Path
):
    """The engine and everything else built before the workers start is frozen for the run (the
    collector's full passes would walk it in every worker), and thawed after it."""
    paths = sorted(seeds_copy.glob("*.txt"))[:4]
    gc.collect()
    assert gc.get_freeze_count() == 0
    results = run(default_engine, plan(paths))
    first = next(results)
    assert gc.get_freeze_count() > 0
    assert len([first, *results]) == 4
    assert gc.get_freeze_count() == 0


@pytest.mark.slow
def test_a_parallel_run_leaves_what_its_caller_froze_frozen(default_engine: Engine, seeds_copy: Path):
    paths = sorted(seeds_copy.glob("*.txt"))[:4]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert len(list(run(default_engine, plan(paths)))) == 4
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
