"""``aigap brief``: key figures and quotes as short Markdown, with footnote citations.

Its library modules are imported when the command runs, not at start-up:
``aigap --help`` and the other commands do not load them.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from aigap.cli import runtime
from aigap.cli.options import FactsOpt, LangOpt, MaxBytesOpt, NoPackagedOpt, nfc


def brief(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(metavar="NAME", callback=nfc, show_default=False),
    ] = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """A short Markdown brief to paste into a story.

    The help page is help.brief in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.brief import brief as select
    from aigap.output.brief import brief_markdown

    found = runtime.answer(ctx, lambda store: select(store, name))
    sys.stdout.write(brief_markdown(found, runtime.lang(ctx)))
