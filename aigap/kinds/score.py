"""Scores: one model's result on one benchmark, as the article reports it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

from aigap.core import numbers
from aigap.core.labels import label
from aigap.core.model import Benchmark, Fact, Id, Lang, Number, PartialDate, Text, Unit
from aigap.core.numbers import figure_text, with_unit
from aigap.kinds.base import (
    AMOUNT_MAX,
    Entry,
    Figure,
    Kind,
    Rule,
    benchmark_name,
    in_range,
    raw_date,
)


class Score(Fact, frozen=True, kw_only=True):
    """``model`` (by ``organization``, of ``country``) scored ``value`` in ``unit`` on ``date``.

    ``printed`` is the score as the article wrote it ("1385점").
    """

    benchmark: Id
    model: Text
    organization: Text
    country: Literal["CN", "US"]
    date: PartialDate
    value: Number
    unit: Unit
    printed: str
    # who measured the score where that is its developer or a party to the
    # comparison ("DeepSeek, in its DeepSeek-R1 model card"): a chart says so
    reported_by: Text | None = None

    kind: ClassVar[str] = "score"


# an accuracy is 0-100%; Arena's Elo-style ratings sit around 1,000-1,500
SCORE_MAX = {"percent": 100.0, "elo": 10_000.0}


def rules(fact: Score) -> Iterator[Rule]:
    yield from in_range(("value",), fact.value, 0, SCORE_MAX.get(fact.unit, AMOUNT_MAX))


def summary(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks)
    country = COUNTRY_NAMES.get(fact.country, {}).get(lang, fact.country)
    return label(
        "summary.score",
        lang,
        model=fact.model.get(lang),
        country=country,
        printed=figure_text(fact.value, fact.unit, lang, fact.printed),
        name=name,
    )


def answer(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks) or fact.benchmark
    country = COUNTRY_NAMES.get(fact.country, {}).get(lang, fact.country)
    if lang == "ko":  # the article's own form: 1385점
        printed = str(fact.printed)
    else:  # "1385 Elo points", "79.8%"
        elo = f" {label('unit.elo', lang)}" if fact.unit == "elo" else ""
        printed = with_unit(fact.value, fact.unit) + elo
    model = fact.model.get(lang)
    return label("summary.score", lang, model=model, country=country, printed=printed, name=name)


def organization(fact: Score, lang: Lang) -> str | None:
    return fact.organization.get(lang)


def figures(fact: Score) -> Iterator[Figure]:
    yield Figure(("value",), fact.value, fact.printed, fact.unit)


def entries(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    model, org = fact.model.get(lang), fact.organization.get(lang)
    who = model if org in model else f"{model} ({org})"
    on = benchmark_name(fact.benchmark, lang, benchmarks)
    text = label("score_on", lang, who=who, benchmark=on)
    if lang == "ko":  # the article's own figure ("1362점")
        figure = numbers.figure_text(fact.value, fact.unit, lang, fact.printed)
    else:
        figure = numbers.with_unit(fact.value, fact.unit) + (" Elo" if fact.unit == "elo" else "")
    return [Entry(fact.date, text, figure)]


KIND = Kind(
    name="score",
    rules=rules,
    section="scores",
    record=Score,
    summary=summary,
    figures=figures,
    search={"model": 5, "organization": 4, "benchmark": 4, "printed": 2},
    words=(
        "result",
        "results",
        "performance",
        "rating",
        "rank",
        "ranking",
        "rankings",
        "standing",
        "placed",
        "leaderboard",
        "elo",
        "성적",
        "성능",
        "결과",
        "실력",
        "등수",
        "기록",
    ),
    answer=answer,
    who=organization,
    entries=entries,
    raw_dates=raw_date,  # its entries are dated by its own date
)


COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "US": {"en": "US", "ko": "미국"},
    "CN": {"en": "CN", "ko": "중국"},
}


# A margin between two scores is in points for Elo-style ratings and in
# percentage points for accuracies (a difference of two percentages).
MARGIN_UNITS: dict[str, str] = {"percent": "pp", "pp": "pp"}
