"""Market moves: one company's share price or one index on one trading day."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

import msgspec

from aigap import numbers
from aigap.kinds.base import Entry, Figure, Kind
from aigap.model import Amount, Benchmark, Fact, Lang, PartialDate, Text


class MarketMove(Fact, frozen=True, kw_only=True):
    """How ``subject`` moved on ``date``.

    ``change`` is the percent change from the previous close (-16.9 for a
    fall of 16.9%); ``change_printed`` is how the article wrote it, often
    without a sign ("16.9%"). ``subject_kind`` is the fact file's ``kind:``
    (company or index): in aigap's output "kind" is always the fact's kind.
    """

    date: PartialDate
    subject: Text
    subject_kind: Literal["company", "index"] = msgspec.field(name="kind")
    change: float
    change_printed: str
    close: Amount | None = None
    previous_close: Amount | None = None
    value_lost: Amount | None = None  # market value wiped out that day

    kind: ClassVar[str] = "market"


def summary(fact: MarketMove, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    text = f"{fact.subject.get(lang)} {numbers.with_unit(fact.change, 'percent')}"
    if fact.close is not None:
        text += f", close {fact.close.printed}"
    if fact.value_lost is not None:
        text += f", lost {fact.value_lost.printed}"
    return text


def figures(fact: MarketMove) -> Iterator[Figure]:
    yield Figure(("change",), fact.change, fact.change_printed)
    for name in ("close", "previous_close", "value_lost"):
        amount = getattr(fact, name)
        if amount is not None:
            yield Figure((name, "value"), amount.value, amount.printed)


def entries(fact: MarketMove, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    text = fact.subject.get(lang)
    if fact.value_lost is not None:
        text += f" ({fact.value_lost.label.get(lang) if fact.value_lost.label else ''}: "
        text += f"{fact.value_lost.printed})"
    return [Entry(fact.date, text, numbers.with_unit(fact.change, "percent"))]


KIND = Kind(
    name="market",
    section="market",
    record=MarketMove,
    summary=summary,
    figures=figures,
    search={"subject": 5, "change_printed": 2},
    entries=entries,
)
