"""The identifier behind the cheap tests of the language check: langdetect, seeded, or CLD2 when chosen.

langdetect is accurate on a paragraph but slow, and random unless seeded: it samples the text's character
n-grams, so two runs (or two processes with different hash seeds) could disagree on a mixed paragraph. It is
seeded once, here, so that every run gives the same answer; and imported only when a unit reaches it, so a
clean corpus never pays for loading its profiles. Loading them builds some 90,000 small lists, and Python's
cyclic garbage collector, which walks every tracked object each time enough new ones are made, took a
quarter of that time: it runs once before they load and is paused while they do (nothing made then is
garbage; the tables are the same).
The profiles are loaded whole: a detector that knew fewer languages would give other probabilities.

CLD2 (the `cld2` backend: pycld2, an optional extra) reads a unit over a hundred times faster, loads
nothing, is deterministic by construction, and names langdetect's language for 99.7% of the units of the
bench texts long enough to judge. Its confidence is the share of the text it gives the language among the
text it places in any language, when it calls its verdict reliable; else 0. It is not the default:
langdetect is the reference the rule was tuned on, and CLD2 is sure that an address made of Spanish words
is Spanish, where the rule's examples say an address is no prose to judge.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from ...config import missing_language_backend
from ...scan.memo import compiled

_SUBTAG = compiled(r"[-_]")
_CLD2_CODES = {"iw": "he", "jw": "jv", "zh-Hant": "zh"}  # CLD2's codes that langdetect writes otherwise
# what CLD2 refuses as invalid UTF-8 although Python may hold it: control characters, lone surrogates and
# noncharacters; replaced by spaces for CLD2, which places no language on them anyway
_CLD2_REFUSES = compiled(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

Verdict = tuple[str, float]


def primary(code: object) -> str | None:
    """The primary language subtag: "en-GB", "pt_BR", "zh-cn" -> "en", "pt", "zh"."""
    if not isinstance(code, str) or not code.strip():
        return None
    return _SUBTAG.split(code.strip().lower())[0]


class Detector:
    """The chosen backend's best guess for a text and its confidence, or None for a text without letters it
    knows. The backend is loaded on the first call."""

    def __init__(self, backend: str = "langdetect") -> None:
        self.backend = backend
        self._detect: Callable[[str], Verdict | None] | None = None

    def __call__(self, text: str) -> Verdict | None:
        return (self._detect or self.load())(text)

    def load(self) -> Callable[[str], Verdict | None]:
        """The backend, loaded now if it is not yet (its tables: langdetect's take a fifth of a second)."""
        if self._detect is None:
            self._detect = _LOADERS[self.backend]()
        return self._detect


def _seeded() -> Callable[[str], Verdict | None]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.detector_factory import init_factory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    collecting = gc.isenabled()
    gc.collect()  # once, now: what is garbage already is freed for the tables to use
    gc.disable()
    try:
        init_factory()  # what detect_langs would do on its first call
    finally:
        if collecting:
            gc.enable()

    def detect(sample: str) -> Verdict | None:
        try:
            best = detect_langs(sample)[0]
        except LangDetectException:  # no letters it knows
            return None
        return primary(best.lang) or "", best.prob

    return detect


def _cld2() -> Callable[[str], Verdict | None]:
    try:
        import pycld2
    except ImportError as err:
        raise ImportError(missing_language_backend("cld2") or str(err)) from err

    def detect(sample: str) -> Verdict | None:
        try:
            reliable, _found, details = pycld2.detect(sample)
        except (pycld2.error, UnicodeEncodeError):
            reliable, _found, details = pycld2.detect(_CLD2_REFUSES.sub(" ", sample))
        code, percent = details[0][1], details[0][2]
        if code == "un":  # no letters it knows
            return None
        placed = sum(d[2] for d in details if d[1] != "un")
        return primary(_CLD2_CODES.get(code, code)) or "", percent / placed if reliable and placed else 0.0

    return detect


_LOADERS: dict[str, Callable[[], Callable[[str], Verdict | None]]] = {"langdetect": _seeded, "cld2": _cld2}
