"""Periods are periods: a partial date knows where it sits, and says so wherever it leaves aigap."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from aigap.cli import app
from aigap.core.dates import read_date
from aigap.core.model import PartialDate
from aigap.core.numbers import date_short, date_words
from aigap.factfiles.validate import validate

from .test_validate import GAP, base


def _date(text: str) -> PartialDate:
    got = read_date(text)
    assert isinstance(got, PartialDate), text
    return got


def test_the_end_of_a_year_sorts_after_every_day_of_it_and_before_the_next() -> None:
    dates = [
        "2025",
        "2024-12-31",
        "2024-end",
        "2024-01",
        "2024",
        "2024-12",
        "2023-end",
        "2024-01-01",
    ]
    ordered = sorted(dates, key=lambda t: _date(t).sort_key)
    assert ordered == [
        "2023-end",
        "2024",
        "2024-01",
        "2024-01-01",
        "2024-12",
        "2024-12-31",
        "2024-end",
        "2025",
    ]
    assert _date("2024-02-end").sort_key > _date("2024-02-29").sort_key
    assert _date("2024-02-end").sort_key < _date("2024-03").sort_key


@pytest.mark.parametrize(
    ("text", "period", "first", "last"),
    [
        ("2024", "year", "2024-01-01", "2024-12-31"),
        ("2024-02", "month", "2024-02-01", "2024-02-29"),
        ("2025-01-20", "day", "2025-01-20", "2025-01-20"),
        ("2024-end", "year_end", "2024-12-31", "2024-12-31"),
        ("2024-start", "year_start", "2024-01-01", "2024-01-01"),
        ("2023-02-end", "month_end", "2023-02-28", "2023-02-28"),
        ("2023-02-start", "month_start", "2023-02-01", "2023-02-01"),
    ],
)
def test_a_date_knows_its_period(text: str, period: str, first: str, last: str) -> None:
    date = _date(text)
    assert (date.iso, date.period, date.first.isoformat(), date.last.isoformat()) == (
        text,
        period,
        first,
        last,
    )
    assert PartialDate.parse(text) == date
    assert date.interval == (first if first == last else f"{first}/{last}")


def test_a_day_has_no_edge_and_a_bare_year_still_loads() -> None:
    assert not isinstance(read_date("2024-01-20-end"), PartialDate)
    assert not isinstance(read_date("2024-middle"), PartialDate)
    result = validate(base(gaps=[GAP]), "f.yaml")
    assert result.base is not None and not result.issues
    # a bare year (as fact files wrote "end of 2023" before) loads as the whole year
    assert result.base.section("gaps")[0].values[0].date == PartialDate(2023)
    ended = {**GAP, "values": [{**v, "date": f"{v['date']}-end"} for v in GAP["values"]]}
    result = validate(base(gaps=[ended]), "f.yaml")
    assert result.base is not None and not result.issues
    assert result.base.section("gaps")[0].values[1].date == PartialDate(2024, edge="end")


@pytest.mark.parametrize(
    ("text", "en", "ko"),
    [
        ("2024-end", "end of 2024", "2024년 말"),
        ("2024-01", "January 2024", "2024년 1월"),
        ("2025-02", "February 2025", "2025년 2월"),
        ("2025-01-20", "20 January 2025", "2025년 1월 20일"),
        ("2024", "2024", "2024년"),
    ],
)
def test_dates_in_words_are_absolute(text: str, en: str, ko: str) -> None:
    assert (date_words(_date(text), "en"), date_words(_date(text), "ko")) == (en, ko)


def test_a_table_cell_keeps_iso_and_words_the_edge() -> None:
    assert date_short(_date("2024-01"), "ko") == "2024-01"
    assert date_short(_date("2024-end"), "en") == "end of 2024"
    assert date_short(_date("2024-end"), "ko") == "2024년 말"
    # the edge of a month: "end of 2024-12", not "end of 2024-12-end"
    assert date_short(_date("2024-12-end"), "en") == "end of 2024-12"
    assert date_short(_date("2025-06-start"), "en") == "start of 2025-06"
    assert date_short(_date("2024-12-end"), "ko") == "2024년 12월 말"


def test_a_source_published_at_a_month_s_end_is_said_so(runner: CliRunner, tmp_path: Path) -> None:
    """The sources line under a table and the plain citation printed the file's
    "2024-12-end" (and "end of 2024-12-end")."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "schema: 1\nsources:\n  - {id: s, outlet: {en: Web}, headline: {en: Page},"
        ' published: "2024-12-end", language: en}\nclaims:\n'
        "  - {id: c, source: s, claim: {en: A claim}, passage: p, passage_en: p}\n",
        encoding="utf-8",
    )
    said = _run(runner, "--no-packaged", "--facts", str(mine), "cite", "s")
    said += _run(runner, "--no-packaged", "--facts", str(mine), "facts")
    assert "end of 2024-12" in said and "2024-12-end" not in said


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_timeline_puts_the_end_of_2024_after_the_year(runner: CliRunner) -> None:
    entries = json.loads(_run(runner, "timeline", "-f", "json"))
    order = [(e["fact_id"], e["date"]) for e in entries]
    mmlu_2024 = order.index(("gap-mmlu", "2024-end"))
    assert order.index(("gap-arena", "2024-01")) < mmlu_2024
    assert order.index(("event-v3-release", "2024-12")) < mmlu_2024
    assert order.index(("event-r1-release", "2025-01-20")) > mmlu_2024
    first = next(e for e in entries if e["date"] == "2024-end")
    assert (first["date_start"], first["date_end"], first["precision"]) == (
        "2024-12-31",
        "2024-12-31",
        "year_end",
    )


def test_entity_page_orders_by_period(runner: CliRunner) -> None:
    page = json.loads(_run(runner, "show", "deepseek", "-f", "json", "--limit", "1000"))
    dates = [PartialDate.parse(e["date"]) for e in page["entries"] if e["date"]]
    keys = [d.sort_key for d in dates if d is not None]
    assert keys == sorted(keys)


def test_every_json_date_says_its_period(runner: CliRunner) -> None:
    for args in (
        ["gap"],
        ["scores"],
        ["market"],
        ["quotes"],
        ["facts"],
        ["sources"],
        ["search", "mmlu"],
    ):
        records = json.loads(_run(runner, *args, "-f", "json"))
        for record in records:
            for name in [k for k in record if f"{k}_start" in record]:
                if record[name] is None:
                    continue
                date = PartialDate.parse(record[name])
                assert date is not None, (args, name, record[name])
                assert record[f"{name}_start"] == date.first.isoformat()
                assert record[f"{name}_end"] == date.last.isoformat()
                assert record.get(f"{name}_precision", record.get("precision")) == date.period
    gap = json.loads(_run(runner, "gap", "mmlu", "-f", "json"))[0]
    assert (gap["now_date"], gap["now_date_start"], gap["now_date_precision"]) == (
        "2024-end",
        "2024-12-31",
        "year_end",
    )


def test_export_gives_the_end_of_2024_as_its_last_day(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "data"
    assert runner.invoke(app, ["export", str(target)]).exit_code == 0
    with (target / "gap_values.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["fact_id"] == "gap-mmlu"]
    got = [(r["date"], r["date_end"], r["date_precision"], r["label_ko"]) for r in rows]
    assert got == [
        ("2023-12-31", "2023-12-31", "year_end", "2023년 말"),
        ("2024-12-31", "2024-12-31", "year_end", "2024년 말"),
    ]


# The article's relative dates: correct only on the day it was printed.
RELATIVE = re.compile(r"지난해|작년|올해|지난 ?\d+월|지난달|이날|최근|어제|내년")


def _outside_quotes(text: str) -> str:
    """Text without verbatim passages (“…”) and the article's words cited in notes ('…')."""
    return re.sub(r"“[^”]*”|'[^']*'|\"[^\"]*\"", "", text)


@pytest.mark.parametrize(
    "args",
    [
        ["gap"],
        ["gap", "arena"],
        ["gap", "mmlu"],
        ["timeline"],
        ["scores"],
        ["facts"],
        ["quotes"],
        ["show", "deepseek"],
    ],
)
def test_korean_output_has_no_relative_dates(runner: CliRunner, args: list[str]) -> None:
    out = _run(runner, *args, "--lang", "ko")
    assert not RELATIVE.search(_outside_quotes(out)), RELATIVE.findall(_outside_quotes(out))


def test_korean_labels_in_the_data_are_absolute(facts_path: Path) -> None:
    data: dict[str, Any] = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
    labels = [
        v["label"]["ko"]
        for gap in data["gaps"]
        for v in gap["values"]
        if "ko" in v.get("label", {})
    ]
    assert labels and not [t for t in labels if RELATIVE.search(t)]
