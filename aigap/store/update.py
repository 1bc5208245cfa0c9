"""An edit of one of several fact files, written into their cache in place.

The cache of a 100,000-fact file and one's own small file beside it is one
SQLite database; rebuilding it after each edit of the small file costs as
much as the first read. Instead, when only sources and facts changed in the
edited files (their benchmarks and entities exactly as before: those reach
other files' references, names and search text; no other record holds
anything of a source or fact but its id), each edited file is read and
validated alone (``factfiles.validate.validate_alone``) and its sources and
facts are replaced in one transaction: its old rows go (by its ords,
``schema.slot_range``), the new ones come in through the same row builders as
a full build, and what spans files is checked in SQL over the cache of every
file — ids unique (``records_id`` is a UNIQUE index), every source, benchmark
and entity a fact names present and of its section, every source id the file
had still there (another file's facts may cite it). The counts take the
file's old share out and its new one in (``file_counts``); the search index
deletes the file's rows with the text they were indexed with
(``search_text``), so bm25 ranks as a fresh build's would.

Any doubt rolls everything back and answers False: the caller then reads every
file as one, which reports any problem with its file and line. This module
never words a problem; it only decides there is none.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from aigap import kinds
from aigap.core.model import NOT_FACTS
from aigap.store.cache import (
    INSERT_BLOB,
    INSERT_RECORD,
    INSERT_SEARCH_TEXT,
    Count,
    SideTables,
    blob_row,
    indexed_of,
    owned,
    private_dir,
    private_file,
    record_row,
    section_list,
)
from aigap.store.index import Indexer
from aigap.store.pages import write_page_sums
from aigap.store.schema import (
    SEARCH_SHAPE,
    ord_of,
    schema_digest,
    search_shape,
    slot_range,
)

if TYPE_CHECKING:
    from aigap.core.model import Stored
    from aigap.factfiles.files import Part
    from aigap.factfiles.yaml_reader import Node


# An edit in place waits this long for commands still reading the cache; then
# the caller rebuilds it beside them (a new file renamed in) instead.
BUSY_SECONDS = 2.0


class Edit(msgspec.Struct, frozen=True):
    """One edited file: its slot, its new key and ``Part``; ``data`` None when its bytes
    are those the cache holds (only its key changes), else its plain data, its
    sources and facts by section (``validate_alone``) and the ids its facts refer to
    with the sections each may be in."""

    slot: int
    key: str
    part: Part
    data: Mapping[str, Node] | None = None
    records: Mapping[str, Sequence[Stored]] = {}
    needs: Sequence[tuple[str, tuple[str, ...]]] = ()


class FileRow(msgspec.Struct, frozen=True):
    """What the cache holds of one fact file (the ``files`` table)."""

    slot: int
    key: str
    sha256: str
    frozen: str


class _Doubt(Exception):
    """Something the fast path cannot vouch for: roll back, read every file."""


def open_for_update(cache_file: Path) -> sqlite3.Connection | None:
    """A read-write connection to a cache of the current schema; None for anything else."""
    if not private_dir(cache_file.parent, create=False) or not private_file(cache_file):
        return None
    try:
        conn = sqlite3.connect(cache_file, timeout=BUSY_SECONDS)
    except (sqlite3.Error, OSError):
        return None
    try:
        conn.execute("PRAGMA synchronous = NORMAL")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema") == schema_digest(conn) and meta.get("sections") == section_list():
            return conn
    except sqlite3.Error:
        pass
    conn.close()
    return None


def files_of(conn: sqlite3.Connection) -> list[FileRow] | None:
    try:
        rows = conn.execute("SELECT slot, key, sha256, frozen FROM files ORDER BY slot").fetchall()
    except sqlite3.Error:
        return None
    return [FileRow(*row) for row in rows]


def _same_file(old: str, new: str) -> bool:
    """Two keys (``cache.file_key``) of one path under one format and version."""
    return old.rsplit("|", 5)[0] == new.rsplit("|", 5)[0]


def stale_slots(files: Sequence[FileRow], keys: Sequence[str]) -> list[int] | None:
    """The slots of the files whose key changed; None when the cache is of other
    files (another list, another format or version): only a full build will do."""
    if [f.slot for f in files] != list(range(len(keys))):
        return None
    stale = []
    for row, key in zip(files, keys, strict=True):
        if row.key == key:
            continue
        if not _same_file(row.key, key):
            return None
        stale.append(row.slot)
    return stale


def apply(conn: sqlite3.Connection, edits: Sequence[Edit], key: str) -> bool:
    """Write the edits and the new key of every file in one transaction; False (and
    nothing written) on any doubt."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        files = {f.slot: f for f in files_of(conn) or []}
        changed = [e for e in edits if e.data is not None]
        for edit in edits:
            held = files.get(edit.slot)
            if held is None or (edit.data is None and edit.part.sha256 != held.sha256):
                raise _Doubt
            if edit.data is not None and edit.part.frozen != held.frozen:
                raise _Doubt  # a benchmark or entity changed
        shares = {e.slot: _share(conn, e.slot) for e in changed}
        kept = {e.slot: _delete_owned(conn, e.slot, shares[e.slot]) for e in changed}
        indexer = _indexer(conn) if changed else None
        for edit in changed:
            assert indexer is not None
            _insert_owned(conn, edit, indexer, shares[edit.slot])
            new_sources = {r.id for r in edit.records.get("sources", ())}
            if not kept[edit.slot] <= new_sources:
                raise _Doubt  # a source gone that another file's facts may cite
        _check_needs(conn, [need for e in changed for need in e.needs])
        shape = _index_sums(conn) if changed else None
        conn.executemany(
            "UPDATE files SET key = ?, sha256 = ? WHERE slot = ?",
            [(e.key, e.part.sha256, e.slot) for e in edits],
        )
        conn.execute("UPDATE meta SET value = ? WHERE key = 'key'", (key,))
        conn.commit()
    except (_Doubt, sqlite3.Error):
        # on failure the caller closes it; the journal undoes the rest
        with contextlib.suppress(sqlite3.Error):
            conn.rollback()
        return False
    # FTS5 wrote nothing more at the commit: the shape written is the index's
    # (else the caller rebuilds all, which replaces this file)
    return shape is None or _checked_sum(conn, search_shape) == shape


def _index_sums(conn: sqlite3.Connection) -> int:
    """The search index's page checksums (``pages.write_page_sums``) and its shape
    (``schema.search_shape``, written into counts), as a full build writes them; the shape."""
    # FTS5 keeps new rows in memory until the transaction ends or a savepoint
    # is taken: this writes them into the index's pages, which are summed next
    conn.execute("SAVEPOINT flush")
    conn.execute("RELEASE flush")
    write_page_sums(conn)
    shape = search_shape(conn)
    conn.execute("UPDATE counts SET n = ? WHERE kind = ? AND benchmark = ''", (shape, SEARCH_SHAPE))
    return shape


def _checked_sum(conn: sqlite3.Connection, checksum: Callable[[sqlite3.Connection], int]) -> int:
    try:
        return checksum(conn)
    except sqlite3.Error:
        return -1


def _share(conn: sqlite3.Connection, slot: int) -> dict[Count, int]:
    """What a file's sources and facts added to the counts when they were written."""
    rows = conn.execute(
        "SELECT kind, benchmark, n FROM file_counts WHERE slot = ?", (slot,)
    ).fetchall()
    return {(kind, bench): n for kind, bench, n in rows}


def _owned_sections() -> list[tuple[int, str]]:
    """(rank, section) of what an edit replaces (``cache.owned``: sources and every kind
    of fact), ranked as ``cache._numbered`` ranks them."""
    ranks = {section: rank for rank, section in enumerate((*NOT_FACTS, *kinds.sections()))}
    return [(ranks[section], section) for section in owned()]


def _delete_owned(conn: sqlite3.Connection, slot: int, share: Mapping[Count, int]) -> set[str]:
    """Every row of the file's sources and facts (its benchmarks and entities stay);
    the ids of the sources it had."""
    sources: set[str] = set()
    for rank, section in _owned_sections():
        lo, hi = slot_range(rank, slot)
        # as many records and search rows as its share counted (else damage: read all)
        held = conn.execute(
            "SELECT (SELECT count(*) FROM records WHERE ord BETWEEN ?1 AND ?2),"
            " (SELECT count(*) FROM search_text WHERE ord BETWEEN ?1 AND ?2)",
            (lo, hi),
        ).fetchone()
        if held != (share.get((section, ""), 0),) * 2:
            raise _Doubt
        if section == "sources":
            rows = conn.execute("SELECT id FROM records WHERE ord BETWEEN ? AND ?", (lo, hi))
            sources.update(str(record_id) for (record_id,) in rows)
        # FTS5 forgets a row only given the text it indexed: its external content
        conn.execute(
            "INSERT INTO search(search, rowid, names, body, passage)"
            " SELECT 'delete', ord, names, body, passage FROM search_text"
            " WHERE ord BETWEEN ? AND ?",
            (lo, hi),
        )
        for table in ("search_text", "records", "blobs", "about", "speakers", "tags", "entries"):
            conn.execute(f"DELETE FROM {table} WHERE ord BETWEEN ? AND ?", (lo, hi))
    return sources


def _check_needs(conn: sqlite3.Connection, needs: Sequence[tuple[str, tuple[str, ...]]]) -> None:
    """Every id a fact names is a record of a section it may be in (its source a
    source, its benchmark a benchmark, what it is about a benchmark or entity),
    looked up once every edited file's new rows are in."""
    wanted = list(dict.fromkeys(record_id for record_id, _ in needs))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id, kind FROM records WHERE id IN ({marks})", chunk)
        found.update((str(record_id), str(kind)) for record_id, kind in rows)
    for record_id, sections in needs:
        if found.get(record_id) not in sections:
            raise _Doubt


def _indexer(conn: sqlite3.Connection) -> Indexer:
    """The search rows' builder with the names the full build indexed beside each id."""
    names_of: dict[str, list[str]] = {}
    for record_id, names in conn.execute("SELECT id, names FROM search_names"):
        try:
            names_of[record_id] = msgspec.json.decode(names, type=list[str])
        except msgspec.DecodeError:
            raise _Doubt from None
    return Indexer(names_of)


def _insert_owned(
    conn: sqlite3.Connection, edit: Edit, indexer: Indexer, old: dict[Count, int]
) -> None:
    """The file's new sources and facts, through the row builders of a full build; its
    share of the counts swapped for the new one."""
    assert edit.data is not None
    side = SideTables()
    records: list[tuple[object, ...]] = []
    blobs: list[tuple[int, str, int]] = []
    texts: list[tuple[object, ...]] = []
    for rank, section in _owned_sections():
        items = edit.data.get(section)
        raws = [r for r in items if isinstance(r, dict)] if isinstance(items, list) else []
        built = edit.records.get(section, ())
        if len(raws) != len(built) or (isinstance(items, list) and len(raws) != len(items)):
            raise _Doubt
        for pos, (raw, record) in enumerate(zip(raws, built, strict=True), start=1):
            if raw.get("id") != record.id:
                raise _Doubt
            ord_ = ord_of(rank, edit.slot, pos)
            indexed = indexed_of(section, raw)
            records.append(record_row(ord_, section, raw, indexed))
            blobs.append(blob_row(ord_, section, record))
            side.add_owned(edit.slot, ord_, section, raw, indexed)
            texts.append((ord_, *indexer.row(section, raw)))
    conn.executemany(INSERT_RECORD, records)  # a duplicate id fails the UNIQUE index
    conn.executemany(INSERT_BLOB, blobs)
    conn.executemany(INSERT_SEARCH_TEXT, texts)
    conn.executemany("INSERT INTO search(rowid, names, body, passage) VALUES (?, ?, ?, ?)", texts)
    side.write_rows(conn)
    new = side.shares.get(edit.slot, {})
    for count_key in dict.fromkeys((*old, *new)):
        delta = new.get(count_key, 0) - old.get(count_key, 0)
        if delta:
            conn.execute(
                "INSERT INTO counts(kind, benchmark, n) VALUES (?, ?, ?)"
                " ON CONFLICT(kind, benchmark) DO UPDATE SET n = n + excluded.n",
                (*count_key, delta),
            )
    # as a fresh build: no row for what nothing counts any more (totals stay, at 0)
    conn.execute("DELETE FROM counts WHERE n = 0 AND benchmark != ''")
    if conn.execute("SELECT 1 FROM counts WHERE n < 0 LIMIT 1").fetchone():
        raise _Doubt
    conn.execute("DELETE FROM file_counts WHERE slot = ?", (edit.slot,))
    conn.executemany(
        "INSERT INTO file_counts(slot, kind, benchmark, n) VALUES (?, ?, ?, ?)",
        [(edit.slot, kind, bench, n) for (kind, bench), n in new.items()],
    )
