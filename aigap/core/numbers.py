"""Numbers as aigap writes them: one place for unit suffixes and number formatting."""

from __future__ import annotations

from aigap.core import derive
from aigap.core.derive import format_number
from aigap.core.labels import LABELS, label
from aigap.core.model import Amount, Lang, PartialDate, Ratio

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))

# How a value in a unit is written after the number ("17.5 pp", "0.3%");
# Korean writes percentage points "%p" (labels.py, "suffix.pp").
SUFFIXES: dict[str, str] = {"pp": " pp", "percent": "%", "usd_per_hour": " USD/GPU-hour"}


def suffix(unit: str, lang: Lang = "en") -> str:
    if unit == "pp":
        return label("suffix.pp", lang)
    return SUFFIXES.get(unit, "")


def with_unit(value: float, unit: str, lang: Lang = "en") -> str:
    """A value with its unit's suffix; Elo ratings without separators ("1385")."""
    text = f"{value:g}" if unit == "elo" else format_number(value)
    return text + suffix(unit, lang)


def unit_name(unit: str, lang: Lang, printed: str | None = None) -> str:
    """What a unit is called ("percentage points"), and how the article prints it if not so."""
    name = label(f"unit.{unit}", lang) if f"unit.{unit}" in LABELS else unit
    if printed and printed != name:
        name += label("unit.printed", lang, printed=printed)
    return name


def value_text(value: float, unit: str, lang: Lang = "en") -> str:
    """A value with its unit's suffix, thousands separated even for Elo ("1,385")."""
    return format_number(value) + suffix(unit, lang)


def figure_text(value: float, unit: str, lang: Lang, printed: str | None = None) -> str:
    """A reported figure in ``lang``'s units ("17.5 pp" / "17.5%포인트", "1385 Elo points").

    Korean prints the article's own form where there is one (``printed``);
    English never does, since the article's form carries Korean units.
    """
    if lang == "ko":
        if unit == "pp":
            return format_number(value) + "%포인트"
        if printed and unit != "pp":
            return printed
        return value_text(value, unit)
    if unit == "elo":
        return f"{value:g} Elo points"
    return value_text(value, unit)


def plain(value: float, places: int | None = None) -> str:
    """A number in a formula or message: as many decimals as it has, at most six."""
    if places is None:
        places = min(derive.decimals(value), 6)
    return format_number(value, places)


def signed(value: float, unit: str, lang: Lang = "en") -> str:
    """A difference with its sign ("+19", "+4.5 pp"); Elo without separators."""
    if unit == "elo":
        return f"{value:+g}"
    number = format_number(value)
    if not number.startswith("-"):
        number = "+" + number
    return number + (suffix("pp", lang) if unit == "pp" else "")


def scaled(value: float) -> str:
    """5580000 -> '5.58 million': short enough to stay whole in a narrow column."""
    for size, word in _SCALES:
        if abs(value) >= size:
            scaled = value / size
            return f"{format_number(scaled, min(derive.decimals(scaled), 3))} {word}"
    return format_number(value)


def amount_text(amount: Amount, lang: Lang) -> str:
    """An amount for a table: as printed in Korean, in words in English."""
    if lang == "ko":
        return str(amount.printed)
    unit = amount.unit
    if unit == "usd":
        text = "$" + scaled(amount.value)
    elif unit == "krw":
        text = scaled(amount.value) + " won"
    elif unit == "usd_per_hour":
        text = f"${format_number(amount.value)}/GPU-hour"
    elif unit == "months":
        text = f"{format_number(amount.value)} months"
    else:
        text = value_text(amount.value, unit)
    # "~" for the article's 약 (about): "about " would widen a column that never wraps
    return ("~" if amount.approx else "") + text


def ratio_text(ratio: Ratio, lang: Lang) -> str:
    number = format_number(ratio.value)
    return label("ratio_of", lang, number=number, printed=ratio.printed, of=ratio.of.get(lang))


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _date_values(date: PartialDate) -> dict[str, object]:
    month = MONTH_NAMES[date.month - 1] if date.month else None
    ym = f"{date.year}-{date.month:02d}" if date.month else None  # "2024-12", not "2024-12-end"
    values = {"year": date.year, "month": month, "m": date.month, "day": date.day}
    return {**values, "iso": date.iso, "ym": ym}


def date_words(date: PartialDate, lang: Lang) -> str:
    """A date in words, absolute: "end of 2024" / "2024년 말", "January 2024" /
    "2024년 1월", "20 January 2025" / "2025년 1월 20일"."""
    return label(f"date.{date.period}", lang, **_date_values(date))


def date_short(date: PartialDate, lang: Lang) -> str:
    """A date in a table cell or chart label: ISO (2024-01, 2025-01-20), and
    the edge of a year or month in words ("end of 2024" / "2024년 말")."""
    if date.period in ("year", "month", "day"):
        return date.iso
    return label(f"date.short.{date.period}", lang, **_date_values(date))


def date_cell(date: PartialDate | None, inferred: bool, lang: Lang) -> str:
    """``date_short`` with "*" when the date is inferred (explained by note.inferred)."""
    if date is None:
        return ""
    return date_short(date, lang) + ("*" if inferred else "")
