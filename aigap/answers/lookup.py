"""Resolving what a user typed: a benchmark name, a record id, a date; the sources facts cite."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.core.errors import UnknownName, suggest
from aigap.core.model import Benchmark, Entity, Fact, Source, Stored
from aigap.core.text import normalize_name

if TYPE_CHECKING:
    from aigap.store.queries import Store


def find_benchmark(store: Store, name: str, kinds: Sequence[str] = ("gaps",)) -> Benchmark:
    """Resolve what a user typed (id, alias, Korean name) to a benchmark."""
    found = store.benchmark_named(normalize_name(name))
    if found is not None:
        return found
    benchmarks = store.benchmarks()
    with_facts = {getattr(f, "benchmark", None) for kind in kinds for f in store.records(kind)}
    relevant = [b for b in benchmarks if b.id in with_facts] or benchmarks
    names = {n: b.id for b in relevant for n in (b.id, *b.aliases, *b.name.all())}
    raise UnknownName("benchmark", name, [b.id for b in relevant], names)


def find_record(store: Store, record_id: str) -> Stored:
    """The source, benchmark, entity or fact with this id; UnknownName (exit 2) otherwise."""
    wanted = record_id.strip()
    for candidate in dict.fromkeys((wanted, wanted.casefold())):
        found = store.record(candidate)
        if found is not None:
            return found
    ids = store.ids()
    # Whole ids first, then their parts ("nvida" -> "nvidia" -> market-nvidia-...);
    # a part never shadows a whole id.
    names = {part: i for i in ids for part in i.split("-") if not part.isdigit()}
    names.update({i: i for i in ids})
    guess = suggest(wanted, names)
    if guess is None:
        norm = normalize_name(wanted)
        guess = next((i for i in ids if norm and norm in normalize_name(i)), None)
    raise UnknownName("id", wanted, (), {}, suggestion=guess)


def kind_of(record: Source | Benchmark | Entity | Fact) -> str:
    """The singular kind of any record: a fact kind, 'source', 'benchmark' or 'entity'."""
    if isinstance(record, Source):
        return "source"
    if isinstance(record, Benchmark):
        return "benchmark"
    if isinstance(record, Entity):
        return "entity"
    return record.kind
