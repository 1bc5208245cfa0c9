"""`aigap export DIR` never deletes or overwrites a file it did not write.

A re-export over a directory the user added files to, a copied (or forged)
datapackage.json beside the user's files, and exports killed while writing
and while swapping files in: the user's files stay, and the next export
cleans up after the killed one.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aigap.cli import app

HANG = 120


def _export(runner: CliRunner, target: Path, *args: str) -> Any:
    return runner.invoke(app, [*args, "export", str(target)])


def _tree(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def _user_files(target: Path) -> dict[str, bytes]:
    (target / "charts").mkdir()
    (target / "charts" / "fig1.png").write_bytes(b"\x89PNG\r\n\x1a\nmine")
    (target / "analysis.ipynb").write_text('{"cells": []}', encoding="utf-8")
    return {"charts/fig1.png": b"\x89PNG\r\n\x1a\nmine", "analysis.ipynb": b'{"cells": []}'}


def test_re_export_keeps_the_users_files(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "aigap-data"
    assert _export(runner, target).exit_code == 0
    before = _tree(target)
    mine = _user_files(target)
    result = _export(runner, target)
    assert result.exit_code == 0, result.output
    after = _tree(target)
    for name, data in mine.items():
        assert after[name] == data
    assert {k: v for k, v in after.items() if k not in mine} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aigap-data"]  # no work directory
    assert not [p for p in target.iterdir() if p.name.startswith(".")]


def test_a_resource_the_new_export_lacks_is_removed_only_if_unchanged(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "data"
    assert _export(runner, target).exit_code == 0
    manifest = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    # pretend an earlier export also wrote old.csv and gone.csv; the user changed gone.csv
    for name in ("old.csv", "gone.csv"):
        (target / name).write_bytes(b"id\r\nx\r\n")
    import hashlib

    digest = hashlib.sha256(b"id\r\nx\r\n").hexdigest()
    manifest["aigap"]["files"].update({"old.csv": digest, "gone.csv": digest})
    (target / "datapackage.json").write_text(json.dumps(manifest), encoding="utf-8")
    (target / "gone.csv").write_bytes(b"id\r\nmine\r\n")
    assert _export(runner, target).exit_code == 0
    assert not (target / "old.csv").exists()  # aigap's own, unchanged: removed
    assert (target / "gone.csv").read_bytes() == b"id\r\nmine\r\n"  # kept


@pytest.mark.parametrize("legacy", [False, True])
def test_a_copied_datapackage_json_beside_user_files_wipes_nothing(
    runner: CliRunner, tmp_path: Path, legacy: bool
) -> None:
    source = tmp_path / "earlier"
    assert _export(runner, source).exit_code == 0
    project = tmp_path / "project"
    project.mkdir()
    manifest = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    if legacy:  # an export from before digests were kept
        del manifest["aigap"]["files"]
    (project / "datapackage.json").write_text(json.dumps(manifest), encoding="utf-8")
    (project / "facts.csv").write_text("my own table\n", encoding="utf-8")
    (project / "notes.md").write_text("notes\n", encoding="utf-8")
    before = _tree(project)
    result = _export(runner, project)
    assert result.exit_code == 2
    assert "facts.csv is not the file aigap wrote" in result.output
    assert _tree(project) == before
    # without a name in the way, the user's files stay beside the new export
    (project / "facts.csv").unlink()
    assert _export(runner, project).exit_code == 0, result.output
    assert (project / "notes.md").read_text(encoding="utf-8") == "notes\n"


def test_a_forged_manifest_never_reaches_outside_dir(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "data"
    assert _export(runner, target).exit_code == 0
    outside = tmp_path / "outside.csv"
    outside.write_text("x", encoding="utf-8")
    manifest = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    manifest["aigap"]["files"].update({"../outside.csv": "0" * 64, ".hidden.csv": "0" * 64})
    (target / "datapackage.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert _export(runner, target).exit_code == 0
    assert outside.read_text(encoding="utf-8") == "x"


def test_a_directory_that_is_not_an_export_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "home"
    target.mkdir()
    mine = _user_files(target)
    result = _export(runner, target)
    assert result.exit_code == 2 and "not an earlier aigap export" in result.output
    assert _tree(target) == mine


# --- killed exports --------------------------------------------------------------

# Runs the CLI with one step made slow, so the test can kill it there.
_SLOW = """
import os, sys, time
import aigap.output.export as export
step = sys.argv.pop(1)
if step == "write":
    real = export._write_csv
    def slow(path, table):
        real(path, table)
        time.sleep(60)
    export._write_csv = slow
else:
    real_replace = os.replace
    def slow_replace(src, dst):
        real_replace(src, dst)
        if str(dst).endswith(".csv"):
            time.sleep(60)
    export.os.replace = slow_replace
from aigap.cli import main
sys.argv[0] = "aigap"
main()
"""


def _kill_during(step: str, target: Path, *args: str, ready: Any) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW, step, *args, "export", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    try:
        deadline = time.monotonic() + HANG
        while not ready() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(HANG)
        if process.stderr:
            process.stderr.close()


def _work_dirs(*directories: Path) -> list[Path]:
    return [p for d in directories if d.is_dir() for p in d.iterdir() if ".aigap-tmp." in p.name]


@pytest.mark.slow
def test_a_killed_new_export_is_cleaned_up_by_the_next(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "data"
    _kill_during("write", target, ready=lambda: any(p.iterdir() for p in _work_dirs(tmp_path)))
    assert _work_dirs(tmp_path) and not target.exists()  # killed while writing, beside DIR
    assert _export(runner, target).exit_code == 0
    assert _work_dirs(tmp_path, target) == []
    assert (target / "datapackage.json").is_file()


@pytest.mark.slow
def test_a_killed_re_export_is_cleaned_up_and_keeps_user_files(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "data"
    assert _export(runner, target).exit_code == 0
    mine = _user_files(target)
    _kill_during("write", target, ready=lambda: any(p.iterdir() for p in _work_dirs(target)))
    assert _work_dirs(target)
    assert _export(runner, target).exit_code == 0
    assert _work_dirs(tmp_path, target) == []
    after = _tree(target)
    assert all(after[name] == data for name, data in mine.items())


@pytest.mark.slow
def test_an_export_killed_while_swapping_files_is_replaced_by_the_next(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "data"
    assert _export(runner, target).exit_code == 0
    mine = _user_files(target)
    first = (target / "benchmarks.csv").read_bytes()
    other = tmp_path / "more.yaml"  # one more benchmark: other contents
    other.write_text(
        "schema: 1\nbenchmarks:\n  - id: extra-bench\n    name: {en: Extra}\n",
        encoding="utf-8",
    )

    def swapped() -> bool:
        return (target / "benchmarks.csv").exists() and "replacing" in (
            target / "datapackage.json"
        ).read_text(encoding="utf-8")

    _kill_during("swap", target, "--facts", str(other), ready=swapped)
    result = _export(runner, target)
    assert result.exit_code == 0, result.output
    assert (target / "benchmarks.csv").read_bytes() == first
    manifest = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert "replacing" not in manifest["aigap"]
    assert all(_tree(target)[name] == data for name, data in mine.items())
    assert _work_dirs(tmp_path, target) == []


def test_dir_is_printed_safely(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "a\x1b[31m\nb"
    result = _export(runner, target)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and result.stdout.count("\n") == 1
    assert "a\\x1b[31m\\x0ab: " in result.stdout and " resources (" in result.stdout


def test_every_resource_is_exported_even_empty(runner: CliRunner, tmp_path: Path) -> None:
    full = tmp_path / "full"
    assert _export(runner, full).exit_code == 0
    bare = tmp_path / "bare.yaml"
    bare.write_text(
        "schema: 1\nsources:\n  - {id: s1, outlet: {en: X}, headline: {ko: 제목},"
        " byline: {en: A}, published: 2025-01-01, language: ko}\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty"
    assert _export(runner, empty, "--no-packaged", "--facts", str(bare)).exit_code == 0
    names = sorted(p.name for p in full.iterdir())
    assert sorted(p.name for p in empty.iterdir()) == names and "entities.csv" in names
    assert (empty / "entities.csv").read_text(encoding="utf-8").startswith("id,")
