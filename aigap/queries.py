"""Questions users ask, answered as plain records: no Typer, no Rich."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from aigap import derive, kinds
from aigap.errors import AigapError
from aigap.kinds.event import Event
from aigap.kinds.gap import Gap, GapValue
from aigap.model import Benchmark, Fact, Lang, PartialDate, Source
from aigap.validate import normalize_name

if TYPE_CHECKING:
    from aigap.store import Store


class UnknownName(AigapError):
    """A benchmark or id the fact base does not know; lists what it does."""

    def __init__(
        self,
        what: str,
        name: str,
        known: Sequence[str],
        names: dict[str, str],
        suggestion: str | None = None,
    ) -> None:
        lines = [f"unknown {what} {name!r}"]
        self.suggestion = suggestion or suggest(name, names)
        if self.suggestion:
            lines.append(f"did you mean {self.suggestion!r}?")
        if known:
            lines.append(f"known {what}s: {', '.join(known)}")
        super().__init__("\n".join(lines))


def suggest(name: str, names: dict[str, str]) -> str | None:
    """The id whose name (any alias, normalized) is closest to ``name``."""
    import difflib

    by_norm = {normalize_name(n): target for n, target in names.items() if normalize_name(n)}
    close = difflib.get_close_matches(normalize_name(name), list(by_norm), n=1, cutoff=0.6)
    return by_norm[close[0]] if close else None


def find_benchmark(store: Store, name: str, kinds: Sequence[str] = ("gaps",)) -> Benchmark:
    """Resolve what a user typed (id, alias, Korean name) to a benchmark."""
    found = store.benchmark_named(normalize_name(name))
    if found is not None:
        return found  # type: ignore[no-any-return]
    benchmarks = store.records("benchmarks")
    with_facts = {f.benchmark for kind in kinds for f in store.records(kind)}
    relevant = [b for b in benchmarks if b.id in with_facts] or benchmarks
    names = {n: b.id for b in relevant for n in (b.id, *b.aliases, *b.name.all())}
    raise UnknownName("benchmark", name, [b.id for b in relevant], names)


class GapRow(msgspec.Struct, frozen=True):
    benchmark: Benchmark
    gap: Gap
    source: Source

    @property
    def then(self) -> GapValue:
        return self.gap.values[0]

    @property
    def now(self) -> GapValue:
        return self.gap.values[-1]

    @property
    def change(self) -> float:
        return derive.change(self.then.value, self.now.value)

    @property
    def times_narrower(self) -> float | None:
        return derive.times_narrower(self.then.value, self.now.value)


def gap_rows(store: Store, name: str | None) -> list[GapRow]:
    """One row per gap fact: of one benchmark, or all sorted by unit then today's gap."""
    if name is not None:
        bench = find_benchmark(store, name)
        gaps = store.records_about("gaps", bench.id)
        benchmarks = {bench.id: bench}
    else:
        gaps = store.records("gaps")
        benchmarks = {b.id: b for b in store.records("benchmarks")}
    sources = sources_of(store, gaps)
    rows = [GapRow(benchmarks[g.benchmark], g, sources[g.source]) for g in gaps]
    return sort_gap_rows(rows) if name is None else rows


def sort_gap_rows(rows: list[GapRow]) -> list[GapRow]:
    """Grouped by unit (in order of first appearance), largest gap today first."""
    unit_order: dict[str, int] = {}
    for row in rows:
        unit_order.setdefault(row.gap.unit, len(unit_order))
    return sorted(rows, key=lambda r: (unit_order[r.gap.unit], -r.now.value))


def gap_record(row: GapRow, lang: Lang) -> dict[str, Any]:
    """The flat, documented record for JSON, CSV and Markdown."""
    gap, src = row.gap, row.source
    return {
        "fact_id": gap.id,
        "benchmark": row.benchmark.id,
        "name": row.benchmark.name.get(lang),
        "unit": gap.unit,
        "printed_unit": gap.printed_unit,
        "then_date": row.then.date.iso,
        "then_label": row.then.label.get(lang),
        "then_value": row.then.value,
        "then_printed": row.then.printed,
        "now_date": row.now.date.iso,
        "now_label": row.now.label.get(lang),
        "now_value": row.now.value,
        "now_printed": row.now.printed,
        "change_pp": row.change,
        "times_narrower": None if row.times_narrower is None else round(row.times_narrower, 2),
        **_source_fields(src, lang),
        "passage": _passage(gap),
    }


def parse_partial_date(text: str) -> PartialDate:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD."""
    from aigap.validate import Checker, date

    checker = Checker()
    parsed = date(checker, text, ())
    if checker.issues:
        raise AigapError(checker.issues[0].message)
    return parsed  # type: ignore[no-any-return]


def _span(d: PartialDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    return (d.year, d.month or 1, d.day or 1), (d.year, d.month or 12, d.day or 31)


def timeline(
    events: Iterable[Event],
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    tags: Sequence[str] = (),
) -> list[Event]:
    """Events in date order; a partial date matches a range it overlaps."""
    wanted = {t.casefold() for t in tags}
    chosen = []
    for event in events:
        start, end = _span(event.date)
        if since is not None and end < _span(since)[0]:
            continue
        if until is not None and start > _span(until)[1]:
            continue
        if wanted and not wanted.intersection(t.casefold() for t in event.tags):
            continue
        chosen.append(event)
    return sorted(chosen, key=lambda e: e.date.sort_key)


def event_record(event: Event, source: Source, lang: Lang) -> dict[str, Any]:
    return {
        "fact_id": event.id,
        "date": event.date.iso,
        "precision": event.date.precision,
        "what": event.what.get(lang),
        "who": event.who.get(lang) if event.who else None,
        "tags": list(event.tags),
        "inferred": event.inferred,
        **_source_fields(source, lang),
        "passage": _passage(event),
    }


def sources_of(store: Store, facts: Iterable[Any]) -> dict[str, Source]:
    """The sources the facts cite, each read once, by id."""
    return {sid: store.source(sid) for sid in dict.fromkeys(f.source for f in facts)}


# --- Listings of every fact kind (scores, market, costs, quotes, facts, sources,
# search, show). Each returns plain records; listings.py lays them out.

COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "US": {"en": "US", "ko": "미국"},
    "CN": {"en": "CN", "ko": "중국"},
}
# A margin between two scores is in points for Elo-style ratings and in
# percentage points for accuracies (a difference of two percentages).
MARGIN_UNITS: dict[str, str] = {"percent": "pp", "pp": "pp"}


def kind_of(record: Source | Benchmark | Fact) -> str:
    """The singular kind of any record: a fact kind, 'source' or 'benchmark'."""
    if isinstance(record, Source):
        return "source"
    if isinstance(record, Benchmark):
        return "benchmark"
    return record.kind


def _source_fields(source: Source, lang: Lang) -> dict[str, Any]:
    return {
        "source_id": source.id,
        "source_outlet": source.outlet.get(lang),
        "source_published": source.published.iso,
        "source_published_inferred": source.published_inferred,
    }


def _passage(fact: Any) -> str:
    return " ".join(fact.passage)


# Scores ------------------------------------------------------------------


class ScoreRow(msgspec.Struct, frozen=True):
    benchmark: Benchmark
    score: Any  # model.Score
    source: Source
    rank: int
    margin: float | None  # to the next-ranked model on the same benchmark
    next_id: str | None


def score_rows(store: Store, name: str | None) -> list[ScoreRow]:
    """Scores ranked within each benchmark (highest first), benchmarks in file order."""
    benchmarks = {b.id: b for b in store.records("benchmarks")}
    if name is not None:
        bench = find_benchmark(store, name, kinds=("scores",))
        scores = store.records_about("scores", bench.id)
        if not scores:
            with_scores = dict.fromkeys(s.benchmark for s in store.records("scores"))
            raise AigapError(
                f"no scores for benchmark {bench.id!r}"
                f" (benchmarks with scores: {', '.join(with_scores) or 'none'})"
            )
    else:
        scores = store.records("scores")
    sources = sources_of(store, scores)
    order = list(benchmarks)
    by_bench: dict[str, list[Any]] = {}
    for score in scores:
        by_bench.setdefault(score.benchmark, []).append(score)
    rows: list[ScoreRow] = []
    for bench_id in sorted(by_bench, key=order.index):
        # a stable sort keeps file order between equal values
        ranked = sorted(by_bench[bench_id], key=lambda s: -s.value)
        for i, score in enumerate(ranked):
            after = ranked[i + 1] if i + 1 < len(ranked) else None
            margin = derive.change(after.value, score.value) if after is not None else None
            rows.append(
                ScoreRow(
                    benchmarks[bench_id],
                    score,
                    sources[score.source],
                    i + 1,
                    margin,
                    after.id if after is not None else None,
                )
            )
    return rows


def margin_unit(unit: str) -> str:
    return MARGIN_UNITS.get(unit, unit)


def score_record(row: ScoreRow, lang: Lang) -> dict[str, Any]:
    score = row.score
    return {
        "fact_id": score.id,
        "benchmark": row.benchmark.id,
        "benchmark_name": row.benchmark.name.get(lang),
        "rank": row.rank,
        "model": score.model.get(lang),
        "organization": score.organization.get(lang),
        "country": score.country,
        "date": score.date.iso,
        "value": score.value,
        "unit": score.unit,
        "printed": score.printed,
        "margin_to_next": row.margin,
        "margin_unit": margin_unit(score.unit) if row.margin is not None else None,
        "next_fact_id": row.next_id,
        "inferred": score.inferred,
        **_source_fields(row.source, lang),
        "passage": _passage(score),
    }


# Market ------------------------------------------------------------------


class MarketRow(msgspec.Struct, frozen=True):
    move: Any  # model.MarketMove
    source: Source


def market_rows(store: Store) -> list[MarketRow]:
    """By trading day, companies before indexes, biggest fall first."""
    moves = store.records("market")
    sources = sources_of(store, moves)
    ordered = sorted(moves, key=lambda m: (m.date.sort_key, m.subject_kind != "company", m.change))
    return [MarketRow(m, sources[m.source]) for m in ordered]


def _amount_fields(prefix: str, amount: Any) -> dict[str, Any]:
    return {
        f"{prefix}_value": amount.value if amount else None,
        f"{prefix}_unit": amount.unit if amount else None,
        f"{prefix}_printed": amount.printed if amount else None,
        f"{prefix}_approx": amount.approx if amount else None,
    }


def market_record(row: MarketRow, lang: Lang) -> dict[str, Any]:
    move = row.move
    return {
        "fact_id": move.id,
        "date": move.date.iso,
        "subject": move.subject.get(lang),
        "subject_kind": move.subject_kind,
        "change_percent": move.change,
        "change_printed": move.change_printed,
        **_amount_fields("close", move.close),
        **_amount_fields("previous_close", move.previous_close),
        **_amount_fields("value_lost", move.value_lost),
        "inferred": move.inferred,
        **_source_fields(row.source, lang),
        "passage": _passage(move),
    }


# Costs -------------------------------------------------------------------


class CostRow(msgspec.Struct, frozen=True):
    cost: Any  # model.Cost
    source: Source


def cost_rows(store: Store) -> list[CostRow]:
    costs = store.records("costs")
    sources = sources_of(store, costs)
    return [CostRow(c, sources[c.source]) for c in costs]


def cost_record(row: CostRow, lang: Lang) -> dict[str, Any]:
    cost = row.cost
    ratio = cost.ratio
    # parallel lists, so CSV gets one column per attribute, not nested objects
    return {
        "fact_id": cost.id,
        "subject": cost.subject.get(lang),
        "claim": cost.claim.get(lang),
        "amount_values": [a.value for a in cost.amounts],
        "amount_units": [a.unit for a in cost.amounts],
        "amount_printed": [a.printed for a in cost.amounts],
        "amount_approx": [a.approx for a in cost.amounts],
        "amount_labels": [a.label.get(lang) if a.label else None for a in cost.amounts],
        "ratio_value": ratio.value if ratio else None,
        "ratio_printed": ratio.printed if ratio else None,
        "ratio_of": ratio.of.get(lang) if ratio else None,
        "inferred": cost.inferred,
        **_source_fields(row.source, lang),
        "passage": _passage(cost),
    }


# Quotes ------------------------------------------------------------------


class QuoteRow(msgspec.Struct, frozen=True):
    quote: Any  # model.Quote
    source: Source


def quote_rows(store: Store, who: str | None = None) -> list[QuoteRow]:
    """Quotes in file order; ``who`` matches part of the speaker's name (en or ko)."""
    quotes = store.records("quotes")
    if who:
        wanted = who.casefold().strip()
        quotes = [q for q in quotes if any(wanted in t.casefold() for t in q.speaker.all())]
    sources = sources_of(store, quotes)
    return [QuoteRow(q, sources[q.source]) for q in quotes]


QUOTE_FIELDS = (
    "fact_id",
    "speaker",
    "role",
    "said_ko",
    "said_en",
    "date",
    "channel",
    "inferred",
    "source_id",
    "source_outlet",
    "source_published",
    "source_published_inferred",
    "passage",
)


def quote_record(row: QuoteRow, lang: Lang) -> dict[str, Any]:
    quote = row.quote
    return {
        "fact_id": quote.id,
        "speaker": quote.speaker.get(lang),
        "role": quote.role.get(lang) if quote.role else None,
        "said_ko": quote.said.ko,
        "said_en": quote.said.en,
        "date": quote.date.iso if quote.date else None,
        "channel": quote.channel.get(lang) if quote.channel else None,
        "inferred": quote.inferred,
        **_source_fields(row.source, lang),
        "passage": _passage(quote),
    }


# Every fact: one-line summaries ---------------------------------------------


def fact_date(fact: Fact) -> PartialDate | None:
    """The date a fact is about (a gap's: its latest value's)."""
    return kinds.of(fact).date(fact)


def fact_summary(fact: Fact, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    """One line that says what a fact is, in ``lang``."""
    return kinds.of(fact).summary(fact, lang, benchmarks)


def fact_rows(store: Store, kind: str | None = None) -> list[Any]:
    """Every fact (of one section, e.g. 'claims'), in file order."""
    return store.records(kind) if kind else store.all_facts()


def fact_record(fact: Any, lang: Lang, benchmarks: dict[str, Benchmark]) -> dict[str, Any]:
    date = fact_date(fact)
    return {
        "fact_id": fact.id,
        "kind": fact.kind,
        "date": date.iso if date else None,
        "summary": fact_summary(fact, lang, benchmarks),
        "source_id": fact.source,
        "inferred": fact.inferred,
        "tags": list(fact.tags),
    }


FACT_FIELDS = ("fact_id", "kind", "date", "summary", "source_id", "inferred", "tags")


# Sources -----------------------------------------------------------------


class SourceRow(msgspec.Struct, frozen=True):
    source: Source
    facts: int


def source_rows(store: Store) -> list[SourceRow]:
    counts = store.fact_counts()
    return [SourceRow(s, counts.get(s.id, 0)) for s in store.records("sources")]


def source_record(row: SourceRow, lang: Lang) -> dict[str, Any]:
    src = row.source
    return {
        "source_id": src.id,
        "outlet": src.outlet.get(lang),
        "headline_ko": src.headline.ko,
        "headline_en": src.headline.en,
        "byline": src.byline.get(lang),
        "published": src.published.iso,
        "published_time": src.published_time,
        "published_inferred": src.published_inferred,
        "language": src.language,
        "file": src.file,
        "facts": row.facts,
    }


# One record in full (show, cite) -------------------------------------------


def find_record(store: Store, record_id: str) -> Any:
    """The source, benchmark or fact with this id; UnknownName (exit 2) otherwise."""
    wanted = record_id.strip()
    for candidate in dict.fromkeys((wanted, wanted.casefold())):
        found = store.record(candidate)
        if found is not None:
            return found
    ids = store.ids()
    # Whole ids first, then their parts ("nvida" -> "nvidia" -> market-nvidia-...);
    # a part never shadows a whole id.
    names = {part: i for i in ids for part in i.split("-") if not part.isdigit()}
    names.update({i: i for i in ids})
    guess = suggest(wanted, names)
    if guess is None:
        norm = normalize_name(wanted)
        guess = next((i for i in ids if norm and norm in normalize_name(i)), None)
    raise UnknownName("id", wanted, (), {}, suggestion=guess)


def record_data(value: Any) -> Any:
    """A record as JSON data with the fact file's field names and ISO dates."""
    from aigap.model import PartialDate, Text

    if isinstance(value, Text):
        return {k: v for k, v in (("en", value.en), ("ko", value.ko)) if v is not None}
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, msgspec.Struct):
        # a market move's 'kind' (company/index) stays 'subject_kind', as in the
        # model: 'kind' in aigap's output is always the record kind
        return {name: record_data(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, tuple | list):
        return [record_data(v) for v in value]
    return value


def record_detail(record: Any) -> dict[str, Any]:
    """``record_data`` with the record kind first."""
    data = record_data(record)
    return {"id": data.pop("id"), "kind": kind_of(record), **data}


class Detail(msgspec.Struct, frozen=True):
    """One record in full, with what ``show`` prints around it."""

    record: Any
    kind: str
    source: Source | None  # the article a fact comes from, or the source itself
    derived: list[Any]  # crosscheck.derived_for: values aigap computes
    related: dict[str, Any]  # facts about a benchmark, the fact count of a source


def detail(store: Store, record_id: str) -> Detail:
    record = find_record(store, record_id)
    kind = kind_of(record)
    if kind == "source":
        count = store.fact_counts().get(record.id, 0)
        return Detail(record, kind, record, [], {"facts": count})
    if kind == "benchmark":
        about = [f.id for k in ("gaps", "scores") for f in store.records_about(k, record.id)]
        return Detail(record, kind, None, [], {"facts": about})
    from aigap.crosscheck import derived_for

    return Detail(record, kind, store.source(record.source), list(derived_for(store, record)), {})


def derived_data(item: Any) -> dict[str, Any]:
    return {"label": item.label, "value": item.value, "basis": item.basis}
