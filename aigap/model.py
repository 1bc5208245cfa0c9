"""Typed, immutable records of the fact base (see docs/fact-base.md)."""

from __future__ import annotations

from typing import Literal

import msgspec

Lang = Literal["en", "ko"]
Precision = Literal["year", "month", "day"]

UNITS: dict[str, str] = {
    "pp": "percentage points",
    "percent": "percent",
    "elo": "Elo points",
    "usd": "USD",
    "krw": "KRW",
    "usd_per_hour": "USD per hour",
    "months": "months",
    "count": "count",
}
UNIT_SYMBOLS: dict[str, str] = {"pp": " pp", "percent": "%", "elo": "", "usd_per_hour": " USD/h"}

FACT_KINDS: tuple[str, ...] = ("gaps", "scores", "events", "market", "costs", "quotes", "claims")
KIND_NAMES: dict[str, str] = {
    "gaps": "gap",
    "scores": "score",
    "events": "event",
    "market": "market",
    "costs": "cost",
    "quotes": "quote",
    "claims": "claim",
}


class Text(msgspec.Struct, frozen=True):
    """A text in English and/or Korean."""

    en: str | None = None
    ko: str | None = None

    def get(self, lang: Lang = "en") -> str:
        if lang == "ko":
            return self.ko or self.en or ""
        return self.en or self.ko or ""

    def all(self) -> tuple[str, ...]:
        return tuple(t for t in (self.en, self.ko) if t)


class PartialDate(msgspec.Struct, frozen=True):
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @property
    def sort_key(self) -> tuple[int, int, int]:
        # A year sorts before its months, a month before its days.
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        return self.iso


class Amount(msgspec.Struct, frozen=True):
    value: float
    unit: str
    printed: str
    approx: bool = False
    label: Text | None = None


class Ratio(msgspec.Struct, frozen=True):
    value: float
    printed: str
    of: Text


class Source(msgspec.Struct, frozen=True):
    id: str
    outlet: Text
    headline: Text
    byline: Text
    published: PartialDate
    language: str
    published_time: str | None = None
    published_inferred: bool = False
    file: str | None = None
    note: Text | None = None


class Benchmark(msgspec.Struct, frozen=True):
    id: str
    name: Text
    full_name: Text | None = None
    aliases: tuple[str, ...] = ()
    measures: Text | None = None


class Fact(msgspec.Struct, frozen=True, kw_only=True):
    """Fields every fact carries: where it comes from, verbatim."""

    id: str
    source: str
    passage: tuple[str, ...]
    passage_en: str | None = None
    inferred: bool = False
    note: Text | None = None
    tags: tuple[str, ...] = ()

    kind = "fact"


class GapValue(msgspec.Struct, frozen=True):
    date: PartialDate
    label: Text
    value: float
    printed: str


class Gap(Fact, frozen=True, kw_only=True):
    benchmark: str
    unit: str
    printed_unit: str
    values: tuple[GapValue, ...]

    kind = "gap"


class Score(Fact, frozen=True, kw_only=True):
    benchmark: str
    model: Text
    organization: Text
    country: str
    date: PartialDate
    value: float
    unit: str
    printed: str

    kind = "score"


class Event(Fact, frozen=True, kw_only=True):
    date: PartialDate
    precision: Precision | None = None
    what: Text
    who: Text | None = None

    kind = "event"


class MarketMove(Fact, frozen=True, kw_only=True):
    date: PartialDate
    subject: Text
    subject_kind: Literal["company", "index"]
    change: float
    change_printed: str
    close: Amount | None = None
    previous_close: Amount | None = None
    value_lost: Amount | None = None

    kind = "market"


class Cost(Fact, frozen=True, kw_only=True):
    subject: Text
    claim: Text
    amounts: tuple[Amount, ...] = ()
    ratio: Ratio | None = None

    kind = "cost"


class Quote(Fact, frozen=True, kw_only=True):
    speaker: Text
    said: Text
    role: Text | None = None
    date: PartialDate | None = None
    channel: Text | None = None

    kind = "quote"


class Claim(Fact, frozen=True, kw_only=True):
    claim: Text
    date: PartialDate | None = None

    kind = "claim"


AnyFact = Gap | Score | Event | MarketMove | Cost | Quote | Claim


class FactBase(msgspec.Struct, frozen=True):
    """A validated fact base."""

    path: str
    sources: tuple[Source, ...]
    benchmarks: tuple[Benchmark, ...]
    gaps: tuple[Gap, ...] = ()
    scores: tuple[Score, ...] = ()
    events: tuple[Event, ...] = ()
    market: tuple[MarketMove, ...] = ()
    costs: tuple[Cost, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()

    def facts(self) -> tuple[AnyFact, ...]:
        return (
            *self.gaps,
            *self.scores,
            *self.events,
            *self.market,
            *self.costs,
            *self.quotes,
            *self.claims,
        )

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)
