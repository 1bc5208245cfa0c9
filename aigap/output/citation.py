"""Citations of a source article, or of one fact in it.

Styles: plain text, BibTeX, APA (7th ed.), Chicago (notes-bibliography,
bibliography entry) and CSL-JSON, the format Zotero, Pandoc and most
reference managers read. All are plain strings for stdout, never Rich markup;
text from the fact file goes through ``render.safe`` so it cannot carry
control characters, and CSL-JSON is written through ``render.json_safe``.

A byline ("Lim Jin-su, Beijing correspondent") is cited as written, a literal
name: splitting it into family and given names would be a guess.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aigap.core.labels import LABELS, label
from aigap.core.model import Fact, Lang, Source
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
        date += _label("inferred_long", lang)
    return date


def _label(key: str, lang: Lang, **values: object) -> str:
    return label(f"cite.{key}", lang, **values)


def plain(source: Source, fact: Fact | None = None, lang: Lang = "en") -> str:
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
    lines = [_one_line(text), *_fact_lines(fact, lang)]
    return "\n".join(lines)


def _kind(kind: str, lang: Lang) -> str:
    return LABELS[f"kind.{kind}"][lang] if f"kind.{kind}" in LABELS else kind


def _fact_lines(fact: Fact | None, lang: Lang) -> list[str]:
    """A fact's id and verbatim passage; in English also its English rendering."""
    if fact is None:
        return []
    passage = " … ".join(fact.passage)
    lines = [
        _one_line(_label("fact", lang, id=fact.id, kind=_kind(fact.kind, lang), passage=passage))
    ]
    if lang == "en" and fact.passage_en:
        lines.append(_one_line(_label("in_english", lang, text=fact.passage_en)))
    return lines


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


def bibtex_escape(text: str) -> str:
    """``text`` safe inside a braced BibTeX field: specials escaped, one line."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _BIBTEX_REPLACEMENTS.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(escape, _one_line(text))


def bibtex_key(text: str) -> str:
    return _KEY_UNSAFE.sub("-", text) or "aigap"


def bibtex(source: Source, fact: Fact | None = None, about: str | None = None) -> str:
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
    notes = _notes(source, fact, "en", about)
    if notes:
        entry_fields.append(f"  note = {{{bibtex_escape('; '.join(notes))}}}")
    key = bibtex_key(fact.id if fact is not None else source.id)
    return "@article{" + key + ",\n" + ",\n".join(entry_fields) + ",\n}"


def _notes(source: Source, fact: Fact | None, lang: Lang, about: str | None = None) -> list[str]:
    notes = []
    if source.headline.en and source.headline.en != source.headline.ko:
        notes.append(_label("english_title", lang, title=source.headline.en))
    if source.published_inferred:
        notes.append(_label("inferred_note", lang))
    if fact is not None:
        notes.append(_label("fact_note", lang, id=fact.id, passage=" … ".join(fact.passage)))
        if fact.passage_en:
            notes.append(_label("in_english", lang, text=fact.passage_en))
    if about:
        notes.append(about)
    return notes


def _long_date(source: Source, lang: Lang, style: str = "date") -> str:
    """'April 8, 2025' / '2025년 4월 8일', to the precision the source has.

    ``style`` "apa_date" gives APA's order in English: '2025, April 8'.
    """
    date = source.published
    if date.month is None:
        return _label("date.y", lang, year=date.year)
    month = _MONTH_NAMES[date.month - 1]
    precision = "ym" if date.day is None else "ymd"
    return _label(
        f"{style}.{precision}", lang, year=date.year, month=month, m=date.month, day=date.day
    )


def apa(source: Source, fact: Fact | None = None, lang: Lang = "en") -> str:
    """APA 7 newspaper article: Author. (Year, Month Day). Title [English title]. Outlet."""
    when = _long_date(source, lang, "apa_date")
    title = source.headline.get("ko")
    if lang == "en" and source.headline.en and source.headline.en != title:
        title += f" [{source.headline.en}]"
    text = f"{source.byline.get(lang)}. ({when}). {title}. {source.outlet.get(lang)}."
    if source.published_inferred:
        text += " " + _label("inferred_bracket", lang)
    return "\n".join([_one_line(text), *_fact_lines(fact, lang)])


def chicago(source: Source, fact: Fact | None = None, lang: Lang = "en") -> str:
    """Chicago bibliography entry: Author. “Title” [English]. Outlet, Month Day, Year."""
    headline = source.headline.get("ko")
    if lang == "ko":
        text = (
            f"{source.byline.get('ko')}. 「{headline}」. {source.outlet.get('ko')}, "
            f"{_long_date(source, 'ko')}."
        )
    else:
        text = f"{source.byline.get('en')}. “{headline}.”"
        if source.headline.en and source.headline.en != headline:
            text += f" [{source.headline.en}.]"
        text += f" {source.outlet.get('en')}, {_long_date(source, 'en')}."
    if source.published_inferred:
        text += " " + _label("inferred_bracket", lang)
    return "\n".join([_one_line(text), *_fact_lines(fact, lang)])


def csl_item(
    source: Source, fact: Fact | None = None, lang: Lang = "en", about: str | None = None
) -> Record:
    """One CSL-JSON item (type article-newspaper); a fact's passage goes in its note."""
    date = source.published
    parts: list[JSONValue] = [date.year, *(p for p in (date.month, date.day) if p is not None)]
    item: Record = {
        "id": fact.id if fact is not None else source.id,
        "type": "article-newspaper",
        "title": _one_line(source.headline.get("ko")),
        "container-title": _one_line(source.outlet.get(lang)),
        "author": [{"literal": _one_line(source.byline.get(lang))}],
        "issued": {"date-parts": [parts]},
        "language": source.language,
    }
    url = getattr(source, "url", None)  # not in the fact base yet
    if url:
        item["URL"] = url
    notes = _notes(source, fact, lang, about)
    if notes:
        item["note"] = _one_line("; ".join(notes))
    return item


def csl_json(items: Sequence[Record]) -> str:
    """A CSL-JSON document: always a list of items."""
    return json_safe(json.dumps(list(items), ensure_ascii=False, indent=2))


def cite(
    source: Source,
    fact: Fact | None = None,
    style: str = "plain",
    lang: Lang = "en",
    about: str | None = None,
) -> str:
    """One citation in ``style`` (plain text is not wrapped: see ``wrap``).

    ``about`` says why a source is cited (e.g. the benchmark facts it holds).
    """
    if style == "bibtex":
        return bibtex(source, fact, about)
    if style == "csl-json":
        return csl_json([csl_item(source, fact, lang, about)])
    styles = {"apa": apa, "chicago": chicago}
    text = styles.get(style, plain)(source, fact, lang)
    return text + "\n" + _one_line(about[:1].upper() + about[1:]) if about else text


def cite_all(
    cited: Sequence[tuple[Source, Fact | None]],
    style: str = "plain",
    lang: Lang = "en",
    about: dict[str, str] | None = None,
) -> str:
    """Several citations (e.g. every source of a benchmark's facts) as one output.

    CSL-JSON is one list; the other styles are separated by a blank line.
    ``about`` maps a source id to a note on why it is cited.
    """
    about = about or {}
    if style == "csl-json":
        return csl_json([csl_item(s, f, lang, about.get(s.id)) for s, f in cited])
    entries = []
    for source, fact in cited:
        entry = cite(source, fact, style, lang, about.get(source.id))
        if style in ("plain", "apa", "chicago"):
            entry = wrap(entry)
        entries.append(entry)
    return "\n\n".join(entries)


def facts_about(name: str, ids: Sequence[str], lang: Lang) -> str:
    return _label("facts_about", lang, name=name, ids=", ".join(ids))
