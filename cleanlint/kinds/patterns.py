"""Turning a rule's phrases and regular expressions into one compiled pattern.

Phrases are what most rule authors write: literal text, where any run of white space (a no-break space
included, which scrapers leave everywhere) matches any other, and a phrase that starts or ends with a letter
only matches at a word boundary. Regular expressions are for the rest. Both become one alternation, so a
rule costs one scan of the text.
"""

from __future__ import annotations

import regex

# ^ and $ match at line ends; no-break and other Unicode spaces count as \s (regex module default).
FLAGS = regex.MULTILINE


def phrase_to_regex(phrase: str) -> str:
    parts = [regex.escape(word) for word in phrase.split()]
    body = r"\s+".join(parts)
    if phrase[:1].isalnum():
        body = r"\b" + body
    if phrase[-1:].isalnum():
        body = body + r"\b"
    return body


def compile_alternation(patterns: tuple[str, ...], phrases: tuple[str, ...] = (), ignore_case: bool = False):
    """One compiled pattern matching any of `patterns` (regexes) or `phrases` (literal text)."""
    alternatives = [f"(?:{p})" for p in patterns] + [f"(?:{phrase_to_regex(p)})" for p in phrases]
    if not alternatives:
        return None
    flags = FLAGS | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile("|".join(alternatives), flags)


def regex_error(pattern: str) -> str | None:
    """Why `pattern` does not compile, or None when it does."""
    try:
        regex.compile(pattern, FLAGS)
    except regex.error as err:
        return str(err)
    return None
