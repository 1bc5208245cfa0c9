"""An entity page's first rows, picked in SQL from the about index, are a full sort's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aigap.core.model import Fact
from aigap.opener import open_store
from aigap.store.queries import Store


@pytest.fixture(scope="module")
def store(big_base: Path) -> Iterator[Store]:
    opened = open_store(str(big_base))
    yield opened
    opened.conn.close()


def _expected(store: Store, entity: str, people: list[str], benchmark: bool) -> list[Fact]:
    """The page by brute force: every fact that belongs on it, dated first, by date, file order."""
    everything = store.all_facts()
    place = {f.id: n for n, f in enumerate(everything)}
    datekey = dict(store.conn.execute("SELECT id, datekey FROM records").fetchall())

    def belongs(f: Fact) -> bool:
        bench = benchmark and f.kind in ("gap", "score") and getattr(f, "benchmark", None) == entity
        quote = f.kind == "quote" and bool(set(people) & set(f.about))
        return entity in f.about or bench or quote

    found = [f for f in everything if belongs(f)]
    return sorted(found, key=lambda f: (datekey[f.id] is None, datekey[f.id] or "", place[f.id]))


# Each case sorts the whole 2,000-fact base by brute force: one in the fast tier, the rest in CI.
SLOW = pytest.mark.slow


@pytest.mark.parametrize(
    "limit",
    [pytest.param(None, marks=SLOW), pytest.param(1, marks=SLOW), 7, pytest.param(50, marks=SLOW)],
)
def test_page_is_the_full_sort_cut(store: Store, limit: int | None) -> None:
    entities = [r[0] for r in store.conn.execute("SELECT DISTINCT entity FROM about")]
    benchmarks = [b.id for b in store.benchmarks()][:3]
    assert entities and benchmarks
    cases: list[tuple[str, list[str], bool]] = [(e, [], False) for e in entities]
    # a lab with its own CEO's quotes and another lab's (which are not about it)
    cases += [(e, ["openai-ceo", "deepseek-ceo"], False) for e in ("lab-openai", "lab-google")]
    cases += [(b, [], True) for b in benchmarks]
    for entity, people, benchmark in cases:
        found = store.page_facts(entity, people, benchmark, limit)
        got, total = found.rows, found.total
        want = _expected(store, entity, people, benchmark)
        assert total == len(want), entity
        assert [f.id for f in got] == [f.id for f in want][:limit], entity


@pytest.mark.parametrize("who", ["openai", "lab-google", "openai-ceo", "deepseek", "CEO", "nobody"])
def test_quotes_who_from_the_speakers_index_are_every_match(store: Store, who: str) -> None:
    """`quotes --who` picks quotes in SQL (speakers table, or part of a name): all, only these."""
    from aigap.answers.entities import matcher
    from aigap.answers.quotes import quote_rows
    from aigap.kinds import quote

    speaks = matcher(store, who, members=True)
    want = [q.id for q in store.records(quote.KIND) if speaks(q.speaker)]
    assert [r.quote.id for r in quote_rows(store, who)] == want
    assert [r.quote.id for r in quote_rows(store, who, limit=5)] == want[:5]
