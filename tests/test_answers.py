"""The answers layer on the shipped base: benchmark lookup, gap rows, the timeline,
and the rows and layouts behind scores, market, costs, quotes, facts, sources,
search and show."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigap import kinds
from aigap.answers.costs import cost_rows
from aigap.answers.facts import fact_rows
from aigap.answers.gaps import gap_rows
from aigap.answers.lookup import find_benchmark, find_record, kind_of
from aigap.answers.market import market_rows
from aigap.answers.quotes import quote_rows
from aigap.answers.scores import score_rows
from aigap.answers.search import Found, search, searchable
from aigap.answers.sources import source_rows, sources_of
from aigap.answers.timeline import story
from aigap.core.dates import parse_partial_date
from aigap.core.errors import AigapError, UnknownName
from aigap.core.model import Amount, Fact, PartialDate, Text
from aigap.core.numbers import amount_text, with_unit
from aigap.factfiles.validate import cited_sources
from aigap.opener import open_store
from aigap.output.costs import costs_listing
from aigap.output.facts import fact_summary, facts_listing
from aigap.output.market import market_listing
from aigap.output.scores import scores_listing
from aigap.output.search import search_listing
from aigap.output.show import detail_rows, record_detail, show_listing
from aigap.store.queries import Store

from .conftest import SEARCH_HIT_FIELDS


@pytest.fixture
def store(facts_path: Path) -> Store:
    return open_store(str(facts_path))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mmlu", "mmlu"),
        ("MMLU", "mmlu"),
        ("human-eval", "humaneval"),
        ("HumanEval", "humaneval"),
        ("Human Eval", "humaneval"),
        ("arena", "chatbot-arena"),
        ("chatbot-arena", "chatbot-arena"),
        ("LMSYS", "chatbot-arena"),
        ("수학", "math"),
        ("챗봇 아레나", "chatbot-arena"),
    ],
)
def test_find_benchmark_accepts_what_users_type(store: Store, typed: str, expected: str) -> None:
    assert find_benchmark(store, typed).id == expected


def test_unknown_benchmark_lists_known_and_suggests(store: Store) -> None:
    with pytest.raises(UnknownName) as caught:
        find_benchmark(store, "mmlx")
    lines = caught.value.message.split("\n")
    assert lines[0] == "unknown benchmark 'mmlx'"
    assert lines[1] == "did you mean 'mmlu'?"
    assert lines[2].startswith("known benchmarks: ")
    for known in ("mmlu", "mmmu", "math", "humaneval", "chatbot-arena"):
        assert known in lines[2]


def test_mmlu_gap(store: Store) -> None:
    (row,) = gap_rows(store, "mmlu")
    assert (row.then.value, row.now.value) == (17.5, 0.3)
    assert row.gap.unit == "pp"
    assert row.change == -17.2
    assert row.times_narrower == pytest.approx(58.33, abs=0.01)
    assert row.source.id == "nocut-2025-04-08"


def test_all_gaps_grouped_by_unit_and_sorted_by_todays_gap(store: Store) -> None:
    rows = gap_rows(store, None)
    units = [r.gap.unit for r in rows]
    assert units == sorted(units, key=units.index)  # each unit in one block
    for unit in set(units):
        today = [r.now.value for r in rows if r.gap.unit == unit]
        assert today == sorted(today, reverse=True)
    assert {r.benchmark.id for r in rows} == {"mmlu", "mmmu", "math", "humaneval", "chatbot-arena"}


def events_base(tmp_path: Path, dated: list[tuple[str, tuple[str, ...]]]) -> Store:
    """A fact file of one source and events with these dates and tags, as a store."""
    lines = [
        "schema: 1",
        "sources:",
        "  - {id: s, outlet: {en: O}, headline: {ko: H}, byline: {en: B},"
        " published: 2025-04-08, language: ko}",
        "events:",
    ]
    for date, tags in dated:
        precision = ("year", "month", "day")[date.count("-")]
        lines.append(
            f"  - {{id: e-{date}, source: s, passage: p, passage_en: p, date: '{date}',"
            f" precision: {precision}, what: {{en: x}}, tags: [{', '.join(tags)}]}}"
        )
    path = tmp_path / "events.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return open_store(str(path))


def timeline(
    store: Store,
    since: PartialDate | None = None,
    until: PartialDate | None = None,
    tags: tuple[str, ...] = (),
) -> list[PartialDate]:
    """The dates of the events on the timeline, in its order."""
    return [line.date for line in story(store, "en", since, until, tags, ["events"]).lines]


def test_timeline_sorts_year_before_month_before_day(tmp_path: Path) -> None:
    store = events_base(
        tmp_path, [("2025-01-20", ()), ("2025-01", ()), ("2025", ()), ("2024-12", ())]
    )
    assert [d.iso for d in timeline(store)] == ["2024-12", "2025", "2025-01", "2025-01-20"]


def test_timeline_filters_by_overlapping_range_and_tag(tmp_path: Path) -> None:
    store = events_base(tmp_path, [("2025-01-20", ("market",)), ("2025-01", ()), ("2024-12", ())])
    since = parse_partial_date("2025-01-20")
    assert [d.iso for d in timeline(store, since=since)] == ["2025-01", "2025-01-20"]
    until = parse_partial_date("2024")
    assert [d.iso for d in timeline(store, until=until)] == ["2024-12"]
    assert [d.iso for d in timeline(store, tags=("MARKET",))] == ["2025-01-20"]


def test_shipped_timeline_is_in_date_order(store: Store) -> None:
    dates = timeline(store)
    keys = [d.sort_key for d in dates]
    assert keys == sorted(keys)
    assert "2025-01-20" in [d.iso for d in dates]


def test_bad_partial_date() -> None:
    from aigap.core.errors import AigapError

    with pytest.raises(AigapError, match="bad date"):
        parse_partial_date("20250120")


def test_scores_ranked_within_each_benchmark(store: Store) -> None:
    rows = score_rows(store, None)
    assert [r.benchmark.id for r in rows] == [
        "chatbot-arena",
        "chatbot-arena",
        "chatbot-arena",
        "aime-2024",
        "aime-2024",
        "math-500",
    ]
    assert [(r.rank, r.score.value, r.margin) for r in rows[:3]] == [
        (1, 1385, 19),
        (2, 1366, 4),
        (3, 1362, None),
    ]
    # rounded to the inputs' precision: no 0.6000000000000085
    assert rows[3].margin == 0.6 and rows[3].next_id == "score-aime-o1"


def test_scores_of_one_benchmark_by_alias(store: Store) -> None:
    assert [r.score.id for r in score_rows(store, "math500")] == ["score-math500-r1"]
    with pytest.raises(UnknownName):
        score_rows(store, "no-such-bench")
    with pytest.raises(AigapError, match="benchmarks with scores: chatbot-arena"):
        score_rows(store, "humaneval")


def test_market_biggest_fall_first_companies_before_indexes(store: Store) -> None:
    rows = market_rows(store)
    assert [r.move.subject.en for r in rows] == [
        "Broadcom",
        "Nvidia",
        "Oracle",
        "Super Micro Computer",
        "Nasdaq index",
    ]


def test_quote_rows_match_part_of_a_name_in_either_language(store: Store) -> None:
    assert len(quote_rows(store)) == len(store.records("quotes"))
    assert {r.quote.speaker.en for r in quote_rows(store, "트럼프")} == {"Donald Trump"}
    assert {r.quote.speaker.en for r in quote_rows(store, " kai-fu ")} == {"Kai-Fu Lee"}
    assert quote_rows(store, "nobody") == []


def test_section_named() -> None:
    assert kinds.section_named("claim") == "claims"
    assert kinds.section_named(" Market ") == "market"
    assert kinds.section_named("scores") == "scores"
    assert kinds.section_named("rumour") is None


def test_every_fact_has_a_one_line_summary(store: Store) -> None:
    benchmarks = {b.id: b for b in store.benchmarks()}
    facts = fact_rows(store)
    assert len(facts) == sum(
        n for source, n in source_rows_counts(store).items() if source in ARTICLES
    )
    for fact in facts:
        for lang in ("en", "ko"):
            summary = fact_summary(fact, lang, benchmarks)
            assert summary and "\n" not in summary
    gap = store.record("gap-mmlu")
    assert fact_summary(gap, "en", benchmarks) == (
        "MMLU: 17.5 pp (end of 2023) → 0.3 pp (end of 2024)"
    )
    nvidia = store.record("market-nvidia-2025-01-27")
    assert fact_summary(nvidia, "en", benchmarks) == (
        "Nvidia -16.9%, close $118.42, lost ~850 trillion won"
    )


def source_rows_counts(store: Store) -> dict[str, int]:
    return {r.source.id: r.facts for r in source_rows(store)}


ARTICLES = ("nocut-2025-04-08", "mk-2025-01-29")  # every fact's own source is one of them


def citing(facts: list[Fact], source: str) -> int:
    """How many facts cite ``source``: as their article, a primary note's or a quote's
    original words' source."""
    return sum(1 for f in facts if source in {f.source, *(s for _, s in cited_sources(f))})


def test_source_rows_count_facts(store: Store) -> None:
    facts = store.all_facts()
    counts = source_rows_counts(store)
    assert counts == {s.id: citing(facts, s.id) for s in store.sources()}
    assert counts["ai-index-2025"] > 0  # cited only as primary: it is no unused source


def test_search_weights_names_over_passages(store: Store) -> None:
    found = search(store, ["nvidia"], None)
    hits = found.hits
    # the answer first, then the entity's card (its page is `aigap show nvidia`) among
    # the first three: a card never pushes the answering fact out of them
    assert hits[0].record.id == "market-nvidia-2025-01-27"
    assert hits[0].field == "subject"
    assert "nvidia" in [h.record.id for h in hits[:3]]
    assert found.total == len(hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert search(store, ["  "], None).hits == []
    assert search(store, ["NVIDIA"], None).hits == hits
    assert search(store, ["nvidia"], 2).hits == hits[:2]
    assert search(store, ["nvidia"], 2).total == found.total


def test_search_exact_id_first_and_benchmark_aliases(store: Store) -> None:
    assert search(store, ["score-aime-o1"], 5).hits[0].record.id == "score-aime-o1"
    kinds = {h.record.id: h.kind for h in search(store, ["lmsys"], None).hits}
    assert kinds["chatbot-arena"] == "benchmark"
    assert kinds["score-arena-google-2025-02"] == "score"  # through its benchmark's alias


def test_snippet_cuts_at_word_boundaries(store: Store) -> None:
    benchmarks = {b.id: b for b in store.benchmarks()}
    for hit in search(store, ["deepseek", "cost"], None).hits:
        assert "\n" not in hit.snippet
        inner = hit.snippet.strip("…")
        texts = [" ".join(t.split()) for f, t, _ in searchable(hit.record, benchmarks)]
        where = [(t, t.find(inner)) for t in texts if f"{inner}" in t]
        assert where, (hit.record.id, hit.snippet)

        def whole(text: str, at: int, inner: str = inner) -> bool:
            before = text[at - 1] if at > 0 else " "
            after = text[at + len(inner)] if at + len(inner) < len(text) else " "
            return not before.isalnum() and not after.isalnum()

        # the field the snippet comes from holds it cut at word boundaries
        assert any(whole(text, at) for text, at in where), (hit.record.id, hit.snippet)


def test_find_record_any_kind_and_suggestions(store: Store) -> None:
    assert kind_of(find_record(store, "mmlu")) == "benchmark"
    assert kind_of(find_record(store, "mk-2025-01-29")) == "source"
    assert kind_of(find_record(store, " GAP-MMLU ")) == "gap"
    with pytest.raises(UnknownName) as caught:
        find_record(store, "nvida")
    assert caught.value.suggestion == "nvidia"  # the entity's id
    with pytest.raises(UnknownName) as caught:
        find_record(store, "qqqqqqqq")
    assert caught.value.suggestion is None


def test_record_detail_uses_file_names_and_iso_dates(store: Store) -> None:
    data = record_detail(store.record("market-nvidia-2025-01-27"))
    assert list(data)[:2] == ["id", "kind"]
    assert data["kind"] == "market" and data["subject_kind"] == "company"
    assert data["date"] == "2025-01-27"
    assert data["close"] == {
        "value": 118.42,
        "unit": "usd",
        "printed": "118.42달러",
        "approx": False,
        "label": {"en": "closing price", "ko": "종가"},
    }
    assert data["previous_close"] is None


def test_amount_text() -> None:
    assert amount_text(Amount(5580000, "usd", "558만 달러"), "en") == "$5.58 million"
    assert amount_text(Amount(5580000, "usd", "558만 달러"), "ko") == "558만 달러"
    assert amount_text(Amount(7.88e9, "krw", "약 78억8000만원", True), "en") == "~7.88 billion won"
    assert amount_text(Amount(850e12, "krw", "약 850조원", True), "en") == "~850 trillion won"
    assert amount_text(Amount(118.42, "usd", "118.42달러"), "en") == "$118.42"
    assert amount_text(Amount(2, "usd_per_hour", "시간당 2달러"), "en") == "$2/GPU-hour"
    assert amount_text(Amount(2, "months", "2달간"), "en") == "2 months"


def test_score_value() -> None:
    assert with_unit(1385, "elo") == "1385"
    assert with_unit(79.8, "percent") == "79.8%"


def test_listing_records_match_cells(store: Store) -> None:
    scores = scores_listing(score_rows(store, None), "en")
    assert len(scores.records) == 6
    assert scores.cells is not None and len(scores.cells) == 6 + 3  # a header row per benchmark
    market = market_listing(market_rows(store), "ko")
    assert market.title == "증시 등락, 2025-01-27"
    costs = costs_listing(cost_rows(store), "en")
    assert costs.records[0]["amount_values"] == [5580000, 7880000000]
    facts = fact_rows(store, "claims")
    benchmarks = {b.id: b for b in store.benchmarks()}
    listing = facts_listing(facts, benchmarks, sources_of(store, facts), "en")
    assert {r["kind"] for r in listing.records} == {"claim"}


def test_empty_listings_keep_their_field_names() -> None:
    listing = search_listing(Found("nothing", [], 0), "en")
    assert listing.records == [] and list(listing.fields or ()) == SEARCH_HIT_FIELDS


def test_detail_rows_show_both_languages(store: Store) -> None:
    rows = dict(detail_rows(store.record("quote-trump-wake-up-call"), "en"))
    assert rows["speaker"] == "Donald Trump"
    assert rows["speaker (ko)"] == "도널드 트럼프"
    assert rows["passage (verbatim)"].startswith("“도널드 트럼프")
    korean = dict(detail_rows(store.record("quote-trump-wake-up-call"), "ko"))
    assert korean["발언자"] == "도널드 트럼프" and korean["발언자 (영어)"] == "Donald Trump"


def test_show_listing_marks_derived_values(store: Store) -> None:
    import msgspec

    class Derived(msgspec.Struct, frozen=True):
        label: str
        value: str
        basis: str

    listing = show_listing(
        store.record("gap-mmlu"), "a citation", [Derived("x", "1", "because")], [], "en"
    )
    fields = [r["field"] for r in listing.records]
    assert fields[-3:] == ["citation", "Derived", "x"]
    assert "not in the article" in listing.records[-2]["value"]


def test_text_fallback() -> None:
    assert Text(None, "한국어").get("en") == "한국어"
