"""Whole-output tests: exact text at a fixed width, no colour.

The expected files in tests/golden/ were written by the CLI itself; a change
to one is a deliberate change of what users see. Regenerate after such a
change with ``AIGAP_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and read
the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES: dict[str, list[str]] = {
    "gap": ["gap"],
    "gap-mmlu": ["gap", "mmlu"],
    "gap-mmlu-ko": ["gap", "mmlu", "--lang", "ko"],
    "timeline": ["timeline"],
    "scores": ["scores"],
    "market": ["market"],
    "quotes": ["quotes"],
    "show-gap-mmlu": ["show", "gap-mmlu"],
    "show-market-nvidia": ["show", "market-nvidia-2025-01-27"],
}
WIDTHS = (80, 120)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(CASES))
def test_whole_output(
    name: str, width: int, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = runner.invoke(app, CASES[name])
    assert result.exit_code == 0, result.output
    expected = GOLDEN / f"{name}.{width}.txt"
    if os.environ.get("AIGAP_UPDATE_GOLDEN"):
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_text(encoding="utf-8")
