"""Turn plain YAML data into typed records, collecting every problem.

Problems are located by their path in the data (("gaps", 2, "unit")); the
loader turns paths into line numbers only when there is something to report,
so a clean load pays nothing for positions.
"""

from __future__ import annotations

import enum
import math
import re
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import UnionType
from typing import TYPE_CHECKING, Final, Literal, TypeAlias, TypeVar

import msgspec
import msgspec.structs

from aigap import kinds
from aigap.core.dates import read_date
from aigap.core.errors import Phrase, Severity, nearest, suggest
from aigap.core.model import (
    NOT_FACTS,
    UNITS,
    Benchmark,
    Entity,
    Fact,
    FactBase,
    Items,
    Number,
    PartialDate,
    Source,
    Stored,
    Text,
)
from aigap.core.text import normalize_name

if TYPE_CHECKING:
    from aigap.factfiles.yaml_reader import Node


SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}\Z")

DataPath = tuple[str | int, ...]


class Issue(msgspec.Struct, frozen=True):
    path: DataPath
    severity: Severity
    message: str  # in English
    said: Phrase | None = None  # the message in catalogue words, for the run's language


class InvalidRecord(Exception):
    """A record that should be valid (it came from the cache) is not."""


class Checker(msgspec.Struct):
    """Collects issues; in strict mode the first error raises instead."""

    strict: bool = False
    issues: list[Issue] = msgspec.field(default_factory=list)

    def error(self, path: DataPath, message: str | Phrase) -> None:
        if self.strict:
            raise InvalidRecord(_english(message))
        self.issues.append(_issue(path, "error", message))

    def warning(self, path: DataPath, message: str | Phrase) -> None:
        if not self.strict:
            self.issues.append(_issue(path, "warning", message))

    @property
    def has_errors(self) -> bool:
        return any(i.severity == "error" for i in self.issues)


def _english(message: str | Phrase) -> str:
    return message if isinstance(message, str) else message.text("en")


def _issue(path: DataPath, severity: Severity, message: str | Phrase) -> Issue:
    said = message if isinstance(message, Phrase) else None
    return Issue(path, severity, _english(message), said)


class _Invalid(enum.Enum):
    INVALID = "invalid"


_INVALID: Final = _Invalid.INVALID  # a field that failed: the record is dropped
Invalid: TypeAlias = Literal[_Invalid.INVALID]
R = TypeVar("R", bound=Stored)


def _describe(value: object) -> Phrase:
    """What a value is, for "got ...": "a string ('foo')", "문자열('foo')"."""
    if value is None:
        return Phrase("problem.describe.null")
    if isinstance(value, bool):
        return Phrase("problem.describe.boolean", {"value": str(value).lower()})
    if isinstance(value, int | float):
        return Phrase("problem.describe.number", {"value": value})
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return Phrase("problem.describe.string", {"value": shown})
    if isinstance(value, list):
        return Phrase("problem.describe.list")
    if isinstance(value, dict):
        return Phrase("problem.describe.mapping")
    return Phrase("problem.describe.other", {"name": type(value).__name__})


# A value of the field's type (a str, a Text, a tuple of records, ...), or _INVALID
Converter: TypeAlias = "Callable[[Checker, Node, DataPath], object]"


def string(c: Checker, value: Node, path: DataPath) -> str | Invalid:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, str):
        c.error(path, Phrase("problem.empty"))
        return _INVALID
    hint = Phrase("problem.hint.quote") if isinstance(value, int | float | bool) else ""
    c.error(path, Phrase("problem.expected.string", {"got": _describe(value), "hint": hint}))
    return _INVALID


def number(c: Checker, value: Node, path: DataPath) -> Number | Invalid:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            c.error(path, Phrase("problem.expected.finite", {"value": value}))
            return _INVALID
        return value
    hint = Phrase("problem.hint.unquote") if isinstance(value, str) else ""
    c.error(path, Phrase("problem.expected.number", {"got": _describe(value), "hint": hint}))
    return _INVALID


def count(c: Checker, value: Node, path: DataPath) -> int | Invalid:
    """A whole number of at least 1 (how many problems a test has)."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10**12:
        return value
    c.error(path, Phrase("problem.expected.count", {"got": _describe(value)}))
    return _INVALID


def boolean(c: Checker, value: Node, path: DataPath) -> bool | Invalid:
    if isinstance(value, bool):
        return value
    c.error(path, Phrase("problem.expected.boolean", {"got": _describe(value)}))
    return _INVALID


def identifier(c: Checker, value: Node, path: DataPath) -> str | Invalid:
    if not isinstance(value, str):
        c.error(path, Phrase("problem.expected.id", {"got": _describe(value)}))
        return _INVALID
    if not ID_PATTERN.match(value):
        c.error(path, Phrase("problem.bad_id", {"value": value}))
        return _INVALID
    return value


def text(c: Checker, value: Node, path: DataPath) -> Text | Invalid:
    if not isinstance(value, dict):
        c.error(path, Phrase("problem.expected.text", {"got": _describe(value)}))
        return _INVALID
    ok = True
    for key in value:
        if key not in ("en", "ko"):
            c.error((*path, key), Phrase("problem.unknown_language", {"name": key}))
            ok = False
    parts: dict[str, str] = {}
    for lang in ("en", "ko"):
        if lang in value:
            got = string(c, value[lang], (*path, lang))
            if got is _INVALID:
                ok = False
            else:
                parts[lang] = got
    if not parts and ok:
        c.error(path, Phrase("problem.no_text"))
        return _INVALID
    return Text(parts.get("en"), parts.get("ko")) if ok else _INVALID


def date(c: Checker, value: Node, path: DataPath) -> PartialDate | Invalid:
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return PartialDate(value)
    if isinstance(value, str) and PartialDate.parse(value) is not None:
        parsed = read_date(value)
        if isinstance(parsed, PartialDate):
            return parsed
        c.error(path, parsed)
        return _INVALID
    c.error(path, Phrase("problem.bad_date", {"got": _describe(value)}))
    return _INVALID


def one_of(*choices: str) -> Converter:
    def convert(c: Checker, value: Node, path: DataPath) -> str | Invalid:
        if isinstance(value, str) and value in choices:
            return value
        got = _describe(value)
        c.error(
            path, Phrase("problem.expected.one_of", {"choices": ", ".join(choices), "got": got})
        )
        return _INVALID

    return convert


unit = one_of(*UNITS)


def list_of(item: Converter, *, allow_single: bool = False, min_items: int = 0) -> Converter:
    def convert(c: Checker, value: Node, path: DataPath) -> tuple[object, ...] | Invalid:
        if allow_single and not isinstance(value, list):
            value = [value]
        if not isinstance(value, list):
            c.error(path, Phrase("problem.expected.list", {"got": _describe(value)}))
            return _INVALID
        if len(value) < min_items:
            c.error(path, Phrase("problem.too_few", {"min": min_items, "count": len(value)}))
            return _INVALID
        items = tuple(item(c, v, (*path, i)) for i, v in enumerate(value))
        return _INVALID if any(i is _INVALID for i in items) else items

    return convert


def fields(
    cls: type[msgspec.Struct], spec: dict[str, tuple[Converter, bool]], attrs: dict[str, str]
) -> Converter:
    """A converter for a mapping with known keys, building ``cls``.

    ``spec`` maps each key of the fact file to its converter and whether it is
    required; ``attrs`` maps a key to the record's attribute where they differ.
    """

    def convert(c: Checker, value: Node, path: DataPath) -> msgspec.Struct | Invalid:
        if not isinstance(value, dict):
            c.error(path, Phrase("problem.expected.mapping", {"got": _describe(value)}))
            return _INVALID
        kwargs: dict[str, object] = {}
        ok = True
        for key, raw in value.items():
            entry = spec.get(key)
            if entry is None:
                hint = _suggest(key, spec, "fields")
                c.error((*path, key), Phrase("problem.unknown_field", {"name": key, "hint": hint}))
                ok = False
                continue
            got = entry[0](c, raw, (*path, key))
            if got is _INVALID:
                ok = False
            else:
                kwargs[attrs.get(key) or key] = got
        for key, (_, required) in spec.items():
            if required and key not in value:
                c.error(path, Phrase("problem.missing_field", {"name": key}))
                ok = False
        return cls(**kwargs) if ok else _INVALID

    return convert


def _suggest(key: str, known: Iterable[str], what: Literal["fields", "sections"]) -> Phrase:
    close = suggest(key, {name: name for name in known})
    if close:
        return Phrase("problem.hint.did_you_mean", {"name": close})
    known = list(known)
    return Phrase(f"problem.hint.known_{what}", {"names": nearest(key, known)})


_SIMPLE: dict[type, Converter] = {
    str: string,
    float: number,
    int: count,
    bool: boolean,
    Text: text,
    PartialDate: date,
}
_MARKED: dict[str, Converter] = {"id": identifier, "unit": unit}
_BUILT: dict[type, Converter] = {}


def converter_for(cls: type[msgspec.Struct]) -> Converter:
    """The converter of a record type, derived once from its declared fields."""
    built = _BUILT.get(cls)
    if built is None:
        spec: dict[str, tuple[Converter, bool]] = {}
        attrs: dict[str, str] = {}
        for info in msgspec.structs.fields(cls):
            spec[info.encode_name] = (_converter(info.type), info.required)
            if info.encode_name != info.name:
                attrs[info.encode_name] = info.name
        built = _BUILT[cls] = fields(cls, spec, attrs)
    return built


def _converter(hint: object) -> Converter:
    """The converter of one field's type (see model's Annotated markers)."""

    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        inner, *marks = typing.get_args(hint)
        for mark in marks:
            if isinstance(mark, str):
                return _MARKED[mark]
            if isinstance(mark, Items):
                item = _converter(typing.get_args(inner)[0])
                return list_of(item, allow_single=mark.single, min_items=mark.min)
        return _converter(inner)
    if hint == Number:
        return number
    if origin is UnionType or origin is typing.Union:
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return _converter(inner)
    if origin is typing.Literal:
        return one_of(*typing.get_args(hint))
    if origin is tuple:
        return list_of(_converter(typing.get_args(hint)[0]))
    if hint in _SIMPLE:
        return _SIMPLE[hint]
    if isinstance(hint, type) and issubclass(hint, msgspec.Struct):
        return converter_for(hint)
    raise TypeError(f"no converter for field type {hint!r}")


def top_level() -> tuple[str, ...]:
    return ("schema", *NOT_FACTS, *kinds.sections())


def build_fact(section: str, raw: Node, checker: Checker, path: DataPath) -> Fact | None:
    """Build one fact of a section; returns None (and records why) when invalid."""
    built = converter_for(kinds.by_section(section).record)(checker, raw, path)
    return built if isinstance(built, Fact) else None


def build_entity(section: str, raw: Node, checker: Checker, path: DataPath) -> Stored | None:
    """A source, benchmark or entity (typed as any stored record: the cache's
    reader keeps this and ``build_fact``'s result in one variable)."""
    built = converter_for(NOT_FACTS[section])(checker, raw, path)
    return built if isinstance(built, Source | Benchmark | Entity) else None


class Validation(msgspec.Struct):
    base: FactBase | None
    issues: list[Issue]


def _place(path: DataPath) -> str:
    return f"{path[0]}[{path[1]}]"


def validate(data: object, name: str, where: Callable[[DataPath], str] = _place) -> Validation:
    """Check a whole document; ``base`` is None when there is any error.

    ``where`` names the place of an item that another clashes with (the
    loader of several files passes one that says ``file:line``).
    """
    c = Checker()
    if not isinstance(data, dict):
        c.error((), Phrase("problem.top_level", {"got": _describe(data)}))
        return Validation(None, c.issues)
    _check_top_level(c, data)
    sections = {section: _build_section(c, data, section) for section in top_level()[1:]}
    _check_ids(c, data, where)
    _check_references(c, sections, data)
    _check_semantics(c, sections, where)
    if c.has_errors:
        return Validation(None, c.issues)
    facts = {
        section: tuple(f for _, f in _of(items, Fact))
        for section, items in sections.items()
        if section not in NOT_FACTS
    }
    base = FactBase(
        path=name,
        sources=tuple(s for _, s in _of(sections["sources"], Source)),
        benchmarks=tuple(b for _, b in _of(sections["benchmarks"], Benchmark)),
        entities=tuple(e for _, e in _of(sections["entities"], Entity)),
        sections=facts,
    )
    return Validation(base, c.issues)


def check_part(data: object) -> list[Issue]:
    """What one of several fact files must get right on its own: its top level.

    The files are then validated as one document (``merge``), so a file may
    cite the sources and entities of another.
    """
    c = Checker()
    if not isinstance(data, dict):
        c.error((), Phrase("problem.top_level", {"got": _describe(data)}))
        return c.issues
    _check_top_level(c, data, need_sources=False)
    for section in top_level()[1:]:
        items = data.get(section)
        if items is not None and not isinstance(items, list):
            c.error((section,), Phrase("problem.expected.list", {"got": _describe(items)}))
    return c.issues


# Where a fact's references must lead: the sections an id it names may be in.
SOURCE_SECTIONS = ("sources",)
BENCHMARK_SECTIONS = ("benchmarks",)
ABOUT_SECTIONS = ("benchmarks", "entities")


class Alone(msgspec.Struct):
    """One of several fact files, valid on its own: its sources and facts by section
    (in file order) and the ids its facts refer to, each with the sections it may be in."""

    records: dict[str, list[Stored]]
    needs: list[tuple[str, tuple[str, ...]]]


OWN_SECTIONS = ("sources",)  # besides the facts: what no other record's content reaches


def validate_alone(data: object) -> Alone | None:
    """The sources and facts of one of several files, if that file has no error of its own.

    Everything they must get right without the other files: the file's top
    level (``check_part``), every source and fact built, ids unique within the
    file, each kind's rules. What spans files is left to the caller: that its
    ids are not taken elsewhere and that ``needs`` exist where they may be. The
    file's benchmarks and entities are not checked here: the caller takes this
    path only when they are as they were when every file was read as one
    (``files.frozen_digest``). None on any error (no wording: the caller reads
    every file as one, and that reports it, file and line).
    """
    if any(issue.severity == "error" for issue in check_part(data)):
        return None
    if not isinstance(data, dict):
        return None
    c = Checker()
    owned = (*OWN_SECTIONS, *kinds.sections())
    sections = {section: _build_section(c, data, section) for section in owned}
    _check_ids(c, data, _place)
    _check_rules(c, sections)
    if c.has_errors:
        return None
    records = {section: [r for _, r in items] for section, items in sections.items()}
    needs: list[tuple[str, tuple[str, ...]]] = []
    for section in kinds.sections():
        for _, fact in _of(sections[section], Fact):
            for _, source_id in [((), fact.source), *cited_sources(fact)]:
                needs.append((source_id, SOURCE_SECTIONS))
            bench = getattr(fact, "benchmark", None)
            if bench is not None:
                needs.append((bench, BENCHMARK_SECTIONS))
            needs.extend((entity_id, ABOUT_SECTIONS) for entity_id in fact.about)
    return Alone(records, needs)


def merge(
    parts: Sequence[Node],
) -> tuple[dict[str, Node], Callable[[DataPath], tuple[int, DataPath]]]:
    """Several files' data as one document, and where each of its paths came from.

    ``origin(path)`` gives (index of the file, the path inside that file).
    """
    merged: dict[str, Node] = {"schema": SCHEMA_VERSION}
    starts: dict[str, list[tuple[int, int]]] = {}
    for section in top_level()[1:]:
        items: list[Node] = []
        for k, part in enumerate(parts):
            # check_part has made sure each part is a mapping, each section a list
            more = part.get(section) if isinstance(part, dict) else None
            starts.setdefault(section, []).append((len(items), k))
            if isinstance(more, list):
                items.extend(more)
        if any(isinstance(part, dict) and section in part for part in parts):
            merged[section] = items

    def origin(path: DataPath) -> tuple[int, DataPath]:
        if len(path) < 2 or not isinstance(path[1], int) or path[0] not in starts:
            return 0, path
        section, index = path[0], path[1]
        start, k = max((s for s in starts[section] if s[0] <= index), default=(0, 0))
        return k, (section, index - start, *path[2:])

    return merged, origin


def _check_top_level(c: Checker, data: Mapping[str, object], *, need_sources: bool = True) -> None:
    known = top_level()
    for key in data:
        if key not in known:
            hint = _suggest(str(key), dict.fromkeys(known), "sections")
            c.error((key,), Phrase("problem.unknown_section", {"name": key, "hint": hint}))
    schema = data.get("schema")
    if schema is None:
        c.error((), Phrase("problem.no_schema"))
    elif schema != SCHEMA_VERSION or isinstance(schema, bool):
        c.error(("schema",), Phrase("problem.schema", {"schema": schema}))
    if need_sources and "sources" not in data:
        c.error((), Phrase("problem.no_sources"))


def _build_section(
    c: Checker, data: Mapping[str, object], section: str
) -> list[tuple[int, Stored]]:
    """The valid items of one section, each with its index in the file."""
    raw_items = data.get(section)
    if raw_items is None:
        return []
    if not isinstance(raw_items, list):
        c.error((section,), Phrase("problem.expected.list", {"got": _describe(raw_items)}))
        return []
    builder: Callable[[str, Node, Checker, DataPath], Stored | None]
    builder = build_entity if section in NOT_FACTS else build_fact
    built = [builder(section, raw, c, (section, i)) for i, raw in enumerate(raw_items)]
    return [(i, b) for i, b in enumerate(built) if b is not None]


def _check_ids(c: Checker, data: Mapping[str, object], where: Callable[[DataPath], str]) -> None:
    """Ids are unique across the file; raw items count too, valid or not."""
    seen: dict[str, DataPath] = {}
    for kind in top_level()[1:]:
        items = data.get(kind)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                other = seen[item_id]
                said = Phrase("problem.duplicate_id", {"id": item_id, "other": where(other)})
                c.error((kind, i, "id"), said)
            else:
                seen[item_id] = (kind, i)


def _of(items: list[tuple[int, Stored]], cls: type[R]) -> list[tuple[int, R]]:
    """A section's built items as the records they are (a section holds one type)."""
    return [(i, item) for i, item in items if isinstance(item, cls)]


def _raw_ids(data: Mapping[str, object], section: str) -> set[str]:
    """The ids a section declares, valid records or not: a record dropped for
    another problem (an unknown field) still defines its id, so what refers to
    it gets no false "unknown id" on top of the real problem."""
    items = data.get(section)
    if not isinstance(items, list):
        return set()
    return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}


def cited_sources(fact: Fact) -> list[tuple[DataPath, str]]:
    """The sources a fact names (besides ``source``): the sources of its primary
    notes and of a quote's original words, each with its path in the fact."""
    cited: list[tuple[DataPath, str]] = [
        (("primary", j, "source"), p.source) for j, p in enumerate(fact.primary)
    ]
    original = getattr(fact, "original", None)
    if original is not None:
        cited.append((("original", "source"), original.source))
    return cited


def _check_references(
    c: Checker,
    sections: dict[str, list[tuple[int, Stored]]],
    data: Mapping[str, object] | None = None,
) -> None:
    raw: Mapping[str, object] = data or {}
    sources = {s.id for _, s in sections["sources"]}
    benchmarks = {b.id for _, b in sections["benchmarks"]}
    entities = {e.id: e.type for _, e in _of(sections["entities"], Entity)}
    everyone = [*entities, *benchmarks]
    declared = sources | _raw_ids(raw, "sources")
    declared_names = benchmarks | entities.keys() | _raw_ids(raw, "benchmarks")
    declared_names |= _raw_ids(raw, "entities")
    for kind in kinds.sections():
        for i, fact in _of(sections[kind], Fact):
            for path, source_id in [(("source",), fact.source), *cited_sources(fact)]:
                if source_id not in declared:
                    said = Phrase(
                        "problem.unknown_source",
                        {"id": source_id, "known": nearest(source_id, sorted(sources))},
                    )
                    c.error((kind, i, *path), said)
            bench = getattr(fact, "benchmark", None)
            if bench is not None and bench not in benchmarks | _raw_ids(raw, "benchmarks"):
                said = Phrase(
                    "problem.unknown_benchmark",
                    {"id": bench, "known": nearest(bench, sorted(benchmarks))},
                )
                c.error((kind, i, "benchmark"), said)
            for j, entity_id in enumerate(fact.about):
                if entity_id not in declared_names:
                    c.error((kind, i, "about", j), _unknown_entity(entity_id, everyone))
    for i, entity in _of(sections["entities"], Entity):
        relations = (
            ("country", entity.country, ("country",)),
            ("developer", entity.developer, ("organization",)),
            *(
                (("affiliation", j, "org"), a.org, ("organization", "country"))
                for j, a in enumerate(entity.affiliation)
            ),
        )
        orgs: set[str] = set()
        for field, target, types in relations:
            if target is None:
                continue
            field_path = field if isinstance(field, tuple) else (field,)
            if target == entity.id:  # a country of itself, its own developer
                said = Phrase("problem.self_relation", {"id": target, "field": field_path[0]})
                c.error(("entities", i, *field_path), said)
            elif field_path[0] == "affiliation" and target in orgs:
                c.error(
                    ("entities", i, *field_path), Phrase("problem.duplicate_tie", {"id": target})
                )
            elif target not in entities:
                if target not in declared_names:
                    c.error(("entities", i, *field_path), _unknown_entity(target, entities))
            elif entities[target] not in types:
                said = Phrase(
                    "problem.wrong_type",
                    {"target": target, "type": entities[target], "types": _either(types)},
                )
                c.error(("entities", i, *field_path), said)
            if field_path[0] == "affiliation":
                orgs.add(target)


def _either(choices: Sequence[str]) -> str | Phrase:
    """ "a or b or c", in the run's language."""
    said: str | Phrase = choices[0]
    for choice in choices[1:]:
        said = Phrase("error.or", {"a": said, "b": choice})
    return said


def _unknown_entity(wanted: str, known: Iterable[str]) -> Phrase:
    close = suggest(wanted, {name: name for name in known})
    hint = (
        Phrase("problem.hint.did_you_mean", {"name": close})
        if close
        else Phrase("problem.hint.see_entities")
    )
    return Phrase("problem.unknown_entity", {"id": wanted, "hint": hint})


def _check_semantics(
    c: Checker,
    sections: dict[str, list[tuple[int, Stored]]],
    where: Callable[[DataPath], str] = _place,
) -> None:
    _check_names(
        c, _of(sections["benchmarks"], Benchmark), _of(sections["entities"], Entity), where
    )
    _check_rules(c, sections)
    used = {
        source_id
        for section in kinds.sections()
        for _, fact in _of(sections[section], Fact)
        for source_id in (fact.source, *(s for _, s in cited_sources(fact)))
    }
    for i, source in _of(sections["sources"], Source):
        if source.id not in used:
            c.warning(("sources", i), Phrase("problem.unused_source", {"id": source.id}))


_QUOTATION_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')


def _check_rules(c: Checker, sections: Mapping[str, list[tuple[int, Stored]]]) -> None:
    """Each fact against its kind's rules (one fact at a time: nothing across facts)."""
    for section in kinds.sections():
        rules = kinds.by_section(section).rules
        for i, fact in _of(sections.get(section, []), Fact):
            if fact.passage_en is None:
                c.warning((section, i), Phrase("problem.no_english", {"id": fact.id}))
            elif _QUOTATION_MARKS.search(fact.passage_en):
                # a translation in quotation marks reads as what was said: a misquote
                c.warning((section, i, "passage_en"), Phrase("problem.quoted_rendering", {}))
            for field in ("tags", "keywords", "about"):
                items: tuple[str, ...] = getattr(fact, field)
                for k, item in enumerate(items):
                    if item in items[:k]:  # listed twice: a slip, and a doubled search weight
                        c.warning(
                            (section, i, field, k), Phrase("problem.listed_twice", {"item": item})
                        )
            for rule in rules(fact):
                report = c.error if rule.severity == "error" else c.warning
                report((section, i, *rule.path), rule.message)


def _check_names(
    c: Checker,
    benchmarks: list[tuple[int, Benchmark]],
    entities: list[tuple[int, Entity]] = [],  # noqa: B006 - never mutated
    where: Callable[[DataPath], str] = _place,
) -> None:
    """No two benchmarks or entities share a name (id, alias, English or Korean name).

    ``aigap show NAME`` must mean one thing, whatever the case or spacing.
    """
    owners: dict[str, tuple[str, Phrase, DataPath]] = {}
    named: list[tuple[Phrase, str, int, Benchmark | Entity]]
    named = [(Phrase("problem.what.benchmark"), "benchmarks", i, b) for i, b in benchmarks]
    named += [(Phrase("problem.what.entity"), "entities", i, e) for i, e in entities]
    for what, section, i, item in named:
        for name in (item.id, *item.aliases, *item.name.all()):
            norm = normalize_name(name)
            if not norm:
                continue
            owner = owners.setdefault(norm, (item.id, what, (section, i)))
            if owner[0] != item.id:
                fields = {
                    "name": name,
                    "what": owner[1],
                    "owner": owner[0],
                    "where": where(owner[2]),
                }
                c.error((section, i, "aliases"), Phrase("problem.name_taken", fields))
