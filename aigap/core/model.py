"""Records shared by every kind of fact (see docs/fact-base.md).

Each kind's own record lives in its module under ``aigap/kinds/``. Fields
are declared once, here and there; ``validate`` derives the checks of a
fact file's mapping from them: the Python type says what a value must be,
and an ``Annotated`` marker adds what the type cannot (an id's spelling, a
known unit, a list's minimum length).
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Annotated, ClassVar, Literal, get_args

import msgspec

Lang = Literal["en", "ko"]
Precision = Literal["year", "month", "day"]
# A figure as the fact file gives it: 850 stays an int (printed "850", not "850.0"),
# also when the cache decodes it.
Number = int | float

UNITS: dict[str, str] = {
    "pp": "percentage points",
    "percent": "percent",
    "elo": "Elo points",
    "usd": "USD",
    "krw": "KRW",
    "usd_per_hour": "USD per GPU-hour",
    "months": "months",
    "count": "count",
}


class Items(msgspec.Struct, frozen=True):
    """A list field's bounds: ``single`` also accepts one item without a list."""

    min: int = 0
    single: bool = False


Id = Annotated[str, "id"]
Unit = Annotated[str, "unit"]
Passage = Annotated[tuple[str, ...], Items(min=1, single=True)]


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


# Where in its year or month a date sits, when the source says only that:
# "end of 2024" (지난해 말) is "2024-end", "early January 2025" "2025-01-start".
Edge = Literal["start", "end"]
# How much of a date is known, with its edge: what exports call its precision.
Period = Literal["year", "month", "day", "year_start", "year_end", "month_start", "month_end"]
PERIODS: tuple[Period, ...] = get_args(Period)

# A date as fact files and --since/--until give it: YYYY, YYYY-MM or YYYY-MM-DD,
# a year or month optionally followed by -start or -end.
DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?:-(start|end))?\Z")


class PartialDate(msgspec.Struct, frozen=True):
    """A date known to the year, the month or the day; a year or month may
    be known only at its ``edge`` ("end of 2024": ``PartialDate(2024, edge="end")``).

    It sorts where it sits: a year before its months, a month before its
    days, the start of a year or month with it, and its end after every
    other date in it ("end of 2024" after 2024-12-31, before 2025).
    """

    year: int
    month: int | None = None
    day: int | None = None
    edge: Edge | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def period(self) -> Period:
        """The precision with the edge: "year_end" for the end of 2024."""
        if self.edge is None or self.day is not None:
            return self.precision
        return "month_" + self.edge if self.month is not None else "year_" + self.edge  # type: ignore[return-value]

    @property
    def iso(self) -> str:
        """The date as a fact file gives it: 2024, 2024-01, 2024-01-20, 2024-end."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.edge is not None and self.day is None:
            text += f"-{self.edge}"
        return text

    @property
    def sort_key(self) -> Day:
        """(year, month, day); 0 for a part not known; the end of a year is
        month 13, the end of a month day 32: after every day in it."""
        if self.edge == "end" and self.day is None:
            if self.month is None:
                return (self.year, 13, 0)
            return (self.year, self.month, 32)
        return (self.year, self.month or 0, self.day or 0)

    @property
    def span(self) -> tuple[Day, Day]:
        """The first and last day the date covers; a start or end covers the
        first or last day of its year or month."""
        month, day = self.month, self.day
        if day is not None:
            assert month is not None  # a day comes with its month
            return (self.year, month, day), (self.year, month, day)
        first: Day = (self.year, month or 1, 1)
        last: Day = (self.year, month or 12, _month_end(self.year, month or 12))
        if self.edge == "start":
            return first, first
        if self.edge == "end":
            return last, last
        return first, last

    @property
    def first(self) -> datetime.date:
        """The first day the date covers."""
        return datetime.date(*self.span[0])

    @property
    def last(self) -> datetime.date:
        """The last day the date covers."""
        return datetime.date(*self.span[1])

    @property
    def interval(self) -> str:
        """ISO 8601: the day, or the first and last day as an interval."""
        first, last = self.first.isoformat(), self.last.isoformat()
        return first if first == last else f"{first}/{last}"

    def __str__(self) -> str:
        return self.iso

    @classmethod
    def parse(cls, value: object) -> PartialDate | None:
        """A date as a fact file's data gives it (2024, "2024-01", "2024-end"),
        or None; no check that the month or day exists (``lookup.read_date`` checks)."""
        found = DATE.match(str(value)) if isinstance(value, int | str) else None
        if found is None or isinstance(value, bool):
            return None
        year, month, day = (int(part) if part else None for part in found.groups()[:3])
        edge = found.group(4)
        assert year is not None  # the pattern requires it
        return cls(year, month, day, edge)  # type: ignore[arg-type]


Day = tuple[int, int, int]  # (year, month, day); 0 for a month or day not known


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 31


def day_text(day: Day) -> str:
    """YYYY-MM-DD; with 0 for an unknown part it sorts as PartialDate.sort_key does."""
    return "{:04d}-{:02d}-{:02d}".format(*day)


class Amount(msgspec.Struct, frozen=True):
    """A sum or quantity: ``value`` in ``unit``; ``printed`` as the article wrote it.

    ``approx`` marks the article's 약 (about); ``label`` says what the amount is.
    """

    value: Number
    unit: Unit
    printed: str
    approx: bool = False
    label: Text | None = None


class Ratio(msgspec.Struct, frozen=True):
    """``value`` (a fraction, 0.06 for 6%) of ``of``; ``printed`` as the article wrote it."""

    value: Number
    printed: str
    of: Text


class Author(msgspec.Struct, frozen=True, kw_only=True):
    """A person by ``family`` and ``given`` name (no job title), or an
    organisation as a ``literal`` name; each in English and/or Korean."""

    family: Text | None = None
    given: Text | None = None
    literal: Text | None = None


# What a source is, in CSL's words (https://docs.citationstyles.org): how it is cited
SourceType = Literal["article-newspaper", "article-magazine", "report", "article", "webpage"]


class Source(msgspec.Struct, frozen=True, kw_only=True):
    """A text facts (or a quote's original words) come from.

    ``outlet`` is the publisher (the newspaper, not the portal); ``portal``
    where it was read, if elsewhere. ``headline`` is the title (``ko`` the
    Korean original, ``en`` its translation); ``title_romanized`` the Korean
    title in Revised Romanization. ``published_inferred``: the date is not
    printed in it. ``number``: a report or preprint number (arXiv:2412.19437).
    """

    id: Id
    type: SourceType = "article-newspaper"
    outlet: Text
    headline: Text
    title_romanized: str | None = None
    byline: Text | None = None  # as printed, with the reporter's role
    authors: tuple[Author, ...] = ()
    published: PartialDate
    published_time: str | None = None
    published_inferred: bool = False
    language: str
    url: str | None = None
    accessed: PartialDate | None = None
    portal: Text | None = None
    number: str | None = None
    file: str | None = None
    note: Text | None = None


class Benchmark(msgspec.Struct, frozen=True):
    """A benchmark gaps and scores are about; any of its names finds it."""

    id: Id
    name: Text
    full_name: Text | None = None
    aliases: tuple[str, ...] = ()
    measures: Text | None = None
    # how many problems the test has (AIME 2024: 30): a lead smaller than one
    # of them is not a finding a chart headlines
    items: int | None = None


EntityType = Literal["organization", "model", "person", "country", "index"]


class Affiliation(msgspec.Struct, frozen=True):
    """A person's tie to an organisation (or a country, for a head of state): ``role``."""

    org: Id
    role: Text | None = None


class Entity(msgspec.Struct, frozen=True, kw_only=True):
    """An actor facts are about: a company or lab, a model, a person, a country.

    Benchmarks are entities too, declared in ``benchmarks``. Relations:
    an organisation's ``country``, a model's ``developer``, a person's
    ``affiliation``. ``product`` is the fact file's ``kind`` (``chip`` for a
    hardware model such as the H100).
    """

    id: Id
    type: EntityType
    name: Text
    aliases: tuple[str, ...] = ()
    country: Id | None = None
    developer: Id | None = None
    affiliation: tuple[Affiliation, ...] = ()
    iso: str | None = None
    product: Literal["chip"] | None = msgspec.field(default=None, name="kind")
    description: Text | None = None
    note: Text | None = None


class Cited(msgspec.Struct, frozen=True):
    """Another source a fact was checked against (a primary source), and where in it."""

    source: Id
    locator: str | None = None  # short: "Figure 2.1.37", never a passage


class Fact(msgspec.Struct, frozen=True, kw_only=True):
    """Fields every fact carries: where it comes from, verbatim, and whom it is about."""

    id: Id
    source: Id
    passage: Passage  # verbatim from the article, in its language
    passage_en: str | None = None  # an English rendering of the passage
    inferred: bool = False
    note: Text | None = None
    tags: tuple[str, ...] = ()
    # words readers search this fact by that its text does not have: the article's
    # other words for it and common synonyms (sanctions for export controls, 경고
    # for 경종); searched, and shown only as what matched, labelled as keywords
    keywords: tuple[str, ...] = ()
    about: tuple[Id, ...] = ()  # entity or benchmark ids
    primary: tuple[Cited, ...] = ()  # primary sources the note draws on

    kind: ClassVar[str] = "fact"  # the singular kind name, as aigap prints it


Stored = Source | Benchmark | Entity | Fact  # any record the fact base holds


def words_source(fact: Fact) -> Id | None:
    """The source of a quote's original words (the speaker's own), where recorded."""
    original = getattr(fact, "original", None)
    return original.source if original is not None else None


def cited_ids(fact: Fact) -> list[str]:
    """The sources citing ``fact`` names, in order and once each: a quote's
    original words' source, the article, the primary sources of its note."""
    words = words_source(fact)
    ids = [words] if words is not None else []
    return list(dict.fromkeys([*ids, fact.source, *(p.source for p in fact.primary)]))


# The sections of a fact file that are not facts, in file order, and what each holds.
NOT_FACTS: dict[str, type[Source | Benchmark | Entity]] = {
    "sources": Source,
    "benchmarks": Benchmark,
    "entities": Entity,
}


class FactBase(msgspec.Struct, frozen=True):
    """A validated fact base: its facts by section ("gaps", "scores", ...), in file order."""

    path: str
    sources: tuple[Source, ...]
    benchmarks: tuple[Benchmark, ...]
    sections: dict[str, tuple[Fact, ...]] = msgspec.field(default_factory=dict)
    entities: tuple[Entity, ...] = ()

    def section(self, name: str) -> tuple[Fact, ...]:
        return self.sections.get(name, ())

    def facts(self) -> tuple[Fact, ...]:
        return tuple(fact for facts in self.sections.values() for fact in facts)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)
