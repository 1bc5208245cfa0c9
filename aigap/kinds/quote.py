"""Quotes: attributed statements, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from aigap.kinds.base import DataPath, Kind
from aigap.labels import label
from aigap.layout import every_row, passage, source_fields, sources_notes, sources_of
from aigap.model import Benchmark, Fact, Lang, PartialDate, Source, Text
from aigap.render import Column, Listing

if TYPE_CHECKING:
    from aigap.store import Store


class Quote(Fact, frozen=True, kw_only=True):
    """``speaker`` (``role``) ``said`` this, on ``date`` through ``channel`` when known."""

    speaker: Text
    said: Text
    role: Text | None = None
    date: PartialDate | None = None
    channel: Text | None = None

    kind: ClassVar[str] = "quote"


def summary(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return f"{fact.speaker.get(lang)}: “{fact.said.get(lang)}”"


JOINER = " … "  # how a quote joins two verbatim parts


def verbatim(fact: Quote) -> Iterator[tuple[DataPath, str, str]]:
    """Each part of the Korean quote must be in the article word for word."""
    for part in (fact.said.ko or "").split(JOINER):
        if part.strip():
            yield ("said", "ko"), "quote", part


KIND = Kind(
    name="quote",
    section="quotes",
    record=Quote,
    summary=summary,
    verbatim=verbatim,
    search={"speaker": 5, "said": 2, "role": 2, "channel": 2},
)


class QuoteRow(msgspec.Struct, frozen=True):
    quote: Any  # model.Quote
    source: Source


def quote_rows(store: Store, who: str | None = None, limit: int | None = None) -> list[QuoteRow]:
    """Quotes in file order; ``who`` matches part of the speaker's name (en or ko)."""
    quotes = store.select("quotes", who=who, limit=limit)
    if who:  # the store chose by its copy of the names; the rebuilt records must agree
        wanted = who.casefold().strip()
        if not all(any(wanted in t.casefold() for t in q.speaker.all()) for q in quotes):
            from aigap.store import CacheError

            raise CacheError("cached speaker names do not match the records")
    sources = sources_of(store, quotes)
    return [QuoteRow(q, sources[q.source]) for q in quotes]


QUOTE_FIELDS = (
    "fact_id",
    "speaker",
    "role",
    "said_ko",
    "said_en",
    "date",
    "channel",
    "inferred",
    "source_id",
    "source_outlet",
    "source_published",
    "source_published_inferred",
    "passage",
)


def quote_record(row: QuoteRow, lang: Lang) -> dict[str, Any]:
    quote = row.quote
    return {
        "fact_id": quote.id,
        "speaker": quote.speaker.get(lang),
        "role": quote.role.get(lang) if quote.role else None,
        "said_ko": quote.said.ko,
        "said_en": quote.said.en,
        "date": quote.date.iso if quote.date else None,
        "channel": quote.channel.get(lang) if quote.channel else None,
        "inferred": quote.inferred,
        **source_fields(row.source, lang),
        "passage": passage(quote),
    }


def quotes_listing(rows: Sequence[QuoteRow], lang: Lang) -> Listing:
    records = [quote_record(r, lang) for r in rows]
    other: Lang = "en" if lang == "ko" else "ko"
    columns = [
        Column("speaker", label("speaker", lang), max_width=24),
        Column("quote", label("quote", lang), ratio=1),
        Column("date", label("date", lang), whole=True, optional=True),
    ]
    cells = []
    for r in rows:
        q = r.quote
        speaker = q.speaker.get(lang) + (f"\n{q.role.get(lang)}" if q.role else "")
        said = [t for t in (getattr(q.said, lang), getattr(q.said, other)) if t]
        where = f"\n({q.channel.get(lang)}; {q.source})" if q.channel else f"\n({q.source})"
        cells.append(
            [speaker, "\n".join(f"“{t}”" for t in said) + where, q.date.iso if q.date else ""]
        )
    notes = sources_notes([r.source for r in rows], lang)
    title = label("title.quotes", lang)
    return Listing(
        title,
        columns,
        records,
        cells=cells,
        notes=notes,
        groups=every_row(rows),
        fields=QUOTE_FIELDS,
    )
