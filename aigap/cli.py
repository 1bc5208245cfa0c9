"""The aigap command line: parse arguments, call the library, print.

Only Typer is imported at start-up; each command imports what it uses, so
`aigap --help` and a warm `aigap gap mmlu` stay close to Typer's own floor.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

import msgspec
import typer
from typer.core import TyperGroup

from aigap import __version__

EXIT_OK = 0
T = TypeVar("T")


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Lang(StrEnum):
    en = "en"
    ko = "ko"


def _nfc(value: str | None) -> str | None:
    """A Typer callback: query text in NFC (aigap.text is imported only when needed)."""
    if value is None or value.isascii():
        return value
    from aigap.text import nfc

    return nfc(value)


def _code(lang: Lang) -> Literal["en", "ko"]:
    return "ko" if lang is Lang.ko else "en"


EXIT_OUTPUT = 74  # sysexits EX_IOERR: standard output could not be written
# What a failed write to stdout raises: the reader left, a full disk, a closed fd.
_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name)
    for name in ("EPIPE", "ENOSPC", "EBADF", "EIO", "EDQUOT", "EFBIG", "EROFS")
    if hasattr(errno, name)
)


class _OutputFailed(Exception):
    """Writing stdout failed; not an OSError, so Click lets it reach main()."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Group(TyperGroup):
    """Turns every AigapError into its message on stderr and an exit code."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _output_errors():  # --help and --version write here
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        from aigap.errors import AigapError

        try:
            with _output_errors():
                return super().invoke(ctx)
        except AigapError as exc:
            _report(exc)
            raise typer.Exit(exc.exit_code) from None


@contextlib.contextmanager
def _output_errors() -> Iterator[None]:
    """Failed writes to stdout become _OutputFailed, for main() to report.

    Click would exit 1 on EPIPE and let ENOSPC through as a crash; Rich's
    console (help pages) exits 1 on a broken pipe (Console.on_broken_pipe).
    Nothing else in aigap or Click leaves with a bare SystemExit(1).
    """
    try:
        yield
    except OSError as exc:
        if exc.errno in _OUTPUT_ERRNOS:
            raise _OutputFailed(exc) from None
        raise
    except SystemExit as exc:
        if exc.code == 1:
            raise _OutputFailed(BrokenPipeError(errno.EPIPE, "Broken pipe")) from None
        raise


def _report(exc: Any) -> None:
    from aigap.render import safe

    for line in exc.lines():
        for part in line.split("\n"):
            sys.stderr.write(safe(part) + "\n")
    sys.stderr.flush()


app = typer.Typer(
    cls=_Group,
    name="aigap",
    help=(
        "The US–China AI gap, from a curated, source-cited fact base.\n\n"
        "Every number comes with its unit, its date and the verbatim passage of"
        " the article it is from.\n\n"
        "[b]Examples[/b]\n\n"
        "  aigap gap mmlu\n\n"
        "  aigap gap --format json\n\n"
        "  aigap timeline --since 2025-01"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Settings(msgspec.Struct, frozen=True):
    facts: str
    max_bytes: int | None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aigap {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    facts: Annotated[
        str | None,
        typer.Option(
            "--facts",
            envvar="AIGAP_FACTS",
            metavar="PATH",
            help="Fact file to read instead of the packaged one.",
            show_default=False,
        ),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes",
            envvar="AIGAP_MAX_BYTES",
            metavar="N",
            min=1,
            help="Refuse fact files larger than N bytes (default 64 MiB).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    if facts is None:
        from aigap.load import packaged_facts_path

        facts = str(packaged_facts_path())
    ctx.obj = Settings(facts, max_bytes)


def _settings(ctx: typer.Context) -> Settings:
    """The global options; given after the command (``gap mmlu --facts F``) they win."""
    obj = ctx.find_root().obj
    if not isinstance(obj, Settings):
        from aigap.load import packaged_facts_path

        obj = Settings(os.environ.get("AIGAP_FACTS") or str(packaged_facts_path()), None)
    facts, max_bytes = ctx.params.get("facts"), ctx.params.get("max_bytes")
    return Settings(facts or obj.facts, max_bytes if max_bytes is not None else obj.max_bytes)


def _answer(ctx: typer.Context, query: Callable[[Any], T]) -> T:
    """Run a query on the active fact base (through its cache)."""
    from aigap.store import with_store

    settings = _settings(ctx)
    return with_store(settings.facts, query, settings.max_bytes)


def _print(
    ctx: typer.Context,
    query: Callable[[Any], T],
    layout: Callable[[T], Any],
    fmt: Format,
    svg: str | None,
) -> None:
    """Answer a query, lay the answer out as a Listing and print it in ``fmt``."""
    from aigap.render import print_listing

    print_listing(layout(_answer(ctx, query)), fmt.value, svg)


def _complete(ctx: typer.Context, incomplete: str, ids: Callable[[Any], list[str]]) -> list[str]:
    try:
        found = _answer(ctx, ids)
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [i for i in found if i.startswith(incomplete.casefold())]


def _complete_benchmark(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, lambda s: [b.id for b in s.records("benchmarks")])


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang", envvar="AIGAP_LANG", help="Language of names and text.", case_sensitive=False
    ),
]
SvgOption = Annotated[
    str | None,
    typer.Option("--svg", metavar="FILE", help="Also save the table as an SVG picture."),
]
# The global options again, so they also work after the command (no envvar
# here: the one before the command reads it).
FactsOption = Annotated[
    str | None,
    typer.Option(
        "--facts",
        metavar="PATH",
        help="Fact file to read (as before the command).",
        show_default=False,
    ),
]
MaxBytesOption = Annotated[
    int | None,
    typer.Option(
        "--max-bytes",
        metavar="N",
        min=1,
        help="Refuse fact files larger than N bytes.",
        show_default=False,
    ),
]


# A table is read on a screen: the first rows, and how many more there are.
TABLE_ROWS = 50
LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit",
        "-n",
        metavar="N",
        min=0,
        help=f"Show the first N rows (tables: {TABLE_ROWS} by default; 0 = all).",
        show_default=False,
    ),
]


def _rows_limit(limit: int | None, fmt: Format) -> int | None:
    """How many rows to show: a table the first TABLE_ROWS, a machine format every row."""
    if limit is None:
        return TABLE_ROWS if fmt is Format.table else None
    return limit or None


def _note_more(listing: Any, shown: int, total: int, lang: Lang) -> Any:
    """Say under a cut table how many rows it leaves out and how to see them."""
    if total > shown:
        from aigap.labels import label

        listing.notes.append(label("note.more", _code(lang), count=total - shown))
    return listing


def _lazy(name: str) -> Any:
    """``module:attribute``, imported when a command runs, not at start-up."""
    import importlib

    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)


def _listing_command(name: str, query: str, layout: str, doc: str, section: str = "") -> None:
    """Register a command that lays out one query's rows, with the shared options only.

    With a ``section``, the query takes a row limit and the command a --limit option.
    """

    def command(
        ctx: typer.Context,
        fmt: FormatOption = Format.table,
        lang: LangOption = Lang.en,
        svg: SvgOption = None,
        facts: FactsOption = None,
        max_bytes: MaxBytesOption = None,
    ) -> None:
        lay_out = _lazy(layout)
        _print(ctx, _lazy(query), lambda rows: lay_out(rows, _code(lang)), fmt, svg)

    def limited(
        ctx: typer.Context,
        fmt: FormatOption = Format.table,
        lang: LangOption = Lang.en,
        svg: SvgOption = None,
        limit: LimitOption = None,
        facts: FactsOption = None,
        max_bytes: MaxBytesOption = None,
    ) -> None:
        lay_out, select = _lazy(layout), _lazy(query)
        n = _rows_limit(limit, fmt)

        def answer(store: Any) -> tuple[Any, int]:
            rows = select(store, limit=n)
            return rows, store.count(section) if n is not None else len(rows)

        def layout_rows(found: tuple[Any, int]) -> Any:
            rows, total = found
            return _note_more(lay_out(rows, _code(lang)), len(rows), total, lang)

        _print(ctx, answer, layout_rows, fmt, svg)

    chosen = limited if section else command
    chosen.__doc__ = doc
    app.command(name)(chosen)


@app.command()
def gap(
    ctx: typer.Context,
    benchmark: Annotated[
        str | None,
        typer.Argument(
            help="Benchmark id or alias (mmlu, mmmu, math, humaneval, arena, 수학, ...).",
            autocompletion=_complete_benchmark,
            callback=_nfc,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Show how the US–China gap on a benchmark changed, with its source.

    Without a benchmark, every gap in one table, grouped by unit.

    [b]Examples[/b]

      aigap gap mmlu

      aigap gap human-eval --format json

      aigap gap
    """
    from aigap.kinds.gap import gap_listing, gap_rows

    single = benchmark is not None
    _print(
        ctx,
        lambda s: gap_rows(s, benchmark),
        lambda rows: gap_listing(rows, _code(lang), single=single),
        fmt,
        svg,
    )


@app.command()
def timeline(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Only events on or before this date.", show_default=False),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag", "-t", help="Only events with this tag (repeatable).", show_default=False
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
    limit: LimitOption = None,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """List the dated events of the DeepSeek story in date order.

    Dates are ISO 8601 (2025-01-20, or 2025-01 / 2023 when only that is
    known); a month sorts before its days.

    [b]Examples[/b]

      aigap timeline

      aigap timeline --since 2025-01 --until 2025-01-31

      aigap timeline --tag market --format csv
    """
    from aigap.kinds.event import span, timeline_listing
    from aigap.kinds.event import timeline as select_events
    from aigap.layout import sources_of
    from aigap.lookup import parse_partial_date

    start = parse_partial_date(since) if since else None
    end = parse_partial_date(until) if until else None

    n = _rows_limit(limit, fmt)
    bounds = {
        "since": span(start)[0] if start else None,
        "until": span(end)[1] if end else None,
    }

    def query(store: Any) -> tuple[Any, Any, int]:
        if tag:  # tags are few and free-form: chosen in Python among the dated rows
            events = select_events(store.select("events", order="date", **bounds), tags=tag)
            total, events = len(events), events[:n] if n is not None else events
        else:
            events = store.select("events", order="date", limit=n, **bounds)
            total = store.count("events", **bounds) if n is not None else len(events)
        return events, sources_of(store, events), total

    def layout(found: tuple[Any, Any, int]) -> Any:
        events, sources, total = found
        listing = timeline_listing(events, sources, _code(lang))
        return _note_more(listing, len(events), total, lang)

    _print(ctx, query, layout, fmt, svg)


def _complete_id(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, lambda s: s.ids())


IdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="A fact, source or benchmark id (see aigap facts, aigap sources).",
        autocompletion=_complete_id,
        callback=_nfc,
        show_default=False,
    ),
]


@app.command()
def scores(
    ctx: typer.Context,
    benchmark: Annotated[
        str | None,
        typer.Argument(
            help="Benchmark id or alias (arena, aime, math500, ...).",
            autocompletion=_complete_benchmark,
            callback=_nfc,
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Rank model scores on a benchmark, with each model's lead over the next.

    Without a benchmark, every benchmark that has scores, one group each.

    [b]Examples[/b]

      aigap scores arena

      aigap scores aime --format json
    """
    from aigap.kinds.score import score_rows, scores_listing

    _print(
        ctx,
        lambda s: score_rows(s, benchmark),
        lambda rows: scores_listing(rows, _code(lang)),
        fmt,
        svg,
    )


_listing_command(
    "market",
    "aigap.kinds.market:market_rows",
    "aigap.kinds.market:market_listing",
    """Show the share-price and index moves of the DeepSeek sell-off.

    [b]Examples[/b]

      aigap market

      aigap market --format csv > selloff.csv
    """,
    "market",
)


_listing_command(
    "costs",
    "aigap.kinds.cost:cost_rows",
    "aigap.kinds.cost:costs_listing",
    """Show the training-cost and hardware claims, as the article states them.

    [b]Examples[/b]

      aigap costs

      aigap costs --lang ko
    """,
    "costs",
)


@app.command()
def quotes(
    ctx: typer.Context,
    who: Annotated[
        str | None,
        typer.Option(
            "--who",
            metavar="NAME",
            callback=_nfc,
            help="Only quotes whose speaker's name contains NAME.",
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
    limit: LimitOption = None,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """List attributed statements: speaker, role, the quote in Korean and English.

    [b]Examples[/b]

      aigap quotes

      aigap quotes --who altman --format json
    """
    from aigap.kinds.quote import quote_rows, quotes_listing

    n = _rows_limit(limit, fmt)

    def query(store: Any) -> tuple[Any, int]:
        rows = quote_rows(store, who, limit=n)
        return rows, store.count("quotes", who=who) if n is not None else len(rows)

    def layout(found: tuple[Any, int]) -> Any:
        rows, total = found
        return _note_more(quotes_listing(rows, _code(lang)), len(rows), total, lang)

    _print(ctx, query, layout, fmt, svg)


def _fact_kind(value: str | None) -> str | None:
    if value is None:
        return None
    from aigap import kinds

    section = kinds.section_named(value)
    if section is None:
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(kinds.sections())}")
    return section


@app.command()
def facts(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            callback=_fact_kind,
            help="Only facts of this kind: gaps, scores, events, market, costs, quotes, claims.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
    limit: LimitOption = None,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """List every fact of every kind, one line each, in file order.

    [b]Examples[/b]

      aigap facts

      aigap facts --kind claims --format markdown
    """
    from aigap.facts import fact_rows, facts_listing
    from aigap.layout import sources_of

    n = _rows_limit(limit, fmt)
    if fmt is Format.csv and svg is None:
        # every row written as it is built: 100,000 facts never held in a list
        from aigap.facts import FACT_FIELDS, fact_record
        from aigap.render import write_csv

        def stream(store: Any) -> None:
            benchmarks = {b.id: b for b in store.records("benchmarks")}
            code = _code(lang)
            rows = store.iter_select(kind, limit=n)
            write_csv((fact_record(f, code, benchmarks) for f in rows), sys.stdout, FACT_FIELDS)

        _answer(ctx, stream)
        return

    def query(store: Any) -> tuple[Any, Any, Any, int]:
        found = fact_rows(store, kind, limit=n)
        benchmarks = {b.id: b for b in store.records("benchmarks")}
        total = store.count(kind) if n is not None else len(found)
        return found, benchmarks, sources_of(store, found), total

    def layout(found: tuple[Any, Any, Any, int]) -> Any:
        listing = facts_listing(*found[:3], _code(lang), total=found[3])
        _note_more(listing, len(found[0]), found[3], lang)
        if fmt is Format.json:  # every field of every fact, as `show -f json` has them
            from aigap.export import full_record

            for record, fact in zip(listing.records, found[0], strict=True):
                record["record"] = full_record(fact)
        return listing

    _print(ctx, query, layout, fmt, svg)


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(callback=_nfc, help="Text to look for (any case, English or Korean)."),
    ],
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Find every fact, source or benchmark whose text, id, names or speaker match.

    Best matches first: hits in ids and names before hits in passages.
    No match is not an error: the table says so and JSON is [].

    [b]Examples[/b]

      aigap search nvidia

      aigap search 딥시크 --format json
    """
    from aigap.search import search as find_text
    from aigap.search import search_listing

    _print(ctx, lambda s: find_text(s, text), lambda hits: search_listing(hits, text), fmt, svg)


@app.command()
def show(
    ctx: typer.Context,
    record_id: IdArgument,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Show one fact (or source, or benchmark) in full, with its passage and citation.

    [b]Examples[/b]

      aigap show market-nvidia-2025-01-27

      aigap show gap-mmlu --format json
    """
    from aigap.citation import plain
    from aigap.render import check_svg_path, print_listing, save_table_svg, write_json
    from aigap.show import derived_data, detail, record_detail, show_listing

    if svg is not None:
        check_svg_path(svg)  # before anything is printed
    found = _answer(ctx, lambda s: detail(s, record_id))
    fact = None if found.kind in ("source", "benchmark") else found.record
    citation = plain(found.source, fact, _code(lang)) if found.source else ""
    related = [
        (k, ", ".join(v) if isinstance(v, list) else str(v)) for k, v in found.related.items()
    ]
    listing = show_listing(found.record, citation, found.derived, related, _code(lang))
    if fmt != Format.json:
        print_listing(listing, fmt.value, svg)
        return
    # one object, not the field/value rows: a script wants the fields by name
    data = {
        **record_detail(found.record),
        **found.related,
        "citation": citation or None,
        "derived": [derived_data(d) for d in found.derived],
    }
    write_json(data, sys.stdout)
    if svg is not None:
        save_table_svg(listing, svg)


class CiteStyle(StrEnum):
    plain = "plain"
    bibtex = "bibtex"
    apa = "apa"
    chicago = "chicago"
    csl_json = "csl-json"


_listing_command(
    "sources",
    "aigap.sources:source_rows",
    "aigap.sources:sources_listing",
    """List the source articles and how many facts each supports.

    [b]Examples[/b]

      aigap sources

      aigap sources --format json
    """,
    "sources",
)


@app.command()
def cite(
    ctx: typer.Context,
    record_id: IdArgument,
    style: Annotated[
        CiteStyle,
        typer.Option(
            "--style",
            help="Citation style: plain, bibtex, apa, chicago or csl-json (Zotero, Pandoc).",
            case_sensitive=False,
        ),
    ] = CiteStyle.plain,
    lang: LangOption = Lang.en,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Print a citation for a fact, a source article, or the sources of a benchmark's facts.

    [b]Examples[/b]

      aigap cite gap-mmlu

      aigap cite mk-2025-01-29 --style bibtex >> refs.bib

      aigap cite mmlu --style csl-json > mmlu.json
    """
    from aigap.citation import cite_all, facts_about
    from aigap.layout import sources_of
    from aigap.show import detail

    code = _code(lang)

    def query(store: Any) -> tuple[list[tuple[Any, Any]], dict[str, str]]:
        found = detail(store, record_id)
        if found.kind != "benchmark":
            return [(found.source, None if found.kind == "source" else found.record)], {}
        # a benchmark: every source its facts come from, once, noting which facts
        facts = [store.record(i) for i in found.related["facts"]]
        about = {
            sid: facts_about(
                found.record.name.get(code), [f.id for f in facts if f.source == sid], code
            )
            for sid in dict.fromkeys(f.source for f in facts)
        }
        return [(s, None) for s in sources_of(store, facts).values()], about

    cited, about = _answer(ctx, query)
    if not cited:
        from aigap.errors import AigapError

        raise AigapError(f"{record_id!r} is a benchmark without facts: nothing to cite")
    sys.stdout.write(cite_all(cited, style.value, code, about) + "\n")


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def check(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Fact files to check (default: the active one, see --facts).",
            show_default=False,
        ),
    ] = None,
    sources: Annotated[
        str | None,
        typer.Option(
            "--sources",
            metavar="DIR",
            help="Directory of source texts: check every passage and quote is verbatim.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = CheckFormat.text,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Check a fact file: syntax, schema, references, quotes and recomputed figures.

    Prints PATH:LINE:COLUMN: severity: message per problem (the first 200,
    then how many more; --format json lists all); exits 0 when clean, 1 with
    only warnings, 2 with errors. Never uses the cache.

    [b]Examples[/b]

      aigap check

      aigap check my-facts.yaml --sources ../shared/sources/

      aigap check --format json
    """
    from aigap.checks import as_json, check_counted, exit_code, summary, text_lines
    from aigap.render import safe, write_json

    if sources is not None and not (os.path.isdir(sources) and os.access(sources, os.R_OK)):
        why = "not a directory" if not os.path.isdir(sources) else "cannot be read"
        raise typer.BadParameter(
            f"{safe(sources, keep_newlines=False)}: {why}", ctx, None, "--sources"
        )
    settings = _settings(ctx)
    problems: list[Any] = []
    read: list[tuple[str, list[Any], int]] = []
    for path in paths or [settings.facts]:
        found, facts_read = check_counted(path, sources, settings.max_bytes)
        problems += found
        read.append((path, found, facts_read))
    if fmt is CheckFormat.json:
        write_json(as_json(problems), sys.stdout)
    else:
        for line in text_lines(problems):
            sys.stdout.write(safe(line, keep_newlines=False))
            sys.stdout.write("\n")
    sys.stdout.flush()
    # Name each file and what was read: a curator sees which copy was checked.
    for path, found, facts_read in read:
        sys.stderr.write(safe(summary(found, path, facts_read), keep_newlines=False) + "\n")
    raise typer.Exit(exit_code(problems))


class ChartKind(StrEnum):
    gap = "gap"
    scores = "scores"


@app.command()
def chart(
    ctx: typer.Context,
    kind: Annotated[
        ChartKind,
        typer.Argument(
            help="gap: the US–China gaps then → now; scores: models ranked.",
            case_sensitive=False,
            show_default=False,
        ),
    ],
    out: Annotated[
        str,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Chart file to write: .svg (text stays text) or .png (1920×1080).",
            show_default=False,
        ),
    ],
    benchmark: Annotated[
        str | None,
        typer.Argument(
            help="Only this benchmark (id or alias); default: every one.",
            autocompletion=_complete_benchmark,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = Lang.en,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Draw a chart for a slide or an article, with its values, units and source.

    The format comes from the file name: .svg or .png.

    [b]Examples[/b]

      aigap chart gap --out gaps.png

      aigap chart gap mmlu --out mmlu.svg

      aigap chart scores arena --out arena.png --lang ko
    """
    from aigap import chart as charts

    charts.chart_format(out)  # a wrong name fails before any work
    code = _code(lang)
    if kind is ChartKind.gap:
        figure = charts.gap_figure(_answer(ctx, lambda s: charts.gap_rows(s, benchmark)), code)
    else:
        figure = charts.scores_figure(_answer(ctx, lambda s: charts.score_rows(s, benchmark)), code)
    charts.save(figure, out)


@app.command()
def export(
    ctx: typer.Context,
    directory: Annotated[
        str,
        typer.Argument(
            metavar="DIR",
            help="Directory to write: new, empty, or an earlier aigap export (replaced).",
            show_default=False,
        ),
    ],
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Write the whole fact base as open data: a Frictionless Data Package of CSV files.

    One tidy table per kind of fact (each gap reading, each amount its own
    row), plus sources, benchmarks, every verbatim passage with its English
    rendering, and datapackage.json describing every column. Loads in
    pandas, R, spreadsheets, and `frictionless validate DIR/datapackage.json`.

    [b]Examples[/b]

      aigap export aigap-data

      aigap export aigap-data --facts my-facts.yaml
    """
    from aigap.export import export as write_export

    counts = _answer(ctx, lambda store: write_export(store, directory))
    rows = ", ".join(f"{name} {n}" for name, n in counts.items())
    sys.stdout.write(f"{directory}: {len(counts)} resources ({rows})\n")


def _prepare_streams() -> None:
    """A closed stdout is an error, and no encoding makes printing crash.

    A character the terminal's encoding cannot show (Korean under Latin-1, a
    stray byte from a non-UTF-8 argument) is printed as a backslash escape.
    """
    if sys.stderr is None:  # 2>&-: messages go nowhere rather than crash
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:  # >&-: Python leaves no stream; say so instead of exiting 0
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        _fail_output(OSError(errno.EBADF, "standard output is closed"))
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _fail_output(error: OSError) -> None:
    """Exit for a failed write to stdout: 0 when the reader left, else 74 with one line.

    A reader that stops early (``| head``) is not an error, whether or not the
    output fitted in the pipe before it left: exit 0 either way. Anything
    else (a full disk, a closed descriptor) loses output: exit 74.
    """
    # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor: drop what is buffered
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    if isinstance(error, BrokenPipeError):
        sys.exit(EXIT_OK)
    try:
        sys.stderr.write(f"aigap: cannot write output: {error.strerror or error}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(EXIT_OUTPUT)


def main() -> None:
    """Entry point: no traceback for anything a user can cause."""
    _prepare_streams()
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # here, not at exit, where a failure prints "Exception ignored"
    except KeyboardInterrupt:
        sys.exit(130)
    except _OutputFailed as exc:
        _fail_output(exc.error)
    except Exception as exc:  # a bug: say so in one line, not a traceback
        if isinstance(exc, OSError) and exc.errno in _OUTPUT_ERRNOS:
            _fail_output(exc)  # the final flush failed
        if os.environ.get("AIGAP_DEBUG"):
            raise
        from aigap.render import safe  # the message may quote fact-file text

        sys.stderr.write(
            f"aigap: internal error: {type(exc).__name__}: {safe(str(exc)[:500])}\n"
            "aigap: set AIGAP_DEBUG=1 to see the traceback, and please report it\n"
        )
        sys.exit(70)
