"""The one error type core code raises, and the problems it carries."""

from __future__ import annotations

import errno
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Literal

import msgspec

from aigap.core.labels import LABELS, label
from aigap.core.model import Text
from aigap.core.text import normalize_name

Severity = Literal["error", "warning"]
Lang = Literal["en", "ko"]  # model.Lang, without importing the model here


class Phrase(msgspec.Struct, frozen=True):
    """Words from the catalogue (labels.LABELS[key]), put in a language when printed.

    A field may itself be a Phrase (a word such as "none" inside a message), or
    a data Text (a name given in both languages), put in the same language.
    """

    key: str
    fields: Mapping[str, object] = {}

    def text(self, lang: Lang) -> str:

        filled = {
            k: v.text(lang)
            if isinstance(v, Phrase)
            else v.get(lang)
            if isinstance(v, Text)
            else _one_line(v)
            if k == "path"
            else v
            for k, v in self.fields.items()
        }
        return label(self.key, lang, **filled)


def _one_line(value: object) -> object:
    """A path never breaks the message's line (a newline in a directory's name)."""
    if isinstance(value, PurePath):
        value = str(value)
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return value.replace("\n", "\\x0a").replace("\r", "\\x0d")
    return value


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong with a fact file, located as precisely as known."""

    path: str
    line: int | None
    column: int | None
    severity: Severity
    message: str  # in English
    said: Phrase | None = None  # the message in catalogue words, where it has them

    @classmethod
    def of(
        cls,
        path: str,
        line: int | None,
        column: int | None,
        said: Phrase,
        severity: Severity = "error",
    ) -> Problem:
        """A problem in catalogue words; its English is kept as ``message``."""
        return cls(path, line, column, severity, said.text("en"), said)

    def format(self, *, column: bool = False, severity: bool = False, lang: Lang = "en") -> str:
        # A newline in a file name must not split the message (or fake another line).
        where = self.path.replace("\n", "\\x0a").replace("\r", "\\x0d")
        if self.line is not None:
            where += f":{self.line}"
            if column and self.column is not None:
                where += f":{self.column}"
        head = (
            f"{where}: {label(f'severity.{self.severity}', lang)}: " if severity else f"{where}: "
        )
        return head + (self.said.text(lang) if self.said is not None else self.message)


def some_names(names: Sequence[str], shown: int = 3) -> str | Phrase:
    """The first ``shown`` names, and how many more there are: short at any scale."""
    head = ", ".join(names[:shown])
    rest = len(names) - min(shown, len(names))
    return Phrase("error.names_more", {"names": head, "more": rest}) if rest else head


def nearest(name: str, known: Sequence[str], shown: int = 5) -> str | Phrase:
    """What a message lists of ``known`` for an unknown ``name``: all of a short list,
    else the ``shown`` closest names and how many more (10,000 names stay one line)."""
    if not known:
        return Phrase("error.none")
    if len(known) <= shown + 3:
        return ", ".join(known)
    import difflib  # only for an error over a long list

    wanted = normalize_name(name)
    matcher = difflib.SequenceMatcher(b=wanted, autojunk=False)

    def closeness(candidate: str) -> float:
        matcher.set_seq1(normalize_name(candidate))
        return matcher.ratio()

    closest = sorted(dict.fromkeys(known), key=closeness, reverse=True)[:shown]
    return Phrase("error.names_more", {"names": ", ".join(closest), "more": len(known) - shown})


def os_reason(error: OSError) -> str | Phrase:
    """Why the system refused, as it says it in English and in Korean where the catalogue can."""

    text = error.strerror or str(error)
    key = f"os.{errno.errorcode.get(error.errno or 0, '')}"
    return Phrase(key, {"strerror": text}) if key in LABELS else text


class AigapError(Exception):
    """A user-facing failure: printed once by the CLI, never as a traceback."""

    exit_code = 2

    def __init__(
        self, message: str | Phrase | Sequence[Phrase], problems: tuple[Problem, ...] = ()
    ) -> None:
        # A message in Phrases is printed in the user's language; ``message``
        # keeps its English, for logs and tests.
        self.phrases: tuple[Phrase, ...] = (
            ()
            if isinstance(message, str)
            else (message,)
            if isinstance(message, Phrase)
            else tuple(message)
        )
        text = message if isinstance(message, str) else self._say("en")
        super().__init__(text)
        self.message = text
        self.problems = problems

    @classmethod
    def said(cls, key: str, **fields: object) -> AigapError:
        """An error worded by the catalogue entry ``key``, with ``fields`` filled in."""
        return cls(Phrase(key, fields))

    def _say(self, lang: Lang) -> str:
        return "\n".join(p.text(lang) for p in self.phrases)

    def lines(self, lang: Lang = "en") -> list[str]:
        if self.problems:
            return [p.format(lang=lang) for p in self.problems if p.severity == "error"]
        return [self._say(lang)] if self.phrases else [self.message]


class OutputError(AigapError):
    """A file or directory aigap was asked to write could not be written (exit 74)."""

    exit_code = 74


class FactFileError(AigapError):
    """The fact file cannot be used: it is unreadable, malformed or invalid."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        errors = [p for p in problems if p.severity == "error"]
        first = errors[0].format() if errors else "invalid fact file"
        super().__init__(first, problems)


_ECHO = 80  # characters of an unknown name repeated in its error


class UnknownName(AigapError):
    """A benchmark or id the fact base does not know; lists what it does."""

    def __init__(
        self,
        what: Literal["benchmark", "id", "name"],
        name: str,
        known: Sequence[str],
        names: dict[str, str],
        suggestion: str | None = None,
    ) -> None:
        # Echo a pasted paragraph back short: the error must stay readable.
        shown = name if len(name) <= _ECHO else name[: _ECHO - 1] + "…"
        lines = [Phrase(f"error.unknown.{what}", {"name": shown})]
        self.suggestion = suggestion or suggest(name, names)
        if self.suggestion:
            lines.append(Phrase("error.did_you_mean", {"name": self.suggestion}))
        if known:
            lines.append(Phrase(f"error.known.{what}", {"names": nearest(name, known)}))
        super().__init__(lines)


def suggest(name: str, names: dict[str, str]) -> str | None:
    """The id whose name (any alias, normalized) is closest to ``name``."""
    import difflib  # only when a name is unknown: a lookup that finds it never loads it

    by_norm = {normalize_name(n): target for n, target in names.items() if normalize_name(n)}
    close = difflib.get_close_matches(normalize_name(name), list(by_norm), n=1, cutoff=0.6)
    return by_norm[close[0]] if close else None
