"""Sentences run together: whether a full stop (or ?, !, …) glued to a capital is a lost space.

"jobs.The company", "again?Voters", "said.”The", "(2019).The": a sentence ends, its closing quote or bracket
may follow, and the next sentence starts with no space. The same shape is written on purpose in addresses
(example.Com/News), file names (report.Pdf), code (React.Component, fmt.Println, System.Out.Println) and
initials (J.R.R.Tolkien). What tells them apart is read from both sides of the seam:

- the word after the seam: a word that opens sentences and never ends a name ("The", "He", "In", the rule's
  `openers`) settles it after any word, an initial or a figure ("U.S.The", "2019.The") included;
- the word before the stop: a sentence's last word is mostly a lower-case word ("jobs.Jordan"), or closed by
  a bracket, a quote or a per cent sign ("(2019).", "5%."); code and addresses put a name there (React.,
  System.). A capitalised word before the stop ("Paris.Police") may be either, so its space is only offered
  as an unsafe fix, and one in camel case (GameObject.Find) is a class;
- the token around the seam: more dots between words (org.apache.Commons), a call or an index (f(x).Value),
  underscores, `=` or `$`, digits or a member after the next word, a file or domain ending after the stop,
  or the same name before the stop glued to other members elsewhere in the text (React.Component and
  React.Fragment) mark code or an address, and the seam is left alone.

The space goes after a closing quote or bracket and before an opening one; for a straight quote, which
could be either, the quotes before it on its line decide (an odd count: it closes).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...scan.memo import compiled

# A stop (or an ellipsis) after a letter or digit, closing marks, maybe an opening quote, then a capital that
# starts a word: "jobs.The", "said.”The", "(2019).The", "again?Voters", "said.“The", "wait...The", "jobs.A",
# "contre.L’Assemblée".
SEAM = compiled(
    r"(?<=[\p{L}\p{N}][)\]\"'”’%]?)(?:\.\.\.|[.!?…])[)\]\"'”’]{0,2}[“‘«„\"']?(?=\p{Lu}(?:\p{Ll}|\s|['’]\p{L}))"
)
_CLOSING = ")]\"'”’"
_OPENING = "“‘«„"
_STRAIGHT = "\"'"
_BEFORE = compiled(r"[\p{L}\p{N}]+", regex.REVERSE)  # the word before the stop, read back from it
_AFTER = compiled(r"\p{L}+")
_CAMEL = compiled(r"\p{Ll}\p{Lu}")
_DOTTED = compiled(r"[\p{L}\p{N}]\.$")  # the word before the stop follows another dot: org.apache.X
# after the word that follows the seam: code goes on with a member, a call, an index or an assignment
_CODE_AFTER = compiled(r"[\p{N}_(\[{<=$]|\.[\p{L}_]|::|->")
_CODE_ANYWHERE = compiled(r"[_=<>{}\\|^~`$]|://|::|->|[\p{L}\p{N}][(\[]")  # f(x).Value, a[0].Name
# what a domain or a file name ends in, where it cannot also open a sentence ("It" and "In" can)
_ENDINGS = frozenset(
    "com org net gov edu info biz io uk fr nl pl pt br ru jp cn au ca eu tv ly html htm php asp aspx jsp pdf "  # noqa: SIM905
    "doc docx xls xlsx ppt pptx txt csv json xml yaml yml jpg jpeg png gif svg mp3 mp4 mov zip exe js ts py "
    "rb md".split()
)
# why a seam next to a capitalised word (after a stop, after a single label) is only offered as an unsafe fix
UNSURE = "may be a name"


@dataclass(frozen=True)
class Verdict:
    """A sentence seam that is glue: where the space goes, and why it is not certain (None: it is)."""

    at: int
    held: str | None


def judge(
    text: str, match: regex.Match, token_start: int, token_end: int, openers: frozenset[str], body_start: int
) -> Verdict | None:
    """Whether the seam `match` (a SEAM match in `text`) inside the run of non-space text [token_start,
    token_end) is two sentences run together; None when the run reads as written (code, an address, an
    initial)."""
    stop, marks_end = match.start(), match.end()
    token = text[token_start:token_end]
    if "/" in token or "@" in token or token[:1] in "#@" or _CODE_ANYWHERE.search(token):
        return None
    back = stop
    while back - 1 > token_start and text[back - 1] in _CLOSING + "%":
        back -= 1  # "(2019).", "said”." and "5%.": the word is before the closing marks
    before = _BEFORE.match(text, token_start, back)
    after = _AFTER.match(text, marks_end)
    if before is None or after is None:
        return None
    word, next_word = before.group(), after.group()
    rest = text[after.end() : token_end]
    opener = next_word in openers or _elided(text, after, openers)
    if len(next_word) == 1 and not (opener and word.islower() and len(word) > 1):
        return None  # "Plan.B ", "U.S.A", "Mk.I": a letter alone opens a sentence only after one's last word
    if not opener:
        if _CODE_AFTER.match(rest) or (_CAMEL.search(next_word) and not word.islower()):
            return None
        if next_word.lower() in _ENDINGS and not rest.strip(".,;:!?\"'”’)"):
            return None
    if _namespace(text, body_start, word, text[back : stop + 1]):
        return None
    at = _space_at(text, stop, marks_end)
    if back < stop:
        return Verdict(at, None)  # "(2019).The", "said”.Then", "5%.Economists": a sentence's end, closed
    if (len(word) == 1 and word.isalpha()) or _DOTTED.search(text, token_start, before.start()):
        return Verdict(at, None) if opener else None  # "U.S.The", "a.m.The"; initials (J.R.R.Tolkien) stay
    if not word.isalpha():
        return Verdict(at, None) if opener else None  # "2019.The", "COVID19.The"; "v2.Beta" stays
    if opener:
        return Verdict(at, None)
    if word.islower() and len(word) > 2 and not _CAMEL.search(next_word):
        return Verdict(at, None)  # "jobs.Jordan": a sentence's last word, then a name
    if _CAMEL.search(word):
        return None  # "GameObject.Find", "HttpClient.Send": a class in code
    return Verdict(at, UNSURE)  # "Paris.Police", "us.Jordan", "hungry.McDonald's"


def _elided(text: str, after: regex.Match, openers: frozenset[str]) -> bool:
    """French and Italian elision: "L’Assemblée", "D’après", "Qu’il" open with a listed "L’"."""
    end = after.end()
    return end < len(text) and text[end] in "'’" and after.group() + "’" in openers


def _namespace(doc_text: str, body_start: int, word: str, stop: str) -> bool:
    """Whether the word before the stop is glued to other members elsewhere in the text (React.Component
    and React.Fragment; fmt.Println and fmt.Printf): a namespace in code, not a sentence's end."""
    if stop != ".":
        return False
    members = regex.findall(
        rf"(?<![\p{{L}}\p{{N}}_.]){regex.escape(word)}\.([\p{{L}}_][\p{{L}}\p{{N}}_]*)", doc_text, pos=body_start
    )
    return len(set(members)) > 1


def _space_at(text: str, stop: int, marks_end: int) -> int:
    """Where the lost space goes: after the stop and its closing marks, before an opening quote. A straight
    quote closes when an odd number of the same quote stands before it on its line."""
    at = marks_end
    if at > stop and text[at - 1] in _OPENING:
        return at - 1
    if at - 1 > stop and text[at - 1] in _STRAIGHT:
        quote = text[at - 1]
        line_start = text.rfind("\n", 0, stop) + 1
        before = text[line_start : at - 1]
        count = (
            before.count(quote) if quote == '"' else len(regex.findall(r"(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])", before))
        )
        if count % 2 == 0:
            return at - 1  # it opens the next sentence
    return at
