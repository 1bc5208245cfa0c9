"""aigap chart: SVG and PNG files for a slide, in English and Korean."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from aigap.answers.gaps import gap_rows
from aigap.cli import app
from aigap.opener import open_store
from aigap.output import chart

GAP_VALUES = ["9.3%", "1.7%", "17.5 pp", "0.3 pp", "13.5 pp", "8.1 pp", "24.3 pp", "1.6 pp"]
GAP_VALUES += ["31.6 pp", "3.7 pp"]
SOURCE = (
    "Source: CBS NoCut News, 8 April 2025, citing Stanford HAI,"
    " Artificial Intelligence Index Report 2025 (Fig. 2.1.36, 2.1.37)"
)


def _svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()  # parses: well-formed XML
    assert root.tag.endswith("svg")
    return " ".join(" ".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def charts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every chart the tests look at, drawn once through the CLI."""
    folder = tmp_path_factory.mktemp("charts")
    runner = CliRunner()
    for args in (
        ["gap", "--out", "gap.svg"],
        ["gap", "--out", "gap.png"],
        ["gap", "mmlu", "--out", "mmlu.svg"],
        ["scores", "--out", "scores.svg"],
        ["scores", "arena", "--out", "arena-ko.svg", "--lang", "ko"],
    ):
        target = folder / args[args.index("--out") + 1]
        argv = [a if a != target.name else str(target) for a in args]
        result = runner.invoke(app, ["chart", *argv])
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
    return folder


def test_gap_svg_has_every_value_and_the_source(charts: Path) -> None:
    text = _svg_text(charts / "gap.svg")
    for value in GAP_VALUES:
        assert value in text
    assert SOURCE in text
    assert "aigap" in text and "gap-" not in text  # no internal fact ids
    assert "(date inferred)" not in text and "end of 2024*" in text  # the fact's date is marked
    assert "narrowed on all 5 benchmarks" in text  # the title states the finding
    # one axis per unit, never pp and percent on one
    assert "Gap (percentage points, pp)" in text and "Gap (percent, %)" in text


def test_svg_keeps_text_as_text(charts: Path) -> None:
    svg = (charts / "gap.svg").read_text(encoding="utf-8")
    assert "<text" in svg and "17.5 pp" in svg  # not drawn as glyph paths


def test_single_benchmark_chart(charts: Path) -> None:
    text = _svg_text(charts / "mmlu.svg")
    assert "narrowed from 17.5 pp to 0.3 pp" in text
    assert "9.3%" not in text  # only MMLU


def test_png_is_16_9_full_hd(charts: Path) -> None:
    width, height = _png_size(charts / "gap.png")
    assert (width, height) == (1920, 1080)
    assert width >= 1600 and height >= 900 and width * 9 == height * 16


def test_scores_chart_is_one_finding(charts: Path) -> None:
    text = _svg_text(charts / "scores.svg")
    for value in ("1385", "1366", "1362"):
        assert value in text
    assert "79.8%" not in text and "97.3%" not in text  # one benchmark per chart
    assert "Google (US)" in text and "DeepSeek (China)" in text  # names, not sentences
    assert "rated the top" not in text
    assert "Chatbot Arena: the top US model leads by 23 Elo points" in text
    assert "score-" not in text and "(date inferred)" not in text


def test_a_lead_under_one_problem_is_no_headline(tmp_path: Path) -> None:
    target = tmp_path / "aime.svg"
    result = CliRunner().invoke(app, ["chart", "scores", "aime", "--out", str(target)])
    assert result.exit_code == 0, result.output
    text = _svg_text(target)
    assert "DeepSeek-R1 and OpenAI o1 less than one of its 30 problems apart" in text
    assert "+0.6" not in text
    assert "Scores as reported by DeepSeek, in its DeepSeek-R1 model card" in text
    assert (
        "Maeil Business Newspaper, 29 January 2025, citing deepseek-ai/DeepSeek-R1"
        " (model card), evaluation table"
    ) in text


def test_one_country_is_not_a_comparison(tmp_path: Path) -> None:
    target = tmp_path / "math.png"
    result = CliRunner().invoke(app, ["chart", "scores", "math-500", "--out", str(target)])
    assert result.exit_code == 2 and "one country only" in result.stderr
    assert not target.exists()


def test_svg_names_its_font_and_weight(charts: Path) -> None:
    svg = (charts / "arena-ko.svg").read_text(encoding="utf-8")
    assert "font-family: 'NanumGothic'" in svg and "font-weight: 700" in svg
    assert "font-family: 'DejaVu Sans'" not in svg
    assert "font-weight: 700" in (charts / "gap.svg").read_text(encoding="utf-8")


def test_korean_svg_is_korean(charts: Path) -> None:
    text = _svg_text(charts / "arena-ko.svg")
    assert (
        "출처: CBS 노컷뉴스, 2025년 4월 8일, 스탠퍼드대 HAI,"
        " Artificial Intelligence Index Report 2025 (그림 2.1.39) 인용"
    ) in text
    assert "2025년 2월*" in text and "지난" not in text
    assert "미국" in text and "1385점" in text and "차트: aigap" in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_glyph_is_in_the_pinned_font(facts_path: Path, lang: chart.Lang) -> None:
    from matplotlib.text import Text

    store = open_store(str(facts_path))
    regular, bold = chart.font_files(lang)
    if lang == "ko":
        assert regular.name == "NanumGothic.ttf" and "koreanize_matplotlib" in str(regular)
    with warnings.catch_warnings():
        # matplotlib warns "Glyph ... missing from font(s)" for any tofu
        warnings.simplefilter("error")
        for figure in (
            chart.gap_figure(chart.gap_rows(store, None), lang),
            chart.scores_figure(chart.score_rows(store, None), lang),
        ):
            figure.savefig(io.BytesIO(), format="png")
            drawn = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
            hangul = [t for t in drawn if chart.has_hangul(t.get_text())]
            assert bool(hangul) == (lang == "ko")
            for text in hangul:
                assert Path(text.get_fontproperties().get_file() or "") in (regular, bold)


def test_korean_png_renders(tmp_path: Path) -> None:
    target = tmp_path / "gap-ko.png"
    result = CliRunner().invoke(app, ["chart", "gap", "--lang", "ko", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert _png_size(target) == (1920, 1080)


@pytest.mark.parametrize("name", ["gap.jpg", "gap", "gap.svg.txt", "gap.pdf"])
def test_wrong_extension_is_a_usage_error(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(app, ["chart", "gap", "--out", str(tmp_path / name)])
    assert result.exit_code == 2
    assert ".svg or .png" in result.output and result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_is_an_error_not_a_crash(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "gap.svg"
    result = CliRunner().invoke(app, ["chart", "gap", "--out", str(target)])
    assert result.exit_code == 74 and "cannot write" in result.output  # output failed: 74


@pytest.mark.parametrize("name", ["gap.svg", "gap.png"])
def test_written_atomically_over_its_own_file_only(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    for _ in range(2):  # the second run replaces the chart the first wrote
        result = CliRunner().invoke(app, ["chart", "gap", "mmlu", "--out", str(target)])
        assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temp file left
    mine = tmp_path / f"mine-{name}"
    mine.write_text("the user's own file", encoding="utf-8")
    result = CliRunner().invoke(app, ["chart", "gap", "--out", str(mine)])
    assert result.exit_code == 2 and "not written by aigap" in result.stderr
    assert mine.read_text(encoding="utf-8") == "the user's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, mine.name])


def test_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "gap.svg"
    assert CliRunner().invoke(app, ["chart", "gap", "--out", str(target)]).exit_code == 0
    result = CliRunner().invoke(app, ["chart", "gap", "mmlu", "--out", str(target)])
    assert result.exit_code == 0  # aigap's own chart is replaced
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["gap.svg"]  # no temp file left
    # a file aigap did not write is never overwritten (issue 20)
    mine = tmp_path / "mine.svg"
    mine.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(app, ["chart", "gap", "mmlu", "--out", str(mine)])
    assert result.exit_code == 2 and "not written by aigap" in result.output
    assert mine.read_text(encoding="utf-8") == "old"


def test_other_commands_never_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['aigap', 'gap', 'mmlu']\n"
        "from aigap.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


# Hostile data: drawn literally, in a font that has it, with no warning ----------------

HOSTILE_NAMES = [
    "DeepSeek $5.6M vs OpenAI $100M",
    "한국어만 있는 벤치마크",
    "emoji 🚀 and \\$ and $x^2$",
    "tab\there",
]


def _hostile_base(tmp_path: Path, name: dict[str, str], then: float, now: float) -> Path:
    import yaml

    from .test_validate import GAP, base

    first, last = GAP["values"]
    gap = {**GAP, "values": [{**first, "value": then}, {**last, "value": now}]}
    data = base(benchmarks=[{"id": "x", "name": name}], gaps=[gap])
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _chart_quietly(facts: Path, target: Path, lang: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *(sys.executable, "-W", "error", "-m", "aigap", "--no-packaged", "--facts"),
            *(str(facts), "chart", "gap", "--out", str(target), "--lang", lang),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("text", HOSTILE_NAMES)
def test_hostile_names_are_drawn_literally(tmp_path: Path, text: str, lang: str) -> None:
    facts = _hostile_base(tmp_path, {"en": text} if lang == "en" else {"ko": text}, 17.5, 0.3)
    target = tmp_path / "h.svg"
    result = _chart_quietly(facts, target, lang)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no "Glyph missing", no mathtext warning
    drawn = _svg_text(target)
    want = " ".join(text.split()).replace("🚀", "□")  # an emoji no font has: a visible □
    assert want in " ".join(drawn.split())
    png = _chart_quietly(facts, tmp_path / "h.png", lang)
    assert png.returncode == 0 and png.stderr == ""


@pytest.mark.parametrize(
    ("then", "now"),
    [
        (0.0, 0.0),
        (1.797e308, 1e-300),
        (-1.797e308, 5.0),
    ],
)
def test_edge_figures_draw_without_warnings(tmp_path: Path, then: float, now: float) -> None:
    from aigap.core.errors import AigapError

    facts = _hostile_base(tmp_path, {"en": "X"}, then, now)
    try:
        rows = chart.gap_rows(open_store(str(facts)), None)
    except AigapError:  # a kind's rules may refuse an absurd figure: nothing to draw
        return
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        target = tmp_path / "edge.png"
        chart.save(chart.gap_figure(rows, "en"), str(target))
    assert _png_size(target) == (1920, 1080)


def test_the_source_line_names_the_primary_records_not_the_notes(facts_path: Path) -> None:
    """The primary source comes from the facts' ``primary:`` records (their source
    record's title, their locator), never from a name a note happens to mention."""
    store = open_store(str(facts_path))
    rows = gap_rows(store, "mmlu")
    line = chart.source_note([rows[0].source], [rows[0].gap], "en", rows[0].primary)
    assert line.endswith(
        "citing Stanford HAI, Artificial Intelligence Index Report 2025 (Fig. 2.1.37)"
    )
    renamed = msgspec.structs.replace(
        rows[0].primary[0],
        headline=msgspec.structs.replace(rows[0].primary[0].headline, en="Report X"),
    )
    assert "citing Stanford HAI, Report X (Fig. 2.1.37)" in chart.source_note(
        [rows[0].source], [rows[0].gap], "en", [renamed]
    )
    unchecked = msgspec.structs.replace(rows[0].gap, primary=())  # its note still names the report
    assert unchecked.note is not None and "AI Index 2025 Figure 2.1.37" in unchecked.note.en
    assert "citing" not in chart.source_note([rows[0].source], [unchecked], "en", rows[0].primary)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_long_names_stay_on_the_slide(tmp_path: Path, lang: chart.Lang) -> None:
    """A long benchmark name ran off the left edge, and the title and the source
    line off the right: every text is wrapped onto the slide instead, nothing cut."""
    from matplotlib.text import Text

    words = " ".join(f"{lang}word{i}" for i in range(60))  # ~400 characters
    facts = _hostile_base(tmp_path, {"en": words, "ko": words}, 17.5, 0.3)
    figure = chart.gap_figure(chart.gap_rows(open_store(str(facts)), None), lang)
    figure.savefig(io.BytesIO(), format="png")
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    box = figure.bbox
    drawn = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    for text in drawn:
        extent = text.get_window_extent(renderer)
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1, text.get_text()[:60]
        assert box.y0 <= extent.y0 and extent.y1 <= box.y1, text.get_text()[:60]
    shown = " ".join(" ".join(t.get_text().split()) for t in drawn)
    assert f"{lang}word59" in shown  # wrapped, not cut
