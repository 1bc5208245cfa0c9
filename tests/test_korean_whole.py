"""A Korean run writes Korean: every label, field name, unit and help text.

What may stay in Latin letters, and why:
- data: any whole text of the fact base (a name, an id, the English rendering
  of a passage), and a run of three or more of its words (a search snippet);
  a capitalised word of the base (Nvidia, CBS, Arena) is a name;
- what the user types: ``aigap``, the command names, option names, the values
  of a choice (``--format json``), examples of command lines;
- a short list of words Korean writes in Latin letters (``ALLOWED``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from aigap import kinds
from aigap.cli import app
from aigap.cli.app import COMMANDS
from aigap.factfiles.files import packaged_facts_path

ALLOWED = {
    "aigap",  # the program's name
    # Korean writes these in Latin letters (the articles do too)
    "AI",
    "ID",
    "LLM",
    # names of formats and tools, as their makers write them
    "JSON",
    "CSV",
    "SVG",
    "PNG",
    "YAML",
    "ISO",
    "UTF",
    "MiB",
    "BibTeX",
    "Zotero",
    "Pandoc",
    "Frictionless",
    "pandas",
    "R",
    "Excel",
    "CI",
    # placeholders in --help: a number, a date's form
    "N",
    "YYYY",
}
CHOICES = {
    *("table", "json", "csv", "markdown", "excel", "en", "ko", "text"),
    *("plain", "bibtex", "apa", "chicago", "csl", "gap", "scores", "chart"),
    *kinds.sections(),  # --kind gaps, --kind events: typed as they are
}
COMMAND_NAMES = {c.__name__ for c in COMMANDS}


# Fields whose values are codes aigap turns into words ("pp" -> %포인트), not data
CODES = {"unit", "kind", "precision", "speech", "said_en_is", "product", "type", "schema"}


def _data_texts() -> list[str]:
    texts: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.add(value.strip())
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    def walk_record(record: object) -> None:
        if isinstance(record, dict):
            for key, value in record.items():
                if key not in CODES:
                    walk_record(value)
        elif isinstance(record, list):
            for value in record:
                walk_record(value)
        else:
            walk(record)

    walk_record(yaml.safe_load(Path(packaged_facts_path()).read_text(encoding="utf-8")))
    return sorted((t for t in texts if re.search("[A-Za-z]", t)), key=len, reverse=True)


DATA = _data_texts()
# every whole data text, longest first, as one pattern (one pass over an output)
# (a space in it may be a line break: a citation wraps a long title at 80 columns)
DATA_PATTERN = re.compile(
    "(?<![A-Za-z])(?:"
    + "|".join(re.escape(t).replace("\\ ", r"\s+") for t in DATA)
    + ")(?![A-Za-z])"
)
NAMES = {w for t in DATA for w in re.findall(r"[A-Z][A-Za-z'’]*", t)}
EXAMPLE = re.compile(r"^[\s│]*(aigap |\S+ \| aigap )")
TYPER_TYPE = re.compile(r"<[\w\[\]|]+>")
CODE = re.compile(r"`[^`]*`")
QUOTED = re.compile(r"'[A-Za-z][^'\n]*'|‘[A-Za-z][^’\n]*’|“[A-Za-z][^”\n]*”")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ ,;:'’-]+[A-Za-z][A-Za-z'’]*){2,}")
DATA_LOWER = [t.casefold() for t in DATA]


def english_words(output: str, typed: list[str] | None = None) -> set[str]:
    """The Latin-letter words of ``output`` that are neither data, nor typed, nor allowed."""
    # an example command line (aigap gap mmlu, pbpaste | aigap verify) is typed, not read
    lines = [line for line in output.splitlines() if not EXAMPLE.search(line)]
    text = "\n".join(lines)
    # a help page at COLUMNS=5000 is mostly box rules and padding, which the data
    # pattern below would try at every character (seconds a page): one space each
    text = re.sub(r"[\u2500-\u257f]+", " ", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = TYPER_TYPE.sub(" ", text)  # Typer's type column for arguments: not renamable
    text = CODE.sub(" ", text)  # `frictionless validate DIR`: a command, quoted as code
    text = re.sub(r"%p\b", " ", text)  # the Korean unit of percentage points (17.5%p)
    text = DATA_PATTERN.sub(" ", text)
    text = QUOTED.sub(" ", text)  # a name quoted in a note: 'General language: MMLU'
    # a snippet: three or more words of a data text
    text = RUN.sub(lambda m: " " if _in_data(m.group()) else m.group(), text)
    # options, ids, file names, paths, environment variables: typed, not read
    text = re.sub(r"(?<!\w)--?[\w-]+|\S*[_./\d@]\S*|\b\w+-\w[\w-]*", " ", text)
    found = set(WORD.findall(text))
    mine = {w for arg in typed or () for w in WORD.findall(arg)}
    return {w for w in found if w not in ALLOWED | CHOICES | COMMAND_NAMES | NAMES | mine}


def _in_data(run: str) -> bool:
    folded = run.casefold()
    return any(folded in t for t in DATA_LOWER)


def _korean(args: list[str]) -> str:
    result = CliRunner().invoke(
        app, [*args, "--lang", "ko"], env={"COLUMNS": "5000", "NO_COLOR": "1"}
    )
    assert result.exit_code in (0, 1, 2), result.output
    return result.stdout + result.stderr


OUTPUTS = [
    ["gap"],
    ["gap", "mmlu"],
    ["timeline"],
    ["scores"],
    ["market"],
    ["costs"],
    ["quotes"],
    ["facts"],
    ["sources"],
    ["search", "nvidia"],
    ["search", "how", "much", "did", "nvidia", "lose"],
    ["search", "딥시크", "훈련", "비용"],
    ["search", "mmlu", "gap"],
    ["show", "market-nvidia-2025-01-27"],
    ["show", "gap-mmlu"],
    ["show", "cost-v3-h800-rental"],
    ["show", "quote-trump-wake-up-call"],
    ["show", "event-deepseek-founded"],
    ["show", "mk-2025-01-29"],
    ["show", "mmlu"],
    ["show", "nvidia"],
    ["show", "altman"],
    ["cite", "gap-mmlu"],
    ["cite", "altman", "--style", "apa"],
    ["brief"],
    ["brief", "nvidia"],
    # errors
    ["gap", "mmlx"],
    ["scores", "--bogus"],
    ["gpa"],
    ["how", "much", "did", "nvidia", "lose"],
    ["timeline", "--since", "2025-13"],
]


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_korean_output_has_no_english_words(args: list[str]) -> None:
    assert english_words(_korean(args), args) == set()


@pytest.mark.parametrize("command", ["", *sorted(COMMAND_NAMES)])
def test_korean_help_has_no_english_words(command: str) -> None:
    said = _korean([command, "--help"] if command else ["--help"])
    assert "사용법: aigap" in said
    assert english_words(said) == set()


def test_the_check_finds_english() -> None:
    """The scan itself: a label left in English is found, data is not."""
    assert english_words("종가 118.42달러, close 118.42달러") == {"close"}
    assert english_words("17.5 pp (2023년 말)") == {"pp"}
    assert english_words("speech direct") == {"speech", "direct"}
    assert english_words("엔비디아 (Nvidia) 2025-01-27 market-nvidia-2025-01-27") == set()


# --- check: a curator's findings, in Korean -----------------------------------------
# Bad fact files, each from a small good one (tests.test_load.GOOD) or the packaged
# base: (what is changed, in order) and whether its source names a text in --sources.
CHECK_FILES: dict[str, tuple[tuple[tuple[str, str], ...], bool]] = {
    "unknown field": ((("    passage_en: gap", "    pasage_en: gap"),), False),
    "missing field": ((('    printed_unit: "%"\n', ""),), False),
    "bad yaml": ((("schema: 1\n", "schema: 1\n  bad: [\n"),), False),
    "printed not in the passage": (
        (('value: 17.5, printed: "17.5%"', 'value: 99.9, printed: "99.9%"'),),
        True,
    ),
    "value against its printed form": (
        (('value: 17.5, printed: "17.5%"', 'value: 71.5, printed: "17.5%"'),),
        True,
    ),
    "passage not in the source text": ((("    passage: 격차", "    passage: 간격"),), True),
    "source text missing": ((("    file: src.txt", "    file: none.txt"),), True),
    "source text not a plain name": ((("    file: src.txt", "    file: ../src.txt"),), True),
    "source text not utf-8": ((("    file: src.txt", "    file: latin1.txt"),), True),
}


def _check_korean(args: list[str]) -> tuple[str, str]:
    result = CliRunner().invoke(
        app, ["check", *args, "--lang", "ko"], env={"COLUMNS": "5000", "NO_COLOR": "1"}
    )
    assert result.exit_code in (1, 2), result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize("case", list(CHECK_FILES))
def test_korean_check_has_no_english_words(tmp_path: Path, case: str) -> None:
    from tests.test_load import GOOD

    changes, with_text = CHECK_FILES[case]
    text = GOOD
    if with_text:  # the source names its text, and --sources holds it
        text = text.replace("    language: ko\n", "    language: ko\n    file: src.txt\n")
        (tmp_path / "src.txt").write_text("MMLU 격차 17.5% 0.3%\n", encoding="utf-8")
        (tmp_path / "latin1.txt").write_bytes(b"caf\xe9\n")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    out, err = _check_korean([str(path), "--sources", str(tmp_path)])
    assert out and english_words(out) == set()
    assert err.startswith(f"{path}: 사실 ") and english_words(err) == set()
    assert ": 오류: " in out or ": 경고: " in out


def test_korean_check_of_recomputed_figures(tmp_path: Path) -> None:
    """Gap, previous close, exchange rate and printed figures, recomputed: said in Korean."""
    from tests.test_check import FACTS, FACTS_DATA, SEEDS

    text = FACTS
    for old, new, _ in SEEDS:
        text = text.replace(old, new)
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    out, err = _check_korean([str(path)])
    assert "최고 점수로 다시 계산한" in out and "1달러에 14,121.86원" in out
    assert "역산한 ~142.5달러" in out
    assert english_words(out + err) == set()
    facts = sum(len(FACTS_DATA.get(k) or ()) for k in kinds.sections())
    assert err == f"{path}: 사실 {facts}개, 오류 {out.count(': 오류: ')}개\n"


def test_korean_check_of_ratios_and_the_more_line(tmp_path: Path) -> None:
    from tests.test_check_scaling import TEXT_LIMIT, costs_of_one_subject

    path = tmp_path / "costs.yaml"
    path.write_text(costs_of_one_subject(n_costs=TEXT_LIMIT + 5, n_claims=1), encoding="utf-8")
    out, err = _check_korean([str(path)])
    lines = out.splitlines()
    assert lines[-1] == "… 문제 4개 더 있음 (--format json은 전부 출력)"
    assert "비율 10분의 1(0.1)에 맞는 'X training' 비용이 없습니다" in lines[0]
    assert english_words(out + err) == set()
    assert err.endswith(f"오류 {TEXT_LIMIT + 4}개\n")


def test_check_findings_carry_catalogue_words(tmp_path: Path) -> None:
    """Every problem check finds has its catalogue words; its English is as it was."""
    from aigap.answers.checks import check
    from tests.test_check import FACTS, SEEDS

    text = FACTS
    for old, new, _ in SEEDS:
        text = text.replace(old, new)
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace("file: 000_", "file: none_"), encoding="utf-8")
    problems = check(str(path), str(tmp_path))
    assert len(problems) > 5
    for problem in problems:
        assert problem.said is not None, problem.message
        assert problem.message == problem.said.text("en")
        assert english_words(problem.format(severity=True, lang="ko")) == set()


@pytest.mark.parametrize(
    "case", ["missing file", "directory without fact files", "too big", "copy of the base"]
)
def test_korean_check_of_unusable_files(tmp_path: Path, case: str) -> None:
    """Said in Korean whichever way Korean is asked for: here AIGAP_LANG."""
    copy = tmp_path / "mine.yaml"
    copy.write_text(Path(packaged_facts_path()).read_text(encoding="utf-8"), encoding="utf-8")
    args = {
        "missing file": [str(tmp_path / "none.yaml")],
        "directory without fact files": [str(tmp_path / "empty")],
        "too big": [str(copy), "--max-bytes", "100"],
        "copy of the base": ["--facts", str(copy)],
    }[case]
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(
        app, ["check", *args], env={"COLUMNS": "5000", "NO_COLOR": "1", "AIGAP_LANG": "ko"}
    )
    assert result.exit_code == 2, result.output
    assert ": 오류: " in result.stdout and ": 사실 " in result.stderr
    assert english_words(result.stdout + result.stderr) == set()


def test_a_korean_date_s_precision_is_not_a_weekday() -> None:
    """A precision in Korean says 단위: "2025-01-27 (일)" read as a Sunday, "(월)" a Monday."""
    said = _korean(["show", "event-deepseek-founded"]) + _korean(["show", "quote-hai-r1"])
    assert "2023-05 (월 단위)" in said and "2025-04-07 (일 단위)" in said
    assert not re.search(r"\d \((일|월|연)\)", said)


def test_korean_export_says_what_it_wrote_in_korean(tmp_path: Path) -> None:
    said = _korean(["export", str(tmp_path / "data")])
    assert "자료 20개" in said and "resources" not in said
    assert english_words(said) == set()
