"""Names in text and typos in words: what ``search`` (and ``verify``) share.

Three reusable pieces, none of which reads the store itself:

- ``korean_stem`` / ``split_scripts``: a Korean word without its particle or
  ending (엔비디아는 -> 엔비디아, 량원펑이란 -> 량원펑), and a word that glues a
  Korean particle to Latin letters or digits cut apart (MMLU에서의 -> MMLU, 에서의).
- ``Names``: the names and aliases of entities and benchmarks, both languages,
  found in running text. A name matches case-, space- and punctuation-blind
  (``aigap.core.text.normalize_name``), so 샘올트먼 finds "샘 올트먼" and supermicro
  "super micro"; a Korean particle after it does not matter (알트만은, AI의);
  an unspaced Korean compound that starts with a name is split (엔비디아주가 ->
  엔비디아 + 주가). ``Names.find(text)`` gives every name with where it is.
- ``correct(word, vocabulary)``: the closest word of a vocabulary within a typo
  budget. Latin words are compared letter by letter (optimal string alignment:
  an insertion, deletion, substitution or swap of two neighbours is one edit,
  so braodcom -> broadcom is one); Hangul is compared jamo by jamo (Unicode
  NFD splits a syllable into its letters), so 엔비디야 -> 엔비디아 and
  딥씨크 -> 딥시크 are one edit each, where syllable by syllable they would
  be as far apart as any two words.

The edit distance comes from RapidFuzz (a maintained C++ library, MIT), which
compares a word with tens of thousands of candidates in milliseconds; it is
imported only when a word needs correcting (see ``correct``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import msgspec

from aigap.core.text import normalize_name

if TYPE_CHECKING:
    from aigap.store.queries import Store


HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_SYLLABLES = re.compile("[\uac00-\ud7a3]+")
# A Latin/digit run followed by a Hangul run: "mmlu에서의", "ai의", "1.7%로"
# Split by a scan, not one regex: ``^([^가-힣]*[0-9A-Za-z%.][^가-힣]*?)([가-힣]+)$``
# backtracks quadratically, and a 100 kB search word took minutes.
_SYLLABLE = re.compile("[\uac00-\ud7a3]")
_LATIN_MARK = re.compile(r"[0-9A-Za-z%.]")
_DIGITS = re.compile(r"\d+")
_VERSION = re.compile(r"\d{1,2}(\.\d+)?[a-z]?")  # 4, 4o, 2.0, 3.5: not a year, not 500
_YEAR = re.compile(r"(19|20)\d\d")


def _listed(text: str) -> list[str]:
    return text.split()


# Endings that make a Korean word a predicate (했나, 졌다): a question's verb,
# which the article rarely uses in the same form
_VERB_ENDINGS = _listed(
    """
    했나요 됐나요 했는지 됐는지 였나요 했나 됐나 졌나 였나 했다 됐다 졌다 였다
    한다 된다 하나 되나 했던 하는 되는 이다 인가 된 한 함 됨
    했어요 됐어요 졌어요 었어요 았어요 했어 됐어 졌어 었어 았어 었나 았나
    했니 했지 였지 인가요 인지 는지 나요 을까 할까 다던데 라던데 던데
    시킬까 시켰나 시켰다 시킨다 시킨 시키는 시켜 해지나 해졌나 해질까 일까 될까
    """
)
VERB_ENDINGS = frozenset(_VERB_ENDINGS)
# Particles, the verb endings and the "is called / what is" endings people type
# after a name (량원펑이란, 딥시크라는), colloquial endings and the plural, cut
# longest first.
ENDINGS: tuple[str, ...] = tuple(
    sorted(
        [
            *_listed(
                """
        에서의 에서는 에게서 으로는 으로서 으로써 이라는 이라고 이란 라는 라고 란
        에서 에게 으로 까지 부터 처럼 보다 이나 이랑 께서 하고 과의 와의 에의 이며 한테서 한테
        은 는 이 가 을 를 의 에 로 와 과 도 만
        """
            ),
            *_VERB_ENDINGS,
            *_listed(
                """
        는데 인데 이냐 냐 임 만큼 랑
        들은 들이 들을 들의 들과 들도 들보다 들에게 들에서 들
        """
            ),
        ],
        key=len,
        reverse=True,
    )
)
PARTICLES = frozenset(ENDINGS)


def is_hangul(text: str) -> bool:
    """Whether ``text`` has a Hangul letter or syllable."""
    return HANGUL.search(text) is not None


def korean_stem(word: str, endings: Sequence[str] = ENDINGS) -> str:
    """``word`` without a trailing particle or ending, if two syllables remain.

    엔비디아는 -> 엔비디아, 량원펑이란 -> 량원펑, 설립됐나 -> 설립; 국가 stays
    국가 (one syllable would be left). A word that is not Korean is returned as
    is. ``endings`` (longest first) replaces the list of endings cut.
    """
    for ending in endings:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if len(stem) >= 2 or (stem and not HANGUL.fullmatch(stem)):
                return stem
    return word


def split_scripts(word: str) -> tuple[str, str]:
    """(Latin or digit head, Hangul tail) of a word like mmlu에서의; ("", word) otherwise.

    Only a word that starts with letters or digits and ends in Hangul
    syllables is split: mmlu에서의 -> (mmlu, 에서의), ai의 -> (ai, 의),
    딥시크r1 -> ("", 딥시크r1).
    """
    cut = len(word)
    while cut and "\uac00" <= word[cut - 1] <= "\ud7a3":
        cut -= 1
    head, tail = word[:cut], word[cut:]
    if not tail or not head.strip() or _SYLLABLE.search(head) or not _LATIN_MARK.search(head):
        return "", word
    return head, tail


class NameHit(msgspec.Struct, frozen=True):
    """A name found in text: the ids it names, where, and the words as written."""

    ids: tuple[str, ...]  # entity or benchmark ids (an alias can name several)
    start: int  # offsets into the text given to ``Names.find``
    end: int
    text: str  # the words as written, without a trailing particle
    key: str  # normalize_name of the name


# A word of running text: anything between spaces and the punctuation that
# never belongs to a name ("gap-mmlu", "01.ai", "kai-fu" and "9.3%" stay whole).
_WORD = re.compile(r"[^\s,;/|()\[\]{}<>\"“”‘’`!?…·:]+")
_EDGE = ".'-"
MAX_NAME_WORDS = 5  # the longest alias in words ("massive multi-discipline ... understanding")


class Names:
    """Entity and benchmark names and aliases, looked up in text.

    ``keys`` maps a name's ``normalize_name`` form (lower case, no spaces or
    punctuation) to the ids it names, as the cache's ``entity_names`` table
    holds it; ``Names.of(records)`` builds it from benchmarks and entities.
    """

    def __init__(self, keys: Mapping[str, Sequence[str]], endings: Sequence[str] = ENDINGS) -> None:
        self.keys = {k: tuple(v) for k, v in keys.items() if k}
        self.endings = endings  # the particles and endings a name may carry (korean_stem)
        # the longest key that starts with a syllable pair, for unspaced compounds
        self._longest = max((len(k) for k in self.keys), default=0)
        # every start of a key: a word that starts none can start no name, which
        # skips the joins of up to five words at almost every word of a long text
        self._prefixes = {k[:n] for k in self.keys for n in range(1, len(k) + 1)}
        self._bared: dict[str, str] = {}  # word -> _bare(word), for long texts
        self._normed: dict[str, str] = {}  # word -> normalize_name(word)

    @classmethod
    def of(cls, named: Iterable[tuple[str, Iterable[str]]]) -> Names:
        """From (id, names and aliases) pairs: ``Names.of([("nvidia", ["Nvidia", "nvda"])])``."""
        keys: dict[str, list[str]] = {}
        for record_id, names in named:
            for name in (record_id, *names):
                ids = keys.setdefault(normalize_name(name), [])
                if record_id not in ids:
                    ids.append(record_id)
        return cls(keys)

    @classmethod
    def of_store(cls, store: Store, endings: Sequence[str] = ENDINGS) -> Names:
        """Every entity's and benchmark's names in the fact base (both languages)."""
        return cls(store.name_keys(), endings)

    def ids(self, name: str) -> tuple[str, ...]:
        """The ids a whole name names (case, spaces and punctuation aside), or ()."""
        return self.keys.get(normalize_name(name), ())

    def another_version(self, name: str, number: str) -> bool:
        """Whether ``name`` then ``number`` (llama 4, 라마4, gpt 5) names a version the base
        lacks of a family it has (llama 3): a name with a number after it is a
        name, and this one is not. A year or a long number is no version."""
        key = normalize_name(name)
        if not key or normalize_name(name + number) in self.keys:
            return False
        if len(number) == 2 and normalize_name(f"{name}20{number}") in self.keys:
            return False  # aime 24 is the base's AIME 2024, its year in two digits
        if _DIGITS.search(name):
            return False  # a number after o1, r1 or h800 is a figure (o1 79.2), no version
        if _YEAR.fullmatch(number):
            # a year is a version of a name the base has with another year (aime 2025:
            # the base has AIME 2024), and no version of any other name
            return any(k.startswith(key) and _YEAR.fullmatch(k[len(key) :]) for k in self.keys)
        if not _VERSION.fullmatch(number):
            return False
        return any(k.startswith(key) and k[len(key) : len(key) + 1].isdigit() for k in self.keys)

    def vocabulary(self) -> list[str]:
        """Every name's key, for ``correct``."""
        return list(self.keys)

    def find(self, text: str) -> list[NameHit]:
        """Every name in ``text``, left to right, the longest first where names overlap.

        A name matches whole words (us is not found in "focus"), joined with or
        without spaces (샘올트먼, super micro); a Korean particle or ending may
        follow it (알트만은, MMLU에서의); a Korean word that starts with a name
        of two syllables or more is split after it (엔비디아주가). A word with a
        hyphen is one word unless each part is a name (US-China is two names,
        GPT-5 is none).
        """
        words = self._words(text)
        hits: list[NameHit] = []
        i = 0
        while i < len(words):
            hit, used = self._longest_at(words, i)
            if hit is not None:
                hits.append(hit)
                i += used
                continue
            hits.extend(self._inside(*words[i]))
            i += 1
        return [msgspec.structs.replace(h, text=text[h.start : h.end]) for h in hits]

    def _words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of each word, hyphenated names split into their parts."""
        words: list[tuple[int, int, str]] = []
        for match in _WORD.finditer(text):
            start, word = match.start(), match.group()
            stripped = word.rstrip(_EDGE)
            lead = len(stripped) - len(stripped.lstrip(_EDGE))
            start, word = start + lead, stripped[lead:]
            if not word:
                continue
            parts = word.split("-")
            if len(parts) > 1 and not self.ids(word) and all(self._named(p) for p in parts):
                at = start
                for part in parts:
                    words.append((at, at + len(part), part))
                    at += len(part) + 1
            else:
                words.append((start, start + len(word), word))
        return words

    def _named(self, word: str) -> bool:
        return bool(self.ids(word) or self.ids(self._bare(word)))

    def _bare(self, word: str) -> str:
        """A word without its Korean particle: 알트만은 -> 알트만, mmlu에서의 -> mmlu."""
        head, tail = split_scripts(word)
        if head and (tail in self.endings or korean_stem(tail, self.endings) != tail):
            return head
        if head and len(tail) <= 2:
            return head
        return korean_stem(word, self.endings) if is_hangul(word) else word

    def _bare_word(self, word: str) -> str:
        bare = self._bared.get(word)
        if bare is None:
            bare = self._bared[word] = self._bare(word)
        return bare

    def _norm(self, word: str) -> str:
        norm = self._normed.get(word)
        if norm is None:
            norm = self._normed[word] = normalize_name(word)
        return norm

    def _longest_at(self, words: list[tuple[int, int, str]], i: int) -> tuple[NameHit | None, int]:
        """The longest name made of words i, i+1, ... (the last may carry a particle)."""
        # How many whole words from i still start some key: a name of n words needs
        # its first n - 1 among them (normalize_name of a join is the join of each's).
        limit = min(MAX_NAME_WORDS, len(words) - i)
        head = ""
        whole = 0
        while whole < limit - 1:
            longer = head + self._norm(words[i + whole][2])
            if longer and longer not in self._prefixes:
                break
            head, whole = longer, whole + 1
        for n in range(min(limit, whole + 1), 0, -1):
            joined = "".join(self._norm(w) for _, _, w in words[i : i + n - 1])
            _, end, last = words[i + n - 1]
            for form in dict.fromkeys((last, self._bare_word(last))):
                key = joined + self._norm(form)
                ids = self.keys.get(key)
                if ids and self._whole_enough(key, form, n):
                    first = words[i][0]
                    shown_end = end - (len(last) - len(form))
                    return NameHit(ids, first, shown_end, "", key), n
        return None, 0

    @staticmethod
    def _whole_enough(key: str, form: str, n: int) -> bool:
        """A one-syllable Korean name (샘, 美) only as a whole word, never after a cut."""
        return len(key) > 1 or n > 1 or not is_hangul(key) or form == key

    def _inside(self, start: int, end: int, word: str) -> list[NameHit]:
        """Names at the start of an unspaced Korean compound: 샘올트먼딥시크, 엔비디아주가."""
        hits: list[NameHit] = []
        at = 0
        while at < len(word) and _SYLLABLES.match(word, at):
            if normalize_name(word[at : at + 2]) not in self._prefixes:
                break  # no name starts here
            for cut in range(min(len(word), at + self._longest), at + 1, -1):
                key = normalize_name(word[at:cut])
                ids = self.keys.get(key)
                rest = word[cut:]
                if ids and len(key) >= 2 and (not rest or len(rest) >= 2 or rest in PARTICLES):
                    hits.append(NameHit(ids, start + at, start + cut, "", key))
                    at = cut
                    break
            else:
                break
        return hits


# ---------------------------------------------------------------- typos


def jamo(text: str) -> str:
    """Hangul syllables split into their letters (NFD): 엔비디아 -> 엔비디아."""
    return unicodedata.normalize("NFD", text)


# Two open syllables that speech and typing run together (디아 -> 댜, 보아 -> 봐,
# 두어 -> 둬, 시어 -> 셔), in jamo: a vowel, a silent ㅇ and a vowel -> one vowel
_CONTRACTIONS = (
    ("\u1175\u110b\u1161", "\u1163"),  # ㅣ ㅇ ㅏ -> ㅑ
    ("\u1175\u110b\u1165", "\u1167"),  # ㅣ ㅇ ㅓ -> ㅕ
    ("\u1169\u110b\u1161", "\u116a"),  # ㅗ ㅇ ㅏ -> ㅘ
    ("\u116e\u110b\u1165", "\u116f"),  # ㅜ ㅇ ㅓ -> ㅝ
)


def _contracted(letters: str) -> str:
    """Jamo with run-together syllables contracted, so 엔비댜 is as near 엔비디아 as
    엔비디아 itself: the form compared for typos."""
    for long, short in _CONTRACTIONS:
        letters = letters.replace(long, short)
    return letters


# Unicode's Hangul syllable table: 19 first consonants, each a block of 588
# syllables (21 vowels x 28 finals), from U+AC00
SYLLABLE_BASE, PER_INITIAL, INITIALS, PER_VOWEL = 0xAC00, 588, 19, 28
_SSANG_SIOT = 20  # the final consonant ㅆ: the past tense (했, 왔, 졌)


def syllable_parts(char: str) -> tuple[int, int, int] | None:
    """(initial, vowel, final) of a Hangul syllable, by Unicode's table; None otherwise."""
    code = ord(char) - SYLLABLE_BASE
    if not 0 <= code < PER_INITIAL * INITIALS:
        return None
    initial, rest = divmod(code, PER_INITIAL)
    vowel, final = divmod(rest, PER_VOWEL)
    return initial, vowel, final


def is_past_tense(word: str) -> bool:
    """Whether a Korean word carries the past tense (나왔어, 떨어졌다, 만들었나: a
    syllable ending in ㅆ), which makes it a predicate: no noun of the base does."""
    return len(word) >= 2 and any(
        (parts := syllable_parts(c)) is not None and parts[2] == _SSANG_SIOT for c in word
    )


# The keys of each Korean vowel on the standard (두벌식) keyboard, in Unicode's
# order ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ (O and P: with shift)
_VOWEL_KEYS = _listed("k o i O j p u P h hk ho hl y n nj np nl b m ml l")
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_PLACE = {k: (r, c) for r, row in enumerate(_KEY_ROWS) for c, k in enumerate(row)}
# vowels that sound alike, whatever the keys: ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅚ/ㅞ; and that look
# alike (one stroke turned): ㅛ/ㅠ, ㅑ/ㅕ
_SOUND_ALIKE = ({1, 5}, {3, 7}, {10, 11, 15}, {12, 17}, {2, 6})
# first consonants said in one place, plain, aspirated or tense (ㅈ/ㅊ/ㅉ: 격자 for
# 격차), in Unicode's order ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
# ㄹ and ㄴ too: ㄹ is said ㄴ after most consonants (폭락 sounds 퐁낙: typed 폭낙)
_SAME_PLACE = ({0, 1, 15}, {3, 4, 16}, {7, 8, 17}, {9, 10}, {12, 13, 14}, {2, 5})


def _together(a: int, b: int, groups: Iterable[set[int]]) -> bool:
    """Whether two different letters (by their Unicode index) share one of ``groups``."""
    return a != b and any({a, b} <= group for group in groups)


def _neighbours(a: str, b: str) -> bool:
    """Whether two keys touch on a QWERTY keyboard (or are one key with and without shift)."""
    if a.lower() == b.lower():
        return a != b
    (ra, ca), (rb, cb) = _KEY_PLACE[a.lower()], _KEY_PLACE[b.lower()]
    if ra == rb:
        return abs(ca - cb) == 1
    if abs(ra - rb) != 1:
        return False
    upper, lower = (ca, cb) if ra < rb else (cb, ca)
    return lower in (upper - 1, upper)  # a row starts half a key right of the one above


def _slipped(typed: int, meant: int) -> bool:
    """Whether one vowel is a slip for another: a neighbouring key, a key added or
    left out of a two-key vowel (ㅘ for ㅗ), or a like-sounding vowel."""
    if _together(typed, meant, _SOUND_ALIKE):
        return True
    a, b = _VOWEL_KEYS[typed], _VOWEL_KEYS[meant]
    if len(a) == len(b):
        differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(differ) == 1 and _neighbours(*differ[0])
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and short in (long[:-1], long[1:])


def vowel_twin(word: str, vocabulary: Mapping[str, float]) -> str | None:
    """The vocabulary word that differs from a two-syllable Korean ``word`` only in
    one slipped vowel (폭랙 -> 폭락, 지슈 -> 지수) or in a first consonant said in
    the same place (격자 -> 격차: ㅈ/ㅊ), the most frequent one; None otherwise.

    These are the commonest Hangul slips (neighbouring keys ㅜ/ㅠ, like-sounding
    ㅐ/ㅔ, a missed aspiration), while another consonant turns one short word into
    another (경고, a warning, is not 경로, a route): a short word gets these only.
    """
    if len(word) != 2:
        return None
    typed = [syllable_parts(c) for c in word]
    best: tuple[float, str] | None = None
    for cand, weight in vocabulary.items():
        if len(cand) != 2 or cand == word:
            continue
        pairs = [(a, syllable_parts(c)) for a, c in zip(typed, cand, strict=True)]
        differ = [(a, b) for a, b in pairs if a != b]
        if any(a is None or b is None for a, b in pairs) or len(differ) != 1:
            continue
        a, b = differ[0]
        if a is None or b is None or a[2] != b[2]:
            continue
        vowel = a[0] == b[0] and _slipped(a[1], b[1])
        if (vowel or (a[1] == b[1] and _together(a[0], b[0], _SAME_PLACE))) and (
            best is None or weight > best[0]
        ):
            best = (weight, cand)
    return best[1] if best else None


def typo_budget(word: str) -> int:
    """How many edits a typed word may be away from the word meant.

    Latin: none up to three letters (too many short words are one edit
    apart), one up to seven, two from eight. Hangul, counted in jamo: one up
    to five (two syllables), two from six, so 딥식 -> 딥시크 (final ㄱ -> ㅋ and
    an inserted ㅡ) is found but two-syllable words do not drift into others.
    """
    if is_hangul(word):
        n = len(jamo(word))
        return 1 if n <= 5 else 2
    n = len(word)
    return 0 if n <= 3 else 1 if n <= 7 else 2


def distance(a: str, b: str) -> int:
    """Edits between two words: letters for Latin, jamo for Hangul (OSA: a swap is one)."""
    from rapidfuzz.distance import OSA  # only when a word is corrected: start-up stays lean

    return int(OSA.distance(jamo(a), jamo(b)))


def correct(
    word: str,
    vocabulary: Iterable[str] | Mapping[str, float],
    budget: int | None = None,
) -> str | None:
    """The vocabulary word nearest ``word`` within its typo budget, or None.

    ``vocabulary`` is a list of candidate words (names, index terms), or a
    mapping of candidate -> weight (how often it occurs): among candidates
    equally near, the heavier wins, then the one listed first. ``word``
    itself is never returned (a word already in the vocabulary needs no
    correction: the caller checks that first). ``budget`` overrides
    ``typo_budget(word)``. Examples: correct("nvidea", ["nvidia", "media"])
    == "nvidia"; correct("딥씨크", ["딥시크", "딥러닝"]) == "딥시크".
    """
    from rapidfuzz import process  # imported only when a word needs correcting
    from rapidfuzz.distance import OSA  # (as above)

    limit = typo_budget(word) if budget is None else budget
    if limit <= 0:
        return None
    weights = vocabulary if isinstance(vocabulary, Mapping) else dict.fromkeys(vocabulary, 0.0)
    hangul = is_hangul(word)
    # Hangul is compared jamo by jamo, both as written and with run-together
    # syllables contracted (엔비댜 is near 엔비디아 contracted, 엔비다아 as written)
    forms = (lambda w: _contracted(jamo(w)), jamo) if hangul else (lambda w: w,)
    digits = _DIGITS.findall(word)
    kept = [
        cand
        for cand in weights
        if cand != word
        and is_hangul(cand) == hangul
        and abs(len(cand) - len(word)) <= limit
        # another number is another version, not a typo (라마4 is not 라마3)
        and _DIGITS.findall(cand) == digits
    ]
    nearest: dict[str, float] = {}  # the word -> its least distance in any form
    for form in forms:
        candidates: dict[str, str] = {}  # compared form -> the word
        for cand in kept:
            candidates.setdefault(form(cand), cand)
        for compared, dist, _ in process.extract(
            form(word), list(candidates), scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            cand = candidates[compared]
            nearest[cand] = min(dist, nearest.get(cand, dist))
    if not nearest:
        return None
    order = {c: n for n, c in enumerate(weights)}
    # equally near: the heavier, then the longer (a letter left out is a commoner slip
    # than one added: nvdia is nvidia rather than nvda), then the first listed
    return min(nearest, key=lambda c: (nearest[c], -weights[c], -len(c), order[c]))
