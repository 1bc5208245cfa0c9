"""``aigap show`` laid out: one record in full, what aigap derives from it, its citation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from aigap.answers.lookup import kind_of
from aigap.answers.show import Detail
from aigap.core.labels import LABELS, field_name, label
from aigap.core.model import (
    Amount,
    Author,
    Benchmark,
    Cited,
    Fact,
    Lang,
    PartialDate,
    Ratio,
    Source,
    Text,
)
from aigap.core.numbers import format_number, ratio_text, unit_name, with_unit
from aigap.kinds.gap import GapValue
from aigap.kinds.quote import Original, Quote, rendering_note, said_lines
from aigap.output.citation import cite, for_fact, plain
from aigap.output.render import Column, Listing

if TYPE_CHECKING:
    from aigap.answers.crosscheck import Derived
    from aigap.core.jsontypes import JSONValue, Record


def record_data(value: object) -> JSONValue:
    """A record, or a field's value, as JSON data with the fact file's field names and ISO dates."""

    if isinstance(value, Text):
        return {k: v for k, v in (("en", value.en), ("ko", value.ko)) if v is not None}
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, msgspec.Struct):
        return struct_data(value)
    if isinstance(value, tuple | list):
        return [record_data(v) for v in value]
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    raise TypeError(f"no JSON form for a {type(value).__name__}")


def struct_data(record: msgspec.Struct) -> Record:
    """A record's fields by name, as ``record_data`` writes each."""
    # a market move's 'kind' (company/index) stays 'subject_kind', as in the
    # model: 'kind' in aigap's output is always the record kind
    return {name: record_data(getattr(record, name)) for name in record.__struct_fields__}


def record_detail(record: Fact | Source | Benchmark) -> Record:
    """``record_data`` with the record kind first."""
    data = struct_data(record)
    return {"id": data.pop("id"), "kind": kind_of(record), **data}


def derived_data(item: Derived) -> Record:
    return {"label": item.label, "value": item.value, "basis": item.basis}


def _detail_value(value: object, lang: Lang) -> str | None:
    """A field's value as readable text; None when there is nothing to show."""
    if value is None or value == ():
        return None
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, PartialDate):
        return f"{value.iso} ({_word('precision', value.precision, lang)})"
    if isinstance(value, Amount):
        printed = label("printed", lang, printed=value.printed)
        unit = value.unit if lang == "en" else unit_name(value.unit, lang)
        text = f"{format_number(value.value)} {unit} ({printed}"
        text += label("approximate", lang) + ")" if value.approx else ")"
        return text + (f": {value.label.get(lang)}" if value.label else "")
    if isinstance(value, Ratio):
        return ratio_text(value, lang)
    if isinstance(value, Original):  # the speaker's words, and where they are printed
        where = value.source + (f", {value.locator}" if value.locator else "")
        return f"“{value.text}” ({value.language}; {where})"
    if isinstance(value, Cited):
        return value.source + (f", {value.locator}" if value.locator else "")
    if isinstance(value, Author):
        return author_name(value, lang)
    if isinstance(value, GapValue):
        number = format_number(value.value)
        printed = label("printed", lang, printed=value.printed)
        return f"{value.date.iso} {value.label.get(lang)}: {number} ({printed})"
    if isinstance(value, tuple):
        parts = [_detail_value(v, lang) for v in value]
        joiner = ", " if all(isinstance(v, str) and " " not in v for v in value) else "\n"
        return joiner.join(p for p in parts if p)
    if isinstance(value, float | int):
        return format_number(value) if isinstance(value, float) else str(value)
    return _word("value", str(value), lang)


def _reading(value: GapValue, unit: str, lang: Lang) -> str:
    """A gap's reading: its date, period, value with its unit and the printed form."""
    printed = label("printed", lang, printed=value.printed)
    figure = with_unit(value.value, unit, lang)
    return f"{value.date.iso} {value.label.get(lang)}: {figure} ({printed})"


def _word(group: str, value: str, lang: Lang) -> str:
    """A value that is one of aigap's own words (a precision, a market subject's kind)
    in ``lang``; any other value as it is."""
    key = f"{group}.{value}"
    return label(key, lang) if key in LABELS else value


def detail_rows(record: Fact | Source | Benchmark, lang: Lang) -> list[tuple[str, str]]:
    """(field, value) pairs of a record in full, both languages of every text."""
    other: Lang = "en" if lang == "ko" else "ko"
    kind = kind_of(record)
    kind_text = label(f"kind.{kind}", lang) if f"kind.{kind}" in LABELS else kind
    rows: list[tuple[str, str]] = [("id", record.id), ("kind", kind_text)]
    for name in record.__struct_fields__:
        if name == "id":
            continue
        value = getattr(record, name)
        if name == "passage":
            rows.append((label("passage_verbatim", lang), "\n".join(f"“{p}”" for p in value)))
            continue
        shown = _detail_value(value, lang)
        unit = getattr(record, "unit", None)
        if name == "values" and isinstance(unit, str):  # a gap's readings, each with its unit
            shown = "\n".join(_reading(v, unit, lang) for v in value)
        if name == "unit" and isinstance(value, str) and lang != "en":
            shown = unit_name(value, lang)  # a code of aigap's ("pp"), named
        quote = record if isinstance(record, Quote) else None
        if name == "said" and quote is not None:
            # the quote marked at itself: the speaker's words, or a translation as such
            rows.append((name, "\n".join(said_lines(quote, lang))))
            continue
        if name == "said_en_is" and value == "rendering" and quote and rendering_note(quote, lang):
            shown = f"{shown} ({label('quote.rendering', lang)})"
        if shown is None:
            continue
        rows.append((name, shown))
        if isinstance(value, Text) and getattr(value, other) and value.get(other) != shown:
            rows.append((f"{name} ({other})", value.get(other)))
    return [(field_name(f, lang, kind), v) for f, v in rows]


def _basis(text: str, lang: Lang) -> str:
    """How a derived figure was computed (crosscheck writes it in English), in ``lang``."""
    for key in (
        "basis.rounding",
        "basis.unbounded",
        "basis.vs",
        "basis.rounded_or_cut",
        "basis.approximate",
        "basis.pp",
        "basis.usd",
        "basis.krw",
    ):
        text = text.replace(LABELS[key]["en"], label(key, lang))
    return text


def derived_label(text: str, lang: Lang) -> str:
    """A derived figure's name (crosscheck writes it in English) in ``lang``."""
    if lang == "en":
        return text
    if f"derived.{text}" in LABELS:
        return label(f"derived.{text}", lang)
    # "gap in 2024 from top scores", "US–China gap recomputed (gap-mmlu)": the
    # catalogue's English with its part filled in, read back
    for key, part in (("derived.gap_from_scores", "when"), ("derived.gap_recomputed", "which")):
        head, _, tail = LABELS[key]["en"].partition("{" + part + "}")
        if text.startswith(head) and text.endswith(tail) and len(text) > len(head + tail):
            return label(key, lang, **{part: text[len(head) : len(text) - len(tail)]})
    return text


def show_listing(
    record: Fact | Source | Benchmark,
    citation: str,
    derived: Sequence[Derived],
    extra: Sequence[tuple[str, str]],
    lang: Lang,
) -> Listing:
    rows = detail_rows(record, lang)
    rows.extend((field_name(f, lang), v) for f, v in extra)
    groups = []
    if citation:
        groups.append(len(rows))
        rows.append((label("citation", lang), citation))
    if derived:
        groups.append(len(rows))
        rows.append((label("derived", lang), label("derived_note", lang)))
        rows.extend(
            (
                derived_label(d.label, lang),
                f"{_basis(d.value, lang)}\n{_basis(d.basis, lang)}"
                if d.basis
                else _basis(d.value, lang),
            )
            for d in derived
        )
    records: list[Record] = [{"field": f, "value": v} for f, v in rows]
    columns = [
        Column("field", label("field", lang), max_width=22),
        Column("value", label("value", lang), ratio=1),
    ]
    kind = kind_of(record)
    title = f"{record.id} ({label(f'kind.{kind}', lang) if f'kind.{kind}' in LABELS else kind})"
    return Listing(title, columns, records, groups=groups)


def _citation(found: Detail, lang: Lang) -> str:
    """The plain citation: of a source, its own; of a fact, each source it cites
    (a quote's original words first, the article, the primary sources), each
    with the line saying why, never the passage."""
    if found.source is None:
        return ""
    if not isinstance(found.record, Fact) or not found.cited:
        return plain(found.source, None, lang)
    by_id = {s.id: s for s in found.cited}
    sources, about = for_fact(found.record, by_id.__getitem__, lang)
    return "\n".join(cite(s, "plain", lang, about.get(s.id)) for s in sources)


def author_name(author: Author, lang: Lang) -> str:
    """ "Chu Dong-hun" (given name first in English), "추동훈" in Korean, or an organisation."""
    if author.literal is not None:
        return author.literal.get(lang)
    family = author.family.get(lang) if author.family else ""
    given = author.given.get(lang) if author.given else ""
    if lang == "ko" and author.family and author.family.ko:
        return family + given
    return " ".join(p for p in (given, family) if p)


def detail_listing(found: Detail, lang: Lang) -> Listing:
    """``show``'s table: the record's fields, what is related, its citation, what is derived."""
    related = [
        (k, ", ".join(map(str, v)) if isinstance(v, list) else str(v))
        for k, v in found.related.items()
    ]
    return show_listing(found.record, _citation(found, lang), found.derived, related, lang)


def detail_data(found: Detail, lang: Lang) -> Record:
    """``show --format json``: one object with the fields by name, not field/value rows."""
    return {
        **record_detail(found.record),
        **found.related,
        "citation": _citation(found, lang) or None,
        "derived": [derived_data(d) for d in found.derived],
    }
