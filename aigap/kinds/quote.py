"""Quotes: attributed statements, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Literal

import msgspec

from aigap.core.labels import label
from aigap.core.model import Benchmark, Fact, Id, Lang, PartialDate, Text
from aigap.kinds.base import DataPath, Indexed, Kind


class Original(msgspec.Struct, frozen=True, kw_only=True):
    """The speaker's own words, verbatim, where the article translated them.

    ``source`` is the source that prints these words (with its URL);
    ``language`` the language they were said in.
    """

    text: str
    language: str = "en"
    source: Id
    locator: str | None = None
    note: Text | None = None


class Quote(Fact, frozen=True, kw_only=True):
    """``speaker`` (``role``) ``said`` this, on ``date`` through ``channel`` when known.

    ``said`` is the article's quotation (``ko``, verbatim) and aigap's English
    of it (``en``). Neither is the speaker's words when the speaker spoke
    another language than the article: ``original`` holds those, with their
    own source; ``spoken_in`` says the speaker's language where known.
    """

    speaker: Text
    said: Text
    role: Text | None = None
    date: PartialDate | None = None
    channel: Text | None = None
    # direct: the article prints the words in quotation marks; reported: it paraphrases
    speech: Literal["direct", "reported"] = "direct"
    # rendering: said.en is aigap's English of the Korean article, not the speaker's words
    said_en_is: Literal["rendering", "original"] = "rendering"
    spoken_in: str | None = None
    original: Original | None = None

    kind: ClassVar[str] = "quote"


def own_words(fact: Quote) -> str | None:
    """The speaker's own words, verbatim, when aigap has them."""
    if fact.original is not None:
        return fact.original.text
    if fact.said_en_is == "original" and fact.said.en:
        return fact.said.en
    if fact.spoken_in is not None and fact.spoken_in == "ko" and fact.said.ko:
        return fact.said.ko
    return None


def translation_text(fact: Quote, lang: Lang) -> str:
    """The article's translation (Korean) or aigap's rendering (English), marked
    as such and never in quotation marks: they are not the speaker's words."""
    if lang == "ko" and fact.said.ko:
        return label("quote.article_words", "ko", said=fact.said.ko)
    if fact.said.en:
        return label("quote.rendering_words", lang, said=fact.said.en)
    return label("quote.article_words", lang, said=fact.said.get(lang))


def said_text(fact: Quote, lang: Lang) -> str:
    """One line: the speaker's own words in quotation marks where aigap has them;
    reported speech marked as such; else the translation, marked, no quotation marks."""
    if fact.speech == "reported":
        return label("quote.reported", lang, said=fact.said.get(lang))
    own = own_words(fact)
    return f"“{own}”" if own else translation_text(fact, lang)


def said_lines(fact: Quote, lang: Lang) -> list[str]:
    """The quote in full: the speaker's words first, then the article's Korean
    (and, in English, aigap's rendering), each marked for what it is."""
    if fact.speech == "reported":
        lines = [said_text(fact, lang)]
        if lang == "en" and fact.said.ko:
            lines.append(label("quote.article_words", lang, said=fact.said.ko))
        return lines
    lines = []
    own = own_words(fact)
    if own:
        lines.append(f"“{own}”")
    if fact.said.ko and own != fact.said.ko:
        lines.append(label("quote.article_words", lang, said=fact.said.ko))
    if lang == "en" and not own and fact.said.en:
        lines.append(label("quote.rendering_words", lang, said=fact.said.en))
    return lines


def rendering_note(fact: Quote, lang: Lang) -> str | None:
    """Say so when no words of the speaker's own are recorded, only a translation."""
    return label("quote.rendering", lang) if own_words(fact) is None else None


def summary(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return f"{fact.speaker.get(lang)}: {said_text(fact, lang)}"


def answer(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    """Who said it and the statement (the speaker's words in quotation marks, or a
    marked translation): the line keeps its attribution when copied alone."""
    return f"{fact.speaker.get(lang)}: {said_text(fact, lang)}"


def speaker(fact: Quote, lang: Lang) -> str | None:
    role = f" ({fact.role.get(lang)})" if fact.role else ""
    return fact.speaker.get(lang) + role


JOINER = " … "  # how a quote joins two verbatim parts


def verbatim(fact: Quote) -> Iterator[tuple[DataPath, str, str]]:
    """Each part of the Korean quote must be in the article word for word."""
    for part in (fact.said.ko or "").split(JOINER):
        if part.strip():
            yield ("said", "ko"), "quote", part


def spoken(raw: Mapping[str, object]) -> Indexed:
    """Filed under its date and its speaker's names (both languages, as given)."""
    date, speaker = raw.get("date"), raw.get("speaker")
    names = [speaker.get(lang) for lang in ("en", "ko")] if isinstance(speaker, dict) else []
    return Indexed(date, date, speakers=tuple(str(n) for n in names if n))  # as Text.all()


KIND = Kind(
    name="quote",
    section="quotes",
    record=Quote,
    summary=summary,
    verbatim=verbatim,
    search={"speaker": 5, "said": 2, "original": 2, "role": 2, "channel": 2},
    # what people ask of someone's words: said, reaction, 반응, 평가
    words=(
        "said",
        "says",
        "remarks",
        "comment",
        "comments",
        "reaction",
        "react",
        "reacted",
        "view",
        "told",
        "wrote",
        "called",
        "response",
        "responded",
        "statement",
        "message",
        "words",
        "praised",
        "warned",
        "말",
        "언급",
        "반응",
        "평가",
        "발언",
        "입장",
        "한말",
        "논평",
        "말했",
        "밝혔",
        "경고",
        "칭찬",
    ),
    answer=answer,
    who=speaker,
    index=spoken,
    said=True,
)
