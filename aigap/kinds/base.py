"""What every kind of fact tells the rest of aigap about itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, TypeAlias, TypeVar

import msgspec

from aigap.core.errors import Phrase, Severity
from aigap.core.model import Amount, Benchmark, Fact, Lang, PartialDate

F = TypeVar("F", bound=Fact)
DataPath = tuple[str | int, ...]

# Fields every fact has that search reads: hits in names weigh more than hits
# in running text, so a reader who types "altman" gets his quotes first.
FACT_SEARCH: dict[str, int] = {
    "id": 8,
    "tags": 3,
    "keywords": 2,  # a curator's search words: running text, not the fact's own words
    "passage": 1,
    "passage_en": 1,
    "note": 1,
}


class Figure(msgspec.Struct, frozen=True):
    """A recorded number and the article's printed form of it, which ``check`` compares."""

    path: DataPath  # inside the fact, e.g. ("values", 0, "value")
    value: float
    printed: str
    unit: str = ""  # a key of UNITS ("percent", "usd" ...), or "ratio" for a ratio


class Rule(msgspec.Struct, frozen=True):
    """A kind's own rule that a valid fact broke (beyond its fields' types)."""

    path: DataPath  # inside the fact
    severity: Severity
    message: str | Phrase  # a Phrase is said in the run's language


class Entry(msgspec.Struct, frozen=True):
    """One line of the story a fact tells: on ``date`` (None: undated), ``text``, ``figure``.

    A gap gives one entry per dated reading; most facts give one. The
    timeline keeps the dated ones; an entity page shows them all.
    """

    date: PartialDate | None
    text: str
    figure: str = ""  # the number with its unit, as aigap prints it ("-16.9%")


# The widest an amount can sensibly be, in any unit (KRW 850조 is 8.5e14): past it a
# figure is a typo, and nothing downstream should have to format or divide it.
AMOUNT_MAX = 1e18


def in_range(
    path: DataPath, value: float, low: float, high: float, *, above: bool = False
) -> Iterator[Rule]:
    """A rule broken when ``value`` is outside [low, high] (``above``: low itself is out too)."""
    if (value > low if above else value >= low) and value <= high:
        return
    key = "problem.range.above" if above else "problem.range"
    yield Rule(path, "error", Phrase(key, {"value": value, "low": low, "high": high}))


def amount_rules(path: DataPath, amount: Amount | None) -> Iterator[Rule]:
    """An amount (a price, a cost, a market value) is 0 or more, and not astronomical."""
    if amount is not None:
        yield from in_range((*path, "value"), amount.value, 0, AMOUNT_MAX)


def no_figures(fact: Fact) -> Iterator[Figure]:
    return iter(())


def no_rules(fact: Fact) -> Iterator[Rule]:
    return iter(())


def no_verbatim(fact: Fact) -> Iterator[tuple[DataPath, str, str]]:
    return iter(())


def no_who(fact: Fact, lang: Lang) -> str | None:
    return None


def own_date(fact: Fact) -> PartialDate | None:
    date = getattr(fact, "date", None)
    return date if isinstance(date, PartialDate) else None


def own_dates(fact: Fact) -> tuple[PartialDate, ...]:
    date = own_date(fact)
    return () if date is None else (date,)


def raw_date(raw: Mapping[str, object]) -> list[object]:
    """The dates of a fact's timeline entries, read from its fact-file data: its ``date``."""
    return [raw.get("date")]


class Indexed(msgspec.Struct, frozen=True):
    """What the cache files a fact under, read from its fact-file data: the columns
    queries filter and sort on (``Kind.index``). They only choose and order rows;
    what is shown is the record itself.
    """

    first: object = None  # the earliest date it spans, as the file gives it
    last: object = None  # its date: the latest it spans
    rank: tuple[int, float] | None = None  # the order within a day (``order="ranked"``)
    speakers: tuple[str, ...] = ()  # who speaks, each name as given (``who=``, ``speakers=``)


def dated(raw: Mapping[str, object]) -> Indexed:
    """A fact filed under its own ``date``."""
    date = raw.get("date")
    return Indexed(date, date)


class Kind(msgspec.Struct, Generic[F], frozen=True, kw_only=True):
    """One kind of fact: its record type and what is specific to it.

    ``summary`` is the one line ``aigap facts`` prints; ``figures`` are the
    numbers ``aigap check`` compares with their printed form; ``rules`` are
    checks of a whole fact that its fields' types cannot say; ``verbatim``
    yields (where, what, words) for texts besides the passage that must
    appear word for word in the article (``check --sources``); ``search``
    weighs the kind's own fields for ``aigap search`` (FACT_SEARCH adds the
    common ones) and ``words`` are what readers call such a fact (stock,
    주가); ``date`` is the date the fact is about, ``dates`` every date it
    has a figure of (``search`` holds a question's date against them).
    ``answer`` is the fact's headline as ``search`` shows it, the figure with
    its unit (or the quote, the event); without it the ``summary``; ``who`` names the
    actor (speaker, company, model's maker) when the kind has one; ``entries``
    are its lines on the timeline, each with its figure (default: the summary, dated).
    ``index`` says, from the fact-file data, what the cache files a fact under
    (its dates, its rank within a day, its speakers); ``said``: its facts are a
    person's words, so they show on the page of each group the person belongs to.
    """

    name: str  # singular, as aigap prints it: "gap"
    section: str  # the fact file's section: "gaps"
    record: type[F]
    summary: Callable[[F, Lang, dict[str, Benchmark]], str]
    figures: Callable[[F], Iterator[Figure]] = no_figures
    rules: Callable[[F], Iterator[Rule]] = no_rules
    verbatim: Callable[[F], Iterator[tuple[DataPath, str, str]]] = no_verbatim
    search: dict[str, int] = msgspec.field(default_factory=dict)
    # words readers use for any fact of this kind, both languages (market: stock,
    # 주가), indexed with each fact besides the kind's name from the catalogue
    words: tuple[str, ...] = ()
    date: Callable[[F], PartialDate | None] = own_date
    # every date the fact has a figure or a happening of (a gap's readings); default: its date
    dates: Callable[[F], tuple[PartialDate, ...]] = own_dates
    answer: Callable[[F, Lang, dict[str, Benchmark]], str] | None = None
    who: Callable[[F, Lang], str | None] = no_who
    index: Callable[[Mapping[str, object]], Indexed] = dated
    said: bool = False

    def headline(self, fact: F, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
        """What ``search`` shows as the answer: the figure with its unit, the quote, the event."""
        return (self.answer or self.summary)(fact, lang, benchmarks)

    entries: Callable[[F, Lang, dict[str, Benchmark]], list[Entry]] | None = None
    # The same entries' dates from the fact-file data, for the cache's index of
    # the timeline (None: only a kind with the default story and date has them)
    raw_dates: Callable[[Mapping[str, object]], list[object]] | None = None

    def story(self, fact: F, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
        """The fact's entries for the timeline and entity pages (default: its summary)."""
        if self.entries is not None:
            return self.entries(fact, lang, benchmarks)
        return [Entry(self.date(fact), self.summary(fact, lang, benchmarks))]

    def search_weights(self) -> dict[str, int]:
        return {**FACT_SEARCH, **self.search}


# A kind of some fact type: the registry holds gaps, scores, ... side by side, and
# which fact type a kind takes is known only at run time (``kinds.of`` says it).
SomeKind: TypeAlias = "Kind[Any]"


def benchmark_name(benchmark: str, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return benchmarks[benchmark].name.get(lang) if benchmark in benchmarks else ""
