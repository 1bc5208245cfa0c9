"""Every word aigap writes around the data, in English and Korean: one catalogue."""

from __future__ import annotations

import re

from aigap.core.model import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "benchmark": {"en": "Benchmark", "ko": "벤치마크"},
    "then": {"en": "Then", "ko": "이전"},
    "now": {"en": "Now", "ko": "현재"},
    "change": {"en": "Change", "ko": "변화"},
    "narrower": {"en": "Narrower", "ko": "축소 배율"},
    "unit": {"en": "Unit", "ko": "단위"},
    "suffix.pp": {"en": " pp", "ko": "%p"},  # after a number: "17.5 pp", "17.5%p"
    "bars": {"en": "○ then → ● now", "ko": "○ 이전 → ● 현재"},  # the legend: goes with the column
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
    "title.quotes": {"en": "Quotes", "ko": "발언 모음"},
    "title.facts": {"en": "Facts ({count})", "ko": "사실 ({count}개)"},
    "title.sources": {"en": "Sources", "ko": "출처"},
    "nothing_matches": {"en": "(nothing matches)", "ko": "(찾은 것이 없습니다)"},
    # what export wrote: each resource (a CSV file's name) and its rows
    "export.done": {
        "en": "{dir}: {count} resources ({rows})",
        "ko": "{dir}: 자료 {count}개 (파일별 행 수: {rows})",
    },
    "nothing_matches.guess": {
        "en": "(nothing matches; did you mean {name!r}?)",
        "ko": "(찾은 것이 없습니다. 혹시 {name!r}을(를) 찾으셨나요?)",
    },
    "title.search": {"en": "Search: {words} ({total} found)", "ko": "검색: {words} ({total}건)"},
    "search.answer": {"en": "Answer", "ko": "답"},
    "title.search_weak": {
        "en": "Search: {words} (nothing matches well)",
        "ko": "검색: {words} (잘 맞는 것이 없음)",
    },
    "search.corrected": {
        "en": "Showing results for {words} ({typed} matches nothing in the fact base).",
        "ko": "{words}(으)로 찾은 결과입니다 ({typed}에 맞는 내용은 사실 기반에 없습니다).",
    },
    "search.nothing": {
        "en": "The fact base has nothing that answers “{words}”: the facts above are the "
        "closest, not answers.",
        "ko": "사실 기반에 “{words}”에 답하는 내용이 없습니다. 위의 사실은 가장 가까운 것일 뿐 "
        "답이 아닙니다.",
    },
    "search.closest": {"en": "[closest, weak match]", "ko": "[가장 가까움, 약한 일치]"},
    "search.same": {"en": "(same as {id})", "ko": "({id}와 같음)"},
    "search.more": {
        "en": "{more} more: aigap search {words} --limit {total} (json and csv list all hits)",
        "ko": "{more}건 더: aigap search {words} --limit {total} (json·csv는 전부 출력)",
    },
    "search.help": {
        "en": "aigap show ID: the passage and its source; aigap cite ID: a citation.",
        "ko": "aigap show ID: 원문 구절과 출처, aigap cite ID: 인용문.",
    },
    # notes under tables
    "note.more": {
        "en": "{count} more rows not shown; --limit 0 shows all.",
        "ko": "{count}개 행 더 있음; --limit 0 으로 모두 표시.",
    },
    "note.unit": {"en": "Unit: {unit}; change in pp.", "ko": "단위: {unit}; 변화는 %포인트."},
    "note.note": {"en": "Note: {note}", "ko": "참고: {note}"},
    "note.source": {"en": "Source: {source}", "ko": "출처: {source}"},
    "note.alone": {
        "en": "No rank: the only model with a score on that benchmark, nothing to compare.",
        "ko": "순위 없음: 그 벤치마크에서 점수가 있는 유일한 모델이라 비교할 대상이 없습니다.",
    },
    # {units}: the lead's unit of each benchmark shown, note.lead.pp for percentages
    "note.lead": {
        "en": "Lead: over the next model, in {units}.",
        "ko": "차이: 다음 순위 모델과의 차이 ({units}).",
    },
    "note.lead.pp": {
        "en": "percentage points (pp) between percentages",
        "ko": "퍼센트 사이는 %포인트",
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
    # quotes: reported speech, and whose English it is
    "quote.reported": {
        "en": "(reported, aigap's English rendering): {said}",
        "ko": "(간접 인용): {said}",
    },
    # aigap brief: short Markdown for a story (aigap/output/brief.py)
    "brief.title": {
        "en": "The US–China AI gap: key figures and quotes",
        "ko": "미·중 AI 격차: 핵심 수치와 발언",
    },
    "brief.about": {"en": "{name}: key figures and quotes", "ko": "{name}: 핵심 수치와 발언"},
    "brief.figures": {"en": "Key figures", "ko": "핵심 수치"},
    "brief.quotes": {"en": "Quotes", "ko": "발언"},
    "brief.others": {"en": "Also on record", "ko": "그 밖의 사실"},
    "brief.more": {
        "en": "({count} more facts: aigap show NAME)",
        "ko": "(사실 {count}건 더: aigap show 이름)",
    },
    "brief.inferred": {"en": "(date or unit inferred)", "ko": "(날짜 또는 단위 추론)"},
    "brief.rendering": {
        "en": "{said} (aigap's English rendering of the Korean article, not the speaker's words)",
        "ko": "{said} (한국어 기사를 aigap이 영어로 옮긴 것이며 발언자의 말 그대로가 아님)",
    },
    "brief.article_words": {
        "en": "{said} (the article's words, which may translate the speaker's)",
        "ko": "{said} (기사의 표현이며 발언자의 말을 옮긴 것일 수 있음)",
    },
    "quote.rendering": {
        "en": "no original words recorded: a translation, not the speaker's words",
        "ko": "발언 원문 없음: 번역이며 발언자의 말이 아님",
    },
    "quote.article_words": {
        "en": "the article's Korean (a translation): {said}",
        "ko": "기사의 한국어 번역: {said}",
    },
    "quote.rendering_words": {
        "en": "aigap's English rendering, not the speaker's words: {said}",
        "ko": "aigap의 영어 번역(발언자의 말 아님): {said}",
    },
    "quote.rendering_note": {
        "en": "Only words in quotation marks are the speaker's own, cited from their own source "
        "(aigap show ID). Translations are marked as such. (reported): the article paraphrases.",
        "ko": "따옴표 안의 말만 발언자의 원래 말이며 그 출처를 밝힌다(aigap show ID). "
        "번역은 번역으로 표시했다. (간접 인용): 기사가 풀어 쓴 발언이다.",
    },
    # gap for a benchmark that has no gap reading
    "no_gap.scores": {
        "en": "no US–China gap reading for {name}; it has {count} score(s): aigap scores {id}",
        "ko": "{name}에는 미·중 격차 수치가 없습니다. 점수 {count}개가 있습니다: aigap scores {id}",
    },
    "no_gap": {
        "en": "no US–China gap reading for {name}",
        "ko": "{name}에는 미·중 격차 수치가 없습니다",
    },
    # units, as named in notes and group headings
    "unit.pp": {"en": "percentage points", "ko": "%포인트"},
    "unit.percent": {"en": "percent", "ko": "퍼센트"},
    "unit.elo": {"en": "Elo points", "ko": "엘로 점수"},
    "unit.usd": {"en": "USD", "ko": "미국 달러"},
    "unit.krw": {"en": "KRW", "ko": "원"},
    "unit.usd_per_hour": {"en": "USD per GPU-hour", "ko": "GPU 시간당 달러"},
    "unit.months": {"en": "months", "ko": "개월"},
    "unit.count": {"en": "count", "ko": "개수"},
    "unit.printed": {"en": ' (article prints "{printed}")', "ko": ' (기사 표기 "{printed}")'},
    "ratio_of": {"en": "{number} (“{printed}”) of {of}", "ko": "{of}의 {printed} ({number})"},
    "about_amount": {"en": "about {amount}", "ko": "약 {amount}"},
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
    # crosscheck's names with a part of their own: "gap in 2025-02 from top scores"
    "derived.gap_from_scores": {
        "en": "gap in {when} from top scores",
        "ko": "최고 점수로 계산한 {when} 격차",
    },
    "derived.gap_recomputed": {
        "en": "US–China gap recomputed {which}",
        "ko": "다시 계산한 미·중 격차 {which}",
    },
    # record kinds and field names, as show, facts and cite name them
    "kind.gap": {"en": "gap", "ko": "격차"},
    "kind.score": {"en": "score", "ko": "점수"},
    "kind.event": {"en": "event", "ko": "사건"},
    "kind.market": {"en": "market", "ko": "증시"},
    "kind.cost": {"en": "cost", "ko": "비용"},
    "kind.quote": {"en": "quote", "ko": "발언"},
    "kind.claim": {"en": "claim", "ko": "주장"},
    "kind.source": {"en": "source", "ko": "출처"},
    "kind.benchmark": {"en": "benchmark", "ko": "벤치마크"},
    "note.unit_named": {"en": "Unit: {unit}", "ko": "단위: {unit}"},
    "summary.score": {
        "en": "{model} ({country}): {printed} on {name}",
        "ko": "{model} ({country}): {name} {printed}",
    },
    "basis.rounding": {"en": "within the inputs' rounding", "ko": "입력값의 반올림 범위 안에서"},
    "basis.unbounded": {"en": "unbounded", "ko": "상한 없음"},
    "basis.vs": {"en": " vs ", "ko": " 대 "},
    "basis.rounded_or_cut": {
        "en": " may be rounded or cut)",
        "ko": "는 반올림 또는 절사된 값일 수 있음)",
    },
    "basis.approximate": {
        "en": " (approximate: the article's amount is approximate)",
        "ko": " (근사치: 기사 속 금액이 근사치)",
    },
    # a date in words, always absolute (never the article's "last year"):
    # numbers.date_words; {month} is the month's English name, {m} its number
    "date.year": {"en": "{year}", "ko": "{year}년"},
    "date.month": {"en": "{month} {year}", "ko": "{year}년 {m}월"},
    "date.day": {"en": "{day} {month} {year}", "ko": "{year}년 {m}월 {day}일"},
    "date.year_end": {"en": "end of {year}", "ko": "{year}년 말"},
    "date.year_start": {"en": "start of {year}", "ko": "{year}년 초"},
    "date.month_end": {"en": "end of {month} {year}", "ko": "{year}년 {m}월 말"},
    "date.month_start": {"en": "start of {month} {year}", "ko": "{year}년 {m}월 초"},
    # a date in a table cell: ISO, or the edge of a year or month in words
    "date.short.year_end": {"en": "end of {year}", "ko": "{year}년 말"},
    "date.short.year_start": {"en": "start of {year}", "ko": "{year}년 초"},
    "date.short.month_end": {"en": "end of {ym}", "ko": "{year}년 {m}월 말"},
    "date.short.month_start": {"en": "start of {ym}", "ko": "{year}년 {m}월 초"},
    # entity pages (show NAME) and the whole-story timeline
    "type.organization": {"en": "organisation", "ko": "기관"},
    "type.model": {"en": "model", "ko": "모델"},
    "type.person": {"en": "person", "ko": "인물"},
    "type.country": {"en": "country", "ko": "국가"},
    "type.index": {"en": "stock index", "ko": "주가지수"},
    "type.benchmark": {"en": "benchmark", "ko": "벤치마크"},
    "relation.country": {"en": "country", "ko": "국가"},
    "relation.developer": {"en": "developer", "ko": "개발사"},
    "relation.affiliation": {"en": "affiliation", "ko": "소속"},
    "relation.people": {"en": "people", "ko": "인물"},
    "relation.models": {"en": "models", "ko": "모델"},
    "relation.organizations": {"en": "organisations", "ko": "기관"},
    "entity.id": {"en": "id", "ko": "ID"},
    "entity.type": {"en": "type", "ko": "유형"},
    "entity.name": {"en": "name", "ko": "이름"},
    "entity.aliases": {"en": "aliases", "ko": "별칭"},
    "entity.description": {"en": "description", "ko": "설명"},
    "entity.note": {"en": "note", "ko": "참고"},
    "entity.facts": {"en": "facts", "ko": "사실"},
    "entity.no_facts": {"en": "no fact is about it", "ko": "이 개체에 관한 사실 없음"},
    "undated": {"en": "undated", "ko": "날짜 없음"},
    "source.words": {"en": "original words: {id}", "ko": "발언 원문: {id}"},
    "note.words_source": {
        "en": "'original words:' the source of a speaker's own words; "
        "the article (Source) holds its Korean translation.",
        "ko": "'발언 원문:' 발언자 자신의 말이 실린 출처. 출처 열의 기사에는 한국어 번역이 실렸다.",
    },
    "note.fact_inferred": {
        "en": "* inferred from the article's wording (see aigap show ID)",
        "ko": "* 기사 표현에서 추정함 (aigap show ID 참고)",
    },
    "gap_reading": {"en": "{name} US–China gap ({when})", "ko": "{name} 미·중 격차 ({when})"},
    "score_on": {"en": "{who} on {benchmark}", "ko": "{who}: {benchmark}"},
    "timeline.date": {"en": "Date, kind", "ko": "날짜, 종류"},
    "timeline.what": {"en": "What [fact, source]", "ko": "내용 [사실, 출처]"},
    "figure": {"en": "Figure", "ko": "수치"},
    "timeline.empty": {"en": "Nothing in this range.", "ko": "이 기간에 해당하는 항목 없음."},
    "legend.same": {"en": "◉ then and now in the same cell", "ko": "◉ 이전과 현재가 같은 칸"},
}

FIELDS_KO: dict[str, str] = {
    "id": "ID",
    "kind": "종류",
    "source": "출처",
    "passage_en": "영어 번역",
    "inferred": "추정",
    "note": "참고",
    "tags": "태그",
    "keywords": "검색어",
    "benchmark": "벤치마크",
    "unit": "단위",
    "printed_unit": "기사 표기 단위",
    "values": "값",
    "model": "모델",
    "organization": "기관",
    "country": "국가",
    "value": "값",
    "printed": "기사 표기",
    "date": "날짜",
    "what": "내용",
    "who": "주체",
    "speaker": "발언자",
    "role": "직함",
    "quote": "발언",
    "channel": "경로",
    "subject": "기업·지수",
    "move": "등락",
    "close": "종가",
    "lost": "시총 증발",
    "claim": "주장",
    "amounts": "금액",
    "ratio": "비율",
    "name": "이름",
    "description": "설명",
    "full_name": "정식 명칭",
    "outlet": "매체",
    "headline": "제목",
    "byline": "기자",
    "published": "발행일",
    "published_inferred": "발행일 추정",
    "url": "주소",
    "facts": "사실",
    "rank": "순위",
    "aliases": "별칭",
    "approx": "근사치",
    "change": "변화",
    "change_printed": "기사 표기 변화",
    "value_lost": "시총 증발",
    "measures": "측정 대상",
    "precision": "정밀도",
    "language": "언어",
    "published_time": "발행 시각",
    "of": "기준",
    "label": "표기",
    "about": "대상",
    "said": "발언",
    "context": "맥락",
    "original": "발언 원문",
    "spoken_in": "발언 언어",
    "primary": "1차 출처",
    "authors": "저자",
    "portal": "열람 포털",
    "title_romanized": "제목 로마자 표기",
    "accessed": "접속일",
    "number": "번호",
    "type": "유형",
    "record": "기록",
    "passage": "원문 구절",
    "file": "파일",
    "subject_kind": "기업·지수 구분",
    "speech": "인용 방식",
    "said_en_is": "영어 문장",
    "product": "제품",
    "previous_close": "전일 종가",
    "period": "기간",
    "title": "제목",
    "title_en": "영어 제목",
    "publisher": "발행처",
}


# A field whose Korean name differs by kind: a cost's subject is what was paid
# for, not a company or an index.
FIELDS_KO_BY_KIND: dict[str, dict[str, str]] = {
    "cost": {"subject": "비용 항목"},
}


def field_name(name: str, lang: Lang, kind: str | None = None) -> str:
    """A record field's name as show prints it ("passage_en" -> "영어 번역"); a text's
    other language in brackets ("note (en)" -> "참고 (영어)")."""
    if lang == "ko":
        base, _, rest = name.partition(" (")
        own = FIELDS_KO_BY_KIND.get(kind or "", {})
        other = rest.rstrip(")")
        if f"field.lang.{other}" in LABELS:
            rest = label(f"field.lang.{other}", lang) + ")"
        return own.get(base, FIELDS_KO.get(base, base)) + (f" ({rest}" if rest else "")
    return name


def language(value: str) -> Lang | None:
    """``ko``, ``ko_KR``, ``ko_KR.UTF-8``, ``C``...: a locale-style value names its
    language by its first part; None for a language aigap does not speak."""

    code = re.split(r"[_.@-]", value.strip(), maxsplit=1)[0].lower()
    if code in ("c", "posix"):
        return "en"
    return "ko" if code == "ko" else "en" if code == "en" else None


def label(key: str, lang: Lang, **fields: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` places filled from ``fields``."""
    text = LABELS[key][lang]
    return text.format(**fields) if fields else text


# --- charts (chart.py) and citations (citation.py) ----------------------------
# Kept in their own block, added after the main table, so that a label added to
# LABELS above and one added here never touch the same lines.
LABELS.update(
    {
        # chart titles state the finding
        "chart.gap_all_narrowed": {
            "en": "The US–China AI gap narrowed on all {n} benchmarks",
            "ko": "미중 AI 격차, {n}개 벤치마크 모두에서 좁혀졌다",
        },
        "chart.gap_some_narrowed": {
            "en": "The US–China AI gap narrowed on {k} of {n} benchmarks",
            "ko": "미중 AI 격차, {n}개 벤치마크 중 {k}개에서 좁혀졌다",
        },
        "chart.gap_one_narrowed": {
            "en": "The US–China gap on {name} narrowed from {then} to {now}",
            "ko": "{name}의 미중 격차, {then}에서 {now}(으)로 좁혀졌다",
        },
        "chart.gap_one_widened": {
            "en": "The US–China gap on {name} widened from {then} to {now}",
            "ko": "{name}의 미중 격차, {then}에서 {now}(으)로 벌어졌다",
        },
        "chart.gap_one_same": {
            "en": "The US–China gap on {name} stayed at {now}",
            "ko": "{name}의 미중 격차, {now}(으)로 그대로",
        },
        "chart.gap_subtitle": {
            "en": "Performance gap between the top US and the top Chinese AI models,"
            " then (○) and now (●)",
            "ko": "미국 최고 AI 모델과 중국 최고 AI 모델의 성능 격차, 이전(○)과 현재(●)",
        },
        "chart.axis.pp": {"en": "Gap (percentage points, pp)", "ko": "격차 (퍼센트포인트, %p)"},
        "chart.axis.percent": {"en": "Gap (percent, %)", "ko": "격차 (퍼센트, %)"},
        "chart.unit.pp": {"en": "percentage points", "ko": "퍼센트포인트"},
        "chart.unit.percent": {"en": "percent", "ko": "퍼센트"},
        # a scores chart is one benchmark and states one finding
        "chart.scores_lead": {
            "en": "{name}: the top {country} model leads by {margin}",
            "ko": "{name}: {country} 최고 모델이 {margin} 앞서",
        },
        "chart.scores_close": {
            "en": "{name}: {a} and {b} less than one of its {items} problems apart",
            "ko": "{name}: {a}와(과) {b}의 차이는 {items}문제 중 한 문제에도 못 미친다",
        },
        "chart.scores_subtitle": {
            "en": "Scores as the articles report them, highest first; US and Chinese models"
            " in colour",
            "ko": "기사가 보도한 점수, 높은 순; 미국과 중국 모델을 색으로 구분",
        },
        "chart.reported_by": {
            "en": "Scores as reported by {who}, not measured independently",
            "ko": "점수 출처: {who} (독립 측정 아님)",
        },
        "chart.inferred_note": {
            "en": "* Date inferred from the article's relative wording",
            "ko": "* 기사 속 상대적 표현에서 추정한 날짜",
        },
        "chart.score_axis": {"en": "Score ({unit})", "ko": "점수 ({unit})"},
        "chart.score_unit.elo": {
            "en": "Elo points; the axis does not start at 0",
            "ko": "Elo 점수, 축은 0에서 시작하지 않음",
        },
        "chart.score_unit.percent": {"en": "percent, %", "ko": "퍼센트, %"},
        "chart.source": {"en": "Source: ", "ko": "출처: "},
        "chart.citing": {"en": "citing {what}", "ko": "{what} 인용"},
        "chart.figure": {"en": "Fig. {numbers}", "ko": "그림 {numbers}"},
        "chart.credit": {"en": "Chart: aigap", "ko": "차트: aigap"},
        "chart.country.US": {"en": "US", "ko": "미국"},
        "chart.country.CN": {"en": "China", "ko": "중국"},
        # a chart label's unit suffix: the Korean press writes pp as "%p" and
        # Elo as 점 (1385점); in English the axis names the Elo unit
        "chart.suffix.pp": {"en": " pp", "ko": "%p"},
        "chart.suffix.percent": {"en": "%", "ko": "%"},
        "chart.suffix.elo": {"en": "", "ko": "점"},
        "chart.margin_suffix.elo": {"en": " Elo points", "ko": "점"},
        # citations
        "cite.inferred_long": {
            "en": " (date inferred; not printed in the article)",
            "ko": " (추정)",
        },
        "cite.inferred_note": {
            "en": "publication date inferred, not printed in the article",
            "ko": "발행일은 기사에 없어 추정함",
        },
        "cite.inferred_bracket": {
            "en": "[Publication date inferred; not printed in the article.]",
            "ko": "[발행일은 기사에 없어 추정함.]",
        },
        "cite.fact": {"en": "for fact {id} ({kind})", "ko": "사실 {id} ({kind}) 출처"},
        "cite.original_of": {
            "en": "the speaker's own words of {id}",
            "ko": "{id}의 발언 원문 출처",
        },
        "cite.came_through": {
            "en": "the Korean translation of {id}: the source it came through",
            "ko": "{id}의 한국어 번역이 실린 출처",
        },
        "cite.english_title": {"en": "English title: {title}", "ko": "영어 제목: {title}"},
        "cite.facts_about": {"en": "facts about {name}: {ids}", "ko": "{name} 관련 사실: {ids}"},
        # dates in APA and Chicago; {month} is the month's English name, {m} its number
        "cite.date.y": {"en": "{year}", "ko": "{year}년"},
        "cite.date.ym": {"en": "{month} {year}", "ko": "{year}년 {m}월"},
        "cite.date.ymd": {"en": "{month} {day}, {year}", "ko": "{year}년 {m}월 {day}일"},
        "cite.apa_date.ym": {"en": "{year}, {month}", "ko": "{year}년 {m}월"},
        "cite.apa_date.ymd": {"en": "{year}, {month} {day}", "ko": "{year}년 {m}월 {day}일"},
    }
)


# --- errors (errors.AigapError.said) ---------------------------------------------
# What aigap says when it cannot answer; {fields} are filled by the raiser.
LABELS.update(
    {
        "error.unknown.benchmark": {
            "en": "unknown benchmark {name!r}",
            "ko": "알 수 없는 벤치마크: {name!r}",
        },
        "error.unknown.id": {"en": "unknown id {name!r}", "ko": "알 수 없는 ID: {name!r}"},
        "error.unknown.name": {"en": "unknown name {name!r}", "ko": "알 수 없는 이름: {name!r}"},
        "error.did_you_mean": {
            "en": "did you mean {name!r}?",
            "ko": "혹시 {name!r}을(를) 찾으셨나요?",
        },
        "error.known.benchmark": {
            "en": "known benchmarks: {names}",
            "ko": "알려진 벤치마크: {names}",
        },
        "error.known.id": {"en": "known ids: {names}", "ko": "알려진 ID: {names}"},
        "error.known.name": {"en": "known names: {names}", "ko": "알려진 이름: {names}"},
        "error.none": {"en": "none", "ko": "없음"},
        "error.names_more": {"en": "{names} and {more} more", "ko": "{names} 외 {more}개"},
        # a fact file that cannot be used at all (load.py); "path: " comes before
        "file.missing": {"en": "no such file", "ko": "파일이 없습니다"},
        "file.denied": {
            "en": "cannot read: permission denied",
            "ko": "읽을 수 없습니다: 권한이 없습니다",
        },
        "file.unreadable": {"en": "cannot read: {why}", "ko": "읽을 수 없습니다: {why}"},
        "file.unopenable": {"en": "cannot open: {why}", "ko": "열 수 없습니다: {why}"},
        "file.directory": {
            "en": "is a directory, not a fact file",
            "ko": "사실 파일이 아니라 디렉터리입니다",
        },
        "file.special": {
            "en": "is not a regular file",
            "ko": "일반 파일이 아닙니다",
        },
        "file.empty_directory": {
            "en": "directory has no fact files (*.yaml, *.yml)",
            "ko": "디렉터리에 사실 파일(*.yaml, *.yml)이 없습니다",
        },
        "file.grew": {
            "en": "file is over the {limit}-byte limit",
            "ko": "파일이 {limit}바이트 한도를 넘습니다",
        },
        "file.too_large": {
            "en": (
                "file is {size} bytes, over the {limit}-byte limit"
                " (raise it with --max-bytes or {env})"
            ),
            "ko": (
                "파일이 {size}바이트로 {limit}바이트 한도를 넘습니다"
                " (--max-bytes나 {env}로 한도를 올리세요)"
            ),
        },
        "error.output": {"en": "cannot write output: {why}", "ko": "출력을 쓸 수 없습니다: {why}"},
        "error.stdout_closed": {
            "en": "standard output is closed",
            "ko": "표준 출력이 닫혀 있습니다",
        },
        "error.internal": {
            "en": (
                "internal error: {what}\n"
                "set AIGAP_DEBUG=1 to see the traceback, and please report it"
            ),
            "ko": (
                "내부 오류: {what}\n"
                "AIGAP_DEBUG=1로 실행하면 트레이스백을 볼 수 있습니다. 이 오류를 알려 주세요"
            ),
        },
        "error.or": {"en": "{a} or {b}", "ko": "{a} 또는 {b}"},
        "error.asked.both": {"en": "{model} and {org}", "ko": "{model}, {org}"},
        "error.no_fact_file": {
            "en": "--no-packaged leaves no fact file: name yours with --facts PATH",
            "ko": "--no-packaged로는 읽을 사실 파일이 없습니다: --facts 경로로 파일을 지정하세요",
        },
        "error.nothing_to_cite": {
            "en": "no fact is about {id!r}: nothing to cite",
            "ko": "{id!r}에 관한 사실이 없어 인용할 것이 없습니다",
        },
        "error.no_scores.benchmark": {
            "en": "no scores for benchmark {id!r} (benchmarks with scores: {names})",
            "ko": "벤치마크 {id!r}의 점수가 없습니다 (점수가 있는 벤치마크: {names})",
        },
        "error.no_scores": {
            "en": "no scores for {asked} (see aigap scores)",
            "ko": "{asked}의 점수가 없습니다 (aigap scores 참고)",
        },
        "error.asked.model": {"en": "model {name!r}", "ko": "모델 {name!r}"},
        "error.asked.org": {"en": "organisation {name!r}", "ko": "기관 {name!r}"},
        "error.svg_name": {
            "en": "--svg writes SVG: name the file with .svg (got {path!r})",
            "ko": "--svg는 SVG로 저장합니다: 파일 이름을 .svg로 끝내세요 (받은 이름: {path!r})",
        },
        "error.cannot_write": {
            "en": "cannot write {path}: {why}",
            "ko": "{path}에 쓸 수 없습니다: {why}",
        },
        "error.file.not_ours": {
            "en": (
                "{path}: exists and was not written by aigap; refusing to overwrite it"
                " (give a new file name, or remove it first)"
            ),
            "ko": (
                "{path}: 이미 있고 aigap이 쓴 파일이 아니어서 덮어쓰지 않습니다"
                " (새 파일 이름을 지정하거나 먼저 지우세요)"
            ),
        },
        "error.export.not_dir": {
            "en": "{path}: exists and is not a directory; give a new directory name",
            "ko": "{path}: 디렉터리가 아닌 파일이 이미 있습니다. 새 디렉터리 이름을 지정하세요",
        },
        "error.export.cannot_read": {
            "en": "{path}: cannot read: {why}",
            "ko": "{path}: 읽을 수 없습니다: {why}",
        },
        "error.export.not_empty": {
            "en": (
                "{path}: not empty and not an earlier aigap export; refusing to overwrite"
                " it (give a new or empty directory)"
            ),
            "ko": (
                "{path}: 비어 있지 않고 이전 aigap 내보내기도 아니어서 덮어쓰지 않습니다"
                " (새 디렉터리나 빈 디렉터리를 지정하세요)"
            ),
        },
        "error.export.conflict": {
            "en": (
                "{path}: an earlier aigap export, but {names} is not the file"
                " aigap wrote there (changed or put there since); refusing to overwrite it"
                " (move it away or give another directory)"
            ),
            "ko": (
                "{path}: 이전 aigap 내보내기이지만 {names}은(는) aigap이 쓴"
                " 파일이 아니어서(그 뒤에 바뀌었거나 새로 놓인 파일) 덮어쓰지 않습니다"
                " (파일을 옮기거나 다른 디렉터리를 지정하세요)"
            ),
        },
        "error.export.no_dir": {
            "en": "{path}: no such directory",
            "ko": "{path}: 그런 디렉터리가 없습니다",
        },
        "error.export.cannot_write_dir": {
            "en": "{path}: cannot write: {why}",
            "ko": "{path}: 쓸 수 없습니다: {why}",
        },
        "error.export.failed": {
            "en": "{path}: cannot write the export: {why}",
            "ko": "{path}: 내보내기를 쓸 수 없습니다: {why}",
        },
        "error.chart.format": {
            "en": "cannot tell the chart format from {path!r} ({ext}): name the file with {exts}",
            "ko": (
                "{path!r}의 확장자({ext})로는 차트 형식을 알 수 없습니다:"
                " 파일 이름을 {exts}로 끝내세요"
            ),
        },
        "error.chart.no_extension": {"en": "no extension", "ko": "없음"},
        "error.chart.font": {
            "en": (
                "a Korean chart needs the NanumGothic font from the koreanize-matplotlib"
                " package; install it with: pip install koreanize-matplotlib"
            ),
            "ko": (
                "한국어 차트에는 koreanize-matplotlib 패키지의 나눔고딕 글꼴이 필요합니다."
                " 설치: pip install koreanize-matplotlib"
            ),
        },
        "error.chart.no_gaps": {"en": "no gaps to chart", "ko": "차트로 그릴 격차가 없습니다"},
        "error.chart.no_scores": {"en": "no scores to chart", "ko": "차트로 그릴 점수가 없습니다"},
        "error.chart.one_country": {
            "en": "{name} has scores of one country only: a chart compares the US and China"
            " (aigap scores {id} lists them)",
            "ko": "{name}에는 한 나라의 점수만 있습니다. 차트는 미국과 중국을 비교합니다"
            " (aigap scores {id}로 볼 수 있습니다)",
        },
        "error.since_after_until": {
            "en": "--since {since} is after --until {until}: nothing can be in between",
            "ko": "--since {since}이(가) --until {until}보다 늦어 그 사이에 올 것이 없습니다",
        },
        "error.unknown_tag": {
            "en": "no fact has the tag {tags} (known tags: {known})",
            "ko": "태그 {tags}이(가) 붙은 사실이 없습니다 (알려진 태그: {known})",
        },
        "error.max_bytes.number": {
            "en": "{name} must be a whole number of bytes, got {raw!r}",
            "ko": "{name}은(는) 바이트 수(정수)여야 합니다: {raw!r}",
        },
        "error.max_bytes.positive": {
            "en": "{name} must be positive, got {raw!r}",
            "ko": "{name}은(는) 양수여야 합니다: {raw!r}",
        },
        "error.read_base": {
            "en": "{path}: could not read the fact base: {why}",
            "ko": "{path}: 사실 기반을 읽을 수 없습니다: {why}",
        },
        "error.date.form": {
            "en": "bad date {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD"
            " (YYYY-end or YYYY-MM-end for the end of a year or month, -start for its start)",
            "ko": "날짜가 잘못되었습니다: {text!r} (YYYY, YYYY-MM 또는 YYYY-MM-DD로 쓰세요."
            " 연말·월말은 YYYY-end, YYYY-MM-end, 연초·월초는 -start)",
        },
        "error.date.month": {
            "en": "bad date {text!r}: month {month} does not exist",
            "ko": "날짜가 잘못되었습니다: {text!r} ({month}월은 없습니다)",
        },
        "error.date.day": {
            "en": "bad date {text!r}: day {day} does not exist",
            "ko": "날짜가 잘못되었습니다: {text!r} ({month}월 {day}일은 없습니다)",
        },
    }
)


# --- usage errors (usage_errors.py): Click's, said in Korean ------------------------
LABELS.update(
    {
        "usage.usage": {"en": "Usage: {line}", "ko": "사용법: {line}"},
        "usage.help": {"en": "Try '{line}' for help.", "ko": "도움말: {line}"},
        "usage.error": {"en": "Error: {message}", "ko": "오류: {message}"},
        "usage.no_command": {
            "en": "No such command {name!r}.",
            "ko": "그런 명령이 없습니다: {name!r}",
        },
        "error.chart_extra": {
            "en": 'aigap chart needs the chart extra: pip install "aigap[chart]"',
            "ko": 'aigap chart에는 chart 추가 기능이 필요합니다: pip install "aigap[chart]"',
        },
        "usage.no_command_like": {
            "en": "No such command {name!r}. Did you mean {like!r}?",
            "ko": "그런 명령이 없습니다: {name!r}\n혹시 {like!r}을(를) 찾으셨나요?",
        },
        "usage.try": {"en": "try: {line}", "ko": "이렇게 해 보세요: {line}"},
        "usage.missing_command": {"en": "Missing command.", "ko": "명령을 지정하세요"},
        "usage.no_option": {"en": "No such option: {name}", "ko": "그런 옵션이 없습니다: {name}"},
        "usage.similar": {"en": " (Possible options: {names})", "ko": " (비슷한 옵션: {names})"},
        "usage.needs_value": {
            "en": "Option {name!r} requires an argument.",
            "ko": "옵션 {name}에는 값이 필요합니다",
        },
        "usage.takes_no_value": {
            "en": "Option {name!r} does not take a value.",
            "ko": "옵션 {name}은(는) 값을 받지 않습니다",
        },
        "usage.missing": {"en": "Missing argument {name}.", "ko": "필요한 인자가 없습니다: {name}"},
        "usage.missing_option": {
            "en": "Missing option {name}.",
            "ko": "필요한 옵션이 없습니다: {name}",
        },
        "usage.bad_value": {
            "en": "Invalid value for {name}: {detail}",
            "ko": "{name}의 값이 잘못되었습니다: {detail}",
        },
        "usage.at_least": {
            "en": "Input should be greater than or equal to {n}",
            "ko": "{n} 이상이어야 합니다 (받은 값: {value!r})",
        },
        "usage.at_most": {
            "en": "Input should be less than or equal to {n}",
            "ko": "{n} 이하여야 합니다 (받은 값: {value!r})",
        },
        # Typer's words for a flag's bad value from the environment (AIGAP_NO_PACKAGED=maybe)
        "usage.boolean": {
            "en": "Input should be a valid boolean, unable to interpret input",
            "ko": "참이나 거짓이어야 합니다 (1, true, yes, on 또는 0, false, no, off)",
        },
        "usage.integer": {
            "en": "Input should be a valid integer, unable to parse string as an integer",
            "ko": "정수여야 합니다 (받은 값: {value!r})",
        },
        "usage.choice": {
            "en": "{value!r} is not one of: {choices}",
            "ko": "{value!r}은(는) 고를 수 없습니다 (고를 수 있는 값: {choices})",
        },
        "usage.extra": {
            "en": "Got unexpected extra argument(s) ({args})",
            "ko": "예상하지 못한 인자가 있습니다: {args}",
        },
        "usage.lang": {
            "en": "{value!r}: aigap speaks en or ko (ko_KR.UTF-8 and the like work)",
            "ko": "{value!r}: aigap은 en과 ko만 지원합니다 (ko_KR.UTF-8 같은 형식도 됩니다)",
        },
        "usage.lang_env": {
            "en": ("AIGAP_LANG={value!r}: aigap speaks en or ko (ko_KR.UTF-8 and the like work)"),
            "ko": (
                "AIGAP_LANG={value!r}: aigap은 en과 ko만 지원합니다"
                " (ko_KR.UTF-8 같은 형식도 됩니다)"
            ),
        },
        "usage.not_dir": {"en": "{path}: not a directory", "ko": "{path}: 디렉터리가 아닙니다"},
        "usage.no_dir": {"en": "{path}: no such directory", "ko": "{path}: 디렉터리가 없습니다"},
        "usage.unreadable": {"en": "{path}: cannot be read", "ko": "{path}: 읽을 수 없습니다"},
        "usage.env_hint": {
            "en": "environment variable {name!r}",
            "ko": "환경 변수 {name!r}",
        },
        "usage.empty_path": {
            "en": "an empty path ('') names no file or directory",
            "ko": "빈 경로('')는 파일이나 디렉터리를 가리키지 않습니다",
        },
    }
)


# --- the system's reasons (errors.os_reason): English as the system says it ---------
LABELS.update(
    {
        f"os.{name}": {"en": "{strerror}", "ko": korean}
        for name, korean in (
            ("EACCES", "권한이 없습니다"),
            ("EPERM", "허용되지 않은 작업입니다"),
            ("ENOENT", "그런 파일이나 디렉터리가 없습니다"),
            ("ENOTDIR", "디렉터리가 아닙니다"),
            ("EISDIR", "디렉터리입니다"),
            ("EEXIST", "이미 있습니다"),
            ("ENOSPC", "장치에 남은 공간이 없습니다"),
            ("EDQUOT", "디스크 할당량을 넘었습니다"),
            ("EFBIG", "파일이 너무 큽니다"),
            ("EROFS", "읽기 전용 파일 시스템입니다"),
            ("EIO", "입출력 오류입니다"),
            ("EBADF", "잘못된 파일 디스크립터입니다"),
            ("ENAMETOOLONG", "파일 이름이 너무 깁니다"),
            ("ELOOP", "심볼릭 링크가 너무 많이 이어집니다"),
        )
    }
)


# --- problems inside a fact file (validate.py, kinds/*.py, yaml_reader.py) ------------
# "file:line: " comes before; the English is exactly what aigap said before, and
# `check` (English only) and its JSON keep it. {got} is a problem.describe.* phrase,
# {hint} a problem.hint.* phrase or "".
LABELS.update(
    {
        # what a value is, inside "got ..."
        "problem.describe.null": {"en": "nothing (null)", "ko": "값 없음(null)"},
        "problem.describe.boolean": {"en": "a boolean ({value})", "ko": "불리언({value})"},
        "problem.describe.number": {"en": "a number ({value!r})", "ko": "숫자({value!r})"},
        "problem.describe.string": {"en": "a string ({value!r})", "ko": "문자열({value!r})"},
        "problem.describe.list": {"en": "a list", "ko": "목록"},
        "problem.describe.mapping": {"en": "a mapping", "ko": "매핑"},
        "problem.describe.other": {"en": "{name}", "ko": "{name} 값"},
        # hints after a message
        # after "(받은 값: ...)": a sentence of its own, not a second parenthesis
        "problem.hint.quote": {"en": " (quote it)", "ko": ". 따옴표로 감싸세요"},
        "problem.hint.unquote": {"en": " (remove the quotes)", "ko": ". 따옴표를 빼세요"},
        "problem.hint.did_you_mean": {
            "en": " (did you mean {name!r}?)",
            "ko": " (혹시 {name!r}을(를) 찾으셨나요?)",
        },
        "problem.hint.known_fields": {
            "en": " (known: {names})",
            "ko": " (쓸 수 있는 필드: {names})",
        },
        "problem.hint.known_sections": {
            "en": " (known: {names})",
            "ko": " (쓸 수 있는 섹션: {names})",
        },
        "problem.hint.see_entities": {
            "en": " (see the entities section)",
            "ko": " (entities 섹션을 보세요)",
        },
        # a field's value (validate.py)
        "problem.empty": {"en": "must not be empty", "ko": "비어 있으면 안 됩니다"},
        "problem.expected.string": {
            "en": "expected a string, got {got}{hint}",
            "ko": "문자열이어야 합니다 (받은 값: {got}){hint}",
        },
        "problem.expected.finite": {
            "en": "expected a finite number, got {value!r}",
            "ko": "유한한 숫자여야 합니다 (받은 값: {value!r})",
        },
        "problem.expected.number": {
            "en": "expected a number, got {got}{hint}",
            "ko": "숫자여야 합니다 (받은 값: {got}){hint}",
        },
        "problem.expected.count": {
            "en": "expected a whole number from 1 to 10^12, got {got}",
            "ko": "1부터 10^12까지의 정수가 필요합니다: {got}",
        },
        "problem.expected.boolean": {
            "en": "expected true or false, got {got}",
            "ko": "true나 false여야 합니다 (받은 값: {got})",
        },
        "problem.expected.id": {
            "en": "expected an id, got {got}",
            "ko": "ID여야 합니다 (받은 값: {got})",
        },
        "problem.bad_id": {
            "en": "bad id {value!r}: use lower-case letters, digits, '.', '_' and '-'",
            "ko": "ID가 잘못되었습니다: {value!r} (영문 소문자, 숫자, '.', '_', '-'만 쓰세요)",
        },
        "problem.expected.text": {
            "en": "expected a mapping {{en: ..., ko: ...}}, got {got}",
            "ko": "{{en: ..., ko: ...}} 형태의 매핑이어야 합니다 (받은 값: {got})",
        },
        "problem.unknown_language": {
            "en": "unknown language {name!r} (use en or ko)",
            "ko": "알 수 없는 언어: {name!r} (en이나 ko를 쓰세요)",
        },
        "problem.no_text": {
            "en": "needs an 'en' or a 'ko' text",
            "ko": "'en'이나 'ko' 텍스트가 필요합니다",
        },
        "problem.bad_date": {
            "en": "bad date {got}: use YYYY, YYYY-MM or YYYY-MM-DD"
            " (YYYY-end or YYYY-MM-end for the end of a year or month, -start for its start)",
            "ko": "날짜가 잘못되었습니다: {got} (YYYY, YYYY-MM 또는 YYYY-MM-DD로 쓰세요."
            " 연말·월말은 YYYY-end, YYYY-MM-end, 연초·월초는 -start)",
        },
        "problem.expected.one_of": {
            "en": "expected one of {choices}; got {got}",
            "ko": "{choices} 중 하나여야 합니다 (받은 값: {got})",
        },
        "problem.expected.list": {
            "en": "expected a list, got {got}",
            "ko": "목록이어야 합니다 (받은 값: {got})",
        },
        "problem.too_few": {
            "en": "needs at least {min} items, has {count}",
            "ko": "항목이 {min}개 이상 있어야 하는데 {count}개입니다",
        },
        "problem.expected.mapping": {
            "en": "expected a mapping, got {got}",
            "ko": "매핑이어야 합니다 (받은 값: {got})",
        },
        "problem.unknown_field": {
            "en": "unknown field {name!r}{hint}",
            "ko": "알 수 없는 필드: {name!r}{hint}",
        },
        "problem.missing_field": {
            "en": "missing field {name!r}",
            "ko": "필드 {name!r}이(가) 없습니다",
        },
        # the file as a whole (validate.py)
        "problem.top_level": {
            "en": "the top level must be a mapping of sections, got {got}",
            "ko": "최상위는 섹션들의 매핑이어야 합니다 (받은 값: {got})",
        },
        "problem.unknown_section": {
            "en": "unknown section {name!r}{hint}",
            "ko": "알 수 없는 섹션: {name!r}{hint}",
        },
        "problem.no_schema": {"en": "missing 'schema: 1'", "ko": "'schema: 1'이 없습니다"},
        "problem.schema": {
            "en": "unsupported schema {schema!r} (this aigap reads schema 1)",
            "ko": "지원하지 않는 스키마: {schema!r} (이 aigap은 스키마 1을 읽습니다)",
        },
        "problem.no_sources": {
            "en": "missing section 'sources'",
            "ko": "'sources' 섹션이 없습니다",
        },
        "problem.duplicate_id": {
            "en": "duplicate id {id!r} (also {other})",
            "ko": "중복된 ID: {id!r} ({other}에도 있습니다)",
        },
        "problem.unknown_source": {
            "en": "unknown source id {id!r} (known: {known})",
            "ko": "알 수 없는 출처 ID: {id!r} (알려진 출처: {known})",
        },
        "problem.unknown_benchmark": {
            "en": "unknown benchmark id {id!r} (known: {known})",
            "ko": "알 수 없는 벤치마크 ID: {id!r} (알려진 벤치마크: {known})",
        },
        "problem.unknown_entity": {
            "en": "unknown entity id {id!r}{hint}",
            "ko": "알 수 없는 개체 ID: {id!r}{hint}",
        },
        "problem.self_relation": {
            "en": "{field} {id!r} is the entity itself: an entity is not related to itself",
            "ko": "{field} {id!r}은(는) 이 항목 자신입니다: 자기 자신과는 관계를 맺을 수 없습니다",
        },
        "problem.duplicate_tie": {
            "en": "affiliation with {id!r} is listed twice",
            "ko": "{id!r} 소속이 두 번 적혀 있습니다",
        },
        "problem.wrong_type": {
            "en": "{target!r} is of type {type}, not {types}",
            "ko": "{target!r}의 유형이 {types}이(가) 아니라 {type}입니다",
        },
        "problem.no_english": {
            "en": "fact {id!r} has no English rendering (passage_en)",
            "ko": "사실 {id!r}에 영어 번역(passage_en)이 없습니다",
        },
        "problem.listed_twice": {
            "en": "{item!r} is listed twice",
            "ko": "{item!r}이(가) 두 번 적혀 있습니다",
        },
        "problem.quoted_rendering": {
            "en": "an English rendering puts no words in quotation marks: a translation is not "
            "what was said (write it as reported speech; the speaker's own words go in original)",
            "ko": "영어 번역에는 따옴표를 쓰지 않습니다. 번역은 실제 발언이 아닙니다 "
            "(간접 화법으로 쓰고, 발언자의 원래 말은 original에 적으세요)",
        },
        "problem.unused_source": {
            "en": "source {id!r} supports no fact",
            "ko": "출처 {id!r}을(를) 근거로 삼는 사실이 없습니다",
        },
        "problem.looks_like_copy": {
            "en": "this file repeats {count} ids of {other}: it looks like a copy of it; "
            "read one of the two, not both (the first clashes follow; {rest} more not shown)",
            "ko": "이 파일은 {other}의 ID {count}개를 되풀이합니다. 그 파일의 사본으로 보이니 "
            "둘 중 하나만 읽으세요 (처음 몇 개의 충돌만 아래에 있고 {rest}개는 생략)",
        },
        "problem.looks_like_packaged_copy": {
            "en": "this file repeats {count} ids of the packaged base ({other}): it looks like "
            "a copy of it, and aigap reads the packaged base too; to use your copy instead, "
            "run with --no-packaged (or keep only your new entries in this file) "
            "(the first clashes follow; {rest} more not shown)",
            "ko": "이 파일은 내장 사실 기반({other})의 ID {count}개를 되풀이합니다. 그 사본으로 "
            "보이며 aigap은 내장 기반도 함께 읽습니다. 사본만 쓰려면 --no-packaged를 붙여 "
            "실행하세요 (또는 이 파일에 새 항목만 남기세요) (처음 몇 개의 충돌만 아래에 있고 "
            "{rest}개는 생략)",
        },
        "problem.name_taken": {
            "en": "name {name!r} is already used by {what} {owner!r} ({where})",
            "ko": "이름 {name!r}은(는) 이미 {what} {owner!r}이(가) 쓰고 있습니다 ({where})",
        },
        "problem.what.benchmark": {"en": "benchmark", "ko": "벤치마크"},
        "problem.what.entity": {"en": "entity", "ko": "개체"},
        # the kinds' own rules (kinds/*.py)
        "problem.event.no_precision": {
            "en": "event {id!r} has no date precision",
            "ko": "사건 {id!r}에 날짜 정밀도(precision)가 없습니다",
        },
        "problem.event.precision": {
            "en": "precision {precision!r} does not match date {date!r}",
            "ko": "정밀도 {precision!r}이(가) 날짜 {date!r}와(과) 맞지 않습니다",
        },
        "problem.range": {
            "en": "{value} is out of range: must be from {low} to {high}",
            "ko": "{value}은(는) 범위를 벗어났습니다: {low}에서 {high} 사이여야 합니다",
        },
        "problem.range.above": {
            "en": "{value} is out of range: must be above {low} and at most {high}",
            "ko": "{value}은(는) 범위를 벗어났습니다: {low}보다 크고 {high} 이하여야 합니다",
        },
        "problem.gap.order": {
            "en": "values must be in date order",
            "ko": "values는 날짜순이어야 합니다",
        },
        # the YAML reader (yaml_reader.py); {what}, {exc}: the YAML library's words
        "problem.yaml.int_digits": {
            "en": "integer with {digits} digits is too long (at most {max})",
            "ko": "정수가 {digits}자리로 너무 깁니다 (최대 {max}자리)",
        },
        "problem.yaml.int_literal": {
            "en": "integer literal is too long (at most {max} digits)",
            "ko": "정수 리터럴이 너무 깁니다 (최대 {max}자리)",
        },
        "problem.yaml.float_literal": {
            "en": "number literal is too long (at most 100 characters)",
            "ko": "숫자 리터럴이 너무 깁니다 (최대 100자)",
        },
        "problem.yaml.bom": {
            "en": "UTF-8 byte-order mark ignored",
            "ko": "UTF-8 바이트 순서 표시(BOM)를 무시했습니다",
        },
        "problem.yaml.nul": {
            "en": "NUL byte in file: a fact file is UTF-8 text",
            "ko": "파일에 NUL 바이트가 있습니다: 사실 파일은 UTF-8 텍스트여야 합니다",
        },
        "problem.yaml.not_utf8": {
            "en": "not UTF-8: invalid byte 0x{byte:02x}",
            "ko": "UTF-8이 아닙니다: 잘못된 바이트 0x{byte:02x}",
        },
        "problem.yaml.overrun": {
            "en": (
                "scalar (or comment) after this point is longer than"
                " {limit:,} characters (at most {limit:,})"
            ),
            "ko": "이 지점 뒤의 스칼라(또는 주석)가 {limit:,}자보다 깁니다 (최대 {limit:,}자)",
        },
        "problem.yaml.too_many": {
            "en": "stopped after {n} problems",
            "ko": "문제가 {n}개에 이르러 멈췄습니다",
        },
        "problem.yaml.syntax": {"en": "YAML syntax error: {what}", "ko": "YAML 문법 오류: {what}"},
        # libyaml's words for its common problems (the English as libyaml says it; a
        # problem not listed here keeps libyaml's English in a Korean run too)
        "yaml.problem.mapping_values": {
            "en": "mapping values are not allowed in this context",
            "ko": (
                "이 위치에는 매핑 값을 쓸 수 없습니다"
                " (들여쓰기와, 따옴표 없는 값 속의 ': '를 확인하세요)"
            ),
        },
        "yaml.problem.mapping_keys": {
            "en": "mapping keys are not allowed in this context",
            "ko": "이 위치에는 매핑 키를 쓸 수 없습니다",
        },
        "yaml.problem.block_entries": {
            "en": "block sequence entries are not allowed in this context",
            "ko": "이 위치에는 목록 항목('- ')을 쓸 수 없습니다 (들여쓰기를 확인하세요)",
        },
        "yaml.problem.expected_colon": {
            "en": "could not find expected ':'",
            "ko": "':'이(가) 있어야 합니다",
        },
        "yaml.problem.expected_key": {
            "en": "did not find expected key",
            "ko": "키가 있어야 합니다 (들여쓰기를 확인하세요)",
        },
        "yaml.problem.expected_dash": {
            "en": "did not find expected '-' indicator",
            "ko": "목록 항목 표시 '-'가 있어야 합니다 (들여쓰기를 확인하세요)",
        },
        "yaml.problem.expected_comma_bracket": {
            "en": "did not find expected ',' or ']'",
            "ko": "',' 또는 ']'가 있어야 합니다",
        },
        "yaml.problem.expected_comma_brace": {
            "en": "did not find expected ',' or '}'",
            "ko": "',' 또는 '}'가 있어야 합니다",
        },
        "yaml.problem.expected_value": {
            "en": "did not find expected node content",
            "ko": "값이 있어야 합니다",
        },
        "yaml.problem.expected_line_end": {
            "en": "did not find expected comment or line break",
            "ko": "주석이나 줄바꿈이 있어야 합니다",
        },
        "yaml.problem.expected_document": {
            "en": "did not find expected <document start>",
            "ko": "문서 시작('---')이 있어야 합니다",
        },
        "yaml.problem.expected_hex": {
            "en": "did not find expected hexdecimal number",
            "ko": "16진수 숫자가 있어야 합니다",
        },
        "yaml.problem.expected_alnum": {
            "en": "did not find expected alphabetic or numeric character",
            "ko": "영문자나 숫자가 있어야 합니다",
        },
        "yaml.problem.expected_space": {
            "en": "did not find expected whitespace or line break",
            "ko": "공백이나 줄바꿈이 있어야 합니다",
        },
        "yaml.problem.bad_token_start": {
            "en": "found character that cannot start any token",
            "ko": "YAML 토큰을 시작할 수 없는 문자가 있습니다 (따옴표로 감싸세요)",
        },
        "yaml.problem.unexpected_end": {
            "en": "found unexpected end of stream",
            "ko": "파일이 중간에 끝났습니다 (닫는 따옴표나 괄호를 확인하세요)",
        },
        "yaml.problem.tab_indent": {
            "en": "found a tab character that violates indentation",
            "ko": "들여쓰기에 탭 문자가 있습니다 (공백으로 들여쓰세요)",
        },
        "yaml.problem.tab_space": {
            "en": "found a tab character where an indentation space is expected",
            "ko": "들여쓰기 공백 자리에 탭 문자가 있습니다 (공백으로 들여쓰세요)",
        },
        "yaml.problem.unknown_escape": {
            "en": "found unknown escape character",
            "ko": "알 수 없는 이스케이프 문자입니다",
        },
        "yaml.problem.bad_unicode_escape": {
            "en": "found invalid Unicode character escape code",
            "ko": "잘못된 유니코드 이스케이프 코드입니다",
        },
        "yaml.problem.document_marker": {
            "en": "found unexpected document indicator",
            "ko": "예상하지 못한 문서 표시('---' 또는 '...')가 있습니다",
        },
        "yaml.problem.undefined_tag": {
            "en": "found undefined tag handle",
            "ko": "정의되지 않은 태그 핸들입니다",
        },
        "yaml.problem.unexpected_colon": {
            "en": "found unexpected ':'",
            "ko": "예상하지 못한 ':'가 있습니다",
        },
        # the same problems in the words of PyYAML's pure-Python parser (without libyaml)
        "yaml.problem.py_mapping_values": {
            "en": "mapping values are not allowed here",
            "ko": (
                "이 위치에는 매핑 값을 쓸 수 없습니다"
                " (들여쓰기와, 따옴표 없는 값 속의 ': '를 확인하세요)"
            ),
        },
        "yaml.problem.py_sequence_entries": {
            "en": "sequence entries are not allowed here",
            "ko": "이 위치에는 목록 항목('- ')을 쓸 수 없습니다 (들여쓰기를 확인하세요)",
        },
        "yaml.problem.py_bad_token_start": {
            "en": "found character {found} that cannot start any token",
            "ko": "문자 {found}(으)로는 YAML 토큰을 시작할 수 없습니다 (따옴표로 감싸세요)",
        },
        "yaml.problem.py_unknown_escape": {
            "en": "found unknown escape character {found}",
            "ko": "알 수 없는 이스케이프 문자입니다: {found}",
        },
        "problem.yaml.error": {"en": "YAML error: {exc}", "ko": "YAML 오류: {exc}"},
        "problem.yaml.depth": {
            "en": "nesting deeper than {n} levels",
            "ko": "중첩이 {n}단계보다 깊습니다",
        },
        "problem.yaml.character": {
            "en": "character U+{code:04X} is not allowed in a fact file: remove it",
            "ko": "문자 U+{code:04X}은(는) 사실 파일에 쓸 수 없습니다: 지우세요",
        },
        "problem.yaml.control": {
            "en": (
                "control character U+{code:04X} is not allowed in a fact file,"
                " written as an escape either: remove it"
            ),
            "ko": (
                "제어 문자 U+{code:04X}은(는) 이스케이프로 써도 사실 파일에 쓸 수 없습니다:"
                " 지우세요"
            ),
        },
        "problem.yaml.empty": {
            "en": "the file is empty: expected a mapping",
            "ko": "파일이 비어 있습니다: 매핑이 있어야 합니다",
        },
        "problem.yaml.tag": {"en": "unsupported tag {tag}", "ko": "지원하지 않는 태그: {tag}"},
        "problem.yaml.long_scalar": {
            "en": "scalar of {n:,} characters is too long (at most {limit:,})",
            "ko": "스칼라가 {n:,}자로 너무 깁니다 (최대 {limit:,}자)",
        },
        "problem.yaml.alias": {
            "en": "aliases (*{anchor}) are not supported",
            "ko": "별칭(*{anchor})은 지원하지 않습니다",
        },
        "problem.yaml.documents": {
            "en": "more than one YAML document in the file",
            "ko": "파일에 YAML 문서가 둘 이상 있습니다",
        },
        "problem.yaml.merge_key": {
            "en": "merge keys (<<) are not supported",
            "ko": "병합 키(<<)는 지원하지 않습니다",
        },
        "problem.yaml.duplicate_key": {
            "en": "duplicate key {name!r} in this mapping",
            "ko": "이 매핑에 중복된 키가 있습니다: {name!r}",
        },
        "problem.yaml.complex_key": {
            "en": "mapping keys must be plain strings",
            "ko": "매핑의 키는 평범한 문자열이어야 합니다",
        },
        # load.py: the reader itself failed (a bug guard); {exc} is Python's repr
        "problem.cannot_parse": {
            "en": "cannot parse: {exc}",
            "ko": "구문을 분석할 수 없습니다: {exc}",
        },
    }
)

# --- verify (verify.py, verify_layout.py) --------------------------------------
# Its own block at the end, so labels added elsewhere never touch these lines.
LABELS.update(
    {
        "verdict.supported": {"en": "supported", "ko": "확인됨"},
        "verdict.contradicted": {"en": "contradicted", "ko": "불일치"},
        "verdict.wrong-unit": {"en": "wrong unit", "ko": "단위 오류"},
        "verdict.misattributed": {"en": "misattributed", "ko": "발언자 오류"},
        "verdict.unverified": {"en": "unverified", "ko": "확인 불가"},
        "verdict.impossible-date": {"en": "impossible", "ko": "없는 날짜"},
        "verify.not_verbatim": {
            "en": "the words in quotation marks are not the speaker's own (a paraphrase or a"
            " translation)",
            "ko": "따옴표 안의 말이 발언자 본인의 말이 아님 (바꿔 쓴 말이나 번역)",
        },
        "verify.other_weekday": {
            "en": "no such date: {date} was a {weekday}, not a {written}",
            "ko": "있을 수 없는 날짜: {date}은 {written}이 아니라 {weekday}",
        },
        "weekday.0": {"en": "Monday", "ko": "월요일"},
        "weekday.1": {"en": "Tuesday", "ko": "화요일"},
        "weekday.2": {"en": "Wednesday", "ko": "수요일"},
        "weekday.3": {"en": "Thursday", "ko": "목요일"},
        "weekday.4": {"en": "Friday", "ko": "금요일"},
        "weekday.5": {"en": "Saturday", "ko": "토요일"},
        "weekday.6": {"en": "Sunday", "ko": "일요일"},
        "verify.difference": {
            "en": "a difference of {d}: {a} and {b}",
            "ko": "차이 {d}: {a}, {b}",
        },
        "verify.base_has": {"en": "the base has {says}", "ko": "사실 기반의 기록은 {says}"},
        "verify.no_month": {
            "en": "no such date: there is no month {month}",
            "ko": "있을 수 없는 날짜: {month}월은 없음",
        },
        "verify.no_day": {
            "en": "no such date: {month} has {days} days",
            "ko": "있을 수 없는 날짜: {month}은 {days}일까지",
        },
        "verify.month": {"en": "{month}", "ko": "{m}월"},
        "verify.month_year": {"en": "{month} {year}", "ko": "{year}년 {m}월"},
        "verify.title": {"en": "Claims checked in {draft}", "ko": "{draft}에서 확인한 주장"},
        "verify.stdin": {"en": "standard input", "ko": "표준 입력"},
        "verify.stdin_draft": {"en": "on standard input", "ko": "(표준 입력)"},
        "verify.line": {"en": "Line", "ko": "줄"},
        "verify.claim": {"en": "Claim", "ko": "주장"},
        "verify.figure": {"en": "Figure or words", "ko": "수치·발언"},
        "verify.verdict": {"en": "Verdict", "ko": "판정"},
        "verify.says": {"en": "The base says", "ko": "사실 기반의 기록"},
        "verify.fact": {"en": "Fact", "ko": "사실 ID"},
        "verify.source": {"en": "Source", "ko": "출처"},
        "verify.nothing": {
            "en": "No claim in the draft is about the fact base's subjects.",
            "ko": "초안에 사실 기반의 주제에 관한 주장이 없습니다.",
        },
        "verify.summary": {
            "en": "{total} claims: {counts}.",
            "ko": "주장 {total}건: {counts}.",
        },
        "verify.summary_one": {"en": "1 claim: {counts}.", "ko": "주장 1건: {counts}."},
        "verify.count": {"en": "{n} {verdict}", "ko": "{verdict} {n}건"},
        "verify.no_base": {"en": "nothing in the base", "ko": "사실 기반에 기록 없음"},
        "verify.other_date": {
            "en": "the figure matches, the draft's date ({when}) does not",
            "ko": "수치는 맞지만 초안의 날짜({when})가 다름",
        },
        "verify.other_date_direction": {
            "en": (
                "the figure matches, the draft's date ({when}) and its direction (up or down)"
                " do not"
            ),
            "ko": "수치는 맞지만 초안의 날짜({when})와 방향(상승·하락)이 다름",
        },
        "verify.other_direction": {
            "en": "the figure matches, its direction (up or down) does not",
            "ko": "수치는 맞지만 방향(상승·하락)이 다름",
        },
        "verify.belongs": {
            "en": "the draft's {figure} matches {whose}",
            "ko": "초안의 {figure}는 {whose}와 일치",
        },
        "verify.checklist": {
            "en": "Fact check of {draft}",
            "ko": "{draft} 사실 확인 목록",
        },
        "verify.checklist_line": {"en": "line {line}", "ko": "{line}번째 줄"},
        "error.draft_none": {
            "en": "no draft: give a FILE, or pipe one in (aigap verify - reads what you type)",
            "ko": (
                "초안이 없습니다: 파일을 지정하거나 파이프로 넘기세요"
                " (aigap verify - 는 입력한 내용을 읽습니다)"
            ),
        },
        "error.draft_missing": {
            "en": "cannot read the draft {path}: no such file",
            "ko": "초안 {path}을(를) 읽을 수 없습니다: 파일이 없습니다",
        },
        "error.draft_unreadable": {
            "en": "cannot read the draft {path}: {why}",
            "ko": "초안 {path}을(를) 읽을 수 없습니다: {why}",
        },
        "error.draft_directory": {
            "en": "cannot read the draft {path}: it is a directory",
            "ko": "초안 {path}을(를) 읽을 수 없습니다: 디렉터리입니다",
        },
        "error.draft_not_utf8": {
            "en": "the draft {path} is not UTF-8 text (line {line})",
            "ko": "초안 {path}은(는) UTF-8 텍스트가 아닙니다 ({line}번째 줄)",
        },
        "error.draft_binary": {
            "en": "the draft {path} is not text (a Word file or PDF?): save it as plain text or"
            " Markdown",
            "ko": "초안 {path}은(는) 텍스트가 아닙니다 (워드 파일이나 PDF?): 일반 텍스트나"
            " 마크다운으로 저장하세요",
        },
        "error.draft_too_large": {
            "en": "the draft {path} is over {limit:,} bytes",
            "ko": "초안 {path}이(가) {limit:,}바이트를 넘습니다",
        },
    }
)

# --- words a kind puts around its figures (kinds/*.py), and show's field values -----
LABELS.update(
    {
        "market.close": {"en": "close {amount}", "ko": "종가 {amount}"},
        "market.lost": {"en": "lost {amount}", "ko": "시가총액 {amount} 증발"},
        "market.lost_value": {"en": "lost {amount} in value", "ko": "시가총액 {amount} 증발"},
        "gap.answer": {
            "en": "US–China gap on {name}: {values}",
            "ko": "{name} 미·중 격차: {values}",
        },
        # a date's precision, as show prints it after the date ("2025-01-27 (day)");
        # Korean says 단위: "2025-01-27 (일)" reads as a Sunday, "(월)" as a Monday
        "precision.day": {"en": "day", "ko": "일 단위"},
        "precision.month": {"en": "month", "ko": "월 단위"},
        "precision.year": {"en": "year", "ko": "연 단위"},
        "precision.period": {"en": "period", "ko": "기간"},
        # the other language of a text field, as show names its row ("note (en)")
        "field.lang.en": {"en": "en", "ko": "영어"},
        "field.lang.ko": {"en": "ko", "ko": "한국어"},
        # the currency of a figure crosscheck derives ("~142.5 USD")
        "basis.pp": {"en": " pp", "ko": "%p"},
        "basis.usd": {"en": " USD", "ko": "달러"},
        "basis.krw": {"en": " KRW", "ko": "원"},
        # values of a record's fields that are words of aigap's, not the article's
        # an event's precision field, as show prints it
        "value.day": {"en": "day", "ko": "일 단위"},
        "value.month": {"en": "month", "ko": "월 단위"},
        "value.year": {"en": "year", "ko": "연 단위"},
        "value.company": {"en": "company", "ko": "기업"},
        "value.index": {"en": "index", "ko": "지수"},
        "value.rendering": {"en": "rendering", "ko": "번역"},
        "value.original": {"en": "original", "ko": "원문"},
        "value.direct": {"en": "direct", "ko": "직접 인용"},
        "value.reported": {"en": "reported", "ko": "간접 인용"},
        "value.chip": {"en": "chip", "ko": "칩"},
        "kind.entity": {"en": "entity", "ko": "대상"},
    }
)


# --- --help (cli/framework.py): every help text, in both languages ------------------
# help.<command> is a command's page (help.aigap the root's); a parameter's text
# is help.<command>.<parameter>, else help.opt.<parameter> (the shared options);
# help.metavar.<parameter> names a value in Korean (English keeps Typer's).
LABELS.update(
    {
        "help.aigap": {
            "en": (
                "The US–China AI gap, from a curated, source-cited fact base.\n\n"
                "Every number comes with its unit, its date and the verbatim passage of"
                " the article it is from.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap gap mmlu\n\n"
                "  aigap gap --format json\n\n"
                "  aigap timeline --since 2025-01"
            ),
            "ko": (
                "미·중 AI 격차를, 출처를 밝힌 사실 모음에서 보여 줍니다.\n\n"
                "모든 수치에는 단위와 날짜, 그리고 그 수치가 나온 기사의 원문 구절이"
                " 함께 나옵니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap gap mmlu\n\n"
                "  aigap gap --format json\n\n"
                "  aigap timeline --since 2025-01"
            ),
        },
        "help.gap": {
            "en": (
                "Show how the US–China gap on a benchmark changed, with its source.\n\n"
                "Without a benchmark, every gap in one table, grouped by unit.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap gap mmlu\n\n"
                "  aigap gap human-eval --format json\n\n"
                "  aigap gap"
            ),
            "ko": (
                "벤치마크에서 미·중 격차가 어떻게 달라졌는지 출처와 함께 보여 줍니다.\n\n"
                "벤치마크를 지정하지 않으면 모든 격차를 단위별로 묶어 한 표에 보여 줍니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap gap mmlu\n\n"
                "  aigap gap human-eval --format json\n\n"
                "  aigap gap"
            ),
        },
        "help.gap.benchmark": {
            "en": "Benchmark id or alias (mmlu, mmmu, math, humaneval, arena, 수학, ...).",
            "ko": "벤치마크 ID 또는 별칭 (mmlu, mmmu, math, humaneval, arena, 수학 등).",
        },
        "help.timeline": {
            "en": (
                "Tell the whole story in date order: events, gap readings, scores, market"
                " moves, quotes.\n\n"
                "Every dated entry of every kind of fact, each with its figure: a gap\n"
                "gives one entry per dated reading. Dates are ISO 8601 (2025-01-20, or\n"
                "2025-01 / 2023 when only that is known); a month sorts before its days\n"
                "and matches a range it overlaps. --since after --until is an error, as\n"
                "is a tag no fact has (the message lists the known tags); both exit 2.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap timeline\n\n"
                "  aigap timeline --since 2025-01 --until 2025-01-31\n\n"
                "  aigap timeline --kind gaps --kind market\n\n"
                "  aigap timeline --tag market --format csv"
            ),
            "ko": (
                "사건, 격차 측정값, 점수, 증시 등락, 발언까지 전체 흐름을 날짜순으로"
                " 보여 줍니다.\n\n"
                "모든 종류의 사실에서 날짜가 있는 항목을 수치와 함께 보여 줍니다. 격차는\n"
                "측정 시점마다 한 항목이 됩니다. 날짜는 ISO 8601 형식입니다(2025-01-20,\n"
                "알려진 것이 그뿐이면 2025-01 / 2023). 달만 있는 날짜는 그 달의 날짜들보다\n"
                "앞에 놓이고, 겹치는 범위에 들어갑니다. --since가 --until보다 늦거나, 어떤\n"
                "사실에도 없는 태그를 주면 오류입니다(알려진 태그를 보여 줍니다). 둘 다\n"
                "종료 코드 2입니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap timeline\n\n"
                "  aigap timeline --since 2025-01 --until 2025-01-31\n\n"
                "  aigap timeline --kind gaps --kind market\n\n"
                "  aigap timeline --tag market --format csv"
            ),
        },
        "help.timeline.kind": {
            "en": (
                "Only these kinds (repeatable): events, gaps, scores, market, quotes, claims, ..."
            ),
            "ko": (
                "이 종류만 (여러 번 쓸 수 있음): events, gaps, scores, market, quotes, claims 등"
            ),
        },
        "help.scores": {
            "en": (
                "Rank model scores on a benchmark, with each model's lead over the next.\n\n"
                "Without a benchmark, every benchmark that has scores, one group each.\n"
                "--model and --org keep one model's or organisation's scores (ranks stay\n"
                "those of the whole benchmark).\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap scores arena\n\n"
                "  aigap scores aime --format json\n\n"
                "  aigap scores --org deepseek"
            ),
            "ko": (
                "벤치마크의 모델 점수를 순위대로, 다음 모델과의 차이와 함께 보여 줍니다.\n\n"
                "벤치마크를 지정하지 않으면 점수가 있는 모든 벤치마크를 하나씩 묶어\n"
                "보여 줍니다. --model과 --org는 한 모델이나 기관의 점수만 남깁니다(순위는\n"
                "벤치마크 전체의 순위 그대로입니다).\n\n"
                "[b]예시[/b]\n\n"
                "  aigap scores arena\n\n"
                "  aigap scores aime --format json\n\n"
                "  aigap scores --org deepseek"
            ),
        },
        "help.scores.benchmark": {
            "en": "Benchmark id or alias (arena, aime, math500, ...).",
            "ko": "벤치마크 ID 또는 별칭 (arena, aime, math500 등).",
        },
        "help.scores.model": {
            "en": "Only this model (id, name or alias: r1, o1, 딥시크 R1, ...).",
            "ko": "이 모델만 (ID, 이름 또는 별칭: r1, o1, 딥시크 R1 등).",
        },
        "help.scores.org": {
            "en": "Only models of this organisation (deepseek, openai, 구글, ...).",
            "ko": "이 기관의 모델만 (deepseek, openai, 구글 등).",
        },
        "help.market": {
            "en": (
                "Show the share-price and index moves of the DeepSeek sell-off.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap market\n\n"
                "  aigap market --format csv > selloff.csv"
            ),
            "ko": (
                "딥시크 충격으로 인한 주가와 지수 등락을 보여 줍니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap market\n\n"
                "  aigap market --format csv > selloff.csv"
            ),
        },
        "help.costs": {
            "en": (
                "Show the training-cost and hardware claims, as the article states them.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap costs\n\n"
                "  aigap costs --lang ko"
            ),
            "ko": (
                "훈련 비용과 하드웨어에 관한 주장을 기사에 적힌 그대로 보여 줍니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap costs\n\n"
                "  aigap costs --lang ko"
            ),
        },
        "help.quotes": {
            "en": (
                "List attributed statements: speaker, role, the quote in Korean and English.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap quotes\n\n"
                "  aigap quotes --who altman --format json\n\n"
                "  aigap quotes --who openai"
            ),
            "ko": (
                "누가 한 말인지 밝혀진 발언을 발언자, 직함, 한국어와 영어 발언과 함께"
                " 보여 줍니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap quotes\n\n"
                "  aigap quotes --who altman --format json\n\n"
                "  aigap quotes --who openai"
            ),
        },
        "help.quotes.who": {
            "en": "Only quotes by this speaker or by people of this organisation (altman, openai).",
            "ko": "이 발언자나 이 기관 사람들의 발언만 (altman, openai).",
        },
        "help.facts": {
            "en": (
                "List every fact of every kind, one line each, in file order.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap facts\n\n"
                "  aigap facts --kind claims --format markdown"
            ),
            "ko": (
                "모든 종류의 사실을 파일에 적힌 순서대로 한 줄씩 보여 줍니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap facts\n\n"
                "  aigap facts --kind claims --format markdown"
            ),
        },
        "help.facts.kind": {
            "en": "Only facts of this kind: gaps, scores, events, market, costs, quotes, claims.",
            "ko": "이 종류의 사실만: gaps, scores, events, market, costs, quotes, claims.",
        },
        "help.search": {
            "en": (
                "Ask a question: facts, sources and benchmarks ranked by relevance, each with"
                " its answer.\n\n"
                "Each hit shows the figure with its unit and date (or the quote, the\n"
                "event), who, the source and the fact id for show and cite. Words match\n"
                "whole words; English inflections (lost, founded) and Korean particles\n"
                '(엔비디아는) match too; words like "how much did" count for nothing.\n'
                "No match is not an error: the table says so and JSON is [].\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap search how much did nvidia lose\n\n"
                "  aigap search R1 AIME\n\n"
                "  aigap search 딥시크 훈련 비용 --format json"
            ),
            "ko": (
                "질문하면 관련 있는 사실, 출처, 벤치마크를 관련도 순으로 답과 함께"
                " 보여 줍니다.\n\n"
                "찾은 항목마다 단위와 날짜가 붙은 수치(또는 발언, 사건), 주체, 출처,\n"
                "그리고 show와 cite에 쓸 사실 ID가 나옵니다. 단어는 온전한 단어로\n"
                "찾습니다. 영어 단어의 굴절형과 한국어 조사(엔비디아는)도 찾으며,\n"
                '"얼마나" 같은 말은 세지 않습니다. 찾은 것이 없어도 오류가\n'
                "아닙니다: 표에 그렇게 나오고 JSON은 []입니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap search how much did nvidia lose\n\n"
                "  aigap search R1 AIME\n\n"
                "  aigap search 딥시크 훈련 비용 --format json"
            ),
        },
        "help.search.words": {
            "en": "Words to look for, in any order, English or Korean; no quotes needed.",
            "ko": "찾을 단어 (순서 무관, 영어나 한국어; 따옴표는 필요 없음).",
        },
        "help.search.limit": {
            "en": "Show the best N hits (table default 10; json and csv: all).",
            "ko": "가장 잘 맞는 N건을 보여 줍니다 (표는 기본 10건; json과 csv는 전부).",
        },
        "help.show": {
            "en": (
                "Show a fact, source or benchmark in full, or everything about an entity"
                " (a name).\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap show market-nvidia-2025-01-27\n\n"
                "  aigap show altman\n\n"
                "  aigap show 엔비디아 --format json"
            ),
            "ko": (
                "사실, 출처, 벤치마크를 빠짐없이 보여 주거나, 이름으로 가리킨 대상에 관한"
                " 모든 것을 보여 줍니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap show market-nvidia-2025-01-27\n\n"
                "  aigap show altman\n\n"
                "  aigap show 엔비디아 --format json"
            ),
        },
        "help.opt.record_id": {
            "en": (
                "A fact, source or benchmark id, or an entity's name or alias (altman, 엔비디아)."
            ),
            "ko": "사실, 출처, 벤치마크의 ID 또는 대상의 이름이나 별칭 (altman, 엔비디아).",
        },
        "help.sources": {
            "en": (
                "List the source articles and how many facts each supports.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap sources\n\n"
                "  aigap sources --format json"
            ),
            "ko": (
                "출처 기사와 각 기사가 뒷받침하는 사실의 수를 보여 줍니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap sources\n\n"
                "  aigap sources --format json"
            ),
        },
        "help.cite": {
            "en": (
                "Print a citation for a fact, a source article, or the sources of what a name"
                " is about.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap cite gap-mmlu\n\n"
                "  aigap cite mk-2025-01-29 --style bibtex >> refs.bib\n\n"
                "  aigap cite mmlu --style csl-json > mmlu.json\n\n"
                "  aigap cite altman --style apa"
            ),
            "ko": (
                "사실이나 출처 기사, 또는 이름으로 가리킨 대상의 출처들을 인용 형식으로"
                " 보여 줍니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap cite gap-mmlu\n\n"
                "  aigap cite mk-2025-01-29 --style bibtex >> refs.bib\n\n"
                "  aigap cite mmlu --style csl-json > mmlu.json\n\n"
                "  aigap cite altman --style apa"
            ),
        },
        "help.cite.style": {
            "en": "Citation style: plain, bibtex, apa, chicago or csl-json (Zotero, Pandoc).",
            "ko": "인용 형식: plain, bibtex, apa, chicago 또는 csl-json (Zotero, Pandoc).",
        },
        "help.check": {
            "en": (
                "Check a fact file: syntax, schema, references, quotes and recomputed"
                " figures.\n\n"
                "Prints PATH:LINE:COLUMN: severity: message per problem (the first 200,\n"
                "then how many more; --format json lists all); exits 0 when clean, 1 with\n"
                "only warnings, 2 with errors. Never uses the cache.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap check\n\n"
                "  aigap check my-facts.yaml --sources ../shared/sources/\n\n"
                "  aigap check --format json"
            ),
            "ko": (
                "사실 파일을 검사합니다: 문법, 스키마, 참조, 인용, 다시 계산한 수치.\n\n"
                "문제마다 경로:줄:열: 심각도: 내용을 한 줄씩 보여 줍니다(처음 200개와\n"
                "나머지 개수; --format json은 전부). 문제가 없으면 0, 경고만 있으면 1,\n"
                "오류가 있으면 2로 끝납니다. 캐시는 쓰지 않습니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap check\n\n"
                "  aigap check my-facts.yaml --sources ../shared/sources/\n\n"
                "  aigap check --format json"
            ),
        },
        "help.check.paths": {
            "en": "Fact files to check (default: the active one, see --facts).",
            "ko": "검사할 사실 파일 (기본: 지금 쓰는 파일, --facts 참고).",
        },
        "help.check.sources": {
            "en": "Directory of source texts: check every passage and quote is verbatim.",
            "ko": "출처 원문 디렉터리: 모든 구절과 인용이 원문 그대로인지 검사합니다.",
        },
        "help.chart": {
            "en": (
                "Draw a chart for a slide or an article, with its values, units and source.\n\n"
                "The format comes from the file name: .svg or .png.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap chart gap --out gaps.png\n\n"
                "  aigap chart gap mmlu --out mmlu.svg\n\n"
                "  aigap chart scores arena --out arena.png --lang ko"
            ),
            "ko": (
                "발표 자료나 기사에 쓸 차트를 값, 단위, 출처와 함께 그립니다.\n\n"
                "형식은 파일 이름으로 정합니다: .svg 또는 .png.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap chart gap --out gaps.png\n\n"
                "  aigap chart gap mmlu --out mmlu.svg\n\n"
                "  aigap chart scores arena --out arena.png --lang ko"
            ),
        },
        "help.chart.kind": {
            "en": "gap: the US–China gaps then → now; scores: one benchmark's models, US vs China.",
            "ko": "gap: 미·중 격차의 전후 비교; scores: 한 벤치마크의 미·중 모델 점수.",
        },
        "help.chart.out": {
            "en": "Chart file to write: .svg (text stays text) or .png (1920×1080).",
            "ko": "저장할 차트 파일: .svg (글자는 글자로 남음) 또는 .png (1920×1080).",
        },
        "help.chart.benchmark": {
            "en": "Only this benchmark (id or alias); default: every gap, or the first"
            " benchmark with US and Chinese scores (Chatbot Arena).",
            "ko": "이 벤치마크만 (ID 또는 별칭); 기본: 격차는 전부, 점수는 미·중 점수가 모두 있는"
            " 첫 벤치마크 (챗봇 아레나).",
        },
        "help.export": {
            "en": (
                "Write the whole fact base as open data: a Frictionless Data Package of CSV"
                " files.\n\n"
                "One tidy table per kind of fact (each gap reading, each amount its own\n"
                "row), plus sources, benchmarks, every verbatim passage with its English\n"
                "rendering, and datapackage.json describing every column. Loads in\n"
                "pandas, R, spreadsheets, and `frictionless validate DIR/datapackage.json`.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap export aigap-data\n\n"
                "  aigap export aigap-data --facts my-facts.yaml"
            ),
            "ko": (
                "사실 모음 전체를 공개 데이터로 씁니다: CSV 파일로 된 Frictionless 데이터"
                " 패키지.\n\n"
                "사실의 종류마다 깔끔한 표 하나(격차 측정값과 금액은 하나하나가 한 행),\n"
                "그리고 출처, 벤치마크, 원문 구절 전부와 그 영어 번역, 모든 열을 설명하는\n"
                "datapackage.json을 씁니다. pandas, R, 스프레드시트에서 읽을 수 있고\n"
                "`frictionless validate DIR/datapackage.json`으로 검증할 수 있습니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap export aigap-data\n\n"
                "  aigap export aigap-data --facts my-facts.yaml"
            ),
        },
        "help.export.directory": {
            "en": "Directory to write: new, empty, or an earlier aigap export (replaced).",
            "ko": "쓸 디렉터리: 새 디렉터리, 빈 디렉터리, 또는 이전 aigap 내보내기(교체됨).",
        },
        # the options every command shares
        "help.opt.facts": {
            "en": (
                "Your fact file or directory of *.yaml files, read together with the packaged"
                " base (repeatable; default: AIGAP_FACTS, a list separated by {pathsep!r})."
            ),
            "ko": (
                "내 사실 파일 또는 *.yaml 파일이 든 디렉터리. 기본 사실 모음과 함께"
                " 읽습니다 (여러 번 쓸 수 있음; 기본: AIGAP_FACTS, {pathsep!r}로 구분한 목록)."
            ),
        },
        "help.opt.no_packaged": {
            "en": "Leave out the packaged fact base: read only the --facts files.",
            "ko": "기본 사실 모음을 빼고 --facts 파일만 읽습니다.",
        },
        "help.opt.max_bytes": {
            "en": "Refuse fact files larger than N bytes (default 64 MiB).",
            "ko": "N바이트보다 큰 사실 파일은 읽지 않습니다 (기본 64 MiB).",
        },
        "help.opt.lang": {
            "en": (
                "Language of what aigap writes, errors too: en or ko (default: AIGAP_LANG,"
                " else en; locale forms such as ko_KR.UTF-8 work)."
            ),
            "ko": (
                "aigap이 쓰는 글의 언어 (오류 포함): en 또는 ko (기본: AIGAP_LANG, 없으면 en;"
                " ko_KR.UTF-8 같은 로캘 형식도 됩니다)."
            ),
        },
        "help.opt.version": {
            "en": "Print the version and exit.",
            "ko": "버전을 보여 주고 끝냅니다.",
        },
        "help.opt.help": {
            "en": "Show this message and exit.",
            "ko": "이 도움말을 보여 주고 끝냅니다.",
        },
        "help.opt.install_completion": {
            "en": "Install completion for the current shell.",
            "ko": "지금 쓰는 셸에 자동 완성을 설치합니다.",
        },
        "help.opt.show_completion": {
            "en": "Show completion for the current shell, to copy it or customize the"
            " installation.",
            "ko": "지금 쓰는 셸의 자동 완성 스크립트를 보여 줍니다 (복사하거나 설치를 고칠 때).",
        },
        "help.opt.fmt": {
            "en": "Output format (csv-excel: CSV with a byte-order mark, for Excel).",
            "ko": "출력 형식 (csv-excel: 엑셀용으로 바이트 순서 표시를 붙인 CSV).",
        },
        "help.check.fmt": {"en": "Output format.", "ko": "출력 형식."},
        "help.verify": {
            "en": (
                "Check a draft's figures, dates and quotations against the fact base.\n\n"
                "Every figure with its unit, date and quotation that is about the base's\n"
                "subjects is listed with a verdict: supported, contradicted, wrong unit,\n"
                "misattributed, impossible (a date no calendar has, such as February 30)\n"
                "or unverified, with what the base says, the fact and its source. Exits 1\n"
                "when something is contradicted, in the wrong unit, misattributed or\n"
                "impossible, else 0 (a pre-commit hook or CI job can run it).\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap verify draft.md\n\n"
                "  pbpaste | aigap verify --lang ko\n\n"
                "  aigap verify story.txt --format markdown > checklist.md"
            ),
            "ko": (
                "초안의 수치, 날짜, 인용을 사실 모음과 대조합니다.\n\n"
                "사실 모음이 다루는 대상에 관한 수치(단위 포함), 날짜, 인용을 모두\n"
                "판정과 함께 보여 줍니다: 확인됨, 불일치, 단위 오류, 발언자 오류,\n"
                "없는 날짜(2월 30일처럼 달력에 없는 날짜), 확인 불가. 사실 모음의 내용과\n"
                "해당 사실, 그 출처도 함께 나옵니다. 불일치, 단위 오류, 발언자 오류,\n"
                "없는 날짜가 있으면 1, 없으면 0으로 끝납니다(커밋 전 훅이나 CI에서\n"
                "쓸 수 있습니다).\n\n"
                "[b]예시[/b]\n\n"
                "  aigap verify draft.md\n\n"
                "  pbpaste | aigap verify --lang ko\n\n"
                "  aigap verify story.txt --format markdown > checklist.md"
            ),
        },
        "help.verify.draft": {
            "en": "The draft: plain text or Markdown, UTF-8 (- or none: standard input).",
            "ko": "초안: UTF-8 일반 텍스트 또는 마크다운 (- 또는 생략: 표준 입력).",
        },
        "help.verify.fmt": {"en": "Output format.", "ko": "출력 형식."},
        "help.brief": {
            "en": (
                "A short Markdown brief to paste into a story: key figures and quotes, with\n"
                "footnote citations (English or Korean).\n\n"
                "Quotation marks only around a speaker's own words: the article's words and\n"
                "aigap's English renderings are given without them, and say so.\n\n"
                "[b]Examples[/b]\n\n"
                "  aigap brief\n\n"
                "  aigap brief nvidia --lang ko\n\n"
                "  aigap brief mmlu > mmlu.md"
            ),
            "ko": (
                "기사에 붙여 넣을 짧은 마크다운 요약: 핵심 수치와 발언, 각주 인용\n"
                "(영어 또는 한국어).\n\n"
                "따옴표는 발언자 본인의 말에만 씁니다: 기사의 문장과 aigap의 영어 번역은\n"
                "따옴표 없이, 그렇다고 밝혀 씁니다.\n\n"
                "[b]예시[/b]\n\n"
                "  aigap brief\n\n"
                "  aigap brief nvidia --lang ko\n\n"
                "  aigap brief mmlu > mmlu.md"
            ),
        },
        "help.brief.name": {
            "en": "An entity, benchmark, fact or source id; default: the whole story.",
            "ko": "대상, 벤치마크, 사실 또는 출처의 ID; 기본: 전체 이야기.",
        },
        "help.opt.svg": {
            "en": "Also save the table as an SVG picture.",
            "ko": "표를 SVG 그림으로도 저장합니다.",
        },
        "help.opt.limit": {
            "en": "Show the first N rows (tables: 50 by default; 0 = all).",
            "ko": "처음 N행만 보여 줍니다 (표는 기본 50행; 0 = 전부).",
        },
        "help.opt.since": {
            "en": "Only entries on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).",
            "ko": "이 날짜나 그 뒤의 항목만 (YYYY, YYYY-MM 또는 YYYY-MM-DD).",
        },
        "help.opt.until": {
            "en": "Only entries on or before this date.",
            "ko": "이 날짜나 그 앞의 항목만.",
        },
        "help.opt.tag": {
            "en": "Only facts with this tag (repeatable); an unknown tag lists the known ones.",
            "ko": (
                "이 태그가 붙은 사실만 (여러 번 쓸 수 있음); 모르는 태그를 주면 알려진"
                " 태그를 보여 줍니다."
            ),
        },
        # what --help calls the parts of a command line, in Korean
        "help.usage": {"en": "Usage: ", "ko": "사용법: "},
        "help.default": {"en": "default: {value}", "ko": "기본값: {value}"},
        "help.envvar": {"en": "env var: {name}", "ko": "환경 변수: {name}"},
        "help.required": {"en": "required", "ko": "필수"},
        "help.options_metavar": {"en": "[OPTIONS]", "ko": "[옵션]"},
        "help.command_metavar": {"en": "COMMAND [ARGS]...", "ko": "명령 [인자]..."},
        "help.panel.arguments": {"en": "Arguments", "ko": "인자"},
        "help.panel.options": {"en": "Options", "ko": "옵션"},
        "help.panel.commands": {"en": "Commands", "ko": "명령"},
        "help.metavar.facts": {"en": "PATH", "ko": "경로"},
        "help.metavar.max_bytes": {"en": "N", "ko": "N"},
        "help.metavar.limit": {"en": "N", "ko": "N"},
        "help.metavar.svg": {"en": "FILE", "ko": "파일"},
        "help.metavar.out": {"en": "FILE", "ko": "파일"},
        "help.metavar.since": {"en": "DATE", "ko": "날짜"},
        "help.metavar.until": {"en": "DATE", "ko": "날짜"},
        "help.metavar.tag": {"en": "TAG", "ko": "태그"},
        "help.metavar.kind": {"en": "KIND", "ko": "종류"},
        "help.metavar.model": {"en": "NAME", "ko": "이름"},
        "help.metavar.org": {"en": "NAME", "ko": "이름"},
        "help.metavar.who": {"en": "NAME", "ko": "이름"},
        "help.metavar.sources": {"en": "DIR", "ko": "디렉터리"},
        "help.metavar.directory": {"en": "DIR", "ko": "디렉터리"},
        "help.metavar.paths": {"en": "PATH", "ko": "경로"},
        "help.metavar.record_id": {"en": "ID|NAME", "ko": "ID|이름"},
        "help.metavar.benchmark": {"en": "benchmark", "ko": "벤치마크"},
        "help.metavar.words": {"en": "words", "ko": "단어"},
        "help.metavar.draft": {"en": "FILE", "ko": "파일"},
        "help.metavar.name": {"en": "NAME", "ko": "이름"},
    }
)


# --- check (answers/checks.py, answers/crosscheck.py): a curator's findings ---------
LABELS.update(
    {
        "severity.error": {"en": "error", "ko": "오류"},
        "severity.warning": {"en": "warning", "ko": "경고"},
        "check.more.one": {
            "en": "… and {more:,} more problem (--format json lists all)",
            "ko": "… 문제 {more:,}개 더 있음 (--format json은 전부 출력)",
        },
        "check.more.many": {
            "en": "… and {more:,} more problems (--format json lists all)",
            "ko": "… 문제 {more:,}개 더 있음 (--format json은 전부 출력)",
        },
        # the stderr line: 'facts.yaml: 68 facts, 2 errors, 1 warning'
        "check.summary.file": {"en": "{path}: {read}{found}", "ko": "{path}: {read}{found}"},
        "check.summary.facts.one": {"en": "{count:,} fact, ", "ko": "사실 {count:,}개, "},
        "check.summary.facts.many": {"en": "{count:,} facts, ", "ko": "사실 {count:,}개, "},
        "check.summary.none": {"en": "no problems", "ko": "문제 없음"},
        "check.summary.errors.one": {"en": "{count} error", "ko": "오류 {count}개"},
        "check.summary.errors.many": {"en": "{count} errors", "ko": "오류 {count}개"},
        "check.summary.warnings.one": {"en": "{count} warning", "ko": "경고 {count}개"},
        "check.summary.warnings.many": {"en": "{count} warnings", "ko": "경고 {count}개"},
        # recomputed figures (crosscheck)
        "check.figure.pp": {"en": "{value} pp", "ko": "{value}%포인트"},
        "check.figure.usd": {"en": "{value} USD", "ko": "{value}달러"},
        "check.figure.krw": {"en": "{value} KRW", "ko": "{value}원"},
        "check.basis.top_scores": {
            "en": "{formula} ({us} vs {cn}, {date})",
            "ko": "{formula} ({us} 대 {cn}, {date})",
        },
        "check.gap_mismatch": {
            "en": "reported gap {printed} ({value}) for {date} does not match {shown}"
            " recomputed from the top scores: {basis}",
            "ko": "{date}의 보도된 격차 {printed}({value})이(가) 최고 점수로 다시 계산한"
            " {shown}과(와) 맞지 않습니다: {basis}",
        },
        "check.market_nonpositive": {
            "en": "a change of {change}% from a close of {close} implies a non-positive"
            " previous close",
            "ko": "종가 {close}에서 {change}% 변동했다면 전일 종가가 0 이하가 됩니다",
        },
        "check.previous_close_range": {
            "en": "~{value} ({low}–{high}: {printed} may be rounded or cut)",
            "ko": "~{value} ({low}–{high}: {printed}은(는) 반올림 또는 절사된 값일 수 있음)",
        },
        "check.previous_close": {
            "en": "previous close {previous} does not match {shown} implied by the close"
            " {close} and the change {change}: {basis}",
            "ko": "전일 종가 {previous}이(가) 종가 {close}와(과) 등락 {change}에서 역산한"
            " {shown}과(와) 맞지 않습니다: {basis}",
        },
        "check.exchange_rate": {
            "en": "{krw} for {usd} implies {rate} KRW per USD, outside the plausible"
            " {low}–{high}: one of the figures or its unit is wrong",
            "ko": "{usd}이(가) {krw}이면 1달러에 {rate}원으로, 있을 법한 범위 {low}–{high}을(를)"
            " 벗어납니다: 두 수치 중 하나나 그 단위가 틀렸습니다",
        },
        "check.ratio": {
            "en": "ratio {printed} ({value}) matches no cost of {of!r}: the nearest is"
            " {shown}, recomputed as {basis}",
            "ko": "비율 {printed}({value})에 맞는 {of!r} 비용이 없습니다: 가장 가까운 값은"
            " {shown}이며, {basis}(으)로 다시 계산했습니다",
        },
        "check.printed_missing": {
            "en": "printed {printed!r} of {id!r} does not appear in its passage: quote the"
            " article's figure, or say why in the note (quoting it)",
            "ko": "{id!r}의 'printed' {printed!r}이(가) 'passage'에 없습니다: 기사의 수치를"
            " 그대로 쓰거나, 'note'에 그 표기를 따옴표로 인용해 까닭을 적으세요",
        },
        "check.printed_value": {
            "en": "value {value} does not match the printed {printed!r}"
            " (reads as {read}, ± {tolerance})",
            "ko": "'value' {value}이(가) 'printed' {printed!r}와(과) 맞지 않습니다"
            " ({read} ± {tolerance}(으)로 읽힘)",
        },
        # passages against the source texts (--sources)
        "check.sources_not_dir": {
            "en": "--sources {dir}: not a directory",
            "ko": "--sources {dir}: 디렉터리가 아닙니다",
        },
        "check.what.passage": {"en": "passage", "ko": "구절"},
        "check.what.quote": {"en": "quote", "ko": "인용문"},
        "check.not_verbatim": {
            "en": "{what} {words!r} of {id!r} does not appear verbatim in its source text",
            "ko": "{id!r}의 {what} {words!r}이(가) 출처 원문에 그대로 나오지 않습니다",
        },
        "check.source_no_file": {
            "en": "source {id!r} has no 'file': its passages cannot be checked",
            "ko": "출처 {id!r}에 'file'이 없어 구절을 원문과 대조할 수 없습니다",
        },
        "check.source.plain_name": {
            "en": "source file name {name!r} must be a plain file name",
            "ko": "출처 파일 이름 {name!r}은(는) 디렉터리 없는 파일 이름이어야 합니다",
        },
        "check.source.not_regular": {
            "en": "source text {file} is not a regular file",
            "ko": "출처 원문 {file}은(는) 일반 파일이 아닙니다",
        },
        "check.source.too_large": {
            "en": "source text {file} is over {limit} bytes",
            "ko": "출처 원문 {file}이(가) {limit}바이트를 넘습니다",
        },
        "check.source.unreadable": {
            "en": "cannot read source text {file}: {why}",
            "ko": "출처 원문 {file}을(를) 읽을 수 없습니다: {why}",
        },
        "check.source.not_utf8": {
            "en": "source text {file} is not UTF-8",
            "ko": "출처 원문 {file}이(가) UTF-8이 아닙니다",
        },
    }
)
