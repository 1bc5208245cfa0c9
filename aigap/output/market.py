"""The market table and its flat record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.answers.market import MarketRow
from aigap.core import numbers
from aigap.core.labels import label
from aigap.core.model import Amount, Lang
from aigap.core.numbers import amount_text, date_cell
from aigap.output.layout import date_fields, passage, source_fields, sources_notes
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


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
        **date_fields("date", move.date),
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
                date_cell(m.date, m.inferred, lang),
                m.subject.get(lang) + (f"\n({m.record.get(lang)})" if m.record else ""),
                numbers.with_unit(m.change, "percent"),
                amount_text(m.close, lang) if m.close else "",
                amount_text(m.value_lost, lang) if m.value_lost else "",
            ]
        )
    notes = [label("note.move", lang)] if rows else []  # no note under nothing
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
