"""`aigap brief [NAME]`: the facts a short brief about the story, or one name, is made of."""

from __future__ import annotations

import msgspec

from aigap.answers.entities import Page, find_page
from aigap.core.model import Benchmark, Fact, Source, Text, cited_ids
from aigap.store.queries import Store

QUOTES = 5  # the whole story's brief: its first quotes (file order)
MARKET = 2  # ... and its biggest market falls
FACTS = 20  # a name's brief: its first facts, dated first in date order


class Brief(msgspec.Struct, frozen=True):
    """What a brief says: about ``name`` (None: the whole story), these facts."""

    name: Text | str | None
    facts: list[Fact]
    sources: dict[str, Source]
    benchmarks: dict[str, Benchmark]
    total: int  # facts about the name in all (the brief shows the first FACTS)


def brief(store: Store, name: str | None = None) -> Brief:
    """The key facts: every gap, the biggest market falls, the costs and the first
    quotes; for a NAME (entity, benchmark, fact or source id), the facts about it."""
    benchmarks = {b.id: b for b in store.benchmarks()}
    named: Text | str | None = None
    if name is None:
        falls = sorted(store.records("market"), key=lambda m: getattr(m, "change", 0))
        facts = [
            *store.records("gaps"),
            *falls[:MARKET],
            *store.records("costs"),
            *store.records("quotes")[:QUOTES],
        ]
        total = len(facts)
    else:
        found = find_page(store, name, FACTS)
        if isinstance(found, Page):
            named, facts, total = found.entity.name, found.facts, found.total
        elif isinstance(found, Source):
            named = found.headline.get("ko")
            facts = [f for f in store.all_facts() if f.source == found.id][:FACTS]
            total = len(facts)
        else:
            named, facts, total = found.id, [found], 1
    # a quote's original words' source too: the brief cites it beside the article
    sources = {s: store.source(s) for s in dict.fromkeys(i for f in facts for i in cited_ids(f))}
    return Brief(named, facts, sources, benchmarks, total)
