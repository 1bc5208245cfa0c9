"""The installed `aigap` entry point, run as a real process from elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def aigap_command() -> list[str]:
    script = shutil.which("aigap", path=str(Path(sys.executable).parent)) or shutil.which("aigap")
    if script is None:
        pytest.skip("the aigap entry point is not installed")
    return [script]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIGAP_FACTS")}
    return subprocess.run(
        [*aigap_command(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_installed_aigap_finds_its_facts_from_any_directory(tmp_path: Path) -> None:
    result = run(["gap", "mmlu"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "MMLU" in result.stdout
    assert "17.5 pp" in result.stdout
    assert "Source: CBS NoCut News" in result.stdout
    assert "\x1b" not in result.stdout  # piped: no colour codes


def test_installed_aigap_errors_without_traceback(tmp_path: Path) -> None:
    result = run(["gap", "nosuchbench"], tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "unknown benchmark 'nosuchbench'" in result.stderr


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aigap", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("aigap ")


@pytest.mark.parametrize(
    ("args", "code", "collecting"),
    [
        (["gap", "mmlu"], 0, True),
        (["gap", "nosuchbench"], 2, True),
        (["--version"], 0, False),  # answered while parsing: nothing to collect
    ],
)
def test_entry_point_keeps_the_cli_exit_codes(
    tmp_path: Path, args: list[str], code: int, collecting: bool
) -> None:
    # run() starts with the garbage collector off and the CLI turns it back on
    # for a command's own work; what the CLI says and its exit code come through.
    program = (
        "import gc, sys\n"
        f"sys.argv = ['aigap', *{args!r}]\n"
        "from aigap.__main__ import run\n"
        "try:\n"
        "    run()\n"
        "finally:\n"
        f"    assert gc.isenabled() is {collecting}\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    if code == 0:
        assert result.stdout
