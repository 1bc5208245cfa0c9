"""``aigap verify``: check a draft's figures, dates and quotations against the fact base.

The draft is read by ``aigap.draft`` (sentences, figures with units, dates,
quotations); each claim is tied to its subject by the entity and benchmark
names and aliases the base already has, then compared with what the base
records for that subject: each fact's figures ("slots": a gap's value at a
date, a score, a market move, an amount), its events' dates and its
quotations' words. Facts are read through the store's index (the facts
about the entities the draft names, and the search index for quoted words),
so a draft costs about the same at 100,000 facts as at 60.

Verdicts: ``supported`` (within the rounding the draft's precision implies),
``contradicted`` (the base has another figure or date for this subject),
``wrong-unit`` (the number matches, the unit or scale does not),
``misattributed`` (the words are someone else's in the base) and
``unverified`` (about the base's subjects, but the base has nothing on it).
"""

from __future__ import annotations

import bisect
import calendar
import functools
import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import msgspec

from aigap import kinds
from aigap.answers import draft
from aigap.answers.draft import Figure, Quoted, Sentence, When
from aigap.answers.names import Names
from aigap.answers.search import match_expression, query_words
from aigap.core.derive import parse_printed
from aigap.core.errors import AigapError, os_reason
from aigap.core.labels import label
from aigap.core.model import Amount, Benchmark, Entity, Fact, Lang, PartialDate, Text
from aigap.core.numbers import MONTH_NAMES, amount_text, date_words, figure_text, with_unit
from aigap.core.text import nfc
from aigap.kinds.cost import Cost
from aigap.kinds.event import Event
from aigap.kinds.gap import Gap, period
from aigap.kinds.market import MarketMove
from aigap.kinds.quote import Quote
from aigap.kinds.score import Score
from aigap.store.queries import CacheError

if TYPE_CHECKING:
    from aigap.store.queries import Store

Verdict = Literal[
    "supported", "contradicted", "wrong-unit", "misattributed", "impossible-date", "unverified"
]
VERDICTS: tuple[Verdict, ...] = (
    "supported",
    "contradicted",
    "wrong-unit",
    "misattributed",
    "impossible-date",
    "unverified",
)
ERRORS: frozenset[Verdict] = frozenset(
    {"contradicted", "wrong-unit", "misattributed", "impossible-date"}
)
# A draft is an article: a few hundred KB. The cap keeps a hostile input harmless.
MAX_DRAFT_BYTES = 4 * 1024 * 1024


class Checked(msgspec.Struct, frozen=True):
    """One claim of the draft and what the base says about it."""

    line: int
    text: str  # the clause the claim is in
    figure: str  # the figure, date or quoted words as the draft writes them
    verdict: Verdict
    fact_id: str | None = None
    says: str | None = None
    source_id: str | None = None


class Report(msgspec.Struct, frozen=True):
    claims: list[Checked]

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(VERDICTS, 0)
        for claim in self.claims:
            counts[claim.verdict] += 1
        return counts

    @property
    def errors(self) -> int:
        return sum(1 for c in self.claims if c.verdict in ERRORS)


# ---------------------------------------------------------------- names

_HANGUL = re.compile("[가-힣]")
# "US–China", "미중": both countries of the gap at once (aigap.names finds
# "US-China" as two names; "미중" is one word that names neither alone)
_BOTH_COUNTRIES = re.compile(
    r"(?<![가-힣])미\s*[·ㆍ・-]?\s*중(?=[\s간의은는이가을를과와]|$)|美\s*[-–·]?\s*中"
)


_POSSESSIVE = re.compile(r"(?<=[A-Za-z0-9])['’]s\b")


class Mention(msgspec.Struct, frozen=True):
    start: int
    end: int
    entity: str


class Subjects:
    """The base's entities and benchmarks, and their names found in a draft.

    Names are found by ``aigap.names.Names`` (shared with search: spacing,
    punctuation and Korean particles aside); a draft adds two rules of its
    own. A name of three Latin letters or fewer counts only in capitals
    ("US", "MK", "HAI"), since in prose "us" and "sam" are ordinary words;
    digits make a name safe in any case ("r1", "o1").
    """

    def __init__(self, store: Store) -> None:
        named: list[Entity | Benchmark] = [*store.entities(), *store.benchmarks()]
        self.by_id: dict[str, Entity | Benchmark] = {n.id: n for n in named}
        self.names = Names.of_store(store)
        self._us_cn = [n.id for n in named if isinstance(n, Entity) and n.iso in ("US", "CN")]

    def resolve(self, name: str | None) -> str | None:
        """The id a name (any case, spacing, punctuation) names; None when none."""
        if not name:
            return None
        ids = self.names.ids(nfc(name))
        return ids[0] if ids else None

    def find(self, text: str) -> list[Mention]:
        """The names in ``text``, in order (an alias naming several gives each)."""
        found: list[Mention] = []
        # an English possessive is not part of the name ("Nvidia's"): blanked, offsets kept
        plain = _POSSESSIVE.sub("  ", text)
        for hit in self.names.find(plain):
            written = hit.text
            short = written.isascii() and written.isalpha() and len(written) <= 3
            if short and not written.isupper():
                continue
            found += [Mention(hit.start, hit.end, i) for i in hit.ids]
        for m in _BOTH_COUNTRIES.finditer(text):
            found += [Mention(m.start(), m.end(), c) for c in self._us_cn]
        found.sort(key=lambda n: n.start)
        return found


# ---------------------------------------------------------------- the base's figures

Family = Literal["share", "money", "months", "ratio", "hours"]
_FAMILY: dict[str, Family] = {
    "percent": "share",
    "pp": "share",
    "points": "share",
    "elo": "share",
    "usd": "money",
    "krw": "money",
    "usd_per_hour": "money",
    "months": "months",
    "ratio": "ratio",
    "hours": "hours",
}
# The draft's unit -> the base's units it states exactly
_SAME_UNIT: dict[str, frozenset[str]] = {
    "percent": frozenset({"percent"}),
    "pp": frozenset({"pp"}),
    "points": frozenset({"pp", "elo"}),
    "elo": frozenset({"elo"}),
    "usd": frozenset({"usd"}),
    "krw": frozenset({"krw"}),
    "usd_per_hour": frozenset({"usd_per_hour"}),
    "months": frozenset({"months"}),
    "ratio": frozenset({"ratio"}),
    "hours": frozenset({"hours"}),
}
Cue = Literal["gap", "score", "change", "close", "lost", "cost", "rent", "months", "ratio", "said"]
# Words that show a figure is about this kind of number: a figure that differs
# from the base's is called contradicted only when the sentence says what it is.
_CUES: dict[str, str] = {
    "gap": r"gap|differen|lead|behind|ahead|trail|lag|narrow|shr[au]nk|clos(?:ed|ing) in|margin"
    r"|deficit|advantage|edge\b|spread|격차|차이|좁혀|줄어|줄었|뒤처|뒤져|앞서|추격|열세|우위",
    "score": r"scor|accura|rated|rating|points|elo|점수|정확도|기록|성적|받은|받았|점을|점으로",
    "change": r"share|stock|fell|fall|drop|plung|slid|sank|tumbl|declin|lost|down|rose|gain|jump"
    r"|climb|soar|index|주가|지수|하락|폭락|급락|떨어|상승|급등|주식|올랐",
    "close": r"clos|종가|마감|마쳤|거래를",
    "lost": r"market (?:value|cap)|valuation|wip(?:ed|ing)|erase|evaporat|시가총액|시총|증발",
    "cost": r"cost|spent|spend|train|build|built|develop|price|budget"
    r"|비용|들었|들여|개발|학습|만드",
    "rent": r"rent|per hour|an hour|hourly|시간당|빌려|임대",
    "months": r"month|개월|달간|기간",
    "ratio": r"tenth|fraction|cheaper|cost|분의|비용|배",
    "said": r".",
}


# What kind of measure a figure is, from words that say it outright ("scored", "shares",
# "gap", "spent"); the cues above are looser (a gap also "fell"). A figure is judged
# against a slot of another kind (a score against a share move, a cost against a gap)
# only when its words say neither.
Measure = Literal["score", "gap", "market", "cost"]
_MEASURE_WORDS: dict[Measure, str] = {
    "score": r"\bscor|accura|\belo\b|benchmark|점수|정확도|성적|점을 (?:받|얻|기록)",
    "gap": r"\bgaps?\b|\blead\b|\bled\b|behind|ahead|\btrail|\blag|margin|deficit"
    r"|격차|차이|앞서|앞섰|뒤처|뒤졌|뒤져|추격",
    "market": r"\bshares\b|\bshare price|\bstocks?\b|\bindex\b|nasdaq|s&p|\bdow\b"
    r"|market (?:value|cap)|valuation|주가|주식|지수|시가총액|시총|증시|종가|나스닥",
    "cost": r"\bcost|\bspen[dt]|spending|budget|price tag|\bbill\b|\bpaid\b|\brent"
    r"|비용|들었|들여|지출|개발비|학습비|임대",
}
# A slot's cue -> the measure it is; a quotation's figure ("said") is any
_MEASURE: dict[str, Measure] = {
    "gap": "gap",
    "score": "score",
    "change": "market",
    "close": "market",
    "lost": "market",
    "cost": "cost",
    "rent": "cost",
    "months": "cost",
    "ratio": "cost",
}
# a difference of two scores is a gap, and a gap is read from two scores
_AKIN: dict[Measure, frozenset[Measure]] = {
    "score": frozenset({"score", "gap"}),
    "gap": frozenset({"gap", "score"}),
    "market": frozenset({"market"}),
    "cost": frozenset({"cost"}),
}


class Slot(msgspec.Struct, frozen=True):
    """One figure the base records: ``value`` in ``unit`` for ``fact``."""

    fact: Fact
    value: float
    unit: str
    cue: Cue
    primary: frozenset[str]  # the entities the figure belongs to
    date: PartialDate | None = None
    benchmark: str | None = None
    tolerance: float = 0.0
    signed: bool = False  # a change: its sign is part of it
    high: float | None = None
    index: int = 0  # which of the fact's values (a gap's reading)
    compared: frozenset[str] = frozenset()  # a ratio's base: "a tenth of Llama 3's cost"
    others: frozenset[str] = frozenset()  # the rest of what the fact is about (H800, o1)


def _amount_cue(amount: Amount, field: str) -> Cue:
    if amount.unit == "usd_per_hour":
        return "rent"
    if amount.unit == "months":
        return "months"
    if field in ("close", "previous_close"):
        return "close"
    return "lost" if field == "value_lost" else "cost"


def _places(value: float) -> float:
    text = repr(float(value))
    places = len(text.partition(".")[2].rstrip("0")) if "e" not in text else 0
    return 0.5 * 10.0**-places


class Base:
    """What the draft's subjects have in the base, read once through the store's index."""

    def __init__(self, store: Store, names: Subjects, facts: Iterable[Fact]) -> None:
        self.store = store
        self.names = names
        self.facts: dict[str, Fact] = {}
        self.slots: list[Slot] = []
        self.events: list[Event] = []
        self.quotes: list[Quote] = []
        self.benchmarks = {b.id: b for b in store.benchmarks()}
        self.subjects: set[str] = set()  # the entities some fact is about
        self.by_entity: dict[str, list[int]] = {}  # entity -> its slots' places in ``slots``
        self._primary: dict[tuple[str, tuple[str | None, ...]], frozenset[str]] = {}
        self.quote_hits: dict[str, list[Quote]] = {}  # quoted words -> the index's hits
        self.quotes_by: dict[str, list[Quote]] = {}  # speaker -> the quotations read
        for fact in facts:
            self.add(fact)

    def add(self, fact: Fact) -> None:
        if fact.id in self.facts:
            return
        self.facts[fact.id] = fact
        self.subjects.update(fact.about)
        if isinstance(fact, Gap | Score):
            self.subjects.add(fact.benchmark)
        others = frozenset(e for e in fact.about if not _country(e, self.names))
        for slot in self._slots(fact):
            slot = msgspec.structs.replace(
                slot, others=others - slot.primary - {slot.benchmark or ""}
            )
            # filed under every name that can make it a figure's referent
            for entity in {*slot.primary, *slot.compared, *slot.others, slot.benchmark}:
                if entity is not None:
                    self.by_entity.setdefault(entity, []).append(len(self.slots))
            self.slots.append(slot)
        if isinstance(fact, Event):
            self.events.append(fact)
        elif isinstance(fact, Quote):
            self.quotes.append(fact)
            for who in self.primary(fact, fact.speaker.en, fact.speaker.ko):
                self.quotes_by.setdefault(who, []).append(fact)

    def primary(self, fact: Fact, *names: str | None) -> frozenset[str]:
        """The entities a fact's figure belongs to: its named subject(s) and their makers."""
        key = (fact.id, names)
        known = self._primary.get(key)
        if known is None:
            known = self._primary[key] = self._find_primary(fact, names)
        return known

    def _find_primary(self, fact: Fact, names: tuple[str | None, ...]) -> frozenset[str]:
        found = {e for e in (self.names.resolve(n) for n in names) if e}
        if not found and fact.about:
            found.add(fact.about[0])
        for entity_id in list(found):
            entity = self.names.by_id.get(entity_id)
            if isinstance(entity, Entity) and entity.developer:
                found.add(entity.developer)
        return frozenset(found)

    def _slots(self, fact: Fact) -> Iterable[Slot]:
        if isinstance(fact, Gap):
            who = frozenset({fact.benchmark})
            for i, v in enumerate(fact.values):
                yield Slot(
                    fact,
                    v.value,
                    fact.unit,
                    "gap",
                    who,
                    v.date,
                    fact.benchmark,
                    _places(v.value),
                    index=i,
                )
        elif isinstance(fact, Score):
            who = self.primary(fact, fact.model.en, fact.model.ko, fact.organization.en)
            yield Slot(
                fact,
                fact.value,
                fact.unit,
                "score",
                who,
                fact.date,
                fact.benchmark,
                _places(fact.value),
            )
        elif isinstance(fact, MarketMove):
            who = self.primary(fact, fact.subject.en, fact.subject.ko)
            yield Slot(
                fact,
                fact.change,
                "percent",
                "change",
                who,
                fact.date,
                None,
                _places(fact.change),
                signed=True,
            )
            for field in ("close", "previous_close", "value_lost"):
                amount = getattr(fact, field)
                if amount is not None:
                    yield Slot(
                        fact,
                        amount.value,
                        amount.unit,
                        _amount_cue(amount, field),
                        who,
                        fact.date,
                        None,
                        _printed_tolerance(amount),
                    )
        elif isinstance(fact, Cost):
            who = self.primary(fact)
            for amount in fact.amounts:
                yield Slot(
                    fact,
                    amount.value,
                    amount.unit,
                    _amount_cue(amount, ""),
                    who,
                    None,
                    None,
                    _printed_tolerance(amount),
                )
            if fact.ratio is not None:
                of = {m.entity for t in fact.ratio.of.all() for m in self.names.find(t)}
                yield Slot(fact, fact.ratio.value, "ratio", "ratio", who, compared=frozenset(of))
        elif isinstance(fact, Quote):
            who = self.primary(fact, fact.speaker.en, fact.speaker.ko)
            seen: set[tuple[float, str]] = set()
            for text in fact.said.all():
                for figure in draft.figures(text):
                    if (figure.value, figure.unit) in seen:
                        continue
                    seen.add((figure.value, figure.unit))
                    yield Slot(
                        fact,
                        figure.value,
                        figure.unit,
                        "said",
                        who,
                        fact.date,
                        None,
                        figure.tolerance,
                        high=figure.high,
                    )


def _printed_tolerance(amount: Amount) -> float:
    printed = parse_printed(amount.printed)
    return printed.tolerance if printed is not None else _places(amount.value)


# ---------------------------------------------------------------- what the base says


def slot_says(slot: Slot, lang: Lang, base: Base) -> str:
    """The base's figure with what it is about and when: "0.3 pp (end of 2024)"."""
    fact = slot.fact
    if isinstance(fact, Gap):
        v = fact.values[slot.index]
        bench = base.benchmarks.get(fact.benchmark)
        name = bench.name.get(lang) if bench else fact.benchmark
        return f"{figure_text(v.value, fact.unit, lang)} ({name}, {period(v, lang)})"
    if isinstance(fact, Score):
        bench = base.benchmarks.get(fact.benchmark)
        name = bench.name.get(lang) if bench else fact.benchmark
        value = figure_text(fact.value, fact.unit, lang)
        return f"{value} ({fact.model.get(lang)}, {name}, {fact.date.iso})"
    if isinstance(fact, MarketMove):
        if slot.cue == "change":
            value = with_unit(fact.change, "percent")
        else:
            amount = next(
                a
                for a in (fact.close, fact.previous_close, fact.value_lost)
                if a is not None and a.value == slot.value
            )
            value = amount_text(amount, lang)
            if amount.label is not None:
                value += f" — {amount.label.get(lang)}"
        return f"{value} ({fact.subject.get(lang)}, {fact.date.iso})"
    if isinstance(fact, Cost):
        for amount in fact.amounts:
            if amount.value == slot.value and amount.unit == slot.unit:
                what = amount.label.get(lang) if amount.label else fact.subject.get(lang)
                return f"{amount_text(amount, lang)} ({what})"
        if fact.ratio is not None:
            return f"{fact.ratio.printed} × {fact.ratio.of.get(lang)} ({fact.subject.get(lang)})"
    if isinstance(fact, Quote):
        return quote_says(fact, lang)
    return fact.id


def quote_says(fact: Quote, lang: Lang) -> str:
    words = fact.said.get(lang)
    original = _original(fact)
    if original and lang == "en":
        words = original
    return f"{fact.speaker.get(lang)}: “{words}”"


def _original(fact: Quote) -> str | None:
    """The speaker's own words where the base has them (an English original)."""
    if fact.said_en_is == "original":
        return fact.said.en
    # a quotation's ``original`` (its text and its own source), where the base records one
    text = getattr(getattr(fact, "original", None), "text", None)
    return text if isinstance(text, str) else None


def _original_source(fact: Quote) -> str | None:
    source = getattr(getattr(fact, "original", None), "source", None)
    return source if isinstance(source, str) else None


def event_says(fact: Event, lang: Lang) -> str:
    return f"{fact.date.iso}: {fact.what.get(lang)}"


# ---------------------------------------------------------------- matching


def _value_match(figure: Figure, value: float, base_tolerance: float) -> bool:
    """Whether the draft's figure states ``value``, allowing its rounding and hedge."""
    # the coarser of the two roundings: "17%" states 16.9, "16.94%" agrees with 16.9
    v, tol = figure.value, max(figure.tolerance, base_tolerance) + 1e-9 * max(1.0, abs(value))
    if figure.high is not None:
        return v - tol <= value <= figure.high + tol
    if figure.hedge == "nearly":
        return v * 0.9 - tol <= value <= v + tol
    if figure.hedge == "over":
        return value >= v - tol
    if figure.hedge == "under":
        return value <= v + tol
    if figure.hedge == "about":
        return abs(value - v) <= max(tol, 0.05 * abs(v))
    return abs(value - v) <= tol


def _matches(figure: Figure, slot: Slot) -> bool:
    value = abs(slot.value) if slot.signed else slot.value
    if figure.unit == "ratio" and slot.unit == "ratio" and figure.value > 1:
        # "10 times cheaper", "10배": the base records the fraction (0.1)
        return _value_match(figure, 1 / value, 0.0) if value else False
    if slot.high is not None:  # the base's own range ("6~9 months"): the draft must say it
        return (
            figure.high is not None
            and _value_match(figure, slot.value, slot.tolerance)
            and (abs(figure.high - slot.high) <= figure.tolerance + slot.tolerance)
        )
    return _value_match(figure, value, slot.tolerance)


_SCALE_WORD = re.compile(r"[만억조]|\b(?:thousand|million|billion|trillion|bn|mn|tn)\b", re.I)


# Units written with a scale (million, 억): only these can be off by one. A percent,
# a point or an Elo rating has none: 79.8% is never 0.1% at another scale.
_SCALED_UNITS = frozenset({"usd", "krw", "usd_per_hour"})


def _scaled(figure: Figure, slot: Slot) -> bool:
    """The same digits at another scale: billion for trillion, 만 for 억."""
    value = abs(slot.value)
    if figure.value <= 0 or value <= 0:
        return False
    if figure.unit not in _SCALED_UNITS or slot.unit not in _SCALED_UNITS:
        return False
    power = math.log10(figure.value / value)
    k = round(power)
    # 1,000 apart (billion for million) or, with a scale word, 100 (5억5800만 for 558만:
    # 억 for 만); 10 apart is a wrong number, not a wrong scale
    if abs(k) < 2 or (abs(k) == 2 and not _SCALE_WORD.search(figure.text)):
        return False
    scaled = msgspec.structs.replace(
        figure, value=figure.value / 10.0**k, tolerance=figure.tolerance / 10.0**k
    )
    # the same digits: within the rounding either side implies, and within a tenth of the
    # base's figure ($0.1 million is not $8.12 million at another scale, though 0.1
    # is 0.0812 rounded to its one place)
    near = abs(scaled.value - value) <= 0.1 * value
    return near and _value_match(scaled, value, slot.tolerance)


# a name, or its model, shares or company, as a Korean sentence's subject
_KO_SUBJECT = re.compile(r"(?:\s*(?:모델|주가|주식|회사|측))?(?:은|는|이|가)\s")


def _closeness(
    mention: draft.Span | Mention, start: int, end: int, text: str, others: Sequence[Figure]
) -> float:
    """How near a name is to a figure: 1 beside it, falling with distance."""
    if mention.end <= start:
        between = text[mention.end : start]
        distance = float(len(between))
        if _KO_SUBJECT.match(text[mention.end : mention.end + 8] + " "):
            distance *= 0.5  # the sentence's subject (R1은 ..., 딥시크 모델은 ...)
    elif mention.start >= end:
        between = text[end : mention.start]
        distance = len(between) * 2.5  # a name after the figure is rarely its owner
        if re.match(r"\s*(?:를|을|의|로)?\s*(?:기록한|받은|달성한|얻은|차지한|보인|낸)\s", between):
            distance = len(between) * 0.5  # "79.2%를 기록한 o1": the figure is o1's
    else:
        return 1.0
    if any(
        mention.end <= f.span.start and f.span.end <= start and not _paired(text, f.span.end, start)
        for f in others
    ) or any(
        end <= f.span.start and f.span.end <= mention.start and not _paired(text, end, f.span.start)
        for f in others
    ):  # ``others``: the sentence's other figures of the same kind of unit
        distance += 40  # another figure lies between: it is nearer
    distance += 12 * len(re.findall(r"[;,]|\b(?:while|whereas|but)\b|며 |고 ", between))
    return 1.0 / (1.0 + distance / 30.0)


# Two figures of one subject: "from 13.5% to 8.1%", "24.3%p에서 1.6%p로", "9.3% → 1.7%"
_FROM_TO = re.compile(
    r"\s*(?:to|→|->|에서)\s*$"
    r"|[^;]{0,60}\b(?:down|up|compared)\s+(?:from|with)\s*$",  # "3 months …, down from 6"
    re.IGNORECASE,
)


def _paired(text: str, end: int, start: int) -> bool:
    """Whether the words between two figures make them one subject's before and after."""
    return _FROM_TO.match(text[end:start]) is not None


_LEADING_PRONOUN = re.compile(
    r"^\W*(it|its|they|their|he|his|she|her|the (?:company|firm|model|startup|lab|chipmaker)"
    r"|th(?:at|is)(?= (?:is|was|figure|amount|sum|cost|price|bill|number|compares)\b)"
    r"|이 (?:모델|회사)|그는|그녀는|회사 측은)(?![\w가-힣])",
    re.IGNORECASE,
)


def _outside_quotes(text: str, mentions: list[Mention]) -> list[Mention]:
    """The names a sentence says itself, not those inside someone's quoted words."""
    spans = [span for q in draft.quotations(text) for span in q.spans()]
    return [m for m in mentions if not _overlaps(draft.Span(m.start, m.end), spans)]


@functools.cache
def _SECTIONS() -> list[str]:
    """The kinds of fact a draft is checked against: figures, dates and quotations."""
    read = (Gap, Score, MarketMove, Cost, Quote, Event)
    return [k.section for k in kinds.KINDS if k.record in read]


def _country(entity: str, names: Subjects) -> bool:
    found = names.by_id.get(entity)
    return isinstance(found, Entity) and found.type == "country"


def _actor(entity: str, names: Subjects) -> bool:
    """A company, model or person: what a sentence without one may carry over."""
    found = names.by_id.get(entity)
    return isinstance(found, Entity) and found.type != "country"


class _Context(msgspec.Struct):
    """A sentence with the names in it and the names carried from the one before."""

    sentence: Sentence
    mentions: list[Mention]
    carried: list[Mention]
    # the benchmarks the sentence names, and all its paragraph has named so far
    # ("On Chatbot Arena Google got 1385. DeepSeek got 1366."; "같은 시험에서")
    benchmarks: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()

    def entities(self) -> set[str]:
        return {m.entity for m in self.mentions}


def _nearest_mentions(
    mentions: Sequence[Mention], entities: frozenset[str] | set[str], figure: Figure
) -> list[Mention]:
    """The names of ``entities`` nearest the figure, two on each side: a farther one is
    never closer (a sentence naming Nvidia fifty times is read in linear time)."""
    named = [m for m in mentions if m.entity in entities]
    if len(named) <= 4:
        return named
    before = [m for m in named if m.end <= figure.span.start][-2:]
    after = [m for m in named if m.end > figure.span.start][:2]
    return before + after


def _subject_score(
    slot: Slot,
    figure: Figure,
    ctx: _Context,
    figures: Sequence[Figure],
    owner: str | None = None,
) -> float:
    """How surely the figure is about the slot's subject: its name near the figure, the
    benchmark named, the comparison named; ``owner``: the name a list gives it
    ("Broadcom and Oracle fell 17.4% and 13.8% respectively")."""
    text = ctx.sentence.text
    family = _FAMILY[figure.unit]
    alike = [f for f in figures if f is not figure and _FAMILY[f.unit] == family]
    near = 0.0
    if owner is not None:
        near = 1.0 if owner in slot.primary else 0.0
    else:
        for mention in _nearest_mentions(ctx.mentions, slot.primary, figure):
            close = _closeness(mention, figure.span.start, figure.span.end, text, alike)
            near = max(near, close)
    if near == 0.0 and any(m.entity in slot.primary for m in ctx.carried):
        near = 0.3
    if near == 0.0:  # only something else the fact is about is named ("H800 임대료")
        for mention in _nearest_mentions(ctx.mentions, slot.others, figure):
            close = _closeness(mention, figure.span.start, figure.span.end, text, alike)
            near = max(near, 0.35 * close)
    if slot.compared & ctx.entities():
        near = max(near, 0.5) + 0.25
    score = 2.0 * near
    if slot.benchmark is not None:
        near_bench = [
            _closeness(m, figure.span.start, figure.span.end, text, alike)
            for m in _nearest_mentions(ctx.mentions, {slot.benchmark}, figure)
        ]
        if near_bench:  # named in the sentence; nearer counts more ("MMLU ..., Nasdaq 3.7%")
            score += 1.5 * (0.5 + 0.5 * max(near_bench))
        elif any(m.entity == slot.benchmark for m in ctx.carried):
            score += 0.6
    return score


class Finding(msgspec.Struct, frozen=True):
    verdict: Verdict
    fact: Fact | None = None
    says: str | None = None
    source: str | None = None  # when not the fact's own: the source of a speaker's own words


def _turned(figure: Figure, slot: Slot) -> bool:
    """The draft says up where the base has down, or down where it has up."""
    return bool(
        slot.signed and figure.direction and ((figure.direction == "up") != (slot.value > 0))
    )


def judge_figure(
    figure: Figure,
    when: When | None,
    ctx: _Context,
    figures: Sequence[Figure],
    base: Base,
    lang: Lang,
    owner: str | None = None,
    tests: Sequence[draft.Span] = (),
) -> Finding | None:
    """The verdict on one figure; None when it is not about the base's subjects.
    ``tests``: the names of tests in the sentence the base does not have."""
    family = _FAMILY[figure.unit]
    named = {m.entity for m in ctx.mentions} | {m.entity for m in ctx.carried}
    places = sorted({i for e in named for i in base.by_entity.get(e, ())})
    # slots with the same subjects score the same: once per group (thousands at scale)
    groups: dict[tuple[frozenset[str], str | None, frozenset[str], frozenset[str]], float] = {}
    scored = []
    unnamed = _unnamed_test(tests, figure)
    # a figure on a test ("AIME 2024에서 79.8%를 기록했다") is a score or a gap
    near = _near(ctx.sentence.text, figure)
    measures = _measures(near)
    if unnamed is not None:
        measures |= _ON_A_TEST
    for s in (base.slots[i] for i in places):
        if _FAMILY.get(s.unit) != family or _other_measure(s, measures):
            continue
        key = (s.primary, s.benchmark, s.compared, s.others)
        if key not in groups:
            groups[key] = _subject_score(s, figure, ctx, figures, owner)
        scored.append((s, groups[key]))
    scored = [(s, x) for s, x in scored if x > 0]
    if not scored:
        return _unverified(ctx, base)
    best = max(x for _, x in scored)
    referents = [s for s, x in scored if x >= best * 0.93]
    if best < 0.3:
        # the subject is named only in passing ("The AI Index said the top US model led
        # by 9.3% in January 2024"): the number and its month together still name a fact
        fitting = {
            s.fact.id: s
            for s, _ in scored
            if when is not None
            and when.month is not None
            and s.date is not None
            and s.date.month is not None
            and s.unit in _SAME_UNIT[figure.unit]
            and _matches(figure, s)
            and when.fits(s.date)
            and not _turned(figure, s)
            and not _other_benchmark(s, ctx, unnamed)
        }
        if len(fitting) == 1:
            (slot,) = fitting.values()
            return Finding("supported", slot.fact, slot_says(slot, lang, base))
        return _unverified(ctx, base)
    if _difference(ctx.sentence.text, figure) and all(
        isinstance(s.fact, Gap | Score) for s in referents
    ):  # "narrowed by 17.2 points", "23 points above": a difference of two, not a level
        return _judge_difference(figure, referents, scored, base, lang)
    exact = [
        s
        for s in referents
        if s.unit in _SAME_UNIT[figure.unit]
        and _matches(figure, s)
        and not _other_benchmark(s, ctx, unnamed)
    ]
    if exact:
        dated = [s for s in exact if when is None or when.fits(s.date)]
        if dated:
            slot = dated[0]
            if _turned(figure, slot):
                says = slot_says(slot, lang, base) + "; " + label("verify.other_direction", lang)
                return Finding("contradicted", slot.fact, says)
            return Finding("supported", slot.fact, slot_says(slot, lang, base))
        # another reading at the draft's date: of the same test, or of one the draft names
        same_test = [
            s for s in referents if s.benchmark == exact[0].benchmark or _on_benchmark(s, ctx)
        ]
        slot = _at_date(same_test, when) or exact[0]
        says = slot_says(slot, lang, base)
        if when is not None and not when.fits(slot.date):  # the number fits, the date not
            # both wrong: say both, so fixing the date is not followed by a second surprise
            said = "verify.other_date_direction" if _turned(figure, slot) else "verify.other_date"
            says += "; " + label(said, lang, when=when.text)
        elif slot not in exact:  # the draft's number is this subject's at another date
            whose = slot_says(exact[0], lang, base)
            says += "; " + label("verify.belongs", lang, figure=figure.text, whose=whose)
        return Finding("contradicted", slot.fact, says)
    bounded = figure.hedge in ("over", "under")
    kinds = {m for s in referents if (m := _MEASURE.get(s.cue)) is not None}
    unit_off = [
        s
        for s in referents
        if not bounded
        and _same_measure(s, figure, ctx, measures, near, kinds)
        and not _other_benchmark(s, ctx, unnamed)
        and (
            (s.unit not in _SAME_UNIT[figure.unit] and _matches(figure, s))
            # the same digits at another scale, in either currency (850억 달러 for
            # 850조원); a total is never a rate's scale ($1.6 billion is not $2 an hour)
            or (
                (s.unit in _SAME_UNIT[figure.unit] or {s.unit, figure.unit} <= {"usd", "krw"})
                and _scaled(figure, s)
            )
        )
    ]
    if unit_off:
        slot = unit_off[0]
        return Finding("wrong-unit", slot.fact, slot_says(slot, lang, base))
    cued = [
        s
        for s in referents
        if _cued(s.cue, near, figure)
        and (family != "money" or s.unit in _SAME_UNIT[figure.unit])
        and _on_benchmark(s, ctx)
        and not _other_benchmark(s, ctx, unnamed)
    ]
    if cued and _other_period(ctx.sentence.text, figure):
        return _unverified(ctx, base)  # "over the past year": not the base's day or period
    if not cued:
        return _unverified(ctx, base)
    named = {m.entity for m in ctx.mentions}
    if owner is None and not any(named & {*s.primary, *s.others, s.benchmark} for s in cued):
        # the subject is only carried from the sentence before ("Critics say the true cost
        # was $1.6 billion"): a different figure may be about something else; not a finding
        return _unverified(ctx, base)
    slot = _at_date(cued, when) or _nearest(cued, figure)
    says = slot_says(slot, lang, base)
    theirs = next(
        (
            s
            for s, _ in scored
            if s not in referents and s.unit in _SAME_UNIT[figure.unit] and _matches(figure, s)
        ),
        None,
    )
    if theirs is not None:  # someone else's number: say whose
        says += "; " + label(
            "verify.belongs", lang, figure=figure.text, whose=slot_says(theirs, lang, base)
        )
    return Finding("contradicted", slot.fact, says)


# "shrank by 17.2 points" (not "led by 9.3%", the lead itself)
_BY = re.compile(
    r"\b(?:shr[au]nk|shrink\w*|narrow\w*|fell|fall\w*|drop\w*|declin\w*|decreas\w*|rose"
    r"|rise[ns]?|rising|increas\w*|widen\w*|grew|grow\w*|cut|reduc\w*|clos\w*|improv\w*"
    r"|gain\w*|jump\w*|slid|sank|lost)\s+(?:[\w-]+\s+){0,2}by\s*$",
    re.IGNORECASE,
)
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:(?:above|below|ahead\s+of|behind|higher\s+than|lower\s+than|more\s+than"
    r"|less\s+than|short\s+of)\b|(?:만큼\s*)?(?:줄었|줄어|감소|좁혀|축소|늘었|늘어|증가|확대"
    r"|벌어|앞섰|앞서|높았|높은|낮았|낮은))",
    re.IGNORECASE,
)


def _difference(text: str, figure: Figure) -> bool:
    """Whether the figure is a difference ("narrowed by 17.2 points", "23 points above
    DeepSeek's", "17.2%p 줄었다"), not the level a gap or score reached ("to 0.3 points",
    "0.3%p로 줄었다")."""
    if figure.high is not None:
        return False
    return bool(
        _BY.search(text[: figure.span.start]) or _DIFFERENCE_AFTER.match(text, figure.span.end)
    )


def _judge_difference(
    figure: Figure,
    referents: Sequence[Slot],
    scored: Sequence[tuple[Slot, float]],
    base: Base,
    lang: Lang,
) -> Finding | None:
    """A difference against the differences the base's figures make: a gap's change
    between its readings, two scores on one benchmark at one date."""
    pairs: list[tuple[Slot, Slot]] = []
    gaps = {s.fact.id: s.fact for s in referents if isinstance(s.fact, Gap)}
    for fact in gaps.values():
        readings = [s for s in base.slots if s.fact.id == fact.id]
        pairs += [(a, b) for i, a in enumerate(readings) for b in readings[i + 1 :]]
    benchmarks = {s.benchmark for s in referents if isinstance(s.fact, Score)}
    scores = [s for s, _ in scored if isinstance(s.fact, Score) and s.benchmark in benchmarks]
    scores = list({s.fact.id: s for s in scores}.values())
    pairs += [
        (a, b)
        for i, a in enumerate(scores)
        for b in scores[i + 1 :]
        if a.date == b.date and a.unit == b.unit
    ]
    # a difference of two percentages is in percentage points
    unit = {"percent": "pp"}
    pairs = [(a, b) for a, b in pairs if unit.get(a.unit, a.unit) in _SAME_UNIT[figure.unit]]
    if not pairs:
        return Finding("unverified")

    def gap(pair: tuple[Slot, Slot]) -> float:
        return abs(pair[0].value - pair[1].value)

    def says(pair: tuple[Slot, Slot]) -> str:
        a, b = sorted(pair, key=lambda s: s.date.sort_key if s.date else (0, 0, 0))
        return label(
            "verify.difference",
            lang,
            a=slot_says(a, lang, base),
            b=slot_says(b, lang, base),
            d=figure_text(round(gap(pair), 6), unit.get(a.unit, a.unit), lang),
        )

    for pair in pairs:
        if _value_match(figure, gap(pair), pair[0].tolerance + pair[1].tolerance):
            return Finding("supported", pair[0].fact, says(pair))
    nearest = min(pairs, key=lambda p: abs(gap(p) - figure.value))
    return Finding("contradicted", nearest[0].fact, says(nearest))


_OTHER_PERIOD = re.compile(
    r"\b(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:year|month|week|"
    r"quarter|decade|day)s?|\bthis\s+(?:year|month|week|quarter)|\bso\s+far\s+this|\bsince\s+"
    r"|year[\s-]to[\s-]date|\bytd\b|\bin\s+(?:the\s+)?(?:first|second|third|fourth)\s+quarter"
    r"|지난\s*(?:\d+|한|1)\s*(?:년|개월|달|주)\s*(?:간|동안|새)|올해\s*(?:들어|초|상반기)|연초\s*(?:대비|이후)"
    r"|최근\s*\d+\s*(?:년|개월)|이후\s",
    re.IGNORECASE,
)


def _near(text: str, figure: Figure) -> str:
    """The words around a figure that say what it is ("closed at", "market value"):
    its clause, at most 50 characters before it and 30 after."""
    start = max(0, figure.span.start - 50)
    end = min(len(text), figure.span.end + 30)
    cut = max(text.rfind(",", start, figure.span.start), text.rfind(";", start, figure.span.start))
    if cut >= 0:
        start = cut + 1
    stops = [i for i in (text.find(c, figure.span.end, end) for c in ",;") if i >= 0]
    return text[start : min(stops, default=end)]


def _other_period(text: str, figure: Figure) -> bool:
    """Whether the figure's clause names a span the base's figures are not of."""
    return _OTHER_PERIOD.search(_clause(text, figure.span.start, figure.span.end, 80)) is not None


def _at_date(slots: Sequence[Slot], when: When | None) -> Slot | None:
    if when is None:
        return None
    return next((s for s in slots if s.date is not None and when.fits(s.date)), None)


def _nearest(slots: Sequence[Slot], figure: Figure) -> Slot:
    return min(slots, key=lambda s: abs(abs(s.value) - figure.value))


@functools.cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    return re.compile(_CUES[cue], re.IGNORECASE)


def _cued(cue: str, text: str, figure: Figure) -> bool:
    """Whether the words near the figure say it is this kind of number; the figure itself
    may say so: percentage points are a difference ("went from 24.3 to 6.1 pp") and a
    figure going up or down a change ("Super Micro slumped 15%")."""
    if cue == "gap" and figure.unit == "pp":
        return True
    if cue == "change" and figure.direction and figure.unit == "percent":
        return True
    return _cue_pattern(cue).search(text) is not None


@functools.cache
def _measure_patterns() -> dict[Measure, re.Pattern[str]]:
    return {k: re.compile(v, re.IGNORECASE) for k, v in _MEASURE_WORDS.items()}


def _measures(text: str) -> frozenset[Measure]:
    """The kinds of measure the words around a figure name ("scored": a score)."""
    return frozenset(k for k, p in _measure_patterns().items() if p.search(text))


def _other_measure(slot: Slot, said: frozenset[Measure]) -> bool:
    """The figure's words say it is another kind of measure than the slot's: a score
    is not checked against a share move, nor a cost against a gap."""
    measure = _MEASURE.get(slot.cue)
    return measure is not None and bool(said) and not said & _AKIN[measure]


def _same_measure(
    slot: Slot,
    figure: Figure,
    ctx: _Context,
    said: frozenset[Measure],
    near: str,
    kinds: set[Measure],
) -> bool:
    """The figure is the same kind of measure as the slot's, not merely not another:
    its words say so, or its cue words do, or it names the slot's benchmark, or the
    subject has no other kind of figure ("In won, the bill comes to 7.88 trillion",
    after a sentence on the cost). Only then is a matching number in another unit a
    wrong unit. ``near``: the words around the figure; ``kinds``: the measures of all
    the figure's referents."""
    measure = _MEASURE.get(slot.cue)
    if measure is None:  # a figure in someone's quoted words: any kind
        return True
    if said:
        return measure in said
    if _cued(slot.cue, near, figure):
        return True
    if slot.benchmark is not None and any(m.entity == slot.benchmark for m in ctx.mentions):
        return True
    return kinds <= {measure}


def _on_benchmark(slot: Slot, ctx: _Context) -> bool:
    """A score or gap is a figure on its benchmark: another figure contradicts it only
    when the draft names that benchmark (or its paragraph did before). "R1 scored 79.8%
    on AIME 2024" says nothing about R1's score on another test."""
    if slot.benchmark is None:
        return True
    return slot.benchmark in (ctx.benchmarks or ctx.topics) or any(
        m.entity == slot.benchmark for m in (*ctx.mentions, *ctx.carried)
    )


def _other_benchmark(slot: Slot, ctx: _Context, unnamed: draft.Span | None = None) -> bool:
    """The draft names a benchmark, and not the slot's: "scored 61.7% on MATH-500" is
    not supported by the same number on another test; nor is "79.8% on AIME 2024" where
    the base has no AIME (``unnamed``: the test's name, which names nothing the base
    has), unless the slot's benchmark is named in the same words."""
    if slot.benchmark is None:
        return False
    if unnamed is not None:
        return not any(
            m.entity == slot.benchmark and unnamed.start - 40 <= m.start <= unnamed.end + 40
            for m in ctx.mentions
        )
    return (
        bool(ctx.benchmarks)
        and slot.benchmark not in ctx.benchmarks
        and not any(m.entity == slot.benchmark for m in (*ctx.mentions, *ctx.carried))
    )


# A test's name after "on"/"in" ("on AIME 2024", "in the GPQA Diamond test") or before
# 에서 ("AIME 2024에서"): up to four capitalised words of letters, digits and hyphens;
# bounded, and each word starts after a space or the text's start, so a long run of
# capitalised words is read in linear time
_WORD = r"[A-Za-z0-9]*(?:[-.:][A-Za-z0-9]+){0,3}"
_TEST_NAME = rf"(?<![A-Za-z0-9.:-])[A-Z]{_WORD}(?:\s+[A-Z0-9]{_WORD}){{0,3}}"
_ON_TEST = re.compile(
    rf"\b(?:[Oo]n|[Ii]n)\s+(?:the\s+)?(?P<en>{_TEST_NAME})|(?P<ko>{_TEST_NAME})\s*(?:에서|에선|의)"
)
_NOT_A_TEST = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
    r"(?:\s|$)|Q[1-4]\b|H[12]\b|FY\b|(?:The|A|An|It|Its)$",
)


_ON_A_TEST: frozenset[Measure] = frozenset({"score"})


def _unnamed_tests(ctx: _Context) -> list[draft.Span]:
    """The names of tests in the sentence that name nothing the base has ("scored
    79.8% on AIME 2024" in a base without AIME)."""
    found = []
    for hit in _ON_TEST.finditer(ctx.sentence.text):
        group = "en" if hit.group("en") else "ko"
        span = draft.Span(hit.start(group), hit.end(group))
        if not _NOT_A_TEST.match(hit.group(group)) and not _overlaps(span, ctx.mentions):
            found.append(span)
    return found


def _unnamed_test(tests: Sequence[draft.Span], figure: Figure) -> draft.Span | None:
    """An unnamed test beside the figure (``tests``: the sentence's, in order): the
    figure is that test's."""
    i = bisect.bisect_left([t.start for t in tests], figure.span.start - 50)
    if i < len(tests) and tests[i].end <= figure.span.end + 40:
        return tests[i]
    return None


def _unverified(ctx: _Context, base: Base) -> Finding | None:
    """Unverified when the sentence names a subject the base has facts on, or carries one
    from the sentence before ("Critics say the true cost was $1.6 billion"); else not a
    claim."""
    if any(_has_facts(m.entity, base) for m in ctx.mentions or ctx.carried):
        return Finding("unverified")
    return None


def _has_facts(entity: str, base: Base) -> bool:
    return entity in base.subjects


# ---------------------------------------------------------------- dates and events

_CONCEPTS: dict[str, str] = {
    "release": r"releas|launch|unveil|debut|rolled out|introduc|출시|공개|선보|내놓|내놨",
    "found": r"\bfound(?:ed|ing)\b|co-?found|establish|set up"
    r"|start(?:ed|s)? (?:the |his |her |a )?(?:company|firm|startup|lab|business)"
    r"|설립|창업|세운|세웠|창립",
    "born": r"\bborn\b|출생|태어|년생",
    "meet": r"\bmet\b|\bmeet|meeting|만나|만남|만났|회동|면담",
    "report": r"report|보도",
    "publish": r"publish|발표|보고서|펴낸",
}


@functools.cache
def _concept_patterns() -> dict[str, re.Pattern[str]]:
    return {k: re.compile(v, re.IGNORECASE) for k, v in _CONCEPTS.items()}


@functools.lru_cache(maxsize=65536)  # an event's words are read for every date
def _concepts(text: str) -> frozenset[str]:
    return frozenset(k for k, p in _concept_patterns().items() if p.search(text))


_SINCE_BEFORE = re.compile(r"\b(?:since|before|until|till)\s+(?:the\s+)?$", re.IGNORECASE)
_SINCE_AFTER = re.compile(r"\s*(?:이후|이래|以來|以来|전까지|이전)")


def _since(text: str, when: When) -> bool:
    """A date a record or comparison is measured from ("its worst day since March 2020",
    "2020년 3월 이후 최대 낙폭"): not the period of the figure beside it."""
    return bool(
        _SINCE_BEFORE.search(text[max(0, when.span.start - 12) : when.span.start])
        or _SINCE_AFTER.match(text, when.span.end)
    )


def _event_date(text: str, when: When) -> bool:
    """A date that says when something happened ("released on January 20"), not a period."""
    near = text[max(0, when.span.start - 25) : when.span.end + 12]
    return when.born or bool(_concepts(near))


def _nearest_concept(text: str, when: When, dates: Sequence[When]) -> set[str]:
    """What the date is the date of: the event word nearest it in its clause ("founded in
    May 2023 …, released R1 on January 20": May 2023 is the founding's). ``dates``: the
    sentence's, whose words are no event's."""
    clause = _clause(text, when.span.start, when.span.end, 60)
    words = clause.strip("…")  # without the marks of a cut: its i-th character is
    offset = text.find(words)  # ``text``'s offset + i
    if offset < 0:  # the clause was cut oddly: every concept in it counts
        return set(_concepts(clause))
    dated = [w.span for w in dates if w.span != when.span]  # "1985년생": its own
    best: tuple[float, str] | None = None
    for concept, pattern in _concept_patterns().items():
        for hit in pattern.finditer(words):
            start, end = hit.start() + offset, hit.end() + offset
            if _overlaps(draft.Span(start, end), dated):
                continue
            if end <= when.span.start:
                between = text[end : when.span.start]
                # a Korean verb follows its date (2023년 5월 … 설립했다); one before it
                # is most often another's (설립된 딥시크는 지난 1월 20일 … 출시했다)
                distance = len(between) * (3.0 if _HANGUL.match(hit.group()) else 1.0)
            else:
                between = text[when.span.end : start]
                distance = float(len(between))
            distance += 20 * len(re.findall(r"[;,]", between))
            if best is None or distance < best[0]:
                best = (distance, concept)
    return {best[1]} if best is not None else set()


def judge_date(
    when: When, ctx: _Context, base: Base, lang: Lang, dates: Sequence[When]
) -> Finding | None:
    """A date said of an event: released, founded, born, met, reported, published
    (``dates``: all the sentence's, ``when`` among them)."""
    said = {"born"} if when.born else _nearest_concept(ctx.sentence.text, when, dates)
    if not said:
        return None
    names = ctx.entities() or {m.entity for m in ctx.carried}
    scored: list[tuple[float, Event]] = []
    for event in base.events:
        if not said & _concepts(f"{event.what.en} {event.what.ko}"):
            continue
        primary = base.primary(event)
        score = 2.0 * len(primary & names) + 0.3 * len(names & set(event.about))
        if score:
            scored.append((score, event))
    if not scored:
        return _unverified(ctx, base)
    best = max(x for x, _ in scored)
    tied = [e for x, e in scored if x == best]
    fitting = [e for e in tied if when.fits(e.date)]
    if fitting:
        return Finding("supported", fitting[0], event_says(fitting[0], lang))
    # several events fit the words equally ("a new model": V3 and R1): the base has each
    says = "; ".join(
        event_says(e, lang).rstrip(".") for e in sorted(tied, key=lambda e: e.date.sort_key)
    )
    return Finding("contradicted", tied[0], says)


# ---------------------------------------------------------------- quotations

_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tell|wrote|writes|posted|tweeted|called|calls|described|describes"
    r"|added|stressed|argued|argues|claimed|claims|warned|noted|insisted|believes|put it"
    r"|according to|declared|remarked|praised|hailed)\b"
    r"|말했|밝혔|평가했|강조했|주장했|설명했|지적했|덧붙였|언급했|전했|썼다|했다|말한|밝힌|평가한|주장한"
    r"|강조한|설명한|불렀|칭했|표현했",
    re.IGNORECASE,
)
_STATEMENT_KO = re.compile(
    r"(?:다|라|냐)고\s+(?:말했|밝혔|주장했|강조했|평가했|설명했|지적했|전망했|내다봤|언급했)"
)
_STOP = frozenset(
    """a about all also an and any are as at be been but by can certainly clearly could did do
    does even for from had has have he her here his i in into is it its just may might more
    most much must my no not obviously of on one ones or our over quite really said says
    shall she should so some still than that the their then there these they this those to
    under us very was we were what when where which who whom will with would you your""".split()  # noqa: SIM905
)
_EN_WORD = re.compile(r"[a-z][a-z0-9']+|\d+(?:\.\d+)?")


_CONTRACTION = re.compile(r"['’](?:s|re|ve|ll|d|m|t)\b")


def _stem(word: str) -> str:
    """A crude stem, enough to compare two renderings of one statement: the first five
    letters (competing / competition, focused / focus, industries / industry)."""
    word = word.removesuffix("'s").removesuffix("’s")
    return word[:5] if len(word) > 5 else word.removesuffix("s")


_NOT_HANGUL = re.compile("[^가-힣]+")


@functools.lru_cache(maxsize=4096)  # a base's quotation is compared with every quote
def tokens(text: str) -> frozenset[str]:
    """Content words (English, stemmed) and Hangul syllable pairs: what quotations share."""
    folded = _CONTRACTION.sub("", nfc(text).casefold())
    found = {_stem(w) for w in _EN_WORD.findall(folded) if w not in _STOP}
    for word in _NOT_HANGUL.split(folded):
        found.update("~" + word[i : i + 2] for i in range(len(word) - 1))
    return frozenset(found)


def _overlap(draft_tokens: frozenset[str], fact_text: str) -> tuple[float, int]:
    theirs = tokens(fact_text)
    shared = len(draft_tokens & theirs)
    return (shared / len(draft_tokens) if draft_tokens else 0.0), shared


def _quote_texts(fact: Quote) -> list[str]:
    texts = list(fact.said.all())
    original = _original(fact)
    if original:
        texts.append(original)
    return texts


def best_quote(words: str, quotes: Iterable[Quote], *, strict: bool) -> Quote | None:
    """The quotation in the base these words are from, if any is close enough."""
    mine = tokens(words)
    if len(mine) < 2:
        return None
    best: tuple[float, Quote] | None = None
    for fact in quotes:
        for text in _quote_texts(fact):
            share, shared = _overlap(mine, text)
            enough = share >= (0.6 if strict else 0.5) and shared >= (3 if strict else 2)
            if enough and (best is None or share > best[0]):
                best = (share, fact)
    return best[1] if best else None


# Words that point back to the last sentence's speaker ("He added", "그는")
_POINTS_BACK = re.compile(
    r"\b(?:he|she|they|his|her|their|the company|the firm|the report)\b"
    r"|그는|그녀는|그가|이어|또한|그의|회사 측",
    re.IGNORECASE,
)


def _words_source(words: str, fact: Quote) -> str | None:
    """The source of the speaker's own words when the draft quotes those, not the article's."""
    original, source = _original(fact), _original_source(fact)
    if original is None or source is None:
        return None
    mine = tokens(words)
    own = _overlap(mine, original)[0]
    # as close to the speaker's words as to the article's (an English draft quoting
    # "AI's Sputnik moment"): the words are the speaker's, cited from their own source
    return source if own > 0 and all(own >= _overlap(mine, t)[0] for t in fact.said.all()) else None


# Of a quotation's content words, the share that must be the speaker's own
VERBATIM = 0.8


def _own_words(words: str, speaker: str, fact: Quote, base: Base) -> bool:
    """Whether English words in quotation marks are the speaker's own, where the base has
    them (a quote's English original): not a translation or a paraphrase of them ("win
    the competition at all costs" for "laser-focused on competing to win"). Words may
    join several of the speaker's statements; Korean words are the article's and are
    compared as quotations are."""
    if _HANGUL.search(words):
        return True
    theirs = [fact, *base.quotes_by.get(speaker, ())]
    own = [o for o in (_original(q) for q in theirs) if o]
    if not own:
        return True
    mine = tokens(words)
    said: set[str] = set()
    for text in own:
        said |= tokens(text)
    return not mine or len(mine & said) >= VERBATIM * len(mine)


def _same_figures(words: str, fact: Quote) -> bool:
    """Whether every figure in the quoted words is one the speaker said ("3 months")."""
    theirs = [f for text in _quote_texts(fact) for f in draft.figures(text)]
    return all(
        any(
            f.unit == g.unit and abs(f.value - g.value) <= f.tolerance and f.high == g.high
            for g in theirs
        )
        for f in draft.figures(words)
    )


# Quotations read whole: a small base's, and a speaker's when there are few; past
# these, only the search index's hits for the quoted words are compared.
FEW_QUOTES = 200
FEW_OF_ONE_SPEAKER = 12


def _quote_candidates(words: str, speaker: str | None, base: Base) -> list[Quote]:
    """The quotations the words may be from: the index's hits for them, the speaker's own
    (when few) and, in a small base, every quotation about the draft's subjects."""
    found = {q.id: q for q in base.quote_hits.get(words, ())}
    theirs = base.quotes_by.get(speaker, []) if speaker is not None else []
    if len(theirs) <= FEW_OF_ONE_SPEAKER:
        found.update((q.id, q) for q in theirs)
    if len(base.quotes) <= FEW_QUOTES:
        found.update((q.id, q) for q in base.quotes)
    return list(found.values())


def _joined_quote(words: str, speaker: str, base: Base, *, strict: bool) -> Quote | None:
    """Words that join two of the speaker's statements ("… a wake-up call … laser-focused"):
    compared with all the speaker's quotations at once; the nearest single one is cited."""
    theirs = base.quotes_by.get(speaker, [])
    if not 2 <= len(theirs) <= FEW_OF_ONE_SPEAKER:
        return None
    joined = Quote(
        id="",
        source="",
        passage=("",),
        speaker=theirs[0].speaker,
        said=Text(en=" ".join(t for q in theirs for t in _quote_texts(q))),
    )
    if best_quote(words, [joined], strict=strict) is None:
        return None
    mine = tokens(words)
    return max(theirs, key=lambda q: max(_overlap(mine, t)[0] for t in _quote_texts(q)))


def _speaker(ctx: _Context, span: draft.Span, base: Base) -> str | None:
    """Who the sentence says spoke: the nearest person or organisation outside the quote."""
    outside = [m for m in ctx.mentions if m.end <= span.start or m.start >= span.end]
    text = ctx.sentence.text
    words = text[: span.start] + " " + text[span.end :]
    pools = [outside, ctx.carried] if _POINTS_BACK.search(words) else [outside]
    for pool in pools:
        speakers = [
            m
            for m in pool
            if isinstance(e := base.names.by_id.get(m.entity), Entity)
            and e.type in ("person", "organization")
        ]
        if speakers:
            people = [
                m
                for m in speakers
                if (e := base.names.by_id.get(m.entity)) is not None
                and isinstance(e, Entity)
                and e.type == "person"
            ]
            pool_ = people or speakers
            return min(
                pool_, key=lambda m: min(abs(m.start - span.end), abs(span.start - m.end))
            ).entity
    return None


def _same_speaker(entity: str, fact: Quote, base: Base) -> bool:
    who = base.primary(fact, fact.speaker.en, fact.speaker.ko)
    if entity in who:
        return True
    person = base.names.by_id.get(next(iter(who), ""))
    return isinstance(person, Entity) and any(a.org == entity for a in person.affiliation)


def judge_quote(
    quoted: Quoted, ctx: _Context, base: Base, lang: Lang, *, strict: bool = False
) -> Finding | None:
    speaker = _speaker(ctx, quoted.span, base)
    fact = best_quote(quoted.text, _quote_candidates(quoted.text, speaker, base), strict=strict)
    if fact is None and speaker is not None:
        fact = _joined_quote(quoted.text, speaker, base, strict=strict)
    if fact is None:
        if speaker is not None and quoted.direct and _has_facts(speaker, base):
            return Finding("unverified")
        return None
    says = quote_says(fact, lang)
    if speaker is None:
        return None
    if _same_speaker(speaker, fact, base):
        if not _same_figures(quoted.text, fact):
            return Finding("contradicted", fact, says)
        if quoted.direct and not _own_words(quoted.text, speaker, fact, base):
            # the speaker's own words, in any language: they are what to quote instead
            own = _original(fact) or fact.said.en
            says = f"{fact.speaker.get(lang)}: “{own}”; " + label("verify.not_verbatim", lang)
            return Finding("contradicted", fact, says, _original_source(fact))
        return Finding("supported", fact, says, _words_source(quoted.text, fact))
    return Finding("misattributed", fact, says, _words_source(quoted.text, fact))


def _is_speech(quoted: Quoted, text: str) -> bool:
    if draft.korean_speech_after(text, quoted.span.end):
        return True
    outside = text[: max(0, quoted.span.start - 1)] + " " + text[quoted.span.end + 1 :]
    return _SPEECH.search(outside) is not None or text[: quoted.span.start].rstrip('“"‘ ').endswith(
        ":"
    )


def _statement(ctx: _Context) -> Quoted | None:
    """A reported statement ("Lee said the gap was almost gone"), without its speaker's name."""
    text = ctx.sentence.text
    korean = _STATEMENT_KO.search(text)
    english = re.search(
        r"\b(?:said|says|told \w+|argued|argues|claimed|claims|stressed|insisted|noted|warned"
        r"|believes)\b(?:\s+that)?",
        text,
    )
    if korean is not None:
        # the words start after the sentence's topic, the speaker ("트럼프 대통령은 …라고
        # 말했다"): the speaker is then outside them, as in English
        topic = re.search(r"(?<=[가-힣A-Za-z0-9)])[은는]\s", text[: korean.start()])
        start, end = (topic.end() if topic else 0), korean.start() + 1
    elif english is not None:
        start, end = english.end(), len(text)
        if len(text[start:].strip(" .,")) < 12:  # "..., Lee said."
            start, end = 0, english.start()
    else:
        return None
    words = text[start:end]
    for m in sorted(ctx.mentions, key=lambda m: -m.start):
        if start <= m.start and m.end <= end:
            rel_s, rel_e = m.start - start, m.end - start
            words = words[:rel_s] + " " * (rel_e - rel_s) + words[rel_e:]
    return Quoted(words.strip(), draft.Span(start, end), direct=False)


# ---------------------------------------------------------------- the draft


def _clause(text: str, start: int, end: int, limit: int = 120) -> str:
    """The clause around a claim: the sentence, cut at commas when it is long."""
    text = text.strip()
    if len(text) <= limit:
        return text
    left = max(text.rfind(c, 0, start) for c in (",", ";", "—", "("))
    right_hits = [i for i in (text.find(c, end) for c in (",", ";", "—", ")")) if i >= 0]
    right = min(right_hits) if right_hits else len(text)
    clause = text[left + 1 : right].strip()
    if len(clause) < 30 or len(clause) > limit:
        lo = max(0, start - limit // 2)
        clause = text[lo : lo + limit].strip()
        return ("…" if lo else "") + clause + ("…" if lo + limit < len(text) else "")
    return ("…" if left >= 0 else "") + clause + ("…" if right < len(text) else "")


def _pair_dates(
    figures: Sequence[Figure], whens: Sequence[When], text: str = ""
) -> dict[int, When]:
    """Each figure's date: the nearest with no other figure between (each date to one
    figure, nearest first), else in order; none for a figure dated relative to another
    ("from 9.3 percent a year earlier")."""
    relative = {i for i, f in enumerate(figures) if _RELATIVE_AFTER.match(text, f.span.end)}
    if relative:
        rest = [i for i in range(len(figures)) if i not in relative]
        inner = _pair_dates([figures[i] for i in rest], whens, text)
        return {rest[k]: when for k, when in inner.items()}
    paired: dict[int, When] = {}
    used: set[int] = set()
    if len(figures) == len(whens) >= 2 and (
        whens[0].span.start >= figures[-1].span.end or whens[-1].span.end <= figures[0].span.start
    ):  # "from 13.5 to 8.1 between the end of 2023 and the end of 2024"
        return dict(enumerate(whens))
    pairs: list[tuple[int, int, int]] = []  # (distance, figure, date)
    for i, figure in enumerate(figures):
        for j, when in enumerate(whens):
            lo, hi = (
                (figure.span.end, when.span.start)
                if when.span.start >= figure.span.end
                else (when.span.end, figure.span.start)
            )
            if any(lo <= f.span.start and f.span.end <= hi for f in figures if f is not figure):
                continue  # another figure lies between: the date is that one's
            if hi - lo <= 60:
                pairs.append((hi - lo, i, j))
    for _, i, j in sorted(pairs):  # nearest first; a date goes to one figure only
        if i not in paired and j not in used:
            paired[i] = whens[j]
            used.add(j)
    left_figures = [i for i in range(len(figures)) if i not in paired]
    left_dates = [j for j in range(len(whens)) if j not in used]
    if left_figures and len(left_figures) == len(left_dates):
        for i, j in zip(left_figures, left_dates, strict=True):
            far = abs(figures[i].span.start - whens[j].span.start) > 120
            if not far:  # in order, but not across the sentence ("2025 AI Index … 9.3%")
                paired[i] = whens[j]
    elif left_figures and len(whens) == 1 and not used:
        for i in left_figures:
            paired[i] = whens[0]
    elif left_figures and len(whens) == 1:
        # "on the 28th, Nvidia fell 16.9% to $118.42": the day of the fall is the close's
        taken = {_FAMILY[figures[k].unit] for k in paired}
        for i in left_figures:
            if _FAMILY[figures[i].unit] not in taken:
                paired[i] = whens[0]
    return paired


_RELATIVE_AFTER = re.compile(
    r"\s*,?\s*(?:a|one|two|three)\s+(?:year|month|week|day)s?\s+(?:earlier|ago|before|later)\b"
    r"|\s*(?:earlier|previously)\b|\s*(?:이던|였던)?\s*(?:1년|한 해|일년)\s*(?:전|앞서)",
    re.IGNORECASE,
)


_TITLE_AFTER = re.compile(r"\s*(?:AI\s+)?(?:index|report|인덱스|보고서)", re.IGNORECASE)


def _titled(when: When, text: str, mentions: Sequence[Mention]) -> bool:
    """A bare year right after a name is part of a title ("AI Index 2025", 'AI 인덱스
    보고서 2025'), not a date the draft gives."""
    if not when.text.isdigit():
        return False
    before = text[: when.span.start].rstrip()
    return (
        any(m.end == len(before) for m in mentions)
        or bool(re.search(r"(?:report|보고서|index|인덱스)\W*$", before, re.IGNORECASE))
        # "Stanford's 2025 AI Index"
        or bool(_TITLE_AFTER.match(text, when.span.end))
    )


def _inside(span: draft.Span, spans: Iterable[draft.Span | Mention]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _overlaps(span: draft.Span, spans: Iterable[draft.Span | Mention]) -> bool:
    return any(s.start < span.end and span.start < s.end for s in spans)


def read_draft(text: str) -> list[Sentence]:
    return draft.sentences(nfc(text))


def verify(store: Store, text: str, lang: Lang = "en") -> Report:
    """Every claim in the draft ``text`` the fact base can speak to, with its verdict."""
    found = read_draft(text)
    names = Subjects(store)
    contexts: list[_Context] = []
    previous: _Context | None = None
    for sentence in found:
        mentions = names.find(sentence.text)
        pronoun = _LEADING_PRONOUN.match(sentence.text)
        if pronoun and previous is not None and previous.sentence.paragraph == sentence.paragraph:
            # "It scored 79.8%, ahead of OpenAI's o1": "It" names the last sentence's actor
            said = _outside_quotes(previous.sentence.text, previous.mentions) or previous.carried
            mentions = [
                Mention(pronoun.start(1), pronoun.end(1), m.entity)
                for m in said
                if _actor(m.entity, names)
            ] + mentions
        own = _outside_quotes(sentence.text, mentions)
        carried: list[Mention] = []
        if (
            previous is not None
            and previous.sentence.paragraph == sentence.paragraph
            and not any(_actor(m.entity, names) for m in own)
        ):
            # "It also scored 97.3% on MATH-500": the subject is the last sentence's
            said = _outside_quotes(previous.sentence.text, previous.mentions)
            carried = [m for m in said if _actor(m.entity, names)] or said or previous.carried
        benchmarks = frozenset(
            m.entity for m in own if isinstance(names.by_id.get(m.entity), Benchmark)
        )
        topics = benchmarks
        if previous is not None and previous.sentence.paragraph == sentence.paragraph:
            topics |= previous.topics
        ctx = _Context(sentence, mentions, carried, benchmarks, topics)
        contexts.append(ctx)
        previous = ctx
    # countries are in most facts' ``about``; a figure is tied by its actor or benchmark
    mentioned = {m.entity for c in contexts for m in c.mentions if not _country(m.entity, names)}
    facts = store.facts_about(sorted(mentioned), sections=_SECTIONS()) if mentioned else []
    for bench in sorted(b for b in mentioned if isinstance(names.by_id.get(b), Benchmark)):
        # a gap or score is on its benchmark even where its ``about`` does not say so
        facts += [*store.records_about(kinds.gap.KIND, bench)]
        facts += [*store.records_about(kinds.score.KIND, bench)]
    base = Base(store, names, facts)
    _add_quoted(store, base, contexts)
    claims: list[Checked] = []
    for ctx in contexts:
        claims.extend(_check_sentence(ctx, base, lang))
    return Report(claims)


def _add_quoted(store: Store, base: Base, contexts: Sequence[_Context]) -> None:
    """The quotations whose words the draft quotes, found by the search index."""
    for ctx in contexts:
        quoted = [q.text for q in draft.quotations(ctx.sentence.text)]
        statement = None if quoted else _statement(ctx)
        for words in [*quoted, *([statement.text] if statement else [])]:
            expression = match_expression(query_words([words]))
            if expression is None or words in base.quote_hits:
                continue
            try:
                hits = store.search(expression, 8).rows
            except (CacheError, AigapError):
                continue
            found = base.quote_hits[words] = []
            for hit in hits:
                if isinstance(hit.record, Quote):
                    base.add(hit.record)
                    found.append(hit.record)


_SCORELINE = re.compile(r"\s*(?:to|vs\.?|versus|against|대|-|–)\s*", re.IGNORECASE)


def _made_by(entity: str, others: Sequence[str], base: Base) -> bool:
    """A maker named beside its model ("DeepSeek's R1"): the model is the actor."""
    return any(
        isinstance(e := base.names.by_id.get(o), Entity) and e.developer == entity
        for o in others
        if o != entity
    )


_RESPECTIVELY = re.compile(r"\brespectively\b|각각", re.IGNORECASE)


def _respectively(ctx: _Context, figures: Sequence[Figure], base: Base) -> dict[int, str]:
    """ "A and B fell 17.4% and 13.8% respectively": the names given to the figures in order."""
    if len(figures) < 2:
        return {}
    if not _RESPECTIVELY.search(ctx.sentence.text):
        # "R1 edged out o1 on AIME 2024, 79.8% to 79.2%": a score line, names in order
        if len(figures) != 2 or not _SCORELINE.fullmatch(
            ctx.sentence.text[figures[0].span.end : figures[1].span.start]
        ):
            return {}
        first = figures[0].span.start
        named = [m for m in _outside_quotes(ctx.sentence.text, ctx.mentions) if m.end <= first]
        actors = list(dict.fromkeys(m.entity for m in named if _actor(m.entity, base.names)))
        people = [e for e in actors if not _made_by(e, actors, base)]
        return dict(enumerate(people)) if len(people) == 2 else {}
    names: list[str] = []
    for m in _outside_quotes(ctx.sentence.text, ctx.mentions):
        if _actor(m.entity, base.names) and m.entity not in names:
            names.append(m.entity)
    if len(names) != len(figures):
        return {}
    return dict(enumerate(names))


def _check_sentence(ctx: _Context, base: Base, lang: Lang) -> Iterable[Checked]:
    text = ctx.sentence.text
    out: list[tuple[int, Checked]] = []

    def add(start: int, end: int, written: str, finding: Finding) -> None:
        fact = finding.fact
        out.append(
            (
                start,
                Checked(
                    ctx.sentence.line_at(start),
                    _clause(text, start, end),
                    written,
                    finding.verdict,
                    fact.id if fact is not None else None,
                    finding.says,
                    finding.source or (fact.source if fact is not None else None),
                ),
            )
        )

    quotes = [q for q in draft.quotations(text) if _is_speech(q, text)]
    quote_spans = [span for q in quotes for span in q.spans()]
    mention_spans = ctx.mentions
    figures = [
        f
        for f in draft.figures(text)
        if not _inside(f.span, quote_spans) and not _overlaps(f.span, mention_spans)
    ]
    written = draft.dates(text)
    tests = _unnamed_tests(ctx)
    for when in written:
        if when.impossible:  # about the draft itself: whatever the sentence is about
            impossible = _impossible(when, ctx, base, lang, written)
            add(when.span.start, when.span.end, when.text, impossible)
    whens = [
        w
        for w in written
        if not w.impossible
        and not _titled(w, text, mention_spans)
        and not _overlaps(w.span, mention_spans)
        and not _overlaps(w.span, tests)  # "AIME 2024": a name's year, not a date
        and not _overlaps(w.span, [f.span for f in figures])
        and not _inside(w.span, quote_spans)
    ]
    periods = [w for w in whens if not _event_date(text, w) and not _since(text, w)]
    paired = _pair_dates(figures, periods, text)
    owners = _respectively(ctx, figures, base)
    for i, figure in enumerate(figures):
        finding = judge_figure(
            figure, paired.get(i), ctx, figures, base, lang, owners.get(i), tests
        )
        if finding is not None:
            add(figure.span.start, figure.span.end, figure.text, finding)
    used = {id(w) for w in paired.values()}
    for when in whens:
        if id(when) in used:
            continue
        finding = judge_date(when, ctx, base, lang, written)
        if finding is not None:
            add(when.span.start, when.span.end, when.text, finding)
    for quoted in quotes:
        finding = judge_quote(quoted, ctx, base, lang)
        if finding is not None:
            add(quoted.span.start, quoted.span.end, quoted.text, finding)
    if not quotes:
        statement = _statement(ctx)
        if statement is not None:
            finding = judge_quote(statement, ctx, base, lang, strict=True)
            said = {c.fact_id for _, c in out}
            if (
                finding is not None
                and finding.verdict != "unverified"
                and (finding.fact is None or finding.fact.id not in said)
            ):  # a figure of the same statement already says it
                add(statement.span.start, statement.span.end, statement.text, finding)
    out.sort(key=lambda pair: pair[0])
    return [c for _, c in out]


def _impossible(
    when: When, ctx: _Context, base: Base, lang: Lang, dates: Sequence[When]
) -> Finding:
    """A date no calendar has: which part cannot be ("there is no month 13", "February
    2025 has 28 days"), and the base's date when it says what happened then."""
    event = judge_date(when, ctx, base, lang, dates)
    fact = event.fact if event is not None else None
    says = _no_such_date(when, lang)
    if fact is not None and event is not None and event.says:
        says += "; " + label("verify.base_has", lang, says=event.says)
    return Finding("impossible-date", fact, says)


def _no_such_date(when: When, lang: Lang) -> str:
    if when.month is None or not 1 <= when.month <= 12:
        return label("verify.no_month", lang, month=when.month)
    if when.weekday is not None and when.year is not None and when.day is not None:
        date = PartialDate(when.year, when.month, when.day)
        actual = calendar.weekday(when.year, when.month, when.day)
        return label(
            "verify.other_weekday",
            lang,
            date=date_words(date, lang),
            weekday=label(f"weekday.{actual}", lang),
            written=label(f"weekday.{when.weekday}", lang),
        )
    month = label(
        "verify.month" if when.year is None else "verify.month_year",
        lang,
        m=when.month,
        month=MONTH_NAMES[when.month - 1],
        year=when.year,
    )
    days = draft.month_days(when.year, when.month)
    return label("verify.no_day", lang, month=month, days=days)


def read_draft_bytes(data: bytes, name: str) -> str:
    """The draft's text: UTF-8 (a BOM is dropped); anything else is a usage error."""
    if len(data) > MAX_DRAFT_BYTES:
        raise AigapError.said("error.draft_too_large", path=name, limit=MAX_DRAFT_BYTES)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM (Windows Notepad)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise AigapError.said("error.draft_binary", path=name) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        head = data[:8192]
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if b"\0" in head or controls * 100 > len(head):  # a Word file, a PDF, an image
            raise AigapError.said("error.draft_binary", path=name) from None
        line = data[: exc.start].count(b"\n") + 1
        raise AigapError.said("error.draft_not_utf8", path=name, line=line) from None
    if "\0" in text:  # valid UTF-8 but binary (NUL bytes never occur in a text draft)
        raise AigapError.said("error.draft_binary", path=name)
    return text


def read_draft_file(path: str) -> str:
    """A draft file's text (at most MAX_DRAFT_BYTES; a pipe or FIFO is fine)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_DRAFT_BYTES + 1)
    except FileNotFoundError:
        raise AigapError.said("error.draft_missing", path=path) from None
    except IsADirectoryError:
        raise AigapError.said("error.draft_directory", path=path) from None
    except OSError as exc:
        raise AigapError.said("error.draft_unreadable", path=path, why=os_reason(exc)) from None
    return read_draft_bytes(data, path)
