"""Quotes: attributed statements, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

import msgspec

from aigap.core.labels import label
from aigap.core.model import Benchmark, Fact, Lang, PartialDate, Source, Text
from aigap.core.numbers import date_cell
from aigap.kinds.base import DataPath, Kind
from aigap.output.layout import (
    date_fields,
    date_names,
    passage,
    source_fields,
    sources_notes,
    sources_of,
)
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.answers.entities import Named
    from aigap.core.jsontypes import Record
    from aigap.store.queries import Filters, Store


class Quote(Fact, frozen=True, kw_only=True):
    """``speaker`` (``role``) ``said`` this, on ``date`` through ``channel`` when known."""

    speaker: Text
    said: Text
    role: Text | None = None
    date: PartialDate | None = None
    channel: Text | None = None
    # direct: the article prints the words in quotation marks; reported: it paraphrases
    speech: Literal["direct", "reported"] = "direct"
    # rendering: said.en is aigap's English of the Korean article, not the speaker's words
    said_en_is: Literal["rendering", "original"] = "rendering"

    kind: ClassVar[str] = "quote"


def said_text(fact: Quote, lang: Lang, text: str | None = None) -> str:
    """The words in quotation marks if direct speech, else marked as reported, no marks."""
    text = fact.said.get(lang) if text is None else text
    if fact.speech == "reported":
        return label("quote.reported", lang, said=text)
    return f"“{text}”"


def rendering_note(fact: Quote, lang: Lang) -> str | None:
    """Say so when the English is aigap's rendering of the Korean article."""
    return label("quote.rendering", lang) if fact.said_en_is == "rendering" else None


def summary(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    text = f"{fact.speaker.get(lang)}: {said_text(fact, lang)}"
    note = rendering_note(fact, lang) if lang == "en" else None
    return f"{text} ({note})" if note else text


def answer(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    """The statement (reported speech without quotation marks), marked when rendered."""
    note = rendering_note(fact, lang) if lang == "en" else None
    text = said_text(fact, lang)
    return f"{text} ({note})" if note else text


def speaker(fact: Quote, lang: Lang) -> str | None:
    role = f" ({fact.role.get(lang)})" if fact.role else ""
    return fact.speaker.get(lang) + role


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
    answer=answer,
    who=speaker,
)


class QuoteRow(msgspec.Struct, frozen=True):
    quote: Quote
    source: Source


def speaker_filter(who: str, group: list[Named] | None) -> Filters:
    """The store's filter for ``--who``: the names of the group ``who`` names (an
    entity and its people, see aigap.answers.entities.named_group), else part of a name.

    As aigap.answers.entities.group_matcher decides, so the store picks exactly the quotes it would.
    """
    from aigap.answers.entities import names_of
    from aigap.core.text import normalize_name

    if group is None:
        return {"who": " ".join(who.split()).casefold()}
    return {"speakers": sorted({normalize_name(n) for e in group for n in names_of(e)} - {""})}


def quote_rows(store: Store, who: str | None = None, limit: int | None = None) -> list[QuoteRow]:
    """Quotes in file order; ``who``: the speaker or the speaker's organisation (see entities)."""
    return quotes_page(store, who, limit)[0]


def quotes_page(
    store: Store, who: str | None = None, limit: int | None = None
) -> tuple[list[QuoteRow], int]:
    """``quote_rows`` and how many quotes match in all.

    The store chooses and cuts the rows in SQL; the decoded records must agree with it.
    """
    filters: Filters = {}
    if who:
        from aigap.answers.entities import group_matcher, named_group

        group = named_group(store, who, members=True)  # resolved once, for the SQL and the check
        filters = speaker_filter(who, group)
    chosen = filters.copy()
    chosen["limit"] = limit
    quotes = store.select(KIND, **chosen)
    if who:
        speaks = group_matcher(group, who)
        if not all(speaks(q.speaker) for q in quotes):
            from aigap.store.queries import CacheError

            raise CacheError("cached speaker names do not match the records")
    total = len(quotes) if limit is None else store.count("quotes", **filters)
    sources = sources_of(store, quotes)
    return [QuoteRow(q, sources[q.source]) for q in quotes], total


QUOTE_FIELDS = (
    "fact_id",
    "speaker",
    "role",
    "said_ko",
    "said_en",
    "speech",
    "said_en_is",
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
    other: Lang = "en" if lang == "ko" else "ko"
    columns = [
        Column("quote", label("quote", lang), ratio=1),
        Column("fact_id", label("id", lang), whole=True),
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
        cells.append([header, "", ""])
        for r in said_by:
            q = r.quote
            said = [t for t in (getattr(q.said, lang), getattr(q.said, other)) if t]
            text = "\n".join(said_text(q, lang, t) for t in said)
            if q.channel:
                text += f"\n({q.channel.get(lang)})"
            cells.append([text, q.id, date_cell(q.date, q.inferred, lang)])
    if not any(row[2] for row in cells):  # no quote has a date: no empty Date column
        columns.pop()
        cells = [row[:2] for row in cells]
    notes = sources_notes([r.source for r in rows], lang)
    if any(r.quote.inferred and r.quote.date for r in rows):
        notes.insert(0, label("note.fact_inferred", lang))
    if any(r.quote.said_en_is == "rendering" for r in rows):
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
