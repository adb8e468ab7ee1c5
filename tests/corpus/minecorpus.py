"""A small corpus for the `mine` tests: three sites, each with its own furniture, around distinct articles.

The sites name their source three ways: a folder (dailyherald.example/), front matter `url`
(www.metrotimes.example) and front matter `source` (Valley Gazette). Every article is different text; one
quote recurs in a few articles of two sites, as quotes do, and must never be proposed.
"""

from __future__ import annotations

from pathlib import Path

TOWNS = ["Ashford", "Bramley", "Carlow", "Dunmore", "Elston", "Farley", "Glenrock", "Hartwell"]
TOPICS = [
    ("the council", "approved a budget of {n} million dollars for road repairs", "after a long debate"),
    ("the school board", "voted to extend the term by {n} days", "to make up for the winter closures"),
    ("the hospital", "opened a new ward with {n} beds", "funded by a regional grant"),
    ("the fire service", "answered {n} calls during the storm", "most of them about fallen trees"),
    ("the planning office", "received {n} objections to the housing plan", "before the deadline passed"),
    ("the library", "lent more than {n} thousand books last year", "a record for the branch"),
    ("the police", "closed the bridge for {n} hours", "while engineers inspected a crack"),
    ("the water company", "replaced {n} kilometres of old pipes", "ahead of the summer"),
]
QUOTE = "“We will rebuild, and we will do it together,” the mayor told residents."

HERALD = {
    "head": ["Daily Herald, your town and your paper", "Posted {h} hours ago"],
    "tail": [
        "Daily Herald Media is part of the Northern Press Group.",
        "© 2024 Daily Herald Media. All rights reserved.",
    ],
}
METRO_ADDRESS = ["Metro Times", "12 Harbour Street", "Portsmouth"]
METRO_TAIL = "More from Metro Times: the best of the week, every Friday."
GAZETTE_MID = "Gazette readers can find more local stories in the weekend edition."
GAZETTE_TAIL = "Have a news tip? Email the newsroom at any hour."
KNOWN = "Leave a Reply"  # boilerplate the default rules remove already

BOILERPLATE = {
    "dailyherald.example": [*HERALD["head"], *HERALD["tail"]],
    "metrotimes.example": [METRO_TAIL, "\n".join(METRO_ADDRESS)],
    "Valley Gazette": [GAZETTE_MID, GAZETTE_TAIL],
}


def article(site: int, i: int) -> list[str]:
    """Five lines of reporting that no other article repeats."""
    town = TOWNS[i]
    who, did, why = TOPICS[(i + 3 * site) % len(TOPICS)]
    n = 7 + 13 * i + 101 * site
    return [
        f"{who.capitalize()} in {town} {did.format(n=n)} on Tuesday, {why}.",
        f"Residents of {town} had asked for the change for {site + i + 2} years, according to local records.",
        f"Officials in {town} expect the work to take until the end of {['March', 'June', 'August'][site]}.",
        f"A public meeting on the plan is set for the {i + 3}th at the {town} community hall.",
        f"The {town} office did not reply to questions about the cost by the time of writing ({site}-{i}).",
    ]


def build(root: Path, per_site: int = 8) -> dict[str, list[Path]]:
    """Writes the corpus under `root`; returns each site's files."""
    files: dict[str, list[Path]] = {name: [] for name in BOILERPLATE}
    herald = root / "dailyherald.example"
    mixed = root / "feeds"
    herald.mkdir(parents=True)
    mixed.mkdir()
    for i in range(per_site):
        body = article(0, i)
        if i in (1, 4):
            body.insert(2, QUOTE)
        lines = [HERALD["head"][0], HERALD["head"][1].format(h=i + 1), *body, *HERALD["tail"]]
        path = herald / f"story-{i}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files["dailyherald.example"].append(path)

        body = article(1, i)
        if i == 6:
            body.insert(3, QUOTE)
        front = f"---\nurl: https://www.metrotimes.example/news/{i}\ntitle: Story {i}\n---\n"
        text = front + "\n\n".join([*body, METRO_TAIL, "\n".join(METRO_ADDRESS)]) + "\n"
        path = mixed / f"metro-{i}.md"
        path.write_text(text, encoding="utf-8")
        files["metrotimes.example"].append(path)

        body = article(2, i)
        body.insert(2, GAZETTE_MID)
        front = f"---\nsource: Valley Gazette\ntitle: Story {i}\n---\n"
        text = front + "\n".join([*body, GAZETTE_TAIL, KNOWN]) + "\n"
        path = mixed / f"gazette-{i}.md"
        path.write_text(text, encoding="utf-8")
        files["Valley Gazette"].append(path)
    return files


def article_lines(files: dict[str, list[Path]]) -> set[str]:
    """Every line of reporting in the corpus, for checking that nothing of it is proposed or removed."""
    return {line for site in range(3) for i in range(len(files["dailyherald.example"])) for line in article(site, i)}
