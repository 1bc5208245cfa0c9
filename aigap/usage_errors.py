"""Usage errors (a mistyped option, a missing argument, a bad value) in Korean.

Typer prints Click's usage errors in English, which is what an English run
shows, unchanged. A Korean run says the same in Korean, as plain lines like
aigap's other errors: the usage line, where help is, what is wrong. Imported
only when a command line is wrong.
"""

from __future__ import annotations

from enum import Enum

import typer
from pydantic import ValidationError
from typer._click import Context
from typer._click import exceptions as click_errors
from typer.core import TyperGroup

from aigap.core.errors import Phrase, suggest

# Click's wording of the errors it raises without saying which one in its
# type; any other message is passed on as it is, after "오류:".
_EXTRA_ARGUMENTS = "Got unexpected extra argument"
_TAKES_NO_VALUE = "does not take a value"
_MISSING_COMMAND = "Missing command"


class BadValue(typer.BadParameter):
    """A value aigap's own parameter check refuses, worded by the catalogue."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.text("en"))
        self.phrase = phrase


class UnknownCommand(click_errors.UsageError):
    """``aigap WORD`` where WORD is no command; ``hint`` a command that answers it."""

    def __init__(self, message: str, word: str, hint: str | None, ctx: Context | None) -> None:
        super().__init__(message, ctx)
        self.word = word
        self.hint = hint
        # the command name closest to WORD (Typer says it in English itself)
        group = ctx.command if ctx is not None else None
        names = group.list_commands(ctx) if isinstance(group, TyperGroup) and ctx else []
        self.suggestion = suggest(word, {name: name for name in names})


def korean_lines(error: click_errors.UsageError) -> list[str]:
    """The usage line, the help hint and the error, in Korean."""
    lines = []
    ctx = error.ctx
    if ctx is not None:
        usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
        lines.append(Phrase("usage.usage", {"line": usage}).text("ko"))
        if ctx.command.get_help_option(ctx) is not None:
            help_line = f"{ctx.command_path} {ctx.help_option_names[0]}"
            lines.append(Phrase("usage.help", {"line": help_line}).text("ko"))
    lines.append(Phrase("usage.error", {"message": _what(error)}).text("ko"))
    return lines


def _what(error: click_errors.UsageError) -> str:
    # Subclasses before their bases: MissingParameter is a BadParameter.
    if isinstance(error, UnknownCommand):
        said = Phrase("usage.no_command", {"name": error.word}).text("ko")
        if error.suggestion:
            said += "\n" + Phrase("error.did_you_mean", {"name": error.suggestion}).text("ko")
        if error.hint:
            said += "\n" + Phrase("usage.try", {"line": error.hint}).text("ko")
        return said
    if isinstance(error, click_errors.NoSuchOption):
        said = Phrase("usage.no_option", {"name": error.option_name}).text("ko")
        if error.possibilities:
            names = ", ".join(sorted(error.possibilities))
            said += Phrase("usage.similar", {"names": names}).text("ko")
        return said
    if isinstance(error, click_errors.BadOptionUsage):
        key = "usage.takes_no_value" if _TAKES_NO_VALUE in error.message else "usage.needs_value"
        return Phrase(key, {"name": error.option_name}).text("ko")
    if isinstance(error, click_errors.MissingParameter):
        kind = error.param.param_type_name if error.param else error.param_type
        key = "usage.missing_option" if kind == "option" else "usage.missing"
        return Phrase(key, {"name": _name(error)}).text("ko")
    if isinstance(error, click_errors.BadParameter):
        detail = _detail(error)
        return Phrase("usage.bad_value", {"name": _name(error), "detail": detail}).text("ko")
    if error.message.startswith(_MISSING_COMMAND):
        return Phrase("usage.missing_command").text("ko")
    if error.message.startswith(_EXTRA_ARGUMENTS):
        extra = error.message.rpartition("(")[2].rstrip(")")
        return Phrase("usage.extra", {"args": extra}).text("ko")
    return error.message


def _name(error: click_errors.BadParameter) -> str:
    if error.param is not None:  # '--max-bytes' (env var: 'AIGAP_MAX_BYTES')
        return error.param.get_error_hint().replace("(env var: ", "(환경 변수: ")
    return str(error.param_hint or "")


def _detail(error: click_errors.BadParameter) -> str:
    """What is wrong with the value: aigap's own words, or pydantic's error type in Korean."""
    if isinstance(error, BadValue):
        return error.phrase.text("ko")
    cause = error.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        first = cause.errors()[0]
        value, limits = first.get("input"), first.get("ctx") or {}
        kind = first["type"]
        if kind == "greater_than_equal":
            return Phrase("usage.at_least", {"n": limits.get("ge"), "value": value}).text("ko")
        if kind == "less_than_equal":
            return Phrase("usage.at_most", {"n": limits.get("le"), "value": value}).text("ko")
        if kind in ("int_parsing", "int_type"):
            return Phrase("usage.integer", {"value": value}).text("ko")
        choices = _choices(error)
        if kind == "value_error" and choices:
            return Phrase("usage.choice", {"value": value, "choices": choices}).text("ko")
    return error.message


def _choices(error: click_errors.BadParameter) -> str | None:
    """The values a choice parameter (an Enum) takes."""
    descriptor = getattr(error.param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if descriptor is not None else None
    if not choices:
        return None
    return ", ".join(str(c.value if isinstance(c, Enum) else c) for c in choices)
