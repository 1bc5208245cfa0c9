"""Numbers as aigap writes them: one place for unit suffixes and number formatting."""

from __future__ import annotations

from aigap.derive import format_number

# How a value in a unit is written after the number ("17.5 pp", "0.3%").
SUFFIXES: dict[str, str] = {"pp": " pp", "percent": "%", "usd_per_hour": " USD/h"}


def with_unit(value: float, unit: str) -> str:
    """A value with its unit's suffix; Elo ratings without separators ("1385")."""
    text = f"{value:g}" if unit == "elo" else format_number(value)
    return text + SUFFIXES.get(unit, "")


__all__ = ["SUFFIXES", "format_number", "with_unit"]
