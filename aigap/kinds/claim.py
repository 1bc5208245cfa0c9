"""Claims: any other statement the article makes, as it makes it."""

from __future__ import annotations

from typing import ClassVar

from aigap.core.model import Benchmark, Fact, Lang, PartialDate, Text
from aigap.kinds.base import Kind


class Claim(Fact, frozen=True, kw_only=True):
    """A statement of the article (``claim``), dated when it says when."""

    claim: Text
    date: PartialDate | None = None

    kind: ClassVar[str] = "claim"


def summary(fact: Claim, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return fact.claim.get(lang)


KIND = Kind(name="claim", section="claims", record=Claim, summary=summary, search={"claim": 2})
