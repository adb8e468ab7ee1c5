"""The Python API gives what the command line gives: the same findings as the same JSON objects, the same
fixed text, and the same error for the same bad setting."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import cleanlint
from cleanlint.cli.main import main

from .conftest import ROOT, SEEDS, write

BENCH = ROOT.parent / "shared" / "bench" / "aeb-dev"
DIRTY = "The council approved the budget on Tuesday.\nShare this article on Facebook\nThe vote was seven to two.\n"


def texts() -> list[Path]:
    """The seeds and the shared bench's articles (where they are beside the project)."""
    return sorted(SEEDS.glob("*.txt")) + sorted(BENCH.glob("*.article.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in texts():
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def linter() -> cleanlint.Linter:
    return cleanlint.Linter()


def cli_json(capsys, *args: str) -> dict:
    main(["check", "--no-cache", "--jobs", "2", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)


@pytest.mark.slow
def test_findings_are_the_command_lines_json_objects(corpus: Path, linter, capsys):
    by_file: dict[str, list[dict]] = {}
    for finding in cli_json(capsys, str(corpus))["findings"]:
        by_file.setdefault(finding["path"], []).append(finding)
    assert len(list(corpus.iterdir())) >= (95 if BENCH.is_dir() else 5) and len(by_file) >= 5
    for path in sorted(corpus.iterdir()):
        text = path.read_text(encoding="utf-8")
        found = [f.to_dict(text, str(path)) for f in linter.check(text)]
        assert found == by_file.get(str(path), []), path.name


@pytest.mark.slow
def test_fixed_text_is_what_fix_writes(corpus: Path, linter, tmp_path: Path, capsys):
    fixed = tmp_path / "fixed"
    shutil.copytree(corpus, fixed)
    main(["fix", "--no-cache", "--jobs", "2", str(fixed)])
    capsys.readouterr()
    changed = held = 0
    for path in sorted(corpus.iterdir()):
        result = linter.fix(path.read_text(encoding="utf-8"))
        held += sum(1 for f in result.remaining if f.fix is not None and f.fix.held)  # why it was not applied
        written = (fixed / path.name).read_text(encoding="utf-8")
        assert result.text == written, path.name
        changed += result.text != path.read_text(encoding="utf-8")
        assert [f.to_dict(written) for f in result.remaining] == [f.to_dict(written) for f in linter.check(written)]
    assert changed >= 5 and (held or not BENCH.is_dir())


@pytest.mark.slow
def test_metadata_plays_the_part_of_front_matter(tmp_path: Path, linter, capsys):
    """A JSONL record's other fields are its front matter; the API's metadata is the same thing."""
    text = "Le conseil municipal a voté le budget mardi soir après un long débat entre les élus de la ville.\n\n"
    text += DIRTY
    meta = {"source": "Riverside Gazette", "url": "https://gazette.example.com/a", "language": "en"}
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({**meta, "text": text}) + "\n", encoding="utf-8")
    expected = [
        {k: v for k, v in f.items() if k not in ("path", "record")} for f in cli_json(capsys, str(corpus))["findings"]
    ]
    found = [f.to_dict(text) for f in linter.check(text, metadata=meta)]
    assert [{k: v for k, v in f.items() if k != "path"} for f in found] == expected
    assert any(f["category"] == "language" for f in expected)  # the metadata's language was used
    as_french = linter.check(text, metadata={"language": "fr"})
    assert not any(f.category.value == "language" and f.start == 0 for f in as_french)


@pytest.mark.slow
def test_settings_add_to_and_replace_the_settings_files_as_options_do(tmp_path: Path, capsys):
    settings = tmp_path / ".cleanlint.yaml"
    settings.write_text("select: [A]\nignore: [B601]\n", encoding="utf-8")
    seed = SEEDS / "001_1e618b8c57ee389b.txt"
    text = seed.read_text(encoding="utf-8")
    args = ["--config", str(settings), "--select", "B", "--ignore", "B104"]
    expected = [f["code"] for f in cli_json(capsys, *args, str(seed))["findings"]]
    linter = cleanlint.Linter(config=settings, select="B", ignore=["B104"])
    assert [f.code for f in linter.check(text)] == expected
    assert expected and all(code.startswith("B") and code not in ("B601", "B104") for code in expected)


@pytest.mark.slow
def test_max_removal_refuses_a_fix_as_the_settings_do(tmp_path: Path, capsys):
    seed = SEEDS / "001_1e618b8c57ee389b.txt"
    copy = tmp_path / seed.name
    shutil.copyfile(seed, copy)
    settings = tmp_path / ".cleanlint.yaml"
    settings.write_text("max-removal: 0.05\n", encoding="utf-8")
    main(["fix", "--no-cache", "--config", str(settings), str(copy)])
    note = capsys.readouterr().err.strip().split(": ", 1)[1]
    result = cleanlint.Linter(max_removal=0.05).fix(seed.read_text(encoding="utf-8"))
    assert result.refused == note and note.startswith("fix refused: the removals would take")
    assert result.text == seed.read_text(encoding="utf-8") == copy.read_text(encoding="utf-8")
    assert result.edits == () and result.remaining


def _broken_rule(tmp_path: Path) -> Path:
    rule = tmp_path / "broken.yaml"
    rule.write_text("code: X901\nname: broken\nkind: phrase\nphrases: ['unclosed\n", encoding="utf-8")
    return rule


def _bad_settings(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / ".cleanlint.yaml"  # not beside the article, where it would be found
    path.parent.mkdir()
    path.write_text("ignroe: [A]\n", encoding="utf-8")
    return path


def _bad_gazetteer(tmp_path: Path) -> Path:
    path = tmp_path / "names.yaml"
    path.write_text("- just a list\n", encoding="utf-8")
    return path


BAD = [
    (["--select", "B50l"], {"select": "B50l"}),
    (["--ignore", "B1,ZZ"], {"ignore": ["B1", "ZZ"]}),
    (["--extend-select", "Q9"], {"extend_select": "Q9"}),
    (["--no-default-rules", "--select", "B"], {"no_default_rules": True, "select": "B"}),
    (["--rules", "{tmp}/missing.yaml"], {"rules": "{tmp}/missing.yaml"}),
    (["--rules", "{broken}"], {"rules": ["{broken}"]}),
    (["--gazetteer", "{gazetteer}"], {"gazetteer": "{gazetteer}"}),
    (["--config", "{settings}"], {"config": "{settings}"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("args", "kwargs"), BAD, ids=lambda v: str(v)[:40])
def test_a_bad_setting_is_the_command_lines_error(tmp_path: Path, capsys, args, kwargs):
    places = {
        "tmp": tmp_path,
        "broken": _broken_rule(tmp_path),
        "gazetteer": _bad_gazetteer(tmp_path),
        "settings": _bad_settings(tmp_path),
    }

    def placed(value):
        if isinstance(value, list):
            return [placed(v) for v in value]
        return value.format(**places) if isinstance(value, str) else value

    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    assert main(["check", "--no-cache", *placed(args), str(tmp_path / "a.txt")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    with pytest.raises(cleanlint.CleanlintError) as info:
        cleanlint.Linter(**{k: placed(v) for k, v in kwargs.items()})
    assert f"cleanlint: error: {info.value}" == line


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"select": ""}, "--select: expected rule codes or prefixes such as B,A101, got ''"),
        ({"max_removal": 1.5}, "max-removal must be a number above 0 and at most 1 (a share of the words)"),
        ({"language": 7}, "language must be a language code such as 'en'"),
    ],
)
def test_values_the_command_line_cannot_spell_are_refused_in_its_words(kwargs, message):
    with pytest.raises(cleanlint.CleanlintError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        cleanlint.Linter(**kwargs)


@pytest.mark.slow
def test_a_rule_out_of_time_is_an_error_and_the_linter_goes_on(tmp_path: Path):
    rule = write(
        tmp_path,
        "code: X901\nname: backtracking\nkind: phrase\nsummary: a rule that backtracks\nmessage: slow\n"
        "category: boilerplate\nseverity: warning\npatterns: ['(a|aa)+c']\nfix: {action: none}\n",
        "slow.yaml",
    )
    linter = cleanlint.Linter(rules=rule)
    with pytest.raises(cleanlint.CleanlintError, match=r"^rule X901 took too long on this text and was stopped"):
        linter.check("The story.\n" + "a" * 64 + "\nShare this article on Facebook\n")
    assert linter.fix(DIRTY).text == DIRTY.replace("Share this article on Facebook\n", "")


@pytest.mark.slow
def test_one_off_calls_reuse_one_linter():
    first = cleanlint.check_text(DIRTY, select="B")
    assert [f.code for f in first] == [f.code for f in cleanlint.Linter(select="B").check(DIRTY)]
    from cleanlint.api import _default

    assert _default(select="B") is _default(select="B")
    assert cleanlint.fix_text(DIRTY).text == cleanlint.Linter().fix(DIRTY).text
    with pytest.raises(TypeError):
        cleanlint.check_text(DIRTY.encode())


def test_only_the_listed_names_are_public():
    assert set(cleanlint.__all__) == {
        "__version__", "Linter", "CleanlintError", "check_text", "fix_text", "Finding", "Fix", "Edit",
        "Category", "Severity", "Safety", "FixResult", "AppliedEdit",
    }  # fmt: skip
    for name in cleanlint.__all__:
        assert getattr(cleanlint, name) is not None
    with pytest.raises(AttributeError):
        cleanlint.Engine  # noqa: B018 - an attribute that is not public is an error
