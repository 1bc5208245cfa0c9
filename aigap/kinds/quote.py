"""Quotes: attributed statements, in Korean and English."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar, Literal

from aigap.core.labels import label
from aigap.core.model import Benchmark, Fact, Lang, PartialDate, Text
from aigap.kinds.base import DataPath, Indexed, Kind


class Quote(Fact, frozen=True, kw_only=True):
    """``speaker`` (``role``) ``said`` this, on ``date`` through ``channel`` when known."""

    speaker: Text
    said: Text
    role: Text | None = None
    date: PartialDate | None = None
    channel: Text | None = None
    # direct: the article prints the words in quotation marks; reported: it paraphrases
    speech: Literal["direct", "reported"] = "direct"
    # rendering: said.en is aigap's English of the Korean article, not the speaker's words
    said_en_is: Literal["rendering", "original"] = "rendering"

    kind: ClassVar[str] = "quote"


def said_text(fact: Quote, lang: Lang, text: str | None = None) -> str:
    """The words in quotation marks if direct speech, else marked as reported, no marks."""
    text = fact.said.get(lang) if text is None else text
    if fact.speech == "reported":
        return label("quote.reported", lang, said=text)
    return f"“{text}”"


def rendering_note(fact: Quote, lang: Lang) -> str | None:
    """Say so when the English is aigap's rendering of the Korean article."""
    return label("quote.rendering", lang) if fact.said_en_is == "rendering" else None


def summary(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    text = f"{fact.speaker.get(lang)}: {said_text(fact, lang)}"
    note = rendering_note(fact, lang) if lang == "en" else None
    return f"{text} ({note})" if note else text


def answer(fact: Quote, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    """Who said it and the statement (reported speech without quotation marks), marked
    when rendered: the line keeps its attribution when copied alone."""
    note = rendering_note(fact, lang) if lang == "en" else None
    text = f"{fact.speaker.get(lang)}: {said_text(fact, lang)}"
    return f"{text} ({note})" if note else text


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
    search={"speaker": 5, "said": 2, "role": 2, "channel": 2},
    answer=answer,
    who=speaker,
    index=spoken,
    said=True,
)
