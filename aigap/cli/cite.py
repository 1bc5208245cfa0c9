"""``aigap cite``: a citation for a fact, a source, or what a name is about.

Its library modules are imported when the command runs, not at start-up:
``aigap --help`` and the other commands do not load them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import msgspec
import typer

from aigap.cli import runtime
from aigap.cli.options import (
    CiteStyle,
    FactsOpt,
    LangOpt,
    MaxBytesOpt,
    NoPackagedOpt,
    choice,
)
from aigap.cli.show import IdArg
from aigap.core.errors import AigapError

if TYPE_CHECKING:
    from aigap.core.model import Source
    from aigap.store.queries import Store


class Cited(msgspec.Struct, frozen=True):
    """The sources to cite, one entry each, and per source why it is cited (the
    fact and its locator, or which facts about the name it supports)."""

    sources: list[Source]
    about: dict[str, str] = msgspec.field(default_factory=dict)


def cite(
    ctx: typer.Context,
    record_id: IdArg,
    style: Annotated[
        CiteStyle,
        typer.Option("--style", **choice(CiteStyle)),
    ] = CiteStyle.plain,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Print a citation for a fact, a source article, or the sources of what a name is about.

    The help page is help.cite in the catalogue (aigap.core.labels).
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.entities import find_page
    from aigap.core.model import Fact, Source, words_source
    from aigap.output.citation import cite_all, facts_about, for_fact

    code = runtime.lang(ctx)

    def query(store: Store) -> Cited:
        page = find_page(store, record_id)
        if isinstance(page, Source):
            return Cited([page])
        if isinstance(page, Fact):
            return Cited(*for_fact(page, store.source, code))
        # a benchmark or an entity: every source its facts come from (a quote's own
        # words' source too), once, noting which
        name = page.entity.name.get(code)
        about = {
            sid: facts_about(
                name, [f.id for f in page.facts if sid in (f.source, words_source(f))], code
            )
            for sid in page.sources
        }
        return Cited(list(page.sources.values()), about)

    cited = runtime.answer(ctx, query)
    if not cited.sources:
        raise AigapError.said("error.nothing_to_cite", id=record_id)
    sys.stdout.write(cite_all(cited.sources, style.value, code, cited.about) + "\n")
