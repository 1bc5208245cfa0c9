"""Open the fact base: the packaged file and --facts files, from the cache when it is fresh."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from aigap.core import collector
from aigap.core.errors import AigapError, FactFileError, os_reason
from aigap.factfiles.files import (
    Part,
    bytes_digest,
    fail,
    max_bytes_from_env,
    read_fact_bytes,
    too_large,
)
from aigap.store import update
from aigap.store.cache import (
    build_lock,
    cache_file_for,
    file_key,
    open_cached,
    remove_stale_temps,
    store_records,
)
from aigap.store.queries import CacheError, Store

T = TypeVar("T")


def _stat(path: str, limit: int) -> os.stat_result:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise fail(path, "file.missing") from None
    except OSError as exc:
        raise fail(path, "file.unopenable", why=os_reason(exc)) from None
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

    Several files share one cache, keyed on every file. After an edit of some of
    them, only the edited files are read again when only their sources and facts
    changed (``_update``); anything else rebuilds it from every file.
    """
    paths = [path] if isinstance(path, str) else list(path)
    limit = max_bytes_from_env(max_bytes)
    infos = [_stat(p, limit) for p in paths]
    name = os.pathsep.join(paths)
    cache_file = cache_file_for(os.pathsep.join(os.path.realpath(p) for p in paths))
    if cache_file is not None and not rebuild:
        conn = open_cached(cache_file, _key(paths, infos))
        if conn is not None:
            return Store(conn, name)
    if cache_file is None:
        return _read_into(None, paths, max_bytes)
    with build_lock(cache_file):
        if not rebuild:  # another process may have built it while we waited
            with contextlib.suppress(OSError):
                conn = open_cached(cache_file, _key(paths, [os.stat(p) for p in paths]))
                if conn is not None:
                    return Store(conn, name)
        remove_stale_temps(cache_file)
        if not rebuild:
            store = _update(cache_file, paths, max_bytes)
            if store is not None:
                return store
        return _read_into(cache_file, paths, max_bytes)


# The edited files read alone, their sources and facts replaced in the cache, only while
# they are at most this share of the base's bytes: past it, replacing their
# rows one by one in indexed tables costs more than building all afresh.
EDITED_SHARE = 0.25


def _update(cache_file: Path, paths: Sequence[str], max_bytes: int | None) -> Store | None:
    """The cache after an edit of some of the files, written in place; None when that
    cannot be vouched for (then every file is read, and any problem reported)."""
    # only on a cache miss, as the full read: a warm start loads no YAML parser
    from aigap.factfiles.load import read_alone

    if len(paths) < 2:
        return None
    conn = update.open_for_update(cache_file)
    if conn is None:
        return None
    try:
        limit = max_bytes_from_env(max_bytes)
        infos = [_stat(p, limit) for p in paths]
        keys = [file_key(p, i) for p, i in zip(paths, infos, strict=True)]
        files = update.files_of(conn)
        stale = update.stale_slots(files, keys) if files is not None else None
        edited = sum(infos[slot].st_size for slot in stale or ())
        if files is None or not stale or edited > EDITED_SHARE * sum(i.st_size for i in infos):
            return None
        edits = []
        for slot in stale:
            raw, info = read_fact_bytes(paths[slot], limit)
            if file_key(paths[slot], info) != keys[slot]:
                return None  # changed again while we read it
            if bytes_digest(raw) == files[slot].sha256:  # saved unchanged: only its key is new
                part = Part(files[slot].sha256, files[slot].frozen, {})
                edits.append(update.Edit(slot, keys[slot], part))
                continue
            got = read_alone(raw, paths[slot])
            if got is None:
                return None
            data, alone, part = got
            edits.append(update.Edit(slot, keys[slot], part, data, alone.records, alone.needs))
        key = "\n".join(keys)
        if not update.apply(conn, edits, key):
            return None
    except FactFileError:  # reading every file says what is wrong, file and line
        return None
    finally:
        conn.close()
    found = open_cached(cache_file, key)
    return Store(found, os.pathsep.join(paths)) if found is not None else None


def _read_into(cache_file: Path | None, paths: Sequence[str], max_bytes: int | None) -> Store:
    """Parse and validate the fact files; write the cache, or an in-memory one."""
    # only on a cache miss: a warm start loads neither the YAML parser nor validation
    from aigap.factfiles.load import load_fact_bases_with_data

    with collector.paused():
        data, base, read, parts = load_fact_bases_with_data(paths, max_bytes)
        key = _key(paths, read)
        files = [(file_key(p, i), part) for p, i, part in zip(paths, read, parts, strict=True)]
        conn = store_records(cache_file, data, base, key, files)
        store = Store(conn, os.pathsep.join(paths))
        del data, base
    return store


def with_store(
    path: str | Sequence[str], query: Callable[[Store], T], max_bytes: int | None = None
) -> T:
    """Run ``query`` on the store, rebuilding the cache once if it proves bad."""
    try:
        return _closing(open_store(path, max_bytes), query)
    except CacheError:
        pass
    try:
        return _closing(open_store(path, max_bytes, rebuild=True), query)
    except CacheError as exc:  # the file changed under us twice, or a bug
        name = path if isinstance(path, str) else os.pathsep.join(path)
        raise AigapError.said("error.read_base", path=name, why=exc) from None


def _closing(store: Store, query: Callable[[Store], T]) -> T:
    """``query``'s answer, the store closed after it (its read transaction with it)."""
    try:
        return query(store)
    finally:
        store.close()
