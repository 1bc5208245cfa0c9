"""The run's language: with --lang ko (before or after the command) or a Korean
AIGAP_LANG, everything aigap writes is Korean, output and errors alike; English
stays English."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aigap.cli import app
from aigap.core.labels import LABELS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "aigap"
COMMANDS = [
    ["gap"],
    ["gap", "mmlu"],
    ["timeline"],
    ["scores"],
    ["market"],
    ["costs"],
    ["quotes"],
    ["facts"],
    ["sources"],
    ["cite", "gap-mmlu"],
    *(
        ["show", fact]
        for fact in (
            "gap-mmlu",
            "score-arena-google-2025-02",
            "event-chatgpt-release",
            "market-nvidia-2025-01-27",
            "cost-v3-training",
            "quote-hai-r1",
            "claim-gap-narrowed-within-year",
            "nocut-2025-04-08",
            "chatbot-arena",
        )
    ),
]


def _words(text: str) -> set[str]:
    """The whole words of ``text``: ``w in _words(t)`` is ``re.search(rf"\\b{w}\\b", t)``."""
    return set(re.findall(r"\w+", text))


@functools.cache  # the same set for every command: work it out once
def _english_label_words() -> frozenset[str]:
    """English words of aigap's own labels that the fact base's text never uses."""
    data = _words((ROOT / "facts.yaml").read_text(encoding="utf-8").lower())
    # an option (--limit) is the same in every language: not a word to translate
    words = {
        w.lower()
        for entry in LABELS.values()
        for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"--[a-z-]+", "", entry["en"]))
    }
    return frozenset(words - data)


def _run(args: list[str], env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1", **(env or {})})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_korean_output_has_no_english_label_words(args: list[str]) -> None:
    out = re.sub(r"--[a-z-]+", "", _run([*args, "--lang", "ko"])).lower()  # options stay
    leaked = sorted(_english_label_words() & _words(out))
    assert not leaked, leaked


def test_gap_headers_are_absolute_dates() -> None:
    out = _run(["gap", "mmlu", "--lang", "ko"])
    assert "2024년 말" in out.splitlines()[1]
    assert "지난해 말" not in out.splitlines()[1]
    assert "end of 2024" in _run(["gap", "mmlu"]).splitlines()[1]


@pytest.mark.parametrize(
    ("value", "title"),
    [
        ("ko_KR.UTF-8", "출처"),
        ("ko_KR", "출처"),
        ("ko", "출처"),
        ("en_US.UTF-8", "Sources"),
        ("C", "Sources"),
    ],
)
def test_locale_style_aigap_lang(value: str, title: str) -> None:
    assert _run(["sources"], env={"AIGAP_LANG": value}).splitlines()[0] == title


def test_unknown_language_is_a_clear_usage_error() -> None:
    result = CliRunner().invoke(app, ["sources"], env={"AIGAP_LANG": "fr_FR.UTF-8"})
    assert result.exit_code == 2
    assert "en or ko" in result.output


def test_korean_tables_write_percentage_points_the_korean_way() -> None:
    for args in (["gap"], ["gap", "mmlu"], ["scores"]):
        out = CliRunner().invoke(app, [*args, "--lang", "ko"]).stdout
        assert " pp" not in out, args
    assert "17.5%p" in CliRunner().invoke(app, ["gap", "mmlu", "--lang", "ko"]).stdout


HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _fail(args: list[str], env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "120", "NO_COLOR": "1", **(env or {})})
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    return result.stderr


def _catalogue_keys_in_code() -> set[str]:
    """Every key the code hands to AigapError.said or Phrase (literal or f-string prefix)."""
    keys: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            name = name or (node.func.id if isinstance(node.func, ast.Name) else None)
            if name not in ("said", "Phrase"):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                keys.add(first.value)
            elif isinstance(first, ast.JoinedStr):  # f"error.unknown.{what}": every variant
                head = first.values[0]
                assert isinstance(head, ast.Constant)
                keys.update(k for k in LABELS if k.startswith(str(head.value)))
    return keys


def test_every_error_key_has_english_and_korean() -> None:
    keys = _catalogue_keys_in_code()
    assert len(keys) > 30, keys  # the scan found the raisers
    for key in sorted(keys):
        assert key in LABELS, key
        assert set(LABELS[key]) == {"en", "ko"}, key
        if key != "error.asked.both":  # "{model}, {org}": the parts are Korean
            assert HANGUL.search(LABELS[key]["ko"]), key


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["gap", "mmlx", "--lang", "ko"], None),
        (["--lang", "ko", "gap", "mmlx"], None),
        (["gap", "mmlx"], {"AIGAP_LANG": "ko_KR.UTF-8"}),
    ],
    ids=["after", "before", "environment"],
)
def test_unknown_benchmark_in_korean(args: list[str], env: dict[str, str] | None) -> None:
    assert _fail(args, env) == (
        "알 수 없는 벤치마크: 'mmlx'\n"
        "혹시 'mmlu'을(를) 찾으셨나요?\n"
        "알려진 벤치마크: chatbot-arena, mmlu, mmmu, math, humaneval\n"
    )


def test_english_stays_english() -> None:
    assert _fail(["gap", "mmlx"]).startswith("unknown benchmark 'mmlx'\ndid you mean 'mmlu'?\n")


def test_the_language_given_explicitly_wins() -> None:
    # before the command beats the environment; after the command beats both
    assert _fail(["--lang", "en", "gap", "mmlx"], {"AIGAP_LANG": "ko"}).startswith("unknown")
    assert _fail(["--lang", "en", "gap", "mmlx", "--lang", "ko"]).startswith("알 수 없는")
    assert _fail(["--lang", "ko", "gap", "mmlx", "--lang", "en"]).startswith("unknown")


def test_lang_before_the_command_sets_the_output_language() -> None:
    result = CliRunner().invoke(app, ["--lang", "ko", "sources"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "출처"


@pytest.mark.parametrize(
    ("args", "korean"),
    [
        (["show", "nvida"], "알 수 없는 이름: 'nvida'"),
        (["timeline", "--since", "2025-13"], "날짜가 잘못되었습니다: '2025-13' (13월은 없습니다)"),
        (["timeline", "--since", "2025-02-30"], "(2월 30일은 없습니다)"),
        (["timeline", "--since", "Jan"], "YYYY, YYYY-MM 또는 YYYY-MM-DD로 쓰세요"),
        (["timeline", "--since", "2025", "--until", "2024"], "--until 2024보다 늦어"),
        (["timeline", "--tag", "nope"], "태그 'nope'이(가) 붙은 사실이 없습니다"),
        (["scores", "--org", "nobody"], "기관 'nobody'의 점수가 없습니다"),
        (["scores", "--model", "x", "--org", "y"], "모델 'x', 기관 'y'의 점수가 없습니다"),
        (["gap", "mmlu", "--svg", "x.png"], "파일 이름을 .svg로 끝내세요"),
        (["chart", "gap", "--out", "x.jpg"], "파일 이름을 .svg 또는 .png로 끝내세요"),
        (["cite", "nope"], "알 수 없는 이름: 'nope'"),
        (["--no-packaged", "gap"], "--facts 경로로 파일을 지정하세요"),
    ],
)
def test_errors_in_korean(args: list[str], korean: str) -> None:
    said = _fail([*args, "--lang", "ko"])
    assert korean in said
    assert not re.search(r"\b(unknown|did you mean|bad date|no fact|no scores)\b", said)


def test_export_errors_in_korean(tmp_path: Path) -> None:
    target = tmp_path / "full"
    target.mkdir()
    (target / "mine.txt").write_text("keep me")
    said = _fail(["--lang", "ko", "export", str(target)])  # export has no --lang of its own
    assert "이전 aigap 내보내기도 아니어서 덮어쓰지 않습니다" in said
    assert (target / "mine.txt").read_text() == "keep me"


# Usage errors: an English run keeps Typer's own (tests/test_cli.py); a Korean
# run says the usage line, the help hint and the error in Korean.
@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["scores", "--bogus"], "오류: 그런 옵션이 없습니다: --bogus (비슷한 옵션: --org)"),
        (["scores", "--limit", "-1"], "오류: '--limit' / '-n'의 값이 잘못되었습니다: 0 이상이어야"),
        (["scores", "--limit", "x"], "정수여야 합니다 (받은 값: 'x')"),
        (["gap", "-f", "xml"], "'xml'은(는) 고를 수 없습니다 (고를 수 있는 값: table, json"),
        (["facts", "--kind", "nope"], "'nope'은(는) 고를 수 없습니다 (고를 수 있는 값: gaps (격"),
        (["chart", "gaps"], "'gaps'은(는) 고를 수 없습니다 (고를 수 있는 값: gap, scores)"),
        (["search"], "오류: 필요한 인자가 없습니다: '단어'"),
        (["gap", "mmlu", "extra"], "오류: 예상하지 못한 인자가 있습니다: extra"),
        (["gap", "--svg"], "오류: 옵션 --svg에는 값이 필요합니다"),
        (["--max-bytes", "0", "gap"], "오류: '--max-bytes'의 값이 잘못되었습니다"),
    ],
)
def test_usage_errors_in_korean(args: list[str], error: str) -> None:
    said = _fail(["--lang", "ko", *args])
    assert error in said
    assert "Usage" not in said and "Error" not in said and "Try" not in said
    if args != ["gap", "--svg"]:  # Click gives that error no context: no usage line
        command = "aigap" if args[0].startswith("-") else "aigap " + args[0]
        assert said.startswith(f"사용법: {command} ")
        assert f"도움말: {command} -h\n" in said


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "ko", "scores", "--bogus"],  # before the command
        ["scores", "--bogus", "--lang", "ko"],  # after the error, not yet read
        ["scores", "--bogus", "--lang=ko"],
    ],
)
def test_usage_error_language_from_anywhere_on_the_line(args: list[str]) -> None:
    assert "오류: 그런 옵션이 없습니다: --bogus" in _fail(args)


def test_usage_error_language_from_the_environment() -> None:
    assert "그런 옵션이 없습니다" in _fail(["scores", "--bogus"], {"AIGAP_LANG": "ko"})
    # the last --lang on the line wins over an earlier one and the environment
    said = _fail(["--lang", "ko", "scores", "--bogus", "--lang", "en"], {"AIGAP_LANG": "ko"})
    assert "No such option: --bogus" in said


def test_unknown_command_in_korean_keeps_its_hint() -> None:
    said = _fail(["--lang", "ko", "nvidia"])
    assert "오류: 그런 명령이 없습니다: 'nvidia'\n이렇게 해 보세요: aigap show nvidia\n" in said
    english = _fail(["nvidia"])
    assert "No such command 'nvidia'." in english
    assert "try: aigap show nvidia" in english


def test_a_bad_directory_for_check_in_korean() -> None:
    said = _fail(["--lang", "ko", "check", "--sources", "/nonexistent-dir"])
    assert "'--sources'의 값이 잘못되었습니다: /nonexistent-dir: 디렉터리가 없습니다" in said


def test_no_arguments_still_shows_the_help_page() -> None:
    result = CliRunner().invoke(app, [], env={"AIGAP_LANG": "ko", "NO_COLOR": "1"})
    assert "사용법: aigap [옵션] 명령 [인자]..." in result.output  # the help page, in Korean
    assert "오류:" not in result.output


def test_the_systems_reason_in_both_languages() -> None:
    import errno

    from aigap.core.errors import Phrase, os_reason

    reason = os_reason(OSError(errno.EACCES, "Permission denied"))
    assert isinstance(reason, Phrase)
    assert (reason.text("en"), reason.text("ko")) == ("Permission denied", "권한이 없습니다")
    # one the catalogue does not know stays as the system says it
    assert os_reason(OSError(errno.ETIMEDOUT, "Connection timed out")) == "Connection timed out"


def test_a_file_aigap_cannot_write_in_korean(tmp_path: Path) -> None:
    target = tmp_path / "no" / "x.svg"
    result = CliRunner().invoke(app, ["gap", "mmlu", "--svg", str(target), "--lang", "ko"])
    assert result.exit_code == 74  # output that could not be written (issue 20)
    assert result.stderr == f"{target}에 쓸 수 없습니다: 그런 파일이나 디렉터리가 없습니다\n"


def test_a_missing_command_in_korean() -> None:
    assert _fail(["--lang", "ko"]).endswith("오류: 명령을 지정하세요\n")


@pytest.mark.parametrize(
    ("name", "korean"),
    [
        ("missing.yaml", "파일이 없습니다"),
        ("", "디렉터리에 사실 파일(*.yaml, *.yml)이 없습니다"),
    ],
    ids=["missing", "empty directory"],
)
def test_a_fact_file_that_cannot_be_used_in_korean(tmp_path: Path, name: str, korean: str) -> None:
    path = tmp_path / name if name else tmp_path
    said = _fail(["--lang", "ko", "--facts", str(path), "gap"])
    assert said == f"{path}: {korean}\n"
    assert "no such file" in _fail(["--facts", str(tmp_path / "missing.yaml"), "gap"])


def test_what_was_typed_is_text_in_a_korean_usage_error() -> None:
    said = _fail(["--lang", "ko", "scores", "--bo\x1b[31mgus"])
    assert "\x1b" not in said
    assert "--bo\\x1b[31mgus" in said


def test_a_mistyped_command_gets_its_did_you_mean_in_korean() -> None:
    said = _fail(["--lang", "ko", "gpa"])
    assert "오류: 그런 명령이 없습니다: 'gpa'\n혹시 'gap'을(를) 찾으셨나요?\n" in said
    # a word that is also in the base: both the command and the search
    said = _fail(["--lang", "ko", "gaps"])
    assert "혹시 'gap'을(를) 찾으셨나요?\n이렇게 해 보세요: aigap search gaps\n" in said
    english = " ".join(_fail(["gaps"]).replace("│", " ").split())
    assert "No such command 'gaps'. Did you mean 'gap'? try: aigap search gaps" in english
    assert "?." not in english


def test_a_missing_option_is_not_called_an_argument() -> None:
    said = _fail(["--lang", "ko", "chart", "gap", "out.txt"])
    assert "오류: 필요한 옵션이 없습니다: '--out' / '-o'" in said


def test_an_explicit_lang_wins_over_a_bad_environment() -> None:
    assert _fail(["--lang", "ko", "show", "mmlx"], {"AIGAP_LANG": "xx"}).startswith("알 수 없는")
    assert _fail(["show", "--lang", "ko", "mmlx"], {"AIGAP_LANG": "xx"}).startswith("알 수 없는")
    said = _fail(["show", "mmlx"], {"AIGAP_LANG": "xx"})
    assert "AIGAP_LANG='xx': aigap speaks en or ko" in said.replace("│", "").replace("\n", " ")


def test_no_hits_in_korean() -> None:
    result = CliRunner().invoke(app, ["--lang", "ko", "search", "zzzqqq"])
    assert result.exit_code == 0
    assert "(찾은 것이 없습니다)" in result.stdout
    assert "nothing" not in result.stdout


def test_a_bad_boolean_in_the_environment_is_said_in_korean() -> None:
    """AIGAP_NO_PACKAGED=maybe: Typer's English "Input should be a valid boolean" in Korean."""
    result = CliRunner().invoke(
        app, ["--lang", "ko", "gap"], env={"AIGAP_NO_PACKAGED": "maybe", "NO_COLOR": "1"}
    )
    assert result.exit_code == 2
    assert "참이나 거짓이어야 합니다" in result.stderr and "Input should" not in result.stderr
