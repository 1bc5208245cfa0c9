"""The options and arguments commands share, as plain ``Annotated`` aliases.

Every command spells a shared option with the same alias, so ``--format``,
``--lang`` or ``--facts`` mean the same everywhere. The global options
(``--facts``, ``--no-packaged``, ``--max-bytes``, ``--lang``) are declared here
once and listed both by the root callback and by every command, so they work
before and after the command name alike; ``runtime.settings`` and
``runtime.lang`` merge the two sides.

Values aigap checks itself (a language, a count, one of a few words) are
parsed here, so a refusal is worded by the catalogue in the run's language.

The text normaliser is imported only for non-ASCII words, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

from aigap.cli import runtime
from aigap.cli.usage import BadValue
from aigap.core.errors import Phrase
from aigap.core.labels import language


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    csv_excel = "csv-excel"  # CSV with a UTF-8 byte-order mark: Excel reads Korean right
    markdown = "markdown"


class Lang(StrEnum):
    en = "en"
    ko = "ko"


class CiteStyle(StrEnum):
    plain = "plain"
    bibtex = "bibtex"
    apa = "apa"
    chicago = "chicago"
    csl_json = "csl-json"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"


class ChartKind(StrEnum):
    gap = "gap"
    scores = "scores"


E = TypeVar("E", bound=StrEnum)


def one_of(kind: type[E]) -> Callable[[str | E], E]:
    """A parser for one of ``kind``'s values, any case; a refusal lists them."""

    def parse(value: str | E) -> E:
        if isinstance(value, kind):
            return value
        for member in kind:
            if member.value == str(value).casefold():
                return member
        choices = ", ".join(member.value for member in kind)
        raise BadValue(Phrase("usage.choice", {"value": value, "choices": choices}))

    return parse


def choices(kind: type[StrEnum]) -> str:
    """The metavar of a choice: ``[table|json|csv|markdown]``."""
    return "[" + "|".join(member.value for member in kind) + "]"


def choice(kind: type[StrEnum]) -> dict[str, Any]:
    """What makes a parameter take one of ``kind``'s values, any case, shown as
    ``[a|b|c]``: ``typer.Option("--style", **choice(CiteStyle))``, ``typer.Argument``."""
    return {"parser": one_of(kind), "metavar": choices(kind)}


def format_option(kind: type[StrEnum]) -> Any:
    """``--format``/``-f`` as one of ``kind``'s values: every command's format option."""
    return typer.Option("--format", "-f", **choice(kind))


def path(value: str) -> str:
    """A file or directory name as typed: an empty one names nothing (not ``.``)."""
    if not value:
        raise BadValue(Phrase("usage.empty_path", {}))
    return value


LIMIT_MAX = 2**63 - 1  # SQLite's largest integer: a row limit past it is a usage error


def count(least: int, most: int | None = None) -> Callable[[str | int], int]:
    """A parser for a whole number of at least ``least`` (and at most ``most``)."""

    def parse(value: str | int) -> int:
        try:
            number = value if isinstance(value, int) else int(str(value).strip())
        except ValueError:
            raise BadValue(Phrase("usage.integer", {"value": value})) from None
        if number < least:
            raise BadValue(Phrase("usage.at_least", {"n": least, "value": number}))
        if most is not None and number > most:
            raise BadValue(Phrase("usage.at_most", {"n": most, "value": number}))
        return number

    return parse


def parse_lang(value: str | Lang) -> Lang:
    """``ko``, ``ko_KR``, ``ko_KR.UTF-8``, ``C``...: a locale-style value names its
    language by its first part; a language aigap does not speak is a clear error."""
    if isinstance(value, Lang):
        return value
    code = language(value)
    if code is None:
        raise BadValue(Phrase("usage.lang", {"value": value}))
    return Lang(code)


def parse_code(value: Lang | None) -> runtime.Code | None:
    return None if value is None else "ko" if value is Lang.ko else "en"


def _keep_lang(ctx: typer.Context, value: Lang | None) -> Lang | None:
    runtime.keep_lang(ctx, parse_code(value))
    return value


def nfc(value: str | None) -> str | None:
    """Query text in NFC, as the fact base keeps it."""
    if value is None or value.isascii():
        return value
    from aigap.core.text import nfc as normal  # only for non-ASCII words

    return normal(value)


def nfc_words(values: list[str]) -> list[str]:
    return [nfc(v) or "" for v in values]


# --- the global options: before or after the command --------------------------------

FactsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--facts",
        metavar="PATH",
        parser=path,
        show_default=False,
    ),
]
NoPackagedOpt = Annotated[
    bool,
    typer.Option(
        "--no-packaged",
        envvar="AIGAP_NO_PACKAGED",
    ),
]
MaxBytesOpt = Annotated[
    int | None,
    typer.Option(
        "--max-bytes",
        envvar="AIGAP_MAX_BYTES",
        metavar="N",
        parser=count(1),
        show_default=False,
    ),
]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        parser=parse_lang,
        callback=_keep_lang,
        metavar="[en|ko]",
        show_default=False,
    ),
]

# --- what listings share -----------------------------------------------------------

# A table is read on a screen: the first rows, and how many more there are.
TABLE_ROWS = 50

FormatOpt = Annotated[Format, format_option(Format)]
SvgOpt = Annotated[
    str | None,
    typer.Option("--svg", metavar="FILE", parser=path),
]


def limit_option(least: int) -> Any:
    """``--limit``/``-n N``, at least ``least``: every command's row limit."""
    return typer.Option(
        "--limit", "-n", metavar="N", parser=count(least, LIMIT_MAX), show_default=False
    )


LimitOpt = Annotated[int | None, limit_option(0)]  # 0: every row
SinceOpt = Annotated[
    str | None,
    typer.Option(
        show_default=False,
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(show_default=False),
]
TagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        show_default=False,
    ),
]
