"""What the cache's search index holds: each record's text in three weighted columns."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence

from aigap import kinds
from aigap.core.labels import label
from aigap.core.model import NOT_FACTS

TOKENIZE = "porter unicode61 remove_diacritics 2"


# A field's declared weight -> its column: names, running text, passages.
COLUMNS = ("names", "body", "passage")


COLUMN_WEIGHTS = (5.0, 2.0, 1.0)


def column_of(weight: int) -> int:
    return 0 if weight >= 4 else 1 if weight >= 2 else 2


# A Korean word's inner parts (기술격차 -> 격차) are indexed after the text, each
# marked by this private-use letter (a token character to SQLite's tokenizer, and
# in no text): a search for 격차 can then ask for "\ue000격차"* as well as 격차*,
# while the marked parts stay out of every plain match, of the vocabulary that
# typos are corrected against (which reads Latin and Hangul ranges only) and of
# phrases (they follow the text, never stand between its words).
INFIX = "\ue000"
INFIX_SHORTEST = 2  # syllables: an inner part of one syllable is mostly a particle
_SYLLABLES = re.compile("[\uac00-\ud7a3]+")


def infixes(text: str) -> list[str]:
    """The marked inner parts of the Korean words in ``text``, once each: every tail
    of a run of Hangul syllables that starts after its first syllable and keeps
    two syllables or more (기술격차가 -> 술격차가, 격차가, 차가; the particle stays on,
    as in the text, and a search's prefix covers it), and the whole run when it
    follows letters or digits in the same word (ai스타트업 -> 스타트업)."""
    found: dict[str, None] = {}
    for run in _SYLLABLES.finditer(text):
        word = run.group()
        start = run.start()
        glued = start > 0 and (text[start - 1].isalnum() or text[start - 1] == INFIX)
        for cut in range(0 if glued else 1, len(word) - INFIX_SHORTEST + 1):
            found[INFIX + word[cut:]] = None
    return list(found)


def with_infixes(text: str) -> str:
    """``text`` followed by its marked inner parts (``infixes``), as the index holds it."""
    inner = infixes(text)
    return text + "\n" + " ".join(inner) if inner else text


# A web address in a text: searched by its host only. Its path's words (a report
# copied at .../deepseek-tops-the-apple-app-store) are not what the text says, and
# would make "apple" a word the base has.
_URL = re.compile(r"\bhttps?://([^/\s]+)\S*")


def searched_text(text: str) -> str:
    """A text as search indexes it: each web address cut to its host."""
    return _URL.sub(r"\1", text) if "://" in text else text


def _strings(value: object) -> Iterator[str]:
    """Every text in a raw (fact-file) value: strings, {en, ko}, lists, amounts."""
    if isinstance(value, str):
        yield searched_text(value)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("unit", "approx", "value"):
                yield from _strings(item)


ENTITY_SEARCH: dict[str, int] = {
    "id": 8,
    "name": 5,
    "aliases": 4,
    "headline": 2,
    "outlet": 2,
    "byline": 2,
    "full_name": 2,
    "measures": 2,
    "note": 1,
}


# An entity's card is found by its names and what it is; its note is about the
# fact file (why no country is recorded), not about the entity.
ENTITY_FIELDS: dict[str, int] = {"id": 8, "name": 5, "aliases": 4, "description": 2}


def _weights_and_keys(section: str) -> tuple[dict[str, int], dict[str, str]]:
    """A section's search weights by field, and each field's key in the fact file."""
    if section == "entities":
        return ENTITY_FIELDS, {f: f for f in ENTITY_FIELDS}
    if section in ("sources", "benchmarks"):
        return ENTITY_SEARCH, {f: f for f in ENTITY_SEARCH}
    kind = kinds.by_section(section)
    record = kind.record
    keys = dict(zip(record.__struct_fields__, record.__struct_encode_fields__, strict=True))
    return kind.search_weights(), keys


def kind_words(section: str) -> tuple[str, ...]:
    """A fact kind's name in both languages, as the catalogue has it (gap, 격차), and
    the words readers use for its facts (``Kind.words``: stock, 주가)."""
    if section in NOT_FACTS:
        return ()
    kind = kinds.by_section(section)
    try:
        names = tuple(label(f"kind.{kind.name}", lang) for lang in ("en", "ko"))
    except KeyError:  # a kind registered without a catalogue entry (a plug-in's)
        names = ()
    return (*names, *kind.words)


class Indexer:
    """Turns raw records into FTS rows (one text per column), section by section."""

    def __init__(self, names_of: Mapping[str, Sequence[str]]) -> None:
        # id -> names of what a fact may refer to (benchmarks and entities)
        self.names_of = names_of
        self._plans: dict[str, list[tuple[str, int]]] = {}

    def _plan(self, section: str) -> list[tuple[str, int]]:
        plan = self._plans.get(section)
        if plan is None:
            weights, keys = _weights_and_keys(section)
            plan = [(keys.get(f, f), column_of(w)) for f, w in weights.items()]
            self._plans[section] = plan
        return plan

    def row(self, section: str, raw: Mapping[str, object]) -> tuple[str, str, str]:
        texts: tuple[list[str], list[str], list[str]] = ([], [], [])
        for key, column in self._plan(section):
            value = raw.get(key)
            if value is None:
                continue
            texts[column].extend(_strings(value))
            if isinstance(value, str) and value in self.names_of and key != "id":
                texts[column].extend(self.names_of[value])
        # the kind's own word in both languages (gap/격차, quote/발언): "아레나 격차"
        texts[1].extend(kind_words(section))
        # the names of what a fact is about (smci, 알트만, alphabet) lead to it
        about = raw.get("about") if section != "entities" else None
        if isinstance(about, list | tuple):
            for entity in about:
                if isinstance(entity, str) and entity in self.names_of:
                    texts[2].extend(self.names_of[entity])
        names, body, passage = ("\n".join(t) for t in texts)
        return with_infixes(names), with_infixes(body), with_infixes(passage)


def index_stems(words: Iterable[str]) -> dict[str, str]:
    """Each word as the index's tokenizer stores it (porter: released -> releas,
    relase -> relas), read from a throwaway in-memory index: a misspelt word is
    compared with the index's words in the same form. A word that is not one
    token maps to itself."""
    words = list(dict.fromkeys(words))
    tokenizer = Tokenizer()
    try:
        found = tokenizer.tokens(words)
    finally:
        tokenizer.close()
    return {w: tokens[0] if len(tokens) == 1 else w for w, tokens in zip(words, found, strict=True)}


class Tokenizer:
    """Texts cut into tokens by the index's own tokenizer (a throwaway FTS5 table)."""

    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = None

    def tokens(self, texts: Sequence[str]) -> list[list[str]]:
        """Each text's tokens, in order, as the index would store them."""
        if self._conn is None:
            self._conn = sqlite3.connect(":memory:")
            self._conn.execute(
                f"CREATE VIRTUAL TABLE t USING fts5(w, content='', tokenize='{TOKENIZE}')"
            )
            self._conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        conn = self._conn
        conn.execute("INSERT INTO t(t) VALUES ('delete-all')")
        conn.executemany("INSERT INTO t(rowid, w) VALUES (?, ?)", enumerate(texts, 1))
        found: list[list[str]] = [[] for _ in texts]
        for doc, term in conn.execute("SELECT doc, term FROM v ORDER BY doc, offset"):
            found[int(doc) - 1].append(str(term))
        return found

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class Matcher:
    """A few records' texts in a small in-memory FTS5 table, tokenized as the index:
    which of them an expression matches, and where (snippets that agree with the
    ranking). Rows are (text, hit, field, shown, weight): the record's position,
    the field's name, its weight for choosing the snippet, its search weight."""

    def __init__(self, texts: Iterable[tuple[str, int, str, int, int]]) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute(
            "CREATE VIRTUAL TABLE m USING fts5("
            "text, hit UNINDEXED, field UNINDEXED, shown UNINDEXED, weight UNINDEXED,"
            f" tokenize='{TOKENIZE}')"
        )
        self.conn.executemany(
            "INSERT INTO m(text, hit, field, shown, weight) VALUES (?, ?, ?, ?, ?)", texts
        )

    def close(self) -> None:
        self.conn.close()

    def which(self, expression: str, weight: int = 0, *, note: bool = True) -> set[int]:
        """The records (by position) that ``expression`` matches in a field of ``weight`` or more.

        Weight 4 and up are the fields that name what a fact is about: its
        subject, speaker, model, benchmark (its id is left out then: it starts
        with the kind, cost-..., for every fact of the kind). ``note=False``
        leaves out the facts' notes.
        """
        rows = self.conn.execute(
            "SELECT DISTINCT hit FROM m WHERE m MATCH ? AND weight >= ?"
            " AND (? OR field != 'note') AND (? = 0 OR field != 'id')",
            (expression, weight, note, weight),
        )
        return {int(r[0]) for r in rows}

    def around(self, hit: int, field: str, part: str, words: int = 12) -> str:
        """About ``words`` words of a record's ``field`` around the first word that has
        ``part`` inside it (a match of its inner parts, ``infixes``), as a snippet."""
        rows = self.conn.execute(
            "SELECT text FROM m WHERE hit = ? AND field = ? AND shown >= 0", (hit, field)
        )
        for (text,) in rows:
            split = text.split()
            at = next((n for n, w in enumerate(split) if part and part in w), None)
            if at is not None:
                start = max(at - words // 2, 0)
                shown = split[start : start + words]
                return (
                    ("…" if start else "")
                    + " ".join(shown)
                    + ("…" if start + words < len(split) else "")
                )
        return ""

    def snippets(self, expression: str) -> list[tuple[int, str, int, str, float]]:
        """(hit, field, shown, snippet, bm25 rank) of each matching text; the matched
        words are marked \\x02...\\x03 in the snippet."""
        return self.conn.execute(
            "SELECT hit, field, shown, snippet(m, 0, '\x02', '\x03', '…', 12), bm25(m)"
            " FROM m WHERE m MATCH ?",
            (expression,),
        ).fetchall()
