"""Property tests: the engine and the fixer on random and adversarial Unicode text, with the default rules.

The example-based tests pin what each rule does on text someone thought of. These check the promises that must
hold on any text at all, above all the product's first promise, that fixing never loses anything but what
a finding flagged:

1. checking never raises, and every finding (and every fix's edit) lies inside the text;
2. `fix` is idempotent: fixing fixed text changes nothing, safe fixes only or unsafe ones too;
3. the edits a fix reports are exactly what it did: replayed in order on the original text, each one finds
   the text it says it removed and together they give the fixed text, so every character outside the
   applied edits survives byte for byte (the fix log and `undo` rely on this);
4. nothing is lost outside findings: whatever an edit removes beyond its findings' spans is white space
   (and whatever a finding's fix takes beyond the finding is white space too);
5. front matter is never changed, only the body.

Counterexamples these properties found are pinned with `@example` or as a regression test next to them.

Two kinds of text are generated. Arbitrary text draws from all of Unicode except surrogates (which cannot be
encoded, so no article file holds them), with the characters scrapers leave behind mixed in: control
characters, combining marks, right-to-left text and marks, NBSP, zero-width characters, U+FFFD, U+2028.
Random characters rarely wake a rule, though, so the adversarial text is built from pieces that do:
boilerplate lines, mojibake, HTML tags and entities, markdown links, glued words, foreign-language
sentences, every rule example's input and its lines, and lines of the seed articles (real reporting, so
that removals do not always trip the max-removal guard), joined by separators that matter to the rules
("", " ", NBSP, "\\n", "\\n\\n", "\\r\\n", a tab), with a piece now and then repeated.

Determinism: every test runs with `derandomize=True` and no example database. Derandomized, Hypothesis
seeds each test from the test itself, so CI runs the very same examples on every run and every machine: a
red build means this change broke a property, never that today's random draw found an old bug in code
the change did not touch, and a failure reproduces locally by simply running the test again. No
database, because a derandomized run neither needs nor should depend on examples left over from earlier
runs (and CI has nowhere to keep them). The price is that CI never explores beyond those examples, so
exploring is a separate, deliberate act: set CLEANLINT_FUZZ=N to run N times as many examples, freshly
randomized on each run, and pin any bug found as an example test. The example counts keep this file near
half a minute on a two-core machine; the engine is the session's `default_engine` (conftest.py), built once.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleanlint.document import Document
from cleanlint.engine.fixer import FixResult, fix_document
from cleanlint.sources.articles import _front_matter

from ..conftest import DEFAULT_RULES, SEEDS

pytestmark = pytest.mark.slow

_FUZZ = int(os.environ.get("CLEANLINT_FUZZ", "0"))


def _settings(examples: int) -> settings:
    """Deterministic in CI (see the module docstring); CLEANLINT_FUZZ=N explores N times as far, at random."""
    return settings(
        max_examples=examples * max(_FUZZ, 1),
        derandomize=not _FUZZ,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Characters scrapers leave in articles, which a random draw from all of Unicode would rarely produce.
SPECIAL_CHARS = (
    "\n", "\r", "\t", "\x0b", "\x0c", "\x00", "\x1b", "\x7f", "\x85", "\x9d",  # controls, C1, NEL
    "\u00a0", "\u202f", "\u2007", "\u3000",  # no-break and wide spaces
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width characters, BOM
    "\u2028", "\u2029",  # line and paragraph separators
    "\u0301", "\u0308", "\u20dd",  # combining marks
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069",  # bidi marks and overrides
    "\u05e9", "\u05dc", "\u0639", "\u0644", "\u0627",  # Hebrew, Arabic
    "\ufffd", "Ã", "Â", "â", "€", "©", "é", "ß", "İ", "ﬁ", "…", "“", "”", "’", "—", "»",
    "中", "ア", "한", "\U0001f600", "\U0001d400",
)  # fmt: skip
CHARS = st.one_of(st.characters(codec="utf-8"), st.sampled_from(SPECIAL_CHARS))

# Pieces likely to wake the rules: boilerplate, artifacts, markup, glue, other languages.
FRAGMENTS = (
    "Share this article", "Share on Facebook", "Share this storyFacebookTwitter", "Follow us on Twitter",
    "Support independent journalism", "Your support helps us to tell the story",
    "Your support makes all the difference.", "Thank you for your support.",
    "See also", "See also  PacWest Wins in Busy Trade for U.S. Regional Banks", "Related:", "Read more",
    "Read more:", "READ MORE: Storm hits coast", "Sign up for our newsletter", "Subscribe", "SUBSCRIBE",
    "Cookies", "We use cookies to improve your experience.", "Accept all cookies", "Advertisement",
    "ADVERTISEMENT", "© 2024 Example News. All rights reserved.", "Skip to main content", "Back to top",
    "Tags: politics, world", "Home » World » Asia", "Categories", "Asia News USA", "Comments", "Leave a Reply",
    "Photo:", "Photo: Reuters", "(Photo: Getty Images)", "REUTERS/Kevin Lamarque Get license rights",
    "(AP Photo/John Doe)", "Image 1 of 5", "Caption", "Close",
    "Ã©", "CafÃ©", "itâ€™s a â€œgreat dayâ€\x9d", "ÐŸÑ€ÐµÐ·Ð¸Ð´ÐµÐ½Ñ‚", "Â ", "city\ufffds water",
    "&amp;", "&nbsp;", "&#8217;", "&quot;safe&quot;", "<b>", "</b>", "<p>", "</p>", "<br>", "<a href=\"x\">",
    "[Pentagon said](https://www.defense.gov/news/123)", "![Smoke](https://cdn.example.com/k.jpg)",
    "[3][4]", "[citation needed]", "[Read more](https://example.com)",
    "NewsWhite House", "Top NewsWhite House says Russia used missiles", "HomeWorld News",
    "difference.Russia's forces fired.", "Latest VideosPutin visits Pyongyang", "rightsOpens a new tab",
    "Middle School of Journalism", "World Well being Group", "Financial institution of England", "Zaphorizia",
    "Mr. Smith", "John F. Kennedy", "U.S.", "e.g.", "5 > 3", "+1", "1 / 9", "* * *", "And mortar shells.",
    "La ministra anunció nuevas medidas para la vivienda.", "Der Bundestag hat das Gesetz verabschiedet.",
    "Премьер-министр выступил с заявлением в понедельник.", "وقال المتحدث إن المحادثات ستستمر.",
    "政府は新しい経済対策を発表した。", "O governo anunciou novas medidas.", "שר האוצר הודיע על תקציב חדש.",
    "---", "...", "", " ", "\u00a0", "\u200b", "\t",
)  # fmt: skip
# Line breaks are most of what separates pieces in an article, so they are drawn most often.
SEPARATORS = ("\n", "\n", "\n", "\n\n", "\n\n", "\n\n\n", " ", "\u00a0", "", "\r\n", "\t", " \n")


def _lines_of(texts) -> tuple[str, ...]:
    """The non-blank lines of `texts`, in a stable order without repeats."""
    return tuple(dict.fromkeys(line for text in texts for line in text.split("\n") if line.strip()))


# The rules' own examples, each flagged or deliberately left alone: right on the edges of every rule. Whole,
# they wake the rules that need context (a block's start and end, a label at the head); in lines, they mix.
EXAMPLE_INPUTS = tuple(dict.fromkeys(ex.input for rule in DEFAULT_RULES for ex in rule.examples))
SEED_LINES = _lines_of(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))

PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(EXAMPLE_INPUTS),
    st.sampled_from(_lines_of(EXAMPLE_INPUTS)),
    st.sampled_from(SEED_LINES),
    st.text(CHARS, max_size=12),
)


@st.composite
def adversarial_text(draw) -> str:
    pieces = draw(st.lists(PIECES, max_size=12))
    if pieces and draw(st.booleans()):  # repeated lines: a headline printed twice, a caption per photo
        copy = pieces[draw(st.integers(0, len(pieces) - 1))]
        for _ in range(draw(st.integers(1, 3))):
            pieces.insert(draw(st.integers(0, len(pieces))), copy)
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)))
    return "".join(piece + sep for piece, sep in zip(pieces, separators, strict=True))


ARBITRARY = st.text(CHARS, max_size=200)
TEXTS = st.one_of(ARBITRARY, adversarial_text())
FRONT_MATTER = "---\ntitle: x\n---\n"
# Front matter is never linted, so what it holds must not matter; these hold what rules flag in a body (an
# entity, mojibake, a glued label, a URL line, an ellipsis) and end with either marker.
FRONT_MATTERS = (
    FRONT_MATTER,
    "---\ntitle: Tom &amp; Jerry say CafÃ© is open\nsection: Top NewsWhite House\n---\n",
    "---\ntitle: Share this article\nsummary: |\n  Subscribe\n  Advertisement\nurl: https://example.com/a\n---\n",
    '---\ntitle: "Skip to main content"\n...\n',
)
WITH_OR_WITHOUT_FRONT_MATTER = st.sampled_from(("", *FRONT_MATTERS))
MAX_REMOVALS = st.sampled_from([0.4, 1.0])  # the default guard, and none


def _fix(engine, text: str, unsafe: bool, max_removal: float) -> FixResult:
    return fix_document(engine, Document(text), unsafe=unsafe, max_removal=max_removal)


def _document(body: str, front_matter: str) -> Document:
    """`body` as an article; with `front_matter`, as a file that starts with it, read as sources/articles.py
    reads one."""
    if not front_matter:
        return Document(body)
    text = front_matter + body
    body_start, metadata = _front_matter(Path("x.md"), text)
    assert body_start == len(front_matter)
    return Document(text, "x.md", body_start, metadata)


def _assert_in_bounds(engine, doc: Document) -> None:
    size = len(doc.text)
    for f in engine.check(doc):
        assert 0 <= f.start <= f.end <= size, f
        if f.fix is not None:
            assert 0 <= f.fix.edit.start <= f.fix.edit.end <= size, f


@_settings(600)
@given(text=ARBITRARY)
def test_check_never_raises_and_findings_lie_in_arbitrary_text(default_engine, text):
    """Any text a scraper produced must be checkable, and a finding outside the text would crash reports
    (line and column) and the fixer, or worse, make it slice the wrong text."""
    _assert_in_bounds(default_engine, Document(text))


@_settings(600)
@given(text=adversarial_text(), front_matter=WITH_OR_WITHOUT_FRONT_MATTER)
def test_check_never_raises_and_findings_lie_in_adversarial_text(default_engine, text, front_matter):
    """The same on text made of what the rules look for, where their scoping, widening and glue-splitting
    code actually runs: the places an off-by-one in a span lives."""
    _assert_in_bounds(default_engine, _document(text, front_matter))


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@_settings(250)
@given(text=TEXTS)
def test_fix_is_idempotent(default_engine, unsafe, text):
    """Fixing fixed text changes nothing: `fix` in a pre-commit hook or a nightly job must not keep
    rewriting the same files, and a fix that undid or redid its own work would show rules fighting.
    Here without the max-removal guard, so that every removal is made; the guard is the next test."""
    once = _fix(default_engine, text, unsafe, 1.0)
    twice = _fix(default_engine, once.text, unsafe, 1.0)
    assert twice.text == once.text
    assert twice.edits == ()


# Texts on which a fix the guard refused was allowed on the second run (found by the next test, shortened by
# hand): the guard counted a word that a replacement took ("amp" of "&amp;") as removed; and a glued word split
# by an unsafe fix took the byline over its 16-word limit, so the second run judged other removals.
GUARD_REPLACEMENT_WORDS = "Tom &amp; Jerry met the press.\nShare this article\n"
GUARD_GLUE_CHANGES_DETECTION = (
    "By Jane Doe and John Roe in Seoul and Busan, YonhapPublished : Jan. 5, 2024 - 09:14\n"
    "North Korea fired two missiles on Friday.\nShare this article\n"
)


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@_settings(250)
@given(text=TEXTS)
@example(text=GUARD_REPLACEMENT_WORDS)
@example(text=GUARD_GLUE_CHANGES_DETECTION)
def test_fix_is_idempotent_under_the_max_removal_guard(default_engine, unsafe, text):
    """The same with the default guard (40% of the words): a refusal must be as stable as a fix, or the
    second run of a hook removes what the first one refused to remove."""
    once = _fix(default_engine, text, unsafe, 0.4)
    twice = _fix(default_engine, once.text, unsafe, 0.4)
    assert twice.text == once.text
    assert twice.edits == ()


# The smallest text found where one pass's removals overlapped (test_removals_widened_into_each_other_are_one_edit).
OVERLAPPING_REMOVALS = "Officials said.\nSubscribe\n\nAdvertisement\nSubscribe\n"


def _replayed(original: str, edits) -> str:
    """`original` with `edits` applied in order, each checked to find the text it says it removed."""
    current = original
    for edit in edits:
        assert current[edit.start : edit.end] == edit.removed, edit
        current = current[: edit.start] + edit.replacement + current[edit.end :]
    return current


@_settings(400)
@given(text=TEXTS, unsafe=st.booleans(), max_removal=MAX_REMOVALS, front_matter=WITH_OR_WITHOUT_FRONT_MATTER)
@example(text=OVERLAPPING_REMOVALS, unsafe=False, max_removal=1.0, front_matter="")
def test_replaying_the_edits_gives_the_fixed_text(default_engine, text, unsafe, max_removal, front_matter):
    """The edits are the fix's account of itself: the fix log records them and `undo` reverses them. Each
    must find, where it says, exactly the text it says it removed, and replayed in order they must give the
    fixed text; so whatever lies outside every applied edit survives byte for byte."""
    doc = _document(text, front_matter)
    result = fix_document(default_engine, doc, unsafe=unsafe, max_removal=max_removal)
    assert _replayed(doc.text, result.edits) == result.text


@pytest.mark.parametrize(
    ("text", "body_start"),
    [
        (OVERLAPPING_REMOVALS, 0),
        (FRONT_MATTER + "Subscribe\nSubscribe\n\nAdvertisement\nSubscribe\n", len(FRONT_MATTER)),
    ],
    ids=["blank-line-left", "log-reached-into-front-matter"],
)
def test_removals_widened_into_each_other_are_one_edit(default_engine, text, body_start):
    """A regression found by the replay and front matter properties. The fixer used to decide which removals
    touch before widening them; widened, a removal running to the end of the text reached back into the
    removal before it, and the edits no longer described the fix: replayed (or undone) they removed a newline
    the fixed text kept, and, after front matter, the "-" and newline ending its "---". Pinned here because
    the derandomized examples of those properties need not meet it."""
    result = fix_document(default_engine, Document(text, "x.md", body_start), max_removal=1.0)
    assert result.edits
    assert _replayed(text, result.edits) == result.text
    assert all(edit.start >= body_start for edit in result.edits)


@_settings(400)
@given(text=TEXTS, unsafe=st.booleans(), max_removal=MAX_REMOVALS, front_matter=WITH_OR_WITHOUT_FRONT_MATTER)
def test_nothing_is_lost_outside_findings(default_engine, text, unsafe, max_removal, front_matter):
    """Nothing lost is the product's first promise. An edit may be wider than its findings only to tidy away
    the white space a removal would leave behind (and a run of touching removals is one edit): for each edit,
    every character of `removed` that lies outside all of its `spans` is white space.

    The spans are the findings' fixes, which the kinds have already widened with Document.removal; so the
    same is checked one level down, on the findings of the text: whatever a fix takes outside its finding's
    own span is white space too. Together: the only non-white-space characters that leave the text are
    characters some finding flagged."""
    doc = _document(text, front_matter)
    for f in default_engine.check(doc):
        if f.fix is not None:
            edit = f.fix.edit
            for offset in [*range(edit.start, f.start), *range(f.end, edit.end)]:
                assert doc.text[offset].isspace(), (f, offset, doc.text[offset])
    result = fix_document(default_engine, doc, unsafe=unsafe, max_removal=max_removal)
    for edit in result.edits:
        assert edit.spans, edit
        for start, end in edit.spans:
            assert edit.start <= start <= end <= edit.end, edit
        for offset, char in enumerate(edit.removed, start=edit.start):
            if not any(start <= offset < end for start, end in edit.spans):
                assert char.isspace(), (edit, offset, char)


@_settings(400)
@given(
    body=TEXTS,
    front_matter=st.sampled_from(FRONT_MATTERS),
    unsafe=st.booleans(),
    max_removal=MAX_REMOVALS,
)
def test_fix_never_changes_front_matter(default_engine, body, front_matter, unsafe, max_removal):
    """Front matter is the file's metadata (title, url, source), which other tools read: it is never linted
    and never changed, even when it holds what a rule flags in a body. A removal at the top of the body or
    at its end, where the fixer tidies the white space around it, is where a fixer would reach across
    `body_start` into the closing `---` line; and every pass after the first must keep `body_start` too."""
    doc = _document(body, front_matter)
    for f in default_engine.check(doc):
        assert f.start >= doc.body_start, f
    result = fix_document(default_engine, doc, unsafe=unsafe, max_removal=max_removal)
    assert result.text[: doc.body_start] == front_matter
    assert all(edit.start >= doc.body_start for edit in result.edits), result.edits
