"""Quotes: attributed statements, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from aigap.kinds.base import DataPath, Kind
from aigap.model import Benchmark, Fact, Lang, PartialDate, Text


class Quote(Fact, frozen=True, kw_only=True):
    """``speaker`` (``role``) ``said`` this, on ``date`` through ``channel`` when known."""

    speaker: Text
    said: Text
    role: Text | None = None
    date: PartialDate | None = None
    channel: Text | None = None

    kind: ClassVar[str] = "quote"


def summary(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return f"{fact.speaker.get(lang)}: “{fact.said.get(lang)}”"


def answer(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return f"“{fact.said.get(lang)}”"


def speaker(fact: Quote, lang: Lang) -> str | None:
    role = f" ({fact.role.get(lang)})" if fact.role else ""
    return fact.speaker.get(lang) + role


JOINER = " … "  # how a quote joins two verbatim parts


def verbatim(fact: Quote) -> Iterator[tuple[DataPath, str, str]]:
    """Each part of the Korean quote must be in the article word for word."""
    for part in (fact.said.ko or "").split(JOINER):
        if part.strip():
            yield ("said", "ko"), "quote", part


KIND = Kind(
    name="quote",
    section="quotes",
    record=Quote,
    summary=summary,
    verbatim=verbatim,
    search={"speaker": 5, "said": 2, "role": 2, "channel": 2},
    answer=answer,
    who=speaker,
)
