"""Tortured phrases beyond their YAML examples: which evidence makes an ordinary-word phrase count."""

from __future__ import annotations

import pytest

from cleanlint.kinds.substitution import Options, problems

from .test_artifact_kinds import findings, fixed

# a sentence of plain reporting to pad a document with, so that what is flagged is only what is planted
PLAIN = "The council met on Tuesday and approved the budget for next year after a short debate.\n\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Doctors found a malignant growth on her liver in 2019.\n",  # obituary
        "Environmental change in the Arctic is outpacing the models.\n",  # science
        "Its consumer loyalty scheme has four million members.\n",  # business
        "The sequel's choice tree branches at every chapter.\n",  # games
        "GitLab, a fully remote organization, hires in 60 countries.\n",  # technology
        "The judge said huge information gaps remained in the case.\n",  # courts
        "The season was a profound learning experience for the rookie.\n",  # sport
        "Exercise puts circulatory strain on the elderly, the study said.\n",  # health
        "He died of coronary failure in 1961, his daughter recalled.\n",  # an old obituary
    ],
)
def test_one_ordinary_word_phrase_alone_is_reporting(text):
    assert findings("A102", PLAIN + text) == []


def test_two_ordinary_word_phrases_of_different_meanings_are_not_enough():
    text = PLAIN + "Brands use web-based media to build consumer loyalty, the agency said.\n"
    assert findings("A102", text) == []


def test_three_ordinary_word_phrases_of_different_meanings_are():
    text = PLAIN + "Brands use web-based media and huge information to build consumer loyalty.\n"
    assert findings("A102", text) == ["web-based media", "huge information", "consumer loyalty"]


def test_phrases_that_mean_one_thing_count_once():
    text = PLAIN + "Huge information, enormous information and colossal information: web-based media.\n"
    assert findings("A102", text) == []


def test_a_nonsense_phrase_anywhere_in_the_text_corroborates():
    text = "Officials praised counterfeit consciousness.\n\n" + PLAIN + "Malignant growth rates fell.\n"
    assert findings("A102", text) == ["counterfeit consciousness", "Malignant growth"]
    assert fixed("A102", text, unsafe=True).endswith("Cancer rates fell.\n")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The prostate malignant growth clinic opened.\n", "malignant growth"),
        ("Malignant growth patients waited for hours.\n", "Malignant growth"),
        ("Readings showed high circulatory strain.\n", "circulatory strain"),
        ("He had a massive coronary failure at home.\n", "coronary failure"),
        ("Profound learning models need data.\n", "Profound learning"),
        ("Choice tree classifiers were compared.\n", "Choice tree"),
    ],
)
def test_an_ordinary_word_phrase_in_a_technical_compound_is_sure(text, flagged):
    assert findings("A102", PLAIN + text) == [flagged]


def test_the_longer_phrase_wins_where_two_start_together():
    text = "Bosom malignant growth screening begins at 50.\n"
    assert findings("A102", text) == ["Bosom malignant growth"]
    assert fixed("A102", text, unsafe=True) == "Breast cancer screening begins at 50.\n"


def test_frequent_nonsense_phrases_need_no_corroboration():
    text = PLAIN + "The firm sells PC vision and cloud figuring to every versatile telephone maker.\n"
    assert findings("A102", text) == ["PC vision", "cloud figuring", "versatile telephone"]


def test_the_neural_organization_of_a_brain_is_neuroscience():
    assert findings("A102", "The paper maps the neural organization of the visual cortex.\n") == []
    assert findings("A102", "A neural organization learns the task.\n") == ["neural organization"]


@pytest.mark.parametrize(
    ("options", "key"),
    [
        (Options(swaps={"a b": "c"}, weak_swaps={"A  b": "c"}), "weak_swaps"),
        (Options(swaps={"a b": "c"}, collocations=("x",)), "collocations"),
        (Options(swaps={"a b": "c"}, weak_swaps={"d e": "f"}, corroboration=1), "corroboration"),
    ],
)
def test_weak_swaps_that_cannot_work_are_refused(options, key):
    assert key in [k for k, _ in problems(options)]


@pytest.mark.parametrize("phrase", [" ", "\u0085", "\u00a0\t"])
def test_a_swap_of_white_space_alone_is_refused(phrase):
    # it would match every space of every text, and a fix would rewrite each one, pass after pass
    assert ("swaps", f"{phrase!r} is only white space") in problems(Options(swaps={phrase: "…"}))
