"""The aigap command line: parse arguments, call the library, print.

Only Typer is imported at start-up; each command imports what it uses, so
`aigap --help` and a warm `aigap gap mmlu` stay close to Typer's own floor.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from aigap import __version__
from aigap.record import Record

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class Lang(StrEnum):
    en = "en"
    ko = "ko"


def _write_error(lines: list[str]) -> None:
    from aigap.render import safe

    for line in lines:
        sys.stderr.write(f"aigap: {safe(line)}\n" if not line.startswith("  ") else safe(line))
    sys.stderr.flush()


class _Group(TyperGroup):
    """Turns every AigapError into its message on stderr and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        from aigap.errors import AigapError

        try:
            return super().invoke(ctx)
        except AigapError as exc:
            _report(exc)
            raise typer.Exit(exc.exit_code) from None


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


def _complete_benchmark(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        from aigap.store import with_store

        settings = _settings(ctx)
        ids = with_store(
            settings.facts,
            lambda store: [b.id for b in store.records("benchmarks")],
            settings.max_bytes,
        )
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [i for i in ids if i.startswith(incomplete.casefold())]


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
    from aigap.render import print_listing
    from aigap.store import with_store

    settings = _settings(ctx)
    rows = with_store(settings.facts, lambda s: gap_rows(s, benchmark), settings.max_bytes)
    listing = gap_listing(rows, lang.value, single=benchmark is not None)  # type: ignore[arg-type]
    print_listing(listing, fmt.value, svg)


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
    from aigap.queries import parse_partial_date, sources_by_id
    from aigap.queries import timeline as select_events
    from aigap.render import print_listing
    from aigap.store import with_store

    settings = _settings(ctx)
    start = parse_partial_date(since) if since else None
    end = parse_partial_date(until) if until else None

    def query(store: Any) -> tuple[Any, Any]:
        events = select_events(store.records("events"), start, end, tag or ())
        return events, sources_by_id(store, (e.source for e in events))

    events, sources = with_store(settings.facts, query, settings.max_bytes)
    print_listing(timeline_listing(events, sources, lang.value), fmt.value, svg)  # type: ignore[arg-type]


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    _write_error([message])
    raise typer.Exit(code)


def main() -> None:
    """Entry point: no traceback for anything a user can cause."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # the reader (e.g. `head`) went away: not an error worth reporting
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as exc:  # a bug: say so in one line, not a traceback
        if os.environ.get("AIGAP_DEBUG"):
            raise
        sys.stderr.write(
            f"aigap: internal error: {type(exc).__name__}: {exc}\n"
            "aigap: set AIGAP_DEBUG=1 to see the traceback, and please report it\n"
        )
        sys.exit(70)
