"""Query results laid out as Listings: the table cells, notes and records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aigap import derive
from aigap.model import UNITS, Event, Lang, Source
from aigap.queries import GapRow, event_record, gap_record
from aigap.render import Column, Listing

BAR_WIDTH = 16
_LABELS: dict[str, dict[Lang, str]] = {
    "benchmark": {"en": "Benchmark", "ko": "벤치마크"},
    "then": {"en": "Then", "ko": "이전"},
    "now": {"en": "Now", "ko": "현재"},
    "change": {"en": "Change", "ko": "변화"},
    "narrower": {"en": "Narrower", "ko": "축소 배율"},
    "unit": {"en": "Unit", "ko": "단위"},
    "bars": {"en": "Gap then → now", "ko": "격차 이전 → 현재"},
    "date": {"en": "Date", "ko": "날짜"},
    "what": {"en": "What happened", "ko": "내용"},
    "who": {"en": "Who", "ko": "주체"},
    "source": {"en": "Source", "ko": "출처"},
}


def label(key: str, lang: Lang) -> str:
    return _LABELS[key][lang]


def unit_name(unit: str, printed: str | None = None) -> str:
    name = UNITS.get(unit, unit)
    if printed and printed != name:
        name += f' (article prints "{printed}")'
    return name


def source_line(source: Source, lang: Lang) -> str:
    date = source.published.iso + (" (date inferred)" if source.published_inferred else "")
    return f"{source.outlet.get(lang)}, {date}: {source.headline.get('ko')}"


def _value(value: float, unit: str) -> str:
    suffix = {"pp": " pp", "percent": "%"}.get(unit, "")
    return derive.format_number(value) + suffix


def _narrower(row: GapRow) -> str:
    times = row.times_narrower
    return "n/a" if times is None else f"{times:.1f}×"


def gap_listing(rows: Sequence[GapRow], lang: Lang, single: bool) -> Listing:
    records = [gap_record(r, lang) for r in rows]
    if single:
        return _single_gap(rows, records, lang)
    return _all_gaps(rows, records, lang)


def _single_gap(rows: Sequence[GapRow], records: list[dict[str, Any]], lang: Lang) -> Listing:
    row = rows[0]
    bench = row.benchmark
    columns = [
        Column("benchmark", label("benchmark", lang)),
        *(Column(f"v{i}", v.label.get(lang), numeric=True) for i, v in enumerate(row.gap.values)),
        Column("change", label("change", lang), numeric=True),
        Column("narrower", label("narrower", lang), numeric=True),
    ]
    cells = [
        [
            bench.name.get(lang),
            *(_value(v.value, r.gap.unit) for v in r.gap.values),
            _value(r.change, "pp"),
            _narrower(r),
        ]
        for r in rows
    ]
    title = f"US–China gap on {bench.name.get(lang)}"
    if bench.full_name:
        title += f" ({bench.full_name.get(lang)})"
    notes = []
    for r in rows:
        notes.append(f"Unit: {unit_name(r.gap.unit, r.gap.printed_unit)}; change in pp.")
        if r.gap.note:
            notes.append(f"Note: {r.gap.note.get(lang)}")
        notes.append(f"Source: {source_line(r.source, lang)} [{r.gap.id}]")
        notes.append(f"  “{' '.join(r.gap.passage)}”")
    return Listing(title, columns, records, cells=cells, notes=notes)


def bars(then: float, now: float, scale: float) -> str:
    """Two text bars, then and now, scaled so ``scale`` fills BAR_WIDTH."""

    def bar(value: float) -> str:
        cells = value / scale * BAR_WIDTH if scale > 0 else 0
        full = int(cells)
        return "█" * full + ("▏" if cells - full >= 0.125 or (value > 0 and full == 0) else "")

    return f"{bar(then)}\n{bar(now)}"


def _all_gaps(rows: Sequence[GapRow], records: list[dict[str, Any]], lang: Lang) -> Listing:
    columns = [
        Column("benchmark", label("benchmark", lang)),
        Column("then", label("then", lang), numeric=True),
        Column("now", label("now", lang), numeric=True),
        Column("change", label("change", lang), numeric=True),
        Column("narrower", label("narrower", lang), numeric=True),
        Column("bars", label("bars", lang), whole=True, optional=True),
    ]
    cells: list[list[Any]] = []
    groups: list[int] = []
    notes: list[str] = []
    units = list(dict.fromkeys(r.gap.unit for r in rows))
    for unit in units:
        group = [r for r in rows if r.gap.unit == unit]
        scale = max(max(r.then.value, r.now.value) for r in group)
        if cells:
            groups.append(len(cells))
        first = group[0]
        cells.append([f"[{unit_name(unit)}]", first.then.date.iso, first.now.date.iso, "", "", ""])
        for r in group:
            cells.append(
                [
                    r.benchmark.name.get(lang),
                    _value(r.then.value, unit),
                    _value(r.now.value, unit),
                    _value(r.change, "pp"),
                    _narrower(r),
                    bars(r.then.value, r.now.value, scale),
                ]
            )
    for unit in units:
        printed = next(r.gap.printed_unit for r in rows if r.gap.unit == unit)
        notes.append(f"{unit}: {unit_name(unit, printed)}")
    for source in {r.source.id: r.source for r in rows}.values():
        notes.append(f"Source: {source_line(source, lang)}")
    title = "US–China gaps: then and now (change in percentage points)"
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)


def timeline_listing(events: Sequence[Event], sources: dict[str, Source], lang: Lang) -> Listing:
    records = [event_record(e, sources[e.source], lang) for e in events]
    columns = [
        Column("date", label("date", lang), whole=True),
        Column("what", label("what", lang), ratio=1),
        Column("who", label("who", lang), max_width=18, optional=True),
        Column("source", label("source", lang), whole=True),
    ]
    cells = [
        [
            e.date.iso + ("*" if e.inferred else ""),
            e.what.get(lang),
            e.who.get(lang) if e.who else "",
            e.source,
        ]
        for e in events
    ]
    notes = []
    if any(e.inferred for e in events):
        notes.append("* date inferred from the article's relative wording (see aigap show ID)")
    for sid in dict.fromkeys(e.source for e in events):
        notes.append(f"{sid}: {source_line(sources[sid], lang)}")
    title = "Timeline" if lang == "en" else "타임라인"
    return Listing(title, columns, records, cells=cells, notes=notes)
