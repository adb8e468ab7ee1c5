"""What bench/speed.py needs besides its figures: whole-process runs with their CPU time and peak memory, the
machine and the installation they ran on, and the corpus they ran over.

A figure of this machine means little without the machine, and one of an editable install or a stale
wheel means little for users, who run a wheel: so the speed table says which it measured.
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OK_EXITS = (0, 1, 65)  # 1: cleanlint's findings; 65: codespell's misspellings


@dataclass(frozen=True)
class Run:
    """One finished run of a command: wall seconds, CPU seconds (user + system) of the process and of the
    workers it waited for, and the peak resident memory of the largest of them, in MB."""

    wall: float
    cpu: float
    peak_mb: float


def run(cmd: list[str], cwd: Path) -> Run:
    """Run `cmd` as a whole process, output thrown away, and account for it with the kernel's own figures
    (wait4): unlike a difference of RUSAGE_CHILDREN, they belong to this run alone."""
    with tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
        if proc.returncode not in OK_EXITS:
            err.seek(0)
            message = err.read().decode("utf-8", "replace")[-1500:]
            sys.exit(f"{' '.join(cmd)} exited {proc.returncode}: {message}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss: kB on Linux


def tool(name: str) -> str | None:
    """A command installed beside this interpreter (its virtual environment), else on PATH, else None."""
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    from shutil import which

    return which(name)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f", {int(line.split()[1]) / 1024**2:.0f} GB"
    except OSError:
        pass
    return ""


def load() -> str:
    """The load average over 1, 5 and 15 minutes: above the cores' count, other work shared them."""
    return ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def machine() -> str:
    """The date, the processor, its cores, memory, system and Python, and how busy the machine was."""
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    return (
        f"{datetime.datetime.now():%Y-%m-%d %H:%M}; {_cpu_model()}, {cores} cores ({usable} usable)"
        f"{_memory_gb()}; {platform.system()} {platform.release()}; "
        f"{platform.python_implementation()} {platform.python_version()}; load average {load()}"
    )


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return out.stdout.strip()


def _differing(installed: Path) -> list[str]:
    """Files of the working tree's package and rules that the installed package does not hold as they are."""
    pairs = [(p, installed / p.relative_to(ROOT / "cleanlint")) for p in sorted((ROOT / "cleanlint").rglob("*.py"))]
    pairs += [(p, installed / "rules" / p.relative_to(ROOT / "rules")) for p in sorted((ROOT / "rules").rglob("*"))]
    return [
        str(ours.relative_to(ROOT))
        for ours, theirs in pairs
        if ours.is_file() and (not theirs.is_file() or theirs.read_bytes() != ours.read_bytes())
    ]


def installation() -> str:
    """Which cleanlint is measured: its version, a wheel or an editable install, and whether it is the code
    of this working tree (a wheel not reinstalled after a change measures the code before it)."""
    import cleanlint
    from cleanlint.scan.gates import best_backend

    package = Path(cleanlint.__file__).resolve().parent
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = " with uncommitted changes" if _git("status", "--porcelain", "--", "cleanlint", "rules") else ""
    tree = f"the working tree at {commit}{dirty}" if commit else "the working tree"
    if package == ROOT / "cleanlint":
        kind = f"editable install of {tree}"
    else:
        differing = _differing(package)
        same = f"same code as {tree}" if not differing else f"NOT {tree}: {len(differing)} files differ, reinstall"
        kind = f"wheel install ({same})"
    return f"cleanlint {cleanlint.__version__}, {kind}; literal scanner {best_backend()}"


def read_texts(folder: Path, glob: str) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob(glob))]
    if not texts:
        sys.exit(f"{folder}: no files matching {glob}")
    return texts


def build_corpus(texts: list[str], folder: Path, megabytes: float) -> tuple[float, int]:
    """Copies of `texts`, round-robin, one a file, until `megabytes` of text: (MB written, files)."""
    folder.mkdir(parents=True)
    size = i = 0
    while size < megabytes * 1e6:
        text = texts[i % len(texts)]
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode())
        i += 1
    return size / 1e6, i
