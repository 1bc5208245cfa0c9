"""`aigap brief [NAME]`: short Markdown with footnote citations, in English or Korean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from aigap.cli import app

from .test_formats_parse_back import _hostile_base

MARKDOWN = MarkdownIt("commonmark")


def _brief(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["brief", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _no_html(text: str) -> None:
    tokens = MARKDOWN.parse(text)
    html = [t for t in tokens if t.type == "html_block"]
    html += [c for t in tokens if t.children for c in t.children if c.type == "html_inline"]
    assert not html, html


@pytest.mark.parametrize(
    "args", [[], ["nvidia"], ["mmlu"], ["sam altman"], ["gap-mmlu"], ["mk-2025-01-29"]]
)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_brief_is_markdown_with_a_footnote_for_every_citation(
    runner: CliRunner, args: list[str], lang: str
) -> None:
    text = _brief(runner, *args, "--lang", lang)
    assert text.startswith("# ")
    _no_html(text)
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    defined = set(re.findall(r"^\[\^(\d+)\]: ", text, re.M))
    assert used and used == defined
    assert len(text) < 6000  # short: a brief, not the base


def test_a_rendering_is_never_in_quotation_marks(runner: CliRunner, facts_path: Path) -> None:
    quotes = yaml.safe_load(facts_path.read_text(encoding="utf-8"))["quotes"]
    for lang in ("en", "ko"):
        text = _brief(runner, "--lang", lang)
        for quote in quotes:
            original = quote.get("said_en_is") == "original"
            for words in quote["said"].values():
                if not original or words != quote["said"].get("en"):
                    assert f"“{words}" not in text


def test_korean_brief_uses_korean_labels(runner: CliRunner) -> None:
    text = _brief(runner, "--lang", "ko")
    assert "핵심 수치" in text and "Key figures" not in text and "Quotes" not in text


def test_korean_beside_an_original_is_called_a_translation(runner: CliRunner) -> None:
    """Next to the speaker's English words, the article's Korean is surely a translation."""
    line = next(x for x in _brief(runner, "--lang", "ko").splitlines() if "Sputnik" in x)
    assert "기사의 한국어 번역" in line and "옮긴 것일 수 있음" not in line


def test_an_unknown_name_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["brief", "no-such-thing"])
    assert result.exit_code == 2 and "unknown name" in result.output


def test_hostile_text_stays_text(runner: CliRunner, tmp_path: Path) -> None:
    facts = _hostile_base(tmp_path)
    for args in ([], ["q1"], ["s1"]):
        result = runner.invoke(app, ["--no-packaged", "--facts", str(facts), "brief", *args])
        assert result.exit_code == 0, result.output
        _no_html(result.stdout)
        assert "\x1b" not in result.stdout and "\r" not in result.stdout


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_figure_of_one_date_carries_its_date(runner: CliRunner, lang: str) -> None:
    # A score or a market move pasted into a story needs its date ("Nvidia -16.9%"
    # alone was undated); a gap names each reading's period in its own words.
    figures = _brief(runner, "--lang", lang).split("\n## ")[1].splitlines()[2:]
    dated = [line for line in figures if re.match(r"- \d{4}(-\d\d)*: ", line)]
    assert any("-17.4%" in line for line in dated), figures  # Broadcom, 27 January 2025
    assert any("-16.9%" in line and line.startswith("- 2025-01-27: ") for line in dated)
    arena = _brief(runner, "arena", "--lang", lang)
    assert "- 2025-02: " in arena  # the February 2025 Arena scores
    gaps = [line for line in figures if "MMLU" in line]
    assert gaps and not re.match(r"- \d{4}", gaps[0])  # its periods are in the line


def test_korean_brief_names_a_score_s_country_in_korean(runner: CliRunner) -> None:
    text = _brief(runner, "arena", "--lang", "ko")
    assert "구글 (미국)" in text and "(US)" not in text and "(CN)" not in text


def test_a_brief_of_nothing_says_so(runner: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "only-a-source.yaml"
    mine.write_text(
        "schema: 1\nsources:\n  - {id: s, outlet: {en: O}, headline: {en: H},"
        ' published: "2025", language: en}\n',
        encoding="utf-8",
    )
    for args, said in (([], "(nothing matches)"), (["--lang", "ko"], "(찾은 것이 없습니다)")):
        text = _brief(runner, "--no-packaged", "--facts", str(mine), *args)
        assert text.splitlines()[2] == said
    for command in (["market"], ["costs"]):  # and no note explains rows there are not
        result = runner.invoke(app, ["--no-packaged", "--facts", str(mine), *command])
        assert result.exit_code == 0
        assert result.stdout.splitlines()[1:] == ["(nothing matches)"]


def test_a_dated_quote_says_when_and_whether_that_is_inferred(runner: CliRunner) -> None:
    line = next(x for x in _brief(runner).splitlines() if "Sputnik moment" in x)
    assert line.startswith("- 2025-01-26: Marc Andreessen") and "(date or unit inferred)" in line
    undated = next(x for x in _brief(runner).splitlines() if "almost no AI technology gap" in x)
    assert undated.startswith("- Kai-Fu Lee")  # the article dates it only '최근'
