"""`aigap check` stays linear and bounded on hostile files (issue 8).

Two files that once took minutes and gigabytes: 1,250 costs whose ratios all
name one subject (1.5 million error lines, one per pair of costs), and 1,250
gaps beside 1,250 scores on one benchmark (every gap value scanned every
score). Each wrong figure is now reported once and the text listing is
capped; the findings are checked here, the time in benchmarks/README.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.answers.checks import TEXT_LIMIT, check
from aigap.cli import app

# Thousands of generated facts: CI and `pytest -m slow` run these, plain `pytest` skips them.
pytestmark = pytest.mark.slow

runner = CliRunner()
N = 1_250


def _head() -> Iterator[str]:
    yield "schema: 1\nsources:\n"
    yield (
        '  - {id: a-1, outlet: {en: "Daily", ko: "데일리"}, headline: {en: "H", ko: "H"},'
        ' byline: {en: "R", ko: "R"},'
        ' published: "2025-01-28", language: ko}\n'
    )
    yield 'benchmarks:\n  - {id: bench, name: {en: "Bench", ko: "벤치"}}\n'


def _fact(ident: str, **fields: str) -> str:
    # the passage holds every printed figure, as check wants (printed vs passage)
    said = " ".join(fields.values()) + " " + " ".join(f"{k}: {v}" for k, v in fields.items())
    printed = " ".join(re.findall(r'printed: "?([^",}]*)', said))
    common = (
        f'id: {ident}, source: a-1, passage: "본문 {ident} {printed}", passage_en: "Text {ident}"'
    )
    return "  - {" + ", ".join([common, *(f"{k}: {v}" for k, v in fields.items())]) + "}\n"


def _claims(n: int) -> Iterator[str]:
    yield "claims:\n"
    for i in range(n):
        yield _fact(f"k-{i}", claim=f'{{en: "Claim {i}", ko: "주장 {i}"}}')


def costs_of_one_subject(n_costs: int = N, n_claims: int = 3 * N) -> str:
    """Every cost is "one tenth of X training"; only the last one's amount bears that out."""
    parts = list(_head())
    parts.append("costs:\n")
    for i in range(n_costs):
        usd = 100 if i == n_costs - 1 else 1_000 + i  # 1,000..2,248: no pair is 1:10
        parts.append(
            _fact(
                f"c-{i}",
                subject='{en: "X training"}',
                claim=f'{{en: "It cost ${usd}."}}',
                amounts=f'[{{value: {usd}, unit: usd, printed: "{usd}달러"}}]',
                ratio='{value: 0.1, printed: "10분의 1", of: {en: "X training"}}',
            )
        )
    parts.extend(_claims(n_claims))
    return "".join(parts)


def gaps_and_scores_on_one_benchmark(n: int = N, wrong: int = 7) -> str:
    """Valid but for gap ``wrong``: US leads by 20.0 pp in 2023 and 5.0 pp in 2024."""
    parts = list(_head())
    parts.append("gaps:\n")
    for i in range(n):
        then = "21.0" if i == wrong else "20.0"
        parts.append(
            _fact(
                f"g-{i}",
                benchmark="bench",
                unit="pp",
                printed_unit='"%"',
                values=(
                    f'[{{date: "2023", label: {{en: "2023", ko: "2023년"}}, value: {then},'
                    f' printed: "{then}%"}}, {{date: "2024", label: {{en: "2024", ko: "2024년"}},'
                    ' value: 5.0, printed: "5.0%"}]'
                ),
            )
        )
    parts.append("scores:\n")
    tops = {("US", "2023"): 80.0, ("CN", "2023"): 60.0, ("US", "2024"): 85.0, ("CN", "2024"): 80.0}
    for i in range(n):
        (country, year), top = list(tops.items())[i % 4]
        value = top if i < 4 else round(top - 1 - (i % 40) / 2, 1)  # the first four are the tops
        org = "OpenAI" if country == "US" else "DeepSeek"
        parts.append(
            _fact(
                f"s-{i}",
                benchmark="bench",
                model=f'{{en: "{org} M{i}"}}',
                organization=f'{{en: "{org}", ko: "{org}"}}',
                country=country,
                date=f'"{year}"',
                value=str(value),
                unit="percent",
                printed=f'"{value}%"',
            )
        )
    return "".join(parts)


def test_each_wrong_ratio_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "costs.yaml"
    path.write_text(costs_of_one_subject(), encoding="utf-8")
    problems = check(str(path))
    # One per cost whose ratio no other cost bears out: not one per pair.
    assert len(problems) == N - 1
    assert all(p.severity == "error" for p in problems)
    first = problems[0]
    # c-0 (1,000 USD) is nearest to a tenth against the largest other cost, 2,248 USD.
    assert first.message == (
        "ratio 10분의 1 (0.1) matches no cost of 'X training': the nearest is 0.445, "
        "recomputed as 1000달러 / 2248달러 (c-1248)"
    )
    text = path.read_text(encoding="utf-8")
    assert first.line == text[: text.index("id: c-0,")].count("\n") + 1
    # The last cost (100 USD) is a tenth of any of the others: no problem.
    assert not any("recomputed as 100달러 /" in p.message for p in problems)
    assert not any("(c-1249)" in p.message for p in problems)


def test_text_listing_is_capped_json_lists_all(tmp_path: Path) -> None:
    path = tmp_path / "costs.yaml"
    path.write_text(costs_of_one_subject(), encoding="utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 2
    lines = r.stdout.splitlines()
    assert len(lines) == TEXT_LIMIT + 1
    assert all(": error: ratio 10분의 1 (0.1) matches no cost" in line for line in lines[:-1])
    more = N - 1 - TEXT_LIMIT
    assert lines[-1] == f"… and {more:,} more problems (--format json lists all)"
    assert r.stderr.startswith(f"{N - 1:,} errors") or f"{N - 1} errors" in r.stderr
    r = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert r.exit_code == 2
    assert len(json.loads(r.stdout)) == N - 1


def test_many_gaps_and_scores_on_one_benchmark(tmp_path: Path) -> None:
    path = tmp_path / "gaps.yaml"
    path.write_text(gaps_and_scores_on_one_benchmark(), encoding="utf-8")
    problems = check(str(path))
    assert [p.message for p in problems] == [
        "reported gap 21.0% (21) for 2023 does not match 20.00 pp recomputed from the top "
        "scores: 80 − 60 (OpenAI vs DeepSeek, 2023)"
    ]
    clean = tmp_path / "clean.yaml"
    clean.write_text(gaps_and_scores_on_one_benchmark(wrong=-1), encoding="utf-8")
    assert check(str(clean)) == []


def test_short_listing_has_no_more_line(tmp_path: Path) -> None:
    path = tmp_path / "costs.yaml"
    path.write_text(costs_of_one_subject(n_costs=4, n_claims=1), encoding="utf-8")
    r = runner.invoke(app, ["check", str(path)])
    assert r.exit_code == 2
    assert len(r.stdout.splitlines()) == 3
    assert "more problem" not in r.stdout
