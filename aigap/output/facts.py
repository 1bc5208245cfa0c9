"""The facts table: one line per fact, its kind, date and summary; the flat record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap import kinds
from aigap.core.jsontypes import text
from aigap.core.labels import LABELS, label
from aigap.core.model import Benchmark, Fact, Lang, PartialDate, Source, words_source
from aigap.core.numbers import date_cell
from aigap.output.layout import date_fields, date_names, sources_notes, words_line
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


def fact_date(fact: Fact) -> PartialDate | None:
    """The date a fact is about (a gap's: its latest value's)."""
    return kinds.of(fact).date(fact)


def fact_summary(fact: Fact, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    """One line that says what a fact is, in ``lang``."""
    return kinds.of(fact).summary(fact, lang, benchmarks)


FACT_FIELDS = (
    "fact_id",
    "kind",
    *date_names("date"),
    "summary",
    "source_id",
    "original_source_id",
    "inferred",
    "tags",
)


def fact_record(fact: Fact, lang: Lang, benchmarks: dict[str, Benchmark]) -> Record:
    date = fact_date(fact)
    return {
        "fact_id": fact.id,
        "kind": fact.kind,
        **date_fields("date", date),
        "summary": fact_summary(fact, lang, benchmarks),
        "source_id": fact.source,
        # a quote's original words come from their own source, not the article
        "original_source_id": words_source(fact),
        "inferred": fact.inferred,
        "tags": list(fact.tags),
    }


def _kind(kind: str, lang: Lang) -> str:

    return label(f"kind.{kind}", lang) if f"kind.{kind}" in LABELS else kind


def facts_listing(
    facts: Sequence[Fact],
    benchmarks: dict[str, Benchmark],
    sources: dict[str, Source],
    lang: Lang,
    total: int | None = None,
) -> Listing:
    records = [fact_record(f, lang, benchmarks) for f in facts]
    columns = [
        Column("kind", label("kind", lang), whole=True),
        Column("date", label("date", lang), whole=True),
        Column("fact", label("fact", lang), ratio=1),
        Column("source", label("source", lang), whole=True, optional=True),
    ]
    cells = [
        [
            _kind(text(rec, "kind"), lang),
            date_cell(fact_date(f), f.inferred, lang),
            "\n".join(
                x for x in (text(rec, "fact_id"), text(rec, "summary"), words_line(f, lang)) if x
            ),
            text(rec, "source_id"),
        ]
        for rec, f in zip(records, facts, strict=True)
    ]
    notes = [label("note.fact_inferred", lang)] if any(f.inferred for f in facts) else []
    if any(words_source(f) for f in facts):
        notes.append(label("note.words_source", lang))
    cited = (i for f in facts for i in (words_source(f), f.source) if i)
    notes += sources_notes([sources[s] for s in dict.fromkeys(cited)], lang)
    title = label("title.facts", lang, count=len(facts) if total is None else total)
    return Listing(title, columns, records, cells=cells, notes=notes, fields=FACT_FIELDS)
