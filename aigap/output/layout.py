"""What every listing shares: where a fact comes from, in its record and its notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.core.labels import LABELS, label
from aigap.core.model import Fact, Lang, PartialDate, Source, words_source
from aigap.core.numbers import date_short

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


def date_names(name: str, precision: str | None = None) -> tuple[str, ...]:
    """The fields ``date_fields`` writes for a date called ``name``."""
    return (name, precision or f"{name}_precision", f"{name}_start", f"{name}_end")


def date_fields(name: str, date: PartialDate | None, precision: str | None = None) -> Record:
    """A date in a flat record, exact about its period: as the fact file gives
    it ("2024-end"), its precision ("year_end"; the field is ``precision`` or
    NAME_precision) and its first and last day (ISO 8601); all None when there
    is no date."""
    names = date_names(name, precision)
    if date is None:
        return dict.fromkeys(names)
    values = (date.iso, date.period, date.first.isoformat(), date.last.isoformat())
    return dict(zip(names, values, strict=True))


def source_fields(source: Source, lang: Lang) -> Record:
    return {
        "source_id": source.id,
        "source_outlet": source.outlet.get(lang),
        **date_fields("source_published", source.published),
        "source_published_inferred": source.published_inferred,
    }


def words_line(fact: Fact, lang: Lang) -> str | None:
    """Where a quote's original words (the speaker's own) are cited from, when
    not the article: their own source's id, for the row that shows them."""
    words = words_source(fact)
    return label("source.words", lang, id=words) if words is not None else None


def ids_lines(fact: Fact, lang: Lang) -> str:
    """ "[fact id, source id]" under a line of a page or the timeline; a quote with
    its speaker's own words adds where they are cited from."""
    words = words_line(fact, lang)
    return f"[{fact.id}, {fact.source}]" + (f"\n{words}" if words else "")


def passage(fact: Fact) -> str:
    return " ".join(fact.passage)


def source_line(source: Source, lang: Lang) -> str:
    # "end of 2024-12" for a date at a month's end, never the file's "2024-12-end"
    date = date_short(source.published, lang) + (
        label("date_inferred", lang) if source.published_inferred else ""
    )
    return f"{source.outlet.get(lang)}, {date}: {source.headline.get('ko')}"


def sources_notes(sources: Sequence[Source], lang: Lang) -> list[str]:
    return [f"{s.id}: {source_line(s, lang)}" for s in {s.id: s for s in sources}.values()]


def every_row(rows: Sequence[object]) -> list[int]:
    """A rule after every row: multi-line rows would otherwise run together."""
    return list(range(1, len(rows)))


def kind_label(kind: str, lang: Lang) -> str:
    """A fact kind as the tables name it ("market", "증시"); a kind without a label as is."""

    return label(f"kind.{kind}", lang) if f"kind.{kind}" in LABELS else kind
