"""Issue 8 §2: every figure right — units, derived precision, record, speech, gap lookups."""

from __future__ import annotations

from typer.testing import CliRunner

from aigap.cli import app


def run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_facts_english_uses_english_units(runner: CliRunner) -> None:
    code, out = run(runner, "facts")
    assert code == 0
    flat = " ".join(out.split())
    assert "MMLU: 17.5 pp (end of 2023) → 0.3 pp (end of 2024)" in flat
    assert "1385 Elo points on Chatbot Arena" in flat
    assert "close $118.42, lost ~850 trillion won" in flat
    for korean in ("1385점", "118.42달러", "약 850조원"):
        assert korean not in out


def test_facts_korean_uses_korean_units(runner: CliRunner) -> None:
    code, out = run(runner, "facts", "--lang", "ko")
    assert code == 0
    flat = " ".join(out.split())
    assert "17.5%포인트 (2023년 말) → 0.3%포인트" in flat
    assert "1385점" in flat
    assert "118.42달러" in flat and "약 850조원" in flat
