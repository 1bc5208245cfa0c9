"""`aigap check`: clean on the shipped base, every seeded error caught on its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from aigap.answers.checks import check
from aigap.answers.crosscheck import Derived, derived_for
from aigap.cli import app
from aigap.core import derive
from aigap.kinds import sections
from aigap.opener import with_store

from .conftest import REPO, SOURCES, needs_sources

FACTS = (REPO / "facts.yaml").read_text(encoding="utf-8")
FACTS_DATA = yaml.safe_load(FACTS)
runner = CliRunner()


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1


@needs_sources
def test_shipped_base_is_clean(facts_path: Path) -> None:
    r = runner.invoke(app, ["check", str(facts_path), "--sources", str(SOURCES)])
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    n = sum(len(FACTS_DATA.get(kind) or ()) for kind in sections())
    assert r.stderr == f"{facts_path}: {n} facts, no problems\n"


def test_default_path_is_the_active_fact_file() -> None:
    r = runner.invoke(app, ["check", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == []


# (old text, new text, what the error says) — each seeded once in a copy.
SEEDS = [
    # Arena: DeepSeek's score (and its printed form) changed: 1.7% no longer follows
    (
        'value: 1362\n    unit: elo\n    printed: "1362점"',
        'value: 1262\n    unit: elo\n    printed: "1262점"',
        "reported gap 1.7% (1.7) for 2025-02 does not match 9.75%",
    ),
    # MMLU: a value that disagrees with how the article prints it
    (
        'value: 17.5, printed: "17.5%"',
        'value: 71.5, printed: "17.5%"',
        "value 71.5 does not match the printed '17.5%'",
    ),
    # V3 cost in won off by a factor of ten: implied rate ~14,122 KRW/USD
    (
        '{value: 7880000000, unit: krw, printed: "약 78억8000만원"',
        '{value: 78800000000, unit: krw, printed: "약 788억원"',
        "implies 14,121.86 KRW per USD, outside the plausible 800–2,000",
    ),
    # Nvidia: a previous close the close and the drop contradict
    (
        'printed: "118.42달러", label: {en: "closing price", ko: "종가"}}',
        'printed: "118.42달러", label: {en: "closing price", ko: "종가"}}\n'
        '    previous_close: {value: 150.0, unit: usd, printed: "150달러"}',
        "previous close 150달러 does not match ~142.5 USD",
    ),
    # a change that no longer matches its printed form
    ("change: -3.07\n", "change: -30.7\n", "value -30.7 does not match the printed '3.07%'"),
    # a passage that is not verbatim
    (
        'passage: "기술주 중심의 나스닥 지수는 3.07% 하락했다."',
        'passage: "기술주 중심의 나스닥 지수는 3.7% 하락했다."',
        "passage '기술주 중심의 나스닥 지수는 3.7% 하락했다.' of 'market-nasdaq-2025-01-27' "
        "does not appear",
    ),
    # a quote whose Korean words are not in the article
    (
        'ko: "AI의 스푸트니크 모먼트"',
        'ko: "AI의 스푸트니크 순간"',
        "quote 'AI의 스푸트니크 순간' of 'quote-andreessen-sputnik' does not appear",
    ),
]


LOCATED_AT = {SEEDS[0][2]: '{date: "2025-02", label: {en: "February 2025"'}


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, str, list[tuple[int, str]]]:
    text = FACTS
    expected: list[tuple[int, str]] = []
    for old, new, _ in SEEDS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    for _, new, message in SEEDS:
        # where the error belongs: the reported figure that recomputation contradicts
        needle = LOCATED_AT.get(message, new.splitlines()[-1])
        expected.append((line_of(text, needle), message))
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text, expected


@needs_sources
def test_broken_copy_fires_each_check_on_its_line(
    broken: tuple[Path, str, list[tuple[int, str]]],
) -> None:
    path, _, expected = broken
    problems = [p for p in check(str(path), str(SOURCES)) if p.severity == "error"]
    lines = [p.format(column=True, severity=True) for p in problems]
    for line, message in expected:
        hits = [p for p in problems if message in p.message]
        assert hits, f"not reported: {message}\n" + "\n".join(lines)
        assert any(p.line == line for p in hits), (line, lines)


@needs_sources
def test_broken_copy_cli_exit_code_and_json(
    broken: tuple[Path, str, list[tuple[int, str]]],
) -> None:
    path, _, expected = broken
    r = runner.invoke(app, ["check", str(path), "--sources", str(SOURCES), "--format", "json"])
    assert r.exit_code == 2
    found = json.loads(r.stdout)
    assert {"path", "line", "column", "severity", "message"} == set(found[0])
    assert len([f for f in found if f["severity"] == "error"]) >= len(expected)
    assert r.stderr.endswith("errors\n")


def test_text_format_is_path_line_column_severity_message(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(FACTS.replace("change: -3.07\n", "change: -30.7\n"), encoding="utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 2
    line = line_of(FACTS, "change: -3.07\n")
    assert r.stdout == (
        f"{path}:{line}:5: error: value -30.7 does not match the printed '3.07%' "
        "(reads as 3.07, ± 0.005)\n"
    )
    assert r.stderr.endswith(" facts, 1 error\n")


def test_warnings_only_exit_1(tmp_path: Path) -> None:
    text = FACTS.replace('    passage_en: "The tech-heavy Nasdaq index fell 3.07%."\n', "").replace(
        "    precision: year\n", "", 1
    )
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 1, r.output
    assert "warning: fact 'market-nasdaq-2025-01-27' has no English rendering" in r.stdout
    assert "warning: event 'event-chatgpt-release' has no date precision" in r.stdout
    assert r.stderr.startswith(f"{path}: ") and r.stderr.endswith(" facts, 2 warnings\n")


def test_missing_source_text_is_a_warning(tmp_path: Path) -> None:
    r = runner.invoke(app, ["check", "--sources", str(tmp_path)])
    assert r.exit_code == 1
    assert "warning: cannot read source text" in r.stdout


@needs_sources
def test_source_file_name_cannot_escape_the_directory(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        FACTS.replace("file: 000_d62ffff94c8d458c.txt", "file: ../../etc/passwd"), encoding="utf-8"
    )
    r = runner.invoke(app, ["check", str(path), "--sources", str(SOURCES)])
    assert r.exit_code == 1
    assert "must be a plain file name" in r.stdout


def test_derived_values_for_show(facts_path: Path) -> None:
    def derived(fact_id: str) -> list[Derived]:
        return with_store(str(facts_path), lambda s: derived_for(s, s.record(fact_id)))

    arena = {d.label: d for d in derived("gap-arena")}
    top = arena["gap in 2025-02 from top scores"]
    assert (top.value, top.reported, top.ok) == ("1.69%", "1.7%", True)
    assert arena["times narrower"].value == "~5.5× (5.3–5.7×)"
    nvidia = derived("market-nvidia-2025-01-27")
    assert [(d.label, d.value) for d in nvidia] == [
        ("implied previous close", "~142.5 USD (142.42–142.67: 16.9% may be rounded or cut)")
    ]
    (rate,) = derived("cost-v3-training")
    assert (
        rate.value == "~1,412 KRW/USD (approximate: the article's amount is approximate)"
        and rate.ok is True
    )
    (score,) = derived("score-arena-deepseek-2025-02")
    assert score.value == "1.69%" and score.ok is True
    assert derived("claim-r1-shakes-world") == []


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("약 78억8000만원", 7.88e9),
        ("558만 달러", 5.58e6),
        ("10분의 1", 0.1),
        ("-13.8%", -13.8),
        ("$5.58 million", 5.58e6),
        ("약 850조원", 8.5e14),
    ],
)
def test_printed_numbers_are_read_back(printed: str, value: float) -> None:
    parsed = derive.parse_printed(printed)
    assert parsed is not None and derive.printed_matches(value, parsed)


def test_rounding_rule() -> None:
    assert derive.matches((1385 - 1362) / 1362 * 100, 1.7)
    assert not derive.matches(1.64, 1.7)
    assert derive.matches(1.65, 1.7)


def test_check_names_the_file_and_how_many_facts_it_read(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(FACTS, encoding="utf-8")
    other = tmp_path / "missing.yaml"
    r = runner.invoke(app, ["check", str(path), str(other)])
    assert r.exit_code == 2
    n = sum(len(FACTS_DATA.get(kind) or ()) for kind in sections())
    assert r.stderr == f"{path}: {n} facts, no problems\n{other}: 0 facts, 1 error\n"
    assert r.stdout == f"{other}: error: no such file\n"


@pytest.mark.parametrize("make", ["missing", "file"])
def test_sources_that_is_not_a_directory_is_an_option_error(tmp_path: Path, make: str) -> None:
    where = tmp_path / "sources"
    if make == "file":
        where.write_text("x")
    r = runner.invoke(app, ["check", "--sources", str(where)])
    assert r.exit_code == 2
    squashed = "".join(ch for ch in r.stderr if not ch.isspace() and ch != "│")  # Rich's box
    why = "nosuchdirectory" if make == "missing" else "notadirectory"
    assert "--sources" in squashed and f"{where}:{why}" in squashed, r.stderr
    assert r.stdout == ""


def test_pre_commit_hook_runs_check_on_yaml_files() -> None:
    import re

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "aigap-check"]
    assert hook["entry"] == "aigap check" and hook["language"] == "python"
    assert hook.get("pass_filenames", True)
    assert re.search(hook["files"], "facts/extra.yaml") and re.search(hook["files"], "a.yml")
    assert not re.search(hook["files"], "README.md")
