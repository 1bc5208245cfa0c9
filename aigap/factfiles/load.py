"""Find, read and validate a fact file, reporting problems as PATH:LINE."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import msgspec

from aigap.core.errors import FactFileError, Phrase, Problem
from aigap.factfiles.files import (
    Part,
    bytes_digest,
    frozen_digest,
    max_bytes_from_env,
    packaged_facts_path,
    read_fact_bytes,
)
from aigap.factfiles.validate import Alone, check_part, merge, top_level, validate, validate_alone
from aigap.factfiles.yaml_reader import read_yaml

if TYPE_CHECKING:
    from aigap.core.model import FactBase
    from aigap.factfiles.yaml_reader import Node, Position
    from aigap.factfiles.yaml_reader import Path as DataPath


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
    parts: tuple[Part, ...] = ()  # what the cache keeps of each file (when valid)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def _unparsed(path: str, exc: Exception) -> Problem:
    return Problem.of(path, None, None, Phrase("problem.cannot_parse", {"exc": repr(exc)}))


def check_fact_file(path: str, max_bytes: int | None = None) -> Checked:
    """Read, parse and validate; every problem comes with its line and column."""

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
    parts = (part_of(data_bytes, doc.data),) if result.base is not None else ()
    return Checked(result.base, problems, doc.data, info, data_bytes, parts=parts)


def check_fact_files(paths: Sequence[str], max_bytes: int | None = None) -> Checked:
    """Several fact files read as one base: ids and entity names unique across them.

    Every problem names the file and line it is in; a clash between two
    files names both (``duplicate id 'x' (also a.yaml:12)``). One path is
    exactly ``check_fact_file``.
    """
    if len(paths) == 1:
        return check_fact_file(paths[0], max_bytes)

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
    kept = tuple(part_of(r, d) for r, d in zip(raws, parts, strict=True)) if result.base else ()
    return Checked(result.base, problems, merged, infos[0], None, tuple(infos), place, kept)


def part_of(raw: bytes, data: Node) -> Part:
    """What the cache keeps of one fact file: its digest, its frozen sections' digest,
    its records per section."""
    top = data if isinstance(data, dict) else {}
    sizes = {s: len(v) for s in top_level()[1:] if isinstance(v := top.get(s), list)}
    return Part(bytes_digest(raw), frozen_digest(data), sizes)


def read_alone(raw: bytes, path: str) -> tuple[dict[str, Node], Alone, Part] | None:
    """One of several fact files (its bytes) parsed and validated on its own: its data,
    sources and facts and their references, and what the cache keeps of it; None on any problem
    (``validate_alone``: reading every file as one words it)."""
    try:
        doc = read_yaml(raw, path)
    except (RecursionError, MemoryError, ValueError):
        return None
    if doc.data is None or any(p.severity == "error" for p in doc.problems):
        return None
    alone = validate_alone(doc.data)
    if alone is None or not isinstance(doc.data, dict):
        return None
    return doc.data, alone, part_of(raw, doc.data)


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
        # the files it clashes with ("also PATH:LINE"), not every other file read
        hit = {str(p.said.fields.get("other", "")).rsplit(":", 1)[0] for p in ids if p.said}
        other = [q for q in paths if q != path and q in hit] or [q for q in paths if q != path]
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
) -> tuple[dict[str, Node], FactBase, tuple[os.stat_result, ...], tuple[Part, ...]]:
    """The validated raw data of several files as one, its records, the stat of each
    and what the cache keeps of each."""
    checked = _load(paths, max_bytes)
    assert checked.info is not None and checked.base is not None
    assert isinstance(checked.data, dict)  # validation accepts only a mapping at the top
    return checked.data, checked.base, checked.infos or (checked.info,), checked.parts
