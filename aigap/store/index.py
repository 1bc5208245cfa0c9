"""What the cache's search index holds: each record's text in three weighted columns."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

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
