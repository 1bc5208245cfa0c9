"""Gaps: the US–China gap on one benchmark at two or more dates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, ClassVar

import msgspec

from aigap.kinds.base import Figure, Kind, Rule, benchmark_name
from aigap.model import Benchmark, Fact, Id, Items, Lang, PartialDate, Text, Unit
from aigap.numbers import with_unit


class GapValue(msgspec.Struct, frozen=True):
    """The gap at ``date``: ``value`` in the gap's unit, ``printed`` as the article wrote it."""

    date: PartialDate
    label: Text  # the article's name for the date ("end of 2023")
    value: float
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
    values = " → ".join(f"{v.printed} ({v.label.get(lang)})" for v in fact.values)
    return f"{benchmark_name(fact.benchmark, lang, benchmarks)}: {values}"


def answer(fact: Gap, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks) or fact.benchmark
    values = " → ".join(
        f"{with_unit(v.value, fact.unit)} ({v.label.get(lang)})" for v in fact.values
    )
    return f"{name} 미·중 격차: {values}" if lang == "ko" else f"US–China gap on {name}: {values}"


def figures(fact: Gap) -> Iterator[Figure]:
    for j, v in enumerate(fact.values):
        yield Figure(("values", j, "value"), v.value, v.printed)


def rules(fact: Gap) -> Iterator[Rule]:
    dates = [v.date.sort_key for v in fact.values]
    if dates != sorted(dates):
        yield Rule(("values",), "error", "values must be in date order")


def latest_date(fact: Gap) -> PartialDate | None:
    return fact.values[-1].date


KIND = Kind(
    name="gap",
    section="gaps",
    record=Gap,
    summary=summary,
    figures=figures,
    rules=rules,
    search={"benchmark": 4},
    date=latest_date,
    answer=answer,
)
