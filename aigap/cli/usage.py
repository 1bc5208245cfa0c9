"""Usage errors (a mistyped option or command, a missing argument, a bad value).

An English run shows Typer's own rendering of them. A Korean run says the same
in Korean, as plain lines like aigap's other errors: the usage line, where
help is, what is wrong.

aigap raises its own usage errors as ``UsageProblem`` (catalogue words) or
``BadValue`` (a parameter check). The ones Typer and Click raise while parsing
are read through ``framework_said``, the one adapter to Click's exception
types, which Typer vendors privately and does not export: it relies only on
the attributes Click documents for them (``option_name``, ``possibilities``,
``param``, ``param_type``) and on ``typer.BadParameter``'s base class, and
tests/test_usage_errors.py fails on a Typer release that changes them
(pyproject pins Typer below the next minor release).

What it needs to word an error is imported when a command line is wrong, not
at start-up.
"""

from __future__ import annotations

import contextlib
import re
import shlex
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn, Protocol, TypeGuard, cast

import typer

from aigap.cli import runtime
from aigap.core.errors import Phrase, suggest
from aigap.core.labels import LABELS, label

if TYPE_CHECKING:
    from aigap.store.queries import Store

# Click's UsageError: what ctx.fail raises and every parsing error is. Typer
# exports BadParameter, one kind of it, and not the class itself.
USAGE_ERROR = cast("type[Exception]", typer.BadParameter.__mro__[1])


class BadValue(typer.BadParameter):
    """A value aigap's own parameter check refuses, worded by the catalogue."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.text("en"))
        self.phrase = phrase


class UsageProblem(Exception):
    """A usage error aigap finds itself: the command line ``ctx`` was reading is wrong."""

    def __init__(self, ctx: typer.Context, *said: Phrase) -> None:
        super().__init__(said[0].key)
        self.ctx = ctx
        self.said = said

    def text(self, code: runtime.Code) -> str:
        return "\n".join(phrase.text(code) for phrase in self.said)


def fail(ctx: typer.Context, message: str) -> NoReturn:
    """Typer's usage error, shown as Typer shows its own."""
    ctx.fail(message)
    raise AssertionError("ctx.fail returned")  # pragma: no cover - it always raises


@contextlib.contextmanager
def in_the_runs_language(line: Sequence[str]) -> Iterator[None]:
    """A usage error in the language of the command line ``line``.

    English: Typer's rendering (aigap's own errors handed to it through
    ``ctx.fail``). Korean: the usage line, the help hint and the error, in
    Korean, exit 2.
    """
    try:
        yield
    except UsageProblem as exc:
        if runtime.line_lang(exc.ctx, line) != "ko":
            fail(exc.ctx, exc.text("en"))
        _korean(exc.ctx, exc.text("ko"))
    except USAGE_ERROR as exc:
        ctx = getattr(exc, "ctx", None)
        if not line or runtime.line_lang(ctx, line) != "ko":
            if _env_named(exc):
                exc.param_hint = _hint(exc, "en")  # public: what Click names it by
            raise  # no words at all: Typer's help page, not an error
        _korean(ctx, framework_said(exc, line))


def _korean(ctx: typer.Context | None, message: str) -> NoReturn:
    lines = []
    if ctx is not None:
        from aigap.cli.helptext import in_language  # only when a command line is wrong

        with in_language(ctx.command, ctx, "ko"):  # [옵션], not [OPTIONS]
            pieces = ctx.command.collect_usage_pieces(ctx)
        usage = " ".join([ctx.command_path, *pieces])
        lines.append(Phrase("usage.usage", {"line": usage}).text("ko"))
        if ctx.command.get_help_option(ctx) is not None:
            help_line = f"{ctx.command_path} {ctx.help_option_names[0]}"
            lines.append(Phrase("usage.help", {"line": help_line}).text("ko"))
    lines.append(Phrase("usage.error", {"message": message}).text("ko"))
    runtime.say(lines)
    raise typer.Exit(runtime.EXIT_USAGE)


def framework_said(error: Exception, line: Sequence[str] = ()) -> str:
    """A usage error Typer or Click raised, in Korean (else as Click says it)."""
    option = getattr(error, "option_name", None)
    if isinstance(option, str):
        if hasattr(error, "possibilities"):  # NoSuchOption
            said = Phrase("usage.no_option", {"name": option}).text("ko")
            possible = getattr(error, "possibilities", None) or ()
            if possible:
                said += Phrase("usage.similar", {"names": ", ".join(sorted(possible))}).text("ko")
            return said
        # BadOptionUsage: a value given to a flag (--flag=value), or none where one is needed
        given = any(word.startswith(f"{option}=") for word in line)
        key = "usage.takes_no_value" if given else "usage.needs_value"
        return Phrase(key, {"name": option}).text("ko")
    if isinstance(error, typer.BadParameter):
        param = error.param
        name = _hint(error, "ko") if error.param_hint is None else str(error.param_hint)
        if hasattr(error, "param_type"):  # MissingParameter
            kind = param.param_type_name if param is not None else error.param_type
            key = "usage.missing_option" if kind == "option" else "usage.missing"
            return Phrase(key, {"name": name}).text("ko")
        detail = error.phrase.text("ko") if isinstance(error, BadValue) else _framework(error)
        return Phrase("usage.bad_value", {"name": name, "detail": detail}).text("ko")
    return str(getattr(error, "message", error))


# Typer's own words for a value it refuses, as the catalogue has them in both languages
_FRAMEWORK_WORDS = ("usage.boolean",)


def _framework(error: typer.BadParameter) -> str:
    """Typer's refusal of a value in Korean where the catalogue has its words (a bad
    boolean in AIGAP_NO_PACKAGED); otherwise as Typer says it."""
    for key in _FRAMEWORK_WORDS:
        if error.message == LABELS[key]["en"]:
            return label(key, "ko")
    return error.message


class _Named(Protocol):
    """A Click parameter, as far as an error names it."""

    name: str | None
    opts: list[str]
    param_type_name: str


def _env_named(error: Exception) -> TypeGuard[typer.BadParameter]:
    """A bad value of an option that can come from the environment, named by Typer."""
    param = getattr(error, "param", None)
    return (
        isinstance(error, typer.BadParameter)
        and error.param_hint is None
        and isinstance(getattr(param, "envvar", None), str)
    )


def _hint(error: typer.BadParameter, code: runtime.Code) -> str | None:
    """How an error names the parameter: where its value came from, only.

    Typer names an option with an environment variable by both ("'--max-bytes'
    (env var: 'AIGAP_MAX_BYTES')") wherever the value was given; the context
    knows which (Click's public ``get_parameter_source``).
    """
    param = cast("_Named | None", error.param)
    if param is None:
        return None
    envvar = getattr(param, "envvar", None)
    ctx = error.ctx
    source = ctx.get_parameter_source(param.name) if ctx is not None and param.name else None
    if isinstance(envvar, str) and getattr(source, "name", None) == "ENVIRONMENT":
        return Phrase("usage.env_hint", {"name": envvar}).text(code)
    if code == "ko" and param.param_type_name == "argument":
        # the argument as the Korean usage line names it ([디렉터리]), not its Python name
        key = f"help.metavar.{param.name}"
        if key in LABELS:
            return repr(label(key, code))
    return " / ".join(f"{name!r}" for name in param.opts)


# --- a word that is no command -------------------------------------------------------


def unknown_command(ctx: typer.Context, words: Sequence[str], commands: Sequence[str]) -> NoReturn:
    """``aigap WORD ...`` where WORD is no command: what it might have meant.

    A question typed without ``search`` (``aigap how much did nvidia lose``)
    is pointed to ``aigap search`` with all its words; a mistyped command
    (``aigap gpa``) gets the command it is closest to; a name or word of the
    fact base (``aigap nvidia``), ``aigap show`` or ``aigap search``.
    """
    first = words[0]
    asked = _leading_words(words)
    near = suggest(first, {name: name for name in commands})
    hint: str | None
    if len(asked) > 1 and _is_question_word(first):
        near, hint = None, f"aigap search {_quoted(asked)}"
    elif len(asked) > 1 and near is None:
        hint = _hint_for(ctx, asked, question=True)
    else:
        hint = _hint_for(ctx, [first], question=False)
    key = "usage.no_command_like" if near else "usage.no_command"
    said = [Phrase(key, {"name": first, "like": near})]
    if hint:
        said.append(Phrase("usage.try", {"line": hint}))
    raise UsageProblem(ctx, *said)


def _leading_words(words: Sequence[str]) -> list[str]:
    """The words up to the first option (``aigap how much --lang ko``)."""
    found = []
    for word in words:
        if word.startswith("-"):
            break
        found.append(word)
    return found


def _is_question_word(word: str) -> bool:
    from aigap.answers.search import STOP_WORDS  # only when a command line is wrong

    return word.casefold() in STOP_WORDS


def _quoted(words: Sequence[str]) -> str:
    return " ".join(w if re.fullmatch(r"[\w.-]+", w) else shlex.quote(w) for w in words)


def _hint_for(ctx: typer.Context, words: Sequence[str], *, question: bool) -> str | None:
    """'aigap show WORD' for an entity or id; 'aigap search WORDS' for words in the base."""
    # only when a command line is wrong: the fact base and its search
    from aigap.answers.entities import resolve
    from aigap.answers.search import search

    def lookup(store: Store) -> str | None:
        word = words[0]
        if not question and (
            resolve(store, word) is not None or store.record(word.casefold()) is not None
        ):
            return f"aigap show {_quoted(words)}"
        found = search(store, list(words), 1)
        # words the base has as they were typed, not only a typo's correction
        if found.total and not found.nothing and (question or not found.corrections):
            return f"aigap search {_quoted(words)}"
        return None

    try:
        return runtime.answer(ctx, lookup)
    except Exception:  # a hint must never replace the usage error itself
        return None
