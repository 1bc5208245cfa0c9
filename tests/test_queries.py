"""Queries: benchmark lookup, gap rows and the timeline, on the shipped base."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigap.answers.lookup import find_benchmark, parse_partial_date
from aigap.answers.timeline import story
from aigap.core.errors import UnknownName
from aigap.core.model import PartialDate
from aigap.kinds.gap import gap_rows
from aigap.store.queries import Store, open_store


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


def events_base(tmp_path: Path, dated: list[tuple[str, tuple[str, ...]]]) -> Store:
    """A fact file of one source and events with these dates and tags, as a store."""
    lines = [
        "schema: 1",
        "sources:",
        "  - {id: s, outlet: {en: O}, headline: {ko: H}, byline: {en: B},"
        " published: 2025-04-08, language: ko}",
        "events:",
    ]
    for date, tags in dated:
        precision = ("year", "month", "day")[date.count("-")]
        lines.append(
            f"  - {{id: e-{date}, source: s, passage: p, passage_en: p, date: '{date}',"
            f" precision: {precision}, what: {{en: x}}, tags: [{', '.join(tags)}]}}"
        )
    path = tmp_path / "events.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return open_store(str(path))


def timeline(
    store: Store,
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    tags: tuple[str, ...] = (),
) -> list[PartialDate]:
    """The dates of the events on the timeline, in its order."""
    return [line.date for line in story(store, "en", since, until, tags, ["events"]).lines]


def test_timeline_sorts_year_before_month_before_day(tmp_path: Path) -> None:
    store = events_base(
        tmp_path, [("2025-01-20", ()), ("2025-01", ()), ("2025", ()), ("2024-12", ())]
    )
    assert [d.iso for d in timeline(store)] == ["2024-12", "2025", "2025-01", "2025-01-20"]


def test_timeline_filters_by_overlapping_range_and_tag(tmp_path: Path) -> None:
    store = events_base(tmp_path, [("2025-01-20", ("market",)), ("2025-01", ()), ("2024-12", ())])
    since = parse_partial_date("2025-01-20")
    assert [d.iso for d in timeline(store, since=since)] == ["2025-01", "2025-01-20"]
    until = parse_partial_date("2024")
    assert [d.iso for d in timeline(store, until=until)] == ["2024-12"]
    assert [d.iso for d in timeline(store, tags=("MARKET",))] == ["2025-01-20"]


def test_shipped_timeline_is_in_date_order(store: Store) -> None:
    dates = timeline(store)
    keys = [d.sort_key for d in dates]
    assert keys == sorted(keys)
    assert "2025-01-20" in [d.iso for d in dates]


def test_bad_partial_date() -> None:
    from aigap.core.errors import AigapError

    with pytest.raises(AigapError, match="bad date"):
        parse_partial_date("20250120")
