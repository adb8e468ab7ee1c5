"""L101's identifier: langdetect by default, CLD2 when a rule chooses `backend: cld2` and pycld2 is installed.

A backend that is chosen but not installed is a one-line error when the rule is loaded, naming the extra that
brings it. CLD2 answers as langdetect does (a primary language code and a confidence), and where it judges
the rule's own examples otherwise, the difference is the one its docstring names.
"""

from __future__ import annotations

import dataclasses
import importlib.util

import pytest

from cleanlint.config import missing_language_backend
from cleanlint.document import Document
from cleanlint.kinds import language
from cleanlint.kinds.support import language_detect
from cleanlint.scan.gates import Gates

from ..conftest import DEFAULT_RULES, error_of, write

L101 = next(rule for rule in DEFAULT_RULES if rule.code == "L101")
RULE = """\
    code: L901
    name: other-language
    kind: language
    category: language
    summary: a paragraph in another language
    message: '{{found}}'
    backend: {backend}
"""
SWEDISH = "Festivalen öppnade på fredagen med en konsert i den gamla hamnen, sade arrangörerna till tidningen."
SPANISH = "El gobierno de Corea del Norte ha enviado misiles a Rusia para la guerra, según dijo la Casa Blanca."
ENGLISH = "The White House said on Thursday that Russia had used North Korean missiles in its attacks on Ukraine."


def test_langdetect_is_the_default():
    assert L101.options.backend == "langdetect"
    assert language.Options().backend == "langdetect"


def test_a_backend_that_is_not_installed_is_one_line_naming_its_extra(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pycld2" else real(name, *a))
    message = error_of(write(tmp_path, RULE.format(backend="cld2")))
    assert "\n" not in message
    assert message.endswith(
        "backend: the language backend 'cld2' needs pycld2, which is not installed: pip install 'cleanlint[cld2]'"
    )


def test_an_unknown_backend_is_refused(tmp_path):
    assert "backend: 'fasttext' is not one of langdetect, cld2" in error_of(
        write(tmp_path, RULE.format(backend="fasttext"))
    )
    assert missing_language_backend("fasttext") == "unknown language backend 'fasttext' (backends: langdetect, cld2)"


def test_langdetect_is_seeded():
    detect = language_detect.Detector()
    first = [detect(text) for text in (SWEDISH, SPANISH, "calendario stock car 2018, stock car brasil, stock car")]
    assert first == [
        detect(text) for text in (SWEDISH, SPANISH, "calendario stock car 2018, stock car brasil, stock car")
    ]
    assert [verdict[0] for verdict in first[:2]] == ["sv", "es"]


def test_cld2_answers_as_langdetect_does():
    pytest.importorskip("pycld2")  # the test extra installs it on Linux x86-64
    detect = language_detect.Detector("cld2")
    assert [detect(text)[0] for text in (SWEDISH, SPANISH, ENGLISH)] == ["sv", "es", "en"]
    assert all(detect(text)[1] >= 0.95 for text in (SWEDISH, SPANISH, ENGLISH))
    assert detect("שלום לכולם, הממשלה הודיעה היום על תוכנית חדשה לבניית בתי ספר")[0] == "he"  # CLD2's "iw"
    assert detect("12 345 678 !!! ... ---") is None  # no letters it knows


def test_cld2_reads_what_it_would_refuse_as_invalid_utf8():
    pytest.importorskip("pycld2")  # the test extra installs it on Linux x86-64
    detect = language_detect.Detector("cld2")
    for text in (f"{SPANISH}\x85", f"{SPANISH} \x00\x7f", f"{SPANISH} caf\udce9", f"{SPANISH}\ufffe"):
        assert detect(text)[0] == "es"


def test_cld2_judges_the_rules_examples_as_langdetect_does_but_one():
    """CLD2 is sure that an address made of Spanish words is Spanish; langdetect is not, and the rule's
    example says an address is no prose to judge. That is why CLD2 is not the default."""
    pytest.importorskip("pycld2")  # the test extra installs it on Linux x86-64
    with_cld2 = dataclasses.replace(L101, options=dataclasses.replace(L101.options, backend="cld2"))
    differ = []
    for example in L101.examples:
        doc = Document(example.input)
        found = [example.input[f.start : f.end] for f in language.build(with_cld2, Gates())(doc)]
        if found != list(example.findings):
            differ.append(found)
    assert differ == [
        [
            "https://example.org/noticias/2024/05/el-gobierno-anuncia-nuevas-medidas-para-la-vivienda-y-el-alquiler-en-madrid"
        ]
    ]


@pytest.mark.skipif(importlib.util.find_spec("pycld2") is None, reason="needs pycld2 (the cld2 extra)")
def test_rules_cached_with_the_backend_installed_are_refused_once_it_is_gone(tmp_path, monkeypatch, capsys):
    """The rules cache holds loaded rules without loading them again; a backend removed since must still be
    the one-line error of a rule file that asks for it, not a failure in the middle of the run."""
    from cleanlint.cli.main import main

    rules = write(tmp_path, RULE.format(backend="cld2").replace("other-language", "other-language-cld2"))
    article = tmp_path / "story.txt"
    article.write_text(f"{ENGLISH}\n\n{SWEDISH}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--rules", str(rules), "--select", "L901", str(article)]) == 1  # the rules are cached
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pycld2" else real(name, *a))
    assert main(["check", "--rules", str(rules), "--select", "L901", str(article)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].endswith("needs pycld2, which is not installed: pip install 'cleanlint[cld2]'")
    assert len(err) == 1


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("pycld2") is None, reason="needs pycld2 (the cld2 extra)")
def test_the_language_backend_setting_switches_every_language_rule(tmp_path, monkeypatch):
    """`language-backend` in the settings reaches L101 without a copy of its rule file, from the command
    line's settings and from Python, and the findings cache keeps the backends' findings apart."""
    from cleanlint.api import Linter
    from cleanlint.config import load_config
    from cleanlint.run.settings import Settings

    settings_file = tmp_path / ".cleanlint.yaml"
    settings_file.write_text("language-backend: cld2\n", encoding="utf-8")
    config = load_config(settings_file)
    assert config.language_backend == "cld2"
    with_cld2 = Settings().spec(config, tmp_path / "cache")
    default = Settings().spec(load_config(None), tmp_path / "cache")
    backends = {r.options.backend for r in with_cld2.build().rules if r.kind == "language"}
    assert backends == {"cld2"}
    assert {r.options.backend for r in default.build().rules if r.kind == "language"} == {"langdetect"}
    assert with_cld2.build().fingerprint != default.build().fingerprint
    linter = Linter(language_backend="cld2", select="L101")
    text = f"{ENGLISH} {ENGLISH}\n\n{SWEDISH}\n"
    assert [f.code for f in linter.check(text)] == ["L101"]


def test_a_language_backend_setting_that_cannot_be_used_is_one_line(tmp_path, monkeypatch):
    from cleanlint.api import CleanlintError, Linter
    from cleanlint.config import ConfigError, load_config

    settings_file = tmp_path / ".cleanlint.yaml"
    settings_file.write_text("language-backend: fasttext\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.cleanlint\.yaml: language-backend must be one of langdetect, cld2$"):
        load_config(settings_file)
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pycld2" else real(name, *a))
    with pytest.raises(CleanlintError, match=r"needs pycld2, which is not installed: pip install 'cleanlint\[cld2\]'$"):
        Linter(language_backend="cld2")


def test_a_run_about_to_fork_its_workers_loads_the_identifier_once_before(monkeypatch):
    """Engine.prepare loads the identifier's tables in the parent, so that forked workers share them; the
    checks then use what was loaded and never load it again."""
    from cleanlint.engine.engine import Engine, Selection

    loads = []
    real = language_detect._LOADERS["langdetect"]
    monkeypatch.setitem(language_detect._LOADERS, "langdetect", lambda: loads.append(1) or real())
    engine = Engine([L101], Selection())
    engine.prepare()
    assert loads == [1]
    text = f"{ENGLISH} {ENGLISH}\n\n{SWEDISH}\n"
    assert [f.code for f in engine.check(Document(text, metadata={"language": "en"}))] == ["L101"]
    assert loads == [1]


def test_the_rule_option_and_the_setting_name_the_same_backends():
    """A rule's `backend:` is checked against its type, the setting against config's table: one list."""
    from typing import get_args, get_type_hints

    from cleanlint.config import LANGUAGE_BACKENDS

    assert get_args(get_type_hints(language.Options)["backend"]) == tuple(LANGUAGE_BACKENDS)
