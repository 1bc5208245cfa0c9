"""A brief as Markdown a journalist can paste: key figures, quotes, footnote citations.

Every piece of data goes through ``render.markdown_text`` (HTML and Markdown in
the data are shown as text); every word around it comes from the catalogue. A
quote is in quotation marks only where aigap has the speaker's own words (an
English original); the article's words or aigap's rendering of them are given
without quotation marks, and say so.
"""

from __future__ import annotations

from aigap import kinds
from aigap.answers.brief import Brief
from aigap.core.labels import label
from aigap.core.model import Fact, Lang, Text
from aigap.core.numbers import date_short
from aigap.kinds.quote import Quote, own_words
from aigap.output import citation
from aigap.output.render import markdown_text

FIGURES = ("gap", "score", "market", "cost")  # kinds whose headline is a number


def brief_markdown(found: Brief, lang: Lang) -> str:
    notes: dict[str, int] = {}  # source id -> footnote number, in order of first use

    def cite(fact: Fact) -> str:
        # a quote's own words are cited from their source, then the article
        original = fact.original if isinstance(fact, Quote) else None
        ids = [original.source, fact.source] if original is not None else [fact.source]
        return "".join(f"[^{notes.setdefault(i, len(notes) + 1)}]" for i in ids)

    figures = [f for f in found.facts if f.kind in FIGURES]
    quotes = [f for f in found.facts if isinstance(f, Quote)]
    others = [f for f in found.facts if f not in figures and f not in quotes]
    name = found.name.get(lang) if isinstance(found.name, Text) else found.name
    title = label("brief.title", lang) if name is None else label("brief.about", lang, name=name)
    lines = [f"# {markdown_text(title)}", ""]
    for heading, facts, line in (
        ("brief.figures", figures, _figure),
        ("brief.quotes", quotes, _quote),
        ("brief.others", others, _other),
    ):
        if facts:
            lines += [f"## {label(heading, lang)}", ""]
            lines += [f"- {line(f, found, lang)}{cite(f)}" for f in facts]
            lines.append("")
    if not found.facts:  # a brief of nothing says so, not a title alone
        lines += [markdown_text(label("nothing_matches", lang)), ""]
    if found.total > len(found.facts):
        more = found.total - len(found.facts)
        lines += [markdown_text(label("brief.more", lang, count=more)), ""]
    for source_id, number in notes.items():
        text = citation.plain(found.sources[source_id], None, lang)
        lines.append(f"[^{number}]: {markdown_text(text)}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _figure(fact: Fact, found: Brief, lang: Lang) -> str:
    text = kinds.of(fact).headline(fact, lang, found.benchmarks)
    return markdown_text(_when(fact, found, lang) + text) + _inferred(fact, lang)


def _other(fact: Fact, found: Brief, lang: Lang) -> str:
    text = kinds.of(fact).summary(fact, lang, found.benchmarks)
    return markdown_text(_when(fact, found, lang) + text) + _inferred(fact, lang)


def _when(fact: Fact, found: Brief, lang: Lang) -> str:
    """The date before a fact of one date ("2025-01-27: ") (a score, a market move, an event):
    a figure pasted into a story carries its date. A fact of several dates (a gap's
    readings) names each period in its own line; an undated fact gets nothing."""
    kind = kinds.of(fact)
    date = kind.date(fact)
    if date is None or len(kind.story(fact, lang, found.benchmarks)) != 1:
        return ""
    return f"{date_short(date, lang)}: "


def _quote(fact: Fact, found: Brief, lang: Lang) -> str:
    """The speaker's own words in quotation marks; anything else without them, said so."""
    assert isinstance(fact, Quote)  # the quotes section holds quotes only
    who = fact.speaker.get(lang) + (f" ({fact.role.get(lang)})" if fact.role else "")
    own = own_words(fact)
    if own is not None and fact.speech == "direct":
        said = f"“{markdown_text(own)}”"
        if lang == "ko" and fact.said.ko:
            # beside the original, the article's Korean is certainly a translation: say so
            said += " " + markdown_text(label("quote.article_words", lang, said=fact.said.ko))
    elif lang == "en" and fact.said.en:
        said = markdown_text(label("brief.rendering", lang, said=fact.said.en))
    else:
        said = markdown_text(label("brief.article_words", lang, said=fact.said.get(lang)))
    when = _when(fact, found, lang)  # a dated quote says when, and whether it is inferred
    return f"{markdown_text(when + who)}: {said}" + (_inferred(fact, lang) if when else "")


def _inferred(fact: Fact, lang: Lang) -> str:
    return f" {markdown_text(label('brief.inferred', lang))}" if fact.inferred else ""
