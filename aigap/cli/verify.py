"""``aigap verify``: a draft's figures, dates and quotations checked against the base.

Its library modules are imported when the command runs, not at start-up:
``aigap --help`` and the other commands do not load them.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from aigap.cli import runtime
from aigap.cli.options import (
    FactsOpt,
    LangOpt,
    MaxBytesOpt,
    NoPackagedOpt,
    format_option,
    path,
)


class VerifyFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def _interactive() -> bool:
    """Whether standard input is a terminal (no draft piped in)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # closed or replaced
        return False


def verify(
    ctx: typer.Context,
    draft: Annotated[
        str | None,
        typer.Argument(metavar="FILE", parser=path, show_default=False),
    ] = None,
    fmt: Annotated[VerifyFormat, format_option(VerifyFormat)] = VerifyFormat.table,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Check a draft's figures, dates and quotations against the fact base.

    The help page is help.verify in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.verify import read_draft_bytes, read_draft_file
    from aigap.answers.verify import verify as check_draft
    from aigap.core.labels import label
    from aigap.output.render import make_console, print_table
    from aigap.output.verify import report_listing, write_checklist, write_report_json

    code = runtime.lang(ctx)
    if draft is None and _interactive():
        # nothing piped in: say what to do rather than wait for a draft typed blind
        from aigap.core.errors import AigapError

        raise AigapError.said("error.draft_none")
    if draft is None or draft == "-":
        # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
        from aigap.answers.verify import MAX_DRAFT_BYTES

        # errors name it in words ("the draft on standard input is not text"), not "-"
        where = label("verify.stdin_draft", code)
        text = read_draft_bytes(sys.stdin.buffer.read(MAX_DRAFT_BYTES + 1), where)
        name = label("verify.stdin", code)
    else:
        text = read_draft_file(draft)
        name = draft
    report = runtime.answer(ctx, lambda store: check_draft(store, text, code))
    if fmt is VerifyFormat.json:
        write_report_json(report, sys.stdout)
    elif fmt is VerifyFormat.markdown:
        write_checklist(report, name, code, sys.stdout)
    else:
        print_table(make_console(), report_listing(report, name, code))
    raise typer.Exit(1 if report.errors else 0)
