"""Citations of a source article, or of one fact in it: plain text and BibTeX.

Both are plain strings for stdout, never Rich markup; text from the fact
file goes through ``render.safe`` so it cannot carry control characters.
"""

from __future__ import annotations

import re
from typing import Any

from aigap.model import Lang, Source
from aigap.render import safe

STYLES = ("plain", "bibtex")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# BibTeX/LaTeX specials; a backslash must become a command, not an escape.
_BIBTEX_SPECIAL = re.compile(r"[\\{}%&$#_^~]")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]")
_LANGIDS = {"ko": "korean", "en": "english", "zh": "chinese", "ja": "japanese"}


def _one_line(text: str) -> str:
    # join lines first: safe() would otherwise turn each newline into "\x0a"
    return safe(" ".join(text.split()), keep_newlines=False)


def published(source: Source, lang: Lang = "en") -> str:
    date = source.published.iso
    if source.published_inferred:
        date += " (date inferred; not printed in the article)" if lang == "en" else " (추정)"
    return date


def plain(source: Source, fact: Any | None = None, lang: Lang = "en") -> str:
    """A one-paragraph citation; for a fact, followed by its id and passage."""
    headline = source.headline.get("ko")  # the original, as published
    if lang == "ko":
        text = (
            f"{source.byline.get('ko')}, 「{headline}」, {source.outlet.get('ko')}, "
            f"{published(source, 'ko')}."
        )
    else:
        text = f"{source.byline.get('en')}. “{headline}”"
        if source.headline.en and source.headline.en != headline:
            text += f" [{source.headline.en}]"
        text += f". {source.outlet.get('en')}, {published(source, 'en')}."
    lines = [_one_line(text)]
    if fact is not None:
        passage = " … ".join(fact.passage)
        lines.append(_one_line(f"Fact {fact.id} ({fact.kind}): “{passage}”"))
        if lang == "en" and fact.passage_en:
            lines.append(_one_line(f"In English: {fact.passage_en}"))
    return "\n".join(lines)


def bibtex_escape(text: str) -> str:
    """``text`` safe inside a braced BibTeX field: specials escaped, one line."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _BIBTEX_REPLACEMENTS.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(escape, _one_line(text))


def bibtex_key(text: str) -> str:
    return _KEY_UNSAFE.sub("-", text) or "aigap"


def bibtex(source: Source, fact: Any | None = None) -> str:
    """An ``@article`` entry; a fact's entry is keyed by the fact id and notes its passage."""
    date = source.published
    fields: list[tuple[str, str]] = [
        # double braces: a byline is a literal name, not "Last, First"
        ("author", "{" + bibtex_escape(source.byline.get("en")) + "}"),
        ("title", bibtex_escape(source.headline.get("ko"))),
        ("journal", bibtex_escape(source.outlet.get("en"))),
        ("year", str(date.year)),
    ]
    entry_fields = [f"  {name} = {{{value}}}" for name, value in fields]
    if date.month is not None:
        entry_fields.append(f"  month = {_MONTHS[date.month - 1]}")
    entry_fields.append(f"  date = {{{date.iso}}}")
    if source.language:
        langid = _LANGIDS.get(source.language, source.language)
        entry_fields.append(f"  langid = {{{bibtex_escape(langid)}}}")
    notes = []
    if source.headline.en:
        notes.append(f"English title: {source.headline.en}")
    if source.published_inferred:
        notes.append("publication date inferred, not printed in the article")
    if fact is not None:
        notes.append(f"fact {fact.id}: “{' … '.join(fact.passage)}”")
    if notes:
        entry_fields.append(f"  note = {{{bibtex_escape('; '.join(notes))}}}")
    key = bibtex_key(fact.id if fact is not None else source.id)
    return "@article{" + key + ",\n" + ",\n".join(entry_fields) + ",\n}"


def cite(source: Source, fact: Any | None = None, style: str = "plain", lang: Lang = "en") -> str:
    return bibtex(source, fact) if style == "bibtex" else plain(source, fact, lang)
