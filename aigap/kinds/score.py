"""Scores: one model's result on one benchmark, as the article reports it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

import msgspec

from aigap.core import derive, numbers
from aigap.core.errors import AigapError, Phrase
from aigap.core.labels import label
from aigap.core.model import Benchmark, Fact, Id, Lang, Number, PartialDate, Source, Text, Unit
from aigap.core.numbers import figure_text, signed, unit_name, with_unit
from aigap.kinds.base import Entry, Figure, Kind, benchmark_name, raw_date
from aigap.output.layout import passage, source_fields, sources_notes, sources_of
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record
    from aigap.store.queries import Store


class Score(Fact, frozen=True, kw_only=True):
    """``model`` (by ``organization``, of ``country``) scored ``value`` in ``unit`` on ``date``.

    ``printed`` is the score as the article wrote it ("1385점").
    """

    benchmark: Id
    model: Text
    organization: Text
    country: Literal["CN", "US"]
    date: PartialDate
    value: Number
    unit: Unit
    printed: str

    kind: ClassVar[str] = "score"


def summary(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks)
    country = COUNTRY_NAMES.get(fact.country, {}).get(lang, fact.country)
    return label(
        "summary.score",
        lang,
        model=fact.model.get(lang),
        country=country,
        printed=figure_text(fact.value, fact.unit, lang, fact.printed),
        name=name,
    )


def answer(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks) or fact.benchmark
    if lang == "ko":
        return f"{fact.model.get(lang)} ({fact.country}): {name} {fact.printed}"
    value = with_unit(fact.value, fact.unit) + (" Elo points" if fact.unit == "elo" else "")
    return f"{fact.model.get(lang)} ({fact.country}): {value} on {name}"


def organization(fact: Score, lang: Lang) -> str | None:
    return fact.organization.get(lang)


def figures(fact: Score) -> Iterator[Figure]:
    yield Figure(("value",), fact.value, fact.printed)


def entries(fact: Score, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    model, org = fact.model.get(lang), fact.organization.get(lang)
    who = model if org in model else f"{model} ({org})"
    on = benchmark_name(fact.benchmark, lang, benchmarks)
    text = label("score_on", lang, who=who, benchmark=on)
    if lang == "ko":  # the article's own figure ("1362점")
        figure = numbers.figure_text(fact.value, fact.unit, lang, fact.printed)
    else:
        figure = numbers.with_unit(fact.value, fact.unit) + (" Elo" if fact.unit == "elo" else "")
    return [Entry(fact.date, text, figure)]


KIND = Kind(
    name="score",
    section="scores",
    record=Score,
    summary=summary,
    figures=figures,
    search={"model": 5, "organization": 4, "benchmark": 4, "printed": 2},
    answer=answer,
    who=organization,
    entries=entries,
    raw_dates=raw_date,  # its entries are dated by its own date
)


COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "US": {"en": "US", "ko": "미국"},
    "CN": {"en": "CN", "ko": "중국"},
}


# A margin between two scores is in points for Elo-style ratings and in
# percentage points for accuracies (a difference of two percentages).
MARGIN_UNITS: dict[str, str] = {"percent": "pp", "pp": "pp"}


class ScoreRow(msgspec.Struct, frozen=True):
    benchmark: Benchmark
    score: Score
    source: Source
    rank: int
    margin: float | None  # to the next-ranked model on the same benchmark
    next_id: str | None


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
        from aigap.answers.lookup import find_benchmark

        bench = find_benchmark(store, name, kinds=("scores",))
        scores = store.records_about(KIND, bench.id)
        if not scores:
            with_scores = dict.fromkeys(s.benchmark for s in store.records(KIND))
            raise AigapError.said(
                "error.no_scores.benchmark",
                id=bench.id,
                names=", ".join(with_scores) or Phrase("error.none"),
            )
    else:
        scores = store.records(KIND)
    sources = sources_of(store, scores)
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
                )
            )
    if model is not None or org is not None:
        rows = _filter_scores(store, rows, model, org)
    return rows


def _filter_scores(
    store: Store, rows: list[ScoreRow], model: str | None, org: str | None
) -> list[ScoreRow]:
    from aigap.answers.entities import matcher

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
        raise AigapError.said("error.no_scores", asked=both if len(asked) == 2 else asked[0])
    return rows


def margin_unit(unit: str) -> str:
    return MARGIN_UNITS.get(unit, unit)


def score_record(row: ScoreRow, lang: Lang) -> Record:
    score = row.score
    return {
        "fact_id": score.id,
        "benchmark": row.benchmark.id,
        "benchmark_name": row.benchmark.name.get(lang),
        "rank": row.rank,
        "model": score.model.get(lang),
        "organization": score.organization.get(lang),
        "country": score.country,
        "date": score.date.iso,
        "value": score.value,
        "unit": score.unit,
        "printed": score.printed,
        "margin_to_next": row.margin,
        "margin_unit": margin_unit(score.unit) if row.margin is not None else None,
        "next_fact_id": row.next_id,
        "inferred": score.inferred,
        **source_fields(row.source, lang),
        "passage": passage(score),
    }


def _margin(row: ScoreRow, lang: Lang) -> str:
    if row.margin is None:
        return ""
    return signed(row.margin, margin_unit(row.score.unit), lang)


def scores_listing(rows: Sequence[ScoreRow], lang: Lang) -> Listing:
    records = [score_record(r, lang) for r in rows]
    columns = [
        Column("rank", label("rank", lang), numeric=True),
        Column("model", label("model", lang), ratio=1),
        Column("country", label("country", lang), whole=True),
        Column("score", label("score", lang), numeric=True),
        Column("margin", label("margin", lang), numeric=True),
        Column("date", label("date", lang), whole=True, optional=True),
    ]
    cells: list[list[str]] = []
    groups: list[int] = []
    for bench_id in dict.fromkeys(r.benchmark.id for r in rows):
        group = [r for r in rows if r.benchmark.id == bench_id]
        if cells:
            groups.append(len(cells))
        bench = group[0].benchmark
        cells.append(
            ["", f"[{bench.name.get(lang)}, {unit_name(group[0].score.unit, lang)}]"] + [""] * 4
        )
        for r in group:
            s = r.score
            model = s.model.get(lang)
            org = s.organization.get(lang)
            cells.append(
                [
                    str(r.rank),
                    model if org in model else f"{model} ({org})",
                    COUNTRY_NAMES.get(s.country, {}).get(lang, s.country),
                    with_unit(s.value, s.unit, lang),
                    _margin(r, lang),
                    s.date.iso + ("*" if s.inferred else ""),
                ]
            )
    notes = []
    if any(r.margin is not None for r in rows):
        notes.append(label("note.lead", lang))
    if any(r.score.inferred for r in rows):
        notes.append(label("note.inferred", lang))
    notes.extend(sources_notes([r.source for r in rows], lang))
    title = label("title.scores", lang)
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)
