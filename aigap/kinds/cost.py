"""Costs: training-cost and hardware claims, with the amounts the article gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from aigap.core.labels import label
from aigap.core.model import Amount, Benchmark, Fact, Lang, Ratio, Text
from aigap.core.numbers import amount_text, ratio_text
from aigap.kinds.base import AMOUNT_MAX, Entry, Figure, Kind, Rule, amount_rules, in_range, raw_date


class Cost(Fact, frozen=True, kw_only=True):
    """``subject``'s ``claim`` as stated, its ``amounts`` and a ``ratio`` to another cost."""

    subject: Text
    claim: Text
    amounts: tuple[Amount, ...] = ()
    ratio: Ratio | None = None

    kind: ClassVar[str] = "cost"


def rules(fact: Cost) -> Iterator[Rule]:
    """Amounts are 0 or more; a ratio is a positive fraction (or multiple)."""
    for j, amount in enumerate(fact.amounts):
        yield from amount_rules(("amounts", j), amount)
    if fact.ratio is not None:
        yield from in_range(("ratio", "value"), fact.ratio.value, 0, AMOUNT_MAX, above=True)


def summary(fact: Cost, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return fact.claim.get(lang)


def answer(fact: Cost, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    if not fact.amounts and fact.ratio is None:
        return fact.claim.get(lang)
    # A line that can be quoted alone: what was bought or rented (a rate's or a
    # period's label: "H800 rental price per hour"), the article's "about" as a
    # word, and a ratio with the article's own wording ("10분의 1").
    parts = []
    for a in fact.amounts:
        text = amount_text(a, lang)
        if a.approx and text.startswith("~"):
            text = label("about_amount", lang, amount=text[1:])
        if a.label and a.unit not in ("usd", "krw"):
            text = f"{a.label.get(lang)}: {text}"
        parts.append(text)
    if fact.ratio is not None:
        parts.append(ratio_text(fact.ratio, lang))
    return f"{fact.subject.get(lang)}: {'; '.join(parts)}"


def figures(fact: Cost) -> Iterator[Figure]:
    for j, amount in enumerate(fact.amounts):
        yield Figure(("amounts", j, "value"), amount.value, amount.printed, amount.unit)
    if fact.ratio is not None:
        yield Figure(("ratio", "value"), fact.ratio.value, fact.ratio.printed, "ratio")


def entries(fact: Cost, lang: Lang, benchmarks: dict[str, Benchmark]) -> list[Entry]:
    figure = ", ".join(amount_text(a, lang) for a in fact.amounts)
    if fact.ratio is not None:
        figure += (", " if figure else "") + ratio_text(fact.ratio, lang)
    return [Entry(None, f"{fact.subject.get(lang)}: {fact.claim.get(lang)}", figure)]


KIND = Kind(
    name="cost",
    rules=rules,
    section="costs",
    record=Cost,
    summary=summary,
    figures=figures,
    search={"subject": 5, "claim": 2, "amounts": 2, "ratio": 2},
    words=(
        "spent",
        "spending",
        "money",
        "price",
        "price tag",
        "bill",
        "expense",
        "cheap",
        "cheaper",
        "paid",
        "pay",
        "outlay",
        "돈",
        "지출",
        "가격",
        "저렴",
        "싸게",
        "개발비",
        "훈련비",
        "들인",
        "들었",
    ),
    answer=answer,
    entries=entries,
    raw_dates=raw_date,  # its entries are dated by its own date
)
