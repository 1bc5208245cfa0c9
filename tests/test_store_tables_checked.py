"""The cache trusts no table it did not verify (issue 20).

Every table an answer is read from is covered: the tables themselves by a
digest of the schema written with the rows (a table replaced by a view, a
trigger added), their rows by counts written in the same transaction. A
damaged cache is rebuilt; the answer is the same as from a fresh one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app
from aigap.store.cache import cache_file_for

from .conftest import REPO

COLUMNS = {
    "about": "entity, kind, sortkey, ord",
    "speakers": "norm, ord",
    "tags": "tag, ord",
    "entity_names": "norm, entity",
    "entries": "ord, kind, pos, sortkey, lo, hi",
    "names": "norm, benchmark",
}
# what reads each table
ASKS = [
    ["show", "nvidia", "-f", "json"],
    ["show", "sam altman", "-f", "json"],
    ["quotes", "--who", "altman", "-f", "json"],
    ["timeline", "-f", "json"],
    ["timeline", "--since", "2025-01", "-f", "json"],
    ["gap", "mmlu", "-f", "json"],
    ["timeline", "--tag", "nvidia", "-f", "json"],
]


def _as_view(table: str) -> Callable[[sqlite3.Connection], None]:
    """The table replaced by an empty view: its columns intact, its rows gone."""

    def damage(conn: sqlite3.Connection) -> None:
        conn.execute(f"DROP TABLE {table}")
        names = ", ".join(f"NULL AS {c}" for c in COLUMNS[table].split(", "))
        conn.execute(f"CREATE VIEW {table} AS SELECT {names} WHERE 0")

    damage.__name__ = f"{table}_as_view"
    return damage


def _rows_lost(table: str, where: str) -> Callable[[sqlite3.Connection], None]:
    def damage(conn: sqlite3.Connection) -> None:
        assert conn.execute(f"DELETE FROM {table} WHERE {where}").rowcount >= 1

    damage.__name__ = f"{table}_rows_lost"
    return damage


def _trigger(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END")


DAMAGE = [
    *(_as_view(t) for t in COLUMNS),
    _rows_lost("about", "entity = 'nvidia'"),
    _rows_lost("speakers", "norm LIKE '%altman%'"),
    _rows_lost("tags", "tag = 'nvidia'"),
    _rows_lost("tags", "tag = 'openai'"),  # another tag: the known tags must not shrink
    _rows_lost("entity_names", "entity = 'sam-altman'"),
    _rows_lost("entries", "lo >= '2025-01-27'"),
    _trigger,
]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda d: d.__name__)
def test_a_damaged_table_is_rebuilt_not_read(
    runner: CliRunner, tmp_path: Path, damage: Callable[[sqlite3.Connection], None]
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_bytes((REPO / "facts.yaml").read_bytes())
    base = ["--no-packaged", "--facts", str(facts)]
    fresh = [runner.invoke(app, [*base, *ask]) for ask in ASKS]
    assert all(r.exit_code == 0 for r in fresh), [r.output for r in fresh]
    cache = cache_file_for(str(facts))
    assert cache is not None and cache.exists()
    conn = sqlite3.connect(cache)
    damage(conn)
    conn.commit()
    conn.close()
    for ask, before in zip(ASKS, fresh, strict=True):
        again = runner.invoke(app, [*base, *ask])
        assert again.exit_code == 0, again.output
        assert again.stdout == before.stdout, ask


def test_a_search_index_that_lost_rows_is_rebuilt_not_read(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The search index emptied (FTS5's own 'delete-all'): the row count written with it
    catches it, and the cache is rebuilt rather than answering "nothing"."""
    facts = tmp_path / "facts.yaml"
    facts.write_bytes((REPO / "facts.yaml").read_bytes())
    base = ["--no-packaged", "--facts", str(facts)]
    asks = [["search", "nvidia", "-f", "json"], ["search", "nvidea", "-f", "json"]]
    fresh = [runner.invoke(app, [*base, *ask]) for ask in asks]
    assert all(r.exit_code == 0 for r in fresh), [r.output for r in fresh]
    cache = cache_file_for(str(facts))
    assert cache is not None and cache.exists()
    conn = sqlite3.connect(cache)
    conn.execute("INSERT INTO search(search) VALUES ('delete-all')")
    conn.commit()
    conn.close()
    for ask, before in zip(asks, fresh, strict=True):
        again = runner.invoke(app, [*base, *ask])
        assert again.exit_code == 0, again.output
        assert again.stdout == before.stdout, ask


SEARCH_ASKS = [
    ["search", "nvidia", "-f", "json"],
    ["search", "deepseek", "cost", "-f", "json"],
    ["search", "nvidea", "-f", "json"],  # a typo: read from the index's vocabulary
    ["search", "수출통제", "-f", "json"],  # an unspaced compound: split by the index
]


def _docsize_kept_index_emptied(conn: sqlite3.Connection) -> None:
    """FTS5's 'delete-all' empties the index; its docsize rows are then put back."""
    rows = conn.execute("SELECT id, sz FROM search_docsize").fetchall()
    conn.execute("INSERT INTO search(search) VALUES ('delete-all')")
    conn.executemany("INSERT INTO search_docsize(id, sz) VALUES (?, ?)", rows)


def _sql(name: str, *statements: str) -> Callable[[sqlite3.Connection], None]:
    def damage(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    damage.__name__ = name
    return damage


# FTS5 pages: id 1 its averages, 10 its structure, above 10 the leaves (each ~4 KB)
_LEAVES = "SELECT id FROM search_data WHERE id > 10 ORDER BY id"
SEARCH_DAMAGE = [
    _docsize_kept_index_emptied,
    _sql("leaves_zeroed", "UPDATE search_data SET block = zeroblob(length(block)) WHERE id > 10"),
    _sql(
        "two_leaves_swapped",
        f"UPDATE search_data SET id = -id WHERE id IN ({_LEAVES} LIMIT 2)",
        "UPDATE search_data SET id = (SELECT max(-id) FROM search_data) WHERE id ="
        " (SELECT min(id) FROM search_data)",
        "UPDATE search_data SET id = (SELECT min(id) FROM search_data WHERE id > 10) - 1"
        " WHERE id < 0",
    ),
    _sql("term_table_emptied", "DELETE FROM search_idx"),
    _sql("term_table_halved", "DELETE FROM search_idx WHERE pgno % 2 = 0"),
    _sql("structure_emptied", "UPDATE search_data SET block = x'00000000000000' WHERE id = 10"),
    _sql("averages_changed", "UPDATE search_data SET block = x'0102030405' WHERE id = 1"),
    _sql("leaf_lost", f"DELETE FROM search_data WHERE id = ({_LEAVES} LIMIT 1 OFFSET 2)"),
]


def _damaged_cache_answers(
    runner: CliRunner, facts: Path, asks: list[list[str]], damage: Callable[..., None]
) -> None:
    """Each ask answered from a fresh cache, then from that cache damaged: the same."""
    base = ["--no-packaged", "--facts", str(facts)]
    cache = cache_file_for(str(facts))
    assert cache is not None
    fresh = [runner.invoke(app, [*base, *ask]) for ask in asks]
    assert all(r.exit_code == 0 for r in fresh), [r.output for r in fresh]
    pristine = cache.read_bytes()
    for ask, before in zip(asks, fresh, strict=True):
        cache.write_bytes(pristine)
        conn = sqlite3.connect(cache)
        damage(conn)
        conn.commit()
        conn.close()
        again = runner.invoke(app, [*base, *ask])
        assert again.exit_code == 0, again.output
        assert again.stdout == before.stdout, (damage.__name__, ask)


@pytest.mark.parametrize("damage", SEARCH_DAMAGE, ids=lambda d: d.__name__)
def test_a_damaged_search_index_is_rebuilt_never_read_as_nothing(
    runner: CliRunner, facts_path: Path, damage: Callable[[sqlite3.Connection], None]
) -> None:
    """Damage that keeps the index's row count: its shape (structure, term table) is
    checked once per store, every page before an answer of "nothing"."""
    _damaged_cache_answers(runner, facts_path, SEARCH_ASKS, damage)


def _every_table(facts: Path) -> list[str]:
    cache = cache_file_for(str(facts))
    assert cache is not None and cache.exists()
    with sqlite3.connect(cache) as conn:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
    return [r[0] for r in rows]


def _emptied(table: str) -> Callable[[sqlite3.Connection], None]:
    return _sql(f"{table}_emptied", f"DELETE FROM {table}")


def _viewed(table: str) -> Callable[[sqlite3.Connection], None]:
    """The table replaced by an empty view with its columns (whatever they are)."""

    def damage(conn: sqlite3.Connection) -> None:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        conn.execute(f"DROP TABLE {table}")
        names = ", ".join(f"NULL AS {c}" for c in columns)
        conn.execute(f"CREATE VIEW {table} AS SELECT {names} WHERE 0")

    damage.__name__ = f"{table}_as_view"
    return damage


@pytest.mark.slow
@pytest.mark.parametrize("how", [_emptied, _viewed], ids=["emptied", "as_view"])
def test_every_table_of_the_cache_is_checked(
    runner: CliRunner, facts_path: Path, how: Callable[[str], Callable[..., None]]
) -> None:
    """Every table the cache holds (found in the cache itself, so a new table is
    covered too), emptied or replaced by an empty view: every answer is as fresh."""
    runner.invoke(app, ["sources"])
    tables = _every_table(facts_path)
    assert {"records", "blobs", "counts", "meta", "search_data", "search_idx"} <= set(tables)
    failed = []
    for table in tables:
        try:
            _damaged_cache_answers(runner, facts_path, [*ASKS, *SEARCH_ASKS], how(table))
        except AssertionError as exc:
            failed.append(str(exc).splitlines()[0])
    assert not failed


def test_an_unknown_tag_is_told_from_the_tags_index(runner: CliRunner, tmp_path: Path) -> None:
    """The known tags come from the cache's tags index; a tag whose rows were all lost
    is not called unknown: the cache is rebuilt."""
    facts = tmp_path / "facts.yaml"
    facts.write_bytes((REPO / "facts.yaml").read_bytes())
    base = ["--no-packaged", "--facts", str(facts)]
    fresh = runner.invoke(app, [*base, "timeline", "--tag", "nvidai"])
    assert fresh.exit_code == 2 and "did you mean 'nvidia'?" in fresh.output
    cache = cache_file_for(str(facts))
    assert cache is not None
    conn = sqlite3.connect(cache)
    conn.execute("DELETE FROM tags WHERE tag = 'openai'")
    conn.commit()
    conn.close()
    assert runner.invoke(app, [*base, "timeline", "--tag", "openai"]).exit_code == 0
