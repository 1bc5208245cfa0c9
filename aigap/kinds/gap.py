"""Gaps: the US–China gap on one benchmark at two or more dates."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, ClassVar

import msgspec

from aigap.core import derive, numbers
from aigap.core.errors import AigapError, Phrase
from aigap.core.labels import label
from aigap.core.model import (
    Benchmark,
    Fact,
    Id,
    Items,
    Lang,
    Number,
    PartialDate,
    Source,
    Text,
    Unit,
)
from aigap.core.numbers import figure_text, unit_name, value_text, with_unit
from aigap.kinds.base import Entry, Figure, Kind, Rule, benchmark_name
from aigap.output.layout import passage, source_fields, source_line, sources_of
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record
    from aigap.store.queries import Store


class GapValue(msgspec.Struct, frozen=True):
    """The gap at ``date``: ``value`` in the gap's unit, ``printed`` as the article wrote it."""

    date: PartialDate
    label: Text  # the article's name for the date ("end of 2023")
    value: Number
    printed: str


class Gap(Fact, frozen=True, kw_only=True):
    """The gap on ``benchmark``, oldest value first.

    ``unit`` is what the values are in (pp for a difference of accuracies,
    percent for a relative gap); ``printed_unit`` is how the article names it.
    """

    benchmark: Id
    unit: Unit
    printed_unit: str
    values: Annotated[tuple[GapValue, ...], Items(min=2)]

    kind: ClassVar[str] = "gap"


def summary(fact: Gap, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    values = " → ".join(
        f"{figure_text(v.value, fact.unit, lang, v.printed)} ({period(v, lang)})"
        for v in fact.values
    )
    return f"{benchmark_name(fact.benchmark, lang, benchmarks)}: {values}"


def answer(fact: Gap, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    name = benchmark_name(fact.benchmark, lang, benchmarks) or fact.benchmark
    values = " → ".join(
        f"{with_unit(v.value, fact.unit)} ({v.label.get(lang)})" for v in fact.values
    )
    return f"{name} 미·중 격차: {values}" if lang == "ko" else f"US–China gap on {name}: {values}"


def period(value: GapValue, lang: Lang) -> str:
    """The value's date in absolute words ("2024년 말"), never the article's
    relative "지난해 말": a year-only date the article calls an end of year."""
    iso = value.date.iso
    wording = f"{value.label.get('ko')} {value.label.get('en')}".lower()
    if len(iso) == 4 and ("말" in wording or "end" in wording):
        return label("period.end", lang, date=iso)
    return iso


def figures(fact: Gap) -> Iterator[Figure]:
    for j, v in enumerate(fact.values):
        yield Figure(("values", j, "value"), v.value, v.printed)


def rules(fact: Gap) -> Iterator[Rule]:
    dates = [v.date.sort_key for v in fact.values]
    if dates != sorted(dates):
        yield Rule(("values",), "error", Phrase("problem.gap.order"))


def latest_date(fact: Gap) -> PartialDate | None:
    return fact.values[-1].date


def entries(fact: Gap, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    """Every value is a dated reading of the gap."""
    name = benchmark_name(fact.benchmark, lang, benchmarks)
    return [
        Entry(
            v.date,
            label("gap_reading", lang, name=name, when=v.label.get(lang)),
            numbers.with_unit(v.value, fact.unit, lang),
        )
        for v in fact.values
    ]


def reading_dates(raw: Mapping[str, object]) -> list[object]:
    """One timeline entry per reading: the readings' dates, from the fact-file data."""
    values = raw.get("values")
    readings = values if isinstance(values, list | tuple) else ()  # validated data: a list
    return [v.get("date") if isinstance(v, dict) else None for v in readings]


KIND = Kind(
    name="gap",
    section="gaps",
    record=Gap,
    summary=summary,
    figures=figures,
    rules=rules,
    search={"benchmark": 4},
    date=latest_date,
    answer=answer,
    entries=entries,
    raw_dates=reading_dates,
)


class GapRow(msgspec.Struct, frozen=True):
    benchmark: Benchmark
    gap: Gap
    source: Source

    @property
    def then(self) -> GapValue:
        return self.gap.values[0]

    @property
    def now(self) -> GapValue:
        return self.gap.values[-1]

    @property
    def change(self) -> float:
        return derive.change(self.then.value, self.now.value)

    @property
    def times_narrower(self) -> float | None:
        return derive.times_narrower(self.then.value, self.now.value)


def gap_rows(store: Store, name: str | None, lang: Lang = "en") -> list[GapRow]:
    """One row per gap fact: of one benchmark, or all sorted by unit then today's gap."""
    if name is not None:
        from aigap.answers.lookup import find_benchmark

        bench = find_benchmark(store, name)
        gaps = store.records_about(KIND, bench.id)
        if not gaps:  # a benchmark with scores but no gap reading (AIME 2024, MATH-500)
            raise AigapError(_no_gap(store, bench, lang))
        benchmarks = {bench.id: bench}
    else:
        gaps = store.records(KIND)
        benchmarks = {b.id: b for b in store.benchmarks()}
    sources = sources_of(store, gaps)
    rows = [GapRow(benchmarks[g.benchmark], g, sources[g.source]) for g in gaps]
    return sort_gap_rows(rows) if name is None else rows


def _no_gap(store: Store, bench: Benchmark, lang: Lang) -> str:
    """Say there is no gap reading, and point at what the benchmark does have."""
    count = len(store.records_about("scores", bench.id))
    name = bench.name.get(lang)
    if count:
        return label("no_gap.scores", lang, name=name, count=count, id=bench.id)
    return label("no_gap", lang, name=name)


def sort_gap_rows(rows: list[GapRow]) -> list[GapRow]:
    """Grouped by unit (in order of first appearance), largest gap today first."""
    unit_order: dict[str, int] = {}
    for row in rows:
        unit_order.setdefault(row.gap.unit, len(unit_order))
    return sorted(rows, key=lambda r: (unit_order[r.gap.unit], -r.now.value))


def gap_record(row: GapRow, lang: Lang) -> Record:
    """The flat, documented record for JSON, CSV and Markdown."""
    gap, src = row.gap, row.source
    return {
        "fact_id": gap.id,
        "benchmark": row.benchmark.id,
        "name": row.benchmark.name.get(lang),
        "unit": gap.unit,
        "printed_unit": gap.printed_unit,
        "then_date": row.then.date.iso,
        "then_label": row.then.label.get(lang),
        "then_value": row.then.value,
        "then_printed": row.then.printed,
        "now_date": row.now.date.iso,
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
    """'~58× (50–70×)'; ``short`` drops the range (the overview's column stays narrow)."""
    text = derive.times_text(row.then.value, row.now.value)
    if short and text is not None:
        text = text.split(" (", 1)[0]
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
        *(Column(f"v{i}", period(v, lang), numeric=True) for i, v in enumerate(row.gap.values)),
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
    notes = []
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
            [f"[{unit_name(unit, lang)}]", first.then.date.iso, first.now.date.iso, "", "", ""]
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
    for unit in units:
        printed = next(r.gap.printed_unit for r in rows if r.gap.unit == unit)
        notes.append(label("note.unit_named", lang, unit=unit_name(unit, lang, printed)))
    for source in {r.source.id: r.source for r in rows}.values():
        notes.append(label("note.source", lang, source=source_line(source, lang)))
    title = label("title.gaps", lang)
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)
