"""Market moves: one company's share price or one index on one trading day."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Literal

import msgspec

from aigap.core import numbers
from aigap.core.labels import label
from aigap.core.model import Amount, Benchmark, Fact, Lang, Number, PartialDate, Text
from aigap.core.numbers import amount_text
from aigap.kinds.base import Entry, Figure, Indexed, Kind, Rule, amount_rules, in_range, raw_date


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
    change: Number
    change_printed: str
    close: Amount | None = None
    previous_close: Amount | None = None
    value_lost: Amount | None = None  # market value wiped out that day
    record: Text | None = None  # what the move was a record of, in the article's words

    kind: ClassVar[str] = "market"


CHANGE_MAX = 10_000.0  # percent: a hundredfold rise in a day is a typo


def rules(fact: MarketMove) -> Iterator[Rule]:
    """A price cannot fall by 100% or more; prices and values are 0 or more."""
    yield from in_range(("change",), fact.change, -100, CHANGE_MAX, above=True)
    for name in ("close", "previous_close", "value_lost"):
        yield from amount_rules((name,), getattr(fact, name))


def summary(fact: MarketMove, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    text = f"{fact.subject.get(lang)} {numbers.with_unit(fact.change, 'percent')}"
    if fact.close is not None:
        text += ", " + label("market.close", lang, amount=numbers.amount_text(fact.close, lang))
    if fact.value_lost is not None:
        lost = numbers.amount_text(fact.value_lost, lang)
        text += ", " + label("market.lost", lang, amount=lost)
    return text


def answer(fact: MarketMove, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    parts = [f"{fact.subject.get(lang)} {numbers.format_number(fact.change)}%"]
    if fact.close is not None:
        parts.append(label("market.close", lang, amount=amount_text(fact.close, lang)))
    if fact.value_lost is not None:
        lost = amount_text(fact.value_lost, lang)
        parts.append(label("market.lost_value", lang, amount=lost))
    return "; ".join(parts)


def subject(fact: MarketMove, lang: Lang) -> str | None:
    return fact.subject.get(lang)


def figures(fact: MarketMove) -> Iterator[Figure]:
    yield Figure(("change",), fact.change, fact.change_printed, "percent")
    for name in ("close", "previous_close", "value_lost"):
        amount = getattr(fact, name)
        if amount is not None:
            yield Figure((name, "value"), amount.value, amount.printed, amount.unit)


def entries(fact: MarketMove, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    text = fact.subject.get(lang)
    lost = fact.value_lost
    if lost is not None:  # "market value wiped out in one day: ~850 trillion won"
        what = f"{lost.label.get(lang)}: " if lost.label else ""
        text += f" ({what}{amount_text(lost, lang)})"
    return [Entry(fact.date, text, numbers.with_unit(fact.change, "percent"))]


def by_day(raw: Mapping[str, object]) -> Indexed:
    """Filed by trading day; within a day companies before indexes, biggest fall first."""
    date, change = raw.get("date"), raw.get("change")
    company = 0 if raw.get("kind") == "company" else 1  # the file's name of subject_kind
    return Indexed(date, date, (company, change) if isinstance(change, int | float) else None)


KIND = Kind(
    name="market",
    rules=rules,
    section="market",
    record=MarketMove,
    summary=summary,
    figures=figures,
    search={"subject": 5, "change_printed": 2, "close": 2, "value_lost": 2, "previous_close": 2},
    words=(
        "stock",
        "stocks",
        "shares",
        "share price",
        "crash",
        "crashed",
        "plunge",
        "plunged",
        "plummet",
        "plummeted",
        "tumble",
        "tumbled",
        "slump",
        "slumped",
        "selloff",
        "sell-off",
        "sank",
        "sink",
        "nosedive",
        "tank",
        "tanked",
        "hammered",
        "rout",
        "slide",
        "decline",
        "주가",
        "주식",
        "폭락",
        "급락",
        "하락",
        "추락",
        "곤두박질",
        "폭망",
        "떡락",
        "증시",
        "낙폭",
        "종목",
        "session",
        "trading",
    ),
    answer=answer,
    who=subject,
    entries=entries,
    raw_dates=raw_date,  # its entries are dated by its own date
    index=by_day,
)
