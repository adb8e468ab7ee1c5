"""Reader comment threads in several site styles and languages (tests/threads/): `fix` removes each thread
whole, with the default settings, and keeps every line of the article around it, including articles that
report on comments and quote readers ("Leser Martin K. schreibt:", "One reader says:").

Each `NAME.txt` is a page's extracted text; `NAME.clean.txt` is what must be left of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanlint.document import Document
from cleanlint.engine.fixer import fix_document

THREADS = Path(__file__).resolve().parent / "threads"
PAGES = sorted(p for p in THREADS.glob("*.txt") if not p.name.endswith(".clean.txt"))


def test_the_corpus_has_four_styles_in_two_languages():
    styles = {p.stem.rsplit("-", 1)[0] for p in PAGES if not p.stem.startswith("reporting")}
    languages = {p.stem.rsplit("-", 1)[1] for p in PAGES}
    assert len(styles) >= 4 and len(languages) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_fix_removes_the_thread_and_nothing_else(default_engine, page: Path):
    text = page.read_text(encoding="utf-8")
    expected = page.with_name(page.stem + ".clean.txt").read_text(encoding="utf-8")
    result = fix_document(default_engine, Document(text))  # the default max-removal: threads are not article
    assert result.refused is None
    assert result.text == expected, [(f.code, text[f.start : f.end]) for f in result.applied]


def test_a_thread_is_one_finding(default_engine):
    text = (THREADS / "news-de.txt").read_text(encoding="utf-8")
    threads = [f for f in default_engine.check(Document(text)) if f.code == "B510"]
    assert len(threads) == 1 and text[threads[0].start :].startswith("Kommentare (3)\n")


def test_the_guard_still_holds_the_article_removals_to_the_article(default_engine):
    """Left out of max-removal, a thread must not let other removals take more of the article than allowed."""
    article = "The museum reopens on Friday.\n"
    furniture = "".join(f"Share on {site}\n" for site in ("Facebook", "Twitter", "WhatsApp", "LinkedIn", "Email"))
    thread = (THREADS / "wordpress-en.txt").read_text(encoding="utf-8").split("4 Responses", 1)[1]
    text = article + furniture + "4 Responses" + thread
    result = fix_document(default_engine, Document(text))
    assert result.refused is not None and result.text == text
