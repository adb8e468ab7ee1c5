# ruff: noqa: E501  (the foreign paragraphs are whole sentences)
"""How bench/plant.py plants one artifact of a family in a clean text, in the forms the family takes.

Each planter returns the planted text and the span of the artifact in it, or None when the text offers no
place for it (a text with one sentence has no sentence seam to glue). The lists below are this benchmark's
own: labels as sites print them above headlines, phrases as paraphrasing tools mangle them, paragraphs in
other languages, place names. None of them is copied from the rules.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Planted:
    family: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Family:
    codes: frozenset[str]  # a finding of one of these codes over the span catches the plant
    planter: Callable[[str, random.Random], tuple[str, int, int] | None]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# a sentence's last word, its closing punctuation and quote, a space, and the next sentence's first word
_SEAM = re.compile(r"[a-z]{2}[.?!][\"”’)]?( )[A-Z][a-z]+\b")


_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc)[.]\Z")


def glued_sentences(text: str, rng: random.Random) -> tuple[str, int, int] | None:
    seams = [m.start(1) for m in _SEAM.finditer(text) if not _ABBREVIATION.search(text, 0, m.start(1))]
    if not seams:
        return None
    at = rng.choice(seams)
    return text[:at] + text[at + 1 :], at - 3, at + 3


_LABELS = (
    "Latest News", "Politics", "World", "Business", "Sport", "Sports", "Breaking", "Top Stories", "Opinion",
    "Technology", "Health", "Local News", "Economy", "Entertainment", "Science", "Culture", "Markets", "Travel",
    "Lifestyle", "Education", "Crime", "Weather", "US News", "Europe", "Asia", "Africa", "Money", "Tech",
    "Video", "Analysis", "Exclusive", "Live", "Features", "Investigations", "Environment", "Nation",
)


def glued_label(text: str, rng: random.Random) -> tuple[str, int, int] | None:
    """A section label glued to the first word of the headline (the text's first line)."""
    first = text.lstrip("\n")
    offset = len(text) - len(first)
    if not first[:1].isupper():
        return None
    label = rng.choice(_LABELS)
    word = re.match(r"\S+", first)
    end = offset + len(label) + (word.end() if word else 0)
    return text[:offset] + label + first, offset, end


# (the right phrase, how paraphrasing tools mangle it), in forms that reach news copy
_SPUN = (
    ("artificial intelligence", "counterfeit consciousness"),
    ("artificial intelligence", "man-made brainpower"),
    ("deep learning", "profound learning"),
    ("machine learning", "AI learning"),
    ("big data", "huge information"),
    ("big data", "enormous information"),
    ("random forest", "irregular woods"),
    ("breast cancer", "bosom malignant growth"),
    ("cancer", "malignant growth"),
    ("signal to noise", "sign to clamor"),
    ("cloud computing", "cloud figuring"),
    ("smart city", "keen city"),
    ("mobile phone", "versatile telephone"),
    ("social media", "web-based media"),
    ("neural network", "neural organization"),
    ("climate change", "environmental change"),
    ("supply chain", "inventory network"),
    ("data mining", "information mining"),
    ("heart attack", "coronary failure"),
    ("blood pressure", "circulatory strain"),
    ("computer vision", "PC vision"),
    ("decision tree", "choice tree"),
    ("global warming", "worldwide temperature alteration"),
    ("customer satisfaction", "consumer loyalty"),
    ("wireless network", "remote organization"),
)
_SPUN_SENTENCES = (
    "Experts said {} would change how the work is done.",
    "The company has invested heavily in {} over the past year.",
    "Critics argue that {} is being oversold to investors.",
    "Officials said {} was one of the main concerns raised at the meeting.",
)


def spun_phrase(text: str, rng: random.Random) -> tuple[str, int, int] | None:
    right, wrong = rng.choice(_SPUN)
    at = text.find(right)
    if at >= 0:
        return text[:at] + wrong + text[at + len(right) :], at, at + len(wrong)
    paragraphs = [p for p in _paragraphs(text) if p[1] - p[0] > 80]
    if not paragraphs:
        return None
    _, end = rng.choice(paragraphs)
    sentence = " " + rng.choice(_SPUN_SENTENCES).format(wrong)  # the phrase stands inside each sentence
    start = end + sentence.index(wrong)
    return text[:end] + sentence + text[end:], start, start + len(wrong)


def duplicated_paragraph(text: str, rng: random.Random) -> tuple[str, int, int] | None:
    """A paragraph of two sentences or more printed again: right after itself, or later in the text."""
    paragraphs = [p for p in _paragraphs(text) if len(re.findall(r"[.?!](?:\s|$)", text[p[0] : p[1]])) >= 2]
    if not paragraphs:
        return None
    start, end = rng.choice(paragraphs)
    copy = text[start:end]
    if rng.random() < 0.5:
        at = end
    else:
        later = [p[1] for p in _paragraphs(text) if p[0] > end]
        at = rng.choice(later) if later else end
    return text[:at] + "\n" + copy + text[at:], at + 1, at + 1 + len(copy)


_FOREIGN = {
    "de": (
        "Die Gemeinde will den alten Bahnhof bis zum nächsten Sommer renovieren und dort ein kleines Museum einrichten.",
        "Nach Angaben der Polizei wurde bei dem Unfall auf der Landstraße niemand schwer verletzt, die Strecke blieb aber stundenlang gesperrt.",
    ),
    "es": (
        "El ayuntamiento anunció que las obras de la nueva biblioteca comenzarán en primavera y durarán al menos dos años.",
        "Según los datos publicados este lunes, el paro bajó en casi todas las comunidades autónomas durante el último trimestre.",
    ),
    "fr": (
        "La mairie a annoncé que les travaux de la nouvelle piscine commenceront au printemps et dureront environ deux ans.",
        "Selon les chiffres publiés lundi, le nombre de demandeurs d'emploi a encore baissé dans la plupart des régions du pays.",
    ),
    "pt": (
        "A prefeitura informou que as obras da nova escola devem começar no próximo mês e terminar antes do fim do ano.",
        "De acordo com os dados divulgados nesta segunda-feira, o desemprego caiu em quase todos os estados do país.",
    ),
    "it": (
        "Il comune ha annunciato che i lavori per la nuova biblioteca inizieranno in primavera e dureranno circa due anni.",
        "Secondo i dati diffusi lunedì, la disoccupazione è calata in quasi tutte le regioni durante l'ultimo trimestre.",
    ),
    "nl": (
        "De gemeente wil het oude station volgend jaar verbouwen en er een klein museum over de geschiedenis van de stad openen.",
        "Volgens de politie raakte bij het ongeluk op de snelweg niemand ernstig gewond, maar de weg was urenlang afgesloten.",
    ),
    "pl": (
        "Władze miasta zapowiedziały, że remont starego dworca rozpocznie się wiosną i potrwa co najmniej dwa lata.",
        "Według danych opublikowanych w poniedziałek bezrobocie spadło w niemal wszystkich województwach w ostatnim kwartale.",
    ),
    "en": (
        "The council said work on the new library would begin in the spring and take at least two years to finish.",
        "According to figures published on Monday, unemployment fell in almost every region during the last quarter.",
    ),
    "ru": (
        "Городские власти сообщили, что ремонт старого вокзала начнётся весной и продлится не меньше двух лет.",
    ),
}


def _language(text: str) -> str:
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    try:
        return detect(text[:2000])
    except Exception:  # a text langdetect cannot read: treat it as English
        return "en"


def foreign_paragraph(text: str, rng: random.Random) -> tuple[str, int, int] | None:
    """A paragraph of 12 words or more in another language, between two paragraphs of the text."""
    own = _language(text)
    choices = [lang for lang in _FOREIGN if lang != own]
    paragraph = rng.choice(_FOREIGN[rng.choice(choices)])
    ends = [p[1] for p in _paragraphs(text)][:-1] or [len(text.rstrip("\n"))]
    at = rng.choice(ends)
    return text[:at] + "\n" + paragraph + text[at:], at + 1, at + 1 + len(paragraph)


_PLACES = (
    "Afghanistan", "Argentina", "Australia", "Bangladesh", "Brazil", "Canada", "Colombia", "Egypt", "Ethiopia",
    "France", "Germany", "Indonesia", "Iran", "Ireland", "Israel", "Italy", "Japan", "Kenya", "Mexico",
    "Nigeria", "Pakistan", "Philippines", "Poland", "Portugal", "Russia", "Spain", "Sweden", "Switzerland",
    "Syria", "Turkey", "Ukraine", "Venezuela", "Vietnam", "London", "Paris", "Berlin", "Moscow", "Beijing",
    "Washington", "Tokyo", "Madrid", "Rome", "Cairo", "Nairobi", "Lagos", "Istanbul", "Jerusalem", "Tehran",
    "Baghdad", "Kabul", "Islamabad", "Delhi", "Mumbai", "Sydney", "Melbourne", "Toronto", "Chicago", "Houston",
    "Brussels", "Amsterdam", "Vienna", "Warsaw", "Lisbon", "Athens", "Stockholm", "Copenhagen", "Dublin",
    "California", "Texas", "Florida", "Brooklyn", "Manchester", "Liverpool", "Barcelona", "Munich", "Milan",
)
_PLACE_SENTENCES = (
    "Officials in {} said the talks would resume next week.",
    "The company also has offices in {} and plans to hire more staff there.",
    "Flights to {} were cancelled because of the storm.",
)


def _misspell(name: str, rng: random.Random) -> str:
    """One transposition, insertion or deletion inside the name (its first letter kept)."""
    i = rng.randrange(1, len(name) - 1)
    how = rng.choice(("swap", "insert", "delete"))
    if how == "swap" and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if how == "insert":
        return name[:i] + name[i] + name[i:]  # a doubled letter
    return name[:i] + name[i + 1 :]


def misspelt_name(text: str, rng: random.Random) -> tuple[str, int, int] | None:
    """A place name misspelt once: one that the text also spells right, else a well-known one."""
    present = [p for p in _PLACES if re.search(rf"\b{p}\b", text)]
    if present:
        name = rng.choice(present)
        occurrences = [m for m in re.finditer(rf"\b{name}\b", text)]
        m = rng.choice(occurrences)
        wrong = _misspell(name, rng)
        if len(occurrences) == 1:  # the right spelling stays in the text beside the wrong one
            sentence = " " + rng.choice(_PLACE_SENTENCES).format(name)
            end = _paragraphs(text)[-1][1]  # after the one being misspelt
            text = text[:end] + sentence + text[end:]
        return text[: m.start()] + wrong + text[m.end() :], m.start(), m.start() + len(wrong)
    paragraphs = [p for p in _paragraphs(text) if p[1] - p[0] > 80]
    if not paragraphs:
        return None
    name = rng.choice(_PLACES)
    wrong = _misspell(name, rng)
    _, end = rng.choice(paragraphs)
    sentence = " " + rng.choice(_PLACE_SENTENCES).format(wrong)
    start = end + sentence.index(wrong)
    return text[:end] + sentence + text[end:], start, start + len(wrong)


def mojibake(text: str, rng: random.Random) -> tuple[str, int, int] | None:
    """A word with a curly quote, a dash or an accented letter, encoded as UTF-8 and read as Windows-1252,
    its undefined bytes shown as the replacement character or lost."""
    words = [m for m in re.finditer(r"\S*[^\x00-\x7f]\S*", text) if _garbles(m.group())]
    if not words:
        paragraphs = [p for p in _paragraphs(text) if p[1] - p[0] > 80]
        if not paragraphs:
            return None
        _, end = rng.choice(paragraphs)
        word = rng.choice(("It’s", "“We’re", "café", "Zürich", "–"))
        text = text[:end] + f" {word} ready." + text[end:]
        words = [m for m in re.finditer(re.escape(word), text)]
    m = rng.choice(words)
    # a byte Windows-1252 has no character for is shown as "�", or lost on the way: a closing ” ends up
    # as "â€" and nothing
    errors = rng.choice(("replace", "ignore"))
    garbled = m.group().encode("utf-8").decode("cp1252", errors=errors)
    return text[: m.start()] + garbled + text[m.end() :], m.start(), m.start() + len(garbled)


def _garbles(word: str) -> bool:
    """Whether the word's UTF-8 bytes read as Windows-1252 change it (they do for every non-ASCII letter)."""
    return word.encode("utf-8").decode("cp1252", errors="replace") != word


_MARKUP = ("<p>", "</p>", "<br>", "<br />", "</div>", '<span class="caption">', "&amp;", "&nbsp;", "&#8217;", "&quot;")


def markup(text: str, rng: random.Random) -> tuple[str, int, int] | None:
    """A tag or an undecoded entity left in a paragraph, at a word boundary."""
    paragraphs = [p for p in _paragraphs(text) if p[1] - p[0] > 40]
    if not paragraphs:
        return None
    start, end = rng.choice(paragraphs)
    spaces = [m.start() for m in re.finditer(" ", text[start:end])]
    at = start + (rng.choice(spaces) if spaces else 0)
    piece = rng.choice(_MARKUP)
    if piece.startswith("&") and piece != "&amp;":
        return text[:at] + piece + text[at + 1 :], at, at + len(piece)  # the entity where the space was
    return text[:at] + " " + piece + text[at:], at + 1, at + 1 + len(piece)


FAMILIES: dict[str, Family] = {
    "glued-sentences": Family(frozenset({"A201", "A202"}), glued_sentences),
    "glued-labels": Family(frozenset({"B102", "A202"}), glued_label),
    "spun-phrases": Family(frozenset({"A101", "A102", "A103"}), spun_phrase),
    "duplicated-paragraphs": Family(frozenset({"A501", "A502"}), duplicated_paragraph),
    "foreign-paragraphs": Family(frozenset({"L101"}), foreign_paragraph),
    "misspelt-names": Family(frozenset({"A401"}), misspelt_name),
    "mojibake": Family(frozenset({"A601", "A706"}), mojibake),
    "markup": Family(frozenset({"A701", "A702"}), markup),
}


def plant(family: str, text: str, rng: random.Random) -> Planted | None:
    planted = FAMILIES[family].planter(text, rng)
    if planted is None:
        return None
    return Planted(family, *planted)
