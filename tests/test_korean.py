"""With --lang ko every word aigap itself writes is Korean; locale-style AIGAP_LANG works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app
from aigap.core.labels import LABELS

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    ["gap"],
    ["gap", "mmlu"],
    ["timeline"],
    ["scores"],
    ["market"],
    ["costs"],
    ["quotes"],
    ["facts"],
    ["sources"],
    ["cite", "gap-mmlu"],
    *(
        ["show", fact]
        for fact in (
            "gap-mmlu",
            "score-arena-google-2025-02",
            "event-chatgpt-release",
            "market-nvidia-2025-01-27",
            "cost-v3-training",
            "quote-hai-r1",
            "claim-gap-narrowed-within-year",
            "nocut-2025-04-08",
            "chatbot-arena",
        )
    ),
]


def _english_label_words() -> set[str]:
    """English words of aigap's own labels that the fact base's text never uses."""
    data = (ROOT / "facts.yaml").read_text(encoding="utf-8").lower()
    # an option (--limit) is the same in every language: not a word to translate
    words = {
        w.lower()
        for entry in LABELS.values()
        for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"--[a-z-]+", "", entry["en"]))
    }
    return {w for w in words if not re.search(rf"\b{w}\b", data)}


def _run(args: list[str], env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1", **(env or {})})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_korean_output_has_no_english_label_words(args: list[str]) -> None:
    out = re.sub(r"--[a-z-]+", "", _run([*args, "--lang", "ko"])).lower()  # options stay
    leaked = sorted(w for w in _english_label_words() if re.search(rf"\b{w}\b", out))
    assert not leaked, leaked


def test_gap_headers_are_absolute_dates() -> None:
    out = _run(["gap", "mmlu", "--lang", "ko"])
    assert "2024년 말" in out.splitlines()[1]
    assert "지난해 말" not in out.splitlines()[1]
    assert "end of 2024" in _run(["gap", "mmlu"]).splitlines()[1]


@pytest.mark.parametrize(
    ("value", "title"),
    [
        ("ko_KR.UTF-8", "출처"),
        ("ko_KR", "출처"),
        ("ko", "출처"),
        ("en_US.UTF-8", "Sources"),
        ("C", "Sources"),
    ],
)
def test_locale_style_aigap_lang(value: str, title: str) -> None:
    assert _run(["sources"], env={"AIGAP_LANG": value}).splitlines()[0] == title


def test_unknown_language_is_a_clear_usage_error() -> None:
    result = CliRunner().invoke(app, ["sources"], env={"AIGAP_LANG": "fr_FR.UTF-8"})
    assert result.exit_code == 2
    assert "en or ko" in result.output


def test_korean_tables_write_percentage_points_the_korean_way() -> None:
    from typer.testing import CliRunner

    from aigap.cli import app

    for args in (["gap"], ["gap", "mmlu"], ["scores"]):
        out = CliRunner().invoke(app, [*args, "--lang", "ko"]).stdout
        assert " pp" not in out, args
    assert "17.5%p" in CliRunner().invoke(app, ["gap", "mmlu", "--lang", "ko"]).stdout
