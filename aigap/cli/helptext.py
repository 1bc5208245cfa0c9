"""``--help`` from the catalogue, in the run's language.

Help texts live in the catalogue (``help.*`` in aigap.core.labels), English and
Korean side by side, not in the command functions. While a help page (or a
Korean usage line) is rendered, ``in_language`` sets the public attributes
Typer and Click render from — a command's ``help``, each parameter's
``help``, ``metavar``, ``rich_help_panel``, ``show_default``, ``show_envvar``
and ``required``, the ``options_metavar`` — and puts every one back after, so
one process (a test) can render both languages.

In Korean, what Typer would add in English (``[default: ...]``, ``[env var:
...]``, ``[required]``, the panel titles) is said by the catalogue instead.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import typer

from aigap.cli import runtime
from aigap.core.labels import LABELS, label

ROOT = "aigap"


def text_of(command: str, param: str, code: runtime.Code) -> str | None:
    """A parameter's help: its command's own (help.gap.benchmark), else the shared one."""
    for key in (f"help.{command}.{param}", f"help.opt.{param}"):
        if key in LABELS:
            return label(key, code, pathsep=os.pathsep)
    return None


class _Saved:
    def __init__(self) -> None:
        self.values: list[tuple[object, str, object]] = []

    def put(self, target: object, name: str, value: object) -> None:
        self.values.append((target, name, getattr(target, name, None)))
        setattr(target, name, value)

    def restore(self) -> None:
        for target, name, value in reversed(self.values):
            setattr(target, name, value)


@contextlib.contextmanager
def in_language(command: Any, ctx: typer.Context, code: runtime.Code) -> Iterator[None]:
    """``command``'s help texts (and a group's commands') in ``code`` while rendering."""
    saved = _Saved()
    name = ROOT if ctx.parent is None else (command.name or "")
    try:
        saved.put(command, "help", label(f"help.{name}", code))
        for param in command.get_params(ctx):
            _param(saved, name, param, code)
        commands = getattr(command, "commands", {})
        for sub_name, sub in commands.items():
            saved.put(sub, "help", label(f"help.{sub_name}", code))
        if code == "ko":
            saved.put(command, "options_metavar", label("help.options_metavar", code))
            if commands:
                saved.put(command, "subcommand_metavar", label("help.command_metavar", code))
                for sub in commands.values():
                    saved.put(sub, "rich_help_panel", label("help.panel.commands", code))
        yield
    finally:
        saved.restore()


def _no_type(ctx: object) -> None:
    """No type column: an argument's metavar and help say what it takes."""
    return None


def _param(saved: _Saved, command: str, param: Any, code: runtime.Code) -> None:
    text = text_of(command, param.name or "", code)
    if getattr(param, "is_flag", False):
        saved.put(param, "metavar", "")  # not Typer's <bool>, in either language
    if param.param_type_name == "argument":
        # Typer puts a Python type (<str>, <list[str]>) beside an argument's
        # name whatever its metavar; the name and the help already say it.
        saved.put(param, "display_type_rich", _no_type)
    if code != "ko":
        if text is not None:
            saved.put(param, "help", text)
        metavar = f"help.metavar.{param.name}"
        if param.param_type_name == "option" and metavar in LABELS:
            # an option's value named in words (DATE, TAG), never Typer's <str>
            saved.put(param, "metavar", label(metavar, code))
        return
    said = [text] if text else []
    notes = []
    default = getattr(param, "default", None)
    flag = getattr(param, "is_flag", False)
    if getattr(param, "show_default", None) and default not in (None, False, ()):
        value = getattr(default, "value", default)
        notes.append(label("help.default", code, value=value))
    envvar = getattr(param, "envvar", None)
    if isinstance(envvar, str):
        notes.append(label("help.envvar", code, name=envvar))
    if param.required:
        notes.append(label("help.required", code))
    if notes:
        said.append(f"({'; '.join(notes)})")
    saved.put(param, "help", " ".join(said))
    saved.put(param, "show_default", False)
    saved.put(param, "show_envvar", False)
    saved.put(param, "required", False)
    panel = "help.panel.options" if param.param_type_name == "option" else "help.panel.arguments"
    saved.put(param, "rich_help_panel", label(panel, code))
    metavar = f"help.metavar.{param.name}"
    if metavar in LABELS:
        saved.put(param, "metavar", label(metavar, code))
    elif flag:
        saved.put(param, "metavar", "")  # not Typer's <bool>
