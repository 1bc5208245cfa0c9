"""aigap's Group and Command: Typer's classes, extended through Click's public methods.

- ``make_context`` / ``invoke``: usage errors in the run's language
  (``usage``), aigap's own errors as one message and an exit code, failed
  writes to stdout reported by ``runtime.run``.
- ``resolve_command``: a word that is no command gets a useful hint.
- ``parse_args``: extra words after a command are aigap's usage error, said
  in the run's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import typer
from typer.core import TyperCommand, TyperGroup

from aigap.cli import helptext, runtime, usage
from aigap.core.errors import AigapError, Phrase
from aigap.core.labels import label

# in ctx.meta: the command line as given, to say a usage error in its --lang
LINE = "aigap.line"


class Started:
    """What the process's starter passes as the root context's ``obj``.

    ``when_parsed`` runs once the command line is parsed, before the command's
    own work (aigap.__main__ turns the garbage collector back on there).
    """

    def __init__(self, when_parsed: Callable[[], None]) -> None:
        self.when_parsed = when_parsed


# Click's methods are typed with Click's Context, which Typer does not export;
# context_class makes every context of aigap's a typer.Context, the public
# subclass, hence the narrower parameter types (type: ignore[override]).


class Group(TyperGroup):
    """The ``aigap`` group: errors in the run's language, hints for unknown commands."""

    context_class = typer.Context

    def make_context(  # type: ignore[override]
        self,
        info_name: str | None,
        args: list[str],
        parent: typer.Context | None = None,
        **extra: Any,  # Context's keyword arguments, as Click passes them
    ) -> typer.Context:
        line = list(args)
        with runtime.output_errors(), usage.in_the_runs_language(line):  # --help writes here
            ctx = super().make_context(info_name, args, parent, **extra)
        return cast(typer.Context, ctx)

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        ctx.meta[LINE] = list(args)  # before --help, which is eager, renders in its --lang
        return super().parse_args(ctx, args)

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]  # what the command returned
        if isinstance(ctx.obj, Started):
            ctx.obj.when_parsed()
        line = ctx.meta.get(LINE, ())
        try:
            with runtime.output_errors(), usage.in_the_runs_language(line):
                return super().invoke(ctx)
        except AigapError as exc:
            runtime.report(exc, runtime.line_lang(ctx, line))
            raise typer.Exit(exc.exit_code) from None

    def resolve_command(  # type: ignore[override]
        self, ctx: typer.Context, args: list[str]
    ) -> tuple[str | None, object, list[str]]:  # the command: Click's type, not exported
        word = args[0] if args else ""
        if word and not word.startswith("-") and self.get_command(ctx, word) is None:
            usage.unknown_command(ctx, args, self.list_commands(ctx))
        return super().resolve_command(ctx, args)

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:  # type: ignore[override]
        _format_help(self, ctx, formatter, super().format_help)

    def format_usage(self, ctx: typer.Context, formatter: Any) -> None:  # type: ignore[override]
        _format_usage(self, ctx, formatter)


class Command(TyperCommand):
    """An aigap command: words left over after its arguments are a usage error of ours."""

    context_class = typer.Context
    allow_extra_args = True  # read below, so the error is said in the run's language

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        rest = super().parse_args(ctx, args)
        if ctx.args:
            raise usage.UsageProblem(ctx, Phrase("usage.extra", {"args": " ".join(ctx.args)}))
        return rest

    def format_help(self, ctx: typer.Context, formatter: Any) -> None:  # type: ignore[override]
        _format_help(self, ctx, formatter, super().format_help)

    def format_usage(self, ctx: typer.Context, formatter: Any) -> None:  # type: ignore[override]
        _format_usage(self, ctx, formatter)


# Click's HelpFormatter is not exported by Typer either: formatter is Any.


def _format_help(
    command: Group | Command,
    ctx: typer.Context,
    formatter: Any,
    render: Callable[[Any, Any], None],
) -> None:
    """The help page in the run's language, its texts from the catalogue."""
    code = runtime.line_lang(ctx, ctx.meta.get(LINE, ()))
    with helptext.in_language(command, ctx, code):
        render(ctx, formatter)


def _format_usage(command: Group | Command, ctx: typer.Context, formatter: Any) -> None:
    """The usage line; its prefix ("Usage: ") in the run's language."""
    code = runtime.line_lang(ctx, ctx.meta.get(LINE, ()))
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=label("help.usage", code))
