"""Entities (organisations, models, people, countries, benchmarks): lookup and pages.

An entity is named in the fact base's ``entities`` section (a benchmark in
``benchmarks``); a fact names the entities it is about in ``about``. ``aigap
show NAME`` resolves an id, a name or an alias (any case, spacing or
punctuation, English or Korean) and shows everything the base says about it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import msgspec

from aigap.answers.lookup import find_record
from aigap.answers.sources import sources_of
from aigap.core.errors import UnknownName, suggest
from aigap.core.model import Benchmark, Entity, Fact, Source, Text
from aigap.core.text import normalize_name

if TYPE_CHECKING:
    from aigap.store.queries import Store


Named = Entity | Benchmark


def type_of(named: Named) -> str:
    return "benchmark" if isinstance(named, Benchmark) else named.type


def names_of(named: Named) -> tuple[str, ...]:
    return (named.id, *named.aliases, *named.name.all())


def resolve(store: Store, name: str) -> Named | None:
    """The entity or benchmark with this id, name or alias; None when there is none."""
    found = store.record(name.strip()) or store.record(name.strip().casefold())
    if isinstance(found, Entity | Benchmark):
        return found
    norm = normalize_name(name)
    return store.entity_named(norm) if norm else None


def every_name(store: Store) -> dict[str, str]:
    """Each name of every entity and benchmark -> its id (for did-you-mean)."""
    named: list[Named] = [*store.entities(), *store.benchmarks()]
    return {n: e.id for e in named for n in names_of(e)}


def closest_name(name: str, texts: Sequence[Text]) -> str | None:
    """A did-you-mean for a filter (``--who``, ``--model``, ``--org``) that kept
    nothing: the text (any language) closest to NAME, whole or by one of its
    words ('trmp' -> 'Donald Trump'). Only texts the filter looks at are offered,
    so the suggestion, typed, finds something."""
    names: dict[str, str] = {}
    for text in texts:
        for whole in text.all():
            names.setdefault(whole, whole)
            for word in whole.split():
                names.setdefault(word, whole)
    return suggest(name, names)


class Relation(msgspec.Struct, frozen=True):
    """``relation`` (country, developer, affiliation, people, ...) to ``other``."""

    relation: str
    other: Named
    role: Text | None = None


def relations(named: Named, entities: Sequence[Entity]) -> list[Relation]:
    """What the base says ties this entity to others, both ways (Altman -> OpenAI)."""
    if isinstance(named, Benchmark):
        return []
    by_id = {e.id: e for e in entities}
    found: list[Relation] = []
    if named.country in by_id:
        found.append(Relation("country", by_id[named.country]))
    if named.developer in by_id:
        found.append(Relation("developer", by_id[named.developer]))
    for tie in named.affiliation:
        if tie.org in by_id:
            found.append(Relation("affiliation", by_id[tie.org], tie.role))
    for other in entities:
        for tie in other.affiliation:
            if tie.org == named.id:
                found.append(Relation("people", other, tie.role))
        if other.developer == named.id:
            found.append(Relation("models", other))
        if other.country == named.id:
            found.append(Relation("organizations", other))
    return found


class Page(msgspec.Struct, frozen=True):
    """An entity and what the base says about it, ready to lay out."""

    entity: Named
    relations: list[Relation]
    facts: list[Fact]  # dated first, in date order; then the undated, in file order
    sources: dict[str, Source]
    benchmarks: dict[str, Benchmark]
    total: int = 0  # facts in all, shown or not


def page(store: Store, named: Named, limit: int | None = None) -> Page:
    """Facts about the entity (the first ``limit``); for an organisation its people's quotes."""
    entities = store.entities()
    ties = relations(named, entities)
    people = [r.other.id for r in ties if r.relation == "people"]
    found = store.page_facts(named.id, people, isinstance(named, Benchmark), limit)
    facts, total = list(found.rows), found.total
    benchmarks = {b.id: b for b in store.benchmarks()}
    sources = sources_of(store, facts, words=True)
    return Page(named, ties, facts, sources, benchmarks, total)


def find_page(store: Store, name: str, limit: int | None = None) -> Page | Fact | Source:
    """The page of the entity NAME names; the record when NAME names a fact or a source.

    Unknown: UnknownName (exit 2) with the closest entity name or id.
    """

    exact = store.record(name.strip()) or store.record(name.strip().casefold())
    if exact is None:
        named = resolve(store, name)  # a name or an alias: no need to list every id
        if named is not None:
            return page(store, named, limit)
        try:
            exact = find_record(store, name)
        except UnknownName as exc:
            names = every_name(store)
            known = sorted(dict.fromkeys(names.values()))
            names.update({i: i for i in store.ids()})  # a mistyped fact id: "gap-mmluu"
            guess = suggest(name, names) or exc.suggestion
            raise UnknownName("name", name.strip(), known, {}, suggestion=guess) from None
    if isinstance(exact, Entity | Benchmark):
        return page(store, exact, limit)
    return exact


def matcher(store: Store, name: str, *, members: bool = False) -> Callable[[Text], bool]:
    """A test of a fact's text (speaker, model, organisation) against what NAME names.

    NAME that names an entity matches that entity's names; with ``members``
    also those of the people affiliated with it (``--who openai`` finds
    Altman). Otherwise NAME matches part of the text, in any case.
    """
    return group_matcher(named_group(store, name, members=members), name)


def group_matcher(group: list[Named] | None, name: str) -> Callable[[Text], bool]:
    """``matcher`` for a group already resolved (``named_group``; None: NAME names none)."""
    if group is None:
        wanted = " ".join(name.split()).casefold()
        return lambda text: any(wanted in t.casefold() for t in text.all())
    norms = {normalize_name(n) for named in group for n in names_of(named)}
    return lambda text: any(normalize_name(t) in norms for t in text.all())


def named_group(store: Store, name: str, *, members: bool = False) -> list[Named] | None:
    """The entity NAME names (with ``members``, and its people); None when it names none."""
    named = resolve(store, name)
    if named is None:
        return None
    group: list[Named] = [named]
    if members:
        group += [r.other for r in relations(named, store.entities()) if r.relation == "people"]
    return group
