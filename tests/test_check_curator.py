"""check and the curator's common mistakes: a printed figure the passage does
not have, a copy of the packaged base, and no cascading errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from typer.testing import CliRunner

from aigap.cli import app
from aigap.factfiles.files import packaged_facts_path


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _packaged_text() -> str:
    return Path(packaged_facts_path()).read_text(encoding="utf-8")


def test_a_printed_figure_not_in_its_passage_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    text = _packaged_text().replace(
        'value: 0.3, printed: "0.3%"', 'value: 99.9, printed: "99.9%"', 1
    )
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2, result.output
    out = result.stdout
    messages = [p["message"] for p in json.loads(out)]
    wanted = "printed '99.9%' of 'gap-mmlu' does not appear in its passage"
    assert any(wanted in m for m in messages)


def test_a_note_that_quotes_the_printed_form_says_why(runner: CliRunner, tmp_path: Path) -> None:
    body = (
        "schema: 1\n"
        "sources:\n"
        "  - id: src\n"
        '    outlet: {en: "Outlet"}\n'
        '    headline: {ko: "제목"}\n'
        "    published: 2025-01-29\n"
        "    language: ko\n"
        "benchmarks:\n"
        '  - {id: bench, name: {en: "Bench"}}\n'
        "scores:\n"
        "  - id: s\n"
        "    source: src\n"
        "    benchmark: bench\n"
        '    model: {en: "M"}\n'
        '    organization: {en: "O"}\n'
        "    country: US\n"
        '    date: "2025-02"\n'
        "    value: 1366\n"
        "    unit: elo\n"
        '    printed: "1,366점"\n'
        '    passage: "점수는 1366점을 기록했다."\n'
        '    passage_en: "It scored 1366 points."\n'
        "%s"
    )
    path = tmp_path / "facts.yaml"
    path.write_text(body % "", encoding="utf-8")
    code, out = _run(runner, "check", str(path))
    assert code == 2 and "printed '1,366점' of 's' does not appear in its passage" in out
    note = "    note: {en: \"Printed as '1,366점' to match the table; the article has 1366점.\"}\n"
    path.write_text(body % note, encoding="utf-8")
    code, out = _run(runner, "check", str(path))
    assert "does not appear in its passage" not in out, out


def test_a_copy_of_the_packaged_base_names_no_packaged(runner: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    shutil.copy(packaged_facts_path(), mine)
    code, out = _run(runner, "--facts", str(mine), "gap", "mmlu")
    assert code == 2
    lines = out.strip().splitlines()
    assert "looks like a copy" in lines[0] and "--no-packaged" in lines[0]
    assert "more not shown" in lines[0]
    assert len(lines) <= 10  # the first few clashes, not one line per id
    assert sum("duplicate id" in line for line in lines) == 3
    code, out = _run(runner, "--facts", str(mine), "--no-packaged", "gap", "mmlu")
    assert code == 0, out
    code, out = _run(runner, "--lang", "ko", "--facts", str(mine), "gap", "mmlu")
    assert code == 2 and "--no-packaged" in out and "사본" in out


def test_a_copy_of_another_file_of_yours_names_that_file_only(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A copy of one --facts file was called a copy of "the packaged base (facts.yaml,
    mine.yaml)", with --no-packaged as the advice: it names the file it repeats."""
    mine, copy = tmp_path / "mine.yaml", tmp_path / "copy.yaml"
    claims = "".join(
        f"  - id: my-claim-{i}\n    source: mk-2025-01-29\n    claim: {{en: x}}\n"
        f"    passage: x\n    passage_en: x\n"
        for i in range(12)
    )
    mine.write_text("schema: 1\nclaims:\n" + claims, encoding="utf-8")
    shutil.copy(mine, copy)
    code, out = _run(runner, "--facts", str(mine), "--facts", str(copy), "gap", "mmlu")
    first = out.strip().splitlines()[0]
    assert code == 2 and "looks like a copy" in first
    assert f"repeats 12 ids of {mine}:" in first
    assert "packaged" not in first and "--no-packaged" not in first


def test_a_few_duplicates_are_each_reported(runner: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "schema: 1\n"
        "claims:\n"
        "  - id: claim-r1-shakes-world\n"
        "    source: mk-2025-01-29\n"
        "    claim: {en: x}\n"
        '    passage: "x"\n'
        '    passage_en: "x"\n',
        encoding="utf-8",
    )
    code, out = _run(runner, "--facts", str(mine), "check")
    assert code == 2 and "duplicate id 'claim-r1-shakes-world'" in out
    assert "looks like a copy" not in out


def test_an_unknown_field_does_not_cascade(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        "schema: 1\n"
        "sources:\n"
        "  - id: src\n"
        '    outlet: {en: "Outlet"}\n'
        '    headline: {ko: "제목"}\n'
        "    published: 2025-01-29\n"
        "    language: ko\n"
        "    urll: https://example.org\n"
        "claims:\n"
        "  - id: c\n"
        "    source: src\n"
        "    claim: {en: x}\n"
        '    passage: "x"\n'
        '    passage_en: "x"\n',
        encoding="utf-8",
    )
    code, out = _run(runner, "check", str(path))
    assert code == 2
    assert "unknown field 'urll'" in out and "'url'" in out  # with its did-you-mean
    assert "unknown source id" not in out


def test_a_source_with_a_url_is_accepted(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        "schema: 1\n"
        "sources:\n"
        "  - id: src\n"
        '    outlet: {en: "Outlet"}\n'
        '    headline: {en: "Title"}\n'
        "    authors: [{family: {en: Kim}, given: {en: Min-ji}}]\n"
        "    published: 2025-01-29\n"
        "    language: en\n"
        "    url: https://example.org/a\n"
        "    accessed: 2026-12-05\n"
        "claims:\n"
        "  - id: c\n"
        "    source: src\n"
        "    claim: {en: x}\n"
        '    passage: "x"\n'
        '    passage_en: "x"\n',
        encoding="utf-8",
    )
    code, out = _run(runner, "check", str(path))
    assert code == 0, out
    code, out = _run(runner, "--no-packaged", "--facts", str(path), "cite", "src", "--style", "apa")
    assert code == 0 and out.startswith("Kim, M.-j. (2025, January 29). Title. Outlet.")
    assert "https://example.org/a" in out


def test_a_rendering_in_quotation_marks_is_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    """An English rendering of a Korean passage puts no words in quotation marks: copied
    into a story, a translation in quotes reads as what the speaker said (a misquote)."""
    rendered = (
        'passage_en: "He went on to say that they will certainly make better models and '
        'will make some announcements soon."'
    )
    text = _packaged_text()
    assert rendered in text
    quoted = 'passage_en: "He went on: \\"We will certainly make better models.\\""'
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace(rendered, quoted, 1), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output  # a warning: findings, the file still loads
    (problem,) = json.loads(result.stdout)
    assert problem["severity"] == "warning"
    assert "puts no words in quotation marks" in problem["message"]


def test_the_packaged_base_is_clean_without_the_articles(runner: CliRunner) -> None:
    """Every rule that needs no source text (renderings in quotation marks among
    them) holds for the shipped base, also in a clone without ../shared."""
    result = runner.invoke(app, ["check", str(packaged_facts_path())])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr.endswith(" facts, no problems\n")


def test_an_item_listed_twice_is_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    """A tag, keyword or entity listed twice is a slip (and weighs twice in search)."""
    listed = "    tags: [ai-index, deepseek, policy, market]"
    text = _packaged_text()
    assert listed in text
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace(listed, listed[:-1] + ", deepseek]", 1), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    (problem,) = json.loads(result.stdout)
    assert problem["severity"] == "warning" and problem["message"] == "'deepseek' is listed twice"


def test_no_packaged_entity_links_a_country_its_note_denies() -> None:
    """'No country relation' in a note and a country link beside it: show printed both."""
    data = yaml.safe_load(_packaged_text())
    both = [
        e["id"]
        for e in data["entities"]
        if e.get("country") and "No country relation" in (e.get("note") or {}).get("en", "")
    ]
    assert not both
