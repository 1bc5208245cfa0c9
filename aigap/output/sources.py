"""The sources table and its flat record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.answers.sources import SourceRow
from aigap.core.labels import label
from aigap.core.model import Lang
from aigap.core.numbers import date_cell
from aigap.output.layout import date_fields, every_row
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


def source_record(row: SourceRow, lang: Lang) -> Record:
    src = row.source
    return {
        "source_id": src.id,
        "outlet": src.outlet.get(lang),
        "headline_ko": src.headline.ko,
        "headline_en": src.headline.en,
        "byline": src.byline.get(lang) if src.byline else None,
        "url": src.url,
        **date_fields("published", src.published),
        "published_time": src.published_time,
        "published_inferred": src.published_inferred,
        "language": src.language,
        "file": src.file,
        "facts": row.facts,
    }


def sources_listing(rows: Sequence[SourceRow], lang: Lang) -> Listing:
    records = [source_record(r, lang) for r in rows]
    columns = [
        Column("source", label("source", lang), max_width=18),
        Column("headline", label("headline", lang), ratio=1),
        Column("published", label("published", lang), whole=True),
        Column("facts", label("facts", lang), numeric=True),
    ]
    cells = []
    for r in rows:
        s = r.source
        headline = s.headline.get("ko")
        if lang == "en" and s.headline.en and s.headline.en != headline:  # ko, else en already
            headline += f"\n{s.headline.en}"
        cells.append(
            [
                f"{s.id}\n{s.outlet.get(lang)}",
                headline + (f"\n{s.byline.get(lang)}" if s.byline else ""),
                date_cell(s.published, s.published_inferred, lang),
                str(r.facts),
            ]
        )
    notes = []
    if any(r.source.published_inferred for r in rows):
        notes.append(label("note.published_inferred", lang))
    title = label("title.sources", lang)
    return Listing(title, columns, records, cells=cells, notes=notes, groups=every_row(rows))
