"""``aigap show``: one record in full, with what aigap derives from it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from aigap.kinds.gap import GapValue
from aigap.labels import LABELS, label
from aigap.lookup import find_record, kind_of
from aigap.model import Amount, Lang, PartialDate, Ratio, Source, Text
from aigap.numbers import format_number, ratio_text
from aigap.render import Column, Listing

if TYPE_CHECKING:
    from aigap.store import Store


def record_data(value: Any) -> Any:
    """A record as JSON data with the fact file's field names and ISO dates."""
    from aigap.model import PartialDate, Text

    if isinstance(value, Text):
        return {k: v for k, v in (("en", value.en), ("ko", value.ko)) if v is not None}
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, msgspec.Struct):
        # a market move's 'kind' (company/index) stays 'subject_kind', as in the
        # model: 'kind' in aigap's output is always the record kind
        return {name: record_data(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, tuple | list):
        return [record_data(v) for v in value]
    return value


def record_detail(record: Any) -> dict[str, Any]:
    """``record_data`` with the record kind first."""
    data = record_data(record)
    return {"id": data.pop("id"), "kind": kind_of(record), **data}


class Detail(msgspec.Struct, frozen=True):
    """One record in full, with what ``show`` prints around it."""

    record: Any
    kind: str
    source: Source | None  # the article a fact comes from, or the source itself
    derived: list[Any]  # crosscheck.derived_for: values aigap computes
    related: dict[str, Any]  # facts about a benchmark, the fact count of a source


def detail(store: Store, record_id: str) -> Detail:
    record = find_record(store, record_id)
    kind = kind_of(record)
    if kind == "source":
        count = store.fact_counts().get(record.id, 0)
        return Detail(record, kind, record, [], {"facts": count})
    if kind == "benchmark":
        about = [f.id for k in ("gaps", "scores") for f in store.records_about(k, record.id)]
        return Detail(record, kind, None, [], {"facts": about})
    from aigap.crosscheck import derived_for

    return Detail(record, kind, store.source(record.source), list(derived_for(store, record)), {})


def derived_data(item: Any) -> dict[str, Any]:
    return {"label": item.label, "value": item.value, "basis": item.basis}


def _detail_value(value: Any, lang: Lang) -> str | None:
    """A field's value as readable text; None when there is nothing to show."""
    if value is None or value == ():
        return None
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, PartialDate):
        return f"{value.iso} ({value.precision})"
    if isinstance(value, Amount):
        printed = label("printed", lang, printed=value.printed)
        text = f"{format_number(value.value)} {value.unit} ({printed}"
        text += label("approximate", lang) + ")" if value.approx else ")"
        return text + (f": {value.label.get(lang)}" if value.label else "")
    if isinstance(value, Ratio):
        return ratio_text(value, lang)
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
    return str(value)


def detail_rows(record: Any, lang: Lang) -> list[tuple[str, str]]:
    """(field, value) pairs of a record in full, both languages of every text."""
    other: Lang = "en" if lang == "ko" else "ko"
    rows: list[tuple[str, str]] = [("id", record.id), ("kind", kind_of(record))]
    for name in record.__struct_fields__:
        if name == "id":
            continue
        value = getattr(record, name)
        if name == "passage":
            rows.append((label("passage_verbatim", lang), "\n".join(f"“{p}”" for p in value)))
            continue
        shown = _detail_value(value, lang)
        if name == "said_en_is" and value == "rendering":
            shown = f"{value} ({label('quote.rendering', lang)})"
        if shown is None:
            continue
        rows.append((name, shown))
        if isinstance(value, Text) and getattr(value, other) and value.get(other) != shown:
            rows.append((f"{name} ({other})", value.get(other)))
    return rows


def derived_label(text: str, lang: Lang) -> str:
    """A derived figure's name (crosscheck writes it in English) in ``lang``."""
    if lang == "en":
        return text
    if f"derived.{text}" in LABELS:
        return label(f"derived.{text}", lang)
    # "gap in 2024 from top scores", "US–China gap recomputed (gap-mmlu)"
    if text.startswith("gap in ") and text.endswith(" from top scores"):
        return f"최고 점수로 계산한 {text[7:-16]} 격차"
    if text.startswith("US–China gap recomputed "):
        return "다시 계산한 미·중 격차 " + text[len("US–China gap recomputed ") :]
    return text


def show_listing(
    record: Any, citation: str, derived: Sequence[Any], extra: Sequence[tuple[str, str]], lang: Lang
) -> Listing:
    rows = detail_rows(record, lang)
    rows.extend(extra)
    groups = []
    if citation:
        groups.append(len(rows))
        rows.append((label("citation", lang), citation))
    if derived:
        groups.append(len(rows))
        rows.append((label("derived", lang), label("derived_note", lang)))
        rows.extend(
            (derived_label(d.label, lang), f"{d.value}\n{d.basis}" if d.basis else d.value)
            for d in derived
        )
    records = [{"field": f, "value": v} for f, v in rows]
    columns = [
        Column("field", label("field", lang), max_width=22),
        Column("value", label("value", lang), ratio=1),
    ]
    title = f"{record.id} ({kind_of(record)})"
    return Listing(title, columns, records, groups=groups)
