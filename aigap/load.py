"""Find, read and validate a fact file, reporting problems as PATH:LINE."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import msgspec

from aigap.errors import AigapError, FactFileError, Problem

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
FACTS_ENV = "AIGAP_FACTS"
MAX_BYTES_ENV = "AIGAP_MAX_BYTES"


def packaged_facts_path() -> Path:
    """The fact base shipped in the wheel, or the repository's in a checkout.

    The wheel copies the top-level facts.yaml into the package; a checkout or
    an editable install runs the package from the repository, beside it.
    """
    here = Path(__file__).resolve().parent
    shipped = here / "facts.yaml"
    if shipped.is_file():
        return shipped
    return here.parent / "facts.yaml"


def max_bytes_from_env(value: int | None = None) -> int:
    if value is not None:
        return value
    raw = os.environ.get(MAX_BYTES_ENV)
    if raw is None:
        return DEFAULT_MAX_BYTES
    try:
        parsed = int(raw)
    except ValueError:
        raise AigapError(f"{MAX_BYTES_ENV} must be a whole number of bytes, got {raw!r}") from None
    if parsed <= 0:
        raise AigapError(f"{MAX_BYTES_ENV} must be positive, got {raw!r}")
    return parsed


def _fail(path: str, message: str) -> FactFileError:
    return FactFileError((Problem(path, None, None, "error", message),))


class NotRegularFile(Exception):
    """The path is a directory, FIFO, device or socket, not a regular file."""

    def __init__(self, is_dir: bool) -> None:
        super().__init__("is a directory" if is_dir else "is not a regular file")
        self.is_dir = is_dir


class FileTooLarge(Exception):
    """Over the byte limit; ``size`` is None when it grew while being read."""

    def __init__(self, size: int | None) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular_file(path: str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """A whole regular file of at most ``max_bytes``, without ever blocking.

    Opened non-blocking and checked with fstat, so a FIFO or a device such as
    /dev/zero is refused rather than read. Errors from opening carry the
    file name (``exc.filename``); errors while reading do not.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(stat.S_ISDIR(info.st_mode))
        if info.st_size > max_bytes:
            raise FileTooLarge(info.st_size)
        # In chunks sized by the file, not the limit: a limit of 2**63 - 1
        # ("no limit") must not become one huge allocation.
        limit, total, chunks = max_bytes + 1, 0, []
        while total < limit:
            chunk = os.read(fd, min(limit - total, max(info.st_size + 1 - total, 1 << 16)))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise FileTooLarge(None)
    return data, info


def read_fact_bytes(path: str, max_bytes: int) -> tuple[bytes, os.stat_result]:
    """Read a fact file whole, refusing what is not a small regular file."""
    try:
        return read_regular_file(path, max_bytes)
    except NotRegularFile as exc:
        raise _fail(path, "is a directory, not a fact file" if exc.is_dir else str(exc)) from None
    except FileTooLarge as exc:
        raise too_large(path, exc.size, max_bytes) from None
    except IsADirectoryError:
        raise _fail(path, "is a directory, not a fact file") from None
    except OSError as exc:
        raise _fail(path, _unreadable(exc)) from None


def too_large(path: str, size: int | None, max_bytes: int) -> FactFileError:
    if size is None:  # grew while we read it
        return _fail(path, f"file is over the {max_bytes:,}-byte limit")
    return _fail(
        path,
        f"file is {size:,} bytes, over the {max_bytes:,}-byte limit "
        f"(raise it with --max-bytes or {MAX_BYTES_ENV})",
    )


def _unreadable(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if exc.filename is None:  # failed while reading, not opening
        return f"cannot read: {exc.strerror or exc}"
    return f"cannot open: {exc.strerror or exc}"


class Checked(msgspec.Struct):
    """The outcome of a full check: the base (None on errors) and all problems."""

    base: Any
    problems: list[Problem]
    data: Any = None
    info: os.stat_result | None = None
    raw: bytes | None = None  # the file's bytes, to locate later findings

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def check_fact_file(path: str, max_bytes: int | None = None) -> Checked:
    """Read, parse and validate; every problem comes with its line and column."""
    from aigap.validate import validate
    from aigap.yaml_reader import read_yaml

    data_bytes, info = read_fact_bytes(path, max_bytes_from_env(max_bytes))
    try:
        doc = read_yaml(data_bytes, path)
    except (RecursionError, MemoryError, ValueError) as exc:  # defensive: never a traceback
        return Checked(None, [Problem(path, None, None, "error", f"cannot parse: {exc!r}")])
    problems = list(doc.problems)
    if any(p.severity == "error" for p in problems):
        return Checked(None, problems)
    result = validate(doc.data, path)
    if result.issues:
        places = locate_paths(data_bytes, path, [issue.path for issue in result.issues])
        for (line, col), issue in zip(places, result.issues, strict=True):
            problems.append(Problem(path, line, col, issue.severity, issue.message))
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return Checked(result.base, problems, doc.data, info, data_bytes)


def locate_paths(raw: bytes, path: str, paths: list[tuple[Any, ...]]) -> list[tuple[int, int]]:
    """Line and column of each data path, by re-reading ``raw`` with positions."""
    from aigap.yaml_reader import read_yaml

    if not paths:
        return []
    # Only these paths and their ancestors (where _locate falls back to):
    # every node's position would take more memory than the data itself.
    wanted = {p[:end] for p in paths for end in range(len(p) + 1)}
    positions = read_yaml(raw, path, want_positions=wanted).positions or {}
    return [_locate(positions, p) for p in paths]


def _locate(positions: dict[Any, tuple[int, int]], path: tuple[Any, ...]) -> tuple[int, int]:
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return 1, 1


def _load(path: str, max_bytes: int | None) -> Checked:
    checked = check_fact_file(path, max_bytes)
    if not checked.ok:
        raise FactFileError(tuple(checked.problems))
    return checked


def load_fact_base(path: str, max_bytes: int | None = None) -> Any:
    """A validated FactBase, or FactFileError listing every error."""
    return _load(path, max_bytes).base


def load_fact_base_with_data(path: str, max_bytes: int | None = None) -> tuple[Any, os.stat_result]:
    """The validated raw data (for the cache) and the stat it was read under."""
    checked = _load(path, max_bytes)
    assert checked.info is not None
    return checked.data, checked.info
