"""The loader: files in, validated base or PATH:LINE problems out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aigap.core.errors import FactFileError
from aigap.factfiles.files import packaged_facts_path
from aigap.factfiles.load import check_fact_file, load_fact_base

GOOD = """\
schema: 1
sources:
  - id: src
    outlet: {en: Outlet}
    headline: {ko: 제목}
    byline: {ko: 기자}
    published: "2025-01-29"
    language: ko
benchmarks:
  - id: x
    name: {en: X}
gaps:
  - id: gap-x
    source: src
    benchmark: x
    unit: pp
    printed_unit: "%"
    values:
      - {date: "2023", label: {en: end of 2023}, value: 17.5, printed: "17.5%"}
      - {date: "2024", label: {en: end of 2024}, value: 0.3, printed: "0.3%"}
    passage: 격차
    passage_en: gap
"""


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def errors(path: str) -> list[str]:
    with pytest.raises(FactFileError) as caught:
        load_fact_base(path)
    return caught.value.lines()


def test_good_file_loads(tmp_path: Path) -> None:
    base = load_fact_base(write(tmp_path, GOOD))
    assert [g.id for g in base.section("gaps")] == ["gap-x"]


def test_packaged_base_is_found_and_loads() -> None:
    path = packaged_facts_path()
    assert path.is_file()
    assert load_fact_base(str(path)).section("gaps")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    unit: pp\n",
            "    unit: pp\n    unit: pp\n",
            "{p}:17: duplicate key 'unit' in this mapping",
        ),
        (
            "    source: src\n    benchmark",
            "    source: nope\n    benchmark",
            "{p}:14: unknown source id 'nope' (known: src)",
        ),
        (
            'published: "2025-01-29"',
            'published: "2025-02-30"',
            "{p}:7: bad date '2025-02-30': day 30 does not exist",
        ),
        (
            "value: 17.5,",
            'value: "17.5",',
            "{p}:19: expected a number, got a string ('17.5') (remove the quotes)",
        ),
        ('    printed_unit: "%"\n', "", "{p}:13: missing field 'printed_unit'"),
        ("  - id: gap-x", "  - id: src", "{p}:13: duplicate id 'src' (also sources[0])"),
        (
            "benchmarks:",
            "benchmarks: [\n",
            "{p}:11: YAML syntax error: did not find expected node content",
        ),
    ],
)
def test_each_problem_has_file_and_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    got = errors(path)
    assert expected.format(p=path) in got, got


def test_all_problems_are_reported(tmp_path: Path) -> None:
    text = GOOD.replace("unit: pp", "unit: points").replace("language: ko", "language: 1")
    got = errors(write(tmp_path, text))
    assert len(got) == 2


def test_problems_sorted_by_line_with_columns(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("unit: pp", "unit: points"))
    checked = check_fact_file(path)
    assert [p.format(column=True, severity=True) for p in checked.problems] == [
        f"{path}:3:5: warning: source 'src' supports no fact",
        f"{path}:16:5: error: expected one of pp, percent, elo, usd, krw, usd_per_hour, "
        "months, count; got a string ('points')",
    ]


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p, "{p}: no such file"),
        (lambda p: (p.mkdir(), p)[1], "{p}: is a directory, not a fact file"),
        (lambda p: (p.write_text(""), p)[1], "{p}:1: the file is empty: expected a mapping"),
        (
            lambda p: (p.write_text("- a\n- b\n"), p)[1],
            "{p}:1: the top level must be a mapping of sections, got a list",
        ),
    ],
)
def test_unusable_files(tmp_path: Path, make: object, expected: str) -> None:
    path = make(tmp_path / "facts.yaml")  # type: ignore[operator]
    assert errors(str(path)) == [expected.format(p=path)]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path(write(tmp_path, GOOD))
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate the refusal instead

        def refuse(*args: object, **kwargs: object) -> int:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(os, "open", refuse)
    assert errors(str(path)) == [f"{path}: cannot read: permission denied"]


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    with pytest.raises(FactFileError) as caught:
        load_fact_base(path, max_bytes=100)
    assert "over the 100-byte limit" in caught.value.lines()[0]
