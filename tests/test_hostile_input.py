"""Hostile and broken fact files: one clear error line, a deliberate exit code,
no traceback and under 200 MB, with libyaml and with the pure-Python parser.

The 2-second budget is measured by `benchmarks/hostile.py`, not asserted
here: a test never asserts a wall-clock time. The subprocess timeout below
only stops a hang.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from aigap.cli import app
from aigap.factfiles import yaml_reader

from .hostile_cases import _TYPES, CASES, FACTS, _line_of, run_aigap

# Real processes on 50 MB files: CI and `pytest -m slow` run these, plain `pytest` skips them.
pytestmark = pytest.mark.slow

runner = CliRunner()


@pytest.fixture(params=["c", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "python":
        monkeypatch.setattr(yaml_reader, "_SafeLoader", yaml.SafeLoader)
    monkeypatch.setenv("AIGAP_NO_CACHE", "1")
    return str(request.param)


def _first_error(stderr: str) -> str:
    return stderr.splitlines()[0] if stderr else ""


@pytest.mark.parametrize("case", list(CASES))
def test_commands_refuse_with_one_clear_line(parser: str, case: str, tmp_path: Path) -> None:
    make, expected, code = CASES[case]
    path = make(tmp_path)
    r = runner.invoke(app, ["--no-packaged", "--facts", str(path), "gap", "mmlu"])
    assert r.exit_code == code, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert _first_error(r.stderr).startswith(f"{path}{expected}"), r.stderr
    assert "Traceback" not in r.output
    if case != "number-as-string":  # that one lists each wrong field
        assert len(r.stderr.splitlines()) == 1, r.stderr


@pytest.mark.parametrize("case", list(CASES))
def test_check_reports_the_same_with_columns(parser: str, case: str, tmp_path: Path) -> None:
    make, expected, code = CASES[case]
    path = make(tmp_path)
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == code, r.output
    first = r.stdout.splitlines()[0]
    where, _, rest = expected.partition(": ")
    assert first.startswith(f"{path}{where}"), first
    assert f"error: {rest}" in first, first


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(FACTS)
    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setenv("AIGAP_NO_CACHE", "1")
    r = runner.invoke(app, ["--no-packaged", "--facts", str(path), "gap", "mmlu"])
    assert r.exit_code == 2
    assert r.stderr == f"{path}: cannot read: permission denied\n"


def test_a_directory_that_cannot_be_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A --facts directory one may enter but not list (mode 711) was exit 70."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "facts.yaml").write_bytes(FACTS)
    real_listdir = os.listdir

    def refuse(name: object = ".") -> list[str]:
        if str(name) == str(mine):
            raise PermissionError(13, "Permission denied", str(name))
        return real_listdir(name)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "listdir", refuse)
    monkeypatch.setenv("AIGAP_NO_CACHE", "1")
    for args in (["--no-packaged", "--facts", str(mine), "gap", "mmlu"], ["check", str(mine)]):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, r.output
        assert f"{mine}: " in r.output and "cannot read: permission denied" in r.output


def test_bom_is_a_warning_and_the_file_still_works(parser: str, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + FACTS)
    r = runner.invoke(app, ["--no-packaged", "--facts", str(path), "gap", "mmlu"])
    assert r.exit_code == 0, r.output
    assert "MMLU" in r.stdout
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 1
    assert r.stdout == f"{path}:1:1: warning: UTF-8 byte-order mark ignored\n"
    assert r.stderr.endswith(" facts, 1 warning\n")


def test_string_given_as_number(parser: str, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(_TYPES)
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 2
    line = _line_of('printed: "1366점"'.encode())
    assert f"{path}:{line}:5: error: expected a string, got a number (1366) (quote it)" in r.stdout


def test_size_limit_can_be_raised(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(FACTS)
    r = runner.invoke(
        app, ["--no-packaged", "--facts", str(path), "--max-bytes", "1000", "gap", "mmlu"]
    )
    assert r.exit_code == 2
    assert "over the 1,000-byte limit" in r.stderr
    r = runner.invoke(
        app, ["--no-packaged", "--facts", str(path), "--max-bytes", str(len(FACTS)), "gap", "mmlu"]
    )
    assert r.exit_code == 0, r.output


# --- the same through a real process: a segfault, hang or memory blow-up shows ---


@pytest.mark.parametrize("python_parser", [False, True], ids=["c", "python"])
@pytest.mark.parametrize("case", list(CASES))
def test_subprocess_refuses_within_memory(case: str, python_parser: bool, tmp_path: Path) -> None:
    make, expected, code = CASES[case]
    path = make(tmp_path)
    rc, err, _, peak_mb = run_aigap(
        ["--no-packaged", "--facts", str(path), "gap", "mmlu"], python_parser, tmp_path
    )
    assert rc == code, err
    assert err.splitlines()[0].startswith(f"{path}{expected}"), err
    assert "Traceback" not in err
    assert peak_mb < 200, f"peak {peak_mb:.0f} MB"
