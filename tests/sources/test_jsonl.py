"""JSONL corpora: records checked one by one, fixed records written back with every other byte kept."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cleanlint.cli.main import main
from cleanlint.sources.jsonl import read_records, rewrite

DIRTY = "The council approved the budget on Tuesday.\nShare this article on Facebook\nThe vote was seven to two.\n"
FIXED = "The council approved the budget on Tuesday.\nThe vote was seven to two.\n"


def records(data: bytes, field: str = "text", limit: int = 1 << 20):
    return list(read_records(io.BytesIO(data), field, limit))


def test_lines_keep_their_bytes_blank_lines_and_line_ends():
    data = b'\xef\xbb\xbf{"text": "a"}\r\n\n{"text": "b"}'
    got = records(data)
    assert b"".join(r.raw for r in got) == data
    assert [(r.number, r.text, r.blank) for r in got] == [(1, "a", False), (2, None, True), (3, "b", False)]


def test_a_rewritten_record_changes_only_its_text_value():
    line = '{"id": 7, "text": "Caf\\u00e9 news.\\nShare this", "tags": ["x"],  "title": "Caf\\u00e9"}\r\n'
    (record,) = records(line.encode())
    out = rewrite(record, "text", "Café news.\n").decode()
    assert out == '{"id": 7, "text": "Caf\\u00e9 news.\\n", "tags": ["x"],  "title": "Caf\\u00e9"}\r\n'
    raw_utf8 = '{"text":"Café — news","title":"Café"}\n'
    (record,) = records(raw_utf8.encode())
    assert rewrite(record, "text", "Café").decode() == '{"text":"Café","title":"Café"}\n'


def test_a_text_equal_to_another_field_is_written_by_serialising_the_record_again():
    (record,) = records(b'{"title":"Same","text":"Same"}\n')
    out = rewrite(record, "text", "Other")
    assert json.loads(out) == {"title": "Same", "text": "Other"} and out.endswith(b"\n")


def test_check_and_fix_a_corpus_with_another_text_field(tmp_path: Path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": 1, "body": DIRTY}),
        json.dumps({"id": 2, "body": "A clean record about the harbour, written plainly."}),
        json.dumps({"id": 3, "body": DIRTY, "note": "ünïcödé"}, ensure_ascii=False),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check", "--text-field", "body", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert f"{corpus}:record 1:2:1: B503" in out and f"{corpus}:record 3:2:1: B503" in out
    assert "Found 2 findings in 1 file" in out
    assert main(["fix", "--text-field", "body", str(corpus)]) == 0
    fixed = corpus.read_text(encoding="utf-8").splitlines()
    assert fixed[1] == lines[1]  # untouched records keep their bytes
    assert [json.loads(line)["body"] for line in fixed] == [FIXED, json.loads(lines[1])["body"], FIXED]
    assert '"note": "ünïcödé"' in fixed[2]


def test_a_record_without_the_field_is_an_error_naming_the_line(tmp_path: Path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": DIRTY}) + "\n", encoding="utf-8")
    assert main(["check", "--text-field", "body", str(corpus)]) == 2
    assert f"error: {corpus}: line 1: not an object with a string field 'body'" in capsys.readouterr().err


def test_other_fields_are_the_record_front_matter(tmp_path: Path, capsys):
    """A record's `source` scopes source rules and its `language` sets the expected language, as front matter does."""
    corpus = tmp_path / "corpus.jsonl"
    french = "Le conseil municipal a voté le budget mardi soir après un long débat sur les écoles de la ville."
    corpus.write_text(
        json.dumps({"language": "en", "text": french + "\n"}) + "\n" + json.dumps({"text": french + "\n"}) + "\n",
        encoding="utf-8",
    )
    main(["check", "--select", "L", "--format", "json", str(corpus)])
    report = json.loads(capsys.readouterr().out)
    assert [f["record"] for f in report["findings"]] == [1]  # only the record that says it is in English


def test_fix_summary_counts_no_fix_of_a_file_left_unwritten(tmp_path: Path, capsys):
    """A bad line keeps the whole file as it was: its other records' fixes were made in memory only."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": DIRTY}) + "\nnot json\n", encoding="utf-8")
    before = corpus.read_bytes()
    assert main(["fix", str(corpus)]) == 2
    captured = capsys.readouterr()
    assert f"error: {corpus}: not written, because of the lines above" in captured.err
    assert captured.out.startswith("Applied 0 fixes in 0 of 0 files;")
    assert corpus.read_bytes() == before


@pytest.mark.parametrize("command", ["check", "fix", "consistency"])
def test_a_binary_jsonl_file_is_one_error_and_left_as_it_is(tmp_path: Path, capsys, command: str):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'{"text": "a"}\n\x00\x01\x02')
    before = corpus.read_bytes()
    assert main([command, str(corpus)]) == 2
    assert capsys.readouterr().err == f"error: {corpus}: binary file (contains NUL bytes), not JSONL\n"
    assert corpus.read_bytes() == before


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (b'{"text": "Caf\\udce9 owners met."}\n', "text"),  # half of a surrogate pair, escaped
        (b'{"text": "Fine.", "tags": ["ok", {"n": "\\uD800"}]}\n', "tags"),  # anywhere in the record
    ],
)
def test_a_string_with_a_lone_surrogate_is_an_error_naming_its_line(line: bytes, field: str):
    (record,) = records(line)
    assert record.text is None
    assert record.error is not None and record.error.startswith(f"line 1: field {field!r} is not valid Unicode")


def test_surrogate_pairs_and_escaped_backslashes_are_text():
    line = b'{"text": "Smile \\ud83d\\ude00, and a path C:\\\\udcff."}\n'
    (record,) = records(line)
    assert record.error is None and record.text == "Smile \U0001f600, and a path C:\\udcff."
