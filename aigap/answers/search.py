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

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import msgspec

from aigap import kinds
from aigap.answers.lookup import kind_of
from aigap.core.model import Amount, Benchmark, Entity, Fact, Lang, Ratio, Source, Text
from aigap.store.index import ENTITY_SEARCH, snippets
from aigap.store.queries import Ranked

if TYPE_CHECKING:
    from aigap.store.queries import Store


def _listed(text: str) -> list[str]:
    return text.split()


STOP_WORDS = frozenset(
    _listed(
        """
    a about an and are as at be been being by can could did do does done for from
    had has have how i in into is it its many me much my of on or than that the
    their them these they this those to was were what whats when where which who
    whom whose why will with would you your tell show give me please

    얼마나 얼마 언제 누구 누가 누구의 무엇 무엇을 뭐 뭐라고 뭘 어떻게 왜 어디 어디서
    몇 무슨 어느 어떤 했나 했나요 했다 했는가 인가 인가요 있나 있나요 은 는 이 가
    을 를 의 에 좀 알려줘 알려주세요
    """
    )
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
)
IRREGULAR: dict[str, tuple[str, ...]] = {w: g for g in _IRREGULAR_GROUPS for w in g}

# Cut off a query term's end, longest first: particles, then verb endings.
_ENDINGS = tuple(
    sorted(
        _listed(
            """
        에서는 에게서 으로는 으로서 으로써 에서 에게 으로 까지 부터 처럼 보다 이나 이랑
        께서 하고 은 는 이 가 을 를 의 에 로 와 과 도 만
        했나요 됐나요 했는지 됐는지 였나요 했나 됐나 졌나 였나 했다 됐다 졌다 였다
        한다 된다 하나 되나 했던 하는 되는 이다 인가 된 한 함 됨
        """
        ),
        key=len,
        reverse=True,
    )
)
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_EDGE_PUNCT = "\"'“”‘’`()[]{}<>,.;:!?…·"
_WORD = re.compile(r"\w")
_MARKED = re.compile("\x02([^\x03]*)\x03")


def _quoted(term: str) -> str:
    """An FTS5 string: the tokenizer splits it (9.3% -> the phrase "9" "3")."""
    return '"' + term.replace('"', '""') + '"'


def korean_stem(word: str) -> str:
    """``word`` without a trailing particle or verb ending, if two syllables remain."""
    for ending in _ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if len(stem) >= 2 or (stem and not _HANGUL.fullmatch(stem)):
                return stem
    return word


def query_words(words: Iterable[str]) -> list[str]:
    """The words of a query: split at spaces, folded, without edge punctuation."""
    found: list[str] = []
    # a non-UTF-8 argument arrives with lone surrogates, which SQLite cannot take
    text = " ".join(words).encode("utf-8", "replace").decode("utf-8")
    for chunk in text.split():
        word = unicodedata.normalize("NFKC", chunk).casefold().strip(_EDGE_PUNCT)
        if word.endswith("'s") or word.endswith("’s"):
            word = word[:-2]
        if _WORD.search(word):
            found.append(word)
    return found


def match_expression(words: Sequence[str]) -> str | None:
    """The FTS5 MATCH expression for query words, or None when nothing is left."""
    kept = [w for w in words if w not in STOP_WORDS] or list(words)
    groups: list[str] = []
    for word in dict.fromkeys(kept):
        if _HANGUL.search(word):
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


class Found(msgspec.Struct, frozen=True):
    """The hits shown, best first, and how many matched in all."""

    words: str
    hits: list[Hit]
    total: int


def _texts(value: object) -> tuple[str, ...]:

    if isinstance(value, str):
        return (value,)
    if isinstance(value, Text):
        return value.all()
    if isinstance(value, Amount):
        return (value.printed, *(value.label.all() if value.label else ()))
    if isinstance(value, Ratio):
        return (value.printed, *value.of.all())
    if isinstance(value, tuple):
        return tuple(t for v in value for t in _texts(v))
    return ()


def searchable(
    record: Source | Benchmark | Entity | Fact, benchmarks: Mapping[str, Benchmark]
) -> list[tuple[str, str, int]]:
    """(field, text, weight) for every text of a record that search looks at."""
    if isinstance(record, Source | Benchmark | Entity):
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
    return pairs


def _where(
    records: Sequence[Searched], expression: str, benchmarks: Mapping[str, Benchmark]
) -> list[tuple[str, str]]:
    """(field, snippet) of the best-matching shown field of each record."""
    texts = [
        # the id is shown anyway and a tag is one word: running text says more
        (text, i, field, 0 if field in ("id", "tags") else weight)
        for i, record in enumerate(records)
        for field, text, weight in searchable(record, benchmarks)
    ]
    best: dict[int, tuple[int, int, float, str, str]] = {}
    for hit, field, shown, snip, rank in snippets(texts, expression):
        # the field that holds most of the words asked for, then the weightier one
        words = len({w.casefold() for w in _MARKED.findall(snip)})
        key = (words, shown, -rank)
        if hit not in best or key > best[hit][:3]:
            text = " ".join(snip.replace("\x02", "").replace("\x03", "").split())
            best[hit] = (*key, field, text)
    return [best[i][3:] if i in best else ("", "") for i in range(len(records))]


def _benchmarks_of(store: Store, records: Iterable[Searched]) -> dict[str, Benchmark]:
    wanted = {b for r in records if isinstance(b := getattr(r, "benchmark", None), str)}
    found = {b: store.record(b) for b in sorted(wanted)}
    return {b: bench for b, bench in found.items() if isinstance(bench, Benchmark)}


def _hit(
    record: Searched,
    score: float,
    where: tuple[str, str],
    lang: Lang,
    benchmarks: Mapping[str, Benchmark],
) -> Hit:

    if isinstance(record, Source):
        headline = record.headline.get(lang)
        date, who, source_id = record.published.iso, record.outlet.get(lang), record.id
    elif isinstance(record, Benchmark):
        full = record.full_name.get(lang) if record.full_name else ""
        headline = record.name.get(lang) + (f" ({full})" if full else "")
        date, who, source_id = None, None, None
    elif isinstance(record, Entity):
        headline = f"{record.name.get(lang)} ({record.type})"
        date, who, source_id = None, None, None
    else:
        kind = kinds.of(record)
        headline = kind.headline(record, lang, dict(benchmarks))
        when = kind.date(record)
        date, who, source_id = when.iso if when else None, kind.who(record, lang), record.source
    return Hit(record, kind_of(record), round(score, 3), headline, date, who, source_id, *where)


def search(store: Store, words: Sequence[str], limit: int | None, lang: Lang = "en") -> Found:
    """The best ``limit`` hits (all when None) for ``words``, and the number of hits."""
    folded = query_words(words)
    text = " ".join(" ".join(words).split()).encode("utf-8", "backslashreplace").decode("utf-8")
    expression = match_expression(folded)
    if expression is None:
        return Found(text, [], 0)
    found = store.search(expression, limit)
    ranked, total = found.rows, found.total
    # A query that is exactly an id ("gap-mmlu") means that record, first.
    exact = store.record("-".join(folded)) if folded else None
    if exact is not None:
        rest = [r for r in ranked if r.record.id != exact.id]
        if len(rest) == len(ranked):
            total += 1
        top = max((r.score for r in ranked), default=0.0)
        ranked = [Ranked(exact, top + 1.0), *rest][: limit or None]
    records = [r.record for r in ranked]
    benchmarks = _benchmarks_of(store, records)
    where = _where(records, expression, benchmarks)
    hits = [
        _hit(r.record, r.score, w, lang, benchmarks) for r, w in zip(ranked, where, strict=True)
    ]
    return Found(text, hits, total)
