"""The artifact families beyond their YAML examples: the edges each kind promises in its docstring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleanlint.document import Document
from cleanlint.engine.engine import Engine, Selection
from cleanlint.engine.fixer import fix_document

from ..conftest import DEFAULT_RULES


def findings(code: str, text: str, **metadata: str) -> list[str]:
    """The texts the default rule `code` flags in `text`."""
    engine = Engine(DEFAULT_RULES, Selection(select=(code,)))
    doc = Document(text, metadata=dict(metadata))
    return [text[f.start : f.end] for f in engine.check(doc)]


def fixed(code: str, text: str, unsafe: bool = False) -> str:
    engine = Engine(DEFAULT_RULES, Selection(select=(code,)))
    return fix_document(engine, Document(text), unsafe, 1.0, ()).text


# glued words: which side of the seam a label stands on decides


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Top NewsWhite House says so.", ["NewsWhite"]),
        ("By ReutersPublished 5 March.", ["ReutersPublished"]),
        ("Comments12 and Shares4 today.", ["Comments12", "Shares4"]),
        ("get the rightsOpens link", ["rightsOpens"]),
        ("Space outlet SpaceNews reported it.", []),  # an outlet ends in a label
        ("TaskRabbit, GrubHub and AccuSoft rose.", []),  # camel-case brands with no label
        ("Covid19 cases and Windows10 laptops.", []),  # a count after a name that is no label
        ("Read news@SiteNews.com or example.com/ShareNews today.", []),  # addresses
        ("iPhone, eBay and theGrio covered it.", []),  # short lower-case heads are names
    ],
)
def test_glued_words_need_a_label_or_a_lower_case_head(text, flagged):
    assert findings("A202", text) == flagged


def test_glued_sentences_keep_abbreviations_and_decimals():
    text = "The U.S. economy grew 3.5 percent, e.g. in Ohio. It rose.Then it fell. See Example.Com now.\n"
    assert findings("A201", text) == ["rose.Then"]
    assert fixed("A201", text) == text.replace("rose.Then", "rose. Then")


# mojibake: a cheap test in front of ftfy, and a repair of the encoding only


def test_mojibake_repair_touches_nothing_but_the_encoding():
    text = "He said itâ€™s “fine” &amp; left the cafÃ©.\n"
    assert fixed("A601", text) == "He said it’s “fine” &amp; left the café.\n"
    assert fixed("A601", fixed("A601", text)) == fixed("A601", text)


@pytest.mark.slow
def test_clean_text_never_imports_ftfy_or_langdetect(tmp_path: Path):
    article = tmp_path / "a.txt"
    english = "The White House said on Thursday that Russia had used North Korean missiles in Ukraine. "
    article.write_text("Headline\n\n" + english * 3 + "\n\nCafé owners in Zürich said “no” to the plan.\n")
    probe = (
        "import sys\nfrom cleanlint.cli.main import main\n"
        f"code = main(['check', '--exit-zero', {str(article)!r}])\n"
        "print(sorted(m for m in ('ftfy', 'langdetect') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


# leftover markup


def test_markup_repairs_are_exact_and_idempotent():
    text = '<div class="story"><p>Prices &amp; wages rose&nbsp;2%.</p></div>\nHe said so.<br/>Then left.\n'
    once = fixed("A70", text)
    assert once == "Prices & wages rose\u00a02%.\nHe said so. Then left.\n"
    assert fixed("A70", once) == once


def test_markdown_links_keep_their_words_only_with_unsafe_fixes():
    text = "The [report](https://example.org/r) said so.\n"
    assert fixed("A703", text) == text
    assert fixed("A703", text, unsafe=True) == "The report said so.\n"


# the language of a paragraph


SPANISH = "El gobierno de Corea del Norte ha enviado misiles a Rusia para la guerra, según dijo la Casa Blanca."
ENGLISH = "The White House said on Thursday that Russia had used North Korean missiles in its attacks on Ukraine."


@pytest.mark.slow
def test_language_follows_the_declared_language_over_the_majority():
    text = f"{SPANISH}\n\n{ENGLISH}\n\n{SPANISH}\n"
    assert findings("L101", text) == [ENGLISH]  # the majority is Spanish
    assert findings("L101", text, language="en-GB") == [SPANISH, SPANISH]  # front matter or settings say English


def test_short_fragments_are_not_judged():
    text = f"{ENGLISH}\n\nMuchas gracias, señor presidente.\n\n{ENGLISH}\n"
    assert findings("L101", text) == []


@pytest.mark.slow
def test_settings_language_outranks_front_matter(tmp_path: Path):
    article = tmp_path / "a.md"
    article.write_text(f"---\nlanguage: es\n---\n{ENGLISH}\n\n{ENGLISH}\n", encoding="utf-8")
    base = [sys.executable, "-m", "cleanlint", "check", "--select", "L101", "--format", "json"]
    declared = json.loads(subprocess.run([*base, str(article)], capture_output=True, text=True).stdout)
    assert len(declared["findings"]) == 2  # the front matter says Spanish; both paragraphs are English
    (tmp_path / ".cleanlint.yaml").write_text("language: en\n", encoding="utf-8")
    settings = subprocess.run([*base, str(article)], capture_output=True, text=True, cwd=tmp_path)
    assert json.loads(settings.stdout)["findings"] == []


@pytest.mark.slow
def test_language_verdicts_do_not_change_between_processes(tmp_path: Path):
    """langdetect is random unless seeded: processes with different hash seeds must agree."""
    article = tmp_path / "a.txt"
    article.write_text(f"{ENGLISH}\n\n{SPANISH}\n\n{ENGLISH}\n", encoding="utf-8")
    reports = set()
    for seed in ("1", "2", "3"):
        proc = subprocess.run(
            [sys.executable, "-m", "cleanlint", "check", "--select", "L101", "--format", "json", str(article)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        reports.add(proc.stdout)
    assert len(reports) == 1
    flagged = json.loads(reports.pop())["findings"]
    assert [f["start"] for f in flagged] == [len(ENGLISH) + 2]
