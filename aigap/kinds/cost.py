"""Costs: training-cost and hardware claims, with the amounts the article gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from aigap.kinds.base import Entry, Figure, Kind
from aigap.model import Amount, Benchmark, Fact, Lang, Ratio, Text


class Cost(Fact, frozen=True, kw_only=True):
    """``subject``'s ``claim`` as stated, its ``amounts`` and a ``ratio`` to another cost."""

    subject: Text
    claim: Text
    amounts: tuple[Amount, ...] = ()
    ratio: Ratio | None = None

    kind: ClassVar[str] = "cost"


def summary(fact: Cost, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return fact.claim.get(lang)


def figures(fact: Cost) -> Iterator[Figure]:
    for j, amount in enumerate(fact.amounts):
        yield Figure(("amounts", j, "value"), amount.value, amount.printed)
    if fact.ratio is not None:
        yield Figure(("ratio", "value"), fact.ratio.value, fact.ratio.printed)


def entries(fact: Cost, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    figure = ", ".join(a.printed for a in fact.amounts)
    if fact.ratio is not None:
        figure += (", " if figure else "") + fact.ratio.printed
    return [Entry(None, f"{fact.subject.get(lang)}: {fact.claim.get(lang)}", figure)]


KIND = Kind(
    name="cost",
    section="costs",
    record=Cost,
    summary=summary,
    figures=figures,
    search={"subject": 5, "claim": 2},
    entries=entries,
)
