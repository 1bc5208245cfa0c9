"""Turn plain YAML data into typed records, collecting every problem.

Problems are located by their path in the data (("gaps", 2, "unit")); the
loader turns paths into line numbers only when there is something to report,
so a clean load pays nothing for positions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import msgspec

from aigap.errors import Severity
from aigap.model import (
    FACT_KINDS,
    UNITS,
    Amount,
    Benchmark,
    Claim,
    Cost,
    Event,
    FactBase,
    Gap,
    GapValue,
    MarketMove,
    PartialDate,
    Quote,
    Ratio,
    Score,
    Source,
    Text,
)

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}\Z")
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
COUNTRIES = frozenset(("US", "CN"))
PRECISIONS = ("year", "month", "day")
MARKET_KINDS = ("company", "index")

DataPath = tuple[str | int, ...]


class Issue(msgspec.Struct, frozen=True):
    path: DataPath
    severity: Severity
    message: str


class InvalidRecord(Exception):
    """A record that should be valid (it came from the cache) is not."""


class Checker(msgspec.Struct):
    """Collects issues; in strict mode the first error raises instead."""

    strict: bool = False
    issues: list[Issue] = msgspec.field(default_factory=list)

    def error(self, path: DataPath, message: str) -> None:
        if self.strict:
            raise InvalidRecord(message)
        self.issues.append(Issue(path, "error", message))

    def warning(self, path: DataPath, message: str) -> None:
        if not self.strict:
            self.issues.append(Issue(path, "warning", message))

    @property
    def has_errors(self) -> bool:
        return any(i.severity == "error" for i in self.issues)


_INVALID: Any = object()  # a field that failed: the record is dropped


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"a string ({shown!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


Converter = Callable[[Checker, Any, DataPath], Any]


def string(c: Checker, value: Any, path: DataPath) -> Any:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, str):
        c.error(path, "must not be empty")
        return _INVALID
    hint = " (quote it)" if isinstance(value, int | float | bool) else ""
    c.error(path, f"expected a string, got {_describe(value)}{hint}")
    return _INVALID


def number(c: Checker, value: Any, path: DataPath) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            c.error(path, f"expected a finite number, got {value!r}")
            return _INVALID
        return value
    hint = " (remove the quotes)" if isinstance(value, str) else ""
    c.error(path, f"expected a number, got {_describe(value)}{hint}")
    return _INVALID


def boolean(c: Checker, value: Any, path: DataPath) -> Any:
    if isinstance(value, bool):
        return value
    c.error(path, f"expected true or false, got {_describe(value)}")
    return _INVALID


def identifier(c: Checker, value: Any, path: DataPath) -> Any:
    if not isinstance(value, str):
        c.error(path, f"expected an id, got {_describe(value)}")
        return _INVALID
    if not ID_PATTERN.match(value):
        c.error(path, f"bad id {value!r}: use lower-case letters, digits, '.', '_' and '-'")
        return _INVALID
    return value


def text(c: Checker, value: Any, path: DataPath) -> Any:
    if not isinstance(value, dict):
        c.error(path, f"expected a mapping {{en: ..., ko: ...}}, got {_describe(value)}")
        return _INVALID
    ok = True
    for key in value:
        if key not in ("en", "ko"):
            c.error((*path, key), f"unknown language {key!r} (use en or ko)")
            ok = False
    parts = {}
    for lang in ("en", "ko"):
        if lang in value:
            got = string(c, value[lang], (*path, lang))
            if got is _INVALID:
                ok = False
            parts[lang] = got
    if not parts and ok:
        c.error(path, "needs an 'en' or a 'ko' text")
        return _INVALID
    return Text(parts.get("en"), parts.get("ko")) if ok else _INVALID


def date(c: Checker, value: Any, path: DataPath) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return PartialDate(value)
    if isinstance(value, str):
        m = _DATE.match(value)
        if m:
            year, month, day = (int(g) if g else None for g in m.groups())
            assert year is not None
            if month is not None and not 1 <= month <= 12:
                c.error(path, f"bad date {value!r}: month {month} does not exist")
                return _INVALID
            if day is not None:
                import datetime

                try:
                    datetime.date(year, month or 1, day)
                except ValueError:
                    c.error(path, f"bad date {value!r}: day {day} does not exist")
                    return _INVALID
            return PartialDate(year, month, day)
    c.error(path, f"bad date {_describe(value)}: use YYYY, YYYY-MM or YYYY-MM-DD")
    return _INVALID


def one_of(*choices: str) -> Converter:
    def convert(c: Checker, value: Any, path: DataPath) -> Any:
        if isinstance(value, str) and value in choices:
            return value
        c.error(path, f"expected one of {', '.join(choices)}; got {_describe(value)}")
        return _INVALID

    return convert


unit = one_of(*UNITS)


def list_of(item: Converter, *, allow_single: bool = False, min_items: int = 0) -> Converter:
    def convert(c: Checker, value: Any, path: DataPath) -> Any:
        if allow_single and not isinstance(value, list):
            value = [value]
        if not isinstance(value, list):
            c.error(path, f"expected a list, got {_describe(value)}")
            return _INVALID
        if len(value) < min_items:
            c.error(path, f"needs at least {min_items} items, has {len(value)}")
            return _INVALID
        items = tuple(item(c, v, (*path, i)) for i, v in enumerate(value))
        return _INVALID if any(i is _INVALID for i in items) else items

    return convert


def record(
    cls: type, spec: dict[str, tuple[Converter, bool]], renames: dict[str, str] | None = None
) -> Converter:
    """A converter for a mapping with known fields, building ``cls``."""
    names: dict[str, str] = renames or {}

    def convert(c: Checker, value: Any, path: DataPath) -> Any:
        if not isinstance(value, dict):
            c.error(path, f"expected a mapping, got {_describe(value)}")
            return _INVALID
        kwargs: dict[str, Any] = {}
        ok = True
        for key, raw in value.items():
            entry = spec.get(key)
            if entry is None:
                c.error((*path, key), f"unknown field {key!r}{_suggest(key, spec)}")
                ok = False
                continue
            got = entry[0](c, raw, (*path, key))
            if got is _INVALID:
                ok = False
            else:
                kwargs[names.get(key) or key] = got
        for key, (_, required) in spec.items():
            if required and key not in value:
                c.error(path, f"missing field {key!r}")
                ok = False
        return cls(**kwargs) if ok else _INVALID

    return convert


def _suggest(key: str, known: dict[str, Any]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(known)})"


amount = record(
    Amount,
    {
        "value": (number, True),
        "unit": (unit, True),
        "printed": (string, True),
        "approx": (boolean, False),
        "label": (text, False),
    },
)
ratio = record(Ratio, {"value": (number, True), "printed": (string, True), "of": (text, True)})
gap_value = record(
    GapValue,
    {
        "date": (date, True),
        "label": (text, True),
        "value": (number, True),
        "printed": (string, True),
    },
)
strings = list_of(string)

FACT_FIELDS: dict[str, tuple[Converter, bool]] = {
    "id": (identifier, True),
    "source": (identifier, True),
    "passage": (list_of(string, allow_single=True, min_items=1), True),
    "passage_en": (string, False),
    "inferred": (boolean, False),
    "note": (text, False),
    "tags": (strings, False),
}

KIND_SPECS: dict[str, tuple[type, dict[str, tuple[Converter, bool]], dict[str, str]]] = {
    "gaps": (
        Gap,
        {
            "benchmark": (identifier, True),
            "unit": (unit, True),
            "printed_unit": (string, True),
            "values": (list_of(gap_value, min_items=2), True),
        },
        {},
    ),
    "scores": (
        Score,
        {
            "benchmark": (identifier, True),
            "model": (text, True),
            "organization": (text, True),
            "country": (one_of(*sorted(COUNTRIES)), True),
            "date": (date, True),
            "value": (number, True),
            "unit": (unit, True),
            "printed": (string, True),
        },
        {},
    ),
    "events": (
        Event,
        {
            "date": (date, True),
            "precision": (one_of(*PRECISIONS), False),
            "what": (text, True),
            "who": (text, False),
        },
        {},
    ),
    "market": (
        MarketMove,
        {
            "date": (date, True),
            "subject": (text, True),
            "kind": (one_of(*MARKET_KINDS), True),
            "change": (number, True),
            "change_printed": (string, True),
            "close": (amount, False),
            "previous_close": (amount, False),
            "value_lost": (amount, False),
        },
        {"kind": "subject_kind"},
    ),
    "costs": (
        Cost,
        {
            "subject": (text, True),
            "claim": (text, True),
            "amounts": (list_of(amount), False),
            "ratio": (ratio, False),
        },
        {},
    ),
    "quotes": (
        Quote,
        {
            "speaker": (text, True),
            "said": (text, True),
            "role": (text, False),
            "date": (date, False),
            "channel": (text, False),
        },
        {},
    ),
    "claims": (Claim, {"claim": (text, True), "date": (date, False)}, {}),
}

_FACT_BUILDERS: dict[str, Converter] = {
    kind: record(cls, {**FACT_FIELDS, **spec}, renames)
    for kind, (cls, spec, renames) in KIND_SPECS.items()
}

build_source = record(
    Source,
    {
        "id": (identifier, True),
        "outlet": (text, True),
        "headline": (text, True),
        "byline": (text, True),
        "published": (date, True),
        "published_time": (string, False),
        "published_inferred": (boolean, False),
        "language": (string, True),
        "file": (string, False),
        "note": (text, False),
    },
)
build_benchmark = record(
    Benchmark,
    {
        "id": (identifier, True),
        "name": (text, True),
        "full_name": (text, False),
        "aliases": (strings, False),
        "measures": (text, False),
    },
)

TOP_LEVEL = ("schema", "sources", "benchmarks", *FACT_KINDS)


def build_fact(kind: str, raw: Any, checker: Checker, path: DataPath) -> Any:
    """Build one fact of ``kind``; returns None (and records why) when invalid."""
    built = _FACT_BUILDERS[kind](checker, raw, path)
    return None if built is _INVALID else built


def build_entity(kind: str, raw: Any, checker: Checker, path: DataPath) -> Any:
    builder = build_source if kind == "sources" else build_benchmark
    built = builder(checker, raw, path)
    return None if built is _INVALID else built


class Validation(msgspec.Struct):
    base: FactBase | None
    issues: list[Issue]


def validate(data: Any, name: str) -> Validation:
    """Check a whole document; ``base`` is None when there is any error."""
    c = Checker()
    if not isinstance(data, dict):
        c.error((), f"the top level must be a mapping of sections, got {_describe(data)}")
        return Validation(None, c.issues)
    for key in data:
        if key not in TOP_LEVEL:
            c.error(
                (key,), f"unknown section {key!r}{_suggest(str(key), dict.fromkeys(TOP_LEVEL))}"
            )
    schema = data.get("schema")
    if schema is None:
        c.error((), "missing 'schema: 1'")
    elif schema != SCHEMA_VERSION or isinstance(schema, bool):
        c.error(("schema",), f"unsupported schema {schema!r} (this aigap reads schema 1)")
    if "sources" not in data:
        c.error((), "missing section 'sources'")

    sections: dict[str, list[Any]] = {}
    for kind in ("sources", "benchmarks", *FACT_KINDS):
        raw_items = data.get(kind)
        if raw_items is None:
            sections[kind] = []
            continue
        if not isinstance(raw_items, list):
            c.error((kind,), f"expected a list, got {_describe(raw_items)}")
            sections[kind] = []
            continue
        builder = build_entity if kind in ("sources", "benchmarks") else build_fact
        built = [builder(kind, raw, c, (kind, i)) for i, raw in enumerate(raw_items)]
        sections[kind] = [(i, b) for i, b in enumerate(built) if b is not None]

    _check_ids(c, data)
    _check_references(c, sections)
    _check_semantics(c, sections)
    if c.has_errors:
        return Validation(None, c.issues)
    base = FactBase(
        path=name,
        **{kind: tuple(b for _, b in items) for kind, items in sections.items()},
    )
    return Validation(base, c.issues)


def _check_ids(c: Checker, data: dict[Any, Any]) -> None:
    """Ids are unique across the file; raw items count too, valid or not."""
    seen: dict[str, DataPath] = {}
    for kind in ("sources", "benchmarks", *FACT_KINDS):
        items = data.get(kind)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                other = seen[item_id]
                c.error((kind, i, "id"), f"duplicate id {item_id!r} (also {other[0]}[{other[1]}])")
            else:
                seen[item_id] = (kind, i)


def _check_references(c: Checker, sections: dict[str, list[Any]]) -> None:
    sources = {s.id for _, s in sections["sources"]}
    benchmarks = {b.id for _, b in sections["benchmarks"]}
    for kind in FACT_KINDS:
        for i, fact in sections[kind]:
            if fact.source not in sources:
                known = ", ".join(sorted(sources)) or "none"
                c.error((kind, i, "source"), f"unknown source id {fact.source!r} (known: {known})")
            bench = getattr(fact, "benchmark", None)
            if bench is not None and bench not in benchmarks:
                known = ", ".join(sorted(benchmarks)) or "none"
                c.error((kind, i, "benchmark"), f"unknown benchmark id {bench!r} (known: {known})")


def normalize_name(name: str) -> str:
    """Case-, space- and punctuation-insensitive form of a benchmark name."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _check_semantics(c: Checker, sections: dict[str, list[Any]]) -> None:
    aliases: dict[str, str] = {}
    for i, bench in sections["benchmarks"]:
        for name in (bench.id, *bench.aliases, *bench.name.all()):
            norm = normalize_name(name)
            if not norm:
                continue
            owner = aliases.setdefault(norm, bench.id)
            if owner != bench.id:
                c.error(
                    ("benchmarks", i, "aliases"),
                    f"name {name!r} is already used by benchmark {owner!r}",
                )
    for kind in FACT_KINDS:
        for i, fact in sections[kind]:
            if fact.passage_en is None:
                c.warning((kind, i), f"fact {fact.id!r} has no English rendering (passage_en)")
    for i, event in sections["events"]:
        if event.precision is None:
            c.warning((("events", i)), f"event {event.id!r} has no date precision")
        elif event.precision != event.date.precision:
            c.error(
                ("events", i, "precision"),
                f"precision {event.precision!r} does not match date {event.date.iso!r}",
            )
    for i, gap in sections["gaps"]:
        dates = [v.date.sort_key for v in gap.values]
        if dates != sorted(dates):
            c.error(("gaps", i, "values"), "values must be in date order")
    used = {fact.source for kind in FACT_KINDS for _, fact in sections[kind]}
    for i, source in sections["sources"]:
        if source.id not in used:
            c.warning(("sources", i), f"source {source.id!r} supports no fact")
