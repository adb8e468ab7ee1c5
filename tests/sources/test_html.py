"""HTML pages: extracted with trafilatura, checked as text, and fixed into a .txt beside the page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cleanlint.cli.main import main
from cleanlint.sources.html import EXTRACTION, extract, read_page

ARTICLE = [
    "The city council voted on Tuesday to build a new footbridge across the river, ending a debate that had "
    "lasted more than a decade.",
    "The bridge will link the old market square with the railway station and is expected to open in the spring "
    "of 2026, the council said in a statement.",
    'Residents who had campaigned for the crossing welcomed the decision. "We have waited a long time for this," '
    "said one of the organisers.",
]
BOILERPLATE = ["Leave a Reply", "Your email address will not be published."]


def page(paragraphs: list[str] = ARTICLE + BOILERPLATE, head: str = "") -> bytes:
    """A small news page: navigation, an article, a footer; the article's paragraphs as given."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Council approves new bridge | Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<link rel="canonical" href="https://gazette.example.com/2024/05/02/bridge.html">
<meta property="article:published_time" content="2024-05-02T09:00:00Z">{head}</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council approves new bridge</h1>
{body}
</article>
<footer>Copyright 2024 Riverside Gazette</footer>
</body></html>
""".encode()


@pytest.fixture
def html(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_bytes(page())
    return path


def front_matter_and_body(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def test_check_reports_boilerplate_at_positions_in_the_text_fix_writes(html: Path, capsys):
    assert main(["check", "--format", "json", str(html)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings and all(f["path"] == str(html) for f in findings)
    # With no rule applied, fix writes the extracted text as it is: the positions of check point into it.
    assert main(["fix", "--ignore", "A,B", str(html)]) == 0
    written = html.with_suffix(".txt").read_text(encoding="utf-8")
    lines = written.split("\n")
    flagged = {written[f["start"] : f["end"]] for f in findings}
    assert "Leave a Reply" in "".join(flagged)
    for f in findings:
        assert written[f["start"]] == lines[f["line"] - 1][f["column"] - 1]
    assert not any(sentence in "".join(flagged) for sentence in ARTICLE)


def test_fix_writes_front_matter_and_cleaned_text_and_leaves_the_page_alone(html: Path, capsys):
    original = html.read_bytes()
    assert main(["fix", str(html)]) == 0
    assert "wrote .txt files for 1 of 1 HTML pages" in capsys.readouterr().out
    assert html.read_bytes() == original
    fields, body = front_matter_and_body(html.with_suffix(".txt").read_text(encoding="utf-8"))
    assert fields == {
        "title": "Council approves new bridge",
        "source": "Riverside Gazette",
        "url": "https://gazette.example.com/2024/05/02/bridge.html",
        "date": "2024-05-02",
        "language": "en-GB",
        "extracted-from": "page.html",
        "extracted-by": "cleanlint",
    }
    assert all(sentence in body for sentence in ARTICLE)
    assert not any(line in body for line in BOILERPLATE)
    assert "Home" not in body and "Copyright" not in body  # trafilatura left the page furniture out
    assert sorted(p.name for p in html.parent.iterdir()) == ["page.html", "page.txt"]
    assert html.with_suffix(".txt").stat().st_mode & 0o777 == html.stat().st_mode & 0o666


@pytest.mark.slow
def test_a_second_fix_changes_nothing(html: Path, capsys):
    assert main(["fix", str(html)]) == 0
    text = html.with_suffix(".txt")
    before = (text.read_bytes(), text.stat().st_mtime_ns, text.stat().st_ino)
    assert main(["fix", str(html)]) == 0
    assert (text.read_bytes(), text.stat().st_mtime_ns, text.stat().st_ino) == before
    assert "wrote .txt files for 0 of 1 HTML pages" in capsys.readouterr().out


def test_fix_updates_its_own_text_when_the_page_changes(html: Path):
    assert main(["fix", str(html)]) == 0
    html.write_bytes(page([*ARTICLE, "The work is due to begin in the autumn, a spokesman said.", *BOILERPLATE]))
    assert main(["fix", str(html)]) == 0
    assert "due to begin in the autumn" in html.with_suffix(".txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "existing",
    [
        b"My own notes about the bridge.\n",
        b"---\nextracted-from: other.html\nextracted-by: cleanlint\n---\nAnother page's text.\n",
    ],
    ids=["hand-made", "another-page"],
)
def test_a_text_file_cleanlint_did_not_write_from_this_page_is_refused(html: Path, capsys, existing: bytes):
    text = html.with_suffix(".txt")
    text.write_bytes(existing)
    assert main(["fix", str(html)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {text}: exists and was not written by cleanlint from page.html; not overwritten"
    ]
    assert text.read_bytes() == existing
    assert sorted(p.name for p in html.parent.iterdir()) == ["page.html", "page.txt"]  # no temporary file


@pytest.mark.slow
def test_a_page_without_article_text_is_an_error_and_the_run_goes_on(html: Path, capsys):
    empty = html.parent / "empty.html"
    empty.write_bytes(
        b"<!DOCTYPE html><html><head><title>Soon</title><script>var a = 1;</script></head><body></body></html>"
    )
    assert main(["fix", str(empty), str(html)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {empty}: no article text found in the page (trafilatura extracted nothing)"
    ]
    assert not (html.parent / "empty.txt").exists()
    assert html.with_suffix(".txt").exists()  # the other page was still fixed


def test_a_binary_file_named_html_is_an_error(tmp_path: Path, capsys):
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main(["check", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {path}: binary file (contains NUL bytes), not an HTML page"
    ]


def test_fix_diff_shows_the_fixes_to_the_extracted_text_and_writes_nothing(html: Path, capsys):
    assert main(["fix", "--diff", str(html)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{html} (extracted text)\n+++ b/{html.with_suffix('.txt')}\n")
    assert "\n-Leave a Reply\n" in out
    assert not html.with_suffix(".txt").exists()


def test_folder_search_finds_pages_and_leaves_out_the_text_written_from_them(tmp_path: Path, capsys):
    (tmp_path / "a.html").write_bytes(page())
    (tmp_path / "b.htm").write_bytes(page())
    (tmp_path / "notes.txt").write_text("Leave a Reply\n", encoding="utf-8")
    assert main(["fix", "--ignore", "A,B", str(tmp_path)]) == 0  # writes a.txt and b.txt, fixes nothing
    capsys.readouterr()
    assert main(["check", "--format", "json", str(tmp_path)]) == 1
    paths = {Path(f["path"]).name for f in json.loads(capsys.readouterr().out)["findings"]}
    assert paths == {"a.html", "b.htm", "notes.txt"}  # not a.txt and b.txt: their pages stand for them
    assert main(["check", "--format", "json", str(tmp_path / "a.txt")]) == 1  # named, it is checked


def test_the_text_is_trafilaturas_own_with_the_shared_settings():
    import trafilatura

    text, fields = extract(page())
    assert text == trafilatura.extract(page(), **EXTRACTION).rstrip("\n") + "\n"
    assert fields["title"] == "Council approves new bridge"


def test_language_falls_back_to_og_locale_and_junk_is_left_out(tmp_path: Path):
    path = tmp_path / "p.html"
    path.write_bytes(page(head='<meta property="og:locale" content="pt_BR">').replace(b' lang="en-GB"', b""))
    assert read_page(path).document().metadata["language"] == "pt-BR"
    path.write_bytes(page().replace(b'lang="en-GB"', b'lang="{{ lang }}"'))
    assert "language" not in read_page(path).document().metadata


@pytest.mark.slow
def test_trafilatura_is_imported_only_when_a_page_is_seen(tmp_path: Path):
    (tmp_path / "a.txt").write_text("The council approved the budget on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.html").write_bytes(page())
    probe = (
        "import sys\n"
        "from cleanlint.cli.main import main\n"
        "main(['fix', sys.argv[1]])\n"
        "print('trafilatura' in sys.modules, 'lxml' in sys.modules)\n"
    )
    only_text = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "a.txt")], capture_output=True, text=True)
    assert only_text.stdout.splitlines()[-1] == "False False"
    with_page = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "b.html")], capture_output=True, text=True)
    assert with_page.stdout.splitlines()[-1] == "True True"


@pytest.mark.slow
def test_an_excluded_page_does_not_hide_its_text(tmp_path: Path, capsys):
    (tmp_path / "a.html").write_bytes(page())
    assert main(["fix", "--ignore", "A,B", str(tmp_path)]) == 0
    (tmp_path / ".cleanlint.yaml").write_text("exclude: ['*.html']\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--format", "json", str(tmp_path)]) == 1
    assert {Path(f["path"]).name for f in json.loads(capsys.readouterr().out)["findings"]} == {"a.txt"}
