"""``aigap gap``: the gap facts of one benchmark, or of all, with benchmark and source."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from aigap.answers.lookup import find_benchmark
from aigap.answers.sources import sources_of
from aigap.core import derive
from aigap.core.errors import AigapError
from aigap.core.labels import label
from aigap.core.model import (
    Benchmark,
    Lang,
    Source,
)
from aigap.kinds.gap import KIND, Gap, GapValue

if TYPE_CHECKING:
    from aigap.store.queries import Store


class GapRow(msgspec.Struct, frozen=True):
    benchmark: Benchmark
    gap: Gap
    source: Source
    primary: tuple[Source, ...] = ()  # the primary sources its note was checked against

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
        bench = find_benchmark(store, name)
        gaps = store.records_about(KIND, bench.id)
        if not gaps:  # a benchmark with scores but no gap reading (AIME 2024, MATH-500)
            raise AigapError(_no_gap(store, bench, lang))
        benchmarks = {bench.id: bench}
    else:
        gaps = store.records(KIND)
        benchmarks = {b.id: b for b in store.benchmarks()}
    sources = sources_of(store, gaps)
    primary = store.sources_by_id(p.source for g in gaps for p in g.primary)
    rows = [
        GapRow(
            benchmarks[g.benchmark],
            g,
            sources[g.source],
            tuple(primary[p.source] for p in g.primary),
        )
        for g in gaps
    ]
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
