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
place (after an edit of a few of several fact files, only their facts are
replaced in place, in one transaction: store/update.py); a stale, corrupt or
unwritable cache is rebuilt or bypassed (an
in-memory database), never trusted. Only a regular file in a directory the
user owns and others cannot write is read or written.

What is checked on every read: the key (so an edited fact file is re-read);
each row's checksum over its place, id, kind and JSON; that the JSON decodes
as its kind's record type (msgspec checks every field's type, in C), is the
type the reader promises and is the record asked for; the number of rows per
kind (and per benchmark) written with the cache; that a name resolves to a
benchmark that has it; the rows of every side table an answer is read from
(an entity's facts, a speaker's quotes, the names of entities) against
counts written with them; the search index's row count and shape (its
structure and term table) once per store, and the checksums of the pages that
could hold a query's words before it answers "nothing" (and of the pages the
vocabulary that typos are corrected against is read from); and, on open, a
digest of the schema (a table swapped for a view, a trigger added) written in
the same transaction. Any failure raises CacheError and ``with_store`` rebuilds from the YAML. The
checks catch damage, not a deliberate forger: whoever can write the user's
private cache directory can also edit the fact file or aigap itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, Unpack, overload

import msgspec

from aigap import kinds
from aigap.core.model import NOT_FACTS, Benchmark, Entity, Fact, Source
from aigap.core.rows import Rows
from aigap.core.text import normalize_name
from aigap.kinds.base import no_figures
from aigap.store.index import COLUMN_WEIGHTS
from aigap.store.pages import Pages, token_key
from aigap.store.schema import (
    BY_SOURCE,
    SEARCH_ROWS,
    SEARCH_SHAPE,
    UNDATED,
    row_crc,
    search_shape,
)

if TYPE_CHECKING:
    from aigap.core.model import Benchmark, Entity, Fact, Source, Stored
    from aigap.kinds.base import Kind


R = TypeVar("R", bound="Stored")  # the record type a reader promises
F = TypeVar("F", bound="Fact")


_SELECT = "SELECT ord, id, kind, data, crc FROM records JOIN blobs USING (ord)"
# Sort orders a listing asks for; the columns are filled by _columns when the cache is written.
_ORDERS = {
    "file": "ord",
    "date": "datekey, ord",
    "ranked": "datekey, sub, num, ord",  # by day, then the kind's rank (Kind.index)
}
_FACTS_ONLY = f"kind NOT IN {tuple(NOT_FACTS)!r}"  # every section but the NOT_FACTS
# the facts carrying one of some tags ({}: their placeholders), for listings and timelines
_TAGGED = " AND ord IN (SELECT ord FROM tags WHERE tag IN ({}))"


class Ranked(msgspec.Struct, frozen=True):
    """A search hit: the record and its BM25 score (higher is better)."""

    record: Stored
    score: float


class Placed(msgspec.Struct, frozen=True):
    """A timeline entry: its fact, its position in the fact's story, its sort key (a day)."""

    fact: Fact
    pos: int
    sortkey: str


class CacheError(Exception):
    """The cache could not be trusted; the caller rebuilds it."""


class Filters(TypedDict, total=False):
    """What a listing asks of ``Store.select``, ``iter_select`` and ``count``.

    ``order``: a key of _ORDERS ("file", "date", "ranked"); ``limit``: the first
    rows only; ``since``/``until``: YYYY-MM-DD bounds (a partial date matches a
    range it overlaps); ``who``: part of a speaker's name; ``speakers``:
    normalized names (aigap.core.text.normalize_name), one of which is the speaker's;
    ``tags``: case-folded tags, one of which the fact carries.
    """

    order: str
    limit: int | None
    since: str | None
    until: str | None
    who: str | None
    speakers: Sequence[str] | None
    tags: Sequence[str] | None


class Store:
    """Read access to validated records; every row is rebuilt by the validator."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._search_whole = False  # the search index's row count and shape were checked
        self._pages = Pages(conn)  # ... and the pages that could hold what it did not find

    # A row's values are what SQLite holds (text, integers, reals, NULL): Any, as
    # sqlite3 gives them; every record built from them is checked by _build.

    def close(self) -> None:
        """End the command's read transaction: an edit in place may now go ahead."""
        self._pages.close()
        self.conn.close()

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
        if type(ord_) is not int or row_crc(ord_, record_id, kind, data) != crc:
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

    def one_per_speaker(self, kind: Kind[F]) -> list[F]:
        """The first fact of each speaker of the speakers index, in file order: every
        speaker's names at the cost of one record each (a did-you-mean for --who
        reads a few hundred records at 100,000 facts, not every quote)."""
        first = "SELECT min(ord) FROM speakers GROUP BY norm"
        rows = self._rows(
            f"{_SELECT} WHERE kind = ? AND ord IN ({first}) ORDER BY ord", (kind.section,)
        )
        return [self._build(row, kind.record) for row in rows]

    def sources(self, limit: int | None = None) -> list[Source]:
        """The sources in file order (the first ``limit``)."""

        if limit is None:
            return self._all("sources", Source)
        return list(self._iter_select("sources", Source, limit=limit))

    def benchmarks(self) -> list[Benchmark]:

        return self._all("benchmarks", Benchmark)

    def entities(self) -> list[Entity]:

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

        found = self._one(source_id, Source)
        if found is None:
            raise CacheError(f"source {source_id!r} missing from cache")
        return found

    def sources_by_id(self, source_ids: Iterable[str]) -> dict[str, Source]:
        """These sources, read in one query (a listing's 50 rows cite up to 50)."""

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
        rows = self._rows("SELECT benchmark, n FROM counts WHERE kind = ?", (BY_SOURCE,))
        return {source: count for source, count in rows}

    def _search_index_whole(self) -> None:
        """The search index lost no row and kept its shape (once per store): its row
        count (a B-tree count of its docsize table) and ``search_shape`` (its structure
        and term table: an index emptied or cut under intact docsize rows) were
        written with it."""
        if not self._search_whole:
            self._expect(self._rows("SELECT count(*) FROM search_docsize")[0][0], SEARCH_ROWS)
            self._expect(self._checked(search_shape), SEARCH_SHAPE)
            self._search_whole = True

    def _search_absent(self, match: str) -> None:
        """The pages that could hold the terms of an FTS5 query that found nothing are
        as written (``store/pages.py``: per segment, the leaves from the one where
        each term would start to the one its doclist ends on, a few pages, not the
        whole index). A zeroed, swapped or flipped page keeps every count and the
        shape; FTS5 then finds nothing where it should, and "nothing matches" would
        be a wrong answer. Each page is checked once per store."""
        self._pages_sound(lambda: self._pages.expression_sound(match))

    def _vocabulary_sound(self, ranges: Sequence[tuple[str, str]]) -> None:
        """The pages that hold the index's terms in these ranges are as written: the
        words a typo is corrected against are all there."""
        keys = [(token_key(low), token_key(high)) for low, high in ranges]
        self._pages_sound(lambda: self._pages.ranges_sound(keys))

    def _pages_sound(self, check: Callable[[], bool]) -> None:
        try:
            sound = check()
        except sqlite3.Error as exc:
            raise CacheError(str(exc)) from exc
        if not sound:
            raise CacheError("cached search index fails its page checksums")

    def _checked(self, checksum: Callable[[sqlite3.Connection], int]) -> int:
        try:
            return checksum(self.conn)
        except sqlite3.Error as exc:
            raise CacheError(str(exc)) from exc

    def search(self, match: str, limit: int | None) -> Rows[Ranked]:
        """The best ``limit`` records (all when None) for an FTS5 query, with scores; the count.

        Ranking and cutting happen in SQLite: only the rows returned are built.
        """
        self._search_index_whole()

        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        rows = self._rows(
            f"SELECT r.ord, r.id, r.kind, b.data, b.crc, -s.rank FROM ("
            f"  SELECT rowid, bm25(search, {weights}) AS rank FROM search"
            f"  WHERE search MATCH ? ORDER BY rank, rowid LIMIT ?"
            # LEFT: a hit whose record is gone reads as NULLs, which _stored refuses
            f") AS s LEFT JOIN records AS r ON r.ord = s.rowid"
            " LEFT JOIN blobs AS b ON b.ord = s.rowid"
            " ORDER BY s.rank, s.rowid",
            (match, -1 if limit is None else limit),
        )
        if limit is None or len(rows) < limit:
            total = len(rows)
        else:
            total = self._rows("SELECT count(*) FROM search WHERE search MATCH ?", (match,))[0][0]
        if not total:
            self._search_absent(match)
        return Rows([Ranked(self._stored(row[:5]), float(row[5])) for row in rows], total)

    def search_count(self, match: str, cap: int) -> int:
        """How many records an FTS5 query matches, counted up to ``cap``."""
        self._search_index_whole()
        rows = self._rows(
            "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)",
            (match, cap),
        )
        if not rows[0][0]:
            self._search_absent(match)
        return int(rows[0][0])

    def term_docs(self, token: str, prefix: bool = False) -> int | None:
        """How many records hold ``token`` (as the index tokenized it), or any token it
        starts when ``prefix`` (summed: an estimate); None when the index has no such
        token (a stemmed or split word: ask ``search_count``)."""
        self._vocabulary()
        if prefix:
            upper = token[:-1] + chr(ord(token[-1]) + 1) if token else ""
            rows = self._rows(
                "SELECT sum(doc) FROM temp.search_vocab WHERE term >= ? AND term < ?",
                (token, upper),
            )
        else:
            rows = self._rows("SELECT doc FROM temp.search_vocab WHERE term = ?", (token,))
        # None: the caller counts with search_count, which checks the index before "none"
        return int(rows[0][0]) if rows and rows[0][0] is not None else None

    def _vocabulary(self) -> None:
        """The index's terms as a table (fts5vocab; temporary: the cache is read-only)."""
        self._search_index_whole()
        try:
            self.conn.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab"
                " USING fts5vocab(main, search, 'row')"
            )
        except sqlite3.Error as exc:
            raise CacheError(str(exc)) from exc

    def search_vocabulary(self, first: str) -> list[tuple[str, int]]:
        """The search index's terms that start with ``first`` (one character), with
        the number of records each is in: the words a typo is corrected against."""
        if not first or ord(first) >= 0x10FFFF:  # no character follows the last one
            return []
        return self.search_vocabulary_between([(first, chr(ord(first) + 1))])

    def search_vocabulary_between(self, ranges: Sequence[tuple[str, str]]) -> list[tuple[str, int]]:
        """The search index's terms from ``low`` (included) to ``high`` (excluded) for
        each (low, high) range, with the number of records each is in. Each range is
        one seek in the index's term B-tree, so many narrow ranges stay fast. The
        pages they are read from are checked first (``_vocabulary_sound``)."""
        if not ranges:
            return []
        self._vocabulary()
        self._vocabulary_sound(ranges)
        select = "SELECT term, doc FROM temp.search_vocab WHERE term >= ? AND term < ?"
        found: list[tuple[str, int]] = []
        for at in range(0, len(ranges), 100):  # under SQLite's limit of compound selects
            chunk = ranges[at : at + 100]
            sql = " UNION ALL ".join([select] * len(chunk))
            args = [bound for pair in chunk for bound in pair]
            found.extend((str(term), int(docs)) for term, docs in self._rows(sql, args))
        return found

    def record_count(self) -> int:
        """How many records (facts, sources, benchmarks, entities) the base holds."""
        rows = self._rows("SELECT n FROM counts WHERE kind = '*' AND benchmark = ''")
        return int(rows[0][0]) if rows else 0

    def figure_sections(self) -> list[str]:
        """The sections whose kind carries figures (gaps, scores, market, costs)."""
        return [k.section for k in kinds.KINDS if k.figures is not no_figures]

    def section_count(self, sections: Sequence[str]) -> int:
        """How many records these sections hold, as counted when the cache was written."""
        if not sections:
            return 0
        marks = ", ".join("?" * len(sections))
        rows = self._rows(
            f"SELECT sum(n) FROM counts WHERE benchmark = '' AND kind IN ({marks})",
            tuple(sections),
        )
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def facts_with_figures_about(self, entity: str, limit: int) -> list[Fact]:
        """The first ``limit`` facts about an entity (or benchmark) of a kind with figures,
        in date order: the key figures of its search card."""
        sections = self.figure_sections()
        marks = ", ".join("?" * len(sections))
        rows = self._rows(
            f"{_SELECT} WHERE ord IN (SELECT ord FROM about WHERE entity = ? AND kind IN"
            f" ({marks}) ORDER BY sortkey, ord LIMIT ?) ORDER BY datekey, ord",
            (entity, *sections, limit),
        )
        # the index lost no row of the entity (a lost one would drop a key figure silently)
        n = self._rows("SELECT count(*) FROM about WHERE entity = ?", (entity,))[0][0]
        self._expect(n, "about", entity)
        return [self._build(row, Fact) for row in rows][:limit]

    def _speakers_whole(self, speakers: Sequence[str] | None) -> None:
        """The speakers index lost no row of these names (counts written with it)."""
        for norm in dict.fromkeys(speakers or ()):
            n = self._rows("SELECT count(*) FROM speakers WHERE norm = ?", (norm,))[0][0]
            self._expect(n, "speaker", norm)

    def _tags_whole(self, tags: Sequence[str] | None) -> None:
        """The tags index lost no row of these tags (counts written with it), nor the
        records it points to any fact."""
        if tags is None:
            return
        n = self._rows(f"SELECT count(*) FROM records WHERE {_FACTS_ONLY}")[0][0]
        self._expect(n, "facts")
        for tag in dict.fromkeys(tags):
            n = self._rows("SELECT count(*) FROM tags WHERE tag = ?", (tag,))[0][0]
            self._expect(n, "tag", tag)

    def known_tags(self, sections: Sequence[str]) -> list[str]:
        """The tags the facts of these sections carry, case-folded, sorted."""
        marks = ", ".join("?" * len(sections))
        rows = self._rows(
            "SELECT DISTINCT tag FROM tags WHERE ord IN"
            f" (SELECT ord FROM records WHERE kind IN ({marks})) ORDER BY tag",
            sections,
        )
        n = self._rows(f"SELECT count(*) FROM records WHERE {_FACTS_ONLY}")[0][0]
        self._expect(n, "facts")
        # the index lost no row of any tag (counts written with it), in one pass: a
        # tag with every row lost would look unknown
        held = self._rows("SELECT tag, count(*) FROM tags GROUP BY tag")
        written = self._rows("SELECT benchmark, n FROM counts WHERE kind = 'tag'")
        if dict(held) != dict(written):
            raise CacheError("cached tags are incomplete")
        return [str(r[0]) for r in rows]

    @staticmethod
    def _where(
        kind: str | None,
        since: str | None,
        until: str | None,
        who: str | None,
        speakers: Sequence[str] | None,
        tags: Sequence[str] | None = None,
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
        if tags is not None:  # case-folded, each matching a whole tag
            sql += _TAGGED.format(", ".join("?" * len(tags)))
            args += list(tags)
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
        tags: Sequence[str] | None = None,
    ) -> Iterator[R]:
        self._speakers_whole(speakers)
        self._tags_whole(tags)
        where, args = self._where(kind, since, until, who, speakers, tags)
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
        whole = (
            limit is None
            and since is None
            and until is None
            and not who
            and speakers is None
            and tags is None
        )
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
            filters.get("tags"),
        )
        rows = self._rows(f"SELECT count(*) FROM records WHERE {where}", args)
        return int(rows[0][0]) if rows else 0

    def all_facts(self) -> list[Fact]:

        rows = self._rows(f"{_SELECT} WHERE {_FACTS_ONLY} ORDER BY ord")
        self._expect(len(rows), "facts")
        return [self._build(row, Fact) for row in rows]

    def facts_about(
        self, entity_ids: Iterable[str], *, sections: Sequence[str] | None = None
    ) -> list[Fact]:
        """The facts whose ``about`` names any of these entities, in file order;
        with ``sections``, only facts of those kinds ("gaps", "quotes", ...)."""

        wanted = list(dict.fromkeys(entity_ids))
        marks = ", ".join("?" * len(wanted))
        args: list[str] = list(wanted)
        where = f"entity IN ({marks})"
        if sections is not None:
            where += f" AND kind IN ({', '.join('?' * len(sections))})"
            args += list(sections)
        rows = self._rows(
            f"{_SELECT} WHERE ord IN (SELECT ord FROM about WHERE {where}) ORDER BY ord", args
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
    ) -> Rows[Fact]:
        """An entity page's facts, dated first in date order, the first ``limit``; how many.

        The facts about the entity, its people's quotes, and for a benchmark its
        gaps and scores; sorted and cut in SQL, so only the facts shown are built.
        """

        # Each part comes sorted from an index and cut to ``limit``; their union
        # is at most three times that, sorted and cut again: an entity with
        # 11,000 facts reads about 50 index entries per part, not 11,000 rows.
        marks = ", ".join("?" * len(people))
        said = [k.section for k in kinds.KINDS if k.said]  # a person's words: their groups' too
        measured = [k.section for k in kinds.KINDS if "benchmark" in k.record.__struct_fields__]
        parts = [("sortkey", "about WHERE entity = ?")]  # (sort key, rows)
        args: list[str | int] = [entity]
        if people and said:
            parts.append(
                (
                    "sortkey",
                    f"about WHERE entity IN ({marks}) AND kind IN ({_marks(said)})",
                )
            )
            args += [*people, *said]
        if benchmark and measured:
            parts.append(
                (
                    f"coalesce(datekey, '{UNDATED}')",
                    f"records WHERE kind IN ({_marks(measured)}) AND benchmark = ?",
                )
            )
            args += [*measured, entity]
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
        for who in (entity, *people):  # the index lost no row: its counts were written with it
            n = self._rows("SELECT count(*) FROM about WHERE entity = ?", (who,))[0][0]
            self._expect(n, "about", who)
        everything = " UNION ".join(f"SELECT ord FROM {rows}" for _, rows in parts)
        total = self._rows(f"SELECT count(*) FROM ({everything})", args)[0][0]
        built = [self._build(row, Fact) for row in found]
        for fact in built:
            named = entity in fact.about or getattr(fact, "benchmark", None) == entity
            if not named and not (kinds.of(fact).said and set(people) & set(fact.about)):
                raise CacheError("cached fact filed under the wrong entity")
        return Rows(built, total)

    def timeline(
        self,
        sections: Sequence[str],
        since: str | None,
        until: str | None,
        limit: int,
        tags: Sequence[str] | None = None,
    ) -> Rows[Placed]:
        """The first ``limit`` timeline entries of these kinds in the range (of facts
        carrying one of ``tags``, case-folded, when given); how many there are.

        Each ``Placed`` (its fact, its place in the fact's story, its sort key), in
        the timeline's order: date, then the order of ``sections``, file order, position. Only their
        facts are built. Every kind must be ``entries_from_data``.
        """

        marks = ", ".join("?" * len(sections))
        where, args = f"kind IN ({marks})", list(sections)
        # An entry's date lies in one year, and its sort key is at most its first
        # day: bounds on sortkey that let the ordered index skip what cannot match.
        if since is not None:
            where += " AND hi >= ? AND sortkey >= ?"
            args += [since, f"{since[:4]}-00-00"]
        if until is not None:
            where += " AND lo <= ? AND sortkey <= ?"
            args += [until, f"{until[:4]}-13-99"]  # the end of a year is month 13
        self._tags_whole(tags)
        if tags is not None:
            where += _TAGGED.format(", ".join("?" * len(tags)))
            args += list(tags)
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
        # the index lost no row (a range read too: a lost row would drop its entry silently)
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
        return Rows([Placed(built[o], pos, key) for o, pos, key in rows], total)

    def name_keys(self) -> dict[str, list[str]]:
        """Every entity's and benchmark's names as ``normalize_name`` keys -> their ids."""
        keys: dict[str, list[str]] = {}
        rows = self._rows("SELECT norm, entity FROM entity_names ORDER BY rowid")
        self._expect(len(rows), "entity_names")
        for norm, entity in rows:
            keys.setdefault(norm, []).append(entity)
        return keys

    def entity_named(self, norm: str) -> Benchmark | Entity | None:
        """The entity or benchmark one of whose names normalizes to ``norm``, or None."""

        rows = self._rows("SELECT entity FROM entity_names WHERE norm = ?", (norm,))
        self._expect(len(rows), "entity_name", norm)
        if not rows:
            return None
        found = self.record(rows[0][0])
        if not isinstance(found, Benchmark | Entity) or norm not in _names(found):
            raise CacheError(f"cached name {norm!r} points to the wrong entity")
        return found


def _marks(values: Sequence[object]) -> str:
    """SQL placeholders for these values: "?, ?, ?"."""
    return ", ".join("?" * len(values))


def _names(named: Benchmark | Entity) -> set[str]:
    """The normalized names a benchmark or entity is found by."""
    return {normalize_name(n) for n in (named.id, *named.aliases, *named.name.all())}


def _fact_type(section: str | None) -> type[Fact]:
    """What the rows of a fact section (None: of every fact) decode to: a ``Fact``."""

    if section in NOT_FACTS:  # a bug: these have their own readers (Store.sources, ...)
        raise ValueError(f"{section} are not facts")
    return Fact


def _record_type(section: str) -> type[Fact | Source | Benchmark | Entity]:

    if section in NOT_FACTS:
        return NOT_FACTS[section]
    record: type[Fact] = kinds.by_section(section).record
    return record


def _kinds_order() -> tuple[str, ...]:

    return kinds.sections()
