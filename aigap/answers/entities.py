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

from aigap import kinds
from aigap.core.labels import label
from aigap.core.model import Benchmark, Entity, Fact, Lang, Source, Text
from aigap.core.text import normalize_name
from aigap.output.layout import sources_of

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record
    from aigap.output.render import Listing
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
    facts, total = store.page_facts(named.id, people, isinstance(named, Benchmark), limit)
    benchmarks = {b.id: b for b in store.benchmarks()}
    sources = sources_of(store, facts)
    return Page(named, ties, facts, sources, benchmarks, total)


def kind_label(kind: str, lang: Lang) -> str:
    """A fact kind as the tables name it ("market", "증시"); a kind without a label as is."""
    from aigap.core.labels import LABELS

    return label(f"kind.{kind}", lang) if f"kind.{kind}" in LABELS else kind


def _type_label(named: Named, lang: Lang) -> str:
    return label(f"type.{type_of(named)}", lang)


def relation_text(relation: Relation, lang: Lang) -> str:
    text = f"{relation.other.name.get(lang)} ({relation.other.id})"
    if relation.role is not None:
        text += f" — {relation.role.get(lang)}"
    return text


def entries_of(fact: Fact, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[kinds.Entry]:
    return kinds.of(fact).story(fact, lang, benchmarks)


def entry_record(fact: Fact, entry: kinds.Entry) -> Record:
    """One line of a page or the timeline as flat data."""
    return {
        "date": entry.date.iso if entry.date else None,
        "precision": entry.date.precision if entry.date else None,
        "kind": fact.kind,
        "fact_id": fact.id,
        "text": entry.text,
        "figure": entry.figure or None,
        "source_id": fact.source,
        "inferred": fact.inferred,
    }


def page_data(found: Page, lang: Lang) -> Record:
    """The page as one JSON object: the entity's fields, its relations, its facts."""
    from aigap.answers.show import struct_data

    data = struct_data(found.entity)
    return {
        "id": data.pop("id"),
        "kind": "benchmark" if isinstance(found.entity, Benchmark) else "entity",
        "type": type_of(found.entity),
        **data,
        "relations": [
            {
                "relation": r.relation,
                "id": r.other.id,
                "name": r.other.name.get(lang),
                "role": r.role.get(lang) if r.role else None,
            }
            for r in found.relations
        ],
        "facts": [f.id for f in found.facts],
        "entries": [
            entry_record(f, e) for f in found.facts for e in entries_of(f, lang, found.benchmarks)
        ],
    }


def _identity_rows(named: Named, lang: Lang) -> list[tuple[str, str]]:
    """Who or what it is: id, type, names in both languages, aliases, description."""
    other: Lang = "en" if lang == "ko" else "ko"
    rows: list[tuple[str, str]] = [(label("entity.id", lang), named.id)]
    rows.append((label("entity.type", lang), _type_label(named, lang)))
    rows.append((label("entity.name", lang), named.name.get(lang)))
    if named.name.get(other) != named.name.get(lang):
        rows.append((f"{label('entity.name', lang)} ({other})", named.name.get(other)))
    if named.aliases:
        rows.append((label("entity.aliases", lang), ", ".join(named.aliases)))
    described = named.measures if isinstance(named, Benchmark) else named.description
    if described is not None:
        rows.append((label("entity.description", lang), described.get(lang)))
    if isinstance(named, Entity) and named.note is not None:
        rows.append((label("entity.note", lang), named.note.get(lang)))
    return rows


def _fact_rows(found: Page, lang: Lang) -> list[tuple[str, str]]:
    """One row per dated entry of each fact: date and kind, figure and text, ids."""
    rows = []
    for fact in found.facts:
        for entry in entries_of(fact, lang, found.benchmarks):
            date = entry.date.iso if entry.date else label("undated", lang)
            line = f"{entry.figure} · {entry.text}" if entry.figure else entry.text
            rows.append(
                (
                    f"{date}{'*' if fact.inferred else ''}\n{kind_label(fact.kind, lang)}",
                    f"{line}\n[{fact.id}, {fact.source}]",
                )
            )
    if not found.facts:
        rows.append((label("entity.facts", lang), label("entity.no_facts", lang)))
    return rows


def page_listing(found: Page, lang: Lang) -> Listing:
    """The page as a field/value table: who it is, its relations, then its facts."""
    from aigap.output.layout import source_line
    from aigap.output.render import Column, Listing

    named = found.entity
    rows = _identity_rows(named, lang)
    groups: list[int] = []
    by_relation: dict[str, list[str]] = {}
    for r in found.relations:
        by_relation.setdefault(r.relation, []).append(relation_text(r, lang))
    if by_relation:
        groups.append(len(rows))
        for relation, texts in by_relation.items():
            rows.append((label(f"relation.{relation}", lang), "\n".join(texts)))
    if found.facts:
        groups.append(len(rows))
    rows += _fact_rows(found, lang)
    notes = []
    if any(f.inferred for f in found.facts):
        notes.append(label("note.fact_inferred", lang))
    notes.extend(f"{sid}: {source_line(s, lang)}" for sid, s in found.sources.items())
    if found.total > len(found.facts):
        notes.append(label("note.more", lang, count=found.total - len(found.facts)))
    records: list[Record] = [{"field": f, "value": v} for f, v in rows]
    columns = [
        Column("field", label("field", lang), max_width=22),
        Column("value", label("value", lang), ratio=1),
    ]
    title = f"{named.name.get(lang)} ({_type_label(named, lang)})"
    return Listing(title, columns, records, notes=notes, groups=groups)


def find_page(store: Store, name: str, limit: int | None = None) -> Page | Fact | Source:
    """The page of the entity NAME names; the record when NAME names a fact or a source.

    Unknown: UnknownName (exit 2) with the closest entity name or id.
    """
    from aigap.answers.lookup import find_record
    from aigap.core.errors import UnknownName, suggest

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
