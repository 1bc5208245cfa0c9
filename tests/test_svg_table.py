"""A table's --svg picture: light, sized to its content, no CLI hints, .svg only."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app


def _picture(tmp_path: Path, *args: str, columns: str = "80") -> tuple[ET.Element, str]:
    target = tmp_path / f"table-{columns}.svg"
    result = CliRunner().invoke(app, [*args, "--svg", str(target)], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    svg = target.read_text(encoding="utf-8")
    return ET.fromstring(svg), svg


def _width(root: ET.Element) -> float:
    return float(root.attrib["viewBox"].split()[2])


def test_light_and_no_window_chrome(tmp_path: Path) -> None:
    _, svg = _picture(tmp_path, "scores", "arena")
    assert 'fill="#ffffff"' in svg  # white background
    assert "<circle" not in svg  # no window dots
    for number in ("1385", "1366", "1362"):
        assert number in svg


def test_sized_to_content_not_terminal(tmp_path: Path) -> None:
    narrow, _ = _picture(tmp_path, "scores", "arena", columns="80")
    wide, _ = _picture(tmp_path, "scores", "arena", columns="200")
    assert _width(narrow) == _width(wide)
    # the arena table is about 70 columns, far less than a 200-column terminal
    assert _width(wide) < 1100


@pytest.mark.parametrize("args", [["timeline"], ["facts", "--kind", "claims"], ["scores"]])
def test_no_cli_hints(tmp_path: Path, args: list[str]) -> None:
    _, svg = _picture(tmp_path, *args)
    assert "see aigap" not in svg and "aigap show" not in svg


@pytest.mark.parametrize(
    "args",
    [["gap"], ["scores", "-f", "json"], ["show", "gap-mmlu"], ["show", "gap-mmlu", "-f", "json"]],
)
def test_refuses_a_name_that_is_not_svg_before_printing(tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "table.png"
    result = CliRunner().invoke(app, [*args, "--svg", str(target)])
    assert result.exit_code == 2
    assert result.stdout == ""  # nothing printed
    assert "name the file with .svg" in result.output
    assert not target.exists()


def test_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "gap.svg"
    assert CliRunner().invoke(app, ["gap", "--svg", str(target)]).exit_code == 0
    result = CliRunner().invoke(app, ["gap", "mmlu", "--svg", str(target)])
    assert result.exit_code == 0  # aigap's own picture is replaced
    assert target.read_text(encoding="utf-8").startswith("<svg")
    assert [p.name for p in tmp_path.iterdir()] == ["gap.svg"]
    # a file aigap did not write is never overwritten, and nothing is printed
    mine = tmp_path / "mine.svg"
    mine.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(app, ["gap", "--svg", str(mine)])
    assert result.exit_code == 2 and "not written by aigap" in result.output
    assert mine.read_text(encoding="utf-8") == "old" and "MMLU" not in result.stdout


def test_too_wide_for_the_picture_is_drawn_as_blocks(tmp_path: Path) -> None:
    """Columns that cannot share 100 cells become one block per row (was a crash)."""
    from aigap.output.render import Column, Listing, save_table_svg

    columns = [Column(f"c{i}", f"reading {i}", numeric=True) for i in range(12)]
    record = {f"c{i}": f"{1000 + i:,}.5 Elo points" for i in range(12)}
    target = tmp_path / "wide.svg"
    save_table_svg(Listing("Wide", columns, [record]), str(target))
    svg = target.read_text(encoding="utf-8").replace("&#160;", " ")
    # the bold header and its value are separate runs of text in the picture
    assert "reading 11: " in svg and "1,011.5 Elo points" in svg
    assert _width(ET.fromstring(svg)) < 1300  # no wider than the 100-cell picture


def test_a_block_row_bolds_its_header_only() -> None:
    """In the narrow-terminal layout "Header: value", only the header is bold."""
    from aigap.output.render import Blocks, Column, Listing, build_table

    listing = Listing("t", [Column("a", "Benchmark", numeric=True)], [{"a": "1" * 30}])
    blocks = build_table(listing, 20)
    assert isinstance(blocks, Blocks)
    assert all(not line.style for line in blocks)  # no line is bold as a whole
    bold = [line.plain[s.start : s.end] for line in blocks for s in line.spans]
    assert [b.strip() for b in bold] == ["Benchmark:"]
