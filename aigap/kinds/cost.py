"""Costs: training-cost and hardware claims, with the amounts the article gives."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, ClassVar

import msgspec

from aigap.core.labels import label
from aigap.core.model import Amount, Benchmark, Fact, Lang, Ratio, Source, Text
from aigap.core.numbers import amount_text, format_number, ratio_text
from aigap.kinds.base import Entry, Figure, Kind, raw_date
from aigap.output.layout import every_row, passage, source_fields, sources_notes, sources_of
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record
    from aigap.store.queries import Store


class Cost(Fact, frozen=True, kw_only=True):
    """``subject``'s ``claim`` as stated, its ``amounts`` and a ``ratio`` to another cost."""

    subject: Text
    claim: Text
    amounts: tuple[Amount, ...] = ()
    ratio: Ratio | None = None

    kind: ClassVar[str] = "cost"


def summary(fact: Cost, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return fact.claim.get(lang)


def answer(fact: Cost, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    if not fact.amounts and fact.ratio is None:
        return fact.claim.get(lang)
    parts = [amount_text(a, lang) for a in fact.amounts]
    if fact.ratio is not None:
        r = fact.ratio
        parts.append(
            f"{r.of.get(lang)}의 {r.printed}"
            if lang == "ko"
            else f"{format_number(r.value)} × {r.of.get(lang)}"
        )
    return f"{fact.subject.get(lang)}: {'; '.join(parts)}"


def figures(fact: Cost) -> Iterator[Figure]:
    for j, amount in enumerate(fact.amounts):
        yield Figure(("amounts", j, "value"), amount.value, amount.printed)
    if fact.ratio is not None:
        yield Figure(("ratio", "value"), fact.ratio.value, fact.ratio.printed)


def entries(fact: Cost, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    figure = ", ".join(amount_text(a, lang) for a in fact.amounts)
    if fact.ratio is not None:
        figure += (", " if figure else "") + ratio_text(fact.ratio, lang)
    return [Entry(None, f"{fact.subject.get(lang)}: {fact.claim.get(lang)}", figure)]


KIND = Kind(
    name="cost",
    section="costs",
    record=Cost,
    summary=summary,
    figures=figures,
    search={"subject": 5, "claim": 2, "amounts": 2, "ratio": 2},
    answer=answer,
    entries=entries,
    raw_dates=raw_date,  # its entries are dated by its own date
)


class CostRow(msgspec.Struct, frozen=True):
    cost: Cost
    source: Source


def cost_rows(store: Store, limit: int | None = None) -> list[CostRow]:
    costs = store.select(KIND, limit=limit)
    sources = sources_of(store, costs)
    return [CostRow(c, sources[c.source]) for c in costs]


def cost_record(row: CostRow, lang: Lang) -> Record:
    cost = row.cost
    ratio = cost.ratio
    # parallel lists, so CSV gets one column per attribute, not nested objects
    return {
        "fact_id": cost.id,
        "subject": cost.subject.get(lang),
        "claim": cost.claim.get(lang),
        "amount_values": [a.value for a in cost.amounts],
        "amount_units": [a.unit for a in cost.amounts],
        "amount_printed": [a.printed for a in cost.amounts],
        "amount_approx": [a.approx for a in cost.amounts],
        "amount_labels": [a.label.get(lang) if a.label else None for a in cost.amounts],
        "ratio_value": ratio.value if ratio else None,
        "ratio_printed": ratio.printed if ratio else None,
        "ratio_of": ratio.of.get(lang) if ratio else None,
        "inferred": cost.inferred,
        **source_fields(row.source, lang),
        "passage": passage(cost),
    }


def costs_listing(rows: Sequence[CostRow], lang: Lang) -> Listing:
    records = [cost_record(r, lang) for r in rows]
    columns = [
        Column("claim", label("claim", lang), ratio=1),
        Column("amounts", label("amounts", lang), numeric=True),
        Column("ratio", label("ratio", lang), max_width=18),
    ]
    cells = []
    for r in rows:
        c = r.cost
        ratio = ""
        if c.ratio is not None:
            ratio = ratio_text(c.ratio, lang)
        cells.append(
            [
                f"{c.id}\n{c.subject.get(lang)}: {c.claim.get(lang)}",
                "\n".join(amount_text(a, lang) for a in c.amounts),
                ratio,
            ]
        )
    notes = [label("note.claims", lang)]
    notes.extend(sources_notes([r.source for r in rows], lang))
    title = label("title.costs", lang)
    return Listing(title, columns, records, cells=cells, notes=notes, groups=every_row(rows))
