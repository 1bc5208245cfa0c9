"""The gap table: one benchmark's readings, or every gap with a dumbbell; the flat record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.answers.gaps import GapRow
from aigap.core import derive
from aigap.core.labels import label
from aigap.core.model import (
    Lang,
)
from aigap.core.numbers import date_cell, unit_name, value_text
from aigap.kinds.gap import GapValue
from aigap.output.layout import date_fields, passage, source_fields, source_line
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record


def gap_record(row: GapRow, lang: Lang) -> Record:
    """The flat, documented record for JSON, CSV and Markdown."""
    gap, src = row.gap, row.source
    return {
        "fact_id": gap.id,
        "benchmark": row.benchmark.id,
        "name": row.benchmark.name.get(lang),
        "unit": gap.unit,
        "printed_unit": gap.printed_unit,
        **date_fields("then_date", row.then.date),
        "then_label": row.then.label.get(lang),
        "then_value": row.then.value,
        "then_printed": row.then.printed,
        **date_fields("now_date", row.now.date),
        "now_label": row.now.label.get(lang),
        "now_value": row.now.value,
        "now_printed": row.now.printed,
        "change_pp": row.change,
        # kept for compatibility; the low/high pair is what the rounded inputs allow
        "times_narrower": None if row.times_narrower is None else round(row.times_narrower, 2),
        **_times_range(row),
        **source_fields(src, lang),
        "passage": passage(gap),
    }


def _times_range(row: GapRow) -> dict[str, float | None]:
    spread = derive.times_narrower_range(row.then.value, row.now.value)
    low, high = (round(spread[0], 2), round(spread[1], 2)) if spread else (None, None)
    return {"times_narrower_low": low, "times_narrower_high": high}


def _narrower(row: GapRow, lang: Lang, *, short: bool = False) -> str:
    """'~58× (50–70×)'; ``short`` keeps only the range the rounded inputs allow
    ('50–70×', never a bare '~58×' headline), or the point where the range
    rounds to it ('~1.7×')."""
    text = derive.times_text(row.then.value, row.now.value)
    if short and text is not None and "–" in text:
        text = text.split(" (", 1)[1].rstrip(")")
    return label("not_applicable", lang) if text is None else text


def gap_listing(rows: Sequence[GapRow], lang: Lang, single: bool) -> Listing:
    records = [gap_record(r, lang) for r in rows]
    if single and rows:  # a benchmark with no gap recorded: the empty table
        return _single_gap(rows, records, lang)
    return _all_gaps(rows, records, lang)


def _single_gap(rows: Sequence[GapRow], records: list[Record], lang: Lang) -> Listing:
    row = rows[0]
    bench = row.benchmark
    columns = [
        Column("benchmark", label("benchmark", lang)),
        *(
            Column(f"v{i}", date_cell(v.date, row.gap.inferred, lang), numeric=True)
            for i, v in enumerate(row.gap.values)
        ),
        Column("change", label("change", lang), numeric=True),
        Column("narrower", label("narrower", lang), numeric=True),
    ]
    cells = [
        [
            bench.name.get(lang),
            *(value_text(v.value, r.gap.unit, lang) for v in r.gap.values),
            value_text(r.change, "pp", lang),
            _narrower(r, lang),
        ]
        for r in rows
    ]
    title = label("title.gap", lang, name=bench.name.get(lang))
    if bench.full_name:
        title += f" ({bench.full_name.get(lang)})"
    notes = [label("note.inferred", lang)] if any(r.gap.inferred for r in rows) else []
    for r in rows:
        notes.append(label("note.unit", lang, unit=unit_name(r.gap.unit, lang, r.gap.printed_unit)))
        if r.gap.note:
            notes.append(label("note.note", lang, note=r.gap.note.get(lang)))
        notes.append(
            label("note.source", lang, source=f"{source_line(r.source, lang)} [{r.gap.id}]")
        )
        notes.append(f"  “{' '.join(r.gap.passage)}”")
    return Listing(title, columns, records, cells=cells, notes=notes)


BAR_WIDTH = 16  # 0.3 and 1.6 pp (of 31.6) land in different cells; the overview fits 80 columns


THEN_MARK, NOW_MARK, SAME_MARK = "○", "●", "◉"


def dumbbell(then: float, now: float, scale: float) -> str:
    """One line: the then-mark and the now-mark placed by value on a scale
    from 0 to ``scale`` (shared within a unit group), a line between them;
    one combined mark when both round to the same cell."""

    def position(value: float) -> int:
        if scale <= 0:
            return 0
        return max(0, min(BAR_WIDTH - 1, round(value / scale * (BAR_WIDTH - 1))))

    at_then, at_now = position(then), position(now)
    line = [" "] * BAR_WIDTH
    low, high = sorted((at_then, at_now))
    for i in range(low + 1, high):
        line[i] = "─"
    if at_then == at_now:
        line[at_then] = SAME_MARK
    else:
        line[at_then], line[at_now] = THEN_MARK, NOW_MARK
    return "".join(line).rstrip()


def _header_date(value: GapValue, inferred: bool, lang: Lang) -> str:
    """A group's date over its Then or Now column; "end of 2023" on two lines
    (the overview fits 80 columns with its bars)."""
    return "\n".join(date_cell(value.date, inferred, lang).rsplit(" ", 1))


def _all_gaps(rows: Sequence[GapRow], records: list[Record], lang: Lang) -> Listing:
    columns = [
        Column("benchmark", label("benchmark", lang)),
        Column("then", label("then", lang), numeric=True),
        Column("now", label("now", lang), numeric=True),
        Column("change", label("change", lang), numeric=True),
        Column("narrower", label("narrower", lang), numeric=True),
        Column("bars", label("bars", lang), whole=True, optional=True),
    ]
    cells: list[list[str]] = []
    groups: list[int] = []
    notes: list[str] = []
    units = list(dict.fromkeys(r.gap.unit for r in rows))
    for unit in units:
        group = [r for r in rows if r.gap.unit == unit]
        scale = max(max(r.then.value, r.now.value) for r in group)
        if cells:
            groups.append(len(cells))
        first = group[0]
        cells.append(
            [
                f"[{unit_name(unit, lang)}]",
                _header_date(first.then, first.gap.inferred, lang),
                _header_date(first.now, first.gap.inferred, lang),
                "",
                "",
                "",
            ]
        )
        for r in group:
            cells.append(
                [
                    r.benchmark.name.get(lang),
                    value_text(r.then.value, unit, lang),
                    value_text(r.now.value, unit, lang),
                    value_text(r.change, "pp", lang),
                    _narrower(r, lang, short=True),
                    dumbbell(r.then.value, r.now.value, scale),
                ]
            )
    if any(SAME_MARK in row[-1] for row in cells):
        notes.append(label("legend.same", lang))
    if any(r.gap.inferred for r in rows):
        notes.append(label("note.inferred", lang))
    for unit in units:
        printed = next(r.gap.printed_unit for r in rows if r.gap.unit == unit)
        notes.append(label("note.unit_named", lang, unit=unit_name(unit, lang, printed)))
    for source in {r.source.id: r.source for r in rows}.values():
        notes.append(label("note.source", lang, source=source_line(source, lang)))
    title = label("title.gaps", lang)
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)
