"""Numbers aigap computes from reported ones: always marked as derived."""

from __future__ import annotations


def decimals(value: float) -> int:
    """How many decimals a reported number carries (17.5 -> 1, 3.07 -> 2)."""
    text = repr(float(value))
    if "e" in text or "n" in text:  # 1e-05, inf, nan: no meaningful count
        mantissa, _, exponent = text.partition("e")
        places = len(mantissa.partition(".")[2].rstrip("0"))
        return max(0, places - int(exponent or 0))
    return len(text.partition(".")[2].rstrip("0"))


def change(then: float, now: float) -> float:
    """now - then, rounded to the precision of the inputs."""
    return round(now - then, max(decimals(then), decimals(now)))


def times_narrower(then: float, now: float) -> float | None:
    """How many times smaller the gap became; None when undefined."""
    if now <= 0 or then <= 0:
        return None
    return then / now


def relative_gap_percent(leader: float, follower: float) -> float:
    """(leader - follower) / follower, in percent: how Arena gaps are reported."""
    return (leader - follower) / follower * 100


def implied_previous_close(close: float, change_percent: float) -> float | None:
    """The previous close implied by a close and its percentage change."""
    factor = 1 + change_percent / 100
    return close / factor if factor > 0 else None


def format_number(value: float, places: int | None = None) -> str:
    """A number as people write it: thousands separators, no float noise."""
    if places is None:
        places = decimals(value)
    return f"{value:,.{places}f}"
