"""Problems inside a fact file are said in the run's language; English stays as it was."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app
from aigap.core.labels import LABELS
from aigap.factfiles.load import check_fact_file
from aigap.factfiles.yaml_reader import read_yaml
from tests.test_load import GOOD


def _said(path: Path | str, lang: str, *more: str) -> str:
    """What ``gap`` prints for a fact file given with --facts (packaged facts left out)."""
    args = ["--lang", lang, "--no-packaged", "--facts", str(path), *more, "gap"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    return result.stderr


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GOOD, old
    path = tmp_path / "facts.yaml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    return path


# (what is changed in GOOD, the English aigap has always said, the Korean)
CASES = {
    "yaml duplicate key": (
        ("    unit: pp\n", "    unit: pp\n    unit: pp\n"),
        ":17: duplicate key 'unit' in this mapping",
        ":17: 이 매핑에 중복된 키가 있습니다: 'unit'",
    ),
    "yaml syntax (libyaml's words in English, the catalogue's in Korean)": (
        ("schema: 1\n", "schema: 1\n  bad: [\n"),
        ":2: YAML syntax error: mapping values are not allowed in this context",
        ":2: YAML 문법 오류: 이 위치에는 매핑 값을 쓸 수 없습니다"
        " (들여쓰기와, 따옴표 없는 값 속의 ': '를 확인하세요)",
    ),
    "missing field": (
        ('    printed_unit: "%"\n', ""),
        ":13: missing field 'printed_unit'",
        ":13: 필드 'printed_unit'이(가) 없습니다",
    ),
    "unknown field": (
        ("    passage_en: gap", "    pasage_en: gap"),
        ":22: unknown field 'pasage_en' (did you mean 'passage_en'?)",
        ":22: 알 수 없는 필드: 'pasage_en' (혹시 'passage_en'을(를) 찾으셨나요?)",
    ),
    "a quoted number": (
        ("value: 17.5,", "value: '17.5',"),
        ":19: expected a number, got a string ('17.5') (remove the quotes)",
        ":19: 숫자여야 합니다 (받은 값: 문자열('17.5')). 따옴표를 빼세요",
    ),
    "unknown entity": (
        ("    benchmark: x\n", "    benchmark: x\n    about: [xx]\n"),
        ":16: unknown entity id 'xx' (did you mean 'x'?)",
        ":16: 알 수 없는 개체 ID: 'xx' (혹시 'x'을(를) 찾으셨나요?)",
    ),
}


@pytest.mark.parametrize(("change", "english", "korean"), CASES.values(), ids=list(CASES))
def test_a_problem_in_the_fact_file_in_korean(
    tmp_path: Path, change: tuple[str, str], english: str, korean: str
) -> None:
    path = _broken(tmp_path, *change)
    assert _said(path, "ko") == f"{path}{korean}\n"
    assert _said(path, "en") == f"{path}{english}\n"


def test_a_bad_date_and_what_follows_from_it_in_korean(tmp_path: Path) -> None:
    # The source with the bad date is dropped, but its id still counts: the gap
    # that cites it gets no false "unknown source id" on top of the real problem.
    path = _broken(tmp_path, 'published: "2025-01-29"', 'published: "2025-02-30"')
    korean = "날짜가 잘못되었습니다: '2025-02-30' (2월 30일은 없습니다)"
    assert _said(path, "ko") == f"{path}:7: {korean}\n"
    assert _said(path, "en") == f"{path}:7: bad date '2025-02-30': day 30 does not exist\n"


def test_a_duplicate_id_in_korean(tmp_path: Path) -> None:
    path = _broken(
        tmp_path, "    name: {en: X}\n", "    name: {en: X}\n  - id: x\n    name: {en: Y}\n"
    )
    # one file names the other place by section and index (as it always has)
    assert _said(path, "ko") == f"{path}:12: 중복된 ID: 'x' (benchmarks[0]에도 있습니다)\n"
    assert _said(path, "en") == f"{path}:12: duplicate id 'x' (also benchmarks[0])\n"


def test_a_duplicate_id_across_two_files_in_korean(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text(GOOD, encoding="utf-8")
    second = tmp_path / "b.yaml"
    second.write_text("schema: 1\nbenchmarks:\n  - id: x\n    name: {en: Y}\n", encoding="utf-8")
    korean = _said(first, "ko", "--facts", str(second))
    assert korean == f"{second}:3: 중복된 ID: 'x' ({first}:10에도 있습니다)\n"
    english = _said(first, "en", "--facts", str(second))
    assert english == f"{second}:3: duplicate id 'x' (also {first}:10)\n"


def test_a_kinds_own_rule_in_korean(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'date: "2023"', 'date: "2025"')
    assert _said(path, "ko") == f"{path}:18: values는 날짜순이어야 합니다\n"
    assert _said(path, "en") == f"{path}:18: values must be in date order\n"


def test_check_speaks_the_run_language(tmp_path: Path) -> None:
    # issue 17 (Korean whole): check's listing and summary follow --lang, like every command
    path = _broken(tmp_path, '    printed_unit: "%"\n', "")
    result = CliRunner().invoke(app, ["--lang", "ko", "check", str(path)])
    assert f"{path}:13:5: 오류: 필드 'printed_unit'이(가) 없습니다" in result.output
    result = CliRunner().invoke(app, ["check", str(path)])
    assert f"{path}:13:5: error: missing field 'printed_unit'" in result.output


def test_problem_phrases_fill_the_same_fields_in_both_languages() -> None:
    for key, said in LABELS.items():
        if key.startswith(("problem.", "check.")):
            english, korean = (
                {f for _, f, _, _ in string.Formatter().parse(said[lang]) if f}
                for lang in ("en", "ko")
            )
            assert english == korean, key
            # label(key, lang, **fields): a field may not be called either
            assert not english & {"key", "lang"}, key


@pytest.mark.parametrize(
    ("data", "korean"),
    [
        (b"a: &x 1\nb: *x\n", "f.yaml:2:4: 별칭(*x)은 지원하지 않습니다"),
        (
            b"a: 1\x00\n",
            "f.yaml:1:5: 파일에 NUL 바이트가 있습니다: 사실 파일은 UTF-8 텍스트여야 합니다",
        ),
        (b"a: \xff\n", "f.yaml:1:4: UTF-8이 아닙니다: 잘못된 바이트 0xff"),
        (b"", "f.yaml:1:1: 파일이 비어 있습니다: 매핑이 있어야 합니다"),
        (b"a: !!binary x\n", "f.yaml:1:4: 지원하지 않는 태그: !!binary"),
        (b"a: 1\n---\nb: 2\n", "f.yaml:2:1: 파일에 YAML 문서가 둘 이상 있습니다"),
        (b"a: " + b"9" * 50 + b"\n", "f.yaml:1:4: 정수가 50자리로 너무 깁니다 (최대 40자리)"),
    ],
    ids=["alias", "nul", "not utf-8", "empty", "tag", "two documents", "long integer"],
)
def test_the_yaml_readers_problems_in_korean(data: bytes, korean: str) -> None:
    (problem,) = read_yaml(data, "f.yaml").problems
    assert problem.format(column=True, lang="ko") == korean
    assert problem.said is not None
    assert problem.message == problem.said.text("en")


@pytest.mark.parametrize("change", [change for change, _, _ in CASES.values()], ids=list(CASES))
def test_every_problem_has_its_catalogue_words(tmp_path: Path, change: tuple[str, str]) -> None:
    problems = check_fact_file(str(_broken(tmp_path, *change))).problems
    assert problems
    for problem in problems:
        assert problem.said is not None, problem.message
        assert problem.message == problem.said.text("en")


# Broken files, each making libyaml say one of its common problems
SYNTAX = {
    "mapping_values": "a: b: c\n",
    "block_entries": "a: - b\n",
    "expected_colon": "a: 1\n[b\n",
    "expected_key": "a:\n  b: 1\n c: 2\n",
    "expected_comma_bracket": "a: [1, 2\nb: 3\n",
    "expected_comma_brace": "a: {b: 1\nc: 2\n",
    "bad_token_start": "a: @b\n",
    "unexpected_end": 'a: "open\n',
    "tab_indent": "a: 1\n\tb: 2\n",
    "unknown_escape": 'a: "\\q"\n',
    "expected_hex": 'a: "\\xZZ"\n',
    "expected_dash": "- a\n- b\nc: 1\n",
}


@pytest.mark.parametrize(("key", "text"), SYNTAX.items(), ids=list(SYNTAX))
def test_libyamls_common_problems_are_said_in_korean(tmp_path: Path, key: str, text: str) -> None:
    from tests.test_korean_whole import english_words

    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    korean = _said(path, "ko").removeprefix(str(path))
    assert korean.startswith(":") and "YAML 문법 오류: " in korean
    assert LABELS[f"yaml.problem.{key}"]["ko"] in korean
    assert english_words(korean) == set(), korean
    english = _said(path, "en").removeprefix(str(path))
    assert f"YAML syntax error: {LABELS[f'yaml.problem.{key}']['en']}" in english


def test_a_yaml_problem_outside_the_catalogue_keeps_libyamls_english(tmp_path: Path) -> None:
    """The one exception to Korean output: a problem libyaml rarely says (a YAML
    version directive it does not know) is not in the catalogue, and its English
    words are shown rather than a vaguer Korean one. Listed here, with the reason."""
    path = tmp_path / "f.yaml"
    path.write_text("%YAML 2.0\n---\na: 1\n", encoding="utf-8")
    korean = _said(path, "ko")
    assert "YAML 문법 오류: found incompatible YAML document" in korean
    assert "found incompatible YAML document" not in {
        LABELS[key]["en"] for key in LABELS if key.startswith("yaml.problem.")
    }


# PyYAML's pure-Python parser (used where PyYAML has no libyaml) words some problems
# its own way, quoting what it found
PYTHON_SYNTAX = {
    "py_mapping_values": ("a: b: c\n", None),
    "py_sequence_entries": ("a: - b\n", None),
    "py_bad_token_start": ("a: @b\n", "'@'"),
    "py_unknown_escape": ('a: "\\q"\n', "'q'"),
}


@pytest.mark.parametrize(("key", "case"), PYTHON_SYNTAX.items(), ids=list(PYTHON_SYNTAX))
def test_the_python_parsers_common_problems_are_said_in_korean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, case: tuple[str, str | None]
) -> None:
    import yaml

    from aigap.factfiles import yaml_reader

    monkeypatch.setattr(yaml_reader, "_SafeLoader", yaml.SafeLoader)
    text, found = case
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    fields = {} if found is None else {"found": found}
    korean = LABELS[f"yaml.problem.{key}"]["ko"].format(**fields)
    english = LABELS[f"yaml.problem.{key}"]["en"].format(**fields)
    assert f"YAML 문법 오류: {korean}\n" in _said(path, "ko")
    assert f"YAML syntax error: {english}\n" in _said(path, "en")


@pytest.mark.parametrize("text", ["a: 1\nb:\n\t- c\n", "\tschema: 1\n"], ids=["item", "key"])
def test_a_tab_that_indents_is_called_a_tab_not_quote_it(tmp_path: Path, text: str) -> None:
    """libyaml calls a tab before a list item or a first key a character that 'cannot start
    any token'; Korean then said 'quote it' (따옴표로 감싸세요), wrong advice for a tab.
    Both languages name the tab, at its line and column."""
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    for lang in ("en", "ko"):
        said = _said(path, lang)
        assert LABELS["yaml.problem.tab_indent"][lang] in said, said
        assert "따옴표" not in said and "cannot start any token" not in said
