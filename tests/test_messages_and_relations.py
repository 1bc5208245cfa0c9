"""Messages stay short at any scale, and entity relations are checked.

An unknown name in a base of 10,000 entities lists the nearest few names and
a count, never the whole base; an entity related to itself, an affiliation
listed twice or a relation to the wrong type is a file:line error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app
from aigap.core.errors import nearest

SOURCE = (
    "sources:\n"
    "  - {id: s1, outlet: {en: X}, headline: {ko: 제목}, byline: {en: A},"
    " published: 2025-01-01, language: ko}\n"
)


def _base(tmp_path: Path, entities: str, extra: str = "") -> str:
    path = tmp_path / "base.yaml"
    path.write_text(f"schema: 1\n{SOURCE}entities:\n{entities}{extra}", encoding="utf-8")
    return str(path)


def test_nearest_lists_a_few_and_a_count() -> None:
    known = [f"company-{n:05d}" for n in range(10_000)]
    said = nearest("company-0042x", known)
    assert not isinstance(said, str)
    text = said.text("en")
    assert text.endswith("and 9995 more") and "company-00042" in text
    assert nearest("x", ["a", "b"]) == "a, b"


@pytest.mark.slow
def test_an_unknown_name_in_a_big_base_is_one_short_message(
    runner: CliRunner, tmp_path: Path
) -> None:
    entities = "".join(
        f"  - {{id: org-{n:05d}, type: organization, name: {{en: Org {n}}}}}\n"
        for n in range(10_000)
    )
    facts = _base(tmp_path, entities)
    for args in (["show", "org-0042x"], ["show", "nothing-like-it"], ["gap", "no-bench"]):
        result = runner.invoke(app, ["--no-packaged", "--facts", facts, *args])
        assert result.exit_code == 2, result.output
        assert len(result.output) < 1000, len(result.output)


def test_an_unknown_tag_lists_a_few(runner: CliRunner) -> None:
    result = runner.invoke(app, ["timeline", "--tag", "nvidiaa"])
    assert result.exit_code == 2 and len(result.output) < 600, result.output


RELATIONS = {
    "country of itself": (
        "  - {id: land, type: country, name: {en: Land}, country: land}\n",
        "is the entity itself",
    ),
    "its own developer": (
        "  - {id: acme, type: organization, name: {en: Acme}, developer: acme}\n",
        "is the entity itself",
    ),
    "affiliation twice": (
        "  - {id: acme, type: organization, name: {en: Acme}}\n"
        "  - id: bob\n    type: person\n    name: {en: Bob}\n    affiliation:\n"
        "      - {org: acme}\n      - {org: acme}\n",
        "affiliation with 'acme' is listed twice",
    ),
    "wrong type": (
        "  - {id: bob, type: person, name: {en: Bob}}\n"
        "  - {id: acme, type: organization, name: {en: Acme}, country: bob}\n",
        "bob",
    ),
}


@pytest.mark.parametrize("case", list(RELATIONS))
def test_entity_relations_are_checked(runner: CliRunner, tmp_path: Path, case: str) -> None:
    entities, said = RELATIONS[case]
    facts = _base(tmp_path, entities)
    result = runner.invoke(app, ["--no-packaged", "--facts", facts, "show", "acme"])
    assert result.exit_code == 2, result.output
    assert "base.yaml:" in result.output and said in result.output, result.output
    check = runner.invoke(app, ["check", facts])
    assert check.exit_code in (1, 2) and said in check.output


def test_a_kind_may_be_typed_as_the_korean_tables_name_it(runner: CliRunner) -> None:
    korean = runner.invoke(app, ["timeline", "--kind", "격차", "-f", "json"])
    english = runner.invoke(app, ["timeline", "--kind", "gaps", "-f", "json"])
    assert korean.exit_code == 0 and korean.stdout == english.stdout
    facts = runner.invoke(app, ["facts", "--kind", "발언", "-f", "json"])
    assert facts.exit_code == 0 and '"kind": "quote"' in facts.stdout


def test_timeline_s_unknown_kind_names_the_option_in_korean(runner: CliRunner) -> None:
    """timeline --kind checked its values in the command's body: Korean said "None의 값이"."""
    result = runner.invoke(app, ["timeline", "--kind", "gapz", "--lang", "ko"])
    assert result.exit_code == 2
    assert "'--kind' / '-k'의 값이 잘못되었습니다" in result.stderr and "None" not in result.stderr
    assert "gaps (격차)" in result.stderr


def test_show_gives_each_gap_reading_its_unit(runner: CliRunner) -> None:
    """ "2023-end end of 2023: 17.5 (printed “17.5%”)" had no unit: 17.5 what?"""
    for lang, said in (("en", "end of 2023: 17.5 pp (printed"), ("ko", "2023년 말: 17.5%p (")):
        result = runner.invoke(app, ["show", "gap-mmlu", "--lang", lang], env={"COLUMNS": "200"})
        assert result.exit_code == 0 and said in result.stdout
