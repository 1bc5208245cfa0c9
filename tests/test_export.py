"""`aigap export DIR`: a valid Frictionless Data Package that holds every fact."""

from __future__ import annotations

import csv
import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from aigap import kinds
from aigap.cli import app
from aigap.output.export import spreadsheet_text
from tests.test_toy_kind import _facts, policy_kind  # noqa: F401 (a fixture)


def _export(runner: CliRunner, target: Path, *args: str) -> Any:
    return runner.invoke(app, [*args, "export", str(target)])


def _read(directory: Path, name: str) -> list[dict[str, str]]:
    """A resource's rows, each text as exact as the fact base's (spreadsheet_text)."""
    with open(directory / f"{name}.csv", encoding="utf-8", newline="") as f:
        return [{k: spreadsheet_text(v) for k, v in row.items()} for row in csv.DictReader(f)]


@pytest.fixture
def exported(runner: CliRunner, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    result = _export(runner, target)
    assert result.exit_code == 0, result.output
    return target


def test_package_is_valid_frictionless(exported: Path) -> None:
    from frictionless import validate

    report = validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_package_describes_every_resource(exported: Path) -> None:
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    for section in kinds.sections():
        assert section in names
    for name in ("sources", "benchmarks", "facts", "passages", "gap_values", "cost_amounts"):
        assert name in names
    assert sorted(p.name for p in exported.iterdir()) == sorted(
        ["datapackage.json", *(f"{n}.csv" for n in names)]
    )
    assert package["licenses"][0]["name"]
    # the two articles, primary sources, the pages printing originals, the posts on X
    assert len(package["sources"]) == 12
    gaps = next(r for r in package["resources"] if r["name"] == "gap_values")
    assert gaps["schema"]["primaryKey"] == ["fact_id", "position"]
    targets = {k["reference"]["resource"] for k in gaps["schema"]["foreignKeys"]}
    assert targets == {"gaps", "benchmarks"}
    fields = {f["name"]: f for f in gaps["schema"]["fields"]}
    assert fields["value"]["type"] == "number"
    assert fields["date"]["type"] == "date"
    assert "percentage points" in fields["unit"]["description"]


def test_the_data_licence_is_for_data_and_leaves_the_passages_to_their_publishers(
    exported: Path,
) -> None:
    (licence,) = json.loads((exported / "datapackage.json").read_text("utf-8"))["licenses"]
    assert licence["name"] == "CC-BY-4.0"
    assert licence["path"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "passages" in licence["title"] and "publishers" in licence["title"]


def _flatten(raw: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A fact file mapping as the export's columns: text.en -> text_en; lists left out."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        name = prefix + key
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}_"))
        elif not isinstance(value, list):
            out[name] = value
    return out


def _same(cell: str, expected: Any, header: list[str], name: str) -> bool:
    if isinstance(expected, bool):
        return cell == ("true" if expected else "false")
    if isinstance(expected, int | float):
        return float(cell) == float(expected)
    return cell == str(expected)


def _check_row(row: dict[str, str], raw: dict[str, Any], renames: dict[str, str]) -> None:
    for name, expected in _flatten(raw).items():
        column = renames.get(name, name)
        if f"{column}_text" in row:  # a partial date: its text as the fact file gives it
            column += "_text"
        assert column in row, f"{raw.get('id')}: no column for {name}"
        assert _same(row[column], expected, list(row), column), (raw.get("id"), name, row[column])


def test_every_fact_round_trips(exported: Path, facts_path: Path) -> None:
    base = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
    facts = {r["id"]: r for r in _read(exported, "facts")}
    passages = _read(exported, "passages")
    tags = _read(exported, "fact_tags")
    keywords = _read(exported, "fact_keywords")
    about = _read(exported, "fact_about")
    count = 0
    for kind in kinds.KINDS:
        rows = {r["id"]: r for r in _read(exported, kind.section)}
        raws = base.get(kind.section) or []
        assert list(rows) == [raw["id"] for raw in raws]
        for raw in raws:
            count += 1
            row = rows[raw["id"]]
            passage = raw["passage"] if isinstance(raw["passage"], list) else [raw["passage"]]
            assert row["passage"] == "\n".join(passage)
            assert facts[raw["id"]]["passage_en"] == row["passage_en"] == raw["passage_en"]
            assert [p["text"] for p in passages if p["fact_id"] == raw["id"]] == passage
            assert [t["tag"] for t in tags if t["fact_id"] == raw["id"]] == raw.get("tags", [])
            assert [k["keyword"] for k in keywords if k["fact_id"] == raw["id"]] == raw.get(
                "keywords", []
            )
            assert [a["entity"] for a in about if a["fact_id"] == raw["id"]] == raw.get("about", [])
            renames = {"kind": "subject_kind"} if kind.section == "market" else {}
            _check_row(row, raw, renames)
            for field, items in raw.items():
                if field in ("passage", "tags", "keywords", "about", "primary") or not isinstance(
                    items, list
                ):
                    continue
                child = [
                    r for r in _read(exported, f"{kind.name}_{field}") if r["fact_id"] == raw["id"]
                ]
                assert [int(r["position"]) for r in child] == list(range(1, len(items) + 1))
                for r, item in zip(child, items, strict=True):
                    _check_row(r, item, {})
    assert count == len(facts) == sum(len(base.get(s) or []) for s in kinds.sections())
    sources = {r["id"] for r in _read(exported, "sources")}
    assert sources == {s["id"] for s in base["sources"]}
    for raw in base["sources"]:
        _check_row(next(r for r in _read(exported, "sources") if r["id"] == raw["id"]), raw, {})


def test_dates_are_iso_dates_with_precision(exported: Path) -> None:
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    checked = 0
    for resource in package["resources"]:
        names = {f["name"] for f in resource["schema"]["fields"]}
        dates = [n for n in names if f"{n}_text" in names and f"{n}_end" in names]
        for row in _read(exported, resource["name"]):
            for name in dates:
                if not row[name]:
                    assert not row[f"{name}_text"] and not row[f"{name}_end"]
                    continue
                first = datetime.date.fromisoformat(row[name])
                last = datetime.date.fromisoformat(row[f"{name}_end"])
                text, precision = row[f"{name}_text"], row[f"{name}_precision"]
                if text.endswith("-end"):  # the end of a year or month: its last day
                    assert precision == ("year_end" if len(text) == 8 else "month_end")
                    assert first == last and first.isoformat().startswith(text[:-4])
                else:
                    assert precision == {4: "year", 7: "month", 10: "day"}[len(text)]
                    assert first.isoformat().startswith(text)
                    assert last.isoformat().startswith(text)
                    assert first <= last and (first == last) == (precision == "day")
                checked += 1
    assert checked > 40


def test_cells_hold_no_lists(exported: Path) -> None:
    costs = _read(exported, "costs")
    assert not any(";" in v for row in costs for k, v in row.items() if "value" in k)
    amounts = _read(exported, "cost_amounts")
    assert [(a["fact_id"], float(a["value"]), a["unit"]) for a in amounts][:2] == [
        ("cost-v3-training", 5580000, "usd"),
        ("cost-v3-training", 7880000000, "krw"),
    ]


def test_refuses_a_directory_that_is_not_an_export(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    result = _export(runner, target)
    assert result.exit_code == 2
    assert "not an earlier aigap export" in result.output
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]  # no temp directory left


def test_replaces_an_earlier_export_and_fills_an_empty_directory(
    runner: CliRunner, exported: Path, tmp_path: Path
) -> None:
    assert _export(runner, exported).exit_code == 0  # an unchanged export is replaced
    assert (exported / "facts.csv").read_text(encoding="utf-8").startswith("id,kind")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    # a file changed since aigap wrote it is the user's now: kept, and the export refuses
    (exported / "facts.csv").write_text("stale", encoding="utf-8")
    result = _export(runner, exported)
    assert result.exit_code == 2 and "facts.csv is not the file aigap wrote" in result.output
    assert (exported / "facts.csv").read_text(encoding="utf-8") == "stale"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _export(runner, empty).exit_code == 0
    assert (empty / "datapackage.json").is_file()


def test_a_file_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("x", encoding="utf-8")
    result = _export(runner, path)
    assert result.exit_code == 2 and "not a directory" in result.output
    assert path.read_text(encoding="utf-8") == "x"


@pytest.mark.usefixtures("policy_kind")
def test_a_new_kind_gets_its_resource(runner: CliRunner, tmp_path: Path) -> None:
    from frictionless import validate

    target = tmp_path / "data"
    result = _export(runner, target, "--facts", _facts(tmp_path, "500만 달러"))
    assert result.exit_code == 0, result.output
    (row,) = _read(target, "policies")
    assert (row["date"], row["date_precision"], row["date_text"]) == (
        "2023-10-01",
        "month",
        "2023-10",
    )
    assert (row["measure_ko"], float(row["amount_value"]), row["amount_printed"]) == (
        "첨단 AI 칩 수출 통제",
        5000000,
        "500만 달러",
    )
    assert validate(str(target / "datapackage.json")).valid


def test_facts_json_has_every_field(runner: CliRunner, facts_path: Path) -> None:
    result = runner.invoke(app, ["facts", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["fact_id"]: r for r in json.loads(result.stdout)}
    base = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
    for section in kinds.sections():
        for raw in base.get(section) or []:
            row = rows[raw["id"]]["record"]
            assert row["id"] == raw["id"] and row["kind"] == kinds.by_section(section).name
            for key in raw:
                if key == "id":
                    continue
                assert ("subject_kind" if section == "market" and key == "kind" else key) in row
            assert row["passage_en"] == raw["passage_en"]
            assert rows[raw["id"]]["summary"]  # the listing's own fields stay


def test_entities_are_exported_with_aliases_and_affiliations(
    exported: Path, facts_path: Path
) -> None:
    import yaml

    entities = yaml.safe_load(facts_path.read_text(encoding="utf-8"))["entities"]
    with open(exported / "entities.csv", encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert set(rows) == {e["id"] for e in entities}
    assert rows["sam-altman"]["name_ko"] and rows["sam-altman"]["type"] == "person"
    with open(exported / "entity_affiliations.csv", encoding="utf-8", newline="") as f:
        ties = {(r["entity_id"], r["org"]) for r in csv.DictReader(f)}
    assert ("sam-altman", "openai") in ties


def test_no_cell_of_the_export_is_a_spreadsheet_formula(exported: Path) -> None:
    """The brief: CSV has no live spreadsheet formulas. The shipped base's own notes
    start with '@sama의 X 게시물', which Excel read as a formula (#NAME?)."""
    live = re.compile(r"[=+\-@\t\r]")
    number = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?%?")
    for path in sorted(exported.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    assert not (live.match(cell) and not number.fullmatch(cell)), (path, cell)
    notes = [r["note_ko"] for r in _read(exported, "sources")]
    assert any(n.startswith("@sama의 X 게시물") for n in notes)  # exact once undone
