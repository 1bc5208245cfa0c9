"""The CLI on Typer's public API: global options either side of the command, usage
errors read without Typer's private modules, a question typed as a command, the
chart extra."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from aigap.cli import app
from aigap.cli.usage import USAGE_ERROR, framework_said

PACKAGE = Path(__file__).resolve().parent.parent / "aigap"
ENV = {"COLUMNS": "120", "NO_COLOR": "1"}


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={**ENV, **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_no_private_framework_api_and_only_declared_packages() -> None:
    for path in PACKAGE.rglob("*.py"):
        for name in _imports(path):
            root, *rest = name.split(".")
            if root in ("typer", "rich", "yaml", "msgspec", "matplotlib"):  # public API only
                assert not any(part.startswith("_") for part in rest), (path, name)
            assert not name.startswith("pydantic"), (path, name)  # Typer's, not declared by us
            if name.startswith("typer"):  # typer in the CLI only
                assert path.parent.name == "cli", (path, name)


# --- the one adapter to Click's exception types: fails loudly on a Typer upgrade -----


def test_the_usage_error_class_is_clicks() -> None:
    assert USAGE_ERROR.__name__ == "UsageError"
    assert issubclass(typer.BadParameter, USAGE_ERROR)
    ctx = typer.Context(typer.main.get_command(app))
    with pytest.raises(USAGE_ERROR):
        ctx.fail("x")


@pytest.mark.parametrize(
    ("args", "english", "korean"),
    [
        (["scores", "--bogus"], "No such option: --bogus", "그런 옵션이 없습니다: --bogus"),
        (["gap", "--svg"], "Option '--svg' requires an argument.", "옵션 --svg에는 값이 필요"),
        (
            ["gap", "--no-packaged=yes"],
            "does not take a value",
            "옵션 --no-packaged은(는) 값을 받지 않습니다",
        ),
        (["search"], "Missing argument 'words'.", "필요한 인자가 없습니다: '단어'"),
        (
            ["chart", "gap"],
            "Missing option '--out' / '-o'.",
            "필요한 옵션이 없습니다: '--out' / '-o'",
        ),
        (
            ["--max-bytes", "0", "gap"],
            "Invalid value for '--max-bytes': Input should be",
            "오류: '--max-bytes'의 값이 잘못되었습니다: 1 이상이어야",
        ),
    ],
)
def test_each_kind_of_click_usage_error(args: list[str], english: str, korean: str) -> None:
    """Typer's English is unchanged, and the adapter reads each kind for the Korean."""
    code, _, said = _run(*args)
    assert code == 2
    assert english in " ".join(said.replace("│", " ").split())
    code, _, said = _run("--lang", "ko", *args)
    assert code == 2
    assert korean in said, said
    assert "Usage" not in said and "Error" not in said


def test_the_adapter_passes_an_unknown_error_on_as_it_is() -> None:
    assert framework_said(ValueError("something else")) == "something else"


# --- global options before and after the command ----------------------------------


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_either_side(tmp_path: Path, where: str) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("schema: 1\nsources: []\n", encoding="utf-8")
    options = ["--no-packaged", "--facts", str(mine), "--lang", "ko", "--max-bytes", "100000"]
    args = [*options, "sources"] if where == "before" else ["sources", *options]
    code, out, err = _run(*args)
    assert code == 0, err
    assert out.startswith("출처")  # Korean, and only the user's (empty) file


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bad_value_is_named_by_where_it_came_from(lang: str) -> None:
    """Typed: the option alone; from the environment: the variable alone (Typer's hint
    names both wherever the value came from)."""
    typed = _run("--lang", lang, "gap", "--max-bytes", "0")
    from_env = _run("--lang", lang, "gap", env={"AIGAP_MAX_BYTES": "0"})
    flag_env = _run("--lang", lang, "gap", env={"AIGAP_NO_PACKAGED": "maybe"})
    assert typed[0] == from_env[0] == flag_env[0] == 2
    typed_said, env_said, flag_said = (
        " ".join(r[2].replace("│", " ").split()) for r in (typed, from_env, flag_env)
    )
    assert "'--max-bytes'" in typed_said and "AIGAP_MAX_BYTES" not in typed_said
    assert "'AIGAP_MAX_BYTES'" in env_said and "--max-bytes" not in env_said
    assert "'AIGAP_NO_PACKAGED'" in flag_said and "--no-packaged" not in flag_said
    word = "environment variable" if lang == "en" else "환경 변수"
    assert word in env_said and word in flag_said and word not in typed_said
    assert "env var" not in typed_said + env_said + flag_said


def test_max_bytes_typed_wins_over_the_environment() -> None:
    code, _, err = _run("--max-bytes", "10", "gap", env={"AIGAP_MAX_BYTES": "100000000"})
    assert code == 2 and "10" in err
    code, _, _ = _run("gap", "--max-bytes", "100000000", env={"AIGAP_MAX_BYTES": "10"})
    assert code == 0


# --- a question typed as a command ---------------------------------------------------


def test_a_question_typed_as_a_command_points_to_search() -> None:
    code, _, said = _run("how", "much", "did", "nvidia", "lose")
    flat = " ".join(said.replace("│", " ").split())
    assert code == 2
    assert "try: aigap search how much did nvidia lose" in flat
    assert "Did you mean" not in flat
    code, _, said = _run("--lang", "ko", "how", "much", "did", "nvidia", "lose")
    assert "이렇게 해 보세요: aigap search how much did nvidia lose\n" in said
    assert "찾으셨나요" not in said


def test_a_mistyped_command_still_gets_its_did_you_mean() -> None:
    for args in (["gpa"], ["gpa", "mmlu"], ["shwo", "altman"]):
        _, _, said = _run(*args)
        assert "Did you mean" in said, args
        assert "aigap search" not in said, args


def test_several_words_of_the_base_point_to_search() -> None:
    _, _, said = _run("nvidia", "stock", "drop")
    assert "try: aigap search nvidia stock drop" in " ".join(said.replace("│", " ").split())


# --- the chart extra -------------------------------------------------------------------

WITHOUT_MATPLOTLIB = """\
import sys
sys.modules["matplotlib"] = None  # as if the chart extra were not installed
from aigap.cli import main
sys.argv = ["aigap", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", 'aigap chart needs the chart extra: pip install "aigap[chart]"\n'),
        ("ko", 'aigap chart에는 chart 추가 기능이 필요합니다: pip install "aigap[chart]"\n'),
    ],
)
def test_chart_without_the_extra_exits_69(tmp_path: Path, lang: str, said: str) -> None:
    out = tmp_path / "gaps.png"
    args = ["chart", "gap", "--out", str(out), "--lang", lang]
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT_MATPLOTLIB, *args], capture_output=True, text=True
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (69, "", said)
    assert not out.exists()


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(
    "command",
    ["search", "check", "show", "gap", "timeline", "facts", "quotes", "scores", "cite", "chart"],
)
def test_help_shows_no_python_type_names(command: str, lang: str) -> None:
    # Typer's type column (<str>, <list[str]>, <bool>) is programmer's English,
    # in Korean help too; argument names, metavars and help say what is taken.
    code, out, _ = _run("--lang", lang, command, "--help")
    assert code == 0
    for python_type in ("<str>", "<list[str]>", "<bool>"):
        assert python_type not in out


@pytest.mark.parametrize("command", ["gap", "show", "cite"])
def test_an_unknown_pasted_paragraph_is_echoed_short(command: str) -> None:
    # A paragraph pasted as a name came back whole in the error (100 kB).
    code, out, err = _run(command, "x" * 5000)
    assert code == 2
    assert len(out + err) < 1000
    assert "x" * 79 + "…" in err


@pytest.mark.parametrize(
    ("command", "usage"),
    [("brief", "aigap brief [OPTIONS] [NAME]"), ("chart", "aigap chart [OPTIONS] {gap|scores}")],
)
def test_the_usage_line_brackets_an_argument_once(command: str, usage: str) -> None:
    # "[[NAME]]" and "{[gap|scores]}": the metavar had brackets of its own
    code, out, _ = _run(command, "--help")
    assert code == 0 and usage in out
    assert "[[" not in out and "{[" not in out
