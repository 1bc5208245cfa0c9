"""``aigap search``: a question, answered by the facts that match it best.

Its library modules are imported when the command runs, not at start-up:
``aigap --help`` and the other commands do not load them.
"""

from __future__ import annotations

from typing import Annotated

import typer

from aigap.cli.listings import View, show
from aigap.cli.options import (
    FactsOpt,
    Format,
    FormatOpt,
    LangOpt,
    MaxBytesOpt,
    NoPackagedOpt,
    SvgOpt,
    limit_option,
    nfc_words,
)

SEARCH_LIMIT = 10  # hits a table shows unless --limit says otherwise


def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            callback=nfc_words,
            show_default=False,
        ),
    ],
    limit: Annotated[int | None, limit_option(1)] = None,  # at least one hit
    fmt: FormatOpt = Format.table,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Ask a question: facts, sources and benchmarks ranked by relevance, each with its answer.

    The help page is help.search in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.search import search as find
    from aigap.output.search import search_listing

    view = View.of(ctx, fmt, svg, limit)
    shown = limit if limit is not None or view.fmt is not Format.table else SEARCH_LIMIT
    # search cuts to its own --limit and says itself how many more hits there are
    show(
        ctx,
        view,
        lambda store: find(store, words, shown, view.code),
        search_listing,
        lambda found: len(found.hits),
    )
