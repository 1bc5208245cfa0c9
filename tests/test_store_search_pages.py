"""An answer of "nothing" checks the search index's pages that could hold it (issues 18, 20).

The cache keeps one checksum per page of the FTS5 index (search_sums). A search
that finds nothing, and a read of the vocabulary typos are corrected against,
check the leaves its terms would be on (store/pages.py), not the whole index:
a zeroed, swapped or bit-flipped leaf keeps every count and the index's shape,
and FTS5 then finds nothing where it should. Each damage here is on the leaf of
a word and caught when searching for it, or for an absent word on that leaf.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app
from aigap.opener import open_store
from aigap.store.cache import cache_file_for
from aigap.store.index import TOKENIZE, Tokenizer
from aigap.store.pages import (
    DLIDX,
    SEGMENT_SHIFT,
    TERMS_ID,
    Pages,
    expression_pieces,
    token_key,
    write_page_sums,
)
from aigap.store.queries import CacheError, Store

WORD = "nvidia"  # in the shipped base
ABSENT = "nvidiaqx"  # in no base, and on the same leaf as WORD (asserted)


@pytest.fixture
def cache(runner: CliRunner, facts_path: Path) -> Path:
    """The shipped base's cache, freshly written."""
    assert (
        runner.invoke(app, ["--no-packaged", "--facts", str(facts_path), "sources"]).exit_code == 0
    )
    found = cache_file_for(str(facts_path))
    assert found is not None and found.exists()
    return found


def _leaf(conn: sqlite3.Connection, token: str) -> int:
    """The search_data id of the leaf ``token`` is (or would be) on, in the index's
    one segment (a fresh build of the shipped base writes one)."""
    segments = conn.execute("SELECT DISTINCT segid FROM search_idx").fetchall()
    assert len(segments) == 1
    segid, pgno = conn.execute(
        "SELECT segid, pgno FROM search_idx WHERE term <= ? ORDER BY term DESC LIMIT 1",
        (token_key(token),),
    ).fetchone()
    return (segid << SEGMENT_SHIFT) + (pgno >> 1)


def _damaged(cache: Path, damage: Callable[[sqlite3.Connection, int], None]) -> None:
    conn = sqlite3.connect(cache)
    try:
        leaf = _leaf(conn, WORD)
        assert _leaf(conn, ABSENT) == leaf
        damage(conn, leaf)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def store(facts_path: Path) -> Iterator[Callable[[], Store]]:
    opened: list[Store] = []

    def open_() -> Store:
        opened.append(open_store(str(facts_path)))
        return opened[-1]

    yield open_
    for s in opened:
        s.close()


def _zeroed(conn: sqlite3.Connection, leaf: int) -> None:
    conn.execute("UPDATE search_data SET block = zeroblob(length(block)) WHERE id = ?", (leaf,))


def _swapped(conn: sqlite3.Connection, leaf: int) -> None:
    """The leaf and the one after it (or before it, for the last) change places."""
    other = (
        leaf + 1
        if conn.execute("SELECT 1 FROM search_data WHERE id = ?", (leaf + 1,)).fetchone()
        else leaf - 1
    )
    conn.execute("UPDATE search_data SET id = -1 WHERE id = ?", (leaf,))
    conn.execute("UPDATE search_data SET id = ? WHERE id = ?", (leaf, other))
    conn.execute("UPDATE search_data SET id = ? WHERE id = -1", (other,))


def _flipped(conn: sqlite3.Connection, leaf: int) -> None:
    """One bit of one byte in the middle of the leaf."""
    (block,) = conn.execute("SELECT block FROM search_data WHERE id = ?", (leaf,)).fetchone()
    changed = bytearray(block)
    changed[len(changed) // 2] ^= 0x10
    conn.execute("UPDATE search_data SET block = ? WHERE id = ?", (bytes(changed), leaf))


def _term_flipped(conn: sqlite3.Connection, leaf: int) -> None:
    """The term table's row for the leaf: its term's last byte changed (same length)."""
    segid, page = leaf >> SEGMENT_SHIFT, leaf & ((1 << 31) - 1)
    term, pgno = conn.execute(
        "SELECT term, pgno FROM search_idx WHERE segid = ? AND pgno >> 1 = ?", (segid, page)
    ).fetchone()
    conn.execute(
        "UPDATE search_idx SET term = ? WHERE segid = ? AND pgno = ?",
        (term[:-1] + bytes([term[-1] ^ 0x01]), segid, pgno),
    )


DAMAGE = [_zeroed, _swapped, _flipped, _term_flipped]


def test_an_intact_index_answers_nothing_from_a_few_pages(
    cache: Path, store: Callable[[], Store]
) -> None:
    opened = store()
    assert opened.search_count(f'"{WORD}"', 1) == 1
    assert opened.search_count(f'"{ABSENT}"', 1) == 0
    assert opened.search_count(f'"{ABSENT}"*', 1) == 0
    assert opened.search_vocabulary("n")
    total = opened.conn.execute("SELECT count(*) FROM search_data").fetchone()[0]
    assert 0 < len(opened._pages.checked) < total / 4


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda d: d.__name__.strip("_"))
@pytest.mark.parametrize("ask", ["absent", "absent prefix", "word", "vocabulary"])
def test_a_damaged_leaf_is_caught_where_its_words_are_asked_for(
    cache: Path,
    store: Callable[[], Store],
    damage: Callable[[sqlite3.Connection, int], None],
    ask: str,
) -> None:
    _damaged(cache, damage)
    opened = store()
    with pytest.raises(CacheError):
        if ask == "absent":
            opened.search_count(f'"{ABSENT}"', 1)
        elif ask == "absent prefix":
            opened.search(f'"{ABSENT}"*', 5)
        elif ask == "vocabulary":
            opened.search_vocabulary(WORD[0])
        elif opened.search_count(f'"{WORD}"', 1):
            # FTS5 read past the damage (a flip in another word's doclist): then
            # an absent word on the same leaf is still caught
            opened.search_count(f'"{ABSENT}"', 1)


def _sum_changed(conn: sqlite3.Connection, leaf: int) -> None:
    """The leaf's checksum with its lowest bit flipped."""
    conn.execute("UPDATE search_sums SET crc = (crc | 1) - (crc & 1) WHERE id = ?", (leaf,))


def _terms_sum_changed(conn: sqlite3.Connection, leaf: int) -> None:
    """The checksum of the term table changed."""
    assert conn.execute("UPDATE search_sums SET crc = crc + 1 WHERE id = ?", (TERMS_ID,)).rowcount


def _sum_moved(conn: sqlite3.Connection, leaf: int) -> None:
    """The leaf's checksum lost, a stray one added elsewhere: the row count kept."""
    conn.execute("UPDATE search_sums SET id = 5 WHERE id = ?", (leaf,))


def _sums_emptied(conn: sqlite3.Connection, leaf: int) -> None:
    conn.execute("DELETE FROM search_sums")


@pytest.mark.parametrize(
    "damage",
    [_sum_changed, _terms_sum_changed, _sum_moved, _sums_emptied],
    ids=lambda d: d.__name__.strip("_"),
)
def test_damaged_page_checksums_are_caught_not_trusted(
    cache: Path, store: Callable[[], Store], damage: Callable[[sqlite3.Connection, int], None]
) -> None:
    _damaged(cache, damage)
    opened = store()
    with pytest.raises(CacheError):
        opened.search_count(f'"{ABSENT}"', 1)


def test_an_expression_that_cannot_be_read_checks_every_page(
    cache: Path, store: Callable[[], Store]
) -> None:
    assert expression_pieces('"open') is None
    assert expression_pieces('"a ""b"""* OR c NEAR(d e)') == [
        ('a "b"', True),
        ("c", False),
        ("d", False),
        ("e", False),
    ]
    tokenizer = Tokenizer()
    assert tokenizer.tokens(["Released 9.3%", ""]) == [["releas", "9", "3"], []]
    tokenizer.close()
    _damaged(cache, _flipped)
    opened = store()
    # a page far from any word of the expression: only the whole check finds it
    assert not opened._pages.expression_sound('"open')


@pytest.mark.parametrize("damage", [_zeroed, _flipped], ids=["zeroed", "flipped"])
@pytest.mark.parametrize(
    "ask", [["search", WORD], ["search", "nvidea"], ["search", ABSENT]], ids=" ".join
)
def test_a_damaged_leaf_is_rebuilt_and_the_answer_is_a_fresh_ones(
    runner: CliRunner,
    facts_path: Path,
    cache: Path,
    damage: Callable[[sqlite3.Connection, int], None],
    ask: list[str],
) -> None:
    base = ["--no-packaged", "--facts", str(facts_path), *ask, "-f", "json"]
    fresh = runner.invoke(app, base)
    assert fresh.exit_code in (0, 1), fresh.output
    _damaged(cache, damage)
    again = runner.invoke(app, base)
    assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)


def _grown_index(seed: int) -> sqlite3.Connection:
    """An index grown as an edited cache's is, on tiny pages: many segments, some
    cut by an unfinished incremental merge (their first leaves gone, their term
    table rows kept), and doclist-index pages for a word every row has."""
    rng = random.Random(seed)
    words = ["".join(rng.choices("abcdefghij", k=rng.randint(2, 7))) for _ in range(300)]
    words += ["nvidia", "딥시크", "격차", "\ue000격차"]
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE search USING fts5(names, body, tokenize='{TOKENIZE}')")
    conn.execute("INSERT INTO search(search, rank) VALUES ('pgsz', 64)")
    conn.execute("INSERT INTO search(search, rank) VALUES ('automerge', 2)")
    conn.execute("CREATE TABLE search_sums(id INTEGER PRIMARY KEY, crc INTEGER NOT NULL)")
    for n in range(400):
        body = " ".join(["every", *rng.choices(words, k=rng.randint(3, 20))])
        conn.execute(
            "INSERT INTO search(names, body) VALUES (?, ?)",
            (" ".join(rng.choices(words, k=2)), body),
        )
        if n % 7 == 0:
            conn.commit()
    conn.commit()
    write_page_sums(conn)
    conn.commit()
    return conn


def _count(conn: sqlite3.Connection, expression: str) -> int | None:
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM search WHERE search MATCH ?", (expression,)
            ).fetchone()[0]
        )
    except sqlite3.Error:
        return None  # FTS5 saw the damage itself


@pytest.mark.parametrize("seed", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_every_leaf_that_changes_an_answer_is_one_the_check_reads(seed: int) -> None:
    """On a grown index: an intact index passes every check (every word, prefix and
    range of the vocabulary, absent words); then each leaf in turn is zeroed,
    has a byte flipped or swaps places with the next, and every word (and
    prefix) whose answer that changes is caught by the check of that word alone."""
    conn = _grown_index(seed)
    segments = Pages(conn).segments()
    assert segments and len(segments) > 2 and any(s.first > 1 for s in segments.values())
    assert conn.execute("SELECT count(*) FROM search_data WHERE id & ? != 0", (DLIDX,)).fetchone()[
        0
    ]
    conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search, 'row')")
    terms = [str(t) for (t,) in conn.execute("SELECT term FROM temp.v ORDER BY term")]
    asks = [f'"{t}"' for t in terms] + [f'"{t[:2]}"*' for t in terms[::7]]
    asks += ['"zzzz"', '"aaaaaaaaa"', '"b"*', '"nvidiaqx"']
    pages = Pages(conn)
    assert all(pages.expression_sound(ask) for ask in asks)
    assert pages.ranges_sound([(token_key(t[:1]), token_key(chr(ord(t[0]) + 1))) for t in terms])
    assert pages.whole()
    fresh = {ask: _count(conn, ask) for ask in asks}
    leaves = [i for (i,) in conn.execute("SELECT id FROM search_data WHERE id > 10 ORDER BY id")]
    for leaf in leaves[:: 3 if seed == 1 else 1]:
        # (swapped leaves, which FTS5 reads slowly, in the slow tier)
        for how in (_zeroed, _flipped) if seed == 1 else (_zeroed, _flipped, _swapped):
            conn.execute("SAVEPOINT damage")
            how(conn, leaf)
            check = Pages(conn)
            for ask in asks:
                if _count(conn, ask) != fresh[ask]:
                    assert not check.expression_sound(ask), (leaf, how.__name__, ask)
            conn.execute("ROLLBACK TO damage")
            conn.execute("RELEASE damage")
