"""Read a YAML fact file into plain Python data, safely and fast.

PyYAML's loaders are not used to build objects: ``safe_load`` expands merge
keys exponentially, the C composer segfaults on deep nesting and the Python
one hits RecursionError, aliases explode in whatever walks the data later,
and the Python-level constructor is what makes big files slow. Instead this
module walks the event stream of the safe C parser (or the safe Python one
when libyaml is absent) with an explicit stack, and builds dicts, lists and
scalars itself, refusing aliases, merge keys, tags, duplicate keys and deep
nesting as it goes. Every problem carries its line and column.
"""

from __future__ import annotations

import gc
import re
from typing import Any

import yaml

try:  # the C parser is ~10x faster; fall back when PyYAML was built without libyaml
    from yaml import CSafeLoader as _SafeLoader

    USING_LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

    USING_LIBYAML = False

from aigap.errors import Problem
from aigap.record import Factory, Record

MAX_DEPTH = 32
MAX_SCALAR_CHARS = 1_000_000
MAX_INT_DIGITS = 40
_STR_TAG = "tag:yaml.org,2002:str"

# YAML 1.2 core schema. Everything that is not null, bool, int or float is a
# string: dates stay text and are parsed by the validator, and "no" is not False.
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "+.Inf": float("inf"),
    "+.INF": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    "-.INF": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}
# Only these first characters can start a non-string plain scalar.
_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")

Path = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column


class YamlDocument(Record, frozen=False):
    """What a read produced: the data (None when unusable) and its problems."""

    data: Any
    problems: list[Problem] = Factory(list)
    positions: dict[Path, Position] | None = None


class _Sentinel:
    """A pending-key marker that can never equal a real key."""


_SKIP_KEY = _Sentinel()  # the key was unusable: drop the value that follows
_COMPLEX_KEY = _Sentinel()  # a mapping or sequence used as a key is being skipped


def resolve_plain(value: str) -> tuple[Any, str | None]:
    """Type a plain (unquoted) scalar; returns (value, problem or None)."""
    if value and value[0] not in _MAYBE_TYPED:
        return value, None
    if value in _NULLS:
        return None, None
    if value in _BOOLS:
        return _BOOLS[value], None
    if _INT.match(value):
        digits = len(value.lstrip("+-"))
        if digits > MAX_INT_DIGITS:
            return None, f"integer with {digits} digits is too long (at most {MAX_INT_DIGITS})"
        return int(value), None
    if _INT_OCT.match(value) or _INT_HEX.match(value):
        if len(value) > MAX_INT_DIGITS + 2:
            return None, f"integer literal is too long (at most {MAX_INT_DIGITS} digits)"
        return int(value, 0), None
    if _FLOAT.match(value):
        if len(value) > 100:
            return None, "number literal is too long (at most 100 characters)"
        return float(value), None
    if value in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[value], None
    return value, None


def _line_of_offset(data: bytes, offset: int) -> Position:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def check_encoding(data: bytes, name: str) -> tuple[bytes, list[Problem]]:
    """Refuse NUL bytes and non-UTF-8; strip a BOM with a warning."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        problems.append(Problem(name, 1, 1, "warning", "UTF-8 byte-order mark ignored"))
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_of_offset(data, nul)
        problems.append(
            Problem(name, line, col, "error", "NUL byte in file: a fact file is UTF-8 text")
        )
        return data, problems
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_of_offset(data, exc.start)
        problems.append(
            Problem(name, line, col, "error", f"not UTF-8: invalid byte 0x{data[exc.start]:02x}")
        )
    return data, problems


def read_yaml(data: bytes, name: str, *, want_positions: bool = False) -> YamlDocument:
    """Parse one YAML document from UTF-8 bytes into plain data."""
    data, problems = check_encoding(data, name)
    if any(p.severity == "error" for p in problems):
        return YamlDocument(None, problems)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # building millions of containers triggers needless GC passes
    try:
        doc = _walk_events(data, name, want_positions)
    finally:
        if gc_was_enabled:
            gc.enable()
    doc.problems[:0] = problems
    return doc


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _mark_position(mark: Any) -> Position:
    return mark.line + 1, mark.column + 1


def _walk_events(data: bytes, name: str, want_positions: bool) -> YamlDocument:
    problems: list[Problem] = []
    positions: dict[Path, Position] | None = {} if want_positions else None

    def problem(mark: Any, message: str) -> None:
        line, col = _mark_position(mark)
        problems.append(Problem(name, line, col, "error", message))

    # Each frame: [container, path, pending_key]; pending_key is None while a
    # mapping waits for its next key.
    stack: list[list[Any]] = []
    root: Any = None
    have_root = False
    documents = 0
    skip_depth = 0  # >0 while discarding a subtree nested too deeply
    depth_reported = False

    scalar_event = yaml.ScalarEvent
    mapping_start = yaml.MappingStartEvent
    mapping_end = yaml.MappingEndEvent
    sequence_start = yaml.SequenceStartEvent
    sequence_end = yaml.SequenceEndEvent
    alias_event = yaml.AliasEvent
    document_start = yaml.DocumentStartEvent

    def deliver(value: Any, mark: Any) -> None:
        """Attach a finished node to its parent (or make it the root)."""
        nonlocal root, have_root
        if not stack:
            root, have_root = value, True
            return
        frame = stack[-1]
        container = frame[0]
        if type(container) is list:
            if positions is not None:
                positions.setdefault((*frame[1], len(container)), _mark_position(mark))
            container.append(value)
            return
        key = frame[2]
        if key is _COMPLEX_KEY:
            frame[2] = _SKIP_KEY
            return
        frame[2] = None
        if key is not _SKIP_KEY:
            container[key] = value

    loader = _SafeLoader(data)
    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            cls = type(event)
            if skip_depth:
                if cls is mapping_start or cls is sequence_start:
                    skip_depth += 1
                elif cls is mapping_end or cls is sequence_end:
                    skip_depth -= 1
                    if not skip_depth:
                        deliver(None, event.start_mark)
                continue

            # A mapping waiting for a key: the event is the key.
            if stack and type(stack[-1][0]) is dict and stack[-1][2] is None:
                frame = stack[-1]
                if cls is scalar_event:
                    key = event.value
                    if event.implicit[0] and key == "<<":
                        problem(event.start_mark, "merge keys (<<) are not supported")
                        key = _SKIP_KEY
                    elif key in frame[0]:
                        problem(event.start_mark, f"duplicate key {key!r} in this mapping")
                        key = _SKIP_KEY
                    elif positions is not None:
                        positions[(*frame[1], key)] = _mark_position(event.start_mark)
                    frame[2] = key
                    continue
                if cls is mapping_end:
                    stack.pop()
                    deliver(frame[0], event.start_mark)
                    continue
                if cls is alias_event:
                    problem(event.start_mark, f"aliases (*{event.anchor}) are not supported")
                    frame[2] = _SKIP_KEY
                    continue
                # A mapping or sequence used as a key: consume it, drop the entry.
                problem(event.start_mark, "mapping keys must be plain strings")
                frame[2] = _COMPLEX_KEY
                skip_depth = 1
                continue

            if cls is scalar_event:
                if event.tag is not None and event.tag != "!" and event.tag != _STR_TAG:
                    problem(event.start_mark, f"unsupported tag {_short_tag(event.tag)}")
                    deliver(None, event.start_mark)
                    continue
                value = event.value
                if len(value) > MAX_SCALAR_CHARS:
                    problem(
                        event.start_mark,
                        f"scalar of {len(value):,} characters is too long "
                        f"(at most {MAX_SCALAR_CHARS:,})",
                    )
                    value = None
                elif event.implicit[0]:
                    value, message = resolve_plain(value)
                    if message:
                        problem(event.start_mark, message)
                deliver(value, event.start_mark)
            elif cls is mapping_start or cls is sequence_start:
                if event.tag is not None and event.tag not in (
                    "tag:yaml.org,2002:map",
                    "tag:yaml.org,2002:seq",
                ):
                    problem(event.start_mark, f"unsupported tag {_short_tag(event.tag)}")
                depth = len(stack) + 1
                if depth > MAX_DEPTH:
                    if not depth_reported:
                        problem(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
                        depth_reported = True
                    skip_depth = 1
                    continue
                parent_path: Path = ()
                if stack:
                    parent = stack[-1]
                    if type(parent[0]) is list:
                        parent_path = (*parent[1], len(parent[0]))
                    else:
                        parent_path = (*parent[1], parent[2])
                if positions is not None:
                    positions.setdefault(parent_path, _mark_position(event.start_mark))
                container: Any = {} if cls is mapping_start else []
                stack.append([container, parent_path, None])
            elif cls is mapping_end or cls is sequence_end:
                deliver(stack.pop()[0], event.start_mark)
            elif cls is alias_event:
                problem(event.start_mark, f"aliases (*{event.anchor}) are not supported")
                deliver(None, event.start_mark)
            elif cls is document_start:
                documents += 1
                if documents > 1:
                    problem(event.start_mark, "more than one YAML document in the file")
                    break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _mark_position(mark) if mark else (None, None)
        what = exc.problem or exc.context or "syntax error"
        problems.append(Problem(name, line, col, "error", f"YAML syntax error: {what}"))
        return YamlDocument(None, problems, positions)
    except yaml.reader.ReaderError as exc:
        line, col = _line_of_offset(data, min(exc.position, len(data)))
        problems.append(
            Problem(name, line, col, "error", f"character 0x{exc.character:x} is not allowed")
        )
        return YamlDocument(None, problems, positions)
    except yaml.YAMLError as exc:
        problems.append(Problem(name, None, None, "error", f"YAML error: {exc}"))
        return YamlDocument(None, problems, positions)
    finally:
        loader.dispose()
    if not have_root and not problems:
        problems.append(Problem(name, 1, 1, "error", "the file is empty: expected a mapping"))
    return YamlDocument(root if have_root else None, problems, positions)
