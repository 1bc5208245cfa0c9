"""``aigap export DIR``: the whole fact base as a Frictionless Data Package.

Tidy CSV tables with a Table Schema each, described in ``datapackage.json``.
The tables of a kind of fact are derived from its record's declared fields,
so a kind added to the registry gets its resource without a line here:

- a scalar field is a column (str -> string, float -> number, ...);
- a ``Text`` is two columns, ``<name>_en`` and ``<name>_ko``;
- a ``PartialDate`` is four: ``<name>`` and ``<name>_end`` (ISO dates, the
  first and last day of the period, which pandas parses), ``<name>_precision``
  (year|month|day|year_end|...) and ``<name>_text`` (the date as the fact
  file gives it, e.g. ``2024-01``, ``2024-end``);
- another record (an ``Amount``) is its fields, prefixed with its name;
- a tuple of records (a gap's values, a cost's amounts) is a resource of
  its own, one row per item (``gap_values``, ``cost_amounts``).

Fields every fact has are shared: ``facts`` lists every fact, ``passages``
each verbatim part, ``fact_tags`` each tag. See docs/output.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import stat
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, Union, get_args, get_origin

import msgspec

from aigap import __version__, kinds
from aigap.core.errors import AigapError, OutputError, os_reason, some_names
from aigap.core.model import (
    PERIODS,
    UNITS,
    Benchmark,
    Entity,
    Fact,
    Lang,
    Number,
    PartialDate,
    Source,
    Text,
)
from aigap.output.files import alive

if TYPE_CHECKING:
    from aigap.core.jsontypes import JSONValue, Record
    from aigap.kinds import SomeKind
    from aigap.store.queries import Store


# Reads one cell from a row of a table's items. The items differ by table (a
# record, a (fact, item, position) tuple, a (kind, fact) pair), and each table's
# getters index them their own way: the row's type is the table's, hence Any.
Getter: TypeAlias = "Callable[[Any], object]"

MARKER = "aigap-export"  # written into datapackage.json: "this directory is ours"
PACKAGE_NAME = "aigap-us-china-ai-gap"

# An id field with one of these names refers to that resource's ``id``.
REFERENCES: dict[str, str] = {"source": "sources", "benchmark": "benchmarks"}

# Descriptions of columns by name; ``{unit}`` in one becomes "the unit named by
# column X" when the column sits beside a unit column. Anything missing falls
# back to a generic description naming the record and field.
_UNIT_LIST = "; ".join(f"{k} = {v}" for k, v in UNITS.items())
DESCRIPTIONS: dict[str, str] = {
    "id": "Identifier, as in facts.yaml (`aigap show ID` prints the record).",
    "fact_id": "Id of the fact (facts.id) this row belongs to.",
    "resource": "The resource (table) that holds the fact's own fields.",
    "source": "Id of the source article (sources.id).",
    "benchmark": "Id of the benchmark (benchmarks.id).",
    "benchmark_id": "Id of the benchmark (benchmarks.id).",
    "passage": (
        "Verbatim passage from the article, in the article's language (Korean). Parts that"
        " are not adjacent in the article are separated by a line break; each part is also"
        " a row of `passages`."
    ),
    "passage_en": "English rendering of the passage (a translation, not the article's words).",
    "inferred": (
        "true when the fact needs an inference beyond the article's words (a date resolved,"
        " a unit read from the primary source); the note says which."
    ),
    "tags": "Tag, lower case.",
    "tag": "A tag of the fact (lower case).",
    "keyword": "A word readers search the fact by that its text does not have (a curator's).",
    "entity": "Id of an entity (entities section) or benchmark the fact is about.",
    "position": "Position of the item in its list, from 1 (file order).",
    "part": "Position of the part in the passage, from 1.",
    "text": "The part of the passage, verbatim from the article (Korean).",
    "alias": "Another name of the benchmark that aigap accepts.",
    "unit": f"Unit of the values in this row: {_UNIT_LIST}.",
    "printed_unit": "The unit as the article printed it (e.g. '%' for percentage points).",
    "value": "The number, in the unit named by column {unit}.",
    "printed": "The figure as the article printed it (Korean), e.g. '17.5%' or '558만 달러'.",
    "approx": "true when the article marks the amount as approximate (약, about).",
    "change": (
        "Change from the previous close, in percent (-16.9 = a fall of 16.9%); unit: percent."
    ),
    "change_printed": "The change as the article printed it, often without a sign.",
    "subject_kind": "What the subject is: company or index.",
    "country": "Country of the model's developer: US or CN (ISO 3166-1 alpha-2).",
    "published_time": "Time of publication as printed, with its time zone.",
    "published_inferred": "true when the publication date is not printed in the article.",
    "language": "Language of the article (ISO 639-1).",
    "file": "File name of the article's text in the curators' source collection.",
    "ratio_value": "A fraction (0.1 = one tenth); no unit.",
    "summary_en": "One-line English summary, as `aigap facts` prints it (made by aigap).",
    "summary_ko": "One-line Korean summary, as `aigap facts --lang ko` prints it (made by aigap).",
}

# Table Schema type of each scalar Python type (bool before int: bool is an int).
_SCALARS: tuple[tuple[type, str], ...] = ((bool, "boolean"), (int, "integer"), (float, "number"))


class Column(msgspec.Struct, frozen=True):
    """One CSV column: its Table Schema field and how to read it from a record."""

    name: str
    type: str  # Table Schema type: string, number, integer, boolean, date
    description: str
    get: Getter
    required: bool = False
    enum: tuple[str, ...] | None = None
    reference: str | None = None  # the resource whose ``id`` this column refers to

    def field(self) -> Record:
        field: Record = {
            "name": self.name,
            "type": self.type,
            "description": self.description,
        }
        if self.type == "date":
            field["format"] = "%Y-%m-%d"
        constraints: Record = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            field["constraints"] = constraints
        return field


class Table(msgspec.Struct, frozen=True):
    """One resource: a CSV file and its schema."""

    name: str
    title: str
    description: str
    columns: list[Column]
    rows: list[list[object]]
    primary_key: tuple[str, ...]

    def descriptor(self) -> Record:
        schema: Record = {
            "fields": [c.field() for c in self.columns],
            "primaryKey": list(self.primary_key),
        }
        keys: list[JSONValue] = [
            {"fields": [c.name], "reference": {"resource": c.reference, "fields": ["id"]}}
            for c in self.columns
            if c.reference
        ]
        if keys:
            schema["foreignKeys"] = keys
        return {
            "name": self.name,
            "type": "table",
            "path": f"{self.name}.csv",
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": self.title,
            "description": self.description,
            "schema": schema,
        }


# --- Columns derived from a record's declared fields ---------------------------


def _unwrap(tp: object) -> tuple[object, tuple[object, ...], bool]:
    """(base type, Annotated markers, optional?) of a field's declared type."""
    markers: tuple[object, ...] = ()
    optional = False
    if tp == Number:  # a figure, int or float: one number column
        return float, markers, optional
    if get_origin(tp) is Annotated:
        tp, *extra = get_args(tp)
        markers = tuple(extra)
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        optional = len(args) < len(get_args(tp))
        tp = args[0] if len(args) == 1 else tp
        if get_origin(tp) is Annotated:
            tp, *extra = get_args(tp)
            markers += tuple(extra)
    return tp, markers, optional


def _sequence_item(tp: object) -> object | None:
    """The item type of ``tuple[X, ...]``, else None."""
    if get_origin(tp) is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item: object = args[0]
            return item
    return None


def _describe(name: str, owner: str, unit_column: str | None) -> str:
    """A column's description; a ``value`` beside a unit column names that unit column."""
    text = DESCRIPTIONS.get(name)
    leaf = name.rsplit("_", 1)[-1] if "_" in name else name
    if text is None and leaf in ("value", "printed", "approx", "unit") and name != leaf:
        text = DESCRIPTIONS[leaf]
    if text is None:
        text = f"`{name.replace('_', '.')}` of the {owner} (see docs/fact-base.md)."
    return text.replace("{unit}", f"`{unit_column}`" if unit_column else "`unit`")


def _attr(getter: Getter, name: str) -> Getter:
    def get(record: object) -> object:
        parent = getter(record)
        return None if parent is None else getattr(parent, name)

    return get


def _text(getter: Getter, lang: Lang) -> Getter:
    def get(record: object) -> object:
        text = getter(record)
        return None if text is None else getattr(text, lang)

    return get


def _date(getter: Getter, part: str) -> Getter:
    def get(record: object) -> object:
        date = getter(record)
        if not isinstance(date, PartialDate):
            return None
        if part == "precision":
            return date.period
        if part == "text":
            return date.iso
        # the first or last day of the period: full dates pandas and spreadsheets parse
        return (date.last if part == "end" else date.first).isoformat()

    return get


def columns_of(
    record: type[msgspec.Struct],
    owner: str,
    *,
    prefix: str = "",
    getter: Getter = lambda r: r,
    required: bool = True,
    skip: Iterable[str] = (),
) -> Iterator[Column]:
    """The columns of a record's scalar, text, date and nested-record fields.

    Tuple fields are skipped: each becomes a resource of its own.
    """
    fields = msgspec.structs.fields(record)
    unit_field = next((f.name for f in fields if f.name == "unit"), None)
    for f in fields:
        if f.name in skip:
            continue
        name = prefix + f.name
        tp, markers, optional = _unwrap(f.type)
        need = required and f.required and not optional
        get = _attr(getter, f.name)
        unit_column = prefix + unit_field if unit_field else None
        if _sequence_item(tp) is not None:
            continue
        if tp is Text:
            yield from _text_columns(name, owner, unit_column, get)
        elif tp is PartialDate:
            yield from _date_columns(name, get, need)
        elif isinstance(tp, type) and issubclass(tp, msgspec.Struct):
            yield from columns_of(tp, owner, prefix=f"{name}_", getter=get, required=need, skip=())
        else:
            yield _scalar_column(f.name, name, tp, markers, owner, unit_column, get, need)


def _text_columns(name: str, owner: str, unit_column: str | None, get: Getter) -> Iterator[Column]:
    """A text field as two columns, ``NAME_en`` and ``NAME_ko``."""
    for lang in ("en", "ko"):
        yield Column(
            f"{name}_{lang}",
            "string",
            _describe(f"{name}_{lang}", owner, unit_column)
            if f"{name}_{lang}" in DESCRIPTIONS
            else f"{_label(name)}, in {'English' if lang == 'en' else 'Korean'}.",
            _text(get, lang),
        )


_PRECISION = (
    "year, month or day; year_end or month_end (the end of a year or month: its last"
    " day), year_start or month_start (its first day)"
)
_TEXT = "YYYY, YYYY-MM or YYYY-MM-DD; YYYY-end, YYYY-MM-end, YYYY-start, YYYY-MM-start"


def _date_columns(name: str, get: Getter, need: bool) -> Iterator[Column]:
    """A partial date as four columns: its first and last day, its precision, its text."""
    yield Column(
        name,
        "date",
        f"{_label(name)}: the first day of the period the fact file gives"
        f" (ISO 8601); its last day is `{name}_end`, its precision `{name}_precision`.",
        _date(get, "start"),
        required=need,
    )
    yield Column(
        f"{name}_end",
        "date",
        f"{_label(name)}: the last day of the period (ISO 8601); the same day as"
        f" `{name}` for a date known to the day or for the end of a year or month.",
        _date(get, "end"),
        required=need,
    )
    yield Column(
        f"{name}_precision",
        "string",
        f"How precisely `{name}` is known: {_PRECISION}.",
        _date(get, "precision"),
        required=need,
        enum=PERIODS,
    )
    yield Column(
        f"{name}_text",
        "string",
        f"{_label(name)} as the fact file gives it: {_TEXT}.",
        _date(get, "text"),
        required=need,
    )


def _scalar_column(
    field: str,
    name: str,
    tp: object,
    markers: tuple[object, ...],
    owner: str,
    unit_column: str | None,
    get: Getter,
    need: bool,
) -> Column:
    """A number, string, flag or choice field; an id marker makes it a foreign key."""
    kind = next((t for py, t in _SCALARS if tp is py), "string")
    enum = tuple(get_args(tp)) if get_origin(tp) is Literal else None
    reference = REFERENCES.get(field) if "id" in markers and field != "id" else None
    return Column(
        name,
        kind,
        _describe(name, owner, unit_column),
        get,
        required=need,
        enum=enum,
        reference=reference,
    )


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n\n")[0].replace("\n", " ").replace("``", "`")


# --- Tables --------------------------------------------------------------------

# the shared fields kept in resources of their own; ``primary`` (the primary
# sources a fact was checked against) is citation data, given by ``aigap cite``
_FACT_SKIP = ("tags", "keywords", "about", "primary")


def _passage(fact: Fact) -> str:
    return "\n".join(fact.passage)


def kind_tables(kind: SomeKind, facts: list[Fact]) -> list[Table]:
    """A kind's resource, plus one per tuple-of-records field (``gap_values``)."""
    record: type[Fact] = kind.record
    owner = kind.name
    columns = []
    for column in columns_of(record, owner, skip=_FACT_SKIP):
        if column.name == "passage":
            continue
        columns.append(column)
        if column.name == "source":  # the passage right after where it comes from
            columns.append(
                Column("passage", "string", DESCRIPTIONS["passage"], _passage, required=True)
            )
    tables = [
        Table(
            kind.section,
            f"{owner.capitalize()} facts",
            _first_line(record.__doc__),
            columns,
            [[c.get(f) for c in columns] for f in facts],
            ("id",),
        )
    ]
    parent_keys = [
        c
        for c in columns
        if c.reference is not None or c.name == "unit"  # repeated in each item's row
    ]
    for f in msgspec.structs.fields(record):
        tp, _, _ = _unwrap(f.type)
        item = _sequence_item(tp)
        if f.name in _FACT_SKIP or f.name == "passage" or item is None:
            continue
        tables.append(_items_table(kind, f.name, item, parent_keys, facts))
    return tables


def _items_table(
    kind: SomeKind, field: str, item: object, parent_keys: list[Column], facts: list[Fact]
) -> Table:
    """One row per item of a fact's tuple field, with the fact's id and keys."""
    name = f"{kind.name}_{field}"
    own: list[Column]
    if isinstance(item, type) and issubclass(item, msgspec.Struct):
        own = list(columns_of(item, kind.name, getter=lambda pair: pair[1]))
    else:
        own = [Column(field, "string", _describe(field, kind.name, None), lambda p: p[1])]
    names = {c.name for c in own}
    shared = [
        Column(
            c.name,
            c.type,
            c.description,
            (lambda getter: lambda pair: getter(pair[0]))(c.get),
            required=c.required,
            enum=c.enum,
            reference=c.reference,
        )
        for c in parent_keys
        if c.name not in names and c.name != "source"
    ]
    columns = [
        Column(
            "fact_id",
            "string",
            f"Id of the {kind.name} fact ({kind.section}.id).",
            lambda p: p[0].id,
            required=True,
            reference=kind.section,
        ),
        Column("position", "integer", DESCRIPTIONS["position"], lambda p: p[2], required=True),
        *shared,
        *own,
    ]
    rows = [
        [c.get((fact, value, n)) for c in columns]
        for fact in facts
        for n, value in enumerate(getattr(fact, field), start=1)
    ]
    return Table(
        name,
        f"{kind.name.capitalize()} {field.replace('_', ' ')}",
        f"One row per item of a {kind.name}'s `{field}`: {_first_line(item.__doc__)}",
        columns,
        rows,
        ("fact_id", "position"),
    )


def _record_table(
    name: str,
    title: str,
    record: type[msgspec.Struct],
    items: Sequence[msgspec.Struct],
    skip: tuple[str, ...],
) -> Table:
    columns = list(columns_of(record, name.rstrip("s"), skip=skip))
    return Table(
        name,
        title,
        _first_line(record.__doc__),
        columns,
        [[c.get(r) for c in columns] for r in items],
        ("id",),
    )


def tables(
    sources: list[Source],
    benchmarks: list[Benchmark],
    by_kind: list[tuple[SomeKind, list[Fact]]],
    entities: Sequence[Entity] = (),
) -> list[Table]:
    """Every resource of the package, in the order ``datapackage.json`` lists them."""
    bench = {b.id: b for b in benchmarks}
    all_facts = [(kind, f) for kind, facts in by_kind for f in facts]
    facts_columns = _facts_columns(by_kind, bench)
    result = [
        _record_table("sources", "Source articles", Source, sources, ()),
        _record_table("benchmarks", "Benchmarks", Benchmark, benchmarks, ()),
        _aliases_table(benchmarks),
        *_entity_tables(list(entities)),
        Table(
            "facts",
            "Every fact",
            "One row per fact of every kind: its kind, source, date and verbatim passage.",
            facts_columns,
            [[c.get(p) for c in facts_columns] for p in all_facts],
            ("id",),
        ),
        *_fact_part_tables(all_facts),
    ]
    for kind, facts in by_kind:
        result.extend(kind_tables(kind, facts))
    return result


def _facts_columns(
    by_kind: list[tuple[SomeKind, list[Fact]]], bench: dict[str, Benchmark]
) -> list[Column]:
    """The columns of ``facts``: what every kind of fact has, read from (kind, fact) pairs."""

    return [
        Column("id", "string", DESCRIPTIONS["id"], lambda p: p[1].id, required=True),
        Column(
            "kind",
            "string",
            "Kind of fact: " + ", ".join(k.name for k, _ in by_kind) + ".",
            lambda p: p[0].name,
            required=True,
            enum=tuple(k.name for k, _ in by_kind),
        ),
        Column("resource", "string", DESCRIPTIONS["resource"], lambda p: p[0].section),
        Column(
            "source",
            "string",
            DESCRIPTIONS["source"],
            lambda p: p[1].source,
            required=True,
            reference="sources",
        ),
        *_fact_date_columns(),
        Column("inferred", "boolean", DESCRIPTIONS["inferred"], lambda p: p[1].inferred),
        Column(
            "summary_en",
            "string",
            DESCRIPTIONS["summary_en"],
            lambda p: p[0].summary(p[1], "en", bench),
        ),
        Column(
            "summary_ko",
            "string",
            DESCRIPTIONS["summary_ko"],
            lambda p: p[0].summary(p[1], "ko", bench),
        ),
        Column("passage", "string", DESCRIPTIONS["passage"], lambda p: _passage(p[1])),
        Column("passage_en", "string", DESCRIPTIONS["passage_en"], lambda p: p[1].passage_en),
    ]


def _fact_date_columns() -> list[Column]:
    """The date a fact is about, as ``date``, ``date_precision`` and ``date_text``."""

    def date(part: str) -> Getter:
        return _date(lambda p: p[0].date(p[1]), part)

    return [
        Column(
            "date",
            "date",
            "The date the fact is about (a gap's: its latest value's), first day of the"
            " period (ISO 8601); its last day is `date_end`, see `date_precision`.",
            date("start"),
        ),
        Column(
            "date_end",
            "date",
            "The last day of the period `date` starts (ISO 8601).",
            date("end"),
        ),
        Column(
            "date_precision",
            "string",
            f"How precisely `date` is known: {_PRECISION}.",
            date("precision"),
            enum=PERIODS,
        ),
        Column(
            "date_text",
            "string",
            f"The date as the fact file gives it: {_TEXT}.",
            date("text"),
        ),
    ]


def _entity_tables(entities: list[Entity]) -> list[Table]:
    """The actors facts are about, their other names and people's affiliations."""
    entity_id = Column(
        "entity_id",
        "string",
        "Id of the entity (entities.id).",
        lambda row: row[0],
        required=True,
        reference="entities",
    )
    position = Column(
        "position", "integer", DESCRIPTIONS["position"], lambda r: r[1], required=True
    )
    return [
        _record_table("entities", "Entities", Entity, entities, ()),
        Table(
            "entity_aliases",
            "Entity aliases",
            "Other names of each entity (one row each).",
            [
                entity_id,
                position,
                Column("alias", "string", "Another name aigap accepts.", lambda r: r[2]),
            ],
            [[e.id, n, a] for e in entities for n, a in enumerate(e.aliases, start=1)],
            ("entity_id", "position"),
        ),
        Table(
            "entity_affiliations",
            "Affiliations",
            "A person's ties to organisations, with the role (one row each).",
            [
                entity_id,
                position,
                Column("org", "string", "Id of the organisation (entities.id).", lambda r: r[2]),
                Column("role_en", "string", "The role, in English.", lambda r: r[3]),
                Column("role_ko", "string", "The role, in Korean.", lambda r: r[4]),
            ],
            [
                [e.id, n, a.org, a.role.en if a.role else None, a.role.ko if a.role else None]
                for e in entities
                for n, a in enumerate(e.affiliation, start=1)
            ],
            ("entity_id", "position"),
        ),
    ]


def _aliases_table(benchmarks: list[Benchmark]) -> Table:
    """Other names of each benchmark, one row each."""
    return Table(
        "benchmark_aliases",
        "Benchmark aliases",
        "Other names of each benchmark (one row each).",
        [
            Column(
                "benchmark_id",
                "string",
                DESCRIPTIONS["benchmark_id"],
                lambda p: p[0],
                required=True,
                reference="benchmarks",
            ),
            Column("position", "integer", DESCRIPTIONS["position"], lambda p: p[1]),
            Column("alias", "string", DESCRIPTIONS["alias"], lambda p: p[2], required=True),
        ],
        [[b.id, n, alias] for b in benchmarks for n, alias in enumerate(b.aliases, start=1)],
        ("benchmark_id", "position"),
    )


def _tags(fact: Fact) -> tuple[str, ...]:
    return fact.tags


def _keywords(fact: Fact) -> tuple[str, ...]:
    return fact.keywords


def _about(fact: Fact) -> tuple[str, ...]:
    return fact.about


def _fact_part_tables(all_facts: list[tuple[SomeKind, Fact]]) -> list[Table]:
    """A fact's passage parts, tags, search words and what it is about: one row per item."""
    fact_id = Column(
        "fact_id",
        "string",
        DESCRIPTIONS["fact_id"],
        lambda p: p[0],
        required=True,
        reference="facts",
    )

    def one_each(
        name: str, title: str, about: str, column: str, items: Callable[[Fact], tuple[str, ...]]
    ) -> Table:
        """A table of one row per item of a fact's list (its tags, keywords, about)."""
        return Table(
            name,
            title,
            about,
            [
                fact_id,
                Column(column, "string", DESCRIPTIONS[column], lambda p: p[1], required=True),
            ],
            [[f.id, item] for _, f in all_facts for item in dict.fromkeys(items(f))],
            ("fact_id", column),
        )

    return [
        Table(
            "passages",
            "Verbatim passages",
            "Each part of each fact's verbatim passage, in the article's words (one row each).",
            [
                fact_id,
                Column("part", "integer", DESCRIPTIONS["part"], lambda p: p[1], required=True),
                Column("text", "string", DESCRIPTIONS["text"], lambda p: p[2], required=True),
            ],
            [[f.id, n, text] for _, f in all_facts for n, text in enumerate(f.passage, start=1)],
            ("fact_id", "part"),
        ),
        one_each("fact_tags", "Fact tags", "The tags of each fact (one row each).", "tag", _tags),
        one_each(
            "fact_keywords",
            "Fact search words",
            "The search words of each fact, a curator's synonyms (one row each).",
            "keyword",
            _keywords,
        ),
        one_each(
            "fact_about",
            "What facts are about",
            "The entities and benchmarks each fact is about (one row each).",
            "entity",
            _about,
        ),
    ]


# --- The package ---------------------------------------------------------------


def descriptor(tabs: list[Table], sources: list[Source], version: str) -> Record:
    return {
        "name": PACKAGE_NAME,
        "title": "aigap: the US–China AI gap, from two Korean news articles",
        "description": (
            "Every fact of aigap's curated fact base as tidy tables: each number with its"
            " unit, date and the verbatim Korean passage of the article it is from, with an"
            " English rendering. Made by `aigap export`. A text cell that a spreadsheet"
            " would run as a formula (it starts with = + - @, a tab or a CR) has an"
            " apostrophe before it, as has one starting with an apostrophe followed by"
            " one of those or by another apostrophe: strip that one apostrophe for the"
            " exact text."
        ),
        "version": version,
        "keywords": ["AI", "US", "China", "benchmarks", "DeepSeek", "news"],
        # A data licence for aigap's own work (LICENSE-DATA.md); the passages are not aigap's.
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": (
                    "Creative Commons Attribution 4.0, for aigap's own structured work: ids,"
                    " values, units, dates, entities, English renderings, notes and derived"
                    " figures. The verbatim passages, quotations, headlines and bylines are"
                    " the words of the publishers of the articles, reports and pages listed in"
                    " `sources`, quoted for reference with attribution; their copyright stays"
                    " with the publishers."
                    " Cite the source article of a fact with it."
                ),
            }
        ],
        "sources": [
            {
                "title": (
                    f"{s.outlet.get('en')}, {s.published.iso}: {s.headline.get('ko')}"
                    + (f" ({s.headline.en})" if s.headline.en else "")
                    + (f" — {s.byline.get('en')}" if s.byline else "")
                ),
            }
            for s in sources
        ],
        "aigap": {"export": MARKER, "version": version},
        "resources": [t.descriptor() for t in tabs],
    }


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # shortest exact form, never 1e+15 rounding surprises
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return value


# A spreadsheet runs a cell that starts with one of these (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?%?")


def spreadsheet_safe(text: str) -> str:
    """``text`` a spreadsheet shows and never runs ('=HYPERLINK(…)', '@sama의 …'): a
    leading apostrophe before a formula start, and before an apostrophe that is
    followed by one or by another apostrophe, so that ``spreadsheet_text`` undoes it
    exactly; any other text (a number such as ``-16.9%``, ``'The same period'``) as is."""
    if (text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)) or _marked(text):
        return "'" + text
    return text


def spreadsheet_text(cell: str) -> str:
    """The exact text of a cell ``spreadsheet_safe`` wrote (for a program reading it)."""
    return cell[1:] if _marked(cell) else cell


def _marked(text: str) -> bool:
    return text[:1] == "'" and text[1:2] != "" and text[1:2] in (*_FORMULA_START, "'")


def _write_csv(path: Path, table: Table) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        # RFC 4180: CRLF line ends, so a bare CR in a cell is quoted too
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([c.name for c in table.columns])
        for row in table.rows:
            writer.writerow([_cell(v) for v in row])


# What an export writes into DIR: resources and the manifest, nothing else.
_OWN_NAME = re.compile(r"[a-z][a-z0-9_]*\.csv")
MANIFEST = "datapackage.json"
_WORK = ".aigap-tmp."  # + pid: a directory being written (inside DIR, or beside a new DIR)


def is_export(directory: Path) -> bool:
    """Whether ``directory`` holds an earlier aigap export (its marker in datapackage.json)."""
    return _manifest(directory) is not None


def _manifest(directory: Path) -> dict[str, set[str]] | None:
    """What an earlier export at ``directory`` wrote: file name -> the digests aigap
    gave it (None when ``directory`` is not an export).

    Only plain names of the kind an export writes count: a manifest naming
    ``../x`` or a hidden file is never read as permission to touch it. A manifest
    from before digests were kept (or a copy of one) lists names without digests:
    those files count as aigap's only when they are all the directory holds.
    """
    try:
        with open(directory / MANIFEST, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    own = data.get("aigap") if isinstance(data, dict) else None
    if not isinstance(own, dict) or own.get("export") != MARKER:
        return None
    files: dict[str, set[str]] = {}
    for key in ("files", "replacing"):  # "replacing": an export stopped while swapping
        listed = own.get(key)
        if isinstance(listed, dict):
            for name, digest in listed.items():
                if isinstance(name, str) and _OWN_NAME.fullmatch(name) and isinstance(digest, str):
                    files.setdefault(name, set()).add(digest)
    if "files" not in own:  # an older export: names only
        resources = data.get("resources")
        for res in resources if isinstance(resources, list) else []:
            path = res.get("path") if isinstance(res, dict) else None
            if isinstance(path, str) and _OWN_NAME.fullmatch(path):
                files.setdefault(path, set()).add("*")
    return files


def _digest(path: Path) -> str | None:
    """sha256 of a regular file (not through a link), else None."""

    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


def _entries(target: Path) -> list[str]:
    """The names in ``target``, without aigap's own work directories."""
    try:
        return sorted(n for n in os.listdir(target) if not n.startswith(_WORK))
    except OSError as exc:
        raise AigapError.said("error.export.cannot_read", path=target, why=os_reason(exc)) from None


def _ours(target: Path, names: list[str], written: set[str]) -> tuple[list[str], list[str]]:
    """(files of an earlier export that may go, names aigap would overwrite but may not).

    A file is aigap's when the earlier export's manifest lists it with the
    digest it still has: a file the user put there or changed since is not.
    """
    manifest = _manifest(target)
    if manifest is None:
        if names:
            raise AigapError.said("error.export.not_empty", path=target)
        return [], []
    legacy_whole = all(n == MANIFEST or "*" in manifest.get(n, ()) for n in names)
    ours: list[str] = []
    conflicts: list[str] = []
    for name in names:
        if name == MANIFEST:
            continue
        accepted = manifest.get(name, set())
        if ("*" in accepted and legacy_whole) or _digest(target / name) in accepted:
            ours.append(name)
        elif name in written:
            conflicts.append(name)
    return ours, conflicts


def _remove_stale_work(directory: Path, prefix: str) -> None:
    """Remove work directories of exports that were killed (their process is gone).

    Only files an export writes are removed; a directory holding anything else
    is left as it is.
    """
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        if not name.startswith(prefix):
            continue
        pid = name[len(prefix) :]
        work = directory / name
        if not pid.isdigit() or alive(int(pid)) or work.is_symlink() or not work.is_dir():
            continue
        try:
            inside = os.listdir(work)
            if all(n == MANIFEST or _OWN_NAME.fullmatch(n) for n in inside):
                for n in inside:
                    os.unlink(work / n)
                os.rmdir(work)
        except OSError:
            pass  # another export is cleaning it, or it is not ours to clean


def _write_manifest(path: Path, package: Record) -> None:
    """``datapackage.json``, written whole then renamed over the old one."""
    tmp = path.with_name(f"{_WORK}{os.getpid()}.json")
    with open(tmp, "w", encoding="utf-8") as out:
        json.dump(package, out, ensure_ascii=False, indent=2)
        out.write("\n")
    os.replace(tmp, path)


def write_package(target: Path, tabs: list[Table], package: Record) -> None:
    """Write the package to ``target``, never touching a file aigap did not write there.

    A new ``target`` is written beside it and renamed into place. Into an empty
    directory or an earlier export, the files are written in a work directory
    inside it and then renamed over aigap's own files one by one; a manifest
    listing old and new digests is in place while they are swapped, so an
    export killed half-way is replaced by the next one. Other files are kept.
    """
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise AigapError.said("error.export.not_dir", path=target)
    parent = target.absolute().parent
    if not parent.is_dir():
        raise OutputError.said("error.export.no_dir", path=parent)
    fresh = not target.exists()
    _remove_stale_work(parent, f".{target.name}{_WORK}")
    written = {f"{t.name}.csv" for t in tabs}
    if fresh:
        old: list[str] = []
    else:
        _remove_stale_work(target, _WORK)
        old, conflicts = _ours(target, _entries(target), written)
        if conflicts:
            raise AigapError.said(
                "error.export.conflict",
                path=target,
                names=some_names(conflicts),
            )
    work = (
        parent / f".{target.name}{_WORK}{os.getpid()}"
        if fresh
        else target / (f"{_WORK}{os.getpid()}")
    )
    try:
        os.mkdir(work)
    except OSError as exc:
        raise OutputError.said(
            "error.export.cannot_write_dir", path=work.parent, why=os_reason(exc)
        ) from None
    try:
        files: Record = {}
        for table in tabs:
            name = f"{table.name}.csv"
            _write_csv(work / name, table)
            files[name] = _digest(work / name)
        mark = package.get("aigap")
        own: Record = {**(mark if isinstance(mark, dict) else {}), "files": files}
        if fresh:
            _write_manifest(work / MANIFEST, {**package, "aigap": own})
            os.chmod(work, 0o755 & ~_umask())
            os.rename(work, target)
            return
        replacing: Record = {n: _digest(target / n) for n in old}
        _write_manifest(target / MANIFEST, {**package, "aigap": {**own, "replacing": replacing}})
        for name in files:
            os.replace(work / name, target / name)
        for name in old:
            if name not in files:
                os.unlink(target / name)
        _write_manifest(target / MANIFEST, {**package, "aigap": own})
        os.rmdir(work)
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise OutputError.said("error.export.failed", path=target, why=os_reason(exc)) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def build(store: Store) -> tuple[list[Table], list[Source]]:

    sources: list[Source] = store.sources()
    benchmarks: list[Benchmark] = store.benchmarks()
    by_kind = [(kind, store.records(kind.section)) for kind in kinds.KINDS]
    return tables(sources, benchmarks, by_kind, store.entities()), sources


def export(store: Store, target: str) -> dict[str, int]:
    """Write the package to ``target``; the number of rows of each resource."""

    tabs, sources = build(store)
    write_package(Path(target), tabs, descriptor(tabs, sources, __version__))
    return {t.name: len(t.rows) for t in tabs}


__all__ = ["export", "is_export", "tables"]
