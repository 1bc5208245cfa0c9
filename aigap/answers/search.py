"""``aigap search``: the words people type in, ranked facts with their answers out.

Ranking is SQLite FTS5's BM25 over an index the cache writes beside the
records (``store.SEARCH_SCHEMA``). Each record's indexed text comes from the
fields its kind declares for search (``Kind.search``, ``FACT_SEARCH``) plus
the names of the things a field refers to: a fact's ``benchmark`` id brings
the benchmark's names and aliases, so "multitask" finds MMLU's gap. (The
hook for entities: put their id -> names into ``names_of`` in ``index_row``'s
caller and declare the referring field in ``FACT_SEARCH``.) Fields fall into
three weighted columns: names (ids, speakers, subjects, models,
organisations, benchmarks), running text (claims, quotes, events, tags) and
passages/notes.

Tokenizing is ``porter unicode61 remove_diacritics 2``: words split at
anything that is not a letter or digit, English words stemmed on both sides
(founded ~ found, controls ~ control), so a term only ever matches a whole
word ("aime" never hits "claimed"). Porter does not know irregular verbs, so
the query adds their other forms (lose -> lost, loss). Korean is the hard
part: the word splitter keeps a noun and its particle together (엔비디아는,
딥시크가), so the index holds "엔비디아는" and an exact term "엔비디아" would
miss it. Rather than a trigram column (which cannot match the two-syllable
words Korean is full of, like 비용 or 격차, and would double the index), a
Hangul query term becomes a prefix query, after a trailing particle or verb
ending is cut off the query term: 엔비디아는 -> 엔비디아* matches 엔비디아는,
엔비디아가, 엔비디아의; 설립됐나 -> 설립* matches 설립한 and 설립된. Cutting
only ever widens the match (the prefix still covers the word as typed), and
a stem is kept to two syllables or more so 국가 does not become 국*.

Stop words (how, much, did, what, the, of; 얼마나, 언제, 누구...) are dropped
unless nothing else is left. Terms are OR-ed: BM25 ranks a fact that matches
more of them, and more rarely used ones, first; a word the base does not
have (떨어졌나, when the article says 폭락) costs nothing.

Only the hits shown are built as records (``LIMIT`` in SQLite); their matched
field and snippet come from a small in-memory FTS5 table of just those
records, with the same tokenizer, so snippets match the ranking and cut at
word boundaries.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise
from types import ModuleType
from typing import TYPE_CHECKING

import msgspec

from aigap import kinds
from aigap.answers.lookup import kind_of
from aigap.answers.names import (
    ENDINGS,
    INITIALS,
    PARTICLES,
    PER_INITIAL,
    SYLLABLE_BASE,
    VERB_ENDINGS,
    Names,
    correct,
    distance,
    is_hangul,
    is_past_tense,
    korean_stem,
    split_scripts,
    syllable_parts,
    typo_budget,
    vowel_twin,
)
from aigap.core.derive import parse_printed
from aigap.core.labels import label
from aigap.core.model import Amount, Benchmark, Entity, Fact, Lang, Ratio, Source, Text
from aigap.core.text import normalize_name
from aigap.kinds.quote import Original
from aigap.store.index import (
    ENTITY_FIELDS,
    ENTITY_SEARCH,
    INFIX,
    INFIX_SHORTEST,
    Matcher,
    index_stems,
    infixes,
    kind_words,
    searched_text,
)
from aigap.store.queries import Ranked

if TYPE_CHECKING:
    from aigap.answers.draft import When
    from aigap.store.queries import Store


def _listed(text: str) -> list[str]:
    return text.split()


STOP_WORDS = frozenset(
    _listed(
        """
    a about an and are as at be been being by can could did do does done for from
    had has have how i in into is it its many me much my of on or than that the
    their them these they this those to was were what whats when where which who
    whom whose why will with would you your tell show give me please more most less
    really basically actually just even ever very so quite pretty true get got gets
    vs versus measure measures late early mid recently lately still yet already also
    again
    myself we our ours ourselves yours yourself he him his himself she her hers herself
    itself they theirs themselves am having doing but if because until while through
    during before after above below further then once here there all any both each
    other some such nor not only own same too should now against over
    roughly around approximately approx nearly almost exactly precisely kind sort
    thing things stuff guy guys someone somebody something anything lot lots bit
    originally seriously honestly anyway right correct true
    monday tuesday wednesday thursday friday saturday sunday
    biggest largest smallest widest narrowest highest lowest greatest steepest
    need needed want wanted looking remember recall explain explained explaining
    piece essay homework assignment school class slide slides reason reasons student
    students meaning means considering matter matters steep since usual

    얼마나 얼마 언제 누구 누가 누구의 무엇 무엇을 뭐 뭐라고 뭘 어떻게 왜 어디 어디서
    몇 무슨 어느 어떤 했나 했나요 했다 했는가 인가 인가요 있나 있나요 은 는 이 가
    을 를 의 에 좀 알려줘 알려주세요 대해 대한 관해 관한 덕분에 때문에 통해 이유
    뭐야 뭔가 뭐지 뭐예요 뭐에요 무엇인가 누구야 누구예요 누구인가 누군가 언제야 언제예요
    언제인가 누군데 뭔데 어디야 진짜 정말 사실 사실임 혹시 그냥 완전 엄청 너무 아주 이렇게
    그렇게 맞나 맞나요 맞아 맞지 맞죠 맞냐 맞음 맞는지 맞습니까 작년 올해 지난해 금년
    최근 요즘 원래 대체 도대체 그거 이거 저거 그게 이게 거 것 얘기 소리 대략 약 정도 쯤
    가까이 넘게 이상 이하 남짓 아직 벌써 이미 다시 또 그럼 그러면 근데 그런데 요새 지금
    밖에 뿐 월요일 화요일 수요일 목요일 금요일 토요일 일요일
    거야 거임 거지 건가 건지 건데 거예요 한거 한거야 하는거 레포트 리포트 레포트용
    리포트용 과제 숙제 과제용 발표용 기사용 근거 근거가 근거는 두고 예전 예전엔 예전에 옛날
    정확히 정확하게 많이 비해 비하면 비교하면 뜻 뜻으로 동안 내용 소개 줄줄이 조금 조금만
    쪼금 쪼금만 같은 같이 profile bio 프로필 약력
    """
    )
)

# Month names, each with its short forms (may has none)
_MONTH_GROUPS = (
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
)
# Porter stems regular forms; these are the irregular ones a question uses.
_IRREGULAR_GROUPS = (
    ("lose", "lost", "loss", "losses", "losing"),
    ("fall", "fell", "fallen", "falling"),
    ("found", "founded", "founding", "founder"),
    ("say", "said", "says"),
    ("meet", "met"),
    ("rise", "rose", "risen"),
    ("build", "built"),
    ("spend", "spent"),
    ("make", "made"),
    ("buy", "bought"),
    ("sell", "sold"),
    ("win", "won"),
    ("beat", "beaten"),
    ("begin", "began", "begun"),
    ("grow", "grew", "grown"),
    ("lead", "led"),
    ("think", "thought"),
    ("take", "took", "taken"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("shake", "shook", "shaken"),
    ("bring", "brought"),
    ("know", "knew", "known"),
    # a month's short name is the month (jan 27, feb 2025)
    *_MONTH_GROUPS,
)
IRREGULAR: dict[str, tuple[str, ...]] = {w: g for g in _IRREGULAR_GROUPS for w in g}
# month names, which a date may have without a digit (since march): read for dates
_MONTHS = frozenset({"may", *(w for g in _MONTH_GROUPS for w in g)})
# a word that may be a date or a part of one (27, 2025, 1월, 27일, 2023년말, 2025-01)
_DATE_LIKE = re.compile(r"\d{1,4}(?:[./-]\d{1,2}){0,2}|\d{1,4}(?:년|월|일)\w*")

_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_EDGE_PUNCT = "\"'“”‘’`()[]{}<>,.;:!?…·"
_WORD = re.compile(r"\w")
# "nvidia,deepseek" is two words, as "nvidia deepseek" is
_SEPARATORS = re.compile(r"[\s,;/|→]+")  # and 9.3%→1.7%
_MARKED = re.compile("\x02([^\x03]*)\x03")
_NAME_AND_NUMBER = re.compile(r"([a-z]{3,})(\d{2,4})")  # aime24: not r1, v3, h800
# A word's runs of one script: Korean, Latin letters (with digits after them: r1), or
# a number with the Korean unit after it (1년만에)
_SCRIPT_RUNS = re.compile(r"\d[\d.,%]*[가-힣]*|[가-힣]+|[a-z][a-z0-9]*")
# a number and the word it counts, or a decade and its part, hyphened (500-problem,
# mid-1980s): two words, as typed apart; not a name (gpt-4o, o3-mini)
_NUMBER_HYPHEN = re.compile(r"(\d{1,4})-([a-z]{3,})|(mid|late|early)-(\d{2,4}s?)")


def _quoted(term: str) -> str:
    """An FTS5 string: the tokenizer splits it (9.3% -> the phrase "9" "3")."""
    return '"' + term.replace('"', '""') + '"'


def query_words(words: Iterable[str], *, split: bool = True) -> list[str]:
    """The words of a query: split at spaces (and , ; / |), folded, without edge punctuation."""
    found: list[str] = []
    # a non-UTF-8 argument arrives with lone surrogates, which SQLite cannot take
    text = " ".join(words).encode("utf-8", "replace").decode("utf-8")
    for chunk in _SEPARATORS.split(text) if split else text.split():
        word = unicodedata.normalize("NFKC", chunk).casefold().strip(_EDGE_PUNCT)
        if word.endswith("'s") or word.endswith("’s"):
            word = word[:-2]
        hyphened = _NUMBER_HYPHEN.fullmatch(word) if split else None
        parts = [p for p in hyphened.groups() if p] if hyphened else [word]
        found.extend(p for p in parts if _WORD.search(p))
    return found


def match_expression(words: Sequence[str]) -> str | None:
    """The FTS5 MATCH expression for query words, or None when nothing is left."""
    kept = [w for w in words if w not in STOP_WORDS] or list(words)
    groups: list[str] = []
    for word in dict.fromkeys(kept):
        if is_hangul(word):
            alternatives = [_quoted(korean_stem(word)) + "*"]
        else:
            alternatives = [_quoted(w) for w in IRREGULAR.get(word, (word,))]
        groups.append(
            alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"
        )
    return " OR ".join(groups) or None


Searched = Source | Benchmark | Entity | Fact  # what a hit can be


class Hit(msgspec.Struct, frozen=True):
    """One ranked hit: the record, what answers, and where the words matched."""

    record: Searched
    kind: str
    score: float
    headline: str
    date: str | None
    who: str | None
    source_id: str | None
    field: str
    snippet: str
    weak: bool = False  # matches too little of the question: a "closest" fact, not an answer
    coverage: float = 1.0  # the share of the question's content words it matches (weighted)


class Found(msgspec.Struct, frozen=True):
    """The hits shown, best first, how many matched well in all, and the corrections made."""

    words: str
    hits: list[Hit]
    total: int
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, read as)

    @property
    def nothing(self) -> bool:
        """Nothing matches the question well: at most weak hits, the closest facts."""
        return all(h.weak for h in self.hits)


def _texts(value: object) -> tuple[str, ...]:

    if isinstance(value, str):
        return (searched_text(value),)
    if isinstance(value, Text):
        return tuple(searched_text(t) for t in value.all())
    if isinstance(value, Amount):
        return (value.printed, *(value.label.all() if value.label else ()))
    if isinstance(value, Ratio):
        return (value.printed, *value.of.all())
    if isinstance(value, Original):  # a quote's words in the speaker's own language
        return (searched_text(value.text),)
    if isinstance(value, tuple):
        return tuple(t for v in value for t in _texts(v))
    return ()


def searchable(
    record: Source | Benchmark | Entity | Fact, benchmarks: Mapping[str, Benchmark]
) -> list[tuple[str, str, int]]:
    """(field, text, weight) for every text of a record that search looks at."""
    if isinstance(record, Entity):
        weights = ENTITY_FIELDS
    elif isinstance(record, Source | Benchmark):
        weights = ENTITY_SEARCH
    else:
        weights = kinds.of(record).search_weights()
    pairs: list[tuple[str, str, int]] = []
    for name in record.__struct_fields__:
        if name not in weights:
            continue
        value = getattr(record, name)
        texts = _texts(value)
        if name == "benchmark" and isinstance(value, str) and value in benchmarks:
            bench = benchmarks[value]
            texts = (*texts, *bench.name.all(), *bench.aliases)
        pairs.extend((name, t, weights[name]) for t in texts)
    if isinstance(record, Fact):
        # the kind's words in one row (a row each cost 5 ms a question at 100,000 facts)
        pairs.append(("kind", " · ".join(kind_words(kinds.of(record).section)), 2))
    return pairs


def _benchmarks_of(store: Store, records: Iterable[Searched]) -> dict[str, Benchmark]:
    wanted = {b for r in records if isinstance(b := getattr(r, "benchmark", None), str)}
    found = {b: store.record(b) for b in sorted(wanted)}
    return {b: bench for b, bench in found.items() if isinstance(bench, Benchmark)}


def _card(store: Store, record: Benchmark | Entity, lang: Lang) -> str:
    """An entity's or benchmark's card: its name, what it is and its key figures."""
    if isinstance(record, Benchmark):
        full = record.full_name.get(lang) if record.full_name else ""
        what = record.measures.get(lang) if record.measures else ""
        name = record.name.get(lang)
        head = name + (f" ({full})" if full and full != name else "")
    else:
        what = record.description.get(lang) if record.description else ""
        head = f"{record.name.get(lang)} ({label('type.' + record.type, lang)})"
    figures = [
        f"{kinds.of(f).headline(f, lang, dict(_benchmarks_of(store, [f])))}"
        for f in store.facts_with_figures_about(record.id, CARD_FIGURES)
    ]
    parts = [head + (f": {what}" if what else ""), *figures]
    return " · ".join(parts)


CARD_FIGURES = 2  # key figures on an entity's or benchmark's card


SNIPPET_WORDS = 12  # as many words as the index's snippet shows


def _in_language(record: Searched, field: str, snippet: str, lang: Lang) -> tuple[str, str]:
    """(field, snippet) with the snippet in the run's language: when a Korean run's
    match was in a field's English text (a claim, a description, passage_en), that
    field's Korean text, its first SNIPPET_WORDS words; otherwise as matched."""
    if lang != "ko" or not snippet:
        return field, snippet
    value = getattr(record, field, None)
    shown, korean = field, None
    if isinstance(value, Text) and value.en:
        # from the English text (which may quote Korean words: '지난 20일')
        if " ".join(snippet.strip("…").split()) in " ".join(value.en.split()):
            korean = value.ko
    elif field.endswith("_en"):  # passage_en: the passage, in the source's Korean
        shown = field.removesuffix("_en")
        korean = getattr(record, shown, None)
    if not isinstance(korean, str) or not is_hangul(korean):
        return field, snippet
    words = korean.split()
    return shown, " ".join(words[:SNIPPET_WORDS]) + ("…" if len(words) > SNIPPET_WORDS else "")


def _hit(
    store: Store,
    record: Searched,
    score: float,
    where: tuple[str, str],
    lang: Lang,
    benchmarks: Mapping[str, Benchmark],
    *,
    weak: bool = False,
    coverage: float = 1.0,
) -> Hit:
    if isinstance(record, Source):
        headline = record.headline.get(lang)
        date, who, source_id = record.published.iso, record.outlet.get(lang), record.id
    elif isinstance(record, Benchmark | Entity):
        headline = _card(store, record, lang)
        date, who, source_id = None, None, None
    else:
        kind = kinds.of(record)
        headline = kind.headline(record, lang, dict(benchmarks))
        when = kind.date(record)
        date, who, source_id = when.iso if when else None, kind.who(record, lang), record.source
    return Hit(
        record,
        kind_of(record),
        round(score, 3),
        headline,
        date,
        who,
        source_id,
        *where,
        weak=weak,
        coverage=round(coverage, 3),
    )


class Rules(msgspec.Struct, frozen=True):
    """Search's rules, each of which can be switched off to measure what it adds.

    ``benchmarks/search_eval.py --without RULE`` runs the question set without one.
    """

    split: bool = True  # "nvidia,deepseek"; a particle after Latin or digits (MMLU에서의)
    endings: bool = True  # the endings 이란, 라는, 란, 에서의 ... cut like particles
    syllable: bool = True  # a one-syllable Korean word matches only itself (수 not 수학)
    names: bool = True  # names and aliases in the question (샘올트먼, smci) -> the entity
    typos: bool = True  # a word that matches nothing is corrected
    rank: bool = True  # coverage, cards and figures re-rank the best hits
    weak: bool = True  # hits that match too little of the question are marked weak
    form: bool = True  # a figure word (drop, 하락폭) is met by a figure, a date word by an event
    infix: bool = True  # a Korean word matches inside the base's compounds (격차 in 기술격차)
    numbers: bool = True  # a number typed is met by a fact's figure near it (17% by 16.9%)
    dates: bool = True  # a date typed must be one of the fact's (mmlu gap at the end of 2022)
    # what the question names, a fact must be of: a person, a benchmark, a score's
    # model, a unit, a company the base lacks (Asked)
    slots: bool = True


RULES = Rules()
# Endings issue 18 added to the ones search always cut (Rules.endings switches them)
NEW_ENDINGS = frozenset(("에서의", "이라는", "이라고", "이란", "라는", "라고", "란"))
_OLD_ENDINGS = tuple(e for e in ENDINGS if e not in NEW_ENDINGS)

# Question words that ask for a figure (a number with its unit): the facts that
# carry one come first. Question words only; topics reach their benchmark
# through the benchmarks' aliases in the fact file, never through a list here.
FIGURE_WORDS = frozenset(
    _listed(
        """
    much many number numbers figure figures percent percentage points point score
    scores accuracy price prices cost costs rate much big size drop dropped fall fell
    usd dollar dollars krw elo 종가 마감가
    얼마 얼마나 얼마야 몇 퍼센트 수치 점수 정확도 비용 가격 하락률 폭 점 률 액 규모 비
    달러 원화 프로
    """
    )
)
# a number (not a name with a digit: r1, v3, h800) or a unit
_FIGURE_MARK = re.compile(r"^\d|[%$₩]|달러|(?:\d|[십백천만억조])원$|%p")  # not 연구원, 알원
# Questions that ask when: an event (a dated happening) answers them.
DATE_WORDS = frozenset(
    _listed("when date day year 언제 언제야 언제예요 언제인가 날짜 출시일 설립일 연도 몇년 일")
)
# Endings that make a noun a verb (하다, 되다, 시키다, 해지다: 고소했나, 설립됐나,
# 격화시킬까, 치열해지나): the noun stays content
NOUN_VERB_ENDINGS = ("했", "한", "하", "할", "함", "됐", "된", "되", "됨", "시", "해")
# Korean question words that open a word (몇년생, 몇명, 얼마짜리): the word asks, it
# is not content; the ones that ask a date
QUESTION_HEADS = ("몇", "얼마", "며칠")
DATE_HEADS = ("몇년", "몇월", "몇일", "며칠")
# Words for a kind of thing (company, 회사, 사람): met by the facts about a thing of
# that type and by its card (17% 떨어진 회사: Nvidia's fall; 량원펑이란 사람)
TYPE_WORDS: dict[str, str] = {
    word: kind
    for kind, words in (
        (
            "organization",
            "company companies firm firms startup lab newspaper paper outlet 회사 기업 업체 기관"
            " 연구소 신문 신문사 언론 언론사 매체",
        ),
        ("person", "person guy man woman 사람 인물"),  # not people: "number of people" is no person
        ("country", "country countries nation 나라 국가"),
        ("index", "index indices"),
    )
    for word in _listed(words)
}
TYPE_SHARE = 0.5  # a type word is taken to be as common as half the base's records
# Words that compare two things: a fact about either answers for its side
COMPARE_WORDS = frozenset(
    _listed(
        "vs versus than compared compare comparison or 비교 대비 vs. 중에 중에서 중 어느 더 비해"
        " 비하면 비교하면 가운데"
    )
)
# Questions that ask why: a fact without a figure (a claim, an event) explains
WHY_WORDS = frozenset(_listed("why reason reasons cause caused 왜 이유 원인 때문 근거"))
# Questions that ask what a thing is: an entity's or benchmark's card may lead.
WHAT_WORDS = frozenset(
    _listed(
        """
        who what whats 누구 누구야 누구예요 누구인가 누군가 누군데 누가 무엇 뭐야 뭔가 뭔데
        뭐지 어떤 measure measures meaning means 뜻 의미 profile bio 프로필 약력
        """
    )
)
# "what" and "who" ask what a thing is before a be or do (what is mmlu, who was
# liang wenfeng, what does mmlu measure), not before another verb (what did altman say)
_WHAT_ASKING = frozenset(("what", "who"))
_BE = frozenset(("is", "are", "was", "were", "does", "do", "exactly", ""))  # "": the end
_WHAT_ENDINGS = ("이란", "란", "이라는", "라는", "는")
# Korean question words with what they ask ("what", "when" or only asking), and the
# syllables a question's ending is made of after them (뭐임, 뭔가요, 어디야,
# 언제였나): such a word asks, it is no content, whatever ending it has
QUESTION_WORDS = {
    "뭐": "what", "뭔": "what", "머": "what", "무엇": "what", "누구": "what", "누가": "what",
    "누군": "what", "언제": "when", "어디": "", "어떻": "", "왜": "", "어느": "",
}  # fmt: skip
# Question words that open a word with a verb after them (언제나왔지, 누가만들었어)
_OPENING_QUESTIONS = ("언제", "누가", "어디서")  # not 왜: 왜곡
QUESTION_TAIL = frozenset("야임지죠냐니데가요예에이인까일입니였나어서게했함던라래랬길하소리는")
# ... and the recollecting endings (언제였더라, 누구였더라고): "what was it again?"
_RECALLING = ("더라고", "더라", "던가")


# Casual endings after a verb's modifier form: the thing (거, 건, 걸) that is asked
# about (폭락한거야, 만든거냐, 테스트하는거냐, 날아간거) and a quoted question or
# statement (먹히냐는, 흔들렸다는): the verb before them is what the word says
_THING_ENDING = re.compile(
    "(?:거|건|걸)(?:야|냐|임|지|니|예요|에요|였어|였냐|였지|였음|인가|가|데|까|요)?$"
)
# (냐는 and 다는 after one syllable may be a noun's 는: 바다는)
_QUOTING_ENDING = re.compile(
    "(?<=[가-힣]{2})(?:냐|다)(?:는|고|며)$|(?<=[가-힣])(?:냐|다)(?:고|며)$"
)
_MODIFIER_SYLLABLES = frozenset("는던")


def _casual(word: str) -> str:
    """A Korean word without a casual ending (폭락한거야 -> 폭락한, 먹히냐는 -> 먹히)."""
    thing = _THING_ENDING.search(word)
    if thing and thing.start() >= 2:
        before = word[thing.start() - 1]
        parts = syllable_parts(before)
        if before in _MODIFIER_SYLLABLES or (parts is not None and parts[2] in _MODIFIER_FINALS):
            return word[: thing.start()]
    quoting = _QUOTING_ENDING.search(word)
    return word[: quoting.start()] if quoting else word


def _asked_after(word: str) -> list[str]:
    """A Korean word that ends in a question word (량원펑이누구임, 딥시크뭐임, 출시일이언제야):
    the word before it, its particle cut, and the question word."""
    if not is_hangul(word) or len(word) < 4 or _asking(word) is not None:
        return [word]
    # ... or has one opening it or inside it, a verb after it (언제나왔지,
    # 딥시크r1언제나옴): the word before it, the question word and the verb
    for cut in (0, *range(2, len(word) - 1)):
        head = word[:cut]
        if cut and _asking(word[cut:]) is not None:
            return [korean_stem(head) if len(head) > 2 else head, word[cut:]]
        inside = next((q for q in _OPENING_QUESTIONS if word[cut:].startswith(q)), None)
        if inside is not None and len(word) - cut - len(inside) >= 2:
            before = [korean_stem(head) if len(head) > 2 else head] if head else []
            return [*before, inside, word[cut + len(inside) :]]
    return [word]


def _asking(word: str) -> str | None:
    """What a Korean question word asks ("what", "when", ""), or None for another word."""
    for head, asks in QUESTION_WORDS.items():
        if word.startswith(head):
            rest = word[len(head) :]
            for recalling in _RECALLING:
                rest = rest.removesuffix(recalling)
            if all(ch in QUESTION_TAIL for ch in rest):
                return asks
            if rest in PARTICLES:  # 뭐라고, 무엇을: asks, but not what a thing is
                return ""
    return None


def _glued(store: Store, words: Sequence[str]) -> list[str]:
    """몇 and a word after it that the base lacks as one (몇 년생이야 -> 몇년생이야),
    as most type it; a word the base has stays a word (몇 개월: the text's 3개월)."""
    out: list[str] = []
    for word in words:
        if (
            out
            and out[-1] == "몇"
            and is_hangul(word)
            and len(word) > 1  # one syllable (몇 명) is a light word of its own
            and word not in STOP_WORDS
            and not store.search_count(_quoted(korean_stem(word)) + "*", 1)
        ):
            out[-1] += word
        else:
            out.append(word)
    return out


# How the best hits are re-ranked (tuned on tests/search_questions.yaml only;
# docs/search.md has the numbers): the BM25 score times coverage ** COVERAGE_POWER,
# a card (entity, benchmark, source) times CARD_FACTOR unless the question
# asks what something is (WHAT_CARD_FACTOR), a fact with a figure times
# FIGURE_FACTOR when the question asks for a figure, a fact about an entity
# the question names times NAMED_FACTOR.
RERANK = 60  # hits re-ranked; the rest follow in BM25 order
COVERAGE_POWER = 2.0
CARD_FACTOR = 0.3
WHAT_CARD_FACTOR = 1.5
FIGURE_FACTOR = 1.6
NAMED_FACTOR = 1.3
SUBJECT_WEIGHT = 4  # a field this heavy names what a fact is about (Kind.search)
# A hit that matches less than this share of the question's content words
# (each weighted by how rare it is in the base) is weak: a "closest" fact,
# never an answer. Chosen from the tuning questions' coverage (docs/search.md).
WEAK_BELOW = 0.5
LIGHT_WEIGHT = 0.3  # a Korean predicate or one-syllable word
NAME_WEIGHT = 1.5  # a name the question names: what it is about
NOTE_SHARE = 0.5  # a word found only in a fact's note counts this much
# A hit that matches none of the names in the question, when the question names
# something or has a word found nowhere in the base (how much did openai raise;
# microsoft shares, 삼성전자 주가), must cover more
WEAK_BELOW_UNNAMED = 0.75
# A hit that matches a name while a word of the question is found nowhere
# (gpt-4o arena score) must cover more than a plain one: on the tuning parts
# such answers cover 0.57 or more, such unanswerable questions 0.53 at most
WEAK_BELOW_UNKNOWN = 0.55
# A hit carrying a figure the question names must cover only this much of it
NEAR_FLOOR = 0.3
UNFILLED = 1.01  # the floor of a fact that is not of what the question names: always weak
DF_CAP = 1_000  # a phrase's or stemmed word's records are counted up to here


class Term(msgspec.Struct, frozen=True):
    """One thing the question asks about: a word (or a name) and how FTS5 finds it."""

    typed: str  # as typed, folded
    alternatives: tuple[str, ...]  # FTS5 strings, any of which matches
    entities: tuple[str, ...] = ()  # the ids when the term is a name
    # a Korean predicate (떨어졌나) or one syllable (전, 수): counts for less, and
    # is not content the base lacks when it has no such word
    light: bool = False
    # the kind of answer the word asks for: "figure" (drop, 얼마) is met by a fact
    # with a figure, "date" (출시일) by an event, as well as by the word itself
    form: str = ""
    version: bool = False  # another version of a name (llama 4): searched as typed only
    # the numbers the word is, each (value, tolerance): 118달러, 17%, 1366; met by a
    # fact with a figure that near, and never content the base lacks
    numbers: tuple[tuple[float, float], ...] = ()

    @property
    def expression(self) -> str:
        alts = self.alternatives
        return alts[0] if len(alts) == 1 else f"({' OR '.join(alts)})"


class Query(msgspec.Struct, frozen=True):
    """A question as search runs it: its terms, what was corrected, what kind of question."""

    terms: tuple[Term, ...]
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, shown instead)
    figure: bool = False  # asks for a figure
    what: bool = False  # asks who or what something is
    when: bool = False  # asks when
    why: bool = False  # asks why: a claim or an event explains, a figure does not
    compares: bool = False  # compares two things (vs, than, 보다, 비교)
    dates: tuple[When, ...] = ()  # the dates it names (jan 27, 2023년 1월), names aside
    units: frozenset[str] = frozenset()  # of the figure it asks (몇포인트, closing price)

    @property
    def expression(self) -> str | None:
        return " OR ".join(t.expression for t in self.terms) or None

    @property
    def named(self) -> frozenset[str]:
        return frozenset(e for t in self.terms for e in t.entities)


def _word_term(word: str, rules: Rules) -> Term:
    """A plain word's term: a Korean stem as a prefix, an English word with its irregular forms."""
    if is_hangul(word):
        stem = korean_stem(word, ENDINGS if rules.endings else _OLD_ENDINGS)
        # the longest ending (됐나요, not 나요: VERB_ENDINGS is a set, and which of two
        # endings came first changed with the process's hash seed)
        ending = max(
            (e for e in VERB_ENDINGS if word.endswith(e) and len(word) > len(e)),
            key=len,
            default="",
        )
        # 고소했나, 출시됐나: a noun made a verb by 하다 or 되다 is the noun, content
        verb = bool(ending) and not ending.startswith(NOUN_VERB_ENDINGS)
        verb = verb or is_past_tense(stem)  # 나왔어, 떨어졌나: no noun has the past tense
        verb = verb or _verb_ending(word)  # 줄까, 써서
        verb = verb or _verb_noun(stem) or _past_slip(stem)  # 만듦, 빠짐; 떨어졋어
        one_syllable = len(stem) == 1 and rules.syllable
        # one syllable as a prefix finds every word it starts (수 -> 수학): only itself
        light = verb or one_syllable
        if one_syllable:
            return Term(word, (_quoted(stem),), light=light)
        alternatives: tuple[str, ...] = (_quoted(stem) + "*",)
        if rules.infix and len(stem) >= INFIX_SHORTEST:
            # ... and inside a compound of the text (격차 -> 기술격차가): its marked inner parts
            alternatives += (_quoted(INFIX + stem) + "*",)
        return Term(word, alternatives, light=light)
    return Term(word, tuple(_quoted(w) for w in IRREGULAR.get(word, (word,))))


def _name_term(typed: str, ids: Sequence[str], store: Store) -> Term:
    """A name's term: every name and alias of the entities it names, in both languages."""
    alternatives: dict[str, None] = {}
    for record_id in ids:
        record = store.record(record_id)
        if not isinstance(record, Benchmark | Entity):
            continue
        names = [*record.name.all(), *record.aliases]
        if isinstance(record, Benchmark) and record.full_name:
            names += record.full_name.all()
        for name in names:
            folded = unicodedata.normalize("NFKC", name).casefold()
            if _WORD.search(folded):
                # a Korean name takes particles (엔비디아는): a prefix on its last word
                alternatives[_quoted(folded) + ("*" if is_hangul(folded) else "")] = None
    return Term(typed, tuple(alternatives) or (_quoted(typed),), entities=tuple(ids))


def _pieces(words: Sequence[str], rules: Rules) -> list[str]:
    """Content words, with a particle after Latin letters or digits cut off (MMLU에서의)."""
    pieces: list[str] = []
    for word in words:
        head, tail = split_scripts(word) if rules.split else ("", word)
        if not head:
            pieces.append(word)
            continue
        # a particle or ending is cut (MMLU에서의 -> mmlu); anything else after
        # letters or digits is a unit or a compound the base writes the same
        # way (3개월, 850조원, 딥시크r1): kept whole
        pieces.append(head if tail in PARTICLES or korean_stem(tail) == "" else word)
    return pieces


def parse(store: Store, words: Sequence[str], rules: Rules = RULES) -> Query:
    """The terms of a question: stop words out, names resolved, typos corrected."""
    typed = query_words(words, split=rules.split)
    if rules.endings:
        typed = [part for w in typed for part in _asked_after(w)]
    folded = _glued(store, [_casual(w) for w in typed] if rules.endings else typed)
    # a verb that quotes (좋다고, 이겼다는, 내놓겠다고): what was said, a predicate
    quoting = {_casual(w) for w in typed if _QUOTING_ENDING.search(w)} if rules.endings else set()
    asking = {w: _asking(w) for w in folded}
    content = [w for w in folded if w not in STOP_WORDS and asking[w] is None] or folded
    figure = any(w in FIGURE_WORDS or _FIGURE_MARK.search(w) for w in folded)
    what = (
        any(
            (w in WHAT_WORDS and (w not in _WHAT_ASKING or "".join(folded[n + 1 : n + 2]) in _BE))
            or w.endswith(_WHAT_ENDINGS[:2])
            or asking[w] == "what"
            for n, w in enumerate(folded)
        )
        and not figure
    )  # what was r1's score asks a figure, not what r1 is
    when = any(w in DATE_WORDS or asking[w] == "when" for w in folded)
    pieces = _pieces(content, rules)
    endings = ENDINGS if rules.endings else _OLD_ENDINGS
    names = Names.of_store(store, endings) if rules.names or rules.typos else Names({})
    versions: set[int] = set()
    if rules.names:
        pieces, versions = _versions(pieces, names)
        pieces, versions = _unknown_versions(store, pieces, versions, names, rules)
    terms: list[Term] = []
    if rules.names:
        text = " ".join(pieces)
        hits = names.find(text)
        at = 0
        for n, piece in enumerate(pieces):
            start, end = at, at + len(piece)
            at = end + 1
            if n in versions:  # another version of a name: one word, no name in it
                hits = [h for h in hits if not (h.start < end and h.end > start)]
                terms.append(Term(piece, (_quoted(piece),), version=True))
                continue
            inside = [h for h in hits if h.start < end and h.end > start]
            if not inside:
                terms.append(_word_term(piece, rules))
                continue
            # what follows the last name in an unspaced word: 엔비디아주가 -> 주가
            rest = text[inside[-1].end : end] if inside[-1].end < end else ""
            # ... with its own particle or ending cut (딥시크효과란 -> 효과): only an
            # ending after the name (딥시크라는, 알트만은) is no word
            if len(rest) >= 2 and rest not in PARTICLES and len(korean_stem(rest)) >= 2:
                terms.append(_word_term(rest, rules))
        terms = [_name_term(hit.text, hit.ids, store) for hit in hits] + terms
    else:
        terms = [_word_term(p, rules) for p in pieces]
    terms = list({t.expression: t for t in terms}.values())
    terms = [
        msgspec.structs.replace(t, light=True) if t.typed in quoting and not t.entities else t
        for t in terms
    ]
    if rules.form:
        terms = [_with_form(t) for t in terms]
    corrections: list[tuple[str, str]] = []
    if rules.typos or rules.split:
        # a question's first words are corrected; a pasted paragraph's others are
        # searched as typed (each correction reads the vocabulary: 300 unknown
        # words took 3 s at 100,000 facts)
        terms = [
            c
            for n, t in enumerate(terms)
            for c in (
                _corrected(store, names, t, rules, corrections) if n < CORRECTED_MOST else [t]
            )
        ]
        terms = list({t.expression: t for t in terms}.values())
    if rules.numbers:
        hedged = any(w in HEDGE_WORDS or w.endswith(_HEDGE_ENDINGS) for w in folded)
        written = _written_figures(typed)
        terms = [_with_numbers(t, hedged, written) for t in terms]
    figure = figure or any(t.form == "figure" for t in terms)
    when = when or any(t.form == "date" for t in terms)
    # a name and a word for its type (딥시크라는 회사, 량원펑이란 사람) ask what it is
    named = [store.record(e) for t in terms for e in t.entities]
    named_types = {"type:" + r.type for r in named if isinstance(r, Entity)}
    what = what or any(t.form in named_types for t in terms)
    why = any(w in WHY_WORDS or (is_hangul(w) and korean_stem(w) in WHY_WORDS) for w in folded)
    compares = any(w in COMPARE_WORDS or w.endswith("보다") for w in folded)
    dates = _dates(folded, names) if rules.dates else ()
    units = _units_asked(typed) if rules.form else frozenset()
    return Query(tuple(terms), tuple(corrections), figure, what, when, why, compares, dates, units)


# Words that ask for a figure in a unit (how many points, 몇포인트, closing price, 종가):
# a fact whose figures are in none of them does not answer
_UNITS = (
    ("points point pts 포인트", "elo points pp"),
    ("percent percentage 퍼센트 프로", "percent pp"),
    ("dollars dollar usd 달러", "usd usd_per_hour"),
    ("won krw 원화", "krw"),
    ("months 개월", "months"),
    ("종가 마감가", "usd krw"),
)
UNIT_WORDS: dict[str, frozenset[str]] = {
    word: frozenset(units.split()) for words, units in _UNITS for word in words.split()
}
# ... and after 몇 (몇퍼, 몇달; not 몇점: a score, whatever its unit)
_HEAD_UNITS = {
    **UNIT_WORDS,
    **{w: UNIT_WORDS["percent"] for w in ("퍼", "프로")},
    **{w: UNIT_WORDS["months"] for w in ("달",)},
}
# closing price, close level, closing share price: a price or a level, not a change
_CLOSING = frozenset(("closing", "close"))
_CLOSING_OF = frozenset(("price", "level", "value"))
# How many of a thing (how many gpus, 몇 개, 몇명): a count
_COUNTERS = frozenset(_listed("개 명 장 대 곳 건 사람"))
_NOT_COUNTED = frozenset(_listed("points point percent times years year days months weeks hours"))


def _units_asked(words: Sequence[str]) -> frozenset[str]:
    """The units of the figure a question asks for, from its unit words ("how many
    points", 몇포인트, "closing price", 종가) and counts ("how many gpus", 몇 개)."""
    units: set[str] = set()
    for n, word in enumerate(words):
        after = words[n + 1] if n + 1 < len(words) else ""
        if word == "many" and n and words[n - 1] == "how":
            # (how many trillion won: an amount, not a count)
            if after and not ({after} & (_NOT_COUNTED | UNIT_WORDS.keys() | NUMBER_WORDS)):
                units.add("count")
            continue
        head = word[1:] if word.startswith("몇") else ""
        if head:
            head = korean_stem(head) if len(head) > 1 else head
            # 몇명임, 몇개야: the counter and "is"
            head = head[:1] if head[:1] in _COUNTERS and head[1:] in COPULA_ENDINGS else head
            if head in _COUNTERS or (not head.strip() and after in _COUNTERS):
                units.add("count")
            units.update(_HEAD_UNITS.get(head, ()))
            continue
        if word == "몇" and after in _COUNTERS:
            units.add("count")
        if word in _CLOSING and _CLOSING_OF & set(words[n + 1 : n + 3]):
            units.update(UNIT_WORDS["종가"])
        if word in UNIT_WORDS and (not word.isascii() or (n and words[n - 1] in ("many", "much"))):
            units.update(UNIT_WORDS[word])
    return frozenset(units)


def _draft() -> ModuleType:
    """``aigap.answers.draft`` (verify's reader of figures and dates), imported when a
    question has a number or a month: its 51 patterns take 12 ms to compile, a
    search's whole budget over the floor app's start, at every start."""
    from aigap.answers import draft  # start-up time: see the docstring

    return draft


def _dates(folded: Sequence[str], names: Names) -> tuple[When, ...]:
    """The dates a question names, not counting a name's number (aime 2024, llama 3.1)."""
    if not any(w in _MONTHS or _DATE_LIKE.fullmatch(w) for w in folded):
        return ()
    text = " ".join(folded)
    found = [w for w in _draft().dates(text) if not w.impossible]
    if found:
        spans = [(h.start, h.end) for h in names.find(text)]
        found = [w for w in found if not any(w.span.start < e and s < w.span.end for s, e in spans)]
    return tuple(found)


def _versions(pieces: Sequence[str], names: Names) -> tuple[list[str], set[int]]:
    """The pieces, a name then a version number the base lacks (llama 4, 라마4, gpt 5)
    joined into one, and where those are: such a word is searched as typed and
    matches nothing, since a question about another version is not answered by
    the facts about the version the base has (llama 3)."""
    kept: list[str] = []
    versions: set[int] = set()
    for piece in pieces:
        if kept and names.another_version(kept[-1], piece):
            kept[-1] = f"{kept[-1]} {piece}"
            versions.add(len(kept) - 1)
            continue
        glued = _VERSIONED.fullmatch(piece)
        if glued and names.another_version(*glued.groups()):
            versions.add(len(kept))
        kept.append(piece)
    return kept, versions


_VERSIONED = re.compile(r"(\D+?)-?(\d[\d.]*[a-z]?)")  # 라마4 -> 라마, 4; gpt-5 -> gpt, 5
_LATIN_WORD = re.compile(r"[a-z]{3,}")
_SMALL_VERSION = re.compile(r"\d(?:\.\d)?[a-z]?")  # 3, 2.5, 4o: not 16.9, not 27 in jan 27


def _unknown_versions(
    store: Store, pieces: Sequence[str], versions: set[int], names: Names, rules: Rules
) -> tuple[list[str], set[int]]:
    """The pieces, a word the base has nowhere, not a typo of a name, and a version
    number after it (grok 3, qwen 2.5) joined into one, as a name's other version is
    (``_versions``): a model the base lacks, not a word and a number."""
    kept: list[str] = []
    found = set(versions)
    for piece in pieces:
        word = kept[-1] if kept else ""
        if (
            _SMALL_VERSION.fullmatch(piece)
            and _LATIN_WORD.fullmatch(word)
            and word not in STOP_WORDS
            and word not in _MONTHS
            and len(kept) - 1 not in found
            and not store.search_count(_word_term(word, rules).expression, 1)
            and correct(word, names.vocabulary()) is None  # (lama 3 is llama 3)
        ):
            kept[-1] = f"{word} {piece}"
            found.add(len(kept) - 1)
            continue
        kept.append(piece)
    return kept, found


# a word that is only a number, a range or a change (6-9, 9.3%→1.7%, 2.5): never
# content the base lacks (people half-remember numbers), whether or not a text has it
_NUMERIC = re.compile(r"[\d.,~%–-]*\d[\d.,~%–-]*")
# Syllables that start a unit or a date after a number (3개월, 850조원, 2023년말, 1월엔):
# such a word is one, not a number and a word
_UNIT_SYLLABLES = frozenset("년월일개달말초분조억만천원주시배점명장대위차퍼프")
_YEAR = re.compile(r"(?:19|20)\d\d")  # a year the base lacks is content it lacks
_BARE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Numbers written in words (five, twelve, 오백, 다섯): a number, as digits are
NUMBER_WORDS = frozenset(
    _listed(
        """
        one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
        eighty ninety hundred hundreds thousand thousands million millions billion
        billions trillion half dozen tenth tenths
        하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열 스물 서른 마흔 쉰 절반
        """
    )
)
# ... and Korean numbers of two syllables or more with 십, 백 or 천 (오백, 이천, 삼십, 백만);
# not 구조, 조사, 사이, 이사: words made of the same syllables
_ONE_TO_NINE = "[일이삼사오육칠팔구]"
_SINO_NUMBER = re.compile(
    f"{_ONE_TO_NINE}?[십백천](?:{_ONE_TO_NINE}?[십백천만억조])*{_ONE_TO_NINE}?"
)
# A number and its unit or date part, whatever follows (85년생맞음, 1월20일이지,
# 500개짜리, 800조): a half-remembered figure or date, not content; a year is
_UNIT_NUMBER = re.compile(r"\d[\d.,]*(?:[~-]\d[\d.,]*)?[" + "".join(sorted(_UNIT_SYLLABLES)) + "]")


# Words that say a number is not exact (about 17%, 10% 가까이, 8%넘게): the figure
# it stands for may be HEDGE_SHARE off it
HEDGE_WORDS = frozenset(
    _listed(
        """
        about around roughly approximately approx nearly almost some over under more less
        than above below least most 약 대략 정도 쯤 가까이 넘게 이상 이하 미만 남짓 거의 한
        넘었나 넘었어 넘나 넘어 안되나 안돼 초과
        """
    )
)
_HEDGE_ENDINGS = (
    "가까이",
    "넘게",
    "넘었나",
    "넘었어",
    "이상",
    "이하",
    "미만",
    "정도",
    "쯤",
    "남짓",
)
HEDGE_SHARE = 0.1


def _number_word(word: str) -> bool:
    """Whether a word is a number written in words (twelve, 오백, 다섯이) or a number
    with its unit or date part (85년생맞음, 800조), not a year (2020년)."""
    if _UNIT_NUMBER.match(word):
        return not _YEAR.match(word)
    stem = korean_stem(word) if is_hangul(word) else word
    return stem in NUMBER_WORDS or (len(stem) >= 2 and _SINO_NUMBER.fullmatch(stem) is not None)


def _written_figures(words: Sequence[str]) -> list[tuple[str, float, float]]:
    """(text, value, tolerance) of the figures a question writes over more than one
    word (80억 원, 5.58 million dollars), when it has a number at all."""
    if not any(_FIGURE_MARK.search(w) for w in words):
        return []
    return [(f.text, f.value, f.tolerance) for f in _draft().figures(" ".join(words))]


def _with_numbers(
    term: Term, hedged: bool = False, written: Sequence[tuple[str, float, float]] = ()
) -> Term:
    """The term with the numbers it is (``Term.numbers``): a figure with its unit
    (118달러, 17%, 5.58 million) or a bare number (1366, 16.9). A year (2025), a
    small whole number (4 points) or a name's number (v3, h800) is none: too
    common, or no figure."""
    if term.entities or term.version or not _FIGURE_MARK.search(term.typed):
        return term  # (r1, gpt-5: a name's number, no figure)
    found = [(value, tol) for text, value, tol in written if term.typed in text.casefold()]
    found = found or [(f.value, f.tolerance) for f in _draft().figures(term.typed)]
    if not found and _BARE_NUMBER.fullmatch(term.typed):
        printed = parse_printed(term.typed)
        found = [(printed.value, printed.tolerance)] if printed is not None else []
    numbers = tuple(
        (abs(value), max(tolerance, HEDGE_SHARE * abs(value)) if hedged else tolerance)
        for value, tolerance in found
        if not (value == int(value) and (abs(value) < 10 or 1900 <= value <= 2100))
    )
    return msgspec.structs.replace(term, numbers=numbers) if numbers else term


def _near(numbers: Sequence[tuple[float, float]], record: Searched) -> bool:
    """Whether a fact carries a figure that a typed number names, to the typed
    precision (17% is 16.9%, 118달러 is $118.42, 78억원 is 약 78억8000만원)."""
    if not numbers or not isinstance(record, Fact):
        return False
    values = [abs(f.value) for f in kinds.of(record).figures(record)]
    # rounded (16.9 is 17) or cut short (78억8000만 is 78억, as people write it)
    return any(n - tol <= v <= n + 2 * tol for n, tol in numbers for v in values)


def _form(word: str) -> str:
    """What kind of answer a word asks for: "figure" (drop, 퍼센트, 하락률), "date"
    (date, 출시일) or "" (a word about the content)."""
    stem = korean_stem(word) if is_hangul(word) else word
    if word in FIGURE_WORDS or stem in FIGURE_WORDS:
        return "figure"
    if word in DATE_WORDS or stem in DATE_WORDS:
        return "date"
    if word in TYPE_WORDS or stem in TYPE_WORDS:
        return "type:" + TYPE_WORDS.get(word, TYPE_WORDS.get(stem, ""))
    if word.startswith(QUESTION_HEADS) and len(word) > 1:
        # 몇 and 얼마 ask, whatever follows them (몇년생, 몇명, 얼마짜리): a date
        # when what follows is one (몇년, 몇월), else a figure
        return "date" if any(word.startswith(h) for h in DATE_HEADS) else "figure"
    return ""


def _form_head(word: str) -> tuple[str, str] | None:
    """A Korean word that ends in a word asking for a figure or a date, cut before
    it: 하락폭 -> (하락, figure), 설립일 -> (설립, date); None when less than two
    syllables would be left or no such word ends it."""
    if not is_hangul(word):
        return None
    # the word as typed first: its last syllable may look like a particle (설립연도:
    # 도, "also"; 수출통제효과: 과, "and") and be part of the word
    for whole in dict.fromkeys((word, korean_stem(word))):
        for cut in range(2, len(whole)):
            form = _form(whole[cut:])
            if form:
                return whole[:cut], form
    return None


def _with_form(term: Term) -> Term:
    """A plain word's term with the kind of answer it asks for (``Term.form``); a Korean
    word glued to such a word also matches its head (하락폭 matches 하락했다)."""
    if term.entities:
        return term
    form = _form(term.typed)
    asked = next((h for h in QUESTION_HEADS if term.typed.startswith(h)), "")
    rest = korean_stem(term.typed[len(asked) :]) if asked else ""
    if len(rest) >= INFIX_SHORTEST:
        # 몇개월 (how many months): a figure, and 개월 as in the text's 3개월
        extra = (_quoted(rest) + "*", _quoted(INFIX + rest) + "*")
        term = msgspec.structs.replace(term, alternatives=(*term.alternatives, *extra))
    cut = _form_head(term.typed)
    if cut is None:
        return msgspec.structs.replace(term, form=form)
    head, tail_form = cut
    return msgspec.structs.replace(
        term,
        alternatives=(*term.alternatives, _quoted(head) + "*"),
        form=form or tail_form,
    )


def _corrected(
    store: Store, names: Names, term: Term, rules: Rules, corrections: list[tuple[str, str]]
) -> list[Term]:
    """The term, or what it is read as when it matches nothing in the base: a name
    it misspells, the parts of an unspaced compound, or a word it misspells."""
    if term.entities or term.version or store.search_count(term.expression, 1):
        return [term]
    word = term.typed
    stem = korean_stem(word) if is_hangul(word) else word
    # a name first, within the whole typo budget (a name is what people mistype
    # most: 리카이후 is 리카이푸, not 리카* and 이후*) ...
    fixed = correct(stem, list(names.keys)) if rules.typos else None
    if fixed is not None:
        ids = names.keys[fixed]
        corrections.append((word, _shown_name(store, ids[0], fixed)))
        return [_name_term(fixed, ids, store)]
    head, tail = split_scripts(word) if rules.split else ("", word)
    if head and _DIGIT.search(head) and tail[:1] not in _UNIT_SYLLABLES:
        # ... a number and a Korean word the base has not together (500문제짜리,
        # 8%넘게): each, as if typed apart (a hedge or particle after it is no word)
        tail = korean_stem(tail)
        apart = [head] + ([tail] if tail not in STOP_WORDS and tail not in HEDGE_WORDS else [])
        found = [_word_term(p, rules) for p in apart]
        return [_with_form(t) if rules.form else t for t in found]
    glued_name = _NAME_AND_NUMBER.fullmatch(word) if rules.split else None
    if glued_name and glued_name.group(1) in names.keys:
        # ... a name and a number typed together (aime24, mmlu88): the name and the number
        letters, number = glued_name.groups()
        return [_name_term(letters, names.keys[letters], store), _word_term(number, rules)]
    runs = _SCRIPT_RUNS.findall(word) if rules.split and is_hangul(word) else []
    if len(runs) > 1 and "".join(runs) == word and not word.startswith(QUESTION_HEADS):
        # ... Korean words, Latin letters and numbers typed together (작년1월엔, 매스500,
        # 미중AI격차1년만에): each run as if typed apart, a number with its unit (1년만에)
        # one run; not 몇분의1 (a fraction)
        apart = [p for p in runs if korean_stem(p) not in STOP_WORDS]
        found = [_word_term(korean_stem(p) if is_hangul(p) else p, rules) for p in apart]
        found = [_with_form(t) if rules.form else t for t in found]
        # each read as any other word (격차축소: a compound too)
        return [c for t in found for c in _corrected(store, names, t, rules, corrections)]
    if rules.split and is_hangul(stem):
        # ... the parts of a compound, as if typed with spaces (인공지능격차); the word
        # as typed first (수출통제효과 ends in 효과, not in the particle 과) ...
        parts = None
        for whole in dict.fromkeys((word, stem)):
            parts = parts or _parts(store, whole, COMPOUND_PARTS)
        if parts is not None:
            found = [_word_term(p, rules) for p in parts]
            return [_with_form(t) if rules.form else t for t in found]
    if not rules.typos:
        return [term]
    # an English word as the index stores it (porter: relase -> relas), read once
    indexed = stem if is_hangul(stem) else index_stems([stem])[stem]
    copula = next((e for e in COPULA_ENDINGS if stem.endswith(e) and len(stem) > len(e)), "")
    if copula and rules.endings:
        # a noun and "is" (회사야, 모델이에요): the noun, when the base has it; after
        # the names (엔비디야 is a typo of 엔비디아, not 엔비디 and 야)
        noun = _word_term(stem[: -len(copula)], rules)
        if store.search_count(noun.expression, 1):
            return [msgspec.structs.replace(noun, typed=word)]
    # a one-syllable word and its particle (칩은, 칩이): the word, as one syllable is
    # searched (itself only, light); korean_stem keeps two syllables whole
    one = is_hangul(stem) and len(stem) == 2 and stem[1] in PARTICLES and rules.syllable
    if one and store.search_count(_quoted(stem[0]), 1):
        return [Term(word, (_quoted(stem[0]),), light=True)]
    if is_hangul(stem):
        conjugated = _conjugated(store, word) or _underived(store, stem, rules)
        if conjugated is not None:
            return [conjugated]
    else:
        related = _related(store, stem, indexed)
        if related is not None:
            return [related]
    # ... then the index's own words, one edit away at most: an ordinary word has
    # many neighbours (사용자 is not 사용해). An English word is compared as the
    # index stores it (relase -> relas, one edit from releas: release, released)
    budget = _vocabulary_budget(stem)
    vocabulary = _vocabulary(store.search_vocabulary(stem[:1]))
    fixed = correct(stem, vocabulary, budget)
    if fixed is not None and not is_hangul(fixed):
        fixed = _surface(fixed)  # an index word is a stem (releas): the word it stands for
    if fixed is None and budget and not is_hangul(stem):
        # an English word as the index stores words (relase -> relas, one letter
        # from releas: release), kept only when the word it stands for is itself
        # within the typo budget of what was typed (ranking is not sank); before
        # the first-letter ranges, which cost more to read
        near = correct(indexed, vocabulary, budget) if indexed != stem else None
        shown = _surface(near, stem) if near is not None else None
        if shown is not None and distance(stem, shown) <= budget:
            fixed = shown
    if fixed is None and budget and (is_hangul(stem) or len(stem) >= FIRST_LETTER_SHORTEST):
        # the typo may be in the first letter (tarket): the words that
        # start otherwise, read by narrow ranges, never the whole vocabulary
        other = store.search_vocabulary_between(_first_letter_ranges(stem))
        fixed = correct(stem, _vocabulary(v for v in other if v[0][:1] != stem[:1]), budget)
        if fixed is not None and not is_hangul(fixed):
            fixed = _surface(fixed)
    if fixed is None and len(stem) == 2 and is_hangul(stem):
        # a two-syllable word: a slipped vowel or aspiration only (폭랙 -> 폭락, 격자 -> 격차)
        other = store.search_vocabulary_between(_first_letter_ranges(stem))
        fixed = vowel_twin(stem, {**_vocabulary(other), **vocabulary})
    if fixed is None and rules.split and _ALL_HANGUL.fullmatch(stem) and len(stem) <= LOOSE_LONGEST:
        # ... last, a compound whose one part the base lacks (헤지펀드출신, 새경쟁자):
        # the parts it has are searched, and the other counts as a word it lacks
        parts = _loose_parts(store, stem)
        if parts is not None:
            # a part that is a question word (누가한말임) is none; a last part that
            # opens as an ending does (발표한다던 -> 다던, 격화될거란 -> 될거) is the predicate
            parts = [p for p in parts if p not in STOP_WORDS and _asking(p) is None]
            found = [
                Term(p, (_quoted(p),), light=True)
                if n and p[0] in _ENDING_OPENERS
                else _word_term(p, rules)
                for n, p in enumerate(parts)
            ]
            return [_with_form(t) if rules.form else t for t in found]
    asks = word.startswith(QUESTION_HEADS)  # 몇분의일, 몇년몇월: a question, no content
    if fixed is None and term.form and not asks and _form_head(word) is not None:
        # a compound of a word the base lacks and a figure word (반등폭: rebound's size):
        # it asks that word's figure, which the base has nowhere, not any figure
        return [msgspec.structs.replace(term, form="")]
    if fixed is None:
        return [term]
    corrections.append((word, fixed))
    read = _word_term(fixed, rules)
    return [_with_form(read) if rules.form else read]


# "Is" after a Korean noun (회사야, 모델이에요, 기업입니까), longest first
COPULA_ENDINGS = tuple(
    sorted(_listed("야 이야 예요 이에요 이예요 입니다 입니까 이죠 죠 임"), key=len, reverse=True)
)


# Korean suffixes that make a word of a word without changing what it is about:
# 이해력 (comprehension) is about 이해, 정치권 (political circles) about 정치,
# 중요성 about 중요. Not 자 (a person), 량 (an amount), 가 (one who): those ask
# for something else (이용자 is not 이용)
DERIVATION_SUFFIXES = frozenset("력권성적화")


def _underived(store: Store, word: str, rules: Rules) -> Term | None:
    """A Korean word the base has without its derivational suffix (이해력 -> 이해)."""
    if len(word) < 3 or word[-1] not in DERIVATION_SUFFIXES:
        return None
    base = _word_term(word[:-1], rules)
    if not store.search_count(base.expression, 1):
        return None
    return msgspec.structs.replace(base, typed=word)


RELATED_SHORTEST = 6  # letters an English word's shared beginning keeps (invest, compet)


def _related(store: Store, word: str, stem: str) -> Term | None:
    """An English word the base has only in a related form: investors -> invest*
    (investment), competitor -> competit* (competition). The word as the index
    stems it, less its last two letters but six letters at least, as a prefix;
    a related word says less than the word itself: it counts for less. ``stem``:
    the word as the index stores it (``index_stems``)."""
    if len(word) < RELATED_SHORTEST + 1 or not stem.isalpha():
        return None
    prefix = stem[: max(RELATED_SHORTEST, len(stem) - 2)]
    if prefix == stem or not store.search_count(_quoted(prefix) + "*", 1):
        return None
    return Term(word, (_quoted(prefix) + "*",), light=True)


# English endings tried to turn an index stem back into a word (releas -> release)
_SURFACE_ENDINGS = ("", "e", "s", "ed", "ing", "y", "es", "ion")


def _surface(stem: str, like: str = "") -> str:
    """A word the index stores as ``stem`` (releas -> release): what the correction
    shows and searches; of several, the one nearest ``like``, the word typed
    (contorls -> controls, not control). The stem itself when no common ending
    gives one."""
    tried = [stem + ending for ending in _SURFACE_ENDINGS]
    stems = index_stems(tried)
    words = [w for w in tried if stems[w] == stem] or [stem]
    return min(words, key=lambda w: distance(like, w)) if like else words[0]


# Final consonants that end a Korean modifier (빌린, 만든, 떨어진; 할, 갈): a
# verb's form before a noun
_MODIFIER_FINALS = frozenset((4, 8))  # ㄴ, ㄹ
# Endings a verb's stem takes alone (빌려, 만들어, 나와요, 팔다, 샀고)
_VERB_SYLLABLES = frozenset("어아여요다고서며나니지네")


# A verb's noun form (만듦, 빠짐, 성능냄: made, fell, performed), as headlines and
# notes write a predicate; no noun of the base ends so
_VERB_NOUN_SYLLABLES = frozenset("짐냄듦듬김옴")  # (이김, 나옴)
_SIOT_FINAL = 19  # the final consonant ㅅ, typed for ㅆ without shift (떨어졋어)
# Syllables after a past tense's ㅆ (떨어졌어, 나왔다, 했나, 줬지, 했음)
_AFTER_PAST = frozenset("어다나냐지음니")


def _verb_noun(word: str) -> bool:
    """Whether a Korean word is a verb's noun form (만듦, 빠짐, 주목받음)."""
    return len(word) >= 2 and (word[-1] in _VERB_NOUN_SYLLABLES or word.endswith("받음"))


def _past_slip(word: str) -> bool:
    """Whether a Korean word is a past tense typed with ㅅ for ㅆ (떨어졋어, 나왓다)."""
    for syllable, after in pairwise(word):
        parts = syllable_parts(syllable)
        if parts is not None and parts[2] == _SIOT_FINAL and after in _AFTER_PAST:
            return True
    return False


def _verb_ending(word: str) -> bool:
    """Whether a Korean word ends as only a verb does: ㄹ까 (줄까, 될까요: will it …?)
    or 서 after a verb's 아/어 form (써서, 해서: … and so). No noun ends so."""
    stem = word[:-1] if word.endswith("까요") else word
    if len(stem) < 2:
        return False
    before = syllable_parts(stem[-2])
    if before is None:
        return False
    if stem[-1] == "까":
        return before[2] == _L_FINAL
    return (
        stem[-1] == "서"
        and before[1] in _CONNECTIVE_VOWELS
        and before[2] in (_NO_FINAL, _PAST_FINAL)
    )


_L_FINAL = 8  # the final consonant ㄹ: a verb's future or modifier form (줄, 할)
# Vowels of a verb's 아/어 form (빌려, 만들어, 나와, 해, 됐): ㅏ ㅐ ㅓ ㅕ ㅘ ㅙ ㅝ
_CONNECTIVE_VOWELS = frozenset((0, 1, 4, 6, 9, 10, 14))
_NO_FINAL, _PAST_FINAL = 0, 20  # no final consonant; ㅆ, the past tense


def _verb_form(word: str, at: int) -> bool:
    """Whether an index word whose syllable ``at`` follows a verb's stem is a verb's form:
    that syllable is the 아/어 form (빌려, 빌렸다) or an open syllable before an ending
    (빌리고). Not a noun that starts alike (일부 and 일반 are no form of 일본)."""
    parts = syllable_parts(word[at]) if at < len(word) else None
    if parts is None:
        return False
    if parts[1] in _CONNECTIVE_VOWELS and parts[2] in (_NO_FINAL, _PAST_FINAL):
        return True
    return parts[2] == _NO_FINAL and at + 1 < len(word) and word[-1] in _VERB_SYLLABLES


def _conjugated(store: Store, word: str) -> Term | None:
    """A Korean verb form the base has in another form: 빌린 (borrowed, before a noun)
    is the article's 빌려. The word's syllables before its last, then a syllable
    that starts with the same consonant as its last (빌 + ㄹ…: 빌려, 빌리고), read
    from the index's words; only for a word whose last syllable is a verb's
    ending (a modifier's ㄴ or ㄹ, or 어, 다, 요 …). A verb: it counts for less."""
    last = syllable_parts(word[-1])
    if len(word) < 2 or last is None or not is_hangul(word[:-1]):
        return None
    if last[2] not in _MODIFIER_FINALS and word[-1] not in _VERB_SYLLABLES:
        return None
    block = SYLLABLE_BASE + last[0] * PER_INITIAL
    low = word[:-1] + chr(block)
    high = word[:-1] + chr(block + PER_INITIAL)
    found = [
        t
        for t, _ in store.search_vocabulary_between([(low, high)])
        if t != word and _verb_form(t, len(word) - 1)
    ]
    if not found:
        return None
    forms = tuple(dict.fromkeys(_quoted(korean_stem(t)) for t in found[:8]))
    return Term(word, forms, light=True)


VOCABULARY_EDITS = 1  # the most edits a word is corrected by into an index word (not a name)
# The shortest word corrected into an index word: a shorter one is one edit from
# too many others (경고 -> 경로); names have their own budget
VOCABULARY_SHORTEST = {"latin": 4, "hangul": 3}  # letters / syllables
# A Latin word shorter than this is not corrected by its first letter: four letters with
# another first letter are another word as often as a typo (hard is not card,
# down is not own), and a slip is seldom the first key
FIRST_LETTER_SHORTEST = 5


def _vocabulary(terms: Iterable[tuple[str, int]]) -> dict[str, float]:
    """Index words (a Korean one also without its particle) -> how many records hold them."""
    weights: dict[str, float] = {}
    for vocab_term, docs in terms:
        if vocab_term in STOP_WORDS:  # a typo read as "will" or "the" searches nothing
            continue
        weights.setdefault(vocab_term, float(docs))
        if is_hangul(vocab_term):
            weights.setdefault(korean_stem(vocab_term), float(docs))
    return weights


_LATIN_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789"
_LAST_CHAR = chr(0x10FFFF)  # no character follows it: no range of words starting with it


def _first_letter_ranges(word: str) -> list[tuple[str, str]]:
    """Ranges of index words that ``word`` may be with its first letter mistyped.

    Latin: another first letter (tarket: ?a...), the first one dropped (arket:
    ?a...), one added or the first two swapped (mmarket, amrket: m...). Hangul: the first
    syllable with the same initial consonant (앤 for 엔, 랑 for 량) or the same
    vowel and final under another initial.
    """

    def starting(prefix: str) -> tuple[str, str]:
        return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)

    if len(word) < 2 or max(word[:2]) >= _LAST_CHAR:
        return []
    first = ord(word[0]) - SYLLABLE_BASE
    if 0 <= first < PER_INITIAL * INITIALS:
        initial, rest = divmod(first, PER_INITIAL)
        block = SYLLABLE_BASE + initial * PER_INITIAL
        ranges = [(chr(block), chr(block + PER_INITIAL))]
        for other in range(INITIALS):
            ranges.append(starting(chr(SYLLABLE_BASE + other * PER_INITIAL + rest)))
        return ranges
    if is_hangul(word) or len(word) < 3:
        return []
    # one edit at most (VOCABULARY_EDITS), spent on the first letter: the next two
    # letters are as typed, so each range is three letters wide, not two (a typo
    # reads a few index words, not every word under ?a)
    prefixes = {x + word[1:3] for x in _LATIN_FIRST} | {x + word[:2] for x in _LATIN_FIRST}
    prefixes |= {word[1:3], word[1] + word[0] + word[2]}
    return [starting(p) for p in sorted(prefixes) if p[0] != word[0]]


def _vocabulary_budget(word: str) -> int:
    """How many edits a word may be corrected by into an index word."""
    shortest = VOCABULARY_SHORTEST["hangul" if is_hangul(word) else "latin"]
    return min(typo_budget(word), VOCABULARY_EDITS) if len(word) >= shortest else 0


CORRECTED_MOST = 12  # words of a question looked at for typos, compounds and forms
COMPOUND_PARTS = 3  # the most parts an unspaced compound is cut into


def _parts(store: Store, word: str, most: int) -> list[str] | None:
    """An unspaced Korean compound cut into parts that each occur in the base
    (수출통제 -> 수출, 통제; 반도체수출통제 -> three parts; 엔비디아칩 -> 엔비디아, 칩),
    the longest first part first; a part has two syllables or more, but the last
    may be one syllable the base has as a word of its own. None when no cut works."""
    if most <= 1:
        return None
    for cut in range(len(word) - 1, 1, -1):
        head, rest = word[:cut], word[cut:]
        if not store.search_count(f"{_quoted(head)}*", 1):
            continue
        one = len(rest) == 1  # a one-syllable word matches only itself (수, not 수학)
        if store.search_count(_quoted(rest) + ("" if one else "*"), 1):
            return [head, rest]
        deeper = _parts(store, rest, most - 1)
        if deeper is not None:
            return [head, *deeper]
    return None


_ALL_HANGUL = re.compile("[가-힣]+")  # a compound of Korean words only (not 85년생)
# Syllables that open a verb's ending or a particle (다던, 라며, 될거, 한말, 이라며): a
# compound's part that opens so is what the compound says of the rest
_ENDING_OPENERS = frozenset("다라더될된한할하했됐이였거건걸게냐는은을를")
LOOSE_LONGEST = 8  # the longest compound (in syllables) cut with a part the base lacks
# One-syllable words that open a compound (새경쟁자: a new rival; 미정계: US politics)
COMPOUND_HEADS = frozenset("새미중한전총저고신")


def _loose_parts(store: Store, word: str) -> list[str] | None:
    """A compound cut in two where the base has one part and lacks the other
    (헤지펀드출신 -> 헤지펀드, 출신; 미정계 -> 미, 정계), the known part the
    longest; each part two syllables or more, but for a head of COMPOUND_HEADS.
    None when no such cut exists."""
    best: list[str] | None = None
    known = 0
    for cut in range(1, len(word)):
        head, rest = word[:cut], word[cut:]
        if (cut == 1 and head not in COMPOUND_HEADS) or len(rest) < 2:
            continue
        for part, size in ((head, cut), (rest, len(rest))):
            if size > known and size >= 2 and store.search_count(f"{_quoted(part)}*", 1):
                best, known = [head, rest], size
    return best


def _shown_name(store: Store, record_id: str, key: str) -> str:
    """The name as the fact file spells it whose key is ``key`` (samaltman -> Sam Altman)."""

    record = store.record(record_id)
    if isinstance(record, Benchmark | Entity):
        for name in (*record.name.all(), *record.aliases):
            if normalize_name(name) == key:
                return name
    return key


INNER = -1  # ``shown`` of a row that holds a text's marked inner parts (``infixes``)


def _matcher(records: Sequence[Searched], benchmarks: Mapping[str, Benchmark]) -> Matcher:
    """The records' texts (``searchable``) in a small in-memory index, each text's
    marked inner parts (기술격차 -> 격차) in a row of their own, as the index has them."""

    def rows() -> Iterable[tuple[str, int, str, int, int]]:
        for i, record in enumerate(records):
            for field, text, weight in searchable(record, benchmarks):
                # the id is shown anyway, and a tag, a search word or the kind's name is one
                # word: running text says more (shown, the weight choosing the snippet, is 0)
                yield (
                    text,
                    i,
                    field,
                    0 if field in ("id", "tags", "kind", "keywords") else weight,
                    weight,
                )
                inner = infixes(text)
                if inner:
                    yield " ".join(inner), i, field, INNER, weight

    return Matcher(rows())


def _where(matcher: Matcher, expression: str, size: int) -> list[tuple[str, str]]:
    """(field, snippet) of the best-matching shown field of each record."""
    best: dict[int, tuple[bool, int, int, float, str, str]] = {}
    for hit, field, shown, snip, rank in matcher.snippets(expression):
        # the field that holds most of the words asked for, then the weightier one; a
        # row of inner parts only when nothing else matched: it shows its field's words
        words = len({w.casefold() for w in _MARKED.findall(snip)})
        key = (shown != INNER, words, shown, -rank)
        if hit not in best or key > best[hit][:4]:
            text = " ".join(snip.replace("\x02", "").replace("\x03", "").split())
            if shown == INNER:
                part = next(iter(_MARKED.findall(snip)), INFIX).lstrip(INFIX)
                text = matcher.around(hit, field, part)
            elif field == "kind":  # one row of the kind's words: the ones matched
                text = " ".join(dict.fromkeys(_MARKED.findall(snip))) or text
            best[hit] = (*key, field, text)
    return [best[i][4:] if i in best else ("", "") for i in range(size)]


def _about(record: Searched) -> frozenset[str]:
    """The entities and benchmarks a record is about (itself, for a card)."""
    if isinstance(record, Benchmark | Entity):
        return frozenset((record.id,))
    if isinstance(record, Source):
        return frozenset()
    bench = getattr(record, "benchmark", None)
    return frozenset((*record.about, *((bench,) if isinstance(bench, str) else ())))


def _has_figure(record: Searched) -> bool:
    """Whether a fact carries a figure with a unit (a ratio alone, 0.1 × the cost, has none)."""
    if isinstance(record, Source | Benchmark | Entity):
        return False
    return any(f.path[:1] != ("ratio",) for f in kinds.of(record).figures(record))


def _is_event(record: Searched) -> bool:
    return isinstance(record, Fact) and kinds.of(record).name == "event"


def _asked(query: Query, record: Searched) -> bool:
    """Whether a fact is what the question asks for: a figure, or (asked when) an event."""
    if query.figure and _has_figure(record):
        return True
    return query.when and _is_event(record)


def _meets(term: Term, record: Searched, type_of: Callable[[str], str]) -> bool:
    """Whether a record answers a word that asks for a kind of answer (``Term.form``):
    a figure word by carrying a figure, a date word by being an event, a type word
    (회사, person) by being about a thing of that type, or its card."""
    if term.form == "figure":
        return _has_figure(record)
    if term.form.startswith("type:"):
        wanted = term.form.removeprefix("type:")
        return any(type_of(e) == wanted for e in _about(record))
    return term.form == "date" and _is_event(record)


_DIGIT = re.compile(r"\d")
_ONE_TOKEN = re.compile(r'"(\w+)"')  # one whole token (not a prefix, not a phrase)


def _docs(store: Store, alternative: str) -> int:
    """How many records an alternative matches: from the index's vocabulary when it is
    one whole token (fast at any size), else counted up to ``DF_CAP``."""
    one = _ONE_TOKEN.fullmatch(alternative)
    if one is not None:
        docs = store.term_docs(one.group(1))
        if docs is not None:
            return docs
    return store.search_count(alternative, DF_CAP)


def _form_counts(store: Store, query: Query) -> dict[str, int]:
    """How many records meet a word of each form the question has (``_meets``)."""
    forms = {t.form for t in query.terms if t.form}
    counts: dict[str, int] = {}
    if "figure" in forms:
        counts["figure"] = store.section_count(store.figure_sections())
    if "date" in forms:
        counts["date"] = store.section_count([k.section for k in kinds.KINDS if k.name == "event"])
    for form in forms:
        if form.startswith("type:"):
            counts[form] = int(store.record_count() * TYPE_SHARE)
    return counts


def _weights(store: Store, query: Query) -> tuple[list[float], list[bool]]:
    """Each term's weight (how rare it is in the base: a word that is nowhere weighs
    most; a name more, a light word less), and whether it is content found nowhere."""
    total = max(store.record_count(), 1)
    weights: list[float] = []
    unknown: list[bool] = []
    answered_by = _form_counts(store, query)
    for term in query.terms:
        docs = max(_docs(store, alt) for alt in term.alternatives)
        # a word asking for a figure is met by every fact with one: as common as they are
        docs = min(max(docs, answered_by.get(term.form, 0)), total)
        numeric = (
            bool(term.numbers)
            or (_NUMERIC.fullmatch(term.typed) is not None and not _YEAR.fullmatch(term.typed))
            or _number_word(term.typed)
        )
        if numeric and docs == 0:
            # a number no text has (17 for 16.9): as common as the facts with a figure
            docs = answered_by.get("figure") or store.section_count(store.figure_sections())
        weight = math.log(1 + total / (docs + 0.5))
        if term.entities:
            weight *= NAME_WEIGHT
        weights.append(weight * (LIGHT_WEIGHT if term.light else 1.0))
        # a word that asks for a figure or a date is not content the base lacks
        unknown.append(docs == 0 and not term.light and not term.form and not numeric)
    return weights, unknown


class Scored(msgspec.Struct, frozen=True):
    """A candidate with what its rank is made of."""

    record: Searched
    bm25: float
    coverage: float
    score: float
    weak: bool  # below the coverage its question needs


def _rank(
    store: Store,
    query: Query,
    candidates: Sequence[Ranked],
    matcher: Matcher,
    rules: Rules,
) -> list[Scored]:
    """The candidates re-ranked for answers, each with its coverage of the question."""
    weights, unknown = _weights(store, query)
    whole = sum(weights) or 1.0
    names_asked = [n for n, t in enumerate(query.terms) if t.entities]
    matched = [matcher.which(t.expression) for t in query.terms]
    named = query.named
    # the facts whose subject, speaker or model is a name the question names
    subject = [matcher.which(t.expression, SUBJECT_WEIGHT) for t in query.terms]
    # a word matched only in a fact's note (about the fact, not the news) counts for less
    noted = [matcher.which(t.expression, 0, note=False) for t in query.terms]
    types: dict[str, str] = {}

    def type_of(record_id: str) -> str:
        """An entity's type (organization, person ...), looked up once; "" for others."""
        if record_id not in types:
            found = store.record(record_id)
            types[record_id] = found.type if isinstance(found, Entity) else ""
        return types[record_id]

    # a word with a digit found nowhere (gpt-5, q4, r2, 2분기) names a model, version or
    # period the base lacks: the question is about it, as about a name it lacks
    versioned = any(u and _DIGIT.search(t.typed) for t, u in zip(query.terms, unknown, strict=True))
    peers = _peers(store, query, names_asked) if query.compares else []
    asked = _asked_slots(store, query, names_asked, type_of)
    scored = []
    for i, (record, bm25) in enumerate((c.record, c.score) for c in candidates):
        about = _about(record)
        near = [_near(t.numbers, record) for t in query.terms]
        met = [
            (t.entities and about & set(t.entities)) or _meets(t, record, type_of) or close
            for t, close in zip(query.terms, near, strict=True)
        ]
        got = sum(
            w * (1.0 if i in text or met_it else NOTE_SHARE)
            for w, hits, text, met_it in zip(weights, matched, noted, met, strict=True)
            if i in hits or met_it
        )
        if query.compares:
            # two things of one kind compared (the humaneval gap vs the mmlu gap, r1
            # or o1): a fact about one of them answers for its side of the question
            for group in peers:
                hit = [n for n in group if i in matched[n] or met[n]]
                if hit:
                    got += sum(weights[n] for n in group if n not in hit)
        coverage = got / whole
        card = isinstance(record, Source | Benchmark | Entity)
        names_met = any(
            i in matched[n] or about & set(query.terms[n].entities) for n in names_asked
        )
        if card and query.what and about & named and not any(unknown):
            # a card of the thing asked about answers "who/what is" (not "who
            # invested in": a word the base lacks asks more than what it is)
            floor = 0.0
        elif card and any(unknown):
            floor = 1.01  # a card answers no question about what the base lacks
        elif ((any(unknown) or names_asked) and not names_met) or versioned:
            floor = WEAK_BELOW_UNNAMED
        elif any(unknown):
            floor = WEAK_BELOW_UNKNOWN
        else:
            floor = WEAK_BELOW
        if any(near) and (names_met or not any(unknown)) and not versioned:
            # a fact with the very figure the question names (1366, 118달러, 9.3%) answers
            # it, whatever paraphrase (마감가, apart) the base lacks
            floor = min(floor, NEAR_FLOOR)
        if rules.slots and not _fills(query, asked, i, record, matched, any(unknown)):
            floor = UNFILLED
        score = bm25
        if rules.rank and i < RERANK:
            score = bm25 * coverage**COVERAGE_POWER
            if card:
                score *= WHAT_CARD_FACTOR if query.what and about & named else CARD_FACTOR
            elif (_asked(query, record) or any(near)) and not query.why:
                score *= FIGURE_FACTOR
            elif query.why and not _has_figure(record):
                score *= FIGURE_FACTOR  # a why-question: the fact that explains
            if not card:
                score *= NAMED_FACTOR ** sum(i in hits for hits in subject)
                # what a fact is chiefly about comes first in its ``about``
                if isinstance(record, Fact) and record.about[:1] and record.about[0] in named:
                    score *= NAMED_FACTOR
        scored.append(Scored(record, bm25, coverage, score, coverage < floor))
    head = sorted(scored[:RERANK], key=lambda s: -s.score) if rules.rank else scored[:RERANK]
    if rules.rank and named and all(t.entities for t in query.terms) and not query.what:
        # a question that is only names (nvda, 알트만), not "what is": each one's card after the
        # facts whose subject it is (the answers: Nvidia's fall, Altman's three
        # quotes), and never below the fourth place
        cards = [s for s in head if isinstance(s.record, Benchmark | Entity)]
        cards = [s for s in cards if _about(s.record) & named]
        rest = [s for s in head if s not in cards]
        own = {id(candidates[i].record) for hits in subject for i in hits}
        at = min(sum(1 for s in rest[:3] if id(s.record) in own), 3)
        # scores stay in rank order: a card moved takes the score of the fact above
        # it (or, first, of the fact below it)
        tied = rest[at - 1].score if at else max((s.score for s in rest[:1]), default=0.0)
        cards = [msgspec.structs.replace(c, score=tied) for c in cards]
        head = [*rest[:at], *cards, *rest[at:]]
    return [*head, *scored[RERANK:]]


class Asked(msgspec.Struct, frozen=True):
    """What a question names that a fact must be of to answer it (``Rules.slots``)."""

    people: tuple[int, ...]  # the terms naming a person: the fact is about them
    benchmarks: tuple[int, ...]  # naming a benchmark: a fact's figure is on it
    owners: frozenset[str]  # the models and companies named: a score is one of theirs
    gap: bool  # the question says gap (격차): a gap answers it, a model named or not
    date_terms: tuple[int, ...]  # the terms that write a date's year or day (2022, 27일)


def _asked_slots(
    store: Store, query: Query, names_asked: Sequence[int], type_of: Callable[[str], str]
) -> Asked:
    terms = query.terms
    gap_words = {w.casefold() for w in kind_words("gaps")}
    # the most exact part each date writes (its day, else its year): a text that has
    # that speaks of the date (2025 is in every text, 28 only where the 28th is)
    digits = {str(w.day if w.day is not None else w.year) for w in query.dates}
    digits.discard("None")
    return Asked(
        people=tuple(
            n for n in names_asked if any(type_of(e) == "person" for e in terms[n].entities)
        ),
        benchmarks=tuple(
            n
            for n in names_asked
            if any(isinstance(store.record(e), Benchmark) for e in terms[n].entities)
        ),
        owners=frozenset(e for e in query.named if type_of(e) in ("model", "organization")),
        gap=any(t.typed in gap_words or korean_stem(t.typed) in gap_words for t in terms),
        date_terms=tuple(n for n, t in enumerate(terms) if any(d in t.typed for d in digits)),
    )


def _fills(
    query: Query,
    asked: Asked,
    at: int,
    record: Searched,
    matched: Sequence[set[int]],
    lacks: bool,
) -> bool:
    """Whether a candidate (at ``at``) is of what the question names; ``lacks``: the
    question has a word the base has nowhere."""
    about = _about(record)

    def names(n: int) -> bool:  # the candidate names term n's thing, or is about it
        return at in matched[n] or bool(about & set(query.terms[n].entities))

    if isinstance(record, Source | Benchmark | Entity):
        if query.what:
            return True
        # a card has no figure: it answers no question for one (h100 price); an
        # entity's card says what it is, and answers no question of a word it lacks
        # (한국과 미국의 AI 격차: the South Korea card has no gap)
        return not query.figure and not (
            isinstance(record, Benchmark | Entity)
            and any(
                not (t.entities or t.light or t.form) and at not in matched[n]
                for n, t in enumerate(query.terms)
            )
        )
    kind = kinds.of(record).name
    if not all(names(n) for n in asked.people):
        return False  # what did altman say about nvidia's shares: not Nvidia's fall
    if (
        lacks
        and kind in ("market", "event")
        and record.about[:1]
        and record.about[0] not in query.named
    ):
        # microsoft shares in the deepseek selloff: a word the base lacks names the
        # company, and this fall is another's
        return False
    if query.figure:
        figures = list(kinds.of(record).figures(record))
        if not figures and "count" in query.units:
            return False  # how many gpus did deepseek own: "a fraction of" counts nothing
        if figures and not all(names(n) for n in asked.benchmarks):
            return False  # deepseek v3 aime score: not V3's cost
        if figures and query.units and not any(f.unit in query.units for f in figures):
            return False  # nasdaq: how many points (the base has percent), closing price
        if kind == "gap" and asked.owners and not asked.gap:
            return False  # r1 mmlu score: the US-China gap is not R1's score
        if kind == "score" and asked.owners and not asked.owners & set(record.about[:2]):
            return False  # deepseek v3 aime score: not R1's or o1's
    if query.dates and not any(at in matched[n] for n in asked.date_terms):
        # a fact of other dates answers no question about this one (the mmlu gap at
        # the end of 2022), unless its text speaks of that date (since march 2020)
        dates = kinds.of(record).dates(record)
        if dates and not any(w.fits(d) for d in dates for w in query.dates):
            return False
    return True


def _peers(store: Store, query: Query, names_asked: Sequence[int]) -> list[list[int]]:
    """The question's names grouped by kind (benchmarks, models, companies …), the
    groups of two or more: the things a comparison sets side by side. Countries are
    no peers: a US fact does not answer for Korea's side."""
    by_kind: dict[str, list[int]] = {}
    for n in names_asked:
        first = store.record(query.terms[n].entities[0])
        kind = "benchmark" if isinstance(first, Benchmark) else getattr(first, "type", "")
        by_kind.setdefault(kind, []).append(n)
    return [group for kind, group in by_kind.items() if len(group) >= 2 and kind != "country"]


PAIRED_MOST = 6  # terms whose pairs are tried first (15 pairs); more are searched OR-ed


def _candidates(
    store: Store, query: Query, expression: str, wanted: int | None
) -> tuple[list[Ranked], int]:
    """The best ``wanted`` records for the question (BM25), and how many match it.

    When ``wanted`` records match two of its terms or more, they are the
    candidates: ranking every record that has one common word (39,580 for
    deepseek r1 release at 100,000 facts) costs 30 ms, and the re-ranking by
    coverage puts those that match more first anyway. Otherwise, and for a
    whole listing (``wanted`` None), every record matching any term.
    """
    terms = [t.expression for t in query.terms]
    if wanted is not None and 2 <= len(terms) <= PAIRED_MOST:
        pairs = " OR ".join(f"({a} AND {b})" for n, a in enumerate(terms) for b in terms[n + 1 :])
        narrow = store.search(pairs, wanted)
        if len(narrow.rows) >= wanted:
            return list(narrow.rows), store.search_count(expression, store.record_count())
    found = store.search(expression, wanted)
    return list(found.rows), found.total


def search(
    store: Store,
    words: Sequence[str],
    limit: int | None,
    lang: Lang = "en",
    rules: Rules = RULES,
) -> Found:
    """The best ``limit`` hits (all when None) for ``words``, and the number of hits.

    Hits matching too little of the question are marked weak (``Hit.weak``);
    ``Found.corrections`` says which typed words were read as which.
    """
    text = " ".join(" ".join(words).split()).encode("utf-8", "backslashreplace").decode("utf-8")
    query = parse(store, words, rules)
    expression = query.expression
    if expression is None:
        return Found(text, [], 0)
    wanted = None if limit is None else max(limit, RERANK)
    candidates, total = _candidates(store, query, expression, wanted)
    # A query that is exactly an id ("gap-mmlu") means that record, first
    # (not a name: "broadcom" asks about Broadcom, its card need not lead).
    folded = query_words(words)
    exact = store.record("-".join(folded)) if folded and not query.named else None
    if exact is not None:
        rest = [c for c in candidates if c.record.id != exact.id]
        if len(rest) == len(candidates):
            total += 1
        top = max((c.score for c in candidates), default=0.0)
        candidates = [Ranked(exact, top + 1.0), *rest]
    records = [c.record for c in candidates]
    benchmarks = _benchmarks_of(store, records)
    matcher = _matcher(records, benchmarks)
    try:
        ranked = _rank(store, query, candidates, matcher, rules)
        if not rules.weak:
            ranked = [msgspec.structs.replace(s, weak=False) for s in ranked]
        if exact is not None:
            ranked = [
                msgspec.structs.replace(s, weak=s.record is not exact and s.weak) for s in ranked
            ]
            ranked.sort(key=lambda s: s.record.id != exact.id)
        # weak hits after every strong one (their scores capped to keep the order)
        strong = [s for s in ranked if not s.weak]
        floor = min((s.score for s in strong), default=None)
        weak = [s for s in ranked if s.weak]
        if floor is not None:
            weak = [msgspec.structs.replace(s, score=min(s.score, floor)) for s in weak]
        total = max(total - len(weak), 0) if strong else total  # weak hits are not hits
        ranked = [*strong, *weak]
        ranked = ranked[:limit] if limit is not None else ranked
        where_all = _where(matcher, expression, len(records))
        where_of = dict(zip((id(r) for r in records), where_all, strict=True))
        where = [_in_language(s.record, *where_of[id(s.record)], lang) for s in ranked]
    finally:
        matcher.close()
    hits = [
        _hit(
            store,
            s.record,
            s.score,
            w,
            lang,
            benchmarks,
            weak=s.weak,
            coverage=s.coverage,
        )
        for s, w in zip(ranked, where, strict=True)
    ]
    return Found(text, hits, total, query.corrections)
