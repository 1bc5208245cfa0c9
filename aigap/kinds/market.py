"""Market moves: one company's share price or one index on one trading day."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

import msgspec

from aigap.core import numbers
from aigap.core.labels import label
from aigap.core.model import Amount, Benchmark, Fact, Lang, Number, PartialDate, Source, Text
from aigap.core.numbers import amount_text
from aigap.kinds.base import Entry, Figure, Kind, raw_date
from aigap.output.layout import passage, source_fields, sources_notes, sources_of
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record
    from aigap.store.queries import Store


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


def summary(fact: MarketMove, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    text = f"{fact.subject.get(lang)} {numbers.with_unit(fact.change, 'percent')}"
    if fact.close is not None:
        text += f", close {numbers.amount_text(fact.close, lang)}"
    if fact.value_lost is not None:
        text += f", lost {numbers.amount_text(fact.value_lost, lang)}"
    return text


def answer(fact: MarketMove, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    parts = [f"{fact.subject.get(lang)} {numbers.format_number(fact.change)}%"]
    if fact.close is not None:
        parts.append(("종가 " if lang == "ko" else "close ") + amount_text(fact.close, lang))
    if fact.value_lost is not None:
        lost = amount_text(fact.value_lost, lang)
        parts.append(f"시가총액 {lost} 증발" if lang == "ko" else f"lost {lost} in value")
    return "; ".join(parts)


def subject(fact: MarketMove, lang: Lang) -> str | None:
    return fact.subject.get(lang)


def figures(fact: MarketMove) -> Iterator[Figure]:
    yield Figure(("change",), fact.change, fact.change_printed)
    for name in ("close", "previous_close", "value_lost"):
        amount = getattr(fact, name)
        if amount is not None:
            yield Figure((name, "value"), amount.value, amount.printed)


def entries(fact: MarketMove, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    text = fact.subject.get(lang)
    lost = fact.value_lost
    if lost is not None:  # "market value wiped out in one day: ~850 trillion won"
        what = f"{lost.label.get(lang)}: " if lost.label else ""
        text += f" ({what}{amount_text(lost, lang)})"
    return [Entry(fact.date, text, numbers.with_unit(fact.change, "percent"))]


KIND = Kind(
    name="market",
    section="market",
    record=MarketMove,
    summary=summary,
    figures=figures,
    search={"subject": 5, "change_printed": 2, "close": 2, "value_lost": 2, "previous_close": 2},
    answer=answer,
    who=subject,
    entries=entries,
    raw_dates=raw_date,  # its entries are dated by its own date
)


class MarketRow(msgspec.Struct, frozen=True):
    move: MarketMove
    source: Source


def market_rows(store: Store, limit: int | None = None) -> list[MarketRow]:
    """By trading day, companies before indexes, biggest fall first (sorted by the store)."""
    moves = store.select(KIND, order="market", limit=limit)
    sources = sources_of(store, moves)
    return [MarketRow(m, sources[m.source]) for m in moves]


def _amount_fields(prefix: str, amount: Amount | None) -> Record:
    return {
        f"{prefix}_value": amount.value if amount else None,
        f"{prefix}_unit": amount.unit if amount else None,
        f"{prefix}_printed": amount.printed if amount else None,
        f"{prefix}_approx": amount.approx if amount else None,
    }


def market_record(row: MarketRow, lang: Lang) -> Record:
    move = row.move
    return {
        "fact_id": move.id,
        "date": move.date.iso,
        "subject": move.subject.get(lang),
        "subject_kind": move.subject_kind,
        "change_percent": move.change,
        "change_printed": move.change_printed,
        **_amount_fields("close", move.close),
        **_amount_fields("previous_close", move.previous_close),
        **_amount_fields("value_lost", move.value_lost),
        "record": move.record.get(lang) if move.record else None,
        "inferred": move.inferred,
        **source_fields(row.source, lang),
        "passage": passage(move),
    }


def market_listing(rows: Sequence[MarketRow], lang: Lang) -> Listing:
    records = [market_record(r, lang) for r in rows]
    columns = [
        Column("date", label("date", lang), whole=True, optional=True),
        Column("subject", label("subject", lang), ratio=1),
        Column("move", label("move", lang), numeric=True),
        Column("close", label("close", lang), numeric=True),
        Column("lost", label("lost", lang), numeric=True),
    ]
    cells: list[list[str]] = []
    groups: list[int] = []
    previous: tuple[str, str] | None = None
    for r in rows:
        m = r.move
        key = (m.date.iso, m.subject_kind)
        if previous is not None and key != previous:
            groups.append(len(cells))
        previous = key
        cells.append(
            [
                m.date.iso + ("*" if m.inferred else ""),
                m.subject.get(lang) + (f"\n({m.record.get(lang)})" if m.record else ""),
                numbers.with_unit(m.change, "percent"),
                amount_text(m.close, lang) if m.close else "",
                amount_text(m.value_lost, lang) if m.value_lost else "",
            ]
        )
    notes = [label("note.move", lang)]
    if lang == "en" and any(r.move.value_lost and r.move.value_lost.approx for r in rows):
        notes.append(label("note.about", lang))
    if any(r.move.inferred for r in rows):
        notes.append(label("note.inferred", lang))
    notes.extend(sources_notes([r.source for r in rows], lang))
    title = label("title.market", lang)
    days = list(dict.fromkeys(r.move.date.iso for r in rows))
    if len(days) == 1:  # the Date column is the first to go in a narrow terminal
        title += f", {days[0]}"
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)
