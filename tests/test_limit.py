"""Tables show the first rows and say how many more; machine formats give every row."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import TABLE_ROWS, app
from tests.conftest import BIG_BASE_FACTS as N_FACTS


def _run(runner: CliRunner, base: Path, *args: str) -> str:
    result = runner.invoke(app, ["--no-packaged", "--facts", str(base), *args])
    assert result.exit_code == 0, result.output
    return result.output


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _count(runner: CliRunner, base: Path, command: str, *args: str) -> int:
    return len(_csv_rows(_run(runner, base, command, *args, "--format", "csv")))


# The fast tier tries one table of each shape; CI (pytest -m slow) tries every command.
@pytest.mark.parametrize(
    "command",
    [
        ["market"],
        pytest.param(["costs"], marks=pytest.mark.slow),
        ["facts", "--kind", "claims"],
        pytest.param(["facts"], marks=pytest.mark.slow),
        pytest.param(["quotes"], marks=pytest.mark.slow),
        ["timeline"],
    ],
)
def test_table_shows_first_rows_and_says_how_many_more(
    runner: CliRunner, big_base: Path, command: list[str]
) -> None:
    total = _count(runner, big_base, *command)
    assert total > TABLE_ROWS
    out = _run(runner, big_base, *command)
    assert f"{total - TABLE_ROWS} more rows not shown; --limit 0 shows all." in out
    out = _run(runner, big_base, *command, "--limit", "7")
    assert f"{total - 7} more rows not shown" in out
    assert "more rows not shown" not in _run(runner, big_base, *command, "--limit", "0")


def test_limit_cuts_a_machine_format_only_when_asked(runner: CliRunner, big_base: Path) -> None:
    every = _csv_rows(_run(runner, big_base, "market", "-f", "csv"))
    first = _csv_rows(_run(runner, big_base, "market", "-f", "csv", "--limit", "5"))
    assert first == every[:5]
    assert "more rows" not in _run(runner, big_base, "market", "-f", "json")


def test_csv_of_every_fact_has_every_row(runner: CliRunner, big_base: Path) -> None:
    rows = _csv_rows(_run(runner, big_base, "facts", "-f", "csv"))
    assert len(rows) == N_FACTS
    assert len({r["fact_id"] for r in rows}) == N_FACTS
    assert len(json.loads(_run(runner, big_base, "facts", "-f", "json"))) == N_FACTS


def test_store_orders_market_as_python_would(runner: CliRunner, big_base: Path) -> None:
    rows = json.loads(_run(runner, big_base, "market", "-f", "json"))
    keys = [(r["date"], r["subject_kind"] != "company", r["change_percent"]) for r in rows]
    # dates compare as ISO text here: the generator writes full days
    assert keys == sorted(keys)


def test_timeline_range_matches_python_filter(runner: CliRunner, big_base: Path) -> None:
    every = json.loads(_run(runner, big_base, "timeline", "-f", "json"))
    day = every[len(every) // 2]["date"][:7]  # a month: partial dates overlap it
    some = json.loads(
        _run(runner, big_base, "timeline", "--since", day, "--until", day, "-f", "json")
    )
    assert some and all(e["date"].startswith(day) or len(e["date"]) < 7 for e in some)
    expected = [e for e in every if e["date"][:7] == day or e["date"] == day[:4]]
    assert [e["fact_id"] for e in some] == [e["fact_id"] for e in expected]


def test_quotes_who_in_the_store(runner: CliRunner, big_base: Path) -> None:
    every = json.loads(_run(runner, big_base, "quotes", "-f", "json"))
    name = every[0]["speaker"]
    some = json.loads(_run(runner, big_base, "quotes", "--who", name.upper(), "-f", "json"))
    assert some == [q for q in every if name.casefold() in q["speaker"].casefold()]


def test_quotes_of_an_organisation_cut_in_the_store(runner: CliRunner) -> None:
    every = runner.invoke(app, ["quotes", "--who", "openai", "-f", "json"])
    assert every.exit_code == 0, every.output
    found = json.loads(every.output)
    assert found  # the packaged base: OpenAI's people speak
    first = runner.invoke(app, ["quotes", "--who", "openai", "-f", "json", "--limit", "1"])
    assert json.loads(first.output) == found[:1]


def test_timeline_range_finds_a_gaps_earlier_readings(runner: CliRunner) -> None:
    """A gap is filed under its latest reading; a range over its first must still find it."""
    result = runner.invoke(
        app, ["timeline", "--since", "2023", "--until", "2023", "--kind", "gaps", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    found = {(r["date"], r["fact_id"]) for r in json.loads(result.stdout)}
    assert ("2023-end", "gap-mmlu") in found and ("2024-end", "gap-mmlu") not in found


def test_entity_page_shows_the_first_rows_and_how_many_more(
    runner: CliRunner, big_base: Path
) -> None:
    out = _run(runner, big_base, "show", "lab-openai", "--limit", "5")
    assert "more rows not shown; --limit 0 shows all." in out
    every = json.loads(_run(runner, big_base, "show", "lab-openai", "-f", "json"))
    five = json.loads(_run(runner, big_base, "show", "lab-openai", "-f", "json", "--limit", "5"))
    assert len(five["facts"]) == 5 and len(every["facts"]) > 5
    assert five["facts"] == every["facts"][:5]


@pytest.mark.parametrize(
    ("command", "figure"),
    [(["scores"], r"^\d+ {2,}\S"), (["gap"], r"\d+(\.\d+)? ?(pp|%)\s+-")],
)
@pytest.mark.parametrize("limit", [1, 2, 4])
def test_grouped_tables_show_limit_rows_not_limit_lines(
    runner: CliRunner, command: list[str], figure: str, limit: int
) -> None:
    """Group header rows ([Chatbot Arena, Elo points]) do not count against --limit;
    the notes name only the sources of the rows shown."""
    import re

    total = len(json.loads(_packaged(runner, *command, "--format", "json")))
    out = _packaged(runner, *command, "--limit", str(limit))
    shown = [line for line in out.splitlines() if re.search(figure, line)]
    assert len(shown) == limit, out
    assert f"{total - limit} more rows not shown" in out
    if command == ["scores"]:  # two sources: the notes name those of the rows shown
        rows = json.loads(_packaged(runner, *command, "--limit", str(limit), "--format", "json"))
        sources = {r["source_id"] for r in rows}
        for source in ("mk-2025-01-29", "nocut-2025-04-08"):
            assert (f"{source}:" in out) == (source in sources), out


def _packaged(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    return result.output


def test_search_shows_its_own_limit_of_hits(runner: CliRunner, big_base: Path) -> None:
    """search --limit N shows N hits (more than a table's page), with one "more" note of its own."""
    total = len(json.loads(_run(runner, big_base, "search", "deepseek", "--format", "json")))
    assert total > TABLE_ROWS + 10
    out = _run(runner, big_base, "search", "deepseek", "--limit", str(TABLE_ROWS + 10))
    hits = json.loads(
        _run(runner, big_base, "search", "deepseek", "--limit", str(TABLE_ROWS + 10), "-f", "json")
    )
    assert len(hits) == TABLE_ROWS + 10
    assert f"\n{TABLE_ROWS + 10}   " in out  # the last hit's rank is in the table
    assert "rows not shown" not in out
    assert f"{total - TABLE_ROWS - 10} more: aigap search deepseek" in out
