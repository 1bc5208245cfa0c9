"""aigap search: the question table (tests/search_questions.yaml) and the search rules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from aigap.answers.names import Names, correct, is_hangul, vowel_twin
from aigap.answers.search import (
    _asking,
    _candidates,
    _casual,
    _loose_parts,
    _number_word,
    _past_slip,
    _related,
    _units_asked,
    _verb_ending,
    _verb_form,
    _verb_noun,
    _weights,
    korean_stem,
    match_expression,
    parse,
    query_words,
)
from aigap.cli import app
from aigap.opener import open_store
from aigap.store.index import INFIX, index_stems, infixes, searched_text

from .conftest import SEARCH_HIT_FIELDS

QUESTIONS_FILE = Path(__file__).with_name("search_questions.yaml")  # the tuning part
HELD_OUT_FILE = Path(__file__).with_name("search_questions_heldout.yaml")  # held out once
# every part of the question set: the tuning parts, the held-out parts tuned on
# since, and the two reported ones (benchmarks/search_eval.py's REPORTED: never
# searched here)
PART_FILES = sorted(Path(__file__).parent.glob("search_questions*.yaml"))
QUESTIONS: list[dict[str, Any]] = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))[
    "questions"
]


def hits(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["search", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def table(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["search", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_question_table_is_big_enough() -> None:
    held_out = yaml.safe_load(HELD_OUT_FILE.read_text(encoding="utf-8"))["questions"]
    assert len(QUESTIONS) + len(held_out) >= 150
    for part in (QUESTIONS, held_out):
        assert {q["lang"] for q in part} == {"en", "ko"}
        assert any(q.get("nothing") for q in part) and any(q.get("first") for q in part)
    # the parts do not share a question
    assert not {q["q"] for q in QUESTIONS} & {q["q"] for q in held_out}


def test_every_part_names_real_facts_and_shares_no_question() -> None:
    """The held-out parts are not searched by the tests (that would tune on them),
    but what they expect must exist: a misspelt id would count as a miss."""
    data = yaml.safe_load(Path(__file__).parent.parent.joinpath("facts.yaml").read_text("utf-8"))
    ids = {r["id"] for v in data.values() if isinstance(v, list) for r in v if "id" in r}
    seen: set[str] = set()
    assert {QUESTIONS_FILE, HELD_OUT_FILE} <= set(PART_FILES)
    for path in PART_FILES:
        part = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
        for q in part:
            expected = [*q.get("answers", []), *q.get("any_of", []), *q.get("first", [])]
            assert set(expected) <= ids, (path.name, q["q"])
            assert bool(expected) != bool(q.get("nothing")), (path.name, q["q"])
        asked = {str(q["q"]).casefold() for q in part}
        assert not asked & seen, path.name
        seen |= asked


# the tuning part, and held-out 1 and 2 (tuned on since issue 18's second round);
# held-out 3 (tuned on in round 3, not held to its answers), 4 and 5 (reported)
# are never searched here
TUNED = [
    q
    for path in (
        QUESTIONS_FILE,
        HELD_OUT_FILE,
        QUESTIONS_FILE.with_name("search_questions_heldout2.yaml"),
    )
    for q in yaml.safe_load(path.read_text("utf-8"))["questions"]
]


@pytest.mark.parametrize("question", TUNED, ids=[str(q["q"]) for q in TUNED])
def test_question_is_answered_in_the_top_three(runner: CliRunner, question: dict[str, Any]) -> None:
    # typed as a person types it: words, no quotes, so each word is its own argument
    found = hits(runner, *str(question["q"]).split())
    if question.get("known_miss"):
        pytest.xfail(question["known_miss"])
    if question.get("nothing"):  # the base cannot answer: no hits, or only weak ones
        strong = [h["id"] for h in found if not h["weak"]]
        assert not strong, f"{question['q']!r}: nothing expected, got {strong}"
        return
    top = [h["id"] for h in found if not h["weak"]][:3]  # a weak hit is no answer
    if "answers" in question:
        missing = [i for i in question["answers"] if i not in top]
        assert not missing, f"{question['q']!r}: {missing} not in top three {top}"
    else:
        assert set(question["any_of"]) & set(top), f"{question['q']!r}: top three {top}"
    if "first" in question:
        assert top[:1] and top[0] in question["first"], f"{question['q']!r}: first {top[:1]}"


def test_words_match_whole_words_not_inside_others(runner: CliRunner) -> None:
    found = hits(runner, "aime")
    assert found
    # "claimed" contains "aime"; a hit must have the word itself somewhere it reads
    assert all("claim" not in h["snippet"].casefold() for h in found if h["field"] != "")
    ids = {h["id"] for h in found}
    assert {"score-aime-r1", "score-aime-o1", "aime-2024"} <= ids
    assert not any(i.startswith("claim-") and "aime" not in i for i in ids)


def test_many_words_without_quotes_in_any_order(runner: CliRunner) -> None:
    first = [h["id"] for h in hits(runner, "nvidia", "loss")][:1]
    assert first == ["market-nvidia-2025-01-27"]
    assert [h["id"] for h in hits(runner, "loss", "nvidia")][:1] == first
    assert [h["id"] for h in hits(runner, "nvidia loss")][:1] == first  # one quoted argument


def test_english_inflections_match() -> None:
    assert '"lost"' in (match_expression(["lose"]) or "")
    assert '"founded"' in (match_expression(["found"]) or "")


def test_korean_particles_are_cut_from_query_words() -> None:
    assert korean_stem("엔비디아는") == "엔비디아"
    assert korean_stem("딥시크가") == "딥시크"
    assert korean_stem("설립됐나") == "설립"
    assert korean_stem("국가") == "국가"  # one syllable would be left: kept whole
    assert match_expression(["엔비디아는"]) == '"엔비디아"*'


def test_korean_word_finds_text_with_particles(runner: CliRunner) -> None:
    # the passages say 엔비디아는/엔비디아의/딥시크가; the query has no particle
    assert hits(runner, "엔비디아")[0]["id"] == "market-nvidia-2025-01-27"
    assert "event-deepseek-founded" in [h["id"] for h in hits(runner, "딥시크가", "설립")[:3]]


def test_stop_words_do_not_drown_the_answer(runner: CliRunner) -> None:
    assert match_expression(query_words(["how", "much", "did", "the"])) is not None
    assert match_expression(query_words(["how much did nvidia lose"])) == (
        '"nvidia" OR ("lose" OR "lost" OR "loss" OR "losses" OR "losing")'
    )
    assert match_expression(query_words(["언제", "얼마나"])) is not None  # nothing else: kept
    assert hits(runner, "what", "did", "the", "nvidia", "close", "at")[0]["id"] == (
        "market-nvidia-2025-01-27"
    )


def test_json_hits_carry_the_answer(runner: CliRunner) -> None:
    found = hits(runner, "nvidia", "loss")
    assert list(found[0]) == SEARCH_HIT_FIELDS
    top = found[0]
    assert top["rank"] == 1 and top["kind"] == "market"
    assert "-16.9%" in top["headline"] and "$118.42" in top["headline"]
    assert (top["date"], top["who"], top["source_id"]) == ("2025-01-27", "Nvidia", "mk-2025-01-29")
    assert [h["rank"] for h in found] == list(range(1, len(found) + 1))
    scores = [h["score"] for h in found]
    assert scores == sorted(scores, reverse=True)
    quote = hits(runner, "sputnik", "moment")[0]
    # the answer line names its speaker: copied alone, it keeps its attribution
    assert quote["kind"] == "quote" and quote["headline"].startswith("Marc Andreessen: “")
    assert quote["who"] and "Andreessen" in quote["who"]
    # the speaker's words come from their own source; the article is the translation's
    assert (quote["original_source_id"], quote["source_id"]) == (
        "usa-newnews-2025-01-27",
        "mk-2025-01-29",
    )
    assert top["original_source_id"] is None


def test_a_quote_with_its_original_cites_the_originals_source(runner: CliRunner) -> None:
    for lang, words in (("en", "original words: "), ("ko", "발언 원문: ")):
        result = runner.invoke(
            app, ["--lang", lang, "search", "sputnik", "moment"], env={"COLUMNS": "200"}
        )
        assert f"{words}usa-newnews-2025-01-27" in result.stdout


def test_sources_and_benchmarks_are_found(runner: CliRunner) -> None:
    kinds = {h["id"]: h["kind"] for h in hits(runner, "multitask")}
    assert kinds.get("mmlu") == "benchmark"
    assert kinds.get("gap-mmlu") == "gap"  # through the benchmark's full name
    assert hits(runner, "gap-mmlu")[0]["id"] == "gap-mmlu"  # an exact id comes first
    assert "source" in {h["kind"] for h in hits(runner, "nocut")}


def test_table_shows_the_first_hits_and_says_how_many_more(runner: CliRunner) -> None:
    total = len([h for h in hits(runner, "deepseek") if not h["weak"]])  # weak: not hits
    assert total > 12
    out = table(runner, "deepseek")
    assert f"({total} found)" in out
    assert f"{total - 10} more: aigap search deepseek --limit {total}" in out
    out = table(runner, "deepseek", "--limit", "3")
    assert f"{total - 3} more" in out
    assert len(hits(runner, "deepseek", "--limit", "3")) == 3
    assert "more:" not in table(runner, "deepseek", "--limit", str(total))


def test_a_note_repeated_on_many_facts_is_shown_once(runner: CliRunner) -> None:
    out = table(runner, "that", "day", "paragraph", "--limit", "20")
    assert out.count("Dated '이날' (that day) in the same paragraph") <= 1


def test_a_cost_names_what_was_bought_and_keeps_the_hedges(runner: CliRunner) -> None:
    rental = hits(runner, "h800", "rental")[0]
    assert rental["id"] == "cost-v3-h800-rental"
    assert "H800 rental price" in rental["headline"] and "$2/" in rental["headline"]
    assert "assumed" in rental["headline"]  # the source's hedge (the V3 report's assumption)
    training = hits(runner, "deepseek", "v3", "cost")[0]
    assert training["id"] == "cost-v3-training"
    assert "about 7.88 billion won" in training["headline"]  # the article's 약
    assert "(“10분의 1”)" in training["headline"]  # the article's own wording


def test_a_typo_is_corrected_and_said(runner: CliRunner) -> None:
    assert hits(runner, "nvidea")[0]["id"] == "market-nvidia-2025-01-27"
    out = " ".join(table(runner, "nvidea", "stock").split())
    assert "Showing results for Nvidia (nvidea matches nothing" in out
    ko = " ".join(runner.invoke(app, ["search", "엔비디야", "--lang", "ko"]).stdout.split())
    assert "엔비디아(으)로 찾은 결과입니다" in ko


def test_nothing_is_said_plainly_with_marked_closest_facts(runner: CliRunner) -> None:
    found = hits(runner, "eu", "ai", "act")
    assert found and all(h["weak"] for h in found)
    out = " ".join(table(runner, "eu", "ai", "act").split())
    assert "(nothing matches well)" in out and "has nothing that answers" in out
    assert out.count("[closest, weak match]") == 3
    ko = runner.invoke(app, ["search", "삼성전자", "주가", "--lang", "ko"]).stdout
    assert "잘 맞는 것이 없음" in ko and "[가장 가까움, 약한 일치]" in ko


def test_no_match_is_not_an_error(runner: CliRunner) -> None:
    assert hits(runner, "zzzz-no-such-thing") == []
    assert "(nothing matches)" in table(runner, "zzzz-no-such-thing")
    assert hits(runner, "?!") == []  # no word at all
    csv = runner.invoke(app, ["search", "zzzz", "--format", "csv"])
    assert csv.exit_code == 0 and csv.stdout.startswith("rank,id,kind")


def test_no_words_is_a_usage_error(runner: CliRunner) -> None:
    assert runner.invoke(app, ["search"]).exit_code == 2


def test_query_syntax_is_never_fts_syntax(runner: CliRunner) -> None:
    for words in (['"'], ["NEAR(a", "b)"], ["a", "AND", "OR", "NOT"], ["col:x"], ["*"], ["^x"]):
        result = runner.invoke(app, ["search", *words, "--format", "json"])
        assert result.exit_code == 0, (words, result.output)


def test_a_word_asking_for_a_figure_is_met_by_the_fact_with_it(runner: CliRunner) -> None:
    # drop, 하락폭 are nowhere in the base: the fact with the figure answers them
    first = hits(runner, "nasdaq", "percent", "drop")[0]
    assert first["id"] == "market-nasdaq-2025-01-27" and not first["weak"]
    first = hits(runner, "오라클", "하락폭")[0]
    assert first["id"] == "market-oracle-2025-01-27" and not first["weak"]


def test_a_date_word_glued_to_a_word_is_cut_and_met_by_an_event(runner: CliRunner) -> None:
    assert hits(runner, "딥시크설립일")[0]["id"] == "event-deepseek-founded"


def test_an_unspaced_compound_is_searched_as_its_spaced_words(runner: CliRunner) -> None:
    spaced = [h["id"] for h in hits(runner, "반도체", "수출", "통제")]
    assert [h["id"] for h in hits(runner, "반도체수출통제")] == spaced
    assert hits(runner, "엔비디아칩")  # a one-syllable last part the base has (칩)


def test_a_name_is_corrected_before_a_compound_is_cut(runner: CliRunner) -> None:
    out = " ".join(table(runner, "리카이후", "3개월").split())
    assert "Showing results for 리카이푸" in out
    assert hits(runner, "리카이후", "3개월")[0]["id"] == "quote-kaifu-lee-months"


def test_a_typo_in_the_first_letter_is_corrected(runner: CliRunner) -> None:
    out = " ".join(table(runner, "nvidia", "tarket").split())
    assert "Showing results for market (tarket matches nothing" in out


def test_a_short_word_is_not_corrected_into_another_word(runner: CliRunner) -> None:
    # 경고 (a warning) is one jamo from 경로 (a route): not a typo to correct
    assert "Showing results" not in table(runner, "트럼프", "대통령", "경고")


def test_a_hit_about_none_of_the_names_asked_is_weak(runner: CliRunner) -> None:
    # "raised questions" is in the base; OpenAI raising money is not
    assert all(h["weak"] for h in hits(runner, "how", "much", "did", "openai", "raise"))
    # an unknown word beside a matched name: the Arena scores are not GPT-4o's
    assert all(h["weak"] for h in hits(runner, "gpt-4o", "arena", "score"))


def test_a_word_with_the_last_unicode_character_is_no_bug(runner: CliRunner) -> None:
    # typo correction reads the vocabulary by ranges: none starts after U+10FFFF
    for word in ("\U0010ffffcdef", "a\U0010ffffcdef", "엔\U0010ffff비디아"):
        assert runner.invoke(app, ["search", word]).exit_code == 0, word


def test_a_korean_word_is_found_inside_a_compound_of_the_text(runner: CliRunner) -> None:
    # the article writes AI패권 (one word): 패권 is its inner part, indexed marked
    found = [h["id"] for h in hits(runner, "패권")]
    assert {"claim-us-fears-shook-politics", "claim-low-cost-model-intensifies-race"} <= set(found)
    # the snippet shows the field's words, never a marked inner part
    assert all("\ue000" not in h["snippet"] for h in hits(runner, "패권"))
    assert "패권" in hits(runner, "패권")[0]["snippet"]


def test_inner_parts_are_the_tails_of_two_syllables_or_more() -> None:
    assert infixes("기술격차가 거의") == [INFIX + "술격차가", INFIX + "격차가", INFIX + "차가"]
    # a run glued to letters is an inner part as a whole; one syllable is none
    assert infixes("AI스타트업 수") == [INFIX + w for w in ("스타트업", "타트업", "트업")]
    assert infixes("MMLU gap") == []


def test_korean_spellings_of_names_are_aliases(runner: CliRunner) -> None:
    # the data lists the Korean spellings people type (휴먼이밸, 엠엠엠유, 스탠포드)
    assert hits(runner, "휴먼이밸", "격차")[0]["id"] == "gap-humaneval"
    assert hits(runner, "엠엠엠유", "격차")[0]["id"] == "gap-mmmu"


def test_a_facts_keywords_lead_to_it(runner: CliRunner) -> None:
    # the curator's search words (keywords): sanctions is nowhere in the text
    found = [h for h in hits(runner, "chip", "sanctions") if not h["weak"]]
    assert found[0]["id"] in ("claim-r1-export-control-questions", "quote-hai-r1")
    # what matched is shown as the keywords it is, not as the fact's words
    assert found[0]["field"] == "keywords" and "sanctions" in found[0]["snippet"]


def test_a_slipped_vowel_in_a_two_syllable_word_is_corrected(runner: CliRunner) -> None:
    # 폭랙 (ㅐ for ㅏ, a neighbouring key) is 폭락; 지슈 (ㅠ for ㅜ) is 지수
    first = hits(runner, "엔비디아", "주가", "폭랙")[0]
    assert first["id"] == "market-nvidia-2025-01-27" and not first["weak"]
    assert "Showing results for 폭락" in " ".join(table(runner, "엔비디아", "폭랙").split())
    assert hits(runner, "나스닥", "지슈")[0]["id"] == "market-nasdaq-2025-01-27"


def test_a_changed_consonant_or_far_vowel_is_not_a_slip() -> None:
    assert vowel_twin("경고", {"경로": 9.0}) is None  # a consonant: another word
    assert vowel_twin("특허", {"특화": 9.0}) is None  # ㅓ and ㅘ are keys apart
    assert vowel_twin("재산", {"자산": 1.0, "제산": 5.0}) == "제산"  # the commoner slip


def test_a_last_syllable_like_a_particle_may_be_the_words_own(runner: CliRunner) -> None:
    # 설립연도 ends in 도 ("also"), 수출통제효과 in 과 ("and"): both are the word's own
    assert hits(runner, "딥시크", "설립연도")[0]["id"] == "event-deepseek-founded"
    found = hits(runner, "수출통제효과")
    assert found[0]["id"] == "claim-r1-export-control-questions" and not found[0]["weak"]


def test_a_word_opened_by_a_question_word_asks(runner: CliRunner) -> None:
    # 몇년생 (born in which year) asks for a date: it is not content the base lacks
    first = hits(runner, "량원펑은", "몇년생")[0]
    assert first["id"] in {"event-liang-born", "event-deepseek-founded"} and not first["weak"]


def test_a_korean_verb_form_finds_the_articles_form(runner: CliRunner) -> None:
    # 빌린 (borrowed, before a noun) is the article's 빌려; 나왔어 is a past-tense verb
    first = hits(runner, "딥시크가", "빌린", "칩")[0]
    assert first["id"] == "cost-v3-h800-rental" and not first["weak"]
    assert not hits(runner, "R1은", "언제", "나왔어")[0]["weak"]


def test_an_english_typo_is_compared_as_the_index_stores_words(runner: CliRunner) -> None:
    # relase stems to relas, one letter from releas (release, released)
    out = " ".join(table(runner, "deepseek", "r1", "relase").split())
    assert "Showing results for release" in out


def test_a_web_address_is_searched_by_its_host_only(runner: CliRunner) -> None:
    url = "copied at https://autopilotr.com/deepseek-tops-the-apple-app-store says"
    assert searched_text(url) == "copied at autopilotr.com says"
    # "apple" is only in an address's path in the base: nothing answers it
    assert all(h["weak"] for h in hits(runner, "apple", "stock"))


def test_a_word_for_a_type_of_thing_is_met_by_things_of_that_type(runner: CliRunner) -> None:
    # 회사 (a company) is on no fact's text: the facts about a company meet it, and
    # beside a company's name it asks what the company is (its card first)
    found = hits(runner, "딥시크라는", "회사")
    assert found[0]["id"] == "deepseek" and not found[0]["weak"]


def test_a_korean_connector_is_no_content(runner: CliRunner) -> None:
    # 대해 (about), 덕분에 (thanks to): no fact needs to hold them
    assert not hits(runner, "올트먼이", "딥시크에", "대해", "한", "말")[0]["weak"]


def test_a_missed_aspiration_in_a_two_syllable_word_is_corrected(runner: CliRunner) -> None:
    # 격자 (a grid) for 격차 (a gap): ㅈ and ㅊ are said in one place
    assert "Showing results for 격차" in " ".join(table(runner, "mmlu", "격자").split())


def test_another_version_of_a_name_is_not_the_one_the_base_has(runner: CliRunner) -> None:
    # the base has Llama 3 (and 3.1): llama 4, 라마4 are other models, no typo of them
    assert hits(runner, "llama", "4") == []
    assert all(h["weak"] for h in hits(runner, "메타", "라마4", "공개"))
    assert "Showing results" not in table(runner, "라마4")
    # the versions it has, and years or long numbers after a name, stay as they were
    assert hits(runner, "llama", "3", "h100")[0]["id"] == "cost-llama3-h100"
    assert hits(runner, "aime", "2024", "r1")[0]["id"] == "score-aime-r1"
    assert hits(runner, "math", "500", "r1")[0]["id"] == "score-math500-r1"


def test_a_noun_made_a_verb_stays_content(runner: CliRunner) -> None:
    # 고소했나 (did ... sue): 고소 is a noun the base lacks, not a verb to weigh less
    assert all(h["weak"] for h in hits(runner, "오픈AI가", "딥시크", "고소했나"))
    # while a plain verb's form (나왔어, came out) still counts for little
    assert not hits(runner, "R1은", "언제", "나왔어")[0]["weak"]


def test_an_unknown_word_with_a_digit_names_what_the_base_lacks(runner: CliRunner) -> None:
    # gpt-5 is a model the base has no score of: AIME's scores are o1's and R1's
    assert all(h["weak"] for h in hits(runner, "gpt-5", "aime", "score"))


def test_korean_question_forms_ask(runner: CliRunner) -> None:
    # 누구야 (who is), 언제야 (when is), 몇개월 (how many months) are questions
    assert not hits(runner, "량원펑", "누구야")[0]["weak"]
    first = hits(runner, "AI인덱스", "보고서", "발표일", "언제야")[0]
    assert first["id"] == "event-ai-index-2025-release" and not first["weak"]
    found = [h["id"] for h in hits(runner, "중국", "몇개월", "뒤처졌나")[:3]]
    assert "quote-kaifu-lee-months" in found


def test_an_english_word_in_a_related_form_counts_for_less(runner: CliRunner) -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    try:
        related = _related(store, "investors", index_stems(["investors"])["investors"])
        assert related is not None and related.alternatives == ('"invest"*',) and related.light
        employees = index_stems(["employees"])["employees"]
        assert _related(store, "employees", employees) is None  # no employ... in the base
    finally:
        store.close()


def test_a_derivational_suffix_and_colloquial_endings(runner: CliRunner) -> None:
    # 정치권 (political circles) is about 정치; 회사들보다 is 회사 (a type word) with
    # a plural and a particle; 진짜 (really) is no content
    first = hits(runner, "미국", "정치권", "우려")[0]
    assert first["id"] == "claim-us-fears-shook-politics" and not first["weak"]
    assert not hits(runner, "딥시크", "충격", "진짜")[0]["weak"]


def test_a_pasted_paragraph_is_corrected_in_its_first_words_only(runner: CliRunner) -> None:
    # each correction reads the vocabulary: a question's first twelve words are
    # looked at, the rest of a pasted paragraph is searched as typed
    words = [f"zq{n}xv" for n in range(14)] + ["nvidea"]
    assert "Showing results for Nvidia" not in " ".join(table(runner, *words).split())
    assert "Showing results for Nvidia" in " ".join(table(runner, *words[-3:]).split())


def test_a_question_word_with_any_ending_asks() -> None:
    # 뭐임, 뭔가요 (what is it), 어디야 (where is it): questions, not content
    assert _asking("뭐임") == "what" and _asking("뭔가요") == "what"
    assert _asking("어디야") == "" and _asking("언제였나") == "when"
    assert _asking("뭐라고") == ""  # "what did he say": asks, but not what a thing is
    assert _asking("뭐든지") is None and _asking("누구나") is not None and _asking("무역") is None


def test_a_what_question_with_a_colloquial_ending_is_answered(runner: CliRunner) -> None:
    first = hits(runner, "MMLU가", "뭔가요")[0]
    assert first["id"] in {"mmlu", "gap-mmlu"} and not first["weak"]


def test_a_spaced_question_head_asks_with_the_word_after_it(runner: CliRunner) -> None:
    # 몇 년생이야 is typed spaced as often as 몇년생이야
    first = hits(runner, "량원펑은", "몇", "년생이야")[0]
    assert first["id"] == "event-liang-born" and not first["weak"]


def test_a_four_letter_word_is_not_corrected_by_its_first_letter(runner: CliRunner) -> None:
    # hard is an English word, not a typo of card
    assert "Showing results" not in table(runner, "how", "hard", "did", "broadcom", "fall")


def test_a_corrected_word_keeps_the_form_typed(runner: CliRunner) -> None:
    # contorls: the index's control, shown as controls (the form typed), not control
    out = " ".join(table(runner, "export", "contorls").split())
    assert "Showing results for controls" in out


def test_versus_is_a_connector(runner: CliRunner) -> None:
    assert not hits(runner, "H800", "vs", "H100")[0]["weak"]


def test_a_noun_made_a_verb_by_sikida_or_haejida_is_the_noun() -> None:
    # 격화시킬까 (will it intensify): 격화 is content; 치열해지나: 치열
    assert korean_stem("격화시킬까") == "격화" and korean_stem("치열해지나") == "치열"


def test_a_noun_is_no_verb_form_of_a_word_that_starts_alike() -> None:
    assert _verb_form("빌려", 1) and _verb_form("빌렸다는", 1) and _verb_form("빌리고", 1)
    assert not _verb_form("일부", 1) and not _verb_form("일반적", 1)  # not forms of 일본


def test_a_one_syllable_word_with_its_particle_is_the_word(runner: CliRunner) -> None:
    first = hits(runner, "딥시크가", "빌린", "칩은")[0]
    assert first["id"] == "cost-v3-h800-rental" and not first["weak"]


def test_a_noun_and_is_is_the_noun_but_a_names_typo_is_corrected(runner: CliRunner) -> None:
    # 회사야 (is a company): 회사; 엔비디야 stays a typo of 엔비디아, said as one
    assert not hits(runner, "브로드컴은", "어떤", "회사야")[0]["weak"]
    assert "엔비디아" in " ".join(table(runner, "엔비디야", "--lang", "ko").split())


def test_candidates_matching_two_terms_first_keep_the_whole_count() -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    try:
        query = parse(store, ["deepseek", "r1", "aime"])
        expression = query.expression
        assert expression is not None
        found, total = _candidates(store, query, expression, 2)
        # two records match two terms or more: they are the candidates, and the
        # count is still of every record matching any term
        assert len(found) >= 2
        assert total == store.search_count(expression, store.record_count())
        whole, whole_total = _candidates(store, query, expression, None)
        assert whole_total == total and len(whole) == total
    finally:
        store.close()


def test_a_why_question_puts_the_fact_that_explains_first(runner: CliRunner) -> None:
    # the chip stocks' fall and its cause, before each company's figure
    found = [h["id"] for h in hits(runner, "why", "did", "chip", "stocks", "fall")[:3]]
    assert "event-chip-stocks-fall" in found


def test_korean_verb_endings_that_no_noun_has() -> None:
    assert _verb_ending("줄까") and _verb_ending("될까요") and _verb_ending("써서")
    assert not _verb_ending("문서") and not _verb_ending("보고서") and not _verb_ending("까")


def test_a_confirmation_and_a_relative_time_are_no_content(runner: CliRunner) -> None:
    # 맞나 (is it right?), 작년 (last year) ask; they are not what the base lacks
    assert not hits(runner, "량원펑", "1985년생", "맞나")[0]["weak"]
    assert not hits(runner, "챗봇아레나", "미중", "격차", "작년", "1월")[0]["weak"]


def test_a_figure_after_a_name_with_a_number_is_no_version(runner: CliRunner) -> None:
    first = hits(runner, "o1", "79.2", "aime")[0]
    assert first["id"] == "score-aime-o1" and not first["weak"]


def test_two_things_compared_are_each_an_answer_for_its_side(runner: CliRunner) -> None:
    found = hits(runner, "did", "the", "humaneval", "gap", "close", "faster", "than", "mmlu")
    assert {"gap-humaneval", "gap-mmlu"} & {h["id"] for h in found[:3] if not h["weak"]}


def test_the_rest_of_a_word_after_a_name_keeps_its_stem(runner: CliRunner) -> None:
    # 딥시크효과란: DeepSeek, and 효과 (effect) with 란 (what is) cut
    found = [h["id"] for h in hits(runner, "딥시크효과란")[:3]]
    assert "claim-gap-nearly-gone-headline" in found


def test_common_adverbs_are_not_corrected_into_words(runner: CliRunner) -> None:
    # still is not a typo of skill
    assert "Showing results" not in table(runner, "which", "gap", "is", "still", "largest")


@pytest.mark.slow  # six processes
def test_the_longest_verb_ending_decides_whatever_the_hash_seed() -> None:
    # 출시됐나요 ends in 됐나요 (a noun made a verb: 출시 is content) and in 나요;
    # the set's order once decided which, and so changed from run to run
    script = (
        "from aigap.answers.search import _word_term, RULES;"
        "print(_word_term('출시됐나요', RULES).light)"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(1, 7)
    }
    assert seen == {"False"}


def strong(found: list[dict[str, Any]]) -> list[str]:
    return [h["id"] for h in found if not h["weak"]]


def test_a_number_typed_is_met_by_the_fact_with_that_figure(runner: CliRunner) -> None:
    # 118달러 is the close ($118.42), 1366 OpenAI's Arena score: whatever the other
    # words (마감가, apart) the base lacks, the fact with the figure answers
    assert strong(hits(runner, "엔비디아", "마감가", "118달러"))[:1] == ["market-nvidia-2025-01-27"]
    assert "score-arena-openai-2025-02" in strong(
        hits(runner, "openai", "1366", "vs", "deepseek", "1362", "only", "4", "points", "apart?")
    )
    # a change written as one word is two numbers
    assert strong(hits(runner, "아레나", "격차", "9.3%→1.7%"))[:1] == ["gap-arena"]


def test_a_number_no_text_has_is_no_content_the_base_lacks(runner: CliRunner) -> None:
    # 6-9 (the article: 6~9개월) is a half-remembered figure, not a thing the base lacks
    assert strong(hits(runner, "kai", "fu", "lee", "6-9", "months", "behind"))[:1] == [
        "quote-kaifu-lee-months"
    ]


def test_a_hedge_widens_the_number_it_qualifies(runner: CliRunner) -> None:
    # 10% 가까이 (nearly 10%) is the Arena gap's 9.3%
    found = strong(hits(runner, "작년", "1월", "미중", "아레나", "격차", "10%", "가까이"))
    assert found[:1] == ["gap-arena"]


def test_a_date_the_fact_does_not_have_makes_it_no_answer(runner: CliRunner) -> None:
    # the base has the MMLU gap at the end of 2023 and 2024, Nvidia's fall on the 27th
    assert not strong(hits(runner, "mmlu", "gap", "at", "the", "end", "of", "2022"))
    assert not strong(hits(runner, "엔비디아", "28일", "주가", "회복"))
    assert strong(hits(runner, "mmlu", "gap", "end", "of", "2023"))[:1] == ["gap-mmlu"]
    # ... unless the fact's own text speaks of that date
    assert "market-nvidia-2025-01-27" in strong(
        hits(runner, "nvidia", "biggest", "fall", "since", "march", "2020")
    )


def test_the_unit_asked_must_be_one_the_fact_has(runner: CliRunner) -> None:
    assert _units_asked(["나스닥", "몇포인트로", "마감했냐"]) == {"elo", "points", "pp"}
    assert _units_asked(["how", "many", "h800", "gpus"]) == {"count"}
    assert _units_asked(["오라클", "종가"]) == {"usd", "krw"}
    assert _units_asked(["o1", "aime", "몇점"]) == set()  # a score, whatever its unit
    # the base has Nasdaq's fall in percent, no GPU count, no closing price for Oracle
    assert not strong(hits(runner, "나스닥", "몇포인트로", "마감했냐"))
    # (the rental's figures are a price and months: no count of GPUs)
    found = strong(hits(runner, "how", "many", "h800", "gpus", "did", "deepseek", "use"))
    assert "cost-v3-h800-rental" not in found
    assert not strong(hits(runner, "오라클", "종가", "얼마"))
    assert strong(hits(runner, "엔비디아", "종가", "얼마"))[:1] == ["market-nvidia-2025-01-27"]


def test_a_fact_must_be_of_what_the_question_names(runner: CliRunner) -> None:
    # R1's MMLU score: the US-China gap is not R1's; V3's AIME score: not R1's or o1's
    assert not strong(hits(runner, "r1", "mmlu", "score"))
    assert not strong(hits(runner, "what", "was", "deepseek", "v3", "aime", "score"))
    assert strong(hits(runner, "deepseek", "aime", "score"))[:1] == ["score-aime-r1"]
    # a person named: their words, not a fact about someone else
    assert not strong(hits(runner, "sam", "altman", "on", "nvidia", "share", "price", "falling"))
    # a company the base lacks: not another company's fall
    assert not strong(hits(runner, "msft", "shares", "deepseek", "selloff"))
    assert "event-chip-stocks-fall" in strong(hits(runner, "chip", "stocks", "deepseek", "selloff"))


def test_what_asks_what_a_thing_is_only_before_be_or_do(runner: CliRunner) -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    assert parse(store, ["what", "is", "mmlu"]).what
    assert parse(store, ["what", "does", "mmlu", "measure"]).what
    assert not parse(store, ["what", "did", "altman", "say"]).what
    assert not parse(store, ["what", "was", "r1's", "aime", "score"]).what  # a figure


def test_a_casual_ending_leaves_the_verb() -> None:
    assert _casual("폭락한거야") == "폭락한" and _casual("테스트하는거냐") == "테스트하는"
    assert _casual("먹히냐는") == "먹히" and _casual("날아간거") == "날아간"
    assert _casual("사건") == "사건" and _casual("물건") == "물건"  # nouns that end alike
    assert _asking("언제였더라") == "when" and _asking("뭐라고") == ""


def test_a_number_glued_to_a_word_the_base_lacks_is_read_apart(runner: CliRunner) -> None:
    # 500문제짜리 (of 500 questions): 500 and 문제; 2023년말 stays a date
    found = strong(hits(runner, "500문제짜리", "수학", "테스트", "정확도"))
    assert found[:1] == ["score-math500-r1"]


def test_a_quotes_original_words_count(runner: CliRunner) -> None:
    # Altman's own words (his post, in English) are the quote's as much as its rendering
    found = strong(hits(runner, "altman", "will", "pull", "up", "some", "releases"))
    assert found[:1] == ["quote-altman-better-models"]


def test_a_hangul_typo_is_compared_as_written_and_contracted() -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    names = list(Names.of_store(store).keys)
    # 엔비다아 is one vowel from 엔비디아 as written; 엔비댜 is 엔비디아 run together
    assert correct("엔비다아", names) == "엔비디아" and correct("엔비댜", names) == "엔비디아"


def test_a_date_is_the_facts_only_if_its_exact_part_is(runner: CliRunner) -> None:
    # every text has 2025; Nvidia's fall is the 27th's, not the 28th's
    assert not strong(hits(runner, "nvidia", "close", "jan", "28", "2025"))
    assert strong(hits(runner, "nvidia", "close", "jan", "27", "2025"))[:1] == [
        "market-nvidia-2025-01-27"
    ]


def test_words_that_frame_a_request_are_no_content(runner: CliRunner) -> None:
    # what the asker will do with the answer (a school report, my piece) is not asked
    words = ["need", "sam", "altman", "quote", "on", "deepseek", "for", "my", "piece"]
    found = strong(hits(runner, *words))
    assert found[:1] and found[0].startswith("quote-altman")
    assert strong(hits(runner, "량원펑이란", "사람", "레포트용"))


def test_numbers_in_words_and_with_their_unit_are_numbers() -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    for word in ("five", "twelve", "오백", "다섯", "85년생맞음", "1월20일이지", "800조"):
        assert _number_word(word), word
    # a year is content; words made of number syllables are words
    for word in ("2020년", "deepseek", "사람", "이사", "구조", "조사", "사이", "백"):
        assert not _number_word(word), word
    assert query_words(["500-problem", "mid-1980s", "gpt-4o", "o3-mini"]) == [
        "500", "problem", "mid", "1980s", "gpt-4o", "o3-mini"
    ]  # fmt: skip
    query = parse(store, ["량원펑", "85년생맞음"])
    assert not any(_weights(store, query)[1])  # nothing the base lacks


def test_a_quoting_verb_is_a_predicate(runner: CliRunner) -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    query = parse(store, ["올트만이", "새", "경쟁자", "생겨서", "좋다고", "했다던데"])
    assert all(t.light for t in query.terms if t.typed in ("좋",))
    assert strong(hits(runner, "올트만이", "새", "경쟁자", "생겨서", "좋다고", "했다던데"))[:1] == [
        "quote-altman-new-competitor"
    ]


def test_a_count_is_not_answered_by_a_fact_without_a_figure(runner: CliRunner) -> None:
    # the base says DeepSeek needed a fraction of the hardware, never how many GPUs
    assert not strong(hits(runner, "how", "many", "gpus", "did", "deepseek", "own"))
    # how many trillion won: an amount, not a count
    assert strong(hits(runner, "how", "many", "trillion", "won", "did", "nvidia", "lose"))


def test_korean_verb_forms_people_type_are_predicates() -> None:
    assert _verb_noun("만듦") and _verb_noun("빠짐") and _verb_noun("주목받음")
    assert not _verb_noun("모델") and not _verb_noun("이름")
    assert _past_slip("떨어졋어") and _past_slip("나왓다") and not _past_slip("떨어진")


def test_a_compound_with_a_part_the_base_lacks_is_cut() -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    assert _loose_parts(store, "헤지펀드출신") == ["헤지펀드", "출신"]
    query = parse(store, ["올트먼새경쟁자"])
    assert [t.typed for t in query.terms][1:] == ["새", "경쟁자"]
    # a Korean word and a number typed together are two words
    query = parse(store, ["작년1월엔", "미중", "격차"])
    assert "1월엔" in [t.typed for t in query.terms]


def test_closing_level_asks_a_level_not_a_change(runner: CliRunner) -> None:
    # the base has the Nasdaq's fall in percent, not where it closed
    assert not strong(hits(runner, "nasdaq", "closing", "level", "jan", "27", "2025"))
    assert strong(hits(runner, "nasdaq", "drop", "jan", "27"))[:1] == ["market-nasdaq-2025-01-27"]


def test_a_compounds_ending_part_is_its_predicate() -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    query = parse(store, ["올트먼이", "곧", "발표한다던", "모델"])
    assert all(t.light for t in query.terms if t.typed == "다던")
    # a question word inside a compound is no word of it
    assert "누가" not in [t.typed for t in parse(store, ["스푸트닉", "누가한말임"]).terms]
    # ... and a name the base lacks keeps its weight (다우지수: 다우 is no ending)
    assert not parse(store, ["다우지수", "하락폭"]).terms[0].light


def test_a_question_word_opening_a_word_asks() -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    query = parse(store, ["알원", "언제나왔지"])
    assert query.when and not query.figure  # 알원 (R1) ends in 원, and is no amount of won


def test_round_12_question_forms(runner: CliRunner) -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    # a question word inside a word: the name, the question, the verb (딥시크R1언제나옴)
    query = parse(store, ["딥시크r1언제나옴"])
    assert query.when and query.terms[0].entities == ("deepseek-r1",)
    # 머 is 뭐 typed as said; 이김 and 나옴 are verbs' noun forms
    assert _asking("머라함") == "what" and _verb_noun("이김") and _verb_noun("나옴")
    # 몇명임: a count, its counter with "is"
    assert "count" in _units_asked(["몇명임"])
    # aime24 is the base's AIME 2024, its year in two digits
    assert parse(store, ["aime24"]).terms[0].entities == ("aime-2024",)


def test_a_model_the_base_lacks_with_its_version_is_no_word_and_number(
    runner: CliRunner,
) -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    query = parse(store, ["grok", "3", "arena", "elo"])
    assert any(t.typed == "grok 3" and t.version for t in query.terms)
    assert not strong(hits(runner, "grok", "3", "arena", "elo"))
    # a typo of a name before a number is the name (lama 3 is llama 3)
    assert not any(t.version for t in parse(store, ["lama", "3", "h100"]).terms)


def test_a_figure_word_glued_to_a_word_the_base_lacks_asks_its_figure(
    runner: CliRunner,
) -> None:
    # 반등폭 (the rebound's size): the base has no rebound, not "any figure"
    assert not strong(hits(runner, "엔비디아", "1월", "28일", "반등폭"))
    # 하락폭 (the fall's size) is Nvidia's fall
    assert strong(hits(runner, "엔비디아", "하락폭"))[:1] == ["market-nvidia-2025-01-27"]


def test_korean_latin_and_numbers_typed_together_are_read_apart() -> None:
    store = open_store(os.fspath(Path(__file__).parent.parent / "facts.yaml"))
    typed = [t.typed for t in parse(store, ["미중AI기술격차축소"]).terms]
    assert typed == ["미중", "ai", "기술격차", "축소"]
    # a number keeps its unit (1년만에), and 몇분의1 is a fraction, not two words
    assert "1년만" in [t.typed for t in parse(store, ["미중AI격차1년만에"]).terms]


def test_a_korean_runs_snippet_is_korean_where_the_field_has_korean(runner: CliRunner) -> None:
    # English words match a fact's English rendering; a Korean run shows the same
    # field's Korean text, as everything it writes is Korean
    result = runner.invoke(
        app, ["--lang", "ko", "search", "deepseek", "released", "r1", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    shown = [h for h in json.loads(result.stdout) if h["field"] in ("what", "claim", "description")]
    assert shown and all(is_hangul(h["snippet"]) for h in shown)
    # in English, the English text
    english = [h for h in hits(runner, "deepseek", "released", "r1") if h["field"] == "what"]
    assert english and not is_hangul(english[0]["snippet"])
