"""``aigap export``: the whole fact base as a Frictionless Data Package.

Its library modules are imported when the command runs, not at start-up:
``aigap --help`` and the other commands do not load them.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from aigap.cli import runtime
from aigap.cli.options import FactsOpt, LangOpt, MaxBytesOpt, NoPackagedOpt, path


def export(
    ctx: typer.Context,
    directory: Annotated[
        str,
        typer.Argument(
            metavar="DIR",
            parser=path,
            show_default=False,
        ),
    ],
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Write the whole fact base as open data: a Frictionless Data Package of CSV files.

    The help page is help.export in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.core.labels import label
    from aigap.output.export import export as write_export
    from aigap.output.render import safe

    counts = runtime.answer(ctx, lambda store: write_export(store, directory))
    rows = ", ".join(f"{name}.csv {n}" for name, n in counts.items())  # each file, its rows
    # the name as typed, made safe: an escape sequence or a newline in it stays text
    where = safe(directory, keep_newlines=False)
    done = label("export.done", runtime.lang(ctx), dir=where, count=len(counts), rows=rows)
    sys.stdout.write(done + "\n")
