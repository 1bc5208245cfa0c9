"""``aigap scores``: the model scores of one benchmark (or all), by model or organisation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from aigap.answers.entities import closest_name, matcher
from aigap.answers.lookup import find_benchmark
from aigap.answers.sources import sources_of
from aigap.core import derive
from aigap.core.errors import AigapError, Phrase, nearest
from aigap.core.model import Benchmark, Source
from aigap.kinds.score import KIND, Score

if TYPE_CHECKING:
    from aigap.store.queries import Store


class ScoreRow(msgspec.Struct, frozen=True):
    benchmark: Benchmark
    score: Score
    source: Source
    rank: int
    margin: float | None  # to the next-ranked model on the same benchmark
    next_id: str | None
    primary: tuple[Source, ...] = ()  # the primary sources its note was checked against


def score_rows(
    store: Store, name: str | None, model: str | None = None, org: str | None = None
) -> list[ScoreRow]:
    """Scores ranked within each benchmark (highest first), benchmarks in file order.

    ``model`` and ``org`` keep the scores of that model or organisation (an
    entity's id, name or alias, or part of the text); ranks stay those of the
    whole benchmark.
    """
    benchmarks = {b.id: b for b in store.benchmarks()}
    if name is not None:
        bench = find_benchmark(store, name, kinds=("scores",))
        scores = store.records_about(KIND, bench.id)
        if not scores:
            with_scores = dict.fromkeys(s.benchmark for s in store.records(KIND))
            raise AigapError.said(
                "error.no_scores.benchmark",
                id=bench.id,
                names=nearest(bench.id, list(with_scores)),
            )
    else:
        scores = store.records(KIND)
    sources = sources_of(store, scores)
    primary = store.sources_by_id(p.source for s in scores for p in s.primary)
    order = list(benchmarks)
    by_bench: dict[str, list[Score]] = {}
    for score in scores:
        by_bench.setdefault(score.benchmark, []).append(score)
    rows: list[ScoreRow] = []
    for bench_id in sorted(by_bench, key=order.index):
        # a stable sort keeps file order between equal values
        ranked = sorted(by_bench[bench_id], key=lambda s: -s.value)
        for i, score in enumerate(ranked):
            after = ranked[i + 1] if i + 1 < len(ranked) else None
            margin = derive.change(after.value, score.value) if after is not None else None
            rows.append(
                ScoreRow(
                    benchmarks[bench_id],
                    score,
                    sources[score.source],
                    i + 1,
                    margin,
                    after.id if after is not None else None,
                    tuple(primary[p.source] for p in score.primary),
                )
            )
    if model is not None or org is not None:
        rows = _filter_scores(store, rows, model, org)
    return rows


def _filter_scores(
    store: Store, rows: list[ScoreRow], model: str | None, org: str | None
) -> list[ScoreRow]:

    everything = rows
    if model is not None:
        is_model = matcher(store, model)
        rows = [r for r in rows if is_model(r.score.model)]
    if org is not None:
        is_org = matcher(store, org)
        rows = [r for r in rows if is_org(r.score.organization)]
    if not rows:
        asked = [
            Phrase(f"error.asked.{k}", {"name": v})
            for k, v in (("model", model), ("org", org))
            if v
        ]
        both = Phrase("error.asked.both", {"model": asked[0], "org": asked[-1]})
        said = [Phrase("error.no_scores", {"asked": both if len(asked) == 2 else asked[0]})]
        typed, texts = (
            (model, [r.score.model for r in everything])
            if model is not None
            else (org, [r.score.organization for r in everything])
        )
        guess = closest_name(typed or "", texts) if len(asked) == 1 else None
        if guess is not None:
            said.append(Phrase("error.did_you_mean", {"name": guess}))
        raise AigapError(said)
    return rows
