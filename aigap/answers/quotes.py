"""``aigap quotes``: quotes, all or of one speaker (a name, an entity, its members)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from aigap.answers.entities import closest_name, group_matcher, named_group, names_of
from aigap.answers.sources import sources_of
from aigap.core.model import Source
from aigap.core.rows import Rows
from aigap.core.text import normalize_name
from aigap.kinds.quote import KIND, Quote
from aigap.store.queries import CacheError

if TYPE_CHECKING:
    from aigap.answers.entities import Named
    from aigap.store.queries import Filters, Store


class QuoteRow(msgspec.Struct, frozen=True):
    quote: Quote
    source: Source


def speaker_filter(who: str, group: list[Named] | None) -> Filters:
    """The store's filter for ``--who``: the names of the group ``who`` names (an
    entity and its people, see aigap.answers.entities.named_group), else part of a name.

    As aigap.answers.entities.group_matcher decides, so the store picks exactly the quotes it would.
    """

    if group is None:
        return {"who": " ".join(who.split()).casefold()}
    return {"speakers": sorted({normalize_name(n) for e in group for n in names_of(e)} - {""})}


def quote_rows(store: Store, who: str | None = None, limit: int | None = None) -> list[QuoteRow]:
    """Quotes in file order; ``who``: the speaker or the speaker's organisation (see entities)."""
    return list(quotes_page(store, who, limit).rows)


def quotes_page(store: Store, who: str | None = None, limit: int | None = None) -> Rows[QuoteRow]:
    """``quote_rows`` and how many quotes match in all.

    The store chooses and cuts the rows in SQL; the decoded records must agree with it.
    """
    filters: Filters = {}
    if who:
        group = named_group(store, who, members=True)  # resolved once, for the SQL and the check
        filters = speaker_filter(who, group)
    chosen = filters.copy()
    chosen["limit"] = limit
    quotes = store.select(KIND, **chosen)
    if who:
        speaks = group_matcher(group, who)
        if not all(speaks(q.speaker) for q in quotes):
            raise CacheError("cached speaker names do not match the records")
    total = len(quotes) if limit is None else store.count("quotes", **filters)
    sources = sources_of(store, quotes)
    return Rows([QuoteRow(q, sources[q.source]) for q in quotes], total)


def speaker_guess(store: Store, who: str) -> str | None:
    """The speaker ``--who`` may have meant when it matched no quote ('trmp')."""
    return closest_name(who, [q.speaker for q in store.one_per_speaker(KIND)])
