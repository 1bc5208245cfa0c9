"""Quotes: attributed statements, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

import msgspec

from aigap.core.labels import label
from aigap.core.model import Benchmark, Fact, Id, Lang, PartialDate, Source, Text
from aigap.kinds.base import DataPath, Kind
from aigap.output.layout import passage, source_fields, sources_notes, sources_of
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.answers.entities import Named
    from aigap.core.jsontypes import Record
    from aigap.store.queries import Filters, Store


class Original(msgspec.Struct, frozen=True, kw_only=True):
    """The speaker's own words, verbatim, where the article translated them.

    ``source`` is the source that prints these words (with its URL);
    ``language`` the language they were said in.
    """

    text: str
    language: str = "en"
    source: Id
    locator: str | None = None
    note: Text | None = None


class Quote(Fact, frozen=True, kw_only=True):
    """``speaker`` (``role``) ``said`` this, on ``date`` through ``channel`` when known.

    ``said`` is the article's quotation (``ko``, verbatim) and aigap's English
    of it (``en``). Neither is the speaker's words when the speaker spoke
    another language than the article: ``original`` holds those, with their
    own source; ``spoken_in`` says the speaker's language where known.
    """

    speaker: Text
    said: Text
    role: Text | None = None
    date: PartialDate | None = None
    channel: Text | None = None
    # direct: the article prints the words in quotation marks; reported: it paraphrases
    speech: Literal["direct", "reported"] = "direct"
    # rendering: said.en is aigap's English of the Korean article, not the speaker's words
    said_en_is: Literal["rendering", "original"] = "rendering"
    spoken_in: str | None = None
    original: Original | None = None

    kind: ClassVar[str] = "quote"


def own_words(fact: Quote) -> str | None:
    """The speaker's own words, verbatim, when aigap has them."""
    if fact.original is not None:
        return fact.original.text
    if fact.said_en_is == "original" and fact.said.en:
        return fact.said.en
    if fact.spoken_in is not None and fact.spoken_in == "ko" and fact.said.ko:
        return fact.said.ko
    return None


def translation_text(fact: Quote, lang: Lang) -> str:
    """The article's translation (Korean) or aigap's rendering (English), marked
    as such and never in quotation marks: they are not the speaker's words."""
    if lang == "ko" and fact.said.ko:
        return label("quote.article_words", "ko", said=fact.said.ko)
    if fact.said.en:
        return label("quote.rendering_words", lang, said=fact.said.en)
    return label("quote.article_words", lang, said=fact.said.get(lang))


def said_text(fact: Quote, lang: Lang) -> str:
    """One line: the speaker's own words in quotation marks where aigap has them;
    reported speech marked as such; else the translation, marked, no quotation marks."""
    if fact.speech == "reported":
        return label("quote.reported", lang, said=fact.said.get(lang))
    own = own_words(fact)
    return f"“{own}”" if own else translation_text(fact, lang)


def said_lines(fact: Quote, lang: Lang) -> list[str]:
    """The quote in full: the speaker's words first, then the article's Korean
    (and, in English, aigap's rendering), each marked for what it is."""
    if fact.speech == "reported":
        return [said_text(fact, lang)]
    lines = []
    own = own_words(fact)
    if own:
        lines.append(f"“{own}”")
    if fact.said.ko and own != fact.said.ko:
        lines.append(label("quote.article_words", lang, said=fact.said.ko))
    if lang == "en" and not own and fact.said.en:
        lines.append(label("quote.rendering_words", lang, said=fact.said.en))
    return lines


def rendering_note(fact: Quote, lang: Lang) -> str | None:
    """Say so when no words of the speaker's own are recorded, only a translation."""
    return label("quote.rendering", lang) if own_words(fact) is None else None


def summary(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return f"{fact.speaker.get(lang)}: {said_text(fact, lang)}"


def answer(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    """The statement: the speaker's words in quotation marks, or a marked translation."""
    return said_text(fact, lang)


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
    search={"speaker": 5, "said": 2, "original": 2, "role": 2, "channel": 2},
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
    "original",
    "original_language",
    "original_source_id",
    "date",
    "channel",
    "inferred",
    "source_id",
    "source_outlet",
    "source_published",
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
        "date": quote.date.iso if quote.date else None,
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
            text = "\n".join(said_lines(q, lang))
            if q.channel:
                text += f"\n({q.channel.get(lang)})"
            cells.append([text, q.id, _date_text(q, lang)])
    if not any(row[2] for row in cells):  # no quote has a date: no empty Date column
        columns.pop()
        cells = [row[:2] for row in cells]
    notes = sources_notes([r.source for r in rows], lang)
    if any(r.quote.inferred and r.quote.date for r in rows):
        notes.insert(0, label("note.date_inferred", lang))
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


def _date_text(quote: Quote, lang: Lang) -> str:
    if quote.date is None:
        return ""
    return quote.date.iso + ("*" if quote.inferred else "")
