"""Strings from a fact file reach the terminal as text, never as control codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app

MARKUP = "[bold red]x[/] [link=https://evil]y[/link]"
# Control sequences: a fact file cannot hold them, raw or written as escapes (the
# reader refuses them: test_control_sequences_in_a_fact_file_are_refused)
SEQUENCES = "\x1b[2J \x1b]52;c;ZXZpbA==\x07 \x1b]8;;http://x\x1b\\ \x9b31m"
# What a fact file may hold that a terminal would act on: a bidi override, a line
# separator, a zero-width space (text, not controls, for YAML and the reader)
CONTROLS = "\u202e \u2028 \u200b"
EVIL = f"{MARKUP} {CONTROLS}"
# What must never reach stdout or stderr raw.
RAW = ("\x1b", "\x9b", "\u202e", "\x07", "\u2028", "\u200b")
# ... and how it is shown instead
ESCAPED = ("\\u202e", "\\u2028", "\\u200b")

runner = CliRunner()


def q(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes are YAML's."""
    return json.dumps(text)


def evil_fact_file(tmp_path: Path, evil: str = EVIL) -> Path:
    e = q(evil)
    t = f"{{en: {e}, ko: {e}}}"
    text = f"""\
schema: 1
sources:
  - id: src
    outlet: {t}
    headline: {t}
    byline: {t}
    published: "2025-01-29"
    language: ko
    file: {e}
    note: {t}
benchmarks:
  - id: bench
    name: {t}
    full_name: {t}
    aliases: [{q("alias " + EVIL)}]
    measures: {t}
gaps:
  - id: gap-evil
    source: src
    benchmark: bench
    unit: pp
    printed_unit: {e}
    values:
      - {{date: "2023", label: {t}, value: 17.5, printed: {e}}}
      - {{date: "2024", label: {t}, value: 0.3, printed: {e}}}
    passage: {e}
    passage_en: {e}
    note: {t}
    tags: [evil]
scores:
  - id: score-evil
    source: src
    benchmark: bench
    model: {t}
    organization: {t}
    country: CN
    date: "2025-01"
    value: 79.8
    unit: percent
    printed: {e}
    passage: {e}
    passage_en: {e}
events:
  - id: event-evil
    source: src
    date: "2025-01-20"
    precision: day
    what: {t}
    who: {t}
    passage: {e}
    passage_en: {e}
    tags: [evil]
market:
  - id: market-evil
    source: src
    date: "2025-01-27"
    subject: {t}
    kind: company
    change: -16.9
    change_printed: {e}
    close: {{value: 118.42, unit: usd, printed: {e}, label: {t}}}
    passage: {e}
    passage_en: {e}
costs:
  - id: cost-evil
    source: src
    subject: {t}
    claim: {t}
    amounts:
      - {{value: 5580000, unit: usd, printed: {e}, label: {t}}}
    ratio: {{value: 0.1, printed: {e}, of: {t}}}
    passage: {e}
    passage_en: {e}
quotes:
  - id: quote-evil
    source: src
    speaker: {t}
    role: {t}
    said: {t}
    channel: {t}
    passage: {e}
    passage_en: {e}
claims:
  - id: claim-evil
    source: src
    claim: {t}
    passage: {e}
    passage_en: {e}
"""
    path = tmp_path / "evil.yaml"
    path.write_text(text, encoding="utf-8")
    return path


COMMANDS = [
    ["gap", "bench"],
    ["gap"],
    ["timeline"],
    ["scores"],
    ["market"],
    ["costs"],
    ["quotes"],
    ["facts"],
    ["search", "evil"],
    ["show", "gap-evil"],
    ["show", "market-evil"],
    ["show", "quote-evil"],
    ["show", "src"],
    ["sources"],
]


@pytest.fixture
def evil(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "250")  # wide enough that markup is not folded
    return evil_fact_file(tmp_path)


def assert_inert(output: str) -> None:
    for raw in RAW:
        assert raw not in output, f"raw {raw!r} reached the output"


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_fact_text_is_printed_literally(evil: Path, command: list[str], fmt: str) -> None:
    r = runner.invoke(app, ["--no-packaged", "--facts", str(evil), *command, "--format", fmt])
    if r.exit_code == 2 and "No such command" in r.output:
        pytest.skip(f"{command[0]} does not exist yet")
    assert r.exit_code == 0, r.output
    assert_inert(r.stdout)
    assert_inert(r.stderr)
    # the controls are shown, escaped
    assert any(escaped in r.stdout for escaped in ESCAPED)
    if command[0] != "search":  # search shows a snippet around the match
        assert "\\u202e" in r.stdout
    if fmt == "table":
        assert "[link=https://evil]y[/link]" in r.stdout


@pytest.mark.parametrize("style", ["plain", "bibtex"])
def test_citations_are_inert(evil: Path, style: str) -> None:
    r = runner.invoke(
        app, ["--no-packaged", "--facts", str(evil), "cite", "gap-evil", "--style", style]
    )
    if r.exit_code == 2 and "No such command" in r.output:
        pytest.skip("cite does not exist yet")
    assert r.exit_code == 0, r.output
    assert_inert(r.stdout)
    assert "u202e" in r.stdout  # escaped (BibTeX escapes the backslash too)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_output_is_inert(evil: Path, tmp_path: Path, fmt: str) -> None:
    r = runner.invoke(app, ["check", str(evil), "--sources", str(tmp_path), "--format", fmt])
    assert r.exit_code in (1, 2), r.output
    assert_inert(r.stdout)
    assert_inert(r.stderr)
    assert any(escaped in r.stdout for escaped in ESCAPED)


@pytest.mark.parametrize("key", [EVIL, SEQUENCES], ids=["controls", "sequences"])
def test_errors_quoting_fact_text_are_inert(tmp_path: Path, key: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"schema: 1\nsources: []\n{q('key ' + key)}: 1\n", encoding="utf-8")
    r = runner.invoke(app, ["--no-packaged", "--facts", str(bad), "gap", "mmlu"])
    assert r.exit_code == 2
    assert_inert(r.stderr)
    if key == EVIL:
        assert "\\u202e" in r.stderr
    else:
        assert f"{bad}:3: control character U+001B is not allowed" in r.stderr


def test_control_sequences_in_a_fact_file_are_refused(tmp_path: Path) -> None:
    """Every text of the file, each holding escape sequences written as YAML escapes:
    a file:line error for each, nothing printed raw, no answer from the file."""
    evil = evil_fact_file(tmp_path, f"{MARKUP} {SEQUENCES} {CONTROLS}")
    r = runner.invoke(app, ["--no-packaged", "--facts", str(evil), "gap", "--format", "json"])
    assert r.exit_code == 2 and r.stdout == ""
    assert_inert(r.stderr)
    said = r.stderr.splitlines()
    assert said and all(
        line.startswith(f"{evil}:") and "control character U+001B is not allowed" in line
        for line in said
    ), said
