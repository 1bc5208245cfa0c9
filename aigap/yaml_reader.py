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
from collections.abc import Collection
from typing import Any

import yaml

try:  # the C parser is ~10x faster; fall back when PyYAML was built without libyaml
    from yaml import CSafeLoader as _SafeLoader

    USING_LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

    USING_LIBYAML = False

import msgspec

from aigap.errors import Problem
from aigap.text import nfc

MAX_DEPTH = 32
MAX_SCALAR_CHARS = 1_000_000
MAX_INT_DIGITS = 40
# Stop collecting after this many errors: a file of a million aliases must
# not become a million lines of output (or a million Problem objects).
MAX_PROBLEMS = 100
# Characters the parser may read past the end of the last event before the
# token it is scanning counts as too long: the longest allowed scalar, plus
# one read chunk and libyaml's 1,024-character simple-key look-ahead.
_FEED_CHUNK = 65_536
_MAX_UNPARSED = MAX_SCALAR_CHARS + 2 * _FEED_CHUNK
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


class YamlDocument(msgspec.Struct):
    """What a read produced: the data (None when unusable) and its problems."""

    data: Any
    problems: list[Problem] = msgspec.field(default_factory=list)
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


def check_encoding(data: bytes, name: str) -> tuple[bytes, str | None, list[Problem]]:
    """Refuse NUL bytes and non-UTF-8; strip a BOM with a warning.

    Returns the bytes without BOM, their text (None when unusable) and problems.
    """
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
        return data, None, problems
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_of_offset(data, exc.start)
        problems.append(
            Problem(name, line, col, "error", f"not UTF-8: invalid byte 0x{data[exc.start]:02x}")
        )
        return data, None, problems
    return data, text, problems


class _TextFeed:
    """Hands the parser text in chunks, and stops it inside an overlong token.

    Both parsers build a scalar whole before they emit it, so the length check
    on a finished scalar comes after libyaml has grown a buffer to the
    scalar's size (and the Python scanner spent seconds on it): a 50 MB
    scalar peaked at 200 MB. Fed through here, the parser sees end-of-input
    once it has read ``_MAX_UNPARSED`` characters past the last event it
    emitted, so no token can grow past that; ``overrun`` records where.
    """

    __slots__ = ("last_event", "name", "overrun", "pos", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.last_event: Any = None  # set by the walker: the last event it got
        self.overrun: Any = None  # the last event before the overlong token
        self.name = "<fact file>"

    def read(self, size: int = _FEED_CHUNK) -> str:
        if self.overrun is not None:
            return ""
        last = self.last_event
        done = last.end_mark.index if last is not None else 0
        if self.pos - done > _MAX_UNPARSED:
            self.overrun = last if last is not None else _Sentinel()
            return ""
        size = min(size if size > 0 else _FEED_CHUNK, _FEED_CHUNK)
        chunk = self.text[self.pos : self.pos + size]
        self.pos += len(chunk)
        return chunk


def read_yaml(
    data: bytes, name: str, *, want_positions: bool | Collection[Path] = False
) -> YamlDocument:
    """Parse one YAML document from UTF-8 bytes into plain data.

    ``want_positions``: True records the position of every node; a collection
    of paths records only those (a whole file's positions take more memory
    than its data, and ``check`` needs a few).
    """
    data, text, problems = check_encoding(data, name)
    if text is None:
        return YamlDocument(None, problems)
    # Only a file longer than the scalar limit can hold an overlong scalar;
    # smaller ones go to the parser as bytes, with no per-chunk callbacks.
    feed = _TextFeed(text) if len(text) > MAX_SCALAR_CHARS else None
    del text
    gc_was_enabled = gc.isenabled()
    gc.disable()  # building millions of containers triggers needless GC passes
    try:
        doc = _walk_events(data, name, want_positions, feed)
    finally:
        if gc_was_enabled:
            gc.enable()
    if feed is not None and feed.overrun is not None:
        # The parser saw a cut-off input: what it said after that is noise.
        mark = getattr(feed.overrun, "end_mark", None)
        line, col = _mark_position(mark) if mark is not None else (1, 1)
        doc = YamlDocument(
            None,
            [
                Problem(
                    name,
                    line,
                    col,
                    "error",
                    f"scalar (or comment) after this point is longer than "
                    f"{MAX_SCALAR_CHARS:,} characters (at most {MAX_SCALAR_CHARS:,})",
                )
            ],
        )
    doc.problems[:0] = problems
    return doc


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _mark_position(mark: Any) -> Position:
    return mark.line + 1, mark.column + 1


class _TooManyProblems(Exception):
    pass


class _OnlyPositions(dict[Path, Position]):
    """A positions dict that keeps only the wanted paths."""

    def __init__(self, wanted: Collection[Path]) -> None:
        super().__init__()
        self.wanted = wanted

    def __setitem__(self, key: Path, value: Position) -> None:
        if key in self.wanted:
            super().__setitem__(key, value)

    def setdefault(self, key: Path, default: Position) -> Position:  # type: ignore[override]
        return super().setdefault(key, default) if key in self.wanted else default


def _walk_events(
    data: bytes, name: str, want_positions: bool | Collection[Path], feed: _TextFeed | None = None
) -> YamlDocument:
    problems: list[Problem] = []
    positions: dict[Path, Position] | None = None
    if want_positions is True:
        positions = {}
    elif want_positions is not False:
        positions = _OnlyPositions(want_positions)

    def problem(mark: Any, message: str) -> None:
        line, col = _mark_position(mark)
        problems.append(Problem(name, line, col, "error", message))
        if len(problems) >= MAX_PROBLEMS:
            raise _TooManyProblems

    # Each frame: [container, path, pending_key]; pending_key is None while a
    # mapping waits for its next key.
    stack: list[list[Any]] = []
    root: Any = None
    have_root = False
    documents = 0
    skip_depth = 0  # >0 while discarding a complex key

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

    loader: Any = None
    try:
        # Inside the try: the pure-Python reader already checks characters here.
        loader = _SafeLoader(data if feed is None else feed)
        while True:
            event = loader.get_event()
            if event is None:
                break
            if feed is not None:
                feed.last_event = event
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
                        # Fatal, like aliases: a merge-key bomb would repeat this.
                        problem(event.start_mark, "merge keys (<<) are not supported")
                        return YamlDocument(None, problems, positions)
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
                    return YamlDocument(None, problems, positions)
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
                if type(value) is str and not value.isascii():
                    value = nfc(value)  # NFD text (macOS, some editors) finds the same facts
                deliver(value, event.start_mark)
            elif cls is mapping_start or cls is sequence_start:
                if event.tag is not None and event.tag not in (
                    "tag:yaml.org,2002:map",
                    "tag:yaml.org,2002:seq",
                ):
                    problem(event.start_mark, f"unsupported tag {_short_tag(event.tag)}")
                depth = len(stack) + 1
                if depth > MAX_DEPTH:
                    # Stop here: the pure-Python scanner is quadratic in flow
                    # nesting, so reading on through 100,000 '[' takes minutes.
                    problem(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
                    return YamlDocument(None, problems, positions)
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
                # Fatal: a "billion laughs" file holds thousands of aliases,
                # and one line says what is wrong.
                problem(event.start_mark, f"aliases (*{event.anchor}) are not supported")
                return YamlDocument(None, problems, positions)
            elif cls is document_start:
                documents += 1
                if documents > 1:
                    problem(event.start_mark, "more than one YAML document in the file")
                    break
    except _TooManyProblems:
        problems.append(
            Problem(name, None, None, "error", f"stopped after {MAX_PROBLEMS} problems")
        )
        return YamlDocument(None, problems, positions)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _mark_position(mark) if mark else (None, None)
        what = exc.problem or exc.context or "syntax error"
        if "maximum nesting depth" in what:  # libyaml's own limit (1,000 levels)
            message = f"nesting deeper than {MAX_DEPTH} levels"
        else:
            message = f"YAML syntax error: {what}"
        problems.append(Problem(name, line, col, "error", message))
        return YamlDocument(None, problems, positions)
    except yaml.reader.ReaderError as exc:
        offset = exc.position
        if issubclass(_SafeLoader, yaml.reader.Reader):  # counts characters, not bytes
            offset = len(data.decode("utf-8")[:offset].encode("utf-8"))
        line, col = _line_of_offset(data, min(offset, len(data)))
        problems.append(
            Problem(
                name,
                line,
                col,
                "error",
                f"character U+{exc.character:04X} is not allowed in YAML "
                "(write it as an escape in a double-quoted string)",
            )
        )
        return YamlDocument(None, problems, positions)
    except yaml.YAMLError as exc:
        problems.append(Problem(name, None, None, "error", f"YAML error: {exc}"))
        return YamlDocument(None, problems, positions)
    finally:
        if loader is not None:
            loader.dispose()
    if not have_root and not problems:
        problems.append(Problem(name, 1, 1, "error", "the file is empty: expected a mapping"))
    return YamlDocument(root if have_root else None, problems, positions)
