"""The costs table and its flat record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.answers.costs import CostRow
from aigap.core.labels import label
from aigap.core.model import Lang
from aigap.core.numbers import amount_text, ratio_text
from aigap.output.layout import every_row, passage, source_fields, sources_notes
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


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
    notes = [label("note.claims", lang)] if rows else []  # no note under nothing
    notes.extend(sources_notes([r.source for r in rows], lang))
    title = label("title.costs", lang)
    return Listing(title, columns, records, cells=cells, notes=notes, groups=every_row(rows))
