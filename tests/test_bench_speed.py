"""bench/speed.py's accounting: the gate share counts what the rules' searchers found, without changing
any finding, and a run's CPU time includes the workers the process waited for."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cleanlint.document import Document
from cleanlint.ruleset.loader import load_rules

from .conftest import DEFAULT_RULES, ROOT, SEEDS, write

sys.path.insert(0, str(ROOT / "bench"))
import gate_share
import speed_proc

# the literal "share this story" is the gate; the digit after it is no literal, so a text can open the
# gate in vain
PHRASE_RULE = """
code: X950
name: share-count
kind: phrase
category: boilerplate
message: share count
summary: test
fix: {action: remove, safety: safe}
patterns: ['Share this story \\d+']
"""


def test_the_share_counts_gates_that_open_and_those_that_then_match(tmp_path: Path):
    rules = load_rules([write(tmp_path, PHRASE_RULE)])
    texts = [
        "The mayor spoke.\nShare this story 12\n",  # opens and matches
        "The mayor spoke.\nShare this story with a friend\n",  # opens in vain
        "The mayor spoke.\n",  # stays shut
    ]
    share = gate_share.measure(texts, rules, repeat=1)
    assert (share.documents, share.rules, share.gated_rules) == (3, 1, 1)
    assert (share.opened, share.matched) == (2, 1)
    assert share.matched_share == 0.5
    assert 0 < share.vain_seconds < share.check_seconds
    assert gate_share.describe(share).startswith("50% (1 of 2)")


@pytest.mark.slow
def test_recording_the_gates_changes_no_finding():
    checks, scan = gate_share.build_checks([r for r in DEFAULT_RULES if r.enabled])
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    log: list = []

    def findings() -> list:
        out = []
        for text in texts:
            doc = Document(text)
            scan(doc)
            out += [f for _rule, check in checks for f in check(doc)]
        return out

    plain = findings()
    with gate_share.recorded_gates(log):
        recorded = findings()
    assert recorded == plain and plain
    assert any(searcher is not None and searcher.found for _alternation, searcher in log)
    assert any(searcher is not None and not searcher.found for _alternation, searcher in log)


def test_a_recorded_searcher_notes_a_match_from_any_of_its_searches():
    import regex

    pattern = regex.compile(r"b+")
    for use in (
        lambda r: r.search("abba"),
        lambda r: r.match("bba"),
        lambda r: r.fullmatch("bb"),
        lambda r: list(r.finditer("abba")),
    ):
        recording = gate_share.Recording(pattern)
        assert not recording.found
        use(recording)
        assert recording.found
    missed = gate_share.Recording(pattern)
    assert missed.search("aaa") is None and missed.match("ab") is None and list(missed.finditer("a")) == []
    assert not missed.found
    assert missed.pattern == r"b+"  # anything else is the searcher's own


BURN = "import time\nwhile time.process_time() < 0.3: pass\n"


@pytest.mark.slow
def test_a_run_counts_the_cpu_of_the_workers_it_waited_for(tmp_path: Path):
    alone = speed_proc.run([sys.executable, "-c", BURN], tmp_path)
    assert alone.cpu >= 0.3 and alone.peak_mb > 1
    parent = f"import subprocess, sys\nsubprocess.run([sys.executable, '-c', {BURN!r}])\n{BURN}"
    both = speed_proc.run([sys.executable, "-c", parent], tmp_path)
    assert both.cpu >= 0.6


def test_a_run_that_fails_stops_the_benchmark_with_its_error(tmp_path: Path):
    with pytest.raises(SystemExit, match="exited 3: boom"):
        speed_proc.run([sys.executable, "-c", "import sys; print('boom', file=sys.stderr); sys.exit(3)"], tmp_path)


def test_the_corpus_is_copies_of_the_texts_up_to_its_size(tmp_path: Path):
    mb, files = speed_proc.build_corpus(["a" * 400_000, "b" * 300_000], tmp_path / "corpus", 1.0)
    assert (mb, files) == (1.1, 3)
    assert [p.read_text()[0] for p in sorted((tmp_path / "corpus").iterdir())] == ["a", "b", "a"]
