"""Dates as fact files and --since/--until give them: YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import datetime
import re

from aigap.core.errors import AigapError, Phrase
from aigap.core.model import PartialDate

# A date as fact files and --since/--until give it: YYYY, YYYY-MM or YYYY-MM-DD.
DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


def read_date(text: str) -> PartialDate | Phrase:
    """YYYY, YYYY-MM or YYYY-MM-DD as a date, or what is wrong with it."""

    found = DATE.match(text)
    if found is None:
        return Phrase("error.date.form", {"text": text})
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None  # the pattern requires it
    if month is not None and not 1 <= month <= 12:
        return Phrase("error.date.month", {"text": text, "month": month})
    if day is not None:
        try:
            datetime.date(year, month or 1, day)
        except ValueError:
            return Phrase("error.date.day", {"text": text, "month": month, "day": day})
    return PartialDate(year, month, day)


def parse_partial_date(text: str) -> PartialDate:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD."""
    parsed = read_date(text.strip())
    if isinstance(parsed, Phrase):
        raise AigapError(parsed)
    return parsed
