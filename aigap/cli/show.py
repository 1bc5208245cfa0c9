"""``aigap show``: one fact, source or benchmark in full, or everything about a name.

Its library modules are imported when the command runs, not at start-up:
``aigap --help`` and the other commands do not load them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from aigap.cli import runtime
from aigap.cli.listings import View
from aigap.cli.options import (
    FactsOpt,
    Format,
    FormatOpt,
    LangOpt,
    LimitOpt,
    MaxBytesOpt,
    NoPackagedOpt,
    SvgOpt,
    nfc,
)

if TYPE_CHECKING:
    from aigap.answers.entities import Page
    from aigap.answers.show import Detail
    from aigap.output.render import Listing
    from aigap.store.queries import Store


def complete_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the ids that start with what was typed."""
    try:
        ids = runtime.answer(ctx, lambda store: store.ids())
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [i for i in ids if i.startswith(incomplete.casefold())]


IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID|NAME",
        autocompletion=complete_id,
        callback=nfc,
        show_default=False,
    ),
]


def show(
    ctx: typer.Context,
    record_id: IdArg,
    fmt: FormatOpt = Format.table,
    limit: LimitOpt = None,
    svg: SvgOpt = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Show a fact, source or benchmark in full, or everything about an entity (a name).

    The help page is help.show in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.entities import Page, find_page
    from aigap.answers.show import detail
    from aigap.output.entities import page_data, page_listing
    from aigap.output.render import check_svg_path, print_listing, save_table_svg, write_json
    from aigap.output.show import detail_data, detail_listing

    view = View.of(ctx, fmt, svg, limit)
    if view.svg is not None:
        check_svg_path(view.svg)  # before anything is printed

    def answer(store: Store) -> Page | Detail:
        found = find_page(store, record_id, view.rows)
        return found if isinstance(found, Page) else detail(store, found)

    found = runtime.answer(ctx, answer)

    def layout() -> Listing:
        if isinstance(found, Page):
            return page_listing(found, view.code)
        return detail_listing(found, view.code)

    if view.fmt is not Format.json:
        print_listing(layout(), view.fmt.value, view.svg)
        return
    if isinstance(found, Page):
        write_json(page_data(found, view.code), sys.stdout)
    else:
        write_json(detail_data(found, view.code), sys.stdout)
    if view.svg is not None:
        save_table_svg(layout(), view.svg)
