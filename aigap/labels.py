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
}


def label(key: str, lang: Lang) -> str:
    """The label ``key`` in ``lang``."""
    return LABELS[key][lang]
