"""The CLI through CliRunner: gap, timeline, global options, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from pytest import MonkeyPatch
from typer.testing import CliRunner

from aigap import __version__
from aigap.cli import app


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"aigap {__version__}\n"


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    commands = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    assert len(commands) >= 12
    for args in ([], *([c] for c in commands)):
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0, result.output
        assert "Examples" in result.stdout
        assert "aigap " in result.stdout


def test_gap_mmlu_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["gap", "mmlu"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("US–China gap on MMLU")
    for text in ("17.5 pp", "0.3 pp", "-17.2 pp", "~58×", "end of 2023", "end of 2024"):
        assert text in out
    assert 'percentage points (article prints "%")' in out
    assert "Source: CBS NoCut News, 2025-04-08 (date inferred)" in out
    assert "\x1b" not in out  # NO_COLOR / not a terminal: no escape codes
    assert all(line == line.rstrip() for line in out.splitlines())


def test_gap_is_case_and_punctuation_insensitive(runner: CliRunner) -> None:
    for name in ("MMLU", "human-eval", "humaneval", "arena", "chatbot-arena", "lmsys", "수학"):
        result = runner.invoke(app, ["gap", name])
        assert result.exit_code == 0, (name, result.output)


def test_unknown_benchmark_exits_2_with_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(app, ["gap", "mmlx"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown benchmark 'mmlx'" in result.stderr
    assert "did you mean 'mmlu'?" in result.stderr
    assert "known benchmarks: " in result.stderr


def test_gap_all_has_every_benchmark_with_bars(runner: CliRunner) -> None:
    result = runner.invoke(app, ["gap"])
    assert result.exit_code == 0, result.output
    for name in ("MMLU", "MMMU", "MATH", "HumanEval", "Chatbot Arena"):
        assert name in result.stdout
    assert "●" in result.stdout and "○ then → ● now" in result.stdout
    assert "[percentage" in result.stdout
    # one line per benchmark, and 1.6 pp (MATH) and 0.3 pp (MMLU) drawn apart
    lines = {ln.split()[0]: ln for ln in result.stdout.splitlines() if ln.startswith("M")}
    assert lines["MATH"].index("●") != lines["MMLU"].index("●")


def test_gap_legend_goes_with_the_dumbbells(runner: CliRunner, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # too narrow: the dumbbell column is dropped
    out = runner.invoke(app, ["gap"]).stdout
    assert "●" not in out and "○" not in out


def test_gap_json_and_csv(runner: CliRunner) -> None:
    result = runner.invoke(app, ["gap", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    mmlu = next(r for r in rows if r["benchmark"] == "mmlu")
    assert (mmlu["then_value"], mmlu["now_value"], mmlu["unit"]) == (17.5, 0.3, "pp")
    assert mmlu["then_printed"] == "17.5%"
    result = runner.invoke(app, ["gap", "-f", "csv"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["benchmark"] for r in table} == {r["benchmark"] for r in rows}


def test_gap_korean(runner: CliRunner) -> None:
    result = runner.invoke(app, ["gap", "arena", "--lang", "ko"])
    assert result.exit_code == 0, result.output
    assert "챗봇 아레나" in result.stdout
    assert "지난해 1월" in result.stdout


def test_timeline_in_date_order_with_filters(runner: CliRunner) -> None:
    result = runner.invoke(app, ["timeline", "-f", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    dates = [e["date"] for e in events]
    assert "2025-01-20" in dates
    assert len(events) >= 8
    result = runner.invoke(
        app, ["timeline", "--since", "2025-01-20", "--until", "2025-01-27", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert {e["date"][:7] for e in json.loads(result.stdout)} == {"2025-01"}


def test_timeline_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["timeline"])
    assert result.exit_code == 0, result.output
    assert "2025-01-20" in result.stdout
    assert "mk-2025-01-29" in result.stdout


def test_timeline_bad_date_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["timeline", "--since", "yesterday"])
    assert result.exit_code == 2
    assert "bad date" in result.stderr


def test_facts_option_and_env_select_another_file(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nsources: [\n", encoding="utf-8")
    result = runner.invoke(app, ["--no-packaged", "--facts", str(bad), "gap", "mmlu"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}:3: YAML syntax error")
    result = runner.invoke(app, ["gap", "mmlu"], env={"AIGAP_FACTS": str(bad)})
    assert result.exit_code == 2
    assert str(bad) in result.stderr


def test_missing_fact_file(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = runner.invoke(app, ["--no-packaged", "--facts", str(missing), "timeline"])
    assert result.exit_code == 2
    assert result.stderr == f"{missing}: no such file\n"


def test_svg_is_written(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "gap.svg"
    result = runner.invoke(app, ["gap", "--svg", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_shell_completion_offers_benchmark_ids(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        [],
        prog_name="aigap",
        env={"_AIGAP_COMPLETE": "complete_bash", "COMP_WORDS": "aigap gap m", "COMP_CWORD": "2"},
    )
    assert result.exit_code == 0, result.output
    assert {"mmlu", "mmmu", "math"} <= set(result.stdout.split())


def test_global_options_work_after_the_command(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.yaml")
    for args in (["gap", "mmlu", "--facts", missing], ["--facts", missing, "gap", "mmlu"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert "no such file" in result.stderr
    result = runner.invoke(app, ["market", "--max-bytes", "10"])
    assert result.exit_code != 0 and "over the 10-byte limit" in result.stderr
