"""The search index's pages, one checksum each: what an answer of "nothing" verifies.

FTS5 keeps its index in two tables (SQLite's fts5_index.c). ``search_data``
holds blocks by id: the averages (1), the structure (10), each leaf page of a
segment (``FTS5_SEGMENT_ROWID``: segid << 37 | page) and the doclist-index pages
of a long doclist (``FTS5_DLIDX_ROWID``: the same with bit 36 set and the
height at bit 31, keyed by a leaf of the term's doclist). ``search_idx`` has one
row per leaf on which a term starts: (segid, term, page << 1 | has a doclist
index), its term the shortest prefix of the leaf's first term that is above the
last term of the leaf before (``fts5WriteFlushBtree``); keys are the main
index's prefix "0" and the token's UTF-8 bytes.

So the terms from ``low`` to ``high`` (a token, the tokens a prefix starts, a
range of the vocabulary) start, in a segment, on the leaves from the one whose
search_idx term is the largest at or below ``low`` to the one before the leaf of
the first search_idx term at or above ``high``; the last doclist may run onto
that leaf. FTS5 reads no other leaf for them: checking these leaves (and the
doclist-index pages keyed by them) is checking every page that could hide them.
Each leaf's checksum covers the search_idx rows that point at it, so a damaged
term table (which FTS5 seeks with, and these ranges are read from) is caught as
a damaged leaf is.
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

# The search_idx rows (term, pgno) that point at a leaf, in term order: part of its checksum
Attached = tuple[tuple[object, object], ...]
# A range of index keys: from the first (included) to the second (excluded)
KeyRange = tuple[bytes, bytes]
# The search_idx rows of a segment around a range: the last at or below its low
# key, those inside it, the first at or above its high key
Row = tuple[object, object]
Bounds = tuple[Row | None, list[Row], Row | None]

LONGEST_SPAN = 1 << 22  # leaves (16 GB of index): a span past it is a damaged term table


def page_crc(block_id: int, block: object, attached: Attached) -> int:
    """A block's checksum over its id, its bytes and the search_idx rows pointing at it."""
    data = block if isinstance(block, bytes) else repr(block).encode()  # damage: any type
    return zlib.crc32(data, zlib.crc32(repr((block_id, attached)).encode()))


def page_sums(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """(id, ``page_crc``) of every block of the search index, as written."""
    attached: dict[int, list[tuple[object, object]]] = {}
    for segid, term, pgno in conn.execute(
        "SELECT segid, term, pgno FROM search_idx ORDER BY segid, term"
    ):
        attached.setdefault((segid << SEGMENT_SHIFT) + (pgno >> 1), []).append((term, pgno))
    return [
        (block_id, page_crc(block_id, block, tuple(attached.get(block_id, ()))))
        for block_id, block in conn.execute("SELECT id, block FROM search_data ORDER BY id")
    ]


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


class Pages:
    """Checks search index pages against the checksums written with them, each page
    once per store (a page asked again under other search_idx rows is damage)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._segments: list[int] | None = None
        self._checked: dict[int, Attached] = {}
        self._whole = False
        self.tokenizer = Tokenizer()

    def close(self) -> None:
        self.tokenizer.close()

    def whole(self) -> bool:
        """Every page is as written (the sums table too: a row more or less fails)."""
        if not self._whole:
            sums = dict(self.conn.execute("SELECT id, crc FROM search_sums"))
            got = page_sums(self.conn)
            self._whole = len(got) == len(sums) and all(sums.get(i) == c for i, c in got)
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
        for segid in self.segments():
            spans: dict[int, Attached] = {}  # leaf -> the search_idx rows seen pointing at it
            wanted: set[int] = set()
            for rows in self._bounds(segid, ranges):
                bounds = self._leaf_span(segid, rows, spans)
                if bounds is None or bounds[1] - bounds[0] > LONGEST_SPAN:
                    return False
                wanted.update(range(bounds[0], bounds[1] + 1))
            if not self._leaves_sound(segid, wanted, spans):
                return False
        return True

    def segments(self) -> list[int]:
        """The index's segments (search_idx's segids: its row count is in the shape)."""
        if self._segments is None:
            self._segments = [
                int(s) for (s,) in self.conn.execute("SELECT DISTINCT segid FROM search_idx")
            ]
        return self._segments

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

    def _leaf_span(
        self, segid: int, bounds: Bounds, spans: dict[int, Attached]
    ) -> tuple[int, int] | None:
        """The first and last leaf of a range in a segment (the segment's first or
        last when no row bounds it there), every row read noted in ``spans`` (leaf
        -> rows); None when a row is not a term table's row."""
        low_row, inside, high_row = bounds
        pages: list[int] = []
        if low_row is None:
            pages.append(self._edge(segid, "min"))
        if high_row is None:
            pages.append(self._edge(segid, "max"))
        for row in (low_row, *inside, high_row):
            if row is None:
                continue
            term, pgno = row
            if type(pgno) is not int or type(term) is not bytes:
                return None
            pages.append(pgno >> 1)
            attached = spans.get(pgno >> 1, ())
            if row not in attached:
                spans[pgno >> 1] = tuple(sorted((*attached, row), key=_term_of))
        return min(pages), max(pages)

    def _edge(self, segid: int, end: str) -> int:
        """The segment's first or last leaf (of search_data and search_sums both)."""
        base = segid << SEGMENT_SHIFT
        pages = [
            self.conn.execute(
                f"SELECT {end}(id) FROM {table} WHERE id BETWEEN ? AND ?", (base, base | PAGE_MASK)
            ).fetchone()[0]
            for table in ("search_data", "search_sums")
        ]
        known = [p & PAGE_MASK for p in pages if p is not None]
        return (min if end == "min" else max)(known, default=1)

    def _leaves_sound(self, segid: int, wanted: set[int], spans: dict[int, Attached]) -> bool:
        """These leaves of a segment (and the doclist-index pages keyed by them) are
        there, each in search_data and search_sums, with the checksum written."""
        base = segid << SEGMENT_SHIFT
        todo = sorted(p for p in wanted if self._checked.get(base + p) != spans.get(p, ()))
        if any(base + p in self._checked for p in todo):
            return False  # a leaf checked before under other search_idx rows
        for low, high in _runs(todo):
            leaves = (base + low, base + high)
            blocks = self.conn.execute(
                "SELECT id, block FROM search_data WHERE id BETWEEN ? AND ?", leaves
            ).fetchall()
            sums = dict(
                self.conn.execute(
                    "SELECT id, crc FROM search_sums WHERE id BETWEEN ? AND ?", leaves
                )
            )
            index_pages = (base | DLIDX, base | DLIDX | HEIGHTS | PAGE_MASK, PAGE_MASK, low, high)
            where = "id BETWEEN ? AND ? AND (id & ?) BETWEEN ? AND ?"
            blocks += self.conn.execute(
                f"SELECT id, block FROM search_data WHERE {where}", index_pages
            ).fetchall()
            sums.update(
                self.conn.execute(f"SELECT id, crc FROM search_sums WHERE {where}", index_pages)
            )
            ids = [block_id for block_id, _ in blocks]
            leaves_found = sum(1 for block_id in ids if block_id < base | DLIDX)
            if set(ids) != set(sums) or len(ids) != len(sums) or leaves_found != high - low + 1:
                return False  # a page lost from either table, or one too many
            for block_id, block in blocks:
                attached = spans.get(block_id - base, ()) if block_id < base | DLIDX else ()
                if sums[block_id] != page_crc(block_id, block, attached):
                    return False
        for p in todo:
            self._checked[base + p] = spans.get(p, ())
        return True


def _term_of(row: tuple[object, object]) -> bytes:
    term = row[0]
    return term if isinstance(term, bytes) else b""


def _runs(pages: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Sorted page numbers as runs of consecutive ones (first, last)."""
    start = prev = None
    for p in pages:
        if prev is not None and p == prev + 1:
            prev = p
            continue
        if start is not None and prev is not None:
            yield start, prev
        start = prev = p
    if start is not None and prev is not None:
        yield start, prev
