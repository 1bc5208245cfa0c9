"""Query results laid out as Listings: the table cells, notes and records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aigap import derive
from aigap.kinds.event import Event
from aigap.kinds.gap import GapValue
from aigap.model import (
    UNITS,
    Amount,
    Benchmark,
    Lang,
    PartialDate,
    Ratio,
    Source,
    Text,
)
from aigap.queries import (
    COUNTRY_NAMES,
    FACT_FIELDS,
    QUOTE_FIELDS,
    CostRow,
    GapRow,
    MarketRow,
    QuoteRow,
    ScoreRow,
    SourceRow,
    cost_record,
    event_record,
    fact_record,
    gap_record,
    kind_of,
    margin_unit,
    market_record,
    quote_record,
    score_record,
    source_record,
)
from aigap.render import Column, Listing
from aigap.search import SEARCH_FIELDS, Found, search_record

BAR_WIDTH = 16
_LABELS: dict[str, dict[Lang, str]] = {
    "benchmark": {"en": "Benchmark", "ko": "벤치마크"},
    "then": {"en": "Then", "ko": "이전"},
    "now": {"en": "Now", "ko": "현재"},
    "change": {"en": "Change", "ko": "변화"},
    "narrower": {"en": "Narrower", "ko": "축소 배율"},
    "unit": {"en": "Unit", "ko": "단위"},
    "bars": {"en": "Gap then → now", "ko": "격차 이전 → 현재"},
    "date": {"en": "Date", "ko": "날짜"},
    "what": {"en": "What happened", "ko": "내용"},
    "who": {"en": "Who", "ko": "주체"},
    "source": {"en": "Source", "ko": "출처"},
}


def label(key: str, lang: Lang) -> str:
    return _LABELS[key][lang]


def unit_name(unit: str, printed: str | None = None) -> str:
    name = UNITS.get(unit, unit)
    if printed and printed != name:
        name += f' (article prints "{printed}")'
    return name


def source_line(source: Source, lang: Lang) -> str:
    date = source.published.iso + (" (date inferred)" if source.published_inferred else "")
    return f"{source.outlet.get(lang)}, {date}: {source.headline.get('ko')}"


def _value(value: float, unit: str) -> str:
    suffix = {"pp": " pp", "percent": "%"}.get(unit, "")
    return derive.format_number(value) + suffix


def _narrower(row: GapRow) -> str:
    times = row.times_narrower
    return "n/a" if times is None else f"{times:.1f}×"


def gap_listing(rows: Sequence[GapRow], lang: Lang, single: bool) -> Listing:
    records = [gap_record(r, lang) for r in rows]
    if single and rows:  # a benchmark with no gap recorded: the empty table
        return _single_gap(rows, records, lang)
    return _all_gaps(rows, records, lang)


def _single_gap(rows: Sequence[GapRow], records: list[dict[str, Any]], lang: Lang) -> Listing:
    row = rows[0]
    bench = row.benchmark
    columns = [
        Column("benchmark", label("benchmark", lang)),
        *(Column(f"v{i}", v.label.get(lang), numeric=True) for i, v in enumerate(row.gap.values)),
        Column("change", label("change", lang), numeric=True),
        Column("narrower", label("narrower", lang), numeric=True),
    ]
    cells = [
        [
            bench.name.get(lang),
            *(_value(v.value, r.gap.unit) for v in r.gap.values),
            _value(r.change, "pp"),
            _narrower(r),
        ]
        for r in rows
    ]
    title = f"US–China gap on {bench.name.get(lang)}"
    if bench.full_name:
        title += f" ({bench.full_name.get(lang)})"
    notes = []
    for r in rows:
        notes.append(f"Unit: {unit_name(r.gap.unit, r.gap.printed_unit)}; change in pp.")
        if r.gap.note:
            notes.append(f"Note: {r.gap.note.get(lang)}")
        notes.append(f"Source: {source_line(r.source, lang)} [{r.gap.id}]")
        notes.append(f"  “{' '.join(r.gap.passage)}”")
    return Listing(title, columns, records, cells=cells, notes=notes)


def bars(then: float, now: float, scale: float) -> str:
    """Two text bars, then and now, scaled so ``scale`` fills BAR_WIDTH."""

    def bar(value: float) -> str:
        cells = value / scale * BAR_WIDTH if scale > 0 else 0
        full = int(cells)
        return "█" * full + ("▏" if cells - full >= 0.125 or (value > 0 and full == 0) else "")

    return f"{bar(then)}\n{bar(now)}"


def _all_gaps(rows: Sequence[GapRow], records: list[dict[str, Any]], lang: Lang) -> Listing:
    columns = [
        Column("benchmark", label("benchmark", lang)),
        Column("then", label("then", lang), numeric=True),
        Column("now", label("now", lang), numeric=True),
        Column("change", label("change", lang), numeric=True),
        Column("narrower", label("narrower", lang), numeric=True),
        Column("bars", label("bars", lang), whole=True, optional=True),
    ]
    cells: list[list[Any]] = []
    groups: list[int] = []
    notes: list[str] = []
    units = list(dict.fromkeys(r.gap.unit for r in rows))
    for unit in units:
        group = [r for r in rows if r.gap.unit == unit]
        scale = max(max(r.then.value, r.now.value) for r in group)
        if cells:
            groups.append(len(cells))
        first = group[0]
        cells.append([f"[{unit_name(unit)}]", first.then.date.iso, first.now.date.iso, "", "", ""])
        for r in group:
            cells.append(
                [
                    r.benchmark.name.get(lang),
                    _value(r.then.value, unit),
                    _value(r.now.value, unit),
                    _value(r.change, "pp"),
                    _narrower(r),
                    bars(r.then.value, r.now.value, scale),
                ]
            )
    for unit in units:
        printed = next(r.gap.printed_unit for r in rows if r.gap.unit == unit)
        notes.append(f"{unit}: {unit_name(unit, printed)}")
    for source in {r.source.id: r.source for r in rows}.values():
        notes.append(f"Source: {source_line(source, lang)}")
    title = "US–China gaps: then and now (change in percentage points)"
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)


def timeline_listing(events: Sequence[Event], sources: dict[str, Source], lang: Lang) -> Listing:
    records = [event_record(e, sources[e.source], lang) for e in events]
    columns = [
        Column("date", label("date", lang), whole=True),
        Column("what", label("what", lang), ratio=1),
        Column("who", label("who", lang), max_width=18, optional=True),
        Column("source", label("source", lang), whole=True),
    ]
    cells = [
        [
            e.date.iso + ("*" if e.inferred else ""),
            e.what.get(lang),
            e.who.get(lang) if e.who else "",
            e.source,
        ]
        for e in events
    ]
    notes = []
    if any(e.inferred for e in events):
        notes.append("* date inferred from the article's relative wording (see aigap show ID)")
    for sid in dict.fromkeys(e.source for e in events):
        notes.append(f"{sid}: {source_line(sources[sid], lang)}")
    title = "Timeline" if lang == "en" else "타임라인"
    return Listing(title, columns, records, cells=cells, notes=notes)


# --- scores, market, costs, quotes, facts, sources, search, show -----------

_MORE_LABELS: dict[str, dict[Lang, str]] = {
    "rank": {"en": "#", "ko": "순위"},
    "model": {"en": "Model", "ko": "모델"},
    "country": {"en": "Country", "ko": "국가"},
    "score": {"en": "Score", "ko": "점수"},
    "margin": {"en": "Lead", "ko": "차이"},
    "subject": {"en": "Company or index", "ko": "기업·지수"},
    "move": {"en": "Move", "ko": "등락"},
    "close": {"en": "Close", "ko": "종가"},
    "lost": {"en": "Value lost", "ko": "시총 증발"},
    "claim": {"en": "Claim", "ko": "주장"},
    "amounts": {"en": "Amounts", "ko": "금액"},
    "ratio": {"en": "Ratio", "ko": "비율"},
    "speaker": {"en": "Speaker", "ko": "발언자"},
    "quote": {"en": "Quote", "ko": "발언"},
    "kind": {"en": "Kind", "ko": "종류"},
    "fact": {"en": "Fact", "ko": "사실"},
    "id": {"en": "Id", "ko": "ID"},
    "outlet": {"en": "Outlet", "ko": "매체"},
    "headline": {"en": "Headline", "ko": "제목"},
    "byline": {"en": "Byline", "ko": "기자"},
    "published": {"en": "Published", "ko": "발행일"},
    "facts": {"en": "Facts", "ko": "사실 수"},
    "match": {"en": "Match", "ko": "일치"},
    "field": {"en": "Field", "ko": "항목"},
    "value": {"en": "Value", "ko": "값"},
}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def more_label(key: str, lang: Lang) -> str:
    return _MORE_LABELS[key][lang]


def _every_row(rows: Sequence[Any]) -> list[int]:
    """A rule after every row: multi-line rows would otherwise run together."""
    return list(range(1, len(rows)))


def _sources_notes(sources: Sequence[Source], lang: Lang) -> list[str]:
    return [f"{s.id}: {source_line(s, lang)}" for s in {s.id: s for s in sources}.values()]


def _scaled(value: float) -> str:
    """5580000 -> '5.58 million': short enough to stay whole in a narrow column."""
    for size, word in _SCALES:
        if abs(value) >= size:
            scaled = value / size
            return f"{derive.format_number(scaled, min(derive.decimals(scaled), 3))} {word}"
    return derive.format_number(value)


def amount_text(amount: Any, lang: Lang) -> str:
    """An amount for a table: as printed in Korean, in words in English."""
    if lang == "ko":
        return str(amount.printed)
    unit = amount.unit
    if unit == "usd":
        text = "$" + _scaled(amount.value)
    elif unit == "krw":
        text = _scaled(amount.value) + " won"
    elif unit == "usd_per_hour":
        text = f"${derive.format_number(amount.value)}/hour"
    elif unit == "months":
        text = f"{derive.format_number(amount.value)} months"
    else:
        text = _value(amount.value, unit)
    # "~" for the article's 약 (about): "about " would widen a column that never wraps
    return ("~" if amount.approx else "") + text


def score_value(value: float, unit: str) -> str:
    # Arena ratings are written without a thousands separator ("1385점")
    if unit == "elo":
        return f"{value:g}"
    return _value(value, unit)


def _margin(row: ScoreRow) -> str:
    if row.margin is None:
        return ""
    unit = margin_unit(row.score.unit)
    number = f"{row.margin:+g}" if unit == "elo" else f"{derive.format_number(row.margin):s}"
    if unit != "elo" and not number.startswith("-"):
        number = "+" + number
    return number + (" pp" if unit == "pp" else "")


def scores_listing(rows: Sequence[ScoreRow], lang: Lang) -> Listing:
    records = [score_record(r, lang) for r in rows]
    columns = [
        Column("rank", more_label("rank", lang), numeric=True),
        Column("model", more_label("model", lang), ratio=1),
        Column("country", more_label("country", lang), whole=True),
        Column("score", more_label("score", lang), numeric=True),
        Column("margin", more_label("margin", lang), numeric=True),
        Column("date", label("date", lang), whole=True, optional=True),
    ]
    cells: list[list[Any]] = []
    groups: list[int] = []
    for bench_id in dict.fromkeys(r.benchmark.id for r in rows):
        group = [r for r in rows if r.benchmark.id == bench_id]
        if cells:
            groups.append(len(cells))
        bench = group[0].benchmark
        cells.append(["", f"[{bench.name.get(lang)}, {unit_name(group[0].score.unit)}]"] + [""] * 4)
        for r in group:
            s = r.score
            model = s.model.get(lang)
            org = s.organization.get(lang)
            cells.append(
                [
                    str(r.rank),
                    model if org in model else f"{model} ({org})",
                    COUNTRY_NAMES.get(s.country, {}).get(lang, s.country),
                    score_value(s.value, s.unit),
                    _margin(r),
                    s.date.iso + ("*" if s.inferred else ""),
                ]
            )
    notes = []
    if any(r.margin is not None for r in rows):
        notes.append("Lead: over the next model; Elo points for Arena, pp for accuracies.")
    if any(r.score.inferred for r in rows):
        notes.append("* date inferred from the article's relative wording (see aigap show ID)")
    notes.extend(_sources_notes([r.source for r in rows], lang))
    title = "Model scores, ranked" if lang == "en" else "모델 점수 순위"
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)


def market_listing(rows: Sequence[MarketRow], lang: Lang) -> Listing:
    records = [market_record(r, lang) for r in rows]
    columns = [
        Column("date", label("date", lang), whole=True, optional=True),
        Column("subject", more_label("subject", lang), ratio=1),
        Column("move", more_label("move", lang), numeric=True),
        Column("close", more_label("close", lang), numeric=True),
        Column("lost", more_label("lost", lang), numeric=True),
    ]
    cells: list[list[Any]] = []
    groups: list[int] = []
    previous: tuple[Any, ...] | None = None
    for r in rows:
        m = r.move
        key = (m.date.iso, m.subject_kind)
        if previous is not None and key != previous:
            groups.append(len(cells))
        previous = key
        cells.append(
            [
                m.date.iso + ("*" if m.inferred else ""),
                m.subject.get(lang),
                f"{derive.format_number(m.change)}%",
                amount_text(m.close, lang) if m.close else "",
                amount_text(m.value_lost, lang) if m.value_lost else "",
            ]
        )
    notes = ["Move: percent change from the previous close, as the article reports it."]
    if lang == "en" and any(r.move.value_lost and r.move.value_lost.approx for r in rows):
        notes.append("~: about (약), as the article says.")
    if any(r.move.inferred for r in rows):
        notes.append("* date inferred from the article's relative wording (see aigap show ID)")
    notes.extend(_sources_notes([r.source for r in rows], lang))
    title = "Market moves" if lang == "en" else "증시 등락"
    days = list(dict.fromkeys(r.move.date.iso for r in rows))
    if len(days) == 1:  # the Date column is the first to go in a narrow terminal
        title += f", {days[0]}"
    return Listing(title, columns, records, cells=cells, notes=notes, groups=groups)


def _ratio_text(ratio: Ratio, lang: Lang) -> str:
    number = derive.format_number(ratio.value)
    if lang == "ko":
        return f"{ratio.of.get(lang)}의 {ratio.printed} ({number})"
    return f"{number} (“{ratio.printed}”) of {ratio.of.get(lang)}"


def costs_listing(rows: Sequence[CostRow], lang: Lang) -> Listing:
    records = [cost_record(r, lang) for r in rows]
    columns = [
        Column("claim", more_label("claim", lang), ratio=1),
        Column("amounts", more_label("amounts", lang), numeric=True),
        Column("ratio", more_label("ratio", lang), max_width=18),
    ]
    cells = []
    for r in rows:
        c = r.cost
        ratio = ""
        if c.ratio is not None:
            ratio = _ratio_text(c.ratio, lang)
        cells.append(
            [
                f"{c.id}\n{c.subject.get(lang)}: {c.claim.get(lang)}",
                "\n".join(amount_text(a, lang) for a in c.amounts),
                ratio,
            ]
        )
    notes = ["Each claim as the article states it; see aigap show ID for the passage."]
    notes.extend(_sources_notes([r.source for r in rows], lang))
    title = "Cost and hardware claims" if lang == "en" else "비용·하드웨어 주장"
    return Listing(title, columns, records, cells=cells, notes=notes, groups=_every_row(rows))


def quotes_listing(rows: Sequence[QuoteRow], lang: Lang) -> Listing:
    records = [quote_record(r, lang) for r in rows]
    other: Lang = "en" if lang == "ko" else "ko"
    columns = [
        Column("speaker", more_label("speaker", lang), max_width=24),
        Column("quote", more_label("quote", lang), ratio=1),
        Column("date", label("date", lang), whole=True, optional=True),
    ]
    cells = []
    for r in rows:
        q = r.quote
        speaker = q.speaker.get(lang) + (f"\n{q.role.get(lang)}" if q.role else "")
        said = [t for t in (getattr(q.said, lang), getattr(q.said, other)) if t]
        where = f"\n({q.channel.get(lang)}; {q.source})" if q.channel else f"\n({q.source})"
        cells.append(
            [speaker, "\n".join(f"“{t}”" for t in said) + where, q.date.iso if q.date else ""]
        )
    notes = _sources_notes([r.source for r in rows], lang)
    title = "Quotes" if lang == "en" else "발언"
    return Listing(
        title,
        columns,
        records,
        cells=cells,
        notes=notes,
        groups=_every_row(rows),
        fields=QUOTE_FIELDS,
    )


def facts_listing(
    facts: Sequence[Any], benchmarks: dict[str, Benchmark], sources: dict[str, Source], lang: Lang
) -> Listing:
    records = [fact_record(f, lang, benchmarks) for f in facts]
    columns = [
        Column("kind", more_label("kind", lang), whole=True),
        Column("date", label("date", lang), whole=True),
        Column("fact", more_label("fact", lang), ratio=1),
        Column("source", label("source", lang), whole=True, optional=True),
    ]
    cells = [
        [rec["kind"], rec["date"] or "", f"{rec['fact_id']}\n{rec['summary']}", rec["source_id"]]
        for rec in records
    ]
    notes = _sources_notes([sources[s] for s in dict.fromkeys(f.source for f in facts)], lang)
    title = f"Facts ({len(facts)})" if lang == "en" else f"사실 ({len(facts)}개)"
    return Listing(title, columns, records, cells=cells, notes=notes, fields=FACT_FIELDS)


def sources_listing(rows: Sequence[SourceRow], lang: Lang) -> Listing:
    records = [source_record(r, lang) for r in rows]
    columns = [
        Column("source", label("source", lang), max_width=18),
        Column("headline", more_label("headline", lang), ratio=1),
        Column("published", more_label("published", lang), whole=True),
        Column("facts", more_label("facts", lang), numeric=True),
    ]
    cells = []
    for r in rows:
        s = r.source
        headline = s.headline.get("ko")
        if lang == "en" and s.headline.en:
            headline += f"\n{s.headline.en}"
        cells.append(
            [
                f"{s.id}\n{s.outlet.get(lang)}",
                f"{headline}\n{s.byline.get(lang)}",
                s.published.iso + ("*" if s.published_inferred else ""),
                str(r.facts),
            ]
        )
    notes = []
    if any(r.source.published_inferred for r in rows):
        notes.append("* date inferred: not printed in the article (see aigap show ID)")
    title = "Sources" if lang == "en" else "출처"
    return Listing(title, columns, records, cells=cells, notes=notes, groups=_every_row(rows))


_SEARCH_TEXT: dict[str, dict[Lang, str]] = {
    "title": {"en": "Search: {words} ({total} found)", "ko": "검색: {words} ({total}건)"},
    "answer": {"en": "Answer", "ko": "답"},
    "same": {"en": "(same as {id})", "ko": "({id}와 같음)"},
    "more": {
        "en": "{more} more: aigap search {words} --limit {total} (json and csv list all hits)",
        "ko": "{more}건 더: aigap search {words} --limit {total} (json·csv는 전부 출력)",
    },
    "help": {
        "en": "aigap show ID: the passage and its source; aigap cite ID: a citation.",
        "ko": "aigap show ID: 원문 구절과 출처, aigap cite ID: 인용문.",
    },
}


def search_listing(found: Found, lang: Lang) -> Listing:
    """Each hit's answer first (figure, date, who, source), then the fact id and the match."""
    text = _SEARCH_TEXT
    records = [search_record(rank, hit) for rank, hit in enumerate(found.hits, 1)]
    columns = [
        Column("rank", more_label("rank", lang), numeric=True),
        Column("answer", text["answer"][lang], ratio=1),
    ]
    cells = []
    first_with: dict[str, str] = {}  # a note repeated on many facts is shown once
    for rank, hit in enumerate(found.hits, 1):
        about = " · ".join(x for x in (hit.date, hit.who, hit.source_id) if x)
        lines = [hit.headline, about, f"{hit.record.id} ({hit.kind})"]
        # a match the headline or the actor already shows needs no line of its own
        if hit.snippet and hit.snippet.strip("…") not in f"{hit.headline} {hit.who}":
            seen = first_with.setdefault(hit.snippet, hit.record.id)
            shown = hit.snippet if seen == hit.record.id else text["same"][lang].format(id=seen)
            lines.append(f"{hit.field}: {shown}")
        cells.append([str(rank), "\n".join(line for line in lines if line)])
    notes = []
    if found.total > len(found.hits) and found.hits:
        more = found.total - len(found.hits)
        notes.append(text["more"][lang].format(more=more, words=found.words, total=found.total))
    if found.hits:
        notes.append(text["help"][lang])
    title = text["title"][lang].format(words=found.words, total=found.total)
    return Listing(
        title,
        columns,
        records,
        cells=cells,
        notes=notes,
        groups=_every_row(found.hits),
        fields=SEARCH_FIELDS,
    )


def _detail_value(value: Any, lang: Lang) -> str | None:
    """A field's value as readable text; None when there is nothing to show."""
    if value is None or value == ():
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, PartialDate):
        return f"{value.iso} ({value.precision})"
    if isinstance(value, Amount):
        text = f"{derive.format_number(value.value)} {value.unit} (printed “{value.printed}”"
        text += ", approximate)" if value.approx else ")"
        return text + (f": {value.label.get(lang)}" if value.label else "")
    if isinstance(value, Ratio):
        return _ratio_text(value, lang)
    if isinstance(value, GapValue):
        number = derive.format_number(value.value)
        return f"{value.date.iso} {value.label.get(lang)}: {number} (printed “{value.printed}”)"
    if isinstance(value, tuple):
        parts = [_detail_value(v, lang) for v in value]
        joiner = ", " if all(isinstance(v, str) and " " not in v for v in value) else "\n"
        return joiner.join(p for p in parts if p)
    if isinstance(value, float | int):
        return derive.format_number(value) if isinstance(value, float) else str(value)
    return str(value)


def detail_rows(record: Any, lang: Lang) -> list[tuple[str, str]]:
    """(field, value) pairs of a record in full, both languages of every text."""
    other: Lang = "en" if lang == "ko" else "ko"
    rows: list[tuple[str, str]] = [("id", record.id), ("kind", kind_of(record))]
    for name in record.__struct_fields__:
        if name == "id":
            continue
        value = getattr(record, name)
        if name == "passage":
            rows.append(("passage (verbatim)", "\n".join(f"“{p}”" for p in value)))
            continue
        shown = _detail_value(value, lang)
        if shown is None:
            continue
        rows.append((name, shown))
        if isinstance(value, Text) and getattr(value, other) and value.get(other) != shown:
            rows.append((f"{name} ({other})", value.get(other)))
    return rows


def show_listing(
    record: Any, citation: str, derived: Sequence[Any], extra: Sequence[tuple[str, str]], lang: Lang
) -> Listing:
    rows = detail_rows(record, lang)
    rows.extend(extra)
    groups = []
    if citation:
        groups.append(len(rows))
        rows.append(("citation", citation))
    if derived:
        groups.append(len(rows))
        rows.append(("Derived", "(computed by aigap, not in the article)"))
        rows.extend((d.label, f"{d.value}\n{d.basis}" if d.basis else d.value) for d in derived)
    records = [{"field": f, "value": v} for f, v in rows]
    columns = [
        Column("field", more_label("field", lang), max_width=22),
        Column("value", more_label("value", lang), ratio=1),
    ]
    title = f"{record.id} ({kind_of(record)})"
    return Listing(title, columns, records, groups=groups)
