"""langdetect, behind the cheap tests of the language check: imported on first use, and seeded.

langdetect is accurate on a paragraph but slow, and random unless seeded: it samples the text's character
n-grams, so two runs (or two processes with different hash seeds) could disagree on a mixed paragraph. It is
seeded once, here, so that every run gives the same answer; and imported only when a unit reaches it, so a
clean corpus never pays for loading its profiles. Loading them builds some 90,000 small lists, and Python's
cyclic garbage collector, which walks every tracked object each time enough new ones are made, took about a
third of that time: it is paused while they load (nothing made then is garbage; the tables are the same).
The profiles are loaded whole: a detector that knew fewer languages would give other probabilities.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

import regex

_SUBTAG = regex.compile(r"[-_]")


def primary(code: object) -> str | None:
    """The primary language subtag: "en-GB", "pt_BR", "zh-cn" -> "en", "pt", "zh"."""
    if not isinstance(code, str) or not code.strip():
        return None
    return _SUBTAG.split(code.strip().lower())[0]


class Detector:
    """langdetect's best guess for a text and its probability, or None for a text without letters it knows."""

    def __init__(self) -> None:
        self._detect: Callable[[str], tuple[str, float] | None] | None = None

    def __call__(self, text: str) -> tuple[str, float] | None:
        if self._detect is None:
            self._detect = _seeded()
        return self._detect(text)


def _seeded() -> Callable[[str], tuple[str, float] | None]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.detector_factory import init_factory
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    collecting = gc.isenabled()
    gc.disable()
    try:
        init_factory()  # what detect_langs would do on its first call
    finally:
        if collecting:
            gc.enable()

    def detect(sample: str) -> tuple[str, float] | None:
        try:
            best = detect_langs(sample)[0]
        except LangDetectException:  # no letters it knows
            return None
        return primary(best.lang) or "", best.prob

    return detect
