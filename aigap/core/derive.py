"""Numbers aigap computes from reported ones: always marked as derived."""

from __future__ import annotations

import functools
import math
import re

import msgspec


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
    factor = then / now
    return factor if math.isfinite(factor) else None  # 100 / 5e-324 overflows


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


# Rounding: a reported figure with d decimals stands for anything within half
# a unit of its last digit; the epsilon absorbs binary floating-point noise.
_EPSILON = 1e-9


def tolerance(places: int, scale: float = 1.0) -> float:
    """Half a unit in the last printed place (17.5 -> 0.05; 558만 -> 5,000)."""
    return 0.5 * 10.0 ** -min(places, 12) * scale


def matches(computed: float, reported: float, places: int | None = None) -> bool:
    """Whether ``computed`` rounds to ``reported`` as printed with ``places`` decimals."""
    if places is None:
        places = decimals(reported)
    allowed = tolerance(places) + _EPSILON * max(1.0, abs(reported))
    return abs(computed - reported) <= allowed


_MULTIPLIERS = {
    "조": 1e12,
    "억": 1e8,
    "만": 1e4,
    "천": 1e3,
    "trillion": 1e12,
    "billion": 1e9,
    "million": 1e6,
    "thousand": 1e3,
}


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled on first use: only `check` and `show` read printed numbers back,
    and compiling at import cost every command ~1.8 ms."""
    number = re.compile(
        r"(?P<sign>[-−–]\s*)?(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)\s*"
        r"(?P<mult>조|억|만|천|trillion\b|billion\b|million\b|thousand\b)?",
        re.IGNORECASE,
    )
    return number, re.compile(r"([0-9]+)\s*분의\s*([0-9]+)")


class Printed(msgspec.Struct, frozen=True):
    """A number read back from how an article prints it."""

    value: float
    tolerance: float  # half a unit of the last printed digit
    signed: bool  # the text carries a minus sign


def parse_printed(text: str) -> Printed | None:
    """The number in ``"약 78억8000만원"``, ``"16.9%"``, ``"10분의 1"``; None if unclear.

    Korean compounds add up (78억 + 8000만); two separate figures in one
    string, or none, give None: there is nothing single to compare.
    """
    if len(text) > 200:
        return None
    number_pattern, fraction_pattern = _patterns()
    fraction = fraction_pattern.search(text)
    if fraction:
        denominator, numerator = int(fraction.group(1)), int(fraction.group(2))
        if denominator == 0:
            return None
        return Printed(numerator / denominator, 0.0, False)
    tokens = list(number_pattern.finditer(text))
    if not tokens:
        return None
    total = 0.0
    last_scale = 1.0
    previous = float("inf")
    for n, token in enumerate(tokens):
        if n and (token.group("sign") or text[tokens[n - 1].end() : token.start()].strip()):
            return None  # separate figures, not one compound number
        digits = token.group("num").replace(",", "")
        scale = _MULTIPLIERS.get((token.group("mult") or "").lower(), 1.0)
        if scale >= previous:
            return None
        previous = scale
        total += float(digits) * scale
        last_scale = scale
        places = len(digits.partition(".")[2])
    signed = bool(tokens[0].group("sign"))
    return Printed(-total if signed else total, tolerance(places, last_scale), signed)


def printed_matches(value: float, printed: Printed) -> bool:
    """Whether a recorded value agrees with its printed form, within its rounding."""
    compared = value if printed.signed else abs(value)
    allowed = printed.tolerance + _EPSILON * max(1.0, abs(printed.value))
    return abs(compared - printed.value) <= allowed


def times_narrower_range(then: float, now: float) -> tuple[float, float] | None:
    """The 'N times narrower' figure's range given the rounding of both inputs."""
    t, n = tolerance(decimals(then)), tolerance(decimals(now))
    if now - n <= 0 or then - t <= 0:
        return None
    low, high = (then - t) / (now + n), (then + t) / (now - n)
    return (low, high) if math.isfinite(high) else None


def previous_close_range(close: float, change_percent: float) -> tuple[float, float] | None:
    """Implied previous close allowing for the rounding of close and change."""
    c, p = tolerance(decimals(close)), tolerance(decimals(change_percent))
    low = implied_previous_close(close - c, change_percent - p)
    high = implied_previous_close(close + c, change_percent + p)
    if low is None or high is None:
        return None
    return min(low, high), max(low, high)


def _sig(value: float, digits: int = 2) -> str:
    """``value`` to ``digits`` significant figures, as text ("58.3" -> "58", "5.47" -> "5.5")."""
    if value == 0:
        return "0"

    places = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return format_number(round(value, places), places)


def times_text(then: float, now: float) -> str | None:
    """'~58× (50–70×)': the ratio to the precision its rounded inputs support."""
    times = times_narrower(then, now)
    if times is None:
        return None
    spread = times_narrower_range(then, now)
    if spread is None:
        return f"~{_sig(times)}× (unbounded)"
    low, high = _sig(spread[0]), _sig(spread[1])
    return f"~{_sig(times)}×" if low == high else f"~{_sig(times)}× ({low}–{high}×)"
