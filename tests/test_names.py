"""answers.names: names found in text, Korean particles cut, typos corrected (jamo for Hangul)."""

from __future__ import annotations

import pytest

from aigap.answers.names import Names, correct, distance, korean_stem, split_scripts, typo_budget
from aigap.opener import open_store
from tests.conftest import REPO

FACTS = REPO / "facts.yaml"


@pytest.fixture(scope="module")
def names() -> Names:
    return Names.of_store(open_store(str(FACTS)))


def found(names: Names, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(h.text, h.ids) for h in names.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("샘올트먼 딥시크 평가", [("샘올트먼", ("sam-altman",)), ("딥시크", ("deepseek",))]),
        ("알트만은 뭐라고 했나", [("알트만", ("sam-altman",))]),
        ("MMLU에서의 격차", [("MMLU", ("mmlu",))]),
        ("량원펑이란 사람", [("량원펑", ("liang-wenfeng",))]),
        ("nvidia,deepseek", [("nvidia", ("nvidia",)), ("deepseek", ("deepseek",))]),
        ("US-China gap", [("US", ("united-states",)), ("China", ("china",))]),
        ("who is liang wenfeng", [("liang wenfeng", ("liang-wenfeng",))]),
        ("super micro fell", [("super micro", ("super-micro",))]),
        ("Kai-Fu Lee said", [("Kai-Fu Lee", ("kai-fu-lee",))]),
        ("smci and nvda", [("smci", ("super-micro",)), ("nvda", ("nvidia",))]),
        ("오픈에이아이 챗지피티", [("오픈에이아이", ("openai",)), ("챗지피티", ("chatgpt",))]),
        ("gpt-5 score", []),  # GPT-5 is not ChatGPT
        ("focus on nothing", []),  # "us" is not inside "focus"
    ],
)
def test_names_in_text(
    names: Names, text: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert found(names, text) == expected


def test_offsets_point_into_the_text(names: Names) -> None:
    text = "어제 엔비디아는 폭락"
    (hit,) = names.find(text)
    assert text[hit.start : hit.end] == "엔비디아" == hit.text
    assert hit.key == "엔비디아"


def test_an_unspaced_compound_starting_with_a_name_is_split(names: Names) -> None:
    assert [h.ids for h in names.find("딥시크직원")] == [("deepseek",)]


def test_korean_endings_and_scripts() -> None:
    assert korean_stem("량원펑이란") == "량원펑"
    assert korean_stem("딥시크라는") == "딥시크"
    assert korean_stem("국가") == "국가"
    assert split_scripts("mmlu에서의") == ("mmlu", "에서의")
    assert split_scripts("ai의") == ("ai", "의")
    assert split_scripts("딥시크") == ("", "딥시크")
    assert split_scripts("딥시크r1") == ("", "딥시크r1")
    assert split_scripts("a한b") == ("", "a한b")


def test_split_scripts_is_linear_on_a_huge_word() -> None:
    # The old one-regex split backtracked quadratically: `aigap search` with a
    # 100 kB word ran for minutes. These finish at once when the scan is linear.
    huge = "a" * 200_000
    assert split_scripts(huge) == ("", huge)
    assert split_scripts(huge + "한" + huge + "한") == ("", huge + "한" + huge + "한")
    assert split_scripts(huge + "에서") == (huge, "에서")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("deepsek", "deepseek"),
        ("nvidea", "nvidia"),
        ("altmann", "altman"),
        ("humaneavl", "humaneval"),
        ("braodcom", "broadcom"),
        ("nasdq", "nasdaq"),
        ("stanfrod", "stanford"),
        ("arnea", "arena"),
        ("엔비디야", "엔비디아"),
        ("딥식", "딥시크"),
        ("딥씨크", "딥시크"),
        ("뉴욕타임즈", "뉴욕타임스"),
        ("앤드리슨", "앤드리센"),
    ],
)
def test_typos_are_corrected_against_the_names(names: Names, typed: str, meant: str) -> None:
    assert correct(typed, names.vocabulary()) == meant


def test_hangul_is_compared_jamo_by_jamo() -> None:
    assert distance("엔비디야", "엔비디아") == 1
    assert distance("딥씨크", "딥시크") == 1
    assert typo_budget("gap") == 0  # short words are not corrected
    assert correct("gap", ["gab", "cap"]) is None
    assert correct("nvidia", ["nvidia"]) is None  # a known word needs no correction


def test_equally_near_candidates_prefer_the_heavier() -> None:
    assert correct("lama", {"lima": 1.0, "llama": 5.0}) == "llama"


def test_another_year_of_a_name_with_a_year_is_another_version() -> None:
    names = Names({"aime2024": ("aime-2024",), "aime": ("aime-2024",), "llama3": ("llama-3",)})
    assert names.another_version("aime", "2025") and not names.another_version("aime", "2024")
    assert not names.another_version("llama", "2025")  # a year is no version of llama 3


def test_of_equally_near_names_the_longer_is_meant() -> None:
    # nvdia: a letter left out of nvidia, rather than one added to nvda
    assert correct("nvdia", ["nvda", "nvidia"]) == "nvidia"


def test_run_together_syllables_are_a_typo_of_the_name() -> None:
    # 엔비댜: 디아 run together into 댜
    assert correct("엔비댜", ["엔비디아", "엔비"]) == "엔비디아"
