"""The ``aigap`` app: the root callback with the global options, and the commands.

Each command lives in its own module (``listings`` holds the listing
commands); it imports what it uses when it runs, so start-up loads Typer,
these modules and nothing of the library's data side.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from aigap import __version__
from aigap.cli import listings, runtime
from aigap.cli.brief import brief
from aigap.cli.chart import chart
from aigap.cli.check import check
from aigap.cli.cite import cite
from aigap.cli.export import export
from aigap.cli.framework import Command, Group, Started
from aigap.cli.options import FactsOpt, LangOpt, MaxBytesOpt, NoPackagedOpt
from aigap.cli.search import search
from aigap.cli.show import show
from aigap.cli.usage import UsageProblem
from aigap.cli.verify import verify
from aigap.core.errors import Phrase

app = typer.Typer(
    cls=Group,
    name="aigap",
    no_args_is_help=True,
    invoke_without_command=True,  # so a missing command is said in the run's language
    suggest_commands=False,  # framework.Group says what a word that is no command may mean
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"aigap {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
    lang: LangOpt = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True),
    ] = False,
) -> None:
    if ctx.invoked_subcommand is None:
        raise UsageProblem(ctx, Phrase("usage.missing_command"))


COMMANDS: tuple[Callable[..., None], ...] = (
    listings.gap,
    listings.timeline,
    listings.scores,
    listings.market,
    listings.costs,
    listings.quotes,
    listings.facts,
    search,
    show,
    listings.sources,
    cite,
    check,
    verify,
    chart,
    brief,
    export,
)
for command in COMMANDS:
    app.command(cls=Command)(command)


def main(when_parsed: Callable[[], None] = lambda: None) -> None:
    """Run aigap on ``sys.argv``; ``when_parsed`` runs once the command line is parsed."""
    runtime.run(lambda: app(obj=Started(when_parsed)))
