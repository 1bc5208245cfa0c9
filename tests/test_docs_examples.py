"""The examples in README.md and docs/*.md are real output.

Each ```console block whose command is a plain `$ aigap ...` line (no pipe,
redirect or second command, no file the reader must make first) is run at
80 columns without colour, and what follows the command must be exactly what
aigap prints (stdout, then stderr). After a deliberate change of output,
regenerate with ``AIGAP_UPDATE_GOLDEN=1 pytest tests/test_docs_examples.py``
and read the diff.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app

REPO = Path(__file__).resolve().parent.parent
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(r"(```console\n)(.*?)(```)", re.S)
# Shell syntax or files a reader makes first: such examples are shown, not run.
NOT_RUN = re.compile(r"[|;>&#]|\$\?|mine\.yaml|clash\.yaml|--sources|--svg|\bexport\b|\bchart\b")


def examples(path: Path) -> list[tuple[str, str]]:
    """(command line, expected output) of every runnable example in ``path``."""
    found = []
    for match in BLOCK.finditer(path.read_text(encoding="utf-8")):
        lines = match.group(2).split("\n")
        if not lines[0].startswith("$ aigap ") or any(x.startswith("$ ") for x in lines[1:]):
            continue
        if NOT_RUN.search(lines[0]):
            continue
        found.append((lines[0][2:], "\n".join(lines[1:])))
    return found


def run(command: str) -> str:
    result = CliRunner().invoke(app, shlex.split(command)[1:])
    return result.stdout + result.stderr


def update(path: Path) -> None:
    def replace(match: re.Match[str]) -> str:
        lines = match.group(2).split("\n")
        command = lines[0]
        if not command.startswith("$ aigap ") or any(x.startswith("$ ") for x in lines[1:]):
            return match.group(0)
        if NOT_RUN.search(command):
            return match.group(0)
        return f"{match.group(1)}{command}\n{run(command[2:])}{match.group(3)}"

    path.write_text(BLOCK.sub(replace, path.read_text(encoding="utf-8")), encoding="utf-8")


CASES = [(p.name, command, out) for p in DOCS for command, out in examples(p)]


@pytest.mark.parametrize(("doc", "command", "expected"), CASES, ids=[c[1] for c in CASES])
def test_example_is_real_output(
    doc: str, command: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    if os.environ.get("AIGAP_UPDATE_GOLDEN"):
        update(next(p for p in DOCS if p.name == doc))
        return
    assert run(command) == expected, f"{doc}: {command}"


def test_the_readme_has_runnable_examples() -> None:
    assert len(examples(REPO / "README.md")) >= 5


def test_the_docs_have_runnable_examples() -> None:
    assert len(examples(REPO / "docs" / "commands.md")) >= 30


def test_ci_runs_the_readmes_test_command_verbatim() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python3 -m venv .*)\n```", readme)
    assert len(commands) == 2, commands  # one installs and runs, one installs and tests
    test_command = next(c for c in commands if "pytest" in c)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci
    assert "pytest -m slow" in ci  # and CI runs the slow tier too


@pytest.mark.parametrize("doc", DOCS, ids=[p.name for p in DOCS])
def test_no_machine_paths_or_gone_module_names(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])/(work|home|Users|root|tmp)/", text)
    if doc.name == "README.md":  # the README is for users: no module names at all
        assert not re.search(r"\b(queries|listings|store|cli)\.py\b", text)
