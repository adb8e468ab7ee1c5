"""End to end: the hooks in .pre-commit-hooks.yaml, run by the real pre-commit from a real `git commit`.

Why: the README tells corpus maintainers to add this repository to their .pre-commit-config.yaml. That only
works if the hooks file is valid for pre-commit, if pre-commit can build the hook's environment from this
repository (a `pip install .` of it, which needs the package metadata, the code and the default rules), if the
`files`/`types` filters let article files through, and if `cleanlint check` and `cleanlint fix` exit the way
pre-commit expects. None of that is seen by the unit tests, so here pre-commit installs the hooks from a snapshot
of the working tree and guards commits in a throwaway corpus repository.

The snapshot is of the working tree, not of HEAD, so uncommitted changes are what is tested. The hook
environment (which downloads cleanlint's dependencies from the package registry) is built once per module, in
a private PRE_COMMIT_HOME, and never in ~/.cache/pre-commit. Git runs without the user's global and system
settings (a global `core.hooksPath` would make `pre-commit install` refuse), with a fixed identity.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: pre-commit needs git"),
]

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
INSTALL_TIMEOUT = 600  # the first hook environment pip-installs cleanlint and its dependencies
RUN_TIMEOUT = 180

# Several sentences of neutral news text (written for this test), and the same text with a share bar in it.
SENTENCES = [
    "The town council of Millbrook voted on Tuesday to repair the old stone bridge over the Ash river.",
    "The bridge, built in 1887, has been closed to cars since a flood damaged its western arch last spring.",
    "Engineers expect the work to take eight months and to cost about 2.4 million pounds.",
    "Local shop owners said the closure had cut the number of visitors to the high street.",
    "The council will publish the full timetable for the repairs next week.",
]
BOILERPLATE = "Share this article on Facebook"
CLEAN = "\n".join(SENTENCES[:4]) + "\n\n" + SENTENCES[4] + "\n"
DIRTY = "\n".join(SENTENCES[:4]) + "\n\n" + BOILERPLATE + "\n\n" + SENTENCES[4] + "\n"
CODE = "B503"  # share-bar: the finding the default rules give for BOILERPLATE

PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><title>Council approves bridge repair</title></head>\n'
    "<body><article><h1>Council approves bridge repair</h1>\n"
    + "".join(f"<p>{line}</p>\n" for line in [*SENTENCES[:4], BOILERPLATE, SENTENCES[4]])
    + "</article></body></html>\n"
)


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess:
    """Run `cmd`, stdout and stderr together as text; never raises for a non-zero exit."""
    return subprocess.run(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout
    )


def ok(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = RUN_TIMEOUT) -> str:
    """Run `cmd` and return its output; fail the test with that output if it exits non-zero."""
    result = run(cmd, cwd, env, timeout)
    assert result.returncode == 0, f"{cmd} exited {result.returncode}:\n{result.stdout}"
    return result.stdout


def head(repo: Path, env: dict[str, str]) -> str:
    return ok(["git", "rev-parse", "HEAD"], repo, env).strip()


def passed(output: str, hook: str) -> bool:
    """Whether pre-commit's row for `hook` says Passed (not Skipped for want of matching files)."""
    return any(hook in row and row.endswith("Passed") for row in output.splitlines())


def assert_committed(
    result: subprocess.CompletedProcess, hook: str, corpus: Path, env: dict[str, str], name: str
) -> None:
    """The commit went through with `hook` run and passed, as the corpus's second commit, holding the clean text."""
    assert result.returncode == 0, result.stdout
    assert passed(result.stdout, hook), result.stdout
    assert commit_count(corpus, env) == 2
    assert ok(["git", "show", f"HEAD:{name}"], corpus, env) == CLEAN


def commit_count(repo: Path, env: dict[str, str]) -> int:
    return int(ok(["git", "rev-list", "--count", "HEAD"], repo, env))


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of every git and pre-commit call: isolated git settings, one PRE_COMMIT_HOME per module."""
    assert importlib.util.find_spec("pre_commit") is not None, (
        "pre-commit is a test dependency: pip install -e '.[test]'"
    )
    environ = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    environ.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        PRE_COMMIT_COLOR="never",
    )
    return environ


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """A git repository holding a snapshot of this working tree's installable files; (its path, its commit sha)."""
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, repo / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("cleanlint", "rules"):
        shutil.copytree(ROOT / name, repo / name, ignore=ignore)
    ok(["git", "init", "-q"], repo, env)
    ok(["git", "add", "-A"], repo, env)
    ok(["git", "commit", "-q", "--no-verify", "-m", "snapshot of the working tree"], repo, env)
    return repo, head(repo, env)


@pytest.fixture(scope="module")
def make_corpus(
    tmp_path_factory: pytest.TempPathFactory, env: dict[str, str], hook_repo: tuple[Path, str]
) -> Callable[[str], Path]:
    """A factory of corpus repositories whose pre-commit hook runs one of our hooks, installed by `pre-commit install`.

    Each corpus has one commit (its .pre-commit-config.yaml). The hook environment is built here once, before any
    test, by `pre-commit install-hooks`, so that the slow pip install has its own long timeout and the tests reuse it.
    """
    repo_path, sha = hook_repo

    def make(hook_id: str) -> Path:
        corpus = tmp_path_factory.mktemp(f"corpus-{hook_id}")
        (corpus / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {repo_path}\n    rev: {sha}\n    hooks:\n      - id: {hook_id}\n", encoding="utf-8"
        )
        ok(["git", "init", "-q"], corpus, env)
        ok(["git", "add", ".pre-commit-config.yaml"], corpus, env)
        ok(["git", "commit", "-q", "-m", "pre-commit config"], corpus, env)
        ok([*PRE_COMMIT, "install"], corpus, env)
        assert (corpus / ".git" / "hooks" / "pre-commit").is_file()
        return corpus

    warm = make("cleanlint-fix")  # both hooks come from the same repository and share one environment
    ok([*PRE_COMMIT, "install-hooks"], warm, env, timeout=INSTALL_TIMEOUT)
    return make


def commit(corpus: Path, env: dict[str, str], *names: str) -> subprocess.CompletedProcess:
    """`git add NAMES` then a real `git commit`, which runs the installed pre-commit hook."""
    ok(["git", "add", *names], corpus, env)
    return run(["git", "commit", "-m", f"add {' '.join(names)}"], corpus, env)


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [("dirty.txt", DIRTY, 6), ("notes/dirty.md", DIRTY, 6), ("page.html", PAGE, None)],
    ids=["txt", "md", "html"],
)
def test_check_hook_stops_a_commit_of_a_dirty_article(
    make_corpus: Callable[[str], Path], env: dict[str, str], name: str, content: str, line: int | None
) -> None:
    """The `cleanlint` hook fails on an article with boilerplate: the commit does not happen and the finding is shown.

    The HTML page is linted on its extracted text, so its finding's line is not the text file's.
    """
    corpus = make_corpus("cleanlint")
    path = corpus / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    before = head(corpus, env)

    result = commit(corpus, env, name)

    assert result.returncode != 0, result.stdout
    assert "cleanlint (check articles)" in result.stdout and "Failed" in result.stdout, result.stdout
    assert CODE in result.stdout and name in result.stdout, result.stdout
    if line is not None:
        assert f"{name}:{line}:1: {CODE} [share-bar]" in result.stdout, result.stdout
    assert head(corpus, env) == before and commit_count(corpus, env) == 1
    assert path.read_text(encoding="utf-8") == content  # the check hook changes nothing


def test_check_hook_lets_a_clean_article_through(make_corpus: Callable[[str], Path], env: dict[str, str]) -> None:
    """A clean article commits, and the hook really ran on it (Passed, not skipped for want of matching files)."""
    corpus = make_corpus("cleanlint")
    (corpus / "clean.txt").write_text(CLEAN, encoding="utf-8")

    result = commit(corpus, env, "clean.txt")

    assert_committed(result, "cleanlint (check articles)", corpus, env, "clean.txt")


def test_fix_hook_cleans_the_article_then_the_commit_succeeds(
    make_corpus: Callable[[str], Path], env: dict[str, str]
) -> None:
    """The `cleanlint-fix` hook removes the boilerplate in place and fails the commit, as pre-commit does for any
    hook that modifies files; once the cleaned file is staged, the hook passes and the commit goes through."""
    corpus = make_corpus("cleanlint-fix")
    path = corpus / "dirty.txt"
    path.write_text(DIRTY, encoding="utf-8")

    first = commit(corpus, env, "dirty.txt")

    assert first.returncode != 0, first.stdout
    assert "cleanlint (fix articles)" in first.stdout and "Failed" in first.stdout, first.stdout
    assert "files were modified by this hook" in first.stdout, first.stdout
    assert commit_count(corpus, env) == 1
    fixed = path.read_text(encoding="utf-8")
    assert BOILERPLATE not in fixed
    assert all(sentence in fixed for sentence in SENTENCES), fixed
    assert fixed == CLEAN  # the removed line takes its newline: no hole is left
    # the fix is in the working tree, not yet staged: the index still holds the dirty article
    assert ok(["git", "diff", "--name-only"], corpus, env).split() == ["dirty.txt"]

    second = commit(corpus, env, "dirty.txt")

    assert_committed(second, "cleanlint (fix articles)", corpus, env, "dirty.txt")


def test_fix_hook_writes_the_text_of_an_html_page_beside_it(
    make_corpus: Callable[[str], Path], env: dict[str, str]
) -> None:
    """On an HTML page the fix hook leaves the page alone and writes its cleaned text to page.txt beside it.

    pre-commit only notices changes to tracked files, so the run passes although page.txt is new: the corpus
    maintainer has to add page.txt themselves. Once added, page.txt is clean and a second run changes nothing.
    """
    corpus = make_corpus("cleanlint-fix")
    (corpus / "page.html").write_text(PAGE, encoding="utf-8")
    ok(["git", "add", "page.html"], corpus, env)

    first = run([*PRE_COMMIT, "run", "cleanlint-fix", "--files", "page.html"], corpus, env)

    assert first.returncode == 0, first.stdout
    assert (corpus / "page.html").read_text(encoding="utf-8") == PAGE
    text = (corpus / "page.txt").read_text(encoding="utf-8")
    assert text.startswith("---\n") and "extracted-from: page.html\n" in text, text
    assert BOILERPLATE not in text
    assert all(sentence in text for sentence in SENTENCES), text

    second = commit(corpus, env, "page.html", "page.txt")

    assert second.returncode == 0, second.stdout
    assert "Passed" in second.stdout, second.stdout
    assert (corpus / "page.txt").read_text(encoding="utf-8") == text
    assert ok(["git", "show", "HEAD:page.txt"], corpus, env) == text
