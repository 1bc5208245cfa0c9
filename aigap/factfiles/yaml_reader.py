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

import functools
import re
from collections.abc import Callable, Collection
from typing import Any, NoReturn, Protocol, TypeAlias

import msgspec
import yaml

from aigap.core import collector
from aigap.core.errors import Phrase, Problem
from aigap.core.labels import LABELS
from aigap.core.text import nfc

try:  # the C parser is ~10x faster; fall back when PyYAML was built without libyaml
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


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
_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")

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
# Control characters YAML refuses raw: a double-quoted scalar can still write them
# as escapes ("\x1b", "\u0007", "\e"), refused there too. Tab, line feed and
# carriage return are text (YAML reads a raw CR as a line break; as "\r" it is
# data that every output format keeps: CSV quotes it, a terminal sees it escaped).
# Also a lone surrogate and U+FFFE/U+FFFF, which YAML refuses raw too.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Only these first characters can start a non-string plain scalar.
_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")

Path = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column
Scalar: TypeAlias = str | int | float | bool | None
Node: TypeAlias = Scalar | list["Node"] | dict[str, "Node"]


class _Mark(Protocol):
    """Where an event starts or ends (0-based); both parsers' marks have these."""

    line: int
    column: int


class YamlDocument(msgspec.Struct):
    """What a read produced: the data (None when unusable) and its problems."""

    data: Node
    problems: list[Problem] = msgspec.field(default_factory=list)
    positions: dict[Path, Position] | None = None


class _Sentinel:
    """A pending-key marker that can never equal a real key."""


_SKIP_KEY = _Sentinel()  # the key was unusable: drop the value that follows
_COMPLEX_KEY = _Sentinel()  # a mapping or sequence used as a key is being skipped
_NO_KEY = _Sentinel()  # a sequence's items have no key


def resolve_plain(value: str) -> tuple[Scalar, Phrase | None]:
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
            return None, Phrase(
                "problem.yaml.int_digits", {"digits": digits, "max": MAX_INT_DIGITS}
            )
        return int(value), None
    if _INT_OCT.match(value) or _INT_HEX.match(value):
        if len(value) > MAX_INT_DIGITS + 2:
            return None, Phrase("problem.yaml.int_literal", {"max": MAX_INT_DIGITS})
        return int(value, 0), None
    if _FLOAT.match(value):
        if len(value) > 100:
            return None, Phrase("problem.yaml.float_literal")
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
        problems.append(Problem.of(name, 1, 1, Phrase("problem.yaml.bom"), "warning"))
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_of_offset(data, nul)
        problems.append(Problem.of(name, line, col, Phrase("problem.yaml.nul")))
        return data, None, problems
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_of_offset(data, exc.start)
        said = Phrase("problem.yaml.not_utf8", {"byte": data[exc.start]})
        problems.append(Problem.of(name, line, col, said))
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
        self.last_event: yaml.Event | None = None  # set by the walker: the last event it got
        self.overrun: yaml.Event | _Sentinel | None = (
            None  # the last event before the overlong token
        )
        self.name = "<fact file>"

    def read(self, size: int = _FEED_CHUNK) -> str:
        if self.overrun is not None:
            return ""
        last = self.last_event
        done = last.end_mark.index if last is not None and last.end_mark is not None else 0
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
    with collector.paused():  # building millions of containers triggers needless GC passes
        doc = _walk_events(data, name, want_positions, feed)
    if feed is not None and feed.overrun is not None:
        # The parser saw a cut-off input: what it said after that is noise.
        line, col = _mark_position(getattr(feed.overrun, "end_mark", None))
        said = Phrase("problem.yaml.overrun", {"limit": MAX_SCALAR_CHARS})
        doc = YamlDocument(None, [Problem.of(name, line, col, said)])
    doc.problems[:0] = problems
    return doc


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def _mark_position(mark: _Mark | None) -> Position:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _walk_events(
    data: bytes, name: str, want_positions: bool | Collection[Path], feed: _TextFeed | None = None
) -> YamlDocument:
    walker = _Walker(name, want_positions)
    loader: yaml.CSafeLoader | yaml.SafeLoader | None = None
    try:
        # Inside the try: the pure-Python reader already checks characters here.
        loader = _SafeLoader(data if feed is None else feed)
        walker.walk(loader, feed)
    except _EndOfInput:
        pass
    except _Fatal:
        return walker.failed()
    except _TooManyProblems:
        said = Phrase("problem.yaml.too_many", {"n": MAX_PROBLEMS})
        walker.problems.append(Problem.of(name, None, None, said))
        return walker.failed()
    except yaml.MarkedYAMLError as exc:
        walker.problems.append(_syntax_problem(exc, name, data))
        return walker.failed()
    except yaml.reader.ReaderError as exc:
        walker.problems.append(_character_problem(exc, data, name))
        return walker.failed()
    except yaml.YAMLError as exc:
        walker.problems.append(
            Problem.of(name, None, None, Phrase("problem.yaml.error", {"exc": str(exc)}))
        )
        return walker.failed()
    finally:
        if loader is not None:
            loader.dispose()
    return walker.document()


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str, data: bytes) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = _mark_position(mark) if mark else (None, None)
    what = exc.problem or exc.context or "syntax error"
    if "maximum nesting depth" in what:  # libyaml's own limit (1,000 levels)
        said = Phrase("problem.yaml.depth", {"n": MAX_DEPTH})
    elif what.endswith("that cannot start any token") and _tab_at(data, line, col):
        # the parsers' words for a tab that indents a line: say so (not "quote it")
        said = Phrase("problem.yaml.syntax", {"what": Phrase("yaml.problem.tab_indent")})
    else:  # the parser's words: its common problems in the catalogue, others in English
        said = Phrase("problem.yaml.syntax", {"what": _yaml_problem(what)})
    return Problem.of(name, line, col, said)


def _tab_at(data: bytes, line: int | None, col: int | None) -> bool:
    """Whether the character at ``line``:``col`` (1-based, as reported) is a tab."""
    if line is None or col is None:
        return False
    lines = data.split(b"\n", line)
    text = lines[line - 1].decode("utf-8", "replace") if len(lines) >= line else ""
    return text[col - 1 : col] == "\t"


def _yaml_problem(what: str) -> Phrase | str:
    """A parser's problem in the catalogue's words (yaml.problem.*), else as it is."""
    for pattern, key in _yaml_problems():
        found = pattern.fullmatch(what)
        if found is not None:
            return Phrase(key, found.groupdict())
    return what


@functools.cache
def _yaml_problems() -> list[tuple[re.Pattern[str], str]]:
    """The catalogue's parser problems as patterns: ``{found}`` is what the parser
    quotes ("found character '@' that cannot start any token")."""
    return [
        (re.compile(re.escape(LABELS[key]["en"]).replace(r"\{found\}", "(?P<found>.+)")), key)
        for key in LABELS
        if key.startswith("yaml.problem.")
    ]


def _character_problem(exc: yaml.reader.ReaderError, data: bytes, name: str) -> Problem:
    offset = exc.position
    if issubclass(_SafeLoader, yaml.reader.Reader):  # counts characters, not bytes
        offset = len(data.decode("utf-8")[:offset].encode("utf-8"))
    line, col = _line_of_offset(data, min(offset, len(data)))
    return Problem.of(name, line, col, Phrase("problem.yaml.character", {"code": exc.character}))


class _TooManyProblems(Exception):
    pass


class _Fatal(Exception):
    """Stop reading and drop the data: one line says what is wrong."""


class _EndOfInput(Exception):
    """Stop reading and keep what was built (a second document follows)."""


class _OnlyPositions(dict[Path, Position]):
    """A positions dict that keeps only the wanted paths."""

    def __init__(self, wanted: Collection[Path]) -> None:
        super().__init__()
        self.wanted = wanted

    def __setitem__(self, key: Path, value: Position) -> None:
        if key in self.wanted:
            super().__setitem__(key, value)

    def setdefault(self, key: Path, default: Position) -> Position:
        return super().setdefault(key, default) if key in self.wanted else default


class _Frame:
    """An open mapping or sequence: the container, its data path, and the key
    whose value comes next (None while a mapping waits for a key; a sequence
    has ``_NO_KEY``, so one test tells the walker what the next event is)."""

    __slots__ = ("container", "key", "path")

    def __init__(self, container: dict[str, Node] | list[Node], path: Path) -> None:
        self.container = container
        self.path = path
        self.key: str | _Sentinel | None = None if type(container) is dict else _NO_KEY


class _Walker:
    """Builds plain data from the parser's events, one method per event type.

    A mapping that waits for a key takes its next event as the key
    (``_key_*``); any other open container takes it as a value.
    """

    __slots__ = (
        "documents",
        "have_root",
        "key_handlers",
        "name",
        "positions",
        "problems",
        "root",
        "skip_depth",
        "stack",
        "value_handlers",
    )

    def __init__(self, name: str, want_positions: bool | Collection[Path]) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.positions: dict[Path, Position] | None = None
        if want_positions is True:
            self.positions = {}
        elif want_positions is not False:
            self.positions = _OnlyPositions(want_positions)
        self.stack: list[_Frame] = []
        self.root: Node = None
        self.have_root = False
        self.documents = 0
        self.skip_depth = 0  # >0 while discarding a complex key
        # Each handler takes the event of its key's type (a ScalarEvent, ...), which a
        # dict's type cannot tie to the key, so the argument is left untyped.
        self.value_handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.container_start,
            yaml.SequenceStartEvent: self.container_start,
            yaml.MappingEndEvent: self.container_end,
            yaml.SequenceEndEvent: self.container_end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document_start,
        }
        self.key_handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.ScalarEvent: self.key_scalar,
            yaml.MappingEndEvent: self.container_end,
            yaml.AliasEvent: self.alias,
        }

    def walk(self, loader: yaml.SafeLoader | yaml.CSafeLoader, feed: _TextFeed | None) -> None:
        """Read every event; raises _Fatal or _EndOfInput to stop early."""
        stack = self.stack
        values = self.value_handlers
        keys = self.key_handlers
        get_event = loader.get_event
        while True:
            event = get_event()
            if event is None:
                return
            if feed is not None:
                feed.last_event = event
            if self.skip_depth:
                self.skipped(event)
            elif stack and stack[-1].key is None:
                keys.get(type(event), self.key_complex)(event)
            else:
                handler = values.get(type(event))
                if handler is not None:
                    handler(event)

    def document(self) -> YamlDocument:
        if not self.have_root and not self.problems:
            self.problems.append(Problem.of(self.name, 1, 1, Phrase("problem.yaml.empty")))
        return YamlDocument(self.root if self.have_root else None, self.problems, self.positions)

    def failed(self) -> YamlDocument:
        return YamlDocument(None, self.problems, self.positions)

    def problem(self, mark: _Mark | None, said: Phrase) -> None:
        line, col = _mark_position(mark)
        self.problems.append(Problem.of(self.name, line, col, said))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooManyProblems

    def fatal(self, mark: _Mark | None, said: Phrase) -> NoReturn:
        self.problem(mark, said)
        raise _Fatal

    def deliver(self, value: Node, mark: _Mark | None) -> None:
        """Attach a finished node to its parent (or make it the root)."""
        stack = self.stack
        if not stack:
            self.root, self.have_root = value, True
            return
        frame = stack[-1]
        container = frame.container
        if isinstance(container, list):
            positions = self.positions
            if positions is not None:
                positions.setdefault((*frame.path, len(container)), _mark_position(mark))
            container.append(value)
            return
        key = frame.key
        if key is _COMPLEX_KEY:
            frame.key = _SKIP_KEY
            return
        frame.key = None
        if type(key) is str:
            container[key] = value

    def scalar(self, event: yaml.ScalarEvent) -> None:
        tag = event.tag
        if tag is not None and tag != "!" and tag != _STR_TAG:
            self.problem(event.start_mark, Phrase("problem.yaml.tag", {"tag": _short_tag(tag)}))
            self.deliver(None, event.start_mark)
            return
        text = event.value
        value: Node = text
        if event.style == '"':  # only escapes in double quotes can write a control character
            self.control(text, event.start_mark)
        if len(text) > MAX_SCALAR_CHARS:
            said = Phrase("problem.yaml.long_scalar", {"n": len(text), "limit": MAX_SCALAR_CHARS})
            self.problem(event.start_mark, said)
            value = None
        elif event.implicit[0]:
            value, message = resolve_plain(text)
            if message:
                self.problem(event.start_mark, message)
        if type(value) is str and not value.isascii():
            value = nfc(value)  # NFD text (macOS, some editors) finds the same facts
        self.deliver(value, event.start_mark)

    def control(self, text: str, mark: _Mark | None) -> None:
        found = _CONTROL.search(text)
        if found is not None:
            self.problem(mark, Phrase("problem.yaml.control", {"code": ord(found.group())}))

    def container_start(self, event: yaml.CollectionStartEvent) -> None:
        if event.tag is not None and event.tag not in _COLLECTION_TAGS:
            tag = _short_tag(event.tag)
            self.problem(event.start_mark, Phrase("problem.yaml.tag", {"tag": tag}))
        stack = self.stack
        if len(stack) + 1 > MAX_DEPTH:
            # Stop here: the pure-Python scanner is quadratic in flow
            # nesting, so reading on through 100,000 '[' takes minutes.
            self.fatal(event.start_mark, Phrase("problem.yaml.depth", {"n": MAX_DEPTH}))
        path: Path = ()
        if stack:
            parent = stack[-1]
            if type(parent.container) is list:
                path = (*parent.path, len(parent.container))
            else:
                path = (*parent.path, parent.key)  # type: ignore[arg-type]
        if self.positions is not None:
            self.positions.setdefault(path, _mark_position(event.start_mark))
        container: dict[str, Node] | list[Node] = (
            {} if type(event) is yaml.MappingStartEvent else []
        )
        stack.append(_Frame(container, path))

    def container_end(self, event: yaml.CollectionEndEvent) -> None:
        self.deliver(self.stack.pop().container, event.start_mark)

    def alias(self, event: yaml.AliasEvent) -> None:
        # Fatal: a "billion laughs" file holds thousands of aliases,
        # and one line says what is wrong.
        self.fatal(event.start_mark, Phrase("problem.yaml.alias", {"anchor": event.anchor}))

    def document_start(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            self.problem(event.start_mark, Phrase("problem.yaml.documents"))
            raise _EndOfInput

    def key_scalar(self, event: yaml.ScalarEvent) -> None:
        frame = self.stack[-1]
        key: str | _Sentinel = event.value
        if event.style == '"':
            self.control(event.value, event.start_mark)
        if event.implicit[0] and key == "<<":
            # Fatal, like aliases: a merge-key bomb would repeat this.
            self.fatal(event.start_mark, Phrase("problem.yaml.merge_key"))
        elif key in frame.container:
            self.problem(event.start_mark, Phrase("problem.yaml.duplicate_key", {"name": key}))
            key = _SKIP_KEY
        elif self.positions is not None:
            self.positions[(*frame.path, event.value)] = _mark_position(event.start_mark)
        frame.key = key

    def key_complex(self, event: yaml.Event) -> None:
        """A mapping or sequence used as a key: consume it, drop the entry."""
        self.problem(event.start_mark, Phrase("problem.yaml.complex_key"))
        self.stack[-1].key = _COMPLEX_KEY
        self.skip_depth = 1

    def skipped(self, event: yaml.Event) -> None:
        """An event inside a complex key: only the nesting matters."""
        cls = type(event)
        if cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            self.skip_depth += 1
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            self.skip_depth -= 1
            if not self.skip_depth:
                self.deliver(None, event.start_mark)
