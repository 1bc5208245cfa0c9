"""Validation: typed records from plain data, every problem collected."""

from __future__ import annotations

from typing import Any

import yaml

from aigap.core.model import PartialDate, Text
from aigap.core.text import normalize_name
from aigap.factfiles.validate import validate
from aigap.kinds.gap import Gap

SOURCE = {
    "id": "src",
    "outlet": {"en": "Outlet"},
    "headline": {"ko": "제목"},
    "byline": {"ko": "기자"},
    "published": "2025-01-29",
    "language": "ko",
}
GAP = {
    "id": "gap-x",
    "source": "src",
    "benchmark": "x",
    "unit": "pp",
    "printed_unit": "%",
    "values": [
        {"date": "2023", "label": {"en": "end of 2023"}, "value": 17.5, "printed": "17.5%"},
        {"date": "2024", "label": {"en": "end of 2024"}, "value": 0.3, "printed": "0.3%"},
    ],
    "passage": "격차",
    "passage_en": "gap",
}


def base(**sections: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": 1,
        "sources": [SOURCE],
        "benchmarks": [{"id": "x", "name": {"en": "X"}, "aliases": ["엑스"]}],
        "gaps": [GAP],
    }
    data.update(sections)
    return data


def messages(data: Any) -> list[str]:
    return [f"{i.severity}: {i.message}" for i in validate(data, "f.yaml").issues]


def test_valid_data_builds_typed_records() -> None:
    result = validate(base(), "f.yaml")
    assert result.issues == []
    assert result.base is not None
    gap = result.base.section("gaps")[0]
    assert isinstance(gap, Gap)
    assert gap.values[0].date == PartialDate(2023)
    assert gap.passage == ("격차",)
    assert result.base.sources[0].headline == Text(None, "제목")


def test_records_are_immutable() -> None:
    result = validate(base(), "f.yaml")
    assert result.base is not None
    try:
        result.base.section("gaps")[0].unit = "percent"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("records must be immutable")


def test_the_shipped_base_is_valid(facts_path: Any) -> None:
    data = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
    result = validate(data, str(facts_path))
    assert [i for i in result.issues if i.severity == "error"] == []
    assert result.base is not None
    assert len(result.base.facts()) >= 50


def test_every_problem_is_reported() -> None:
    bad_gap = {**GAP, "unit": "percentage", "source": "nope"}
    del bad_gap["printed_unit"]
    got = messages(base(gaps=[bad_gap, {**GAP}]))
    units = "pp, percent, elo, usd, krw, usd_per_hour, months, count"
    assert f"error: expected one of {units}; got a string ('percentage')" in got
    assert "error: missing field 'printed_unit'" in got
    assert "error: duplicate id 'gap-x' (also gaps[0])" in got


def test_unknown_source_and_benchmark_ids() -> None:
    got = messages(base(gaps=[{**GAP, "source": "nope", "benchmark": "y"}]))
    assert "error: unknown source id 'nope' (known: src)" in got
    assert "error: unknown benchmark id 'y' (known: x)" in got


def test_numbers_as_strings_and_strings_as_numbers() -> None:
    value = {**GAP["values"][0], "value": "17.5", "printed": 17.5}
    got = messages(base(gaps=[{**GAP, "values": [value, GAP["values"][1]]}]))
    assert "error: expected a number, got a string ('17.5') (remove the quotes)" in got
    assert "error: expected a string, got a number (17.5) (quote it)" in got


def test_bad_dates() -> None:
    for bad, why in [
        ("2025-13", "month 13 does not exist"),
        ("2025-02-30", "day 30 does not exist"),
    ]:
        value = {**GAP["values"][0], "date": bad}
        got = messages(base(gaps=[{**GAP, "values": [value, GAP["values"][1]]}]))
        assert f"error: bad date {bad!r}: {why}" in got
    value = {**GAP["values"][0], "date": "Jan 2025"}
    got = messages(base(gaps=[{**GAP, "values": [value, GAP["values"][1]]}]))
    assert (
        "error: bad date a string ('Jan 2025'): use YYYY, YYYY-MM or YYYY-MM-DD"
        " (YYYY-end or YYYY-MM-end for the end of a year or month, -start for its start)"
    ) in got


def test_unknown_fields_suggest_the_known_one() -> None:
    got = messages(base(gaps=[{**GAP, "pasage_en": "x"}]))
    assert "error: unknown field 'pasage_en' (did you mean 'passage_en'?)" in got


def test_top_level_must_be_a_mapping() -> None:
    assert messages(["a"]) == ["error: the top level must be a mapping of sections, got a list"]


def test_warnings_do_not_block_loading() -> None:
    gap = {**GAP}
    del gap["passage_en"]
    event = {
        "id": "e",
        "source": "src",
        "date": "2025-01",
        "what": {"en": "x"},
        "passage": "p",
        "passage_en": "p",
    }
    result = validate(base(gaps=[gap], events=[event]), "f.yaml")
    assert result.base is not None
    assert sorted(i.message for i in result.issues) == [
        "event 'e' has no date precision",
        "fact 'gap-x' has no English rendering (passage_en)",
    ]


def test_precision_must_match_the_date() -> None:
    event = {
        "id": "e",
        "source": "src",
        "date": "2025-01-20",
        "precision": "month",
        "what": {"en": "x"},
        "passage": "p",
    }
    got = messages(base(events=[event]))
    assert "error: precision 'month' does not match date '2025-01-20'" in got


def test_normalize_name_ignores_case_spaces_and_punctuation() -> None:
    assert normalize_name("Human-Eval") == normalize_name("humaneval") == "humaneval"
    assert normalize_name("LMSYS 챗봇 아레나") == "lmsys챗봇아레나"
