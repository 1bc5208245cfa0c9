"""``aigap costs``: the cost facts with their sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from aigap.answers.sources import sources_of
from aigap.core.model import Source
from aigap.kinds.cost import KIND, Cost

if TYPE_CHECKING:
    from aigap.store.queries import Store


class CostRow(msgspec.Struct, frozen=True):
    cost: Cost
    source: Source


def cost_rows(store: Store, limit: int | None = None) -> list[CostRow]:
    costs = store.select(KIND, limit=limit)
    sources = sources_of(store, costs)
    return [CostRow(c, sources[c.source]) for c in costs]
