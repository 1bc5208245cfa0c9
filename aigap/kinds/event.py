"""Events: what happened when, for the timeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from aigap.kinds.base import Kind, Rule
from aigap.labels import label
from aigap.layout import passage, source_fields, source_line
from aigap.model import Benchmark, Fact, Lang, PartialDate, Precision, Source, Text
from aigap.render import Column, Listing

if TYPE_CHECKING:
    pass


class Event(Fact, frozen=True, kw_only=True):
    """``what`` happened on ``date`` (``who`` did it); ``precision`` must match the date's."""

    date: PartialDate
    precision: Precision | None = None
    what: Text
    who: Text | None = None

    kind: ClassVar[str] = "event"


def summary(fact: Event, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return fact.what.get(lang)


def rules(fact: Event) -> Iterator[Rule]:
    if fact.precision is None:
        yield Rule((), "warning", f"event {fact.id!r} has no date precision")
    elif fact.precision != fact.date.precision:
        yield Rule(
            ("precision",),
            "error",
            f"precision {fact.precision!r} does not match date {fact.date.iso!r}",
        )


KIND = Kind(
    name="event",
    section="events",
    record=Event,
    summary=summary,
    rules=rules,
    search={"who": 4, "what": 2},
)


def _span(d: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    return (d.year, d.month or 1, d.day or 1), (d.year, d.month or 12, d.day or 31)


def span(d: PartialDate) -> tuple[str, str]:
    """The first and last day a partial date covers, as YYYY-MM-DD (the store's bounds)."""
    (y1, m1, d1), (y2, m2, d2) = _span(d)
    return f"{y1:04d}-{m1:02d}-{d1:02d}", f"{y2:04d}-{m2:02d}-{d2:02d}"


def timeline(
    events: Iterable[Event],
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    tags: Sequence[str] = (),
) -> list[Event]:
    """Events in date order; a partial date matches a range it overlaps."""
    wanted = {t.casefold() for t in tags}
    chosen = []
    for event in events:
        start, end = _span(event.date)
        if since is not None and end < _span(since)[0]:
            continue
        if until is not None and start > _span(until)[1]:
            continue
        if wanted and not wanted.intersection(t.casefold() for t in event.tags):
            continue
        chosen.append(event)
    return sorted(chosen, key=lambda e: e.date.sort_key)


def event_record(event: Event, source: Source, lang: Lang) -> dict[str, Any]:
    return {
        "fact_id": event.id,
        "date": event.date.iso,
        "precision": event.date.precision,
        "what": event.what.get(lang),
        "who": event.who.get(lang) if event.who else None,
        "tags": list(event.tags),
        "inferred": event.inferred,
        **source_fields(source, lang),
        "passage": passage(event),
    }


def timeline_listing(events: Sequence[Event], sources: dict[str, Source], lang: Lang) -> Listing:
    records = [event_record(e, sources[e.source], lang) for e in events]
    columns = [
        Column("date", label("date", lang), whole=True),
        Column("what", label("what", lang), ratio=1),
        Column("who", label("who", lang), max_width=18, optional=True),
        Column("source", label("source", lang), whole=True),
    ]
    cells = [
        [
            e.date.iso + ("*" if e.inferred else ""),
            e.what.get(lang),
            e.who.get(lang) if e.who else "",
            e.source,
        ]
        for e in events
    ]
    notes = []
    if any(e.inferred for e in events):
        notes.append(label("note.inferred", lang))
    for sid in dict.fromkeys(e.source for e in events):
        notes.append(f"{sid}: {source_line(sources[sid], lang)}")
    title = label("title.timeline", lang)
    return Listing(title, columns, records, cells=cells, notes=notes)
