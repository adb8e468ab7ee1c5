"""One slip of the keyboard between a written word and a name: a transposition, an insertion or a deletion.

These are the misspellings a writer makes ("Afhganistan", "Troonto", "Moscwo", "Prtugal"). A substitution is
not one of them: one letter for another is how different real names differ (Iran and Iraq, Mali and Bali,
Austin and Austen, Sudan and Sedan), and how one name is transliterated (Kharkiv, Kharkov).

The edit must also leave the name recognisable at its two ends. The first letter is kept: a name misspelt
at its start ("Rsusia") is rare, and a word that differs there is most often another word. The end is where
a language inflects a name, and where a brand shortens one: a letter added there makes a demonym or a
plural ("Kenyan", "Iraqi", "Russian", "Balkans"); a letter taken away makes a singular, an adjective or
another name ("Philippine", "Bahama", "Stratfor" for Stratford). Neither is taken for a misspelling.
"""

from __future__ import annotations

TRANSPOSITION = "transposition"
INSERTION = "insertion"
DELETION = "deletion"


def slip(written: str, name: str) -> str | None:
    """How `written` is `name` with one slip (TRANSPOSITION, INSERTION of a letter, DELETION of one), or None
    when it is not, or when the slip is at the first letter or is an ending."""
    if written == name or not written or written[0] != name[0]:
        return None
    n, m = len(written), len(name)
    if n == m:
        return TRANSPOSITION if _transposed(written, name) else None
    if n == m + 1:
        at = _dropped_at(written, name)  # written has one letter more, at index `at`
        return INSERTION if at is not None and at < n - 1 else None
    if n == m - 1:
        at = _dropped_at(name, written)  # name has one letter more, at index `at`
        return DELETION if at is not None and at < m - 1 else None
    return None


def _transposed(a: str, b: str) -> bool:
    """Whether `a` is `b` with two neighbouring, different letters swapped."""
    i = next(i for i in range(len(a)) if a[i] != b[i])
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def _dropped_at(longer: str, shorter: str) -> int | None:
    """The index of the one letter of `longer` that `shorter` lacks, or None when they differ otherwise. Of a
    doubled letter ("Torronto"), the later copy is the one taken to be extra."""
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    return i if longer[i + 1 :] == shorter[i:] else None
