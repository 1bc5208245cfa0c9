"""The aigap command line: parse arguments, call the library, print.

Only Typer is imported at start-up; each command imports what it uses, so
`aigap --help` and a warm `aigap gap mmlu` stay close to Typer's own floor.
"""

import contextlib
import errno
import functools
import inspect
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal, TextIO, TypeVar

import msgspec
import typer
from typer.core import TyperGroup

from aigap import __version__

if TYPE_CHECKING:
    from typer._click import Command as ClickCommand
    from typer._click import Context as ClickContext
    from typer.models import ArgumentInfo

    from aigap.answers.show import Detail
    from aigap.core.errors import AigapError, Problem
    from aigap.core.model import Benchmark, Fact, Source
    from aigap.output.render import Listing
    from aigap.store.queries import Store

EXIT_OK = 0
T = TypeVar("T")
R = TypeVar("R")


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    csv_excel = "csv-excel"  # CSV with a UTF-8 byte-order mark: Excel reads Korean right
    markdown = "markdown"


class Lang(StrEnum):
    en = "en"
    ko = "ko"


def _nfc_words(values: list[str]) -> list[str]:
    """The same for a list of words (``aigap search``)."""
    return [_nfc(v) or "" for v in values]


def _nfc(value: str | None) -> str | None:
    """A Typer callback: query text in NFC (aigap.core.text is imported only when needed)."""
    if value is None or value.isascii():
        return value
    from aigap.core.text import nfc

    return nfc(value)


def _parse_lang(value: str | Lang) -> Lang:
    """``ko``, ``ko_KR``, ``ko_KR.UTF-8``, ``C``...: a locale-style value names its
    language by its first part; a language aigap does not speak is a clear error."""
    if isinstance(value, Lang):
        return value
    from aigap.core.labels import language

    code = language(value)
    if code is not None:
        return Lang(code)
    from aigap.core.errors import Phrase
    from aigap.usage_errors import BadValue

    raise BadValue(Phrase("usage.lang", {"value": value}))


def _code(lang: Lang) -> Literal["en", "ko"]:
    return "ko" if lang is Lang.ko else "en"


# in ctx.meta, which every context of one run shares
_LANG = "aigap.lang"
_LINE = "aigap.line"  # the command line as given, to say a usage error in its --lang


def _take_lang(ctx: typer.Context, param: typer.CallbackParam, value: Lang | None) -> Lang | None:
    """The run's language: --lang after the command, else --lang before it, else
    AIGAP_LANG, else English.

    AIGAP_LANG is read here rather than by the option, so that a --lang on the
    command line wins over a bad value in the environment. The language is kept
    for the run, so an error is said in it too.
    """
    from typer._click.core import ParameterSource

    if value is None:  # before the command, not given
        return None
    if ctx.parent is not None and ctx.get_parameter_source(param.name or "") is (
        ParameterSource.DEFAULT
    ):
        given = ctx.meta.get(_LANG)
        value = given if isinstance(given, Lang) else _lang_from_env()
    ctx.meta[_LANG] = value
    return value


def _lang_from_env() -> Lang:
    from aigap.core.labels import language

    raw = os.environ.get("AIGAP_LANG", "en")
    code = language(raw)
    if code is None:
        from aigap.core.errors import Phrase
        from aigap.usage_errors import BadValue

        raise BadValue(Phrase("usage.lang_env", {"value": raw}))
    return Lang(code)


def _error_lang(ctx: "ClickContext | None", line: Sequence[str] = ()) -> Literal["en", "ko"]:
    """The language to say an error in: the last --lang on the command line (a usage
    error may stop parsing before --lang is read); else --lang as read; else AIGAP_LANG."""
    from aigap.core.labels import language

    found = None
    for i, arg in enumerate(line):
        if arg == "--":
            break
        value = line[i + 1] if arg == "--lang" and i + 1 < len(line) else None
        value = arg.partition("=")[2] if arg.startswith("--lang=") else value
        found = (language(value) if value is not None else None) or found
    lang = ctx.meta.get(_LANG) if ctx is not None else None
    if found is None and isinstance(lang, Lang):
        return _code(lang)
    return found or language(os.environ.get("AIGAP_LANG", "en")) or "en"


@contextlib.contextmanager
def _usage_errors(line: Sequence[str]) -> Iterator[None]:
    """A usage error of a Korean run is said in Korean (English ones are Typer's own)."""
    from typer._click.exceptions import UsageError

    try:
        yield
    except UsageError as exc:
        # NoArgsIsHelpError: the help page, not an error
        if exc.__class__.__name__ == "NoArgsIsHelpError" or _error_lang(exc.ctx, line) != "ko":
            raise
        from aigap.output.render import safe  # the line may quote what was typed
        from aigap.usage_errors import korean_lines

        text = "\n".join(korean_lines(exc))
        sys.stderr.write("\n".join(safe(part) for part in text.split("\n")) + "\n")
        sys.stderr.flush()
        raise typer.Exit(exc.exit_code) from None


EXIT_OUTPUT = 74  # sysexits EX_IOERR: standard output could not be written
# What a failed write to stdout raises: the reader left, a full disk, a closed fd.
_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name)
    for name in ("EPIPE", "ENOSPC", "EBADF", "EIO", "EDQUOT", "EFBIG", "EROFS")
    if hasattr(errno, name)
)


class _StdoutClosed(OSError):
    """The process was started with no standard output (``>&-``)."""


class _OutputFailed(Exception):
    """Writing stdout failed; not an OSError, so Click lets it reach main()."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Group(TyperGroup):
    """Turns every AigapError into its message on stderr and an exit code.

    An unknown command that names something in the fact base (``aigap
    nvidia``) is pointed to ``aigap show`` or ``aigap search``.
    """

    def resolve_command(
        self, ctx: "ClickContext", args: list[str]
    ) -> "tuple[str | None, ClickCommand | None, list[str]]":
        # Typer 0.29 vendors Click as typer._click; its UsageError is what
        # TyperGroup.resolve_command raises for an unknown command.
        from typer._click.exceptions import UsageError

        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            from aigap.usage_errors import UnknownCommand

            word = args[0] if args else ""
            hint = _hint_for(ctx, word) if word and not word.startswith("-") else None
            message = f"{exc.message}\ntry: {hint}" if hint else exc.message
            raise UnknownCommand(message, word, hint, ctx) from None

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: "ClickContext | None" = None,
        **extra: Any,  # Context's keyword arguments, as Click passes them
    ) -> "ClickContext":
        line = list(args)
        with _output_errors(), _usage_errors(line):  # --help and --version write here
            ctx = super().make_context(info_name, args, parent, **extra)
        ctx.meta[_LINE] = line
        return ctx

    def invoke(self, ctx: "ClickContext") -> object:  # what the command returned
        from aigap.core.errors import AigapError

        _collect_from_here()
        try:
            with _output_errors(), _usage_errors(ctx.meta.get(_LINE, ())):
                return super().invoke(ctx)
        except AigapError as exc:
            _report(exc, _error_lang(ctx))
            raise typer.Exit(exc.exit_code) from None


def _collect_from_here() -> None:
    """Turn the garbage collector back on for the command's own work.

    ``aigap.__main__.run`` starts with it off: what the imports and the
    argument parsing made lives until exit, and passes over it free nothing.
    That is frozen, out of the collector's sight; a command's own data (a
    100,000-fact JSON export makes reference cycles per record) is collected
    as usual. Only acts when the collector is off, as ``run`` leaves it: tests and
    other callers that keep it on see no change.
    """
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _hint_for(ctx: "ClickContext", word: str) -> str | None:
    """'aigap show WORD' for an entity or id, 'aigap search WORD' for a word in the base."""
    import shlex

    from aigap.opener import with_store

    def lookup(store: "Store") -> str | None:
        from aigap.answers.entities import resolve
        from aigap.answers.search import search

        quoted = word if re.fullmatch(r"[\w.-]+", word) else shlex.quote(word)
        if resolve(store, word) is not None or store.record(word.casefold()) is not None:
            return f"aigap show {quoted}"
        if search(store, [word], 1).total:
            return f"aigap search {quoted}"
        return None

    try:
        settings = _settings(ctx)
        return with_store(settings.facts, lookup, settings.max_bytes)
    except Exception:  # a hint must never replace the usage error itself
        return None


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


def _report(exc: "AigapError", lang: Literal["en", "ko"]) -> None:
    from aigap.output.render import safe

    for line in exc.lines(lang):
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
    facts: tuple[str, ...]  # the fact files read as one base, packaged first
    max_bytes: int | None


class _Root(msgspec.Struct, frozen=True):
    """The global options as given, before they are resolved to files."""

    facts: tuple[str, ...] | None
    packaged: bool
    max_bytes: int | None


def _fact_files(given: Sequence[str] | None, packaged: bool) -> tuple[str, ...]:
    """The packaged base (unless --no-packaged) plus the user's files and directories.

    ``--facts`` (repeatable) wins over ``AIGAP_FACTS`` (a list separated by
    os.pathsep); a directory stands for its *.yaml and *.yml files.
    """
    from aigap.factfiles.files import FACTS_ENV, expand_fact_paths, packaged_facts_path

    user = list(given or ())
    if not user:
        user = [p for p in os.environ.get(FACTS_ENV, "").split(os.pathsep) if p]
    if not packaged and not user:
        from aigap.core.errors import AigapError

        raise AigapError.said("error.no_fact_file")
    files = [str(packaged_facts_path())] if packaged else []
    return expand_fact_paths([*files, *user])


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aigap {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    facts: Annotated[
        list[str] | None,
        typer.Option(
            "--facts",
            metavar="PATH",
            help=(
                "Your fact file or directory of *.yaml files, read together with the packaged"
                " base (repeatable; default: AIGAP_FACTS, a list separated by"
                f" {os.pathsep!r})."
            ),
            show_default=False,
        ),
    ] = None,
    no_packaged: Annotated[
        bool,
        typer.Option(
            "--no-packaged",
            envvar="AIGAP_NO_PACKAGED",
            help="Leave out the packaged fact base: read only the --facts files.",
        ),
    ] = False,
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
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help=(
                "Language of what aigap writes, errors too: en or ko"
                " (default: AIGAP_LANG, else en)."
            ),
            parser=_parse_lang,
            callback=_take_lang,
            metavar="[en|ko]",
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
    ctx.obj = _Root(tuple(facts) if facts else None, not no_packaged, max_bytes)


def _settings(ctx: "ClickContext") -> Settings:
    """The global options; --facts after the command (``gap mmlu --facts F``) adds to them."""
    root = ctx.find_root()
    obj = root.obj
    if not isinstance(obj, _Root):  # before the callback ran (an unknown command's hint)
        given = root.params.get("facts")
        obj = _Root(
            tuple(given) if given else None,
            not root.params.get("no_packaged", False),
            root.params.get("max_bytes"),
        )
    facts, max_bytes = ctx.params.get("facts"), ctx.params.get("max_bytes")
    given = (*(obj.facts or ()), *(facts or ()))
    return Settings(
        _fact_files(given, obj.packaged), max_bytes if max_bytes is not None else obj.max_bytes
    )


def _answer(ctx: typer.Context, query: Callable[["Store"], T]) -> T:
    """Run a query on the active fact base (through its cache)."""
    from aigap.opener import with_store

    settings = _settings(ctx)
    return with_store(settings.facts, query, settings.max_bytes)


def _print(
    ctx: typer.Context,
    opts: "ListingOptions",
    query: Callable[["Store"], T],
    layout: Callable[[T, Literal["en", "ko"]], "Listing"],
    total: Callable[[T], int],
) -> None:
    """Answer a query, lay the answer out as a Listing and print it as ``opts`` say.

    The query cuts its rows to ``opts.rows`` (in SQL, or with ``_first`` before the
    layout); ``total`` says how many there were, for the table's "N more" note.
    """
    from aigap.core.labels import label
    from aigap.output.render import print_listing

    found = _answer(ctx, query)
    listing = _more(layout(found, opts.code), opts, total(found))
    listing.empty = label("nothing_matches", opts.code)
    print_listing(listing, opts.fmt.value, opts.svg)


def _first(rows: Sequence[R], count: int | None) -> tuple[Sequence[R], int]:
    """The first ``count`` rows (all when None) and how many there are.

    For a listing whose table has header rows between its records (a group per
    benchmark, per unit): cut before the layout, so headers, notes and sources
    are those of the rows shown.
    """
    return (rows if count is None else rows[:count]), len(rows)


def _more(listing: "Listing", opts: "ListingOptions", total: int) -> "Listing":
    """Under a cut table, how many more rows there are and how to see them."""
    shown = len(listing.records)
    if total > shown and opts.fmt is Format.table:
        from aigap.core.labels import label

        listing.notes.append(label("note.more", opts.code, count=total - shown))
    return listing


def _complete(
    ctx: typer.Context, incomplete: str, ids: Callable[["Store"], list[str]]
) -> list[str]:
    try:
        found = _answer(ctx, ids)
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [i for i in found if i.startswith(incomplete.casefold())]


def _complete_benchmark(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, lambda s: [b.id for b in s.benchmarks()])


def _benchmark_argument(help: str) -> "ArgumentInfo":
    info: ArgumentInfo = typer.Argument(
        help=help, autocompletion=_complete_benchmark, callback=_nfc, show_default=False
    )
    return info


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output format (csv-excel: CSV with a byte-order mark, for Excel).",
        case_sensitive=False,
    ),
]
LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        help=(
            "Language of what aigap writes, errors too: en or ko (default: AIGAP_LANG,"
            " else en; locale forms such as ko_KR.UTF-8 work)."
        ),
        parser=_parse_lang,
        callback=_take_lang,
        metavar="[en|ko]",
    ),
]
SvgOption = Annotated[
    str | None,
    typer.Option("--svg", metavar="FILE", help="Also save the table as an SVG picture."),
]
# The global options again, so they also work after the command (no envvar
# here: the one before the command reads it).
FactsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--facts",
        metavar="PATH",
        help="Your fact file or directory, added to the base (as before the command).",
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
LIMIT_MAX = 2**63 - 1  # SQLite's largest integer: a row limit past it is a usage error
LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit",
        "-n",
        metavar="N",
        min=0,
        max=LIMIT_MAX,
        help=f"Show the first N rows (tables: {TABLE_ROWS} by default; 0 = all).",
        show_default=False,
    ),
]


class ListingOptions(msgspec.Struct, frozen=True):
    """The options every listing command shares (``--facts``/``--max-bytes`` stay in ctx)."""

    fmt: Format
    lang: Lang
    svg: str | None
    limit: int | None = None  # as given: None when --limit is not

    @property
    def code(self) -> Literal["en", "ko"]:
        return _code(self.lang)

    @property
    def rows(self) -> int | None:
        """How many rows to show (None: all): a table the first TABLE_ROWS, a machine format all."""
        if self.limit is None:
            return TABLE_ROWS if self.fmt is Format.table else None
        return self.limit or None


def _shared(name: str, annotation: object, default: object) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


# Declared once, appended to every listing command's own parameters.
_LISTING_PARAMETERS = (
    _shared("fmt", FormatOption, Format.table),
    _shared("lang", LangOption, Lang.en),
    _shared("svg", SvgOption, None),
    _shared("limit", LimitOption, None),
    _shared("facts", FactsOption, None),
    _shared("max_bytes", MaxBytesOption, None),
)


def _listing_options(command: Callable[..., None], rows: bool = True) -> Callable[..., None]:
    """Give ``command(ctx, ..., *, opts)`` the shared options as Typer parameters.

    Typer reads a command's parameters from its signature, so the wrapper's
    signature is the command's own (without ``opts``) plus the shared ones;
    ``--facts``/``--max-bytes`` are read from the context by ``_settings``.
    A command that declares a shared option itself (search's --limit) keeps
    its own; one that shows no rows (``rows=False``) has no --limit.
    """
    own = [
        p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "opts"
    ]
    mine = {p.name for p in own}
    shared = [p for p in _LISTING_PARAMETERS if p.name not in mine and (rows or p.name != "limit")]
    names = {p.name for p in shared}

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:  # each of the type its parameter declares
        opts = ListingOptions(
            kwargs.pop("fmt"),
            kwargs.pop("lang"),
            kwargs.pop("svg"),
            kwargs.pop("limit") if "limit" in names else None,
        )
        del kwargs["facts"], kwargs["max_bytes"]
        command(**kwargs, opts=opts)

    parameters = [*own, *shared]
    wrapper.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
    return wrapper


def _lazy(name: str) -> Any:
    """``module:attribute``, imported when a command runs, not at start-up."""
    import importlib

    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)


def _listing_command(name: str, query: str, layout: str, doc: str, section: str) -> None:
    """Register a command that lays out one query's rows, with the shared options only.

    The query takes a row limit (cut in SQL); ``section`` is what the store counts.
    """

    def command(ctx: typer.Context, *, opts: ListingOptions) -> None:
        rows = opts.rows
        # known by name only: rows of this command's kind, laid out by its layout
        select: Callable[..., Sequence[object]] = _lazy(query)
        lay_out: Callable[..., Listing] = _lazy(layout)

        def answer(store: "Store") -> "tuple[Sequence[object], int]":
            found = select(store, limit=rows)
            return found, store.count(section) if rows is not None else len(found)

        _print(ctx, opts, answer, lambda found, code: lay_out(found[0], code), lambda f: f[1])

    command.__doc__ = doc
    app.command(name)(_listing_options(command))


@app.command()
@_listing_options
def gap(
    ctx: typer.Context,
    benchmark: Annotated[
        str | None,
        _benchmark_argument(
            "Benchmark id or alias (mmlu, mmmu, math, humaneval, arena, 수학, ...)."
        ),
    ] = None,
    *,
    opts: ListingOptions,
) -> None:
    """Show how the US–China gap on a benchmark changed, with its source.

    Without a benchmark, every gap in one table, grouped by unit.

    [b]Examples[/b]

      aigap gap mmlu

      aigap gap human-eval --format json

      aigap gap
    """
    from aigap.answers.gaps import gap_rows
    from aigap.output.gaps import gap_listing

    single = benchmark is not None
    _print(
        ctx,
        opts,
        lambda s: _first(gap_rows(s, benchmark, opts.code), opts.rows),
        lambda found, code: gap_listing(found[0], code, single=single),
        lambda found: found[1],
    )


SinceOption = Annotated[
    str | None,
    typer.Option(
        help="Only entries on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
        show_default=False,
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(help="Only entries on or before this date.", show_default=False),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        help="Only facts with this tag (repeatable); an unknown tag lists the known ones.",
        show_default=False,
    ),
]
KindsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        help="Only these kinds (repeatable): events, gaps, scores, market, quotes, claims, ...",
        show_default=False,
    ),
]


@app.command()
@_listing_options
def timeline(
    ctx: typer.Context,
    since: SinceOption = None,
    until: UntilOption = None,
    tag: TagOption = None,
    kind: KindsOption = None,
    *,
    opts: ListingOptions,
) -> None:
    """Tell the whole story in date order: events, gap readings, scores, market moves, quotes.

    Every dated entry of every kind of fact, each with its figure: a gap
    gives one entry per dated reading. Dates are ISO 8601 (2025-01-20, or
    2025-01 / 2023 when only that is known); a month sorts before its days
    and matches a range it overlaps. --since after --until is an error, as
    is a tag no fact has (the message lists the known tags); both exit 2.

    [b]Examples[/b]

      aigap timeline

      aigap timeline --since 2025-01 --until 2025-01-31

      aigap timeline --kind gaps --kind market

      aigap timeline --tag market --format csv
    """
    from aigap.answers.timeline import story
    from aigap.core.dates import parse_partial_date
    from aigap.output.timeline import story_listing

    sections = [_fact_kind(k) or "" for k in kind or ()]
    start = parse_partial_date(since) if since else None
    end = parse_partial_date(until) if until else None
    rows = opts.rows
    _print(
        ctx,
        opts,
        lambda s: story(s, opts.code, start, end, tag or (), sections, limit=rows),
        story_listing,
        lambda found: found.total,
    )


def _complete_id(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, incomplete, lambda s: s.ids())


IdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID|NAME",
        help="A fact, source or benchmark id, or an entity's name or alias (altman, 엔비디아).",
        autocompletion=_complete_id,
        callback=_nfc,
        show_default=False,
    ),
]


@app.command()
@_listing_options
def scores(
    ctx: typer.Context,
    benchmark: Annotated[
        str | None, _benchmark_argument("Benchmark id or alias (arena, aime, math500, ...).")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            metavar="NAME",
            callback=_nfc,
            help="Only this model (id, name or alias: r1, o1, 딥시크 R1, ...).",
            show_default=False,
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            metavar="NAME",
            callback=_nfc,
            help="Only models of this organisation (deepseek, openai, 구글, ...).",
            show_default=False,
        ),
    ] = None,
    *,
    opts: ListingOptions,
) -> None:
    """Rank model scores on a benchmark, with each model's lead over the next.

    Without a benchmark, every benchmark that has scores, one group each.
    --model and --org keep one model's or organisation's scores (ranks stay
    those of the whole benchmark).

    [b]Examples[/b]

      aigap scores arena

      aigap scores aime --format json

      aigap scores --org deepseek
    """
    from aigap.answers.scores import score_rows
    from aigap.output.scores import scores_listing

    _print(
        ctx,
        opts,
        lambda s: _first(score_rows(s, benchmark, model, org), opts.rows),
        lambda found, code: scores_listing(found[0], code),
        lambda found: found[1],
    )


_listing_command(
    "market",
    "aigap.answers.market:market_rows",
    "aigap.output.market:market_listing",
    """Show the share-price and index moves of the DeepSeek sell-off.

    [b]Examples[/b]

      aigap market

      aigap market --format csv > selloff.csv
    """,
    "market",
)


_listing_command(
    "costs",
    "aigap.answers.costs:cost_rows",
    "aigap.output.costs:costs_listing",
    """Show the training-cost and hardware claims, as the article states them.

    [b]Examples[/b]

      aigap costs

      aigap costs --lang ko
    """,
    "costs",
)


@app.command()
@_listing_options
def quotes(
    ctx: typer.Context,
    who: Annotated[
        str | None,
        typer.Option(
            "--who",
            metavar="NAME",
            callback=_nfc,
            help="Only quotes by this speaker or by people of this organisation (altman, openai).",
        ),
    ] = None,
    *,
    opts: ListingOptions,
) -> None:
    """List attributed statements: speaker, role, the quote in Korean and English.

    [b]Examples[/b]

      aigap quotes

      aigap quotes --who altman --format json

      aigap quotes --who openai
    """
    from aigap.answers.quotes import quotes_page
    from aigap.output.quotes import quotes_listing

    _print(
        ctx,
        opts,
        lambda s: quotes_page(s, who, opts.rows),
        lambda f, code: quotes_listing(f.rows, code),
        lambda f: f.total,
    )


def _fact_kind(value: str | None) -> str | None:
    if value is None:
        return None
    from aigap import kinds

    section = kinds.section_named(value)
    if section is None:
        from aigap.core.errors import Phrase
        from aigap.usage_errors import BadValue

        raise BadValue(
            Phrase("usage.choice", {"value": value, "choices": ", ".join(kinds.sections())})
        )
    return section


def _stream_facts(ctx: typer.Context, kind: str | None, opts: ListingOptions) -> None:
    """CSV or JSON, every row written as it is built: 100,000 facts are never held in
    a list. JSON records carry every field (``record``), as ``show -f json`` has them."""
    from aigap.output.facts import FACT_FIELDS, fact_record
    from aigap.output.render import write_csv, write_json_array

    def stream(store: "Store") -> None:
        benchmarks = {b.id: b for b in store.benchmarks()}
        found = store.iter_select(kind, limit=opts.rows)
        if opts.fmt in (Format.csv, Format.csv_excel):
            rows = (fact_record(f, opts.code, benchmarks) for f in found)
            write_csv(rows, sys.stdout, FACT_FIELDS, excel=opts.fmt is Format.csv_excel)
            return
        from aigap.output.show import record_detail

        records = (
            {**fact_record(f, opts.code, benchmarks), "record": record_detail(f)} for f in found
        )
        write_json_array(records, sys.stdout)

    _answer(ctx, stream)


@app.command()
@_listing_options
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
    *,
    opts: ListingOptions,
) -> None:
    """List every fact of every kind, one line each, in file order.

    [b]Examples[/b]

      aigap facts

      aigap facts --kind claims --format markdown
    """
    from aigap.answers.facts import fact_rows
    from aigap.answers.sources import sources_of
    from aigap.output.facts import facts_listing

    rows = opts.rows
    if opts.fmt in (Format.csv, Format.csv_excel, Format.json) and opts.svg is None:
        _stream_facts(ctx, kind, opts)
        return

    def query(
        store: "Store",
    ) -> "tuple[list[Fact], dict[str, Benchmark], dict[str, Source], int]":
        found = fact_rows(store, kind, limit=rows)
        benchmarks = {b.id: b for b in store.benchmarks()}
        total = store.count(kind) if rows is not None else len(found)
        return found, benchmarks, sources_of(store, found), total

    def layout(
        found: "tuple[list[Fact], dict[str, Benchmark], dict[str, Source], int]",
        code: 'Literal["en", "ko"]',
    ) -> "Listing":
        listing = facts_listing(*found[:3], code, total=found[3])
        if opts.fmt is Format.json:  # every field of every fact, as `show -f json` has them
            from aigap.output.show import record_detail

            for record, fact in zip(listing.records, found[0], strict=True):
                record["record"] = record_detail(fact)
        return listing

    _print(ctx, opts, query, layout, lambda found: found[3])


SEARCH_LIMIT = 10  # hits a table shows unless --limit says otherwise


@app.command()
@_listing_options
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            callback=_nfc_words,
            help="Words to look for, in any order, English or Korean; no quotes needed.",
            show_default=False,
        ),
    ],
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            metavar="N",
            min=1,
            max=LIMIT_MAX,
            help=f"Show the best N hits (table default {SEARCH_LIMIT}; json and csv: all).",
            show_default=False,
        ),
    ] = None,
    *,
    opts: ListingOptions,
) -> None:
    """Ask a question: facts, sources and benchmarks ranked by relevance, each with its answer.

    Each hit shows the figure with its unit and date (or the quote, the
    event), who, the source and the fact id for show and cite. Words match
    whole words; English inflections (lost, founded) and Korean particles
    (엔비디아는) match too; words like "how much did" count for nothing.
    No match is not an error: the table says so and JSON is [].

    [b]Examples[/b]

      aigap search how much did nvidia lose

      aigap search R1 AIME

      aigap search 딥시크 훈련 비용 --format json
    """
    from aigap.answers.search import search as find
    from aigap.output.search import search_listing

    shown = limit if limit is not None or opts.fmt is not Format.table else SEARCH_LIMIT
    # search cuts to its own --limit and says itself how many more hits there are
    _print(
        ctx,
        opts,
        lambda s: find(s, words, shown, opts.code),
        search_listing,
        lambda found: len(found.hits),
    )


@app.command()
@_listing_options
def show(
    ctx: typer.Context,
    record_id: IdArgument,
    *,
    opts: ListingOptions,
) -> None:
    """Show a fact, source or benchmark in full, or everything about an entity (a name).

    [b]Examples[/b]

      aigap show market-nvidia-2025-01-27

      aigap show altman

      aigap show 엔비디아 --format json
    """
    from aigap.answers.show import detail
    from aigap.output.render import check_svg_path, print_listing, save_table_svg, write_json
    from aigap.output.show import detail_data, detail_listing

    if opts.svg is not None:
        check_svg_path(opts.svg)  # before anything is printed
    from aigap.answers.entities import Page, find_page
    from aigap.output.entities import page_data, page_listing

    def answer(store: "Store") -> "Page | Detail":
        found = find_page(store, record_id, opts.rows)
        return found if isinstance(found, Page) else detail(store, found)

    found = _answer(ctx, answer)

    def layout() -> "Listing":
        if isinstance(found, Page):
            return page_listing(found, opts.code)
        return detail_listing(found, opts.code)

    if opts.fmt is not Format.json:
        print_listing(layout(), opts.fmt.value, opts.svg)
        return
    if isinstance(found, Page):
        write_json(page_data(found, opts.code), sys.stdout)
    else:
        write_json(detail_data(found, opts.code), sys.stdout)
    if opts.svg is not None:
        save_table_svg(layout(), opts.svg)


class CiteStyle(StrEnum):
    plain = "plain"
    bibtex = "bibtex"
    apa = "apa"
    chicago = "chicago"
    csl_json = "csl-json"


_listing_command(
    "sources",
    "aigap.answers.sources:source_rows",
    "aigap.output.sources:sources_listing",
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
    """Print a citation for a fact, a source article, or the sources of what a name is about.

    [b]Examples[/b]

      aigap cite gap-mmlu

      aigap cite mk-2025-01-29 --style bibtex >> refs.bib

      aigap cite mmlu --style csl-json > mmlu.json

      aigap cite altman --style apa
    """
    from aigap.answers.entities import find_page
    from aigap.core.model import Fact, Source
    from aigap.output.citation import cite_all, facts_about

    code = _code(lang)

    def query(store: "Store") -> "tuple[list[tuple[Source, Fact | None]], dict[str, str]]":
        page = find_page(store, record_id)
        if isinstance(page, Source):
            return [(page, None)], {}
        if isinstance(page, Fact):
            return [(store.source(page.source), page)], {}
        # a benchmark or an entity: every source its facts come from, once, noting which
        name = page.entity.name.get(code)
        about = {
            sid: facts_about(name, [f.id for f in page.facts if f.source == sid], code)
            for sid in page.sources
        }
        return [(s, None) for s in page.sources.values()], about

    cited, about = _answer(ctx, query)
    if not cited:
        from aigap.core.errors import AigapError

        raise AigapError.said("error.nothing_to_cite", id=record_id)
    sys.stdout.write(cite_all(cited, style.value, code, about) + "\n")


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


def _sources_dir(ctx: typer.Context, value: str | None) -> str | None:
    """--sources must name a readable directory: a usage error, not a fact-file one."""
    if value is not None and not (os.path.isdir(value) and os.access(value, os.R_OK)):
        from aigap.core.errors import Phrase
        from aigap.output.render import safe
        from aigap.usage_errors import BadValue

        if not os.path.exists(value):
            why = "usage.no_dir"
        else:
            why = "usage.not_dir" if not os.path.isdir(value) else "usage.unreadable"
        raise BadValue(Phrase(why, {"path": safe(value, keep_newlines=False)}))
    return value


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
            callback=_sources_dir,
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
    from aigap.answers.checks import check_counted, exit_code

    settings = _settings(ctx)
    problems: list[Problem] = []
    read: list[tuple[str, list[Problem], int]] = []
    # Without a path: the active base, its files read as one (ids unique across them).
    targets: list[str | tuple[str, ...]] = list(paths or ()) or [settings.facts]
    for target in targets:
        checked = check_counted(target, sources, settings.max_bytes)
        problems += checked.problems
        name = target if isinstance(target, str) else " + ".join(target)
        read.append((name, checked.problems, checked.facts))
    _write_check(problems, read, fmt)
    raise typer.Exit(exit_code(problems))


def _write_check(
    problems: "list[Problem]", read: "list[tuple[str, list[Problem], int]]", fmt: CheckFormat
) -> None:
    """Problems on stdout; on stderr each file checked and how many facts it held."""
    from aigap.answers.checks import as_json, summary, text_lines
    from aigap.output.render import safe, write_json

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


class VerifyFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command()
def verify(
    ctx: typer.Context,
    draft: Annotated[
        str,
        typer.Argument(
            metavar="[FILE]",
            help="The draft: plain text or Markdown, UTF-8 (- or none: standard input).",
            show_default=False,
        ),
    ] = "-",
    fmt: Annotated[
        VerifyFormat,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = VerifyFormat.table,
    lang: LangOption = Lang.en,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """Check a draft's figures, dates and quotations against the fact base.

    Every figure with its unit, date and quotation that is about the base's
    subjects is listed with a verdict: supported, contradicted, wrong unit,
    misattributed or unverified, with what the base says, the fact and its
    source. Exits 1 when something is contradicted, in the wrong unit or
    misattributed, else 0 (a pre-commit hook or CI job can run it).

    [b]Examples[/b]

      aigap verify draft.md

      pbpaste | aigap verify --lang ko

      aigap verify story.txt --format markdown > checklist.md
    """
    from aigap.answers.verify import read_draft_bytes, read_draft_file
    from aigap.answers.verify import verify as check_draft
    from aigap.output.verify import report_listing, write_checklist, write_report_json

    code = _code(lang)
    if draft == "-":
        from aigap.answers.verify import MAX_DRAFT_BYTES
        from aigap.core.labels import label

        text = read_draft_bytes(sys.stdin.buffer.read(MAX_DRAFT_BYTES + 1), "-")
        name = label("verify.stdin", code)
    else:
        text = read_draft_file(draft)
        name = draft
    report = _answer(ctx, lambda store: check_draft(store, text, code))
    if fmt is VerifyFormat.json:
        write_report_json(report, sys.stdout)
    elif fmt is VerifyFormat.markdown:
        write_checklist(report, name, code, sys.stdout)
    else:
        from aigap.output.render import make_console, print_table

        print_table(make_console(), report_listing(report, name, code))
    raise typer.Exit(1 if report.errors else 0)


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
    from aigap.output import chart as charts
    from aigap.output.files import check_target

    charts.chart_format(out)  # a wrong name fails before any work
    check_target(out)  # and so does a file aigap did not write
    code = _code(lang)
    if kind is ChartKind.gap:
        figure = charts.gap_figure(_answer(ctx, lambda s: charts.gap_rows(s, benchmark)), code)
    else:
        figure = charts.scores_figure(_answer(ctx, lambda s: charts.score_rows(s, benchmark)), code)
    charts.save(figure, out)


@app.command()
def brief(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[NAME]",
            help="An entity, benchmark, fact or source id; default: the whole story.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = Lang.en,
    facts: FactsOption = None,
    max_bytes: MaxBytesOption = None,
) -> None:
    """A short Markdown brief to paste into a story: key figures and quotes, with
    footnote citations (English or Korean).

    Quotation marks only around a speaker's own words: the article's words and
    aigap's English renderings are given without them, and say so.

    [b]Examples[/b]

      aigap brief

      aigap brief nvidia --lang ko

      aigap brief mmlu > mmlu.md
    """
    from aigap.answers.brief import brief as select
    from aigap.output.brief import brief_markdown

    found = _answer(ctx, lambda store: select(store, _nfc(name)))
    sys.stdout.write(brief_markdown(found, _code(lang)))


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
    from aigap.output.export import export as write_export
    from aigap.output.render import safe

    counts = _answer(ctx, lambda store: write_export(store, directory))
    rows = ", ".join(f"{name} {n}" for name, n in counts.items())
    # the name as typed, made safe: an escape sequence or a newline in it stays text
    sys.stdout.write(f"{safe(directory, keep_newlines=False)}: {len(counts)} resources ({rows})\n")


def _prepare_streams() -> None:
    """A closed stdout is an error, and no encoding makes printing crash.

    A character the terminal's encoding cannot show (Korean under Latin-1, a
    stray byte from a non-UTF-8 argument) is printed as a backslash escape.
    """
    if sys.stderr is None:  # 2>&-: messages go nowhere rather than crash
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:  # >&-: Python leaves no stream; say so instead of exiting 0
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        _fail_output(_StdoutClosed(errno.EBADF, "standard output is closed"))
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    sys.stderr = _Messages(sys.stderr)


class _Messages:
    """Standard error that never fails: when its reader is gone (a closed pipe, a
    full disk) the message is lost, but the exit code stays the command's own
    (Click would exit 1 on the broken pipe)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError):
            return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:  # encoding, isatty, fileno: the stream's own
        return getattr(self._stream, name)


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
    closed = isinstance(error, _StdoutClosed)
    from aigap.core.errors import Phrase, os_reason

    reason = Phrase("error.stdout_closed") if closed else os_reason(error)
    try:
        sys.stderr.write(f"aigap: {_last_words('error.output', why=reason)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(EXIT_OUTPUT)


def _last_words(key: str, **fields: object) -> str:
    """A message of main()'s last resort, in the language of the command line."""
    from aigap.core.errors import Phrase

    return Phrase(key, fields).text(_error_lang(None, sys.argv[1:]))


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
        from aigap.output.render import safe  # the message may quote fact-file text

        what = f"{type(exc).__name__}: {safe(str(exc)[:500])}"
        try:
            said = _last_words("error.internal", what=what).replace("\n", "\naigap: ")
        except Exception:  # the bug may be in the catalogue itself: say it in English
            said = (
                f"internal error: {what}\n"
                "aigap: set AIGAP_DEBUG=1 to see the traceback, and please report it"
            )
        sys.stderr.write(f"aigap: {said}\n")
        sys.exit(70)
