"""Every format aigap writes parses back with a real parser, whatever the data.

Hostile text (controls, CR/LF, quotes, formulas, HTML, Markdown syntax, bidi
overrides) goes through CSV, JSON, Markdown and the export's CSV; Python's csv
and json modules and markdown-it (a CommonMark renderer, which Rich brings)
read it back, and the values are compared.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from aigap.cli import app
from aigap.output.export import spreadsheet_text
from aigap.output.render import (
    Column,
    Listing,
    csv_cell,
    csv_value,
    safe,
    write_csv,
    write_json,
    write_markdown,
)

HOSTILE = [
    '=HYPERLINK("http://x/?leak","click me")',
    "+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "'=1",
    "'",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<details open ontoggle=alert(1)>",
    "&lt;b&gt;",
    "&amp;",
    "[link](http://x)",
    "![img](http://x)",
    "**bold**",
    "_em_",
    "`code`",
    "~~strike~~",
    "|",
    "\\",
    "\\x0a",
    "\\u202e",
    "\n",
    "\r",
    "\r\n",
    '"',
    ",",
    "\x1b[31m",
    "\x9b",
    "\u202e",
    "\u200b",
    "\x00",
    "#",
    "- ",
    "1. ",
    "> ",
    "---",
    "<br>",
    "http://example.com",
    "www.example.com",
    "지난해 말",
    "-16.9%",
    "1,385",
]
hostile_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=3)), min_size=1, max_size=6).map(
        "".join
    ),
)

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- CSV for people and spreadsheets (listings' -f csv) -----------------------------


def _is_formula(cell: str) -> bool:
    """Whether a spreadsheet would run the cell (a bare number such as -16.9% is a number)."""
    return cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(
        r"[+-]?[0-9][0-9,]*(\.[0-9]+)?%?", cell
    )


@pytest.mark.slow
@PROPERTY
@given(st.lists(hostile_text, min_size=1, max_size=4), st.booleans())
def test_listing_csv_round_trips_and_runs_no_formula(values: list[str], excel: bool) -> None:
    texts = {f"c{i}": v for i, v in enumerate(values)}
    records = [texts, {k: (-16.9 if k == "c0" else None) for k in texts}]
    out = io.StringIO()
    write_csv(records, out, excel=excel)
    text = out.getvalue()
    if excel:
        assert text.startswith("\ufeff")
        text = text[1:]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 3  # a cell never splits a row
    for cell, value in zip(rows[1], values, strict=True):
        assert csv_value(cell) == value
        assert "\n" not in cell and "\r" not in cell and "\x1b" not in cell
        assert not _is_formula(cell)
    assert rows[2][0] == "-16.9"  # a number stays a number


def test_csv_examples() -> None:
    assert csv_cell('=HYPERLINK("http://x/?leak","click me")').startswith("'=")
    assert csv_cell("-16.9%") == "-16.9%" and csv_cell(-16.9) == "-16.9"
    assert csv_cell("a\nb") == "a\\x0ab" and csv_cell("a\\x0ab") == "a\\\\x0ab"
    assert csv_value(csv_cell("a\\x0ab")) == "a\\x0ab" and csv_value(csv_cell("a\nb")) == "a\nb"


# --- JSON ------------------------------------------------------------------------------


def _no_constants(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")


@pytest.mark.slow
@PROPERTY
@given(
    st.lists(hostile_text, min_size=1, max_size=4),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=3),
)
def test_json_round_trips(values: list[str], figures: list[float]) -> None:
    record = {"texts": values, "figures": figures, "one": values[0]}
    out = io.StringIO()
    write_json([record], out)
    (back,) = json.loads(out.getvalue(), parse_constant=_no_constants)
    assert back["texts"] == values and back["one"] == values[0]
    assert back["figures"] == [f if math.isfinite(f) else None for f in figures]
    assert "\x1b" not in out.getvalue() and "\u202e" not in out.getvalue()


# --- Markdown ----------------------------------------------------------------------------

MARKDOWN = MarkdownIt("commonmark").enable("table")


def _cells(text: str) -> tuple[list[str], list[str]]:
    """(rendered text of each body cell, every raw-HTML token) of a Markdown table."""
    tokens = MARKDOWN.parse(text)
    cells: list[str] = []
    html: list[str] = []
    inside = False
    for token in tokens:
        if token.type == "tbody_open":
            inside = True
        if token.type in ("html_block",):
            html.append(token.content)
        if token.type == "inline" and inside:
            parts = []
            for child in token.children or []:
                if child.type == "html_inline":
                    html.append(child.content)
                    parts.append("\n" if child.content == "<br>" else child.content)
                elif child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                else:  # emphasis, links, images: markup made from data
                    parts.append(f"<{child.type}>")
            cells.append("".join(parts))
    return cells, html


@pytest.mark.slow
@PROPERTY
@given(st.lists(hostile_text, min_size=1, max_size=4))
def test_markdown_shows_data_as_text(values: list[str]) -> None:
    columns = [Column(f"c{i}", f"head <b>{i}</b>") for i in range(len(values))]
    out = io.StringIO()
    write_markdown(Listing("t", columns, [{f"c{i}": v for i, v in enumerate(values)}]), out)
    cells, html = _cells(out.getvalue())
    assert set(html) <= {"<br>"}, html  # the only HTML is aigap's own line break
    expected = [
        "\n".join(safe(line, keep_newlines=False) for line in v.split("\n")) for v in values
    ]
    # (whitespace at the ends of a cell or line is layout to Markdown, not text)
    assert [_lines(c) for c in cells] == [_lines(e) for e in expected]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().split("\n")]


# --- the export: exact, RFC 4180 ----------------------------------------------------------


@pytest.mark.slow
@PROPERTY
@given(st.lists(hostile_text, min_size=1, max_size=4))
def test_export_csv_is_exact(tmp_path_factory: pytest.TempPathFactory, values: list[str]) -> None:
    from aigap.output.export import Column as ExportColumn
    from aigap.output.export import Table, _write_csv

    columns = [ExportColumn(f"c{i}", "string", "", lambda r, i=i: r[i]) for i in range(len(values))]
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    _write_csv(path, Table("t", "t", "", columns, [values], ("c0",)))
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert [spreadsheet_text(cell) for cell in rows[1]] == values  # exact, undone
    assert not any(_is_formula(cell) for cell in rows[1] if cell)  # and never run


# --- a hostile fact file, end to end ----------------------------------------------------

EVIL = '=HYPERLINK("http://x/?leak","click") <img src=x onerror=alert(1)> a\rb\nc \\x0a'


def _hostile_base(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    text = json.dumps(EVIL)  # a JSON string is a YAML double-quoted scalar
    path.write_text(
        "schema: 1\n"
        "sources:\n"
        f"  - {{id: s1, outlet: {{en: {text}}}, headline: {{ko: {text}}}, byline: {{en: A}},"
        " published: 2025-01-01, language: ko}\n"
        "quotes:\n"
        f"  - id: q1\n    source: s1\n    passage: {text}\n    passage_en: {text}\n"
        f"    speaker: {{en: {text}}}\n    said: {{en: {text}, ko: {text}}}\n"
        "claims:\n"
        f"  - id: c1\n    source: s1\n    passage: {text}\n    passage_en: {text}\n"
        f"    claim: {{en: {text}}}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.slow
def test_frictionless_validates_an_export_of_a_hostile_base(tmp_path: Path) -> None:
    from frictionless import validate

    facts = _hostile_base(tmp_path)
    target = tmp_path / "data"
    result = CliRunner().invoke(
        app, ["--no-packaged", "--facts", str(facts), "export", str(target)]
    )
    assert result.exit_code == 0, result.output
    report = validate(str(target / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with open(target / "quotes.csv", encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert row["said_en"] == row["passage"] == "'" + EVIL  # a spreadsheet never runs it
    assert spreadsheet_text(row["said_en"]) == EVIL  # and a program gets it exactly


@pytest.mark.parametrize("fmt", ["csv", "csv-excel", "markdown", "json"])
def test_hostile_base_through_every_listing_format(tmp_path: Path, fmt: str) -> None:
    facts = _hostile_base(tmp_path)
    for command in (["quotes"], ["facts"], ["sources"], ["show", "q1"], ["search", "click"]):
        result = CliRunner().invoke(
            app, ["--no-packaged", "--facts", str(facts), *command, "-f", fmt]
        )
        assert result.exit_code == 0, result.output
        out = result.stdout
        if fmt == "json":
            json.loads(out, parse_constant=_no_constants)
        elif fmt == "markdown":
            assert set(_cells(out)[1]) <= {"<br>"} and not re.search(r"(?<!\\)<img", out)
        else:
            rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline="")))
            assert all(not _is_formula(cell) for row in rows for cell in row if cell), rows
            assert any(csv_value(cell) == EVIL for row in rows for cell in row) or command[0] in (
                "search",
                "facts",
                "sources",
            )
