"""``aigap show``: one record in full, with what aigap derives from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from aigap.answers import crosscheck
from aigap.answers.lookup import kind_of
from aigap.core.model import Benchmark, Fact, Source, cited_ids

if TYPE_CHECKING:
    from aigap.answers.crosscheck import Derived
    from aigap.core.jsontypes import Record
    from aigap.store.queries import Store


class Detail(msgspec.Struct, frozen=True):
    """One record in full, with what ``show`` prints around it."""

    record: Fact | Source | Benchmark
    kind: str
    source: Source | None  # the article a fact comes from, or the source itself
    derived: list[Derived]  # values aigap computes
    related: Record  # facts about a benchmark, the fact count of a source
    cited: tuple[Source, ...] = ()  # every source a fact's citation names (see citation.for_fact)


def detail(store: Store, record: Fact | Source) -> Detail:
    """What ``show`` prints of a fact or a source (``entities.find_page`` found it)."""
    kind = kind_of(record)
    if isinstance(record, Source):
        count = store.fact_counts().get(record.id, 0)
        return Detail(record, kind, record, [], {"facts": count})
    cited = tuple(store.source(i) for i in cited_ids(record))
    derived = list(crosscheck.derived_for(store, record))
    return Detail(record, kind, store.source(record.source), derived, {}, cited)
