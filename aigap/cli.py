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

import typer
from typer.core import TyperGroup

from aigap import __version__
from aigap.record import Record

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


class Settings(Record):
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
    obj = ctx.find_root().obj
    if isinstance(obj, Settings):
        return obj
    from aigap.load import packaged_facts_path

    return Settings(os.environ.get("AIGAP_FACTS") or str(packaged_facts_path()), None)


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
) -> None:
    """Show how the US–China gap on a benchmark changed, with its source.

    Without a benchmark, every gap in one table, grouped by unit.

    [b]Examples[/b]

      aigap gap mmlu

      aigap gap human-eval --format json

      aigap gap
    """
    from aigap.listings import gap_listing
    from aigap.queries import gap_rows

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
) -> None:
    """List the dated events of the DeepSeek story in date order.

    Dates are ISO 8601 (2025-01-20, or 2025-01 / 2023 when only that is
    known); a month sorts before its days.

    [b]Examples[/b]

      aigap timeline

      aigap timeline --since 2025-01 --until 2025-01-31

      aigap timeline --tag market --format csv
    """
    from aigap.listings import timeline_listing
    from aigap.queries import parse_partial_date, sources_of
    from aigap.queries import timeline as select_events

    start = parse_partial_date(since) if since else None
    end = parse_partial_date(until) if until else None

    def query(store: Any) -> tuple[Any, Any]:
        events = select_events(store.records("events"), start, end, tag or ())
        return events, sources_of(store, events)

    _print(ctx, query, lambda found: timeline_listing(*found, _code(lang)), fmt, svg)


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
) -> None:
    """Rank model scores on a benchmark, with each model's lead over the next.

    Without a benchmark, every benchmark that has scores, one group each.

    [b]Examples[/b]

      aigap scores arena

      aigap scores aime --format json
    """
    from aigap.listings import scores_listing
    from aigap.queries import score_rows

    _print(
        ctx,
        lambda s: score_rows(s, benchmark),
        lambda rows: scores_listing(rows, _code(lang)),
        fmt,
        svg,
    )


@app.command()
def market(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
) -> None:
    """Show the share-price and index moves of the DeepSeek sell-off.

    [b]Examples[/b]

      aigap market

      aigap market --format csv > selloff.csv
    """
    from aigap.listings import market_listing
    from aigap.queries import market_rows

    _print(ctx, market_rows, lambda rows: market_listing(rows, _code(lang)), fmt, svg)


@app.command()
def costs(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
) -> None:
    """Show the training-cost and hardware claims, as the article states them.

    [b]Examples[/b]

      aigap costs

      aigap costs --lang ko
    """
    from aigap.listings import costs_listing
    from aigap.queries import cost_rows

    _print(ctx, cost_rows, lambda rows: costs_listing(rows, _code(lang)), fmt, svg)


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
) -> None:
    """List attributed statements: speaker, role, the quote in Korean and English.

    [b]Examples[/b]

      aigap quotes

      aigap quotes --who altman --format json
    """
    from aigap.listings import quotes_listing
    from aigap.queries import quote_rows

    _print(
        ctx, lambda s: quote_rows(s, who), lambda rows: quotes_listing(rows, _code(lang)), fmt, svg
    )


def _fact_kind(value: str | None) -> str | None:
    if value is None:
        return None
    from aigap.model import FACT_KINDS
    from aigap.queries import fact_kind_section

    section = fact_kind_section(value)
    if section is None:
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(FACT_KINDS)}")
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
) -> None:
    """List every fact of every kind, one line each, in file order.

    [b]Examples[/b]

      aigap facts

      aigap facts --kind claims --format markdown
    """
    from aigap.listings import facts_listing
    from aigap.queries import fact_rows, sources_of

    def query(store: Any) -> tuple[Any, Any, Any]:
        found = fact_rows(store, kind)
        benchmarks = {b.id: b for b in store.records("benchmarks")}
        return found, benchmarks, sources_of(store, found)

    _print(ctx, query, lambda found: facts_listing(*found, _code(lang)), fmt, svg)


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
) -> None:
    """Find every fact, source or benchmark whose text, id, names or speaker match.

    Best matches first: hits in ids and names before hits in passages.
    No match is not an error: the table says so and JSON is [].

    [b]Examples[/b]

      aigap search nvidia

      aigap search 딥시크 --format json
    """
    from aigap.listings import search_listing
    from aigap.queries import search as find_text

    _print(ctx, lambda s: find_text(s, text), lambda hits: search_listing(hits, text), fmt, svg)


@app.command()
def show(
    ctx: typer.Context,
    record_id: IdArgument,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
) -> None:
    """Show one fact (or source, or benchmark) in full, with its passage and citation.

    [b]Examples[/b]

      aigap show market-nvidia-2025-01-27

      aigap show gap-mmlu --format json
    """
    from aigap.citation import plain
    from aigap.listings import show_listing
    from aigap.queries import derived_data, detail, record_detail
    from aigap.render import print_listing, save_table_svg, write_json

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


@app.command()
def sources(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    lang: LangOption = Lang.en,
    svg: SvgOption = None,
) -> None:
    """List the source articles and how many facts each supports.

    [b]Examples[/b]

      aigap sources

      aigap sources --format json
    """
    from aigap.listings import sources_listing
    from aigap.queries import source_rows

    _print(ctx, source_rows, lambda rows: sources_listing(rows, _code(lang)), fmt, svg)


@app.command()
def cite(
    ctx: typer.Context,
    record_id: IdArgument,
    style: Annotated[
        CiteStyle, typer.Option("--style", help="Citation style.", case_sensitive=False)
    ] = CiteStyle.plain,
    lang: LangOption = Lang.en,
) -> None:
    """Print a citation for a fact or a source article (plain text or BibTeX).

    [b]Examples[/b]

      aigap cite gap-mmlu

      aigap cite mk-2025-01-29 --style bibtex >> refs.bib
    """
    from aigap.citation import cite as format_citation
    from aigap.errors import AigapError
    from aigap.queries import detail

    found = _answer(ctx, lambda s: detail(s, record_id))
    if found.source is None:
        raise AigapError(f"{record_id!r} is a benchmark; cite a fact or a source instead")
    fact = None if found.kind == "source" else found.record
    sys.stdout.write(format_citation(found.source, fact, style.value, _code(lang)) + "\n")


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
) -> None:
    """Check a fact file: syntax, schema, references, quotes and recomputed figures.

    Prints PATH:LINE:COLUMN: severity: message per problem; exits 0 when
    clean, 1 with only warnings, 2 with errors. Never uses the cache.

    [b]Examples[/b]

      aigap check

      aigap check my-facts.yaml --sources ../shared/sources/

      aigap check --format json
    """
    from aigap.checks import as_json, check_counted, exit_code, summary
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
        for problem in problems:
            sys.stdout.write(safe(problem.format(column=True, severity=True), keep_newlines=False))
            sys.stdout.write("\n")
    sys.stdout.flush()
    # Name each file and what was read: a curator sees which copy was checked.
    for path, found, facts_read in read:
        sys.stderr.write(safe(summary(found, path, facts_read), keep_newlines=False) + "\n")
    raise typer.Exit(exit_code(problems))


# Top-level options that take a value: the word after them is not a command.
_VALUE_OPTIONS = frozenset(("--facts", "--max-bytes"))
_FLAG_OPTIONS = frozenset(("--version", "--install-completion", "--show-completion"))


def _command_in(argv: list[str]) -> Any | None:
    """The registered command ``argv`` runs, when that is certain; else None.

    Typer builds every command (signature, annotations, parameters: ~0.7 ms
    each) before it runs one, so main() registers only the one being run.
    Anything unusual (help, completion, an unknown option or command) keeps
    them all, so help, suggestions and errors stay exactly as before.
    """
    if os.environ.get("_AIGAP_COMPLETE"):
        return None
    args = iter(argv)
    for arg in args:
        if arg in _VALUE_OPTIONS:
            next(args, None)
        elif arg.startswith("-"):
            name = arg.split("=", 1)[0]
            if name not in _FLAG_OPTIONS and name not in _VALUE_OPTIONS:
                return None
        else:
            for info in app.registered_commands:
                callback = info.callback
                name = info.name or (callback.__name__ if callback else "")
                if name.lower().replace("_", "-") == arg:
                    return info
            return None
    return None


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
    registered = app.registered_commands
    chosen = _command_in(sys.argv[1:])
    if chosen is not None:
        app.registered_commands = [chosen]
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
    finally:
        app.registered_commands = registered
