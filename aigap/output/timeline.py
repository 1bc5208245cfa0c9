"""The timeline laid out: a line per dated entry, its record for JSON, CSV and Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aigap.answers.timeline import Line, Story
from aigap.core.labels import label
from aigap.core.model import Benchmark, Lang, words_source
from aigap.core.numbers import date_cell
from aigap.output.layout import date_fields, date_names, ids_lines, kind_label, source_line
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record
    from aigap.output.render import Listing


TIMELINE_FIELDS = (
    *date_names("date", "precision"),
    "kind",
    "fact_id",
    "text",
    "figure",
    "source_id",
    "original_source_id",
    "inferred",
    "tags",
)


def line_record(line: Line) -> Record:
    return {
        **date_fields("date", line.date, "precision"),
        "kind": line.fact.kind,
        "fact_id": line.fact.id,
        "text": line.entry.text,
        "figure": line.entry.figure or None,
        "source_id": line.fact.source,
        # a quote's original words come from their own source, not the article
        "original_source_id": words_source(line.fact),
        "inferred": line.fact.inferred,
        "tags": list(line.fact.tags),
    }


def story_listing(
    found: Story, lang: Lang, benchmarks: dict[str, Benchmark] | None = None
) -> Listing:

    lines = found.lines
    records = [line_record(ln) for ln in lines]
    columns = [
        Column("date", label("timeline.date", lang), whole=True),
        Column("what", label("timeline.what", lang), ratio=1),
        Column("figure", label("figure", lang), numeric=True),
    ]
    # the kind under the date: a column of its own would squeeze the text
    cells = [
        [
            f"{date_cell(ln.date, ln.fact.inferred, lang)}\n{kind_label(ln.fact.kind, lang)}",
            f"{ln.entry.text}\n{ids_lines(ln.fact, lang)}",
            ln.entry.figure,
        ]
        for ln in lines
    ]
    notes = []
    if not lines:
        notes.append(label("timeline.empty", lang))
    if any(ln.fact.inferred for ln in lines):
        notes.append(label("note.fact_inferred", lang))
    for sid, source in found.sources.items():
        notes.append(f"{sid}: {source_line(source, lang)}")
    title = label("title.timeline", lang)
    return Listing(title, columns, records, cells=cells, notes=notes, fields=TIMELINE_FIELDS)
