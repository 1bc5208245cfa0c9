"""The one error type core code raises, and the problems it carries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import msgspec

Severity = Literal["error", "warning"]


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong with a fact file, located as precisely as known."""

    path: str
    line: int | None
    column: int | None
    severity: Severity
    message: str

    def format(self, *, column: bool = False, severity: bool = False) -> str:
        # A newline in a file name must not split the message (or fake another line).
        where = self.path.replace("\n", "\\x0a").replace("\r", "\\x0d")
        if self.line is not None:
            where += f":{self.line}"
            if column and self.column is not None:
                where += f":{self.column}"
        head = f"{where}: {self.severity}: " if severity else f"{where}: "
        return head + self.message


class AigapError(Exception):
    """A user-facing failure: printed once by the CLI, never as a traceback."""

    exit_code = 2

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems

    def lines(self) -> list[str]:
        if self.problems:
            return [p.format() for p in self.problems if p.severity == "error"]
        return [self.message]


class FactFileError(AigapError):
    """The fact file cannot be used: it is unreadable, malformed or invalid."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        errors = [p for p in problems if p.severity == "error"]
        first = errors[0].format() if errors else "invalid fact file"
        super().__init__(first, problems)


class UnknownName(AigapError):
    """A benchmark or id the fact base does not know; lists what it does."""

    def __init__(
        self,
        what: str,
        name: str,
        known: Sequence[str],
        names: dict[str, str],
        suggestion: str | None = None,
    ) -> None:
        lines = [f"unknown {what} {name!r}"]
        self.suggestion = suggestion or suggest(name, names)
        if self.suggestion:
            lines.append(f"did you mean {self.suggestion!r}?")
        if known:
            lines.append(f"known {what}s: {', '.join(known)}")
        super().__init__("\n".join(lines))


def suggest(name: str, names: dict[str, str]) -> str | None:
    """The id whose name (any alias, normalized) is closest to ``name``."""
    import difflib

    from aigap.text import normalize_name

    by_norm = {normalize_name(n): target for n, target in names.items() if normalize_name(n)}
    close = difflib.get_close_matches(normalize_name(name), list(by_norm), n=1, cutoff=0.6)
    return by_norm[close[0]] if close else None
