"""``aigap chart``: a chart for a slide or an article (the optional ``chart`` extra).

Its library modules are imported when the command runs, not at start-up:
``aigap --help`` and the other commands do not load them.
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import Annotated

import typer

from aigap.cli import runtime
from aigap.cli.listings import complete_benchmark
from aigap.cli.options import (
    ChartKind,
    FactsOpt,
    LangOpt,
    MaxBytesOpt,
    NoPackagedOpt,
    choice,
    path,
)
from aigap.core.errors import AigapError


def chart(
    ctx: typer.Context,
    kind: Annotated[
        ChartKind,
        # the usage line braces a required argument: gap|scores, not [gap|scores]
        typer.Argument(**{**choice(ChartKind), "metavar": "gap|scores"}, show_default=False),
    ],
    out: Annotated[
        str,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            parser=path,
            show_default=False,
        ),
    ],
    benchmark: Annotated[
        str | None,
        typer.Argument(
            autocompletion=complete_benchmark,
            show_default=False,
        ),
    ] = None,
    lang: LangOpt = None,
    facts: FactsOpt = None,
    no_packaged: NoPackagedOpt = False,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Draw a chart for a slide or an article, with its values, units and source.

    The help page is help.chart in the catalogue (aigap.core.labels).
    """
    code = runtime.lang(ctx)
    _need_the_extra(code)
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.answers.gaps import gap_rows
    from aigap.answers.scores import score_rows
    from aigap.output import chart as charts  # matplotlib: this command alone
    from aigap.output.files import check_target

    charts.chart_format(out)  # a wrong name fails before any work
    check_target(out)  # and so does a file aigap did not write
    if kind is ChartKind.gap:
        gaps = runtime.answer(ctx, lambda store: gap_rows(store, benchmark))
        figure = charts.gap_figure(gaps, code)
    else:
        ranked = runtime.answer(ctx, lambda store: score_rows(store, benchmark))
        figure = charts.scores_figure(ranked, code)
    charts.save(figure, out)


class ExtraMissing(AigapError):
    """An optional part of aigap is not installed (sysexits EX_UNAVAILABLE)."""

    exit_code = runtime.EXIT_UNAVAILABLE


def _need_the_extra(code: runtime.Code) -> None:
    """matplotlib (and for Korean the NanumGothic font of koreanize-matplotlib)
    come with ``pip install "aigap[chart]"``: without them, say how to get them."""
    needed = ["matplotlib", "koreanize_matplotlib"] if code == "ko" else ["matplotlib"]
    if any(find_spec(name) is None for name in needed):
        raise ExtraMissing(AigapError.said("error.chart_extra").phrases)
