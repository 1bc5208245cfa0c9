"""Answer lookups from a validated cache of the fact base.

Parsing and validating YAML is the slow part of every command, so the first
read of a fact file writes its validated records into an SQLite file in the
user's cache directory, keyed by the file's path, size, mtime, ctime and
inode plus the aigap version and CACHE_FORMAT. Later commands query only the
rows they need, so a lookup costs about the same at 100,000 facts as at 100:
listings filter, sort and cut in SQL on indexed columns (date, market order,
speakers, entities) and decode only the rows they show. The cache holds JSON
text (each validated record as msgspec encodes it), never pickles or code,
each row with a checksum; it is written to a temporary file and renamed into
place; a stale, corrupt or unwritable cache is rebuilt or bypassed (an
in-memory database), never trusted. Only a regular file in a directory the
user owns and others cannot write is read or written.

What is checked on every read: the key (so an edited fact file is re-read);
each row's checksum over its place, id, kind and JSON; that the JSON decodes
as its kind's record type (msgspec checks every field's type, in C), is the
type the reader promises and is the record asked for; the number of rows per
kind (and per benchmark) written with the cache; that a name resolves to a
benchmark that has it. Any failure raises CacheError and ``with_store``
rebuilds from the YAML. The checks catch damage, not a deliberate forger:
whoever can write the user's private cache directory can also edit the
fact file or aigap itself.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, Unpack, overload

import msgspec

from aigap import __version__
from aigap.core.errors import AigapError, os_reason
from aigap.core.model import NOT_FACTS, day_span, day_text
from aigap.core.text import normalize_name

if TYPE_CHECKING:
    from aigap.core.model import Benchmark, Entity, Fact, FactBase, Source, Stored
    from aigap.factfiles.yaml_reader import Node
    from aigap.kinds.base import Kind

CACHE_FORMAT = "13"
CACHE_ENV = "AIGAP_CACHE_DIR"
NO_CACHE_ENV = "AIGAP_NO_CACHE"
T = TypeVar("T")
R = TypeVar("R", bound="Stored")  # the record type a reader promises
F = TypeVar("F", bound="Fact")
# A record as the fact file gives it, after validation (the cache's columns come from it)
Raw = Mapping[str, object]

_TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records(
    ord INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    benchmark TEXT,
    source TEXT,
    datekey TEXT,
    dlo TEXT,
    dhi TEXT,
    sub INTEGER,
    num REAL,
    who TEXT
);
-- The records' JSON apart from the columns queries filter and sort on: a scan
-- of records (thousands of quotes for a speaker, an entity's facts by date)
-- then reads ~100-byte rows, not ~600-byte ones.
CREATE TABLE blobs(ord INTEGER PRIMARY KEY, data TEXT NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE names(norm TEXT NOT NULL, benchmark TEXT NOT NULL);
CREATE TABLE counts(kind TEXT NOT NULL, benchmark TEXT NOT NULL, n INTEGER NOT NULL);
-- which facts are about which entity, with the fact's kind and date (its datekey;
-- "~", after every date, when it has none) so that an entity page is read in
-- date order from an index
CREATE TABLE about(
    entity TEXT NOT NULL, kind TEXT NOT NULL, sortkey TEXT NOT NULL, ord INTEGER NOT NULL
);
-- a quote's speaker names, normalized: `quotes --who ENTITY` looks them up
CREATE TABLE speakers(norm TEXT NOT NULL, ord INTEGER NOT NULL);
CREATE TABLE entity_names(norm TEXT NOT NULL, entity TEXT NOT NULL);
CREATE TABLE entries(
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    pos INTEGER NOT NULL,
    sortkey TEXT NOT NULL,
    lo TEXT NOT NULL,
    hi TEXT NOT NULL
);
"""
# The search index: one row per record (rowid = the record's ord), its text in
# three columns weighted by bm25() (see aigap/search.py for what goes where and
# why this tokenizer). Contentless: the text is only needed to rank; what is
# shown comes from the checked record, so the index adds no copy of the text.
SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE search USING fts5(
    names, body, passage, content='', tokenize='porter unicode61 remove_diacritics 2'
);
"""
# Indexes are built after the rows are in: one sort instead of 100,000 B-tree inserts.
_INDEXES = """
CREATE UNIQUE INDEX records_id ON records(id);
CREATE INDEX records_kind ON records(kind, benchmark);
CREATE INDEX records_kind_ord ON records(kind, ord);
CREATE INDEX records_date ON records(kind, datekey, sub, num);
CREATE INDEX records_span ON records(kind, dhi, dlo);
CREATE INDEX names_norm ON names(norm);
CREATE UNIQUE INDEX counts_key ON counts(kind, benchmark);
CREATE INDEX about_entity ON about(entity, sortkey, ord);
CREATE INDEX about_kind ON about(entity, kind, sortkey, ord);
CREATE INDEX speakers_norm ON speakers(norm, ord);
CREATE INDEX entity_names_norm ON entity_names(norm);
CREATE INDEX entries_order ON entries(sortkey, ord, pos);
CREATE INDEX entries_span ON entries(hi, lo);
"""


def _crc(ord_: int, record_id: str, kind: str, data: str) -> int:
    """A row's checksum, over its place, id, kind and JSON: a damaged or moved row is caught."""
    head = f"{ord_}\x00{record_id}\x00{kind}\x00"
    return zlib.crc32(data.encode("utf-8", "surrogatepass"), zlib.crc32(head.encode()))


_SELECT = "SELECT ord, id, kind, data, crc FROM records JOIN blobs USING (ord)"
# Sort orders a listing asks for; the columns are filled by _columns when the cache is written.
_ORDERS = {
    "file": "ord",
    "date": "datekey, ord",
    "market": "datekey, sub, num, ord",  # by day, companies before indexes, biggest fall first
}
_FACTS_ONLY = f"kind NOT IN {tuple(NOT_FACTS)!r}"  # every section but the NOT_FACTS
_UNDATED = "~"  # the sort key of an undated fact: after every date
_BY_SOURCE = "facts-of-source"  # counts rows: (this, source id) -> how many facts


def _date_parts(value: object) -> tuple[int, int, int] | None:
    try:
        parts = [int(p) for p in str(value).split("-")]
    except ValueError:
        return None
    if not 1 <= len(parts) <= 3:
        return None
    year, month, day = (*parts, 0, 0)[:3]
    return year, month, day


def _strings(value: object) -> list[str]:
    """The texts of a validated list (aliases, about) or text mapping (a name's en and ko)."""
    items = list(value.values()) if isinstance(value, dict) else value
    return [v for v in items if isinstance(v, str)] if isinstance(items, list | tuple) else []


Columns = tuple[str | None, str | None, str | None, int | None, int | float | None, str | None]


def _columns(kind: str, raw: Raw) -> Columns:
    """The indexed columns of a row (datekey, dlo, dhi, sub, num, who), from its data.

    They only choose and order rows; every row shown is decoded and checked from its blob.
    """
    date = first = raw.get("date")
    if kind == "gaps":  # a gap is dated by its latest value, and spans all its readings
        readings = raw.get("values")
        values = (
            [v for v in readings if isinstance(v, dict)]
            if isinstance(readings, list | tuple)
            else []
        )
        date = values[-1].get("date") if values else None
        first = values[0].get("date") if values else None
    parts = _date_parts(date) if date is not None else None
    start = _date_parts(first) if first is not None else parts
    datekey = dlo = dhi = None
    if parts is not None and start is not None:
        datekey = day_text(parts)  # a year sorts before its months, a month before its days
        dhi = day_text(day_span(*parts)[1])
        dlo = day_text(day_span(*start)[0])
    sub = num = who = None
    if kind == "market":
        sub = 0 if raw.get("subject_kind") == "company" else 1
        change = raw.get("change")
        num = change if isinstance(change, int | float) else None
    elif kind == "quotes":
        who = "\x1f".join(n.casefold() for n in _speaker_names(raw))
    return datekey, dlo, dhi, sub, num, who


def _speaker_names(raw: Raw) -> list[str]:
    speaker = raw.get("speaker")
    given = [speaker.get(lang) for lang in ("en", "ko")] if isinstance(speaker, dict) else []
    return [str(n) for n in given if n]  # as Text.all() has them


def entries_from_data(section: str) -> bool:
    """Whether the ``entries`` table holds this kind's timeline entries (see ``_entry_dates``).

    True for a kind that says how to read its entries' dates from its data
    (``Kind.raw_dates``) and for any kind with the default story and date;
    another kind is read in Python.
    """
    from aigap import kinds
    from aigap.kinds import base

    try:
        kind = kinds.by_section(section)
    except KeyError:
        return False
    return kind.raw_dates is not None or (kind.entries is None and kind.date is base.own_date)


def _entry_dates(section: str, raw: Raw) -> Iterator[tuple[int, str, str, str]]:
    """(position, sort key, first day, last day) of each dated entry of the fact's story.

    As ``kinds.of(fact).story`` gives them (tests/test_timeline_index.py holds
    them to it): the kind's ``raw_dates``, by default the fact's ``date``.
    """
    from aigap import kinds
    from aigap.kinds import base

    if not entries_from_data(section):
        return
    dates = (kinds.by_section(section).raw_dates or base.raw_date)(raw)
    for pos, date in enumerate(dates):
        parts = _date_parts(date) if date is not None else None
        if parts is None:
            continue
        first, last = day_span(*parts)
        yield pos, day_text(parts), day_text(first), day_text(last)


class CacheError(Exception):
    """The cache could not be trusted; the caller rebuilds it."""


def cache_dir() -> Path | None:
    """The per-user cache directory, or None when caching is off."""
    if os.environ.get(NO_CACHE_ENV):
        return None
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "aigap" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "aigap"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "aigap"


def _private_dir(path: Path, *, create: bool) -> bool:
    """Only a directory we own that others cannot write may hold our cache."""
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _ours_alone(info)


def _private_file(path: Path) -> bool:
    """A regular file (not a symlink) we own that others cannot write."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and _ours_alone(info)


def _ours_alone(info: os.stat_result) -> bool:
    """Owned by us (where there are owners) and not writable by group or others."""
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022


def file_key(path: str, info: os.stat_result) -> str:
    # A byte that is not UTF-8 in the path (kept by Python as a surrogate) is
    # written as \xNN: SQLite stores only valid UTF-8 text.
    real = os.fsencode(os.path.realpath(path)).decode("utf-8", "backslashreplace")
    return "|".join(
        (
            CACHE_FORMAT,
            __version__,
            real,
            str(info.st_size),
            str(info.st_mtime_ns),
            str(info.st_ctime_ns),
            str(info.st_ino),
            str(info.st_dev),
        )
    )


def cache_file_for(path: str) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    import hashlib

    digest = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogatepass")).hexdigest()
    return directory / f"facts-{digest[:24]}.sqlite"


class Filters(TypedDict, total=False):
    """What a listing asks of ``Store.select``, ``iter_select`` and ``count``.

    ``order``: a key of _ORDERS ("file", "date", "market"); ``limit``: the first
    rows only; ``since``/``until``: YYYY-MM-DD bounds (a partial date matches a
    range it overlaps); ``who``: part of a speaker's name; ``speakers``:
    normalized names (aigap.core.text.normalize_name), one of which is the speaker's.
    """

    order: str
    limit: int | None
    since: str | None
    until: str | None
    who: str | None
    speakers: Sequence[str] | None


class Store:
    """Read access to validated records; every row is rebuilt by the validator."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # A row's values are what SQLite holds (text, integers, reals, NULL): Any, as
    # sqlite3 gives them; every record built from them is checked by _build.
    def _rows(self, sql: str, args: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as exc:
            raise CacheError(str(exc)) from exc
        except UnicodeEncodeError:
            # An argument with a byte that is not UTF-8 (`show $'caf\xe9'`): every
            # id and name in the base is UTF-8, so it matches nothing.
            return []

    def _build(self, row: tuple[Any, ...], want: type[R]) -> R:
        """A record from a row (ord, id, kind, data, crc) that must be a ``want``."""
        built = self._stored(row)
        if not isinstance(built, want):
            raise CacheError(f"cached {row[2]} record is not a {want.__name__}")
        return built

    def _stored(self, row: tuple[Any, ...]) -> Stored:
        """A record from a row (ord, id, kind, data, crc), decoded as its kind's type."""
        ord_, record_id, kind, data, crc = row
        if type(data) is not str or type(record_id) is not str or type(kind) is not str:
            raise CacheError("cached record is not text")
        if type(ord_) is not int or _crc(ord_, record_id, kind, data) != crc:
            raise CacheError("cached record fails its checksum")
        try:
            built: Fact | Source | Benchmark | Entity = msgspec.json.decode(
                data, type=_record_type(kind)
            )
        except (msgspec.ValidationError, msgspec.DecodeError, KeyError) as exc:
            raise CacheError(f"bad cached record: {exc}") from exc
        if built.id != record_id:
            raise CacheError("bad cached record")
        return built

    def _expect(self, count: int, kind: str, benchmark: str = "") -> None:
        """Rows were not lost: the count written with the cache must match."""
        rows = self._rows(
            "SELECT n FROM counts WHERE kind = ? AND benchmark = ?", (kind, benchmark)
        )
        if (rows[0][0] if rows else 0) != count:
            raise CacheError(f"cached {kind} are incomplete")

    def _all(self, kind: str, want: type[R]) -> list[R]:
        rows = self._rows(f"{_SELECT} WHERE kind = ? ORDER BY ord", (kind,))
        self._expect(len(rows), kind)
        return [self._build(row, want) for row in rows]

    def sources(self, limit: int | None = None) -> list[Source]:
        """The sources in file order (the first ``limit``)."""
        from aigap.core.model import Source

        if limit is None:
            return self._all("sources", Source)
        return list(self._iter_select("sources", Source, limit=limit))

    def benchmarks(self) -> list[Benchmark]:
        from aigap.core.model import Benchmark

        return self._all("benchmarks", Benchmark)

    def entities(self) -> list[Entity]:
        from aigap.core.model import Entity

        return self._all("entities", Entity)

    @overload
    def records(self, kind: Kind[F]) -> list[F]: ...
    @overload
    def records(self, kind: str) -> list[Fact]: ...
    def records(self, kind: str | Kind[F]) -> list[F] | list[Fact]:
        """The facts of a kind (its section's name, or the kind: then typed as its records)."""
        if isinstance(kind, str):
            return self._all(kind, _fact_type(kind))
        return self._all(kind.section, kind.record)

    @overload
    def records_about(self, kind: Kind[F], benchmark: str) -> list[F]: ...
    @overload
    def records_about(self, kind: str, benchmark: str) -> list[Fact]: ...
    def records_about(self, kind: str | Kind[F], benchmark: str) -> list[F] | list[Fact]:
        """The facts of a kind (as for ``records``) about one benchmark, in file order."""
        if isinstance(kind, str):
            return self._about(kind, _fact_type(kind), benchmark)
        return self._about(kind.section, kind.record, benchmark)

    def _about(self, kind: str, want: type[F], benchmark: str) -> list[F]:
        rows = self._rows(
            f"{_SELECT} WHERE kind = ? AND benchmark = ? ORDER BY ord", (kind, benchmark)
        )
        self._expect(len(rows), kind, benchmark)
        built = [self._build(row, want) for row in rows]
        if any(getattr(b, "benchmark", None) != benchmark for b in built):
            raise CacheError("cached record filed under the wrong benchmark")
        return built

    def record(self, record_id: str) -> Stored | None:
        rows = self._rows(f"{_SELECT} WHERE id = ?", (record_id,))
        return self._stored(rows[0]) if rows else None

    def _one(self, record_id: str, want: type[R]) -> R | None:
        rows = self._rows(f"{_SELECT} WHERE id = ?", (record_id,))
        return self._build(rows[0], want) if rows else None

    def ids(self) -> list[str]:
        ids = [r[0] for r in self._rows("SELECT id FROM records ORDER BY ord")]
        self._expect(len(ids), "*")
        return ids

    def benchmark_named(self, norm: str) -> Benchmark | None:
        """The benchmark one of whose names normalizes to ``norm``, or None."""
        from aigap.core.model import Benchmark

        rows = self._rows("SELECT benchmark FROM names WHERE norm = ?", (norm,))
        if rows:
            bench = self._one(rows[0][0], Benchmark)
            if bench is None or norm not in _names(bench):
                raise CacheError(f"cached name {norm!r} points to the wrong benchmark")
            return bench
        # A miss is an error path, so it can afford to check the table lost nothing.
        if any(norm in _names(b) for b in self.benchmarks()):
            raise CacheError(f"cached names lack {norm!r}")
        return None

    def source(self, source_id: str) -> Source:
        from aigap.core.model import Source

        found = self._one(source_id, Source)
        if found is None:
            raise CacheError(f"source {source_id!r} missing from cache")
        return found

    def sources_by_id(self, source_ids: Iterable[str]) -> dict[str, Source]:
        """These sources, read in one query (a listing's 50 rows cite up to 50)."""
        from aigap.core.model import Source

        wanted = list(dict.fromkeys(source_ids))
        found: dict[str, Source] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self._rows(f"{_SELECT} WHERE id IN ({marks})", chunk):
                source = self._build(row, Source)
                found[source.id] = source
        missing = [sid for sid in wanted if sid not in found]
        if missing:
            raise CacheError(f"source {missing[0]!r} missing from cache")
        return {sid: found[sid] for sid in wanted}

    def fact_counts(self) -> dict[str, int]:
        """Facts per source id, as counted when the cache was written."""
        rows = self._rows("SELECT benchmark, n FROM counts WHERE kind = ?", (_BY_SOURCE,))
        return {source: count for source, count in rows}

    def search(self, match: str, limit: int | None) -> tuple[list[tuple[Stored, float]], int]:
        """The best ``limit`` records (all when None) for an FTS5 query, with scores; the count.

        Ranking and cutting happen in SQLite: only the rows returned are built.
        """
        from aigap.answers.search import COLUMN_WEIGHTS

        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        rows = self._rows(
            f"SELECT r.ord, r.id, r.kind, b.data, b.crc, -s.rank FROM ("
            f"  SELECT rowid, bm25(search, {weights}) AS rank FROM search"
            f"  WHERE search MATCH ? ORDER BY rank, rowid LIMIT ?"
            f") AS s JOIN records AS r ON r.ord = s.rowid JOIN blobs AS b ON b.ord = s.rowid"
            " ORDER BY s.rank, s.rowid",
            (match, -1 if limit is None else limit),
        )
        if limit is None or len(rows) < limit:
            total = len(rows)
        else:
            total = self._rows("SELECT count(*) FROM search WHERE search MATCH ?", (match,))[0][0]
        return [(self._stored(row[:5]), float(row[5])) for row in rows], total

    @staticmethod
    def _where(
        kind: str | None,
        since: str | None,
        until: str | None,
        who: str | None,
        speakers: Sequence[str] | None,
    ) -> tuple[str, list[str | int]]:
        """SQL conditions for the rows of ``kind`` (None: every fact) that match the filters."""
        args: list[str | int] = []
        if kind is None:
            sql = _FACTS_ONLY
        else:
            sql, args = "kind = ?", [kind]
        if since is not None:  # a partial date matches a range it overlaps
            sql += " AND dhi >= ?"
            args.append(since)
        if until is not None:
            sql += " AND dlo <= ?"
            args.append(until)
        if who:
            sql += " AND instr(who, ?) > 0"
            args.append(who.casefold().strip())
        if speakers is not None:  # normalized names, each matching a whole speaker name
            marks = ", ".join("?" * len(speakers))
            sql += f" AND ord IN (SELECT ord FROM speakers WHERE norm IN ({marks}))"
            args += list(speakers)
        return sql, args

    @overload
    def select(self, kind: Kind[F], **filters: Unpack[Filters]) -> list[F]: ...
    @overload
    def select(self, kind: str | None, **filters: Unpack[Filters]) -> list[Fact]: ...
    def select(
        self, kind: Kind[F] | str | None, **filters: Unpack[Filters]
    ) -> list[F] | list[Fact]:
        """The facts of ``kind`` (None: every fact) that match, in ``order``, first ``limit``.

        ``kind`` is a section's name, or the kind itself: then typed as its records.
        ``filters``: see ``Filters``. Only the rows returned are decoded; an
        unfiltered, unlimited read is checked
        against the row count written with the cache.
        """
        if kind is None or isinstance(kind, str):
            section, want = kind, _fact_type(kind)
        else:
            section, want = kind.section, kind.record
        return list(self._iter_select(section, want, **filters))

    def iter_select(self, kind: str | None, **filters: Unpack[Filters]) -> Iterator[Fact]:
        """As ``select``, one fact at a time (machine formats stream every row)."""
        return self._iter_select(kind, _fact_type(kind), **filters)

    def _iter_select(
        self,
        kind: str | None,
        want: type[R],
        *,
        order: str = "file",
        limit: int | None = None,
        since: str | None = None,
        until: str | None = None,
        who: str | None = None,
        speakers: Sequence[str] | None = None,
    ) -> Iterator[R]:
        where, args = self._where(kind, since, until, who, speakers)
        # choose and cut the rows first, then read only their blobs: joined before
        # the LIMIT, SQLite would read the JSON of every matching row
        chosen = f"SELECT * FROM records WHERE {where} ORDER BY {_ORDERS[order]}"
        if limit is not None:
            chosen += " LIMIT ?"
            args.append(limit)
        sql = (
            f"SELECT ord, id, kind, data, crc FROM ({chosen}) JOIN blobs USING (ord)"
            f" ORDER BY {_ORDERS[order]}"
        )
        whole = limit is None and since is None and until is None and not who and speakers is None
        try:
            cursor = self.conn.execute(sql, tuple(args))
        except sqlite3.Error as exc:
            raise CacheError(str(exc)) from exc
        except UnicodeEncodeError:
            return
        seen = 0
        while True:
            try:
                batch = cursor.fetchmany(500)
            except sqlite3.Error as exc:
                raise CacheError(str(exc)) from exc
            if not batch:
                break
            seen += len(batch)
            for row in batch:
                yield self._build(row, want)
        if whole:
            self._expect(seen, kind or "facts")

    def count(self, kind: str | None, **filters: Unpack[Filters]) -> int:
        """How many records ``select`` would return without a limit (order and limit unused)."""
        where, args = self._where(
            kind,
            filters.get("since"),
            filters.get("until"),
            filters.get("who"),
            filters.get("speakers"),
        )
        rows = self._rows(f"SELECT count(*) FROM records WHERE {where}", args)
        return int(rows[0][0]) if rows else 0

    def all_facts(self) -> list[Fact]:
        from aigap.core.model import Fact

        rows = self._rows(f"{_SELECT} WHERE {_FACTS_ONLY} ORDER BY ord")
        self._expect(len(rows), "facts")
        return [self._build(row, Fact) for row in rows]

    def facts_about(self, entity_ids: Iterable[str]) -> list[Fact]:
        """The facts whose ``about`` names any of these entities, in file order."""
        from aigap.core.model import Fact

        wanted = list(dict.fromkeys(entity_ids))
        marks = ", ".join("?" * len(wanted))
        rows = self._rows(
            f"{_SELECT} WHERE ord IN (SELECT ord FROM about WHERE entity IN ({marks}))"
            " ORDER BY ord",
            wanted,
        )
        for entity_id in wanted:
            # the count for each entity, so a lost row of the index is caught
            n = self._rows("SELECT count(*) FROM about WHERE entity = ?", (entity_id,))[0][0]
            self._expect(n, "about", entity_id)
        built = [self._build(row, Fact) for row in rows]
        if any(not set(wanted).intersection(f.about) for f in built):
            raise CacheError("cached fact filed under the wrong entity")
        return built

    def page_facts(
        self, entity: str, people: Sequence[str], benchmark: bool, limit: int | None
    ) -> tuple[list[Fact], int]:
        """An entity page's facts, dated first in date order, the first ``limit``; how many.

        The facts about the entity, its people's quotes, and for a benchmark its
        gaps and scores; sorted and cut in SQL, so only the facts shown are built.
        """
        from aigap.core.model import Fact

        # Each part comes sorted from an index and cut to ``limit``; their union
        # is at most three times that, sorted and cut again: an entity with
        # 11,000 facts reads about 50 index entries per part, not 11,000 rows.
        marks = ", ".join("?" * len(people))
        parts = [("sortkey", "about WHERE entity = ?")]  # (sort key, rows)
        args: list[str | int] = [entity]
        if people:
            parts.append(("sortkey", f"about WHERE entity IN ({marks}) AND kind = 'quotes'"))
            args += people
        if benchmark:
            parts.append(
                (
                    f"coalesce(datekey, '{_UNDATED}')",
                    "records WHERE kind IN ('gaps', 'scores') AND benchmark = ?",
                )
            )
            args.append(entity)
        cut = -1 if limit is None else limit
        chosen = " UNION ".join(
            f"SELECT * FROM (SELECT ord, {key} AS sortkey FROM {rows}"
            f" ORDER BY sortkey, ord LIMIT {cut})"
            for key, rows in parts
        )
        found = self._rows(
            f"{_SELECT} WHERE ord IN (SELECT ord FROM ({chosen}) ORDER BY sortkey, ord LIMIT ?)"
            " ORDER BY datekey IS NULL, datekey, ord",
            (*args, cut),
        )
        everything = " UNION ".join(f"SELECT ord FROM {rows}" for _, rows in parts)
        total = self._rows(f"SELECT count(*) FROM ({everything})", args)[0][0]
        built = [self._build(row, Fact) for row in found]
        for fact in built:
            named = entity in fact.about or getattr(fact, "benchmark", None) == entity
            if not named and not (fact.kind == "quote" and set(people) & set(fact.about)):
                raise CacheError("cached fact filed under the wrong entity")
        return built, total

    def timeline(
        self,
        sections: Sequence[str],
        since: str | None,
        until: str | None,
        limit: int,
    ) -> tuple[list[tuple[Fact, int, str]], int]:
        """The first ``limit`` timeline entries of these kinds in the range; how many there are.

        Each as (fact, position in its story, sort key), in the timeline's order:
        date, then the order of ``sections``, file order, position. Only their
        facts are built. Every kind must be ``entries_from_data``.
        """
        from aigap.core.model import Fact

        marks = ", ".join("?" * len(sections))
        where, args = f"kind IN ({marks})", list(sections)
        # An entry's date lies in one year, and its sort key is at most its first
        # day: bounds on sortkey that let the ordered index skip what cannot match.
        if since is not None:
            where += " AND hi >= ? AND sortkey >= ?"
            args += [since, f"{since[:4]}-00-00"]
        if until is not None:
            where += " AND lo <= ? AND sortkey <= ?"
            args += [until, until]
        rank = "ord"  # ords follow the registry's order of sections
        registry = [s for s in _kinds_order() if s in sections]
        if list(sections) != registry:
            whens = " ".join(f"WHEN ? THEN {i}" for i in range(len(sections)))
            rank = f"CASE kind {whens} END, ord"
        order_args = list(sections) if rank != "ord" else []
        rows = self._rows(
            f"SELECT ord, pos, sortkey FROM entries WHERE {where}"
            f" ORDER BY sortkey, {rank}, pos LIMIT ?",
            [*args, *order_args, limit],
        )
        if len(rows) < limit:
            total = len(rows)
        else:
            total = int(self._rows(f"SELECT count(*) FROM entries WHERE {where}", args)[0][0])
        if since is None and until is None:  # reading from the start: check no row was lost
            self._expect(int(self._rows("SELECT count(*) FROM entries")[0][0]), "entries")
        ords = list(dict.fromkeys(r[0] for r in rows))
        built: dict[int, Fact] = {}
        for start in range(0, len(ords), 500):
            chunk = ords[start : start + 500]
            found = self._rows(f"{_SELECT} WHERE ord IN ({', '.join('?' * len(chunk))})", chunk)
            for row in found:
                built[row[0]] = self._build(row, Fact)
        if len(built) != len(ords):
            raise CacheError("cached entries point to missing records")
        return [(built[o], pos, key) for o, pos, key in rows], total

    def name_keys(self) -> dict[str, list[str]]:
        """Every entity's and benchmark's names as ``normalize_name`` keys -> their ids."""
        keys: dict[str, list[str]] = {}
        for norm, entity in self._rows("SELECT norm, entity FROM entity_names ORDER BY rowid"):
            keys.setdefault(norm, []).append(entity)
        return keys

    def entity_named(self, norm: str) -> Benchmark | Entity | None:
        """The entity or benchmark one of whose names normalizes to ``norm``, or None."""
        from aigap.core.model import Benchmark, Entity

        rows = self._rows("SELECT entity FROM entity_names WHERE norm = ?", (norm,))
        if not rows:
            return None
        found = self.record(rows[0][0])
        if not isinstance(found, Benchmark | Entity) or norm not in _names(found):
            raise CacheError(f"cached name {norm!r} points to the wrong entity")
        return found


def _names(named: Benchmark | Entity) -> set[str]:
    """The normalized names a benchmark or entity is found by."""
    return {normalize_name(n) for n in (named.id, *named.aliases, *named.name.all())}


def _fact_type(section: str | None) -> type[Fact]:
    """What the rows of a fact section (None: of every fact) decode to: a ``Fact``."""
    from aigap.core.model import Fact

    if section in NOT_FACTS:  # a bug: these have their own readers (Store.sources, ...)
        raise ValueError(f"{section} are not facts")
    return Fact


_encode = msgspec.json.Encoder().encode


def _section(base: FactBase, section: str) -> tuple[Stored, ...]:
    if section == "sources":
        return base.sources
    if section == "benchmarks":
        return base.benchmarks
    if section == "entities":
        return base.entities
    return base.section(section)


def _record_type(section: str) -> type[Fact | Source | Benchmark | Entity]:
    from aigap import kinds

    if section in NOT_FACTS:
        return NOT_FACTS[section]
    record: type[Fact] = kinds.by_section(section).record
    return record


def _kinds_order() -> tuple[str, ...]:
    from aigap import kinds

    return kinds.sections()


class _SideTables:
    """The tables beside ``records``, collected while its rows stream in."""

    def __init__(self, indexed: set[str]) -> None:
        self.indexed = indexed  # kinds whose timeline entries come from their data
        self.names: set[tuple[str, str]] = set()
        self.entity_names: set[tuple[str, str]] = set()
        self.about: list[tuple[str, str, str, int]] = []
        self.speakers: list[tuple[str, int]] = []
        self.entries: list[tuple[int, str, int, str, str, str]] = []
        self.counts: dict[tuple[str, str], int] = {}

    def count(self, key: tuple[str, str]) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1

    def add(self, ord_: int, kind: str, raw: Raw, datekey: str | None) -> None:
        benchmark = raw.get("benchmark")
        if isinstance(benchmark, str):
            self.count((kind, benchmark))
        for entity in dict.fromkeys(_strings(raw.get("about"))):
            self.about.append((entity, kind, datekey or _UNDATED, ord_))
            self.count(("about", entity))
        if kind == "quotes":
            norms = {normalize_name(n) for n in _speaker_names(raw)}
            self.speakers.extend((norm, ord_) for norm in sorted(norms) if norm)
        if kind in self.indexed:
            self.entries.extend((ord_, kind, *e) for e in _entry_dates(kind, raw))
        source = raw.get("source")
        if kind not in NOT_FACTS and isinstance(source, str) and source:  # for `sources`, `show`
            self.count((_BY_SOURCE, source))
        if kind in ("benchmarks", "entities"):
            self.add_names(kind, raw)

    def add_names(self, kind: str, raw: Raw) -> None:
        record_id = str(raw["id"])
        for alias in (record_id, *_strings(raw.get("aliases")), *_strings(raw.get("name"))):
            norm = normalize_name(alias)
            if norm:
                self.entity_names.add((norm, record_id))
                if kind == "benchmarks":
                    self.names.add((norm, record_id))

    def write(self, conn: sqlite3.Connection, sections: Sequence[str]) -> None:
        conn.executemany("INSERT INTO names(norm, benchmark) VALUES (?, ?)", sorted(self.names))
        conn.executemany(
            "INSERT INTO entity_names(norm, entity) VALUES (?, ?)", sorted(self.entity_names)
        )
        conn.executemany(
            "INSERT INTO about(entity, kind, sortkey, ord) VALUES (?, ?, ?, ?)", self.about
        )
        conn.executemany("INSERT INTO speakers(norm, ord) VALUES (?, ?)", self.speakers)
        conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)", self.entries)
        counts = self.counts
        counts["*", ""] = sum(n for (kind, bench), n in counts.items() if not bench)
        counts["facts", ""] = sum(counts[kind, ""] for kind in sections)
        counts["entries", ""] = len(self.entries)  # after "*", which counts records only
        conn.executemany(
            "INSERT INTO counts(kind, benchmark, n) VALUES (?, ?, ?)",
            [(kind, bench, n) for (kind, bench), n in counts.items()],
        )


def _records_of(data: Mapping[str, Node], section: str) -> list[dict[str, Node]]:
    """A section's records in the validated data: a list of mappings (or nothing)."""
    items = data.get(section)
    if items is None:
        return []
    records = [r for r in items if isinstance(r, dict)] if isinstance(items, list) else []
    if not isinstance(items, list) or len(records) != len(items):
        raise TypeError(f"{section}: records not validated")  # a bug: validation comes first
    return records


def _fill(conn: sqlite3.Connection, data: Mapping[str, Node], base: FactBase, key: str) -> None:
    """Write the validated records as rows, their indexed columns from the raw data
    they were built from; rows stream into SQLite, never all in a list."""
    from aigap import kinds

    side = _SideTables({kind for kind in kinds.sections() if entries_from_data(kind)})
    order = (*NOT_FACTS, *kinds.sections())

    def rows() -> Iterator[tuple[object, ...]]:
        ord_ = 0
        for kind in order:
            items = _records_of(data, kind)
            side.counts[kind, ""] = len(items)
            for raw in items:
                ord_ += 1
                columns = _columns(kind, raw)
                yield (ord_, raw["id"], kind, raw.get("benchmark"), raw.get("source"), *columns)
                side.add(ord_, kind, raw, columns[0])

    def blobs() -> Iterator[tuple[int, str, int]]:
        ord_ = 0
        for kind in order:  # the order rows() numbers them in
            for built in _section(base, kind):
                ord_ += 1
                text = _encode(built).decode()
                yield ord_, text, _crc(ord_, built.id, kind, text)

    conn.executescript(_TABLES)
    conn.executemany(
        "INSERT INTO records(ord, id, kind, benchmark, source,"
        " datekey, dlo, dhi, sub, num, who)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows(),
    )
    conn.executemany("INSERT INTO blobs(ord, data, crc) VALUES (?, ?, ?)", blobs())
    side.write(conn, kinds.sections())
    _fill_search(conn, data)
    conn.executescript(_INDEXES)
    conn.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
    conn.commit()


def _fill_search(conn: sqlite3.Connection, data: Mapping[str, Node]) -> None:
    """The search index, in the same transaction as the records it points to."""
    from aigap import kinds
    from aigap.answers.search import Indexer

    names_of: dict[str, list[str]] = {}
    for raw in (*_records_of(data, "benchmarks"), *_records_of(data, "entities")):
        names = (raw.get("name"), raw.get("full_name"), raw.get("aliases"))
        names_of[str(raw["id"])] = [n for value in names for n in _strings(value)]
    indexer = Indexer(names_of)

    def rows() -> Iterator[tuple[object, ...]]:
        ord_ = 0
        for kind in (*NOT_FACTS, *kinds.sections()):  # the order _fill numbers records in
            for raw in _records_of(data, kind):
                ord_ += 1
                if kind == "entities":
                    # an entity is found through the facts about it (its names are
                    # indexed with them); `aigap show NAME` is its page
                    continue
                yield (ord_, *indexer.row(kind, raw))

    conn.execute(SEARCH_SCHEMA)  # execute, not executescript, which would commit first
    conn.executemany("INSERT INTO search(rowid, names, body, passage) VALUES (?, ?, ?, ?)", rows())


def _open_cached(cache_file: Path, key: str) -> sqlite3.Connection | None:
    """A read-only connection to a cache written for ``key``; None for anything else."""
    if not _private_dir(cache_file.parent, create=False) or not _private_file(cache_file):
        return None
    try:
        conn = sqlite3.connect(f"{cache_file.as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError, OSError):
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
    except sqlite3.Error:  # not a database, truncated, another schema
        conn.close()
        return None
    if row is None or row[0] != key:
        conn.close()
        return None
    return conn


def _write_cache(
    cache_file: Path, data: Mapping[str, Node], base: FactBase, key: str
) -> sqlite3.Connection | None:
    """Write the cache atomically; None when the directory is unusable."""
    if not _private_dir(cache_file.parent, create=True):
        return None
    tmp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    try:
        with contextlib.suppress(FileNotFoundError):  # left by a crashed run of this pid
            os.unlink(tmp)
        # O_EXCL: never write through a file or link put there in the meantime.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            _fill(conn, data, base, key)
        finally:
            conn.close()
        os.replace(tmp, cache_file)
    except BaseException as exc:  # whatever stops the write (even ^C) leaves no temp file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, sqlite3.Error | OSError):
            return None
        raise
    return _open_cached(cache_file, key)


# A temp file this old cannot belong to a write still running: writes hold the lock.
STALE_TEMP_SECONDS = 60


def _remove_stale_temps(cache_file: Path) -> None:
    """Remove temp files of this cache left by a killed process (we hold its lock)."""
    import time

    prefix = f"{cache_file.name}."
    try:
        names = [n for n in os.listdir(cache_file.parent) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        pid, _, tail = name[len(prefix) :].partition(".")
        if tail != "tmp" or not pid.isdigit():
            continue
        full = cache_file.parent / name
        try:
            old = time.time() - os.lstat(full).st_mtime > STALE_TEMP_SECONDS
            if old or not _alive(int(pid)):
                os.unlink(full)
        except OSError:
            continue


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours from an earlier crash: this process is not writing it now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's process, or no such pid on this OS
        return True
    return True


@contextlib.contextmanager
def _build_lock(cache_file: Path) -> Iterator[None]:
    """Hold an exclusive lock while the cache of ``cache_file`` is built.

    Processes that find the cache cold at the same time queue here, and all
    but the first then find it written. Where flock is missing (Windows) or
    fails (some network file systems) each process builds its own, as before.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = -1
    if _private_dir(cache_file.parent, create=True):
        lock = cache_file.with_name(f"{cache_file.name}.lock")
        with contextlib.suppress(OSError):
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if fd >= 0:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:
                os.close(fd)
                fd = -1
        yield
    finally:
        if fd >= 0:
            os.close(fd)  # releases the lock


def _stat(path: str, limit: int) -> os.stat_result:
    from aigap.factfiles.load import _fail, too_large

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _fail(path, "file.missing") from None
    except OSError as exc:
        raise _fail(path, "file.unopenable", why=os_reason(exc)) from None
    # The size limit holds for a warm cache too: it answers only what a cold read would.
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        raise too_large(path, info.st_size, limit)
    return info


def _key(paths: Sequence[str], infos: Sequence[os.stat_result]) -> str:
    return "\n".join(file_key(p, i) for p, i in zip(paths, infos, strict=True))


def open_store(
    path: str | Sequence[str], max_bytes: int | None = None, *, rebuild: bool = False
) -> Store:
    """A Store for the fact file at ``path`` (or several as one), from the cache when fresh.

    Several files share one cache, keyed on every file: editing any rebuilds it.
    """
    from aigap.factfiles.load import max_bytes_from_env

    paths = [path] if isinstance(path, str) else list(path)
    limit = max_bytes_from_env(max_bytes)
    infos = [_stat(p, limit) for p in paths]
    name = os.pathsep.join(paths)
    cache_file = cache_file_for(os.pathsep.join(os.path.realpath(p) for p in paths))
    if cache_file is not None and not rebuild:
        conn = _open_cached(cache_file, _key(paths, infos))
        if conn is not None:
            return Store(conn, name)
    if cache_file is None:
        return Store(_read_into(None, paths, max_bytes), name)
    with _build_lock(cache_file):
        if not rebuild:  # another process may have built it while we waited
            with contextlib.suppress(OSError):
                conn = _open_cached(cache_file, _key(paths, [os.stat(p) for p in paths]))
                if conn is not None:
                    return Store(conn, name)
        _remove_stale_temps(cache_file)
        return Store(_read_into(cache_file, paths, max_bytes), name)


def _read_into(
    cache_file: Path | None, paths: Sequence[str], max_bytes: int | None
) -> sqlite3.Connection:
    """Parse and validate the fact files; write the cache, or an in-memory one."""
    from aigap.factfiles.load import load_fact_bases_with_data

    # Reading builds millions of small objects and frees none until the end:
    # collection passes would only rescan them (a third of a 100k-fact read).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        data, base, read = load_fact_bases_with_data(paths, max_bytes)
        key = _key(paths, read)
        conn = _write_cache(cache_file, data, base, key) if cache_file is not None else None
        if conn is None:
            conn = sqlite3.connect(":memory:")
            _fill(conn, data, base, key)
        del data, base
    finally:
        if gc_was_enabled:
            gc.enable()
    return conn


def with_store(
    path: str | Sequence[str], query: Callable[[Store], T], max_bytes: int | None = None
) -> T:
    """Run ``query`` on the store, rebuilding the cache once if it proves bad."""
    try:
        return query(open_store(path, max_bytes))
    except CacheError:
        pass
    try:
        return query(open_store(path, max_bytes, rebuild=True))
    except CacheError as exc:  # the file changed under us twice, or a bug
        name = path if isinstance(path, str) else os.pathsep.join(path)
        raise AigapError.said("error.read_base", path=name, why=exc) from None
