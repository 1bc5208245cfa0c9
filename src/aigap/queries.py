"""Questions users ask, answered as plain records: no Typer, no Rich."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from aigap import derive
from aigap.errors import AigapError
from aigap.model import Benchmark, Event, Gap, GapValue, Lang, PartialDate, Source
from aigap.record import Record
from aigap.validate import normalize_name

if TYPE_CHECKING:
    from aigap.store import Store


class UnknownName(AigapError):
    """A benchmark or id the fact base does not know; lists what it does."""

    def __init__(self, what: str, name: str, known: Sequence[str], names: dict[str, str]) -> None:
        lines = [f"unknown {what} {name!r}"]
        self.suggestion = suggest(name, names)
        if self.suggestion:
            lines.append(f"did you mean {self.suggestion!r}?")
        if known:
            lines.append(f"known {what}s: {', '.join(known)}")
        super().__init__("\n".join(lines))


def suggest(name: str, names: dict[str, str]) -> str | None:
    """The id whose name (any alias, normalized) is closest to ``name``."""
    import difflib

    by_norm = {normalize_name(n): target for n, target in names.items() if normalize_name(n)}
    close = difflib.get_close_matches(normalize_name(name), list(by_norm), n=1, cutoff=0.6)
    return by_norm[close[0]] if close else None


def find_benchmark(store: Store, name: str, kinds: Sequence[str] = ("gaps",)) -> Benchmark:
    """Resolve what a user typed (id, alias, Korean name) to a benchmark."""
    found = store.benchmark_for_name(normalize_name(name))
    if found is not None:
        bench = store.record(found)
        if bench is not None:
            return bench  # type: ignore[no-any-return]
    benchmarks = store.records("benchmarks")
    with_facts = {f.benchmark for kind in kinds for f in store.records(kind)}
    relevant = [b for b in benchmarks if b.id in with_facts] or benchmarks
    names = {n: b.id for b in relevant for n in (b.id, *b.aliases, *b.name.all())}
    raise UnknownName("benchmark", name, [b.id for b in relevant], names)


class GapRow(Record):
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


def gap_rows(store: Store, name: str | None) -> list[GapRow]:
    """One row per gap fact: of one benchmark, or all sorted by unit then today's gap."""
    if name is not None:
        bench = find_benchmark(store, name)
        gaps = store.records_about("gaps", bench.id)
        benchmarks = {bench.id: bench}
    else:
        gaps = store.records("gaps")
        benchmarks = {b.id: b for b in store.records("benchmarks")}
    sources: dict[str, Source] = {}
    rows = []
    for gap in gaps:
        if gap.source not in sources:
            sources[gap.source] = store.source(gap.source)
        rows.append(GapRow(benchmarks[gap.benchmark], gap, sources[gap.source]))
    return sort_gap_rows(rows) if name is None else rows


def sort_gap_rows(rows: list[GapRow]) -> list[GapRow]:
    """Grouped by unit (in order of first appearance), largest gap today first."""
    unit_order: dict[str, int] = {}
    for row in rows:
        unit_order.setdefault(row.gap.unit, len(unit_order))
    return sorted(rows, key=lambda r: (unit_order[r.gap.unit], -r.now.value))


def gap_record(row: GapRow, lang: Lang) -> dict[str, Any]:
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
        "times_narrower": None if row.times_narrower is None else round(row.times_narrower, 2),
        "source_id": src.id,
        "source_outlet": src.outlet.get(lang),
        "source_published": src.published.iso,
        "source_published_inferred": src.published_inferred,
        "passage": " ".join(gap.passage),
    }


def parse_partial_date(text: str) -> PartialDate:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD."""
    from aigap.validate import Checker, date

    checker = Checker()
    parsed = date(checker, text, ())
    if checker.issues:
        raise AigapError(checker.issues[0].message)
    return parsed  # type: ignore[no-any-return]


def _span(d: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    return (d.year, d.month or 1, d.day or 1), (d.year, d.month or 12, d.day or 31)


def timeline(
    events: Iterable[Event],
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    tags: Sequence[str] = (),
) -> list[Event]:
    """Events in date order; a partial date matches a range it overlaps."""
    wanted = {t.casefold() for t in tags}
    chosen = []
    for event in events:
        start, end = _span(event.date)
        if since is not None and end < _span(since)[0]:
            continue
        if until is not None and start > _span(until)[1]:
            continue
        if wanted and not wanted.intersection(t.casefold() for t in event.tags):
            continue
        chosen.append(event)
    return sorted(chosen, key=lambda e: e.date.sort_key)


def event_record(event: Event, source: Source, lang: Lang) -> dict[str, Any]:
    return {
        "fact_id": event.id,
        "date": event.date.iso,
        "precision": event.date.precision,
        "what": event.what.get(lang),
        "who": event.who.get(lang) if event.who else None,
        "tags": list(event.tags),
        "inferred": event.inferred,
        "source_id": source.id,
        "source_outlet": source.outlet.get(lang),
        "source_published": source.published.iso,
        "passage": " ".join(event.passage),
    }


def sources_by_id(store: Store, ids: Iterable[str]) -> dict[str, Source]:
    return {sid: store.source(sid) for sid in dict.fromkeys(ids)}
