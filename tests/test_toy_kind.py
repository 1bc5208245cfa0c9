"""A new kind of fact is its record module, its answer/layout module and one registry line:
a toy `policy` kind proves it.

The kind is registered in the test only; it is loaded from a fact file,
listed by `facts`, found by `search`, shown by `show` and checked by `check`;
its own question (newest policy first, through its ``index`` hook: the store
never names a kind) is answered from the Store and laid out as a table.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from aigap import kinds
from aigap.cli import app
from aigap.core.jsontypes import Record
from aigap.core.model import Amount, Benchmark, Fact, Lang, PartialDate, Text
from aigap.kinds.base import Figure, Indexed, Kind
from aigap.opener import with_store
from aigap.output.render import Column, Listing, print_listing
from aigap.store.queries import Store


class Policy(Fact, frozen=True, kw_only=True):
    """An export control: what it restricts, from when, and an amount it names."""

    date: PartialDate
    measure: Text
    amount: Amount | None = None

    kind: ClassVar[str] = "policy"


def summary(fact: Policy, lang: Lang, benchmarks: dict[str, Benchmark]) -> str:
    return f"{fact.measure.get(lang)} (from {fact.date.iso})"


def figures(fact: Policy) -> Iterator[Figure]:
    if fact.amount is not None:
        yield Figure(("amount", "value"), fact.amount.value, fact.amount.printed)


def by_amount(raw: Mapping[str, object]) -> Indexed:
    """Filed under its date; within a day, the largest amount first."""
    date, amount = raw.get("date"), raw.get("amount")
    value = amount.get("value") if isinstance(amount, dict) else None
    return Indexed(date, date, (0, -value) if isinstance(value, int | float) else None)


POLICY = Kind(
    name="policy",
    section="policies",
    record=Policy,
    summary=summary,
    figures=figures,
    search={"measure": 5},
    index=by_amount,
)


# The kind's answer module (aigap/answers/) and layout module (aigap/output/).
def policy_rows(store: Store) -> list[Policy]:
    return store.select(POLICY, order="ranked")


def policies_listing(rows: list[Policy], lang: Lang) -> Listing:
    records: list[Record] = [{"fact_id": p.id, "measure": p.measure.get(lang)} for p in rows]
    columns = [Column("fact_id", "Fact"), Column("measure", "Measure")]
    return Listing("Policies", columns, records)


FACT_FILE = """\
schema: 1
sources:
  - id: src-a
    outlet: {en: "Outlet"}
    headline: {ko: "제목"}
    byline: {en: "A. Writer"}
    published: 2025-01-29
    language: ko
policies:
  - id: policy-chips
    source: src-a
    date: 2023-10
    measure: {en: "Export controls on advanced AI chips", ko: "첨단 AI 칩 수출 통제"}
    amount: {value: 5000000, unit: usd, printed: "%(printed)s"}
    passage: "미국은 첨단 AI 칩 수출을 통제했다(%(printed)s)."
    passage_en: "The US restricted exports of advanced AI chips."
"""


@pytest.fixture
def policy_kind() -> Iterator[None]:
    kinds.register(POLICY)
    try:
        yield
    finally:
        kinds.unregister(POLICY)


def _facts(tmp_path: Path, printed: str) -> str:
    path = tmp_path / "facts.yaml"
    path.write_text(FACT_FILE % {"printed": printed}, encoding="utf-8")
    return str(path)


def _run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.mark.usefixtures("policy_kind")
def test_toy_kind_is_loaded_listed_found_and_shown(runner: CliRunner, tmp_path: Path) -> None:
    facts = _facts(tmp_path, "500만 달러")

    code, out = _run(runner, "--no-packaged", "--facts", facts, "facts", "--format", "json")
    assert code == 0, out
    (row,) = json.loads(out)
    assert row["kind"] == "policy"
    assert row["date"] == "2023-10"
    assert row["summary"] == "Export controls on advanced AI chips (from 2023-10)"

    code, out = _run(
        runner, "--no-packaged", "--facts", facts, "facts", "--kind", "policies", "--format", "json"
    )
    assert code == 0 and [r["fact_id"] for r in json.loads(out)] == ["policy-chips"]

    code, out = _run(
        runner, "--no-packaged", "--facts", facts, "search", "export controls", "--format", "json"
    )
    assert code == 0, out
    (hit,) = json.loads(out)
    assert (hit["id"], hit["kind"], hit["field"]) == ("policy-chips", "policy", "measure")

    code, out = _run(
        runner, "--no-packaged", "--facts", facts, "show", "policy-chips", "--format", "json"
    )
    assert code == 0, out
    shown = json.loads(out)
    assert shown["kind"] == "policy"
    assert shown["measure"] == {
        "en": "Export controls on advanced AI chips",
        "ko": "첨단 AI 칩 수출 통제",
    }
    assert shown["amount"]["printed"] == "500만 달러"

    code, out = _run(runner, "--no-packaged", "--facts", facts, "show", "policy-chips")
    assert code == 0 and "Export controls on advanced AI chips" in out


@pytest.mark.usefixtures("policy_kind")
def test_toy_kind_is_checked(runner: CliRunner, tmp_path: Path) -> None:
    code, out = _run(runner, "check", _facts(tmp_path, "500만 달러"), "--format", "json")
    assert code == 0, out

    # 5,000,000 printed as 600만 (6,000,000): check must catch the wrong figure
    code, out = _run(runner, "check", _facts(tmp_path, "600만 달러"), "--format", "json")
    assert code == 2
    (problem,) = json.loads(out)
    assert problem["severity"] == "error"
    assert problem["message"].startswith("value 5,000,000 does not match the printed '600만 달러'")


@pytest.mark.usefixtures("policy_kind")
def test_toy_kind_fields_are_validated(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    text = FACT_FILE % {"printed": "500만 달러"}
    path.write_text(text.replace("date: 2023-10", "date: 2023-13"))
    code, out = _run(runner, "check", str(path))
    assert code == 2
    assert "month 13 does not exist" in out


def test_unknown_section_without_the_kind(runner: CliRunner, tmp_path: Path) -> None:
    code, out = _run(runner, "check", _facts(tmp_path, "500만 달러"))
    assert code == 2
    assert "unknown section 'policies'" in out


@pytest.mark.usefixtures("policy_kind")
def test_toy_kind_answer_and_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _facts(tmp_path, "500만 달러")
    text = Path(path).read_text(encoding="utf-8")
    second = text.split("policies:\n", 1)[1].replace("policy-chips", "policy-tools")
    second = second.replace("5000000", "9000000").replace("advanced AI chips", "chip tools")
    Path(path).write_text(text + second, encoding="utf-8")
    rows = with_store(path, policy_rows)
    assert [p.id for p in rows] == ["policy-tools", "policy-chips"]  # the larger amount first
    print_listing(policies_listing(rows, "en"), "json")
    assert [r["fact_id"] for r in json.loads(capsys.readouterr().out)] == [
        "policy-tools",
        "policy-chips",
    ]
