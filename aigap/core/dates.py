"""Dates as fact files and --since/--until give them: YYYY, YYYY-MM or YYYY-MM-DD,
a year or month optionally followed by -end or -start (see ``PartialDate``)."""

from __future__ import annotations

import datetime

from aigap.core.errors import AigapError, Phrase
from aigap.core.model import DATE, PartialDate


def read_date(text: str) -> PartialDate | Phrase:
    """YYYY, YYYY-MM or YYYY-MM-DD (a year or month may end in -start or -end)
    as a date, or what is wrong with it."""

    found = DATE.match(text)
    if found is None:
        return Phrase("error.date.form", {"text": text})
    year, month, day = (int(part) if part else None for part in found.groups()[:3])
    assert year is not None  # the pattern requires it
    if month is not None and not 1 <= month <= 12:
        return Phrase("error.date.month", {"text": text, "month": month})
    if day is not None:
        if found.group(4):
            return Phrase("error.date.form", {"text": text})
        try:
            datetime.date(year, month or 1, day)
        except ValueError:
            return Phrase("error.date.day", {"text": text, "month": month, "day": day})
    return PartialDate(year, month, day, found.group(4))  # type: ignore[arg-type]


def parse_partial_date(text: str) -> PartialDate:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD."""
    parsed = read_date(text.strip())
    if isinstance(parsed, Phrase):
        raise AigapError(parsed)
    return parsed
