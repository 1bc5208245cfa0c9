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
