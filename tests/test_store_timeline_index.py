"""The cache's entries table: the timeline's first rows picked in SQL are the Python path's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aigap import kinds
from aigap.answers.timeline import Story, story
from aigap.core.model import PartialDate, words_source
from aigap.opener import open_store
from aigap.store.queries import Store
from aigap.store.schema import entries_from_data


# The generated base's cases (a 2,000-fact base, 48 openings) are slow: CI runs them.
@pytest.fixture(params=["packaged", pytest.param("generated", marks=pytest.mark.slow)])
def store(request: pytest.FixtureRequest, facts_path: Path) -> Iterator[Store]:
    path = facts_path if request.param == "packaged" else request.getfixturevalue("big_base")
    opened = open_store(str(path))
    yield opened
    opened.conn.close()


def _key(d: PartialDate) -> str:
    return "{:04d}-{:02d}-{:02d}".format(*d.sort_key)


def test_entries_table_holds_each_dated_entry_of_each_story(store: Store) -> None:
    benchmarks = {b.id: b for b in store.benchmarks()}
    seen = set()
    for section in kinds.sections():
        assert entries_from_data(section)
        for fact in store.records(section):
            seen.add(section)
            ord_ = store.conn.execute("SELECT ord FROM records WHERE id = ?", (fact.id,))
            rows = store.conn.execute(
                "SELECT pos, sortkey, lo, hi FROM entries WHERE ord = ? ORDER BY pos",
                (ord_.fetchone()[0],),
            ).fetchall()
            want = []
            for pos, entry in enumerate(kinds.of(fact).story(fact, "en", benchmarks)):
                if entry.date is not None:
                    d = entry.date
                    want.append((pos, _key(d), d.first.isoformat(), d.last.isoformat()))
            assert rows == want, fact.id
    assert seen == set(kinds.sections())  # every kind was checked against its story


def _seen(found: Story) -> tuple[list[tuple[str, str, str, str]], int, list[str]]:
    lines = [(ln.fact.id, ln.date.iso, ln.entry.text, ln.entry.figure) for ln in found.lines]
    return lines, found.total, list(found.sources)


RANGES = [
    (None, None),
    (PartialDate(2025, 1, 27), PartialDate(2025, 1, 27)),
    (PartialDate(2025, 1), PartialDate(2025, 3, 5)),
    (PartialDate(2024), None),
    (None, PartialDate(2023, 6)),
    (PartialDate(2019, 2, 3), PartialDate(2031)),
]
SECTIONS: list[tuple[str, ...]] = [(), ("gaps", "market"), ("market", "gaps"), ("claims",)]


@pytest.mark.parametrize("since, until", RANGES)
@pytest.mark.parametrize("sections", SECTIONS)
def test_sql_path_equals_python_path(
    store: Store,
    since: PartialDate | None,
    until: PartialDate | None,
    sections: tuple[str, ...],
) -> None:
    every = story(store, "en", since, until, sections=sections)  # the Python path
    for limit in (0, 1, 7, 50, 10_000):
        cut = story(store, "en", since, until, sections=sections, limit=limit)
        want = every.lines[:limit]
        # each line's article, and a quote's own words' source before it
        cited = ((words_source(ln.fact), ln.fact.source) for ln in want)
        sources = list(dict.fromkeys(i for pair in cited for i in pair if i))
        assert _seen(cut) == (_seen(Story(want, {}))[0], every.total, sources), limit


# tags both the packaged and the generated base carry (one in capitals: tags are case-folded)
@pytest.mark.parametrize("tags", [("market",), ("OpenAI", "policy"), ("deepseek",)])
@pytest.mark.parametrize("since, until", RANGES[:3])
def test_sql_path_with_tags_equals_python_path(
    store: Store,
    since: PartialDate | None,
    until: PartialDate | None,
    tags: tuple[str, ...],
) -> None:
    """``--tag`` with a limit reads the tags index in SQL; the same lines as the
    Python path (every fact of the tags built, then cut)."""
    assert all(t.casefold() in store.known_tags(list(kinds.sections())) for t in tags)
    every = story(store, "en", since, until, tags=tags)
    for limit in (0, 1, 7, 10_000):
        cut = story(store, "en", since, until, tags=tags, limit=limit)
        assert _seen(cut)[:2] == (_seen(Story(every.lines[:limit], {}))[0], every.total), limit


def test_a_lost_or_moved_entry_row_is_caught(
    monkeypatch: pytest.MonkeyPatch, facts_path: Path
) -> None:
    from aigap.store.queries import CacheError

    monkeypatch.setenv("AIGAP_NO_CACHE", "1")  # an in-memory cache we may damage
    store = open_store(str(facts_path))
    store.conn.execute("DELETE FROM entries WHERE rowid = (SELECT max(rowid) FROM entries)")
    with pytest.raises(CacheError):
        story(store, "en", limit=5)
    store = open_store(str(facts_path))
    store.conn.execute("UPDATE entries SET pos = pos + 7")
    with pytest.raises(CacheError):
        story(store, "en", limit=5)
