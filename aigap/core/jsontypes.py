"""The shape of what aigap writes as JSON: one definition for every command's records.

Imports nothing at run time: every listing module uses it, so it stays on the
start-up path.
"""

from __future__ import annotations

from typing import TypeAlias

JSONScalar: TypeAlias = "str | int | float | bool | None"
JSONValue: TypeAlias = "JSONScalar | list[JSONValue] | dict[str, JSONValue]"
Record: TypeAlias = "dict[str, JSONValue]"  # one flat record: a row of JSON, CSV, Markdown


def text(record: Record, key: str) -> str:
    """``record[key]``, which the record's builder made a string."""
    value = record[key]
    if not isinstance(value, str):
        raise TypeError(f"{key}: expected a string, got {type(value).__name__}")
    return value


def optional_text(record: Record, key: str) -> str | None:
    """``record[key]``, a string or None (an undated fact's date)."""
    value = record[key]
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{key}: expected a string or null, got {type(value).__name__}")
    return value
