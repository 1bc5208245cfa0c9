"""Writing the cache: where it lives, its rows and side tables from validated records."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from aigap import __version__, kinds
from aigap.core.model import NOT_FACTS, PartialDate, day_text
from aigap.core.text import normalize_name
from aigap.kinds import base
from aigap.kinds.base import Indexed
from aigap.store.index import Indexer
from aigap.store.pages import write_page_sums
from aigap.store.schema import (
    BY_SOURCE,
    CACHE_FORMAT,
    INDEXES,
    MAX_SLOTS,
    SEARCH_ROWS,
    SEARCH_SCHEMA,
    SEARCH_SHAPE,
    TABLES,
    UNDATED,
    Raw,
    entries_from_data,
    ord_of,
    row_crc,
    schema_digest,
    search_shape,
)

if TYPE_CHECKING:
    from aigap.core.model import FactBase, Stored
    from aigap.factfiles.files import Part
    from aigap.factfiles.yaml_reader import Node


Count = tuple[str, str]  # a key of the counts table: (kind, benchmark)


# Each fact file of the base: its key (``file_key``) and what the cache keeps of it.
FileEntry = tuple[str, "Part"]


CACHE_ENV = "AIGAP_CACHE_DIR"


NO_CACHE_ENV = "AIGAP_NO_CACHE"


def _strings(value: object) -> list[str]:
    """The texts of a validated list (aliases, about) or text mapping (a name's en and ko)."""
    items = list(value.values()) if isinstance(value, dict) else value
    return [v for v in items if isinstance(v, str)] if isinstance(items, list | tuple) else []


Columns = tuple[str | None, str | None, str | None, int | None, int | float | None, str | None]


def _columns(indexed: Indexed) -> Columns:
    """The indexed columns of a row (datekey, dlo, dhi, sub, num, who), from what its kind
    files it under (``Kind.index``; sources, benchmarks, entities: nothing).

    They only choose and order rows; every row shown is decoded and checked from its blob.
    """
    parts = PartialDate.parse(indexed.last) if indexed.last is not None else None
    start = PartialDate.parse(indexed.first) if indexed.first is not None else parts
    datekey = dlo = dhi = None
    if parts is not None and start is not None:
        datekey = day_text(parts.sort_key)  # a year before its months, its end after them
        dhi = day_text(parts.span[1])
        dlo = day_text(start.span[0])
    sub, num = indexed.rank or (None, None)
    who = "\x1f".join(n.casefold() for n in indexed.speakers) if indexed.speakers else None
    return datekey, dlo, dhi, sub, num, who


def indexed_of(section: str, raw: Raw) -> Indexed:
    return Indexed() if section in NOT_FACTS else kinds.by_section(section).index(raw)


def _entry_dates(section: str, raw: Raw) -> Iterator[tuple[int, str, str, str]]:
    """(position, sort key, first day, last day) of each dated entry of the fact's story.

    As ``kinds.of(fact).story`` gives them (tests/test_store_timeline_index.py holds
    them to it): the kind's ``raw_dates``, by default the fact's ``date``.
    """

    if not entries_from_data(section):
        return
    dates = (kinds.by_section(section).raw_dates or base.raw_date)(raw)
    for pos, date in enumerate(dates):
        parts = PartialDate.parse(date) if date is not None else None
        if parts is None:
            continue
        first, last = parts.span
        yield pos, day_text(parts.sort_key), day_text(first), day_text(last)


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


def private_dir(path: Path, *, create: bool) -> bool:
    """Only a directory we own that others cannot write may hold our cache."""
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _ours_alone(info)


def private_file(path: Path) -> bool:
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

    digest = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogatepass")).hexdigest()
    return directory / f"facts-{digest[:24]}.sqlite"


_encode = msgspec.json.Encoder().encode


def _section(base: FactBase, section: str) -> tuple[Stored, ...]:
    if section == "sources":
        return base.sources
    if section == "benchmarks":
        return base.benchmarks
    if section == "entities":
        return base.entities
    return base.section(section)


class SideTables:
    """The tables beside ``records``, collected while its rows stream in."""

    def __init__(self) -> None:
        # kinds whose timeline entries come from their data
        self.indexed = {kind for kind in kinds.sections() if entries_from_data(kind)}
        self.names: set[tuple[str, str]] = set()
        self.entity_names: set[tuple[str, str]] = set()
        self.about: list[tuple[str, str, str, int]] = []
        self.speakers: list[tuple[str, int]] = []
        self.tags: list[tuple[str, int]] = []
        self.entries: list[tuple[int, str, int, str, str, str]] = []
        self.counts: dict[Count, int] = {}
        # what each file's sources and facts add to counts (file_counts), by slot
        self.shares: dict[int, dict[Count, int]] = {}

    def count(self, key: Count, share: dict[Count, int] | None = None) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1
        if share is not None:
            share[key] = share.get(key, 0) + 1

    def add_owned(self, slot: int, ord_: int, kind: str, raw: Raw, indexed: Indexed) -> None:
        """A fact's or source's side rows and counts, and its file's share of the counts
        (what an edit of that file alone replaces: ``owned``)."""
        share = self.shares.setdefault(slot, {})
        entries = len(self.entries)
        self.add(ord_, kind, raw, indexed.speakers, _columns(indexed)[0], share)
        totals = ("*", "facts", SEARCH_ROWS) if kind not in NOT_FACTS else ("*", SEARCH_ROWS)
        for key in ((kind, ""), *((total, "") for total in totals)):
            share[key] = share.get(key, 0) + 1
        share["entries", ""] = share.get(("entries", ""), 0) + len(self.entries) - entries

    def add(
        self,
        ord_: int,
        kind: str,
        raw: Raw,
        speakers: Sequence[str],
        datekey: str | None,
        share: dict[Count, int] | None = None,
    ) -> None:
        benchmark = raw.get("benchmark")
        if isinstance(benchmark, str):
            self.count((kind, benchmark), share)
        for entity in dict.fromkeys(_strings(raw.get("about"))):
            self.about.append((entity, kind, datekey or UNDATED, ord_))
            self.count(("about", entity), share)
        norms = {normalize_name(n) for n in speakers}
        self.speakers.extend((norm, ord_) for norm in sorted(norms) if norm)
        for norm in norms:
            if norm:
                self.count(("speaker", norm), share)
        if kind in self.indexed:
            self.entries.extend((ord_, kind, *e) for e in _entry_dates(kind, raw))
        if kind not in NOT_FACTS:
            for tag in dict.fromkeys(t.casefold() for t in _strings(raw.get("tags"))):
                self.tags.append((tag, ord_))
                self.count(("tag", tag), share)
            # for `sources`, `show`: the facts that cite each source
            for source in dict.fromkeys(_cited(raw)):
                self.count((BY_SOURCE, source), share)
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

    def write_rows(self, conn: sqlite3.Connection) -> None:
        """The rows of the facts' side tables (also an edit's, store/update.py)."""
        conn.executemany(
            "INSERT INTO about(entity, kind, sortkey, ord) VALUES (?, ?, ?, ?)", self.about
        )
        conn.executemany("INSERT INTO speakers(norm, ord) VALUES (?, ?)", self.speakers)
        conn.executemany("INSERT INTO tags(tag, ord) VALUES (?, ?)", self.tags)
        conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)", self.entries)

    def write(self, conn: sqlite3.Connection, sections: Sequence[str]) -> None:
        conn.executemany("INSERT INTO names(norm, benchmark) VALUES (?, ?)", sorted(self.names))
        conn.executemany(
            "INSERT INTO entity_names(norm, entity) VALUES (?, ?)", sorted(self.entity_names)
        )
        self.write_rows(conn)
        conn.executemany(
            "INSERT INTO file_counts(slot, kind, benchmark, n) VALUES (?, ?, ?, ?)",
            [
                (slot, kind, bench, n)
                for slot, share in self.shares.items()
                for (kind, bench), n in share.items()
            ],
        )
        counts = self.counts
        counts["*", ""] = sum(n for (kind, bench), n in counts.items() if not bench)
        counts["facts", ""] = sum(counts[kind, ""] for kind in sections)
        counts["entries", ""] = len(self.entries)  # after "*", which counts records only
        # every table an answer is read from has its count (store.queries checks them)
        counts["entity_names", ""] = len(self.entity_names)
        for norm, _ in self.entity_names:
            counts["entity_name", norm] = counts.get(("entity_name", norm), 0) + 1
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


def owned() -> tuple[str, ...]:
    """The sections an edit of one file may replace alone: its sources and facts (no
    other record's row holds anything of theirs but their id)."""
    return ("sources", *kinds.sections())


def section_list() -> str:
    """The sections in ord rank order: an edit in place needs the ranks the cache was
    written with (a kind registered since would move every later section's ords)."""
    return ",".join((*NOT_FACTS, *kinds.sections()))


def _numbered(
    data: Mapping[str, Node], files: Sequence[FileEntry]
) -> Iterator[tuple[str, int, int, dict[str, Node]]]:
    """(section, slot, ord, raw record) of every record, in ord order (``schema.ord_of``).

    The merged data holds each section's records file after file; each file's
    ``Part.sizes`` says how many are its own.
    """
    if len(files) > MAX_SLOTS:
        raise OverflowError(f"more than {MAX_SLOTS} fact files")
    for rank, kind in enumerate((*NOT_FACTS, *kinds.sections())):
        items = _records_of(data, kind)
        slots = (
            (slot, ord_of(rank, slot, pos))
            for slot, (_, part) in enumerate(files)
            for pos in range(1, part.sizes.get(kind, 0) + 1)
        )
        placed = 0
        for (slot, ord_), raw in zip(slots, items, strict=False):
            placed += 1
            yield kind, slot, ord_, raw
        if placed != len(items) or next(slots, None) is not None:
            raise TypeError(f"{kind}: records not where their files say")  # a bug


def record_row(ord_: int, kind: str, raw: Raw, indexed: Indexed) -> tuple[object, ...]:
    """A row of ``records``: its place, id, kind, benchmark, source and indexed columns."""
    return (ord_, raw["id"], kind, raw.get("benchmark"), raw.get("source"), *_columns(indexed))


def blob_row(ord_: int, kind: str, built: Stored) -> tuple[int, str, int]:
    """A row of ``blobs``: the record's JSON, with its checksum."""
    text = _encode(built).decode()
    return ord_, text, row_crc(ord_, built.id, kind, text)


INSERT_RECORD = (
    "INSERT INTO records(ord, id, kind, benchmark, source, datekey, dlo, dhi, sub, num, who)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_BLOB = "INSERT INTO blobs(ord, data, crc) VALUES (?, ?, ?)"
INSERT_SEARCH_TEXT = "INSERT INTO search_text(ord, names, body, passage) VALUES (?, ?, ?, ?)"


def _fill(
    conn: sqlite3.Connection,
    data: Mapping[str, Node],
    base: FactBase,
    key: str,
    files: Sequence[FileEntry],
) -> None:
    """Write the validated records as rows, their indexed columns from the raw data
    they were built from; rows stream into SQLite, never all in a list."""

    side = SideTables()
    for kind in (*NOT_FACTS, *kinds.sections()):
        side.counts[kind, ""] = len(_records_of(data, kind))
    owned_sections = set(owned())

    def rows() -> Iterator[tuple[object, ...]]:
        for kind, slot, ord_, raw in _numbered(data, files):
            indexed = indexed_of(kind, raw)
            yield record_row(ord_, kind, raw, indexed)
            if kind in owned_sections:
                side.add_owned(slot, ord_, kind, raw, indexed)
            else:
                side.add(ord_, kind, raw, indexed.speakers, None)

    def blobs() -> Iterator[tuple[int, str, int]]:
        numbered = _numbered(data, files)  # the order rows() numbers them in
        for kind in (*NOT_FACTS, *kinds.sections()):
            for built in _section(base, kind):
                got, _, ord_, _ = next(numbered)
                if got != kind:
                    raise TypeError(f"{kind}: records and data disagree")  # a bug
                yield blob_row(ord_, kind, built)

    conn.executescript(TABLES)
    conn.executemany(INSERT_RECORD, rows())
    conn.executemany(INSERT_BLOB, blobs())
    side.write(conn, kinds.sections())
    _fill_search(conn, data, files)
    conn.executemany(
        "INSERT INTO files(slot, key, sha256, frozen) VALUES (?, ?, ?, ?)",
        [(slot, file, part.sha256, part.frozen) for slot, (file, part) in enumerate(files)],
    )
    conn.executescript(INDEXES)
    conn.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
    conn.execute("INSERT INTO meta VALUES ('sections', ?)", (section_list(),))
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (schema_digest(conn),))
    conn.commit()
    # FTS5 writes its index's pages when the transaction commits: their checksums
    # come after it (still before the file is renamed into place, so no reader
    # sees the cache without them); the shape counts the page checksums
    write_page_sums(conn)
    conn.execute(
        "INSERT INTO counts(kind, benchmark, n) VALUES (?, '', ?)",
        (SEARCH_SHAPE, search_shape(conn)),
    )
    conn.commit()


def _fill_search(
    conn: sqlite3.Connection, data: Mapping[str, Node], files: Sequence[FileEntry]
) -> None:
    """The search index, in the same transaction as the records it points to."""

    names_of: dict[str, list[str]] = {}
    for raw in (*_records_of(data, "benchmarks"), *_records_of(data, "entities")):
        names = (raw.get("name"), raw.get("full_name"), raw.get("aliases"))
        names_of[str(raw["id"])] = [n for value in names for n in _strings(value)]
    conn.executemany(
        "INSERT INTO search_names(id, names) VALUES (?, ?)",
        [(record_id, _encode(names).decode()) for record_id, names in names_of.items()],
    )
    indexer = Indexer(names_of)

    indexed = 0

    def rows() -> Iterator[tuple[object, ...]]:
        nonlocal indexed
        for kind, _, ord_, raw in _numbered(data, files):
            indexed += 1
            # an entity is a hit of its own (its card) and, through the names
            # indexed with the facts about it, leads to them
            yield (ord_, *indexer.row(kind, raw))

    conn.executemany(INSERT_SEARCH_TEXT, rows())
    conn.execute(SEARCH_SCHEMA)  # execute, not executescript, which would commit first
    conn.execute("INSERT INTO search(search) VALUES ('rebuild')")
    # the index's row count, written in the same transaction: Store.search checks it
    conn.execute("INSERT INTO counts(kind, benchmark, n) VALUES (?, '', ?)", (SEARCH_ROWS, indexed))


def open_cached(cache_file: Path, key: str) -> sqlite3.Connection | None:
    """A read-only connection to a cache written for ``key``; None for anything else."""
    if not private_dir(cache_file.parent, create=False) or not private_file(cache_file):
        return None
    try:
        conn = sqlite3.connect(f"{cache_file.as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError, OSError):
        return None
    try:
        # One read transaction for the whole command: an edit in place by another
        # process (store/update.py) waits for it, or rebuilds beside it, so every
        # query of this command sees the same cache, never half the old, half the new.
        conn.execute("BEGIN")
        row = conn.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
        schema = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        same_schema = schema is not None and schema[0] == schema_digest(conn)
    except sqlite3.Error:  # not a database, truncated, another schema
        conn.close()
        return None
    if row is None or row[0] != key or not same_schema:
        conn.close()
        return None
    return conn


def write_cache(
    cache_file: Path,
    data: Mapping[str, Node],
    base: FactBase,
    key: str,
    files: Sequence[FileEntry],
) -> sqlite3.Connection | None:
    """Write the cache atomically; None when the directory is unusable."""
    if not private_dir(cache_file.parent, create=True):
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
            _fill(conn, data, base, key, files)
        finally:
            conn.close()
        # An edit in place (store/update.py) killed mid-way leaves a rollback journal
        # beside the old cache; it must never be played back into the new one.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(journal_of(cache_file))
        os.replace(tmp, cache_file)
    except BaseException as exc:  # whatever stops the write (even ^C) leaves no temp file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, sqlite3.Error | OSError):
            return None
        raise
    return open_cached(cache_file, key)


# A temp file this old cannot belong to a write still running: writes hold the lock.
STALE_TEMP_SECONDS = 60


def remove_stale_temps(cache_file: Path) -> None:
    """Remove temp files of this cache left by a killed process (we hold its lock)."""

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
def build_lock(cache_file: Path) -> Iterator[None]:
    """Hold an exclusive lock while the cache of ``cache_file`` is built.

    Processes that find the cache cold at the same time queue here, and all
    but the first then find it written. Where flock is missing (Windows) or
    fails (some network file systems) each process builds its own, as before.
    """
    try:
        import fcntl  # POSIX only: Windows has none
    except ImportError:
        yield
        return
    fd = -1
    if private_dir(cache_file.parent, create=True):
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


def journal_of(cache_file: Path) -> Path:
    """The rollback journal SQLite keeps beside a database while it is written."""
    return cache_file.with_name(f"{cache_file.name}-journal")


def store_records(
    cache_file: Path | None,
    data: Mapping[str, Node],
    base: FactBase,
    key: str,
    files: Sequence[FileEntry],
) -> sqlite3.Connection:
    """The validated records as a cache: written atomically to ``cache_file``, else in memory.

    ``files``: each fact file's key and ``Part``, in the order ``data`` merged them.
    """
    conn = write_cache(cache_file, data, base, key, files) if cache_file is not None else None
    if conn is None:  # no cache directory, or one we may not use
        conn = sqlite3.connect(":memory:")
        _fill(conn, data, base, key, files)
    return conn


def _cited(raw: Raw) -> Iterator[str]:
    """The sources a fact cites: its article, its primary notes' sources and its
    quote's original words' source (a report cited only as primary counts too)."""
    primary = raw.get("primary")
    notes = [n for n in primary if isinstance(n, dict)] if isinstance(primary, list) else []
    original = raw.get("original")
    for source in (
        raw.get("source"),
        *(n.get("source") for n in notes),
        original.get("source") if isinstance(original, dict) else None,
    ):
        if isinstance(source, str) and source:
            yield source
