"""Gaps: the US–China gap on one benchmark at two or more dates."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, ClassVar

import msgspec

from aigap.core import numbers
from aigap.core.errors import Phrase
from aigap.core.labels import label
from aigap.core.model import (
    Benchmark,
    Fact,
    Id,
    Items,
    Lang,
    Number,
    PartialDate,
    Text,
    Unit,
)
from aigap.core.numbers import date_short, figure_text, with_unit
from aigap.kinds.base import (
    AMOUNT_MAX,
    Entry,
    Figure,
    Indexed,
    Kind,
    Rule,
    benchmark_name,
    in_range,
)


class GapValue(msgspec.Struct, frozen=True):
    """The gap at ``date``: ``value`` in the gap's unit, ``printed`` as the article wrote it."""

    date: PartialDate
    label: Text  # the article's name for the date ("end of 2023")
    value: Number
    printed: str


class Gap(Fact, frozen=True, kw_only=True):
    """The gap on ``benchmark``, oldest value first.

    ``unit`` is what the values are in (pp for a difference of accuracies,
    percent for a relative gap); ``printed_unit`` is how the article names it.
    """

    benchmark: Id
    unit: Unit
    printed_unit: str
    values: Annotated[tuple[GapValue, ...], Items(min=2)]

    kind: ClassVar[str] = "gap"


def summary(fact: Gap, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    values = " → ".join(
        f"{figure_text(v.value, fact.unit, lang, v.printed)} ({period(v, lang)})"
        for v in fact.values
    )
    return f"{benchmark_name(fact.benchmark, lang, benchmarks)}: {values}"


def answer(fact: Gap, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks) or fact.benchmark
    values = " → ".join(
        f"{with_unit(v.value, fact.unit, lang)} ({v.label.get(lang)})" for v in fact.values
    )
    return label("gap.answer", lang, name=name, values=values)


def period(value: GapValue, lang: Lang) -> str:
    """The value's date, absolute ("2024년 말", "2024-01"), never the article's
    relative "지난해 말"."""
    return date_short(value.date, lang)


def figures(fact: Gap) -> Iterator[Figure]:
    for j, v in enumerate(fact.values):
        yield Figure(("values", j, "value"), v.value, v.printed, fact.unit)


GAP_MAX = {"pp": 100.0, "percent": 1000.0}


def rules(fact: Gap) -> Iterator[Rule]:
    dates = [v.date.sort_key for v in fact.values]
    if dates != sorted(dates):
        yield Rule(("values",), "error", Phrase("problem.gap.order"))
    # a gap in percentage points lies between two accuracies; a relative gap (percent)
    # is a difference of scores over the follower's, past 1,000% a typo
    high = GAP_MAX.get(fact.unit, AMOUNT_MAX)
    for j, v in enumerate(fact.values):
        yield from in_range(("values", j, "value"), v.value, 0, high)


def latest_date(fact: Gap) -> PartialDate | None:
    return fact.values[-1].date


def value_dates(fact: Gap) -> tuple[PartialDate, ...]:
    return tuple(v.date for v in fact.values)


def entries(fact: Gap, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    """Every value is a dated reading of the gap."""
    name = benchmark_name(fact.benchmark, lang, benchmarks)
    return [
        Entry(
            v.date,
            label("gap_reading", lang, name=name, when=v.label.get(lang)),
            numbers.with_unit(v.value, fact.unit, lang),
        )
        for v in fact.values
    ]


def reading_dates(raw: Mapping[str, object]) -> list[object]:
    """One timeline entry per reading: the readings' dates, from the fact-file data."""
    values = raw.get("values")
    readings = values if isinstance(values, list | tuple) else ()  # validated data: a list
    return [v.get("date") if isinstance(v, dict) else None for v in readings]


def reading_span(raw: Mapping[str, object]) -> Indexed:
    """A gap is dated by its latest reading, and spans all its readings."""
    values = raw.get("values")
    readings = (
        [v for v in values if isinstance(v, dict)] if isinstance(values, list | tuple) else []
    )
    if not readings:
        return Indexed()
    return Indexed(readings[0].get("date"), readings[-1].get("date"))


KIND = Kind(
    name="gap",
    section="gaps",
    record=Gap,
    summary=summary,
    figures=figures,
    rules=rules,
    search={"benchmark": 4},
    words=(
        "difference",
        "lead",
        "margin",
        "behind",
        "trail",
        "trailing",
        "catch",
        "narrow",
        "narrowed",
        "narrowing",
        "shrink",
        "shrank",
        "shrunk",
        "parity",
        "edge",
        "advantage",
        "ahead",
        "차이",
        "뒤처",
        "앞서",
        "따라잡",
        "추격",
        "좁혀",
        "축소",
        "우위",
        "미중",
        "미·중",
        "중미",
        "양국",
    ),
    date=latest_date,
    dates=value_dates,
    answer=answer,
    entries=entries,
    raw_dates=reading_dates,
    index=reading_span,
)
