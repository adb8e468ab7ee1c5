"""Where a document comes from: the names that a rule's `sources:` are matched against.

A footer that one site prints under every article is boilerplate there and may be a quoted sentence
elsewhere, so some rules must apply to one source only. Corpora record the source in two ways: front
matter (`source: Reuters`, `url: https://www.reuters.com/...`) and folders (one folder per site). Both
count the same way for linting and for `cleanlint mine`, so a rule mined from a source's documents applies
to exactly those documents.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from ..document import Document


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def url_host(url: object) -> str | None:
    """The host of a front matter `url`, lower case, without port; None when there is none."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname
    except ValueError:
        return None
    return host or None


def source_names(doc: Document) -> tuple[str, ...]:
    """Every name `doc` is known by: its front matter `source`, its `url`'s host, and its folders.

    Folders are those of the file's absolute path, so a rule applies the same whatever folder cleanlint
    is run from. Documents that are not files (path "<text>", as in rule examples) have no folders.
    """
    names = []
    source = doc.metadata.get("source")
    if isinstance(source, str) and source.strip():
        names.append(_norm(source))
    if host := url_host(doc.metadata.get("url")):
        names.append(host)
    if doc.path and not doc.path.startswith("<"):
        names.extend(_norm(part) for part in Path(os.path.abspath(doc.path)).parent.parts[1:])
    return tuple(names)


def matches(patterns: Iterable[str], names: Iterable[str]) -> bool:
    """Whether a name is one of `patterns`, or a subdomain of one (`reuters.com` matches `www.reuters.com`)."""
    names = tuple(names)
    for pattern in patterns:
        p = _norm(pattern)
        if any(name == p or name.endswith("." + p) for name in names):
            return True
    return False


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot name a source, or None; for the loader's error messages."""
    if not pattern.strip():
        return "a source must not be empty"
    if "://" in pattern:
        host = url_host(pattern)
        return f"name the host ({host!r}), not a URL" if host else "name a host such as reuters.com, not a URL"
    if "/" in pattern:
        return "a source is a name, a host or a folder name, without '/'"
    return None


def mining_source(doc: Document, relative: Path | None) -> str | None:
    """The one name `cleanlint mine` files a document under, or None when nothing names its source.

    Front matter wins (`source`, else the host of `url` without a leading "www."); then the first folder
    of `relative`, the file's path below the folder named on the command line (corpus/SITE/...).
    """
    if declared := declared_source(doc.metadata):
        return declared
    if relative is not None and len(relative.parts) > 1:
        return relative.parts[0]
    return None


def declared_source(metadata: Mapping[str, object], keys: tuple[str, ...] = ("source",)) -> str | None:
    """The source a document's front matter names: the first of `keys` that holds a name, else the host of
    its `url` without a leading "www."; None when it names none."""
    for key in keys:
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    if host := url_host(metadata.get("url")):
        return host.removeprefix("www.")
    return None
