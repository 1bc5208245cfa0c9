"""Answer lookups from a validated cache of the fact base.

Parsing and validating YAML is the slow part of every command, so the first
read of a fact file writes its validated records into an SQLite file in the
user's cache directory, keyed by the file's path, size, mtime, ctime and
inode plus the aigap version. Later commands query only the rows they need,
so a lookup costs about the same at 100,000 facts as at 100. The cache holds
JSON text, never pickles or code; it is written to a temporary file and
renamed into place; a stale, corrupt or unwritable cache is rebuilt or
bypassed (an in-memory database), never trusted.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from aigap import __version__
from aigap.errors import AigapError

CACHE_FORMAT = "1"
CACHE_ENV = "AIGAP_CACHE_DIR"
NO_CACHE_ENV = "AIGAP_NO_CACHE"
T = TypeVar("T")

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records(
    ord INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    benchmark TEXT,
    data TEXT NOT NULL
);
CREATE INDEX records_kind ON records(kind, benchmark);
CREATE TABLE names(norm TEXT NOT NULL, benchmark TEXT NOT NULL);
CREATE INDEX names_norm ON names(norm);
"""


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


def _private_dir(path: Path) -> bool:
    """Only a directory we own that others cannot write may hold our cache."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022


def file_key(path: str, info: os.stat_result) -> str:
    real = os.path.realpath(path)
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


class Store:
    """Read access to validated records; every row is rebuilt by the validator."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as exc:
            raise CacheError(str(exc)) from exc

    def _build(self, kind: str, data: str) -> Any:
        from aigap.validate import Checker, InvalidRecord, build_entity, build_fact

        try:
            raw = json.loads(data)
            checker = Checker(strict=True)
            if kind in ("sources", "benchmarks"):
                built = build_entity(kind, raw, checker, ())
            else:
                built = build_fact(kind, raw, checker, ())
        except (ValueError, InvalidRecord, TypeError, KeyError) as exc:
            raise CacheError(f"bad cached record: {exc}") from exc
        if built is None:
            raise CacheError("bad cached record")
        return built

    def records(self, kind: str) -> list[Any]:
        rows = self._rows("SELECT data FROM records WHERE kind = ? ORDER BY ord", (kind,))
        return [self._build(kind, data) for (data,) in rows]

    def records_about(self, kind: str, benchmark: str) -> list[Any]:
        rows = self._rows(
            "SELECT data FROM records WHERE kind = ? AND benchmark = ? ORDER BY ord",
            (kind, benchmark),
        )
        return [self._build(kind, data) for (data,) in rows]

    def record(self, record_id: str) -> Any | None:
        rows = self._rows("SELECT kind, data FROM records WHERE id = ?", (record_id,))
        return self._build(rows[0][0], rows[0][1]) if rows else None

    def ids(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM records ORDER BY ord")]

    def benchmark_for_name(self, norm: str) -> str | None:
        rows = self._rows("SELECT benchmark FROM names WHERE norm = ?", (norm,))
        return rows[0][0] if rows else None

    def source(self, source_id: str) -> Any:
        found = self.record(source_id)
        if found is None:
            raise CacheError(f"source {source_id!r} missing from cache")
        return found

    def fact_counts(self) -> dict[str, int]:
        rows = self._rows(
            "SELECT json_extract(data, '$.source'), count(*) FROM records "
            "WHERE kind NOT IN ('sources', 'benchmarks') GROUP BY 1"
        )
        return {source: count for source, count in rows}

    def all_facts(self) -> list[Any]:
        rows = self._rows(
            "SELECT kind, data FROM records WHERE kind NOT IN ('sources', 'benchmarks') "
            "ORDER BY ord"
        )
        return [self._build(kind, data) for kind, data in rows]


def _fill(conn: sqlite3.Connection, data: dict[str, Any], key: str) -> None:
    from aigap.model import FACT_KINDS
    from aigap.validate import normalize_name

    conn.executescript(_SCHEMA)
    rows = []
    names = []
    for kind in ("sources", "benchmarks", *FACT_KINDS):
        for raw in data.get(kind) or ():
            rows.append(
                (raw["id"], kind, raw.get("benchmark"), json.dumps(raw, ensure_ascii=False))
            )
            if kind == "benchmarks":
                name = raw.get("name", {})
                for alias in (raw["id"], *raw.get("aliases", ()), *name.values()):
                    norm = normalize_name(alias)
                    if norm:
                        names.append((norm, raw["id"]))
    conn.executemany("INSERT INTO records(id, kind, benchmark, data) VALUES (?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO names(norm, benchmark) VALUES (?, ?)", set(names))
    conn.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
    conn.commit()


def _open_cached(cache_file: Path, key: str) -> sqlite3.Connection | None:
    try:
        conn = sqlite3.connect(f"{cache_file.as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError, OSError):
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
    except sqlite3.Error:
        conn.close()
        return None
    if row is None or row[0] != key:
        conn.close()
        return None
    return conn


def _write_cache(cache_file: Path, data: dict[str, Any], key: str) -> sqlite3.Connection | None:
    """Write the cache atomically; None when the directory is unusable."""
    if not _private_dir(cache_file.parent):
        return None
    tmp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            _fill(conn, data, key)
        finally:
            conn.close()
        os.replace(tmp, cache_file)
    except (sqlite3.Error, OSError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return None
    return _open_cached(cache_file, key)


def open_store(path: str, max_bytes: int | None = None, *, rebuild: bool = False) -> Store:
    """A Store for the fact file at ``path``, from the cache when it is fresh."""
    from aigap.load import _fail

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except OSError as exc:
        raise _fail(path, f"cannot open: {exc.strerror or exc}") from None
    cache_file = cache_file_for(path)
    if cache_file is not None and not rebuild:
        conn = _open_cached(cache_file, file_key(path, info))
        if conn is not None:
            return Store(conn, path)

    from aigap.load import load_fact_base_with_data

    data, info = load_fact_base_with_data(path, max_bytes)
    key = file_key(path, info)
    conn = _write_cache(cache_file, data, key) if cache_file is not None else None
    if conn is None:
        conn = sqlite3.connect(":memory:")
        _fill(conn, data, key)
    return Store(conn, path)


def with_store(path: str, query: Callable[[Store], T], max_bytes: int | None = None) -> T:
    """Run ``query`` on the store, rebuilding the cache once if it proves bad."""
    try:
        return query(open_store(path, max_bytes))
    except CacheError:
        pass
    try:
        return query(open_store(path, max_bytes, rebuild=True))
    except CacheError as exc:  # the file changed under us twice, or a bug
        raise AigapError(f"{path}: could not read the fact base: {exc}") from None
