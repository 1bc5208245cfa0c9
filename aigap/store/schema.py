"""The cache's tables, format version and row checksum: what its writer and readers share."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Mapping

from aigap import kinds
from aigap.kinds import base

CACHE_FORMAT = "26"


# A record as the fact file gives it, after validation (the cache's columns come from it)
Raw = Mapping[str, object]


TABLES = """
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
-- a fact's tags, case-folded: `timeline --tag` picks its facts, and knows the
-- tags there are, without reading every fact
CREATE TABLE tags(tag TEXT NOT NULL, ord INTEGER NOT NULL);
CREATE TABLE entity_names(norm TEXT NOT NULL, entity TEXT NOT NULL);
CREATE TABLE entries(
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    pos INTEGER NOT NULL,
    sortkey TEXT NOT NULL,
    lo TEXT NOT NULL,
    hi TEXT NOT NULL
);
-- One row per fact file, in --facts order (its slot: see ord_of): its key (path,
-- size, times, inode), a digest of its bytes and one of its benchmarks and
-- entities as written. An edit of one file replaces that file's sources and
-- facts alone (store/update.py); these say which file changed and whether only
-- those did.
CREATE TABLE files(
    slot INTEGER PRIMARY KEY, key TEXT NOT NULL, sha256 TEXT NOT NULL, frozen TEXT NOT NULL
);
-- what each file's sources and facts add to counts, so an edit takes its old share out
CREATE TABLE file_counts(
    slot INTEGER NOT NULL, kind TEXT NOT NULL, benchmark TEXT NOT NULL, n INTEGER NOT NULL
);
-- the names the search index adds beside an id (a benchmark's, an entity's), as
-- the full build's Indexer had them: an edit indexes its facts with the same
CREATE TABLE search_names(id TEXT PRIMARY KEY, names TEXT NOT NULL);
-- the search index's text (its external content: see SEARCH_SCHEMA)
CREATE TABLE search_text(ord INTEGER PRIMARY KEY, names TEXT, body TEXT, passage TEXT);
-- a checksum of each page of the search index, by its id in search_data (see
-- store/pages.py): an answer of "nothing" checks the pages that could hold it
CREATE TABLE search_sums(id INTEGER PRIMARY KEY, crc INTEGER NOT NULL);
"""


# The search index: one row per record (rowid = the record's ord), its text in
# three columns weighted by bm25() (see store/index.py for what goes where and
# why this tokenizer). External content (search_text): FTS5 removes a row only
# given the text it was indexed with, and an edit of one fact file removes that
# file's rows (a contentless table cannot delete before SQLite 3.43). bm25 reads
# the index, not the content, so the scores are those of a fresh build.
SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE search USING fts5(
    names, body, passage, content='search_text', content_rowid='ord',
    tokenize='porter unicode61 remove_diacritics 2'
);
"""


# Indexes are built after the rows are in: one sort instead of 100,000 B-tree inserts.
INDEXES = """
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
CREATE INDEX tags_tag ON tags(tag, ord);
CREATE INDEX entity_names_norm ON entity_names(norm);
-- the order, and the columns a date range tests: a range and its count read the index alone
CREATE INDEX entries_order ON entries(sortkey, ord, pos, hi, lo, kind);
CREATE INDEX entries_span ON entries(hi, lo);
CREATE INDEX about_ord ON about(ord);
CREATE INDEX speakers_ord ON speakers(ord);
CREATE INDEX tags_ord ON tags(ord);
CREATE INDEX entries_ord ON entries(ord);
CREATE INDEX file_counts_slot ON file_counts(slot);
"""


# A record's ord: its section's rank (sources, benchmarks, entities, then the
# kinds in registry order), its file's slot, its place in that file's section.
# Every query orders by ord only relatively, so these sparse ords give the
# order of a dense count (section by section, files in --facts order), and
# each file's rows of a section are one range an edit can replace.
SLOT_SHIFT = 32  # up to 2**32 records of a section in one file
SECTION_SHIFT = 52  # up to 2**20 files
MAX_SLOTS = 1 << (SECTION_SHIFT - SLOT_SHIFT)


def ord_of(rank: int, slot: int, position: int) -> int:
    """The ord of the ``position``-th (from 1) record of section ``rank`` in file ``slot``."""
    return (rank << SECTION_SHIFT) | (slot << SLOT_SHIFT) | position


def slot_range(rank: int, slot: int) -> tuple[int, int]:
    """The lowest and highest ord the records of section ``rank`` in file ``slot`` can take."""
    return ord_of(rank, slot, 0), ord_of(rank, slot, (1 << SLOT_SHIFT) - 1)


def schema_digest(conn: sqlite3.Connection) -> str:
    """A digest of the cache's tables, views, indexes and triggers as SQLite lists them.

    Written with the rows and compared on every open: a table replaced by a view
    (its rows gone, its columns intact), a trigger or a dropped index is caught.
    """
    rows = conn.execute(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    return hashlib.sha256(repr(rows).encode("utf-8", "surrogatepass")).hexdigest()


def row_crc(ord_: int, record_id: str, kind: str, data: str) -> int:
    """A row's checksum, over its place, id, kind and JSON: a damaged or moved row is caught."""
    head = f"{ord_}\x00{record_id}\x00{kind}\x00"
    return zlib.crc32(data.encode("utf-8", "surrogatepass"), zlib.crc32(head.encode()))


UNDATED = "~"  # the sort key of an undated fact: after every date


BY_SOURCE = "facts-of-source"  # counts rows: (this, source id) -> how many facts
SEARCH_ROWS = "search-index"  # counts row: (this, "") -> rows in the search index
SEARCH_SHAPE = "search-shape"  # counts row: (this, "") -> search_shape() of the index


# The FTS5 index's own records in its data table: the averages (rows, tokens per
# column) and the structure (its segments and their leaf pages). An index emptied
# or rebuilt under the same docsize rows has another structure.
_FTS5_AVERAGES, _FTS5_STRUCTURE = 1, 10


def search_shape(conn: sqlite3.Connection) -> int:
    """A checksum of the search index's shape: its averages and structure records, its
    term -> leaf-page table (search_idx: one row per leaf), its docsize row count and
    config, and how many page checksums search_sums holds (one per page: emptied,
    it would have none to check). Reads a few pages (about 2 ms at 100,000 facts):
    checked once per store."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM search_docsize), (SELECT count(*) FROM search_sums),"
        " (SELECT count(*) || ',' || total(segid) || ',' || total(pgno)"
        "  || ',' || total(length(term)) FROM search_idx),"
        " (SELECT group_concat(k || '=' || v) FROM search_config),"
        " (SELECT block FROM search_data WHERE id = ?),"
        " (SELECT block FROM search_data WHERE id = ?)",
        (_FTS5_AVERAGES, _FTS5_STRUCTURE),
    ).fetchone()
    return zlib.crc32(repr(row).encode())


def entries_from_data(section: str) -> bool:
    """Whether the ``entries`` table holds this kind's timeline entries (see ``_entry_dates``).

    True for a kind that says how to read its entries' dates from its data
    (``Kind.raw_dates``) and for any kind with the default story and date;
    another kind is read in Python.
    """

    try:
        kind = kinds.by_section(section)
    except KeyError:
        return False
    return kind.raw_dates is not None or (kind.entries is None and kind.date is base.own_date)
