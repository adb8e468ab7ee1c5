"""The cache of loaded rules, so that a hook run does not parse and validate hundreds of rules every time.

Loading the default packs (YAML with line numbers, every key checked, every pattern compiled once to
validate it) costs a tenth of a second; unpickling the result costs a millisecond. The cache key is a digest
of cleanlint's version and modules, Python's version, and the path and bytes of every rule file, so any edit
of a rule file or of the code, an upgrade, or another rule set is a miss, never a stale hit. Only rules that
loaded without error are cached: a broken rule file is reported from the file itself on every run.

The entries live in `.cleanlint_cache/rules/` beside the settings (or in the current folder). That folder is
part of the corpus, which others may write to: the key above is predictable, so an entry is trusted only
when it is sealed with the user's own key, and the folder is never followed through a symlink
(cachestore.py). `--no-cache` neither reads nor writes it. A cache that cannot be read or written is
ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..safeio.cachestore import holds_entry, read_entry, write_entry
from .files import RuleError, rule_files

if TYPE_CHECKING:
    from ..rule import Rule
    from ..scan.gates import Prepared

_FORMAT = 1


def _code_stamp() -> bytes:
    """Size and time of every module of cleanlint: a rule is made of its kind's code as well as its YAML, and
    a checkout edited without a new version number must not be served rules built by the old code."""
    package = Path(__file__).resolve().parent.parent  # cleanlint/, above ruleset/
    stamp = []
    for module in sorted(package.rglob("*.py")):
        info = module.stat()
        stamp.append(f"{module.relative_to(package).as_posix()}:{info.st_size}:{info.st_mtime_ns}")
    return "\0".join(stamp).encode()


# Optional packages a rule file may ask for (L101's `backend: cld2` needs pycld2). Whether each is installed is
# part of the key, so that rules cached while one was there are loaded, and refused, again once it is gone.
_OPTIONAL_PACKAGES = ("pycld2",)


def _key(files: Sequence[Path]) -> str:
    digest = hashlib.sha256(f"{_FORMAT}\0{__version__}\0{sys.version}\0".encode() + _code_stamp())
    digest.update(_installed_optional())
    for path in files:
        digest.update(os.fsencode(path.resolve()) + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _installed_optional() -> bytes:
    from importlib.util import find_spec  # here: importlib.util is not loaded by a run answered from the cache

    return "".join("1" if find_spec(name) is not None else "0" for name in _OPTIONAL_PACKAGES).encode()


def cached_rules(paths: Sequence[Path], cache_dir: Path | None, key: str | None = None) -> list[Rule]:
    """The rules of `paths`, as load_rules gives them, from the cache when it holds them; `key` is
    rules_key(paths) when the caller has it already."""
    if cache_dir is None:
        return _load(paths)
    try:
        key = key or rules_key(paths)
    except (OSError, RuleError):
        return _load(paths)  # which says what is wrong with the rule files
    entry = _rules_entry(key)
    from ..rule import Rule  # here: a run that reads no rules need not load it

    cached = read_entry(cache_dir, entry, Rule)
    if cached is not None:
        return cached
    rules = _load(paths)  # raises RuleError for a broken file, which is never cached
    write_entry(cache_dir, entry, rules)
    write_entry(cache_dir, _codes_entry(key), [rule.code for rule in rules])
    return rules


def cached_codes(cache_dir: Path, key: str) -> list[str] | None:
    """The codes of the rules of `key`, kept apart from them: checking the codes a run selects or ignores
    then costs a hook run no more than reading this short list."""
    return read_entry(cache_dir, _codes_entry(key), str)


class PreparedStore:
    """Where the engine keeps what it works out from the rules (scan.gates.Prepared: each pattern's literals and the
    compiled scanner; memo.py: compiled patterns and other readings of them), beside the rules it was worked
    out from."""

    def __init__(self, cache_dir: Path, key: str):
        self._cache_dir, self._entry = cache_dir, f"rules/{key}.prepared.pickle"
        self._memo_entry = f"rules/{key}.memo.pickle"
        self._memo_kept = 0  # how many answers the memo entry holds, as far as this process knows

    def load(self) -> Prepared | None:
        from ..scan.gates import Prepared  # here: a run that checks nothing need not load the scanner

        found = read_entry(self._cache_dir, self._entry, Prepared)
        return found[0] if found else None

    def save(self, prepared: Prepared) -> None:
        write_entry(self._cache_dir, self._entry, [prepared])

    def load_memo(self) -> None:
        """Start this process's memo tables (memo.py) from the ones kept for these rules, if they were filled
        by the same build of the `regex` module."""
        from ..scan import memo

        found = read_entry(self._cache_dir, self._memo_entry, tuple)
        if found and len(found[0]) == 2 and isinstance(found[0][1], dict) and found[0][0] == memo.stamp():
            self._memo_kept = memo.load(found[0][1])

    def save_memo(self) -> None:
        """Keep the memo tables for the next run, if they hold answers the entry does not."""
        from ..scan import memo

        if memo.size() > self._memo_kept:
            write_entry(self._cache_dir, self._memo_entry, [(memo.stamp(), memo.taken())])
            self._memo_kept = memo.size()


def _load(paths: Sequence[Path]) -> list[Rule]:
    from .loader import load_rules  # here: rules read from the cache need no YAML parser

    return load_rules(paths)


def holds_rules(cache_dir: Path, key: str) -> bool:
    """Whether the cache has the rules of `key`, which were loaded and checked when they were stored: an
    authentic entry, so that a planted one cannot put off the report of a broken rule file. The short list
    of their codes answers (it is written only after the rules, which loaded without error): authenticating
    the rules themselves would cost a hook run reading and digesting half a megabyte."""
    return holds_entry(cache_dir, _codes_entry(key))


def _rules_entry(key: str) -> str:
    return f"rules/{key}.pickle"


def _codes_entry(key: str) -> str:
    return f"rules/{key}.codes"


def rules_key(paths: Sequence[Path]) -> str:
    """The digest of the rule files in `paths` and of cleanlint's code: what the loaded rules depend on."""
    return _key(rule_files(paths))
