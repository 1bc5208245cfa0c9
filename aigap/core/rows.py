"""A query's answer when it may be cut short: the rows it shows and how many there are."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

import msgspec

T = TypeVar("T")


class Rows(msgspec.Struct, Generic[T], frozen=True):
    """The first rows of an answer (all when uncut) and ``total``, how many it has in all:
    a listing prints the rows and, when there are more, says how many."""

    rows: Sequence[T]
    total: int
