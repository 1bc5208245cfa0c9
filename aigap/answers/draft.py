"""A journalist's draft read as claims: sentences, figures with units, dates, quotations.

Pure text work, no fact base: ``aigap.verify`` ties what is found here to the
facts. The draft may be plain text or Markdown (fenced and inline code are
skipped, a link keeps its words and loses its URL), English, Korean or both.
Every span keeps its place, so a claim is reported on the line it is on.

Numbers are read with the fact base's own reader (``derive.parse_printed``:
"약 78억8000만원", "5.58 million"); number words are the few a style guide
spells out (one to twenty, "a tenth", 두 달), a table here rather than a
dependency.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from collections.abc import Iterator
from typing import Literal

import msgspec

from aigap.core.derive import parse_printed
from aigap.core.model import PartialDate

# A unit as a draft writes it, read into the base's units; "points" may be
# Elo points or percentage points, "times" is a multiple (10배, 10×).
DraftUnit = Literal[
    "percent", "pp", "points", "elo", "usd", "krw", "usd_per_hour", "months", "hours", "ratio"
]
Hedge = Literal["", "about", "nearly", "over", "under"]
Direction = Literal["", "up", "down"]


class Span(msgspec.Struct, frozen=True):
    start: int  # offsets in the sentence's text
    end: int


class Figure(msgspec.Struct, frozen=True):
    """A number with its unit: ``value`` (or ``high`` for a range) within ``tolerance``."""

    text: str  # as written in the draft, hedge included ("nearly 17%")
    span: Span
    value: float
    unit: DraftUnit
    tolerance: float  # half a unit in the last written place, scaled
    hedge: Hedge = ""
    high: float | None = None  # "6~9개월": 6 to 9
    direction: Direction = ""


class When(msgspec.Struct, frozen=True):
    """A date or period as written: any part may be unknown ("27일", "end of 2024")."""

    text: str
    span: Span
    year: int | None = None
    month: int | None = None
    day: int | None = None
    born: bool = False  # "1985년생", "born in 1985": a year of birth
    last_day: int | None = None  # a range of days: "1월 27~28일", "January 27-28"
    last_month: int | None = None  # a range of months: "2023년 5~6월", "5월~6월"
    # written as a date, but no calendar has it: "February 30", "2025년 13월 27일",
    # "Tuesday, January 27, 2025" (a Monday)
    impossible: bool = False
    weekday: int | None = None  # the day of the week written beside it (0 Monday … 6 Sunday)

    def fits(self, date: PartialDate | None) -> bool:
        """Whether a date (a fact's) is this one, as far as each says (no date: yes)."""
        if date is None:
            return True
        if self.year is not None and self.year != date.year:
            return False
        if (
            self.month is not None
            and date.month is not None
            and not self.month <= date.month <= (self.last_month or self.month)
        ):
            return False
        if self.day is None or date.day is None:
            return True
        return self.day <= date.day <= (self.last_day or self.day)


class Quoted(msgspec.Struct, frozen=True):
    """Words in quotation marks, or a reported statement (``direct`` False)."""

    text: str
    span: Span
    direct: bool = True
    # the rest of a quotation split by its attribution ("“A,” he wrote, “B.”"): ``text``
    # is the words joined, ``span`` the first part, where the speaker is looked for
    rest: tuple[Span, ...] = ()

    def spans(self) -> tuple[Span, ...]:
        return (self.span, *self.rest)


class Sentence(msgspec.Struct, frozen=True):
    """One sentence of the draft; ``lines`` maps each offset to its 1-based line."""

    text: str
    first_line: int
    breaks: tuple[int, ...]  # offsets where a new line of the draft starts
    paragraph: int

    def line_at(self, offset: int) -> int:
        return self.first_line + sum(1 for b in self.breaks if b <= offset)


# ---------------------------------------------------------------- the draft


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|\bhttps?://\S+")
_HTML_COMMENT = re.compile(r"<!--.*?-->")
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>\s?|\|)")


def plain_lines(text: str) -> list[str]:
    """The draft's lines with Markdown code, link URLs and comments blanked out.

    The line count never changes, so a claim keeps its line number; code
    blocks and URLs are not the draft's prose and hold no claims.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            out.append("")
            continue
        if opened:
            fence = opened.group(1)
            out.append("")
            continue
        if _LINK_DEF.match(line):
            out.append("")
            continue
        line = _INLINE_CODE.sub(lambda m: " " * len(m.group()), line)
        line = _HTML_COMMENT.sub(" ", line)
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(r"\1", line)
        line = _REF_LINK.sub(r"\1", line)
        line = _AUTOLINK.sub(" ", line)
        line = line.replace("**", "").replace("__", "")
        out.append(line)
    return out


# Abbreviations whose period ends no sentence ("U.S. chip stocks", "Jan. 20").
_ABBREVIATIONS = frozenset(
    [
        "u.s",
        "u.k",
        "e.u",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "approx",
        "est",
    ]
)
_SENTENCE_END = re.compile(r"([.!?…]+|다\.|요\.)([\"'”’)\]]*)(\s+)")


def sentences(text: str) -> list[Sentence]:
    """The draft's sentences, each with the line numbers its characters are on."""
    found: list[Sentence] = []
    paragraph: list[tuple[int, str]] = []
    number = 0

    def flush() -> None:
        nonlocal number
        if paragraph:
            found.extend(_split(paragraph, number))
            number += 1
            paragraph.clear()

    for i, line in enumerate(plain_lines(text), start=1):
        if not line.strip():
            flush()
            continue
        if _BLOCK_START.match(line):  # a heading, list item or quote block stands alone
            flush()
            paragraph.append((i, line.strip()))
            flush()
            continue
        paragraph.append((i, line.strip()))
    flush()
    return found


def _split(lines: list[tuple[int, str]], paragraph: int) -> Iterator[Sentence]:
    text = ""
    offsets: list[int] = []  # where each line starts in ``text`` (ascending)
    numbers: list[int] = []  # and its line number
    for line_no, line in lines:
        if text:
            text += " "
        offsets.append(len(text))
        numbers.append(line_no)
        text += line
    begin = 0
    line_starts = set(offsets)
    for match in _SENTENCE_END.finditer(text):
        if match.group(1) == "." and _abbreviation(text, match.start()):
            continue
        following = text[match.end() : match.end() + 1]
        line_end = match.end() in line_starts
        if (
            following.islower()
            and following.isascii()
            and not _MODEL_NAME.match(text, match.end(), match.end() + 8)  # "o1 scored 79.2%"
            and not (line_end and match.group(1) == "." and not match.group(2))
        ):
            continue  # '"... a new competitor!" he added.': the sentence goes on
        end = match.end(2)
        if match.group(2) and match.group(1) in ("!", "?") and _ATTRIBUTION.match(text, end):
            continue  # '"… a new competitor!" Altman wrote.': the attribution goes with it
        if _open_quote(text, begin, end):
            continue  # “… 격차가 있었고 … 지금은 …”: a quotation's own pause ends nothing
        yield from _sentence(text, begin, end, offsets, numbers, paragraph)
        begin = match.end()
    if text[begin:].strip():
        yield from _sentence(text, begin, len(text), offsets, numbers, paragraph)


# a model's name in lower case starting the next sentence ("o1 scored 79.2%")
_MODEL_NAME = re.compile(r"[a-z]+\d")
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:said|says|wrote|writes|added|adds|posted|told|asked"
    r"|tweeted|replied|insisted)\b[^.!?\"“”]{0,40}\."  # and no more: "Altman wrote on X."
)


def _open_quote(text: str, begin: int, end: int) -> bool:
    """Whether a quotation opened in this sentence is still open at ``end`` (in a
    sentence already longer than any, an unclosed mark is a typo, not a quotation)."""
    part = text[begin:end]
    if len(part) > MAX_SENTENCE:
        return False
    return (
        part.count("“") > part.count("”")
        or part.count("「") > part.count("」")
        or part.count('"') % 2 == 1
    )


# a date written with dots, Korean style ("2025. 1. 20."): none of its dots ends a sentence
_DOTTED_YEAR = re.compile(r"(?<!\d)\d{4}$")
_DOTTED_MONTH = re.compile(r"(?<!\d)\d{4}\.\s*\d{1,2}$")
_DOTTED_DAY = re.compile(r"(?<!\d)\d{4}\.\s*\d{1,2}\.\s*\d{1,2}$")
_DOTTED_NEXT = re.compile(r"\s*\d{1,2}\.")


def _abbreviation(text: str, dot: int) -> bool:
    before = text[max(0, dot - 40) : dot]  # a word or a date: never longer (a long draft
    # must not be re-read from its start at every full stop)
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
    if word is None:
        if _DOTTED_DAY.search(before) or (
            (_DOTTED_YEAR.search(before) or _DOTTED_MONTH.search(before))
            and _DOTTED_NEXT.match(text, dot + 1)
        ):
            return True
        return text[dot - 1 : dot].isdigit() and text[dot + 1 : dot + 2].isdigit()
    token = word.group(1).lower().rstrip(".")
    if before[: word.start()][-1:].isdigit():
        return False  # an ordinal ("on April 31st."), not "St."
    if token in _ABBREVIATIONS:
        return True
    # an initial ("Donald J. Trump"), not a one-letter word ending a sentence ("on X.")
    after = text[dot + 1 : dot + 3]
    standalone = dot < 2 or text[dot - 2] in ' \t("“'  # "J.", not the s of "Meta's."
    return len(token) == 1 and standalone and after[:1] == " " and after[1:].isupper()


# Longer than any sentence a person writes: text without sentence ends (a pasted
# table, a list without full stops) is read in pieces of this size, cut between words,
# so a hostile draft costs time in proportion to its length, not its square.
MAX_SENTENCE = 600


def _sentence(
    text: str, begin: int, end: int, offsets: list[int], numbers: list[int], paragraph: int
) -> Iterator[Sentence]:
    """``text[begin:end]`` with its first line and line breaks (``offsets``: the lines'
    starts, ``numbers`` their line numbers); longer than ``MAX_SENTENCE``, in pieces."""
    while True:
        cut = end
        if end - begin > MAX_SENTENCE:
            cut = max(text.rfind(c, begin, begin + MAX_SENTENCE) for c in (", ", "; ", " "))
            cut = cut + 1 if cut > begin else begin + MAX_SENTENCE
        after = bisect.bisect_right(offsets, begin)  # the lines after the one begin is on
        inside = offsets[after : bisect.bisect_left(offsets, cut)]
        yield Sentence(
            text[begin:cut], numbers[after - 1], tuple(o - begin for o in inside), paragraph
        )
        if cut == end:
            return
        begin = cut


# ---------------------------------------------------------------- numbers

_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
    # Korean native numbers count months and multiples: 두 달, 세 배
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}


@functools.cache
def _figure_pattern() -> re.Pattern[str]:
    """Compiled on first use: only ``verify`` reads drafts."""
    words = "|".join(sorted((w for w in _WORD_NUMBERS if w.isascii()), key=len, reverse=True))
    native = "|".join(w for w in _WORD_NUMBERS if not w.isascii())
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    korean = rf"(?:(?:{num})\s*조\s*)?(?:(?:{num})\s*억\s*)?(?:(?:{num})\s*만\s*)?(?:{num})?"
    scale = r"(?:trillion|billion|million|thousand|tn|bn|mn|[mbk])\b"
    return re.compile(
        rf"""
        (?<![\w.,])
        (?P<hedge_before>(?:about|around|roughly|approximately|some|nearly|almost|close\s+to|
            just\s+(?:under|over|below|above)|more\s+than|over|above|at\s+least|less\s+than|
            under|below|up\s+to|약|거의|무려|최대|불과)\s*)?
        (?:
          (?P<fraction>(?:(?:one|a)[\s-]+)(?P<frac>half|third|quarter|fifth|tenth)
            |(?P<den>\d+|십)\s*분의\s*(?P<numr>\d+|일))
        | (?P<money_pre>US\$|\$|USD\s?|₩|KRW\s?)\s*(?P<mnum>{num})(?:-(?={scale})|\s*)
          (?P<mscale>{scale})?
        | (?P<kmoney>(?=\d)(?:{korean}))\s*(?P<kcur>달러|원|불)
        | (?P<range>(?P<lo>{num})\s*(?:~|-|–)\s*|(?P<lo2>{words}|{native})\s*(?:~|-|–|to)\s*)?
          (?P<num>{num}|{words}|{native})(?=[\s%a-zA-Z가-힣×xX]|-[a-zA-Z]|$)
          (?:-(?=[a-zA-Z]))?\s*  # "a 17.5-point lead", "a three-month rental"
          (?P<nscale>{scale}|조|억|만)?\s*
          (?P<unit>%\s*p\b|%p|%\s*포인트|퍼센트\s*포인트|percentage[\s-]+points?|pp\b|
             %|percent\b|per\s+cent\b|퍼센트|프로\b|
             Elo(?:\s+points?)?|포인트|points?\b|pts?\b|점(?!수|유|포|검|심|진|차|프)|
             dollars?\b|USD\b|달러|won\b|KRW\b|원|
             months?\b|개월|달(?:간|동안)?|hours?\b|시간(?!당)|
             times\b|배|×|x\b)
        )
        (?P<hedge_after>\s*(?:가까이|가량|정도|남짓|안팎|이상|넘게|미만|이하|여(?=\s)))?
        """,
        re.VERBOSE | re.IGNORECASE,
    )


_PER_HOUR_AFTER = re.compile(r"\s*(?:per|an|a|/)\s*(?:GPU[\s-]*)?(?:hour|hr|h)\b", re.I)
_PER_HOUR_BEFORE = re.compile(r"(?:시간당|per\s+hour)\s*$", re.I)
_DOWN = re.compile(
    r"\b(?:fell|fall|falls|falling|drop(?:ped|s)?|plunge[ds]?|plummet(?:ed)?|slid|slump(?:ed)?|"
    r"sank|sink|tumbl(?:ed|e)|declin(?:ed|e)|lost|lose|shed|down|crash(?:ed)?|dove|dived|"
    r"tank(?:ed|s)?|sag(?:ged|s)?|skid(?:ded|s)?|dip(?:ped|s)?|retreat(?:ed|s)?|lower)\b|"
    r"하락|폭락|급락|떨어|내렸|내린|빠졌|추락|감소|줄어|증발|밀렸|밀린|약세|미끄러",
    re.I,
)
_UP = re.compile(
    r"\b(?:rose|rise|rises|gain(?:ed|s)?|jump(?:ed|s)?|climb(?:ed|s)?|soar(?:ed|s)?|up|"
    r"rall(?:ied|y)|surg(?:ed|e))\b|상승|급등|올랐|오른|뛰었|치솟",
    re.I,
)
_HEDGES: dict[str, Hedge] = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "약": "about",
    "가량": "about",
    "정도": "about",
    "안팎": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just below": "nearly",
    "거의": "nearly",
    "가까이": "nearly",
    "more than": "over",
    "over": "over",
    "above": "over",
    "at least": "over",
    "just over": "over",
    "just above": "over",
    "이상": "over",
    "넘게": "over",
    "남짓": "over",
    "여": "over",
    "무려": "",
    "불과": "",
    "less than": "under",
    "under": "under",
    "below": "under",
    "up to": "under",
    "최대": "under",
    "미만": "under",
    "이하": "under",
}


def unit_of(word: str) -> DraftUnit:
    """The unit a written unit word names (the figure pattern only lets known words through)."""
    w = re.sub(r"[\s-]+", "", word.casefold())  # "percentage-point", "per cent"
    if w in ("%p", "%포인트", "퍼센트포인트", "pp") or w.startswith("percentagepoint"):
        return "pp"
    if w in ("%", "퍼센트", "프로") or w.startswith("percent") or w == "percent":
        return "percent"
    if w.startswith("per") and "cent" in w:
        return "percent"
    if w.startswith("elo"):
        return "elo"
    if w in ("포인트", "점") or w.startswith("point") or w.startswith("pt"):
        return "points"
    if w.startswith("dollar") or w in ("usd", "달러", "불"):
        return "usd"
    if w in ("won", "krw", "원"):
        return "krw"
    if w.startswith("month") or w.startswith("개월") or w.startswith("달"):
        return "months"
    if w.startswith("hour") or w == "시간":
        return "hours"
    return "ratio"  # times, 배, ×, x


_SCALE_WORDS = {"tn": "trillion", "bn": "billion", "b": "billion", "mn": "million", "m": "million"}
_SCALE_WORDS.update({"k": "thousand"})
_SIGNS = "-−–"


def _number(text: str, scale: str | None) -> tuple[float, float] | None:
    """(value, tolerance) of "5.58" + "million", "850" + "조", "two"; None if unreadable."""
    word = text.casefold()
    if word in _WORD_NUMBERS:
        value = float(_WORD_NUMBERS[word])
        factor = _SCALES.get((scale or "").casefold(), 1.0)
        return value * factor, 0.5 * factor
    written = text
    if scale:
        written += " " + _SCALE_WORDS.get(scale.casefold(), scale)
    printed = parse_printed(written)
    if printed is None:
        return None
    return printed.value, printed.tolerance


def figures(text: str) -> list[Figure]:
    """Every figure with a unit in a sentence, in order; a bare number that continues
    one ("from 31.6 points to 3.7", "1,385 points, OpenAI 1,366") takes its unit."""
    found: list[Figure] = []
    for m in _figure_pattern().finditer(text):
        figure = _figure(text, m)
        if figure is not None:
            found.append(figure)
    found = _ranges(text, found)
    shares = [f for f in found if f.unit in ("percent", "pp", "points", "elo")]
    if not shares:
        return found
    for m in _BARE.finditer(text):
        if any(f.span.start < m.end() and m.start() < f.span.end for f in found):
            continue
        if not _LINKED.search(text[max(0, m.start() - 30) : m.start()]) and not _LINKED_KO.match(
            text, m.end()
        ):
            continue
        value = float(m.group().replace(",", ""))
        if m.group().isdigit() and 1900 <= value <= 2100:
            continue  # a year
        like = min(shares, key=lambda f: abs(f.span.start - m.start()))
        printed = parse_printed(m.group())
        if printed is None:
            continue
        found.append(
            Figure(m.group(), Span(m.start(), m.end()), value, like.unit, printed.tolerance)
        )
    found.sort(key=lambda f: f.span.start)
    return found


# Two figures that are one range: "between 17% and 18%", "17%~18%", "17%에서 18% 사이"
_RANGE_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_RANGE_AND = re.compile(r"\s*(?:and)\s*$", re.IGNORECASE)
_RANGE_MARK = re.compile(r"\s*[~∼〜–-]\s*$")
_RANGE_KO = re.compile(r"\s*(?:에서|~)\s*$")
_RANGE_KO_AFTER = re.compile(r"\s*사이")


def _ranges(text: str, found: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    i = 0
    while i < len(found):
        low = found[i]
        high = found[i + 1] if i + 1 < len(found) else None
        if high is not None and low.unit == high.unit and low.value < high.value:
            between = text[low.span.end : high.span.start]
            joined = (
                (_RANGE_BEFORE.search(text[: low.span.start]) and _RANGE_AND.match(between))
                or _RANGE_MARK.match(between)
                or (_RANGE_KO.match(between) and _RANGE_KO_AFTER.match(text, high.span.end))
            )
            if joined and low.high is None and high.high is None:
                start = low.span.start
                before = _RANGE_BEFORE.search(text[:start])
                if before is not None:
                    start = before.start()
                out.append(
                    msgspec.structs.replace(
                        low,
                        text=text[start : high.span.end],
                        span=Span(start, high.span.end),
                        high=high.value,
                        tolerance=max(low.tolerance, high.tolerance),
                        hedge="",
                    )
                )
                i += 2
                continue
        out.append(low)
        i += 1
    return out


# A number without a unit, with a decimal point or three digits or more
_BARE = re.compile(
    r"(?<![\w.,$₩-])(?:\d+\.\d+|\d{1,3}(?:,\d{3})+|\d{3,})"
    r"(?=\s*(?:[,.;:)]|$|(?:and|to|in|at|by|on|a|the|was|is)\b|(?:에서|으로|로|까지|대)(?![가-힣])))"
    r"(?![.,]\d)"
)
# ...that a comparison or a list ties to a figure with a unit
_LINKED = re.compile(
    r"(?:\bfrom|\bto|\bvs\.?|\bversus|\bagainst|\bwith|\band|\babove|\bbelow|\bthan|,)"
    r"\s*(?:[A-Z][\w.'’-]*\s+){0,2}$"
)
_LINKED_KO = re.compile(r"(?:에서|으로|로|까지|대)(?![가-힣])")


def _figure(text: str, m: re.Match[str]) -> Figure | None:
    unit: DraftUnit
    high: float | None = None
    if m.group("fraction"):
        if m.group("frac"):
            value, tolerance = _FRACTIONS[m.group("frac").casefold()], 0.0
        else:
            den = 10 if m.group("den") == "십" else int(m.group("den"))
            numr = 1 if m.group("numr") == "일" else int(m.group("numr"))
            if den == 0:
                return None
            value, tolerance = numr / den, 0.0
        unit = "ratio"
    elif m.group("money_pre"):
        read = _number(m.group("mnum"), m.group("mscale"))
        if read is None:
            return None
        value, tolerance = read
        unit = "krw" if m.group("money_pre").strip() in ("₩", "KRW") else "usd"
    elif m.group("kmoney"):
        printed = parse_printed(m.group("kmoney"))
        if printed is None:
            return None
        value, tolerance = printed.value, printed.tolerance
        unit = "krw" if m.group("kcur") == "원" else "usd"
    else:
        read = _number(m.group("num"), m.group("nscale"))
        if read is None:
            return None
        value, tolerance = read
        unit = unit_of(m.group("unit"))
        if m.group("range"):
            low = _number(m.group("lo") or m.group("lo2"), m.group("nscale"))
            if low is None or low[0] >= value:
                return None
            value, high = low[0], value
        if unit == "ratio" and m.group("unit").casefold() == "x" and " " in m.group(0).strip():
            return None  # "3 x 4" is arithmetic, not a multiple
    if unit in ("usd", "krw") and (
        _PER_HOUR_AFTER.match(text, m.end()) or _PER_HOUR_BEFORE.search(text[: m.start()])
    ):
        unit = "usd_per_hour"
    hedge = _hedge(m.group("hedge_before")) or _hedge(m.group("hedge_after"))
    direction = _direction(text, m.start(), m.end())
    return Figure(
        m.group(0).strip(),
        Span(m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), m.end()),
        value,
        unit,
        tolerance,
        hedge,
        high,
        direction,
    )


def _hedge(words: str | None) -> Hedge:
    if not words:
        return ""
    return _HEDGES.get(" ".join(words.split()).casefold(), "")


def _direction(text: str, start: int, end: int) -> Direction:
    """Up or down, as the words nearest the figure say ("fell 16.9%", "16.9% 폭락")."""
    if start and text[start - 1] in _SIGNS:
        return "down"
    if start > 1 and text[start - 1] == " " and text[start - 2] in _SIGNS:
        return "down"
    before = text[max(0, start - 40) : start]
    after = text[end : end + 25]
    best: tuple[int, Direction] | None = None
    for pattern, way in ((_DOWN, "down"), (_UP, "up")):
        for hit in pattern.finditer(before):
            distance = len(before) - hit.end()
            if best is None or distance < best[0]:
                best = (distance, way)  # type: ignore[assignment]
        later = pattern.search(after)
        if later is not None and (best is None or later.start() < best[0]):
            best = (later.start(), way)  # type: ignore[assignment]
    return best[1] if best else ""


# ---------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    month = "|".join(sorted(_MONTHS, key=len, reverse=True))
    part = r"(?:the\s+)?(?:end|close|start|beginning|middle|first\s+half|second\s+half)\s+of\s+"
    # a range of days ends it: "1월 27~28일", "27일~28일", "January 26 to 28" (not "27 - 3.1%")
    to_kde, to_kd2e, to_kd3e = (
        rf"(?:(?:일\s*)?[~∼〜\-–]\s*(?P<{name}>\d{{1,2}})\s*)?" for name in ("kde", "kd2e", "kd3e")
    )
    to_kme, to_km2e = (
        rf"(?:(?:월\s*)?[~∼〜\-–]\s*(?P<{name}>\d{{1,2}})\s*)?" for name in ("kme", "km2e")
    )
    to_ede = r"(?:\s*(?:-|–|to)\s*(?P<ede>\d{1,2})(?:st|nd|rd|th)?\b(?![.,]\d|\s*%))?"
    return re.compile(
        rf"""
          (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})(?:-(?P<id>\d{{2}}))?)\b
        | (?P<slash>(?P<sy>\d{{4}})/(?P<sm>\d{{1,2}})/(?P<sd>\d{{1,2}}))(?![\d/])
        | (?P<kymd>(?P<ky>\d{{4}})\s*년\s*(?P<km>\d{{1,2}})\s*{to_kme}
            월(?:\s*(?P<kd>\d{{1,2}})\s*{to_kde}일)?)
        | (?P<dots>(?P<dy>\d{{4}})\.\s*(?P<dm>\d{{1,2}})\.\s*(?P<dd>\d{{1,2}})\.?)
        | (?P<kmd>(?:지난\s*)?(?P<km2>\d{{1,2}})\s*{to_km2e}
            월(?:\s*(?P<kd2>\d{{1,2}})\s*{to_kd2e}일)?)
        | (?P<kborn>(?P<by>\d{{4}})\s*년(?:생|에\s*태어|\s*태어))
        | (?P<kyear>(?P<ky2>\d{{4}})\s*년)
        | (?P<kday>(?:지난\s*)?(?P<kd3>\d{{1,2}})\s*{to_kd3e}일)(?![가-힣]*간)
        | (?P<emd>(?:{part})?(?P<em>{month})\.?\s+(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?\b
            {to_ede}
            (?:,?\s+(?P<ey>\d{{4}}))?)
        | (?P<edm>(?P<ed2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<em2>{month})\b
            (?:,?\s+(?P<ey2>\d{{4}}))?)
        | (?P<emy>(?:{part}|(?:late|early|mid)[\s-]+)?
            (?P<em3>{month})\.?(?:\s+of)?\s+(?P<ey3>\d{{4}}))
        | (?P<eborn>born\s+(?:in\s+)?(?P<by2>\d{{4}}))
        | (?P<ey4>(?:{part}|(?:late|early|mid)[\s-]+)(?P<ey5>\d{{4}}))
        | (?<![\d.,$])(?P<year>(?:19[5-9]\d|20[0-4]\d))(?![\d%]|[.,]\d|\s*(?:%|percent|년|달러|원))
        | (?P<emonly>\b(?:in|since|by|until|early|late|mid)[\s-]+(?P<em5>{month})\b(?!\s+\d))
        """,
        re.VERBOSE | re.IGNORECASE,
    )


# every date has a digit, but "in January"
_DIGIT = re.compile(
    r"\d|\b(?:in|since|by|until|early|late|mid)[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


def dates(text: str) -> list[When]:
    """Every date or period written in a sentence, in order."""
    found: list[When] = []
    if not _DIGIT.search(text):
        return found  # most prose sentences stop here
    for m in _date_pattern().finditer(text):
        when = _when(m)
        if when is not None:
            found.append(when)
    return found


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _month(value: str | None) -> int | None:
    return _MONTHS.get(value.casefold().rstrip(".")) if value else None


def _when(m: re.Match[str]) -> When | None:
    g = m.group
    span = Span(m.start(), m.end())
    text = g(0)
    if g("iso"):
        when = When(text, span, _int(g("iy")), _int(g("im")), _int(g("id")))
    elif g("slash"):  # 2025/01/20
        when = When(text, span, _int(g("sy")), _int(g("sm")), _int(g("sd")))
    elif g("kymd"):
        when = When(text, span, _int(g("ky")), _int(g("km")), _int(g("kd")))
    elif g("dots"):
        when = When(text, span, _int(g("dy")), _int(g("dm")), _int(g("dd")))
    elif g("kmd"):
        when = When(text, span, None, _int(g("km2")), _int(g("kd2")))
    elif g("kborn") or g("eborn"):
        when = When(text, span, _int(g("by") or g("by2")), born=True)
    elif g("kyear"):
        when = When(text, span, _int(g("ky2")))
    elif g("kday"):
        when = When(text, span, None, None, _int(g("kd3")))
    elif g("emd"):
        when = When(text, span, _int(g("ey")), _month(g("em")), _int(g("ed")))
    elif g("edm"):
        when = When(text, span, _int(g("ey2")), _month(g("em2")), _int(g("ed2")))
    elif g("emy"):
        when = When(text, span, _int(g("ey3")), _month(g("em3")))
    elif g("ey4"):
        when = When(text, span, _int(g("ey5")))
    elif g("emonly"):
        when = When(text, span, None, _month(g("em5")))
    else:
        when = When(text, span, _int(g("year")))
    last = next((_int(g(n)) for n in ("kde", "kd2e", "kd3e", "ede") if g(n)), None)
    if last is not None and when.day is not None and when.day < last <= 31:
        when = msgspec.structs.replace(when, last_day=last)
    last = next((_int(g(n)) for n in ("kme", "km2e") if g(n)), None)
    if last is not None and when.month is not None and when.day is None and when.month < last <= 12:
        when = msgspec.structs.replace(when, last_month=last)
    if exists(when.year, when.month, when.last_day or when.day):
        return _with_weekday(when, m.string)
    if _written_as_date(m):
        return msgspec.structs.replace(when, impossible=True)
    return None  # "2024-25" (a season), "13월의 월급", "In January 32 firms": not dates


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_KO_WEEKDAYS = "월화수목금토일"
_DAY_NAME = r"(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_WEEKDAY_BEFORE = re.compile(rf"\b{_DAY_NAME}\s*,?\s*(?:the\s+)?$", re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(
    rf"\s*(?:[,(—–-]\s*)?(?:a\s+)?{_DAY_NAME}\b"
    rf"|\s*\(\s*([{_KO_WEEKDAYS}])(?:요일)?\s*\)|\s*([{_KO_WEEKDAYS}])요일",
    re.IGNORECASE,
)


def _with_weekday(when: When, text: str) -> When:
    """A full date with the day of the week written beside it ("Monday, January 27, 2025",
    "2025년 1월 27일(월)"): impossible when the calendar puts that date on another day."""
    if when.year is None or when.month is None or when.day is None or when.last_day:
        return when
    before = _WEEKDAY_BEFORE.search(text[max(0, when.span.start - 16) : when.span.start])
    after = _WEEKDAY_AFTER.match(text, when.span.end)
    written = (before.group(1) if before else None) or (
        next((g for g in after.groups() if g), None) if after else None
    )
    if written is None:
        return when
    if written in _KO_WEEKDAYS:
        stated = _KO_WEEKDAYS.index(written)
    else:
        stated = next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(written.lower()))
    if calendar.weekday(when.year, when.month, when.day) == stated:
        return when
    return msgspec.structs.replace(when, impossible=True, weekday=stated)


def month_days(year: int | None, month: int) -> int:
    """How many days the month has (February: 29 when the year is not known)."""
    return calendar.monthrange(year if year is not None else 2024, month)[1]


def exists(year: int | None, month: int | None, day: int | None) -> bool:
    """Whether a calendar has this day: no month 13, no February 30, no 29 February 2025."""
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= (month_days(year, month) if month is not None else 31)


# After "February 30" without a year: words that end or continue a date, not a count
# ("In April 31 companies" counts companies; "on April 31 in Beijing" is a date)
_AFTER_DAY = re.compile(
    r"\s*(?:$|[,.;:!?)\]—–-]|(?:in|at|on|when|and|to|after|before|as|the|at|by|that|local)\b)",
    re.IGNORECASE,
)


def _written_as_date(m: re.Match[str]) -> bool:
    """Whether out-of-range parts were still written as a date, so the date is impossible
    rather than not a date: a day with its month ("2월 30일", "30 February", "2025-02-30"),
    or a month with its year ("2025년 13월"). A Korean day alone ("32일 만에") is a count
    of days, an ISO year-month ("2024-25") a season, "13월" alone the idiom 13월의 월급."""
    g = m.group
    if g("iso"):
        return g("id") is not None
    if g("kymd") or g("dots") or g("slash"):
        return True
    if g("kmd"):
        return g("kd2") is not None
    if g("edm"):
        return True
    if g("emd"):
        written = g("emd")
        ordinal = re.search(r"\d(?:st|nd|rd|th)\b", written, re.IGNORECASE) is not None
        return bool(g("ey")) or ordinal or _AFTER_DAY.match(m.string, m.end()) is not None
    return False


# ---------------------------------------------------------------- quotations

_QUOTES = re.compile(
    r"“([^“”]{2,400})”|\"([^\"\n]{2,400})\"|‘([^‘’]{2,400})’|「([^「」]{2,400})」"
    # British style 'words': opened after no letter, an apostrophe inside a word (it's)
    # is not its end, closed before no letter
    r"|(?<![\w'’])'((?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z])){2,400}?)'(?![A-Za-z])"
)
_KOREAN_SPEECH_AFTER = re.compile(r"^\s*(?:이?라고|이?라며|고|며|면서|이?라는|이란|란)(?![가-힣])")


def quotations(text: str) -> list[Quoted]:
    """Words in quotation marks that are long enough to be someone's words."""
    found: list[Quoted] = []
    for m in _QUOTES.finditer(text):
        words = next(g for g in m.groups() if g is not None)
        inner = m.start() + 1
        if len(words.split()) < 2 and len(words) < 5:
            continue  # a name in quotation marks (‘딥시크’), not a statement
        found.append(Quoted(words.strip(), Span(inner, inner + len(words))))
    return _joined(text, found)


# “Deepseek R1 is,” Marc Andreessen wrote, “AI’s Sputnik moment.”: one quotation
_SPLIT_BY = re.compile(
    r"[”\"’']?\s*,?\s*[^“”\"‘’.!?]{1,60}?\b(?:said|says|wrote|writes|added|adds|posted|continued"
    r"|told\s+[\w-]+|argued|explained|warned)\b[^“”\"‘’.!?]{0,25}?[,:]?\s*[“\"‘']?$",
    re.IGNORECASE,
)


def _joined(text: str, found: list[Quoted]) -> list[Quoted]:
    out: list[Quoted] = []
    for quoted in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.text.rstrip().endswith(",")
            and _SPLIT_BY.match(text[last.spans()[-1].end : quoted.span.start])
        ):
            out[-1] = msgspec.structs.replace(
                last,
                text=f"{last.text.rstrip(' ,')} {quoted.text}",
                rest=(*last.rest, quoted.span),
            )
            continue
        out.append(quoted)
    return out


def korean_speech_after(text: str, end: int) -> bool:
    """Whether Korean attribution follows a closing quotation mark (“…”라고 말했다)."""
    return _KOREAN_SPEECH_AFTER.match(text, end + 1) is not None
