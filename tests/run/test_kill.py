"""`fix` killed with SIGKILL mid-run leaves every file either exactly as it was or exactly as fixed.

The promise of atomic.py is about crashes, and no exception handler runs on SIGKILL (nor on a power cut or
the OOM killer): only the order of temporary file, fsync and rename protects the corpus then. So this test
kills real `cleanlint fix` processes, serial and with worker processes, at moments spread over a run, and
compares every file byte for byte with the two states it may be in. A kill can leave a temporary file
behind; the runs after it must neither read it as an article nor be upset by it, and `fix` run again must
end exactly where an uninterrupted run ends.

The run is slow on purpose (sixty articles and a JSONL file of a dozen records, about 3 s with the default
rules), so that the kills land among the writes; the delays are fractions of the measured duration
of an uninterrupted run, so the test adapts to the speed of the machine.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cleanlint.safeio.atomic import TEMP_SUFFIX
from cleanlint.sources.articles import ARTICLE_SUFFIXES

from ..conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.name != "posix" or not hasattr(signal, "SIGKILL") or not hasattr(os, "killpg"),
        reason="needs POSIX signals and process groups (SIGKILL, killpg)",
    ),
]

SEEDS = ROOT / "seeds"
BOM = b"\xef\xbb\xbf"
ARTICLES = 60  # .txt and .md files, each written `copies` times
LONG_ENOUGH = 1.5  # seconds an uninterrupted run must take for kills to land between its writes
WIRE = Path("b", "wire.jsonl")  # the big JSONL file, in the middle of the run: a long window with a temp file open
WIRE_RECORDS = 12
SERIAL_FRACTIONS = (0.3, 0.55, 0.8)  # kill moments, as fractions of the uninterrupted run
JOBS_FRACTION = 0.75  # with --jobs 2 the engine is built in the parent and again in each worker
ATTEMPTS = 3  # a kill that came after the end, or before the first write, is tried again at another moment
TIMEOUT = 120  # seconds; only so that a hung process fails the test instead of hanging it


def cleanlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleanlint", *args]


def build_corpus(root: Path, copies: int = 1) -> None:
    """Articles made from the seeds, in several folders, in the shapes scrapers write them.

    Line ends, BOM and final newline vary, because `fix` writes each file back in its own shape; the two
    JSONL files are streamed to their temporary file record by record, the big one for long enough that a
    kill can be aimed at it. Discovery goes a/, b/ (wire.jsonl last), c/ (small.jsonl after the articles),
    then c/nested/. `copies` multiplies the articles and records, so that a run lasts long enough to be
    killed midway however fast the machine and cleanlint are.
    """
    paths = sorted(SEEDS.glob("*.txt"))
    seeds = [p.read_bytes() for p in paths]
    assert len(seeds) >= 3, "the seed articles are missing"
    folders = [root / "a"] * 24 + [root / "b"] * 12 + [root / "c"] * 18 + [root / "c" / "nested"] * 6
    assert len(folders) == ARTICLES
    for i, folder in enumerate(folders):
        data = seeds[i % len(seeds)]
        if i % 3 == 1:
            data = data.replace(b"\n", b"\r\n")
        if i % 5 == 3:
            data += b"\r\n" if i % 3 == 1 else b"\n"
        if i % 4 == 2:
            data = BOM + data
        folder.mkdir(parents=True, exist_ok=True)
        for copy in range(copies):
            name = f"{i:03d}_{copy:03d}_{paths[i % len(paths)].stem}{'.md' if i % 7 == 5 else '.txt'}"
            (folder / name).write_bytes(data)
    texts = [s.decode("utf-8") for s in seeds]
    with open(root / WIRE, "wb") as out:
        for n in range(WIRE_RECORDS * copies):
            record = {"id": n, "source": "wire", "text": texts[n % len(texts)]}
            out.write(json.dumps(record, ensure_ascii=n % 2 == 0).encode("utf-8") + b"\n")
    lines = [json.dumps({"text": t, "lang": "en"}, ensure_ascii=False).encode("utf-8") for t in texts[:3]]
    (root / "c" / "small.jsonl").write_bytes(BOM + b"\r\n".join(lines) + b"\r\n")


def articles(root: Path) -> dict[str, bytes]:
    """The bytes of every article file below `root`, by path relative to it."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    }


def temp_files(root: Path) -> dict[str, bytes]:
    """The temporary files a killed `fix` left below `root`, with their bytes, to see that no run touches them."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob(f"*{TEMP_SUFFIX}"))}


def first_difference(a: bytes, b: bytes) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


@dataclass
class Trial:
    """One killed run: when, how, and the state its copy of the corpus was found in."""

    label: str
    folder: Path
    delay: float
    jobs: int
    finished: bool = False  # the run ended by itself before the kill
    fixed: list[str] = field(default_factory=list)  # files that fix changes, found fixed
    untouched: list[str] = field(default_factory=list)  # files that fix changes, found as they were
    temps: dict[str, bytes] = field(default_factory=dict)

    @property
    def midway(self) -> bool:
        return bool(self.fixed and self.untouched)

    def __str__(self) -> str:
        how = "finished before the kill" if self.finished else "killed"
        return (
            f"{self.label}: --jobs {self.jobs}, {how} at {self.delay:.2f} s, {len(self.fixed)} fixed, "
            f"{len(self.untouched)} untouched, {len(self.temps)} temp files left"
        )


class Corpus:
    """The pristine corpus, what an uninterrupted `fix` makes of it, and fresh copies to kill runs in."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.pristine = tmp_path / "pristine"
        copies = 1
        while True:  # a corpus large enough that an uninterrupted run lasts LONG_ENOUGH
            shutil.rmtree(self.pristine, ignore_errors=True)
            shutil.rmtree(tmp_path / "expected", ignore_errors=True)
            build_corpus(self.pristine, copies)
            reference = self.copy("expected")
            started = time.monotonic()
            proc = subprocess.run(cleanlint("fix", str(reference)), capture_output=True, text=True, timeout=TIMEOUT)
            self.duration = time.monotonic() - started
            assert proc.returncode in (0, 1), proc.stderr
            if self.duration > LONG_ENOUGH or copies >= 64:
                break
            copies *= min(8, 1 + int(2 * LONG_ENOUGH / max(self.duration, 0.05)))
        self.original = articles(self.pristine)
        self.expected = articles(reference)
        self.changing = sorted(k for k in self.original if self.expected[k] != self.original[k])
        self.count = 0

    def copy(self, name: str) -> Path:
        target = self.tmp_path / name
        shutil.copytree(self.pristine, target)
        return target

    def start(self, label: str, jobs: int) -> tuple[subprocess.Popen, Path, Path]:
        """A `fix` on a fresh copy, in a session of its own so that one killpg reaches its workers too."""
        self.count += 1
        folder = self.copy(f"run{self.count:02d}")
        errors = self.tmp_path / f"run{self.count:02d}.stderr"
        with open(errors, "wb") as err:
            proc = subprocess.Popen(
                cleanlint("fix", "--jobs", str(jobs), str(folder)),
                stdout=subprocess.DEVNULL,
                stderr=err,
                cwd=self.tmp_path,
                start_new_session=True,
            )
        return proc, folder, errors

    def inspect(self, trial: Trial) -> Trial:
        """Every article is whole and in one of its two states; the only other files are temporary files."""
        now = articles(trial.folder)
        assert sorted(now) == sorted(self.original), f"{trial}: article files appeared or vanished"
        for name, data in now.items():
            before, after = self.original[name], self.expected[name]
            assert data or not before, f"{trial}: {name} is empty; it held {len(before)} bytes"
            assert data in (before, after), (
                f"{trial}: {name} is in neither state: {len(data)} bytes, the original has {len(before)} "
                f"(first difference at byte {first_difference(data, before)}), the fixed text {len(after)} "
                f"(first difference at byte {first_difference(data, after)})"
            )
        trial.fixed = [k for k in self.changing if now[k] == self.expected[k]]
        trial.untouched = [k for k in self.changing if now[k] == self.original[k]]
        trial.temps = temp_files(trial.folder)
        for name in trial.temps:
            folder, _, base = name.rpartition("/")
            owner = base[1:].rsplit(".", 2)[0]  # .NAME.XXXXXXXX.cleanlint-tmp
            assert Path(folder, owner).as_posix() in self.original, f"{trial}: a temporary file of no article: {name}"
        others = (
            {p.relative_to(trial.folder).as_posix() for p in trial.folder.rglob("*") if p.is_file()}
            - set(now)
            - set(trial.temps)
        )
        assert not others, f"{trial}: unexpected files {sorted(others)}"
        return trial


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the run and its workers, and return only when none of them can write any more."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=TIMEOUT)
    deadline = time.monotonic() + 10
    while _group_alive(proc.pid):
        assert time.monotonic() < deadline, f"processes of group {proc.pid} still alive 10 s after SIGKILL"
        time.sleep(0.01)


def _group_alive(pgid: int) -> bool:
    """Whether a process of the group still runs; zombies (orphaned workers nobody reaps) cannot write."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    proc = Path("/proc")
    if not proc.is_dir():
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if len(fields) > 2 and fields[2] == str(pgid) and fields[0] not in ("Z", "X"):
            return True
    return False


def timed_trial(corpus: Corpus, label: str, delay: float, jobs: int = 1) -> Trial:
    """Kill after `delay` seconds; a run that finished first, or had written nothing yet, is tried again."""
    for _ in range(ATTEMPTS):
        proc, folder, errors = corpus.start(label, jobs)
        time.sleep(delay)
        finished = proc.poll() is not None
        kill_group(proc)
        if finished:
            assert proc.returncode in (0, 1), errors.read_text()
        trial = corpus.inspect(Trial(label, folder, delay, jobs, finished))
        if finished:
            delay *= 0.6
        elif not (trial.fixed or trial.temps):
            delay = (delay + corpus.duration) / 2
        else:
            return trial
    return trial


def aimed_trial(corpus: Corpus) -> Trial:
    """Kill the moment the big JSONL file's temporary file appears: a kill in the middle of a write, for sure."""
    prefix = f".{WIRE.name}."
    for _ in range(ATTEMPTS):
        proc, folder, _ = corpus.start("aimed", 1)
        started = time.monotonic()
        seen = False
        while not seen and proc.poll() is None and time.monotonic() - started < TIMEOUT:
            seen = any(n.startswith(prefix) and n.endswith(TEMP_SUFFIX) for n in os.listdir(folder / WIRE.parent))
            if not seen:
                time.sleep(0.002)
        trial = Trial("aimed at wire.jsonl", folder, time.monotonic() - started, 1, proc.poll() is not None)
        kill_group(proc)
        corpus.inspect(trial)
        if seen and not trial.finished:
            assert WIRE.as_posix() in trial.untouched, f"{trial}: wire.jsonl was replaced by a killed run"
            assert any(WIRE.name in name for name in trial.temps), f"{trial}: no temporary file of wire.jsonl left"
            return trial
    pytest.fail(f"the temporary file of {WIRE} was never seen during a run ({ATTEMPTS} runs)")


def test_sigkill_during_fix_leaves_each_file_whole_and_a_second_run_converges(tmp_path: Path):
    """Five kills (three timed, one aimed into the JSONL write, one of a run with workers), then check and fix.

    A test that only ever killed before the first write or after the last would pass on any code, so at
    least one kill must fall between two writes, and one is aimed at the moment a temporary file is open.
    """
    corpus = Corpus(tmp_path)
    assert len(corpus.changing) >= len(corpus.original) // 2, "too few files need fixing to test anything"
    assert WIRE.as_posix() in corpus.changing
    assert corpus.duration > LONG_ENOUGH, f"an uninterrupted run took {corpus.duration:.2f} s: too short to kill midway"

    trials = [timed_trial(corpus, f"serial {f:.0%}", f * corpus.duration) for f in SERIAL_FRACTIONS]
    trials.append(aimed_trial(corpus))
    trials.append(timed_trial(corpus, f"jobs 2 {JOBS_FRACTION:.0%}", JOBS_FRACTION * corpus.duration, jobs=2))
    summary = "\n".join(map(str, trials))
    print(f"\nuninterrupted run: {corpus.duration:.2f} s, {len(corpus.changing)} of {len(corpus.original)} files fixed")
    print(summary)
    assert any(t.midway for t in trials), f"no kill landed between the first and the last write:\n{summary}"

    # The temporary files left behind are no article: `check` does not read them, whatever they hold.
    littered = [t for t in trials if t.temps]
    assert littered, summary
    proc = subprocess.run(
        cleanlint("check", *(str(t.folder) for t in littered)), capture_output=True, text=True, timeout=TIMEOUT
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert TEMP_SUFFIX not in proc.stdout + proc.stderr

    # `fix` run again after any interruption ends where an uninterrupted run ends, byte for byte.
    finals = [t for t in trials if not t.finished]
    proc = subprocess.run(
        cleanlint("fix", "--jobs", "2", *(str(t.folder) for t in finals)),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert TEMP_SUFFIX not in proc.stdout + proc.stderr
    for trial in finals:
        now = articles(trial.folder)
        wrong = sorted(k for k in corpus.expected if now.get(k) != corpus.expected[k])
        assert not wrong, f"{trial}: not as an uninterrupted run leaves them after a second run: {wrong}"
        assert temp_files(trial.folder) == trial.temps, f"{trial}: a run touched the temporary files left behind"
