"""Scores: one model's result on one benchmark, as the article reports it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from aigap import numbers
from aigap.kinds.base import Entry, Figure, Kind, benchmark_name
from aigap.model import Benchmark, Fact, Id, Lang, PartialDate, Text, Unit


class Score(Fact, frozen=True, kw_only=True):
    """``model`` (by ``organization``, of ``country``) scored ``value`` in ``unit`` on ``date``.

    ``printed`` is the score as the article wrote it ("1385점").
    """

    benchmark: Id
    model: Text
    organization: Text
    country: Literal["CN", "US"]
    date: PartialDate
    value: float
    unit: Unit
    printed: str

    kind: ClassVar[str] = "score"


def summary(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks)
    return f"{fact.model.get(lang)} ({fact.country}): {fact.printed} on {name}"


def figures(fact: Score) -> Iterator[Figure]:
    yield Figure(("value",), fact.value, fact.printed)


def entries(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    model, org = fact.model.get(lang), fact.organization.get(lang)
    who = model if org in model else f"{model} ({org})"
    on = benchmark_name(fact.benchmark, lang, benchmarks)
    text = f"{who}: {on}" if lang == "ko" else f"{who} on {on}"
    figure = numbers.with_unit(fact.value, fact.unit) + (" Elo" if fact.unit == "elo" else "")
    return [Entry(fact.date, text, figure)]


KIND = Kind(
    name="score",
    section="scores",
    record=Score,
    summary=summary,
    figures=figures,
    search={"model": 5, "organization": 4, "benchmark": 4, "printed": 2},
    entries=entries,
)
