"""``aigap sources``: the source articles and how many facts each supports."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import msgspec

from aigap.core.model import Fact, Source, words_source

if TYPE_CHECKING:
    from aigap.store.queries import Store


class SourceRow(msgspec.Struct, frozen=True):
    source: Source
    facts: int


def source_rows(store: Store, limit: int | None = None) -> list[SourceRow]:
    counts = store.fact_counts()
    return [SourceRow(s, counts.get(s.id, 0)) for s in store.sources(limit)]


def sources_of(store: Store, facts: Iterable[Fact], *, words: bool = False) -> dict[str, Source]:
    """The sources the facts cite, each read once, by id; with ``words``, a quote's
    original words' source too (before its article's)."""
    if not words:
        return store.sources_by_id(f.source for f in facts)
    return store.sources_by_id(i for f in facts for i in (words_source(f), f.source) if i)
