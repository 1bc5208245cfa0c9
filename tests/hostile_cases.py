"""Hostile and broken fact files, shared by the tests and benchmarks/hostile.py.

Each case makes a file in a directory and names the first error line aigap
must print for it (after the path) and the exit code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HANG_SECONDS = 120  # only stops a hang; budgets are measured, not asserted

REPO = Path(__file__).resolve().parent.parent
FACTS = (REPO / "facts.yaml").read_bytes()
MB = 1024 * 1024


def _laughs() -> bytes:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def _merge_bomb() -> bytes:
    lines = ["a0: &a0 {x: 1, y: 2}"]
    lines += [f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}], k{i}: 1}}" for i in range(1, 40)]
    return ("\n".join(lines) + "\n").encode()


def _write(data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / "facts.yaml"
        path.write_bytes(data)
        return path

    return make


def _big_scalar(tmp: Path) -> Path:
    path = tmp / "facts.yaml"
    with path.open("wb") as f:
        f.write(b'schema: 1\nsources: []\nx: "')
        chunk = b"a" * MB
        for _ in range(50):
            f.write(chunk)
        f.write(b'"\n')
    return path


def _big_block_scalar(tmp: Path) -> Path:
    path = tmp / "facts.yaml"
    line = b"  " + b"b" * 61 + b"\n"
    with path.open("wb") as f:
        f.write(b"schema: 1\nsources: []\nx: |\n")
        f.write(line * (50 * MB // len(line)))
    return path


def _sparse_200mb(tmp: Path) -> Path:
    path = tmp / "facts.yaml"
    with path.open("wb") as f:
        f.truncate(200 * MB)  # sparse: costs no disk and no time
    return path


def _directory(tmp: Path) -> Path:
    return tmp


def _missing(tmp: Path) -> Path:
    return tmp / "nope.yaml"


def _line_of(needle: bytes) -> int:
    return FACTS[: FACTS.index(needle)].count(b"\n") + 1


_TYPES = FACTS.replace(b"value: 1385", b'value: "1385"').replace(
    'printed: "1366점"'.encode(), b"printed: 1366"
)

# name -> (make file, first line printed by `aigap gap` after "PATH", exit code)
CASES: dict[str, tuple[Callable[[Path], Path], str, int]] = {
    "missing": (_missing, ": no such file", 2),
    # --facts DIR reads the fact files inside; an empty one has none to read
    "directory": (_directory, ": directory has no fact files (*.yaml, *.yml)", 2),
    "empty": (_write(b""), ":1: the file is empty: expected a mapping", 2),
    "not-utf8": (
        _write("schema: 1\nx: café\n".encode("latin-1")),
        ":2: not UTF-8: invalid byte 0xe9",
        2,
    ),
    "nul": (
        _write(b"schema: 1\nx: a\x00b\n"),
        ":2: NUL byte in file: a fact file is UTF-8 text",
        2,
    ),
    "syntax": (_write(b"schema: 1\nsources: [\n"), ":3: YAML syntax error: ", 2),
    "not-a-mapping": (
        _write(b"- 1\n- 2\n"),
        ":1: the top level must be a mapping of sections, got a list",
        2,
    ),
    "python-tag": (
        _write(b"schema: 1\nsources: !!python/object/apply:os.system [echo pwned]\n"),
        ":2: unsupported tag !!python/object/apply:os.system",
        2,
    ),
    "unknown-tag": (_write(b"schema: !custom 1\nsources: []\n"), ":1: unsupported tag !custom", 2),
    "billion-laughs": (_write(_laughs()), ":2: aliases (*a0) are not supported", 2),
    "merge-bomb": (_write(_merge_bomb()), ":2: merge keys (<<) are not supported", 2),
    "deep-flow": (
        _write(b"x: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"),
        ":1: nesting deeper than 32 levels",
        2,
    ),
    "deep-block": (
        _write(b"".join(b" " * i + b"- \n" for i in range(0, 2 * 5_000, 2))),
        ":33: nesting deeper than 32 levels",
        2,
    ),
    "scalar-50mb": (
        _big_scalar,
        ":3: scalar (or comment) after this point is longer than 1,000,000 characters"
        " (at most 1,000,000)",
        2,
    ),
    "block-scalar-50mb": (
        _big_block_scalar,
        ":3: scalar (or comment) after this point is longer than 1,000,000 characters"
        " (at most 1,000,000)",
        2,
    ),
    "int-5000-digits": (
        _write(b"schema: 1\nsources: []\nx: " + b"9" * 5000 + b"\n"),
        ":3: integer with 5000 digits is too long (at most 40)",
        2,
    ),
    "file-200mb": (
        _sparse_200mb,
        ": file is 209,715,200 bytes, over the 67,108,864-byte limit"
        " (raise it with --max-bytes or AIGAP_MAX_BYTES)",
        2,
    ),
    "duplicate-keys": (
        _write(b"schema: 1\nsources: []\nschema: 1\n"),
        ":3: duplicate key 'schema' in this mapping",
        2,
    ),
    "number-as-string": (
        _write(_TYPES),
        f":{_line_of(b'value: 1385')}: expected a number, got a string ('1385')"
        " (remove the quotes)",
        2,
    ),
    "control-char": (
        _write(b"schema: 1\nx: a\x1b[2Jb\n"),
        ":2: character U+001B is not allowed in a fact file",
        2,
    ),
}


# Run in the child: its own peak memory (VmHWM belongs to the exec'd process;
# rusage's ru_maxrss would include the RSS it was forked with from pytest).
_PEAK = (
    "import atexit, os\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as f:\n"
    "        kb = next(line.split()[1] for line in f if line.startswith('VmHWM:'))\n"
    "    with open(os.environ['AIGAP_TEST_PEAK'], 'w') as out:\n"
    "        out.write(kb)\n"
    "if os.path.exists('/proc/self/status'):\n"
    "    atexit.register(_peak)\n"
)
_FALLBACK = "import yaml, aigap.factfiles.yaml_reader as r\nr._SafeLoader = yaml.SafeLoader\n"
_MAIN = "import sys\nfrom aigap.cli import main\nsys.argv[0] = 'aigap'\nmain()\n"


def run_aigap(args: list[str], python_parser: bool, tmp: Path) -> tuple[int, str, float, float]:
    """Exit code, stderr, seconds and peak memory (MB; 0 if unknown) of one aigap run."""
    code = _PEAK + (_FALLBACK if python_parser else "") + _MAIN
    peak_file = tmp / "peak.txt"
    env = {**os.environ, "AIGAP_NO_CACHE": "1", "AIGAP_TEST_PEAK": str(peak_file)}
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            timeout=HANG_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return -1, f"aigap {' '.join(args)} hung", float(HANG_SECONDS), 0.0
    elapsed = time.perf_counter() - start
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else 0.0
    return proc.returncode, proc.stderr.decode("utf-8", "replace"), elapsed, peak
