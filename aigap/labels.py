"""Every word aigap writes around the data, in English and Korean: one catalogue."""

from __future__ import annotations

from aigap.model import Lang

LABELS: dict[str, dict[Lang, str]] = {
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
    # titles; {fields} are filled in by label(..., field=...)
    "title.gap": {"en": "US–China gap on {name}", "ko": "{name} 미·중 격차"},
    "title.gaps": {
        "en": "US–China gaps: then and now (change in percentage points)",
        "ko": "미·중 격차: 이전과 현재 (변화는 %포인트)",
    },
    "title.timeline": {"en": "Timeline", "ko": "타임라인"},
    "title.scores": {"en": "Model scores, ranked", "ko": "모델 점수 순위"},
    "title.market": {"en": "Market moves", "ko": "증시 등락"},
    "title.costs": {"en": "Cost and hardware claims", "ko": "비용·하드웨어 주장"},
    "title.quotes": {"en": "Quotes", "ko": "발언"},
    "title.facts": {"en": "Facts ({count})", "ko": "사실 ({count}개)"},
    "title.sources": {"en": "Sources", "ko": "출처"},
    # notes under tables
    "note.more": {
        "en": "{count} more rows not shown; --limit 0 shows all.",
        "ko": "{count}개 행 더 있음; --limit 0 으로 모두 표시.",
    },
    "note.unit": {"en": "Unit: {unit}; change in pp.", "ko": "단위: {unit}; 변화는 %포인트."},
    "note.note": {"en": "Note: {note}", "ko": "참고: {note}"},
    "note.source": {"en": "Source: {source}", "ko": "출처: {source}"},
    "note.lead": {
        "en": "Lead: over the next model; Elo points for Arena, pp for accuracies.",
        "ko": "차이: 다음 순위 모델과의 차이; Arena는 엘로 점수, 정확도는 %포인트.",
    },
    "note.move": {
        "en": "Move: percent change from the previous close, as the article reports it.",
        "ko": "등락: 기사에 보도된 전일 종가 대비 변동률(%).",
    },
    "note.about": {"en": "~: about (약), as the article says.", "ko": "~: 약, 기사 표현대로."},
    "note.claims": {
        "en": "Each claim as the article states it; see aigap show ID for the passage.",
        "ko": "각 주장은 기사에 나온 그대로이며, 원문 구절은 aigap show ID로 볼 수 있습니다.",
    },
    "note.inferred": {
        "en": "* date inferred from the article's relative wording (see aigap show ID)",
        "ko": "* 기사 속 상대적 표현에서 추정한 날짜 (aigap show ID 참고)",
    },
    "note.published_inferred": {
        "en": "* date inferred: not printed in the article (see aigap show ID)",
        "ko": "* 추정한 날짜: 기사에 표기되지 않음 (aigap show ID 참고)",
    },
    "date_inferred": {"en": " (date inferred)", "ko": " (날짜 추정)"},
    "not_applicable": {"en": "n/a", "ko": "해당 없음"},
    # units, as named in notes and group headings
    "unit.pp": {"en": "percentage points", "ko": "%포인트"},
    "unit.percent": {"en": "percent", "ko": "퍼센트"},
    "unit.elo": {"en": "Elo points", "ko": "엘로 점수"},
    "unit.usd": {"en": "USD", "ko": "미국 달러"},
    "unit.krw": {"en": "KRW", "ko": "원"},
    "unit.usd_per_hour": {"en": "USD per hour", "ko": "시간당 달러"},
    "unit.months": {"en": "months", "ko": "개월"},
    "unit.count": {"en": "count", "ko": "개수"},
    "unit.printed": {"en": ' (article prints "{printed}")', "ko": ' (기사 표기 "{printed}")'},
    "ratio_of": {"en": "{number} (“{printed}”) of {of}", "ko": "{of}의 {printed} ({number})"},
    # show
    "yes": {"en": "yes", "ko": "예"},
    "no": {"en": "no", "ko": "아니요"},
    "printed": {"en": "printed “{printed}”", "ko": "기사 표기 “{printed}”"},
    "approximate": {"en": ", approximate", "ko": ", 근사치"},
    "passage_verbatim": {"en": "passage (verbatim)", "ko": "원문 구절"},
    "citation": {"en": "citation", "ko": "인용"},
    "derived": {"en": "Derived", "ko": "계산값"},
    "derived_note": {
        "en": "(computed by aigap, not in the article)",
        "ko": "(aigap이 계산한 값, 기사에는 없음)",
    },
    # what show's "Derived" rows are called (crosscheck names them in English)
    "derived.change": {"en": "change", "ko": "변화"},
    "derived.times narrower": {"en": "times narrower", "ko": "축소 배율"},
    "derived.implied previous close": {"en": "implied previous close", "ko": "역산한 전일 종가"},
    "derived.implied exchange rate": {"en": "implied exchange rate", "ko": "역산한 환율"},
    "derived.ratio recomputed": {"en": "ratio recomputed", "ko": "다시 계산한 비율"},
}


def label(key: str, lang: Lang, **fields: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` places filled from ``fields``."""
    text = LABELS[key][lang]
    return text.format(**fields) if fields else text
