"""What every command runs in: the language, the fact base, the streams, the exit codes.

- The run's language: ``--lang`` after the command, else before it, else
  ``AIGAP_LANG``, else English; kept in ``ctx.meta`` (shared by every context
  of one run) so an error is said in it too.
- The fact base: the global options before and after the command, merged.
- Standard output that cannot be written: exit 0 when the reader left
  (``| head``), 74 when output was lost; never a traceback.
- Exit codes (sysexits): 0 ok, 1 findings, 2 usage or unusable input,
  69 an optional part missing, 70 a bug, 74 output could not be written.

The store and the output helpers are imported when first needed, not at
start-up, so ``--help`` and ``--version`` stay at the floor of a bare Typer app.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypeVar

import msgspec
import typer

from aigap.core.errors import AigapError, Phrase, os_reason
from aigap.core.labels import language

if TYPE_CHECKING:
    from aigap.store.queries import Store

T = TypeVar("T")
Code = Literal["en", "ko"]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNAVAILABLE = 69  # sysexits EX_UNAVAILABLE: an optional part is not installed
EXIT_SOFTWARE = 70  # sysexits EX_SOFTWARE: a bug, and only a bug
EXIT_OUTPUT = 74  # sysexits EX_IOERR: standard output could not be written

# in ctx.meta, which every context of one run shares
LANG = "aigap.lang"


# --- the language ----------------------------------------------------------------


def keep_lang(ctx: typer.Context, value: Code | None) -> None:
    """Keep a ``--lang`` given on the command line for the rest of the run."""
    if value is not None:
        ctx.meta[LANG] = value


def lang(ctx: typer.Context | None) -> Code:
    """The run's language: --lang as read (after the command wins), else AIGAP_LANG."""
    given = ctx.meta.get(LANG) if ctx is not None else None
    if given in ("en", "ko"):
        return "ko" if given == "ko" else "en"
    raw = os.environ.get("AIGAP_LANG", "en")
    code = language(raw)
    if code is None:
        raise AigapError(Phrase("usage.lang_env", {"value": raw}))
    return code


def line_lang(ctx: typer.Context | None, line: Sequence[str]) -> Code:
    """The language of a run whose command line Click has not read to its end.

    A usage error (and ``--help``, which is eager) stops Click's parsing where
    it happens, before a later ``--lang`` is read; so the last ``--lang`` among
    the words of the line decides, else the one already read, else AIGAP_LANG.
    """
    found: Code | None = None
    for i, word in enumerate(line):
        if word == "--":
            break
        value = line[i + 1] if word == "--lang" and i + 1 < len(line) else None
        value = word.partition("=")[2] if word.startswith("--lang=") else value
        found = (language(value) if value is not None else None) or found
    if found is not None:
        return found
    try:
        return lang(ctx)
    except AigapError:  # a bad AIGAP_LANG: say the usage error in English
        return "en"


# --- the fact base -----------------------------------------------------------------


class Settings(msgspec.Struct, frozen=True):
    facts: tuple[str, ...]  # the fact files read as one base, packaged first
    max_bytes: int | None


def _given(ctx: typer.Context, name: str) -> bool:
    """Whether option ``name`` was typed on the command line (not from the environment)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


def settings(ctx: typer.Context) -> Settings:
    """The global options, before the command and after it (``gap mmlu --facts F``).

    ``--facts`` adds up; ``--no-packaged`` holds if given either side; a
    ``--max-bytes`` typed after the command wins over one before it, and
    either over ``AIGAP_MAX_BYTES``.
    """
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.factfiles.files import FACTS_ENV, expand_fact_paths, packaged_facts_path

    root = ctx.find_root()
    sides = [root] if root is ctx else [root, ctx]
    given = [path for side in sides for path in side.params.get("facts") or ()]
    packaged = not any(side.params.get("no_packaged") for side in sides)
    max_bytes = root.params.get("max_bytes")
    if ctx is not root and _given(ctx, "max_bytes"):
        max_bytes = ctx.params["max_bytes"]
    # --facts (repeatable) wins over AIGAP_FACTS (a list separated by os.pathsep)
    user = given or [p for p in os.environ.get(FACTS_ENV, "").split(os.pathsep) if p]
    if not packaged and not user:
        raise AigapError.said("error.no_fact_file")
    files = [str(packaged_facts_path())] if packaged else []
    return Settings(expand_fact_paths([*files, *user]), max_bytes)


def answer(ctx: typer.Context, query: Callable[[Store], T]) -> T:
    """Run a query on the active fact base (through its cache)."""
    from aigap.opener import with_store  # the store and its SQLite: not for --help

    found = settings(ctx)
    return with_store(found.facts, query, found.max_bytes)


# --- errors and streams -------------------------------------------------------------

# What a failed write to stdout raises: the reader left, a full disk, a closed fd.
OUTPUT_ERRNOS = frozenset(
    getattr(errno, name)
    for name in ("EPIPE", "ENOSPC", "EBADF", "EIO", "EDQUOT", "EFBIG", "EROFS")
    if hasattr(errno, name)
)


class StdoutClosed(OSError):
    """The process was started with no standard output (``>&-``)."""


class OutputFailed(Exception):
    """Writing stdout failed; not an OSError, so Click lets it reach main()."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


@contextlib.contextmanager
def output_errors() -> Iterator[None]:
    """Failed writes to stdout become OutputFailed, for main() to report.

    Click would exit 1 on EPIPE and let ENOSPC through as a crash; Rich's
    console (help pages) exits 1 on a broken pipe (Console.on_broken_pipe).
    Nothing else in aigap or Click leaves with a bare SystemExit(1).
    """
    try:
        yield
    except OSError as exc:
        if exc.errno in OUTPUT_ERRNOS:
            raise OutputFailed(exc) from None
        raise
    except SystemExit as exc:
        if exc.code == 1:
            raise OutputFailed(BrokenPipeError(errno.EPIPE, "Broken pipe")) from None
        raise


def say(lines: Sequence[str]) -> None:
    """Lines on stderr, each made safe: they may quote fact-file text or what was typed."""
    # deferred to this call, not loaded at start-up (docs/architecture.md, The CLI)
    from aigap.output.render import safe

    for line in lines:
        for part in line.split("\n"):
            sys.stderr.write(safe(part) + "\n")
    sys.stderr.flush()


def report(exc: AigapError, code: Code) -> None:
    say(exc.lines(code))


def prepare_streams() -> None:
    """A closed stdout is an error, and no encoding makes printing crash.

    A character the terminal's encoding cannot show (Korean under Latin-1, a
    stray byte from a non-UTF-8 argument) is printed as a backslash escape.
    """
    if sys.stderr is None:  # 2>&-: messages go nowhere rather than crash
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:  # >&-: Python leaves no stream; say so instead of exiting 0
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        fail_output(StdoutClosed(errno.EBADF, "standard output is closed"))
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    sys.stderr = Messages(sys.stderr)


class Messages:
    """Standard error that never fails: when its reader is gone (a closed pipe, a
    full disk) the message is lost, but the exit code stays the command's own
    (Click would exit 1 on the broken pipe)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError):
            return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:  # encoding, isatty, fileno: the stream's own
        return getattr(self._stream, name)


def fail_output(error: OSError) -> None:
    """Exit for a failed write to stdout: 0 when the reader left, else 74 with one line.

    A reader that stops early (``| head``) is not an error, whether or not the
    output fitted in the pipe before it left: exit 0 either way. Anything
    else (a full disk, a closed descriptor) loses output: exit 74.
    """
    # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no descriptor: drop what is buffered
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    if isinstance(error, BrokenPipeError):
        sys.exit(EXIT_OK)
    reason = Phrase("error.stdout_closed") if isinstance(error, StdoutClosed) else os_reason(error)
    try:
        sys.stderr.write(f"aigap: {_last_words('error.output', why=reason)}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    sys.exit(EXIT_OUTPUT)


def _last_words(key: str, **fields: object) -> str:
    """A message of main()'s last resort, in the language of the command line."""
    return Phrase(key, fields).text(line_lang(None, sys.argv[1:]))


def run(app: Callable[[], object]) -> None:
    """Run ``app``: no traceback for anything a user can cause; 70 for a bug."""
    prepare_streams()
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # here, not at exit, where a failure prints "Exception ignored"
    except KeyboardInterrupt:
        sys.exit(130)
    except OutputFailed as exc:
        fail_output(exc.error)
    except Exception as exc:  # a bug: say so in one line, not a traceback
        if isinstance(exc, OSError) and exc.errno in OUTPUT_ERRNOS:
            fail_output(exc)  # the final flush failed
        if os.environ.get("AIGAP_DEBUG"):
            raise
        from aigap.output.render import safe  # the message may quote fact-file text

        what = f"{type(exc).__name__}: {safe(str(exc)[:500])}"
        try:
            said = _last_words("error.internal", what=what).replace("\n", "\naigap: ")
        except Exception:  # the bug may be in the catalogue itself: say it in English
            said = (
                f"internal error: {what}\n"
                "aigap: set AIGAP_DEBUG=1 to see the traceback, and please report it"
            )
        sys.stderr.write(f"aigap: {said}\n")
        sys.exit(EXIT_SOFTWARE)
