"""What the cache's search index holds: each record's text in three weighted columns."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence

from aigap import kinds

TOKENIZE = "porter unicode61 remove_diacritics 2"


# A field's declared weight -> its column: names, running text, passages.
COLUMNS = ("names", "body", "passage")


COLUMN_WEIGHTS = (5.0, 2.0, 1.0)


def column_of(weight: int) -> int:
    return 0 if weight >= 4 else 1 if weight >= 2 else 2


def _strings(value: object) -> Iterator[str]:
    """Every text in a raw (fact-file) value: strings, {en, ko}, lists, amounts."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("unit", "approx", "value"):
                yield from _strings(item)


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


def _weights_and_keys(section: str) -> tuple[dict[str, int], dict[str, str]]:
    """A section's search weights by field, and each field's key in the fact file."""
    if section in ("sources", "benchmarks", "entities"):
        return ENTITY_SEARCH, {f: f for f in ENTITY_SEARCH}
    kind = kinds.by_section(section)
    record = kind.record
    keys = dict(zip(record.__struct_fields__, record.__struct_encode_fields__, strict=True))
    return kind.search_weights(), keys


class Indexer:
    """Turns raw records into FTS rows (one text per column), section by section."""

    def __init__(self, names_of: Mapping[str, Sequence[str]]) -> None:
        # id -> names of what a fact may refer to (benchmarks and entities)
        self.names_of = names_of
        self._plans: dict[str, list[tuple[str, int]]] = {}

    def _plan(self, section: str) -> list[tuple[str, int]]:
        plan = self._plans.get(section)
        if plan is None:
            weights, keys = _weights_and_keys(section)
            plan = [(keys.get(f, f), column_of(w)) for f, w in weights.items()]
            self._plans[section] = plan
        return plan

    def row(self, section: str, raw: Mapping[str, object]) -> tuple[str, str, str]:
        texts: tuple[list[str], list[str], list[str]] = ([], [], [])
        for key, column in self._plan(section):
            value = raw.get(key)
            if value is None:
                continue
            texts[column].extend(_strings(value))
            if isinstance(value, str) and value in self.names_of and key != "id":
                texts[column].extend(self.names_of[value])
        return "\n".join(texts[0]), "\n".join(texts[1]), "\n".join(texts[2])


def snippets(
    texts: Iterable[tuple[str, int, str, int]], expression: str
) -> Iterator[tuple[int, str, int, str, float]]:
    """Match ``expression`` against a few (text, hit, field, shown) rows, tokenized as the index.

    Yields (hit, field, shown, snippet, bm25 rank) for each matching text; the
    matched words are marked \\x02...\\x03 in the snippet. An in-memory FTS5
    table of just these rows, so snippets agree with the ranking.
    """
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE m USING fts5("
            f"text, hit UNINDEXED, field UNINDEXED, shown UNINDEXED, tokenize='{TOKENIZE}')"
        )
        conn.executemany("INSERT INTO m(text, hit, field, shown) VALUES (?, ?, ?, ?)", texts)
        yield from conn.execute(
            "SELECT hit, field, shown, snippet(m, 0, '\x02', '\x03', '…', 12), bm25(m)"
            " FROM m WHERE m MATCH ?",
            (expression,),
        ).fetchall()
    finally:
        conn.close()
