"""Figures aigap can recompute from others in the fact base, and their checks.

Facts are matched by their fields (benchmark, unit, date, country, amount
units), never by id, so a new article's facts are checked the same way.
``derived_for`` feeds ``aigap show``; ``cross_check`` feeds ``aigap check``,
where a recomputed figure that disagrees with a reported one beyond the
reported figure's rounding is an error: a wrong number must not pass silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from aigap import derive, kinds
from aigap.errors import Severity
from aigap.kinds.cost import Cost
from aigap.kinds.gap import Gap
from aigap.kinds.market import MarketMove
from aigap.kinds.score import Score
from aigap.model import Amount, Fact, FactBase, PartialDate
from aigap.numbers import plain as _num

if TYPE_CHECKING:
    from aigap.store import Store

DataPath = tuple[str | int, ...]
F = TypeVar("F", bound=Fact)

# Won per US dollar that an article's KRW/USD pair may imply. Every daily rate
# since 1998 lies inside it (lowest ~900 in 2007; highest ~1,960 in Dec 1997;
# 2025 ranged ~1,350-1,490); anything outside means one of the two figures,
# or its unit, is wrong.
KRW_PER_USD_BAND = (800.0, 2000.0)


class Derived(msgspec.Struct, frozen=True):
    """A figure computed from reported ones, shown beside them by ``aigap show``."""

    fact_id: str
    label: str
    value: str
    basis: str  # how it was computed, from which figures
    reported: str | None = None  # the reported figure it is compared with
    ok: bool | None = None  # None: nothing reported to compare with


class _Finding(msgspec.Struct, frozen=True):
    """A derived figure plus where a mismatch is reported and what to say."""

    derived: Derived | None
    path: DataPath
    severity: Severity = "error"
    message: str | None = None  # set when the check failed


def _top_scores(
    scores: Iterable[Score], benchmark: str, date: PartialDate
) -> tuple[Score, Score] | None:
    """The best US and best CN score on one benchmark at one date, if both exist."""
    best: dict[str, Score] = {}
    for score in scores:
        if score.benchmark != benchmark or score.date != date:
            continue
        current = best.get(score.country)
        if current is None or score.value > current.value:
            best[score.country] = score
    if "US" in best and "CN" in best and best["US"].unit == best["CN"].unit:
        return best["US"], best["CN"]
    return None


def _recompute_gap(unit: str, us: Score, cn: Score) -> tuple[float, str] | None:
    """The US–China gap from two top scores, as the gap's unit reports it."""
    name_us = us.organization.get("en")
    name_cn = cn.organization.get("en")
    if unit == "percent" and us.unit != "percent" and cn.value > 0:
        value = derive.relative_gap_percent(us.value, cn.value)
        basis = f"({_num(us.value)} − {_num(cn.value)}) / {_num(cn.value)} × 100"
    elif unit == "pp" and us.unit == "percent":
        value = us.value - cn.value
        basis = f"{_num(us.value)} − {_num(cn.value)}"
    else:
        return None
    return value, f"{basis} ({name_us} vs {name_cn}, {us.date.iso})"


def _gap_unit_text(unit: str) -> str:
    return "%" if unit == "percent" else " pp"


def _gap_findings(gap: Gap, index: int, scores: Sequence[Score]) -> Iterator[_Finding]:
    first, last = gap.values[0], gap.values[-1]
    span = f"{first.date.iso} → {last.date.iso}"
    change = derive.change(first.value, last.value)
    yield _Finding(
        Derived(
            gap.id,
            "change",
            f"{_num(change)} pp",
            f"{_num(last.value)} − {_num(first.value)} ({span})",
        ),
        ("gaps", index, "values"),
    )
    times = derive.times_narrower(first.value, last.value)
    if times is None:
        yield _Finding(
            Derived(gap.id, "times narrower", "n/a", "the gap closed or reversed"),
            ("gaps", index, "values"),
        )
    else:
        spread = derive.times_narrower_range(first.value, last.value)
        within = (
            f"; {spread[0]:.2f}–{spread[1]:.2f}× within the inputs' rounding"
            if spread
            else "; unbounded within the inputs' rounding"
        )
        yield _Finding(
            Derived(
                gap.id,
                "times narrower",
                f"{times:.1f}×",
                f"{_num(first.value)} / {_num(last.value)} ({span}){within}",
            ),
            ("gaps", index, "values"),
        )
    for j, value in enumerate(gap.values):
        top = _top_scores(scores, gap.benchmark, value.date)
        if top is None:
            continue
        recomputed = _recompute_gap(gap.unit, *top)
        if recomputed is None:
            continue
        computed, basis = recomputed
        ok = derive.matches(computed, value.value)
        shown = f"{_num(computed, 2)}{_gap_unit_text(gap.unit)}"
        yield _Finding(
            Derived(
                gap.id, f"gap in {value.date.iso} from top scores", shown, basis, value.printed, ok
            ),
            ("gaps", index, "values", j, "value"),
            message=None
            if ok
            else f"reported gap {value.printed} ({_num(value.value)}) for {value.date.iso} does "
            f"not match {shown} recomputed from the top scores: {basis}",
        )


def _score_findings(
    score: Score, scores: Sequence[Score], gaps: Sequence[Gap]
) -> Iterator[Derived]:
    """For ``show``: the gap this score takes part in, recomputed."""
    top = _top_scores(scores, score.benchmark, score.date)
    if top is None or score not in top:
        return
    for gap in gaps:
        if gap.benchmark != score.benchmark:
            continue
        for value in gap.values:
            if value.date != score.date:
                continue
            recomputed = _recompute_gap(gap.unit, *top)
            if recomputed is None:
                continue
            computed, basis = recomputed
            yield Derived(
                score.id,
                f"US–China gap recomputed ({gap.id})",
                f"{_num(computed, 2)}{_gap_unit_text(gap.unit)}",
                basis,
                value.printed,
                derive.matches(computed, value.value),
            )


def _market_findings(move: MarketMove, index: int) -> Iterator[_Finding]:
    if move.close is None:
        return
    close = move.close
    implied = derive.implied_previous_close(close.value, move.change)
    path: DataPath = ("market", index, "change")
    basis = f"{_num(close.value)} / (1 {'−' if move.change < 0 else '+'} {_num(abs(move.change))}%)"
    if implied is None or implied <= 0:
        yield _Finding(
            Derived(move.id, "implied previous close", "n/a", basis, None, False),
            path,
            message=f"a change of {_num(move.change)}% from a close of {close.printed} "
            "implies a non-positive previous close",
        )
        return
    spread = derive.previous_close_range(close.value, move.change)
    shown = f"{_num(implied, 2)} {close.unit.upper()}"
    if move.previous_close is None:
        yield _Finding(Derived(move.id, "implied previous close", shown, basis), path)
        return
    previous = move.previous_close
    allowed = derive.tolerance(derive.decimals(previous.value))
    ok = spread is not None and (
        spread[0] - allowed - 1e-9 <= previous.value <= spread[1] + allowed + 1e-9
    )
    yield _Finding(
        Derived(move.id, "implied previous close", shown, basis, previous.printed, ok),
        ("market", index, "previous_close", "value"),
        message=None
        if ok
        else f"previous close {previous.printed} does not match {shown} implied by the close "
        f"{close.printed} and the change {move.change_printed}: {basis}",
    )


def _amount_pairs(amounts: Sequence[Amount]) -> list[tuple[int, Amount, int, Amount]]:
    usd = [(i, a) for i, a in enumerate(amounts) if a.unit == "usd"]
    krw = [(i, a) for i, a in enumerate(amounts) if a.unit == "krw"]
    if len(usd) != len(krw):
        return []  # no way to tell which figure translates which
    return [(i, u, j, k) for (i, u), (j, k) in zip(usd, krw, strict=True)]


def _cost_findings(cost: Cost, index: int, costs: Sequence[Cost]) -> Iterator[_Finding]:
    for _, usd, j, krw in _amount_pairs(cost.amounts):
        if usd.value <= 0:
            continue
        rate = krw.value / usd.value
        low, high = KRW_PER_USD_BAND
        ok = low <= rate <= high
        basis = f"{krw.printed} / {usd.printed} = {_num(krw.value)} / {_num(usd.value)}"
        yield _Finding(
            Derived(
                cost.id,
                "implied exchange rate",
                f"{rate:,.0f} KRW/USD",
                basis,
                f"{low:,.0f}–{high:,.0f} KRW/USD plausible",
                ok,
            ),
            ("costs", index, "amounts", j, "value"),
            message=None
            if ok
            else f"{krw.printed} for {usd.printed} implies {rate:,.2f} KRW per USD, outside "
            f"the plausible {low:,.0f}–{high:,.0f}: one of the figures or its unit is wrong",
        )
    ratio = cost.ratio
    if ratio is None or not cost.amounts:
        return
    wanted = {t.casefold() for t in ratio.of.all()}
    for other in costs:
        if other.id == cost.id or not wanted & {t.casefold() for t in other.subject.all()}:
            continue
        for mine in cost.amounts:
            theirs = next((a for a in other.amounts if a.unit == mine.unit), None)
            if theirs is None or theirs.value == 0:
                continue
            computed = mine.value / theirs.value
            ok = derive.matches(computed, ratio.value)
            basis = f"{mine.printed} / {theirs.printed} ({other.id})"
            yield _Finding(
                Derived(cost.id, "ratio recomputed", _num(computed, 3), basis, ratio.printed, ok),
                ("costs", index, "ratio", "value"),
                message=None
                if ok
                else f"ratio {ratio.printed} ({_num(ratio.value)}) does not match "
                f"{_num(computed, 3)} recomputed as {basis}",
            )
            break


def _printed_findings(section: str, index: int, fact: Fact) -> Iterator[_Finding]:
    """Every recorded number against the article's printed form of it."""
    for figure in kinds.by_section(section).figures(fact):
        parsed = derive.parse_printed(figure.printed)
        if parsed is None or derive.printed_matches(figure.value, parsed):
            continue
        yield _Finding(
            None,
            (section, index, *figure.path),
            message=f"value {_num(figure.value)} does not match the printed {figure.printed!r} "
            f"(reads as {_num(parsed.value)}, ± {_num(parsed.tolerance)})",
        )


def _findings(base: FactBase) -> Iterator[_Finding]:
    # Each gap and ratio is checked against the facts that can bear on it
    # only, found through an index: scanning every score per gap (and every
    # cost per ratio) made `check` quadratic.
    scores: dict[str, list[Score]] = {}
    for score in _of(base, "scores", Score):
        scores.setdefault(score.benchmark, []).append(score)
    for i, gap in enumerate(_of(base, "gaps", Gap)):
        yield from _gap_findings(gap, i, scores.get(gap.benchmark, []))
    for i, move in enumerate(_of(base, "market", MarketMove)):
        yield from _market_findings(move, i)
    yield from _all_cost_findings(_of(base, "costs", Cost))
    for section in kinds.sections():
        for i, fact in enumerate(base.section(section)):
            yield from _printed_findings(section, i, fact)


def _all_cost_findings(all_costs: list[Cost]) -> Iterator[_Finding]:
    costs: dict[str, list[tuple[int, Cost]]] = {}
    for n, cost in enumerate(all_costs):
        for subject in {t.casefold() for t in cost.subject.all()}:
            costs.setdefault(subject, []).append((n, cost))
    for i, cost in enumerate(all_costs):
        named = cost.ratio.of.all() if cost.ratio is not None else ()
        related = dict(pair for t in named for pair in costs.get(t.casefold(), []))
        yield from _cost_findings(cost, i, [related[n] for n in sorted(related)])


def _of(base: FactBase, section: str, record: type[F]) -> list[F]:
    return [fact for fact in base.section(section) if isinstance(fact, record)]


def cross_check(base: FactBase) -> list[tuple[DataPath, Severity, str]]:
    """Every recomputed figure that disagrees with a reported one."""
    return [(f.path, f.severity, f.message) for f in _findings(base) if f.message is not None]


def derived_for(store: Store, fact: Any) -> list[Derived]:
    """The figures ``aigap show`` prints beside ``fact``'s reported ones."""
    if isinstance(fact, Gap):
        scores = store.records_about("scores", fact.benchmark)
        found = [f.derived for f in _gap_findings(fact, 0, scores)]
    elif isinstance(fact, Score):
        scores = store.records_about("scores", fact.benchmark)
        gaps = store.records_about("gaps", fact.benchmark)
        return list(_score_findings(fact, scores, gaps))
    elif isinstance(fact, MarketMove):
        found = [f.derived for f in _market_findings(fact, 0)]
    elif isinstance(fact, Cost):
        costs = store.records("costs") if fact.ratio is not None else []
        found = [f.derived for f in _cost_findings(fact, 0, costs)]
    else:
        return []
    return [d for d in found if d is not None]
