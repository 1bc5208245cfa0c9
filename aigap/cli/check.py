"""``aigap check``: a fact file's problems, for its curator.

Its library modules are imported when the command runs, not at start-up:
``aigap --help`` and the other commands do not load them.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import msgspec
import typer

from aigap.cli import runtime
from aigap.cli.options import (
    CheckFormat,
    FactsOpt,
    LangOpt,
    MaxBytesOpt,
    NoPackagedOpt,
    format_option,
    path,
)
from aigap.cli.usage import BadValue
from aigap.core.errors import Phrase

if TYPE_CHECKING:
    from aigap.core.errors import Problem


def sources_dir(value: str | None) -> str | None:
    """--sources must name a readable directory: a usage error, not a fact-file one."""
    if value is not None and not (os.path.isdir(value) and os.access(value, os.R_OK)):
        from aigap.output.render import safe  # only to word the refusal

        if not os.path.exists(value):
            why = "usage.no_dir"
        else:
            why = "usage.not_dir" if not os.path.isdir(value) else "usage.unreadable"
        raise BadValue(Phrase(why, {"path": safe(value, keep_newlines=False)}))
    return value


class Checked(msgspec.Struct, frozen=True):
    """One file (or the active base, its files as one) and what was found in it."""

    path: str
    problems: list[Problem]
    facts_read: int


def check(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            parser=path,
            show_default=False,
        ),
    ] = None,
    sources: Annotated[
        str | None,
        typer.Option(
            "--sources",
            metavar="DIR",
            parser=path,
            callback=sources_dir,
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[CheckFormat, format_option(CheckFormat)] = CheckFormat.text,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Check a fact file: syntax, schema, references, quotes and recomputed figures.

    The help page is help.check in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.checks import check_counted, exit_code

    found = runtime.settings(ctx)
    # Without a path: the active base, its files read as one (ids unique across them).
    targets: list[str | tuple[str, ...]] = list(paths or ()) or [found.facts]
    checked = []
    for target in targets:
        result = check_counted(target, sources, found.max_bytes)
        path = target if isinstance(target, str) else " + ".join(target)
        checked.append(Checked(path, result.problems, result.facts))
    _write(checked, fmt, runtime.lang(ctx))
    raise typer.Exit(exit_code([p for c in checked for p in c.problems]))


def _write(checked: list[Checked], fmt: CheckFormat, lang: runtime.Code) -> None:
    """Problems on stdout; on stderr each file checked and how many facts it held."""
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.checks import as_json, summary, text_lines
    from aigap.output.render import safe, write_json

    problems = [p for c in checked for p in c.problems]
    if fmt is CheckFormat.json:
        write_json(as_json(problems), sys.stdout)
    else:
        for line in text_lines(problems, lang=lang):
            sys.stdout.write(safe(line, keep_newlines=False))
            sys.stdout.write("\n")
    sys.stdout.flush()
    # Name each file and what was read: a curator sees which copy was checked.
    for one in checked:
        said = summary(one.problems, one.path, one.facts_read, lang)
        sys.stderr.write(safe(said, keep_newlines=False) + "\n")
