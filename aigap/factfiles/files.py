"""Fact files as files: the packaged one, the size limit, a small regular file read whole,
directories expanded. No YAML here: the opener and the CLI use it on every start.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

import msgspec

from aigap.core.errors import AigapError, FactFileError, Phrase, Problem, os_reason

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
FACTS_ENV = "AIGAP_FACTS"  # a list of fact files and directories (os.pathsep)
MAX_BYTES_ENV = "AIGAP_MAX_BYTES"


def packaged_facts_path() -> Path:
    """The fact base shipped in the wheel, or the repository's in a checkout.

    The wheel copies the top-level facts.yaml into the package; a checkout or
    an editable install runs the package from the repository, beside it.
    """
    here = Path(__file__).resolve().parent.parent  # aigap/, above factfiles/
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
        raise AigapError.said("error.max_bytes.number", name=MAX_BYTES_ENV, raw=raw) from None
    if parsed <= 0:
        raise AigapError.said("error.max_bytes.positive", name=MAX_BYTES_ENV, raw=raw)
    return parsed


def fail(path: str, key: str, **fields: object) -> FactFileError:
    """The fact file ``path`` cannot be used, for the reason ``key`` of the catalogue."""
    return FactFileError((Problem.of(path, None, None, Phrase(key, fields)),))


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
        raise fail(path, "file.directory" if exc.is_dir else "file.special") from None
    except FileTooLarge as exc:
        raise too_large(path, exc.size, max_bytes) from None
    except IsADirectoryError:
        raise fail(path, "file.directory") from None
    except OSError as exc:
        key, why = _unreadable(exc)
        raise fail(path, key, why=why) from None


def too_large(path: str, size: int | None, max_bytes: int) -> FactFileError:
    if size is None:  # grew while we read it
        return fail(path, "file.grew", limit=f"{max_bytes:,}")
    return fail(path, "file.too_large", size=f"{size:,}", limit=f"{max_bytes:,}", env=MAX_BYTES_ENV)


def _unreadable(exc: OSError) -> tuple[str, str | Phrase]:
    """The catalogue key and the reason of a fact file that could not be read."""
    if isinstance(exc, FileNotFoundError):
        return "file.missing", ""
    if isinstance(exc, PermissionError):
        return "file.denied", ""
    if exc.filename is None:  # failed while reading, not opening
        return "file.unreadable", os_reason(exc)
    return "file.unopenable", os_reason(exc)


FACT_SUFFIXES = (".yaml", ".yml")


def expand_fact_paths(values: Sequence[str]) -> tuple[str, ...]:
    """--facts values -> fact files: a directory gives its *.yaml/*.yml files, sorted.

    The same file named twice is read once.
    """
    found: list[str] = []
    for value in values:
        if os.path.isdir(value):
            try:
                names = os.listdir(value)
            except OSError as exc:  # a directory we may enter but not list, say
                key, why = _unreadable(exc)
                raise fail(value, key, why=why) from None
            inside = sorted(
                os.path.join(value, name)
                for name in names
                if name.endswith(FACT_SUFFIXES) and not name.startswith(".")
            )
            if not inside:
                raise fail(value, "file.empty_directory")
            found.extend(inside)
        else:
            found.append(value)
    seen: set[str] = set()
    unique = []
    for path in found:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            unique.append(path)
    return tuple(unique)


class Part(msgspec.Struct, frozen=True):
    """What the cache keeps of one of the fact files it was built from, to tell
    later whether an edit changed only what that file alone holds."""

    sha256: str  # of its bytes: a file saved unchanged is not read again
    frozen: str  # digest of its benchmarks and entities as written (``frozen_digest``)
    sizes: Mapping[str, int]  # records per section


def bytes_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# What an edit may not change in a file without every file being read again:
# a benchmark's or entity's names, type and ties reach other files' facts
# (references, search text) and names; whether a file has a sources section
# decides whether the files together have one.
FROZEN = ("benchmarks", "entities")
PRESENT = ("sources",)


def frozen_digest(data: object) -> str:
    """A digest of a file's ``FROZEN`` sections exactly as written (order, types and
    all; absent and present-but-empty differ) and of which ``PRESENT`` sections it has."""
    top = data if isinstance(data, dict) else {}
    kept = [(section, top[section]) for section in FROZEN if section in top]
    kept += [(section, section in top) for section in PRESENT]
    return hashlib.sha256(repr(kept).encode("utf-8", "surrogatepass")).hexdigest()
