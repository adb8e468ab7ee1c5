"""Glued sentences (A201) and section labels glued to the headline (B102): the edges of the glue kind's
sentence and label joins, beyond the rules' own examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanlint.document import Document
from cleanlint.engine.engine import Engine, Selection
from cleanlint.engine.fixer import fix_document
from cleanlint.ruleset.files import RuleError
from cleanlint.ruleset.loader import load_rules
from cleanlint.sources.articles import read_source

from ..conftest import DEFAULT_RULES, write


def found(code: str, text: str) -> list[tuple[str, str | None]]:
    """What the default rule `code` flags in `text`, each with its fix: "safe", or why it is held."""
    engine = Engine(DEFAULT_RULES, Selection(select=(code,)))
    out = []
    for f in engine.check(Document(text)):
        fix = f.fix
        out.append((text[f.start : f.end], None if fix is None else fix.held or fix.safety.value))
    return out


def fixed(code: str, text: str) -> str:
    engine = Engine(DEFAULT_RULES, Selection(select=(code,)))
    return fix_document(engine, Document(text), False, 1.0, ()).text


# glued sentences: the space and where it goes


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("The plant cut 200 jobs.The company said more would go.", "jobs. The"),
        ("Will they vote again?Voters are weary.", "again? Voters"),
        ("It rained all day!Nobody came.", "day! Nobody"),
        ("It is over, he said.”The next day was calm.", "said.” The"),
        ("She said “no.”It was final.", "“no.” It"),
        ("The study (2019).The authors disagree.", "(2019). The"),
        ("Prices rose 5%.Economists were surprised.", "5%. Economists"),
        ("He waited...Then he left.", "waited... Then"),
        ("He left.“We are sorry,” she said.", "left. “We"),
        ('He said "no."The vote went ahead.', 'said "no." The'),
        ('The vote was close."We won," he said.', 'close. "We'),
        ("The agency is NASA.The launch slipped.", "NASA. The"),
        ("They met at 10 a.m.The meeting ran long.", "a.m. The"),
        ("The court in Texas ruled for infrastructure.Jordan appealed.", "infrastructure. Jordan"),
        ("Il a dit non.Le ministre est parti.", "non. Le"),
        ("Er kam spät.Die Sitzung begann.", "spät. Die"),
        ("Il a voté contre.L’Assemblée a suivi.", "contre. L’Assemblée"),
        ("The recipe serves four.A pinch of salt helps.", "four. A"),
    ],
)
def test_a_lost_space_after_a_sentence_is_put_back(text, repaired):
    assert [fix for _, fix in found("A201", text)] == ["safe"]
    assert repaired in fixed("A201", text)


@pytest.mark.parametrize(
    "text",
    [
        "Talks ended in Paris.Police cleared the square.",  # a capitalised word before the stop
        "Shares fell in March.Analysts expected it.",
        "Fans queued at Carrow Road.Tickets sold out in an hour.",
    ],
)
def test_a_capitalised_word_before_the_stop_may_be_a_name(text):
    assert [fix for _, fix in found("A201", text)] == ["may be a name"]
    assert fixed("A201", text) == text


@pytest.mark.parametrize(
    "text",
    [
        "The component calls React.Component and React.Fragment.",  # one namespace, two members
        "The component renders React.Component.Props here.",  # more dots between words
        "In Go, call fmt.Println(x) to print.",  # a call
        "Console.WriteLine prints and GameObject.Find searches.",  # camel case
        "Use items[0].Value or get(x).Name in the loop.",  # an index, a call
        "The fields my_obj.Name and $scope.Model are bound.",  # underscores, a dollar
        "Java's org.apache.Commons and java.util.List.",
        "Visit Amazon.Com, Example.Org or Gov.Uk today.",  # domains
        "Open report.Pdf or Budget.Xlsx from the site.",  # files
        "See example.com/News.Today or write to news@Example.Com.",  # an address, an email
        "He admired J.R.R.Tolkien and C.S.Lewis.",  # initials
        "The U.S.A. team, the Ph.D student and e.g. 3.5 percent.",
        "Rocket v3.Alpha and iOS 17.Beta launched.",  # versions
        "The Spitfire Mk.I and Plan.B were named.",  # a letter alone after the stop
        "The #Vote.Today tag trended.",
    ],
)
def test_code_addresses_files_and_initials_stay_as_written(text):
    assert found("A201", text) == []


def test_a_glued_pair_printed_twice_is_taken_as_written():
    text = "The brand Acme.Works makes tools. Acme.Works also sells paint.\n"
    assert found("A201", text) == []


# section labels glued to the headline


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("PoliticsThe council approves a budget\nThe vote was 7-2.\n", "Politics"),
        ("Latest NewsCouncil approves a budget\nThe vote was 7-2.\n", "Latest News"),
        ("OpinionWhy the bridge must wait\nIt is old.\n", "Opinion"),
        ("Top StoriesA video shows the rescue\nFiremen climbed.\n", "Top Stories"),
        ("AnalysisIs the recession over?\nData suggest so.\n", "Analysis"),
        ("WorldBEIJING (Reuters) - China said it would act.\n", "World"),
        ("MarketsDOW FALLS 500 POINTS\nInvestors fled.\n", "Markets"),
        ("VideoWATCH: Bear enters kitchen\nIt ate honey.\n", "Video"),
        ("Entertainment“I’m done,” says star\nShe quit.\n", "Entertainment"),
        ("EXCLUSIVEThe minister misled MPs\nDocuments show.\n", "EXCLUSIVE"),
        ("AsiaНовости дня\nТекст.\n", "Asia"),
        ("PolitikDer Kanzler reist nach Paris\nEr trifft Macron.\n", "Politik"),
        ("ÉconomieLa Bourse recule\nLes marchés baissent.\n", "Économie"),
        ("DeportesEl Madrid gana la Liga\nFue su título 35.\n", "Deportes"),
        ("PoliticaLa Camera approva la legge\nIl voto è finale.\n", "Politica"),
        ("PolíticaO Senado aprova reforma\nA votação foi longa.\n", "Política"),
        ("BuitenlandDe Franse regering valt\nHet parlement stemde.\n", "Buitenland"),
        ("Na żywoTrwa posiedzenie Sejmu\nPosłowie debatują.\n", "Na żywo"),
        ("Riverside Gazette\nBreakingThe bridge is closed\nCrews are there.\n", "Breaking"),
        ("TechnologyApple unveils a phone\nApple said it is faster.\n", "Technology"),
    ],
)
def test_a_label_before_the_headline_is_removed(text, label):
    assert found("B102", text) == [(label, "safe")]
    assert label not in fixed("B102", text)


@pytest.mark.parametrize(
    "text",
    [
        "WorldAmericans vote in record numbers\nTurnout rose.\n",
        "ExclusiveMinister quits over expenses\nHe denied wrongdoing.\n",
        "LiveNOW from FOX covers the protest\nThe stream aired.\n",
    ],
)
def test_one_label_before_a_capitalised_word_may_be_a_brand(text):
    assert [fix for _, fix in found("B102", text)] == ["may be a name"]
    assert fixed("B102", text) == text


@pytest.mark.parametrize(
    "text",
    [
        "WorldCom collapsed in 2002\nThe fraud was vast.\n",  # a brand of the exceptions
        "LiveRail expands to Asia\nLiveRail said it grew.\n",  # a brand the story names again
        "SpaceX launches a crew\nThe rocket flew.\n",  # a capital inside the word
        "HomeKit adds cameras\nApple said.\n",
        "USAID cuts aid\nThe agency said.\n",  # no seam can be seen between capitals
        "U.S.Senate passes the bill\nThe vote was 60-40.\n",  # not a label: a headline that lost a space
        "World’s oldest man dies\nHe was 114.\n",  # a possessive, not a quote
        "Home prices rise again\nThe index rose.\n",  # spaced as written
        "Sportsmen gather in Leeds\nThey met.\n",
        "Opinion: The bridge must wait\nIt is old.\n",
        "The mayor spoke first.\nBreakingNews is a site.\n",  # below the first line, only a certain seam counts
        "Council meets\nBudget talks\nPoliticsThe vote was close.\n",  # below the window
        "Cultura e spettacoli\nIl festival apre.\n",
        "iPhone sales slow\nApple said.\n",
    ],
)
def test_brands_headlines_and_reporting_are_left_alone(text):
    assert found("B102", text) == []


def test_a_label_after_front_matter_is_found_on_the_body_s_first_line(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Budget\n---\nPoliticsThe council approves a budget\nThe vote was 7-2.\n")
    doc = read_source(path).document()
    engine = Engine(DEFAULT_RULES, Selection(select=("B102",)))
    assert [doc.text[f.start : f.end] for f in engine.check(doc)] == ["Politics"]


def test_the_label_join_stands_alone(tmp_path: Path):
    rule = write(
        tmp_path,
        "code: X101\nname: labels\nkind: glue\ncategory: boilerplate\nmessage: m\nsummary: s\n"
        "fix: {action: remove}\njoins: [label, case]\nsection_labels: [Politics]\n",
        "labels.yaml",
    )
    with pytest.raises(RuleError, match="the label join stands alone"):
        load_rules([rule])
    rule.write_text(rule.read_text().replace("joins: [label, case]\nsection_labels: [Politics]\n", "joins: [label]\n"))
    with pytest.raises(RuleError, match="needs the labels"):
        load_rules([rule])


def test_the_label_test_before_the_pattern_never_turns_a_label_away():
    """`may_start` only spares texts the label pattern would not match: any label, spaced or glued, in any
    case, after white space, with either apostrophe; and a line that starts with letters outside ASCII always
    goes to the pattern."""
    from cleanlint.kinds.support.glue_label import label_patterns

    labels = ("Top News", "Editor's Picks", "World", "À la une", "TV")
    patterns = label_patterns(labels)
    for line in ("Top NewsWhite", "TOPNEWSWhite", "   top news", "Editor’s PicksThe", "WorldAmericans", "TVThe"):
        assert patterns.may_start(line, 0, len(line)), line
    for line in ("À la uneLe", "Ünlü", "İstanbul"):
        assert patterns.may_start(line, 0, len(line)), line
    for line in ("Officials said", "Tops", "Wo", "Ed"):
        matched = patterns.head(line).match(line, 0, len(line)) is not None
        assert patterns.may_start(line, 0, len(line)) or not matched, line
    assert not patterns.may_start("Officials said the vote", 0, 23)


def test_a_line_is_matched_as_the_whole_label_alternation_would_match_it():
    """The head and run patterns hold only the labels that occur in the line, yet match as the alternation
    of every label does: spaced, glued, in any case, with either apostrophe, in another script."""
    import regex

    from cleanlint.kinds.support.glue_label import _alternation, label_patterns

    labels = ("Top News", "Top", "News", "Editor's Picks", "World", "World News", "À la une", "TV", "Live")
    patterns = label_patterns(labels)
    every = _alternation(tuple(form for form, _opening in patterns._forms))
    whole_head = regex.compile(rf"[ \t]*({every}(?:[ \t]?{every}){{0,2}})(?={patterns._glued})")
    whole_run = regex.compile(rf"(?:[ \t]?{every})+[ \t]*")
    lines = [
        "Top NewsWhite House", "TOPNEWSThe vote", "  top news World NewsAmericans", "Editor’s PicksThe",
        "EDITOR'S PICKS“We", "WorldАзия", "À la uneLe", "À LA UNELe", "TVLive", "LiveNation", "Officials said",
        "World News", "NewsTop", "Top\tNewsIn", "Ünlü", "İstanbul", "TopSpin", "News“Quote",
    ]
    for line in lines:
        head, whole = patterns.head(line).match(line), whole_head.match(line)
        assert (head and head.span(1)) == (whole and whole.span(1)), line
        for seam in range(len(line) + 1):
            rest = line[seam:]
            assert (patterns.run(rest).fullmatch(line, seam) is None) == (whole_run.fullmatch(line, seam) is None)
