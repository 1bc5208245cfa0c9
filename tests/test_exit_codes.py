"""One rule for exit codes, in every command (docs/output.md, "Exit codes"):

0 ok, 1 findings, 2 usage or unusable input, 69 an optional part missing,
70 a bug, 74 output (stdout, a file, a directory) could not be written.
A closed stderr loses the message, never the code. Numbers past SQLite's or
Python's range are usage errors; absurd figures in a fact file are
file:line errors of the kind's rules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aigap.cli import app

from .test_installed import aigap_command

HANG = 120
TOO_BIG = str(2**63)  # one past SQLite's largest integer

# Every command, run so that it succeeds (files it writes go under {tmp}).
COMMANDS: dict[str, list[str]] = {
    "gap": ["gap", "mmlu"],
    "timeline": ["timeline"],
    "scores": ["scores"],
    "market": ["market"],
    "costs": ["costs"],
    "quotes": ["quotes"],
    "facts": ["facts"],
    "search": ["search", "deepseek"],
    "sources": ["sources"],
    "show": ["show", "nvidia"],
    "cite": ["cite", "gap-mmlu"],
    "check": ["check"],
    "export": ["export", "{tmp}/data"],
    "chart": ["chart", "gap", "--out", "{tmp}/gap.svg"],
}
# The same commands, each given something it cannot use.
USAGE: dict[str, list[str]] = {
    "gap": ["gap", "no-such-benchmark"],
    "timeline": ["timeline", "--since", "not-a-date"],
    "scores": ["scores", "no-such-benchmark"],
    "market": ["market", "--format", "xml"],
    "costs": ["costs", "--lang", "fr"],
    "quotes": ["quotes", "--limit", "-1"],
    "facts": ["facts", "--kind", "nothing"],
    "search": ["search"],
    "sources": ["sources", "--limit", TOO_BIG],
    "show": ["show", "no-such-id"],
    "cite": ["cite", "no-such-id"],
    "check": ["check", "--sources", "{tmp}/none"],
    "export": ["export", "{tmp}/file.txt"],
    "chart": ["chart", "gap", "--out", "{tmp}/gap.gif"],
}


def _args(args: list[str], tmp: Path) -> list[str]:
    return [a.replace("{tmp}", str(tmp)) for a in args]


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*aigap_command(), *args],
        env={**os.environ, "NO_COLOR": "1"},
        timeout=HANG,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    (tmp_path / "file.txt").write_text("mine", encoding="utf-8")
    return tmp_path


# --- numbers at the edges ----------------------------------------------------------


@pytest.mark.parametrize(
    "command", ["search deepseek", "show nvidia", "facts", "timeline", "quotes"]
)
def test_a_limit_past_sqlite_is_a_usage_error(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [*command.split(), "--limit", TOO_BIG])
    assert result.exit_code == 2, result.output
    assert "9223372036854775807" in result.output  # the allowed range
    assert "internal error" not in result.output


def _fact_file(tmp_path: Path, section: str, body: str) -> str:
    path = tmp_path / "edge.yaml"
    path.write_text(
        "schema: 1\n"
        "sources:\n"
        "  - {id: s1, outlet: {en: X}, headline: {ko: 제목}, byline: {en: A},"
        " published: 2025-01-01, language: ko}\n"
        f"{section}:\n{body}",
        encoding="utf-8",
    )
    return str(path)


_FACT = '  - id: edge\n    source: s1\n    passage: "문장"\n    passage_en: "words"\n'
EDGES = {
    "gap of 1e300 pp": (
        "gaps",
        _FACT + "    benchmark: mmlu\n    unit: pp\n    printed_unit: '%'\n    values:\n"
        "      - {date: 2023, label: {en: a}, value: 1.0e+300, printed: x}\n"
        "      - {date: 2024, label: {en: b}, value: 1.0e-300, printed: y}\n",
        "1e+300 is out of range: must be from 0 to 100",
    ),
    "negative gap": (
        "gaps",
        _FACT + "    benchmark: mmlu\n    unit: pp\n    printed_unit: '%'\n    values:\n"
        "      - {date: 2023, label: {en: a}, value: 5, printed: x}\n"
        "      - {date: 2024, label: {en: b}, value: -1.797e+308, printed: y}\n",
        "out of range",
    ),
    "fall of 100%": (
        "market",
        _FACT + "    date: 2025-01-27\n    subject: {en: Co}\n    kind: company\n"
        "    change: -100\n    change_printed: '100%'\n",
        "-100 is out of range: must be above -100",
    ),
    "score of 101%": (
        "scores",
        _FACT + "    benchmark: mmlu\n    model: {en: M}\n    organization: {en: O}\n"
        "    country: US\n    date: 2024\n    value: 101\n    unit: percent\n    printed: x\n",
        "101 is out of range: must be from 0 to 100",
    ),
    "infinite amount": (
        "costs",
        _FACT + "    subject: {en: S}\n    claim: {en: C}\n    amounts:\n"
        "      - {value: .inf, unit: usd, printed: x}\n",
        "finite",
    ),
}


@pytest.mark.parametrize("case", list(EDGES))
def test_absurd_figures_are_file_line_errors(runner: CliRunner, tmp_path: Path, case: str) -> None:
    section, body, said = EDGES[case]
    facts = _fact_file(tmp_path, section, body)
    for command in (["gap"], ["show", "edge"], ["facts", "-f", "json"], ["check"]):
        result = runner.invoke(app, ["--no-packaged", "--facts", facts, *command])
        assert result.exit_code in (1, 2), (command, result.output)
        assert "edge.yaml:" in result.output and said in result.output, result.output
        assert "internal error" not in result.output and "Infinity" not in result.stdout


def test_gap_json_never_prints_non_finite_numbers() -> None:
    import io

    from aigap.output.render import write_json_array

    out = io.StringIO()
    write_json_array([{"a": float("inf"), "b": [float("nan"), 1.5]}], out)
    assert json.loads(out.getvalue()) == [{"a": None, "b": [None, 1.5]}]


# --- the exit-code table, per command ------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", list(COMMANDS))
def test_each_command_ok_and_usage(command: str, tmp: Path) -> None:
    ok = _run(_args(COMMANDS[command], tmp), capture_output=True)
    assert ok.returncode == 0, ok.stderr
    bad = _run(_args(USAGE[command], tmp), capture_output=True)
    assert bad.returncode == 2, bad.stderr
    assert bad.stderr and b"internal error" not in bad.stderr
    assert (tmp / "file.txt").read_text(encoding="utf-8") == "mine"


def _closed_pipe() -> Iterator[int]:
    read, write = os.pipe()
    os.close(read)  # the reader is gone: every write fails with EPIPE
    try:
        yield write
    finally:
        os.close(write)


@pytest.mark.slow
@pytest.mark.parametrize("command", list(COMMANDS))
def test_stderr_closed_keeps_the_code(command: str, tmp: Path) -> None:
    """A message that cannot be shown is lost; the exit code is still the command's."""
    for args, code in ((COMMANDS[command], 0), (USAGE[command], 2)):
        for pipe in _closed_pipe():
            result = _run(_args(args, tmp), stdout=subprocess.DEVNULL, stderr=pipe)
            assert result.returncode == code, (args, result.returncode)
        result = _run(_args(args, tmp), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert result.returncode == code


@pytest.mark.slow
# (check prints nothing on stdout when the base is clean: its summary is on stderr)
@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in ("export", "chart", "check")])
def test_stdout_full_or_closed_is_74(command: str, tmp: Path) -> None:
    with open("/dev/full", "w") as full:
        result = _run(_args(COMMANDS[command], tmp), stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 74, result.stderr
    assert b"cannot write output" in result.stderr
    aigap = " ".join(aigap_command())
    closed = subprocess.run(
        ["bash", "-c", f"{aigap} {' '.join(_args(COMMANDS[command], tmp))} >&-"],
        capture_output=True,
        timeout=HANG,
    )
    assert closed.returncode == 74, closed.stderr


# --- a file or directory that cannot be written: 74 ------------------------------------

WRITERS = {
    "export": ["export", "{dir}/data"],
    "chart": ["chart", "gap", "--out", "{dir}/gap.png"],
    "--svg": ["gap", "--svg", "{dir}/gap.svg"],
}


def _writer(name: str, directory: Path) -> list[str]:
    return [a.replace("{dir}", str(directory)) for a in WRITERS[name]]


def _mount(target: Path, options: str) -> bool:
    """A small tmpfs at ``target``; False where this machine cannot mount one."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    target.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
        capture_output=True,
        timeout=HANG,
    )
    return done.returncode == 0


def _fill(path: Path) -> None:
    """Write ``path`` until the file system is full."""
    with open(path, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass


def _unmount(target: Path) -> None:
    subprocess.run(["umount", str(target)], capture_output=True, timeout=HANG)


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_missing_directory_is_74(writer: str, tmp_path: Path) -> None:
    result = _run(_writer(writer, tmp_path / "no" / "such"), capture_output=True)
    assert result.returncode == 74, result.stderr
    assert result.stderr.count(b"\n") == 1 and b"internal error" not in result.stderr


@pytest.mark.parametrize("writer", list(WRITERS))
def test_permission_denied_is_74(
    writer: str, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    place = tmp_path / "place"
    place.mkdir(mode=0o555)
    if os.geteuid() == 0:  # root writes anywhere: the system's refusal, simulated
        real_open, real_mkdir = os.open, os.mkdir

        def refuse(real: Any) -> Any:
            def call(path: Any, *args: Any, **kwargs: Any) -> Any:
                if str(path).startswith(str(place)):
                    raise PermissionError(13, "Permission denied")
                return real(path, *args, **kwargs)

            return call

        monkeypatch.setattr(os, "open", refuse(real_open))
        monkeypatch.setattr(os, "mkdir", refuse(real_mkdir))
    result = runner.invoke(app, _writer(writer, place))
    assert result.exit_code == 74, result.output
    assert "ermission denied" in result.output and "internal error" not in result.output
    assert os.listdir(place) == []


@pytest.mark.slow
@pytest.mark.parametrize("writer", list(WRITERS))
@pytest.mark.parametrize("trouble", ["read-only", "full"])
def test_an_unwritable_file_system_is_74(writer: str, trouble: str, tmp_path: Path) -> None:
    place = tmp_path / "place"
    options = "ro,size=64k" if trouble == "read-only" else "size=64k"
    if not _mount(place, options):
        pytest.skip("cannot mount a small tmpfs here (needs Linux and root)")
    if trouble == "full":
        _fill(place / "filler")
    try:
        result = _run(_writer(writer, place), capture_output=True)
        assert result.returncode == 74, (result.returncode, result.stderr)
        assert b"internal error" not in result.stderr
        # nothing half-written left behind
        assert sorted(os.listdir(place)) == ([] if trouble == "read-only" else ["filler"])
    finally:
        _unmount(place)


# Every path a command line gives: empty, it is a usage error naming the parameter
# (not ".", the current directory, nor a file or directory aigap then cannot find).
EMPTY_PATHS: list[tuple[list[str], str, str]] = [
    (["export", ""], "'DIR'", "'디렉터리'"),
    (["chart", "gap", "-o", ""], "'--out' / '-o'", "'--out' / '-o'"),
    (["gap", "--svg", ""], "'--svg'", "'--svg'"),
    (["verify", ""], "'FILE'", "'파일'"),
    (["check", ""], "'PATH'", "'경로'"),
    (["check", "facts.yaml", ""], "'PATH'", "'경로'"),
    (["check", "--sources", ""], "'--sources'", "'--sources'"),
    (["--facts", "", "gap"], "'--facts'", "'--facts'"),
    (["gap", "--facts", ""], "'--facts'", "'--facts'"),
]


@pytest.mark.parametrize(("args", "en", "ko"), EMPTY_PATHS, ids=lambda a: " ".join(a) or "''")
def test_an_empty_path_is_a_usage_error_naming_it(
    runner: CliRunner, args: list[str], en: str, ko: str
) -> None:
    said = runner.invoke(app, args)
    flat = " ".join(said.stderr.replace("│", " ").split())
    assert said.exit_code == 2, said.output
    assert f"Invalid value for {en}: an empty path ('')" in flat
    said = runner.invoke(app, ["--lang", "ko", *args])
    assert said.exit_code == 2, said.output
    assert f"오류: {ko}의 값이 잘못되었습니다: 빈 경로('')" in said.stderr
