"""The quotes table and its flat record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.answers.quotes import QuoteRow
from aigap.core.labels import label
from aigap.core.model import Lang
from aigap.core.numbers import date_cell
from aigap.kinds.quote import own_words, said_lines
from aigap.output.layout import date_fields, date_names, passage, source_fields, sources_notes
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


QUOTE_FIELDS = (
    "fact_id",
    "speaker",
    "role",
    "said_ko",
    "said_en",
    "speech",
    "said_en_is",
    "original",
    "original_language",
    "original_source_id",
    *date_names("date"),
    "channel",
    "inferred",
    "source_id",
    "source_outlet",
    *date_names("source_published"),
    "source_published_inferred",
    "passage",
)


def quote_record(row: QuoteRow, lang: Lang) -> Record:
    quote = row.quote
    return {
        "fact_id": quote.id,
        "speaker": quote.speaker.get(lang),
        "role": quote.role.get(lang) if quote.role else None,
        "said_ko": quote.said.ko,
        "said_en": quote.said.en,
        "speech": quote.speech,
        "said_en_is": quote.said_en_is,
        "original": quote.original.text if quote.original else None,
        "original_language": quote.original.language if quote.original else None,
        "original_source_id": quote.original.source if quote.original else None,
        **date_fields("date", quote.date),
        "channel": quote.channel.get(lang) if quote.channel else None,
        "inferred": quote.inferred,
        **source_fields(row.source, lang),
        "passage": passage(quote),
    }


def quotes_listing(rows: Sequence[QuoteRow], lang: Lang) -> Listing:
    """Grouped by speaker: name and role once on a header row, then each of
    their quotes with its fact id (for ``cite``) and date. Records stay one
    per quote."""
    records = [quote_record(r, lang) for r in rows]
    # the fact id (for cite) under each quote, as the timeline puts it: a column of
    # long ids left the words a third of an 80-column terminal
    columns = [
        Column("quote", label("quote", lang), ratio=1),
        Column("date", label("date", lang), whole=True, optional=True),
    ]
    speakers: dict[str, list[QuoteRow]] = {}
    for r in rows:  # speakers in order of first appearance, their quotes in file order
        speakers.setdefault(r.quote.speaker.get(lang), []).append(r)
    cells: list[list[str]] = []
    groups: list[int] = []
    for name, said_by in speakers.items():
        if cells:
            groups.append(len(cells))
        roles = dict.fromkeys(r.quote.role.get(lang) for r in said_by if r.quote.role)
        header = name + (f" ({'; '.join(roles)})" if roles else "")
        cells.append([header, ""])
        for r in said_by:
            q = r.quote
            text = "\n".join(said_lines(q, lang))
            if q.channel:
                text += f"\n({q.channel.get(lang)})"
            text += f"\n[{q.id}]"
            cells.append([text, date_cell(q.date, q.inferred, lang)])
    if not any(row[1] for row in cells):  # no quote has a date: no empty Date column
        columns.pop()
        cells = [row[:1] for row in cells]
    notes = sources_notes([r.source for r in rows], lang)
    if any(r.quote.inferred and r.quote.date for r in rows):
        notes.insert(0, label("note.fact_inferred", lang))
    if any(r.quote.speech == "reported" or own_words(r.quote) is None for r in rows):
        notes.insert(0, label("quote.rendering_note", lang))
    title = label("title.quotes", lang)
    return Listing(
        title,
        columns,
        records,
        cells=cells,
        notes=notes,
        groups=groups,
        fields=QUOTE_FIELDS,
    )
