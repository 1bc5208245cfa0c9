"""Entities, entity pages, --who / --model / --org, the whole-story timeline, and
unknown commands that name something in the base (issue 10)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from aigap.cli import app
from aigap.core.dates import parse_partial_date
from aigap.core.model import PartialDate

REPO = Path(__file__).resolve().parent.parent
RAW: dict[str, Any] = yaml.safe_load((REPO / "facts.yaml").read_text(encoding="utf-8"))
ENTITY_IDS = [e["id"] for e in RAW["entities"]] + [b["id"] for b in RAW["benchmarks"]]


def run(runner: CliRunner, *args: str, code: int = 0) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (args, result.output)
    return result


def as_json(runner: CliRunner, *args: str) -> Any:
    return json.loads(run(runner, *args, "-f", "json").stdout)


# Entity pages ----------------------------------------------------------------


@pytest.mark.parametrize("entity_id", ENTITY_IDS)
def test_every_entity_has_a_page(runner: CliRunner, entity_id: str) -> None:
    page = as_json(runner, "show", entity_id)
    assert page["id"] == entity_id
    assert page["facts"] or page["relations"], f"{entity_id}: a page with nothing on it"
    table = run(runner, "show", entity_id).stdout
    shown = [f for f in page["facts"] if f in table] + [
        r["id"] for r in page["relations"] if f"({r['id']})" in table
    ]
    assert shown, f"{entity_id}: the table shows no fact id and no relation"
    for entry in page["entries"]:
        assert entry["fact_id"] in page["facts"] and entry["source_id"]


def test_every_fact_names_known_entities() -> None:
    known = set(ENTITY_IDS)
    for section in ("gaps", "scores", "events", "market", "costs", "quotes", "claims"):
        for fact in RAW[section]:
            assert fact.get("about"), f"{fact['id']} is about no entity"
            assert set(fact["about"]) <= known, fact["id"]


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("nvidia", "nvidia"),
        ("NVIDIA", "nvidia"),
        ("엔비디아", "nvidia"),
        ("Altman", "sam-altman"),
        ("샘 올트먼", "sam-altman"),
        ("r1", "deepseek-r1"),
        ("DeepSeek R1", "deepseek-r1"),
        ("딥시크", "deepseek"),
        ("arena", "chatbot-arena"),
        ("Kai-Fu Lee", "kai-fu-lee"),
    ],
)
def test_show_takes_a_name_or_alias(runner: CliRunner, name: str, entity_id: str) -> None:
    assert as_json(runner, "show", name)["id"] == entity_id


def test_person_page_relates_to_the_organisation(runner: CliRunner) -> None:
    page = as_json(runner, "show", "altman")
    assert {"relation": "affiliation", "id": "openai", "name": "OpenAI", "role": "CEO"} in page[
        "relations"
    ]
    assert "quote-altman-impressive" in page["facts"]
    table = run(runner, "show", "altman").stdout
    assert "OpenAI (openai) — CEO" in table


def test_organisation_page_has_its_people_models_and_their_quotes(runner: CliRunner) -> None:
    page = as_json(runner, "show", "openai")
    related = {(r["relation"], r["id"]) for r in page["relations"]}
    assert {("people", "sam-altman"), ("models", "chatgpt"), ("country", "united-states")} <= (
        related
    )
    assert {"quote-altman-better-models", "score-aime-o1"} <= set(page["facts"])


def test_page_entries_carry_figure_date_and_source(runner: CliRunner) -> None:
    page = as_json(runner, "show", "nvidia")
    move = next(e for e in page["entries"] if e["fact_id"] == "market-nvidia-2025-01-27")
    assert move == {
        **move,
        "date": "2025-01-27",
        "precision": "day",
        "kind": "market",
        "figure": "-16.9%",
        "source_id": "mk-2025-01-29",
    }
    table = run(runner, "show", "nvidia").stdout
    assert "-16.9%" in table and "market-nvidia-2025-01-27, mk-2025-01-29" in table


def test_benchmark_page_keeps_its_fields_and_facts(runner: CliRunner) -> None:
    page = as_json(runner, "show", "mmlu")
    assert page["kind"] == "benchmark" and page["type"] == "benchmark"
    assert page["facts"] == ["gap-mmlu"]
    figures = [(e["date"], e["figure"]) for e in page["entries"]]
    assert figures == [("2023-end", "17.5 pp"), ("2024-end", "0.3 pp")]


def test_korean_page(runner: CliRunner) -> None:
    out = run(runner, "show", "altman", "--lang", "ko").stdout
    assert "샘 올트먼 (인물)" in out and "소속" in out and "오픈AI (openai)" in out


def test_fact_id_still_shows_the_fact(runner: CliRunner) -> None:
    assert as_json(runner, "show", "gap-mmlu")["kind"] == "gap"


def test_unknown_name_suggests_an_entity(runner: CliRunner) -> None:
    result = run(runner, "show", "altmann", code=2)
    assert "did you mean 'sam-altman'?" in result.stderr
    # the nearest few and a count, never the whole base (issue 20)
    assert "known names: sam-altman" in result.stderr and " more\n" in result.stderr


# quotes --who, scores --model/--org -------------------------------------------


def _ids(runner: CliRunner, *args: str) -> list[str]:
    return [row["fact_id"] for row in as_json(runner, *args)]


ALTMAN = ["quote-altman-impressive", "quote-altman-new-competitor", "quote-altman-better-models"]


@pytest.mark.parametrize("who", ["openai", "OpenAI", "오픈AI", "altman", "Sam Altman", "올트먼"])
def test_who_matches_speaker_or_organisation(runner: CliRunner, who: str) -> None:
    assert _ids(runner, "quotes", "--who", who) == ALTMAN


def test_who_by_organisation_of_other_speakers(runner: CliRunner) -> None:
    assert _ids(runner, "quotes", "--who", "01.ai") == [
        "quote-kaifu-lee-gap-almost-none",
        "quote-kaifu-lee-months",
    ]
    assert _ids(runner, "quotes", "--who", "stanford hai") == ["quote-hai-r1"]
    # a speaker by part of the name still works
    assert _ids(runner, "quotes", "--who", "trum") == [
        "quote-trump-wake-up-call",
        "quote-trump-hyper-focus",
    ]


def test_who_matches_no_one_quietly(runner: CliRunner) -> None:
    assert _ids(runner, "quotes", "--who", "nobody at all") == []


def test_scores_by_model_and_organisation(runner: CliRunner) -> None:
    assert _ids(runner, "scores", "--model", "r1") == ["score-aime-r1", "score-math500-r1"]
    assert _ids(runner, "scores", "--model", "o1") == ["score-aime-o1"]
    assert _ids(runner, "scores", "--org", "deepseek") == [
        "score-arena-deepseek-2025-02",
        "score-aime-r1",
        "score-math500-r1",
    ]
    rows = as_json(runner, "scores", "arena", "--org", "구글")
    assert [(r["fact_id"], r["rank"]) for r in rows] == [("score-arena-google-2025-02", 1)]
    result = run(runner, "scores", "--org", "meta", code=2)
    assert "no scores for organisation 'meta'" in result.stderr


# Timeline ---------------------------------------------------------------------


def _entries(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    return as_json(runner, "timeline", *args)  # type: ignore[no-any-return]


def _find(entries: list[dict[str, Any]], fact_id: str, date: str) -> dict[str, Any]:
    found = [e for e in entries if e["fact_id"] == fact_id and e["date"] == date]
    assert len(found) == 1, (fact_id, date)
    return found[0]


def test_timeline_tells_the_whole_story(runner: CliRunner) -> None:
    entries = _entries(runner)
    assert _find(entries, "gap-arena", "2024-01")["figure"] == "9.3%"
    assert _find(entries, "gap-arena", "2025-02")["figure"] == "1.7%"
    assert _find(entries, "gap-mmlu", "2023-end")["figure"] == "17.5 pp"
    assert _find(entries, "gap-mmlu", "2024-end")["figure"] == "0.3 pp"
    nvidia = _find(entries, "market-nvidia-2025-01-27", "2025-01-27")
    assert nvidia["figure"] == "-16.9%" and nvidia["kind"] == "market"
    assert "Nvidia" in nvidia["text"]
    assert _find(entries, "quote-hai-r1", "2025-04-07")["kind"] == "quote"
    assert _find(entries, "score-aime-r1", "2025-01")["figure"] == "79.8%"
    assert _find(entries, "event-r1-release", "2025-01-20")["kind"] == "event"
    # in date order: a year before its months, the end of a year after all its days
    keys = [PartialDate.parse(e["date"]).sort_key for e in entries]  # type: ignore[union-attr]
    assert keys == sorted(keys)
    assert {e["precision"] for e in entries} == {"year", "month", "day", "year_end"}
    assert all(e["date_start"] <= e["date_end"] for e in entries)
    end_2024 = [e for e in entries if e["date"] == "2024-end"]
    assert end_2024 and all(e["date_start"] == "2024-12-31" for e in end_2024)
    order = [e["date"] for e in entries]
    assert order.index("2024-01") < order.index("2024-12") < order.index("2024-end")
    assert all(
        set(e) >= {"date", "precision", "kind", "fact_id", "text", "figure"} for e in entries
    )


def test_timeline_table_shows_figures(runner: CliRunner) -> None:
    out = run(runner, "timeline").stdout
    for text in ("Chatbot Arena US–China gap", "9.3%", "1.7%", "-16.9%", "17.5 pp"):
        assert text in out


def test_timeline_kinds(runner: CliRunner) -> None:
    market = _entries(runner, "--kind", "market")
    assert {e["kind"] for e in market} == {"market"} and len(market) == 5
    both = _entries(runner, "--kind", "gap", "--kind", "events")
    assert {e["kind"] for e in both} == {"gap", "event"}
    result = run(runner, "timeline", "--kind", "nonsense", code=2)
    assert "nonsense" in result.output


def test_timeline_range(runner: CliRunner) -> None:
    day = _entries(runner, "--since", "2025-01-27", "--until", "2025-01-27")
    assert {e["fact_id"] for e in day} >= {"market-nvidia-2025-01-27", "event-chip-stocks-fall"}
    result = run(runner, "timeline", "--since", "2025-02", "--until", "2025-01-31", code=2)
    assert "--since 2025-02 is after --until 2025-01-31" in result.stderr


def test_timeline_unknown_tag_lists_the_known_ones(runner: CliRunner) -> None:
    result = run(runner, "timeline", "--tag", "nvidai", code=2)
    assert "no fact has the tag 'nvidai'" in result.stderr
    assert "known tags:" in result.stderr and "nvidia" in result.stderr
    assert {e["fact_id"] for e in _entries(runner, "--tag", "nvidia")} >= {
        "market-nvidia-2025-01-27"
    }


def test_timeline_csv_one_row_per_entry(runner: CliRunner) -> None:
    out = run(runner, "timeline", "--kind", "gaps", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 * len(RAW["gaps"])
    assert list(rows[0])[:8] == [
        "date",
        "precision",
        "date_start",
        "date_end",
        "kind",
        "fact_id",
        "text",
        "figure",
    ]


# Unknown commands ---------------------------------------------------------------


def test_unknown_command_that_is_an_entity(runner: CliRunner) -> None:
    result = run(runner, "nvidia", code=2)
    assert "No such command 'nvidia'" in result.output
    assert "try: aigap show nvidia" in result.output


def test_unknown_command_found_in_the_base(runner: CliRunner) -> None:
    result = run(runner, "hangzhou", code=2)
    assert "try: aigap search hangzhou" in result.output


def test_unknown_command_typo_and_nonsense(runner: CliRunner) -> None:
    assert "Did you mean 'show'?" in run(runner, "shwo", code=2).output
    assert "try:" not in run(runner, "qqqqzzzz", code=2).output


@pytest.mark.parametrize("name", ["united-states", "china", "mmlu", "deepseek"])
def test_a_page_lists_its_entries_in_date_order(runner: CliRunner, name: str) -> None:
    """A gap's two readings take their own places: the end of 2023, January 2024, the end
    of 2024 — not both readings of one benchmark, then the next benchmark's."""
    result = runner.invoke(app, ["show", name, "-f", "json"])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)["entries"]
    dated = [e for e in entries if e["date"] is not None]
    keys = [parse_partial_date(e["date"]).sort_key for e in dated]
    assert dated and keys == sorted(keys)
    assert all(e["date"] is None for e in entries[len(dated) :])  # undated ones last


@pytest.mark.parametrize(
    ("args", "guess"),
    [
        (["--model", "deepsek"], "DeepSeek"),
        (["--org", "gogle"], "Google"),
        (["--model", "deepseek r2"], "DeepSeek-R1"),
    ],
)
def test_scores_filter_that_keeps_nothing_says_did_you_mean(
    runner: CliRunner, args: list[str], guess: str
) -> None:
    result = runner.invoke(app, ["scores", *args])
    assert result.exit_code == 2
    assert f"did you mean '{guess}'?" in result.output


def test_scores_did_you_mean_offers_only_what_would_match(runner: CliRunner) -> None:
    # R1 has no Arena score: suggesting it for Arena would fail again
    result = runner.invoke(app, ["scores", "arena", "--model", "r1"])
    assert result.exit_code == 2 and "did you mean" not in result.output


def test_who_matching_no_one_says_did_you_mean_in_the_table(runner: CliRunner) -> None:
    for lang, said in (("en", "did you mean 'Donald Trump'?"), ("ko", "'Donald Trump'을(를)")):
        result = runner.invoke(app, ["quotes", "--who", "trmp", "--lang", lang])
        assert result.exit_code == 0 and said in result.stdout
    assert _ids(runner, "quotes", "--who", "trmp") == []  # the data formats stay empty
    result = runner.invoke(app, ["quotes", "--who", "nobody at all"])
    assert "did you mean" not in result.output


def test_timeline_mistyped_tag_says_did_you_mean(runner: CliRunner) -> None:
    result = runner.invoke(app, ["timeline", "--tag", "markt"])
    assert result.exit_code == 2 and "did you mean 'market'?" in result.stderr
    result = runner.invoke(app, ["timeline", "--tag", "zzzzzz"])
    assert result.exit_code == 2 and "did you mean" not in result.stderr
