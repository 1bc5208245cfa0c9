"""``aigap facts``: every fact of every kind, one line each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aigap.core.model import Fact

if TYPE_CHECKING:
    from aigap.store.queries import Store


def fact_rows(store: Store, kind: str | None = None, limit: int | None = None) -> list[Fact]:
    """Every fact (of one section, e.g. 'claims'), in file order; the first ``limit``."""
    return store.select(kind or None, limit=limit)
