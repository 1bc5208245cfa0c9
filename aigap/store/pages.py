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
the term table it seeks them by, is checking every page that could hide them.
search_sums holds a checksum of each block by its id, and of the whole term
table (a few thousand short rows at 100,000 facts) under id 0.
"""

from __future__ import annotations

import bisect
import re
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from aigap.store.index import Tokenizer

SEGMENT_SHIFT = 37  # FTS5_DATA_PAGE_B + FTS5_DATA_HEIGHT_B + FTS5_DATA_DLI_B
DLIDX = 1 << 36  # the doclist-index flag
HEIGHTS = 31 << 31  # every doclist-index height (FTS5_DATA_HEIGHT_B bits)
PAGE_MASK = (1 << 31) - 1  # FTS5_DATA_PAGE_B
MAIN = b"0"  # the main index's key prefix (prefix indexes use "1", "2"...)

# A range of index keys: from the first (included) to the second (excluded)
KeyRange = tuple[bytes, bytes]
TERMS_ID = 0  # search_sums' row for the term table (search_data's ids start at 1)
_TERM_ROWS = "SELECT segid, term, pgno FROM search_idx ORDER BY segid, term"


def block_crc(block_id: int, block: object) -> int:
    """A block's checksum, over its id and its bytes."""
    data = block if isinstance(block, bytes) else repr(block).encode()  # damage: any type
    return zlib.crc32(data, zlib.crc32(str(block_id).encode()))


def terms_crc(rows: Sequence[tuple[object, ...]]) -> int:
    """The term table's checksum, over its rows (segid, term, pgno) in key order."""
    return zlib.crc32(repr(rows).encode())


def page_sums(conn: sqlite3.Connection) -> list[tuple[int, int]]:
    """Every checksum search_sums holds, by id: the term table's (``TERMS_ID``) and
    each block's (``block_crc``)."""
    sums = [(TERMS_ID, terms_crc(conn.execute(_TERM_ROWS).fetchall()))]
    rows = conn.execute("SELECT id, block FROM search_data ORDER BY id")
    return sums + [(block_id, block_crc(block_id, block)) for block_id, block in rows]


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


class Segment(NamedTuple):
    """A segment's leaves (first, last) and its term table: terms and their leaves."""

    first: int
    last: int
    terms: list[bytes]
    leaves: list[int]

    def span(self, low: bytes, high: bytes) -> tuple[int, int]:
        """The leaves the terms from ``low`` to ``high`` (excluded) can be on: from
        the leaf of the last term-table term at or below ``low`` (or the first
        leaf) to that of the first at or above ``high`` (or the last leaf), kept
        within the segment's leaves, as FTS5 keeps a seek."""
        at = bisect.bisect_right(self.terms, low) - 1
        after = bisect.bisect_left(self.terms, high)
        ends = [
            self.leaves[at] if at >= 0 else self.first,
            self.leaves[after] if after < len(self.leaves) else self.last,
        ]
        kept = [min(max(leaf, self.first), self.last) for leaf in ends]
        return min(kept), max(kept)


class Pages:
    """Checks search index pages against the checksums written with them, each page
    once per store (the term table whole, the first time)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._segments: dict[int, Segment] | None = None
        self.checked: set[int] = set()  # ids of the blocks checked
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
        segments = self.segments()
        if segments is None:
            return False
        ranges = list(ranges)
        for segid, segment in segments.items():
            spans = _merged(segment.span(low, high) for low, high in ranges)
            base = segid << SEGMENT_SHIFT
            # the leaves not checked before, in runs of consecutive ones
            todo = [p for first, last in spans for p in range(first, last + 1)]
            runs = _merged((p, p) for p in todo if base + p not in self.checked)
            if not all(self._leaves_sound(base, first, last) for first, last in runs):
                return False
        return True

    def segments(self) -> dict[int, Segment] | None:
        """The index's segments by segid, from its term table, which must be as
        written (read whole, once); each one's first and last leaf the same in
        search_data and search_sums. None when either is not so."""
        if self._segments is None:
            rows = self.conn.execute(_TERM_ROWS).fetchall()
            written = self.conn.execute(
                "SELECT crc FROM search_sums WHERE id = ?", (TERMS_ID,)
            ).fetchall()
            if written != [(terms_crc(rows),)]:
                return None
            found: dict[int, Segment] = {}
            for segid, term, pgno in rows:
                if type(segid) is not int or type(term) is not bytes or type(pgno) is not int:
                    return None
                if segid not in found:
                    base = segid << SEGMENT_SHIFT
                    edges = {self._edges(table, base) for table in ("search_data", "search_sums")}
                    if len(edges) != 1:
                        return None
                    low, high = edges.pop()
                    if low is None or high is None:
                        return None
                    found[segid] = Segment(low - base, high - base, [], [])
                found[segid].terms.append(term)
                found[segid].leaves.append(pgno >> 1)
            self._segments = found
        return self._segments

    def _edges(self, table: str, base: int) -> tuple[int | None, int | None]:
        """The first and last leaf id of the segment at ``base`` in a table."""
        ends = [
            self.conn.execute(_EDGE.format(table, order), (base, base | PAGE_MASK)).fetchone()
            for order in ("", "DESC")
        ]
        return ends[0] and ends[0][0], ends[1] and ends[1][0]

    def _leaves_sound(self, base: int, low: int, high: int) -> bool:
        """The leaves ``low`` to ``high`` of a segment (and the doclist-index pages
        keyed by them) are there, each in search_data and search_sums, with the
        checksum written."""
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


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of leaves (first, last) joined where they overlap or touch."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged
