"""The search index's pages, one checksum each: what an answer of "nothing" verifies.

FTS5 keeps its index in two tables (SQLite's fts5_index.c). ``search_data``
holds blocks by id: the averages (1), the structure (10), each leaf page of a
segment (``FTS5_SEGMENT_ROWID``: segid << 37 | page) and the doclist-index pages
of a long doclist (``FTS5_DLIDX_ROWID``: the same with bit 36 set and the
height at bit 31, keyed by a leaf of the term's doclist). ``search_idx`` has one
row per leaf on which a term starts: (segid, term, page << 1 | has a doclist
index), its term the shortest prefix of the leaf's first term that is above the
last term of the leaf before (``fts5WriteFlushBtree``); keys are the main
index's prefix "0" and the token's UTF-8 bytes. An incremental merge deletes a
segment's leaves below its new first leaf and keeps their search_idx rows: a
seek that lands below the first leaf reads the first leaf (``fts5SegIterSeekInit``).

So the terms from ``low`` to ``high`` (a token, the tokens a prefix starts, a
range of the vocabulary) start, in a segment, on the leaves from the one whose
search_idx term is the largest at or below ``low`` to the one before the leaf of
the first search_idx term at or above ``high`` (the last doclist may run onto
that leaf), kept within the segment's leaves. FTS5 reads no other leaf for
them: checking these leaves (and the doclist-index pages keyed by them), and
the search_idx rows it seeks them by, is checking every page that could hide
them. search_sums holds a checksum of each block by its id, and of each leaf's
search_idx rows by the leaf's id negated.
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence

from aigap.store.index import TOKENIZE

SEGMENT_SHIFT = 37  # FTS5_DATA_PAGE_B + FTS5_DATA_HEIGHT_B + FTS5_DATA_DLI_B
DLIDX = 1 << 36  # the doclist-index flag
HEIGHTS = 31 << 31  # every doclist-index height (FTS5_DATA_HEIGHT_B bits)
PAGE_MASK = (1 << 31) - 1  # FTS5_DATA_PAGE_B
MAIN = b"0"  # the main index's key prefix (prefix indexes use "1", "2"...)
LONGEST_SPAN = 1 << 22  # leaves (16 GB of index): a span past it is a damaged term table

# A search_idx row's (term, pgno), as SQLite gives them (a damaged one: any type)
Row = tuple[object, object]
# A range of index keys: from the first (included) to the second (excluded)
KeyRange = tuple[bytes, bytes]
# The search_idx rows of a segment around a range: the last at or below its low
# key, those inside it, the first at or above its high key
Bounds = tuple[Row | None, list[Row], Row | None]


def block_crc(block_id: int, block: object) -> int:
    """A block's checksum, over its id and its bytes."""
    data = block if isinstance(block, bytes) else repr(block).encode()  # damage: any type
    return zlib.crc32(data, zlib.crc32(str(block_id).encode()))


def rows_crc(rows: Iterable[Row]) -> int:
    """The checksum of the search_idx rows that point at one leaf, in term order."""
    return zlib.crc32(repr(sorted(rows, key=_term_of)).encode())


def page_sums(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Every checksum search_sums holds, by id: each block's (``block_crc``) and,
    under its leaf's id negated, each leaf's search_idx rows' (``rows_crc``)."""
    rows: dict[int, list[Row]] = {}
    for segid, term, pgno in conn.execute("SELECT segid, term, pgno FROM search_idx"):
        rows.setdefault((segid << SEGMENT_SHIFT) + (pgno >> 1), []).append((term, pgno))
    sums = [(-leaf, rows_crc(found)) for leaf, found in rows.items()]
    sums += [
        (i, block_crc(i, block)) for i, block in conn.execute("SELECT id, block FROM search_data")
    ]
    return sorted(sums)


def write_page_sums(conn: sqlite3.Connection) -> None:
    """Replace the search_sums rows by the index's pages as they are now."""
    sums = page_sums(conn)
    conn.execute("DELETE FROM search_sums")
    conn.executemany("INSERT INTO search_sums(id, crc) VALUES (?, ?)", sums)


def token_key(token: str) -> bytes:
    return MAIN + token.encode("utf-8", "surrogatepass")


def after_prefix(key: bytes) -> bytes:
    """The first key that does not start with ``key`` (b"0ab" -> b"0ac")."""
    stripped = key.rstrip(b"\xff")
    return stripped[:-1] + bytes([stripped[-1] + 1]) if stripped else MAIN + b"\xff" * 8


# An FTS5 string ("..." with "" for a quote) or bareword, and whether a * follows it
_PIECE = re.compile(r'"((?:[^"]|"")*)"\s*(\*?)|([^\s"()*:^+{},]+)\s*(\*?)')
_OPERATORS = frozenset(("AND", "OR", "NOT", "NEAR"))


def expression_pieces(expression: str) -> list[tuple[str, bool]] | None:
    """The strings and barewords of an FTS5 expression, each with whether it is a
    prefix (followed by *); None when the expression has an unclosed string."""
    if expression.count('"') % 2:
        return None
    pieces: list[tuple[str, bool]] = []
    for m in _PIECE.finditer(expression):
        quoted, quoted_star, bare, bare_star = m.groups()
        if quoted is not None:
            pieces.append((quoted.replace('""', '"'), bool(quoted_star)))
        elif bare not in _OPERATORS:
            pieces.append((bare, bool(bare_star)))
    return pieces


class Tokenizer:
    """Texts cut into tokens by the index's own tokenizer (a throwaway FTS5 table)."""

    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = None

    def tokens(self, texts: Sequence[str]) -> list[list[str]]:
        """Each text's tokens, in order, as the index would store them."""
        if self._conn is None:
            self._conn = sqlite3.connect(":memory:")
            self._conn.execute(
                f"CREATE VIRTUAL TABLE t USING fts5(w, content='', tokenize='{TOKENIZE}')"
            )
            self._conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        conn = self._conn
        conn.execute("INSERT INTO t(t) VALUES ('delete-all')")
        conn.executemany("INSERT INTO t(rowid, w) VALUES (?, ?)", enumerate(texts, 1))
        found: list[list[str]] = [[] for _ in texts]
        for doc, term in conn.execute("SELECT doc, term FROM v ORDER BY doc, offset"):
            found[int(doc) - 1].append(str(term))
        return found

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def expression_ranges(expression: str, tokenizer: Tokenizer) -> list[KeyRange] | None:
    """The key ranges an FTS5 expression's terms can be in: a token's own key, the
    keys a prefix starts (the last token of a string followed by *). None when the
    expression cannot be read (then every page is checked)."""
    pieces = expression_pieces(expression)
    if pieces is None:
        return None
    ranges: list[KeyRange] = []
    for (_, prefix), tokens in zip(
        pieces, tokenizer.tokens([text for text, _ in pieces]), strict=True
    ):
        for n, token in enumerate(tokens):
            key = token_key(token)
            last = prefix and n == len(tokens) - 1
            ranges.append((key, after_prefix(key) if last else key + b"\x00"))
    return ranges


# a segment's first or last leaf in a table (a seek, where min() and max() together scan)
_EDGE = "SELECT id FROM {} WHERE id BETWEEN ? AND ? ORDER BY id {} LIMIT 1"


class Pages:
    """Checks search index pages against the checksums written with them, each page
    once per store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._segments: dict[int, tuple[int, int]] | None = None  # segid -> first, last leaf
        self.checked: set[int] = set()  # ids of blocks checked (leaves' rows: negated)
        self._whole = False
        self.tokenizer = Tokenizer()

    def close(self) -> None:
        self.tokenizer.close()

    def whole(self) -> bool:
        """Every page is as written (the sums table too: a row more or less fails)."""
        if not self._whole:
            written = self.conn.execute("SELECT id, crc FROM search_sums ORDER BY id").fetchall()
            self._whole = written == page_sums(self.conn)
        return self._whole

    def expression_sound(self, expression: str) -> bool:
        """The pages that can hold the terms of an FTS5 expression are as written."""
        if self._whole:
            return True
        ranges = expression_ranges(expression, self.tokenizer)
        return self.whole() if ranges is None else self.ranges_sound(ranges)

    def ranges_sound(self, ranges: Iterable[KeyRange]) -> bool:
        """The pages that can hold the keys of these ranges are as written."""
        if self._whole:
            return True
        ranges = list(ranges)
        segments = self.segments()
        if segments is None:
            return False
        for segid, (first, last) in segments.items():
            base = segid << SEGMENT_SHIFT
            seen: dict[int, set[Row]] = {}  # leaf -> the search_idx rows read pointing at it
            spans: list[tuple[int, int]] = []
            for bounds in self._bounds(segid, ranges):
                span = _span(bounds, first, last, seen)
                if span is None:
                    return False
                spans.append(span)
            # the rows over the spans as sought; the leaves within the segment's
            spans = _merged(spans)
            leaves = _merged(
                [(min(max(p, first), last), min(max(q, first), last)) for p, q in spans]
            )
            if not all(self._rows_sound(base, p, q, seen) for p, q in spans):
                return False
            if not all(self._leaves_sound(base, p, q) for p, q in leaves):
                return False
        return True

    def segments(self) -> dict[int, tuple[int, int]] | None:
        """The index's segments (search_idx's segids: its row count is in the shape),
        each with its first and last leaf (the same in search_data and search_sums);
        None when the two tables disagree."""
        if self._segments is None:
            found: dict[int, tuple[int, int]] = {}
            for (segid,) in self.conn.execute("SELECT DISTINCT segid FROM search_idx"):
                if type(segid) is not int:
                    return None
                base = segid << SEGMENT_SHIFT
                edges = {self._edges(table, base) for table in ("search_data", "search_sums")}
                if len(edges) != 1:
                    return None
                low, high = edges.pop()
                found[segid] = (1, 0) if low is None or high is None else (low - base, high - base)
            self._segments = found
        return self._segments

    def _edges(self, table: str, base: int) -> tuple[int | None, int | None]:
        """The first and last leaf id of the segment at ``base`` in a table."""
        ends = [
            self.conn.execute(_EDGE.format(table, order), (base, base | PAGE_MASK)).fetchone()
            for order in ("", "DESC")
        ]
        return ends[0] and ends[0][0], ends[1] and ends[1][0]

    def _bounds(self, segid: int, ranges: Sequence[KeyRange]) -> Iterator[Bounds]:
        """Per range, the search_idx rows (term, pgno) of the segment that bound it:
        the largest term at or below its low key, those inside it (the leaves on
        which its terms start), the first at or above its high key."""
        select = (
            "SELECT * FROM (SELECT ?, 0, term, pgno FROM search_idx WHERE segid = ?"
            " AND term <= ? ORDER BY term DESC LIMIT 1) UNION ALL"
            " SELECT ?, 1, term, pgno FROM search_idx WHERE segid = ? AND term > ? AND term < ?"
            " UNION ALL SELECT * FROM (SELECT ?, 2, term, pgno FROM search_idx WHERE segid = ?"
            " AND term >= ? ORDER BY term LIMIT 1)"
        )
        for at in range(0, len(ranges), 100):  # under SQLite's limit of compound selects
            chunk = ranges[at : at + 100]
            sql = " UNION ALL ".join([select] * len(chunk))
            args: list[object] = []
            for n, (low, high) in enumerate(chunk):
                args += [n, segid, low, n, segid, low, high, n, segid, high]
            found: list[Bounds] = [(None, [], None) for _ in chunk]
            for n, side, term, pgno in self.conn.execute(sql, args):
                low_row, inside, high_row = found[n]
                if side == 0:
                    found[n] = ((term, pgno), inside, high_row)
                elif side == 1:
                    inside.append((term, pgno))
                else:
                    found[n] = (low_row, inside, (term, pgno))
            yield from found

    def _rows_sound(self, base: int, low: int, high: int, seen: dict[int, set[Row]]) -> bool:
        """The search_idx rows read for the leaves ``low`` to ``high`` of a segment are
        those written: none lost, none added, none changed."""
        span = range(low, high + 1)
        if all(-(base + p) in self.checked for p in span):
            return True
        written = dict(
            self.conn.execute(
                "SELECT -id - ?, crc FROM search_sums WHERE id BETWEEN ? AND ?",
                (base, -(base + high), -(base + low)),
            )
        )
        read = {p: rows for p, rows in seen.items() if low <= p <= high}
        if set(written) != set(read) or any(written[p] != rows_crc(read[p]) for p in read):
            return False
        self.checked.update(-(base + p) for p in span)
        return True

    def _leaves_sound(self, base: int, low: int, high: int) -> bool:
        """The leaves ``low`` to ``high`` of a segment (and the doclist-index pages
        keyed by them) are there, each in search_data and search_sums, with the
        checksum written."""
        if all(base + p in self.checked for p in range(low, high + 1)):
            return True
        leaves = (base + low, base + high)
        blocks = self.conn.execute(
            "SELECT id, block FROM search_data WHERE id BETWEEN ? AND ?", leaves
        ).fetchall()
        sums = dict(
            self.conn.execute("SELECT id, crc FROM search_sums WHERE id BETWEEN ? AND ?", leaves)
        )
        # the doclist-index pages keyed by these leaves, at any height
        index_pages = (base | DLIDX, base | DLIDX | HEIGHTS | PAGE_MASK, PAGE_MASK, low, high)
        where = "id BETWEEN ? AND ? AND (id & ?) BETWEEN ? AND ?"
        blocks += self.conn.execute(
            f"SELECT id, block FROM search_data WHERE {where}", index_pages
        ).fetchall()
        sums.update(
            self.conn.execute(f"SELECT id, crc FROM search_sums WHERE {where}", index_pages)
        )
        ids = {block_id for block_id, _ in blocks}
        if ids != set(sums) or sum(1 for i in ids if i < base | DLIDX) != high - low + 1:
            return False  # a page lost from either table, or one too many
        if any(sums[block_id] != block_crc(block_id, block) for block_id, block in blocks):
            return False
        self.checked.update(ids)
        return True


def _span(
    bounds: Bounds, first: int, last: int, seen: dict[int, set[Row]]
) -> tuple[int, int] | None:
    """The leaves a range's bounding rows span in a segment (from its first leaf when
    no row is at or below the range, to its last when none is above it), each row
    read noted in ``seen``; None when a row is not a term table's row."""
    low_row, inside, high_row = bounds
    pages: list[int] = []
    if low_row is None:
        pages.append(first)
    if high_row is None:
        pages.append(last)
    for row in (low_row, *inside, high_row):
        if row is None:
            continue
        term, pgno = row
        if type(pgno) is not int or type(term) is not bytes:
            return None
        pages.append(pgno >> 1)
        seen.setdefault(pgno >> 1, set()).add(row)
    low, high = min(pages), max(pages)
    return None if high - low > LONGEST_SPAN or low < 0 else (low, high)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of leaves (first, last) joined where they overlap or touch."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _term_of(row: Row) -> bytes:
    term = row[0]
    return term if isinstance(term, bytes) else b""
