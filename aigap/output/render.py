"""Rows to a Rich table, JSON, CSV or Markdown; fact-file text is never markup.

Text from a fact file goes through ``safe`` before it reaches any output:
C0/C1 control characters (ESC starts ANSI CSI/OSC sequences; 8-bit CSI is
0x9b), DEL and bidirectional overrides are shown as visible escapes. Rich's
own ``Text`` strips only a few controls and lets ESC through, so it is not
enough on its own. Table cells are always ``Text`` objects, so Rich markup in
data such as ``[bold red]`` or ``[link=...]`` prints literally.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, BinaryIO

import msgspec
from rich import box
from rich.cells import cell_len
from rich.console import CONSOLE_SVG_FORMAT, Console
from rich.measure import Measurement
from rich.table import Table
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from rich.text import Text

from aigap.core.errors import AigapError
from aigap.core.labels import label
from aigap.output import files
from aigap.output.files import MARK, check_target

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from aigap.core.jsontypes import JSONValue, Record


# Beyond C0/C1 and bidi controls: zero-width characters (which hide text
# or splice look-alikes), the U+2028/2029 line separators (some terminals
# and editors break lines on them) and U+FEFF.
_INVISIBLE = "\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c{_INVISIBLE}]")
_UNSAFE_WITH_NEWLINES = re.compile(f"[\x00-\x1f\x7f-\x9f\u061c{_INVISIBLE}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(value: str, *, keep_newlines: bool = True) -> str:
    """``value`` with every control and bidi-override character made visible."""
    pattern = _UNSAFE if keep_newlines else _UNSAFE_WITH_NEWLINES
    return pattern.sub(_escape, value)


def json_safe(value: str) -> str:
    """JSON text whose string escapes also cover C1 controls and bidi overrides."""
    # json.dumps already escapes C0 controls inside strings; the newlines
    # left are indentation, so only DEL, C1 and bidi characters remain.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


class Column(msgspec.Struct, frozen=True):
    key: str
    header: str
    numeric: bool = False  # right-aligned, never wrapped or cut
    whole: bool = False  # never wrapped or cut (e.g. bars)
    optional: bool = False  # dropped when the terminal is too narrow for it
    max_width: int | None = None  # caps a side column so the main text gets room
    ratio: int | None = None  # takes the room left over (the main text column)
    # the least a text column is given (its widest cell if narrower) before the table
    # gives way to one block per row: a main column of long text read one word a line
    # is no table
    min_width: int | None = None


class Listing(msgspec.Struct):
    """What a listing command shows: flat records plus how to lay them out."""

    title: str
    columns: Sequence[Column]
    records: list[Record]
    cells: list[list[str]] | None = None  # table cells when they differ from records
    notes: list[str] = msgspec.field(default_factory=list)
    groups: list[int] | None = None  # row indexes that start a new group
    fields: Sequence[str] | None = None  # record keys, for a header row when empty
    empty: str | None = None  # what a table with no rows says (default: English)


def _plain(value: JSONValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(_plain(v) for v in value)
    return str(value)


def write_json(value: Record | Sequence[Record], out: IO[str]) -> None:
    """Indented JSON (an array of records, or one object), control-safe."""
    out.write(json_safe(_dumps(value, _ascii_only(out))) + "\n")


def _dumps(value: object, ascii_only: bool) -> str:
    """JSON text; a non-finite number (an overflowing derived figure) becomes null:
    NaN and Infinity are not JSON."""
    import json  # JSON output only: a table, the everyday output, never loads it

    try:
        return json.dumps(value, ensure_ascii=ascii_only, indent=2, allow_nan=False)
    except ValueError:  # rare: only then walk the value
        return json.dumps(_finite(value), ensure_ascii=ascii_only, indent=2, allow_nan=False)


def _finite(value: object) -> object:

    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def write_json_array(records: Iterable[Record], out: IO[str]) -> None:
    """The same text as ``write_json`` of a list, one record at a time (a generator of
    100,000 records is never a list, nor one string)."""
    ascii_only = _ascii_only(out)
    opening = "[\n"
    for record in records:
        text = _dumps(record, ascii_only).replace("\n", "\n  ")
        out.write(opening + "  " + json_safe(text))
        opening = ",\n"
    out.write("[]\n" if opening == "[\n" else "\n]\n")


def _ascii_only(out: IO[str]) -> bool:
    """A stream that cannot encode every character (a Latin-1 or EUC-KR locale) gets
    \\u escapes: still exactly the same JSON value."""

    encoding = getattr(out, "encoding", None) or "utf-8"
    return not codecs.lookup(encoding).name.startswith("utf")


def write_csv(
    records: Iterable[Record],
    out: IO[str],
    fields: Sequence[str] | None = None,
    *,
    excel: bool = False,
) -> None:
    """CSV with a header row; with ``fields``, ``records`` may be a generator (streamed).

    Every cell goes through ``csv_cell`` (reversible escapes, formulas made inert).
    ``excel``: for Excel, a UTF-8 byte-order mark first (else Excel reads UTF-8 as
    the system's code page: Korean turns to mojibake) and CRLF line ends.
    """

    if isinstance(records, list) and records:
        names = list(records[0])
    elif fields:
        names = list(fields)
    else:
        records = list(records)
        if not records:
            return
        names = list(records[0])
    if excel:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\r\n" if excel else "\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: csv_cell(v) for k, v in record.items()})


# Characters escaped in CSV cells: a backslash (so the escapes can be undone), and
# every control, line break, tab, DEL, C1 and invisible/bidi character.
_CSV_ESCAPE = re.compile(f"[\\\\\x00-\x1f\x7f-\x9f\u061c{_INVISIBLE}]")
_CSV_UNESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4})")
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
# injection"); a tab or CR is escaped above, so cannot start a cell.
_FORMULA_START = ("=", "+", "-", "@", "'")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?%?")


def csv_cell(value: JSONValue) -> str:
    """A CSV cell: reversible escapes, and text a spreadsheet would run made inert.

    ``\\`` is a backslash, ``\\xNN``/``\\uNNNN`` the control or invisible character
    (a newline is ``\\x0a``): each cell is one line, printable in any terminal.
    Text that starts like a formula (``=``, ``+``, ``-``, ``@``; or ``'``) gets a
    leading apostrophe; numbers, and text that is only a number (``-16.9%``), do not.
    ``csv_value`` undoes both.
    """
    text = _CSV_ESCAPE.sub(_escape_csv, _plain(value))
    if (
        isinstance(value, str | list | tuple)
        and text.startswith(_FORMULA_START)
        and not _PLAIN_NUMBER.fullmatch(text)
    ):
        return "'" + text
    return text


def _escape_csv(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def csv_value(cell: str) -> str:
    """The exact text of a cell ``csv_cell`` wrote (for a program reading aigap's CSV)."""
    if cell.startswith("'"):
        cell = cell[1:]
    return _CSV_UNESCAPE.sub(lambda m: _unescape_one(m.group(1)), cell)


def _unescape_one(code: str) -> str:
    return "\\" if code == "\\" else chr(int(code[1:], 16))


# Markdown punctuation that could start markup inside a table cell: emphasis, code,
# links and images, raw HTML and entities, strikethrough, the cell separator.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~]")


def markdown_text(value: str) -> str:
    """Text for a Markdown line or table cell: shown literally by any CommonMark/GFM
    renderer. Controls are made visible (``safe``), then every character that could
    start markup is backslash-escaped: ``<script>`` is text, never HTML."""
    return _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), safe(value, keep_newlines=False))


def _markdown_cell(value: JSONValue | Text) -> str:

    plain = value.plain if isinstance(value, Text) else _plain(value)
    # a line break inside a cell is the one piece of HTML aigap writes itself
    return "<br>".join(markdown_text(line) for line in plain.split("\n"))


def write_markdown(listing: Listing, out: IO[str]) -> None:
    """The table as the terminal shows it (its visible columns and headers), as a
    GitHub-flavoured Markdown table; numeric columns right-aligned; then its notes."""
    columns = list(listing.columns)
    cells: Sequence[Sequence[JSONValue | Text]] | None = listing.cells
    if cells is None:
        cells = [[r.get(c.key) for c in columns] for r in listing.records]
    if not columns:
        return
    out.write("| " + " | ".join(markdown_text(c.header) or " " for c in columns) + " |\n")
    out.write("|" + "|".join("---:" if c.numeric else "---" for c in columns) + "|\n")
    for row in cells:
        out.write("| " + " | ".join(_markdown_cell(v) for v in row) + " |\n")
    if cells and listing.notes:
        # what the terminal prints under the table, each a paragraph: what "*" means,
        # the units, the sources; a table pasted into a report keeps where it is from
        out.write("\n" + "\n\n".join(markdown_text(note) for note in listing.notes) + "\n")


def _numeric(records: list[Record], key: str) -> bool:
    values = [r[key] for r in records if r[key] is not None]
    return bool(values) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values
    )


def make_console(*, stderr: bool = False, record: bool = False) -> Console:

    # COLUMNS=0 or nonsense means "unknown": the terminal's width, else 80
    # (Rich would take 0 as a width and print nothing).
    width = None
    columns = os.environ.get("COLUMNS")
    if columns is not None and not (columns.isdigit() and 0 < int(columns) <= 10_000):
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            width = 80
    return Console(
        stderr=stderr, record=record, highlight=False, markup=False, emoji=False, width=width
    )


def cell(value: JSONValue | Text) -> Text:
    """A table cell: data always becomes literal Text (never markup)."""

    if isinstance(value, Text):
        return value
    return Text(safe(_plain(value)))


def build_table(listing: Listing, width: int = 80) -> Table | Blocks:

    cells: Sequence[Sequence[JSONValue]] | None = listing.cells
    if cells is None:
        cells = [[r.get(c.key) for c in listing.columns] for r in listing.records]
    columns = list(enumerate(listing.columns))
    # each cell measured once: its widest line, and (text columns) its longest word
    widest = {i: max([_width(c.header), *(_width(row[i]) for row in cells)]) for i, c in columns}
    minimums = {
        i: widest[i] if c.numeric or c.whole else _longest_word(c.header, [row[i] for row in cells])
        for i, c in columns
    }
    for i, c in columns:
        if c.min_width is not None:
            minimums[i] = max(minimums[i], min(c.min_width, widest[i]))
    # Three cells of padding per column; optional columns without figures go
    # first when narrow, then whole text columns may wrap. Numbers are never
    # wrapped or cut: when even that does not fit, one block per row instead.
    while sum(minimums[i] + 3 for i, _ in columns) - 3 > width:
        optional = [
            i for i, c in columns if c.optional and not any(_has_digit(row[i]) for row in cells)
        ]
        if not optional:
            break
        columns = [(i, c) for i, c in columns if i != optional[-1]]
    wrap_whole = sum(minimums[i] + 3 for i, _ in columns) - 3 > width
    if wrap_whole:
        for i, column in columns:
            if column.whole and not column.numeric:
                minimums[i] = _longest_word(column.header, [r[i] for r in cells])
        if sum(minimums[i] + 3 for i, _ in columns) - 3 > width:
            return _blocks(listing, cells, width)
    caps = _fit(columns, minimums, widest, width, wrap_whole)
    # Expand to the terminal only when the text needs the room: a short name
    # beside a 140-space hole is harder to read than a narrow table.
    natural = sum(widest[i] + 3 for i, _ in columns) - 3
    expand = any(c.ratio for _, c in columns) and natural > width
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=expand)
    for i, column in columns:
        fixed = column.numeric or (column.whole and not wrap_whole)
        table.add_column(
            cell(column.header),
            justify="right" if column.numeric else "left",
            # numbers never wrap or shrink: text columns give way instead
            no_wrap=fixed,
            # a column that never wraps is as wide as its widest cell, measured
            # above: Rich need not measure its cells again
            width=widest[i] if fixed and not column.ratio else None,
            min_width=minimums[i],
            max_width=caps.get(i, column.max_width),
            ratio=column.ratio,
            overflow="fold",
        )
    groups = set(listing.groups or ())
    for n, row in enumerate(cells):
        table.add_row(*(cell(row[i]) for i, _ in columns), end_section=n + 1 in groups)
    return table


def _fit(
    columns: list[tuple[int, Column]],
    minimums: dict[int, int],
    widest: dict[int, int],
    width: int,
    wrap_whole: bool,
) -> dict[int, int]:
    """Caps for the text columns so that every column gets at least its minimum.

    Left alone, Rich gives side columns their widest cell and the main (ratio)
    column what is left, or shrinks columns below their minimum, folding a
    figure in two. The widest text column gives way first, one cell at a time.
    """
    widths: dict[int, int] = {}
    shrinkable: list[int] = []
    caps: dict[int, int] = {}
    for i, column in columns:
        if column.max_width is not None:  # a side column's cap never cuts a figure in it
            # a wider terminal lets a side column grow, so short text stops wrapping
            caps[i] = max(column.max_width * max(width, 80) // 80, minimums[i])
        if column.ratio:
            widths[i] = minimums[i]
            continue
        widths[i] = max(minimums[i], min(widest[i], caps.get(i, widest[i])))
        if not column.numeric and (wrap_whole or not column.whole):
            shrinkable.append(i)
    excess = sum(widths.values()) + 3 * (len(columns) - 1) - width
    while excess > 0:
        room = [i for i in shrinkable if widths[i] > minimums[i]]
        if not room:
            break
        widest_i = max(room, key=lambda i: widths[i])
        widths[widest_i] -= 1
        caps[widest_i] = widths[widest_i]
        excess -= 1
    return caps


class Blocks(list["Text"]):
    """Lines already wrapped to the width: print them as they are (soft wrap)."""


def _blocks(listing: Listing, cells: Sequence[Sequence[JSONValue]], width: int) -> Blocks:
    """The table as one "header: value" block per row, for a terminal too narrow
    for its columns: every figure stays whole, the text wraps between words."""

    lines = Blocks()
    groups = set(listing.groups or ())
    for n, row in enumerate(cells):
        if n:
            lines.append(Text("──" if n in groups else ""))
        for column, value in zip(listing.columns, row, strict=True):
            text = cell(value)
            if not text.plain.strip():
                continue
            head = Text(f"{safe(column.header)}: ", style="bold")
            if "\n" in text.plain:  # a quote in two languages, a bar chart
                lines.append(head)
                lines.extend(wrap_words(text, width))
            else:
                # assembled, not head + text: a sum takes head's bold for the whole line
                lines.extend(wrap_words(Text.assemble(head, text), width))
    return lines


def wrap_words(text: Text, width: int) -> list[Text]:
    """``text`` (a rich Text) in lines of at most ``width`` cells, broken only
    between words: a word longer than the line (an id, a date) stays whole."""
    out: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        breaks: list[int] = []
        used = 0
        for word in re.finditer(r"\s*\S+\s*", plain):  # as Rich splits words
            size = _cell_len(word.group().rstrip())
            if used and used + size > width:
                breaks.append(word.start())
                used = 0
            used += _cell_len(word.group())
        for part in line.divide(breaks):
            part.rstrip()
            out.append(part)
    return out


def _has_digit(value: JSONValue) -> bool:
    return any(ch.isdigit() for ch in _plain(value))


def _longest_word(header: str, values: Sequence[JSONValue]) -> int:
    """A text column's minimum width: its longest word (at most 20, except a
    word with a figure in it, which is never cut). Whole columns need their widest cell."""
    words = [w for v in [header, *values] for w in _plain(v).split()]
    longest = min(20, max((_cell_len(w) for w in words), default=1))
    return max([longest, *(_cell_len(w) for w in words if any(c.isdigit() for c in w))])


def _cell_len(text: str) -> int:

    return cell_len(text)


def _width(value: JSONValue) -> int:
    return max((_cell_len(line) for line in _plain(value).split("\n")), default=0)


def print_listing(listing: Listing, fmt: str, svg: str | None = None) -> None:
    """Write a listing to stdout in ``fmt``; tables may also be saved as SVG."""
    if svg is not None:
        check_svg_path(svg)
    if fmt == "json":
        write_json(listing.records, sys.stdout)
    elif fmt in ("csv", "csv-excel"):
        write_csv(listing.records, sys.stdout, listing.fields, excel=fmt == "csv-excel")
    elif fmt == "markdown":
        write_markdown(listing, sys.stdout)
    if fmt == "table":
        print_table(make_console(), listing)
    if svg is not None:
        save_table_svg(listing, svg)


SVG_MAX_WIDTH = 100  # columns: a picture for a page or a slide, whatever the terminal
# "(see aigap show ID)" and the like: hints for a terminal user, not for a picture
_CLI_HINT = re.compile(r"\s*\(see aigap [^)]*\)|;?\s*see aigap [^.;]*[.;]?")
_SVG_BACKGROUND = '<rect fill="{background}" x="0" y="0" width="{{width}}" height="{{height}}"/>'


def check_svg_path(path: str) -> None:
    """Refuse a picture name that does not end in .svg (before anything is printed)."""

    if not path.lower().endswith(".svg"):
        raise AigapError.said("error.svg_name", path=path)
    check_target(path)


def save_table_svg(listing: Listing, path: str) -> None:
    """Save the table as an SVG picture: light, as wide as its content, without CLI hints."""

    check_svg_path(path)
    picture = Listing(
        listing.title,
        listing.columns,
        listing.records,
        cells=listing.cells,
        notes=[_CLI_HINT.sub("", note) for note in listing.notes],
        groups=listing.groups,
        fields=listing.fields,
    )
    probe = Console(width=SVG_MAX_WIDTH, file=io.StringIO(), highlight=False, markup=False)
    needed = cell_len(picture.title)
    if picture.records or picture.cells:
        table = build_table(picture, SVG_MAX_WIDTH)
        if isinstance(table, Blocks):  # too narrow for its columns: lines already wrapped
            needed = max([needed, *(cell_len(line.plain) for line in table)])
        else:
            needed = max(needed, Measurement.get(probe, probe.options, table).maximum)
    console = Console(
        width=max(20, min(needed, SVG_MAX_WIDTH)),
        file=io.StringIO(),
        record=True,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=True,  # keep the bold title in the recording
        color_system="truecolor",
    )
    _print_parts(console, picture)
    theme = DEFAULT_TERMINAL_THEME  # black on white
    # no window frame and dots: a plain light background instead
    background = _SVG_BACKGROUND.format(background=theme.background_color.hex)
    svg = console.export_svg(
        title=picture.title or "aigap",
        theme=theme,
        # the mark, right after <svg ...>, lets the next picture replace this one
        code_format=CONSOLE_SVG_FORMAT.replace("{chrome}", background).replace(
            ">", f">\n    <!-- {MARK} -->", 1
        ),
    )
    write_text_atomic(path, svg)


def write_text_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` atomically, never over a file aigap did not write."""

    def write(out: BinaryIO) -> None:
        out.write(text.encode("utf-8"))

    files.write_atomic(path, write)


def print_table(console: Console, listing: Listing) -> None:

    if console.is_terminal:
        _print_parts(console, listing)
        return
    # Piped: drop the padding Rich adds to the end of every line. Print into a
    # buffer rather than console.capture(): captured output is not recorded,
    # which left --svg pictures empty.
    out, console.file = console.file, io.StringIO()
    try:
        _print_parts(console, listing)
        text = console.file.getvalue()
    finally:
        console.file = out
    lines = text.rstrip("\n").split("\n")
    out.write("".join(line.rstrip() + "\n" for line in lines))
    out.flush()


def _print_parts(console: Console, listing: Listing) -> None:

    # Titles, notes and blocks wrap between words only: a word longer than the
    # line (an id, a date) stays whole rather than being cut in two. Lines
    # already wrapped go out in one print: each print call costs ~0.1 ms.
    def lines(texts: list[Text]) -> None:
        if texts:
            console.print(Text("\n").join(texts), soft_wrap=True)

    if listing.title:
        lines(wrap_words(Text(safe(listing.title), style="bold"), console.width))
    if listing.records or listing.cells:
        table = build_table(listing, console.width)
        if isinstance(table, Blocks):
            lines(table)
        else:
            console.print(table)
    else:
        console.print(Text(listing.empty or label("nothing_matches", "en")))
    lines([line for note in listing.notes for line in wrap_words(cell(note), console.width)])
