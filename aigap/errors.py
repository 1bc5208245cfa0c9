"""The one error type core code raises, and the problems it carries."""

from __future__ import annotations

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
