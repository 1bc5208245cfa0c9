"""A hostile environment, through the installed `aigap` as a real process:
stdout closed, full or gone; non-UTF-8 locales, bytes and paths; huge size
limits; a warm cache and --max-bytes; crashed and concurrent cache writers;
NFD text; any terminal width. Each ends with a documented exit code and at
most one clear line, never "internal error" (70). No wall-clock asserts: the
timeouts only stop a hang.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app

from .conftest import REPO
from .test_installed import aigap_command

# Many real processes: CI and `pytest -m slow` run these, plain `pytest` skips them.
pytestmark = pytest.mark.slow

HANG = 120
FACTS = REPO / "facts.yaml"
EXIT_OUTPUT = 74
runner = CliRunner()


def run(
    args: list[str | bytes], stdout: object = subprocess.PIPE, **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*aigap_command(), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, **env},
        timeout=HANG,
    )


def shell(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    aigap = aigap_command()[0]
    return subprocess.run(
        ["bash", "-c", script.replace("aigap", aigap, 1)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=HANG,
    )


# --- stdout closed, full, or its reader gone -------------------------------------


def test_closed_stdout_is_an_error_not_silence() -> None:
    r = shell("aigap gap mmlu >&-; echo $? >&2")
    assert r.stderr == "aigap: cannot write output: standard output is closed\n74\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["facts"], ["gap", "mmlu", "--format", "json"], ["--help"], ["show", "gap-mmlu"]]
)
def test_full_disk_is_one_line_and_exit_74(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        r = run([*args], stdout=full)
    assert r.returncode == EXIT_OUTPUT, r.stderr
    assert r.stderr.decode() == "aigap: cannot write output: No space left on device\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_korean_run_says_why_it_could_not_write_in_korean() -> None:
    with open("/dev/full", "w") as full:
        r = run(["gap", "mmlu", "--lang", "ko"], stdout=full)
    assert r.returncode == EXIT_OUTPUT, r.stderr
    assert r.stderr.decode() == "aigap: 출력을 쓸 수 없습니다: 장치에 남은 공간이 없습니다\n"
    r = shell("aigap gap mmlu --lang ko >&-; echo $? >&2")
    assert r.stderr == "aigap: 출력을 쓸 수 없습니다: 표준 출력이 닫혀 있습니다\n74\n"


@pytest.mark.parametrize(
    "args",
    [["facts"], ["facts", "--format", "json"], ["--help"], ["gap", "--help"], ["--version"]],
)
def test_reader_gone_is_exit_0_and_silent(args: list[str]) -> None:
    # The read end is closed before aigap writes: every write gets EPIPE.
    proc = subprocess.Popen(
        [*aigap_command(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=HANG) == 0
    assert err == b""  # no "Exception ignored ... BrokenPipeError"


def test_head_on_big_output(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate_facts import write  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    big = write(2000, tmp_path)
    r = shell(
        f"aigap --no-packaged --facts {big} facts --format json | head -1; echo ${{PIPESTATUS[0]}}"
    )
    assert r.stdout == "[\n0\n", r.stderr
    assert r.stderr == ""


# --- encodings, bytes and paths ---------------------------------------------------

LISTINGS = [["gap"], ["quotes"], ["search", "딥시크"]]


@pytest.mark.parametrize("encoding", ["euc-kr", "latin-1"])
@pytest.mark.parametrize("args", LISTINGS, ids=lambda a: "-".join(a))
def test_non_utf8_terminal(encoding: str, args: list[str]) -> None:
    utf8 = run([*args, "--format", "json"], PYTHONIOENCODING="utf-8")
    table = run([*args, "--lang", "ko"], PYTHONIOENCODING=encoding)
    assert table.returncode == 0, table.stderr
    table.stdout.decode(encoding)  # every byte is in the terminal's encoding
    as_json = run([*args, "--format", "json"], PYTHONIOENCODING=encoding)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout.decode(encoding)) == json.loads(utf8.stdout)
    as_csv = run([*args, "--format", "csv"], PYTHONIOENCODING=encoding)
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.reader(io.StringIO(as_csv.stdout.decode(encoding))))
    assert len(rows) == len(json.loads(utf8.stdout)) + 1
    assert len({len(row) for row in rows}) == 1


def test_error_messages_in_a_latin1_terminal() -> None:
    r = run(["gap", "수학x"], PYTHONIOENCODING="latin-1")
    assert r.returncode == 2
    assert r.stderr.decode("latin-1").startswith("unknown benchmark '\\uc218\\ud559x'")


def _no_temp_files(cache: Path) -> None:
    assert [p.name for p in cache.iterdir() if p.name.endswith(".tmp")] == []


def test_non_utf8_bytes_in_paths_and_arguments(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"AIGAP_CACHE_DIR": str(cache)}
    odd = os.fsencode(tmp_path) + b"/caf\xe9"
    os.mkdir(odd)
    with open(odd + b"/facts.yaml", "wb") as f:
        f.write(FACTS.read_bytes())
    for _ in range(2):  # cold, then warm
        r = run(["--no-packaged", "--facts", odd + b"/facts.yaml", "gap", "mmlu"], **env)
        assert r.returncode == 0, r.stderr
        assert b"17.5 pp" in r.stdout
    _no_temp_files(cache)
    r = run(["--no-packaged", "--facts", odd + b"/missing.yaml", "gap", "mmlu"], **env)
    assert r.returncode == 2
    assert r.stderr.count(b"\n") == 1 and r.stderr.endswith(b": no such file\n")
    for args in (["show", b"caf\xe9"], ["cite", b"caf\xe9"], ["gap", b"caf\xe9"]):
        r = run(args, **env)
        assert r.returncode == 2, r.stderr
        assert b"internal error" not in r.stderr
    r = run(["search", b"caf\xe9"], **env)
    assert r.returncode == 0, r.stderr
    _no_temp_files(cache)


def test_newline_in_a_path_stays_on_one_line(tmp_path: Path) -> None:
    path = str(tmp_path / "a\nb.yaml")
    r = run(["--no-packaged", "--facts", path, "gap"])
    assert r.returncode == 2
    assert r.stderr.decode() == f"{tmp_path}/a\\x0ab.yaml: no such file\n"
    r = run(["check", path])
    assert r.returncode == 2
    assert r.stdout.decode().count("\n") == 1 and "\\x0a" in r.stdout.decode()


# --- size limits and the cache ----------------------------------------------------


@pytest.mark.parametrize("limit", [str(10**11), str(2**63 - 1)])
def test_huge_size_limit_means_no_limit(limit: str, tmp_path: Path) -> None:
    for cache in ("0", "1"):
        r = run(["--max-bytes", limit, "gap", "mmlu"], AIGAP_NO_CACHE=cache)
        assert r.returncode == 0, r.stderr
        r = run(["gap", "mmlu"], AIGAP_MAX_BYTES=limit, AIGAP_NO_CACHE=cache)
        assert r.returncode == 0, r.stderr
        r = run(["check", "facts.yaml"], AIGAP_MAX_BYTES=limit)
        assert r.returncode == 0, r.stderr


def test_warm_cache_obeys_max_bytes(tmp_path: Path) -> None:
    env = {"AIGAP_CACHE_DIR": str(tmp_path)}
    assert run(["gap", "mmlu"], **env).returncode == 0  # warm now
    r = run(["--max-bytes", "1000", "gap", "mmlu"], **env)
    assert r.returncode == 2
    assert b"over the 1,000-byte limit" in r.stderr
    r = run(["gap", "mmlu"], AIGAP_MAX_BYTES="1000", **env)
    assert r.returncode == 2


def test_temp_files_of_a_killed_writer_are_removed(tmp_path: Path) -> None:
    from aigap.store.cache import cache_file_for

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    facts = tmp_path / "facts.yaml"
    facts.write_bytes(FACTS.read_bytes())
    os.environ["AIGAP_CACHE_DIR"] = str(cache)  # the autouse fixture restores it
    cache_file = cache_file_for(str(facts))
    assert cache_file is not None
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    leftovers = [
        cache.joinpath(f"{cache_file.name}.{int(dead.stdout)}.tmp"),  # its pid is gone
        cache.joinpath(f"{cache_file.name}.1.tmp"),  # pid 1 lives, but the file is old
    ]
    for path in leftovers:
        path.write_bytes(b"half a database")
    os.utime(leftovers[1], (0, 0))
    r = run(["--no-packaged", "--facts", str(facts), "gap", "mmlu"], AIGAP_CACHE_DIR=str(cache))
    assert r.returncode == 0, r.stderr
    _no_temp_files(cache)
    assert cache_file.exists()


# Counts the parses of the fact file: each process appends its pid to a log.
_COUNTING = (
    "import os, sys\n"
    "import aigap.factfiles.load as load\n"
    "real = load.load_fact_bases_with_data\n"
    "def counted(*args, **kwargs):\n"
    "    with open(os.environ['AIGAP_TEST_PARSES'], 'a') as log:\n"
    "        log.write(f'{os.getpid()}\\n')\n"
    "    return real(*args, **kwargs)\n"
    "load.load_fact_bases_with_data = counted\n"
    "from aigap.cli import main\n"
    "sys.argv[0] = 'aigap'\n"
    "main()\n"
)


def test_twenty_processes_on_a_cold_cache_parse_once(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_bytes(FACTS.read_bytes())
    log = tmp_path / "parses.log"
    env = {**os.environ, "AIGAP_CACHE_DIR": str(tmp_path / "cache"), "AIGAP_TEST_PARSES": str(log)}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _COUNTING,
                "--no-packaged",
                "--facts",
                str(facts),
                "gap",
                "mmlu",
                "-f",
                "json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(20)
    ]
    results = [p.communicate(timeout=HANG) for p in procs]
    assert [p.returncode for p in procs] == [0] * 20, results[0][1]
    assert len({out for out, _ in results}) == 1
    assert json.loads(results[0][0])[0]["fact_id"] == "gap-mmlu"
    assert len(log.read_text().split()) == 1
    _no_temp_files(tmp_path / "cache")


# --- Unicode NFC --------------------------------------------------------------------


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    "args",
    [
        ["search", "엔비디아"],
        ["gap", "수학"],
        ["quotes", "--who", "올트먼"],
        ["scores", "챗봇 아레나"],
    ],
)
def test_nfd_text_finds_the_same_facts(args: list[str], tmp_path: Path) -> None:
    nfd_file = tmp_path / "facts.yaml"
    nfd_file.write_text(_nfd(FACTS.read_text(encoding="utf-8")), encoding="utf-8")
    assert nfd_file.read_bytes() != FACTS.read_bytes()
    nfd_args = [_nfd(a) for a in args]
    expected = runner.invoke(app, [*args, "-f", "json"])
    assert expected.exit_code == 0, expected.output
    for facts, query in ((FACTS, nfd_args), (nfd_file, args), (nfd_file, nfd_args)):
        r = runner.invoke(app, ["--no-packaged", "--facts", str(facts), *query, "-f", "json"])
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout) == json.loads(expected.stdout)


def test_nfd_fact_file_checks_verbatim_against_nfc_sources(tmp_path: Path) -> None:
    from .conftest import SOURCES

    if not SOURCES.is_dir():
        pytest.skip(f"the source articles ({SOURCES}) are outside the repository")
    nfd_file = tmp_path / "facts.yaml"
    nfd_file.write_text(_nfd(FACTS.read_text(encoding="utf-8")), encoding="utf-8")
    r = runner.invoke(app, ["check", str(nfd_file), "--sources", str(SOURCES)])
    assert r.exit_code == 0, r.output


# --- any terminal width -------------------------------------------------------------

WIDTH_COMMANDS = [
    ["gap"],
    ["gap", "mmlu"],
    ["timeline"],
    ["scores"],
    ["scores", "arena"],
    ["market"],
    ["costs"],
    ["quotes"],
    ["facts"],
    ["search", "nvidia"],
    ["sources"],
    ["show", "market-nvidia-2025-01-27"],
    ["show", "gap-mmlu"],
]
WIDTHS = sorted({*range(20, 201, 12), 21, 25, 29, 55})
_FIGURE = re.compile(r"\d+(?:[.,:]\d+)*")


def _table(args: list[str], columns: str) -> str:
    r = runner.invoke(app, args, env={"COLUMNS": columns})
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("args", WIDTH_COMMANDS, ids=lambda a: "-".join(a))
def test_no_width_drops_or_cuts_a_figure(args: list[str], lang: str) -> None:
    args = [*args, "--lang", lang]
    wide = Counter(_FIGURE.findall(_table(args, "250")))
    for width in WIDTHS:
        narrow = _table(args, str(width))
        lost = wide - Counter(_FIGURE.findall(narrow))
        assert not lost, f"COLUMNS={width} lost or cut {dict(lost)}:\n{narrow}"


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "99999999999"])
def test_nonsense_width_is_unknown(columns: str) -> None:
    assert _table(["gap", "mmlu"], columns) == _table(["gap", "mmlu"], "80")


def test_json_figures_appear_in_the_narrow_table() -> None:
    r = runner.invoke(app, ["gap", "mmlu", "-f", "json"])
    row = json.loads(r.stdout)[0]
    narrow = _table(["gap", "mmlu"], "55")
    for key in ("then_value", "now_value", "change_pp"):
        assert re.search(rf"(?<![\d.]){re.escape(str(row[key]))}(?![\d])", narrow), key
    assert "~58× (50–70×)" in narrow


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_chart_with_an_unwritable_home_says_nothing_on_stderr(tmp_path: Path, lang: str) -> None:
    """matplotlib's "mkdir -p failed … Matplotlib created a temporary cache directory"
    (in English, in a Korean run) reached stderr: it copes, the reader can do nothing."""
    env = {k: v for k, v in os.environ.items() if k not in ("MPLCONFIGDIR", "XDG_CONFIG_HOME")}
    env.update(HOME=os.devnull, XDG_CACHE_HOME=str(tmp_path / "cache"))
    target = tmp_path / "gaps.svg"
    proc = subprocess.run(
        [*aigap_command(), "chart", "gap", "--out", str(target), "--lang", lang],
        capture_output=True,
        text=True,
        env=env,
        timeout=HANG,
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert target.stat().st_size > 0


def test_ctrl_c_while_starting_is_exit_130_without_a_traceback() -> None:
    """Ctrl-C in the first tenth of a second (the imports) printed a traceback."""
    script = (
        "import sys, types\n"
        "class Interrupted(types.ModuleType):\n"
        "    def __getattr__(self, name):\n"
        "        raise KeyboardInterrupt\n"
        "sys.modules['aigap.cli'] = Interrupted('aigap.cli')\n"
        "from aigap.__main__ import run\n"
        "run()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=HANG
    )
    assert (proc.returncode, proc.stderr) == (130, "")
