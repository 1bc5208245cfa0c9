"""The scores table and its flat record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.answers.scores import ScoreRow
from aigap.core.labels import label
from aigap.core.model import Lang
from aigap.core.numbers import date_cell, signed, unit_name, with_unit
from aigap.kinds.score import COUNTRY_NAMES, MARGIN_UNITS
from aigap.output.layout import date_fields, passage, source_fields, sources_notes
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


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
        **date_fields("date", score.date),
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
                    "" if _alone(r) else str(r.rank),
                    model if org in model else f"{model} ({org})",
                    COUNTRY_NAMES.get(s.country, {}).get(lang, s.country),
                    with_unit(s.value, s.unit, lang),
                    _margin(r, lang),
                    date_cell(s.date, s.inferred, lang),
                ]
            )
    notes = []
    led = [r.score.unit for r in rows if r.margin is not None]
    if led:
        units = "; ".join(_lead_unit(u, lang) for u in dict.fromkeys(led))
        notes.append(label("note.lead", lang, units=units))
    if any(_alone(r) for r in rows):
        notes.append(label("note.alone", lang))
    if any(r.score.inferred for r in rows):
        notes.append(label("note.inferred", lang))
    notes.extend(sources_notes([r.source for r in rows], lang))
    title = label("title.scores", lang)
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)


def _lead_unit(unit: str, lang: Lang) -> str:
    """What a lead is counted in: the scores' own unit, pp between two percentages
    (said for the benchmarks shown only: a base without Arena names no Arena)."""
    if margin_unit(unit) != unit:
        return label("note.lead.pp", lang)
    return unit_name(unit, lang)


def _alone(row: ScoreRow) -> bool:
    """First with no model after it: a "1." beside nothing would read as a win."""
    return row.rank == 1 and row.margin is None
