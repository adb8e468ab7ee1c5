"""HTML pages as articles: their main text, extracted with trafilatura, and the text file `fix` writes for them.

A page is never linted as markup. trafilatura finds the article in it; the rules run on that text, with
what trafilatura knows of the page (title, site, URL, date) and the page's declared language as front
matter on top, which, as in any .txt, is never linted. `check` reports positions in this text, and `fix`
writes it, cleaned, beside the page (page.html -> page.txt), so those positions point into a file the user
can open. The page itself is never rewritten: it is the source, and extraction can be run again.

trafilatura and lxml take about a quarter of a second to import, which a pre-commit hook over text files
should not pay: they are imported when the first page is read, never on a run over .txt and .md files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..safeio.atomic import WriteRefused, write_bytes_atomic
from .articles import (
    DEFAULT_MAX_BYTES,
    EXTRACTED_BY,
    EXTRACTED_FROM,
    HTML_SUFFIXES,
    InputError,
    SourceText,
    extracted_from,
    read_bytes,
    read_source,
)

EXTRACTION: Mapping[str, Any] = MappingProxyType(
    {
        "output_format": "txt",
        "include_comments": False,
        "include_tables": True,
        "favor_recall": True,
        "favor_precision": False,
        "fast": True,
        "deduplicate": False,
        "include_formatting": False,
        "include_links": False,
        "include_images": False,
    }
)
"""The trafilatura settings, for `trafilatura.extract(page, **EXTRACTION)`; bench/html_compare.py uses them too.

Chosen by measuring every combination on the 90 pages of the aeb-dev benchmark set with score.py, for
trafilatura's text alone and after `cleanlint fix` (bag-of-words F1; one bootstrap standard error is about
0.006, so the choice rests as much on what each setting does to single pages as on the means):

- plain text, without comments, links, images or markup: the rules and the corpus want prose, and reader
  comments are not the article.
- include_tables: on two pages the article's text stood in a table (recall 0.72 and 0.95 without them).
- favor_recall: text the extractor drops is lost for good, while text it lets in is what the rules remove.
  Recall mode kept one page to its article where the balanced mode took in the whole page (precision 0.64
  vs 0.07); after cleanlint: F1 0.970, balanced 0.968. favor_precision cuts article text (recall 0.960
  vs 0.973 after cleanlint; with `fast`, 0.916 and a page with no text at all).
- fast (no fallback to readability and jusText): the fallback changed two pages, both for the worse
  (F1 0.965 with it), and costs a quarter more time (16 ms a page instead of 13).
- deduplicate off: trafilatura's duplicate cache is shared by every page a process reads, so a page's text
  would depend on the pages read before it and on --jobs; even with a cache of its own for each page, it
  emptied 3 pages of 90.
"""

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def is_html(path: Path) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES


def text_path(page: Path) -> Path:
    """Where `fix` writes a page's text: beside it, with the suffix .txt."""
    return page.with_suffix(".txt")


def read_page(path: Path, limit: int | None = DEFAULT_MAX_BYTES) -> SourceText:
    """The page's extracted text with its front matter, as `fix` would write it before any fix."""
    data = read_bytes(path, "an HTML page", limit)
    try:
        extracted = extract(data)
    except Exception as err:  # a failure inside the extractor is this page's problem, not the run's
        reason = " ".join(f"{type(err).__name__}: {err}".split())
        raise InputError(path, f"trafilatura could not read the page ({reason})") from None
    if extracted is None:
        raise InputError(path, "no article text found in the page (trafilatura extracted nothing)")
    body, fields = extracted
    text = _front_matter(fields, path.name) + body
    return SourceText(path, text, False, False, hashlib.sha256(data).hexdigest(), text_path(path))


def extract(data: bytes) -> tuple[str, dict[str, str]] | None:
    """The page's main text (ending in a newline) and its metadata; None when there is no article text.

    The text is `trafilatura.extract(data, **EXTRACTION)` with one final newline, so the benchmark's
    trafilatura row is what cleanlint starts from. trafilatura decodes the bytes itself, by the page's
    declared charset or a guess.
    """
    import trafilatura  # here, not at the top: see the module's docstring

    tree = trafilatura.load_html(data)
    text = trafilatura.extract(tree, **EXTRACTION) if tree is not None else None
    if not text or not text.strip():
        return None
    meta = trafilatura.extract_metadata(tree)
    fields = {
        "title": meta.title,
        "source": meta.sitename,
        "url": meta.url,
        "date": meta.date,
        "language": _language(tree),
    }
    return text.rstrip("\n") + "\n", {k: v for k, v in fields.items() if isinstance(v, str) and v.strip()}


def _language(tree: Any) -> str | None:
    """The language the page declares (<html lang>, Content-Language, og:locale), if it is a plausible tag."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        '//meta[translate(@http-equiv, "CONTENT-LANGUAGE", "content-language")="content-language"]/@content'
    )
    candidates += tree.xpath('//meta[@property="og:locale"]/@content')
    for value in candidates:
        tag = (value or "").strip().replace("_", "-")
        if _LANGUAGE_TAG.fullmatch(tag):
            return tag
    return None


def _front_matter(fields: dict[str, str], page_name: str) -> str:
    """YAML front matter: the page's metadata, and the mark that says which page this text comes from."""
    fields = {**fields, EXTRACTED_FROM: page_name, EXTRACTED_BY: "cleanlint"}
    import yaml  # here: only pages need it

    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1 << 30) + "---\n"


def write_text(source: SourceText, text: str) -> bool:
    """Write a page's fixed text to its text file; False when the file already holds exactly this.

    An existing file is replaced only when its front matter says cleanlint wrote it from this very page;
    anything else there (a hand-made text, the output of another page such as page.htm beside page.html) is
    refused, never overwritten. The new file gets the page's permissions, less any execute bits.
    """
    assert source.target is not None
    target, data = source.target, text.encode("utf-8")
    try:
        old = target.read_bytes()
    except FileNotFoundError:
        old = None
    except IsADirectoryError:
        raise InputError(target, "is a directory; the page's text was not written") from None
    except OSError as err:
        raise InputError(target, f"cannot read: {err.strerror or err}; the page's text was not written") from None
    if old == data:
        return False
    if old is not None and not _written_from(target, source.path.name):
        raise InputError(target, f"exists and was not written by cleanlint from {source.path.name}; not overwritten")
    expected = None if old is None else hashlib.sha256(old).hexdigest()
    try:
        mode = source.path.stat().st_mode & 0o666
    except OSError:
        mode = 0o644
    try:
        write_bytes_atomic(target, data, expected, mode)
    except WriteRefused as err:
        raise InputError(target, str(err)) from None
    return True


def _written_from(target: Path, page_name: str) -> bool:
    try:
        metadata = read_source(target).document().metadata
    except InputError:
        return False
    return extracted_from(metadata) == page_name
