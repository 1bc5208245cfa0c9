"""An entity's page laid out: who it is, its relations, the facts about it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aigap import kinds
from aigap.answers.entities import Named, Page, Relation, type_of
from aigap.core.labels import label
from aigap.core.model import Benchmark, Entity, Fact, Lang, words_source
from aigap.core.numbers import date_cell
from aigap.output.layout import date_fields, ids_lines, kind_label, source_line
from aigap.output.render import Column, Listing
from aigap.output.show import struct_data

if TYPE_CHECKING:
    from aigap.core.jsontypes import Record
    from aigap.output.render import Listing


def _type_label(named: Named, lang: Lang) -> str:
    return label(f"type.{type_of(named)}", lang)


def relation_text(relation: Relation, lang: Lang) -> str:
    text = f"{relation.other.name.get(lang)} ({relation.other.id})"
    if relation.role is not None:
        text += f" — {relation.role.get(lang)}"
    return text


def entries_of(fact: Fact, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[kinds.Entry]:
    return kinds.of(fact).story(fact, lang, benchmarks)


def dated_entries(found: Page, lang: Lang) -> list[tuple[Fact, kinds.Entry]]:
    """Every entry of the page's facts in date order (a fact with two readings, such
    as a gap's end of 2023 and end of 2024, gives each its own place); undated
    ones last; the facts' own order where dates tie."""
    pairs = [(f, e) for f in found.facts for e in entries_of(f, lang, found.benchmarks)]
    return sorted(pairs, key=lambda p: (p[1].date is None, p[1].date and p[1].date.sort_key))


def entry_record(fact: Fact, entry: kinds.Entry) -> Record:
    """One line of a page or the timeline as flat data."""
    return {
        **date_fields("date", entry.date, "precision"),
        "kind": fact.kind,
        "fact_id": fact.id,
        "text": entry.text,
        "figure": entry.figure or None,
        "source_id": fact.source,
        # a quote's original words come from their own source, not the article
        "original_source_id": words_source(fact),
        "inferred": fact.inferred,
    }


def page_data(found: Page, lang: Lang) -> Record:
    """The page as one JSON object: the entity's fields, its relations, its facts."""

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
        "entries": [entry_record(f, e) for f, e in dated_entries(found, lang)],
    }


def _identity_rows(named: Named, lang: Lang) -> list[tuple[str, str]]:
    """Who or what it is: id, type, names in both languages, aliases, description."""
    other: Lang = "en" if lang == "ko" else "ko"
    rows: list[tuple[str, str]] = [(label("entity.id", lang), named.id)]
    rows.append((label("entity.type", lang), _type_label(named, lang)))
    rows.append((label("entity.name", lang), named.name.get(lang)))
    if named.name.get(other) != named.name.get(lang):
        other_name = label(f"field.lang.{other}", lang)
        rows.append((f"{label('entity.name', lang)} ({other_name})", named.name.get(other)))
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
    for fact, entry in dated_entries(found, lang):
        date = date_cell(entry.date, fact.inferred, lang) or label("undated", lang)
        line = f"{entry.figure} · {entry.text}" if entry.figure else entry.text
        rows.append(
            (
                f"{date}\n{kind_label(fact.kind, lang)}",
                f"{line}\n{ids_lines(fact, lang)}",
            )
        )
    if not found.facts:
        rows.append((label("entity.facts", lang), label("entity.no_facts", lang)))
    return rows


def page_listing(found: Page, lang: Lang) -> Listing:
    """The page as a field/value table: who it is, its relations, then its facts."""

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
