"""Queries: benchmark lookup, gap rows and the timeline, on the shipped base."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigap.errors import UnknownName
from aigap.kinds.event import Event, timeline
from aigap.kinds.gap import gap_rows
from aigap.lookup import find_benchmark, parse_partial_date
from aigap.model import PartialDate, Text
from aigap.store import Store, open_store


@pytest.fixture
def store(facts_path: Path) -> Store:
    return open_store(str(facts_path))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mmlu", "mmlu"),
        ("MMLU", "mmlu"),
        ("human-eval", "humaneval"),
        ("HumanEval", "humaneval"),
        ("Human Eval", "humaneval"),
        ("arena", "chatbot-arena"),
        ("chatbot-arena", "chatbot-arena"),
        ("LMSYS", "chatbot-arena"),
        ("수학", "math"),
        ("챗봇 아레나", "chatbot-arena"),
    ],
)
def test_find_benchmark_accepts_what_users_type(store: Store, typed: str, expected: str) -> None:
    assert find_benchmark(store, typed).id == expected


def test_unknown_benchmark_lists_known_and_suggests(store: Store) -> None:
    with pytest.raises(UnknownName) as caught:
        find_benchmark(store, "mmlx")
    lines = caught.value.message.split("\n")
    assert lines[0] == "unknown benchmark 'mmlx'"
    assert lines[1] == "did you mean 'mmlu'?"
    assert lines[2].startswith("known benchmarks: ")
    for known in ("mmlu", "mmmu", "math", "humaneval", "chatbot-arena"):
        assert known in lines[2]


def test_mmlu_gap(store: Store) -> None:
    (row,) = gap_rows(store, "mmlu")
    assert (row.then.value, row.now.value) == (17.5, 0.3)
    assert row.gap.unit == "pp"
    assert row.change == -17.2
    assert row.times_narrower == pytest.approx(58.33, abs=0.01)
    assert row.source.id == "nocut-2025-04-08"


def test_all_gaps_grouped_by_unit_and_sorted_by_todays_gap(store: Store) -> None:
    rows = gap_rows(store, None)
    units = [r.gap.unit for r in rows]
    assert units == sorted(units, key=units.index)  # each unit in one block
    for unit in set(units):
        today = [r.now.value for r in rows if r.gap.unit == unit]
        assert today == sorted(today, reverse=True)
    assert {r.benchmark.id for r in rows} == {"mmlu", "mmmu", "math", "humaneval", "chatbot-arena"}


def event(date: PartialDate, tags: tuple[str, ...] = ()) -> Event:
    return Event(
        id=f"e-{date.iso}", source="s", passage=("p",), date=date, what=Text("x"), tags=tags
    )


def test_timeline_sorts_year_before_month_before_day() -> None:
    events = [
        event(PartialDate(2025, 1, 20)),
        event(PartialDate(2025, 1)),
        event(PartialDate(2025)),
        event(PartialDate(2024, 12)),
    ]
    assert [e.date.iso for e in timeline(events)] == ["2024-12", "2025", "2025-01", "2025-01-20"]


def test_timeline_filters_by_overlapping_range_and_tag() -> None:
    events = [
        event(PartialDate(2025, 1, 20), ("market",)),
        event(PartialDate(2025, 1)),
        event(PartialDate(2024, 12)),
    ]
    since = parse_partial_date("2025-01-20")
    assert [e.date.iso for e in timeline(events, since=since)] == ["2025-01", "2025-01-20"]
    until = parse_partial_date("2024")
    assert [e.date.iso for e in timeline(events, until=until)] == ["2024-12"]
    assert [e.date.iso for e in timeline(events, tags=["MARKET"])] == ["2025-01-20"]


def test_shipped_timeline_is_in_date_order(store: Store) -> None:
    events = timeline(store.records("events"))
    keys = [e.date.sort_key for e in events]
    assert keys == sorted(keys)
    assert "2025-01-20" in [e.date.iso for e in events]


def test_bad_partial_date() -> None:
    from aigap.errors import AigapError

    with pytest.raises(AigapError, match="bad date"):
        parse_partial_date("20250120")
