"""Your own fact files beside the packaged base: --facts repeated, directories,
AIGAP_FACTS as a list, clashes with both file:lines, validation of entities."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from aigap.cli import app
from aigap.factfiles.files import packaged_facts_path

MINE = """\
schema: 1
sources:
  - id: my-notes
    outlet: {en: "My notebook"}
    headline: {en: "Interview notes"}
    byline: {en: "Me"}
    published: "2025-02-03"
    language: en
events:
  - id: event-my-interview
    source: my-notes
    about: [deepseek, liang-wenfeng]
    date: "2025-02-03"
    precision: day
    what: {en: "I interviewed a DeepSeek engineer."}
    passage: "Interview with a DeepSeek engineer."
    passage_en: "Interview with a DeepSeek engineer."
"""

MORE = """\
schema: 1
entities:
  - id: hangzhou-lab
    type: organization
    name: {en: "Hangzhou Lab", ko: "항저우 연구소"}
    country: china
claims:
  - id: claim-my-lab
    source: mk-2025-01-29
    about: [hangzhou-lab, deepseek]
    claim: {en: "A claim of my own, citing the packaged article."}
    passage: "딥시크"
    passage_en: "DeepSeek"
"""

CLASH = """\
schema: 1
events:
  - id: event-r1-release
    source: mk-2025-01-29
    date: "2025-01-20"
    precision: day
    what: {en: "R1 again"}
    passage: "x"
    passage_en: "x"
"""


def run(runner: CliRunner, *args: str, code: int = 0, env: dict[str, str] | None = None) -> Any:
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == code, (args, result.output)
    return result


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def timeline_ids(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> set[str]:
    out = run(runner, *args, "timeline", "-f", "json", env=env).stdout
    return {e["fact_id"] for e in json.loads(out)}


def test_own_file_adds_to_the_packaged_base(runner: CliRunner, tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.yaml", MINE)
    ids = timeline_ids(runner, "--facts", str(mine))
    assert "event-my-interview" in ids and "market-nvidia-2025-01-27" in ids
    page = json.loads(run(runner, "--facts", str(mine), "show", "deepseek", "-f", "json").stdout)
    assert "event-my-interview" in page["facts"]
    # after the command too
    out = run(runner, "show", "event-my-interview", "--facts", str(mine)).stdout
    assert "my-notes" in out


def test_repeated_facts_and_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.yaml", MINE)
    more = write(tmp_path / "more.yml", MORE)
    write(tmp_path / "notes.txt", "not a fact file")
    both = timeline_ids(runner, "--facts", str(mine), "--facts", str(more))
    assert "event-my-interview" in both
    page = run(runner, "--facts", str(tmp_path), "show", "항저우 연구소", "-f", "json").stdout
    data = json.loads(page)
    assert data["facts"] == ["claim-my-lab"]
    assert {"relation": "country", "id": "china", "name": "China", "role": None} in data[
        "relations"
    ]


def test_aigap_facts_is_a_list(runner: CliRunner, tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.yaml", MINE)
    more = write(tmp_path / "more.yaml", MORE)
    env = {"AIGAP_FACTS": os.pathsep.join([str(mine), str(more)])}
    out = run(runner, "show", "hangzhou-lab", "-f", "json", env=env).stdout
    assert json.loads(out)["facts"] == ["claim-my-lab"]
    assert "event-my-interview" in timeline_ids(runner, env=env)


def test_no_packaged_reads_only_yours(runner: CliRunner, tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.yaml", MINE.replace("about: [deepseek, liang-wenfeng]", ""))
    assert timeline_ids(runner, "--no-packaged", "--facts", str(mine)) == {"event-my-interview"}
    result = run(runner, "--no-packaged", "gap", code=2)
    assert "--no-packaged leaves no fact file" in result.stderr


def test_clash_names_both_files_and_lines(runner: CliRunner, tmp_path: Path) -> None:
    clash = write(tmp_path / "clash.yaml", CLASH)
    result = run(runner, "--facts", str(clash), "timeline", code=2)
    packaged = str(packaged_facts_path())
    line = next(
        i
        for i, text in enumerate(packaged_facts_path().read_text(encoding="utf-8").splitlines(), 1)
        if text.strip() == "- id: event-r1-release"
    )
    assert f"{clash}:3: duplicate id 'event-r1-release' (also {packaged}:{line})" in result.stderr
    checked = run(runner, "--facts", str(clash), "check", code=2).stdout
    assert re.search(rf"{re.escape(str(clash))}:3:\d+: error: duplicate id", checked)


def test_entity_name_clash_across_files(runner: CliRunner, tmp_path: Path) -> None:
    other = write(
        tmp_path / "other.yaml",
        "schema: 1\nentities:\n  - id: nv\n    type: organization\n"
        '    name: {en: "NV"}\n    aliases: ["엔비디아"]\n',
    )
    result = run(runner, "--facts", str(other), "gap", code=2)
    assert f"{other}:6: name '엔비디아' is already used by entity 'nvidia'" in result.stderr
    assert f"({packaged_facts_path()}:" in result.stderr


def test_two_own_files_clash(runner: CliRunner, tmp_path: Path) -> None:
    a = write(tmp_path / "a.yaml", MINE)
    b = write(tmp_path / "b.yaml", MINE.replace("id: my-notes", "id: my-notes-2"))
    result = run(runner, "--facts", str(a), "--facts", str(b), "gap", code=2)
    assert f"{b}:10: duplicate id 'event-my-interview' (also {a}:10)" in result.stderr


def test_cache_keys_on_every_file(runner: CliRunner, tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.yaml", MINE)
    more = write(tmp_path / "more.yaml", MORE)
    args = ("--facts", str(mine), "--facts", str(more))
    assert "claim-my-lab" in {
        f["fact_id"] for f in json.loads(run(runner, *args, "facts", "-f", "json").stdout)
    }
    write(more, MORE.replace("claim-my-lab", "claim-my-lab-2"))
    ids = {f["fact_id"] for f in json.loads(run(runner, *args, "facts", "-f", "json").stdout)}
    assert "claim-my-lab-2" in ids and "claim-my-lab" not in ids


def test_a_directory_without_fact_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(runner, "--facts", str(tmp_path / "empty"), "gap", code=2)
    assert "directory has no fact files (*.yaml, *.yml)" in result.stderr


# Validation of entities and about ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            MINE.replace("about: [deepseek, liang-wenfeng]", "about: [deepsek]"),
            ":12: unknown entity id 'deepsek' (did you mean 'deepseek'?)",
        ),
        (
            MORE.replace("country: china", "country: deepseek"),
            ":6: 'deepseek' is of type organization, not country",
        ),
        (
            MORE.replace("country: china", "country: chian"),
            ":6: unknown entity id 'chian' (did you mean 'china'?)",
        ),
        (
            MORE.replace("type: organization", "type: benchmark"),
            ":4: expected one of organization, model, person, country",
        ),
    ],
)
def test_entity_errors_are_located(
    runner: CliRunner, tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path / "mine.yaml", text)
    result = run(runner, "--facts", str(path), "gap", code=2)
    assert f"{path}{message}" in result.stderr
