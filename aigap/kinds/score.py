"""Scores: one model's result on one benchmark, as the article reports it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from aigap.kinds.base import Figure, Kind, benchmark_name
from aigap.model import Benchmark, Fact, Id, Lang, PartialDate, Text, Unit
from aigap.numbers import with_unit


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


def answer(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks) or fact.benchmark
    if lang == "ko":
        return f"{fact.model.get(lang)} ({fact.country}): {name} {fact.printed}"
    value = with_unit(fact.value, fact.unit) + (" Elo points" if fact.unit == "elo" else "")
    return f"{fact.model.get(lang)} ({fact.country}): {value} on {name}"


def organization(fact: Score, lang: Lang) -> str | None:
    return fact.organization.get(lang)


def figures(fact: Score) -> Iterator[Figure]:
    yield Figure(("value",), fact.value, fact.printed)


KIND = Kind(
    name="score",
    section="scores",
    record=Score,
    summary=summary,
    figures=figures,
    search={"model": 5, "organization": 4, "benchmark": 4, "printed": 2},
    answer=answer,
    who=organization,
)
