"""The literal prefilter: what a pattern cannot match without, one scan for them, and gated alternations
that find exactly what the whole alternation finds."""

from __future__ import annotations

import dataclasses
import importlib.util

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanlint.document import Document
from cleanlint.kinds.support.gated import AnyOf, gated_alternation
from cleanlint.kinds.support.patterns import FLAGS, compile_alternation, phrase_to_regex
from cleanlint.scan.gates import BACKENDS, Gates, fold, holds_phrase
from cleanlint.scan.literals import phrase_literals, required_literals

HAVE_HYPERSCAN = importlib.util.find_spec("hyperscan") is not None


def clauses(pattern: str, multiline: bool = True) -> list[set[str]]:
    return [set(c) for c in required_literals(pattern, multiline=multiline)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (phrase_to_regex("Leave a Reply"), [{"leave"}, {"reply"}]),  # "a" is in "leave": no clause of its own
        (r"(?:REUTERS|AFP)\s*/", [{"reuters", "afp"}, {"/"}]),
        (r"^By\s+\p{Lu}", [{"\nby"}]),
        (r"[Ss]ee also", [{"see also"}]),
        (r"Photos?:", [{"photo:", "photos:"}]),
        (r"\bcolou?r\b", [{"color", "colour"}]),
        (
            r"(?i:Share)(?: this)? (?:story|article)",
            [{"share story", "share article", "share this story", "share this article"}],
        ),
        (r"(?:ab){2}", [{"abab"}]),
        (r"\x41\u00e9\.", [{"aé."}]),
        (r"(?<=\.)\(photo\)", [{"(photo)"}]),
        (r"\((?:AP|Reuters)\)$", [{"(ap)\n", "(reuters)\n"}]),
        (r"^(?:Getty|AFP)[ \t]*$", [{"\ngetty\n", "\nafp\n"}]),
        (r"Photo: $", [{"photo:\n"}]),  # the blank before the line end is not in the scanned text
        (r"Photo: ", [{"photo:"}]),  # nor at the end of a literal, whose next character may be one
        (r"\bthe\b.*\btheir\b", [{"their"}]),  # every text with "their" has "the"
        # a line-led alternation whose branches are not known exactly still starts with what they start with
        (r"^(?<!x)(?:Share \w+|Tweet)\b", [{"\nshare", "\ntweet"}]),
        (r"^(?:Follow|Like)s?\s+\p{Lu}", [{"\nfollow", "\nfollows", "\nlike", "\nlikes"}]),
        (r"^(?:(?:ab|cd)\d)+x", [{"\nab", "\ncd"}, {"x"}]),  # a repeat starts as its first round does
    ],
)
def test_required_literals_of_patterns(pattern, expected):
    assert clauses(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?x) leave \s a \s reply",  # verbose: spaces and comments are not text
        r"(?:reply){e<=1}",  # fuzzy matching: "reply" need not be there
        r"\L<words>",  # a named list
        r"(?(1)a|b)",  # a conditional
        r"(?R)",
        r"(?:a|)",  # one branch matches the empty string
        r"\w+\s\d",
        r"x*",
        r"(?w)^foo",  # ^ also after other line breaks
    ],
)
def test_patterns_with_nothing_known_always_run(pattern):
    assert clauses(pattern) == []


@pytest.mark.parametrize(
    "phrase", ["Leave a Reply", "k-closest neighbors", "Navier-stocks", "info  information", "Straße (ß)", "a b"]
)
def test_a_phrase_has_the_literals_of_its_pattern_without_reading_it(phrase):
    assert phrase_literals(phrase) == required_literals(phrase_to_regex(phrase), multiline=True)


def test_line_edges_read_as_newlines_only_with_multiline():
    assert clauses(r"^By\s", multiline=True) == [{"\nby"}]
    assert clauses(r"^By\s", multiline=False) == [{"by"}]
    assert "\nby" in fold("By Jane Doe") and "\nby" in fold("Text.\nBY JANE")
    assert clauses(r"\(AP\)$", multiline=False) == [{"(ap)"}]
    assert "(ap)\n" in fold("Text (AP)") and "(ap)\n" in fold("Text (AP) \t\nMore")


TEMPLATES = [
    r"(?:See also|Read more|Related): [A-Z][a-z]{2,8}",
    r"[Pp]hotos? by [A-Z][a-z]+",
    r"(?:AP|AFP|Reuters)/[A-Z][a-z]+ [A-Z][a-z]+",
    r"(?:Share|Tweet)(?: this)? (?:story|article|page)",
    r"[0-9]{1,3} (?:comments?|replies)",
    r"(?:cookie|Cookies) (?:policy|settings)[.!]?",
    r"x(?:yz){2,3}w?(?:ab|cd)+",
    r"^(?:Getty|AFP|Photo:)[ \t]*$",
    r"\((?:AP|Reuters)\) ?$",
    r"^By [A-Z][a-z]+ *(?:$|and)",
    r"^(?:Share [a-z]+|Tweet|(?:Follow|Like)s? us)\b[ \t]*:?",
    r"^(?:(?:ab|cd)[0-9])+x|^[Rr]elated(?: [a-z]+)*:",
    r"(?:[Vv]ia|[Pp]hotos?)(?: by)? [A-Z][a-z]+",
]


@pytest.mark.slow
@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_match_contains_a_literal_of_each_clause(data):
    """Soundness: strings drawn from a pattern, inside arbitrary text, always open its gate."""
    template = data.draw(st.sampled_from(TEMPLATES))
    match = data.draw(st.from_regex(template, fullmatch=True))
    edge = st.sampled_from(["", "\n", " \n", "\t"])
    text = data.draw(st.text(max_size=20)) + data.draw(edge) + match + data.draw(edge) + data.draw(st.text(max_size=20))
    pattern = regex.compile(template, FLAGS)
    ends = [at for at, char in enumerate(text) if char == "\n"] + [len(text)]  # where engine searches may end
    if not any(pattern.search(text, 0, end) for end in ends):
        return  # the text around the drawn string can keep it from matching: "$" needs a line end
    folded = fold(text)
    for clause in required_literals(template, multiline=True):
        assert any(literal in folded for literal in clause), (template, match, clause)


def test_case_of_text_and_pattern_does_not_matter():
    for text in ("SEE ALSO", "see also", "See Also", "Sİe"):
        if regex.search(r"(?i)see also", text):
            assert all(any(lit in fold(text) for lit in c) for c in required_literals(r"See also"))
    assert "ilk" in fold("ıLK")  # the dotless i, which IGNORECASE matches to I


def test_a_pattern_with_the_dotless_i_opens_on_the_text_it_matches():
    """The text is folded with ı read as i; a pattern's literals are read the same way, or a pattern with ı
    in it would never open its gate."""
    for pattern, text in ((r"Kırmızı Bayrak", "Haber: Kırmızı Bayrak"), (phrase_to_regex("Diyarbakır"), "DİYARBAKIR")):
        assert regex.search(pattern, text, FLAGS | regex.IGNORECASE)
        alternation = gated_alternation(Gates(), (pattern,), ignore_case=True)
        assert alternation.for_document(Document(text)) is not None, pattern


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b != "hyperscan" or HAVE_HYPERSCAN])
def test_each_scanner_finds_the_literals_present(backend):
    gates = Gates(backend)
    for pattern in (r"^By\s", phrase_to_regex("Leave a Reply"), r"&(?:amp|nbsp);", r"\(AP\)", r"é", r"\x00"):
        gates.gate(pattern)
    found = gates.scan("Leave a REPLY\nby the way &amp; café\x00")  # NUL: not a C string's end
    assert found == {"\nby", "leave", "reply", "&amp;", "é", "\x00"}
    assert gates.scan("") == set()


def test_unknown_scanner_is_refused():
    with pytest.raises(ValueError, match="unknown literal scanner"):
        Gates("grep")


PHRASES = (
    "counterfeit consciousness",
    "profound learning",
    "flag to commotion",
    "Wall Avenue",
    "big data",
    "big database",
    "data-driven design",
    "data mining",
)
TEXT = (
    "Counterfeit  consciousness and PROFOUND\nlearning; a flag to commotion ratio. counterfeit consciousnesses "
    "and big database, big data. The flag to\tcommotion. Wall Avenue, wall avenue, nonprofound learning.\n"
    "Data-driven design and data mining; metadata mining. İstanbul's flag.\n"
)


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b != "hyperscan" or HAVE_HYPERSCAN])
def test_gated_alternation_finds_what_the_whole_alternation_finds(backend):
    # "data" and "data-driven design" start at one place and both match there: the list's order decides,
    # so the list is tried in both orders, and on texts that hold only some of the phrases
    lists = ((*PHRASES, "data"), ("data", *reversed(PHRASES)))
    samples = (TEXT, TEXT[:60], TEXT[100:], "nothing here at all")
    for ignore_case in (True, False):
        for listed in lists:
            gates = Gates(backend)
            gated = gated_alternation(gates, (r"\bflag\b(?=\s+to)",), listed, ignore_case)
            whole = compile_alternation((r"\bflag\b(?=\s+to)",), listed, ignore_case)
            for sample in samples:
                full = [(m.start(), m.end()) for m in whole.finditer(sample)]
                pattern = gated.for_document(Document(sample))
                found = [] if pattern is None else [(m.start(), m.end()) for m in pattern.finditer(sample)]
                assert found == full
            assert gated.for_document(Document("nothing here at all")) is None


def test_a_phrase_opens_only_where_its_words_stand_in_a_row():
    gates = Gates("aho-corasick")
    gated = gated_alternation(gates, (), ("counterfeit consciousness",), ignore_case=True)
    apart = "A counterfeit watch. His consciousness returned."
    assert gated.for_document(Document(apart)) is None  # both words, never side by side
    for parted in (" ", "\n", "\u00a0", " \t ", "\n\n  "):  # any white space parts the words of a phrase
        text = f"Counterfeit{parted}Consciousness rises."
        pattern = gated.for_document(Document(text))
        assert pattern is not None and pattern.search(text) is not None, repr(parted)


LINE_LED = (
    r"^\d{4}-\d{2}-\d{2}$",
    r"^(?<!\bBorn:?[ \t]*\n)(?:Jan|Feb)[a-z]* \d{1,2}",
    r"^(?=\p{Lu})(?![^\n]*\bsaid\b)\p{Lu}\w+ \p{Lu}\w+$",
    r"^(?!(?:Die|O|A|Os)\b)\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ (?:é|est|ist)\b",  # "A" alone is ruled out, "Ana" not
    r"^\s*(?:By|BY)\s+\p{Lu}",
    r"^(?<=\n\n)Posted\b",
    r"^(?i:updated)\b",
    r"^[«‹<]?\s*(?:Next|Zurück)\b",
    r"^$",
)
LINES = (
    "2024-01-05\nBorn:\nJan 5\nJan 6 was cold\n\nPosted today\nJane Doe\nJane Doe said no\n  By Ann\n\n"
    "\nBY ANN\nUPDATED: now\nÜber uns\n«Next story\n‹ Zurück\nFeb 30, then\n\tBy Bo\nAna Souza é repórter\n"
    "A Souza é repórter\n"
)


@pytest.mark.parametrize("ignore_case", [False, True])
def test_matching_at_line_starts_leaves_out_only_alternatives_that_cannot_match_there(ignore_case):
    gated = gated_alternation(Gates("aho-corasick"), LINE_LED, ignore_case=ignore_case)
    doc = Document(LINES)
    searcher = gated.for_document(doc)
    assert isinstance(searcher, AnyOf)
    matched = 0
    for at in doc.line_starts:
        expected, found = searcher.match(LINES, at), gated.match_line(searcher, LINES, at)
        assert (found and found.span()) == (expected and expected.span()), LINES[at : at + 12]
        matched += expected is not None
    assert matched > 10


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("\nthe info information here\n", True),
        ("\nthe info\n\n  information here\n", True),
        ("\nthe info\u00a0\tinformation\n", True),
        ("\ninfo, information\n", False),  # a comma is not white space
        ("\ninfoinformation\n", False),
        ("\ninfo info information\n", True),  # found from the second "info"
    ],
)
def test_a_phrase_is_held_where_white_space_alone_parts_its_words(text, held):
    assert holds_phrase(text, ("info", "information")) is held


def test_gated_alternation_keeps_patterns_with_nothing_known():
    gates = Gates("aho-corasick")
    gated = gated_alternation(gates, (r"\d{3}-\d{4}", r"hotline"))
    pattern = gated.for_document(Document("call 555-1234"))
    assert pattern is not None and regex.compile(r"\d{3}-\d{4}", FLAGS).pattern in pattern.pattern.pattern
    assert "hotline" not in pattern.pattern.pattern


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b != "hyperscan" or HAVE_HYPERSCAN])
def test_prepared_gates_give_the_same_gates_and_scans_without_reading_the_patterns(backend, monkeypatch):
    patterns = (r"^By\s", phrase_to_regex("Leave a Reply"), r"\((?:AP|Reuters)\)$")
    text = "Leave a reply\nBy the (AP)\n"
    first = Gates(backend)
    gates = [first.gate(p) for p in patterns]
    found = first.scan(text)
    prepared = first.prepared()
    assert prepared is not None and set(prepared.clauses) == set(patterns)
    assert (prepared.scanner is not None) == (backend == "hyperscan")

    def unread(*_args, **_kwargs):
        raise AssertionError("a prepared pattern was read again")

    monkeypatch.setattr("cleanlint.scan.gates.required_literals", unread)
    again = Gates(backend, prepared)
    assert [again.gate(p) for p in patterns] == gates
    assert again.scan(text) == found == {"\nby", "leave", "reply", "(ap)\n"}
    assert again.prepared() is None  # nothing new to keep


@pytest.mark.skipif(not HAVE_HYPERSCAN, reason="Hyperscan is not installed")
def test_a_saved_scanner_that_cannot_be_loaded_is_compiled_again():
    first = Gates("hyperscan")
    first.gate(r"\(AP\)")
    prepared = first.prepared()
    damaged = dataclasses.replace(prepared, scanner=b"not a database")
    again = Gates("hyperscan", damaged)
    again.gate(r"\(AP\)")
    assert again.scan("Text (AP)") == {"(ap)"}
    assert again.prepared() is not None  # the scanner compiled here is kept for the next run


def test_starts_too_many_to_keep_are_cut_to_a_common_length():
    from cleanlint.scan.literal_facts import shortened

    assert shortened(frozenset({"share it", "share this", "follow"}), 2) == {"share ", "follow"}
    assert shortened(frozenset({"share", "follow"}), 2) == {"share", "follow"}
    assert shortened(frozenset({"ab", "cd", "ef"}), 2) is None  # even first letters are too many
    assert shortened(frozenset({"", "share"}), 8) is None  # a match may start with anything


def test_an_unclosed_code_point_gives_no_answer():
    """A reading that met "\\x{" without its "}" used to start over from the pattern's beginning."""
    from cleanlint.scan.first_chars import first_chars

    assert required_literals(r"ab\x{41") == ()
    assert first_chars(r"ab\x{41") is None
