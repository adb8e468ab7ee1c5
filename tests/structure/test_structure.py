"""Structured regions: tables, code, transcripts, content lists and verse are found, and furniture is not."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanlint.document import Document
from cleanlint.structure.regions import StructuredRegion, in_structure, structured_regions

LEAD = "The figures were released on Tuesday after a long delay at the county offices.\n"
TAIL = "Officials said the next update would follow at the end of the month.\n"


def found(text: str) -> list[tuple[str, str]]:
    doc = Document(text)
    return [(region.kind, text[region.start : region.end]) for region in structured_regions(doc)]


def kinds(text: str) -> list[str]:
    return [kind for kind, _ in found(text)]


TABLES = {
    "league table aligned with spaces": (
        "Club  P  W  D  L  Pts\n"
        "Riverside  30  21  5  4  68\n"
        "Harbour Town  30  19  6  5  63\n"
        "Millbrook  30  17  4  9  55\n"
    ),
    "markdown table of share prices": (
        "| Company | Close | Change |\n|---|---:|:---:|\n| Northwind | 41.20 | +2.1% |\n| Contoso | 18.05 | -0.4% |\n"
    ),
    "infobox rows": ("| Founded | 2004 |\n| Industry | Open-source software |\n| Headquarters | Tallinn, Estonia |\n"),
    "tab-separated election results": "Ward\tVotes\tShare\nNorth\t4,210\t38%\nSouth\t3,877\t35%\n",
    "pipe rows with figures": "Model | Range | Price\nAurora S | 410 km | 39,900\nAurora L | 520 km | 46,500\n",
    "a markdown table of words": "| Term | Meaning |\n| --- | --- |\n| quorum | the members needed to vote |\n",
}


@pytest.mark.parametrize("table", TABLES.values(), ids=TABLES.keys())
def test_tables(table):
    assert found(LEAD + table + TAIL) == [("table", table.rstrip("\n"))]


CODE = {
    "python function": (
        "def average(values):\n"
        '    """The mean."""\n'
        "    total = sum(values)\n"
        "    # an empty list has no mean\n"
        "    return total / len(values)\n"
        "\n"
        "print(average([3, 4, 5]))\n"
    ),
    "javascript handler": (
        'const button = document.querySelector("#save");\n'
        'button.addEventListener("click", () => {\n'
        '  console.log("saved");\n'
        "});\n"
    ),
    "react component": (
        "class Clock extends React.Component {\n  render() {\n    return <p>{this.props.time}</p>;\n  }\n}\n"
    ),
    "shell session with output": (
        "$ mkdir demo && cd demo\n$ git init\nInitialized empty Git repository in /home/ana/demo/.git/\n"
        "$ ls -a\n.  ..  .git\n"
    ),
    "python prompt": '>>> words = "a b c".split()\n>>> len(words)\n3\n',
    "indented go": '    func main() {\n        fmt.Println("ready")\n    }\n',
    "indented assignments": "    width = 640\n    height = width * 9 // 16\n",
    "php": "<?php\necho $greeting;\n",
    "fenced, with a table and markup inside": "```\n| a | b |\n|---|---|\n<br>&nbsp;\n```\n",
    "tilde fence": "~~~\nSELECT name FROM staff\nWHERE active = 1\n~~~\n",
    "install command": "npm install left-pad\n",
    "import on its own": "from collections import Counter\n",
    "a dotted call": 'console.log("ready")\n',
}


@pytest.mark.parametrize("code", CODE.values(), ids=CODE.keys())
def test_code(code):
    assert found(LEAD + code + TAIL) == [("code", code.rstrip("\n"))]


MARKUP = {
    "html sample": (
        '<div class="card">\n  <img src="cat.jpg" alt="A cat">\n  <p>The <br> tag breaks a line.</p>\n</div>\n'
    ),
    "bare html tags, three lines": "<ul>\n<li>Tea</li>\n<li>Coffee</li>\n</ul>\n",
}


@pytest.mark.parametrize("sample", MARKUP.values(), ids=MARKUP.keys())
def test_markup_is_code_on_a_page_about_markup(sample):
    lead = "The card needs only a few lines of HTML, with the class attribute naming its style:\n"
    assert found(lead + sample + TAIL) == [("code", sample.rstrip("\n"))]
    # the same lines on a page that never speaks of markup are tags a scraper left behind
    assert found(LEAD + sample + TAIL) == []


def test_leftover_markup_is_not_code():
    leftover = (
        '<script type="text/javascript" src="https://example.com/js/shim.js"></script>\n'
        "<script>\nif (window.location.hash) {\n  window.location.reload();\n}\n</script>\n"
        '<div class="sidebar">\n<a href="/news/">News</a>\n</div>\n'
    )
    assert found(LEAD + leftover + TAIL) == []


TRANSCRIPTS = {
    "deposition": (
        "Q: Where were you on the night of March 4?\n"
        "A: On the advice of counsel, I decline to answer.\n"
        "Q: Did you meet Mr. Hale that evening?\n"
        "A: On the advice of counsel, I decline to answer.\n"
        "Q: Have you ever met Mr. Hale?\n"
        "A: On the advice of counsel, I decline to answer.\n"
    ),
    "courtroom": (
        "THE COURT: Counsel, approach the bench.\n"
        "MR. OKAFOR: Your Honor, the witness has answered.\n"
        "THE COURT: Overruled. Proceed.\n"
        "MS. LINDQVIST: Thank you, Your Honor.\n"
        "THE COURT: Go ahead.\n"
    ),
    "interview with a turn over two lines": (
        "Interviewer: When did you start painting?\n"
        "Maria Castellanos: When I was nine, in my grandmother's kitchen.\n"
        "She let me use the back of old calendars.\n"
        "Interviewer: And now?\n"
        "Maria Castellanos: Now I paint every morning before the light changes.\n"
    ),
    "podcast with bracketed speakers and blank lines": (
        "[Host]: Welcome back to the show.\n\n[Guest]: Thanks for having me.\n\n[Host]: Let's talk about bees.\n"
    ),
    "q and a with full stops": "Q. Is that your signature?\nA. Yes.\nQ. On every page?\nA. Yes, on every page.\n",
}


@pytest.mark.parametrize("transcript", TRANSCRIPTS.values(), ids=TRANSCRIPTS.keys())
def test_transcripts(transcript):
    assert found(LEAD + transcript + TAIL) == [("transcript", transcript.rstrip("\n"))]


LISTS = {
    "ingredients": (
        "- 2 cups plain flour\n- 1/2 tsp salt\n- 200g cold butter\n- 3 eggs\n- salt and pepper\n- 1 tbsp olive oil\n"
    ),
    "ingredients without bullets": "250 ml milk\n2 tablespoons sugar\n1 1/2 cups oats\n½ tsp cinnamon\n",
    "numbered steps": (
        "1. Preheat the oven to 200C.\n2. Rub the butter into the flour.\n3. Bake for 25 minutes.\n"
        "4. Leave to cool before slicing.\n"
    ),
    "steps with blank lines": "Step 1: Unplug the router.\n\nStep 2: Wait ten seconds.\n\nStep 3: Plug it back in.\n",
    "race results": "1. Okonkwo 2:08:41\n2. Barros 2:09:03\n3. Lindahl 2:09:55\n4. Tanaka 2:10:12\n",
    "football scores": "Riverside 2-1 Harbour Town\nMillbrook 0-0 Eastfield\nNorthgate 3-2 Westbury\n",
    "spec sheet": "Weight: 1.2 kg\nBattery: 5000 mAh\nScreen: 6.1 in\nStorage: 128 GB\n",
    "dosage": "- Adults: 500 mg every six hours\n- Children over 12: 250 mg\n- Maximum: 4 g in 24 hours\n",
    "scores after each name": "Riverside 2 Harbour Town 1\nMillbrook 0 Eastfield 0\nNorthgate 3 Westbury 2\n",
    "vote counts": "Green 12,410 (41.2%)\nLabour 10,977 (36.4%)\nLiberal 6,702 (22.3%)\n",
    "standings without alignment": "Riverside 30 21 68\nHarbour Town 30 19 63\nMillbrook 30 17 55\n",
}


@pytest.mark.parametrize("items", LISTS.values(), ids=LISTS.keys())
def test_lists(items):
    assert found(LEAD + items + TAIL) == [("list", items.rstrip("\n"))]


VERSE = {
    "poem in two stanzas": (
        "I kept the lamp beside the door,\n"
        "and waited for the tide to turn,\n"
        "but every wave came back the same\n"
        "and left me nothing I could learn.\n"
        "\n"
        "So now I count the boats that pass,\n"
        "the gulls that argue on the sand,\n"
        "and every evening, one by one,\n"
        "the lights come on along the strand.\n"
    ),
    "song with a refrain": (
        "We drove all night through rain and wire\n"
        "Hold on, hold on to me\n"
        "the radio was all we had\n"
        "Hold on, hold on to me\n"
        "and morning came up grey and cold\n"
        "Hold on, hold on to me\n"
    ),
    "capitalised lines, carried by their ends": (
        "Must I go down to the harbour again,\n"
        "Where the nets hang grey in the rain?\n"
        "Old ropes remember the hands of the dead;\n"
        "And the boats lie still in their bed.\n"
    ),
    "spanish": (
        "Camino de tierra y piedra,\nla tarde se queda quieta,\ny nadie pregunta nada\nal cruzar la puerta abierta.\n"
    ),
    "lower-case free verse": (
        "the kettle ticks as it cools\na spoon left in the sugar\nsomebody's coat on the chair\nwhere nobody sits now\n"
    ),
}


@pytest.mark.parametrize("verse", VERSE.values(), ids=VERSE.keys())
def test_verse(verse):
    assert found(LEAD + "\n" + verse + "\n" + TAIL) == [("verse", verse.rstrip("\n"))]


def test_verse_inside_a_page_without_blank_lines():
    poem = "Under the bridge the water goes,\nand the barges go slow,\nand nobody looks at the river\n"
    poem += "but the river knows.\n"
    assert found(LEAD + poem + TAIL) == [("verse", poem.rstrip("\n"))]


NOT_STRUCTURE = {
    "news paragraphs one per line": (
        "The council voted on Monday to close two libraries in the north of the city.\n"
        "Campaigners said the decision would hit older residents hardest.\n"
        "The leader of the council said the budget left no other choice.\n"
        "A final decision on a third library is expected in the spring.\n"
    ),
    "byline, share bar and related stories": (
        "By Priya Raman, Political Correspondent\n"
        "Share\nTweet\nEmail\n"
        "The minister resigned on Friday evening after a week of pressure.\n"
        "Related Stories\n"
        "Mayor opens new library in city centre\n"
        "Council approves budget for next year\n"
        "Police appeal after weekend burglary\n"
        "Local team wins county cup final\n"
    ),
    "a breadcrumb trail on one line": "Home | News | Sport\nThe match was abandoned after heavy rain at half-time.\n",
    "two menu lines of pipes": "Home | News | Sport | Weather\nPrivacy | Terms | Cookies | Contact\n",
    "meta lines divided by pipes": "By Ana Diaz | March 3, 2020 | 3 Comments\nFiled under: News | Politics | 2020\n",
    "bulleted headline links": (
        "- Mayor opens new library\n- Storm closes coastal road\n- School wins national chess title\n"
        "- Hospital extends visiting hours\n"
    ),
    "numbered most-read headlines": (
        "Most read\n1. Storm closes coastal road\n2. Mayor opens new library\n3. School wins chess title\n"
        "4. Ferry fares to rise in May\n"
    ),
    "listicle headlines": "10 best beaches in the south\n7 ways to cut your energy bill\n5 things to know about tax\n",
    "photo credit": "Photo: Daniel Moreau/Reuters\nThe crowd gathered outside the court before dawn.\n",
    "dateline": "LISBON, March 3 (Reuters) - Portugal's government approved the plan on Thursday.\n",
    "credit and date block": "Photo: Reuters\nSource: AP\nUpdated: 3 hours ago\nPublished: 12 March 2020\n",
    "contact block": "Tel: 020 7946 0000\nFax: 020 7946 0001\nEmail: desk@example.org\n",
    "a sentence naming a command": "To add it, run npm install left-pad in the project folder.\n",
    "one-word menu in lower case": "news\nsport\nweather\nculture\nopinion\n",
    "short headline-like lines": (
        "Election 2024\nWhat the polls say\nWho is standing where\nHow to register to vote\nKey dates\n"
    ),
    "hard-wrapped prose": (
        "The bridge reopened on Monday. Drivers\n"
        "had waited six months for repairs, and\n"
        "the council said the work cost more than\n"
        "planned. Traffic was light on the first\n"
        "morning. Cyclists were pleased too.\n"
    ),
    "a legal enumeration": (
        "The court found that:\n(a) the notice was served late;\n(b) the tenant was not told of the hearing;\n"
        "(c) the order must be set aside.\n"
    ),
    "an embedded post": "Great win tonight for the team! pic.twitter.com/abc123\n— Sam Ortiz (@samortiz) May 2, 2021\n",
    "money with a space": "$ 5 million was set aside for the repairs, the council said.\n$ 2 million more is due.\n",
    "labels of a live page": (
        "BREAKING: Bridge closed after crash\nUPDATE: Diversions in place\nBREAKING: Second crash reported\n"
        "UPDATE: Bridge reopens\n"
    ),
    "related links with times": (
        "Mayor opens library\n2 hours ago\nCouncil votes on budget\n3 hours ago\nStorm hits coast\n5 hours ago\n"
    ),
    "counts under a story": "23 comments\n12 shares\n4 min read\n",
    "gallery counter and credits": "1 of 12\nPhoto: Ana Diaz\n2 of 12\nPhoto: Ben Li\n3 of 12\nPhoto: Ana Diaz\n",
    "headlines under a widget heading": (
        "You may also like\n"
        "Why the river keeps rising and nobody acts\n"
        "When the factory closed, the town went quiet\n"
        "How a small bakery became a local legend\n"
        "And the winner of the village show is...\n"
    ),
    "share and follow prompts": (
        "Share on Facebook\nShare on Twitter\nShare via Email\nFollow us on Facebook\nFollow us on Instagram\n"
    ),
    "bare tags on two lines": "<p>\n</p>\nThe council met on Monday to discuss the budget for the year.\n",
    "prose about markup": "The <br> tag and the &nbsp; entity are what editors most often leave behind.\n",
    "recent comments": (
        "Dana Whitfield: The bridge should never have been closed in the first…\n"
        "Dana Whitfield: Congratulations to the volunteers who kept the…\n"
        "Dana Whitfield: Where was the council when the river rose…\n"
        "Tom Okafor: Another fine report on the flooding and what…\n"
    ),
    "recent comments on two lines each": (
        "Ben commented on\nNotes on the budget debate\nAnna Berg commented on\nNotes on the budget debate\n"
        "Rob W commented on\nWhy the ferry is late again\n"
    ),
    "video player controls": "Current Time 0:00\n/\nDuration 0:00\nLoaded: 0%\nStream Type LIVE\n",
    "times in a live blog": (
        "10:32 The motion has been tabled.\n10:45 The speaker calls for order.\n11:02 The vote is delayed.\n"
    ),
}


@pytest.mark.parametrize("text", NOT_STRUCTURE.values(), ids=NOT_STRUCTURE.keys())
def test_furniture_and_prose_are_not_structure(text):
    assert found(text) == []


def test_exact_boundaries():
    table = "Club  P  Pts\nRiverside  30  68\nMillbrook  30  55"
    text = f"{LEAD}{table}\n{TAIL}"
    (region,) = structured_regions(Document(text))
    assert region == StructuredRegion(len(LEAD), len(LEAD) + len(table), "table")
    # blank lines around and at the end of a run are never part of it
    text = LEAD + "\n$ ls\nnotes.txt\n\n\n" + TAIL
    (region,) = structured_regions(Document(text))
    assert text[region.start : region.end] == "$ ls\nnotes.txt"


def test_regions_of_different_kinds_are_sorted_and_apart():
    text = LEAD + TABLES["infobox rows"] + "\n" + CODE["javascript handler"] + "\n" + TRANSCRIPTS["deposition"] + TAIL
    regions = structured_regions(Document(text))
    assert [region.kind for region in regions] == ["table", "code", "transcript"]
    assert all(a.end < b.start for a, b in pairwise(regions))


def test_front_matter_is_never_structure():
    front = "---\ntitle: Prices\nviews: 120\nwords: 830\nscore: 0.91\nrank: 3\n---\n"
    body = "Weight: 1.2 kg\nBattery: 5000 mAh\nScreen: 6.1 in\n"
    text = front + body
    regions = structured_regions(Document(text, body_start=len(front)))
    assert regions == (StructuredRegion(len(front), len(text) - 1, "list"),)
    assert structured_regions(Document(front + LEAD, body_start=len(front))) == ()


def test_in_structure():
    table = TABLES["infobox rows"]
    text = LEAD + table + TAIL
    doc = Document(text)
    (region,) = structured_regions(doc)
    inside = text.index("Industry")
    assert in_structure(doc, inside, inside + 8) == region
    assert in_structure(doc, 0, len(LEAD) + 1) == region  # overlapping its first character
    assert in_structure(doc, region.end - 1, len(text)) == region
    assert in_structure(doc, inside, inside) == region  # an empty span inside
    assert in_structure(doc, 0, len(LEAD) - 1) is None
    assert in_structure(doc, region.end, len(text)) is None  # the newline after it is not in it
    assert in_structure(doc, len(text) - 5, len(text)) is None


def test_in_structure_between_regions():
    text = "| a | 1 |\n| b | 2 |\n" + LEAD + "$ ls\nnotes.txt\n"
    doc = Document(text)
    first, second = structured_regions(doc)
    middle = text.index("figures")
    assert in_structure(doc, middle, middle + 7) is None
    assert in_structure(doc, 0, len(text)) == first  # the first of the regions it overlaps
    assert in_structure(doc, second.start, second.start + 1) == second


def test_regions_are_worked_out_once():
    doc = Document(LEAD + TABLES["infobox rows"])
    assert structured_regions(doc) is structured_regions(doc)
    assert structured_regions(Document("")) == ()


LINES = st.sampled_from(
    [
        "",
        "   ",
        "| a | 1 |",
        "Home | News | Sport",
        "x = 1;",
        "def f(x):",
        "    return x",
        "```",
        "Q: Why?",
        "A: Because.",
        "2 cups flour",
        "1. Mix well.",
        "and the river knows,",
        "The council met on Monday to discuss the budget.",
        "Team  30  21  68",
        "a\tb",
        "$ ls",
    ]
)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=25), st.booleans())
def test_regions_are_whole_sorted_lines_of_the_body(lines, final_newline):
    front = "---\nkey: 1\n---\n"
    text = front + "\n".join(lines) + ("\n" if final_newline else "")
    doc = Document(text, body_start=len(front))
    regions = structured_regions(doc)
    starts = set(doc.line_starts)
    for region in regions:
        assert len(front) <= region.start < region.end <= len(text)
        assert region.start in starts
        assert region.end == len(text) or text[region.end] == "\n"
        assert text[region.start : region.end].strip()
    assert all(a.end < b.start for a, b in pairwise(regions))
