"""Figures aigap can recompute from others in the fact base, and their checks.

Facts are matched by their fields (benchmark, unit, date, country, amount
units), never by id, so a new article's facts are checked the same way.
``derived_for`` feeds ``aigap show``; ``cross_check`` feeds ``aigap check``,
where a recomputed figure that disagrees with a reported one beyond the
reported figure's rounding is an error: a wrong number must not pass silently.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import msgspec

from aigap import kinds
from aigap.core import derive
from aigap.core.errors import Phrase, Severity
from aigap.core.labels import LABELS
from aigap.core.model import Amount, Fact, FactBase, PartialDate
from aigap.core.numbers import plain as _num
from aigap.kinds.cost import Cost
from aigap.kinds.gap import Gap
from aigap.kinds.market import MarketMove
from aigap.kinds.score import Score

if TYPE_CHECKING:
    from aigap.store.queries import Store


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
    message: Phrase | None = None  # set when the check failed, in catalogue words


class TopScores:
    """The best US and best CN score per benchmark and date, found in one pass.

    Each gap value looks its pair up here: scanning every score of the
    benchmark per value made ``check`` quadratic (1,250 gaps and 1,250
    scores on one benchmark took 14 s).
    """

    def __init__(self, scores: Iterable[Score]) -> None:
        self._best: dict[tuple[str, PartialDate], dict[str, Score]] = {}
        for score in scores:
            best = self._best.setdefault((score.benchmark, score.date), {})
            current = best.get(score.country)
            if current is None or score.value > current.value:
                best[score.country] = score

    def get(self, benchmark: str, date: PartialDate) -> tuple[Score, Score] | None:
        """The pair, if both countries have a score in the same unit."""
        best = self._best.get((benchmark, date), {})
        us, cn = best.get("US"), best.get("CN")
        if us is not None and cn is not None and us.unit == cn.unit:
            return us, cn
        return None


def _recompute_gap(unit: str, us: Score, cn: Score) -> tuple[float, Phrase] | None:
    """The US–China gap from two top scores, as the gap's unit reports it, and how."""
    if unit == "percent" and us.unit != "percent" and cn.value > 0:
        value = derive.relative_gap_percent(us.value, cn.value)
        basis = f"({_num(us.value)} − {_num(cn.value)}) / {_num(cn.value)} × 100"
    elif unit == "pp" and us.unit == "percent":
        value = us.value - cn.value
        basis = f"{_num(us.value)} − {_num(cn.value)}"
    else:
        return None
    # the organisations' names in the message's language
    fields = {"formula": basis, "us": us.organization, "cn": cn.organization, "date": us.date.iso}
    return value, Phrase("check.basis.top_scores", fields)


def _english(said: str | Phrase) -> str:
    return said.text("en") if isinstance(said, Phrase) else said


def _figure(value: str, unit: str) -> str | Phrase:
    """A recomputed figure with its unit: '20.00 pp', '142.42 USD' (Korean: '142.42달러')."""
    if unit == "percent":
        return f"{value}%"
    if f"check.figure.{unit}" in LABELS:
        return Phrase(f"check.figure.{unit}", {"value": value})
    return f"{value} {unit.upper()}"


def _gap_findings(gap: Gap, index: int, top: TopScores) -> Iterator[_Finding]:
    yield _gap_change(gap, index)
    yield _gap_times_narrower(gap, index)
    yield from _gap_from_scores(gap, index, top)


def _gap_span(gap: Gap) -> str:
    return f"{gap.values[0].date.iso} → {gap.values[-1].date.iso}"


def _gap_change(gap: Gap, index: int) -> _Finding:
    first, last = gap.values[0], gap.values[-1]
    change = derive.change(first.value, last.value)
    return _Finding(
        Derived(
            gap.id,
            "change",
            f"{_num(change)} pp",
            f"{_num(last.value)} − {_num(first.value)} ({_gap_span(gap)})",
        ),
        ("gaps", index, "values"),
    )


def _gap_times_narrower(gap: Gap, index: int) -> _Finding:
    first, last = gap.values[0], gap.values[-1]
    times = derive.times_narrower(first.value, last.value)
    if times is None:
        return _Finding(
            Derived(gap.id, "times narrower", "n/a", "the gap closed or reversed"),
            ("gaps", index, "values"),
        )
    spread = derive.times_narrower_range(first.value, last.value)
    within = (
        f"; {spread[0]:.2f}–{spread[1]:.2f}× within the inputs' rounding"
        if spread
        else "; unbounded within the inputs' rounding"
    )
    return _Finding(
        Derived(
            gap.id,
            "times narrower",
            derive.times_text(first.value, last.value) or "n/a",
            f"{_num(first.value)} / {_num(last.value)} ({_gap_span(gap)}){within}",
        ),
        ("gaps", index, "values"),
    )


def _gap_from_scores(gap: Gap, index: int, top: TopScores) -> Iterator[_Finding]:
    """Each reported value against the gap between that date's top scores."""
    for j, value in enumerate(gap.values):
        pair = top.get(gap.benchmark, value.date)
        recomputed = _recompute_gap(gap.unit, *pair) if pair is not None else None
        if recomputed is None:
            continue
        computed, basis = recomputed
        ok = derive.matches(computed, value.value)
        shown = _figure(_num(computed, 2), gap.unit)
        yield _Finding(
            Derived(
                gap.id,
                f"gap in {value.date.iso} from top scores",
                _english(shown),
                basis.text("en"),
                value.printed,
                ok,
            ),
            ("gaps", index, "values", j, "value"),
            message=None
            if ok
            else Phrase(
                "check.gap_mismatch",
                {
                    "printed": value.printed,
                    "value": _num(value.value),
                    "date": value.date.iso,
                    "shown": shown,
                    "basis": basis,
                },
            ),
        )


def _score_findings(score: Score, top: TopScores, gaps: Sequence[Gap]) -> Iterator[Derived]:
    """For ``show``: the gap this score takes part in, recomputed."""
    pair = top.get(score.benchmark, score.date)
    if pair is None or score not in pair:
        return
    for gap in gaps:
        if gap.benchmark != score.benchmark:
            continue
        for value in gap.values:
            if value.date != score.date:
                continue
            recomputed = _recompute_gap(gap.unit, *pair)
            if recomputed is None:
                continue
            computed, basis = recomputed
            shown = _figure(_num(computed, 2), gap.unit)
            yield Derived(
                score.id,
                f"US–China gap recomputed ({gap.id})",
                _english(shown),
                basis.text("en"),
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
            message=Phrase(
                "check.market_nonpositive", {"change": _num(move.change), "close": close.printed}
            ),
        )
        return
    spread = derive.previous_close_range(close.value, move.change)
    shown = _figure(_num(implied, 2), close.unit)
    if spread is not None:
        # the printed change (16.9%) may be rounded or cut (wire reports: -16.97%),
        # so the cents are not known: widen to the next printed digit
        cut = derive.implied_previous_close(
            close.value,
            move.change + (-1 if move.change < 0 else 1) * 10.0 ** -derive.decimals(move.change),
        )
        high = max(spread[1], cut or spread[1])
        low = min(spread[0], cut or spread[0])
        spread = (low, high)  # check accepts what show prints: the wire's $142.62 passes
        shown = Phrase(
            "check.previous_close_range",
            {
                "value": _figure(_num(round(implied, 1), 1), close.unit),
                "low": _num(low, 2),
                "high": _num(high, 2),
                "printed": move.change_printed,
            },
        )
    if move.previous_close is None:
        yield _Finding(Derived(move.id, "implied previous close", _english(shown), basis), path)
        return
    previous = move.previous_close
    allowed = derive.tolerance(derive.decimals(previous.value))
    ok = spread is not None and (
        spread[0] - allowed - 1e-9 <= previous.value <= spread[1] + allowed + 1e-9
    )
    yield _Finding(
        Derived(move.id, "implied previous close", _english(shown), basis, previous.printed, ok),
        ("market", index, "previous_close", "value"),
        message=None
        if ok
        else Phrase(
            "check.previous_close",
            {
                "previous": previous.printed,
                "shown": shown,
                "close": close.printed,
                "change": move.change_printed,
                "basis": basis,
            },
        ),
    )


def _amount_pairs(amounts: Sequence[Amount]) -> list[tuple[int, Amount, int, Amount]]:
    usd = [(i, a) for i, a in enumerate(amounts) if a.unit == "usd"]
    krw = [(i, a) for i, a in enumerate(amounts) if a.unit == "krw"]
    if len(usd) != len(krw):
        return []  # no way to tell which figure translates which
    return [(i, u, j, k) for (i, u), (j, k) in zip(usd, krw, strict=True)]


def _cost_findings(cost: Cost, index: int, others: CostIndex) -> Iterator[_Finding]:
    yield from _rate_findings(cost, index)
    ratio = _ratio_finding(cost, index, others)
    if ratio is not None:
        yield ratio


def _rate_findings(cost: Cost, index: int) -> Iterator[_Finding]:
    """Each USD/KRW pair's implied exchange rate, against the plausible band."""
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
                # "약 78억8000만원" is about: so is the rate
                f"{'~' if usd.approx or krw.approx else ''}{rate:,.0f} KRW/USD"
                + (
                    " (approximate: the article's amount is approximate)"
                    if krw.approx or usd.approx
                    else ""
                ),
                basis,
                f"{low:,.0f}–{high:,.0f} KRW/USD plausible",
                ok,
            ),
            ("costs", index, "amounts", j, "value"),
            message=None
            if ok
            else Phrase(
                "check.exchange_rate",
                {
                    "krw": krw.printed,
                    "usd": usd.printed,
                    "rate": f"{rate:,.2f}",
                    "low": f"{low:,.0f}",
                    "high": f"{high:,.0f}",
                },
            ),
        )


class _Candidate(NamedTuple):
    """One recomputation of a ratio: my amount over another cost's, in the same unit."""

    computed: float
    mine: Amount
    theirs: Amount
    other: Cost


class CostIndex:
    """Costs by subject (any language, case-folded) and unit, their amounts sorted.

    A ratio "of X" is recomputed against the costs whose subject is X. It is
    one figure, so it is right when some such cost bears it out and is
    reported once otherwise, with the nearest recomputation; found by
    bisection, since trying every cost of X made ``check`` quadratic (and
    1,250 costs of one subject gave 1.5 million error lines).
    """

    def __init__(self, costs: Iterable[Cost]) -> None:
        lists: dict[tuple[str, str], list[tuple[float, int, Amount, Cost]]] = {}
        for n, cost in enumerate(costs):
            firsts: dict[str, Amount] = {}
            for amount in cost.amounts:
                firsts.setdefault(amount.unit, amount)
            for term in {t.casefold() for t in cost.subject.all()}:
                for unit, amount in firsts.items():
                    if amount.value > 0:
                        lists.setdefault((term, unit), []).append((amount.value, n, amount, cost))
        for entries in lists.values():
            entries.sort(key=lambda e: (e[0], e[1]))
        self._values = {key: [e[0] for e in entries] for key, entries in lists.items()}
        self._entries = lists

    def best(self, cost: Cost, ratio: float) -> tuple[_Candidate, bool] | None:
        """The recomputation that bears ``ratio`` out, or else the nearest; None if none."""
        assert cost.ratio is not None
        nearest: _Candidate | None = None
        for term in {t.casefold() for t in cost.ratio.of.all()}:
            for mine in cost.amounts:
                if mine.value <= 0:
                    continue
                for found in self._near(term, mine, cost, ratio):
                    if derive.matches(found.computed, ratio):
                        return found, True
                    if nearest is None or abs(found.computed - ratio) < abs(
                        nearest.computed - ratio
                    ):
                        nearest = found
        return (nearest, False) if nearest is not None else None

    def _near(self, term: str, mine: Amount, cost: Cost, ratio: float) -> Iterator[_Candidate]:
        """The other costs whose amount, divided into mine, comes closest to ``ratio``."""
        values = self._values.get((term, mine.unit))
        if not values:
            return
        entries = self._entries[(term, mine.unit)]
        # mine / theirs falls as theirs grows: the closest lie beside mine / ratio.
        at = bisect.bisect_left(values, mine.value / ratio) if ratio > 0 else len(values)
        for step in (range(at, len(values)), range(at - 1, -1, -1)):
            for k in step:
                _, _, theirs, other = entries[k]
                if other.id != cost.id:
                    yield _Candidate(mine.value / theirs.value, mine, theirs, other)
                    break


def _ratio_finding(cost: Cost, index: int, others: CostIndex) -> _Finding | None:
    ratio = cost.ratio
    if ratio is None:
        return None
    found = others.best(cost, ratio.value)
    if found is None:
        return None  # no cost of what it is a ratio of: nothing to compare with
    (computed, mine, theirs, other), ok = found
    basis = f"{mine.printed} / {theirs.printed} ({other.id})"
    shown = _num(computed, 3)
    return _Finding(
        Derived(cost.id, "ratio recomputed", shown, basis, ratio.printed, ok),
        ("costs", index, "ratio", "value"),
        message=None
        if ok
        else Phrase(
            "check.ratio",
            {
                "printed": ratio.printed,
                "value": _num(ratio.value),
                "of": ratio.of,  # named in the message's language
                "shown": shown,
                "basis": basis,
            },
        ),
    )


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _printed_path(path: DataPath) -> DataPath:
    """Where a figure's printed form sits: beside its value (``change`` has ``change_printed``)."""
    if path and path[-1] == "value":
        return (*path[:-1], "printed")
    return (*path[:-1], f"{path[-1]}_printed")


def _said_why(fact: Fact, printed: str) -> bool:
    """The fact's note quotes the printed form: it says why it is not in the passage."""
    notes = fact.note.all() if fact.note else ()
    return any(f"'{printed}'" in note or f"“{printed}”" in note for note in notes)


def _printed_findings(section: str, index: int, fact: Fact) -> Iterator[_Finding]:
    """Every recorded number against the article's printed form of it, and that
    printed form against the passage: it must appear there (spaces aside), or
    the fact's note must quote it to say why not."""
    passages = [_squeezed(p) for p in fact.passage]
    for figure in kinds.by_section(section).figures(fact):
        printed = _squeezed(figure.printed)
        if (
            printed
            and not any(printed in p for p in passages)
            and not _said_why(fact, figure.printed)
        ):
            yield _Finding(
                None,
                (section, index, *_printed_path(figure.path)),
                message=Phrase("check.printed_missing", {"printed": figure.printed, "id": fact.id}),
            )
        parsed = derive.parse_printed(figure.printed)
        if parsed is None or derive.printed_matches(figure.value, parsed):
            continue
        yield _Finding(
            None,
            (section, index, *figure.path),
            message=Phrase(
                "check.printed_value",
                {
                    "value": _num(figure.value),
                    "printed": figure.printed,
                    "read": _num(parsed.value),
                    "tolerance": _num(parsed.tolerance),
                },
            ),
        )


def _findings(base: FactBase) -> Iterator[_Finding]:
    top = TopScores(_of(base, "scores", Score))
    for i, gap in enumerate(_of(base, "gaps", Gap)):
        yield from _gap_findings(gap, i, top)
    for i, move in enumerate(_of(base, "market", MarketMove)):
        yield from _market_findings(move, i)
    costs = _of(base, "costs", Cost)
    index = CostIndex(costs)
    for i, cost in enumerate(costs):
        yield from _cost_findings(cost, i, index)
    for section in kinds.sections():
        for i, fact in enumerate(base.section(section)):
            yield from _printed_findings(section, i, fact)


def _of(base: FactBase, section: str, record: type[F]) -> list[F]:
    return [fact for fact in base.section(section) if isinstance(fact, record)]


def cross_check(base: FactBase) -> list[tuple[DataPath, Severity, Phrase]]:
    """Every recomputed figure that disagrees with a reported one, in catalogue words."""
    return [(f.path, f.severity, f.message) for f in _findings(base) if f.message is not None]


def derived_for(store: Store, fact: Fact) -> list[Derived]:
    """The figures ``aigap show`` prints beside ``fact``'s reported ones."""
    if isinstance(fact, Gap):
        top = TopScores(store.records_about(kinds.score.KIND, fact.benchmark))
        found = [f.derived for f in _gap_findings(fact, 0, top)]
    elif isinstance(fact, Score):
        top = TopScores(store.records_about(kinds.score.KIND, fact.benchmark))
        gaps = store.records_about(kinds.gap.KIND, fact.benchmark)
        return list(_score_findings(fact, top, gaps))
    elif isinstance(fact, MarketMove):
        found = [f.derived for f in _market_findings(fact, 0)]
    elif isinstance(fact, Cost):
        others = CostIndex(store.records(kinds.cost.KIND) if fact.ratio is not None else [])
        found = [f.derived for f in _cost_findings(fact, 0, others)]
    else:
        return []
    return [d for d in found if d is not None]
