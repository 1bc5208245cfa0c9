"""``aigap search``: records whose text contains what the user typed, best first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from aigap import kinds
from aigap.lookup import kind_of
from aigap.model import Benchmark, Fact, Source
from aigap.render import Column, Listing

if TYPE_CHECKING:
    from aigap.store import Store


# What search reads of a source or a benchmark; each kind says it for its facts.
ENTITY_SEARCH: dict[str, int] = {
    "id": 8,
    "name": 5,
    "aliases": 4,
    "headline": 2,
    "outlet": 2,
    "byline": 2,
    "full_name": 2,
    "measures": 2,
    "note": 1,
}


SEARCH_FIELDS = ("id", "kind", "score", "field", "snippet")


SNIPPET_WIDTH = 72


class SearchHit(msgspec.Struct, frozen=True):
    record: Any
    kind: str
    score: int
    field: str
    snippet: str


def _texts(value: Any) -> tuple[str, ...]:
    from aigap.model import Text

    if isinstance(value, str):
        return (value,)
    if isinstance(value, Text):
        return value.all()
    if isinstance(value, tuple):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def search_weights(record: Source | Benchmark | Fact) -> dict[str, int]:
    """How much a hit in each field a record's search reads counts."""
    if isinstance(record, Source | Benchmark):
        return ENTITY_SEARCH
    return kinds.of(record).search_weights()


def searchable(
    record: Source | Benchmark | Fact, benchmarks: dict[str, Benchmark]
) -> list[tuple[str, str, int]]:
    """(field, text, weight) for every text of a record that search looks at."""
    weights = search_weights(record)
    pairs: list[tuple[str, str, int]] = []
    for name in record.__struct_fields__:
        if name not in weights:
            continue
        value = getattr(record, name)
        if name == "benchmark" and isinstance(value, str) and value in benchmarks:
            bench = benchmarks[value]
            texts: tuple[str, ...] = (value, *bench.name.all(), *bench.aliases)
        else:
            texts = _texts(value)
        pairs.extend((name, t, weights[name]) for t in texts)
    return pairs


def snippet(text: str, needle: str, width: int = SNIPPET_WIDTH) -> str:
    """About ``width`` characters of ``text`` around the first match, on one line."""
    flat = " ".join(text.split())
    at = flat.casefold().find(needle)
    if len(flat) <= width or at < 0:
        return flat if len(flat) <= width else flat[: width - 1] + "…"
    start = max(0, min(at - width // 3, len(flat) - width))
    end = start + width
    return ("…" if start > 0 else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def search(store: Store, text: str) -> list[SearchHit]:
    """Every record whose text, id, aliases or speaker contains ``text``, best first."""
    needle = " ".join(text.split()).casefold()
    if not needle:
        return []
    benchmarks = {b.id: b for b in store.records("benchmarks")}
    candidates = [*store.records("sources"), *benchmarks.values(), *store.all_facts()]
    hits: list[tuple[int, int, SearchHit]] = []
    for order, record in enumerate(candidates):
        score = 0
        best: tuple[int, str, str] | None = None
        for field, value, weight in searchable(record, benchmarks):
            count = " ".join(value.split()).casefold().count(needle)
            if not count:
                continue
            score += weight * min(count, 3)
            # the id is shown anyway and a tag is one word: text says more
            shown = 0 if field in ("id", "tags") else weight
            if best is None or shown > best[0]:
                best = (shown, field, value)
        if best is None:
            continue
        if record.id.casefold() == needle:
            score += 100  # the exact id is surely what was meant
        hit = SearchHit(record, kind_of(record), score, best[1], snippet(best[2], needle))
        hits.append((-score, order, hit))
    return [h for _, _, h in sorted(hits, key=lambda t: (t[0], t[1]))]


def search_record(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.record.id,
        "kind": hit.kind,
        "score": hit.score,
        "field": hit.field,
        "snippet": hit.snippet,
    }


def search_listing(hits: Sequence[SearchHit], text: str) -> Listing:
    records = [search_record(h) for h in hits]
    columns = [
        Column("kind", "Kind", whole=True),
        Column("id", "Id / match", ratio=1),
    ]
    cells = [[h.kind, f"{h.record.id}\n{h.field}: {h.snippet}"] for h in hits]
    title = f"Search: {text!r} ({len(hits)} found)"
    return Listing(title, columns, records, cells=cells, fields=SEARCH_FIELDS)
