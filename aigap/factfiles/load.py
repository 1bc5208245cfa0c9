"""Find, read and validate a fact file, reporting problems as PATH:LINE."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from aigap.core.errors import AigapError, FactFileError, Phrase, Problem, os_reason

if TYPE_CHECKING:  # imported where used: the cache path never parses YAML
    from aigap.core.model import FactBase
    from aigap.factfiles.yaml_reader import Node, Position
    from aigap.factfiles.yaml_reader import Path as DataPath

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


def _fail(path: str, key: str, **fields: object) -> FactFileError:
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
        raise _fail(path, "file.directory" if exc.is_dir else "file.special") from None
    except FileTooLarge as exc:
        raise too_large(path, exc.size, max_bytes) from None
    except IsADirectoryError:
        raise _fail(path, "file.directory") from None
    except OSError as exc:
        key, why = _unreadable(exc)
        raise _fail(path, key, why=why) from None


def too_large(path: str, size: int | None, max_bytes: int) -> FactFileError:
    if size is None:  # grew while we read it
        return _fail(path, "file.grew", limit=f"{max_bytes:,}")
    return _fail(
        path, "file.too_large", size=f"{size:,}", limit=f"{max_bytes:,}", env=MAX_BYTES_ENV
    )


def _unreadable(exc: OSError) -> tuple[str, str | Phrase]:
    """The catalogue key and the reason of a fact file that could not be read."""
    if isinstance(exc, FileNotFoundError):
        return "file.missing", ""
    if isinstance(exc, PermissionError):
        return "file.denied", ""
    if exc.filename is None:  # failed while reading, not opening
        return "file.unreadable", os_reason(exc)
    return "file.unopenable", os_reason(exc)


class Checked(msgspec.Struct):
    """The outcome of a full check: the base (None on errors) and all problems."""

    base: FactBase | None
    problems: list[Problem]
    data: Node = None
    info: os.stat_result | None = None
    raw: bytes | None = None  # the file's bytes, to locate later findings
    infos: tuple[os.stat_result, ...] = ()  # of every file, when several were read
    # (file, line, column) of paths in the merged data, when several were read
    place: Callable[[list[DataPath]], list[tuple[str, int, int]]] | None = None

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def _unparsed(path: str, exc: Exception) -> Problem:
    return Problem.of(path, None, None, Phrase("problem.cannot_parse", {"exc": repr(exc)}))


def check_fact_file(path: str, max_bytes: int | None = None) -> Checked:
    """Read, parse and validate; every problem comes with its line and column."""
    from aigap.factfiles.validate import validate
    from aigap.factfiles.yaml_reader import read_yaml

    data_bytes, info = read_fact_bytes(path, max_bytes_from_env(max_bytes))
    try:
        doc = read_yaml(data_bytes, path)
    except (RecursionError, MemoryError, ValueError) as exc:  # defensive: never a traceback
        return Checked(None, [_unparsed(path, exc)])
    problems = list(doc.problems)
    if any(p.severity == "error" for p in problems):
        return Checked(None, problems)
    result = validate(doc.data, path)
    if result.issues:
        places = locate_paths(data_bytes, path, [issue.path for issue in result.issues])
        for (line, col), issue in zip(places, result.issues, strict=True):
            problems.append(Problem(path, line, col, issue.severity, issue.message, issue.said))
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return Checked(result.base, problems, doc.data, info, data_bytes)


def check_fact_files(paths: Sequence[str], max_bytes: int | None = None) -> Checked:
    """Several fact files read as one base: ids and entity names unique across them.

    Every problem names the file and line it is in; a clash between two
    files names both (``duplicate id 'x' (also a.yaml:12)``). One path is
    exactly ``check_fact_file``.
    """
    if len(paths) == 1:
        return check_fact_file(paths[0], max_bytes)
    from aigap.factfiles.validate import merge, validate

    raws, infos, parts, problems = _read_parts(paths, max_bytes_from_env(max_bytes))
    if not any(p.severity == "error" for p in problems):
        problems += _part_problems(paths, raws, parts)
    if any(p.severity == "error" for p in problems):
        return Checked(None, problems)
    merged, origin = merge(parts)
    place = _placer(paths, raws, origin)

    def where(path: DataPath) -> str:  # the other place of a clash (an error path)
        file, line, _ = place([path])[0]
        return f"{file}:{line}"

    result = validate(merged, os.pathsep.join(paths), where)
    at = place([issue.path for issue in result.issues])
    for (file, line, col), issue in zip(at, result.issues, strict=True):
        problems.append(Problem(file, line, col, issue.severity, issue.message, issue.said))
    problems.sort(key=lambda p: (paths.index(p.path) if p.path in paths else 0, p.line or 0))
    problems = _copies(problems, paths)
    return Checked(result.base, problems, merged, infos[0], None, tuple(infos), place)


COPY_AT = 10  # this many clashes with one other file: the file looks like a copy of it
COPY_SHOWN = 3  # the first few clashes listed; the rest counted


def _copies(problems: list[Problem], paths: Sequence[str]) -> list[Problem]:
    """A file that repeats many ids (and names) of another reads as a copy of it:
    one message naming the copy (and --no-packaged, when the other is the
    packaged base), its first few clashes, and a count of the rest — not
    one line per id."""
    clashes = ("problem.duplicate_id", "problem.name_taken")
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.said is not None and problem.said.key in clashes:
            by_file.setdefault(problem.path, []).append(problem)
    dropped: set[int] = set()
    summaries: list[Problem] = []
    packaged = os.path.realpath(packaged_facts_path())
    for path, found in by_file.items():
        ids = [p for p in found if p.said is not None and p.said.key == clashes[0]]
        if len(ids) < COPY_AT:
            continue
        other = [q for q in paths if q != path]
        of = other[0] if len(other) == 1 else ", ".join(other)
        key = "problem.looks_like_copy"
        if any(os.path.realpath(q) == packaged for q in other):
            key = "problem.looks_like_packaged_copy"
        first = ids[0]
        shown = ids[:COPY_SHOWN]
        fields = {"count": len(ids), "other": of, "rest": len(found) - len(shown)}
        summaries.append(Problem.of(path, first.line, first.column, Phrase(key, fields)))
        kept_here = {id(p) for p in shown}
        dropped |= {id(p) for p in found if id(p) not in kept_here}
    if not summaries:
        return problems
    kept = [p for p in problems if id(p) not in dropped]
    return summaries + kept


def _read_parts(
    paths: Sequence[str], limit: int
) -> tuple[list[bytes], list[os.stat_result], list[Node], list[Problem]]:
    """Each file's bytes, stat and plain data, and the problems of reading them."""
    from aigap.factfiles.yaml_reader import read_yaml

    raws: list[bytes] = []
    infos: list[os.stat_result] = []
    parts: list[Node] = []
    problems: list[Problem] = []
    for path in paths:
        data_bytes, info = read_fact_bytes(path, limit)
        try:
            doc = read_yaml(data_bytes, path)
        except (RecursionError, MemoryError, ValueError) as exc:  # defensive: never a traceback
            problems.append(_unparsed(path, exc))
            continue
        problems.extend(doc.problems)
        raws.append(data_bytes)
        infos.append(info)
        parts.append(doc.data)
    return raws, infos, parts, problems


def _part_problems(paths: Sequence[str], raws: list[bytes], parts: list[Node]) -> list[Problem]:
    """What is wrong inside each file on its own, located in that file."""
    from aigap.factfiles.validate import check_part

    problems = []
    for path, raw, data in zip(paths, raws, parts, strict=True):
        issues = check_part(data)
        places = locate_paths(raw, path, [i.path for i in issues])
        for (line, col), issue in zip(places, issues, strict=True):
            problems.append(Problem(path, line, col, issue.severity, issue.message, issue.said))
    return problems


def _placer(
    paths: Sequence[str], raws: list[bytes], origin: Callable[[DataPath], tuple[int, DataPath]]
) -> Callable[[list[DataPath]], list[tuple[str, int, int]]]:
    """(file, line, column) of paths in the merged data; each file parsed once per call."""

    def place(wanted: list[DataPath]) -> list[tuple[str, int, int]]:
        inner = [origin(p) for p in wanted]
        found: dict[int, list[Position]] = {}
        for k in dict.fromkeys(k for k, _ in inner):
            found[k] = locate_paths(raws[k], paths[k], [q for j, q in inner if j == k])
        taken = dict.fromkeys(found, 0)
        out = []
        for k, _ in inner:
            line, col = found[k][taken[k]]
            taken[k] += 1
            out.append((paths[k], line, col))
        return out

    return place


def locate_paths(raw: bytes, path: str, paths: list[DataPath]) -> list[Position]:
    """Line and column of each data path, by re-reading ``raw`` with positions."""
    from aigap.factfiles.yaml_reader import read_yaml

    if not paths:
        return []
    # Only these paths and their ancestors (where _locate falls back to):
    # every node's position would take more memory than the data itself.
    wanted = {p[:end] for p in paths for end in range(len(p) + 1)}
    positions = read_yaml(raw, path, want_positions=wanted).positions or {}
    return [_locate(positions, p) for p in paths]


def _locate(positions: dict[DataPath, Position], path: DataPath) -> Position:
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return 1, 1


def _load(path: str | Sequence[str], max_bytes: int | None) -> Checked:
    paths = [path] if isinstance(path, str) else list(path)
    checked = check_fact_files(paths, max_bytes)
    if not checked.ok:
        raise FactFileError(tuple(checked.problems))
    return checked


def load_fact_base(path: str | Sequence[str], max_bytes: int | None = None) -> FactBase:
    """A validated FactBase (one file, or several as one), or FactFileError listing every error."""
    base = _load(path, max_bytes).base
    assert base is not None  # no errors, so validation built it
    return base


def load_fact_base_with_data(
    path: str, max_bytes: int | None = None
) -> tuple[dict[str, Node], os.stat_result]:
    """The validated raw data (for the cache) and the stat it was read under."""
    checked = _load(path, max_bytes)
    assert checked.info is not None and isinstance(checked.data, dict)
    return checked.data, checked.info


def load_fact_bases_with_data(
    paths: Sequence[str], max_bytes: int | None = None
) -> tuple[dict[str, Node], FactBase, tuple[os.stat_result, ...]]:
    """The validated raw data of several files as one, its records, and the stat of each."""
    checked = _load(paths, max_bytes)
    assert checked.info is not None and checked.base is not None
    assert isinstance(checked.data, dict)  # validation accepts only a mapping at the top
    return checked.data, checked.base, checked.infos or (checked.info,)


FACT_SUFFIXES = (".yaml", ".yml")


def expand_fact_paths(values: Sequence[str]) -> tuple[str, ...]:
    """--facts values -> fact files: a directory gives its *.yaml/*.yml files, sorted.

    The same file named twice is read once.
    """
    found: list[str] = []
    for value in values:
        if os.path.isdir(value):
            inside = sorted(
                os.path.join(value, name)
                for name in os.listdir(value)
                if name.endswith(FACT_SUFFIXES) and not name.startswith(".")
            )
            if not inside:
                raise _fail(value, "file.empty_directory")
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
