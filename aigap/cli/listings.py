"""The listing commands: gap, timeline, scores, market, costs, quotes, facts, sources.

Each one parses its options, asks the library for rows (cut to the rows a
table shows, and how many there are) and hands them to the layout and the
printer in the format asked for.

The library is imported inside each command: ``aigap --help`` and another
command's start-up never load the store, the kinds or Rich's tables.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, TypeVar

import msgspec
import typer

from aigap.cli import runtime
from aigap.cli.options import (
    TABLE_ROWS,
    FactsOpt,
    Format,
    FormatOpt,
    LangOpt,
    LimitOpt,
    MaxBytesOpt,
    NoPackagedOpt,
    SinceOpt,
    SvgOpt,
    TagOpt,
    UntilOpt,
    nfc,
)
from aigap.cli.usage import BadValue
from aigap.core.errors import Phrase
from aigap.core.rows import Rows

if TYPE_CHECKING:
    from aigap.core.model import Benchmark, Fact, Source
    from aigap.output.render import Listing
    from aigap.store.queries import Store

R = TypeVar("R")
T = TypeVar("T")


def first(rows: Sequence[R], count: int | None) -> Rows[R]:
    """The first ``count`` rows (all when None), for a listing whose table has header
    rows between its records (a group per benchmark, per unit): cut before the
    layout, so headers, notes and sources are those of the rows shown."""
    return Rows(rows if count is None else rows[:count], len(rows))


class View(msgspec.Struct, frozen=True):
    """How a listing is shown: format, language, SVG copy, rows."""

    fmt: Format
    code: runtime.Code
    svg: str | None
    limit: int | None  # as given: None when --limit is not

    @classmethod
    def of(cls, ctx: typer.Context, fmt: Format, svg: str | None, limit: int | None) -> View:
        return cls(fmt, runtime.lang(ctx), svg, limit)

    @property
    def rows(self) -> int | None:
        """How many rows to show (None: all): a table the first TABLE_ROWS, a machine format all."""
        if self.limit is None:
            return TABLE_ROWS if self.fmt is Format.table else None
        return self.limit or None


def show(
    ctx: typer.Context,
    view: View,
    query: Callable[[Store], T],
    layout: Callable[[T, runtime.Code], Listing],
    total: Callable[[T], int],
) -> None:
    """Answer ``query``, lay the answer out and print it as ``view`` says.

    ``total`` says how many rows there are in all: under a cut table, a note
    says how many more there are and how to see them.
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.core.labels import label
    from aigap.output.render import print_listing

    found = runtime.answer(ctx, query)
    listing = layout(found, view.code)
    shown, more = len(listing.records), total(found)
    if more > shown and view.fmt is Format.table:
        listing.notes.append(label("note.more", view.code, count=more - shown))
    listing.empty = listing.empty or label("nothing_matches", view.code)
    print_listing(listing, view.fmt.value, view.svg)


def rows_of(page: Rows[R]) -> int:
    return page.total


def counted(rows: Sequence[R], store: Store, section: str, limit: int | None) -> Rows[R]:
    """Rows the store cut to ``limit`` in SQL, and how many of ``section`` there are."""
    return Rows(rows, store.count(section) if limit is not None else len(rows))


def complete_benchmark(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the benchmark ids that start with what was typed."""
    try:
        ids = runtime.answer(ctx, lambda store: [b.id for b in store.benchmarks()])
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [i for i in ids if i.startswith(incomplete.casefold())]


def gap(
    ctx: typer.Context,
    benchmark: Annotated[
        str | None,
        typer.Argument(
            autocompletion=complete_benchmark,
            callback=nfc,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Show how the US–China gap on a benchmark changed, with its source.

    The help page is help.gap in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.gaps import gap_rows
    from aigap.output.gaps import gap_listing

    view = View.of(ctx, fmt, svg, limit)
    show(
        ctx,
        view,
        lambda store: first(gap_rows(store, benchmark, view.code), view.rows),
        lambda page, code: gap_listing(page.rows, code, single=benchmark is not None),
        rows_of,
    )


def fact_kinds(values: list[str] | None) -> list[str] | None:
    """``fact_kind`` of each --kind given (a callback: a refusal names the option)."""
    return None if values is None else [fact_kind(v) or "" for v in values]


KindsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        callback=fact_kinds,
        show_default=False,
    ),
]


def fact_kind(value: str | None) -> str | None:
    """A kind of fact by its section name (gaps, scores, ...); a refusal lists them."""
    if value is None:
        return None
    from aigap import kinds  # the registry: only when a kind is named
    from aigap.core.labels import label
    from aigap.core.model import Text

    section = kinds.section_named(value)
    if section is None:
        # in Korean each with the name the tables print ("gaps (격차)"): either is taken
        korean = (
            f"{s} ({label(f'kind.{kinds.by_section(s).name}', 'ko')})" for s in kinds.sections()
        )
        choices = Text(", ".join(kinds.sections()), ", ".join(korean))
        raise BadValue(Phrase("usage.choice", {"value": value, "choices": choices}))
    return section


def timeline(
    ctx: typer.Context,
    since: SinceOpt = None,
    until: UntilOpt = None,
    tag: TagOpt = None,
    kind: KindsOpt = None,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Tell the whole story in date order: events, gap readings, scores, market moves, quotes.

    The help page is help.timeline in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.timeline import story
    from aigap.core.dates import parse_partial_date
    from aigap.output.timeline import story_listing

    view = View.of(ctx, fmt, svg, limit)
    sections = list(kind or ())  # sections already (fact_kinds)
    start = parse_partial_date(since) if since else None
    end = parse_partial_date(until) if until else None

    show(
        ctx,
        view,
        lambda store: story(store, view.code, start, end, tag or (), sections, limit=view.rows),
        story_listing,
        lambda found: found.total,
    )


def scores(
    ctx: typer.Context,
    benchmark: Annotated[
        str | None,
        typer.Argument(
            autocompletion=complete_benchmark,
            callback=nfc,
            show_default=False,
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            metavar="NAME",
            callback=nfc,
            show_default=False,
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            metavar="NAME",
            callback=nfc,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Rank model scores on a benchmark, with each model's lead over the next.

    The help page is help.scores in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.scores import score_rows
    from aigap.output.scores import scores_listing

    view = View.of(ctx, fmt, svg, limit)
    show(
        ctx,
        view,
        lambda store: first(score_rows(store, benchmark, model, org), view.rows),
        lambda page, code: scores_listing(page.rows, code),
        rows_of,
    )


def market(
    ctx: typer.Context,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Show the share-price and index moves of the DeepSeek sell-off.

    The help page is help.market in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.market import market_rows
    from aigap.kinds.market import KIND
    from aigap.output.market import market_listing

    view = View.of(ctx, fmt, svg, limit)
    show(
        ctx,
        view,
        lambda store: counted(market_rows(store, view.rows), store, KIND.section, view.rows),
        lambda page, code: market_listing(page.rows, code),
        rows_of,
    )


def costs(
    ctx: typer.Context,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Show the training-cost and hardware claims, as the article states them.

    The help page is help.costs in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.costs import cost_rows
    from aigap.kinds.cost import KIND
    from aigap.output.costs import costs_listing

    view = View.of(ctx, fmt, svg, limit)
    show(
        ctx,
        view,
        lambda store: counted(cost_rows(store, view.rows), store, KIND.section, view.rows),
        lambda page, code: costs_listing(page.rows, code),
        rows_of,
    )


def quotes(
    ctx: typer.Context,
    who: Annotated[
        str | None,
        typer.Option(
            "--who",
            metavar="NAME",
            callback=nfc,
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """List attributed statements: speaker, role, the quote in Korean and English.

    The help page is help.quotes in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.quotes import QuoteRow, quotes_page, speaker_guess
    from aigap.core.labels import label
    from aigap.output.quotes import quotes_listing

    view = View.of(ctx, fmt, svg, limit)

    def query(store: Store) -> tuple[Rows[QuoteRow], str | None]:
        page = quotes_page(store, who, view.rows)
        # a --who that matched no one stays an empty listing (exit 0), with a did-you-mean
        guess = speaker_guess(store, who) if who and not page.rows else None
        return page, guess

    def layout(found: tuple[Rows[QuoteRow], str | None], code: runtime.Code) -> Listing:
        page, guess = found
        listing = quotes_listing(page.rows, code)
        if guess is not None:
            listing.empty = label("nothing_matches.guess", code, name=guess)
        return listing

    show(ctx, view, query, layout, lambda found: found[0].total)


def sources(
    ctx: typer.Context,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """List the source articles and how many facts each supports.

    The help page is help.sources in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.sources import source_rows
    from aigap.output.sources import sources_listing

    view = View.of(ctx, fmt, svg, limit)
    show(
        ctx,
        view,
        lambda store: counted(source_rows(store, view.rows), store, "sources", view.rows),
        lambda page, code: sources_listing(page.rows, code),
        rows_of,
    )


def facts(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            callback=fact_kind,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """List every fact of every kind, one line each, in file order.

    The help page is help.facts in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.facts import fact_rows
    from aigap.answers.sources import sources_of
    from aigap.output.facts import facts_listing
    from aigap.output.show import record_detail

    view = View.of(ctx, fmt, svg, limit)
    if view.fmt in (Format.csv, Format.csv_excel, Format.json) and view.svg is None:
        _stream_facts(ctx, kind, view)
        return

    def query(store: Store) -> FactsFound:
        found = fact_rows(store, kind, limit=view.rows)
        benchmarks = {b.id: b for b in store.benchmarks()}
        total = store.count(kind) if view.rows is not None else len(found)
        return FactsFound(found, benchmarks, sources_of(store, found, words=True), total)

    def layout(found: FactsFound, code: runtime.Code) -> Listing:
        listing = facts_listing(found.facts, found.benchmarks, found.sources, code, found.total)
        if view.fmt is Format.json:  # every field of every fact, as `show -f json` has them
            for record, fact in zip(listing.records, found.facts, strict=True):
                record["record"] = record_detail(fact)
        return listing

    show(ctx, view, query, layout, lambda found: found.total)


class FactsFound(msgspec.Struct, frozen=True):
    """The facts a ``facts`` table shows, what they refer to, and how many there are."""

    facts: Sequence[Fact]
    benchmarks: dict[str, Benchmark]
    sources: dict[str, Source]
    total: int


def _stream_facts(ctx: typer.Context, kind: str | None, view: View) -> None:
    """CSV or JSON, every row written as it is built: 100,000 facts are never held in
    a list. JSON records carry every field (``record``), as ``show -f json`` has them."""
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.output.facts import FACT_FIELDS, fact_record
    from aigap.output.render import write_csv, write_json_array
    from aigap.output.show import record_detail

    def stream(store: Store) -> None:
        benchmarks = {b.id: b for b in store.benchmarks()}
        found = store.iter_select(kind, limit=view.rows)
        if view.fmt in (Format.csv, Format.csv_excel):
            rows = (fact_record(f, view.code, benchmarks) for f in found)
            write_csv(rows, sys.stdout, FACT_FIELDS, excel=view.fmt is Format.csv_excel)
            return
        records = (
            {**fact_record(f, view.code, benchmarks), "record": record_detail(f)} for f in found
        )
        write_json_array(records, sys.stdout)

    runtime.answer(ctx, stream)
