"""``aigap market``: the market moves by trading day, with their sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from aigap.answers.sources import sources_of
from aigap.core.model import Source
from aigap.kinds.market import KIND, MarketMove

if TYPE_CHECKING:
    from aigap.store.queries import Store


class MarketRow(msgspec.Struct, frozen=True):
    move: MarketMove
    source: Source


def market_rows(store: Store, limit: int | None = None) -> list[MarketRow]:
    """By trading day, companies before indexes, biggest fall first (sorted by the store)."""
    moves = store.select(KIND, order="ranked", limit=limit)
    sources = sources_of(store, moves)
    return [MarketRow(m, sources[m.source]) for m in moves]
