"""Citations of sources: one entry per source, keyed by its id.

Styles: plain text, BibTeX, APA (7th ed.), Chicago (author-date, 17th ed.)
and CSL-JSON, the format Zotero, Pandoc and most reference managers read.
Citing a fact cites its sources (the article; a quote's original words and
the primary sources it was checked against) and adds a short locator line,
never the whole passage. All are plain strings for stdout, never Rich markup;
text from the fact file goes through ``render.safe`` so it cannot carry
control characters, and CSL-JSON is written through ``render.json_safe``.

Authors are family and given names (``authors`` in the fact file), or an
organisation's literal name; a source without authors is cited by its title,
as APA and Chicago do. A Korean title is cited romanised (Revised
Romanization, ``title_romanized``) with its English translation in brackets.
The APA and Chicago texts follow what citeproc renders from the CSL-JSON
with the official styles (tests/test_citation_csl.py checks they agree).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from aigap.core.labels import LABELS, label
from aigap.core.model import Author, Fact, Lang, PartialDate, Source, cited_ids
from aigap.core.numbers import date_short
from aigap.output.render import json_safe, safe

if TYPE_CHECKING:
    from aigap.core.jsontypes import JSONValue, Record


STYLES = ("plain", "bibtex", "apa", "chicago", "csl-json")
WRAP = 80  # columns for plain text: a citation pasted anywhere stays readable
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# LaTeX specials; a backslash must become a command, not an escape.
_BIBTEX_SPECIAL = re.compile(r"[\\{}%&$#_^~]")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]")
_LANGIDS = {"ko": "korean", "en": "english", "zh": "chinese", "ja": "japanese"}
# CSL type -> BibTeX entry type and the field its container goes in
_BIBTEX_TYPES = {
    "article-newspaper": ("article", "journal"),
    "article-magazine": ("article", "journal"),
    "report": ("techreport", "institution"),
    "article": ("misc", "publisher"),
    "webpage": ("misc", "organization"),
}


def _one_line(text: str) -> str:
    # join lines first: safe() would otherwise turn each newline into "\x0a"
    return safe(" ".join(text.split()), keep_newlines=False)


def _label(key: str, lang: Lang, **values: object) -> str:
    return label(f"cite.{key}", lang, **values)


def published(source: Source, lang: Lang = "en") -> str:
    date = date_short(source.published, lang)  # ISO; the end of a month in words
    if source.published_inferred:
        date += _label("inferred_long", lang)
    return date


# --- the parts of a citation ----------------------------------------------------


def original_title(source: Source) -> str:
    """The title as published: English for an English source, else the Korean."""
    return source.headline.get("en" if source.language == "en" else "ko")


def title(source: Source, lang: Lang = "en") -> str:
    """The title as cited: in English, a non-English title romanised (or as
    written) with its translation in brackets; in Korean, as published."""
    original = original_title(source)
    if lang == "ko" or source.language == "en":
        return _one_line(original)
    shown = source.title_romanized or original
    if source.headline.en and source.headline.en != shown:
        shown += f" [{source.headline.en}]"
    return _one_line(shown)


def _family(author: Author, lang: Lang) -> str:
    return author.family.get(lang) if author.family else ""


def _given(author: Author, lang: Lang) -> str:
    return author.given.get(lang) if author.given else ""


def _korean_name(author: Author) -> bool:
    return bool(author.family and author.family.ko)


def csl_name(author: Author, lang: Lang) -> dict[str, JSONValue]:
    if author.literal is not None or not author.family:
        literal = author.literal.get(lang) if author.literal else _given(author, lang)
        return {"literal": _one_line(literal)}
    name: dict[str, JSONValue] = {"family": _one_line(_family(author, lang))}
    if author.given:
        name["given"] = _one_line(_given(author, lang))
    return name


def _initials(given: str) -> str:
    """APA initials: "Dong-hun" -> "D.-h.", "Sam" -> "S."."""
    words = []
    for word in given.split():
        parts = [p for p in word.split("-") if p]
        words.append("-".join(f"{p[0]}." for p in parts))
    return " ".join(words)


def apa_name(author: Author, lang: Lang) -> str:
    if author.literal is not None or not author.family:
        return csl_name(author, lang)["literal"]  # type: ignore[return-value]
    if lang == "ko" and _korean_name(author):
        return _family(author, "ko") + _given(author, "ko")
    given = _initials(_given(author, lang))
    return _one_line(f"{_family(author, lang)}, {given}" if given else _family(author, lang))


def chicago_name(author: Author, lang: Lang, first: bool) -> str:
    if author.literal is not None or not author.family:
        return csl_name(author, lang)["literal"]  # type: ignore[return-value]
    if lang == "ko" and _korean_name(author):
        return _family(author, "ko") + _given(author, "ko")
    family, given = _family(author, lang), _given(author, lang)
    if not given:
        return _one_line(family)
    return _one_line(f"{family}, {given}" if first else f"{given} {family}")


def _joined(names: Sequence[str], amp: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f", {amp} " + names[-1]


def _long_date(date: PartialDate, lang: Lang, style: str = "date") -> str:
    """'April 8, 2025' / '2025년 4월 8일', to the precision the date has.

    ``style`` "apa_date" gives APA's order in English: '2025, April 8'.
    """
    if date.month is None:
        return _label("date.y", lang, year=date.year)
    month = _MONTH_NAMES[date.month - 1]
    precision = "ym" if date.day is None else "ymd"
    return _label(
        f"{style}.{precision}", lang, year=date.year, month=month, m=date.month, day=date.day
    )


def _url(source: Source) -> str:
    return _one_line(source.url) if source.url else ""


def _container(source: Source, lang: Lang) -> str:
    return _one_line(source.outlet.get(lang))


# --- styles -----------------------------------------------------------------------


def plain(source: Source, fact: Fact | None = None, lang: Lang = "en") -> str:
    """A one-paragraph citation; for a fact, followed by a line naming it."""
    names = [chicago_name(a, lang, first=True) for a in source.authors]
    who = "; ".join(names)
    if lang == "ko":
        parts = [
            who,
            f"「{title(source, 'ko')}」",
            _container(source, "ko"),
            published(source, "ko"),
        ]
        text = ", ".join(p for p in parts if p) + "."
    else:
        text = (f"{who}. " if who else "") + f"“{_closed(title(source, 'en'))}” "
        text += f"{_container(source, 'en')}, {published(source, 'en')}."
    if source.url:
        text += f" {_url(source)}"
    lines = [_one_line(text)]
    if fact is not None:
        line = fact_line(fact, lang)
        lines.append(_one_line(_sentence(line, lang)))
    return "\n".join(lines)


def _closed(text: str) -> str:
    """A title ended with a period, unless it already ends a sentence (a post's
    text often does: "… for the price.")."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _sentence(text: str, lang: Lang) -> str:
    """An English sentence starts with a capital; Korean has none (an id stays as it is)."""
    return text[:1].upper() + text[1:] if lang == "en" else text


def _kind(kind: str, lang: Lang) -> str:
    return LABELS[f"kind.{kind}"][lang] if f"kind.{kind}" in LABELS else kind


def fact_line(fact: Fact, lang: Lang, locator: str | None = None) -> str:
    """Which fact a citation is for, and where in the source: never the passage."""
    text = _label("fact", lang, id=fact.id, kind=_kind(fact.kind, lang))
    return text + (f", {locator}" if locator else "")


def apa(source: Source, lang: Lang = "en") -> str:
    """APA 7: Author. (Date). Title [Translation]. Outlet. URL — a source
    without authors puts its title first."""
    when = _long_date(source.published, lang, "apa_date")
    names = [apa_name(a, lang) for a in source.authors]
    who = _joined(names, "&")
    italic_title = title(source, lang)
    if source.number:
        italic_title += f" ({_one_line(source.number)})"
    if who:
        who += "" if who.endswith(".") else "."
        text = f"{who} ({when}). {_closed(italic_title)} {_container(source, lang)}."
    else:
        text = f"{_closed(italic_title)} ({when}). {_container(source, lang)}."
    if source.url:
        text += f" {_url(source)}"
    if source.published_inferred:
        text += " " + _label("inferred_bracket", lang)
    return _one_line(text)


def chicago(source: Source, lang: Lang = "en") -> str:
    """Chicago author-date: Author. Year. “Title” [Translation]. Outlet, Month Day. URL."""
    names = [chicago_name(a, lang, first=i == 0) for i, a in enumerate(source.authors)]
    who = _joined(names, "및" if lang == "ko" else "and")
    year = _label("date.y", lang, year=source.published.year)
    if lang == "ko" or source.language == "en" or not source.headline.en:
        quoted = f"“{_closed(title(source, lang))}”"
    else:  # the period after the bracketed translation
        original = _one_line(source.title_romanized or source.headline.get("ko"))
        quoted = f"“{original}” [{_one_line(source.headline.en)}]."
    head = f"{who}. {year}. {quoted}" if who else f"{quoted} {year}."
    text = f"{head} {_container(source, lang)}, {_long_date(source.published, lang)}."
    if source.url:
        text += f" {_url(source)}."
    if source.published_inferred:
        text += " " + _label("inferred_bracket", lang)
    return _one_line(text)


# --- BibTeX -----------------------------------------------------------------------


def _unmatched(text: str) -> set[int]:
    """Where ``text``'s unmatched braces are (a ``}`` with no ``{`` before it, a ``{``
    never closed)."""
    unmatched: set[int] = set()
    opened: list[int] = []
    for i, char in enumerate(text):
        if char == "{":
            opened.append(i)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                unmatched.add(i)
    return unmatched | set(opened)


def balance_braces(text: str) -> str:
    """``text`` with every unmatched brace dropped; matched pairs are kept.

    BibTeX and biber count braces literally, even after a backslash, so one
    unmatched brace in the data would end (or never end) the field.
    """
    drop = _unmatched(text)
    return "".join(c for i, c in enumerate(text) if i not in drop)


# An unmatched brace in BibTeX: LaTeX's name for the character, whose own braces match
_LONE_BRACES = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def bibtex_escape(text: str) -> str:
    """``text`` safe inside a braced BibTeX field: one line, LaTeX specials
    escaped, braces balanced: matched pairs kept as ``\\{ \\}``, an unmatched one
    written ``\\textbraceleft{}`` / ``\\textbraceright{}`` (the data keeps every brace;
    BibTeX counts braces literally, even after a backslash)."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _BIBTEX_REPLACEMENTS.get(char, "\\" + char)

    line = _one_line(text)
    lone = _unmatched(line)
    return "".join(
        _LONE_BRACES[c] if i in lone else _BIBTEX_SPECIAL.sub(escape, c) for i, c in enumerate(line)
    )


def bibtex_key(text: str) -> str:
    return _KEY_UNSAFE.sub("-", text) or "aigap"


def bibtex_name(author: Author) -> str:
    """``Family, Given`` for BibTeX's name parser; an organisation braced whole."""
    if author.literal is not None or not author.family:
        name = author.literal.get("en") if author.literal else _given(author, "en")
        return "{" + bibtex_escape(name) + "}"
    given = _given(author, "en")
    family = bibtex_escape(_family(author, "en"))
    return f"{family}, {bibtex_escape(given)}" if given else family


def bibtex(source: Source, about: str | None = None) -> str:
    """One entry for the source, keyed by its id."""
    date = source.published
    entry_type, container_field = _BIBTEX_TYPES.get(source.type, ("misc", "publisher"))
    original = original_title(source)
    fields: list[tuple[str, str]] = []
    if source.authors:
        fields.append(("author", " and ".join(bibtex_name(a) for a in source.authors)))
    fields.append(("title", bibtex_escape(original)))
    if source.language != "en" and source.headline.en and source.headline.en != original:
        fields.append(("titleaddon", bibtex_escape(f"[{source.headline.en}]")))
    if source.title_romanized:
        fields.append(("usera", bibtex_escape(source.title_romanized)))
    fields.append((container_field, bibtex_escape(source.outlet.get("en"))))
    fields.append(("year", str(date.year)))
    entry_fields = [f"  {name} = {{{value}}}" for name, value in fields]
    if date.month is not None:
        entry_fields.append(f"  month = {_MONTHS[date.month - 1]}")
    entry_fields.append(f"  date = {{{date.iso}}}")
    if source.number:
        entry_fields.append(f"  number = {{{bibtex_escape(source.number)}}}")
    if source.url:
        entry_fields.append(f"  url = {{{bibtex_escape(source.url)}}}")
    if source.accessed:
        entry_fields.append(f"  urldate = {{{source.accessed.iso}}}")
    if source.language:
        langid = _LANGIDS.get(source.language, source.language)
        entry_fields.append(f"  langid = {{{bibtex_escape(langid)}}}")
    notes = _notes(source, "en", about)
    if notes:
        entry_fields.append(f"  note = {{{bibtex_escape('; '.join(notes))}}}")
    return f"@{entry_type}{{{bibtex_key(source.id)},\n" + ",\n".join(entry_fields) + ",\n}"


def _notes(source: Source, lang: Lang, about: str | None = None) -> list[str]:
    notes = []
    if source.published_inferred:
        notes.append(_label("inferred_note", lang))
    if about:
        notes.append(about)
    return notes


# --- CSL-JSON ---------------------------------------------------------------------


def _date_parts(date: PartialDate) -> dict[str, JSONValue]:
    parts: list[JSONValue] = [date.year, *(p for p in (date.month, date.day) if p is not None)]
    return {"date-parts": [parts]}


def csl_item(source: Source, lang: Lang = "en", about: str | None = None) -> Record:
    """One CSL-JSON item for the source; ``about`` (why it is cited) goes in its note."""
    item: Record = {"id": source.id, "type": source.type, "title": title(source, lang)}
    if source.authors:
        item["author"] = [csl_name(a, lang) for a in source.authors]
    container = _container(source, lang)
    if source.type in ("article-newspaper", "article-magazine"):
        item["container-title"] = container
    else:
        item["publisher"] = container
    item["issued"] = _date_parts(source.published)
    if source.accessed:
        item["accessed"] = _date_parts(source.accessed)
    if source.url:
        item["URL"] = _url(source)
    if source.number:
        item["number"] = _one_line(source.number)
    item["language"] = source.language
    notes = _notes(source, lang, about)
    if notes:
        item["note"] = _one_line("; ".join(notes))
    return item


def csl_json(items: Sequence[Record]) -> str:
    """A CSL-JSON document: always a list of items."""
    return json_safe(json.dumps(list(items), ensure_ascii=False, indent=2))


# --- what a fact cites ------------------------------------------------------------


def for_fact(
    fact: Fact, source_of: Callable[[str], Source], lang: Lang
) -> tuple[list[Source], dict[str, str]]:
    """The sources citing ``fact`` needs, in order, and a short line on why each
    is cited: a quote's original words first (the speaker's own source), then
    the article, then the primary sources its note was checked against."""
    original = getattr(fact, "original", None)
    locators = {p.source: p.locator for p in fact.primary}
    about: dict[str, str] = {}
    for source_id in cited_ids(fact):
        if original is not None and source_id == original.source:
            where = f", {original.locator}" if original.locator else ""
            about[source_id] = _label("original_of", lang, id=fact.id) + where
        elif source_id == fact.source:
            why = "came_through" if original is not None else None
            about[source_id] = _label(why, lang, id=fact.id) if why else fact_line(fact, lang)
        else:
            about[source_id] = fact_line(fact, lang, locators.get(source_id))
    return [source_of(i) for i in about], about


def cite(source: Source, style: str = "plain", lang: Lang = "en", about: str | None = None) -> str:
    """One source's citation in ``style`` (plain text is not wrapped: see ``wrap``).

    ``about`` says why it is cited (a fact and its locator, the facts it holds).
    """
    if style == "bibtex":
        return bibtex(source, about)
    if style == "csl-json":
        return csl_json([csl_item(source, lang, about)])
    if style == "apa":
        text = apa(source, lang)
    elif style == "chicago":
        text = chicago(source, lang)
    else:
        text = plain(source, lang=lang)
    return text + "\n" + _one_line(_sentence(about, lang)) if about else text


def cite_all(
    cited: Sequence[Source],
    style: str = "plain",
    lang: Lang = "en",
    about: dict[str, str] | None = None,
) -> str:
    """Several sources' citations as one output, one entry per source.

    CSL-JSON is one list; the other styles are separated by a blank line.
    ``about`` maps a source id to a note on why it is cited.
    """
    about = about or {}
    unique = list({s.id: s for s in cited}.values())
    if style == "csl-json":
        return csl_json([csl_item(s, lang, about.get(s.id)) for s in unique])
    entries = []
    for source in unique:
        entry = cite(source, style, lang, about.get(source.id))
        if style in ("plain", "apa", "chicago"):
            entry = wrap(entry)
        entries.append(entry)
    return "\n\n".join(entries)


def facts_about(name: str, ids: Sequence[str], lang: Lang) -> str:
    return _label("facts_about", lang, name=name, ids=", ".join(ids))


def wrap(text: str, width: int = WRAP) -> str:
    """Each line of ``text`` wrapped at spaces to ``width`` terminal columns.

    Like textwrap.fill, which counts code points; here a Hangul or other wide
    character takes the two columns it takes on screen. A word longer than
    the line stays whole (never split inside a word or a URL).
    """
    out: list[str] = []
    for line in text.split("\n"):
        current, used = "", 0
        for word in line.split(" "):
            size = _columns(word)
            if current and used + 1 + size > width:
                out.append(current)
                current, used = word, size
            elif current:
                current, used = f"{current} {word}", used + 1 + size
            else:
                current, used = word, size
        out.append(current)
    return "\n".join(out)


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
