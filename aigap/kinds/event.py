"""Events: what happened when, for the timeline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from aigap.core.errors import Phrase
from aigap.core.model import Benchmark, Fact, Lang, PartialDate, Precision, Text
from aigap.kinds.base import Kind, Rule


class Event(Fact, frozen=True, kw_only=True):
    """``what`` happened on ``date`` (``who`` did it); ``precision`` must match the date's."""

    date: PartialDate
    precision: Precision | None = None
    what: Text
    who: Text | None = None

    kind: ClassVar[str] = "event"


def summary(fact: Event, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return fact.what.get(lang)


def actor(fact: Event, lang: Lang) -> str | None:
    return fact.who.get(lang) if fact.who else None


def rules(fact: Event) -> Iterator[Rule]:
    if fact.precision is None:
        yield Rule((), "warning", Phrase("problem.event.no_precision", {"id": fact.id}))
    elif fact.precision != fact.date.precision:
        yield Rule(
            ("precision",),
            "error",
            Phrase("problem.event.precision", {"precision": fact.precision, "date": fact.date.iso}),
        )


KIND = Kind(
    name="event",
    section="events",
    record=Event,
    summary=summary,
    rules=rules,
    search={"who": 4, "what": 2},
    who=actor,
)
