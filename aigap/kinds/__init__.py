"""The registry of fact kinds: a new kind is its record module here and one line below.

(A kind with a command of its own adds its question in aigap/answers/ and its
layout in aigap/output/.) Everything that works over every kind (validation,
the cache, ``facts``, ``search``, ``show``, ``check``) asks this registry,
never a list of its own.
"""

from __future__ import annotations

from typing import TypeVar

from aigap.core.labels import LABELS
from aigap.core.model import Fact
from aigap.kinds import claim, cost, event, gap, market, quote, score
from aigap.kinds.base import Entry, Figure, Kind, SomeKind

F = TypeVar("F", bound=Fact)

KINDS: list[SomeKind] = [
    gap.KIND,
    score.KIND,
    event.KIND,
    market.KIND,
    cost.KIND,
    quote.KIND,
    claim.KIND,
]


def register(kind: Kind[F]) -> None:
    """Add a kind (after the built-in ones); its section must be new."""
    if any(k.section == kind.section or k.name == kind.name for k in KINDS):
        raise ValueError(f"kind {kind.name!r} ({kind.section}) is already registered")
    KINDS.append(kind)


def unregister(kind: Kind[F]) -> None:
    KINDS.remove(kind)


def sections() -> tuple[str, ...]:
    """The fact file's sections of facts, in file order: gaps, scores, ..."""
    return tuple(k.section for k in KINDS)


def by_section(section: str) -> SomeKind:
    for kind in KINDS:
        if kind.section == section:
            return kind
    raise KeyError(section)


def of(fact: F) -> Kind[F]:
    """The kind of a fact record (a ``Kind[Gap]`` for a ``Gap``)."""
    for kind in KINDS:
        if type(fact) is kind.record:
            return kind
    raise KeyError(type(fact).__name__)


def section_named(name: str) -> str | None:
    """'score', 'scores' (any case) or the kind's name in either language as the
    tables print it ('점수') -> 'scores'; None when not a kind."""
    wanted = name.strip().casefold()
    for kind in KINDS:
        said = LABELS.get(f"kind.{kind.name}", {})
        if wanted in (kind.section, kind.name, *(w.casefold() for w in said.values())):
            return kind.section
    return None


__all__ = [
    "KINDS",
    "Entry",
    "Figure",
    "Kind",
    "SomeKind",
    "by_section",
    "of",
    "register",
    "section_named",
    "sections",
]
